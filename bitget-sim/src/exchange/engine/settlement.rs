//! What a match moves: balances held and released, fees, positions opened, reduced and closed.

use super::*;

/// What one side of a match paid (its fee, in its coin) and realised; `execute` records it as a
/// fill, the same way for spot and futures.
pub(super) struct Settled {
    pub(super) fee: Decimal,
    pub(super) fee_coin: String,
    pub(super) realized: Decimal,
}

impl Exchange {
    pub(super) fn fee_rate(inst: &Instrument, maker: bool) -> Decimal {
        if maker {
            inst.maker_fee
        } else {
            inst.taker_fee
        }
    }

    /// The balance of `coin` in `account`'s wallet for `market`, created at zero if missing.
    pub(super) fn balance_mut(
        &mut self,
        account: &str,
        market: &Market,
        coin: &str,
    ) -> &mut Balance {
        if !self.accounts.contains_key(account) {
            self.accounts.insert(account.to_owned(), Account::default());
        }
        self.accounts
            .get_mut(account)
            .unwrap_or_else(|| unreachable!("inserted above"))
            .entry(market, coin)
    }

    pub(super) fn credit(&mut self, account: &str, market: &Market, coin: &str, amount: Decimal) {
        self.balance_mut(account, market, coin).available += amount;
    }

    /// Takes `amount` out of the order's frozen hold (never more than is frozen).
    pub(super) fn unfreeze(
        &mut self,
        account: &str,
        market: &Market,
        coin: &str,
        amount: Decimal,
    ) -> Decimal {
        let Some(bal) = self
            .accounts
            .get_mut(account)
            .and_then(|a| a.balance_mut(market, coin))
        else {
            return Decimal::ZERO;
        };
        let taken = amount.min(bal.frozen);
        bal.frozen -= taken;
        taken
    }

    pub(super) fn settle_spot(
        &mut self,
        inst: &Instrument,
        id: OrderId,
        maker: bool,
        price: Decimal,
        qty: Decimal,
    ) -> Option<Settled> {
        let order = self.order_at(id)?;
        let (side, order_type) = (order.request.side, order.request.order_type);
        let hold = self.holds.get(&id).copied();
        let account = order.request.account.clone();
        let quote = price * qty;
        let rate = Self::fee_rate(inst, maker);
        let (fee, fee_coin) = match side {
            Side::Buy => {
                // Pays the quote from its hold (the hold was at its limit price, or the whole
                // quote amount of a market buy): a better price returns the difference.
                let held = match hold {
                    Some(h) if order_type == OrderType::Market => quote.min(h.per_unit),
                    Some(h) => h.per_unit * qty,
                    None => Decimal::ZERO,
                };
                let taken = self.unfreeze(&account, &inst.id.market, &inst.quote, held);
                self.credit(&account, &inst.id.market, &inst.quote, taken - quote);
                let fee = qty * rate;
                self.credit(&account, &inst.id.market, &inst.base, qty - fee);
                self.credit(FEE_ACCOUNT, &inst.id.market, &inst.base, fee);
                (fee, inst.base.clone())
            }
            Side::Sell => {
                self.unfreeze(&account, &inst.id.market, &inst.base, qty);
                let fee = quote * rate;
                self.credit(&account, &inst.id.market, &inst.quote, quote - fee);
                self.credit(FEE_ACCOUNT, &inst.id.market, &inst.quote, fee);
                (fee, inst.quote.clone())
            }
        };
        Some(Settled {
            fee,
            fee_coin,
            realized: Decimal::ZERO,
        })
    }

    pub(super) fn settle_futures(
        &mut self,
        inst: &Instrument,
        id: OrderId,
        maker: bool,
        price: Decimal,
        qty: Decimal,
    ) -> Option<Settled> {
        let order = self.order_at(id)?;
        let (side, effect) = (order.request.side, order.request.effect?);
        let hold = self.holds.get(&id).copied();
        let account = order.request.account.clone();
        let coin = inst.quote.clone();
        // Split into what reduces a position and what opens (or grows) one.
        let acc = self.accounts.get(&account)?;
        let (reduce_side, open_side) = match effect {
            Effect::Hedge { pos, close: true } => (Some(pos), None),
            Effect::Hedge { pos, close: false } => (None, Some(pos)),
            Effect::Net { reduce_only } => {
                let against = reduced_by(side);
                let with = reduced_by(side.opposite());
                (Some(against), (!reduce_only).then_some(with))
            }
        };
        let open_now = reduce_side
            .and_then(|s| acc.positions.get(&(inst.id.clone(), s)))
            .map_or(Decimal::ZERO, |p| p.size);
        let reduced = if reduce_side.is_some() {
            qty.min(open_now)
        } else {
            Decimal::ZERO
        };
        let opened = if open_side.is_some() {
            qty - reduced
        } else {
            Decimal::ZERO
        };
        let rate = Self::fee_rate(inst, maker);
        let fee = price * qty * rate;
        let mut realized = Decimal::ZERO;
        // This fill's share of the order's hold comes back first.
        if let Some(h) = hold {
            let back = self.unfreeze(&account, &inst.id.market, &coin, h.per_unit * qty);
            self.credit(&account, &inst.id.market, &coin, back);
        }
        let mut position_closed = None;
        if let Some(pos_side) = reduce_side.filter(|_| !reduced.is_zero()) {
            let key = (inst.id.clone(), pos_side);
            if let Some(acc) = self.accounts.get_mut(&account) {
                if let Some(p) = acc.positions.get_mut(&key) {
                    let whole = reduced == p.size;
                    let cost = if whole {
                        p.cost
                    } else {
                        (p.cost * reduced / p.size).round_dp(18)
                    };
                    let margin = if whole {
                        p.margin
                    } else {
                        (p.margin * reduced / p.size).round_dp(18)
                    };
                    realized = match pos_side {
                        PosSide::Long => price * reduced - cost,
                        PosSide::Short => cost - price * reduced,
                    };
                    p.size -= reduced;
                    p.cost -= cost;
                    p.margin -= margin;
                    p.closed_total += reduced;
                    p.closed_value += price * reduced;
                    p.realized += realized;
                    p.close_fee += price * reduced * rate;
                    if p.size.is_zero() {
                        if let Some(position) = acc.positions.remove(&key) {
                            acc.closed.push(ClosedPosition {
                                position,
                                closed_ms: self.now_ms,
                            });
                        }
                        position_closed = Some(pos_side);
                    }
                    acc.entry(&inst.id.market, &coin).available += margin + realized;
                }
            }
        }
        if let Some(pos_side) = position_closed {
            self.cancel_position_triggers(&account, &inst.id, pos_side);
        }
        if let Some(pos_side) = open_side.filter(|_| !opened.is_zero()) {
            let lev = hold.map_or_else(|| self.leverage(&account, &inst.id), |h| h.leverage);
            let margin = price * opened / Decimal::from(lev);
            let (now, next_id) = (self.now_ms, self.next_position + 1);
            if let Some(acc) = self.accounts.get_mut(&account) {
                let margin_mode = acc.margin_mode;
                acc.entry(&inst.id.market, &coin).available -= margin;
                let p = acc
                    .positions
                    .entry((inst.id.clone(), pos_side))
                    .or_insert_with(|| Position {
                        instrument: inst.id.clone(),
                        side: pos_side,
                        size: Decimal::ZERO,
                        cost: Decimal::ZERO,
                        margin: Decimal::ZERO,
                        leverage: lev,
                        margin_mode,
                        id: next_id,
                        opened_total: Decimal::ZERO,
                        opened_value: Decimal::ZERO,
                        closed_total: Decimal::ZERO,
                        closed_value: Decimal::ZERO,
                        realized: Decimal::ZERO,
                        open_fee: Decimal::ZERO,
                        close_fee: Decimal::ZERO,
                        opened_ms: now,
                    });
                if p.id == next_id {
                    self.next_position = next_id;
                }
                p.size += opened;
                p.cost += price * opened;
                p.margin += margin;
                p.opened_total += opened;
                p.opened_value += price * opened;
                p.open_fee += price * opened * rate;
            }
        }
        self.credit(&account, &inst.id.market, &coin, -fee);
        self.credit(FEE_ACCOUNT, &inst.id.market, &coin, fee);
        Some(Settled {
            fee,
            fee_coin: coin,
            realized,
        })
    }

    pub(super) fn record_fill(&mut self, id: OrderId, qty: Decimal, quote: Decimal, fee: Decimal) {
        let now = self.now_ms;
        let done = if let Some(o) = self.order_at_mut(id) {
            o.filled += qty;
            o.filled_quote += quote;
            o.fee += fee;
            o.updated_ms = now;
            let spot_market_buy = o.request.is_spot_market_buy();
            let complete = if spot_market_buy {
                o.filled_quote >= o.request.size
            } else {
                o.filled >= o.request.size
            };
            o.status = if complete {
                Status::Filled
            } else {
                Status::PartiallyFilled
            };
            complete
        } else {
            false
        };
        if done {
            self.release_hold(id);
        }
        self.order_event(id);
    }

    /// Returns what an order still holds frozen to its account's available balance.
    pub(super) fn release_hold(&mut self, id: OrderId) {
        let Some(hold) = self.holds.remove(&id) else {
            return;
        };
        let Some(o) = self.order_at(id) else { return };
        let Some(inst) = self.instruments.get(&o.request.instrument) else {
            return;
        };
        let coin = if hold.coin_is_base {
            inst.base.clone()
        } else {
            inst.quote.clone()
        };
        let spot_market_buy = o.request.is_spot_market_buy();
        let left = if spot_market_buy {
            hold.per_unit - o.filled_quote
        } else {
            hold.per_unit * o.remaining()
        };
        let account = o.request.account.clone();
        let market = inst.id.market.clone();
        let back = self.unfreeze(&account, &market, &coin, left.max(Decimal::ZERO));
        self.credit(&account, &market, &coin, back);
    }

    pub(super) fn finish(&mut self, id: OrderId, status: Status) {
        self.release_hold(id);
        let now = self.now_ms;
        if let Some(o) = self.order_at_mut(id) {
            o.status = status;
            o.updated_ms = now;
        }
        self.order_event(id);
    }
}
