//! The simulator never panics and always answers a Bitget envelope: 10,000 random requests
//! (paths, methods, headers, bodies; a share of them correctly signed so random bodies reach the
//! endpoints' own parameter checks) go through its router.

use axum::body::Body;
use axum::http::Request;
use base64::Engine as _;
use hmac::Mac as _;
use proptest::prelude::*;
use serde_json::Value;
use tower::ServiceExt as _;

use bitget_sim::{Account, Simulator};

const KEY: &str = "prop-key";
const SECRET: &str = "prop-secret";
const PASS: &str = "prop-pass";
/// A Unified account's key (same secret and passphrase): signed requests to v3 paths use it, so
/// that random bodies reach the v3 endpoints' own checks.
const UTA_KEY: &str = "prop-uta-key";

const PATHS: &[&str] = &[
    "/api/v2/public/time",
    "/api/v2/spot/trade/place-order",
    "/api/v2/spot/trade/cancel-order",
    "/api/v2/spot/trade/batch-cancel-order",
    "/api/v2/mix/order/place-order",
    "/api/v2/mix/order/place-plan-order",
    "/api/v2/mix/order/batch-cancel-orders",
    "/api/v2/mix/order/cancel-all-orders",
    "/api/v2/mix/order/cancel-plan-order",
    "/api/v2/mix/market/ticker",
    "/api/v2/mix/market/tickers",
    "/api/v2/mix/market/merge-depth",
    "/api/v2/mix/market/symbol-price",
    "/api/v2/mix/market/open-interest",
    "/api/v2/mix/market/current-fund-rate",
    "/api/v2/mix/market/candles",
    "/api/v2/mix/market/contracts",
    "/api/v2/mix/market/history-candles",
    "/api/v2/mix/market/history-index-candles",
    "/api/v2/mix/market/history-mark-candles",
    "/api/v2/mix/market/fills",
    "/api/v2/mix/market/fills-history",
    "/api/v2/mix/market/funding-time",
    "/api/v2/mix/market/history-fund-rate",
    "/api/v2/mix/market/query-position-lever",
    "/api/v2/mix/order/cancel-order",
    "/api/v2/mix/order/modify-order",
    "/api/v2/mix/order/batch-place-order",
    "/api/v2/mix/order/close-positions",
    "/api/v2/mix/order/click-backhand",
    "/api/v2/mix/order/place-tpsl-order",
    "/api/v2/mix/order/place-pos-tpsl",
    "/api/v2/mix/order/modify-tpsl-order",
    "/api/v2/mix/order/modify-plan-order",
    "/api/v2/mix/order/detail",
    "/api/v2/mix/order/orders-pending",
    "/api/v2/mix/order/orders-history",
    "/api/v2/mix/order/fills",
    "/api/v2/mix/order/fill-history",
    "/api/v2/mix/order/orders-plan-pending",
    "/api/v2/mix/order/orders-plan-history",
    "/api/v2/mix/order/plan-sub-order",
    "/api/v2/mix/position/single-position",
    "/api/v2/mix/position/all-position",
    "/api/v2/mix/position/history-position",
    "/api/v2/mix/account/account",
    "/api/v2/mix/account/accounts",
    "/api/v2/mix/account/set-leverage",
    "/api/v2/mix/account/set-margin",
    "/api/v2/mix/account/set-margin-mode",
    "/api/v2/mix/account/set-position-mode",
    "/api/v2/mix/account/bill",
    "/api/v2/mix/account/max-open",
    "/api/v3/market/instruments",
    "/api/v3/market/tickers",
    "/api/v3/market/orderbook",
    "/api/v3/market/candles",
    "/api/v3/market/history-candles",
    "/api/v3/market/fills",
    "/api/v3/market/current-fund-rate",
    "/api/v3/market/history-fund-rate",
    "/api/v3/market/open-interest",
    "/api/v3/market/oi-limit",
    "/api/v3/market/position-tier",
    "/api/v3/trade/place-order",
    "/api/v3/trade/place-batch",
    "/api/v3/trade/modify-order",
    "/api/v3/trade/batch-modify-order",
    "/api/v3/trade/cancel-order",
    "/api/v3/trade/cancel-batch",
    "/api/v3/trade/cancel-symbol-order",
    "/api/v3/trade/close-positions",
    "/api/v3/trade/countdown-cancel-all",
    "/api/v3/trade/order-info",
    "/api/v3/trade/unfilled-orders",
    "/api/v3/trade/history-orders",
    "/api/v3/trade/fills",
    "/api/v3/trade/place-strategy-order",
    "/api/v3/trade/modify-strategy-order",
    "/api/v3/trade/cancel-strategy-order",
    "/api/v3/trade/unfilled-strategy-orders",
    "/api/v3/trade/history-strategy-orders",
    "/api/v3/position/current-position",
    "/api/v3/position/history-position",
    "/api/v3/position/adlRank",
    "/api/v3/account/assets",
    "/api/v3/account/info",
    "/api/v3/account/settings",
    "/api/v3/account/set-leverage",
    "/api/v3/account/set-hold-mode",
    "/api/v3/account/set-margin",
    "/api/v3/account/fee-rate",
    "/api/v3/account/financial-records",
    "/api/v3/account/funding-assets",
    "/api/v3/account/transfer",
    "/api/v3/account/max-open-available",
];

const KEYS: &[&str] = &[
    "orderIdList",
    "orderList",
    "orderId",
    "clientOid",
    "symbol",
    "productType",
    "marginCoin",
    "planType",
    "batchMode",
    "tpslType",
    "side",
    "orderType",
    "force",
    "price",
    "size",
    "marginMode",
    "triggerPrice",
    "triggerType",
    "receiveWindow",
    "requestTime",
    "holdSide",
    "posMode",
    "leverage",
    "longLeverage",
    "newSize",
    "newPrice",
    "newClientOid",
    "newTriggerPrice",
    "amount",
    "idLessThan",
    "limit",
    "startTime",
    "endTime",
    "planOrderId",
    "stopSurplusTriggerPrice",
    "stopLossTriggerPrice",
    "executePrice",
    "rangeRate",
    "tradeSide",
    "reduceOnly",
    "callbackRatio",
    "status",
    "category",
    "qty",
    "timeInForce",
    "posSide",
    "autoCancel",
    "countdown",
    "type",
    "tpslMode",
    "takeProfit",
    "stopLoss",
    "holdMode",
    "operation",
    "fromType",
    "toType",
    "coin",
    "cursor",
    "interval",
    "x",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop_oneof![
            Just("BTCUSDT".to_owned()),
            Just("usdt-futures".to_owned()),
            Just("USDT-FUTURES".to_owned()),
            Just("multiple".to_owned()),
            Just("tpsl".to_owned()),
            Just("limit".to_owned()),
            Just("buy".to_owned()),
            Just("long".to_owned()),
            Just("hedge_mode".to_owned()),
            Just("pos_profit".to_owned()),
            Just("-3".to_owned()),
            Just("SPOT".to_owned()),
            Just("uta".to_owned()),
            Just("1.5".to_owned()),
            Just(String::new()),
            "\\PC{0,60}",
        ]
        .prop_map(Value::String),
    ]
}

fn json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..60).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..8).prop_map(|kv| {
                Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
            }),
        ]
    })
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        3 => json().prop_map(|v| v.to_string().into_bytes()),
        1 => prop::collection::vec(any::<u8>(), 0..200),
        1 => Just(Vec::new()),
    ]
}

fn path() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(PATHS).prop_map(str::to_owned),
        1 => "/[a-z0-9/._%-]{0,40}",
        1 => prop::sample::select(PATHS).prop_map(|p| format!("{p}?symbol=BTCUSDT&x=%E9%BE%99")),
        1 => (prop::sample::select(PATHS), "[a-zA-Z0-9=&%+._-]{0,60}").prop_map(|(p, q)| format!("{p}?{q}")),
        1 => prop::sample::select(PATHS).prop_map(|p| format!("{p}?symbol=BTCUSDT&productType=USDT-FUTURES&limit=5")),
        1 => prop::sample::select(PATHS).prop_map(|p| format!("{p}?category=USDT-FUTURES&symbol=BTCUSDT&limit=5&startTime=-9000000000000000000&endTime=9000000000000000000")),
    ]
}

#[derive(Debug, Clone)]
struct Case {
    method: &'static str,
    path: String,
    body: Vec<u8>,
    sign: bool,
    headers: Vec<(&'static str, String)>,
}

fn case() -> impl Strategy<Value = Case> {
    let header = (
        prop::sample::select(
            &[
                "access-key",
                "access-sign",
                "access-timestamp",
                "access-passphrase",
                "content-type",
                "paptrading",
                "locale",
            ][..],
        ),
        "\\PC{0,40}",
    );
    (
        prop::sample::select(&["GET", "POST", "POST", "DELETE"][..]),
        path(),
        body(),
        any::<bool>(),
        prop::collection::vec(header, 0..5),
    )
        .prop_map(|(method, path, body, sign, headers)| Case {
            method,
            path,
            body,
            sign,
            headers,
        })
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// The query percent-decoded, as a client signs it (a broken escape is left as it is).
fn raw_query(query: &str) -> Vec<u8> {
    let bytes = query.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

fn request(c: &Case) -> Option<Request<Body>> {
    let mut builder = Request::builder().method(c.method).uri(&c.path);
    if c.sign {
        let ts = now_ms().to_string();
        let (path, query) = c.path.split_once('?').unwrap_or((&c.path, ""));
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(SECRET.as_bytes()).ok()?;
        mac.update(ts.as_bytes());
        mac.update(c.method.as_bytes());
        mac.update(path.as_bytes());
        if !query.is_empty() {
            // Signed raw, as Bitget verifies (and as the simulator now insists), so that a
            // signed request with an encoded query reaches its endpoint.
            mac.update(b"?");
            mac.update(&raw_query(query));
        }
        mac.update(&c.body);
        let sign = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
        builder = builder
            .header(
                "access-key",
                if path.starts_with("/api/v3/") {
                    UTA_KEY
                } else {
                    KEY
                },
            )
            .header("access-sign", sign)
            .header("access-timestamp", ts)
            .header("access-passphrase", PASS)
            .header("content-type", "application/json");
    }
    for (name, value) in &c.headers {
        if let Ok(v) = axum::http::HeaderValue::from_str(value) {
            builder = builder.header(*name, v);
        }
    }
    // A random path may not be a valid URI: such requests never reach a server at all.
    builder.body(Body::from(c.body.clone())).ok()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_request_gets_an_envelope(c in case()) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_time().build().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let sim = Simulator::builder()
            .account(Account::new(KEY, SECRET, PASS))
            .account(Account::new(UTA_KEY, SECRET, PASS).unified(true))
            .without_rate_limits()
            .build();
        let _ = sim.seed_spot_order(KEY, "BTCUSDT", Some("seeded"));
        let _ = sim.seed_futures_order(KEY, "USDT-FUTURES", "BTCUSDT", Some("seeded-f"));
        let Some(req) = request(&c) else { return Ok(()) };
        let (status, body) = rt.block_on(async {
            let response = sim.router().oneshot(req).await.map_err(|e| e.to_string())?;
            let status = response.status().as_u16();
            let bytes = axum::body::to_bytes(response.into_body(), 1 << 20).await.map_err(|e| e.to_string())?;
            Ok::<_, String>((status, bytes))
        }).map_err(TestCaseError::fail)?;
        let v: Value = serde_json::from_slice(&body).map_err(|e| TestCaseError::fail(format!("not JSON ({e}): {}", String::from_utf8_lossy(&body))))?;
        let code = v.get("code").and_then(Value::as_str).ok_or_else(|| TestCaseError::fail(format!("no code: {v}")))?;
        prop_assert!([200u16, 400, 404, 429].contains(&status), "status {status} for {c:?}");
        prop_assert_eq!(code == "00000", status == 200, "code {} with status {}", code, status);
        prop_assert!(v.get("requestTime").is_some_and(Value::is_i64));
        prop_assert_eq!(sim.requests().len(), 1);
    }
}
