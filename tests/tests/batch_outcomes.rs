//! Answers that say `00000` while items failed: `error_for_failures()` turns any failed item into
//! one error naming each, on both families; a clean answer passes through.

use bitget_core::{Client, Credentials, Error, ErrorKind};
use bitget_endpoints::BatchOutcome as _;
use bitget_endpoints::mix::order::{
    BatchOrderItem, BatchPlaceOrder, ClosePositionsResult, PositionMode,
};
use bitget_endpoints::mix::{MarginMode, OrderType, ProductType};
use bitget_endpoints::uta;
use bitget_sim::{Account, RunningSimulator, Simulator};

async fn sim() -> RunningSimulator {
    Simulator::builder()
        .account(Account::new("classic", "cl-s", "cl-p"))
        .account(Account::new("uta", "uta-s", "uta-p").unified(true))
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

#[tokio::test]
async fn a_futures_batch_with_a_refused_order_is_an_error_naming_it() -> Result<(), Error> {
    let sim = sim().await;
    let c = client(&sim, "classic", "cl-s", "cl-p");
    let item = |coid: &str, price: &str| {
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
            .product_type(ProductType::UsdtFutures)
            .margin_coin("USDT")
            .margin_mode(MarginMode::Crossed)
            .order_list(items)
            .build()
    };
    // Off the tick: the exchange refuses that one order and answers 00000.
    let answer = batch(vec![item("ok-1", "50000")?, item("off-tick", "50000.05")?])?
        .send(&c)
        .await?;
    assert_eq!(
        (answer.success_list.len(), answer.failure_list.len()),
        (1, 1)
    );
    let err = answer
        .error_for_failures()
        .err()
        .unwrap_or_else(|| panic!("a failed item is an error"));
    assert_eq!(err.kind(), ErrorKind::ItemsFailed);
    let failed = err.failed_items().unwrap_or_default();
    assert_eq!(failed.len(), 1, "{err}");
    assert!(err.to_string().contains("1 of 2 items failed"), "{err}");
    assert_eq!(failed[0].id, "clientOid off-tick", "{err}");

    let clean = batch(vec![item("ok-2", "50000")?])?
        .send(&c)
        .await?
        .error_for_failures()?;
    assert_eq!(clean.success_list.len(), 1);
    Ok(())
}

#[tokio::test]
async fn a_unified_batch_with_a_refused_order_is_an_error_naming_it() -> Result<(), Error> {
    let sim = sim().await;
    let c = client(&sim, "uta", "uta-s", "uta-p");
    let item = |coid: &str, price: &str| {
        uta::trade::BatchOrder::builder()
            .side(uta::Side::Buy)
            .category(uta::Category::Spot)
            .symbol("BTCUSDT")
            .qty("0.001")
            .price(price)
            .order_type(uta::OrderType::Limit)
            .client_oid(coid)
            .build()
    };
    let err = uta::trade::PlaceBatch::builder()
        .orders([item("u-ok", "50000")?, item("u-off", "50000.000001")?])
        .build()?
        .send(&c)
        .await?
        .error_for_failures()
        .err()
        .unwrap_or_else(|| panic!("a failed item is an error"));
    let failed = err.failed_items().unwrap_or_default();
    assert_eq!(failed.len(), 1, "{err}");
    assert_eq!(failed[0].id, "clientOid u-off", "{err}");
    assert!(err.to_string().contains("1 of 2 items failed"), "{err}");
    Ok(())
}

#[test]
fn a_flash_close_refused_under_a_success_code_is_an_error_naming_the_symbol() {
    // The doc page's shape: the close itself in failureList, the envelope 00000.
    let body = br#"{"code":"00000","msg":"success","requestTime":1,"data":{"successList":[],
        "failureList":[{"orderId":"","clientOid":"","symbol":"BTCUSDT","errorMsg":"risk handling in progress","errorCode":"40923"}]}}"#;
    let answer: ClosePositionsResult =
        bitget_core::envelope::decode("/api/v2/mix/order/close-positions", 200, body)
            .unwrap_or_else(|e| panic!("{e}"));
    assert!(!answer.closed_nothing());
    let err = answer
        .error_for_failures()
        .err()
        .unwrap_or_else(|| panic!("a failed close is an error"));
    assert_eq!(
        err.to_string(),
        "1 of 1 items failed although Bitget answered success: symbol BTCUSDT (40923: risk handling in progress)"
    );

    let nothing: ClosePositionsResult = bitget_core::envelope::decode(
        "/api/v2/mix/order/close-positions",
        200,
        br#"{"code":"00000","msg":"success","data":{"successList":[],"failureList":[]}}"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        nothing.closed_nothing(),
        "no position matched: nothing closed"
    );
}
