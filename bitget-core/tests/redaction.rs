//! Nothing secret in logs or errors. In its own test binary: tracing caches per-callsite interest
//! process-wide, so a concurrent test on another thread could otherwise hide our events.

mod common;

use std::sync::{Arc, Mutex};

use common::*;

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
    assert!(
        logs.contains("code=\"40012\"") || logs.contains("code=40012"),
        "the code is recorded: {logs}"
    );
    let shown = format!("{logs}\n{err}\n{err:?}\n{c:?}");
    for secret in [SECRET, PASSPHRASE] {
        assert!(!shown.contains(secret), "a secret leaked into: {shown}");
    }
}
