//! Trading over the v3 private stream (`op:"trade"`), written from Bitget's pages
//! uta/websocket/private/{Place-Order, Batch-Place-Order, Modify-Order, Cancel-Order,
//! Batch-Cancel-Order}-Channel and the replies the Node SDK's examples record:
//!
//! - request `{"op":"trade","id":..,"category":"spot","topic":"place-order","args":[{..}]}`,
//!   after the login (30004 otherwise); `category` in lower case (upper case is refused, as
//!   Bitget.Net's users found: JKorf/Bitget.Net#94), required except on the cancels;
//! - each item run by the REST endpoint's handler (its rules, its codes, its per-UID window);
//! - reply `{"event":"trade","id","category","topic","args":[..],"code":"0","msg":"success",
//!   "ts":".."}`, codes and `ts` as strings; a refusal `{"event":"error","id","code","msg"}`;
//! - the batches never refuse as a whole: each item carries its `code` and `msg`; a batch place
//!   item takes no `reduceOnly` ("not supported for batch place WS API").
//!
//! The order's states then arrive on the order and fill channels, from the exchange's outbox,
//! as for an order placed over REST.

use serde_json::{Map, Value, json};

use crate::account::Account;
use crate::envelope::SimError;
use crate::state::Shared;

/// At most this many items in a batch (both batch pages).
const BATCH_LIMIT: usize = 20;

/// The one answer to a trade message of `account` (`None`: not logged in).
pub(super) fn on_trade(
    shared: &Shared,
    msg: &Value,
    account: Option<&Account>,
    now: i64,
) -> String {
    let id = msg.get("id").and_then(Value::as_str).unwrap_or_default();
    let refuse = |code: &str, text: &str| {
        json!({"event": "error", "id": id, "code": code, "msg": text}).to_string()
    };
    let Some(account) = account else {
        return refuse("30004", "User not logged in");
    };
    if id.is_empty() || id.len() > 40 {
        return refuse("30016", "id is required, at most 40 characters");
    }
    let topic = msg.get("topic").and_then(Value::as_str).unwrap_or_default();
    let category = msg.get("category").and_then(Value::as_str);
    let args: Vec<Map<String, Value>> = match msg.get("args").and_then(Value::as_array) {
        Some(args) => args.iter().filter_map(|a| a.as_object().cloned()).collect(),
        None => return refuse("30016", "args must be an array"),
    };
    let cancel = matches!(topic, "cancel-order" | "batch-cancel");
    let category = match category {
        Some(c) if c != c.to_ascii_lowercase() => {
            return refuse("40017", "category must be lower case");
        }
        Some(c) => Some(c.to_ascii_uppercase()),
        None if cancel => None,
        None => return refuse("40017", "category is required"),
    };
    let single = matches!(topic, "place-order" | "cancel-order" | "modify-order");
    if single && args.len() != 1 {
        return refuse("40017", "args holds exactly one item");
    }
    if !single && (args.is_empty() || args.len() > BATCH_LIMIT) {
        return refuse("40017", "a batch holds 1 to 20 items");
    }
    let body = |item: &Map<String, Value>| {
        let mut item = item.clone();
        if let Some(c) = &category {
            item.insert("category".into(), json!(c));
        }
        Value::Object(item)
    };
    let run = |topic: &str, body: Value| {
        super::super::routes::stream_trade(shared, account, topic, &body, now)
    };
    let answered = match topic {
        "place-order" => run(topic, body(&args[0])).map(|ack| {
            vec![json!({
                "symbol": args[0].get("symbol").cloned().unwrap_or_default(),
                "orderId": ack["orderId"],
                "clientOid": ack["clientOid"],
                "cTime": now.to_string(),
            })]
        }),
        "modify-order" | "cancel-order" => run(topic, body(&args[0]))
            .map(|ack| vec![json!({ "orderId": ack["orderId"], "clientOid": ack["clientOid"] })]),
        "batch-place" => Ok(args
            .iter()
            .map(|item| {
                let outcome = if item.contains_key("reduceOnly") {
                    Err(SimError::bad(
                        "40017",
                        "reduceOnly is not supported for batch place",
                    ))
                } else {
                    // One item at a time through the REST batch handler, so each is refused
                    // alone (its item answer carries the code) and nothing refuses them all.
                    run(topic, Value::Array(vec![body(item)])).and_then(first_item)
                };
                item_answer(item, outcome)
            })
            .collect()),
        "batch-cancel" => Ok(args
            .iter()
            .map(|item| item_answer(item, run(topic, body(item))))
            .collect()),
        other => Err(SimError::bad(
            "30016",
            format!("topic `{other}` does not exist"),
        )),
    };
    match answered {
        Ok(items) => {
            let mut reply = json!({
                "event": "trade", "id": id, "topic": topic, "args": items,
                "code": "0", "msg": "success", "ts": now.to_string(),
            });
            // Cancel replies may leave the category out (the Node SDK's recorded ones do).
            if let Some(c) = msg.get("category") {
                reply["category"] = c.clone();
            }
            reply.to_string()
        }
        Err(e) => refuse(&e.code, &e.msg),
    }
}

/// The REST batch handler's one item answer, its failure as an error.
fn first_item(answer: Value) -> Result<Value, SimError> {
    let item = answer.get(0).cloned().unwrap_or_default();
    match item.get("code").and_then(Value::as_str) {
        Some(code) if !code.is_empty() => Err(SimError::bad(
            code,
            item.get("msg").and_then(Value::as_str).unwrap_or_default(),
        )),
        _ => Ok(item),
    }
}

/// One item of a batch answer: `code` `"0"` and the ids, or the refusal's code and message.
fn item_answer(request: &Map<String, Value>, outcome: Result<Value, SimError>) -> Value {
    let asked = |k: &str| request.get(k).cloned().unwrap_or(json!(""));
    match outcome {
        Ok(ack) => json!({
            "code": "0", "msg": "Success",
            "symbol": asked("symbol"),
            "orderId": ack["orderId"], "clientOid": ack["clientOid"],
        }),
        Err(e) => json!({
            "code": e.code, "msg": e.msg,
            "symbol": asked("symbol"),
            "orderId": asked("orderId"), "clientOid": asked("clientOid"),
        }),
    }
}
