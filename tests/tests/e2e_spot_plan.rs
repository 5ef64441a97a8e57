//! A Classic spot bot's trigger orders, transfers, ledger and batch cancel-replace on the
//! simulator, through the real client and the declared spot endpoints.

use bitget_core::{Client, Credentials, Decimal, Error};
use bitget_endpoints::BatchOutcome as _;
use bitget_endpoints::spot::account::{Assets, BillGroup, Bills};
use bitget_endpoints::spot::trade::{
    BatchCancelPlanOrder, BatchCancelReplaceOrder, CancelPlanOrder, CurrentPlanOrder,
    HistoryPlanOrder, ModifyPlanOrder, OrderInfo, PlaceOrder, PlacePlanOrder, PlanStatus,
    PlanSubOrders, SpotReplaceItem, SubOrderStatus,
};
use bitget_endpoints::spot::wallet::{AccountType, Transfer};
use bitget_endpoints::spot::{OrderStatus, OrderType, TriggerType};
use bitget_sim::exchange::{NewOrder, Side};
use bitget_sim::{Account, RunningSimulator, Simulator};

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|e| panic!("{e}"))
}

async fn start() -> Result<(RunningSimulator, Client), Error> {
    let sim = Simulator::builder()
        .account(Account::new("bot", "bot-s", "bot-p"))
        .account(Account::new("mm", "mm-s", "mm-p"))
        .account(Account::new("mm2", "mm2-s", "mm2-p"))
        .without_rate_limits()
        .start()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let bot = Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new("bot", "bot-s", "bot-p"))
        .build()?;
    Ok((sim, bot))
}

/// A trade between the two market makers at `price`, which moves the last price there.
fn print_trade(sim: &RunningSimulator, price: &str) {
    let id = sim.ensure_spot("BTCUSDT").unwrap_or_else(|e| panic!("{e}"));
    let (mm, mm2) = (
        sim.uid_of("mm").unwrap_or_default(),
        sim.uid_of("mm2").unwrap_or_default(),
    );
    sim.with_exchange(|ex| {
        ex.place(NewOrder::limit(
            &mm,
            id.clone(),
            Side::Buy,
            d(price),
            d("0.01"),
        ))?;
        ex.place(NewOrder::limit(
            &mm2,
            id.clone(),
            Side::Sell,
            d(price),
            d("0.01"),
        ))
    })
    .unwrap_or_else(|e| panic!("{e:?}"));
}

#[tokio::test]
async fn a_trigger_order_fires_when_the_price_falls_to_it_and_places_its_order() -> Result<(), Error>
{
    let (sim, bot) = start().await?;
    print_trade(&sim, "60000");
    // Liquidity for the market buy the trigger will place.
    let id = sim.ensure_spot("BTCUSDT").unwrap_or_else(|e| panic!("{e}"));
    let mm = sim.uid_of("mm").unwrap_or_default();
    sim.with_exchange(|ex| {
        ex.place(NewOrder::limit(
            &mm,
            id.clone(),
            Side::Sell,
            d("59100"),
            d("1"),
        ))
    })
    .unwrap_or_else(|e| panic!("{e:?}"));

    // Buy 100 USDT's worth at market once the last price falls to 59000.
    let dip = PlacePlanOrder::buy_spending(100)
        .symbol("BTCUSDT")
        .trigger_price(59_000)
        .trigger_type(TriggerType::FillPrice)
        .order_type(OrderType::Market)
        .client_oid("dip-1")
        .send(&bot)
        .await?;
    // A second one, moved and then cancelled; a third, cleared with the pair's batch cancel.
    let far = PlacePlanOrder::sell("0.01")
        .symbol("BTCUSDT")
        .trigger_price(70_000)
        .trigger_type(TriggerType::FillPrice)
        .order_type(OrderType::Limit)
        .execute_price(70_100)
        .send(&bot)
        .await?;
    PlacePlanOrder::sell("0.02")
        .symbol("BTCUSDT")
        .trigger_price(80_000)
        .trigger_type(TriggerType::FillPrice)
        .order_type(OrderType::Market)
        .client_oid("moon")
        .send(&bot)
        .await?;

    let waiting = CurrentPlanOrder::builder()
        .symbol("BTCUSDT")
        .send(&bot)
        .await?;
    assert_eq!(waiting.order_list.len(), 3, "{waiting:?}");
    let first = waiting
        .order_list
        .iter()
        .find(|o| o.order_id == dip.order_id);
    let first = first.unwrap_or_else(|| panic!("the dip order is listed: {waiting:?}"));
    assert_eq!(
        (first.status.clone(), first.size, first.plan_type.clone()),
        (
            PlanStatus::Live,
            d("100"),
            Some(bitget_endpoints::spot::trade::SizeUnit::Quote)
        ),
        "the size as sent, in the quote coin"
    );

    let moved = ModifyPlanOrder::builder()
        .order_id(&far.order_id)
        .trigger_price(71_000)
        .order_type(OrderType::Limit)
        .execute_price(71_100)
        .size("0.02")
        .send(&bot)
        .await?;
    assert_eq!(moved.order_id, far.order_id);
    let after = CurrentPlanOrder::builder()
        .symbol("BTCUSDT")
        .send(&bot)
        .await?;
    let far_now = after.order_list.iter().find(|o| o.order_id == far.order_id);
    let far_now = far_now.unwrap_or_else(|| panic!("still waiting"));
    assert_eq!(
        (far_now.trigger_price, far_now.execute_price, far_now.size),
        (d("71000"), Some(d("71100")), d("0.02"))
    );
    let cancelled = CancelPlanOrder::builder()
        .order_id(&far.order_id)
        .send(&bot)
        .await?;
    assert!(cancelled.succeeded());

    // The price falls to 59000: the dip order fires and buys.
    print_trade(&sim, "59000");
    let sub = PlanSubOrders::builder()
        .plan_order_id(&dip.order_id)
        .send(&bot)
        .await?;
    assert_eq!(sub.len(), 1, "the order it placed: {sub:?}");
    assert_eq!(sub[0].status, SubOrderStatus::Success);
    let placed = OrderInfo::builder()
        .order_id(&sub[0].order_id)
        .send(&bot)
        .await?;
    assert_eq!(placed[0].status, OrderStatus::Filled);
    assert!(
        placed[0]
            .quote_volume
            .is_some_and(|q| q > d("99") && q <= d("100")),
        "it spent (about) the 100 USDT asked: {placed:?}"
    );

    // The batch cancel of the pair takes what is left; the history holds all three.
    let cleared = BatchCancelPlanOrder::builder()
        .symbol_list(["BTCUSDT".to_owned()])
        .send(&bot)
        .await?;
    assert_eq!(cleared.success_list.len(), 1, "{cleared:?}");
    assert!(
        CurrentPlanOrder::builder()
            .symbol("BTCUSDT")
            .send(&bot)
            .await?
            .order_list
            .is_empty()
    );
    let now = u64::try_from(sim.with_exchange(|ex| ex.now_ms())).unwrap_or(0);
    let history = HistoryPlanOrder::builder()
        .symbol("BTCUSDT")
        .start_time(now.saturating_sub(3_600_000))
        .end_time(now + 1)
        .send(&bot)
        .await?;
    let mut states: Vec<_> = history
        .order_list
        .iter()
        .map(|o| o.status.clone())
        .collect();
    states.sort_by_key(|s| format!("{s:?}"));
    assert_eq!(
        states,
        vec![
            PlanStatus::Cancelled,
            PlanStatus::Cancelled,
            PlanStatus::Executed
        ],
        "{history:?}"
    );
    Ok(())
}

#[tokio::test]
async fn a_transfer_to_p2p_moves_the_balance_once_and_is_in_the_ledger() -> Result<(), Error> {
    let (_sim, bot) = start().await?;
    let usdt = |a: Vec<bitget_endpoints::spot::account::SpotAsset>| a[0].available;
    let before = usdt(Assets::builder().coin("USDT").send(&bot).await?);
    let send = || {
        Transfer::builder()
            .from_type(AccountType::Spot)
            .to_type(AccountType::P2p)
            .amount("250.5")
            .coin("USDT")
            .client_oid("to-p2p-1")
            .build()
    };
    let first = send()?.send(&bot).await?;
    // The same clientOid again: the transfer already made, nothing moved twice.
    let again = send()?.send(&bot).await?;
    assert_eq!(first.transfer_id, again.transfer_id);
    let after = usdt(Assets::builder().coin("USDT").send(&bot).await?);
    assert_eq!(before - after, d("250.5"));

    let ledger = Bills::builder()
        .coin("USDT")
        .group_type(BillGroup::Transfer)
        .send(&bot)
        .await?;
    assert_eq!(ledger.len(), 1, "{ledger:?}");
    assert_eq!(
        (ledger[0].size, ledger[0].business_type.as_deref()),
        (d("-250.5"), Some("TRANSFER_OUT"))
    );
    Ok(())
}

/// A Classic account's spot and USDT futures are separate wallets: a transfer between them is
/// seen in both balances, to the cent, and one larger than the wallet holds moves nothing.
#[tokio::test]
async fn a_transfer_from_spot_to_futures_is_seen_in_both_balances() -> Result<(), Error> {
    use bitget_endpoints::mix::ProductType;
    use bitget_endpoints::mix::account::Accounts;
    let (_sim, bot) = start().await?;
    let spot_usdt = async || -> Result<Decimal, Error> {
        Ok(Assets::builder().coin("USDT").send(&bot).await?[0].available)
    };
    let futures_usdt = async || -> Result<Decimal, Error> {
        let accounts = Accounts::builder()
            .product_type(ProductType::UsdtFutures)
            .send(&bot)
            .await?;
        Ok(accounts
            .iter()
            .find(|a| a.margin_coin == "USDT")
            .map_or(Decimal::ZERO, |a| a.available))
    };
    let transfer = |from, to, amount: &str| {
        Transfer::builder()
            .from_type(from)
            .to_type(to)
            .amount(amount)
            .coin("USDT")
            .build()
    };
    let (spot_before, futures_before) = (spot_usdt().await?, futures_usdt().await?);
    transfer(AccountType::Spot, AccountType::UsdtFutures, "1234.56")?
        .send(&bot)
        .await?;
    assert_eq!(spot_before - spot_usdt().await?, d("1234.56"));
    assert_eq!(futures_usdt().await? - futures_before, d("1234.56"));

    // Back, more than the futures wallet holds: refused, and neither balance moves.
    let all = futures_usdt().await?;
    let over = (all + d("0.01")).to_string();
    let err = transfer(AccountType::UsdtFutures, AccountType::Spot, &over)?
        .send(&bot)
        .await
        .err()
        .unwrap_or_else(|| panic!("a transfer over the balance is refused"));
    assert_eq!(err.api_code().map(|c| c.as_str()), Some("43012"), "{err}");
    assert_eq!(futures_usdt().await?, all);
    assert_eq!(spot_usdt().await?, spot_before - d("1234.56"));
    Ok(())
}

#[tokio::test]
async fn a_batch_cancel_replace_reports_the_unknown_order_alone() -> Result<(), Error> {
    let (_sim, bot) = start().await?;
    let bid = PlaceOrder::limit_buy(50_000, "0.001")
        .symbol("BTCUSDT")
        .client_oid("bid-1")
        .send(&bot)
        .await?;
    let bid_id = bid.order_id.unwrap_or_default();
    let item = |order_id: &str, new: &str| SpotReplaceItem {
        symbol: "BTCUSDT".into(),
        price: d("50500"),
        size: d("0.002"),
        client_oid: None,
        order_id: Some(order_id.into()),
        new_client_oid: Some(new.into()),
        preset_take_profit_price: None,
        execute_take_profit_price: None,
        preset_stop_loss_price: None,
        execute_stop_loss_price: None,
    };
    let answer = BatchCancelReplaceOrder::builder()
        .order_list([item(&bid_id, "bid-2"), item("999999", "ghost-2")])
        .send(&bot)
        .await?;
    assert_eq!(answer.0.len(), 2);
    assert!(answer.0[0].succeeded(), "{answer:?}");
    let err = answer
        .error_for_failures()
        .err()
        .unwrap_or_else(|| panic!("the unknown order failed"));
    let failed = err.failed_items().unwrap_or_default();
    assert_eq!(failed.len(), 1, "{err}");
    assert!(err.to_string().contains("999999"), "{err}");
    let replaced = OrderInfo::builder().client_oid("bid-2").send(&bot).await?;
    assert_eq!(
        (
            replaced[0].price,
            replaced[0].size,
            replaced[0].status.clone()
        ),
        (Some(d("50500")), Some(d("0.002")), OrderStatus::Live)
    );
    Ok(())
}

/// A history longer than the endpoint's 90-day window is read through windows it serves:
/// newest first, every order once, where one request over the range is refused before sending.
#[tokio::test]
async fn a_history_longer_than_its_window_is_read_in_windows() -> Result<(), Error> {
    use bitget_endpoints::spot::trade::HistoryOrders;
    let (sim, bot) = start().await?;
    const DAY: i64 = 86_400_000;
    // The simulator's clock is the requests' (wall) time: orders of the past are made in its
    // core at the times wanted, then read over REST.
    let now = i64::try_from(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_millis(),
    )
    .unwrap_or(0);
    let t0 = now - 160 * DAY;
    let id = sim.ensure_spot("BTCUSDT").unwrap_or_else(|e| panic!("{e}"));
    let uid = sim.uid_of("bot").unwrap_or_default();
    let mut ids = Vec::new();
    for day in [1, 100, 150] {
        let order = sim.with_exchange(|ex| {
            ex.set_time(t0 + day * DAY);
            let order = ex.place(NewOrder::limit(
                &uid,
                id.clone(),
                Side::Buy,
                d("50000"),
                d("0.001"),
            ))?;
            ex.cancel(&uid, order);
            Ok::<_, bitget_sim::exchange::Reject>(order)
        });
        ids.push(order.unwrap_or_else(|e| panic!("{e:?}")).to_string());
    }
    let (start_ms, end_ms) = (t0 as u64, now as u64);
    let whole = HistoryOrders::builder()
        .symbol("BTCUSDT")
        .start_time(start_ms)
        .end_time(end_ms)
        .build();
    assert!(
        whole.is_err(),
        "160 days in one request breaks the window rule"
    );

    let request = HistoryOrders::builder().symbol("BTCUSDT").build()?;
    let mut pages = request.stream_between(&bot, start_ms, end_ms);
    let mut seen = Vec::new();
    while let Some(order) = pages.next().await {
        seen.push(order?.order_id);
    }
    ids.reverse();
    assert_eq!(seen, ids, "newest first, each once");
    assert_eq!(
        pages.pages_fetched(),
        2,
        "two 90-day windows cover 160 days"
    );
    Ok(())
}

/// A spot TP/SL order (`tpslType=tpsl`) is a trigger, not an order on the book: unfilled-orders
/// lists it only when asked for `tpslType=tpsl`, the plan-order list does not, cancel-order with
/// `tpslType=tpsl` cancels it by id, and one left live places its order when the last price
/// reaches its trigger.
#[tokio::test]
async fn a_spot_tpsl_order_waits_apart_is_cancelled_by_id_and_fires_at_its_trigger()
-> Result<(), Error> {
    use bitget_endpoints::spot::TpslType;
    use bitget_endpoints::spot::trade::{CancelOrder, UnfilledOrders};
    let (sim, bot) = start().await?;
    print_trade(&sim, "60000");
    let place = |trigger: &str| {
        PlaceOrder::limit_sell("58000", "0.01")
            .symbol("BTCUSDT")
            .tpsl_type(TpslType::Tpsl)
            .trigger_price(trigger)
            .build()
    };
    let kept = place("59000")?.send(&bot).await?;
    let dropped = place("59500")?.send(&bot).await?;
    let (kept, dropped) = (
        kept.order_id.unwrap_or_default(),
        dropped.order_id.unwrap_or_default(),
    );

    let tpsl = UnfilledOrders::builder()
        .symbol("BTCUSDT")
        .tpsl_type(TpslType::Tpsl)
        .build()?
        .send(&bot)
        .await?;
    let mut ids: Vec<&str> = tpsl.iter().map(|o| o.order_id.as_str()).collect();
    ids.sort_unstable();
    let mut want = vec![kept.as_str(), dropped.as_str()];
    want.sort_unstable();
    assert_eq!(ids, want, "both TP/SL orders are listed with tpslType=tpsl");
    let mut triggers: Vec<_> = tpsl.iter().map(|o| o.trigger_price).collect();
    triggers.sort();
    assert_eq!(triggers, [Some(d("59000")), Some(d("59500"))]);
    assert!(tpsl.iter().all(|o| o.tpsl_type == Some(TpslType::Tpsl)));
    let normal = UnfilledOrders::builder()
        .symbol("BTCUSDT")
        .build()?
        .send(&bot)
        .await?;
    assert!(
        normal.is_empty(),
        "no TP/SL order rests on the book: {normal:?}"
    );
    let plans = CurrentPlanOrder::builder()
        .symbol("BTCUSDT")
        .build()?
        .send(&bot)
        .await?;
    assert!(plans.order_list.is_empty(), "nor is it a plan order");

    // Cancelled by id without a symbol, as the page allows for tpsl.
    CancelOrder::builder()
        .tpsl_type(TpslType::Tpsl)
        .order_id(dropped.as_str())
        .build()?
        .send(&bot)
        .await?;
    // A second cancel of the same id is refused: it is no longer live.
    let again = CancelOrder::builder()
        .tpsl_type(TpslType::Tpsl)
        .order_id(dropped.as_str())
        .build()?
        .send(&bot)
        .await;
    assert_eq!(
        again
            .err()
            .and_then(|e| e.api_code().map(|c| c.as_str().to_owned())),
        Some("43001".to_owned())
    );

    // The last price falls through 59000: the kept one places its limit sell at 58000.
    print_trade(&sim, "58900");
    let left = UnfilledOrders::builder()
        .symbol("BTCUSDT")
        .tpsl_type(TpslType::Tpsl)
        .build()?
        .send(&bot)
        .await?;
    assert!(
        left.is_empty(),
        "the fired TP/SL order is no longer waiting: {left:?}"
    );
    let placed = UnfilledOrders::builder()
        .symbol("BTCUSDT")
        .build()?
        .send(&bot)
        .await?;
    assert_eq!(placed.len(), 1, "{placed:?}");
    assert_eq!(placed[0].size, Some(d("0.01")));
    assert_eq!(placed[0].price, Some(d("58000")));
    Ok(())
}
