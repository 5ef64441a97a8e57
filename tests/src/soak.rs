//! The private soak: a bot's [`OrderFeed`] on the simulator while its orders fill in bursts
//! and its private connection is dropped in the middle of them, a login is refused on a
//! reconnect and order pushes are repeated. It counts what the exchange made against what the
//! feed delivered: fills delivered live, recovered, duplicated (delivered twice) and missed,
//! and orders whose last delivered state is not the exchange's. The test and the
//! `private_soak` example both run it.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use bitget_core::{Client, Credentials, Decimal};
use bitget_endpoints::feed::{FeedEvent, OrderFeed};
use bitget_endpoints::mix::ProductType;
use bitget_endpoints::mix::order::FuturesFill;
use bitget_endpoints::mix::ws::{FuturesOrders, OrderPush};
use bitget_endpoints::stream::{StreamConfig, Streams};
use bitget_sim::exchange::{Effect, NewOrder, Side, Status};
use bitget_sim::{Account, Simulator};
use serde::Serialize;

/// What a soak counted.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct SoakReport {
    /// Orders the bot placed.
    pub orders: usize,
    /// Fills the exchange made for the bot.
    pub fills_made: usize,
    /// Fills the feed delivered from pushes.
    pub delivered_live: usize,
    /// Fills the feed delivered from a recovery.
    pub recovered: usize,
    /// Fills delivered more than once.
    pub duplicated: usize,
    /// Fills made and never delivered.
    pub missed: usize,
    /// Orders whose last delivered state differs from the exchange's (or was never delivered).
    pub orders_wrong: usize,
    /// Fills the feed itself dropped as already delivered (a push also found by a recovery).
    pub repeats_dropped: u64,
    /// Order pushes the feed dropped as older than, or the same as, a state delivered.
    pub stale_orders_dropped: u64,
    /// Recoveries the feed ran.
    pub recoveries: u64,
    /// Drops asked of the simulator (one per burst, after `drop_after` of its pushes).
    pub drops: u32,
    /// Losses the feed reported (`Reconnecting`).
    pub losses_seen: u32,
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_default()
}

/// Runs the soak: `orders` orders of the bot in bursts of `burst`, one of every four left
/// resting and cancelled later, the private connection dropped after `drop_after` pushes of each
/// burst.
pub async fn private_soak(
    orders: usize,
    burst: usize,
    drop_after: u32,
) -> Result<SoakReport, String> {
    let sim = Simulator::builder()
        .account(Account::new("bot", "bot-s", "bot-p"))
        .account(Account::new("mm", "mm-s", "mm-p"))
        .without_rate_limits()
        .start()
        .await
        .map_err(|e| e.to_string())?;
    sim.stream_tick(Duration::from_millis(5));
    let id = sim.ensure_futures("USDT-FUTURES", "BTCUSDT")?;
    let (bot_uid, mm_uid) = (
        sim.uid_of("bot").unwrap_or_default(),
        sim.uid_of("mm").unwrap_or_default(),
    );
    let net = Effect::Net { reduce_only: false };
    let client = Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new("bot", "bot-s", "bot-p"))
        .build()
        .map_err(|e| e.to_string())?;
    let streams = Streams::with_config(
        &client,
        StreamConfig::default().backoff(Duration::from_millis(20), Duration::from_millis(100)),
    );
    let mut feed = OrderFeed::subscribe(
        &streams,
        &client,
        FuturesOrders::new(ProductType::UsdtFutures),
    )
    .await
    .map_err(|e| e.to_string())?;

    let mut report = SoakReport {
        orders,
        ..SoakReport::default()
    };
    let mut tally = Tally::default();
    let mut resting = Vec::new();
    let mut placed = 0;
    let mut round = 0u32;
    while placed < orders {
        round += 1;
        // Drops in the middle of the burst; every third round the login after it is refused
        // once, every fifth the burst's first order pushes are repeated.
        sim.drop_private_streams_after(drop_after);
        report.drops += 1;
        if round % 3 == 0 {
            sim.refuse_stream_logins(1);
        }
        if round % 5 == 0 {
            sim.duplicate_order_pushes(2);
        }
        sim.with_exchange(|ex| -> Result<(), String> {
            ex.set_time(now_ms());
            let ask = NewOrder::limit(
                &mm_uid,
                id.clone(),
                Side::Sell,
                dec("60010"),
                dec("0.01") * Decimal::from(burst as u64 + 1),
            )
            .effect(net);
            ex.place(ask).map_err(|e| format!("{e:?}"))?;
            for _ in 0..burst.min(orders - placed) {
                placed += 1;
                let rest = placed % 4 == 0;
                let price = if rest { "59000" } else { "60010" };
                let order =
                    NewOrder::limit(&bot_uid, id.clone(), Side::Buy, dec(price), dec("0.01"))
                        .effect(net);
                let oid = ex.place(order).map_err(|e| format!("{e:?}"))?;
                if rest {
                    resting.push(oid);
                }
            }
            Ok(())
        })?;
        // Let the burst go out (and the connection drop) while the feed reads, then wait for
        // the feed to be back and recovered, so the next burst starts on a live connection.
        let until = tokio::time::Instant::now() + Duration::from_millis(150);
        let give_up = tokio::time::Instant::now() + Duration::from_secs(5);
        loop {
            let now = tokio::time::Instant::now();
            if now >= give_up || now >= until && !tally.down {
                break;
            }
            let wait = if tally.down { give_up } else { until };
            match tokio::time::timeout_at(wait, feed.next()).await {
                Ok(Some(Ok(event))) => tally.take(event, &mut report),
                Ok(Some(Err(_))) => {}
                Ok(None) => break,
                Err(_) => {}
            }
        }
        // Cancel what rested in the previous round.
        sim.with_exchange(|ex| {
            ex.set_time(now_ms());
            for oid in resting.drain(..) {
                ex.cancel(&bot_uid, oid);
            }
        });
        // Their pushes go out before the next burst's drop is armed.
        let until = tokio::time::Instant::now() + Duration::from_millis(50);
        while let Ok(Some(event)) = tokio::time::timeout_at(until, feed.next()).await {
            if let Ok(event) = event {
                tally.take(event, &mut report);
            }
        }
    }
    // Settle: read until everything the exchange made was delivered, or give up.
    let (made, truth): (HashSet<FillKey>, HashMap<String, OrderState>) = sim.with_exchange(|ex| {
        let made = ex
            .fills(&bot_uid)
            .map(|f| (f.trade_id.to_string(), f.order_id.to_string()))
            .collect();
        let truth = ex
            .orders(&bot_uid)
            .map(|o| {
                let status = match o.status {
                    Status::Live => "live",
                    Status::PartiallyFilled => "partially_filled",
                    Status::Filled => "filled",
                    Status::Cancelled => "cancelled",
                };
                (o.id.to_string(), (status.to_owned(), o.filled))
            })
            .collect();
        (made, truth)
    });
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    let settled = |t: &Tally| {
        made.iter().all(|k| t.delivered.contains_key(k))
            && truth.iter().all(|(id, s)| t.last_state.get(id) == Some(s))
    };
    while !settled(&tally) {
        // An error (a refused login, a recovery that failed and is retried) is expected under
        // the faults: the counts say whether anything was lost.
        match tokio::time::timeout_at(deadline, feed.next()).await {
            Ok(Some(Ok(event))) => tally.take(event, &mut report),
            Ok(Some(Err(_))) => {}
            Ok(None) | Err(_) => break,
        }
    }
    let Tally {
        delivered,
        last_state,
        ..
    } = tally;
    report.fills_made = made.len();
    report.duplicated = delivered.values().filter(|n| **n > 1).count();
    report.missed = made.iter().filter(|k| !delivered.contains_key(*k)).count();
    report.orders_wrong = truth
        .iter()
        .filter(|(id, t)| last_state.get(*id) != Some(*t))
        .count();
    let stats = feed.stats();
    report.recoveries = stats.recoveries;
    report.repeats_dropped = stats.fills_repeated;
    report.stale_orders_dropped = stats.orders_stale;
    Ok(report)
}

/// A fill by trade and order id.
type FillKey = (String, String);
/// An order's status and filled size.
type OrderState = (String, Decimal);

/// What the feed delivered: each fill's count, each order's last state.
#[derive(Default)]
struct Tally {
    delivered: HashMap<FillKey, usize>,
    last_state: HashMap<String, OrderState>,
    /// Between a `Reconnecting` and the `Recovered` after it.
    down: bool,
}

impl Tally {
    fn take(&mut self, event: FeedEvent<OrderPush, FuturesFill>, report: &mut SoakReport) {
        match event {
            FeedEvent::Fill { fill, recovered } => {
                *self
                    .delivered
                    .entry((fill.trade_id, fill.order_id))
                    .or_default() += 1;
                if recovered {
                    report.recovered += 1;
                } else {
                    report.delivered_live += 1;
                }
            }
            FeedEvent::Order { order, .. } => {
                self.last_state.insert(
                    order.order_id.clone(),
                    (
                        order.status.to_string(),
                        order.acc_base_volume.unwrap_or_default(),
                    ),
                );
            }
            FeedEvent::Reconnecting => {
                report.losses_seen += 1;
                self.down = true;
            }
            FeedEvent::Recovered { .. } => self.down = false,
        }
    }
}
