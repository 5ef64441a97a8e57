//! `/api/v2/spot/market/...`: public spot market data: tickers, books, candles, trades.
//!
//! Doc pages: `https://www.bitget.com/api-doc/spot/market/...`; the fixtures in
//! `tests/fixtures/v2/spot/market/` name the page each example was read from.

use bitget_core::Decimal;
use bitget_core::quotes::{Candle, PriceLevel};
use bitget_macros::{bitget_endpoint, bitget_response};

use super::{DepthLimit, DepthPrecision, Side};
pub use crate::common::MergeDepthBook;

/// The 24-hour tickers, of one pair or of all.
///
/// Doc: spot/market/Get-Tickers. Rate 20/s per IP. The `change*` fields are fractions (0.01 is
/// 1%).
#[bitget_endpoint(GET, "/api/v2/spot/market/tickers", rate = 20, response = Vec<SpotTicker>, public)]
pub struct Tickers {
    /// One pair; every pair when absent.
    pub symbol: Option<String>,
}

/// A spot ticker.
#[bitget_response]
pub struct SpotTicker {
    /// Trading pair.
    pub symbol: String,
    /// 24-hour high.
    #[bitget(rename = "high24h")]
    pub high_24h: Option<Decimal>,
    /// 24-hour open.
    pub open: Option<Decimal>,
    /// 24-hour low.
    #[bitget(rename = "low24h")]
    pub low_24h: Option<Decimal>,
    /// Last traded price.
    pub last_pr: Option<Decimal>,
    /// 24-hour volume, quote coin.
    pub quote_volume: Option<Decimal>,
    /// 24-hour volume, base coin.
    pub base_volume: Option<Decimal>,
    /// 24-hour volume in USDT.
    pub usdt_volume: Option<Decimal>,
    /// Best bid.
    pub bid_pr: Option<Decimal>,
    /// Best ask.
    pub ask_pr: Option<Decimal>,
    /// Size at the best bid.
    pub bid_sz: Option<Decimal>,
    /// Size at the best ask.
    pub ask_sz: Option<Decimal>,
    /// Open at 00:00 UTC.
    pub open_utc: Option<Decimal>,
    /// Time, Unix ms.
    #[bitget(timestamp)]
    pub ts: Option<i64>,
    /// Change since 00:00 UTC, a fraction.
    #[bitget(rename = "changeUtc24h")]
    pub change_utc_24h: Option<Decimal>,
    /// 24-hour change, a fraction.
    #[bitget(rename = "change24h")]
    pub change_24h: Option<Decimal>,
}

/// The order book, merged to a precision.
///
/// Doc: spot/market/Merge-Orderbook. Rate 20/s per IP. A precision the pair does not have is
/// served at its coarsest. The page's "default 100" for `limit` is not one of its values (its
/// own example sends it, and is refused before sending): the default is left to Bitget.
#[bitget_endpoint(GET, "/api/v2/spot/market/merge-depth", rate = 20, response = MergeDepthBook, public)]
pub struct MergeDepth {
    /// Trading pair.
    #[bitget(required)]
    pub symbol: String,
    /// Price precision of the merge (`scale0`, the finest, when absent).
    pub precision: Option<DepthPrecision>,
    /// Levels per side.
    pub limit: Option<DepthLimit>,
}

bitget_core::wire_enum! {
    /// The price step an order book is aggregated to: `step0` (none, the default) to `step5`.
    pub enum BookStep {
        /// No aggregation.
        Step0 = "step0",
        /// Step 1.
        Step1 = "step1",
        /// Step 2.
        Step2 = "step2",
        /// Step 3.
        Step3 = "step3",
        /// Step 4.
        Step4 = "step4",
        /// Step 5 (the coarsest).
        Step5 = "step5",
    }
}

/// The order book, up to 150 levels a side.
///
/// Doc: spot/market/Get-Orderbook. Rate 20/s per IP.
#[bitget_endpoint(GET, "/api/v2/spot/market/orderbook", rate = 20, response = Book, public)]
pub struct Orderbook {
    /// Trading pair.
    #[bitget(required)]
    pub symbol: String,
    /// Aggregation step (`step0` when absent).
    #[bitget(rename = "type")]
    pub step: Option<BookStep>,
    /// Levels per side, 1 to 150 (150 when absent).
    #[bitget(min = 1, max = 150)]
    pub limit: Option<u32>,
}

/// A spot order book.
#[bitget_response]
pub struct Book {
    /// Asks, lowest first.
    pub asks: Vec<PriceLevel>,
    /// Bids, highest first.
    pub bids: Vec<PriceLevel>,
    /// Time, Unix ms.
    #[bitget(timestamp)]
    pub ts: i64,
}

bitget_core::wire_enum! {
    /// Spot candle interval. The spellings differ from futures: `1min`, `1h`, `1day`; case
    /// matters (`1M` is a month). `3min` is on the newest page only.
    pub enum Granularity {
        /// 1 minute.
        Min1 = "1min",
        /// 3 minutes (newest page only).
        Min3 = "3min",
        /// 5 minutes.
        Min5 = "5min",
        /// 15 minutes.
        Min15 = "15min",
        /// 30 minutes.
        Min30 = "30min",
        /// 1 hour.
        H1 = "1h",
        /// 4 hours.
        H4 = "4h",
        /// 6 hours.
        H6 = "6h",
        /// 12 hours.
        H12 = "12h",
        /// 1 day.
        Day1 = "1day",
        /// 3 days.
        Day3 = "3day",
        /// 1 week.
        Week1 = "1week",
        /// 1 month.
        Month1 = "1M",
        /// 6 hours, UTC.
        H6Utc = "6Hutc",
        /// 12 hours, UTC.
        H12Utc = "12Hutc",
        /// 1 day, UTC.
        D1Utc = "1Dutc",
        /// 3 days, UTC.
        D3Utc = "3Dutc",
        /// 1 week, UTC.
        W1Utc = "1Wutc",
        /// 1 month, UTC.
        Month1Utc = "1Mutc",
    }
}

/// One spot candle. The wire's eight values are `[ts, open, high, low, close, baseVolume,
/// usdtVolume, quoteVolume]`: the seventh is the USDT volume and the eighth the quote coin's
/// (an older page called the seventh the quote volume; on USDT pairs they are equal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(from = "Candle")]
#[non_exhaustive]
pub struct SpotCandle {
    /// Start of the candle, Unix ms.
    pub ts: i64,
    /// Open price.
    pub open: Decimal,
    /// Highest price.
    pub high: Decimal,
    /// Lowest price.
    pub low: Decimal,
    /// Close price.
    pub close: Decimal,
    /// Volume, base coin.
    pub base_volume: Decimal,
    /// Volume in USDT.
    pub usdt_volume: Decimal,
    /// Volume, quote coin (the USDT volume when an older server sends seven values).
    pub quote_volume: Decimal,
}

/// Written back in the wire's order: `[ts, open, high, low, close, baseVolume, usdtVolume,
/// quoteVolume]`, as texts.
impl serde::Serialize for SpotCandle {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [
            self.ts.to_string(),
            self.open.to_string(),
            self.high.to_string(),
            self.low.to_string(),
            self.close.to_string(),
            self.base_volume.to_string(),
            self.usdt_volume.to_string(),
            self.quote_volume.to_string(),
        ]
        .serialize(s)
    }
}

impl From<Candle> for SpotCandle {
    fn from(c: Candle) -> Self {
        SpotCandle {
            ts: c.ts,
            open: c.open,
            high: c.high,
            low: c.low,
            close: c.close,
            base_volume: c.base_volume,
            usdt_volume: c.quote_volume,
            quote_volume: c.extra.unwrap_or(c.quote_volume),
        }
    }
}

impl bitget_core::wire::WireShape for SpotCandle {
    fn wire_paths(prefix: &str, out: &mut Vec<String>) {
        Candle::wire_paths(prefix, out);
    }
}

/// Spot candles, newest first.
///
/// Doc: spot/market/Get-Candle-Data. Rate 20/s per IP. How far back each interval reaches is
/// limited (a month of 1-minute candles, 52 days of 15-minute, 83 days of hourly, ...); older
/// candles come from [`HistoryCandles`].
#[bitget_endpoint(GET, "/api/v2/spot/market/candles", rate = 20, response = Vec<SpotCandle>, public)]
pub struct Candles {
    /// Trading pair.
    #[bitget(required)]
    pub symbol: String,
    /// Interval.
    #[bitget(required)]
    pub granularity: Granularity,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms.
    pub end_time: Option<u64>,
    /// Candles, 1 to 1000 (100 when absent).
    #[bitget(min = 1, max = 1000)]
    pub limit: Option<u32>,
}

/// Older spot candles, ending at `endTime`: page back by setting `endTime` to the oldest `ts`
/// returned.
///
/// Doc: spot/market/Get-History-Candle-Data. Rate 20/s per IP.
#[bitget_endpoint(GET, "/api/v2/spot/market/history-candles", rate = 20, response = Vec<SpotCandle>, public)]
pub struct HistoryCandles {
    /// Trading pair.
    #[bitget(required)]
    pub symbol: String,
    /// Interval.
    #[bitget(required)]
    pub granularity: Granularity,
    /// The candles end here, Unix ms.
    #[bitget(required)]
    pub end_time: u64,
    /// Candles, 1 to 200 (100 when absent).
    #[bitget(min = 1, max = 200)]
    pub limit: Option<u32>,
}

/// The latest public trades of a pair, newest first.
///
/// Doc: spot/market/Get-Recent-Trades. Rate 10/s per IP (the page; one SDK says 20).
#[bitget_endpoint(GET, "/api/v2/spot/market/fills", rate = 10, response = Vec<PublicTrade>, public)]
pub struct Fills {
    /// Trading pair.
    #[bitget(required)]
    pub symbol: String,
    /// Trades, 1 to 500 (100 when absent).
    #[bitget(min = 1, max = 500)]
    pub limit: Option<u32>,
}

/// Older public trades, newest first, paged by `idLessThan` (the smallest `tradeId` of a page).
///
/// Doc: spot/market/Get-Market-Trades. Rate 10/s per IP. `startTime`..`endTime` spans at most 7
/// days; how far back is served the mirrors disagree (30 or 90 days). The newest example sends
/// `side` capitalised (`Buy`): both spellings read.
#[bitget_endpoint(GET, "/api/v2/spot/market/fills-history", rate = 10, response = Vec<PublicTrade>, public, page(cursor = id_less_than, size = limit, max = 1000))]
#[bitget(window(start_time, end_time, max_days = 7))]
pub struct FillsHistory {
    /// Trading pair.
    #[bitget(required)]
    pub symbol: String,
    /// Trades, 1 to 1000 (500 when absent).
    #[bitget(min = 1, max = 1000)]
    pub limit: Option<u32>,
    /// Trades older than this `tradeId`.
    pub id_less_than: Option<String>,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms.
    pub end_time: Option<u64>,
}

/// A public spot trade.
#[bitget_response]
pub struct PublicTrade {
    /// Trading pair.
    pub symbol: Option<String>,
    /// Trade ID (the cursor of the next page; 19 digits: kept as text).
    #[bitget(cursor)]
    pub trade_id: String,
    /// The taker's side.
    pub side: Side,
    /// Price.
    pub price: Decimal,
    /// Size, base coin.
    pub size: Decimal,
    /// Time, Unix ms.
    #[bitget(timestamp)]
    pub ts: i64,
}
