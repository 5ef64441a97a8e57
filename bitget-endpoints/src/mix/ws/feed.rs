//! Futures orders and fills for an [`OrderFeed`](crate::feed::OrderFeed): the `orders` and
//! `fill` channels of a product type, reconciled through `orders-pending` (both open states:
//! without `status` only `live` orders come back), `detail` and `fills`.

use bitget_core::paging::Pages;
use bitget_core::{ApiCode, Client, Decimal, Error};

use super::{Fill, OrderPush, Orders};
use crate::feed::{BoxFuture, Progress, Source, TrackedFill, TrackedOrder, window};
use crate::order::{Detail, Fills, FuturesFill, OrdersHistory, OrdersPending};
use crate::{OrderStatus, ProductType};

/// A product type's futures orders and fills, for [`OrderFeed`](crate::feed::OrderFeed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FuturesOrders {
    /// The product type.
    pub product_type: ProductType,
}

impl FuturesOrders {
    /// The orders and fills of `product_type`.
    pub fn new(product_type: ProductType) -> Self {
        FuturesOrders { product_type }
    }
}

fn stage(status: &OrderStatus) -> u8 {
    match status {
        OrderStatus::Live => 0,
        OrderStatus::PartiallyFilled => 1,
        OrderStatus::Filled | OrderStatus::Cancelled => 2,
        // An unknown state sorts as open: a later known one still moves it forward.
        _ => 0,
    }
}

impl TrackedOrder for OrderPush {
    fn order_id(&self) -> &str {
        &self.order_id
    }
    fn symbol(&self) -> &str {
        &self.inst_id
    }
    fn progress(&self) -> Progress {
        Progress {
            stage: stage(&self.status),
            filled: self.acc_base_volume.unwrap_or(Decimal::ZERO),
            updated_ms: self.u_time.unwrap_or(self.c_time),
        }
    }
}

impl TrackedFill for FuturesFill {
    fn trade_id(&self) -> &str {
        &self.trade_id
    }
    fn order_id(&self) -> &str {
        &self.order_id
    }
    fn symbol(&self) -> &str {
        &self.symbol
    }
    fn time_ms(&self) -> i64 {
        self.c_time
    }
}

impl Source for FuturesOrders {
    type Order = OrderPush;
    type Fill = FuturesFill;
    type Orders = Orders;
    type Fills = Fill;

    fn orders(&self) -> Orders {
        Orders::new(self.product_type.clone())
    }

    fn fills(&self) -> Fill {
        Fill::new(self.product_type.clone())
    }

    fn finished_since<'a>(
        &'a self,
        client: &'a Client,
        since_ms: i64,
    ) -> BoxFuture<'a, Result<Vec<OrderPush>, Error>> {
        Box::pin(async move {
            let request = OrdersHistory::builder()
                .product_type(self.product_type.clone())
                .build()?;
            let (start, end) = window(client, since_ms);
            let orders = Pages::between(client, request, start, end)
                .try_collect()
                .await?;
            Ok(orders.into_iter().map(OrderPush::from).collect())
        })
    }

    fn open_orders<'a>(
        &'a self,
        client: &'a Client,
    ) -> BoxFuture<'a, Result<Vec<OrderPush>, Error>> {
        Box::pin(async move {
            let mut all = Vec::new();
            for status in [OrderStatus::Live, OrderStatus::PartiallyFilled] {
                let request = OrdersPending::builder()
                    .product_type(self.product_type.clone())
                    .status(status)
                    .build()?;
                let orders = Pages::new(client, request).try_collect().await?;
                all.extend(orders.into_iter().map(OrderPush::from));
            }
            Ok(all)
        })
    }

    fn order<'a>(
        &'a self,
        client: &'a Client,
        symbol: &'a str,
        order_id: &'a str,
    ) -> BoxFuture<'a, Result<Option<OrderPush>, Error>> {
        Box::pin(async move {
            let request = Detail::builder()
                .symbol(symbol)
                .product_type(self.product_type.clone())
                .order_id(order_id)
                .build()?;
            match client.send(&request).await {
                Ok(order) => Ok(Some(OrderPush::from(order))),
                Err(e) if e.is_not_found() || e.api_code() == Some(&ApiCode::OrderDataNotFound) => {
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        })
    }

    fn fills_since<'a>(
        &'a self,
        client: &'a Client,
        since_ms: i64,
    ) -> BoxFuture<'a, Result<Vec<FuturesFill>, Error>> {
        Box::pin(async move {
            let now = client.clock().now_ms().max(since_ms);
            let request = Fills::builder()
                .product_type(self.product_type.clone())
                .build()?;
            let start = u64::try_from(since_ms).unwrap_or(0);
            let end = u64::try_from(now).unwrap_or(0) + 60_000;
            Pages::between(client, request, start, end)
                .try_collect()
                .await
        })
    }
}
