//! The client: one connection pool, built once, cloned cheaply; it signs, sends and decodes.
//!
//! `builder.rs` configures it (the one configuration both transports read: credentials, clock,
//! demo, the REST and stream base URLs); `send.rs` is the attempt loop (limiter, retries, clock
//! re-sync, envelope); `headers.rs` signs and stamps a request (the demo rule included);
//! `raw.rs` sends an endpoint not declared yet through the same machinery; `dry_run.rs`
//! prepares a declared request exactly as it would be sent, and sends nothing.

mod builder;
mod dry_run;
mod headers;
mod raw;
mod send;

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderValue};
use serde::de::DeserializeOwned;
use tracing::Instrument as _;

use crate::clock::{Clock, SystemClock};
use crate::credentials::{Credentials, masked_key};
use crate::encode::{Encoded, encode};
use crate::endpoint::{Endpoint, Method, RateLimit};
use crate::envelope;
use crate::error::Error;
use crate::limits::RateLimits;
use crate::retry::RetryPolicy;
use crate::sign::prehash;

pub use builder::ClientBuilder;
pub use dry_run::DryRun;
pub use raw::RawRequest;
pub use send::{Sending, send_built};

/// Bitget's production base URL.
pub const DEFAULT_BASE_URL: &str = "https://api.bitget.com";
/// Where Bitget's streams are served.
pub const DEFAULT_WS_BASE_URL: &str = "wss://ws.bitget.com";
/// Where Bitget's demo-trading streams are served.
pub const DEMO_WS_BASE_URL: &str = "wss://wspap.bitget.com";

/// The product types that are their own demo environment: `paptrading` is never sent with them.
const LEGACY_DEMO_PRODUCT_TYPES: [&str; 3] = ["SUSDT-FUTURES", "SCOIN-FUTURES", "SUSDC-FUTURES"];

/// A Bitget REST client, for v2 (Classic) and v3 (Unified) endpoints alike. Cloning shares the connection pool, the credentials and the clock.
///
/// ```no_run
/// # async fn run() -> Result<(), bitget_core::Error> {
/// let client = bitget_core::Client::from_env()?;
/// let time = client.server_time().await?;
/// println!("Bitget says it is {} ms", time.server_time);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    base_url: String,
    ws_base_url: String,
    auth: Option<Auth>,
    demo: bool,
    clock: Arc<dyn Clock>,
    limits: Arc<RateLimits>,
    retry: RetryPolicy,
    rate_key: String,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field(
                "credentials",
                &self.inner.auth.as_ref().map(|a| &a.credentials),
            )
            .field("demo", &self.inner.demo)
            .finish_non_exhaustive()
    }
}

/// The credentials, with the headers that carry them unchanged on every signed request
/// (`ACCESS-KEY`, `ACCESS-PASSPHRASE`) checked and built once.
struct Auth {
    credentials: Credentials,
    key: HeaderValue,
    passphrase: HeaderValue,
}

impl Auth {
    /// Refuses, when the client is built, a key or passphrase no header can carry, naming it
    /// without showing it; marks both sensitive so HTTP layers never log or index them.
    fn new(credentials: Credentials) -> Result<Auth, Error> {
        let value = |name: &str, text: &str, shown: String| {
            let mut value = HeaderValue::from_str(text).map_err(|_| {
                Error::config(format!(
                    "the {name} `{shown}` has characters an HTTP header cannot carry"
                ))
            })?;
            value.set_sensitive(true);
            Ok::<_, Error>(value)
        };
        let key = credentials.api_key();
        Ok(Auth {
            key: value("API key", key, masked_key(key))?,
            passphrase: value(
                "passphrase",
                credentials.passphrase().expose(),
                "<redacted>".to_owned(),
            )?,
            credentials,
        })
    }
}

/// Where and how one request goes: the endpoint's constants, or a raw request's values.
struct Route {
    method: Method,
    path: &'static str,
    rate: RateLimit,
    signed: bool,
}

impl Route {
    fn of<E: Endpoint>() -> Route {
        Route {
            method: E::METHOD,
            path: E::PATH,
            rate: E::RATE_LIMIT,
            signed: E::SIGNED,
        }
    }
}

impl<T> Sent<T> {
    /// A request refused before anything was sent (validation, configuration).
    pub fn unsent(e: Error) -> Sent<T> {
        Sent {
            result: Err(e),
            attempts: 0,
            ambiguous: false,
        }
    }

    /// The same outcome with the answer converted.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Sent<U> {
        Sent {
            result: self.result.map(f),
            attempts: self.attempts,
            ambiguous: self.ambiguous,
        }
    }
}

/// The outcome of [`Client::send_reporting`].
#[derive(Debug)]
#[non_exhaustive]
pub struct Sent<T> {
    /// The answer, or the last error.
    pub result: Result<T, Error>,
    /// Attempts made (0 when validation refused the request).
    pub attempts: u32,
    /// Whether some attempt failed in a way that leaves its execution unknown. The result is
    /// then settled: an error says so ([`Error::is_ambiguous`]), and a placement under a client
    /// id was looked up (an `Ok` may be the order the lost attempt placed).
    pub ambiguous: bool,
}

impl Client {
    /// The base URL requests go to.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The base URL streams connect to (`wss://ws.bitget.com`, or the simulator's).
    pub fn ws_base_url(&self) -> &str {
        &self.inner.ws_base_url
    }

    /// Whether demo trading is on.
    pub fn is_demo(&self) -> bool {
        self.inner.demo
    }

    /// The clock request timestamps come from.
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.inner.clock
    }

    /// Waits for the rate limiter's permit for one request of `E`, as [`Client::send`] does
    /// before each attempt: what a request sent another way (over a stream) waits for, so it
    /// shares the endpoint's documented limit with REST.
    pub async fn rate_permit<E: Endpoint>(&self) {
        self.inner
            .limits
            .wait(&self.inner.rate_key, E::PATH, E::RATE_LIMIT)
            .await;
    }
}
