//! One order's numbers held to its instrument's rules, each broken rule a violation naming the
//! field, the figure and the fix.

use bitget_core::Decimal;
use bitget_core::RuleKind;
use bitget_core::validate::{Path, Violations};

use super::{InstrumentRules, Side, Status, on_step};

/// Limit or market: what the price means and how the notional is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderKind {
    /// At a price: held to the tick and the band; its notional is price × size.
    Limit,
    /// At the market: its notional is estimated from the reference price.
    Market,
}

/// Where a reference price came from (said in a message about an estimate).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceSource {
    /// The last trade.
    Last,
    /// The mark price (futures).
    Mark,
    /// The index price (futures).
    Index,
    /// Given by the caller (a stream's ticker, a book).
    Given,
}

/// The market price the band and a market order's notional are measured from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    /// The price.
    pub price: Decimal,
    /// Where it came from.
    pub source: ReferenceSource,
}

/// The numbers of one order (or one item of a batch, or one leg), with the wire names of the
/// fields they travel in, so a broken rule is reported where the caller set it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderNumbers {
    /// Where the order sits in its request (`orderList[2]`), empty for the request itself.
    pub at: Vec<PathSeg>,
    /// Buy or sell, when the request says (a modify does not): without it the band is not
    /// checked.
    pub side: Option<Side>,
    /// Limit or market.
    pub kind: OrderKind,
    /// The price and its field (`price`, `triggerPrice`, ...): limit orders; a trigger's price
    /// is held to the tick only.
    pub prices: Vec<(&'static str, Decimal, PriceUse)>,
    /// The size and its field (`size`, `qty`), when the order has one.
    pub size: Option<(&'static str, Decimal)>,
    /// Whether the size is a quote amount (a spot market buy), held to the notional only.
    pub size_is_quote: bool,
    /// What it does to a position: only one that may open is held to a close-only status, and
    /// only one known to open is held to the minimum value.
    pub effect: PositionEffect,
    /// Whether its value is judged only when it fires (a plan or TP/SL order: against a market
    /// not known now), so the minimum value is not checked.
    pub value_when_fired: bool,
}

/// What an order does to a position, as far as its request says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PositionEffect {
    /// It may open or grow one (every spot order, and a futures order not marked reducing).
    MayOpen,
    /// It can only reduce one (reduce-only, a hedge-mode close, a TP/SL): allowed on a
    /// close-only instrument, exempt from the minimum value.
    Reduces,
    /// Not said by the request (a modify keeps the order's effect): neither the close-only
    /// status nor the minimum value is judged here; Bitget judges them against the order.
    Unknown,
}

/// A segment of a path in a request: a field or a list index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSeg {
    /// A field by its wire name.
    Field(&'static str),
    /// An item of a list.
    Index(usize),
}

/// What a price of an order is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriceUse {
    /// The order's own limit price: tick, band and notional.
    Limit,
    /// A trigger or preset price: the tick only.
    Trigger,
}

impl OrderNumbers {
    /// An order at the request's top level.
    pub fn new(side: Option<Side>, kind: OrderKind) -> Self {
        OrderNumbers {
            at: Vec::new(),
            side,
            kind,
            prices: Vec::new(),
            size: None,
            size_is_quote: false,
            effect: PositionEffect::MayOpen,
            value_when_fired: false,
        }
    }

    /// With its limit price in `field`.
    pub fn price(mut self, field: &'static str, price: Option<Decimal>) -> Self {
        if let Some(p) = price {
            self.prices.push((field, p, PriceUse::Limit));
        }
        self
    }

    /// With a trigger (or preset) price in `field`, held to the tick.
    pub fn trigger(mut self, field: &'static str, price: Option<Decimal>) -> Self {
        if let Some(p) = price {
            self.prices.push((field, p, PriceUse::Trigger));
        }
        self
    }

    /// With its size in `field`.
    pub fn size(mut self, field: &'static str, size: Decimal) -> Self {
        self.size = Some((field, size));
        self
    }

    /// Its size is a quote amount (a spot market buy).
    pub fn quote_size(mut self, yes: bool) -> Self {
        self.size_is_quote = yes;
        self
    }

    /// It can only reduce a position (`true`), or may open one (`false`, the default).
    pub fn reducing(mut self, yes: bool) -> Self {
        self.effect = if yes {
            PositionEffect::Reduces
        } else {
            PositionEffect::MayOpen
        };
        self
    }

    /// Its request does not say what it does to a position (a modify).
    pub fn effect_unknown(mut self) -> Self {
        self.effect = PositionEffect::Unknown;
        self
    }

    /// Its value is judged when it fires (a plan or TP/SL order), not now.
    pub fn value_when_fired(mut self) -> Self {
        self.value_when_fired = true;
        self
    }

    /// Whether the minimum value applies: an order known to open, placed now.
    fn value_checked(&self) -> bool {
        self.effect == PositionEffect::MayOpen && !self.value_when_fired
    }

    /// At this place in its request.
    pub fn at(mut self, at: Vec<PathSeg>) -> Self {
        self.at = at;
        self
    }
}

/// Records `message` at `segs` + `field`.
fn push(
    out: &mut Violations,
    segs: &[PathSeg],
    field: &'static str,
    kind: RuleKind,
    message: String,
) {
    fn go(
        out: &mut Violations,
        parent: &Path<'_>,
        segs: &[PathSeg],
        field: &'static str,
        kind: RuleKind,
        message: String,
    ) {
        match segs.split_first() {
            None => out.push(&parent.field(field), kind, message),
            Some((PathSeg::Field(f), rest)) => {
                go(out, &parent.field(f), rest, field, kind, message)
            }
            Some((PathSeg::Index(i), rest)) => {
                go(out, &parent.index(*i), rest, field, kind, message)
            }
        }
    }
    go(out, &Path::ROOT, segs, field, kind, message);
}

impl InstrumentRules {
    /// Every rule `order` breaks, recorded in `out` with its field, the instrument's figure and
    /// the fix. `reference` is the market price the band and a market order's notional are
    /// measured from; without one those two are not checked.
    pub fn check_into(
        &self,
        order: &OrderNumbers,
        reference: Option<Reference>,
        out: &mut Violations,
    ) {
        let sym = &self.symbol;
        let at = order.at.as_slice();
        match &self.status {
            Status::Trading => {}
            Status::CloseOnly(word) if order.effect == PositionEffect::MayOpen => push(
                out,
                at,
                "symbol",
                RuleKind::Trading,
                format!(
                    "{sym} takes only orders that reduce a position now (status `{word}`): this order may open one"
                ),
            ),
            Status::CloseOnly(_) => {}
            Status::Halted(word) => push(
                out,
                at,
                "symbol",
                RuleKind::Trading,
                format!("{sym} is not trading (status `{word}`)"),
            ),
        }
        for &(field, price, usage) in &order.prices {
            if !on_step(price, self.tick) {
                let fix = match order.side {
                    Some(Side::Buy) => "`passive_price(.., Side::Buy)` rounds it down",
                    Some(Side::Sell) => "`passive_price(.., Side::Sell)` rounds it up",
                    None => "`Rounding::Down`, `Up` or `Nearest`",
                };
                push(
                    out,
                    at,
                    field,
                    RuleKind::Tick,
                    format!(
                        "`{field}` {price} is not a multiple of the tick {} for {sym}: round it with `InstrumentRules::round_price` ({fix})",
                        self.tick
                    ),
                );
            }
            if usage == PriceUse::Limit {
                if let Some(reference) = reference {
                    self.check_band(order, field, price, reference, out);
                }
            }
        }
        let Some((size_field, size)) = order.size else {
            return;
        };
        if order.size_is_quote {
            // A market buy's quote amount: the minimum value is the amount itself.
            if let Some(min) = self
                .min_notional
                .filter(|m| size < *m && order.value_checked())
            {
                push(
                    out,
                    at,
                    size_field,
                    RuleKind::MinNotional,
                    format!(
                        "`{size_field}` {size} {} is less than the minimum amount {min} {} for {sym}",
                        self.quote_coin, self.quote_coin
                    ),
                );
            }
            return;
        }
        if !on_step(size, self.step) {
            push(
                out,
                at,
                size_field,
                RuleKind::Step,
                format!(
                    "`{size_field}` {size} is not a multiple of the size step {} for {sym}: round it with `InstrumentRules::round_size`",
                    self.step
                ),
            );
        }
        if let Some(min) = self.min_size.filter(|m| size < *m) {
            push(
                out,
                at,
                size_field,
                RuleKind::MinSize,
                format!("`{size_field}` {size} is less than the minimum size {min} for {sym}"),
            );
        }
        let max = match order.kind {
            OrderKind::Limit => self.max_size,
            OrderKind::Market => self.max_market_size.or(self.max_size),
        };
        if let Some(max) = max.filter(|m| size > *m) {
            push(
                out,
                at,
                size_field,
                RuleKind::MaxSize,
                format!(
                    "`{size_field}` {size} is more than the maximum size {max} of one order for {sym}: split it"
                ),
            );
        }
        let Some(min) = self.min_notional.filter(|_| order.value_checked()) else {
            return;
        };
        let limit_price = order
            .prices
            .iter()
            .find(|(_, _, u)| *u == PriceUse::Limit)
            .map(|(_, p, _)| *p);
        let (price, estimated) = match (order.kind, limit_price, reference) {
            (OrderKind::Limit, Some(p), _) => (p, None),
            (_, _, Some(r)) => (r.price, Some(r.source)),
            _ => return,
        };
        // Unchecked, price × size could overflow on a caller's number: such an order is worth
        // more than any minimum.
        let Some(value) = price.checked_mul(size) else {
            return;
        };
        if value < min {
            let how = match estimated {
                None => format!("{price} × {size} = {value}"),
                Some(source) => format!(
                    "an estimated {value} ({size} at the {} price {price}; a market order's value is only known once it fills)",
                    match source {
                        ReferenceSource::Last => "last",
                        ReferenceSource::Mark => "mark",
                        ReferenceSource::Index => "index",
                        ReferenceSource::Given => "given",
                    }
                ),
            };
            push(
                out,
                at,
                size_field,
                RuleKind::MinNotional,
                format!(
                    "the order is worth {how} {q}, less than the minimum amount {min} {q} for {sym}",
                    q = self.quote_coin
                ),
            );
        }
    }

    fn check_band(
        &self,
        order: &OrderNumbers,
        field: &'static str,
        price: Decimal,
        reference: Reference,
        out: &mut Violations,
    ) {
        let sym = &self.symbol;
        let r = reference.price;
        match order.side {
            None => {}
            Some(Side::Buy) => {
                // Checked: the reference and the ratio come from the network.
                let highest = (self.buy_band).and_then(|ratio| {
                    Some((ratio, r.checked_mul(Decimal::ONE.checked_add(ratio)?)?))
                });
                if let Some((ratio, highest)) = highest {
                    if price > highest {
                        push(
                            out,
                            &order.at,
                            field,
                            RuleKind::PriceBand,
                            format!(
                                "`{field}` {price} is above the highest buy price {highest} for {sym} ({ratio} above the reference {r})"
                            ),
                        );
                    }
                }
            }
            Some(Side::Sell) => {
                let lowest = (self.sell_band).and_then(|ratio| {
                    Some((ratio, r.checked_mul(Decimal::ONE.checked_sub(ratio)?)?))
                });
                if let Some((ratio, lowest)) = lowest {
                    if price < lowest {
                        push(
                            out,
                            &order.at,
                            field,
                            RuleKind::PriceBand,
                            format!(
                                "`{field}` {price} is below the lowest sell price {lowest} for {sym} ({ratio} below the reference {r})"
                            ),
                        );
                    }
                }
            }
        }
    }

    /// The rules `order` breaks, as one validation error (`target` names the request), or
    /// `Ok`.
    pub fn check(
        &self,
        target: &'static str,
        order: &OrderNumbers,
        reference: Option<Reference>,
    ) -> Result<(), bitget_core::ValidationError> {
        let mut out = Violations::default();
        self.check_into(order, reference, &mut out);
        out.finish(target)
    }
}
