//! A Unified account's day on the simulator, through the real client and the v3 endpoints only:
//! spot orders placed, modified, cancelled and filled; a batch with a partial failure; futures in
//! one-way and hedge mode with v3's `posSide` convention; a TP/SL strategy order firing on the
//! mark price; positions, assets and leverage; cursor paging; the dead-man switch; the bulk
//! cancel; and the same key refused on a v2 path with advice.

use bitget_core::{ApiCode, Client, Credentials, Decimal};
use bitget_endpoints::PositionMode;
use bitget_endpoints::bulk::{BulkCancel, OrderRef, Outcome};
use bitget_endpoints::instrument::{Line, Rounding, Rulebook};
use bitget_endpoints::setup::{Ensured, Setup};
use bitget_endpoints::uta::account::{Assets, SetHoldMode, SetLeverage};
use bitget_endpoints::uta::position::{CurrentPosition, HistoryPosition};
use bitget_endpoints::uta::trade::{
    BatchOrder, CancelOrder, ClosePositions, CountdownCancelAll, HistoryOrders,
    HistoryStrategyOrders, ModifyOrder, OrderInfo, PlaceBatch, PlaceOrder, PlaceStrategyOrder,
    UnfilledOrders, UnfilledStrategyOrders,
};
use bitget_endpoints::uta::{
    AccountFamily, Category, HoldMode, OrderStatus, OrderType, PosSide, TriggerBy, account_family,
};
use bitget_sim::{Account, Faults, RunningSimulator, Simulator};

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|e| panic!("{e}"))
}

async fn sim() -> RunningSimulator {
    Simulator::builder()
        .account(Account::new("uta", "uta-s", "uta-p").unified(true))
        .account(Account::new("mm", "mm-s", "mm-p").unified(true))
        .account(Account::new("classic", "cl-s", "cl-p"))
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

/// The market maker quotes spot and the USDT perpetual around 60000.
async fn quote(mm: &Client) -> Result<(), bitget_core::Error> {
    for (category, mode) in [
        (Category::Spot, None),
        (Category::UsdtFutures, Some(PositionMode::OneWay)),
    ] {
        for (price, buy) in [("59990", true), ("60010", false)] {
            let b = match (mode, buy) {
                (Some(m), true) => PlaceOrder::open_long(m),
                (Some(m), false) => PlaceOrder::open_short(m),
                (None, true) => PlaceOrder::builder().side(bitget_endpoints::uta::Side::Buy),
                (None, false) => PlaceOrder::builder().side(bitget_endpoints::uta::Side::Sell),
            };
            b.category(category.clone())
                .symbol("BTCUSDT")
                .qty(5)
                .price(price)
                .order_type(OrderType::Limit)
                .send(mm)
                .await?;
        }
    }
    Ok(())
}

#[tokio::test]
async fn a_unified_bot_trades_spot_and_futures_and_is_told_its_family()
-> Result<(), bitget_core::Error> {
    let sim = sim().await;
    let (bot, mm) = (
        client(&sim, "uta", "uta-s", "uta-p"),
        client(&sim, "mm", "mm-s", "mm-p"),
    );
    quote(&mm).await?;

    // Which family? Unified; a Classic key is told Classic.
    assert_eq!(account_family(&bot).await?, AccountFamily::Unified);
    assert_eq!(
        account_family(&client(&sim, "classic", "cl-s", "cl-p")).await?,
        AccountFamily::Classic
    );
    // The Unified key on a v2 path: 40085, with the module to use.
    let v2 = bitget_endpoints::mix::position::AllPosition::builder()
        .product_type(bitget_endpoints::mix::ProductType::UsdtFutures)
        .send(&bot)
        .await
        .err()
        .unwrap_or_else(|| panic!("a Unified key was accepted on v2"));
    assert_eq!(v2.api_code(), Some(&ApiCode::UnifiedKeyOnClassicApi));
    assert!(v2.to_string().contains("bitget_endpoints::uta"), "{v2}");

    // Spot: a resting bid, modified (replaced under the same client id), then cancelled.
    let bid = PlaceOrder::builder()
        .side(bitget_endpoints::uta::Side::Buy)
        .category(Category::Spot)
        .symbol("BTCUSDT")
        .qty("0.1")
        .price(50000)
        .order_type(OrderType::Limit)
        .client_oid("spot-bid-1")
        .send(&bot)
        .await?;
    let moved = ModifyOrder::builder()
        .client_oid("spot-bid-1")
        .price(51000)
        .qty("0.2")
        .send(&bot)
        .await?;
    assert_ne!(moved.order_id, bid.order_id, "a modify replaces the order");
    let info = OrderInfo::builder()
        .client_oid("spot-bid-1")
        .send(&bot)
        .await?;
    assert_eq!(
        (info.price, info.qty, info.order_status),
        (Some(d("51000")), Some(d("0.2")), OrderStatus::Live)
    );
    CancelOrder::builder()
        .client_oid("spot-bid-1")
        .send(&bot)
        .await?;
    let open = UnfilledOrders::builder()
        .category(Category::Spot)
        .send(&bot)
        .await?;
    assert!(open.list.is_empty(), "{open:?}");

    // A spot market buy for 6001 USDT takes 0.1 BTC at 60010.
    let before = Assets::builder().send(&bot).await?;
    let usdt = |a: &bitget_endpoints::uta::account::AccountAssets| {
        a.assets
            .iter()
            .find(|c| c.coin == "USDT")
            .map(|c| c.available)
            .unwrap_or_default()
    };
    PlaceOrder::builder()
        .side(bitget_endpoints::uta::Side::Buy)
        .category(Category::Spot)
        .symbol("BTCUSDT")
        .qty(6001)
        .order_type(OrderType::Market)
        .send(&bot)
        .await?;
    let after = Assets::builder().send(&bot).await?;
    assert_eq!(usdt(&before) - usdt(&after), d("6001"));

    // 100 USDT at 60010 buys 0.001666 BTC (BTCUSDT's quantity precision is 6 on Bitget):
    // 99.97666 spent, not the 96.016 a coarser step of 0.0001 would leave.
    let before = after;
    PlaceOrder::builder()
        .side(bitget_endpoints::uta::Side::Buy)
        .category(Category::Spot)
        .symbol("BTCUSDT")
        .qty(100)
        .order_type(OrderType::Market)
        .send(&bot)
        .await?;
    let after = Assets::builder().send(&bot).await?;
    assert_eq!(usdt(&before) - usdt(&after), d("99.97666"));

    // A batch of three where the middle order breaks the price tick: it fails alone.
    let item = |price: &str, coid: &str| {
        BatchOrder::builder()
            .side(bitget_endpoints::uta::Side::Buy)
            .category(Category::Spot)
            .symbol("BTCUSDT")
            .qty("0.01")
            .price(price)
            .order_type(OrderType::Limit)
            .client_oid(coid)
            .build()
    };
    let batch = PlaceBatch::builder()
        .orders([
            item("40000", "b-1")?,
            item("40000.001", "b-2")?,
            item("40001", "b-3")?,
        ])
        .build()?;
    // Checked against the instrument first, the broken item is named before anything is sent.
    let rulebook = Rulebook::new(&bot);
    let Err(checked) = rulebook.check(&batch).await else {
        panic!("a batch item off the tick passed the check")
    };
    let reason = checked.to_string();
    assert!(
        reason.contains("40000.001") && !reason.contains("40001 "),
        "{reason}"
    );
    // Sent unchecked, the simulator fails that item alone.
    let results = bot.send(&batch).await?;
    let failed: Vec<_> = results
        .iter()
        .filter(|r| !r.succeeded())
        .map(|r| r.client_oid.clone().unwrap_or_default())
        .collect();
    assert_eq!(failed, vec!["b-2".to_owned()], "{results:?}");

    // The bulk cancel: the two resting batch orders and an unknown id, one outcome each.
    let report = BulkCancel::uta(bot.clone(), Category::Spot, "BTCUSDT")
        .ids(["b-1", "b-3", "nope"].map(|c| OrderRef::ClientOid(c.to_owned())))
        .run()
        .await?;
    let outcomes: Vec<_> = report
        .outcomes
        .iter()
        .map(|(_, o)| matches!(o, Outcome::Cancelled))
        .collect();
    assert_eq!(outcomes, vec![true, true, false], "{report:?}");

    // Futures, one-way: 20x, a long at market, then a TP/SL that fires on the mark price.
    let perp = sim
        .ensure_futures("USDT-FUTURES", "BTCUSDT")
        .unwrap_or_else(|e| panic!("{e}"));
    sim.with_exchange(|ex| ex.set_mark_price(&perp, d("60000")));
    // Setup that is safe to repeat: the second ensure reads and sends nothing.
    let setup = Setup::new(&bot);
    let leverage = SetLeverage::builder()
        .category(Category::UsdtFutures)
        .symbol("BTCUSDT")
        .leverage(20)
        .build()?;
    assert_eq!(setup.ensure(&leverage).await?, Ensured::Changed);
    assert_eq!(setup.ensure(&leverage).await?, Ensured::AlreadySo);
    // The size rounded down to the contract's step, the order checked before it is sent.
    let rules = rulebook
        .rules(&Line::Unified(Category::UsdtFutures), "BTCUSDT")
        .await?;
    let qty = rules
        .round_size(d("0.50049"), Rounding::Down)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(qty, d("0.5"));
    rulebook
        .send(
            &PlaceOrder::open_long(setup.unified_position_mode().await?)
                .category(Category::UsdtFutures)
                .symbol("BTCUSDT")
                .qty(qty)
                .order_type(OrderType::Market)
                .client_oid("long-1")
                .build()?,
        )
        .await?;
    let positions = CurrentPosition::builder()
        .category(Category::UsdtFutures)
        .send(&bot)
        .await?;
    assert_eq!(positions.list.len(), 1);
    let p = &positions.list[0];
    assert_eq!(
        (p.pos_side.clone(), p.total, p.avg_price, p.leverage),
        (PosSide::Long, d("0.5"), Some(d("60010")), Some(d("20")))
    );
    PlaceStrategyOrder::builder()
        .category(Category::UsdtFutures)
        .symbol("BTCUSDT")
        .take_profit(61000)
        .stop_loss(55000)
        .tp_trigger_by(TriggerBy::Mark)
        .sl_trigger_by(TriggerBy::Mark)
        .client_oid("guard-1")
        .send(&bot)
        .await?;
    let guards = UnfilledStrategyOrders::builder()
        .category(Category::UsdtFutures)
        .send(&bot)
        .await?;
    assert_eq!(
        guards.len(),
        1,
        "one strategy order with a TP and an SL leg: {guards:?}"
    );
    assert_eq!(
        (guards[0].take_profit, guards[0].stop_loss),
        (Some(d("61000")), Some(d("55000")))
    );
    sim.with_exchange(|ex| ex.set_mark_price(&perp, d("61000")));
    assert!(
        CurrentPosition::builder()
            .category(Category::UsdtFutures)
            .send(&bot)
            .await?
            .list
            .is_empty()
    );
    let done = HistoryStrategyOrders::builder()
        .category(Category::UsdtFutures)
        .send(&bot)
        .await?;
    assert_eq!(done.list.len(), 1);
    assert_eq!(done.list[0].status.as_deref(), Some("success"));
    assert_eq!(done.list[0].trigger_type.as_deref(), Some("takeProfit"));
    let closed = HistoryPosition::builder()
        .category(Category::UsdtFutures)
        .send(&bot)
        .await?;
    assert_eq!(
        closed.list[0].cum_realised_pnl,
        Some(d("-10")),
        "bought at 60010, sold at 59990"
    );
    assert_eq!(closed.list[0].open_price_avg, Some(d("60010")));
    assert_eq!(closed.list[0].close_price_avg, Some(d("59990")));
    // Both fills took liquidity at 0.06%: 0.5 × 60010 and 0.5 × 59990; net of them, -46.
    assert_eq!(
        (
            closed.list[0].open_fee_total,
            closed.list[0].close_fee_total
        ),
        (Some(d("-18.003")), Some(d("-17.997")))
    );
    assert_eq!(closed.list[0].net_profit, Some(d("-46")));

    // History, two a page, through the cursor stream: every finished spot and futures order.
    let history = HistoryOrders::builder()
        .category(Category::Spot)
        .limit(2u32)
        .build()?
        .stream(&bot)
        .try_collect()
        .await?;
    let coids: Vec<_> = history
        .iter()
        .filter_map(|o| o.client_oid.clone())
        .collect();
    assert!(
        coids.contains(&"spot-bid-1".to_owned())
            && coids.contains(&"b-1".to_owned())
            && coids.contains(&"b-3".to_owned()),
        "{coids:?}"
    );

    // The dead-man switch: armed for 5 s, then the clock passes it: every order is cancelled.
    PlaceOrder::builder()
        .side(bitget_endpoints::uta::Side::Buy)
        .category(Category::Spot)
        .symbol("BTCUSDT")
        .qty("0.01")
        .price(30000)
        .order_type(OrderType::Limit)
        .send(&bot)
        .await?;
    CountdownCancelAll::builder()
        .countdown(5u32)
        .send(&bot)
        .await?;
    sim.set_faults(Faults {
        clock_offset_ms: 6_000,
        ..sim.faults()
    });
    let open = UnfilledOrders::builder()
        .category(Category::Spot)
        .send(&bot)
        .await?;
    assert!(
        open.list.is_empty(),
        "the switch cancelled the resting bid: {open:?}"
    );
    Ok(())
}

#[tokio::test]
async fn a_unified_hedge_bot_closes_a_long_by_selling_it() -> Result<(), bitget_core::Error> {
    let sim = sim().await;
    let (bot, mm) = (
        client(&sim, "uta", "uta-s", "uta-p"),
        client(&sim, "mm", "mm-s", "mm-p"),
    );
    quote(&mm).await?;
    SetHoldMode::builder()
        .hold_mode(HoldMode::HedgeMode)
        .send(&bot)
        .await?;
    let market =
        |b: bitget_endpoints::uta::trade::PlaceOrderBuilder<bitget_endpoints::uta::Side>,
         qty: &str| {
            b.category(Category::UsdtFutures)
                .symbol("BTCUSDT")
                .qty(qty)
                .order_type(OrderType::Market)
                .build()
        };
    market(PlaceOrder::open_long(PositionMode::Hedge), "1")?
        .send(&bot)
        .await?;
    market(PlaceOrder::open_short(PositionMode::Hedge), "2")?
        .send(&bot)
        .await?;
    let sides = |list: &[bitget_endpoints::uta::position::Position]| {
        let mut v: Vec<_> = list
            .iter()
            .map(|p| (p.pos_side.as_str().to_owned(), p.total))
            .collect();
        v.sort();
        v
    };
    let both = CurrentPosition::builder()
        .category(Category::UsdtFutures)
        .send(&bot)
        .await?;
    assert_eq!(
        sides(&both.list),
        vec![("long".into(), d("1")), ("short".into(), d("2"))]
    );
    // v3: closing the long is a sell with posSide=long (v2 would write side=buy, tradeSide=close).
    let close = market(PlaceOrder::close_long(PositionMode::Hedge), "1")?;
    let wire = serde_json::to_value(&close).unwrap_or_default();
    assert_eq!(
        (wire["side"].as_str(), wire["posSide"].as_str()),
        (Some("sell"), Some("long"))
    );
    close.send(&bot).await?;
    let left = CurrentPosition::builder()
        .category(Category::UsdtFutures)
        .send(&bot)
        .await?;
    assert_eq!(sides(&left.list), vec![("short".into(), d("2"))]);
    // One-way conventions on a hedge account are refused (no posSide: 40774).
    let wrong = market(PlaceOrder::close_short(PositionMode::OneWay), "2")?
        .send(&bot)
        .await;
    let code = wrong
        .err()
        .and_then(|e| e.api_code().map(|c| c.as_str().to_owned()));
    assert_eq!(code.as_deref(), Some("40774"));
    // Flatten, explicitly: every position of the line, both sides.
    let flat = ClosePositions::builder()
        .category(Category::UsdtFutures)
        .close_all_positions()
        .both_sides()
        .send(&bot)
        .await?;
    assert_eq!(flat.failures().count(), 0, "{flat:?}");
    assert!(
        CurrentPosition::builder()
            .category(Category::UsdtFutures)
            .send(&bot)
            .await?
            .list
            .is_empty()
    );
    Ok(())
}
