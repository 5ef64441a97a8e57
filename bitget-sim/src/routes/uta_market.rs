//! v3 market data (`GET /api/v3/market/...`), from the same exchange as v2, in the shapes of
//! the doc pages (uta/public/Instruments, Tickers, OrderBook, Get-Candle-Data,
//! Get-History-Candle-Data, Fills, Get-Current-Funding-Rate, Get-History-Funding-Rate,
//! Get-Open-Interest, Get-Contracts-Oi, Get-Position-Tier-Data). `category` picks the market:
//! `SPOT` and `MARGIN` the spot book, a futures line its contracts.

use serde_json::{Value, json};

use super::market::{candles_of, contracts, limit_of, number, text, trades};
use super::names::FUTURES;
use crate::envelope::SimError;
use crate::exchange::{InstrumentId, Market as CoreMarket};
use crate::orders::Market;
use crate::params::Params;
use crate::state::Inner;

/// A v3 `category`, upper-cased and checked against `allowed`.
pub(super) fn category(p: &Params, allowed: &[&str]) -> Result<String, SimError> {
    let c = p.required("category")?.to_uppercase();
    if allowed.contains(&c.as_str()) {
        Ok(c)
    } else {
        Err(SimError::invalid(format!(
            "category `{c}` is not one of {}",
            allowed.join(", ")
        )))
    }
}

/// Every category.
pub(super) const ALL: [&str; 5] = [
    "SPOT",
    "MARGIN",
    "USDT-FUTURES",
    "COIN-FUTURES",
    "USDC-FUTURES",
];

/// The market of a category.
pub(super) fn market_of(category: &str) -> Market {
    if FUTURES.contains(&category) {
        Market::Futures {
            product_type: category.to_owned(),
        }
    } else {
        Market::Spot
    }
}

/// The category of an instrument (a spot instrument answers `SPOT`).
pub(super) fn category_of(id: &InstrumentId) -> &str {
    match &id.market {
        CoreMarket::Spot => "SPOT",
        CoreMarket::Futures(pt) => pt,
    }
}

fn instrument(inner: &mut Inner, p: &Params, category: &str) -> Result<InstrumentId, SimError> {
    let symbol = p.required("symbol")?;
    inner.venue.instrument(&market_of(category), &symbol)
}

/// The listed instruments of a category, or the one `symbol` names.
fn listed(inner: &mut Inner, p: &Params, category: &str) -> Result<Vec<InstrumentId>, SimError> {
    if p.text("symbol")?.is_some() {
        return Ok(vec![instrument(inner, p, category)?]);
    }
    Ok(match market_of(category) {
        Market::Futures { product_type } => contracts(inner, &product_type),
        _ => inner
            .venue
            .ex
            .instruments()
            .filter(|i| i.id.market == CoreMarket::Spot)
            .map(|i| i.id.clone())
            .collect(),
    })
}

/// `instruments`.
pub(super) fn instruments(inner: &mut Inner, query: &str, _now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["category", "symbol"])?;
    let category = category(&p, &ALL)?;
    let ids = listed(inner, &p, &category)?;
    let ex = &inner.venue.ex;
    Ok(Value::Array(
        ids.iter()
            .filter_map(|id| ex.instrument(id))
            .map(|i| {
                let (tick, step) = (i.tick.normalize(), i.step.normalize());
                let mut row = json!({
                    "category": category,
                    "symbol": i.id.symbol,
                    "baseCoin": i.base,
                    "quoteCoin": i.quote,
                    "buyLimitPriceRatio": text(i.buy_band),
                    "sellLimitPriceRatio": text(i.sell_band),
                    "minOrderQty": text(Some(i.min_size)),
                    "maxOrderQty": text(Some(i.max_size.unwrap_or_default())),
                    "minOrderAmount": text(Some(i.min_notional)),
                    "pricePrecision": tick.scale().to_string(),
                    "quantityPrecision": step.scale().to_string(),
                    "quotePrecision": "8",
                    "priceMultiplier": text(Some(tick)),
                    "quantityMultiplier": text(Some(step)),
                    "maxSymbolOrderNum": "",
                    "maxProductOrderNum": "400",
                    "maxPositionNum": "200",
                    "status": super::names::status_word(&i.status, "online"),
                    "maintainTime": "",
                    "offTime": "",
                    "launchTime": "",
                    "makerFeeRate": text(Some(i.maker_fee)),
                    "takerFeeRate": text(Some(i.taker_fee)),
                    "maxLeverage": i.max_leverage.to_string(),
                    "symbolType": if category == "SPOT" || category == "MARGIN" { "crypto" } else { "perpetual" },
                });
                // Futures only, as the page lists it.
                if i.is_futures() {
                    row["maxMarketOrderQty"] =
                        Value::String(text(Some(i.max_market_size.unwrap_or_default())));
                }
                row
            })
            .collect(),
    ))
}

/// `tickers`.
pub(super) fn tickers(inner: &mut Inner, query: &str, now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["category", "symbol"])?;
    let category = category(
        &p,
        &["SPOT", "USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES"],
    )?;
    let ids = listed(inner, &p, &category)?;
    let ex = &inner.venue.ex;
    Ok(Value::Array(
        ids.iter()
            .map(|id| {
                let (bids, asks) = ex.depth(id, 1);
                let trades: Vec<_> = ex.trades(id).filter(|f| !f.maker).collect();
                let open = trades.first().map(|f| f.price);
                let last = ex.last_price(id);
                let change = match (open, last) {
                    (Some(o), Some(l)) if !o.is_zero() => Some(((l - o) / o).round_dp(6)),
                    _ => None,
                };
                let mut t = json!({
                    "category": category,
                    "symbol": id.symbol,
                    "ts": now.to_string(),
                    "lastPrice": text(last),
                    "openPrice24h": text(open),
                    "highPrice24h": text(trades.iter().map(|f| f.price).max()),
                    "lowPrice24h": text(trades.iter().map(|f| f.price).min()),
                    "ask1Price": text(asks.first().map(|l| l.0)),
                    "bid1Price": text(bids.first().map(|l| l.0)),
                    "bid1Size": text(bids.first().map(|l| l.1)),
                    "ask1Size": text(asks.first().map(|l| l.1)),
                    "price24hPcnt": text(change),
                    "volume24h": text(Some(trades.iter().map(|f| f.size).sum())),
                    "turnover24h": text(Some(trades.iter().map(|f| f.size * f.price).sum())),
                });
                if category != "SPOT" {
                    let mark = ex.mark_price(id);
                    t["indexPrice"] = json!(text(mark));
                    t["markPrice"] = json!(text(mark));
                    t["fundingRate"] = json!(text(Some(ex.funding_rate(id))));
                    t["openInterest"] = json!(text(Some(ex.open_interest(id))));
                    t["deliveryStartTime"] = json!("");
                    t["deliveryTime"] = json!("");
                    t["deliveryStatus"] = json!("");
                }
                t
            })
            .collect(),
    ))
}

/// `orderbook`: levels as JSON numbers, `limit` 1 to 200 (5 when absent).
pub(super) fn orderbook(inner: &mut Inner, query: &str, now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["category", "symbol", "limit"])?;
    let category = category(
        &p,
        &["SPOT", "USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES"],
    )?;
    let id = instrument(inner, &p, &category)?;
    let limit = limit_of(&p, 5, 200)?;
    let (bids, asks) = inner.venue.ex.depth(&id, limit);
    let levels = |side: Vec<(rust_decimal::Decimal, rust_decimal::Decimal)>| -> Vec<Value> {
        side.into_iter()
            .map(|(price, size)| json!([number(price), number(size)]))
            .collect()
    };
    Ok(json!({ "a": levels(asks), "b": levels(bids), "ts": now.to_string() }))
}

fn candle_query(
    inner: &mut Inner,
    query: &str,
    max_limit: usize,
    windowed: bool,
) -> Result<Value, SimError> {
    let p = Params::query(
        query,
        &[
            "category",
            "symbol",
            "interval",
            "startTime",
            "endTime",
            "type",
            "limit",
        ],
    )?;
    let category = category(
        &p,
        &["SPOT", "USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES"],
    )?;
    if let Some(kind) = p.text("type")? {
        if !["market", "mark", "index", "premium"].contains(&kind.to_lowercase().as_str()) {
            return Err(SimError::invalid(format!(
                "type `{kind}` is not market, mark, index or premium"
            )));
        }
    }
    if windowed {
        let ms = |name: &str| {
            p.text(name)
                .ok()
                .flatten()
                .and_then(|t| t.parse::<i64>().ok())
        };
        if let (Some(s), Some(e)) = (ms("startTime"), ms("endTime")) {
            if e.saturating_sub(s) > 90 * 86_400_000 {
                return Err(SimError::bad(
                    "40017",
                    "startTime and endTime span at most 90 days",
                ));
            }
        }
    }
    let id = instrument(inner, &p, &category)?;
    candles_of(inner, &id, &p, "interval", max_limit)
}

/// `candles` (the simulator keeps no mark, index or premium history: every `type` answers the
/// traded-price candles).
pub(super) fn candles(inner: &mut Inner, query: &str, _now: i64) -> Result<Value, SimError> {
    candle_query(inner, query, 100, false)
}

/// `history-candles`.
pub(super) fn history_candles(
    inner: &mut Inner,
    query: &str,
    _now: i64,
) -> Result<Value, SimError> {
    candle_query(inner, query, 100, true)
}

/// `fills`: the latest public trades, with v3's names.
pub(super) fn fills(inner: &mut Inner, query: &str, _now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["category", "symbol", "limit"])?;
    let category = category(&p, &ALL)?;
    let id = instrument(inner, &p, &category)?;
    let limit = limit_of(&p, 100, 100)?;
    let Value::Array(rows) = trades(inner, &id, None, limit) else {
        return Ok(json!([]));
    };
    Ok(Value::Array(
        rows.into_iter()
            .map(|t| {
                json!({
                    "execId": t["tradeId"],
                    "execLinkId": "",
                    "price": t["price"],
                    "size": t["size"],
                    "side": t["side"],
                    "ts": t["ts"],
                    "isRPI": "no",
                })
            })
            .collect(),
    ))
}

const EIGHT_HOURS: i64 = 8 * 3_600_000;

/// `current-fund-rate`: one contract, or every listed one of a line (all lines without one).
pub(super) fn current_fund_rate(
    inner: &mut Inner,
    query: &str,
    now: i64,
) -> Result<Value, SimError> {
    let p = Params::query(query, &["category", "symbol"])?;
    let lines: Vec<String> = match p.text("category")? {
        Some(_) => vec![category(&p, &FUTURES)?],
        None => FUTURES.iter().map(|s| (*s).to_owned()).collect(),
    };
    let mut ids = Vec::new();
    for line in &lines {
        match p.text("symbol")? {
            Some(symbol) => ids.push(inner.venue.instrument(&market_of(line), &symbol)?),
            None => ids.extend(contracts(inner, line)),
        }
        if p.text("symbol")?.is_some() {
            break;
        }
    }
    let next = now - now.rem_euclid(EIGHT_HOURS) + EIGHT_HOURS;
    let ex = &inner.venue.ex;
    Ok(Value::Array(
        ids.iter()
            .map(|id| {
                json!({
                    "symbol": id.symbol,
                    "fundingRate": text(Some(ex.funding_rate(id))),
                    "fundingRateInterval": "8",
                    "nextUpdate": next.to_string(),
                    "minFundingRate": "-0.003",
                    "maxFundingRate": "0.003",
                    "cashDividend": "0",
                    "cashDividendNextUpdate": "0",
                })
            })
            .collect(),
    ))
}

/// `history-fund-rate`: the rate a test set, as settled at the last 8-hour boundary, on page 1.
pub(super) fn history_fund_rate(
    inner: &mut Inner,
    query: &str,
    now: i64,
) -> Result<Value, SimError> {
    let p = Params::query(query, &["category", "symbol", "cursor", "limit"])?;
    let category = category(&p, &FUTURES)?;
    let id = instrument(inner, &p, &category)?;
    limit_of(&p, 20, 100)?;
    let page = match p.text("cursor")? {
        None => 1,
        Some(c) => c
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=100).contains(n))
            .ok_or_else(|| SimError::invalid("cursor is a page number, 1 to 100"))?,
    };
    if page > 1 {
        return Ok(json!({ "resultList": [] }));
    }
    let last = now - now.rem_euclid(EIGHT_HOURS);
    Ok(json!({ "resultList": [{
        "symbol": id.symbol,
        "fundingRate": text(Some(inner.venue.ex.funding_rate(&id))),
        "fundingRateTimestamp": last.to_string(),
    }] }))
}

/// `open-interest`.
pub(super) fn open_interest(inner: &mut Inner, query: &str, now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["category", "symbol"])?;
    let category = category(&p, &FUTURES)?;
    let ids = listed(inner, &p, &category)?;
    let ex = &inner.venue.ex;
    Ok(json!({
        "list": ids.iter().map(|id| json!({ "symbol": id.symbol, "openInterest": text(Some(ex.open_interest(id))) })).collect::<Vec<_>>(),
        "ts": now.to_string(),
    }))
}

/// `oi-limit`: no limit is simulated; the platform's notional cap is shown as a large number.
pub(super) fn oi_limit(inner: &mut Inner, query: &str, _now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["symbol", "category"])?;
    let category = category(&p, &FUTURES)?;
    let ids = listed(inner, &p, &category)?;
    Ok(Value::Array(
        ids.iter()
            .map(|id| json!({ "symbol": id.symbol, "notionalValue": "1000000000", "totalNotionalValue": "1000000000" }))
            .collect(),
    ))
}

/// `position-tier`: one tier, up to the instrument's highest leverage.
pub(super) fn position_tier(inner: &mut Inner, query: &str, _now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["category", "symbol", "coin"])?;
    let category = category(
        &p,
        &["MARGIN", "USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES"],
    )?;
    let max = match p.text("symbol")? {
        Some(_) => {
            let id = instrument(inner, &p, &category)?;
            inner.venue.ex.instrument(&id).map_or(1, |i| i.max_leverage)
        }
        None => 10,
    };
    Ok(json!([{
        "tier": "1",
        "leverage": max.to_string(),
        "minTierValue": "0",
        "maxTierValue": "1000000000",
        "mmr": "0.004",
    }]))
}
