//! The types the generated builders are made of, public so that their pages in the docs link
//! somewhere a user can read.
//!
//! A required field is a type parameter of its builder: it starts as [`Unset`], and its setter
//! replaces it with the field's type. A field that may only be left out on purpose (a list whose
//! absence cancels everything) becomes [`LeftOut`] through its explicit method; its setter and that
//! method exclude each other at compile time.

use std::fmt;

use rust_decimal::Decimal;

/// A required builder field that is not set yet: `build()` does not compile while one remains.
#[derive(Debug, Clone, Copy, Default)]
pub struct Unset;

/// A field left out on purpose through its explicit method (such as `.cancel_all_orders()`).
#[derive(Debug, Clone, Copy, Default)]
pub struct LeftOut;

/// What a decimal setter takes: a [`Decimal`] (or an integer), or text that `build()` parses, a
/// failure being a violation that names the field.
///
/// Text is accepted because prices and sizes usually arrive as text (configuration, Bitget's own
/// answers); `build()` is where every mistake in a request is reported together.
#[derive(Clone, PartialEq, Eq)]
pub struct DecimalArg(Repr);

#[derive(Clone, PartialEq, Eq)]
enum Repr {
    Value(Decimal),
    Text(String),
}

impl DecimalArg {
    /// The decimal, or the text that is not one.
    pub fn parse(&self) -> Result<Decimal, &str> {
        match &self.0 {
            Repr::Value(d) => Ok(*d),
            Repr::Text(t) => t.trim().parse::<Decimal>().map_err(|_| t.as_str()),
        }
    }
}

impl fmt::Debug for DecimalArg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Value(d) => fmt::Debug::fmt(d, f),
            Repr::Text(t) => fmt::Debug::fmt(t, f),
        }
    }
}

impl From<Decimal> for DecimalArg {
    fn from(d: Decimal) -> Self {
        DecimalArg(Repr::Value(d))
    }
}

impl From<&Decimal> for DecimalArg {
    fn from(d: &Decimal) -> Self {
        DecimalArg(Repr::Value(*d))
    }
}

impl From<&str> for DecimalArg {
    fn from(t: &str) -> Self {
        DecimalArg(Repr::Text(t.to_owned()))
    }
}

impl From<String> for DecimalArg {
    fn from(t: String) -> Self {
        DecimalArg(Repr::Text(t))
    }
}

impl From<&String> for DecimalArg {
    fn from(t: &String) -> Self {
        DecimalArg(Repr::Text(t.clone()))
    }
}

macro_rules! from_integers {
    ($($t:ty),*) => {$(
        impl From<$t> for DecimalArg {
            fn from(n: $t) -> Self {
                DecimalArg(Repr::Value(Decimal::from(n)))
            }
        }
    )*};
}
from_integers!(i32, i64, u32, u64, usize);

/// What a decimal setter takes: a [`Decimal`], an integer or text (parsed at `build()`). A float
/// is refused on purpose: binary floats are not exact, and `0.1` would not be sent as written.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a value a decimal setter takes",
    label = "give a `Decimal`, an integer or text such as `\"0.5\"`",
    note = "a float is not exact in binary: convert it on purpose with `Decimal::try_from(x)` (or write the number as text)"
)]
pub trait DecimalInput {
    /// The value as the builder keeps it.
    fn into_arg(self) -> DecimalArg;
}

macro_rules! decimal_inputs {
    ($($t:ty),*) => {$(
        impl DecimalInput for $t {
            #[inline]
            fn into_arg(self) -> DecimalArg {
                DecimalArg::from(self)
            }
        }
    )*};
}
decimal_inputs!(
    Decimal, &Decimal, &str, String, &String, i32, i64, u32, u64, usize
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_args_parse_values_and_text() {
        assert_eq!(
            DecimalArg::from(Decimal::new(15, 1)).parse(),
            Ok(Decimal::new(15, 1))
        );
        assert_eq!(DecimalArg::from(" 0.25 ").parse(), Ok(Decimal::new(25, 2)));
        assert_eq!(DecimalArg::from(7u32).parse(), Ok(Decimal::from(7)));
        assert_eq!(DecimalArg::from("1,5").parse(), Err("1,5"));
        assert_eq!(DecimalArg::from(String::new()).parse(), Err(""));
    }
}
