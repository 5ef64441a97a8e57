//! The v3 API of Unified Trading Accounts (`/api/v3/...`): market data, orders, strategy
//! orders, positions, account. Every new Bitget account is Unified, and a Unified key is refused
//! by the v2 endpoints (40085); a Classic key is refused here (40084).
//!
//! One path serves every product line: `category` (an enum) says which. Batches are JSON arrays
//! of at most 20 orders of one category, answered item by item. Paged lists use `cursor`.

pub mod account;
pub mod market;
pub mod position;
pub mod trade;
mod types;
#[cfg(feature = "streams")]
pub mod ws;

// The shared modules, under the paths the declarations name (`crate::common::item_name`).
use bitget_endpoints_common::common;
#[cfg(feature = "streams")]
use bitget_endpoints_common::feed;

pub use types::{
    AccountType, CandleType, Category, HoldMode, Interval, MarginMode, MarginOperation,
    OrderStatus, OrderType, PosSide, RecordCategory, Side, StpMode, StrategyType, TimeInForce,
    TpslMode, TriggerBy, YesNo,
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
