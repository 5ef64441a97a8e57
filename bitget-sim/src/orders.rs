//! Orders as the HTTP layer and the simulator's users see them: Bitget's ids, the market, and
//! whether they are still live. The exchange core (`crate::exchange`) keeps the real state.

/// Which book an order lives in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Market {
    /// A spot order.
    Spot,
    /// A futures order under a product type.
    Futures {
        /// Upper-case product type, such as `USDT-FUTURES`.
        product_type: String,
    },
    /// A spot trigger (plan) order.
    SpotPlan,
    /// A futures trigger order.
    Plan {
        /// Upper-case product type.
        product_type: String,
        /// `normal_plan`, `profit_plan`, ...
        plan_type: String,
    },
}

/// A resting order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    /// Bitget's order id.
    pub order_id: String,
    /// The client's id, unique per account.
    pub client_oid: String,
    /// Trading pair.
    pub symbol: String,
    /// Spot, futures or plan.
    pub market: Market,
    /// Margin coin (futures), upper case.
    pub margin_coin: Option<String>,
    /// Whether it was cancelled.
    pub cancelled: bool,
    /// Whether it can still fill (or, for a plan order, still fire).
    pub live: bool,
}

/// How an id list item names its order.
pub(crate) struct Wanted<'a> {
    pub(crate) order_id: Option<&'a str>,
    pub(crate) client_oid: Option<&'a str>,
}
