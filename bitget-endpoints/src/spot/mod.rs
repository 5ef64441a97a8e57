//! Spot (`/api/v2/spot/...`).

mod order;
mod recover;
pub mod trade;
mod types;

/// The order enums spot shares with futures.
pub use crate::common::{Force, OrderType, Side, StpMode};
pub use types::{BatchMode, OrderStatus, SpotOrderItem, TpslType};
