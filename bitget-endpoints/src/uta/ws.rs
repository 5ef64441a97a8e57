//! Unified-account public channels on `wss://ws.bitget.com/v3/ws/public`, declared as data
//! (feature `streams`): args `{instType, topic, symbol}` with `instType` the category in lower
//! case (`spot`, `usdt-futures`, ...), books as `a`/`b`.
//!
//! ```no_run
//! # async fn run() -> Result<(), bitget_endpoints::Error> {
//! use bitget_endpoints::uta::{Category, ws::PublicTrade};
//! use bitget_endpoints::stream::{Event, Streams};
//! let client = bitget_endpoints::Client::builder().build()?;
//! let streams = Streams::new(&client);
//! let mut tape = streams.subscribe(PublicTrade::new(Category::UsdtFutures, "BTCUSDT")).await?;
//! while let Some(Ok(Event::Push(push))) = tape.next().await {
//!     for t in push.data {
//!         println!("{} {} at {}", t.side, t.size, t.price);
//!     }
//! }
//! # Ok(()) }
//! ```

use bitget_core::Decimal;
use bitget_core::stream::BookData;
use bitget_macros::{bitget_channel, bitget_response};
use serde::{Deserialize, Deserializer};

use super::Category;

#[bitget_channel(v3_public, "ticker", push = TickerPush, inst_type = category)]
pub struct Ticker {
    /// The product line.
    pub category: Category,
    /// The symbol, e.g. BTCUSDT.
    pub symbol: String,
}

/// The full book: a snapshot, then updates, checked by `seq`/`pseq` and a non-zero checksum
/// (use [`Streams::book`](bitget_core::stream::Streams::book)).
#[bitget_channel(v3_public, "books", push = BookData, inst_type = category)]
pub struct Books {
    /// The product line.
    pub category: Category,
    /// The symbol, e.g. BTCUSDT.
    pub symbol: String,
}

/// The best bid and ask, a snapshot each push.
#[bitget_channel(v3_public, "books1", push = BookData, inst_type = category)]
pub struct Books1 {
    /// The product line.
    pub category: Category,
    /// The symbol, e.g. BTCUSDT.
    pub symbol: String,
}

/// The best 5 levels a side, a snapshot each push.
#[bitget_channel(v3_public, "books5", push = BookData, inst_type = category)]
pub struct Books5 {
    /// The product line.
    pub category: Category,
    /// The symbol, e.g. BTCUSDT.
    pub symbol: String,
}

/// The best 50 levels a side, a snapshot each push.
#[bitget_channel(v3_public, "books50", push = BookData, inst_type = category)]
pub struct Books50 {
    /// The product line.
    pub category: Category,
    /// The symbol, e.g. BTCUSDT.
    pub symbol: String,
}

/// Public trades: the recent ones first, then each as it happens, each delivered once.
#[bitget_channel(v3_public, "publicTrade", push = TradePush, inst_type = category, sequence = trade_number)]
pub struct PublicTrade {
    /// The product line.
    pub category: Category,
    /// The symbol, e.g. BTCUSDT.
    pub symbol: String,
}

/// A v3 trade's number: its id.
fn trade_number(t: &TradePush) -> Option<u128> {
    t.exec_id.parse().ok()
}

/// A v3 ticker push (spot fields; futures add mark, index and funding where sent).
#[bitget_response]
pub struct TickerPush {
    /// Last traded price.
    pub last_price: Option<Decimal>,
    /// Best bid.
    #[bitget(rename = "bid1Price")]
    pub bid1_price: Option<Decimal>,
    /// Size at the best bid.
    #[bitget(rename = "bid1Size")]
    pub bid1_size: Option<Decimal>,
    /// Best ask.
    #[bitget(rename = "ask1Price")]
    pub ask1_price: Option<Decimal>,
    /// Size at the best ask.
    #[bitget(rename = "ask1Size")]
    pub ask1_size: Option<Decimal>,
    /// 24-hour high.
    #[bitget(rename = "highPrice24h")]
    pub high_price_24h: Option<Decimal>,
    /// 24-hour low.
    #[bitget(rename = "lowPrice24h")]
    pub low_price_24h: Option<Decimal>,
    /// 24-hour open.
    #[bitget(rename = "openPrice24h")]
    pub open_price_24h: Option<Decimal>,
    /// 24-hour volume, base coin.
    #[bitget(rename = "volume24h")]
    pub volume_24h: Option<Decimal>,
    /// 24-hour turnover, quote coin.
    #[bitget(rename = "turnover24h")]
    pub turnover_24h: Option<Decimal>,
    /// 24-hour change, a fraction.
    #[bitget(rename = "price24hPcnt")]
    pub price_24h_pcnt: Option<Decimal>,
    /// Mark price (futures; not in the captured table [guess]).
    pub mark_price: Option<Decimal>,
    /// Index price (futures [guess]).
    pub index_price: Option<Decimal>,
    /// Funding rate (futures [guess]).
    pub funding_rate: Option<Decimal>,
}

bitget_core::wire_enum! {
    /// The taker's side of a public trade.
    pub enum TakerSide {
        /// The taker bought.
        Buy = "buy",
        /// The taker sold.
        Sell = "sell",
    }
}

/// A v3 public trade (`i`, `p`, `v`, `S`, `T` on the wire).
#[bitget_response]
pub struct TradePush {
    /// Fill ID (`i`).
    #[bitget(rename = "i")]
    pub exec_id: String,
    /// Price (`p`).
    #[bitget(rename = "p")]
    pub price: Decimal,
    /// Size (`v`).
    #[bitget(rename = "v")]
    pub size: Decimal,
    /// The taker's side (`S`).
    #[bitget(rename = "S")]
    pub side: TakerSide,
    /// Time, Unix ms (`T`).
    #[bitget(rename = "T", timestamp)]
    pub time: i64,
    /// Execution correlation ID (`L`, where sent).
    #[bitget(rename = "L")]
    pub correlation_id: Option<String>,
    /// Whether a retail price improvement order took part (where sent).
    #[bitget(rename = "isRPI")]
    pub is_rpi: Option<bool>,
}

bitget_core::wire_enum! {
    /// A v3 kline interval.
    pub enum KlineInterval {
        /// 1 minute.
        M1 = "1m",
        /// 3 minutes.
        M3 = "3m",
        /// 5 minutes.
        M5 = "5m",
        /// 15 minutes.
        M15 = "15m",
        /// 30 minutes.
        M30 = "30m",
        /// 1 hour.
        H1 = "1H",
        /// 4 hours.
        H4 = "4H",
        /// 6 hours.
        H6 = "6H",
        /// 12 hours.
        H12 = "12H",
        /// 1 day.
        D1 = "1D",
    }
}

/// Candles of one interval of a symbol: the recent ones first, then the forming one.
#[bitget_channel(v3_public, "kline", push = KlinePush, inst_type = category, args(interval))]
pub struct Kline {
    /// The product line.
    pub category: Category,
    /// The symbol.
    pub symbol: String,
    /// The interval.
    pub interval: KlineInterval,
}

/// A v3 candle. Revisions disagree on the shape: objects `{start, open, high, low, close,
/// volume, turnover}` (read by ccxt and Bitget.Net) or v2-style arrays; both read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct KlinePush {
    /// Start of the candle, Unix ms.
    pub start: i64,
    /// Open.
    pub open: Decimal,
    /// High.
    pub high: Decimal,
    /// Low.
    pub low: Decimal,
    /// Close.
    pub close: Decimal,
    /// Volume, base coin.
    pub volume: Decimal,
    /// Turnover, quote coin.
    pub turnover: Decimal,
}

impl<'de> Deserialize<'de> for KlinePush {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Shape {
            Object {
                #[serde(deserialize_with = "bitget_core::wire::de::number")]
                start: i64,
                #[serde(deserialize_with = "bitget_core::wire::de::number")]
                open: Decimal,
                #[serde(deserialize_with = "bitget_core::wire::de::number")]
                high: Decimal,
                #[serde(deserialize_with = "bitget_core::wire::de::number")]
                low: Decimal,
                #[serde(deserialize_with = "bitget_core::wire::de::number")]
                close: Decimal,
                #[serde(deserialize_with = "bitget_core::wire::de::number")]
                volume: Decimal,
                #[serde(deserialize_with = "bitget_core::wire::de::number")]
                turnover: Decimal,
            },
            Array(bitget_core::quotes::Candle),
        }
        match Shape::deserialize(d)? {
            Shape::Object {
                start,
                open,
                high,
                low,
                close,
                volume,
                turnover,
            } => Ok(KlinePush {
                start,
                open,
                high,
                low,
                close,
                volume,
                turnover,
            }),
            Shape::Array(c) => Ok(KlinePush {
                start: c.ts,
                open: c.open,
                high: c.high,
                low: c.low,
                close: c.close,
                volume: c.base_volume,
                turnover: c.quote_volume,
            }),
        }
    }
}

/// Liquidations of a futures line: each second, the largest long and short liquidation per
/// symbol (no symbol in the arg).
#[bitget_channel(v3_public, "liquidation", push = LiquidationPush, inst_type = category, no_symbol)]
pub struct Liquidation {
    /// A futures line.
    pub category: Category,
}

/// A liquidation.
#[bitget_response]
pub struct LiquidationPush {
    /// Symbol.
    pub symbol: String,
    /// The liquidated position's side.
    pub side: String,
    /// Price.
    pub price: Decimal,
    /// Amount, base coin.
    pub amount: Decimal,
    /// Time, Unix ms.
    #[bitget(timestamp)]
    pub ts: i64,
}

mod private;
pub use private::*;
mod feed;
pub use feed::UnifiedOrders;
mod trade;
pub use trade::Trader;
