//! A push frame read the way the connection reads it: the envelope (`arg`, `action`, `ts`)
//! borrowed from the frame's text, its `data` kept as the text it arrived in and decoded once,
//! straight into the channel's type, by the subscription that takes it. No tree of
//! `serde_json::Value`s is built for a push.
//!
//! Public so that recorded frames can be replayed through the same path (the `book_replay`
//! example does).

use std::borrow::Cow;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use std::any::{Any, TypeId};

use super::book::{Action, BookData, opt_i64};
#[cfg(doc)]
use super::channel::KEY_FIELDS;
use super::conn::Push;
use super::scan;

/// A push frame's parts, borrowed from its text.
#[derive(Debug, Clone)]
pub struct RawPush<'a> {
    key: String,
    action: Action,
    data: &'a str,
    /// The data read as books in the same pass ([`RawPush::parse_for`]).
    books: Option<Vec<BookData>>,
    ts: Option<i64>,
}

/// A push's data as the connection hands it to its subscription: the text, or (a book's) the
/// books already read from it.
#[derive(Debug)]
pub(super) enum Data {
    Text(Box<str>),
    Books(Vec<BookData>),
}

/// What of a frame tells a push from an answer: an answer has an `event` (or an `id`, the
/// answer to a request), a push an `arg` object and `data`.
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow, default)]
    event: Option<&'a RawValue>,
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    /// Read in the same pass (an array, as v2 answers to requests send, fails the envelope:
    /// not a push).
    #[serde(borrow, default)]
    arg: Option<ArgObject<'a>>,
    #[serde(borrow, default)]
    action: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    data: Option<&'a RawValue>,
    #[serde(default, deserialize_with = "opt_i64")]
    ts: Option<i64>,
}

impl<'a> RawPush<'a> {
    /// Reads a frame's envelope; `None` when it is not a push (an answer to a subscription or
    /// a request, an error, not JSON).
    pub fn parse(text: &'a str) -> Option<Self> {
        Self::parse_for(text, |_| false)
    }

    /// [`parse`](Self::parse), reading the data as books in the same pass when
    /// `books_for(key)` says the push's subscription is a book (as the connection does), so
    /// that [`decode`](Self::decode) into [`BookData`] does not read it again.
    pub fn parse_for(text: &'a str, books_for: impl Fn(&str) -> bool) -> Option<Self> {
        // The fast reader takes the frames Bitget sends; serde_json, anything it leaves.
        match scan::envelope(text, books_for) {
            Some(envelope) => {
                if envelope.answer {
                    return None;
                }
                Some(RawPush {
                    key: envelope.arg?,
                    action: scan::action(envelope.action),
                    data: envelope.data?,
                    books: envelope.books,
                    ts: envelope.ts,
                })
            }
            None => Self::parse_with_serde(text),
        }
    }

    /// [`parse`](Self::parse) through serde_json alone (what the fast reader is held to).
    pub(super) fn parse_with_serde(text: &'a str) -> Option<Self> {
        let envelope: Envelope<'a> = serde_json::from_str(text).ok()?;
        if envelope.event.is_some() || envelope.id.is_some() {
            return None;
        }
        Some(RawPush {
            key: envelope.arg?.0.key(),
            action: scan::action(envelope.action.as_deref()),
            data: envelope.data?.get(),
            books: None,
            ts: envelope.ts,
        })
    }

    /// The key of the subscription the push is for ([`Arg::key`](super::Arg::key) of its
    /// `arg`): the string fields among [`KEY_FIELDS`], lower case, in that order.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// `snapshot` or `update` (a push that says neither replaces, as a snapshot does).
    pub fn action(&self) -> Action {
        self.action
    }

    /// The push's time, Unix ms.
    pub fn ts(&self) -> Option<i64> {
        self.ts
    }

    /// The push's `data`, as sent.
    pub fn data(&self) -> &'a str {
        self.data
    }

    /// The push decoded into the channel's type.
    pub fn decode<T: DeserializeOwned + 'static>(self) -> Result<Push<T>, serde_json::Error> {
        let (action, ts) = (self.action, self.ts);
        let data = match self.books.and_then(as_pushes) {
            Some(books) => books,
            None => decode_data(self.data)?,
        };
        Ok(Push { action, data, ts })
    }

    /// The parts the connection hands on: the key, the action, the data (books when read
    /// already, else a copy of the text) and the time.
    pub(super) fn into_parts(self) -> (String, Action, Data, Option<i64>) {
        let data = match self.books {
            Some(books) => Data::Books(books),
            None => Data::Text(self.data.into()),
        };
        (self.key, self.action, data, self.ts)
    }
}

/// A push's data decoded, or why not with the text it was (a decode error's body).
pub(super) type Decoded<T> = Result<Vec<T>, (serde_json::Error, Box<str>)>;

/// A push's data decoded as its subscription takes it: books read already, or the text.
pub(super) fn decode_push<T: DeserializeOwned + 'static>(data: Data) -> Decoded<T> {
    match data {
        Data::Text(text) => decode_data(&text).map_err(|e| (e, text)),
        // Books are handed only to a subscription whose pushes are `BookData` (the connection
        // asks `is_books` of it), so this holds.
        Data::Books(books) => as_pushes(books).ok_or_else(|| {
            let e = <serde_json::Error as serde::de::Error>::custom(
                "books handed to a subscription of another type",
            );
            (e, Box::from(""))
        }),
    }
}

/// Books as the pushes of a subscription of `T`: `Some` when `T` is [`BookData`].
fn as_pushes<T: 'static>(books: Vec<BookData>) -> Option<Vec<T>> {
    let mut books = Some(books);
    (&mut books as &mut dyn Any)
        .downcast_mut::<Option<Vec<T>>>()
        .and_then(Option::take)
}

/// Whether `T` is [`BookData`], whose data the connection reads as books in its first pass.
pub(super) fn is_books<T: 'static>() -> bool {
    TypeId::of::<T>() == TypeId::of::<BookData>()
}

/// A push's `data` text decoded: a list, or the one object v3's fast-fill sends where the
/// others send a list. `books` data, the most frequent push by far, is read by the fast reader
/// when it can vouch for it.
pub(super) fn decode_data<T: DeserializeOwned + 'static>(
    data: &str,
) -> Result<Vec<T>, serde_json::Error> {
    if is_books::<T>() {
        // Where the fast reader cannot vouch for the data, serde reads it below.
        if let Some(read) = scan::books(data).and_then(as_pushes) {
            return Ok(read);
        }
    }
    decode_with_serde(data)
}

/// [`decode_data`] through serde_json alone.
pub(super) fn decode_with_serde<T: DeserializeOwned>(
    data: &str,
) -> Result<Vec<T>, serde_json::Error> {
    if data.trim_start().starts_with('{') {
        serde_json::from_str::<T>(data).map(|one| vec![one])
    } else {
        serde_json::from_str::<Vec<T>>(data)
    }
}

/// The identifying fields of an arg object: the strings among them, borrowed from the frame.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct ArgFields<'a> {
    #[serde(rename = "instType", borrow)]
    inst_type: Field<'a>,
    #[serde(borrow)]
    channel: Field<'a>,
    #[serde(borrow)]
    topic: Field<'a>,
    #[serde(rename = "instId", borrow)]
    inst_id: Field<'a>,
    #[serde(borrow)]
    coin: Field<'a>,
    #[serde(borrow)]
    symbol: Field<'a>,
    #[serde(borrow)]
    interval: Field<'a>,
}

impl ArgFields<'_> {
    /// The subscription's key: the fields in the order of [`KEY_FIELDS`] (checked by a test).
    fn key(&self) -> String {
        let fields = [
            &self.inst_type,
            &self.channel,
            &self.topic,
            &self.inst_id,
            &self.coin,
            &self.symbol,
            &self.interval,
        ];
        scan::key(fields.into_iter().filter_map(|f| f.0.as_deref()))
    }
}

/// [`ArgFields`] from an object only (a derived struct also reads an array).
struct ArgObject<'a>(ArgFields<'a>);

impl<'de: 'a, 'a> Deserialize<'de> for ArgObject<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for V<'a> {
            type Value = ArgObject<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an arg object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                a: A,
            ) -> Result<ArgObject<'a>, A::Error> {
                ArgFields::deserialize(serde::de::value::MapAccessDeserializer::new(a))
                    .map(ArgObject)
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

/// A field of an arg: its text when it is a string (borrowed where it has no escapes), nothing
/// when it is anything else (which `Arg::key` leaves out too).
#[derive(Debug, Clone, Default)]
struct Field<'a>(Option<Cow<'a, str>>);

impl<'de: 'a, 'a> Deserialize<'de> for Field<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for V<'a> {
            type Value = Field<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("any value")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Field<'a>, E> {
                Ok(Field(Some(Cow::Borrowed(v))))
            }
            fn visit_str<E>(self, v: &str) -> Result<Field<'a>, E> {
                Ok(Field(Some(Cow::Owned(v.to_owned()))))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Field<'a>, E> {
                Ok(Field(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Field<'a>, E> {
                Ok(Field(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Field<'a>, E> {
                Ok(Field(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Field<'a>, E> {
                Ok(Field(None))
            }
            fn visit_unit<E>(self) -> Result<Field<'a>, E> {
                Ok(Field(None))
            }
            fn visit_none<E>(self) -> Result<Field<'a>, E> {
                Ok(Field(None))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<Field<'a>, A::Error> {
                while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Field(None))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<Field<'a>, A::Error> {
                while a
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(Field(None))
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// A push's key read both ways: the fast reader's (or serde's where it leaves the frame) and
/// serde's alone.
#[cfg(test)]
fn arg_keys(arg: &str) -> (String, String) {
    let frame = format!(r#"{{"arg":{arg},"data":[]}}"#);
    let key = |p: Option<RawPush<'_>>| p.map(|p| p.key().to_owned()).unwrap_or_default();
    (
        key(RawPush::parse(&frame)),
        key(RawPush::parse_with_serde(&frame)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stream::Arg;

    #[test]
    fn a_push_key_is_the_arg_key() {
        for arg in [
            r#"{"instType":"SPOT","channel":"books","instId":"BTCUSDT"}"#,
            r#"{"instType":"usdt-futures","topic":"kline","symbol":"BTCUSDT","interval":"1m"}"#,
            r#"{"channel":"account","coin":"default","instType":"SPOT","extra":1}"#,
            r#"{"instType":"SP\u004fT","channel":"ticker","instId":7,"symbol":"X"}"#,
            r#"{"instType":"SPOT","channel":{"a":[1]},"instId":[1,"x"],"symbol":null,"coin":true}"#,
            r#"{"coin":"USDT","interval":"5m","symbol":"ETHUSDT","instId":"A","topic":"t","channel":"c","instType":"I"}"#,
        ] {
            let value: serde_json::Value =
                serde_json::from_str(arg).unwrap_or_else(|e| panic!("{e}"));
            let expected = Arg::from_value(&value).map(|a| a.key());
            let (fast, serde) = arg_keys(arg);
            assert_eq!(Some(fast), expected, "{arg}");
            assert_eq!(Some(serde), expected, "{arg}");
        }
    }

    #[test]
    fn pushes_and_answers_are_told_apart() {
        let push = r#"{"action":"update","arg":{"instType":"SPOT","channel":"books","instId":"BTCUSDT"},"data":[{"asks":[],"bids":[]}],"ts":"17"}"#;
        let p = RawPush::parse(push).unwrap_or_else(|| panic!("a push"));
        assert_eq!(p.action(), Action::Update);
        assert_eq!(p.ts(), Some(17));
        assert_eq!(p.key(), "spot books btcusdt");
        assert_eq!(p.data(), r#"[{"asks":[],"bids":[]}]"#);
        let answers = [
            r#"{"event":"subscribe","arg":{"instType":"SPOT","channel":"books","instId":"BTCUSDT"}}"#,
            r#"{"event":"error","code":30001,"msg":"x"}"#,
            r#"{"id":"1","code":0,"data":[]}"#,
            r#"{"arg":[{"id":"1"}],"data":[]}"#,
            "pong",
        ];
        for a in answers {
            assert!(RawPush::parse(a).is_none(), "{a}");
        }
    }

    #[test]
    fn a_single_object_is_one_element() {
        let one: Vec<serde_json::Value> =
            decode_data(r#" {"a":1}"#).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(one.len(), 1);
        let two: Vec<serde_json::Value> =
            decode_data(r#"[{"a":1},{"a":2}]"#).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(two.len(), 2);
    }
}
