//! `/api/v2/spot/trade/...`.

use serde_json::{Value, json};

use super::names::text;
use super::paging::Paging;
use super::{decimal, failure, force, items, order_type, success};
use crate::account::Account;
use crate::envelope::SimError;
use crate::exchange::{NewOrder, OrderType, Side, Status};
use crate::orders::{Market, Wanted};
use crate::params::Params;
use crate::state::Inner;

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
            "side",
            "orderType",
            "force",
            "price",
            "size",
            "clientOid",
            "triggerPrice",
            "tpslType",
            "requestTime",
            "receiveWindow",
            "stpMode",
            "presetTakeProfitPrice",
            "executeTakeProfitPrice",
            "presetStopLossPrice",
            "executeStopLossPrice",
        ],
    )?;
    let symbol = p.required("symbol")?;
    if p.text("tpslType")?.as_deref() == Some("tpsl") {
        return place_tpsl(inner, account, &p, &symbol);
    }
    let order = place_one(inner, account, &p, &symbol)?;
    Ok(success(&order))
}

/// The plan-type label the simulator keeps a spot TP/SL order under (`tpslType=tpsl`): a
/// trigger on the last price that is listed by unfilled-orders with `tpslType=tpsl`, not by the
/// plan-order lists, and cancelled by cancel-order with `tpslType=tpsl`.
const SPOT_TPSL: &str = "spot_tpsl";

/// A spot TP/SL order: `triggerPrice` is required, and the order (limit at `price`, or market)
/// is placed when the last price reaches it. The page says `clientOid` is not used for it, so
/// it is not kept.
fn place_tpsl(
    inner: &mut Inner,
    account: &Account,
    p: &Params,
    symbol: &str,
) -> Result<Value, SimError> {
    let trigger = decimal(p, "triggerPrice", true)?.unwrap_or_default();
    let side = side(&p.required("side")?)?;
    let order_type = order_type(p)?;
    let price = decimal(p, "price", order_type == OrderType::Limit)?;
    let size = decimal(p, "size", true)?.unwrap_or_default();
    let tif = force(p)?;
    let instrument = inner.venue.instrument(&Market::Spot, symbol)?;
    let order = match price {
        Some(price) if order_type == OrderType::Limit => {
            NewOrder::limit(&account.uid, instrument, side, price, size).tif(tif)
        }
        _ => NewOrder::market(&account.uid, instrument, side, size),
    };
    let placed = inner.venue.place_trigger(
        crate::exchange::TriggerKind::Plan,
        SPOT_TPSL,
        trigger,
        false,
        order,
    )?;
    Ok(json!({ "orderId": placed.order_id, "clientOid": null }))
}

/// The live spot TP/SL order of the account `order_id` names.
fn live_tpsl(inner: &Inner, account: &Account, order_id: &str) -> Option<u64> {
    inner
        .venue
        .live_trigger(&account.uid, Some(order_id), None)
        .filter(|id| {
            inner
                .venue
                .plan_label(*id)
                .is_some_and(|(_, t)| t == SPOT_TPSL)
        })
}

/// The account's live spot TP/SL orders as unfilled-orders writes them (`tpslType=tpsl`),
/// newest first.
fn tpsl_rows(inner: &Inner, account: &Account, symbol: Option<&str>) -> Vec<Value> {
    let mut rows: Vec<Value> = inner
        .venue
        .ex
        .triggers(&account.uid)
        .filter(|t| t.status == crate::exchange::TriggerStatus::Live)
        .filter(|t| inner.venue.plan_label(t.id).is_some_and(|(_, k)| k == SPOT_TPSL))
        .filter(|t| symbol.is_none_or(|s| s.eq_ignore_ascii_case(&t.instrument.symbol)))
        .map(|t| {
            json!({
                "userId": account.uid,
                "symbol": t.instrument.symbol,
                "orderId": t.id.to_string(),
                "clientOid": "",
                "priceAvg": t.order.price.map(text).unwrap_or_default(),
                "size": text(t.order.size),
                "orderType": match t.order.order_type { OrderType::Limit => "limit", OrderType::Market => "market" },
                "side": match t.order.side { Side::Buy => "buy", Side::Sell => "sell" },
                "status": "live",
                "basePrice": "",
                "baseVolume": "0",
                "quoteVolume": "0",
                "enterPointSource": "API",
                "orderSource": "normal",
                "presetTakeProfitPrice": "",
                "executeTakeProfitPrice": "",
                "presetStopLossPrice": "",
                "executeStopLossPrice": "",
                "cTime": t.created_ms.to_string(),
                "uTime": t.updated_ms.to_string(),
                "tpslType": "tpsl",
                "triggerPrice": text(t.trigger_price),
            })
        })
        .collect();
    rows.reverse();
    rows
}

/// One spot order of `symbol` from its parameters (place-order's body, or a batch item).
fn place_one(
    inner: &mut Inner,
    account: &Account,
    p: &Params,
    symbol: &str,
) -> Result<crate::orders::Order, SimError> {
    let side = side(&p.required("side")?)?;
    let order_type = order_type(p)?;
    let price = decimal(p, "price", order_type == OrderType::Limit)?;
    let size = decimal(p, "size", true)?.unwrap_or_default();
    let tif = force(p)?;
    let venue = &mut inner.venue;
    let instrument = venue.instrument(&Market::Spot, symbol)?;
    let client_oid = venue.client_oid(&account.uid, p.text("clientOid")?)?;
    let order = NewOrder {
        account: account.uid.clone(),
        instrument,
        side,
        order_type,
        price,
        size,
        tif,
        client_oid: Some(client_oid),
        effect: None,
    };
    venue.place(order)
}

/// The keys a batch-orders item takes (the page's table).
const BATCH_ITEM_KEYS: [&str; 12] = [
    "symbol",
    "side",
    "orderType",
    "force",
    "price",
    "size",
    "clientOid",
    "stpMode",
    "presetTakeProfitPrice",
    "executeTakeProfitPrice",
    "presetStopLossPrice",
    "executeStopLossPrice",
];

/// `batch-orders`: up to 50 orders, of one symbol (`single`) or each of its own (`multiple`);
/// each placed or refused alone, the envelope `00000` either way.
pub(super) fn batch_orders(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, &["symbol", "batchMode", "orderList"])?;
    let multiple = match p.text("batchMode")?.as_deref() {
        None | Some("single") => false,
        Some("multiple") => true,
        Some(other) => {
            return Err(SimError::invalid(format!(
                "batchMode `{other}` is not single or multiple"
            )));
        }
    };
    let list = p
        .list("orderList")?
        .ok_or_else(|| SimError::missing("orderList"))?;
    if list.is_empty() {
        return Err(SimError::missing("orderList"));
    }
    if list.len() > 50 {
        return Err(SimError::invalid("orderList holds at most 50 orders"));
    }
    let outer = p.text("symbol")?;
    let (mut ok, mut failed) = (Vec::new(), Vec::new());
    for raw in list {
        let item = Params::parse(raw.to_string().as_bytes(), &BATCH_ITEM_KEYS)?;
        let coid = item.text("clientOid")?;
        let symbol = if multiple {
            item.text("symbol")?
        } else {
            outer.clone()
        };
        let Some(symbol) = symbol else {
            return Err(SimError::missing("symbol"));
        };
        match place_one(inner, account, &item, &symbol) {
            Ok(order) => ok.push(json!({"orderId": order.order_id, "clientOid": order.client_oid})),
            Err(e) => failed.push(failure(None, coid.as_deref(), &e.msg, &e.code)),
        }
    }
    Ok(json!({"successList": ok, "failureList": failed}))
}

/// `cancel-symbol-order`: every open order of the pair (at once here; asynchronous on Bitget).
pub(super) fn cancel_symbol_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, &["symbol"])?;
    let symbol = p.required("symbol")?;
    let ex = &mut inner.venue.ex;
    let open: Vec<u64> = ex
        .open_orders(&account.uid)
        .filter(|o| {
            o.request.effect.is_none() && o.request.instrument.symbol.eq_ignore_ascii_case(&symbol)
        })
        .map(|o| o.id)
        .collect();
    for id in open {
        ex.cancel(&account.uid, id);
    }
    Ok(json!({ "symbol": symbol }))
}

pub(super) fn side(side: &str) -> Result<Side, SimError> {
    match side.to_ascii_lowercase().as_str() {
        "buy" => Ok(Side::Buy),
        "sell" => Ok(Side::Sell),
        other => Err(SimError::invalid(format!(
            "side `{other}` is not buy or sell"
        ))),
    }
}

/// `cancel-order`: one order, by orderId or clientOid; a TP/SL order by orderId without symbol.
pub(super) fn cancel_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, &["symbol", "tpslType", "orderId", "clientOid"])?;
    let tpsl = p.text("tpslType")?.is_some_and(|t| t == "tpsl");
    let symbol = p.text("symbol")?;
    if symbol.is_none() && !tpsl {
        return Err(SimError::missing("symbol"));
    }
    let (order_id, client_oid) = (p.text("orderId")?, p.text("clientOid")?);
    if order_id.is_none() && (tpsl || client_oid.is_none()) {
        return Err(SimError::missing("orderId"));
    }
    if tpsl {
        let id = order_id.as_deref().unwrap_or_default();
        let live = live_tpsl(inner, account, id)
            .ok_or_else(|| SimError::bad("43001", "The order does not exist"))?;
        inner
            .venue
            .ex
            .cancel_trigger(&account.uid, live)
            .ok_or_else(|| SimError::bad("43001", "The order does not exist"))?;
        return Ok(json!({ "orderId": live.to_string(), "clientOid": null }));
    }
    let wanted = Wanted {
        order_id: order_id.as_deref(),
        client_oid: client_oid.as_deref(),
    };
    let venue = &mut inner.venue;
    let found = venue
        .find(&account.uid, &wanted, |o| {
            o.market == Market::Spot
                && symbol
                    .as_ref()
                    .is_none_or(|s| s.eq_ignore_ascii_case(&o.symbol))
        })
        .map(|o| o.order_id)
        .ok_or_else(|| SimError::bad("43001", "The order does not exist"))?;
    let order = venue
        .cancel(&account.uid, &found)
        .ok_or_else(|| SimError::bad("43001", "The order does not exist"))?;
    Ok(success(&order))
}

/// `batch-cancel-order`: up to 50 orders, of one symbol or (multiple mode) several. Mixing
/// orderId and clientOid fails the items that give only a clientOid, as the doc says.
pub(super) fn batch_cancel_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, &["symbol", "batchMode", "orderList"])?;
    let multiple = match p.text("batchMode")?.as_deref() {
        None | Some("single") => false,
        Some("multiple") => true,
        Some(other) => {
            return Err(SimError::invalid(format!(
                "batchMode `{other}` is not single or multiple"
            )));
        }
    };
    let list = items(
        p.list("orderList")?
            .ok_or_else(|| SimError::missing("orderList"))?,
        "orderList",
    )?;
    if list.is_empty() {
        return Err(SimError::missing("orderList"));
    }
    let outer = p.text("symbol")?;
    if !multiple && outer.is_none() {
        return Err(SimError::missing("symbol"));
    }
    if multiple && list.iter().any(|i| i.symbol.is_none()) {
        return Err(SimError::missing("orderList.symbol"));
    }
    let by_order_id = list.iter().any(|i| i.order_id.is_some());
    let venue = &mut inner.venue;
    let (mut ok, mut failed) = (Vec::new(), Vec::new());
    for item in &list {
        let (oid, coid) = (item.order_id.as_deref(), item.client_oid.as_deref());
        if oid.is_none() && coid.is_none() {
            failed.push(failure(
                oid,
                coid,
                "orderId or clientOid is required",
                "40019",
            ));
            continue;
        }
        if by_order_id && oid.is_none() {
            failed.push(failure(
                oid,
                coid,
                "orderId and clientOid cannot be mixed in one batch",
                "43001",
            ));
            continue;
        }
        let symbol = if multiple {
            item.symbol.clone()
        } else {
            outer.clone()
        };
        let found = venue
            .find(
                &account.uid,
                &Wanted {
                    order_id: oid,
                    client_oid: coid,
                },
                |o| {
                    o.market == Market::Spot
                        && symbol
                            .as_ref()
                            .is_some_and(|s| s.eq_ignore_ascii_case(&o.symbol))
                },
            )
            .map(|o| o.order_id);
        match found.and_then(|id| venue.cancel(&account.uid, &id)) {
            Some(order) => ok.push(success(&order)),
            None => failed.push(failure(oid, coid, "The order does not exist", "43001")),
        }
    }
    Ok(json!({ "successList": ok, "failureList": failed }))
}

/// `orderInfo`: one order, by `orderId` (prevailing) or `clientOid`, as a list. By client id it
/// finds an order only while it is unfilled (the page's newer revision); otherwise, and for an
/// unknown id, the list is empty [guess: the page shows no error for it].
pub(super) fn order_info(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    let p = Params::query(
        query,
        &["orderId", "clientOid", "requestTime", "receiveWindow"],
    )?;
    let ex = &inner.venue.ex;
    let order = match (p.text("orderId")?, p.text("clientOid")?) {
        (Some(id), _) => id.parse::<u64>().ok().and_then(|id| ex.order(id)),
        (None, Some(coid)) => ex
            .order_by_client_oid(&account.uid, &coid)
            .filter(|o| !matches!(o.status, Status::Filled)),
        (None, None) => return Err(SimError::missing("orderId")),
    };
    let order = order.filter(|o| o.request.account == account.uid && o.request.effect.is_none());
    Ok(Value::Array(
        order
            .map(|o| spot_order_json(ex, account, o))
            .into_iter()
            .collect(),
    ))
}

/// A spot order as orderInfo writes it.
fn spot_order_json(
    ex: &crate::exchange::Exchange,
    account: &Account,
    o: &crate::exchange::Order,
) -> Value {
    let status = match o.status {
        Status::Live => "live",
        Status::PartiallyFilled => "partially_filled",
        Status::Filled => "filled",
        Status::Cancelled => "cancelled",
    };
    // A buyer pays its fee in the coin it receives, a seller in the quote coin.
    let inst = ex.instrument(&o.request.instrument);
    let fee_coin = match (o.request.side, inst) {
        (Side::Buy, Some(i)) => i.base.as_str(),
        (Side::Sell, Some(i)) => i.quote.as_str(),
        (_, None) => "",
    };
    // feeDetail is JSON inside a string, as the page shows it.
    let fee_detail = if o.fee.is_zero() {
        String::new()
    } else {
        // The page's shape: per coin, the fee as a JSON number, no deduction.
        format!(
            r#"{{"{fee_coin}":{{"deduction":false,"feeCoinCode":"{fee_coin}","totalDeductionFee":0,"totalFee":{}}}}}"#,
            text(-o.fee)
        )
    };
    json!({
        "userId": account.uid,
        "symbol": o.request.instrument.symbol,
        "orderId": o.id.to_string(),
        "clientOid": o.request.client_oid.clone().unwrap_or_default(),
        "price": o.request.price.map(text).unwrap_or_default(),
        "size": text(o.request.size),
        "orderType": match o.request.order_type { OrderType::Limit => "limit", OrderType::Market => "market" },
        "side": match o.request.side { Side::Buy => "buy", Side::Sell => "sell" },
        "status": status,
        "priceAvg": o.average_price().map(|p| text(p.round_dp(8))).unwrap_or_default(),
        "baseVolume": text(o.filled),
        "quoteVolume": text(o.filled_quote),
        "enterPointSource": "API",
        "feeDetail": fee_detail,
        "orderSource": if o.request.order_type == OrderType::Limit { "normal" } else { "market" },
        "cancelReason": "",
        "cTime": o.created_ms.to_string(),
        "uTime": o.updated_ms.to_string(),
    })
}

/// The query keys the order lists take (unfilled-orders and history-orders share the page's
/// table).
const ORDER_LIST_KEYS: [&str; 9] = [
    "symbol",
    "startTime",
    "endTime",
    "idLessThan",
    "limit",
    "orderId",
    "tpslType",
    "requestTime",
    "receiveWindow",
];

/// The account's spot orders, open or finished, newest first, paged by `idLessThan`.
fn spot_orders(
    inner: &Inner,
    account: &Account,
    query: &str,
    open: bool,
) -> Result<Vec<Value>, SimError> {
    let p = Params::query(query, &ORDER_LIST_KEYS)?;
    let symbol = p.text("symbol")?;
    let order_id = p.text("orderId")?;
    // TP/SL orders are listed apart (`tpslType=tpsl`): the live ones among the open orders;
    // once fired, the order they placed is an order like any other.
    if p.text("tpslType")?.as_deref() == Some("tpsl") {
        return Ok(if open {
            tpsl_rows(inner, account, symbol.as_deref())
        } else {
            Vec::new()
        });
    }
    let paging = Paging::read(&p, 100, 90)?;
    let ex = &inner.venue.ex;
    let rows = ex
        .orders(&account.uid)
        .filter(|o| o.request.effect.is_none() && o.status.is_open() == open)
        .filter(|o| {
            symbol
                .as_deref()
                .is_none_or(|s| s.eq_ignore_ascii_case(&o.request.instrument.symbol))
        })
        .filter(|o| order_id.as_deref().is_none_or(|id| id == o.id.to_string()))
        .map(|o| {
            let row = if open {
                open_order_json(account, o)
            } else {
                spot_order_json(ex, account, o)
            };
            (o.id, o.created_ms, row)
        })
        .collect();
    Ok(paging.page(rows).0)
}

/// `unfilled-orders`: a bare list of open orders, with the page's field names (`priceAvg` is
/// the limit price and `basePrice` the average fill price, as its table says).
pub(super) fn unfilled_orders(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    Ok(Value::Array(spot_orders(inner, account, query, true)?))
}

/// `history-orders`: finished orders with orderInfo's fields.
pub(super) fn history_orders(
    inner: &mut Inner,
    account: &Account,
    query: &str,
) -> Result<Value, SimError> {
    Ok(Value::Array(spot_orders(inner, account, query, false)?))
}

fn open_order_json(account: &Account, o: &crate::exchange::Order) -> Value {
    json!({
        "userId": account.uid,
        "symbol": o.request.instrument.symbol,
        "orderId": o.id.to_string(),
        "clientOid": o.request.client_oid.clone().unwrap_or_default(),
        "priceAvg": o.request.price.map(text).unwrap_or_default(),
        "size": text(o.request.size),
        "orderType": match o.request.order_type { OrderType::Limit => "limit", OrderType::Market => "market" },
        "side": match o.request.side { Side::Buy => "buy", Side::Sell => "sell" },
        "status": match o.status { Status::PartiallyFilled => "partially_filled", _ => "live" },
        "basePrice": o.average_price().map(|p| text(p.round_dp(8))).unwrap_or_default(),
        "baseVolume": text(o.filled),
        "quoteVolume": text(o.filled_quote),
        "enterPointSource": "API",
        "orderSource": "normal",
        "presetTakeProfitPrice": "",
        "executeTakeProfitPrice": "",
        "presetStopLossPrice": "",
        "executeStopLossPrice": "",
        "cTime": o.created_ms.to_string(),
        "uTime": o.updated_ms.to_string(),
        "tpslType": "normal",
        "triggerPrice": null,
    })
}

/// `fills`: the account's spot fills, newest first, paged by trade id (`idLessThan`).
pub(super) fn fills(inner: &mut Inner, account: &Account, query: &str) -> Result<Value, SimError> {
    let p = Params::query(
        query,
        &[
            "symbol",
            "orderId",
            "startTime",
            "endTime",
            "limit",
            "idLessThan",
        ],
    )?;
    let symbol = p.text("symbol")?;
    let order_id = p.text("orderId")?;
    let paging = Paging::read(&p, 100, 90)?;
    let ex = &inner.venue.ex;
    let rows = ex
        .fills(&account.uid)
        .filter(|f| matches!(f.instrument.market, crate::exchange::Market::Spot))
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
            let order_type = ex
                .order(f.order_id)
                .map_or("limit", |o| match o.request.order_type {
                    OrderType::Limit => "limit",
                    OrderType::Market => "market",
                });
            let row = json!({
                "userId": account.uid,
                "symbol": f.instrument.symbol,
                "orderId": f.order_id.to_string(),
                "tradeId": f.trade_id.to_string(),
                "orderType": order_type,
                "side": match f.side { Side::Buy => "buy", Side::Sell => "sell" },
                "priceAvg": text(f.price),
                "size": text(f.size),
                "amount": text(f.price * f.size),
                "feeDetail": {
                    "deduction": "no",
                    "feeCoin": f.fee_coin,
                    "totalDeductionFee": "0",
                    "totalFee": text(-f.fee),
                },
                "tradeScope": if f.maker { "maker" } else { "taker" },
                "cTime": f.time_ms.to_string(),
                "uTime": f.time_ms.to_string(),
            });
            (f.trade_id, f.time_ms, row)
        })
        .collect();
    Ok(Value::Array(paging.page(rows).0))
}

/// `account/assets`: the balances, per coin; without `coin`, those with a balance (the
/// default `assetType=hold_only`).
pub(super) fn assets(inner: &mut Inner, account: &Account, query: &str) -> Result<Value, SimError> {
    let p = Params::query(query, &["coin", "assetType"])?;
    let coin = p.text("coin")?;
    let all = match p.text("assetType")?.as_deref() {
        None | Some("hold_only") => false,
        Some("all") => true,
        Some(other) => {
            return Err(SimError::invalid(format!(
                "assetType `{other}` is not hold_only or all"
            )));
        }
    };
    let now = inner.venue.ex.now_ms();
    let rows: Vec<Value> = inner
        .venue
        .ex
        .balances(&account.uid)
        .into_iter()
        .filter(|(c, _)| coin.as_deref().is_none_or(|w| w.eq_ignore_ascii_case(c)))
        .filter(|(_, b)| all || coin.is_some() || !(b.available + b.frozen).is_zero())
        .map(|(c, b)| {
            json!({
                "coin": c,
                "available": text(b.available),
                "frozen": text(b.frozen),
                "locked": "0",
                "limitAvailable": "0",
                "uTime": now.to_string(),
            })
        })
        .collect();
    Ok(Value::Array(rows))
}

/// `cancel-replace-order`: the order cancelled and its replacement placed at the new price and
/// size, under `newClientOid` when given. A replacement the exchange refuses leaves the original
/// in place and answers `success: failure` with the reason under `00000` (the catalogue's
/// reading of the SDK's answer type).
pub(super) fn cancel_replace_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, &REPLACE_KEYS)?;
    replace_one(inner, account, &p)
}

/// The keys a cancel-replace (and each batch cancel-replace item) takes.
const REPLACE_KEYS: [&str; 10] = [
    "symbol",
    "price",
    "size",
    "clientOid",
    "orderId",
    "newClientOid",
    "presetTakeProfitPrice",
    "executeTakeProfitPrice",
    "presetStopLossPrice",
    "executeStopLossPrice",
];

/// `batch-cancel-replace-order`: up to 50 items, each its own pair, each replaced or refused
/// alone: one `{orderId, clientOid, success, msg}` per item, the envelope `00000` either way.
pub(super) fn batch_cancel_replace_order(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(body, &["orderList"])?;
    let list = p
        .list("orderList")?
        .ok_or_else(|| SimError::missing("orderList"))?
        .clone();
    if list.is_empty() {
        return Err(SimError::missing("orderList"));
    }
    if list.len() > 50 {
        return Err(SimError::invalid("orderList holds at most 50 orders"));
    }
    let mut out = Vec::with_capacity(list.len());
    for raw in list {
        let item = Params::parse(raw.to_string().as_bytes(), &REPLACE_KEYS)?;
        let answer = replace_one(inner, account, &item).unwrap_or_else(|e| {
            json!({
                "orderId": item.text("orderId").ok().flatten(),
                "clientOid": item.text("clientOid").ok().flatten(),
                "success": "failure",
                "msg": e.msg,
            })
        });
        out.push(answer);
    }
    Ok(Value::Array(out))
}

/// One cancel-replace, from its parameters.
fn replace_one(inner: &mut Inner, account: &Account, p: &Params) -> Result<Value, SimError> {
    let symbol = p.required("symbol")?;
    let price = decimal(p, "price", true)?;
    let size = decimal(p, "size", true)?.unwrap_or_default();
    let new_coid = p.text("newClientOid")?;
    let venue = &mut inner.venue;
    let ex = &venue.ex;
    let order = match (p.text("orderId")?, p.text("clientOid")?) {
        (Some(id), _) => id.parse::<u64>().ok().and_then(|id| ex.order(id)),
        (None, Some(coid)) => ex.order_by_client_oid(&account.uid, &coid),
        (None, None) => return Err(SimError::missing("orderId")),
    }
    .filter(|o| {
        o.request.account == account.uid
            && o.request.effect.is_none()
            && o.status.is_open()
            && o.request.instrument.symbol.eq_ignore_ascii_case(&symbol)
    })
    .map(|o| (o.id, o.request.client_oid.clone()))
    .ok_or_else(|| SimError::bad("43001", "The order does not exist"))?;
    let new_coid = match new_coid {
        Some(c) => Some(venue.client_oid(&account.uid, Some(c))?),
        None => None,
    };
    match venue
        .ex
        .replace_as(&account.uid, order.0, price, size, new_coid.clone())
    {
        Some(Ok(new_id)) => Ok(json!({
            "orderId": new_id.to_string(),
            "clientOid": new_coid,
            "success": "success",
            "msg": null,
        })),
        Some(Err(reject)) => Ok(json!({
            "orderId": order.0.to_string(),
            "clientOid": order.1,
            "success": "failure",
            "msg": crate::venue::refusal(&reject, false).msg,
        })),
        None => Err(SimError::bad("43001", "The order does not exist")),
    }
}
