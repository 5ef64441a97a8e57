//! Benchmark: place-and-cancel round trips per second through the library's client against the
//! in-process simulator (its exchange core behind the HTTP layer), limits raised out of the way:
//! each round trip places a spot limit order that rests (through the raw escape hatch, as
//! place-order is not declared yet) and cancels it with `CancelOrder`. Prints one JSON line.
//!
//! `cargo run --release --example sim_roundtrip -- [--round-trips 2000]`

#![allow(clippy::print_stdout)]

use std::time::Instant;

use bitget_endpoints::spot::trade::CancelOrder;
use bitget_endpoints::{Client, Credentials, Method, RateLimits};
use bitget_sim::{Account, Simulator};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let round_trips: usize = std::env::args()
        .skip_while(|a| a != "--round-trips")
        .nth(1)
        .map_or(Ok(2000), |v| v.parse())?;
    let (key, secret, pass) = ("rt-key", "rt-secret", "rt-pass");
    let sim = Simulator::builder()
        .account(Account::new(key, secret, pass))
        .without_rate_limits()
        .start()
        .await?;
    let client = Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new(key, secret, pass))
        .rate_limits(RateLimits::unlimited())
        .build()?;
    let started = Instant::now();
    for i in 0..round_trips {
        let placed: serde_json::Value = client
            .raw(Method::Post, "/api/v2/spot/trade/place-order", 10)
            .params(serde_json::json!({
                "symbol": "BTCUSDT", "side": "buy", "orderType": "limit", "force": "gtc",
                "price": "100", "size": "0.01", "clientOid": format!("rt-{i}"),
            }))
            .send()
            .await?;
        let id = placed["orderId"].as_str().unwrap_or_default().to_owned();
        CancelOrder::builder()
            .symbol("BTCUSDT")
            .order_id(id)
            .send(&client)
            .await?;
    }
    let seconds = started.elapsed().as_secs_f64();
    let left = sim.live_orders(key).len();
    println!(
        "{{\"round_trips\":{round_trips},\"seconds\":{seconds:.3},\"round_trips_per_second\":{:.0},\"live_orders_left\":{left}}}",
        round_trips as f64 / seconds
    );
    Ok(())
}
