//! The private soak as a program: `cargo run --release -p bitget-tests --example private_soak
//! -- [ORDERS] [BURST] [DROP_AFTER]` (1,000 orders in bursts of 50, the private connection
//! dropped after 10 pushes of each burst) prints the counts as JSON: fills made, delivered
//! live, recovered, duplicated, missed; orders whose last state is not the exchange's.

#![allow(clippy::print_stdout)] // an example that prints its figures

#[tokio::main]
async fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>());
    let mut next = |default: usize| args.next().and_then(Result::ok).unwrap_or(default);
    let (orders, burst, drop_after) = (next(1000), next(50), next(10));
    let started = std::time::Instant::now();
    let report = bitget_tests::soak::private_soak(orders, burst, drop_after as u32).await?;
    let mut json = serde_json::to_value(&report).map_err(|e| e.to_string())?;
    json["seconds"] = serde_json::json!(started.elapsed().as_secs_f64());
    println!("{json}");
    if report.duplicated > 0 || report.missed > 0 || report.orders_wrong > 0 {
        return Err("fills or order states were lost or repeated".into());
    }
    Ok(())
}
