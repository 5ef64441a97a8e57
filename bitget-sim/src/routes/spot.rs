//! `/api/v2/spot/trade/...`.

use serde_json::{Value, json};

use super::{failure, items, place, success};
use crate::account::Account;
use crate::envelope::SimError;
use crate::orders::{Market, Wanted};
use crate::params::Params;
use crate::state::Inner;

/// `place-order`: a limit order rests; a market order is refused (no matching engine).
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
    side(&p.required("side")?)?;
    limit_only(&p)?;
    p.decimal("price", true)?;
    p.decimal("size", true)?;
    let order = place(
        inner,
        account,
        symbol,
        Market::Spot,
        None,
        p.text("clientOid")?,
    )?;
    Ok(success(&order))
}

/// `orderType` must be `limit`: orders rest, and there is no matching engine to fill a market one.
pub(super) fn limit_only(p: &Params) -> Result<(), SimError> {
    match p.required("orderType")?.as_str() {
        "limit" => Ok(()),
        _ => Err(SimError::invalid(
            "the simulator rests limit orders only (orderType `limit`)",
        )),
    }
}

pub(super) fn side(side: &str) -> Result<(), SimError> {
    match side {
        "buy" | "sell" => Ok(()),
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
    let wanted = Wanted {
        order_id: order_id.as_deref(),
        client_oid: client_oid.as_deref(),
    };
    let book = inner.book(&account.uid);
    let found = book
        .find(&wanted, |o| {
            o.market == Market::Spot && symbol.as_ref().is_none_or(|s| *s == o.symbol)
        })
        .map(|o| o.order_id.clone())
        .ok_or_else(|| SimError::bad("43001", "The order does not exist"))?;
    let order = book
        .cancel(&found)
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
    let book = inner.book(&account.uid);
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
        let found = book
            .find(
                &Wanted {
                    order_id: oid,
                    client_oid: coid,
                },
                |o| o.market == Market::Spot && symbol.as_ref() == Some(&o.symbol),
            )
            .map(|o| o.order_id.clone());
        match found.and_then(|id| book.cancel(&id)) {
            Some(order) => ok.push(success(&order)),
            None => failed.push(failure(oid, coid, "The order does not exist", "43001")),
        }
    }
    Ok(json!({ "successList": ok, "failureList": failed }))
}
