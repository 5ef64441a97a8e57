//! Placing and changing futures orders: place, batch place, modify, reverse, flash close.

use bitget_core::Decimal;
use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

use super::{BatchPlaceResult, OrderAck};
use crate::common::{BATCH_LIMIT, BatchOutcome};
use crate::{Force, HoldSide, MarginMode, OrderType, ProductType, Side, StpMode, TradeSide, YesNo};
use bitget_core::FailedItem;
use bitget_endpoints_common::__private::item_name;
use bitget_endpoints_common::intents;

/// Place a futures order.
///
/// Doc: contract/trade/Place-Order. Rate 10/s per UID (1/s for copy traders).
///
/// Say what the order does with the intent constructors, which write `side`, `tradeSide` and
/// `reduceOnly` for the position mode (see [the module](super)):
///
/// ```
/// use bitget_endpoints::mix::order::{PlaceOrder, PositionMode};
/// use bitget_endpoints::mix::{MarginMode, OrderType, ProductType};
/// let close = PlaceOrder::close_long(PositionMode::Hedge) // side=buy, tradeSide=close
///     .symbol("BTCUSDT")
///     .product_type(ProductType::UsdtFutures)
///     .margin_mode(MarginMode::Crossed)
///     .margin_coin("USDT")
///     .size("0.01")
///     .order_type(OrderType::Market)
///     .build()?;
/// # Ok::<(), bitget_endpoints::ValidationError>(())
/// ```
///
/// Rules beyond the table: `tradeSide` (hedge mode) and `reduceOnly=YES` (one-way mode) are not
/// sent together: the pair means the caller does not know the account's mode. Use the intent for
/// the mode the account is in (`AllPosition` and `Accounts` answer `posMode`): the newest English
/// page says one-way mode *ignores* `tradeSide` (so `close_long(PositionMode::Hedge)` on a one-way
/// account would buy, growing the long), the zh page that it must be omitted, and 40774 is
/// Bitget's code for a position-mode mismatch. In one-way mode a reduce-only order may cancel
/// older reduce-only orders and come back without `orderId`.
#[bitget_endpoint(POST, "/api/v2/mix/order/place-order", rate = 10, response = OrderAck, retry_safe_with(client_oid))]
pub struct PlaceOrder {
    /// Order direction (in hedge mode, the position's: `buy` for long, also when closing it).
    #[bitget(required)]
    pub side: Side,
    /// Symbol, e.g. ETHUSDT.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Margin mode.
    #[bitget(required)]
    pub margin_mode: MarginMode,
    /// Margin coin, in capitals.
    #[bitget(required, uppercase)]
    pub margin_coin: String,
    /// Size, base coin (decimals per the contract's `volumePlace`).
    #[bitget(required, gt = 0)]
    pub size: Decimal,
    /// Price; required for a limit order.
    #[bitget(required_if(order_type = OrderType::Limit))]
    pub price: Option<Decimal>,
    /// Open or close; hedge mode only (left out in one-way mode).
    #[bitget(absent_if(reduce_only = YesNo::Yes))]
    pub trade_side: Option<TradeSide>,
    /// Order type.
    #[bitget(required)]
    pub order_type: OrderType,
    /// Time in force (`gtc` when absent).
    pub force: Option<Force>,
    /// Client order ID.
    #[bitget(max_len = 50)]
    pub client_oid: Option<String>,
    /// Reduce only (`NO` when absent); one-way mode only.
    pub reduce_only: Option<YesNo>,
    /// Take-profit trigger price for the position.
    pub preset_stop_surplus_price: Option<Decimal>,
    /// Stop-loss trigger price for the position.
    pub preset_stop_loss_price: Option<Decimal>,
    /// Take-profit execution price (market when absent).
    pub preset_stop_surplus_execute_price: Option<Decimal>,
    /// Stop-loss execution price (market when absent).
    pub preset_stop_loss_execute_price: Option<Decimal>,
    /// Self-trade prevention (`none` when absent).
    pub stp_mode: Option<StpMode>,
}

intents!(
    PlaceOrder,
    PlaceOrderBuilder<Side>,
    super::v2_wire,
    trade_side,
    "Close (or reduce) a long position: `side=buy, tradeSide=close` in hedge mode, `side=sell, reduceOnly=YES` in one-way mode.",
    "Close (or reduce) a short position: `side=sell, tradeSide=close` in hedge mode, `side=buy, reduceOnly=YES` in one-way mode."
);

/// One order of a batch: the fields of [`PlaceOrder`] that vary per order.
#[bitget_item]
pub struct BatchOrderItem {
    /// Order direction (hedge mode: the position's).
    #[bitget(required)]
    pub side: Side,
    /// Size, base coin.
    #[bitget(required, gt = 0)]
    pub size: Decimal,
    /// Price; required for a limit order.
    #[bitget(required_if(order_type = OrderType::Limit))]
    pub price: Option<Decimal>,
    /// Open or close; hedge mode only.
    #[bitget(absent_if(reduce_only = YesNo::Yes))]
    pub trade_side: Option<TradeSide>,
    /// Order type.
    #[bitget(required)]
    pub order_type: OrderType,
    /// Time in force.
    pub force: Option<Force>,
    /// Client order ID.
    #[bitget(max_len = 50)]
    pub client_oid: Option<String>,
    /// Reduce only; one-way mode only.
    pub reduce_only: Option<YesNo>,
    /// Take-profit trigger price.
    pub preset_stop_surplus_price: Option<Decimal>,
    /// Stop-loss trigger price.
    pub preset_stop_loss_price: Option<Decimal>,
    /// Self-trade prevention.
    pub stp_mode: Option<StpMode>,
}

intents!(
    BatchOrderItem,
    BatchOrderItemBuilder<Side>,
    super::v2_wire,
    trade_side,
    "Close (or reduce) a long position: `side=buy, tradeSide=close` in hedge mode, `side=sell, reduceOnly=YES` in one-way mode.",
    "Close (or reduce) a short position: `side=sell, tradeSide=close` in hedge mode, `side=buy, reduceOnly=YES` in one-way mode."
);

/// Place up to 50 orders on one symbol.
///
/// Doc: contract/trade/Batch-Order. Rate 5/s per UID in the newer revision (10/s in the older;
/// the lower is declared), 1/s for copy traders. Bitget answers `00000` even when orders fail:
/// read [`BatchPlaceResult::failures`]. Repeated after a lost answer only when every item has a
/// `clientOid`; then an item refused as a duplicate of what the lost attempt placed is looked up
/// and reported placed.
#[bitget_endpoint(POST, "/api/v2/mix/order/batch-place-order", rate = 5, response = BatchPlaceResult, retry_safe_with(order_list))]
pub struct BatchPlaceOrder {
    /// Symbol (one per batch).
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Margin coin, in capitals.
    #[bitget(required, uppercase)]
    pub margin_coin: String,
    /// Margin mode.
    #[bitget(required)]
    pub margin_mode: MarginMode,
    /// The orders, 1 to 50.
    #[bitget(required, non_empty, max_items = BATCH_LIMIT)]
    pub order_list: Vec<BatchOrderItem>,
}

/// Change a resting limit order's size and price (by cancel and replace), or its preset TP/SL.
///
/// Doc: contract/trade/Modify-Order. Only an order with nothing filled can change. Changing size
/// or price replaces the order asynchronously under `newClientOid`, the only way to find the new
/// order: the table makes it required and so does this type. `newSize` and `newPrice` go
/// together. The TP and SL presets also go together: an older revision says sending one cancels
/// the other (the newer says a blank keeps it); `0` deletes one. Size or price together with a
/// TP/SL change is refused: Bitget ignores the TP/SL part then.
#[bitget_endpoint(POST, "/api/v2/mix/order/modify-order", rate = 10, response = OrderAck, retry_safe_with(new_client_oid))]
#[bitget(
    at_least_one_of(order_id, client_oid),
    together(new_size, new_price),
    together(new_preset_stop_surplus_price, new_preset_stop_loss_price),
    check = one_change_at_a_time
)]
pub struct ModifyOrder {
    /// Order ID (prevails over `clientOid`).
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Margin coin, in capitals (in the doc's example, not its table).
    #[bitget(uppercase)]
    pub margin_coin: Option<String>,
    /// The replacement order's client ID.
    #[bitget(required, max_len = 50)]
    pub new_client_oid: String,
    /// New size (with `newPrice`).
    #[bitget(gt = 0)]
    pub new_size: Option<Decimal>,
    /// New price (with `newSize`).
    pub new_price: Option<Decimal>,
    /// New take-profit trigger price (`0` deletes it).
    pub new_preset_stop_surplus_price: Option<Decimal>,
    /// New stop-loss trigger price (`0` deletes it).
    pub new_preset_stop_loss_price: Option<Decimal>,
}

fn one_change_at_a_time(r: &ModifyOrder) -> Result<(), String> {
    // The replacement is found by its new client id after a lost answer: the original's id
    // would find the unmodified order and call the change done.
    if r.client_oid.as_deref() == Some(r.new_client_oid.as_str()) {
        return Err(
            "newClientOid must differ from the order's clientOid: the replacement is a new order"
                .into(),
        );
    }
    let reprice = r.new_size.is_some() || r.new_price.is_some();
    let tpsl = r.new_preset_stop_surplus_price.is_some() || r.new_preset_stop_loss_price.is_some();
    match (reprice, tpsl) {
        (true, true) => Err("change size and price, or the TP/SL presets, not both: Bitget ignores the TP/SL change when size and price change".into()),
        (false, false) => Err("nothing to change: set newSize and newPrice, or the TP/SL presets".into()),
        _ => Ok(()),
    }
}

/// Reverse a position: close it and open the same size on the other side.
///
/// Doc: contract/trade/Reversal. One-way mode: leave `tradeSide` out; the whole position reverses
/// and `size` is ignored. Hedge mode: `tradeSide=open`, with `side=buy` to turn a long into a
/// short and `side=sell` for the reverse. The doc's rate is 10/s per UID (1/s for copy traders);
/// ccxt uses 1/s, and the lower is declared. `side` is required in the newer table, optional in
/// the older, and the page's own example omits it (one-way mode reverses the whole position):
/// it is optional here, and required with `tradeSide` (hedge mode, where it names the position).
#[bitget_endpoint(POST, "/api/v2/mix/order/click-backhand", rate = 1, response = OrderAck)]
pub struct ClickBackhand {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Margin coin, in capitals.
    #[bitget(required, uppercase)]
    pub margin_coin: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Size to reverse (hedge mode).
    pub size: Option<Decimal>,
    /// Direction of the position being reversed (hedge mode: `buy` for a long).
    pub side: Option<Side>,
    /// `open`; hedge mode only (with `side`).
    #[bitget(requires(side))]
    pub trade_side: Option<TradeSide>,
    /// Client order ID.
    #[bitget(max_len = 50)]
    pub client_oid: Option<String>,
}

/// Close positions at market ("flash close").
///
/// Doc: contract/trade/Flash-Close-Position. Rate 1/s per UID.
///
/// **Danger**: without `symbol`, Bitget closes every position of the product type, and in hedge
/// mode without `holdSide` both sides. The builder needs `.symbol(...)` or an explicit
/// `.close_all_positions()`, and `.hold_side(...)` or an explicit `.both_sides()` (one-way
/// mode has one side: `.both_sides()` says so).
#[bitget_endpoint(POST, "/api/v2/mix/order/close-positions", rate = 1, response = ClosePositionsResult)]
pub struct ClosePositions {
    /// Symbol whose position closes.
    #[bitget(required_or(close_all_positions))]
    pub symbol: Option<String>,
    /// The side to close (hedge mode; ignored in one-way mode).
    #[bitget(required_or(both_sides))]
    pub hold_side: Option<HoldSide>,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
}

/// A position closed.
#[bitget_response]
pub struct ClosedPosition {
    /// The closing order's ID.
    pub order_id: Option<String>,
    /// The closing order's client ID.
    pub client_oid: Option<String>,
    /// Symbol (newer revisions).
    pub symbol: Option<String>,
}

/// A position that did not close, with Bitget's reason.
#[bitget_response]
pub struct FailedClose {
    /// Order ID.
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Symbol (newer revisions).
    pub symbol: Option<String>,
    /// Reason.
    pub error_msg: Option<String>,
    /// Error code.
    pub error_code: Option<String>,
}

/// The answer of a flash close, position by position. The envelope is `00000` even when a close
/// failed (see [`BatchOutcome::error_for_failures`]); both lists empty means there was no
/// position to close ([`closed_nothing`](Self::closed_nothing)).
#[bitget_response]
#[must_use = "a close may have failed under a success answer: read `failure_list` or call `error_for_failures()`"]
pub struct ClosePositionsResult {
    /// Closed.
    pub success_list: Vec<ClosedPosition>,
    /// Not closed (a close can fail during delivery or risk handling).
    pub failure_list: Vec<FailedClose>,
}

impl ClosePositionsResult {
    /// Whether every position closed.
    pub fn all_succeeded(&self) -> bool {
        self.failure_list.is_empty()
    }

    /// Whether nothing was closed nor refused: no open position matched (already closed).
    pub fn closed_nothing(&self) -> bool {
        self.success_list.is_empty() && self.failure_list.is_empty()
    }
}

impl BatchOutcome for ClosePositionsResult {
    fn failed_items(&self) -> Vec<FailedItem> {
        (self.failure_list.iter().enumerate())
            .map(|(i, f)| {
                let id = match f.symbol.as_deref().filter(|s| !s.is_empty()) {
                    Some(symbol) => format!("symbol {symbol}"),
                    None => item_name(f.order_id.as_deref(), f.client_oid.as_deref(), i),
                };
                FailedItem::new(
                    id,
                    f.error_code.clone(),
                    f.error_msg.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    fn item_count(&self) -> usize {
        self.success_list.len() + self.failure_list.len()
    }
}
