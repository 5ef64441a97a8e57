//! Bitget's answers: `{"code","msg","requestTime","data"}` with the HTTP status Bitget uses.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// An error answer: Bitget's code, its message and the HTTP status it comes with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SimError {
    pub(crate) status: u16,
    pub(crate) code: String,
    pub(crate) msg: String,
}

impl SimError {
    pub(crate) fn new(status: u16, code: &str, msg: impl Into<String>) -> Self {
        SimError {
            status,
            code: code.to_owned(),
            msg: msg.into(),
        }
    }

    /// HTTP 400 with `code`: how Bitget answers most refusals.
    pub(crate) fn bad(code: &str, msg: impl Into<String>) -> Self {
        SimError::new(400, code, msg)
    }

    /// 40017: a parameter failed verification.
    pub(crate) fn invalid(msg: impl Into<String>) -> Self {
        SimError::bad("40017", msg)
    }

    /// 40019: a required parameter is missing.
    pub(crate) fn missing(name: &str) -> Self {
        SimError::bad("40019", format!("Parameter {name} cannot be empty"))
    }

    pub(crate) fn too_many_requests() -> Self {
        SimError::new(429, "429", "Too Many Requests")
    }
}

/// The body of an answer.
pub(crate) fn body(code: &str, msg: &str, now_ms: i64, data: Value) -> String {
    json!({ "code": code, "msg": msg, "requestTime": now_ms, "data": data }).to_string()
}

/// A finished answer: status, code (for the request log) and body.
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) code: String,
    pub(crate) body: String,
}

impl Answer {
    pub(crate) fn ok(now_ms: i64, data: Value) -> Self {
        Answer {
            status: 200,
            code: "00000".into(),
            body: body("00000", "success", now_ms, data),
        }
    }

    pub(crate) fn error(now_ms: i64, err: &SimError) -> Self {
        Answer {
            status: err.status,
            code: err.code.clone(),
            body: body(&err.code, &err.msg, now_ms, Value::Null),
        }
    }
}

/// The envelope code of a response, for the request log (the edge layer reads it).
#[derive(Clone, Debug)]
pub(crate) struct LogCode(pub(crate) String);

impl IntoResponse for Answer {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response =
            (status, [("content-type", "application/json")], self.body).into_response();
        response.extensions_mut().insert(LogCode(self.code));
        response
    }
}
