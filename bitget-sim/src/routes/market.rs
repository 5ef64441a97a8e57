//! Public market data (`GET /api/v2/mix/market/...`), from the exchange's books, fills and the
//! prices a test sets. Shapes as Bitget's docs give them (catalogue F.2–F.4, F.13): every value a
//! string, except merge-depth's levels, which Bitget sends as JSON numbers.

use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::envelope::SimError;
use crate::exchange::InstrumentId;
use crate::orders::Market;
use crate::params::Params;
use crate::state::Inner;

/// The futures contract a query names (`symbol`, `productType`).
fn contract(inner: &mut Inner, p: &Params) -> Result<InstrumentId, SimError> {
    let symbol = p.required("symbol")?;
    let product_type = p.product_type()?;
    inner
        .venue
        .instrument(&Market::Futures { product_type }, &symbol)
}

fn text(d: Option<Decimal>) -> String {
    d.map(|d| d.normalize().to_string()).unwrap_or_default()
}

/// One ticker entry, from the book's best levels, the last fill and the mark price.
fn ticker(inner: &Inner, id: &InstrumentId, now: i64) -> Value {
    let ex = &inner.venue.ex;
    let (bids, asks) = ex.depth(id, 1);
    let last = ex.last_price(id);
    let mark = ex.mark_price(id);
    let trades: Vec<_> = ex.trades(id).collect();
    let high = trades.iter().map(|f| f.price).max();
    let low = trades.iter().map(|f| f.price).min();
    let open = trades.first().map(|f| f.price);
    let base_volume: Decimal = trades.iter().map(|f| f.size).sum();
    let quote_volume: Decimal = trades.iter().map(|f| f.size * f.price).sum();
    let change = match (open, last) {
        (Some(o), Some(l)) if !o.is_zero() => Some((l - o) / o),
        _ => None,
    };
    json!({
        "symbol": id.symbol,
        "lastPr": text(last),
        "askPr": text(asks.first().map(|l| l.0)),
        "bidPr": text(bids.first().map(|l| l.0)),
        "bidSz": text(bids.first().map(|l| l.1)),
        "askSz": text(asks.first().map(|l| l.1)),
        "high24h": text(high),
        "low24h": text(low),
        "ts": now.to_string(),
        "change24h": text(change.map(|c| c.round_dp(6))),
        "baseVolume": text(Some(base_volume)),
        "quoteVolume": text(Some(quote_volume)),
        "usdtVolume": text(Some(quote_volume)),
        "openUtc": text(open),
        "changeUtc24h": text(change.map(|c| c.round_dp(6))),
        "open24h": text(open),
        "indexPrice": text(mark),
        "markPrice": text(mark),
        "fundingRate": "0",
        "holdingAmount": "0",
        "deliveryStartTime": "",
        "deliveryTime": "",
        "deliveryStatus": "",
    })
}

/// `ticker`: an array of one entry, as Bitget answers.
pub(super) fn ticker_one(inner: &mut Inner, query: &str, now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["symbol", "productType"])?;
    let id = contract(inner, &p)?;
    Ok(json!([ticker(inner, &id, now)]))
}

/// `tickers`: every listed contract of the product type.
pub(super) fn tickers(inner: &mut Inner, query: &str, now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["productType"])?;
    let product_type = p.product_type()?;
    let ids: Vec<InstrumentId> = inner
        .venue
        .ex
        .instruments()
        .filter(|i| i.id.market == crate::exchange::Market::Futures(product_type.clone()))
        .map(|i| i.id.clone())
        .collect();
    Ok(Value::Array(
        ids.iter().map(|id| ticker(inner, id, now)).collect(),
    ))
}

/// `merge-depth`: the book's levels as `[price, size]` JSON numbers (as Bitget sends them for
/// futures), `limit` 1, 5, 15, 50 or `max` (100 here).
pub(super) fn merge_depth(inner: &mut Inner, query: &str, now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["symbol", "productType", "precision", "limit"])?;
    let id = contract(inner, &p)?;
    let levels = match p.text("limit")?.as_deref() {
        None | Some("max") => 100,
        Some("1") => 1,
        Some("5") => 5,
        Some("15") => 15,
        Some("50") => 50,
        Some(other) => {
            return Err(SimError::invalid(format!(
                "limit `{other}` is not 1, 5, 15, 50 or max"
            )));
        }
    };
    let precision = p.text("precision")?.unwrap_or_else(|| "scale0".to_owned());
    let (bids, asks) = inner.venue.ex.depth(&id, levels);
    let numbers = |side: Vec<(Decimal, Decimal)>| -> Vec<Value> {
        side.into_iter()
            .map(|(price, size)| json!([number(price), number(size)]))
            .collect()
    };
    Ok(json!({
        "asks": numbers(asks),
        "bids": numbers(bids),
        "ts": now.to_string(),
        "scale": "0",
        "precision": precision,
        "isMaxPrecision": "NO",
    }))
}

/// A decimal as a JSON number (exact for the prices and sizes of the books).
fn number(d: Decimal) -> Value {
    serde_json::from_str(&d.normalize().to_string()).unwrap_or(Value::Null)
}

/// `symbol-price`: last, index and mark price, an array of one entry.
pub(super) fn symbol_price(inner: &mut Inner, query: &str, now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["symbol", "productType"])?;
    let id = contract(inner, &p)?;
    let ex = &inner.venue.ex;
    let mark = ex.mark_price(&id);
    Ok(json!([{
        "symbol": id.symbol,
        "price": text(ex.last_price(&id)),
        "indexPrice": text(mark),
        "markPrice": text(mark),
        "ts": now.to_string(),
    }]))
}
