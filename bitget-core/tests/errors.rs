//! The errors a bot acts on, from real sockets: each reads as one line that says what happened
//! and whether the request may have been executed, names its causes once, and answers the
//! questions a bot asks (`is_not_found`, `retry_after`).

mod common;

use std::error::Error as _;
use std::time::Duration;

use bitget_core::{ApiCode, Client, Credentials, RetryPolicy};
use common::{CancelOrder, KEY, PASSPHRASE, Reply, SECRET, serve_replies};

fn request() -> CancelOrder {
    CancelOrder {
        symbol: "BTCUSDT".into(),
        product_type: None,
        order_id: "1".into(),
    }
}

fn client(url: &str) -> Client {
    Client::builder()
        .base_url(url)
        .credentials(Credentials::new(KEY, SECRET, PASSPHRASE))
        .retry(RetryPolicy::never())
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

async fn error_for(replies: Vec<Reply>) -> bitget_core::Error {
    let (url, server) = serve_replies(replies).await;
    let err = client(&url)
        .send(&request())
        .await
        .err()
        .unwrap_or_else(|| panic!("expected an error"));
    server.await.unwrap_or_else(|e| panic!("{e}"));
    err
}

/// What an error-chain printer (anyhow's `{:#}`) shows: the error and every source.
fn chain(err: &bitget_core::Error) -> Vec<String> {
    let mut out = vec![err.to_string()];
    let mut next = err.source();
    while let Some(e) = next {
        out.push(e.to_string());
        next = e.source();
    }
    out
}

fn assert_one_line_said_once(err: &bitget_core::Error) {
    let lines = chain(err);
    assert_eq!(
        lines.len(),
        1,
        "the causes belong in the text, not again in source(): {lines:?}"
    );
    assert!(!lines[0].contains('\n'), "{}", lines[0]);
}

#[tokio::test]
async fn not_found_codes_answer_is_not_found() {
    let err = error_for(vec![Reply::Json(
        400,
        r#"{"code":"43001","msg":"The order does not exist","requestTime":1,"data":null}"#,
    )])
    .await;
    assert!(err.is_not_found(), "{err}");
    assert_one_line_said_once(&err);
    for code in ["40768", "40109", "43001", "43025", "22001", "25204"] {
        assert!(ApiCode::from_code(code).is_not_found(), "{code}");
    }
    for code in ["40404", "40009", "40034", "429", "49999"] {
        assert!(!ApiCode::from_code(code).is_not_found(), "{code}");
    }
    assert_eq!(ApiCode::from_code("40404"), ApiCode::UrlNotFound);
    assert!(ApiCode::UrlNotFound.hint().is_some());
}

#[tokio::test]
async fn a_429_with_retry_after_tells_how_long_to_wait() {
    let err = error_for(vec![Reply::Raw(
        "HTTP/1.1 429 Too Many Requests\r\nretry-after: 3\r\ncontent-length: 0\r\nconnection: close\r\n\r\n",
    )])
    .await;
    assert!(err.is_rate_limited(), "{err}");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3)));
    assert!(err.to_string().contains("retry after 3s"), "{err}");
    let err = error_for(vec![Reply::Json(
        429,
        r#"{"code":"429","msg":"Too Many Requests","requestTime":1,"data":null}"#,
    )])
    .await;
    assert_eq!(err.retry_after(), None, "no header, no promise");
}

#[tokio::test]
async fn a_connection_dropped_after_the_request_says_it_may_have_been_executed() {
    let err = error_for(vec![Reply::Hangup]).await;
    assert!(err.is_ambiguous(), "{err}");
    let text = err.to_string();
    assert!(
        text.contains("after the request was sent")
            && text.contains("may or may not have been executed"),
        "{text}"
    );
    assert_one_line_said_once(&err);
}

#[tokio::test]
async fn a_refused_connection_says_nothing_was_sent_and_why() {
    // Bind then drop: nothing listens on the port any more.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap_or_else(|e| panic!("{e}"))
        .port();
    let err = client(&format!("http://127.0.0.1:{port}"))
        .send(&request())
        .await
        .err()
        .unwrap_or_else(|| panic!("expected an error"));
    assert!(!err.is_ambiguous(), "{err}");
    let text = err.to_string();
    assert!(
        text.contains("could not connect, so the request was not sent"),
        "{text}"
    );
    assert!(
        text.to_lowercase().contains("refused"),
        "the cause is named: {text}"
    );
    assert_one_line_said_once(&err);
}

#[tokio::test]
async fn an_answer_that_is_not_an_envelope_reads_naturally() {
    let err = error_for(vec![Reply::Raw(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/html\r\ncontent-length: 14\r\nconnection: close\r\n\r\n<html>x</html>",
    )])
    .await;
    let text = err.to_string();
    assert!(
        text.contains("HTTP 503 with a body that is not a Bitget answer (\"<html>x</html>\")"),
        "{text}"
    );
    assert!(text.contains("may or may not have been executed"), "{text}");
    assert!(!text.contains("envelope"), "{text}");
    assert_one_line_said_once(&err);
}

#[tokio::test]
async fn a_4xx_page_in_front_of_the_exchange_is_a_refusal_not_an_unknown_outcome() {
    let err = error_for(vec![Reply::Raw(
        "HTTP/1.1 403 Forbidden\r\ncontent-type: text/html\r\ncontent-length: 9\r\nconnection: close\r\n\r\nforbidden",
    )])
    .await;
    assert!(!err.is_ambiguous() && !err.is_retryable(), "{err}");
    assert!(!err.to_string().contains("may or may not"), "{err}");
}

#[tokio::test]
async fn a_validation_error_lists_its_rules_once() {
    let (url, _server) = serve_replies(vec![]).await;
    let bad = CancelOrder {
        symbol: String::new(),
        product_type: None,
        order_id: "1".into(),
    };
    let err = client(&url)
        .send(&bad)
        .await
        .err()
        .unwrap_or_else(|| panic!("expected an error"));
    assert!(err.validation().is_some());
    assert_eq!(err.to_string().matches("`symbol`").count(), 1, "{err}");
    assert_one_line_said_once(&err);
}
