//! `/api/v2/spot/account/...`: the account's details, the spot balances and their ledger.

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

/// The account behind the API key: its UID, permissions and bound IPs (a key self-check).
///
/// Doc: spot/account/Get-Account-Info. Rate 1/s per UID. No parameters.
#[bitget_endpoint(GET, "/api/v2/spot/account/info", rate = 1, response = AccountInfo)]
pub struct Info {}

/// The account behind an API key.
#[bitget_response]
pub struct AccountInfo {
    /// UID.
    pub user_id: String,
    /// The inviter's UID.
    pub inviter_id: Option<String>,
    /// The IPs the key is bound to (comma separated).
    pub ips: Option<String>,
    /// The key's permissions (`trade`, `readonly`, or codes such as `stow`: spot trade
    /// read/write).
    pub authorities: Vec<String>,
    /// The main account's UID, for a sub-account (a number in the example, text in older
    /// pages: both read).
    pub parent_id: Option<u64>,
    /// `trader` (a copy-trading lead) or `not_trader`.
    pub trader_type: Option<String>,
    /// Affiliate referral code.
    pub channel_code: Option<String>,
    /// Affiliate.
    pub channel: Option<String>,
    /// Registered, Unix ms.
    #[bitget(timestamp)]
    pub regis_time: Option<i64>,
}

bitget_core::wire_enum! {
    /// What a spot ledger entry belongs to. `fait` is the page's spelling of fiat.
    pub enum BillGroup {
        /// Deposits.
        Deposit = "deposit",
        /// Withdrawals.
        Withdraw = "withdraw",
        /// Trades.
        Transaction = "transaction",
        /// Transfers between accounts.
        Transfer = "transfer",
        /// Pledge loans.
        Loan = "loan",
        /// Wealth management.
        Financial = "financial",
        /// Fiat.
        Fiat = "fait",
        /// Conversions.
        Convert = "convert",
        /// C2C.
        C2c = "c2c",
        /// Pre-C2C.
        PreC2c = "pre_c2c",
        /// On chain.
        OnChain = "on_chain",
        /// Strategies (bots).
        Strategy = "strategy",
        /// Anything else.
        Other = "other",
    }
}

/// The spot ledger, newest first, paged by `idLessThan` (the last entry's `billId`).
///
/// Doc: spot/account/Get-Account-Bills. Rate 10/s per UID. `startTime`..`endTime` spans at most
/// 90 days. `businessType` changed spelling between revisions (`transfer-in`, then
/// `TRANSFER_IN`), so it stays open text, sent as given and answered as Bitget writes it.
#[bitget_endpoint(GET, "/api/v2/spot/account/bills", rate = 10, response = Vec<SpotBill>, page(cursor = id_less_than, size = limit, max = 500))]
#[bitget(window(start_time, end_time, max_days = 90))]
pub struct Bills {
    /// One coin.
    pub coin: Option<String>,
    /// One group of entries.
    pub group_type: Option<BillGroup>,
    /// One business type (`TRANSFER_IN`, `DEDUCTION_HANDLING_FEE`, ...; older servers write
    /// `transfer-in`).
    pub business_type: Option<String>,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms (span at most 90 days).
    pub end_time: Option<u64>,
    /// Entries per page, 1 to 500 (100 when absent).
    #[bitget(min = 1, max = 500)]
    pub limit: Option<u32>,
    /// Entries older than this `billId`.
    pub id_less_than: Option<String>,
}

/// A spot ledger entry.
#[bitget_response]
pub struct SpotBill {
    /// Created, Unix ms (the example writes seconds: read as ms).
    #[bitget(timestamp, rename = "cTime")]
    pub c_time: Option<i64>,
    /// Coin (the example writes it in lower case).
    pub coin: String,
    /// Group.
    pub group_type: Option<BillGroup>,
    /// Business type, as Bitget writes it.
    pub business_type: Option<String>,
    /// Amount.
    pub size: Decimal,
    /// Balance after.
    pub balance: Option<Decimal>,
    /// Fees.
    pub fees: Option<Decimal>,
    /// Entry ID (the next page's cursor, on the last entry).
    #[bitget(cursor)]
    pub bill_id: String,
}
