//! Spot (`/api/v2/spot/...`): `trade` (placing, reading and cancelling orders, fills) and
//! `account` (balances).

pub mod account;
mod order;
mod query;
mod recover;
pub mod trade;
mod types;

/// The order enums spot shares with futures.
pub use crate::common::{Force, OrderType, Side, StpMode};
pub use types::{BatchMode, OrderStatus, SpotOrderItem, TpslType};
