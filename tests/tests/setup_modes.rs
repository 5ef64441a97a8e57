//! Setup that is safe to repeat, held to the simulator: `Setup::ensure` reads first and sends a
//! leverage, margin mode or position mode change only where the account differs, so a bot's
//! second start succeeds where sending the same call again is refused (40920, 45117) while it
//! holds a position; a change that is really refused says so with the code; the position mode
//! read once drives "close my long" on both families.

use bitget_core::{ApiCode, Client, Credentials, Error};
use bitget_endpoints::PositionMode;
use bitget_endpoints::mix::account::{SetLeverage, SetMarginMode, SetPositionMode};
use bitget_endpoints::mix::order::PlaceOrder as FuturesOrder;
use bitget_endpoints::mix::{MarginMode, OrderType, PosMode, ProductType};
use bitget_endpoints::setup::{Ensured, Setup};
use bitget_endpoints::uta::account::{SetHoldMode, SetLeverage as UnifiedLeverage};
use bitget_endpoints::uta::trade::PlaceOrder as UnifiedOrder;
use bitget_endpoints::uta::{Category, HoldMode, OrderType as UnifiedType};
use bitget_sim::{Account, RunningSimulator, Simulator};

fn ok<T, E: std::fmt::Display>(r: Result<T, E>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

async fn sim() -> RunningSimulator {
    ok(Simulator::builder()
        .account(Account::new("bot", "bot-s", "bot-p"))
        .account(Account::new("mm", "mm-s", "mm-p"))
        .account(Account::new("uta", "uta-s", "uta-p").unified(true))
        .account(Account::new("umm", "umm-s", "umm-p").unified(true))
        .without_rate_limits()
        .start()
        .await)
}

fn client(sim: &RunningSimulator, key: &str) -> Client {
    ok(Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new(
            key,
            format!("{key}-s"),
            format!("{key}-p"),
        ))
        .build())
}

/// How many requests the simulator received on `path`.
fn sent(sim: &RunningSimulator, path: &str) -> usize {
    sim.requests().iter().filter(|r| r.path == path).count()
}

fn blocked(r: Result<impl std::fmt::Debug, Error>, code: ApiCode) {
    match r {
        Err(e) => {
            assert!(e.is_blocked_by_positions(), "{e}");
            assert_eq!(e.api_code(), Some(&code), "{e}");
        }
        Ok(v) => panic!("a mode change with a position open went through: {v:?}"),
    }
}

#[tokio::test]
async fn a_classic_bot_repeats_its_setup_while_holding_a_position() {
    let sim = sim().await;
    let (bot, mm) = (client(&sim, "bot"), client(&sim, "mm"));
    let setup = Setup::new(&bot);
    let usdt = ProductType::UsdtFutures;
    let mode = |m: PosMode| {
        ok(SetPositionMode::builder()
            .product_type(usdt.clone())
            .pos_mode(m)
            .build())
    };
    let margin = |m: MarginMode| {
        ok(SetMarginMode::builder()
            .symbol("BTCUSDT")
            .product_type(usdt.clone())
            .margin_coin("USDT")
            .margin_mode(m)
            .build())
    };
    let (hedge, one_way) = (mode(PosMode::HedgeMode), mode(PosMode::OneWayMode));
    let (isolated, crossed) = (margin(MarginMode::Isolated), margin(MarginMode::Crossed));
    let leverage = ok(SetLeverage::builder()
        .symbol("BTCUSDT")
        .product_type(usdt.clone())
        .margin_coin("USDT")
        .leverage(5)
        .build());

    // First start: each differs, each is changed; a second pass sends nothing.
    assert_eq!(ok(setup.ensure(&hedge).await), Ensured::Changed);
    assert_eq!(ok(setup.ensure(&isolated).await), Ensured::Changed);
    assert_eq!(ok(setup.ensure(&leverage).await), Ensured::Changed);
    assert_eq!(ok(setup.ensure(&hedge).await), Ensured::AlreadySo);
    assert_eq!(ok(setup.ensure(&isolated).await), Ensured::AlreadySo);
    assert_eq!(ok(setup.ensure(&leverage).await), Ensured::AlreadySo);
    assert_eq!(sent(&sim, "/api/v2/mix/account/set-position-mode"), 1);
    assert_eq!(sent(&sim, "/api/v2/mix/account/set-margin-mode"), 1);
    assert_eq!(sent(&sim, "/api/v2/mix/account/set-leverage"), 1);
    assert_eq!(
        ok(setup.futures_position_mode(&usdt).await),
        PositionMode::Hedge
    );

    // A long, opened against the maker's ask.
    for (open, price) in [
        (FuturesOrder::open_long(PositionMode::OneWay), 59990),
        (FuturesOrder::open_short(PositionMode::OneWay), 60010),
    ] {
        ok(open
            .symbol("BTCUSDT")
            .product_type(usdt.clone())
            .margin_mode(MarginMode::Crossed)
            .margin_coin("USDT")
            .size(1)
            .price(price)
            .order_type(OrderType::Limit)
            .send(&mm)
            .await);
    }
    // Forgotten, the mode is read again once, then kept however often it is asked.
    setup.forget_position_modes();
    let reads = sent(&sim, "/api/v2/mix/account/accounts");
    let held = ok(setup.futures_position_mode(&usdt).await);
    assert_eq!(held, PositionMode::Hedge);
    assert_eq!(
        sent(&sim, "/api/v2/mix/account/accounts"),
        reads + 1,
        "a forgotten mode is read"
    );
    for _ in 0..3 {
        assert_eq!(ok(setup.futures_position_mode(&usdt).await), held);
    }
    assert_eq!(
        sent(&sim, "/api/v2/mix/account/accounts"),
        reads + 1,
        "the mode is read once, then kept"
    );
    ok(FuturesOrder::open_long(held)
        .symbol("BTCUSDT")
        .product_type(usdt.clone())
        .margin_mode(MarginMode::Isolated)
        .margin_coin("USDT")
        .size("0.1")
        .order_type(OrderType::Market)
        .send(&bot)
        .await);

    // The same calls sent again are refused; ensured, they are already so.
    blocked(bot.send(&hedge).await, ApiCode::PositionModeLocked);
    blocked(bot.send(&isolated).await, ApiCode::MarginModeLocked);
    assert_eq!(ok(setup.ensure(&hedge).await), Ensured::AlreadySo);
    assert_eq!(ok(setup.ensure(&isolated).await), Ensured::AlreadySo);
    assert_eq!(ok(setup.ensure(&leverage).await), Ensured::AlreadySo);

    // A real change is refused, saying why, with the code.
    blocked(setup.ensure(&one_way).await, ApiCode::PositionModeLocked);
    blocked(setup.ensure(&crossed).await, ApiCode::MarginModeLocked);

    // "Close my long" in the mode read, then the switch goes through.
    setup.forget_position_modes();
    let mode_now = ok(setup.futures_position_mode(&usdt).await);
    assert_eq!(mode_now, PositionMode::Hedge);
    ok(FuturesOrder::close_long(mode_now)
        .symbol("BTCUSDT")
        .product_type(usdt.clone())
        .margin_mode(MarginMode::Isolated)
        .margin_coin("USDT")
        .size("0.1")
        .order_type(OrderType::Market)
        .send(&bot)
        .await);
    assert_eq!(ok(setup.ensure(&one_way).await), Ensured::Changed);
    assert_eq!(
        ok(setup.futures_position_mode(&usdt).await),
        PositionMode::OneWay,
        "an ensured mode updates what is kept"
    );
}

#[tokio::test]
async fn a_unified_bot_repeats_its_setup_while_holding_a_position() {
    let sim = sim().await;
    let (bot, mm) = (client(&sim, "uta"), client(&sim, "umm"));
    let setup = Setup::new(&bot);
    let hold = |m: HoldMode| ok(SetHoldMode::builder().hold_mode(m).build());
    let (hedge, one_way) = (hold(HoldMode::HedgeMode), hold(HoldMode::OneWayMode));
    let leverage = |n: u32| {
        ok(UnifiedLeverage::builder()
            .category(Category::UsdtFutures)
            .symbol("BTCUSDT")
            .leverage(n)
            .build())
    };

    assert_eq!(ok(setup.ensure(&hedge).await), Ensured::Changed);
    assert_eq!(ok(setup.ensure(&hedge).await), Ensured::AlreadySo);
    assert_eq!(ok(setup.ensure(&leverage(7)).await), Ensured::Changed);
    assert_eq!(ok(setup.ensure(&leverage(7)).await), Ensured::AlreadySo);
    assert_eq!(ok(setup.ensure(&leverage(8)).await), Ensured::Changed);
    assert_eq!(sent(&sim, "/api/v3/account/set-hold-mode"), 1);
    assert_eq!(sent(&sim, "/api/v3/account/set-leverage"), 2);
    let mode = ok(setup.unified_position_mode().await);
    assert_eq!(mode, PositionMode::Hedge);

    for (open, price) in [
        (UnifiedOrder::open_long(PositionMode::OneWay), 59990),
        (UnifiedOrder::open_short(PositionMode::OneWay), 60010),
    ] {
        ok(open
            .category(Category::UsdtFutures)
            .symbol("BTCUSDT")
            .qty(1)
            .price(price)
            .order_type(UnifiedType::Limit)
            .send(&mm)
            .await);
    }
    ok(UnifiedOrder::open_long(mode)
        .category(Category::UsdtFutures)
        .symbol("BTCUSDT")
        .qty("0.1")
        .order_type(UnifiedType::Market)
        .send(&bot)
        .await);

    blocked(bot.send(&hedge).await, ApiCode::PositionModeLocked);
    assert_eq!(ok(setup.ensure(&hedge).await), Ensured::AlreadySo);
    blocked(setup.ensure(&one_way).await, ApiCode::PositionModeLocked);

    ok(
        UnifiedOrder::close_long(ok(setup.unified_position_mode().await))
            .category(Category::UsdtFutures)
            .symbol("BTCUSDT")
            .qty("0.1")
            .order_type(UnifiedType::Market)
            .send(&bot)
            .await,
    );
    assert_eq!(ok(setup.ensure(&one_way).await), Ensured::Changed);
    assert_eq!(
        ok(setup.unified_position_mode().await),
        PositionMode::OneWay
    );
}

#[tokio::test]
async fn an_invalid_setup_request_is_refused_before_anything_is_read() {
    let sim = sim().await;
    let setup = Setup::new(&client(&sim, "uta"));
    // Futures leverage needs a symbol: the request's own rule, found before any read.
    let no_symbol = UnifiedLeverage {
        category: Category::UsdtFutures,
        symbol: None,
        leverage: 5.into(),
        coin: None,
        pos_side: None,
        margin_mode: None,
        long_leverage: None,
        short_leverage: None,
    };
    let Err(e) = setup.ensure(&no_symbol).await else {
        panic!("a leverage without its symbol was ensured")
    };
    assert!(e.is_validation(), "{e}");
    assert!(format!("{e}").contains("symbol"), "{e}");
    assert!(sim.requests().is_empty(), "{:?}", sim.requests());
}
