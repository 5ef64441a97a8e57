//! Trigger (plan) orders and TP/SL orders: placing, modifying, listing.

use bitget_core::Decimal;
use bitget_macros::{bitget_endpoint, bitget_response};

use super::OrderAck;
use crate::{
    MarginMode, OrderType, PlanFilter, PlanStatus, ProductType, Side, StpMode, TpslHoldSide,
    TpslPlanType, TpslSize, TradeSide, TriggerPlanType, TriggerType, YesNo,
};
use bitget_endpoints_common::__private::positive;
use bitget_endpoints_common::intents;

/// Place a take-profit, stop-loss or trailing-stop order on a position.
///
/// Doc: contract/plan/Place-Tpsl-Order. `size` is needed for `profit_plan`, `loss_plan` and
/// `moving_plan` (the `pos_*` kinds cover the whole position); `rangeRate` for `moving_plan`,
/// which always executes at market (no `executePrice`). `holdSide` is `long`/`short` in hedge
/// mode and `buy`/`sell` in one-way mode.
#[bitget_endpoint(POST, "/api/v2/mix/order/place-tpsl-order", rate = 10, response = OrderAck, retry_safe_with(client_oid))]
pub struct PlaceTpslOrder {
    /// Margin coin, in capitals.
    #[bitget(required, uppercase)]
    pub margin_coin: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// TP/SL kind.
    #[bitget(required)]
    pub plan_type: TpslPlanType,
    /// Trigger price.
    #[bitget(required, gt = 0)]
    pub trigger_price: Decimal,
    /// Price the trigger watches.
    pub trigger_type: Option<TriggerType>,
    /// Execution price: `0` or absent for market, above 0 for limit; not for `moving_plan`.
    #[bitget(absent_if(plan_type = TpslPlanType::MovingPlan))]
    pub execute_price: Option<Decimal>,
    /// The position protected.
    #[bitget(required)]
    pub hold_side: TpslHoldSide,
    /// Size, base coin.
    #[bitget(
        required_if(plan_type = TpslPlanType::ProfitPlan),
        required_if(plan_type = TpslPlanType::LossPlan),
        required_if(plan_type = TpslPlanType::MovingPlan)
    )]
    pub size: Option<Decimal>,
    /// Callback range of a trailing stop: once `triggerPrice` (the activation price) is
    /// reached, the stop follows the best price and fires when the price turns back by this
    /// much. The pages give no unit; the simulator reads it as a percentage, as
    /// place-plan-order's `callbackRatio` is (`1` is 1%) [guess].
    #[bitget(required_if(plan_type = TpslPlanType::MovingPlan))]
    pub range_rate: Option<Decimal>,
    /// Client order ID.
    #[bitget(max_len = 50)]
    pub client_oid: Option<String>,
    /// Self-trade prevention.
    pub stp_mode: Option<StpMode>,
}

/// Set a position's take profit and stop loss in one call.
///
/// Doc: contract/plan/Place-Pos-Tpsl-Order. An older revision required both trigger prices; the
/// newer makes each optional (a size makes it a partial `profit_plan`/`loss_plan`, no size a
/// whole-position `pos_profit`/`pos_loss`). At least one trigger is required here, and each
/// size, type and price goes with its trigger.
#[bitget_endpoint(POST, "/api/v2/mix/order/place-pos-tpsl", rate = 10, response = Vec<PosTpslAck>)]
#[bitget(at_least_one_of(stop_surplus_trigger_price, stop_loss_trigger_price))]
pub struct PlacePosTpsl {
    /// Margin coin, in capitals.
    #[bitget(required, uppercase)]
    pub margin_coin: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Take-profit trigger price.
    pub stop_surplus_trigger_price: Option<Decimal>,
    /// Take-profit size, base coin (partial); whole position when absent.
    #[bitget(requires(stop_surplus_trigger_price))]
    pub stop_surplus_size: Option<Decimal>,
    /// Take-profit trigger type.
    #[bitget(requires(stop_surplus_trigger_price))]
    pub stop_surplus_trigger_type: Option<TriggerType>,
    /// Take-profit execution price (market when `0` or absent).
    #[bitget(requires(stop_surplus_trigger_price))]
    pub stop_surplus_execute_price: Option<Decimal>,
    /// Stop-loss trigger price.
    pub stop_loss_trigger_price: Option<Decimal>,
    /// Stop-loss size, base coin (partial); whole position when absent.
    #[bitget(requires(stop_loss_trigger_price))]
    pub stop_loss_size: Option<Decimal>,
    /// Stop-loss trigger type.
    #[bitget(requires(stop_loss_trigger_price))]
    pub stop_loss_trigger_type: Option<TriggerType>,
    /// Stop-loss execution price (market when `0` or absent).
    #[bitget(requires(stop_loss_trigger_price))]
    pub stop_loss_execute_price: Option<Decimal>,
    /// The position protected (`long`/`short` hedge, `buy`/`sell` one-way).
    #[bitget(required)]
    pub hold_side: TpslHoldSide,
    /// Self-trade prevention.
    pub stp_mode: Option<StpMode>,
    /// Client ID of the take-profit order.
    #[bitget(max_len = 50)]
    pub stop_surplus_client_oid: Option<String>,
    /// Client ID of the stop-loss order.
    #[bitget(max_len = 50)]
    pub stop_loss_client_oid: Option<String>,
}

/// An order placed by place-pos-tpsl.
#[bitget_response]
pub struct PosTpslAck {
    /// Order ID.
    pub order_id: String,
    /// Take-profit client ID (newer revision).
    pub stop_surplus_client_oid: Option<String>,
    /// Stop-loss client ID (newer revision).
    pub stop_loss_client_oid: Option<String>,
}

/// Change a TP/SL order's trigger, execution price or size.
///
/// Doc: contract/plan/Modify-Tpsl-Order. `size` is required, and is `""` for `pos_profit` and
/// `pos_loss` orders (which cover the whole position): [`TpslSize::WholePosition`].
#[bitget_endpoint(POST, "/api/v2/mix/order/modify-tpsl-order", rate = 10, response = OrderAck)]
#[bitget(at_least_one_of(order_id, client_oid))]
pub struct ModifyTpslOrder {
    /// TP/SL order ID (prevails).
    pub order_id: Option<String>,
    /// TP/SL client order ID.
    pub client_oid: Option<String>,
    /// Margin coin, in capitals.
    #[bitget(required, uppercase)]
    pub margin_coin: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Trigger price.
    #[bitget(required, gt = 0)]
    pub trigger_price: Decimal,
    /// Price the trigger watches.
    pub trigger_type: Option<TriggerType>,
    /// Execution price: `0` or absent for market.
    pub execute_price: Option<Decimal>,
    /// Size, base coin, or the whole position (`pos_*` orders), sent as `""`.
    #[bitget(required, check = whole_or_positive)]
    pub size: TpslSize,
    /// Callback range (trailing stops).
    pub range_rate: Option<Decimal>,
}

fn whole_or_positive(size: &TpslSize) -> Result<(), String> {
    match size {
        TpslSize::WholePosition => Ok(()),
        TpslSize::Size(d) => positive(d),
    }
}

/// Place a trigger order or a trailing stop.
///
/// Doc: contract/plan/Place-Plan-Order. `track_plan`: a market order, no `price`, and
/// `callbackRatio` up to 10; its TP/SL triggers are percentages, with no execution prices.
/// `normal_plan`: `price` for a limit order only, no `callbackRatio`. `tradeSide` and
/// `reduceOnly` follow place-order (use the intent constructors, as on [`PlaceOrder`](super::PlaceOrder)).
/// The doc's curl example also sends `presetStopSurplusPrice`/`presetStopLossPrice`, which its
/// table does not list: this type does not send them.
#[bitget_endpoint(POST, "/api/v2/mix/order/place-plan-order", rate = 10, response = OrderAck, retry_safe_with(client_oid))]
#[bitget(check = track_plan_is_market)]
pub struct PlacePlanOrder {
    /// Order direction (hedge mode: the position's).
    #[bitget(required)]
    pub side: Side,
    /// Trigger or trailing.
    #[bitget(required)]
    pub plan_type: TriggerPlanType,
    /// Symbol.
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
    /// Size, base coin.
    #[bitget(required, gt = 0)]
    pub size: Decimal,
    /// Limit price of a `normal_plan` limit order.
    #[bitget(
        required_if(order_type = OrderType::Limit),
        absent_if(order_type = OrderType::Market),
        absent_if(plan_type = TriggerPlanType::TrackPlan)
    )]
    pub price: Option<Decimal>,
    /// Callback ratio of a trailing stop, at most 10.
    #[bitget(
        required_if(plan_type = TriggerPlanType::TrackPlan),
        absent_if(plan_type = TriggerPlanType::NormalPlan),
        max = 10
    )]
    pub callback_ratio: Option<Decimal>,
    /// Trigger price.
    #[bitget(required, gt = 0)]
    pub trigger_price: Decimal,
    /// Price the trigger watches.
    #[bitget(required)]
    pub trigger_type: TriggerType,
    /// Open or close; hedge mode only.
    #[bitget(absent_if(reduce_only = YesNo::Yes))]
    pub trade_side: Option<TradeSide>,
    /// Order type (`market` for a trailing stop).
    #[bitget(required)]
    pub order_type: OrderType,
    /// Client order ID.
    #[bitget(max_len = 50)]
    pub client_oid: Option<String>,
    /// Reduce only; one-way mode only.
    pub reduce_only: Option<YesNo>,
    /// Take-profit trigger (a percentage, 0.01 to 999.99, on a trailing stop).
    #[bitget(requires(stop_surplus_trigger_type))]
    pub stop_surplus_trigger_price: Option<Decimal>,
    /// Take-profit execution price (market when absent); not on a trailing stop.
    #[bitget(absent_if(plan_type = TriggerPlanType::TrackPlan))]
    pub stop_surplus_execute_price: Option<Decimal>,
    /// Take-profit trigger type (`fill_price` only on a trailing stop).
    pub stop_surplus_trigger_type: Option<TriggerType>,
    /// Stop-loss trigger (a percentage on a trailing stop).
    #[bitget(requires(stop_loss_trigger_type))]
    pub stop_loss_trigger_price: Option<Decimal>,
    /// Stop-loss execution price (market when absent); not on a trailing stop.
    #[bitget(absent_if(plan_type = TriggerPlanType::TrackPlan))]
    pub stop_loss_execute_price: Option<Decimal>,
    /// Stop-loss trigger type.
    pub stop_loss_trigger_type: Option<TriggerType>,
    /// Self-trade prevention.
    pub stp_mode: Option<StpMode>,
}

intents!(
    PlacePlanOrder,
    PlacePlanOrderBuilder<Side>,
    super::v2_wire,
    trade_side,
    "Close (or reduce) a long position: `side=buy, tradeSide=close` in hedge mode, `side=sell, reduceOnly=YES` in one-way mode.",
    "Close (or reduce) a short position: `side=sell, tradeSide=close` in hedge mode, `side=buy, reduceOnly=YES` in one-way mode."
);

fn track_plan_is_market(r: &PlacePlanOrder) -> Result<(), String> {
    if r.plan_type != TriggerPlanType::TrackPlan {
        return Ok(());
    }
    if r.order_type != OrderType::Market {
        return Err(
            "a trailing stop (`track_plan`) is a market order: set orderType=market".into(),
        );
    }
    let types = [&r.stop_surplus_trigger_type, &r.stop_loss_trigger_type];
    if types
        .iter()
        .any(|t| matches!(t, Some(t) if *t != TriggerType::FillPrice))
    {
        return Err("a trailing stop's TP/SL trigger on the last price only: fill_price".into());
    }
    Ok(())
}

/// Change a trigger order or trailing stop.
///
/// Doc: contract/plan/Modify-Plan-Order. An empty field keeps the current value, `0` removes a
/// TP/SL. The example sends `planType` and `symbol`, which the table omits; both are declared
/// (the safest reading: the server can tell the order's kind). `newPrice` is not for trailing
/// stops, `newCallbackRatio` only for them (at most 10); `newTriggerType` needs `newTriggerPrice`.
#[bitget_endpoint(POST, "/api/v2/mix/order/modify-plan-order", rate = 10, response = OrderAck)]
#[bitget(at_least_one_of(order_id, client_oid), check = modify_plan_tpsl)]
pub struct ModifyPlanOrder {
    /// Trigger or trailing.
    #[bitget(required)]
    pub plan_type: TriggerPlanType,
    /// Order ID (prevails).
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// New size.
    #[bitget(gt = 0)]
    pub new_size: Option<Decimal>,
    /// New limit price; not on a trailing stop.
    #[bitget(absent_if(plan_type = TriggerPlanType::TrackPlan))]
    pub new_price: Option<Decimal>,
    /// New callback ratio; trailing stops only (required there), at most 10.
    #[bitget(
        required_if(plan_type = TriggerPlanType::TrackPlan),
        absent_if(plan_type = TriggerPlanType::NormalPlan),
        max = 10
    )]
    pub new_callback_ratio: Option<Decimal>,
    /// New trigger price.
    pub new_trigger_price: Option<Decimal>,
    /// New trigger type (with `newTriggerPrice`).
    #[bitget(requires(new_trigger_price))]
    pub new_trigger_type: Option<TriggerType>,
    /// New take-profit trigger (`0` removes it).
    pub new_stop_surplus_trigger_price: Option<Decimal>,
    /// New take-profit execution price; not on a trailing stop.
    #[bitget(absent_if(plan_type = TriggerPlanType::TrackPlan))]
    pub new_stop_surplus_execute_price: Option<Decimal>,
    /// New take-profit trigger type.
    pub new_stop_surplus_trigger_type: Option<TriggerType>,
    /// New stop-loss trigger (`0` removes it).
    pub new_stop_loss_trigger_price: Option<Decimal>,
    /// New stop-loss execution price; not on a trailing stop.
    #[bitget(absent_if(plan_type = TriggerPlanType::TrackPlan))]
    pub new_stop_loss_execute_price: Option<Decimal>,
    /// New stop-loss trigger type.
    pub new_stop_loss_trigger_type: Option<TriggerType>,
}

/// The attached TP/SL of a modify: on a trigger order a new TP/SL price needs its trigger type;
/// on a trailing stop the trigger types stay empty.
fn modify_plan_tpsl(r: &ModifyPlanOrder) -> Result<(), String> {
    let pairs = [
        (
            "newStopSurplus",
            &r.new_stop_surplus_trigger_price,
            &r.new_stop_surplus_trigger_type,
        ),
        (
            "newStopLoss",
            &r.new_stop_loss_trigger_price,
            &r.new_stop_loss_trigger_type,
        ),
    ];
    for (name, price, kind) in pairs {
        match r.plan_type {
            TriggerPlanType::TrackPlan if kind.is_some() => {
                return Err(format!(
                    "{name}TriggerType is left empty on a trailing stop"
                ));
            }
            TriggerPlanType::NormalPlan if price.is_some() && kind.is_none() => {
                return Err(format!(
                    "{name}TriggerPrice needs {name}TriggerType on a trigger order"
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Open trigger, trailing or TP/SL orders (one kind per call: `profit_loss` covers every TP/SL
/// kind), paged by `endId`.
///
/// Doc: contract/plan/get-orders-plan-pending. `planType` is required (an older text says
/// absent means all; the safest reading is to always send it).
#[bitget_endpoint(GET, "/api/v2/mix/order/orders-plan-pending", rate = 10, response = PlanOrdersPage, page(cursor = id_less_than, size = limit, max = 100))]
#[bitget(window(start_time, end_time, max_days = 90))]
pub struct OrdersPlanPending {
    /// One order, by ID.
    pub order_id: Option<String>,
    /// One order, by client ID.
    pub client_oid: Option<String>,
    /// Symbol.
    pub symbol: Option<String>,
    /// Which kind.
    #[bitget(required)]
    pub plan_type: PlanFilter,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Orders older than this (the previous page's `endId`).
    pub id_less_than: Option<String>,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms (span at most 3 months).
    pub end_time: Option<u64>,
    /// Orders per page, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
}

/// Finished trigger, trailing or TP/SL orders, paged by `endId`.
///
/// Doc: contract/plan/orders-plan-history. `planStatus` `fail_trigger` is written
/// `fail_execute` on two mirrors: both read as [`PlanStatus::FailTrigger`].
#[bitget_endpoint(GET, "/api/v2/mix/order/orders-plan-history", rate = 10, response = PlanOrdersPage, page(cursor = id_less_than, size = limit, max = 100))]
#[bitget(window(start_time, end_time, max_days = 90))]
pub struct OrdersPlanHistory {
    /// One order, by ID.
    pub order_id: Option<String>,
    /// One order, by client ID.
    pub client_oid: Option<String>,
    /// Which kind.
    #[bitget(required)]
    pub plan_type: PlanFilter,
    /// `executed`, `fail_trigger` or `cancelled`; all when absent.
    pub plan_status: Option<PlanStatus>,
    /// Symbol.
    pub symbol: Option<String>,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Orders older than this (the previous page's `endId`).
    pub id_less_than: Option<String>,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms (span at most 3 months).
    pub end_time: Option<u64>,
    /// Orders per page, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
}

/// A page of trigger orders.
#[bitget_response]
pub struct PlanOrdersPage {
    /// The orders.
    #[bitget(items)]
    pub entrusted_list: Vec<PlanOrder>,
    /// The cursor of the next page.
    #[bitget(cursor)]
    pub end_id: Option<String>,
}

/// A trigger, trailing or TP/SL order.
#[bitget_response]
pub struct PlanOrder {
    /// Kind (`normal_plan`, `track_plan`, `profit_plan`, `pos_loss`, ...).
    pub plan_type: String,
    /// Symbol (sometimes lower case).
    pub symbol: String,
    /// Size, base coin (`""` for whole-position TP/SL).
    pub size: Option<Decimal>,
    /// Order ID.
    pub order_id: String,
    /// The order placed when it fired (history).
    pub execute_order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Limit price.
    pub price: Option<Decimal>,
    /// Execution price.
    pub execute_price: Option<Decimal>,
    /// Average fill price (history; in the example, not the table).
    pub price_avg: Option<Decimal>,
    /// Filled size (history).
    pub base_volume: Option<Decimal>,
    /// Callback ratio (trailing).
    pub callback_ratio: Option<Decimal>,
    /// Trigger price.
    pub trigger_price: Option<Decimal>,
    /// Price the trigger watches (`index_price` seen too).
    pub trigger_type: Option<String>,
    /// State (the pending example says `not_trigger`, the table `live`).
    pub plan_status: Option<PlanStatus>,
    /// Direction.
    pub side: Option<Side>,
    /// Position side.
    pub pos_side: Option<String>,
    /// Margin coin.
    pub margin_coin: Option<String>,
    /// Margin mode.
    pub margin_mode: Option<MarginMode>,
    /// Where it came from.
    pub enter_point_source: Option<String>,
    /// Open/close.
    pub trade_side: Option<TradeSide>,
    /// Position mode.
    pub pos_mode: Option<String>,
    /// Order type.
    pub order_type: Option<OrderType>,
    /// Order source.
    pub order_source: Option<String>,
    /// Created, Unix ms.
    #[bitget(timestamp, rename = "cTime")]
    pub c_time: i64,
    /// Updated, Unix ms.
    #[bitget(timestamp, rename = "uTime")]
    pub u_time: Option<i64>,
    /// Attached take-profit execution price.
    pub stop_surplus_execute_price: Option<Decimal>,
    /// Attached take-profit trigger.
    pub stop_surplus_trigger_price: Option<Decimal>,
    /// Attached take-profit trigger type.
    pub stop_surplus_trigger_type: Option<String>,
    /// Attached stop-loss execution price.
    pub stop_loss_execute_price: Option<Decimal>,
    /// Attached stop-loss trigger.
    pub stop_loss_trigger_price: Option<Decimal>,
    /// Attached stop-loss trigger type.
    pub stop_loss_trigger_type: Option<String>,
}

/// The orders a fired trigger order placed.
///
/// Doc: contract/plan/Get-Plan-Sub-Order.
#[bitget_endpoint(GET, "/api/v2/mix/order/plan-sub-order", rate = 10, response = Vec<SubOrder>)]
pub struct PlanSubOrder {
    /// The trigger order.
    #[bitget(required)]
    pub plan_order_id: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Trigger or trailing.
    #[bitget(required)]
    pub plan_type: TriggerPlanType,
}

/// An order a trigger order placed.
#[bitget_response]
pub struct SubOrder {
    /// Order ID.
    pub order_id: String,
    /// Price.
    pub price: Option<Decimal>,
    /// Order type.
    #[bitget(rename = "type")]
    pub r#type: Option<String>,
    /// `success`, `fail`, `cancelled`, `in_progress`, `in_progress_tracking`.
    pub status: Option<String>,
}
