//! The routes: one per endpoint, behind the edge layer (`edge.rs`: the body read once, faults,
//! the request log); public routes count per IP, private ones pass one gate (signature over
//! exactly what arrived, account family, content type, per-UID rate).

mod edge;
mod market;
mod mix;
mod mix_account;
mod mix_query;
mod mix_trade;
mod names;
mod paging;
pub(crate) mod pushes;

pub(crate) use market::period_ms;
mod spot;
mod spot_account;
mod spot_market;
mod spot_plan;
mod uta_account;
mod uta_market;
mod uta_trade;

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{Extension, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, get, on};
use bytes::Bytes;
use serde_json::{Value, json};

use crate::account::Account;
use crate::auth::{self, Signed};
use crate::envelope::{Answer, SimError};
use crate::state::{Inner, Shared};

/// The largest body read; Bitget's own limit is not documented, 1 MiB is far above any request.
const MAX_BODY: usize = 1 << 20;

type Handler = fn(&mut Inner, &Account, &[u8]) -> Result<Value, SimError>;

/// The private endpoints: path, documented rate per UID, handler of the signed body.
const ROUTES: &[(&str, u32, Handler)] = &[
    ("/api/v2/spot/trade/place-order", 10, spot::place_order),
    ("/api/v2/spot/trade/batch-orders", 5, spot::batch_orders),
    (
        "/api/v2/spot/trade/cancel-replace-order",
        5,
        spot::cancel_replace_order,
    ),
    (
        "/api/v2/spot/trade/cancel-symbol-order",
        5,
        spot::cancel_symbol_order,
    ),
    ("/api/v2/spot/trade/cancel-order", 10, spot::cancel_order),
    (
        "/api/v2/spot/trade/batch-cancel-replace-order",
        5,
        spot::batch_cancel_replace_order,
    ),
    (
        "/api/v2/spot/trade/place-plan-order",
        20,
        spot_plan::place_plan_order,
    ),
    (
        "/api/v2/spot/trade/modify-plan-order",
        20,
        spot_plan::modify_plan_order,
    ),
    (
        "/api/v2/spot/trade/cancel-plan-order",
        20,
        spot_plan::cancel_plan_order,
    ),
    (
        "/api/v2/spot/trade/batch-cancel-plan-order",
        5,
        spot_plan::batch_cancel_plan_order,
    ),
    ("/api/v2/spot/wallet/transfer", 10, spot_account::transfer),
    (
        "/api/v2/spot/trade/batch-cancel-order",
        10,
        spot::batch_cancel_order,
    ),
    ("/api/v2/mix/order/place-order", 10, mix::place_order),
    (
        "/api/v2/mix/order/place-plan-order",
        10,
        mix::place_plan_order,
    ),
    (
        "/api/v2/mix/order/batch-cancel-orders",
        10,
        mix::batch_cancel_orders,
    ),
    (
        "/api/v2/mix/order/cancel-all-orders",
        10,
        mix::cancel_all_orders,
    ),
    (
        "/api/v2/mix/order/cancel-plan-order",
        10,
        mix::cancel_plan_order,
    ),
    (
        "/api/v2/mix/order/cancel-order",
        10,
        mix_trade::cancel_order,
    ),
    (
        "/api/v2/mix/order/modify-order",
        10,
        mix_trade::modify_order,
    ),
    (
        "/api/v2/mix/order/batch-place-order",
        5,
        mix_trade::batch_place_order,
    ),
    (
        "/api/v2/mix/order/close-positions",
        1,
        mix_trade::close_positions,
    ),
    (
        "/api/v2/mix/order/click-backhand",
        10,
        mix_trade::click_backhand,
    ),
    (
        "/api/v2/mix/order/place-tpsl-order",
        10,
        mix_trade::place_tpsl_order,
    ),
    (
        "/api/v2/mix/order/place-pos-tpsl",
        10,
        mix_trade::place_pos_tpsl,
    ),
    (
        "/api/v2/mix/order/modify-tpsl-order",
        10,
        mix_trade::modify_tpsl_order,
    ),
    (
        "/api/v2/mix/order/modify-plan-order",
        10,
        mix_trade::modify_plan_order,
    ),
    (
        "/api/v2/mix/account/set-leverage",
        5,
        mix_account::set_leverage,
    ),
    ("/api/v2/mix/account/set-margin", 5, mix_account::set_margin),
    (
        "/api/v2/mix/account/set-margin-mode",
        5,
        mix_account::set_margin_mode,
    ),
    (
        "/api/v2/mix/account/set-position-mode",
        5,
        mix_account::set_position_mode,
    ),
    ("/api/v3/trade/place-order", 10, uta_trade::place_order),
    ("/api/v3/trade/place-batch", 5, uta_trade::place_batch),
    ("/api/v3/trade/modify-order", 10, uta_trade::modify_order),
    (
        "/api/v3/trade/batch-modify-order",
        10,
        uta_trade::batch_modify_order,
    ),
    ("/api/v3/trade/cancel-order", 10, uta_trade::cancel_order),
    ("/api/v3/trade/cancel-batch", 5, uta_trade::cancel_batch),
    (
        "/api/v3/trade/cancel-symbol-order",
        5,
        uta_trade::cancel_symbol_order,
    ),
    (
        "/api/v3/trade/close-positions",
        5,
        uta_trade::close_positions,
    ),
    (
        "/api/v3/trade/countdown-cancel-all",
        1,
        uta_trade::countdown_cancel_all,
    ),
    (
        "/api/v3/trade/place-strategy-order",
        10,
        uta_trade::place_strategy_order,
    ),
    (
        "/api/v3/trade/modify-strategy-order",
        10,
        uta_trade::modify_strategy_order,
    ),
    (
        "/api/v3/trade/cancel-strategy-order",
        10,
        uta_trade::cancel_strategy_order,
    ),
    (
        "/api/v3/account/set-leverage",
        10,
        uta_account::set_leverage,
    ),
    (
        "/api/v3/account/set-hold-mode",
        10,
        uta_account::set_hold_mode,
    ),
    ("/api/v3/account/set-margin", 10, uta_account::set_margin),
    ("/api/v3/account/transfer", 5, uta_account::transfer),
    (
        "/api/v3/account/max-open-available",
        5,
        uta_account::max_open_available,
    ),
];

type PrivateGet = fn(&mut Inner, &Account, &str) -> Result<Value, SimError>;

/// The private GET endpoints: path, documented rate per UID, handler of the signed query.
const PRIVATE_GETS: &[(&str, u32, PrivateGet)] = &[
    ("/api/v2/spot/trade/orderInfo", 20, spot::order_info),
    (
        "/api/v2/spot/trade/unfilled-orders",
        20,
        spot::unfilled_orders,
    ),
    (
        "/api/v2/spot/trade/history-orders",
        20,
        spot::history_orders,
    ),
    ("/api/v2/spot/trade/fills", 10, spot::fills),
    ("/api/v2/spot/account/assets", 10, spot::assets),
    ("/api/v2/spot/account/info", 1, spot_account::info),
    ("/api/v2/spot/account/bills", 10, spot_account::bills),
    (
        "/api/v2/spot/trade/current-plan-order",
        20,
        spot_plan::current_plan_order,
    ),
    (
        "/api/v2/spot/trade/history-plan-order",
        20,
        spot_plan::history_plan_order,
    ),
    (
        "/api/v2/spot/trade/plan-sub-order",
        20,
        spot_plan::plan_sub_order,
    ),
    ("/api/v2/mix/order/detail", 10, mix_query::detail),
    (
        "/api/v2/mix/order/orders-pending",
        10,
        mix_query::orders_pending,
    ),
    (
        "/api/v2/mix/order/orders-history",
        10,
        mix_query::orders_history,
    ),
    ("/api/v2/mix/order/fills", 10, mix_query::fills),
    (
        "/api/v2/mix/order/fill-history",
        10,
        mix_query::fill_history,
    ),
    (
        "/api/v2/mix/order/orders-plan-pending",
        10,
        mix_query::orders_plan_pending,
    ),
    (
        "/api/v2/mix/order/orders-plan-history",
        10,
        mix_query::orders_plan_history,
    ),
    (
        "/api/v2/mix/order/plan-sub-order",
        10,
        mix_query::plan_sub_order,
    ),
    (
        "/api/v2/mix/position/single-position",
        10,
        mix_account::single_position,
    ),
    (
        "/api/v2/mix/position/all-position",
        5,
        mix_account::all_position,
    ),
    ("/api/v2/mix/account/account", 10, mix_account::account),
    ("/api/v2/mix/account/accounts", 10, mix_account::accounts),
    ("/api/v2/mix/account/max-open", 3, mix_account::max_open),
    (
        "/api/v2/mix/position/history-position",
        20,
        mix_account::history_position,
    ),
    ("/api/v2/mix/account/bill", 10, mix_account::bill),
    ("/api/v3/trade/order-info", 20, uta_trade::order_info),
    (
        "/api/v3/trade/unfilled-orders",
        20,
        uta_trade::unfilled_orders,
    ),
    (
        "/api/v3/trade/history-orders",
        20,
        uta_trade::history_orders,
    ),
    ("/api/v3/trade/fills", 20, uta_trade::fills),
    (
        "/api/v3/trade/unfilled-strategy-orders",
        20,
        uta_trade::unfilled_strategy_orders,
    ),
    (
        "/api/v3/trade/history-strategy-orders",
        20,
        uta_trade::history_strategy_orders,
    ),
    (
        "/api/v3/position/current-position",
        20,
        uta_account::current_position,
    ),
    (
        "/api/v3/position/history-position",
        20,
        uta_account::history_position,
    ),
    ("/api/v3/position/adlRank", 1, uta_account::adl_rank),
    ("/api/v3/account/assets", 20, uta_account::assets),
    ("/api/v3/account/info", 5, uta_account::info),
    ("/api/v3/account/settings", 20, uta_account::settings),
    ("/api/v3/account/fee-rate", 3, uta_account::fee_rate),
    (
        "/api/v3/account/financial-records",
        20,
        uta_account::financial_records,
    ),
    (
        "/api/v3/account/funding-assets",
        20,
        uta_account::funding_assets,
    ),
];

type Public = fn(&mut Inner, &str, i64) -> Result<Value, SimError>;

/// The public GET endpoints: path, documented rate per IP, handler of the query.
const PUBLIC: &[(&str, u32, Public)] = &[
    ("/api/v2/public/time", 20, server_time),
    ("/api/v2/spot/market/tickers", 20, spot_market::tickers),
    ("/api/v2/spot/public/symbols", 20, spot_market::symbols),
    ("/api/v2/spot/public/coins", 3, spot_market::coins),
    (
        "/api/v2/margin/currencies",
        10,
        spot_market::margin_currencies,
    ),
    (
        "/api/v2/spot/market/merge-depth",
        20,
        spot_market::merge_depth,
    ),
    ("/api/v2/spot/market/orderbook", 20, spot_market::orderbook),
    ("/api/v2/spot/market/candles", 20, spot_market::candles),
    (
        "/api/v2/spot/market/history-candles",
        20,
        spot_market::history_candles,
    ),
    ("/api/v2/spot/market/fills", 10, spot_market::fills),
    (
        "/api/v2/spot/market/fills-history",
        10,
        spot_market::fills_history,
    ),
    ("/api/v2/mix/market/ticker", 20, market::ticker_one),
    ("/api/v2/mix/market/tickers", 20, market::tickers),
    ("/api/v2/mix/market/merge-depth", 20, market::merge_depth),
    ("/api/v2/mix/market/symbol-price", 20, market::symbol_price),
    (
        "/api/v2/mix/market/open-interest",
        20,
        market::open_interest,
    ),
    (
        "/api/v2/mix/market/current-fund-rate",
        20,
        market::current_fund_rate,
    ),
    ("/api/v2/mix/market/candles", 20, market::candles),
    (
        "/api/v2/mix/market/history-candles",
        20,
        market::history_candles,
    ),
    (
        "/api/v2/mix/market/history-index-candles",
        20,
        market::history_candles,
    ),
    (
        "/api/v2/mix/market/history-mark-candles",
        20,
        market::history_candles,
    ),
    ("/api/v2/mix/market/contracts", 20, market::contracts_list),
    ("/api/v2/mix/market/fills", 20, market::recent_fills),
    (
        "/api/v2/mix/market/fills-history",
        10,
        market::fills_history,
    ),
    ("/api/v2/mix/market/funding-time", 20, market::funding_time),
    (
        "/api/v2/mix/market/history-fund-rate",
        20,
        market::history_fund_rate,
    ),
    (
        "/api/v2/mix/market/query-position-lever",
        10,
        market::position_tiers,
    ),
    ("/api/v3/market/instruments", 20, uta_market::instruments),
    ("/api/v3/market/tickers", 20, uta_market::tickers),
    ("/api/v3/market/orderbook", 20, uta_market::orderbook),
    ("/api/v3/market/candles", 20, uta_market::candles),
    (
        "/api/v3/market/history-candles",
        20,
        uta_market::history_candles,
    ),
    ("/api/v3/market/fills", 20, uta_market::fills),
    (
        "/api/v3/market/current-fund-rate",
        20,
        uta_market::current_fund_rate,
    ),
    (
        "/api/v3/market/history-fund-rate",
        20,
        uta_market::history_fund_rate,
    ),
    (
        "/api/v3/market/open-interest",
        20,
        uta_market::open_interest,
    ),
    ("/api/v3/market/oi-limit", 10, uta_market::oi_limit),
    (
        "/api/v3/market/position-tier",
        20,
        uta_market::position_tier,
    ),
];

/// The HTTP service: one route per endpoint (GET or POST), behind the edge layer that reads
/// the body once, injects faults and keeps the request log. A known path asked with another
/// method, and an unknown path, answer 40404 as Bitget does.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    let mut router = Router::new();
    for (path, rate, handler) in PUBLIC {
        router =
            router.route(
                path,
                get(
                    move |State(shared): State<Arc<Shared>>,
                          Extension(req): Extension<Prepared>| async move {
                        let data = public_gate(&shared, path, *rate).and_then(|()| {
                            stamped(&shared, req.now, |inner| {
                                handler(inner, &req.query, req.now)
                            })
                        });
                        answer(req.now, data)
                    },
                )
                .fallback(unknown),
            );
    }
    for (path, rate, handler) in PRIVATE_GETS {
        router = private_route(
            router,
            path,
            *rate,
            MethodFilter::GET,
            move |inner, account, req| handler(inner, account, &req.query),
        );
    }
    for (path, rate, handler) in ROUTES {
        router = private_route(
            router,
            path,
            *rate,
            MethodFilter::POST,
            move |inner, account, req| handler(inner, account, &req.body),
        );
    }
    router
        .fallback(unknown)
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&shared),
            edge::edge,
        ))
        .with_state(shared)
}

/// A private endpoint's route: the gate (signature, family, content type, per-UID rate), then
/// `run` on the clock-stamped state with what arrived; other methods answer 40404.
fn private_route(
    router: Router<Arc<Shared>>,
    path: &'static str,
    rate: u32,
    method: MethodFilter,
    run: impl Fn(&mut Inner, &Account, &Prepared) -> Result<Value, SimError>
    + Clone
    + Send
    + Sync
    + 'static,
) -> Router<Arc<Shared>> {
    router.route(
        path,
        on(
            method,
            move |State(shared): State<Arc<Shared>>, Extension(req): Extension<Prepared>| async move {
                let data = private_gate(&shared, path, rate, &req).and_then(|account| {
                    stamped(&shared, req.now, |inner| run(inner, account, &req))
                });
                answer(req.now, data)
            },
        )
        .fallback(unknown),
    )
}

/// Runs an endpoint on the state, the exchange stamped with the server's clock first (orders,
/// fills and candles carry it).
fn stamped(
    shared: &Shared,
    now: i64,
    handler: impl FnOnce(&mut Inner) -> Result<Value, SimError>,
) -> Result<Value, SimError> {
    let mut inner = shared.lock();
    inner.venue.ex.set_time(now);
    inner.venue.run_countdowns(now);
    handler(&mut inner)
}

/// What the edge layer read of a request, for the endpoint handlers.
#[derive(Clone)]
pub(crate) struct Prepared {
    pub(crate) method: String,
    pub(crate) path: String,
    pub(crate) query: String,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
    /// The server's clock when the request arrived (Unix ms).
    pub(crate) now: i64,
}

fn answer(now: i64, data: Result<Value, SimError>) -> Response {
    match data {
        Ok(data) => Answer::ok(now, data),
        Err(err) => Answer::error(now, &err),
    }
    .into_response()
}

/// `GET /api/v2/public/time`: the server's clock (with the injected offset).
fn server_time(_: &mut Inner, _: &str, now: i64) -> Result<Value, SimError> {
    Ok(json!({ "serverTime": now.to_string() }))
}

/// A public endpoint: counted per IP.
fn public_gate(shared: &Shared, path: &'static str, rate: u32) -> Result<(), SimError> {
    admit(shared, "ip", path, rate)
}

/// A private endpoint: authenticated (signature over the raw query and body), the account's
/// family checked, the content type checked, and counted per UID at the route's rate.
fn private_gate<'s>(
    shared: &'s Shared,
    path: &'static str,
    rate: u32,
    req: &Prepared,
) -> Result<&'s Account, SimError> {
    let account = authenticated(shared, req)?;
    // A body must be declared JSON; a GET has none, and clients written from the docs (ccxt
    // among them) send no Content-Type there, which Bitget accepts.
    if req.method != "GET" {
        auth::check_content_type(&req.headers)?;
    }
    let rate = shared.rate_overrides.get(path).copied().unwrap_or(rate);
    admit(shared, &account.uid, path, rate)?;
    Ok(account)
}

/// The account whose signature (over the raw query and the body) the request carries, if its
/// family may use this path.
fn authenticated<'s>(shared: &'s Shared, req: &Prepared) -> Result<&'s Account, SimError> {
    let signed = Signed {
        method: &req.method,
        path: &req.path,
        query: &req.query,
        body: &req.body,
    };
    let account = auth::authenticate(&shared.accounts, &req.headers, &signed, req.now)?;
    family(account, &req.path)?;
    Ok(account)
}

/// A path the simulator does not serve (or a method it does not take there): 40404. A signed
/// request on a v3 path still meets the account check first, as on Bitget: a Classic key there is
/// 40084.
async fn unknown(
    State(shared): State<Arc<Shared>>,
    Extension(req): Extension<Prepared>,
) -> Response {
    let check = || -> Result<Value, SimError> {
        if req.path.starts_with("/api/v3/") && req.headers.contains_key("access-key") {
            authenticated(&shared, &req)?;
        }
        Err(not_found())
    };
    answer(req.now, check())
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

/// Bitget's code and status, with words that say the truth here: the path may well exist on
/// Bitget, the simulator does not simulate it (so a client's advice can tell the two apart).
fn not_found() -> SimError {
    SimError::new(
        404,
        "40404",
        "Request URL NOT FOUND: bitget-sim does not simulate this path (or this method on it)",
    )
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

/// One order operation sent over the v3 private stream (`op:"trade"`), run by the REST
/// endpoint's own handler: the same account check, the same per-UID window (Bitget's pages give
/// the stream no limit of its own; v2's says "shared with Rest API"), the same rules. `body` is
/// the REST body the stream item stands for (its category put back in).
pub(crate) fn stream_trade(
    shared: &Shared,
    account: &Account,
    topic: &str,
    body: &Value,
    now: i64,
) -> Result<Value, SimError> {
    let path = match topic {
        "place-order" => "/api/v3/trade/place-order",
        "batch-place" => "/api/v3/trade/place-batch",
        "modify-order" => "/api/v3/trade/modify-order",
        "cancel-order" | "batch-cancel" => "/api/v3/trade/cancel-order",
        other => {
            return Err(SimError::bad(
                "30016",
                format!("topic `{other}` does not exist"),
            ));
        }
    };
    let Some((path, rate, handler)) = ROUTES.iter().find(|(p, ..)| *p == path) else {
        return Err(SimError::bad("30016", "no route for the topic"));
    };
    family(account, path)?;
    let rate = shared.rate_overrides.get(*path).copied().unwrap_or(*rate);
    admit(shared, &account.uid, path, rate)?;
    let body = body.to_string();
    stamped(shared, now, |inner| {
        handler(inner, account, body.as_bytes())
    })
}
