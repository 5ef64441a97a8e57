//! What a raw request ([`Client::raw`](crate::Client::raw)) needs besides the client: the
//! request type and JSON for its parameters and answers, so that a user of the raw layer needs
//! no serde dependency of their own.
//!
//! ```no_run
//! # async fn run(client: bitget_core::Client) -> Result<(), bitget_core::Error> {
//! use bitget_core::Method;
//! use bitget_core::raw::{Value, json};
//! let ticker: Value = client
//!     .raw(Method::Get, "/api/v2/spot/market/tickers", 20)
//!     .params(json!({"symbol": "BTCUSDT"}))
//!     .public()
//!     .send()
//!     .await?;
//! # let _ = ticker; Ok(()) }
//! ```

pub use crate::client::RawRequest;
pub use serde_json::{Value, json};
