//! v3 (Unified) public streams end to end, and v2 candles: the client's typed channels against
//! the simulator's `/v3/ws/public`, pushing from its exchange core.

use std::time::Duration;

use bitget_endpoints::spot::ws::{CandleInterval, Candles};
use bitget_endpoints::stream::{Event, OutOfSync};
use bitget_endpoints::uta::Category;
use bitget_endpoints::uta::ws::{
    Books, Kline, KlineInterval, Liquidation, PublicTrade, TakerSide, Ticker,
};
use bitget_sim::exchange::{InstrumentId, Side};
use tokio::time::timeout;

use bitget_tests::streams::{book_event, d, place, start, until_bid, until_resynced};

#[tokio::test]
async fn a_unified_book_ticker_and_tape_follow_the_exchange() {
    let (sim, streams) = start().await;
    let mut book = streams
        .book(Books::new(Category::UsdtFutures, "BTCUSDT"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mut tape = streams
        .subscribe(PublicTrade::new(Category::UsdtFutures, "BTCUSDT"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mut ticker = streams
        .subscribe(Ticker::new(Category::UsdtFutures, "BTCUSDT"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let id = InstrumentId::futures("USDT-FUTURES", "BTCUSDT");
    place(&sim, "mm", &id, Side::Buy, "59990", "1");
    place(&sim, "mm", &id, Side::Sell, "60010", "1");
    until_bid(&mut book, "59990").await;
    assert_eq!(book.book().best_ask().map(|l| l.price), Some(d("60010")));
    // A fill takes the best ask: the book moves, the tape and the ticker say so.
    place(&sim, "mm2", &id, Side::Buy, "60010", "1");
    let mut moved = false;
    for _ in 0..20 {
        book_event(&mut book).await;
        if book.book().best_ask().is_none() {
            moved = true;
            break;
        }
    }
    assert!(
        moved,
        "the filled ask left the book: {:?}",
        book.book().best_ask()
    );
    let trade = loop {
        match timeout(Duration::from_secs(2), tape.next()).await {
            Ok(Some(Ok(Event::Push(p)))) if !p.data.is_empty() => break p.data[0].clone(),
            Ok(Some(Ok(_))) => {}
            other => panic!("no trade: {other:?}"),
        }
    };
    assert_eq!(
        (trade.price, trade.size, trade.side.clone()),
        (d("60010"), d("1"), TakerSide::Buy)
    );
    let last = loop {
        match timeout(Duration::from_secs(2), ticker.next()).await {
            Ok(Some(Ok(Event::Push(p)))) => {
                if let Some(last) = p.data.first().and_then(|t| t.last_price) {
                    break last;
                }
            }
            Ok(Some(Ok(_))) => {}
            other => panic!("no ticker: {other:?}"),
        }
    };
    assert_eq!(last, d("60010"));
    // A lost push is a gap (v3 sends pseq), the book resyncs.
    sim.book_checksums(false);
    sim.lose_book_updates(1);
    place(&sim, "mm", &id, Side::Buy, "59991", "1");
    tokio::time::sleep(Duration::from_millis(100)).await;
    place(&sim, "mm", &id, Side::Buy, "59992", "1");
    let saw = until_resynced(&mut book).await;
    assert!(matches!(saw.as_slice(), [OutOfSync::Gap { .. }]), "{saw:?}");
    until_bid(&mut book, "59992").await;
}

#[tokio::test]
async fn candles_arrive_on_v2_and_v3_and_liquidations_subscribe() {
    let (sim, streams) = start().await;
    let spot = sim.ensure_spot("BTCUSDT").unwrap_or_else(|e| panic!("{e}"));
    let mut v2 = streams
        .subscribe(Candles::new("BTCUSDT", CandleInterval::M1))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mut v3 = streams
        .subscribe(Kline::new(Category::Spot, "BTCUSDT", KlineInterval::M1))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    streams
        .subscribe(Liquidation::new(Category::UsdtFutures))
        .await
        .unwrap_or_else(|e| panic!("a liquidation subscription is answered: {e}"));
    place(&sim, "mm", &spot, Side::Buy, "60000", "0.5");
    place(&sim, "mm2", &spot, Side::Sell, "60000", "0.5");
    let candle = loop {
        match timeout(Duration::from_secs(2), v2.next()).await {
            Ok(Some(Ok(Event::Push(p)))) if !p.data.is_empty() => break p.data[p.data.len() - 1],
            Ok(Some(Ok(_))) => {}
            other => panic!("no v2 candle: {other:?}"),
        }
    };
    assert_eq!((candle.close, candle.base_volume), (d("60000"), d("0.5")));
    let kline = loop {
        match timeout(Duration::from_secs(2), v3.next()).await {
            Ok(Some(Ok(Event::Push(p)))) if !p.data.is_empty() => break p.data[p.data.len() - 1],
            Ok(Some(Ok(_))) => {}
            other => panic!("no v3 kline: {other:?}"),
        }
    };
    assert_eq!(
        (kline.close, kline.volume, kline.turnover),
        (d("60000"), d("0.5"), d("30000"))
    );
}
