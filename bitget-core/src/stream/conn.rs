//! The connections: one task per WebSocket, holding the subscriptions it carries, keeping the
//! socket alive (the text `ping` on an interval; a socket silent for two intervals is dead),
//! reconnecting with backoff and jitter, and replaying its subscriptions paced within Bitget's
//! limits (its `common/websocket-intro` page, and what other SDKs' users ran into: at most 15
//! args and 4,096 bytes per message, a few messages a second), so a daily forced disconnect does
//! not end in 30006.
//!
//! A push reaches its subscription through a bounded buffer: a consumer that falls behind loses
//! pushes, counted and reported as [`Event::Lagged`], and memory does not grow.

use std::collections::{HashMap, HashSet};
use std::future::Future as _;
use std::marker::PhantomData;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::Poll;
use std::time::Duration;

use futures_util::{SinkExt as _, StreamExt as _};
use serde::de::DeserializeOwned;
use serde_json::Value;
use tokio::sync::{mpsc, oneshot, watch};
use tokio::time::{Instant, sleep, sleep_until};
use tokio_tungstenite::tungstenite::Message;

use super::book::Action;
use super::channel::{Arg, Channel, Venue};
use super::frame::{Data, Decoded, RawPush};
use super::request::{self, Pending, Requester};
use crate::error::{LoginProblem, Refusal};
use crate::{Client, Error};

/// How the streams behave; the defaults follow Bitget's WebSocket intro page (10 messages a
/// second, 240 subscribe requests an hour, 4,096 bytes a subscribe, under 50 channels advised).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct StreamConfig {
    /// How often the text `ping` is sent (25 s; Bitget drops a connection silent for 30 s to
    /// 2 min). A connection with no frame for twice this is dead and replaced.
    pub ping_interval: Duration,
    /// How long a `pong` may take (10 s): a connection whose pong does not come back in time is
    /// dead and replaced, even while pushes still arrive on it.
    pub pong_timeout: Duration,
    /// Subscriptions per connection before another is opened (50, Bitget's advice).
    pub channels_per_connection: usize,
    /// Args per subscribe message (15; a message is also kept under 4,096 bytes).
    pub args_per_message: usize,
    /// Messages sent per second per connection, pings included (5, half of Bitget's 10).
    pub messages_per_second: u32,
    /// Pushes buffered per subscription before they are dropped and reported as lagged.
    pub buffer: usize,
    /// The first reconnect delay (0.5 s), doubled per failed attempt up to `backoff_max`.
    pub backoff_base: Duration,
    /// The longest reconnect delay (30 s).
    pub backoff_max: Duration,
    /// How long a subscription waits for Bitget's answer (10 s).
    pub ack_timeout: Duration,
    /// Subscriptions sent per connection per hour (240, Bitget's limit; each arg counted, the
    /// stricter reading of "subscribe requests"). A connection takes a new subscription only
    /// while the budget also leaves room to replay all of its subscriptions once.
    pub subscribes_per_hour: usize,
}

impl Default for StreamConfig {
    fn default() -> Self {
        StreamConfig {
            ping_interval: Duration::from_secs(25),
            pong_timeout: Duration::from_secs(10),
            channels_per_connection: 50,
            args_per_message: 15,
            messages_per_second: 5,
            buffer: 1024,
            backoff_base: Duration::from_millis(500),
            backoff_max: Duration::from_secs(30),
            ack_timeout: Duration::from_secs(10),
            subscribes_per_hour: 240,
        }
    }
}

impl StreamConfig {
    /// With this ping interval (tests shorten it).
    pub fn ping_interval(mut self, every: Duration) -> Self {
        self.ping_interval = every;
        self
    }

    /// With this pong timeout.
    pub fn pong_timeout(mut self, within: Duration) -> Self {
        self.pong_timeout = within;
        self
    }

    /// With this many subscriptions per connection.
    pub fn channels_per_connection(mut self, n: usize) -> Self {
        self.channels_per_connection = n.max(1);
        self
    }

    /// With this many messages a second per connection, pings, subscriptions and requests
    /// alike (at most 10, Bitget's limit, over which it closes the connection).
    pub fn messages_per_second(mut self, n: u32) -> Self {
        self.messages_per_second = n.clamp(1, 10);
        self
    }

    /// With this buffer per subscription.
    pub fn buffer(mut self, n: usize) -> Self {
        self.buffer = n.max(1);
        self
    }

    /// With this many subscriptions per connection per hour.
    pub fn subscribes_per_hour(mut self, n: usize) -> Self {
        self.subscribes_per_hour = n.max(2);
        self
    }

    /// With these reconnect delays.
    pub fn backoff(mut self, base: Duration, max: Duration) -> Self {
        self.backoff_base = base;
        self.backoff_max = max.max(base);
        self
    }
}

/// A connection's state, observable through [`Streams::states`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConnState {
    /// Dialling for the first time.
    Connecting,
    /// Open, its subscriptions answered.
    Connected,
    /// Lost; dialling again (`attempt` from 1).
    Reconnecting {
        /// How many attempts failed so far.
        attempt: u32,
    },
    /// Ended: no subscription is left.
    Closed,
}

/// What a subscription yields.
#[derive(Debug, Clone, PartialEq)]
pub enum Event<T> {
    /// A push.
    Push(Push<T>),
    /// This many pushes were dropped because the consumer fell behind.
    Lagged(u64),
    /// The connection was lost; pushes stop until it is back.
    Reconnecting,
    /// The connection is back and the subscription answered again (pushes resume; nothing sent
    /// while it was down is replayed).
    Resubscribed,
}

/// One push: its action and the elements of its `data`.
#[derive(Debug, Clone, PartialEq)]
pub struct Push<T> {
    /// `snapshot` or `update`.
    pub action: Action,
    /// The elements of `data`.
    pub data: Vec<T>,
    /// The push's time, Unix ms.
    pub ts: Option<i64>,
}

/// What a connection task hands a subscription.
#[derive(Debug)]
enum Frame {
    Push {
        action: Action,
        /// The push's `data`: as sent, decoded by the subscription into its type; or a book's,
        /// read already in the connection's pass over the frame.
        data: Data,
        ts: Option<i64>,
    },
    Reconnecting,
    Resubscribed,
    /// The login was refused on a reconnect: the subscription is not restored until it is
    /// accepted (the connection keeps trying, backing off).
    LoginRefused(Refusal),
}

pub(super) struct Sink {
    arg: Arg,
    /// Its pushes are books ([`frame::is_books`]): their data is read in the connection's pass.
    books: bool,
    tx: mpsc::Sender<Frame>,
    lagged: Arc<AtomicU64>,
    ack: Option<oneshot::Sender<Result<(), Error>>>,
}

pub(super) enum Cmd {
    Subscribe(Sink),
    Unsubscribe(String),
    Resubscribe(String),
    /// A request answered by id ([`Requester`]).
    Request(Pending),
}

struct ConnHandle {
    venue: Venue,
    cmd: mpsc::UnboundedSender<Cmd>,
    count: Arc<AtomicUsize>,
    state: watch::Receiver<ConnState>,
    budget: Budget,
}

/// The subscriptions a connection sent in the last hour (Bitget allows 240).
#[derive(Clone, Default)]
struct Budget(Arc<Mutex<std::collections::VecDeque<Instant>>>);

impl Budget {
    fn spend(&self, n: usize) {
        let mut sent = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        sent.extend(std::iter::repeat_n(now, n));
    }

    fn used(&self) -> usize {
        let mut sent = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let hour = Duration::from_secs(3600);
        while sent.front().is_some_and(|t| t.elapsed() >= hour) {
            sent.pop_front();
        }
        sent.len()
    }
}

/// The streams of one client: its connections, opened as subscriptions need them.
pub struct Streams {
    client: Client,
    base_url: String,
    config: StreamConfig,
    conns: Mutex<Vec<ConnHandle>>,
}

impl std::fmt::Debug for Streams {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Streams")
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl Streams {
    /// The streams of `client` (its stream base URL, demo or not), with the default
    /// [`StreamConfig`].
    pub fn new(client: &Client) -> Self {
        Streams::with_config(client, StreamConfig::default())
    }

    /// The streams of `client` with `config`.
    pub fn with_config(client: &Client, config: StreamConfig) -> Self {
        Streams {
            client: client.clone(),
            base_url: client.ws_base_url().to_owned(),
            config,
            conns: Mutex::new(Vec::new()),
        }
    }

    /// Subscribes to `channel`: answered by Bitget's acknowledgement, or its refusal with the
    /// code and the channel named ([`Error::refusal`]).
    pub async fn subscribe<C: Channel>(&self, channel: C) -> Result<Subscription<C::Push>, Error> {
        if C::VENUE.is_private() && !self.client.has_credentials() {
            // Checked here so the refusal is immediate and names the fix.
            self.client.stream_login()?;
        }
        let arg = channel.arg();
        let key = arg.key();
        let (cmd, count, _) = self.connection(C::VENUE);
        let (tx, rx) = mpsc::channel(self.config.buffer);
        let lagged = Arc::new(AtomicU64::new(0));
        let (ack_tx, ack_rx) = oneshot::channel();
        let sink = Sink {
            arg: arg.clone(),
            books: super::frame::is_books::<C::Push>(),
            tx,
            lagged: lagged.clone(),
            ack: Some(ack_tx),
        };
        let url = format!("{}{}", self.base_url, C::VENUE.path());
        if cmd.send(Cmd::Subscribe(sink)).is_err() {
            count.fetch_sub(1, Ordering::Relaxed);
            return Err(Error::disconnected(url, "the connection task ended"));
        }
        let answer = tokio::time::timeout(self.config.ack_timeout, ack_rx).await;
        let refused = match answer {
            Ok(Ok(Ok(()))) => None,
            Ok(Ok(Err(e))) => Some(e),
            Ok(Err(_)) => Some(Error::disconnected(url, "the connection task ended")),
            Err(_) => Some(Error::timeout("stream subscribe")),
        };
        if let Some(e) = refused {
            let _ = cmd.send(Cmd::Unsubscribe(key));
            count.fetch_sub(1, Ordering::Relaxed);
            return Err(e);
        }
        Ok(Subscription {
            rx,
            lagged,
            cmd,
            count,
            key,
            arg,
            sequence: C::sequence,
            decode: super::frame::decode_push::<C::Push>,
            delivered: None,
            _push: PhantomData,
        })
    }

    /// The state of every connection open now, each as a watch.
    pub fn states(&self) -> Vec<(Venue, watch::Receiver<ConnState>)> {
        let conns = self.conns.lock().unwrap_or_else(|e| e.into_inner());
        conns.iter().map(|c| (c.venue, c.state.clone())).collect()
    }

    /// How many connections are open.
    pub fn connections(&self) -> usize {
        let conns = self.conns.lock().unwrap_or_else(|e| e.into_inner());
        conns
            .iter()
            .filter(|c| *c.state.borrow() != ConnState::Closed)
            .count()
    }

    /// A connection of `venue` for requests answered by id (v3's trading over the private
    /// stream): it logs in first (on a private venue) and again after each reconnect. A request
    /// waits at most the config's `ack_timeout` for its answer.
    pub fn requester(&self, venue: Venue) -> Result<Requester, Error> {
        if venue.is_private() {
            // Checked here so the refusal is immediate and names the fix.
            self.client.stream_login()?;
        }
        let (cmd, count, state) = self.connection(venue);
        Ok(Requester {
            cmd,
            count,
            state,
            url: format!("{}{}", self.base_url, venue.path()),
            within: self.config.ack_timeout,
            client: self.client.clone(),
        })
    }

    /// The client these streams belong to.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// A connection of `venue` with room for one more subscription (counted), opened if none
    /// has.
    fn connection(
        &self,
        venue: Venue,
    ) -> (
        mpsc::UnboundedSender<Cmd>,
        Arc<AtomicUsize>,
        watch::Receiver<ConnState>,
    ) {
        let mut conns = self.conns.lock().unwrap_or_else(|e| e.into_inner());
        conns.retain(|c| !c.cmd.is_closed());
        let max = self.config.channels_per_connection;
        let per_hour = self.config.subscribes_per_hour;
        for c in conns.iter() {
            let count = c.count.load(Ordering::Relaxed);
            // Room for this subscription and, after it, one replay of them all.
            let fits = c.budget.used() + 2 * (count + 1) <= per_hour;
            if c.venue == venue && count < max && fits {
                c.count.fetch_add(1, Ordering::Relaxed);
                return (c.cmd.clone(), c.count.clone(), c.state.clone());
            }
        }
        let (cmd, cmd_rx) = mpsc::unbounded_channel();
        let (state_tx, state) = watch::channel(ConnState::Connecting);
        let count = Arc::new(AtomicUsize::new(1));
        let url = format!("{}{}", self.base_url, venue.path());
        let budget = Budget::default();
        let login = venue.is_private().then(|| self.client.clone());
        tokio::spawn(run(
            url,
            login,
            self.config.clone(),
            cmd_rx,
            state_tx,
            budget.clone(),
        ));
        conns.push(ConnHandle {
            venue,
            cmd: cmd.clone(),
            count: count.clone(),
            state: state.clone(),
            budget,
        });
        (cmd, count, state)
    }
}

/// One subscription's pushes, decoded into `T`.
pub struct Subscription<T> {
    rx: mpsc::Receiver<Frame>,
    lagged: Arc<AtomicU64>,
    cmd: mpsc::UnboundedSender<Cmd>,
    count: Arc<AtomicUsize>,
    key: String,
    arg: Arg,
    /// The channel's numbering of its events, and the highest delivered.
    sequence: fn(&T) -> Option<u128>,
    /// How a push's data is read (chosen where the channel's type is known, so that `books`
    /// takes the fast reader).
    decode: fn(Data) -> Decoded<T>,
    delivered: Option<u128>,
    _push: PhantomData<fn() -> T>,
}

impl<T> std::fmt::Debug for Subscription<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Subscription")
            .field("arg", &self.arg)
            .finish_non_exhaustive()
    }
}

impl<T: DeserializeOwned> futures_core::Stream for Subscription<T> {
    type Item = Result<Event<T>, Error>;

    fn poll_next(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> Poll<Option<Self::Item>> {
        Subscription::poll_next(self.get_mut(), cx)
    }
}

impl<T: DeserializeOwned> Subscription<T> {
    /// The next event; `None` once the connection task has ended. A push that does not decode
    /// is an `Err` and the subscription goes on.
    pub async fn next(&mut self) -> Option<Result<Event<T>, Error>> {
        std::future::poll_fn(|cx| self.poll_next(cx)).await
    }

    /// [`Subscription::next`] as a poll, for a caller waiting on several streams at once (the
    /// subscription is also a [`futures_core::Stream`]).
    pub fn poll_next(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> Poll<Option<Result<Event<T>, Error>>> {
        loop {
            let lost = self.lagged.swap(0, Ordering::Relaxed);
            if lost > 0 {
                return Poll::Ready(Some(Ok(Event::Lagged(lost))));
            }
            let Some(frame) = std::task::ready!(self.rx.poll_recv(cx)) else {
                return Poll::Ready(None);
            };
            if let Some(event) = self.fresh(self.decode(frame)) {
                return Poll::Ready(Some(event));
            }
        }
    }

    /// The next event if one is waiting, without waiting.
    pub fn try_next(&mut self) -> Option<Result<Event<T>, Error>> {
        loop {
            let lost = self.lagged.swap(0, Ordering::Relaxed);
            if lost > 0 {
                return Some(Ok(Event::Lagged(lost)));
            }
            let frame = self.rx.try_recv().ok()?;
            if let Some(event) = self.fresh(self.decode(frame)) {
                return Some(event);
            }
        }
    }

    /// The event without the elements already delivered (numbered channels); `None` when
    /// nothing new is left of a push.
    fn fresh(&mut self, event: Result<Event<T>, Error>) -> Option<Result<Event<T>, Error>> {
        let Ok(Event::Push(mut push)) = event else {
            return Some(event);
        };
        let numbered = push.data.iter().any(|e| (self.sequence)(e).is_some());
        if !numbered {
            return Some(Ok(Event::Push(push)));
        }
        let delivered = self.delivered;
        push.data
            .retain(|e| (self.sequence)(e).is_none_or(|n| delivered.is_none_or(|d| n > d)));
        let highest = push.data.iter().filter_map(|e| (self.sequence)(e)).max();
        self.delivered = self.delivered.max(highest);
        (!push.data.is_empty()).then_some(Ok(Event::Push(push)))
    }

    fn decode(&self, frame: Frame) -> Result<Event<T>, Error> {
        match frame {
            Frame::Reconnecting => Ok(Event::Reconnecting),
            Frame::Resubscribed => Ok(Event::Resubscribed),
            Frame::LoginRefused(refusal) => Err(Error::refused(refusal)),
            Frame::Push { action, data, ts } => {
                let data = (self.decode)(data).map_err(|(e, body)| {
                    Error::decode(crate::DecodeError {
                        path: format!("{} data", self.arg),
                        message: e.to_string(),
                        body: body.into_string(),
                    })
                })?;
                Ok(Event::Push(Push { action, data, ts }))
            }
        }
    }

    /// The subscription's arg.
    pub fn arg(&self) -> &Arg {
        &self.arg
    }

    /// Asks Bitget for the channel again (a fresh snapshot): unsubscribe, then subscribe.
    pub fn resubscribe(&self) {
        let _ = self.cmd.send(Cmd::Resubscribe(self.key.clone()));
    }
}

impl<T> Drop for Subscription<T> {
    fn drop(&mut self) {
        let _ = self.cmd.send(Cmd::Unsubscribe(self.key.clone()));
        self.count.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Sends text frames no faster than the configured rate.
struct Pacer {
    gap: Duration,
    next: Instant,
}

impl Pacer {
    fn new(per_second: u32) -> Self {
        Pacer {
            gap: Duration::from_secs(1) / per_second.max(1),
            next: Instant::now(),
        }
    }

    async fn wait(&mut self) {
        let now = Instant::now();
        if self.next > now {
            sleep_until(self.next).await;
        }
        self.next = self.next.max(now) + self.gap;
    }
}

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// The subscribe (or unsubscribe) messages for `args`: at most `per_message` args and 4,096
/// bytes each.
fn messages(op: &str, args: &[Value], per_message: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut batch: Vec<Value> = Vec::new();
    let text = |batch: &[Value]| serde_json::json!({ "op": op, "args": batch }).to_string();
    for arg in args {
        batch.push(arg.clone());
        if batch.len() > per_message.max(1) || (batch.len() > 1 && text(&batch).len() > 4096) {
            let last = batch.pop();
            out.push(text(&batch));
            batch = last.into_iter().collect();
        }
    }
    if !batch.is_empty() {
        out.push(text(&batch));
    }
    out
}

async fn send(socket: &mut Socket, pacer: &mut Pacer, text: String) -> bool {
    pacer.wait().await;
    socket.send(Message::text(text)).await.is_ok()
}

/// A connection's task: dials, replays, relays, and dials again until no subscription is left
/// and no handle can add one.
async fn run(
    url: String,
    login: Option<Client>,
    config: StreamConfig,
    mut cmds: mpsc::UnboundedReceiver<Cmd>,
    state: watch::Sender<ConnState>,
    budget: Budget,
) {
    let mut subs: HashMap<String, Sink> = HashMap::new();
    // Requests sent on this socket and not yet answered, by id.
    let mut pending: HashMap<String, oneshot::Sender<Result<Value, Error>>> = HashMap::new();
    let mut attempt: u32 = 0;
    let mut ever_connected = false;
    loop {
        let mut socket = match tokio_tungstenite::connect_async(url.as_str()).await {
            Ok((socket, _)) => socket,
            Err(e) => {
                tracing::debug!(%url, error = %e, "stream connection failed");
                attempt += 1;
                let _ = state.send(ConnState::Reconnecting { attempt });
                // A subscription waiting for its answer on a connection that never opened is
                // told so rather than left to time out.
                if !ever_connected {
                    for sink in subs.values_mut() {
                        if let Some(ack) = sink.ack.take() {
                            let _ = ack.send(Err(Error::disconnected(&url, e.to_string())));
                        }
                    }
                }
                if !wait_backoff(&url, &config, attempt, &mut cmds, &mut subs).await {
                    let _ = state.send(ConnState::Closed);
                    return;
                }
                continue;
            }
        };
        let mut pacer = Pacer::new(config.messages_per_second);
        // A private connection logs in and waits for the answer before it subscribes (Bitget
        // answers 30004 to a private subscription before that).
        if let Some(client) = &login {
            match log_in(&mut socket, &mut pacer, client, config.ack_timeout).await {
                Ok(()) => {}
                Err(LoginFailed::Lost(reason)) => {
                    tracing::debug!(%url, %reason, "stream login got no answer");
                    attempt += 1;
                    let _ = state.send(ConnState::Reconnecting { attempt });
                    if !wait_backoff(&url, &config, attempt, &mut cmds, &mut subs).await {
                        let _ = state.send(ConnState::Closed);
                        return;
                    }
                    continue;
                }
                Err(LoginFailed::Refused(refusal)) => {
                    tracing::warn!(%url, code = %refusal.code, "stream login refused");
                    for sink in subs.values_mut() {
                        match sink.ack.take() {
                            Some(ack) => {
                                let _ = ack.send(Err(Error::refused(refusal.clone())));
                            }
                            None => {
                                let _ = sink.tx.try_send(Frame::LoginRefused(refusal.clone()));
                            }
                        }
                    }
                    if refusal.login_problem().is_some_and(LoginProblem::is_clock) {
                        // The clock is off from Bitget's: learn the offset before signing again.
                        let _ = client.sync_clock().await;
                    }
                    attempt += 1;
                    let _ = state.send(ConnState::Reconnecting { attempt });
                    if !wait_backoff(&url, &config, attempt, &mut cmds, &mut subs).await {
                        let _ = state.send(ConnState::Closed);
                        return;
                    }
                    continue;
                }
            }
        }
        let reconnected = ever_connected;
        ever_connected = true;
        attempt = 0;
        // Replay every subscription, paced; after a reconnect each is told when all are back.
        let args: Vec<Value> = subs.values().map(|s| s.arg.to_value()).collect();
        let mut waiting: HashSet<String> = if reconnected {
            subs.keys().cloned().collect()
        } else {
            HashSet::new()
        };
        let mut alive = true;
        budget.spend(args.len());
        for text in messages("subscribe", &args, config.args_per_message) {
            if !send(&mut socket, &mut pacer, text).await {
                alive = false;
                break;
            }
        }
        if alive {
            let _ = state.send(ConnState::Connected);
        }
        let mut ping = tokio::time::interval(config.ping_interval);
        ping.tick().await;
        let mut last_frame = Instant::now();
        let mut pong_due: Option<Instant> = None;
        // Checks the pong's deadline between pings.
        let mut watchdog = tokio::time::interval(config.pong_timeout.min(config.ping_interval) / 2);
        let mut turn = 0usize;
        while alive {
            turn = turn.wrapping_add(1);
            match next_wake(turn, &mut cmds, &mut socket, &mut ping, &mut watchdog).await {
                Wake::Cmd(cmd) => match cmd {
                    None if subs.is_empty() => {
                        let _ = socket.close(None).await;
                        let _ = state.send(ConnState::Closed);
                        return;
                    }
                    None => {
                        // No handle is left, but subscriptions are: they end when dropped.
                        std::future::pending::<()>().await;
                    }
                    Some(Cmd::Subscribe(sink)) => {
                        let arg = sink.arg.to_value();
                        subs.insert(sink.arg.key(), sink);
                        budget.spend(1);
                        for text in messages("subscribe", &[arg], config.args_per_message) {
                            alive &= send(&mut socket, &mut pacer, text).await;
                        }
                    }
                    Some(Cmd::Unsubscribe(key)) => {
                        if let Some(sink) = subs.remove(&key) {
                            let arg = sink.arg.to_value();
                            for text in messages("unsubscribe", &[arg], config.args_per_message) {
                                alive &= send(&mut socket, &mut pacer, text).await;
                            }
                        }
                        if subs.is_empty() && cmds.is_closed() {
                            let _ = socket.close(None).await;
                            let _ = state.send(ConnState::Closed);
                            return;
                        }
                    }
                    Some(Cmd::Request(Pending { id, text, reply })) => {
                        // Answers given up on (timed out) are forgotten here.
                        pending.retain(|_, reply| !reply.is_closed());
                        if send(&mut socket, &mut pacer, text).await {
                            pending.insert(id, reply);
                        } else {
                            // A failed write may still have left part of it: not "unsent".
                            let _ = reply.send(Err(request::lost(&url)));
                            alive = false;
                        }
                    }
                    Some(Cmd::Resubscribe(key)) => {
                        if let Some(sink) = subs.get(&key) {
                            let arg = sink.arg.to_value();
                            budget.spend(1);
                            for op in ["unsubscribe", "subscribe"] {
                                for text in messages(
                                    op,
                                    std::slice::from_ref(&arg),
                                    config.args_per_message,
                                ) {
                                    alive &= send(&mut socket, &mut pacer, text).await;
                                }
                            }
                        }
                    }
                },
                Wake::Frame(frame) => match frame {
                    Some(Ok(Message::Text(text))) => {
                        last_frame = Instant::now();
                        match text.as_str() {
                            "pong" => pong_due = None,
                            "ping" => alive &= socket.send(Message::text("pong")).await.is_ok(),
                            text => {
                                if handle(text, &mut subs, &mut waiting, &mut pending)
                                    == Handled::Upgrade
                                {
                                    // Bitget closes the connection about a minute after saying so:
                                    // reconnect now, on our terms.
                                    tracing::debug!(%url, "30033: the server is upgrading, reconnecting");
                                    alive = false;
                                }
                            }
                        }
                    }
                    Some(Ok(Message::Close(_))) | Some(Err(_)) | None => alive = false,
                    Some(Ok(_)) => last_frame = Instant::now(),
                },
                Wake::Ping => {
                    if last_frame.elapsed() > 2 * config.ping_interval {
                        tracing::debug!(%url, "stream silent for two ping intervals: replacing it");
                        alive = false;
                    } else {
                        alive &= send(&mut socket, &mut pacer, "ping".to_owned()).await;
                        pong_due = pong_due.or(Some(Instant::now() + config.pong_timeout));
                    }
                }
                Wake::Watchdog => {
                    if pong_due.is_some_and(|due| Instant::now() > due) {
                        tracing::debug!(%url, "no pong in time: replacing the stream");
                        alive = false;
                    }
                }
            }
        }
        // Lost: every request still waiting may have been executed; every subscription is
        // told; then the connection is dialled again.
        for (_, reply) in pending.drain() {
            let _ = reply.send(Err(request::lost(&url)));
        }
        subs.retain(|_, sink| !sink.tx.is_closed());
        for sink in subs.values() {
            let _ = sink.tx.try_send(Frame::Reconnecting);
        }
        attempt += 1;
        let _ = state.send(ConnState::Reconnecting { attempt });
        if !wait_backoff(&url, &config, attempt, &mut cmds, &mut subs).await {
            let _ = state.send(ConnState::Closed);
            return;
        }
    }
}

/// Why a login did not succeed.
enum LoginFailed {
    /// Bitget answered with a refusal (its code says why).
    Refused(Refusal),
    /// No answer: the socket closed or the answer did not come in time.
    Lost(String),
}

/// Logs in and waits for Bitget's answer: `{"event":"login","code":0}` (a number, as the SDKs
/// see it, or the string `"0"`, as the doc page shows it), or `{"event":"error","code":...}`.
async fn log_in(
    socket: &mut Socket,
    pacer: &mut Pacer,
    client: &Client,
    within: Duration,
) -> Result<(), LoginFailed> {
    let message = client.stream_login().map_err(|e| {
        LoginFailed::Refused(Refusal {
            channel: Refusal::LOGIN.to_owned(),
            code: String::new(),
            message: e.to_string(),
        })
    })?;
    if !send(socket, pacer, message).await {
        return Err(LoginFailed::Lost("the socket closed".into()));
    }
    let deadline = Instant::now() + within;
    loop {
        let frame = tokio::time::timeout_at(deadline, socket.next())
            .await
            .map_err(|_| LoginFailed::Lost("no answer to the login in time".into()))?;
        let text = match frame {
            Some(Ok(Message::Text(text))) => text,
            Some(Ok(Message::Close(_))) | Some(Err(_)) | None => {
                return Err(LoginFailed::Lost("the socket closed".into()));
            }
            Some(Ok(_)) => continue,
        };
        let Ok(msg) = serde_json::from_str::<Value>(text.as_str()) else {
            continue;
        };
        let code = msg.get("code").map(code_of).unwrap_or_default();
        match msg.get("event").and_then(Value::as_str) {
            Some("login") if code == "0" => return Ok(()),
            Some("login") | Some("error") => {
                return Err(LoginFailed::Refused(Refusal {
                    channel: Refusal::LOGIN.to_owned(),
                    code,
                    message: msg
                        .get("msg")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned(),
                }));
            }
            _ => {}
        }
    }
}

/// Waits the backoff of `attempt` (doubling, capped, jittered), taking commands meanwhile;
/// `false` when nothing is left to reconnect for.
async fn wait_backoff(
    url: &str,
    config: &StreamConfig,
    attempt: u32,
    cmds: &mut mpsc::UnboundedReceiver<Cmd>,
    subs: &mut HashMap<String, Sink>,
) -> bool {
    let exp = config
        .backoff_base
        .saturating_mul(1u32 << attempt.saturating_sub(1).min(16))
        .min(config.backoff_max);
    let delay = exp.mul_f64(0.5 + 0.5 * crate::retry::jitter());
    let until = Instant::now() + delay;
    let mut over = std::pin::pin!(sleep_until(until));
    loop {
        // The wait first: once it is over, commands still queued are the next connection's.
        let cmd = std::future::poll_fn(|cx| match over.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(None),
            Poll::Pending => cmds.poll_recv(cx).map(Some),
        })
        .await;
        match cmd {
            None => break,
            Some(None) if subs.is_empty() => return false,
            Some(None) => {
                over.await;
                break;
            }
            Some(Some(Cmd::Subscribe(sink))) => {
                subs.insert(sink.arg.key(), sink);
            }
            Some(Some(Cmd::Unsubscribe(key))) => {
                subs.remove(&key);
            }
            Some(Some(Cmd::Resubscribe(_))) => {}
            Some(Some(Cmd::Request(p))) => {
                let _ = p.reply.send(Err(request::unsent(url)));
            }
        }
    }
    let _ = sleep(Duration::ZERO).await;
    !(subs.is_empty() && cmds.is_closed())
}

/// What woke the connection loop.
enum Wake {
    /// A command from a handle, or `None` once every handle is gone.
    Cmd(Option<Cmd>),
    /// A frame from the socket, or `None` once it has closed.
    Frame(Option<Result<Message, tokio_tungstenite::tungstenite::Error>>),
    /// Time to ping.
    Ping,
    /// Time to check that the pong came.
    Watchdog,
}

/// The next of the four things the connection loop waits for. The first one polled turns with
/// `turn`, as `tokio::select!` picks at random: a socket that always has a frame never starves
/// the commands, and a stream of commands never starves the socket.
async fn next_wake(
    turn: usize,
    cmds: &mut mpsc::UnboundedReceiver<Cmd>,
    socket: &mut Socket,
    ping: &mut tokio::time::Interval,
    watchdog: &mut tokio::time::Interval,
) -> Wake {
    std::future::poll_fn(|cx| {
        for i in 0..4 {
            let woke = match turn.wrapping_add(i) % 4 {
                0 => cmds.poll_recv(cx).map(Wake::Cmd),
                1 => socket.poll_next_unpin(cx).map(Wake::Frame),
                2 => ping.poll_tick(cx).map(|_| Wake::Ping),
                _ => watchdog.poll_tick(cx).map(|_| Wake::Watchdog),
            };
            if woke.is_ready() {
                return woke;
            }
        }
        Poll::Pending
    })
    .await
}

/// Bitget's `code`, sent as a number or a string.
pub(super) fn code_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

/// What a frame asks of the connection.
#[derive(Debug, PartialEq, Eq)]
enum Handled {
    /// Nothing more.
    Done,
    /// `30033`: the server is about to close for an upgrade.
    Upgrade,
}

/// Bitget's notice that it will close the connection for a service upgrade (about 60 s later).
const UPGRADE: &str = "30033";

/// One text frame from Bitget: an answer to a subscription, or a push.
fn handle(
    text: &str,
    subs: &mut HashMap<String, Sink>,
    waiting: &mut HashSet<String>,
    pending: &mut HashMap<String, oneshot::Sender<Result<Value, Error>>>,
) -> Handled {
    // Pushes, nearly every frame, are read without building a tree of values.
    if let Some(push) = RawPush::parse_for(text, |key| subs.get(key).is_some_and(|s| s.books)) {
        let (key, action, data, ts) = push.into_parts();
        deliver(subs, &key, action, data, ts);
        return Handled::Done;
    }
    let Ok(msg) = serde_json::from_str::<Value>(text) else {
        tracing::debug!(frame = text, "a stream frame that is not JSON");
        return Handled::Done;
    };
    // The answer to a request carries its id (and nothing else to tell it by): at the top on
    // v3, inside the first arg on v2.
    let id = msg.get("id").and_then(Value::as_str).or_else(|| {
        let first = msg.get("arg")?.as_array()?.first()?;
        first.get("id")?.as_str()
    });
    if let Some(id) = id {
        if let Some(reply) = pending.remove(id) {
            let _ = reply.send(request::outcome(msg));
            return Handled::Done;
        }
    }
    let arg = msg.get("arg").and_then(Arg::from_value);
    match msg.get("event").and_then(Value::as_str) {
        Some("subscribe") => {
            let Some(arg) = arg else {
                return Handled::Done;
            };
            let key = arg.key();
            if let Some(sink) = subs.get_mut(&key) {
                if let Some(ack) = sink.ack.take() {
                    let _ = ack.send(Ok(()));
                }
            }
            if waiting.remove(&key) && waiting.is_empty() {
                for sink in subs.values() {
                    let _ = sink.tx.try_send(Frame::Resubscribed);
                }
            }
        }
        Some("error") if msg.get("code").map(code_of).as_deref() == Some(UPGRADE) => {
            return Handled::Upgrade;
        }
        Some("error") => {
            let code = msg.get("code").map(code_of).unwrap_or_default();
            let message = msg
                .get("msg")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            // A refusal naming its arg is that subscription's; one without refuses every
            // subscription still waiting for its answer.
            let keys: Vec<String> = match &arg {
                Some(arg) => vec![arg.key()],
                None => subs
                    .iter()
                    .filter(|(_, s)| s.ack.is_some())
                    .map(|(k, _)| k.clone())
                    .collect(),
            };
            for key in keys {
                if let Some(mut sink) = subs.remove(&key) {
                    let refusal = Refusal {
                        channel: sink.arg.to_string(),
                        code: code.clone(),
                        message: message.clone(),
                    };
                    tracing::warn!(channel = %refusal.channel, code = %refusal.code, "subscription refused");
                    if let Some(ack) = sink.ack.take() {
                        let _ = ack.send(Err(Error::refused(refusal)));
                    }
                }
            }
        }
        Some(_) => {}
        None => {
            let Some(arg) = arg else {
                return Handled::Done;
            };
            let Some(data) = msg.get("data") else {
                return Handled::Done;
            };
            let action = match msg.get("action").and_then(Value::as_str) {
                Some("update") => Action::Update,
                _ => Action::Snapshot,
            };
            let ts = msg.get("ts").and_then(|t| match t {
                Value::Number(n) => n.as_i64(),
                Value::String(s) => s.parse().ok(),
                _ => None,
            });
            deliver(
                subs,
                &arg.key(),
                action,
                Data::Text(data.to_string().into()),
                ts,
            );
        }
    }
    Handled::Done
}

/// Hands a push to the subscription holding its key: a push for a channel no one holds (just
/// unsubscribed) is not an error, and a full buffer counts as lagged.
fn deliver(
    subs: &mut HashMap<String, Sink>,
    key: &str,
    action: Action,
    data: Data,
    ts: Option<i64>,
) {
    let Some(sink) = subs.get(key) else {
        return;
    };
    match sink.tx.try_send(Frame::Push { action, data, ts }) {
        Ok(()) => {}
        Err(mpsc::error::TrySendError::Full(_)) => {
            sink.lagged.fetch_add(1, Ordering::Relaxed);
        }
        Err(mpsc::error::TrySendError::Closed(_)) => {
            subs.remove(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subscribe_messages_keep_to_fifteen_args_and_4096_bytes() {
        let args: Vec<Value> = (0..40)
            .map(|i| serde_json::json!({"instType": "SPOT", "channel": "books", "instId": format!("COIN{i}USDT")}))
            .collect();
        let out = messages("subscribe", &args, 15);
        assert_eq!(out.len(), 3);
        let counts: Vec<usize> = out
            .iter()
            .map(|m| {
                serde_json::from_str::<Value>(m)
                    .map_or(0, |v| v["args"].as_array().map_or(0, Vec::len))
            })
            .collect();
        assert_eq!(counts, vec![15, 15, 10]);
        let long: Vec<Value> = (0..15)
            .map(|i| serde_json::json!({"instType": "SPOT", "channel": "books", "instId": format!("{}{i}", "X".repeat(300))}))
            .collect();
        for m in messages("subscribe", &long, 15) {
            assert!(m.len() <= 4096, "{} bytes", m.len());
        }
    }
}
