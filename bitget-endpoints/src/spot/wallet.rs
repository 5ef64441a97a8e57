//! `/api/v2/spot/wallet/...`: moving funds between the account's spot, futures, margin and
//! P2P balances.

use bitget_core::Decimal;
use bitget_macros::{bitget_endpoint, bitget_response};

bitget_core::wire_enum! {
    /// One of the account's balances. An older page spelt them `coin_m_futures`,
    /// `usdt_m_futures`, `usdc_m_futures`, `cross_margin`: the current spellings are sent.
    pub enum AccountType {
        /// Spot.
        Spot = "spot",
        /// P2P (funding).
        P2p = "p2p",
        /// Coin-margined futures.
        CoinFutures = "coin_futures",
        /// USDT-margined futures.
        UsdtFutures = "usdt_futures",
        /// USDC-margined futures.
        UsdcFutures = "usdc_futures",
        /// Cross margin.
        CrossedMargin = "crossed_margin",
        /// Isolated margin (`symbol` names the pair).
        IsolatedMargin = "isolated_margin",
    }
}

/// Move `amount` of `coin` from one of the account's balances to another.
///
/// Doc: spot/account/Wallet-Transfer. Rate 10/s per UID. The English table marks `symbol`
/// required, its text and the Chinese page only when either side is `isolated_margin`: required
/// then, and sent when given otherwise. A `clientOid` is idempotent (a repeat answers the first
/// transfer), so the call is repeated after a lost answer only with one.
///
/// ```
/// use bitget_endpoints::spot::wallet::{AccountType, Transfer};
/// let request = Transfer::builder()
///     .from_type(AccountType::Spot)
///     .to_type(AccountType::UsdtFutures)
///     .amount("300")
///     .coin("USDT")
///     .client_oid("fund-futures-1")
///     .build()?;
/// # Ok::<(), bitget_endpoints::ValidationError>(())
/// ```
#[bitget_endpoint(POST, "/api/v2/spot/wallet/transfer", rate = 10, response = TransferAck, retry_safe_with(client_oid))]
#[bitget(check = sides_differ)]
pub struct Transfer {
    /// The balance the coin leaves.
    #[bitget(required)]
    pub from_type: AccountType,
    /// The balance it arrives in.
    #[bitget(required)]
    pub to_type: AccountType,
    /// Amount.
    #[bitget(required, gt = 0)]
    pub amount: Decimal,
    /// Coin, e.g. USDT.
    #[bitget(required)]
    pub coin: String,
    /// The isolated-margin pair; required when either side is `isolated_margin`.
    #[bitget(required_if(from_type = AccountType::IsolatedMargin), required_if(to_type = AccountType::IsolatedMargin))]
    pub symbol: Option<String>,
    /// Client ID: a repeat answers the transfer already made under it.
    pub client_oid: Option<String>,
}

fn sides_differ(t: &Transfer) -> Result<(), String> {
    if t.from_type == t.to_type && t.from_type != AccountType::IsolatedMargin {
        return Err("fromType and toType are the same balance".into());
    }
    Ok(())
}

/// The answer of a transfer.
#[bitget_response]
pub struct TransferAck {
    /// Transfer ID.
    pub transfer_id: String,
    /// Client ID.
    pub client_oid: Option<String>,
}
