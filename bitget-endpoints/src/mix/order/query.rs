//! Reading futures orders and fills: one order, open orders, order history, fills.

use bitget_core::Decimal;
use bitget_macros::{bitget_endpoint, bitget_response};

use crate::{Force, MarginMode, OrderStatus, OrderType, ProductType, Side, TradeSide, YesNo};

/// One order, by `orderId` or `clientOid`.
///
/// Doc: contract/trade/Get-Order-Details. Every example names the state `state`; the newest table
/// says `status`, as the lists do: [`Order::status`] reads both.
#[bitget_endpoint(GET, "/api/v2/mix/order/detail", rate = 10, response = Order)]
#[bitget(at_least_one_of(order_id, client_oid))]
pub struct Detail {
    /// Symbol, in capitals as the doc requires.
    #[bitget(required, uppercase)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Order ID (prevails).
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
}

/// Open orders, newest first, paged by `endId`.
///
/// Doc: contract/trade/Get-Orders-Pending. Without `status` only `live` orders come back:
/// partly filled ones need `status=partially_filled`.
#[bitget_endpoint(GET, "/api/v2/mix/order/orders-pending", rate = 10, response = OrdersPage, page(cursor = id_less_than, size = limit, max = 100))]
#[bitget(window(start_time, end_time, max_days = 90))]
pub struct OrdersPending {
    /// One order, by ID (prevails).
    pub order_id: Option<String>,
    /// One order, by client ID.
    pub client_oid: Option<String>,
    /// Symbol.
    pub symbol: Option<String>,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// `live` (the default) or `partially_filled`.
    #[bitget(check = open_status)]
    pub status: Option<OrderStatus>,
    /// Orders older than this (the previous page's `endId`).
    pub id_less_than: Option<String>,
    /// Start, Unix ms (span at most 3 months).
    pub start_time: Option<u64>,
    /// End, Unix ms.
    pub end_time: Option<u64>,
    /// Orders per page, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
}

/// Closed orders of the last 90 days, newest first, paged by `endId`.
///
/// Doc: contract/trade/Get-Orders-History.
#[bitget_endpoint(GET, "/api/v2/mix/order/orders-history", rate = 10, response = OrdersPage, page(cursor = id_less_than, size = limit, max = 100))]
#[bitget(window(start_time, end_time, max_days = 90))]
pub struct OrdersHistory {
    /// One order, by ID (prevails).
    pub order_id: Option<String>,
    /// One order, by client ID.
    pub client_oid: Option<String>,
    /// Symbol.
    pub symbol: Option<String>,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Order source (`normal`, `market`, `profit_market`, `Trader_delegate`, ...).
    pub order_source: Option<String>,
    /// Orders older than this (the previous page's `endId`).
    pub id_less_than: Option<String>,
    /// Start, Unix ms (span at most 3 months).
    pub start_time: Option<u64>,
    /// End, Unix ms.
    pub end_time: Option<u64>,
    /// Orders per page, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
}

fn open_status(status: &Option<OrderStatus>) -> Result<(), String> {
    match status {
        None | Some(OrderStatus::Live | OrderStatus::PartiallyFilled) => Ok(()),
        Some(other) => Err(format!(
            "open orders are `live` or `partially_filled`, not `{other}`"
        )),
    }
}

/// A page of orders.
#[bitget_response]
pub struct OrdersPage {
    /// The orders (`null` reads as empty).
    #[bitget(items)]
    pub entrusted_list: Vec<Order>,
    /// The cursor of the next page.
    #[bitget(cursor)]
    pub end_id: Option<String>,
}

/// An order, as the detail and the lists answer it.
#[bitget_response]
pub struct Order {
    /// Symbol (sometimes lower case).
    pub symbol: String,
    /// Size, base coin.
    pub size: Decimal,
    /// Order ID.
    pub order_id: String,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Filled size, base coin.
    pub base_volume: Option<Decimal>,
    /// Fee (`""` while nothing filled).
    pub fee: Option<Decimal>,
    /// Order price.
    pub price: Option<Decimal>,
    /// Average fill price.
    pub price_avg: Option<Decimal>,
    /// State (`status` in lists; `state` in the detail examples).
    #[bitget(alias = "state")]
    pub status: OrderStatus,
    /// Direction.
    pub side: Side,
    /// Time in force.
    pub force: Option<Force>,
    /// Realised profit.
    pub total_profits: Option<Decimal>,
    /// Position side.
    pub pos_side: Option<String>,
    /// Margin coin (sometimes lower case).
    pub margin_coin: Option<String>,
    /// Filled value, quote coin.
    pub quote_volume: Option<Decimal>,
    /// Leverage.
    pub leverage: Option<Decimal>,
    /// Margin mode (`cross` reads as `Crossed`).
    pub margin_mode: Option<MarginMode>,
    /// Reduce only.
    pub reduce_only: Option<YesNo>,
    /// Where the order came from.
    pub enter_point_source: Option<String>,
    /// Open/close (hedge mode); `buy_single`/`sell_single` in one-way mode.
    pub trade_side: Option<TradeSide>,
    /// Position mode.
    pub pos_mode: Option<String>,
    /// Order type.
    pub order_type: OrderType,
    /// Order source.
    pub order_source: Option<String>,
    /// Created, Unix ms.
    #[bitget(timestamp, rename = "cTime")]
    pub c_time: i64,
    /// Updated, Unix ms.
    #[bitget(timestamp, rename = "uTime")]
    pub u_time: Option<i64>,
    /// Preset take-profit trigger.
    pub preset_stop_surplus_price: Option<Decimal>,
    /// Preset take-profit trigger type.
    pub preset_stop_surplus_type: Option<String>,
    /// Preset take-profit execution price.
    pub preset_stop_surplus_execute_price: Option<Decimal>,
    /// Preset stop-loss trigger.
    pub preset_stop_loss_price: Option<Decimal>,
    /// Preset stop-loss trigger type.
    pub preset_stop_loss_type: Option<String>,
    /// Preset stop-loss execution price.
    pub preset_stop_loss_execute_price: Option<Decimal>,
    /// Average position price (history).
    pub pos_avg: Option<Decimal>,
    /// Liquidation price (history, in the SDK's type).
    pub liq_price: Option<Decimal>,
    /// Why it was cancelled (detail).
    pub cancel_reason: Option<String>,
}

/// Fills of the last 3 months, newest first, paged by `endId`.
///
/// Doc: contract/trade/Get-Order-Fills.
#[bitget_endpoint(GET, "/api/v2/mix/order/fills", rate = 10, response = FillsPage, page(cursor = id_less_than, size = limit, max = 100))]
#[bitget(window(start_time, end_time, max_days = 90))]
pub struct Fills {
    /// Fills of one order.
    pub order_id: Option<String>,
    /// Symbol.
    pub symbol: Option<String>,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Fills older than this (the previous page's `endId`).
    pub id_less_than: Option<String>,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms (span at most 3 months).
    pub end_time: Option<u64>,
    /// Fills per page, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
}

/// Older fills, paged by `endId`; demo product types are not served.
///
/// Doc: contract/trade/Get-Fill-History. The newer revision limits a query to one week (three
/// months in the older); the safest reading is declared. The page's "orderId or clientOid is
/// required" is a copy slip: there is no `clientOid`.
#[bitget_endpoint(GET, "/api/v2/mix/order/fill-history", rate = 10, response = FillsPage, page(cursor = id_less_than, size = limit, max = 100))]
#[bitget(window(start_time, end_time, max_days = 7))]
pub struct FillHistory {
    /// Fills of one order.
    pub order_id: Option<String>,
    /// Symbol.
    pub symbol: Option<String>,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms (span at most a week).
    pub end_time: Option<u64>,
    /// Fills older than this (the previous page's `endId`).
    pub id_less_than: Option<String>,
    /// Fills per page, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
}

/// A page of fills.
#[bitget_response]
pub struct FillsPage {
    /// The fills (`null` reads as empty).
    #[bitget(items)]
    pub fill_list: Vec<FuturesFill>,
    /// The cursor of the next page.
    #[bitget(cursor)]
    pub end_id: Option<String>,
}

/// A fill of one of the account's orders.
#[bitget_response]
pub struct FuturesFill {
    /// Trade ID.
    pub trade_id: String,
    /// Symbol.
    pub symbol: String,
    /// Margin coin (newest revision).
    pub margin_coin: Option<String>,
    /// Order ID.
    pub order_id: String,
    /// Price.
    pub price: Decimal,
    /// Size, base coin.
    pub base_volume: Decimal,
    /// Fees (a real array, although the table types it String).
    pub fee_detail: Vec<FeeDetail>,
    /// Direction.
    pub side: Side,
    /// Value, quote coin.
    pub quote_volume: Option<Decimal>,
    /// Realised profit.
    pub profit: Option<Decimal>,
    /// Where the order came from.
    pub enter_point_source: Option<String>,
    /// Open/close, or `buy_single`/`sell_single` in one-way mode.
    pub trade_side: Option<TradeSide>,
    /// Position mode.
    pub pos_mode: Option<String>,
    /// `taker` or `maker`.
    pub trade_scope: Option<String>,
    /// Time, Unix ms.
    #[bitget(timestamp, rename = "cTime")]
    pub c_time: i64,
}

/// A fee of a fill.
#[bitget_response]
pub struct FeeDetail {
    /// Whether a deduction applied (`yes`/`no`).
    pub deduction: Option<String>,
    /// Fee coin.
    pub fee_coin: Option<String>,
    /// Deducted fee.
    pub total_deduction_fee: Option<Decimal>,
    /// Total fee (negative: paid).
    pub total_fee: Option<Decimal>,
}
