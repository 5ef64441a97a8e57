//! Spot's private channels on `wss://ws.bitget.com/v2/ws/private` (after the login), for the
//! whole account (`instId` or `coin` `default`), written from the pages
//! `spot/websocket/private/{Account,Order,Fill,Plan-Order}-Channel`. Every push is a
//! `snapshot`; `status` reads both spellings of cancelled (the page writes `cancelled`).

use bitget_core::Decimal;
use bitget_macros::{bitget_channel, bitget_response};

use crate::plan::PlanStatus;
use crate::query::SpotFee;
use crate::{Force, OrderStatus, OrderType, Side};

/// Every coin's balance: pushed on subscribing, then on fills, transfers, deposits and
/// withdrawals.
#[bitget_channel(v2_private, "account", push = AccountPush, inst_type = "SPOT", no_symbol, fixed(coin = "default"))]
pub struct Account {}

/// Every spot order's state changes; nothing on subscribing.
#[bitget_channel(v2_private, "orders", push = OrderPush, inst_type = "SPOT", no_symbol, fixed(instId = "default"))]
pub struct Orders {}

/// Every spot fill with its fee.
#[bitget_channel(v2_private, "fill", push = FillPush, inst_type = "SPOT", no_symbol, fixed(instId = "default"))]
pub struct Fill {}

/// Spot trigger (plan) orders as they change.
#[bitget_channel(v2_private, "orders-algo", push = AlgoOrderPush, inst_type = "SPOT", no_symbol, fixed(instId = "default"))]
pub struct OrdersAlgo {}

/// One coin's balance.
#[bitget_response]
pub struct AccountPush {
    /// Coin.
    pub coin: String,
    /// Available.
    pub available: Option<Decimal>,
    /// Held by open orders.
    pub frozen: Option<Decimal>,
    /// Locked (fiat merchants and the like).
    pub locked: Option<Decimal>,
    /// Restricted availability.
    pub limit_available: Option<Decimal>,
    /// Updated, Unix ms.
    #[bitget(timestamp, rename = "uTime")]
    pub u_time: Option<i64>,
}

/// A spot order as its state changed. `size` is the quote amount of a market buy and the base
/// size otherwise (the page); `new_size` is the order quantity; `base_volume`, `fill_price`,
/// `fill_fee` are the fill that changed it, `acc_base_volume` the filled size so far. The
/// table says `ordType`, the example `orderType`: both read.
#[bitget_response]
pub struct OrderPush {
    /// Trading pair.
    pub inst_id: String,
    /// Order ID.
    pub order_id: String,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Limit price.
    pub price: Option<Decimal>,
    /// Quote amount (market buy) or base size.
    pub size: Option<Decimal>,
    /// The order quantity.
    pub new_size: Option<Decimal>,
    /// Value of a market buy.
    pub notional: Option<Decimal>,
    /// Order type.
    #[bitget(alias = "ordType")]
    pub order_type: Option<OrderType>,
    /// Time in force.
    pub force: Option<Force>,
    /// Direction.
    pub side: Option<Side>,
    /// The last fill's price.
    pub fill_price: Option<Decimal>,
    /// The last fill's trade ID.
    pub trade_id: Option<String>,
    /// The last fill's size, base coin.
    pub base_volume: Option<Decimal>,
    /// The last fill's time, Unix ms.
    #[bitget(timestamp)]
    pub fill_time: Option<i64>,
    /// The last fill's fee (negative: paid).
    pub fill_fee: Option<Decimal>,
    /// The last fill's fee coin.
    pub fill_fee_coin: Option<String>,
    /// The last fill: `T` (taker) or `M` (maker) on the page.
    pub trade_scope: Option<String>,
    /// Filled so far, base coin.
    pub acc_base_volume: Option<Decimal>,
    /// Average fill price.
    pub price_avg: Option<Decimal>,
    /// State.
    pub status: OrderStatus,
    /// Where the order came from.
    pub enter_point_source: Option<String>,
    /// The order's fees so far.
    pub fee_detail: Vec<OrderFee>,
    /// Self-trade prevention.
    pub stp_mode: Option<String>,
    /// Created, Unix ms.
    #[bitget(timestamp, rename = "cTime")]
    pub c_time: i64,
    /// Updated, Unix ms.
    #[bitget(timestamp, rename = "uTime")]
    pub u_time: Option<i64>,
}

/// An order's fee in one coin.
#[bitget_response]
pub struct OrderFee {
    /// Coin.
    pub fee_coin: Option<String>,
    /// Amount (negative: paid).
    pub fee: Option<Decimal>,
}

/// A spot fill. The page's example writes `tradeScope` as `marker` (sic): the text is kept.
#[bitget_response]
pub struct FillPush {
    /// Order ID.
    pub order_id: String,
    /// Trade ID.
    pub trade_id: String,
    /// Trading pair.
    pub symbol: String,
    /// Order type.
    pub order_type: Option<OrderType>,
    /// Direction.
    pub side: Side,
    /// Price.
    pub price_avg: Decimal,
    /// Size, base coin.
    pub size: Decimal,
    /// Value, quote coin.
    pub amount: Option<Decimal>,
    /// `taker` or `maker`.
    pub trade_scope: Option<String>,
    /// Fees.
    pub fee_detail: Vec<SpotFee>,
    /// Created, Unix ms.
    #[bitget(timestamp, rename = "cTime")]
    pub c_time: i64,
    /// Updated, Unix ms.
    #[bitget(timestamp, rename = "uTime")]
    pub u_time: Option<i64>,
}

/// A spot trigger order as it changed.
#[bitget_response]
pub struct AlgoOrderPush {
    /// Trading pair.
    pub inst_id: String,
    /// Order ID.
    pub order_id: String,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Trigger price.
    pub trigger_price: Option<Decimal>,
    /// `fill_price` or `mark_price`.
    pub trigger_type: Option<String>,
    /// `amount` (base) or `total` (quote).
    pub plan_type: Option<String>,
    /// Execution price.
    pub price: Option<Decimal>,
    /// Size.
    pub size: Option<Decimal>,
    /// Size placed.
    pub actual_size: Option<Decimal>,
    /// Order type.
    pub order_type: Option<OrderType>,
    /// Direction.
    pub side: Option<Side>,
    /// State.
    pub status: PlanStatus,
    /// Execution price reached.
    pub execute_price: Option<Decimal>,
    /// Created, Unix ms.
    #[bitget(timestamp, rename = "cTime")]
    pub c_time: Option<i64>,
    /// Updated, Unix ms.
    #[bitget(timestamp, rename = "uTime")]
    pub u_time: Option<i64>,
}
