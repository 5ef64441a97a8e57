//! `/api/v2/mix/order/...`.

use serde_json::{Value, json};

use super::mix_trade::{Preset, place_with_presets};
use super::{decimal, failure, force, items, order_type, success};
use crate::account::Account;
use crate::envelope::SimError;
use crate::exchange::{Effect, NewOrder, OrderType, PosSide, PositionMode, Side, TriggerKind};
use crate::orders::{Market, Order, Wanted};
use crate::params::Params;
use crate::state::Inner;

pub(super) fn futures_of(o: &Order, product_type: &str) -> bool {
    matches!(&o.market, Market::Futures { product_type: p } if p == product_type)
}

fn plan_of(o: &Order, product_type: &str, plan_type: Option<&str>) -> bool {
    matches!(&o.market, Market::Plan { product_type: p, plan_type: t } if p == product_type && plan_type.is_none_or(|w| w == t))
}

/// Whether an order is of `symbol` (any case, as Bitget compares them) and `coin`, when given.
pub(super) fn on(o: &Order, symbol: Option<&str>, coin: Option<&str>) -> bool {
    symbol.is_none_or(|s| s.eq_ignore_ascii_case(&o.symbol))
        && coin.is_none_or(|c| o.margin_coin.as_deref() == Some(c))
}

pub(super) fn margin_coin(p: &Params) -> Result<Option<String>, SimError> {
    match p.text("marginCoin")? {
        Some(c) if c.chars().any(char::is_lowercase) => {
            Err(SimError::invalid("marginCoin must be capitalized"))
        }
        other => Ok(other),
    }
}

/// What a v2 futures order does to positions: in one-way mode it nets (`reduceOnly=YES` only
/// reduces); in hedge mode `tradeSide` says open or close, and `side` names the position (v2's
/// convention: closing a long is `side=buy` with `tradeSide=close`, a sell in the book).
fn effect(inner: &Inner, uid: &str, p: &Params, side: Side) -> Result<(Side, Effect), SimError> {
    match inner.venue.ex.position_mode(uid) {
        PositionMode::OneWay => {
            // One-way mode takes no `tradeSide` (catalogue G.1: the zh page says it must be
            // omitted; 40774 is the mismatch). Ignoring it would turn a hedge-mode close into
            // an order that grows the position.
            if p.text("tradeSide")?.is_some() {
                return Err(SimError::bad(
                    "40774",
                    "The order type for unilateral position must also be the unilateral position type.",
                ));
            }
            let reduce_only = p
                .text("reduceOnly")?
                .is_some_and(|r| r.eq_ignore_ascii_case("yes"));
            Ok((side, Effect::Net { reduce_only }))
        }
        PositionMode::Hedge => {
            // A hedge account's order without tradeSide is a one-way order: the mode mismatch
            // Bitget answers 40774 for (catalogue G.1), like tradeSide on a one-way account.
            let trade_side = p.text("tradeSide")?.ok_or_else(|| {
                SimError::bad(
                    "40774",
                    "The order type for bilateral position must also be the bilateral position type: tradeSide is required in hedge mode",
                )
            })?;
            let close = match trade_side.to_ascii_lowercase().as_str() {
                "open" => false,
                "close" => true,
                other => {
                    return Err(SimError::invalid(format!(
                        "tradeSide `{other}` is not open or close"
                    )));
                }
            };
            let pos = match side {
                Side::Buy => PosSide::Long,
                Side::Sell => PosSide::Short,
            };
            let book_side = if close { side.opposite() } else { side };
            Ok((book_side, Effect::Hedge { pos, close }))
        }
    }
}

/// The order of `place-order` and `place-plan-order`, from their shared parameters.
pub(super) fn futures_order(
    inner: &mut Inner,
    account: &Account,
    p: &Params,
) -> Result<NewOrder, SimError> {
    let symbol = p.required("symbol")?;
    let product_type = p.product_type()?;
    p.required("marginMode")?;
    margin_coin(p)?.ok_or_else(|| SimError::missing("marginCoin"))?;
    let size = decimal(p, "size", true)?.unwrap_or_default();
    let (side, effect) = effect(
        inner,
        &account.uid,
        p,
        super::spot::side(&p.required("side")?)?,
    )?;
    let order_type = order_type(p)?;
    let price = decimal(p, "price", order_type == OrderType::Limit)?;
    let tif = force(p)?;
    let venue = &mut inner.venue;
    let instrument = venue.instrument(&Market::Futures { product_type }, &symbol)?;
    let client_oid = venue.client_oid(&account.uid, p.text("clientOid")?)?;
    Ok(NewOrder {
        account: account.uid.clone(),
        instrument,
        side,
        order_type,
        price,
        size,
        tif,
        client_oid: Some(client_oid),
        effect: Some(effect),
    })
}

/// `place-order`: matched against the book at once; what remains rests by its `force`.
pub(super) fn place_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &[
            "symbol",
            "productType",
            "marginMode",
            "marginCoin",
            "size",
            "price",
            "side",
            "tradeSide",
            "orderType",
            "force",
            "clientOid",
            "reduceOnly",
            "presetStopSurplusPrice",
            "presetStopLossPrice",
            "presetStopSurplusExecutePrice",
            "presetStopLossExecutePrice",
            "stpMode",
        ],
    )?;
    let order = futures_order(inner, account, &p)?;
    let mut presets = Vec::new();
    for (kind, plan_type, trigger_key, execute_key) in [
        (
            TriggerKind::TakeProfit,
            "pos_profit",
            "presetStopSurplusPrice",
            "presetStopSurplusExecutePrice",
        ),
        (
            TriggerKind::StopLoss,
            "pos_loss",
            "presetStopLossPrice",
            "presetStopLossExecutePrice",
        ),
    ] {
        if let Some(trigger) = decimal(&p, trigger_key, false)?.filter(|t| !t.is_zero()) {
            let limit = decimal(&p, execute_key, false)?.filter(|l| !l.is_zero());
            presets.push(Preset {
                kind,
                plan_type,
                trigger,
                mark: false,
                limit,
            });
        }
    }
    let (placed, _) = place_with_presets(inner, order, presets)?;
    Ok(success(&placed))
}

/// `place-plan-order`: a trigger order that places its order when the mark (`mark_price`) or
/// last (`fill_price`) price reaches `triggerPrice`.
pub(super) fn place_plan_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &[
            "planType",
            "symbol",
            "productType",
            "marginMode",
            "marginCoin",
            "size",
            "price",
            "callbackRatio",
            "triggerPrice",
            "triggerType",
            "side",
            "tradeSide",
            "orderType",
            "clientOid",
            "reduceOnly",
            "stopSurplusTriggerPrice",
            "stopSurplusExecutePrice",
            "stopSurplusTriggerType",
            "stopLossTriggerPrice",
            "stopLossExecutePrice",
            "stopLossTriggerType",
            "stpMode",
        ],
    )?;
    let plan_type = p.required("planType")?;
    let trigger = decimal(&p, "triggerPrice", true)?.unwrap_or_default();
    let mark = match p.required("triggerType")?.to_ascii_lowercase().as_str() {
        "mark_price" => true,
        "fill_price" => false,
        other => {
            return Err(SimError::invalid(format!(
                "triggerType `{other}` is not mark_price or fill_price"
            )));
        }
    };
    let order = futures_order(inner, account, &p)?;
    let order = inner.venue.place_plan(&plan_type, trigger, mark, order)?;
    Ok(success(&order))
}

/// Cancels the listed orders (orderId prevailing) that `accept` takes, or all of them without a
/// list. An empty list counts as no list, as on the exchange: the client must never send one.
fn cancel_listed(
    inner: &mut Inner,
    account: &Account,
    list: Option<&Vec<Value>>,
    name: &str,
    error_code: &str,
    accept: impl Fn(&Order) -> bool,
) -> Result<Value, SimError> {
    let venue = &mut inner.venue;
    let uid = &account.uid;
    let (mut ok, mut failed) = (Vec::new(), Vec::new());
    match list.filter(|l| !l.is_empty()) {
        None => ok.extend(venue.cancel_where(uid, &accept).iter().map(success)),
        Some(list) => {
            for item in items(list, name)? {
                let (oid, coid) = (item.order_id.as_deref(), item.client_oid.as_deref());
                let found = venue
                    .find(
                        uid,
                        &Wanted {
                            order_id: oid,
                            client_oid: coid,
                        },
                        &accept,
                    )
                    .map(|o| o.order_id);
                match found.and_then(|id| venue.cancel(uid, &id)) {
                    Some(order) => ok.push(success(&order)),
                    None => failed.push(failure(oid, coid, "The order does not exist", error_code)),
                }
            }
        }
    }
    Ok(json!({ "successList": ok, "failureList": failed }))
}

/// `batch-cancel-orders`.
pub(super) fn batch_cancel_orders(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &["orderIdList", "symbol", "productType", "marginCoin"],
    )?;
    let product_type = p.product_type()?;
    let symbol = p.text("symbol")?;
    let coin = margin_coin(&p)?;
    let list = p.list("orderIdList")?;
    if list.is_some_and(|l| !l.is_empty()) && symbol.is_none() {
        return Err(SimError::missing("symbol"));
    }
    cancel_listed(inner, account, list, "orderIdList", "40768", |o| {
        futures_of(o, &product_type) && on(o, symbol.as_deref(), coin.as_deref())
    })
}

/// `cancel-all-orders`.
pub(super) fn cancel_all_orders(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &["productType", "marginCoin", "requestTime", "receiveWindow"],
    )?;
    let product_type = p.product_type()?;
    let coin = margin_coin(&p)?;
    if let Some(window) = p.text("receiveWindow")? {
        match window.parse::<u64>() {
            Ok(ms) if ms > 60_000 => {
                return Err(SimError::bad("40079", "receiveWindow cannot exceed 60000"));
            }
            Ok(_) => {}
            Err(_) => return Err(SimError::invalid("receiveWindow must be milliseconds")),
        }
    }
    cancel_listed(inner, account, None, "", "40768", |o| {
        futures_of(o, &product_type) && on(o, None, coin.as_deref())
    })
}

/// `cancel-plan-order`.
pub(super) fn cancel_plan_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &[
            "orderIdList",
            "symbol",
            "productType",
            "marginCoin",
            "planType",
        ],
    )?;
    let product_type = p.product_type()?;
    let symbol = p.text("symbol")?;
    let coin = margin_coin(&p)?;
    // The doc page: without `planType` only `normal_plan` orders are cancelled; TP/SL and
    // trailing orders stay live.
    let plan_type = p.text("planType")?.unwrap_or_else(|| "normal_plan".into());
    let list = p.list("orderIdList")?;
    if list.is_some_and(|l| !l.is_empty()) && symbol.is_none() {
        return Err(SimError::missing("symbol"));
    }
    cancel_listed(inner, account, list, "orderIdList", "43025", |o| {
        plan_of(o, &product_type, Some(&plan_type)) && on(o, symbol.as_deref(), coin.as_deref())
    })
}
