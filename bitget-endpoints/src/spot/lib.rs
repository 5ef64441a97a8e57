//! Bitget's v2 spot endpoints (`/api/v2/spot/...`), declared: read them as
//! `bitget_endpoints::spot`, where the facade crate re-exports this one and documents it.

pub mod account;
pub mod market;
mod order;
mod plan;
pub mod public;
mod query;
mod recover;
pub mod trade;
mod types;
pub mod wallet;
#[cfg(feature = "streams")]
pub mod ws;

// The shared modules, under the paths the declarations name (`crate::common::BATCH_LIMIT`).
use bitget_endpoints_common::common;
#[cfg(feature = "streams")]
use bitget_endpoints_common::{feed, ws_v2};

/// The enums spot shares with futures.
pub use crate::common::{
    DepthLimit, DepthPrecision, Force, OrderType, Side, StpMode, TriggerType, YesNo,
};
pub use types::{BatchMode, OrderStatus, SpotOrderItem, TpslType};
