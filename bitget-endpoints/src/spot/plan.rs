//! Spot trigger (plan) orders: an order placed when the last or mark price reaches a trigger
//! price (`/api/v2/spot/trade/place-plan-order`, `modify-plan-order`, `cancel-plan-order`,
//! `current-plan-order`, `history-plan-order`, `plan-sub-order`, `batch-cancel-plan-order`).

use bitget_core::Decimal;
use bitget_core::builder::{DecimalArg, DecimalInput, Unset};
use bitget_macros::{bitget_endpoint, bitget_response};

use super::{Force, OrderType, Side, StpMode};
use crate::common::{BatchCancelResult, TriggerType};

bitget_core::wire_enum! {
    /// What a spot plan order's `size` counts: the base coin (`amount`, the default) or the
    /// quote coin (`total`).
    pub enum SizeUnit {
        /// `size` is in the base coin (0.01 on BTCUSDT is 0.01 BTC).
        Base = "amount",
        /// `size` is in the quote coin (100 on BTCUSDT is 100 USDT's worth).
        Quote = "total",
    }
}

bitget_core::wire_enum! {
    /// A spot plan order's state. The pending list's example says `not_trigger`, its table
    /// `live`; the history's table `fail_execute`: each reads as the state it means.
    pub enum PlanStatus {
        /// Waiting for its trigger.
        Live = "live" | "not_trigger",
        /// Triggered, its order being placed.
        Executing = "executing",
        /// Triggered and placed.
        Executed = "executed",
        /// Triggered, placing failed.
        Failed = "fail_execute" | "fail_trigger",
        /// Cancelled.
        Cancelled = "cancelled" | "cancel" | "canceled",
    }
}

/// Place a spot trigger order: when the price `triggerType` names reaches `triggerPrice`, a
/// limit (at `executePrice`) or market order of `size` is placed.
///
/// Doc: spot/plan/Place-Plan-Order. Rate 20/s per UID.
///
/// **`size` counts the base coin or the quote coin, as `planType` says** (`amount`, the
/// default, is the base coin). Say which with the constructors, which set the side and the unit:
///
/// ```
/// use bitget_endpoints::spot::trade::PlacePlanOrder;
/// use bitget_endpoints::spot::{OrderType, TriggerType};
/// // Buy 100 USDT's worth at market once the last price falls to 58000.
/// let dip = PlacePlanOrder::buy_spending("100")
///     .symbol("BTCUSDT")
///     .trigger_price("58000")
///     .trigger_type(TriggerType::FillPrice)
///     .order_type(OrderType::Market)
///     .build()?;
/// // Sell 0.01 BTC at 65000 once the last price reaches 64900.
/// let take = PlacePlanOrder::sell("0.01")
///     .symbol("BTCUSDT")
///     .trigger_price("64900")
///     .trigger_type(TriggerType::FillPrice)
///     .order_type(OrderType::Limit)
///     .execute_price("65000")
///     .build()?;
/// # Ok::<(), bitget_endpoints::ValidationError>(())
/// ```
///
/// The doc's own example sends `triggerType: "market_price"`, which is not one of the values
/// its table lists; such a request is refused before sending. A `clientOid` is idempotent for
/// six hours while the order is unfilled, so the call is repeated after a lost answer only with
/// one.
#[bitget_endpoint(POST, "/api/v2/spot/trade/place-plan-order", rate = 20, response = PlanOrderAck, retry_safe_with(client_oid))]
pub struct PlacePlanOrder {
    /// Trading pair, e.g. BTCUSDT.
    #[bitget(required)]
    pub symbol: String,
    /// Direction.
    #[bitget(required)]
    pub side: Side,
    /// The price that fires the order.
    #[bitget(required, gt = 0)]
    pub trigger_price: Decimal,
    /// The order placed: limit or market.
    #[bitget(required)]
    pub order_type: OrderType,
    /// The limit price of the order placed; required for a limit order.
    #[bitget(required_if(order_type = OrderType::Limit))]
    pub execute_price: Option<Decimal>,
    /// What `size` counts: `amount` (base coin, the default) or `total` (quote coin).
    pub plan_type: Option<SizeUnit>,
    /// Size, in the unit `planType` says.
    #[bitget(required, gt = 0)]
    pub size: Decimal,
    /// The price watched: the last traded price or the mark price.
    #[bitget(required)]
    pub trigger_type: TriggerType,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Time in force of the order placed (`gtc` when absent).
    pub force: Option<Force>,
    /// Self-trade prevention (`none` when absent).
    pub stp_mode: Option<StpMode>,
}

/// The builder a [`PlacePlanOrder`] constructor hands back: side, size and unit set.
pub type PlacePlanOrderSized = PlacePlanOrderBuilder<Unset, Side, Unset, Unset, DecimalArg, Unset>;

impl PlacePlanOrder {
    /// A trigger order buying `base` of the base coin (`0.01` on BTCUSDT is 0.01 BTC).
    pub fn buy(base: impl DecimalInput) -> PlacePlanOrderSized {
        Self::sized(Side::Buy, SizeUnit::Base, base)
    }

    /// A trigger order buying `quote` of the quote coin's worth (`100` on BTCUSDT is 100 USDT).
    pub fn buy_spending(quote: impl DecimalInput) -> PlacePlanOrderSized {
        Self::sized(Side::Buy, SizeUnit::Quote, quote)
    }

    /// A trigger order selling `base` of the base coin.
    pub fn sell(base: impl DecimalInput) -> PlacePlanOrderSized {
        Self::sized(Side::Sell, SizeUnit::Base, base)
    }

    /// A trigger order selling `quote` of the quote coin's worth of the base coin.
    pub fn sell_worth(quote: impl DecimalInput) -> PlacePlanOrderSized {
        Self::sized(Side::Sell, SizeUnit::Quote, quote)
    }

    fn sized(side: Side, unit: SizeUnit, size: impl DecimalInput) -> PlacePlanOrderSized {
        Self::builder().side(side).plan_type(unit).size(size)
    }
}

/// The answer to placing or modifying a plan order.
#[bitget_response]
pub struct PlanOrderAck {
    /// The plan order's ID.
    pub order_id: String,
    /// Client order ID.
    pub client_oid: Option<String>,
}

/// Change a waiting spot trigger order: its trigger, its order type and price, its size.
///
/// Doc: spot/plan/Modify-Plan-Order. Rate 20/s per UID. The size keeps the unit the order was
/// placed with (`planType`); the side, pair and price watched cannot change. Setting the same
/// values twice changes nothing, so the call is repeated after a lost answer.
#[bitget_endpoint(POST, "/api/v2/spot/trade/modify-plan-order", rate = 20, response = PlanOrderAck, retry_safe)]
#[bitget(at_least_one_of(order_id, client_oid))]
pub struct ModifyPlanOrder {
    /// The plan order, by ID (prevails).
    pub order_id: Option<String>,
    /// The plan order, by client ID.
    pub client_oid: Option<String>,
    /// The new trigger price.
    #[bitget(required, gt = 0)]
    pub trigger_price: Decimal,
    /// The order placed: limit or market.
    #[bitget(required)]
    pub order_type: OrderType,
    /// The limit price; required for a limit order.
    #[bitget(required_if(order_type = OrderType::Limit))]
    pub execute_price: Option<Decimal>,
    /// The new size, in the unit the order was placed with.
    #[bitget(required, gt = 0)]
    pub size: Decimal,
}

/// Cancel one waiting spot trigger order, by `orderId` or `clientOid`.
///
/// Doc: spot/plan/Cancel-Plan-Order. Rate 20/s per UID. The answer is `{result}`, not the
/// order's ids: read [`PlanCancelResult::succeeded`].
#[bitget_endpoint(POST, "/api/v2/spot/trade/cancel-plan-order", rate = 20, response = PlanCancelResult, retry_safe)]
#[bitget(at_least_one_of(order_id, client_oid))]
pub struct CancelPlanOrder {
    /// The plan order, by ID.
    pub order_id: Option<String>,
    /// The plan order, by client ID.
    pub client_oid: Option<String>,
}

/// The answer of cancel-plan-order.
#[bitget_response]
pub struct PlanCancelResult {
    /// `success` or `failure`.
    pub result: String,
}

impl PlanCancelResult {
    /// Whether the order was cancelled.
    pub fn succeeded(&self) -> bool {
        self.result.eq_ignore_ascii_case("success")
    }
}

/// Waiting spot trigger orders, newest first, paged by `idLessThan`.
///
/// Doc: spot/plan/Get-Current-Plan-Order. Rate 20/s per UID. `symbol` is required on older
/// revisions and optional on the newest (declared optional: send it for the older servers).
/// `limit` is 20 when absent.
#[bitget_endpoint(GET, "/api/v2/spot/trade/current-plan-order", rate = 20, response = PlanOrdersPage, page(cursor = id_less_than, size = limit, max = 100))]
#[bitget(window(start_time, end_time, max_days = 90))]
pub struct CurrentPlanOrder {
    /// Trading pair.
    pub symbol: Option<String>,
    /// Orders per page, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
    /// Orders older than this (the previous page's `idLessThan`).
    pub id_less_than: Option<String>,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms (span under 90 days).
    pub end_time: Option<u64>,
}

/// Finished spot trigger orders (executed, failed, cancelled), newest first.
///
/// Doc: spot/plan/Get-History-Plan-Order. Rate 20/s per UID. Revisions disagree: the older
/// ones require `symbol`, `startTime` and `endTime` and have no `idLessThan`, the newest makes
/// them optional and pages by `idLessThan`. The safest reading is declared: the three are
/// required (both revisions take them), and `idLessThan` pages where it is served.
#[bitget_endpoint(GET, "/api/v2/spot/trade/history-plan-order", rate = 20, response = PlanOrdersPage, page(cursor = id_less_than, size = limit, max = 100))]
#[bitget(window(start_time, end_time, max_days = 90))]
pub struct HistoryPlanOrder {
    /// Trading pair.
    #[bitget(required)]
    pub symbol: String,
    /// Start, Unix ms.
    #[bitget(required)]
    pub start_time: u64,
    /// End, Unix ms (span at most 90 days).
    #[bitget(required)]
    pub end_time: u64,
    /// Orders older than this (the previous page's `idLessThan`; newest revision).
    pub id_less_than: Option<String>,
    /// Orders per page, 1 to 100 (100 when absent).
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
}

/// A page of spot trigger orders. `nextFlag` says whether an older page exists.
#[bitget_response]
pub struct PlanOrdersPage {
    /// Whether there are more orders, through `idLessThan`.
    pub next_flag: Option<bool>,
    /// The cursor of the next (older) page.
    #[bitget(cursor)]
    pub id_less_than: Option<String>,
    /// The orders.
    #[bitget(items)]
    pub order_list: Vec<SpotPlanOrder>,
}

/// A spot trigger order.
#[bitget_response]
pub struct SpotPlanOrder {
    /// Plan order ID.
    pub order_id: String,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Trading pair.
    pub symbol: String,
    /// Size, in the unit `planType` says.
    pub size: Decimal,
    /// The limit price of the order placed (`""` for a market order: none).
    pub execute_price: Option<Decimal>,
    /// Trigger price.
    pub trigger_price: Decimal,
    /// State.
    pub status: PlanStatus,
    /// The order placed: limit or market.
    pub order_type: OrderType,
    /// Direction.
    pub side: Side,
    /// What `size` counts: base coin (`amount`) or quote coin (`total`).
    pub plan_type: Option<SizeUnit>,
    /// The price watched.
    pub trigger_type: Option<TriggerType>,
    /// Where it was entered (`API`, `WEB`, ...).
    pub enter_point_source: Option<String>,
    /// Updated, Unix ms.
    #[bitget(timestamp, rename = "uTime")]
    pub u_time: Option<i64>,
    /// Created, Unix ms.
    #[bitget(timestamp, rename = "cTime")]
    pub c_time: Option<i64>,
}

/// The spot orders a trigger order placed when it fired.
///
/// Doc: spot/plan/Get-Plan-Sub-Order. Rate 20/s per UID. The page types `orderId` as a
/// boolean; it is a string.
#[bitget_endpoint(GET, "/api/v2/spot/trade/plan-sub-order", rate = 20, response = Vec<PlanSubOrder>)]
pub struct PlanSubOrders {
    /// The trigger order's ID.
    #[bitget(required)]
    pub plan_order_id: String,
}

bitget_core::wire_enum! {
    /// What became of a trigger order's placing.
    pub enum SubOrderStatus {
        /// Triggered and placed.
        Success = "success",
        /// Triggered, placing failed.
        Fail = "fail",
        /// Cancelled.
        Cancelled = "cancelled",
        /// Being placed.
        InProgress = "in_progress",
        /// Tracking (a trailing trigger).
        InProgressTracking = "in_progress_tracking",
    }
}

/// An order a trigger order placed.
#[bitget_response]
pub struct PlanSubOrder {
    /// The spot order's ID.
    pub order_id: String,
    /// Its price.
    pub price: Option<Decimal>,
    /// Its type (`limit`/`market`).
    #[bitget(rename = "type")]
    pub order_type: OrderType,
    /// What became of it.
    pub status: SubOrderStatus,
}

/// Cancel the waiting trigger orders of some pairs, or **every** spot trigger order.
///
/// Doc: spot/plan/Batch-Cancel-Plan-Order. Rate 5/s per UID (the newer page; an older one says
/// 10: the lower is declared).
///
/// **Danger**: Bitget cancels every spot trigger order of the account when `symbolList` is
/// empty or absent. The builder therefore needs either `.symbol_list(...)` with at least one
/// pair or an explicit `.cancel_all_plan_orders()`; an empty or forgotten list is never sent.
///
/// ```
/// use bitget_endpoints::spot::trade::BatchCancelPlanOrder;
/// let request = BatchCancelPlanOrder::builder()
///     .symbol_list(["BTCUSDT".to_owned(), "ETHUSDT".to_owned()])
///     .build()?;
/// # Ok::<(), bitget_endpoints::ValidationError>(())
/// ```
#[bitget_endpoint(POST, "/api/v2/spot/trade/batch-cancel-plan-order", rate = 5, response = BatchCancelResult, retry_safe)]
pub struct BatchCancelPlanOrder {
    /// The pairs whose trigger orders are cancelled.
    #[bitget(required_or(cancel_all_plan_orders), non_empty)]
    pub symbol_list: Option<Vec<String>>,
}
