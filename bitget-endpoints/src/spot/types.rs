//! The enums and list items the spot endpoints share.

use bitget_macros::bitget_item;

bitget_core::wire_enum! {
    /// Spot order type for cancel-order.
    pub enum TpslType {
        /// A spot order (the default).
        Normal = "normal",
        /// A spot take-profit/stop-loss order.
        Tpsl = "tpsl",
    }
}

bitget_core::wire_enum! {
    /// Batch mode of the spot batch cancel.
    pub enum BatchMode {
        /// One symbol, given outside the list (the default); items' symbols are ignored.
        Single = "single",
        /// Several symbols, one per item; the outer symbol is ignored.
        Multiple = "multiple",
    }
}

/// One order of a spot batch cancel: `orderId` or `clientOid`, and its `symbol` in `multiple` mode.
#[bitget_item]
#[bitget(at_least_one_of(order_id, client_oid))]
pub struct SpotOrderItem {
    /// Trading pair, e.g. BTCUSDT; required in `multiple` mode.
    pub symbol: Option<String>,
    /// Order ID.
    pub order_id: Option<String>,
    /// Client order ID.
    #[bitget(max_len = 50)]
    pub client_oid: Option<String>,
}

impl SpotOrderItem {
    /// The order with this `orderId`.
    pub fn by_order_id(order_id: impl Into<String>) -> Self {
        SpotOrderItem {
            symbol: None,
            order_id: Some(order_id.into()),
            client_oid: None,
        }
    }

    /// The order with this `clientOid`.
    pub fn by_client_oid(client_oid: impl Into<String>) -> Self {
        SpotOrderItem {
            symbol: None,
            order_id: None,
            client_oid: Some(client_oid.into()),
        }
    }

    /// The same order, on `symbol` (for `multiple` mode).
    pub fn on(mut self, symbol: impl Into<String>) -> Self {
        self.symbol = Some(symbol.into());
        self
    }
}

bitget_core::wire_enum! {
    /// A spot order's state. `full_fill` (an old example) reads as `Filled`, `canceled` as
    /// `Cancelled`.
    pub enum OrderStatus {
        /// Accepted, not yet in the book.
        Init = "init",
        /// Resting in the book.
        Live = "live",
        /// New (an older spelling of live).
        New = "new",
        /// Partly filled, the rest resting.
        PartiallyFilled = "partially_filled",
        /// Filled.
        Filled = "filled" | "full_fill",
        /// Cancelled.
        Cancelled = "cancelled" | "canceled",
    }
}
