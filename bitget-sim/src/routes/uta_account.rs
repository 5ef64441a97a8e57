//! v3 positions and the unified account (`/api/v3/position/...`, `/api/v3/account/...`) in the
//! shapes of the doc pages (uta/trade/Get-Position, Get-Position-History,
//! Get-Position-ADL-Rank; uta/account/*). The unified account is the exchange account; every
//! other account a transfer names (spot, P2P, Classic) is one pool per coin.

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::decimal;
use super::names::{FUTURES, average, margin_mode, paid, pos_mode, side_name, text, valuation};
use super::paging::Paging;
use super::uta_market::{ALL, category, category_of, market_of};
use crate::account::Account;
use crate::envelope::SimError;
use crate::exchange::{MarginMode, Market as CoreMarket, Position, Side};
use crate::params::Params;
use crate::state::Inner;
use crate::venue::refusal;

pub(super) fn position_json(inner: &Inner, uid: &str, p: &Position) -> Value {
    let mark = valuation(inner, p);
    let upnl = p.unrealized_pnl(mark);
    let rate = if p.margin.is_zero() {
        Decimal::ZERO
    } else {
        (upnl / p.margin).round_dp(8)
    };
    json!({
        "category": category_of(&p.instrument),
        "symbol": p.instrument.symbol,
        "marginCoin": inner.venue.ex.quote_of(&p.instrument).unwrap_or("USDT"),
        "holdMode": pos_mode(inner, uid),
        "posSide": side_name(p.side),
        "marginMode": margin_mode(inner, uid),
        "positionBalance": text(p.margin.round_dp(8)),
        "available": text(p.size),
        "frozen": "0",
        "total": text(p.size),
        "leverage": p.leverage.to_string(),
        "curRealisedPnl": text(p.realized.round_dp(8)),
        "avgPrice": text(p.entry_price().round_dp(8)),
        "positionStatus": "normal",
        "unrealisedPnl": text(upnl.round_dp(8)),
        "liquidationPrice": "",
        "mmr": "0.004",
        "profitRate": text(rate),
        "markPrice": text(mark),
        "breakEvenPrice": text(p.entry_price().round_dp(8)),
        "totalFunding": "0",
        "openFeeTotal": paid(p.open_fee),
        "closeFeeTotal": paid(p.close_fee),
        "createdTime": p.opened_ms.to_string(),
        "updatedTime": p.opened_ms.to_string(),
    })
}

/// `current-position`.
pub(super) fn current_position(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    let p = Params::query(query, &["category", "symbol", "posSide"])?;
    let category = category(&p, &FUTURES)?;
    let symbol = p.text("symbol")?;
    let only = p
        .text("posSide")?
        .map(|s| super::names::pos_side(&s, "posSide"))
        .transpose()?;
    let uid = &account.uid;
    let list: Vec<Value> = inner
        .venue
        .ex
        .positions(uid)
        .into_iter()
        .filter(|p| p.instrument.market == CoreMarket::Futures(category.clone()))
        .filter(|p| {
            symbol
                .as_deref()
                .is_none_or(|s| s.eq_ignore_ascii_case(&p.instrument.symbol))
        })
        .filter(|p| only.is_none_or(|s| s == p.side))
        .map(|p| position_json(inner, uid, p))
        .collect();
    Ok(json!({ "list": list }))
}

/// `history-position`: closed positions, paged by `cursor`.
pub(super) fn history_position(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    let p = Params::query(
        query,
        &[
            "category",
            "symbol",
            "startTime",
            "endTime",
            "limit",
            "cursor",
        ],
    )?;
    let category = category(&p, &FUTURES)?;
    let symbol = p.text("symbol")?;
    let paging = Paging::read_with(&p, "cursor", 100, 30)?;
    let ex = &inner.venue.ex;
    let rows = ex
        .closed_positions(&account.uid)
        .iter()
        .filter(|c| c.position.instrument.market == CoreMarket::Futures(category.clone()))
        .filter(|c| {
            symbol
                .as_deref()
                .is_none_or(|s| s.eq_ignore_ascii_case(&c.position.instrument.symbol))
        })
        .map(|c| {
            let p = &c.position;
            let row = json!({
                "positionId": p.id.to_string(),
                "category": category_of(&p.instrument),
                "symbol": p.instrument.symbol,
                "marginCoin": ex.quote_of(&p.instrument).unwrap_or("USDT"),
                "posSide": side_name(p.side),
                "openPriceAvg": average(p.opened_value, p.opened_total),
                "closePriceAvg": average(p.closed_value, p.closed_total),
                "openTotalPos": text(p.opened_total),
                "closeTotalPos": text(p.closed_total),
                "marginMode": margin_mode(inner, &account.uid),
                "holdMode": pos_mode(inner, &account.uid),
                "cumRealisedPnl": text(p.realized.round_dp(8)),
                // Fees as paid, negative; netProfit after them (the page's example adds up so).
                "netProfit": text(p.net_profit().round_dp(8)),
                "totalFunding": "0",
                "openFeeTotal": paid(p.open_fee),
                "closeFeeTotal": paid(p.close_fee),
                "createdTime": p.opened_ms.to_string(),
                "updatedTime": c.closed_ms.to_string(),
            });
            (p.id, c.closed_ms, row)
        })
        .collect();
    let (list, cursor) = paging.page(rows);
    Ok(json!({ "list": list, "cursor": cursor }))
}

/// `adlRank`: every position, rank 1 (no deleveraging is simulated).
pub(super) fn adl_rank(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    Params::query(query, &[])?;
    let ex = &inner.venue.ex;
    Ok(Value::Array(
        ex.positions(&account.uid)
            .into_iter()
            .map(|p| json!({ "symbol": p.instrument.symbol, "marginCoin": ex.quote_of(&p.instrument).unwrap_or("USDT"), "adlRank": "1", "holdSide": side_name(p.side) }))
            .collect(),
    ))
}

/// A coin's value in USD: stablecoins at 1, others at their spot `COINUSDT` last price (0
/// when it never traded).
fn usd_price(inner: &Inner, coin: &str) -> Decimal {
    if matches!(coin, "USDT" | "USDC" | "USD") {
        return Decimal::ONE;
    }
    let id = crate::exchange::InstrumentId::spot(&format!("{coin}USDT"));
    inner.venue.ex.last_price(&id).unwrap_or_default()
}

/// `assets`: each coin's balance (available, locked by orders), with the margin and unrealised
/// profit of the positions margined in it counted in its equity.
pub(super) fn assets(inner: &mut Inner, account: &Account, query: &str) -> Result<Value, SimError> {
    Params::query(query, &[])?;
    let ex = &inner.venue.ex;
    let uid = &account.uid;
    let (mut equity_usd, mut upnl_usd) = (Decimal::ZERO, Decimal::ZERO);
    let coins: Vec<Value> = ex
        .balances(uid)
        .into_iter()
        .map(|(coin, b)| {
            let positions: Vec<&Position> = ex
                .positions(uid)
                .into_iter()
                .filter(|p| ex.quote_of(&p.instrument) == Some(coin.as_str()))
                .collect();
            let margin: Decimal = positions.iter().map(|p| p.margin).sum();
            let upnl: Decimal = positions
                .iter()
                .map(|p| p.unrealized_pnl(valuation(inner, p)))
                .sum();
            let balance = b.available + b.frozen + margin;
            let equity = balance + upnl;
            let usd = usd_price(inner, &coin);
            equity_usd += equity * usd;
            upnl_usd += upnl * usd;
            json!({
                "coin": coin,
                "equity": text(equity.round_dp(8)),
                "usdValue": text((equity * usd).round_dp(8)),
                "balance": text(balance.round_dp(8)),
                "available": text(b.available),
                "debt": "0",
                "locked": text(b.frozen + margin),
            })
        })
        .collect();
    Ok(json!({
        "accountEquity": text(equity_usd.round_dp(8)),
        "usdtEquity": text(equity_usd.round_dp(8)),
        "btcEquity": "",
        "unrealisedPnl": text(upnl_usd.round_dp(8)),
        "usdtUnrealisedPnl": text(upnl_usd.round_dp(8)),
        "btcUnrealizedPnl": "",
        "effEquity": text(equity_usd.round_dp(8)),
        "mmr": "0",
        "imr": "0",
        "mgnRatio": "0",
        "positionMgnRatio": "0",
        "assets": coins,
    }))
}

/// `info`.
pub(super) fn info(_: &mut Inner, account: &Account, query: &str) -> Result<Value, SimError> {
    Params::query(query, &[])?;
    Ok(json!({
        "userId": account.uid,
        "inviterId": "",
        "parentId": "",
        "channelCode": "",
        "channel": "",
        "ips": "",
        "permType": "read_and_write",
        "permissions": ["uta_trade", "uta_mgt"],
        "regisTime": "",
    }))
}

/// `settings`: a unified account, its position mode; no per-symbol configuration is kept
/// beyond leverage, which the list does not repeat.
pub(super) fn settings(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    Params::query(query, &[])?;
    // Every futures contract with the account's leverage on it and its margin mode (the
    // simulator keeps one margin mode per account), as the page's `symbolConfigList` lists them.
    let mode = margin_mode(inner, &account.uid);
    let ex = &inner.venue.ex;
    let mut configs: Vec<Value> = ex
        .instruments()
        .filter(|i| !matches!(i.id.market, CoreMarket::Spot))
        .map(|i| {
            json!({
                "category": category_of(&i.id),
                "symbol": i.id.symbol,
                "marginMode": mode,
                "leverage": ex.leverage(&account.uid, &i.id).to_string(),
            })
        })
        .collect();
    configs.sort_by(|a, b| a["symbol"].as_str().cmp(&b["symbol"].as_str()));
    Ok(json!({
        "uid": account.uid,
        "accountMode": "unified",
        "accountLevel": "advanced",
        "assetMode": "single_asset",
        "holdMode": pos_mode(inner, &account.uid),
        "stpMode": "none",
        "symbolConfigList": configs,
        "coinConfigList": [],
    }))
}

/// `set-leverage` (futures; one leverage per contract in the simulator).
pub(super) fn set_leverage(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &[
            "category",
            "symbol",
            "leverage",
            "coin",
            "posSide",
            "marginMode",
            "longLeverage",
            "shortLeverage",
        ],
    )?;
    let category = category(
        &p,
        &["MARGIN", "USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES"],
    )?;
    if category == "MARGIN" {
        return Err(SimError::bad("40017", "MARGIN leverage is not simulated"));
    }
    let symbol = p.required("symbol")?;
    let id = inner.venue.instrument(&market_of(&category), &symbol)?;
    let lever = |name: &str| -> Result<Option<u32>, SimError> {
        p.text(name)?
            .map(|t| {
                t.parse::<u32>()
                    .map_err(|_| SimError::invalid(format!("{name} must be a whole number")))
            })
            .transpose()
    };
    let leverage = lever("longLeverage")?
        .or(lever("shortLeverage")?)
        .or(lever("leverage")?)
        .ok_or_else(|| SimError::missing("leverage"))?;
    inner
        .venue
        .ex
        .set_leverage(&account.uid, &id, leverage)
        .map_err(|r| refusal(&r, true))?;
    Ok(json!("success"))
}

/// `set-hold-mode`: refused while the account holds a position or an open futures order.
pub(super) fn set_hold_mode(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, &["holdMode"])?;
    super::mix_account::switch_position_mode(inner, account, &p, "holdMode")?;
    Ok(json!("success"))
}

/// `set-margin`: isolated margin added or removed.
pub(super) fn set_margin(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &["category", "symbol", "posSide", "operation", "amount"],
    )?;
    let category = category(&p, &FUTURES)?;
    let id = inner
        .venue
        .instrument(&market_of(&category), &p.required("symbol")?)?;
    let side = super::names::pos_side(&p.required("posSide")?, "posSide")?;
    let amount = decimal(&p, "amount", true)?.unwrap_or_default();
    let signed = match p.required("operation")?.as_str() {
        "add" => amount,
        "remove" => -amount,
        other => {
            return Err(SimError::invalid(format!(
                "operation `{other}` is not add or remove"
            )));
        }
    };
    if inner.venue.ex.margin_mode(&account.uid) != MarginMode::Isolated {
        return Err(SimError::bad(
            "45117",
            "margin can only be changed in isolated margin mode",
        ));
    }
    inner
        .venue
        .ex
        .adjust_margin(&account.uid, &id, side, signed)
        .map_err(|r| refusal(&r, true))?;
    Ok(json!("success"))
}

/// `fee-rate`: the instrument's rates.
pub(super) fn fee_rate(inner: &mut Inner, _: &Account, query: &str) -> Result<Value, SimError> {
    let p = Params::query(query, &["symbol", "category"])?;
    let category = category(&p, &ALL)?;
    let id = inner
        .venue
        .instrument(&market_of(&category), &p.required("symbol")?)?;
    let inst = inner
        .venue
        .ex
        .instrument(&id)
        .ok_or_else(|| SimError::invalid("no such instrument"))?;
    Ok(json!({ "makerFeeRate": text(inst.maker_fee), "takerFeeRate": text(inst.taker_fee) }))
}

/// `financial-records`: one record per fill (its realised profit and fee), newest first.
pub(super) fn financial_records(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    let p = Params::query(
        query,
        &[
            "category",
            "coin",
            "type",
            "startTime",
            "endTime",
            "limit",
            "cursor",
        ],
    )?;
    let mut categories = ALL.to_vec();
    categories.push("OTHER");
    let category = category(&p, &categories)?;
    let coin = p.text("coin")?;
    let kind = p.text("type")?;
    let paging = Paging::read_with(&p, "cursor", 100, 30)?;
    let rows = inner
        .venue
        .ex
        .fills(&account.uid)
        .filter(|f| category_of(&f.instrument) == category)
        .filter(|f| {
            coin.as_deref()
                .is_none_or(|c| c.eq_ignore_ascii_case(&f.fee_coin))
        })
        .filter(|_| kind.as_deref().is_none_or(|k| k == "TRADE"))
        .map(|f| {
            let row = json!({
                "category": category_of(&f.instrument),
                "id": f.trade_id.to_string(),
                "symbol": f.instrument.symbol,
                "coin": f.fee_coin,
                "type": "TRADE",
                "amount": text(f.realized_pnl),
                "fee": text(-f.fee),
                "balance": "",
                "ts": f.time_ms.to_string(),
            });
            (f.trade_id, f.time_ms, row)
        })
        .collect();
    let (list, cursor) = paging.page(rows);
    Ok(json!({ "list": list, "cursor": cursor }))
}

/// `funding-assets`: the pool outside the unified account.
pub(super) fn funding_assets(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    let p = Params::query(query, &["coin"])?;
    let coin = p.text("coin")?;
    Ok(Value::Array(
        inner
            .venue
            .funding
            .iter()
            .filter(|((uid, c), _)| uid == &account.uid && coin.as_deref().is_none_or(|w| w == c))
            .map(|((_, c), amount)| json!({ "coin": c, "balance": text(*amount), "available": text(*amount), "frozen": "0" }))
            .collect(),
    ))
}

/// `transfer`: between the unified account (`uta`) and the pool every other account shares;
/// between two other accounts nothing moves.
pub(super) fn transfer(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    const TYPES: [&str; 8] = [
        "spot",
        "p2p",
        "coin_futures",
        "usdt_futures",
        "usdc_futures",
        "crossed_margin",
        "isolated_margin",
        "uta",
    ];
    let p = Params::parse(body, &["fromType", "toType", "amount", "coin", "symbol"])?;
    let (from, to) = (p.required("fromType")?, p.required("toType")?);
    for t in [&from, &to] {
        if !TYPES.contains(&t.as_str()) {
            return Err(SimError::invalid(format!("`{t}` is not an account type")));
        }
    }
    let amount = decimal(&p, "amount", true)?.unwrap_or_default();
    let coin = p.required("coin")?.to_uppercase();
    let uid = account.uid.clone();
    let key = (uid.clone(), coin.clone());
    let pool = inner.venue.funding.get(&key).copied().unwrap_or_default();
    let unified = inner.venue.ex.balance(&uid, &coin).available;
    let short = || SimError::bad("43012", "Insufficient balance");
    match (from == "uta", to == "uta") {
        (true, false) if unified >= amount => {
            inner.venue.ex.deposit(&uid, &coin, -amount);
            inner.venue.funding.insert(key, pool + amount);
        }
        (false, true) if pool >= amount => {
            inner.venue.funding.insert(key, pool - amount);
            inner.venue.ex.deposit(&uid, &coin, amount);
        }
        (false, false) if from != to && pool >= amount => {}
        _ => return Err(short()),
    }
    // A fresh id from the venue's sequence: unique per transfer.
    let id = inner.venue.client_oid(&uid, None)?;
    Ok(json!({ "transferId": id }))
}

/// `max-open-available`: what the available balance buys or opens at the price (the last trade
/// for a market order), at the contract's leverage on futures.
pub(super) fn max_open_available(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &["category", "symbol", "orderType", "side", "price", "size"],
    )?;
    let category = category(&p, &ALL)?;
    let id = inner
        .venue
        .instrument(&market_of(&category), &p.required("symbol")?)?;
    let limit = match p.required("orderType")?.as_str() {
        "limit" => true,
        "market" => false,
        other => {
            return Err(SimError::invalid(format!(
                "orderType `{other}` is not limit or market"
            )));
        }
    };
    let side = match p.required("side")?.as_str() {
        "buy" => Side::Buy,
        "sell" => Side::Sell,
        other => {
            return Err(SimError::invalid(format!(
                "side `{other}` is not buy or sell"
            )));
        }
    };
    decimal(&p, "size", false)?;
    let ex = &inner.venue.ex;
    let price = match decimal(&p, "price", limit)? {
        Some(price) => price,
        None => ex
            .last_price(&id)
            .or_else(|| ex.mark_price(&id))
            .unwrap_or(Decimal::ONE),
    };
    let inst = ex
        .instrument(&id)
        .ok_or_else(|| SimError::invalid("no such instrument"))?;
    let (quote, base) = (inst.quote.clone(), inst.base.clone());
    let uid = &account.uid;
    if id.market == CoreMarket::Spot {
        let available = ex
            .balance(uid, if side == Side::Buy { &quote } else { &base })
            .available;
        // Checked: a price of 0 or one so small the quotient overflows answers 0, never a panic.
        let max = if side == Side::Buy {
            available.checked_div(price).unwrap_or_default().round_dp(8)
        } else {
            available
        };
        return Ok(json!({
            "available": text(available),
            "maxOpen": text(max),
            "buyOpenCost": "", "sellOpenCost": "", "maxBuyOpen": "", "maxSellOpen": "",
            "maxBuyAvailable": "", "maxSellAvailable": "",
        }));
    }
    let available = ex.balance(uid, &quote).available;
    let leverage = Decimal::from(ex.leverage(uid, &id));
    let max = available
        .checked_mul(leverage)
        .and_then(|v| v.checked_div(price))
        .unwrap_or_default()
        .round_dp(4);
    Ok(json!({
        "available": text(available),
        "maxOpen": text(max),
        "buyOpenCost": text((price / leverage).round_dp(8)),
        "sellOpenCost": text((price / leverage).round_dp(8)),
        "maxBuyOpen": text(max),
        "maxSellOpen": text(max),
        "maxBuyAvailable": text(available),
        "maxSellAvailable": text(available),
    }))
}
