//! The description of one REST endpoint, which `#[bitget_endpoint]` implements for each request type.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::validate::ValidationError;

/// An HTTP method Bitget uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`: parameters in the sorted query string.
    Get,
    /// `POST`: parameters in a JSON body.
    Post,
}

impl Method {
    /// The upper-case name, as signed and sent.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Method {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "GET" => Ok(Method::Get),
            "POST" => Ok(Method::Post),
            other => Err(format!(
                "unsupported HTTP method `{other}`: Bitget uses GET and POST"
            )),
        }
    }
}

/// Where a request's parameters travel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// A JSON object in the body, keys in declaration order.
    JsonBody,
    /// A query string with keys sorted ascending, the same string in the URL and the prehash.
    Query,
}

/// Who a rate limit is counted against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RateScope {
    /// Per account (UID): private trading endpoints.
    Uid,
    /// Per client IP address: public endpoints.
    Ip,
}

/// An endpoint's documented rate limit: `per_second` requests each second, counted per `scope`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RateLimit {
    /// Requests allowed per second.
    pub per_second: u32,
    /// What the limit is counted against.
    pub scope: RateScope,
}

/// One Bitget REST endpoint: its request type implements this, and [`crate::Client::send`] takes it.
///
/// Implemented by `#[bitget_endpoint]`; implementing it by hand is possible but the macro also
/// generates the builder, the validation and the docs.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Bitget endpoint",
    label = "declare it with `#[bitget_endpoint(METHOD, \"/api/...\", rate = N)]`"
)]
pub trait Endpoint: Serialize {
    /// What `data` of a successful answer decodes into.
    type Response: DeserializeOwned + Send;
    /// The HTTP method.
    const METHOD: Method;
    /// The request path, starting with `/api/`.
    const PATH: &'static str;
    /// The documented rate limit (a default the client may override).
    const RATE_LIMIT: RateLimit;
    /// Whether the request carries `ACCESS-*` headers.
    const SIGNED: bool;
    /// How the parameters are encoded.
    const ENCODING: Encoding;

    /// Every rule declared on the request and its items, each at the wire path where a broken
    /// one is reported. Lets a test check that each declared rule has a case that breaks it.
    fn declared_rules() -> Vec<crate::validate::DeclaredRule> {
        Vec::new()
    }

    /// Checks every rule the docs state; a request that fails never reaches the network.
    fn validate(&self) -> Result<(), ValidationError>;

    /// The `productType` of this request, if it has one (demo trading treats legacy `S*` types apart).
    fn product_type(&self) -> Option<&str> {
        None
    }

    /// Whether sending this request twice is harmless, so a failure whose outcome is unknown may be
    /// retried: true for reads and cancels; for order placement, only with a `clientOid`. Declared
    /// with `retry_safe` or `retry_safe_with(field)` on `#[bitget_endpoint]`; GET is safe by default.
    fn retry_safe(&self) -> bool {
        Self::METHOD == Method::Get
    }

    /// The final answer after an attempt that may have been executed, settled: for an endpoint
    /// declared `retry_safe_with(..)`, its [`Recover`](crate::recover::Recover) implementation,
    /// which finds the order the lost attempt placed; otherwise the answer as it came.
    #[doc(hidden)]
    fn settle<'a>(
        &'a self,
        client: &'a crate::Client,
        answer: Result<Self::Response, crate::Error>,
    ) -> crate::recover::Settling<'a, Self::Response> {
        let _ = client;
        Box::pin(std::future::ready(answer))
    }
}
