//! End to end: the real client, the generated endpoints and the simulator, over loopback HTTP.

use std::sync::Arc;
use std::time::Duration;

use bitget_core::clock::{FixedClock, SystemClock};
use bitget_core::{ApiCode, Client, Credentials, ErrorKind, RateLimits, RetryPolicy};
use bitget_endpoints::mix::order::{BatchCancelOrders, CancelAllOrders, CancelPlanOrder};
use bitget_endpoints::mix::{OrderIdItem, PlanType, ProductType};
use bitget_endpoints::spot::trade::{BatchCancelOrder, CancelOrder};
use bitget_endpoints::spot::{BatchMode, SpotOrderItem};
use bitget_sim::{Account, RunningSimulator, Simulator};

const KEY: &str = "e2e-key";
const SECRET: &str = "e2e-secret";
const PASS: &str = "e2e-pass";
const OTHER: &str = "other-key";

async fn sim() -> RunningSimulator {
    Simulator::builder()
        .account(Account::new(KEY, SECRET, PASS))
        .account(Account::new(OTHER, "other-secret", "other-pass"))
        .account(Account::new("demo-key", "demo-secret", "demo-pass").demo(true))
        .start()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

fn client_with(sim: &RunningSimulator, key: &str, secret: &str, pass: &str) -> Client {
    Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new(key, secret, pass))
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn client(sim: &RunningSimulator) -> Client {
    client_with(sim, KEY, SECRET, PASS)
}

/// A client without its own limiter or retries, so the simulator's raw behaviour shows.
fn bare_client(sim: &RunningSimulator, timeout: Duration) -> Client {
    Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new(KEY, SECRET, PASS))
        .rate_limits(RateLimits::unlimited())
        .retry(RetryPolicy::never())
        .timeout(timeout)
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn seed_spot(sim: &RunningSimulator, coid: &str) -> String {
    sim.seed_spot_order(KEY, "BTCUSDT", Some(coid))
        .unwrap_or_else(|e| panic!("{e}"))
        .order_id
}

fn seed_futures(sim: &RunningSimulator, key: &str, product: &str, coid: &str) -> String {
    sim.seed_futures_order(key, product, "BTCUSDT", Some(coid))
        .unwrap_or_else(|e| panic!("{e}"))
        .order_id
}

#[tokio::test]
async fn spot_cancel_order_by_id_and_by_client_oid_and_unknown() {
    let sim = sim().await;
    let c = client(&sim);
    let a = seed_spot(&sim, "a");
    seed_spot(&sim, "b");
    let r = CancelOrder::builder()
        .symbol("BTCUSDT")
        .order_id(&a)
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
        .send(&c)
        .await;
    assert_eq!(
        r.unwrap_or_else(|e| panic!("{e}")).order_id.as_deref(),
        Some(a.as_str())
    );
    let r = CancelOrder::builder()
        .symbol("BTCUSDT")
        .client_oid("b")
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
        .send(&c)
        .await;
    assert_eq!(
        r.unwrap_or_else(|e| panic!("{e}")).client_oid.as_deref(),
        Some("b")
    );
    assert!(sim.live_orders(KEY).is_empty());
    let err = CancelOrder::builder()
        .symbol("BTCUSDT")
        .order_id("404")
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
        .send(&c)
        .await;
    assert_eq!(
        err.err().and_then(|e| e.api_code().cloned()),
        Some(ApiCode::SpotOrderNotFound)
    );
}

#[tokio::test]
async fn spot_batch_cancel_reports_partial_failure_item_by_item() {
    let sim = sim().await;
    let c = client(&sim);
    let ids = [seed_spot(&sim, "s1"), seed_spot(&sim, "s2")];
    let r = BatchCancelOrder::builder()
        .symbol("BTCUSDT")
        .batch_mode(BatchMode::Single)
        .order_list([
            SpotOrderItem::by_order_id(&ids[0]),
            SpotOrderItem::by_order_id("999"),
            SpotOrderItem::by_order_id(&ids[1]),
        ])
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
        .send(&c)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!r.all_succeeded());
    assert!(r.cancelled(&ids[0]) && r.cancelled(&ids[1]));
    assert_eq!(
        r.failed("999").and_then(|f| f.error_code.as_deref()),
        Some("43001")
    );
    assert!(sim.live_orders(KEY).is_empty());
}

#[tokio::test]
async fn futures_batch_cancel_partial_failure_and_explicit_cancel_everything() {
    let sim = sim().await;
    let c = client(&sim);
    let a = seed_futures(&sim, KEY, "USDT-FUTURES", "f1");
    seed_futures(&sim, KEY, "USDT-FUTURES", "f2");
    seed_futures(&sim, KEY, "USDT-FUTURES", "f3");
    let coin = seed_futures(&sim, KEY, "COIN-FUTURES", "c1");
    let theirs = seed_futures(&sim, OTHER, "USDT-FUTURES", "f1");

    let r = BatchCancelOrders::builder()
        .order_id_list([
            OrderIdItem::by_order_id(&a),
            OrderIdItem::by_client_oid("f2"),
            OrderIdItem::by_order_id(&theirs),
        ])
        .symbol("BTCUSDT")
        .product_type(ProductType::UsdtFutures)
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
        .send(&c)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.success_list.len(), 2);
    // Another account's order is not ours to cancel.
    assert_eq!(
        r.failed(&theirs).and_then(|f| f.error_code.as_deref()),
        Some("40768")
    );

    let all = BatchCancelOrders::builder()
        .product_type(ProductType::UsdtFutures)
        .cancel_all_orders()
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
        .send(&c)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        all.success_list.len(),
        1,
        "f3 was the last USDT-FUTURES order"
    );
    let live: Vec<String> = sim
        .live_orders(KEY)
        .into_iter()
        .map(|o| o.order_id)
        .collect();
    assert_eq!(live, [coin], "other product types stay");
    assert_eq!(sim.live_orders(OTHER).len(), 1, "other accounts stay");
}

#[tokio::test]
async fn cancel_all_orders_under_a_product_type() {
    let sim = sim().await;
    let c = client(&sim);
    for i in 0..3 {
        seed_futures(&sim, KEY, "USDT-FUTURES", &format!("u{i}"));
    }
    seed_futures(&sim, KEY, "USDC-FUTURES", "c");
    let r = CancelAllOrders::builder()
        .product_type(ProductType::UsdtFutures)
        .margin_coin("USDT")
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
        .send(&c)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.success_list.len(), 3);
    assert!(r.all_succeeded());
    assert_eq!(sim.live_orders(KEY).len(), 1);
}

#[tokio::test]
async fn cancel_plan_orders_by_list_and_explicitly_all() {
    let sim = sim().await;
    let c = client(&sim);
    let p1 = sim
        .seed_plan_order(KEY, "USDT-FUTURES", "BTCUSDT", "normal_plan", Some("p1"))
        .unwrap_or_else(|e| panic!("{e}"));
    sim.seed_plan_order(KEY, "USDT-FUTURES", "BTCUSDT", "normal_plan", Some("p2"))
        .unwrap_or_else(|e| panic!("{e}"));
    sim.seed_plan_order(KEY, "USDT-FUTURES", "ETHUSDT", "profit_plan", Some("p3"))
        .unwrap_or_else(|e| panic!("{e}"));
    let r = CancelPlanOrder::builder()
        .order_id_list([
            OrderIdItem::by_order_id(&p1.order_id),
            OrderIdItem::by_client_oid("nope"),
        ])
        .symbol("BTCUSDT")
        .product_type(ProductType::UsdtFutures)
        .plan_type(PlanType::NormalPlan)
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
        .send(&c)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(r.cancelled(&p1.order_id));
    assert_eq!(
        r.failed("nope").and_then(|f| f.error_code.as_deref()),
        Some("43025")
    );
    let all = CancelPlanOrder::builder()
        .cancel_all_plan_orders()
        .symbol("BTCUSDT")
        .product_type(ProductType::UsdtFutures)
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
        .send(&c)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        all.success_list.len(),
        1,
        "only BTCUSDT's remaining plan order"
    );
    assert_eq!(sim.live_orders(KEY).len(), 1);
}

#[tokio::test]
async fn an_invalid_request_never_reaches_the_simulator() {
    let sim = sim().await;
    let c = client(&sim);
    seed_futures(&sim, KEY, "USDT-FUTURES", "keep-me");
    // Read from JSON, bypassing the builder: an empty list, or no list at all, would cancel
    // everything.
    let mut dangerous: Vec<BatchCancelOrders> = [
        r#"{"orderIdList":[],"symbol":"BTCUSDT","productType":"USDT-FUTURES"}"#,
        r#"{"symbol":"BTCUSDT","productType":"USDT-FUTURES"}"#,
        r#"{"orderIdList":null,"symbol":"BTCUSDT","productType":"USDT-FUTURES"}"#,
    ]
    .iter()
    .map(|body| serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}")))
    .collect();
    // And a built request whose list is taken away afterwards.
    let mut built = BatchCancelOrders::builder()
        .order_id_list([OrderIdItem::by_order_id("1")])
        .symbol("BTCUSDT")
        .product_type(ProductType::UsdtFutures)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    built.order_id_list = None;
    dangerous.push(built);
    for request in dangerous {
        let err = request
            .send(&c)
            .await
            .err()
            .unwrap_or_else(|| panic!("expected a validation error for {request:?}"));
        assert_eq!(err.kind(), ErrorKind::Validation);
        assert!(
            err.validation()
                .is_some_and(|v| v.at("orderIdList").next().is_some()),
            "{err}"
        );
    }
    assert!(
        sim.requests().is_empty(),
        "nothing reached the exchange: {:?}",
        sim.requests()
    );
    assert_eq!(sim.live_orders(KEY).len(), 1);
    // The explicit call still reaches it.
    let all = BatchCancelOrders::builder()
        .cancel_all_orders()
        .product_type(ProductType::UsdtFutures)
        .build()
        .unwrap_or_else(|e| panic!("the explicit leave-out validates: {e}"));
    let cancelled = all.send(&c).await.unwrap_or_else(|e| panic!("{e}"));
    assert!(cancelled.all_succeeded(), "{cancelled:?}");
    assert!(sim.live_orders(KEY).is_empty());
}

async fn code_of(c: &Client) -> Option<ApiCode> {
    let r = CancelOrder::builder()
        .symbol("BTCUSDT")
        .order_id("1")
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
        .send(c)
        .await;
    r.err().and_then(|e| e.api_code().cloned())
}

#[tokio::test]
async fn authentication_failures_through_the_client() {
    let sim = sim().await;
    assert_eq!(
        code_of(&client_with(&sim, "nobody", SECRET, PASS)).await,
        Some(ApiCode::InvalidApiKey)
    );
    assert_eq!(
        code_of(&client_with(&sim, KEY, SECRET, "wrong")).await,
        Some(ApiCode::KeyOrPassphraseIncorrect)
    );
    assert_eq!(
        code_of(&client_with(&sim, KEY, "wrong-secret", PASS)).await,
        Some(ApiCode::SignatureMismatch)
    );
    let skewed = Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new(KEY, SECRET, PASS))
        .clock(Arc::new(FixedClock(SystemClock::local_ms() - 31_000)))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(code_of(&skewed).await, Some(ApiCode::TimestampOutOfWindow));
    let demo_on_live = Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new(KEY, SECRET, PASS))
        .demo(true)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        code_of(&demo_on_live).await,
        Some(ApiCode::EnvironmentMismatch)
    );
    assert_eq!(
        code_of(&client_with(&sim, "demo-key", "demo-secret", "demo-pass")).await,
        Some(ApiCode::EnvironmentMismatch)
    );
    let demo = Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new("demo-key", "demo-secret", "demo-pass"))
        .demo(true)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        code_of(&demo).await,
        Some(ApiCode::SpotOrderNotFound),
        "a demo key on demo trading gets through"
    );
}

/// What the client never does (it always sends every header and JSON), sent raw.
#[tokio::test]
async fn missing_headers_and_wrong_content_type() {
    let sim = sim().await;
    let http = reqwest::Client::new();
    let path = "/api/v2/spot/trade/cancel-order";
    let body = r#"{"symbol":"BTCUSDT","orderId":"1"}"#;
    let ts = SystemClock::local_ms().to_string();
    let sign = bitget_core::sign::sign_hmac(
        SECRET,
        &bitget_core::sign::prehash(&ts, bitget_core::Method::Post, path, "", body.as_bytes()),
    );
    let all = [
        ("access-key", KEY),
        ("access-sign", sign.as_str()),
        ("access-timestamp", ts.as_str()),
        ("access-passphrase", PASS),
    ];
    for (missing, code) in [
        ("access-key", "40001"),
        ("access-sign", "40002"),
        ("access-timestamp", "40003"),
        ("access-passphrase", "40011"),
    ] {
        let mut req = http
            .post(format!("{}{path}", sim.base_url()))
            .header("content-type", "application/json")
            .body(body);
        for (name, value) in all.iter().filter(|(n, _)| *n != missing) {
            req = req.header(*name, *value);
        }
        let resp = req.send().await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(resp.status().as_u16(), 400);
        let text = resp.text().await.unwrap_or_default();
        assert!(
            text.contains(&format!("\"code\":\"{code}\"")),
            "{missing}: {text}"
        );
    }
    let mut req = http
        .post(format!("{}{path}", sim.base_url()))
        .header("content-type", "text/plain")
        .body(body);
    for (name, value) in all {
        req = req.header(name, value);
    }
    let text = req
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .text()
        .await
        .unwrap_or_default();
    assert!(text.contains("\"code\":\"40007\""), "{text}");
}

#[tokio::test]
async fn the_simulator_enforces_the_rate_limit() {
    let sim = sim().await;
    // The client's own limiter and retries would hide the exchange's limit: both off here.
    let c = bare_client(&sim, Duration::from_secs(10));
    let mut limited = 0;
    for _ in 0..12 {
        if code_of(&c).await == Some(ApiCode::TooManyRequests) {
            limited += 1;
        }
    }
    assert!(
        limited >= 1,
        "12 requests within a second at 10/s must meet a 429"
    );
    assert!(
        sim.requests()
            .iter()
            .any(|r| r.status == 429 && r.code == "429")
    );
}

#[tokio::test]
async fn server_time_is_public() {
    let sim = sim().await;
    let c = Client::builder()
        .base_url(sim.base_url())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let t = c.server_time().await.unwrap_or_else(|e| panic!("{e}"));
    assert!((t.server_time - SystemClock::local_ms()).abs() < 5_000);
}

mod placing_and_faults {

    use bitget_macros::{bitget_endpoint, bitget_response};
    use bitget_sim::{FaultPoint, Faults};

    use super::*;

    /// The answer of the place-order endpoints.
    #[bitget_response]
    pub(crate) struct Placed {
        /// Order id.
        pub order_id: String,
        /// Client order id.
        pub client_oid: String,
    }

    /// Spot place-order, declared here until the endpoints crate grows the placing endpoints.
    #[bitget_endpoint(POST, "/api/v2/spot/trade/place-order", rate = 10, response = Placed, retry_safe_with(client_oid))]
    pub(crate) struct PlaceSpotOrder {
        /// Trading pair.
        #[bitget(required)]
        pub symbol: String,
        /// `buy` or `sell`.
        #[bitget(required)]
        pub side: String,
        /// `limit` or `market`.
        #[bitget(required)]
        pub order_type: String,
        /// Time in force.
        pub force: Option<String>,
        /// Limit price.
        pub price: Option<bitget_core::Decimal>,
        /// Size.
        #[bitget(required)]
        pub size: bitget_core::Decimal,
        /// Client order id.
        #[bitget(max_len = 50)]
        pub client_oid: Option<String>,
    }

    // No lookup declared here: after a lost answer the error says the order may be live.
    impl bitget_core::recover::Recover for PlaceSpotOrder {
        fn recover<'a>(
            &'a self,
            _: &'a Client,
            answer: Result<Placed, bitget_core::Error>,
        ) -> bitget_core::recover::Settling<'a, Placed> {
            let coid = self.client_oid.as_deref();
            Box::pin(bitget_core::recover::by_client_oid(
                answer,
                coid,
                || async { Ok(None) },
            ))
        }
    }

    fn place(coid: &str) -> PlaceSpotOrder {
        PlaceSpotOrder::builder()
            .symbol("BTCUSDT")
            .side("buy")
            .order_type("limit")
            .force("gtc")
            .price(bitget_core::Decimal::new(650_005, 1))
            .size(bitget_core::Decimal::new(1, 3))
            .client_oid(coid)
            .build()
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[tokio::test]
    async fn orders_placed_over_http_rest_and_client_oids_are_unique() {
        let sim = sim().await;
        let c = client(&sim);
        let placed = place("p-1")
            .send(&c)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(placed.client_oid, "p-1");
        let body = &sim.requests()[0].body;
        assert!(
            body.contains(r#""price":"65000.5""#) && body.contains(r#""size":"0.001""#),
            "decimals as strings: {body}"
        );
        let dup = place("p-1")
            .send(&c)
            .await
            .err()
            .unwrap_or_else(|| panic!("a duplicate clientOid must fail"));
        assert_eq!(dup.api_code().map(ApiCode::as_str), Some("43122"));
        let live = sim.live_orders(KEY);
        assert_eq!(
            (live.len(), live[0].order_id.as_str()),
            (1, placed.order_id.as_str())
        );
    }

    async fn attempt(sim: &RunningSimulator, faults: Faults) -> bitget_core::Error {
        sim.set_faults(faults);
        let c = bare_client(sim, Duration::from_millis(300));
        let r = CancelOrder::builder()
            .symbol("BTCUSDT")
            .order_id("1")
            .build()
            .unwrap_or_else(|e| panic!("{e}"))
            .send(&c)
            .await;
        r.err().unwrap_or_else(|| panic!("expected an error"))
    }

    #[tokio::test]
    async fn injected_faults_reach_the_client_as_the_right_errors() {
        let sim = sim().await;
        let e = attempt(
            &sim,
            Faults {
                error_5xx: 1.0,
                ..Faults::default()
            },
        )
        .await;
        assert_eq!(
            (e.kind(), e.http_status(), e.is_retryable()),
            (ErrorKind::Transport, Some(503), true),
            "{e}"
        );
        let e = attempt(
            &sim,
            Faults {
                drop_connection: 1.0,
                ..Faults::default()
            },
        )
        .await;
        assert!(e.kind() == ErrorKind::Transport && e.is_retryable(), "{e}");
        let e = attempt(
            &sim,
            Faults {
                malformed_body: 1.0,
                ..Faults::default()
            },
        )
        .await;
        assert_eq!(
            (e.kind(), e.http_status(), e.is_retryable()),
            (ErrorKind::Transport, Some(200), true),
            "{e}"
        );
        let e = attempt(
            &sim,
            Faults {
                force_429: 1,
                ..Faults::default()
            },
        )
        .await;
        assert!(e.is_rate_limited(), "{e}");
        let e = attempt(
            &sim,
            Faults {
                clock_offset_ms: 60_000,
                ..Faults::default()
            },
        )
        .await;
        // A 40008 makes the client re-sync its clock once and retry, which then gets through.
        assert_eq!(e.api_code(), Some(&ApiCode::SpotOrderNotFound), "{e}");
        assert!(sim.requests().iter().any(|r| r.code == "40008"));
        let e = attempt(
            &sim,
            Faults {
                latency: Duration::from_secs(2),
                ..Faults::default()
            },
        )
        .await;
        assert!(e.is_timeout() && e.is_retryable(), "{e}");
        sim.set_faults(Faults::default());
    }

    #[tokio::test]
    async fn a_fault_after_execution_loses_only_the_answer() {
        let sim = sim().await;
        let c = bare_client(&sim, Duration::from_secs(10));
        let id = seed_spot(&sim, "x");
        sim.set_faults(Faults {
            error_5xx: 1.0,
            point: FaultPoint::After,
            ..Faults::default()
        });
        let r = CancelOrder::builder()
            .symbol("BTCUSDT")
            .order_id(&id)
            .build()
            .unwrap_or_else(|e| panic!("{e}"))
            .send(&c)
            .await;
        assert!(r.is_err());
        assert!(
            sim.live_orders(KEY).is_empty(),
            "the cancel happened although the answer was lost"
        );
        let logged = sim.requests();
        assert_eq!((logged.len(), logged[0].status), (1, 503));
    }
}
