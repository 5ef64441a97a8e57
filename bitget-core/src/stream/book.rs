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

/// One level as it arrived: the wire strings (the checksum is computed over them, `0.5000` is
/// not `0.5`) and their values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawLevel {
    /// The price, as sent.
    pub price: String,
    /// The size, as sent.
    pub size: String,
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
                    .next_element::<Text>()?
                    .ok_or_else(|| serde::de::Error::invalid_length(0, &self))?;
                let size = seq
                    .next_element::<Text>()?
                    .ok_or_else(|| serde::de::Error::invalid_length(1, &self))?;
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(RawLevel {
                    price: price.0,
                    size: size.0,
                })
            }
        }
        d.deserialize_seq(V)
    }
}

/// A value sent as a string or a JSON number, kept as the text it was written in.
struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number, as text or JSON")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(v.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
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

fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
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

/// A level as the book keeps it: `price:size` as received, joined once, inline when short (every
/// price and size Bitget sends is), so the checksum walks contiguous memory.
#[derive(Clone)]
enum Joined {
    Inline { len: u8, buf: [u8; 46] },
    Heap(Box<str>),
}

impl Joined {
    fn new(level: &RawLevel) -> Self {
        let len = level.price.len() + 1 + level.size.len();
        if len <= 46 {
            let mut buf = [0u8; 46];
            let p = level.price.len();
            buf[..p].copy_from_slice(level.price.as_bytes());
            buf[p] = b':';
            buf[p + 1..len].copy_from_slice(level.size.as_bytes());
            Joined::Inline {
                len: len as u8,
                buf,
            }
        } else {
            Joined::Heap(format!("{}:{}", level.price, level.size).into_boxed_str())
        }
    }

    fn as_bytes(&self) -> &[u8] {
        match self {
            Joined::Inline { len, buf } => &buf[..usize::from(*len)],
            Joined::Heap(s) => s.as_bytes(),
        }
    }

    fn as_str(&self) -> &str {
        // Built from two `str`s and a `:`, so valid UTF-8.
        std::str::from_utf8(self.as_bytes()).unwrap_or("")
    }

    fn size(&self) -> &str {
        self.as_str().split_once(':').map_or("", |(_, s)| s)
    }

    fn raw(&self) -> RawLevel {
        let (price, size) = self.as_str().split_once(':').unwrap_or(("", ""));
        RawLevel {
            price: price.to_owned(),
            size: size.to_owned(),
        }
    }
}

impl fmt::Debug for Joined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One side of the book: levels sorted so that the best is last (asks by falling price, bids
/// by rising price). Bitget's changes land near the top, so inserting and removing there moves
/// few entries, and the top 25 the checksum reads are contiguous.
#[derive(Debug, Clone, Default)]
struct Side {
    levels: Vec<(Decimal, Joined)>,
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
    fn find(&self, price: &Decimal) -> Result<usize, usize> {
        let asks = self.asks;
        self.levels.binary_search_by(|(p, _)| {
            let o = p.cmp(price);
            if asks { o.reverse() } else { o }
        })
    }

    /// Sets a level; `true` when the change reaches the best [`CHECKSUM_DEPTH`] levels.
    fn set(&mut self, price: Decimal, level: Joined) -> bool {
        let n = self.levels.len();
        match self.find(&price) {
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
    fn remove(&mut self, price: &Decimal) -> bool {
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
    fn iter(&self) -> impl Iterator<Item = &(Decimal, Joined)> {
        self.levels.iter().rev()
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
                    let computed = self.checksum();
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
                self.asks.remove(&price)
            } else {
                self.asks.set(price, Joined::new(&level))
            };
        }
        for level in bids {
            let (price, zero) = parse(&level)?;
            top |= if zero {
                self.bids.remove(&price)
            } else {
                self.bids.set(price, Joined::new(&level))
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
        self.asks.iter().map(|(p, raw)| level(*p, raw))
    }

    /// Bids, best (highest) first.
    pub fn bids(&self) -> impl Iterator<Item = Level> + '_ {
        self.bids.iter().map(|(p, raw)| level(*p, raw))
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

    /// [`checksum`](Self::checksum) computed again from the levels, not the one kept since the
    /// top levels last changed.
    pub fn fresh_checksum(&self) -> i32 {
        let mut text: Vec<u8> = Vec::with_capacity(64 * CHECKSUM_DEPTH);
        let mut bids = self.bids.iter().take(CHECKSUM_DEPTH).map(|(_, l)| l);
        let mut asks = self.asks.iter().take(CHECKSUM_DEPTH).map(|(_, l)| l);
        loop {
            let (b, a) = (bids.next(), asks.next());
            if b.is_none() && a.is_none() {
                break;
            }
            for l in [b, a].into_iter().flatten() {
                if !text.is_empty() {
                    text.push(b':');
                }
                text.extend_from_slice(l.as_bytes());
            }
        }
        i32::from_ne_bytes(crc32fast::hash(&text).to_ne_bytes())
    }

    /// The levels as received, best first: (bids, asks).
    pub fn raw_levels(&self) -> (Vec<RawLevel>, Vec<RawLevel>) {
        (
            self.bids.iter().map(|(_, l)| l.raw()).collect(),
            self.asks.iter().map(|(_, l)| l.raw()).collect(),
        )
    }
}

fn level(price: Decimal, joined: &Joined) -> Level {
    Level {
        price,
        // Checked to be a decimal when it was merged.
        size: joined.size().parse().unwrap_or_default(),
    }
}

/// A level's price, and whether its size is zero (the level is removed). The size is checked to
/// be a plain decimal (digits and one point) without being parsed: it is kept as text.
fn parse(level: &RawLevel) -> Result<(Decimal, bool), OutOfSync> {
    let bad = || OutOfSync::BadLevel(format!("[{}, {}]", level.price, level.size));
    let price = level.price.parse::<Decimal>().map_err(|_| bad())?;
    let size = level.size.as_bytes();
    let points = size.iter().filter(|b| **b == b'.').count();
    if size.is_empty() || points > 1 || !size.iter().all(|b| b.is_ascii_digit() || *b == b'.') {
        return Err(bad());
    }
    Ok((price, size.iter().all(|b| *b == b'0' || *b == b'.')))
}

/// The checksum of book sides given best first: `bid1:ask1:bid2:ask2:..`, each level
/// `price:size`, a side with fewer levels skipped where it has none.
pub fn checksum<'a>(
    bids: impl Iterator<Item = &'a RawLevel>,
    asks: impl Iterator<Item = &'a RawLevel>,
) -> i32 {
    // One buffer, hashed at once: crc32fast is fastest on one long slice.
    let mut text = String::with_capacity(64 * CHECKSUM_DEPTH);
    let (mut bids, mut asks) = (bids.fuse(), asks.fuse());
    loop {
        let (b, a) = (bids.next(), asks.next());
        if b.is_none() && a.is_none() {
            break;
        }
        for l in [b, a].into_iter().flatten() {
            if !text.is_empty() {
                text.push(':');
            }
            text.push_str(&l.price);
            text.push(':');
            text.push_str(&l.size);
        }
    }
    crc(&text)
}

/// zlib's CRC32 of `text`, as a signed 32-bit integer.
pub fn crc(text: &str) -> i32 {
    i32::from_ne_bytes(crc32fast::hash(text.as_bytes()).to_ne_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(p: &str, s: &str) -> RawLevel {
        RawLevel {
            price: p.into(),
            size: s.into(),
        }
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
}
