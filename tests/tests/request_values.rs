//! What a request may carry, and how it leaves: wire enums refuse values the library does not
//! know (listing the known ones) unless sent on purpose with `unlisted`; decimal setters take a
//! `Decimal` or text parsed at `build()`; a complete builder sends directly, its validation error
//! being the send's error.

#![allow(missing_docs)]

use bitget_core::{Client, Credentials, Decimal, RuleKind, ValidationError};
use bitget_endpoints::mix::order::{CancelAllOrders, CancelPlanOrder};
use bitget_endpoints::mix::{OrderIdItem, PlanType, ProductType};
use bitget_endpoints::spot::trade::{BatchCancelOrder, CancelOrder};
use bitget_endpoints::spot::{BatchMode, SpotOrderItem, TpslType};
use bitget_macros::{bitget_endpoint, bitget_response};
use bitget_sim::{Account, RunningSimulator, Simulator};

const KEY: &str = "v-key";

bitget_core::wire_enum! {
    /// Order side.
    pub enum Side { Buy = "buy", Sell = "sell" }
}
bitget_core::wire_enum! {
    /// Order type.
    pub enum OrderType { Limit = "limit", Market = "market" }
}
bitget_core::wire_enum! {
    /// Time in force.
    pub enum Force { Gtc = "gtc", PostOnly = "post_only" }
}

/// Spot place-order, declared here with the two decimal fields the cancel endpoints lack.
#[bitget_endpoint(POST, "/api/v2/spot/trade/place-order", rate = 10, response = Placed)]
pub struct PlaceOrder {
    #[bitget(required)]
    pub symbol: String,
    #[bitget(required)]
    pub side: Side,
    #[bitget(required)]
    pub order_type: OrderType,
    #[bitget(required)]
    pub force: Force,
    pub price: Option<Decimal>,
    #[bitget(required, min = 0.0001)]
    pub size: Decimal,
    pub client_oid: Option<String>,
}

/// The answer of place-order.
#[bitget_response]
pub struct Placed {
    pub order_id: Option<String>,
    pub client_oid: Option<String>,
}

async fn sim() -> RunningSimulator {
    Simulator::builder()
        .account(Account::new(KEY, "v-secret", "v-pass"))
        .start()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

fn client(sim: &RunningSimulator) -> Client {
    Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new(KEY, "v-secret", "v-pass"))
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn refused(result: Result<impl std::fmt::Debug, ValidationError>) -> ValidationError {
    match result {
        Ok(r) => panic!("expected a refusal, built {r:?}"),
        Err(e) => e,
    }
}

/// The one violation at `path`, which must be of `kind`.
fn only_at(err: &ValidationError, path: &str, kind: RuleKind) -> String {
    let at: Vec<_> = err.at(path).collect();
    assert!(
        at.len() == 1 && at[0].rule == kind,
        "expected one {kind:?} at `{path}`: {err}"
    );
    at[0].message.clone()
}

#[test]
fn an_unknown_product_type_is_refused_with_the_known_ones() {
    let err = refused(
        CancelAllOrders::builder()
            .product_type("USDT-FUTRUES")
            .build(),
    );
    let message = only_at(&err, "productType", RuleKind::KnownValue);
    for known in ProductType::WIRE_VALUES {
        assert!(message.contains(known), "{known} listed: {message}");
    }
    assert!(
        message.contains("ProductType::unlisted(\"USDT-FUTRUES\")"),
        "{message}"
    );
    // Any case of a known value is that value.
    let ok = CancelAllOrders::builder()
        .product_type("usdt-futures")
        .build();
    assert_eq!(ok.map(|r| r.product_type), Ok(ProductType::UsdtFutures));
}

#[test]
fn an_unknown_plan_type_is_refused() {
    let err = refused(
        CancelPlanOrder::builder()
            .order_id_list([OrderIdItem::by_order_id("1")])
            .symbol("BTCUSDT")
            .product_type(ProductType::UsdtFutures)
            .plan_type("normal_plann")
            .build(),
    );
    let message = only_at(&err, "planType", RuleKind::KnownValue);
    assert!(message.contains("normal_plan, profit_plan"), "{message}");
}

#[test]
fn an_unknown_tpsl_type_is_refused() {
    let err = refused(
        CancelOrder::builder()
            .symbol("BTCUSDT")
            .order_id("1")
            .tpsl_type("tpls")
            .build(),
    );
    only_at(&err, "tpslType", RuleKind::KnownValue);
}

#[test]
fn an_unknown_batch_mode_is_refused() {
    let err = refused(
        BatchCancelOrder::builder()
            .symbol("BTCUSDT")
            .batch_mode("multi")
            .order_list([SpotOrderItem::by_order_id("1")])
            .build(),
    );
    only_at(&err, "batchMode", RuleKind::KnownValue);
}

#[test]
fn parsing_text_is_a_result_for_every_enum() {
    fn check<T>(known: &[&str])
    where
        T: std::str::FromStr<Err = bitget_core::wire::UnknownValue> + std::fmt::Display,
    {
        for wire in known {
            let upper = wire.to_uppercase();
            let parsed = upper.parse::<T>().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(parsed.to_string(), *wire, "sent in its declared form");
        }
        let err = "no-such-value".parse::<T>().err();
        let err = err.unwrap_or_else(|| panic!("an unknown value parses to an error"));
        assert_eq!(err.known, known);
        assert!(err.to_string().contains(known[0]), "{err}");
    }
    check::<ProductType>(ProductType::WIRE_VALUES);
    check::<PlanType>(PlanType::WIRE_VALUES);
    check::<TpslType>(TpslType::WIRE_VALUES);
    check::<BatchMode>(BatchMode::WIRE_VALUES);
}

#[test]
fn an_unlisted_text_that_names_a_known_value_is_that_value() {
    // So `required_if(tpsl_type = TpslType::Tpsl)` still applies to it.
    assert_eq!(TpslType::unlisted("TPSL"), TpslType::Tpsl);
    let err = refused(
        CancelOrder::builder()
            .symbol("BTCUSDT")
            .tpsl_type(TpslType::unlisted("tpsl"))
            .client_oid("x")
            .build(),
    );
    only_at(&err, "orderId", RuleKind::RequiredIf);
}

#[tokio::test]
async fn an_unlisted_value_is_sent_as_given() {
    let sim = sim().await;
    let request = CancelAllOrders::builder()
        .product_type(ProductType::unlisted("USDT-FUTURES-V2"))
        .build()
        .unwrap_or_else(|e| panic!("unlisted values pass validation: {e}"));
    // The simulator does not know the value either; what matters is that it went out unchanged.
    let _ = request.send(&client(&sim)).await;
    let log = sim.requests();
    assert_eq!(log.len(), 1);
    assert!(
        log[0].body.contains(r#""productType":"USDT-FUTURES-V2""#),
        "{}",
        log[0].body
    );
}

#[test]
fn decimal_setters_take_decimals_integers_and_text() {
    let request = PlaceOrder::builder()
        .symbol("BTCUSDT")
        .side(Side::Buy)
        .order_type(OrderType::Limit)
        .force(Force::Gtc)
        .price("27000.50")
        .size(2)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(request.price, Some(Decimal::new(2_700_050, 2)));
    assert_eq!(request.size, Decimal::from(2));
    let request = PlaceOrder::builder()
        .symbol("BTCUSDT")
        .side(Side::Buy)
        .order_type(OrderType::Market)
        .force(Force::Gtc)
        .size(Decimal::new(5, 1))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((request.price, request.size), (None, Decimal::new(5, 1)));
}

#[test]
fn text_that_is_not_a_number_is_a_violation_at_its_field_with_the_others() {
    let err = refused(
        PlaceOrder::builder()
            .symbol("BTCUSDT")
            .side("buyy")
            .order_type(OrderType::Limit)
            .force(Force::Gtc)
            .price("27k")
            .size("0,5")
            .build(),
    );
    assert!(
        only_at(&err, "price", RuleKind::Decimal).contains("`27k`"),
        "{err}"
    );
    assert!(
        only_at(&err, "size", RuleKind::Decimal).contains("`0,5`"),
        "{err}"
    );
    only_at(&err, "side", RuleKind::KnownValue);
    assert_eq!(err.violations.len(), 3, "{err}");
}

#[tokio::test]
async fn a_complete_builder_sends_directly_and_an_invalid_one_sends_nothing() {
    let sim = sim().await;
    let client = client(&sim);
    let placed = PlaceOrder::builder()
        .symbol("BTCUSDT")
        .side(Side::Buy)
        .order_type(OrderType::Limit)
        .force(Force::Gtc)
        .price("27000")
        .size("0.01")
        .client_oid("direct-1")
        .send(&client)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let order_id = placed.order_id.unwrap_or_else(|| panic!("an order id"));
    let log = sim.requests();
    assert!(
        log[0].body.contains(r#""price":"27000""#),
        "{}",
        log[0].body
    );
    assert!(log[0].body.contains(r#""size":"0.01""#), "{}", log[0].body);

    let cancelled = CancelOrder::builder()
        .symbol("BTCUSDT")
        .order_id(&order_id)
        .send(&client)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cancelled.order_id.as_deref(), Some(order_id.as_str()));
    assert!(sim.live_orders(KEY).is_empty());

    let before = sim.requests().len();
    let err = PlaceOrder::builder()
        .symbol("BTCUSDT")
        .side(Side::Buy)
        .order_type(OrderType::Limit)
        .force(Force::Gtc)
        .size("lots")
        .send(&client)
        .await
        .err()
        .unwrap_or_else(|| panic!("text that is not a number must be refused"));
    assert!(
        err.validation()
            .is_some_and(|v| v.has("size", RuleKind::Decimal)),
        "{err}"
    );
    assert_eq!(sim.requests().len(), before, "nothing was sent");
    // A broken rule (not a decimal text) is found by the client's own validation: still nothing
    // is sent.
    let err = CancelOrder::builder()
        .order_id("1")
        .send(&client)
        .await
        .err()
        .unwrap_or_else(|| panic!("a cancel without symbol must be refused"));
    assert!(
        err.validation()
            .is_some_and(|v| v.has("symbol", RuleKind::RequiredUnless)),
        "{err}"
    );
    assert_eq!(sim.requests().len(), before, "nothing was sent");
}

#[test]
fn a_request_reads_back_from_json_and_refuses_unknown_keys() {
    use bitget_endpoints::mix::order::BatchCancelOrders;
    // A misspelt list must not read as "no list".
    let err = serde_json::from_str::<BatchCancelOrders>(
        r#"{"orderIdLst":[{"orderId":"1"}],"symbol":"BTCUSDT","productType":"USDT-FUTURES"}"#,
    )
    .err()
    .unwrap_or_else(|| panic!("an unknown key is refused"));
    assert!(
        err.to_string().contains("unknown field `orderIdLst`"),
        "{err}"
    );
    // Required fields are required, with their wire name.
    let err = serde_json::from_str::<CancelAllOrders>(r#"{"marginCoin":"USDT"}"#).err();
    assert!(err.is_some_and(|e| e.to_string().contains("missing field `productType`")));
    // Integers read from text or numbers, and go back out as text.
    for body in [
        r#"{"productType":"USDT-FUTURES","requestTime":"1700000000000","receiveWindow":5000}"#,
        r#"{"productType":"USDT-FUTURES","requestTime":1700000000000,"receiveWindow":"5000"}"#,
    ] {
        let read: CancelAllOrders = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (read.request_time, read.receive_window),
            (Some(1_700_000_000_000), Some(5000))
        );
        assert_eq!(
            serde_json::to_string(&read).ok().as_deref(),
            Some(
                r#"{"productType":"USDT-FUTURES","requestTime":"1700000000000","receiveWindow":"5000"}"#
            )
        );
    }
    // A wrong type names the field.
    let err = serde_json::from_str::<CancelAllOrders>(
        r#"{"productType":"USDT-FUTURES","receiveWindow":"soon"}"#,
    )
    .err();
    assert!(err.is_some_and(|e| e.to_string().contains("`receiveWindow`")));
}
