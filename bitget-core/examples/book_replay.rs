//! Replays a file of v2 `books` pushes, one JSON frame a line as Bitget sends them (a snapshot,
//! then updates, each with its `seq` and checksum), through the whole path a stream takes
//! ([`RawPush`] reads the envelope and the subscription's key as the connection does, the data
//! is decoded as the subscription does, merged into the local book and the checksum verified),
//! beside two floors on the same frames, nothing applied: the same reader (`parse_only`), and
//! serde_json reading each frame in one pass into typed fields (`serde`, what a client built on
//! serde's visitors cannot go below); and prints one JSON line. The socket and the
//! hand-over between the connection's task and the subscription are not in it.
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

use bitget_core::stream::RawPush;
use bitget_core::stream::book::{self, BookData, OrderBook, RawLevel};

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

/// The frame read as the connection reads a book's push: the envelope, and the data as books
/// in the same pass.
fn push(line: &str) -> RawPush<'_> {
    RawPush::parse_for(line, |_| true).unwrap_or_else(|| panic!("not a push: {line}"))
}

/// Each measurement is run this many times, interleaved, and the fastest kept: the machines
/// are shared, and a slow round says more about the neighbours than about the code.
const ROUNDS: usize = 5;

fn replay(path: &str) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    let (mut parse_s, mut full_s, mut value_s, mut serde_s, mut checksum_s) =
        (f64::MAX, f64::MAX, f64::MAX, f64::MAX, f64::MAX);
    let (mut levels, mut book, mut fold) = (0usize, OrderBook::new(), 0i64);
    for _ in 0..ROUNDS {
        // The floor: reading the frames into the same types, nothing applied.
        let start = Instant::now();
        levels = 0;
        for line in &lines {
            let frame = push(line)
                .decode::<BookData>()
                .unwrap_or_else(|e| panic!("{e}"));
            levels += frame
                .data
                .iter()
                .map(|d| d.asks.len() + d.bids.len())
                .sum::<usize>();
        }
        parse_s = parse_s.min(start.elapsed().as_secs_f64());
        // The whole path, as a stream takes it: the envelope read, the subscription's key, the
        // data decoded, merged into the book, the checksum verified.
        let start = Instant::now();
        book = OrderBook::new();
        let mut keys = 0usize;
        for line in &lines {
            let raw = push(line);
            keys += raw.key().len();
            let frame = raw.decode::<BookData>().unwrap_or_else(|e| panic!("{e}"));
            for data in frame.data {
                if let Err(e) = book.apply_owned(frame.action, data) {
                    panic!("the replay went out of sync: {e}");
                }
            }
        }
        full_s = full_s.min(start.elapsed().as_secs_f64());
        std::hint::black_box(keys);
        // serde_json alone, in one pass over each frame into typed fields, nothing applied: the
        // floor of any reader built on serde's visitors.
        let start = Instant::now();
        for line in &lines {
            let frame: SerdeFrame<'_> =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}"));
            std::hint::black_box(frame);
        }
        serde_s = serde_s.min(start.elapsed().as_secs_f64());
        // What reading a push cost before `RawPush`: a tree of values, then the typed data.
        let start = Instant::now();
        for line in &lines {
            let value: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}"));
            let data = value.get("data").cloned().unwrap_or_default();
            let data: Vec<BookData> =
                serde_json::from_value(data).unwrap_or_else(|e| panic!("{e}"));
            std::hint::black_box(data);
        }
        value_s = value_s.min(start.elapsed().as_secs_f64());
        // The checksum alone, computed afresh over the final book, as often as there were
        // frames.
        let start = Instant::now();
        fold = 0;
        for _ in &lines {
            fold = fold.wrapping_add(i64::from(std::hint::black_box(&book).fresh_checksum()));
        }
        checksum_s = checksum_s.min(start.elapsed().as_secs_f64());
    }
    let n = lines.len() as f64;
    println!(
        "{}",
        serde_json::json!({
            "frames": lines.len(),
            "rounds_best_of": ROUNDS,
            "levels": levels,
            "frames_per_s": (n / full_s).round(),
            "parse_only_frames_per_s": (n / parse_s).round(),
            "ratio_to_floor": ((full_s / parse_s) * 100.0).round() / 100.0,
            "serde_frames_per_s": (n / serde_s).round(),
            "ratio_to_serde_floor": ((full_s / serde_s) * 100.0).round() / 100.0,
            "through_value_frames_per_s": (n / value_s).round(),
            "checksums_per_s": (n / checksum_s).round(),
            "checksum_fold": fold,
            "best_bid": book.best_bid().map(|l| l.price.to_string()),
            "best_ask": book.best_ask().map(|l| l.price.to_string()),
            "synced": book.is_synced(),
        })
    );
}

/// A frame as a serde_json client reads it: the envelope's fields, the arg's strings
/// borrowed, the data typed.
#[derive(serde::Deserialize)]
#[allow(dead_code)] // read, never looked at: the floor is the reading
struct SerdeFrame<'a> {
    action: &'a str,
    #[serde(borrow)]
    arg: BTreeMap<&'a str, &'a str>,
    data: Vec<BookData>,
    ts: i64,
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
            .map(|(t, s)| RawLevel::new(&price(*t), s))
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
    let level = |l: &RawLevel| serde_json::json!([l.price(), l.size()]);
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
