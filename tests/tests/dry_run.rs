//! A dry run prepares a declared request exactly as it would be signed and sent, and sends
//! nothing: the prehash and signature are the ones Bitget would verify, the passphrase never
//! shows, and an invalid request is refused as it would be when sending.

use std::sync::Arc;

use bitget_core::clock::FixedClock;
use bitget_core::sign::{prehash, sign_hmac};
use bitget_core::{Client, Credentials, Method};
use bitget_endpoints::mix::ProductType;
use bitget_endpoints::mix::order::{CancelOrder, OrdersPending};

fn client() -> Client {
    Client::builder()
        .base_url("http://127.0.0.1:9")
        .credentials(Credentials::new("key-1", "secret-1", "pass-1"))
        .clock(Arc::new(FixedClock(1_700_000_000_000)))
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_post_is_signed_as_it_would_be_sent() {
    let cancel = CancelOrder::builder()
        .symbol("BTCUSDT")
        .product_type(ProductType::UsdtFutures)
        .order_id("123")
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let run = client().dry_run(&cancel).unwrap_or_else(|e| panic!("{e}"));
    let body = r#"{"symbol":"BTCUSDT","productType":"USDT-FUTURES","orderId":"123"}"#;
    assert_eq!(run.method, Method::Post);
    assert_eq!(run.url, "http://127.0.0.1:9/api/v2/mix/order/cancel-order");
    assert_eq!(run.body, body);
    let pre = prehash(
        "1700000000000",
        Method::Post,
        "/api/v2/mix/order/cancel-order",
        "",
        body.as_bytes(),
    );
    assert_eq!(run.prehash.as_deref().map(str::as_bytes), Some(&pre[..]));
    let header = |name: &str| {
        run.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(header("access-sign"), Some(sign_hmac("secret-1", &pre)));
    assert_eq!(header("access-key").as_deref(), Some("key-1"));
    assert_eq!(header("access-passphrase").as_deref(), Some("<redacted>"));
    let shown = run.to_string();
    assert!(
        !shown.contains("pass-1") && !shown.contains("secret-1"),
        "{shown}"
    );
}

#[test]
fn a_get_signs_its_sorted_query() {
    let pending = OrdersPending::builder()
        .product_type(ProductType::UsdtFutures)
        .symbol("BTCUSDT")
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let run = client().dry_run(&pending).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        run.url
            .ends_with("?productType=USDT-FUTURES&symbol=BTCUSDT"),
        "{}",
        run.url
    );
    assert_eq!(
        run.prehash.as_deref(),
        Some(
            "1700000000000GET/api/v2/mix/order/orders-pending?productType=USDT-FUTURES&symbol=BTCUSDT"
        )
    );
    assert!(run.body.is_empty());
}

#[test]
fn an_invalid_request_is_refused_as_when_sending() {
    // Built by hand (no builder to stop it): a cancel naming no order breaks `at_least_one_of`.
    let bad = CancelOrder {
        symbol: "BTCUSDT".into(),
        product_type: ProductType::UsdtFutures,
        margin_coin: None,
        order_id: None,
        client_oid: None,
    };
    let Err(e) = client().dry_run(&bad) else {
        panic!("a cancel naming no order was prepared")
    };
    assert!(e.is_validation(), "{e}");
}
