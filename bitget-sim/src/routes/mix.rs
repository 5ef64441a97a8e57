//! `/api/v2/mix/order/...`.

use serde_json::{Value, json};

use super::{failure, items, place, success};
use crate::account::Account;
use crate::envelope::SimError;
use crate::orders::{Market, Order, Wanted};
use crate::params::Params;
use crate::state::Inner;

fn futures_of(o: &Order, product_type: &str) -> bool {
    matches!(&o.market, Market::Futures { product_type: p } if p == product_type)
}

fn plan_of(o: &Order, product_type: &str, plan_type: Option<&str>) -> bool {
    matches!(&o.market, Market::Plan { product_type: p, plan_type: t } if p == product_type && plan_type.is_none_or(|w| w == t))
}

fn margin_coin(p: &Params) -> Result<Option<String>, SimError> {
    match p.text("marginCoin")? {
        Some(c) if c.chars().any(char::is_lowercase) => {
            Err(SimError::invalid("marginCoin must be capitalized"))
        }
        other => Ok(other),
    }
}

/// `place-order`: a limit futures order rests.
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
            "stpMode",
        ],
    )?;
    let symbol = p.required("symbol")?;
    let product_type = p.product_type()?;
    p.required("marginMode")?;
    let coin = margin_coin(&p)?.ok_or_else(|| SimError::missing("marginCoin"))?;
    p.decimal("size", true)?;
    super::spot::side(&p.required("side")?)?;
    super::spot::limit_only(&p)?;
    p.decimal("price", true)?;
    let order = place(
        inner,
        account,
        symbol,
        Market::Futures { product_type },
        Some(coin),
        p.text("clientOid")?,
    )?;
    Ok(success(&order))
}

/// `place-plan-order`: a trigger order rests.
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
    let symbol = p.required("symbol")?;
    let product_type = p.product_type()?;
    p.required("marginMode")?;
    let coin = margin_coin(&p)?.ok_or_else(|| SimError::missing("marginCoin"))?;
    p.decimal("size", true)?;
    p.decimal("triggerPrice", true)?;
    p.required("triggerType")?;
    super::spot::side(&p.required("side")?)?;
    p.required("orderType")?;
    let market = Market::Plan {
        product_type,
        plan_type,
    };
    let order = place(
        inner,
        account,
        symbol,
        market,
        Some(coin),
        p.text("clientOid")?,
    )?;
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
    let book = inner.book(&account.uid);
    let (mut ok, mut failed) = (Vec::new(), Vec::new());
    match list.filter(|l| !l.is_empty()) {
        None => ok.extend(book.cancel_where(&accept).iter().map(success)),
        Some(list) => {
            for item in items(list, name)? {
                let (oid, coid) = (item.order_id.as_deref(), item.client_oid.as_deref());
                let found = book
                    .find(
                        &Wanted {
                            order_id: oid,
                            client_oid: coid,
                        },
                        &accept,
                    )
                    .map(|o| o.order_id.clone());
                match found.and_then(|id| book.cancel(&id)) {
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
        futures_of(o, &product_type)
            && symbol.as_ref().is_none_or(|s| *s == o.symbol)
            && coin
                .as_ref()
                .is_none_or(|c| o.margin_coin.as_ref() == Some(c))
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
        futures_of(o, &product_type)
            && coin
                .as_ref()
                .is_none_or(|c| o.margin_coin.as_ref() == Some(c))
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
    let plan_type = p.text("planType")?;
    let list = p.list("orderIdList")?;
    if list.is_some_and(|l| !l.is_empty()) && symbol.is_none() {
        return Err(SimError::missing("symbol"));
    }
    cancel_listed(inner, account, list, "orderIdList", "43025", |o| {
        plan_of(o, &product_type, plan_type.as_deref())
            && symbol.as_ref().is_none_or(|s| *s == o.symbol)
            && coin
                .as_ref()
                .is_none_or(|c| o.margin_coin.as_ref() == Some(c))
    })
}
