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

bitget_core::wire_enum! {
    /// v2's position mode of a product type (`posMode`); `mix::PosMode`.
    pub enum PosMode {
        /// One-way: one net position per symbol.
        OneWayMode = "one_way_mode",
        /// Hedge: a long and a short position per symbol.
        HedgeMode = "hedge_mode",
    }
}

bitget_core::wire_enum! {
    /// v3's position mode of the account (`holdMode`); `uta::HoldMode`.
    pub enum HoldMode {
        /// One net position per symbol.
        OneWayMode = "one_way_mode",
        /// A long and a short per symbol.
        HedgeMode = "hedge_mode",
    }
}

impl PositionMode {
    /// The mode of a v2 `posMode` answer (`one_way_mode`, `hedge_mode`); `None` for a value this
    /// version does not know.
    pub fn of(pos_mode: &PosMode) -> Option<PositionMode> {
        match pos_mode {
            PosMode::OneWayMode => Some(PositionMode::OneWay),
            PosMode::HedgeMode => Some(PositionMode::Hedge),
            _ => None,
        }
    }

    /// The mode of a v3 `holdMode` answer; `None` for a value this version does not know.
    pub fn of_hold_mode(hold_mode: &HoldMode) -> Option<PositionMode> {
        match hold_mode {
            HoldMode::OneWayMode => Some(PositionMode::OneWay),
            HoldMode::HedgeMode => Some(PositionMode::Hedge),
            _ => None,
        }
    }
}

/// `open_long`, `open_short`, `close_long`, `close_short` on a request (or item) whose builder
/// starts with `side` set: each writes `side`, the family's position field (`$position`: v2's
/// `trade_side`, v3's `pos_side`) and `reduce_only`, as `$wire` (the family's `v2_wire` or
/// `v3_wire`, a function of the mode) says for the mode. `$close_long` and `$close_short` document what each close writes.
#[doc(hidden)]
#[macro_export]
macro_rules! intents {
    ($request:ident, $builder:ty, $wire:path, $position:ident, $close_long:literal, $close_short:literal) => {
        impl $request {
            /// Open (or add to) a long position.
            pub fn open_long(mode: $crate::PositionMode) -> $builder {
                Self::intent(mode, true, false)
            }
            /// Open (or add to) a short position.
            pub fn open_short(mode: $crate::PositionMode) -> $builder {
                Self::intent(mode, false, false)
            }
            #[doc = $close_long]
            pub fn close_long(mode: $crate::PositionMode) -> $builder {
                Self::intent(mode, true, true)
            }
            #[doc = $close_short]
            pub fn close_short(mode: $crate::PositionMode) -> $builder {
                Self::intent(mode, false, true)
            }
            fn intent(mode: $crate::PositionMode, long: bool, close: bool) -> $builder {
                let (side, position, reduce_only) = $wire(mode, long, close);
                let mut builder = Self::builder().side(side);
                if let ::core::option::Option::Some(p) = position {
                    builder = builder.$position(p);
                }
                if let ::core::option::Option::Some(r) = reduce_only {
                    builder = builder.reduce_only(r);
                }
                builder
            }
        }
    };
}
