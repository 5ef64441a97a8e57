//! A futures bot's day on the simulator, through the real client and only the declared
//! endpoints: contracts and leverage, a long opened in one-way mode and in hedge mode with the
//! fill, the position and the balance seen, TP/SL and trigger orders firing when the mark price
//! crosses, an order modified, history paged, and everything flattened.

use bitget_core::{Client, Credentials, Decimal};
use bitget_endpoints::instrument::{Line, Rounding, Rulebook, Side as RuleSide};
use bitget_endpoints::mix::account::{Accounts, SetLeverage, SetPositionMode};
use bitget_endpoints::mix::market::{Contracts, MergeDepth, Ticker};
use bitget_endpoints::mix::order::{
    CancelOrder, ClosePositions, Detail, Fills, ModifyOrder, OrdersHistory, OrdersPending,
    OrdersPlanHistory, OrdersPlanPending, PlaceOrder, PlacePlanOrder, PlaceTpslOrder, PositionMode,
};
use bitget_endpoints::mix::position::{AllPosition, HistoryPosition, SinglePosition};
use bitget_endpoints::mix::{
    Force, HoldSide, MarginMode, OrderStatus, OrderType, PlanFilter, PlanStatus, PosMode,
    ProductType, TpslHoldSide, TpslPlanType, TriggerPlanType, TriggerType,
};
use bitget_sim::{Account, RunningSimulator, Simulator};

const USDT: ProductType = ProductType::UsdtFutures;

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|e| panic!("{e}"))
}

fn ok<T, E: std::fmt::Display>(r: Result<T, E>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

async fn sim() -> RunningSimulator {
    ok(Simulator::builder()
        .account(Account::new("bot", "bot-s", "bot-p"))
        .account(Account::new("hedger", "hg-s", "hg-p"))
        .account(Account::new("maker", "mk-s", "mk-p"))
        .without_rate_limits()
        .start()
        .await)
}

fn client(sim: &RunningSimulator, key: &str, secret: &str, pass: &str) -> Client {
    ok(Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new(key, secret, pass))
        .build())
}

/// The market maker quotes around 60000: bids at 59990 and 59980, asks at 60010 and 60020,
/// 5 BTC each, through the same library.
async fn quote(maker: &Client) -> Result<(), bitget_core::Error> {
    for (price, long) in [
        ("59990", true),
        ("59980", true),
        ("60010", false),
        ("60020", false),
    ] {
        let open = if long {
            PlaceOrder::open_long(PositionMode::OneWay)
        } else {
            PlaceOrder::open_short(PositionMode::OneWay)
        };
        ok(open
            .symbol("BTCUSDT")
            .product_type(USDT)
            .margin_mode(MarginMode::Crossed)
            .margin_coin("USDT")
            .size(5)
            .price(price)
            .order_type(OrderType::Limit)
            .force(Force::Gtc)
            .build()?
            .send(maker)
            .await);
    }
    Ok(())
}

fn set_mark(sim: &RunningSimulator, price: &str) {
    let id = ok(sim.ensure_futures("USDT-FUTURES", "BTCUSDT"));
    sim.with_exchange(|ex| ex.set_mark_price(&id, d(price)));
}

#[tokio::test]
async fn a_one_way_bot_opens_protects_modifies_pages_and_flattens() -> Result<(), bitget_core::Error>
{
    let sim = sim().await;
    let (bot, maker) = (
        client(&sim, "bot", "bot-s", "bot-p"),
        client(&sim, "maker", "mk-s", "mk-p"),
    );
    quote(&maker).await?;
    set_mark(&sim, "60000");

    // The contract's rules, the book and the ticker.
    let contracts = ok(Contracts::builder()
        .product_type(USDT)
        .symbol("BTCUSDT")
        .build()?
        .send(&bot)
        .await);
    assert_eq!(contracts[0].tick_size(), d("0.1"));
    assert_eq!(contracts[0].size_step(), d("0.001"));
    let book = ok(MergeDepth::builder()
        .symbol("BTCUSDT")
        .product_type(USDT)
        .build()?
        .send(&bot)
        .await);
    assert_eq!(
        (book.bids[0].price, book.asks[0].price),
        (d("59990"), d("60010"))
    );
    let ticker = ok(Ticker::builder()
        .symbol("BTCUSDT")
        .product_type(USDT)
        .build()?
        .send(&bot)
        .await);
    assert_eq!(ticker[0].mark_price, Some(d("60000")));

    ok(SetLeverage::builder()
        .symbol("BTCUSDT")
        .product_type(USDT)
        .margin_coin("USDT")
        .leverage(20)
        .build()?
        .send(&bot)
        .await);
    let before = ok(Accounts::builder()
        .product_type(USDT)
        .build()?
        .send(&bot)
        .await);

    // The bot's orders are rounded to the contract's rules and checked against them before
    // they are sent.
    let rulebook = Rulebook::new(&bot);
    let rules = rulebook.rules(&Line::Futures(USDT), "BTCUSDT").await?;

    // Open a long at market: it takes the maker's best ask. 0.50049 is not on the 0.001 step:
    // rounded down, 0.5.
    let size = ok(rules.round_size(d("0.50049"), Rounding::Down));
    assert_eq!(size, d("0.5"));
    let opened = ok(rulebook
        .send(
            &PlaceOrder::open_long(PositionMode::OneWay)
                .symbol("BTCUSDT")
                .product_type(USDT)
                .margin_mode(MarginMode::Crossed)
                .margin_coin("USDT")
                .size(size)
                .order_type(OrderType::Market)
                .client_oid("open-1")
                .build()?,
        )
        .await);
    let order_id = opened.order_id.clone().unwrap_or_default();
    let detail = ok(Detail::builder()
        .symbol("BTCUSDT")
        .product_type(USDT)
        .order_id(order_id.as_str())
        .build()?
        .send(&bot)
        .await);
    assert_eq!(
        (detail.status, detail.base_volume, detail.price_avg),
        (OrderStatus::Filled, Some(d("0.5")), Some(d("60010")))
    );
    let fills = ok(Fills::builder()
        .product_type(USDT)
        .order_id(order_id.as_str())
        .build()?
        .send(&bot)
        .await);
    assert_eq!(fills.fill_list.len(), 1);
    assert_eq!(
        (fills.fill_list[0].price, fills.fill_list[0].base_volume),
        (d("60010"), d("0.5"))
    );
    let positions = ok(AllPosition::builder()
        .product_type(USDT)
        .build()?
        .send(&bot)
        .await);
    assert_eq!(positions.len(), 1);
    assert_eq!(
        (
            positions[0].hold_side.clone(),
            positions[0].total,
            positions[0].open_price_avg
        ),
        (HoldSide::Long, d("0.5"), Some(d("60010")))
    );
    assert_eq!(positions[0].leverage, Some(d("20")));
    let after = ok(Accounts::builder()
        .product_type(USDT)
        .build()?
        .send(&bot)
        .await);
    // 0.5 × 60010 at 20× holds 1500.25 of margin; the taker fee is 0.06%: 18.003.
    assert_eq!(
        before[0].available - after[0].available,
        d("1500.25") + d("18.003")
    );

    // Protect it: take profit at 61000, stop loss at 55000, whole position, on the mark price.
    for (plan, price) in [
        (TpslPlanType::PosProfit, "61000"),
        (TpslPlanType::PosLoss, "55000"),
    ] {
        ok(PlaceTpslOrder::builder()
            .margin_coin("USDT")
            .product_type(USDT)
            .symbol("BTCUSDT")
            .plan_type(plan)
            .trigger_price(price)
            .trigger_type(TriggerType::MarkPrice)
            .hold_side(TpslHoldSide::Buy)
            .build()?
            .send(&bot)
            .await);
    }
    let single = ok(SinglePosition::builder()
        .product_type(USDT)
        .symbol("BTCUSDT")
        .margin_coin("USDT")
        .build()?
        .send(&bot)
        .await);
    assert_eq!(
        (single[0].take_profit, single[0].stop_loss),
        (Some(d("61000")), Some(d("55000")))
    );
    let pending = ok(OrdersPlanPending::builder()
        .plan_type(PlanFilter::ProfitLoss)
        .product_type(USDT)
        .build()?
        .send(&bot)
        .await);
    assert_eq!(pending.entrusted_list.len(), 2);

    // The mark rises through 61000: the take profit sells the position into the maker's bid.
    set_mark(&sim, "61000");
    let positions = ok(AllPosition::builder()
        .product_type(USDT)
        .build()?
        .send(&bot)
        .await);
    assert!(positions.is_empty(), "{positions:?}");
    let history = ok(OrdersPlanHistory::builder()
        .plan_type(PlanFilter::ProfitLoss)
        .product_type(USDT)
        .build()?
        .send(&bot)
        .await);
    let executed: Vec<_> = history
        .entrusted_list
        .iter()
        .filter(|p| p.plan_status == Some(PlanStatus::Executed))
        .collect();
    assert_eq!(executed.len(), 1, "{history:?}");
    assert_eq!(executed[0].plan_type, "pos_profit");
    // The closing order says what placed it, and the trigger names the order it placed.
    let fired = executed[0]
        .execute_order_id
        .clone()
        .unwrap_or_else(|| panic!("an executed trigger names its order: {history:?}"));
    let closing = ok(Detail::builder()
        .symbol("BTCUSDT")
        .product_type(USDT)
        .order_id(fired)
        .build()?
        .send(&bot)
        .await);
    assert_eq!(closing.order_source.as_deref(), Some("pos_profit_market"));
    // The stop loss belonged to the closed position: cancelled with it.
    let cancelled: Vec<_> = history
        .entrusted_list
        .iter()
        .filter(|p| p.plan_status == Some(PlanStatus::Cancelled))
        .collect();
    assert_eq!(
        (cancelled.len(), cancelled[0].plan_type.as_str()),
        (1, "pos_loss"),
        "{history:?}"
    );
    assert!(
        ok(OrdersPlanPending::builder()
            .plan_type(PlanFilter::ProfitLoss)
            .product_type(USDT)
            .build()?
            .send(&bot)
            .await)
        .entrusted_list
        .is_empty()
    );
    let closed = ok(HistoryPosition::builder()
        .symbol("BTCUSDT")
        .build()?
        .send(&bot)
        .await);
    assert_eq!(closed.list.len(), 1);
    // Bought at 60010, sold at the 59990 bid.
    assert_eq!(closed.list[0].pnl, Some(d("-10")));
    assert_eq!(closed.list[0].open_avg_price, Some(d("60010")));
    assert_eq!(closed.list[0].close_avg_price, Some(d("59990")));
    // Both fills took liquidity at 0.06%: 0.5 × 60010 and 0.5 × 59990; net of them, -46.
    assert_eq!(
        (closed.list[0].open_fee, closed.list[0].close_fee),
        (Some(d("-18.003")), Some(d("-17.997")))
    );
    assert_eq!(closed.list[0].net_profit, Some(d("-46")));

    // A trigger order: open a long at market when the mark falls to 59000.
    ok(PlacePlanOrder::open_long(PositionMode::OneWay)
        .plan_type(TriggerPlanType::NormalPlan)
        .symbol("BTCUSDT")
        .product_type(USDT)
        .margin_mode(MarginMode::Crossed)
        .margin_coin("USDT")
        .size("0.2")
        .trigger_price(59000)
        .trigger_type(TriggerType::MarkPrice)
        .order_type(OrderType::Market)
        .build()?
        .send(&bot)
        .await);
    assert!(
        ok(AllPosition::builder()
            .product_type(USDT)
            .build()?
            .send(&bot)
            .await)
        .is_empty()
    );
    set_mark(&sim, "59000");
    let positions = ok(AllPosition::builder()
        .product_type(USDT)
        .build()?
        .send(&bot)
        .await);
    assert_eq!(positions.len(), 1);
    assert_eq!(positions[0].total, d("0.2"));

    // A resting bid, modified: cancelled and placed again under the new client id. Its price
    // is rounded passively (a buy down to the 0.1 tick, never across by rounding); a price off
    // the tick is refused by the check before anything is sent.
    let bid = |price: Decimal| {
        PlaceOrder::open_long(PositionMode::OneWay)
            .symbol("BTCUSDT")
            .product_type(USDT)
            .margin_mode(MarginMode::Crossed)
            .margin_coin("USDT")
            .size("0.1")
            .price(price)
            .order_type(OrderType::Limit)
            .client_oid("bid-1")
            .build()
    };
    let placed = || {
        sim.requests()
            .iter()
            .filter(|r| r.path == "/api/v2/mix/order/place-order")
            .count()
    };
    let placed_before = placed();
    let Err(off_tick) = rulebook.send(&bid(d("50000.07"))?).await else {
        panic!("a price off the tick passed the check")
    };
    assert!(format!("{off_tick}").contains("tick"), "{off_tick}");
    assert_eq!(placed(), placed_before, "nothing was sent");
    let price = ok(rules.passive_price(d("50000.07"), RuleSide::Buy));
    assert_eq!(price, d("50000"));
    ok(rulebook.send(&bid(price)?).await);
    ok(rulebook
        .send(
            &ModifyOrder::builder()
                .client_oid("bid-1")
                .symbol("BTCUSDT")
                .product_type(USDT)
                .new_client_oid("bid-2")
                .new_size("0.2")
                .new_price(51000)
                .build()?,
        )
        .await);
    let open = ok(OrdersPending::builder()
        .product_type(USDT)
        .build()?
        .send(&bot)
        .await);
    assert_eq!(open.entrusted_list.len(), 1, "{open:?}");
    let bid = &open.entrusted_list[0];
    assert_eq!(
        (bid.client_oid.as_deref(), bid.price, bid.size),
        (Some("bid-2"), Some(d("51000")), d("0.2"))
    );
    ok(CancelOrder::builder()
        .symbol("BTCUSDT")
        .product_type(USDT)
        .client_oid("bid-2")
        .build()?
        .send(&bot)
        .await);

    // History, two orders a page, through the stream: every finished order, newest first.
    let all = ok(OrdersHistory::builder()
        .product_type(USDT)
        .limit(2u32)
        .build()?
        .stream(&bot)
        .try_collect()
        .await);
    let ids: Vec<_> = all
        .iter()
        .map(|o| o.client_oid.clone().unwrap_or_default())
        .collect();
    assert!(
        ids.len() >= 5
            && ids.contains(&"open-1".to_owned())
            && ids.contains(&"bid-1".to_owned())
            && ids.contains(&"bid-2".to_owned()),
        "{ids:?}"
    );
    let numbers: Vec<u64> = all
        .iter()
        .map(|o| o.order_id.parse().unwrap_or_default())
        .collect();
    assert!(
        numbers.windows(2).all(|w| w[0] > w[1]),
        "newest first: {numbers:?}"
    );

    // A hedge-mode close on this one-way account is refused (40774), not read as a buy that
    // would grow the long.
    let wrong = PlaceOrder::close_long(PositionMode::Hedge)
        .symbol("BTCUSDT")
        .product_type(USDT)
        .margin_mode(MarginMode::Crossed)
        .margin_coin("USDT")
        .size("0.2")
        .order_type(OrderType::Market)
        .build()?
        .send(&bot)
        .await;
    let code = wrong
        .err()
        .and_then(|e| e.api_code().map(|c| c.as_str().to_owned()));
    assert_eq!(code.as_deref(), Some("40774"));
    // Adding to the long with a preset stop loss: the position carries it.
    PlaceOrder::open_long(PositionMode::OneWay)
        .symbol("BTCUSDT")
        .product_type(USDT)
        .margin_mode(MarginMode::Crossed)
        .margin_coin("USDT")
        .size("0.1")
        .order_type(OrderType::Market)
        .preset_stop_loss_price(50000)
        .build()?
        .send(&bot)
        .await?;
    let single = SinglePosition::builder()
        .product_type(USDT)
        .symbol("BTCUSDT")
        .margin_coin("USDT")
        .build()?
        .send(&bot)
        .await?;
    assert_eq!(
        (single[0].total, single[0].stop_loss),
        (d("0.3"), Some(d("50000")))
    );

    // Flatten: close every position of the product type, explicitly.
    let flat = ok(ClosePositions::builder()
        .close_all_positions()
        .both_sides()
        .product_type(USDT)
        .build()?
        .send(&bot)
        .await);
    assert!(
        flat.all_succeeded() && flat.success_list.len() == 1,
        "{flat:?}"
    );
    assert!(
        ok(AllPosition::builder()
            .product_type(USDT)
            .build()?
            .send(&bot)
            .await)
        .is_empty()
    );
    // The preset stop loss went with the position.
    let left = OrdersPlanPending::builder()
        .plan_type(PlanFilter::ProfitLoss)
        .product_type(USDT)
        .build()?
        .send(&bot)
        .await?;
    assert!(left.entrusted_list.is_empty(), "{left:?}");
    Ok(())
}

#[tokio::test]
async fn a_hedge_bot_holds_both_sides_and_closes_one_by_naming_it() -> Result<(), bitget_core::Error>
{
    let sim = sim().await;
    let (hedger, maker) = (
        client(&sim, "hedger", "hg-s", "hg-p"),
        client(&sim, "maker", "mk-s", "mk-p"),
    );
    quote(&maker).await?;
    let mode = ok(SetPositionMode::builder()
        .product_type(USDT)
        .pos_mode(PosMode::HedgeMode)
        .build()?
        .send(&hedger)
        .await);
    assert_eq!(mode.pos_mode, PosMode::HedgeMode);
    let market =
        |b: bitget_endpoints::mix::order::PlaceOrderBuilder<bitget_endpoints::mix::Side>,
         size: &str| {
            b.symbol("BTCUSDT")
                .product_type(USDT)
                .margin_mode(MarginMode::Crossed)
                .margin_coin("USDT")
                .size(size)
                .order_type(OrderType::Market)
                .build()
        };
    ok(ok(market(PlaceOrder::open_long(PositionMode::Hedge), "1"))
        .send(&hedger)
        .await);
    ok(ok(market(PlaceOrder::open_short(PositionMode::Hedge), "2"))
        .send(&hedger)
        .await);
    let sides = |ps: &[bitget_endpoints::mix::position::Position]| {
        let mut v: Vec<_> = ps.iter().map(|p| (p.hold_side.clone(), p.total)).collect();
        v.sort_by_key(|(s, _)| s.as_str().to_owned());
        v
    };
    let both = ok(AllPosition::builder()
        .product_type(USDT)
        .build()?
        .send(&hedger)
        .await);
    assert_eq!(
        sides(&both),
        vec![(HoldSide::Long, d("1")), (HoldSide::Short, d("2"))]
    );
    // A position says its account's mode in the type the intent constructors take.
    let mode = both[0].pos_mode.as_ref().and_then(PositionMode::of);
    assert_eq!(mode, Some(PositionMode::Hedge));
    // Closing the long is `side=buy, tradeSide=close` in v2 hedge mode: the short stays.
    ok(ok(market(PlaceOrder::close_long(PositionMode::Hedge), "1"))
        .send(&hedger)
        .await);
    let left = ok(AllPosition::builder()
        .product_type(USDT)
        .build()?
        .send(&hedger)
        .await);
    assert_eq!(sides(&left), vec![(HoldSide::Short, d("2"))]);
    // One-way conventions on a hedge account are refused by the exchange.
    let wrong = market(PlaceOrder::close_short(PositionMode::OneWay), "2");
    let err = ok(wrong)
        .send(&hedger)
        .await
        .err()
        .unwrap_or_else(|| panic!("a one-way close was accepted in hedge mode"));
    assert_eq!(
        err.api_code().map(|c| c.as_str().to_owned()).as_deref(),
        Some("40774"),
        "{err}"
    );
    let flat = ok(ClosePositions::builder()
        .symbol("BTCUSDT")
        .hold_side(HoldSide::Short)
        .product_type(USDT)
        .build()?
        .send(&hedger)
        .await);
    assert_eq!(flat.success_list.len(), 1);
    assert!(
        ok(AllPosition::builder()
            .product_type(USDT)
            .build()?
            .send(&hedger)
            .await)
        .is_empty()
    );
    Ok(())
}

/// A trailing stop (`moving_plan`) as its doc page describes it: `triggerPrice` activates it
/// (above the market on a long: it waits for the rise), then it follows the best price and
/// fires when the price turns back by `rangeRate` percent.
#[tokio::test]
async fn a_trailing_stop_activates_then_follows_the_price_and_fires_on_the_callback()
-> Result<(), bitget_core::Error> {
    let sim = sim().await;
    let (bot, maker) = (
        client(&sim, "bot", "bot-s", "bot-p"),
        client(&sim, "maker", "mk-s", "mk-p"),
    );
    quote(&maker).await?;
    set_mark(&sim, "60000");
    ok(PlaceOrder::open_long(PositionMode::OneWay)
        .symbol("BTCUSDT")
        .product_type(USDT)
        .margin_mode(MarginMode::Crossed)
        .margin_coin("USDT")
        .size("0.1")
        .order_type(OrderType::Market)
        .build()?
        .send(&bot)
        .await);
    ok(PlaceTpslOrder::builder()
        .margin_coin("USDT")
        .product_type(USDT)
        .symbol("BTCUSDT")
        .plan_type(TpslPlanType::MovingPlan)
        .trigger_price(61_000)
        .trigger_type(TriggerType::MarkPrice)
        .hold_side(TpslHoldSide::Buy)
        .size("0.1")
        .range_rate(1)
        .build()?
        .send(&bot)
        .await);
    let open = || async {
        ok(ok(AllPosition::builder().product_type(USDT).build())
            .send(&bot)
            .await)
        .len()
    };
    // Not active below 61000; active at it; the best price rises to 62000; 61500 is within 1%
    // of it; 61380 is 1% below: the stop fires.
    for (mark, still_open) in [
        ("60500", true),
        ("61000", true),
        ("62000", true),
        ("61500", true),
        ("61380", false),
    ] {
        set_mark(&sim, mark);
        assert_eq!(open().await == 1, still_open, "at mark {mark}");
    }
    let history = ok(OrdersPlanHistory::builder()
        .plan_type(PlanFilter::ProfitLoss)
        .product_type(USDT)
        .build()?
        .send(&bot)
        .await);
    let fired = &history.entrusted_list[0];
    assert_eq!(
        (fired.plan_type.as_str(), fired.plan_status.clone()),
        ("moving_plan", Some(PlanStatus::Executed))
    );
    assert_eq!(fired.callback_ratio, Some(d("1")));
    Ok(())
}
