//! End to end on a real socket: a local HTTP server started by the test captures what the client
//! puts on the wire and checks the headers, the exact body bytes and the signature server-side.

use bitget_core::sign::{prehash, sign_hmac};
use bitget_core::{Client, Method};

mod common;

use common::*;

#[tokio::test]
async fn signed_post_sends_the_signed_bytes() {
    let (url, server) = serve(vec![(200, OK)]).await;
    let request = CancelOrder {
        symbol: "BTCUSDT".into(),
        product_type: None,
        order_id: "121211212122".into(),
    };
    let answer = client(&url, false)
        .send(&request)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        answer,
        Cancelled {
            order_id: "121211212122".into(),
            client_oid: "xx001".into()
        }
    );

    let seen = server.await.unwrap_or_else(|e| panic!("{e}"));
    let req = &seen[0];
    assert!(
        req.head
            .starts_with("POST /api/v2/spot/trade/cancel-order HTTP/1.1\r\n"),
        "{}",
        req.head
    );
    // Byte for byte the body of signing vector TV6.
    assert_eq!(
        req.body,
        br#"{"symbol":"BTCUSDT","orderId":"121211212122"}"#
    );
    assert_eq!(req.header("access-key"), Some(KEY));
    assert_eq!(req.header("access-passphrase"), Some(PASSPHRASE));
    assert_eq!(req.header("access-timestamp"), Some("1700000000000"));
    assert_eq!(req.header("content-type"), Some("application/json"));
    assert_eq!(req.header("locale"), Some("en-US"));
    assert_eq!(req.header("paptrading"), None);
    // The server's own check: the signature over the bytes it received.
    let ts = req.header("access-timestamp").unwrap_or_default();
    let expected = sign_hmac(
        SECRET,
        &prehash(
            ts,
            Method::Post,
            "/api/v2/spot/trade/cancel-order",
            "",
            &req.body,
        ),
    );
    assert_eq!(req.header("access-sign"), Some(expected.as_str()));
    // And the vector's published signature.
    assert_eq!(
        req.header("access-sign"),
        Some("NDsT9ZC1oKAuJmzUcJlyE0FglwJUqqzPxZdHoYrVhJ0=")
    );
}

#[tokio::test]
async fn demo_sends_paptrading_except_with_legacy_product_types() {
    let (url, server) = serve(vec![(200, OK), (200, OK)]).await;
    let c = client(&url, true);
    let modern = CancelOrder {
        symbol: "BTCUSDT".into(),
        product_type: Some("USDT-FUTURES".into()),
        order_id: "1".into(),
    };
    let legacy = CancelOrder {
        symbol: "BTCUSDT".into(),
        product_type: Some("SUSDT-FUTURES".into()),
        order_id: "1".into(),
    };
    c.send(&modern).await.unwrap_or_else(|e| panic!("{e}"));
    c.send(&legacy).await.unwrap_or_else(|e| panic!("{e}"));
    let seen = server.await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(seen[0].header("paptrading"), Some("1"));
    assert_eq!(seen[1].header("paptrading"), None);
}

#[tokio::test]
async fn demo_raw_requests_follow_the_same_product_type_rule() {
    let (url, server) = serve(vec![(200, OK); 4]).await;
    let c = client(&url, true);
    let post = "/api/v2/mix/order/cancel-order";
    let get = "/api/v2/mix/order/detail";
    for (method, path, product_type) in [
        (Method::Post, post, "USDT-FUTURES"),
        (Method::Post, post, "SUSDT-FUTURES"),
        (Method::Get, get, "USDT-FUTURES"),
        (Method::Get, get, "susdt-futures"),
    ] {
        c.raw(method, path, 10)
            .params(serde_json::json!({"symbol": "BTCUSDT", "productType": product_type}))
            .send::<serde_json::Value>()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
    }
    let seen = server.await.unwrap_or_else(|e| panic!("{e}"));
    let paptrading: Vec<_> = seen.iter().map(|r| r.header("paptrading")).collect();
    assert_eq!(paptrading, [Some("1"), None, Some("1"), None]);
}

#[tokio::test]
async fn public_get_is_unsigned_and_works_without_credentials() {
    let (url, server) = serve(vec![(
        200,
        r#"{"code":"00000","msg":"success","requestTime":1,"data":{"serverTime":"1700000000123"}}"#,
    )])
    .await;
    let c = Client::builder()
        .base_url(&url)
        .demo(true)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let time = c.server_time().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(time.server_time, 1_700_000_000_123);
    let seen = server.await.unwrap_or_else(|e| panic!("{e}"));
    assert!(
        seen[0]
            .head
            .starts_with("GET /api/v2/public/time HTTP/1.1\r\n"),
        "{}",
        seen[0].head
    );
    for h in [
        "access-key",
        "access-sign",
        "access-timestamp",
        "access-passphrase",
        "paptrading",
    ] {
        assert_eq!(seen[0].header(h), None, "{h} on a public request");
    }
    assert!(seen[0].body.is_empty());
}

#[tokio::test]
async fn invalid_request_never_reaches_the_network() {
    // Nothing listens here; a request that got as far as the network would fail with a transport error.
    let (url, server) = serve(vec![]).await;
    server.await.unwrap_or_else(|e| panic!("{e}"));
    let request = CancelOrder {
        symbol: String::new(),
        product_type: None,
        order_id: "1".into(),
    };
    let err = client(&url, false)
        .send(&request)
        .await
        .err()
        .unwrap_or_else(|| panic!("expected an error"));
    assert!(err.is_validation(), "{err}");
    assert!(
        err.validation()
            .is_some_and(|v| v.has("symbol", bitget_core::RuleKind::Required))
    );
}

#[tokio::test]
async fn api_error_keeps_code_message_status_and_time() {
    let (url, server) = serve(vec![(400, r#"{"code":"40009","msg":"sign signature error","requestTime":"1700000000002","data":null}"#)]).await;
    let request = CancelOrder {
        symbol: "BTCUSDT".into(),
        product_type: None,
        order_id: "1".into(),
    };
    let err = client(&url, false)
        .send(&request)
        .await
        .err()
        .unwrap_or_else(|| panic!("expected an error"));
    server.await.unwrap_or_else(|e| panic!("{e}"));
    let api = err.api_error().unwrap_or_else(|| panic!("{err}"));
    assert_eq!(
        (api.code.as_str(), api.http_status, api.request_time),
        ("40009", 400, Some(1_700_000_000_002))
    );
    assert!(!err.to_string().contains(PASSPHRASE));
}

/// A signed GET by hand: a symbol in the query.
#[derive(serde::Serialize)]
struct Ticker {
    symbol: String,
    #[serde(rename = "productType")]
    product_type: String,
}

impl bitget_core::Endpoint for Ticker {
    type Response = serde_json::Value;
    const METHOD: Method = Method::Get;
    const PATH: &'static str = "/api/v2/mix/market/ticker";
    const RATE_LIMIT: bitget_core::RateLimit = bitget_core::RateLimit {
        per_second: 20,
        scope: bitget_core::RateScope::Uid,
    };
    const SIGNED: bool = true;
    const ENCODING: bitget_core::Encoding = bitget_core::Encoding::Query;
    fn validate(&self) -> Result<(), bitget_core::ValidationError> {
        Ok(())
    }
}

/// `%E9%BE%99` → the bytes they stand for.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
            if let Ok(b) = u8::from_str_radix(hex, 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|e| panic!("{e}"))
}

/// Bitget verifies a GET's signature over the raw query, while the URL carries non-ASCII
/// percent-encoded: checked here on the server side, as Bitget would.
#[tokio::test]
async fn a_signed_get_is_signed_over_the_raw_query_and_sent_encoded() {
    const OK: &str = r#"{"code":"00000","msg":"success","requestTime":1,"data":{}}"#;
    for (symbol, on_the_wire) in [
        ("龙虾USDT", "symbol=%E9%BE%99%E8%99%BEUSDT"),
        ("$DEGENUSDT", "symbol=$DEGENUSDT"),
    ] {
        let (url, server) = serve(vec![(200, OK)]).await;
        let request = Ticker {
            symbol: symbol.into(),
            product_type: "USDT-FUTURES".into(),
        };
        client(&url, false)
            .send(&request)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let seen = server.await.unwrap_or_else(|e| panic!("{e}"));
        let line = seen[0].head.lines().next().unwrap_or_default().to_owned();
        let target = line.split(' ').nth(1).unwrap_or_default();
        let (path, query) = target.split_once('?').unwrap_or((target, ""));
        assert_eq!(path, "/api/v2/mix/market/ticker");
        assert_eq!(
            query,
            format!("productType=USDT-FUTURES&{on_the_wire}"),
            "keys sorted, non-ASCII percent-encoded in the URL"
        );
        let raw = percent_decode(query);
        assert_eq!(raw, format!("productType=USDT-FUTURES&symbol={symbol}"));
        let timestamp = seen[0].header("access-timestamp").unwrap_or_default();
        let expected = sign_hmac(SECRET, &prehash(timestamp, Method::Get, path, &raw, b""));
        assert_eq!(
            seen[0].header("access-sign"),
            Some(expected.as_str()),
            "signed over the raw query ({symbol})"
        );
        let over_encoded = sign_hmac(SECRET, &prehash(timestamp, Method::Get, path, query, b""));
        if query != raw {
            assert_ne!(Some(over_encoded.as_str()), seen[0].header("access-sign"));
        }
    }
}
