//! Trigger orders: plans, take-profits, stop-losses and trailing stops, fired as prices move.

use super::*;

impl Exchange {
    /// Adds a trigger: fires its order when `price_kind` reaches `trigger_price` (from below if
    /// the price is below it now, from above otherwise). A take-profit or stop-loss whose order
    /// has size zero closes the whole position when it fires.
    pub fn add_trigger(
        &mut self,
        kind: TriggerKind,
        trigger_price: Decimal,
        price_kind: PriceKind,
        order: NewOrder,
    ) -> Result<u64, Reject> {
        let inst = self
            .instruments
            .get(&order.instrument)
            .ok_or(Reject::UnknownInstrument)?;
        if !self.accounts.contains_key(&order.account) {
            return Err(Reject::UnknownAccount);
        }
        // A halted instrument takes no trigger, a close-only one only a trigger that reduces.
        Self::check_status(inst, &order)?;
        if trigger_price <= Decimal::ZERO || !(trigger_price % inst.tick).is_zero() {
            return Err(Reject::PriceTick);
        }
        let rising = self.rising(kind, trigger_price, price_kind, &order)?;
        Ok(self.insert_trigger(kind, trigger_price, price_kind, rising, None, order))
    }

    /// Adds a trailing stop on the position `order` closes: it activates when `price_kind`
    /// reaches `activation` (above the price now or below: a long's stop activates on a rise to
    /// it, at once when the price is past it), then fires when the price turns back by `rate`
    /// (a fraction) from its best since. A size of zero closes the whole position.
    pub fn add_trailing(
        &mut self,
        activation: Decimal,
        rate: Decimal,
        price_kind: PriceKind,
        order: NewOrder,
    ) -> Result<u64, Reject> {
        let inst = self
            .instruments
            .get(&order.instrument)
            .ok_or(Reject::UnknownInstrument)?;
        if !self.accounts.contains_key(&order.account) {
            return Err(Reject::UnknownAccount);
        }
        Self::check_status(inst, &order)?;
        if activation <= Decimal::ZERO || !(activation % inst.tick).is_zero() {
            return Err(Reject::PriceTick);
        }
        if rate <= Decimal::ZERO || rate >= Decimal::ONE {
            return Err(Reject::CallbackRate);
        }
        // A long's stop sells, and fires on a fall from the best price.
        let rising = order.side == Side::Buy;
        let trail = Trail { rate, best: None };
        let id = self.insert_trigger(
            TriggerKind::StopLoss,
            activation,
            price_kind,
            rising,
            Some(trail),
            order,
        );
        self.run_triggers();
        Ok(id)
    }

    pub(super) fn insert_trigger(
        &mut self,
        kind: TriggerKind,
        trigger_price: Decimal,
        price_kind: PriceKind,
        rising: bool,
        trail: Option<Trail>,
        order: NewOrder,
    ) -> u64 {
        self.next_trigger += 1;
        let id = self.next_trigger;
        self.triggers.insert(
            id,
            Trigger {
                id,
                kind,
                instrument: order.instrument.clone(),
                trigger_price,
                price_kind,
                rising,
                order,
                status: TriggerStatus::Live,
                created_ms: self.now_ms,
                updated_ms: self.now_ms,
                trail,
            },
        );
        id
    }

    /// Whether a trigger fires on a rise to its price (or a fall). A take-profit or stop-loss
    /// fires on the side its position decides (a long's take-profit on a rise, its stop-loss on
    /// a fall), and is refused when the price is already past it: moving a stop-loss to the wrong
    /// side of the price must not turn it into an order that waits for the opposite move. A plan
    /// order fires on the move from the price now toward its trigger.
    pub(super) fn rising(
        &self,
        kind: TriggerKind,
        trigger_price: Decimal,
        price_kind: PriceKind,
        order: &NewOrder,
    ) -> Result<bool, Reject> {
        let now = match price_kind {
            PriceKind::Mark => self.mark_price(&order.instrument),
            PriceKind::Last => self.last_price(&order.instrument),
        };
        // A take-profit or stop-loss closes its position: a sell closes a long.
        let rising = match (kind, order.side) {
            (TriggerKind::TakeProfit, Side::Sell) | (TriggerKind::StopLoss, Side::Buy) => true,
            (TriggerKind::TakeProfit, Side::Buy) | (TriggerKind::StopLoss, Side::Sell) => false,
            (TriggerKind::Plan, side) => {
                return Ok(match now {
                    Some(p) => trigger_price >= p,
                    // With no price yet, a plan order to buy waits for a fall.
                    None => side == Side::Sell,
                });
            }
        };
        match now {
            Some(p) if (rising && trigger_price <= p) || (!rising && trigger_price >= p) => {
                Err(Reject::TriggerCrossed)
            }
            _ => Ok(rising),
        }
    }

    /// Whether a trigger could be added: its instrument, its price on the tick, and (for a
    /// take-profit or stop-loss) on the right side of the price now. Lets a caller check several
    /// legs before placing any.
    pub fn check_trigger(
        &self,
        kind: TriggerKind,
        trigger_price: Decimal,
        price_kind: PriceKind,
        order: &NewOrder,
    ) -> Result<(), Reject> {
        let inst = self
            .instruments
            .get(&order.instrument)
            .ok_or(Reject::UnknownInstrument)?;
        if trigger_price <= Decimal::ZERO || !(trigger_price % inst.tick).is_zero() {
            return Err(Reject::PriceTick);
        }
        self.rising(kind, trigger_price, price_kind, order)
            .map(|_| ())
    }

    /// Changes a live trigger of the account in place (same id): its price, the price it
    /// watches and the order it places; its direction is decided again from the price now.
    pub fn modify_trigger(
        &mut self,
        account: &str,
        id: u64,
        trigger_price: Decimal,
        price_kind: PriceKind,
        order: NewOrder,
    ) -> Result<(), Reject> {
        let t = self.triggers.get(&id).ok_or(Reject::NoPosition)?;
        if t.order.account != account || t.status != TriggerStatus::Live {
            return Err(Reject::NoPosition);
        }
        let tick = self
            .instruments
            .get(&t.instrument)
            .ok_or(Reject::UnknownInstrument)?
            .tick;
        if trigger_price <= Decimal::ZERO || !(trigger_price % tick).is_zero() {
            return Err(Reject::PriceTick);
        }
        // A trailing stop keeps its direction and what it has followed; the rest is decided
        // again from the price now.
        let rising = if t.trail.is_some() {
            t.rising
        } else {
            self.rising(t.kind, trigger_price, price_kind, &order)?
        };
        if let Some(t) = self.triggers.get_mut(&id) {
            t.trigger_price = trigger_price;
            t.price_kind = price_kind;
            t.rising = rising;
            t.order = order;
            t.updated_ms = self.now_ms;
        }
        self.run_triggers();
        Ok(())
    }

    /// One trigger.
    pub fn trigger(&self, id: u64) -> Option<&Trigger> {
        self.triggers.get(&id)
    }

    /// The account's triggers, oldest first.
    pub fn triggers(&self, account: &str) -> impl Iterator<Item = &Trigger> {
        let account = account.to_owned();
        self.triggers
            .values()
            .filter(move |t| t.order.account == account)
    }

    /// Cancels a live trigger of the account; `None` when there is none.
    pub fn cancel_trigger(&mut self, account: &str, id: u64) -> Option<Trigger> {
        let t = self.triggers.get_mut(&id)?;
        if t.order.account != account || t.status != TriggerStatus::Live {
            return None;
        }
        t.status = TriggerStatus::Cancelled;
        t.updated_ms = self.now_ms;
        Some(t.clone())
    }

    /// Fires every live trigger whose price has been reached, until none is (a fired order's
    /// fills move the last price, which may fire others; each trigger fires once).
    pub(super) fn run_triggers(&mut self) {
        loop {
            // Trailing stops follow the price first.
            let prices: Vec<(u64, Decimal)> = self
                .triggers
                .values()
                .filter(|t| t.status == TriggerStatus::Live && t.trail.is_some())
                .filter_map(|t| Some((t.id, self.watched_price(t)?)))
                .collect();
            for (id, price) in prices {
                if let Some(t) = self.triggers.get_mut(&id) {
                    t.observe(price);
                }
            }
            let due = self.triggers.values().find(|t| {
                t.status == TriggerStatus::Live
                    && self.watched_price(t).is_some_and(|p| t.fires_at(p))
            });
            let Some(t) = due.cloned() else { return };
            let mut order = t.order.clone();
            if order.size.is_zero() {
                order.size = self.size_to_close(&order);
            }
            let status = match self.place_quietly(order) {
                Ok(id) => TriggerStatus::Triggered(id),
                Err(reject) => TriggerStatus::Failed(reject),
            };
            let now = self.now_ms;
            if let Some(live) = self.triggers.get_mut(&t.id) {
                live.status = status;
                live.updated_ms = now;
            }
        }
    }

    /// The price a trigger watches, now.
    pub(super) fn watched_price(&self, t: &Trigger) -> Option<Decimal> {
        match t.price_kind {
            PriceKind::Mark => self.mark_price(&t.instrument),
            PriceKind::Last => self.last_price(&t.instrument),
        }
    }

    /// Cancels the take-profits and stop-losses of a position that closed, whole-position and
    /// partial alike (as Bitget does: they belong to the position, not to the next one).
    pub(super) fn cancel_position_triggers(
        &mut self,
        account: &str,
        instrument: &InstrumentId,
        side: PosSide,
    ) {
        let now = self.now_ms;
        for t in self.triggers.values_mut() {
            let reduces = match t.order.effect {
                Some(Effect::Hedge { pos, close: true }) => pos == side,
                Some(Effect::Net { reduce_only: true }) => reduced_by(t.order.side) == side,
                _ => false,
            };
            if t.status == TriggerStatus::Live
                && t.kind != TriggerKind::Plan
                && t.order.account == account
                && &t.instrument == instrument
                && reduces
            {
                t.status = TriggerStatus::Cancelled;
                t.updated_ms = now;
            }
        }
    }

    /// The size of the position a closing order reduces (zero when there is none).
    pub(super) fn size_to_close(&self, order: &NewOrder) -> Decimal {
        let side = match order.effect {
            Some(Effect::Hedge { pos, .. }) => pos,
            Some(Effect::Net { .. }) => reduced_by(order.side),
            None => return Decimal::ZERO,
        };
        self.position(&order.account, &order.instrument, side)
            .map_or(Decimal::ZERO, |p| p.size)
    }
}
