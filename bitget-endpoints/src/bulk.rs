//! Bulk cancels that never lose an order: any number of ids, split into requests the batch
//! endpoints accept (at most 50 ids on v2, 20 on v3; spot never mixes orderId and clientOid in
//! one request), sent
//! concurrently as fast as the client's rate limiter allows, with one outcome per input id.
//!
//! ```no_run
//! use bitget_endpoints::bulk::{BulkCancel, OrderRef};
//! use bitget_endpoints::mix::ProductType;
//! # async fn run(client: bitget_endpoints::Client) -> Result<(), bitget_endpoints::Error> {
//! let ids = (0..500).map(|i| OrderRef::ClientOid(format!("grid-{i}")));
//! let report = BulkCancel::futures(client, ProductType::UsdtFutures, "BTCUSDT")
//!     .margin_coin("USDT")
//!     .ids(ids)
//!     .run_with(|id, outcome| eprintln!("{id}: {outcome}"))
//!     .await?; // a broken fixed field (a lower-case margin coin) is one error, before any request
//! assert_eq!(report.outcomes.len(), 500);
//! # Ok::<(), bitget_endpoints::Error>(()) }
//! ```

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

use bitget_core::{Client, Endpoint, Error, ErrorKind, Sent, ValidationError};
use tokio::task::JoinSet;

use crate::common::BatchCancelResult;
#[cfg(feature = "mix")]
use crate::mix::order::{BatchCancelOrders, CancelPlanOrder};
#[cfg(feature = "mix")]
use crate::mix::{OrderIdItem, PlanType, ProductType};
#[cfg(feature = "spot")]
use crate::spot::trade::BatchCancelOrder;
#[cfg(feature = "spot")]
use crate::spot::{BatchMode, SpotOrderItem};
#[cfg(feature = "uta")]
use crate::uta::Category;
#[cfg(feature = "uta")]
use crate::uta::trade::{CancelBatch, CancelItem, ItemResult};

/// The most ids one v2 batch request takes (v3's: `uta::trade::BATCH_LIMIT`).
pub use crate::common::BATCH_LIMIT;

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

    /// Adds another report's outcomes and counts after this one's (for a cancel that runs
    /// several bulk cancels, one per symbol or kind).
    pub fn absorb(&mut self, other: BulkReport) {
        self.outcomes.extend(other.outcomes);
        self.requests += other.requests;
        self.attempts += other.attempts;
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

/// Where the orders of a bulk cancel live, and the batch endpoint that cancels them: [`Futures`],
/// [`Plan`] or [`Spot`]. Each has only the options that apply to it, so an option can never be
/// silently dropped.
pub trait Target: sealed::Sealed + Clone + Send + Sync + 'static {
    /// The batch endpoint's request.
    #[doc(hidden)]
    type Request: Endpoint<Response: BatchAnswer> + Send + Sync + 'static;

    /// Whether one request may mix orderIds and clientOids (spot may not).
    #[doc(hidden)]
    const MIXES_ID_KINDS: bool;

    /// The most ids one request takes.
    #[doc(hidden)]
    const BATCH: usize = BATCH_LIMIT;

    /// The batch request for these ids, with every rule checked.
    #[doc(hidden)]
    fn request(&self, ids: &[&OrderRef]) -> Result<Self::Request, ValidationError>;

    /// The rules of one id as an item of the batch (not empty, a clientOid of at most 50).
    #[doc(hidden)]
    fn check_id(&self, id: &OrderRef) -> Result<(), ValidationError>;
}

/// A batch cancel's answer as v2's success and failure lists; `ids` are the request's, in order.
#[doc(hidden)]
pub trait BatchAnswer {
    /// The answer as success and failure lists.
    fn into_batch_result(self, ids: &[&OrderRef]) -> BatchCancelResult;
}

/// v2's batch endpoints answer with the lists themselves.
impl BatchAnswer for BatchCancelResult {
    fn into_batch_result(self, _: &[&OrderRef]) -> BatchCancelResult {
        self
    }
}

#[cfg(feature = "uta")]
/// v3 answers item by item.
impl BatchAnswer for Vec<ItemResult> {
    fn into_batch_result(self, ids: &[&OrderRef]) -> BatchCancelResult {
        let mut answer = self;
        // v3 answers item by item, in the request's order: when the counts agree, an item that
        // does not echo the id it was sent by is matched by its position.
        if answer.len() == ids.len() {
            for (item, id) in answer.iter_mut().zip(ids) {
                match id {
                    OrderRef::OrderId(x) if item.order_id.as_deref().is_none_or(str::is_empty) => {
                        item.order_id = Some(x.clone());
                    }
                    OrderRef::ClientOid(x)
                        if item.client_oid.as_deref().is_none_or(str::is_empty) =>
                    {
                        item.client_oid = Some(x.clone());
                    }
                    _ => {}
                }
            }
        }
        let (ok, failed): (Vec<ItemResult>, Vec<ItemResult>) =
            answer.into_iter().partition(ItemResult::succeeded);
        BatchCancelResult {
            success_list: ok
                .into_iter()
                .map(|r| crate::common::CancelledOrder {
                    order_id: r.order_id,
                    client_oid: r.client_oid,
                })
                .collect(),
            failure_list: failed
                .into_iter()
                .map(|r| crate::common::FailedOrder {
                    order_id: r.order_id,
                    client_oid: r.client_oid,
                    error_msg: r.msg,
                    error_code: r.code,
                })
                .collect(),
        }
    }
}

mod sealed {
    pub trait Sealed {}
    #[cfg(feature = "mix")]
    impl Sealed for super::Futures {}
    #[cfg(feature = "mix")]
    impl Sealed for super::Plan {}
    #[cfg(feature = "spot")]
    impl Sealed for super::Spot {}
    #[cfg(feature = "uta")]
    impl Sealed for super::Uta {}
}

#[cfg(feature = "mix")]
/// Futures orders of one symbol, cancelled through batch-cancel-orders.
#[derive(Debug, Clone)]
pub struct Futures {
    product_type: ProductType,
    symbol: String,
    margin_coin: Option<String>,
}

#[cfg(feature = "mix")]
/// Futures trigger (plan) orders of one symbol, cancelled through cancel-plan-order: the futures
/// target's fields and a plan type.
#[derive(Debug, Clone)]
pub struct Plan {
    futures: Futures,
    plan_type: Option<PlanType>,
}

#[cfg(feature = "spot")]
/// Spot orders of one symbol, cancelled through batch-cancel-order.
#[derive(Debug, Clone)]
pub struct Spot {
    symbol: String,
}

#[cfg(feature = "mix")]
fn futures_item(r: &OrderRef) -> OrderIdItem {
    match r {
        OrderRef::OrderId(id) => OrderIdItem::by_order_id(id),
        OrderRef::ClientOid(id) => OrderIdItem::by_client_oid(id),
    }
}

#[cfg(feature = "mix")]
impl Target for Futures {
    type Request = BatchCancelOrders;

    const MIXES_ID_KINDS: bool = true;

    fn request(&self, ids: &[&OrderRef]) -> Result<BatchCancelOrders, ValidationError> {
        let mut b = BatchCancelOrders::builder()
            .order_id_list(ids.iter().map(|r| futures_item(r)))
            .symbol(&self.symbol)
            .product_type(self.product_type.clone());
        if let Some(coin) = &self.margin_coin {
            b = b.margin_coin(coin);
        }
        b.build()
    }

    fn check_id(&self, id: &OrderRef) -> Result<(), ValidationError> {
        futures_item(id).validate()
    }
}

#[cfg(feature = "mix")]
impl Target for Plan {
    type Request = CancelPlanOrder;

    const MIXES_ID_KINDS: bool = true;

    fn request(&self, ids: &[&OrderRef]) -> Result<CancelPlanOrder, ValidationError> {
        let f = &self.futures;
        let mut b = CancelPlanOrder::builder()
            .order_id_list(ids.iter().map(|r| futures_item(r)))
            .symbol(&f.symbol)
            .product_type(f.product_type.clone());
        if let Some(coin) = &f.margin_coin {
            b = b.margin_coin(coin);
        }
        if let Some(kind) = &self.plan_type {
            b = b.plan_type(kind.clone());
        }
        b.build()
    }

    fn check_id(&self, id: &OrderRef) -> Result<(), ValidationError> {
        self.futures.check_id(id)
    }
}

#[cfg(feature = "spot")]
fn spot_item(r: &OrderRef) -> SpotOrderItem {
    match r {
        OrderRef::OrderId(id) => SpotOrderItem::by_order_id(id),
        OrderRef::ClientOid(id) => SpotOrderItem::by_client_oid(id),
    }
}

#[cfg(feature = "spot")]
impl Target for Spot {
    type Request = BatchCancelOrder;

    const MIXES_ID_KINDS: bool = false;

    fn request(&self, ids: &[&OrderRef]) -> Result<BatchCancelOrder, ValidationError> {
        BatchCancelOrder::builder()
            .symbol(&self.symbol)
            .batch_mode(BatchMode::Single)
            .order_list(ids.iter().map(|r| spot_item(r)))
            .build()
    }

    fn check_id(&self, id: &OrderRef) -> Result<(), ValidationError> {
        spot_item(id).validate()
    }
}

#[cfg(feature = "uta")]
/// Orders of one symbol of a v3 (Unified account) product line, cancelled through cancel-batch
/// (at most 20 ids a request, answered item by item).
#[derive(Debug, Clone)]
pub struct Uta {
    category: Category,
    symbol: String,
}

#[cfg(feature = "uta")]
fn uta_item(target: &Uta, r: &OrderRef) -> CancelItem {
    match r {
        OrderRef::OrderId(id) => {
            CancelItem::by_order_id(target.category.clone(), &target.symbol, id)
        }
        OrderRef::ClientOid(id) => {
            CancelItem::by_client_oid(target.category.clone(), &target.symbol, id)
        }
    }
}

#[cfg(feature = "uta")]
impl Target for Uta {
    type Request = CancelBatch;
    const MIXES_ID_KINDS: bool = true;
    const BATCH: usize = crate::uta::trade::BATCH_LIMIT;

    fn request(&self, ids: &[&OrderRef]) -> Result<CancelBatch, ValidationError> {
        CancelBatch::builder()
            .orders(ids.iter().map(|r| uta_item(self, r)))
            .build()
    }

    fn check_id(&self, id: &OrderRef) -> Result<(), ValidationError> {
        uta_item(self, id).validate()
    }
}

/// A bulk cancel, configured and then run. The target's type says which options it takes:
/// `margin_coin` on futures and plan targets, `plan_type` on plan targets only.
#[derive(Debug, Clone)]
#[must_use = "a bulk cancel does nothing until `run()`"]
pub struct BulkCancel<T: Target> {
    client: Client,
    target: T,
    ids: Vec<OrderRef>,
    concurrency: usize,
}

#[cfg(feature = "mix")]
impl BulkCancel<Futures> {
    /// Futures orders of `symbol` under `product_type`, through batch-cancel-orders.
    pub fn futures(client: Client, product_type: ProductType, symbol: impl Into<String>) -> Self {
        Self::new(
            client,
            Futures {
                product_type,
                symbol: symbol.into(),
                margin_coin: None,
            },
        )
    }

    /// The margin coin, in capitals (checked before anything is sent).
    pub fn margin_coin(mut self, coin: impl Into<String>) -> Self {
        self.target.margin_coin = Some(coin.into());
        self
    }
}

#[cfg(feature = "mix")]
impl BulkCancel<Plan> {
    /// Futures trigger orders of `symbol` under `product_type`, through cancel-plan-order.
    pub fn plan(client: Client, product_type: ProductType, symbol: impl Into<String>) -> Self {
        Self::new(
            client,
            Plan {
                futures: Futures {
                    product_type,
                    symbol: symbol.into(),
                    margin_coin: None,
                },
                plan_type: None,
            },
        )
    }

    /// The margin coin, in capitals (checked before anything is sent).
    pub fn margin_coin(mut self, coin: impl Into<String>) -> Self {
        self.target.futures.margin_coin = Some(coin.into());
        self
    }

    /// The trigger order type (Bitget assumes `normal_plan` without it).
    pub fn plan_type(mut self, kind: PlanType) -> Self {
        self.target.plan_type = Some(kind);
        self
    }
}

#[cfg(feature = "spot")]
impl BulkCancel<Spot> {
    /// Spot orders of `symbol`, through batch-cancel-order.
    pub fn spot(client: Client, symbol: impl Into<String>) -> Self {
        Self::new(
            client,
            Spot {
                symbol: symbol.into(),
            },
        )
    }
}

#[cfg(feature = "uta")]
impl BulkCancel<Uta> {
    /// Cancels v3 orders of `symbol` in `category` (a Unified account), 20 ids a request.
    pub fn uta(client: Client, category: Category, symbol: impl Into<String>) -> Self {
        Self::new(
            client,
            Uta {
                category,
                symbol: symbol.into(),
            },
        )
    }
}

impl<T: Target> BulkCancel<T> {
    fn new(client: Client, target: T) -> Self {
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

    /// How many requests may be in flight at once (default 8); the rate limiter decides when
    /// each goes.
    pub fn concurrency(mut self, n: usize) -> Self {
        self.concurrency = n.max(1);
        self
    }

    /// Runs the cancel and reports every id.
    ///
    /// The fixed fields (symbol, product type, margin coin, plan type) are checked first: if they
    /// break a rule, this is one validation error and nothing is sent.
    pub async fn run(self) -> Result<BulkReport, Error> {
        self.run_with(|_, _| {}).await
    }

    /// [`run`](Self::run), calling `on_outcome` for each id as its answer arrives.
    pub async fn run_with(
        self,
        mut on_outcome: impl FnMut(&OrderRef, &Outcome),
    ) -> Result<BulkReport, Error> {
        // One probe id stands for the list, so only the fixed fields can break a rule.
        let probe = OrderRef::OrderId("0".to_owned());
        self.target.request(&[&probe])?;
        let mut outcomes: Vec<Option<Outcome>> = vec![None; self.ids.len()];
        let mut seen = HashSet::new();
        let mut unique: Vec<(usize, OrderRef)> = Vec::new();
        for (i, id) in self.ids.iter().enumerate() {
            if !seen.insert(id.clone()) {
                on_outcome(id, &Outcome::Duplicate);
                outcomes[i] = Some(Outcome::Duplicate);
                continue;
            }
            // An id the endpoint refuses (empty, a clientOid over 50 characters) fails alone
            // rather than failing the 49 valid ids of its batch.
            if let Err(e) = self.target.check_id(id) {
                let outcome = whole_request_failed(e.into(), false);
                on_outcome(id, &outcome);
                outcomes[i] = Some(outcome);
                continue;
            }
            unique.push((i, id.clone()));
        }
        let chunks = chunks(T::MIXES_ID_KINDS, T::BATCH, unique);
        let mut report = BulkReport {
            requests: chunks.len() as u32,
            ..BulkReport::default()
        };
        let target = Arc::new(self.target);
        let mut pending = chunks.into_iter();
        let mut running = JoinSet::new();
        loop {
            while running.len() < self.concurrency {
                let Some(chunk) = pending.next() else { break };
                running.spawn(cancel_chunk(self.client.clone(), target.clone(), chunk));
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
        Ok(report)
    }
}

type Chunk = Vec<(usize, OrderRef)>;

/// Splits ids into requests: at most `batch` each, and where one request must not mix them
/// (spot), orderIds and clientOids apart.
fn chunks(mixes_id_kinds: bool, batch: usize, ids: Vec<(usize, OrderRef)>) -> Vec<Chunk> {
    let (by_id, by_coid): (Chunk, Chunk) = ids
        .into_iter()
        .partition(|(_, r)| matches!(r, OrderRef::OrderId(_)));
    let groups = if mixes_id_kinds {
        vec![by_id.into_iter().chain(by_coid).collect()]
    } else {
        vec![by_id, by_coid]
    };
    groups
        .into_iter()
        .flat_map(|g| g.chunks(batch).map(<[_]>::to_vec).collect::<Vec<_>>())
        .filter(|c| !c.is_empty())
        .collect()
}

/// Sends one chunk and maps its answer back to its ids.
async fn cancel_chunk<T: Target>(
    client: Client,
    target: Arc<T>,
    chunk: Chunk,
) -> (u32, Vec<(usize, OrderRef, Outcome)>) {
    let ids: Vec<&OrderRef> = chunk.iter().map(|(_, r)| r).collect();
    let sent: Sent<<T::Request as Endpoint>::Response> = match target.request(&ids) {
        Ok(request) => client.send_reporting(&request).await,
        Err(e) => Sent::unsent(e.into()),
    };
    let sent = sent.map(|answer| answer.into_batch_result(&ids));
    (sent.attempts, outcomes(chunk, sent))
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
    ) && !e.is_unanswered();
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

#[cfg(all(test, feature = "mix", feature = "spot"))]
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
        let spot = chunks(Spot::MIXES_ID_KINDS, Spot::BATCH, mixed.clone());
        assert!(spot.iter().all(|c| c.len() <= BATCH_LIMIT && !c.is_empty()));
        for c in &spot {
            let kinds: HashSet<bool> = c
                .iter()
                .map(|(_, r)| matches!(r, OrderRef::OrderId(_)))
                .collect();
            assert_eq!(kinds.len(), 1, "a spot chunk mixes orderId and clientOid");
        }
        assert_eq!(spot.iter().map(Vec::len).sum::<usize>(), 120);
        let fut = chunks(Futures::MIXES_ID_KINDS, Futures::BATCH, mixed);
        assert_eq!(fut.iter().map(Vec::len).collect::<Vec<_>>(), [50, 50, 20]);
        assert!(
            chunks(
                Spot::MIXES_ID_KINDS,
                Spot::BATCH,
                ids(0, |i| OrderRef::OrderId(i.to_string()))
            )
            .is_empty()
        );
    }
}
