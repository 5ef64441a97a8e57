//! `/api/v2/spot/market/tickers` and `/api/v2/spot/public/symbols`, written from their pages:
//! the spot pairs the exchange lists, their tickers from its books and trades, and their rules.

use serde_json::{Value, json};

use super::market::{DayStats, day_stats, text};
use crate::envelope::SimError;
use crate::exchange::{InstrumentId, Market};
use crate::params::Params;
use crate::state::Inner;

/// The listed spot pairs, or the one named (listed on first use, as every symbol is here).
fn pairs(inner: &mut Inner, p: &Params) -> Result<Vec<InstrumentId>, SimError> {
    match p.text("symbol")? {
        Some(symbol) => Ok(vec![
            inner
                .venue
                .instrument(&crate::orders::Market::Spot, &symbol)?,
        ]),
        None => Ok(inner
            .venue
            .ex
            .instruments()
            .filter(|i| i.id.market == Market::Spot)
            .map(|i| i.id.clone())
            .collect()),
    }
}

/// `tickers`: one entry per pair.
pub(super) fn tickers(inner: &mut Inner, query: &str, now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["symbol"])?;
    let ids = pairs(inner, &p)?;
    let rows = ids.iter().map(|id| {
        let DayStats {
            bids,
            asks,
            last,
            high,
            low,
            open,
            base_volume,
            quote_volume,
            change,
        } = day_stats(inner, id);
        json!({
            "symbol": id.symbol,
            "high24h": text(high),
            "open": text(open),
            "low24h": text(low),
            "lastPr": text(last),
            "quoteVolume": text(Some(quote_volume)),
            "baseVolume": text(Some(base_volume)),
            "usdtVolume": text(Some(quote_volume)),
            "bidPr": text(bids.first().map(|l| l.0)),
            "askPr": text(asks.first().map(|l| l.0)),
            "bidSz": text(bids.first().map(|l| l.1)),
            "askSz": text(asks.first().map(|l| l.1)),
            "openUtc": text(open),
            "ts": now.to_string(),
            "changeUtc24h": text(change),
            "change24h": text(change),
        })
    });
    Ok(Value::Array(rows.collect()))
}

/// `symbols`: each pair's rules, from the instrument the exchange keeps (decimals from its tick
/// and step, the minimum order value from its minimum notional).
pub(super) fn symbols(inner: &mut Inner, query: &str, _now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["symbol"])?;
    let ids = pairs(inner, &p)?;
    let ex = &inner.venue.ex;
    let rows = ids.iter().filter_map(|id| ex.instrument(id)).map(|i| {
        json!({
            "symbol": i.id.symbol,
            "baseCoin": i.base,
            "quoteCoin": i.quote,
            "minTradeAmount": text(Some(i.min_size)),
            "maxTradeAmount": "900000000000000000000",
            "takerFeeRate": text(Some(i.taker_fee)),
            "makerFeeRate": text(Some(i.maker_fee)),
            "pricePrecision": i.tick.normalize().scale().to_string(),
            "quantityPrecision": i.step.normalize().scale().to_string(),
            "quotePrecision": "8",
            "status": "online",
            "minTradeUSDT": text(Some(i.min_notional)),
            "buyLimitPriceRatio": "0.05",
            "sellLimitPriceRatio": "0.05",
            "areaSymbol": "no",
            "orderQuantity": "200",
            "openTime": "1532454360000",
            "offTime": "",
        })
    });
    Ok(Value::Array(rows.collect()))
}
