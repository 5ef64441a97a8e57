//! After a placement's answer was lost: the order found by its client id (see
//! [`bitget_core::recover`]). Each placement declared `retry_safe_with(..)` says here how its
//! order is looked up; a batch looks up each item that did not come back placed.

use bitget_core::recover::{Idempotent, Recover, Settling, by_client_oid};
use bitget_core::{Client, Error, FailedItem};

use super::{
    BatchOrderItem, BatchPlaceOrder, BatchPlaceResult, Detail, ModifyOrder, OrderAck,
    OrdersPlanHistory, OrdersPlanPending, PlaceOrder, PlacePlanOrder, PlaceTpslOrder,
};
use crate::common::{FailedOrder, item_name};
use crate::mix::{PlanFilter, ProductType, TriggerPlanType};

/// The futures order under `client_oid`, as the placement would have answered it; `None` when
/// Bitget knows no such order.
async fn order_by_client_oid(
    client: &Client,
    symbol: &str,
    product_type: &ProductType,
    client_oid: &str,
) -> Result<Option<OrderAck>, Error> {
    let found = Detail::builder()
        .symbol(symbol)
        .product_type(product_type.clone())
        .client_oid(client_oid)
        .build()?
        .send(client)
        .await;
    match found {
        Ok(order) => Ok(Some(OrderAck {
            order_id: Some(order.order_id),
            client_oid: order.client_oid.or_else(|| Some(client_oid.to_owned())),
        })),
        Err(e) if e.is_not_found() => Ok(None),
        Err(e) => Err(e),
    }
}

/// The trigger or TP/SL order under `client_oid`: open, or already finished (a trigger can fire
/// between the lost answer and the lookup).
async fn plan_by_client_oid(
    client: &Client,
    symbol: &str,
    product_type: &ProductType,
    plan_type: PlanFilter,
    client_oid: &str,
) -> Result<Option<OrderAck>, Error> {
    let ack = |order_id: String, coid: Option<String>| OrderAck {
        order_id: Some(order_id),
        client_oid: coid.or_else(|| Some(client_oid.to_owned())),
    };
    let pending = OrdersPlanPending::builder()
        .symbol(symbol)
        .product_type(product_type.clone())
        .plan_type(plan_type.clone())
        .client_oid(client_oid)
        .build()?
        .send(client)
        .await?;
    let mine = |o: &super::PlanOrder| o.client_oid.as_deref() == Some(client_oid);
    if let Some(o) = pending.entrusted_list.into_iter().find(mine) {
        return Ok(Some(ack(o.order_id, o.client_oid)));
    }
    // Only the last minutes: an older finished order under the same client id is another one.
    let since = u64::try_from(client.clock().now_ms() - 10 * 60 * 1000).unwrap_or(0);
    let history = OrdersPlanHistory::builder()
        .start_time(since)
        .symbol(symbol)
        .product_type(product_type.clone())
        .plan_type(plan_type)
        .client_oid(client_oid)
        .build()?
        .send(client)
        .await?;
    Ok(history
        .entrusted_list
        .into_iter()
        .find(mine)
        .map(|o| ack(o.order_id, o.client_oid)))
}

impl Recover for PlaceOrder {
    fn recover<'a>(
        &'a self,
        client: &'a Client,
        answer: Result<OrderAck, Error>,
    ) -> Settling<'a, OrderAck> {
        let coid = self.client_oid.as_deref();
        Box::pin(by_client_oid(answer, coid, move || async move {
            order_by_client_oid(client, &self.symbol, &self.product_type, coid.unwrap_or("")).await
        }))
    }
}

/// A modify replaces the order under `newClientOid`: the replacement is the answer.
impl Recover for ModifyOrder {
    fn recover<'a>(
        &'a self,
        client: &'a Client,
        answer: Result<OrderAck, Error>,
    ) -> Settling<'a, OrderAck> {
        let coid = Some(self.new_client_oid.as_str());
        Box::pin(by_client_oid(answer, coid, move || async move {
            order_by_client_oid(
                client,
                &self.symbol,
                &self.product_type,
                &self.new_client_oid,
            )
            .await
        }))
    }
}

impl Recover for PlacePlanOrder {
    fn recover<'a>(
        &'a self,
        client: &'a Client,
        answer: Result<OrderAck, Error>,
    ) -> Settling<'a, OrderAck> {
        let coid = self.client_oid.as_deref();
        let filter = match self.plan_type {
            TriggerPlanType::TrackPlan => PlanFilter::TrackPlan,
            _ => PlanFilter::NormalPlan,
        };
        Box::pin(by_client_oid(answer, coid, move || async move {
            plan_by_client_oid(
                client,
                &self.symbol,
                &self.product_type,
                filter,
                coid.unwrap_or(""),
            )
            .await
        }))
    }
}

impl Recover for PlaceTpslOrder {
    fn recover<'a>(
        &'a self,
        client: &'a Client,
        answer: Result<OrderAck, Error>,
    ) -> Settling<'a, OrderAck> {
        let coid = self.client_oid.as_deref();
        Box::pin(by_client_oid(answer, coid, move || async move {
            plan_by_client_oid(
                client,
                &self.symbol,
                &self.product_type,
                PlanFilter::ProfitLoss,
                coid.unwrap_or(""),
            )
            .await
        }))
    }
}

impl Idempotent for BatchOrderItem {
    fn idempotent(&self) -> bool {
        self.client_oid.idempotent()
    }

    fn key(&self) -> Option<&str> {
        self.client_oid.key()
    }
}

/// Item by item: a refused item whose order exists (placed by the lost attempt) moves to the
/// successes; a refused item that is not found stays refused. An item refused as a duplicate
/// whose order cannot be found, or whose lookup failed, may be live: then the answer is an
/// ambiguous error naming those items. A batch refused as a whole is rebuilt from the lookups
/// only when the refusal came back as an answer (an error code); unanswered, or a lookup
/// failing, the error stays, marked ambiguous.
impl Recover for BatchPlaceOrder {
    fn recover<'a>(
        &'a self,
        client: &'a Client,
        answer: Result<BatchPlaceResult, Error>,
    ) -> Settling<'a, BatchPlaceResult> {
        Box::pin(async move {
            // Without a distinct client id on every item, what the lost attempt placed cannot be
            // told apart: the answer stands, an error marked ambiguous.
            if !self.order_list.idempotent() {
                return answer.map_err(|e| e.may_have_executed(None));
            }
            let find = |coid: String| async move {
                order_by_client_oid(client, &self.symbol, &self.product_type, &coid).await
            };
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
                    // Refused with an answer, an order not found was not placed; with no answer
                    // it may still be on its way, and is reported as possibly live.
                    let refused = err.api_code().is_some() && !err.is_unanswered();
                    let mut result = BatchPlaceResult {
                        success_list: Vec::new(),
                        failure_list: Vec::new(),
                    };
                    let mut unsure = Vec::new();
                    for (i, item) in self.order_list.iter().enumerate() {
                        let coid = item.client_oid.clone().unwrap_or_default();
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
                        let total = self.order_list.len();
                        Err(Error::items_failed(unsure, total).may_have_executed(None))
                    }
                }
            }
        })
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
