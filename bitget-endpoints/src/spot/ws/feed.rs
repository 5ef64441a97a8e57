//! Spot orders and fills for an [`OrderFeed`](crate::feed::OrderFeed): the `orders` and `fill`
//! channels, reconciled through `unfilled-orders`, `history-orders`, `orderInfo` and `fills`.
//! A recovered order is the REST answer in the push's shape (no last fill is known).

use bitget_core::paging::Pages;
use bitget_core::{Client, Decimal, Error};

use super::{Fill, FillPush, OrderPush, Orders};
use crate::OrderStatus;
use crate::feed::{BoxFuture, Progress, Source, TrackedFill, TrackedOrder, window};
use crate::trade::{
    Fills, HistoryOrders, OpenOrder, OrderInfo, SpotFill, SpotOrder, UnfilledOrders,
};

/// The account's spot orders and fills, for [`OrderFeed`](crate::feed::OrderFeed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpotOrders {}

impl SpotOrders {
    /// Every spot order and fill of the account.
    pub fn new() -> Self {
        SpotOrders {}
    }
}

fn push_of(
    order_id: String,
    symbol: String,
    client_oid: Option<String>,
    status: OrderStatus,
    filled: Option<Decimal>,
    times: (Option<i64>, Option<i64>),
) -> OrderPush {
    OrderPush {
        inst_id: symbol,
        order_id,
        client_oid,
        price: None,
        size: None,
        new_size: None,
        notional: None,
        order_type: None,
        force: None,
        side: None,
        fill_price: None,
        trade_id: None,
        base_volume: None,
        fill_time: None,
        fill_fee: None,
        fill_fee_coin: None,
        trade_scope: None,
        acc_base_volume: filled,
        price_avg: None,
        status,
        enter_point_source: None,
        fee_detail: Vec::new(),
        stp_mode: None,
        c_time: times.0.unwrap_or(0),
        u_time: times.1,
    }
}

impl From<OpenOrder> for OrderPush {
    /// An open order as REST answers it, in the push's shape.
    fn from(o: OpenOrder) -> Self {
        let mut p = push_of(
            o.order_id,
            o.symbol,
            o.client_oid,
            o.status,
            o.base_volume,
            (o.c_time, o.u_time),
        );
        (p.price, p.size, p.price_avg) = (o.price, o.size, o.price_avg);
        (p.order_type, p.side) = (Some(o.order_type), Some(o.side));
        p
    }
}

impl From<SpotOrder> for OrderPush {
    /// An order as orderInfo and the history answer it, in the push's shape.
    fn from(o: SpotOrder) -> Self {
        let mut p = push_of(
            o.order_id,
            o.symbol,
            o.client_oid,
            o.status,
            o.base_volume,
            (o.c_time, o.u_time),
        );
        (p.price, p.size, p.price_avg) = (o.price, o.size, o.price_avg);
        (p.order_type, p.side) = (Some(o.order_type), Some(o.side));
        p
    }
}

impl From<SpotFill> for FillPush {
    /// A fill as REST answers it, in the push's shape.
    fn from(f: SpotFill) -> Self {
        FillPush {
            order_id: f.order_id,
            trade_id: f.trade_id,
            symbol: f.symbol,
            order_type: f.order_type,
            side: f.side,
            price_avg: f.price_avg,
            size: f.size,
            amount: f.amount,
            trade_scope: f.trade_scope,
            fee_detail: f.fee_detail.into_iter().collect(),
            c_time: f.c_time.unwrap_or(0),
            u_time: f.u_time,
        }
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
        let stage = match self.status {
            OrderStatus::PartiallyFilled => 1,
            OrderStatus::Filled | OrderStatus::Cancelled => 2,
            _ => 0,
        };
        Progress {
            stage,
            filled: self.acc_base_volume.unwrap_or(Decimal::ZERO),
            updated_ms: self.u_time.unwrap_or(self.c_time),
        }
    }
}

impl TrackedFill for FillPush {
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

impl Source for SpotOrders {
    type Order = OrderPush;
    type Fill = FillPush;
    type Orders = Orders;
    type Fills = Fill;

    fn orders(&self) -> Orders {
        Orders::new()
    }

    fn fills(&self) -> Fill {
        Fill::new()
    }

    fn finished_since<'a>(
        &'a self,
        client: &'a Client,
        since_ms: i64,
    ) -> BoxFuture<'a, Result<Vec<OrderPush>, Error>> {
        Box::pin(async move {
            let (start, end) = window(client, since_ms);
            let request = HistoryOrders::builder().build()?;
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
            let request = UnfilledOrders::builder().build()?;
            let orders = Pages::new(client, request).try_collect().await?;
            Ok(orders.into_iter().map(OrderPush::from).collect())
        })
    }

    fn order<'a>(
        &'a self,
        client: &'a Client,
        _symbol: &'a str,
        order_id: &'a str,
    ) -> BoxFuture<'a, Result<Option<OrderPush>, Error>> {
        Box::pin(async move {
            let request = OrderInfo::builder().order_id(order_id).build()?;
            match client.send(&request).await {
                Ok(orders) => Ok(orders.into_iter().next().map(OrderPush::from)),
                Err(e) if e.is_not_found() => Ok(None),
                Err(e) => Err(e),
            }
        })
    }

    fn fills_since<'a>(
        &'a self,
        client: &'a Client,
        since_ms: i64,
    ) -> BoxFuture<'a, Result<Vec<FillPush>, Error>> {
        Box::pin(async move {
            let (start, end) = window(client, since_ms);
            let request = Fills::builder().build()?;
            let fills = Pages::between(client, request, start, end)
                .try_collect()
                .await?;
            Ok(fills.into_iter().map(FillPush::from).collect())
        })
    }
}
