//! What a subscription names: the stream it lives on ([`Venue`]), its arg as Bitget takes it,
//! and the type of its pushes ([`Channel`]).

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// One of Bitget's four stream endpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Venue {
    /// `/v2/ws/public`: Classic market data.
    V2Public,
    /// `/v2/ws/private`: a Classic account's orders, fills, positions (after login).
    V2Private,
    /// `/v3/ws/public`: Unified market data.
    V3Public,
    /// `/v3/ws/private`: a Unified account's orders, fills, positions (after login).
    V3Private,
}

impl Venue {
    /// The path below the stream base URL.
    pub const fn path(self) -> &'static str {
        match self {
            Venue::V2Public => "/v2/ws/public",
            Venue::V2Private => "/v2/ws/private",
            Venue::V3Public => "/v3/ws/public",
            Venue::V3Private => "/v3/ws/private",
        }
    }

    /// Whether the connection must log in before subscribing.
    pub const fn is_private(self) -> bool {
        matches!(self, Venue::V2Private | Venue::V3Private)
    }
}

/// A subscription's arg as sent (`{"instType":"SPOT","channel":"ticker","instId":"BTCUSDT"}` on
/// v2, `{"instType":"spot","topic":"books","symbol":"BTCUSDT"}` on v3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arg(Map<String, Value>);

/// The keys that identify a subscription, in the order its key is written.
pub(super) const KEY_FIELDS: [&str; 7] = [
    "instType", "channel", "topic", "instId", "coin", "symbol", "interval",
];

impl Arg {
    /// An arg from its fields (`[("instType", "SPOT"), ("channel", "ticker"), ...]`).
    pub fn new<'a>(fields: impl IntoIterator<Item = (&'a str, String)>) -> Self {
        Arg(fields
            .into_iter()
            .map(|(k, v)| (k.to_owned(), Value::String(v)))
            .collect())
    }

    /// The arg of a push or an answer, as Bitget echoes it.
    pub fn from_value(value: &Value) -> Option<Self> {
        value.as_object().map(|m| Arg(m.clone()))
    }

    /// The JSON object sent.
    pub fn to_value(&self) -> Value {
        Value::Object(self.0.clone())
    }

    /// What identifies the subscription, whatever the case of `instType` and the keys Bitget
    /// adds to its echo: the identifying fields, lower case, in a fixed order.
    pub fn key(&self) -> String {
        let mut key = String::new();
        for field in KEY_FIELDS {
            if let Some(Value::String(v)) = self.0.get(field) {
                if !key.is_empty() {
                    key.push(' ');
                }
                key.push_str(&v.to_ascii_lowercase());
            }
        }
        key
    }
}

impl std::fmt::Display for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut first = true;
        for field in KEY_FIELDS {
            if let Some(Value::String(v)) = self.0.get(field) {
                if !first {
                    f.write_str(" ")?;
                }
                f.write_str(v)?;
                first = false;
            }
        }
        Ok(())
    }
}

/// A channel one can subscribe to: where it lives, its arg, and what each element of a push's
/// `data` decodes into.
pub trait Channel: Send + Sync + 'static {
    /// One element of a push's `data`.
    type Push: DeserializeOwned + Send + 'static;
    /// The stream it lives on.
    const VENUE: Venue;
    /// The subscription's arg.
    fn arg(&self) -> Arg;
    /// Where pushes are events numbered in order (trades by their id), an element's number: an
    /// element at or below the highest delivered is a repeat (the snapshot of recent trades a
    /// resubscription brings) or out of order, and is not delivered again. `None` (the default)
    /// for channels whose pushes are states (tickers, books).
    fn sequence(_push: &Self::Push) -> Option<u128> {
        None
    }
}
