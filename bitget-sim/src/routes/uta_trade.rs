//! v3 orders and strategy orders (`/api/v3/trade/...`) on the same exchange as v2, in the
//! shapes of the doc pages (uta/trade/Place-Order, Place-Batch, Modify-Order,
//! Batch-Modify-Orders, Cancel-Order, Cancel-Batch, Cancel-All-Order, Close-All-Positions,
//! CountDown-Cancel-All, Get-Order-Details, Get-Order-Pending, Get-Order-History,
//! Get-Order-Fills; uta/strategy/*). v3's conventions: `qty`, `timeInForce`, `side` is the
//! trade's and, in hedge mode, `posSide` names the position (closing a long sells).

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::decimal;
use super::mix_trade::{Preset, closing_order, place_with_presets, tpsl_order};
use super::names::{FUTURES, force, order_side_name, order_type_name, pos_mode, text};
use super::paging::Paging;
use super::uta_market::{ALL, category, category_of, market_of};
use crate::account::Account;
use crate::envelope::SimError;
use crate::exchange::{
    Effect, Market as CoreMarket, NewOrder, Order, OrderType, PosSide, PositionMode, PriceKind,
    Side, Status, TimeInForce, TriggerKind, TriggerStatus,
};
use crate::params::Params;
use crate::state::Inner;
use crate::venue::refusal;

/// v3's code for an order that does not exist.
const NO_ORDER: (&str, &str) = ("25204", "Order does not exist");

fn side_of(p: &Params) -> Result<Side, SimError> {
    match p.required("side")?.to_ascii_lowercase().as_str() {
        "buy" => Ok(Side::Buy),
        "sell" => Ok(Side::Sell),
        other => Err(SimError::invalid(format!(
            "side `{other}` is not buy or sell"
        ))),
    }
}

fn mismatch(msg: &str) -> SimError {
    SimError::bad("40774", msg)
}

/// What a v3 order does to positions: in hedge mode `posSide` names the position and the trade's
/// side says open (buy a long, sell a short) or close (sell a long, buy a short); in one-way
/// mode it nets, `reduceOnly=yes` only reducing. Spot orders have no effect (`posSide` is
/// ignored there, as the doc's own spot example sends one).
fn effect(
    inner: &Inner,
    uid: &str,
    p: &Params,
    side: Side,
    futures: bool,
) -> Result<Option<Effect>, SimError> {
    if !futures {
        return Ok(None);
    }
    let pos = p
        .text("posSide")?
        .map(|s| super::names::pos_side(&s, "posSide"))
        .transpose()?;
    match inner.venue.ex.position_mode(uid) {
        PositionMode::OneWay => {
            if pos.is_some() {
                return Err(mismatch(
                    "posSide is for hedge mode: this account is in one-way mode",
                ));
            }
            let reduce_only = p
                .text("reduceOnly")?
                .is_some_and(|r| r.eq_ignore_ascii_case("yes"));
            Ok(Some(Effect::Net { reduce_only }))
        }
        PositionMode::Hedge => {
            let pos = pos.ok_or_else(|| mismatch("posSide is required in hedge mode"))?;
            let close = matches!(
                (pos, side),
                (PosSide::Long, Side::Sell) | (PosSide::Short, Side::Buy)
            );
            Ok(Some(Effect::Hedge { pos, close }))
        }
    }
}

/// A v3 client id: 1 to 32 of the characters both doc patterns take.
fn client_oid(inner: &mut Inner, uid: &str, p: &Params) -> Result<String, SimError> {
    if let Some(c) = p.text("clientOid")? {
        let fits =
            |ch: char| ch.is_ascii_alphanumeric() || matches!(ch, '_' | ':' | '-' | '.' | '/');
        if c.chars().count() > 32 || !c.chars().all(fits) {
            return Err(SimError::invalid(
                "clientOid must match ^[\\.A-Z\\:/a-z0-9_-]{1,32}$",
            ));
        }
    }
    inner.venue.client_oid(uid, p.text("clientOid")?)
}

fn time_in_force(p: &Params) -> Result<TimeInForce, SimError> {
    Ok(
        match p
            .text("timeInForce")?
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            None | Some("gtc") => TimeInForce::Gtc,
            Some("ioc") => TimeInForce::Ioc,
            Some("fok") => TimeInForce::Fok,
            Some("post_only") => TimeInForce::PostOnly,
            Some("rpi") => {
                return Err(SimError::bad(
                    "40014",
                    "Incorrect permissions: rpi needs RPI market-maker permission",
                ));
            }
            Some(other) => {
                return Err(SimError::invalid(format!(
                    "timeInForce `{other}` is not gtc, ioc, fok, post_only or rpi"
                )));
            }
        },
    )
}

fn order_type(p: &Params) -> Result<OrderType, SimError> {
    match p.required("orderType")?.to_ascii_lowercase().as_str() {
        "limit" => Ok(OrderType::Limit),
        "market" => Ok(OrderType::Market),
        other => Err(SimError::invalid(format!(
            "orderType `{other}` is not limit or market"
        ))),
    }
}

/// The order a v3 place-order (or batch item) asks for.
fn new_order(inner: &mut Inner, account: &Account, p: &Params) -> Result<NewOrder, SimError> {
    let category = category(p, &ALL)?;
    if category == "MARGIN" {
        return Err(SimError::bad(
            "40017",
            "MARGIN orders are not simulated (SPOT and futures are)",
        ));
    }
    let symbol = p.required("symbol")?;
    let side = side_of(p)?;
    let order_type = order_type(p)?;
    let qty = decimal(p, "qty", true)?.unwrap_or_default();
    let price = decimal(p, "price", order_type == OrderType::Limit)?;
    let tif = time_in_force(p)?;
    let futures = FUTURES.contains(&category.as_str());
    let effect = effect(inner, &account.uid, p, side, futures)?;
    let instrument = inner.venue.instrument(&market_of(&category), &symbol)?;
    let coid = client_oid(inner, &account.uid, p)?;
    Ok(NewOrder {
        account: account.uid.clone(),
        instrument,
        side,
        order_type,
        price: if order_type == OrderType::Limit {
            price
        } else {
            None
        },
        size: qty,
        tif: if order_type == OrderType::Market {
            TimeInForce::Ioc
        } else {
            tif
        },
        client_oid: Some(coid),
        effect,
    })
}

const PLACE_KEYS: &[&str] = &[
    "category",
    "symbol",
    "qty",
    "price",
    "side",
    "orderType",
    "timeInForce",
    "posSide",
    "clientOid",
    "reduceOnly",
    "stpMode",
    "tpTriggerBy",
    "slTriggerBy",
    "takeProfit",
    "stopLoss",
    "tpOrderType",
    "slOrderType",
    "tpLimitPrice",
    "slLimitPrice",
    "marginMode",
];

fn ack(o: &crate::orders::Order) -> Value {
    json!({ "orderId": o.order_id, "clientOid": o.client_oid })
}

fn item_failure(client_oid: Option<String>, e: &SimError) -> Value {
    json!({ "orderId": "", "clientOid": client_oid.unwrap_or_default(), "code": e.code, "msg": e.msg })
}

/// `place-order`; a preset take profit or stop loss becomes the position's TP/SL.
pub(super) fn place_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, PLACE_KEYS)?;
    let order = new_order(inner, account, &p)?;
    let presets = [
        (
            TriggerKind::TakeProfit,
            "takeProfit",
            "tpTriggerBy",
            "tpLimitPrice",
        ),
        (
            TriggerKind::StopLoss,
            "stopLoss",
            "slTriggerBy",
            "slLimitPrice",
        ),
    ];
    let mut legs = Vec::new();
    for (kind, price_key, by_key, limit_key) in presets {
        if let Some(trigger) = decimal(&p, price_key, false)? {
            if order.effect.is_none() {
                return Err(SimError::invalid(
                    "takeProfit and stopLoss are for futures orders",
                ));
            }
            // The limit price counts only for a limit leg (ignored for market, as the page says).
            let type_key = if kind == TriggerKind::TakeProfit {
                "tpOrderType"
            } else {
                "slOrderType"
            };
            legs.push(Preset {
                kind,
                plan_type: "tpsl",
                trigger,
                mark: by_mark(&p, by_key)?,
                limit: limit_price(&p, type_key, limit_key)?,
            });
        }
    }
    // The presets become the position's TP/SL: one strategy order with a leg each, listed with
    // the strategy orders.
    let (placed, ids) = place_with_presets(inner, order, legs)?;
    if let Some(first) = ids.first().copied() {
        inner.venue.strategy_legs.insert(first, ids);
    }
    Ok(ack(&placed))
}

/// One category across a batch.
fn one_category(items: &[Params]) -> Result<(), SimError> {
    let categories: Vec<Option<String>> = items
        .iter()
        .map(|p| p.text("category").ok().flatten().map(|c| c.to_uppercase()))
        .collect();
    if categories.windows(2).any(|w| w[0] != w[1]) {
        return Err(SimError::invalid(
            "every item of a batch has the same category",
        ));
    }
    Ok(())
}

/// `place-batch`: up to 20 orders of one category, each answered alone.
pub(super) fn place_batch(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    // A batch item takes no reduceOnly (the page's table has none).
    const BATCH_KEYS: &[&str] = &[
        "category",
        "symbol",
        "qty",
        "price",
        "side",
        "orderType",
        "timeInForce",
        "posSide",
        "clientOid",
        "stpMode",
    ];
    let items = Params::parse_array(body, BATCH_KEYS, 20)?;
    one_category(&items)?;
    let mut out = Vec::new();
    for p in &items {
        let coid = p.text("clientOid").ok().flatten();
        match new_order(inner, account, p).and_then(|o| inner.venue.place(o)) {
            Ok(o) => out.push(ack(&o)),
            Err(e) => out.push(item_failure(coid, &e)),
        }
    }
    Ok(Value::Array(out))
}

/// The live order of `uid` an `orderId` (prevailing) or `clientOid` names.
fn live_order(inner: &Inner, uid: &str, p: &Params) -> Result<Option<u64>, SimError> {
    let ex = &inner.venue.ex;
    let order = match (p.text("orderId")?, p.text("clientOid")?) {
        (Some(id), _) => id.parse::<u64>().ok().and_then(|id| ex.order(id)),
        (None, Some(coid)) => ex.order_by_client_oid(uid, &coid),
        (None, None) => return Err(SimError::missing("orderId")),
    };
    Ok(order
        .filter(|o| o.request.account == uid && o.status.is_open())
        .map(|o| o.id))
}

const MODIFY_KEYS: &[&str] = &[
    "orderId",
    "clientOid",
    "qty",
    "price",
    "autoCancel",
    "symbol",
    "category",
];

/// One modify: the order replaced at the new size and price under the same client id (its
/// new id answered); with `autoCancel=yes` a refused change cancels the order.
fn modify_one(inner: &mut Inner, uid: &str, p: &Params) -> Result<Value, SimError> {
    let id = live_order(inner, uid, p)?.ok_or_else(|| SimError::bad(NO_ORDER.0, NO_ORDER.1))?;
    let (qty, price) = (decimal(p, "qty", false)?, decimal(p, "price", false)?);
    if qty.is_none() && price.is_none() {
        return Err(SimError::missing("qty"));
    }
    let old = inner
        .venue
        .ex
        .order(id)
        .cloned()
        .ok_or_else(|| SimError::bad(NO_ORDER.0, NO_ORDER.1))?;
    if old.request.order_type != OrderType::Limit {
        return Err(SimError::bad("40923", "Only limit orders can be modified"));
    }
    let auto_cancel = p
        .text("autoCancel")?
        .is_some_and(|a| a.eq_ignore_ascii_case("yes"));
    let size = qty.unwrap_or(old.request.size);
    match inner.venue.ex.replace(uid, id, price, size) {
        Some(Ok(new_id)) => Ok(
            json!({ "orderId": new_id.to_string(), "clientOid": old.request.client_oid.unwrap_or_default() }),
        ),
        Some(Err(r)) => {
            // The order stands (or was put back, under its client id); autoCancel=yes takes it
            // out as the page says.
            if auto_cancel {
                let live = match &old.request.client_oid {
                    Some(coid) => inner
                        .venue
                        .ex
                        .order_by_client_oid(uid, coid)
                        .filter(|o| o.status.is_open())
                        .map(|o| o.id),
                    None => Some(id),
                };
                if let Some(live) = live {
                    inner.venue.ex.cancel(uid, live);
                }
            }
            Err(refusal(&r, old.request.effect.is_some()))
        }
        None => Err(SimError::bad(NO_ORDER.0, NO_ORDER.1)),
    }
}

/// `modify-order`.
pub(super) fn modify_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, MODIFY_KEYS)?;
    modify_one(inner, &account.uid, &p)
}

/// `batch-modify-order`: each change answered alone.
pub(super) fn batch_modify_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let items = Params::parse_array(body, MODIFY_KEYS, 20)?;
    Ok(Value::Array(
        items
            .iter()
            .map(|p| {
                modify_one(inner, &account.uid, p).unwrap_or_else(|e| {
                    let mut v = item_failure(p.text("clientOid").ok().flatten(), &e);
                    v["orderId"] = json!(p.text("orderId").ok().flatten().unwrap_or_default());
                    v
                })
            })
            .collect(),
    ))
}

fn cancel_one(inner: &mut Inner, uid: &str, p: &Params) -> Result<Value, SimError> {
    let id = live_order(inner, uid, p)?.ok_or_else(|| SimError::bad(NO_ORDER.0, NO_ORDER.1))?;
    let o = inner
        .venue
        .ex
        .cancel(uid, id)
        .ok_or_else(|| SimError::bad(NO_ORDER.0, NO_ORDER.1))?;
    Ok(
        json!({ "orderId": o.id.to_string(), "clientOid": o.request.client_oid.unwrap_or_default() }),
    )
}

/// `cancel-order`.
pub(super) fn cancel_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, &["orderId", "clientOid", "category"])?;
    if p.text("category")?.is_some() {
        category(&p, &ALL)?;
    }
    cancel_one(inner, &account.uid, &p)
}

/// `cancel-batch`: up to 20 orders of one category, each answered alone.
pub(super) fn cancel_batch(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let items = Params::parse_array(body, &["orderId", "clientOid", "category", "symbol"], 20)?;
    one_category(&items)?;
    let mut out = Vec::new();
    for p in &items {
        let result = category(p, &ALL)
            .and_then(|_| p.required("symbol"))
            .and_then(|_| cancel_one(inner, &account.uid, p));
        out.push(result.unwrap_or_else(|e| {
            let mut v = item_failure(p.text("clientOid").ok().flatten(), &e);
            v["orderId"] = json!(p.text("orderId").ok().flatten().unwrap_or_default());
            v
        }));
    }
    Ok(Value::Array(out))
}

/// Whether an order is of `category` (and `symbol`). MARGIN orders are not simulated, so
/// `MARGIN` names none (never the spot orders).
fn of_category(o: &Order, category: &str, symbol: Option<&str>) -> bool {
    category_of(&o.request.instrument) == category
        && symbol.is_none_or(|s| s.eq_ignore_ascii_case(&o.request.instrument.symbol))
}

/// `cancel-symbol-order`: every open order of the symbol, or (without one) of the category.
pub(super) fn cancel_symbol_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, &["category", "symbol"])?;
    let category = category(&p, &ALL)?;
    let symbol = p.text("symbol")?;
    let ids: Vec<u64> = inner
        .venue
        .ex
        .open_orders(&account.uid)
        .filter(|o| of_category(o, &category, symbol.as_deref()))
        .map(|o| o.id)
        .collect();
    let list: Vec<Value> = ids
        .into_iter()
        .filter_map(|id| inner.venue.ex.cancel(&account.uid, id))
        .map(|o| json!({ "orderId": o.id.to_string(), "clientOid": o.request.client_oid.unwrap_or_default() }))
        .collect();
    Ok(json!({ "list": list }))
}

/// `close-positions`: every position of the category (or symbol, or one `posSide`) at market.
pub(super) fn close_positions(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, &["category", "symbol", "posSide"])?;
    let category = category(&p, &FUTURES)?;
    let symbol = p.text("symbol")?;
    let only = p
        .text("posSide")?
        .map(|s| super::names::pos_side(&s, "posSide"))
        .transpose()?;
    let uid = account.uid.clone();
    let mode = inner.venue.ex.position_mode(&uid);
    let targets: Vec<_> = inner
        .venue
        .ex
        .positions(&uid)
        .into_iter()
        .filter(|p| p.instrument.market == CoreMarket::Futures(category.clone()))
        .filter(|p| {
            symbol
                .as_deref()
                .is_none_or(|s| s.eq_ignore_ascii_case(&p.instrument.symbol))
        })
        .filter(|p| only.is_none_or(|s| s == p.side))
        .map(|p| (p.instrument.clone(), p.side, p.size))
        .collect();
    let mut list = Vec::new();
    for (instrument, side, size) in targets {
        let coid = inner.venue.client_oid(&uid, None)?;
        let order = closing_order(&uid, instrument, mode, side, size).client_oid(&coid);
        list.push(match inner.venue.place(order) {
            Ok(o) => ack(&o),
            Err(e) => item_failure(Some(coid), &e),
        });
    }
    Ok(json!({ "list": list }))
}

/// `countdown-cancel-all`: 0 turns the switch off; 5 to 60 seconds arm it (every open order and
/// trigger of the account is cancelled when it runs out before the next call re-arms it).
pub(super) fn countdown_cancel_all(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, &["countdown"])?;
    let seconds = p
        .required("countdown")?
        .parse::<i64>()
        .map_err(|_| SimError::invalid("countdown must be whole seconds"))?;
    match seconds {
        0 => {
            inner.venue.countdowns.remove(&account.uid);
        }
        5..=60 => {
            let at = inner.venue.ex.now_ms() + seconds * 1000;
            inner.venue.countdowns.insert(account.uid.clone(), at);
        }
        _ => return Err(SimError::invalid("countdown is 0, or 5 to 60 seconds")),
    }
    Ok(json!("success"))
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Live => "live",
        Status::PartiallyFilled => "partially_filled",
        Status::Filled => "filled",
        Status::Cancelled => "cancelled",
    }
}

/// An order as order-info and the lists show it.
pub(super) fn order_json(inner: &Inner, o: &Order) -> Value {
    let r = &o.request;
    let futures = r.effect.is_some();
    let (pos_side, trade_side, reduce_only) = match r.effect {
        Some(Effect::Hedge { pos, close }) => (
            if pos == PosSide::Long {
                "long"
            } else {
                "short"
            },
            if close { "close" } else { "open" },
            "NO",
        ),
        Some(Effect::Net { reduce_only }) => (
            "",
            if reduce_only { "close" } else { "open" },
            if reduce_only { "YES" } else { "NO" },
        ),
        None => ("", "", "NO"),
    };
    let fee_coin = inner
        .venue
        .ex
        .fills(&r.account)
        .find(|f| f.order_id == o.id)
        .map(|f| f.fee_coin.clone());
    json!({
        "orderId": o.id.to_string(),
        "clientOid": r.client_oid.clone().unwrap_or_default(),
        "category": category_of(&r.instrument),
        "symbol": r.instrument.symbol,
        "orderType": order_type_name(r.order_type),
        "side": order_side_name(r.side),
        "price": r.price.map(text).unwrap_or_else(|| "0".to_owned()),
        "qty": if r.is_spot_market_buy() { "0".to_owned() } else { text(r.size) },
        "amount": if r.is_spot_market_buy() { text(r.size) } else { "0".to_owned() },
        "cumExecQty": text(o.filled),
        "cumExecValue": text(o.filled_quote),
        "avgPrice": o.average_price().map(|p| text(p.round_dp(8))).unwrap_or_default(),
        "timeInForce": force(r.tif),
        "orderStatus": status(o.status),
        "posSide": pos_side,
        "holdMode": if futures { pos_mode(inner, &r.account) } else { "" },
        "tradeSide": trade_side,
        "delegateType": "",
        "reduceOnly": reduce_only,
        "marginMode": if futures { "crossed" } else { "" },
        "stpMode": "none",
        "takeProfit": "", "stopLoss": "", "tpTriggerBy": "", "slTriggerBy": "",
        "tpOrderType": "", "slOrderType": "", "tpLimitPrice": "", "slLimitPrice": "",
        "feeDetail": [{ "feeCoin": fee_coin, "fee": if o.fee.is_zero() { Value::Null } else { json!(text(-o.fee)) } }],
        "cancelReason": "",
        "execType": "",
        "createdTime": o.created_ms.to_string(),
        "updatedTime": o.updated_ms.to_string(),
    })
}

/// `order-info`.
pub(super) fn order_info(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    let p = Params::query(query, &["orderId", "clientOid"])?;
    let ex = &inner.venue.ex;
    let order = match (p.text("orderId")?, p.text("clientOid")?) {
        (Some(id), _) => id.parse::<u64>().ok().and_then(|id| ex.order(id)),
        (None, Some(coid)) => ex.order_by_client_oid(&account.uid, &coid),
        (None, None) => return Err(SimError::missing("orderId")),
    };
    let order = order
        .filter(|o| o.request.account == account.uid)
        .ok_or_else(|| SimError::bad(NO_ORDER.0, NO_ORDER.1))?;
    Ok(order_json(inner, order))
}

fn order_list(
    inner: &Inner,
    account: &Account,
    query: &str,
    open: bool,
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
    let category = match p.text("category")? {
        Some(_) => Some(category(&p, &ALL)?),
        None if open => None,
        None => return Err(SimError::missing("category")),
    };
    let symbol = p.text("symbol")?;
    let paging = Paging::read_with(&p, "cursor", 100, if open { 36_500 } else { 30 })?;
    let rows = inner
        .venue
        .ex
        .orders(&account.uid)
        .filter(|o| o.status.is_open() == open)
        .filter(|o| category.as_deref().is_none_or(|c| of_category(o, c, None)))
        .filter(|o| {
            symbol
                .as_deref()
                .is_none_or(|s| s.eq_ignore_ascii_case(&o.request.instrument.symbol))
        })
        .map(|o| (o.id, o.created_ms, order_json(inner, o)))
        .collect();
    let (list, cursor) = paging.page(rows);
    Ok(json!({ "list": list, "cursor": cursor }))
}

/// `unfilled-orders`.
pub(super) fn unfilled_orders(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    order_list(inner, account, query, true)
}

/// `history-orders`.
pub(super) fn history_orders(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    order_list(inner, account, query, false)
}

/// `fills`.
pub(super) fn fills(inner: &mut Inner, account: &Account, query: &str) -> Result<Value, SimError> {
    let p = Params::query(
        query,
        &[
            "category",
            "orderId",
            "startTime",
            "endTime",
            "limit",
            "cursor",
        ],
    )?;
    let category = p
        .text("category")?
        .map(|_| category(&p, &ALL))
        .transpose()?;
    let order_id = p.text("orderId")?;
    let paging = Paging::read_with(&p, "cursor", 100, 30)?;
    let ex = &inner.venue.ex;
    let rows = ex
        .fills(&account.uid)
        .filter(|f| category.as_deref().is_none_or(|c| category_of(&f.instrument) == c))
        .filter(|f| order_id.as_deref().is_none_or(|id| id == f.order_id.to_string()))
        .map(|f| {
            let order = ex.order(f.order_id);
            let effect = order.and_then(|o| o.request.effect);
            let row = json!({
                "execId": f.trade_id.to_string(),
                "execLinkId": "",
                "orderId": f.order_id.to_string(),
                "clientOid": order.and_then(|o| o.request.client_oid.clone()).unwrap_or_default(),
                "category": category_of(&f.instrument),
                "symbol": f.instrument.symbol,
                "orderType": order.map_or("limit", |o| order_type_name(o.request.order_type)),
                "execPrice": text(f.price),
                "execQty": text(f.size),
                "execValue": text(f.price * f.size),
                "feeDetail": [{ "feeCoin": f.fee_coin, "fee": text(-f.fee) }],
                "side": order_side_name(f.side),
                "tradeScope": if f.maker { "maker" } else { "taker" },
                "tradeSide": match effect { Some(Effect::Hedge { close: true, .. }) => "close", Some(_) => "open", None => "" },
                "createdTime": f.time_ms.to_string(),
                "updatedTime": f.time_ms.to_string(),
                "execPnl": text(f.realized_pnl),
                "isRPI": "no",
            });
            (f.trade_id, f.time_ms, row)
        })
        .collect();
    let (list, cursor) = paging.page(rows);
    Ok(json!({ "list": list, "cursor": cursor }))
}

// ----- strategy orders -----

const STRATEGY_KEYS: &[&str] = &[
    "category",
    "symbol",
    "clientOid",
    "type",
    "tpslMode",
    "qty",
    "side",
    "posSide",
    "reduceOnly",
    "tpTriggerBy",
    "slTriggerBy",
    "takeProfit",
    "stopLoss",
    "tpOrderType",
    "slOrderType",
    "tpLimitPrice",
    "slLimitPrice",
    "triggerBy",
    "triggerPrice",
    "triggerOrderType",
    "triggerOrderPrice",
];

fn by_mark(p: &Params, key: &str) -> Result<bool, SimError> {
    match p
        .text(key)?
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None | Some("market") => Ok(false),
        Some("mark") => Ok(true),
        Some(other) => Err(SimError::invalid(format!(
            "{key} `{other}` is not market or mark"
        ))),
    }
}

fn limit_price(p: &Params, type_key: &str, price_key: &str) -> Result<Option<Decimal>, SimError> {
    match p
        .text(type_key)?
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None | Some("market") => Ok(None),
        Some("limit") => decimal(p, price_key, true),
        Some(other) => Err(SimError::invalid(format!(
            "{type_key} `{other}` is not limit or market"
        ))),
    }
}

/// `place-strategy-order`: a TP/SL (one order answered, a take-profit and a stop-loss leg kept)
/// or a trigger order.
pub(super) fn place_strategy_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, STRATEGY_KEYS)?;
    let category = category(&p, &FUTURES)?;
    let symbol = p.required("symbol")?;
    let uid = account.uid.clone();
    let instrument = inner.venue.instrument(&market_of(&category), &symbol)?;
    let mode = inner.venue.ex.position_mode(&uid);
    let coid = client_oid(inner, &uid, &p)?;
    let kind = p
        .text("type")?
        .unwrap_or_else(|| "tpsl".to_owned())
        .to_ascii_lowercase();
    match kind.as_str() {
        "trigger" => {
            let side = side_of(&p)?;
            let effect = effect(inner, &uid, &p, side, true)?;
            let qty = decimal(&p, "qty", true)?.unwrap_or_default();
            let trigger = decimal(&p, "triggerPrice", true)?.unwrap_or_default();
            let price = limit_price(&p, "triggerOrderType", "triggerOrderPrice")?;
            let order = NewOrder {
                effect,
                ..match price {
                    Some(price) => NewOrder::limit(&uid, instrument, side, price, qty),
                    None => NewOrder::market(&uid, instrument, side, qty),
                }
            }
            .client_oid(&coid);
            let o = inner.venue.place_trigger(
                TriggerKind::Plan,
                "trigger",
                trigger,
                by_mark(&p, "triggerBy")?,
                order,
            )?;
            inner.venue.strategy_legs.insert(
                o.order_id.parse().unwrap_or_default(),
                vec![o.order_id.parse().unwrap_or_default()],
            );
            Ok(json!({ "orderId": o.order_id, "clientOid": coid }))
        }
        "tpsl" => {
            // The position: posSide names it (any mode); in one-way mode the net position.
            let pos = match p.text("posSide")? {
                Some(s) => super::names::pos_side(&s, "posSide")?,
                None => [PosSide::Long, PosSide::Short]
                    .into_iter()
                    .find(|s| inner.venue.ex.position(&uid, &instrument, *s).is_some())
                    .ok_or_else(|| SimError::bad("22002", "No position to close"))?,
            };
            if inner.venue.ex.position(&uid, &instrument, pos).is_none() {
                return Err(SimError::bad("22002", "No position to close"));
            }
            let partial = p
                .text("tpslMode")?
                .is_some_and(|m| m.eq_ignore_ascii_case("partial"));
            let qty = decimal(&p, "qty", partial)?
                .filter(|_| partial)
                .unwrap_or_default();
            let legs_wanted = [
                (
                    TriggerKind::TakeProfit,
                    decimal(&p, "takeProfit", false)?,
                    by_mark(&p, "tpTriggerBy")?,
                    limit_price(&p, "tpOrderType", "tpLimitPrice")?,
                ),
                (
                    TriggerKind::StopLoss,
                    decimal(&p, "stopLoss", false)?,
                    by_mark(&p, "slTriggerBy")?,
                    limit_price(&p, "slOrderType", "slLimitPrice")?,
                ),
            ];
            if legs_wanted.iter().all(|l| l.1.is_none()) {
                return Err(SimError::missing("takeProfit"));
            }
            let mut ids: Vec<u64> = Vec::new();
            for (kind, trigger, mark, limit) in legs_wanted {
                let Some(trigger) = trigger else { continue };
                let leg_coid = if ids.is_empty() {
                    coid.clone()
                } else {
                    inner.venue.client_oid(&uid, None)?
                };
                let order = tpsl_order(&uid, instrument.clone(), mode, pos, qty, limit)
                    .client_oid(&leg_coid);
                match inner
                    .venue
                    .place_trigger(kind, "tpsl", trigger, mark, order)
                {
                    Ok(o) => ids.push(o.order_id.parse().unwrap_or_default()),
                    Err(e) => {
                        for id in &ids {
                            inner.venue.ex.cancel_trigger(&uid, *id);
                        }
                        return Err(e);
                    }
                }
            }
            let first = ids[0];
            inner.venue.strategy_legs.insert(first, ids);
            Ok(json!({ "orderId": first.to_string(), "clientOid": coid }))
        }
        other => Err(SimError::invalid(format!(
            "type `{other}` is not tpsl or trigger"
        ))),
    }
}

/// The strategy order of `uid` an id or client id names: its answered id and its legs.
fn strategy(inner: &Inner, uid: &str, p: &Params) -> Result<(u64, Vec<u64>), SimError> {
    let (oid, coid) = (p.text("orderId")?, p.text("clientOid")?);
    // By the answered id, or by the client id of the order (its first leg's label), whatever
    // state its legs are in.
    let id = match (oid.as_deref(), coid.as_deref()) {
        (Some(o), _) => o.parse::<u64>().ok(),
        (None, Some(c)) => inner.venue.strategy_legs.keys().copied().find(|id| {
            inner.venue.plan_label(*id).is_some_and(|l| l.0 == c)
                && inner
                    .venue
                    .ex
                    .trigger(*id)
                    .is_some_and(|t| t.order.account == uid)
        }),
        (None, None) => return Err(SimError::missing("orderId")),
    }
    .filter(|id| inner.venue.strategy_legs.contains_key(id))
    .ok_or_else(|| SimError::bad(NO_ORDER.0, NO_ORDER.1))?;
    let legs = inner
        .venue
        .strategy_legs
        .get(&id)
        .cloned()
        .unwrap_or_default();
    let live = legs.iter().any(|l| {
        inner
            .venue
            .ex
            .trigger(*l)
            .is_some_and(|t| t.status == TriggerStatus::Live && t.order.account == uid)
    });
    if !live {
        return Err(SimError::bad(NO_ORDER.0, NO_ORDER.1));
    }
    Ok((id, legs))
}

/// `modify-strategy-order`: each leg's price, type and size changed in place.
pub(super) fn modify_strategy_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &[
            "orderId",
            "clientOid",
            "qty",
            "tpTriggerBy",
            "slTriggerBy",
            "takeProfit",
            "stopLoss",
            "tpOrderType",
            "slOrderType",
            "tpLimitPrice",
            "slLimitPrice",
            "triggerBy",
            "triggerPrice",
            "triggerOrderType",
            "triggerOrderPrice",
        ],
    )?;
    let uid = account.uid.clone();
    let (id, legs) = strategy(inner, &uid, &p)?;
    let qty = decimal(&p, "qty", true)?;
    for leg in legs {
        let Some(t) = inner.venue.ex.trigger(leg).cloned() else {
            continue;
        };
        if t.status != TriggerStatus::Live {
            continue;
        }
        let (price_key, by_key, type_key, limit_key) = match t.kind {
            TriggerKind::TakeProfit => ("takeProfit", "tpTriggerBy", "tpOrderType", "tpLimitPrice"),
            TriggerKind::StopLoss => ("stopLoss", "slTriggerBy", "slOrderType", "slLimitPrice"),
            TriggerKind::Plan => (
                "triggerPrice",
                "triggerBy",
                "triggerOrderType",
                "triggerOrderPrice",
            ),
        };
        let trigger = decimal(&p, price_key, false)?.unwrap_or(t.trigger_price);
        let kind = match p.text(by_key)? {
            Some(_) => PriceKind::from_mark(by_mark(&p, by_key)?),
            None => t.price_kind,
        };
        let mut order = t.order.clone();
        if p.text(type_key)?.is_some() {
            let price = limit_price(&p, type_key, limit_key)?;
            order.order_type = if price.is_some() {
                OrderType::Limit
            } else {
                OrderType::Market
            };
            order.tif = if price.is_some() {
                TimeInForce::Gtc
            } else {
                TimeInForce::Ioc
            };
            order.price = price;
        }
        // A whole-position leg keeps size zero (all of the position).
        if !order.size.is_zero() {
            order.size = qty.unwrap_or(order.size);
        }
        inner
            .venue
            .ex
            .modify_trigger(&uid, leg, trigger, kind, order)
            .map_err(|r| refusal(&r, true))?;
    }
    let coid = inner
        .venue
        .plan_label(id)
        .map(|l| l.0.to_owned())
        .unwrap_or_default();
    Ok(json!({ "orderId": id.to_string(), "clientOid": coid }))
}

/// `cancel-strategy-order`: every leg; Bitget answers `data: null`.
pub(super) fn cancel_strategy_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, &["orderId", "clientOid"])?;
    let (_, legs) = strategy(inner, &account.uid, &p)?;
    for leg in legs {
        inner.venue.ex.cancel_trigger(&account.uid, leg);
    }
    Ok(Value::Null)
}

/// A strategy order (its legs merged) as the strategy lists show it.
fn strategy_json(inner: &Inner, id: u64, legs: &[u64]) -> Option<(i64, bool, Value)> {
    let ex = &inner.venue.ex;
    let triggers: Vec<_> = legs.iter().filter_map(|l| ex.trigger(*l)).collect();
    let first = triggers.first()?;
    let live = triggers.iter().any(|t| t.status == TriggerStatus::Live);
    let fired = triggers
        .iter()
        .find(|t| matches!(t.status, TriggerStatus::Triggered(_)));
    let failed = triggers
        .iter()
        .any(|t| matches!(t.status, TriggerStatus::Failed(_)));
    // The page's states: pending, success, failed, cancelled.
    let status = if live {
        "pending"
    } else if fired.is_some() {
        "success"
    } else if failed {
        "failed"
    } else {
        "cancelled"
    };
    let pos = match first.order.effect {
        Some(Effect::Hedge { pos, .. }) => Some(pos),
        _ => None,
    };
    let by = |t: &crate::exchange::Trigger| {
        if t.price_kind == PriceKind::Mark {
            "mark"
        } else {
            "market"
        }
    };
    let order_type = |t: &crate::exchange::Trigger| {
        if t.order.order_type == OrderType::Limit {
            "limit"
        } else {
            "market"
        }
    };
    let mut v = json!({
        "orderId": id.to_string(),
        "clientOid": inner.venue.plan_label(id).map(|l| l.0.to_owned()).unwrap_or_default(),
        "category": category_of(&first.instrument),
        "symbol": first.instrument.symbol,
        "qty": if first.order.size.is_zero() { String::new() } else { text(first.order.size) },
        "posSide": match pos { Some(PosSide::Long) => "long", Some(PosSide::Short) => "short", None => "" },
        "status": status,
        "tpTriggerBy": "", "slTriggerBy": "", "takeProfit": "", "stopLoss": "",
        "tpOrderType": "", "slOrderType": "", "tpLimitPrice": "", "slLimitPrice": "",
        "triggerBy": "", "triggerPrice": "", "triggerOrderType": "", "triggerOrderPrice": "",
        "createdTime": first.created_ms.to_string(),
        "updatedTime": triggers.iter().map(|t| t.updated_ms).max().unwrap_or(first.updated_ms).to_string(),
    });
    for t in &triggers {
        let (price, by_key, type_key, limit_key) = match t.kind {
            TriggerKind::TakeProfit => ("takeProfit", "tpTriggerBy", "tpOrderType", "tpLimitPrice"),
            TriggerKind::StopLoss => ("stopLoss", "slTriggerBy", "slOrderType", "slLimitPrice"),
            TriggerKind::Plan => (
                "triggerPrice",
                "triggerBy",
                "triggerOrderType",
                "triggerOrderPrice",
            ),
        };
        v[price] = json!(text(t.trigger_price));
        v[by_key] = json!(by(t));
        v[type_key] = json!(order_type(t));
        v[limit_key] = json!(t.order.price.map(text).unwrap_or_default());
    }
    if let Some(t) = fired {
        v["triggerType"] = json!(match t.kind {
            TriggerKind::TakeProfit => "takeProfit",
            TriggerKind::StopLoss => "stopLoss",
            TriggerKind::Plan => "trigger",
        });
    }
    Some((first.created_ms, live, v))
}

fn strategy_rows(
    inner: &Inner,
    uid: &str,
    category: &str,
    kind: Option<&str>,
    live: bool,
) -> Vec<(u64, i64, Value)> {
    inner
        .venue
        .strategy_legs
        .iter()
        .filter(|(id, _)| {
            inner.venue.ex.trigger(**id).is_some_and(|t| {
                t.order.account == uid
                    && t.instrument.market == CoreMarket::Futures(category.to_owned())
            })
        })
        .filter(|(id, _)| {
            kind.is_none_or(|k| inner.venue.plan_label(**id).is_some_and(|l| l.1 == k))
        })
        .filter_map(|(id, legs)| {
            strategy_json(inner, *id, legs)
                .filter(|(_, l, _)| *l == live)
                .map(|(t, _, v)| (*id, t, v))
        })
        .collect()
}

fn strategy_kind(p: &Params) -> Result<Option<String>, SimError> {
    match p.text("type")?.map(|t| t.to_ascii_lowercase()) {
        Some(t) if t != "tpsl" && t != "trigger" => Err(SimError::invalid(format!(
            "type `{t}` is not tpsl or trigger"
        ))),
        other => Ok(other),
    }
}

/// `unfilled-strategy-orders`: a bare array, not paged.
pub(super) fn unfilled_strategy_orders(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    let p = Params::query(query, &["category", "type"])?;
    let category = category(&p, &FUTURES)?;
    let kind = strategy_kind(&p)?;
    let mut rows = strategy_rows(inner, &account.uid, &category, kind.as_deref(), true);
    rows.sort_by_key(|r| std::cmp::Reverse(r.0));
    Ok(Value::Array(rows.into_iter().map(|(_, _, v)| v).collect()))
}

/// `history-strategy-orders`: paged by `cursor`.
pub(super) fn history_strategy_orders(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    let p = Params::query(
        query,
        &[
            "category",
            "type",
            "startTime",
            "endTime",
            "limit",
            "cursor",
        ],
    )?;
    let category = category(&p, &FUTURES)?;
    let kind = strategy_kind(&p)?;
    let paging = Paging::read_with(&p, "cursor", 100, 36_500)?;
    let rows = strategy_rows(inner, &account.uid, &category, kind.as_deref(), false);
    let (list, cursor) = paging.page(rows);
    Ok(json!({ "list": list, "cursor": cursor }))
}
