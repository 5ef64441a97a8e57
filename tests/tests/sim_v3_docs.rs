//! The simulator accepts what a client written from the v3 docs sends, from a Unified account:
//! each doc page's request example, read into its request type and sent through the real
//! client, reaches an endpoint (never 40404), whose parameter check knows every key (never
//! 40034) and types (never 40017/40019), and whose answer decodes into the documented type. An
//! example may meet a business refusal (placeholder ids, no position): the refusal is named
//! here. The examples the library refuses before sending are the doc slips listed here.

use bitget_core::Client;
use bitget_endpoints::uta::{account, market, position, trade};

use bitget_tests::docs::{Outcome, send};

async fn sim() -> (bitget_sim::RunningSimulator, Client) {
    bitget_tests::docs::sim(true).await
}

#[tokio::test]
async fn every_market_example_is_answered_and_decodes() {
    let (_sim, c) = sim().await;
    use Outcome::Decoded as D;
    assert_eq!(send::<market::Instruments>(&c, &[]).await, D);
    assert_eq!(send::<market::Tickers>(&c, &[]).await, D);
    assert_eq!(send::<market::Orderbook>(&c, &[]).await, D);
    assert_eq!(send::<market::Candles>(&c, &[]).await, D);
    assert_eq!(send::<market::HistoryCandles>(&c, &[]).await, D);
    assert_eq!(send::<market::Fills>(&c, &[]).await, D);
    assert_eq!(send::<market::CurrentFundRate>(&c, &[]).await, D);
    assert_eq!(send::<market::HistoryFundRate>(&c, &[]).await, D);
    assert_eq!(send::<market::OpenInterest>(&c, &[]).await, D);
    assert_eq!(send::<market::OiLimit>(&c, &[]).await, D);
    assert_eq!(send::<market::PositionTier>(&c, &[]).await, D);
}

#[tokio::test]
async fn every_trade_example_is_answered_or_refused_for_a_business_reason() {
    let (_sim, c) = sim().await;
    use Outcome::{Decoded as D, NotSent, Refused};
    let refused = |code: &str| Refused(code.to_owned());
    let outcomes = vec![
        ("place-order", send::<trade::PlaceOrder>(&c, &[]).await),
        ("place-batch", send::<trade::PlaceBatch>(&c, &[]).await),
        ("modify-order", send::<trade::ModifyOrder>(&c, &[]).await),
        (
            "batch-modify-order",
            send::<trade::BatchModifyOrder>(&c, &[]).await,
        ),
        ("cancel-order", send::<trade::CancelOrder>(&c, &[]).await),
        ("cancel-batch", send::<trade::CancelBatch>(&c, &[]).await),
        (
            "cancel-symbol-order",
            send::<trade::CancelSymbolOrder>(&c, &[]).await,
        ),
        (
            "close-positions",
            send::<trade::ClosePositions>(&c, &[]).await,
        ),
        (
            "countdown-cancel-all",
            send::<trade::CountdownCancelAll>(&c, &[]).await,
        ),
        ("order-info", send::<trade::OrderInfo>(&c, &[]).await),
        (
            "unfilled-orders",
            send::<trade::UnfilledOrders>(&c, &[]).await,
        ),
        (
            "history-orders",
            send::<trade::HistoryOrders>(&c, &[]).await,
        ),
        ("fills", send::<trade::Fills>(&c, &[]).await),
        (
            "place-strategy-order",
            send::<trade::PlaceStrategyOrder>(&c, &[]).await,
        ),
        (
            "modify-strategy-order",
            send::<trade::ModifyStrategyOrder>(&c, &[]).await,
        ),
        (
            "cancel-strategy-order",
            send::<trade::CancelStrategyOrder>(&c, &[]).await,
        ),
        (
            "unfilled-strategy-orders",
            send::<trade::UnfilledStrategyOrders>(&c, &[]).await,
        ),
        (
            "history-strategy-orders",
            send::<trade::HistoryStrategyOrders>(&c, &[]).await,
        ),
    ];
    let expected = vec![
        // A limit buy of BGB at 1.11 rests.
        ("place-order", D),
        // Answered item by item under 00000.
        ("place-batch", D),
        // Orders "1" and "2" do not exist (25204, per item in the batch).
        ("modify-order", refused("25204")),
        ("batch-modify-order", D),
        ("cancel-order", refused("25204")),
        ("cancel-batch", D),
        // The example cancels every spot order of the account: explicit in the builder, which the
        // example (no symbol) can only be through `cancel_all_in_category()`; read from JSON it
        // is refused before sending, as the dangerous default must be.
        ("cancel-symbol-order", NotSent),
        // Likewise: close every position of the line.
        ("close-positions", NotSent),
        ("countdown-cancel-all", D),
        ("order-info", refused("25204")),
        ("unfilled-orders", D),
        ("history-orders", D),
        ("fills", D),
        // No position to protect.
        ("place-strategy-order", refused("22002")),
        ("modify-strategy-order", refused("25204")),
        ("cancel-strategy-order", refused("25204")),
        ("unfilled-strategy-orders", D),
        ("history-strategy-orders", D),
    ];
    assert_eq!(outcomes, expected);
}

#[tokio::test]
async fn every_position_and_account_example_is_answered_or_refused_for_a_business_reason() {
    let (_sim, c) = sim().await;
    use Outcome::{Decoded as D, Refused};
    let refused = |code: &str| Refused(code.to_owned());
    let outcomes = vec![
        (
            "current-position",
            send::<position::CurrentPosition>(&c, &[]).await,
        ),
        (
            "history-position",
            send::<position::HistoryPosition>(&c, &[]).await,
        ),
        ("adlRank", send::<position::AdlRank>(&c, &[]).await),
        ("assets", send::<account::Assets>(&c, &[]).await),
        ("info", send::<account::Info>(&c, &[]).await),
        ("settings", send::<account::Settings>(&c, &[]).await),
        ("set-leverage", send::<account::SetLeverage>(&c, &[]).await),
        ("set-hold-mode", send::<account::SetHoldMode>(&c, &[]).await),
        ("set-margin", send::<account::SetMargin>(&c, &[]).await),
        ("fee-rate", send::<account::FeeRate>(&c, &[]).await),
        (
            "financial-records",
            send::<account::FinancialRecords>(&c, &[]).await,
        ),
        (
            "funding-assets",
            send::<account::FundingAssets>(&c, &[]).await,
        ),
        ("transfer", send::<account::Transfer>(&c, &[]).await),
        (
            "max-open-available",
            send::<account::MaxOpenAvailable>(&c, &[]).await,
        ),
    ];
    let expected = vec![
        ("current-position", D),
        ("history-position", D),
        ("adlRank", D),
        ("assets", D),
        ("info", D),
        ("settings", D),
        ("set-leverage", D),
        ("set-hold-mode", D),
        // Margin moves only in isolated mode, on an open position.
        ("set-margin", refused("45117")),
        ("fee-rate", D),
        ("financial-records", D),
        ("funding-assets", D),
        // Nothing in the spot pool to move to P2P.
        ("transfer", refused("43012")),
        ("max-open-available", D),
    ];
    assert_eq!(outcomes, expected);
}

#[test]
fn every_declared_endpoint_has_its_example_sent_here() {
    bitget_tests::docs::assert_sends_every_endpoint(
        bitget_endpoints::inventory::Family::Uta,
        include_str!("sim_v3_docs.rs"),
        &[],
    );
}
