//! What the family crates call and a user does not: not part of the API, and not re-exported
//! by `bitget-endpoints`. Public only because the families are crates of their own.

use bitget_core::{Error, FailedItem};

use crate::common::{BatchOutcome, BatchPlaceResult, FailedOrder, OrderAck};

/// An amount above zero inside a value that is not a plain number (`TpslSize::Size`); plain
/// amounts declare `gt = 0`.
pub fn positive(amount: &bitget_core::Decimal) -> Result<(), String> {
    if amount.is_sign_positive() && !amount.is_zero() {
        Ok(())
    } else {
        Err(format!("must be above 0, got {amount}"))
    }
}

/// One item of an answer that is a bare list of items (v3's place-batch, batch-modify-order,
/// cancel-batch): a `Vec` of them is a [`BatchOutcome`].
pub trait BatchItem {
    /// This item's failure, named by its id or by `index` (its place in the list); `None` when
    /// it succeeded.
    fn failure(&self, index: usize) -> Option<FailedItem>;
}

impl<T: BatchItem> BatchOutcome for Vec<T> {
    fn failed_items(&self) -> Vec<FailedItem> {
        (self.iter().enumerate())
            .filter_map(|(i, item)| item.failure(i))
            .collect()
    }

    fn item_count(&self) -> usize {
        self.len()
    }
}

/// How an item is named in an error: its order id, else its client id, else its position.
pub fn item_name(order_id: Option<&str>, client_oid: Option<&str>, index: usize) -> String {
    match (
        order_id.filter(|s| !s.is_empty()),
        client_oid.filter(|s| !s.is_empty()),
    ) {
        (Some(id), _) => format!("orderId {id}"),
        (None, Some(id)) => format!("clientOid {id}"),
        (None, None) => format!("item {}", index + 1),
    }
}

/// After a batch place's answer was lost (see [`bitget_core::recover`]), item by item, for both
/// v2 families: `find` looks an order up by its client id. A refused item whose order exists
/// moves to the successes; a refused item that is not found stays refused. An item refused as a
/// duplicate whose order cannot be found, or whose lookup failed, may be live: then the answer
/// is an ambiguous error naming those items. A batch refused as a whole is rebuilt from the
/// lookups; an order not found counts as not placed only when the refusal came back as an
/// answer (an error code); with no answer it may still be on its way. Without a distinct client
/// id on every item (`keyed` false) nothing can be told apart: the answer stands, marked.
pub async fn recover_batch<F, Fut>(
    answer: Result<BatchPlaceResult, Error>,
    client_oids: Vec<String>,
    keyed: bool,
    find: F,
) -> Result<BatchPlaceResult, Error>
where
    F: Fn(String) -> Fut,
    Fut: std::future::Future<Output = Result<Option<OrderAck>, Error>>,
{
    if !keyed {
        return answer.map_err(|e| e.may_have_executed(None));
    }
    match answer {
        Ok(mut result) => {
            let total = result.success_list.len() + result.failure_list.len();
            let (mut still_failed, mut unsure) = (Vec::new(), Vec::new());
            let failures = std::mem::take(&mut result.failure_list);
            for (i, failed) in failures.into_iter().enumerate() {
                let Some(coid) = failed.client_oid.clone().filter(|c| !c.is_empty()) else {
                    still_failed.push(failed);
                    continue;
                };
                match find(coid).await {
                    Ok(Some(ack)) => result.success_list.push(ack),
                    Ok(None) if !is_duplicate(&failed) => still_failed.push(failed),
                    _ => unsure.push(failed.as_failed_item(i)),
                }
            }
            if !unsure.is_empty() {
                return Err(Error::items_failed(unsure, total).may_have_executed(None));
            }
            result.failure_list = still_failed;
            Ok(result)
        }
        Err(err) => {
            let refused = err.api_code().is_some() && !err.is_unanswered();
            let mut result = BatchPlaceResult {
                success_list: Vec::new(),
                failure_list: Vec::new(),
            };
            let mut unsure = Vec::new();
            let total = client_oids.len();
            for (i, coid) in client_oids.into_iter().enumerate() {
                match find(coid.clone()).await {
                    Ok(Some(ack)) => result.success_list.push(ack),
                    Ok(None) if refused => result.failure_list.push(FailedOrder {
                        order_id: None,
                        client_oid: Some(coid),
                        error_msg: Some(format!(
                            "{err} (looked up by clientOid after a lost answer: not placed)"
                        )),
                        error_code: err.api_code().map(|c| c.as_str().to_owned()),
                    }),
                    Ok(None) => unsure.push(FailedItem::new(
                        item_name(None, Some(&coid), i),
                        None,
                        err.to_string(),
                    )),
                    Err(_) => return Err(err.may_have_executed(None)),
                }
            }
            if unsure.is_empty() {
                Ok(result)
            } else {
                Err(Error::items_failed(unsure, total).may_have_executed(None))
            }
        }
    }
}

/// Whether an item was refused because an order under its client id exists already (43122).
fn is_duplicate(failed: &FailedOrder) -> bool {
    failed.error_code.as_deref() == Some(bitget_core::ApiCode::DuplicateClientOid.as_str())
        || failed
            .error_msg
            .as_deref()
            .is_some_and(|m| m.to_ascii_lowercase().contains("duplicate"))
}
