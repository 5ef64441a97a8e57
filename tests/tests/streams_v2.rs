//! v2 public streams end to end: the real client's connection against the simulator's stream
//! endpoints, pushing from its exchange core. A book that stays equal to the exchange's, and
//! that says so and recovers when a push is lost, a checksum is wrong or the connection drops;
//! trades and tickers as they happen; a refused channel named with Bitget's code; a slow
//! consumer told how much it missed.

use std::time::Duration;

use bitget_core::Client;
use bitget_endpoints::mix::ProductType;
use bitget_endpoints::mix::ws as futures_ws;
use bitget_endpoints::spot::ws::{Books, Books5, TakerSide, Ticker, Trade};
use bitget_endpoints::stream::{Event, OutOfSync, StreamConfig, Streams};
use bitget_sim::exchange::{InstrumentId, NewOrder, Side};
use bitget_sim::{Account, Simulator};
use tokio::time::timeout;

use bitget_tests::streams::{d, place, start, until_bid, until_resubscribed, until_resynced};

#[tokio::test]
async fn a_spot_book_follows_the_exchange_and_recovers_from_a_lost_push_and_a_bad_checksum() {
    let (sim, streams) = start().await;
    let id = sim.ensure_spot("BTCUSDT").unwrap_or_else(|e| panic!("{e}"));
    place(&sim, "mm", &id, Side::Buy, "59990", "1");
    place(&sim, "mm", &id, Side::Sell, "60010", "2");
    let mut book = streams
        .book(Books::new("BTCUSDT"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    until_bid(&mut book, "59990").await;
    assert_eq!(
        book.book().best_ask().map(|l| (l.price, l.size)),
        Some((d("60010"), d("2")))
    );

    // An update: a better bid.
    place(&sim, "mm", &id, Side::Buy, "59995", "0.5");
    until_bid(&mut book, "59995").await;

    // A lost push: spot sends no pseq, the checksum of the next update shows it.
    sim.lose_book_updates(1);
    place(&sim, "mm", &id, Side::Buy, "59996", "0.1");
    tokio::time::sleep(Duration::from_millis(100)).await;
    place(&sim, "mm", &id, Side::Sell, "60005", "0.1");
    let saw = until_resynced(&mut book).await;
    assert!(
        matches!(saw.as_slice(), [OutOfSync::Checksum { .. }]),
        "{saw:?}"
    );
    assert!(book.book().is_synced(), "resynced from a fresh snapshot");
    assert_eq!(book.book().best_bid().map(|l| l.price), Some(d("59996")));
    assert_eq!(book.book().best_ask().map(|l| l.price), Some(d("60005")));

    // A wrong checksum: detected, resubscribed, right again.
    sim.corrupt_book_checksums(1);
    place(&sim, "mm", &id, Side::Buy, "59997", "0.1");
    let saw = until_resynced(&mut book).await;
    assert!(
        matches!(saw.as_slice(), [OutOfSync::Checksum { .. }]),
        "{saw:?}"
    );
    until_bid(&mut book, "59997").await;
}

#[tokio::test]
async fn a_futures_book_detects_a_lost_push_by_its_pseq() {
    let (sim, streams) = start().await;
    // Listed on first use by the subscription, then given levels.
    let channel = futures_ws::Books::new(ProductType::UsdtFutures, "BTCUSDT");
    let mut book = streams
        .book(channel)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let id = InstrumentId::futures("USDT-FUTURES", "BTCUSDT");
    place(&sim, "mm", &id, Side::Buy, "59990", "1");
    until_bid(&mut book, "59990").await;
    // Checksums off: only seq/pseq can tell.
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
async fn trades_and_tickers_arrive_and_a_dropped_connection_comes_back() {
    let (sim, streams) = start().await;
    let id = sim.ensure_spot("BTCUSDT").unwrap_or_else(|e| panic!("{e}"));
    let mut trades = streams
        .subscribe(Trade::new("BTCUSDT"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mut ticker = streams
        .subscribe(Ticker::new("BTCUSDT"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mut shallow = streams
        .book(Books5::new("BTCUSDT"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        streams.connections(),
        1,
        "three channels share one connection"
    );

    // A trade at 60000: mm bids, mm2 sells into it.
    let mm2 = sim.uid_of("mm2").unwrap_or_default();
    place(&sim, "mm", &id, Side::Buy, "60000", "0.3");
    sim.with_exchange(|ex| {
        ex.place(NewOrder::limit(
            &mm2,
            id.clone(),
            Side::Sell,
            d("60000"),
            d("0.3"),
        ))
    })
    .unwrap_or_else(|e| panic!("{e:?}"));
    let trade = loop {
        match timeout(Duration::from_secs(2), trades.next()).await {
            Ok(Some(Ok(Event::Push(p)))) if !p.data.is_empty() => break p.data[0].clone(),
            Ok(Some(Ok(_))) => {}
            other => panic!("no trade: {other:?}"),
        }
    };
    assert_eq!(
        (trade.price, trade.size, trade.side.clone()),
        (d("60000"), d("0.3"), TakerSide::Sell)
    );
    let last = loop {
        match timeout(Duration::from_secs(2), ticker.next()).await {
            Ok(Some(Ok(Event::Push(p)))) => {
                if let Some(last) = p.data.first().and_then(|t| t.last_pr) {
                    break last;
                }
            }
            Ok(Some(Ok(_))) => {}
            other => panic!("no ticker: {other:?}"),
        }
    };
    assert_eq!(last, d("60000"));

    // The simulator drops every stream connection: each subscription hears it and comes back.
    sim.drop_streams();
    let events = until_resubscribed(&mut trades).await;
    assert_eq!(events.first(), Some(&"reconnecting"));
    // The shallow book was out of sync while down, and is right after.
    let reasons = until_resynced(&mut shallow).await;
    assert!(reasons.contains(&OutOfSync::Disconnected), "{reasons:?}");
    // The resubscription's snapshot repeats the recent trades: none is delivered again.
    if let Ok(Some(Ok(Event::Push(p)))) = timeout(Duration::from_millis(300), trades.next()).await {
        panic!("a trade delivered twice after the reconnect: {:?}", p.data);
    }
    // Pushes flow again on the new connection.
    place(&sim, "mm", &id, Side::Buy, "60001", "0.2");
    sim.with_exchange(|ex| {
        ex.place(NewOrder::limit(
            &mm2,
            id.clone(),
            Side::Sell,
            d("60001"),
            d("0.2"),
        ))
    })
    .unwrap_or_else(|e| panic!("{e:?}"));
    let again = loop {
        match timeout(Duration::from_secs(2), trades.next()).await {
            Ok(Some(Ok(Event::Push(p)))) if p.data.iter().any(|t| t.price == d("60001")) => {
                break true;
            }
            Ok(Some(Ok(_))) => {}
            other => panic!("no trade after the reconnect: {other:?}"),
        }
    };
    assert!(again);
}

#[tokio::test]
async fn a_channel_that_does_not_exist_is_refused_with_bitgets_code() {
    let (_sim, streams) = start().await;
    let err = streams
        .subscribe(Ticker::new("NOTAPAIR"))
        .await
        .err()
        .unwrap_or_else(|| panic!("subscribed to a pair that does not exist"));
    let refusal = err
        .refusal()
        .unwrap_or_else(|| panic!("not a refusal: {err}"));
    assert_eq!(refusal.code, "30001");
    assert!(refusal.channel.contains("NOTAPAIR"), "{refusal:?}");
    assert!(err.to_string().contains("30001"), "{err}");
}

#[tokio::test]
async fn a_slow_consumer_is_told_how_many_pushes_it_missed() {
    let sim = Simulator::builder()
        .account(Account::new("mm", "mm-s", "mm-p"))
        .account(Account::new("mm2", "mm2-s", "mm2-p"))
        .without_rate_limits()
        .start()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    sim.stream_tick(Duration::from_millis(5));
    let client = Client::builder()
        .base_url(sim.base_url())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let streams = Streams::with_config(&client, StreamConfig::default().buffer(2));
    let id = sim.ensure_spot("BTCUSDT").unwrap_or_else(|e| panic!("{e}"));
    let mut trades = streams
        .subscribe(Trade::new("BTCUSDT"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let mm2 = sim.uid_of("mm2").unwrap_or_default();
    // Twenty trades, one per push, while the consumer does not read.
    for i in 0..20 {
        let price = format!("{}", 60_000 + i);
        place(&sim, "mm", &id, Side::Buy, &price, "0.01");
        sim.with_exchange(|ex| {
            ex.place(NewOrder::limit(
                &mm2,
                id.clone(),
                Side::Sell,
                d(&price),
                d("0.01"),
            ))
        })
        .unwrap_or_else(|e| panic!("{e:?}"));
        tokio::time::sleep(Duration::from_millis(15)).await;
    }
    let mut lagged = 0;
    for _ in 0..5 {
        match timeout(Duration::from_secs(1), trades.next()).await {
            Ok(Some(Ok(Event::Lagged(n)))) => lagged += n,
            Ok(Some(Ok(_))) => {}
            _ => break,
        }
    }
    assert!(
        lagged > 0,
        "pushes beyond the buffer of 2 are reported as lagged"
    );
}

#[tokio::test]
async fn a_connection_whose_pong_stalls_is_replaced_though_pushes_still_arrive() {
    let (sim, _) = start().await;
    let client = Client::builder()
        .base_url(sim.base_url())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let config = StreamConfig::default()
        .ping_interval(Duration::from_millis(150))
        .pong_timeout(Duration::from_millis(300))
        .backoff(Duration::from_millis(50), Duration::from_millis(200));
    let streams = Streams::with_config(&client, config);
    let id = sim.ensure_spot("BTCUSDT").unwrap_or_else(|e| panic!("{e}"));
    let mut book = streams
        .book(Books::new("BTCUSDT"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    place(&sim, "mm", &id, Side::Buy, "59990", "1");
    until_bid(&mut book, "59990").await;
    sim.stall_pongs();
    let reasons = until_resynced(&mut book).await;
    assert_eq!(reasons, vec![OutOfSync::Disconnected]);
    until_bid(&mut book, "59990").await;
}

#[tokio::test]
async fn an_idle_connection_is_closed_by_the_exchange_and_an_upgrade_notice_reconnects_early() {
    let (sim, streams) = start().await;
    // The exchange closes a connection without a ping for 300 ms; the client pings every 25 s.
    sim.stream_idle_timeout(Duration::from_millis(300));
    let mut trades = streams
        .subscribe(Trade::new("BTCUSDT"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let seen = until_resubscribed(&mut trades).await;
    assert_eq!(
        seen,
        ["reconnecting", "resubscribed"],
        "the idle close recovered"
    );
    sim.stream_idle_timeout(Duration::from_secs(120));
    // 30033, the close a minute later: the client does not wait for it.
    tokio::time::sleep(Duration::from_millis(300)).await;
    sim.announce_upgrade(Duration::from_secs(60));
    // Within the helper's 3 s per event, well before the 60 s close.
    let seen = until_resubscribed(&mut trades).await;
    assert_eq!(
        seen,
        ["reconnecting", "resubscribed"],
        "the upgrade notice reconnected"
    );
}

/// A connection takes subscriptions while its hourly budget (Bitget's 240 subscribe requests)
/// also leaves room to replay them all after a reconnect; beyond, another connection is opened.
#[tokio::test]
async fn subscriptions_spread_over_connections_within_the_hourly_budget() {
    let (sim, _) = start().await;
    let client = Client::builder()
        .base_url(sim.base_url())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let streams = Streams::with_config(&client, StreamConfig::default().subscribes_per_hour(6));
    let mut subs = Vec::new();
    for pair in ["BTCUSDT", "ETHUSDT", "SOLUSDT"] {
        subs.push(
            streams
                .subscribe(Ticker::new(pair))
                .await
                .unwrap_or_else(|e| panic!("{e}")),
        );
    }
    // The first connection: 2 subscriptions, 2 sent, 4 kept for a replay; the third opens a
    // second connection.
    assert_eq!(streams.connections(), 2);
}
