//! End to end on a real socket: a local HTTP server started by the test captures what the client
//! puts on the wire and checks the headers, the exact body bytes and the signature server-side.

use std::io::Write as _;
use std::sync::{Arc, Mutex};

use bitget_core::clock::FixedClock;
use bitget_core::sign::{prehash, sign_hmac};
use bitget_core::{
    Client, Credentials, Encoding, Endpoint, Method, RateLimit, RateScope, ValidationError,
};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpListener;

const SECRET: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const PASSPHRASE: &str = "pass-PHRASE-never-shown";
const KEY: &str = "bg_test_key_0001";

/// The request of signing vector TV6, implemented by hand (the macro is tested elsewhere).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CancelOrder {
    symbol: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    product_type: Option<String>,
    order_id: String,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
struct Cancelled {
    order_id: String,
    client_oid: String,
}

impl Endpoint for CancelOrder {
    type Response = Cancelled;
    const METHOD: Method = Method::Post;
    const PATH: &'static str = "/api/v2/spot/trade/cancel-order";
    const RATE_LIMIT: RateLimit = RateLimit {
        per_second: 10,
        scope: RateScope::Uid,
    };
    const SIGNED: bool = true;
    const ENCODING: Encoding = Encoding::JsonBody;

    fn validate(&self) -> Result<(), ValidationError> {
        let mut out = bitget_core::__private::Violations::default();
        let root = bitget_core::__private::Path::ROOT;
        bitget_core::__private::rules::required(
            &mut out,
            &root.field("symbol"),
            !self.symbol.is_empty(),
        );
        out.finish("POST /api/v2/spot/trade/cancel-order")
    }

    fn product_type(&self) -> Option<&str> {
        self.product_type.as_deref()
    }
}

struct Captured {
    head: String,
    body: Vec<u8>,
}

impl Captured {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (k, v) = line.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// Serves `answers` one connection at a time and returns what each request carried.
async fn serve(
    answers: Vec<(u16, &'static str)>,
) -> (String, tokio::task::JoinHandle<Vec<Captured>>) {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap_or_else(|e| panic!("bind: {e}"));
    let url = format!(
        "http://{}",
        listener.local_addr().unwrap_or_else(|e| panic!("{e}"))
    );
    let handle = tokio::spawn(async move {
        let mut seen = Vec::new();
        for (status, reply) in answers {
            let (mut sock, _) = listener
                .accept()
                .await
                .unwrap_or_else(|e| panic!("accept: {e}"));
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            let head_end = loop {
                let n = sock
                    .read(&mut chunk)
                    .await
                    .unwrap_or_else(|e| panic!("read: {e}"));
                assert!(n > 0, "connection closed before the request head ended");
                buf.extend_from_slice(&chunk[..n]);
                if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                    break i + 4;
                }
            };
            let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
            let mut captured = Captured {
                head,
                body: Vec::new(),
            };
            let len: usize = captured
                .header("content-length")
                .map_or(0, |v| v.parse().unwrap_or(0));
            let mut body = buf[head_end..].to_vec();
            while body.len() < len {
                let n = sock
                    .read(&mut chunk)
                    .await
                    .unwrap_or_else(|e| panic!("read: {e}"));
                assert!(n > 0, "connection closed inside the body");
                body.extend_from_slice(&chunk[..n]);
            }
            captured.body = body;
            let mut answer = Vec::new();
            let _ = write!(
                answer,
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{reply}",
                reply.len()
            );
            sock.write_all(&answer)
                .await
                .unwrap_or_else(|e| panic!("write: {e}"));
            let _ = sock.shutdown().await;
            seen.push(captured);
        }
        seen
    });
    (url, handle)
}

fn client(url: &str, demo: bool) -> Client {
    Client::builder()
        .base_url(url)
        .credentials(Credentials::new(KEY, SECRET, PASSPHRASE))
        .clock(Arc::new(FixedClock(1_700_000_000_000)))
        .demo(demo)
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

const OK: &str = r#"{"code":"00000","msg":"success","requestTime":1700000000001,"data":{"orderId":"121211212122","clientOid":"xx001"}}"#;

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

/// Collects everything tracing prints, at every level.
#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn logs_and_errors_never_show_the_secret_or_passphrase() {
    let sink = Sink::default();
    let writer = sink.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let (url, server) = serve(vec![
        (200, OK),
        (
            400,
            r#"{"code":"40012","msg":"apikey/password is incorrect","requestTime":1,"data":null}"#,
        ),
    ])
    .await;
    let c = client(&url, false);
    let request = CancelOrder {
        symbol: "BTCUSDT".into(),
        product_type: None,
        order_id: "1".into(),
    };
    c.send(&request).await.unwrap_or_else(|e| panic!("{e}"));
    let err = c
        .send(&request)
        .await
        .err()
        .unwrap_or_else(|| panic!("expected an error"));
    server.await.unwrap_or_else(|e| panic!("{e}"));

    let logs =
        String::from_utf8_lossy(&sink.0.lock().unwrap_or_else(|e| e.into_inner())).into_owned();
    assert!(
        logs.contains("bitget.request"),
        "the request span was logged: {logs}"
    );
    assert!(logs.contains("/api/v2/spot/trade/cancel-order"), "{logs}");
    let shown = format!("{logs}\n{err}\n{err:?}\n{c:?}");
    for secret in [SECRET, PASSPHRASE] {
        assert!(!shown.contains(secret), "a secret leaked into: {shown}");
    }
}
