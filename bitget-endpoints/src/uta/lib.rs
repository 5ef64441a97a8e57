//! Bitget's v3 Unified-account endpoints (`/api/v3/...`), declared: read them as
//! `bitget_endpoints::uta`, where the facade crate re-exports this one and documents it.

pub mod account;
pub mod market;
pub mod position;
pub mod trade;
mod types;
#[cfg(feature = "streams")]
pub mod ws;

// The shared modules, under the paths the declarations name (`crate::common::BatchOutcome`).
use bitget_endpoints_common::common;
#[cfg(feature = "streams")]
use bitget_endpoints_common::feed;

/// The position mode as answers name it (shared with the intent constructors' `PositionMode`).
pub use bitget_endpoints_common::HoldMode;
pub use types::{
    AccountType, CandleType, Category, Interval, MarginMode, MarginOperation, OrderStatus,
    OrderType, PosSide, RecordCategory, Side, StpMode, StrategyType, TimeInForce, TpslMode,
    TriggerBy, YesNo,
};

/// The two account families, each with its own API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccountFamily {
    /// A Classic account: the v2 endpoints (`mix`, `spot`).
    Classic,
    /// A Unified Trading Account: the v3 endpoints (this module).
    Unified,
}

/// Which family the client's key belongs to, asked of the exchange: a Unified key reads
/// `GET /api/v3/account/settings`, a Classic key is refused there with 40084. Other errors
/// (network, authentication) are returned as they are.
///
/// ```no_run
/// # async fn run(client: &bitget_endpoints::Client) -> Result<(), bitget_endpoints::Error> {
/// use bitget_endpoints::uta::{AccountFamily, account_family};
/// match account_family(client).await? {
///     AccountFamily::Unified => { /* bitget_endpoints::uta::... */ }
///     AccountFamily::Classic => { /* bitget_endpoints::mix::..., spot::... */ }
/// }
/// # Ok(()) }
/// ```
pub async fn account_family(
    client: &bitget_core::Client,
) -> Result<AccountFamily, bitget_core::Error> {
    match client.send(&account::Settings {}).await {
        Ok(_) => Ok(AccountFamily::Unified),
        Err(e) if e.api_code() == Some(&bitget_core::ApiCode::ClassicKeyOnUnifiedApi) => {
            Ok(AccountFamily::Classic)
        }
        Err(e) => Err(e),
    }
}
