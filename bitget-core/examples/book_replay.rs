//! Replays a file of v2 `books` pushes, one JSON frame a line as Bitget sends them (a snapshot,
//! then updates, each with its `seq` and checksum), through the whole path a stream takes (parse
//! the frame, merge into the local book, verify the checksum), beside a parse-only floor on the
//! same frames, and prints one JSON line.
//!
//! ```text
//! cargo run --release -p bitget-core --features streams --example book_replay -- --generate 200000 target/books.jsonl
//! cargo run --release -p bitget-core --features streams --example book_replay -- target/books.jsonl
//! ```
//!
//! The generator writes a book of 200 levels a side around 60000 and updates of 1 to 6 levels
//! each (changed, added or removed), the checksum computed over the book after each.

#![allow(clippy::print_stdout, clippy::print_stderr)] // an example that prints its figures

use std::collections::BTreeMap;
use std::io::Write as _;
use std::time::Instant;

use bitget_core::stream::book::{self, Action, BookData, OrderBook, RawLevel};
use serde::Deserialize;

/// A push frame as the connection reads it.
#[derive(Deserialize)]
struct Frame {
    action: String,
    data: Vec<BookData>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag, n, path] if flag == "--generate" => {
            let n: usize = n.parse().unwrap_or_else(|e| panic!("{n}: {e}"));
            generate(n, path);
        }
        [path] => replay(path),
        _ => {
            eprintln!("usage: book_replay FILE | book_replay --generate N FILE");
            std::process::exit(2);
        }
    }
}

fn replay(path: &str) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    // The floor: parsing the frames into the same types, nothing applied.
    let start = Instant::now();
    let mut levels = 0usize;
    for line in &lines {
        let frame: Frame = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}"));
        levels += frame
            .data
            .iter()
            .map(|d| d.asks.len() + d.bids.len())
            .sum::<usize>();
    }
    let parse_s = start.elapsed().as_secs_f64();
    // The whole path: parse, apply, checksum.
    let start = Instant::now();
    let mut book = OrderBook::new();
    for line in &lines {
        let frame: Frame = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}"));
        let action = if frame.action == "update" {
            Action::Update
        } else {
            Action::Snapshot
        };
        for data in frame.data {
            if let Err(e) = book.apply_owned(action, data) {
                panic!("the replay went out of sync: {e}");
            }
        }
    }
    let full_s = start.elapsed().as_secs_f64();
    // The checksum alone, computed afresh over the final book, as often as there were frames.
    let start = Instant::now();
    let mut fold = 0i64;
    for _ in &lines {
        fold = fold.wrapping_add(i64::from(std::hint::black_box(&book).fresh_checksum()));
    }
    let checksum_s = start.elapsed().as_secs_f64();
    let n = lines.len() as f64;
    println!(
        "{}",
        serde_json::json!({
            "frames": lines.len(),
            "levels": levels,
            "frames_per_s": (n / full_s).round(),
            "parse_only_frames_per_s": (n / parse_s).round(),
            "ratio_to_floor": ((full_s / parse_s) * 100.0).round() / 100.0,
            "checksums_per_s": (n / checksum_s).round(),
            "checksum_fold": fold,
            "best_bid": book.best_bid().map(|l| l.price.to_string()),
            "best_ask": book.best_ask().map(|l| l.price.to_string()),
            "synced": book.is_synced(),
        })
    );
}

/// A xorshift: the file is the same for the same N.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

fn generate(n: usize, path: &str) {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    // Ticks of 0.1 around 60000: bids below 600000 ticks, asks above.
    let price = |tick: u64| format!("{}.{}", tick / 10, tick % 10);
    let size = |r: u64| format!("{}.{:04}", r / 10_000, r % 10_000);
    let mut bids: BTreeMap<u64, String> = BTreeMap::new();
    let mut asks: BTreeMap<u64, String> = BTreeMap::new();
    for i in 0..200 {
        bids.insert(599_999 - i, size(1 + rng.next(50_000)));
        asks.insert(600_001 + i, size(1 + rng.next(50_000)));
    }
    let raw = |side: &BTreeMap<u64, String>, descending: bool| -> Vec<RawLevel> {
        let mut v: Vec<RawLevel> = side
            .iter()
            .map(|(t, s)| RawLevel {
                price: price(*t),
                size: s.clone(),
            })
            .collect();
        if descending {
            v.reverse();
        }
        v
    };
    let sum = |bids: &BTreeMap<u64, String>, asks: &BTreeMap<u64, String>| {
        let (b, a) = (raw(bids, true), raw(asks, false));
        book::checksum(b.iter().take(25), a.iter().take(25))
    };
    let level = |l: &RawLevel| serde_json::json!([l.price, l.size]);
    let mut out = std::io::BufWriter::new(
        std::fs::File::create(path).unwrap_or_else(|e| panic!("{path}: {e}")),
    );
    let arg = serde_json::json!({"instType": "SPOT", "channel": "books", "instId": "BTCUSDT"});
    let mut seq: u64 = 1_304_314_508_780_744_705;
    let snapshot = serde_json::json!({
        "action": "snapshot",
        "arg": arg,
        "data": [{
            "asks": raw(&asks, false).iter().map(level).collect::<Vec<_>>(),
            "bids": raw(&bids, true).iter().map(level).collect::<Vec<_>>(),
            "checksum": sum(&bids, &asks),
            "seq": seq,
            "ts": "1695702438029",
        }],
        "ts": 1_695_702_438_029u64,
    });
    writeln!(out, "{snapshot}").unwrap_or_else(|e| panic!("{e}"));
    for i in 0..n {
        let (mut da, mut db) = (Vec::new(), Vec::new());
        for _ in 0..1 + rng.next(6) {
            // Mostly near the top of the book, where Bitget's updates are.
            let depth = rng.next(40);
            let bid = rng.next(2) == 0;
            let (side, tick) = if bid {
                (&mut bids, 599_999 - depth)
            } else {
                (&mut asks, 600_001 + depth)
            };
            let s = if rng.next(5) == 0 {
                "0".to_owned()
            } else {
                size(1 + rng.next(50_000))
            };
            if s == "0" {
                side.remove(&tick);
            } else {
                side.insert(tick, s.clone());
            }
            let entry = serde_json::json!([price(tick), s]);
            if bid { db.push(entry) } else { da.push(entry) }
        }
        seq += 1;
        let frame = serde_json::json!({
            "action": "update",
            "arg": arg,
            "data": [{"asks": da, "bids": db, "checksum": sum(&bids, &asks), "seq": seq, "ts": (1_695_702_438_030u64 + i as u64).to_string()}],
            "ts": 1_695_702_438_030u64 + i as u64,
        });
        writeln!(out, "{frame}").unwrap_or_else(|e| panic!("{e}"));
    }
}
