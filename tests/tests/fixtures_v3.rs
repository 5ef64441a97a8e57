//! Every declared v3 (Unified account) endpoint against its doc page (`tests/fixtures/v3/`, each
//! file naming the page): the request example reads into the request type (unknown keys
//! refused) and serialises back equal, batches as top-level arrays; the response example
//! decodes; every field of the example and of the page's response table is one the answer type
//! reads.

use bitget_endpoints::uta::{account, market, position, trade};
use bitget_tests::fixtures::check;

#[test]
fn market_endpoints_match_their_doc_pages() {
    check::<market::Instruments>(&[], &[]);
    check::<market::Tickers>(&[], &[]);
    check::<market::Orderbook>(&[], &[]);
    check::<market::Candles>(&[], &[]);
    check::<market::HistoryCandles>(&[], &[]);
    check::<market::Fills>(&[], &[]);
    check::<market::CurrentFundRate>(&[], &[]);
    check::<market::HistoryFundRate>(&[], &[]);
    check::<market::OpenInterest>(&[], &[]);
    check::<market::OiLimit>(&[], &[]);
    check::<market::PositionTier>(&[], &[]);
}

#[test]
fn order_endpoints_match_their_doc_pages() {
    check::<trade::PlaceOrder>(&[], &[]);
    check::<trade::PlaceBatch>(&[], &[]);
    check::<trade::ModifyOrder>(&[], &[]);
    check::<trade::BatchModifyOrder>(&[], &[]);
    check::<trade::CancelOrder>(&[], &[]);
    check::<trade::CancelBatch>(&[], &[]);
    check::<trade::CancelSymbolOrder>(&[], &[]);
    check::<trade::ClosePositions>(&[], &[]);
    check::<trade::CountdownCancelAll>(&[], &[]);
    check::<trade::OrderInfo>(&[], &[]);
    check::<trade::UnfilledOrders>(&[], &[]);
    check::<trade::HistoryOrders>(&[], &[]);
    check::<trade::Fills>(&[], &[]);
}

#[test]
fn strategy_and_position_endpoints_match_their_doc_pages() {
    check::<trade::PlaceStrategyOrder>(&[], &[]);
    check::<trade::ModifyStrategyOrder>(&[], &[]);
    check::<trade::CancelStrategyOrder>(&[], &[]);
    check::<trade::UnfilledStrategyOrders>(&[], &[]);
    check::<trade::HistoryStrategyOrders>(&[], &[]);
    check::<position::CurrentPosition>(&[], &[]);
    check::<position::HistoryPosition>(&[], &[]);
    check::<position::AdlRank>(&[], &[]);
}

#[test]
fn account_endpoints_match_their_doc_pages() {
    check::<account::Assets>(&[], &[]);
    check::<account::Info>(&[], &[]);
    check::<account::Settings>(&[], &[]);
    check::<account::SetLeverage>(&[], &[]);
    check::<account::SetHoldMode>(&[], &[]);
    check::<account::SetMargin>(&[], &[]);
    check::<account::FeeRate>(&[], &[]);
    check::<account::FinancialRecords>(&[], &[]);
    check::<account::FundingAssets>(&[], &[]);
    check::<account::Transfer>(&[], &[]);
    check::<account::MaxOpenAvailable>(&[], &[]);
}
