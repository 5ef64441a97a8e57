//! An emergency stop on the simulator: Bitget's shortcuts leave orders behind (cancel-plan-order
//! without `planType` cancels trigger orders only; orders-pending without a status lists no
//! partly filled order), and the `stop` calls leave nothing, reporting per order.

use bitget_core::{Client, Credentials, Decimal, Error};
use bitget_endpoints::PositionMode;
use bitget_endpoints::bulk::Outcome;
use bitget_endpoints::mix::order::{
    CancelPlanOrder, OrdersPending, PlaceOrder, PlacePlanOrder, PlaceTpslOrder,
};
use bitget_endpoints::mix::{
    MarginMode, OrderStatus, OrderType, ProductType, TpslHoldSide, TpslPlanType, TriggerPlanType,
    TriggerType,
};
use bitget_endpoints::{stop, uta};
use bitget_sim::{Account, RunningSimulator, Simulator};

const USDT: ProductType = ProductType::UsdtFutures;

async fn sim() -> RunningSimulator {
    Simulator::builder()
        .account(Account::new("bot", "bot-s", "bot-p"))
        .account(Account::new("mm", "mm-s", "mm-p"))
        .account(Account::new("uta", "uta-s", "uta-p").unified(true))
        .account(Account::new("umm", "umm-s", "umm-p").unified(true))
        .without_rate_limits()
        .start()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

fn client(sim: &RunningSimulator, key: &str, secret: &str, pass: &str) -> Client {
    Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new(key, secret, pass))
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn order(
    long: bool,
) -> bitget_endpoints::mix::order::PlaceOrderBuilder<bitget_endpoints::mix::Side> {
    if long {
        PlaceOrder::open_long(PositionMode::OneWay)
    } else {
        PlaceOrder::open_short(PositionMode::OneWay)
    }
}

/// A long of 0.02 BTC, an order partly filled (0.03 of 0.1), and a trigger order of each kind:
/// trigger, trailing trigger, partial take profit, trailing stop, whole-position stop loss.
async fn a_futures_bot_with_everything_open(bot: &Client, mm: &Client) -> Result<(), Error> {
    let common =
        |b: bitget_endpoints::mix::order::PlaceOrderBuilder<bitget_endpoints::mix::Side>| {
            b.symbol("BTCUSDT")
                .product_type(USDT)
                .margin_mode(MarginMode::Crossed)
                .margin_coin("USDT")
        };
    common(order(false))
        .size("0.05")
        .price(60_010)
        .order_type(OrderType::Limit)
        .send(mm)
        .await?;
    common(order(true))
        .size("0.02")
        .order_type(OrderType::Market)
        .send(bot)
        .await?;
    common(order(true))
        .size("0.1")
        .price(60_010)
        .order_type(OrderType::Limit)
        .send(bot)
        .await?;
    for (kind, ratio) in [
        (TriggerPlanType::NormalPlan, None),
        (TriggerPlanType::TrackPlan, Some(Decimal::from(2))),
    ] {
        let b = PlacePlanOrder::open_long(PositionMode::OneWay)
            .plan_type(kind)
            .symbol("BTCUSDT")
            .product_type(USDT)
            .margin_mode(MarginMode::Crossed)
            .margin_coin("USDT")
            .size("0.01")
            .trigger_price(70_000)
            .trigger_type(TriggerType::MarkPrice)
            .order_type(OrderType::Market);
        match ratio {
            Some(r) => b.callback_ratio(r).send(bot).await?,
            None => b.send(bot).await?,
        };
    }
    for (kind, price) in [
        (TpslPlanType::ProfitPlan, 65_000),
        (TpslPlanType::MovingPlan, 55_000),
        (TpslPlanType::PosLoss, 50_000),
    ] {
        let b = PlaceTpslOrder::builder()
            .margin_coin("USDT")
            .product_type(USDT)
            .symbol("BTCUSDT")
            .plan_type(kind.clone())
            .trigger_price(price)
            .trigger_type(TriggerType::MarkPrice)
            .hold_side(TpslHoldSide::Buy);
        match kind {
            TpslPlanType::PosLoss => b.send(bot).await?,
            TpslPlanType::MovingPlan => b.size("0.01").range_rate(1).send(bot).await?,
            _ => b.size("0.01").send(bot).await?,
        };
    }
    Ok(())
}

#[tokio::test]
async fn bitgets_shortcuts_leave_orders_behind_and_the_stop_calls_leave_none() -> Result<(), Error>
{
    let sim = sim().await;
    let (bot, mm) = (
        client(&sim, "bot", "bot-s", "bot-p"),
        client(&sim, "mm", "mm-s", "mm-p"),
    );
    a_futures_bot_with_everything_open(&bot, &mm).await?;
    assert_eq!(
        stop::open_futures_triggers(&bot, USDT, None).await?.len(),
        5
    );

    // Open orders: the default listing leaves the partly filled order out.
    let default_listing = OrdersPending::builder()
        .product_type(USDT)
        .build()?
        .send(&bot)
        .await?;
    assert!(
        default_listing.entrusted_list.is_empty(),
        "{default_listing:?}"
    );
    let open = stop::open_futures_orders(&bot, USDT, None).await?;
    assert_eq!(open.len(), 1, "{open:?}");
    assert_eq!(open[0].status, OrderStatus::PartiallyFilled);

    // cancel-plan-order without planType: the trigger order only, as the doc page says.
    let cancelled = CancelPlanOrder::builder()
        .cancel_all_plan_orders()
        .product_type(USDT)
        .build()?
        .send(&bot)
        .await?;
    assert_eq!(cancelled.success_list.len(), 1, "{cancelled:?}");
    let left = stop::open_futures_triggers(&bot, USDT, None).await?;
    let mut kinds: Vec<_> = left.iter().map(|o| o.plan_type.as_str()).collect();
    kinds.sort_unstable();
    assert_eq!(
        kinds,
        ["moving_plan", "pos_loss", "profit_plan", "track_plan"]
    );

    // The stop: every kind, one outcome per order, nothing left.
    let report = stop::cancel_every_futures_trigger(&bot, USDT, None).await?;
    assert_eq!(report.outcomes.len(), 4, "{report:?}");
    assert!(
        report
            .outcomes
            .iter()
            .all(|(_, o)| matches!(o, Outcome::Cancelled)),
        "{report:?}"
    );
    let mut reported: Vec<_> = report
        .outcomes
        .iter()
        .map(|(id, _)| id.to_string())
        .collect();
    let mut listed: Vec<_> = left
        .iter()
        .map(|o| format!("orderId {}", o.order_id))
        .collect();
    reported.sort();
    listed.sort();
    assert_eq!(reported, listed, "each listed order reported");
    assert!(
        stop::open_futures_triggers(&bot, USDT, None)
            .await?
            .is_empty()
    );
    Ok(())
}

#[tokio::test]
async fn every_strategy_order_of_a_unified_account_is_cancelled_one_by_one() -> Result<(), Error> {
    let sim = sim().await;
    let (bot, mm) = (
        client(&sim, "uta", "uta-s", "uta-p"),
        client(&sim, "umm", "umm-s", "umm-p"),
    );
    let line = uta::Category::UsdtFutures;
    uta::trade::PlaceOrder::open_short(PositionMode::OneWay)
        .category(line.clone())
        .symbol("BTCUSDT")
        .qty(1)
        .price(60_010)
        .order_type(uta::OrderType::Limit)
        .send(&mm)
        .await?;
    uta::trade::PlaceOrder::open_long(PositionMode::OneWay)
        .category(line.clone())
        .symbol("BTCUSDT")
        .qty("0.02")
        .order_type(uta::OrderType::Market)
        .send(&bot)
        .await?;
    for (coid, stop_loss) in [("s-1", 40_000), ("s-2", 41_000)] {
        uta::trade::PlaceStrategyOrder::builder()
            .category(line.clone())
            .symbol("BTCUSDT")
            .client_oid(coid)
            .stop_loss(Decimal::from(stop_loss))
            .send(&bot)
            .await?;
    }
    assert_eq!(
        stop::open_strategy_orders(&bot, line.clone()).await?.len(),
        2
    );
    let report = stop::cancel_every_strategy_order(&bot, line.clone()).await?;
    assert_eq!(report.outcomes.len(), 2, "{report:?}");
    assert!(report.all_cancelled(), "{report:?}");
    assert!(stop::open_strategy_orders(&bot, line).await?.is_empty());
    Ok(())
}
