//! Private streams end to end: the real client logs in on the simulator's private paths (its
//! own signing code checks the login), places orders over REST and sees every state, every
//! fill with its fee, its position and its balance move on the stream, each equal to what REST
//! answers afterwards; a refused login says why; and under faults (a connection dropped in the
//! middle of a burst of fills, a refused login on the reconnect, a repeated push) every fill is
//! delivered once and every order's last state is REST's.

use std::collections::HashSet;
use std::time::Duration;

use bitget_core::{Client, Credentials};
use bitget_endpoints::feed::{FeedEvent, OrderFeed, Source};
use bitget_endpoints::mix::order::{Detail, PlaceOrder, PositionMode};
use bitget_endpoints::mix::ws::{Account as FuturesAccount, FuturesOrders, Positions};
use bitget_endpoints::mix::{Force, MarginMode, OrderStatus, OrderType, ProductType};
use bitget_endpoints::stream::{Event, StreamConfig, Streams};
use bitget_sim::exchange::Side;
use bitget_sim::{Account, RunningSimulator, Simulator};
use tokio::time::timeout;

use bitget_tests::streams::{d, place};

const USDT: ProductType = ProductType::UsdtFutures;

fn ok<T, E: std::fmt::Display>(r: Result<T, E>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

async fn sim() -> RunningSimulator {
    let sim = ok(Simulator::builder()
        .account(Account::new("bot", "bot-s", "bot-p"))
        .account(Account::new("mm", "mm-s", "mm-p"))
        .account(Account::new("uta", "uta-s", "uta-p").unified(true))
        .account(Account::new("umm", "umm-s", "umm-p").unified(true))
        .without_rate_limits()
        .start()
        .await);
    sim.stream_tick(Duration::from_millis(10));
    sim
}

fn client(sim: &RunningSimulator, key: &str, secret: &str, pass: &str) -> Client {
    ok(Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new(key, secret, pass))
        .build())
}

fn streams(client: &Client) -> Streams {
    Streams::with_config(
        client,
        StreamConfig::default().backoff(Duration::from_millis(50), Duration::from_millis(200)),
    )
}

/// A limit order of the bot over REST: buy (open long) or sell (open short), one-way mode.
async fn futures_limit(bot: &Client, buy: bool, price: &str, size: &str) -> String {
    let open = if buy {
        PlaceOrder::open_long(PositionMode::OneWay)
    } else {
        PlaceOrder::open_short(PositionMode::OneWay)
    };
    let request = ok(open
        .symbol("BTCUSDT")
        .product_type(USDT)
        .margin_mode(MarginMode::Crossed)
        .margin_coin("USDT")
        .size(size)
        .price(price)
        .order_type(OrderType::Limit)
        .force(Force::Gtc)
        .build());
    ok(request.send(bot).await).order_id.unwrap_or_default()
}

/// Feed events until `done` says enough, within five seconds.
async fn until<S: Source>(
    feed: &mut OrderFeed<S>,
    seen: &mut Vec<FeedEvent<S::Order, S::Fill>>,
    done: impl Fn(&[FeedEvent<S::Order, S::Fill>]) -> bool,
) where
    S::Order: std::fmt::Debug,
    S::Fill: std::fmt::Debug,
{
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while !done(seen) {
        match tokio::time::timeout_at(deadline, feed.next()).await {
            Ok(Some(Ok(event))) => seen.push(event),
            Ok(Some(Err(e))) => panic!("feed error: {e}"),
            Ok(None) => panic!("feed ended; saw {seen:?}"),
            Err(_) => panic!("timed out; saw {seen:?}"),
        }
    }
}

#[tokio::test]
async fn a_futures_bot_sees_every_state_fill_position_and_balance_as_rest_does() {
    let sim = sim().await;
    let id = ok(sim.ensure_futures("USDT-FUTURES", "BTCUSDT"));
    place(&sim, "mm", &id, Side::Sell, "60010", "5");
    place(&sim, "mm", &id, Side::Sell, "60020", "5");
    let bot = client(&sim, "bot", "bot-s", "bot-p");
    let streams = streams(&bot);
    let mut feed = ok(OrderFeed::subscribe(&streams, &bot, FuturesOrders::new(USDT)).await);
    let mut positions = ok(streams.subscribe(Positions::new(USDT)).await);
    let mut account = ok(streams.subscribe(FuturesAccount::new(USDT)).await);
    // The balance is pushed on subscribing.
    let first = ok(timeout(Duration::from_secs(2), account.next()).await);
    let Some(Ok(Event::Push(first))) = first else {
        panic!("no account push: {first:?}")
    };
    let before = first.data[0].available.unwrap_or_default();
    assert_eq!(first.data[0].margin_coin, "USDT");

    // Resting, then partly filled (5 of 7 at 60010), then cancelled.
    let partial = futures_limit(&bot, true, "60010", "7").await;
    let mut seen = Vec::new();
    type Seen =
        FeedEvent<bitget_endpoints::mix::ws::OrderPush, bitget_endpoints::mix::order::FuturesFill>;
    let order_states = |seen: &[Seen], id: &str| -> Vec<OrderStatus> {
        seen.iter()
            .filter_map(|e| match e {
                FeedEvent::Order { order, .. } if order.order_id == id => {
                    Some(order.status.clone())
                }
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    until(&mut feed, &mut seen, |s| {
        order_states(s, &partial).contains(&OrderStatus::PartiallyFilled)
            && s.iter().any(|e| matches!(e, FeedEvent::Fill { .. }))
    })
    .await;
    let cancel = ok(bitget_endpoints::mix::order::CancelOrder::builder()
        .symbol("BTCUSDT")
        .product_type(USDT)
        .order_id(partial.clone())
        .build());
    ok(cancel.send(&bot).await);
    until(&mut feed, &mut seen, |s| {
        order_states(s, &partial).contains(&OrderStatus::Cancelled)
    })
    .await;
    assert_eq!(
        order_states(&seen, &partial),
        [
            OrderStatus::Live,
            OrderStatus::PartiallyFilled,
            OrderStatus::Cancelled
        ]
    );

    // Filled at once: 1 at 60020.
    let filled = futures_limit(&bot, true, "60020", "1").await;
    until(&mut feed, &mut seen, |s| {
        order_states(s, &filled).contains(&OrderStatus::Filled)
            && s.iter()
                .filter(|e| matches!(e, FeedEvent::Fill { .. }))
                .count()
                == 2
    })
    .await;

    // Every fill with its fee, as REST lists them.
    let fills: Vec<_> = seen
        .iter()
        .filter_map(|e| match e {
            FeedEvent::Fill { fill, recovered } => {
                assert!(!recovered, "nothing was lost");
                Some(fill.clone())
            }
            _ => None,
        })
        .collect();
    assert_eq!(fills.len(), 2, "{fills:?}");
    let hour_ago = bot.clock().now_ms() - 3_600_000;
    let rest_fills = ok(FuturesOrders::new(USDT).fills_since(&bot, hour_ago).await);
    let key = |trade: &str, order: &str| (trade.to_owned(), order.to_owned());
    let rest_keys: HashSet<_> = rest_fills
        .iter()
        .map(|f| key(&f.trade_id, &f.order_id))
        .collect();
    for f in &fills {
        assert!(rest_keys.contains(&key(&f.trade_id, &f.order_id)), "{f:?}");
        let fee = f
            .fee_detail
            .first()
            .and_then(|x| x.total_fee)
            .unwrap_or_default();
        assert!(fee < d("0"), "a taker pays a fee: {f:?}");
        let rest = rest_fills
            .iter()
            .find(|r| r.trade_id == f.trade_id)
            .map(|r| (r.price, r.base_volume));
        assert_eq!(rest, Some((f.price, f.base_volume)));
    }
    // Each order's last state is what REST says.
    for id in [&partial, &filled] {
        let last = seen.iter().rev().find_map(|e| match e {
            FeedEvent::Order { order, .. } if &order.order_id == id => Some(order.clone()),
            _ => None,
        });
        let rest = ok(bot
            .send(&ok(Detail::builder()
                .symbol("BTCUSDT")
                .product_type(USDT)
                .order_id(id.clone())
                .build()))
            .await);
        let last = last.unwrap_or_else(|| panic!("no state of {id}"));
        assert_eq!(
            (last.status.clone(), last.acc_base_volume),
            (rest.status, rest.base_volume)
        );
    }

    // The position: long 6.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(3);
    loop {
        let event = tokio::time::timeout_at(deadline, positions.next()).await;
        let Ok(Some(Ok(Event::Push(push)))) = event else {
            panic!("no position push: {event:?}")
        };
        if push.data.iter().any(|p| p.total == d("6")) {
            break;
        }
    }
    // The balance moved (margin and fees).
    let deadline = tokio::time::Instant::now() + Duration::from_secs(3);
    loop {
        let event = tokio::time::timeout_at(deadline, account.next()).await;
        let Ok(Some(Ok(Event::Push(push)))) = event else {
            panic!("no account push: {event:?}")
        };
        if push.data[0].available.unwrap_or_default() < before {
            break;
        }
    }
}

#[tokio::test]
async fn under_drops_refused_logins_and_repeated_pushes_every_fill_arrives_once() {
    let report = ok(bitget_tests::soak::private_soak(200, 25, 7).await);
    assert_eq!(report.fills_made, 150, "{report:?}");
    assert_eq!(
        (report.duplicated, report.missed, report.orders_wrong),
        (0, 0, 0),
        "{report:?}"
    );
    assert_eq!(
        report.delivered_live + report.recovered,
        report.fills_made,
        "{report:?}"
    );
    // The drops did lose pushes, and the recoveries found them.
    assert!(report.recovered > 0 && report.recoveries > 0, "{report:?}");
    assert!(
        report.delivered_live > 0,
        "pushes between the drops arrive live: {report:?}"
    );
}

#[tokio::test]
async fn a_unified_bot_sees_its_order_fill_position_and_balance_as_rest_does() {
    use bitget_endpoints::uta::trade::{OrderInfo, PlaceOrder as UtaPlace};
    use bitget_endpoints::uta::ws::{Account as UtaAccount, Position, UnifiedOrders};
    use bitget_endpoints::uta::{Category, OrderStatus as UtaStatus, OrderType as UtaType};
    let sim = sim().await;
    let id = ok(sim.ensure_futures("USDT-FUTURES", "BTCUSDT"));
    place(&sim, "umm", &id, Side::Sell, "60010", "1");
    let bot = client(&sim, "uta", "uta-s", "uta-p");
    let streams = streams(&bot);
    let mut feed = ok(OrderFeed::subscribe(&streams, &bot, UnifiedOrders::new()).await);
    let mut account = ok(streams.subscribe(UtaAccount::new()).await);
    let mut position = ok(streams.subscribe(Position::new()).await);
    let pushed = ok(timeout(Duration::from_secs(2), account.next()).await);
    assert!(
        matches!(&pushed, Some(Ok(Event::Push(p))) if !p.data[0].coin.is_empty()),
        "the account is pushed on subscribing: {pushed:?}"
    );

    let ack = ok(UtaPlace::builder()
        .side(bitget_endpoints::uta::Side::Buy)
        .category(Category::UsdtFutures)
        .symbol("BTCUSDT")
        .qty("0.5")
        .price(60010)
        .order_type(UtaType::Limit)
        .send(&bot)
        .await);
    let order_id = ack.order_id.clone().unwrap_or_default();
    let mut seen = Vec::new();
    until(&mut feed, &mut seen, |s| {
        s.iter().any(|e| matches!(e, FeedEvent::Fill { fill, .. } if fill.order_id == order_id))
            && s.iter().any(|e| matches!(e, FeedEvent::Order { order, .. } if order.order_id == order_id && order.order_status == UtaStatus::Filled))
    })
    .await;
    let fill = seen
        .iter()
        .find_map(|e| match e {
            FeedEvent::Fill { fill, .. } => Some(fill.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no fill"));
    assert_eq!((fill.exec_price, fill.exec_qty), (d("60010"), d("0.5")));
    assert!(
        fill.fee_detail
            .iter()
            .any(|f| f.fee.is_some_and(|x| x < d("0"))),
        "{fill:?}"
    );
    let rest = ok(bot
        .send(&ok(OrderInfo::builder().order_id(order_id.clone()).build()))
        .await);
    let last = seen.iter().rev().find_map(|e| match e {
        FeedEvent::Order { order, .. } if order.order_id == order_id => Some(order.clone()),
        _ => None,
    });
    let last = last.unwrap_or_else(|| panic!("no order state"));
    assert_eq!(
        (last.order_status, last.cum_exec_qty),
        (rest.order_status, rest.cum_exec_qty)
    );
    let deadline = tokio::time::Instant::now() + Duration::from_secs(3);
    loop {
        let event = tokio::time::timeout_at(deadline, position.next()).await;
        let Ok(Some(Ok(Event::Push(push)))) = event else {
            panic!("no position push: {event:?}")
        };
        if push.data.iter().any(|p| p.size == d("0.5")) {
            break;
        }
    }
}

#[tokio::test]
async fn a_refused_login_says_why_and_a_refused_relogin_is_survived() {
    let sim = sim().await;
    let wrong = client(&sim, "bot", "bot-s", "not-the-passphrase");
    let refused = streams(&wrong)
        .subscribe(FuturesAccount::new(USDT))
        .await
        .map(|_| ())
        .err()
        .unwrap_or_else(|| panic!("a wrong passphrase logged in"));
    assert_eq!(
        refused.login_problem(),
        Some(bitget_core::LoginProblem::WrongPassphrase),
        "{refused}"
    );
    assert!(refused.is_auth(), "{refused}");
    let bad_secret = client(&sim, "bot", "other-secret", "bot-p");
    let refused = streams(&bad_secret)
        .subscribe(FuturesAccount::new(USDT))
        .await
        .err();
    assert_eq!(
        refused.as_ref().and_then(|e| e.login_problem()),
        Some(bitget_core::LoginProblem::BadSignature),
        "{refused:?}"
    );
    assert!(
        !refused
            .map(|e| e.to_string())
            .unwrap_or_default()
            .contains("other-secret"),
        "the secret is never in a message"
    );

    // Refused once on a reconnect: the subscription says so, then comes back.
    let bot = client(&sim, "bot", "bot-s", "bot-p");
    let streams = streams(&bot);
    let mut account = ok(streams.subscribe(FuturesAccount::new(USDT)).await);
    sim.refuse_stream_logins(1);
    sim.drop_private_streams();
    let (mut refusals, mut back) = (0, false);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while !back {
        match tokio::time::timeout_at(deadline, account.next()).await {
            Ok(Some(Err(e))) if e.is_refused() => refusals += 1,
            Ok(Some(Ok(Event::Resubscribed))) => back = true,
            Ok(Some(_)) => {}
            other => panic!("not back: {other:?}"),
        }
    }
    assert_eq!(refusals, 1);
}

#[tokio::test]
async fn a_spot_fill_made_while_the_connection_is_down_is_recovered() {
    use bitget_endpoints::spot::OrderStatus as SpotStatus;
    use bitget_endpoints::spot::ws::SpotOrders;
    use bitget_sim::exchange::NewOrder;
    let sim = sim().await;
    let id = ok(sim.ensure_spot("BTCUSDT"));
    place(&sim, "mm", &id, Side::Sell, "60010", "1");
    let bot = client(&sim, "bot", "bot-s", "bot-p");
    let streams = streams(&bot);
    let mut feed = ok(OrderFeed::subscribe(&streams, &bot, SpotOrders::new()).await);
    // Down, then the order placed and filled: nothing of it is pushed.
    sim.drop_private_streams();
    let uid = sim.uid_of("bot").unwrap_or_default();
    let now = bot.clock().now_ms();
    let order = ok(sim.with_exchange(|ex| {
        ex.set_time(now);
        ex.place(NewOrder::limit(
            &uid,
            id.clone(),
            Side::Buy,
            d("60010"),
            d("0.1"),
        ))
        .map_err(|e| format!("{e:?}"))
    }))
    .to_string();
    let mut seen = Vec::new();
    until(&mut feed, &mut seen, |s| {
        s.iter().any(|e| matches!(e, FeedEvent::Fill { fill, recovered: true } if fill.order_id == order))
            && s.iter().any(|e| matches!(e, FeedEvent::Order { order: o, recovered: true } if o.order_id == order && o.status == SpotStatus::Filled))
            && s.iter().any(|e| matches!(e, FeedEvent::Recovered { .. }))
    })
    .await;
    assert!(
        matches!(seen.first(), Some(FeedEvent::Reconnecting)),
        "{seen:?}"
    );
    assert!(
        seen.iter()
            .any(|e| matches!(e, FeedEvent::Recovered { fills: 1, .. })),
        "{seen:?}"
    );
}
