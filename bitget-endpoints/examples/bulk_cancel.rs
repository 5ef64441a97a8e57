//! Benchmark: cancel N futures orders through `bulk` against the in-process simulator at the
//! documented 10 requests/s, and print one JSON line:
//! `{"orders":N,"requests":R,"wall_s":W,"bound_s":B,"http_429":0,"lost":0,...}` where B is the
//! time the rate limit itself makes necessary for R requests, (R - 1) / 10 s.
//!
//! `cargo run --release --example bulk_cancel -- --orders 5000 [--error-5xx 0.1]`

#![allow(clippy::print_stdout)]

use std::time::Instant;

use bitget_endpoints::bulk::{BulkCancel, OrderRef, Outcome};
use bitget_endpoints::mix::ProductType;
use bitget_endpoints::{Client, Credentials};
use bitget_sim::{Account, Faults, Simulator};

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let orders: usize = arg("--orders").map_or(Ok(5000), |v| v.parse())?;
    let error_5xx: f64 = arg("--error-5xx").map_or(Ok(0.0), |v| v.parse())?;
    let (key, secret, pass) = ("bench-key", "bench-secret", "bench-pass");
    let sim = Simulator::builder()
        .account(Account::new(key, secret, pass))
        .start()
        .await?;
    let mut ids = Vec::with_capacity(orders);
    for i in 0..orders {
        let order =
            sim.seed_futures_order(key, "USDT-FUTURES", "BTCUSDT", Some(&format!("b{i}")))?;
        ids.push(OrderRef::OrderId(order.order_id));
    }
    sim.set_faults(Faults {
        error_5xx,
        seed: 42,
        ..Faults::default()
    });
    let client = Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new(key, secret, pass))
        .build()?;

    let started = Instant::now();
    let report = BulkCancel::futures(client, ProductType::UsdtFutures, "BTCUSDT")
        .ids(ids.clone())
        .run()
        .await?;
    let wall = started.elapsed().as_secs_f64();

    let log = sim.requests();
    let requests = log.len();
    let http_429 = log.iter().filter(|r| r.status == 429).count();
    let live: std::collections::HashSet<String> = sim
        .live_orders(key)
        .into_iter()
        .map(|o| o.order_id)
        .collect();
    // Lost: an input id without its outcome, or whose outcome is wrong (cancelled but still
    // live; failed but gone).
    let reported = report.outcomes.len();
    let wrong = report
        .outcomes
        .iter()
        .filter(|(id, outcome)| {
            let OrderRef::OrderId(id) = id else {
                return true;
            };
            match outcome {
                Outcome::Cancelled => live.contains(id),
                Outcome::Failed { .. } => !live.contains(id),
                _ => false,
            }
        })
        .count();
    let lost = orders.abs_diff(reported) + wrong;
    let cancelled = report.filter(|o| matches!(o, Outcome::Cancelled)).count();
    let unknown = report.filter(|o| matches!(o, Outcome::Unknown(_))).count();
    let bound = (requests.saturating_sub(1)) as f64 / 10.0;
    println!(
        "{{\"orders\":{orders},\"requests\":{requests},\"wall_s\":{wall:.3},\"bound_s\":{bound:.3},\"ratio\":{:.3},\"http_429\":{http_429},\"lost\":{lost},\"cancelled\":{cancelled},\"unknown\":{unknown},\"error_5xx\":{error_5xx}}}",
        wall / bound
    );
    Ok(())
}
