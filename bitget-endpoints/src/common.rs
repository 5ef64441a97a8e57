//! Types shared by several endpoints: the answers of the cancel endpoints.

use bitget_macros::bitget_response;

/// An order that was cancelled (or, for a single cancel, the order the cancel was accepted for).
#[bitget_response]
pub struct CancelledOrder {
    /// Order ID.
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
}

/// An order that was not cancelled, with Bitget's reason.
#[bitget_response]
pub struct FailedOrder {
    /// Order ID.
    pub order_id: Option<String>,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Failure reason.
    pub error_msg: Option<String>,
    /// Error code, such as `40768` (futures order does not exist); absent on some endpoints.
    pub error_code: Option<String>,
}

/// The answer of the batch and "all" cancel endpoints.
///
/// Bitget answers `00000` even when items fail: a failure is only in `failure_list`. Ask
/// [`all_succeeded`](Self::all_succeeded) before treating the call as done.
#[bitget_response]
pub struct BatchCancelResult {
    /// The orders that were cancelled.
    pub success_list: Vec<CancelledOrder>,
    /// The orders that were not, each with its reason.
    pub failure_list: Vec<FailedOrder>,
}

impl BatchCancelResult {
    /// Whether no item failed.
    pub fn all_succeeded(&self) -> bool {
        self.failure_list.is_empty()
    }

    /// The failed items, each with Bitget's reason.
    pub fn failures(&self) -> &[FailedOrder] {
        &self.failure_list
    }

    /// The cancelled items.
    pub fn successes(&self) -> &[CancelledOrder] {
        &self.success_list
    }

    /// Whether the order with this `orderId` or `clientOid` is among the failures.
    pub fn failed(&self, id: &str) -> Option<&FailedOrder> {
        self.failure_list
            .iter()
            .find(|f| f.order_id.as_deref() == Some(id) || f.client_oid.as_deref() == Some(id))
    }

    /// Whether the order with this `orderId` or `clientOid` is among the successes.
    pub fn cancelled(&self, id: &str) -> bool {
        self.success_list
            .iter()
            .any(|s| s.order_id.as_deref() == Some(id) || s.client_oid.as_deref() == Some(id))
    }
}
