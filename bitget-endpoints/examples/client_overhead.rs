//! Benchmark: what the full client costs per request on loopback. The same signed batch-cancel
//! (50 ids) goes N times through `Client::send` (validation, encoding, limiter, signing, envelope
//! and response decoding; limits raised out of the way) and through a bare reqwest loop sending a
//! pre-built identical request, in the same run against the same simulator, alternating blocks
//! so both see the same machine. Prints one JSON line.
//!
//! `cargo run --release --example client_overhead -- --requests 4000 [--bare-decodes] [--sim-thread] [--only client|bare]`
//!
//! With `--bare-decodes` the bare loop also decodes each answer into the typed response, which
//! separates the client's machinery from the cost of typed decoding. `--only` runs one loop
//! alone, for an instruction count under `valgrind --tool=callgrind` (repeatable on a noisy
//! machine, where times are not): the difference of two such counts divided by `--requests` is
//! what the client adds per request, in user-space instructions.

#![allow(clippy::print_stdout)]

use std::time::{Duration, Instant};

use bitget_endpoints::mix::order::BatchCancelOrders;
use bitget_endpoints::mix::{OrderIdItem, ProductType};
use bitget_endpoints::{Client, Credentials, Endpoint, RateLimits, RetryPolicy};
use bitget_sim::{Account, Simulator};

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).map_or(0.0, |d| d.as_secs_f64() * 1e6)
}

/// Starts the simulator on a thread of its own with its own runtime; it serves until the process
/// ends. Returns its base URL.
fn sim_on_own_thread(
    builder: bitget_sim::SimulatorBuilder,
) -> Result<String, Box<dyn std::error::Error>> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build();
        let Ok(runtime) = runtime else { return };
        runtime.block_on(async move {
            match builder.start().await {
                Ok(sim) => {
                    let _ = tx.send(Ok(sim.base_url()));
                    std::future::pending::<()>().await;
                }
                Err(e) => {
                    let _ = tx.send(Err(e.to_string()));
                }
            }
        });
    });
    Ok(rx.recv()??)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args()
        .skip_while(|a| a != "--requests")
        .nth(1)
        .map_or(Ok(4000), |v| v.parse())?;
    let bare_decodes = std::env::args().any(|a| a == "--bare-decodes");
    let only = std::env::args().skip_while(|a| a != "--only").nth(1);
    let (run_client, run_bare) = match only.as_deref() {
        None => (true, true),
        Some("client") => (true, false),
        Some("bare") => (false, true),
        Some(other) => return Err(format!("--only takes client or bare, not {other}").into()),
    };
    let (key, secret, pass) = ("bench-key", "bench-secret", "bench-pass");
    let simulator = || {
        Simulator::builder()
            .account(Account::new(key, secret, pass))
            .without_rate_limits()
    };
    // The simulator shares the client's thread (the default, the harder case for the client: the
    // server's work evicts its caches and churns the same allocator arena), or runs on a thread
    // of its own, as a server in another process would.
    let sim_thread = std::env::args().any(|a| a == "--sim-thread");
    let (_sim, base_url) = if sim_thread {
        (None, sim_on_own_thread(simulator())?)
    } else {
        let sim = simulator().start().await?;
        let url = sim.base_url();
        (Some(sim), url)
    };
    let client = Client::builder()
        .base_url(&base_url)
        .credentials(Credentials::new(key, secret, pass))
        .rate_limits(RateLimits::unlimited())
        .retry(RetryPolicy::never())
        .build()?;
    let request = BatchCancelOrders::builder()
        .order_id_list((0..50).map(|i| OrderIdItem::by_order_id(format!("9{i:018}"))))
        .symbol("BTCUSDT")
        .product_type(ProductType::UsdtFutures)
        .margin_coin("USDT")
        .build()?;

    // The bare loop: one request signed once, its bytes and headers reused as they are.
    let bare = reqwest::Client::builder().tcp_nodelay(true).build()?;
    let body = bitget_core::encode::encode(&request)?.body;
    let url = format!("{base_url}{}", BatchCancelOrders::PATH);
    let block = 250;
    let (mut full, mut raw) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let mut sent = 0;
    while sent < n {
        sent += block;
        // Re-signed per block, so the bare loop's timestamp stays inside the 30 s window.
        let ts = bitget_core::clock::SystemClock::local_ms().to_string();
        let sign = bitget_core::sign::sign_hmac(
            secret,
            &bitget_core::sign::prehash(
                &ts,
                bitget_core::Method::Post,
                BatchCancelOrders::PATH,
                "",
                &body,
            ),
        );
        for _ in 0..block * usize::from(run_client) {
            let t = Instant::now();
            let answer = client.send(&request).await?;
            full.push(t.elapsed());
            assert_eq!(answer.failure_list.len(), 50);
        }
        for _ in 0..block * usize::from(run_bare) {
            let t = Instant::now();
            let response = bare
                .post(&url)
                .header("access-key", key)
                .header("access-sign", &sign)
                .header("access-timestamp", &ts)
                .header("access-passphrase", pass)
                .header("content-type", "application/json")
                .header("locale", "en-US")
                .body(body.clone())
                .send()
                .await?;
            let bytes = response.bytes().await?;
            if bare_decodes {
                let decoded = bitget_core::envelope::decode::<
                    bitget_endpoints::common::BatchCancelResult,
                >(BatchCancelOrders::PATH, 200, &bytes)?;
                std::hint::black_box(decoded.success_list.len());
            }
            raw.push(t.elapsed());
            assert!(bytes.starts_with(br#"{"code":"00000""#));
        }
    }
    let stats = |v: &mut Vec<Duration>| {
        if v.is_empty() {
            return (0.0, 0.0, 0.0);
        }
        v.sort();
        let total: f64 = v.iter().map(Duration::as_secs_f64).sum();
        (
            v.len() as f64 / total,
            percentile(v, 0.5),
            percentile(v, 0.99),
        )
    };
    let (c_rps, c50, c99) = stats(&mut full);
    let (b_rps, b50, b99) = stats(&mut raw);
    println!(
        "{{\"requests_each\":{n},\"bare_decodes\":{bare_decodes},\"sim_thread\":{},\"client_rps\":{c_rps:.0},\"bare_rps\":{b_rps:.0},\"client_p50_us\":{c50:.0},\"client_p99_us\":{c99:.0},\"bare_p50_us\":{b50:.0},\"bare_p99_us\":{b99:.0},\"rps_ratio_client_to_bare\":{:.3},\"p50_ratio\":{:.3}}}",
        sim_thread,
        c_rps / b_rps,
        c50 / b50
    );
    Ok(())
}
