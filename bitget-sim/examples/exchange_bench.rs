//! Benchmark: orders per second through the exchange's domain core alone (no HTTP), one thread.
//! Two accounts trade a spot pair: limit orders around a drifting mid, a third of them crossing,
//! and the oldest resting orders cancelled so the book stays a realistic depth. Deterministic
//! (a fixed pseudo-random sequence). Prints one JSON line.
//!
//! `cargo run --release -p bitget-sim --example exchange_bench -- [--orders 200000]`

#![allow(clippy::print_stdout)]

use std::collections::VecDeque;
use std::time::Instant;

use bitget_sim::exchange::{Exchange, Instrument, InstrumentId, NewOrder, Side};
use rust_decimal::Decimal;

fn main() {
    let orders: u64 = std::env::args()
        .skip_while(|a| a != "--orders")
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(200_000);
    let mut ex = Exchange::new();
    ex.add_instrument(Instrument::spot(
        "BTC",
        "USDT",
        Decimal::new(1, 1),
        Decimal::new(1, 4),
    ))
    .unwrap_or_else(|e| panic!("{e:?}"));
    for name in ["a", "b"] {
        ex.open_account(name);
        ex.deposit(name, "BTC", Decimal::new(1_000_000_000, 0));
        ex.deposit(name, "USDT", Decimal::new(1_000_000_000_000, 0));
    }
    let btc = InstrumentId::spot("BTCUSDT");
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut resting = VecDeque::new();
    let (mut placed, mut refused, mut cancels) = (0u64, 0u64, 0u64);
    let started = Instant::now();
    for i in 0..orders {
        let r = next();
        let account = if r & 1 == 0 { "a" } else { "b" };
        let side = if r & 2 == 0 { Side::Buy } else { Side::Sell };
        // Mid drifts slowly; a third of the orders cross the mid by up to 1.
        let mid = 600_000 + ((i / 1000) % 200) as i64;
        let offset = ((r >> 8) % 40) as i64 - if r % 3 == 0 { 30 } else { 0 };
        let ticks = match side {
            Side::Buy => mid - offset,
            Side::Sell => mid + offset,
        };
        let size = Decimal::new(1 + ((r >> 20) % 500) as i64, 4);
        match ex.place(NewOrder::limit(
            account,
            btc.clone(),
            side,
            Decimal::new(ticks, 1),
            size,
        )) {
            Ok(id) => {
                placed += 1;
                resting.push_back((account, id));
            }
            Err(_) => refused += 1,
        }
        while resting.len() > 2_000 {
            if let Some((account, id)) = resting.pop_front() {
                if ex.cancel(account, id).is_some() {
                    cancels += 1;
                }
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let fills = ex.fills("a").count() + ex.fills("b").count();
    println!(
        "{{\"orders\":{orders},\"placed\":{placed},\"refused\":{refused},\"cancels\":{cancels},\"fills\":{fills},\"seconds\":{seconds:.3},\"orders_per_second\":{:.0}}}",
        orders as f64 / seconds
    );
}
