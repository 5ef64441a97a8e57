//! `/api/v3/account/...`: assets, settings, leverage, position mode, margin, fees, the ledger,
//! transfers.

use bitget_core::Decimal;
use bitget_macros::{bitget_endpoint, bitget_response};

use super::types::futures_only;
use super::{
    AccountType, Category, HoldMode, MarginMode, MarginOperation, OrderType, PosSide,
    RecordCategory, Side, StpMode,
};

/// The unified account's equity and each coin's balance (no parameters).
///
/// Doc: uta/account/Get-Account. Rate 20/s per UID.
#[bitget_endpoint(GET, "/api/v3/account/assets", rate = 20, response = AccountAssets)]
pub struct Assets {}

/// The unified account's equity and balances.
#[bitget_response]
pub struct AccountAssets {
    /// Equity, USD.
    pub account_equity: Decimal,
    /// Equity, USDT.
    pub usdt_equity: Option<Decimal>,
    /// Equity, BTC.
    pub btc_equity: Option<Decimal>,
    /// Unrealised profit.
    pub unrealised_pnl: Option<Decimal>,
    /// Unrealised profit, USDT.
    pub usdt_unrealised_pnl: Option<Decimal>,
    /// Unrealised profit, BTC (the page spells it `Unrealized`).
    pub btc_unrealized_pnl: Option<Decimal>,
    /// Effective equity (for margin).
    pub eff_equity: Option<Decimal>,
    /// Maintenance margin.
    pub mmr: Option<Decimal>,
    /// Initial margin.
    pub imr: Option<Decimal>,
    /// Margin ratio.
    pub mgn_ratio: Option<Decimal>,
    /// Position margin ratio.
    pub position_mgn_ratio: Option<Decimal>,
    /// Each coin.
    pub assets: Vec<CoinAsset>,
}

/// A coin of the unified account.
#[bitget_response]
pub struct CoinAsset {
    /// Coin.
    pub coin: String,
    /// Equity.
    pub equity: Option<Decimal>,
    /// Value, USD.
    pub usd_value: Option<Decimal>,
    /// Balance.
    pub balance: Decimal,
    /// Available.
    pub available: Decimal,
    /// Borrowed.
    pub debt: Option<Decimal>,
    /// Locked.
    pub locked: Option<Decimal>,
}

/// The account's identity and key permissions (no parameters).
///
/// Doc: uta/account/Get-Account-Info. Rate 5/s per UID. One revision names the first field
/// `userId`, another `uid`: both read.
#[bitget_endpoint(GET, "/api/v3/account/info", rate = 5, response = AccountInfo)]
pub struct Info {}

/// The account's identity.
#[bitget_response]
pub struct AccountInfo {
    /// User ID.
    #[bitget(alias = "uid")]
    pub user_id: String,
    /// Inviter.
    pub inviter_id: Option<String>,
    /// Parent account (sub-accounts).
    pub parent_id: Option<String>,
    /// Channel code.
    pub channel_code: Option<String>,
    /// Channel.
    pub channel: Option<String>,
    /// IP whitelist.
    pub ips: Option<String>,
    /// Key type.
    pub perm_type: Option<String>,
    /// Key permissions.
    pub permissions: Vec<String>,
    /// Registered, Unix ms.
    #[bitget(timestamp)]
    pub regis_time: Option<i64>,
}

/// The account's mode and settings (no parameters): `accountMode` tells a Unified account
/// (`unified`, `hybrid`) from one being switched.
///
/// Doc: uta/account/Get-Account-Setting (whose title repeats "Get Account Info"). Rate 20/s.
#[bitget_endpoint(GET, "/api/v3/account/settings", rate = 20, response = AccountSettings)]
pub struct Settings {}

/// The account's settings.
#[bitget_response]
pub struct AccountSettings {
    /// User ID.
    pub uid: Option<String>,
    /// `unified`, `hybrid`, `upgrading` or `switching`.
    pub account_mode: String,
    /// Account level.
    pub account_level: Option<String>,
    /// Asset mode (`multi_assets` in the example; an open set).
    pub asset_mode: Option<String>,
    /// Position mode.
    pub hold_mode: Option<HoldMode>,
    /// Self-trade prevention.
    pub stp_mode: Option<StpMode>,
    /// Per-symbol margin mode and leverage.
    pub symbol_config_list: Vec<SymbolConfig>,
    /// Per-coin leverage (margin).
    pub coin_config_list: Vec<CoinConfig>,
}

/// A symbol's margin mode and leverage.
#[bitget_response]
pub struct SymbolConfig {
    /// Product line.
    pub category: Option<Category>,
    /// Symbol.
    pub symbol: String,
    /// Margin mode.
    pub margin_mode: Option<MarginMode>,
    /// Leverage.
    pub leverage: Option<Decimal>,
}

/// A coin's margin leverage.
#[bitget_response]
pub struct CoinConfig {
    /// Coin.
    pub coin: String,
    /// Leverage.
    pub leverage: Option<Decimal>,
}

/// Set leverage: of a futures symbol (with `symbol`) or a margin coin (with `coin`).
///
/// Doc: uta/account/Change-Leverage. Rate 10/s per UID. `leverage` is required even when both
/// side values are sent (which override it, isolated hedge mode). Bitget answers `"success"`.
#[bitget_endpoint(POST, "/api/v3/account/set-leverage", rate = 10, response = String)]
#[bitget(check = leverage_target)]
pub struct SetLeverage {
    /// `MARGIN` or a futures line (not `SPOT`).
    #[bitget(required)]
    pub category: Category,
    /// Symbol (futures).
    pub symbol: Option<String>,
    /// Leverage.
    #[bitget(required, min = 1)]
    pub leverage: Decimal,
    /// Coin (margin).
    pub coin: Option<String>,
    /// Side (isolated margin).
    pub pos_side: Option<PosSide>,
    /// Margin mode (`crossed` when absent).
    pub margin_mode: Option<MarginMode>,
    /// Long leverage (isolated hedge).
    #[bitget(min = 1)]
    pub long_leverage: Option<Decimal>,
    /// Short leverage (isolated hedge).
    #[bitget(min = 1)]
    pub short_leverage: Option<Decimal>,
}

fn leverage_target(r: &SetLeverage) -> Result<(), String> {
    match &r.category {
        Category::Spot => Err("leverage is set for MARGIN or a futures line, not SPOT".into()),
        Category::Margin if r.coin.is_none() => Err("margin leverage needs `coin`".into()),
        c if c.is_futures() && r.symbol.is_none() => Err("futures leverage needs `symbol`".into()),
        _ => Ok(()),
    }
}

/// Switch the account between one-way and hedge mode; fails while it holds a position or an
/// open order. Bitget answers `"success"`.
///
/// Doc: uta/account/Change-Position-Mode. Rate 10/s per UID.
#[bitget_endpoint(POST, "/api/v3/account/set-hold-mode", rate = 10, response = String)]
pub struct SetHoldMode {
    /// The new mode.
    #[bitget(required)]
    pub hold_mode: HoldMode,
}

/// Add or remove isolated margin. Bitget answers `"success"`.
///
/// Doc: uta/account/Set-Margin. Rate 10/s per UID.
#[bitget_endpoint(POST, "/api/v3/account/set-margin", rate = 10, response = String)]
pub struct SetMargin {
    /// Futures line.
    #[bitget(required, check = futures_only)]
    pub category: Category,
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Side.
    #[bitget(required)]
    pub pos_side: PosSide,
    /// Add or remove.
    #[bitget(required)]
    pub operation: MarginOperation,
    /// Amount, in the margin coin.
    #[bitget(required, gt = 0)]
    pub amount: Decimal,
}

/// The account's fee rates on a symbol.
///
/// Doc: uta/account/Get-Account-Fee-Rate. Rate 3/s per UID.
#[bitget_endpoint(GET, "/api/v3/account/fee-rate", rate = 3, response = FeeRates)]
pub struct FeeRate {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product line.
    #[bitget(required)]
    pub category: Category,
}

/// Fee rates.
#[bitget_response]
pub struct FeeRates {
    /// Maker.
    pub maker_fee_rate: Decimal,
    /// Taker.
    pub taker_fee_rate: Decimal,
}

/// The ledger of the last 90 days, newest first, paged by `cursor`; a query spans at most 30
/// days.
///
/// Doc: uta/account/Get-Financial-Records. Rate 20/s per UID.
#[bitget_endpoint(GET, "/api/v3/account/financial-records", rate = 20, response = RecordsPage, page(cursor = cursor, size = limit, max = 100))]
#[bitget(window(start_time, end_time, max_days = 30))]
pub struct FinancialRecords {
    /// Product line, or `OTHER`.
    #[bitget(required)]
    pub category: RecordCategory,
    /// Coin.
    pub coin: Option<String>,
    /// Record type (`TRANSFER_IN`, `TRANSFER_OUT`, ...: an open set).
    pub r#type: Option<String>,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms.
    pub end_time: Option<u64>,
    /// Rows per page, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
    /// The previous page's cursor.
    pub cursor: Option<String>,
}

/// A page of the ledger.
#[bitget_response]
pub struct RecordsPage {
    /// The records.
    #[bitget(items)]
    pub list: Vec<Record>,
    /// The next page's cursor.
    #[bitget(cursor)]
    pub cursor: Option<String>,
}

/// A ledger record.
#[bitget_response]
pub struct Record {
    /// Product line.
    pub category: Option<RecordCategory>,
    /// Record ID.
    pub id: String,
    /// Symbol.
    pub symbol: Option<String>,
    /// Coin.
    pub coin: String,
    /// Type.
    pub r#type: Option<String>,
    /// Amount.
    pub amount: Decimal,
    /// Fee (negative: paid).
    pub fee: Option<Decimal>,
    /// Balance after.
    pub balance: Option<Decimal>,
    /// Time, Unix ms.
    #[bitget(timestamp)]
    pub ts: i64,
}

/// The funding account's coins.
///
/// Doc: uta/account/Get-Account-Funding-Assets. Rate 20/s per UID.
#[bitget_endpoint(GET, "/api/v3/account/funding-assets", rate = 20, response = Vec<FundingAsset>)]
pub struct FundingAssets {
    /// One coin (case-sensitive for pre-IPO tokens).
    pub coin: Option<String>,
}

/// A coin of the funding account.
#[bitget_response]
pub struct FundingAsset {
    /// Coin.
    pub coin: String,
    /// Balance.
    pub balance: Decimal,
    /// Available.
    pub available: Option<Decimal>,
    /// Frozen.
    pub frozen: Option<Decimal>,
}

/// Move a coin between accounts (the unified account, spot, P2P, Classic futures and margin).
///
/// Doc: uta/account/Transfer (bitget.cloud mirror). Rate 5/s per UID. The page has no
/// `clientOid`: a transfer is not safe to repeat, and is not retried on an unknown outcome.
#[bitget_endpoint(POST, "/api/v3/account/transfer", rate = 5, response = TransferAck)]
#[bitget(check = two_accounts)]
pub struct Transfer {
    /// From.
    #[bitget(required)]
    pub from_type: AccountType,
    /// To.
    #[bitget(required)]
    pub to_type: AccountType,
    /// Amount.
    #[bitget(required, gt = 0)]
    pub amount: Decimal,
    /// Coin.
    #[bitget(required)]
    pub coin: String,
    /// Symbol (isolated margin).
    pub symbol: Option<String>,
}

fn two_accounts(r: &Transfer) -> Result<(), String> {
    if r.from_type == r.to_type {
        return Err("fromType and toType are the same account".into());
    }
    let isolated = [&r.from_type, &r.to_type].contains(&&AccountType::IsolatedMargin);
    if isolated && r.symbol.is_none() {
        return Err("a transfer with isolated_margin names its `symbol` (e.g. BTCUSDT)".into());
    }
    Ok(())
}

/// A transfer's id.
#[bitget_response]
pub struct TransferAck {
    /// Transfer ID.
    pub transfer_id: String,
}

/// What the account can open at most on a symbol.
///
/// Doc: uta/trade/Get-Max-Open-Available (path under `/account/`; an older example calls
/// `/trade/`). Rate 5/s per UID.
#[bitget_endpoint(POST, "/api/v3/account/max-open-available", rate = 5, response = MaxOpenAvailableData, retry_safe)]
pub struct MaxOpenAvailable {
    /// Product line.
    #[bitget(required)]
    pub category: Category,
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Order type.
    #[bitget(required)]
    pub order_type: OrderType,
    /// Direction.
    #[bitget(required)]
    pub side: Side,
    /// Price; required for a limit order.
    #[bitget(required_if(order_type = OrderType::Limit))]
    pub price: Option<Decimal>,
    /// Size, base coin.
    pub size: Option<Decimal>,
}

/// The most that can be opened (`""` for what does not apply).
#[bitget_response]
pub struct MaxOpenAvailableData {
    /// Available balance.
    pub available: Option<Decimal>,
    /// Most that can be opened.
    pub max_open: Option<Decimal>,
    /// Cost of a buy.
    pub buy_open_cost: Option<Decimal>,
    /// Cost of a sell.
    pub sell_open_cost: Option<Decimal>,
    /// Most a buy opens.
    pub max_buy_open: Option<Decimal>,
    /// Most a sell opens.
    pub max_sell_open: Option<Decimal>,
    /// Most a buy can use (newer revision, unexplained).
    pub max_buy_available: Option<Decimal>,
    /// Most a sell can use (newer revision, unexplained).
    pub max_sell_available: Option<Decimal>,
}
