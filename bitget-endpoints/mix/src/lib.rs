//! Futures (`/api/v2/mix/...`): market data, orders (normal, trigger, TP/SL), positions and the
//! futures account.

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

pub use types::{
    DepthLimit, DepthPrecision, Force, Granularity, HoldSide, KLineType, MarginMode, OrderIdItem,
    OrderStatus, OrderType, PlanFilter, PlanStatus, PlanType, PosMode, ProductType, Side, StpMode,
    TpslHoldSide, TpslPlanType, TpslSize, TradeSide, TriggerPlanType, TriggerType, YesNo,
};
