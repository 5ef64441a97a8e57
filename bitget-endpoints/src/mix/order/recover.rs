//! After a placement's answer was lost: the order found by its client id (see
//! [`bitget_core::recover`]). Each placement declared `retry_safe_with(..)` says here how its
//! order is looked up; a batch looks up each item that did not come back placed.

use bitget_core::recover::{Idempotent, Recover, Settling, by_client_oid};
use bitget_core::{Client, Error};

use super::{
    BatchOrderItem, BatchPlaceOrder, BatchPlaceResult, Detail, ModifyOrder, OrderAck,
    OrdersPlanHistory, OrdersPlanPending, PlaceOrder, PlacePlanOrder, PlaceTpslOrder,
};
use crate::{PlanFilter, ProductType, TriggerPlanType};
use bitget_endpoints_common::__private::recover_batch;

/// The futures order under `client_oid`, as the placement would have answered it; `None` when
/// Bitget knows no such order.
// Inline, as `recover` is: only a program that sends the endpoint compiles the lookup.
#[inline]
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
// Inline, as `recover` is: only a program that sends the endpoint compiles the lookup.
#[inline]
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
    #[inline]
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
    #[inline]
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
    #[inline]
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
    #[inline]
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

/// Item by item, as `recover_batch` says.
impl Recover for BatchPlaceOrder {
    #[inline]
    fn recover<'a>(
        &'a self,
        client: &'a Client,
        answer: Result<BatchPlaceResult, Error>,
    ) -> Settling<'a, BatchPlaceResult> {
        let coids = (self.order_list.iter())
            .map(|i| i.client_oid.clone().unwrap_or_default())
            .collect();
        Box::pin(recover_batch(
            answer,
            coids,
            self.order_list.idempotent(),
            move |coid: String| async move {
                order_by_client_oid(client, &self.symbol, &self.product_type, &coid).await
            },
        ))
    }
}
