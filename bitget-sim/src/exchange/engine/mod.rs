//! The exchange: accounts, orders, matching, settlement, positions, triggers.
//!
//! `mod.rs` holds the state and what reads it (balances, orders, fills, books, prices);
//! `settings.rs` the account's modes and leverage; `orders.rs` placing, checking, matching,
//! cancelling and replacing; `settlement.rs` what a match moves (balances, positions, fees);
//! `market.rs` funding, open interest, candles and the mark price; `triggers.rs` the trigger
//! orders.

mod market;
mod orders;
mod settings;
mod settlement;
mod triggers;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use rust_decimal::Decimal;

use super::book::Book;
use super::triggers::{PriceKind, Trail, Trigger, TriggerKind, TriggerStatus};
use super::types::{
    Balance, ClosedPosition, Effect, Fill, Instrument, InstrumentId, MarginMode, Market, NewOrder,
    Order, OrderId, OrderType, PosSide, Position, PositionMode, Reject, Side, Status, TimeInForce,
    TradingStatus,
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

/// The one wallet of an account that does not split its balances (everything is in it).
static ONE_WALLET: Market = Market::Spot;

#[derive(Debug, Default, Clone)]
struct Account {
    /// Balances by wallet, then coin. A split account keeps one wallet per market (spot and each
    /// futures product type), as Bitget's Classic accounts do; any other keeps everything in the
    /// [`ONE_WALLET`].
    wallets: BTreeMap<Market, BTreeMap<String, Balance>>,
    split: bool,
    positions: BTreeMap<(InstrumentId, PosSide), Position>,
    mode: PositionMode,
    margin_mode: MarginMode,
    leverage: FxMap<InstrumentId, u32>,
    closed: Vec<ClosedPosition>,
}

impl Account {
    /// The wallet that holds what trades in `market`.
    fn wallet_of<'m>(&self, market: &'m Market) -> &'m Market {
        if self.split { market } else { &ONE_WALLET }
    }

    fn balance(&self, market: &Market, coin: &str) -> Option<&Balance> {
        self.wallets.get(self.wallet_of(market))?.get(coin)
    }

    fn balance_mut(&mut self, market: &Market, coin: &str) -> Option<&mut Balance> {
        let wallet = self.wallet_of(market);
        self.wallets.get_mut(wallet)?.get_mut(coin)
    }

    /// The balance, created at zero if missing (allocating only then: this is on every fill's
    /// path).
    fn entry(&mut self, market: &Market, coin: &str) -> &mut Balance {
        let wallet = self.wallet_of(market);
        if !self.wallets.contains_key(wallet) {
            self.wallets.insert(wallet.clone(), BTreeMap::new());
        }
        let coins = self
            .wallets
            .get_mut(wallet)
            .unwrap_or_else(|| unreachable!("inserted above"));
        if !coins.contains_key(coin) {
            coins.insert(coin.to_owned(), Balance::default());
        }
        coins
            .get_mut(coin)
            .unwrap_or_else(|| unreachable!("inserted above"))
    }
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
    outbox: super::outbox::Outbox,
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
            outbox: super::outbox::Outbox::default(),
        }
    }

    /// The events after sequence number `seq` (0 for all kept), oldest first.
    pub fn events_after(&self, seq: u64) -> impl Iterator<Item = &(u64, super::outbox::Event)> {
        self.outbox.after(seq)
    }

    /// The sequence number of the latest event (0 before any).
    pub fn last_event(&self) -> u64 {
        self.outbox.last()
    }

    /// Records an order's state now.
    fn order_event(&mut self, id: OrderId) {
        if let Some(o) = self.order_at(id) {
            let event = super::outbox::Event::Order {
                id,
                account: o.request.account.clone(),
                instrument: o.request.instrument.clone(),
                status: o.status,
                snapshot: Box::new(o.clone()),
            };
            self.outbox.push(event);
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

    /// Opens an account with no balance (nothing happens if it exists), keeping every market's
    /// balances in one wallet, as a unified account does.
    pub fn open_account(&mut self, name: &str) {
        self.accounts.entry(name.to_owned()).or_default();
    }

    /// Opens an account with no balance whose spot and each futures product type hold separate
    /// wallets, as a Bitget Classic account does: a futures order is margined from its product
    /// type's wallet only, and value moves between wallets only by [`Self::transfer`]. Nothing
    /// happens if the account exists.
    pub fn open_classic_account(&mut self, name: &str) {
        self.accounts
            .entry(name.to_owned())
            .or_insert_with(|| Account {
                split: true,
                ..Account::default()
            });
    }

    /// Whether the account exists.
    pub fn has_account(&self, name: &str) -> bool {
        self.accounts.contains_key(name)
    }

    /// Whether the account keeps a wallet per market ([`Self::open_classic_account`]).
    pub fn is_classic(&self, name: &str) -> bool {
        self.accounts.get(name).is_some_and(|a| a.split)
    }

    /// Adds `amount` of `coin` to the account's available spot balance (the one balance of an
    /// account that does not split them).
    pub fn deposit(&mut self, account: &str, coin: &str, amount: Decimal) {
        self.deposit_to(account, &Market::Spot, coin, amount);
    }

    /// Adds `amount` of `coin` to the available balance of the account's wallet for `wallet`
    /// (the only way value enters).
    pub fn deposit_to(&mut self, account: &str, wallet: &Market, coin: &str, amount: Decimal) {
        self.accounts
            .entry(account.to_owned())
            .or_default()
            .entry(wallet, &coin.to_uppercase())
            .available += amount;
    }

    /// Moves `amount` of `coin` from one wallet of the account to another; refused, moving
    /// nothing, when the first's available balance is short. Between two markets an account
    /// keeps in one wallet it moves nothing and succeeds.
    pub fn transfer(
        &mut self,
        account: &str,
        from: &Market,
        to: &Market,
        coin: &str,
        amount: Decimal,
    ) -> Result<(), Reject> {
        let coin = coin.to_uppercase();
        let acc = self
            .accounts
            .get_mut(account)
            .ok_or(Reject::UnknownAccount)?;
        let available = acc
            .balance(from, &coin)
            .map_or(Decimal::ZERO, |b| b.available);
        if amount.is_sign_negative() || available < amount {
            return Err(Reject::InsufficientBalance);
        }
        if acc.wallet_of(from) != acc.wallet_of(to) {
            acc.entry(from, &coin).available -= amount;
            acc.entry(to, &coin).available += amount;
        }
        Ok(())
    }

    /// The account's spot balance of `coin` (its one balance if it does not split them).
    pub fn balance(&self, account: &str, coin: &str) -> Balance {
        self.balance_in(account, &Market::Spot, coin)
    }

    /// The account's balance of `coin` in its wallet for `wallet`.
    pub fn balance_in(&self, account: &str, wallet: &Market, coin: &str) -> Balance {
        self.accounts
            .get(account)
            .and_then(|a| a.balance(wallet, &coin.to_uppercase()))
            .copied()
            .unwrap_or_default()
    }

    /// Every spot balance of the account, by coin (every balance if it does not split them).
    pub fn balances(&self, account: &str) -> Vec<(String, Balance)> {
        self.balances_in(account, &Market::Spot)
    }

    /// Every balance of the account's wallet for `wallet`, by coin.
    pub fn balances_in(&self, account: &str, wallet: &Market) -> Vec<(String, Balance)> {
        self.accounts
            .get(account)
            .and_then(|a| a.wallets.get(a.wallet_of(wallet)))
            .map_or_else(Vec::new, |coins| {
                coins.iter().map(|(c, b)| (c.clone(), *b)).collect()
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
                let held: Decimal = a
                    .wallets
                    .values()
                    .filter_map(|coins| coins.get(&coin))
                    .map(|b| b.available + b.frozen)
                    .sum();
                let margin: Decimal = a
                    .positions
                    .values()
                    .filter(|p| self.margin_coin(&p.instrument) == Some(coin.as_str()))
                    .map(|p| p.margin)
                    .sum();
                held + margin
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
}

impl Exchange {
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
}
