//! Futures' public channels on `wss://ws.bitget.com/v2/ws/public` (`instType` the product type,
//! `USDT-FUTURES`, ...), declared as data (feature `streams`). Pushes as on spot, the ticker
//! with the futures fields (funding, mark and index price, open interest).

use bitget_core::quotes::Candle;
use bitget_core::stream::BookData;

use super::ProductType;
use crate::ws_v2::v2_public_channel;
pub use crate::ws_v2::{CandleInterval, TakerSide, TickerPush, TradePush};

v2_public_channel! {
    /// The ticker of a contract: prices, funding, open interest.
    Ticker { product_type: ProductType, symbol: String }
    channel = "ticker", push = TickerPush, inst_type = product_type.as_str()
}

v2_public_channel! {
    /// Public trades.
    Trade { product_type: ProductType, symbol: String }
    channel = "trade", push = TradePush, inst_type = product_type.as_str(),
    sequence = crate::ws_v2::trade_number
}

v2_public_channel! {
    /// The full book: a snapshot, then updates checked by `seq`/`pseq` and the checksum.
    Books { product_type: ProductType, symbol: String }
    channel = "books", push = BookData, inst_type = product_type.as_str()
}

v2_public_channel! {
    /// The best bid and ask, a snapshot each push.
    Books1 { product_type: ProductType, symbol: String }
    channel = "books1", push = BookData, inst_type = product_type.as_str()
}

v2_public_channel! {
    /// The best 5 levels a side, a snapshot each push.
    Books5 { product_type: ProductType, symbol: String }
    channel = "books5", push = BookData, inst_type = product_type.as_str()
}

v2_public_channel! {
    /// The best 15 levels a side, a snapshot each push.
    Books15 { product_type: ProductType, symbol: String }
    channel = "books15", push = BookData, inst_type = product_type.as_str()
}

v2_public_channel! {
    /// Candles of one interval.
    Candles { product_type: ProductType, symbol: String, interval: CandleInterval }
    channel = format!("candle{}", interval.as_str()), push = Candle, inst_type = product_type.as_str()
}
