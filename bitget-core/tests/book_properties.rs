//! The local order book against a model: fed any valid sequence of pushes (a snapshot, then
//! updates with Bitget's `seq`/`pseq` and checksum), it equals the model and a book rebuilt
//! from scratch; a lost push or a corrupted level is always detected where the sequence numbers
//! or the checksum can detect it, and the book then says it is out of sync.

use std::collections::BTreeMap;

use bitget_core::stream::book::{self, Action, BookData, OrderBook, OutOfSync, RawLevel};
use proptest::prelude::*;

/// One side of the model: price (in ticks) to the size string last sent.
type Side = BTreeMap<u32, String>;

#[derive(Debug, Clone)]
struct Change {
    bid: bool,
    tick: u32,
    /// `None` deletes the level.
    size: Option<u32>,
}

fn price(tick: u32) -> String {
    // Two decimals, trailing zeros kept: the checksum must use the strings as sent.
    format!("{}.{:02}", tick / 100, tick % 100)
}

fn size(n: u32) -> String {
    format!("{}.{}0", n / 10, n % 10)
}

fn change() -> impl Strategy<Value = Change> {
    (
        any::<bool>(),
        0u32..60,
        prop::option::weighted(0.7, 1u32..500),
    )
        .prop_map(|(bid, i, size)| Change {
            bid,
            // Bids below 10000 ticks, asks above: the book never crosses.
            tick: if bid { 9_000 + i } else { 10_001 + i },
            size,
        })
}

fn levels(side: &Side, bids: bool) -> Vec<RawLevel> {
    let mut out: Vec<RawLevel> = side
        .iter()
        .map(|(t, s)| RawLevel::new(&price(*t), s))
        .collect();
    if bids {
        out.reverse();
    }
    out
}

fn model_checksum(bids: &Side, asks: &Side) -> i32 {
    let b = levels(bids, true);
    let a = levels(asks, false);
    book::checksum(
        b.iter().take(book::CHECKSUM_DEPTH),
        a.iter().take(book::CHECKSUM_DEPTH),
    )
}

/// The pushes of a valid stream: a snapshot of `initial`, then one update per batch of
/// changes, each with `seq`, `pseq` and the checksum of the model after it. Returns them with
/// the model's final state.
fn pushes(initial: &[Change], batches: &[Vec<Change>]) -> (Vec<(Action, BookData)>, Side, Side) {
    let (mut bids, mut asks) = (Side::new(), Side::new());
    let apply = |bids: &mut Side, asks: &mut Side, c: &Change| {
        let side = if c.bid { bids } else { asks };
        match c.size {
            Some(n) => side.insert(c.tick, size(n)),
            None => side.remove(&c.tick),
        };
    };
    for c in initial.iter().filter(|c| c.size.is_some()) {
        apply(&mut bids, &mut asks, c);
    }
    let mut seq = 1_304_314_508_780_744_705u64;
    let mut out = vec![(
        Action::Snapshot,
        BookData {
            asks: levels(&asks, false),
            bids: levels(&bids, true),
            checksum: Some(i64::from(model_checksum(&bids, &asks))),
            seq: Some(seq),
            pseq: None,
            ts: Some(1),
        },
    )];
    for batch in batches {
        let wire = |bid: bool| -> Vec<RawLevel> {
            batch
                .iter()
                .filter(|c| c.bid == bid)
                .map(|c| {
                    RawLevel::new(&price(c.tick), &c.size.map_or_else(|| "0".to_owned(), size))
                })
                .collect()
        };
        let (a, b) = (wire(false), wire(true));
        for c in batch {
            apply(&mut bids, &mut asks, c);
        }
        let pseq = seq;
        seq += 1 + u64::from(batch.len() as u32 % 3);
        out.push((
            Action::Update,
            BookData {
                asks: a,
                bids: b,
                checksum: Some(i64::from(model_checksum(&bids, &asks))),
                seq: Some(seq),
                pseq: Some(pseq),
                ts: Some(2),
            },
        ));
    }
    (out, bids, asks)
}

/// Levels as (price, size) text, values normalised.
type Texts = Vec<(String, String)>;

fn book_levels(book: &OrderBook) -> (Texts, Texts) {
    let text =
        |l: bitget_core::stream::Level| (l.price.to_string(), l.size.normalize().to_string());
    (
        book.bids().map(text).collect(),
        book.asks().map(text).collect(),
    )
}

fn model_levels(side: &Side, bids: bool) -> Texts {
    levels(side, bids)
        .into_iter()
        .map(|l| {
            let p: rust_decimal::Decimal = l.price().parse().unwrap_or_default();
            let s: rust_decimal::Decimal = l.size().parse().unwrap_or_default();
            (p.to_string(), s.normalize().to_string())
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn a_valid_stream_builds_the_model_and_a_rebuilt_book_agrees(
        initial in prop::collection::vec(change(), 0..80),
        batches in prop::collection::vec(prop::collection::vec(change(), 1..12), 1..40),
    ) {
        let (stream, bids, asks) = pushes(&initial, &batches);
        let mut book = OrderBook::new();
        for (action, data) in &stream {
            prop_assert_eq!(book.apply(*action, data), Ok(()));
        }
        prop_assert!(book.is_synced());
        let (b, a) = book_levels(&book);
        prop_assert_eq!(&b, &model_levels(&bids, true));
        prop_assert_eq!(&a, &model_levels(&asks, false));
        // A book rebuilt from one snapshot of the model is the same book.
        let mut rebuilt = OrderBook::new();
        let snapshot = BookData {
            asks: levels(&asks, false),
            bids: levels(&bids, true),
            checksum: None,
            seq: Some(1),
            pseq: None,
            ts: None,
        };
        prop_assert_eq!(rebuilt.apply(Action::Snapshot, &snapshot), Ok(()));
        prop_assert_eq!(book_levels(&rebuilt), (b, a));
        prop_assert_eq!(rebuilt.checksum(), book.checksum());
        // The checksum kept between changes of the top levels is the one computed afresh.
        prop_assert_eq!(book.checksum(), book.fresh_checksum());
    }

    #[test]
    fn a_lost_update_is_a_gap(
        initial in prop::collection::vec(change(), 0..40),
        batches in prop::collection::vec(prop::collection::vec(change(), 1..8), 2..20),
        lost in any::<prop::sample::Index>(),
    ) {
        let (stream, _, _) = pushes(&initial, &batches);
        // Drop one update that has a successor: the successor's pseq names the lost one.
        let lost = 1 + lost.index(stream.len() - 2);
        let mut book = OrderBook::new();
        let mut failure = None;
        for (i, (action, data)) in stream.iter().enumerate() {
            if i == lost {
                continue;
            }
            if let Err(e) = book.apply(*action, data) {
                failure = Some(e);
                break;
            }
        }
        prop_assert!(matches!(failure, Some(OutOfSync::Gap { .. })), "{:?}", failure);
        prop_assert!(!book.is_synced());
        prop_assert_eq!(book.bids().count() + book.asks().count(), 0);
    }

    #[test]
    fn a_corrupted_level_in_the_top_25_fails_the_checksum(
        initial in prop::collection::vec(change(), 0..40),
        batches in prop::collection::vec(prop::collection::vec(change(), 1..8), 1..20),
        which in any::<prop::sample::Index>(),
        level in any::<prop::sample::Index>(),
    ) {
        let (mut stream, _, _) = pushes(&initial, &batches);
        let at = 1 + which.index(stream.len() - 1);
        let data = &mut stream[at].1;
        let side = if data.asks.is_empty() { &mut data.bids } else { &mut data.asks };
        let i = level.index(side.len());
        // Another size than the one sent (a deleted level comes back, a size changes).
        let sent = side[i].size().to_owned();
        let corrupted = if sent == "0" { "7.70".to_owned() } else { format!("{sent}1") };
        side[i] = RawLevel::new(side[i].price(), &corrupted);
        let mut book = OrderBook::new();
        let mut result = Ok(());
        for (action, data) in &stream[..=at] {
            result = book.apply(*action, data);
            if result.is_err() { break; }
        }
        // Where the corrupted level sits in the top 25 after the merge, the checksum sees it.
        let mut probe = OrderBook::new();
        for (action, data) in &stream[..at] {
            let _ = probe.apply(*action, data);
        }
        let mut unchecked = stream[at].1.clone();
        unchecked.checksum = None;
        let _ = probe.apply(Action::Update, &unchecked);
        // Visible where the corrupted book's top 25 differ from the clean book's (a level
        // sent twice in one update keeps its last value, which may hide the corruption).
        let mut clean = OrderBook::new();
        let (good, _, _) = pushes(&initial, &batches);
        for (action, data) in &good[..=at] {
            let _ = clean.apply(*action, data);
        }
        // A checksum of 0 means "not sent" (v3 sends 0; CRC32 of an empty book is 0 too).
        let checked = stream[at].1.checksum.is_some_and(|c| c != 0);
        let visible = checked && probe.checksum() != clean.checksum();
        if visible {
            prop_assert!(matches!(result, Err(OutOfSync::Checksum { .. })), "{:?}", result);
            prop_assert!(!book.is_synced());
        }
    }
}
