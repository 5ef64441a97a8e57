//! `/api/v3/trade/...`: orders (`order.rs`), reading them and their fills (`query.rs`), and
//! strategy (TP/SL and trigger) orders (`strategy.rs`).
//!
//! # Open and close, in either position mode
//! v3 names the position in hedge mode with `posSide`: closing a long is `side=sell,
//! posSide=long`, the *opposite* of v2's `side=buy, tradeSide=close`. In one-way mode a close is
//! the opposite side with `reduceOnly=yes`. The intent constructors (`PlaceOrder::close_long(mode)`,
//! and `BatchOrder::hedge_close_long()` for batches, which take no `reduceOnly`) write the fields
//! for the mode, so a bot moving from v2 cannot flip a position by habit.
//!
//! ```no_run
//! use bitget_endpoints::PositionMode;
//! use bitget_endpoints::uta::trade::{ClosePositions, PlaceOrder};
//! use bitget_endpoints::uta::{Category, OrderType};
//!
//! # async fn run(client: &bitget_endpoints::Client) -> Result<(), bitget_endpoints::Error> {
//! PlaceOrder::close_long(PositionMode::Hedge) // side=sell, posSide=long
//!     .category(Category::UsdtFutures)
//!     .symbol("BTCUSDT")
//!     .qty("0.01")
//!     .order_type(OrderType::Market)
//!     .send(client)
//!     .await?;
//! // Without a symbol Bitget closes every position of the line: only on purpose.
//! ClosePositions::builder().category(Category::UsdtFutures).close_all_positions().both_sides().send(client).await?;
//! # Ok(()) }
//! ```

mod order;
mod query;
mod recover;
mod strategy;

use bitget_core::FailedItem;
use bitget_macros::bitget_response;

use crate::common::BatchOutcome;
use bitget_endpoints_common::__private::{BatchItem, item_name};

// Each file's public items (requests, their builders, answers) are this module's.
pub use order::*;
pub use query::*;
pub use strategy::*;

use super::{PosSide, Side, YesNo};
use bitget_endpoints_common::PositionMode;

/// The answer to placing, modifying or cancelling one order. `order_id` is absent when a
/// one-way reduce-only order replaced an earlier one: find the order by its `clientOid`.
#[bitget_response]
pub struct OrderAck {
    /// Order ID.
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
}

/// One item's outcome in a batch or an "all" answer: `code` and `msg` are set when it failed
/// (the envelope says `00000` either way).
#[bitget_response]
pub struct ItemResult {
    /// Order ID.
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Error code when the item failed (`24056`: no such order).
    pub code: Option<String>,
    /// Error message when the item failed.
    pub msg: Option<String>,
}

impl ItemResult {
    /// Whether this item succeeded: no error code (or `00000`, or `0` as the stream's batch
    /// answers say it) and no message other than
    /// `success`. A failure carrying only a message counts as a failure: the safe reading for a
    /// cancel, which must never be reported done when it was not.
    pub fn succeeded(&self) -> bool {
        let code_ok = self
            .code
            .as_deref()
            .is_none_or(|c| c.is_empty() || c == "00000" || c == "0");
        let msg_ok = self
            .msg
            .as_deref()
            .is_none_or(|m| m.is_empty() || m.eq_ignore_ascii_case("success"));
        code_ok && msg_ok
    }
}

/// The per-item answer of the "all" endpoints (cancel-symbol-order, close-positions); the
/// envelope is `00000` even when items failed (see [`BatchOutcome::error_for_failures`]).
#[bitget_response]
#[must_use = "items may have failed under a success answer: read `failures()` or call `error_for_failures()`"]
pub struct ItemResults {
    /// One entry per order or position acted on.
    pub list: Vec<ItemResult>,
}

/// The batch endpoints' answer (place-batch, batch-modify-order, cancel-batch) is one item per
/// order, in the request's order: a `Vec<ItemResult>`, a [`BatchOutcome`].
impl BatchItem for ItemResult {
    fn failure(&self, index: usize) -> Option<FailedItem> {
        (!self.succeeded()).then(|| {
            FailedItem::new(
                item_name(self.order_id.as_deref(), self.client_oid.as_deref(), index),
                self.code.clone(),
                self.msg.clone().unwrap_or_default(),
            )
        })
    }
}

impl BatchOutcome for ItemResults {
    fn failed_items(&self) -> Vec<FailedItem> {
        self.list.failed_items()
    }

    fn item_count(&self) -> usize {
        self.list.len()
    }
}

impl ItemResults {
    /// The items that failed.
    pub fn failures(&self) -> impl Iterator<Item = &ItemResult> {
        self.list.iter().filter(|r| !r.succeeded())
    }
}

/// v3's wire fields of an intent: `(side, posSide, reduceOnly)`.
pub(crate) fn v3_wire(
    mode: PositionMode,
    long: bool,
    close: bool,
) -> (Side, Option<PosSide>, Option<YesNo>) {
    let opening = if long { Side::Buy } else { Side::Sell };
    let closing = if long { Side::Sell } else { Side::Buy };
    let side = if close { closing } else { opening };
    match mode {
        // v3 hedge mode: the side is the trade's, the position is named by posSide.
        PositionMode::Hedge => (
            side,
            Some(if long { PosSide::Long } else { PosSide::Short }),
            None,
        ),
        PositionMode::OneWay => (side, None, close.then_some(YesNo::Yes)),
    }
}
