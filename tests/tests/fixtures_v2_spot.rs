//! Every declared v2 spot endpoint beyond the seed cancels against its doc page
//! (`tests/fixtures/v2/spot/`, each file naming the page): the request example reads into the
//! request type and serialises back equal; the response example decodes; every field of the
//! example and of the page's response table is one the answer type reads.

use bitget_endpoints::spot::{account, market, public, trade, wallet};
use bitget_tests::fixtures::check;

#[test]
fn trade_endpoints_match_their_doc_pages() {
    check::<trade::PlaceOrder>(&[], &[]);
    check::<trade::OrderInfo>(&[], &[]);
    check::<trade::UnfilledOrders>(&[], &[]);
    check::<trade::HistoryOrders>(&[], &[]);
    check::<trade::Fills>(&[], &[]);
    check::<trade::BatchOrders>(&[], &[]);
    check::<trade::CancelSymbolOrder>(&[], &[]);
    check::<trade::CancelReplaceOrder>(&[], &[]);
    check::<trade::BatchCancelReplaceOrder>(&[], &[]);
}

#[test]
fn plan_endpoints_match_their_doc_pages() {
    check::<trade::PlacePlanOrder>(&[], &[]);
    check::<trade::ModifyPlanOrder>(&[], &[]);
    check::<trade::CancelPlanOrder>(&[], &[]);
    check::<trade::CurrentPlanOrder>(&[], &[]);
    check::<trade::HistoryPlanOrder>(&[], &[]);
    check::<trade::PlanSubOrders>(&[], &[]);
    check::<trade::BatchCancelPlanOrder>(&[], &[]);
}

#[test]
fn account_endpoints_match_their_doc_pages() {
    check::<account::Assets>(&[], &[]);
    check::<account::Info>(&[], &[]);
    check::<account::Bills>(&[], &[]);
    check::<wallet::Transfer>(&[], &[]);
}

#[test]
fn market_endpoints_match_their_doc_pages() {
    check::<market::Tickers>(&[], &[]);
    check::<market::MergeDepth>(&[], &[]);
    check::<market::Orderbook>(&[], &[]);
    check::<market::Candles>(&[], &[]);
    check::<market::HistoryCandles>(&[], &[]);
    check::<market::Fills>(&[], &[]);
    check::<market::FillsHistory>(&[], &[]);
    check::<public::Symbols>(&[], &[]);
    check::<public::Coins>(&[], &[]);
}

/// The doc's place-plan-order example is not a valid request (`triggerType: "market_price"`
/// is not one of the table's values): the library refuses it, naming the field.
#[test]
fn the_broken_plan_example_is_refused_before_sending() {
    let f = bitget_tests::fixtures::fixture("v2/spot/trade/place-plan-order");
    let request: trade::PlacePlanOrder = serde_json::from_value(f["request"].clone())
        .unwrap_or_else(|e| panic!("the mended example reads: {e}"));
    let err = match request.validate() {
        Ok(()) => panic!("market_price is not a trigger type"),
        Err(e) => e,
    };
    assert!(
        err.has("triggerType", bitget_core::RuleKind::KnownValue),
        "{err}"
    );
}
