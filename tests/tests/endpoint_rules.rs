//! Every rule of the five seed documents: a request that breaks it, and only it, gets a validation
//! error naming the field's wire path and the rule; its valid neighbour builds.

use bitget_core::{RuleKind, ValidationError};
use bitget_endpoints::mix::order::{BatchCancelOrders, CancelAllOrders, CancelPlanOrder};
use bitget_endpoints::mix::{OrderIdItem, ProductType};
use bitget_endpoints::spot::trade::{BatchCancelOrder, CancelOrder};
use bitget_endpoints::spot::{BatchMode, SpotOrderItem, TpslType};

/// The error names exactly this one broken rule.
#[track_caller]
fn breaks<T: std::fmt::Debug>(result: Result<T, ValidationError>, path: &str, rule: RuleKind) {
    let err = match result {
        Ok(v) => panic!("expected `{path}` to break {rule:?}, but it built: {v:?}"),
        Err(e) => e,
    };
    assert!(err.has(path, rule), "expected `{path}` {rule:?} in: {err}");
    assert_eq!(
        err.violations.len(),
        1,
        "only that rule should be broken: {err}"
    );
    assert!(
        err.to_string().contains(path),
        "the message names the field: {err}"
    );
}

#[track_caller]
fn builds<T>(result: Result<T, ValidationError>) -> T {
    result.unwrap_or_else(|e| panic!("the valid neighbour should build: {e}"))
}

fn oid(i: usize) -> OrderIdItem {
    OrderIdItem::by_order_id(format!("10{i}"))
}

fn coid(len: usize) -> String {
    "c".repeat(len)
}

/// The same rules on both futures endpoints with an id list.
macro_rules! id_list_rules {
    ($name:ident, $ty:ident, $builder:ident, $cancel_all:ident) => {
        mod $name {
            use super::*;

            fn base() -> bitget_endpoints::mix::order::$builder<
                bitget_core::__private::rules::Unset,
                ProductType,
            > {
                $ty::builder()
                    .symbol("BTCUSDT")
                    .product_type(ProductType::UsdtFutures)
            }

            #[test]
            fn empty_list_is_refused_one_item_builds() {
                breaks(
                    base().order_id_list(Vec::<OrderIdItem>::new()).build(),
                    "orderIdList",
                    RuleKind::NonEmpty,
                );
                builds(base().order_id_list([oid(0)]).build());
            }

            #[test]
            fn at_most_fifty_items() {
                breaks(
                    base().order_id_list((0..51).map(oid)).build(),
                    "orderIdList",
                    RuleKind::MaxItems,
                );
                builds(base().order_id_list((0..50).map(oid)).build());
            }

            #[test]
            fn symbol_required_when_the_list_is_set() {
                let no_symbol = $ty::builder()
                    .product_type(ProductType::UsdtFutures)
                    .order_id_list([oid(1)])
                    .build();
                breaks(no_symbol, "symbol", RuleKind::Requires);
                let empty_symbol = $ty::builder()
                    .symbol("")
                    .product_type(ProductType::UsdtFutures)
                    .order_id_list([oid(1)])
                    .build();
                breaks(empty_symbol, "symbol", RuleKind::Requires);
            }

            #[test]
            fn cancelling_everything_is_explicit_and_needs_no_symbol() {
                let all = builds(
                    $ty::builder()
                        .product_type(ProductType::UsdtFutures)
                        .$cancel_all()
                        .build(),
                );
                assert_eq!(all.order_id_list, None);
            }

            #[test]
            fn each_item_needs_order_id_or_client_oid() {
                let none = OrderIdItem {
                    order_id: None,
                    client_oid: None,
                };
                breaks(
                    base().order_id_list([oid(0), oid(1), none]).build(),
                    "orderIdList[2]",
                    RuleKind::AtLeastOneOf,
                );
                let empty = OrderIdItem {
                    order_id: Some(String::new()),
                    client_oid: Some(String::new()),
                };
                breaks(
                    base().order_id_list([empty]).build(),
                    "orderIdList[0]",
                    RuleKind::AtLeastOneOf,
                );
                builds(
                    base()
                        .order_id_list([OrderIdItem::by_client_oid("mine")])
                        .build(),
                );
            }

            #[test]
            fn client_oid_at_most_fifty_characters() {
                breaks(
                    base()
                        .order_id_list([OrderIdItem::by_client_oid(coid(51))])
                        .build(),
                    "orderIdList[0].clientOid",
                    RuleKind::MaxLen,
                );
                builds(
                    base()
                        .order_id_list([OrderIdItem::by_client_oid(coid(50))])
                        .build(),
                );
            }

            #[test]
            fn margin_coin_in_capitals() {
                breaks(
                    base().order_id_list([oid(0)]).margin_coin("usdt").build(),
                    "marginCoin",
                    RuleKind::Uppercase,
                );
                builds(base().order_id_list([oid(0)]).margin_coin("USDT").build());
            }

            #[test]
            fn product_type_cannot_be_empty() {
                breaks(
                    base().order_id_list([oid(0)]).product_type("").build(),
                    "productType",
                    RuleKind::Required,
                );
            }

            #[test]
            fn a_request_read_from_json_gets_the_same_rules() {
                let read: $ty = serde_json::from_str(
                    r#"{"orderIdList":[],"symbol":"BTCUSDT","productType":"usdt-futures"}"#,
                )
                .unwrap_or_else(|e| panic!("{e}"));
                breaks(
                    read.validate().map(|_| ()),
                    "orderIdList",
                    RuleKind::NonEmpty,
                );
            }
        }
    };
}

id_list_rules!(
    cancel_plan_order,
    CancelPlanOrder,
    CancelPlanOrderBuilder,
    cancel_all_plan_orders
);
id_list_rules!(
    batch_cancel_orders,
    BatchCancelOrders,
    BatchCancelOrdersBuilder,
    cancel_all_orders
);

mod cancel_all_orders {
    use super::*;

    fn base() -> bitget_endpoints::mix::order::CancelAllOrdersBuilder<ProductType> {
        CancelAllOrders::builder().product_type(ProductType::CoinFutures)
    }

    #[test]
    fn margin_coin_in_capitals() {
        breaks(
            base().margin_coin("Usdt").build(),
            "marginCoin",
            RuleKind::Uppercase,
        );
        builds(base().margin_coin("USDT").build());
    }

    #[test]
    fn request_time_is_unix_millis() {
        breaks(
            base().request_time(1_700_000_000).build(),
            "requestTime",
            RuleKind::Min,
        );
        builds(base().request_time(1_700_000_000_000).build());
    }

    #[test]
    fn receive_window_at_most_sixty_seconds() {
        breaks(
            base().receive_window(60_001).build(),
            "receiveWindow",
            RuleKind::Max,
        );
        builds(base().receive_window(60_000).build());
    }

    #[test]
    fn product_type_cannot_be_empty() {
        breaks(
            base().product_type("").build(),
            "productType",
            RuleKind::Required,
        );
    }
}

mod spot_cancel_order {
    use super::*;

    #[test]
    fn symbol_required_for_normal_orders() {
        breaks(
            CancelOrder::builder().order_id("1").build(),
            "symbol",
            RuleKind::RequiredUnless,
        );
        breaks(
            CancelOrder::builder()
                .tpsl_type(TpslType::Normal)
                .order_id("1")
                .build(),
            "symbol",
            RuleKind::RequiredUnless,
        );
        builds(
            CancelOrder::builder()
                .symbol("BTCUSDT")
                .order_id("1")
                .build(),
        );
    }

    #[test]
    fn tpsl_orders_need_no_symbol_but_an_order_id() {
        builds(
            CancelOrder::builder()
                .tpsl_type(TpslType::Tpsl)
                .order_id("1")
                .build(),
        );
        breaks(
            CancelOrder::builder()
                .tpsl_type(TpslType::Tpsl)
                .client_oid("mine")
                .build(),
            "orderId",
            RuleKind::RequiredIf,
        );
    }

    #[test]
    fn order_id_or_client_oid() {
        breaks(
            CancelOrder::builder().symbol("BTCUSDT").build(),
            "(request)",
            RuleKind::AtLeastOneOf,
        );
        breaks(
            CancelOrder::builder()
                .symbol("BTCUSDT")
                .order_id("")
                .build(),
            "(request)",
            RuleKind::AtLeastOneOf,
        );
        builds(
            CancelOrder::builder()
                .symbol("BTCUSDT")
                .client_oid("mine")
                .build(),
        );
    }

    #[test]
    fn client_oid_at_most_fifty_characters() {
        breaks(
            CancelOrder::builder()
                .symbol("BTCUSDT")
                .client_oid(coid(51))
                .build(),
            "clientOid",
            RuleKind::MaxLen,
        );
        builds(
            CancelOrder::builder()
                .symbol("BTCUSDT")
                .client_oid(coid(50))
                .build(),
        );
    }
}

mod spot_batch_cancel {
    use super::*;

    fn single() -> bitget_endpoints::spot::trade::BatchCancelOrderBuilder {
        BatchCancelOrder::builder().symbol("BTCUSDT")
    }

    fn by_id(i: usize) -> SpotOrderItem {
        SpotOrderItem::by_order_id(format!("20{i}"))
    }

    #[test]
    fn order_list_not_empty_and_at_most_fifty() {
        breaks(
            single().order_list(Vec::new()).build(),
            "orderList",
            RuleKind::NonEmpty,
        );
        breaks(
            single().order_list((0..51).map(by_id)).build(),
            "orderList",
            RuleKind::MaxItems,
        );
        builds(single().order_list((0..50).map(by_id)).build());
    }

    #[test]
    fn never_mix_order_id_and_client_oid() {
        let mixed = single()
            .order_list([by_id(0), SpotOrderItem::by_client_oid("mine"), by_id(2)])
            .build();
        breaks(mixed, "orderList[1]", RuleKind::NoMix);
        builds(
            single()
                .order_list([
                    SpotOrderItem::by_client_oid("a"),
                    SpotOrderItem::by_client_oid("b"),
                ])
                .build(),
        );
        // An item with both is identified by orderId, which prevails: not a mix.
        let both = SpotOrderItem {
            symbol: None,
            order_id: Some("9".into()),
            client_oid: Some("c".into()),
        };
        builds(single().order_list([by_id(0), both]).build());
    }

    #[test]
    fn multiple_mode_needs_each_items_symbol() {
        let no_symbol = BatchCancelOrder::builder()
            .batch_mode(BatchMode::Multiple)
            .order_list([by_id(0).on("BTCUSDT"), by_id(1)])
            .build();
        breaks(no_symbol, "orderList[1].symbol", RuleKind::RequiredIf);
        builds(
            BatchCancelOrder::builder()
                .batch_mode(BatchMode::Multiple)
                .order_list([by_id(0).on("BTCUSDT"), by_id(1).on("ETHUSDT")])
                .build(),
        );
    }

    #[test]
    fn single_mode_needs_the_outer_symbol() {
        breaks(
            BatchCancelOrder::builder().order_list([by_id(0)]).build(),
            "symbol",
            RuleKind::RequiredUnless,
        );
        breaks(
            BatchCancelOrder::builder()
                .batch_mode(BatchMode::Single)
                .order_list([by_id(0)])
                .build(),
            "symbol",
            RuleKind::RequiredUnless,
        );
    }

    #[test]
    fn each_item_needs_an_id_of_at_most_fifty_characters() {
        let none = SpotOrderItem {
            symbol: Some("BTCUSDT".into()),
            order_id: None,
            client_oid: None,
        };
        breaks(
            single().order_list([by_id(0), none]).build(),
            "orderList[1]",
            RuleKind::AtLeastOneOf,
        );
        breaks(
            single()
                .order_list([SpotOrderItem::by_client_oid(coid(51))])
                .build(),
            "orderList[0].clientOid",
            RuleKind::MaxLen,
        );
    }

    #[test]
    fn every_broken_rule_is_listed_at_once() {
        let err = BatchCancelOrder::builder()
            .batch_mode(BatchMode::Multiple)
            .order_list([by_id(0), SpotOrderItem::by_client_oid(coid(60))])
            .build()
            .err()
            .unwrap_or_else(|| panic!("expected errors"));
        assert!(
            err.has("orderList[0].symbol", RuleKind::RequiredIf),
            "{err}"
        );
        assert!(
            err.has("orderList[1].symbol", RuleKind::RequiredIf),
            "{err}"
        );
        assert!(err.has("orderList[1]", RuleKind::NoMix), "{err}");
        assert!(err.has("orderList[1].clientOid", RuleKind::MaxLen), "{err}");
        assert_eq!(err.violations.len(), 4, "{err}");
    }
}

/// The seed endpoints' declared rules (`Endpoint::declared_rules`), each with a case of its kind read
/// from JSON (the builder cases above cover the same rules through the typestate).
#[test]
fn every_declared_seed_rule_has_a_case() {
    use bitget_core::RuleKind as K;
    use bitget_tests::rules::{case, uncovered};
    use serde_json::{Value, json};
    let ids = json!([{"orderId": "1"}]);
    let plan = json!({"orderIdList": ids, "symbol": "BTCUSDT", "productType": "USDT-FUTURES", "marginCoin": "USDT"});
    case::<CancelPlanOrder>(
        &plan,
        json!({"orderIdList": []}),
        "orderIdList",
        K::NonEmpty,
    );
    case::<CancelPlanOrder>(
        &plan,
        json!({"orderIdList": vec![json!({"orderId": "1"}); 51]}),
        "orderIdList",
        K::MaxItems,
    );
    case::<CancelPlanOrder>(&plan, json!({"symbol": null}), "symbol", K::Requires);
    case::<CancelPlanOrder>(
        &plan,
        json!({"marginCoin": "usdt"}),
        "marginCoin",
        K::Uppercase,
    );
    case::<BatchCancelOrders>(
        &plan,
        json!({"orderIdList": []}),
        "orderIdList",
        K::NonEmpty,
    );
    case::<BatchCancelOrders>(
        &plan,
        json!({"orderIdList": vec![json!({"orderId": "1"}); 51]}),
        "orderIdList",
        K::MaxItems,
    );
    case::<BatchCancelOrders>(&plan, json!({"symbol": null}), "symbol", K::Requires);
    case::<BatchCancelOrders>(
        &plan,
        json!({"marginCoin": "usdt"}),
        "marginCoin",
        K::Uppercase,
    );
    let all = json!({"productType": "USDT-FUTURES", "marginCoin": "USDT", "requestTime": "1700000000000", "receiveWindow": "60000"});
    case::<CancelAllOrders>(
        &all,
        json!({"marginCoin": "usdt"}),
        "marginCoin",
        K::Uppercase,
    );
    case::<CancelAllOrders>(
        &all,
        json!({"requestTime": "1700000000"}),
        "requestTime",
        K::Min,
    );
    case::<CancelAllOrders>(
        &all,
        json!({"receiveWindow": "60001"}),
        "receiveWindow",
        K::Max,
    );
    let spot = json!({"symbol": "BTCUSDT", "orderId": "1", "clientOid": "c1"});
    case::<CancelOrder>(&spot, json!({"symbol": null}), "symbol", K::RequiredUnless);
    case::<CancelOrder>(
        &json!({"tpslType": "tpsl", "orderId": "1"}),
        json!({"orderId": null, "clientOid": "c1"}),
        "orderId",
        K::RequiredIf,
    );
    case::<CancelOrder>(
        &spot,
        json!({"clientOid": "c".repeat(51)}),
        "clientOid",
        K::MaxLen,
    );
    case::<CancelOrder>(
        &spot,
        json!({"orderId": null, "clientOid": null}),
        "(request)",
        K::AtLeastOneOf,
    );
    let batch =
        json!({"symbol": "BTCUSDT", "batchMode": "single", "orderList": [{"orderId": "1"}]});
    case::<BatchCancelOrder>(&batch, json!({"orderList": []}), "orderList", K::NonEmpty);
    case::<BatchCancelOrder>(
        &batch,
        json!({"orderList": vec![json!({"orderId": "1"}); 51]}),
        "orderList",
        K::MaxItems,
    );
    case::<BatchCancelOrder>(&batch, json!({"symbol": null}), "symbol", K::RequiredUnless);
    case::<BatchCancelOrder>(
        &batch,
        json!({"orderList": [{"orderId": "1"}, {"clientOid": "c"}]}),
        "orderList[1]",
        K::NoMix,
    );
    case::<BatchCancelOrder>(
        &batch,
        json!({"batchMode": "multiple", "symbol": null}),
        "orderList[0].symbol",
        K::RequiredIf,
    );
    // The items' own rules, at the item.
    let long = "c".repeat(51);
    for (list, base) in [("orderIdList", &plan), ("orderList", &batch)] {
        let item = |v: Value| json!({ list: [{"orderId": "1"}, v] });
        let at = |f: &str| format!("{list}[1]{f}");
        if list == "orderIdList" {
            case::<CancelPlanOrder>(
                base,
                item(json!({"clientOid": long})),
                &at(".clientOid"),
                K::MaxLen,
            );
            case::<CancelPlanOrder>(base, item(json!({})), &at(""), K::AtLeastOneOf);
            case::<BatchCancelOrders>(
                base,
                item(json!({"clientOid": long})),
                &at(".clientOid"),
                K::MaxLen,
            );
            case::<BatchCancelOrders>(base, item(json!({})), &at(""), K::AtLeastOneOf);
        } else {
            let item = |v: Value| json!({ list: [v] });
            let at = |f: &str| format!("{list}[0]{f}");
            case::<BatchCancelOrder>(
                base,
                item(json!({"orderId": "1", "clientOid": long})),
                &at(".clientOid"),
                K::MaxLen,
            );
            case::<BatchCancelOrder>(base, item(json!({})), &at(""), K::AtLeastOneOf);
        }
    }
    let missing: Vec<String> = [
        uncovered::<CancelPlanOrder>(),
        uncovered::<BatchCancelOrders>(),
        uncovered::<CancelAllOrders>(),
        uncovered::<CancelOrder>(),
        uncovered::<BatchCancelOrder>(),
    ]
    .into_iter()
    .flatten()
    .collect();
    assert!(
        missing.is_empty(),
        "declared rules with no case: {missing:?}"
    );
}
