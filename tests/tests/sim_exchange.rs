//! The simulator's HTTP endpoints on its exchange core: orders placed through the real client
//! match, move balances and open positions, in one-way and hedge mode (v2's `tradeSide`), and
//! a plan order fires when the mark price crosses. Orders go through the raw escape hatch here,
//! so the simulator's side is checked with bodies written by hand, not by the library's types.

use bitget_core::{ApiCode, Client, Credentials, Method};
use bitget_sim::exchange::{InstrumentId, PosSide, PositionMode, Status};
use bitget_sim::{Account, Decimal, RunningSimulator, Simulator};
use serde_json::{Value, json};

async fn sim() -> RunningSimulator {
    Simulator::builder()
        .account(Account::new("bot", "bot-s", "bot-p"))
        .account(Account::new("maker", "mk-s", "mk-p"))
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

async fn post(c: &Client, path: &'static str, body: Value) -> Result<Value, bitget_core::Error> {
    c.raw(Method::Post, path, 10)
        .params(body)
        .send::<Value>()
        .await
}

/// The answer of a request that must be accepted.
async fn accepted(
    answer: impl std::future::Future<Output = Result<Value, bitget_core::Error>>,
) -> Value {
    answer.await.unwrap_or_else(|e| panic!("{e}"))
}

/// A limit order on the BTCUSDT perpetual (crossed margin, USDT), with `extra` fields merged in.
fn perp_limit(side: &str, price: &str, size: &str, extra: Value) -> Value {
    let mut body = json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "marginMode": "crossed", "marginCoin": "USDT", "side": side, "orderType": "limit", "price": price, "size": size});
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        b.extend(e.clone());
    }
    body
}

/// Places a futures order through v2's place-order path.
async fn place_futures(c: &Client, body: Value) -> Result<Value, bitget_core::Error> {
    post(c, "/api/v2/mix/order/place-order", body).await
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn a_spot_market_buy_takes_the_makers_ask_and_moves_both_balances() {
    let sim = sim().await;
    let (bot, maker) = (
        client(&sim, "bot", "bot-s", "bot-p"),
        client(&sim, "maker", "mk-s", "mk-p"),
    );
    accepted(post(&maker, "/api/v2/spot/trade/place-order", json!({"symbol": "BTCUSDT", "side": "sell", "orderType": "limit", "force": "gtc", "price": "60000", "size": "0.5"}))).await;
    let placed = accepted(post(&bot, "/api/v2/spot/trade/place-order", json!({"symbol": "BTCUSDT", "side": "buy", "orderType": "market", "size": "15000", "clientOid": "bot-1"}))).await;
    assert_eq!(placed["clientOid"], "bot-1");
    let (bot_uid, maker_uid) = (
        sim.uid_of("bot").unwrap_or_default(),
        sim.uid_of("maker").unwrap_or_default(),
    );
    sim.with_exchange(|ex| {
        // 15000 USDT buys 0.25 BTC at 60000, less the 0.1% taker fee in BTC.
        assert_eq!(ex.balance(&bot_uid, "BTC").available, d("100.24975"));
        assert_eq!(ex.balance(&bot_uid, "USDT").available, d("985000"));
        assert_eq!(ex.balance(&maker_uid, "BTC").frozen, d("0.25"));
        assert_eq!(ex.balance(&maker_uid, "USDT").available, d("1014985"));
        let fills: Vec<_> = ex.fills(&bot_uid).collect();
        assert_eq!((fills.len(), fills[0].price), (1, d("60000")));
    });
    // A post-only order that would take is refused with a code.
    let err = post(&bot, "/api/v2/spot/trade/place-order", json!({"symbol": "BTCUSDT", "side": "buy", "orderType": "limit", "force": "post_only", "price": "60000", "size": "0.1"}))
        .await
        .err()
        .unwrap_or_else(|| panic!("refused"));
    assert_eq!(err.api_code().map(ApiCode::as_str), Some("43008"), "{err}");
}

#[tokio::test]
async fn futures_open_a_long_in_one_way_and_hedge_mode_with_v2s_trade_side() {
    let sim = sim().await;
    let (bot, maker) = (
        client(&sim, "bot", "bot-s", "bot-p"),
        client(&sim, "maker", "mk-s", "mk-p"),
    );
    let perp = InstrumentId::futures("USDT-FUTURES", "BTCUSDT");
    let bot_uid = sim.uid_of("bot").unwrap_or_default();
    // One-way: buy opens a long.
    accepted(place_futures(
        &maker,
        perp_limit("sell", "60000", "1", json!({})),
    ))
    .await;
    accepted(place_futures(
        &bot,
        perp_limit("buy", "60000", "1", json!({})),
    ))
    .await;
    sim.with_exchange(|ex| {
        let long = ex
            .position(&bot_uid, &perp, PosSide::Long)
            .cloned()
            .unwrap_or_else(|| panic!("a long"));
        assert_eq!((long.size, long.entry_price()), (d("1"), d("60000")));
    });
    // Reduce-only with nothing short to reduce: refused.
    let err = place_futures(
        &bot,
        perp_limit("buy", "60000", "1", json!({"reduceOnly": "YES"})),
    )
    .await
    .err();
    assert!(err.is_some_and(|e| e.api_code().map(ApiCode::as_str) == Some("22002")));
    // Close the long (sell, reduce-only) so the mode can change, then hedge mode.
    accepted(place_futures(
        &maker,
        perp_limit("buy", "60000", "1", json!({})),
    ))
    .await;
    accepted(place_futures(
        &bot,
        perp_limit("sell", "60000", "1", json!({"reduceOnly": "YES"})),
    ))
    .await;
    sim.with_exchange(|ex| ex.set_position_mode(&bot_uid, PositionMode::Hedge))
        .unwrap_or_else(|e| panic!("{e:?}"));
    // Hedge: tradeSide is required (without it, the position-mode mismatch 40774, catalogue
    // G.1); buy+open opens a long, buy+close closes it (a sell in the book).
    let err = place_futures(&bot, perp_limit("buy", "60000", "1", json!({})))
        .await
        .err();
    assert!(err.is_some_and(|e| e.api_code().map(ApiCode::as_str) == Some("40774")));
    accepted(place_futures(
        &maker,
        perp_limit("sell", "61000", "2", json!({})),
    ))
    .await;
    accepted(place_futures(
        &bot,
        perp_limit("buy", "61000", "2", json!({"tradeSide": "open"})),
    ))
    .await;
    accepted(place_futures(
        &maker,
        perp_limit("buy", "62000", "2", json!({})),
    ))
    .await;
    accepted(place_futures(
        &bot,
        perp_limit("buy", "62000", "1", json!({"tradeSide": "close"})),
    ))
    .await;
    sim.with_exchange(|ex| {
        let long = ex
            .position(&bot_uid, &perp, PosSide::Long)
            .cloned()
            .unwrap_or_else(|| panic!("a long"));
        assert_eq!(long.size, d("1"), "half closed");
        let realized: Decimal = ex.fills(&bot_uid).map(|f| f.realized_pnl).sum();
        assert_eq!(
            realized,
            d("1000"),
            "closed 1 at 62000 after opening at 61000"
        );
    });
}

#[tokio::test]
async fn a_plan_order_fires_when_the_mark_price_crosses() {
    let sim = sim().await;
    let (bot, maker) = (
        client(&sim, "bot", "bot-s", "bot-p"),
        client(&sim, "maker", "mk-s", "mk-p"),
    );
    let perp = InstrumentId::futures("USDT-FUTURES", "BTCUSDT");
    accepted(place_futures(
        &maker,
        perp_limit("sell", "58000", "1", json!({})),
    ))
    .await;
    sim.with_exchange(|ex| ex.set_mark_price(&perp, d("60000")));
    let plan = accepted(post(&bot, "/api/v2/mix/order/place-plan-order", json!({"planType": "normal_plan", "symbol": "BTCUSDT", "productType": "USDT-FUTURES", "marginMode": "crossed", "marginCoin": "USDT", "size": "1", "triggerPrice": "59000", "triggerType": "mark_price", "side": "buy", "orderType": "market", "clientOid": "dip-buy"}))).await;
    assert_eq!(plan["clientOid"], "dip-buy");
    let bot_uid = sim.uid_of("bot").unwrap_or_default();
    sim.with_exchange(|ex| {
        ex.set_mark_price(&perp, d("59500"));
        assert!(ex.positions(&bot_uid).is_empty(), "not yet");
        ex.set_mark_price(&perp, d("58900"));
        let long = ex
            .position(&bot_uid, &perp, PosSide::Long)
            .cloned()
            .unwrap_or_else(|| panic!("fired"));
        assert_eq!((long.size, long.entry_price()), (d("1"), d("58000")));
        assert_eq!(
            ex.orders(&bot_uid).count(),
            1,
            "the plan's order, placed when it fired"
        );
        assert!(ex.orders(&bot_uid).all(|o| o.status == Status::Filled));
    });
    // Fired, so it is no longer live and cannot be cancelled.
    assert!(sim.live_orders("bot").is_empty());
}

#[tokio::test]
async fn futures_market_data_comes_from_the_books_the_fills_and_the_mark() {
    let sim = sim().await;
    let maker = client(&sim, "maker", "mk-s", "mk-p");
    let bot = client(&sim, "bot", "bot-s", "bot-p");
    let order = |side, price, size| perp_limit(side, price, size, json!({}));
    for (side, price, size) in [
        ("sell", "60010", "0.5"),
        ("sell", "60020", "1"),
        ("buy", "59990", "2"),
        ("buy", "59980", "1"),
    ] {
        accepted(place_futures(&maker, order(side, price, size))).await;
    }
    accepted(place_futures(&bot, order("buy", "60010", "0.2"))).await;
    let perp = InstrumentId::futures("USDT-FUTURES", "BTCUSDT");
    sim.with_exchange(|ex| ex.set_mark_price(&perp, d("60005")));
    let get = |path: &'static str, params: Value| {
        let c = bot.clone();
        async move {
            c.raw(Method::Get, path, 20)
                .public()
                .params(params)
                .send::<Value>()
                .await
                .unwrap_or_else(|e| panic!("{path}: {e}"))
        }
    };
    let q = json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES"});
    let ticker = get("/api/v2/mix/market/ticker", q.clone()).await;
    let t = &ticker[0];
    assert_eq!(
        (t["symbol"].as_str(), t["lastPr"].as_str()),
        (Some("BTCUSDT"), Some("60010"))
    );
    assert_eq!(
        (t["askPr"].as_str(), t["askSz"].as_str()),
        (Some("60010"), Some("0.3"))
    );
    assert_eq!(
        (t["bidPr"].as_str(), t["bidSz"].as_str()),
        (Some("59990"), Some("2"))
    );
    assert_eq!(t["markPrice"].as_str(), Some("60005"));
    assert_eq!(t["baseVolume"].as_str(), Some("0.2"));
    let depth = get(
        "/api/v2/mix/market/merge-depth",
        json!({"symbol": "BTCUSDT", "productType": "usdt-futures", "limit": "5"}),
    )
    .await;
    assert_eq!(
        depth["asks"],
        json!([[60010, 0.3], [60020, 1]]),
        "levels are JSON numbers on futures"
    );
    assert_eq!(depth["bids"], json!([[59990, 2], [59980, 1]]));
    let all = get(
        "/api/v2/mix/market/tickers",
        json!({"productType": "USDT-FUTURES"}),
    )
    .await;
    assert!(
        all.as_array()
            .is_some_and(|a| a.iter().any(|t| t["symbol"] == "BTCUSDT"))
    );
    let prices = get("/api/v2/mix/market/symbol-price", q).await;
    assert_eq!(
        (prices[0]["price"].as_str(), prices[0]["markPrice"].as_str()),
        (Some("60010"), Some("60005"))
    );
    // Open interest from the positions (the bot's long of 0.2 against the maker's short), the
    // funding rate a test sets, candles from the fills.
    sim.with_exchange(|ex| ex.set_funding_rate(&perp, d("0.0001")));
    let oi = get(
        "/api/v2/mix/market/open-interest",
        json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES"}),
    )
    .await;
    assert_eq!(
        oi["openInterestList"][0]["size"].as_str(),
        Some("0.2"),
        "{oi}"
    );
    let rate = get(
        "/api/v2/mix/market/current-fund-rate",
        json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES"}),
    )
    .await;
    assert_eq!(rate[0]["fundingRate"].as_str(), Some("0.0001"), "{rate}");
    let candles = get(
        "/api/v2/mix/market/candles",
        json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "granularity": "1m"}),
    )
    .await;
    let rows = candles.as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), 1, "{candles}");
    let row: Vec<&str> = rows[0]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    assert_eq!(
        row[1..6],
        ["60010", "60010", "60010", "60010", "0.2"],
        "{candles}"
    );
    let ts: i64 = rows[0][0]
        .as_str()
        .and_then(|t| t.parse().ok())
        .unwrap_or_default();
    assert!(
        ts % 60_000 == 0 && ts > 1_700_000_000_000,
        "a minute's start on the server's clock: {ts}"
    );
    // The server checks the query as Bitget does: an unknown parameter is 40034, unsigned is fine.
    let err = bot
        .raw(Method::Get, "/api/v2/mix/market/ticker", 20)
        .public()
        .params(json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES", "sym": "x"}))
        .send::<Value>()
        .await
        .err()
        .unwrap_or_else(|| panic!("refused"));
    assert_eq!(err.api_code(), Some(&ApiCode::ParameterUnknown));
}

#[tokio::test]
async fn a_futures_cancel_finds_its_order_whatever_the_symbols_case() {
    use bitget_endpoints::mix::order::BatchCancelOrders;
    use bitget_endpoints::mix::{OrderIdItem, ProductType};
    let sim = sim().await;
    let order = sim
        .seed_futures_order("bot", "USDT-FUTURES", "BTCUSDT", Some("lower-1"))
        .unwrap_or_else(|e| panic!("{e}"));
    let result = BatchCancelOrders::builder()
        .order_id_list([OrderIdItem::by_order_id(&order.order_id)])
        .symbol("btcusdt")
        .product_type(ProductType::UsdtFutures)
        .send(&client(&sim, "bot", "bot-s", "bot-p"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(result.cancelled(&order.order_id), "{result:?}");
    assert!(sim.live_orders("bot").is_empty());
}
