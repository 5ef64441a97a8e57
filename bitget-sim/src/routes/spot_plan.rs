//! `/api/v2/spot/trade/...-plan-order`, written from the spot/plan pages: trigger orders that
//! place a spot order when the last (or mark) price reaches their trigger, served from the
//! exchange core's triggers.
//!
//! `size` counts the base coin (`planType=amount`, the default) or the quote coin (`total`);
//! the core counts a market buy in the quote coin and every other order in the base coin, so a
//! size is converted at placement: at the limit price for a limit order, at the trigger price
//! for a market one (the price it fires near; Bitget converts at the fill).

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::names::text;
use super::paging::Paging;
use super::spot::side;
use super::{decimal, force, order_type};
use crate::account::Account;
use crate::envelope::SimError;
use crate::exchange::{NewOrder, OrderType, PriceKind, Side, Trigger, TriggerStatus};
use crate::orders::Market;
use crate::params::Params;
use crate::state::Inner;

/// `planType`: `amount` (base coin, the default) or `total` (quote coin).
fn plan_type(p: &Params) -> Result<String, SimError> {
    match p.text("planType")?.as_deref() {
        None | Some("amount") => Ok("amount".to_owned()),
        Some("total") => Ok("total".to_owned()),
        Some(other) => Err(SimError::invalid(format!(
            "planType `{other}` is not amount or total"
        ))),
    }
}

/// `triggerType`: `fill_price` or `mark_price` (the doc's own example sends `market_price`,
/// which its table does not list: refused).
fn watches_mark(p: &Params) -> Result<bool, SimError> {
    match p.required("triggerType")?.as_str() {
        "fill_price" => Ok(false),
        "mark_price" => Ok(true),
        other => Err(SimError::invalid(format!(
            "triggerType `{other}` is not fill_price or mark_price"
        ))),
    }
}

/// The core's size of a spot order of `size` in `unit`: a market buy's is the quote amount,
/// every other order's the base amount (rounded down to the pair's step).
fn core_size(
    order_type: OrderType,
    side: Side,
    unit: &str,
    size: Decimal,
    price: Decimal,
    step: Decimal,
) -> Result<Decimal, SimError> {
    if size <= Decimal::ZERO {
        return Err(SimError::bad("40020", "size must be greater than 0"));
    }
    let quote_in = unit == "total";
    let market_buy = order_type == OrderType::Market && side == Side::Buy;
    Ok(match (market_buy, quote_in) {
        (true, true) | (false, false) => size,
        (true, false) => size * price,
        (false, true) if price > Decimal::ZERO && step > Decimal::ZERO => {
            (size / price / step).floor() * step
        }
        (false, true) => size / price,
    })
}

/// The order a spot plan fires: its type, its price (limit) and its size in the core's units.
struct Firing {
    order_type: OrderType,
    price: Option<Decimal>,
    size: Decimal,
}

fn firing(
    inner: &Inner,
    p: &Params,
    side: Side,
    unit: &str,
    trigger: Decimal,
    instrument: &crate::exchange::InstrumentId,
) -> Result<Firing, SimError> {
    let order_type = order_type(p)?;
    let price = decimal(p, "executePrice", order_type == OrderType::Limit)?;
    let size = decimal(p, "size", true)?.unwrap_or_default();
    let step = inner
        .venue
        .ex
        .instrument(instrument)
        .map_or(Decimal::ZERO, |i| i.step);
    let at = price.unwrap_or(trigger);
    let core = core_size(order_type, side, unit, size, at, step)?;
    Ok(Firing {
        order_type,
        price: price.filter(|_| order_type == OrderType::Limit),
        size: core,
    })
}

/// `place-plan-order`.
pub(super) fn place_plan_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &[
            "symbol",
            "side",
            "triggerPrice",
            "orderType",
            "executePrice",
            "planType",
            "size",
            "triggerType",
            "clientOid",
            "force",
            "stpMode",
        ],
    )?;
    let symbol = p.required("symbol")?;
    let side = side(&p.required("side")?)?;
    let trigger = decimal(&p, "triggerPrice", true)?.unwrap_or_default();
    let mark = watches_mark(&p)?;
    let unit = plan_type(&p)?;
    let shown = decimal(&p, "size", true)?.unwrap_or_default();
    let tif = force(&p)?;
    let instrument = inner.venue.instrument(&Market::Spot, &symbol)?;
    let fire = firing(inner, &p, side, &unit, trigger, &instrument)?;
    let client_oid = inner.venue.client_oid(&account.uid, p.text("clientOid")?)?;
    let mut order = match fire.price {
        Some(price) => NewOrder::limit(&account.uid, instrument, side, price, fire.size).tif(tif),
        None => NewOrder::market(&account.uid, instrument, side, fire.size),
    };
    order.client_oid = Some(client_oid);
    let placed = inner
        .venue
        .place_spot_plan(trigger, mark, order, &unit, shown)?;
    Ok(json!({ "orderId": placed.order_id, "clientOid": placed.client_oid }))
}

/// The live spot plan order of the account an `orderId` or `clientOid` names.
fn live_spot_plan(inner: &Inner, account: &Account, p: &Params) -> Result<u64, SimError> {
    let (oid, coid) = (p.text("orderId")?, p.text("clientOid")?);
    if oid.is_none() && coid.is_none() {
        return Err(SimError::missing("orderId"));
    }
    inner
        .venue
        .live_trigger(&account.uid, oid.as_deref(), coid.as_deref())
        .filter(|id| inner.venue.spot_plan_size(*id).is_some())
        .ok_or_else(|| SimError::bad("43001", "The order does not exist"))
}

/// `modify-plan-order`: the trigger, the order type and price, the size (in the unit the order
/// was placed with); the side, pair and price watched stay.
pub(super) fn modify_plan_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &[
            "orderId",
            "clientOid",
            "triggerPrice",
            "orderType",
            "executePrice",
            "size",
        ],
    )?;
    let id = live_spot_plan(inner, account, &p)?;
    let trigger = decimal(&p, "triggerPrice", true)?.unwrap_or_default();
    let shown = decimal(&p, "size", true)?.unwrap_or_default();
    let t = inner
        .venue
        .ex
        .trigger(id)
        .cloned()
        .ok_or_else(|| SimError::bad("43001", "The order does not exist"))?;
    let unit = inner
        .venue
        .plan_label(id)
        .map_or("amount".to_owned(), |(_, unit)| unit.to_owned());
    let fire = firing(inner, &p, t.order.side, &unit, trigger, &t.instrument)?;
    let order = NewOrder {
        order_type: fire.order_type,
        price: fire.price,
        size: fire.size,
        ..t.order.clone()
    };
    inner
        .venue
        .ex
        .modify_trigger(&account.uid, id, trigger, t.price_kind, order)
        .map_err(|r| crate::venue::refusal(&r, false))?;
    inner.venue.set_spot_plan_size(id, shown);
    let coid = inner.venue.plan_label(id).map(|(c, _)| c.to_owned());
    Ok(json!({ "orderId": id.to_string(), "clientOid": coid }))
}

/// `cancel-plan-order`: answers `{result: "success"}`, as the page shows.
pub(super) fn cancel_plan_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, &["orderId", "clientOid"])?;
    let id = live_spot_plan(inner, account, &p)?;
    inner
        .venue
        .ex
        .cancel_trigger(&account.uid, id)
        .ok_or_else(|| SimError::bad("43001", "The order does not exist"))?;
    Ok(json!({ "result": "success" }))
}

/// `batch-cancel-plan-order`: the live spot plan orders of the pairs listed, or of every pair
/// when `symbolList` is empty or absent (the page's rule).
pub(super) fn batch_cancel_plan_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, &["symbolList"])?;
    let symbols: Vec<String> = match p.list("symbolList")? {
        None => Vec::new(),
        Some(list) => list
            .iter()
            .map(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| SimError::invalid("symbolList holds pair names"))
            })
            .collect::<Result<_, _>>()?,
    };
    let targets: Vec<(u64, String)> = spot_plans(inner, account)
        .into_iter()
        .filter(|t| t.status == TriggerStatus::Live)
        .filter(|t| {
            symbols.is_empty()
                || symbols
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(&t.instrument.symbol))
        })
        .map(|t| {
            let coid = inner
                .venue
                .plan_label(t.id)
                .map(|(c, _)| c.to_owned())
                .unwrap_or_default();
            (t.id, coid)
        })
        .collect();
    let mut ok = Vec::new();
    for (id, coid) in targets {
        if inner.venue.ex.cancel_trigger(&account.uid, id).is_some() {
            ok.push(json!({ "orderId": id.to_string(), "clientOid": coid }));
        }
    }
    Ok(json!({ "successList": ok, "failureList": [] }))
}

/// The account's spot plan orders, oldest first.
fn spot_plans(inner: &Inner, account: &Account) -> Vec<Trigger> {
    inner
        .venue
        .ex
        .triggers(&account.uid)
        .filter(|t| inner.venue.spot_plan_size(t.id).is_some())
        .cloned()
        .collect()
}

/// A spot plan order as the lists write it.
fn plan_json(inner: &Inner, t: &Trigger) -> Value {
    let (coid, unit) = inner.venue.plan_label(t.id).unwrap_or(("", "amount"));
    let status = match t.status {
        TriggerStatus::Live => "live",
        TriggerStatus::Triggered(_) => "executed",
        TriggerStatus::Failed(_) => "fail_execute",
        TriggerStatus::Cancelled => "cancelled",
    };
    json!({
        "orderId": t.id.to_string(),
        "clientOid": coid,
        "symbol": t.instrument.symbol,
        "size": text(inner.venue.spot_plan_size(t.id).unwrap_or(t.order.size)),
        "executePrice": t.order.price.map(text).unwrap_or_default(),
        "triggerPrice": text(t.trigger_price),
        "status": status,
        "orderType": match t.order.order_type { OrderType::Limit => "limit", OrderType::Market => "market" },
        "side": match t.order.side { Side::Buy => "buy", Side::Sell => "sell" },
        "planType": unit,
        "triggerType": match t.price_kind { PriceKind::Mark => "mark_price", PriceKind::Last => "fill_price" },
        "enterPointSource": "API",
        "uTime": t.updated_ms.to_string(),
        "cTime": t.created_ms.to_string(),
    })
}

/// A page of spot plan orders (`live` or finished), newest first: `{nextFlag, idLessThan,
/// orderList}`, `idLessThan` the last order's id.
fn plan_page(
    inner: &Inner,
    account: &Account,
    query: &str,
    live: bool,
    default_limit: usize,
) -> Result<Value, SimError> {
    let p = Params::query(
        query,
        &["symbol", "limit", "idLessThan", "startTime", "endTime"],
    )?;
    let symbol = p.text("symbol")?;
    let paging = Paging::read(&p, default_limit, 90)?;
    let rows: Vec<(u64, i64, Value)> = spot_plans(inner, account)
        .iter()
        .filter(|t| (t.status == TriggerStatus::Live) == live)
        .filter(|t| {
            symbol
                .as_deref()
                .is_none_or(|s| s.eq_ignore_ascii_case(&t.instrument.symbol))
        })
        .map(|t| (t.id, t.created_ms, plan_json(inner, t)))
        .collect();
    let ids: Vec<u64> = rows.iter().map(|r| r.0).collect();
    let (list, end_id) = paging.page(rows);
    let last = end_id.as_str().and_then(|id| id.parse::<u64>().ok());
    let more = last.is_some_and(|last| ids.iter().any(|id| *id < last));
    Ok(json!({
        "nextFlag": more,
        "idLessThan": end_id,
        "orderList": list,
    }))
}

/// `current-plan-order`: the waiting orders, `limit` 20 when absent.
pub(super) fn current_plan_order(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    plan_page(inner, account, query, true, 20)
}

/// `history-plan-order`: the finished orders (executed, failed, cancelled), `limit` 100 when
/// absent. `symbol`, `startTime` and `endTime` are taken as the newest revision has them
/// (optional); the older revisions' required reading is the client's to keep.
pub(super) fn history_plan_order(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    plan_page(inner, account, query, false, 100)
}

/// `plan-sub-order`: the spot order a fired plan placed (a bare list; empty while it waits).
pub(super) fn plan_sub_order(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    let p = Params::query(query, &["planOrderId"])?;
    let id = p.required("planOrderId")?.parse::<u64>().ok();
    let t = spot_plans(inner, account)
        .into_iter()
        .find(|t| Some(t.id) == id)
        .ok_or_else(|| SimError::bad("43001", "The order does not exist"))?;
    let kind = match t.order.order_type {
        OrderType::Limit => "limit",
        OrderType::Market => "market",
    };
    let row = match &t.status {
        TriggerStatus::Triggered(order_id) => {
            let price = inner
                .venue
                .ex
                .order(*order_id)
                .and_then(|o| o.request.price.or_else(|| o.average_price()));
            Some(json!({
                "orderId": order_id.to_string(),
                "price": price.map(text).unwrap_or_default(),
                "type": kind,
                "status": "success",
            }))
        }
        TriggerStatus::Failed(_) => Some(json!({
            "orderId": "",
            "price": t.order.price.map(text).unwrap_or_default(),
            "type": kind,
            "status": "fail",
        })),
        TriggerStatus::Live | TriggerStatus::Cancelled => None,
    };
    Ok(Value::Array(row.into_iter().collect()))
}
