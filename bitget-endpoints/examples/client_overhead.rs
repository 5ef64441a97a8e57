//! Benchmark: what the full client costs per request on loopback. The same signed batch-cancel
//! (50 ids) goes N times through `Client::send` (validation, encoding, limiter, signing, envelope
//! and response decoding; limits raised out of the way) and through a bare reqwest loop sending a
//! pre-built identical request, in the same run against the same simulator, alternating blocks
//! so both see the same machine. Prints one JSON line.
//!
//! `cargo run --release --example client_overhead -- --requests 4000 [--bare-decodes]`
//!
//! With `--bare-decodes` the bare loop also decodes each answer into the typed response, which
//! separates the client's machinery from the cost of typed decoding.

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

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args()
        .skip_while(|a| a != "--requests")
        .nth(1)
        .map_or(Ok(4000), |v| v.parse())?;
    let bare_decodes = std::env::args().any(|a| a == "--bare-decodes");
    let (key, secret, pass) = ("bench-key", "bench-secret", "bench-pass");
    let sim = Simulator::builder()
        .account(Account::new(key, secret, pass))
        .without_rate_limits()
        .start()
        .await?;
    let client = Client::builder()
        .base_url(sim.base_url())
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
    let url = format!("{}{}", sim.base_url(), BatchCancelOrders::PATH);
    let block = 250;
    let (mut full, mut raw) = (Vec::with_capacity(n), Vec::with_capacity(n));
    while full.len() < n {
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
        for _ in 0..block {
            let t = Instant::now();
            let answer = client.send(&request).await?;
            full.push(t.elapsed());
            assert_eq!(answer.failure_list.len(), 50);
        }
        for _ in 0..block {
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
                bitget_core::envelope::decode::<bitget_endpoints::common::BatchCancelResult>(
                    BatchCancelOrders::PATH,
                    200,
                    &bytes,
                )?;
            }
            raw.push(t.elapsed());
            assert!(bytes.starts_with(br#"{"code":"00000""#));
        }
    }
    let stats = |v: &mut Vec<Duration>| {
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
        "{{\"requests_each\":{n},\"bare_decodes\":{bare_decodes},\"client_rps\":{c_rps:.0},\"bare_rps\":{b_rps:.0},\"client_p50_us\":{c50:.0},\"client_p99_us\":{c99:.0},\"bare_p50_us\":{b50:.0},\"bare_p99_us\":{b99:.0},\"rps_ratio_client_to_bare\":{:.3},\"p50_ratio\":{:.3}}}",
        c_rps / b_rps,
        c50 / b50
    );
    Ok(())
}
