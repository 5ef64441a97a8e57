//! The simulator accepts what a client written from the spot doc pages sends: each page's
//! request example, read into its request type and sent through the real client, reaches an
//! endpoint (never 40404), whose parameter check knows every key (never 40034), and whose
//! answer decodes into the documented answer type.

use bitget_endpoints::spot::{account, market, public, trade};
use bitget_tests::docs::{Outcome, send};

#[tokio::test]
async fn every_trade_example_is_answered_and_decodes() {
    let (_sim, c) = bitget_tests::docs::sim(false).await;
    use Outcome::Decoded as D;
    // A limit buy of 1 BTC at 23222.5: it rests, and orderInfo of an unknown id is an empty list.
    assert_eq!(send::<trade::PlaceOrder>(&c, &[]).await, D);
    assert_eq!(send::<trade::OrderInfo>(&c, &[]).await, D);
    assert_eq!(send::<trade::UnfilledOrders>(&c, &[]).await, D);
    assert_eq!(send::<trade::HistoryOrders>(&c, &[]).await, D);
    assert_eq!(send::<trade::Fills>(&c, &[]).await, D);
    assert_eq!(send::<trade::BatchOrders>(&c, &[]).await, D);
    assert_eq!(send::<trade::CancelSymbolOrder>(&c, &[]).await, D);
    // The example names a placeholder order: refused as unknown, with Bitget's code.
    assert_eq!(
        send::<trade::CancelReplaceOrder>(&c, &[]).await,
        Outcome::Refused("43001".into())
    );
    assert_eq!(send::<account::Assets>(&c, &[]).await, D);
    assert_eq!(send::<market::Tickers>(&c, &[]).await, D);
    assert_eq!(send::<public::Symbols>(&c, &[]).await, D);
}
