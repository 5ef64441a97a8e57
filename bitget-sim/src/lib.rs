//! A local Bitget v2 stand-in for tests, examples and users' own bots: it verifies signatures with
//! its own code, enforces per-UID rate limits, keeps spot, futures and trigger orders per account,
//! answers the cancel endpoints as their documents say, and injects faults on demand.
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
//! What it implements: `GET /api/v2/public/time`; `POST /api/v2/spot/trade/{place-order,
//! cancel-order, batch-cancel-order}`; `POST /api/v2/mix/order/{place-order, place-plan-order,
//! batch-cancel-orders, cancel-all-orders, cancel-plan-order}`. Limit orders rest; there is no
//! matching engine.

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

pub use account::Account;
pub use faults::{FaultPoint, Faults};
pub use log::LoggedRequest;
pub use orders::{Market, Order};
pub use server::{RunningSimulator, Simulator, SimulatorBuilder};
