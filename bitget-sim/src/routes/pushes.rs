//! The private streams' pushes, in the shapes of the channel pages (v2: spot and contract
//! `websocket/private/{Account,Order,Fill,Positions}-Channel`; v3: `uta/websocket/private/
//! {Account,Positions,Order,Fill,Fast-Fill}-Channel`), rendered from the exchange core's
//! state: an order as it was when its state changed (the outbox's snapshot), a fill as made,
//! the balances and positions as they are now. Written from the pages, beside the REST shapes
//! they resemble (the REST renderers are reused where the page's fields are the same).

use serde_json::{Value, json};

use super::names::{force, order_side_name, order_type_name, pos_mode, text};
use crate::account::Account;
use crate::exchange::{Fill, Market, Order, Status};
use crate::state::Inner;

/// v2's `status` of an order push: spot writes `cancelled`, futures `canceled` (each page's
/// list of values).
fn v2_status(s: Status, spot: bool) -> &'static str {
    match s {
        Status::Live => "live",
        Status::PartiallyFilled => "partially_filled",
        Status::Filled => "filled",
        Status::Cancelled if spot => "cancelled",
        Status::Cancelled => "canceled",
    }
}

fn scope(maker: bool) -> &'static str {
    if maker { "maker" } else { "taker" }
}

/// The fee as the fill pages write it (`totalFee` negative for a fee paid).
fn fill_fee_detail(f: &Fill) -> Value {
    json!([{
        "deduction": "no",
        "feeCoin": f.fee_coin,
        "totalDeductionFee": "0",
        "totalFee": text(-f.fee),
    }])
}

/// The order pages' `feeDetail`: one `{feeCoin, fee}` per coin, negative for a fee paid; `[]`
/// before any fill.
fn order_fee_detail(o: &Order, fee_coin: Option<&str>) -> Value {
    match fee_coin {
        Some(coin) if !o.fee.is_zero() => json!([{ "feeCoin": coin, "fee": text(-o.fee) }]),
        _ => json!([]),
    }
}

/// v2 `orders` (spot and futures): the order as it was when it changed; `last` is the fill
/// that changed it, whose price, size and fee the page's `fill*` fields carry.
pub(crate) fn v2_order(inner: &Inner, o: &Order, last: Option<&Fill>) -> Value {
    let spot = o.request.effect.is_none();
    let r = &o.request;
    let fill_field = |f: fn(&Fill) -> String| last.map(f).unwrap_or_default();
    let mut v = if spot {
        json!({
            "instId": r.instrument.symbol,
            "orderId": o.id.to_string(),
            "clientOid": r.client_oid.clone().unwrap_or_default(),
            "price": r.price.map(text).unwrap_or_default(),
            // The page: quote coin for a market buy, base coin otherwise.
            "size": text(r.size),
            "newSize": text(r.size),
            "notional": if r.is_spot_market_buy() { text(r.size) } else { String::new() },
            "orderType": order_type_name(r.order_type),
            "force": force(r.tif),
            "side": order_side_name(r.side),
            "accBaseVolume": text(o.filled),
            "priceAvg": o.average_price().map(|p| text(p.round_dp(8))).unwrap_or_default(),
            "status": v2_status(o.status, true),
            "enterPointSource": "API",
            "stpMode": "none",
        })
    } else {
        let mut v = super::mix_query::order_json(inner, o, "status");
        if let Some(m) = v.as_object_mut() {
            m.remove("symbol");
            m.insert("instId".into(), json!(r.instrument.symbol));
            m.insert("accBaseVolume".into(), json!(text(o.filled)));
            m.insert("status".into(), json!(v2_status(o.status, false)));
            m.insert("notionalUsd".into(), json!(text(o.filled_quote)));
            m.insert("cancelReason".into(), json!(""));
            m.insert("pnl".into(), json!(fill_field(|f| text(f.realized_pnl))));
            m.insert("stpMode".into(), json!("none"));
            m.remove("fee");
            m.remove("quoteVolume");
            m.remove("orderSource");
        }
        v
    };
    let fee_coin = last.map(|f| f.fee_coin.clone());
    if let Some(m) = v.as_object_mut() {
        m.insert("fillPrice".into(), json!(fill_field(|f| text(f.price))));
        m.insert(
            "tradeId".into(),
            json!(fill_field(|f| f.trade_id.to_string())),
        );
        m.insert("baseVolume".into(), json!(fill_field(|f| text(f.size))));
        m.insert(
            "fillTime".into(),
            json!(fill_field(|f| f.time_ms.to_string())),
        );
        m.insert("fillFee".into(), json!(fill_field(|f| text(-f.fee))));
        m.insert(
            "fillFeeCoin".into(),
            json!(fill_field(|f| f.fee_coin.clone())),
        );
        m.insert(
            "tradeScope".into(),
            json!(fill_field(|f| scope(f.maker).to_owned())),
        );
        m.insert("feeDetail".into(), order_fee_detail(o, fee_coin.as_deref()));
        m.insert("cTime".into(), json!(o.created_ms.to_string()));
        m.insert("uTime".into(), json!(o.updated_ms.to_string()));
    }
    v
}

fn order_type_of(inner: &Inner, f: &Fill) -> &'static str {
    inner
        .venue
        .ex
        .order(f.order_id)
        .map_or("limit", |o| order_type_name(o.request.order_type))
}

/// v2 `fill`: spot (`priceAvg size amount`) or futures (`price baseVolume quoteVolume profit`).
pub(crate) fn v2_fill(inner: &Inner, f: &Fill) -> Value {
    let ex = &inner.venue.ex;
    let order = ex.order(f.order_id);
    let client_oid = order
        .and_then(|o| o.request.client_oid.clone())
        .unwrap_or_default();
    match &f.instrument.market {
        Market::Spot => json!({
            "orderId": f.order_id.to_string(),
            "tradeId": f.trade_id.to_string(),
            "symbol": f.instrument.symbol,
            "orderType": order_type_of(inner, f),
            "side": order_side_name(f.side),
            "priceAvg": text(f.price),
            "size": text(f.size),
            "amount": text(f.price * f.size),
            "tradeScope": scope(f.maker),
            "feeDetail": fill_fee_detail(f),
            "cTime": f.time_ms.to_string(),
            "uTime": f.time_ms.to_string(),
        }),
        Market::Futures(_) => {
            let (_, trade_side, _, _) = order.map_or(("", "", "", ""), |o| {
                super::mix_query::v2_sides(o.request.side, o.request.effect)
            });
            json!({
                "orderId": f.order_id.to_string(),
                "clientOid": client_oid,
                "tradeId": f.trade_id.to_string(),
                "symbol": f.instrument.symbol,
                "side": order_side_name(f.side),
                "orderType": order_type_of(inner, f),
                "posMode": pos_mode(inner, &f.account),
                "price": text(f.price),
                "baseVolume": text(f.size),
                "quoteVolume": text(f.price * f.size),
                "profit": text(f.realized_pnl),
                "tradeSide": trade_side,
                "tradeScope": scope(f.maker),
                "feeDetail": fill_fee_detail(f),
                "cTime": f.time_ms.to_string(),
                "uTime": f.time_ms.to_string(),
            })
        }
    }
}

/// v2 `positions`: every open position of the product type (a closed one is absent).
pub(crate) fn v2_positions(inner: &Inner, uid: &str, product_type: &str) -> Value {
    let market = Market::Futures(product_type.to_owned());
    Value::Array(
        inner
            .venue
            .ex
            .positions(uid)
            .into_iter()
            .filter(|p| p.instrument.market == market)
            .map(|p| {
                let mut v = super::mix_account::position_json(inner, uid, p);
                if let Some(m) = v.as_object_mut() {
                    m.remove("symbol");
                    m.insert("instId".into(), json!(p.instrument.symbol));
                    m.insert("posId".into(), json!(p.id.to_string()));
                    m.insert("frozen".into(), json!("0"));
                    let upnl = m.get("unrealizedPL").cloned().unwrap_or(json!("0"));
                    m.insert("unrealizedPLR".into(), upnl);
                }
                v
            })
            .collect(),
    )
}

/// v2 `account`: spot's coin balances, or a futures product type's margin coin.
pub(crate) fn v2_account(inner: &Inner, uid: &str, inst_type: &str) -> Value {
    let ex = &inner.venue.ex;
    let now = ex.now_ms().to_string();
    if inst_type == "SPOT" {
        return Value::Array(
            ex.balances(uid)
                .into_iter()
                .map(|(coin, b)| {
                    json!({
                        "coin": coin,
                        "available": text(b.available),
                        "frozen": text(b.frozen),
                        "locked": "0",
                        "limitAvailable": "0",
                        "uTime": now,
                    })
                })
                .collect(),
        );
    }
    let coin = match inst_type {
        "USDC-FUTURES" => "USDC",
        _ => "USDT",
    };
    let a = super::mix_account::account_json(inner, uid, inst_type, coin, None);
    let get = |k: &str| a.get(k).cloned().unwrap_or(json!(""));
    json!([{
        "marginCoin": coin,
        "frozen": get("locked"),
        "available": get("available"),
        "maxOpenPosAvailable": get("crossedMaxAvailable"),
        "maxTransferOut": get("maxTransferOut"),
        "equity": get("accountEquity"),
        "usdtEquity": get("usdtEquity"),
        "crossedRiskRate": get("crossedRiskRate"),
        "unrealizedPL": get("unrealizedPL"),
        "unionTotalMargin": "",
        "unionAvailable": "",
        "unionMm": "",
        "assetMode": "single",
    }])
}

/// v2 `equity` (futures): the account's equity in USDT and its unrealised profit.
pub(crate) fn v2_equity(inner: &Inner, uid: &str) -> Value {
    let a = super::mix_account::account_json(inner, uid, "USDT-FUTURES", "USDT", None);
    let get = |k: &str| a.get(k).cloned().unwrap_or(json!(""));
    json!([{
        "btcEquity": "",
        "usdtEquity": get("usdtEquity"),
        "unrealizedPL": get("unrealizedPL"),
        "unionTotalMargin": "",
        "unionAvailable": "",
        "unionMm": "",
    }])
}

/// The REST shapes' `category` in lower case, as the v3 `order` and `position` pages write it.
fn lower_category(m: &mut serde_json::Map<String, Value>) {
    if let Some(Value::String(c)) = m.get_mut("category") {
        c.make_ascii_lowercase();
    }
}

/// v3 `order`: the REST shape with `category` lower case, as the page's example has it.
pub(crate) fn v3_order(inner: &Inner, o: &Order) -> Value {
    let mut v = super::uta_trade::order_json(inner, o);
    if let Some(m) = v.as_object_mut() {
        lower_category(m);
        // The page's example writes the position side `holdSide`.
        let hold_side = m.remove("posSide").unwrap_or(json!(""));
        m.insert("holdSide".into(), hold_side);
        m.insert("totalProfit".into(), json!("0"));
        m.insert(
            "leverage".into(),
            json!(match &o.request.instrument.market {
                Market::Futures(_) => inner
                    .venue
                    .ex
                    .leverage(&o.request.account, &o.request.instrument)
                    .to_string(),
                Market::Spot => String::new(),
            }),
        );
        m.insert(
            "marginCoin".into(),
            json!(inner.venue.ex.quote_of(&o.request.instrument).unwrap_or("")),
        );
        m.insert(
            "feeDetail".into(),
            order_fee_detail(
                o,
                inner
                    .venue
                    .ex
                    .fills(&o.request.account)
                    .find(|f| f.order_id == o.id)
                    .map(|f| f.fee_coin.as_str()),
            ),
        );
    }
    v
}

fn v3_category(f: &Fill) -> String {
    match &f.instrument.market {
        Market::Spot => "SPOT".to_owned(),
        Market::Futures(pt) => pt.clone(),
    }
}

/// v3 `fill`, `category` upper case as the page's example has it; `fast` drops the fee and
/// writes `category` lower case (the fast-fill page).
pub(crate) fn v3_fill(inner: &Inner, f: &Fill, fast: bool) -> Value {
    let order = inner.venue.ex.order(f.order_id);
    let (pos_side, trade_side) = match order.and_then(|o| o.request.effect) {
        Some(crate::exchange::Effect::Hedge { pos, close }) => (
            if pos == crate::exchange::PosSide::Long {
                "long"
            } else {
                "short"
            },
            if close { "close" } else { "open" },
        ),
        Some(crate::exchange::Effect::Net { reduce_only }) => {
            ("", if reduce_only { "close" } else { "open" })
        }
        None => ("", ""),
    };
    let client_oid = order
        .and_then(|o| o.request.client_oid.clone())
        .unwrap_or_default();
    if fast {
        return json!({
            "category": v3_category(f).to_ascii_lowercase(),
            "orderId": f.order_id.to_string(),
            "clientOid": client_oid,
            "execId": f.trade_id.to_string(),
            "symbol": f.instrument.symbol,
            "side": order_side_name(f.side),
            "holdSide": pos_side,
            "execPrice": text(f.price),
            "execQty": text(f.size),
            "tradeScope": scope(f.maker),
            "execTime": f.time_ms.to_string(),
            "updatedTime": f.time_ms.to_string(),
        });
    }
    json!({
        "category": v3_category(f),
        "orderId": f.order_id.to_string(),
        "clientOid": client_oid,
        "execId": f.trade_id.to_string(),
        "execLinkId": "",
        "symbol": f.instrument.symbol,
        "orderType": order_type_of(inner, f),
        "side": order_side_name(f.side),
        "execPrice": text(f.price),
        "execQty": text(f.size),
        "execValue": text(f.price * f.size),
        "tradeScope": scope(f.maker),
        "tradeSide": trade_side,
        "holdSide": pos_side,
        "feeDetail": [{ "feeCoin": f.fee_coin, "fee": text(-f.fee) }],
        "execTime": f.time_ms.to_string(),
        "updatedTime": f.time_ms.to_string(),
        "execPnl": text(f.realized_pnl),
    })
}

/// v3 `position`: every open position, in the REST shape with the page's `liqPrice`.
pub(crate) fn v3_positions(inner: &Inner, uid: &str) -> Value {
    Value::Array(
        inner
            .venue
            .ex
            .positions(uid)
            .into_iter()
            .map(|p| {
                let mut v = super::uta_account::position_json(inner, uid, p);
                if let Some(m) = v.as_object_mut() {
                    lower_category(m);
                    m.insert("liqPrice".into(), json!(""));
                    m.insert("size".into(), json!(text(p.size)));
                    m.insert("marginSize".into(), json!(text(p.margin.round_dp(8))));
                    m.insert("totalFundingFee".into(), json!("0"));
                }
                v
            })
            .collect(),
    )
}

/// v3 `account`: the totals and each coin (`unrealisedPnL`, British spelling, as the page).
pub(crate) fn v3_account(inner: &mut Inner, account: &Account) -> Value {
    let Ok(a) = super::uta_account::assets(inner, account, "") else {
        return json!([]);
    };
    let get = |k: &str| a.get(k).cloned().unwrap_or(json!(""));
    let coins: Vec<Value> = a
        .get("assets")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .map(|c| {
                    let get = |k: &str| c.get(k).cloned().unwrap_or(json!(""));
                    json!({
                        "coin": get("coin"),
                        "balance": get("balance"),
                        "available": get("available"),
                        "locked": get("locked"),
                        "equity": get("equity"),
                        "borrow": "0",
                        "debts": "0",
                        "usdValue": get("usdValue"),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    json!([{
        "unrealisedPnL": get("unrealisedPnl"),
        "totalEquity": get("accountEquity"),
        "effEquity": get("effEquity"),
        "positionMgnRatio": "0",
        "mmr": "0",
        "imr": "0",
        "mgnRatio": "0",
        "coin": coins,
    }])
}
