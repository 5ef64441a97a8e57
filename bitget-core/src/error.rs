//! The one error type of the client, and the typed Bitget error codes.

use std::fmt;
use std::time::Duration;

use crate::validate::ValidationError;

/// A Bitget error code. Every code Bitget documents as worth acting on has a variant (common
/// codes, the not-found codes of v2 and v3, the account-mode codes); any other code is kept raw in
/// [`ApiCode::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApiCode {
    /// 40001: the `ACCESS-KEY` header is missing.
    AccessKeyMissing,
    /// 40002: the `ACCESS-SIGN` header is missing.
    AccessSignMissing,
    /// 40003: a signature header is missing (the simulator answers it for a missing
    /// `ACCESS-TIMESTAMP`; Bitget's docs word it "signature").
    SignatureMissing,
    /// 40004: the request timestamp expired (clock skew).
    TimestampExpired,
    /// 40005: `ACCESS-TIMESTAMP` is not a valid timestamp.
    InvalidTimestamp,
    /// 40006: the API key is invalid.
    InvalidApiKey,
    /// 40007: the `Content-Type` is not `application/json`.
    InvalidContentType,
    /// 40008: the request timestamp is outside the accepted window (clock skew).
    TimestampOutOfWindow,
    /// 40009: the signature does not match.
    SignatureMismatch,
    /// 40011: the `ACCESS-PASSPHRASE` header is missing.
    PassphraseMissing,
    /// 40012: the API key or passphrase is incorrect.
    KeyOrPassphraseIncorrect,
    /// 40014: the key lacks the permission for this endpoint.
    PermissionDenied,
    /// 40015: system error, try again later.
    SystemError,
    /// 40017: parameter verification failed.
    ParameterInvalid,
    /// 40018: the caller's IP is not on the key's whitelist.
    IpNotWhitelisted,
    /// 40019: a required parameter is missing.
    ParameterMissing,
    /// 40034: a parameter does not exist.
    ParameterUnknown,
    /// 40037: the API key does not exist.
    ApiKeyNotFound,
    /// 40079: `receiveWindow` is over 60 s.
    ReceiveWindowTooLarge,
    /// 40084: a Classic account key called a Unified (v3) endpoint.
    ClassicKeyOnUnifiedApi,
    /// 40085: a Unified account key called a Classic (v2) endpoint.
    UnifiedKeyOnClassicApi,
    /// 40099: a demo key on live trading, or a live key on demo trading.
    EnvironmentMismatch,
    /// 40109: the order's data cannot be found (futures).
    OrderDataNotFound,
    /// 40200: server upgrade or maintenance, try again later.
    Maintenance,
    /// 40305: `clientOid` is over 50 characters or has illegal characters.
    InvalidClientOid,
    /// 43122: an order with this `clientOid` exists already. Answered to the repeat of an
    /// attempt that went through, this means the order was placed (the client looks it up).
    DuplicateClientOid,
    /// 40404: the request path is unknown to Bitget (a mistyped raw path, or a retired
    /// endpoint).
    UrlNotFound,
    /// 40768: the futures order does not exist.
    FuturesOrderNotFound,
    /// 43001: the spot order does not exist.
    SpotOrderNotFound,
    /// 43025: the plan (trigger) order does not exist.
    PlanOrderNotFound,
    /// 22001: no order to cancel (v3, Unified account).
    NoOrderToCancel,
    /// 25204: the order does not exist (v3, Unified account).
    UnifiedOrderNotFound,
    /// 40808: "Parameter verification exception" followed by the field, which Bitget answers
    /// for a price off the tick or outside the spot price band, among others.
    ParameterVerification,
    /// 45110: the order is worth less than the instrument's minimum ("less than the minimum
    /// amount 5 USDT").
    BelowMinimumAmount,
    /// 22047: a futures order's price is outside the contract's price band ("The order price
    /// is higher than the maximum price limit").
    PriceOutsideLimit,
    /// 40309: the instrument is not open for this order (suspended, or only closing allowed).
    InstrumentUnavailable,
    /// 40920: the position mode cannot change while a position or an open order exists.
    PositionModeLocked,
    /// 45117: the margin mode cannot change while positions or orders exist.
    MarginModeLocked,
    /// 429: too many requests.
    TooManyRequests,
    /// Any other code, kept as Bitget sent it.
    Other(String),
}

macro_rules! codes {
    ($($code:literal => $variant:ident),* $(,)?) => {
        impl ApiCode {
            /// Reads a code as Bitget sends it (a string such as `"40009"`).
            pub fn from_code(code: &str) -> ApiCode {
                match code {
                    $($code => ApiCode::$variant,)*
                    other => ApiCode::Other(other.to_owned()),
                }
            }

            /// The code as Bitget sends it.
            pub fn as_str(&self) -> &str {
                match self {
                    $(ApiCode::$variant => $code,)*
                    ApiCode::Other(code) => code,
                }
            }
        }
    };
}

codes! {
    "40001" => AccessKeyMissing,
    "40002" => AccessSignMissing,
    "40003" => SignatureMissing,
    "40004" => TimestampExpired,
    "40005" => InvalidTimestamp,
    "40006" => InvalidApiKey,
    "40007" => InvalidContentType,
    "40008" => TimestampOutOfWindow,
    "40009" => SignatureMismatch,
    "40011" => PassphraseMissing,
    "40012" => KeyOrPassphraseIncorrect,
    "40014" => PermissionDenied,
    "40015" => SystemError,
    "40017" => ParameterInvalid,
    "40018" => IpNotWhitelisted,
    "40019" => ParameterMissing,
    "40034" => ParameterUnknown,
    "40037" => ApiKeyNotFound,
    "40079" => ReceiveWindowTooLarge,
    "40084" => ClassicKeyOnUnifiedApi,
    "40085" => UnifiedKeyOnClassicApi,
    "40099" => EnvironmentMismatch,
    "40109" => OrderDataNotFound,
    "40200" => Maintenance,
    "40305" => InvalidClientOid,
    "43122" => DuplicateClientOid,
    "40404" => UrlNotFound,
    "40768" => FuturesOrderNotFound,
    "43001" => SpotOrderNotFound,
    "43025" => PlanOrderNotFound,
    "22001" => NoOrderToCancel,
    "25204" => UnifiedOrderNotFound,
    "40808" => ParameterVerification,
    "45110" => BelowMinimumAmount,
    "22047" => PriceOutsideLimit,
    "40309" => InstrumentUnavailable,
    "40920" => PositionModeLocked,
    "45117" => MarginModeLocked,
    "429" => TooManyRequests,
}

impl ApiCode {
    /// Whether the code says a mode change was refused because the account holds positions or
    /// open orders: 40920 (position mode) and 45117 (margin mode). Close or cancel them first.
    pub fn is_blocked_by_positions(&self) -> bool {
        matches!(
            self,
            ApiCode::PositionModeLocked | ApiCode::MarginModeLocked
        )
    }

    /// Whether the code says the order (or trigger order) the request named does not exist:
    /// 40768, 40109, 43001, 43025 on v2, 22001 and 25204 on v3. For a cancel, this usually means
    /// it was already cancelled or filled.
    pub fn is_not_found(&self) -> bool {
        matches!(
            self,
            ApiCode::FuturesOrderNotFound
                | ApiCode::OrderDataNotFound
                | ApiCode::SpotOrderNotFound
                | ApiCode::PlanOrderNotFound
                | ApiCode::NoOrderToCancel
                | ApiCode::UnifiedOrderNotFound
        )
    }

    /// What a user should do about this code, when there is something to say.
    pub fn hint(&self) -> Option<&'static str> {
        Some(match self {
            ApiCode::AccessKeyMissing
            | ApiCode::AccessSignMissing
            | ApiCode::SignatureMissing
            | ApiCode::PassphraseMissing => {
                "a signed request went out without its ACCESS-* headers: give the client credentials"
            }
            ApiCode::TimestampExpired | ApiCode::TimestampOutOfWindow => {
                "the local clock is off from Bitget's: sync the clock (GET /api/v2/public/time) and retry"
            }
            ApiCode::InvalidTimestamp => {
                "ACCESS-TIMESTAMP must be Unix milliseconds as a decimal string"
            }
            ApiCode::InvalidApiKey | ApiCode::ApiKeyNotFound => {
                "check BITGET_API_KEY: the key is unknown to Bitget (a demo key only works with demo trading)"
            }
            ApiCode::InvalidContentType => "send Content-Type: application/json",
            ApiCode::SignatureMismatch => {
                "check the secret, and that the signed body and query are the bytes sent (same key order, no re-serialisation)"
            }
            ApiCode::KeyOrPassphraseIncorrect => {
                "check BITGET_PASSPHRASE: it is the passphrase chosen when the key was made"
            }
            ApiCode::PermissionDenied => {
                "give the API key the permission this endpoint needs (trade, read, ...)"
            }
            ApiCode::SystemError | ApiCode::Maintenance => {
                "a temporary condition at Bitget: retry later"
            }
            ApiCode::ParameterInvalid | ApiCode::ParameterMissing | ApiCode::ParameterUnknown => {
                "the exchange refused a parameter: compare the request with the endpoint's docs"
            }
            ApiCode::IpNotWhitelisted => "add this machine's IP address to the API key's whitelist",
            ApiCode::ReceiveWindowTooLarge => "receiveWindow must be at most 60000 ms",
            ApiCode::ClassicKeyOnUnifiedApi => {
                "this is a Classic-account key, which the v3 (Unified) API does not accept: use the v2 endpoints (`bitget_endpoints::mix`, `spot`)"
            }
            ApiCode::UnifiedKeyOnClassicApi => {
                "this is a Unified-account key, which v2 does not accept: use the v3 endpoints (`bitget_endpoints::uta`), or a Classic-account key"
            }
            ApiCode::EnvironmentMismatch => {
                "demo keys need demo trading (BITGET_DEMO=1) and live keys need it off"
            }
            ApiCode::InvalidClientOid => {
                "clientOid must be at most 50 characters, without illegal characters"
            }
            ApiCode::TooManyRequests => "slow down: the endpoint's rate limit was exceeded",
            ApiCode::DuplicateClientOid => {
                "an order under this clientOid exists already: look it up by its clientOid before placing again under a new one"
            }
            code if code.is_not_found() => {
                "no such order: already cancelled or filled, or the id is wrong (Error::is_not_found)"
            }
            ApiCode::UrlNotFound => {
                "the server does not know this path: check it against the endpoint's doc page (a simulator says so when it does not simulate a path)"
            }
            _ => return None,
        })
    }
}

impl fmt::Display for ApiCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An answer from Bitget whose `code` is not `00000`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiError {
    /// The typed code.
    pub code: ApiCode,
    /// The message Bitget sent (`msg` or `message`), possibly empty.
    pub message: String,
    /// The HTTP status of the answer.
    pub http_status: u16,
    /// `requestTime` from the envelope, when present.
    pub request_time: Option<i64>,
}

/// What kind of failure an [`Error`] is, for matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The request broke a documented rule and was not sent.
    Validation,
    /// Bitget answered with an error code.
    Api,
    /// Bitget (HTTP 429 or code 429) or the client's limiter refused for the rate limit.
    RateLimited,
    /// No answer within the timeout.
    Timeout,
    /// The connection failed, or the answer was not a Bitget envelope.
    Transport,
    /// The answer's `data` did not match the response type.
    Decode,
    /// The client is misconfigured (missing credentials, bad URL, bad key).
    Config,
    /// Bitget answered `00000`, and some items of a batch or "all" answer failed
    /// ([`Error::failed_items`]); raised by an answer's `error_for_failures()`.
    ItemsFailed,
    /// A stream's connection is gone and was not restored (the streams gave up, or were
    /// closed).
    Disconnected,
    /// Bitget refused a subscription or a login on a stream (its `300xx` code:
    /// [`Error::refusal`]).
    Refused,
}

/// One item of a batch or "all" answer that failed, as Bitget reported it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FailedItem {
    /// What the item names: `orderId 123`, `clientOid grid-7`, `symbol BTCUSDT`, or its position
    /// in the request when the answer names nothing.
    pub id: String,
    /// Bitget's code for the item, when it gave one.
    pub code: Option<String>,
    /// Bitget's reason, possibly empty.
    pub message: String,
}

impl FailedItem {
    /// An item failure.
    pub fn new(id: impl Into<String>, code: Option<String>, message: impl Into<String>) -> Self {
        FailedItem {
            id: id.into(),
            code: code.filter(|c| !c.is_empty()),
            message: message.into(),
        }
    }
}

/// The error of every client operation.
///
/// Its `Display` says what went wrong and, where there is something to do, what to do. It never
/// contains the secret or the passphrase.
#[derive(Debug)]
pub struct Error {
    inner: Box<Inner>,
    /// Set when an earlier attempt of the same request may have been executed: whatever this
    /// error says, the request may have taken effect.
    earlier: Option<Box<Earlier>>,
}

/// What is known of an earlier attempt that may have been executed.
#[derive(Debug)]
struct Earlier {
    /// The client id the request carried, by which its order can be found.
    client_oid: Option<String>,
}

#[derive(Debug)]
enum Inner {
    Validation(ValidationError),
    Api(ApiError),
    RateLimited {
        api: Option<ApiError>,
        retry_after: Option<Duration>,
    },
    Timeout {
        endpoint: &'static str,
    },
    Transport {
        endpoint: &'static str,
        source: Box<dyn std::error::Error + Send + Sync>,
        status: Option<u16>,
        connect: bool,
    },
    Decode(DecodeError),
    Config(String),
    ItemsFailed {
        failed: Vec<FailedItem>,
        total: usize,
    },
    Disconnected {
        url: String,
        reason: String,
    },
    Refused(Refusal),
}

/// Bitget's refusal of a stream request: the channel, the code and its message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Refusal {
    /// What was refused: the subscription's arg (`SPOT ticker BTCUSDT`) or `login`.
    pub channel: String,
    /// Bitget's code, such as `30001` (no such channel) or `30006` (too many requests).
    pub code: String,
    /// Bitget's message.
    pub message: String,
}

impl Refusal {
    /// What the channel is called when a login was refused.
    pub const LOGIN: &'static str = "login";

    /// Why a login was refused, when it was one (`channel` is [`Refusal::LOGIN`]).
    pub fn login_problem(&self) -> Option<LoginProblem> {
        (self.channel == Self::LOGIN).then(|| LoginProblem::of(&self.code))
    }
}

/// Why Bitget refused a stream login, from its code (the `300xx` codes as ccxt and Bitget.Net
/// map them; Bitget publishes no list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoginProblem {
    /// `30011`: the API key is unknown.
    UnknownKey,
    /// `30012`: the passphrase is wrong.
    WrongPassphrase,
    /// `30013`: the timestamp is not one.
    BadTimestamp,
    /// `30014`: the timestamp is more than 30 s from Bitget's clock (sync the clock).
    ExpiredTimestamp,
    /// `30015`: the signature does not match (wrong secret).
    BadSignature,
    /// `30005` or another code: the login failed.
    Failed,
}

impl LoginProblem {
    fn of(code: &str) -> Self {
        match code {
            "30011" => LoginProblem::UnknownKey,
            "30012" => LoginProblem::WrongPassphrase,
            "30013" => LoginProblem::BadTimestamp,
            "30014" => LoginProblem::ExpiredTimestamp,
            "30015" => LoginProblem::BadSignature,
            _ => LoginProblem::Failed,
        }
    }

    /// Whether the timestamp was refused (30013, 30014): the clock is off from Bitget's.
    pub fn is_clock(self) -> bool {
        matches!(
            self,
            LoginProblem::BadTimestamp | LoginProblem::ExpiredTimestamp
        )
    }

    /// What to do about it.
    pub fn advice(self) -> &'static str {
        match self {
            LoginProblem::UnknownKey => {
                "the API key is unknown: check BITGET_API_KEY (and demo against live)"
            }
            LoginProblem::WrongPassphrase => "the passphrase is wrong: check BITGET_PASSPHRASE",
            LoginProblem::BadTimestamp | LoginProblem::ExpiredTimestamp => {
                "the timestamp is off from Bitget's clock: sync the clock (Client::sync_clock)"
            }
            LoginProblem::BadSignature => "the signature does not match: check BITGET_SECRET_KEY",
            LoginProblem::Failed => "the login failed",
        }
    }
}

/// The answer did not decode into the response type.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DecodeError {
    /// The JSON path of the field that failed, such as `data.successList[0].orderId`.
    pub path: String,
    /// What serde said.
    pub message: String,
    /// The raw body, as received.
    pub body: String,
}

impl Error {
    fn new(inner: Inner) -> Self {
        Error {
            inner: Box::new(inner),
            earlier: None,
        }
    }

    /// The same error, saying that an earlier attempt of the request may have been executed
    /// (its answer was lost), so the request may have taken effect whatever this error says;
    /// `client_oid` names the order to look up. [`is_ambiguous`](Self::is_ambiguous) is true
    /// afterwards. The client marks errors so itself; this is public for raw requests and for
    /// [`Recover`](crate::recover::Recover) implementations.
    pub fn may_have_executed(mut self, client_oid: Option<&str>) -> Self {
        let client_oid = client_oid
            .map(str::to_owned)
            .or_else(|| self.earlier.take().and_then(|e| e.client_oid));
        self.earlier = Some(Box::new(Earlier { client_oid }));
        self
    }

    /// The client id of an order that may be live although this error was answered: set when
    /// an earlier attempt of a request carrying it may have been executed.
    pub fn client_oid(&self) -> Option<&str> {
        self.earlier.as_ref()?.client_oid.as_deref()
    }
    /// An answer whose envelope said success while `failed` of its `total` items failed: what an
    /// answer's `error_for_failures()` returns.
    pub fn items_failed(failed: Vec<FailedItem>, total: usize) -> Self {
        Error::new(Inner::ItemsFailed { failed, total })
    }

    /// The items that failed, for an [`ErrorKind::ItemsFailed`] error.
    pub fn failed_items(&self) -> Option<&[FailedItem]> {
        match &*self.inner {
            Inner::ItemsFailed { failed, .. } => Some(failed),
            _ => None,
        }
    }

    /// A stream whose connection is gone: `url`, and why.
    pub fn disconnected(url: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::new(Inner::Disconnected {
            url: url.into(),
            reason: reason.into(),
        })
    }

    /// Bitget refused a stream request.
    pub fn refused(refusal: Refusal) -> Self {
        Error::new(Inner::Refused(refusal))
    }

    /// Bitget's refusal, for an [`ErrorKind::Refused`] error.
    pub fn refusal(&self) -> Option<&Refusal> {
        match &*self.inner {
            Inner::Refused(r) => Some(r),
            _ => None,
        }
    }

    /// Whether a stream's connection is gone for good.
    pub fn is_disconnected(&self) -> bool {
        matches!(&*self.inner, Inner::Disconnected { .. })
    }

    /// Whether Bitget refused a subscription or a login.
    pub fn is_refused(&self) -> bool {
        matches!(&*self.inner, Inner::Refused(_))
    }

    /// A configuration error with a message saying what to fix.
    pub fn config(message: impl Into<String>) -> Self {
        Error::new(Inner::Config(message.into()))
    }

    pub(crate) fn api(api: ApiError) -> Self {
        if api.code == ApiCode::TooManyRequests || api.http_status == 429 {
            Error::new(Inner::RateLimited {
                api: Some(api),
                retry_after: None,
            })
        } else {
            Error::new(Inner::Api(api))
        }
    }

    pub(crate) fn rate_limited() -> Self {
        Error::new(Inner::RateLimited {
            api: None,
            retry_after: None,
        })
    }

    pub(crate) fn timeout(endpoint: &'static str) -> Self {
        Error::new(Inner::Timeout { endpoint })
    }

    pub(crate) fn transport(
        endpoint: &'static str,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
        status: Option<u16>,
        connect: bool,
    ) -> Self {
        Error::new(Inner::Transport {
            endpoint,
            source: source.into(),
            status,
            connect,
        })
    }

    pub(crate) fn decode(err: DecodeError) -> Self {
        Error::new(Inner::Decode(err))
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        match &*self.inner {
            Inner::Validation(_) => ErrorKind::Validation,
            Inner::Api(_) => ErrorKind::Api,
            Inner::RateLimited { .. } => ErrorKind::RateLimited,
            Inner::Timeout { .. } => ErrorKind::Timeout,
            Inner::Transport { .. } => ErrorKind::Transport,
            Inner::Decode(_) => ErrorKind::Decode,
            Inner::Config(_) => ErrorKind::Config,
            Inner::ItemsFailed { .. } => ErrorKind::ItemsFailed,
            Inner::Disconnected { .. } => ErrorKind::Disconnected,
            Inner::Refused(_) => ErrorKind::Refused,
        }
    }

    /// The broken rules, when the request was rejected before sending.
    pub fn validation(&self) -> Option<&ValidationError> {
        match &*self.inner {
            Inner::Validation(v) => Some(v),
            _ => None,
        }
    }

    /// Whether Bitget refused a mode change because the account holds positions or open orders
    /// (see [`ApiCode::is_blocked_by_positions`]).
    pub fn is_blocked_by_positions(&self) -> bool {
        self.api_code()
            .is_some_and(ApiCode::is_blocked_by_positions)
    }

    /// Bitget's error answer, for API errors and for a 429 that came with a body.
    pub fn api_error(&self) -> Option<&ApiError> {
        match &*self.inner {
            Inner::Api(api) | Inner::RateLimited { api: Some(api), .. } => Some(api),
            _ => None,
        }
    }

    /// Bitget's error code, when Bitget answered with one.
    pub fn api_code(&self) -> Option<&ApiCode> {
        self.api_error().map(|a| &a.code)
    }

    /// The decode failure, with the JSON path and the raw body.
    pub fn decode_error(&self) -> Option<&DecodeError> {
        match &*self.inner {
            Inner::Decode(d) => Some(d),
            _ => None,
        }
    }

    /// The HTTP status of the answer, when there was one.
    pub fn http_status(&self) -> Option<u16> {
        match &*self.inner {
            Inner::Api(api) | Inner::RateLimited { api: Some(api), .. } => Some(api.http_status),
            Inner::Transport { status, .. } => *status,
            _ => None,
        }
    }

    /// Whether Bitget said the order the request named does not exist (see
    /// [`ApiCode::is_not_found`]); for a cancel, usually already cancelled or filled.
    pub fn is_not_found(&self) -> bool {
        self.api_code().is_some_and(ApiCode::is_not_found)
    }

    /// How long to wait before trying again, when the answer said so: an HTTP 429 with a
    /// `Retry-After` header in seconds (Bitget documents none; a proxy in front of it may send
    /// one). The client's retries wait at least this long.
    pub fn retry_after(&self) -> Option<Duration> {
        match &*self.inner {
            Inner::RateLimited { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// The same error, carrying the wait an HTTP 429 asked for (no effect on other errors).
    pub(crate) fn with_retry_after(mut self, after: Option<Duration>) -> Self {
        if let Inner::RateLimited { retry_after, .. } = &mut *self.inner {
            *retry_after = after;
        }
        self
    }

    /// Whether sending the same request again may succeed: rate limits, 40015, 40200, HTTP 5xx,
    /// timeouts and connection failures.
    pub fn is_retryable(&self) -> bool {
        match &*self.inner {
            Inner::RateLimited { .. } | Inner::Timeout { .. } => true,
            Inner::Api(api) => {
                matches!(api.code, ApiCode::SystemError | ApiCode::Maintenance)
                    || api.http_status >= 500
            }
            // No answer, a server error, or a 2xx whose body was cut or garbled: the outcome is
            // unknown and asking again is how to learn it. A 4xx page is not worth repeating.
            Inner::Transport {
                status, connect, ..
            } => *connect || outcome_unknown(*status, *connect),
            // A stream reconnects by itself; a refusal repeats.
            Inner::Validation(_)
            | Inner::Decode(_)
            | Inner::Config(_)
            | Inner::ItemsFailed { .. }
            | Inner::Disconnected { .. }
            | Inner::Refused(_) => false,
        }
    }

    /// Whether the request may have been executed although no usable answer came: a timeout, a
    /// dropped connection after sending, an HTTP 5xx, a cut body; or an earlier attempt of it
    /// was one of those (then even an error code does not prove it was not executed: the repeat
    /// of a placed order is refused as a duplicate). Otherwise a 429, an error code or a 4xx page
    /// proves it was not; a refused connection proves it never left.
    pub fn is_ambiguous(&self) -> bool {
        self.earlier.is_some() || self.is_unanswered()
    }

    /// Whether this error's own attempt got no usable answer (a timeout, a dropped connection
    /// after sending, an HTTP 5xx, a cut body), whatever earlier attempts did: `false` for an
    /// error code, a 429 or a 4xx page, which prove the attempt did nothing.
    pub fn is_unanswered(&self) -> bool {
        match &*self.inner {
            Inner::Timeout { .. } => true,
            Inner::Transport {
                status, connect, ..
            } => outcome_unknown(*status, *connect),
            Inner::Api(api) => api.http_status >= 500,
            _ => false,
        }
    }

    /// Whether the local clock is off from Bitget's (40004, 40008): re-sync, re-sign and retry.
    pub fn is_clock_skew(&self) -> bool {
        matches!(
            self.api_code(),
            Some(ApiCode::TimestampExpired | ApiCode::TimestampOutOfWindow)
        ) || self.login_problem().is_some_and(LoginProblem::is_clock)
    }

    /// Why a stream login was refused, for a refused login.
    pub fn login_problem(&self) -> Option<LoginProblem> {
        self.refusal().and_then(Refusal::login_problem)
    }

    /// Whether the credentials were refused (missing headers, unknown key, bad passphrase or
    /// signature, environment mismatch, account mode mismatch), over REST or at a stream's
    /// login.
    pub fn is_auth(&self) -> bool {
        self.login_problem().is_some_and(|p| !p.is_clock())
            || matches!(
                self.api_code(),
                Some(
                    ApiCode::AccessKeyMissing
                        | ApiCode::AccessSignMissing
                        | ApiCode::SignatureMissing
                        | ApiCode::PassphraseMissing
                        | ApiCode::InvalidApiKey
                        | ApiCode::ApiKeyNotFound
                        | ApiCode::SignatureMismatch
                        | ApiCode::KeyOrPassphraseIncorrect
                        | ApiCode::PermissionDenied
                        | ApiCode::IpNotWhitelisted
                        | ApiCode::EnvironmentMismatch
                        | ApiCode::ClassicKeyOnUnifiedApi
                        | ApiCode::UnifiedKeyOnClassicApi
                )
            )
    }

    /// Whether the request was rejected by validation and never sent.
    pub fn is_validation(&self) -> bool {
        self.kind() == ErrorKind::Validation
    }

    /// Whether this is a rate-limit refusal.
    pub fn is_rate_limited(&self) -> bool {
        self.kind() == ErrorKind::RateLimited
    }

    /// Whether no answer came within the timeout.
    pub fn is_timeout(&self) -> bool {
        self.kind() == ErrorKind::Timeout
    }
}

impl From<ValidationError> for Error {
    fn from(v: ValidationError) -> Self {
        Error::new(Inner::Validation(v))
    }
}

impl fmt::Display for Error {
    /// One line that says what went wrong, the causes included, and what to do. The causes are
    /// part of this text rather than [`source`](std::error::Error::source), so an error-chain
    /// printer shows each of them once.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.fmt_inner(f)?;
        match &self.earlier {
            None => Ok(()),
            Some(earlier) => {
                f.write_str("; an earlier attempt whose answer was lost may have been executed")?;
                match &earlier.client_oid {
                    Some(id) => write!(
                        f,
                        ": the order may be live, look it up by clientOid `{id}` before placing it again"
                    ),
                    None => f.write_str(": check the exchange's state before repeating it"),
                }
            }
        }
    }
}

impl Error {
    fn fmt_inner(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.inner {
            Inner::Validation(v) => write!(f, "{v} (nothing was sent)"),
            Inner::Api(api) => {
                write!(f, "Bitget error {} (HTTP {})", api.code, api.http_status)?;
                if !api.message.is_empty() {
                    write!(f, ": {}", api.message)?;
                }
                if let Some(hint) = api.code.hint() {
                    write!(f, "; {hint}")?;
                }
                Ok(())
            }
            Inner::RateLimited { api, retry_after } => {
                f.write_str("rate limited")?;
                if let Some(api) = api {
                    write!(
                        f,
                        " by Bitget (code {}, HTTP {})",
                        api.code, api.http_status
                    )?;
                }
                if let Some(after) = retry_after {
                    write!(f, ", retry after {after:?}")?;
                }
                f.write_str("; slow down or lower the endpoint's rate")
            }
            Inner::Timeout { endpoint } => {
                write!(
                    f,
                    "{endpoint}: no answer within the timeout; the request may or may not have been executed"
                )
            }
            Inner::Transport {
                endpoint,
                source,
                status: Some(status),
                ..
            } => {
                write!(
                    f,
                    "{endpoint}: HTTP {status} with a body that is not a Bitget answer ({source})"
                )?;
                if outcome_unknown(Some(*status), false) {
                    f.write_str("; the request may or may not have been executed")?;
                }
                Ok(())
            }
            Inner::Transport {
                endpoint,
                source,
                status: None,
                connect: true,
            } => write!(
                f,
                "{endpoint}: could not connect, so the request was not sent ({})",
                Causes(&**source)
            ),
            Inner::Transport {
                endpoint,
                source,
                status: None,
                connect: false,
            } => write!(
                f,
                "{endpoint}: the connection failed after the request was sent; the request may or may not have been executed ({})",
                Causes(&**source)
            ),
            Inner::Decode(d) => write!(
                f,
                "the answer did not match the response type at `{}`: {} (the raw body is kept in the error)",
                d.path, d.message
            ),
            Inner::Config(msg) => write!(f, "client configuration: {msg}"),
            Inner::Disconnected { url, reason } => {
                write!(f, "stream {url}: disconnected ({reason})")
            }
            Inner::Refused(r) => {
                write!(f, "Bitget refused {} on the stream: {}", r.channel, r.code)?;
                if !r.message.is_empty() {
                    write!(f, " ({})", r.message)?;
                }
                if let Some(problem) = r.login_problem() {
                    write!(f, ": {}", problem.advice())?;
                }
                Ok(())
            }
            Inner::ItemsFailed { failed, total } => {
                write!(
                    f,
                    "{} of {total} items failed although Bitget answered success:",
                    failed.len()
                )?;
                for (i, item) in failed.iter().enumerate() {
                    let sep = if i == 0 { " " } else { "; " };
                    write!(f, "{sep}{}", item.id)?;
                    match (&item.code, item.message.is_empty()) {
                        (Some(code), false) => write!(f, " ({code}: {})", item.message)?,
                        (Some(code), true) => write!(f, " ({code})")?,
                        (None, false) => write!(f, " ({})", item.message)?,
                        (None, true) => f.write_str(" (no reason given)")?,
                    }
                }
                Ok(())
            }
        }
    }
}

/// Whether a transport failure leaves the request's outcome unknown: no answer after the request
/// left (`connect` false), or an HTTP 5xx or 2xx whose body is not an envelope. A 4xx page is a
/// refusal in front of the exchange; a refused connection never sent anything.
fn outcome_unknown(status: Option<u16>, connect: bool) -> bool {
    match status {
        Some(s) => s >= 500 || (200..300).contains(&s),
        None => !connect,
    }
}

/// An error and its sources as one text, each distinct message once: reqwest's own text names the
/// URL, its sources say what happened ("connection refused").
struct Causes<'a>(&'a (dyn std::error::Error + 'static));

impl fmt::Display for Causes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut last = String::new();
        let mut next: Option<&(dyn std::error::Error + 'static)> = Some(self.0);
        let mut first = true;
        while let Some(e) = next {
            let text = e.to_string();
            // Layers often repeat their inner error's text; say it once.
            if !text.is_empty() && !last.contains(&text) {
                if !first {
                    f.write_str(": ")?;
                }
                f.write_str(&text)?;
                first = false;
            }
            last = text;
            next = e.source();
        }
        Ok(())
    }
}

/// The causes are written into [`Error`]'s `Display`; `source()` is `None` so that chain
/// printers do not repeat them. The broken rules are at [`Error::validation`].
impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(code: &str, status: u16) -> Error {
        Error::api(ApiError {
            code: ApiCode::from_code(code),
            message: "m".into(),
            http_status: status,
            request_time: Some(1),
        })
    }

    #[test]
    fn codes_round_trip_and_unknown_is_kept() {
        for code in ["40001", "40009", "40085", "43025", "429"] {
            assert_eq!(ApiCode::from_code(code).as_str(), code);
            assert!(
                !matches!(ApiCode::from_code(code), ApiCode::Other(_)),
                "{code} has a name"
            );
        }
        assert_eq!(ApiCode::from_code("49999"), ApiCode::Other("49999".into()));
        assert_eq!(ApiCode::from_code("49999").as_str(), "49999");
    }

    #[test]
    fn classification() {
        assert!(api("40015", 200).is_retryable());
        assert!(api("40200", 400).is_retryable());
        assert!(api("49999", 502).is_retryable());
        assert!(!api("40009", 400).is_retryable());
        assert!(api("40009", 400).is_auth());
        assert!(api("40008", 400).is_clock_skew());
        assert!(api("40004", 400).is_clock_skew());
        assert!(!api("40005", 400).is_clock_skew());
        let limited = api("429", 429);
        assert!(limited.is_rate_limited() && limited.is_retryable());
        assert_eq!(limited.api_code(), Some(&ApiCode::TooManyRequests));
        assert!(Error::timeout("POST /x").is_retryable());
        assert!(!Error::config("x").is_retryable());
    }

    #[test]
    fn failed_items_are_each_named() {
        let e = Error::items_failed(
            vec![
                FailedItem::new("orderId 1", Some("40768".into()), "Order does not exist"),
                FailedItem::new("symbol BTCUSDT", None, ""),
            ],
            3,
        );
        assert_eq!(e.kind(), ErrorKind::ItemsFailed);
        assert_eq!(e.failed_items().map(<[_]>::len), Some(2));
        assert!(!e.is_retryable() && !e.is_ambiguous());
        assert_eq!(
            e.to_string(),
            "2 of 3 items failed although Bitget answered success: orderId 1 (40768: Order does not exist); symbol BTCUSDT (no reason given)"
        );
    }

    #[test]
    fn display_says_what_to_do() {
        let s = api("40009", 400).to_string();
        assert!(s.contains("40009") && s.contains("signed body"), "{s}");
        let s = api("40085", 400).to_string();
        assert!(s.contains("Unified-account key"), "{s}");
        let s = api("40099", 400).to_string();
        assert!(s.contains("demo"), "{s}");
    }
}
