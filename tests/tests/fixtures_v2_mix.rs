//! Every declared v2 futures endpoint against its doc page (`tests/fixtures/v2/mix/`, each file
//! naming the page): the request example reads into the request type (unknown keys refused) and
//! serialises back equal; the response example decodes; every field of the example and of the
//! page's response table is one the answer type reads.

use std::collections::BTreeSet;

use bitget_core::Endpoint;
use bitget_core::wire::WireShape;
use bitget_endpoints::mix::{account, market, order, position};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

fn fixture(name: &str) -> Value {
    bitget_tests::fixtures::fixture(&format!("v2/mix/{name}"))
}

use bitget_tests::fixtures::normalised;

/// Every path of a JSON value, as `WireShape` writes them.
fn paths(value: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                paths(v, &path, out);
                out.insert(path);
            }
        }
        Value::Array(items) => {
            for item in items {
                paths(item, &format!("{prefix}[]"), out);
            }
        }
        _ => {}
    }
}

/// Checks one endpoint against its fixture. `not_in_table`: keys the page's example sends but
/// its parameter table does not list (the type follows the table); `table_slips`: response
/// table rows that are the page's mistakes (each said where the fixture's notes say it).
fn check<E>(name: &str, not_in_table: &[&str], table_slips: &[&str])
where
    E: Endpoint + Serialize + DeserializeOwned,
    E::Response: WireShape,
{
    let f = fixture(name);
    assert_eq!(f["path"], E::PATH, "{name}: path");
    assert_eq!(
        f["method"],
        format!("{:?}", E::METHOD).to_uppercase(),
        "{name}: method"
    );
    assert!(
        f["doc"].is_string(),
        "{name}: the fixture names its doc page"
    );
    if !f["request"].is_null() {
        let example = normalised(f["request"].clone(), not_in_table);
        let request: E = serde_json::from_value(example.clone())
            .unwrap_or_else(|e| panic!("{name}: the request example does not read: {e}"));
        let back = serde_json::to_value(&request).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            back, example,
            "{name}: the request example does not serialise back equal"
        );
    }
    let mut known = Vec::new();
    E::Response::wire_paths("", &mut known);
    let known: BTreeSet<String> = known.into_iter().collect();
    if !f["response"].is_null() {
        let data = f["response"]["data"].clone();
        let _: E::Response = serde_json::from_value(data.clone())
            .unwrap_or_else(|e| panic!("{name}: the response example does not decode: {e}"));
        let mut seen = BTreeSet::new();
        paths(&data, "", &mut seen);
        let unread: Vec<_> = seen.difference(&known).collect();
        assert!(
            unread.is_empty(),
            "{name}: example fields the answer type drops: {unread:?}"
        );
    }
    let table: BTreeSet<String> = f["response_fields"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let missing: Vec<_> = table
        .iter()
        .filter(|p| !known.contains(*p) && !table_slips.contains(&p.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "{name}: documented fields the answer type lacks: {missing:?}"
    );
}

#[test]
fn market_endpoints_match_their_doc_pages() {
    check::<market::Contracts>("market/contracts", &[], &[]);
    check::<market::Ticker>("market/ticker", &[], &[]);
    check::<market::Tickers>("market/tickers", &[], &[]);
    check::<market::MergeDepth>("market/merge-depth", &[], &[]);
    check::<market::Candles>("market/candles", &[], &[]);
    check::<market::HistoryCandles>("market/history-candles", &[], &[]);
    check::<market::HistoryIndexCandles>("market/history-index-candles", &[], &[]);
    check::<market::HistoryMarkCandles>("market/history-mark-candles", &[], &[]);
    check::<market::Fills>("market/fills", &[], &[]);
    check::<market::FillsHistory>("market/fills-history", &[], &[]);
    check::<market::OpenInterest>("market/open-interest", &[], &[]);
    check::<market::FundingTime>("market/funding-time", &[], &[]);
    check::<market::SymbolPrice>("market/symbol-price", &[], &[]);
    check::<market::CurrentFundRate>("market/current-fund-rate", &[], &[]);
    check::<market::HistoryFundRate>("market/history-fund-rate", &[], &[]);
    check::<market::QueryPositionLever>("market/query-position-lever", &[], &[]);
}

#[test]
fn order_endpoints_match_their_doc_pages() {
    check::<order::PlaceOrder>("order/place-order", &[], &[]);
    check::<order::ClickBackhand>("order/click-backhand", &[], &[]);
    check::<order::BatchPlaceOrder>("order/batch-place-order", &[], &[]);
    check::<order::ModifyOrder>("order/modify-order", &[], &[]);
    check::<order::CancelOrder>("order/cancel-order", &[], &[]);
    check::<order::ClosePositions>("order/close-positions", &[], &[]);
    check::<order::Detail>("order/detail", &[], &[]);
    check::<order::Fills>("order/fills", &[], &[]);
    check::<order::FillHistory>("order/fill-history", &[], &[]);
    check::<order::OrdersPending>("order/orders-pending", &[], &[]);
    check::<order::OrdersHistory>("order/orders-history", &[], &[]);
}

#[test]
fn trigger_and_tpsl_endpoints_match_their_doc_pages() {
    check::<order::PlaceTpslOrder>("order/place-tpsl-order", &[], &[]);
    check::<order::PlacePosTpsl>("order/place-pos-tpsl", &[], &[]);
    check::<order::ModifyTpslOrder>("order/modify-tpsl-order", &[], &[]);
    // The curl example sends two preset keys its table does not list (catalogue G.17).
    check::<order::PlacePlanOrder>(
        "order/place-plan-order",
        &["presetStopSurplusPrice", "presetStopLossPrice"],
        &[],
    );
    check::<order::ModifyPlanOrder>("order/modify-plan-order", &[], &[]);
    check::<order::OrdersPlanPending>("order/orders-plan-pending", &[], &[]);
    check::<order::OrdersPlanHistory>("order/orders-plan-history", &[], &[]);
    check::<order::PlanSubOrder>("order/plan-sub-order", &[], &[]);
}

#[test]
fn position_and_account_endpoints_match_their_doc_pages() {
    check::<position::SinglePosition>("position/single-position", &[], &[]);
    check::<position::AllPosition>("position/all-position", &[], &[]);
    check::<position::HistoryPosition>("position/history-position", &[], &[]);
    check::<account::Account>("account/account", &[], &[]);
    check::<account::Accounts>("account/accounts", &[], &[]);
    check::<account::SetLeverage>("account/set-leverage", &[], &[]);
    // `data` is `""`; the table's one row, `code`, is the envelope's.
    check::<account::SetMargin>("account/set-margin", &[], &["code"]);
    check::<account::SetMarginMode>("account/set-margin-mode", &[], &[]);
    check::<account::SetPositionMode>("account/set-position-mode", &[], &[]);
    check::<account::Bill>("account/bill", &[], &[]);
    // The example URL carries `openAmount`, which the table does not list.
    check::<account::MaxOpen>("account/max-open", &["openAmount"], &[]);
}
