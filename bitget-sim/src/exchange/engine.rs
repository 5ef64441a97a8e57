//! The exchange: accounts, orders, matching, settlement, positions, triggers.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use rust_decimal::Decimal;

use super::book::Book;
use super::triggers::{PriceKind, Trail, Trigger, TriggerKind, TriggerStatus};
use super::types::{
    Balance, ClosedPosition, Effect, Fill, Instrument, InstrumentId, MarginMode, NewOrder, Order,
    OrderId, OrderType, PosSide, Position, PositionMode, Reject, Side, Status, TimeInForce,
};

/// A small fast hasher for the exchange's maps (ids and short keys, no untrusted flood to
/// withstand: the simulator is a test tool): the FxHash step.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FxMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fx>>;

/// The account that receives every fee, so that value is conserved.
pub const FEE_ACCOUNT: &str = "exchange-fees";

/// One candle: the period's start (Unix ms), open, high, low, close, and volumes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candle {
    /// The period's start, Unix ms.
    pub ts: i64,
    /// First trade price.
    pub open: Decimal,
    /// Highest trade price.
    pub high: Decimal,
    /// Lowest trade price.
    pub low: Decimal,
    /// Last trade price.
    pub close: Decimal,
    /// Base coin traded.
    pub base_volume: Decimal,
    /// Quote coin traded.
    pub quote_volume: Decimal,
}

/// Price levels, best first: (price, size open there).
pub type Levels = Vec<(Decimal, Decimal)>;

/// Order ids start after this (19 digits, as Bitget's).
const FIRST_ORDER: OrderId = 1_000_000_000_000_000_000;

/// The leverage of a contract an account has not set.
const DEFAULT_LEVERAGE: u32 = 10;

#[derive(Debug, Default, Clone)]
struct Account {
    balances: BTreeMap<String, Balance>,
    positions: BTreeMap<(InstrumentId, PosSide), Position>,
    mode: PositionMode,
    margin_mode: MarginMode,
    leverage: FxMap<InstrumentId, u32>,
    closed: Vec<ClosedPosition>,
}

/// What an open order holds frozen, per unit of base size still open (or in all, for a market
/// buy on spot, whose size is a quote amount).
#[derive(Debug, Clone, Copy)]
struct Hold {
    coin_is_base: bool,
    per_unit: Decimal,
    /// The leverage the margin was held at (futures), which its fills open positions at: a
    /// leverage changed meanwhile must not charge more margin than was held.
    leverage: u32,
}

/// The position an order of `side` reduces in one-way mode: a buy reduces a short, a sell a long.
fn reduced_by(side: Side) -> PosSide {
    match side {
        Side::Buy => PosSide::Short,
        Side::Sell => PosSide::Long,
    }
}

/// Whether a resting order at `price` can fill an order of `side` limited at `limit`.
fn crosses(side: Side, limit: Option<Decimal>, price: Decimal) -> bool {
    match (side, limit) {
        (Side::Buy, Some(l)) => price <= l,
        (Side::Sell, Some(l)) => price >= l,
        (_, None) => false,
    }
}

/// The exchange. See the module docs.
#[derive(Debug, Clone)]
pub struct Exchange {
    instruments: BTreeMap<InstrumentId, Arc<Instrument>>,
    books: FxMap<InstrumentId, Book>,
    accounts: FxMap<String, Account>,
    /// Every order ever placed, by id: ids are sequential from `FIRST_ORDER`, so an id is an
    /// index.
    orders: Vec<Order>,
    holds: FxMap<OrderId, Hold>,
    client_oids: FxMap<(String, String), OrderId>,
    fills: Vec<Fill>,
    last: FxMap<InstrumentId, Decimal>,
    mark: FxMap<InstrumentId, Decimal>,
    funding: FxMap<InstrumentId, Decimal>,
    triggers: BTreeMap<u64, Trigger>,
    next_order: OrderId,
    next_trade: u64,
    next_trigger: u64,
    next_position: u64,
    now_ms: i64,
}

impl Default for Exchange {
    fn default() -> Self {
        Exchange::new()
    }
}

impl Exchange {
    /// An exchange with no instrument and only the fee account.
    pub fn new() -> Self {
        let mut accounts = FxMap::default();
        accounts.insert(FEE_ACCOUNT.to_owned(), Account::default());
        Exchange {
            instruments: BTreeMap::new(),
            books: FxMap::default(),
            accounts,
            orders: Vec::new(),
            holds: FxMap::default(),
            client_oids: FxMap::default(),
            fills: Vec::new(),
            last: FxMap::default(),
            mark: FxMap::default(),
            funding: FxMap::default(),
            triggers: BTreeMap::new(),
            next_order: FIRST_ORDER,
            next_trade: 0,
            next_trigger: 2_000_000_000_000_000_000,
            next_position: 3_000_000_000_000_000_000,
            now_ms: 1_700_000_000_000,
        }
    }

    /// Sets the exchange's clock (Unix ms), which stamps orders and fills.
    pub fn set_time(&mut self, now_ms: i64) {
        self.now_ms = now_ms;
    }

    /// The exchange's clock.
    pub fn now_ms(&self) -> i64 {
        self.now_ms
    }

    // ----- instruments and accounts -----

    /// Lists an instrument (replacing one with the same id); refused with a tick or step that is
    /// not positive.
    pub fn add_instrument(&mut self, instrument: Instrument) -> Result<(), Reject> {
        if instrument.tick <= Decimal::ZERO {
            return Err(Reject::PriceTick);
        }
        if instrument.step <= Decimal::ZERO || instrument.min_size < Decimal::ZERO {
            return Err(Reject::SizeStep);
        }
        self.books.entry(instrument.id.clone()).or_default();
        self.instruments
            .insert(instrument.id.clone(), Arc::new(instrument));
        Ok(())
    }

    /// Every instrument, by market then symbol.
    pub fn instruments(&self) -> impl Iterator<Item = &Instrument> {
        self.instruments.values().map(|i| &**i)
    }

    /// One instrument.
    pub fn instrument(&self, id: &InstrumentId) -> Option<&Instrument> {
        self.instruments.get(id).map(|i| &**i)
    }

    /// Opens an account with no balance (nothing happens if it exists).
    pub fn open_account(&mut self, name: &str) {
        self.accounts.entry(name.to_owned()).or_default();
    }

    /// Whether the account exists.
    pub fn has_account(&self, name: &str) -> bool {
        self.accounts.contains_key(name)
    }

    /// Adds `amount` of `coin` to the account's available balance (the only way value enters).
    pub fn deposit(&mut self, account: &str, coin: &str, amount: Decimal) {
        let acc = self.accounts.entry(account.to_owned()).or_default();
        acc.balances
            .entry(coin.to_uppercase())
            .or_default()
            .available += amount;
    }

    /// The account's balance of `coin`.
    pub fn balance(&self, account: &str, coin: &str) -> Balance {
        self.accounts
            .get(account)
            .and_then(|a| a.balances.get(&coin.to_uppercase()))
            .copied()
            .unwrap_or_default()
    }

    /// Every balance of the account, by coin.
    pub fn balances(&self, account: &str) -> Vec<(String, Balance)> {
        self.accounts.get(account).map_or_else(Vec::new, |a| {
            a.balances.iter().map(|(c, b)| (c.clone(), *b)).collect()
        })
    }

    /// All of `coin` held anywhere: available, frozen and position margin of every account, the
    /// fee account included. Only deposits change it (and futures profits, which are zero-sum
    /// across accounts once positions are valued at a common price: see [`Self::equity`]).
    pub fn total(&self, coin: &str) -> Decimal {
        let coin = coin.to_uppercase();
        self.accounts
            .values()
            .map(|a| {
                let b = a.balances.get(&coin).copied().unwrap_or_default();
                let margin: Decimal = a
                    .positions
                    .values()
                    .filter(|p| self.margin_coin(&p.instrument) == Some(coin.as_str()))
                    .map(|p| p.margin)
                    .sum();
                b.available + b.frozen + margin
            })
            .sum()
    }

    /// [`Self::total`] plus every position's profit at `price` (one price for all, so the sides
    /// of every fill cancel out): conserved by trading.
    pub fn equity(&self, coin: &str, price: Decimal) -> Decimal {
        let coin = coin.to_uppercase();
        let pnl: Decimal = self
            .accounts
            .values()
            .flat_map(|a| a.positions.values())
            .filter(|p| self.margin_coin(&p.instrument) == Some(coin.as_str()))
            .map(|p| p.unrealized_pnl(price))
            .sum();
        self.total(&coin) + pnl
    }

    fn margin_coin(&self, id: &InstrumentId) -> Option<&str> {
        self.instruments.get(id).map(|i| i.quote.as_str())
    }

    /// The quote (and margin) coin of an instrument.
    pub fn quote_of(&self, id: &InstrumentId) -> Option<&str> {
        self.margin_coin(id)
    }

    /// The margin mode new positions of the account open in.
    pub fn margin_mode(&self, account: &str) -> MarginMode {
        self.accounts
            .get(account)
            .map(|a| a.margin_mode)
            .unwrap_or_default()
    }

    /// Sets the account's position mode; refused while it has a position or an open futures
    /// order (as Bitget).
    pub fn set_position_mode(&mut self, account: &str, mode: PositionMode) -> Result<(), Reject> {
        let busy = self.orders.iter().any(|o| {
            o.request.account == account && o.status.is_open() && o.request.effect.is_some()
        });
        let acc = self
            .accounts
            .get_mut(account)
            .ok_or(Reject::UnknownAccount)?;
        if busy || !acc.positions.is_empty() {
            return Err(Reject::WrongPositionMode);
        }
        acc.mode = mode;
        Ok(())
    }

    /// The account's position mode.
    pub fn position_mode(&self, account: &str) -> PositionMode {
        self.accounts
            .get(account)
            .map(|a| a.mode)
            .unwrap_or_default()
    }

    /// Sets the margin mode new positions are opened in.
    pub fn set_margin_mode(&mut self, account: &str, mode: MarginMode) -> Result<(), Reject> {
        let acc = self
            .accounts
            .get_mut(account)
            .ok_or(Reject::UnknownAccount)?;
        acc.margin_mode = mode;
        Ok(())
    }

    /// Sets the leverage new positions of `instrument` are opened with.
    pub fn set_leverage(
        &mut self,
        account: &str,
        instrument: &InstrumentId,
        leverage: u32,
    ) -> Result<(), Reject> {
        let max = self
            .instruments
            .get(instrument)
            .ok_or(Reject::UnknownInstrument)?
            .max_leverage;
        if leverage == 0 || leverage > max {
            return Err(Reject::Leverage);
        }
        let acc = self
            .accounts
            .get_mut(account)
            .ok_or(Reject::UnknownAccount)?;
        acc.leverage.insert(instrument.clone(), leverage);
        Ok(())
    }

    /// Adds margin to a position (`amount` > 0, from the available balance) or removes it
    /// (`amount` < 0, down to what its leverage requires: `cost / leverage`).
    pub fn adjust_margin(
        &mut self,
        account: &str,
        instrument: &InstrumentId,
        side: PosSide,
        amount: Decimal,
    ) -> Result<(), Reject> {
        let coin = self
            .margin_coin(instrument)
            .ok_or(Reject::UnknownInstrument)?
            .to_owned();
        let acc = self
            .accounts
            .get_mut(account)
            .ok_or(Reject::UnknownAccount)?;
        let available = acc
            .balances
            .get(&coin)
            .map_or(Decimal::ZERO, |b| b.available);
        let pos = acc
            .positions
            .get_mut(&(instrument.clone(), side))
            .ok_or(Reject::NoPosition)?;
        let floor = pos.cost / Decimal::from(pos.leverage.max(1));
        if amount > available || pos.margin + amount < floor {
            return Err(Reject::InsufficientBalance);
        }
        pos.margin += amount;
        acc.balances.entry(coin).or_default().available -= amount;
        Ok(())
    }

    /// The leverage of `instrument` for the account.
    pub fn leverage(&self, account: &str, instrument: &InstrumentId) -> u32 {
        self.accounts
            .get(account)
            .and_then(|a| a.leverage.get(instrument))
            .copied()
            .unwrap_or(DEFAULT_LEVERAGE)
    }

    // ----- reading -----

    /// The size still open at a price level.
    fn level_size(&self, ids: &std::collections::VecDeque<OrderId>) -> Decimal {
        ids.iter()
            .filter_map(|id| self.order_at(*id))
            .map(Order::remaining)
            .sum()
    }

    fn order_at(&self, id: OrderId) -> Option<&Order> {
        let i = usize::try_from(id.checked_sub(FIRST_ORDER + 1)?).ok()?;
        self.orders.get(i)
    }

    fn order_at_mut(&mut self, id: OrderId) -> Option<&mut Order> {
        let i = usize::try_from(id.checked_sub(FIRST_ORDER + 1)?).ok()?;
        self.orders.get_mut(i)
    }

    /// One order.
    pub fn order(&self, id: OrderId) -> Option<&Order> {
        self.order_at(id)
    }

    /// The account's order with this client id.
    pub fn order_by_client_oid(&self, account: &str, client_oid: &str) -> Option<&Order> {
        self.client_oids
            .get(&(account.to_owned(), client_oid.to_owned()))
            .and_then(|id| self.order_at(*id))
    }

    /// Every order of the account, oldest first.
    pub fn orders(&self, account: &str) -> impl Iterator<Item = &Order> {
        let account = account.to_owned();
        self.orders
            .iter()
            .filter(move |o| o.request.account == account)
    }

    /// The account's orders that can still fill, oldest first.
    pub fn open_orders(&self, account: &str) -> impl Iterator<Item = &Order> {
        self.orders(account).filter(|o| o.status.is_open())
    }

    /// Every fill of the account, oldest first.
    pub fn fills(&self, account: &str) -> impl Iterator<Item = &Fill> {
        let account = account.to_owned();
        self.fills.iter().filter(move |f| f.account == account)
    }

    /// Every fill on the instrument (both sides of each match), oldest first.
    pub fn trades(&self, instrument: &InstrumentId) -> impl Iterator<Item = &Fill> {
        let instrument = instrument.clone();
        self.fills
            .iter()
            .filter(move |f| f.instrument == instrument && !f.maker)
    }

    /// The account's open positions.
    pub fn positions(&self, account: &str) -> Vec<&Position> {
        self.accounts
            .get(account)
            .map_or_else(Vec::new, |a| a.positions.values().collect())
    }

    /// The account's closed positions, oldest first.
    pub fn closed_positions(&self, account: &str) -> &[ClosedPosition] {
        self.accounts.get(account).map_or(&[], |a| &a.closed)
    }

    /// The account's position of `instrument` on `side`, if open.
    pub fn position(
        &self,
        account: &str,
        instrument: &InstrumentId,
        side: PosSide,
    ) -> Option<&Position> {
        self.accounts
            .get(account)
            .and_then(|a| a.positions.get(&(instrument.clone(), side)))
    }

    /// The best `levels` price levels of each side: (bids best first, asks best first), each
    /// (price, size open).
    pub fn depth(&self, instrument: &InstrumentId, levels: usize) -> (Levels, Levels) {
        let Some(book) = self.books.get(instrument) else {
            return (Vec::new(), Vec::new());
        };
        let side = |side: Side| {
            book.levels(side)
                .take(levels)
                .map(|(price, ids)| (*price, self.level_size(ids)))
                .collect()
        };
        (side(Side::Buy), side(Side::Sell))
    }

    /// The last traded price.
    pub fn last_price(&self, instrument: &InstrumentId) -> Option<Decimal> {
        self.last.get(instrument).copied()
    }

    /// The mark price (set by the test; the last price until then).
    pub fn mark_price(&self, instrument: &InstrumentId) -> Option<Decimal> {
        self.mark
            .get(instrument)
            .or_else(|| self.last.get(instrument))
            .copied()
    }

    // ----- orders -----

    /// Places an order: checked, matched against the book at once, and what remains rests (by
    /// its time in force). Returns its id; a refusal changes nothing.
    pub fn place(&mut self, request: NewOrder) -> Result<OrderId, Reject> {
        let id = self.place_quietly(request)?;
        self.run_triggers();
        Ok(id)
    }

    fn place_quietly(&mut self, request: NewOrder) -> Result<OrderId, Reject> {
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
            let bal = acc.balances.entry(coin.clone()).or_default();
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

    fn check_steps(&self, inst: &Instrument, r: &NewOrder) -> Result<(), Reject> {
        if r.order_type == OrderType::Limit {
            let price = r
                .price
                .filter(|p| p.is_sign_positive() && !p.is_zero())
                .ok_or(Reject::PriceRequired)?;
            if !(price % inst.tick).is_zero() {
                return Err(Reject::PriceTick);
            }
        }
        if r.size.is_sign_negative() || r.size.is_zero() {
            return Err(Reject::SizeStep);
        }
        // Bounds that keep every product of prices, sizes and rates far inside Decimal's range.
        let limit = Decimal::new(1_000_000_000_000, 0);
        if r.size > limit || r.price.is_some_and(|p| p > limit) {
            return Err(Reject::TooLarge);
        }
        if r.is_spot_market_buy() {
            // A quote amount: only the notional minimum applies.
            return if r.size < inst.min_notional {
                Err(Reject::TooSmall)
            } else {
                Ok(())
            };
        }
        if !(r.size % inst.step).is_zero() {
            return Err(Reject::SizeStep);
        }
        if r.size < inst.min_size {
            return Err(Reject::TooSmall);
        }
        if let Some(price) = r.price.filter(|_| r.order_type == OrderType::Limit) {
            if price * r.size < inst.min_notional
                && !matches!(
                    r.effect,
                    Some(Effect::Hedge { close: true, .. })
                        | Some(Effect::Net { reduce_only: true })
                )
            {
                return Err(Reject::TooSmall);
            }
        }
        Ok(())
    }

    /// Checks a futures order's effect against the account's mode and positions: a reducing order
    /// is refused with nothing to reduce, or when larger than what it reduces.
    fn check_effect(&self, inst: &Instrument, r: &NewOrder, effect: Effect) -> Result<(), Reject> {
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
    fn takeable(&self, inst: &Instrument, r: &NewOrder) -> Decimal {
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
    fn hold_for(&self, inst: &Instrument, r: &NewOrder) -> Option<Hold> {
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

    fn worst_price(&self, inst: &Instrument, r: &NewOrder) -> Option<Decimal> {
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
    fn match_order(&mut self, inst: &Instrument, taker: OrderId) {
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
    fn reducible(
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
    fn execute(
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

    fn fee_rate(inst: &Instrument, maker: bool) -> Decimal {
        if maker {
            inst.maker_fee
        } else {
            inst.taker_fee
        }
    }

    /// The balance of `coin` in `account`, created at zero if missing (allocating only then: this
    /// is on every fill's path).
    fn balance_mut(&mut self, account: &str, coin: &str) -> &mut Balance {
        if !self.accounts.contains_key(account) {
            self.accounts.insert(account.to_owned(), Account::default());
        }
        let acc = self
            .accounts
            .get_mut(account)
            .unwrap_or_else(|| unreachable!("inserted above"));
        if !acc.balances.contains_key(coin) {
            acc.balances.insert(coin.to_owned(), Balance::default());
        }
        acc.balances
            .get_mut(coin)
            .unwrap_or_else(|| unreachable!("inserted above"))
    }

    fn credit(&mut self, account: &str, coin: &str, amount: Decimal) {
        if let Some(bal) = self
            .accounts
            .get_mut(account)
            .and_then(|a| a.balances.get_mut(coin))
        {
            bal.available += amount;
            return;
        }
        self.balance_mut(account, coin).available += amount;
    }

    /// Takes `amount` out of the order's frozen hold (never more than is frozen).
    fn unfreeze(&mut self, account: &str, coin: &str, amount: Decimal) -> Decimal {
        let Some(bal) = self
            .accounts
            .get_mut(account)
            .and_then(|a| a.balances.get_mut(coin))
        else {
            return Decimal::ZERO;
        };
        let taken = amount.min(bal.frozen);
        bal.frozen -= taken;
        taken
    }

    fn settle_spot(
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
                let taken = self.unfreeze(&account, &inst.quote, held);
                self.credit(&account, &inst.quote, taken - quote);
                let fee = qty * rate;
                self.credit(&account, &inst.base, qty - fee);
                self.credit(FEE_ACCOUNT, &inst.base, fee);
                (fee, inst.base.clone())
            }
            Side::Sell => {
                self.unfreeze(&account, &inst.base, qty);
                let fee = quote * rate;
                self.credit(&account, &inst.quote, quote - fee);
                self.credit(FEE_ACCOUNT, &inst.quote, fee);
                (fee, inst.quote.clone())
            }
        };
        Some(Settled {
            fee,
            fee_coin,
            realized: Decimal::ZERO,
        })
    }

    fn settle_futures(
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
            let back = self.unfreeze(&account, &coin, h.per_unit * qty);
            self.credit(&account, &coin, back);
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
                    acc.balances.entry(coin.clone()).or_default().available += margin + realized;
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
                acc.balances.entry(coin.clone()).or_default().available -= margin;
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
        self.credit(&account, &coin, -fee);
        self.credit(FEE_ACCOUNT, &coin, fee);
        Some(Settled {
            fee,
            fee_coin: coin,
            realized,
        })
    }

    fn record_fill(&mut self, id: OrderId, qty: Decimal, quote: Decimal, fee: Decimal) {
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
    }

    /// Returns what an order still holds frozen to its account's available balance.
    fn release_hold(&mut self, id: OrderId) {
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
        let back = self.unfreeze(&account, &coin, left.max(Decimal::ZERO));
        self.credit(&account, &coin, back);
    }

    fn finish(&mut self, id: OrderId, status: Status) {
        self.release_hold(id);
        let now = self.now_ms;
        if let Some(o) = self.order_at_mut(id) {
            o.status = status;
            o.updated_ms = now;
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

    /// Sets the funding rate a contract reports (funding is not paid: the rate is for the market
    /// data endpoints).
    pub fn set_funding_rate(&mut self, instrument: &InstrumentId, rate: Decimal) {
        self.funding.insert(instrument.clone(), rate);
    }

    /// The funding rate a contract reports (0 until set).
    pub fn funding_rate(&self, instrument: &InstrumentId) -> Decimal {
        self.funding.get(instrument).copied().unwrap_or_default()
    }

    /// The open interest of a contract: the size of every open long (every long has its short).
    pub fn open_interest(&self, instrument: &InstrumentId) -> Decimal {
        self.accounts
            .values()
            .filter_map(|a| a.positions.get(&(instrument.clone(), PosSide::Long)))
            .map(|p| p.size)
            .sum()
    }

    /// Candles of `period_ms` from the trades of an instrument, oldest first, the latest `limit`
    /// of those starting in `[start_ms, end_ms]`: `(start, open, high, low, close, base volume,
    /// quote volume)`.
    pub fn candles(
        &self,
        instrument: &InstrumentId,
        period_ms: i64,
        (start_ms, end_ms): (i64, i64),
        limit: usize,
    ) -> Vec<Candle> {
        let period = period_ms.max(1);
        let mut out: Vec<Candle> = Vec::new();
        for t in self.trades(instrument) {
            let ts = t.time_ms - t.time_ms.rem_euclid(period);
            if ts < start_ms || ts > end_ms {
                continue;
            }
            match out.last_mut() {
                Some(c) if c.ts == ts => {
                    c.high = c.high.max(t.price);
                    c.low = c.low.min(t.price);
                    c.close = t.price;
                    c.base_volume += t.size;
                    c.quote_volume += t.size * t.price;
                }
                _ => out.push(Candle {
                    ts,
                    open: t.price,
                    high: t.price,
                    low: t.price,
                    close: t.price,
                    base_volume: t.size,
                    quote_volume: t.size * t.price,
                }),
            }
        }
        let skip = out.len().saturating_sub(limit);
        out.split_off(skip)
    }

    /// Sets the mark price of an instrument; triggers watching it fire.
    pub fn set_mark_price(&mut self, instrument: &InstrumentId, price: Decimal) {
        self.mark.insert(instrument.clone(), price);
        self.run_triggers();
    }

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

    fn insert_trigger(
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
    fn rising(
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
    fn run_triggers(&mut self) {
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
    fn watched_price(&self, t: &Trigger) -> Option<Decimal> {
        match t.price_kind {
            PriceKind::Mark => self.mark_price(&t.instrument),
            PriceKind::Last => self.last_price(&t.instrument),
        }
    }

    /// Cancels the take-profits and stop-losses of a position that closed, whole-position and
    /// partial alike (as Bitget does: they belong to the position, not to the next one).
    fn cancel_position_triggers(
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
    fn size_to_close(&self, order: &NewOrder) -> Decimal {
        let side = match order.effect {
            Some(Effect::Hedge { pos, .. }) => pos,
            Some(Effect::Net { .. }) => reduced_by(order.side),
            None => return Decimal::ZERO,
        };
        self.position(&order.account, &order.instrument, side)
            .map_or(Decimal::ZERO, |p| p.size)
    }
}

/// What one side of a match paid (its fee, in its coin) and realised; `execute` records it as a
/// fill, the same way for spot and futures.
struct Settled {
    fee: Decimal,
    fee_coin: String,
    realized: Decimal,
}
