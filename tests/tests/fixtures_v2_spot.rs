//! Every declared v2 spot endpoint beyond the seed cancels against its doc page
//! (`tests/fixtures/v2/spot/`, each file naming the page): the request example reads into the
//! request type and serialises back equal; the response example decodes; every field of the
//! example and of the page's response table is one the answer type reads.

use bitget_endpoints::spot::{account, market, public, trade};
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
}

#[test]
fn account_endpoints_match_their_doc_pages() {
    check::<account::Assets>(&[], &[]);
}

#[test]
fn market_endpoints_match_their_doc_pages() {
    check::<market::Tickers>(&[], &[]);
    check::<public::Symbols>(&[], &[]);
}
