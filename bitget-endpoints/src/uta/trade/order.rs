//! Placing, modifying and cancelling orders; closing positions; the dead-man switch.

use bitget_core::Decimal;
use bitget_macros::{bitget_endpoint, bitget_item};

use super::{ItemResult, ItemResults, OrderAck};
use crate::types::{client_oid, futures_only};
use crate::{
    Category, MarginMode, OrderType, PosSide, Side, StpMode, TimeInForce, TriggerBy, YesNo,
};
use bitget_endpoints_common::intents;

/// At most this many orders in one v3 batch (place, modify, cancel).
pub const BATCH_LIMIT: usize = 20;

/// Place an order on any product line.
///
/// Doc: uta/trade/Place-Order. Rate 10/s per UID. `qty` is in the quote coin for a spot or
/// margin market buy and on COIN-FUTURES, in the base coin otherwise. Say what a futures order
/// does with the intent constructors (see [the module](super)). The preset TP/SL fields are for
/// futures only. `timeInForce` defaults to `gtc` (the page also calls it needed for limit
/// orders). Always set a `clientOid`: after 40010, 40725 or 45001 the outcome is unknown and
/// the order is found by it.
#[bitget_endpoint(POST, "/api/v3/trade/place-order", rate = 10, response = OrderAck, retry_safe_with(client_oid))]
#[bitget(check = presets_on_futures)]
pub struct PlaceOrder {
    /// Direction of the trade.
    #[bitget(required)]
    pub side: Side,
    /// Product line.
    #[bitget(required)]
    pub category: Category,
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Size (see the unit above).
    #[bitget(required, gt = 0)]
    pub qty: Decimal,
    /// Price; required for a limit order.
    #[bitget(required_if(order_type = OrderType::Limit))]
    pub price: Option<Decimal>,
    /// Order type.
    #[bitget(required)]
    pub order_type: OrderType,
    /// Time in force (`gtc` when absent).
    pub time_in_force: Option<TimeInForce>,
    /// Position side; required in hedge mode, futures only.
    pub pos_side: Option<PosSide>,
    /// Client order ID: 1 to 32 of `A-Z a-z 0-9 _ : -`.
    #[bitget(check = client_oid)]
    pub client_oid: Option<String>,
    /// Reduce only (`no` when absent).
    pub reduce_only: Option<YesNo>,
    /// Self-trade prevention.
    pub stp_mode: Option<StpMode>,
    /// Preset take profit: the price that triggers it.
    pub tp_trigger_by: Option<TriggerBy>,
    /// Preset stop loss: the price that triggers it.
    pub sl_trigger_by: Option<TriggerBy>,
    /// Preset take-profit trigger price.
    pub take_profit: Option<Decimal>,
    /// Preset stop-loss trigger price.
    pub stop_loss: Option<Decimal>,
    /// Order type of the take profit.
    pub tp_order_type: Option<OrderType>,
    /// Order type of the stop loss.
    pub sl_order_type: Option<OrderType>,
    /// Take-profit execution price (a limit take profit).
    #[bitget(required_if(tp_order_type = OrderType::Limit))]
    pub tp_limit_price: Option<Decimal>,
    /// Stop-loss execution price (a limit stop loss).
    #[bitget(required_if(sl_order_type = OrderType::Limit))]
    pub sl_limit_price: Option<Decimal>,
    /// Margin mode (futures; `crossed` when absent).
    pub margin_mode: Option<MarginMode>,
}

intents!(
    PlaceOrder,
    PlaceOrderBuilder<Side>,
    super::v3_wire,
    pos_side,
    "Close (or reduce) a long position: `side=sell, posSide=long` in hedge mode, `side=sell, reduceOnly=yes` in one-way mode.",
    "Close (or reduce) a short position: `side=buy, posSide=short` in hedge mode, `side=buy, reduceOnly=yes` in one-way mode."
);

fn presets_on_futures(r: &PlaceOrder) -> Result<(), String> {
    let presets = r.take_profit.is_some()
        || r.stop_loss.is_some()
        || r.tp_order_type.is_some()
        || r.sl_order_type.is_some()
        || r.tp_trigger_by.is_some()
        || r.sl_trigger_by.is_some()
        || r.tp_limit_price.is_some()
        || r.sl_limit_price.is_some();
    if presets && !r.category.is_futures() && r.category.is_known() {
        return Err(format!(
            "preset TP/SL are for futures lines, not {}",
            r.category
        ));
    }
    Ok(())
}

/// One order of a batch.
#[bitget_item]
pub struct BatchOrder {
    /// Direction.
    #[bitget(required)]
    pub side: Side,
    /// Product line (the same on every item).
    #[bitget(required)]
    pub category: Category,
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Size.
    #[bitget(required, gt = 0)]
    pub qty: Decimal,
    /// Price; required for a limit order.
    #[bitget(required_if(order_type = OrderType::Limit))]
    pub price: Option<Decimal>,
    /// Order type.
    #[bitget(required)]
    pub order_type: OrderType,
    /// Time in force.
    pub time_in_force: Option<TimeInForce>,
    /// Position side (hedge mode).
    pub pos_side: Option<PosSide>,
    /// Client order ID.
    #[bitget(check = client_oid)]
    pub client_oid: Option<String>,
    /// Self-trade prevention.
    pub stp_mode: Option<StpMode>,
}

/// Hedge-mode intents for batch items. A one-way close needs `reduceOnly`, which place-batch
/// does not take (its table has no such row): send one-way closes with [`PlaceOrder`], one
/// at a time, rather than a batch item that would open a position if Bitget ignored the flag.
impl BatchOrder {
    /// Open (or add to) a long, hedge mode: `side=buy, posSide=long`.
    pub fn hedge_open_long() -> BatchOrderBuilder<Side> {
        Self::builder().side(Side::Buy).pos_side(PosSide::Long)
    }
    /// Open (or add to) a short, hedge mode: `side=sell, posSide=short`.
    pub fn hedge_open_short() -> BatchOrderBuilder<Side> {
        Self::builder().side(Side::Sell).pos_side(PosSide::Short)
    }
    /// Close (or reduce) a long, hedge mode: `side=sell, posSide=long`.
    pub fn hedge_close_long() -> BatchOrderBuilder<Side> {
        Self::builder().side(Side::Sell).pos_side(PosSide::Long)
    }
    /// Close (or reduce) a short, hedge mode: `side=buy, posSide=short`.
    pub fn hedge_close_short() -> BatchOrderBuilder<Side> {
        Self::builder().side(Side::Buy).pos_side(PosSide::Short)
    }
}

/// One category across a batch (the docs require it).
fn one_category<T>(items: &[T], category: impl Fn(&T) -> &Category) -> Result<(), String> {
    match items.split_first() {
        Some((first, rest)) if rest.iter().any(|i| category(i) != category(first)) => {
            Err("every item of a batch has the same category".into())
        }
        _ => Ok(()),
    }
}

// A field's `check` takes `&FieldType`, here the list itself.
#[allow(clippy::ptr_arg)]
fn batch_orders_category(orders: &[BatchOrder]) -> Result<(), String> {
    one_category(orders, |o| &o.category)
}

/// Place up to 20 orders of one product line; the body is a JSON array.
///
/// Doc: uta/trade/Place-Batch. Rate 5/s per UID. Items fail alone: read each
/// [`ItemResult`] (the envelope is `00000` either way). Repeated after a lost answer only when
/// every order has a `clientOid`; then an item refused as a duplicate of what the lost attempt
/// placed is looked up and reported placed.
#[bitget_endpoint(POST, "/api/v3/trade/place-batch", rate = 5, response = Vec<ItemResult>, retry_safe_with(orders))]
pub struct PlaceBatch {
    /// The orders, 1 to 20, one category.
    #[bitget(body, required, non_empty, max_items = BATCH_LIMIT, check = batch_orders_category)]
    pub orders: Vec<BatchOrder>,
}

/// Change a resting order's size or price.
///
/// Doc: uta/trade/Modify-Order. Give `qty`, `price` or both. `autoCancel=yes` cancels the
/// order when the change fails (and refuses every later change of it).
#[bitget_endpoint(POST, "/api/v3/trade/modify-order", rate = 10, response = OrderAck)]
#[bitget(at_least_one_of(order_id, client_oid), at_least_one_of(qty, price))]
pub struct ModifyOrder {
    /// Order ID (prevails).
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// New size.
    #[bitget(gt = 0)]
    pub qty: Option<Decimal>,
    /// New price.
    pub price: Option<Decimal>,
    /// Cancel the order if the change fails (`no` when absent).
    pub auto_cancel: Option<YesNo>,
    /// Symbol.
    pub symbol: Option<String>,
    /// Product line.
    pub category: Option<Category>,
}

/// One change of a batch modify.
#[bitget_item]
#[bitget(at_least_one_of(order_id, client_oid), at_least_one_of(qty, price))]
pub struct ModifyItem {
    /// Order ID (prevails).
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// New size.
    #[bitget(gt = 0)]
    pub qty: Option<Decimal>,
    /// New price.
    pub price: Option<Decimal>,
    /// Cancel the order if the change fails.
    pub auto_cancel: Option<YesNo>,
    /// Symbol.
    pub symbol: Option<String>,
    /// Product line.
    pub category: Option<Category>,
}

/// Change up to 20 orders; the body is a JSON array.
///
/// Doc: uta/trade/Batch-Modify-Orders. Rate 10/s per UID. One product line per batch, and each
/// order at most once.
#[bitget_endpoint(POST, "/api/v3/trade/batch-modify-order", rate = 10, response = Vec<ItemResult>)]
pub struct BatchModifyOrder {
    /// The changes, 1 to 20.
    #[bitget(body, required, non_empty, max_items = BATCH_LIMIT, check = one_change_per_order)]
    pub orders: Vec<ModifyItem>,
}

#[allow(clippy::ptr_arg)] // `check` takes `&FieldType`
fn one_change_per_order(items: &[ModifyItem]) -> Result<(), String> {
    let categories: Vec<&Category> = items.iter().filter_map(|i| i.category.as_ref()).collect();
    if categories.windows(2).any(|w| w[0] != w[1]) {
        return Err("every item of a batch has the same category".into());
    }
    let mut seen = std::collections::HashSet::new();
    for i in items {
        let id = i
            .order_id
            .as_ref()
            .map(|o| ("orderId", o))
            .or(i.client_oid.as_ref().map(|c| ("clientOid", c)));
        if let Some(id) = id {
            if !seen.insert(id) {
                return Err(format!("{} {} is changed twice in one batch", id.0, id.1));
            }
        }
    }
    Ok(())
}

/// Cancel one order, by `orderId` (prevailing) or `clientOid`.
///
/// Doc: uta/trade/Cancel-Order. Rate 10/s per UID.
#[bitget_endpoint(POST, "/api/v3/trade/cancel-order", rate = 10, response = OrderAck, retry_safe)]
#[bitget(at_least_one_of(order_id, client_oid))]
pub struct CancelOrder {
    /// Order ID.
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Product line.
    pub category: Option<Category>,
}

/// One order of a batch cancel.
#[bitget_item]
#[bitget(at_least_one_of(order_id, client_oid))]
pub struct CancelItem {
    /// Order ID (prevails).
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Product line (the same on every item).
    #[bitget(required)]
    pub category: Category,
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
}

impl CancelItem {
    /// The order with this `orderId`.
    pub fn by_order_id(
        category: Category,
        symbol: impl Into<String>,
        order_id: impl Into<String>,
    ) -> Self {
        CancelItem {
            order_id: Some(order_id.into()),
            client_oid: None,
            category,
            symbol: symbol.into(),
        }
    }

    /// The order with this `clientOid`.
    pub fn by_client_oid(
        category: Category,
        symbol: impl Into<String>,
        client_oid: impl Into<String>,
    ) -> Self {
        CancelItem {
            order_id: None,
            client_oid: Some(client_oid.into()),
            category,
            symbol: symbol.into(),
        }
    }
}

#[allow(clippy::ptr_arg)] // `check` takes `&FieldType`
fn cancel_items_category(items: &[CancelItem]) -> Result<(), String> {
    one_category(items, |i| &i.category)
}

/// Cancel up to 20 orders of one product line; the body is a JSON array.
///
/// Doc: uta/trade/Cancel-Batch. Rate 5/s per UID. More than 20 ids, or one outcome per id
/// through retries: `bitget_endpoints::bulk::BulkCancel::uta`.
#[bitget_endpoint(POST, "/api/v3/trade/cancel-batch", rate = 5, response = Vec<ItemResult>, retry_safe)]
pub struct CancelBatch {
    /// The orders, 1 to 20, one category.
    #[bitget(body, required, non_empty, max_items = BATCH_LIMIT, check = cancel_items_category)]
    pub orders: Vec<CancelItem>,
}

/// Cancel every open order of a symbol, or of the whole product line.
///
/// Doc: uta/trade/Cancel-All-Order. Rate 5/s per UID.
///
/// **Danger**: without `symbol`, Bitget cancels every open order of the product line (the doc's
/// own example does exactly that). The builder needs `.symbol(...)` or an explicit
/// `.cancel_all_in_category()`.
#[bitget_endpoint(POST, "/api/v3/trade/cancel-symbol-order", rate = 5, response = ItemResults, retry_safe)]
pub struct CancelSymbolOrder {
    /// Product line.
    #[bitget(required)]
    pub category: Category,
    /// Symbol whose orders are cancelled.
    #[bitget(required_or(cancel_all_in_category))]
    pub symbol: Option<String>,
}

/// Close positions at market.
///
/// Doc: uta/trade/Close-All-Positions. Rate 5/s per UID.
///
/// **Danger**: without `symbol`, Bitget closes every position of the product line, and without
/// `posSide` both sides. The builder needs `.symbol(...)` or `.close_all_positions()`, and
/// `.pos_side(...)` or `.both_sides()`.
#[bitget_endpoint(POST, "/api/v3/trade/close-positions", rate = 5, response = ItemResults)]
pub struct ClosePositions {
    /// Futures line.
    #[bitget(required, check = futures_only)]
    pub category: Category,
    /// Symbol whose position closes.
    #[bitget(required_or(close_all_positions))]
    pub symbol: Option<String>,
    /// The side to close.
    #[bitget(required_or(both_sides))]
    pub pos_side: Option<PosSide>,
}

/// The dead-man switch: cancel every order if no new call comes within `countdown` seconds.
///
/// Doc: uta/trade/CountDown-Cancel-All. Rate 1/s per UID. `countdown` is 5 to 60 seconds, or
/// `0` to turn the switch off; it goes out as a string (`"40"`), as the page sends it. Bitget
/// answers `"success"`.
#[bitget_endpoint(POST, "/api/v3/trade/countdown-cancel-all", rate = 1, response = String, retry_safe)]
pub struct CountdownCancelAll {
    /// Seconds: 0 (off), or 5 to 60.
    #[bitget(required, min = 5, max = 60, allow = 0)]
    pub countdown: u32,
}
