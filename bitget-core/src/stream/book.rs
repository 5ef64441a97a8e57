//! A local order book from Bitget's `books` channel: a snapshot, then updates merged into it,
//! each checked by what Bitget sends to check it (`../shared/spec/websocket.md` §7).
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

use std::cmp::Reverse;
use std::collections::BTreeMap;
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
        let values = Vec::<serde_json::Value>::deserialize(d)?;
        let text = |v: Option<&serde_json::Value>| -> Result<String, D::Error> {
            match v {
                Some(serde_json::Value::String(s)) => Ok(s.clone()),
                Some(serde_json::Value::Number(n)) => Ok(n.to_string()),
                _ => Err(serde::de::Error::custom("a book level is [price, size]")),
            }
        };
        Ok(RawLevel {
            price: text(values.first())?,
            size: text(values.get(1))?,
        })
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

fn opt_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::Number(n)) => n
            .as_u64()
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(format!("`{n}` is not a sequence number"))),
        Some(serde_json::Value::String(s)) if s.is_empty() => Ok(None),
        Some(serde_json::Value::String(s)) => s
            .parse()
            .map(Some)
            .map_err(|_| serde::de::Error::custom(format!("`{s}` is not a sequence number"))),
        Some(other) => Err(serde::de::Error::custom(format!(
            "`{other}` is not a sequence number"
        ))),
    }
}

fn opt_i64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::Number(n)) => n
            .as_i64()
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(format!("`{n}` is not an integer"))),
        Some(serde_json::Value::String(s)) if s.is_empty() => Ok(None),
        Some(serde_json::Value::String(s)) => s
            .parse()
            .map(Some)
            .map_err(|_| serde::de::Error::custom(format!("`{s}` is not an integer"))),
        Some(other) => Err(serde::de::Error::custom(format!(
            "`{other}` is not an integer"
        ))),
    }
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

/// A local order book kept from snapshots and updates.
#[derive(Debug, Clone, Default)]
pub struct OrderBook {
    asks: BTreeMap<Decimal, RawLevel>,
    bids: BTreeMap<Reverse<Decimal>, RawLevel>,
    last_seq: Option<u64>,
    synced: bool,
    /// No update applied since the snapshot (a `pseq == 0` reset is accepted only then).
    fresh: bool,
    ts: Option<i64>,
}

impl OrderBook {
    /// An empty book, waiting for its snapshot.
    pub fn new() -> Self {
        OrderBook::default()
    }

    /// Applies one push. On `Err` the book is emptied and out of sync until the next snapshot.
    pub fn apply(&mut self, action: Action, data: &BookData) -> Result<(), OutOfSync> {
        let result = self.try_apply(action, data);
        if result.is_err() {
            self.clear();
        }
        result
    }

    fn try_apply(&mut self, action: Action, data: &BookData) -> Result<(), OutOfSync> {
        match action {
            Action::Snapshot => {
                self.asks.clear();
                self.bids.clear();
                self.merge(data)?;
                self.last_seq = data.seq;
                self.synced = true;
                self.fresh = true;
            }
            Action::Update => {
                if !self.synced {
                    return Err(OutOfSync::NoSnapshot);
                }
                self.check_sequence(data)?;
                self.merge(data)?;
                if let Some(sent) = data.checksum.filter(|c| *c != 0) {
                    let computed = self.checksum();
                    if i64::from(computed) != sent {
                        return Err(OutOfSync::Checksum { sent, computed });
                    }
                }
                if data.seq.is_some() {
                    self.last_seq = data.seq;
                }
                self.fresh = false;
            }
        }
        self.ts = data.ts.or(self.ts);
        Ok(())
    }

    fn check_sequence(&self, data: &BookData) -> Result<(), OutOfSync> {
        let Some(last) = self.last_seq else {
            return Ok(());
        };
        match (data.pseq, data.seq) {
            (Some(0), _) if self.fresh => Ok(()),
            (Some(pseq), _) if pseq != last => Err(OutOfSync::Gap { last, got: pseq }),
            (Some(_), _) => Ok(()),
            (None, Some(seq)) if seq <= last => Err(OutOfSync::Gap { last, got: seq }),
            (None, _) => Ok(()),
        }
    }

    fn merge(&mut self, data: &BookData) -> Result<(), OutOfSync> {
        for level in &data.asks {
            let (price, size) = parse(level)?;
            if size.is_zero() {
                self.asks.remove(&price);
            } else {
                self.asks.insert(price, level.clone());
            }
        }
        for level in &data.bids {
            let (price, size) = parse(level)?;
            if size.is_zero() {
                self.bids.remove(&Reverse(price));
            } else {
                self.bids.insert(Reverse(price), level.clone());
            }
        }
        Ok(())
    }

    fn clear(&mut self) {
        self.asks.clear();
        self.bids.clear();
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
        self.bids.iter().map(|(Reverse(p), raw)| level(*p, raw))
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
        checksum(
            self.bids.values().take(CHECKSUM_DEPTH),
            self.asks.values().take(CHECKSUM_DEPTH),
        )
    }
}

fn level(price: Decimal, raw: &RawLevel) -> Level {
    Level {
        price,
        size: raw.size.parse().unwrap_or_default(),
    }
}

fn parse(level: &RawLevel) -> Result<(Decimal, Decimal), OutOfSync> {
    let bad = || OutOfSync::BadLevel(format!("[{}, {}]", level.price, level.size));
    let price = level.price.parse::<Decimal>().map_err(|_| bad())?;
    let size = level.size.parse::<Decimal>().map_err(|_| bad())?;
    Ok((price, size))
}

/// The checksum of book sides given best first: `bid1:ask1:bid2:ask2:..`, each level
/// `price:size`, a side with fewer levels skipped where it has none.
pub fn checksum<'a>(
    bids: impl Iterator<Item = &'a RawLevel>,
    asks: impl Iterator<Item = &'a RawLevel>,
) -> i32 {
    let bids: Vec<&RawLevel> = bids.collect();
    let asks: Vec<&RawLevel> = asks.collect();
    let mut parts: Vec<&str> = Vec::with_capacity(4 * CHECKSUM_DEPTH);
    for i in 0..bids.len().max(asks.len()) {
        for side in [&bids, &asks] {
            if let Some(l) = side.get(i) {
                parts.push(&l.price);
                parts.push(&l.size);
            }
        }
    }
    crc(&parts.join(":"))
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

    /// The spec's vectors (`websocket.md` §7.3), computed with zlib from the doc's strings.
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
