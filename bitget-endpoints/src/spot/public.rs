//! `/api/v2/spot/public/...`: the spot pairs and their trading rules, and the coins.

use bitget_core::Decimal;
use bitget_macros::{bitget_endpoint, bitget_response};

bitget_core::wire_enum! {
    /// Whether a pair trades.
    pub enum SymbolStatus {
        /// Not trading.
        Offline = "offline",
        /// Grey launch: trading for some users only.
        Gray = "gray",
        /// Trading.
        Online = "online",
        /// Halted.
        Halt = "halt",
    }
}

/// The spot pairs and what an order on each must satisfy.
///
/// Doc: spot/market/Get-Symbols. Rate 20/s per IP. Prices have at most `pricePrecision`
/// decimals, base sizes `quantityPrecision`, a market buy's quote amount `quotePrecision`; an
/// order is worth at least `minTradeUSDT`.
#[bitget_endpoint(GET, "/api/v2/spot/public/symbols", rate = 20, response = Vec<SpotSymbol>, public)]
pub struct Symbols {
    /// One pair; every pair when absent.
    pub symbol: Option<String>,
}

/// A spot pair and its trading rules.
#[bitget_response]
pub struct SpotSymbol {
    /// Trading pair.
    pub symbol: String,
    /// Base coin.
    pub base_coin: String,
    /// Quote coin.
    pub quote_coin: String,
    /// Smallest order size (base coin; `0` when only the notional applies).
    pub min_trade_amount: Option<Decimal>,
    /// Largest order size.
    pub max_trade_amount: Option<Decimal>,
    /// Taker fee rate.
    pub taker_fee_rate: Option<Decimal>,
    /// Maker fee rate.
    pub maker_fee_rate: Option<Decimal>,
    /// Decimals of a price.
    pub price_precision: Option<u32>,
    /// Decimals of a base size.
    pub quantity_precision: Option<u32>,
    /// Decimals of a quote amount.
    pub quote_precision: Option<u32>,
    /// Whether it trades.
    pub status: SymbolStatus,
    /// Smallest order value, USDT.
    #[bitget(rename = "minTradeUSDT")]
    pub min_trade_usdt: Option<Decimal>,
    /// A buy's price may be at most this fraction above the market.
    pub buy_limit_price_ratio: Option<Decimal>,
    /// A sell's price may be at most this fraction below the market.
    pub sell_limit_price_ratio: Option<Decimal>,
    /// Whether it is an area (regional) pair (`yes`/`no`).
    pub area_symbol: Option<String>,
    /// Most open orders on the pair.
    pub order_quantity: Option<u32>,
    /// Listed since, Unix ms.
    #[bitget(timestamp)]
    pub open_time: Option<i64>,
    /// Delisted at, Unix ms (`""` while listed).
    #[bitget(timestamp)]
    pub off_time: Option<i64>,
}

/// The coins, their chains and what depositing and withdrawing on each takes.
///
/// Doc: spot/market/Get-Coin-List. Rate 3/s per IP. Without `coin` the answer lists every coin
/// and is large. The flags arrive as the text `"true"`/`"false"`; they read as booleans.
#[bitget_endpoint(GET, "/api/v2/spot/public/coins", rate = 3, response = Vec<CoinInfo>, public)]
pub struct Coins {
    /// One coin, e.g. USDT; every coin when absent.
    pub coin: Option<String>,
}

/// A coin.
#[bitget_response]
pub struct CoinInfo {
    /// Coin ID.
    pub coin_id: Option<String>,
    /// Coin, e.g. BTC.
    pub coin: String,
    /// Whether it can be transferred between accounts.
    pub transfer: Option<bool>,
    /// Its chains.
    pub chains: Vec<CoinChain>,
}

bitget_core::wire_enum! {
    /// Whether a chain is congested.
    pub enum Congestion {
        /// Normal.
        Normal = "normal",
        /// Congested.
        Congested = "congested",
    }
}

/// One chain of a coin.
#[bitget_response]
pub struct CoinChain {
    /// Chain name.
    pub chain: String,
    /// Whether deposits need a tag (memo).
    pub need_tag: Option<bool>,
    /// Whether withdrawals are open.
    pub withdrawable: Option<bool>,
    /// Whether deposits are open.
    pub rechargeable: Option<bool>,
    /// Withdrawal fee.
    pub withdraw_fee: Option<Decimal>,
    /// Extra withdrawal fee (a burn, say).
    pub extra_withdraw_fee: Option<Decimal>,
    /// Confirmations a deposit needs.
    pub deposit_confirm: Option<u32>,
    /// Confirmations a withdrawal needs.
    pub withdraw_confirm: Option<u32>,
    /// Smallest deposit.
    pub min_deposit_amount: Option<Decimal>,
    /// Smallest withdrawal.
    pub min_withdraw_amount: Option<Decimal>,
    /// Block explorer URL.
    pub browser_url: Option<String>,
    /// Token contract address.
    pub contract_address: Option<String>,
    /// Withdrawal step (`0`: none).
    pub withdraw_step: Option<Decimal>,
    /// Decimals of a withdrawal amount.
    pub withdraw_min_scale: Option<u32>,
    /// Congestion.
    pub congestion: Option<Congestion>,
}
