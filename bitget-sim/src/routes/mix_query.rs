//! Reading futures orders, fills and trigger orders (`GET /api/v2/mix/order/...`), in the shapes
//! of the doc pages (contract/trade/Get-Order-Details, Get-Orders-Pending, Get-Orders-History,
//! Get-Order-Fills, Get-Fill-History; contract/plan/get-orders-plan-pending,
//! orders-plan-history, Get-Plan-Sub-Order): every value a string, `""` for none.

use serde_json::{Value, json};

use super::names::{
    force, margin_mode, order_side_name, order_type_name, pos_mode, side_name, text,
};
use super::paging::Paging;
use crate::account::Account;
use crate::envelope::SimError;
use crate::exchange::{
    Effect, Market, Order, OrderType, PosSide, Side, Status, Trigger, TriggerKind, TriggerStatus,
};
use crate::params::Params;
use crate::state::Inner;

/// v2's spelling of what an order does: (`side`, `tradeSide`, `posSide`, `reduceOnly`). In hedge
/// mode `side` names the position (closing a long is `buy` + `close`); in one-way mode `tradeSide`
/// is `buy_single`/`sell_single` and the position side `net`.
pub(super) fn v2_sides(
    book_side: Side,
    effect: Option<Effect>,
) -> (&'static str, &'static str, &'static str, &'static str) {
    match effect {
        Some(Effect::Hedge { pos, close }) => (
            if pos == PosSide::Long { "buy" } else { "sell" },
            if close { "close" } else { "open" },
            side_name(pos),
            "NO",
        ),
        Some(Effect::Net { reduce_only }) => (
            order_side_name(book_side),
            if book_side == Side::Buy {
                "buy_single"
            } else {
                "sell_single"
            },
            "net",
            if reduce_only { "YES" } else { "NO" },
        ),
        None => (order_side_name(book_side), "", "", "NO"),
    }
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Live => "live",
        Status::PartiallyFilled => "partially_filled",
        Status::Filled => "filled",
        Status::Cancelled => "canceled",
    }
}

/// Where an order came from, as detail and history name it (the orders-history page's table):
/// `normal`/`market` for one placed directly, and for one a trigger placed, the trigger's kind
/// and the order type (`profit_market`, `pos_loss_limit`, `plan_market`, `move_market`,
/// `tracking_market`).
fn order_source(placed_by: Option<&str>, order_type: OrderType) -> String {
    let limit = order_type == OrderType::Limit;
    let Some(plan_type) = placed_by else {
        return if limit { "normal" } else { "market" }.to_owned();
    };
    let kind = match plan_type {
        "profit_plan" => "profit",
        "loss_plan" => "loss",
        "pos_profit" => "pos_profit",
        "pos_loss" => "pos_loss",
        "moving_plan" => "move",
        "track_plan" => "tracking",
        _ => "plan",
    };
    format!("{kind}_{}", if limit { "limit" } else { "market" })
}

/// An order as the v2 futures pages show it; `state_key` is `state` on detail, `status` in lists.
pub(super) fn order_json(inner: &Inner, o: &Order, state_key: &str) -> Value {
    let uid = &o.request.account;
    let quote = inner
        .venue
        .ex
        .quote_of(&o.request.instrument)
        .unwrap_or("USDT");
    let (side, trade_side, pos_side, reduce_only) = v2_sides(o.request.side, o.request.effect);
    let mut v = json!({
        "symbol": o.request.instrument.symbol,
        "size": text(o.request.size),
        "orderId": o.id.to_string(),
        "clientOid": o.request.client_oid.clone().unwrap_or_default(),
        "baseVolume": text(o.filled),
        "fee": if o.fee.is_zero() { String::new() } else { text(-o.fee) },
        "price": o.request.price.map(text).unwrap_or_default(),
        "priceAvg": o.average_price().map(|p| text(p.round_dp(8))).unwrap_or_default(),
        "side": side,
        "force": force(o.request.tif),
        "totalProfits": text(inner.venue.ex.fills(uid).filter(|f| f.order_id == o.id).map(|f| f.realized_pnl).sum()),
        "posSide": pos_side,
        "marginCoin": quote,
        "quoteVolume": text(o.filled_quote),
        "leverage": inner.venue.ex.leverage(uid, &o.request.instrument).to_string(),
        "marginMode": margin_mode(inner, uid),
        "reduceOnly": reduce_only,
        "enterPointSource": "API",
        "tradeSide": trade_side,
        "posMode": pos_mode(inner, uid),
        "orderType": order_type_name(o.request.order_type),
        "orderSource": order_source(inner.venue.placed_by(uid, o.id), o.request.order_type),
        "cTime": o.created_ms.to_string(),
        "uTime": o.updated_ms.to_string(),
        "presetStopSurplusPrice": "",
        "presetStopSurplusType": "",
        "presetStopSurplusExecutePrice": "",
        "presetStopLossPrice": "",
        "presetStopLossType": "",
        "presetStopLossExecutePrice": "",
    });
    v[state_key] = json!(status(o.status));
    v
}

/// Whether an order is a futures order of `product_type` (and `symbol`, any case).
fn futures_of(o: &Order, product_type: &str, symbol: Option<&str>) -> bool {
    matches!(&o.request.instrument.market, Market::Futures(p) if p == product_type)
        && symbol.is_none_or(|s| s.eq_ignore_ascii_case(&o.request.instrument.symbol))
}

/// `detail`: one order by `orderId` (prevailing) or `clientOid`; 40109 when unknown.
pub(super) fn detail(inner: &mut Inner, account: &Account, query: &str) -> Result<Value, SimError> {
    let p = Params::query(query, &["symbol", "productType", "orderId", "clientOid"])?;
    let symbol = p.required("symbol")?;
    let product_type = p.product_type()?;
    let ex = &inner.venue.ex;
    let order = match (p.text("orderId")?, p.text("clientOid")?) {
        (Some(id), _) => id.parse::<u64>().ok().and_then(|id| ex.order(id)),
        (None, Some(coid)) => ex.order_by_client_oid(&account.uid, &coid),
        (None, None) => return Err(SimError::missing("orderId")),
    };
    let order = order
        .filter(|o| o.request.account == account.uid && futures_of(o, &product_type, Some(&symbol)))
        .ok_or_else(|| {
            SimError::bad(
                "40109",
                "The data of the order cannot be found, please confirm the order number",
            )
        })?;
    Ok(order_json(inner, order, "state"))
}

/// `orders-pending` (live, or `status=partially_filled`) and `orders-history` (finished).
fn order_list(
    inner: &Inner,
    account: &Account,
    query: &str,
    pending: bool,
) -> Result<Value, SimError> {
    let extra = if pending { "status" } else { "orderSource" };
    let p = Params::query(
        query,
        &[
            "orderId",
            "clientOid",
            "symbol",
            "productType",
            extra,
            "idLessThan",
            "startTime",
            "endTime",
            "limit",
        ],
    )?;
    let product_type = p.product_type()?;
    let symbol = p.text("symbol")?;
    let wanted_status = if pending {
        match p.text("status")?.as_deref() {
            None | Some("live") => Status::Live,
            Some("partially_filled") => Status::PartiallyFilled,
            Some(other) => {
                return Err(SimError::invalid(format!(
                    "status `{other}` is not live or partially_filled"
                )));
            }
        }
    } else {
        Status::Filled
    };
    let (order_id, client_oid) = (p.text("orderId")?, p.text("clientOid")?);
    let paging = Paging::read(&p, 100, 90)?;
    let rows = inner
        .venue
        .ex
        .orders(&account.uid)
        .filter(|o| futures_of(o, &product_type, symbol.as_deref()))
        .filter(|o| {
            if pending {
                o.status == wanted_status
            } else {
                !o.status.is_open()
            }
        })
        .filter(|o| order_id.as_deref().is_none_or(|id| id == o.id.to_string()))
        .filter(|o| {
            order_id.is_some()
                || client_oid
                    .as_deref()
                    .is_none_or(|c| o.request.client_oid.as_deref() == Some(c))
        })
        .map(|o| (o.id, o.created_ms, order_json(inner, o, "status")))
        .collect();
    let (list, end_id) = paging.page(rows);
    Ok(json!({ "entrustedList": list, "endId": end_id }))
}

/// `orders-pending`.
pub(super) fn orders_pending(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    order_list(inner, account, query, true)
}

/// `orders-history`.
pub(super) fn orders_history(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    order_list(inner, account, query, false)
}

/// `fills` and `fill-history`: the account's fills, newest first, paged by trade id.
fn fill_list(
    inner: &Inner,
    account: &Account,
    query: &str,
    max_days: i64,
) -> Result<Value, SimError> {
    let p = Params::query(
        query,
        &[
            "orderId",
            "symbol",
            "productType",
            "idLessThan",
            "startTime",
            "endTime",
            "limit",
        ],
    )?;
    let product_type = p.product_type()?;
    let symbol = p.text("symbol")?;
    let order_id = p.text("orderId")?;
    let paging = Paging::read(&p, 100, max_days)?;
    let ex = &inner.venue.ex;
    let rows = ex
        .fills(&account.uid)
        .filter(|f| matches!(&f.instrument.market, Market::Futures(pt) if *pt == product_type))
        .filter(|f| {
            symbol
                .as_deref()
                .is_none_or(|s| s.eq_ignore_ascii_case(&f.instrument.symbol))
        })
        .filter(|f| {
            order_id
                .as_deref()
                .is_none_or(|id| id == f.order_id.to_string())
        })
        .map(|f| {
            let effect = ex.order(f.order_id).and_then(|o| o.request.effect);
            let (side, trade_side, _, _) = v2_sides(f.side, effect);
            let row = json!({
                "tradeId": f.trade_id.to_string(),
                "symbol": f.instrument.symbol,
                "orderId": f.order_id.to_string(),
                "price": text(f.price),
                "baseVolume": text(f.size),
                "feeDetail": [{
                    "deduction": "no",
                    "feeCoin": f.fee_coin,
                    "totalDeductionFee": "0",
                    "totalFee": text(-f.fee),
                }],
                "side": side,
                "quoteVolume": text(f.price * f.size),
                "profit": text(f.realized_pnl),
                "enterPointSource": "API",
                "tradeSide": trade_side,
                "posMode": pos_mode(inner, &account.uid),
                "tradeScope": if f.maker { "maker" } else { "taker" },
                "cTime": f.time_ms.to_string(),
            });
            (f.trade_id, f.time_ms, row)
        })
        .collect();
    let (list, end_id) = paging.page(rows);
    Ok(json!({ "fillList": list, "endId": end_id }))
}

/// `fills` (span at most 3 months).
pub(super) fn fills(inner: &mut Inner, account: &Account, query: &str) -> Result<Value, SimError> {
    fill_list(inner, account, query, 90)
}

/// `fill-history` (span at most a week in the newer revision).
pub(super) fn fill_history(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    fill_list(inner, account, query, 7)
}

/// A trigger order as the plan lists show it.
fn plan_json(inner: &Inner, t: &Trigger, label: (&str, &str)) -> Value {
    let (client_oid, plan_type) = label;
    let o = &t.order;
    let (side, trade_side, pos_side, _) = v2_sides(o.side, o.effect);
    let (plan_status, execute_order_id) = match &t.status {
        TriggerStatus::Live => ("live", String::new()),
        TriggerStatus::Triggered(id) => ("executed", id.to_string()),
        TriggerStatus::Failed(_) => ("fail_trigger", String::new()),
        TriggerStatus::Cancelled => ("cancelled", String::new()),
    };
    json!({
        "planType": plan_type,
        "symbol": t.instrument.symbol,
        "size": if o.size.is_zero() { String::new() } else { text(o.size) },
        "orderId": t.id.to_string(),
        "executeOrderId": execute_order_id,
        "clientOid": client_oid,
        "price": o.price.map(text).unwrap_or_default(),
        "executePrice": o.price.map(text).unwrap_or_default(),
        // A trailing stop's callback, in percent as it was given.
        "callbackRatio": t.trail.as_ref().map(|tr| text(tr.rate * rust_decimal::Decimal::ONE_HUNDRED)).unwrap_or_default(),
        "triggerPrice": text(t.trigger_price),
        "triggerType": match t.price_kind { crate::exchange::PriceKind::Mark => "mark_price", crate::exchange::PriceKind::Last => "fill_price" },
        "planStatus": plan_status,
        "side": side,
        "posSide": pos_side,
        "marginCoin": inner.venue.ex.quote_of(&t.instrument).unwrap_or("USDT"),
        "marginMode": margin_mode(inner, &o.account),
        "enterPointSource": "API",
        "tradeSide": trade_side,
        "posMode": pos_mode(inner, &o.account),
        "orderType": order_type_name(o.order_type),
        "orderSource": "normal",
        "cTime": t.created_ms.to_string(),
        "uTime": t.updated_ms.to_string(),
        "stopSurplusExecutePrice": "",
        "stopSurplusTriggerPrice": "",
        "stopSurplusTriggerType": "",
        "stopLossExecutePrice": "",
        "stopLossTriggerPrice": "",
        "stopLossTriggerType": "",
    })
}

/// Whether a trigger of `kind` with Bitget plan type `plan_type` is in the list `filter` names
/// (`normal_plan`, `track_plan`, or `profit_loss` for every TP/SL kind).
fn in_filter(kind: TriggerKind, plan_type: &str, filter: &str) -> bool {
    match filter {
        "profit_loss" => kind != TriggerKind::Plan,
        other => kind == TriggerKind::Plan && plan_type == other,
    }
}

fn plan_list(
    inner: &Inner,
    account: &Account,
    query: &str,
    pending: bool,
) -> Result<Value, SimError> {
    let mut allowed = vec![
        "orderId",
        "clientOid",
        "symbol",
        "planType",
        "productType",
        "idLessThan",
        "startTime",
        "endTime",
        "limit",
    ];
    if !pending {
        allowed.push("planStatus");
    }
    let p = Params::query(query, &allowed)?;
    let filter = p.required("planType")?;
    if !["normal_plan", "track_plan", "profit_loss"].contains(&filter.as_str()) {
        return Err(SimError::invalid(format!(
            "planType `{filter}` is not normal_plan, track_plan or profit_loss"
        )));
    }
    let product_type = p.product_type()?;
    let symbol = p.text("symbol")?;
    let plan_status = p.text("planStatus")?;
    let paging = Paging::read(&p, 100, 90)?;
    let rows = inner
        .venue
        .ex
        .triggers(&account.uid)
        .filter(|t| matches!(&t.instrument.market, Market::Futures(pt) if *pt == product_type))
        .filter(|t| {
            symbol
                .as_deref()
                .is_none_or(|s| s.eq_ignore_ascii_case(&t.instrument.symbol))
        })
        .filter(|t| (t.status == TriggerStatus::Live) == pending)
        .filter_map(|t| {
            let label = inner.venue.plan_label(t.id)?;
            in_filter(t.kind, label.1, &filter)
                .then(|| (t.id, t.created_ms, plan_json(inner, t, label)))
        })
        .filter(|(_, _, row)| {
            plan_status
                .as_deref()
                .is_none_or(|s| row["planStatus"] == s)
        })
        .collect();
    let (list, end_id) = paging.page(rows);
    Ok(json!({ "entrustedList": list, "endId": end_id }))
}

/// `orders-plan-pending`.
pub(super) fn orders_plan_pending(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    plan_list(inner, account, query, true)
}

/// `orders-plan-history`.
pub(super) fn orders_plan_history(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    plan_list(inner, account, query, false)
}

/// `plan-sub-order`: the order a fired trigger placed.
pub(super) fn plan_sub_order(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    let p = Params::query(query, &["planType", "planOrderId", "productType"])?;
    p.required("planType")?;
    p.product_type()?;
    // An id that is not a number names no order (the doc's own example sends `xxx...`).
    let id = p.required("planOrderId")?.parse::<u64>().ok();
    let t = id
        .and_then(|id| inner.venue.ex.trigger(id))
        .filter(|t| t.order.account == account.uid)
        .ok_or_else(|| SimError::bad("40109", "The data of the order cannot be found"))?;
    Ok(match &t.status {
        TriggerStatus::Triggered(oid) => {
            let o = inner.venue.ex.order(*oid);
            json!([{
                "orderId": oid.to_string(),
                "price": o.and_then(|o| o.average_price()).map(text).unwrap_or_default(),
                "type": order_type_name(t.order.order_type),
                "status": "success",
            }])
        }
        TriggerStatus::Failed(_) => {
            json!([{ "orderId": "", "price": "", "type": "market", "status": "fail" }])
        }
        _ => json!([]),
    })
}
