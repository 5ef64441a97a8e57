//! `/api/v2/spot/market/...`: public spot market data (tickers).

use bitget_core::Decimal;
use bitget_macros::{bitget_endpoint, bitget_response};

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
