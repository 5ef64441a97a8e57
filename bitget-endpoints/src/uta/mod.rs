//! The v3 API of Unified Trading Accounts (`/api/v3/...`): market data, orders, strategy
//! orders, positions, account. Every new Bitget account is Unified, and a Unified key is refused
//! by the v2 endpoints (40085); a Classic key is refused here (40084).
//!
//! One path serves every product line: `category` (an enum) says which. Batches are JSON arrays
//! of at most 20 orders of one category, answered item by item. Paged lists use `cursor`.

pub mod account;
pub mod market;
pub mod position;
pub mod trade;
mod types;

pub use types::{
    AccountType, CandleType, Category, HoldMode, Interval, MarginMode, MarginOperation,
    OrderStatus, OrderType, PosSide, RecordCategory, Side, StpMode, StrategyType, TimeInForce,
    TpslMode, TriggerBy, YesNo,
};
