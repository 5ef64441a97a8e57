//! v3 trading over the private stream, end to end against the simulator: orders placed,
//! modified and cancelled with `uta::ws::Trader` from the REST request types, their states seen
//! on the order feed and equal to what REST answers; batches answered item by item; a refusal
//! carries Bitget's code; a broken rule is refused before anything is sent; an answer lost on
//! the way is settled over REST by the client id.

use std::time::Duration;

use bitget_core::{Client, Credentials, ErrorKind};
use bitget_endpoints::feed::{FeedEvent, OrderFeed};
use bitget_endpoints::stream::{StreamConfig, Streams};
use bitget_endpoints::uta::trade::{
    BatchOrder, CancelBatch, CancelItem, CancelOrder, ModifyOrder, OrderInfo, PlaceBatch,
    PlaceOrder,
};
use bitget_endpoints::uta::ws::{Trader, UnifiedOrders};
use bitget_endpoints::uta::{Category, OrderStatus, OrderType, Side};
use bitget_sim::{Account, RunningSimulator, Simulator};

fn ok<T, E: std::fmt::Display>(r: Result<T, E>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

fn d(s: &str) -> bitget_core::Decimal {
    ok(s.parse())
}

async fn sim() -> RunningSimulator {
    let sim = ok(Simulator::builder()
        .account(Account::new("uta", "uta-s", "uta-p").unified(true))
        .without_rate_limits()
        .start()
        .await);
    sim.stream_tick(Duration::from_millis(10));
    ok(sim.ensure_futures("USDT-FUTURES", "BTCUSDT"));
    sim
}

fn bot(sim: &RunningSimulator) -> (Client, Streams) {
    let client = ok(Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new("uta", "uta-s", "uta-p"))
        .build());
    let streams = Streams::with_config(
        &client,
        StreamConfig::default().backoff(Duration::from_millis(50), Duration::from_millis(200)),
    );
    (client, streams)
}

/// A resting limit buy on USDT futures (far below the market).
fn resting(price: &str, client_oid: &str) -> PlaceOrder {
    ok(PlaceOrder::builder()
        .side(Side::Buy)
        .category(Category::UsdtFutures)
        .symbol("BTCUSDT")
        .qty("0.01")
        .price(d(price))
        .order_type(OrderType::Limit)
        .client_oid(client_oid)
        .build())
}

async fn rest_order(client: &Client, order_id: &str) -> bitget_endpoints::uta::trade::Order {
    ok(client
        .send(&ok(OrderInfo::builder().order_id(order_id).build()))
        .await)
}

#[tokio::test]
async fn orders_placed_modified_and_cancelled_over_the_stream_are_what_rest_and_the_feed_say() {
    let sim = sim().await;
    let (client, streams) = bot(&sim);
    let mut feed = ok(OrderFeed::subscribe(&streams, &client, UnifiedOrders::new()).await);
    let trader = ok(Trader::new(&streams));

    let ack = ok(trader.place(&resting("50000", "ws-1")).await);
    let order_id = ack.order_id.clone().unwrap_or_default();
    assert!(!order_id.is_empty(), "{ack:?}");
    assert_eq!(ack.client_oid.as_deref(), Some("ws-1"));
    let live = rest_order(&client, &order_id).await;
    assert_eq!(
        (live.order_status, live.price),
        (OrderStatus::Live, Some(d("50000")))
    );

    // Modify: the simulator replaces the order at the new price (a new id, the same client id).
    let change = ok(ModifyOrder::builder()
        .client_oid("ws-1")
        .price(d("50100"))
        .symbol("BTCUSDT")
        .category(Category::UsdtFutures)
        .build());
    let modified = ok(trader.modify(&change).await);
    let now_id = modified.order_id.clone().unwrap_or_default();
    let moved = rest_order(&client, &now_id).await;
    assert_eq!(moved.price, Some(d("50100")), "{moved:?}");

    let cancel = ok(CancelOrder::builder()
        .client_oid("ws-1")
        .category(Category::UsdtFutures)
        .build());
    ok(trader.cancel(&cancel).await);
    let cancelled = rest_order(&client, &now_id).await;
    assert_eq!(cancelled.order_status, OrderStatus::Cancelled);

    // The feed saw the order live and then cancelled, as REST says it ended.
    let mut states = Vec::new();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while !states.contains(&(now_id.clone(), OrderStatus::Cancelled)) {
        let event = tokio::time::timeout_at(deadline, feed.next()).await;
        match event {
            Ok(Some(Ok(FeedEvent::Order { order, .. }))) => {
                states.push((order.order_id.clone(), order.order_status))
            }
            Ok(Some(Ok(_))) => {}
            other => panic!("the feed ended before the cancel: {other:?} after {states:?}"),
        }
    }
    assert!(
        states.contains(&(order_id.clone(), OrderStatus::Live)),
        "{states:?}"
    );
}

#[tokio::test]
async fn batches_are_answered_item_by_item_and_refusals_carry_bitgets_code() {
    let sim = sim().await;
    let (client, streams) = bot(&sim);
    let trader = ok(Trader::new(&streams));
    let item = |price: &str, coid: &str, qty: &str| {
        ok(BatchOrder::builder()
            .side(Side::Buy)
            .category(Category::UsdtFutures)
            .symbol("BTCUSDT")
            .qty(d(qty))
            .price(d(price))
            .order_type(OrderType::Limit)
            .client_oid(coid)
            .build())
    };
    let batch = ok(PlaceBatch::builder()
        .orders(vec![
            item("49000", "b-1", "0.01"),
            // More than the account can pay for: refused alone.
            item("49000", "b-2", "100000"),
            item("49100", "b-3", "0.01"),
        ])
        .build());
    let placed = ok(trader.place_batch(&batch).await);
    assert_eq!(placed.len(), 3, "{placed:?}");
    assert!(placed[0].succeeded() && placed[2].succeeded(), "{placed:?}");
    assert!(
        !placed[1].succeeded() && placed[1].code.is_some(),
        "{placed:?}"
    );
    for p in [&placed[0], &placed[2]] {
        let order = rest_order(&client, p.order_id.as_deref().unwrap_or_default()).await;
        assert_eq!(order.order_status, OrderStatus::Live);
    }

    let cancels = ok(CancelBatch::builder()
        .orders(vec![
            CancelItem::by_client_oid(Category::UsdtFutures, "BTCUSDT", "b-1"),
            CancelItem::by_order_id(Category::UsdtFutures, "BTCUSDT", "424242"),
            CancelItem::by_client_oid(Category::UsdtFutures, "BTCUSDT", "b-3"),
        ])
        .build());
    let cancelled = ok(trader.cancel_batch(&cancels).await);
    assert_eq!(cancelled.len(), 3, "{cancelled:?}");
    assert!(
        cancelled[0].succeeded() && cancelled[2].succeeded(),
        "{cancelled:?}"
    );
    assert_eq!(cancelled[1].code.as_deref(), Some("25204"), "{cancelled:?}");

    // Far more than the account holds: Bitget's code, and known not to have been executed.
    let too_big = ok(PlaceOrder::builder()
        .side(Side::Buy)
        .category(Category::UsdtFutures)
        .symbol("BTCUSDT")
        .qty("100000")
        .price(d("50000"))
        .order_type(OrderType::Limit)
        .build());
    let refused = trader
        .place(&too_big)
        .await
        .err()
        .unwrap_or_else(|| panic!("placed an order the account cannot pay for"));
    assert_eq!(refused.kind(), ErrorKind::Api, "{refused}");
    assert!(
        refused.api_code().is_some() && !refused.is_ambiguous(),
        "{refused}"
    );
}

#[tokio::test]
async fn a_broken_rule_is_refused_before_sending_with_the_field_named() {
    let sim = sim().await;
    let (_client, streams) = bot(&sim);
    let trader = ok(Trader::new(&streams));
    // REST leaves modify's symbol and category optional; the stream's page requires them.
    let change = ok(ModifyOrder::builder().order_id("1").price(d("1")).build());
    let e = trader
        .modify(&change)
        .await
        .err()
        .unwrap_or_else(|| panic!("sent a modify without its symbol"));
    let v = e
        .validation()
        .unwrap_or_else(|| panic!("not a validation error: {e}"));
    let paths: Vec<&str> = v.violations.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(paths, vec!["category", "symbol"], "{e}");
    // A declared rule broken on a hand-made request: the REST rule, before anything is sent.
    let mut zero = resting("50000", "z-1");
    zero.qty = d("0");
    let e = trader
        .place(&zero)
        .await
        .err()
        .unwrap_or_else(|| panic!("sent qty 0"));
    assert!(e.is_validation() && e.to_string().contains("qty"), "{e}");
    // Nothing reached the exchange.
    let orders = sim.orders("uta");
    assert!(orders.is_empty(), "{orders:?}");
}

#[tokio::test]
async fn an_answer_lost_on_the_way_is_settled_over_rest_by_the_client_id() {
    let sim = sim().await;
    let (client, streams) = bot(&sim);
    let trader = ok(Trader::new(&streams));
    sim.lose_stream_trade_replies(1);
    let ack = ok(trader.place(&resting("48000", "lost-1")).await);
    let order_id = ack.order_id.clone().unwrap_or_default();
    let order = rest_order(&client, &order_id).await;
    assert_eq!(order.client_oid.as_deref(), Some("lost-1"), "{order:?}");
    assert_eq!(order.order_status, OrderStatus::Live);

    // Without a client id nothing can find it: the error says it may be live.
    sim.lose_stream_trade_replies(1);
    let mut anonymous = resting("48100", "x");
    anonymous.client_oid = None;
    let e = trader
        .place(&anonymous)
        .await
        .err()
        .unwrap_or_else(|| panic!("a lost answer reported as placed without a lookup"));
    assert!(e.is_ambiguous(), "{e}");
    // The connection came back: the next request is answered.
    let next = ok(trader.place(&resting("48200", "after")).await);
    assert!(next.order_id.is_some());
}
