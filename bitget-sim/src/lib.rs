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
//! What it serves, written from Bitget's doc pages (not from any client's types): every v2
//! futures endpoint of `/api/v2/mix/{market,order,position,account}/...` (orders, trigger,
//! trailing and TP/SL orders, flash close, reversal, positions and their history, leverage,
//! margin and position mode, market data from the books and fills); every v3 endpoint of
//! `/api/v3/{market,trade,position,account}/...` for accounts made `.unified(true)` (orders and
//! batches, strategy orders, the dead-man switch, assets, transfers); every v2 spot endpoint of
//! `/api/v2/spot/{public,market,trade,account,wallet}/...`; `GET /api/v2/public/time`. A
//! path it does not serve answers 40404 and says so. Signatures are verified with its own code
//! (HMAC, and RSA for [`Account::rsa`]), rates limited per UID, faults injected on demand
//! ([`Faults`]: latency, 5xx, dropped connections, cut bodies, 429s, a clock offset, answers lost
//! after executing), and every request logged ([`Simulator::requests`]).
//!
//! Every account starts funded (1M USDT and USDC, 100 BTC, 1000 ETH, 10,000 SOL; a Classic
//! account in each of its wallets, spot and every futures product type, which it keeps apart as
//! Bitget does, a unified account in its one); BTC, ETH and
//! SOL against USDT are listed on spot and as USDT-FUTURES perpetuals, other symbols on first
//! use. A test sets prices and liquidity and reads balances, positions and fills through
//! [`Simulator::with_exchange`]; the exchange core ([`exchange`]) is usable alone, with no HTTP.
//! Classic and Unified accounts are told apart (40085, 40084).
//!
//! The simulator is usually a dev-dependency, whose docs `cargo doc` does not build: read them
//! with `cargo doc -p bitget-sim --open` in this repository, or in a project of yours after
//! moving it to `[dependencies]` for the time of reading.

mod account;
mod auth;
mod envelope;
pub mod exchange;
mod faults;
mod log;
mod orders;
mod params;
pub mod program;
mod ratelimit;
mod routes;
mod server;
mod state;
mod stream;
mod venue;

pub use account::Account;
pub use faults::{FaultPoint, Faults};
pub use log::LoggedRequest;
pub use orders::{Market, Order};
/// Prices, sizes and balances of the exchange core.
pub use rust_decimal::Decimal;
pub use server::{RunningSimulator, Simulator, SimulatorBuilder};
