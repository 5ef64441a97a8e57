//! A bot's own orders and fills, live, and never a missed fill (feature `streams`).
//!
//! Bitget's private channels have no replay: what is pushed while a connection is down is gone.
//! An [`OrderFeed`] subscribes to a family's order and fill channels and, whenever pushes may
//! have been lost (the connection came back, or the consumer fell behind and pushes were
//! dropped), reconciles over REST through the declared endpoints: the fills since the last one
//! it delivered, the orders finished since then and those open now, and the state of every
//! order it knew open and found in neither. What it finds and had not delivered is delivered,
//! marked `recovered`. The orders open when the feed starts are tracked from the start.
//!
//! Each fill is delivered once (by trade and order id, across the live pushes and the
//! recoveries), and an order's state only moves forward: a push for an older or the same state
//! (a late or repeated push) is dropped, so the last [`FeedEvent::Order`] of an order is its
//! latest state.
//!
//! ```no_run
//! # async fn run() -> Result<(), bitget_endpoints::Error> {
//! use bitget_endpoints::feed::{FeedEvent, OrderFeed};
//! use bitget_endpoints::mix::{ProductType, ws::FuturesOrders};
//! use bitget_endpoints::stream::Streams;
//! let client = bitget_endpoints::Client::from_env()?;
//! let streams = Streams::new(&client);
//! let mut feed = OrderFeed::subscribe(&streams, &client, FuturesOrders::new(ProductType::UsdtFutures)).await?;
//! while let Some(event) = feed.next().await {
//!     match event? {
//!         FeedEvent::Order { order, recovered } => println!("{} {} (recovered: {recovered})", order.order_id, order.status),
//!         FeedEvent::Fill { fill, recovered } => println!("fill {} of {} (recovered: {recovered})", fill.trade_id, fill.order_id),
//!         FeedEvent::Reconnecting => eprintln!("private stream lost: recovering when it is back"),
//!         FeedEvent::Recovered { orders, fills } => eprintln!("recovered {orders} orders, {fills} fills"),
//!     }
//! }
//! # Ok(()) }
//! ```

use std::collections::{HashMap, HashSet, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::task::Poll;

use bitget_core::stream::{Channel, Event, Streams, Subscription};
use bitget_core::{Client, Decimal, Error};
use serde::de::DeserializeOwned;

/// A boxed future, for the [`Source`] methods.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// How far an order has come: the stage (open, partly filled, done), then the size filled,
/// then the update time. A state is newer than another when this is greater.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Progress {
    /// 0 open and unfilled, 1 partly filled, 2 done (filled or cancelled).
    pub stage: u8,
    /// Size filled so far.
    pub filled: Decimal,
    /// Last update, Unix ms (0 when unknown).
    pub updated_ms: i64,
}

impl Progress {
    /// Whether the order is done (filled or cancelled).
    pub fn is_done(&self) -> bool {
        self.stage >= 2
    }
}

/// An order push the feed can track.
pub trait TrackedOrder {
    /// The order's id.
    fn order_id(&self) -> &str;
    /// Its symbol (a v2 futures order is looked up by symbol and id).
    fn symbol(&self) -> &str;
    /// How far it has come.
    fn progress(&self) -> Progress;
}

/// A fill push the feed can tell apart from the others.
pub trait TrackedFill {
    /// The trade's id (the two sides of a match share it: the order id tells them apart).
    fn trade_id(&self) -> &str;
    /// The order filled.
    fn order_id(&self) -> &str;
    /// Its symbol.
    fn symbol(&self) -> &str;
    /// When, Unix ms.
    fn time_ms(&self) -> i64;
}

/// A family's private order and fill channels and the REST endpoints that read the same
/// orders and fills: what an [`OrderFeed`] needs to reconcile.
pub trait Source: Send + Sync + 'static {
    /// An order push (a recovered order is converted into it).
    type Order: TrackedOrder + DeserializeOwned + Clone + Send + 'static;
    /// A fill push.
    type Fill: TrackedFill + DeserializeOwned + Clone + Send + 'static;
    /// The order channel.
    type Orders: Channel<Push = Self::Order>;
    /// The fill channel.
    type Fills: Channel<Push = Self::Fill>;
    /// The order channel to subscribe to.
    fn orders(&self) -> Self::Orders;
    /// The fill channel to subscribe to.
    fn fills(&self) -> Self::Fills;
    /// The orders finished (filled or cancelled) since `since_ms`, Unix ms: those placed and
    /// done while no push came.
    fn finished_since<'a>(
        &'a self,
        client: &'a Client,
        since_ms: i64,
    ) -> BoxFuture<'a, Result<Vec<Self::Order>, Error>>;
    /// Every open order now.
    fn open_orders<'a>(
        &'a self,
        client: &'a Client,
    ) -> BoxFuture<'a, Result<Vec<Self::Order>, Error>>;
    /// One order's state now, `None` when Bitget does not know it.
    fn order<'a>(
        &'a self,
        client: &'a Client,
        symbol: &'a str,
        order_id: &'a str,
    ) -> BoxFuture<'a, Result<Option<Self::Order>, Error>>;
    /// The fills since `since_ms` (Unix ms), any order.
    fn fills_since<'a>(
        &'a self,
        client: &'a Client,
        since_ms: i64,
    ) -> BoxFuture<'a, Result<Vec<Self::Fill>, Error>>;
}

/// What an [`OrderFeed`] yields.
#[derive(Debug, Clone, PartialEq)]
pub enum FeedEvent<O, F> {
    /// An order's newer state: pushed live, or found by a recovery (`recovered`).
    Order {
        /// The order.
        order: O,
        /// Whether it was found over REST after pushes may have been lost.
        recovered: bool,
    },
    /// A fill not delivered before: pushed live, or found by a recovery.
    Fill {
        /// The fill.
        fill: F,
        /// Whether it was found over REST after pushes may have been lost.
        recovered: bool,
    },
    /// The private connection was lost: pushes stop until it is back, then a recovery runs.
    Reconnecting,
    /// A recovery finished: this many order states and fills were delivered by it.
    Recovered {
        /// Order states recovered.
        orders: usize,
        /// Fills recovered.
        fills: usize,
    },
}

/// What an [`OrderFeed`] delivered and dropped so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct FeedStats {
    /// Fills delivered from pushes.
    pub fills_live: u64,
    /// Fills delivered by recoveries.
    pub fills_recovered: u64,
    /// Fills dropped because they were delivered before (a repeated push, or a recovery that
    /// found a fill also pushed).
    pub fills_repeated: u64,
    /// Order states delivered from pushes.
    pub orders_live: u64,
    /// Order states delivered by recoveries.
    pub orders_recovered: u64,
    /// Order states dropped because a newer or the same state was delivered before.
    pub orders_stale: u64,
    /// Recoveries run.
    pub recoveries: u64,
}

/// How many fill keys and finished orders are remembered for deduplication.
const REMEMBER: usize = 100_000;
/// How far before the last delivered fill a recovery reads (fills of one millisecond, clocks
/// rounding).
const MARGIN_MS: i64 = 2_000;

/// A family's orders and fills, live, reconciled over REST whenever pushes may have been lost
/// (see the [module docs](self)).
pub struct OrderFeed<S: Source> {
    client: Client,
    source: S,
    orders: Subscription<S::Order>,
    fills: Subscription<S::Fill>,
    states: HashMap<String, (Progress, String)>,
    done: VecDeque<String>,
    seen: HashSet<(String, String)>,
    seen_order: VecDeque<(String, String)>,
    last_fill_ms: i64,
    /// Recover fills from here (set when trouble is seen).
    recover_since: Option<i64>,
    orders_down: bool,
    fills_down: bool,
    pending: VecDeque<FeedEvent<S::Order, S::Fill>>,
    stats: FeedStats,
    /// Which stream is polled first next (they take turns).
    turn: bool,
}

/// What a wait on both streams brought.
enum Next<O, F> {
    Orders(Option<Result<Event<O>, Error>>),
    Fills(Option<Result<Event<F>, Error>>),
}

impl<S: Source> std::fmt::Debug for OrderFeed<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OrderFeed")
            .field("stats", &self.stats)
            .finish_non_exhaustive()
    }
}

impl<S: Source> OrderFeed<S> {
    /// Subscribes to the source's order and fill channels on `streams` (logging in), and reads
    /// REST through `client` when it recovers. Fills from now on are the feed's.
    pub async fn subscribe(streams: &Streams, client: &Client, source: S) -> Result<Self, Error> {
        let orders = streams.subscribe(source.orders()).await?;
        let fills = streams.subscribe(source.fills()).await?;
        let now = client.clock().now_ms();
        // The orders open before the feed started are tracked (not delivered), so a change of
        // theirs while a push is lost is recovered too.
        let open = source.open_orders(client).await?;
        let mut feed = OrderFeed {
            client: client.clone(),
            source,
            orders,
            fills,
            states: HashMap::new(),
            done: VecDeque::new(),
            seen: HashSet::new(),
            seen_order: VecDeque::new(),
            last_fill_ms: now,
            recover_since: None,
            orders_down: false,
            turn: false,
            fills_down: false,
            pending: VecDeque::new(),
            stats: FeedStats::default(),
        };
        for order in open {
            let progress = order.progress();
            feed.states.insert(
                order.order_id().to_owned(),
                (progress, order.symbol().to_owned()),
            );
        }
        Ok(feed)
    }

    /// What was delivered and dropped so far.
    pub fn stats(&self) -> FeedStats {
        self.stats
    }

    /// The latest state delivered of every order still open, by id.
    pub fn open_orders(&self) -> impl Iterator<Item = &str> {
        self.states
            .iter()
            .filter(|(_, (p, _))| !p.is_done())
            .map(|(id, _)| id.as_str())
    }

    /// The next event; `None` once the streams have ended. A recovery that fails (REST
    /// refused, timed out) is an `Err`, and is tried again at the next event asked for.
    pub async fn next(&mut self) -> Option<Result<FeedEvent<S::Order, S::Fill>, Error>> {
        loop {
            if let Some(event) = self.pending.pop_front() {
                return Some(Ok(event));
            }
            if self.recover_since.is_some() && !self.orders_down && !self.fills_down {
                // What is already buffered was pushed before the loss: taken first, as live
                // pushes, so the recovery only finds what was really missed.
                let mut drained = false;
                while let Some(event) = self.orders.try_next() {
                    drained = true;
                    if let Err(e) = self.on_orders(event) {
                        return Some(Err(e));
                    }
                }
                while let Some(event) = self.fills.try_next() {
                    drained = true;
                    if let Err(e) = self.on_fills(event) {
                        return Some(Err(e));
                    }
                }
                if drained {
                    continue;
                }
                if let Err(e) = self.recover().await {
                    return Some(Err(e));
                }
                continue;
            }
            // Both streams polled, the first one turning, as `tokio::select!` would pick: busy
            // orders never starve the fills, nor the other way round.
            self.turn = !self.turn;
            let (turn, orders, fills) = (self.turn, &mut self.orders, &mut self.fills);
            let next = std::future::poll_fn(|cx| {
                for orders_now in [turn, !turn] {
                    let polled = if orders_now {
                        orders.poll_next(cx).map(Next::Orders)
                    } else {
                        fills.poll_next(cx).map(Next::Fills)
                    };
                    if polled.is_ready() {
                        return polled;
                    }
                }
                Poll::Pending
            })
            .await;
            let handled = match next {
                Next::Orders(event) => self.on_orders(event?),
                Next::Fills(event) => self.on_fills(event?),
            };
            if let Err(e) = handled {
                return Some(Err(e));
            }
        }
    }

    fn on_orders(&mut self, event: Result<Event<S::Order>, Error>) -> Result<(), Error> {
        match event? {
            Event::Push(push) => {
                for order in push.data {
                    self.offer_order(order, false);
                }
            }
            Event::Lagged(_) => self.trouble(),
            Event::Reconnecting => {
                self.orders_down = true;
                self.lost();
            }
            Event::Resubscribed => self.orders_down = false,
        }
        Ok(())
    }

    fn on_fills(&mut self, event: Result<Event<S::Fill>, Error>) -> Result<(), Error> {
        match event? {
            Event::Push(push) => {
                for fill in push.data {
                    self.offer_fill(fill, false);
                }
            }
            Event::Lagged(_) => self.trouble(),
            Event::Reconnecting => {
                self.fills_down = true;
                self.lost();
            }
            Event::Resubscribed => self.fills_down = false,
        }
        Ok(())
    }

    /// Pushes may have been lost from here: recover when both channels are up.
    fn trouble(&mut self) {
        let since = self.last_fill_ms - MARGIN_MS;
        self.recover_since = Some(self.recover_since.map_or(since, |s| s.min(since)));
    }

    fn lost(&mut self) {
        if self.recover_since.is_none() {
            self.pending.push_back(FeedEvent::Reconnecting);
        }
        self.trouble();
    }

    fn offer_order(&mut self, order: S::Order, recovered: bool) -> bool {
        let progress = order.progress();
        let id = order.order_id().to_owned();
        if let Some((known, _)) = self.states.get(&id) {
            if progress <= *known {
                self.stats.orders_stale += 1;
                return false;
            }
        }
        if progress.is_done() {
            self.done.push_back(id.clone());
            if self.done.len() > REMEMBER {
                if let Some(old) = self.done.pop_front() {
                    self.states.remove(&old);
                }
            }
        }
        self.states
            .insert(id, (progress, order.symbol().to_owned()));
        if recovered {
            self.stats.orders_recovered += 1;
        } else {
            self.stats.orders_live += 1;
        }
        self.pending
            .push_back(FeedEvent::Order { order, recovered });
        true
    }

    fn offer_fill(&mut self, fill: S::Fill, recovered: bool) -> bool {
        let key = (fill.trade_id().to_owned(), fill.order_id().to_owned());
        if !self.seen.insert(key.clone()) {
            self.stats.fills_repeated += 1;
            return false;
        }
        self.seen_order.push_back(key);
        if self.seen_order.len() > REMEMBER {
            if let Some(old) = self.seen_order.pop_front() {
                self.seen.remove(&old);
            }
        }
        self.last_fill_ms = self.last_fill_ms.max(fill.time_ms());
        if recovered {
            self.stats.fills_recovered += 1;
        } else {
            self.stats.fills_live += 1;
        }
        self.pending.push_back(FeedEvent::Fill { fill, recovered });
        true
    }

    /// Reads what may have been missed and delivers what was.
    async fn recover(&mut self) -> Result<(), Error> {
        let Some(since) = self.recover_since else {
            return Ok(());
        };
        let before = self.stats;
        let mut fills = self.source.fills_since(&self.client, since).await?;
        fills.sort_by_key(|f| f.time_ms());
        let finished = self.source.finished_since(&self.client, since).await?;
        let open = self.source.open_orders(&self.client).await?;
        let open_ids: HashSet<String> = open.iter().map(|o| o.order_id().to_owned()).collect();
        let listed: HashSet<String> = finished
            .iter()
            .map(|o| o.order_id().to_owned())
            .chain(open_ids.iter().cloned())
            .collect();
        // Orders that moved while no push came: those known open and no longer open, and those
        // of the recovered fills, their final state read one by one.
        let mut ask: Vec<(String, String)> = self
            .states
            .iter()
            .filter(|(id, (p, _))| !p.is_done() && !listed.contains(*id))
            .map(|(id, (_, symbol))| (symbol.clone(), id.clone()))
            .collect();
        for fill in fills {
            let (symbol, id) = (fill.symbol().to_owned(), fill.order_id().to_owned());
            if self.offer_fill(fill, true)
                && !listed.contains(&id)
                && self.states.get(&id).is_none_or(|(p, _)| !p.is_done())
                && !ask.iter().any(|(_, i)| *i == id)
            {
                ask.push((symbol, id));
            }
        }
        // Oldest first, so a later state is offered after an earlier one.
        let mut orders: Vec<S::Order> = finished.into_iter().chain(open).collect();
        orders.sort_by_key(|o| o.progress().updated_ms);
        for order in orders {
            self.offer_order(order, true);
        }
        for (symbol, id) in ask {
            if let Some(order) = self.source.order(&self.client, &symbol, &id).await? {
                self.offer_order(order, true);
            }
        }
        self.recover_since = None;
        self.stats.recoveries += 1;
        self.pending.push_back(FeedEvent::Recovered {
            orders: (self.stats.orders_recovered - before.orders_recovered) as usize,
            fills: (self.stats.fills_recovered - before.fills_recovered) as usize,
        });
        Ok(())
    }
}

/// A recovery's time range: from `since_ms` to a minute past the client's clock (Bitget's clock
/// may run ahead of it), as the history endpoints take it.
pub fn window(client: &Client, since_ms: i64) -> (u64, u64) {
    let now = client.clock().now_ms().max(since_ms);
    (
        u64::try_from(since_ms).unwrap_or(0),
        u64::try_from(now).unwrap_or(0) + 60_000,
    )
}
