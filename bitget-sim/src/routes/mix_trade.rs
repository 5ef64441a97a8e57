//! Changing futures orders and positions (`POST /api/v2/mix/order/...`): cancel one, modify,
//! batch place, flash close, reverse, and the TP/SL and trigger orders (contract/trade/Cancel-Order,
//! Modify-Order, Batch-Order, Flash-Close-Position, Reversal; contract/plan/Place-Tpsl-Order,
//! Place-Pos-Tpsl-Order, Modify-Tpsl-Order, Modify-Plan-Order).

use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use super::mix::{futures_of, futures_order, margin_coin, on};
use super::{decimal, failure, success};
use crate::account::Account;
use crate::envelope::SimError;
use crate::exchange::{
    Effect, Market as CoreMarket, NewOrder, OrderType, PosSide, PositionMode, PriceKind, Side,
    TimeInForce, TriggerKind,
};
use crate::orders::{Market, Wanted};
use crate::params::Params;
use crate::state::Inner;

const ORDER_NOT_FOUND: (&str, &str) = ("40768", "Order does not exist");

/// `cancel-order`: one order by `orderId` (prevailing) or `clientOid`.
pub(super) fn cancel_order(
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
            "orderId",
            "clientOid",
        ],
    )?;
    let symbol = p.required("symbol")?;
    let product_type = p.product_type()?;
    let coin = margin_coin(&p)?;
    let (oid, coid) = (p.text("orderId")?, p.text("clientOid")?);
    if oid.is_none() && coid.is_none() {
        return Err(SimError::missing("orderId"));
    }
    let venue = &mut inner.venue;
    let found = venue.find(
        &account.uid,
        &Wanted {
            order_id: oid.as_deref(),
            client_oid: coid.as_deref(),
        },
        |o| futures_of(o, &product_type) && on(o, Some(&symbol), coin.as_deref()),
    );
    let order = found
        .and_then(|o| venue.cancel(&account.uid, &o.order_id))
        .ok_or_else(|| SimError::bad(ORDER_NOT_FOUND.0, ORDER_NOT_FOUND.1))?;
    Ok(success(&order))
}

/// `modify-order`: a resting limit order with nothing filled is cancelled and placed again with
/// the new size and price under `newClientOid` (Bitget does it asynchronously; here at once).
/// A TP/SL-only change is accepted and leaves the order as it is (presets are not simulated).
pub(super) fn modify_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &[
            "orderId",
            "clientOid",
            "symbol",
            "productType",
            "marginCoin",
            "newClientOid",
            "newSize",
            "newPrice",
            "newPresetStopSurplusPrice",
            "newPresetStopLossPrice",
        ],
    )?;
    let symbol = p.required("symbol")?;
    let product_type = p.product_type()?;
    let new_coid = p.required("newClientOid")?;
    let (new_size, new_price) = (
        decimal(&p, "newSize", false)?,
        decimal(&p, "newPrice", false)?,
    );
    if new_size.is_some() != new_price.is_some() {
        return Err(SimError::bad(
            "40017",
            "newSize and newPrice must be sent together",
        ));
    }
    let (oid, coid) = (p.text("orderId")?, p.text("clientOid")?);
    let uid = account.uid.clone();
    let venue = &mut inner.venue;
    let found = venue
        .find(
            &uid,
            &Wanted {
                order_id: oid.as_deref(),
                client_oid: coid.as_deref(),
            },
            |o| futures_of(o, &product_type) && on(o, Some(&symbol), None),
        )
        .ok_or_else(|| SimError::bad(ORDER_NOT_FOUND.0, ORDER_NOT_FOUND.1))?;
    let id: u64 = found
        .order_id
        .parse()
        .map_err(|_| SimError::invalid("bad order id"))?;
    let old = venue
        .ex
        .order(id)
        .cloned()
        .ok_or_else(|| SimError::bad(ORDER_NOT_FOUND.0, ORDER_NOT_FOUND.1))?;
    if old.request.order_type != OrderType::Limit || !old.filled.is_zero() {
        return Err(SimError::bad(
            "40923",
            "Only limit orders with nothing filled can be modified",
        ));
    }
    let (Some(size), Some(price)) = (new_size, new_price) else {
        return Ok(json!({ "orderId": found.order_id, "clientOid": found.client_oid }));
    };
    let new_coid = venue.client_oid(&uid, Some(new_coid))?;
    // Checked before the original is touched; if placing still fails (a post-only that would
    // now take), the original is put back: a modify never loses the order.
    match venue
        .ex
        .replace_as(&uid, id, Some(price), size, Some(new_coid.clone()))
    {
        Some(Ok(_)) => Ok(json!({ "orderId": found.order_id, "clientOid": new_coid })),
        Some(Err(r)) => Err(crate::venue::refusal(&r, true)),
        None => Err(SimError::bad(ORDER_NOT_FOUND.0, ORDER_NOT_FOUND.1)),
    }
}

/// `batch-place-order`: each item placed with the batch's symbol, product type and margin;
/// refusals go to `failureList`, item by item, under `00000`.
pub(super) fn batch_place_order(
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
            "marginMode",
            "orderList",
        ],
    )?;
    let list = p
        .list("orderList")?
        .ok_or_else(|| SimError::missing("orderList"))?;
    if list.is_empty() || list.len() > 50 {
        return Err(SimError::invalid("orderList holds 1 to 50 orders"));
    }
    const ITEM: &[&str] = &[
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
        "stpMode",
    ];
    let mut outer = Map::new();
    for key in ["symbol", "productType", "marginCoin", "marginMode"] {
        outer.insert(key.to_owned(), json!(p.required(key)?));
    }
    let (mut ok, mut failed) = (Vec::new(), Vec::new());
    for item in list {
        let Value::Object(fields) = item else {
            return Err(SimError::invalid(
                "each item of orderList must be an object",
            ));
        };
        if let Some(unknown) = fields.keys().find(|k| !ITEM.contains(&k.as_str())) {
            return Err(SimError::bad(
                "40034",
                format!("Parameter {unknown} does not exist"),
            ));
        }
        let mut merged = outer.clone();
        merged.extend(fields.clone());
        let coid = fields
            .get("clientOid")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let mut allowed: Vec<&str> = ITEM.to_vec();
        allowed.extend(["symbol", "productType", "marginCoin", "marginMode"]);
        let placed = Params::object(merged, &allowed)
            .and_then(|item| futures_order(inner, account, &item))
            .and_then(|order| inner.venue.place(order));
        match placed {
            Ok(order) => ok.push(success(&order)),
            Err(e) => failed.push(failure(None, coid.as_deref(), &e.msg, &e.code)),
        }
    }
    Ok(json!({ "successList": ok, "failureList": failed }))
}

/// The market order that closes `size` of the position `pos` in the account's mode.
pub(super) fn closing_order(
    uid: &str,
    instrument: crate::exchange::InstrumentId,
    mode: PositionMode,
    pos: PosSide,
    size: Decimal,
) -> NewOrder {
    let book_side = match pos {
        PosSide::Long => Side::Sell,
        PosSide::Short => Side::Buy,
    };
    let effect = match mode {
        PositionMode::OneWay => Effect::Net { reduce_only: true },
        PositionMode::Hedge => Effect::Hedge { pos, close: true },
    };
    NewOrder::market(uid, instrument, book_side, size).effect(effect)
}

/// `close-positions`: every position of the product type (or of `symbol`, or one `holdSide`)
/// closed at market; one outcome per position.
pub(super) fn close_positions(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, &["symbol", "holdSide", "productType"])?;
    let product_type = p.product_type()?;
    let symbol = p.text("symbol")?;
    let hold = match p.text("holdSide")?.as_deref() {
        None => None,
        Some("long") => Some(PosSide::Long),
        Some("short") => Some(PosSide::Short),
        Some(other) => {
            return Err(SimError::invalid(format!(
                "holdSide `{other}` is not long or short"
            )));
        }
    };
    let uid = account.uid.clone();
    let ex = &inner.venue.ex;
    let mode = ex.position_mode(&uid);
    let market = CoreMarket::Futures(product_type);
    let targets: Vec<_> = ex
        .positions(&uid)
        .into_iter()
        .filter(|p| p.instrument.market == market)
        .filter(|p| {
            symbol
                .as_deref()
                .is_none_or(|s| s.eq_ignore_ascii_case(&p.instrument.symbol))
        })
        // One-way mode ignores holdSide (catalogue G.8).
        .filter(|p| mode == PositionMode::OneWay || hold.is_none_or(|h| h == p.side))
        .map(|p| (p.instrument.clone(), p.side, p.size))
        .collect();
    let (mut ok, mut failed) = (Vec::new(), Vec::new());
    for (instrument, side, size) in targets {
        let symbol = instrument.symbol.clone();
        let coid = inner.venue.client_oid(&uid, None)?;
        let order = closing_order(&uid, instrument, mode, side, size).client_oid(&coid);
        match inner.venue.place(order) {
            Ok(o) => ok.push(json!({ "orderId": o.order_id, "clientOid": o.client_oid, "symbol": symbol })),
            Err(e) => failed.push(json!({ "orderId": "", "clientOid": coid, "symbol": symbol, "errorMsg": e.msg, "errorCode": e.code })),
        }
    }
    Ok(json!({ "successList": ok, "failureList": failed }))
}

/// `click-backhand`: one-way mode reverses the whole position with one market order of twice
/// its size; hedge mode closes `size` (all when larger) of the position `side` names and opens
/// the same size on the other side.
pub(super) fn click_backhand(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &[
            "symbol",
            "marginCoin",
            "productType",
            "size",
            "side",
            "tradeSide",
            "clientOid",
        ],
    )?;
    let symbol = p.required("symbol")?;
    let product_type = p.product_type()?;
    margin_coin(&p)?.ok_or_else(|| SimError::missing("marginCoin"))?;
    let uid = account.uid.clone();
    let instrument = inner
        .venue
        .instrument(&Market::Futures { product_type }, &symbol)?;
    let mode = inner.venue.ex.position_mode(&uid);
    let coid = inner.venue.client_oid(&uid, p.text("clientOid")?)?;
    let (pos, size) = match mode {
        PositionMode::OneWay => {
            if p.text("tradeSide")?.is_some() {
                return Err(SimError::bad(
                    "40774",
                    "The order type for unilateral position must also be the unilateral position type.",
                ));
            }
            let ex = &inner.venue.ex;
            [PosSide::Long, PosSide::Short]
                .into_iter()
                .find_map(|s| ex.position(&uid, &instrument, s).map(|p| (s, p.size)))
                .ok_or_else(|| SimError::bad("22002", "No position to close"))?
        }
        PositionMode::Hedge => {
            let pos = match p.required("side")?.as_str() {
                "buy" => PosSide::Long,
                "sell" => PosSide::Short,
                other => {
                    return Err(SimError::invalid(format!(
                        "side `{other}` is not buy or sell"
                    )));
                }
            };
            let held = inner
                .venue
                .ex
                .position(&uid, &instrument, pos)
                .map(|p| p.size)
                .ok_or_else(|| SimError::bad("22002", "No position to close"))?;
            let size = decimal(&p, "size", false)?.map_or(held, |s| s.min(held));
            (pos, size)
        }
    };
    let book_side = if pos == PosSide::Long {
        Side::Sell
    } else {
        Side::Buy
    };
    let order = match mode {
        PositionMode::OneWay => NewOrder::market(&uid, instrument, book_side, size * Decimal::TWO)
            .effect(Effect::Net { reduce_only: false })
            .client_oid(&coid),
        PositionMode::Hedge => {
            let close = closing_order(&uid, instrument.clone(), mode, pos, size);
            inner.venue.place(close)?;
            let other = if pos == PosSide::Long {
                PosSide::Short
            } else {
                PosSide::Long
            };
            NewOrder::market(&uid, instrument, book_side, size)
                .effect(Effect::Hedge {
                    pos: other,
                    close: false,
                })
                .client_oid(&coid)
        }
    };
    let placed = inner.venue.place(order)?;
    Ok(success(&placed))
}

/// The position a TP/SL protects, from `holdSide`: `long`/`short` in hedge mode, `buy`/`sell`
/// (the position's direction) in one-way mode.
fn protected(mode: PositionMode, hold_side: &str) -> Result<PosSide, SimError> {
    match (mode, hold_side) {
        (PositionMode::Hedge, "long") | (PositionMode::OneWay, "buy") => Ok(PosSide::Long),
        (PositionMode::Hedge, "short") | (PositionMode::OneWay, "sell") => Ok(PosSide::Short),
        (PositionMode::Hedge, other) => Err(SimError::bad(
            "40774",
            format!("holdSide `{other}` is not long or short in hedge mode"),
        )),
        (PositionMode::OneWay, other) => Err(SimError::bad(
            "40774",
            format!("holdSide `{other}` is not buy or sell in one-way mode"),
        )),
    }
}

fn trigger_kind(p: &Params, name: &str) -> Result<bool, SimError> {
    match p.text(name)?.as_deref() {
        None | Some("fill_price") => Ok(false),
        Some("mark_price") => Ok(true),
        Some(other) => Err(SimError::invalid(format!(
            "{name} `{other}` is not fill_price or mark_price"
        ))),
    }
}

/// The order a TP/SL places: market (or limit at `execute` above 0) closing `size` of the
/// position (all of it when zero).
pub(super) fn tpsl_order(
    uid: &str,
    instrument: crate::exchange::InstrumentId,
    mode: PositionMode,
    pos: PosSide,
    size: Decimal,
    execute: Option<Decimal>,
) -> NewOrder {
    let order = closing_order(uid, instrument, mode, pos, size);
    match execute.filter(|p| !p.is_zero()) {
        Some(price) => NewOrder {
            order_type: OrderType::Limit,
            price: Some(price),
            tif: TimeInForce::Gtc,
            ..order
        },
        None => order,
    }
}

/// A take-profit or stop-loss an order presets for the position it opens.
pub(super) struct Preset {
    pub(super) kind: TriggerKind,
    /// Bitget's label for it (`pos_profit`, `tpsl`, ...).
    pub(super) plan_type: &'static str,
    pub(super) trigger: Decimal,
    /// Watches the mark price (the last price otherwise).
    pub(super) mark: bool,
    /// A limit close at this price; market when `None`.
    pub(super) limit: Option<Decimal>,
}

/// Places `order` with its preset TP/SL (v2's `presetStop*`, v3's `takeProfit`/`stopLoss`) as
/// whole-position triggers of the position it opens (an order that opens nothing carries none).
/// The presets are checked (tick, side of the price) before the order is placed, so a bad one
/// refuses the order instead of leaving it placed with an error for an answer; a leg the fill's
/// own price has passed by the time it is added is left out, the order standing. Returns the
/// order and the ids of the legs placed.
pub(super) fn place_with_presets(
    inner: &mut Inner,
    order: NewOrder,
    presets: Vec<Preset>,
) -> Result<(crate::orders::Order, Vec<u64>), SimError> {
    let opens = match order.effect {
        Some(Effect::Hedge { pos, close: false }) => Some(pos),
        Some(Effect::Net { reduce_only: false }) => Some(match order.side {
            Side::Buy => PosSide::Long,
            Side::Sell => PosSide::Short,
        }),
        _ => None,
    };
    let (instrument, uid) = (order.instrument.clone(), order.account.clone());
    let mode = inner.venue.ex.position_mode(&uid);
    let legs: Vec<(NewOrder, Preset)> = match opens {
        Some(pos) => presets
            .into_iter()
            .map(|p| {
                let leg = tpsl_order(&uid, instrument.clone(), mode, pos, Decimal::ZERO, p.limit);
                (leg, p)
            })
            .collect(),
        None => Vec::new(),
    };
    for (leg, p) in &legs {
        inner
            .venue
            .ex
            .check_trigger(p.kind, p.trigger, PriceKind::from_mark(p.mark), leg)
            .map_err(|r| crate::venue::refusal(&r, true))?;
    }
    let placed = inner.venue.place(order)?;
    let mut ids = Vec::new();
    for (leg, p) in legs {
        let coid = inner.venue.client_oid(&uid, None)?;
        if let Ok(o) = inner.venue.place_trigger(
            p.kind,
            p.plan_type,
            p.trigger,
            p.mark,
            leg.client_oid(&coid),
        ) {
            ids.extend(o.order_id.parse::<u64>().ok());
        }
    }
    Ok((placed, ids))
}

/// `place-tpsl-order`: a take-profit, stop-loss or trailing stop on a position.
pub(super) fn place_tpsl_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &[
            "marginCoin",
            "productType",
            "symbol",
            "planType",
            "triggerPrice",
            "triggerType",
            "executePrice",
            "holdSide",
            "size",
            "rangeRate",
            "clientOid",
            "stpMode",
        ],
    )?;
    margin_coin(&p)?.ok_or_else(|| SimError::missing("marginCoin"))?;
    let symbol = p.required("symbol")?;
    let product_type = p.product_type()?;
    let plan_type = p.required("planType")?;
    let kind = match plan_type.as_str() {
        "profit_plan" | "pos_profit" => TriggerKind::TakeProfit,
        "loss_plan" | "pos_loss" | "moving_plan" => TriggerKind::StopLoss,
        other => {
            return Err(SimError::invalid(format!(
                "planType `{other}` is not a TP/SL type"
            )));
        }
    };
    let whole = plan_type.starts_with("pos_");
    let size = decimal(&p, "size", !whole)?.unwrap_or_default();
    // A trailing stop: `triggerPrice` activates it, `rangeRate` is the callback. The pages do
    // not give the unit; it is read as a percentage, as place-plan-order's `callbackRatio` is
    // (`1` is 1%) [guess].
    let callback = if plan_type == "moving_plan" {
        if p.text("executePrice")?.is_some() {
            return Err(SimError::bad(
                "40017",
                "executePrice is not allowed for moving_plan",
            ));
        }
        decimal(&p, "rangeRate", true)?.map(|r| r / Decimal::ONE_HUNDRED)
    } else {
        None
    };
    let trigger = decimal(&p, "triggerPrice", true)?.unwrap_or_default();
    let mark = trigger_kind(&p, "triggerType")?;
    let uid = account.uid.clone();
    let instrument = inner
        .venue
        .instrument(&Market::Futures { product_type }, &symbol)?;
    let mode = inner.venue.ex.position_mode(&uid);
    let pos = protected(mode, &p.required("holdSide")?)?;
    if inner.venue.ex.position(&uid, &instrument, pos).is_none() {
        return Err(SimError::bad("22002", "No position to close"));
    }
    let coid = inner.venue.client_oid(&uid, p.text("clientOid")?)?;
    let order = tpsl_order(
        &uid,
        instrument,
        mode,
        pos,
        if whole { Decimal::ZERO } else { size },
        decimal(&p, "executePrice", false)?,
    )
    .client_oid(&coid);
    let placed = match callback {
        Some(rate) => inner
            .venue
            .place_trailing(&plan_type, trigger, rate, mark, order)?,
        None => inner
            .venue
            .place_trigger(kind, &plan_type, trigger, mark, order)?,
    };
    Ok(success(&placed))
}

/// `place-pos-tpsl`: the take profit and stop loss of a position in one call; one entry per
/// order placed.
pub(super) fn place_pos_tpsl(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &[
            "marginCoin",
            "productType",
            "symbol",
            "stopSurplusTriggerPrice",
            "stopSurplusSize",
            "stopSurplusTriggerType",
            "stopSurplusExecutePrice",
            "stopLossTriggerPrice",
            "stopLossSize",
            "stopLossTriggerType",
            "stopLossExecutePrice",
            "holdSide",
            "stpMode",
            "stopSurplusClientOid",
            "stopLossClientOid",
        ],
    )?;
    margin_coin(&p)?.ok_or_else(|| SimError::missing("marginCoin"))?;
    let symbol = p.required("symbol")?;
    let product_type = p.product_type()?;
    let uid = account.uid.clone();
    let instrument = inner
        .venue
        .instrument(&Market::Futures { product_type }, &symbol)?;
    let mode = inner.venue.ex.position_mode(&uid);
    let pos = protected(mode, &p.required("holdSide")?)?;
    // Read both legs (and check their client ids) before placing either, and take back the
    // first if the second is refused: one call, one outcome.
    let mut legs = Vec::new();
    for (prefix, kind, whole_type, part_type) in [
        (
            "stopSurplus",
            TriggerKind::TakeProfit,
            "pos_profit",
            "profit_plan",
        ),
        ("stopLoss", TriggerKind::StopLoss, "pos_loss", "loss_plan"),
    ] {
        let Some(trigger) = decimal(&p, &format!("{prefix}TriggerPrice"), false)? else {
            continue;
        };
        let size = decimal(&p, &format!("{prefix}Size"), false)?;
        let mark = trigger_kind(&p, &format!("{prefix}TriggerType"))?;
        let execute = decimal(&p, &format!("{prefix}ExecutePrice"), false)?;
        let coid = inner
            .venue
            .client_oid(&uid, p.text(&format!("{prefix}ClientOid"))?)?;
        let order = tpsl_order(
            &uid,
            instrument.clone(),
            mode,
            pos,
            size.unwrap_or_default(),
            execute,
        )
        .client_oid(&coid);
        let plan_type = if size.is_some() {
            part_type
        } else {
            whole_type
        };
        legs.push((prefix, kind, plan_type, trigger, mark, order));
    }
    if legs.len() == 2 && legs[0].5.client_oid == legs[1].5.client_oid {
        return Err(SimError::bad("43122", "Duplicate clientOid"));
    }
    let mut placed: Vec<(&str, crate::orders::Order)> = Vec::new();
    for (prefix, kind, plan_type, trigger, mark, order) in legs {
        match inner
            .venue
            .place_trigger(kind, plan_type, trigger, mark, order)
        {
            Ok(o) => placed.push((prefix, o)),
            Err(e) => {
                for (_, o) in &placed {
                    inner.venue.cancel(&uid, &o.order_id);
                }
                return Err(e);
            }
        }
    }
    if placed.is_empty() {
        return Err(SimError::missing("stopSurplusTriggerPrice"));
    }
    Ok(Value::Array(
        placed
            .into_iter()
            .map(|(prefix, o)| {
                let (tp, sl) = if prefix == "stopSurplus" { (o.client_oid.clone(), String::new()) } else { (String::new(), o.client_oid.clone()) };
                json!({ "orderId": o.order_id, "stopSurplusClientOid": tp, "stopLossClientOid": sl })
            })
            .collect(),
    ))
}

/// A live trigger of the account by `orderId` or `clientOid`, on the symbol and product type.
fn named_trigger(inner: &Inner, uid: &str, p: &Params, tpsl: bool) -> Result<u64, SimError> {
    let symbol = p.required("symbol")?;
    let product_type = p.product_type()?;
    let (oid, coid) = (p.text("orderId")?, p.text("clientOid")?);
    inner
        .venue
        .live_trigger(uid, oid.as_deref(), coid.as_deref())
        .filter(|id| {
            inner.venue.ex.trigger(*id).is_some_and(|t| {
                // modify-tpsl-order takes TP/SL orders, modify-plan-order trigger orders.
                (t.kind != TriggerKind::Plan) == tpsl
                    && t.instrument.symbol.eq_ignore_ascii_case(&symbol)
                    && t.instrument.market == CoreMarket::Futures(product_type.clone())
            })
        })
        .ok_or_else(|| SimError::bad("43025", "Plan order does not exist"))
}

fn modified(
    inner: &mut Inner,
    uid: &str,
    id: u64,
    trigger: Option<Decimal>,
    mark: Option<bool>,
    order: impl FnOnce(NewOrder) -> NewOrder,
) -> Result<Value, SimError> {
    let t = inner
        .venue
        .ex
        .trigger(id)
        .cloned()
        .ok_or_else(|| SimError::bad("43025", "Plan order does not exist"))?;
    let kind = mark.map_or(t.price_kind, PriceKind::from_mark);
    inner
        .venue
        .ex
        .modify_trigger(
            uid,
            id,
            trigger.unwrap_or(t.trigger_price),
            kind,
            order(t.order),
        )
        .map_err(|r| crate::venue::refusal(&r, true))?;
    let coid = inner
        .venue
        .plan_label(id)
        .map(|l| l.0.to_owned())
        .unwrap_or_default();
    Ok(json!({ "orderId": id.to_string(), "clientOid": coid }))
}

/// `modify-tpsl-order`: a TP/SL's trigger, execution price and size (`""` for the whole
/// position) changed in place.
pub(super) fn modify_tpsl_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &[
            "orderId",
            "clientOid",
            "marginCoin",
            "productType",
            "symbol",
            "triggerPrice",
            "triggerType",
            "executePrice",
            "size",
            "rangeRate",
        ],
    )?;
    margin_coin(&p)?.ok_or_else(|| SimError::missing("marginCoin"))?;
    let id = named_trigger(inner, &account.uid, &p, true)?;
    let trigger = decimal(&p, "triggerPrice", true)?;
    let mark = p
        .text("triggerType")?
        .map(|_| trigger_kind(&p, "triggerType"))
        .transpose()?;
    let size = decimal(&p, "size", false)?.unwrap_or_default();
    let execute = decimal(&p, "executePrice", false)?.filter(|e| !e.is_zero());
    modified(inner, &account.uid, id, trigger, mark, |o| NewOrder {
        size,
        order_type: if execute.is_some() {
            OrderType::Limit
        } else {
            OrderType::Market
        },
        price: execute,
        tif: if execute.is_some() {
            TimeInForce::Gtc
        } else {
            TimeInForce::Ioc
        },
        ..o
    })
}

/// `modify-plan-order`: a trigger order's trigger, price and size changed in place (an empty
/// field keeps its value). Attached TP/SL changes are accepted and not simulated.
pub(super) fn modify_plan_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &[
            "planType",
            "orderId",
            "clientOid",
            "symbol",
            "productType",
            "newSize",
            "newPrice",
            "newCallbackRatio",
            "newTriggerPrice",
            "newTriggerType",
            "newStopSurplusTriggerPrice",
            "newStopSurplusExecutePrice",
            "newStopSurplusTriggerType",
            "newStopLossTriggerPrice",
            "newStopLossExecutePrice",
            "newStopLossTriggerType",
        ],
    )?;
    let plan_type = p.required("planType")?;
    if plan_type == "track_plan" && p.text("newPrice")?.is_some() {
        return Err(SimError::bad(
            "40017",
            "newPrice is not allowed for track_plan",
        ));
    }
    let id = named_trigger(inner, &account.uid, &p, false)?;
    let trigger = decimal(&p, "newTriggerPrice", false)?;
    if p.text("newTriggerType")?.is_some() && trigger.is_none() {
        return Err(SimError::missing("newTriggerPrice"));
    }
    let mark = p
        .text("newTriggerType")?
        .map(|_| trigger_kind(&p, "newTriggerType"))
        .transpose()?;
    let size = decimal(&p, "newSize", false)?;
    let price = decimal(&p, "newPrice", false)?;
    modified(inner, &account.uid, id, trigger, mark, |o| NewOrder {
        size: size.unwrap_or(o.size),
        price: price.or(o.price),
        ..o
    })
}
