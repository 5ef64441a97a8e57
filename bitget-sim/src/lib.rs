//! A local Bitget for tests, examples and users' own bots: it verifies signatures with its own
//! code, enforces per-UID rate limits, and runs a small exchange behind the endpoints it serves
//! ([`exchange`]: one order book per instrument shared by all accounts, matching with every time
//! in force, balances, futures positions in one-way and hedge mode, trigger orders), and injects
//! faults on demand.
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! use bitget_sim::{Account, Simulator};
//! let sim = Simulator::builder().account(Account::new("key", "secret", "passphrase")).start().await?;
//! let order = sim.seed_spot_order("key", "BTCUSDT", Some("my-oid")).unwrap();
//! println!("Bitget at {}, order {}", sim.base_url(), order.order_id);
//! # Ok(()) }
//! ```
//!
//! What it serves: `GET /api/v2/public/time`; `POST /api/v2/spot/trade/{place-order,
//! cancel-order, batch-cancel-order}`; `POST /api/v2/mix/order/{place-order, place-plan-order,
//! batch-cancel-orders, cancel-all-orders, cancel-plan-order}`; public `GET
//! /api/v2/mix/market/{ticker, tickers, merge-depth, symbol-price, open-interest,
//! current-fund-rate, candles}` from the books, the fills, the positions and the mark price and
//! funding rate a test sets. Every account starts funded (1M
//! USDT and USDC, 100 BTC, 1000 ETH, 10,000 SOL); instruments are listed on first use. A test
//! sets up and reads the rest through [`Simulator::with_exchange`]: prices, liquidity, balances,
//! positions, fills. Classic and Unified accounts are told apart (40085, 40084).

mod account;
mod auth;
mod envelope;
pub mod exchange;
mod faults;
mod log;
mod orders;
mod params;
mod ratelimit;
mod routes;
mod server;
mod state;
mod venue;

pub use account::Account;
pub use faults::{FaultPoint, Faults};
pub use log::LoggedRequest;
pub use orders::{Market, Order};
/// Prices, sizes and balances of the exchange core.
pub use rust_decimal::Decimal;
pub use server::{RunningSimulator, Simulator, SimulatorBuilder};
