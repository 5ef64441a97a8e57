//! Cancelling futures orders: one, a list, all of a product type, trigger orders.

use bitget_macros::bitget_endpoint;

use super::OrderAck;
use crate::common::{BATCH_LIMIT, BatchCancelResult};
use crate::{OrderIdItem, PlanType, ProductType};

/// Cancel one futures order, by `orderId` or `clientOid` (`orderId` prevails when both are set).
///
/// Doc: contract/trade/Cancel-Order. An unknown order answers 40768 ([`Error::is_not_found`](bitget_core::Error::is_not_found)).
///
/// ```
/// use bitget_endpoints::mix::{order::CancelOrder, ProductType};
/// let request = CancelOrder::builder()
///     .symbol("BTCUSDT")
///     .product_type(ProductType::UsdtFutures)
///     .order_id("1234567890")
///     .build()?;
/// # Ok::<(), bitget_endpoints::ValidationError>(())
/// ```
#[bitget_endpoint(POST, "/api/v2/mix/order/cancel-order", rate = 10, response = OrderAck, retry_safe)]
#[bitget(at_least_one_of(order_id, client_oid))]
pub struct CancelOrder {
    /// Symbol, e.g. BTCUSDT.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Margin coin, in capitals.
    #[bitget(uppercase)]
    pub margin_coin: Option<String>,
    /// Order ID.
    pub order_id: Option<String>,
    /// Client order ID.
    #[bitget(max_len = 50)]
    pub client_oid: Option<String>,
}

/// Cancel trigger orders, by id list, or all of them under `productType` (and `symbol`).
///
/// **Danger**: without `orderIdList`, Bitget cancels every trigger order under the product type
/// (and symbol). The builder therefore needs either `.order_id_list(...)` with 1 to 50 items or an
/// explicit `.cancel_all_plan_orders()`; an empty or forgotten list is never sent, and calling
/// both does not compile.
///
/// More than 50 ids, or one outcome per id through retries: `bitget_endpoints::bulk::BulkCancel::plan`.
///
/// ```
/// use bitget_endpoints::mix::{order::CancelPlanOrder, OrderIdItem, ProductType};
/// let request = CancelPlanOrder::builder()
///     .order_id_list([OrderIdItem::by_order_id("1234567890123456789")])
///     .symbol("BTCUSDT")
///     .product_type(ProductType::UsdtFutures)
///     .margin_coin("USDT")
///     .build()?;
/// # Ok::<(), bitget_endpoints::ValidationError>(())
/// ```
#[bitget_endpoint(POST, "/api/v2/mix/order/cancel-plan-order", rate = 10, response = BatchCancelResult, retry_safe)]
pub struct CancelPlanOrder {
    /// Trigger order id list. If it is passed, `symbol` must be set and aligned with
    /// symbol/productType/planType.
    #[bitget(
        required_or(cancel_all_plan_orders),
        non_empty,
        max_items = BATCH_LIMIT,
        requires(symbol)
    )]
    pub order_id_list: Option<Vec<OrderIdItem>>,
    /// Trading pair, e.g. ETHUSDT.
    pub symbol: Option<String>,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Margin coin, in capitals.
    #[bitget(uppercase)]
    pub margin_coin: Option<String>,
    /// Trigger order type (`normal_plan` when absent: TP/SL and trailing orders are then left
    /// live; to cancel every kind, `bitget_endpoints::stop::cancel_every_futures_trigger`).
    pub plan_type: Option<PlanType>,
}

/// Cancel futures orders by id list, or all of them under `productType` (and `symbol`).
///
/// **Danger**: without `orderIdList`, Bitget cancels every order under the product type (and
/// symbol). The builder therefore needs either `.order_id_list(...)` with 1 to 50 items or an
/// explicit `.cancel_all_orders()`; an empty or forgotten list is never sent, and calling both
/// does not compile.
///
/// More than 50 ids, or one outcome per id through retries: `bitget_endpoints::bulk::BulkCancel::futures`.
///
/// ```
/// use bitget_endpoints::mix::{order::BatchCancelOrders, OrderIdItem, ProductType};
/// let request = BatchCancelOrders::builder()
///     .order_id_list([OrderIdItem::by_order_id("121211212122"), OrderIdItem::by_client_oid("my-oid-1")])
///     .symbol("BTCUSDT")
///     .product_type(ProductType::UsdtFutures)
///     .margin_coin("USDT")
///     .build()?;
/// # Ok::<(), bitget_endpoints::ValidationError>(())
/// ```
#[bitget_endpoint(POST, "/api/v2/mix/order/batch-cancel-orders", rate = 10, response = BatchCancelResult, retry_safe)]
pub struct BatchCancelOrders {
    /// Order id list, at most 50. If set, `symbol` must be set and aligned with symbol/productType.
    #[bitget(
        required_or(cancel_all_orders),
        non_empty,
        max_items = BATCH_LIMIT,
        requires(symbol)
    )]
    pub order_id_list: Option<Vec<OrderIdItem>>,
    /// Trading pair, e.g. ETHUSDT; required when `orderIdList` is set.
    pub symbol: Option<String>,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Margin coin, in capitals.
    #[bitget(uppercase)]
    pub margin_coin: Option<String>,
}

/// Cancel every futures order of the account under `productType` (and `marginCoin`).
///
/// ```
/// use bitget_endpoints::mix::{order::CancelAllOrders, ProductType};
/// let request = CancelAllOrders::builder().product_type(ProductType::UsdtFutures).margin_coin("USDT").build()?;
/// # Ok::<(), bitget_endpoints::ValidationError>(())
/// ```
#[bitget_endpoint(POST, "/api/v2/mix/order/cancel-all-orders", rate = 10, response = BatchCancelResult, retry_safe)]
pub struct CancelAllOrders {
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Margin coin, in capitals.
    #[bitget(uppercase)]
    pub margin_coin: Option<String>,
    /// Request time, Unix milliseconds (a value below 10^12 would be seconds, a likely mistake).
    #[bitget(min = 1_000_000_000_000)]
    pub request_time: Option<u64>,
    /// Valid window in milliseconds (Bitget refuses more than 60000 with 40079).
    #[bitget(max = 60_000)]
    pub receive_window: Option<u64>,
}
