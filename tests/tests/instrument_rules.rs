//! The instrument rules held to the simulator: over generated orders on instruments configured
//! the way Bitget's trouble cases are (a 0.5 tick, a 0.001 step, a minimum size and value, a
//! maximum size, a 5% price band, a suspended and a close-only contract), an order the
//! client's check refuses is refused by the simulator when sent unchecked, and an order the
//! check passes is accepted: on v2 futures, v2 spot, and v3 futures (read through
//! `priceMultiplier`) and spot. The simulator's answers carry Bitget's codes.

use std::collections::BTreeSet;

use bitget_core::{Client, Credentials, Decimal, Error, RateLimits, RuleKind};
use bitget_endpoints::instrument::{Line, Rounding, Rulebook, Side as RuleSide};
use bitget_endpoints::mix::order::{ModifyOrder, PlaceOrder as FuturesOrder, PositionMode};
use bitget_endpoints::mix::{Force, MarginMode, OrderType as FuturesType, ProductType};
use bitget_endpoints::spot::trade::PlaceOrder as SpotOrder;
use bitget_endpoints::uta::trade::PlaceOrder as UnifiedOrder;
use bitget_endpoints::uta::{Category, OrderType as UnifiedType, Side as UnifiedSide};
use bitget_sim::exchange::{InstrumentId, NewOrder, Side as SimSide, TradingStatus};
use bitget_sim::{Account, RunningSimulator, Simulator};

fn ok<T, E: std::fmt::Display>(r: Result<T, E>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

fn d(s: &str) -> Decimal {
    ok(s.parse())
}

/// The reference price of every generated order: the mark of the futures, the last trade of
/// the spot pair.
const REFERENCE: &str = "2000";

/// A simulator with a classic account `bot`, a unified `uta`, and ETHUSDT configured on both
/// markets: futures tick 0.5, step 0.001, minimum 0.002, maximum 0.15 (0.1 at market), minimum
/// value 5 USDT, a 5% band around the mark 2000; spot tick 0.01, step 0.0001, minimum value
/// 5 USDT, a 5% band around the last trade 2000. A maker rests bids at 1990 and asks at 2010 on
/// both, so market orders find liquidity.
async fn sim() -> RunningSimulator {
    let sim = ok(Simulator::builder()
        .account(Account::new("bot", "bot-s", "bot-p"))
        .account(Account::new("uta", "uta-s", "uta-p").unified(true))
        .without_rate_limits()
        .start()
        .await);
    let perp = ok(sim.ensure_futures("USDT-FUTURES", "ETHUSDT"));
    let spot = ok(sim.ensure_spot("ETHUSDT"));
    ok(sim.configure_instrument(&spot, |i| {
        i.tick = d("0.01");
        i.step = d("0.0001");
        i.min_size = d("0.0001");
        i.min_notional = d("5");
    }));
    sim.with_exchange(|ex| {
        for name in ["maker", "taker"] {
            ex.open_account(name);
            ex.deposit(name, "USDT", d("100000000"));
            ex.deposit(name, "ETH", d("100000"));
        }
        ex.set_mark_price(&perp, d(REFERENCE));
        // One spot trade at 2000 sets the last price.
        ok(ex
            .place(NewOrder::limit(
                "maker",
                spot.clone(),
                SimSide::Sell,
                d(REFERENCE),
                d("0.01"),
            ))
            .map_err(|e| format!("{e:?}")));
        ok(ex
            .place(NewOrder::limit(
                "taker",
                spot.clone(),
                SimSide::Buy,
                d(REFERENCE),
                d("0.01"),
            ))
            .map_err(|e| format!("{e:?}")));
        for (id, futures) in [(&perp, true), (&spot, false)] {
            for (side, price) in [(SimSide::Buy, "1990"), (SimSide::Sell, "2010")] {
                let mut order = NewOrder::limit("maker", id.clone(), side, d(price), d("1000"));
                if futures {
                    order = order.effect(bitget_sim::exchange::Effect::Net { reduce_only: false });
                }
                ok(ex.place(order).map_err(|e| format!("{e:?}")));
            }
        }
    });
    // The maker's orders are larger than one order may be: the rules apply from now.
    ok(sim.configure_instrument(&perp, |i| {
        i.tick = d("0.5");
        i.step = d("0.001");
        i.min_size = d("0.002");
        i.max_size = Some(d("0.15"));
        i.max_market_size = Some(d("0.1"));
        i.min_notional = d("5");
        i.buy_band = Some(d("0.05"));
        i.sell_band = Some(d("0.05"));
    }));
    sim
}

fn client(sim: &RunningSimulator, key: &str) -> Client {
    ok(Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new(
            key,
            format!("{key}-s"),
            format!("{key}-p"),
        ))
        // Hundreds of orders: the simulator runs without limits, so need the client.
        .rate_limits(RateLimits::unlimited())
        .build())
}

/// A small deterministic generator (no dependency, the same orders on every run).
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() as usize) % from.len()]
    }

    /// A price around the reference, up to 8% away, with two decimals (so often off a 0.5 tick).
    fn price(&mut self) -> Decimal {
        let cents = (self.next() % 64_000) as i64 - 32_000; // ±320.00
        d(REFERENCE) + Decimal::new(cents, 2)
    }
}

/// One generated order: side, market or limit, price (for a limit), size.
#[derive(Debug, Clone)]
struct Case {
    buy: bool,
    market: bool,
    price: Decimal,
    size: Decimal,
}

fn cases(seed: u64, n: usize, sizes: &[&str], quote_sizes: &[&str]) -> Vec<Case> {
    let mut g = Gen(seed);
    (0..n)
        .map(|_| {
            let buy = g.next() % 2 == 0;
            let market = g.next() % 4 == 0;
            let size = if market && buy && !quote_sizes.is_empty() {
                d(g.pick(quote_sizes))
            } else {
                d(g.pick(sizes))
            };
            // Half the limit prices are put on a 0.5 tick, the rest left as drawn.
            let mut price = g.price();
            if g.next() % 2 == 0 {
                price = (price * Decimal::TWO).round() / Decimal::TWO;
            }
            Case {
                buy,
                market,
                price,
                size,
            }
        })
        .collect()
}

/// The codes Bitget answers an order breaking `rule` with (the simulator's, from the pages and
/// the codes users report): 40808 for a price or size off its step and a spot price outside
/// the band, 22047 for a futures price outside it.
fn codes_of(rule: RuleKind) -> &'static [&'static str] {
    match rule {
        RuleKind::Tick | RuleKind::Step => &["40808"],
        RuleKind::MinSize => &["45111"],
        RuleKind::MaxSize => &["45112"],
        RuleKind::MinNotional => &["45110"],
        RuleKind::PriceBand => &["22047", "40808"],
        RuleKind::Trading => &["40309"],
        _ => &[],
    }
}

/// What the check and the simulator said of every case, and which rules the check named.
#[derive(Default)]
struct Tally {
    passed: usize,
    refused: usize,
    rules: BTreeSet<String>,
    codes: BTreeSet<String>,
}

impl Tally {
    /// Compares the check's verdict with the simulator's answer to the same order sent
    /// unchecked; a disagreement fails with both.
    fn record<T: std::fmt::Debug>(
        &mut self,
        what: &str,
        case: &Case,
        checked: Result<(), Error>,
        sent: Result<T, Error>,
    ) {
        match (&checked, &sent) {
            (Ok(()), Ok(_)) => self.passed += 1,
            (Err(e), Err(answer)) => {
                let v = e.validation().unwrap_or_else(|| {
                    panic!("{what} {case:?}: the check failed without a verdict: {e}")
                });
                let code = answer
                    .api_error()
                    .unwrap_or_else(|| panic!("{what} {case:?}: not an API refusal: {answer}"));
                // The simulator answers for the first rule it meets: its code must be one of
                // the rules the check named, not any refusal.
                let expected: BTreeSet<&str> = (v.violations.iter())
                    .flat_map(|violation| codes_of(violation.rule))
                    .copied()
                    .collect();
                assert!(
                    expected.contains(code.code.to_string().as_str()),
                    "{what} {case:?}: the check named {v} but the simulator answered {answer}"
                );
                for violation in &v.violations {
                    self.rules.insert(violation.rule.name().to_owned());
                }
                self.codes.insert(code.code.to_string());
                self.refused += 1;
            }
            _ => panic!(
                "{what} {case:?}: the check says {checked:?} but the simulator answered {sent:?}"
            ),
        }
    }

    fn assert_covers(&self, what: &str, rules: &[RuleKind], codes: &[&str]) {
        for rule in rules {
            assert!(
                self.rules.contains(rule.name()),
                "{what}: no generated order broke `{}` (seen {:?})",
                rule.name(),
                self.rules
            );
        }
        for code in codes {
            assert!(
                self.codes.contains(*code),
                "{what}: the simulator never answered {code} (seen {:?})",
                self.codes
            );
        }
        assert!(
            self.passed >= 10,
            "{what}: only {} orders passed",
            self.passed
        );
    }
}

/// Futures sizes: below the minimum (0.001, worth 2 USDT), off the step (0.0015, 0.0125),
/// on the minimum but worth less than 5 USDT (0.002), above the market (0.12) and limit (0.2)
/// maxima, and sizes that fit.
const FUTURES_SIZES: [&str; 10] = [
    "0.001", "0.0015", "0.002", "0.003", "0.01", "0.0125", "0.05", "0.1", "0.12", "0.2",
];

/// A rulebook that reads the reference price before every check: the simulator's spot price
/// moves as the generated orders fill, and the check must measure against what the exchange
/// will.
fn rulebook(client: &Client) -> Rulebook {
    Rulebook::new(client).with_reference_ttl(std::time::Duration::ZERO)
}

fn futures_order(case: &Case) -> Result<FuturesOrder, bitget_core::ValidationError> {
    let open = if case.buy {
        FuturesOrder::open_long(PositionMode::OneWay)
    } else {
        FuturesOrder::open_short(PositionMode::OneWay)
    };
    let open = open
        .symbol("ETHUSDT")
        .product_type(ProductType::UsdtFutures)
        .margin_mode(MarginMode::Crossed)
        .margin_coin("USDT")
        .size(case.size);
    if case.market {
        open.order_type(FuturesType::Market).build()
    } else {
        open.order_type(FuturesType::Limit)
            .price(case.price)
            .force(Force::Gtc)
            .build()
    }
}

#[tokio::test]
async fn v2_futures_orders_the_check_refuses_are_the_ones_the_simulator_refuses() {
    let sim = sim().await;
    let bot = client(&sim, "bot");
    let rulebook = rulebook(&bot);
    let mut tally = Tally::default();
    let sizes = FUTURES_SIZES;
    for case in cases(7, 160, &sizes, &[]) {
        let order = ok(futures_order(&case));
        let checked = rulebook.check(&order).await;
        let sent = bot.send(&order).await;
        tally.record("v2 futures", &case, checked, sent);
    }
    tally.assert_covers(
        "v2 futures",
        &[
            RuleKind::Tick,
            RuleKind::Step,
            RuleKind::MinSize,
            RuleKind::MaxSize,
            RuleKind::MinNotional,
            RuleKind::PriceBand,
        ],
        &["40808", "45110", "45111", "45112", "22047"],
    );
}

#[tokio::test]
async fn v2_spot_orders_the_check_refuses_are_the_ones_the_simulator_refuses() {
    let sim = sim().await;
    let bot = client(&sim, "bot");
    let rulebook = rulebook(&bot);
    let mut tally = Tally::default();
    // Worth 2 and 4 USDT, 5 and 20, and one off the 0.0001 step.
    let sizes = ["0.001", "0.002", "0.0025", "0.01", "0.00255", "0.1"];
    let quote = ["3", "5", "20", "4.99"];
    for case in cases(11, 160, &sizes, &quote) {
        let order = ok(match (case.market, case.buy) {
            (true, true) => SpotOrder::market_buy_spending(case.size)
                .symbol("ETHUSDT")
                .build(),
            (true, false) => SpotOrder::market_sell(case.size).symbol("ETHUSDT").build(),
            (false, true) => SpotOrder::limit_buy(case.price, case.size)
                .symbol("ETHUSDT")
                .build(),
            (false, false) => SpotOrder::limit_sell(case.price, case.size)
                .symbol("ETHUSDT")
                .build(),
        });
        let checked = rulebook.check(&order).await;
        let sent = bot.send(&order).await;
        tally.record("v2 spot", &case, checked, sent);
    }
    // The spot tick is 0.01 and prices are drawn in cents: no price is off it.
    tally.assert_covers(
        "v2 spot",
        &[RuleKind::Step, RuleKind::MinNotional, RuleKind::PriceBand],
        &["40808", "45110"],
    );
}

#[tokio::test]
async fn v3_orders_are_held_to_the_multipliers_the_simulator_holds_them_to() {
    let sim = sim().await;
    let uta = client(&sim, "uta");
    let rulebook = rulebook(&uta);
    // The v3 page gives the 0.5 tick as `priceMultiplier`; `pricePrecision` alone says 0.1.
    let futures = ok(rulebook
        .rules(&Line::Unified(Category::UsdtFutures), "ETHUSDT")
        .await);
    assert_eq!((futures.tick, futures.step), (d("0.5"), d("0.001")));
    for (category, sizes, quote, what, rules, codes) in [
        (
            Category::UsdtFutures,
            &FUTURES_SIZES[..],
            &[][..],
            "v3 futures",
            &[
                RuleKind::Tick,
                RuleKind::Step,
                RuleKind::MinSize,
                RuleKind::MaxSize,
                RuleKind::MinNotional,
                RuleKind::PriceBand,
            ][..],
            &["40808", "45110", "45111", "45112", "22047"][..],
        ),
        (
            Category::Spot,
            &["0.001", "0.0025", "0.01", "0.00255", "0.1"][..],
            &["3", "20", "4.99"][..],
            "v3 spot",
            &[RuleKind::Step, RuleKind::MinNotional, RuleKind::PriceBand][..],
            &["40808", "45110"][..],
        ),
    ] {
        let mut tally = Tally::default();
        for case in cases(13, 140, sizes, quote) {
            let side = if case.buy {
                UnifiedSide::Buy
            } else {
                UnifiedSide::Sell
            };
            let builder = UnifiedOrder::builder()
                .category(category.clone())
                .symbol("ETHUSDT")
                .side(side)
                .qty(case.size);
            let order = ok(if case.market {
                builder.order_type(UnifiedType::Market).build()
            } else {
                builder
                    .order_type(UnifiedType::Limit)
                    .price(case.price)
                    .build()
            });
            let checked = rulebook.check(&order).await;
            let sent = uta.send(&order).await;
            tally.record(what, &case, checked, sent);
        }
        tally.assert_covers(what, rules, codes);
    }
}

#[tokio::test]
async fn a_suspended_or_close_only_contract_is_refused_alike_and_a_modify_is_held_to_the_rules() {
    let sim = sim().await;
    let bot = client(&sim, "bot");
    let rulebook = rulebook(&bot);
    let perp = InstrumentId::futures("USDT-FUTURES", "ETHUSDT");
    let at = |price: &str, size: &str| Case {
        buy: true,
        market: false,
        price: d(price),
        size: d(size),
    };

    // A resting long, then modifies: off the tick, below the minimum, and one that fits.
    let resting = ok(futures_order(&at("1980", "0.05")));
    let placed = ok(rulebook.send(&resting).await);
    let order_id = placed.order_id.clone().unwrap_or_default();
    let modify = |price: &str, size: &str| {
        ok(ModifyOrder::builder()
            .symbol("ETHUSDT")
            .product_type(ProductType::UsdtFutures)
            .order_id(order_id.as_str())
            .new_client_oid(format!("m-{price}-{size}"))
            .new_price(d(price))
            .new_size(d(size))
            .build())
    };
    let mut tally = Tally::default();
    for (price, size) in [("1980.2", "0.05"), ("1980", "0.001"), ("1981.5", "0.05")] {
        let change = modify(price, size);
        let checked = rulebook.check(&change).await;
        let sent = bot.send(&change).await;
        tally.record("v2 modify", &at(price, size), checked, sent);
    }
    assert_eq!((tally.passed, tally.refused), (1, 2), "{:?}", tally.rules);

    // Close-only: a new long is refused by both, closing the one held is taken by both.
    let filled = ok(futures_order(&Case {
        buy: true,
        market: true,
        price: Decimal::ZERO,
        size: d("0.05"),
    }));
    ok(bot.send(&filled).await);
    ok(sim.configure_instrument(&perp, |i| i.status = TradingStatus::CloseOnly));
    ok(rulebook
        .refresh(&Line::Futures(ProductType::UsdtFutures))
        .await);
    let opening = ok(futures_order(&at("1995", "0.02")));
    let checked = rulebook.check(&opening).await;
    let refused = bot.send(&opening).await;
    let Err(v) = checked else {
        panic!("an opening order on a close-only contract passed the check")
    };
    let reason = format!("{}", v);
    assert!(reason.contains("reduce"), "{reason}");
    let Err(code) = refused else {
        panic!("the simulator took an opening order on a close-only contract")
    };
    assert_eq!(code.api_code().map(|c| c.to_string()), Some("40309".into()));
    let close = ok(FuturesOrder::close_long(PositionMode::OneWay)
        .symbol("ETHUSDT")
        .product_type(ProductType::UsdtFutures)
        .margin_mode(MarginMode::Crossed)
        .margin_coin("USDT")
        .size("0.05")
        .order_type(FuturesType::Market)
        .build());
    ok(rulebook.send(&close).await);

    // Suspended: every order is refused, each side saying why.
    ok(sim.configure_instrument(&perp, |i| {
        i.status = TradingStatus::Halted("maintain".into())
    }));
    ok(rulebook
        .refresh(&Line::Futures(ProductType::UsdtFutures))
        .await);
    let any = ok(futures_order(&at("1995", "0.02")));
    let Err(v) = rulebook.check(&any).await else {
        panic!("an order on a suspended contract passed the check")
    };
    assert!(format!("{v}").contains("maintain"), "{v}");
    let Err(refused) = bot.send(&any).await else {
        panic!("the simulator took an order on a suspended contract")
    };
    assert!(format!("{refused}").contains("maintain"), "{refused}");
}

#[tokio::test]
async fn a_hedge_mode_close_is_held_to_the_band_of_the_side_it_trades() {
    use bitget_endpoints::mix::PosMode;
    use bitget_endpoints::mix::account::SetPositionMode;
    let sim = sim().await;
    let bot = client(&sim, "bot");
    let rulebook = rulebook(&bot);
    ok(bot
        .send(&ok(SetPositionMode::builder()
            .product_type(ProductType::UsdtFutures)
            .pos_mode(PosMode::HedgeMode)
            .build()))
        .await);
    // The builders' types change as required fields are set: a macro, not a closure.
    macro_rules! hedged {
        ($intent:expr) => {
            $intent
                .symbol("ETHUSDT")
                .product_type(ProductType::UsdtFutures)
                .margin_mode(MarginMode::Crossed)
                .margin_coin("USDT")
        };
    }
    // A long of 1 ETH, bought at the maker's ask in market orders of the largest size.
    for _ in 0..10 {
        let buy = ok(hedged!(FuturesOrder::open_long(PositionMode::Hedge))
            .size("0.1")
            .order_type(FuturesType::Market)
            .build());
        ok(rulebook.send(&buy).await);
    }
    // Closing it sells (v2 names the close `side=buy, tradeSide=close`): a price below the
    // 5% sell band (1900) is refused, one above the buy band (2100) is a sell resting high and
    // taken. A close worth less than 5 USDT is taken too.
    let mut tally = Tally::default();
    let (mut above_buy_band, mut small) = (0, 0);
    let mut resting = None;
    for case in cases(17, 40, &["0.001", "0.0015", "0.002", "0.01"], &[]) {
        let close = ok(hedged!(FuturesOrder::close_long(PositionMode::Hedge))
            .size(case.size)
            .order_type(FuturesType::Limit)
            .price(case.price)
            .force(Force::Gtc)
            .build());
        let checked = rulebook.check(&close).await;
        let sent = bot.send(&close).await;
        if let Ok(placed) = &sent {
            above_buy_band += usize::from(case.price > d("2100"));
            small += usize::from(case.size == d("0.002"));
            if case.price > d("2010") {
                resting = placed.order_id.clone();
            }
        }
        tally.record("v2 hedge close", &case, checked, sent);
    }
    assert!(
        above_buy_band > 0,
        "no close above 2100 was generated and taken"
    );
    assert!(
        small > 0,
        "no close below the minimum value was generated and taken"
    );
    assert!(
        tally.codes.contains("22047") && tally.rules.contains(RuleKind::PriceBand.name()),
        "no close below the sell band: {:?} {:?}",
        tally.codes,
        tally.rules
    );

    // A resting close modified below the minimum value: its effect is the order's, not the
    // request's, so the check leaves the value to Bitget, which takes a reducing order.
    let order_id = resting.unwrap_or_else(|| panic!("no close rests above the book"));
    let change = ok(ModifyOrder::builder()
        .symbol("ETHUSDT")
        .product_type(ProductType::UsdtFutures)
        .order_id(order_id.as_str())
        .new_client_oid("small-close")
        .new_price(d("2050"))
        .new_size(d("0.002"))
        .build());
    ok(rulebook.check(&change).await);
    ok(bot.send(&change).await);
}

#[test]
fn rounding_goes_the_way_asked() {
    use bitget_endpoints::instrument::InstrumentRules;
    let rules = InstrumentRules::new(
        Line::Futures(ProductType::UsdtFutures),
        "ETHUSDT",
        d("0.5"),
        d("0.001"),
    );
    assert_eq!(
        ok(rules.passive_price(d("2000.3"), RuleSide::Buy)),
        d("2000")
    );
    assert_eq!(
        ok(rules.passive_price(d("2000.3"), RuleSide::Sell)),
        d("2000.5")
    );
    assert_eq!(
        ok(rules.round_size(d("0.0129"), Rounding::Down)),
        d("0.012")
    );
    assert!(rules.round_size(d("0.0004"), Rounding::Down).is_err());
}

mod rounding {
    use super::*;
    use bitget_endpoints::instrument::InstrumentRules;
    use proptest::prelude::*;

    /// Ticks as Bitget lists them: powers of ten, and the multipliers v3 gives (0.5, 0.25, 5).
    fn tick() -> impl Strategy<Value = Decimal> {
        prop::sample::select(vec!["0.5", "0.1", "0.01", "0.25", "5", "0.0001", "1"]).prop_map(d)
    }

    /// A positive price with up to six decimals.
    fn price() -> impl Strategy<Value = Decimal> {
        (1i64..10_000_000_000).prop_map(|units| Decimal::new(units, 6))
    }

    fn rules(tick: Decimal) -> InstrumentRules {
        InstrumentRules::new(Line::Futures(ProductType::UsdtFutures), "X", tick, tick)
    }

    proptest! {
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn a_rounded_price_is_on_the_tick_within_one_tick_on_the_side_asked(
            tick in tick(),
            price in price(),
        ) {
            let r = rules(tick);
            for rounding in [Rounding::Down, Rounding::Up, Rounding::Nearest] {
                match r.round_price(price, rounding) {
                    Ok(p) => {
                        prop_assert!((p % tick).is_zero(), "{p} off the tick {tick}");
                        prop_assert!((p - price).abs() < tick, "{p} is a tick or more from {price}");
                        match rounding {
                            Rounding::Down => prop_assert!(p <= price),
                            Rounding::Up => prop_assert!(p >= price),
                            Rounding::Nearest => prop_assert!((p - price).abs() * Decimal::TWO <= tick),
                        }
                    }
                    // Only a price below one tick, rounded down (or to nearest), has no tick
                    // to go to: it is refused rather than sent as 0.
                    Err(_) => prop_assert!(price < tick && rounding != Rounding::Up),
                }
            }
        }

        #[test]
        fn a_passive_buy_never_rises_and_a_passive_sell_never_falls(
            tick in tick(),
            price in price(),
        ) {
            let r = rules(tick);
            if let Ok(buy) = r.passive_price(price, RuleSide::Buy) {
                prop_assert!(buy <= price && (buy % tick).is_zero());
            }
            let sell = r.passive_price(price, RuleSide::Sell);
            prop_assert!(sell.is_ok(), "a sell always has a tick above");
            if let Ok(sell) = sell {
                prop_assert!(sell >= price && (sell % tick).is_zero());
            }
        }

        #[test]
        fn a_size_rounded_down_never_orders_more_and_never_nothing(
            step in tick(),
            size in price(),
        ) {
            match rules(step).round_size(size, Rounding::Down) {
                Ok(s) => prop_assert!(s <= size && s > Decimal::ZERO && (s % step).is_zero()),
                Err(e) => {
                    prop_assert!(size < step);
                    prop_assert!(e.to_string().contains("size"), "{e}");
                }
            }
        }
    }
}
