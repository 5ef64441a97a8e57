//! `/api/v2/mix/market/...`: futures market data (public, limited per IP).
//!
//! Doc pages: `https://www.bitget.com/api-doc/contract/market/...`; the fixtures in
//! `tests/fixtures/v2/mix/market/` name the page each example was read from.

use bitget_core::Decimal;
use bitget_core::quotes::Candle;
use bitget_macros::{bitget_endpoint, bitget_response};

use super::{DepthLimit, DepthPrecision, Granularity, KLineType, ProductType, Side, YesNo};
pub use crate::common::MergeDepthBook;

/// All contracts of a product type, or one: the size and price rules an order must meet.
///
/// Doc: contract/market/Get-All-Symbols-Contracts.
#[bitget_endpoint(GET, "/api/v2/mix/market/contracts", rate = 20, response = Vec<Contract>, public)]
pub struct Contracts {
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// One contract, e.g. BTCUSDT; all when absent.
    pub symbol: Option<String>,
}

/// A futures contract and its trading rules.
#[bitget_response]
pub struct Contract {
    /// Symbol, e.g. BTCUSDT.
    pub symbol: String,
    /// Base coin.
    pub base_coin: String,
    /// Quote coin.
    pub quote_coin: String,
    /// Highest buy price as a ratio of the index price.
    pub buy_limit_price_ratio: Option<Decimal>,
    /// Lowest sell price as a ratio of the index price.
    pub sell_limit_price_ratio: Option<Decimal>,
    /// Fee rate increase ratio.
    pub fee_rate_up_ratio: Option<Decimal>,
    /// Maker fee rate (the doc labels it "market funding rate", a copy error).
    pub maker_fee_rate: Option<Decimal>,
    /// Taker fee rate.
    pub taker_fee_rate: Option<Decimal>,
    /// Opening cost increase ratio.
    pub open_cost_up_ratio: Option<Decimal>,
    /// Margin coins the contract takes (a real JSON array).
    pub support_margin_coins: Vec<String>,
    /// Minimum order size, in base coin.
    pub min_trade_num: Decimal,
    /// Price step: the last price digit is a multiple of it (see [`Contract::tick_size`]).
    pub price_end_step: Decimal,
    /// Decimal places of the size.
    pub volume_place: u32,
    /// Decimal places of the price.
    pub price_place: u32,
    /// Size multiplier: the size is a multiple of it.
    pub size_multiplier: Decimal,
    /// `perpetual` or `delivery`.
    pub symbol_type: Option<String>,
    /// Minimum order value in USDT.
    #[bitget(rename = "minTradeUSDT")]
    pub min_trade_usdt: Option<Decimal>,
    /// Most open orders on this symbol.
    pub max_symbol_order_num: Option<u64>,
    /// Most open orders on this product type.
    pub max_product_order_num: Option<u64>,
    /// Most positions.
    pub max_position_num: Option<u64>,
    /// Status, e.g. `normal`, `maintain`, `limit_open`, `restrictedAPI`, `off`.
    pub symbol_status: Option<String>,
    /// Delisting time, Unix ms; `-1` when none.
    pub off_time: Option<i64>,
    /// Time opening stops, Unix ms; `-1` when none.
    pub limit_open_time: Option<i64>,
    /// Delivery time (delivery contracts), Unix ms.
    pub delivery_time: Option<i64>,
    /// Start of delivery (delivery contracts), Unix ms.
    pub delivery_start_time: Option<i64>,
    /// Delivery period (delivery contracts).
    pub delivery_period: Option<String>,
    /// Listing time, Unix ms.
    pub launch_time: Option<i64>,
    /// Opening time (deprecated in the table).
    pub open_time: Option<i64>,
    /// Funding interval, hours.
    pub fund_interval: Option<u32>,
    /// Lowest leverage.
    pub min_lever: Option<u32>,
    /// Highest leverage.
    pub max_lever: Option<u32>,
    /// Position limit ratio.
    pub pos_limit: Option<Decimal>,
    /// Maintenance time.
    pub maintain_time: Option<String>,
    /// Largest market order.
    pub max_market_order_qty: Option<Decimal>,
    /// Largest limit order.
    pub max_order_qty: Option<Decimal>,
    /// Whether the contract tracks a real-world asset (`YES`/`NO`).
    pub is_rwa: Option<YesNo>,
}

impl Contract {
    /// The price tick: `priceEndStep × 10^-pricePlace` (Bitget's legacy definition of
    /// `priceEndStep`; a guess the catalogue marks for a live check).
    pub fn tick_size(&self) -> Decimal {
        let mut tick = self.price_end_step;
        // A scale above 28 is impossible for a Decimal; price places are single digits.
        let _ = tick.set_scale(self.price_place.min(28) + tick.scale());
        tick
    }

    /// The size step: `sizeMultiplier`, never finer than `volumePlace` decimals.
    pub fn size_step(&self) -> Decimal {
        let places = Decimal::new(1, self.volume_place.min(28));
        self.size_multiplier.max(places)
    }
}

/// The ticker of one contract (an array of one, as Bitget sends it).
///
/// Doc: contract/market/Get-MarketTicker.
#[bitget_endpoint(GET, "/api/v2/mix/market/ticker", rate = 20, response = Vec<MarketTicker>, public)]
pub struct Ticker {
    /// Symbol, e.g. BTCUSDT.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
}

/// The tickers of every contract of a product type.
///
/// Doc: contract/market/Get-All-Symbol-MarketTicker.
#[bitget_endpoint(GET, "/api/v2/mix/market/tickers", rate = 20, response = Vec<MarketTicker>, public)]
pub struct Tickers {
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
}

/// A contract's ticker.
#[bitget_response]
pub struct MarketTicker {
    /// Symbol.
    pub symbol: String,
    /// Last price.
    #[bitget(rename = "lastPr")]
    pub last_price: Option<Decimal>,
    /// Best ask.
    #[bitget(rename = "askPr")]
    pub ask_price: Option<Decimal>,
    /// Best bid.
    #[bitget(rename = "bidPr")]
    pub bid_price: Option<Decimal>,
    /// Size at the best bid.
    #[bitget(rename = "bidSz")]
    pub bid_size: Option<Decimal>,
    /// Size at the best ask.
    #[bitget(rename = "askSz")]
    pub ask_size: Option<Decimal>,
    /// 24h high.
    pub high24h: Option<Decimal>,
    /// 24h low.
    pub low24h: Option<Decimal>,
    /// Time of the ticker, Unix ms.
    #[bitget(timestamp)]
    pub ts: i64,
    /// 24h change, a ratio.
    pub change24h: Option<Decimal>,
    /// 24h volume, base coin.
    pub base_volume: Option<Decimal>,
    /// 24h volume, quote coin.
    pub quote_volume: Option<Decimal>,
    /// 24h volume, USDT.
    pub usdt_volume: Option<Decimal>,
    /// Open price at UTC 00:00.
    pub open_utc: Option<Decimal>,
    /// Change since UTC 00:00, a ratio.
    pub change_utc24h: Option<Decimal>,
    /// Index price.
    pub index_price: Option<Decimal>,
    /// Funding rate.
    pub funding_rate: Option<Decimal>,
    /// Open interest, base coin.
    pub holding_amount: Option<Decimal>,
    /// 24h open price.
    pub open24h: Option<Decimal>,
    /// Delivery start (delivery contracts).
    pub delivery_start_time: Option<i64>,
    /// Delivery time (delivery contracts).
    pub delivery_time: Option<i64>,
    /// Delivery status (delivery contracts).
    pub delivery_status: Option<String>,
    /// Mark price.
    pub mark_price: Option<Decimal>,
}

/// The order book, merged to a precision.
///
/// Doc: contract/market/Get-Merge-Depth. The levels are JSON numbers here (strings on spot);
/// [`PriceLevel`](bitget_core::quotes::PriceLevel) reads both. The doc's "default 100" for `limit` contradicts its value list;
/// the default is left to Bitget.
#[bitget_endpoint(GET, "/api/v2/mix/market/merge-depth", rate = 20, response = MergeDepthBook, public)]
pub struct MergeDepth {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Price precision of the merge.
    pub precision: Option<DepthPrecision>,
    /// Levels per side.
    pub limit: Option<DepthLimit>,
}

/// Candles (traded, mark or index price).
///
/// Doc: contract/market/Get-Candle-Data. The newer granularity set (`1m`..`1Mutc`, case
/// sensitive) is used; the older page's `1min`/`1h` values are not sent. `limit`: 100 by
/// default, at most 1000 (the newest page).
#[bitget_endpoint(GET, "/api/v2/mix/market/candles", rate = 20, response = Vec<Candle>, public)]
#[bitget(window(start_time, end_time, max_days = 90))]
pub struct Candles {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Interval.
    #[bitget(required)]
    pub granularity: Granularity,
    /// Start, Unix ms (rounded down to the interval).
    pub start_time: Option<u64>,
    /// End, Unix ms (rounded down to the interval).
    pub end_time: Option<u64>,
    /// Price followed (`MARKET` when absent).
    pub k_line_type: Option<KLineType>,
    /// Candles, 1 to 1000 (100 when absent).
    #[bitget(min = 1, max = 1000)]
    pub limit: Option<u32>,
}

/// Older traded-price candles. Doc: contract/market/Get-History-Candle-Data.
#[bitget_endpoint(GET, "/api/v2/mix/market/history-candles", rate = 20, response = Vec<Candle>, public)]
#[bitget(window(start_time, end_time, max_days = 90))]
pub struct HistoryCandles {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Interval.
    #[bitget(required)]
    pub granularity: Granularity,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms.
    pub end_time: Option<u64>,
    /// Candles, 1 to 200 (100 when absent).
    #[bitget(min = 1, max = 200)]
    pub limit: Option<u32>,
}

/// Older index-price candles. Doc: contract/market/Get-History-Index-Candle-Data.
#[bitget_endpoint(GET, "/api/v2/mix/market/history-index-candles", rate = 20, response = Vec<Candle>, public)]
#[bitget(window(start_time, end_time, max_days = 90))]
pub struct HistoryIndexCandles {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Interval.
    #[bitget(required)]
    pub granularity: Granularity,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms.
    pub end_time: Option<u64>,
    /// Candles, 1 to 200 (100 when absent).
    #[bitget(min = 1, max = 200)]
    pub limit: Option<u32>,
}

/// Older mark-price candles. Doc: contract/market/Get-History-Mark-Candle-Data.
#[bitget_endpoint(GET, "/api/v2/mix/market/history-mark-candles", rate = 20, response = Vec<Candle>, public)]
#[bitget(window(start_time, end_time, max_days = 90))]
pub struct HistoryMarkCandles {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Interval.
    #[bitget(required)]
    pub granularity: Granularity,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms.
    pub end_time: Option<u64>,
    /// Candles, 1 to 200 (100 when absent).
    #[bitget(min = 1, max = 200)]
    pub limit: Option<u32>,
}

/// Recent public trades.
///
/// Doc: contract/market/Get-Recent-Fills. `limit` at most 100.
#[bitget_endpoint(GET, "/api/v2/mix/market/fills", rate = 20, response = Vec<MarketFill>, public)]
pub struct Fills {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Trades, 1 to 100.
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
}

/// Older public trades, newest first, paged by `idLessThan` (the smallest `tradeId` of a page).
///
/// Doc: contract/market/Get-Fills-History. `limit` 500 by default, at most 1000; a query spans
/// at most 7 days (the newest page; an older revision said 3 months, the shorter is declared).
#[bitget_endpoint(GET, "/api/v2/mix/market/fills-history", rate = 10, response = Vec<MarketFill>, public, page(cursor = id_less_than, size = limit, max = 1000))]
#[bitget(window(start_time, end_time, max_days = 7))]
pub struct FillsHistory {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Trades, 1 to 1000.
    #[bitget(min = 1, max = 1000)]
    pub limit: Option<u32>,
    /// Trades older than this `tradeId`.
    pub id_less_than: Option<String>,
    /// Start, Unix ms.
    pub start_time: Option<u64>,
    /// End, Unix ms.
    pub end_time: Option<u64>,
}

/// A public trade.
#[bitget_response]
pub struct MarketFill {
    /// Trade id (the cursor of the next page).
    #[bitget(cursor)]
    pub trade_id: String,
    /// Price.
    pub price: Decimal,
    /// Size, base coin.
    pub size: Decimal,
    /// Taker side (`Buy`/`buy` both read).
    pub side: Side,
    /// Time, Unix ms.
    #[bitget(timestamp)]
    pub ts: i64,
    /// Symbol.
    pub symbol: Option<String>,
}

/// Open interest of a contract.
///
/// Doc: contract/market/Get-Open-Interest.
#[bitget_endpoint(GET, "/api/v2/mix/market/open-interest", rate = 20, response = OpenInterestData, public)]
pub struct OpenInterest {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
}

/// Open interest.
#[bitget_response]
pub struct OpenInterestData {
    /// One entry per symbol asked.
    pub open_interest_list: Vec<SymbolSize>,
    /// Time, Unix ms.
    #[bitget(timestamp)]
    pub ts: i64,
}

/// A symbol's open interest, base coin.
#[bitget_response]
pub struct SymbolSize {
    /// Symbol.
    pub symbol: String,
    /// Open interest, base coin.
    pub size: Decimal,
}

/// The next funding time of a contract.
///
/// Doc: contract/market/Get-Symbol-Next-Funding-Time.
#[bitget_endpoint(GET, "/api/v2/mix/market/funding-time", rate = 20, response = Vec<NextFunding>, public)]
pub struct FundingTime {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
}

/// A contract's next funding time.
#[bitget_response]
pub struct NextFunding {
    /// Symbol.
    pub symbol: String,
    /// Next settlement, Unix ms.
    #[bitget(timestamp)]
    pub next_funding_time: i64,
    /// Funding interval, hours.
    pub rate_period: Option<u32>,
}

/// Last, index and mark price of a contract.
///
/// Doc: contract/market/Get-Symbol-Price.
#[bitget_endpoint(GET, "/api/v2/mix/market/symbol-price", rate = 20, response = Vec<Prices>, public)]
pub struct SymbolPrice {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
}

/// Prices of a contract.
#[bitget_response]
pub struct Prices {
    /// Symbol.
    pub symbol: String,
    /// Last price (none before the first trade).
    pub price: Option<Decimal>,
    /// Index price.
    pub index_price: Option<Decimal>,
    /// Mark price.
    pub mark_price: Option<Decimal>,
    /// Time, Unix ms.
    #[bitget(timestamp)]
    pub ts: i64,
}

/// The current funding rate, of one contract or (without `symbol`) of all.
///
/// Doc: contract/market/Get-Current-Funding-Rate. `symbol` is optional in the newer revision
/// (required in the older); what Bitget answers without it is not documented.
#[bitget_endpoint(GET, "/api/v2/mix/market/current-fund-rate", rate = 20, response = Vec<FundRate>, public)]
pub struct CurrentFundRate {
    /// Symbol.
    pub symbol: Option<String>,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
}

/// A contract's current funding rate.
#[bitget_response]
pub struct FundRate {
    /// Symbol.
    pub symbol: String,
    /// Funding rate.
    pub funding_rate: Decimal,
    /// Funding interval, hours.
    pub funding_rate_interval: Option<u32>,
    /// Next update, Unix ms.
    #[bitget(timestamp)]
    pub next_update: Option<i64>,
    /// Lowest rate.
    pub min_funding_rate: Option<Decimal>,
    /// Highest rate.
    pub max_funding_rate: Option<Decimal>,
}

/// Past funding rates, by page number (not a cursor: no stream).
///
/// Doc: contract/market/Get-History-Funding-Rate.
#[bitget_endpoint(GET, "/api/v2/mix/market/history-fund-rate", rate = 20, response = Vec<FundingRecord>, public)]
pub struct HistoryFundRate {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
    /// Page size, 1 to 100 (20 when absent).
    #[bitget(min = 1, max = 100)]
    pub page_size: Option<u32>,
    /// Page number, from 1.
    #[bitget(min = 1)]
    pub page_no: Option<u32>,
}

/// A past funding rate.
#[bitget_response]
pub struct FundingRecord {
    /// Symbol.
    pub symbol: String,
    /// Funding rate.
    pub funding_rate: Decimal,
    /// Settlement time, Unix ms.
    #[bitget(timestamp)]
    pub funding_time: i64,
}

/// Position tiers: the leverage and maintenance margin by position size.
///
/// Doc: contract/market/Get-Query-Position-Lever. Public (ccxt also lists it as private).
#[bitget_endpoint(GET, "/api/v2/mix/market/query-position-lever", rate = 10, response = Vec<PositionTier>, public)]
pub struct QueryPositionLever {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Product type.
    #[bitget(required)]
    pub product_type: ProductType,
}

/// One position tier.
#[bitget_response]
pub struct PositionTier {
    /// Symbol.
    pub symbol: String,
    /// Tier.
    pub level: u32,
    /// Lower bound of the position value.
    pub start_unit: Decimal,
    /// Upper bound of the position value.
    pub end_unit: Decimal,
    /// Highest leverage in this tier.
    pub leverage: Decimal,
    /// Maintenance margin rate.
    pub keep_margin_rate: Decimal,
}
