//! `/api/v2/spot/account/info`, `/api/v2/spot/account/bills` and `/api/v2/spot/wallet/transfer`,
//! written from their pages.
//!
//! A Classic account keeps a wallet per market in the simulator's core (spot, and each product
//! type's futures; margin is not simulated, so `crossed_margin` and `isolated_margin` are the
//! spot wallet), and `p2p` is the pool outside it (`crate::venue::Venue::funding`): a transfer
//! moves the balance between the two it names, all or nothing, and is recorded and listed in
//! the ledger.

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::decimal;
use super::names::text;
use super::paging::Paging;
use crate::account::Account;
use crate::envelope::SimError;
use crate::exchange::{Market as CoreMarket, Side};
use crate::params::Params;
use crate::state::Inner;
use crate::venue::TransferRecord;

/// `account/info`: the key's account (its UID, and the permissions a simulated key has).
pub(super) fn info(inner: &mut Inner, account: &Account, query: &str) -> Result<Value, SimError> {
    Params::query(query, &[])?;
    let _ = inner;
    Ok(json!({
        "userId": account.uid,
        "inviterId": "",
        "ips": "",
        "authorities": ["stow", "coow", "cpow", "wtow"],
        "parentId": 0,
        "traderType": "not_trader",
        "channelCode": "",
        "channel": "",
        "regisTime": "1700000000000",
    }))
}

/// The account types a transfer names (the current page's spellings).
const ACCOUNT_TYPES: [&str; 7] = [
    "spot",
    "p2p",
    "coin_futures",
    "usdt_futures",
    "usdc_futures",
    "crossed_margin",
    "isolated_margin",
];

/// `wallet/transfer`: `symbol` required when either side is `isolated_margin`; a repeated
/// `clientOid` answers the transfer already made under it (the page's idempotency).
pub(super) fn transfer(
    inner: &mut Inner,
    account: &Account,
    body: &[u8],
) -> Result<Value, SimError> {
    let p = Params::parse(
        body,
        &[
            "fromType",
            "toType",
            "amount",
            "coin",
            "symbol",
            "clientOid",
        ],
    )?;
    let (from, to) = (p.required("fromType")?, p.required("toType")?);
    for t in [&from, &to] {
        if !ACCOUNT_TYPES.contains(&t.as_str()) {
            return Err(SimError::invalid(format!("`{t}` is not an account type")));
        }
    }
    let isolated = from == "isolated_margin" || to == "isolated_margin";
    if isolated && p.text("symbol")?.is_none() {
        return Err(SimError::missing("symbol"));
    }
    let amount = decimal(&p, "amount", true)?.unwrap_or_default();
    if amount <= Decimal::ZERO {
        return Err(SimError::bad("40020", "amount must be greater than 0"));
    }
    let coin = p.required("coin")?.to_uppercase();
    let client_oid = p.text("clientOid")?;
    let uid = account.uid.clone();
    let venue = &mut inner.venue;
    if let Some(coid) = &client_oid {
        if let Some(done) = venue
            .transfers
            .iter()
            .find(|t| t.uid == uid && t.client_oid.as_ref() == Some(coid))
        {
            return Ok(json!({ "transferId": done.id.to_string(), "clientOid": coid }));
        }
    }
    if from == to && !isolated {
        return Err(SimError::invalid(
            "fromType and toType are the same account",
        ));
    }
    let short = || SimError::bad("43012", "Insufficient balance");
    match (wallet(&from), wallet(&to)) {
        (Some(from), Some(to)) => venue
            .ex
            .transfer(&uid, &from, &to, &coin, amount)
            .map_err(|_| short())?,
        (from, to) => {
            // One side is `p2p`, the pool outside the core (both `p2p` was refused above).
            let key = (uid.clone(), coin.clone());
            let pool = venue.funding.get(&key).copied().unwrap_or_default();
            match (from, to) {
                (None, Some(to)) if pool >= amount => {
                    venue.funding.insert(key, pool - amount);
                    venue.ex.deposit_to(&uid, &to, &coin, amount);
                }
                (Some(from), None)
                    if venue.ex.balance_in(&uid, &from, &coin).available >= amount =>
                {
                    venue.ex.deposit_to(&uid, &from, &coin, -amount);
                    venue.funding.insert(key, pool + amount);
                }
                _ => return Err(short()),
            }
        }
    }
    let id = venue.transfers.len() as u64 + 1;
    let time_ms = venue.ex.now_ms();
    venue.transfers.push(TransferRecord {
        id,
        uid,
        coin,
        amount,
        from,
        to,
        client_oid: client_oid.clone(),
        time_ms,
    });
    Ok(json!({ "transferId": id.to_string(), "clientOid": client_oid }))
}

/// The core's wallet an account type names (`None` for `p2p`, which is outside the core).
fn wallet(account_type: &str) -> Option<CoreMarket> {
    let futures = |t: &str| Some(CoreMarket::Futures(t.to_owned()));
    match account_type {
        "p2p" => None,
        "usdt_futures" => futures("USDT-FUTURES"),
        "coin_futures" => futures("COIN-FUTURES"),
        "usdc_futures" => futures("USDC-FUTURES"),
        // spot, and the margin accounts the simulator does not keep apart from it.
        _ => Some(CoreMarket::Spot),
    }
}

/// A ledger entry before its id: time, then the order it happened in (fills before the
/// transfers of the same millisecond), and the row.
type Entry = ((i64, u8, u64), Value);

/// `account/bills`: the spot ledger, newest first: a spot fill's two coins (the received coin
/// net of its fee, the paid coin), and each transfer touching the spot account. Bill ids number
/// the entries in the order they happened; `limit` 1 to 500 (100 when absent).
pub(super) fn bills(inner: &mut Inner, account: &Account, query: &str) -> Result<Value, SimError> {
    let p = Params::query(
        query,
        &[
            "coin",
            "groupType",
            "businessType",
            "startTime",
            "endTime",
            "limit",
            "idLessThan",
        ],
    )?;
    let coin = p.text("coin")?;
    let group = p.text("groupType")?;
    let business = p.text("businessType")?;
    let paging = Paging::read_limited(&p, 100, 500, 90)?;
    let ex = &inner.venue.ex;
    let mut entries: Vec<Entry> = Vec::new();
    for f in ex.fills(&account.uid) {
        if f.instrument.market != CoreMarket::Spot {
            continue;
        }
        let Some(inst) = ex.instrument(&f.instrument) else {
            continue;
        };
        let value = f.price * f.size;
        let (got, got_amount, paid, paid_amount, kind) = match f.side {
            Side::Buy => (&inst.base, f.size, &inst.quote, value, "BUY"),
            Side::Sell => (&inst.quote, value, &inst.base, f.size, "SELL"),
        };
        let fee_in_got = f.fee_coin.eq_ignore_ascii_case(got);
        let got_fee = if fee_in_got { f.fee } else { Decimal::ZERO };
        let paid_fee = if fee_in_got { Decimal::ZERO } else { f.fee };
        let balance = |c: &str| ex.balance(&account.uid, c).available;
        for (k, c, size, fee) in [
            (0u8, got, got_amount - got_fee, got_fee),
            (1u8, paid, -paid_amount - paid_fee, paid_fee),
        ] {
            let row = json!({
                "cTime": f.time_ms.to_string(),
                "coin": c,
                "groupType": "transaction",
                "businessType": kind,
                "size": text(size),
                "balance": text(balance(c)),
                "fees": text(-fee),
            });
            entries.push(((f.time_ms, k, f.trade_id), row));
        }
    }
    for t in inner
        .venue
        .transfers
        .iter()
        .filter(|t| t.uid == account.uid)
    {
        let (kind, size) = match (t.from.as_str(), t.to.as_str()) {
            ("spot", _) => ("TRANSFER_OUT", -t.amount),
            (_, "spot") => ("TRANSFER_IN", t.amount),
            _ => continue,
        };
        let row = json!({
            "cTime": t.time_ms.to_string(),
            "coin": t.coin,
            "groupType": "transfer",
            "businessType": kind,
            "size": text(size),
            "balance": text(ex.balance(&account.uid, &t.coin).available),
            "fees": "0",
        });
        entries.push(((t.time_ms, 2, t.id), row));
    }
    entries.sort_by_key(|e| e.0);
    let rows: Vec<(u64, i64, Value)> = entries
        .into_iter()
        .enumerate()
        .filter_map(|(i, ((time, _, _), mut row))| {
            let keep = coin.as_deref().is_none_or(|c| {
                row["coin"]
                    .as_str()
                    .is_some_and(|r| r.eq_ignore_ascii_case(c))
            }) && group.as_deref().is_none_or(|g| row["groupType"] == g)
                && business.as_deref().is_none_or(|b| {
                    row["businessType"]
                        .as_str()
                        .is_some_and(|r| r.eq_ignore_ascii_case(b))
                });
            let id = i as u64 + 1;
            row["billId"] = json!(id.to_string());
            keep.then_some((id, time, row))
        })
        .collect();
    Ok(Value::Array(paging.page(rows).0))
}
