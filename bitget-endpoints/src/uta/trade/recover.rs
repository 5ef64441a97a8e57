//! After a placement's answer was lost: the order found by its client id (see
//! [`bitget_core::recover`]). order-info finds an order by client id while it is pending; a
//! finished one is looked for in the newest page of the history.

use bitget_core::recover::{Idempotent, Recover, Settling, by_client_oid};
use bitget_core::{Client, Error, FailedItem};

use super::{
    BatchOrder, HistoryOrders, HistoryStrategyOrders, ItemResult, Order, OrderAck, OrderInfo,
    PlaceBatch, PlaceOrder, PlaceStrategyOrder, StrategyOrder, UnfilledStrategyOrders,
};
use crate::Category;
use bitget_endpoints_common::__private::item_name;

/// How far back a finished order may have been placed by the lost attempt: a repeat comes
/// within the retry policy's seconds; an older order under the same client id is another one.
const LOOKBACK_MS: i64 = 10 * 60 * 1000;

/// The order under `client_oid` of `category` and `symbol`, as the placement would have
/// answered it; `None` when Bitget knows no such order, pending or finished within the last
/// minutes (a client id is unique among pending orders only: an older finished order under it
/// is not the one placed).
// Inline, as `recover` is: only a program that sends the endpoint compiles the lookup.
#[inline]
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
    let ours = |o: &Order| {
        o.client_oid.as_deref() == Some(client_oid)
            && o.symbol.eq_ignore_ascii_case(symbol)
            && &o.category == category
    };
    match OrderInfo::builder()
        .client_oid(client_oid)
        .build()?
        .send(client)
        .await
    {
        Ok(order) if ours(&order) => return Ok(Some(ack(order.order_id))),
        Ok(_) => {}
        Err(e) if e.is_not_found() => {}
        Err(e) => return Err(e),
    }
    let since = u64::try_from(client.clock().now_ms() - LOOKBACK_MS).unwrap_or(0);
    let history = HistoryOrders::builder()
        .category(category.clone())
        .symbol(symbol)
        .start_time(since)
        .limit(100)
        .build()?
        .send(client)
        .await?;
    Ok(history.list.into_iter().find(ours).map(|o| ack(o.order_id)))
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
            order_by_client_oid(client, &self.category, &self.symbol, coid.unwrap_or("")).await
        }))
    }
}

/// A strategy order under its client id: open, or among the newest finished (it may have fired).
impl Recover for PlaceStrategyOrder {
    #[inline]
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
            let ours = |o: &StrategyOrder| {
                o.client_oid.as_deref() == Some(coid) && o.symbol.eq_ignore_ascii_case(&self.symbol)
            };
            let open = UnfilledStrategyOrders::builder()
                .category(self.category.clone())
                .build()?
                .send(client)
                .await?;
            if let Some(o) = open.into_iter().find(ours) {
                return Ok(Some(ack(o.order_id)));
            }
            let since = u64::try_from(client.clock().now_ms() - LOOKBACK_MS).unwrap_or(0);
            let done = HistoryStrategyOrders::builder()
                .category(self.category.clone())
                .start_time(since)
                .limit(100)
                .build()?
                .send(client)
                .await?;
            Ok(done.list.into_iter().find(ours).map(|o| ack(o.order_id)))
        }))
    }
}

impl Idempotent for BatchOrder {
    fn idempotent(&self) -> bool {
        self.client_oid.idempotent()
    }

    fn key(&self) -> Option<&str> {
        self.client_oid.key()
    }
}

/// Item by item, in the request's order (the answer has one item per order; matched by client
/// id when it has not): a refused item whose order exists is reported placed; one refused as a
/// duplicate that cannot be found, or whose lookup failed, may be live, and then the answer is an
/// ambiguous error naming those items. A batch refused as a whole is rebuilt from the lookups
/// only when the refusal came back as an answer (an error code); otherwise the error stays,
/// marked ambiguous.
impl Recover for PlaceBatch {
    #[inline]
    fn recover<'a>(
        &'a self,
        client: &'a Client,
        answer: Result<Vec<ItemResult>, Error>,
    ) -> Settling<'a, Vec<ItemResult>> {
        Box::pin(async move {
            // Without a distinct client id on every item, what the lost attempt placed cannot be
            // told apart: the answer stands, an error marked ambiguous.
            if !self.orders.idempotent() {
                return answer.map_err(|e| e.may_have_executed(None));
            }
            let placed = |ack: OrderAck| ItemResult {
                order_id: ack.order_id,
                client_oid: ack.client_oid,
                code: None,
                msg: None,
            };
            let find = |order: &'a BatchOrder| async move {
                let coid = order.client_oid.as_deref().unwrap_or("");
                order_by_client_oid(client, &order.category, &order.symbol, coid).await
            };
            match answer {
                Ok(mut items) => {
                    let total = items.len();
                    let by_position = items.len() == self.orders.len();
                    let mut unsure = Vec::new();
                    for (i, item) in items.iter_mut().enumerate() {
                        if item.succeeded() {
                            continue;
                        }
                        let order = if by_position {
                            self.orders.get(i)
                        } else {
                            let coid = item.client_oid.as_deref();
                            self.orders.iter().find(|o| o.client_oid.as_deref() == coid)
                        };
                        let Some(order) = order else { continue };
                        let duplicate = item.code.as_deref()
                            == Some(bitget_core::ApiCode::DuplicateClientOid.as_str())
                            || item
                                .msg
                                .as_deref()
                                .is_some_and(|m| m.to_ascii_lowercase().contains("duplicate"));
                        match find(order).await {
                            Ok(Some(ack)) => *item = placed(ack),
                            Ok(None) if !duplicate => {}
                            _ => unsure.push(FailedItem::new(
                                item_name(None, order.client_oid.as_deref(), i),
                                item.code.clone(),
                                item.msg.clone().unwrap_or_default(),
                            )),
                        }
                    }
                    if unsure.is_empty() {
                        Ok(items)
                    } else {
                        Err(Error::items_failed(unsure, total).may_have_executed(None))
                    }
                }
                Err(err) => {
                    // Refused with an answer, an order not found was not placed; with no answer
                    // it may still be on its way, and is reported as possibly live.
                    let refused = err.api_code().is_some() && !err.is_unanswered();
                    let mut items = Vec::with_capacity(self.orders.len());
                    let mut unsure = Vec::new();
                    for (i, order) in self.orders.iter().enumerate() {
                        match find(order).await {
                            Ok(Some(ack)) => items.push(placed(ack)),
                            Ok(None) if refused => items.push(ItemResult {
                                order_id: None,
                                client_oid: order.client_oid.clone(),
                                code: err.api_code().map(|c| c.as_str().to_owned()),
                                msg: Some(format!(
                                    "{err} (looked up by clientOid after a lost answer: not placed)"
                                )),
                            }),
                            Ok(None) => unsure.push(FailedItem::new(
                                item_name(None, order.client_oid.as_deref(), i),
                                None,
                                err.to_string(),
                            )),
                            Err(_) => return Err(err.may_have_executed(None)),
                        }
                    }
                    if unsure.is_empty() {
                        Ok(items)
                    } else {
                        let total = self.orders.len();
                        Err(Error::items_failed(unsure, total).may_have_executed(None))
                    }
                }
            }
        })
    }
}
