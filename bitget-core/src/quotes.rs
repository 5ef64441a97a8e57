//! The arrays Bitget's market endpoints send instead of objects: order-book levels
//! (`["26347.5", "0.25"]`, or JSON numbers on the futures merge-depth) and candles
//! (`[ts, open, high, low, close, baseVolume, quoteVolume]`, sometimes one value more).

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{Error as _, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// A number sent as a string or a JSON number: a `Decimal` by default, an `i64` for times.
struct Num<T = Decimal>(T);

impl<'de, T: std::str::FromStr> Deserialize<'de> for Num<T>
where
    T::Err: fmt::Display,
{
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::wire::de::number(d).map(Num)
    }
}

/// One level of an order book: `[price, size]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct PriceLevel {
    /// Price.
    pub price: Decimal,
    /// Size at that price (base coin).
    pub size: Decimal,
}

/// Written back as Bitget sends it: `["price", "size"]`, decimals as text.
impl serde::Serialize for PriceLevel {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.price.to_string(), self.size.to_string()].serialize(s)
    }
}

impl<'de> Deserialize<'de> for PriceLevel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let [price, size] = <[Num; 2]>::deserialize(d)?;
        Ok(PriceLevel {
            price: price.0,
            size: size.0,
        })
    }
}

/// One candle: `[ts, open, high, low, close, baseVolume, quoteVolume]`, and on some endpoints an
/// eighth value (`usdtVolume` on v2 spot candles). Fields past the eighth are ignored, so a longer
/// array from a newer revision still reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Candle {
    /// Start of the candle, Unix milliseconds.
    pub ts: i64,
    /// Open price.
    pub open: Decimal,
    /// Highest price.
    pub high: Decimal,
    /// Lowest price.
    pub low: Decimal,
    /// Close price.
    pub close: Decimal,
    /// Volume in base coin.
    pub base_volume: Decimal,
    /// Volume in quote coin.
    pub quote_volume: Decimal,
    /// The eighth value when sent (USDT volume on v2 spot).
    pub extra: Option<Decimal>,
}

/// Written back as Bitget sends it: an array of texts, the time first, the eighth value when
/// there is one.
impl serde::Serialize for Candle {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut values = vec![
            self.ts.to_string(),
            self.open.to_string(),
            self.high.to_string(),
            self.low.to_string(),
            self.close.to_string(),
            self.base_volume.to_string(),
            self.quote_volume.to_string(),
        ];
        values.extend(self.extra.map(|e| e.to_string()));
        values.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Candle {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Candle;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a candle: an array of at least 7 numbers")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Candle, A::Error> {
                // The time is whole milliseconds: read as an integer, a fraction is refused.
                let ts = seq
                    .next_element::<Num<i64>>()?
                    .ok_or_else(|| A::Error::invalid_length(0, &self))?
                    .0;
                let mut values = [Decimal::ZERO; 6];
                for (i, slot) in values.iter_mut().enumerate() {
                    *slot = seq
                        .next_element::<Num>()?
                        .ok_or_else(|| A::Error::invalid_length(i + 1, &self))?
                        .0;
                }
                let extra = seq.next_element::<Num>()?.map(|n| n.0);
                // Ignore anything further.
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Candle {
                    ts,
                    open: values[0],
                    high: values[1],
                    low: values[2],
                    close: values[3],
                    base_volume: values[4],
                    quote_volume: values[5],
                    extra,
                })
            }
        }
        d.deserialize_seq(V)
    }
}

/// An array's positions as paths (`[0]`, `[1]`, ...), for documented tables that name them.
fn positions(prefix: &str, count: usize, out: &mut Vec<String>) {
    out.extend((0..count).map(|i| format!("{prefix}[{i}]")));
}

impl crate::wire::WireShape for PriceLevel {
    fn wire_paths(prefix: &str, out: &mut Vec<String>) {
        positions(prefix, 2, out);
    }
}

impl crate::wire::WireShape for Candle {
    fn wire_paths(prefix: &str, out: &mut Vec<String>) {
        positions(prefix, 8, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_read_from_strings_and_numbers() {
        let l: Vec<PriceLevel> = serde_json::from_str(r#"[["26347.5","0.25"],[26346.5, 16]]"#)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(l[0].price, Decimal::new(263475, 1));
        assert_eq!(l[1].size, Decimal::from(16));
        assert!(serde_json::from_str::<PriceLevel>(r#"["1"]"#).is_err());
    }

    #[test]
    fn candles_read_seven_or_eight_values_and_refuse_fewer() {
        let c: Candle = serde_json::from_str(
            r#"["1695835800000","26210.5","26210.5","26194.5","26194.5","26.26","687897.63","687897.63"]"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.ts, 1_695_835_800_000);
        assert_eq!(c.extra, Some(Decimal::new(68789763, 2)));
        let c: Candle = serde_json::from_str(r#"[1695835800000,1,2,0.5,1.5,10,15]"#)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((c.low, c.extra), (Decimal::new(5, 1), None));
        assert!(serde_json::from_str::<Candle>(r#"["1","2"]"#).is_err());
        assert!(serde_json::from_str::<Candle>(r#"["1.5","1","1","1","1","1","1"]"#).is_err());
    }

    #[test]
    fn a_candles_columns_land_in_their_fields() {
        let c: Candle = serde_json::from_str(r#"["7","1","2","3","4","5","6"]"#)
            .unwrap_or_else(|e| panic!("{e}"));
        let columns = [
            c.open,
            c.high,
            c.low,
            c.close,
            c.base_volume,
            c.quote_volume,
        ];
        assert_eq!((c.ts, columns), (7, [1, 2, 3, 4, 5, 6].map(Decimal::from)));
    }
}
