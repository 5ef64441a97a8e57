//! Bitget REST endpoints (v2 for Classic accounts: `spot`, `mix`; v3 for Unified ones: `uta`), declared with `#[bitget_endpoint]`: typed, validated before anything
//! is sent, documented. Module paths mirror REST paths: `/api/v2/spot/trade/cancel-order` is
//! [`spot::trade::CancelOrder`], `/api/v2/mix/order/batch-cancel-orders` is
//! [`mix::order::BatchCancelOrders`].
//!
//! ```no_run
//! use bitget_endpoints::{Client, mix::{order::BatchCancelOrders, OrderIdItem, ProductType}};
//! # async fn run() -> Result<(), bitget_endpoints::Error> {
//! let client = Client::from_env()?;
//! let result = BatchCancelOrders::builder()
//!     .order_id_list([OrderIdItem::by_order_id("121211212122")])
//!     .symbol("BTCUSDT")
//!     .product_type(ProductType::UsdtFutures)
//!     .build()?
//!     .send(&client)
//!     .await?;
//! for failed in result.failures() {
//!     eprintln!("not cancelled: {:?} ({:?})", failed.order_id, failed.error_msg);
//! }
//! # Ok(()) }
//! ```
//!
//! # The rule vocabulary
//! On a field, `#[bitget(...)]`: `required`, `required_or(method)` (an `Option` the builder still
//! demands, left out only through the named method), `required_if(field = Enum::Value)`,
//! `required_unless(field = Enum::Value)`, `absent_if(field = Enum::Value)`, `requires(field, ...)`,
//! `min = N`, `max = N`, `allow = N`, `gt = N` (numbers), `max_items = N` (or a constant: `max_items = BATCH_LIMIT`), `min_items = N`, `non_empty`,
//! `max_len = N`, `uppercase`, `no_mix(item_field, ...)`, `item_required_if(item_field, field =
//! Enum::Value)`, `check = path::to::fn`, `rename = "wireName"`, `json_number`, `body` (a v3 batch's bare-array
//! body). On the struct:
//! `at_least_one_of(a, b)`, `exactly_one_of(a, b)`, `together(a, b)`, `window(start, end, max_days =
//! N)`, `check = path::to::fn`. Conditions name the enum's value, so a misspelt value does not
//! compile.

#[cfg(any(feature = "mix", feature = "spot", feature = "uta"))]
pub mod bulk;
#[cfg(feature = "dynamic")]
pub mod dynamic;
// An instrument's rules come from a family's instrument list: nothing to read without one.
#[cfg(any(feature = "mix", feature = "spot", feature = "uta"))]
pub mod instrument;
pub mod inventory;
#[cfg(any(feature = "mix", feature = "uta"))]
pub mod setup;
#[cfg(any(feature = "mix", feature = "uta"))]
pub mod stop;

// The families and what they share are crates of their own (`src/spot`, `src/mix`, `src/uta`,
// and `common/`), so that a build compiles them side by side; here they are under the paths a
// user reads (`bitget_endpoints::spot::trade::PlaceOrder`).
#[cfg(any(feature = "mix", feature = "spot", feature = "uta"))]
#[doc(inline)]
pub use bitget_endpoints_common::BatchOutcome;
#[cfg(any(feature = "mix", feature = "uta"))]
#[doc(inline)]
pub use bitget_endpoints_common::PositionMode;
#[cfg(any(feature = "mix", feature = "spot", feature = "uta"))]
#[doc(inline)]
pub use bitget_endpoints_common::common;
#[cfg(feature = "streams")]
#[doc(inline)]
pub use bitget_endpoints_common::feed;
/// Futures (`/api/v2/mix/...`): market data, orders (normal, trigger, TP/SL), positions and the
/// futures account.
#[cfg(feature = "mix")]
pub mod mix {
    #[doc(inline)]
    pub use bitget_endpoints_mix::*;
}
/// Spot (`/api/v2/spot/...`): `trade` (placing, reading and cancelling orders, fills),
/// `account` (balances), `market` (tickers) and `public` (the pairs and their trading rules).
#[cfg(feature = "spot")]
pub mod spot {
    #[doc(inline)]
    pub use bitget_endpoints_spot::*;
}
/// The stream runtime (feature `streams`): connections, subscriptions, local order books.
#[cfg(feature = "streams")]
pub use bitget_core::stream;
/// The v3 API of Unified Trading Accounts (`/api/v3/...`): market data, orders, strategy
/// orders, positions, account. Every new Bitget account is Unified, and a Unified key is refused
/// by the v2 endpoints (40085); a Classic key is refused here (40084).
///
/// One path serves every product line: `category` (an enum) says which. Batches are JSON arrays
/// of at most 20 orders of one category, answered item by item. Paged lists use `cursor`.
#[cfg(feature = "uta")]
pub mod uta {
    #[doc(inline)]
    pub use bitget_endpoints_uta::*;
}

// Everything the signatures here mention is reachable from this crate, so a user needs one
// dependency.
pub use bitget_core::RawRequest;
pub use bitget_core::clock::{Clock, FixedClock, ManualClock, SystemClock};
pub use bitget_core::paging::{Page, Paged, Pages};
pub use bitget_core::public::ServerTime;
pub use bitget_core::quotes::PriceLevel;
pub use bitget_core::wire::UnknownValue;
pub use bitget_core::{
    ApiCode, ApiError, Client, ClientBuilder, Credentials, DEFAULT_BASE_URL, Decimal, DecodeError,
    DryRun, Encoding, Endpoint, Error, ErrorKind, FailedItem, Method, RateLimit, RateLimits,
    RateScope, RetryPolicy, RuleKind, Secret, Sent, ValidationError, Violation,
};
/// The runtime's modules a user may reach into: builder states, clocks, signing, wire helpers,
/// paging, raw requests (with JSON: `raw::{json, Value}`), the recovery of lost answers.
pub use bitget_core::{builder, clock, paging, quotes, raw, recover, sign, wire};

/// The README's `rust,no_run` examples compile as doctests, so the README cannot drift from the
/// library.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeExamples;
