//! Unified orders and fills for an [`OrderFeed`](crate::feed::OrderFeed): the `order` and
//! `fill` topics, reconciled through `unfilled-orders`, `order-info` and `fills`. The pushes are
//! the REST answers' types, so a recovered order or fill is the REST answer itself.

use bitget_core::paging::Pages;
use bitget_core::{Client, Decimal, Error};

use super::{Fill, OrderChannel};
use crate::feed::{BoxFuture, Progress, Source, TrackedFill, TrackedOrder, window};
use crate::trade::{Fill as FillRow, Fills, HistoryOrders, Order, OrderInfo, UnfilledOrders};
use crate::{Category, OrderStatus};

/// The Unified account's orders and fills, for [`OrderFeed`](crate::feed::OrderFeed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnifiedOrders {}

impl UnifiedOrders {
    /// Every order and fill of the account.
    pub fn new() -> Self {
        UnifiedOrders {}
    }
}

impl TrackedOrder for Order {
    fn order_id(&self) -> &str {
        &self.order_id
    }
    fn symbol(&self) -> &str {
        &self.symbol
    }
    fn progress(&self) -> Progress {
        let stage = match self.order_status {
            OrderStatus::New | OrderStatus::Live => 0,
            OrderStatus::PartiallyFilled => 1,
            OrderStatus::Filled | OrderStatus::Cancelled => 2,
            _ => 0,
        };
        Progress {
            stage,
            filled: self.cum_exec_qty.unwrap_or(Decimal::ZERO),
            updated_ms: self.updated_time.unwrap_or(self.created_time),
        }
    }
}

impl TrackedFill for FillRow {
    fn trade_id(&self) -> &str {
        &self.exec_id
    }
    fn order_id(&self) -> &str {
        &self.order_id
    }
    fn symbol(&self) -> &str {
        &self.symbol
    }
    fn time_ms(&self) -> i64 {
        self.created_time
    }
}

impl Source for UnifiedOrders {
    type Order = Order;
    type Fill = FillRow;
    type Orders = OrderChannel;
    type Fills = Fill;

    fn orders(&self) -> OrderChannel {
        OrderChannel::new()
    }

    fn fills(&self) -> Fill {
        Fill::new()
    }

    fn finished_since<'a>(
        &'a self,
        client: &'a Client,
        since_ms: i64,
    ) -> BoxFuture<'a, Result<Vec<Order>, Error>> {
        Box::pin(async move {
            let (start, end) = window(client, since_ms);
            let mut all = Vec::new();
            // The history is read per product line (its `category` is required).
            for category in [
                Category::Spot,
                Category::UsdtFutures,
                Category::CoinFutures,
                Category::UsdcFutures,
            ] {
                let request = HistoryOrders::builder().category(category).build()?;
                all.extend(
                    Pages::between(client, request, start, end)
                        .try_collect()
                        .await?,
                );
            }
            Ok(all)
        })
    }

    fn open_orders<'a>(&'a self, client: &'a Client) -> BoxFuture<'a, Result<Vec<Order>, Error>> {
        Box::pin(async move {
            let request = UnfilledOrders::builder().build()?;
            Pages::new(client, request).try_collect().await
        })
    }

    fn order<'a>(
        &'a self,
        client: &'a Client,
        _symbol: &'a str,
        order_id: &'a str,
    ) -> BoxFuture<'a, Result<Option<Order>, Error>> {
        Box::pin(async move {
            let request = OrderInfo::builder().order_id(order_id).build()?;
            match client.send(&request).await {
                Ok(order) => Ok(Some(order)),
                Err(e) if e.is_not_found() => Ok(None),
                Err(e) => Err(e),
            }
        })
    }

    fn fills_since<'a>(
        &'a self,
        client: &'a Client,
        since_ms: i64,
    ) -> BoxFuture<'a, Result<Vec<FillRow>, Error>> {
        Box::pin(async move {
            let now = client.clock().now_ms().max(since_ms);
            let request = Fills::builder().build()?;
            let start = u64::try_from(since_ms).unwrap_or(0);
            let end = u64::try_from(now).unwrap_or(0) + 60_000;
            Pages::between(client, request, start, end)
                .try_collect()
                .await
        })
    }
}
