//! What an emergency stop relies on: every open order and every trigger order listed, whatever
//! its state or kind, and every trigger order cancelled, reported order by order.
//!
//! Bitget's own shortcuts each leave something behind: `orders-pending` without a status lists
//! `live` orders only (a partly filled order is left out), `cancel-plan-order` without a
//! `planType` cancels `normal_plan` orders only (TP/SL and trailing orders stay live), and a plan
//! list answers one kind per call. These calls ask for every state and every kind, and cancel
//! by id through [`BulkCancel`](crate::bulk::BulkCancel), so each order has its outcome.
//!
//! ```no_run
//! use bitget_endpoints::mix::ProductType;
//! use bitget_endpoints::stop;
//! # async fn run(client: bitget_endpoints::Client) -> Result<(), bitget_endpoints::Error> {
//! let report = stop::cancel_every_futures_trigger(&client, ProductType::UsdtFutures, None).await?;
//! for (id, outcome) in &report.outcomes {
//!     eprintln!("{id}: {outcome}");
//! }
//! assert!(stop::open_futures_triggers(&client, ProductType::UsdtFutures, None).await?.is_empty());
//! # Ok(()) }
//! ```

#[cfg(feature = "mix")]
use std::collections::BTreeMap;
#[cfg(feature = "uta")]
use std::sync::Arc;

use bitget_core::{Client, Error};

use crate::bulk::{BulkReport, OrderRef};
#[cfg(feature = "uta")]
use crate::bulk::{Outcome, Unknown};
#[cfg(feature = "mix")]
use crate::mix::order::{Order, OrdersPending, OrdersPlanPending, PlanOrder};
#[cfg(feature = "mix")]
use crate::mix::{OrderStatus, PlanFilter, PlanType, ProductType};
#[cfg(feature = "uta")]
use crate::uta::Category;
#[cfg(feature = "uta")]
use crate::uta::trade::{CancelStrategyOrder, StrategyOrder, UnfilledStrategyOrders};

/// Every open futures order of `product_type` (and `symbol`): `live` and `partially_filled`,
/// each state asked for by name, every page.
#[cfg(feature = "mix")]
pub async fn open_futures_orders(
    client: &Client,
    product_type: ProductType,
    symbol: Option<&str>,
) -> Result<Vec<Order>, Error> {
    let mut open = Vec::new();
    for status in [OrderStatus::Live, OrderStatus::PartiallyFilled] {
        let b = OrdersPending::builder()
            .product_type(product_type.clone())
            .status(status)
            .limit(100);
        let request = match symbol {
            Some(s) => b.symbol(s).build()?,
            None => b.build()?,
        };
        open.extend(request.stream(client).try_collect().await?);
    }
    // An order filling between the two calls may be listed twice.
    let mut seen = std::collections::HashSet::new();
    open.retain(|o| seen.insert(o.order_id.clone()));
    Ok(open)
}

/// Every open trigger order of `product_type` (and `symbol`), of every kind: trigger
/// (`normal_plan`), trailing (`track_plan`) and every TP/SL kind (`profit_loss`), every page.
#[cfg(feature = "mix")]
pub async fn open_futures_triggers(
    client: &Client,
    product_type: ProductType,
    symbol: Option<&str>,
) -> Result<Vec<PlanOrder>, Error> {
    let mut open = Vec::new();
    for filter in [
        PlanFilter::NormalPlan,
        PlanFilter::TrackPlan,
        PlanFilter::ProfitLoss,
    ] {
        let b = OrdersPlanPending::builder()
            .plan_type(filter)
            .product_type(product_type.clone())
            .limit(100);
        let request = match symbol {
            Some(s) => b.symbol(s).build()?,
            None => b.build()?,
        };
        open.extend(request.stream(client).try_collect().await?);
    }
    Ok(open)
}

/// Cancels every open trigger order of `product_type` (and `symbol`), of every kind, by id:
/// listed with [`open_futures_triggers`], cancelled per symbol and kind with the plan
/// [`BulkCancel`](crate::bulk::BulkCancel). One outcome per order; list again to confirm.
#[cfg(feature = "mix")]
pub async fn cancel_every_futures_trigger(
    client: &Client,
    product_type: ProductType,
    symbol: Option<&str>,
) -> Result<BulkReport, Error> {
    let open = open_futures_triggers(client, product_type.clone(), symbol).await?;
    let mut groups: BTreeMap<(String, String), Vec<OrderRef>> = BTreeMap::new();
    for order in open {
        groups
            .entry((order.symbol, order.plan_type))
            .or_default()
            .push(OrderRef::OrderId(order.order_id));
    }
    let mut report = BulkReport::default();
    for ((symbol, kind), ids) in groups {
        // A kind this version does not list is sent as Bitget named it.
        let kind = kind
            .parse::<PlanType>()
            .unwrap_or_else(|_| PlanType::unlisted(&kind));
        let part = crate::bulk::BulkCancel::plan(client.clone(), product_type.clone(), symbol)
            .plan_type(kind)
            .ids(ids)
            .run()
            .await?;
        report.absorb(part);
    }
    Ok(report)
}

/// Every open strategy order (TP/SL and trigger) of `category`.
#[cfg(feature = "uta")]
pub async fn open_strategy_orders(
    client: &Client,
    category: Category,
) -> Result<Vec<StrategyOrder>, Error> {
    UnfilledStrategyOrders::builder()
        .category(category)
        .build()?
        .send(client)
        .await
}

/// Cancels every open strategy order (TP/SL and trigger) of `category`, one request per order
/// (v3 has no batch for them), with one outcome per order.
#[cfg(feature = "uta")]
pub async fn cancel_every_strategy_order(
    client: &Client,
    category: Category,
) -> Result<BulkReport, Error> {
    let open = open_strategy_orders(client, category).await?;
    let mut report = BulkReport::default();
    for order in open {
        let request = CancelStrategyOrder::builder()
            .order_id(order.order_id.clone())
            .build()?;
        let sent = client.send_reporting(&request).await;
        report.requests += 1;
        report.attempts += sent.attempts;
        let outcome = match sent.result {
            Ok(()) => Outcome::Cancelled,
            Err(e) if e.is_not_found() && sent.ambiguous => {
                Outcome::Unknown(Unknown::NotFoundAfterAmbiguousAttempt {
                    code: e.api_code().map(|c| c.as_str().to_owned()),
                    message: e.to_string(),
                })
            }
            Err(e) if e.is_ambiguous() => Outcome::Unknown(Unknown::Error(Arc::new(e))),
            Err(e) => Outcome::Failed {
                code: e.api_code().map(|c| c.as_str().to_owned()),
                message: e.to_string(),
            },
        };
        report
            .outcomes
            .push((OrderRef::OrderId(order.order_id), outcome));
    }
    Ok(report)
}
