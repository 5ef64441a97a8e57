//! `/api/v2/spot/trade/...`: spot orders: placing and reading one (`order.rs`), reading many
//! (`query.rs`), trigger orders (`plan.rs`), cancelling (here).

use bitget_macros::bitget_endpoint;

pub use super::order::*;
pub use super::plan::*;
pub use super::query::*;
use super::{BatchMode, SpotOrderItem, TpslType};
use crate::common::{BATCH_LIMIT, BatchCancelResult, CancelledOrder};

/// Cancel one spot order, by `orderId` or `clientOid` (if both, `orderId` prevails).
///
/// A TP/SL order (`tpslType = tpsl`) is cancelled by `orderId`, and then `symbol` is not needed.
///
/// ```
/// use bitget_endpoints::spot::trade::CancelOrder;
/// let request = CancelOrder::builder().symbol("BTCUSDT").order_id("121211212122").build()?;
/// # Ok::<(), bitget_endpoints::ValidationError>(())
/// ```
#[bitget_endpoint(POST, "/api/v2/spot/trade/cancel-order", rate = 10, response = CancelledOrder, retry_safe)]
#[bitget(at_least_one_of(order_id, client_oid))]
pub struct CancelOrder {
    /// Trading pair, e.g. BTCUSDT. Not required when `tpslType` is `tpsl`.
    #[bitget(required_unless(tpsl_type = TpslType::Tpsl))]
    pub symbol: Option<String>,
    /// Order type: `normal` (default) or `tpsl`.
    pub tpsl_type: Option<TpslType>,
    /// Order ID; required when `tpslType` is `tpsl`.
    #[bitget(required_if(tpsl_type = TpslType::Tpsl))]
    pub order_id: Option<String>,
    /// Client order ID.
    #[bitget(max_len = 50)]
    pub client_oid: Option<String>,
}

/// Cancel up to 50 spot orders, of one symbol (`single` mode) or several (`multiple`).
///
/// Items must not mix `orderId` and `clientOid`: Bitget fails the items that only give a
/// `clientOid` when others give an `orderId`, so such a batch is refused before it is sent.
///
/// More than 50 ids, mixed kinds, or one outcome per id through retries:
/// `bitget_endpoints::bulk::BulkCancel::spot`.
///
/// ```
/// use bitget_endpoints::spot::{trade::BatchCancelOrder, BatchMode, SpotOrderItem};
/// let request = BatchCancelOrder::builder()
///     .symbol("BTCUSDT")
///     .batch_mode(BatchMode::Single)
///     .order_list([SpotOrderItem::by_order_id("121211212122"), SpotOrderItem::by_order_id("121211212123")])
///     .build()?;
/// # Ok::<(), bitget_endpoints::ValidationError>(())
/// ```
#[bitget_endpoint(POST, "/api/v2/spot/trade/batch-cancel-order", rate = 10, response = BatchCancelResult, retry_safe)]
pub struct BatchCancelOrder {
    /// Trading pair, e.g. BTCUSDT: the batch's symbol in `single` mode (ignored in `multiple`).
    #[bitget(required_unless(batch_mode = BatchMode::Multiple))]
    pub symbol: Option<String>,
    /// `single` (default): one symbol; `multiple`: each item names its symbol.
    pub batch_mode: Option<BatchMode>,
    /// The orders, at most 50.
    #[bitget(
        required,
        non_empty,
        max_items = BATCH_LIMIT,
        no_mix(order_id, client_oid),
        item_required_if(symbol, batch_mode = BatchMode::Multiple)
    )]
    pub order_list: Vec<SpotOrderItem>,
}
