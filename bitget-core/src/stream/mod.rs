//! WebSocket streams (feature `streams`): Bitget's pushes as typed values, and the local order
//! book that is right or says it is not.
//!
//! Written from Bitget's WebSocket pages (`https://www.bitget.com/api-doc/common/websocket-intro`
//! and each channel's page): v2 (`wss://ws.bitget.com/v2/ws/{public,private}`,
//! args `{instType, channel, instId}`) and v3 (`/v3/ws/...`, args `{instType, topic, symbol}`).
//!
//! ```no_run
//! # async fn run() -> Result<(), bitget_core::Error> {
//! use bitget_core::stream::{Event, Streams};
//! # struct Ticker;
//! # impl bitget_core::stream::Channel for Ticker {
//! #     type Push = serde_json::Value;
//! #     const VENUE: bitget_core::stream::Venue = bitget_core::stream::Venue::V2Public;
//! #     fn arg(&self) -> bitget_core::stream::Arg { unimplemented!() }
//! # }
//! let client = bitget_core::Client::builder().build()?;
//! let streams = Streams::new(&client);
//! let mut ticker = streams.subscribe(Ticker).await?;
//! while let Some(event) = ticker.next().await {
//!     match event? {
//!         Event::Push(push) => println!("{:?}", push.data),
//!         Event::Lagged(n) => eprintln!("{n} pushes dropped: reading too slowly"),
//!         Event::Reconnecting | Event::Resubscribed => {}
//!     }
//! }
//! # Ok(()) }
//! ```

pub mod book;
mod book_stream;
mod channel;
mod conn;
pub mod frame;
mod request;
mod scan;

pub use book::{Action, BookData, Level, OrderBook, OutOfSync, RawLevel};
pub use book_stream::{BookEvent, BookStream};
pub use channel::{Arg, Channel, Venue};
pub use conn::{ConnState, Event, Push, StreamConfig, Streams, Subscription};
pub use frame::RawPush;
pub use request::Requester;
