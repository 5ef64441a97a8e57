//! Bulk cancels that never lose an order: any number of ids, split into requests the batch
//! endpoints accept (at most 50 ids; spot never mixes orderId and clientOid in one request), sent
//! concurrently as fast as the client's rate limiter allows, with one outcome per input id.
//!
//! ```no_run
//! use bitget_endpoints::bulk::{BulkCancel, OrderRef};
//! use bitget_endpoints::mix::ProductType;
//! # async fn run(client: bitget_endpoints::Client) {
//! let ids = (0..500).map(|i| OrderRef::ClientOid(format!("grid-{i}")));
//! let report = BulkCancel::futures(client, ProductType::UsdtFutures, "BTCUSDT")
//!     .ids(ids)
//!     .run_with(|id, outcome| eprintln!("{id}: {outcome}"))
//!     .await;
//! assert_eq!(report.outcomes.len(), 500);
//! # }
//! ```

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

use bitget_core::{Client, Error, ErrorKind, Sent};
use tokio::task::JoinSet;

use crate::common::BatchCancelResult;
use crate::mix::order::{BatchCancelOrders, CancelPlanOrder};
use crate::mix::{OrderIdItem, PlanType, ProductType};
use crate::spot::trade::BatchCancelOrder;
use crate::spot::{BatchMode, SpotOrderItem};

/// The most ids one batch request takes.
pub const BATCH_LIMIT: usize = 50;

/// How an order is named.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum OrderRef {
    /// Bitget's order id.
    OrderId(String),
    /// The client's order id.
    ClientOid(String),
}

impl fmt::Display for OrderRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OrderRef::OrderId(id) => write!(f, "orderId {id}"),
            OrderRef::ClientOid(id) => write!(f, "clientOid {id}"),
        }
    }
}

/// Why an outcome is unknown.
#[derive(Debug, Clone)]
pub enum Unknown {
    /// The request failed without an answer that tells (timed out or cut after its retries).
    Error(Arc<Error>),
    /// Bitget said "does not exist" on a retry after an attempt whose outcome was unknown: that
    /// attempt may have cancelled it.
    NotFoundAfterAmbiguousAttempt {
        /// Bitget's code.
        code: Option<String>,
        /// Bitget's message.
        message: String,
    },
    /// A retry was refused as a whole (a 429, an error code) after an attempt whose outcome was
    /// unknown: the refusal proves only that the retry did nothing, and the earlier attempt may
    /// have cancelled the order.
    RefusedAfterAmbiguousAttempt(Arc<Error>),
    /// Bitget answered but listed the id in neither `successList` nor `failureList`.
    NotReported,
}

/// What happened to one input id.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Bitget listed it in `successList`.
    Cancelled,
    /// Bitget refused it: listed in `failureList`, or the whole request was refused.
    Failed {
        /// Bitget's code, when it gave one.
        code: Option<String>,
        /// Bitget's reason.
        message: String,
    },
    /// Nobody knows: see the reason.
    Unknown(Unknown),
    /// The id appeared earlier in the input; it was sent once, and its outcome is reported there.
    Duplicate,
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Cancelled => f.write_str("cancelled"),
            Outcome::Failed { code, message } => write!(
                f,
                "failed ({}): {message}",
                code.as_deref().unwrap_or("no code")
            ),
            Outcome::Unknown(Unknown::Error(e)) => write!(f, "unknown: {e}"),
            Outcome::Unknown(Unknown::NotFoundAfterAmbiguousAttempt { message, .. }) => {
                write!(
                    f,
                    "unknown: \"{message}\" on a retry after an unanswered attempt, which may have cancelled it"
                )
            }
            Outcome::Unknown(Unknown::RefusedAfterAmbiguousAttempt(e)) => write!(
                f,
                "unknown: a retry was refused ({e}) after an unanswered attempt, which may have cancelled it"
            ),
            Outcome::Unknown(Unknown::NotReported) => {
                f.write_str("unknown: not in Bitget's answer")
            }
            Outcome::Duplicate => f.write_str("duplicate of an earlier id (sent once)"),
        }
    }
}

/// Every input id with its outcome, in input order, and what it took.
#[derive(Debug, Clone, Default)]
pub struct BulkReport {
    /// One entry per input id, in input order.
    pub outcomes: Vec<(OrderRef, Outcome)>,
    /// Batch requests built (each possibly sent several times).
    pub requests: u32,
    /// HTTP attempts made, retries included.
    pub attempts: u32,
}

impl BulkReport {
    /// Whether every input id was cancelled (duplicates aside).
    pub fn all_cancelled(&self) -> bool {
        self.outcomes
            .iter()
            .all(|(_, o)| matches!(o, Outcome::Cancelled | Outcome::Duplicate))
    }

    /// The ids in a given state.
    pub fn filter<'a>(
        &'a self,
        pick: impl Fn(&Outcome) -> bool + 'a,
    ) -> impl Iterator<Item = &'a OrderRef> + 'a {
        self.outcomes
            .iter()
            .filter(move |(_, o)| pick(o))
            .map(|(id, _)| id)
    }
}

/// Where the orders live.
#[derive(Debug, Clone)]
enum Target {
    Futures {
        product_type: ProductType,
        symbol: String,
        margin_coin: Option<String>,
    },
    Plan {
        product_type: ProductType,
        symbol: String,
        plan_type: Option<PlanType>,
    },
    Spot {
        symbol: String,
    },
}

/// A bulk cancel, configured and then run.
#[derive(Debug, Clone)]
#[must_use = "a bulk cancel does nothing until `run()`"]
pub struct BulkCancel {
    client: Client,
    target: Target,
    ids: Vec<OrderRef>,
    concurrency: usize,
}

impl BulkCancel {
    /// Futures orders of `symbol` under `product_type`, through batch-cancel-orders.
    pub fn futures(client: Client, product_type: ProductType, symbol: impl Into<String>) -> Self {
        Self::new(
            client,
            Target::Futures {
                product_type,
                symbol: symbol.into(),
                margin_coin: None,
            },
        )
    }

    /// Futures trigger orders of `symbol` under `product_type`, through cancel-plan-order.
    pub fn plan(client: Client, product_type: ProductType, symbol: impl Into<String>) -> Self {
        Self::new(
            client,
            Target::Plan {
                product_type,
                symbol: symbol.into(),
                plan_type: None,
            },
        )
    }

    /// Spot orders of `symbol`, through batch-cancel-order.
    pub fn spot(client: Client, symbol: impl Into<String>) -> Self {
        Self::new(
            client,
            Target::Spot {
                symbol: symbol.into(),
            },
        )
    }

    fn new(client: Client, target: Target) -> Self {
        BulkCancel {
            client,
            target,
            ids: Vec::new(),
            concurrency: 8,
        }
    }

    /// Adds ids to cancel.
    pub fn ids(mut self, ids: impl IntoIterator<Item = OrderRef>) -> Self {
        self.ids.extend(ids);
        self
    }

    /// The futures margin coin (futures and plan targets).
    pub fn margin_coin(mut self, coin: impl Into<String>) -> Self {
        if let Target::Futures { margin_coin, .. } = &mut self.target {
            *margin_coin = Some(coin.into());
        }
        self
    }

    /// The trigger order type (plan target).
    pub fn plan_type(mut self, kind: PlanType) -> Self {
        if let Target::Plan { plan_type, .. } = &mut self.target {
            *plan_type = Some(kind);
        }
        self
    }

    /// How many requests may be in flight at once (default 8); the rate limiter decides when
    /// each goes.
    pub fn concurrency(mut self, n: usize) -> Self {
        self.concurrency = n.max(1);
        self
    }

    /// Runs the cancel and reports every id.
    pub async fn run(self) -> BulkReport {
        self.run_with(|_, _| {}).await
    }

    /// Runs the cancel, calling `on_outcome` for each id as its answer arrives.
    pub async fn run_with(self, mut on_outcome: impl FnMut(&OrderRef, &Outcome)) -> BulkReport {
        let mut outcomes: Vec<Option<Outcome>> = vec![None; self.ids.len()];
        let mut seen = HashSet::new();
        let mut unique: Vec<(usize, OrderRef)> = Vec::new();
        for (i, id) in self.ids.iter().enumerate() {
            if seen.insert(id.clone()) {
                unique.push((i, id.clone()));
            } else {
                on_outcome(id, &Outcome::Duplicate);
                outcomes[i] = Some(Outcome::Duplicate);
            }
        }
        let chunks = chunks(&self.target, unique);
        let mut report = BulkReport {
            requests: chunks.len() as u32,
            ..BulkReport::default()
        };
        let mut pending = chunks.into_iter();
        let mut running = JoinSet::new();
        loop {
            while running.len() < self.concurrency {
                let Some(chunk) = pending.next() else { break };
                running.spawn(cancel_chunk(
                    self.client.clone(),
                    self.target.clone(),
                    chunk,
                ));
            }
            let Some(joined) = running.join_next().await else {
                break;
            };
            // A task only fails by panicking, which the chunk code never does; its ids stay
            // unreported and are filled in as unknown below rather than lost.
            let Ok((attempts, results)) = joined else {
                continue;
            };
            report.attempts += attempts;
            for (i, id, outcome) in results {
                on_outcome(&id, &outcome);
                outcomes[i] = Some(outcome);
            }
        }
        report.outcomes = self
            .ids
            .into_iter()
            .zip(outcomes)
            .map(|(id, o)| (id, o.unwrap_or(Outcome::Unknown(Unknown::NotReported))))
            .collect();
        report
    }
}

type Chunk = Vec<(usize, OrderRef)>;

/// Splits ids into requests: at most 50 each, and on spot, orderIds and clientOids apart.
fn chunks(target: &Target, ids: Vec<(usize, OrderRef)>) -> Vec<Chunk> {
    let (by_id, by_coid): (Chunk, Chunk) = ids
        .into_iter()
        .partition(|(_, r)| matches!(r, OrderRef::OrderId(_)));
    let groups = match target {
        Target::Spot { .. } => vec![by_id, by_coid],
        _ => vec![by_id.into_iter().chain(by_coid).collect()],
    };
    groups
        .into_iter()
        .flat_map(|g| g.chunks(BATCH_LIMIT).map(<[_]>::to_vec).collect::<Vec<_>>())
        .filter(|c| !c.is_empty())
        .collect()
}

fn futures_item(r: &OrderRef) -> OrderIdItem {
    match r {
        OrderRef::OrderId(id) => OrderIdItem::by_order_id(id),
        OrderRef::ClientOid(id) => OrderIdItem::by_client_oid(id),
    }
}

/// Sends one chunk and maps its answer back to its ids.
async fn cancel_chunk(
    client: Client,
    target: Target,
    chunk: Chunk,
) -> (u32, Vec<(usize, OrderRef, Outcome)>) {
    let sent: Sent<BatchCancelResult> = match &target {
        Target::Futures {
            product_type,
            symbol,
            margin_coin,
        } => {
            let mut b = BatchCancelOrders::builder()
                .order_id_list(chunk.iter().map(|(_, r)| futures_item(r)))
                .symbol(symbol)
                .product_type(product_type.clone());
            if let Some(coin) = margin_coin {
                b = b.margin_coin(coin);
            }
            send(&client, b.build()).await
        }
        Target::Plan {
            product_type,
            symbol,
            plan_type,
        } => {
            let mut b = CancelPlanOrder::builder()
                .order_id_list(chunk.iter().map(|(_, r)| futures_item(r)))
                .symbol(symbol)
                .product_type(product_type.clone());
            if let Some(kind) = plan_type {
                b = b.plan_type(kind.clone());
            }
            send(&client, b.build()).await
        }
        Target::Spot { symbol } => {
            let items = chunk.iter().map(|(_, r)| match r {
                OrderRef::OrderId(id) => SpotOrderItem::by_order_id(id),
                OrderRef::ClientOid(id) => SpotOrderItem::by_client_oid(id),
            });
            let b = BatchCancelOrder::builder()
                .symbol(symbol)
                .batch_mode(BatchMode::Single)
                .order_list(items);
            send(&client, b.build()).await
        }
    };
    (sent.attempts, outcomes(chunk, sent))
}

async fn send<E>(
    client: &Client,
    request: Result<E, bitget_core::ValidationError>,
) -> Sent<E::Response>
where
    E: bitget_core::Endpoint + Sync,
{
    match request {
        Ok(request) => client.send_reporting(&request).await,
        Err(e) => Sent {
            result: Err(e.into()),
            attempts: 0,
            ambiguous: false,
        },
    }
}

/// One outcome per id of the chunk, from Bitget's lists or from the error.
fn outcomes(chunk: Chunk, sent: Sent<BatchCancelResult>) -> Vec<(usize, OrderRef, Outcome)> {
    let result = match sent.result {
        Ok(result) => result,
        Err(e) => {
            let outcome = whole_request_failed(e, sent.ambiguous);
            return chunk
                .into_iter()
                .map(|(i, id)| (i, id, outcome.clone()))
                .collect();
        }
    };
    let mut by_order_id: HashMap<&str, Outcome> = HashMap::new();
    let mut by_client_oid: HashMap<&str, Outcome> = HashMap::new();
    for f in &result.failure_list {
        let outcome = if sent.ambiguous {
            Outcome::Unknown(Unknown::NotFoundAfterAmbiguousAttempt {
                code: f.error_code.clone(),
                message: f.error_msg.clone().unwrap_or_default(),
            })
        } else {
            Outcome::Failed {
                code: f.error_code.clone(),
                message: f.error_msg.clone().unwrap_or_default(),
            }
        };
        remember(
            &mut by_order_id,
            &mut by_client_oid,
            f.order_id.as_deref(),
            f.client_oid.as_deref(),
            outcome,
        );
    }
    // Successes last, so an id Bitget lists in both counts as cancelled.
    for s in &result.success_list {
        remember(
            &mut by_order_id,
            &mut by_client_oid,
            s.order_id.as_deref(),
            s.client_oid.as_deref(),
            Outcome::Cancelled,
        );
    }
    chunk
        .into_iter()
        .map(|(i, id)| {
            let found = match &id {
                OrderRef::OrderId(x) => by_order_id.get(x.as_str()),
                OrderRef::ClientOid(x) => by_client_oid.get(x.as_str()),
            };
            let outcome = found
                .cloned()
                .unwrap_or(Outcome::Unknown(Unknown::NotReported));
            (i, id, outcome)
        })
        .collect()
}

fn remember<'a>(
    by_order_id: &mut HashMap<&'a str, Outcome>,
    by_client_oid: &mut HashMap<&'a str, Outcome>,
    order_id: Option<&'a str>,
    client_oid: Option<&'a str>,
    outcome: Outcome,
) {
    if let Some(id) = order_id.filter(|s| !s.is_empty()) {
        by_order_id.insert(id, outcome.clone());
    }
    if let Some(id) = client_oid.filter(|s| !s.is_empty()) {
        by_client_oid.insert(id, outcome);
    }
}

/// A request that failed as a whole: refused (not cancelled), unanswered (unknown), or refused
/// after an earlier attempt that may have been executed (unknown too).
fn whole_request_failed(e: Error, ambiguous_before: bool) -> Outcome {
    let refused = matches!(
        e.kind(),
        ErrorKind::Api | ErrorKind::RateLimited | ErrorKind::Validation | ErrorKind::Config
    ) && !e.is_ambiguous();
    if refused && ambiguous_before {
        Outcome::Unknown(Unknown::RefusedAfterAmbiguousAttempt(Arc::new(e)))
    } else if refused {
        Outcome::Failed {
            code: e.api_code().map(|c| c.as_str().to_owned()),
            message: e.to_string(),
        }
    } else {
        Outcome::Unknown(Unknown::Error(Arc::new(e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize, f: impl Fn(usize) -> OrderRef) -> Chunk {
        (0..n).map(|i| (i, f(i))).collect()
    }

    #[test]
    fn chunks_respect_the_limit_and_never_mix_on_spot() {
        let mixed: Chunk = (0..120)
            .map(|i| {
                (
                    i,
                    if i % 3 == 0 {
                        OrderRef::ClientOid(format!("c{i}"))
                    } else {
                        OrderRef::OrderId(format!("{i}"))
                    },
                )
            })
            .collect();
        let spot = chunks(
            &Target::Spot {
                symbol: "BTCUSDT".into(),
            },
            mixed.clone(),
        );
        assert!(spot.iter().all(|c| c.len() <= BATCH_LIMIT && !c.is_empty()));
        for c in &spot {
            let kinds: HashSet<bool> = c
                .iter()
                .map(|(_, r)| matches!(r, OrderRef::OrderId(_)))
                .collect();
            assert_eq!(kinds.len(), 1, "a spot chunk mixes orderId and clientOid");
        }
        assert_eq!(spot.iter().map(Vec::len).sum::<usize>(), 120);
        let fut = chunks(
            &Target::Futures {
                product_type: ProductType::UsdtFutures,
                symbol: "BTCUSDT".into(),
                margin_coin: None,
            },
            mixed,
        );
        assert_eq!(fut.iter().map(Vec::len).collect::<Vec<_>>(), [50, 50, 20]);
        assert!(
            chunks(
                &Target::Spot { symbol: "X".into() },
                ids(0, |i| OrderRef::OrderId(i.to_string()))
            )
            .is_empty()
        );
    }
}
