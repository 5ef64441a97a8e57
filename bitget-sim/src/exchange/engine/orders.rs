//! Placing (checked against the instrument, the balance and the position mode), matching,
//! cancelling and replacing orders.

use super::*;

impl Exchange {
    /// Places an order: checked, matched against the book at once, and what remains rests (by
    /// its time in force). Returns its id; a refusal changes nothing.
    pub fn place(&mut self, request: NewOrder) -> Result<OrderId, Reject> {
        let id = self.place_quietly(request)?;
        self.run_triggers();
        Ok(id)
    }

    pub(super) fn place_quietly(&mut self, request: NewOrder) -> Result<OrderId, Reject> {
        let inst = self
            .instruments
            .get(&request.instrument)
            .cloned()
            .ok_or(Reject::UnknownInstrument)?;
        if !self.accounts.contains_key(&request.account) {
            return Err(Reject::UnknownAccount);
        }
        if let Some(coid) = &request.client_oid {
            if self
                .client_oids
                .contains_key(&(request.account.clone(), coid.clone()))
            {
                return Err(Reject::DuplicateClientOid);
            }
        }
        if inst.is_futures() != request.effect.is_some() {
            return Err(Reject::EffectMismatch);
        }
        self.check_steps(&inst, &request)?;
        if let Some(effect) = request.effect {
            self.check_effect(&inst, &request, effect)?;
        }
        // What the order may take from the book now, to decide FOK, post-only and market orders
        // before anything moves.
        let takeable = self.takeable(&inst, &request);
        match (request.order_type, request.tif) {
            (OrderType::Limit, TimeInForce::PostOnly) if !takeable.is_zero() => {
                return Err(Reject::PostOnlyWouldTake);
            }
            (_, TimeInForce::Fok) if takeable < request.size => return Err(Reject::FokUnfillable),
            (OrderType::Market, _) if takeable.is_zero() => return Err(Reject::NoLiquidity),
            _ => {}
        }
        let hold = self.hold_for(&inst, &request);
        let frozen = match hold {
            Some(h) if request.is_spot_market_buy() => h.per_unit,
            Some(h) => h.per_unit * request.size,
            None => Decimal::ZERO,
        };
        if let Some(h) = hold {
            let coin = if h.coin_is_base {
                &inst.base
            } else {
                &inst.quote
            };
            let acc = self
                .accounts
                .get_mut(&request.account)
                .ok_or(Reject::UnknownAccount)?;
            let bal = acc.entry(&inst.id.market, coin);
            if bal.available < frozen {
                return Err(Reject::InsufficientBalance);
            }
            bal.available -= frozen;
            bal.frozen += frozen;
        }
        self.next_order += 1;
        let id = self.next_order;
        if let Some(coid) = &request.client_oid {
            self.client_oids
                .insert((request.account.clone(), coid.clone()), id);
        }
        if let Some(h) = hold {
            self.holds.insert(id, h);
        }
        let rests = request.order_type == OrderType::Limit
            && matches!(request.tif, TimeInForce::Gtc | TimeInForce::PostOnly);
        self.orders.push(Order {
            id,
            request,
            filled: Decimal::ZERO,
            filled_quote: Decimal::ZERO,
            fee: Decimal::ZERO,
            status: Status::Live,
            created_ms: self.now_ms,
            updated_ms: self.now_ms,
        });
        self.order_event(id);
        self.match_order(&inst, id);
        let open = self.order_at(id).is_some_and(|o| o.status.is_open());
        if open {
            if rests {
                if let Some(o) = self.order_at(id) {
                    let (side, price) = (o.request.side, o.request.price.unwrap_or_default());
                    self.books
                        .entry(inst.id.clone())
                        .or_default()
                        .insert(side, price, id);
                }
            } else {
                // A market buy that spent all but less than one size step of its quote amount
                // is filled (the rest cannot buy anything); any other unfilled rest is cancelled.
                let spent = self.order_at(id).is_some_and(|o| {
                    o.request.is_spot_market_buy()
                        && o.average_price()
                            .is_some_and(|p| o.request.size - o.filled_quote < p * inst.step)
                });
                self.finish(
                    id,
                    if spent {
                        Status::Filled
                    } else {
                        Status::Cancelled
                    },
                );
            }
        }
        Ok(id)
    }

    /// The checks of [`Self::place`] that do not depend on the book or the balance: the
    /// instrument, the account, the position effect and the price and size steps. Lets a caller
    /// that must cancel before placing (a modify) refuse a replacement before touching anything.
    pub fn check(&self, request: &NewOrder) -> Result<(), Reject> {
        let inst = self
            .instruments
            .get(&request.instrument)
            .ok_or(Reject::UnknownInstrument)?;
        if !self.accounts.contains_key(&request.account) {
            return Err(Reject::UnknownAccount);
        }
        if inst.is_futures() != request.effect.is_some() {
            return Err(Reject::EffectMismatch);
        }
        self.check_steps(inst, request)?;
        if let Some(effect) = request.effect {
            self.check_effect(inst, request, effect)?;
        }
        Ok(())
    }

    /// An instrument that takes `r` now: trading, or close-only and `r` reduces a position.
    /// Returns whether `r` reduces one.
    pub(super) fn check_status(inst: &Instrument, r: &NewOrder) -> Result<bool, Reject> {
        let reduces = matches!(
            r.effect,
            Some(Effect::Hedge { close: true, .. }) | Some(Effect::Net { reduce_only: true })
        );
        match &inst.status {
            TradingStatus::Trading => Ok(reduces),
            TradingStatus::CloseOnly if reduces => Ok(reduces),
            TradingStatus::CloseOnly => Err(Reject::CloseOnly),
            TradingStatus::Halted(word) => Err(Reject::NotTrading(word.clone())),
        }
    }

    pub(super) fn check_steps(&self, inst: &Instrument, r: &NewOrder) -> Result<(), Reject> {
        let reduces = Self::check_status(inst, r)?;
        if r.order_type == OrderType::Limit {
            let price = r
                .price
                .filter(|p| p.is_sign_positive() && !p.is_zero())
                .ok_or(Reject::PriceRequired)?;
            if !(price % inst.tick).is_zero() {
                return Err(Reject::PriceTick);
            }
            self.check_band(inst, r.side, price)?;
        }
        if r.size.is_sign_negative() || r.size.is_zero() {
            return Err(Reject::SizeStep);
        }
        // Bounds that keep every product of prices, sizes and rates far inside Decimal's range.
        let limit = Decimal::new(1_000_000_000_000, 0);
        if r.size > limit || r.price.is_some_and(|p| p > limit) {
            return Err(Reject::TooLarge);
        }
        let below_notional = || Reject::BelowMinNotional {
            min: inst.min_notional,
            quote: inst.quote.clone(),
        };
        if r.is_spot_market_buy() {
            // A quote amount: only the notional minimum applies.
            return if r.size < inst.min_notional {
                Err(below_notional())
            } else {
                Ok(())
            };
        }
        if !(r.size % inst.step).is_zero() {
            return Err(Reject::SizeStep);
        }
        // The size bounds are the futures pages' (v2 contracts, v3 futures instruments): the
        // spot symbols page calls `minTradeAmount`/`maxTradeAmount` obsolete, and v3 holds
        // `minOrderQty`/`maxOrderQty` against futures only.
        if !inst.is_futures() {
            return self.check_notional(inst, r, reduces);
        }
        if r.size < inst.min_size {
            return Err(Reject::BelowMinSize(inst.min_size));
        }
        let max = match r.order_type {
            OrderType::Limit => inst.max_size,
            OrderType::Market => inst.max_market_size.or(inst.max_size),
        };
        if let Some(max) = max.filter(|m| r.size > *m) {
            return Err(Reject::AboveMaxSize(max));
        }
        self.check_notional(inst, r, reduces)
    }

    /// An order worth at least the minimum, unless it reduces a position: a limit order at its
    /// price, a market order at the reference price (the band's; none known, no check).
    fn check_notional(&self, inst: &Instrument, r: &NewOrder, reduces: bool) -> Result<(), Reject> {
        let price = match r.order_type {
            OrderType::Limit => r.price,
            OrderType::Market => self.reference_price(inst),
        };
        if let Some(price) = price {
            if price * r.size < inst.min_notional && !reduces {
                return Err(Reject::BelowMinNotional {
                    min: inst.min_notional,
                    quote: inst.quote.clone(),
                });
            }
        }
        Ok(())
    }

    /// The price an order is measured against: on futures the index (the contracts page:
    /// "ratio of the index price"; this exchange's index is its mark price), on spot the last
    /// trade.
    fn reference_price(&self, inst: &Instrument) -> Option<Decimal> {
        if inst.is_futures() {
            self.mark_price(&inst.id)
        } else {
            self.last_price(&inst.id)
        }
    }

    /// A limit price within the band around the reference price (the index on futures, the
    /// last trade on spot; no band while there is none).
    fn check_band(&self, inst: &Instrument, side: Side, price: Decimal) -> Result<(), Reject> {
        let Some(reference) = self.reference_price(inst) else {
            return Ok(());
        };
        match side {
            Side::Buy => {
                if let Some(band) = inst.buy_band {
                    let limit = reference * (Decimal::ONE + band);
                    if price > limit {
                        return Err(Reject::OutsideBand { limit, buy: true });
                    }
                }
            }
            Side::Sell => {
                if let Some(band) = inst.sell_band {
                    let limit = reference * (Decimal::ONE - band);
                    if price < limit {
                        return Err(Reject::OutsideBand { limit, buy: false });
                    }
                }
            }
        }
        Ok(())
    }

    /// Checks a futures order's effect against the account's mode and positions: a reducing order
    /// is refused with nothing to reduce, or when larger than what it reduces.
    pub(super) fn check_effect(
        &self,
        inst: &Instrument,
        r: &NewOrder,
        effect: Effect,
    ) -> Result<(), Reject> {
        let acc = self
            .accounts
            .get(&r.account)
            .ok_or(Reject::UnknownAccount)?;
        let pos = |side: PosSide| acc.positions.get(&(inst.id.clone(), side));
        match (acc.mode, effect) {
            (PositionMode::OneWay, Effect::Net { reduce_only }) => {
                if !reduce_only {
                    return Ok(());
                }
                // Reduce-only: only against the opposite position, never beyond it.
                let p = pos(reduced_by(r.side)).ok_or(Reject::NoPosition)?;
                if r.size > p.size {
                    return Err(Reject::ReduceTooLarge);
                }
                Ok(())
            }
            (PositionMode::Hedge, Effect::Hedge { pos: side, close }) => {
                let closing_side = match side {
                    PosSide::Long => Side::Sell,
                    PosSide::Short => Side::Buy,
                };
                if !close {
                    return if r.side == closing_side {
                        Err(Reject::WrongPositionMode)
                    } else {
                        Ok(())
                    };
                }
                if r.side != closing_side {
                    return Err(Reject::WrongPositionMode);
                }
                let p = pos(side).ok_or(Reject::NoPosition)?;
                if r.size > p.size {
                    return Err(Reject::ReduceTooLarge);
                }
                Ok(())
            }
            _ => Err(Reject::WrongPositionMode),
        }
    }

    /// How much of the order the book can fill now (base size; for a spot market buy, the quote
    /// amount it can spend).
    pub(super) fn takeable(&self, inst: &Instrument, r: &NewOrder) -> Decimal {
        let Some(book) = self.books.get(&inst.id) else {
            return Decimal::ZERO;
        };
        let mut total = Decimal::ZERO;
        for (price, ids) in book.levels(r.side.opposite()) {
            if r.order_type == OrderType::Limit && !crosses(r.side, r.price, *price) {
                break;
            }
            let size = self.level_size(ids);
            total += if r.is_spot_market_buy() {
                size * *price
            } else {
                size
            };
            if total >= r.size {
                return total;
            }
        }
        total
    }

    /// What an order freezes, per unit of size (in all for a spot market buy): spot the coin it
    /// pays with; futures opening orders their margin and taker fee at the limit (or best) price.
    pub(super) fn hold_for(&self, inst: &Instrument, r: &NewOrder) -> Option<Hold> {
        match r.effect {
            None if r.is_spot_market_buy() => Some(Hold {
                coin_is_base: false,
                per_unit: r.size,
                leverage: 1,
            }),
            None => match r.side {
                Side::Sell => Some(Hold {
                    coin_is_base: true,
                    per_unit: Decimal::ONE,
                    leverage: 1,
                }),
                Side::Buy => Some(Hold {
                    coin_is_base: false,
                    per_unit: r.price.unwrap_or_default(),
                    leverage: 1,
                }),
            },
            Some(Effect::Hedge { close: true, .. }) | Some(Effect::Net { reduce_only: true }) => {
                None
            }
            Some(_) => {
                // The highest price it may fill at now: a buy never above its limit (a market buy,
                // the worst ask it reaches); a sell at its limit or above, up to the best bid.
                let best_bid = self
                    .books
                    .get(&inst.id)
                    .and_then(|b| b.best(Side::Buy))
                    .map(|(p, _)| p)
                    .unwrap_or_default();
                let price = match (r.side, r.order_type, r.price) {
                    (Side::Buy, OrderType::Limit, Some(p)) => p,
                    (Side::Buy, _, _) => self.worst_price(inst, r).unwrap_or_default(),
                    (Side::Sell, _, limit) => limit.unwrap_or_default().max(best_bid),
                };
                let leverage = self.leverage(&r.account, &inst.id);
                Some(Hold {
                    coin_is_base: false,
                    per_unit: price / Decimal::from(leverage) + price * inst.taker_fee,
                    leverage,
                })
            }
        }
    }

    pub(super) fn worst_price(&self, inst: &Instrument, r: &NewOrder) -> Option<Decimal> {
        let book = self.books.get(&inst.id)?;
        let mut left = r.size;
        let mut worst = None;
        for (price, ids) in book.levels(r.side.opposite()) {
            worst = Some(*price);
            let size = self.level_size(ids);
            if size >= left {
                break;
            }
            left -= size;
        }
        worst
    }

    /// Matches a new order against the opposite side of the book.
    pub(super) fn match_order(&mut self, inst: &Instrument, taker: OrderId) {
        loop {
            let Some(t) = self.order_at(taker) else {
                return;
            };
            if !t.status.is_open() {
                return;
            }
            let (side, limit, order_type) = (t.request.side, t.request.price, t.request.order_type);
            let spot_market_buy = t.request.is_spot_market_buy();
            // Left to fill: base size, or for a spot market buy, quote to spend.
            let left = if spot_market_buy {
                t.request.size - t.filled_quote
            } else {
                t.remaining()
            };
            if left <= Decimal::ZERO {
                return;
            }
            let Some((price, maker)) = self
                .books
                .get(&inst.id)
                .and_then(|b| b.best(side.opposite()))
            else {
                return;
            };
            if order_type == OrderType::Limit && !crosses(side, limit, price) {
                return;
            }
            let Some(m) = self.order_at(maker) else {
                return;
            };
            let mut maker_left = m.remaining();
            if let Some(e) = m.request.effect {
                // A resting reducing order never fills beyond what is left of its position; with
                // nothing left it is cancelled (as Bitget cancels the close orders of a closed
                // position) and the next maker is tried.
                let (account, maker_side) = (m.request.account.clone(), m.request.side);
                if let Some(cap) = self.reducible(&account, &inst.id, maker_side, e) {
                    if cap <= Decimal::ZERO {
                        if let Some(book) = self.books.get_mut(&inst.id) {
                            book.remove(maker_side, price, maker);
                        }
                        self.finish(maker, Status::Cancelled);
                        continue;
                    }
                    maker_left = maker_left.min(cap);
                }
            }
            let mut qty = if spot_market_buy {
                // Whole steps of base that the quote left can buy.
                let affordable = left / price;
                let steps = (affordable / inst.step).floor();
                (steps * inst.step).min(maker_left)
            } else {
                left.min(maker_left)
            };
            if qty <= Decimal::ZERO {
                return;
            }
            if let Some(e) = t.request.effect {
                // A reducing order never fills beyond the position it reduces.
                if let Some(cap) = self.reducible(&t.request.account, &inst.id, side, e) {
                    qty = qty.min(cap);
                    if qty <= Decimal::ZERO {
                        self.finish(taker, Status::Cancelled);
                        return;
                    }
                }
            }
            self.execute(inst, taker, maker, price, qty);
        }
    }

    /// For a reducing order, what is left to reduce.
    pub(super) fn reducible(
        &self,
        account: &str,
        id: &InstrumentId,
        side: Side,
        effect: Effect,
    ) -> Option<Decimal> {
        let acc = self.accounts.get(account)?;
        let pos = match effect {
            Effect::Net { reduce_only: true } => reduced_by(side),
            Effect::Hedge { pos, close: true } => pos,
            _ => return None,
        };
        Some(
            acc.positions
                .get(&(id.clone(), pos))
                .map_or(Decimal::ZERO, |p| p.size),
        )
    }

    /// One match: both sides settle at the maker's price.
    pub(super) fn execute(
        &mut self,
        inst: &Instrument,
        taker: OrderId,
        maker: OrderId,
        price: Decimal,
        qty: Decimal,
    ) {
        self.next_trade += 1;
        let trade_id = self.next_trade;
        for (id, is_maker) in [(maker, true), (taker, false)] {
            let settled = if inst.is_futures() {
                self.settle_futures(inst, id, is_maker, price, qty)
            } else {
                self.settle_spot(inst, id, is_maker, price, qty)
            };
            let Some(settled) = settled else { continue };
            self.record_fill(id, qty, price * qty, settled.fee);
            let Some(order) = self.order_at(id) else {
                continue;
            };
            let fill = Fill {
                trade_id,
                order_id: id,
                account: order.request.account.clone(),
                instrument: inst.id.clone(),
                side: order.request.side,
                price,
                size: qty,
                fee: settled.fee,
                fee_coin: settled.fee_coin,
                maker: is_maker,
                realized_pnl: settled.realized,
                time_ms: self.now_ms,
            };
            self.outbox.push(super::super::outbox::Event::Fill {
                trade_id: fill.trade_id,
                order_id: fill.order_id,
                account: fill.account.clone(),
                instrument: fill.instrument.clone(),
                fill: Box::new(fill.clone()),
            });
            self.fills.push(fill);
        }
        self.last.insert(inst.id.clone(), price);
        // A maker that is done leaves the book.
        if let Some(m) = self.order_at(maker) {
            if !m.status.is_open() {
                let (side, p) = (m.request.side, m.request.price.unwrap_or_default());
                if let Some(book) = self.books.get_mut(&inst.id) {
                    book.remove(side, p, maker);
                }
            }
        }
    }

    /// Cancels the account's open order: out of the book, its hold returned. Returns the order
    /// as cancelled; `None` when the account has no such open order.
    pub fn cancel(&mut self, account: &str, id: OrderId) -> Option<Order> {
        let o = self.order_at(id)?;
        if o.request.account != account || !o.status.is_open() {
            return None;
        }
        let (inst, side, price) = (
            o.request.instrument.clone(),
            o.request.side,
            o.request.price,
        );
        if let (Some(book), Some(price)) = (self.books.get_mut(&inst), price) {
            book.remove(side, price, id);
        }
        self.finish(id, Status::Cancelled);
        self.order_at(id).cloned()
    }

    /// Replaces a resting order with the same order at a new price and a new total size, under
    /// the same client id (v3's modify), and returns the replacement's id. `size` is the order's
    /// new total: what already filled stays filled and the replacement rests for the rest, so a
    /// change never executes more than asked. The steps are checked before anything moves; if
    /// placing the replacement still fails (a post-only that would now take, a balance short of
    /// a larger order), the original's remainder is put back at its old price, so the order is
    /// never lost, and the refusal is returned. `None` when the order is not the account's or
    /// not open.
    pub fn replace(
        &mut self,
        account: &str,
        id: OrderId,
        price: Option<Decimal>,
        size: Decimal,
    ) -> Option<Result<OrderId, Reject>> {
        self.replace_as(account, id, price, size, None)
    }

    /// [`Self::replace`], the replacement under `client_oid` when given (v2's modify names the
    /// replacement with `newClientOid`); the original, if put back, keeps its own.
    pub fn replace_as(
        &mut self,
        account: &str,
        id: OrderId,
        price: Option<Decimal>,
        size: Decimal,
        client_oid: Option<String>,
    ) -> Option<Result<OrderId, Reject>> {
        let old = self.order_at(id)?.clone();
        if old.request.account != account || !old.status.is_open() {
            return None;
        }
        if size <= old.filled {
            return Some(Err(Reject::SizeStep));
        }
        let replacement = NewOrder {
            price: price.or(old.request.price),
            size: size - old.filled,
            client_oid: client_oid.or_else(|| old.request.client_oid.clone()),
            ..old.request.clone()
        };
        if let Err(r) = self.check(&replacement) {
            return Some(Err(r));
        }
        self.cancel(account, id);
        if let Some(coid) = &old.request.client_oid {
            self.client_oids.remove(&(account.to_owned(), coid.clone()));
        }
        match self.place(replacement) {
            Ok(new_id) => Some(Ok(new_id)),
            Err(reject) => {
                let restored = NewOrder {
                    size: old.request.size - old.filled,
                    ..old.request
                };
                let _ = self.place(restored);
                Some(Err(reject))
            }
        }
    }

    // ----- prices and triggers -----
}
