//! `/api/v2/mix/account/...`: the futures account: balances, leverage, margin, modes, ledger.

use bitget_core::Decimal;
use bitget_macros::{bitget_endpoint, bitget_response};

use crate::{HoldSide, MarginMode, OrderType, PosMode, ProductType};

/// One margin coin's account on a symbol.
///
/// Doc: contract/account/Get-Single-Account. The leverage fields are JSON numbers in the newest
/// example and strings in older ones; both read.
#[bitget_endpoint(GET, "/api/v2/mix/account/account", rate = 10, response = FuturesAccount)]
pub struct Account {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Margin coin, in capitals.
    #[bitget(required, uppercase)]
    pub margin_coin: String,
}

/// Every margin coin's account of a product type.
///
/// Doc: contract/account/Get-Account-List.
#[bitget_endpoint(GET, "/api/v2/mix/account/accounts", rate = 10, response = Vec<FuturesAccount>)]
pub struct Accounts {
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
}

/// A futures account (one margin coin). Amounts can be negative in union (multi-asset) mode.
#[bitget_response]
pub struct FuturesAccount {
    /// Margin coin.
    pub margin_coin: String,
    /// Locked.
    pub locked: Option<Decimal>,
    /// Available.
    pub available: Decimal,
    /// Most a cross position can open with.
    pub crossed_max_available: Option<Decimal>,
    /// Most an isolated position can open with.
    pub isolated_max_available: Option<Decimal>,
    /// Most that can be transferred out.
    pub max_transfer_out: Option<Decimal>,
    /// Equity.
    pub account_equity: Decimal,
    /// Equity in USDT.
    pub usdt_equity: Option<Decimal>,
    /// Equity in BTC.
    pub btc_equity: Option<Decimal>,
    /// Cross risk rate.
    pub crossed_risk_rate: Option<Decimal>,
    /// Cross leverage.
    pub crossed_margin_leverage: Option<Decimal>,
    /// Isolated long leverage.
    pub isolated_long_lever: Option<Decimal>,
    /// Isolated short leverage.
    pub isolated_short_lever: Option<Decimal>,
    /// Margin mode.
    pub margin_mode: Option<MarginMode>,
    /// Position mode.
    pub pos_mode: Option<PosMode>,
    /// Unrealised PnL.
    #[bitget(rename = "unrealizedPL")]
    pub unrealized_pl: Option<Decimal>,
    /// Coupons.
    pub coupon: Option<Decimal>,
    /// Cross unrealised PnL.
    #[bitget(rename = "crossedUnrealizedPL")]
    pub crossed_unrealized_pl: Option<Decimal>,
    /// Isolated unrealised PnL.
    #[bitget(rename = "isolatedUnrealizedPL")]
    pub isolated_unrealized_pl: Option<Decimal>,
    /// `single` or `union`.
    pub asset_mode: Option<String>,
    /// Isolated margin (can be `null`).
    pub isolated_margin: Option<Decimal>,
    /// Cross margin (can be `null`).
    pub crossed_margin: Option<Decimal>,
    /// Bonus.
    pub grant: Option<Decimal>,
    /// Union-mode total margin, as sent: the example spells the key `unionTotalMagin` and writes
    /// `"111,1"` (a decimal comma), so it stays text.
    #[bitget(rename = "unionTotalMargin", alias = "unionTotalMagin")]
    pub union_total_margin: Option<String>,
    /// Union-mode available.
    pub union_available: Option<Decimal>,
    /// Union-mode maintenance margin.
    pub union_mm: Option<Decimal>,
    /// Union-mode assets.
    pub asset_list: Vec<AssetBalance>,
}

/// A coin of a union-mode account.
#[bitget_response]
pub struct AssetBalance {
    /// Coin.
    pub coin: String,
    /// Balance.
    pub balance: Option<Decimal>,
    /// Available.
    pub available: Option<Decimal>,
}

/// Set the leverage of a symbol.
///
/// Doc: contract/account/Change-Leverage. Rate 5/s per UID. `leverage` serves cross margin,
/// isolated one-way, and isolated hedge with one value for both sides; `longLeverage` and
/// `shortLeverage` (which win over `leverage`) are for isolated hedge with two values. `holdSide`
/// is needed in isolated hedge mode unless both sides' values are sent; this type cannot know the
/// account's modes, so it requires some leverage and leaves `holdSide` to the caller.
#[bitget_endpoint(POST, "/api/v2/mix/account/set-leverage", rate = 5, response = LeverageAnswer)]
#[bitget(at_least_one_of(leverage, long_leverage, short_leverage))]
pub struct SetLeverage {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Margin coin, in capitals.
    #[bitget(required, uppercase)]
    pub margin_coin: String,
    /// Leverage.
    #[bitget(min = 1)]
    pub leverage: Option<Decimal>,
    /// Long leverage (isolated hedge).
    #[bitget(min = 1)]
    pub long_leverage: Option<Decimal>,
    /// Short leverage (isolated hedge).
    #[bitget(min = 1)]
    pub short_leverage: Option<Decimal>,
    /// Side (isolated hedge with one `leverage`).
    pub hold_side: Option<HoldSide>,
}

/// The leverage after a change.
#[bitget_response]
pub struct LeverageAnswer {
    /// Symbol.
    pub symbol: String,
    /// Margin coin.
    pub margin_coin: String,
    /// Long leverage.
    pub long_leverage: Option<Decimal>,
    /// Short leverage (the table spells it `shortLeveage`; both read).
    #[bitget(alias = "shortLeveage")]
    pub short_leverage: Option<Decimal>,
    /// Cross leverage (`null` in an older example).
    pub cross_margin_leverage: Option<Decimal>,
    /// Margin mode.
    pub margin_mode: Option<MarginMode>,
}

/// Add (positive `amount`) or remove (negative) isolated margin.
///
/// Doc: contract/account/Change-Margin. The newer revisions require `holdSide` and say the
/// endpoint is for isolated margin only; the safest reading (required) is declared. Bitget
/// answers `data: ""`.
#[bitget_endpoint(POST, "/api/v2/mix/account/set-margin", rate = 5, response = String)]
pub struct SetMargin {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Margin coin, in capitals.
    #[bitget(required, uppercase)]
    pub margin_coin: String,
    /// Side.
    #[bitget(required)]
    pub hold_side: HoldSide,
    /// Amount: positive adds, negative removes.
    #[bitget(required, check = non_zero)]
    pub amount: Decimal,
}

fn non_zero(amount: &Decimal) -> Result<(), String> {
    if amount.is_zero() {
        Err("must not be 0: positive adds margin, negative removes it".into())
    } else {
        Ok(())
    }
}

/// Switch a symbol between isolated and cross margin; fails while it has a position or an
/// open order.
///
/// Doc: contract/account/Change-Margin-Mode.
#[bitget_endpoint(POST, "/api/v2/mix/account/set-margin-mode", rate = 5, response = LeverageAnswer)]
pub struct SetMarginMode {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Margin coin, in capitals.
    #[bitget(required, uppercase)]
    pub margin_coin: String,
    /// The new margin mode.
    #[bitget(required)]
    pub margin_mode: MarginMode,
}

/// Switch every symbol of a product type between one-way and hedge mode; fails while there is
/// any position or open order of the product type.
///
/// Doc: contract/account/Change-Hold-Mode.
#[bitget_endpoint(POST, "/api/v2/mix/account/set-position-mode", rate = 5, response = PosModeAnswer)]
pub struct SetPositionMode {
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// The new position mode.
    #[bitget(required)]
    pub pos_mode: PosMode,
}

/// The position mode after a change.
#[bitget_response]
pub struct PosModeAnswer {
    /// Position mode.
    pub pos_mode: PosMode,
}

/// The futures ledger of the last 90 days, newest first, paged by `endId`.
///
/// Doc: contract/account/Get-Account-Bill. A query spans at most 30 days. `coin` only applies to
/// transfer business types.
#[bitget_endpoint(GET, "/api/v2/mix/account/bill", rate = 10, response = BillsPage, page(cursor = id_less_than, size = limit, max = 100))]
#[bitget(window(start_time, end_time, max_days = 30))]
pub struct Bill {
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Coin (with `trans_from_exchange`/`trans_to_exchange` only).
    pub coin: Option<String>,
    /// Business type (`open_long`, `close_short`, `contract_settle_fee`, `append_margin`, ...).
    pub business_type: Option<String>,
    /// `yes` leaves out margin changes.
    pub only_funding: Option<String>,
    /// Rows older than this (the previous page's `endId`).
    pub id_less_than: Option<String>,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms (span at most 30 days).
    pub end_time: Option<u64>,
    /// Rows per page, 1 to 100 (20 when absent).
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
}

/// A page of the ledger.
#[bitget_response]
pub struct BillsPage {
    /// The entries.
    #[bitget(items)]
    pub bills: Vec<BillEntry>,
    /// The cursor of the next page.
    #[bitget(cursor)]
    pub end_id: Option<String>,
}

/// A ledger entry.
#[bitget_response]
pub struct BillEntry {
    /// Bill ID.
    pub bill_id: String,
    /// Symbol.
    pub symbol: Option<String>,
    /// Amount.
    pub amount: Decimal,
    /// Fee.
    pub fee: Option<Decimal>,
    /// Fee paid by coupon.
    pub fee_by_coupon: Option<Decimal>,
    /// Business type.
    pub business_type: String,
    /// Coin.
    pub coin: Option<String>,
    /// Balance after.
    pub balance: Option<Decimal>,
    /// Time, Unix ms.
    #[bitget(timestamp, rename = "cTime")]
    pub c_time: i64,
}

/// The largest size a position side can open.
///
/// Doc: contract/account/Get-Max-Open. Rate 3/s per UID (the doc; ccxt says 20/s). The example
/// URL carries `openAmount`, which the table does not list: not declared.
#[bitget_endpoint(GET, "/api/v2/mix/account/max-open", rate = 3, response = MaxOpenSize)]
pub struct MaxOpen {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Margin coin, in capitals.
    #[bitget(required, uppercase)]
    pub margin_coin: String,
    /// Side.
    #[bitget(required)]
    pub pos_side: HoldSide,
    /// Order type.
    #[bitget(required)]
    pub order_type: OrderType,
    /// Opening price; required for a limit order.
    #[bitget(required_if(order_type = OrderType::Limit))]
    pub open_price: Option<Decimal>,
}

/// The largest openable size.
#[bitget_response]
pub struct MaxOpenSize {
    /// Size, base coin.
    pub max_open: Decimal,
}
