//! The private streams (`/v2/ws/private`, `/v3/ws/private`): the login (verified with the
//! simulator's own signing code, `auth::stream_login`), the private channels of the doc pages
//! (v2 `account orders fill positions orders-algo positions-history equity`; v3 `account
//! position order fill fast-fill strategy-order`), and their pushes from the exchange core's
//! outbox: each order state change and fill of the account, in order, then its balances and
//! positions as they stand.
//!
//! The simulator keeps no trigger orders' history on these channels: `orders-algo`,
//! `positions-history` and `strategy-order` are answered and push nothing.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::Version;
use crate::account::Account;
use crate::exchange::Market;
use crate::exchange::outbox::Event;
use crate::routes::pushes;
use crate::state::Inner;

/// What a private subscription pushes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Account,
    Orders,
    Fills,
    /// v3's fast-fill: fills without fees.
    FastFills,
    Positions,
    Equity,
    /// Answered, never pushed (see the module's docs).
    Silent,
}

/// One private subscription.
pub(super) struct Sub {
    arg: Value,
    kind: Kind,
    /// v2's `instType` (`SPOT`, `USDT-FUTURES`, ...); v3's is `UTA`.
    inst_type: String,
    /// A symbol, or `None` for `default` (all).
    symbol: Option<String>,
}

/// A logged-in connection: its account, how far it read the outbox, its subscriptions.
pub(super) struct Session {
    pub(super) account: Account,
    seen: u64,
    pub(super) subs: HashMap<String, Sub>,
}

impl Session {
    pub(super) fn new(inner: &Inner, account: Account) -> Self {
        Session {
            account,
            seen: inner.venue.ex.last_event(),
            subs: HashMap::new(),
        }
    }
}

const FUTURES: [&str; 3] = ["USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES"];

/// A private subscription from its arg, or Bitget's message for one that does not exist.
pub(super) fn sub_of(arg: &Value, version: Version) -> Result<Sub, String> {
    let get = |k: &str| {
        arg.get(k)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let inst_type = get("instType");
    let (channel, target) = match version {
        Version::V2 => (get("channel"), {
            let id = get("instId");
            if id.is_empty() { get("coin") } else { id }
        }),
        Version::V3 => (get("topic"), get("symbol")),
    };
    let missing =
        || format!("instType:{inst_type},channel:{channel},instId:{target} doesn't exist");
    let spot = inst_type == "SPOT";
    let futures = FUTURES.contains(&inst_type.as_str());
    let kind = match (version, channel.as_str()) {
        (Version::V2, "account") if spot || futures => Kind::Account,
        (Version::V2, "orders") if spot || futures => Kind::Orders,
        (Version::V2, "fill") if spot || futures => Kind::Fills,
        (Version::V2, "positions") if futures => Kind::Positions,
        (Version::V2, "equity") if futures => Kind::Equity,
        (Version::V2, "orders-algo") if spot || futures => Kind::Silent,
        (Version::V2, "positions-history") if futures => Kind::Silent,
        (Version::V3, "account") if inst_type == "UTA" => Kind::Account,
        (Version::V3, "position") if inst_type == "UTA" => Kind::Positions,
        (Version::V3, "order") if inst_type == "UTA" => Kind::Orders,
        (Version::V3, "fill") if inst_type == "UTA" => Kind::Fills,
        (Version::V3, "fast-fill") if inst_type == "UTA" => Kind::FastFills,
        (Version::V3, "strategy-order") if inst_type == "UTA" => Kind::Silent,
        _ => return Err(missing()),
    };
    let symbol = (!target.is_empty() && target != "default").then(|| target.clone());
    if symbol.is_some() && matches!(kind, Kind::Account | Kind::Positions | Kind::Equity) {
        return Err(missing());
    }
    Ok(Sub {
        arg: arg.clone(),
        kind,
        inst_type,
        symbol,
    })
}

fn envelope(arg: &Value, action: &str, data: Value, now: i64) -> String {
    json!({"action": action, "arg": arg, "data": data, "ts": now}).to_string()
}

/// Whether an event of `market` and `symbol` belongs on `sub`.
fn concerns(sub: &Sub, version: Version, market: &Market, symbol: &str) -> bool {
    let market_ok = match version {
        Version::V3 => true,
        Version::V2 => match market {
            Market::Spot => sub.inst_type == "SPOT",
            Market::Futures(pt) => *pt == sub.inst_type,
        },
    };
    market_ok
        && sub
            .symbol
            .as_deref()
            .is_none_or(|s| s.eq_ignore_ascii_case(symbol))
}

/// The state pushes of `sub` (balances, positions, equity), `None` for the event channels.
fn state_push(
    inner: &mut Inner,
    account: &Account,
    sub: &Sub,
    version: Version,
    now: i64,
) -> Option<String> {
    let uid = account.uid.as_str();
    let data = match (version, sub.kind) {
        (Version::V2, Kind::Account) => pushes::v2_account(inner, uid, &sub.inst_type),
        (Version::V2, Kind::Positions) => pushes::v2_positions(inner, uid, &sub.inst_type),
        (Version::V2, Kind::Equity) => pushes::v2_equity(inner, uid),
        (Version::V3, Kind::Account) => pushes::v3_account(inner, account),
        (Version::V3, Kind::Positions) => pushes::v3_positions(inner, uid),
        _ => return None,
    };
    Some(envelope(&sub.arg, "snapshot", data, now))
}

/// What a new subscription pushes at once: the balances and positions (their pages say they
/// push on the first subscription); orders and fills wait for something to happen.
pub(super) fn on_subscribe(
    inner: &mut Inner,
    session: &Session,
    key: &str,
    version: Version,
    now: i64,
) -> Option<String> {
    let sub = session.subs.get(key)?;
    state_push(inner, &session.account, sub, version, now)
}

/// The faults of the private streams, set through the simulator's handle.
#[derive(Debug, Clone, Default)]
pub(crate) struct Faults {
    /// After this many more order and fill pushes, every private connection is closed (in the
    /// middle of what it was sending).
    pub(crate) drop_after: Option<u32>,
    /// Bumped to close every private connection.
    pub(crate) generation: u64,
    /// Logins to refuse (30005) before accepting again.
    pub(crate) refuse_logins: u32,
    /// Order pushes to send twice.
    pub(crate) duplicate_orders: u32,
    /// Stream trade requests to execute and then not answer: the connection is closed instead
    /// (an answer lost on the way).
    pub(crate) lose_trade_replies: u32,
    /// Whether a login may carry milliseconds (Bitget's text says so; every SDK sends seconds).
    pub(crate) accept_ms: bool,
    /// Whether the login's answer writes `code` as the string `"0"` (the doc page) rather than
    /// the number 0 (what the SDKs saw live).
    pub(crate) string_codes: bool,
}

/// The pushes of what happened to the account since the session last looked, in order, and
/// whether the connection must now be closed (the `drop_after` fault).
pub(super) fn pushes(
    inner: &mut Inner,
    session: &mut Session,
    version: Version,
    now: i64,
) -> (Vec<String>, bool) {
    let uid = session.account.uid.clone();
    let events: Vec<(u64, Event)> = inner
        .venue
        .ex
        .events_after(session.seen)
        .filter(|(_, e)| e.account() == uid)
        .cloned()
        .collect();
    session.seen = inner.venue.ex.last_event();
    if events.is_empty() || session.subs.is_empty() {
        return (Vec::new(), false);
    }
    let mut out = Vec::new();
    let mut close = false;
    for (i, (_, event)) in events.iter().enumerate() {
        let mut sent = 0u32;
        for sub in session.subs.values() {
            let (market, symbol) = (
                &event.instrument().market,
                event.instrument().symbol.as_str(),
            );
            if !concerns(sub, version, market, symbol) {
                continue;
            }
            let data = match (event, sub.kind) {
                (Event::Order { snapshot, .. }, Kind::Orders) => match version {
                    Version::V2 => {
                        // The fill that moved it, when the next event is that fill.
                        let last = match events.get(i + 1) {
                            Some((_, Event::Fill { fill, order_id, .. }))
                                if *order_id == snapshot.id =>
                            {
                                Some(&**fill)
                            }
                            _ => None,
                        };
                        pushes::v2_order(inner, snapshot, last)
                    }
                    Version::V3 => pushes::v3_order(inner, snapshot),
                },
                (Event::Fill { fill, .. }, Kind::Fills) => match version {
                    Version::V2 => pushes::v2_fill(inner, fill),
                    Version::V3 => pushes::v3_fill(inner, fill, false),
                },
                (Event::Fill { fill, .. }, Kind::FastFills) => pushes::v3_fill(inner, fill, true),
                _ => continue,
            };
            let action = if sub.kind == Kind::FastFills {
                "update"
            } else {
                "snapshot"
            };
            let text = envelope(&sub.arg, action, json!([data]), now);
            let faults = &mut inner.streams.private;
            if matches!(event, Event::Order { .. }) && faults.duplicate_orders > 0 {
                faults.duplicate_orders -= 1;
                out.push(text.clone());
            }
            out.push(text);
            sent += 1;
        }
        if sent > 0 {
            let faults = &mut inner.streams.private;
            if let Some(n) = faults.drop_after.as_mut() {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    faults.drop_after = None;
                    faults.generation += 1;
                    close = true;
                    break;
                }
            }
        }
    }
    if !close {
        let account = session.account.clone();
        for sub in session.subs.values() {
            if let Some(text) = state_push(inner, &account, sub, version, now) {
                out.push(text);
            }
        }
    }
    (out, close)
}
