//! Positions and the futures account (`/api/v2/mix/position/...`, `/api/v2/mix/account/...`),
//! in the shapes of the doc pages (contract/position/get-single-position, get-all-position,
//! Get-History-Position; contract/account/Get-Single-Account, Get-Account-List, Change-Leverage,
//! Change-Margin, Change-Margin-Mode, Change-Hold-Mode, Get-Account-Bill, Get-Max-Open).

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::market::contract;
use super::names::{average, margin_mode, paid, pos_mode, pos_side, side_name, text, valuation};
use super::paging::Paging;
use crate::account::Account;
use crate::envelope::SimError;
use crate::exchange::{
    InstrumentId, MarginMode, Market as CoreMarket, PosSide, Position, PositionMode, TriggerKind,
    TriggerStatus,
};
use crate::params::Params;
use crate::state::Inner;
use crate::venue::refusal;

fn margin_coin(p: &Params) -> Result<String, SimError> {
    let coin = p.required("marginCoin")?;
    if coin.chars().any(char::is_lowercase) {
        return Err(SimError::invalid("marginCoin must be capitalized"));
    }
    Ok(coin)
}

/// A position as the position pages show it, with its attached TP/SL triggers.
pub(super) fn position_json(inner: &Inner, uid: &str, p: &Position) -> Value {
    let ex = &inner.venue.ex;
    let mark = valuation(inner, p);
    let attached = |kind: TriggerKind| {
        ex.triggers(uid).find(|t| {
            t.kind == kind
                && t.status == TriggerStatus::Live
                && t.instrument == p.instrument
                && closes(t.order.effect, t.order.side, p.side)
        })
    };
    let (tp, sl) = (
        attached(TriggerKind::TakeProfit),
        attached(TriggerKind::StopLoss),
    );
    let (margin_mode, pos_mode) = (margin_mode(inner, uid), pos_mode(inner, uid));
    let upnl = p.unrealized_pnl(mark);
    json!({
        "marginCoin": ex.quote_of(&p.instrument).unwrap_or("USDT"),
        "symbol": p.instrument.symbol,
        "holdSide": side_name(p.side),
        "openDelegateSize": "0",
        "marginSize": text(p.margin.round_dp(8)),
        "available": text(p.size),
        "locked": "0",
        "total": text(p.size),
        "leverage": p.leverage.to_string(),
        "achievedProfits": text(p.realized.round_dp(8)),
        "openPriceAvg": text(p.entry_price().round_dp(8)),
        "marginMode": margin_mode,
        "posMode": pos_mode,
        "unrealizedPL": text(upnl.round_dp(8)),
        "liquidationPrice": "",
        "keepMarginRate": "0.004",
        "markPrice": text(mark),
        "marginRatio": "",
        "breakEvenPrice": text(p.entry_price().round_dp(8)),
        "totalFee": "0",
        "takeProfit": tp.map(|t| text(t.trigger_price)).unwrap_or_default(),
        "stopLoss": sl.map(|t| text(t.trigger_price)).unwrap_or_default(),
        "takeProfitId": tp.map(|t| t.id.to_string()).unwrap_or_default(),
        "stopLossId": sl.map(|t| t.id.to_string()).unwrap_or_default(),
        "deductedFee": "0",
        "cTime": p.opened_ms.to_string(),
        "uTime": p.opened_ms.to_string(),
        "assetMode": "single",
        "autoMargin": "off",
        "grant": "",
    })
}

/// Whether an order of `effect` and book `side` closes the position of `pos`.
pub(super) fn closes(
    effect: Option<crate::exchange::Effect>,
    side: crate::exchange::Side,
    pos: PosSide,
) -> bool {
    use crate::exchange::{Effect, Side};
    match effect {
        Some(Effect::Hedge { pos: p, close }) => close && p == pos,
        Some(Effect::Net { .. }) => matches!(
            (side, pos),
            (Side::Sell, PosSide::Long) | (Side::Buy, PosSide::Short)
        ),
        None => false,
    }
}

fn positions_of(inner: &Inner, uid: &str, product_type: &str, symbol: Option<&str>) -> Value {
    let market = CoreMarket::Futures(product_type.to_owned());
    Value::Array(
        inner
            .venue
            .ex
            .positions(uid)
            .into_iter()
            .filter(|p| p.instrument.market == market)
            .filter(|p| symbol.is_none_or(|s| s.eq_ignore_ascii_case(&p.instrument.symbol)))
            .map(|p| position_json(inner, uid, p))
            .collect(),
    )
}

/// `single-position`: the symbol's positions (one per side in hedge mode); `[]` when flat.
pub(super) fn single_position(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    let p = Params::query(query, &["productType", "symbol", "marginCoin"])?;
    margin_coin(&p)?;
    let id = contract(inner, &p)?;
    let product_type = p.product_type()?;
    Ok(positions_of(
        inner,
        &account.uid,
        &product_type,
        Some(&id.symbol),
    ))
}

/// `all-position`.
pub(super) fn all_position(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    let p = Params::query(query, &["productType", "marginCoin"])?;
    let product_type = p.product_type()?;
    if p.text("marginCoin")?.is_some() {
        margin_coin(&p)?;
    }
    Ok(positions_of(inner, &account.uid, &product_type, None))
}

/// The margin coin of a product type's contracts (linear contracts only are simulated).
fn coin_of(product_type: &str) -> Option<&'static str> {
    match product_type {
        "USDT-FUTURES" => Some("USDT"),
        "USDC-FUTURES" => Some("USDC"),
        "SUSDT-FUTURES" => Some("SUSDT"),
        "SUSDC-FUTURES" => Some("SUSDC"),
        _ => None,
    }
}

/// A futures account of `coin` in `product_type`'s wallet: the coin's balance, the margin of its positions and their
/// unrealised profit at the mark price.
pub(super) fn account_json(
    inner: &Inner,
    uid: &str,
    product_type: &str,
    coin: &str,
    contract: Option<&InstrumentId>,
) -> Value {
    let ex = &inner.venue.ex;
    let wallet = CoreMarket::Futures(product_type.to_owned());
    let balance = ex.balance_in(uid, &wallet, coin);
    let positions: Vec<&Position> = ex
        .positions(uid)
        .into_iter()
        .filter(|p| p.instrument.market == wallet && ex.quote_of(&p.instrument) == Some(coin))
        .collect();
    let margin: Decimal = positions.iter().map(|p| p.margin).sum();
    let upnl: Decimal = positions
        .iter()
        .map(|p| p.unrealized_pnl(valuation(inner, p)))
        .sum();
    let equity = balance.available + balance.frozen + margin + upnl;
    let (margin_mode, pos_mode) = (margin_mode(inner, uid), pos_mode(inner, uid));
    // The leverage of the contract asked about (the account's default without one): the
    // simulator keeps one leverage per contract, for both sides and both margin modes.
    let leverage = contract.map_or(10, |c| ex.leverage(uid, c));
    let (crossed, isolated) = match ex.margin_mode(uid) {
        MarginMode::Crossed => (margin, Decimal::ZERO),
        MarginMode::Isolated => (Decimal::ZERO, margin),
    };
    json!({
        "marginCoin": coin,
        "locked": text(balance.frozen),
        "available": text(balance.available),
        "crossedMaxAvailable": text(balance.available),
        "isolatedMaxAvailable": text(balance.available),
        "maxTransferOut": text(balance.available),
        "accountEquity": text(equity.round_dp(8)),
        "usdtEquity": text(equity.round_dp(8)),
        "btcEquity": "",
        "crossedRiskRate": "0",
        "crossedMarginLeverage": leverage,
        "isolatedLongLever": leverage,
        "isolatedShortLever": leverage,
        "marginMode": margin_mode,
        "posMode": pos_mode,
        "unrealizedPL": text(upnl.round_dp(8)),
        "coupon": "0",
        "crossedUnrealizedPL": text(upnl.round_dp(8)),
        "isolatedUnrealizedPL": "0",
        "assetMode": "single",
        "isolatedMargin": text(isolated.round_dp(8)),
        "crossedMargin": text(crossed.round_dp(8)),
        "grant": "",
        "assetList": [],
    })
}

/// `account`: one margin coin's account.
pub(super) fn account(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    let p = Params::query(query, &["symbol", "productType", "marginCoin"])?;
    let coin = margin_coin(&p)?;
    let id = contract(inner, &p)?;
    let product_type = p.product_type()?;
    Ok(account_json(
        inner,
        &account.uid,
        &product_type,
        &coin,
        Some(&id),
    ))
}

/// `accounts`: every margin coin's account of the product type.
pub(super) fn accounts(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    let p = Params::query(query, &["productType"])?;
    let product_type = p.product_type()?;
    Ok(Value::Array(
        coin_of(&product_type)
            .map(|coin| account_json(inner, &account.uid, &product_type, coin, None))
            .into_iter()
            .collect(),
    ))
}

/// `max-open`: what the available balance opens at the contract's leverage and the price.
pub(super) fn max_open(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    let p = Params::query(
        query,
        &[
            "symbol",
            "productType",
            "marginCoin",
            "posSide",
            "orderType",
            "openPrice",
        ],
    )?;
    let coin = margin_coin(&p)?;
    let id = contract(inner, &p)?;
    pos_side(&p.required("posSide")?, "holdSide")?;
    let limit = match p.required("orderType")?.as_str() {
        "limit" => true,
        "market" => false,
        other => {
            return Err(SimError::invalid(format!(
                "orderType `{other}` is not limit or market"
            )));
        }
    };
    let price = match super::decimal(&p, "openPrice", limit)? {
        Some(price) => price,
        None => {
            let ex = &inner.venue.ex;
            ex.last_price(&id)
                .or_else(|| ex.mark_price(&id))
                .unwrap_or(Decimal::ONE)
        }
    };
    let ex = &inner.venue.ex;
    let available = ex.balance_in(&account.uid, &id.market, &coin).available;
    let leverage = Decimal::from(ex.leverage(&account.uid, &id));
    // Checked: a price of 0 or one so small the quotient overflows answers 0, never a panic.
    let max = available
        .checked_mul(leverage)
        .and_then(|v| v.checked_div(price))
        .unwrap_or_default()
        .round_dp(4);
    Ok(json!({ "maxOpen": text(max) }))
}

/// `set-leverage`: one leverage for the contract (the simulator keeps one per contract: a
/// `longLeverage`/`shortLeverage` pair sets the long one, as Bitget does in cross margin).
pub(super) fn set_leverage(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &[
            "symbol",
            "productType",
            "marginCoin",
            "leverage",
            "longLeverage",
            "shortLeverage",
            "holdSide",
        ],
    )?;
    let coin = margin_coin(&p)?;
    let id = contract(inner, &p)?;
    if let Some(side) = p.text("holdSide")? {
        pos_side(&side, "holdSide")?;
    }
    let lever = |name: &str| -> Result<Option<u32>, SimError> {
        p.text(name)?
            .map(|t| {
                t.parse::<u32>()
                    .map_err(|_| SimError::invalid(format!("{name} must be a whole number")))
            })
            .transpose()
    };
    let leverage = match (
        lever("longLeverage")?,
        lever("leverage")?,
        lever("shortLeverage")?,
    ) {
        (Some(l), _, _) | (None, Some(l), _) | (None, None, Some(l)) => l,
        (None, None, None) => return Err(SimError::missing("leverage")),
    };
    inner
        .venue
        .ex
        .set_leverage(&account.uid, &id, leverage)
        .map_err(|r| refusal(&r, true))?;
    let margin_mode = margin_mode(inner, &account.uid);
    Ok(json!({
        "symbol": id.symbol,
        "marginCoin": coin,
        "longLeverage": leverage.to_string(),
        "shortLeverage": leverage.to_string(),
        "crossMarginLeverage": leverage.to_string(),
        "marginMode": margin_mode,
    }))
}

/// `set-margin`: isolated margin added (positive `amount`) or removed (negative).
pub(super) fn set_margin(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &["symbol", "productType", "marginCoin", "holdSide", "amount"],
    )?;
    margin_coin(&p)?;
    let id = contract(inner, &p)?;
    let side = pos_side(&p.required("holdSide")?, "holdSide")?;
    let amount = p
        .required("amount")?
        .parse::<Decimal>()
        .map_err(|_| SimError::invalid("amount must be a number"))?;
    if inner.venue.ex.margin_mode(&account.uid) != MarginMode::Isolated {
        return Err(SimError::bad(
            "45117",
            "margin can only be changed in isolated margin mode",
        ));
    }
    inner
        .venue
        .ex
        .adjust_margin(&account.uid, &id, side, amount)
        .map_err(|r| refusal(&r, true))?;
    Ok(json!(""))
}

/// `set-margin-mode` (the simulator keeps one margin mode per account); refused while the
/// account has a position or an open futures order, as Bitget does for the symbol.
pub(super) fn set_margin_mode(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, &["symbol", "productType", "marginCoin", "marginMode"])?;
    let coin = margin_coin(&p)?;
    let id = contract(inner, &p)?;
    let mode = match p.required("marginMode")?.as_str() {
        "isolated" => MarginMode::Isolated,
        "crossed" => MarginMode::Crossed,
        other => {
            return Err(SimError::invalid(format!(
                "marginMode `{other}` is not isolated or crossed"
            )));
        }
    };
    let ex = &mut inner.venue.ex;
    let busy = !ex.positions(&account.uid).is_empty()
        || ex
            .open_orders(&account.uid)
            .any(|o| o.request.effect.is_some());
    if busy {
        return Err(SimError::bad(
            "45117",
            "Currently holding positions or orders, the margin mode cannot be adjusted",
        ));
    }
    ex.set_margin_mode(&account.uid, mode)
        .map_err(|r| refusal(&r, true))?;
    let leverage = ex.leverage(&account.uid, &id).to_string();
    let margin_mode = margin_mode(inner, &account.uid);
    Ok(json!({
        "symbol": id.symbol,
        "marginCoin": coin,
        "longLeverage": leverage,
        "shortLeverage": leverage,
        "marginMode": margin_mode,
    }))
}

/// Switches the account's position mode to the value of `key` (`one_way_mode`, `hedge_mode`);
/// refused while there is any position or open futures order (v2's set-position-mode, v3's
/// set-hold-mode). Returns the mode's name.
pub(super) fn switch_position_mode(
    inner: &mut Inner,
    account: &Account,
    p: &Params,
    key: &str,
) -> Result<&'static str, SimError> {
    let (mode, name) = match p.required(key)?.as_str() {
        "one_way_mode" => (PositionMode::OneWay, "one_way_mode"),
        "hedge_mode" => (PositionMode::Hedge, "hedge_mode"),
        other => {
            return Err(SimError::invalid(format!(
                "{key} `{other}` is not one_way_mode or hedge_mode"
            )));
        }
    };
    inner
        .venue
        .ex
        .set_position_mode(&account.uid, mode)
        .map_err(|_| {
            SimError::bad(
                "40920",
                "Position or order exists, the position mode cannot be switched",
            )
        })?;
    Ok(name)
}

/// `set-position-mode`: refused while there is any position or open futures order.
pub(super) fn set_position_mode(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, &["productType", "posMode"])?;
    p.product_type()?;
    let name = switch_position_mode(inner, account, &p, "posMode")?;
    Ok(json!({ "posMode": name }))
}

/// `history-position`: the account's closed positions (`productType` ignored when `symbol` is
/// sent), newest first, default 20 a page.
pub(super) fn history_position(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    let p = Params::query(
        query,
        &[
            "symbol",
            "productType",
            "idLessThan",
            "startTime",
            "endTime",
            "limit",
        ],
    )?;
    let symbol = p.text("symbol")?;
    let product_type = match p.text("productType")? {
        Some(_) => p.product_type()?,
        None => "USDT-FUTURES".to_owned(),
    };
    let (margin_mode, pos_mode) = (
        margin_mode(inner, &account.uid),
        pos_mode(inner, &account.uid),
    );
    let ex = &inner.venue.ex;
    let rows = ex
        .closed_positions(&account.uid)
        .iter()
        .filter(|c| match &symbol {
            Some(s) => s.eq_ignore_ascii_case(&c.position.instrument.symbol),
            None => c.position.instrument.market == CoreMarket::Futures(product_type.clone()),
        })
        .map(|c| {
            let p = &c.position;
            let row = json!({
                "positionId": p.id.to_string(),
                "marginCoin": ex.quote_of(&p.instrument).unwrap_or("USDT"),
                "symbol": p.instrument.symbol,
                "holdSide": side_name(p.side),
                "posMode": pos_mode,
                "openAvgPrice": average(p.opened_value, p.opened_total),
                "closeAvgPrice": average(p.closed_value, p.closed_total),
                "marginMode": margin_mode,
                "openTotalPos": text(p.opened_total),
                "closeTotalPos": text(p.closed_total),
                "pnl": text(p.realized.round_dp(8)),
                // Fees as paid, negative, and netProfit after them, as the v3 page's example
                // adds up (v2's example shows fees positive with figures that do not add up).
                "netProfit": text(p.net_profit().round_dp(8)),
                "totalFunding": "0",
                "openFee": paid(p.open_fee),
                "closeFee": paid(p.close_fee),
                "uTime": c.closed_ms.to_string(),
                "cTime": p.opened_ms.to_string(),
            });
            (p.id, c.closed_ms, row)
        })
        .collect();
    let (list, end_id) = Paging::read(&p, 20, 90)?.page(rows);
    Ok(json!({ "list": list, "endId": end_id }))
}

/// `bill`: the ledger, one entry per fill (its realised profit and fee), newest first.
pub(super) fn bill(inner: &mut Inner, account: &Account, query: &str) -> Result<Value, SimError> {
    let p = Params::query(
        query,
        &[
            "productType",
            "coin",
            "businessType",
            "onlyFunding",
            "idLessThan",
            "startTime",
            "endTime",
            "limit",
        ],
    )?;
    let product_type = p.product_type()?;
    let wanted = p.text("businessType")?;
    let ex = &inner.venue.ex;
    let rows = ex
        .fills(&account.uid)
        .filter(|f| f.instrument.market == CoreMarket::Futures(product_type.clone()))
        .filter_map(|f| {
            let effect = ex.order(f.order_id).and_then(|o| o.request.effect);
            let business = match effect {
                Some(crate::exchange::Effect::Hedge { pos, close }) => match (close, pos) {
                    (false, PosSide::Long) => "open_long",
                    (false, PosSide::Short) => "open_short",
                    (true, PosSide::Long) => "close_long",
                    (true, PosSide::Short) => "close_short",
                },
                _ if f.side == crate::exchange::Side::Buy => "buy",
                _ => "sell",
            };
            if wanted.as_deref().is_some_and(|w| w != business) {
                return None;
            }
            let row = json!({
                "billId": f.trade_id.to_string(),
                "symbol": f.instrument.symbol,
                "amount": text(f.realized_pnl),
                "fee": text(-f.fee),
                "feeByCoupon": "",
                "businessType": business,
                "coin": f.fee_coin,
                "balance": "",
                "cTime": f.time_ms.to_string(),
            });
            Some((f.trade_id, f.time_ms, row))
        })
        .collect();
    let (bills, end_id) = Paging::read(&p, 20, 30)?.page(rows);
    Ok(json!({ "bills": bills, "endId": end_id }))
}
