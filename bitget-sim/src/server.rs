//! Starting the simulator: in process on an ephemeral port (stopped when dropped), or as a router
//! for a test that drives it without a socket.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::ops::Deref;
use std::sync::Arc;

use crate::account::Account;
use crate::faults::Faults;
use crate::log::LoggedRequest;
use crate::orders::{Market, Order};
use crate::routes;
use crate::state::Shared;

/// A simulated Bitget: its accounts, books, faults and request log. Cheap to clone; every clone
/// sees the same exchange.
#[derive(Clone, Debug)]
pub struct Simulator {
    shared: Arc<Shared>,
}

/// Configures a [`Simulator`].
#[derive(Debug, Default)]
#[must_use]
pub struct SimulatorBuilder {
    accounts: Vec<Account>,
    no_rate_limits: bool,
    rates: HashMap<String, u32>,
}

impl SimulatorBuilder {
    /// Adds an account (API key, secret, passphrase, UID, demo or live).
    pub fn account(mut self, account: Account) -> Self {
        self.accounts.push(account);
        self
    }

    /// Turns rate limiting off (for benchmarks that measure the client, not the limit).
    pub fn without_rate_limits(mut self) -> Self {
        self.no_rate_limits = true;
        self
    }

    /// Overrides the rate (requests per second per UID) of one endpoint path.
    pub fn rate(mut self, path: impl Into<String>, per_second: u32) -> Self {
        self.rates.insert(path.into(), per_second);
        self
    }

    /// The simulator, not yet serving.
    pub fn build(self) -> Simulator {
        Simulator {
            shared: Arc::new(Shared::new(self.accounts, !self.no_rate_limits, self.rates)),
        }
    }

    /// Builds and serves on an ephemeral loopback port.
    pub async fn start(self) -> std::io::Result<RunningSimulator> {
        self.build().start().await
    }
}

impl Simulator {
    /// A builder with no accounts.
    pub fn builder() -> SimulatorBuilder {
        SimulatorBuilder::default()
    }

    /// The HTTP service, for driving the simulator without a socket (`tower::ServiceExt::oneshot`).
    pub fn router(&self) -> axum::Router {
        crate::stream::router(Arc::clone(&self.shared))
            .merge(routes::router(Arc::clone(&self.shared)))
    }

    /// Serves on an ephemeral port of 127.0.0.1 until the returned handle is dropped.
    pub async fn start(self) -> std::io::Result<RunningSimulator> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        self.serve_on(listener).await
    }

    /// Serves on `listener` until the returned handle is dropped.
    pub async fn serve_on(
        self,
        listener: tokio::net::TcpListener,
    ) -> std::io::Result<RunningSimulator> {
        let addr = listener.local_addr()?;
        let router = self.router();
        let task = tokio::spawn(async move {
            // An accept error ends the server; the handle's owner sees connections refused.
            let _ = axum::serve(listener, router).await;
        });
        Ok(RunningSimulator {
            sim: self,
            addr,
            task,
        })
    }

    fn uid(&self, api_key: &str) -> Result<String, String> {
        self.shared
            .uid_of(api_key)
            .map(str::to_owned)
            .ok_or_else(|| format!("no account with key `{api_key}`"))
    }

    fn seed(
        &self,
        api_key: &str,
        symbol: &str,
        market: Market,
        client_oid: Option<&str>,
    ) -> Result<Order, String> {
        let uid = self.uid(api_key)?;
        self.shared
            .lock()
            .venue
            .rest(&uid, symbol, market, client_oid.map(str::to_owned))
            .map_err(|e| format!("{} {}", e.code, e.msg))
    }

    /// Places a resting spot order on the account of `api_key`, as a test fixture.
    pub fn seed_spot_order(
        &self,
        api_key: &str,
        symbol: &str,
        client_oid: Option<&str>,
    ) -> Result<Order, String> {
        self.seed(api_key, symbol, Market::Spot, client_oid)
    }

    /// Places a resting futures order.
    pub fn seed_futures_order(
        &self,
        api_key: &str,
        product_type: &str,
        symbol: &str,
        client_oid: Option<&str>,
    ) -> Result<Order, String> {
        let market = Market::Futures {
            product_type: product_type.to_uppercase(),
        };
        self.seed(api_key, symbol, market, client_oid)
    }

    /// Places a resting futures trigger order.
    pub fn seed_plan_order(
        &self,
        api_key: &str,
        product_type: &str,
        symbol: &str,
        plan_type: &str,
        client_oid: Option<&str>,
    ) -> Result<Order, String> {
        let market = Market::Plan {
            product_type: product_type.to_uppercase(),
            plan_type: plan_type.to_owned(),
        };
        self.seed(api_key, symbol, market, client_oid)
    }

    /// Every order and plan order of the account of `api_key`, oldest first, done ones included.
    pub fn orders(&self, api_key: &str) -> Vec<Order> {
        match self.uid(api_key) {
            Ok(uid) => self.shared.lock().venue.all(&uid),
            Err(_) => Vec::new(),
        }
    }

    /// The orders of the account of `api_key` that can still fill (plan orders that can still
    /// fire).
    pub fn live_orders(&self, api_key: &str) -> Vec<Order> {
        self.orders(api_key)
            .into_iter()
            .filter(|o| o.live)
            .collect()
    }

    /// Runs `f` on the exchange behind the simulator, for what a bot test sets up or reads
    /// directly: balances, positions, fills, prices, liquidity from a market maker. Accounts are
    /// named by their UID ([`Simulator::uid_of`]).
    ///
    /// ```no_run
    /// # async fn run() -> std::io::Result<()> {
    /// use bitget_sim::exchange::{InstrumentId, NewOrder, Side};
    /// use bitget_sim::{Account, Decimal, Simulator};
    /// let sim = Simulator::builder()
    ///     .account(Account::new("bot", "s", "p"))
    ///     .account(Account::new("maker", "s2", "p2"))
    ///     .start()
    ///     .await?;
    /// let maker = sim.uid_of("maker").unwrap();
    /// sim.with_exchange(|ex| {
    ///     // Resting liquidity the bot will take.
    ///     let btc = InstrumentId::spot("BTCUSDT");
    ///     ex.place(NewOrder::limit(&maker, btc, Side::Sell, Decimal::new(60_000, 0), Decimal::ONE))
    /// })
    /// .unwrap();
    /// # Ok(()) }
    /// ```
    pub fn with_exchange<T>(&self, f: impl FnOnce(&mut crate::exchange::Exchange) -> T) -> T {
        f(&mut self.shared.lock().venue.ex)
    }

    /// The UID (the exchange's account name) of the account of `api_key`.
    pub fn uid_of(&self, api_key: &str) -> Option<String> {
        self.shared.uid_of(api_key).map(str::to_owned)
    }

    /// Lists an instrument on the exchange (instruments are also listed on first use, with
    /// Bitget-like steps, when their quote coin can be told from the symbol).
    pub fn ensure_spot(&self, symbol: &str) -> Result<crate::exchange::InstrumentId, String> {
        self.shared
            .lock()
            .venue
            .instrument(&Market::Spot, symbol)
            .map_err(|e| format!("{} {}", e.code, e.msg))
    }

    /// Lists a futures contract of `product_type` (see [`Simulator::ensure_spot`]).
    pub fn ensure_futures(
        &self,
        product_type: &str,
        symbol: &str,
    ) -> Result<crate::exchange::InstrumentId, String> {
        let market = Market::Futures {
            product_type: product_type.to_uppercase(),
        };
        self.shared
            .lock()
            .venue
            .instrument(&market, symbol)
            .map_err(|e| format!("{} {}", e.code, e.msg))
    }

    /// Changes the rules of a listed instrument (see [`Simulator::ensure_spot`] and
    /// [`Simulator::ensure_futures`]): its tick, step, minimum size and value, maximum sizes,
    /// price band and trading status, as its instruments pages then show them and as orders
    /// and modifies are then held to them.
    ///
    /// ```
    /// # fn main() -> Result<(), String> {
    /// use bitget_sim::{Decimal, Simulator};
    /// use bitget_sim::exchange::TradingStatus;
    /// let sim = Simulator::builder().build();
    /// let id = sim.ensure_futures("USDT-FUTURES", "BTCUSDT")?;
    /// sim.configure_instrument(&id, |i| {
    ///     i.tick = Decimal::new(5, 1); // 0.5
    ///     i.min_notional = Decimal::new(5, 0);
    ///     i.status = TradingStatus::CloseOnly;
    /// })?;
    /// # Ok(()) }
    /// ```
    pub fn configure_instrument(
        &self,
        id: &crate::exchange::InstrumentId,
        edit: impl FnOnce(&mut crate::exchange::Instrument),
    ) -> Result<(), String> {
        let mut inner = self.shared.lock();
        let mut instrument = inner
            .venue
            .ex
            .instrument(id)
            .cloned()
            .ok_or_else(|| format!("{id:?} is not listed"))?;
        edit(&mut instrument);
        instrument.id = id.clone();
        inner
            .venue
            .ex
            .add_instrument(instrument)
            .map_err(|e| format!("refused: {e:?}"))
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.shared.lock().log.clone()
    }

    /// Forgets the requests received so far.
    pub fn clear_requests(&self) {
        self.shared.lock().log.clear();
    }

    /// Sets the faults to inject from now on (and re-seeds their dice).
    pub fn set_faults(&self, faults: Faults) {
        let mut inner = self.shared.lock();
        inner.faults = faults;
        inner.dice = None;
    }

    /// The faults in force.
    pub fn faults(&self) -> Faults {
        self.shared.lock().faults.clone()
    }

    /// Closes every open stream connection (clients reconnect).
    pub fn drop_streams(&self) {
        self.shared.lock().streams.generation += 1;
    }

    /// Closes every private stream connection now (public ones stay).
    pub fn drop_private_streams(&self) {
        self.shared.lock().streams.private.generation += 1;
    }

    /// Closes every private stream connection once `n` more order and fill pushes have been
    /// sent: in the middle of a burst of fills, the pushes after the `n`th are never sent, as
    /// Bitget's are lost while a connection is down.
    pub fn drop_private_streams_after(&self, n: u32) {
        self.shared.lock().streams.private.drop_after = Some(n.max(1));
    }

    /// Refuses the next `n` stream logins (30005, then the close), whatever they carry.
    pub fn refuse_stream_logins(&self, n: u32) {
        self.shared.lock().streams.private.refuse_logins += n;
    }

    /// Sends the next `n` order pushes twice, as a repeated push.
    pub fn duplicate_order_pushes(&self, n: u32) {
        self.shared.lock().streams.private.duplicate_orders += n;
    }

    /// Executes the next `n` trade requests sent over the v3 private stream and closes their
    /// connection instead of answering: the answer is lost, the order (if placed) lives.
    pub fn lose_stream_trade_replies(&self, n: u32) {
        self.shared.lock().streams.private.lose_trade_replies += n;
    }

    /// Whether a stream login may carry a 13-digit millisecond timestamp (off by default: the
    /// SDKs send seconds, and whether Bitget takes milliseconds is unknown).
    pub fn stream_login_millis(&self, accept: bool) {
        self.shared.lock().streams.private.accept_ms = accept;
    }

    /// Whether the login's answer writes `code` as the string `"0"`, as the doc page shows it,
    /// instead of the number the SDKs saw live.
    pub fn stream_string_codes(&self, on: bool) {
        self.shared.lock().streams.private.string_codes = on;
    }

    /// Computes the next `n` book updates and does not send them (their `seq` still counts, so
    /// the update after shows the gap), as a lost push.
    pub fn lose_book_updates(&self, n: u32) {
        self.shared.lock().streams.lose_book_updates += n;
    }

    /// The stream connections open now stop answering `ping` while their pushes go on (stalled
    /// connections, which a client must replace); connections opened later answer.
    pub fn stall_pongs(&self) {
        let mut inner = self.shared.lock();
        inner.streams.stalled_below = inner.streams.next_connection;
    }

    /// Sends the next `n` book updates with a wrong checksum.
    pub fn corrupt_book_checksums(&self, n: u32) {
        self.shared.lock().streams.bad_checksums += n;
    }

    /// Whether book updates carry a checksum (on by default, as Bitget's v2 books did until
    /// about May 2026; off, the client relies on `seq`/`pseq`).
    pub fn book_checksums(&self, on: bool) {
        self.shared.lock().streams.checksum = on;
    }

    /// Closes a stream connection that sends no `ping` for `after` (2 min by default, the newer
    /// intro page; 30 s on the older).
    pub fn stream_idle_timeout(&self, after: std::time::Duration) {
        self.shared.lock().streams.idle = after;
    }

    /// Announces a service upgrade on every open stream connection (`{"event":"error","code":
    /// 30033}`) and closes each `after` later (about 60 s on Bitget).
    pub fn announce_upgrade(&self, after: std::time::Duration) {
        let mut inner = self.shared.lock();
        inner.streams.upgrade += 1;
        inner.streams.upgrade_after = after;
    }

    /// How often stream subscriptions are looked at for something to push (50 ms).
    pub fn stream_tick(&self, every: std::time::Duration) {
        self.shared.lock().streams.tick = every;
    }
}

/// A simulator serving on a loopback port; it stops when dropped.
#[derive(Debug)]
pub struct RunningSimulator {
    sim: Simulator,
    addr: SocketAddr,
    task: tokio::task::JoinHandle<()>,
}

impl RunningSimulator {
    /// `http://127.0.0.1:PORT`, the base URL to give a client.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address served.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Deref for RunningSimulator {
    type Target = Simulator;
    fn deref(&self) -> &Simulator {
        &self.sim
    }
}

impl Drop for RunningSimulator {
    fn drop(&mut self) {
        self.task.abort();
    }
}
