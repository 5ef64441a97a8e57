//! After a spot placement's answer was lost: the order found by its client id through orderInfo
//! (see [`bitget_core::recover`]). orderInfo finds a client id only while its order is unfilled:
//! a filled one is not found, and the error then says the order may be live.

use bitget_core::recover::{Recover, Settling, by_client_oid};
use bitget_core::{Client, Error};

use super::trade::{OrderAck, OrderInfo, PlaceOrder};

impl Recover for PlaceOrder {
    fn recover<'a>(
        &'a self,
        client: &'a Client,
        answer: Result<OrderAck, Error>,
    ) -> Settling<'a, OrderAck> {
        let coid = self.client_oid.as_deref();
        Box::pin(by_client_oid(answer, coid, move || async move {
            let coid = coid.unwrap_or("");
            let found = OrderInfo::builder()
                .client_oid(coid)
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
                    o.client_oid.as_deref() == Some(coid)
                        && o.symbol.eq_ignore_ascii_case(&self.symbol)
                })
                .map(|o| OrderAck {
                    order_id: Some(o.order_id),
                    client_oid: Some(coid.to_owned()),
                }))
        }))
    }
}
