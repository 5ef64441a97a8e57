//! After a placement's answer was lost: the order found by its client id (see
//! [`bitget_core::recover`]). order-info finds an order by client id while it is pending; a
//! finished one is looked for in the newest page of the history.

use bitget_core::recover::{Idempotent, Recover, Settling, by_client_oid};
use bitget_core::{Client, Error};

use super::{
    BatchOrder, HistoryOrders, HistoryStrategyOrders, ItemResult, OrderAck, OrderInfo, PlaceBatch,
    PlaceOrder, PlaceStrategyOrder, UnfilledStrategyOrders,
};
use crate::uta::Category;

/// The order under `client_oid`, as the placement would have answered it; `None` when Bitget
/// knows no such order, pending or among the newest of `category` finished.
async fn order_by_client_oid(
    client: &Client,
    category: &Category,
    symbol: &str,
    client_oid: &str,
) -> Result<Option<OrderAck>, Error> {
    let ack = |order_id: String| OrderAck {
        order_id: Some(order_id),
        client_oid: Some(client_oid.to_owned()),
    };
    match OrderInfo::builder()
        .client_oid(client_oid)
        .build()?
        .send(client)
        .await
    {
        Ok(order) => return Ok(Some(ack(order.order_id))),
        Err(e) if e.is_not_found() => {}
        Err(e) => return Err(e),
    }
    let history = HistoryOrders::builder()
        .category(category.clone())
        .symbol(symbol)
        .limit(100)
        .build()?
        .send(client)
        .await?;
    Ok(history
        .list
        .into_iter()
        .find(|o| o.client_oid.as_deref() == Some(client_oid))
        .map(|o| ack(o.order_id)))
}

impl Recover for PlaceOrder {
    fn recover<'a>(
        &'a self,
        client: &'a Client,
        answer: Result<OrderAck, Error>,
    ) -> Settling<'a, OrderAck> {
        let coid = self.client_oid.as_deref();
        Box::pin(by_client_oid(answer, coid, move || async move {
            order_by_client_oid(client, &self.category, &self.symbol, coid.unwrap_or("")).await
        }))
    }
}

/// A strategy order under its client id: open, or among the newest finished (it may have fired).
impl Recover for PlaceStrategyOrder {
    fn recover<'a>(
        &'a self,
        client: &'a Client,
        answer: Result<OrderAck, Error>,
    ) -> Settling<'a, OrderAck> {
        let coid = self.client_oid.as_deref();
        Box::pin(by_client_oid(answer, coid, move || async move {
            let coid = coid.unwrap_or("");
            let ack = |order_id: String| OrderAck {
                order_id: Some(order_id),
                client_oid: Some(coid.to_owned()),
            };
            let open = UnfilledStrategyOrders::builder()
                .category(self.category.clone())
                .build()?
                .send(client)
                .await?;
            if let Some(o) = open
                .into_iter()
                .find(|o| o.client_oid.as_deref() == Some(coid))
            {
                return Ok(Some(ack(o.order_id)));
            }
            let done = HistoryStrategyOrders::builder()
                .category(self.category.clone())
                .limit(100)
                .build()?
                .send(client)
                .await?;
            Ok(done
                .list
                .into_iter()
                .find(|o| o.client_oid.as_deref() == Some(coid))
                .map(|o| ack(o.order_id)))
        }))
    }
}

impl Idempotent for BatchOrder {
    fn idempotent(&self) -> bool {
        self.client_oid.idempotent()
    }
}

/// Item by item, in the request's order (the answer has one item per order): a refused item
/// whose order exists is reported placed. A batch refused as a whole is rebuilt from the
/// lookups when every one answered (the orders found placed, the rest carrying the refusal);
/// otherwise the error stays, marked.
impl Recover for PlaceBatch {
    fn recover<'a>(
        &'a self,
        client: &'a Client,
        answer: Result<Vec<ItemResult>, Error>,
    ) -> Settling<'a, Vec<ItemResult>> {
        Box::pin(async move {
            let placed = |ack: OrderAck| ItemResult {
                order_id: ack.order_id,
                client_oid: ack.client_oid,
                code: None,
                msg: None,
            };
            match answer {
                Ok(mut items) => {
                    for item in items.iter_mut().filter(|i| !i.succeeded()) {
                        // The answer names the item by its client id; the request says where.
                        let Some(coid) = item.client_oid.clone() else {
                            continue;
                        };
                        let Some(order) = self
                            .orders
                            .iter()
                            .find(|o| o.client_oid.as_deref() == Some(&coid))
                        else {
                            continue;
                        };
                        if let Ok(Some(ack)) =
                            order_by_client_oid(client, &order.category, &order.symbol, &coid).await
                        {
                            *item = placed(ack);
                        }
                    }
                    Ok(items)
                }
                Err(err) => {
                    let mut items = Vec::with_capacity(self.orders.len());
                    for order in &self.orders {
                        let coid = order.client_oid.as_deref().unwrap_or("");
                        match order_by_client_oid(client, &order.category, &order.symbol, coid)
                            .await
                        {
                            Ok(Some(ack)) => items.push(placed(ack)),
                            Ok(None) => items.push(ItemResult {
                                order_id: None,
                                client_oid: Some(coid.to_owned()),
                                code: Some(
                                    err.api_code()
                                        .map_or_else(String::new, |c| c.as_str().to_owned()),
                                )
                                .filter(|c| !c.is_empty()),
                                msg: Some(err.to_string()),
                            }),
                            Err(_) => return Err(err.may_have_executed(None)),
                        }
                    }
                    Ok(items)
                }
            }
        })
    }
}
