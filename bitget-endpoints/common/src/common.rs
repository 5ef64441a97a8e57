//! What the v2 families (spot and futures) share: the order enums both send (side, order type,
//! time in force, self-trade prevention), the batch limit, the answers of the cancel endpoints,
//! and what every answer that reports items one by one under a success envelope offers.

use bitget_core::{Error, FailedItem};

use crate::__private::item_name;
use bitget_macros::bitget_response;

/// The most items one v2 batch request takes, spot and futures alike (place, cancel): the one
/// place the declarations and the bulk cancel read it from.
pub const BATCH_LIMIT: usize = 50;

/// An answer that reports its items one by one while the envelope says `00000`: a batch place
/// or cancel, a flash close, an "all" cancel. A failure is only in the items, so `send().await?`
/// alone passes it; [`error_for_failures`](Self::error_for_failures) turns any failed item into
/// an error naming each one.
///
/// ```no_run
/// use bitget_endpoints::BatchOutcome as _;
/// # async fn run(client: &bitget_endpoints::Client, batch: bitget_endpoints::mix::order::BatchPlaceOrder) -> Result<(), bitget_endpoints::Error> {
/// let placed = batch.send(client).await?.error_for_failures()?;
/// # let _ = placed; Ok(()) }
/// ```
pub trait BatchOutcome: Sized {
    /// The items that failed, each named by its order id, client id or symbol.
    fn failed_items(&self) -> Vec<FailedItem>;

    /// How many items the answer reports, failed or not.
    fn item_count(&self) -> usize;

    /// The answer when no item failed; otherwise an [`ErrorKind::ItemsFailed`] error naming
    /// each failed item with Bitget's code and reason.
    ///
    /// [`ErrorKind::ItemsFailed`]: bitget_core::ErrorKind::ItemsFailed
    fn error_for_failures(self) -> Result<Self, Error> {
        let failed = self.failed_items();
        if failed.is_empty() {
            Ok(self)
        } else {
            Err(Error::items_failed(failed, self.item_count()))
        }
    }
}

impl FailedOrder {
    pub(crate) fn as_failed_item(&self, index: usize) -> FailedItem {
        FailedItem::new(
            item_name(self.order_id.as_deref(), self.client_oid.as_deref(), index),
            self.error_code.clone(),
            self.error_msg.clone().unwrap_or_default(),
        )
    }
}

/// An order that was cancelled (or, for a single cancel, the order the cancel was accepted for).
#[bitget_response]
pub struct CancelledOrder {
    /// Order ID.
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
}

/// An order that was not cancelled, with Bitget's reason.
#[bitget_response]
pub struct FailedOrder {
    /// Order ID.
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Failure reason.
    pub error_msg: Option<String>,
    /// Error code, such as `40768` (futures order does not exist); absent on some endpoints.
    pub error_code: Option<String>,
}

/// The answer of the batch and "all" cancel endpoints.
///
/// Bitget answers `00000` even when items fail: a failure is only in `failure_list`. Ask
/// [`all_succeeded`](Self::all_succeeded), or turn failures into an error with
/// [`BatchOutcome::error_for_failures`], before treating the call as done.
#[bitget_response]
#[must_use = "items may have failed under a success answer: read `failure_list` or call `error_for_failures()`"]
pub struct BatchCancelResult {
    /// The orders that were cancelled.
    pub success_list: Vec<CancelledOrder>,
    /// The orders that were not, each with its reason.
    pub failure_list: Vec<FailedOrder>,
}

impl BatchCancelResult {
    /// Whether no item failed.
    pub fn all_succeeded(&self) -> bool {
        self.failure_list.is_empty()
    }

    /// The failed items, each with Bitget's reason.
    pub fn failures(&self) -> &[FailedOrder] {
        &self.failure_list
    }

    /// The cancelled items.
    pub fn successes(&self) -> &[CancelledOrder] {
        &self.success_list
    }

    /// Whether the order with this `orderId` or `clientOid` is among the failures.
    pub fn failed(&self, id: &str) -> Option<&FailedOrder> {
        self.failure_list
            .iter()
            .find(|f| f.order_id.as_deref() == Some(id) || f.client_oid.as_deref() == Some(id))
    }

    /// Whether the order with this `orderId` or `clientOid` is among the successes.
    pub fn cancelled(&self, id: &str) -> bool {
        self.success_list
            .iter()
            .any(|s| s.order_id.as_deref() == Some(id) || s.client_oid.as_deref() == Some(id))
    }
}

impl BatchOutcome for BatchCancelResult {
    fn failed_items(&self) -> Vec<FailedItem> {
        (self.failure_list.iter().enumerate())
            .map(|(i, f)| f.as_failed_item(i))
            .collect()
    }

    fn item_count(&self) -> usize {
        self.success_list.len() + self.failure_list.len()
    }
}

bitget_core::wire_enum! {
    /// Order direction.
    pub enum Side {
        /// Buy.
        Buy = "buy",
        /// Sell.
        Sell = "sell",
    }
}

bitget_core::wire_enum! {
    /// Order type.
    pub enum OrderType {
        /// Limit order.
        Limit = "limit",
        /// Market order.
        Market = "market",
    }
}

bitget_core::wire_enum! {
    /// Time in force.
    pub enum Force {
        /// Good till cancelled.
        Gtc = "gtc",
        /// Immediate or cancel.
        Ioc = "ioc",
        /// Fill or kill.
        Fok = "fok",
        /// Maker only.
        PostOnly = "post_only",
    }
}

bitget_core::wire_enum! {
    /// Self-trade prevention.
    pub enum StpMode {
        /// No prevention (the default).
        None = "none",
        /// Cancel the taker order.
        CancelTaker = "cancel_taker",
        /// Cancel the maker order.
        CancelMaker = "cancel_maker",
        /// Cancel both.
        CancelBoth = "cancel_both",
    }
}

bitget_core::wire_enum! {
    /// `YES` or `NO`: the futures reduce-only flag, the merged books' `isMaxPrecision` (Bitget
    /// answers some in lower case).
    pub enum YesNo {
        /// Yes.
        Yes = "YES",
        /// No.
        No = "NO",
    }
}

bitget_core::wire_enum! {
    /// The price a trigger watches.
    pub enum TriggerType {
        /// The last traded price.
        FillPrice = "fill_price",
        /// The mark price.
        MarkPrice = "mark_price",
    }
}

bitget_core::wire_enum! {
    /// Merged depth precision.
    pub enum DepthPrecision {
        /// The finest (the symbol's tick).
        Scale0 = "scale0",
        /// Coarser.
        Scale1 = "scale1",
        /// Coarser.
        Scale2 = "scale2",
        /// The coarsest.
        Scale3 = "scale3",
    }
}

bitget_core::wire_enum! {
    /// Merged depth levels per side.
    pub enum DepthLimit {
        /// 1 level.
        L1 = "1",
        /// 5 levels.
        L5 = "5",
        /// 15 levels.
        L15 = "15",
        /// 50 levels.
        L50 = "50",
        /// The most Bitget serves.
        Max = "max",
    }
}

/// A merged order book (v2 spot and futures merge-depth). The levels arrive as strings on spot
/// and JSON numbers on futures; [`PriceLevel`](bitget_core::quotes::PriceLevel) reads both.
#[bitget_response]
pub struct MergeDepthBook {
    /// Asks, lowest first.
    pub asks: Vec<bitget_core::quotes::PriceLevel>,
    /// Bids, highest first.
    pub bids: Vec<bitget_core::quotes::PriceLevel>,
    /// Time, Unix ms.
    #[bitget(timestamp)]
    pub ts: i64,
    /// The merge step actually used.
    pub scale: Option<bitget_core::Decimal>,
    /// The precision actually used (`scale0`..`scale3`).
    pub precision: Option<DepthPrecision>,
    /// Whether this is the finest precision (`YES`/`NO`).
    pub is_max_precision: Option<YesNo>,
}

/// The answer to placing, modifying or cancelling one order (v2 spot and futures).
///
/// `order_id` is absent when a one-way reduce-only futures order made Bitget cancel older ones:
/// find the order by the `clientOid` you set.
#[bitget_response]
pub struct OrderAck {
    /// Order ID.
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
}

/// The answer of a batch place: what was placed and what failed, item by item (the envelope is
/// `00000` either way: see [`BatchOutcome::error_for_failures`]).
#[bitget_response]
#[must_use = "orders may have failed under a success answer: read `failure_list` or call `error_for_failures()`"]
pub struct BatchPlaceResult {
    /// The orders placed.
    pub success_list: Vec<OrderAck>,
    /// The orders refused, each with Bitget's reason.
    pub failure_list: Vec<FailedOrder>,
}

impl BatchPlaceResult {
    /// Whether every order was placed.
    pub fn all_succeeded(&self) -> bool {
        self.failure_list.is_empty()
    }

    /// The refused orders.
    pub fn failures(&self) -> &[FailedOrder] {
        &self.failure_list
    }
}

impl BatchOutcome for BatchPlaceResult {
    fn failed_items(&self) -> Vec<FailedItem> {
        (self.failure_list.iter().enumerate())
            .map(|(i, f)| f.as_failed_item(i))
            .collect()
    }

    fn item_count(&self) -> usize {
        self.success_list.len() + self.failure_list.len()
    }
}
