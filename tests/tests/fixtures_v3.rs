//! Every declared v3 (Unified account) endpoint against its doc page (`tests/fixtures/v3/`, each
//! file naming the page): the request example reads into the request type (unknown keys
//! refused) and serialises back equal, batches as top-level arrays; the response example
//! decodes; every field of the example and of the page's response table is one the answer type
//! reads.

use bitget_core::Endpoint;
use bitget_core::wire::WireShape;
use bitget_endpoints::uta::{account, market, position, trade};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The v3 fixture `name` (`trade/place-order`) against `E`.
fn check<E>(name: &str, not_in_table: &[&str], table_slips: &[&str])
where
    E: Endpoint + Serialize + DeserializeOwned,
    E::Response: WireShape,
{
    bitget_tests::fixtures::check::<E>(&format!("v3/{name}"), not_in_table, table_slips);
}

#[test]
fn market_endpoints_match_their_doc_pages() {
    check::<market::Instruments>("market/instruments", &[], &[]);
    check::<market::Tickers>("market/tickers", &[], &[]);
    check::<market::Orderbook>("market/orderbook", &[], &[]);
    check::<market::Candles>("market/candles", &[], &[]);
    check::<market::HistoryCandles>("market/history-candles", &[], &[]);
    check::<market::Fills>("market/fills", &[], &[]);
    check::<market::CurrentFundRate>("market/current-fund-rate", &[], &[]);
    check::<market::HistoryFundRate>("market/history-fund-rate", &[], &[]);
    check::<market::OpenInterest>("market/open-interest", &[], &[]);
    check::<market::OiLimit>("market/oi-limit", &[], &[]);
    check::<market::PositionTier>("market/position-tier", &[], &[]);
}

#[test]
fn order_endpoints_match_their_doc_pages() {
    check::<trade::PlaceOrder>("trade/place-order", &[], &[]);
    check::<trade::PlaceBatch>("trade/place-batch", &[], &[]);
    check::<trade::ModifyOrder>("trade/modify-order", &[], &[]);
    check::<trade::BatchModifyOrder>("trade/batch-modify-order", &[], &[]);
    check::<trade::CancelOrder>("trade/cancel-order", &[], &[]);
    check::<trade::CancelBatch>("trade/cancel-batch", &[], &[]);
    check::<trade::CancelSymbolOrder>("trade/cancel-symbol-order", &[], &[]);
    check::<trade::ClosePositions>("trade/close-positions", &[], &[]);
    check::<trade::CountdownCancelAll>("trade/countdown-cancel-all", &[], &[]);
    check::<trade::OrderInfo>("trade/order-info", &[], &[]);
    check::<trade::UnfilledOrders>("trade/unfilled-orders", &[], &[]);
    check::<trade::HistoryOrders>("trade/history-orders", &[], &[]);
    check::<trade::Fills>("trade/fills", &[], &[]);
}

#[test]
fn strategy_and_position_endpoints_match_their_doc_pages() {
    check::<trade::PlaceStrategyOrder>("trade/place-strategy-order", &[], &[]);
    check::<trade::ModifyStrategyOrder>("trade/modify-strategy-order", &[], &[]);
    check::<trade::CancelStrategyOrder>("trade/cancel-strategy-order", &[], &[]);
    check::<trade::UnfilledStrategyOrders>("trade/unfilled-strategy-orders", &[], &[]);
    check::<trade::HistoryStrategyOrders>("trade/history-strategy-orders", &[], &[]);
    check::<position::CurrentPosition>("position/current-position", &[], &[]);
    check::<position::HistoryPosition>("position/history-position", &[], &[]);
    check::<position::AdlRank>("position/adlRank", &[], &[]);
}

#[test]
fn account_endpoints_match_their_doc_pages() {
    check::<account::Assets>("account/assets", &[], &[]);
    check::<account::Info>("account/info", &[], &[]);
    check::<account::Settings>("account/settings", &[], &[]);
    check::<account::SetLeverage>("account/set-leverage", &[], &[]);
    check::<account::SetHoldMode>("account/set-hold-mode", &[], &[]);
    check::<account::SetMargin>("account/set-margin", &[], &[]);
    check::<account::FeeRate>("account/fee-rate", &[], &[]);
    check::<account::FinancialRecords>("account/financial-records", &[], &[]);
    check::<account::FundingAssets>("account/funding-assets", &[], &[]);
    check::<account::Transfer>("account/transfer", &[], &[]);
    check::<account::MaxOpenAvailable>("account/max-open-available", &[], &[]);
}
