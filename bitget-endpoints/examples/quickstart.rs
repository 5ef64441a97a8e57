//! `cargo run --example quickstart`: the cancel endpoints through the generated builders, then a
//! futures position opened and closed.
//!
//! Without credentials in the environment it starts the simulator in process, places a few
//! orders, and cancels them, showing what was sent (secrets redacted) and what came back,
//! partial failures included; then, against a market maker's quotes, it opens a long at market,
//! reads the position, closes it, and reads the position history; then does the same with a
//! Unified account through the v3 API, and streams the book the market maker's quotes make.
//! With `BITGET_API_KEY`, `BITGET_SECRET_KEY` and `BITGET_PASSPHRASE`
//! set (and `BITGET_DEMO=1` for demo trading) it talks to Bitget and sends only cancels of ids
//! that do not exist, unless `--cancel-for-real` is given, which also runs cancel-all-orders.

#![allow(clippy::print_stdout)]

use bitget_endpoints::common::BatchCancelResult;
use bitget_endpoints::mix::order::{
    BatchCancelOrders, CancelAllOrders, CancelPlanOrder, PlaceOrder, PositionMode,
};
use bitget_endpoints::mix::position::{AllPosition, HistoryPosition};
use bitget_endpoints::mix::{MarginMode, OrderIdItem, OrderType, ProductType};
use bitget_endpoints::spot::trade::{BatchCancelOrder, CancelOrder};
use bitget_endpoints::spot::{BatchMode, SpotOrderItem};
use bitget_endpoints::{Client, Credentials, Endpoint, Error};

/// Ids no account has: safe to "cancel" on a real account.
const NOWHERE: &str = "bitget-rs-quickstart-does-not-exist";

fn sent<E: Endpoint>(request: &E) {
    let body = bitget_core::encode::encode(request)
        .map(|e| String::from_utf8_lossy(&e.body).into_owned())
        .unwrap_or_default();
    println!(
        "\n→ {} {}\n  ACCESS-KEY, ACCESS-SIGN, ACCESS-TIMESTAMP, ACCESS-PASSPHRASE: <redacted>\n  {body}",
        E::METHOD,
        E::PATH
    );
}

/// An id as printed: `-` when absent or empty.
fn shown(id: &Option<String>) -> &str {
    id.as_deref().filter(|s| !s.is_empty()).unwrap_or("-")
}

fn batch(result: Result<BatchCancelResult, Error>) {
    match result {
        Ok(r) => {
            for ok in r.successes() {
                println!(
                    "  ✓ cancelled orderId={} clientOid={}",
                    shown(&ok.order_id),
                    shown(&ok.client_oid)
                );
            }
            for failed in r.failures() {
                println!(
                    "  ✗ not cancelled orderId={} clientOid={}: {} (code {})",
                    shown(&failed.order_id),
                    shown(&failed.client_oid),
                    failed.error_msg.as_deref().unwrap_or("?"),
                    failed.error_code.as_deref().unwrap_or("none")
                );
            }
            if r.success_list.is_empty() && r.failure_list.is_empty() {
                println!("  (nothing to cancel)");
            }
        }
        Err(e) => println!("  ✗ {e}"),
    }
}

async fn run(
    client: &Client,
    spot: [String; 2],
    futures: String,
    plan: String,
    cancel_for_real: bool,
) -> Result<(), Error> {
    println!("client: {client:?}");

    let request = CancelOrder::builder()
        .symbol("BTCUSDT")
        .order_id(&spot[0])
        .build()?;
    sent(&request);
    match request.send(client).await {
        Ok(r) => println!(
            "  ✓ cancelled orderId={:?} clientOid={:?}",
            r.order_id, r.client_oid
        ),
        Err(e) => println!("  ✗ {e}"),
    }

    let request = BatchCancelOrder::builder()
        .symbol("BTCUSDT")
        .batch_mode(BatchMode::Single)
        .order_list([
            SpotOrderItem::by_client_oid(&spot[1]),
            SpotOrderItem::by_client_oid(NOWHERE),
        ])
        .build()?;
    sent(&request);
    batch(request.send(client).await);

    let request = BatchCancelOrders::builder()
        .order_id_list([
            OrderIdItem::by_client_oid(&futures),
            OrderIdItem::by_client_oid(NOWHERE),
        ])
        .symbol("BTCUSDT")
        .product_type(ProductType::UsdtFutures)
        .margin_coin("USDT")
        .build()?;
    sent(&request);
    batch(request.send(client).await);

    let request = CancelPlanOrder::builder()
        .order_id_list([
            OrderIdItem::by_client_oid(&plan),
            OrderIdItem::by_client_oid(NOWHERE),
        ])
        .symbol("BTCUSDT")
        .product_type(ProductType::UsdtFutures)
        .build()?;
    sent(&request);
    batch(request.send(client).await);

    if cancel_for_real {
        let request = CancelAllOrders::builder()
            .product_type(ProductType::UsdtFutures)
            .margin_coin("USDT")
            .build()?;
        sent(&request);
        batch(request.send(client).await);
    } else {
        println!(
            "\n(cancel-all-orders skipped: it cancels every USDT-FUTURES order; pass --cancel-for-real)"
        );
    }

    println!("\nA request that breaks a rule is refused before anything is sent:");
    match BatchCancelOrders::builder()
        .order_id_list(Vec::new())
        .product_type(ProductType::UsdtFutures)
        .build()
    {
        Ok(_) => println!("  (unexpectedly valid)"),
        Err(e) => println!("  {e}"),
    }
    Ok(())
}

/// Opens a long at market in one-way mode, shows it, closes it, shows the result. The intent
/// constructors write v2's fields for the mode (`close_long` in one-way mode is a reduce-only
/// sell; in hedge mode it would be `side=buy, tradeSide=close`).
async fn open_and_close(client: &Client) -> Result<(), Error> {
    println!("\nA futures round trip (one-way mode):");
    let order = |intent: bitget_endpoints::mix::order::PlaceOrderBuilder<_>| {
        intent
            .symbol("BTCUSDT")
            .product_type(ProductType::UsdtFutures)
            .margin_mode(MarginMode::Crossed)
            .margin_coin("USDT")
            .size("0.1")
            .order_type(OrderType::Market)
            .build()
    };
    let request = order(PlaceOrder::open_long(PositionMode::OneWay))?;
    sent(&request);
    let opened = request.send(client).await?;
    println!("  ✓ opened: orderId={}", shown(&opened.order_id));
    let positions = AllPosition::builder()
        .product_type(ProductType::UsdtFutures)
        .send(client)
        .await?;
    for p in &positions {
        println!(
            "  position: {} {} {} at {}",
            p.symbol,
            p.hold_side,
            p.total,
            p.open_price_avg.unwrap_or_default()
        );
    }
    let request = order(PlaceOrder::close_long(PositionMode::OneWay))?;
    sent(&request);
    request.send(client).await?;
    let left = AllPosition::builder()
        .product_type(ProductType::UsdtFutures)
        .send(client)
        .await?;
    let history = HistoryPosition::builder()
        .symbol("BTCUSDT")
        .send(client)
        .await?;
    for closed in &history.list {
        println!(
            "  ✓ closed: {} {} opened at {}, closed at {}, profit {}",
            closed.symbol,
            closed.hold_side.as_ref().map_or("?", |s| s.as_str()),
            closed.open_avg_price.unwrap_or_default(),
            closed.close_avg_price.unwrap_or_default(),
            closed.pnl.unwrap_or_default()
        );
    }
    println!("  open positions left: {}", left.len());
    Ok(())
}

/// Reads the streamed book until the maker's quotes are in it, printing each change.
async fn watch_book(book: &mut bitget_endpoints::stream::BookStream) -> Result<(), Error> {
    use bitget_endpoints::stream::BookEvent;
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(5);
    while tokio::time::Instant::now() < deadline {
        let Ok(Some(event)) = tokio::time::timeout_at(deadline, book.next()).await else {
            break;
        };
        match event? {
            BookEvent::Updated | BookEvent::Resynced => {
                let b = book.book();
                let (bid, ask) = (b.best_bid(), b.best_ask());
                println!(
                    "  book: bid {} x {}, ask {} x {} (seq {:?})",
                    bid.map_or("-".into(), |l| l.price.to_string()),
                    bid.map_or("-".into(), |l| l.size.to_string()),
                    ask.map_or("-".into(), |l| l.price.to_string()),
                    ask.map_or("-".into(), |l| l.size.to_string()),
                    b.last_seq()
                );
                if bid.is_some() && ask.is_some() {
                    return Ok(());
                }
            }
            BookEvent::OutOfSync(why) => println!("  book out of sync ({why}), resyncing"),
        }
    }
    println!("  (no quotes seen on the stream within 5 s)");
    Ok(())
}

/// A market maker quoting BTCUSDT futures 10 around 60000, 5 BTC a side.
async fn quote(maker: &Client) -> Result<(), Error> {
    for (price, long) in [("59990", true), ("60010", false)] {
        let intent = if long {
            PlaceOrder::open_long(PositionMode::OneWay)
        } else {
            PlaceOrder::open_short(PositionMode::OneWay)
        };
        intent
            .symbol("BTCUSDT")
            .product_type(ProductType::UsdtFutures)
            .margin_mode(MarginMode::Crossed)
            .margin_coin("USDT")
            .size(5)
            .price(price)
            .order_type(OrderType::Limit)
            .send(maker)
            .await?;
    }
    Ok(())
}

/// The same round trip with a Unified account (v3): the library asks which family the key is,
/// then opens and closes a long with v3's intents (closing a long sells, with `posSide` in hedge
/// mode and `reduceOnly=yes` in one-way mode).
async fn unified_round_trip(client: &Client) -> Result<(), Error> {
    use bitget_endpoints::PositionMode;
    use bitget_endpoints::uta::position::CurrentPosition;
    use bitget_endpoints::uta::trade::PlaceOrder as UtaPlaceOrder;
    use bitget_endpoints::uta::{AccountFamily, Category, OrderType as UtaOrderType};
    println!("\nA Unified account (v3):");
    let family = bitget_endpoints::uta::account_family(client).await?;
    println!("  the key belongs to a {family:?} account");
    if family != AccountFamily::Unified {
        return Ok(());
    }
    for intent in [
        UtaPlaceOrder::open_long(PositionMode::OneWay),
        UtaPlaceOrder::close_long(PositionMode::OneWay),
    ] {
        let request = intent
            .category(Category::UsdtFutures)
            .symbol("BTCUSDT")
            .qty("0.1")
            .order_type(UtaOrderType::Market)
            .build()?;
        sent(&request);
        let ack = request.send(client).await?;
        println!("  ✓ orderId={}", shown(&ack.order_id));
        let open = CurrentPosition::builder()
            .category(Category::UsdtFutures)
            .send(client)
            .await?;
        println!("  open positions: {}", open.list.len());
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let cancel_for_real = std::env::args().any(|a| a == "--cancel-for-real");
    if std::env::var_os("BITGET_API_KEY").is_some() {
        let client = Client::from_env()?;
        println!(
            "talking to {} (demo: {}); only ids that do not exist are cancelled",
            client.base_url(),
            client.is_demo()
        );
        let none = || NOWHERE.to_owned();
        run(&client, [none(), none()], none(), none(), cancel_for_real).await?;
        return Ok(());
    }

    let (key, secret, passphrase) = (
        "quickstart-key",
        "quickstart-secret",
        "quickstart-passphrase",
    );
    let sim = bitget_sim::Simulator::builder()
        .account(bitget_sim::Account::new(key, secret, passphrase))
        .account(bitget_sim::Account::new(
            "maker-key",
            "maker-secret",
            "maker-pass",
        ))
        .account(
            bitget_sim::Account::new("unified-key", "unified-secret", "unified-pass").unified(true),
        )
        .start()
        .await?;
    println!(
        "no BITGET_API_KEY: using the simulator at {}",
        sim.base_url()
    );
    let spot0 = sim.seed_spot_order(key, "BTCUSDT", Some("spot-0"))?;
    sim.seed_spot_order(key, "BTCUSDT", Some("spot-1"))?;
    sim.seed_futures_order(key, "USDT-FUTURES", "BTCUSDT", Some("fut-0"))?;
    sim.seed_futures_order(key, "USDT-FUTURES", "ETHUSDT", Some("fut-1"))?;
    sim.seed_plan_order(
        key,
        "USDT-FUTURES",
        "BTCUSDT",
        "normal_plan",
        Some("plan-0"),
    )?;
    println!("placed 2 spot, 2 futures and 1 trigger order");

    let client = Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new(key, secret, passphrase))
        .build()?;
    run(
        &client,
        [spot0.order_id, "spot-1".into()],
        "fut-0".into(),
        "plan-0".into(),
        true,
    )
    .await?;
    println!(
        "\nlive orders left on the simulator: {}",
        sim.live_orders(key).len()
    );
    let maker = Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new("maker-key", "maker-secret", "maker-pass"))
        .build()?;
    // The futures book over the stream, before the maker quotes: it shows the quotes arrive.
    let streams = bitget_endpoints::stream::Streams::new(&client);
    let mut book = streams
        .book(bitget_endpoints::mix::ws::Books::new(
            ProductType::UsdtFutures,
            "BTCUSDT",
        ))
        .await?;
    println!(
        "\nstreaming the BTCUSDT futures book from {}",
        client.ws_base_url()
    );
    quote(&maker).await?;
    watch_book(&mut book).await?;
    open_and_close(&client).await?;
    quote(&maker).await?;
    let unified = Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new(
            "unified-key",
            "unified-secret",
            "unified-pass",
        ))
        .build()?;
    unified_round_trip(&unified).await?;
    Ok(())
}
