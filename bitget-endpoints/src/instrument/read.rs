//! Each family's instrument description read into [`InstrumentRules`], as the catalogues read
//! the doc pages (each reading said on its constructor).

#[allow(unused_imports)] // with no family feature nothing here is used
use bitget_core::Decimal;

#[allow(unused_imports)]
use super::{InstrumentRules, Line, Status};

/// `10^-places`: the step a count of decimal places allows.
#[allow(dead_code)]
fn places(n: u32) -> Decimal {
    Decimal::new(1, n.min(28))
}

/// A positive figure, `0` and absent read as "no such rule".
#[allow(dead_code)]
fn positive(v: Option<Decimal>) -> Option<Decimal> {
    v.filter(|v| *v > Decimal::ZERO)
}

#[cfg(feature = "mix")]
impl InstrumentRules {
    /// A v2 futures contract (`/api/v2/mix/market/contracts`, doc
    /// contract/market/Get-All-Symbols-Contracts):
    /// - tick `priceEndStep × 10^-pricePlace` ([`Contract::tick_size`](crate::mix::market::Contract::tick_size),
    ///   the legacy definition, marked for a live check in the catalogue);
    /// - step `sizeMultiplier`, never finer than `volumePlace` decimals
    ///   ([`Contract::size_step`](crate::mix::market::Contract::size_step)), minimum `minTradeNum`; maxima `maxOrderQty` (limit) and
    ///   `maxMarketOrderQty` (market), `0` or absent being none;
    /// - minimum value `minTradeUSDT`, on the USDT- and USDC-margined lines only (on
    ///   COIN-FUTURES a size is in contracts and the page gives no conversion);
    /// - band `buyLimitPriceRatio`/`sellLimitPriceRatio` around the reference price;
    /// - status `symbolStatus`: `normal` trades, `limit_open` takes only reducing orders, any
    ///   other word (`maintain`, `off`, `restrictedAPI`, ...) none.
    pub fn from_contract(
        product_type: crate::mix::ProductType,
        c: &crate::mix::market::Contract,
    ) -> Self {
        let usd_margined = !matches!(product_type, crate::mix::ProductType::CoinFutures);
        let status = match c.symbol_status.as_deref() {
            None | Some("normal") | Some("") => Status::Trading,
            Some("limit_open") => Status::CloseOnly("limit_open".into()),
            Some(other) => Status::Halted(other.to_owned()),
        };
        InstrumentRules {
            line: Line::Futures(product_type),
            symbol: c.symbol.clone(),
            quote_coin: c.quote_coin.clone(),
            // A `priceEndStep` of 0 would make every price "off the tick": read as absent.
            tick: positive(Some(c.tick_size())).unwrap_or_else(|| places(c.price_place)),
            step: c.size_step(),
            quote_step: None,
            min_size: positive(Some(c.min_trade_num)),
            max_size: positive(c.max_order_qty),
            max_market_size: positive(c.max_market_order_qty),
            min_notional: positive(c.min_trade_usdt).filter(|_| usd_margined),
            buy_band: positive(c.buy_limit_price_ratio),
            sell_band: positive(c.sell_limit_price_ratio),
            status,
        }
    }
}

#[cfg(feature = "spot")]
impl InstrumentRules {
    /// A v2 spot pair (`/api/v2/spot/public/symbols`, doc spot/market/Get-Symbols):
    /// - tick `10^-pricePrecision`, step `10^-quantityPrecision`, quote step
    ///   `10^-quotePrecision`;
    /// - minimum value `minTradeUSDT`, on USDT-quoted pairs only (on others it would need a
    ///   conversion the page does not give);
    /// - `minTradeAmount`/`maxTradeAmount` are not read: the page calls them obsolete ("use
    ///   minTradeUSDT; the maximum is generally unlimited"), and a rule Bitget no longer applies
    ///   would refuse orders it takes;
    /// - band `buyLimitPriceRatio`/`sellLimitPriceRatio` around the reference price;
    /// - status: `online` trades, `gray` (pre-listing), `halt` and `offline` do not.
    pub fn from_spot_symbol(s: &crate::spot::public::SpotSymbol) -> Self {
        use crate::spot::public::SymbolStatus;
        let status = match &s.status {
            SymbolStatus::Online => Status::Trading,
            other => Status::Halted(other.to_string()),
        };
        InstrumentRules {
            line: Line::Spot,
            symbol: s.symbol.clone(),
            quote_coin: s.quote_coin.clone(),
            tick: places(s.price_precision.unwrap_or(8)),
            step: places(s.quantity_precision.unwrap_or(8)),
            quote_step: s.quote_precision.map(places),
            min_size: None,
            max_size: None,
            max_market_size: None,
            min_notional: positive(s.min_trade_usdt).filter(|_| s.quote_coin == "USDT"),
            buy_band: positive(s.buy_limit_price_ratio),
            sell_band: positive(s.sell_limit_price_ratio),
            status,
        }
    }
}

#[cfg(feature = "uta")]
impl InstrumentRules {
    /// A v3 instrument (`/api/v3/market/instruments`, doc uta/public/Instruments and the
    /// Place-Order page's "Order Check"):
    /// - tick `priceMultiplier` where given (0.5 on some contracts, where `pricePrecision`
    ///   alone would say 0.1), else `10^-pricePrecision`; step `quantityMultiplier` where
    ///   given (Place-Order's `sizeMultiplier` is a naming slip), else
    ///   `10^-quantityPrecision`; quote step `10^-quotePrecision`;
    /// - minimum `minOrderQty`, maximum `maxOrderQty` (`0`: none) and `maxMarketOrderQty`, on
    ///   futures only (the page: spot and margin sizes follow the "Trading Rules" instead, so a
    ///   figure there is not held against a spot order);
    /// - minimum value `minOrderAmount` in the quote coin (the examples: `1` on spot, `5` on
    ///   USDT futures), on every line but COIN-FUTURES;
    /// - band `buyLimitPriceRatio`/`sellLimitPriceRatio` around the reference price;
    /// - status: `online` trades, `limit_open` takes only reducing orders, `listed`,
    ///   `limit_close`, `offline`, `restrictedAPI` none (the safe reading of `limit_close`).
    pub fn from_instrument(
        category: crate::uta::Category,
        i: &crate::uta::market::Instrument,
    ) -> Self {
        let status = match i.status.as_deref() {
            None | Some("online") | Some("") => Status::Trading,
            Some("limit_open") => Status::CloseOnly("limit_open".into()),
            Some(other) => Status::Halted(other.to_owned()),
        };
        let coin_margined = matches!(category, crate::uta::Category::CoinFutures);
        let futures = !matches!(
            category,
            crate::uta::Category::Spot | crate::uta::Category::Margin
        );
        let futures_only = |v: Option<Decimal>| positive(v).filter(|_| futures);
        InstrumentRules {
            line: Line::Unified(category),
            symbol: i.symbol.clone(),
            quote_coin: i.quote_coin.clone().unwrap_or_default(),
            tick: positive(i.price_multiplier)
                .unwrap_or_else(|| places(i.price_precision.unwrap_or(8))),
            step: positive(i.quantity_multiplier)
                .unwrap_or_else(|| places(i.quantity_precision.unwrap_or(8))),
            quote_step: i.quote_precision.map(places),
            min_size: futures_only(i.min_order_qty),
            max_size: futures_only(i.max_order_qty),
            max_market_size: futures_only(i.max_market_order_qty),
            min_notional: positive(i.min_order_amount).filter(|_| !coin_margined),
            buy_band: positive(i.buy_limit_price_ratio),
            sell_band: positive(i.sell_limit_price_ratio),
            status,
        }
    }
}
