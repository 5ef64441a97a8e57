//! `/api/v2/spot/market/...` and `/api/v2/spot/public/...`, written from their pages: the spot
//! pairs the exchange lists, their rules, tickers, books, candles and trades from its books and
//! fills, and the coins it holds.

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::market::{CandleQuery, DayStats, day_stats, limit_of, millis, text, trades};
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
            "status": super::names::status_word(&i.status, "online"),
            "minTradeUSDT": text(Some(i.min_notional)),
            "buyLimitPriceRatio": text(i.buy_band),
            "sellLimitPriceRatio": text(i.sell_band),
            "areaSymbol": "no",
            "orderQuantity": "200",
            "openTime": "1532454360000",
            "offTime": "",
        })
    });
    Ok(Value::Array(rows.collect()))
}

/// The one pair a query names (`symbol`, required).
fn pair(inner: &mut Inner, p: &Params) -> Result<InstrumentId, SimError> {
    let symbol = p.required("symbol")?;
    inner
        .venue
        .instrument(&crate::orders::Market::Spot, &symbol)
}

/// Book levels as the spot pages send them: `[price, size]` strings.
fn levels(side: Vec<(Decimal, Decimal)>) -> Vec<Value> {
    side.into_iter()
        .map(|(price, size)| json!([text(Some(price)), text(Some(size))]))
        .collect()
}

/// `merge-depth`: `limit` 1, 5, 15, 50 or max; `precision` scale0 to scale3 (the book is
/// served unmerged at every scale: the simulator's ticks are already coarse).
pub(super) fn merge_depth(inner: &mut Inner, query: &str, now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["symbol", "precision", "limit"])?;
    let id = pair(inner, &p)?;
    let count = match p.text("limit")?.as_deref() {
        None | Some("max") => 150,
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
    if !["scale0", "scale1", "scale2", "scale3"].contains(&precision.as_str()) {
        return Err(SimError::invalid(format!(
            "precision `{precision}` is not scale0 to scale3"
        )));
    }
    let tick = inner.venue.ex.instrument(&id).map(|i| i.tick);
    let (bids, asks) = inner.venue.ex.depth(&id, count);
    Ok(json!({
        "asks": levels(asks),
        "bids": levels(bids),
        "ts": now.to_string(),
        "scale": text(tick),
        "precision": precision,
        "isMaxPrecision": if precision == "scale0" { "YES" } else { "NO" },
    }))
}

/// `orderbook`: `type` step0 to step5 (served unaggregated), `limit` 1 to 150 (150 when absent).
pub(super) fn orderbook(inner: &mut Inner, query: &str, now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["symbol", "type", "limit"])?;
    let id = pair(inner, &p)?;
    if let Some(step) = p.text("type")? {
        let known = step
            .strip_prefix("step")
            .is_some_and(|n| ["0", "1", "2", "3", "4", "5"].contains(&n));
        if !known {
            return Err(SimError::invalid(format!(
                "type `{step}` is not step0 to step5"
            )));
        }
    }
    let count = limit_of(&p, 150, 150)?;
    let (bids, asks) = inner.venue.ex.depth(&id, count);
    Ok(json!({"asks": levels(asks), "bids": levels(bids), "ts": now.to_string()}))
}

/// A spot granularity's length in ms (the spot spellings: `1min`, `1h`, `1day`, `1M`, and the
/// UTC-aligned `6Hutc`..`1Mutc`).
fn period_ms(granularity: &str) -> Option<i64> {
    const MIN: i64 = 60_000;
    const HOUR: i64 = 60 * MIN;
    const DAY: i64 = 24 * HOUR;
    Some(match granularity {
        "1min" => MIN,
        "3min" => 3 * MIN,
        "5min" => 5 * MIN,
        "15min" => 15 * MIN,
        "30min" => 30 * MIN,
        "1h" => HOUR,
        "4h" => 4 * HOUR,
        "6h" | "6Hutc" => 6 * HOUR,
        "12h" | "12Hutc" => 12 * HOUR,
        "1day" | "1Dutc" => DAY,
        "3day" | "3Dutc" => 3 * DAY,
        "1week" | "1Wutc" => 7 * DAY,
        "1M" | "1Mutc" => 30 * DAY,
        _ => return None,
    })
}

/// Spot candles from the fills, oldest first: arrays of 8 strings `[ts, open, high, low, close,
/// baseVolume, usdtVolume, quoteVolume]` (every simulated pair is valued in its quote coin, so
/// the USDT and quote volumes are the same figure).
fn candle_rows(
    inner: &mut Inner,
    p: &Params,
    end_required: bool,
    max_limit: usize,
) -> Result<Value, SimError> {
    let id = pair(inner, p)?;
    let q = CandleQuery::read(p, "granularity", period_ms, end_required, max_limit)?;
    Ok(q.rows(inner, &id, true))
}

/// `candles`: `limit` up to 1000.
pub(super) fn candles(inner: &mut Inner, query: &str, _now: i64) -> Result<Value, SimError> {
    let p = Params::query(
        query,
        &["symbol", "granularity", "startTime", "endTime", "limit"],
    )?;
    candle_rows(inner, &p, false, 1000)
}

/// `history-candles`: `endTime` required, `limit` up to 200.
pub(super) fn history_candles(
    inner: &mut Inner,
    query: &str,
    _now: i64,
) -> Result<Value, SimError> {
    let p = Params::query(query, &["symbol", "granularity", "endTime", "limit"])?;
    candle_rows(inner, &p, true, 200)
}

/// `fills`: the latest public trades, `limit` up to 500.
pub(super) fn fills(inner: &mut Inner, query: &str, _now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["symbol", "limit"])?;
    let id = pair(inner, &p)?;
    let limit = limit_of(&p, 100, 500)?;
    Ok(trades(inner, &id, None, limit))
}

const SEVEN_DAYS_MS: i64 = 7 * 86_400_000;

/// `fills-history`: older public trades, paged by `idLessThan`, `limit` up to 1000, a window of
/// at most 7 days.
pub(super) fn fills_history(inner: &mut Inner, query: &str, _now: i64) -> Result<Value, SimError> {
    let p = Params::query(
        query,
        &["symbol", "limit", "idLessThan", "startTime", "endTime"],
    )?;
    let id = pair(inner, &p)?;
    let limit = limit_of(&p, 500, 1000)?;
    let (start, end) = (millis(&p, "startTime")?, millis(&p, "endTime")?);
    if let (Some(s), Some(e)) = (start, end) {
        if e - s > SEVEN_DAYS_MS {
            return Err(SimError::bad(
                "43111",
                "startTime and endTime must be within 7 days",
            ));
        }
    }
    let before = p
        .text("idLessThan")?
        .map(|t| {
            t.parse::<u64>()
                .map_err(|_| SimError::invalid("idLessThan must be a trade id"))
        })
        .transpose()?;
    let rows = trades(inner, &id, before, usize::MAX);
    let within = |row: &Value| {
        let ts = row["ts"].as_str().and_then(|t| t.parse::<i64>().ok());
        ts.is_some_and(|ts| start.is_none_or(|s| ts >= s) && end.is_none_or(|e| ts <= e))
    };
    let Value::Array(rows) = rows else {
        return Ok(Value::Array(Vec::new()));
    };
    Ok(Value::Array(
        rows.into_iter().filter(within).take(limit).collect(),
    ))
}

/// `coins`: every coin the exchange knows (the listed pairs' coins and the funded ones), each on
/// one chain of its own name, deposits and withdrawals open (the simulator moves no coin on a
/// chain: the figures are the page's shape, not a network's).
pub(super) fn coins(inner: &mut Inner, query: &str, _now: i64) -> Result<Value, SimError> {
    let p = Params::query(query, &["coin"])?;
    let mut names: Vec<String> = crate::venue::START_BALANCES
        .iter()
        .map(|(c, _)| (*c).to_owned())
        .collect();
    for i in inner.venue.ex.instruments() {
        names.push(i.base.clone());
        names.push(i.quote.clone());
    }
    names.sort();
    names.dedup();
    if let Some(coin) = p.text("coin")? {
        names.retain(|c| c.eq_ignore_ascii_case(&coin));
    }
    Ok(Value::Array(
        names
            .iter()
            .enumerate()
            .map(|(i, coin)| {
                json!({
                    "coinId": (i + 1).to_string(),
                    "coin": coin,
                    "transfer": "true",
                    "chains": [{
                        "chain": coin,
                        "needTag": "false",
                        "withdrawable": "true",
                        "rechargeable": "true",
                        "withdrawFee": "0",
                        "extraWithdrawFee": "0",
                        "depositConfirm": "1",
                        "withdrawConfirm": "1",
                        "minDepositAmount": "0",
                        "minWithdrawAmount": "0",
                        "browserUrl": "",
                        "contractAddress": "",
                        "withdrawStep": "0",
                        "withdrawMinScale": "8",
                        "congestion": "normal",
                    }],
                })
            })
            .collect(),
    ))
}

/// `/api/v2/margin/currencies` (margin/common/support-currencies): the pairs that trade on
/// margin. Margin is outside the simulated surface, so none does: an empty list, which is the
/// page's answer for an exchange without margin pairs. Served because ccxt loads it with the
/// spot markets.
pub(super) fn margin_currencies(
    _inner: &mut Inner,
    query: &str,
    _now: i64,
) -> Result<Value, SimError> {
    Params::query(query, &[])?;
    Ok(Value::Array(Vec::new()))
}
