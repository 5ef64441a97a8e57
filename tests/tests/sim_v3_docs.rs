//! The simulator accepts what a client written from the v3 docs sends, from a Unified account:
//! each doc page's request example, read into its request type and sent through the real
//! client, reaches an endpoint (never 40404), whose parameter check knows every key (never
//! 40034) and types (never 40017/40019), and whose answer decodes into the documented type. An
//! example may meet a business refusal (placeholder ids, no position): the refusal is named
//! here. The examples the library refuses before sending are the doc slips listed here.

use bitget_core::{Client, Endpoint};
use bitget_endpoints::uta::{account, market, position, trade};
use serde::Serialize;
use serde::de::DeserializeOwned;

use bitget_tests::docs::Outcome;

async fn send<E>(client: &Client, name: &str, not_in_table: &[&str]) -> Outcome
where
    E: Endpoint + Serialize + DeserializeOwned,
{
    bitget_tests::docs::send::<E>(client, &format!("v3/{name}"), not_in_table).await
}

async fn sim() -> (bitget_sim::RunningSimulator, Client) {
    bitget_tests::docs::sim(true).await
}

#[tokio::test]
async fn every_market_example_is_answered_and_decodes() {
    let (_sim, c) = sim().await;
    use Outcome::Decoded as D;
    assert_eq!(
        send::<market::Instruments>(&c, "market/instruments", &[]).await,
        D
    );
    assert_eq!(send::<market::Tickers>(&c, "market/tickers", &[]).await, D);
    assert_eq!(
        send::<market::Orderbook>(&c, "market/orderbook", &[]).await,
        D
    );
    assert_eq!(send::<market::Candles>(&c, "market/candles", &[]).await, D);
    assert_eq!(
        send::<market::HistoryCandles>(&c, "market/history-candles", &[]).await,
        D
    );
    assert_eq!(send::<market::Fills>(&c, "market/fills", &[]).await, D);
    assert_eq!(
        send::<market::CurrentFundRate>(&c, "market/current-fund-rate", &[]).await,
        D
    );
    assert_eq!(
        send::<market::HistoryFundRate>(&c, "market/history-fund-rate", &[]).await,
        D
    );
    assert_eq!(
        send::<market::OpenInterest>(&c, "market/open-interest", &[]).await,
        D
    );
    assert_eq!(send::<market::OiLimit>(&c, "market/oi-limit", &[]).await, D);
    assert_eq!(
        send::<market::PositionTier>(&c, "market/position-tier", &[]).await,
        D
    );
}

#[tokio::test]
async fn every_trade_example_is_answered_or_refused_for_a_business_reason() {
    let (_sim, c) = sim().await;
    use Outcome::{Decoded as D, NotSent, Refused};
    let refused = |code: &str| Refused(code.to_owned());
    let outcomes = vec![
        (
            "place-order",
            send::<trade::PlaceOrder>(&c, "trade/place-order", &[]).await,
        ),
        (
            "place-batch",
            send::<trade::PlaceBatch>(&c, "trade/place-batch", &[]).await,
        ),
        (
            "modify-order",
            send::<trade::ModifyOrder>(&c, "trade/modify-order", &[]).await,
        ),
        (
            "batch-modify-order",
            send::<trade::BatchModifyOrder>(&c, "trade/batch-modify-order", &[]).await,
        ),
        (
            "cancel-order",
            send::<trade::CancelOrder>(&c, "trade/cancel-order", &[]).await,
        ),
        (
            "cancel-batch",
            send::<trade::CancelBatch>(&c, "trade/cancel-batch", &[]).await,
        ),
        (
            "cancel-symbol-order",
            send::<trade::CancelSymbolOrder>(&c, "trade/cancel-symbol-order", &[]).await,
        ),
        (
            "close-positions",
            send::<trade::ClosePositions>(&c, "trade/close-positions", &[]).await,
        ),
        (
            "countdown-cancel-all",
            send::<trade::CountdownCancelAll>(&c, "trade/countdown-cancel-all", &[]).await,
        ),
        (
            "order-info",
            send::<trade::OrderInfo>(&c, "trade/order-info", &[]).await,
        ),
        (
            "unfilled-orders",
            send::<trade::UnfilledOrders>(&c, "trade/unfilled-orders", &[]).await,
        ),
        (
            "history-orders",
            send::<trade::HistoryOrders>(&c, "trade/history-orders", &[]).await,
        ),
        ("fills", send::<trade::Fills>(&c, "trade/fills", &[]).await),
        (
            "place-strategy-order",
            send::<trade::PlaceStrategyOrder>(&c, "trade/place-strategy-order", &[]).await,
        ),
        (
            "modify-strategy-order",
            send::<trade::ModifyStrategyOrder>(&c, "trade/modify-strategy-order", &[]).await,
        ),
        (
            "cancel-strategy-order",
            send::<trade::CancelStrategyOrder>(&c, "trade/cancel-strategy-order", &[]).await,
        ),
        (
            "unfilled-strategy-orders",
            send::<trade::UnfilledStrategyOrders>(&c, "trade/unfilled-strategy-orders", &[]).await,
        ),
        (
            "history-strategy-orders",
            send::<trade::HistoryStrategyOrders>(&c, "trade/history-strategy-orders", &[]).await,
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
            send::<position::CurrentPosition>(&c, "position/current-position", &[]).await,
        ),
        (
            "history-position",
            send::<position::HistoryPosition>(&c, "position/history-position", &[]).await,
        ),
        (
            "adlRank",
            send::<position::AdlRank>(&c, "position/adlRank", &[]).await,
        ),
        (
            "assets",
            send::<account::Assets>(&c, "account/assets", &[]).await,
        ),
        ("info", send::<account::Info>(&c, "account/info", &[]).await),
        (
            "settings",
            send::<account::Settings>(&c, "account/settings", &[]).await,
        ),
        (
            "set-leverage",
            send::<account::SetLeverage>(&c, "account/set-leverage", &[]).await,
        ),
        (
            "set-hold-mode",
            send::<account::SetHoldMode>(&c, "account/set-hold-mode", &[]).await,
        ),
        (
            "set-margin",
            send::<account::SetMargin>(&c, "account/set-margin", &[]).await,
        ),
        (
            "fee-rate",
            send::<account::FeeRate>(&c, "account/fee-rate", &[]).await,
        ),
        (
            "financial-records",
            send::<account::FinancialRecords>(&c, "account/financial-records", &[]).await,
        ),
        (
            "funding-assets",
            send::<account::FundingAssets>(&c, "account/funding-assets", &[]).await,
        ),
        (
            "transfer",
            send::<account::Transfer>(&c, "account/transfer", &[]).await,
        ),
        (
            "max-open-available",
            send::<account::MaxOpenAvailable>(&c, "account/max-open-available", &[]).await,
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
