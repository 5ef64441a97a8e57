//! Every type a user of the endpoints meets is reachable from `bitget-endpoints` alone (this
//! crate depends on nothing else): clocks, decode errors, builder states, unknown values.

use std::sync::Arc;

use bitget_endpoints::builder::{DecimalArg, LeftOut, Unset};
use bitget_endpoints::mix::order::{BatchCancelOrders, CancelPlanOrder};
use bitget_endpoints::mix::{OrderIdItem, ProductType};
use bitget_endpoints::spot::trade::CancelOrder;
use bitget_endpoints::{
    ApiCode, Client, Clock, Credentials, Decimal, DecodeError, Endpoint, Error, FixedClock,
    ManualClock, RateLimits, RetryPolicy, RuleKind, ServerTime, SystemClock, UnknownValue,
    ValidationError,
};

#[test]
fn a_client_is_built_with_the_clocks_and_policies_of_this_crate() {
    let manual = Arc::new(ManualClock::new(1_700_000_000_000));
    let clock: Arc<dyn Clock> = manual.clone();
    let client = Client::builder()
        .credentials(Credentials::new("k", "s", "p"))
        .clock(clock)
        .rate_limits(RateLimits::unlimited())
        .retry(RetryPolicy::never())
        .build()
        .unwrap_or_else(|e: Error| panic!("{e}"));
    assert_eq!(client.clock().now_ms(), 1_700_000_000_000);
    manual.set(1_700_000_000_500);
    assert_eq!(client.clock().now_ms(), 1_700_000_000_500);
    assert_eq!(FixedClock(7).now_ms(), 7);
    assert!(SystemClock::local_ms() > 1_700_000_000_000);
}

#[test]
fn builder_states_validation_and_values_are_nameable() {
    // The builder's states, spelled out as a user would in a helper's signature.
    let half: bitget_endpoints::mix::order::BatchCancelOrdersBuilder<Unset, Unset> =
        BatchCancelOrders::builder();
    let cancel_all = CancelPlanOrder::builder().cancel_all_plan_orders();
    let _: &bitget_endpoints::mix::order::CancelPlanOrderBuilder<LeftOut, Unset> = &cancel_all;
    let request = half
        .order_id_list([OrderIdItem::by_order_id("1")])
        .symbol("BTCUSDT")
        .product_type(ProductType::UsdtFutures)
        .build()
        .unwrap_or_else(|e: ValidationError| panic!("{e}"));
    assert_eq!(
        <BatchCancelOrders as Endpoint>::PATH,
        "/api/v2/mix/order/batch-cancel-orders"
    );
    assert!(request.validate().is_ok());

    let err = CancelOrder::builder().build().err();
    assert!(err.is_some_and(|e| e.has("symbol", RuleKind::RequiredUnless)));

    let unknown: Result<ProductType, UnknownValue> = "usdt-futrues".parse();
    assert!(unknown.is_err());
    let arg: DecimalArg = Decimal::new(15, 1).into();
    assert_eq!(arg.parse(), Ok(Decimal::new(15, 1)));
    assert!(ApiCode::from_code("40768").is_not_found());
}

/// Compiles only if these are nameable here: a user's function over the decode error and the
/// server time.
#[allow(dead_code)]
fn user_code(error: &DecodeError, time: &ServerTime) -> (String, i64) {
    (error.path.clone(), time.server_time)
}

#[test]
fn the_raw_layer_paging_and_quotes_are_nameable() {
    use bitget_endpoints::raw::{Value, json};
    use bitget_endpoints::{Method, Pages, PriceLevel, RawRequest};
    let client = Client::builder()
        .build()
        .unwrap_or_else(|e: Error| panic!("{e}"));
    let raw: RawRequest<'_, Value> = client
        .raw(Method::Get, "/api/v2/mix/market/ticker", 20)
        .params(json!({"symbol": "BTCUSDT"}))
        .public();
    drop(raw);
    fn _pages(
        p: Pages<bitget_endpoints::mix::order::OrdersHistory>,
    ) -> Pages<bitget_endpoints::mix::order::OrdersHistory> {
        p
    }
    let _: Option<PriceLevel> = None;
}
