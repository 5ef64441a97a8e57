//! WebSocket streams (feature `streams`): Bitget's pushes as typed values, and the local order
//! book that is right or says it is not.
//!
//! Written from `../shared/spec/websocket.md`: v2 (`wss://ws.bitget.com/v2/ws/{public,private}`,
//! args `{instType, channel, instId}`) and v3 (`/v3/ws/...`, args `{instType, topic, symbol}`).

pub mod book;

pub use book::{Action, BookData, Level, OrderBook, OutOfSync, RawLevel};
