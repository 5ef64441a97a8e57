//! The account's position mode, for the intent constructors of both families
//! (`mix::order::PlaceOrder::close_long(mode)`, `uta::trade::PlaceOrder::close_long(mode)`).

/// One-way or hedge: a closed set, so an unknown mode read from an answer cannot silently pick
/// a convention. Each family reads it from its own answers (`PositionMode::of` on v2's
/// `posMode`, `PositionMode::of_hold_mode` on v3's `holdMode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PositionMode {
    /// One-way mode: one net position per symbol; a close is the opposite side, reduce-only.
    OneWay,
    /// Hedge mode: a long and a short per symbol; each order names the position it acts on.
    Hedge,
}
