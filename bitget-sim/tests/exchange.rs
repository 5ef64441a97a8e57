//! The exchange's domain core, without HTTP: matching in price-time priority, partial fills,
//! every time in force, market orders walking the book, balances frozen and released, value
//! conserved across random order flows, positions in one-way and hedge mode, reduce-only
//! refusals, and triggers firing on the mark and the last price.

use bitget_sim::exchange::{
    Effect, Exchange, FEE_ACCOUNT, Instrument, InstrumentId, Market, NewOrder, PosSide,
    PositionMode, PriceKind, Reject, Side, Status, TimeInForce, TriggerKind, TriggerStatus,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn btc() -> InstrumentId {
    InstrumentId::spot("BTCUSDT")
}

fn perp() -> InstrumentId {
    InstrumentId::futures("USDT-FUTURES", "BTCUSDT")
}

/// A spot BTCUSDT (tick 0.1, step 0.0001) and a USDT-FUTURES BTCUSDT (tick 0.1, step 0.001),
/// accounts `a`, `b`, `c` each with 10 BTC and 1,000,000 USDT. No price band: these tests move
/// the price 10% at a step; the band has tests of its own.
fn exchange() -> Exchange {
    let mut ex = Exchange::new();
    let unbanded = |mut i: Instrument| {
        i.buy_band = None;
        i.sell_band = None;
        i
    };
    ex.add_instrument(unbanded(Instrument::spot(
        "BTC",
        "USDT",
        d("0.1"),
        d("0.0001"),
    )))
    .unwrap_or_else(|e| panic!("{e:?}"));
    ex.add_instrument(unbanded(Instrument::futures(
        "USDT-FUTURES",
        "BTC",
        "USDT",
        d("0.1"),
        d("0.001"),
    )))
    .unwrap_or_else(|e| panic!("{e:?}"));
    for name in ["a", "b", "c"] {
        ex.open_account(name);
        ex.deposit(name, "BTC", d("10"));
        ex.deposit(name, "USDT", d("1000000"));
    }
    ex
}

fn place(ex: &mut Exchange, order: NewOrder) -> u64 {
    ex.place(order).unwrap_or_else(|e| panic!("refused: {e:?}"))
}

fn sell(account: &str, price: &str, size: &str) -> NewOrder {
    NewOrder::limit(account, btc(), Side::Sell, d(price), d(size))
}

fn buy(account: &str, price: &str, size: &str) -> NewOrder {
    NewOrder::limit(account, btc(), Side::Buy, d(price), d(size))
}

#[test]
fn price_then_time_priority() {
    let mut ex = exchange();
    let first = place(&mut ex, sell("a", "100", "1"));
    let second = place(&mut ex, sell("b", "100", "1"));
    let better = place(&mut ex, sell("c", "99.9", "1"));
    place(&mut ex, buy("a", "100", "2"));
    let status = |id| ex.order(id).map(|o| o.status);
    assert_eq!(
        status(better),
        Some(Status::Filled),
        "the better price first"
    );
    assert_eq!(
        status(first),
        Some(Status::Filled),
        "then the older order at a price"
    );
    assert_eq!(status(second), Some(Status::Live));
    let prices: Vec<Decimal> = ex
        .fills("a")
        .filter(|f| !f.maker)
        .map(|f| f.price)
        .collect();
    assert_eq!(prices, [d("99.9"), d("100")], "each at the maker's price");
}

#[test]
fn partial_fills_rest_and_report_their_state() {
    let mut ex = exchange();
    let maker = place(&mut ex, sell("a", "100", "1"));
    let taker = place(&mut ex, buy("b", "100", "0.4"));
    let m = ex.order(maker).cloned().unwrap_or_else(|| panic!("maker"));
    assert_eq!(
        (m.status, m.filled, m.remaining()),
        (Status::PartiallyFilled, d("0.4"), d("0.6"))
    );
    assert_eq!(ex.order(taker).map(|o| o.status), Some(Status::Filled));
    assert_eq!(ex.depth(&btc(), 5).1, [(d("100"), d("0.6"))]);
    // A buy larger than the book rests its remainder.
    let big = place(&mut ex, buy("c", "100", "1"));
    let o = ex.order(big).cloned().unwrap_or_else(|| panic!("big"));
    assert_eq!((o.status, o.filled), (Status::PartiallyFilled, d("0.6")));
    assert_eq!(ex.depth(&btc(), 5), (vec![(d("100"), d("0.4"))], vec![]));
}

#[test]
fn every_time_in_force() {
    let mut ex = exchange();
    place(&mut ex, sell("a", "100", "1"));
    // IOC: what does not fill at once is cancelled, and its hold returned.
    let ioc = place(&mut ex, buy("b", "100", "1.5").tif(TimeInForce::Ioc));
    let o = ex.order(ioc).cloned().unwrap_or_else(|| panic!("ioc"));
    assert_eq!((o.status, o.filled), (Status::Cancelled, d("1")));
    assert_eq!(ex.balance("b", "USDT").frozen, d("0"));
    // FOK: all or nothing.
    place(&mut ex, sell("a", "101", "1"));
    assert_eq!(
        ex.place(buy("b", "101", "1.5").tif(TimeInForce::Fok)),
        Err(Reject::FokUnfillable)
    );
    let fok = place(&mut ex, buy("b", "101", "1").tif(TimeInForce::Fok));
    assert_eq!(ex.order(fok).map(|o| o.status), Some(Status::Filled));
    // Post-only: refused when it would take, rests when it would not.
    place(&mut ex, sell("a", "102", "1"));
    assert_eq!(
        ex.place(buy("b", "102", "1").tif(TimeInForce::PostOnly)),
        Err(Reject::PostOnlyWouldTake)
    );
    let maker = place(&mut ex, buy("b", "101.9", "1").tif(TimeInForce::PostOnly));
    assert_eq!(ex.order(maker).map(|o| o.status), Some(Status::Live));
}

#[test]
fn market_orders_walk_the_book() {
    let mut ex = exchange();
    place(&mut ex, sell("a", "100", "1"));
    place(&mut ex, sell("a", "101", "1"));
    place(&mut ex, sell("a", "103", "1"));
    // A spot market buy spends a quote amount: 100 + 101 + half of 103.
    let buy = place(&mut ex, NewOrder::market("b", btc(), Side::Buy, d("252.5")));
    let o = ex.order(buy).cloned().unwrap_or_else(|| panic!("buy"));
    assert_eq!(
        (o.status, o.filled, o.filled_quote),
        (Status::Filled, d("2.5"), d("252.5"))
    );
    // A market sell by size against bids, best first.
    place(
        &mut ex,
        NewOrder::limit("c", btc(), Side::Buy, d("99"), d("1")),
    );
    place(
        &mut ex,
        NewOrder::limit("c", btc(), Side::Buy, d("98"), d("1")),
    );
    let sell = place(&mut ex, NewOrder::market("b", btc(), Side::Sell, d("1.5")));
    let prices: Vec<Decimal> = ex
        .fills("b")
        .filter(|f| f.order_id == sell)
        .map(|f| f.price)
        .collect();
    assert_eq!(prices, [d("99"), d("98")]);
    // Nothing to take: refused.
    let mut empty = exchange();
    assert_eq!(
        empty.place(NewOrder::market("b", btc(), Side::Buy, d("10"))),
        Err(Reject::NoLiquidity)
    );
}

#[test]
fn orders_freeze_their_balance_and_cancels_release_it() {
    let mut ex = exchange();
    let id = place(&mut ex, buy("a", "100", "2"));
    assert_eq!(ex.balance("a", "USDT").frozen, d("200"));
    assert_eq!(ex.balance("a", "USDT").available, d("999800"));
    let cancelled = ex.cancel("a", id).unwrap_or_else(|| panic!("cancel"));
    assert_eq!(cancelled.status, Status::Cancelled);
    assert_eq!(
        ex.balance("a", "USDT"),
        bitget_sim::exchange::Balance {
            available: d("1000000"),
            frozen: d("0")
        }
    );
    assert!(
        ex.cancel("a", id).is_none(),
        "a second cancel finds nothing"
    );
    let a_order = place(&mut ex, sell("a", "100", "1"));
    assert!(ex.cancel("b", a_order).is_none(), "not b's order");
    assert_eq!(
        ex.place(sell("a", "100", "11")),
        Err(Reject::InsufficientBalance)
    );
    assert_eq!(ex.place(sell("a", "100.05", "1")), Err(Reject::PriceTick));
    assert_eq!(ex.place(sell("a", "100", "0.00001")), Err(Reject::SizeStep));
    let dup = sell("a", "100", "1").client_oid("x");
    place(&mut ex, dup.clone());
    assert_eq!(ex.place(dup), Err(Reject::DuplicateClientOid));
}

#[test]
fn a_fill_moves_value_between_the_two_sides_and_the_fee_account() {
    let mut ex = exchange();
    place(&mut ex, sell("a", "100", "1")); // maker fee 0.1% of the quote
    place(&mut ex, buy("b", "100", "1")); // taker fee 0.1% of the base
    assert_eq!(ex.balance("a", "BTC").available, d("9"));
    assert_eq!(ex.balance("a", "USDT").available, d("1000099.9"));
    assert_eq!(ex.balance("b", "BTC").available, d("10.999"));
    assert_eq!(ex.balance("b", "USDT").available, d("999900"));
    assert_eq!(ex.balance(FEE_ACCOUNT, "BTC").available, d("0.001"));
    assert_eq!(ex.balance(FEE_ACCOUNT, "USDT").available, d("0.1"));
    assert_eq!(ex.total("BTC"), d("30"));
    assert_eq!(ex.total("USDT"), d("3000000"));
}

/// A random spot order: account, side, price offset, size, time in force, market or not.
fn spot_order() -> impl Strategy<Value = (usize, bool, i64, i64, u8, bool)> {
    (
        0..3usize,
        any::<bool>(),
        -20..20i64,
        1..300i64,
        0..4u8,
        prop::bool::weighted(0.15),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Over random flows of spot orders and cancels: no balance ever negative, every coin
    /// conserved exactly (fees included), no order frozen when not open.
    #[test]
    fn spot_balances_stay_non_negative_and_conserved(flow in prop::collection::vec((spot_order(), 0..10u8), 1..150)) {
        let mut ex = exchange();
        let names = ["a", "b", "c"];
        // (owner, id) of the orders placed, so a cancel is the owner's and really cancels.
        let mut placed = Vec::new();
        for ((who, is_buy, offset, size, tif, market), cancel) in flow {
            let account = names[who];
            if cancel < 2 {
                if let Some((owner, id)) = placed.pop() {
                    let _ = ex.cancel(owner, id);
                }
                continue;
            }
            let side = if is_buy { Side::Buy } else { Side::Sell };
            let price = Decimal::new(1000 + offset, 1);
            let size = Decimal::new(size, 3);
            let order = if market {
                let size = if is_buy { price * size } else { size };
                NewOrder::market(account, btc(), side, size)
            } else {
                let tif = [TimeInForce::Gtc, TimeInForce::Ioc, TimeInForce::Fok, TimeInForce::PostOnly][tif as usize];
                NewOrder::limit(account, btc(), side, price, size).tif(tif)
            };
            if let Ok(id) = ex.place(order) {
                placed.push((account, id));
            }
            for name in names.iter().chain([&FEE_ACCOUNT]) {
                for (coin, bal) in ex.balances(name) {
                    prop_assert!(!bal.available.is_sign_negative() || bal.available.is_zero(), "{name} {coin} {bal:?}");
                    prop_assert!(!bal.frozen.is_sign_negative() || bal.frozen.is_zero(), "{name} {coin} {bal:?}");
                }
            }
            prop_assert_eq!(ex.total("BTC"), d("30"));
            prop_assert_eq!(ex.total("USDT"), d("3000000"));
        }
        // With every order cancelled, nothing stays frozen.
        for name in names {
            let open: Vec<u64> = ex.open_orders(name).map(|o| o.id).collect();
            for id in open {
                prop_assert!(ex.cancel(name, id).is_some());
            }
            for (coin, bal) in ex.balances(name) {
                prop_assert!(bal.frozen.is_zero(), "{name} {coin} {bal:?}");
            }
        }
    }

    /// Over random futures flows in one-way mode: equity (balances, margins and every position's
    /// profit at one price) is conserved, fees included; no balance negative.
    #[test]
    fn futures_equity_is_conserved(flow in prop::collection::vec((0..3usize, any::<bool>(), -20..20i64, 1..50i64, any::<bool>()), 1..120)) {
        let (ex, _) = futures_flow(&flow);
        // The opening pair always trades, so the flow runs against real positions.
        prop_assert!(ex.fills("a").count() > 0);
    }
}

/// A random futures order: account, buy or sell, price offset (tenths around 100), size
/// (hundredths), reduce-only.
type FuturesStep = (usize, bool, i64, i64, bool);

/// Runs `flow` after an opening pair (a short, b long, 1 at 100, leverage 5), checking after
/// every order that no balance is negative and equity is conserved at three prices; returns the
/// exchange and how many of the flow's orders were accepted.
fn futures_flow(flow: &[FuturesStep]) -> (Exchange, usize) {
    let mut ex = exchange();
    let names = ["a", "b", "c"];
    for name in names {
        assert!(ex.set_leverage(name, &perp(), 5).is_ok());
    }
    place(&mut ex, future("a", Side::Sell, "100", "1", OPEN));
    place(&mut ex, future("b", Side::Buy, "100", "1", OPEN));
    let mut accepted = 0;
    for &(who, is_buy, offset, size, reduce_only) in flow {
        let side = if is_buy { Side::Buy } else { Side::Sell };
        let order = NewOrder::limit(
            names[who],
            perp(),
            side,
            Decimal::new(1000 + offset, 1),
            Decimal::new(size, 2),
        )
        .effect(Effect::Net { reduce_only });
        accepted += usize::from(ex.place(order).is_ok());
        for name in names {
            for (coin, bal) in ex.balances(name) {
                assert!(
                    !bal.available.is_sign_negative() || bal.available.is_zero(),
                    "{name} {coin} {bal:?}"
                );
            }
        }
        for price in [d("95"), d("100"), d("105")] {
            assert_eq!(ex.equity("USDT", price), d("3000000"));
        }
    }
    (ex, accepted)
}

/// The same check on one long deterministic flow, asserting that it really trades: most orders
/// accepted, many fills, positions open.
#[test]
fn a_long_futures_flow_trades_and_conserves_equity() {
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let flow: Vec<FuturesStep> = (0..400)
        .map(|_| {
            let who = next(3) as usize;
            let is_buy = next(2) == 0;
            let offset = next(40) as i64 - 20;
            let size = 5 + next(45) as i64;
            (who, is_buy, offset, size, next(5) == 0)
        })
        .collect();
    let (ex, accepted) = futures_flow(&flow);
    let fills: usize = ["a", "b", "c"].iter().map(|n| ex.fills(n).count()).sum();
    assert!(accepted > 200, "{accepted} of 400 accepted");
    assert!(fills > 100, "{fills} fills");
    assert!(
        !ex.positions("a").is_empty()
            || !ex.positions("b").is_empty()
            || !ex.positions("c").is_empty()
    );
}

fn future(account: &str, side: Side, price: &str, size: &str, effect: Effect) -> NewOrder {
    NewOrder::limit(account, perp(), side, d(price), d(size)).effect(effect)
}

const OPEN: Effect = Effect::Net { reduce_only: false };
const REDUCE: Effect = Effect::Net { reduce_only: true };

#[test]
fn one_way_positions_open_grow_shrink_close_and_flip() {
    let mut ex = exchange();
    let pos = |ex: &Exchange, side| {
        ex.position("b", &perp(), side)
            .map(|p| (p.size, p.entry_price()))
    };
    // b buys 1 at 100, then 1 at 110: long 2 at 105.
    place(&mut ex, future("a", Side::Sell, "100", "1", OPEN));
    place(&mut ex, future("b", Side::Buy, "100", "1", OPEN));
    place(&mut ex, future("a", Side::Sell, "110", "1", OPEN));
    place(&mut ex, future("b", Side::Buy, "110", "1", OPEN));
    assert_eq!(pos(&ex, PosSide::Long), Some((d("2"), d("105"))));
    assert_eq!(
        ex.position("a", &perp(), PosSide::Short).map(|p| p.size),
        Some(d("2"))
    );
    // Sell 0.5 at 120: realised (120 - 105) × 0.5 = 7.5.
    place(&mut ex, future("c", Side::Buy, "120", "0.5", OPEN));
    place(&mut ex, future("b", Side::Sell, "120", "0.5", REDUCE));
    assert_eq!(pos(&ex, PosSide::Long), Some((d("1.5"), d("105"))));
    let realized: Decimal = ex.fills("b").map(|f| f.realized_pnl).sum();
    assert_eq!(realized, d("7.5"));
    // Sell 2 at 120 (not reduce-only): closes the 1.5 long and opens 0.5 short.
    place(&mut ex, future("c", Side::Buy, "120", "2", OPEN));
    place(&mut ex, future("b", Side::Sell, "120", "2", OPEN));
    assert_eq!(pos(&ex, PosSide::Long), None);
    assert_eq!(pos(&ex, PosSide::Short), Some((d("0.5"), d("120"))));
    // Margin: 0.5 × 120 / 10 (default leverage).
    assert_eq!(
        ex.position("b", &perp(), PosSide::Short).map(|p| p.margin),
        Some(d("6"))
    );
}

#[test]
fn reduce_only_refusals() {
    let mut ex = exchange();
    assert_eq!(
        ex.place(future("b", Side::Sell, "100", "1", REDUCE)),
        Err(Reject::NoPosition)
    );
    place(&mut ex, future("a", Side::Sell, "100", "1", OPEN));
    place(&mut ex, future("b", Side::Buy, "100", "1", OPEN));
    assert_eq!(
        ex.place(future("b", Side::Sell, "100", "1.5", REDUCE)),
        Err(Reject::ReduceTooLarge)
    );
    assert_eq!(
        ex.place(future("b", Side::Buy, "100", "1", REDUCE)),
        Err(Reject::NoPosition),
        "a buy cannot reduce a long"
    );
    // Spot orders take no effect, futures orders need one.
    assert_eq!(
        ex.place(NewOrder::limit("b", perp(), Side::Buy, d("100"), d("1"))),
        Err(Reject::EffectMismatch)
    );
    // Hedge effects need hedge mode.
    assert_eq!(
        ex.place(future(
            "b",
            Side::Buy,
            "100",
            "1",
            Effect::Hedge {
                pos: PosSide::Long,
                close: false
            }
        )),
        Err(Reject::WrongPositionMode)
    );
}

#[test]
fn hedge_mode_holds_a_long_and_a_short_and_closes_each() {
    let mut ex = exchange();
    assert_eq!(ex.set_position_mode("b", PositionMode::Hedge), Ok(()));
    let open_long = Effect::Hedge {
        pos: PosSide::Long,
        close: false,
    };
    let open_short = Effect::Hedge {
        pos: PosSide::Short,
        close: false,
    };
    let close_long = Effect::Hedge {
        pos: PosSide::Long,
        close: true,
    };
    place(&mut ex, future("a", Side::Sell, "100", "1", OPEN));
    place(&mut ex, future("b", Side::Buy, "100", "1", open_long));
    place(&mut ex, future("a", Side::Buy, "100", "2", OPEN));
    place(&mut ex, future("b", Side::Sell, "100", "2", open_short));
    assert_eq!(ex.positions("b").len(), 2, "a long and a short at once");
    // Closing a long is a sell; a buy cannot close it.
    assert_eq!(
        ex.place(future("b", Side::Buy, "100", "1", close_long)),
        Err(Reject::WrongPositionMode)
    );
    assert_eq!(
        ex.place(future("b", Side::Sell, "100", "1", open_long)),
        Err(Reject::WrongPositionMode)
    );
    place(&mut ex, future("c", Side::Buy, "101", "1", OPEN));
    place(&mut ex, future("b", Side::Sell, "101", "1", close_long));
    assert_eq!(ex.position("b", &perp(), PosSide::Long), None);
    assert_eq!(
        ex.position("b", &perp(), PosSide::Short).map(|p| p.size),
        Some(d("2"))
    );
    // The mode cannot change with positions open.
    assert_eq!(
        ex.set_position_mode("b", PositionMode::OneWay),
        Err(Reject::WrongPositionMode)
    );
}

#[test]
fn a_plan_order_fires_when_the_mark_price_crosses() {
    let mut ex = exchange();
    ex.set_mark_price(&perp(), d("100"));
    place(&mut ex, future("a", Side::Sell, "95", "1", OPEN));
    let plan = ex
        .add_trigger(
            TriggerKind::Plan,
            d("96"),
            PriceKind::Mark,
            NewOrder::market("b", perp(), Side::Buy, d("1")).effect(OPEN),
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
    ex.set_mark_price(&perp(), d("97"));
    assert_eq!(
        ex.trigger(plan).map(|t| t.status.clone()),
        Some(TriggerStatus::Live)
    );
    ex.set_mark_price(&perp(), d("96"));
    assert!(matches!(
        ex.trigger(plan).map(|t| &t.status),
        Some(TriggerStatus::Triggered(_))
    ));
    assert_eq!(
        ex.position("b", &perp(), PosSide::Long).map(|p| p.size),
        Some(d("1"))
    );
}

#[test]
fn take_profit_and_stop_loss_close_the_whole_position_once() {
    let mut ex = exchange();
    place(&mut ex, future("a", Side::Sell, "100", "2", OPEN));
    place(&mut ex, future("b", Side::Buy, "100", "2", OPEN));
    let close_all = || NewOrder::market("b", perp(), Side::Sell, d("0")).effect(REDUCE);
    let tp = ex
        .add_trigger(
            TriggerKind::TakeProfit,
            d("110"),
            PriceKind::Mark,
            close_all(),
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
    let sl = ex
        .add_trigger(TriggerKind::StopLoss, d("90"), PriceKind::Mark, close_all())
        .unwrap_or_else(|e| panic!("{e:?}"));
    // Liquidity for the close, then the mark rises through the take-profit.
    place(&mut ex, future("c", Side::Buy, "110", "5", OPEN));
    ex.set_mark_price(&perp(), d("111"));
    assert!(matches!(
        ex.trigger(tp).map(|t| &t.status),
        Some(TriggerStatus::Triggered(_))
    ));
    assert_eq!(
        ex.position("b", &perp(), PosSide::Long),
        None,
        "the whole position closed"
    );
    // The stop-loss belonged to the closed position: cancelled with it, it never fires.
    assert_eq!(
        ex.trigger(sl).map(|t| t.status.clone()),
        Some(TriggerStatus::Cancelled)
    );
    ex.set_mark_price(&perp(), d("89"));
    assert_eq!(
        ex.trigger(sl).map(|t| t.status.clone()),
        Some(TriggerStatus::Cancelled)
    );
}

#[test]
fn a_partial_stop_loss_goes_with_its_position() {
    let mut ex = exchange();
    place(&mut ex, future("a", Side::Sell, "100", "2", OPEN));
    place(&mut ex, future("b", Side::Buy, "100", "2", OPEN));
    // A stop-loss for 1 of the 2 (not the whole position) stays when the position closes.
    let sl = ex
        .add_trigger(
            TriggerKind::StopLoss,
            d("90"),
            PriceKind::Mark,
            NewOrder::market("b", perp(), Side::Sell, d("1")).effect(REDUCE),
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
    place(&mut ex, future("c", Side::Buy, "100", "5", OPEN));
    place(
        &mut ex,
        NewOrder::market("b", perp(), Side::Sell, d("2")).effect(REDUCE),
    );
    assert_eq!(ex.position("b", &perp(), PosSide::Long), None);
    // A stop-loss for part of the position belongs to it as well: cancelled, it cannot fire on
    // the next position.
    assert_eq!(
        ex.trigger(sl).map(|t| t.status.clone()),
        Some(TriggerStatus::Cancelled)
    );
}

#[test]
fn a_take_profit_or_stop_loss_past_the_price_is_refused_and_never_turned_around() {
    let mut ex = exchange();
    place(&mut ex, future("a", Side::Sell, "100", "2", OPEN));
    place(&mut ex, future("b", Side::Buy, "100", "2", OPEN));
    ex.set_mark_price(&perp(), d("100"));
    let close_all = || NewOrder::market("b", perp(), Side::Sell, d("0")).effect(REDUCE);
    // A long's stop-loss above the price, or its take-profit below it, would fire at once.
    for (kind, price) in [
        (TriggerKind::StopLoss, "101"),
        (TriggerKind::TakeProfit, "99"),
    ] {
        assert_eq!(
            ex.add_trigger(kind, d(price), PriceKind::Mark, close_all()),
            Err(Reject::TriggerCrossed)
        );
    }
    let sl = ex
        .add_trigger(TriggerKind::StopLoss, d("90"), PriceKind::Mark, close_all())
        .unwrap_or_else(|e| panic!("{e:?}"));
    // Moving it above the price is refused: it stays a stop below, waiting for a fall.
    assert_eq!(
        ex.modify_trigger("b", sl, d("105"), PriceKind::Mark, close_all()),
        Err(Reject::TriggerCrossed)
    );
    ex.modify_trigger("b", sl, d("95"), PriceKind::Mark, close_all())
        .unwrap_or_else(|e| panic!("{e:?}"));
    ex.set_mark_price(&perp(), d("110"));
    assert_eq!(
        ex.trigger(sl).map(|t| t.status.clone()),
        Some(TriggerStatus::Live),
        "a rise never fires a long's stop-loss"
    );
}

#[test]
fn a_last_price_trigger_fires_on_a_trade() {
    let mut ex = exchange();
    place(&mut ex, sell("a", "100", "1"));
    place(&mut ex, buy("b", "100", "0.1"));
    let t = ex
        .add_trigger(
            TriggerKind::Plan,
            d("101"),
            PriceKind::Last,
            buy("c", "99", "1"),
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
    place(&mut ex, sell("a", "101", "1"));
    assert_eq!(
        ex.trigger(t).map(|t| t.status.clone()),
        Some(TriggerStatus::Live)
    );
    // Takes the 0.9 left at 100, then 0.5 at 101: the last price reaches 101.
    place(&mut ex, buy("b", "101", "1.4"));
    assert!(matches!(
        ex.trigger(t).map(|t| &t.status),
        Some(TriggerStatus::Triggered(_))
    ));
    assert_eq!(ex.open_orders("c").count(), 1);
}

#[test]
fn the_same_calls_give_the_same_ids_fills_and_numbers() {
    let run = || {
        let mut ex = exchange();
        for i in 0..50i64 {
            let _ = ex.place(NewOrder::limit(
                ["a", "b"][(i % 2) as usize],
                btc(),
                if i % 3 == 0 { Side::Buy } else { Side::Sell },
                Decimal::new(1000 + (i * 7) % 11, 1),
                Decimal::new(1 + i % 5, 1),
            ));
        }
        (
            ex.fills("a").cloned().collect::<Vec<_>>(),
            ex.orders("b").cloned().collect::<Vec<_>>(),
            ex.balances("a"),
        )
    };
    assert_eq!(run(), run());
}

#[test]
fn a_resting_close_order_never_fills_beyond_its_position() {
    let mut ex = exchange();
    place(&mut ex, future("b", Side::Sell, "100", "1", OPEN));
    place(&mut ex, future("a", Side::Buy, "100", "1", OPEN)); // a is long 1
    // A rests a reduce-only sell at 110, then closes the long another way.
    let resting = place(&mut ex, future("a", Side::Sell, "110", "1", REDUCE));
    place(&mut ex, future("c", Side::Buy, "100", "1", OPEN));
    place(
        &mut ex,
        NewOrder::market("a", perp(), Side::Sell, d("1")).effect(REDUCE),
    );
    assert!(ex.positions("a").is_empty());
    // A buyer reaches 110: the orphaned close order is cancelled, not filled into a position.
    place(&mut ex, future("c", Side::Sell, "111", "1", OPEN));
    place(&mut ex, future("b", Side::Buy, "111", "1", OPEN));
    assert_eq!(
        ex.order(resting).map(|o| (o.status, o.filled)),
        Some((Status::Cancelled, d("0")))
    );
    assert!(ex.positions("a").is_empty());
    for price in [d("90"), d("120")] {
        assert_eq!(ex.equity("USDT", price), d("3000000"));
    }
}

#[test]
fn a_leverage_change_does_not_charge_more_margin_than_was_held() {
    let mut ex = exchange();
    ex.open_account("d");
    ex.deposit("d", "USDT", d("1006"));
    // 1000 margin + 6 taker fee held at 10x: all of d's balance.
    place(&mut ex, future("d", Side::Buy, "10000", "1", OPEN));
    assert_eq!(ex.balance("d", "USDT").available, d("0"));
    assert_eq!(ex.set_leverage("d", &perp(), 1), Ok(()));
    place(&mut ex, future("a", Side::Sell, "10000", "1", OPEN));
    let bal = ex.balance("d", "USDT");
    assert!(!bal.available.is_sign_negative(), "{bal:?}");
    // 1006 held, 1000 margin at 10x and the 2 maker fee charged: 4 back.
    assert_eq!(bal.available, d("4"), "{bal:?}");
    assert_eq!(
        ex.position("d", &perp(), PosSide::Long).map(|p| p.leverage),
        Some(10)
    );
}

#[test]
fn absurd_numbers_are_refused_not_a_panic() {
    let mut ex = exchange();
    assert_eq!(
        ex.place(sell("a", "1000000000000000", "100000000000000")),
        Err(Reject::TooLarge)
    );
    assert_eq!(
        ex.add_instrument(Instrument::spot("ETH", "USDT", d("0"), d("0.01"))),
        Err(Reject::PriceTick)
    );
    assert_eq!(
        ex.add_instrument(Instrument::spot("ETH", "USDT", d("0.01"), d("0"))),
        Err(Reject::SizeStep)
    );
}

#[test]
fn candles_come_from_the_trades_and_open_interest_from_the_positions() {
    let mut ex = exchange();
    ex.set_time(1_700_000_000_000); // 13:33:20 UTC: inside a minute that starts at ..._000_000 - 20_000
    place(&mut ex, sell("a", "100", "1"));
    place(&mut ex, buy("b", "100", "0.5"));
    place(&mut ex, buy("b", "100", "0.2"));
    ex.set_time(1_700_000_065_000); // the next minute
    place(&mut ex, sell("a", "99", "1"));
    place(&mut ex, buy("c", "99", "0.1"));
    let candles = ex.candles(&btc(), 60_000, (i64::MIN, i64::MAX), 10);
    assert_eq!(candles.len(), 2);
    assert_eq!(candles[0].ts % 60_000, 0);
    assert_eq!(
        (candles[0].open, candles[0].close, candles[0].base_volume),
        (d("100"), d("100"), d("0.7"))
    );
    assert_eq!(
        (candles[1].low, candles[1].quote_volume),
        (d("99"), d("9.9"))
    );
    assert_eq!(
        ex.candles(&btc(), 60_000, (i64::MIN, i64::MAX), 1).len(),
        1,
        "the latest only"
    );
    // Open interest: the open longs of a contract.
    place(&mut ex, future("a", Side::Sell, "100", "2", OPEN));
    place(&mut ex, future("b", Side::Buy, "100", "1.5", OPEN));
    assert_eq!(ex.open_interest(&perp()), d("1.5"));
    ex.set_funding_rate(&perp(), d("0.0002"));
    assert_eq!(ex.funding_rate(&perp()), d("0.0002"));
}

#[test]
fn a_replace_keeps_what_filled_and_never_loses_the_order() {
    let mut ex = exchange();
    let id = place(
        &mut ex,
        buy("b", "100", "2")
            .client_oid("b1")
            .tif(TimeInForce::PostOnly),
    );
    place(&mut ex, sell("a", "100", "1"));
    // A new total at or below what filled is refused, the order untouched.
    assert_eq!(
        ex.replace("b", id, None, d("1")),
        Some(Err(Reject::SizeStep))
    );
    // A new total of 3: 1 filled, the replacement rests 2, under the same client id.
    let new = ex
        .replace("b", id, Some(d("99")), d("3"))
        .unwrap_or_else(|| panic!("the order is open"))
        .unwrap_or_else(|e| panic!("{e:?}"));
    let o = ex.order(new).cloned().unwrap_or_else(|| panic!("placed"));
    assert_eq!(
        (
            o.request.size,
            o.request.price,
            o.request.client_oid.as_deref()
        ),
        (d("2"), Some(d("99")), Some("b1"))
    );
    // A post-only replacement that would now take an ask is refused after the cancel: the
    // order is put back as it was, not lost.
    place(&mut ex, sell("a", "101", "1"));
    assert_eq!(
        ex.replace("b", new, Some(d("102")), d("3")),
        Some(Err(Reject::PostOnlyWouldTake))
    );
    let back = ex
        .order_by_client_oid("b", "b1")
        .cloned()
        .unwrap_or_else(|| panic!("put back"));
    assert!(back.status.is_open());
    assert_eq!(
        (back.request.price, back.remaining()),
        (Some(d("99")), d("2"))
    );
}

/// The outbox says what happened, in order: an order resting, then the match (a fill per side,
/// each order's new state), then a cancel; read from any sequence number.
#[test]
fn the_outbox_records_orders_and_fills_in_order() {
    use bitget_sim::exchange::outbox::Event;
    let mut ex = exchange();
    let start = ex.last_event();
    let ask = place(&mut ex, sell("a", "60000", "1"));
    let bid = place(&mut ex, buy("b", "60000", "0.4"));
    let name = |id: u64| match id {
        i if i == ask => "ask",
        i if i == bid => "bid",
        _ => "other",
    };
    let events: Vec<Event> = ex.events_after(start).map(|(_, e)| e.clone()).collect();
    let summary: Vec<String> = events
        .iter()
        .map(|e| match e {
            Event::Order { id, status, .. } => format!("order {} {status:?}", name(*id)),
            Event::Fill { order_id, .. } => format!("fill {}", name(*order_id)),
        })
        .collect();
    assert_eq!(
        summary,
        [
            "order ask Live",
            "order bid Live",
            "order ask PartiallyFilled",
            "fill ask",
            "order bid Filled",
            "fill bid",
        ],
        "{events:?}"
    );
    let after_match = ex.last_event();
    assert_eq!(ex.events_after(after_match).count(), 0);
    ex.cancel("a", ask);
    let last: Vec<Event> = ex
        .events_after(after_match)
        .map(|(_, e)| e.clone())
        .collect();
    assert!(
        matches!(last.as_slice(), [Event::Order { id, status: Status::Cancelled, .. }] if *id == ask),
        "{last:?}"
    );
    assert!(events.iter().all(|e| *e.instrument() == btc()));
}

/// A Classic account's wallets are apart: a futures order is margined from its product type's
/// wallet only (refused when that is short, however much spot holds), its fills move nothing in
/// spot, and a transfer is all or nothing.
#[test]
fn a_classic_account_margins_futures_from_its_futures_wallet_only() {
    let mut ex = exchange();
    let futures = Market::Futures("USDT-FUTURES".into());
    ex.open_classic_account("k");
    ex.deposit("k", "USDT", d("1000000"));
    ex.deposit_to("k", &futures, "USDT", d("100"));
    // 0.1 BTC at 60000 and leverage 10 needs 600 of margin: more than the futures wallet holds.
    let long =
        |size: &str| NewOrder::limit("k", perp(), Side::Buy, d("60000"), d(size)).effect(OPEN);
    assert_eq!(ex.place(long("0.1")), Err(Reject::InsufficientBalance));
    assert_eq!(
        ex.transfer("k", &Market::Spot, &futures, "USDT", d("1000001")),
        Err(Reject::InsufficientBalance)
    );
    assert_eq!(
        ex.balance("k", "USDT").available,
        d("1000000"),
        "nothing moved"
    );
    ex.transfer("k", &Market::Spot, &futures, "USDT", d("900"))
        .unwrap_or_else(|e| panic!("{e:?}"));
    place(
        &mut ex,
        NewOrder::limit("a", perp(), Side::Sell, d("60000"), d("0.1")).effect(OPEN),
    );
    place(&mut ex, long("0.1"));
    assert_eq!(ex.positions("k").len(), 1);
    assert_eq!(
        ex.balance("k", "USDT").available,
        d("999100"),
        "spot untouched by the fill"
    );
    let fee = d("60000") * d("0.1") * ex.instrument(&perp()).map_or(d("0"), |i| i.taker_fee);
    assert_eq!(
        ex.balance_in("k", &futures, "USDT").available,
        d("1000") - d("600") - fee
    );
    // All of the coin is still accounted for, across both wallets and the position's margin.
    assert_eq!(ex.total("USDT"), d("3000000") + d("1000100"));
}
