//! Every rule declared on the v2 futures endpoints: a request that breaks it, and only it, is
//! refused with the field's wire path and the rule; the valid neighbour it was made from passes.
//! Requests are read from JSON, as a bot's stored requests would be: a required field that is
//! missing does not read (and, through the builder, does not compile), so those cases are the
//! rules between fields and on values.

use bitget_core::RuleKind as K;
use bitget_endpoints::mix::{account, market, order, position};
use bitget_tests::rules::{case, uncovered};
use serde_json::{Value, json};

const DAY: u64 = 86_400_000;
const T0: u64 = 1_700_000_000_000;

fn market_rules() {
    let candles = json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "granularity": "1m", "startTime": T0.to_string(), "endTime": (T0 + 90 * DAY).to_string(), "limit": "1000"});
    case::<market::Candles>(
        &candles,
        json!({"endTime": (T0 + 91 * DAY).to_string()}),
        "endTime",
        K::Window,
    );
    case::<market::Candles>(&candles, json!({"limit": "1001"}), "limit", K::Max);
    case::<market::Candles>(&candles, json!({"limit": "0"}), "limit", K::Min);
    case::<market::Candles>(
        &candles,
        json!({"granularity": "2m"}),
        "granularity",
        K::KnownValue,
    );
    let history = json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "granularity": "1M", "limit": "200"});
    case::<market::HistoryCandles>(&history, json!({"limit": "201"}), "limit", K::Max);
    case::<market::HistoryIndexCandles>(&history, json!({"limit": "201"}), "limit", K::Max);
    case::<market::HistoryMarkCandles>(
        &history,
        json!({"startTime": T0.to_string(), "endTime": (T0 - 1).to_string()}),
        "endTime",
        K::Window,
    );
    let fills = json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "limit": "100"});
    case::<market::Fills>(&fills, json!({"limit": "101"}), "limit", K::Max);
    let fh = json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "limit": "1000", "startTime": T0.to_string(), "endTime": (T0 + 7 * DAY).to_string()});
    case::<market::FillsHistory>(&fh, json!({"limit": "1001"}), "limit", K::Max);
    case::<market::FillsHistory>(
        &fh,
        json!({"endTime": (T0 + 8 * DAY).to_string()}),
        "endTime",
        K::Window,
    );
    let rate = json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "pageSize": "100", "pageNo": "1"});
    case::<market::HistoryFundRate>(&rate, json!({"pageSize": "101"}), "pageSize", K::Max);
    case::<market::HistoryFundRate>(&rate, json!({"pageNo": "0"}), "pageNo", K::Min);
    let depth = json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "limit": "max", "precision": "scale0"});
    case::<market::MergeDepth>(&depth, json!({"limit": "100"}), "limit", K::KnownValue);
    case::<market::Contracts>(
        &json!({"productType": "USDT-FUTURES"}),
        json!({"productType": "USDT-FUTURE"}),
        "productType",
        K::KnownValue,
    );
}

fn place() -> Value {
    json!({"symbol": "ETHUSDT", "productType": "USDT-FUTURES", "marginMode": "isolated", "marginCoin": "USDT", "size": "0.1", "price": "2000", "side": "sell", "tradeSide": "open", "orderType": "limit", "force": "gtc", "clientOid": "c1"})
}

fn order_rules() {
    case::<order::PlaceOrder>(&place(), json!({"price": null}), "price", K::RequiredIf);
    case::<order::PlaceOrder>(
        &place(),
        json!({"reduceOnly": "YES"}),
        "tradeSide",
        K::AbsentIf,
    );
    case::<order::PlaceOrder>(&place(), json!({"size": "0"}), "size", K::Gt);
    case::<order::PlaceOrder>(
        &place(),
        json!({"marginCoin": "usdt"}),
        "marginCoin",
        K::Uppercase,
    );
    case::<order::PlaceOrder>(
        &place(),
        json!({"clientOid": "c".repeat(51)}),
        "clientOid",
        K::MaxLen,
    );
    case::<order::PlaceOrder>(&place(), json!({"force": "gtd"}), "force", K::KnownValue);
    let item = json!({"size": "1", "side": "buy", "tradeSide": "open", "orderType": "limit", "price": "100"});
    let batch = json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "marginMode": "crossed", "marginCoin": "USDT", "orderList": vec![item.clone(); 50]});
    case::<order::BatchPlaceOrder>(
        &batch,
        json!({"orderList": vec![item.clone(); 51]}),
        "orderList",
        K::MaxItems,
    );
    case::<order::BatchPlaceOrder>(&batch, json!({"orderList": []}), "orderList", K::NonEmpty);
    case::<order::BatchPlaceOrder>(
        &batch,
        json!({"orderList": [{"size": "1", "side": "buy", "orderType": "limit"}]}),
        "orderList[0].price",
        K::RequiredIf,
    );
    case::<order::BatchPlaceOrder>(
        &batch,
        json!({"orderList": [{"size": "1", "side": "buy", "tradeSide": "open", "reduceOnly": "YES", "orderType": "market"}]}),
        "orderList[0].tradeSide",
        K::AbsentIf,
    );
    case::<order::BatchPlaceOrder>(
        &batch,
        json!({"orderList": [{"size": "-1", "side": "buy", "orderType": "market"}]}),
        "orderList[0].size",
        K::Gt,
    );
    let modify = json!({"orderId": "1", "newClientOid": "n1", "symbol": "ETHUSDT", "productType": "USDT-FUTURES", "newSize": "0.04", "newPrice": "1800"});
    case::<order::ModifyOrder>(&modify, json!({"newPrice": null}), "newPrice", K::Together);
    case::<order::ModifyOrder>(
        &modify,
        json!({"orderId": null}),
        "(request)",
        K::AtLeastOneOf,
    );
    case::<order::ModifyOrder>(
        &modify,
        json!({"newSize": null, "newPrice": null, "newPresetStopSurplusPrice": "2100"}),
        "newPresetStopLossPrice",
        K::Together,
    );
    case::<order::ModifyOrder>(
        &modify,
        json!({"newPresetStopSurplusPrice": "2100", "newPresetStopLossPrice": "1500"}),
        "(request)",
        K::Custom,
    );
    case::<order::ModifyOrder>(
        &modify,
        json!({"newSize": null, "newPrice": null}),
        "(request)",
        K::Custom,
    );
    case::<order::ModifyOrder>(&modify, json!({"newSize": "0"}), "newSize", K::Gt);
    let cancel = json!({"symbol": "ETHUSDT", "productType": "USDT-FUTURES", "orderId": "1"});
    case::<order::CancelOrder>(
        &cancel,
        json!({"orderId": null}),
        "(request)",
        K::AtLeastOneOf,
    );
    case::<order::CancelOrder>(
        &cancel,
        json!({"marginCoin": "usdt"}),
        "marginCoin",
        K::Uppercase,
    );
    let backhand = json!({"symbol": "ETHUSDT", "productType": "USDT-FUTURES", "marginCoin": "USDT", "side": "buy", "tradeSide": "open"});
    case::<order::ClickBackhand>(&backhand, json!({"side": null}), "side", K::Requires);
    let detail = json!({"symbol": "ETHUSDT", "productType": "USDT-FUTURES", "orderId": "1"});
    case::<order::Detail>(
        &detail,
        json!({"orderId": null}),
        "(request)",
        K::AtLeastOneOf,
    );
    case::<order::Detail>(
        &detail,
        json!({"symbol": "ethusdt"}),
        "symbol",
        K::Uppercase,
    );
    let window = |days: u64| json!({"productType": "USDT-FUTURES", "startTime": T0.to_string(), "endTime": (T0 + days * DAY).to_string(), "limit": "100"});
    case::<order::OrdersPending>(
        &window(90),
        json!({"endTime": (T0 + 91 * DAY).to_string()}),
        "endTime",
        K::Window,
    );
    case::<order::OrdersPending>(&window(90), json!({"limit": "101"}), "limit", K::Max);
    case::<order::OrdersPending>(
        &window(90),
        json!({"status": "filled"}),
        "status",
        K::Custom,
    );
    case::<order::OrdersHistory>(&window(90), json!({"limit": "0"}), "limit", K::Min);
    case::<order::Fills>(
        &window(90),
        json!({"endTime": (T0 + 91 * DAY).to_string()}),
        "endTime",
        K::Window,
    );
    case::<order::FillHistory>(
        &window(7),
        json!({"endTime": (T0 + 8 * DAY).to_string()}),
        "endTime",
        K::Window,
    );
}

fn trigger_and_tpsl_rules() {
    let tpsl = json!({"marginCoin": "USDT", "productType": "USDT-FUTURES", "symbol": "ETHUSDT", "planType": "moving_plan", "triggerPrice": "2000", "holdSide": "long", "size": "1", "rangeRate": "1"});
    case::<order::PlaceTpslOrder>(&tpsl, json!({"size": null}), "size", K::RequiredIf);
    case::<order::PlaceTpslOrder>(
        &tpsl,
        json!({"rangeRate": null}),
        "rangeRate",
        K::RequiredIf,
    );
    case::<order::PlaceTpslOrder>(
        &tpsl,
        json!({"executePrice": "1990"}),
        "executePrice",
        K::AbsentIf,
    );
    case::<order::PlaceTpslOrder>(&tpsl, json!({"triggerPrice": "0"}), "triggerPrice", K::Gt);
    let pos = json!({"marginCoin": "USDT", "productType": "USDT-FUTURES", "symbol": "BTCUSDT", "stopSurplusTriggerPrice": "69000", "stopSurplusTriggerType": "mark_price", "holdSide": "long"});
    case::<order::PlacePosTpsl>(
        &pos,
        json!({"stopSurplusTriggerPrice": null, "stopSurplusTriggerType": null}),
        "(request)",
        K::AtLeastOneOf,
    );
    case::<order::PlacePosTpsl>(
        &pos,
        json!({"stopLossSize": "1"}),
        "stopLossTriggerPrice",
        K::Requires,
    );
    let modify_tpsl = json!({"orderId": "1", "marginCoin": "USDT", "productType": "USDT-FUTURES", "symbol": "ETHUSDT", "triggerPrice": "2001", "size": ""});
    case::<order::ModifyTpslOrder>(&modify_tpsl, json!({"size": "-1"}), "size", K::Custom);
    case::<order::ModifyTpslOrder>(
        &modify_tpsl,
        json!({"orderId": null}),
        "(request)",
        K::AtLeastOneOf,
    );
    let track = json!({"planType": "track_plan", "symbol": "BTCUSDT", "productType": "USDT-FUTURES", "marginMode": "isolated", "marginCoin": "USDT", "size": "0.01", "callbackRatio": "10", "triggerPrice": "24100", "triggerType": "mark_price", "side": "buy", "orderType": "market"});
    case::<order::PlacePlanOrder>(
        &track,
        json!({"callbackRatio": "10.5"}),
        "callbackRatio",
        K::Max,
    );
    case::<order::PlacePlanOrder>(
        &track,
        json!({"callbackRatio": null}),
        "callbackRatio",
        K::RequiredIf,
    );
    // A limit trailing stop breaks two rules at once: no price on a trailing stop, and a price
    // on a limit order; the check says what to do.
    let mut limit_track = track.clone();
    limit_track["orderType"] = json!("limit");
    let err = serde_json::from_value::<order::PlacePlanOrder>(limit_track)
        .map(|r| r.validate())
        .unwrap_or_else(|e| panic!("{e}"))
        .err()
        .unwrap_or_else(|| panic!("a limit trailing stop was accepted"));
    assert!(err.has("(request)", K::Custom), "{err}");
    case::<order::PlacePlanOrder>(
        &track,
        json!({"stopLossExecutePrice": "1"}),
        "stopLossExecutePrice",
        K::AbsentIf,
    );
    case::<order::PlacePlanOrder>(
        &track,
        json!({"stopLossTriggerPrice": "5"}),
        "stopLossTriggerType",
        K::Requires,
    );
    let normal = json!({"planType": "normal_plan", "symbol": "BTCUSDT", "productType": "USDT-FUTURES", "marginMode": "isolated", "marginCoin": "USDT", "size": "0.01", "price": "24000", "triggerPrice": "24100", "triggerType": "mark_price", "side": "buy", "tradeSide": "open", "orderType": "limit"});
    case::<order::PlacePlanOrder>(&normal, json!({"price": null}), "price", K::RequiredIf);
    case::<order::PlacePlanOrder>(
        &normal,
        json!({"orderType": "market"}),
        "price",
        K::AbsentIf,
    );
    case::<order::PlacePlanOrder>(
        &normal,
        json!({"callbackRatio": "1"}),
        "callbackRatio",
        K::AbsentIf,
    );
    case::<order::PlacePlanOrder>(
        &normal,
        json!({"reduceOnly": "YES"}),
        "tradeSide",
        K::AbsentIf,
    );
    let modify_plan = json!({"planType": "normal_plan", "orderId": "1", "symbol": "ETHUSDT", "productType": "USDT-FUTURES", "newTriggerPrice": "2000", "newTriggerType": "fill_price"});
    case::<order::ModifyPlanOrder>(
        &modify_plan,
        json!({"newTriggerPrice": null}),
        "newTriggerPrice",
        K::Requires,
    );
    case::<order::ModifyPlanOrder>(
        &modify_plan,
        json!({"newCallbackRatio": "1"}),
        "newCallbackRatio",
        K::AbsentIf,
    );
    case::<order::ModifyPlanOrder>(
        &json!({"planType": "track_plan", "orderId": "1", "symbol": "ETHUSDT", "productType": "USDT-FUTURES", "newCallbackRatio": "10"}),
        json!({"newCallbackRatio": "11"}),
        "newCallbackRatio",
        K::Max,
    );
    let modify_track = json!({"planType": "track_plan", "orderId": "1", "symbol": "ETHUSDT", "productType": "USDT-FUTURES", "newCallbackRatio": "5"});
    case::<order::ModifyPlanOrder>(
        &modify_track,
        json!({"newPrice": "1"}),
        "newPrice",
        K::AbsentIf,
    );
    case::<order::ModifyPlanOrder>(
        &modify_track,
        json!({"newCallbackRatio": null}),
        "newCallbackRatio",
        K::RequiredIf,
    );
    case::<order::ModifyPlanOrder>(
        &modify_track,
        json!({"newStopLossTriggerType": "fill_price"}),
        "(request)",
        K::Custom,
    );
    case::<order::ModifyPlanOrder>(
        &modify_plan,
        json!({"newStopSurplusTriggerPrice": "2100"}),
        "(request)",
        K::Custom,
    );
    case::<order::ModifyPlanOrder>(&modify_plan, json!({"newSize": "0"}), "newSize", K::Gt);
    case::<order::PlacePlanOrder>(
        &track,
        json!({"stopSurplusTriggerPrice": "5", "stopSurplusTriggerType": "mark_price"}),
        "(request)",
        K::Custom,
    );
    let pending = json!({"planType": "profit_loss", "productType": "USDT-FUTURES", "limit": "100"});
    case::<order::OrdersPlanPending>(&pending, json!({"limit": "101"}), "limit", K::Max);
    case::<order::OrdersPlanPending>(
        &pending,
        json!({"planType": "pos_loss"}),
        "planType",
        K::KnownValue,
    );
    case::<order::OrdersPlanHistory>(
        &json!({"planType": "normal_plan", "productType": "USDT-FUTURES", "startTime": T0.to_string(), "endTime": (T0 + 90 * DAY).to_string()}),
        json!({"endTime": (T0 + 91 * DAY).to_string()}),
        "endTime",
        K::Window,
    );
}

fn position_and_account_rules() {
    case::<position::SinglePosition>(
        &json!({"productType": "USDT-FUTURES", "symbol": "BTCUSDT", "marginCoin": "USDT"}),
        json!({"marginCoin": "usdt"}),
        "marginCoin",
        K::Uppercase,
    );
    case::<position::AllPosition>(
        &json!({"productType": "USDT-FUTURES"}),
        json!({"marginCoin": "usdt"}),
        "marginCoin",
        K::Uppercase,
    );
    let history = json!({"limit": "100", "startTime": T0.to_string(), "endTime": (T0 + 90 * DAY).to_string()});
    case::<position::HistoryPosition>(&history, json!({"limit": "101"}), "limit", K::Max);
    case::<position::HistoryPosition>(
        &history,
        json!({"endTime": (T0 + 91 * DAY).to_string()}),
        "endTime",
        K::Window,
    );
    let lever = json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "marginCoin": "USDT", "leverage": "20"});
    case::<account::SetLeverage>(
        &lever,
        json!({"leverage": null}),
        "(request)",
        K::AtLeastOneOf,
    );
    case::<account::SetLeverage>(&lever, json!({"leverage": "0"}), "leverage", K::Min);
    case::<account::SetLeverage>(
        &lever,
        json!({"marginCoin": "usdt"}),
        "marginCoin",
        K::Uppercase,
    );
    let margin = json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "marginCoin": "USDT", "amount": "-20", "holdSide": "long"});
    case::<account::SetMargin>(&margin, json!({"amount": "0"}), "amount", K::Custom);
    case::<account::SetMarginMode>(
        &json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "marginCoin": "USDT", "marginMode": "crossed"}),
        json!({"marginMode": "portfolio"}),
        "marginMode",
        K::KnownValue,
    );
    case::<account::SetPositionMode>(
        &json!({"productType": "USDT-FUTURES", "posMode": "hedge_mode"}),
        json!({"posMode": "hedge"}),
        "posMode",
        K::KnownValue,
    );
    let bill = json!({"productType": "USDT-FUTURES", "limit": "100", "startTime": T0.to_string(), "endTime": (T0 + 30 * DAY).to_string()});
    case::<account::Bill>(
        &bill,
        json!({"endTime": (T0 + 31 * DAY).to_string()}),
        "endTime",
        K::Window,
    );
    case::<account::Bill>(&bill, json!({"limit": "101"}), "limit", K::Max);
    let max_open = json!({"symbol": "ETHUSDT", "productType": "USDT-FUTURES", "marginCoin": "USDT", "posSide": "long", "orderType": "limit", "openPrice": "2000"});
    case::<account::MaxOpen>(
        &max_open,
        json!({"openPrice": null}),
        "openPrice",
        K::RequiredIf,
    );
}

/// The intent constructors write v2's convention for each mode: hedge mode names the position
/// (`close_long` is `buy` + `close`), one-way mode closes with the opposite side, reduce-only.
#[test]
fn intents_write_the_fields_of_the_mode() {
    use bitget_endpoints::mix::order::{BatchOrderItem, PlaceOrder, PlacePlanOrder, PositionMode};
    use bitget_endpoints::mix::{MarginMode, OrderType, ProductType, TriggerPlanType, TriggerType};
    let wire = |b: order::PlaceOrderBuilder<bitget_endpoints::mix::Side>| {
        let r = b
            .symbol("BTCUSDT")
            .product_type(ProductType::UsdtFutures)
            .margin_mode(MarginMode::Crossed)
            .margin_coin("USDT")
            .size(1)
            .order_type(OrderType::Market)
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        let v = serde_json::to_value(&r).unwrap_or_else(|e| panic!("{e}"));
        (
            v["side"].clone(),
            v["tradeSide"].clone(),
            v["reduceOnly"].clone(),
        )
    };
    let (hedge, one_way) = (PositionMode::Hedge, PositionMode::OneWay);
    let s = |x: &str| json!(x);
    assert_eq!(
        wire(PlaceOrder::open_long(hedge)),
        (s("buy"), s("open"), Value::Null)
    );
    assert_eq!(
        wire(PlaceOrder::close_long(hedge)),
        (s("buy"), s("close"), Value::Null)
    );
    assert_eq!(
        wire(PlaceOrder::open_short(hedge)),
        (s("sell"), s("open"), Value::Null)
    );
    assert_eq!(
        wire(PlaceOrder::close_short(hedge)),
        (s("sell"), s("close"), Value::Null)
    );
    assert_eq!(
        wire(PlaceOrder::open_long(one_way)),
        (s("buy"), Value::Null, Value::Null)
    );
    assert_eq!(
        wire(PlaceOrder::close_long(one_way)),
        (s("sell"), Value::Null, s("YES"))
    );
    assert_eq!(
        wire(PlaceOrder::open_short(one_way)),
        (s("sell"), Value::Null, Value::Null)
    );
    assert_eq!(
        wire(PlaceOrder::close_short(one_way)),
        (s("buy"), Value::Null, s("YES"))
    );
    // The same on batch items and trigger orders.
    let item = BatchOrderItem::close_short(hedge)
        .size(1)
        .order_type(OrderType::Market)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let v = serde_json::to_value(&item).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((&v["side"], &v["tradeSide"]), (&s("sell"), &s("close")));
    let plan = PlacePlanOrder::close_long(one_way)
        .plan_type(TriggerPlanType::NormalPlan)
        .symbol("BTCUSDT")
        .product_type(ProductType::UsdtFutures)
        .margin_mode(MarginMode::Isolated)
        .margin_coin("USDT")
        .size(1)
        .trigger_price(90)
        .trigger_type(TriggerType::MarkPrice)
        .order_type(OrderType::Market)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let v = serde_json::to_value(&plan).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((&v["side"], &v["reduceOnly"]), (&s("sell"), &s("YES")));
    assert!(v.get("tradeSide").is_none(), "{v}");
}

/// Every rule declared on these endpoints (`Endpoint::declared_rules`) has at least one case of its kind
/// on its endpoint; the cases run here first, each failing alone beside its valid neighbour.
#[test]
fn every_declared_rule_has_a_case() {
    market_rules();
    order_rules();
    trigger_and_tpsl_rules();
    position_and_account_rules();
    bounds_case_and_lengths();
    one_case_per_field();
    let missing: Vec<_> = [
        uncovered::<market::Contracts>(),
        uncovered::<market::Ticker>(),
        uncovered::<market::Tickers>(),
        uncovered::<market::MergeDepth>(),
        uncovered::<market::Candles>(),
        uncovered::<market::HistoryCandles>(),
        uncovered::<market::HistoryIndexCandles>(),
        uncovered::<market::HistoryMarkCandles>(),
        uncovered::<market::Fills>(),
        uncovered::<market::FillsHistory>(),
        uncovered::<market::OpenInterest>(),
        uncovered::<market::FundingTime>(),
        uncovered::<market::SymbolPrice>(),
        uncovered::<market::CurrentFundRate>(),
        uncovered::<market::HistoryFundRate>(),
        uncovered::<market::QueryPositionLever>(),
        uncovered::<order::PlaceOrder>(),
        uncovered::<order::ClickBackhand>(),
        uncovered::<order::BatchPlaceOrder>(),
        uncovered::<order::ModifyOrder>(),
        uncovered::<order::CancelOrder>(),
        uncovered::<order::ClosePositions>(),
        uncovered::<order::Detail>(),
        uncovered::<order::Fills>(),
        uncovered::<order::FillHistory>(),
        uncovered::<order::OrdersPending>(),
        uncovered::<order::OrdersHistory>(),
        uncovered::<order::PlaceTpslOrder>(),
        uncovered::<order::PlacePosTpsl>(),
        uncovered::<order::ModifyTpslOrder>(),
        uncovered::<order::PlacePlanOrder>(),
        uncovered::<order::ModifyPlanOrder>(),
        uncovered::<order::OrdersPlanPending>(),
        uncovered::<order::OrdersPlanHistory>(),
        uncovered::<order::PlanSubOrder>(),
        uncovered::<position::SinglePosition>(),
        uncovered::<position::AllPosition>(),
        uncovered::<position::HistoryPosition>(),
        uncovered::<account::Account>(),
        uncovered::<account::Accounts>(),
        uncovered::<account::SetLeverage>(),
        uncovered::<account::SetMargin>(),
        uncovered::<account::SetMarginMode>(),
        uncovered::<account::SetPositionMode>(),
        uncovered::<account::Bill>(),
        uncovered::<account::MaxOpen>(),
    ]
    .into_iter()
    .flatten()
    .collect();
    assert!(
        missing.is_empty(),
        "declared rules with no case: {missing:?}"
    );
}

/// The rules whose kind another field of the same endpoint already exercised: each declared
/// rule is broken at its own field, items' rules included.
fn one_case_per_field() {
    let long = "c".repeat(51);
    case::<market::HistoryFundRate>(
        &json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "pageSize": "100"}),
        json!({"pageSize": "0"}),
        "pageSize",
        K::Min,
    );
    let batch = json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "marginMode": "crossed", "marginCoin": "USDT", "orderList": [{"size": "1", "side": "buy", "orderType": "market"}]});
    case::<order::BatchPlaceOrder>(
        &batch,
        json!({"orderList": [{"size": "1", "side": "buy", "orderType": "market", "clientOid": long}]}),
        "orderList[0].clientOid",
        K::MaxLen,
    );
    let pos = json!({"marginCoin": "USDT", "productType": "USDT-FUTURES", "symbol": "BTCUSDT", "stopSurplusTriggerPrice": "69000", "stopSurplusTriggerType": "mark_price", "stopLossTriggerPrice": "60000", "holdSide": "long"});
    case::<order::PlacePosTpsl>(
        &pos,
        json!({"stopSurplusTriggerPrice": null}),
        "stopSurplusTriggerPrice",
        K::Requires,
    );
    let modify_tpsl = json!({"orderId": "1", "marginCoin": "USDT", "productType": "USDT-FUTURES", "symbol": "ETHUSDT", "triggerPrice": "2001", "size": ""});
    case::<order::ModifyTpslOrder>(
        &modify_tpsl,
        json!({"triggerPrice": "0"}),
        "triggerPrice",
        K::Gt,
    );
    let normal = json!({"planType": "normal_plan", "symbol": "BTCUSDT", "productType": "USDT-FUTURES", "marginMode": "isolated", "marginCoin": "USDT", "size": "0.01", "price": "24000", "triggerPrice": "24100", "triggerType": "mark_price", "side": "buy", "tradeSide": "open", "orderType": "limit"});
    case::<order::PlacePlanOrder>(&normal, json!({"size": "0"}), "size", K::Gt);
    case::<order::PlacePlanOrder>(&normal, json!({"triggerPrice": "0"}), "triggerPrice", K::Gt);
    case::<order::PlacePlanOrder>(
        &normal,
        json!({"stopSurplusTriggerPrice": "30000"}),
        "stopSurplusTriggerType",
        K::Requires,
    );
    let track = json!({"planType": "track_plan", "symbol": "BTCUSDT", "productType": "USDT-FUTURES", "marginMode": "isolated", "marginCoin": "USDT", "size": "0.01", "callbackRatio": "10", "triggerPrice": "24100", "triggerType": "mark_price", "side": "buy", "orderType": "market"});
    case::<order::PlacePlanOrder>(
        &track,
        json!({"stopSurplusExecutePrice": "1"}),
        "stopSurplusExecutePrice",
        K::AbsentIf,
    );
    let modify_track = json!({"planType": "track_plan", "orderId": "1", "symbol": "ETHUSDT", "productType": "USDT-FUTURES", "newCallbackRatio": "5"});
    case::<order::ModifyPlanOrder>(
        &modify_track,
        json!({"newStopSurplusExecutePrice": "1"}),
        "newStopSurplusExecutePrice",
        K::AbsentIf,
    );
    case::<order::ModifyPlanOrder>(
        &modify_track,
        json!({"newStopLossExecutePrice": "1"}),
        "newStopLossExecutePrice",
        K::AbsentIf,
    );
    let lever = json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "marginCoin": "USDT", "leverage": "20"});
    case::<account::SetLeverage>(&lever, json!({"longLeverage": "0"}), "longLeverage", K::Min);
    case::<account::SetLeverage>(
        &lever,
        json!({"shortLeverage": "0"}),
        "shortLeverage",
        K::Min,
    );
}

/// The rules every list or signed request repeats: page bounds, windows, capitals, lengths.
fn bounds_case_and_lengths() {
    let long = "c".repeat(51);
    let history = json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "granularity": "1m", "limit": "200", "startTime": T0.to_string(), "endTime": (T0 + 90 * DAY).to_string()});
    let later = json!({"endTime": (T0 + 91 * DAY).to_string()});
    case::<market::HistoryCandles>(&history, json!({"limit": "0"}), "limit", K::Min);
    case::<market::HistoryCandles>(&history, later.clone(), "endTime", K::Window);
    case::<market::HistoryIndexCandles>(&history, json!({"limit": "0"}), "limit", K::Min);
    case::<market::HistoryIndexCandles>(&history, later.clone(), "endTime", K::Window);
    case::<market::HistoryMarkCandles>(&history, json!({"limit": "0"}), "limit", K::Min);
    case::<market::HistoryMarkCandles>(&history, json!({"limit": "201"}), "limit", K::Max);
    let fills = json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "limit": "1"});
    case::<market::Fills>(&fills, json!({"limit": "0"}), "limit", K::Min);
    case::<market::FillsHistory>(&fills, json!({"limit": "0"}), "limit", K::Min);
    let list = |days: u64| json!({"productType": "USDT-FUTURES", "limit": "100", "startTime": T0.to_string(), "endTime": (T0 + days * DAY).to_string()});
    case::<order::Fills>(&list(90), json!({"limit": "0"}), "limit", K::Min);
    case::<order::Fills>(&list(90), json!({"limit": "101"}), "limit", K::Max);
    case::<order::FillHistory>(&list(7), json!({"limit": "0"}), "limit", K::Min);
    case::<order::FillHistory>(&list(7), json!({"limit": "101"}), "limit", K::Max);
    case::<order::OrdersPending>(&list(90), json!({"limit": "0"}), "limit", K::Min);
    case::<order::OrdersHistory>(&list(90), json!({"limit": "101"}), "limit", K::Max);
    case::<order::OrdersHistory>(&list(90), later.clone(), "endTime", K::Window);
    let mut plans = list(90);
    plans["planType"] = json!("normal_plan");
    case::<order::OrdersPlanPending>(&plans, json!({"limit": "0"}), "limit", K::Min);
    case::<order::OrdersPlanPending>(&plans, later.clone(), "endTime", K::Window);
    case::<order::OrdersPlanHistory>(&plans, json!({"limit": "0"}), "limit", K::Min);
    case::<order::OrdersPlanHistory>(&plans, json!({"limit": "101"}), "limit", K::Max);
    case::<position::HistoryPosition>(
        &json!({"limit": "20"}),
        json!({"limit": "0"}),
        "limit",
        K::Min,
    );
    case::<account::Bill>(
        &json!({"productType": "USDT-FUTURES", "limit": "20"}),
        json!({"limit": "0"}),
        "limit",
        K::Min,
    );
    // Capitals and lengths on the signed requests.
    let backhand = json!({"symbol": "ETHUSDT", "productType": "USDT-FUTURES", "marginCoin": "USDT", "clientOid": "c1"});
    case::<order::ClickBackhand>(
        &backhand,
        json!({"marginCoin": "usdt"}),
        "marginCoin",
        K::Uppercase,
    );
    case::<order::ClickBackhand>(
        &backhand,
        json!({"clientOid": long}),
        "clientOid",
        K::MaxLen,
    );
    let item = json!({"size": "1", "side": "buy", "orderType": "market"});
    let batch = json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "marginMode": "crossed", "marginCoin": "USDT", "orderList": [item]});
    case::<order::BatchPlaceOrder>(
        &batch,
        json!({"marginCoin": "usdt"}),
        "marginCoin",
        K::Uppercase,
    );
    let modify = json!({"orderId": "1", "newClientOid": "n1", "symbol": "ETHUSDT", "productType": "USDT-FUTURES", "marginCoin": "USDT", "newSize": "1", "newPrice": "2"});
    case::<order::ModifyOrder>(
        &modify,
        json!({"marginCoin": "usdt"}),
        "marginCoin",
        K::Uppercase,
    );
    case::<order::ModifyOrder>(
        &modify,
        json!({"newClientOid": long}),
        "newClientOid",
        K::MaxLen,
    );
    case::<order::CancelOrder>(
        &json!({"symbol": "ETHUSDT", "productType": "USDT-FUTURES", "clientOid": "c1"}),
        json!({"clientOid": long}),
        "clientOid",
        K::MaxLen,
    );
    let tpsl = json!({"marginCoin": "USDT", "productType": "USDT-FUTURES", "symbol": "ETHUSDT", "planType": "pos_profit", "triggerPrice": "2000", "holdSide": "long", "clientOid": "c1"});
    case::<order::PlaceTpslOrder>(
        &tpsl,
        json!({"marginCoin": "usdt"}),
        "marginCoin",
        K::Uppercase,
    );
    case::<order::PlaceTpslOrder>(&tpsl, json!({"clientOid": long}), "clientOid", K::MaxLen);
    let pos = json!({"marginCoin": "USDT", "productType": "USDT-FUTURES", "symbol": "BTCUSDT", "stopSurplusTriggerPrice": "69000", "stopLossTriggerPrice": "55000", "holdSide": "long", "stopSurplusClientOid": "tp", "stopLossClientOid": "sl"});
    case::<order::PlacePosTpsl>(
        &pos,
        json!({"marginCoin": "usdt"}),
        "marginCoin",
        K::Uppercase,
    );
    case::<order::PlacePosTpsl>(
        &pos,
        json!({"stopSurplusClientOid": long}),
        "stopSurplusClientOid",
        K::MaxLen,
    );
    case::<order::PlacePosTpsl>(
        &pos,
        json!({"stopLossClientOid": long}),
        "stopLossClientOid",
        K::MaxLen,
    );
    let modify_tpsl = json!({"orderId": "1", "marginCoin": "USDT", "productType": "USDT-FUTURES", "symbol": "ETHUSDT", "triggerPrice": "2001", "size": ""});
    case::<order::ModifyTpslOrder>(
        &modify_tpsl,
        json!({"marginCoin": "usdt"}),
        "marginCoin",
        K::Uppercase,
    );
    let plan = json!({"planType": "normal_plan", "symbol": "BTCUSDT", "productType": "USDT-FUTURES", "marginMode": "isolated", "marginCoin": "USDT", "size": "0.01", "triggerPrice": "24100", "triggerType": "mark_price", "side": "buy", "orderType": "market", "clientOid": "c1"});
    case::<order::PlacePlanOrder>(
        &plan,
        json!({"marginCoin": "usdt"}),
        "marginCoin",
        K::Uppercase,
    );
    case::<order::PlacePlanOrder>(&plan, json!({"clientOid": long}), "clientOid", K::MaxLen);
    case::<order::ModifyPlanOrder>(
        &json!({"planType": "normal_plan", "orderId": "1", "symbol": "ETHUSDT", "productType": "USDT-FUTURES"}),
        json!({"orderId": null}),
        "(request)",
        K::AtLeastOneOf,
    );
    let coin = json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "marginCoin": "USDT"});
    case::<account::Account>(
        &coin,
        json!({"marginCoin": "usdt"}),
        "marginCoin",
        K::Uppercase,
    );
    let mut margin = coin.clone();
    margin["holdSide"] = json!("long");
    margin["amount"] = json!("1");
    case::<account::SetMargin>(
        &margin,
        json!({"marginCoin": "usdt"}),
        "marginCoin",
        K::Uppercase,
    );
    let mut mode = coin.clone();
    mode["marginMode"] = json!("crossed");
    case::<account::SetMarginMode>(
        &mode,
        json!({"marginCoin": "usdt"}),
        "marginCoin",
        K::Uppercase,
    );
    let max_open = json!({"symbol": "ETHUSDT", "productType": "USDT-FUTURES", "marginCoin": "USDT", "posSide": "long", "orderType": "market"});
    case::<account::MaxOpen>(
        &max_open,
        json!({"marginCoin": "usdt"}),
        "marginCoin",
        K::Uppercase,
    );
}
