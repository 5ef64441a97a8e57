//! What v2's public channels share: their push types (spot and futures differ only in a few
//! ticker fields).

use bitget_core::Decimal;
use bitget_macros::bitget_response;

/// A v2 ticker push (spot, and futures with their extra fields). `change24h` is a fraction.
#[bitget_response]
pub struct TickerPush {
    /// Trading pair (`instId`).
    pub inst_id: Option<String>,
    /// Last traded price.
    pub last_pr: Option<Decimal>,
    /// Best bid.
    pub bid_pr: Option<Decimal>,
    /// Best ask.
    pub ask_pr: Option<Decimal>,
    /// Size at the best bid.
    pub bid_sz: Option<Decimal>,
    /// Size at the best ask.
    pub ask_sz: Option<Decimal>,
    /// 24-hour open.
    #[bitget(rename = "open24h")]
    pub open_24h: Option<Decimal>,
    /// 24-hour high.
    #[bitget(rename = "high24h")]
    pub high_24h: Option<Decimal>,
    /// 24-hour low.
    #[bitget(rename = "low24h")]
    pub low_24h: Option<Decimal>,
    /// 24-hour change, a fraction (0.01 is 1%).
    #[bitget(rename = "change24h")]
    pub change_24h: Option<Decimal>,
    /// 24-hour volume, base coin.
    pub base_volume: Option<Decimal>,
    /// 24-hour volume, quote coin.
    pub quote_volume: Option<Decimal>,
    /// Open at 00:00 UTC.
    pub open_utc: Option<Decimal>,
    /// Change since 00:00 UTC, a fraction (spot).
    #[bitget(rename = "changeUtc24h")]
    pub change_utc_24h: Option<Decimal>,
    /// Funding rate (futures).
    pub funding_rate: Option<Decimal>,
    /// Next funding time, Unix ms (futures).
    #[bitget(timestamp)]
    pub next_funding_time: Option<i64>,
    /// Mark price (futures).
    pub mark_price: Option<Decimal>,
    /// Index price (futures).
    pub index_price: Option<Decimal>,
    /// Open interest, base coin (futures).
    pub holding_amount: Option<Decimal>,
    /// Delivery price, 0 for perpetuals (futures).
    pub delivery_price: Option<Decimal>,
    /// 1 perpetual, 2 delivery (futures; the one number in the push).
    pub symbol_type: Option<u8>,
    /// Symbol (futures).
    pub symbol: Option<String>,
    /// Time, Unix ms.
    #[bitget(timestamp)]
    pub ts: Option<i64>,
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

/// A trade's number: its id, which rises trade by trade.
#[doc(hidden)]
pub fn trade_number(t: &TradePush) -> Option<u128> {
    t.trade_id.parse().ok()
}

/// A public trade, newest first within a push.
#[bitget_response]
pub struct TradePush {
    /// Time, Unix ms.
    #[bitget(timestamp)]
    pub ts: i64,
    /// Price.
    pub price: Decimal,
    /// Size, base coin.
    pub size: Decimal,
    /// The taker's side.
    pub side: TakerSide,
    /// Trade ID (19 digits: text).
    pub trade_id: String,
}

bitget_core::wire_enum! {
    /// A v2 candle channel's interval (`candle1m` .. `candle1Mutc`; there is no `3m` on v2).
    pub enum CandleInterval {
        /// 1 minute.
        M1 = "1m",
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
        /// 3 days.
        D3 = "3D",
        /// 1 week.
        W1 = "1W",
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
