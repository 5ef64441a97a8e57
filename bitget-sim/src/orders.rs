//! Order state per account: spot orders, futures orders and futures plan (trigger) orders.

use std::collections::{BTreeMap, HashMap};

/// Which book an order lives in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Market {
    /// A spot order.
    Spot,
    /// A futures order under a product type.
    Futures {
        /// Upper-case product type, such as `USDT-FUTURES`.
        product_type: String,
    },
    /// A futures trigger order.
    Plan {
        /// Upper-case product type.
        product_type: String,
        /// `normal_plan`, `profit_plan`, ...
        plan_type: String,
    },
}

/// A resting order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    /// Bitget's order id.
    pub order_id: String,
    /// The client's id, unique per account.
    pub client_oid: String,
    /// Trading pair.
    pub symbol: String,
    /// Spot, futures or plan.
    pub market: Market,
    /// Margin coin (futures), upper case.
    pub margin_coin: Option<String>,
    /// Whether it was cancelled.
    pub cancelled: bool,
}

/// One account's orders.
#[derive(Debug, Default)]
pub(crate) struct Book {
    orders: BTreeMap<String, Order>,
    by_client_oid: HashMap<String, String>,
}

/// How an id list item names its order.
pub(crate) struct Wanted<'a> {
    pub(crate) order_id: Option<&'a str>,
    pub(crate) client_oid: Option<&'a str>,
}

impl Book {
    /// Whether a client id is already taken on this account.
    pub(crate) fn client_oid_taken(&self, client_oid: &str) -> bool {
        self.by_client_oid.contains_key(client_oid)
    }

    pub(crate) fn insert(&mut self, order: Order) {
        self.by_client_oid
            .insert(order.client_oid.clone(), order.order_id.clone());
        self.orders.insert(order.order_id.clone(), order);
    }

    /// The live order an item names, orderId prevailing over clientOid, if it matches `accept`.
    pub(crate) fn find(
        &self,
        wanted: &Wanted<'_>,
        accept: impl Fn(&Order) -> bool,
    ) -> Option<&Order> {
        let id = match (wanted.order_id, wanted.client_oid) {
            (Some(id), _) => Some(id),
            (None, Some(coid)) => self.by_client_oid.get(coid).map(String::as_str),
            (None, None) => None,
        }?;
        self.orders.get(id).filter(|o| !o.cancelled && accept(o))
    }

    /// Cancels an order by id; returns it.
    pub(crate) fn cancel(&mut self, order_id: &str) -> Option<Order> {
        let order = self.orders.get_mut(order_id)?;
        order.cancelled = true;
        Some(order.clone())
    }

    /// Cancels every live order `accept` takes; returns them.
    pub(crate) fn cancel_where(&mut self, accept: impl Fn(&Order) -> bool) -> Vec<Order> {
        let mut done = Vec::new();
        for order in self
            .orders
            .values_mut()
            .filter(|o| !o.cancelled && accept(o))
        {
            order.cancelled = true;
            done.push(order.clone());
        }
        done
    }

    pub(crate) fn all(&self) -> Vec<Order> {
        self.orders.values().cloned().collect()
    }
}
