//! `/api/v2/spot/account/...`: the spot account's balances.

use bitget_core::Decimal;
use bitget_macros::{bitget_endpoint, bitget_response};

bitget_core::wire_enum! {
    /// Which balances assets lists.
    pub enum AssetType {
        /// Coins with a balance (the default).
        HoldOnly = "hold_only",
        /// Every coin.
        All = "all",
    }
}

/// The spot account's balances, per coin.
///
/// Doc: spot/account/Get-Account-Assets. Rate 10/s per UID. Without `coin`, the coins with a
/// balance (`assetType=hold_only`, the default).
#[bitget_endpoint(GET, "/api/v2/spot/account/assets", rate = 10, response = Vec<SpotAsset>)]
pub struct Assets {
    /// One coin.
    pub coin: Option<String>,
    /// `hold_only` (the default) or `all`.
    pub asset_type: Option<AssetType>,
}

/// One coin's spot balance.
#[bitget_response]
pub struct SpotAsset {
    /// Coin.
    pub coin: String,
    /// Available.
    pub available: Decimal,
    /// Held by open orders.
    pub frozen: Option<Decimal>,
    /// Locked (fiat merchants, ...).
    pub locked: Option<Decimal>,
    /// Restricted availability (spot copy trading).
    pub limit_available: Option<Decimal>,
    /// Updated, Unix ms.
    #[bitget(timestamp, rename = "uTime")]
    pub u_time: Option<i64>,
}
