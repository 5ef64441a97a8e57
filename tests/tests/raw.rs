//! The raw escape hatch, against the simulator: an endpoint the library does not declare goes
//! through the same signing, limiter, retry policy and envelope as a declared one.

use std::time::Duration;

use bitget_core::{Client, Credentials, Method, RateLimits, RetryPolicy};
use bitget_sim::{Account, Faults, RunningSimulator, Simulator};
use serde_json::{Value, json};

const KEY: &str = "raw-key";

async fn sim() -> RunningSimulator {
    Simulator::builder()
        .account(Account::new(KEY, "raw-secret", "raw-pass"))
        .without_rate_limits()
        .start()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

fn client(sim: &RunningSimulator, limits: std::sync::Arc<RateLimits>) -> Client {
    Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new(KEY, "raw-secret", "raw-pass"))
        .rate_limits(limits)
        .retry(RetryPolicy::new(3).with_backoff(Duration::from_millis(1), Duration::from_millis(2)))
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn a_raw_signed_post_is_verified_and_executed_by_the_exchange() {
    let sim = sim().await;
    let order = sim
        .seed_spot_order(KEY, "BTCUSDT", Some("raw-1"))
        .unwrap_or_else(|e| panic!("{e}"));
    let limits = RateLimits::new();
    let answer: Value = client(&sim, limits.clone())
        .raw(Method::Post, "/api/v2/spot/trade/cancel-order", 10)
        .params(json!({"symbol": "BTCUSDT", "orderId": order.order_id}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(answer["orderId"], json!(order.order_id));
    assert!(
        sim.live_orders(KEY).is_empty(),
        "the signature was accepted and the order cancelled"
    );
    assert_eq!(limits.granted("/api/v2/spot/trade/cancel-order"), 1);
}

#[tokio::test]
async fn a_raw_public_get_is_unsigned_and_decodes_into_any_type() {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Time {
        server_time: String,
    }
    let sim = sim().await;
    let time: Time = client(&sim, RateLimits::new())
        .raw(Method::Get, "/api/v2/public/time", 20)
        .public()
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        time.server_time
            .parse::<i64>()
            .is_ok_and(|t| t > 1_600_000_000_000)
    );
    let log = sim.requests();
    assert_eq!(log.len(), 1);
}

#[tokio::test]
async fn a_raw_get_is_retried_and_a_raw_post_is_not_unless_declared_safe() {
    let sim = sim().await;
    let c = client(&sim, RateLimits::unlimited());
    // Every answer is a 503 whose outcome is unknown: a GET is repeated, a POST is not.
    sim.set_faults(Faults {
        error_5xx: 1.0,
        ..Faults::default()
    });
    let get = c
        .raw(Method::Get, "/api/v2/public/time", 20)
        .public()
        .send_reporting::<Value>()
        .await;
    assert_eq!(get.attempts, 3, "{:?}", get.result);
    let post = c
        .raw(Method::Post, "/api/v2/spot/trade/cancel-order", 10)
        .params(json!({"symbol": "BTCUSDT", "orderId": "1"}))
        .send_reporting::<Value>()
        .await;
    assert_eq!(post.attempts, 1, "{:?}", post.result);
    let safe = c
        .raw(Method::Post, "/api/v2/spot/trade/cancel-order", 10)
        .params(json!({"symbol": "BTCUSDT", "orderId": "1"}))
        .retry_safe(true)
        .send_reporting::<Value>()
        .await;
    assert_eq!(safe.attempts, 3, "{:?}", safe.result);
}

#[tokio::test]
async fn a_raw_path_with_a_query_or_outside_the_api_is_refused_unsent() {
    let sim = sim().await;
    let c = client(&sim, RateLimits::new());
    for path in [
        "/api/v2/public/time?x=1",
        "/v2/public/time",
        "api/v2/public/time",
    ] {
        let sent = c.raw(Method::Get, path, 20).send_reporting::<Value>().await;
        assert_eq!(sent.attempts, 0);
        let err = sent
            .result
            .err()
            .unwrap_or_else(|| panic!("{path} must be refused"));
        assert!(err.to_string().contains("starts with `/api/`"), "{err}");
    }
    assert!(sim.requests().is_empty());
}

#[tokio::test]
async fn a_path_the_simulator_does_not_serve_says_so_not_that_bitget_lacks_it() {
    let sim = sim().await;
    let err = client(&sim, RateLimits::new())
        .raw(Method::Get, "/api/v2/earn/savings/product", 10)
        .send::<Value>()
        .await
        .err()
        .unwrap_or_else(|| panic!("an unserved path is refused"));
    assert_eq!(
        err.api_code().map(bitget_core::ApiCode::as_str),
        Some("40404")
    );
    let text = err.to_string();
    assert!(text.contains("does not simulate this path"), "{text}");
    assert!(!text.contains("Bitget does not know"), "{text}");
}
