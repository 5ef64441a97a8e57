//! What happened in the exchange, in order: an order's state changing, a fill, a book moving.
//! The REST and stream layers read it by sequence number (`Exchange::events_after`) instead of
//! polling every structure; the newest [`KEEP`] events are kept.

use std::collections::VecDeque;

use super::types::{Fill, InstrumentId, Order, OrderId, Status};

/// How many events are kept (a reader further behind than this has missed some, and says so
/// through the sequence numbers).
pub const KEEP: usize = 100_000;

/// One thing that happened.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// An order was placed or its state changed (partly filled, filled, cancelled).
    Order {
        /// The order.
        id: OrderId,
        /// Its account.
        account: String,
        /// Its instrument (its book may have moved).
        instrument: InstrumentId,
        /// Its state now.
        status: Status,
        /// The whole order as it was then (what a stream pushes for this change).
        snapshot: Box<Order>,
    },
    /// A fill of an order (one per side of a match).
    Fill {
        /// The trade.
        trade_id: u64,
        /// The order filled.
        order_id: OrderId,
        /// Its account.
        account: String,
        /// The instrument.
        instrument: InstrumentId,
        /// The fill itself.
        fill: Box<Fill>,
    },
}

impl Event {
    /// The instrument it concerns.
    pub fn instrument(&self) -> &InstrumentId {
        match self {
            Event::Order { instrument, .. } | Event::Fill { instrument, .. } => instrument,
        }
    }

    /// The account it concerns.
    pub fn account(&self) -> &str {
        match self {
            Event::Order { account, .. } | Event::Fill { account, .. } => account,
        }
    }
}

/// The events, numbered from 1.
#[derive(Debug, Clone, Default)]
pub(crate) struct Outbox {
    events: VecDeque<(u64, Event)>,
    last: u64,
}

impl Outbox {
    pub(crate) fn push(&mut self, event: Event) {
        self.last += 1;
        self.events.push_back((self.last, event));
        if self.events.len() > KEEP {
            self.events.pop_front();
        }
    }

    pub(crate) fn last(&self) -> u64 {
        self.last
    }

    pub(crate) fn after(&self, seq: u64) -> impl Iterator<Item = &(u64, Event)> {
        // Numbers are consecutive: the first wanted is at a computable position.
        let first = self.events.front().map_or(self.last + 1, |(n, _)| *n);
        let skip =
            usize::try_from(seq.saturating_add(1).saturating_sub(first)).unwrap_or(usize::MAX);
        self.events.iter().skip(skip)
    }
}
