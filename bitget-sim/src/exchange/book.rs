//! One order book per instrument, shared by every account: price levels in price-time priority.

use std::collections::{BTreeMap, VecDeque};

use rust_decimal::Decimal;

use super::types::{OrderId, Side};

/// The resting orders of one instrument, by price, oldest first within a price.
#[derive(Debug, Default, Clone)]
pub(crate) struct Book {
    bids: BTreeMap<Decimal, VecDeque<OrderId>>,
    asks: BTreeMap<Decimal, VecDeque<OrderId>>,
}

impl Book {
    fn side_mut(&mut self, side: Side) -> &mut BTreeMap<Decimal, VecDeque<OrderId>> {
        match side {
            Side::Buy => &mut self.bids,
            Side::Sell => &mut self.asks,
        }
    }

    /// Rests an order at the back of its price level.
    pub(crate) fn insert(&mut self, side: Side, price: Decimal, id: OrderId) {
        self.side_mut(side).entry(price).or_default().push_back(id);
    }

    /// Takes an order out of its level.
    pub(crate) fn remove(&mut self, side: Side, price: Decimal, id: OrderId) {
        let levels = self.side_mut(side);
        if let Some(level) = levels.get_mut(&price) {
            level.retain(|o| *o != id);
            if level.is_empty() {
                levels.remove(&price);
            }
        }
    }

    /// The best price of `side` and the oldest order there.
    pub(crate) fn best(&self, side: Side) -> Option<(Decimal, OrderId)> {
        let level = match side {
            Side::Buy => self.bids.iter().next_back(),
            Side::Sell => self.asks.iter().next(),
        };
        level.and_then(|(price, ids)| ids.front().map(|id| (*price, *id)))
    }

    /// The levels of `side`, best first, as (price, order ids oldest first).
    pub(crate) fn levels(
        &self,
        side: Side,
    ) -> Box<dyn Iterator<Item = (&Decimal, &VecDeque<OrderId>)> + '_> {
        match side {
            Side::Buy => Box::new(self.bids.iter().rev()),
            Side::Sell => Box::new(self.asks.iter()),
        }
    }
}
