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

use crate::ws_v2::v2_public_channel;
pub use crate::ws_v2::{CandleInterval, TakerSide, TickerPush, TradePush};

v2_public_channel! {
    /// The 24-hour ticker of a pair, pushed as it changes (every 200-300 ms).
    Ticker { symbol: String }
    channel = "ticker", push = TickerPush, inst_type = "SPOT"
}

v2_public_channel! {
    /// Public trades: the recent ones first (a snapshot), then each as it happens; a trade is
    /// delivered once, also across a reconnect (its id numbers it).
    Trade { symbol: String }
    channel = "trade", push = TradePush, inst_type = "SPOT",
    sequence = crate::ws_v2::trade_number
}

v2_public_channel! {
    /// The full book: a snapshot, then updates (use [`Streams::book`](crate::stream::Streams::book)
    /// to keep it, checked by `seq` and the checksum).
    Books { symbol: String }
    channel = "books", push = BookData, inst_type = "SPOT"
}

v2_public_channel! {
    /// The best bid and ask, a snapshot each push.
    Books1 { symbol: String }
    channel = "books1", push = BookData, inst_type = "SPOT"
}

v2_public_channel! {
    /// The best 5 levels a side, a snapshot each push.
    Books5 { symbol: String }
    channel = "books5", push = BookData, inst_type = "SPOT"
}

v2_public_channel! {
    /// The best 15 levels a side, a snapshot each push.
    Books15 { symbol: String }
    channel = "books15", push = BookData, inst_type = "SPOT"
}

v2_public_channel! {
    /// Candles of one interval: the recent ones first, then the forming one as it changes.
    Candles { symbol: String, interval: CandleInterval }
    channel = format!("candle{}", interval.as_str()), push = Candle, inst_type = "SPOT"
}
