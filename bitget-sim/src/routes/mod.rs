//! The one handler: faults, routing, authentication, rate limits, then the endpoint. It reads the
//! raw bytes itself, so a malformed request gets a JSON error and the signature is checked over
//! exactly what arrived.

mod market;
mod mix;
mod spot;

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Instant;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::{Value, json};

use crate::account::Account;
use crate::auth::{self, Signed};
use crate::envelope::{Answer, SimError};
use crate::faults::{FaultPoint, Strike};
use crate::log::LoggedRequest;
use crate::state::{Inner, Shared};

/// The largest body read; Bitget's own limit is not documented, 1 MiB is far above any request.
const MAX_BODY: usize = 1 << 20;

type Handler = fn(&mut Inner, &Account, &[u8]) -> Result<Value, SimError>;

/// A private endpoint: its path, documented rate and handler.
struct Route {
    path: &'static str,
    rate: u32,
    handler: Handler,
}

const ROUTES: &[Route] = &[
    Route {
        path: "/api/v2/spot/trade/place-order",
        rate: 10,
        handler: spot::place_order,
    },
    Route {
        path: "/api/v2/spot/trade/cancel-order",
        rate: 10,
        handler: spot::cancel_order,
    },
    Route {
        path: "/api/v2/spot/trade/batch-cancel-order",
        rate: 10,
        handler: spot::batch_cancel_order,
    },
    Route {
        path: "/api/v2/mix/order/place-order",
        rate: 10,
        handler: mix::place_order,
    },
    Route {
        path: "/api/v2/mix/order/place-plan-order",
        rate: 10,
        handler: mix::place_plan_order,
    },
    Route {
        path: "/api/v2/mix/order/batch-cancel-orders",
        rate: 10,
        handler: mix::batch_cancel_orders,
    },
    Route {
        path: "/api/v2/mix/order/cancel-all-orders",
        rate: 10,
        handler: mix::cancel_all_orders,
    },
    Route {
        path: "/api/v2/mix/order/cancel-plan-order",
        rate: 10,
        handler: mix::cancel_plan_order,
    },
];

const TIME_PATH: &str = "/api/v2/public/time";
const TIME_RATE: u32 = 20;

type Public = fn(&mut Inner, &str, i64) -> Result<Value, SimError>;

/// The public GET endpoints: path, documented rate per IP, handler of the query.
const PUBLIC: &[(&str, u32, Public)] = &[
    ("/api/v2/mix/market/ticker", 20, market::ticker_one),
    ("/api/v2/mix/market/tickers", 20, market::tickers),
    ("/api/v2/mix/market/merge-depth", 20, market::merge_depth),
    ("/api/v2/mix/market/symbol-price", 20, market::symbol_price),
];

/// Answers one request.
pub(crate) async fn handle(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let method = parts.method.as_str().to_owned();
    let path = parts.uri.path().to_owned();
    let query = parts.uri.query().unwrap_or("").to_owned();
    let api_key = parts
        .headers
        .get("access-key")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body = axum::body::to_bytes(body, MAX_BODY).await;

    let (strike, latency, point) = {
        let mut inner = shared.lock();
        let faults = inner.faults.clone();
        let strike = if inner.faults.force_429 > 0 {
            inner.faults.force_429 -= 1;
            Strike::TooMany
        } else {
            inner.dice().strike(&faults)
        };
        (strike, faults.latency, faults.point)
    };
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    let now = shared.now_ms();
    let log = |status: u16, code: &str, body: &[u8]| LoggedRequest {
        method: method.clone(),
        path: path.clone(),
        query: query.clone(),
        body: String::from_utf8_lossy(body).into_owned(),
        api_key: api_key.clone(),
        status,
        code: code.to_owned(),
    };

    let body = match body {
        Ok(body) => body,
        Err(_) => {
            let answer = Answer::error(
                now,
                &SimError::invalid("the body could not be read (over 1 MiB or cut short)"),
            );
            shared
                .lock()
                .log
                .push(log(answer.status, &answer.code, b""));
            return answer.into_response();
        }
    };

    if point == FaultPoint::Before || strike == Strike::TooMany {
        if let Some(response) = strike_response(strike, now) {
            let (status, code) = strike_log(strike);
            shared.lock().log.push(log(status, code, &body));
            return response;
        }
    }

    let answer = answer(&shared, &method, &path, &query, &parts.headers, &body, now);
    if point == FaultPoint::After {
        if let Some(response) = strike_response(strike, now) {
            // The request took effect; only its answer is lost.
            let (status, code) = strike_log(strike);
            shared.lock().log.push(log(status, code, &body));
            return response;
        }
    }
    shared
        .lock()
        .log
        .push(log(answer.status, &answer.code, &body));
    answer.into_response()
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

fn answer(
    shared: &Shared,
    method: &str,
    path: &str,
    query: &str,
    headers: &HeaderMap,
    body: &[u8],
    now: i64,
) -> Answer {
    match route(shared, method, path, query, headers, body, now) {
        Ok(data) => Answer::ok(now, data),
        Err(err) => Answer::error(now, &err),
    }
}

fn route(
    shared: &Shared,
    method: &str,
    path: &str,
    query: &str,
    headers: &HeaderMap,
    body: &[u8],
    now: i64,
) -> Result<Value, SimError> {
    if path == TIME_PATH {
        if method != "GET" {
            return Err(not_found());
        }
        admit(shared, "ip", TIME_PATH, TIME_RATE)?;
        return Ok(json!({ "serverTime": now.to_string() }));
    }
    if let Some((path, rate, handler)) = PUBLIC.iter().find(|(p, _, _)| *p == path) {
        if method != "GET" {
            return Err(not_found());
        }
        admit(shared, "ip", path, *rate)?;
        let mut inner = shared.lock();
        return handler(&mut inner, query, now);
    }
    let signed = Signed {
        method,
        path,
        query,
        body,
    };
    let Some(route) = ROUTES.iter().find(|r| r.path == path && method == "POST") else {
        // A signed request on a v3 path the simulator does not serve still meets the account
        // check first, as on Bitget: a Classic key there is 40084.
        if path.starts_with("/api/v3/") && headers.contains_key("access-key") {
            let account = auth::authenticate(&shared.accounts, headers, &signed, now)?;
            family(account, path)?;
        }
        return Err(not_found());
    };
    let account = auth::authenticate(&shared.accounts, headers, &signed, now)?;
    family(account, path)?;
    auth::check_content_type(headers)?;
    let rate = shared
        .rate_overrides
        .get(route.path)
        .copied()
        .unwrap_or(route.rate);
    admit(shared, &account.uid, route.path, rate)?;
    let mut inner = shared.lock();
    (route.handler)(&mut inner, account, body)
}

fn admit(shared: &Shared, key: &str, path: &'static str, rate: u32) -> Result<(), SimError> {
    if shared.rate_limits && !shared.lock().windows.admit(key, path, rate, Instant::now()) {
        return Err(SimError::too_many_requests());
    }
    Ok(())
}

/// A Unified key on a v2 path, or a Classic key on a v3 path (catalogue uta-v3 §1: 40085 and
/// 40084, with Bitget's words).
fn family(account: &Account, path: &str) -> Result<(), SimError> {
    if account.unified && path.starts_with("/api/v2/") {
        return Err(SimError::bad(
            "40085",
            "You are in Unified Account mode, and the Classic Account API is not supported",
        ));
    }
    if !account.unified && path.starts_with("/api/v3/") {
        return Err(SimError::bad(
            "40084",
            "You are in Classic Account mode, and the Unified Account API is not supported",
        ));
    }
    Ok(())
}

fn not_found() -> SimError {
    SimError::new(404, "40404", "Request URL NOT FOUND")
}

/// The echo of an id-list item in `failureList`.
pub(crate) fn failure(
    order_id: Option<&str>,
    client_oid: Option<&str>,
    msg: &str,
    code: &str,
) -> Value {
    json!({
        "orderId": order_id.unwrap_or(""),
        "clientOid": client_oid.unwrap_or(""),
        "errorMsg": msg,
        "errorCode": code,
    })
}

/// An order in `successList`.
pub(crate) fn success(order: &crate::orders::Order) -> Value {
    json!({ "orderId": order.order_id, "clientOid": order.client_oid })
}

/// An id-list item: orderId, clientOid and symbol, `""` counting as absent.
pub(crate) struct Item {
    pub(crate) order_id: Option<String>,
    pub(crate) client_oid: Option<String>,
    pub(crate) symbol: Option<String>,
}

/// Reads the items of an id list (at most 50, each an object).
pub(crate) fn items(list: &[Value], name: &str) -> Result<Vec<Item>, SimError> {
    if list.len() > 50 {
        return Err(SimError::invalid(format!("{name} holds at most 50 items")));
    }
    list.iter()
        .map(|v| {
            let Value::Object(obj) = v else {
                return Err(SimError::invalid(format!(
                    "each item of {name} must be an object"
                )));
            };
            if let Some(unknown) = obj
                .keys()
                .find(|k| !["orderId", "clientOid", "symbol"].contains(&k.as_str()))
            {
                return Err(SimError::bad(
                    "40034",
                    format!("Parameter {unknown} does not exist"),
                ));
            }
            Ok(Item {
                order_id: crate::params::text_of(obj.get("orderId"), "orderId")?,
                client_oid: crate::params::text_of(obj.get("clientOid"), "clientOid")?,
                symbol: crate::params::text_of(obj.get("symbol"), "symbol")?,
            })
        })
        .collect()
}

/// A decimal parameter, parsed.
pub(crate) fn decimal(
    p: &crate::params::Params,
    name: &str,
    required: bool,
) -> Result<Option<rust_decimal::Decimal>, SimError> {
    p.decimal(name, required)?
        .map(|t| {
            t.parse::<rust_decimal::Decimal>()
                .map_err(|_| SimError::invalid(format!("{name} must be a decimal number")))
        })
        .transpose()
}

/// `force`: gtc (the default), ioc, fok or post_only.
pub(crate) fn force(p: &crate::params::Params) -> Result<crate::exchange::TimeInForce, SimError> {
    use crate::exchange::TimeInForce;
    Ok(
        match p
            .text("force")?
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            None | Some("gtc") => TimeInForce::Gtc,
            Some("ioc") => TimeInForce::Ioc,
            Some("fok") => TimeInForce::Fok,
            Some("post_only") => TimeInForce::PostOnly,
            Some(other) => {
                return Err(SimError::invalid(format!(
                    "force `{other}` is not gtc, ioc, fok or post_only"
                )));
            }
        },
    )
}

/// `orderType`: limit or market.
pub(crate) fn order_type(
    p: &crate::params::Params,
) -> Result<crate::exchange::OrderType, SimError> {
    use crate::exchange::OrderType;
    match p.required("orderType")?.to_ascii_lowercase().as_str() {
        "limit" => Ok(OrderType::Limit),
        "market" => Ok(OrderType::Market),
        other => Err(SimError::invalid(format!(
            "orderType `{other}` is not limit or market"
        ))),
    }
}
