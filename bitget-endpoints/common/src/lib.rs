//! What the product families of `bitget-endpoints` share: the v2 order enums and batch answers
//! (`common`), v2's public stream pushes (`ws_v2`), the own-orders feed (`feed`) and the
//! position mode of the intent constructors. A crate of its own so that the families
//! (`bitget-endpoints-spot`, `-mix`, `-uta`) compile side by side; use it through
//! `bitget-endpoints`, which re-exports all of it under the same paths.

#[doc(hidden)]
pub mod __private;
pub mod common;
#[cfg(feature = "streams")]
pub mod feed;
mod position_mode;
#[doc(hidden)]
#[cfg(feature = "streams")]
pub mod ws_v2;

pub use common::BatchOutcome;
pub use position_mode::{HoldMode, PosMode, PositionMode};
