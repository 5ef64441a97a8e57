//! How values look on the wire: enums that survive unknown values, and lenient readers for the
//! shapes Bitget's answers take (numbers as strings, `null` lists).

use std::fmt;

use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{Deserializer, Error as _, Visitor};

/// A value with a text form on the wire, which rules such as `required_if(x = "tpsl")` compare.
pub trait WireStr {
    /// The wire text, or `None` when the value is unset.
    fn wire_str(&self) -> Option<&str>;
}

impl WireStr for String {
    fn wire_str(&self) -> Option<&str> {
        Some(self)
    }
}

impl WireStr for &str {
    fn wire_str(&self) -> Option<&str> {
        Some(self)
    }
}

impl<T: WireStr> WireStr for Option<T> {
    fn wire_str(&self) -> Option<&str> {
        self.as_ref().and_then(WireStr::wire_str)
    }
}

/// Whether a value counts as set: `None` and a blank text do not. Bitget treats `"orderId": ""`
/// as absent (the cancel-plan-order example), and answers `""`, `null` or nothing for the same
/// field (`all-position` sends `takeProfit: ""` where `single-position` sends `null`). The rules
/// of a request use it, and so does an optional response field (`wire::de::opt`).
#[diagnostic::on_unimplemented(
    message = "cannot tell whether a `{Self}` is set",
    label = "texts, numbers, enums, lists, `Option`s of them and `#[bitget_response]` types can: declare it with `#[bitget_response]` or `wire_enum!`, or implement `bitget_core::wire::Presence`"
)]
pub trait Presence {
    /// Whether the value is set.
    fn is_present(&self) -> bool;
}

impl Presence for String {
    fn is_present(&self) -> bool {
        !self.trim().is_empty()
    }
}

impl Presence for serde_json::Value {
    fn is_present(&self) -> bool {
        match self {
            serde_json::Value::Null => false,
            serde_json::Value::String(s) => !s.trim().is_empty(),
            _ => true,
        }
    }
}

impl<T: Presence> Presence for Option<T> {
    fn is_present(&self) -> bool {
        self.as_ref().is_some_and(Presence::is_present)
    }
}

impl<T> Presence for Vec<T> {
    fn is_present(&self) -> bool {
        // A present list is set; an empty one is the `non_empty` rule's business.
        true
    }
}

macro_rules! always_present {
    ($($t:ty),*) => {$(impl Presence for $t { fn is_present(&self) -> bool { true } })*};
}
always_present!(
    bool, u8, u16, u32, u64, u128, i8, i16, i32, i64, i128, Decimal
);

/// Declares a wire enum: known values as variants, anything else kept in `Unknown(String)`.
///
/// Reading ignores ASCII case (Bitget's examples write `usdt-futures` where tables write
/// `USDT-FUTURES`) and accepts the spellings listed after `|` (`Cancelled = "cancelled" |
/// "canceled"`); writing always sends the declared form.
///
/// Answers keep values this version does not know (`Unknown`), since Bitget adds values. In a
/// request such a value is almost always a typo, so validation refuses it, listing the known ones;
/// a value the library does not list yet is sent on purpose through `unlisted(...)`. Parsing text
/// (`"usdt-futures".parse()`) fails on an unknown value.
///
/// ```
/// bitget_core::wire_enum! {
///     /// Order side.
///     pub enum Side {
///         /// Buy.
///         Buy = "buy",
///         /// Sell.
///         Sell = "sell",
///     }
/// }
/// assert_eq!("BUY".parse::<Side>().unwrap(), Side::Buy);
/// assert_eq!(Side::Sell.as_str(), "sell");
/// assert!("hold".parse::<Side>().is_err());
/// let read: Side = serde_json::from_str("\"hold\"").unwrap();
/// assert_eq!(read, Side::Unknown("hold".into()));
/// assert_eq!(Side::unlisted("hold").as_str(), "hold");
/// ```
#[macro_export]
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal $(| $alias:literal)* ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version does not know, as read from an answer (or converted from text
            /// with `From<&str>`). Refused when sent in a request: see `unlisted`.
            Unknown(::std::string::String),
            /// A value this version does not list, sent on purpose: made by `unlisted`, never read
            /// from an answer.
            Unlisted(::std::string::String),
        }

        impl $name {
            /// Every known value.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The wire form of every known value.
            pub const WIRE_VALUES: &'static [&'static str] = &[$($wire),+];

            /// The wire form.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $wire, )+
                    $name::Unknown(s) | $name::Unlisted(s) => s,
                }
            }

            /// A value this version of the library does not list, to be sent as given: the
            /// explicit way past the validation that refuses unknown values in requests.
            /// A text that names a known value (in any case) is that value, so rules that compare
            /// with it still apply.
            pub fn unlisted(value: impl ::std::convert::Into<::std::string::String>) -> Self {
                let value = value.into();
                match value.parse() {
                    ::std::result::Result::Ok(known) => known,
                    ::std::result::Result::Err(_) => $name::Unlisted(value),
                }
            }

            /// Whether this is one of the values the library lists.
            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Unknown(_) | $name::Unlisted(_))
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::wire::UnknownValue;
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                $(
                    if s.eq_ignore_ascii_case($wire) $(|| s.eq_ignore_ascii_case($alias))* {
                        return ::std::result::Result::Ok($name::$variant);
                    }
                )+
                ::std::result::Result::Err($crate::wire::UnknownValue::new(
                    ::std::stringify!($name),
                    s,
                    $name::WIRE_VALUES,
                ))
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(s: &str) -> Self {
                match s.parse() {
                    ::std::result::Result::Ok(v) => v,
                    ::std::result::Result::Err(_) => $name::Unknown(::std::borrow::ToOwned::to_owned(s)),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                let s = $crate::__private::wire::deserialize_str(d)?;
                ::std::result::Result::Ok(<$name as ::std::convert::From<&str>>::from(&*s))
            }
        }

        impl $crate::wire::WireStr for $name {
            fn wire_str(&self) -> ::std::option::Option<&str> {
                ::std::option::Option::Some(self.as_str())
            }
        }

        impl $crate::wire::Presence for $name {
            fn is_present(&self) -> bool {
                !self.as_str().trim().is_empty()
            }
        }


        #[doc(hidden)]
        impl $crate::validate::Validate for $name {
            fn validate_at(&self, path: &$crate::validate::Path<'_>, out: &mut $crate::validate::Violations) {
                if let $name::Unknown(value) = self {
                    $crate::__private::rules::known_value(out, path, ::std::stringify!($name), value, $name::WIRE_VALUES);
                }
            }
        }
    };
}

/// Text that names none of an enum's known values (from `str::parse` on a wire enum).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    /// The enum's name, such as `ProductType`.
    pub type_name: &'static str,
    /// The text that was parsed.
    pub value: String,
    /// The known values' wire forms.
    pub known: &'static [&'static str],
}

impl UnknownValue {
    /// The error for `value`, which is none of `known`.
    pub fn new(type_name: &'static str, value: &str, known: &'static [&'static str]) -> Self {
        UnknownValue {
            type_name,
            value: value.to_owned(),
            known,
        }
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a known {}: expected one of {} (any case)",
            self.value,
            self.type_name,
            self.known.join(", ")
        )
    }
}

impl std::error::Error for UnknownValue {}

/// Reads a string, borrowed when the input allows it (used by [`wire_enum!`]).
#[doc(hidden)]
pub fn deserialize_str<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<std::borrow::Cow<'de, str>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = std::borrow::Cow<'de, str>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(std::borrow::Cow::Borrowed(v))
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(std::borrow::Cow::Owned(v.to_owned()))
        }
    }
    d.deserialize_str(V)
}

/// A JSON number or a string holding one; `null` and `""` read as absent.
#[derive(Deserialize)]
#[serde(untagged)]
enum NumberLike {
    Owned(String),
    Int(i64),
    Uint(u64),
    Float(f64),
}

fn number_text(n: &NumberLike) -> Option<String> {
    match n {
        NumberLike::Owned(s) => Some(s.clone()),
        NumberLike::Int(i) => Some(i.to_string()),
        NumberLike::Uint(u) => Some(u.to_string()),
        // A float is formatted by its shortest round-trip form, which Decimal parses exactly.
        NumberLike::Float(f) => Some(f.to_string()),
    }
    .filter(|s| !s.trim().is_empty())
}

/// Writers for request fields: Bitget reads most numbers in a request as strings.
pub mod ser {
    use serde::Serializer;

    /// An integer written as a JSON string (`"100"`), as Bitget's request tables type them.
    pub fn text<S: Serializer, T: std::fmt::Display>(value: &T, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(value)
    }

    /// [`text`] for an optional field (which is skipped when `None`).
    pub fn opt_text<S: Serializer, T: std::fmt::Display>(
        value: &Option<T>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => s.collect_str(v),
            None => s.serialize_none(),
        }
    }
}

/// Lenient readers for response fields, used by `#[bitget_response]` (and usable by hand with
/// `#[serde(deserialize_with = ...)]`).
pub mod de {
    use super::*;

    /// A list that may be `null` or absent (with `#[serde(default)]`): both read as empty.
    pub fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
        Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
    }

    /// A required value: an optional reader's `None` (`null` or `""`) is an error.
    fn present<T, E: serde::de::Error>(value: Option<T>, expected: &str) -> Result<T, E> {
        value.ok_or_else(|| E::custom(format!("expected {expected}, got null or an empty string")))
    }

    /// An optional field: `null`, `""` and absence (with `#[serde(default)]`) read as `None`.
    pub fn opt<'de, D: Deserializer<'de>, T: Deserialize<'de> + super::Presence>(
        d: D,
    ) -> Result<Option<T>, D::Error> {
        Ok(Option::<T>::deserialize(d)?.filter(super::Presence::is_present))
    }

    /// A boolean sent as `true` or as the string `"true"` (`spot/public/coins` sends the text).
    pub fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        present(opt_flag(d)?, "a boolean")
    }

    /// Like [`flag`], with `null`, `""` and absence as `None`.
    pub fn opt_flag<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Flag {
            Bool(bool),
            Text(String),
        }
        match Option::<Flag>::deserialize(d)? {
            None => Ok(None),
            Some(Flag::Bool(b)) => Ok(Some(b)),
            Some(Flag::Text(t)) => match t.trim().to_ascii_lowercase().as_str() {
                "" => Ok(None),
                "true" | "yes" => Ok(Some(true)),
                "false" | "no" => Ok(Some(false)),
                _ => Err(D::Error::custom(format!("`{t}` is not a boolean"))),
            },
        }
    }

    /// A Unix timestamp in milliseconds, sent as a string or a number; a value below 10^12 is
    /// taken as seconds and converted (some of Bitget's examples show 10-digit `cTime` values where
    /// the table says ms; reading them as seconds is a guess, the safest reading of a
    /// 1970s millisecond date).
    pub fn timestamp<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        present(opt_timestamp(d)?, "a timestamp")
    }

    /// Like [`timestamp`], with `null`, `""` and absence as `None`.
    pub fn opt_timestamp<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        const SECONDS_BELOW: i64 = 1_000_000_000_000;
        Ok(opt_number::<D, i64>(d)?.map(|t| {
            if (0..SECONDS_BELOW).contains(&t) {
                t * 1000
            } else {
                t
            }
        }))
    }

    /// A JSON document sent inside a string (spot `orderInfo`'s `feeDetail`), or sent as itself.
    pub fn json_string<'de, D: Deserializer<'de>, T: serde::de::DeserializeOwned>(
        d: D,
    ) -> Result<T, D::Error> {
        present(opt_json_string(d)?, "JSON")
    }

    /// Like [`json_string`], with `null`, `""` and absence as `None`.
    pub fn opt_json_string<'de, D: Deserializer<'de>, T: serde::de::DeserializeOwned>(
        d: D,
    ) -> Result<Option<T>, D::Error> {
        match Option::<serde_json::Value>::deserialize(d)? {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(text)) if text.trim().is_empty() => Ok(None),
            Some(serde_json::Value::String(text)) => serde_json::from_str(&text)
                .map(Some)
                .map_err(|e| D::Error::custom(format!("the JSON inside the string: {e}"))),
            Some(other) => serde_json::from_value(other)
                .map(Some)
                .map_err(D::Error::custom),
        }
    }

    /// A value that may be `null`: reads as `T::default()`.
    pub fn or_default<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(
        d: D,
    ) -> Result<T, D::Error> {
        Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
    }

    /// A number sent as a string or a number, into any `FromStr` type (`Decimal`, integers).
    pub fn number<'de, D: Deserializer<'de>, T: std::str::FromStr>(d: D) -> Result<T, D::Error>
    where
        T::Err: fmt::Display,
    {
        present(opt_number(d)?, "a number")
    }

    /// Like [`number`], with `null`, `""` and absence (with `#[serde(default)]`) as `None`.
    pub fn opt_number<'de, D: Deserializer<'de>, T: std::str::FromStr>(
        d: D,
    ) -> Result<Option<T>, D::Error>
    where
        T::Err: fmt::Display,
    {
        let Some(n) = Option::<NumberLike>::deserialize(d)? else {
            return Ok(None);
        };
        match number_text(&n) {
            None => Ok(None),
            Some(text) => text
                .trim()
                .parse()
                .map(Some)
                .map_err(|e| D::Error::custom(format!("`{text}` is not a valid number: {e}"))),
        }
    }
}

#[cfg(test)]
#[allow(unreachable_pub, dead_code)]
mod tests {
    use super::*;

    crate::wire_enum! {
        /// test
        pub enum Kind {
            /// a
            UsdtFutures = "USDT-FUTURES",
            /// b
            Normal = "normal",
        }
    }

    #[derive(Deserialize, Debug)]
    struct R {
        #[serde(default, deserialize_with = "de::list")]
        list: Vec<u8>,
        #[serde(default, deserialize_with = "de::opt_number")]
        price: Option<Decimal>,
        #[serde(deserialize_with = "de::number")]
        size: u64,
    }

    #[test]
    fn enums_read_any_case_and_keep_unknowns() {
        let k: Kind = serde_json::from_str("\"usdt-futures\"").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(k, Kind::UsdtFutures);
        assert_eq!(
            serde_json::to_string(&k).ok().as_deref(),
            Some("\"USDT-FUTURES\"")
        );
        let k: Kind = serde_json::from_str("\"brand_new\"").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(k, Kind::Unknown("brand_new".into()));
        assert!(!k.is_known() && Kind::Normal.is_known());
        assert_eq!(
            serde_json::to_string(&k).ok().as_deref(),
            Some("\"brand_new\"")
        );
    }

    #[test]
    fn lenient_numbers_and_lists() {
        let r: R = serde_json::from_str(r#"{"list":null,"price":"1.50","size":"7"}"#)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(r.list.is_empty());
        assert_eq!(r.price, Some(Decimal::new(150, 2)));
        assert_eq!(r.size, 7);
        let r: R =
            serde_json::from_str(r#"{"price":"","size":7}"#).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.price, None);
        let r: R =
            serde_json::from_str(r#"{"price":0.1,"size":7}"#).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.price, Some(Decimal::new(1, 1)));
        assert!(serde_json::from_str::<R>(r#"{"size":"x"}"#).is_err());
    }

    #[test]
    fn presence_treats_empty_text_as_unset() {
        assert!(!Some(String::new()).is_present());
        assert!(!None::<String>.is_present());
        assert!(Some("1".to_owned()).is_present());
        assert!(Some(Vec::<u8>::new()).is_present());
    }
}
