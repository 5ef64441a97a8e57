//! Requests over a stream, answered by id: v3's trading over the private connection
//! (`op:"trade"`, Bitget's `uta/websocket/private/Place-Order-Channel` page and its siblings).
//!
//! A request is sent on the connection it was made on, paced with everything else that
//! connection sends, and answered by the frame carrying its `id` (`event:"trade"`, or
//! `event:"error"`). Bitget's replies carry nothing else to tell them apart by, so the id is
//! the one correlation. What the outcome means:
//! - an answer with code `0`: the reply itself;
//! - an answer with another code: [`Error`] of kind `Api`, with Bitget's code and message: the
//!   request was not executed;
//! - no connection when it was to be sent: [`Error::is_disconnected`], not sent at all;
//! - the connection lost after it was sent, or no answer in time: the request may have been
//!   executed ([`Error::is_ambiguous`]): find out over REST.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::Value;
use tokio::sync::{mpsc, oneshot, watch};

use super::conn::{Cmd, ConnState};
use crate::error::{ApiCode, ApiError};
use crate::{Client, Error};

/// A request waiting for the frame that answers it.
pub(super) struct Pending {
    pub(super) id: String,
    pub(super) text: String,
    pub(super) reply: oneshot::Sender<Result<Value, Error>>,
}

/// A private connection that takes requests answered by id (from
/// [`Streams::requester`](super::Streams::requester)); it holds the connection open while it
/// lives, logged in and re-logged in after each reconnect like any private connection.
pub struct Requester {
    pub(super) cmd: mpsc::UnboundedSender<Cmd>,
    pub(super) count: Arc<AtomicUsize>,
    pub(super) state: watch::Receiver<ConnState>,
    pub(super) url: String,
    pub(super) within: Duration,
    pub(super) client: Client,
}

impl std::fmt::Debug for Requester {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Requester")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl Requester {
    /// The client whose credentials log the connection in (its rate limits and REST endpoints
    /// are the ones a stream request shares and is recovered through).
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Sends `message` (a JSON text carrying `"id": id`) and waits for the frame answering
    /// `id`: the reply when its code is `0`, otherwise the error (see the module's docs for
    /// what each outcome says about whether it was executed).
    ///
    /// While the connection is (re)connecting, the request waits for it, within the same
    /// timeout, before it is handed over; once the timeout has passed it is not sent at all
    /// (an order sent late, after its caller was told it timed out, would be worse than none).
    pub async fn request(&self, id: &str, message: String) -> Result<Value, Error> {
        let deadline = tokio::time::Instant::now() + self.within;
        let mut state = self.state.clone();
        let up = tokio::time::timeout_at(
            deadline,
            state.wait_for(|s| matches!(s, ConnState::Connected | ConnState::Closed)),
        )
        .await;
        match up {
            Ok(Ok(s)) if *s == ConnState::Connected => {}
            Ok(_) => return Err(Error::disconnected(&self.url, "the connection task ended")),
            Err(_) => return Err(unsent(&self.url)),
        }
        let (reply, answer) = oneshot::channel();
        let pending = Pending {
            id: id.to_owned(),
            text: message,
            reply,
        };
        if self.cmd.send(Cmd::Request(pending)).is_err() {
            return Err(Error::disconnected(&self.url, "the connection task ended"));
        }
        match tokio::time::timeout_at(deadline, answer).await {
            Ok(Ok(result)) => result,
            Ok(Err(_)) => Err(Error::disconnected(
                &self.url,
                "the connection task ended before an answer",
            )
            .may_have_executed(None)),
            // It may be executing: said so by the timeout itself (`is_unanswered`).
            Err(_) => Err(Error::timeout("stream request")),
        }
    }
}

impl Requester {
    /// [`Requester::request`], its answer's `args` decoded into `T` (a decode failure names
    /// the field, as a REST answer's does).
    pub async fn request_args<T: serde::de::DeserializeOwned>(
        &self,
        id: &str,
        message: String,
    ) -> Result<T, Error> {
        let reply = self.request(id, message).await?;
        let args = reply
            .get("args")
            .cloned()
            .unwrap_or(Value::Array(Vec::new()));
        serde_path_to_error::deserialize::<_, T>(args).map_err(|e| {
            let inner = e.path().to_string();
            let path = if inner == "." {
                "args".to_owned()
            } else {
                format!("args.{inner}")
            };
            Error::decode(crate::DecodeError {
                path,
                message: e.into_inner().to_string(),
                body: reply.to_string(),
            })
        })
    }
}

impl Drop for Requester {
    fn drop(&mut self) {
        self.count.fetch_sub(1, Ordering::Relaxed);
    }
}

/// The outcome an answering frame states: itself when its `code` is `0` (a string on v3, a
/// number on v2), otherwise Bitget's code and message as an API error.
pub(super) fn outcome(msg: Value) -> Result<Value, Error> {
    let code = msg
        .get("code")
        .map(super::conn::code_of)
        .unwrap_or_default();
    let is_error = msg.get("event").and_then(Value::as_str) == Some("error");
    if !is_error && (code == "0" || code.is_empty()) {
        return Ok(msg);
    }
    let message = msg
        .get("msg")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let request_time = msg.get("ts").and_then(|t| match t {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    });
    Err(Error::api(ApiError {
        code: ApiCode::from_code(&code),
        message,
        // No HTTP under a stream: 0 says so (and is not a 5xx, so the outcome is known).
        http_status: 0,
        request_time,
    }))
}

/// The error of a request sent on a connection that was then lost before its answer.
pub(super) fn lost(url: &str) -> Error {
    Error::disconnected(
        url,
        "the connection was lost after the request was sent and before Bitget answered",
    )
    .may_have_executed(None)
}

/// The error of a request that could not be sent: the connection was down.
pub(super) fn unsent(url: &str) -> Error {
    Error::disconnected(url, "not connected: the request was not sent")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_zero_is_the_reply_and_any_other_is_bitgets_refusal() {
        let ok = serde_json::json!({"event": "trade", "id": "1", "code": "0", "msg": "success", "args": []});
        assert!(outcome(ok).is_ok());
        let v2 = serde_json::json!({"event": "trade", "id": "1", "code": 0, "msg": "Success"});
        assert!(outcome(v2).is_ok());
        let refused = serde_json::json!({"event": "error", "id": "1", "code": "43012", "msg": "Insufficient balance"});
        let e = outcome(refused)
            .err()
            .unwrap_or_else(|| panic!("a refusal"));
        assert_eq!(e.api_code().map(ApiCode::as_str), Some("43012"));
        assert!(!e.is_ambiguous(), "a refusal proves nothing was done");
        assert!(e.to_string().contains("Insufficient balance"), "{e}");
        let lost = lost("wss://x");
        assert!(lost.is_ambiguous() && lost.is_disconnected());
        let unsent = unsent("wss://x");
        assert!(!unsent.is_ambiguous() && unsent.is_disconnected());
    }
}
