//! A Classic spot bot on the simulator, through the real client and the declared spot
//! endpoints: a market buy that spends a quote amount, a resting limit order, both read back
//! with orderInfo (state, filled amounts, the fee JSON inside its string), then cancelled.

use bitget_core::{Client, Credentials, Decimal, Error};
use bitget_endpoints::BatchOutcome as _;
use bitget_endpoints::spot::OrderStatus;
use bitget_endpoints::spot::account::Assets;
use bitget_endpoints::spot::market::Tickers;
use bitget_endpoints::spot::public::{SymbolStatus, Symbols};
use bitget_endpoints::spot::trade::{
    BatchOrders, CancelOrder, CancelReplaceOrder, CancelSymbolOrder, Fills, HistoryOrders,
    OrderInfo, PlaceOrder, SpotBatchOrder, UnfilledOrders,
};
use bitget_endpoints::spot::{Force, OrderType};
use bitget_sim::exchange::{NewOrder, Side};
use bitget_sim::{Account, Simulator};

fn d(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn a_spot_bot_buys_for_an_amount_rests_a_bid_and_reads_both_back() -> Result<(), Error> {
    let sim = Simulator::builder()
        .account(Account::new("bot", "bot-s", "bot-p"))
        .account(Account::new("mm", "mm-s", "mm-p"))
        .without_rate_limits()
        .start()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let bot = Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new("bot", "bot-s", "bot-p"))
        .build()?;
    let id = sim.ensure_spot("BTCUSDT").unwrap_or_else(|e| panic!("{e}"));
    let mm = sim.uid_of("mm").unwrap_or_else(|| panic!("uid"));
    sim.with_exchange(|ex| {
        ex.place(NewOrder::limit(
            &mm,
            id.clone(),
            Side::Sell,
            d("60010"),
            d("1"),
        ))
    })
    .unwrap_or_else(|e| panic!("{e:?}"));

    // The pair's rules, as Bitget lists BTCUSDT: prices to 2 decimals, sizes to 6.
    let pair = Symbols::builder().symbol("BTCUSDT").send(&bot).await?;
    assert_eq!(
        (
            pair[0].price_precision,
            pair[0].quantity_precision,
            &pair[0].status
        ),
        (Some(2), Some(6), &SymbolStatus::Online)
    );
    // 100 USDT at 60010 buys 0.001666 BTC.
    let bought = PlaceOrder::market_buy_spending(100)
        .symbol("BTCUSDT")
        .client_oid("spend-100")
        .send(&bot)
        .await?;
    let order_id = bought.order_id.unwrap_or_else(|| panic!("an order id"));
    let info = OrderInfo::builder().order_id(&order_id).send(&bot).await?;
    assert_eq!(info.len(), 1);
    let o = &info[0];
    assert_eq!(o.status, OrderStatus::Filled);
    assert_eq!(
        (o.base_volume, o.quote_volume),
        (Some(d("0.001666")), Some(d("99.97666")))
    );
    let fee: serde_json::Value = serde_json::from_str(o.fee_detail.as_deref().unwrap_or("null"))
        .unwrap_or_else(|e| panic!("feeDetail is JSON in a string: {e}"));
    assert!(
        fee["BTC"]["totalFee"].as_f64().is_some_and(|f| f < 0.0),
        "{fee}"
    );

    let ticker = Tickers::builder().symbol("BTCUSDT").send(&bot).await?;
    assert_eq!(ticker[0].last_pr, Some(d("60010")), "the last trade");
    // A bid below the market rests, and is found by its client id while unfilled.
    let bid = PlaceOrder::limit_buy(50_000, "0.001")
        .symbol("BTCUSDT")
        .client_oid("bid-1")
        .send(&bot)
        .await?;
    let by_coid = OrderInfo::builder().client_oid("bid-1").send(&bot).await?;
    assert_eq!(by_coid.len(), 1);
    assert_eq!(by_coid[0].status, OrderStatus::Live);
    assert_eq!(Some(by_coid[0].order_id.clone()), bid.order_id);
    // Open orders: the bid, its limit price where the wire says `priceAvg`.
    let open = UnfilledOrders::builder()
        .symbol("BTCUSDT")
        .send(&bot)
        .await?;
    assert_eq!(open.len(), 1, "{open:?}");
    assert_eq!(open[0].price, Some(d("50000")));
    assert_eq!(Some(open[0].order_id.clone()), bid.order_id);
    // The fill, with its fee in the coin bought; the balance moved by exactly that.
    let fills = Fills::builder().symbol("BTCUSDT").send(&bot).await?;
    assert_eq!(fills.len(), 1, "{fills:?}");
    assert_eq!(
        (fills[0].price_avg, fills[0].size),
        (d("60010"), d("0.001666"))
    );
    let fee = fills[0]
        .fee_detail
        .as_ref()
        .and_then(|f| f.total_fee)
        .unwrap_or_default();
    assert!(fee < Decimal::ZERO, "a fee is paid: {fee}");
    let assets = Assets::builder().coin("BTC").send(&bot).await?;
    assert_eq!(assets.len(), 1);
    // Every account starts with 100 BTC; it bought 0.001666 and paid the fee in BTC.
    assert_eq!(assets[0].available, d("100.001666") + fee);
    // The finished market order is in the history.
    let history = HistoryOrders::builder()
        .symbol("BTCUSDT")
        .send(&bot)
        .await?;
    assert!(
        history.iter().any(|o| o.order_id == order_id),
        "{history:?}"
    );
    // The filled order is not found by its client id (the page's rule).
    assert!(
        OrderInfo::builder()
            .client_oid("spend-100")
            .send(&bot)
            .await?
            .is_empty()
    );
    CancelOrder::builder()
        .symbol("BTCUSDT")
        .client_oid("bid-1")
        .send(&bot)
        .await?;
    let cancelled = OrderInfo::builder()
        .order_id(bid.order_id.unwrap_or_default())
        .send(&bot)
        .await?;
    assert_eq!(cancelled[0].status, OrderStatus::Cancelled);
    Ok(())
}

#[tokio::test]
async fn a_batch_with_one_bad_order_fails_alone_and_a_pair_is_cleared_on_purpose()
-> Result<(), Error> {
    let sim = Simulator::builder()
        .account(Account::new("bot", "bot-s", "bot-p"))
        .without_rate_limits()
        .start()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let bot = Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new("bot", "bot-s", "bot-p"))
        .build()?;
    let bid = |price: &str, coid: &str| {
        SpotBatchOrder::builder()
            .side(bitget_endpoints::spot::Side::Buy)
            .order_type(OrderType::Limit)
            .force(Force::Gtc)
            .price(price)
            .size("0.001")
            .client_oid(coid)
            .build()
    };
    // The middle order is off the 0.01 tick: Bitget refuses it alone and answers 00000.
    let answer = BatchOrders::builder()
        .symbol("BTCUSDT")
        .order_list([
            bid("50000", "g-1")?,
            bid("49999.999", "g-2")?,
            bid("49000", "g-3")?,
        ])
        .send(&bot)
        .await?;
    assert_eq!(answer.success_list.len(), 2, "{answer:?}");
    let err = answer
        .error_for_failures()
        .err()
        .unwrap_or_else(|| panic!("the refused order is an error"));
    let failed = err.failed_items().unwrap_or_default();
    assert_eq!(failed.len(), 1, "{err}");
    assert_eq!(failed[0].id, "clientOid g-2");
    assert_eq!(
        UnfilledOrders::builder()
            .symbol("BTCUSDT")
            .send(&bot)
            .await?
            .len(),
        2
    );
    // Cancel-replace: g-1 moves to 48000 under g-1b; one off the tick is refused under 00000,
    // which error_for_failures turns into an error, and the original stays.
    let moved = CancelReplaceOrder::builder()
        .symbol("BTCUSDT")
        .price(48_000)
        .size("0.001")
        .client_oid("g-1")
        .new_client_oid("g-1b")
        .send(&bot)
        .await?
        .error_for_failures()?;
    let by_new = OrderInfo::builder().client_oid("g-1b").send(&bot).await?;
    assert_eq!((by_new.len(), by_new[0].price), (1, Some(d("48000"))));
    assert_eq!(Some(by_new[0].order_id.clone()), moved.order_id);
    let refused = CancelReplaceOrder::builder()
        .symbol("BTCUSDT")
        .price("47999.999")
        .size("0.001")
        .client_oid("g-3")
        .new_client_oid("g-3b")
        .send(&bot)
        .await?;
    assert!(!refused.succeeded(), "{refused:?}");
    assert!(refused.error_for_failures().is_err());
    assert_eq!(
        OrderInfo::builder()
            .client_oid("g-3")
            .send(&bot)
            .await?
            .len(),
        1
    );
    // Every order of the pair, cancelled through the call that says so.
    let cleared = CancelSymbolOrder::every_order_of("BTCUSDT")
        .send(&bot)
        .await?;
    assert_eq!(cleared.symbol, "BTCUSDT");
    assert!(
        UnfilledOrders::builder()
            .symbol("BTCUSDT")
            .send(&bot)
            .await?
            .is_empty()
    );
    Ok(())
}
