//! Futures' public channels on `wss://ws.bitget.com/v2/ws/public` (`instType` the product type,
//! `USDT-FUTURES`, ...), declared as data (feature `streams`). Pushes as on spot, the ticker
//! with the futures fields (funding, mark and index price, open interest).

use bitget_core::quotes::Candle;
use bitget_core::stream::BookData;

use super::ProductType;
pub use crate::ws_v2::{CandleInterval, TakerSide, TickerPush, TradePush};
use bitget_macros::bitget_channel;

/// The ticker of a contract: prices, funding, open interest.
#[bitget_channel(v2_public, "ticker", push = TickerPush, inst_type = product_type)]
pub struct Ticker {
    /// Product type.
    pub product_type: ProductType,
    /// Trading pair, e.g. BTCUSDT.
    pub symbol: String,
}

/// Public trades.
#[bitget_channel(v2_public, "trade", push = TradePush, inst_type = product_type, sequence = crate::ws_v2::trade_number)]
pub struct Trade {
    /// Product type.
    pub product_type: ProductType,
    /// Trading pair, e.g. BTCUSDT.
    pub symbol: String,
}

/// The full book: a snapshot, then updates checked by `seq`/`pseq` and the checksum.
#[bitget_channel(v2_public, "books", push = BookData, inst_type = product_type)]
pub struct Books {
    /// Product type.
    pub product_type: ProductType,
    /// Trading pair, e.g. BTCUSDT.
    pub symbol: String,
}

/// The best bid and ask, a snapshot each push.
#[bitget_channel(v2_public, "books1", push = BookData, inst_type = product_type)]
pub struct Books1 {
    /// Product type.
    pub product_type: ProductType,
    /// Trading pair, e.g. BTCUSDT.
    pub symbol: String,
}

/// The best 5 levels a side, a snapshot each push.
#[bitget_channel(v2_public, "books5", push = BookData, inst_type = product_type)]
pub struct Books5 {
    /// Product type.
    pub product_type: ProductType,
    /// Trading pair, e.g. BTCUSDT.
    pub symbol: String,
}

/// The best 15 levels a side, a snapshot each push.
#[bitget_channel(v2_public, "books15", push = BookData, inst_type = product_type)]
pub struct Books15 {
    /// Product type.
    pub product_type: ProductType,
    /// Trading pair, e.g. BTCUSDT.
    pub symbol: String,
}

/// Candles of one interval.
#[bitget_channel(v2_public, "candle{interval}", push = Candle, inst_type = product_type)]
pub struct Candles {
    /// Product type.
    pub product_type: ProductType,
    /// Trading pair, e.g. BTCUSDT.
    pub symbol: String,
    /// Candle interval.
    pub interval: CandleInterval,
}

mod private;
pub use private::*;
mod feed;
pub use feed::FuturesOrders;
