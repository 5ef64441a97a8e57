//! A local HTTP server that captures what a client puts on the wire, and a hand-written endpoint
//! (signing vector TV6), shared by the socket tests.

#![allow(dead_code, unreachable_pub)]

use std::io::Write as _;
use std::sync::Arc;

use bitget_core::clock::FixedClock;
use bitget_core::{
    Client, Credentials, Encoding, Endpoint, Method, RateLimit, RateScope, ValidationError,
};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpListener;

pub const SECRET: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
pub const PASSPHRASE: &str = "pass-PHRASE-never-shown";
pub const KEY: &str = "bg_test_key_0001";

/// The request of signing vector TV6, implemented by hand (the macro is tested elsewhere).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CancelOrder {
    pub symbol: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_type: Option<String>,
    pub order_id: String,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Cancelled {
    pub order_id: String,
    pub client_oid: String,
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

pub struct Captured {
    pub head: String,
    pub body: Vec<u8>,
}

impl Captured {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (k, v) = line.split_once(':')?;
            k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

/// What the server does with one request.
pub enum Reply {
    /// Answers with this status and JSON body.
    Json(u16, &'static str),
    /// Writes these bytes as the whole answer (status line and headers included).
    Raw(&'static str),
    /// Reads the request, then closes the connection without a word.
    Hangup,
}

/// Serves `answers` one connection at a time and returns what each request carried.
pub async fn serve(
    answers: Vec<(u16, &'static str)>,
) -> (String, tokio::task::JoinHandle<Vec<Captured>>) {
    serve_replies(
        answers
            .into_iter()
            .map(|(s, b)| Reply::Json(s, b))
            .collect(),
    )
    .await
}

/// [`serve`], with any kind of reply.
pub async fn serve_replies(
    answers: Vec<Reply>,
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
        for reply in answers {
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
            match reply {
                Reply::Json(status, reply) => {
                    let _ = write!(
                        answer,
                        "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{reply}",
                        reply.len()
                    );
                }
                Reply::Raw(raw) => answer.extend_from_slice(raw.as_bytes()),
                Reply::Hangup => {}
            }
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

pub fn client(url: &str, demo: bool) -> Client {
    Client::builder()
        .base_url(url)
        .credentials(Credentials::new(KEY, SECRET, PASSPHRASE))
        .clock(Arc::new(FixedClock(1_700_000_000_000)))
        .demo(demo)
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

pub const OK: &str = r#"{"code":"00000","msg":"success","requestTime":1700000000001,"data":{"orderId":"121211212122","clientOid":"xx001"}}"#;
