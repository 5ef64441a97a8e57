//! `/api/v2/mix/position/...`: open positions and position history.

use bitget_core::Decimal;
use bitget_macros::{bitget_endpoint, bitget_response};

use crate::{HoldSide, MarginMode, PosMode, ProductType};

/// The position of one symbol (two in hedge mode, one per side).
///
/// Doc: contract/position/get-single-position. The attached TP/SL fields are `null` here and
/// `""` on all-position: both read as `None`.
#[bitget_endpoint(GET, "/api/v2/mix/position/single-position", rate = 10, response = Vec<Position>)]
pub struct SinglePosition {
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Margin coin, in capitals.
    #[bitget(required, uppercase)]
    pub margin_coin: String,
}

/// Every open position of a product type.
///
/// Doc: contract/position/get-all-position. Rate 5/s per UID. `marginCoin` is required in the
/// oldest revision and optional in the newer ones.
#[bitget_endpoint(GET, "/api/v2/mix/position/all-position", rate = 5, response = Vec<Position>)]
pub struct AllPosition {
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Margin coin, in capitals.
    #[bitget(uppercase)]
    pub margin_coin: Option<String>,
}

/// An open position.
#[bitget_response]
pub struct Position {
    /// Symbol.
    pub symbol: String,
    /// Margin coin.
    pub margin_coin: String,
    /// Side.
    pub hold_side: HoldSide,
    /// Size of open orders waiting to fill.
    pub open_delegate_size: Option<Decimal>,
    /// Margin.
    pub margin_size: Option<Decimal>,
    /// Size that can be closed, base coin (the old table says quote; base is the safest reading).
    pub available: Decimal,
    /// Size locked by close orders.
    pub locked: Option<Decimal>,
    /// Total size, base coin.
    pub total: Decimal,
    /// Leverage.
    pub leverage: Option<Decimal>,
    /// Realised profit.
    pub achieved_profits: Option<Decimal>,
    /// Average entry price.
    pub open_price_avg: Option<Decimal>,
    /// Margin mode.
    pub margin_mode: Option<MarginMode>,
    /// Position mode (`one_way_mode`, `hedge_mode`); [`PositionMode::of`](bitget_endpoints_common::PositionMode::of)
    /// turns it into the mode the intent constructors take.
    pub pos_mode: Option<PosMode>,
    /// Unrealised PnL.
    #[bitget(rename = "unrealizedPL")]
    pub unrealized_pl: Option<Decimal>,
    /// Estimated liquidation price (can be absurdly far for cross positions).
    pub liquidation_price: Option<Decimal>,
    /// Maintenance margin rate.
    pub keep_margin_rate: Option<Decimal>,
    /// Mark price.
    pub mark_price: Option<Decimal>,
    /// Margin ratio.
    pub margin_ratio: Option<Decimal>,
    /// Break-even price.
    pub break_even_price: Option<Decimal>,
    /// Total fees.
    pub total_fee: Option<Decimal>,
    /// Attached take-profit trigger (`""` or `null` when none).
    pub take_profit: Option<Decimal>,
    /// Attached stop-loss trigger.
    pub stop_loss: Option<Decimal>,
    /// Attached take-profit order ID.
    pub take_profit_id: Option<String>,
    /// Attached stop-loss order ID.
    pub stop_loss_id: Option<String>,
    /// Deducted fees.
    pub deducted_fee: Option<Decimal>,
    /// Created, Unix ms.
    #[bitget(timestamp, rename = "cTime")]
    pub c_time: Option<i64>,
    /// `single` or `union` (multi-asset).
    pub asset_mode: Option<String>,
    /// Updated, Unix ms.
    #[bitget(timestamp, rename = "uTime")]
    pub u_time: Option<i64>,
    /// Automatic margin top-up (`on`/`off`).
    pub auto_margin: Option<String>,
    /// Bonus used.
    pub grant: Option<Decimal>,
}

/// Closed positions of the last 3 months, newest first, paged by `endId`.
///
/// Doc: contract/position/Get-History-Position. `productType` is ignored when `symbol` is sent.
#[bitget_endpoint(GET, "/api/v2/mix/position/history-position", rate = 20, response = PositionHistoryPage, page(cursor = id_less_than, size = limit, max = 100))]
#[bitget(window(start_time, end_time, max_days = 90))]
pub struct HistoryPosition {
    /// Symbol.
    pub symbol: Option<String>,
    /// Product type (`USDT-FUTURES` when absent).
    pub product_type: Option<ProductType>,
    /// Rows older than this (the previous page's `endId`).
    pub id_less_than: Option<String>,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms (span at most 3 months).
    pub end_time: Option<u64>,
    /// Rows per page, 1 to 100 (20 when absent).
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
}

/// A page of closed positions.
#[bitget_response]
pub struct PositionHistoryPage {
    /// The positions.
    #[bitget(items)]
    pub list: Vec<ClosedPositionRecord>,
    /// The cursor of the next page.
    #[bitget(cursor)]
    pub end_id: Option<String>,
}

/// A closed position.
#[bitget_response]
pub struct ClosedPositionRecord {
    /// Position ID (absent in the oldest revision's answer).
    pub position_id: Option<String>,
    /// Symbol.
    pub symbol: String,
    /// Margin coin.
    pub margin_coin: Option<String>,
    /// Side.
    pub hold_side: Option<HoldSide>,
    /// Position mode.
    pub pos_mode: Option<PosMode>,
    /// Average entry price.
    pub open_avg_price: Option<Decimal>,
    /// Average exit price.
    pub close_avg_price: Option<Decimal>,
    /// Margin mode.
    pub margin_mode: Option<MarginMode>,
    /// Size opened.
    pub open_total_pos: Option<Decimal>,
    /// Size closed.
    pub close_total_pos: Option<Decimal>,
    /// Realised PnL.
    pub pnl: Option<Decimal>,
    /// Net profit.
    pub net_profit: Option<Decimal>,
    /// Funding paid or received.
    pub total_funding: Option<Decimal>,
    /// Opening fee.
    pub open_fee: Option<Decimal>,
    /// Closing fee.
    pub close_fee: Option<Decimal>,
    /// Updated, Unix ms (the newest example writes `utime`).
    #[bitget(timestamp, rename = "uTime", alias = "utime")]
    pub u_time: Option<i64>,
    /// Created, Unix ms (the newest example writes `ctime`).
    #[bitget(timestamp, rename = "cTime", alias = "ctime")]
    pub c_time: Option<i64>,
}
