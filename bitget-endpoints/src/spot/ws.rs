//! Spot's public channels on `wss://ws.bitget.com/v2/ws/public` (`instType: SPOT`), declared as
//! data: each names its channel and the type of its pushes (feature `streams`).
//!
//! ```no_run
//! # async fn run() -> Result<(), bitget_endpoints::Error> {
//! use bitget_endpoints::spot::ws::{Books, Ticker};
//! use bitget_endpoints::stream::{BookEvent, Streams};
//! let client = bitget_endpoints::Client::builder().build()?;
//! let streams = Streams::new(&client);
//! let mut ticker = streams.subscribe(Ticker::new("BTCUSDT")).await?;
//! let mut book = streams.book(Books::new("BTCUSDT")).await?;
//! while let Some(event) = book.next().await {
//!     if let BookEvent::Updated = event? {
//!         println!("best bid {:?}", book.book().best_bid());
//!     }
//! }
//! # Ok(()) }
//! ```

use bitget_core::quotes::Candle;
use bitget_core::stream::BookData;

pub use crate::ws_v2::{CandleInterval, TakerSide, TickerPush, TradePush};
use bitget_macros::bitget_channel;

/// The 24-hour ticker of a pair, pushed as it changes (every 200-300 ms).
#[bitget_channel(v2_public, "ticker", push = TickerPush, inst_type = "SPOT")]
pub struct Ticker {
    /// Trading pair, e.g. BTCUSDT.
    pub symbol: String,
}

/// Public trades: the recent ones first (a snapshot), then each as it happens; a trade is
/// delivered once, also across a reconnect (its id numbers it).
#[bitget_channel(v2_public, "trade", push = TradePush, inst_type = "SPOT", sequence = crate::ws_v2::trade_number)]
pub struct Trade {
    /// Trading pair, e.g. BTCUSDT.
    pub symbol: String,
}

/// The full book: a snapshot, then updates (use [`Streams::book`](bitget_core::stream::Streams::book)
/// to keep it, checked by `seq` and the checksum).
#[bitget_channel(v2_public, "books", push = BookData, inst_type = "SPOT")]
pub struct Books {
    /// Trading pair, e.g. BTCUSDT.
    pub symbol: String,
}

/// The best bid and ask, a snapshot each push.
#[bitget_channel(v2_public, "books1", push = BookData, inst_type = "SPOT")]
pub struct Books1 {
    /// Trading pair, e.g. BTCUSDT.
    pub symbol: String,
}

/// The best 5 levels a side, a snapshot each push.
#[bitget_channel(v2_public, "books5", push = BookData, inst_type = "SPOT")]
pub struct Books5 {
    /// Trading pair, e.g. BTCUSDT.
    pub symbol: String,
}

/// The best 15 levels a side, a snapshot each push.
#[bitget_channel(v2_public, "books15", push = BookData, inst_type = "SPOT")]
pub struct Books15 {
    /// Trading pair, e.g. BTCUSDT.
    pub symbol: String,
}

/// Candles of one interval: the recent ones first, then the forming one as it changes.
#[bitget_channel(v2_public, "candle{interval}", push = Candle, inst_type = "SPOT")]
pub struct Candles {
    /// Trading pair, e.g. BTCUSDT.
    pub symbol: String,
    /// Candle interval.
    pub interval: CandleInterval,
}

mod private;
pub use private::*;
mod feed;
pub use feed::SpotOrders;
