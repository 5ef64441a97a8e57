//! Reading orders and fills.

use bitget_core::Decimal;
use bitget_macros::{bitget_endpoint, bitget_response};

use crate::{
    Category, HoldMode, MarginMode, OrderStatus, OrderType, PosSide, Side, StpMode, TimeInForce,
    TriggerBy, YesNo,
};

/// One order, by `orderId` (prevailing) or `clientOid` (only while the client id is unique
/// among pending orders).
///
/// Doc: uta/trade/Get-Order-Details. Rate 20/s per UID.
#[bitget_endpoint(GET, "/api/v3/trade/order-info", rate = 20, response = Order)]
#[bitget(at_least_one_of(order_id, client_oid))]
pub struct OrderInfo {
    /// Order ID.
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
}

/// An order, as order-info and the lists answer it. Absent values come as `""`.
#[bitget_response]
pub struct Order {
    /// Order ID.
    pub order_id: String,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Product line.
    pub category: Category,
    /// Symbol.
    pub symbol: String,
    /// Order type.
    pub order_type: OrderType,
    /// Direction.
    pub side: Side,
    /// Price (`0` on market orders).
    pub price: Option<Decimal>,
    /// Size.
    pub qty: Option<Decimal>,
    /// Quote amount (spot market buys).
    pub amount: Option<Decimal>,
    /// Filled size.
    pub cum_exec_qty: Option<Decimal>,
    /// Filled value.
    pub cum_exec_value: Option<Decimal>,
    /// Average fill price.
    pub avg_price: Option<Decimal>,
    /// Time in force.
    pub time_in_force: Option<TimeInForce>,
    /// State.
    pub order_status: OrderStatus,
    /// Position side (futures; `""` on spot). The `order` channel's page writes `holdSide`.
    #[bitget(alias = "holdSide")]
    pub pos_side: Option<PosSide>,
    /// Position mode (futures).
    pub hold_mode: Option<HoldMode>,
    /// `open` or `close` (order-info).
    pub trade_side: Option<String>,
    /// Delegation type (lists).
    pub delegate_type: Option<String>,
    /// Reduce only (`YES`/`NO` or `yes`/`no`).
    pub reduce_only: Option<YesNo>,
    /// Margin mode.
    pub margin_mode: Option<MarginMode>,
    /// Self-trade prevention.
    pub stp_mode: Option<StpMode>,
    /// Preset take-profit trigger.
    pub take_profit: Option<Decimal>,
    /// Preset stop-loss trigger.
    pub stop_loss: Option<Decimal>,
    /// Take-profit trigger price type.
    pub tp_trigger_by: Option<TriggerBy>,
    /// Stop-loss trigger price type.
    pub sl_trigger_by: Option<TriggerBy>,
    /// Take-profit order type.
    pub tp_order_type: Option<OrderType>,
    /// Stop-loss order type.
    pub sl_order_type: Option<OrderType>,
    /// Take-profit execution price.
    pub tp_limit_price: Option<Decimal>,
    /// Stop-loss execution price.
    pub sl_limit_price: Option<Decimal>,
    /// Fees (`feeCoin` and `fee` may be `null` on unfilled orders).
    pub fee_detail: Vec<Fee>,
    /// Why it was cancelled.
    pub cancel_reason: Option<String>,
    /// Execution type.
    pub exec_type: Option<String>,
    /// Created, Unix ms.
    #[bitget(timestamp)]
    pub created_time: i64,
    /// Updated, Unix ms.
    #[bitget(timestamp)]
    pub updated_time: Option<i64>,
}

/// A fee.
#[bitget_response]
pub struct Fee {
    /// Coin.
    pub fee_coin: Option<String>,
    /// Amount (negative: paid).
    pub fee: Option<Decimal>,
}

/// Open orders, newest first, paged by `cursor`.
///
/// Doc: uta/trade/Get-Order-Pending. Rate 20/s per UID.
#[bitget_endpoint(GET, "/api/v3/trade/unfilled-orders", rate = 20, response = OrdersPage, page(cursor = cursor, size = limit, max = 100))]
pub struct UnfilledOrders {
    /// Product line.
    pub category: Option<Category>,
    /// Symbol.
    pub symbol: Option<String>,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms.
    pub end_time: Option<u64>,
    /// Orders per page, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
    /// The previous page's cursor.
    pub cursor: Option<String>,
}

/// Finished orders of the last 90 days, newest first, paged by `cursor`; a query spans at most
/// 30 days.
///
/// Doc: uta/trade/Get-Order-History. Rate 20/s per UID.
#[bitget_endpoint(GET, "/api/v3/trade/history-orders", rate = 20, response = OrdersPage, page(cursor = cursor, size = limit, max = 100))]
#[bitget(window(start_time, end_time, max_days = 30))]
pub struct HistoryOrders {
    /// Product line.
    #[bitget(required)]
    pub category: Category,
    /// Symbol.
    pub symbol: Option<String>,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms.
    pub end_time: Option<u64>,
    /// Orders per page, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
    /// The previous page's cursor.
    pub cursor: Option<String>,
}

/// A page of orders.
#[bitget_response]
pub struct OrdersPage {
    /// The orders.
    #[bitget(items)]
    pub list: Vec<Order>,
    /// The next page's cursor.
    #[bitget(cursor)]
    pub cursor: Option<String>,
}

/// Fills of the last 90 days, newest first, paged by `cursor`; a query spans at most 30 days.
///
/// Doc: uta/trade/Get-Order-Fills. Rate 20/s per UID.
#[bitget_endpoint(GET, "/api/v3/trade/fills", rate = 20, response = FillsPage, page(cursor = cursor, size = limit, max = 100))]
#[bitget(window(start_time, end_time, max_days = 30))]
pub struct Fills {
    /// Product line.
    pub category: Option<Category>,
    /// Fills of one order.
    pub order_id: Option<String>,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms.
    pub end_time: Option<u64>,
    /// Fills per page, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
    /// The previous page's cursor.
    pub cursor: Option<String>,
}

/// A page of fills.
#[bitget_response]
pub struct FillsPage {
    /// The fills.
    #[bitget(items)]
    pub list: Vec<Fill>,
    /// The next page's cursor.
    #[bitget(cursor)]
    pub cursor: Option<String>,
}

/// A fill of one of the account's orders.
#[bitget_response]
pub struct Fill {
    /// Trade ID.
    pub exec_id: String,
    /// Linked trade ID.
    pub exec_link_id: Option<String>,
    /// Order ID.
    pub order_id: String,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Product line.
    pub category: Category,
    /// Symbol.
    pub symbol: String,
    /// Order type.
    pub order_type: Option<OrderType>,
    /// Price.
    pub exec_price: Decimal,
    /// Size.
    pub exec_qty: Decimal,
    /// Value.
    pub exec_value: Option<Decimal>,
    /// Fees.
    pub fee_detail: Vec<Fee>,
    /// Direction.
    pub side: Side,
    /// `taker` or `maker`.
    pub trade_scope: Option<String>,
    /// `open` or `close` (futures).
    pub trade_side: Option<String>,
    /// Created, Unix ms (`execTime` on the `fill` channel).
    #[bitget(timestamp, alias = "execTime")]
    pub created_time: i64,
    /// Updated, Unix ms.
    #[bitget(timestamp)]
    pub updated_time: Option<i64>,
    /// Realised profit.
    pub exec_pnl: Option<Decimal>,
    /// Retail-price-improvement fill (`yes`/`no`).
    #[bitget(rename = "isRPI")]
    pub is_rpi: Option<YesNo>,
}
