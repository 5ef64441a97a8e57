//! The simulator accepts what a client written from the spot doc pages sends: each page's
//! request example, read into its request type and sent through the real client, reaches an
//! endpoint (never 40404), whose parameter check knows every key (never 40034), and whose
//! answer decodes into the documented answer type.

use bitget_endpoints::spot::{account, market, public, trade, wallet};
use bitget_tests::docs::{Outcome, send};

#[tokio::test]
async fn every_trade_example_is_answered_and_decodes() {
    let (_sim, c) = bitget_tests::docs::sim(false).await;
    use Outcome::Decoded as D;
    let unknown = || Outcome::Refused("43001".into());
    // A limit buy of 1 BTC at 23222.5: it rests, and orderInfo of an unknown id is an empty list.
    assert_eq!(send::<trade::PlaceOrder>(&c, &[]).await, D);
    assert_eq!(send::<trade::OrderInfo>(&c, &[]).await, D);
    assert_eq!(send::<trade::UnfilledOrders>(&c, &[]).await, D);
    assert_eq!(send::<trade::HistoryOrders>(&c, &[]).await, D);
    assert_eq!(send::<trade::Fills>(&c, &[]).await, D);
    assert_eq!(send::<trade::BatchOrders>(&c, &[]).await, D);
    assert_eq!(send::<trade::CancelSymbolOrder>(&c, &[]).await, D);
    // The examples name placeholder orders: refused as unknown, with Bitget's code (the batch
    // answers each item's failure under 00000).
    assert_eq!(send::<trade::CancelReplaceOrder>(&c, &[]).await, unknown());
    assert_eq!(send::<trade::BatchCancelReplaceOrder>(&c, &[]).await, D);
    assert_eq!(send::<trade::CancelOrder>(&c, &[]).await, unknown());
    // The one item's order is unknown: a failure item under 00000.
    assert_eq!(send::<trade::BatchCancelOrder>(&c, &[]).await, D);
    assert_eq!(send::<account::Assets>(&c, &[]).await, D);
    assert_eq!(send::<account::Info>(&c, &[]).await, D);
    assert_eq!(send::<account::Bills>(&c, &[]).await, D);
    assert_eq!(send::<wallet::Transfer>(&c, &[]).await, D);
}

#[tokio::test]
async fn every_plan_example_is_answered_and_decodes() {
    let (_sim, c) = bitget_tests::docs::sim(false).await;
    use Outcome::Decoded as D;
    let unknown = || Outcome::Refused("43001".into());
    // The page's example sends `triggerType: "market_price"`, not a value its table lists.
    assert_eq!(
        send::<trade::PlacePlanOrder>(&c, &[]).await,
        Outcome::NotSent
    );
    assert_eq!(send::<trade::ModifyPlanOrder>(&c, &[]).await, unknown());
    assert_eq!(send::<trade::CancelPlanOrder>(&c, &[]).await, unknown());
    assert_eq!(send::<trade::CurrentPlanOrder>(&c, &[]).await, D);
    assert_eq!(send::<trade::HistoryPlanOrder>(&c, &[]).await, D);
    assert_eq!(send::<trade::PlanSubOrders>(&c, &[]).await, unknown());
    assert_eq!(send::<trade::BatchCancelPlanOrder>(&c, &[]).await, D);
}

#[tokio::test]
async fn every_market_example_is_answered_and_decodes() {
    let (_sim, c) = bitget_tests::docs::sim(false).await;
    use Outcome::Decoded as D;
    assert_eq!(send::<market::Tickers>(&c, &[]).await, D);
    assert_eq!(send::<public::Symbols>(&c, &[]).await, D);
    assert_eq!(send::<public::Coins>(&c, &[]).await, D);
    // The page's example sends `limit=100`, not one of its values (1, 5, 15, 50, max).
    assert_eq!(send::<market::MergeDepth>(&c, &[]).await, Outcome::NotSent);
    assert_eq!(send::<market::Orderbook>(&c, &[]).await, D);
    assert_eq!(send::<market::Candles>(&c, &[]).await, D);
    assert_eq!(send::<market::HistoryCandles>(&c, &[]).await, D);
    assert_eq!(send::<market::Fills>(&c, &[]).await, D);
    assert_eq!(send::<market::FillsHistory>(&c, &[]).await, D);
}

#[test]
fn every_declared_endpoint_has_its_example_sent_here() {
    bitget_tests::docs::assert_sends_every_endpoint(
        bitget_endpoints::inventory::Family::Spot,
        include_str!("sim_v2_spot_docs.rs"),
        &[],
    );
}
