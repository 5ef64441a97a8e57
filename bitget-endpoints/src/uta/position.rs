//! `/api/v3/position/...`: open positions, closed positions, auto-deleveraging rank.

use bitget_core::Decimal;
use bitget_macros::{bitget_endpoint, bitget_response};

use super::types::futures_only;
use super::{Category, HoldMode, MarginMode, PosSide};

/// Open positions of a futures line (one symbol, one side, or all).
///
/// Doc: uta/trade/Get-Position. Rate 20/s per UID.
#[bitget_endpoint(GET, "/api/v3/position/current-position", rate = 20, response = Positions)]
pub struct CurrentPosition {
    /// Futures line.
    #[bitget(required, check = futures_only)]
    pub category: Category,
    /// Symbol; every position of the line when absent.
    pub symbol: Option<String>,
    /// One side only.
    pub pos_side: Option<PosSide>,
}

/// Open positions.
#[bitget_response]
pub struct Positions {
    /// The positions.
    pub list: Vec<Position>,
}

/// An open position.
#[bitget_response]
pub struct Position {
    /// Product line.
    pub category: Category,
    /// Symbol.
    pub symbol: String,
    /// Margin coin.
    pub margin_coin: Option<String>,
    /// Position mode.
    pub hold_mode: Option<HoldMode>,
    /// Side.
    pub pos_side: PosSide,
    /// Margin mode.
    pub margin_mode: Option<MarginMode>,
    /// Position value in margin.
    pub position_balance: Option<Decimal>,
    /// Size that can be closed.
    pub available: Option<Decimal>,
    /// Size locked by close orders.
    pub frozen: Option<Decimal>,
    /// Size.
    pub total: Decimal,
    /// Leverage.
    pub leverage: Option<Decimal>,
    /// Realised profit of this position.
    pub cur_realised_pnl: Option<Decimal>,
    /// Average entry price.
    pub avg_price: Option<Decimal>,
    /// `normal`, `liquidating`, ...
    pub position_status: Option<String>,
    /// Unrealised profit.
    pub unrealised_pnl: Option<Decimal>,
    /// Estimated liquidation price.
    pub liquidation_price: Option<Decimal>,
    /// Maintenance margin rate.
    pub mmr: Option<Decimal>,
    /// Return on margin.
    pub profit_rate: Option<Decimal>,
    /// Mark price.
    pub mark_price: Option<Decimal>,
    /// Break-even price.
    pub break_even_price: Option<Decimal>,
    /// Funding paid or received.
    pub total_funding: Option<Decimal>,
    /// Opening fees.
    pub open_fee_total: Option<Decimal>,
    /// Closing fees.
    pub close_fee_total: Option<Decimal>,
    /// Opened, Unix ms.
    #[bitget(timestamp)]
    pub created_time: Option<i64>,
    /// Updated, Unix ms.
    #[bitget(timestamp)]
    pub updated_time: Option<i64>,
}

/// Closed positions of the last 90 days, newest first, paged by `cursor`; a query spans at
/// most 30 days.
///
/// Doc: uta/trade/Get-Position-History. Rate 20/s per UID.
#[bitget_endpoint(GET, "/api/v3/position/history-position", rate = 20, response = PositionHistory, page(cursor = cursor, size = limit, max = 100))]
#[bitget(window(start_time, end_time, max_days = 30))]
pub struct HistoryPosition {
    /// Futures line.
    #[bitget(required, check = futures_only)]
    pub category: Category,
    /// Symbol.
    pub symbol: Option<String>,
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

/// A page of closed positions.
#[bitget_response]
pub struct PositionHistory {
    /// The positions.
    #[bitget(items)]
    pub list: Vec<ClosedPosition>,
    /// The next page's cursor.
    #[bitget(cursor)]
    pub cursor: Option<String>,
}

/// A closed position.
#[bitget_response]
pub struct ClosedPosition {
    /// Position ID.
    pub position_id: Option<String>,
    /// Product line.
    pub category: Option<Category>,
    /// Symbol.
    pub symbol: String,
    /// Margin coin.
    pub margin_coin: Option<String>,
    /// Side.
    pub pos_side: Option<PosSide>,
    /// Average entry.
    pub open_price_avg: Option<Decimal>,
    /// Average exit.
    pub close_price_avg: Option<Decimal>,
    /// Size opened.
    pub open_total_pos: Option<Decimal>,
    /// Size closed.
    pub close_total_pos: Option<Decimal>,
    /// Margin mode.
    pub margin_mode: Option<MarginMode>,
    /// Position mode.
    pub hold_mode: Option<HoldMode>,
    /// Realised profit.
    pub cum_realised_pnl: Option<Decimal>,
    /// Net profit.
    pub net_profit: Option<Decimal>,
    /// Funding.
    pub total_funding: Option<Decimal>,
    /// Opening fees.
    pub open_fee_total: Option<Decimal>,
    /// Closing fees.
    pub close_fee_total: Option<Decimal>,
    /// Opened, Unix ms.
    #[bitget(timestamp)]
    pub created_time: Option<i64>,
    /// Closed, Unix ms.
    #[bitget(timestamp)]
    pub updated_time: Option<i64>,
}

/// The auto-deleveraging rank of every position (no parameters).
///
/// Doc: uta/trade/Get-Position-ADL-Rank. Rate 1/s per UID.
#[bitget_endpoint(GET, "/api/v3/position/adlRank", rate = 1, response = Vec<AdlRankEntry>)]
pub struct AdlRank {}

/// A position's ADL rank.
#[bitget_response]
pub struct AdlRankEntry {
    /// Symbol.
    pub symbol: String,
    /// Margin coin.
    pub margin_coin: Option<String>,
    /// Rank (higher: deleveraged first).
    pub adl_rank: Option<String>,
    /// Side.
    pub hold_side: Option<String>,
}
