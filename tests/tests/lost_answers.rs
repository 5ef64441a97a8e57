//! A placement whose answer is lost after it executed (the simulator's `lose_answers` fault) is
//! repeated under its client id; Bitget answers the repeat `43122 Duplicate clientOid`. `send()`
//! must return the order the first attempt placed, never a failure a bot would answer by placing
//! again; and every error after an attempt that may have executed says so.

use bitget_core::{ApiCode, Client, Credentials, Decimal, Error};
use bitget_endpoints::mix::order::{
    BatchOrderItem, BatchPlaceOrder, CancelOrder, PlaceOrder, PlacePlanOrder, PositionMode,
};
use bitget_endpoints::mix::{MarginMode, OrderType, ProductType, TriggerPlanType, TriggerType};
use bitget_endpoints::uta;
use bitget_sim::{Account, Faults, RunningSimulator, Simulator};

const USDT: ProductType = ProductType::UsdtFutures;

async fn sim() -> RunningSimulator {
    Simulator::builder()
        .account(Account::new("classic", "cl-s", "cl-p"))
        .account(Account::new("uta", "uta-s", "uta-p").unified(true))
        .account(Account::new("mm", "mm-s", "mm-p").unified(true))
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

/// The next request executes and its answer is lost.
fn lose_next_answer(sim: &RunningSimulator) {
    sim.set_faults(Faults {
        lose_answers: 1,
        ..Faults::default()
    });
}

/// The orders of `key` placed under `coid`: exactly one means placed once.
fn placed_under(sim: &RunningSimulator, key: &str, coid: &str) -> Vec<String> {
    sim.orders(key)
        .into_iter()
        .filter(|o| o.client_oid == coid)
        .map(|o| o.order_id)
        .collect()
}

/// What the simulator answered the placement path: the lost attempt (503), then the repeat
/// refused as a duplicate.
fn answered(sim: &RunningSimulator, path: &str) -> Vec<(u16, String)> {
    sim.requests()
        .into_iter()
        .filter(|r| r.path == path)
        .map(|r| (r.status, r.code))
        .collect()
}

fn futures_limit(coid: &str) -> PlaceOrder {
    PlaceOrder::open_long(PositionMode::OneWay)
        .symbol("BTCUSDT")
        .product_type(USDT)
        .margin_mode(MarginMode::Crossed)
        .margin_coin("USDT")
        .size("0.01")
        .price(50_000)
        .order_type(OrderType::Limit)
        .client_oid(coid)
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn a_futures_order_whose_answer_was_lost_is_returned_not_refused() -> Result<(), Error> {
    let sim = sim().await;
    let c = client(&sim, "classic", "cl-s", "cl-p");
    lose_next_answer(&sim);
    let sent = c.send_reporting(&futures_limit("lost-1")).await;
    assert!(sent.ambiguous && sent.attempts == 2, "{sent:?}");
    let ack = sent.result?;
    let placed = placed_under(&sim, "classic", "lost-1");
    assert_eq!(placed.len(), 1, "placed once");
    assert_eq!(ack.order_id.as_deref(), Some(placed[0].as_str()));
    assert_eq!(ack.client_oid.as_deref(), Some("lost-1"));
    assert_eq!(
        answered(&sim, "/api/v2/mix/order/place-order"),
        [(503, String::new()), (400, "43122".to_owned())]
    );
    Ok(())
}

#[tokio::test]
async fn a_futures_batch_whose_answer_was_lost_reports_each_order_placed() -> Result<(), Error> {
    let sim = sim().await;
    let c = client(&sim, "classic", "cl-s", "cl-p");
    let item = |coid: &str, price: i64| {
        BatchOrderItem::open_long(PositionMode::OneWay)
            .size("0.01")
            .price(price)
            .order_type(OrderType::Limit)
            .client_oid(coid)
            .build()
    };
    let batch = BatchPlaceOrder::builder()
        .symbol("BTCUSDT")
        .product_type(USDT)
        .margin_coin("USDT")
        .margin_mode(MarginMode::Crossed)
        .order_list([item("b-1", 50_000)?, item("b-2", 49_000)?])
        .build()?;
    lose_next_answer(&sim);
    let result = batch.send(&c).await?;
    assert!(result.all_succeeded(), "{:?}", result.failures());
    let mut acked: Vec<_> = result
        .success_list
        .iter()
        .filter_map(|a| a.order_id.clone())
        .collect();
    let mut placed = [
        placed_under(&sim, "classic", "b-1"),
        placed_under(&sim, "classic", "b-2"),
    ]
    .concat();
    acked.sort();
    placed.sort();
    assert_eq!(placed.len(), 2, "each placed once");
    assert_eq!(acked, placed);

    // Without a client id on every item, a lost answer is not repeated: it is an error that
    // says the orders may be live.
    let unkeyed = BatchPlaceOrder::builder()
        .symbol("BTCUSDT")
        .product_type(USDT)
        .margin_coin("USDT")
        .margin_mode(MarginMode::Crossed)
        .order_list([
            item("b-3", 48_000)?,
            BatchOrderItem::open_long(PositionMode::OneWay)
                .size("0.01")
                .price(47_000)
                .order_type(OrderType::Limit)
                .build()?,
        ])
        .build()?;
    lose_next_answer(&sim);
    let sent = c.send_reporting(&unkeyed).await;
    assert_eq!(
        sent.attempts, 1,
        "one item without a clientOid: not repeated"
    );
    let err = sent
        .result
        .err()
        .unwrap_or_else(|| panic!("the answer was lost"));
    assert!(err.is_ambiguous(), "{err}");
    Ok(())
}

#[tokio::test]
async fn a_trigger_order_whose_answer_was_lost_is_returned() -> Result<(), Error> {
    let sim = sim().await;
    let c = client(&sim, "classic", "cl-s", "cl-p");
    let plan = PlacePlanOrder::open_long(PositionMode::OneWay)
        .plan_type(TriggerPlanType::NormalPlan)
        .symbol("BTCUSDT")
        .product_type(USDT)
        .margin_mode(MarginMode::Crossed)
        .margin_coin("USDT")
        .size("0.01")
        .trigger_price(70_000)
        .trigger_type(TriggerType::MarkPrice)
        .order_type(OrderType::Market)
        .client_oid("plan-1")
        .build()?;
    lose_next_answer(&sim);
    let ack = plan.send(&c).await?;
    let placed = placed_under(&sim, "classic", "plan-1");
    assert_eq!(placed.len(), 1, "placed once");
    assert_eq!(ack.order_id.as_deref(), Some(placed[0].as_str()));
    Ok(())
}

#[tokio::test]
async fn an_error_after_a_lost_answer_says_the_request_may_have_executed() -> Result<(), Error> {
    let sim = sim().await;
    let c = client(&sim, "classic", "cl-s", "cl-p");
    let order_id = futures_limit("to-cancel")
        .send(&c)
        .await?
        .order_id
        .unwrap_or_else(|| panic!("an order id"));
    lose_next_answer(&sim);
    let err = CancelOrder::builder()
        .symbol("BTCUSDT")
        .product_type(USDT)
        .order_id(order_id)
        .build()?
        .send(&c)
        .await
        .err()
        .unwrap_or_else(|| panic!("the repeat finds the order cancelled already"));
    // The repeat's answer alone says "no such order"; the first attempt cancelled it.
    assert!(err.is_not_found(), "{err}");
    assert!(err.is_ambiguous(), "the ambiguity is kept: {err}");
    assert!(err.to_string().contains("earlier attempt"), "{err}");
    Ok(())
}

fn uta_limit(coid: &str) -> uta::trade::PlaceOrder {
    uta::trade::PlaceOrder::open_long(PositionMode::OneWay)
        .category(uta::Category::UsdtFutures)
        .symbol("BTCUSDT")
        .qty("0.01")
        .price(50_000)
        .order_type(uta::OrderType::Limit)
        .client_oid(coid)
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn a_unified_order_whose_answer_was_lost_is_returned() -> Result<(), Error> {
    let sim = sim().await;
    let c = client(&sim, "uta", "uta-s", "uta-p");
    lose_next_answer(&sim);
    let ack = uta_limit("u-1").send(&c).await?;
    let placed = placed_under(&sim, "uta", "u-1");
    assert_eq!(placed.len(), 1, "placed once");
    assert_eq!(ack.order_id.as_deref(), Some(placed[0].as_str()));
    let codes = answered(&sim, "/api/v3/trade/place-order");
    assert_eq!(codes.len(), 2, "{codes:?}");
    assert_eq!(
        codes[1].1,
        ApiCode::DuplicateClientOid.as_str(),
        "the repeat met its duplicate: {codes:?}"
    );

    // A spot order too.
    let spot = uta::trade::PlaceOrder::builder()
        .side(uta::Side::Buy)
        .category(uta::Category::Spot)
        .symbol("BTCUSDT")
        .qty("0.001")
        .price(50_000)
        .order_type(uta::OrderType::Limit)
        .client_oid("u-spot")
        .build()?;
    lose_next_answer(&sim);
    let ack = spot.send(&c).await?;
    let placed = placed_under(&sim, "uta", "u-spot");
    assert_eq!(placed.len(), 1, "placed once");
    assert_eq!(ack.order_id.as_deref(), Some(placed[0].as_str()));
    Ok(())
}

#[tokio::test]
async fn a_unified_batch_whose_answer_was_lost_reports_each_order_placed() -> Result<(), Error> {
    let sim = sim().await;
    let c = client(&sim, "uta", "uta-s", "uta-p");
    let item = |coid: &str, price: i64| {
        uta::trade::BatchOrder::hedge_open_long()
            .category(uta::Category::UsdtFutures)
            .symbol("BTCUSDT")
            .qty("0.01")
            .price(price)
            .order_type(uta::OrderType::Limit)
            .client_oid(coid)
            .build()
    };
    // Batch items are hedge-mode intents.
    uta::account::SetHoldMode::builder()
        .hold_mode(uta::HoldMode::HedgeMode)
        .build()?
        .send(&c)
        .await?;
    let batch = uta::trade::PlaceBatch::builder()
        .orders([item("ub-1", 50_000)?, item("ub-2", 49_000)?])
        .build()?;
    lose_next_answer(&sim);
    let items = batch.send(&c).await?;
    assert_eq!(items.len(), 2);
    for (item, coid) in items.iter().zip(["ub-1", "ub-2"]) {
        assert!(item.succeeded(), "{item:?}");
        let placed = placed_under(&sim, "uta", coid);
        assert_eq!(placed.len(), 1, "{coid} placed once");
        assert_eq!(item.order_id.as_deref(), Some(placed[0].as_str()));
    }
    Ok(())
}

#[tokio::test]
async fn a_strategy_order_whose_answer_was_lost_is_returned() -> Result<(), Error> {
    let sim = sim().await;
    let c = client(&sim, "uta", "uta-s", "uta-p");
    // A position to protect: a market buy against a maker's ask.
    let mm = client(&sim, "mm", "mm-s", "mm-p");
    uta::trade::PlaceOrder::open_short(PositionMode::OneWay)
        .category(uta::Category::UsdtFutures)
        .symbol("BTCUSDT")
        .qty(1)
        .price(60_010)
        .order_type(uta::OrderType::Limit)
        .send(&mm)
        .await?;
    uta::trade::PlaceOrder::open_long(PositionMode::OneWay)
        .category(uta::Category::UsdtFutures)
        .symbol("BTCUSDT")
        .qty("0.01")
        .order_type(uta::OrderType::Market)
        .send(&c)
        .await?;
    let stop = uta::trade::PlaceStrategyOrder::builder()
        .category(uta::Category::UsdtFutures)
        .symbol("BTCUSDT")
        .client_oid("s-2")
        .stop_loss(Decimal::from(41_000))
        .build()?;
    lose_next_answer(&sim);
    let ack = stop.send(&c).await?;
    let placed = placed_under(&sim, "uta", "s-2");
    assert_eq!(placed.len(), 1, "placed once");
    assert_eq!(ack.order_id.as_deref(), Some(placed[0].as_str()));
    Ok(())
}

#[tokio::test]
async fn a_batch_whose_every_answer_was_lost_is_found_and_one_with_a_repeated_id_is_not_repeated()
-> Result<(), Error> {
    let sim = sim().await;
    let c = client(&sim, "classic", "cl-s", "cl-p");
    let item = |coid: &str, price: i64| {
        BatchOrderItem::open_long(PositionMode::OneWay)
            .size("0.01")
            .price(price)
            .order_type(OrderType::Limit)
            .client_oid(coid)
            .build()
    };
    let batch = |items| {
        BatchPlaceOrder::builder()
            .symbol("BTCUSDT")
            .product_type(USDT)
            .margin_coin("USDT")
            .margin_mode(MarginMode::Crossed)
            .order_list(items)
            .build()
    };
    // Every attempt executes and loses its answer (the default policy makes four).
    sim.set_faults(Faults {
        lose_answers: 4,
        ..Faults::default()
    });
    // No answer came, and the lookups find both orders: placed, once each.
    let result = batch(vec![
        item("all-lost-1", 50_000)?,
        item("all-lost-2", 49_000)?,
    ])?
    .send(&c)
    .await?;
    assert_eq!(result.success_list.len(), 2, "{result:?}");
    assert_eq!(placed_under(&sim, "classic", "all-lost-1").len(), 1);
    assert_eq!(placed_under(&sim, "classic", "all-lost-2").len(), 1);
    sim.set_faults(Faults::default());

    // Two items under one client id cannot be told apart when looked up: not repeated.
    lose_next_answer(&sim);
    let twice = batch(vec![item("same", 48_000)?, item("same", 47_000)?])?;
    let sent = c.send_reporting(&twice).await;
    assert_eq!(
        sent.attempts, 1,
        "a batch with a repeated clientOid is not repeated"
    );
    assert!(sent.result.err().is_some_and(|e| e.is_ambiguous()));

    // The same, on v3.
    let u = client(&sim, "uta", "uta-s", "uta-p");
    uta::account::SetHoldMode::builder()
        .hold_mode(uta::HoldMode::HedgeMode)
        .build()?
        .send(&u)
        .await?;
    let uitem = |coid: &str| {
        uta::trade::BatchOrder::hedge_open_long()
            .category(uta::Category::UsdtFutures)
            .symbol("BTCUSDT")
            .qty("0.01")
            .price(50_000)
            .order_type(uta::OrderType::Limit)
            .client_oid(coid)
            .build()
    };
    sim.set_faults(Faults {
        lose_answers: 4,
        ..Faults::default()
    });
    let items = uta::trade::PlaceBatch::builder()
        .orders([uitem("u-all-lost")?])
        .build()?
        .send(&u)
        .await?;
    assert!(items.iter().all(|i| i.succeeded()), "{items:?}");
    assert_eq!(placed_under(&sim, "uta", "u-all-lost").len(), 1);
    Ok(())
}

#[test]
fn a_modify_keeps_the_orders_client_id_apart_from_the_replacements() {
    let err = bitget_endpoints::mix::order::ModifyOrder::builder()
        .client_oid("grid-1")
        .symbol("BTCUSDT")
        .product_type(USDT)
        .new_client_oid("grid-1")
        .new_size("0.02")
        .new_price(50_000)
        .build()
        .err()
        .unwrap_or_else(|| panic!("the same id for the replacement is refused"));
    assert!(
        err.to_string().contains("newClientOid must differ"),
        "{err}"
    );
}

#[tokio::test]
async fn a_spot_order_whose_answer_was_lost_is_returned_or_said_to_be_live() -> Result<(), Error> {
    use bitget_endpoints::spot::trade::PlaceOrder as SpotPlace;
    let sim = sim().await;
    let c = client(&sim, "classic", "cl-s", "cl-p");
    // Resting, unfilled: orderInfo finds it by its client id.
    let bid = SpotPlace::limit_buy(50_000, "0.001")
        .symbol("BTCUSDT")
        .client_oid("s-bid")
        .build()?;
    lose_next_answer(&sim);
    let ack = bid.send(&c).await?;
    let placed = placed_under(&sim, "classic", "s-bid");
    assert_eq!(placed.len(), 1, "placed once");
    assert_eq!(ack.order_id.as_deref(), Some(placed[0].as_str()));

    // Filled at once: Bitget's orderInfo finds a client id only while unfilled, so the error
    // says the order may be live and names its client id.
    let id = sim.ensure_spot("BTCUSDT").unwrap_or_else(|e| panic!("{e}"));
    let uid = sim
        .uid_of("mm")
        .unwrap_or_else(|| panic!("the maker's uid"));
    sim.with_exchange(|ex| {
        ex.place(bitget_sim::exchange::NewOrder::limit(
            &uid,
            id.clone(),
            bitget_sim::exchange::Side::Sell,
            Decimal::from(60_000),
            Decimal::ONE,
        ))
    })
    .unwrap_or_else(|e| panic!("{e:?}"));
    let buy = SpotPlace::market_buy_spending(60)
        .symbol("BTCUSDT")
        .client_oid("s-taker")
        .build()?;
    lose_next_answer(&sim);
    let err = buy
        .send(&c)
        .await
        .err()
        .unwrap_or_else(|| panic!("a filled order is not found by its client id"));
    assert!(err.is_ambiguous(), "{err}");
    assert_eq!(err.client_oid(), Some("s-taker"), "{err}");
    assert_eq!(
        placed_under(&sim, "classic", "s-taker").len(),
        1,
        "placed once"
    );
    Ok(())
}

#[tokio::test]
async fn a_spot_batch_whose_answer_was_lost_reports_each_order_placed() -> Result<(), Error> {
    use bitget_endpoints::spot::trade::{BatchOrders, SpotBatchOrder};
    use bitget_endpoints::spot::{Force, OrderType as SpotType, Side as SpotSide};
    let sim = sim().await;
    let c = client(&sim, "classic", "cl-s", "cl-p");
    let bid = |price: i64, coid: &str| {
        SpotBatchOrder::builder()
            .side(SpotSide::Buy)
            .order_type(SpotType::Limit)
            .force(Force::Gtc)
            .price(price)
            .size("0.001")
            .client_oid(coid)
            .build()
    };
    let batch = BatchOrders::builder()
        .symbol("BTCUSDT")
        .order_list([bid(50_000, "sb-1")?, bid(49_000, "sb-2")?])
        .build()?;
    lose_next_answer(&sim);
    let result = batch.send(&c).await?;
    assert!(result.all_succeeded(), "{result:?}");
    assert_eq!(result.success_list.len(), 2);
    for coid in ["sb-1", "sb-2"] {
        assert_eq!(
            placed_under(&sim, "classic", coid).len(),
            1,
            "{coid} placed once"
        );
    }
    Ok(())
}

#[tokio::test]
async fn a_spot_replace_whose_answer_was_lost_is_found_under_its_new_client_id() -> Result<(), Error>
{
    use bitget_endpoints::spot::trade::{CancelReplaceOrder, PlaceOrder as SpotPlace};
    let sim = sim().await;
    let c = client(&sim, "classic", "cl-s", "cl-p");
    SpotPlace::limit_buy(50_000, "0.001")
        .symbol("BTCUSDT")
        .client_oid("r-1")
        .send(&c)
        .await?;
    let replace = CancelReplaceOrder::builder()
        .symbol("BTCUSDT")
        .price(49_000)
        .size("0.002")
        .client_oid("r-1")
        .new_client_oid("r-2")
        .build()?;
    lose_next_answer(&sim);
    let replaced = replace.send(&c).await?;
    assert!(replaced.succeeded(), "{replaced:?}");
    let new = placed_under(&sim, "classic", "r-2");
    assert_eq!(new.len(), 1, "replaced once");
    assert_eq!(replaced.order_id.as_deref(), Some(new[0].as_str()));
    Ok(())
}
