//! Endpoints not declared yet, through the declared ones' machinery.

use super::send::sent_product_type;
use super::*;

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

/// A raw path checked (under `/api/`, no query) and interned; refused paths are not kept.
pub(super) fn raw_path(path: &str) -> Result<&'static str, String> {
    let path = path.trim();
    if path.starts_with("/api/") && !path.contains('?') {
        Ok(intern(path))
    } else {
        Err(path.to_owned())
    }
}

/// A raw path as `&'static str`, which the limiter and the errors keep: each distinct path is
/// stored once for the life of the program (a program calls a bounded set of endpoints).
pub(super) fn intern(path: &str) -> &'static str {
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
