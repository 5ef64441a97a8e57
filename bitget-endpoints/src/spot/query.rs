//! Reading spot orders and fills: open orders, order history, fills
//! (`/api/v2/spot/trade/unfilled-orders`, `history-orders`, `fills`).

use bitget_core::Decimal;
use bitget_macros::{bitget_endpoint, bitget_response};

use super::order::SpotOrder;
use super::{OrderStatus, OrderType, Side, TpslType};

/// Open spot orders, newest first, paged by `idLessThan` (the last order's id).
///
/// Doc: spot/trade/Get-Unfilled-Orders. Rate 20/s per UID. TP/SL orders are listed with
/// `tpslType=tpsl` only. Two fields mean the opposite of their names: the page's table says
/// `priceAvg` is the order's limit price and `basePrice` the average fill price; [`OpenOrder`]
/// names them for what they are.
#[bitget_endpoint(GET, "/api/v2/spot/trade/unfilled-orders", rate = 20, response = Vec<OpenOrder>, page(cursor = id_less_than, size = limit, max = 100))]
#[bitget(window(start_time, end_time, max_days = 90))]
pub struct UnfilledOrders {
    /// Trading pair.
    pub symbol: Option<String>,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms.
    pub end_time: Option<u64>,
    /// Orders older than this order id (the previous page's last).
    pub id_less_than: Option<String>,
    /// Orders per page, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
    /// One order, by ID.
    pub order_id: Option<String>,
    /// `normal` (the default) or `tpsl`.
    pub tpsl_type: Option<TpslType>,
    /// Request time, Unix ms.
    pub request_time: Option<u64>,
    /// Validity window from `requestTime`, ms.
    pub receive_window: Option<u64>,
}

/// An open spot order.
#[bitget_response]
pub struct OpenOrder {
    /// The account's UID.
    pub user_id: Option<String>,
    /// Trading pair.
    pub symbol: String,
    /// Order ID (the next page's cursor, on the last order).
    #[bitget(cursor)]
    pub order_id: String,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// The order's **limit price**: the wire calls it `priceAvg`.
    #[bitget(rename = "priceAvg")]
    pub price: Option<Decimal>,
    /// Size as sent: base coin, or the quote amount of a market buy.
    pub size: Option<Decimal>,
    /// Order type.
    pub order_type: OrderType,
    /// Direction.
    pub side: Side,
    /// State.
    pub status: OrderStatus,
    /// The **average fill price**: the wire calls it `basePrice`.
    #[bitget(rename = "basePrice")]
    pub price_avg: Option<Decimal>,
    /// Filled, base coin.
    pub base_volume: Option<Decimal>,
    /// Filled, quote coin.
    pub quote_volume: Option<Decimal>,
    /// Where the order was entered.
    pub enter_point_source: Option<String>,
    /// Order source.
    pub order_source: Option<String>,
    /// Preset take-profit trigger price.
    pub preset_take_profit_price: Option<Decimal>,
    /// Preset take-profit execution price.
    pub execute_take_profit_price: Option<Decimal>,
    /// Preset stop-loss trigger price.
    pub preset_stop_loss_price: Option<Decimal>,
    /// Preset stop-loss execution price.
    pub execute_stop_loss_price: Option<Decimal>,
    /// `normal` or `tpsl`.
    pub tpsl_type: Option<TpslType>,
    /// Trigger price of a TP/SL order (`null` for a normal one).
    pub trigger_price: Option<Decimal>,
    /// Created, Unix ms (seconds in the example: read as ms).
    #[bitget(timestamp, rename = "cTime")]
    pub c_time: Option<i64>,
    /// Updated, Unix ms.
    #[bitget(timestamp, rename = "uTime")]
    pub u_time: Option<i64>,
}

/// Finished spot orders of the last 90 days, newest first, paged by `idLessThan`.
///
/// Doc: spot/trade/Get-History-Orders. Rate 20/s per UID. The orders have orderInfo's fields.
#[bitget_endpoint(GET, "/api/v2/spot/trade/history-orders", rate = 20, response = Vec<SpotOrder>, page(cursor = id_less_than, size = limit, max = 100))]
#[bitget(window(start_time, end_time, max_days = 90))]
pub struct HistoryOrders {
    /// Trading pair.
    pub symbol: Option<String>,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms.
    pub end_time: Option<u64>,
    /// Orders older than this order id (the previous page's last).
    pub id_less_than: Option<String>,
    /// Orders per page, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
    /// One order, by ID.
    pub order_id: Option<String>,
    /// `normal` (the default) or `tpsl`.
    pub tpsl_type: Option<TpslType>,
    /// Request time, Unix ms.
    pub request_time: Option<u64>,
    /// Validity window from `requestTime`, ms.
    pub receive_window: Option<u64>,
}

/// The account's spot fills, newest first, paged by `idLessThan` (a trade id).
///
/// Doc: spot/trade/Get-Fills. Rate 10/s per UID. `symbol` is required in the older revision
/// and optional in the newer: optional here (the older servers refuse a missing one).
#[bitget_endpoint(GET, "/api/v2/spot/trade/fills", rate = 10, response = Vec<SpotFill>, page(cursor = id_less_than, size = limit, max = 100))]
#[bitget(window(start_time, end_time, max_days = 90))]
pub struct Fills {
    /// Trading pair.
    pub symbol: Option<String>,
    /// One order's fills.
    pub order_id: Option<String>,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms (span at most 90 days).
    pub end_time: Option<u64>,
    /// Fills per page, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
    /// Fills older than this trade id (the previous page's last).
    pub id_less_than: Option<String>,
}

/// One spot fill.
#[bitget_response]
pub struct SpotFill {
    /// The account's UID.
    pub user_id: Option<String>,
    /// Trading pair.
    pub symbol: String,
    /// The order it filled.
    pub order_id: String,
    /// Trade ID (the next page's cursor, on the last fill).
    #[bitget(cursor)]
    pub trade_id: String,
    /// Order type.
    pub order_type: Option<OrderType>,
    /// Direction.
    pub side: Side,
    /// The fill's price.
    pub price_avg: Decimal,
    /// Filled, base coin.
    pub size: Decimal,
    /// Filled value, quote coin.
    pub amount: Option<Decimal>,
    /// The fee.
    pub fee_detail: Option<SpotFee>,
    /// `taker` or `maker`.
    pub trade_scope: Option<String>,
    /// Created, Unix ms.
    #[bitget(timestamp, rename = "cTime")]
    pub c_time: Option<i64>,
    /// Updated, Unix ms.
    #[bitget(timestamp, rename = "uTime")]
    pub u_time: Option<i64>,
}

/// A fill's fee.
#[bitget_response]
pub struct SpotFee {
    /// Whether it was deducted from a BGB balance (`yes`/`no`).
    pub deduction: Option<String>,
    /// The coin paid in.
    pub fee_coin: Option<String>,
    /// The part deducted.
    pub total_deduction_fee: Option<Decimal>,
    /// The fee (negative: paid).
    pub total_fee: Option<Decimal>,
}
