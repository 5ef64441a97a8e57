//! What an order's numbers must satisfy on its instrument, read from Bitget's instruments
//! endpoints: rounding that says which way, and checks before anything is sent.
//!
//! The errors bot authors meet most on Bitget are numbers: a price off the tick or outside the
//! band (40808), a size off the step or below the minimum, an order worth less than the minimum
//! (45110 "less than the minimum amount 5 USDT"). [`InstrumentRules`] holds one instrument's
//! figures, read from v2 contracts ([`mix::market::Contracts`](crate::mix::market::Contracts)),
//! v2 spot symbols ([`spot::public::Symbols`](crate::spot::public::Symbols)) or v3 instruments
//! ([`uta::market::Instruments`](crate::uta::market::Instruments)); [`Rulebook`] loads them once
//! per product line and client, refreshed when asked, and checks a request against them in the
//! same validation error as its declared rules.
//!
//! ```no_run
//! # async fn run() -> Result<(), bitget_endpoints::Error> {
//! use bitget_endpoints::Decimal;
//! use bitget_endpoints::instrument::{Line, Rounding, Rulebook, Side};
//! use bitget_endpoints::mix::ProductType;
//! let client = bitget_endpoints::Client::from_env()?;
//! let rulebook = Rulebook::new(&client);
//! let btc = rulebook.rules(&Line::Futures(ProductType::UsdtFutures), "BTCUSDT").await?;
//! // A maker buy at 60000.07 on a 0.1 tick rests at 60000.0; a size of 0.01234 on a 0.001
//! // step is 0.012.
//! let price = btc.passive_price(Decimal::new(6_000_007, 2), Side::Buy)?;
//! let size = btc.round_size(Decimal::new(1234, 5), Rounding::Down)?;
//! println!("{price} {size}");
//! # Ok(()) }
//! ```

mod check;
mod read;
mod requests;
mod rulebook;

use std::fmt;

use bitget_core::Decimal;

pub use check::{
    OrderKind, OrderNumbers, PathSeg, PositionEffect, PriceUse, Reference, ReferenceSource,
};
pub use rulebook::{Numbered, Rulebook};

/// The product line an instrument belongs to, which says which endpoint describes it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Line {
    /// v2 spot (Classic accounts): `/api/v2/spot/public/symbols`.
    #[cfg(feature = "spot")]
    Spot,
    /// v2 futures of a product type (Classic accounts): `/api/v2/mix/market/contracts`.
    #[cfg(feature = "mix")]
    Futures(crate::mix::ProductType),
    /// v3 (Unified accounts) of a category: `/api/v3/market/instruments`.
    #[cfg(feature = "uta")]
    Unified(crate::uta::Category),
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            #[cfg(feature = "spot")]
            Line::Spot => f.write_str("v2 spot"),
            #[cfg(feature = "mix")]
            Line::Futures(p) => write!(f, "v2 {p}"),
            #[cfg(feature = "uta")]
            Line::Unified(c) => write!(f, "v3 {c}"),
            #[allow(unreachable_patterns)] // with no family feature the enum is empty
            _ => Ok(()),
        }
    }
}

/// Buy or sell, for rounding and the band (each family's own `Side` converts into it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// A buy: its band is above the market, its passive rounding is down.
    Buy,
    /// A sell: its band is below the market, its passive rounding is up.
    Sell,
}

/// Which way a number is rounded to its step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rounding {
    /// Towards zero (never more than asked).
    Down,
    /// Away from zero.
    Up,
    /// To the nearest multiple; a half step goes away from zero (up for the positive
    /// numbers prices and sizes are).
    Nearest,
}

/// Whether an instrument takes orders now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Trading.
    Trading,
    /// Only orders that reduce a position (v2 `limit_open`, v3 `limit_open`): an order that
    /// opens is refused.
    CloseOnly(String),
    /// No orders (suspended, delisted, in maintenance, not yet listed): Bitget's word for it.
    Halted(String),
}

/// A rounding that cannot give a usable number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundError {
    /// What was rounded (`price`, `size`, `quote amount`).
    pub what: &'static str,
    /// The number given.
    pub value: Decimal,
    /// The step it was rounded to.
    pub step: Decimal,
    /// The instrument.
    pub symbol: String,
}

impl fmt::Display for RoundError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.step <= Decimal::ZERO {
            write!(
                f,
                "{} {} cannot be rounded: the step of {} is {}, not a positive number",
                self.what, self.value, self.symbol, self.step
            )
        } else if self.value.is_zero() || self.value.abs() < self.step {
            write!(
                f,
                "{} {} rounds to 0 at the step {} of {}: nothing would be ordered",
                self.what, self.value, self.step, self.symbol
            )
        } else {
            write!(
                f,
                "{} {} is too large to round to the step {} of {}",
                self.what, self.value, self.step, self.symbol
            )
        }
    }
}

impl std::error::Error for RoundError {}

impl From<RoundError> for bitget_core::Error {
    fn from(e: RoundError) -> Self {
        let path = match e.what {
            "price" => "price",
            _ => "size",
        };
        let mut out = bitget_core::validate::Violations::default();
        let kind = if path == "price" {
            bitget_core::RuleKind::Tick
        } else {
            bitget_core::RuleKind::Step
        };
        out.push(
            &bitget_core::validate::Path::ROOT.field(path),
            kind,
            e.to_string(),
        );
        match out.finish("rounding") {
            Err(v) => v.into(),
            Ok(()) => bitget_core::Error::config(e.to_string()),
        }
    }
}

/// What one instrument's orders must satisfy, as its instruments endpoint states it.
///
/// Every figure is what the line's endpoint says, read as the catalogues explain (see each
/// constructor: [`InstrumentRules::from_contract`], [`InstrumentRules::from_spot_symbol`],
/// [`InstrumentRules::from_instrument`]); a figure the endpoint does not give is `None` and
/// not checked.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct InstrumentRules {
    /// The product line.
    pub line: Line,
    /// The symbol, e.g. BTCUSDT.
    pub symbol: String,
    /// The quote coin (what a notional is counted in).
    pub quote_coin: String,
    /// Prices are multiples of this.
    pub tick: Decimal,
    /// Sizes (base coin, or contracts) are multiples of this.
    pub step: Decimal,
    /// A market buy's quote amount is a multiple of this (spot), when known.
    pub quote_step: Option<Decimal>,
    /// The smallest size.
    pub min_size: Option<Decimal>,
    /// The largest size of a limit order.
    pub max_size: Option<Decimal>,
    /// The largest size of a market order.
    pub max_market_size: Option<Decimal>,
    /// The smallest order value, price × size, in the quote coin.
    pub min_notional: Option<Decimal>,
    /// A buy's price may be at most this fraction above the reference price (0.05: 5%).
    pub buy_band: Option<Decimal>,
    /// A sell's price may be at most this fraction below the reference price.
    pub sell_band: Option<Decimal>,
    /// Whether it takes orders.
    pub status: Status,
}

impl InstrumentRules {
    /// Rules with a tick and a step and nothing else (a test's instrument, or one described
    /// elsewhere): every other figure unset, trading.
    pub fn new(line: Line, symbol: impl Into<String>, tick: Decimal, step: Decimal) -> Self {
        InstrumentRules {
            line,
            symbol: symbol.into(),
            quote_coin: String::new(),
            tick,
            step,
            quote_step: None,
            min_size: None,
            max_size: None,
            max_market_size: None,
            min_notional: None,
            buy_band: None,
            sell_band: None,
            status: Status::Trading,
        }
    }

    /// `price` on the tick, rounded the way asked. Refused when it would round to 0.
    pub fn round_price(&self, price: Decimal, rounding: Rounding) -> Result<Decimal, RoundError> {
        round_to(price, self.tick, rounding).ok_or_else(|| RoundError {
            what: "price",
            value: price,
            step: self.tick,
            symbol: self.symbol.clone(),
        })
    }

    /// `price` on the tick on the passive side: a buy rounds down and a sell up, so rounding
    /// never makes a maker order cross the book.
    pub fn passive_price(&self, price: Decimal, side: Side) -> Result<Decimal, RoundError> {
        let rounding = match side {
            Side::Buy => Rounding::Down,
            Side::Sell => Rounding::Up,
        };
        self.round_price(price, rounding)
    }

    /// `size` on the step, rounded the way asked ([`Rounding::Down`] orders no more than
    /// asked). Refused when it would round to 0, rather than ordering nothing.
    pub fn round_size(&self, size: Decimal, rounding: Rounding) -> Result<Decimal, RoundError> {
        round_to(size, self.step, rounding).ok_or_else(|| RoundError {
            what: "size",
            value: size,
            step: self.step,
            symbol: self.symbol.clone(),
        })
    }

    /// A market buy's quote amount, down to the quote step (unchanged when the step is not
    /// known). Refused when it would round to 0.
    pub fn round_quote(&self, amount: Decimal) -> Result<Decimal, RoundError> {
        let Some(step) = self.quote_step else {
            return Ok(amount);
        };
        round_to(amount, step, Rounding::Down).ok_or_else(|| RoundError {
            what: "quote amount",
            value: amount,
            step,
            symbol: self.symbol.clone(),
        })
    }
}

/// `value` as a multiple of `step`, rounded as asked; `None` when that is 0 while `value` was
/// not, when the step is not positive, or when the result would not fit a `Decimal`.
pub(crate) fn round_to(value: Decimal, step: Decimal, rounding: Rounding) -> Option<Decimal> {
    if step <= Decimal::ZERO {
        return None;
    }
    let exact = value.checked_div(step)?;
    let away = if exact.is_sign_negative() {
        -Decimal::ONE
    } else {
        Decimal::ONE
    };
    // Checked: a caller's number near Decimal's limit is refused, not a panic.
    let steps = match rounding {
        Rounding::Down => exact.trunc(),
        Rounding::Up if exact.fract().is_zero() => exact,
        Rounding::Up => exact.trunc().checked_add(away)?,
        Rounding::Nearest => exact.checked_add(away / Decimal::TWO)?.trunc(),
    };
    let rounded = steps.checked_mul(step)?.normalize();
    if rounded.is_zero() && !value.is_zero() {
        return None;
    }
    Some(rounded)
}

/// Whether `value` is a whole multiple of `step`.
pub(crate) fn on_step(value: Decimal, step: Decimal) -> bool {
    step > Decimal::ZERO && value.checked_rem(step).is_some_and(|r| r.is_zero())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn rounding_says_which_way_and_never_rounds_to_nothing() {
        let tick = d("0.5");
        assert_eq!(round_to(d("100.7"), tick, Rounding::Down), Some(d("100.5")));
        assert_eq!(round_to(d("100.7"), tick, Rounding::Up), Some(d("101")));
        assert_eq!(
            round_to(d("100.75"), tick, Rounding::Nearest),
            Some(d("101"))
        );
        assert_eq!(
            round_to(d("100.74"), tick, Rounding::Nearest),
            Some(d("100.5"))
        );
        assert_eq!(round_to(d("100.5"), tick, Rounding::Up), Some(d("100.5")));
        assert_eq!(round_to(d("0.0004"), d("0.001"), Rounding::Down), None);
        assert_eq!(
            round_to(d("0.0004"), d("0.001"), Rounding::Up),
            Some(d("0.001"))
        );
        assert_eq!(round_to(d("1"), Decimal::ZERO, Rounding::Down), None);
        // Near Decimal's limit: refused, never a panic.
        assert_eq!(round_to(Decimal::MAX, d("0.5"), Rounding::Up), None);
        for value in [Decimal::MAX, Decimal::MIN, Decimal::MAX - Decimal::ONE] {
            for step in [d("3"), d("7"), d("0.9"), Decimal::ONE] {
                for rounding in [Rounding::Down, Rounding::Up, Rounding::Nearest] {
                    if let Some(r) = round_to(value, step, rounding) {
                        assert!(on_step(r, step), "{value} {step} {rounding:?}: {r}");
                    }
                }
            }
        }
        assert!(on_step(d("60000.5"), tick) && !on_step(d("60000.05"), d("0.1")));
    }
}
