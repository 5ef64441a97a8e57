//! Strategy orders: take profit and stop loss on a position, and trigger orders (futures only).

use bitget_core::Decimal;
use bitget_macros::{bitget_endpoint, bitget_response};

use super::OrderAck;

use crate::types::{client_oid, futures_only};
use crate::{Category, OrderType, PosSide, Side, StrategyType, TpslMode, TriggerBy, YesNo};

/// Place a TP/SL on a position, or a trigger order.
///
/// Doc: uta/strategy/Place-Strategy-Order. Rate 10/s per UID. A TP/SL (`type=tpsl`, the
/// default) needs a take profit or a stop loss, and `qty` when it covers part of the position
/// (`tpslMode=partial`); a trigger order needs `triggerPrice` and `qty`. A limit leg needs its
/// price. The client id is idempotent for about six hours (not fully guaranteed).
#[bitget_endpoint(POST, "/api/v3/trade/place-strategy-order", rate = 10, response = OrderAck, retry_safe_with(client_oid))]
#[bitget(check = strategy_rules)]
pub struct PlaceStrategyOrder {
    /// Futures line.
    #[bitget(required, check = futures_only)]
    pub category: Category,
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Client order ID.
    #[bitget(check = client_oid)]
    pub client_oid: Option<String>,
    /// `tpsl` (the default) or `trigger`.
    pub r#type: Option<StrategyType>,
    /// Whole position (`full`, the default) or part (`partial`).
    pub tpsl_mode: Option<TpslMode>,
    /// Size, base coin.
    #[bitget(
        required_if(tpsl_mode = TpslMode::Partial),
        required_if(r#type = StrategyType::Trigger),
        gt = 0
    )]
    pub qty: Option<Decimal>,
    /// Direction (trigger orders; in hedge mode with `posSide`).
    pub side: Option<Side>,
    /// Position side.
    pub pos_side: Option<PosSide>,
    /// Reduce only.
    pub reduce_only: Option<YesNo>,
    /// Take-profit trigger price type.
    pub tp_trigger_by: Option<TriggerBy>,
    /// Stop-loss trigger price type.
    pub sl_trigger_by: Option<TriggerBy>,
    /// Take-profit trigger price.
    pub take_profit: Option<Decimal>,
    /// Stop-loss trigger price.
    pub stop_loss: Option<Decimal>,
    /// Take-profit order type (`market` when absent).
    pub tp_order_type: Option<OrderType>,
    /// Stop-loss order type.
    pub sl_order_type: Option<OrderType>,
    /// Take-profit execution price (limit).
    #[bitget(required_if(tp_order_type = OrderType::Limit))]
    pub tp_limit_price: Option<Decimal>,
    /// Stop-loss execution price (limit).
    #[bitget(required_if(sl_order_type = OrderType::Limit))]
    pub sl_limit_price: Option<Decimal>,
    /// Trigger price type (trigger orders).
    pub trigger_by: Option<TriggerBy>,
    /// Trigger price (trigger orders).
    #[bitget(required_if(r#type = StrategyType::Trigger))]
    pub trigger_price: Option<Decimal>,
    /// Order type placed when the trigger fires.
    pub trigger_order_type: Option<OrderType>,
    /// Its price (limit).
    #[bitget(required_if(trigger_order_type = OrderType::Limit))]
    pub trigger_order_price: Option<Decimal>,
}

fn strategy_rules(r: &PlaceStrategyOrder) -> Result<(), String> {
    let trigger = r.r#type == Some(StrategyType::Trigger);
    if !trigger && r.take_profit.is_none() && r.stop_loss.is_none() {
        return Err("a TP/SL order needs takeProfit or stopLoss".into());
    }
    Ok(())
}

/// Change a strategy order.
///
/// Doc: uta/strategy/Modify-Strategy-Order. The table marks `qty` required (it can change only
/// in partial mode): declared required, the safest reading. There is no category or symbol: the
/// order is found by its id.
#[bitget_endpoint(POST, "/api/v3/trade/modify-strategy-order", rate = 10, response = OrderAck)]
#[bitget(at_least_one_of(order_id, client_oid))]
pub struct ModifyStrategyOrder {
    /// Order ID (prevails).
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Size, base coin.
    #[bitget(required, gt = 0)]
    pub qty: Decimal,
    /// Take-profit trigger price type.
    pub tp_trigger_by: Option<TriggerBy>,
    /// Stop-loss trigger price type.
    pub sl_trigger_by: Option<TriggerBy>,
    /// Take-profit trigger price.
    pub take_profit: Option<Decimal>,
    /// Stop-loss trigger price.
    pub stop_loss: Option<Decimal>,
    /// Take-profit order type.
    pub tp_order_type: Option<OrderType>,
    /// Stop-loss order type.
    pub sl_order_type: Option<OrderType>,
    /// Take-profit execution price (limit).
    #[bitget(required_if(tp_order_type = OrderType::Limit))]
    pub tp_limit_price: Option<Decimal>,
    /// Stop-loss execution price (limit).
    #[bitget(required_if(sl_order_type = OrderType::Limit))]
    pub sl_limit_price: Option<Decimal>,
    /// Trigger price type.
    pub trigger_by: Option<TriggerBy>,
    /// Trigger price.
    pub trigger_price: Option<Decimal>,
    /// Order type placed when the trigger fires.
    pub trigger_order_type: Option<OrderType>,
    /// Its price (limit).
    #[bitget(required_if(trigger_order_type = OrderType::Limit))]
    pub trigger_order_price: Option<Decimal>,
}

/// Cancel a strategy order. Bitget answers `data: null`.
///
/// Doc: uta/strategy/Cancel-Strategy-Order. The table marks `orderId` required, the text
/// either id: either is accepted here.
#[bitget_endpoint(POST, "/api/v3/trade/cancel-strategy-order", rate = 10, response = (), retry_safe)]
#[bitget(at_least_one_of(order_id, client_oid))]
pub struct CancelStrategyOrder {
    /// Order ID (prevails).
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
}

/// Open strategy orders (not paged: a bare array).
///
/// Doc: uta/strategy/Get-Unfilled-Strategy-Orders. Rate 20/s per UID.
#[bitget_endpoint(GET, "/api/v3/trade/unfilled-strategy-orders", rate = 20, response = Vec<StrategyOrder>)]
pub struct UnfilledStrategyOrders {
    /// Futures line.
    #[bitget(required, check = futures_only)]
    pub category: Category,
    /// Kind.
    pub r#type: Option<StrategyType>,
}

/// Finished strategy orders, newest first, paged by `cursor`.
///
/// Doc: uta/strategy/Get-History-Strategy-Orders. Rate 20/s per UID.
#[bitget_endpoint(GET, "/api/v3/trade/history-strategy-orders", rate = 20, response = StrategyPage, page(cursor = cursor, size = limit, max = 100))]
pub struct HistoryStrategyOrders {
    /// Futures line.
    #[bitget(required, check = futures_only)]
    pub category: Category,
    /// Kind.
    pub r#type: Option<StrategyType>,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms.
    pub end_time: Option<u64>,
    /// Orders per page, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
    /// The previous page's cursor.
    pub cursor: Option<String>,
}

/// A page of strategy orders.
#[bitget_response]
pub struct StrategyPage {
    /// The orders.
    #[bitget(items)]
    pub list: Vec<StrategyOrder>,
    /// The next page's cursor.
    #[bitget(cursor)]
    pub cursor: Option<String>,
}

/// A strategy order.
#[bitget_response]
pub struct StrategyOrder {
    /// Order ID.
    pub order_id: String,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Product line.
    pub category: Category,
    /// Symbol.
    pub symbol: String,
    /// Size.
    pub qty: Option<Decimal>,
    /// Position side.
    pub pos_side: Option<PosSide>,
    /// State: `pending`, `success`, `failed`, `cancelled` (an open set).
    pub status: Option<String>,
    /// Which leg fired (history): `takeProfit` or `stopLoss`.
    pub trigger_type: Option<String>,
    /// Take-profit trigger price type.
    pub tp_trigger_by: Option<TriggerBy>,
    /// Stop-loss trigger price type.
    pub sl_trigger_by: Option<TriggerBy>,
    /// Take-profit trigger price.
    pub take_profit: Option<Decimal>,
    /// Stop-loss trigger price.
    pub stop_loss: Option<Decimal>,
    /// Take-profit order type.
    pub tp_order_type: Option<OrderType>,
    /// Stop-loss order type.
    pub sl_order_type: Option<OrderType>,
    /// Take-profit execution price.
    pub tp_limit_price: Option<Decimal>,
    /// Stop-loss execution price.
    pub sl_limit_price: Option<Decimal>,
    /// Trigger price type.
    pub trigger_by: Option<TriggerBy>,
    /// Trigger price.
    pub trigger_price: Option<Decimal>,
    /// Order type placed when it fires.
    pub trigger_order_type: Option<OrderType>,
    /// Its price.
    pub trigger_order_price: Option<Decimal>,
    /// Created, Unix ms.
    #[bitget(timestamp)]
    pub created_time: i64,
    /// Updated, Unix ms.
    #[bitget(timestamp)]
    pub updated_time: Option<i64>,
}
