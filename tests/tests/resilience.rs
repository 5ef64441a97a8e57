//! Rate limits, retries and clock sync, end to end against the simulator.

use std::sync::Arc;
use std::time::Duration;

use bitget_core::clock::{FixedClock, ManualClock, SystemClock};
use bitget_core::{ApiCode, Client, Credentials, RateLimits, RetryPolicy};
use bitget_endpoints::spot::trade::CancelOrder;
use bitget_sim::{Account, Faults, RunningSimulator, Simulator};

const KEY: &str = "r-key";
const SECRET: &str = "r-secret";
const PASS: &str = "r-pass";
const CANCEL: &str = "/api/v2/spot/trade/cancel-order";

fn fast_retries() -> RetryPolicy {
    RetryPolicy::new(4)
        .with_backoff(Duration::from_millis(2), Duration::from_millis(10))
        .with_max_elapsed(Duration::from_secs(5))
}

fn builder(sim: &RunningSimulator) -> bitget_core::ClientBuilder {
    Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new(KEY, SECRET, PASS))
        .retry(fast_retries())
}

async fn sim_with(b: bitget_sim::SimulatorBuilder) -> RunningSimulator {
    b.account(Account::new(KEY, SECRET, PASS))
        .start()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

fn cancel() -> CancelOrder {
    CancelOrder::builder()
        .symbol("BTCUSDT")
        .order_id("1")
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn code(
    r: &Result<bitget_endpoints::common::CancelledOrder, bitget_core::Error>,
) -> Option<ApiCode> {
    r.as_ref().err().and_then(|e| e.api_code().cloned())
}

fn count_429(sim: &RunningSimulator) -> usize {
    sim.requests().iter().filter(|r| r.status == 429).count()
}

#[tokio::test]
async fn a_burst_is_paced_by_the_declared_rate_and_earns_no_429() {
    let sim = sim_with(Simulator::builder()).await;
    let c = builder(&sim)
        .retry(RetryPolicy::never())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut tasks = Vec::new();
    for _ in 0..25 {
        let c = c.clone();
        tasks.push(tokio::spawn(async move { code(&c.send(&cancel()).await) }));
    }
    for t in tasks {
        assert_eq!(
            t.await.unwrap_or_else(|e| panic!("{e}")),
            Some(ApiCode::SpotOrderNotFound)
        );
    }
    assert_eq!(count_429(&sim), 0);
    assert_eq!(sim.requests().len(), 25);
}

#[tokio::test]
async fn clients_sharing_a_limiter_set_share_the_budget_and_overrides_apply() {
    let sim = sim_with(Simulator::builder().rate(CANCEL, 3)).await;
    // Without the override, the client's 10/s meets the exchange's 3/s.
    let eager = builder(&sim)
        .retry(RetryPolicy::never())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    for _ in 0..6 {
        let _ = eager.send(&cancel()).await;
    }
    assert!(count_429(&sim) > 0, "the simulator enforces 3/s");
    tokio::time::sleep(Duration::from_millis(1100)).await;
    sim.clear_requests();

    let limits = RateLimits::new();
    limits.set_rate(CANCEL, 3);
    let a = builder(&sim)
        .retry(RetryPolicy::never())
        .rate_limits(Arc::clone(&limits))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let b = builder(&sim)
        .retry(RetryPolicy::never())
        .rate_limits(limits)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    tokio::join!(
        async {
            for _ in 0..4 {
                let _ = a.send(&cancel()).await;
            }
        },
        async {
            for _ in 0..4 {
                let _ = b.send(&cancel()).await;
            }
        },
    );
    assert_eq!(sim.requests().len(), 8);
    assert_eq!(
        count_429(&sim),
        0,
        "two clients on one limiter set stay under 3/s together"
    );
}

#[tokio::test]
async fn retries_429_and_5xx_then_succeeds_resigning_each_attempt() {
    let sim = sim_with(Simulator::builder()).await;
    let id = sim
        .seed_spot_order(KEY, "BTCUSDT", Some("x"))
        .unwrap_or_else(|e| panic!("{e}"))
        .order_id;
    let c = builder(&sim).build().unwrap_or_else(|e| panic!("{e}"));
    sim.set_faults(Faults {
        force_429: 2,
        ..Faults::default()
    });
    let req = CancelOrder::builder()
        .symbol("BTCUSDT")
        .order_id(&id)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let sent = c.send_reporting(&req).await;
    assert!(sent.result.is_ok(), "{:?}", sent.result);
    assert_eq!((sent.attempts, sent.ambiguous), (3, false));
    let log = sim.requests();
    assert_eq!(
        log.iter().map(|r| r.status).collect::<Vec<_>>(),
        [429, 429, 200]
    );

    sim.set_faults(Faults {
        error_5xx: 1.0,
        ..Faults::default()
    });
    let sent = c.send_reporting(&cancel()).await;
    let err = sent
        .result
        .err()
        .unwrap_or_else(|| panic!("every attempt fails"));
    assert_eq!(
        (sent.attempts, sent.ambiguous, err.http_status()),
        (4, true, Some(503))
    );
}

#[tokio::test]
async fn requests_unsafe_to_repeat_are_not_retried_when_the_outcome_is_unknown() {
    use bitget_macros::{bitget_endpoint, bitget_response};

    /// The answer.
    #[bitget_response]
    pub(crate) struct Placed {
        /// Order id.
        pub order_id: String,
    }

    /// Spot place-order: repeatable only with a clientOid.
    #[bitget_endpoint(POST, "/api/v2/spot/trade/place-order", rate = 10, response = Placed, retry_safe_with(client_oid))]
    pub(crate) struct Place {
        #[bitget(required)]
        symbol: String,
        #[bitget(required)]
        side: String,
        #[bitget(required)]
        order_type: String,
        #[bitget(required)]
        price: String,
        #[bitget(required)]
        size: String,
        client_oid: Option<String>,
    }
    // No lookup declared here: after a lost answer the error says the order may be live.
    impl bitget_core::recover::Recover for Place {
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
    let place = |coid: Option<&str>| {
        let b = Place::builder()
            .symbol("BTCUSDT")
            .side("buy")
            .order_type("limit")
            .price("1")
            .size("1");
        match coid {
            Some(c) => b.client_oid(c).build(),
            None => b.build(),
        }
        .unwrap_or_else(|e| panic!("{e}"))
    };
    let sim = sim_with(Simulator::builder()).await;
    let c = builder(&sim).build().unwrap_or_else(|e| panic!("{e}"));
    sim.set_faults(Faults {
        error_5xx: 1.0,
        ..Faults::default()
    });
    assert_eq!(
        c.send_reporting(&place(None)).await.attempts,
        1,
        "without a clientOid a repeat could place twice"
    );
    assert_eq!(c.send_reporting(&place(Some("idem-1"))).await.attempts, 4);
    sim.set_faults(Faults {
        force_429: 1,
        ..Faults::default()
    });
    let sent = c.send_reporting(&place(None)).await;
    assert_eq!(
        sent.attempts, 2,
        "a 429 proves it was not executed, so even this is retried"
    );
    assert!(sent.result.is_ok());
}

#[tokio::test]
async fn clock_skew_resyncs_once_and_retries() {
    let sim = sim_with(Simulator::builder()).await;
    sim.set_faults(Faults {
        clock_offset_ms: 90_000,
        ..Faults::default()
    });
    let clock = Arc::new(SystemClock::default());
    let c = builder(&sim)
        .clock(clock.clone())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let sent = c.send_reporting(&cancel()).await;
    assert_eq!(
        code(&sent.result),
        Some(ApiCode::SpotOrderNotFound),
        "got through after the re-sync"
    );
    assert_eq!(sent.attempts, 2);
    assert!(
        (clock.offset_ms() - 90_000).abs() < 2_000,
        "offset learnt: {}",
        clock.offset_ms()
    );
    let paths: Vec<String> = sim
        .requests()
        .into_iter()
        .map(|r| format!("{} {}", r.status, r.path))
        .collect();
    assert_eq!(
        paths,
        [
            "400 /api/v2/spot/trade/cancel-order",
            "200 /api/v2/public/time",
            "400 /api/v2/spot/trade/cancel-order"
        ]
    );

    // A clock that cannot be corrected: one re-sync, then the error.
    let fixed = builder(&sim)
        .clock(Arc::new(FixedClock(1)))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let sent = fixed.send_reporting(&cancel()).await;
    assert!(sent.result.as_ref().is_err_and(|e| e.is_clock_skew()));
    assert_eq!(sent.attempts, 2);
}

#[tokio::test]
async fn sync_clock_with_an_injected_clock_is_deterministic() {
    let sim = sim_with(Simulator::builder()).await;
    sim.set_faults(Faults {
        clock_offset_ms: -5_000,
        ..Faults::default()
    });
    let clock = Arc::new(ManualClock::new(SystemClock::local_ms()));
    let c = builder(&sim)
        .clock(clock.clone())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let offset = c.sync_clock().await.unwrap_or_else(|e| panic!("{e}"));
    assert!((offset + 5_000).abs() < 1_000, "{offset}");
    assert_eq!(clock.offset_ms(), offset);
}
