//! Spot (`/api/v2/spot/...`).

pub mod trade;
mod types;

pub use types::{BatchMode, SpotOrderItem, TpslType};
