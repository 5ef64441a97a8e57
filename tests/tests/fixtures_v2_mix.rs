//! Every declared v2 futures endpoint against its doc page (`tests/fixtures/v2/mix/`, each file
//! naming the page): the request example reads into the request type (unknown keys refused) and
//! serialises back equal; the response example decodes; every field of the example and of the
//! page's response table is one the answer type reads.

use bitget_endpoints::mix::{account, market, order, position};
use bitget_tests::fixtures::check;

#[test]
fn market_endpoints_match_their_doc_pages() {
    check::<market::Contracts>(&[], &[]);
    check::<market::Ticker>(&[], &[]);
    check::<market::Tickers>(&[], &[]);
    check::<market::MergeDepth>(&[], &[]);
    check::<market::Candles>(&[], &[]);
    check::<market::HistoryCandles>(&[], &[]);
    check::<market::HistoryIndexCandles>(&[], &[]);
    check::<market::HistoryMarkCandles>(&[], &[]);
    check::<market::Fills>(&[], &[]);
    check::<market::FillsHistory>(&[], &[]);
    check::<market::OpenInterest>(&[], &[]);
    check::<market::FundingTime>(&[], &[]);
    check::<market::SymbolPrice>(&[], &[]);
    check::<market::CurrentFundRate>(&[], &[]);
    check::<market::HistoryFundRate>(&[], &[]);
    check::<market::QueryPositionLever>(&[], &[]);
}

#[test]
fn order_endpoints_match_their_doc_pages() {
    check::<order::PlaceOrder>(&[], &[]);
    check::<order::ClickBackhand>(&[], &[]);
    check::<order::BatchPlaceOrder>(&[], &[]);
    check::<order::ModifyOrder>(&[], &[]);
    check::<order::CancelOrder>(&[], &[]);
    check::<order::ClosePositions>(&[], &[]);
    check::<order::Detail>(&[], &[]);
    check::<order::Fills>(&[], &[]);
    check::<order::FillHistory>(&[], &[]);
    check::<order::OrdersPending>(&[], &[]);
    check::<order::OrdersHistory>(&[], &[]);
}

#[test]
fn trigger_and_tpsl_endpoints_match_their_doc_pages() {
    check::<order::PlaceTpslOrder>(&[], &[]);
    check::<order::PlacePosTpsl>(&[], &[]);
    check::<order::ModifyTpslOrder>(&[], &[]);
    // The curl example sends two preset keys its table does not list (catalogue G.17).
    check::<order::PlacePlanOrder>(&["presetStopSurplusPrice", "presetStopLossPrice"], &[]);
    check::<order::ModifyPlanOrder>(&[], &[]);
    check::<order::OrdersPlanPending>(&[], &[]);
    check::<order::OrdersPlanHistory>(&[], &[]);
    check::<order::PlanSubOrder>(&[], &[]);
}

#[test]
fn position_and_account_endpoints_match_their_doc_pages() {
    check::<position::SinglePosition>(&[], &[]);
    check::<position::AllPosition>(&[], &[]);
    check::<position::HistoryPosition>(&[], &[]);
    check::<account::Account>(&[], &[]);
    check::<account::Accounts>(&[], &[]);
    check::<account::SetLeverage>(&[], &[]);
    // `data` is `""`; the table's one row, `code`, is the envelope's.
    check::<account::SetMargin>(&[], &["code"]);
    check::<account::SetMarginMode>(&[], &[]);
    check::<account::SetPositionMode>(&[], &[]);
    check::<account::Bill>(&[], &[]);
    // The example URL carries `openAmount`, which the table does not list.
    check::<account::MaxOpen>(&["openAmount"], &[]);
}
