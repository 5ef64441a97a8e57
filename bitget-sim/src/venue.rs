//! The exchange core as the HTTP layer sees it: Bitget's ids and client ids, plan-order labels,
//! the instruments listed on first use, and every account funded at start.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;

use crate::envelope::SimError;
use crate::exchange::{
    Effect, Exchange, Instrument, InstrumentId, Market as CoreMarket, NewOrder, OrderType, PosSide,
    PositionMode, PriceKind, Reject, Side, Status, TimeInForce, TriggerKind, TriggerStatus,
};
use crate::orders::{Market, Order, Wanted};

/// What every account holds at start, in each of its wallets (a test can deposit more through
/// [`crate::Simulator::with_exchange`] and `Exchange::deposit_to`).
pub(crate) const START_BALANCES: &[(&str, i64)] = &[
    ("USDT", 1_000_000),
    ("USDC", 1_000_000),
    ("BTC", 100),
    ("ETH", 1_000),
    ("SOL", 10_000),
];

/// The wallets of a Classic account: spot, and the futures of every product type.
pub(crate) fn classic_wallets() -> impl Iterator<Item = CoreMarket> {
    std::iter::once(CoreMarket::Spot).chain(
        crate::params::PRODUCT_TYPES
            .iter()
            .map(|t| CoreMarket::Futures((*t).to_owned())),
    )
}

/// Quote coins, longest first, to split an unknown symbol into base and quote.
const QUOTES: &[&str] = &["SUSDT", "SUSDC", "USDT", "USDC", "USD", "BTC", "ETH"];

/// The pair of a delivery contract's symbol (`ETHUSDM24`, `ETHUSD_231229` are `ETHUSD`); other
/// symbols as they are. Every contract is simulated as linear, margined in its quote coin.
fn delivery_pair(symbol: &str) -> &str {
    if let Some((pair, date)) = symbol.split_once('_') {
        if date.len() == 6 && date.bytes().all(|b| b.is_ascii_digit()) {
            return pair;
        }
    }
    let b = symbol.as_bytes();
    match b {
        [.., month, y1, y2]
            if b"FGHJKMNQUVXZ".contains(month) && y1.is_ascii_digit() && y2.is_ascii_digit() =>
        {
            &symbol[..symbol.len() - 3]
        }
        _ => symbol,
    }
}

/// A plan order's labels, which the exchange core does not keep.
#[derive(Debug, Clone)]
struct Plan {
    uid: String,
    client_oid: String,
    plan_type: String,
    /// A spot plan order's size as sent, in the unit its `planType` says (the core's order
    /// counts a market buy in the quote coin and everything else in the base coin).
    spot_size: Option<Decimal>,
}

/// A v2 wallet transfer, as the ledger and a repeated `clientOid` read it.
#[derive(Debug, Clone)]
pub(crate) struct TransferRecord {
    pub(crate) id: u64,
    pub(crate) uid: String,
    pub(crate) coin: String,
    pub(crate) amount: Decimal,
    pub(crate) from: String,
    pub(crate) to: String,
    pub(crate) client_oid: Option<String>,
    pub(crate) time_ms: i64,
}

/// The exchange and the HTTP layer's bookkeeping around it.
#[derive(Debug, Default)]
pub(crate) struct Venue {
    pub(crate) ex: Exchange,
    plans: BTreeMap<u64, Plan>,
    plan_coids: HashMap<(String, String), u64>,
    next_coid: u64,
    /// v3 strategy orders: the id answered for a TP/SL order and the ids of its legs (a take
    /// profit and a stop loss are one order on v3, two triggers here).
    pub(crate) strategy_legs: BTreeMap<u64, Vec<u64>>,
    /// Every account's balance outside the exchange core's trading wallets (v2's `p2p`, v3's
    /// funding account), by (uid, coin).
    pub(crate) funding: BTreeMap<(String, String), Decimal>,
    /// v2 wallet transfers, in the order made.
    pub(crate) transfers: Vec<TransferRecord>,
    /// v3 dead-man switches: the time (Unix ms) after which the account's orders are cancelled.
    pub(crate) countdowns: BTreeMap<String, i64>,
}

impl Venue {
    /// Opens `uid` funded with [`START_BALANCES`] (once): a unified account in its one wallet, a
    /// Classic account in each of its wallets (spot and every product type's futures), so a test
    /// trades either market from the start and a transfer between them moves a real balance.
    pub(crate) fn open(&mut self, uid: &str, classic: bool) {
        if self.ex.has_account(uid) {
            return;
        }
        if !classic {
            self.ex.open_account(uid);
            for (coin, amount) in START_BALANCES {
                self.ex.deposit(uid, coin, Decimal::from(*amount));
            }
            return;
        }
        self.ex.open_classic_account(uid);
        for wallet in classic_wallets() {
            for (coin, amount) in START_BALANCES {
                self.ex
                    .deposit_to(uid, &wallet, coin, Decimal::from(*amount));
            }
        }
    }

    /// The instrument `symbol` of `market`, listed with Bitget-like steps on first use (the
    /// simulator trades any symbol whose quote coin it can tell).
    pub(crate) fn instrument(
        &mut self,
        market: &Market,
        symbol: &str,
    ) -> Result<InstrumentId, SimError> {
        let symbol = symbol.to_uppercase();
        let id = match market {
            Market::Spot | Market::SpotPlan => InstrumentId::spot(&symbol),
            Market::Futures { product_type } | Market::Plan { product_type, .. } => {
                InstrumentId::futures(product_type, &symbol)
            }
        };
        if self.ex.instrument(&id).is_some() {
            return Ok(id);
        }
        // A delivery contract carries its expiry after the pair: `ETHUSDM24` (month code and
        // year) or `ETHUSD_231229`.
        let pair = delivery_pair(&symbol);
        let quote = QUOTES
            .iter()
            .find(|q| pair.len() > q.len() && pair.ends_with(*q))
            .ok_or_else(|| SimError::bad("40034", format!("Parameter {symbol} does not exist")))?;
        let base = &pair[..pair.len() - quote.len()];
        let instrument = match &id.market {
            CoreMarket::Spot => Instrument::spot(base, quote, Decimal::new(1, 2), spot_step(base)),
            CoreMarket::Futures(pt) => {
                Instrument::futures(pt, base, quote, Decimal::new(1, 1), Decimal::new(1, 3))
            }
        };
        self.ex
            .add_instrument(instrument)
            .map_err(|e| SimError::invalid(format!("{e:?}")))?;
        Ok(id)
    }

    /// Lists what a fresh exchange trades, so that a client loading its markets first (ccxt
    /// does) finds some: BTC, ETH and SOL against USDT, on spot and as USDT-FUTURES perpetuals.
    /// Any other symbol whose quote coin can be told is listed on first use.
    pub(crate) fn list_defaults(&mut self) {
        for symbol in ["BTCUSDT", "ETHUSDT", "SOLUSDT"] {
            for market in [
                Market::Spot,
                Market::Futures {
                    product_type: "USDT-FUTURES".to_owned(),
                },
            ] {
                // Listing a known symbol cannot fail; a failure would only leave it unlisted.
                let _ = self.instrument(&market, symbol);
            }
        }
    }

    /// A fresh client id, for orders placed without one (Bitget makes one up too).
    fn new_coid(&mut self) -> String {
        self.next_coid += 1;
        format!("{}", 1_200_000_000_000_000_000u64 + self.next_coid)
    }

    /// The account's client id, checked (at most 50 characters, new to the account) or made up.
    pub(crate) fn client_oid(
        &mut self,
        uid: &str,
        given: Option<String>,
    ) -> Result<String, SimError> {
        let coid = match given {
            Some(c) if c.chars().count() > 50 => {
                return Err(SimError::bad("40305", "clientOid is over 50 characters"));
            }
            Some(c) => c,
            None => self.new_coid(),
        };
        if self.ex.order_by_client_oid(uid, &coid).is_some()
            || self
                .plan_coids
                .contains_key(&(uid.to_owned(), coid.clone()))
        {
            return Err(SimError::bad("43122", "Duplicate clientOid"));
        }
        Ok(coid)
    }

    /// Places an order; refusals become Bitget's codes.
    pub(crate) fn place(&mut self, order: NewOrder) -> Result<Order, SimError> {
        let futures = order.effect.is_some();
        let uid = order.account.clone();
        let id = self.ex.place(order).map_err(|r| refusal(&r, futures))?;
        self.view_order(&uid, id)
            .ok_or_else(|| SimError::invalid("the order vanished"))
    }

    /// Adds a plan (trigger) order.
    pub(crate) fn place_plan(
        &mut self,
        plan_type: &str,
        trigger_price: Decimal,
        mark: bool,
        order: NewOrder,
    ) -> Result<Order, SimError> {
        self.place_trigger(TriggerKind::Plan, plan_type, trigger_price, mark, order)
    }

    /// Adds a trigger of `kind` (plan, take-profit, stop-loss) under Bitget's `plan_type` label.
    pub(crate) fn place_trigger(
        &mut self,
        kind: TriggerKind,
        plan_type: &str,
        trigger_price: Decimal,
        mark: bool,
        order: NewOrder,
    ) -> Result<Order, SimError> {
        let client_oid = order.client_oid.clone().unwrap_or_default();
        let id = self
            .ex
            .add_trigger(
                kind,
                trigger_price,
                PriceKind::from_mark(mark),
                NewOrder {
                    client_oid: None,
                    ..order.clone()
                },
            )
            .map_err(|r| refusal(&r, true))?;
        self.label_plan(id, &order.account, client_oid, plan_type)
    }

    /// Adds a spot plan order: `order` is what fires (in the core's units), `plan_type`
    /// (`amount`/`total`) and `size` what the client sent, kept for the lists.
    pub(crate) fn place_spot_plan(
        &mut self,
        trigger_price: Decimal,
        mark: bool,
        order: NewOrder,
        plan_type: &str,
        size: Decimal,
    ) -> Result<Order, SimError> {
        let client_oid = order.client_oid.clone().unwrap_or_default();
        let id = self
            .ex
            .add_trigger(
                TriggerKind::Plan,
                trigger_price,
                PriceKind::from_mark(mark),
                NewOrder {
                    client_oid: None,
                    ..order.clone()
                },
            )
            .map_err(|r| refusal(&r, false))?;
        let placed = self.label_plan(id, &order.account, client_oid, plan_type)?;
        if let Some(plan) = self.plans.get_mut(&id) {
            plan.spot_size = Some(size);
        }
        Ok(placed)
    }

    /// A spot plan order's size as sent, when `id` is one.
    pub(crate) fn spot_plan_size(&self, id: u64) -> Option<Decimal> {
        self.plans.get(&id).and_then(|p| p.spot_size)
    }

    /// Changes a spot plan order's size as the lists show it.
    pub(crate) fn set_spot_plan_size(&mut self, id: u64, size: Decimal) {
        if let Some(plan) = self.plans.get_mut(&id) {
            plan.spot_size = Some(size);
        }
    }

    /// Adds a trailing stop (`moving_plan`): active once the price reaches `activation`, then
    /// fired when the price turns back by `rate` (a fraction) from its best since.
    pub(crate) fn place_trailing(
        &mut self,
        plan_type: &str,
        activation: Decimal,
        rate: Decimal,
        mark: bool,
        order: NewOrder,
    ) -> Result<Order, SimError> {
        let client_oid = order.client_oid.clone().unwrap_or_default();
        let id = self
            .ex
            .add_trailing(
                activation,
                rate,
                PriceKind::from_mark(mark),
                NewOrder {
                    client_oid: None,
                    ..order.clone()
                },
            )
            .map_err(|r| refusal(&r, true))?;
        self.label_plan(id, &order.account, client_oid, plan_type)
    }

    /// Keeps a new trigger's Bitget labels (client id, plan type) and answers it as a plan order.
    fn label_plan(
        &mut self,
        id: u64,
        uid: &str,
        client_oid: String,
        plan_type: &str,
    ) -> Result<Order, SimError> {
        self.plan_coids
            .insert((uid.to_owned(), client_oid.clone()), id);
        self.plans.insert(
            id,
            Plan {
                uid: uid.to_owned(),
                client_oid,
                plan_type: plan_type.to_owned(),
                spot_size: None,
            },
        );
        self.view_plan(id)
            .ok_or_else(|| SimError::invalid("the plan order vanished"))
    }

    /// A resting order far from any price, as a test fixture: a buy at 1 (spot), a long opened
    /// at 1 (futures), or a plan order waiting for 1.
    pub(crate) fn rest(
        &mut self,
        uid: &str,
        symbol: &str,
        market: Market,
        client_oid: Option<String>,
    ) -> Result<Order, SimError> {
        // Seeds are v2 orders: an account not opened at start is a Classic one.
        self.open(uid, true);
        let instrument = self.instrument(&market, symbol)?;
        let client_oid = self.client_oid(uid, client_oid)?;
        let (size, effect) = match market {
            Market::Spot | Market::SpotPlan => (Decimal::ONE, None),
            _ => (Decimal::new(5, 0), Some(self.open_long(uid))),
        };
        let order =
            NewOrder::limit(uid, instrument, Side::Buy, Decimal::ONE, size).client_oid(&client_oid);
        let order = NewOrder { effect, ..order };
        match market {
            Market::Plan { plan_type, .. } => {
                let market = NewOrder {
                    order_type: OrderType::Market,
                    price: None,
                    tif: TimeInForce::Ioc,
                    ..order
                };
                self.place_plan(&plan_type, Decimal::ONE, true, market)
            }
            Market::SpotPlan => {
                let market = NewOrder::market(uid, order.instrument, Side::Buy, Decimal::ONE)
                    .client_oid(&client_oid);
                self.place_spot_plan(Decimal::ONE, false, market, "amount", Decimal::ONE)
            }
            _ => self.place(order),
        }
    }

    /// The effect that opens a long on `uid`'s position mode.
    fn open_long(&self, uid: &str) -> Effect {
        match self.ex.position_mode(uid) {
            PositionMode::OneWay => Effect::Net { reduce_only: false },
            PositionMode::Hedge => Effect::Hedge {
                pos: PosSide::Long,
                close: false,
            },
        }
    }

    fn view_order(&self, uid: &str, id: u64) -> Option<Order> {
        let o = self.ex.order(id)?;
        if o.request.account != uid {
            return None;
        }
        let inst = self.ex.instrument(&o.request.instrument)?;
        let (market, margin_coin) = match &inst.id.market {
            CoreMarket::Spot => (Market::Spot, None),
            CoreMarket::Futures(pt) => (
                Market::Futures {
                    product_type: pt.clone(),
                },
                Some(inst.quote.clone()),
            ),
        };
        Some(Order {
            order_id: id.to_string(),
            client_oid: o.request.client_oid.clone().unwrap_or_default(),
            symbol: inst.id.symbol.clone(),
            market,
            margin_coin,
            cancelled: o.status == Status::Cancelled,
            live: o.status.is_open(),
        })
    }

    fn view_plan(&self, id: u64) -> Option<Order> {
        let t = self.ex.trigger(id)?;
        let plan = self.plans.get(&id)?;
        let inst = self.ex.instrument(&t.instrument)?;
        let (market, margin_coin) = match &inst.id.market {
            CoreMarket::Futures(pt) => (
                Market::Plan {
                    product_type: pt.clone(),
                    plan_type: plan.plan_type.clone(),
                },
                Some(inst.quote.clone()),
            ),
            CoreMarket::Spot => (Market::SpotPlan, None),
        };
        Some(Order {
            order_id: id.to_string(),
            client_oid: plan.client_oid.clone(),
            symbol: inst.id.symbol.clone(),
            market,
            margin_coin,
            cancelled: t.status == TriggerStatus::Cancelled,
            live: t.status == TriggerStatus::Live,
        })
    }

    /// The trigger of `uid` an id or client id names (orderId prevailing), if live.
    pub(crate) fn live_trigger(
        &self,
        uid: &str,
        order_id: Option<&str>,
        client_oid: Option<&str>,
    ) -> Option<u64> {
        let id = match (order_id, client_oid) {
            (Some(id), _) => id.parse::<u64>().ok()?,
            (None, Some(coid)) => *self.plan_coids.get(&(uid.to_owned(), coid.to_owned()))?,
            (None, None) => return None,
        };
        let t = self.ex.trigger(id)?;
        (t.order.account == uid && t.status == TriggerStatus::Live && self.plans.contains_key(&id))
            .then_some(id)
    }

    /// Fires the dead-man switches whose time has passed: every open order of the account is
    /// cancelled, as v3's countdown-cancel-all promises. Its TP/SL and trigger orders stay: the
    /// doc speaks of orders, and a bot gone quiet keeps its stops.
    pub(crate) fn run_countdowns(&mut self, now: i64) {
        let due: Vec<String> = self
            .countdowns
            .iter()
            .filter(|(_, at)| **at <= now)
            .map(|(uid, _)| uid.clone())
            .collect();
        for uid in due {
            self.countdowns.remove(&uid);
            let open: Vec<u64> = self.ex.open_orders(&uid).map(|o| o.id).collect();
            for id in open {
                self.ex.cancel(&uid, id);
            }
        }
    }

    /// A trigger's Bitget labels: (client id, plan type).
    pub(crate) fn plan_label(&self, id: u64) -> Option<(&str, &str)> {
        self.plans
            .get(&id)
            .map(|p| (p.client_oid.as_str(), p.plan_type.as_str()))
    }

    /// The plan type of the trigger order that placed order `order_id` of `uid`, when a trigger
    /// placed it.
    pub(crate) fn placed_by(&self, uid: &str, order_id: u64) -> Option<&str> {
        let trigger = self.ex.triggers(uid).find(
            |t| matches!(t.status, crate::exchange::TriggerStatus::Triggered(id) if id == order_id),
        )?;
        self.plan_label(trigger.id).map(|(_, plan_type)| plan_type)
    }

    /// Every order and plan order of `uid`, oldest first.
    pub(crate) fn all(&self, uid: &str) -> Vec<Order> {
        let orders = self
            .ex
            .orders(uid)
            .filter_map(|o| self.view_order(uid, o.id));
        let plans = self
            .plans
            .iter()
            .filter(|(_, p)| p.uid == uid)
            .filter_map(|(id, _)| self.view_plan(*id));
        orders.chain(plans).collect()
    }

    /// The live order an item names (orderId prevailing over clientOid) if `accept` takes it.
    pub(crate) fn find(
        &self,
        uid: &str,
        wanted: &Wanted<'_>,
        accept: impl Fn(&Order) -> bool,
    ) -> Option<Order> {
        let id = match (wanted.order_id, wanted.client_oid) {
            (Some(id), _) => id.parse::<u64>().ok()?,
            (None, Some(coid)) => match self.ex.order_by_client_oid(uid, coid) {
                Some(o) => o.id,
                None => *self.plan_coids.get(&(uid.to_owned(), coid.to_owned()))?,
            },
            (None, None) => return None,
        };
        self.view_order(uid, id)
            .or_else(|| {
                self.view_plan(id)
                    .filter(|_| self.plans.get(&id).is_some_and(|p| p.uid == uid))
            })
            .filter(|o| o.live && accept(o))
    }

    /// Cancels an order or plan order of `uid` by id; returns it.
    pub(crate) fn cancel(&mut self, uid: &str, order_id: &str) -> Option<Order> {
        let id = order_id.parse::<u64>().ok()?;
        if self.ex.cancel(uid, id).is_some() {
            return self.view_order(uid, id);
        }
        self.ex.cancel_trigger(uid, id)?;
        self.view_plan(id)
    }

    /// Cancels every live order `accept` takes; returns them.
    pub(crate) fn cancel_where(
        &mut self,
        uid: &str,
        accept: impl Fn(&Order) -> bool,
    ) -> Vec<Order> {
        let targets: Vec<String> = self
            .all(uid)
            .into_iter()
            .filter(|o| o.live && accept(o))
            .map(|o| o.order_id)
            .collect();
        targets
            .iter()
            .filter_map(|id| self.cancel(uid, id))
            .collect()
    }
}

impl PriceKind {
    pub(crate) fn from_mark(mark: bool) -> PriceKind {
        if mark {
            PriceKind::Mark
        } else {
            PriceKind::Last
        }
    }
}

/// Bitget's answer to a refused order.
///
/// The instrument rules' codes, and how sure we are of each (Bitget's error-code pages list
/// codes without saying which check raises them):
/// - `45110` "less than the minimum amount 5 USDT": reported verbatim by users, futures and
///   spot alike.
/// - `40808` "Parameter verification exception delegatePrice": reported for a price off the
///   tick or scale and for a spot price outside the band (ccxt#25150: `delegatePrice` is
///   Bitget's internal name of the price). Used for the size step too (a guess).
/// - `22047` "... maximum price limit: X" / "minimum price limit: X": a futures limit price
///   outside the band, as bots that parse the limit out of the message report.
/// - `45111`/`45112` below the minimum / above the maximum order quantity, and `40309` for an
///   instrument that does not trade: guesses beside the reported ones; the message names the
///   figure either way.
pub(crate) fn refusal(reject: &Reject, futures: bool) -> SimError {
    let (code, msg): (&str, String) = match reject {
        Reject::InsufficientBalance if futures => (
            "40762",
            "The order size is greater than the max open size".into(),
        ),
        Reject::InsufficientBalance => ("43012", "Insufficient balance".into()),
        Reject::DuplicateClientOid => ("43122", "Duplicate clientOid".into()),
        Reject::NoPosition | Reject::ReduceTooLarge => ("22002", "No position to close".into()),
        Reject::UnknownInstrument => ("40034", "Parameter symbol does not exist".into()),
        Reject::UnknownAccount => ("40006", "Invalid ACCESS_KEY".into()),
        Reject::PostOnlyWouldTake => ("43008", "post_only order would take liquidity".into()),
        Reject::FokUnfillable => ("43009", "fok order could not be filled completely".into()),
        Reject::NoLiquidity => ("43010", "no liquidity for the market order".into()),
        Reject::PriceTick => (
            "40808",
            "Parameter verification exception delegatePrice".into(),
        ),
        Reject::SizeStep => (
            "40808",
            "Parameter verification exception delegateCount".into(),
        ),
        Reject::BelowMinNotional { min, quote } => (
            "45110",
            format!("less than the minimum amount {} {quote}", min.normalize()),
        ),
        Reject::BelowMinSize(min) => (
            "45111",
            format!("less than the minimum order quantity {}", min.normalize()),
        ),
        Reject::AboveMaxSize(max) => (
            "45112",
            format!("more than the maximum order quantity {}", max.normalize()),
        ),
        Reject::OutsideBand { limit, buy } if futures => (
            "22047",
            if *buy {
                format!(
                    "The order price is higher than the maximum price limit: {}",
                    limit.normalize()
                )
            } else {
                format!(
                    "The order price is lower than the minimum price limit: {}",
                    limit.normalize()
                )
            },
        ),
        Reject::OutsideBand { .. } => (
            "40808",
            "Parameter verification exception delegatePrice".into(),
        ),
        Reject::NotTrading(status) => (
            "40309",
            format!("The symbol is not open for trading ({status})"),
        ),
        Reject::CloseOnly => (
            "40309",
            "The symbol only accepts orders that reduce a position".into(),
        ),
        other => (
            "40017",
            match other {
                Reject::PriceRequired => "price is required for a limit order",
                Reject::TooLarge => "price or size too large",
                Reject::EffectMismatch | Reject::WrongPositionMode => {
                    "the order does not fit the position mode"
                }
                Reject::Leverage => "leverage out of range",
                Reject::TriggerCrossed => {
                    "the take-profit or stop-loss price is on the wrong side of the current price"
                }
                Reject::CallbackRate => "rangeRate must be above 0 and below 100",
                _ => "parameter verification failed",
            }
            .into(),
        ),
    };
    SimError::bad(code, msg)
}

/// A spot pair's size step, as Bitget lists it where a doc page shows it: BTCUSDT's
/// `quantityPrecision` is 6 (v3 instruments and v2 symbols examples), so a 100 USDT market buy
/// spends all but cents of it; other pairs keep 4 decimals (a guess: no page lists them).
fn spot_step(base: &str) -> Decimal {
    if base.eq_ignore_ascii_case("BTC") {
        Decimal::new(1, 6)
    } else {
        Decimal::new(1, 4)
    }
}
