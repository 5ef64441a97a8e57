//! Bulk cancels against the simulator: every input id gets exactly one outcome, requests respect
//! the endpoints' rules, and no fault makes an id lost, duplicated or misreported.

use std::collections::{HashMap, HashSet};
use std::time::Duration;

use bitget_core::{Client, Credentials, RateLimits, RetryPolicy};
use bitget_endpoints::bulk::{BATCH_LIMIT, BulkCancel, BulkReport, OrderRef, Outcome};
use bitget_endpoints::mix::ProductType;
use bitget_endpoints::uta::Category;
use bitget_sim::{Account, FaultPoint, Faults, Order, RunningSimulator, Simulator};
use proptest::prelude::*;

const KEY: &str = "b-key";

async fn sim() -> RunningSimulator {
    sim_for(Kind::Spot).await
}

/// A simulator whose account is Unified for the v3 target, Classic otherwise.
async fn sim_for(kind: Kind) -> RunningSimulator {
    Simulator::builder()
        .account(Account::new(KEY, "b-secret", "b-pass").unified(kind == Kind::Uta))
        .without_rate_limits()
        .start()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Fast retries, no client-side limiter (the simulator runs without limits too).
/// Quick retries, so fault-heavy runs stay fast.
const RETRY: RetryPolicy = RetryPolicy::new(4)
    .with_backoff(Duration::from_millis(1), Duration::from_millis(4))
    .with_max_elapsed(Duration::from_secs(10));

fn client(sim: &RunningSimulator) -> Client {
    client_retrying(sim, RETRY)
}

fn client_retrying(sim: &RunningSimulator, retry: RetryPolicy) -> Client {
    Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new(KEY, "b-secret", "b-pass"))
        .rate_limits(RateLimits::unlimited())
        .retry(retry)
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Spot,
    Futures,
    Plan,
    /// v3 spot orders of a Unified account, through cancel-batch.
    Uta,
}

/// The most ids a request of `kind` may carry.
fn batch_of(kind: Kind) -> usize {
    if kind == Kind::Uta { 20 } else { BATCH_LIMIT }
}

/// The id list of a request body: v2's `orderIdList`/`orderList`, or v3's top-level array.
fn list_of(v: &serde_json::Value) -> Vec<serde_json::Value> {
    v.as_array()
        .or_else(|| {
            v.get("orderIdList")
                .or_else(|| v.get("orderList"))
                .and_then(|l| l.as_array())
        })
        .cloned()
        .unwrap_or_default()
}

fn seed(sim: &RunningSimulator, kind: Kind, i: usize) -> Order {
    let coid = format!("c{i}");
    match kind {
        Kind::Spot | Kind::Uta => sim.seed_spot_order(KEY, "BTCUSDT", Some(&coid)),
        Kind::Futures => sim.seed_futures_order(KEY, "USDT-FUTURES", "BTCUSDT", Some(&coid)),
        Kind::Plan => {
            sim.seed_plan_order(KEY, "USDT-FUTURES", "BTCUSDT", "normal_plan", Some(&coid))
        }
    }
    .unwrap_or_else(|e| panic!("{e}"))
}

/// Runs a bulk cancel of `ids` on `kind`'s BTCUSDT target, `concurrency` requests at a time.
async fn run_bulk(
    client: Client,
    kind: Kind,
    ids: Vec<OrderRef>,
    concurrency: usize,
    on_outcome: impl FnMut(&OrderRef, &Outcome),
) -> BulkReport {
    let report = match kind {
        Kind::Spot => {
            BulkCancel::spot(client, "BTCUSDT")
                .ids(ids)
                .concurrency(concurrency)
                .run_with(on_outcome)
                .await
        }
        Kind::Futures => {
            BulkCancel::futures(client, ProductType::UsdtFutures, "BTCUSDT")
                .ids(ids)
                .concurrency(concurrency)
                .run_with(on_outcome)
                .await
        }
        Kind::Plan => {
            BulkCancel::plan(client, ProductType::UsdtFutures, "BTCUSDT")
                .ids(ids)
                .concurrency(concurrency)
                .run_with(on_outcome)
                .await
        }
        Kind::Uta => {
            BulkCancel::uta(client, Category::Spot, "BTCUSDT")
                .ids(ids)
                .concurrency(concurrency)
                .run_with(on_outcome)
                .await
        }
    };
    report.unwrap_or_else(|e| panic!("the fixed fields are valid: {e}"))
}

/// Every id of every request body the simulator received, with the distinct bodies it was in.
fn sent_ids(sim: &RunningSimulator) -> HashMap<OrderRef, HashSet<String>> {
    let mut out: HashMap<OrderRef, HashSet<String>> = HashMap::new();
    for r in sim.requests() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&r.body) else {
            continue;
        };
        for item in list_of(&v) {
            let id = match (
                item.get("orderId").and_then(|x| x.as_str()),
                item.get("clientOid").and_then(|x| x.as_str()),
            ) {
                (Some(id), _) => OrderRef::OrderId(id.to_owned()),
                (None, Some(c)) => OrderRef::ClientOid(c.to_owned()),
                _ => continue,
            };
            out.entry(id).or_default().insert(r.body.clone());
        }
    }
    out
}

/// The checks every run must pass, whatever the faults.
fn check(
    sim: &RunningSimulator,
    kind: Kind,
    input: &[OrderRef],
    live_before: &HashMap<OrderRef, String>,
    report: &BulkReport,
) {
    assert_eq!(
        report.outcomes.len(),
        input.len(),
        "one outcome per input id"
    );
    let orders: HashMap<String, Order> = sim
        .orders(KEY)
        .into_iter()
        .map(|o| (o.order_id.clone(), o))
        .collect();
    let mut seen = HashSet::new();
    for ((id, outcome), wanted) in report.outcomes.iter().zip(input) {
        assert_eq!(id, wanted, "outcomes keep the input order");
        let first = seen.insert(id.clone());
        assert_eq!(
            matches!(outcome, Outcome::Duplicate),
            !first,
            "{id}: duplicates, and only they, are reported as such"
        );
        let order_id = live_before.get(id);
        let cancelled_now = order_id
            .and_then(|oid| orders.get(oid))
            .is_some_and(|o| o.cancelled);
        match outcome {
            Outcome::Cancelled => assert!(cancelled_now, "{id} reported cancelled but is not"),
            Outcome::Failed { .. } => {
                assert!(!cancelled_now, "{id} reported failed but was cancelled")
            }
            Outcome::Unknown(_) | Outcome::Duplicate => {}
        }
    }
    for (id, bodies) in sent_ids(sim) {
        assert_eq!(
            bodies.len(),
            1,
            "{id} went out in {} different requests",
            bodies.len()
        );
    }
    for r in sim.requests() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&r.body) else {
            continue;
        };
        let list = list_of(&v);
        assert!(
            !list.is_empty() && list.len() <= batch_of(kind),
            "a request of {} ids",
            list.len()
        );
        if kind == Kind::Spot {
            let by_id: HashSet<bool> = list.iter().map(|i| i.get("orderId").is_some()).collect();
            assert_eq!(
                by_id.len(),
                1,
                "a spot request mixes orderId and clientOid: {}",
                r.body
            );
        }
    }
}

fn input_for(
    sim: &RunningSimulator,
    kind: Kind,
    existing: usize,
    missing: usize,
    dup_every: usize,
) -> (Vec<OrderRef>, HashMap<OrderRef, String>) {
    let mut input = Vec::new();
    let mut live = HashMap::new();
    for i in 0..existing {
        let order = seed(sim, kind, i);
        let id = if i % 2 == 0 {
            OrderRef::OrderId(order.order_id.clone())
        } else {
            OrderRef::ClientOid(order.client_oid.clone())
        };
        live.insert(id.clone(), order.order_id);
        input.push(id.clone());
        if dup_every > 0 && i % dup_every == 0 {
            input.push(id);
        }
    }
    for i in 0..missing {
        input.push(if i % 2 == 0 {
            OrderRef::OrderId(format!("9{i:018}"))
        } else {
            OrderRef::ClientOid(format!("nope-{i}"))
        });
    }
    (input, live)
}

/// One bulk cancel under `faults`: seeds `existing` live orders (every `dup_every`-th given twice)
/// and `missing` unknown ids, cancels them all with `retry`, lifts the faults, and checks what
/// every run must hold. Returns the simulator and the report for the caller's own checks.
async fn cancel_under(
    kind: Kind,
    (existing, missing, dup_every): (usize, usize, usize),
    faults: Faults,
    retry: RetryPolicy,
) -> (RunningSimulator, BulkReport) {
    let sim = sim_for(kind).await;
    let (input, live) = input_for(&sim, kind, existing, missing, dup_every);
    sim.set_faults(faults);
    let report = run_bulk(
        client_retrying(&sim, retry),
        kind,
        input.clone(),
        4,
        |_, _| {},
    )
    .await;
    sim.set_faults(Faults::default());
    check(&sim, kind, &input, &live, &report);
    (sim, report)
}

fn all_unknown(report: &BulkReport) -> bool {
    report
        .outcomes
        .iter()
        .all(|(_, o)| matches!(o, Outcome::Unknown(_)))
}

#[tokio::test]
async fn every_id_once_in_input_order_with_progress() {
    for kind in [Kind::Spot, Kind::Futures, Kind::Plan, Kind::Uta] {
        let sim = sim_for(kind).await;
        let (input, live) = input_for(&sim, kind, 120, 7, 10);
        let mut progress = 0;
        let report = run_bulk(client(&sim), kind, input.clone(), 8, |_, _| progress += 1).await;
        check(&sim, kind, &input, &live, &report);
        assert_eq!(progress, input.len(), "{kind:?}: progress for every id");
        let cancelled = report.filter(|o| matches!(o, Outcome::Cancelled)).count();
        let failed = report
            .filter(|o| matches!(o, Outcome::Failed { .. }))
            .count();
        assert_eq!((cancelled, failed), (120, 7), "{kind:?}");
        assert!(sim.live_orders(KEY).is_empty());
        let expected_requests = match kind {
            Kind::Spot => 2 + 2,
            // 127 ids, 20 a request.
            Kind::Uta => 7,
            _ => 3,
        };
        assert_eq!(
            report.requests,
            expected_requests,
            "{kind:?}: 127 unique ids in requests of at most {}",
            batch_of(kind)
        );
    }
}

#[tokio::test]
async fn a_whole_request_refused_fails_its_ids_and_an_unanswered_one_leaves_them_unknown() {
    // Unanswered (5xx on every attempt): unknown.
    let faults = Faults {
        error_5xx: 1.0,
        ..Faults::default()
    };
    let (_, report) = cancel_under(Kind::Futures, (10, 0, 0), faults, RETRY).await;
    assert!(all_unknown(&report));
    assert_eq!(report.attempts, 4);

    // Executed, then the answer lost on every attempt: unknown, never "failed".
    let faults = Faults {
        error_5xx: 1.0,
        point: FaultPoint::After,
        ..Faults::default()
    };
    let (sim, report) = cancel_under(Kind::Spot, (3, 0, 0), faults, RETRY).await;
    assert!(all_unknown(&report));
    assert!(sim.live_orders(KEY).is_empty(), "they were cancelled");

    // Refused as a whole (a 429 with retries off): failed, with the code, and still live.
    let faults = Faults {
        force_429: 1,
        ..Faults::default()
    };
    let (sim, report) = cancel_under(Kind::Plan, (5, 0, 0), faults, RetryPolicy::never()).await;
    assert!(
        report
            .outcomes
            .iter()
            .all(|(_, o)| matches!(o, Outcome::Failed { code: Some(c), .. } if c == "429"))
    );
    assert_eq!(sim.live_orders(KEY).len(), 5);
}

fn faults() -> impl Strategy<Value = Faults> {
    (
        prop::sample::select(vec![0.0, 0.1, 0.3]),
        prop::sample::select(vec![0.0, 0.1]),
        prop::sample::select(vec![0.0, 0.1]),
        prop::sample::select(vec![0.0, 0.05]),
        any::<bool>(),
        any::<u64>(),
    )
        .prop_map(|(e5, drop, r429, malformed, after, seed)| Faults {
            error_5xx: e5,
            drop_connection: drop,
            random_429: r429,
            malformed_body: malformed,
            point: if after {
                FaultPoint::After
            } else {
                FaultPoint::Before
            },
            seed,
            ..Faults::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_id_is_lost_duplicated_or_misreported(
        kind in prop::sample::select(vec![Kind::Spot, Kind::Futures, Kind::Plan, Kind::Uta]),
        existing in 0usize..140,
        missing in 0usize..20,
        dup_every in 0usize..6,
        faults in faults(),
    ) {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().map_err(|e| TestCaseError::fail(e.to_string()))?;
        rt.block_on(cancel_under(kind, (existing, missing, dup_every), faults, RETRY));
    }
}

/// Found by the property test: an attempt executed but unanswered (5xx after the cancel), then the
/// last attempt refused with a 429. The 429 proves only that the last attempt did nothing; the
/// first may have cancelled the orders, so they are unknown, never "failed".
#[tokio::test]
async fn a_refusal_after_an_unanswered_attempt_leaves_the_ids_unknown() {
    let mut seen = 0;
    for seed in 1..=20 {
        // Every attempt fails: a 5xx after the cancel took effect, or a 429 before anything.
        let faults = Faults {
            error_5xx: 0.5,
            random_429: 0.5,
            point: FaultPoint::After,
            seed,
            ..Faults::default()
        };
        let (sim, report) = cancel_under(Kind::Futures, (3, 1, 0), faults, RETRY).await;
        let statuses: Vec<u16> = sim.requests().iter().map(|r| r.status).collect();
        if statuses.first() == Some(&503) && statuses.last() == Some(&429) {
            seen += 1;
            assert!(
                all_unknown(&report),
                "seed {seed}, answers {statuses:?}: {:?}",
                report.outcomes
            );
        }
    }
    assert!(seen > 0, "no seed produced a 5xx then a final 429");
}

/// The bodies the simulator received on `path`, as JSON.
fn bodies_on(sim: &RunningSimulator, path: &str) -> Vec<serde_json::Value> {
    sim.requests()
        .iter()
        .filter(|r| r.path == path)
        .map(|r| serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{e}: {}", r.body)))
        .collect()
}

#[tokio::test]
async fn every_option_of_a_target_reaches_its_requests() {
    use bitget_endpoints::mix::PlanType;
    let sim = sim().await;
    let plan = seed(&sim, Kind::Plan, 1);
    let futures = seed(&sim, Kind::Futures, 2);
    let report = BulkCancel::plan(client(&sim), ProductType::UsdtFutures, "BTCUSDT")
        .margin_coin("USDT")
        .plan_type(PlanType::NormalPlan)
        .ids([OrderRef::OrderId(plan.order_id.clone())])
        .run()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(report.all_cancelled(), "{report:?}");
    let sent = bodies_on(&sim, "/api/v2/mix/order/cancel-plan-order");
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["marginCoin"], "USDT", "{}", sent[0]);
    assert_eq!(sent[0]["planType"], "normal_plan", "{}", sent[0]);

    let report = BulkCancel::futures(client(&sim), ProductType::UsdtFutures, "BTCUSDT")
        .margin_coin("USDT")
        .ids([OrderRef::OrderId(futures.order_id.clone())])
        .run()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(report.all_cancelled(), "{report:?}");
    let sent = bodies_on(&sim, "/api/v2/mix/order/batch-cancel-orders");
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["marginCoin"], "USDT", "{}", sent[0]);
}

#[tokio::test]
async fn a_broken_fixed_field_is_one_error_before_anything_is_sent() {
    let sim = sim().await;
    let ids: Vec<OrderRef> = (0..120)
        .map(|i| OrderRef::OrderId(format!("{i}")))
        .collect();
    let err = BulkCancel::futures(client(&sim), ProductType::UsdtFutures, "BTCUSDT")
        .margin_coin("usdt")
        .ids(ids.clone())
        .run()
        .await
        .err()
        .unwrap_or_else(|| panic!("a lower-case margin coin must be refused"));
    let v = err.validation().unwrap_or_else(|| panic!("{err}"));
    assert_eq!(v.violations.len(), 1, "{v}");
    assert!(
        v.has("marginCoin", bitget_endpoints::RuleKind::Uppercase),
        "{v}"
    );
    let err = BulkCancel::plan(client(&sim), ProductType::UsdtFutures, "")
        .ids(ids)
        .run()
        .await
        .err()
        .unwrap_or_else(|| panic!("an empty symbol must be refused"));
    let v = err.validation().unwrap_or_else(|| panic!("{err}"));
    assert!(v.at("symbol").next().is_some(), "{v}");
    assert!(sim.requests().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn an_id_the_endpoint_refuses_fails_alone_and_its_batch_goes() {
    for kind in [Kind::Spot, Kind::Futures, Kind::Plan, Kind::Uta] {
        let sim = sim_for(kind).await;
        let live: Vec<OrderRef> = (0..3)
            .map(|i| OrderRef::OrderId(seed(&sim, kind, i).order_id))
            .collect();
        let mut input = live.clone();
        input.insert(1, OrderRef::OrderId(String::new()));
        input.push(OrderRef::ClientOid("x".repeat(51)));
        let report = run_bulk(client(&sim), kind, input, 8, |_, _| {}).await;
        let failed: Vec<usize> = report
            .outcomes
            .iter()
            .enumerate()
            .filter(|(_, (_, o))| matches!(o, Outcome::Failed { .. }))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(failed, [1, 4], "{kind:?}: {:?}", report.outcomes);
        assert_eq!(
            report.filter(|o| matches!(o, Outcome::Cancelled)).count(),
            3,
            "{kind:?}"
        );
        assert!(sim.live_orders(KEY).is_empty(), "{kind:?}");
    }
}
