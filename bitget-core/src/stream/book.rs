//! A local order book from Bitget's `books` channel: a snapshot, then updates merged into it,
//! each checked by what Bitget sends to check it (Bitget's depth-channel pages,
//! `https://www.bitget.com/api-doc/spot/websocket/public/Depth-Channel` and its futures and v3
//! counterparts).
//!
//! - Merging (§7.2): a size of `0` deletes the level, a known price is replaced, a new one is
//!   inserted; asks ascending, bids descending.
//! - Sequence: an update whose `pseq` is sent must continue the last `seq` (`pseq == 0` is a
//!   reset, accepted only as the first update after a snapshot); without `pseq`, `seq` must
//!   rise. A gap means a push was lost.
//! - Checksum (§7.3): when an update carries a non-zero `checksum`, the CRC32 of the best 25
//!   bids and asks interleaved (`bid1:ask1:bid2:ask2:..`, each `price:size` in the strings as
//!   received) as a signed 32-bit integer must equal it.
//!
//! A book that fails a check is emptied and says so ([`OrderBook::is_synced`]): it never hands
//! out a state it cannot vouch for. The stream resubscribes and the next snapshot restores it.

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer};

/// How many levels a side contributes to the checksum.
pub const CHECKSUM_DEPTH: usize = 25;

/// One level as it arrived: its price and size in the strings as received (the checksum is
/// computed over them: `0.5000` is not `0.5`), kept inline as `price:size` when short (every
/// price and size Bitget sends is), so parsing a push allocates nothing per level and the
/// checksum walks contiguous memory.
#[derive(Clone, PartialEq, Eq)]
pub struct RawLevel(Joined);

/// `price:size`: inline with the price's length, or on the heap (split at its first `:`).
#[derive(Clone, PartialEq, Eq)]
enum Joined {
    Inline {
        len: u8,
        price_len: u8,
        buf: [u8; INLINE],
    },
    Heap(Box<str>),
}

/// The longest `price:size` kept inline: one level is then 48 bytes.
const INLINE: usize = 45;

impl RawLevel {
    /// A level from its price and size as sent.
    pub fn new(price: &str, size: &str) -> Self {
        let len = price.len() + 1 + size.len();
        if len <= INLINE && !price.contains(':') {
            let mut buf = [0u8; INLINE];
            let p = price.len();
            buf[..p].copy_from_slice(price.as_bytes());
            buf[p] = b':';
            buf[p + 1..len].copy_from_slice(size.as_bytes());
            // Both lengths are at most INLINE (45), so they fit a byte.
            RawLevel(Joined::Inline {
                len: len as u8,
                price_len: p as u8,
                buf,
            })
        } else {
            RawLevel(Joined::Heap(format!("{price}:{size}").into_boxed_str()))
        }
    }

    /// The price, as sent.
    pub fn price(&self) -> &str {
        self.split().0
    }

    /// The size, as sent.
    pub fn size(&self) -> &str {
        self.split().1
    }

    /// `price:size`, as the checksum reads it.
    fn joined(&self) -> &str {
        match &self.0 {
            // Built from two `str`s and a `:`, so valid UTF-8.
            Joined::Inline { len, buf, .. } => {
                std::str::from_utf8(&buf[..usize::from(*len)]).unwrap_or("")
            }
            Joined::Heap(s) => s,
        }
    }

    /// The price's and the size's bytes, without checking the UTF-8 again (what merging
    /// reads).
    fn bytes(&self) -> (&[u8], &[u8]) {
        match &self.0 {
            Joined::Inline {
                len,
                price_len,
                buf,
            } => {
                let (p, l) = (usize::from(*price_len), usize::from(*len));
                (&buf[..p], buf.get(p + 1..l).unwrap_or_default())
            }
            Joined::Heap(s) => {
                let (p, s) = s.split_once(':').unwrap_or((s, ""));
                (p.as_bytes(), s.as_bytes())
            }
        }
    }

    fn split(&self) -> (&str, &str) {
        let joined = self.joined();
        let at = match &self.0 {
            Joined::Inline { price_len, .. } => usize::from(*price_len),
            Joined::Heap(s) => s.find(':').unwrap_or(s.len()),
        };
        (
            joined.get(..at).unwrap_or(""),
            joined.get(at + 1..).unwrap_or(""),
        )
    }
}

impl fmt::Debug for RawLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{:?}, {:?}]", self.price(), self.size())
    }
}

impl<'de> Deserialize<'de> for RawLevel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // `[price, size]`, strings on every documented channel; a JSON number is kept in the
        // form it was written. RPI books add a third value, which is not part of a level here.
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawLevel;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a book level [price, size]")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<RawLevel, A::Error> {
                let price = seq
                    .next_element::<Text<'de>>()?
                    .ok_or_else(|| serde::de::Error::invalid_length(0, &self))?;
                let size = seq
                    .next_element::<Text<'de>>()?
                    .ok_or_else(|| serde::de::Error::invalid_length(1, &self))?;
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(RawLevel::new(price.as_str(), size.as_str()))
            }
        }
        d.deserialize_seq(V)
    }
}

/// A value sent as a string or a JSON number, kept as the text it was written in: borrowed
/// from the frame when it can be (no allocation), owned when it had escapes or was a number.
enum Text<'a> {
    Borrowed(&'a str),
    Owned(String),
}

impl Text<'_> {
    fn as_str(&self) -> &str {
        match self {
            Text::Borrowed(s) => s,
            Text::Owned(s) => s,
        }
    }
}

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number, as text or JSON")
            }
            fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Text<'de>, E> {
                Ok(Text::Borrowed(v))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text<'de>, E> {
                Ok(Text::Owned(v.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Text<'de>, E> {
                Ok(Text::Owned(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Text<'de>, E> {
                Ok(Text::Owned(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Text<'de>, E> {
                Ok(Text::Owned(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Text<'de>, E> {
                Ok(Text::Owned(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// Whether a push replaces the book or changes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The whole book (the first push after subscribing, and every push of the shallow books).
    Snapshot,
    /// Levels changed since the previous push.
    Update,
}

/// One `books` push's data, v2 (`asks`/`bids`) or v3 (`a`/`b`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct BookData {
    /// Ask levels.
    #[serde(alias = "a", default)]
    pub asks: Vec<RawLevel>,
    /// Bid levels.
    #[serde(alias = "b", default)]
    pub bids: Vec<RawLevel>,
    /// The CRC32 of the top 25 levels after this push (absent, or `0`, where not sent).
    #[serde(default, deserialize_with = "opt_i64")]
    pub checksum: Option<i64>,
    /// This push's sequence number (above 2^53: read as an integer, never a float).
    #[serde(default, deserialize_with = "opt_u64")]
    pub seq: Option<u64>,
    /// The previous push's sequence number (`0` after a reset).
    #[serde(default, deserialize_with = "opt_u64")]
    pub pseq: Option<u64>,
    /// Time, Unix ms.
    #[serde(default, deserialize_with = "opt_i64")]
    pub ts: Option<i64>,
}

/// An integer sent as a JSON number or a string (`""` and `null` as none), read exactly: a
/// `seq` above 2^53 never goes through a float.
fn opt_int<'de, D: Deserializer<'de>, T>(d: D) -> Result<Option<T>, D::Error>
where
    T: TryFrom<u64> + TryFrom<i64> + std::str::FromStr,
{
    struct V<T>(std::marker::PhantomData<T>);
    impl<'de, T> serde::de::Visitor<'de> for V<T>
    where
        T: TryFrom<u64> + TryFrom<i64> + std::str::FromStr,
    {
        type Value = Option<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an integer, as a number or text")
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Option<T>, D2::Error> {
            d.deserialize_any(self)
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Option<T>, E> {
            T::try_from(v)
                .map(Some)
                .map_err(|_| E::custom(format!("{v} is out of range")))
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Option<T>, E> {
            T::try_from(v)
                .map(Some)
                .map_err(|_| E::custom(format!("{v} is out of range")))
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Option<T>, E> {
            if v.is_empty() {
                return Ok(None);
            }
            v.parse()
                .map(Some)
                .map_err(|_| E::custom(format!("`{v}` is not an integer")))
        }
    }
    d.deserialize_option(V(std::marker::PhantomData))
}

fn opt_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    opt_int(d)
}

pub(super) fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    opt_int(d)
}

/// Why a book stopped being right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutOfSync {
    /// An update arrived before any snapshot.
    NoSnapshot,
    /// A push was lost: the update does not continue the last sequence number.
    Gap {
        /// The `seq` of the last push applied.
        last: u64,
        /// The update's `pseq` (or its `seq`, when it sends no `pseq`).
        got: u64,
    },
    /// The merged book's checksum is not the one Bitget sent.
    Checksum {
        /// Bitget's.
        sent: i64,
        /// The local book's.
        computed: i32,
    },
    /// A level whose price or size is not a number.
    BadLevel(String),
    /// This many pushes were dropped because the consumer fell behind.
    Dropped(u64),
    /// The connection was lost; pushes sent meanwhile are gone.
    Disconnected,
}

impl fmt::Display for OutOfSync {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutOfSync::NoSnapshot => f.write_str("an update arrived before the book's snapshot"),
            OutOfSync::Gap { last, got } => write!(
                f,
                "a push was lost: the last seq was {last}, the update continues from {got}"
            ),
            OutOfSync::Checksum { sent, computed } => write!(
                f,
                "checksum mismatch: Bitget sent {sent}, the local book gives {computed}"
            ),
            OutOfSync::BadLevel(level) => write!(f, "a level is not a number: {level}"),
            OutOfSync::Dropped(n) => {
                write!(f, "{n} pushes were dropped: the book is read too slowly")
            }
            OutOfSync::Disconnected => f.write_str("the connection was lost"),
        }
    }
}

/// A level of the book: price and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Level {
    /// Price.
    pub price: Decimal,
    /// Size at that price.
    pub size: Decimal,
}

/// A price as an integer count of 10^-18, the book's key: compared as one integer, where a
/// `Decimal` compares scale and mantissa (prices `43231` and `43231.0` are the same level).
type Key = u128;

/// One side of the book: levels sorted so that the best is last (asks by falling price, bids
/// by rising price). Bitget's changes land near the top, so inserting and removing there moves
/// few entries, and the top 25 the checksum reads are contiguous.
#[derive(Debug, Clone, Default)]
struct Side {
    levels: Vec<(Key, RawLevel)>,
    /// Asks: a better price is lower.
    asks: bool,
}

impl Side {
    fn new(asks: bool) -> Self {
        Side {
            levels: Vec::new(),
            asks,
        }
    }

    /// Where `price` is (or goes), in the vector's order (worst first).
    fn find(&self, price: Key) -> Result<usize, usize> {
        let asks = self.asks;
        self.levels.binary_search_by(|(p, _)| {
            let o = p.cmp(&price);
            if asks { o.reverse() } else { o }
        })
    }

    /// Sets a level; `true` when the change reaches the best [`CHECKSUM_DEPTH`] levels.
    fn set(&mut self, price: Key, level: RawLevel) -> bool {
        let n = self.levels.len();
        match self.find(price) {
            Ok(i) => {
                self.levels[i].1 = level;
                n - 1 - i < CHECKSUM_DEPTH
            }
            Err(i) => {
                self.levels.insert(i, (price, level));
                n - i < CHECKSUM_DEPTH
            }
        }
    }

    /// Removes a level; `true` when it was among the best [`CHECKSUM_DEPTH`] (the next one then
    /// enters them).
    fn remove(&mut self, price: Key) -> bool {
        let n = self.levels.len();
        match self.find(price) {
            Ok(i) => {
                self.levels.remove(i);
                n - 1 - i < CHECKSUM_DEPTH
            }
            Err(_) => false,
        }
    }

    /// Best first.
    fn iter(&self) -> impl Iterator<Item = &RawLevel> {
        self.levels.iter().rev().map(|(_, l)| l)
    }

    fn clear(&mut self) {
        self.levels.clear();
    }
}

/// The checksum of the book's top levels, kept until they change (most updates of a deep book
/// change levels below the top 25).
#[derive(Debug, Default)]
struct Cached(std::sync::atomic::AtomicI64);

/// No checksum kept (outside the range of an `i32`).
const NONE: i64 = i64::MIN;

impl Cached {
    fn get(&self) -> Option<i32> {
        let v = self.0.load(std::sync::atomic::Ordering::Relaxed);
        i32::try_from(v).ok()
    }

    fn set(&self, v: Option<i32>) {
        self.0.store(
            v.map_or(NONE, i64::from),
            std::sync::atomic::Ordering::Relaxed,
        );
    }
}

impl Clone for Cached {
    fn clone(&self) -> Self {
        let c = Cached::default();
        c.set(self.get());
        c
    }
}

/// A local order book kept from snapshots and updates.
#[derive(Debug, Clone)]
pub struct OrderBook {
    asks: Side,
    bids: Side,
    checksum: Cached,
    last_seq: Option<u64>,
    synced: bool,
    /// No update applied since the snapshot (a `pseq == 0` reset is accepted only then).
    fresh: bool,
    ts: Option<i64>,
    /// Where the checksum's text is written, kept between pushes.
    scratch: Scratch,
}

/// A buffer reused by every checksum, so computing one allocates nothing.
#[derive(Clone, Default)]
struct Scratch(Vec<u8>);

impl fmt::Debug for Scratch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("..")
    }
}

impl Default for OrderBook {
    fn default() -> Self {
        let checksum = Cached::default();
        checksum.set(None);
        OrderBook {
            asks: Side::new(true),
            bids: Side::new(false),
            checksum,
            last_seq: None,
            synced: false,
            fresh: false,
            ts: None,
            scratch: Scratch::default(),
        }
    }
}

impl OrderBook {
    /// An empty book, waiting for its snapshot.
    pub fn new() -> Self {
        OrderBook::default()
    }

    /// Applies one push. On `Err` the book is emptied and out of sync until the next snapshot.
    pub fn apply(&mut self, action: Action, data: &BookData) -> Result<(), OutOfSync> {
        self.apply_owned(action, data.clone())
    }

    /// [`apply`](Self::apply), taking the push's levels rather than copying them (what a
    /// stream does with the pushes it owns).
    pub fn apply_owned(&mut self, action: Action, data: BookData) -> Result<(), OutOfSync> {
        let result = self.try_apply(action, data);
        if result.is_err() {
            self.clear();
        }
        result
    }

    fn try_apply(&mut self, action: Action, data: BookData) -> Result<(), OutOfSync> {
        let BookData {
            asks,
            bids,
            checksum,
            seq,
            pseq,
            ts,
        } = data;
        match action {
            Action::Snapshot => {
                self.asks.clear();
                self.bids.clear();
                self.checksum.set(None);
                self.merge(asks, bids)?;
                self.last_seq = seq;
                self.synced = true;
                self.fresh = true;
            }
            Action::Update => {
                if !self.synced {
                    return Err(OutOfSync::NoSnapshot);
                }
                self.check_sequence(pseq, seq)?;
                self.merge(asks, bids)?;
                if let Some(sent) = checksum.filter(|c| *c != 0) {
                    let computed = self.checksum_kept();
                    if i64::from(computed) != sent {
                        return Err(OutOfSync::Checksum { sent, computed });
                    }
                }
                if seq.is_some() {
                    self.last_seq = seq;
                }
                self.fresh = false;
            }
        }
        self.ts = ts.or(self.ts);
        Ok(())
    }

    fn check_sequence(&self, pseq: Option<u64>, seq: Option<u64>) -> Result<(), OutOfSync> {
        let Some(last) = self.last_seq else {
            return Ok(());
        };
        match (pseq, seq) {
            (Some(0), _) if self.fresh => Ok(()),
            (Some(pseq), _) if pseq != last => Err(OutOfSync::Gap { last, got: pseq }),
            (Some(_), _) => Ok(()),
            (None, Some(seq)) if seq <= last => Err(OutOfSync::Gap { last, got: seq }),
            (None, _) => Ok(()),
        }
    }

    fn merge(&mut self, asks: Vec<RawLevel>, bids: Vec<RawLevel>) -> Result<(), OutOfSync> {
        let mut top = false;
        for level in asks {
            let (price, zero) = parse(&level)?;
            top |= if zero {
                self.asks.remove(price)
            } else {
                self.asks.set(price, level)
            };
        }
        for level in bids {
            let (price, zero) = parse(&level)?;
            top |= if zero {
                self.bids.remove(price)
            } else {
                self.bids.set(price, level)
            };
        }
        if top {
            self.checksum.set(None);
        }
        Ok(())
    }

    fn clear(&mut self) {
        self.asks.clear();
        self.bids.clear();
        self.checksum.set(None);
        self.last_seq = None;
        self.synced = false;
        self.fresh = false;
    }

    /// Marks the book out of sync (a reconnect, a resubscription): it is empty until the next
    /// snapshot.
    pub fn reset(&mut self) {
        self.clear();
    }

    /// Whether the book holds a state Bitget vouched for (a snapshot and every update since,
    /// checked).
    pub fn is_synced(&self) -> bool {
        self.synced
    }

    /// The `seq` of the last push applied.
    pub fn last_seq(&self) -> Option<u64> {
        self.last_seq
    }

    /// The time of the last push applied, Unix ms.
    pub fn ts(&self) -> Option<i64> {
        self.ts
    }

    /// Asks, best (lowest) first.
    pub fn asks(&self) -> impl Iterator<Item = Level> + '_ {
        self.asks.iter().map(level)
    }

    /// Bids, best (highest) first.
    pub fn bids(&self) -> impl Iterator<Item = Level> + '_ {
        self.bids.iter().map(level)
    }

    /// The best ask.
    pub fn best_ask(&self) -> Option<Level> {
        self.asks().next()
    }

    /// The best bid.
    pub fn best_bid(&self) -> Option<Level> {
        self.bids().next()
    }

    /// The book's checksum as Bitget computes it: CRC32 over the best 25 bids and asks
    /// interleaved, in the strings as received, as a signed 32-bit integer.
    pub fn checksum(&self) -> i32 {
        if let Some(kept) = self.checksum.get() {
            return kept;
        }
        let sum = self.fresh_checksum();
        self.checksum.set(Some(sum));
        sum
    }

    /// The kept checksum, or one computed in the book's own buffer (what an update checks).
    fn checksum_kept(&mut self) -> i32 {
        if let Some(kept) = self.checksum.get() {
            return kept;
        }
        let sum = checksum_in(
            &mut self.scratch.0,
            self.bids.iter().take(CHECKSUM_DEPTH),
            self.asks.iter().take(CHECKSUM_DEPTH),
        );
        self.checksum.set(Some(sum));
        sum
    }

    /// [`checksum`](Self::checksum) computed again from the levels, not the one kept since the
    /// top levels last changed.
    pub fn fresh_checksum(&self) -> i32 {
        checksum(
            self.bids.iter().take(CHECKSUM_DEPTH),
            self.asks.iter().take(CHECKSUM_DEPTH),
        )
    }

    /// The levels as received, best first: (bids, asks).
    pub fn raw_levels(&self) -> (Vec<RawLevel>, Vec<RawLevel>) {
        (
            self.bids.iter().cloned().collect(),
            self.asks.iter().cloned().collect(),
        )
    }
}

fn level(raw: &RawLevel) -> Level {
    // Both were checked to be plain decimals of at most 28 digits when merged, which a
    // `Decimal` holds exactly.
    Level {
        price: raw.price().parse().unwrap_or_default(),
        size: raw.size().parse().unwrap_or_default(),
    }
}

/// A level's price as the book's key, and whether its size is zero (the level is removed).
fn parse(level: &RawLevel) -> Result<(Key, bool), OutOfSync> {
    let bad = || OutOfSync::BadLevel(format!("[{}, {}]", level.price(), level.size()));
    let (price, size) = level.bytes();
    let price = number(price).ok_or_else(bad)?;
    let zero = is_zero(size).ok_or_else(bad)?;
    Ok((price, zero))
}

/// Whether a plain decimal (as [`number`] takes it) is zero; `None` when it is not one. Only
/// checked, not computed: a size's value is never needed to merge.
fn is_zero(bytes: &[u8]) -> Option<bool> {
    let mut zero = true;
    plain_decimal(bytes, |_, d| zero &= d == 0)?;
    Some(zero)
}

/// A plain decimal (digits with at most one point between them; at most 20 digits before the
/// point, 18 after and 28 in all, so a `Decimal` holds it exactly) in units of 10^-18. Every
/// price and size Bitget sends is one; anything else is not a number the book can vouch for.
fn number(bytes: &[u8]) -> Option<Key> {
    // Digits gather in a u64 (19 of them always fit), the one u128 step at the end: a u128
    // multiplication per digit was a tenth of applying a push.
    let (mut value, mut high) = (0u64, None::<u128>);
    let fraction = plain_decimal(bytes, |nth, d| {
        if nth == 20 {
            // Past what a u64 holds: go on in a u128 (rare: 20 digits or more).
            high = Some(u128::from(value));
        }
        match &mut high {
            Some(h) => *h = *h * 10 + u128::from(d),
            None => value = value * 10 + u64::from(d),
        }
    })?;
    // At most 10^20 * 10^18 = 10^38, below u128::MAX.
    let scale = *POW10.get(usize::try_from(18 - fraction).ok()?)?;
    high.unwrap_or(u128::from(value)).checked_mul(scale)
}

/// Checks the grammar and the bounds of a plain decimal (see [`number`]), handing each digit to
/// `digit` in order, with its place (1 for the first); the number of digits after the point,
/// `None` when it is not one. Digits past the 28th are not handed on.
fn plain_decimal(bytes: &[u8], mut digit: impl FnMut(u32, u8)) -> Option<u32> {
    if !bytes.first()?.is_ascii_digit() || !bytes.last()?.is_ascii_digit() {
        return None;
    }
    let (mut digits, mut point) = (0u32, None::<u32>);
    for &b in bytes {
        if b.is_ascii_digit() {
            digits += 1;
            if digits > 28 {
                return None;
            }
            digit(digits, b - b'0');
        } else if b == b'.' && point.is_none() {
            point = Some(digits);
        } else {
            return None;
        }
    }
    let whole = point.unwrap_or(digits);
    let fraction = digits - whole;
    (whole <= 20 && fraction <= 18).then_some(fraction)
}

/// 10^0 ..= 10^18.
const POW10: [u128; 19] = {
    let mut t = [1u128; 19];
    let mut i = 1;
    while i < 19 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// The checksum of book sides given best first: `bid1:ask1:bid2:ask2:..`, each level
/// `price:size`, a side with fewer levels skipped where it has none.
pub fn checksum<'a>(
    bids: impl Iterator<Item = &'a RawLevel>,
    asks: impl Iterator<Item = &'a RawLevel>,
) -> i32 {
    checksum_in(&mut Vec::new(), bids, asks)
}

/// [`checksum`], its text written in `buf` (kept by the caller, so nothing is allocated once
/// it has grown). One buffer hashed at once: crc32fast is fastest on one long slice.
fn checksum_in<'a>(
    buf: &mut Vec<u8>,
    bids: impl Iterator<Item = &'a RawLevel>,
    asks: impl Iterator<Item = &'a RawLevel>,
) -> i32 {
    /// An inline level and the `:` before it.
    const SLOT: usize = INLINE + 1;
    let mut at = 0;
    let (mut bids, mut asks) = (bids.fuse(), asks.fuse());
    loop {
        let (b, a) = (bids.next(), asks.next());
        if b.is_none() && a.is_none() {
            break;
        }
        for l in [b, a].into_iter().flatten() {
            // Each level is written after a `:` (the first one is skipped below). An inline
            // level is copied whole, a fixed-size copy with no call, and `at` moves by its
            // length: what follows overwrites the bytes past it.
            match &l.0 {
                Joined::Inline {
                    len, buf: level, ..
                } => {
                    let end = at + SLOT;
                    if buf.len() < end {
                        buf.resize(end + 2 * CHECKSUM_DEPTH * SLOT, 0);
                    }
                    // A copy of a constant size, compiled to a few moves (a copy of the
                    // level's own length was a call to memmove per level).
                    if let Some(slot) = buf.get_mut(at..end) {
                        slot[0] = b':';
                        slot[1..].copy_from_slice(level);
                    }
                    at += 1 + usize::from(*len);
                }
                Joined::Heap(s) => {
                    let end = at + 1 + s.len();
                    if buf.len() < end {
                        buf.resize(end + 2 * CHECKSUM_DEPTH * SLOT, 0);
                    }
                    buf[at] = b':';
                    buf[at + 1..end].copy_from_slice(s.as_bytes());
                    at = end;
                }
            }
        }
    }
    let text = buf.get(1..at).unwrap_or_default();
    i32::from_ne_bytes(crc32fast::hash(text).to_ne_bytes())
}

/// zlib's CRC32 of `text`, as a signed 32-bit integer.
pub fn crc(text: &str) -> i32 {
    i32::from_ne_bytes(crc32fast::hash(text.as_bytes()).to_ne_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(p: &str, s: &str) -> RawLevel {
        RawLevel::new(p, s)
    }

    /// Vectors computed with zlib from the depth-channel page's example strings (the page gives
    /// the strings, not their CRC).
    #[test]
    fn the_doc_vectors() {
        assert_eq!(crc("43231.1:4:43232.8:9:43231:6:43232.9:8"), -1_504_501_796);
        assert_eq!(crc("3366.1:7:3366.8:9:3368:8:3372:8"), 831_078_360);
        assert_eq!(
            crc("3366.1:7:1:3366.8:9:1:3366:6:1:3368:8:2"),
            -1_231_399_910
        );
        // Case 1 as levels: bids 43231.1 and 43231, asks 43232.8 and 43232.9.
        let bids = [raw("43231.1", "4"), raw("43231", "6")];
        let asks = [raw("43232.8", "9"), raw("43232.9", "8")];
        assert_eq!(checksum(bids.iter(), asks.iter()), -1_504_501_796);
        // Case 2: one bid, three asks: the missing bids are skipped.
        let bids = [raw("3366.1", "7")];
        let asks = [raw("3366.8", "9"), raw("3368", "8"), raw("3372", "8")];
        assert_eq!(checksum(bids.iter(), asks.iter()), 831_078_360);
    }

    fn data(json: &str) -> BookData {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"))
    }

    #[test]
    fn updates_merge_and_are_checked() {
        let mut book = OrderBook::new();
        let snap = data(
            r#"{"asks":[["43232.8","9"],["43233","1"]],"bids":[["43231.1","4"]],"seq":10,"ts":"1"}"#,
        );
        book.apply(Action::Snapshot, &snap)
            .unwrap_or_else(|e| panic!("{e}"));
        // Delete 43233, add a bid: the book of the doc's case 1.
        let update = data(
            r#"{"asks":[["43233","0"],["43232.9","8"]],"bids":[["43231","6"]],"seq":11,"pseq":10,"checksum":-1504501796}"#,
        );
        book.apply(Action::Update, &update)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(book.checksum(), -1_504_501_796);
        assert_eq!(
            book.best_bid().map(|l| l.price),
            Some("43231.1".parse().unwrap_or_default())
        );
        assert_eq!(book.asks().count(), 2);
        // A lost push: pseq 12 does not continue 11.
        let gap = data(r#"{"asks":[],"bids":[],"seq":13,"pseq":12}"#);
        assert_eq!(
            book.apply(Action::Update, &gap),
            Err(OutOfSync::Gap { last: 11, got: 12 })
        );
        assert!(!book.is_synced());
        assert_eq!(book.asks().count(), 0, "an unsynced book is empty");
    }

    #[test]
    fn a_seq_above_two_to_the_53_reads_exactly_from_a_number_or_a_string() {
        let n = data(r#"{"seq":1304314508780744705,"pseq":"1304314508780744704"}"#);
        assert_eq!(n.seq, Some(1_304_314_508_780_744_705));
        assert_eq!(n.pseq, Some(1_304_314_508_780_744_704));
    }

    #[test]
    fn the_checksum_keeps_the_wire_strings() {
        let mut book = OrderBook::new();
        let snap = data(r#"{"asks":[["0.5000","1.0"]],"bids":[["0.4000","2"]],"seq":1}"#);
        book.apply(Action::Snapshot, &snap)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(book.checksum(), crc("0.4000:2:0.5000:1.0"));
        assert_ne!(book.checksum(), crc("0.4:2:0.5:1"));
    }

    #[test]
    fn numbers_are_plain_decimals_a_decimal_holds_exactly() {
        assert_eq!(number(b"43231"), number(b"43231.000"));
        assert_eq!(number(b"0.5"), Some(500_000_000_000_000_000));
        assert_eq!(number(b"0"), Some(0));
        assert_eq!(number(b"0.000"), Some(0));
        for bad in [
            "",
            ".5",
            "5.",
            "1e5",
            "-1",
            "+1",
            "1.2.3",
            " 1",
            "NaN",
            "1234567890123456789012345678.9", // 29 digits
            "0.1234567890123456789",          // 19 after the point
            "123456789012345678901",          // 21 before it
        ] {
            assert_eq!(number(bad.as_bytes()), None, "{bad:?}");
        }
        // The largest accepted: 20 digits before the point and 8 after, still exact.
        let max = "99999999999999999999.99999999";
        assert!(number(max.as_bytes()).is_some());
        assert_eq!(
            max.parse::<Decimal>()
                .map(|d| d.to_string())
                .ok()
                .as_deref(),
            Some(max)
        );
        // Exact on both sides of the 19 digits gathered in a u64 before the u128 takes over.
        for text in [
            "1234567890123456789",
            "12345678901234567890",
            "9999999999999999999.9",
            "18446744073709551615",
            "18446744073709551616.5",
            "99999999999999999999.99999999",
            "0.000000000000000001",
        ] {
            // The oracle: the digits with the fraction padded to 18 places, read as one integer.
            let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
            let expected = format!("{whole}{fraction:0<18}").parse::<u128>().ok();
            assert_eq!(number(text.as_bytes()), expected, "{text}");
        }
    }

    #[test]
    fn a_size_is_zero_exactly_when_it_is_a_number_worth_nothing() {
        for text in [
            "0",
            "0.0",
            "0.0000",
            "00",
            "1",
            "0.0001",
            "10",
            "",
            ".0",
            "0.",
            "-0",
            "1e0",
            "0x0",
            "1234567890123456789012345678.9",
            "0.1234567890123456789",
        ] {
            assert_eq!(
                is_zero(text.as_bytes()),
                number(text.as_bytes()).map(|k| k == 0),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_level_too_long_to_keep_inline_is_kept_and_summed_alike() {
        let long = "1234567890.123456789012345678";
        let level = raw(long, "12345678901234567890.12345678");
        assert_eq!(level.price(), long);
        assert_eq!(level.size(), "12345678901234567890.12345678");
        let mut book = OrderBook::new();
        let snap = BookData {
            asks: vec![raw("2", "1")],
            bids: vec![level.clone(), raw("1", "3")],
            checksum: None,
            seq: Some(1),
            pseq: None,
            ts: None,
        };
        book.apply(Action::Snapshot, &snap)
            .unwrap_or_else(|e| panic!("{e}"));
        let text = format!("{long}:12345678901234567890.12345678:2:1:1:3");
        assert_eq!(book.fresh_checksum(), crc(&text));
        assert_eq!(book.checksum_kept(), crc(&text));
    }
}
