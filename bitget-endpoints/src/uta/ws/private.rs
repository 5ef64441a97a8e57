//! The Unified account's private channels on `wss://ws.bitget.com/v3/ws/private` (after the
//! login), args `{instType:"UTA", topic}`, written from the pages `uta/websocket/private/
//! {Account,Positions,Order,Fill,Fast-Fill,Strategy-Order}-Channel`. The order and fill pushes
//! are the REST answers' types ([`Order`], [`Fill`]): the same fields, so what the stream
//! pushes and what a recovery reads over REST are one type. `category` is lower case on
//! `order` and upper case on `fill`; both read.

use bitget_core::Decimal;
use bitget_macros::{bitget_channel, bitget_response};

use crate::trade::{Fill as FillRow, Order};
use crate::{Category, HoldMode, MarginMode, PosSide, Side};

/// The account's equity and each coin's balance: pushed on subscribing, then on orders,
/// fills, settlements and transfers.
#[bitget_channel(v3_private, "account", push = AccountPush, inst_type = "UTA", no_symbol)]
pub struct Account {}

/// Every open position: pushed on subscribing, then as orders and fills change them.
#[bitget_channel(v3_private, "position", push = PositionPush, inst_type = "UTA", no_symbol)]
pub struct Position {}

/// Every order's state changes (placed, partly filled, filled, cancelled); nothing on
/// subscribing.
#[bitget_channel(v3_private, "order", push = Order, inst_type = "UTA", no_symbol)]
pub struct OrderChannel {}

/// Every fill with its fee; nothing on subscribing.
#[bitget_channel(v3_private, "fill", push = FillRow, inst_type = "UTA", no_symbol)]
pub struct Fill {}

/// Fills as fast as Bitget sends them, without fees (UTA-mode fills only: no strategy or
/// copy-trading fills); `action` is always `update`.
#[bitget_channel(v3_private, "fast-fill", push = FastFillPush, inst_type = "UTA", no_symbol, fixed(symbol = "default"))]
pub struct FastFill {}

/// Strategy (TP/SL, trigger) orders as they change; nothing on subscribing.
#[bitget_channel(v3_private, "strategy-order", push = StrategyOrderPush, inst_type = "UTA", no_symbol, fixed(symbol = "default"))]
pub struct StrategyOrder {}

/// The account: totals, then each coin. Note the page's spelling `unrealisedPnL`.
#[bitget_response]
pub struct AccountPush {
    /// Equity, USD.
    pub total_equity: Option<Decimal>,
    /// Effective equity, USD.
    pub eff_equity: Option<Decimal>,
    /// Unrealised profit, USD.
    #[bitget(rename = "unrealisedPnL")]
    pub unrealised_pnl: Option<Decimal>,
    /// Initial margin.
    pub imr: Option<Decimal>,
    /// Maintenance margin.
    pub mmr: Option<Decimal>,
    /// Margin ratio.
    pub mgn_ratio: Option<Decimal>,
    /// Position margin ratio.
    pub position_mgn_ratio: Option<Decimal>,
    /// Each coin.
    pub coin: Vec<CoinPush>,
}

/// One coin of the account push.
#[bitget_response]
pub struct CoinPush {
    /// Coin.
    pub coin: String,
    /// Balance.
    pub balance: Option<Decimal>,
    /// Available.
    pub available: Option<Decimal>,
    /// Locked by orders and positions.
    pub locked: Option<Decimal>,
    /// Equity.
    pub equity: Option<Decimal>,
    /// Borrowed.
    pub borrow: Option<Decimal>,
    /// Debts.
    pub debts: Option<Decimal>,
    /// Value, USD.
    pub usd_value: Option<Decimal>,
}

/// An open position. The entry price is `avgPrice` in two revisions and `openPriceAvg` in
/// another: both read.
#[bitget_response]
pub struct PositionPush {
    /// Product line.
    pub category: Option<Category>,
    /// Symbol.
    pub symbol: String,
    /// Margin coin.
    pub margin_coin: Option<String>,
    /// Position mode.
    pub hold_mode: Option<HoldMode>,
    /// Position side.
    pub pos_side: Option<PosSide>,
    /// Margin mode.
    pub margin_mode: Option<MarginMode>,
    /// Size.
    pub size: Decimal,
    /// Closable size.
    pub available: Option<Decimal>,
    /// Frozen by close orders.
    pub frozen: Option<Decimal>,
    /// Margin.
    pub margin_size: Option<Decimal>,
    /// Leverage.
    pub leverage: Option<Decimal>,
    /// Average entry price.
    #[bitget(alias = "openPriceAvg")]
    pub avg_price: Option<Decimal>,
    /// Mark price.
    pub mark_price: Option<Decimal>,
    /// Liquidation price (`""` when none).
    pub liq_price: Option<Decimal>,
    /// Unrealised profit.
    pub unrealised_pnl: Option<Decimal>,
    /// Realised profit of the current position.
    pub cur_realised_pnl: Option<Decimal>,
    /// Break-even price.
    pub break_even_price: Option<Decimal>,
    /// Profit rate.
    pub profit_rate: Option<Decimal>,
    /// Opening fees.
    pub open_fee_total: Option<Decimal>,
    /// Closing fees.
    pub close_fee_total: Option<Decimal>,
    /// Funding paid.
    pub total_funding_fee: Option<Decimal>,
    /// `normal`, or `ended` once closed.
    pub position_status: Option<String>,
    /// Created, Unix ms.
    #[bitget(timestamp)]
    pub created_time: Option<i64>,
    /// Updated, Unix ms.
    #[bitget(timestamp)]
    pub updated_time: Option<i64>,
}

/// A fill on the fast channel (no fees; `category` lower case).
#[bitget_response]
pub struct FastFillPush {
    /// Product line.
    pub category: Option<Category>,
    /// Order ID.
    pub order_id: String,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Trade ID.
    pub exec_id: String,
    /// Symbol.
    pub symbol: String,
    /// Direction.
    pub side: Side,
    /// Position side.
    pub hold_side: Option<String>,
    /// Price.
    pub exec_price: Decimal,
    /// Size.
    pub exec_qty: Decimal,
    /// `taker` or `maker`.
    pub trade_scope: Option<String>,
    /// Time, Unix ms.
    #[bitget(timestamp)]
    pub exec_time: i64,
    /// Updated, Unix ms.
    #[bitget(timestamp)]
    pub updated_time: Option<i64>,
}

/// A strategy order as it changed (the fields beyond the page's first ones are from
/// Bitget.Net's model [sdk]).
#[bitget_response]
pub struct StrategyOrderPush {
    /// Product line.
    pub category: Option<Category>,
    /// Symbol.
    pub symbol: String,
    /// Order ID.
    pub order_id: String,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Size.
    pub qty: Option<Decimal>,
    /// Direction.
    pub side: Option<Side>,
    /// Position side.
    pub pos_side: Option<String>,
    /// `tpsl` or `trigger`.
    #[bitget(rename = "type")]
    pub kind: Option<String>,
    /// State (`pending`, ...).
    pub status: Option<String>,
    /// `takeProfit`, `stopLoss`, ...
    pub trigger_type: Option<String>,
    /// Take-profit trigger.
    pub take_profit: Option<Decimal>,
    /// Stop-loss trigger.
    pub stop_loss: Option<Decimal>,
    /// Created, Unix ms.
    #[bitget(timestamp)]
    pub created_time: Option<i64>,
    /// Updated, Unix ms.
    #[bitget(timestamp)]
    pub updated_time: Option<i64>,
}
