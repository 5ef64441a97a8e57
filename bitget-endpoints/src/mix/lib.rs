//! Bitget's v2 futures endpoints (`/api/v2/mix/...`), declared: read them as
//! `bitget_endpoints::mix`, where the facade crate re-exports this one and documents it.

pub mod account;
pub mod market;
pub mod order;
pub mod position;
mod types;
#[cfg(feature = "streams")]
pub mod ws;

// The shared modules, under the paths the declarations name (`crate::common::BATCH_LIMIT`).
use bitget_endpoints_common::common;
#[cfg(feature = "streams")]
use bitget_endpoints_common::{feed, ws_v2};

/// The position mode as answers name it (shared with the intent constructors' `PositionMode`).
pub use bitget_endpoints_common::PosMode;
pub use types::{
    DepthLimit, DepthPrecision, Force, Granularity, HoldSide, KLineType, MarginMode, OrderIdItem,
    OrderStatus, OrderType, PlanFilter, PlanStatus, PlanType, ProductType, Side, StpMode,
    TpslHoldSide, TpslPlanType, TpslSize, TradeSide, TriggerPlanType, TriggerType, YesNo,
};
