//! After a placement's answer was lost: the order found by its client id (see
//! [`bitget_core::recover`]). Each placement declared `retry_safe_with(..)` says here how its
//! order is looked up; a batch looks up each item that did not come back placed.

use bitget_core::recover::{Idempotent, Recover, Settling, by_client_oid};
use bitget_core::{Client, Error};

use super::{
    BatchOrderItem, BatchPlaceOrder, BatchPlaceResult, Detail, ModifyOrder, OrderAck,
    OrdersPlanHistory, OrdersPlanPending, PlaceOrder, PlacePlanOrder, PlaceTpslOrder,
};
use crate::common::FailedOrder;
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
    let history = OrdersPlanHistory::builder()
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
}

/// Item by item: a refused item whose order exists (placed by the lost attempt) moves to the
/// successes. A batch refused as a whole is rebuilt from the lookups when every one answered:
/// the orders found are placed, the rest carry the refusal; otherwise the error stays, marked.
impl Recover for BatchPlaceOrder {
    fn recover<'a>(
        &'a self,
        client: &'a Client,
        answer: Result<BatchPlaceResult, Error>,
    ) -> Settling<'a, BatchPlaceResult> {
        Box::pin(async move {
            match answer {
                Ok(mut result) => {
                    let mut still_failed = Vec::with_capacity(result.failure_list.len());
                    for failed in std::mem::take(&mut result.failure_list) {
                        let found = match failed.client_oid.as_deref() {
                            Some(coid) => {
                                order_by_client_oid(client, &self.symbol, &self.product_type, coid)
                                    .await
                                    .ok()
                                    .flatten()
                            }
                            None => None,
                        };
                        match found {
                            Some(ack) => result.success_list.push(ack),
                            None => still_failed.push(failed),
                        }
                    }
                    result.failure_list = still_failed;
                    Ok(result)
                }
                Err(err) => {
                    let mut result = BatchPlaceResult {
                        success_list: Vec::new(),
                        failure_list: Vec::new(),
                    };
                    for item in &self.order_list {
                        let coid = item.client_oid.as_deref().unwrap_or("");
                        match order_by_client_oid(client, &self.symbol, &self.product_type, coid)
                            .await
                        {
                            Ok(Some(ack)) => result.success_list.push(ack),
                            Ok(None) => result.failure_list.push(FailedOrder {
                                order_id: None,
                                client_oid: Some(coid.to_owned()),
                                error_msg: Some(err.to_string()),
                                error_code: err.api_code().map(|c| c.as_str().to_owned()),
                            }),
                            Err(_) => return Err(err.may_have_executed(None)),
                        }
                    }
                    Ok(result)
                }
            }
        })
    }
}
