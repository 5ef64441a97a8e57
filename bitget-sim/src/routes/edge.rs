//! The edge of the simulator, in front of every route: the body read once, the injected faults
//! (before or after the endpoint runs), the added latency, and the request log.

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;

use super::{MAX_BODY, Prepared};
use crate::envelope::{Answer, LogCode, SimError};
use crate::faults::{FaultPoint, Strike};
use crate::log::LoggedRequest;
use crate::state::Shared;

/// Reads the request once, decides its fault, runs the route, and logs what was answered.
pub(crate) async fn edge(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    let (parts, body) = request.into_parts();
    let body = axum::body::to_bytes(body, MAX_BODY).await;
    let (strike, latency, point) = {
        let mut inner = shared.lock();
        let faults = inner.faults.clone();
        let (strike, point) = if inner.faults.force_429 > 0 {
            inner.faults.force_429 -= 1;
            (Strike::TooMany, faults.point)
        } else if inner.faults.lose_answers > 0 {
            inner.faults.lose_answers -= 1;
            (Strike::Error5xx, FaultPoint::After)
        } else {
            (inner.dice().strike(&faults), faults.point)
        };
        (strike, faults.latency, point)
    };
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let now = shared.now_ms();
    let prepared = Prepared {
        method: parts.method.as_str().to_owned(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().unwrap_or("").to_owned(),
        headers: parts.headers.clone(),
        body: body.as_ref().map_or_else(|_| Bytes::new(), Bytes::clone),
        now,
    };
    let log = |status: u16, code: &str| LoggedRequest {
        method: prepared.method.clone(),
        path: prepared.path.clone(),
        query: prepared.query.clone(),
        body: String::from_utf8_lossy(&prepared.body).into_owned(),
        api_key: parts
            .headers
            .get("access-key")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        status,
        code: code.to_owned(),
    };
    if body.is_err() {
        let answer = Answer::error(
            now,
            &SimError::invalid("the body could not be read (over 1 MiB or cut short)"),
        );
        shared.lock().log.push(log(answer.status, &answer.code));
        return answer.into_response();
    }
    if point == FaultPoint::Before || strike == Strike::TooMany {
        if let Some(response) = strike_response(strike, now) {
            let (status, code) = strike_log(strike);
            shared.lock().log.push(log(status, code));
            return response;
        }
    }
    let mut request = Request::from_parts(parts.clone(), Body::from(prepared.body.clone()));
    request.extensions_mut().insert(prepared.clone());
    let response = next.run(request).await;
    if point == FaultPoint::After {
        if let Some(lost) = strike_response(strike, now) {
            // The request took effect; only its answer is lost.
            let (status, code) = strike_log(strike);
            shared.lock().log.push(log(status, code));
            return lost;
        }
    }
    let code = response
        .extensions()
        .get::<LogCode>()
        .map_or_else(String::new, |c| c.0.clone());
    shared
        .lock()
        .log
        .push(log(response.status().as_u16(), &code));
    response
}

fn strike_log(strike: Strike) -> (u16, &'static str) {
    match strike {
        Strike::Error5xx => (503, ""),
        Strike::Drop => (0, ""),
        Strike::Malformed => (200, ""),
        Strike::TooMany => (429, "429"),
        Strike::None => (0, ""),
    }
}

fn strike_response(strike: Strike, now: i64) -> Option<Response> {
    Some(match strike {
        Strike::None => return None,
        Strike::Error5xx => (
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            [("content-type", "text/html")],
            "<html>503 Service Unavailable</html>",
        )
            .into_response(),
        Strike::Malformed => (
            axum::http::StatusCode::OK,
            [("content-type", "application/json")],
            r#"{"code":"00000","msg":"success","data":{"successList":[{"orderId":"#,
        )
            .into_response(),
        Strike::TooMany => Answer::error(now, &SimError::too_many_requests()).into_response(),
        Strike::Drop => Response::new(Body::new(Broken)),
    })
}

/// A body that fails at once: the server aborts the connection without an answer.
struct Broken;

impl http_body::Body for Broken {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
        Poll::Ready(Some(Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "injected: connection dropped",
        ))))
    }
}
