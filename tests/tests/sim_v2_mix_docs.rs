//! The simulator accepts what a client written from the docs sends: each v2 futures doc page's
//! request example, read into its request type and sent through the real client (signed,
//! limited, validated), reaches an endpoint of the simulator (never 40404), whose parameter
//! check knows every key (never 40034), and whose answer decodes into the documented answer
//! type. An example may meet a business refusal (its order ids are placeholders, there is no
//! position to close): then the refusal must be one a real exchange gives for that reason.
//! The examples the library refuses before sending are the doc slips listed here.

use bitget_core::Client;
use bitget_endpoints::mix::{account, market, order, position};

use bitget_tests::docs::{Outcome, send};

async fn sim() -> (bitget_sim::RunningSimulator, Client) {
    bitget_tests::docs::sim(false).await
}

#[tokio::test]
async fn every_market_example_is_answered_and_decodes() {
    let (_sim, c) = sim().await;
    use Outcome::Decoded as D;
    assert_eq!(send::<market::Contracts>(&c, &[]).await, D);
    assert_eq!(send::<market::Ticker>(&c, &[]).await, D);
    assert_eq!(send::<market::Tickers>(&c, &[]).await, D);
    assert_eq!(send::<market::MergeDepth>(&c, &[]).await, D);
    assert_eq!(send::<market::Candles>(&c, &[]).await, D);
    assert_eq!(send::<market::HistoryCandles>(&c, &[]).await, D);
    assert_eq!(send::<market::HistoryIndexCandles>(&c, &[]).await, D);
    assert_eq!(send::<market::HistoryMarkCandles>(&c, &[]).await, D);
    assert_eq!(send::<market::Fills>(&c, &[]).await, D);
    assert_eq!(send::<market::FillsHistory>(&c, &[]).await, D);
    assert_eq!(send::<market::OpenInterest>(&c, &[]).await, D);
    assert_eq!(send::<market::FundingTime>(&c, &[]).await, D);
    assert_eq!(send::<market::SymbolPrice>(&c, &[]).await, D);
    assert_eq!(send::<market::CurrentFundRate>(&c, &[]).await, D);
    assert_eq!(send::<market::HistoryFundRate>(&c, &[]).await, D);
    assert_eq!(send::<market::QueryPositionLever>(&c, &[]).await, D);
}

#[tokio::test]
async fn every_order_example_is_answered_or_refused_for_a_business_reason() {
    let (_sim, c) = sim().await;
    use Outcome::{Decoded as D, NotSent, Refused};
    let refused = |code: &str| Refused(code.to_owned());
    let outcomes = vec![
        ("place-order", send::<order::PlaceOrder>(&c, &[]).await),
        // The example sends `ethusdt`/`usdt`: the margin coin must be capitalised.
        (
            "click-backhand",
            send::<order::ClickBackhand>(&c, &[]).await,
        ),
        (
            "batch-place-order",
            send::<order::BatchPlaceOrder>(&c, &[]).await,
        ),
        ("modify-order", send::<order::ModifyOrder>(&c, &[]).await),
        ("cancel-order", send::<order::CancelOrder>(&c, &[]).await),
        (
            "batch-cancel-orders",
            send::<order::BatchCancelOrders>(&c, &[]).await,
        ),
        (
            "cancel-all-orders",
            send::<order::CancelAllOrders>(&c, &[]).await,
        ),
        (
            "cancel-plan-order",
            send::<order::CancelPlanOrder>(&c, &[]).await,
        ),
        (
            "close-positions",
            send::<order::ClosePositions>(&c, &[]).await,
        ),
        ("detail", send::<order::Detail>(&c, &[]).await),
        ("fills", send::<order::Fills>(&c, &[]).await),
        ("fill-history", send::<order::FillHistory>(&c, &[]).await),
        (
            "orders-pending",
            send::<order::OrdersPending>(&c, &[]).await,
        ),
        (
            "orders-history",
            send::<order::OrdersHistory>(&c, &[]).await,
        ),
        (
            "place-tpsl-order",
            send::<order::PlaceTpslOrder>(&c, &[]).await,
        ),
        ("place-pos-tpsl", send::<order::PlacePosTpsl>(&c, &[]).await),
        (
            "modify-tpsl-order",
            send::<order::ModifyTpslOrder>(&c, &[]).await,
        ),
        (
            "place-plan-order",
            send::<order::PlacePlanOrder>(&c, &["presetStopSurplusPrice", "presetStopLossPrice"])
                .await,
        ),
        (
            "modify-plan-order",
            send::<order::ModifyPlanOrder>(&c, &[]).await,
        ),
        (
            "orders-plan-pending",
            send::<order::OrdersPlanPending>(&c, &[]).await,
        ),
        (
            "orders-plan-history",
            send::<order::OrdersPlanHistory>(&c, &[]).await,
        ),
        ("plan-sub-order", send::<order::PlanSubOrder>(&c, &[]).await),
    ];
    let expected = vec![
        // The example opens a short with `tradeSide=open`: hedge mode's field, refused on this
        // one-way account (40774), as the page's zh revision says.
        ("place-order", refused("40774")),
        ("click-backhand", NotSent),
        // A market buy in an empty book finds no liquidity, reported per item under 00000.
        ("batch-place-order", D),
        // Order "1" does not exist.
        ("modify-order", refused("40768")),
        ("cancel-order", refused("40768")),
        // Unknown ids fail item by item under 00000; cancel-all on an empty account cancels
        // nothing and succeeds.
        ("batch-cancel-orders", D),
        ("cancel-all-orders", D),
        ("cancel-plan-order", D),
        // No position: nothing to close, an empty answer.
        ("close-positions", D),
        ("detail", refused("40109")),
        ("fills", D),
        ("fill-history", D),
        ("orders-pending", D),
        ("orders-history", D),
        // `ethusdt` is fine as a symbol; the holdSide `long` is hedge mode's, refused in one-way
        // mode.
        ("place-tpsl-order", refused("40774")),
        ("place-pos-tpsl", refused("40774")),
        // TP/SL order "1" does not exist.
        ("modify-tpsl-order", refused("43025")),
        // `tradeSide=open` again, on a one-way account.
        ("place-plan-order", refused("40774")),
        ("modify-plan-order", refused("43025")),
        ("orders-plan-pending", D),
        ("orders-plan-history", D),
        ("plan-sub-order", refused("40109")),
    ];
    assert_eq!(outcomes, expected);
}

#[tokio::test]
async fn every_position_and_account_example_is_answered_or_refused_for_a_business_reason() {
    let (_sim, c) = sim().await;
    use Outcome::{Decoded as D, NotSent};
    let outcomes = vec![
        (
            "single-position",
            send::<position::SinglePosition>(&c, &[]).await,
        ),
        ("all-position", send::<position::AllPosition>(&c, &[]).await),
        (
            "history-position",
            send::<position::HistoryPosition>(&c, &[]).await,
        ),
        ("account", send::<account::Account>(&c, &[]).await),
        ("accounts", send::<account::Accounts>(&c, &[]).await),
        ("set-leverage", send::<account::SetLeverage>(&c, &[]).await),
        ("set-margin", send::<account::SetMargin>(&c, &[]).await),
        (
            "set-margin-mode",
            send::<account::SetMarginMode>(&c, &[]).await,
        ),
        (
            "set-position-mode",
            send::<account::SetPositionMode>(&c, &[]).await,
        ),
        ("bill", send::<account::Bill>(&c, &[]).await),
        (
            "max-open",
            send::<account::MaxOpen>(&c, &["openAmount"]).await,
        ),
    ];
    let expected = vec![
        ("single-position", D),
        ("all-position", D),
        ("history-position", D),
        // The examples send `usdt`: Bitget asks for capitals, and the library does too.
        ("account", NotSent),
        ("accounts", D),
        ("set-leverage", NotSent),
        ("set-margin", NotSent),
        ("set-margin-mode", NotSent),
        ("set-position-mode", D),
        ("bill", D),
        ("max-open", D),
    ];
    assert_eq!(outcomes, expected);
}

#[test]
fn every_declared_endpoint_has_its_example_sent_here() {
    bitget_tests::docs::assert_sends_every_endpoint(
        bitget_endpoints::inventory::Family::Mix,
        include_str!("sim_v2_mix_docs.rs"),
        &[],
    );
}
