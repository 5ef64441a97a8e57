//! Public market data (`GET /api/v2/mix/market/...`), from the exchange's books, fills and the
//! prices and funding rates a test sets. Shapes as Bitget's docs give them (catalogue F.2–F.5,
//! F.11, F.13, F.14): every value a string, except merge-depth's levels, which Bitget sends as
//! JSON numbers.

use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::envelope::SimError;
use crate::exchange::InstrumentId;
use crate::orders::Market;
use crate::params::Params;
use crate::state::Inner;

/// The futures contract a query names (`symbol`, `productType`).
pub(super) fn contract(inner: &mut Inner, p: &Params) -> Result<InstrumentId, SimError> {
    let symbol = p.required("symbol")?;
    let product_type = p.product_type()?;
    inner
        .venue
        .instrument(&Market::Futures { product_type }, &symbol)
}

/// Every listed contract of a product type.
pub(super) fn contracts(inner: &Inner, product_type: &str) -> Vec<InstrumentId> {
    let market = crate::exchange::Market::Futures(product_type.to_owned());
    inner
        .venue
        .ex
        .instruments()
        .filter(|i| i.id.market == market)
        .map(|i| i.id.clone())
        .collect()
}

pub(super) fn text(d: Option<Decimal>) -> String {
    d.map(|d| d.normalize().to_string()).unwrap_or_default()
}

/// What a ticker says of an instrument's trading: the best levels, the last price, and the
/// day's high, low, open, volumes and change, from the trades the exchange kept.
pub(super) struct DayStats {
    pub(super) bids: Vec<(Decimal, Decimal)>,
    pub(super) asks: Vec<(Decimal, Decimal)>,
    pub(super) last: Option<Decimal>,
    pub(super) high: Option<Decimal>,
    pub(super) low: Option<Decimal>,
    pub(super) open: Option<Decimal>,
    pub(super) base_volume: Decimal,
    pub(super) quote_volume: Decimal,
    pub(super) change: Option<Decimal>,
}

pub(super) fn day_stats(inner: &Inner, id: &InstrumentId) -> DayStats {
    let ex = &inner.venue.ex;
    let (bids, asks) = ex.depth(id, 1);
    let last = ex.last_price(id);
    let trades: Vec<_> = ex.trades(id).collect();
    let open = trades.first().map(|f| f.price);
    DayStats {
        bids,
        asks,
        last,
        high: trades.iter().map(|f| f.price).max(),
        low: trades.iter().map(|f| f.price).min(),
        open,
        base_volume: trades.iter().map(|f| f.size).sum(),
        quote_volume: trades.iter().map(|f| f.size * f.price).sum(),
        change: match (open, last) {
            (Some(o), Some(l)) if !o.is_zero() => Some(((l - o) / o).round_dp(6)),
            _ => None,
        },
    }
}

/// One ticker entry, from the book's best levels, the last fill and the mark price.
fn ticker(inner: &Inner, id: &InstrumentId, now: i64) -> Value {
    let ex = &inner.venue.ex;
    let mark = ex.mark_price(id);
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
        "lastPr": text(last),
        "askPr": text(asks.first().map(|l| l.0)),
        "bidPr": text(bids.first().map(|l| l.0)),
        "bidSz": text(bids.first().map(|l| l.1)),
        "askSz": text(asks.first().map(|l| l.1)),
        "high24h": text(high),
        "low24h": text(low),
        "ts": now.to_string(),
        "change24h": text(change),
        "baseVolume": text(Some(base_volume)),
        "quoteVolume": text(Some(quote_volume)),
        "usdtVolume": text(Some(quote_volume)),
        "openUtc": text(open),
        "changeUtc24h": text(change),
        "open24h": text(open),
        "indexPrice": text(mark),
        "markPrice": text(mark),
        "fundingRate": text(Some(ex.funding_rate(id))),
        "holdingAmount": text(Some(ex.open_interest(id))),
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
    let ids = contracts(inner, &product_type);
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
pub(super) fn number(d: Decimal) -> Value {
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

/// `open-interest`: `{openInterestList: [{symbol, size}], ts}`, the size of the open longs.
pub(super) fn open_interest(inner: &mut Inner, query: &str, now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["symbol", "productType"])?;
    let id = contract(inner, &p)?;
    let size = inner.venue.ex.open_interest(&id);
    Ok(json!({
        "openInterestList": [{ "symbol": id.symbol, "size": text(Some(size)) }],
        "ts": now.to_string(),
    }))
}

/// `current-fund-rate`: an array of `{symbol, fundingRate, fundingRateInterval, nextUpdate,
/// minFundingRate, maxFundingRate}`, one contract or (without `symbol`) every listed one.
pub(super) fn current_fund_rate(
    inner: &mut Inner,
    query: &str,
    now: i64,
) -> Result<Value, SimError> {
    let p = Params::query(query, &["symbol", "productType"])?;
    let product_type = p.product_type()?;
    let ids: Vec<InstrumentId> = match p.text("symbol")? {
        Some(_) => vec![contract(inner, &p)?],
        None => contracts(inner, &product_type),
    };
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
                })
            })
            .collect(),
    ))
}

/// The candle periods of the newer doc revision (case matters: `1m` a minute, `1M` a month);
/// the streams' candle channels and `kline` intervals read the same values.
pub(crate) fn period_ms(granularity: &str) -> Option<i64> {
    const MIN: i64 = 60_000;
    const HOUR: i64 = 60 * MIN;
    const DAY: i64 = 24 * HOUR;
    Some(match granularity.trim_end_matches("utc") {
        "1m" => MIN,
        "3m" => 3 * MIN,
        "5m" => 5 * MIN,
        "15m" => 15 * MIN,
        "30m" => 30 * MIN,
        "1H" => HOUR,
        "2H" => 2 * HOUR,
        "4H" => 4 * HOUR,
        "6H" => 6 * HOUR,
        "12H" => 12 * HOUR,
        "1D" => DAY,
        "3D" => 3 * DAY,
        "1W" => 7 * DAY,
        "1M" => 30 * DAY,
        _ => return None,
    })
}

/// `candles`: see [`candles_of`]; `limit` up to 1000 (default 100).
pub(super) fn candles(inner: &mut Inner, query: &str, _now: i64) -> Result<Value, SimError> {
    let p = Params::query(
        query,
        &[
            "symbol",
            "productType",
            "granularity",
            "startTime",
            "endTime",
            "kLineType",
            "limit",
        ],
    )?;
    if let Some(kind) = p.text("kLineType")? {
        if !["MARKET", "MARK", "INDEX"].contains(&kind.as_str()) {
            return Err(SimError::invalid(format!(
                "kLineType `{kind}` is not MARKET, MARK or INDEX"
            )));
        }
    }
    candle_rows(inner, &p, 1000)
}

/// `history-candles`, `history-index-candles`, `history-mark-candles`: `limit` up to 200. The
/// simulator keeps no history of the index or mark price, so all three are the traded-price
/// candles of the fills (the shape is Bitget's; the index and mark values are not).
pub(super) fn history_candles(
    inner: &mut Inner,
    query: &str,
    _now: i64,
) -> Result<Value, SimError> {
    let p = Params::query(
        query,
        &[
            "symbol",
            "productType",
            "granularity",
            "startTime",
            "endTime",
            "limit",
        ],
    )?;
    candle_rows(inner, &p, 200)
}

/// The candles a query asks for, `limit` 1 to `max_limit` (100 when absent).
fn candle_rows(inner: &mut Inner, p: &Params, max_limit: usize) -> Result<Value, SimError> {
    let id = contract(inner, p)?;
    candles_of(inner, &id, p, "granularity", max_limit)
}

/// The candles of `id` a query asks for (`interval_key` names the interval: `granularity` on
/// v2, `interval` on v3): arrays of 7 strings `[ts, open, high, low, close, baseVolume,
/// quoteVolume]` from the fills, oldest first, `limit` 1 to `max_limit` (100 when absent).
pub(super) fn candles_of(
    inner: &Inner,
    id: &InstrumentId,
    p: &Params,
    interval_key: &str,
    max_limit: usize,
) -> Result<Value, SimError> {
    let q = CandleQuery::read(p, interval_key, period_ms, false, max_limit)?;
    Ok(q.rows(inner, id, false))
}

/// A candle query's interval, window and limit.
pub(super) struct CandleQuery {
    period: i64,
    start: i64,
    end: i64,
    limit: usize,
}

impl CandleQuery {
    /// Reads the interval from `interval_key` (its length by `period_of`), `startTime` and
    /// `endTime` (Unix ms; `endTime` required when `end_required`) and `limit` (1 to
    /// `max_limit`, 100 when absent).
    pub(super) fn read(
        p: &Params,
        interval_key: &str,
        period_of: fn(&str) -> Option<i64>,
        end_required: bool,
        max_limit: usize,
    ) -> Result<CandleQuery, SimError> {
        let granularity = p.required(interval_key)?;
        let period = period_of(&granularity).ok_or_else(|| {
            SimError::invalid(format!("{interval_key} `{granularity}` is not valid"))
        })?;
        let end = match millis(p, "endTime")? {
            Some(end) => end,
            None if end_required => return Err(SimError::missing("endTime")),
            None => i64::MAX,
        };
        Ok(CandleQuery {
            period,
            start: millis(p, "startTime")?.unwrap_or(i64::MIN),
            end,
            limit: limit_of(p, 100, max_limit)?,
        })
    }

    /// The candles as v2 writes them: arrays of strings, with the quote volume repeated as the
    /// eighth value where `usdt_column` (spot's USDT volume: every simulated pair is valued in
    /// its quote coin).
    pub(super) fn rows(&self, inner: &Inner, id: &InstrumentId, usdt_column: bool) -> Value {
        let rows = inner
            .venue
            .ex
            .candles(id, self.period, (self.start, self.end), self.limit);
        Value::Array(
            rows.iter()
                .map(|c| {
                    let mut row = vec![
                        json!(c.ts.to_string()),
                        json!(text(Some(c.open))),
                        json!(text(Some(c.high))),
                        json!(text(Some(c.low))),
                        json!(text(Some(c.close))),
                        json!(text(Some(c.base_volume))),
                        json!(text(Some(c.quote_volume))),
                    ];
                    if usdt_column {
                        row.push(json!(text(Some(c.quote_volume))));
                    }
                    Value::Array(row)
                })
                .collect(),
        )
    }
}

/// A Unix-ms parameter, if sent.
pub(super) fn millis(p: &Params, name: &str) -> Result<Option<i64>, SimError> {
    p.text(name)?
        .map(|t| {
            t.parse::<i64>()
                .map_err(|_| SimError::invalid(format!("{name} must be Unix milliseconds")))
        })
        .transpose()
}

/// `contracts`: every listed contract of the product type (or one), with its steps: the tick is
/// `priceEndStep × 10^-pricePlace`, the size step `sizeMultiplier` with `volumePlace` decimals.
pub(super) fn contracts_list(inner: &mut Inner, query: &str, _now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["productType", "symbol"])?;
    let product_type = p.product_type()?;
    let ids = match p.text("symbol")? {
        Some(_) => vec![contract(inner, &p)?],
        None => contracts(inner, &product_type),
    };
    let ex = &inner.venue.ex;
    Ok(Value::Array(
        ids.iter()
            .filter_map(|id| ex.instrument(id))
            .map(|i| {
                let tick = i.tick.normalize();
                let step = i.step.normalize();
                json!({
                    "symbol": i.id.symbol,
                    "baseCoin": i.base,
                    "quoteCoin": i.quote,
                    "buyLimitPriceRatio": text(i.buy_band),
                    "sellLimitPriceRatio": text(i.sell_band),
                    "feeRateUpRatio": "0.005",
                    "makerFeeRate": text(Some(i.maker_fee)),
                    "takerFeeRate": text(Some(i.taker_fee)),
                    "openCostUpRatio": "0.01",
                    "supportMarginCoins": [i.quote],
                    "minTradeNum": text(Some(i.min_size)),
                    "priceEndStep": tick.mantissa().to_string(),
                    "volumePlace": step.scale().to_string(),
                    "pricePlace": tick.scale().to_string(),
                    "sizeMultiplier": text(Some(step)),
                    "symbolType": "perpetual",
                    "minTradeUSDT": text(Some(i.min_notional)),
                    "maxSymbolOrderNum": "200",
                    "maxProductOrderNum": "400",
                    "maxPositionNum": "150",
                    "symbolStatus": super::names::status_word(&i.status, "normal"),
                    "offTime": "-1",
                    "limitOpenTime": "-1",
                    "deliveryTime": "",
                    "deliveryStartTime": "",
                    "deliveryPeriod": "",
                    "launchTime": "",
                    "fundInterval": "8",
                    "minLever": "1",
                    "maxLever": i.max_leverage.to_string(),
                    "posLimit": "0.05",
                    "maintainTime": "",
                    "maxMarketOrderQty": text(i.max_market_size),
                    "maxOrderQty": text(i.max_size),
                    "isRwa": "NO",
                })
            })
            .collect(),
    ))
}

/// Public trades of a contract, newest first: the taker's side of each match.
pub(super) fn trades(inner: &Inner, id: &InstrumentId, before: Option<u64>, limit: usize) -> Value {
    let mut rows: Vec<_> = inner
        .venue
        .ex
        .trades(id)
        .filter(|f| !f.maker && before.is_none_or(|b| f.trade_id < b))
        .collect();
    rows.sort_by_key(|f| std::cmp::Reverse(f.trade_id));
    Value::Array(
        rows.into_iter()
            .take(limit)
            .map(|f| {
                json!({
                    "tradeId": f.trade_id.to_string(),
                    "price": text(Some(f.price)),
                    "size": text(Some(f.size)),
                    "side": super::names::order_side_name(f.side),
                    "ts": f.time_ms.to_string(),
                    "symbol": id.symbol,
                })
            })
            .collect(),
    )
}

pub(super) fn limit_of(p: &Params, default: usize, max: usize) -> Result<usize, SimError> {
    match p.text("limit")? {
        None => Ok(default),
        Some(l) => l
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=max).contains(n))
            .ok_or_else(|| SimError::invalid(format!("limit must be 1 to {max}"))),
    }
}

/// `fills`: the latest public trades, `limit` up to 100.
pub(super) fn recent_fills(inner: &mut Inner, query: &str, _now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["symbol", "productType", "limit"])?;
    let id = contract(inner, &p)?;
    let limit = limit_of(&p, 100, 100)?;
    Ok(trades(inner, &id, None, limit))
}

/// `fills-history`: older public trades, paged by `idLessThan`, `limit` up to 1000.
pub(super) fn fills_history(inner: &mut Inner, query: &str, _now: i64) -> Result<Value, SimError> {
    let p = Params::query(
        query,
        &[
            "symbol",
            "productType",
            "limit",
            "idLessThan",
            "startTime",
            "endTime",
        ],
    )?;
    let id = contract(inner, &p)?;
    let limit = limit_of(&p, 500, 1000)?;
    let before = p
        .text("idLessThan")?
        .map(|t| {
            t.parse::<u64>()
                .map_err(|_| SimError::invalid("idLessThan must be a trade id"))
        })
        .transpose()?;
    Ok(trades(inner, &id, before, limit))
}

const EIGHT_HOURS: i64 = 8 * 3_600_000;

/// `funding-time`: the next 8-hour settlement.
pub(super) fn funding_time(inner: &mut Inner, query: &str, now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["symbol", "productType"])?;
    let id = contract(inner, &p)?;
    let next = now - now.rem_euclid(EIGHT_HOURS) + EIGHT_HOURS;
    Ok(json!([{ "symbol": id.symbol, "nextFundingTime": next.to_string(), "ratePeriod": "8" }]))
}

/// `history-fund-rate`: the simulator keeps only the rate a test sets, shown as settled at the
/// last 8-hour boundary on page 1; later pages are empty.
pub(super) fn history_fund_rate(
    inner: &mut Inner,
    query: &str,
    now: i64,
) -> Result<Value, SimError> {
    let p = Params::query(query, &["symbol", "productType", "pageSize", "pageNo"])?;
    let id = contract(inner, &p)?;
    let page = match p.text("pageNo")? {
        None => 1,
        Some(n) => n
            .parse::<u32>()
            .map_err(|_| SimError::invalid("pageNo must be a number"))?,
    };
    if let Some(size) = p.text("pageSize")? {
        size.parse::<u32>()
            .ok()
            .filter(|n| (1..=100).contains(n))
            .ok_or_else(|| SimError::invalid("pageSize must be 1 to 100"))?;
    }
    if page > 1 {
        return Ok(json!([]));
    }
    let last = now - now.rem_euclid(EIGHT_HOURS);
    Ok(json!([{
        "symbol": id.symbol,
        "fundingRate": text(Some(inner.venue.ex.funding_rate(&id))),
        "fundingTime": last.to_string(),
    }]))
}

/// `query-position-lever`: one tier, up to the contract's highest leverage.
pub(super) fn position_tiers(inner: &mut Inner, query: &str, _now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["symbol", "productType"])?;
    let id = contract(inner, &p)?;
    let max = inner.venue.ex.instrument(&id).map_or(1, |i| i.max_leverage);
    Ok(json!([{
        "symbol": id.symbol,
        "level": "1",
        "startUnit": "0",
        "endUnit": "1000000000",
        "leverage": max.to_string(),
        "keepMarginRate": "0.004",
    }]))
}
