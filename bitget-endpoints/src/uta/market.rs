//! `/api/v3/market/...`: market data (public, limited per IP), for every account family.
//!
//! Doc pages: `https://www.bitget.com/api-doc/uta/public/...`; the fixtures in
//! `tests/fixtures/v3/market/` name the page each example was read from.

use bitget_core::Decimal;
use bitget_core::quotes::{Candle, PriceLevel};
use bitget_macros::{bitget_endpoint, bitget_response};

use super::{CandleType, Category, Interval, Side, YesNo};

/// Instruments of a product line, or one: the size and price rules an order must meet.
///
/// Doc: uta/public/Instruments. Rate 20/s per IP.
#[bitget_endpoint(GET, "/api/v3/market/instruments", rate = 20, response = Vec<Instrument>, public)]
pub struct Instruments {
    /// Product line.
    #[bitget(required)]
    pub category: Category,
    /// One symbol; all when absent.
    pub symbol: Option<String>,
}

/// An instrument and its trading rules. The spot, margin and futures lines send different
/// subsets of these fields; every one but the identity is optional.
#[bitget_response]
pub struct Instrument {
    /// Product line.
    pub category: Option<Category>,
    /// Symbol.
    pub symbol: String,
    /// Real-world-asset instrument (`YES`/`NO`).
    pub is_rwa: Option<YesNo>,
    /// The page's `isReality` flag (`YES`/`NO`; its meaning is not explained).
    pub is_reality: Option<YesNo>,
    /// Base coin.
    pub base_coin: Option<String>,
    /// Quote coin.
    pub quote_coin: Option<String>,
    /// Highest buy price as a ratio of the index.
    pub buy_limit_price_ratio: Option<Decimal>,
    /// Lowest sell price as a ratio of the index.
    pub sell_limit_price_ratio: Option<Decimal>,
    /// Fee rate increase ratio.
    pub fee_rate_up_ratio: Option<Decimal>,
    /// Opening cost increase ratio.
    pub open_cost_up_ratio: Option<Decimal>,
    /// Smallest order size.
    pub min_order_qty: Option<Decimal>,
    /// Largest order size (`0`: no limit).
    pub max_order_qty: Option<Decimal>,
    /// Smallest order value.
    pub min_order_amount: Option<Decimal>,
    /// Decimal places of the price.
    pub price_precision: Option<u32>,
    /// Decimal places of the size.
    pub quantity_precision: Option<u32>,
    /// Decimal places of the quote amount.
    pub quote_precision: Option<u32>,
    /// The price tick: prices are multiples of it (`0.5` on some contracts, where
    /// `pricePrecision` alone would say 0.1). Absent on some instruments: then the tick is
    /// 10^-`pricePrecision`.
    pub price_multiplier: Option<Decimal>,
    /// The size step: quantities are multiples of it. Absent on some instruments: then the step
    /// is 10^-`quantityPrecision`.
    pub quantity_multiplier: Option<Decimal>,
    /// `perpetual` or `delivery` (futures).
    pub r#type: Option<String>,
    /// Most open orders on this symbol.
    pub max_symbol_order_num: Option<u64>,
    /// Most open orders on this product line.
    pub max_product_order_num: Option<u64>,
    /// Most positions.
    pub max_position_num: Option<u64>,
    /// Status (`online`, `listed`, `limit_open`, `offline`, ...).
    pub status: Option<String>,
    /// Delisting time, Unix ms.
    pub off_time: Option<i64>,
    /// Time opening stops, Unix ms.
    pub limit_open_time: Option<i64>,
    /// Delivery time, Unix ms.
    pub delivery_time: Option<i64>,
    /// Start of delivery, Unix ms.
    pub delivery_start_time: Option<i64>,
    /// Delivery period.
    pub delivery_period: Option<String>,
    /// Listing time, Unix ms (`null` on margin).
    pub launch_time: Option<i64>,
    /// Funding interval, hours.
    pub fund_interval: Option<u32>,
    /// Lowest leverage.
    pub min_leverage: Option<Decimal>,
    /// Highest leverage.
    pub max_leverage: Option<Decimal>,
    /// Maintenance time.
    pub maintain_time: Option<String>,
    /// Isolated margin: base coin borrowable (`yes`/`no`).
    pub is_isolated_base_borrowable: Option<YesNo>,
    /// Isolated margin: quote coin borrowable.
    pub is_isolated_quoted_borrowable: Option<YesNo>,
    /// Margin warning risk ratio.
    pub warning_risk_ratio: Option<Decimal>,
    /// Margin liquidation risk ratio.
    pub liquidation_risk_ratio: Option<Decimal>,
    /// Highest cross leverage (margin).
    pub max_crossed_leverage: Option<Decimal>,
    /// Highest isolated leverage (margin).
    pub max_isolated_leverage: Option<Decimal>,
    /// Smallest borrow.
    pub user_min_borrow: Option<Decimal>,
    /// Area symbol (`yes`/`no`).
    pub area_symbol: Option<YesNo>,
    /// Maker fee rate.
    pub maker_fee_rate: Option<Decimal>,
    /// Taker fee rate.
    pub taker_fee_rate: Option<Decimal>,
    /// Largest market order.
    pub max_market_order_qty: Option<Decimal>,
    /// `crypto`, `perpetual`, ... (an open set: an older revision sends `perpetual` here).
    pub symbol_type: Option<String>,
}

/// Tickers of a product line, or one symbol's.
///
/// Doc: uta/public/Tickers.
#[bitget_endpoint(GET, "/api/v3/market/tickers", rate = 20, response = Vec<Ticker>, public)]
#[bitget(check = no_margin_tickers)]
pub struct Tickers {
    /// Product line (`MARGIN` is not listed).
    #[bitget(required)]
    pub category: Category,
    /// One symbol; all when absent.
    pub symbol: Option<String>,
}

fn no_margin_tickers(r: &Tickers) -> Result<(), String> {
    if r.category == Category::Margin {
        return Err("tickers take SPOT or a futures line, not MARGIN".into());
    }
    Ok(())
}

/// A ticker.
#[bitget_response]
pub struct Ticker {
    /// Product line.
    pub category: Option<Category>,
    /// Symbol.
    pub symbol: String,
    /// Time, Unix ms (absent in an older revision).
    #[bitget(timestamp)]
    pub ts: Option<i64>,
    /// Last price.
    pub last_price: Option<Decimal>,
    /// 24h open.
    pub open_price24h: Option<Decimal>,
    /// 24h high.
    pub high_price24h: Option<Decimal>,
    /// 24h low.
    pub low_price24h: Option<Decimal>,
    /// Best ask (`""` on a one-sided book).
    pub ask1_price: Option<Decimal>,
    /// Best bid.
    pub bid1_price: Option<Decimal>,
    /// Size at the best bid.
    pub bid1_size: Option<Decimal>,
    /// Size at the best ask.
    pub ask1_size: Option<Decimal>,
    /// 24h change, a ratio.
    pub price24h_pcnt: Option<Decimal>,
    /// 24h volume, base coin.
    pub volume24h: Option<Decimal>,
    /// 24h turnover, quote coin.
    pub turnover24h: Option<Decimal>,
    /// Index price (futures).
    pub index_price: Option<Decimal>,
    /// Mark price (futures).
    pub mark_price: Option<Decimal>,
    /// Funding rate (futures).
    pub funding_rate: Option<Decimal>,
    /// Open interest (futures).
    pub open_interest: Option<Decimal>,
    /// Delivery start (delivery futures).
    pub delivery_start_time: Option<i64>,
    /// Delivery time (delivery futures).
    pub delivery_time: Option<i64>,
    /// Delivery status.
    pub delivery_status: Option<String>,
}

/// The order book.
///
/// Doc: uta/public/Book. The levels are JSON numbers (`[73000.0, 0.007]`); read as
/// exact decimals.
#[bitget_endpoint(GET, "/api/v3/market/orderbook", rate = 20, response = Book, public)]
pub struct Orderbook {
    /// Product line (`MARGIN` not listed).
    #[bitget(required)]
    pub category: Category,
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Levels per side, 1 to 200 (5 when absent).
    #[bitget(min = 1, max = 200)]
    pub limit: Option<u32>,
}

/// An order book (the page's `OrderBook`).
#[bitget_response]
pub struct Book {
    /// Asks, lowest first.
    pub a: Vec<PriceLevel>,
    /// Bids, highest first.
    pub b: Vec<PriceLevel>,
    /// Matching-engine time, Unix ms.
    #[bitget(timestamp)]
    pub ts: i64,
}

/// Candles.
///
/// Doc: uta/public/Get-Candle-Data. The page says "Default: 1000. Maximum: 100" for `limit`;
/// the safer maximum, 100, is declared.
#[bitget_endpoint(GET, "/api/v3/market/candles", rate = 20, response = Vec<Candle>, public)]
pub struct Candles {
    /// Product line.
    #[bitget(required)]
    pub category: Category,
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Interval.
    #[bitget(required)]
    pub interval: Interval,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms.
    pub end_time: Option<u64>,
    /// Price followed (`market` when absent).
    pub r#type: Option<CandleType>,
    /// Candles, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
}

/// Older candles; a query spans at most 90 days.
///
/// Doc: uta/public/Get-History-Candle-Data.
#[bitget_endpoint(GET, "/api/v3/market/history-candles", rate = 20, response = Vec<Candle>, public)]
#[bitget(window(start_time, end_time, max_days = 90))]
pub struct HistoryCandles {
    /// Product line.
    #[bitget(required)]
    pub category: Category,
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Interval.
    #[bitget(required)]
    pub interval: Interval,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms.
    pub end_time: Option<u64>,
    /// Price followed.
    pub r#type: Option<CandleType>,
    /// Candles, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
}

/// Recent public trades.
///
/// Doc: uta/public/Fills.
#[bitget_endpoint(GET, "/api/v3/market/fills", rate = 20, response = Vec<PublicFill>, public)]
pub struct Fills {
    /// Product line (`MARGIN` included).
    #[bitget(required)]
    pub category: Category,
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Trades, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
}

/// A public trade.
#[bitget_response]
pub struct PublicFill {
    /// Trade id.
    pub exec_id: String,
    /// Linked trade id.
    pub exec_link_id: Option<String>,
    /// Price.
    pub price: Decimal,
    /// Size.
    pub size: Decimal,
    /// Taker side.
    pub side: Side,
    /// Time, Unix ms.
    #[bitget(timestamp)]
    pub ts: i64,
    /// Retail-price-improvement trade (`yes`/`no`).
    #[bitget(rename = "isRPI")]
    pub is_rpi: Option<YesNo>,
}

/// Current funding rates (futures).
///
/// Doc: uta/public/Get-Current-Funding-Rate.
#[bitget_endpoint(GET, "/api/v3/market/current-fund-rate", rate = 20, response = Vec<FundRate>, public)]
#[bitget(check = futures_rate)]
pub struct CurrentFundRate {
    /// Futures line.
    pub category: Option<Category>,
    /// Symbol.
    pub symbol: Option<String>,
}

fn futures_rate(r: &CurrentFundRate) -> Result<(), String> {
    r.category
        .as_ref()
        .map_or(Ok(()), super::types::futures_only)
}

/// A current funding rate.
#[bitget_response]
pub struct FundRate {
    /// Symbol.
    pub symbol: String,
    /// Funding rate.
    pub funding_rate: Decimal,
    /// Interval, hours.
    pub funding_rate_interval: Option<u32>,
    /// Next settlement, Unix ms.
    #[bitget(timestamp)]
    pub next_update: Option<i64>,
    /// Lowest rate.
    pub min_funding_rate: Option<Decimal>,
    /// Highest rate.
    pub max_funding_rate: Option<Decimal>,
    /// Cash dividend (newer revision).
    pub cash_dividend: Option<Decimal>,
    /// Next dividend update, Unix ms (`"0"` when none).
    pub cash_dividend_next_update: Option<i64>,
}

/// Past funding rates, by page number (`cursor` is a page, 1 to 100; no stream).
///
/// Doc: uta/public/Get-History-Funding-Rate.
#[bitget_endpoint(GET, "/api/v3/market/history-fund-rate", rate = 20, response = FundRateHistory, public)]
pub struct HistoryFundRate {
    /// Futures line.
    #[bitget(required, check = super::types::futures_only)]
    pub category: Category,
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Page number, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub cursor: Option<u32>,
    /// Rows per page, 1 to 100 (20 when absent).
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
}

/// A page of past funding rates.
#[bitget_response]
pub struct FundRateHistory {
    /// The rates, newest first.
    pub result_list: Vec<FundRateRecord>,
}

/// A past funding rate.
#[bitget_response]
pub struct FundRateRecord {
    /// Symbol.
    pub symbol: String,
    /// Rate.
    pub funding_rate: Decimal,
    /// Settlement time, Unix ms.
    #[bitget(timestamp)]
    pub funding_rate_timestamp: i64,
}

/// Open interest (futures).
///
/// Doc: uta/public/Get-Open-Interest.
#[bitget_endpoint(GET, "/api/v3/market/open-interest", rate = 20, response = OpenInterestData, public)]
pub struct OpenInterest {
    /// Futures line.
    #[bitget(required, check = super::types::futures_only)]
    pub category: Category,
    /// Symbol; all when absent.
    pub symbol: Option<String>,
}

/// Open interest.
#[bitget_response]
pub struct OpenInterestData {
    /// One entry per symbol.
    pub list: Vec<SymbolOpenInterest>,
    /// Time, Unix ms.
    #[bitget(timestamp)]
    pub ts: Option<i64>,
}

/// A symbol's open interest.
#[bitget_response]
pub struct SymbolOpenInterest {
    /// Symbol.
    pub symbol: String,
    /// Open interest (the unit is not stated).
    pub open_interest: Decimal,
}

/// Open-interest limits (futures).
///
/// Doc: uta/public/Get-Contracts-Oi. Rate 10/s per IP.
#[bitget_endpoint(GET, "/api/v3/market/oi-limit", rate = 10, response = Vec<OiLimitEntry>, public)]
pub struct OiLimit {
    /// Symbol; all when absent.
    pub symbol: Option<String>,
    /// Futures line.
    #[bitget(required, check = super::types::futures_only)]
    pub category: Category,
}

/// A symbol's open-interest limit.
#[bitget_response]
pub struct OiLimitEntry {
    /// Symbol.
    pub symbol: String,
    /// The account's notional limit.
    pub notional_value: Option<Decimal>,
    /// The platform's notional limit.
    pub total_notional_value: Option<Decimal>,
}

/// Position tiers: leverage and maintenance margin by position value.
///
/// Doc: uta/public/Get-Position-Tier-Data. `symbol` applies to futures, `coin` to margin.
#[bitget_endpoint(GET, "/api/v3/market/position-tier", rate = 20, response = Vec<TierEntry>, public)]
#[bitget(check = tier_category)]
pub struct PositionTier {
    /// Product line (`MARGIN` or futures).
    #[bitget(required)]
    pub category: Category,
    /// Symbol (futures).
    pub symbol: Option<String>,
    /// Coin (margin).
    pub coin: Option<String>,
}

fn tier_category(r: &PositionTier) -> Result<(), String> {
    if r.category == Category::Spot {
        return Err("position tiers take MARGIN or a futures line, not SPOT".into());
    }
    Ok(())
}

/// A position tier.
#[bitget_response]
pub struct TierEntry {
    /// Tier.
    pub tier: u32,
    /// Highest leverage.
    pub leverage: Decimal,
    /// Lower bound of the position value (futures; absent on margin).
    pub min_tier_value: Option<Decimal>,
    /// Upper bound (futures; absent on margin).
    pub max_tier_value: Option<Decimal>,
    /// Maintenance margin rate.
    pub mmr: Decimal,
}
