//! The client: one connection pool, built once, cloned cheaply; it signs, sends and decodes.

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

/// Configures a [`Client`].
#[must_use]
pub struct ClientBuilder {
    base_url: String,
    ws_base_url: Option<String>,
    credentials: Option<Credentials>,
    demo: bool,
    timeout: Duration,
    connect_timeout: Duration,
    clock: Option<Arc<dyn Clock>>,
    limits: Option<Arc<RateLimits>>,
    retry: RetryPolicy,
    rate_key: Option<String>,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            base_url: DEFAULT_BASE_URL.to_owned(),
            ws_base_url: None,
            credentials: None,
            demo: false,
            timeout: Duration::from_secs(10),
            connect_timeout: Duration::from_secs(5),
            clock: None,
            limits: None,
            retry: RetryPolicy::default(),
            rate_key: None,
        }
    }
}

impl ClientBuilder {
    /// The base URL (default `https://api.bitget.com`); a simulator's URL in tests.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// The streams' base URL (default: `wss://ws.bitget.com`, `wss://wspap.bitget.com` in demo
    /// mode; for another REST base URL, the same host with `ws://`/`wss://`, as the simulator
    /// serves both on one port). Paths such as `/v2/ws/public` are added to it.
    pub fn ws_base_url(mut self, url: impl Into<String>) -> Self {
        self.ws_base_url = Some(url.into());
        self
    }

    /// The credentials for signed endpoints. Public endpoints work without.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// Demo trading: sends `paptrading: 1` on signed requests (needs a demo API key).
    pub fn demo(mut self, demo: bool) -> Self {
        self.demo = demo;
        self
    }

    /// The time allowed for a whole request, answer included (default 10 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The time allowed to connect (default 5 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The source of request timestamps (default: the system clock).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = Some(clock);
        self
    }

    /// The rate limiters (default: a new set at every endpoint's declared rate). Give several
    /// clients of one account the same `Arc` so they share one budget; override a rate with
    /// [`RateLimits::set_rate`]; [`RateLimits::unlimited`] turns limiting off.
    pub fn rate_limits(mut self, limits: Arc<RateLimits>) -> Self {
        self.limits = Some(limits);
        self
    }

    /// The label the per-account limiters are keyed by (default: the API key). Give clients with
    /// different keys of one UID the same label.
    pub fn rate_key(mut self, key: impl Into<String>) -> Self {
        self.rate_key = Some(key.into());
        self
    }

    /// How failed requests are retried (default: [`RetryPolicy::default`]).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Builds the client and its connection pool.
    pub fn build(self) -> Result<Client, Error> {
        let base_url = self.base_url.trim_end_matches('/').to_owned();
        if !(base_url.starts_with("https://") || base_url.starts_with("http://")) {
            return Err(Error::config(format!(
                "base URL `{base_url}` must start with https:// (or http:// for a local simulator)"
            )));
        }
        // `Content-Type` and `locale` go on each request with the rest (see `headers`), rather
        // than as reqwest default headers merged into every request.
        let http = reqwest::Client::builder()
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            .tcp_nodelay(true)
            .build()
            .map_err(|e| Error::config(format!("the HTTP client could not be built: {e}")))?;
        let rate_key = self
            .rate_key
            .or_else(|| self.credentials.as_ref().map(|c| c.api_key().to_owned()))
            .unwrap_or_default();
        let ws_base_url = match self.ws_base_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None if base_url == DEFAULT_BASE_URL && self.demo => DEMO_WS_BASE_URL.to_owned(),
            None if base_url == DEFAULT_BASE_URL => DEFAULT_WS_BASE_URL.to_owned(),
            None => match base_url.split_once("://") {
                Some(("https", host)) => format!("wss://{host}"),
                Some((_, host)) => format!("ws://{host}"),
                None => base_url.clone(),
            },
        };
        if !(ws_base_url.starts_with("wss://") || ws_base_url.starts_with("ws://")) {
            return Err(Error::config(format!(
                "stream base URL `{ws_base_url}` must start with wss:// (or ws:// for a local simulator)"
            )));
        }
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                ws_base_url,
                auth: self.credentials.map(Auth::new).transpose()?,
                demo: self.demo,
                clock: self
                    .clock
                    .unwrap_or_else(|| Arc::new(SystemClock::default())),
                limits: self.limits.unwrap_or_default(),
                retry: self.retry,
                rate_key,
            }),
        })
    }
}

impl Client {
    /// A builder with the defaults: production URL, no credentials, live trading, 10 s timeout.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from the environment: `BITGET_API_KEY`, `BITGET_SECRET_KEY`,
    /// `BITGET_PASSPHRASE` (all three, or none for public endpoints only), and optionally
    /// `BITGET_BASE_URL` and `BITGET_DEMO` (`1` or `true`).
    pub fn from_env() -> Result<Client, Error> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// [`Client::from_env`] with the variables read through `lookup`.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Client, Error> {
        let mut builder = Client::builder();
        let key = lookup("BITGET_API_KEY").filter(|v| !v.is_empty());
        let secret = lookup("BITGET_SECRET_KEY").filter(|v| !v.is_empty());
        let passphrase = lookup("BITGET_PASSPHRASE").filter(|v| !v.is_empty());
        match (key, secret, passphrase) {
            (Some(key), Some(secret), Some(passphrase)) => {
                builder = builder.credentials(Credentials::new(key, secret, passphrase));
            }
            (None, None, None) => {}
            (key, secret, passphrase) => {
                let missing: Vec<&str> = [
                    ("BITGET_API_KEY", key.is_none()),
                    ("BITGET_SECRET_KEY", secret.is_none()),
                    ("BITGET_PASSPHRASE", passphrase.is_none()),
                ]
                .into_iter()
                .filter_map(|(name, missing)| missing.then_some(name))
                .collect();
                return Err(Error::config(format!(
                    "{} not set: set all three credentials, or none for public endpoints only",
                    missing.join(", ")
                )));
            }
        }
        if let Some(url) = lookup("BITGET_BASE_URL").filter(|v| !v.is_empty()) {
            builder = builder.base_url(url);
        }
        if let Some(demo) = lookup("BITGET_DEMO") {
            builder = builder.demo(match demo.trim().to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" => true,
                "" | "0" | "false" | "no" => false,
                other => return Err(Error::config(format!("BITGET_DEMO=`{other}`: use 1 or 0"))),
            });
        }
        builder.build()
    }

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

    /// Validates, encodes, waits for the rate limiter, signs, sends and decodes one request,
    /// retrying by the client's [`RetryPolicy`] (re-signed each time) and re-syncing the clock once
    /// on a timestamp error.
    ///
    /// An invalid request returns a validation error and never reaches the network. The body is
    /// serialised once; the bytes signed are the bytes sent.
    pub async fn send<E: Endpoint>(&self, request: &E) -> Result<E::Response, Error> {
        self.send_reporting(request).await.result
    }

    /// [`Client::send`], also telling how many attempts it took and whether an earlier attempt may
    /// have been executed without an answer (so "order does not exist" may mean "already
    /// cancelled by us").
    pub async fn send_reporting<E: Endpoint>(&self, request: &E) -> Sent<E::Response> {
        if let Err(e) = request.validate() {
            return Sent::unsent(e.into());
        }
        let encoded = match encode(request) {
            Ok(encoded) => encoded,
            Err(e) => return Sent::unsent(e),
        };
        let route = Route::of::<E>();
        let sent = self
            .run(
                &route,
                &encoded,
                request.product_type(),
                request.retry_safe(),
            )
            .await;
        if !sent.ambiguous {
            return sent;
        }
        // An earlier attempt may have been executed: the last answer alone does not say what
        // happened (the repeat of a placed order is refused as a duplicate). The endpoint
        // settles it: a placement under a client id looks its order up.
        let Sent {
            result,
            attempts,
            ambiguous,
        } = sent;
        let result = request
            .settle(self, result)
            .await
            .map_err(|e| mark_ambiguous(e, true));
        Sent {
            result,
            attempts,
            ambiguous,
        }
    }

    /// The loop every request goes through, declared or raw: limiter, attempt, retries, clock
    /// re-sync.
    async fn run<T: DeserializeOwned>(
        &self,
        route: &Route,
        encoded: &Encoded,
        product_type: Option<&str>,
        retry_safe: bool,
    ) -> Sent<T> {
        let paptrading = self.inner.demo
            && route.signed
            && !product_type.is_some_and(|p| {
                LEGACY_DEMO_PRODUCT_TYPES
                    .iter()
                    .any(|l| l.eq_ignore_ascii_case(p))
            });
        let policy = &self.inner.retry;
        let started = Instant::now();
        let (mut attempts, mut ambiguous, mut resynced) = (0, false, false);
        loop {
            attempts += 1;
            self.inner
                .limits
                .wait(&self.inner.rate_key, route.path, route.rate)
                .await;
            let err = match self
                .attempt::<T>(route, encoded, paptrading, attempts)
                .await
            {
                Ok(response) => {
                    return Sent {
                        result: Ok(response),
                        attempts,
                        ambiguous,
                    };
                }
                Err(err) => err,
            };
            ambiguous |= err.is_ambiguous();
            // A timestamp refusal proves the request was not executed: re-sync and re-sign, once.
            if err.is_clock_skew() && !resynced && route.signed {
                resynced = true;
                if self.sync_clock().await.is_ok() {
                    continue;
                }
            }
            let repeatable = retry_safe || !err.is_ambiguous();
            let delay = policy
                .delay(attempts)
                .max(err.retry_after().unwrap_or_default());
            let in_time = started.elapsed().saturating_add(delay) <= policy.max_elapsed;
            if !(err.is_retryable() && repeatable && attempts < policy.max_attempts && in_time) {
                return Sent {
                    result: Err(mark_ambiguous(err, ambiguous)),
                    attempts,
                    ambiguous,
                };
            }
            tracing::debug!(endpoint = route.path, attempt = attempts, error = %err, ?delay, "retrying");
            tokio::time::sleep(delay).await;
        }
    }

    /// One attempt: timestamp, sign, send, decode, in a tracing span.
    async fn attempt<T: DeserializeOwned>(
        &self,
        route: &Route,
        encoded: &Encoded,
        paptrading: bool,
        attempt: u32,
    ) -> Result<T, Error> {
        let span = tracing::debug_span!(
            "bitget.request",
            endpoint = route.path,
            method = route.method.as_str(),
            attempt,
            status = tracing::field::Empty,
            code = tracing::field::Empty,
            elapsed_ms = tracing::field::Empty,
        );
        async {
            let started = Instant::now();
            let result = self.send_encoded(route, encoded, paptrading).await;
            let span = tracing::Span::current();
            span.record("elapsed_ms", started.elapsed().as_millis() as u64);
            match &result {
                Ok((status, _, _)) => {
                    span.record("status", *status);
                }
                Err(e) => {
                    if let Some(status) = e.http_status() {
                        span.record("status", status);
                    }
                }
            }
            let (status, body, retry_after) = result?;
            let decoded = envelope::decode::<T>(route.path, status, &body)
                .map_err(|e| e.with_retry_after(retry_after));
            match &decoded {
                Ok(_) => span.record("code", envelope::SUCCESS),
                Err(e) => span.record("code", e.api_code().map_or("-", |c| c.as_str())),
            };
            decoded
        }
        .instrument(span)
        .await
    }

    /// Corrects the client's clock from `GET /api/v2/public/time`, taking the middle of the round
    /// trip as the moment Bitget read its clock; returns the correction applied (ms).
    pub async fn sync_clock(&self) -> Result<i64, Error> {
        let clock = &self.inner.clock;
        let before = clock.now_ms();
        let time = self.send_once(&crate::public::GetServerTime).await?;
        let after = clock.now_ms();
        let delta = time.server_time - (before + (after - before) / 2);
        clock.correct(delta);
        Ok(delta)
    }

    /// One attempt through the limiter, no retry (for the clock sync itself).
    async fn send_once<E: Endpoint>(&self, request: &E) -> Result<E::Response, Error> {
        let encoded = encode(request)?;
        let route = Route::of::<E>();
        self.inner
            .limits
            .wait(&self.inner.rate_key, route.path, route.rate)
            .await;
        self.attempt::<E::Response>(&route, &encoded, false, 1)
            .await
    }

    /// Signs (when the endpoint is signed) and sends already-encoded bytes; returns the status,
    /// the raw answer and, on a 429, the wait its `Retry-After` header asks for.
    async fn send_encoded(
        &self,
        route: &Route,
        encoded: &Encoded,
        paptrading: bool,
    ) -> Result<(u16, bytes::Bytes, Option<Duration>), Error> {
        let mut url = String::with_capacity(
            self.inner.base_url.len() + route.path.len() + 1 + encoded.query.len(),
        );
        url.push_str(&self.inner.base_url);
        url.push_str(route.path);
        if !encoded.query.is_empty() {
            url.push('?');
            url.push_str(&encoded.query);
        }
        let method = match route.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
        };
        let request = self
            .inner
            .http
            .request(method, url)
            .headers(self.headers(route, encoded, paptrading)?);
        let request = if route.method == Method::Post {
            request.body(encoded.body.clone())
        } else {
            request
        };
        let response = request
            .send()
            .await
            .map_err(|e| transport_error(route.path, e))?;
        let status = response.status().as_u16();
        let retry_after = if status == 429 {
            retry_after_seconds(response.headers())
        } else {
            None
        };
        let body = response
            .bytes()
            .await
            .map_err(|e| transport_error(route.path, e))?;
        Ok((status, body, retry_after))
    }

    /// The request's headers; for a signed endpoint, timestamped and signed here, as late as
    /// possible, so no wait can expire the timestamp.
    fn headers(
        &self,
        route: &Route,
        encoded: &Encoded,
        paptrading: bool,
    ) -> Result<HeaderMap, Error> {
        let mut headers = HeaderMap::with_capacity(8);
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        headers.insert("locale", HeaderValue::from_static("en-US"));
        if !route.signed {
            return Ok(headers);
        }
        let Some(auth) = &self.inner.auth else {
            return Err(Error::config(format!(
                "{} is a signed endpoint: give the client credentials (BITGET_API_KEY, BITGET_SECRET_KEY, BITGET_PASSPHRASE)",
                route.path
            )));
        };
        let now = self.inner.clock.now_ms();
        let timestamp = now.to_string();
        let pre = prehash(
            &timestamp,
            route.method,
            route.path,
            &encoded.query,
            &encoded.body,
        );
        let mut sign = HeaderValue::try_from(auth.credentials.signer().sign(&pre)?)
            .map_err(|_| Error::config("the signer returned characters a header cannot carry"))?;
        sign.set_sensitive(true);
        headers.insert("access-key", auth.key.clone());
        headers.insert("access-sign", sign);
        headers.insert("access-timestamp", HeaderValue::from(now));
        headers.insert("access-passphrase", auth.passphrase.clone());
        if paptrading {
            headers.insert("paptrading", HeaderValue::from_static("1"));
        }
        Ok(headers)
    }

    /// `GET /api/v2/public/time`: Bitget's clock, public.
    pub async fn server_time(&self) -> Result<crate::public::ServerTime, Error> {
        self.send(&crate::public::GetServerTime).await
    }
}

/// A request to an endpoint this library does not declare yet, through the same machinery as
/// the declared ones: signing (unless [`public`](Self::public)), the limiter at the rate given,
/// the retry policy (for a GET, or when declared [`retry_safe`](Self::retry_safe)), the clock
/// re-sync and the envelope.
///
/// ```no_run
/// # async fn run(client: bitget_core::Client) -> Result<(), bitget_core::Error> {
/// use bitget_core::Method;
/// let ticker: serde_json::Value = client
///     .raw(Method::Get, "/api/v2/mix/market/ticker", 20)
///     .params(serde_json::json!({"symbol": "BTCUSDT", "productType": "USDT-FUTURES"}))
///     .public()
///     .send()
///     .await?;
/// # Ok(()) }
/// ```
#[must_use = "a raw request does nothing until `send()`"]
pub struct RawRequest<'c, P = ()> {
    client: &'c Client,
    method: Method,
    /// The path, interned once here (the limiter and the errors keep it as `&'static str`); a
    /// path that is refused stays as given, for the error.
    path: Result<&'static str, String>,
    params: P,
    per_second: u32,
    signed: bool,
    retry_safe: bool,
}

impl Client {
    /// A request to `path` (starting with `/api/`) at `per_second` requests a second, signed, with
    /// no parameters yet. See [`RawRequest`].
    pub fn raw(&self, method: Method, path: &str, per_second: u32) -> RawRequest<'_, ()> {
        RawRequest {
            client: self,
            method,
            path: raw_path(path),
            params: (),
            per_second,
            signed: true,
            retry_safe: method == Method::Get,
        }
    }
}

impl<'c, P: serde::Serialize> RawRequest<'c, P> {
    /// The parameters: any `Serialize` that is a map or struct (the query of a GET, sorted; the
    /// JSON body of a POST, as serialised).
    pub fn params<Q: serde::Serialize>(self, params: Q) -> RawRequest<'c, Q> {
        RawRequest {
            client: self.client,
            method: self.method,
            path: self.path,
            params,
            per_second: self.per_second,
            signed: self.signed,
            retry_safe: self.retry_safe,
        }
    }

    /// Unsigned, and counted per IP: a public market endpoint.
    pub fn public(mut self) -> Self {
        self.signed = false;
        self
    }

    /// Whether repeating the request after an unanswered attempt is harmless (default: GET yes,
    /// POST no, as for declared endpoints).
    pub fn retry_safe(mut self, safe: bool) -> Self {
        self.retry_safe = safe;
        self
    }

    /// Sends and decodes `data` into `T` (`serde_json::Value` for anything).
    pub async fn send<T: DeserializeOwned>(self) -> Result<T, Error> {
        self.send_reporting().await.result
    }

    /// [`send`](Self::send), with the attempts made and whether one may have been executed.
    pub async fn send_reporting<T: DeserializeOwned>(self) -> Sent<T> {
        let path = match self.path {
            Ok(path) => path,
            Err(path) => {
                return Sent::unsent(Error::config(format!(
                    "a raw path starts with `/api/` and carries no query (give parameters with `.params(...)`), not `{path}`"
                )));
            }
        };
        let route = Route {
            method: self.method,
            path,
            rate: RateLimit {
                per_second: self.per_second,
                scope: if self.signed {
                    crate::endpoint::RateScope::Uid
                } else {
                    crate::endpoint::RateScope::Ip
                },
            },
            signed: self.signed,
        };
        let encoding = match self.method {
            Method::Get => crate::endpoint::Encoding::Query,
            Method::Post => crate::endpoint::Encoding::JsonBody,
        };
        let encoded = match crate::encode::encode_params(encoding, route.path, &self.params) {
            Ok(encoded) => encoded,
            Err(e) => return Sent::unsent(e),
        };
        // The demo rule reads the product type sent, as for declared endpoints; read back from
        // the encoded form only when it matters (demo on).
        let product_type = if self.client.inner.demo {
            sent_product_type(&encoded)
        } else {
            None
        };
        self.client
            .run(&route, &encoded, product_type.as_deref(), self.retry_safe)
            .await
    }
}

/// The future a builder's `send` returns: [`send_built`], boxed, so that its type does not carry
/// the builder's state parameters and a forgotten field is reported once, at the `send` call.
#[doc(hidden)]
pub type Sending<'c, R> =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<R, Error>> + Send + 'c>>;

/// Sends a request a builder assembled (or the error assembling it found).
#[doc(hidden)]
pub async fn send_built<E: Endpoint + Sync>(
    client: &Client,
    request: Result<E, Error>,
) -> Result<E::Response, Error> {
    let request = request?;
    client.send(&request).await
}

/// An error after an attempt that may have been executed says so, whatever it is itself: the
/// ambiguity `send()` knows is never dropped from what it returns.
fn mark_ambiguous(err: Error, after_ambiguous: bool) -> Error {
    if after_ambiguous && !err.is_ambiguous() {
        err.may_have_executed(None)
    } else {
        err
    }
}

/// The `productType` an encoded request carries: a key of its query, or of its JSON body's top
/// object (a body that is an array, a v3 batch, carries none).
fn sent_product_type(encoded: &Encoded) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Sent {
        #[serde(rename = "productType")]
        product_type: Option<String>,
    }
    if encoded.body.is_empty() {
        encoded
            .query
            .split('&')
            .find_map(|pair| pair.strip_prefix("productType="))
            .map(str::to_owned)
    } else {
        serde_json::from_slice::<Sent>(&encoded.body)
            .ok()?
            .product_type
    }
}

/// A raw path checked (under `/api/`, no query) and interned; refused paths are not kept.
fn raw_path(path: &str) -> Result<&'static str, String> {
    let path = path.trim();
    if path.starts_with("/api/") && !path.contains('?') {
        Ok(intern(path))
    } else {
        Err(path.to_owned())
    }
}

/// A raw path as `&'static str`, which the limiter and the errors keep: each distinct path is
/// stored once for the life of the program (a program calls a bounded set of endpoints).
fn intern(path: &str) -> &'static str {
    static PATHS: std::sync::OnceLock<std::sync::Mutex<std::collections::HashSet<&'static str>>> =
        std::sync::OnceLock::new();
    let mut paths = PATHS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    match paths.get(path) {
        Some(p) => p,
        None => {
            let leaked: &'static str = Box::leak(path.to_owned().into_boxed_str());
            paths.insert(leaked);
            leaked
        }
    }
}

/// `Retry-After` in seconds (the HTTP-date form is not worth a date parser here: a bad or absent
/// value leaves the backoff to the retry policy).
fn retry_after_seconds(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?;
    // Capped at a day: a larger value is a broken header, not a plan.
    value
        .trim()
        .parse::<u64>()
        .ok()
        .map(|secs| Duration::from_secs(secs.min(86_400)))
}

fn transport_error(endpoint: &'static str, e: reqwest::Error) -> Error {
    if e.is_timeout() {
        Error::timeout(endpoint)
    } else {
        // Only a refused connection proves the request never left.
        let connect = e.is_connect();
        // reqwest's error text holds the URL, never headers, so no secret travels with it.
        Error::transport(endpoint, e, None, connect)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn a_passphrase_no_header_can_carry_is_refused_at_build_without_showing_it() {
        let built = Client::builder()
            .credentials(Credentials::new(
                "bg_key_0123456789",
                "topsecret",
                "pass\nphrase-42",
            ))
            .build();
        let err = built
            .err()
            .unwrap_or_else(|| panic!("a newline in the passphrase must be refused"));
        let shown = format!("{err} {err:?}");
        assert_eq!(err.kind(), ErrorKind::Config);
        assert!(shown.contains("passphrase"), "{shown}");
        assert!(!shown.contains("phrase-42"), "{shown}");

        let err = Client::builder()
            .credentials(Credentials::new("bg_key_01\r\n23456789", "s", "p"))
            .build()
            .err()
            .unwrap_or_else(|| panic!("a newline in the key must be refused"));
        assert!(err.to_string().contains("API key `bg_k…6789`"), "{err}");
    }

    #[test]
    fn from_env_reads_everything() {
        let client = Client::from_lookup(env(&[
            ("BITGET_API_KEY", "bg_key_0123456789"),
            ("BITGET_SECRET_KEY", "topsecret"),
            ("BITGET_PASSPHRASE", "pass-phrase"),
            ("BITGET_BASE_URL", "http://127.0.0.1:9/"),
            ("BITGET_DEMO", "1"),
        ]))
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(client.base_url(), "http://127.0.0.1:9");
        assert!(client.is_demo());
        let shown = format!("{client:?}");
        assert!(
            !shown.contains("topsecret") && !shown.contains("pass-phrase"),
            "{shown}"
        );
    }

    #[test]
    fn from_env_without_credentials_is_public_only() {
        let client = Client::from_lookup(env(&[])).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(client.base_url(), DEFAULT_BASE_URL);
        assert!(!client.is_demo());
    }

    #[test]
    fn from_env_names_the_missing_variable() {
        let err = Client::from_lookup(env(&[("BITGET_API_KEY", "k"), ("BITGET_SECRET_KEY", "s")]))
            .err()
            .unwrap_or_else(|| panic!("expected an error"));
        assert_eq!(err.kind(), ErrorKind::Config);
        assert!(err.to_string().contains("BITGET_PASSPHRASE"), "{err}");
        assert!(!err.to_string().contains("BITGET_SECRET_KEY"), "{err}");
    }

    #[test]
    fn bad_base_url_is_a_config_error() {
        let err = Client::builder()
            .base_url("api.bitget.com")
            .build()
            .err()
            .unwrap_or_else(|| panic!("error"));
        assert_eq!(err.kind(), ErrorKind::Config);
    }
}
