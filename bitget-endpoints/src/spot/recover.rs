//! After a spot placement's answer was lost: the order found by its client id through orderInfo
//! (see [`bitget_core::recover`]). orderInfo finds a client id only while its order is unfilled:
//! a filled one is not found, and the error then says the order may be live.

use bitget_core::recover::{Recover, Settling, by_client_oid};
use bitget_core::{Client, Error};

use bitget_core::recover::Idempotent;

use super::trade::{
    BatchOrders, BatchPlaceResult, CancelReplaceOrder, CurrentPlanOrder, HistoryPlanOrder,
    OrderAck, OrderInfo, PlaceOrder, PlacePlanOrder, PlanOrderAck, ReplacedOrder, SpotBatchOrder,
    SpotPlanOrder,
};
use bitget_endpoints_common::__private::recover_batch;

/// The spot order under `client_oid` on `symbol`, while orderInfo can find it (unfilled).
// Inline, as `recover` is: only a program that sends the endpoint compiles the lookup.
#[inline]
async fn order_by_client_oid(
    client: &Client,
    symbol: &str,
    client_oid: &str,
) -> Result<Option<OrderAck>, Error> {
    let found = OrderInfo::builder()
        .client_oid(client_oid)
        .build()?
        .send(client)
        .await;
    let orders = match found {
        Ok(orders) => orders,
        Err(e) if e.is_not_found() => return Ok(None),
        Err(e) => return Err(e),
    };
    Ok(orders
        .into_iter()
        .find(|o| {
            o.client_oid.as_deref() == Some(client_oid) && o.symbol.eq_ignore_ascii_case(symbol)
        })
        .map(|o| OrderAck {
            order_id: Some(o.order_id),
            client_oid: Some(client_oid.to_owned()),
        }))
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
            order_by_client_oid(client, &self.symbol, coid.unwrap_or("")).await
        }))
    }
}

impl Idempotent for SpotBatchOrder {
    fn idempotent(&self) -> bool {
        self.client_oid.idempotent()
    }

    fn key(&self) -> Option<&str> {
        self.client_oid.key()
    }
}

/// Item by item, as `recover_batch` says; an item's symbol is its own in
/// `multiple` mode, the batch's otherwise.
impl Recover for BatchOrders {
    #[inline]
    fn recover<'a>(
        &'a self,
        client: &'a Client,
        answer: Result<BatchPlaceResult, Error>,
    ) -> Settling<'a, BatchPlaceResult> {
        let multiple = self.batch_mode == Some(super::BatchMode::Multiple);
        let symbol_of = move |coid: &str| {
            let item = (self.order_list.iter()).find(|i| i.client_oid.as_deref() == Some(coid));
            let own = item.and_then(|i| i.symbol.clone()).filter(|_| multiple);
            own.or_else(|| self.symbol.clone()).unwrap_or_default()
        };
        let coids = (self.order_list.iter())
            .map(|i| i.client_oid.clone().unwrap_or_default())
            .collect();
        Box::pin(recover_batch(
            answer,
            coids,
            self.order_list.idempotent(),
            move |coid: String| {
                let symbol = symbol_of(&coid);
                async move { order_by_client_oid(client, &symbol, &coid).await }
            },
        ))
    }
}

/// The replacement is found by its new client id, while unfilled.
impl Recover for CancelReplaceOrder {
    #[inline]
    fn recover<'a>(
        &'a self,
        client: &'a Client,
        answer: Result<ReplacedOrder, Error>,
    ) -> Settling<'a, ReplacedOrder> {
        let coid = self.new_client_oid.as_deref();
        Box::pin(by_client_oid(answer, coid, move || async move {
            let found = order_by_client_oid(client, &self.symbol, coid.unwrap_or("")).await?;
            Ok(found.map(|ack| ReplacedOrder {
                order_id: ack.order_id,
                client_oid: ack.client_oid,
                success: Some("success".to_owned()),
                msg: None,
            }))
        }))
    }
}

/// The trigger order under `client_oid` on `symbol`: waiting (the first page of the pending
/// list), or finished in the last minutes (it can fire between the lost answer and the lookup;
/// an older finished order under the same client id is another one).
// Inline, as `recover` is: only a program that sends the endpoint compiles the lookup.
#[inline]
async fn plan_by_client_oid(
    client: &Client,
    symbol: &str,
    client_oid: &str,
) -> Result<Option<PlanOrderAck>, Error> {
    let mine = |o: &SpotPlanOrder| o.client_oid.as_deref() == Some(client_oid);
    let ack = |o: SpotPlanOrder| PlanOrderAck {
        order_id: o.order_id,
        client_oid: Some(client_oid.to_owned()),
    };
    let pending = CurrentPlanOrder::builder()
        .symbol(symbol)
        .limit(100)
        .build()?
        .send(client)
        .await?;
    if let Some(o) = pending.order_list.into_iter().find(mine) {
        return Ok(Some(ack(o)));
    }
    let now = u64::try_from(client.clock().now_ms()).unwrap_or(0);
    let history = HistoryPlanOrder::builder()
        .symbol(symbol)
        .start_time(now.saturating_sub(10 * 60 * 1000))
        .end_time(now + 60 * 1000)
        .limit(100)
        .build()?
        .send(client)
        .await?;
    Ok(history.order_list.into_iter().find(mine).map(ack))
}

impl Recover for PlacePlanOrder {
    #[inline]
    fn recover<'a>(
        &'a self,
        client: &'a Client,
        answer: Result<PlanOrderAck, Error>,
    ) -> Settling<'a, PlanOrderAck> {
        let coid = self.client_oid.as_deref();
        Box::pin(by_client_oid(answer, coid, move || async move {
            plan_by_client_oid(client, &self.symbol, coid.unwrap_or("")).await
        }))
    }
}

/// A transfer repeated under its `clientOid` is answered with the transfer already made (the
/// doc page), so the repeat's success is the answer; a refusal keeps the error, which says the
/// transfer may have been made under that client id (no transfer-record endpoint is declared
/// to look it up).
impl Recover for super::wallet::Transfer {
    #[inline]
    fn recover<'a>(
        &'a self,
        _client: &'a Client,
        answer: Result<super::wallet::TransferAck, Error>,
    ) -> Settling<'a, super::wallet::TransferAck> {
        let coid = self.client_oid.as_deref();
        Box::pin(by_client_oid(answer, coid, || async { Ok(None) }))
    }
}
