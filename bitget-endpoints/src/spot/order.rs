//! Placing spot orders and reading one back (`/api/v2/spot/trade/place-order`, `batch-orders`,
//! `orderInfo`), and cancelling every order of a pair (`cancel-symbol-order`).

use bitget_core::Decimal;
use bitget_core::builder::{DecimalArg, DecimalInput, Unset};
use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

use super::{BatchMode, Force, OrderStatus, OrderType, Side, StpMode, TpslType};
use crate::common::BATCH_LIMIT;

/// Place a spot order.
///
/// Doc: spot/trade/Place-Order. Rate 10/s per UID (1/s for copy traders).
///
/// **`size` is in the quote coin for a market buy** and in the base coin otherwise (limit
/// orders, market sells): `size = 1000` on a market buy spends 1000 USDT, on a limit buy it asks
/// for 1000 BTC. Say which with the constructors, which set the side, the type and the unit:
///
/// ```
/// use bitget_endpoints::spot::trade::PlaceOrder;
/// let buy = PlaceOrder::market_buy_spending("100").symbol("BTCUSDT").build()?; // 100 USDT
/// let sell = PlaceOrder::market_sell("0.001").symbol("BTCUSDT").build()?; // 0.001 BTC
/// let bid = PlaceOrder::limit_buy("60000", "0.001").symbol("BTCUSDT").build()?;
/// # Ok::<(), bitget_endpoints::ValidationError>(())
/// ```
///
/// `force` is required by the table even for market orders, where the page calls it invalid:
/// the constructors send `gtc` then [guess: the safest reading]. A TP/SL order (`tpslType=tpsl`)
/// needs `triggerPrice` and Bitget ignores its `clientOid`. A `clientOid` is idempotent for six
/// hours and only while the order is unfilled; after a lost answer the order is looked up by it
/// through [`OrderInfo`].
#[bitget_endpoint(POST, "/api/v2/spot/trade/place-order", rate = 10, response = OrderAck, retry_safe_with(client_oid))]
pub struct PlaceOrder {
    /// Trading pair, e.g. BTCUSDT.
    #[bitget(required)]
    pub symbol: String,
    /// Direction.
    #[bitget(required)]
    pub side: Side,
    /// Order type.
    #[bitget(required)]
    pub order_type: OrderType,
    /// Time in force (required by the table; `gtc` for market orders).
    #[bitget(required)]
    pub force: Force,
    /// Limit price; required for a limit order.
    #[bitget(required_if(order_type = OrderType::Limit))]
    pub price: Option<Decimal>,
    /// Size: base coin, except a market buy's, which is the quote amount to spend.
    #[bitget(required, gt = 0)]
    pub size: Decimal,
    /// Client order ID (ignored on a TP/SL order).
    #[bitget(max_len = 50)]
    pub client_oid: Option<String>,
    /// Trigger price of a TP/SL order; required exactly when `tpslType` is `tpsl`.
    #[bitget(required_if(tpsl_type = TpslType::Tpsl))]
    pub trigger_price: Option<Decimal>,
    /// `normal` (the default) or `tpsl`.
    pub tpsl_type: Option<TpslType>,
    /// Request time, Unix ms.
    pub request_time: Option<u64>,
    /// Validity window from `requestTime`, ms.
    pub receive_window: Option<u64>,
    /// Self-trade prevention (`none` when absent).
    pub stp_mode: Option<StpMode>,
    /// Preset take-profit trigger price.
    pub preset_take_profit_price: Option<Decimal>,
    /// Preset take-profit execution price (with its trigger).
    #[bitget(requires(preset_take_profit_price))]
    pub execute_take_profit_price: Option<Decimal>,
    /// Preset stop-loss trigger price.
    pub preset_stop_loss_price: Option<Decimal>,
    /// Preset stop-loss execution price (with its trigger).
    #[bitget(requires(preset_stop_loss_price))]
    pub execute_stop_loss_price: Option<Decimal>,
}

impl PlaceOrder {
    /// A market buy spending `quote` of the quote coin (`100` on BTCUSDT is 100 USDT).
    pub fn market_buy_spending(
        quote: impl DecimalInput,
    ) -> PlaceOrderBuilder<Unset, Side, OrderType, Force, DecimalArg> {
        Self::builder()
            .side(Side::Buy)
            .order_type(OrderType::Market)
            .force(Force::Gtc)
            .size(quote)
    }

    /// A market sell of `base` of the base coin (`0.001` on BTCUSDT is 0.001 BTC).
    pub fn market_sell(
        base: impl DecimalInput,
    ) -> PlaceOrderBuilder<Unset, Side, OrderType, Force, DecimalArg> {
        Self::builder()
            .side(Side::Sell)
            .order_type(OrderType::Market)
            .force(Force::Gtc)
            .size(base)
    }

    /// A limit buy of `base` of the base coin at `price` (good till cancelled; change `force`).
    pub fn limit_buy(
        price: impl DecimalInput,
        base: impl DecimalInput,
    ) -> PlaceOrderBuilder<Unset, Side, OrderType, Force, DecimalArg> {
        Self::limit(Side::Buy, price, base)
    }

    /// A limit sell of `base` of the base coin at `price` (good till cancelled; change `force`).
    pub fn limit_sell(
        price: impl DecimalInput,
        base: impl DecimalInput,
    ) -> PlaceOrderBuilder<Unset, Side, OrderType, Force, DecimalArg> {
        Self::limit(Side::Sell, price, base)
    }

    fn limit(
        side: Side,
        price: impl DecimalInput,
        base: impl DecimalInput,
    ) -> PlaceOrderBuilder<Unset, Side, OrderType, Force, DecimalArg> {
        Self::builder()
            .side(side)
            .order_type(OrderType::Limit)
            .force(Force::Gtc)
            .price(price)
            .size(base)
    }
}

/// The answers v2 spot and futures share: one order's, and a batch place's.
pub use crate::common::{BatchPlaceResult, OrderAck};

/// One spot order, by `orderId` (prevailing) or `clientOid`.
///
/// Doc: spot/trade/Get-Order-Info. Rate 20/s per UID. The answer is a list, usually of one
/// order. By `clientOid` it finds only an order whose client id the user set and that is not
/// filled yet (a newer revision of the page).
#[bitget_endpoint(GET, "/api/v2/spot/trade/orderInfo", rate = 20, response = Vec<SpotOrder>)]
#[bitget(at_least_one_of(order_id, client_oid))]
pub struct OrderInfo {
    /// Order ID.
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Request time, Unix ms.
    pub request_time: Option<u64>,
    /// Validity window from `requestTime`, ms.
    pub receive_window: Option<u64>,
}

/// A spot order as orderInfo answers it.
#[bitget_response]
pub struct SpotOrder {
    /// The account's UID.
    pub user_id: Option<String>,
    /// Trading pair.
    pub symbol: String,
    /// Order ID (a history page's cursor, on its last order).
    #[bitget(cursor)]
    pub order_id: String,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Limit price.
    pub price: Option<Decimal>,
    /// Size as sent: base coin, or the quote amount of a market buy.
    pub size: Option<Decimal>,
    /// Order type.
    pub order_type: OrderType,
    /// Direction.
    pub side: Side,
    /// State.
    pub status: OrderStatus,
    /// Average fill price.
    pub price_avg: Option<Decimal>,
    /// Filled, base coin.
    pub base_volume: Option<Decimal>,
    /// Filled, quote coin.
    pub quote_volume: Option<Decimal>,
    /// Where the order was entered (`API`, `WEB`, ...).
    pub enter_point_source: Option<String>,
    /// The fees, as Bitget sends them: JSON inside a string (kept as text).
    pub fee_detail: Option<String>,
    /// Order source.
    pub order_source: Option<String>,
    /// Why it was cancelled.
    pub cancel_reason: Option<String>,
    /// `normal` or `tpsl` (history).
    pub tpsl_type: Option<TpslType>,
    /// Trigger price of a TP/SL order (history; `null` for a normal one).
    pub trigger_price: Option<Decimal>,
    /// Created, Unix ms.
    #[bitget(timestamp, rename = "cTime")]
    pub c_time: Option<i64>,
    /// Updated, Unix ms.
    #[bitget(timestamp, rename = "uTime")]
    pub u_time: Option<i64>,
}

/// One order of a spot batch place.
#[bitget_item]
pub struct SpotBatchOrder {
    /// Trading pair; required in `multiple` mode (ignored in `single`).
    pub symbol: Option<String>,
    /// Direction.
    #[bitget(required)]
    pub side: Side,
    /// Order type.
    #[bitget(required)]
    pub order_type: OrderType,
    /// Time in force (`gtc` for market orders).
    #[bitget(required)]
    pub force: Force,
    /// Limit price; required for a limit order.
    #[bitget(required_if(order_type = OrderType::Limit))]
    pub price: Option<Decimal>,
    /// Size: base coin, except a market buy's, which is the quote amount to spend.
    #[bitget(required, gt = 0)]
    pub size: Decimal,
    /// Client order ID.
    #[bitget(max_len = 50)]
    pub client_oid: Option<String>,
    /// Self-trade prevention.
    pub stp_mode: Option<StpMode>,
    /// Preset take-profit trigger price.
    pub preset_take_profit_price: Option<Decimal>,
    /// Preset take-profit execution price.
    #[bitget(requires(preset_take_profit_price))]
    pub execute_take_profit_price: Option<Decimal>,
    /// Preset stop-loss trigger price.
    pub preset_stop_loss_price: Option<Decimal>,
    /// Preset stop-loss execution price.
    #[bitget(requires(preset_stop_loss_price))]
    pub execute_stop_loss_price: Option<Decimal>,
}

/// Place up to 50 spot orders, of one symbol (`single` mode, the default) or several
/// (`multiple`, each item naming its symbol).
///
/// Doc: spot/trade/Batch-Place-Orders. Rate 5/s per UID (1/s for copy traders; ccxt uses 1/s:
/// the doc's figure is declared). Bitget answers `00000` even when orders fail: read
/// [`BatchPlaceResult::failures`] or call `error_for_failures()`. Repeated after a lost answer
/// only when every item has its own `clientOid`.
#[bitget_endpoint(POST, "/api/v2/spot/trade/batch-orders", rate = 5, response = BatchPlaceResult, retry_safe_with(order_list))]
pub struct BatchOrders {
    /// Trading pair of a `single`-mode batch.
    #[bitget(required_unless(batch_mode = BatchMode::Multiple))]
    pub symbol: Option<String>,
    /// `single` (the default) or `multiple`.
    pub batch_mode: Option<BatchMode>,
    /// The orders, 1 to 50.
    #[bitget(
        required,
        non_empty,
        max_items = BATCH_LIMIT,
        item_required_if(symbol, batch_mode = BatchMode::Multiple)
    )]
    pub order_list: Vec<SpotBatchOrder>,
}

/// Cancel **every** open order of one spot pair.
///
/// Doc: spot/trade/Cancel-Symbol-Orders. Rate 5/s per UID. The cancel runs asynchronously on
/// Bitget: list `unfilled-orders` to confirm. Built only through
/// [`CancelSymbolOrder::every_order_of`], which says what it does.
#[bitget_endpoint(POST, "/api/v2/spot/trade/cancel-symbol-order", rate = 5, response = CancelledSymbol, retry_safe)]
pub struct CancelSymbolOrder {
    /// The pair whose orders are all cancelled.
    #[bitget(required)]
    pub symbol: String,
}

impl CancelSymbolOrder {
    /// Cancels every open order of `symbol`.
    pub fn every_order_of(symbol: impl Into<String>) -> CancelSymbolOrder {
        CancelSymbolOrder {
            symbol: symbol.into(),
        }
    }
}

/// The answer of cancel-symbol-order.
#[bitget_response]
pub struct CancelledSymbol {
    /// The pair whose orders are being cancelled.
    pub symbol: String,
}

/// Cancel a resting spot order and place its replacement at a new price and size, in one call.
///
/// Doc: spot/trade/Cancel-Replace-Order. Rate 5/s per UID. The envelope can be `00000` while
/// the replace failed: read [`ReplacedOrder::succeeded`], or call `error_for_failures()`. The
/// replacement is found by `newClientOid` (which must differ from the order's `clientOid`);
/// only with one is the call repeated after a lost answer. Which order `orderId` names in the
/// answer, the new or the cancelled one, the page does not say.
#[bitget_endpoint(POST, "/api/v2/spot/trade/cancel-replace-order", rate = 5, response = ReplacedOrder, retry_safe_with(new_client_oid))]
#[bitget(at_least_one_of(order_id, client_oid), check = new_id_differs)]
pub struct CancelReplaceOrder {
    /// Trading pair.
    #[bitget(required)]
    pub symbol: String,
    /// The replacement's limit price.
    #[bitget(required)]
    pub price: Decimal,
    /// The replacement's size, base coin.
    #[bitget(required, gt = 0)]
    pub size: Decimal,
    /// The order to cancel, by client ID.
    pub client_oid: Option<String>,
    /// The order to cancel, by ID (prevails).
    pub order_id: Option<String>,
    /// The replacement's client ID.
    #[bitget(max_len = 50)]
    pub new_client_oid: Option<String>,
    /// Preset take-profit trigger price.
    pub preset_take_profit_price: Option<Decimal>,
    /// Preset take-profit execution price.
    #[bitget(requires(preset_take_profit_price))]
    pub execute_take_profit_price: Option<Decimal>,
    /// Preset stop-loss trigger price.
    pub preset_stop_loss_price: Option<Decimal>,
    /// Preset stop-loss execution price.
    #[bitget(requires(preset_stop_loss_price))]
    pub execute_stop_loss_price: Option<Decimal>,
}

fn new_id_differs(r: &CancelReplaceOrder) -> Result<(), String> {
    match (&r.client_oid, &r.new_client_oid) {
        (Some(old), Some(new)) if old == new && !old.is_empty() => {
            Err("newClientOid must differ from clientOid: the replacement is a new order".into())
        }
        _ => Ok(()),
    }
}

/// The answer of a cancel-replace: `success` says whether it happened.
#[bitget_response]
pub struct ReplacedOrder {
    /// Order ID.
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// `success` when the order was replaced.
    pub success: Option<String>,
    /// Why it was not.
    pub msg: Option<String>,
}

impl ReplacedOrder {
    /// Whether the order was replaced.
    pub fn succeeded(&self) -> bool {
        self.success
            .as_deref()
            .is_some_and(|s| s.eq_ignore_ascii_case("success") || s.eq_ignore_ascii_case("true"))
    }
}

impl crate::common::BatchOutcome for ReplacedOrder {
    fn failed_items(&self) -> Vec<bitget_core::FailedItem> {
        if self.succeeded() {
            return Vec::new();
        }
        vec![bitget_core::FailedItem::new(
            bitget_endpoints_common::__private::item_name(
                self.order_id.as_deref(),
                self.client_oid.as_deref(),
                0,
            ),
            None,
            self.msg.clone().unwrap_or_default(),
        )]
    }

    fn item_count(&self) -> usize {
        1
    }
}

/// One order of a batch cancel-replace: the order to cancel (by `orderId` or `clientOid`) and
/// its replacement's price and size.
#[bitget_item]
#[bitget(at_least_one_of(order_id, client_oid))]
pub struct SpotReplaceItem {
    /// Trading pair (every item names its own).
    #[bitget(required)]
    pub symbol: String,
    /// The replacement's limit price.
    #[bitget(required)]
    pub price: Decimal,
    /// The replacement's size, base coin.
    #[bitget(required, gt = 0)]
    pub size: Decimal,
    /// The order to cancel, by client ID.
    pub client_oid: Option<String>,
    /// The order to cancel, by ID (prevails).
    pub order_id: Option<String>,
    /// The replacement's client ID.
    #[bitget(max_len = 50)]
    pub new_client_oid: Option<String>,
    /// Preset take-profit trigger price.
    pub preset_take_profit_price: Option<Decimal>,
    /// Preset take-profit execution price.
    #[bitget(requires(preset_take_profit_price))]
    pub execute_take_profit_price: Option<Decimal>,
    /// Preset stop-loss trigger price.
    pub preset_stop_loss_price: Option<Decimal>,
    /// Preset stop-loss execution price.
    #[bitget(requires(preset_stop_loss_price))]
    pub execute_stop_loss_price: Option<Decimal>,
}

/// Cancel-replace up to 50 spot orders, each of its own pair, in one call.
///
/// Doc: spot/trade/Batch-Cancel-Replace-Order. Rate 5/s per UID. The answer is one
/// [`ReplacedOrder`] per item, and the envelope is `00000` even when every item failed: call
/// `error_for_failures()`, or read each item's `succeeded()`. Not repeated after a lost answer
/// (an item's cancel may have happened without its replacement).
#[bitget_endpoint(POST, "/api/v2/spot/trade/batch-cancel-replace-order", rate = 5, response = ReplacedOrders)]
pub struct BatchCancelReplaceOrder {
    /// The orders, 1 to 50.
    #[bitget(required, non_empty, max_items = BATCH_LIMIT)]
    pub order_list: Vec<SpotReplaceItem>,
}

/// The answer of a batch cancel-replace: one outcome per item, in the order sent.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(transparent)]
#[must_use = "items may have failed under a success answer: call `error_for_failures()`"]
pub struct ReplacedOrders(pub Vec<ReplacedOrder>);

// Written as the list, as the answers it holds are: with bitget-core's `serialize` feature.
bitget_core::__private::serialize_only! {
    impl serde::Serialize for ReplacedOrders {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            serde::Serialize::serialize(&self.0, s)
        }
    }

    impl bitget_core::wire::WireShape for ReplacedOrders {
        fn wire_paths(prefix: &str, out: &mut Vec<String>) {
            <Vec<ReplacedOrder> as bitget_core::wire::WireShape>::wire_paths(prefix, out);
        }
    }
}

impl crate::common::BatchOutcome for ReplacedOrders {
    fn failed_items(&self) -> Vec<bitget_core::FailedItem> {
        (self.0.iter().enumerate())
            .filter(|(_, r)| !r.succeeded())
            .map(|(i, r)| {
                bitget_core::FailedItem::new(
                    bitget_endpoints_common::__private::item_name(
                        r.order_id.as_deref(),
                        r.client_oid.as_deref(),
                        i,
                    ),
                    None,
                    r.msg.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    fn item_count(&self) -> usize {
        self.0.len()
    }
}
