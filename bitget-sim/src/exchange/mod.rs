//! The exchange itself, with no HTTP and no JSON in it: instruments, one order book per
//! instrument shared by all accounts, price-time matching of limit and market orders with every
//! time in force, balances with available and frozen amounts that every order and fill moves,
//! futures positions in one-way and hedge mode, and trigger orders that fire when the mark or the
//! last price crosses them.
//!
//! Deterministic: the same calls give the same ids, fills and numbers (the clock is set by the
//! caller). Value is conserved: every coin that leaves an account arrives in another or in the
//! fee account ([`FEE_ACCOUNT`]); futures profits are zero-sum between the two sides of each fill.
//! Not simulated: liquidation, funding payments, inverse (coin-margined) contracts.
//!
//! ```
//! use bitget_sim::exchange::{Exchange, Instrument, InstrumentId, NewOrder, Side};
//! use rust_decimal::Decimal;
//! let mut ex = Exchange::new();
//! ex.add_instrument(Instrument::spot("BTC", "USDT", Decimal::new(1, 1), Decimal::new(1, 4)))?;
//! ex.open_account("maker");
//! ex.open_account("taker");
//! ex.deposit("maker", "BTC", Decimal::ONE);
//! ex.deposit("taker", "USDT", Decimal::new(100_000, 0));
//! let btc = InstrumentId::spot("BTCUSDT");
//! ex.place(NewOrder::limit("maker", btc.clone(), Side::Sell, Decimal::new(60_000, 0), Decimal::ONE))?;
//! ex.place(NewOrder::market("taker", btc, Side::Buy, Decimal::new(30_000, 0)))?;
//! assert_eq!(ex.balance("taker", "BTC").available, Decimal::new(4995, 4)); // 0.5 less the fee
//! # Ok::<(), bitget_sim::exchange::Reject>(())
//! ```

mod book;
mod engine;
pub mod outbox;
mod triggers;
mod types;

pub use engine::{Candle, Exchange, FEE_ACCOUNT, Levels};
pub use triggers::{PriceKind, Trail, Trigger, TriggerKind, TriggerStatus};
pub use types::{
    Balance, ClosedPosition, Effect, Fill, Instrument, InstrumentId, MarginMode, Market, NewOrder,
    Order, OrderId, OrderType, PosSide, Position, PositionMode, Reject, Side, Status, TimeInForce,
    TradingStatus,
};
