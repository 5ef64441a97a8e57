//! Every rule declared on the v3 (Unified account) endpoints: a request that breaks it, and
//! only it, is refused with the field's wire path and the rule; the valid neighbour it was made
//! from passes. Batches are top-level arrays: their items' paths are `[i].field`.

use bitget_core::RuleKind as K;
use bitget_endpoints::uta::{account, market, position, trade};
use bitget_tests::rules::{body_case, case, uncovered};
use serde_json::{Value, json};

const DAY: u64 = 86_400_000;
const T0: u64 = 1_700_000_000_000;

fn market_rules() {
    let book = json!({"category": "USDT-FUTURES", "symbol": "BTCUSDT", "limit": "200"});
    case::<market::Orderbook>(&book, json!({"limit": "201"}), "limit", K::Max);
    case::<market::Orderbook>(
        &book,
        json!({"category": "FUTURES"}),
        "category",
        K::KnownValue,
    );
    let candles =
        json!({"category": "SPOT", "symbol": "BTCUSDT", "interval": "1H", "limit": "100"});
    case::<market::Candles>(&candles, json!({"limit": "101"}), "limit", K::Max);
    case::<market::Candles>(
        &candles,
        json!({"interval": "2H"}),
        "interval",
        K::KnownValue,
    );
    let history = json!({"category": "SPOT", "symbol": "BTCUSDT", "interval": "1D", "startTime": T0.to_string(), "endTime": (T0 + 90 * DAY).to_string()});
    case::<market::HistoryCandles>(
        &history,
        json!({"endTime": (T0 + 91 * DAY).to_string()}),
        "endTime",
        K::Window,
    );
    case::<market::Tickers>(
        &json!({"category": "SPOT"}),
        json!({"category": "MARGIN"}),
        "(request)",
        K::Custom,
    );
    case::<market::Fills>(
        &json!({"category": "MARGIN", "symbol": "BTCUSDT", "limit": "100"}),
        json!({"limit": "101"}),
        "limit",
        K::Max,
    );
    let rate =
        json!({"category": "USDT-FUTURES", "symbol": "BTCUSDT", "cursor": "100", "limit": "100"});
    case::<market::HistoryFundRate>(&rate, json!({"cursor": "101"}), "cursor", K::Max);
    case::<market::HistoryFundRate>(&rate, json!({"category": "SPOT"}), "category", K::Custom);
    case::<market::HistoryFundRate>(&rate, json!({"limit": "101"}), "limit", K::Max);
    case::<market::CurrentFundRate>(
        &json!({"category": "USDC-FUTURES"}),
        json!({"category": "SPOT"}),
        "(request)",
        K::Custom,
    );
    case::<market::OpenInterest>(
        &json!({"category": "COIN-FUTURES"}),
        json!({"category": "MARGIN"}),
        "category",
        K::Custom,
    );
    case::<market::OiLimit>(
        &json!({"category": "COIN-FUTURES"}),
        json!({"category": "SPOT"}),
        "category",
        K::Custom,
    );
    case::<market::PositionTier>(
        &json!({"category": "MARGIN", "coin": "BTC"}),
        json!({"category": "SPOT"}),
        "(request)",
        K::Custom,
    );
}

fn order() -> Value {
    json!({"category": "USDT-FUTURES", "symbol": "BTCUSDT", "orderType": "limit", "qty": "0.1", "price": "60000", "side": "buy", "posSide": "long", "clientOid": "bot-1:a_b"})
}

fn order_rules() {
    case::<trade::PlaceOrder>(&order(), json!({"price": null}), "price", K::RequiredIf);
    case::<trade::PlaceOrder>(&order(), json!({"qty": "0"}), "qty", K::Gt);
    case::<trade::PlaceOrder>(
        &order(),
        json!({"clientOid": "has space"}),
        "clientOid",
        K::Custom,
    );
    case::<trade::PlaceOrder>(
        &order(),
        json!({"clientOid": "c".repeat(33)}),
        "clientOid",
        K::Custom,
    );
    case::<trade::PlaceOrder>(
        &order(),
        json!({"tpOrderType": "limit", "takeProfit": "70000"}),
        "tpLimitPrice",
        K::RequiredIf,
    );
    case::<trade::PlaceOrder>(
        &order(),
        json!({"slOrderType": "limit", "stopLoss": "50000"}),
        "slLimitPrice",
        K::RequiredIf,
    );
    let spot = json!({"category": "SPOT", "symbol": "BTCUSDT", "orderType": "market", "qty": "100", "side": "buy"});
    case::<trade::PlaceOrder>(&spot, json!({"stopLoss": "50000"}), "(request)", K::Custom);
    case::<trade::PlaceOrder>(
        &order(),
        json!({"timeInForce": "gtd"}),
        "timeInForce",
        K::KnownValue,
    );
    let item = json!({"category": "SPOT", "symbol": "BTCUSDT", "orderType": "limit", "qty": "1", "price": "1", "side": "buy"});
    let batch = Value::Array(vec![item.clone(); 20]);
    body_case::<trade::PlaceBatch>(
        &batch,
        Value::Array(vec![item.clone(); 21]),
        "(request)",
        K::MaxItems,
    );
    body_case::<trade::PlaceBatch>(&batch, json!([]), "(request)", K::NonEmpty);
    let mut mixed = vec![item.clone(); 2];
    mixed[1]["category"] = json!("MARGIN");
    body_case::<trade::PlaceBatch>(&batch, Value::Array(mixed), "(request)", K::Custom);
    let mut no_price = item.clone();
    no_price.as_object_mut().map(|m| m.remove("price"));
    body_case::<trade::PlaceBatch>(&batch, json!([no_price]), "[0].price", K::RequiredIf);
    let mut zero = item.clone();
    zero["qty"] = json!("0");
    body_case::<trade::PlaceBatch>(&batch, json!([item, zero]), "[1].qty", K::Gt);
    let mut spaced = item.clone();
    spaced["clientOid"] = json!("has space");
    body_case::<trade::PlaceBatch>(&batch, json!([spaced]), "[0].clientOid", K::Custom);
    let modify = json!({"orderId": "1", "qty": "2", "price": "3"});
    case::<trade::ModifyOrder>(
        &modify,
        json!({"qty": null, "price": null}),
        "(request)",
        K::AtLeastOneOf,
    );
    case::<trade::ModifyOrder>(
        &modify,
        json!({"orderId": null}),
        "(request)",
        K::AtLeastOneOf,
    );
    case::<trade::ModifyOrder>(&modify, json!({"qty": "-1"}), "qty", K::Gt);
    let distinct = |n: usize| -> Value {
        Value::Array(
            (0..n)
                .map(|i| json!({"orderId": i.to_string(), "qty": "2"}))
                .collect(),
        )
    };
    body_case::<trade::BatchModifyOrder>(&distinct(20), distinct(21), "(request)", K::MaxItems);
    body_case::<trade::BatchModifyOrder>(
        &distinct(2),
        json!([{"orderId": "1", "qty": "2"}, {"orderId": "1", "price": "3"}]),
        "(request)",
        K::Custom,
    );
    body_case::<trade::BatchModifyOrder>(
        &distinct(2),
        json!([{"orderId": "1", "qty": "2", "category": "SPOT"}, {"orderId": "2", "qty": "2", "category": "MARGIN"}]),
        "(request)",
        K::Custom,
    );
    body_case::<trade::BatchModifyOrder>(
        &json!([modify.clone()]),
        json!([{"orderId": "1"}]),
        "[0]",
        K::AtLeastOneOf,
    );
    body_case::<trade::BatchModifyOrder>(
        &distinct(2),
        json!([{"orderId": "1", "qty": "2"}, {"orderId": "2", "qty": "0"}]),
        "[1].qty",
        K::Gt,
    );
    case::<trade::CancelOrder>(
        &json!({"orderId": "1"}),
        json!({"orderId": null}),
        "(request)",
        K::AtLeastOneOf,
    );
    let cancel = json!({"orderId": "1", "category": "SPOT", "symbol": "BTCUSDT"});
    body_case::<trade::CancelBatch>(
        &json!([cancel.clone()]),
        Value::Array(vec![cancel.clone(); 21]),
        "(request)",
        K::MaxItems,
    );
    body_case::<trade::CancelBatch>(
        &json!([cancel.clone()]),
        json!([{"category": "SPOT", "symbol": "BTCUSDT"}]),
        "[0]",
        K::AtLeastOneOf,
    );
    let close = json!({"category": "USDT-FUTURES", "symbol": "BTCUSDT", "posSide": "long"});
    case::<trade::ClosePositions>(&close, json!({"category": "SPOT"}), "category", K::Custom);
    let countdown = json!({"countdown": "60"});
    case::<trade::CountdownCancelAll>(&countdown, json!({"countdown": "61"}), "countdown", K::Max);
    case::<trade::CountdownCancelAll>(&countdown, json!({"countdown": "4"}), "countdown", K::Min);
    case::<trade::CountdownCancelAll>(
        &json!({"countdown": "0"}),
        json!({"countdown": "1"}),
        "countdown",
        K::Min,
    );
    case::<trade::OrderInfo>(
        &json!({"orderId": "1"}),
        json!({"orderId": null}),
        "(request)",
        K::AtLeastOneOf,
    );
    case::<trade::UnfilledOrders>(
        &json!({"limit": "100"}),
        json!({"limit": "101"}),
        "limit",
        K::Max,
    );
    let window = json!({"category": "SPOT", "startTime": T0.to_string(), "endTime": (T0 + 30 * DAY).to_string()});
    case::<trade::HistoryOrders>(
        &window,
        json!({"endTime": (T0 + 31 * DAY).to_string()}),
        "endTime",
        K::Window,
    );
    case::<trade::Fills>(
        &window,
        json!({"endTime": (T0 + 31 * DAY).to_string()}),
        "endTime",
        K::Window,
    );
}

fn strategy_and_position_rules() {
    let tpsl = json!({"category": "USDT-FUTURES", "symbol": "BTCUSDT", "posSide": "long", "stopLoss": "99000", "takeProfit": "100800"});
    case::<trade::PlaceStrategyOrder>(&tpsl, json!({"tpslMode": "partial"}), "qty", K::RequiredIf);
    case::<trade::PlaceStrategyOrder>(
        &tpsl,
        json!({"stopLoss": null, "takeProfit": null}),
        "(request)",
        K::Custom,
    );
    case::<trade::PlaceStrategyOrder>(
        &tpsl,
        json!({"tpOrderType": "limit"}),
        "tpLimitPrice",
        K::RequiredIf,
    );
    case::<trade::PlaceStrategyOrder>(&tpsl, json!({"category": "SPOT"}), "category", K::Custom);
    let trigger = json!({"category": "USDT-FUTURES", "symbol": "BTCUSDT", "type": "trigger", "qty": "1", "side": "buy", "triggerPrice": "90000", "triggerOrderType": "limit", "triggerOrderPrice": "90010"});
    case::<trade::PlaceStrategyOrder>(
        &trigger,
        json!({"triggerPrice": null}),
        "triggerPrice",
        K::RequiredIf,
    );
    case::<trade::PlaceStrategyOrder>(&trigger, json!({"qty": null}), "qty", K::RequiredIf);
    case::<trade::PlaceStrategyOrder>(&trigger, json!({"qty": "0"}), "qty", K::Gt);
    case::<trade::PlaceStrategyOrder>(
        &trigger,
        json!({"clientOid": "has space"}),
        "clientOid",
        K::Custom,
    );
    case::<trade::PlaceStrategyOrder>(
        &tpsl,
        json!({"slOrderType": "limit"}),
        "slLimitPrice",
        K::RequiredIf,
    );
    case::<trade::PlaceStrategyOrder>(
        &trigger,
        json!({"triggerOrderPrice": null}),
        "triggerOrderPrice",
        K::RequiredIf,
    );
    let modify = json!({"orderId": "1", "qty": "1", "takeProfit": "106000"});
    case::<trade::ModifyStrategyOrder>(
        &modify,
        json!({"orderId": null}),
        "(request)",
        K::AtLeastOneOf,
    );
    case::<trade::ModifyStrategyOrder>(
        &modify,
        json!({"slOrderType": "limit"}),
        "slLimitPrice",
        K::RequiredIf,
    );
    case::<trade::ModifyStrategyOrder>(
        &modify,
        json!({"tpOrderType": "limit"}),
        "tpLimitPrice",
        K::RequiredIf,
    );
    case::<trade::ModifyStrategyOrder>(
        &modify,
        json!({"triggerOrderType": "limit"}),
        "triggerOrderPrice",
        K::RequiredIf,
    );
    case::<trade::CancelStrategyOrder>(
        &json!({"clientOid": "x"}),
        json!({"clientOid": null}),
        "(request)",
        K::AtLeastOneOf,
    );
    case::<trade::UnfilledStrategyOrders>(
        &json!({"category": "USDT-FUTURES"}),
        json!({"category": "MARGIN"}),
        "category",
        K::Custom,
    );
    case::<trade::HistoryStrategyOrders>(
        &json!({"category": "USDT-FUTURES", "limit": "100"}),
        json!({"limit": "101"}),
        "limit",
        K::Max,
    );
    case::<position::CurrentPosition>(
        &json!({"category": "USDT-FUTURES"}),
        json!({"category": "SPOT"}),
        "category",
        K::Custom,
    );
    let history = json!({"category": "USDT-FUTURES", "startTime": T0.to_string(), "endTime": (T0 + 30 * DAY).to_string()});
    case::<position::HistoryPosition>(
        &history,
        json!({"endTime": (T0 + 31 * DAY).to_string()}),
        "endTime",
        K::Window,
    );
}

fn account_rules() {
    let lever = json!({"category": "USDT-FUTURES", "symbol": "BTCUSDT", "leverage": "10"});
    case::<account::SetLeverage>(&lever, json!({"symbol": null}), "(request)", K::Custom);
    case::<account::SetLeverage>(&lever, json!({"category": "SPOT"}), "(request)", K::Custom);
    case::<account::SetLeverage>(&lever, json!({"leverage": "0"}), "leverage", K::Min);
    case::<account::SetLeverage>(&lever, json!({"longLeverage": "0"}), "longLeverage", K::Min);
    case::<account::SetLeverage>(
        &lever,
        json!({"shortLeverage": "0.5"}),
        "shortLeverage",
        K::Min,
    );
    case::<account::SetLeverage>(
        &json!({"category": "MARGIN", "coin": "BTC", "leverage": "3"}),
        json!({"coin": null}),
        "(request)",
        K::Custom,
    );
    case::<account::SetHoldMode>(
        &json!({"holdMode": "hedge_mode"}),
        json!({"holdMode": "hedge"}),
        "holdMode",
        K::KnownValue,
    );
    let margin = json!({"category": "USDT-FUTURES", "symbol": "BTCUSDT", "posSide": "long", "operation": "add", "amount": "10"});
    case::<account::SetMargin>(&margin, json!({"amount": "0"}), "amount", K::Gt);
    case::<account::SetMargin>(&margin, json!({"category": "SPOT"}), "category", K::Custom);
    case::<account::SetMargin>(
        &margin,
        json!({"operation": "sub"}),
        "operation",
        K::KnownValue,
    );
    let records = json!({"category": "OTHER", "startTime": T0.to_string(), "endTime": (T0 + 30 * DAY).to_string()});
    case::<account::FinancialRecords>(
        &records,
        json!({"endTime": (T0 + 31 * DAY).to_string()}),
        "endTime",
        K::Window,
    );
    let transfer = json!({"fromType": "spot", "toType": "uta", "amount": "0.1", "coin": "BTC"});
    case::<account::Transfer>(
        &transfer,
        json!({"fromType": "isolated_margin"}),
        "(request)",
        K::Custom,
    );
    case::<account::Transfer>(&transfer, json!({"toType": "spot"}), "(request)", K::Custom);
    case::<account::Transfer>(&transfer, json!({"amount": "0"}), "amount", K::Gt);
    let max_open = json!({"category": "SPOT", "symbol": "BTCUSDT", "orderType": "limit", "side": "buy", "price": "1"});
    case::<account::MaxOpenAvailable>(&max_open, json!({"price": null}), "price", K::RequiredIf);
}

/// The intents write v3's convention: in hedge mode the side is the trade's and `posSide` names
/// the position (closing a long sells), the opposite of v2.
#[test]
fn intents_write_v3_fields() {
    use bitget_endpoints::PositionMode::{Hedge, OneWay};
    use bitget_endpoints::uta::{Category, OrderType};
    let wire = |b: trade::PlaceOrderBuilder<bitget_endpoints::uta::Side>| {
        let r = b
            .category(Category::UsdtFutures)
            .symbol("BTCUSDT")
            .qty(1)
            .order_type(OrderType::Market)
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        let v = serde_json::to_value(&r).unwrap_or_else(|e| panic!("{e}"));
        (
            v["side"].clone(),
            v["posSide"].clone(),
            v["reduceOnly"].clone(),
        )
    };
    let s = |x: &str| json!(x);
    assert_eq!(
        wire(trade::PlaceOrder::open_long(Hedge)),
        (s("buy"), s("long"), Value::Null)
    );
    assert_eq!(
        wire(trade::PlaceOrder::close_long(Hedge)),
        (s("sell"), s("long"), Value::Null)
    );
    assert_eq!(
        wire(trade::PlaceOrder::open_short(Hedge)),
        (s("sell"), s("short"), Value::Null)
    );
    assert_eq!(
        wire(trade::PlaceOrder::close_short(Hedge)),
        (s("buy"), s("short"), Value::Null)
    );
    assert_eq!(
        wire(trade::PlaceOrder::close_long(OneWay)),
        (s("sell"), Value::Null, s("yes"))
    );
    assert_eq!(
        wire(trade::PlaceOrder::close_short(OneWay)),
        (s("buy"), Value::Null, s("yes"))
    );
    assert_eq!(
        wire(trade::PlaceOrder::open_long(OneWay)),
        (s("buy"), Value::Null, Value::Null)
    );
}

/// A v3 item result is a success only with no error code and no message but `success`; a
/// failure carrying only a message is a failure (a cancel must never be reported done wrongly).
#[test]
fn an_item_is_a_success_only_without_a_code_or_a_failure_message() {
    let item = |v: Value| -> trade::ItemResult {
        serde_json::from_value(v).unwrap_or_else(|e| panic!("{e}"))
    };
    assert!(item(json!({"orderId": "1", "clientOid": "a"})).succeeded());
    assert!(item(json!({"orderId": "1", "code": "00000", "msg": "success"})).succeeded());
    assert!(!item(json!({"orderId": "1", "code": "24056", "msg": "notExisted"})).succeeded());
    assert!(!item(json!({"orderId": "1", "code": "", "msg": "order does not exist"})).succeeded());
}

/// Batch items take no reduceOnly: their intents are hedge mode's, and write posSide.
#[test]
fn batch_items_close_by_naming_the_position() {
    use bitget_endpoints::uta::{Category, OrderType};
    let item = trade::BatchOrder::hedge_close_long()
        .category(Category::UsdtFutures)
        .symbol("BTCUSDT")
        .qty(1)
        .order_type(OrderType::Market)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let v = serde_json::to_value(&item).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (v["side"].as_str(), v["posSide"].as_str()),
        (Some("sell"), Some("long"))
    );
    assert!(v.get("reduceOnly").is_none(), "{v}");
}

/// Every rule declared on these endpoints (`Endpoint::declared_rules`) has at least one case of its kind
/// on its endpoint; the cases run here first, each failing alone beside its valid neighbour.
#[test]
fn every_declared_rule_has_a_case() {
    market_rules();
    order_rules();
    strategy_and_position_rules();
    account_rules();
    bounds_and_lines();
    let missing: Vec<_> = [
        uncovered::<market::Instruments>(),
        uncovered::<market::Tickers>(),
        uncovered::<market::Orderbook>(),
        uncovered::<market::Candles>(),
        uncovered::<market::HistoryCandles>(),
        uncovered::<market::Fills>(),
        uncovered::<market::CurrentFundRate>(),
        uncovered::<market::HistoryFundRate>(),
        uncovered::<market::OpenInterest>(),
        uncovered::<market::OiLimit>(),
        uncovered::<market::PositionTier>(),
        uncovered::<trade::PlaceOrder>(),
        uncovered::<trade::PlaceBatch>(),
        uncovered::<trade::ModifyOrder>(),
        uncovered::<trade::BatchModifyOrder>(),
        uncovered::<trade::CancelOrder>(),
        uncovered::<trade::CancelBatch>(),
        uncovered::<trade::CancelSymbolOrder>(),
        uncovered::<trade::ClosePositions>(),
        uncovered::<trade::CountdownCancelAll>(),
        uncovered::<trade::OrderInfo>(),
        uncovered::<trade::UnfilledOrders>(),
        uncovered::<trade::HistoryOrders>(),
        uncovered::<trade::Fills>(),
        uncovered::<trade::PlaceStrategyOrder>(),
        uncovered::<trade::ModifyStrategyOrder>(),
        uncovered::<trade::CancelStrategyOrder>(),
        uncovered::<trade::UnfilledStrategyOrders>(),
        uncovered::<trade::HistoryStrategyOrders>(),
        uncovered::<position::CurrentPosition>(),
        uncovered::<position::HistoryPosition>(),
        uncovered::<position::AdlRank>(),
        uncovered::<account::Assets>(),
        uncovered::<account::Info>(),
        uncovered::<account::Settings>(),
        uncovered::<account::SetLeverage>(),
        uncovered::<account::SetHoldMode>(),
        uncovered::<account::SetMargin>(),
        uncovered::<account::FeeRate>(),
        uncovered::<account::FinancialRecords>(),
        uncovered::<account::FundingAssets>(),
        uncovered::<account::Transfer>(),
        uncovered::<account::MaxOpenAvailable>(),
    ]
    .into_iter()
    .flatten()
    .collect();
    assert!(
        missing.is_empty(),
        "declared rules with no case: {missing:?}"
    );
}

/// The rules every list repeats (page bounds), the batches' other rules, and the futures-only
/// lines of the lists.
fn bounds_and_lines() {
    case::<market::Orderbook>(
        &json!({"category": "SPOT", "symbol": "BTCUSDT", "limit": "5"}),
        json!({"limit": "0"}),
        "limit",
        K::Min,
    );
    let candles =
        json!({"category": "SPOT", "symbol": "BTCUSDT", "interval": "1m", "limit": "100"});
    case::<market::Candles>(&candles, json!({"limit": "0"}), "limit", K::Min);
    case::<market::HistoryCandles>(&candles, json!({"limit": "0"}), "limit", K::Min);
    case::<market::HistoryCandles>(&candles, json!({"limit": "101"}), "limit", K::Max);
    case::<market::Fills>(
        &json!({"category": "SPOT", "symbol": "BTCUSDT", "limit": "1"}),
        json!({"limit": "0"}),
        "limit",
        K::Min,
    );
    let rate =
        json!({"category": "USDT-FUTURES", "symbol": "BTCUSDT", "cursor": "1", "limit": "1"});
    case::<market::HistoryFundRate>(&rate, json!({"cursor": "0"}), "cursor", K::Min);
    case::<market::HistoryFundRate>(&rate, json!({"limit": "0"}), "limit", K::Min);
    let modify = json!([{"orderId": "1", "qty": "2"}]);
    body_case::<trade::BatchModifyOrder>(&modify, json!([]), "(request)", K::NonEmpty);
    let cancel = json!([{"orderId": "1", "category": "SPOT", "symbol": "BTCUSDT"}]);
    body_case::<trade::CancelBatch>(&cancel, json!([]), "(request)", K::NonEmpty);
    body_case::<trade::CancelBatch>(
        &cancel,
        json!([{"orderId": "1", "category": "SPOT", "symbol": "BTCUSDT"}, {"orderId": "2", "category": "USDT-FUTURES", "symbol": "BTCUSDT"}]),
        "(request)",
        K::Custom,
    );
    let page = json!({"category": "USDT-FUTURES", "limit": "100"});
    case::<trade::UnfilledOrders>(&page, json!({"limit": "0"}), "limit", K::Min);
    case::<trade::HistoryOrders>(&page, json!({"limit": "0"}), "limit", K::Min);
    case::<trade::HistoryOrders>(&page, json!({"limit": "101"}), "limit", K::Max);
    case::<trade::Fills>(&page, json!({"limit": "0"}), "limit", K::Min);
    case::<trade::Fills>(&page, json!({"limit": "101"}), "limit", K::Max);
    case::<trade::ModifyStrategyOrder>(
        &json!({"orderId": "1", "qty": "1"}),
        json!({"qty": "0"}),
        "qty",
        K::Gt,
    );
    case::<trade::HistoryStrategyOrders>(&page, json!({"category": "SPOT"}), "category", K::Custom);
    case::<trade::HistoryStrategyOrders>(&page, json!({"limit": "0"}), "limit", K::Min);
    case::<position::HistoryPosition>(&page, json!({"category": "MARGIN"}), "category", K::Custom);
    case::<position::HistoryPosition>(&page, json!({"limit": "0"}), "limit", K::Min);
    case::<position::HistoryPosition>(&page, json!({"limit": "101"}), "limit", K::Max);
    let records = json!({"category": "SPOT", "limit": "100"});
    case::<account::FinancialRecords>(&records, json!({"limit": "0"}), "limit", K::Min);
    case::<account::FinancialRecords>(&records, json!({"limit": "101"}), "limit", K::Max);
}
