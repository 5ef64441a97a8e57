//! `/api/v2/mix/order/...`: futures orders: placing and changing them (`place.rs`), cancelling
//! them (`cancel.rs`), reading them and their fills (`query.rs`), trigger and TP/SL orders
//! (`plan.rs`).
//!
//! # Open and close, in either position mode
//! v2 says what an order does to positions differently in each mode: in hedge mode `tradeSide`
//! says open or close and `side` names the *position* (closing a long is `side=buy`,
//! `tradeSide=close`, the opposite of v3 and of most exchanges); in one-way mode `tradeSide` is
//! left out and a close is the opposite side with `reduceOnly=YES`. The intent constructors
//! (`PlaceOrder::open_long(mode)`, `close_short(mode)`, ... and the same on
//! [`BatchOrderItem`] and [`PlacePlanOrder`]) write the right fields for the mode, so a bot states
//! what it means instead of spelling the convention.
//!
//! ```no_run
//! use bitget_endpoints::mix::order::{ClosePositions, PlaceOrder, PositionMode};
//! use bitget_endpoints::mix::{MarginMode, OrderType, ProductType};
//!
//! # async fn run(client: &bitget_endpoints::Client) -> Result<(), bitget_endpoints::Error> {
//! PlaceOrder::close_long(PositionMode::Hedge) // side=buy, tradeSide=close
//!     .symbol("BTCUSDT")
//!     .product_type(ProductType::UsdtFutures)
//!     .margin_mode(MarginMode::Crossed)
//!     .margin_coin("USDT")
//!     .size("0.01")
//!     .order_type(OrderType::Market)
//!     .send(client)
//!     .await?;
//! // Flash close without a symbol closes every position of the product type: only on purpose.
//! ClosePositions::builder().close_all_positions().both_sides().product_type(ProductType::UsdtFutures).send(client).await?;
//! # Ok(()) }
//! ```

mod cancel;
mod place;
mod plan;
mod query;
mod recover;

// Each file's public items (requests, their builders, answers) are this module's.
pub use cancel::*;
pub use place::*;
pub use plan::*;
pub use query::*;

use crate::{Side, TradeSide, YesNo};

/// The answers v2 spot and futures share: one order's, and a batch place's.
pub use crate::common::{BatchPlaceResult, OrderAck};

pub use bitget_endpoints_common::PositionMode;

/// v2's wire fields of an intent: `(side, tradeSide, reduceOnly)`.
pub(crate) fn v2_wire(
    mode: PositionMode,
    long: bool,
    close: bool,
) -> (Side, Option<TradeSide>, Option<YesNo>) {
    let opening_side = if long { Side::Buy } else { Side::Sell };
    match (mode, close) {
        (PositionMode::Hedge, false) => (opening_side, Some(TradeSide::Open), None),
        // v2 hedge mode: the side names the position being closed.
        (PositionMode::Hedge, true) => (opening_side, Some(TradeSide::Close), None),
        (PositionMode::OneWay, false) => (opening_side, None, None),
        (PositionMode::OneWay, true) => {
            let closing_side = if long { Side::Sell } else { Side::Buy };
            (closing_side, None, Some(YesNo::Yes))
        }
    }
}
