//! Every rule declared on the v2 spot placing and reading endpoints: a request that breaks it,
//! and only it, is refused with the field's wire path and the rule; the valid neighbour passes.
//! (The spot cancels' rules are in `endpoint_rules.rs`, with the other seed endpoints.)

use bitget_core::RuleKind as K;
use bitget_endpoints::spot::trade::{
    BatchOrders, CancelReplaceOrder, Fills, HistoryOrders, OrderInfo, PlaceOrder, UnfilledOrders,
};
use bitget_tests::rules::{case, uncovered};
use serde_json::json;

#[test]
fn every_declared_rule_has_a_case() {
    let limit = json!({"symbol": "BTCUSDT", "side": "buy", "orderType": "limit", "force": "gtc", "price": "60000", "size": "0.001", "clientOid": "c-1"});
    case::<PlaceOrder>(&limit, json!({"price": null}), "price", K::RequiredIf);
    case::<PlaceOrder>(&limit, json!({"size": "0"}), "size", K::Gt);
    case::<PlaceOrder>(
        &limit,
        json!({"clientOid": "x".repeat(51)}),
        "clientOid",
        K::MaxLen,
    );
    case::<PlaceOrder>(
        &limit,
        json!({"tpslType": "tpsl"}),
        "triggerPrice",
        K::RequiredIf,
    );
    case::<PlaceOrder>(
        &limit,
        json!({"executeTakeProfitPrice": "70000"}),
        "presetTakeProfitPrice",
        K::Requires,
    );
    case::<PlaceOrder>(
        &limit,
        json!({"executeStopLossPrice": "50000"}),
        "presetStopLossPrice",
        K::Requires,
    );
    case::<PlaceOrder>(&limit, json!({"force": "day"}), "force", K::KnownValue);
    let info = json!({"orderId": "1"});
    case::<OrderInfo>(
        &info,
        json!({"orderId": null}),
        "(request)",
        K::AtLeastOneOf,
    );

    const DAY: u64 = 86_400_000;
    const T0: u64 = 1_700_000_000_000;
    let window = json!({"symbol": "BTCUSDT", "startTime": T0.to_string(), "endTime": (T0 + 90 * DAY).to_string(), "limit": "100"});
    let too_long = json!({"endTime": (T0 + 91 * DAY).to_string()});
    case::<UnfilledOrders>(&window, too_long.clone(), "endTime", K::Window);
    case::<UnfilledOrders>(&window, json!({"limit": "101"}), "limit", K::Max);
    case::<UnfilledOrders>(&window, json!({"limit": "0"}), "limit", K::Min);
    case::<HistoryOrders>(&window, too_long.clone(), "endTime", K::Window);
    case::<HistoryOrders>(&window, json!({"limit": "101"}), "limit", K::Max);
    case::<HistoryOrders>(&window, json!({"limit": "0"}), "limit", K::Min);
    case::<Fills>(&window, too_long, "endTime", K::Window);
    case::<Fills>(&window, json!({"limit": "101"}), "limit", K::Max);
    case::<Fills>(&window, json!({"limit": "0"}), "limit", K::Min);

    let item = json!({"side": "buy", "orderType": "limit", "force": "gtc", "price": "60000", "size": "0.001", "clientOid": "b-1"});
    let batch = json!({"symbol": "BTCUSDT", "orderList": [item]});
    case::<BatchOrders>(&batch, json!({"symbol": null}), "symbol", K::RequiredUnless);
    case::<BatchOrders>(&batch, json!({"orderList": []}), "orderList", K::NonEmpty);
    case::<BatchOrders>(
        &batch,
        json!({"orderList": vec![item.clone(); 51]}),
        "orderList",
        K::MaxItems,
    );
    case::<BatchOrders>(
        &batch,
        json!({"batchMode": "multiple", "symbol": null}),
        "orderList[0].symbol",
        K::RequiredIf,
    );
    let mut no_price = item.clone();
    no_price["price"] = serde_json::Value::Null;
    if let Some(m) = no_price.as_object_mut() {
        m.remove("price");
    }
    case::<BatchOrders>(
        &batch,
        json!({"orderList": [no_price]}),
        "orderList[0].price",
        K::RequiredIf,
    );

    // The items' own rules, each at its field.
    let with = |patch: serde_json::Value| {
        let mut one = item.clone();
        for (k, v) in patch.as_object().into_iter().flatten() {
            one[k] = v.clone();
        }
        json!({"orderList": [one]})
    };
    case::<BatchOrders>(
        &batch,
        with(json!({"size": "0"})),
        "orderList[0].size",
        K::Gt,
    );
    case::<BatchOrders>(
        &batch,
        with(json!({"clientOid": "c".repeat(51)})),
        "orderList[0].clientOid",
        K::MaxLen,
    );
    case::<BatchOrders>(
        &batch,
        with(json!({"executeTakeProfitPrice": "70000"})),
        "orderList[0].presetTakeProfitPrice",
        K::Requires,
    );
    case::<BatchOrders>(
        &batch,
        with(json!({"executeStopLossPrice": "50000"})),
        "orderList[0].presetStopLossPrice",
        K::Requires,
    );

    let replace = json!({"symbol": "BTCUSDT", "orderId": "1", "price": "60000", "size": "0.001", "newClientOid": "r-2"});
    case::<CancelReplaceOrder>(
        &replace,
        json!({"orderId": null}),
        "(request)",
        K::AtLeastOneOf,
    );
    case::<CancelReplaceOrder>(&replace, json!({"size": "0"}), "size", K::Gt);
    case::<CancelReplaceOrder>(
        &replace,
        json!({"clientOid": "r-2"}),
        "(request)",
        K::Custom,
    );
    case::<CancelReplaceOrder>(
        &replace,
        json!({"newClientOid": "x".repeat(51)}),
        "newClientOid",
        K::MaxLen,
    );
    case::<CancelReplaceOrder>(
        &replace,
        json!({"executeStopLossPrice": "50000"}),
        "presetStopLossPrice",
        K::Requires,
    );
    case::<CancelReplaceOrder>(
        &replace,
        json!({"executeTakeProfitPrice": "70000"}),
        "presetTakeProfitPrice",
        K::Requires,
    );

    let missing: Vec<String> = [
        uncovered::<CancelReplaceOrder>(),
        uncovered::<BatchOrders>(),
        uncovered::<PlaceOrder>(),
        uncovered::<OrderInfo>(),
        uncovered::<UnfilledOrders>(),
        uncovered::<HistoryOrders>(),
        uncovered::<Fills>(),
    ]
    .into_iter()
    .flatten()
    .collect();
    assert!(
        missing.is_empty(),
        "declared rules with no case: {missing:?}"
    );
}

#[test]
fn the_market_constructors_say_which_coin_the_size_is_in() {
    let buy = PlaceOrder::market_buy_spending(100)
        .symbol("BTCUSDT")
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let body = serde_json::to_value(&buy).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (
            &body["side"],
            &body["orderType"],
            &body["size"],
            &body["force"]
        ),
        (
            &json!("buy"),
            &json!("market"),
            &json!("100"),
            &json!("gtc")
        ),
        "a market buy spends 100 of the quote coin"
    );
    let sell = PlaceOrder::market_sell("0.001")
        .symbol("BTCUSDT")
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let body = serde_json::to_value(&sell).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (&body["side"], &body["size"]),
        (&json!("sell"), &json!("0.001"))
    );
    let bid = PlaceOrder::limit_buy("60000", "0.001")
        .symbol("BTCUSDT")
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let body = serde_json::to_value(&bid).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (&body["orderType"], &body["price"], &body["size"]),
        (&json!("limit"), &json!("60000"), &json!("0.001"))
    );
}

#[test]
fn every_plan_account_and_market_rule_has_a_case() {
    use bitget_endpoints::spot::trade::{
        BatchCancelPlanOrder, BatchCancelReplaceOrder, CancelPlanOrder, CurrentPlanOrder,
        HistoryPlanOrder, ModifyPlanOrder, PlacePlanOrder,
    };
    use bitget_endpoints::spot::{account::Bills, market, wallet::Transfer};

    let plan = json!({"symbol": "BTCUSDT", "side": "buy", "triggerPrice": "58000", "orderType": "limit", "executePrice": "58100", "size": "0.01", "triggerType": "fill_price"});
    case::<PlacePlanOrder>(&plan, json!({"triggerPrice": "0"}), "triggerPrice", K::Gt);
    case::<PlacePlanOrder>(&plan, json!({"size": "-1"}), "size", K::Gt);
    case::<PlacePlanOrder>(
        &plan,
        json!({"executePrice": null}),
        "executePrice",
        K::RequiredIf,
    );
    case::<PlacePlanOrder>(
        &plan,
        json!({"triggerType": "market_price"}),
        "triggerType",
        K::KnownValue,
    );
    let modify = json!({"orderId": "1", "triggerPrice": "58000", "orderType": "limit", "executePrice": "58100", "size": "0.01"});
    case::<ModifyPlanOrder>(
        &modify,
        json!({"orderId": null}),
        "(request)",
        K::AtLeastOneOf,
    );
    case::<ModifyPlanOrder>(&modify, json!({"triggerPrice": "0"}), "triggerPrice", K::Gt);
    case::<ModifyPlanOrder>(&modify, json!({"size": "0"}), "size", K::Gt);
    case::<ModifyPlanOrder>(
        &modify,
        json!({"executePrice": null}),
        "executePrice",
        K::RequiredIf,
    );
    case::<CancelPlanOrder>(
        &json!({"orderId": "1"}),
        json!({"orderId": null}),
        "(request)",
        K::AtLeastOneOf,
    );
    case::<BatchCancelPlanOrder>(
        &json!({"symbolList": ["BTCUSDT"]}),
        json!({"symbolList": []}),
        "symbolList",
        K::NonEmpty,
    );

    const DAY: u64 = 86_400_000;
    const T0: u64 = 1_700_000_000_000;
    let window = json!({"symbol": "BTCUSDT", "startTime": T0.to_string(), "endTime": (T0 + 90 * DAY).to_string(), "limit": "100"});
    let too_long = json!({"endTime": (T0 + 91 * DAY).to_string()});
    case::<CurrentPlanOrder>(&window, too_long.clone(), "endTime", K::Window);
    case::<CurrentPlanOrder>(&window, json!({"limit": "101"}), "limit", K::Max);
    case::<CurrentPlanOrder>(&window, json!({"limit": "0"}), "limit", K::Min);
    case::<HistoryPlanOrder>(&window, too_long.clone(), "endTime", K::Window);
    case::<HistoryPlanOrder>(&window, json!({"limit": "101"}), "limit", K::Max);
    case::<HistoryPlanOrder>(&window, json!({"limit": "0"}), "limit", K::Min);
    let ledger = json!({"coin": "USDT", "startTime": T0.to_string(), "endTime": (T0 + 90 * DAY).to_string(), "limit": "500"});
    case::<Bills>(&ledger, too_long, "endTime", K::Window);
    case::<Bills>(&ledger, json!({"limit": "501"}), "limit", K::Max);
    case::<Bills>(&ledger, json!({"limit": "0"}), "limit", K::Min);

    let item = json!({"symbol": "BTCUSDT", "orderId": "1", "price": "60000", "size": "0.001", "newClientOid": "r-1"});
    let replace = json!({"orderList": [item]});
    let with = |patch: serde_json::Value| {
        let mut one = item.clone();
        for (k, v) in patch.as_object().into_iter().flatten() {
            match v {
                serde_json::Value::Null => {
                    if let Some(m) = one.as_object_mut() {
                        m.remove(k);
                    }
                }
                v => one[k] = v.clone(),
            }
        }
        json!({"orderList": [one]})
    };
    case::<BatchCancelReplaceOrder>(&replace, json!({"orderList": []}), "orderList", K::NonEmpty);
    case::<BatchCancelReplaceOrder>(
        &replace,
        json!({"orderList": vec![item.clone(); 51]}),
        "orderList",
        K::MaxItems,
    );
    case::<BatchCancelReplaceOrder>(
        &replace,
        with(json!({"orderId": null})),
        "orderList[0]",
        K::AtLeastOneOf,
    );
    case::<BatchCancelReplaceOrder>(
        &replace,
        with(json!({"size": "0"})),
        "orderList[0].size",
        K::Gt,
    );
    case::<BatchCancelReplaceOrder>(
        &replace,
        with(json!({"newClientOid": "n".repeat(51)})),
        "orderList[0].newClientOid",
        K::MaxLen,
    );
    case::<BatchCancelReplaceOrder>(
        &replace,
        with(json!({"executeTakeProfitPrice": "70000"})),
        "orderList[0].presetTakeProfitPrice",
        K::Requires,
    );
    case::<BatchCancelReplaceOrder>(
        &replace,
        with(json!({"executeStopLossPrice": "50000"})),
        "orderList[0].presetStopLossPrice",
        K::Requires,
    );

    let transfer =
        json!({"fromType": "spot", "toType": "usdt_futures", "amount": "300", "coin": "USDT"});
    case::<Transfer>(&transfer, json!({"amount": "0"}), "amount", K::Gt);
    case::<Transfer>(&transfer, json!({"toType": "spot"}), "(request)", K::Custom);
    case::<Transfer>(
        &transfer,
        json!({"toType": "isolated_margin"}),
        "symbol",
        K::RequiredIf,
    );
    case::<Transfer>(
        &transfer,
        json!({"fromType": "isolated_margin"}),
        "symbol",
        K::RequiredIf,
    );

    let book = json!({"symbol": "BTCUSDT", "limit": "150"});
    case::<market::Orderbook>(&book, json!({"limit": "151"}), "limit", K::Max);
    case::<market::Orderbook>(&book, json!({"limit": "0"}), "limit", K::Min);
    let candles = json!({"symbol": "BTCUSDT", "granularity": "1min", "limit": "1000"});
    case::<market::Candles>(&candles, json!({"limit": "1001"}), "limit", K::Max);
    case::<market::Candles>(&candles, json!({"limit": "0"}), "limit", K::Min);
    let older = json!({"symbol": "BTCUSDT", "granularity": "1min", "endTime": T0.to_string(), "limit": "200"});
    case::<market::HistoryCandles>(&older, json!({"limit": "201"}), "limit", K::Max);
    case::<market::HistoryCandles>(&older, json!({"limit": "0"}), "limit", K::Min);
    let trades = json!({"symbol": "BTCUSDT", "limit": "500"});
    case::<market::Fills>(&trades, json!({"limit": "501"}), "limit", K::Max);
    case::<market::Fills>(&trades, json!({"limit": "0"}), "limit", K::Min);
    let history = json!({"symbol": "BTCUSDT", "limit": "1000", "startTime": T0.to_string(), "endTime": (T0 + 7 * DAY).to_string()});
    case::<market::FillsHistory>(&history, json!({"limit": "1001"}), "limit", K::Max);
    case::<market::FillsHistory>(&history, json!({"limit": "0"}), "limit", K::Min);
    case::<market::FillsHistory>(
        &history,
        json!({"endTime": (T0 + 8 * DAY).to_string()}),
        "endTime",
        K::Window,
    );

    let missing: Vec<String> = [
        uncovered::<PlacePlanOrder>(),
        uncovered::<ModifyPlanOrder>(),
        uncovered::<CancelPlanOrder>(),
        uncovered::<BatchCancelPlanOrder>(),
        uncovered::<CurrentPlanOrder>(),
        uncovered::<HistoryPlanOrder>(),
        uncovered::<bitget_endpoints::spot::trade::PlanSubOrders>(),
        uncovered::<Bills>(),
        uncovered::<bitget_endpoints::spot::account::Info>(),
        uncovered::<BatchCancelReplaceOrder>(),
        uncovered::<Transfer>(),
        uncovered::<market::MergeDepth>(),
        uncovered::<market::Orderbook>(),
        uncovered::<market::Candles>(),
        uncovered::<market::HistoryCandles>(),
        uncovered::<market::Fills>(),
        uncovered::<market::FillsHistory>(),
        uncovered::<bitget_endpoints::spot::public::Coins>(),
    ]
    .into_iter()
    .flatten()
    .collect();
    assert!(
        missing.is_empty(),
        "declared rules with no case: {missing:?}"
    );
}

/// A spot plan order's size counts the base coin or the quote coin as `planType` says: the
/// constructors set it with the side.
#[test]
fn the_plan_constructors_say_which_coin_the_size_is_in() {
    use bitget_endpoints::spot::trade::PlacePlanOrder;
    use bitget_endpoints::spot::{OrderType, TriggerType};
    let sent = |b: bitget_endpoints::spot::trade::PlacePlanOrderSized| {
        let r = b
            .symbol("BTCUSDT")
            .trigger_price("58000")
            .order_type(OrderType::Market)
            .trigger_type(TriggerType::FillPrice)
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        let body = serde_json::to_value(&r).unwrap_or_else(|e| panic!("{e}"));
        (
            body["side"].clone(),
            body["planType"].clone(),
            body["size"].clone(),
        )
    };
    assert_eq!(
        sent(PlacePlanOrder::buy_spending("100")),
        (json!("buy"), json!("total"), json!("100"))
    );
    assert_eq!(
        sent(PlacePlanOrder::buy("0.01")),
        (json!("buy"), json!("amount"), json!("0.01"))
    );
    assert_eq!(
        sent(PlacePlanOrder::sell("0.01")),
        (json!("sell"), json!("amount"), json!("0.01"))
    );
    assert_eq!(
        sent(PlacePlanOrder::sell_worth("100")),
        (json!("sell"), json!("total"), json!("100"))
    );
}
