//! The stream endpoints, on the REST port at Bitget's paths (`/v2/ws/public`, `/v3/ws/public`),
//! written from Bitget's WebSocket pages (the intro page and each channel's): the text `ping` answered `pong`, one
//! answer per subscribed arg (or `30001` for a channel that does not exist), more than 10
//! messages a second closing the connection, and pushes from the exchange core: the book's
//! changes (a snapshot, then updates with `seq`, `pseq` on futures and the checksum), the shallow
//! books as snapshots, the trades as they happen, the ticker when it changes.
//!
//! Faults for tests ([`Control`]): drop every stream connection, lose the next book update
//! (its `seq` still counted, so the next update shows the gap), send a wrong checksum, stall
//! the connections open now (their pings unanswered while pushes go on), announce an upgrade
//! (`30033`, then the close). A connection that sends no `ping` for two minutes is closed.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use axum::routing::get;
use futures_util::{SinkExt as _, StreamExt as _};
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

mod private;
mod trade;

use crate::exchange::InstrumentId;
use crate::orders::Market;
use crate::routes::period_ms;
use crate::state::{Inner, Shared};

/// Stream faults and the push interval, set through the simulator's handle.
#[derive(Debug, Clone)]
pub(crate) struct Control {
    /// Bumped to close every open stream connection.
    pub(crate) generation: u64,
    /// Book updates to compute and not send.
    pub(crate) lose_book_updates: u32,
    /// Book updates to send with a wrong checksum.
    pub(crate) bad_checksums: u32,
    /// Connections numbered below this leave `ping`s unanswered (pushes go on): stalled.
    pub(crate) stalled_below: u64,
    /// The number the next connection gets.
    pub(crate) next_connection: u64,
    /// Whether book updates carry a checksum (Bitget's v2 books did until about May 2026).
    pub(crate) checksum: bool,
    /// How often subscriptions are looked at for something to push.
    pub(crate) tick: Duration,
    /// A connection with no `ping` for this long is closed (2 min, the newer intro page; the
    /// older says 30 s).
    pub(crate) idle: Duration,
    /// Bumped to announce an upgrade (`30033`) on every open connection, closed `upgrade_after`
    /// later.
    pub(crate) upgrade: u64,
    /// How long after the notice an upgrading connection is closed (60 s on Bitget).
    pub(crate) upgrade_after: Duration,
    /// The private streams' faults and switches.
    pub(crate) private: private::Faults,
}

impl Default for Control {
    fn default() -> Self {
        Control {
            generation: 0,
            lose_book_updates: 0,
            bad_checksums: 0,
            stalled_below: 0,
            next_connection: 0,
            checksum: true,
            tick: Duration::from_millis(50),
            idle: Duration::from_secs(120),
            upgrade: 0,
            upgrade_after: Duration::from_secs(60),
            private: private::Faults::default(),
        }
    }
}

/// The stream routes.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/v2/ws/public", get(v2_public))
        .route("/v3/ws/public", get(v3_public))
        .route("/v2/ws/private", get(v2_private))
        .route("/v3/ws/private", get(v3_private))
        .with_state(shared)
}

async fn v2_public(State(shared): State<Arc<Shared>>, ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(move |socket| serve(socket, shared, Version::V2, false))
}

async fn v3_public(State(shared): State<Arc<Shared>>, ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(move |socket| serve(socket, shared, Version::V3, false))
}

async fn v2_private(State(shared): State<Arc<Shared>>, ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(move |socket| serve(socket, shared, Version::V2, true))
}

async fn v3_private(State(shared): State<Arc<Shared>>, ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(move |socket| serve(socket, shared, Version::V3, true))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Version {
    V2,
    V3,
}

/// What a subscription pushes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The full book: a snapshot, then updates.
    Books,
    /// A book of this depth, a snapshot each push.
    Shallow(usize),
    /// Trades.
    Trades,
    /// The ticker.
    Ticker,
    /// Candles of this length (ms).
    Candles(i64),
    /// Liquidations of a futures line (the simulator liquidates nothing: answered, never pushed).
    Liquidations,
}

/// One subscription of a connection and what it last pushed.
struct Sub {
    arg: Value,
    id: InstrumentId,
    kind: Kind,
    futures: bool,
    /// The book last pushed: price to size, both as written.
    asks: BTreeMap<Decimal, String>,
    bids: BTreeMap<Decimal, String>,
    seq: Option<u64>,
    last_trade: Option<u64>,
    last_ticker: Option<Value>,
    last_candle: Option<Value>,
}

/// Decimals as the simulator writes them, the same string every time (the client's checksum
/// is computed over the strings it received).
fn text(d: Decimal) -> String {
    d.normalize().to_string()
}

fn crc(s: &str) -> i64 {
    i64::from(i32::from_ne_bytes(
        crc32fast::hash(s.as_bytes()).to_ne_bytes(),
    ))
}

/// Bitget's checksum of a book: the best 25 bids and asks interleaved, `price:size`.
fn checksum(bids: &BTreeMap<Decimal, String>, asks: &BTreeMap<Decimal, String>) -> i64 {
    let b: Vec<(String, &String)> = bids
        .iter()
        .rev()
        .take(25)
        .map(|(p, s)| (text(*p), s))
        .collect();
    let a: Vec<(String, &String)> = asks.iter().take(25).map(|(p, s)| (text(*p), s)).collect();
    let mut parts: Vec<&str> = Vec::new();
    for i in 0..b.len().max(a.len()) {
        for side in [&b, &a] {
            if let Some((p, s)) = side.get(i) {
                parts.push(p);
                parts.push(s);
            }
        }
    }
    crc(&parts.join(":"))
}

fn levels(side: &BTreeMap<Decimal, String>, descending: bool) -> Vec<Value> {
    let row = |(p, s): (&Decimal, &String)| json!([text(*p), s]);
    if descending {
        side.iter().rev().map(row).collect()
    } else {
        side.iter().map(row).collect()
    }
}

/// The first `seq` of a book: above 2^53, as Bitget's are.
const FIRST_SEQ: u64 = 1_304_314_508_780_744_705;

async fn serve(socket: WebSocket, shared: Arc<Shared>, version: Version, is_private: bool) {
    let (mut tx, mut rx) = socket.split();
    let (generation, number, private_generation) = {
        let mut inner = shared.lock();
        inner.streams.next_connection += 1;
        (
            inner.streams.generation,
            inner.streams.next_connection - 1,
            inner.streams.private.generation,
        )
    };
    // The account once logged in (private paths only).
    let mut session: Option<private::Session> = None;
    let (tick, idle, mut upgrade) = {
        let inner = shared.lock();
        (
            inner.streams.tick,
            inner.streams.idle,
            inner.streams.upgrade,
        )
    };
    let mut last_ping = tokio::time::Instant::now();
    let mut seen = shared.lock().venue.ex.last_event();
    let mut closing_at: Option<tokio::time::Instant> = None;
    let mut subs: HashMap<String, Sub> = HashMap::new();
    let mut ticker = tokio::time::interval(tick);
    let mut window_start = tokio::time::Instant::now();
    let mut in_window = 0u32;
    loop {
        tokio::select! {
            frame = rx.next() => {
                let text = match frame {
                    Some(Ok(Message::Text(t))) => t.to_string(),
                    Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return,
                    Some(Ok(_)) => continue,
                };
                // More than 10 messages a second closes the connection (the intro page).
                if window_start.elapsed() >= Duration::from_secs(1) {
                    window_start = tokio::time::Instant::now();
                    in_window = 0;
                }
                in_window += 1;
                if in_window > 10 {
                    let _ = tx.send(Message::Close(None)).await;
                    return;
                }
                if text == "ping" {
                    last_ping = tokio::time::Instant::now();
                }
                let (answers, close) = if text == "ping" {
                    if number < shared.lock().streams.stalled_below {
                        (Vec::new(), false)
                    } else {
                        (vec!["pong".to_owned()], false)
                    }
                } else if let Some(trade) = (is_private && version == Version::V3).then(|| trade_message(&text)).flatten() {
                    // Trading takes the state's lock itself (its REST handlers do). v2's trading
                    // is for accounts Bitget approved: not simulated (its `op` is unknown here).
                    let now = shared.now_ms();
                    let account = session.as_ref().map(|s| s.account.clone());
                    let answer = trade::on_trade(&shared, &trade, account.as_ref(), now);
                    let faults = &mut shared.lock().streams.private;
                    if faults.lose_trade_replies > 0 && account.is_some() {
                        faults.lose_trade_replies -= 1;
                        (Vec::new(), true)
                    } else {
                        (vec![answer], false)
                    }
                } else if is_private {
                    let now = shared.now_ms();
                    let mut inner = shared.lock();
                    on_private_message(&shared, &mut inner, &text, version, &mut session, now)
                } else {
                    let mut inner = shared.lock();
                    (on_message(&mut inner, &text, version, &mut subs), false)
                };
                for a in answers {
                    if tx.send(Message::text(a)).await.is_err() {
                        return;
                    }
                }
                if close {
                    // A refused login is answered, then the connection closed (the intro page).
                    let _ = tx.send(Message::Close(None)).await;
                    return;
                }
            }
            _ = ticker.tick() => {
                // No ping for too long: closed, as Bitget does.
                if last_ping.elapsed() > idle || closing_at.is_some_and(|t| tokio::time::Instant::now() >= t) {
                    let _ = tx.send(Message::Close(None)).await;
                    return;
                }
                let (announced, after) = {
                    let inner = shared.lock();
                    (inner.streams.upgrade, inner.streams.upgrade_after)
                };
                if announced != upgrade {
                    upgrade = announced;
                    closing_at = Some(tokio::time::Instant::now() + after);
                    let notice = json!({"event": "error", "code": 30033, "msg": "service upgrade: this connection will be closed"});
                    if tx.send(Message::text(notice.to_string())).await.is_err() {
                        return;
                    }
                }
                let pushes = {
                    let mut inner = shared.lock();
                    if inner.streams.generation == generation {
                        let now = shared_now(&inner);
                        // What moved since the last look, from the exchange's outbox: only the
                        // subscriptions on those instruments have something new (tickers follow
                        // the mark price too, which the outbox does not carry: always looked at).
                        let moved: std::collections::HashSet<InstrumentId> = inner
                            .venue
                            .ex
                            .events_after(seen)
                            .map(|(_, e)| e.instrument().clone())
                            .collect();
                        seen = inner.venue.ex.last_event();
                        Some(
                            subs.values_mut()
                                .filter(|s| s.kind == Kind::Ticker || s.seq.is_none() && s.last_trade.is_none() && s.last_candle.is_none() || moved.contains(&s.id))
                                .filter_map(|s| push(&mut inner, s, version, now))
                                .collect::<Vec<_>>(),
                        )
                    } else {
                        None
                    }
                };
                let Some(mut pushes) = pushes else {
                    let _ = tx.send(Message::Close(None)).await;
                    return;
                };
                let mut close = false;
                if let Some(session) = session.as_mut() {
                    let mut inner = shared.lock();
                    if inner.streams.private.generation != private_generation {
                        close = true;
                    } else {
                        let now = shared_now(&inner);
                        let (more, drop_now) = private::pushes(&mut inner, session, version, now);
                        pushes.extend(more);
                        close = drop_now;
                    }
                }
                for p in pushes {
                    if tx.send(Message::text(p)).await.is_err() {
                        return;
                    }
                }
                if close {
                    let _ = tx.send(Message::Close(None)).await;
                    return;
                }
            }
        }
    }
}

/// The push time: the wall clock (the exchange's own clock moves with REST requests).
fn shared_now(_inner: &Inner) -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// The answers to one JSON message (subscribe or unsubscribe).
fn on_message(
    inner: &mut Inner,
    text: &str,
    version: Version,
    subs: &mut HashMap<String, Sub>,
) -> Vec<String> {
    let Ok(msg) = serde_json::from_str::<Value>(text) else {
        return vec![
            json!({"event": "error", "code": 30012, "msg": "param error: not JSON"}).to_string(),
        ];
    };
    let op = msg.get("op").and_then(Value::as_str).unwrap_or_default();
    let args = msg
        .get("args")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut out = Vec::new();
    for arg in args {
        let key = key_of(&arg);
        match op {
            "subscribe" => match sub_of(inner, &arg, version) {
                Ok(sub) => {
                    subs.insert(key, sub);
                    out.push(json!({"event": "subscribe", "arg": arg}).to_string());
                }
                Err(msg) => out.push(
                    json!({"event": "error", "arg": arg, "code": 30001, "msg": msg}).to_string(),
                ),
            },
            "unsubscribe" => {
                subs.remove(&key);
                out.push(json!({"event": "unsubscribe", "arg": arg}).to_string());
            }
            other => out.push(
                json!({"event": "error", "code": 30001, "msg": format!("op `{other}` does not exist")})
                    .to_string(),
            ),
        }
    }
    out
}

/// The answers to one JSON message on a private path: the login, then subscriptions to the
/// private channels (30004 before the login); and whether to close the connection after them.
fn on_private_message(
    shared: &Shared,
    inner: &mut Inner,
    text: &str,
    version: Version,
    session: &mut Option<private::Session>,
    now_ms: i64,
) -> (Vec<String>, bool) {
    let Ok(msg) = serde_json::from_str::<Value>(text) else {
        return (
            vec![json!({"event": "error", "code": 30016, "msg": "Param error"}).to_string()],
            false,
        );
    };
    let op = msg.get("op").and_then(Value::as_str).unwrap_or_default();
    let args = msg
        .get("args")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if op == "login" {
        let faults = &mut inner.streams.private;
        let refused = if faults.refuse_logins > 0 {
            faults.refuse_logins -= 1;
            Err((30005, "login failed"))
        } else {
            match args.first() {
                Some(arg) => {
                    crate::auth::stream_login(&shared.accounts, arg, now_ms, faults.accept_ms)
                        .cloned()
                }
                None => Err((30016, "Param error")),
            }
        };
        return match refused {
            Ok(account) => {
                let code = if inner.streams.private.string_codes {
                    json!("0")
                } else {
                    json!(0)
                };
                *session = Some(private::Session::new(inner, account));
                (
                    vec![json!({"event": "login", "code": code, "msg": ""}).to_string()],
                    false,
                )
            }
            Err((code, message)) => (
                vec![json!({"event": "error", "code": code, "msg": message}).to_string()],
                true,
            ),
        };
    }
    let mut out = Vec::new();
    for arg in args {
        let key = key_of(&arg);
        match (op, session.as_mut()) {
            ("subscribe", None) => out.push(
                json!({"event": "error", "arg": arg, "code": 30004, "msg": "User not logged in"})
                    .to_string(),
            ),
            ("subscribe", Some(s)) => match private::sub_of(&arg, version) {
                Ok(sub) => {
                    s.subs.insert(key.clone(), sub);
                    out.push(json!({"event": "subscribe", "arg": arg}).to_string());
                    if let Some(first) = private::on_subscribe(inner, s, &key, version, now_ms) {
                        out.push(first);
                    }
                }
                Err(msg) => out.push(
                    json!({"event": "error", "arg": arg, "code": 30001, "msg": msg}).to_string(),
                ),
            },
            ("unsubscribe", s) => {
                if let Some(s) = s {
                    s.subs.remove(&key);
                }
                out.push(json!({"event": "unsubscribe", "arg": arg}).to_string());
            }
            (other, _) => out.push(
                json!({"event": "error", "code": 30003, "msg": format!("op `{other}` does not exist")})
                    .to_string(),
            ),
        }
    }
    (out, false)
}

/// The message, when it is an `op:"trade"` request (v3's trading over the private stream).
fn trade_message(text: &str) -> Option<Value> {
    let msg: Value = serde_json::from_str(text).ok()?;
    (msg.get("op").and_then(Value::as_str) == Some("trade")).then_some(msg)
}

fn key_of(arg: &Value) -> String {
    let mut key = String::new();
    for field in [
        "instType", "channel", "topic", "instId", "coin", "symbol", "interval",
    ] {
        if let Some(v) = arg.get(field).and_then(Value::as_str) {
            key.push_str(&v.to_ascii_lowercase());
            key.push(' ');
        }
    }
    key
}

/// A subscription from its arg, or Bitget's message for one that does not exist.
fn sub_of(inner: &mut Inner, arg: &Value, version: Version) -> Result<Sub, String> {
    let get = |k: &str| {
        arg.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let (inst_type, channel, symbol) = match version {
        Version::V2 => (get("instType"), get("channel"), get("instId")),
        Version::V3 => (get("instType"), get("topic"), get("symbol")),
    };
    let missing =
        || format!("instType:{inst_type},channel:{channel},instId:{symbol} doesn't exist");
    let market = match (version, inst_type.as_str()) {
        (Version::V2, "SPOT") | (Version::V3, "spot") => Market::Spot,
        (Version::V2, t @ ("USDT-FUTURES" | "COIN-FUTURES" | "USDC-FUTURES"))
        | (Version::V3, t @ ("usdt-futures" | "coin-futures" | "usdc-futures")) => {
            Market::Futures {
                product_type: t.to_uppercase(),
            }
        }
        _ => return Err(missing()),
    };
    if version == Version::V3 && channel == "liquidation" {
        let product_type = match inst_type.as_str() {
            "usdt-futures" | "coin-futures" | "usdc-futures" => inst_type.to_uppercase(),
            _ => return Err(missing()),
        };
        return Ok(Sub {
            arg: arg.clone(),
            id: InstrumentId::futures(&product_type, "*"),
            kind: Kind::Liquidations,
            futures: true,
            asks: BTreeMap::new(),
            bids: BTreeMap::new(),
            seq: None,
            last_trade: None,
            last_ticker: None,
            last_candle: None,
        });
    }
    let kind = match (version, channel.as_str()) {
        (_, "books") => Kind::Books,
        (_, "books1") => Kind::Shallow(1),
        (_, "books5") => Kind::Shallow(5),
        (Version::V2, "books15") => Kind::Shallow(15),
        (Version::V3, "books50") => Kind::Shallow(50),
        (Version::V2, "trade") | (Version::V3, "publicTrade") => Kind::Trades,
        (_, "ticker") => Kind::Ticker,
        (Version::V2, c) if c.starts_with("candle") => {
            Kind::Candles(period_ms(&c["candle".len()..]).ok_or_else(missing)?)
        }
        (Version::V3, "kline") => Kind::Candles(period_ms(&get("interval")).ok_or_else(missing)?),
        _ => return Err(missing()),
    };
    if symbol.is_empty() {
        return Err(missing());
    }
    let futures = matches!(market, Market::Futures { .. });
    let id = inner
        .venue
        .instrument(&market, &symbol)
        .map_err(|_| missing())?;
    Ok(Sub {
        arg: arg.clone(),
        id,
        kind,
        futures,
        asks: BTreeMap::new(),
        bids: BTreeMap::new(),
        seq: None,
        last_trade: None,
        last_ticker: None,
        last_candle: None,
    })
}

fn envelope(arg: &Value, action: &str, data: Value, now: i64) -> String {
    json!({"action": action, "arg": arg, "data": data, "ts": now}).to_string()
}

/// What a subscription has to push now, if anything.
fn push(inner: &mut Inner, sub: &mut Sub, version: Version, now: i64) -> Option<String> {
    match sub.kind {
        Kind::Books => push_book(inner, sub, version, now),
        Kind::Shallow(depth) => {
            let (bids, asks) = book_of(inner, &sub.id, depth);
            if sub.seq.is_some() && bids == sub.bids && asks == sub.asks {
                return None;
            }
            let seq = sub.seq.map_or(FIRST_SEQ, |s| s + 1);
            sub.seq = Some(seq);
            let data = book_json(
                version,
                &bids,
                &asks,
                Some(checksum(&bids, &asks)),
                seq,
                None,
                now,
            );
            sub.bids = bids;
            sub.asks = asks;
            Some(envelope(&sub.arg, "snapshot", json!([data]), now))
        }
        Kind::Trades => push_trades(inner, sub, version, now),
        Kind::Ticker => push_ticker(inner, sub, version, now),
        Kind::Candles(period) => push_candles(inner, sub, version, period, now),
        Kind::Liquidations => None,
    }
}

/// Candles from the trades: the recent ones first (a snapshot), then the latest as it forms.
fn push_candles(
    inner: &mut Inner,
    sub: &mut Sub,
    version: Version,
    period: i64,
    now: i64,
) -> Option<String> {
    let candles = inner
        .venue
        .ex
        .candles(&sub.id, period, (i64::MIN, i64::MAX), 100);
    let row = |c: &crate::exchange::Candle| match version {
        Version::V2 => json!([
            c.ts.to_string(),
            text(c.open),
            text(c.high),
            text(c.low),
            text(c.close),
            text(c.base_volume),
            text(c.quote_volume),
            text(c.quote_volume),
        ]),
        Version::V3 => json!({
            "start": c.ts.to_string(),
            "open": text(c.open),
            "high": text(c.high),
            "low": text(c.low),
            "close": text(c.close),
            "volume": text(c.base_volume),
            "turnover": text(c.quote_volume),
        }),
    };
    let latest = candles.last().map(row);
    if sub.last_candle.is_none() {
        sub.last_candle = Some(latest.clone().unwrap_or(Value::Null));
        let rows: Vec<Value> = candles.iter().map(row).collect();
        return Some(envelope(&sub.arg, "snapshot", Value::Array(rows), now));
    }
    let latest = latest?;
    if sub.last_candle.as_ref() == Some(&latest) {
        return None;
    }
    sub.last_candle = Some(latest.clone());
    Some(envelope(&sub.arg, "update", json!([latest]), now))
}

fn book_of(
    inner: &Inner,
    id: &InstrumentId,
    depth: usize,
) -> (BTreeMap<Decimal, String>, BTreeMap<Decimal, String>) {
    let (bids, asks) = inner.venue.ex.depth(id, depth);
    let side =
        |levels: Vec<(Decimal, Decimal)>| levels.into_iter().map(|(p, s)| (p, text(s))).collect();
    (side(bids), side(asks))
}

#[allow(clippy::too_many_arguments)]
fn book_json(
    version: Version,
    bids: &BTreeMap<Decimal, String>,
    asks: &BTreeMap<Decimal, String>,
    checksum: Option<i64>,
    seq: u64,
    pseq: Option<u64>,
    now: i64,
) -> Value {
    let (a, b) = (levels(asks, false), levels(bids, true));
    let mut m = Map::new();
    match version {
        Version::V2 => {
            m.insert("asks".into(), Value::Array(a));
            m.insert("bids".into(), Value::Array(b));
        }
        Version::V3 => {
            m.insert("a".into(), Value::Array(a));
            m.insert("b".into(), Value::Array(b));
        }
    }
    m.insert("checksum".into(), json!(checksum.unwrap_or(0)));
    m.insert("seq".into(), json!(seq));
    if let Some(pseq) = pseq {
        m.insert("pseq".into(), json!(pseq));
    }
    m.insert("ts".into(), json!(now.to_string()));
    Value::Object(m)
}

/// The full book: a snapshot first, then the levels that changed (size `0` for a level gone),
/// with `seq`, `pseq` (futures and v3) and the checksum of the book after the update.
fn push_book(inner: &mut Inner, sub: &mut Sub, version: Version, now: i64) -> Option<String> {
    let (bids, asks) = book_of(inner, &sub.id, 400);
    let with_pseq = sub.futures || version == Version::V3;
    let Some(last) = sub.seq else {
        sub.seq = Some(FIRST_SEQ);
        let sum = Some(checksum(&bids, &asks));
        let data = book_json(
            version,
            &bids,
            &asks,
            sum,
            FIRST_SEQ,
            with_pseq.then_some(0),
            now,
        );
        sub.bids = bids;
        sub.asks = asks;
        return Some(envelope(&sub.arg, "snapshot", json!([data]), now));
    };
    let diff = |old: &BTreeMap<Decimal, String>, new: &BTreeMap<Decimal, String>| {
        let mut out = BTreeMap::new();
        for (p, s) in new {
            if old.get(p) != Some(s) {
                out.insert(*p, s.clone());
            }
        }
        for p in old.keys() {
            if !new.contains_key(p) {
                out.insert(*p, "0".to_owned());
            }
        }
        out
    };
    let (db, da) = (diff(&sub.bids, &bids), diff(&sub.asks, &asks));
    if db.is_empty() && da.is_empty() {
        return None;
    }
    let seq = last + 1;
    let control = &mut inner.streams;
    let mut sum = control.checksum.then(|| checksum(&bids, &asks));
    if control.bad_checksums > 0 {
        control.bad_checksums -= 1;
        sum = sum.map(|c| if c == 1 { 2 } else { 1 });
    }
    let lose = control.lose_book_updates > 0;
    if lose {
        control.lose_book_updates -= 1;
    }
    let data = book_json(version, &db, &da, sum, seq, with_pseq.then_some(last), now);
    sub.bids = bids;
    sub.asks = asks;
    sub.seq = Some(seq);
    (!lose).then(|| envelope(&sub.arg, "update", json!([data]), now))
}

/// Trades as they happen: the latest 50 first (a snapshot), then each new one, newest first.
fn push_trades(inner: &mut Inner, sub: &mut Sub, version: Version, now: i64) -> Option<String> {
    let mut trades: Vec<_> = inner
        .venue
        .ex
        .trades(&sub.id)
        .filter(|f| !f.maker && sub.last_trade.is_none_or(|l| f.trade_id > l))
        .cloned()
        .collect();
    trades.sort_by_key(|f| std::cmp::Reverse(f.trade_id));
    let action = if sub.last_trade.is_none() {
        "snapshot"
    } else {
        "update"
    };
    if sub.last_trade.is_some() && trades.is_empty() {
        return None;
    }
    trades.truncate(50);
    sub.last_trade = Some(
        trades
            .first()
            .map(|f| f.trade_id)
            .or(sub.last_trade)
            .unwrap_or(0),
    );
    let side = |s: crate::exchange::Side| match s {
        crate::exchange::Side::Buy => "buy",
        crate::exchange::Side::Sell => "sell",
    };
    let rows: Vec<Value> = trades
        .iter()
        .map(|f| match version {
            Version::V2 => json!({
                "ts": f.time_ms.to_string(),
                "price": text(f.price),
                "size": text(f.size),
                "side": side(f.side),
                "tradeId": f.trade_id.to_string(),
            }),
            Version::V3 => json!({
                "i": f.trade_id.to_string(),
                "p": text(f.price),
                "v": text(f.size),
                "S": side(f.side),
                "T": f.time_ms.to_string(),
            }),
        })
        .collect();
    Some(envelope(&sub.arg, action, Value::Array(rows), now))
}

/// The ticker, when the best prices or the last trade changed.
fn push_ticker(inner: &mut Inner, sub: &mut Sub, version: Version, now: i64) -> Option<String> {
    let ex = &inner.venue.ex;
    let (bids, asks) = ex.depth(&sub.id, 1);
    let last = ex.last_price(&sub.id);
    let opt = |d: Option<Decimal>| d.map(text).unwrap_or_default();
    let (bid, ask) = (bids.first().copied(), asks.first().copied());
    let row = match version {
        Version::V2 => {
            let mut row = json!({
                "instId": sub.id.symbol,
                "lastPr": opt(last),
                "bidPr": opt(bid.map(|l| l.0)),
                "askPr": opt(ask.map(|l| l.0)),
                "bidSz": opt(bid.map(|l| l.1)),
                "askSz": opt(ask.map(|l| l.1)),
                "ts": now.to_string(),
            });
            if sub.futures {
                row["markPrice"] = json!(opt(ex.mark_price(&sub.id)));
                row["fundingRate"] = json!(text(ex.funding_rate(&sub.id)));
                row["symbolType"] = json!(1);
            }
            row
        }
        Version::V3 => json!({
            "lastPrice": opt(last),
            "bid1Price": opt(bid.map(|l| l.0)),
            "ask1Price": opt(ask.map(|l| l.0)),
            "bid1Size": opt(bid.map(|l| l.1)),
            "ask1Size": opt(ask.map(|l| l.1)),
        }),
    };
    // Pushed when something other than the time changed.
    let mut same = row.clone();
    if let Some(m) = same.as_object_mut() {
        m.remove("ts");
    }
    if sub.last_ticker.as_ref() == Some(&same) {
        return None;
    }
    sub.last_ticker = Some(same);
    Some(envelope(&sub.arg, "snapshot", json!([row]), now))
}
