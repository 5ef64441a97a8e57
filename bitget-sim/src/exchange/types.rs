//! The exchange's vocabulary, in its own terms: no wire names, no JSON. The HTTP layer translates
//! each API family's conventions (v2's `tradeSide`, v3's `posSide`) into these.

use rust_decimal::Decimal;

/// An order's id, sequential and deterministic.
pub type OrderId = u64;

/// Which market an instrument trades in. Spot and futures use the same symbols (`BTCUSDT`), so a
/// symbol alone does not name an instrument.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Market {
    /// Spot.
    Spot,
    /// Futures of a product type (`USDT-FUTURES`), linear, margined in the quote coin.
    Futures(String),
}

/// An instrument's key: its market and its symbol (upper case).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InstrumentId {
    /// Spot or futures.
    pub market: Market,
    /// Such as `BTCUSDT`.
    pub symbol: String,
}

impl InstrumentId {
    /// A spot pair.
    pub fn spot(symbol: &str) -> Self {
        InstrumentId {
            market: Market::Spot,
            symbol: symbol.to_uppercase(),
        }
    }

    /// A futures contract of `product_type`.
    pub fn futures(product_type: &str, symbol: &str) -> Self {
        InstrumentId {
            market: Market::Futures(product_type.to_uppercase()),
            symbol: symbol.to_uppercase(),
        }
    }
}

/// What an instrument trades and the steps its orders keep to.
#[derive(Debug, Clone, PartialEq)]
pub struct Instrument {
    /// Market and symbol.
    pub id: InstrumentId,
    /// The base coin (`BTC`).
    pub base: String,
    /// The quote coin (`USDT`), which is also the margin coin of a futures contract.
    pub quote: String,
    /// Prices are multiples of this.
    pub tick: Decimal,
    /// Sizes are multiples of this.
    pub step: Decimal,
    /// The smallest size.
    pub min_size: Decimal,
    /// The smallest price × size (quote amount).
    pub min_notional: Decimal,
    /// The maker's fee rate (0.0002 is 0.02%).
    pub maker_fee: Decimal,
    /// The taker's fee rate.
    pub taker_fee: Decimal,
    /// The largest leverage (futures).
    pub max_leverage: u32,
    /// The largest size of one limit order (`None`: no limit).
    pub max_size: Option<Decimal>,
    /// The largest size of one market order (`None`: `max_size`).
    pub max_market_size: Option<Decimal>,
    /// A limit buy's price may be at most this fraction above the reference price (the mark
    /// price on futures, the last trade on spot): Bitget's `buyLimitPriceRatio`.
    pub buy_band: Option<Decimal>,
    /// A limit sell's price may be at most this fraction below the reference price:
    /// `sellLimitPriceRatio`.
    pub sell_band: Option<Decimal>,
    /// Whether it takes orders.
    pub status: TradingStatus,
}

/// Whether an instrument takes orders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TradingStatus {
    /// It trades.
    Trading,
    /// Only orders that reduce a position (`limit_open`).
    CloseOnly,
    /// No orders; the word the instruments endpoints show (`halt`, `maintain`, `offline`).
    Halted(String),
}

impl Instrument {
    /// A spot pair `BASEQUOTE` with Bitget-like steps.
    pub fn spot(base: &str, quote: &str, tick: Decimal, step: Decimal) -> Self {
        Instrument {
            id: InstrumentId::spot(&format!("{base}{quote}")),
            base: base.to_uppercase(),
            quote: quote.to_uppercase(),
            tick,
            step,
            min_size: step,
            min_notional: Decimal::ONE,
            maker_fee: Decimal::new(1, 3),
            taker_fee: Decimal::new(1, 3),
            max_leverage: 1,
            max_size: None,
            max_market_size: None,
            // 5%: the spot symbols page's example.
            buy_band: Some(Decimal::new(5, 2)),
            sell_band: Some(Decimal::new(5, 2)),
            status: TradingStatus::Trading,
        }
    }

    /// A linear futures contract `BASEQUOTE` of `product_type`, margined in the quote coin.
    pub fn futures(
        product_type: &str,
        base: &str,
        quote: &str,
        tick: Decimal,
        step: Decimal,
    ) -> Self {
        Instrument {
            id: InstrumentId::futures(product_type, &format!("{base}{quote}")),
            base: base.to_uppercase(),
            quote: quote.to_uppercase(),
            tick,
            step,
            min_size: step,
            min_notional: Decimal::new(5, 0),
            maker_fee: Decimal::new(2, 4),
            taker_fee: Decimal::new(6, 4),
            max_leverage: 125,
            max_size: None,
            max_market_size: None,
            // 5%: the v3 instruments page's futures example.
            buy_band: Some(Decimal::new(5, 2)),
            sell_band: Some(Decimal::new(5, 2)),
            status: TradingStatus::Trading,
        }
    }

    /// Whether it is a futures contract.
    pub fn is_futures(&self) -> bool {
        matches!(self.id.market, Market::Futures(_))
    }
}

/// The side of an order in the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// Bids.
    Buy,
    /// Asks.
    Sell,
}

impl Side {
    /// The other side.
    pub fn opposite(self) -> Side {
        match self {
            Side::Buy => Side::Sell,
            Side::Sell => Side::Buy,
        }
    }
}

/// Limit or market.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderType {
    /// At `price` or better; the rest rests (by time in force).
    Limit,
    /// Whatever the book offers, walking it.
    Market,
}

/// How long an order may rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeInForce {
    /// Good till cancelled.
    Gtc,
    /// Immediate or cancel: what does not fill at once is cancelled.
    Ioc,
    /// Fill or kill: all at once, or nothing.
    Fok,
    /// Maker only: refused if it would take.
    PostOnly,
}

/// An order's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Resting, nothing filled.
    Live,
    /// Resting, partly filled.
    PartiallyFilled,
    /// Completely filled.
    Filled,
    /// Cancelled (by the owner, by its time in force, or by a trigger); may be partly filled.
    Cancelled,
}

impl Status {
    /// Whether the order can still fill.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Live | Status::PartiallyFilled)
    }
}

/// The side of a futures position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PosSide {
    /// Long.
    Long,
    /// Short.
    Short,
}

/// One position per contract (one-way), or a long and a short (hedge).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PositionMode {
    /// One net position per contract.
    #[default]
    OneWay,
    /// A long and a short position per contract.
    Hedge,
}

/// Margin shared across positions, or set aside per position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MarginMode {
    /// Crossed (shared).
    #[default]
    Crossed,
    /// Isolated (per position).
    Isolated,
}

/// What a futures order does to positions, in the exchange's terms (each API family spells it its
/// own way; the HTTP layer translates).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// One-way mode: the order nets against the position; reduce-only may only shrink it.
    Net {
        /// Refuse anything that would grow or flip the position.
        reduce_only: bool,
    },
    /// Hedge mode: open to, or close from, the position of `side`.
    Hedge {
        /// The position concerned.
        pos: PosSide,
        /// Close (reduce) rather than open.
        close: bool,
    },
}

/// A new order, as an account asks for it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewOrder {
    /// The account placing it.
    pub account: String,
    /// The instrument.
    pub instrument: InstrumentId,
    /// Buy or sell in the book.
    pub side: Side,
    /// Limit or market.
    pub order_type: OrderType,
    /// The limit price (limit orders).
    pub price: Option<Decimal>,
    /// The size in the base coin; for a spot market buy, the quote amount to spend (as Bitget).
    pub size: Decimal,
    /// Time in force (limit orders).
    pub tif: TimeInForce,
    /// The client's id, unique per account among its orders.
    pub client_oid: Option<String>,
    /// For futures: what the order does to positions (`None` for spot).
    pub effect: Option<Effect>,
}

impl NewOrder {
    /// A GTC limit order.
    pub fn limit(
        account: &str,
        instrument: InstrumentId,
        side: Side,
        price: Decimal,
        size: Decimal,
    ) -> Self {
        NewOrder {
            account: account.to_owned(),
            instrument,
            side,
            order_type: OrderType::Limit,
            price: Some(price),
            size,
            tif: TimeInForce::Gtc,
            client_oid: None,
            effect: None,
        }
    }

    /// A market order.
    pub fn market(account: &str, instrument: InstrumentId, side: Side, size: Decimal) -> Self {
        NewOrder {
            order_type: OrderType::Market,
            price: None,
            tif: TimeInForce::Ioc,
            ..NewOrder::limit(account, instrument, side, Decimal::ZERO, size)
        }
    }

    /// With a time in force.
    pub fn tif(mut self, tif: TimeInForce) -> Self {
        self.tif = tif;
        self
    }

    /// With a client id.
    pub fn client_oid(mut self, id: &str) -> Self {
        self.client_oid = Some(id.to_owned());
        self
    }

    /// With a position effect (futures).
    pub fn effect(mut self, effect: Effect) -> Self {
        self.effect = Some(effect);
        self
    }

    /// A spot market buy, whose size is the quote amount to spend (as on Bitget).
    pub fn is_spot_market_buy(&self) -> bool {
        self.effect.is_none() && self.order_type == OrderType::Market && self.side == Side::Buy
    }
}

/// An order the exchange keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct Order {
    /// The exchange's id.
    pub id: OrderId,
    /// The order as asked for.
    pub request: NewOrder,
    /// Filled so far (base coin; for a spot market buy, too, the base bought).
    pub filled: Decimal,
    /// Quote amount filled so far (price × size summed).
    pub filled_quote: Decimal,
    /// Fees paid so far, in the coin they were paid in.
    pub fee: Decimal,
    /// Its state.
    pub status: Status,
    /// When it was placed (the exchange's logical clock, Unix ms).
    pub created_ms: i64,
    /// When it last changed.
    pub updated_ms: i64,
}

impl Order {
    /// The size still to fill (base coin), for a resting limit order.
    pub fn remaining(&self) -> Decimal {
        self.request.size - self.filled
    }

    /// The average fill price, if anything filled.
    pub fn average_price(&self) -> Option<Decimal> {
        (!self.filled.is_zero()).then(|| self.filled_quote / self.filled)
    }
}

/// One match between a taker and a maker, seen from one of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Fill {
    /// Sequential id (the two sides of a match share it).
    pub trade_id: u64,
    /// The order.
    pub order_id: OrderId,
    /// Its account.
    pub account: String,
    /// The instrument.
    pub instrument: InstrumentId,
    /// This side.
    pub side: Side,
    /// The price (the maker's).
    pub price: Decimal,
    /// The size (base coin).
    pub size: Decimal,
    /// The fee paid.
    pub fee: Decimal,
    /// The coin the fee was paid in.
    pub fee_coin: String,
    /// Whether this side was the maker.
    pub maker: bool,
    /// Realised profit (futures, when the fill reduced a position).
    pub realized_pnl: Decimal,
    /// When (Unix ms).
    pub time_ms: i64,
}

/// A coin balance: available to use, and frozen by open orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Balance {
    /// Free to use.
    pub available: Decimal,
    /// Held by open orders.
    pub frozen: Decimal,
}

/// A futures position.
#[derive(Debug, Clone, PartialEq)]
pub struct Position {
    /// The contract.
    pub instrument: InstrumentId,
    /// Long or short.
    pub side: PosSide,
    /// Size (base coin), positive.
    pub size: Decimal,
    /// Price × size summed over what is open: the average entry is `cost / size`.
    pub cost: Decimal,
    /// Margin set aside (margin coin).
    pub margin: Decimal,
    /// Leverage it was opened with.
    pub leverage: u32,
    /// Margin mode.
    pub margin_mode: MarginMode,
    /// Sequential id, for the position history.
    pub id: u64,
    /// Size opened over its life (base coin).
    pub opened_total: Decimal,
    /// Price × size opened over its life (the average entry of the history is `/ opened_total`).
    pub opened_value: Decimal,
    /// Size closed so far.
    pub closed_total: Decimal,
    /// Price × size closed so far.
    pub closed_value: Decimal,
    /// Profit realised so far (before fees).
    pub realized: Decimal,
    /// Trading fees paid by the fills that opened it (margin coin, positive).
    pub open_fee: Decimal,
    /// Trading fees paid by the fills that closed it (margin coin, positive).
    pub close_fee: Decimal,
    /// When it opened (Unix ms).
    pub opened_ms: i64,
}

/// A position once closed, for the position history.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosedPosition {
    /// The position as it stood, its totals complete (`size` is zero).
    pub position: Position,
    /// When it closed (Unix ms).
    pub closed_ms: i64,
}

impl Position {
    /// The profit after the fees paid opening and closing it (no funding is simulated).
    pub fn net_profit(&self) -> Decimal {
        self.realized - self.open_fee - self.close_fee
    }

    /// The average entry price.
    pub fn entry_price(&self) -> Decimal {
        if self.size.is_zero() {
            Decimal::ZERO
        } else {
            self.cost / self.size
        }
    }

    /// Profit if closed at `mark`.
    pub fn unrealized_pnl(&self, mark: Decimal) -> Decimal {
        match self.side {
            PosSide::Long => mark * self.size - self.cost,
            PosSide::Short => self.cost - mark * self.size,
        }
    }
}

/// Why an order was refused. The HTTP layer maps each to Bitget's code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reject {
    /// No such account.
    UnknownAccount,
    /// No such instrument.
    UnknownInstrument,
    /// A limit order without a price, or a price that is not positive.
    PriceRequired,
    /// The price is not a multiple of the tick.
    PriceTick,
    /// The size is not a positive multiple of the step.
    SizeStep,
    /// Below the minimum size.
    BelowMinSize(Decimal),
    /// Worth less than the minimum (price × size, or a market buy's quote amount), in `quote`.
    BelowMinNotional {
        /// The minimum.
        min: Decimal,
        /// Its coin.
        quote: String,
    },
    /// Above the largest size of one order.
    AboveMaxSize(Decimal),
    /// A limit price beyond the band: above `limit` for a buy, below it for a sell.
    OutsideBand {
        /// The highest buy (or lowest sell) price.
        limit: Decimal,
        /// Whether the order buys.
        buy: bool,
    },
    /// The instrument takes no orders.
    NotTrading(String),
    /// The instrument takes only orders that reduce a position.
    CloseOnly,
    /// A price or size beyond what the exchange accepts (10^12).
    TooLarge,
    /// Not enough available balance (or margin).
    InsufficientBalance,
    /// The client id is already used by an order of the account.
    DuplicateClientOid,
    /// A post-only order would have taken liquidity.
    PostOnlyWouldTake,
    /// A fill-or-kill order could not fill completely.
    FokUnfillable,
    /// A market order found no liquidity.
    NoLiquidity,
    /// A futures order without a position effect, or a spot order with one.
    EffectMismatch,
    /// The effect does not fit the account's position mode.
    WrongPositionMode,
    /// A reduce-only or closing order with no position to reduce.
    NoPosition,
    /// A reduce-only or closing order larger than the position (or in the direction that grows it).
    ReduceTooLarge,
    /// Leverage out of the instrument's range.
    Leverage,
    /// A take-profit or stop-loss whose price the market is already past (a long's stop-loss at
    /// or above the price, its take-profit at or below).
    TriggerCrossed,
    /// A trailing stop's callback that is not above 0 and below 100%.
    CallbackRate,
}
