//! Trigger orders: a plan order, or a take-profit / stop-loss on a position, that places its order
//! when the mark or last price crosses the trigger price.

use rust_decimal::Decimal;

use super::types::{InstrumentId, NewOrder, OrderId};

/// Which price a trigger watches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriceKind {
    /// The mark price (set by [`super::Exchange::set_mark_price`]).
    Mark,
    /// The last traded price.
    Last,
}

/// What a trigger is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TriggerKind {
    /// A plan (trigger) order.
    Plan,
    /// A take-profit on a position.
    TakeProfit,
    /// A stop-loss on a position.
    StopLoss,
}

/// A trigger's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TriggerStatus {
    /// Waiting for its price.
    Live,
    /// Fired and placed this order.
    Triggered(OrderId),
    /// Fired, but the exchange refused its order.
    Failed(super::Reject),
    /// Cancelled before it fired.
    Cancelled,
}

/// A trigger order.
#[derive(Debug, Clone, PartialEq)]
pub struct Trigger {
    /// Sequential id.
    pub id: u64,
    /// Plan, take-profit or stop-loss.
    pub kind: TriggerKind,
    /// The instrument watched.
    pub instrument: InstrumentId,
    /// The price that fires it.
    pub trigger_price: Decimal,
    /// Mark or last price.
    pub price_kind: PriceKind,
    /// Fires when the price rises to the trigger (true) or falls to it (false); decided at
    /// placement from the price then.
    pub rising: bool,
    /// The order placed when it fires. A size of zero closes the whole position it reduces.
    pub order: NewOrder,
    /// Its state.
    pub status: TriggerStatus,
    /// When it was placed (Unix ms).
    pub created_ms: i64,
    /// When it last changed (modified, fired, cancelled).
    pub updated_ms: i64,
    /// A trailing stop's state; `None` for a trigger that fires at its price.
    pub trail: Option<Trail>,
}

/// A trailing stop: `trigger_price` is its activation price; once the price reaches it, the
/// stop follows the best price since and fires when the price turns back by `rate` from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Trail {
    /// The callback, a fraction (0.01 is 1%).
    pub rate: Decimal,
    /// The best price since activation (the highest for a long's stop, the lowest for a
    /// short's); `None` until activated.
    pub best: Option<Decimal>,
}

impl Trigger {
    /// Follows `price` with a trailing stop: activates it when the price reaches the activation
    /// price (rises to it for a long's stop, which fires on a fall; falls to it for a short's),
    /// then keeps the best price since.
    pub(crate) fn observe(&mut self, price: Decimal) {
        let rising = self.rising;
        let activation = self.trigger_price;
        let Some(trail) = &mut self.trail else { return };
        trail.best = match trail.best {
            None if (!rising && price >= activation) || (rising && price <= activation) => {
                Some(price)
            }
            None => None,
            Some(best) if rising => Some(best.min(price)),
            Some(best) => Some(best.max(price)),
        };
    }

    /// Whether `price` fires it.
    pub(crate) fn fires_at(&self, price: Decimal) -> bool {
        if let Some(trail) = &self.trail {
            return match trail.best {
                None => false,
                Some(best) if self.rising => price >= best * (Decimal::ONE + trail.rate),
                Some(best) => price <= best * (Decimal::ONE - trail.rate),
            };
        }
        if self.rising {
            price >= self.trigger_price
        } else {
            price <= self.trigger_price
        }
    }
}
