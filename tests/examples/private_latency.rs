//! From the exchange's fill to the bot's typed event, on the simulator: `cargo run --release -p
//! bitget-tests --example private_latency -- [FILLS] [POLLS]` (10,000 fills through an
//! `OrderFeed`, 200 through a REST poll loop at the fills endpoint's documented 10 requests a
//! second) prints p50 and p99 of both as JSON. The stream's figure includes the simulator's
//! push interval (`stream_tick_ms`), which stands in for Bitget's own; the poll's is mostly
//! half the polling interval. Both run in this one process, on the same simulator.

#![allow(clippy::print_stdout)] // an example that prints its figures

use std::time::{Duration, Instant};

use bitget_core::{Client, Credentials, Decimal};
use bitget_endpoints::feed::{FeedEvent, OrderFeed};
use bitget_endpoints::mix::ProductType;
use bitget_endpoints::mix::order::Fills;
use bitget_endpoints::mix::ws::FuturesOrders;
use bitget_endpoints::stream::Streams;
use bitget_sim::exchange::{Effect, NewOrder, Side};
use bitget_sim::{Account, RunningSimulator, Simulator};

const TICK_MS: u64 = 5;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// Makes one fill of the bot (buying or selling 0.001 against the maker) and returns its order
/// id.
fn fill(sim: &RunningSimulator, n: usize) -> Result<String, String> {
    let id = sim.ensure_futures("USDT-FUTURES", "BTCUSDT")?;
    let (bot, mm) = (
        sim.uid_of("bot").unwrap_or_default(),
        sim.uid_of("mm").unwrap_or_default(),
    );
    let net = Effect::Net { reduce_only: false };
    // Alternating sides keeps the bot's position (and margin) small.
    let (maker, taker) = if n % 2 == 0 {
        (Side::Sell, Side::Buy)
    } else {
        (Side::Buy, Side::Sell)
    };
    sim.with_exchange(|ex| {
        ex.set_time(now_ms());
        let price = dec("60000");
        ex.place(NewOrder::limit(&mm, id.clone(), maker, price, dec("0.001")).effect(net))
            .map_err(|e| format!("{e:?}"))?;
        ex.place(NewOrder::limit(&bot, id.clone(), taker, price, dec("0.001")).effect(net))
            .map(|o| o.to_string())
            .map_err(|e| format!("{e:?}"))
    })
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

#[tokio::main]
async fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>());
    let mut next = |default: usize| args.next().and_then(Result::ok).unwrap_or(default);
    let (fills, polls) = (next(10_000), next(200));
    let sim = Simulator::builder()
        .account(Account::new("bot", "bot-s", "bot-p"))
        .account(Account::new("mm", "mm-s", "mm-p"))
        .without_rate_limits()
        .start()
        .await
        .map_err(|e| e.to_string())?;
    sim.stream_tick(Duration::from_millis(TICK_MS));
    let client = Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new("bot", "bot-s", "bot-p"))
        .build()
        .map_err(|e| e.to_string())?;
    let streams = Streams::new(&client);
    let mut feed = OrderFeed::subscribe(
        &streams,
        &client,
        FuturesOrders::new(ProductType::UsdtFutures),
    )
    .await
    .map_err(|e| e.to_string())?;

    // The stream: each fill made, then waited for as a typed event.
    let mut stream_ms = Vec::with_capacity(fills);
    for n in 0..fills {
        let order = fill(&sim, n)?;
        let made = Instant::now();
        loop {
            match tokio::time::timeout(Duration::from_secs(5), feed.next()).await {
                Ok(Some(Ok(FeedEvent::Fill { fill, .. }))) if fill.order_id == order => break,
                Ok(Some(Ok(_))) => {}
                other => return Err(format!("no fill event: {other:?}")),
            }
        }
        stream_ms.push(made.elapsed().as_secs_f64() * 1e3);
    }

    // A REST poll loop at the documented rate: the newest fills every 100 ms, a fill made at a
    // moment that does not know the loop's phase.
    let mut poll_ms = Vec::with_capacity(polls);
    let mut ticker = tokio::time::interval(Duration::from_millis(100));
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for n in 0..polls {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        tokio::time::sleep(Duration::from_millis((seed >> 33) % 100)).await;
        let order = fill(&sim, fills + n)?;
        let made = Instant::now();
        loop {
            ticker.tick().await;
            let request = Fills::builder()
                .product_type(ProductType::UsdtFutures)
                .limit(10)
                .build()
                .map_err(|e| e.to_string())?;
            let page = client.send(&request).await.map_err(|e| e.to_string())?;
            if page.fill_list.iter().any(|f| f.order_id == order) {
                break;
            }
        }
        poll_ms.push(made.elapsed().as_secs_f64() * 1e3);
    }

    stream_ms.sort_by(f64::total_cmp);
    poll_ms.sort_by(f64::total_cmp);
    let (s50, s99) = (percentile(&stream_ms, 0.5), percentile(&stream_ms, 0.99));
    let (r50, r99) = (percentile(&poll_ms, 0.5), percentile(&poll_ms, 0.99));
    println!(
        "{}",
        serde_json::json!({
            "stream_tick_ms": TICK_MS,
            "stream": {"fills": fills, "p50_ms": s50, "p99_ms": s99},
            "rest_poll": {"per_second": 10, "fills": polls, "p50_ms": r50, "p99_ms": r99},
            "poll_over_stream_p50": if s50 > 0.0 { r50 / s50 } else { 0.0 },
        })
    );
    Ok(())
}
