//! Futures (`/api/v2/mix/...`).

pub mod order;
mod types;

pub use types::{OrderIdItem, PlanType, ProductType};
