//! What the v2 families (spot and futures) share: the order enums both send (side, order type,
//! time in force, self-trade prevention), the batch limit, the answers of the cancel endpoints,
//! and what every answer that reports items one by one under a success envelope offers.

use bitget_core::{Error, FailedItem};
use bitget_macros::bitget_response;

/// The most items one v2 batch request takes, spot and futures alike (place, cancel): the one
/// place the declarations and the bulk cancel read it from.
pub const BATCH_LIMIT: usize = 50;

/// An amount above zero inside a value that is not a plain number (`TpslSize::Size`); plain
/// amounts declare `gt = 0`.
#[doc(hidden)]
pub fn positive(amount: &bitget_core::Decimal) -> Result<(), String> {
    if amount.is_sign_positive() && !amount.is_zero() {
        Ok(())
    } else {
        Err(format!("must be above 0, got {amount}"))
    }
}

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

/// One item of an answer that is a bare list of items (v3's place-batch, batch-modify-order,
/// cancel-batch): a `Vec` of them is a [`BatchOutcome`].
pub trait BatchItem {
    /// This item's failure, named by its id or by `index` (its place in the list); `None` when
    /// it succeeded.
    fn failure(&self, index: usize) -> Option<FailedItem>;
}

impl<T: BatchItem> BatchOutcome for Vec<T> {
    fn failed_items(&self) -> Vec<FailedItem> {
        (self.iter().enumerate())
            .filter_map(|(i, item)| item.failure(i))
            .collect()
    }

    fn item_count(&self) -> usize {
        self.len()
    }
}

/// How an item is named in an error: its order id, else its client id, else its position.
#[doc(hidden)]
pub fn item_name(order_id: Option<&str>, client_oid: Option<&str>, index: usize) -> String {
    match (
        order_id.filter(|s| !s.is_empty()),
        client_oid.filter(|s| !s.is_empty()),
    ) {
        (Some(id), _) => format!("orderId {id}"),
        (None, Some(id)) => format!("clientOid {id}"),
        (None, None) => format!("item {}", index + 1),
    }
}

impl FailedOrder {
    #[doc(hidden)]
    pub fn as_failed_item(&self, index: usize) -> FailedItem {
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

/// After a batch place's answer was lost (see [`bitget_core::recover`]), item by item, for both
/// v2 families: `find` looks an order up by its client id. A refused item whose order exists
/// moves to the successes; a refused item that is not found stays refused. An item refused as a
/// duplicate whose order cannot be found, or whose lookup failed, may be live: then the answer
/// is an ambiguous error naming those items. A batch refused as a whole is rebuilt from the
/// lookups; an order not found counts as not placed only when the refusal came back as an
/// answer (an error code); with no answer it may still be on its way. Without a distinct client
/// id on every item (`keyed` false) nothing can be told apart: the answer stands, marked.
#[doc(hidden)]
pub async fn recover_batch<F, Fut>(
    answer: Result<BatchPlaceResult, Error>,
    client_oids: Vec<String>,
    keyed: bool,
    find: F,
) -> Result<BatchPlaceResult, Error>
where
    F: Fn(String) -> Fut,
    Fut: std::future::Future<Output = Result<Option<OrderAck>, Error>>,
{
    if !keyed {
        return answer.map_err(|e| e.may_have_executed(None));
    }
    match answer {
        Ok(mut result) => {
            let total = result.success_list.len() + result.failure_list.len();
            let (mut still_failed, mut unsure) = (Vec::new(), Vec::new());
            let failures = std::mem::take(&mut result.failure_list);
            for (i, failed) in failures.into_iter().enumerate() {
                let Some(coid) = failed.client_oid.clone().filter(|c| !c.is_empty()) else {
                    still_failed.push(failed);
                    continue;
                };
                match find(coid).await {
                    Ok(Some(ack)) => result.success_list.push(ack),
                    Ok(None) if !is_duplicate(&failed) => still_failed.push(failed),
                    _ => unsure.push(failed.as_failed_item(i)),
                }
            }
            if !unsure.is_empty() {
                return Err(Error::items_failed(unsure, total).may_have_executed(None));
            }
            result.failure_list = still_failed;
            Ok(result)
        }
        Err(err) => {
            let refused = err.api_code().is_some() && !err.is_unanswered();
            let mut result = BatchPlaceResult {
                success_list: Vec::new(),
                failure_list: Vec::new(),
            };
            let mut unsure = Vec::new();
            let total = client_oids.len();
            for (i, coid) in client_oids.into_iter().enumerate() {
                match find(coid.clone()).await {
                    Ok(Some(ack)) => result.success_list.push(ack),
                    Ok(None) if refused => result.failure_list.push(FailedOrder {
                        order_id: None,
                        client_oid: Some(coid),
                        error_msg: Some(format!(
                            "{err} (looked up by clientOid after a lost answer: not placed)"
                        )),
                        error_code: err.api_code().map(|c| c.as_str().to_owned()),
                    }),
                    Ok(None) => unsure.push(FailedItem::new(
                        item_name(None, Some(&coid), i),
                        None,
                        err.to_string(),
                    )),
                    Err(_) => return Err(err.may_have_executed(None)),
                }
            }
            if unsure.is_empty() {
                Ok(result)
            } else {
                Err(Error::items_failed(unsure, total).may_have_executed(None))
            }
        }
    }
}

/// Whether an item was refused because an order under its client id exists already (43122).
fn is_duplicate(failed: &FailedOrder) -> bool {
    failed.error_code.as_deref() == Some(bitget_core::ApiCode::DuplicateClientOid.as_str())
        || failed
            .error_msg
            .as_deref()
            .is_some_and(|m| m.to_ascii_lowercase().contains("duplicate"))
}
