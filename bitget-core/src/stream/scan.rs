//! A strict, borrowing reader for the two shapes that arrive thousands of times a second: a
//! push's envelope (every channel's) and a `books` push's data.
//!
//! It reads only what it can read for certain: plain strings (no escapes), integers written as
//! digits, the keys it knows once each. Anything else (an escape, a duplicate key, a number
//! where a level's text was expected, a nesting deeper than [`DEPTH`]) makes it answer `None`,
//! and the caller reads the frame with serde_json instead. So the two readers never disagree:
//! this one is only faster on the frames Bitget actually sends (a `books` update is read about
//! three times as fast as through serde's visitors; `book_replay` measures it), and a property
//! test holds it to serde's answer on valid, perturbed and broken frames alike.
//!
//! JSON it skips (values of keys it does not read) is checked as strictly as serde_json checks
//! it. A push's `data` is the one exception: its extent is found (strings and nesting
//! followed) but its JSON is left to whoever decodes it, serde_json or [`books`], both strict:
//! data that is not JSON is then that subscription's decode error (as a push that does not fit
//! its type is), where serde_json's envelope would have dropped the frame unread.

use super::book::{Action, BookData, RawLevel};

/// How deep a skipped value may nest before the reader leaves it to serde_json (whose own
/// limit is 128).
const DEPTH: u32 = 64;

/// A push's envelope, as [`super::frame::RawPush`] keeps it.
#[derive(Debug, Default)]
pub(super) struct Envelope<'a> {
    /// `event` or `id` present and not `null`: an answer, not a push.
    pub(super) answer: bool,
    /// The key of the arg's subscription ([`key`]), `None` where the frame has no arg object
    /// (or a `null`).
    pub(super) arg: Option<String>,
    /// `action`'s text (`None` for absent or `null`).
    pub(super) action: Option<&'a str>,
    /// `data`, as the text it was sent in (`None` for absent or `null`).
    pub(super) data: Option<&'a str>,
    /// `data` read as books in the same pass, where the caller asked for it (its
    /// subscription is a book) and this reader could vouch for it.
    pub(super) books: Option<Vec<BookData>>,
    /// `ts`.
    pub(super) ts: Option<i64>,
}

/// A subscription's key ([`Arg::key`](super::Arg::key)) from the string fields of its arg
/// that identify it, in the order of [`super::channel::KEY_FIELDS`]: lower case, joined by
/// spaces.
pub(super) fn key<'s>(texts: impl IntoIterator<Item = &'s str>) -> String {
    let mut key = String::with_capacity(48);
    for text in texts {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(text);
    }
    key.make_ascii_lowercase();
    key
}

/// Reads a frame's envelope; `None` when the frame is not one this reader can vouch for.
/// `books_for(key)` says whether the push for that subscription key is a book's: its data is
/// then read as books in the same pass (when the arg comes before the data, as Bitget sends
/// it), not passed over and read again.
pub(super) fn envelope(text: &str, books_for: impl Fn(&str) -> bool) -> Option<Envelope<'_>> {
    let mut c = Cursor::new(text);
    let mut out = Envelope::default();
    let mut seen = 0u8;
    c.object(|c, key| {
        let bit = match key {
            "event" | "id" => {
                if !c.null() {
                    c.skip(0)?;
                    out.answer = true;
                }
                // `event` and `id` are told apart for duplicates.
                if key == "event" { 1 } else { 2 }
            }
            "arg" => {
                if !c.null() {
                    out.arg = Some(arg(c)?);
                }
                4
            }
            "action" => {
                if !c.null() {
                    out.action = Some(c.string()?);
                }
                8
            }
            "data" => {
                if !c.null() {
                    let start = (c.peek_after_ws(), c.at);
                    let mut ahead = *c;
                    let books = match (&out.arg, start.0) {
                        (Some(key), Some(b'[' | b'{')) if books_for(key) => books_value(&mut ahead),
                        _ => None,
                    };
                    match books {
                        Some(books) => {
                            out.books = Some(books);
                            out.data = text.get(start.1..ahead.at);
                            c.at = ahead.at;
                        }
                        None => out.data = Some(c.extent()?),
                    }
                }
                16
            }
            "ts" => {
                out.ts = c.integer::<i64>()?;
                32
            }
            _ => return c.skip(0),
        };
        once(&mut seen, bit)
    })?;
    c.end()?;
    Some(out)
}

/// A `books` push's `data`: a list of objects, or the one object some channels send.
pub(super) fn books(data: &str) -> Option<Vec<BookData>> {
    let mut c = Cursor::new(data);
    let out = books_value(&mut c)?;
    c.end()?;
    Some(out)
}

/// [`books`] from where the cursor is, leaving it after the value.
fn books_value(c: &mut Cursor<'_>) -> Option<Vec<BookData>> {
    if c.peek_after_ws() == Some(b'{') {
        return Some(vec![book_data(c)?]);
    }
    let mut out = Vec::with_capacity(1);
    c.list(|c| {
        out.push(book_data(c)?);
        Some(())
    })?;
    Some(out)
}

/// Marks a known key as read; `None` on its second time (serde refuses a duplicate field).
fn once(seen: &mut u8, bit: u8) -> Option<()> {
    if *seen & bit != 0 {
        return None;
    }
    *seen |= bit;
    Some(())
}

/// An arg object's key, from its identifying strings (other values, as serde's reader, leave
/// a field out).
fn arg(c: &mut Cursor<'_>) -> Option<String> {
    let mut out = [None::<&str>; 7];
    let mut seen = 0u8;
    c.object(|c, key| {
        let i = match key {
            "instType" => 0,
            "channel" => 1,
            "topic" => 2,
            "instId" => 3,
            "coin" => 4,
            "symbol" => 5,
            "interval" => 6,
            _ => return c.skip(0),
        };
        once(&mut seen, 1 << i)?;
        if c.peek_after_ws() == Some(b'"') {
            out[i] = Some(c.string()?);
        } else {
            c.skip(0)?;
        }
        Some(())
    })?;
    Some(key(out.into_iter().flatten()))
}

/// One element of a `books` push's data.
fn book_data(c: &mut Cursor<'_>) -> Option<BookData> {
    let mut out = BookData {
        asks: Vec::new(),
        bids: Vec::new(),
        checksum: None,
        seq: None,
        pseq: None,
        ts: None,
    };
    let mut seen = 0u8;
    c.object(|c, key| {
        let bit = match key {
            "asks" | "a" => {
                out.asks = levels(c)?;
                1
            }
            "bids" | "b" => {
                out.bids = levels(c)?;
                2
            }
            "checksum" => {
                out.checksum = c.integer()?;
                4
            }
            "seq" => {
                out.seq = c.integer()?;
                8
            }
            "pseq" => {
                out.pseq = c.integer()?;
                16
            }
            "ts" => {
                out.ts = c.integer()?;
                32
            }
            _ => return c.skip(0),
        };
        once(&mut seen, bit)
    })?;
    Some(out)
}

/// `[[price, size, ..], ..]`, price and size as text (a level sent as numbers is left to serde,
/// which keeps the form it reads).
fn levels(c: &mut Cursor<'_>) -> Option<Vec<RawLevel>> {
    let mut out = Vec::new();
    c.list(|c| {
        c.expect(b'[')?;
        let price = c.string()?;
        c.expect(b',')?;
        let size = c.string()?;
        // RPI books add a third value, not part of a level.
        while c.next_is(b',') {
            c.skip(1)?;
        }
        c.expect(b']')?;
        out.push(RawLevel::new(price, size));
        Some(())
    })?;
    Some(out)
}

/// The bytes that open or close a string, a list or an object.
static STRUCTURAL: [bool; 256] = table(b"\"[]{}");

/// The bytes that end a string's plain run: its closing quote, an escape.
static IN_STRING: [bool; 256] = table(b"\"\\");

const fn table(bytes: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        t[bytes[i] as usize] = true;
        i += 1;
    }
    t
}

/// A position in a frame's text.
#[derive(Clone, Copy)]
struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str) -> Self {
        Cursor { text, at: 0 }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.bytes().get(self.at) {
            self.at += 1;
        }
    }

    fn peek_after_ws(&mut self) -> Option<u8> {
        self.ws();
        self.bytes().get(self.at).copied()
    }

    /// Consumes `b` (after whitespace) if it is next.
    fn next_is(&mut self, b: u8) -> bool {
        let yes = self.peek_after_ws() == Some(b);
        if yes {
            self.at += 1;
        }
        yes
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        self.next_is(b).then_some(())
    }

    /// Nothing but whitespace is left.
    fn end(&mut self) -> Option<()> {
        self.ws();
        (self.at == self.text.len()).then_some(())
    }

    /// Consumes a `null` if it is next.
    fn null(&mut self) -> bool {
        self.ws();
        self.literal(b"null").is_some()
    }

    /// A string without escapes, borrowed.
    fn string(&mut self) -> Option<&'a str> {
        self.expect(b'"')?;
        let start = self.at;
        let bytes = self.bytes();
        loop {
            match *bytes.get(self.at)? {
                b'"' => break,
                // An escape is serde's to decode; a raw control character is not JSON.
                b'\\' | 0..=0x1f => return None,
                _ => self.at += 1,
            }
        }
        // Both ends are at an ASCII `"`, so on character boundaries.
        let s = self.text.get(start..self.at)?;
        self.at += 1;
        Some(s)
    }

    /// An object, `f` called with the cursor after each key's `:` (it reads the value).
    fn object(&mut self, mut f: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
        self.expect(b'{')?;
        if self.next_is(b'}') {
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.expect(b':')?;
            f(self, key)?;
            if !self.next_is(b',') {
                return self.expect(b'}');
            }
        }
    }

    /// A list, `f` called at each element (it reads it).
    fn list(&mut self, mut f: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.expect(b'[')?;
        if self.next_is(b']') {
            return Some(());
        }
        loop {
            f(self)?;
            if !self.next_is(b',') {
                return self.expect(b']');
            }
        }
    }

    /// An integer sent as digits or as text (`""` and `null` as none), as the serde reader takes
    /// it; `None` (leave it to serde) for anything else, or out of `T`'s range.
    fn integer<T: TryFrom<u64> + TryFrom<i64>>(&mut self) -> Option<Option<T>> {
        if self.null() {
            return Some(None);
        }
        let text = if self.peek_after_ws() == Some(b'"') {
            let s = self.string()?;
            if s.is_empty() {
                return Some(None);
            }
            s
        } else {
            let n = self.number()?;
            // A fraction or an exponent is a float, which serde's reader refuses; so is `-0`,
            // which serde_json reads as a float to keep its sign.
            if !n.bytes().all(|b| b.is_ascii_digit() || b == b'-') || n.starts_with("-0") {
                return None;
            }
            n
        };
        digits(text).map(Some)
    }

    /// A JSON number (its grammar checked), as written.
    fn number(&mut self) -> Option<&'a str> {
        self.ws();
        let start = self.at;
        let bytes = self.bytes();
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at - from
        };
        let mut at = start;
        if bytes.get(at) == Some(&b'-') {
            at += 1;
        }
        match bytes.get(at)? {
            b'0' => at += 1,
            b'1'..=b'9' => {
                digits(&mut at);
            }
            _ => return None,
        }
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            if digits(&mut at) == 0 {
                return None;
            }
        }
        if let Some(b'e' | b'E') = bytes.get(at) {
            at += 1;
            if let Some(b'+' | b'-') = bytes.get(at) {
                at += 1;
            }
            // A long exponent may be out of a float's range: serde's to judge.
            if !(1..=3).contains(&digits(&mut at)) {
                return None;
            }
        }
        self.at = at;
        self.text.get(start..at)
    }

    /// Any value, checked and passed over; its text.
    fn raw(&mut self) -> Option<&'a str> {
        self.ws();
        let start = self.at;
        self.skip(0)?;
        self.text.get(start..self.at)
    }

    /// A list's or an object's text, found by following its strings and nesting without
    /// checking the JSON inside (its decoder does); any other value is checked.
    fn extent(&mut self) -> Option<&'a str> {
        if !matches!(self.peek_after_ws()?, b'[' | b'{') {
            return self.raw();
        }
        let bytes = self.bytes();
        let (start, mut at, mut depth) = (self.at, self.at, 0usize);
        loop {
            // Most bytes are neither quotes nor brackets: passed in a loop of their own.
            while bytes.get(at).is_some_and(|b| !STRUCTURAL[usize::from(*b)]) {
                at += 1;
            }
            match *bytes.get(at)? {
                b'"' => loop {
                    at += 1;
                    while bytes.get(at).is_some_and(|b| !IN_STRING[usize::from(*b)]) {
                        at += 1;
                    }
                    match *bytes.get(at)? {
                        b'"' => break,
                        _ => at += 1,
                    }
                },
                b'[' | b'{' => depth += 1,
                _ => {
                    depth -= 1;
                    if depth == 0 {
                        self.at = at + 1;
                        return self.text.get(start..self.at);
                    }
                }
            }
            at += 1;
        }
    }

    /// Passes over any value, checking it is JSON.
    fn skip(&mut self, depth: u32) -> Option<()> {
        if depth > DEPTH {
            return None;
        }
        match self.peek_after_ws()? {
            b'"' => self.skip_string(),
            b'{' => {
                // Keys as any string, escapes and all.
                self.at += 1;
                if self.next_is(b'}') {
                    return Some(());
                }
                loop {
                    self.skip_string()?;
                    self.expect(b':')?;
                    self.skip(depth + 1)?;
                    if !self.next_is(b',') {
                        return self.expect(b'}');
                    }
                }
            }
            b'[' => self.list(|c| c.skip(depth + 1)),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            _ => self.number().map(drop),
        }
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        if !self.bytes()[self.at..].starts_with(word) {
            return None;
        }
        self.at += word.len();
        Some(())
    }

    /// A string with any escapes, checked.
    fn skip_string(&mut self) -> Option<()> {
        self.expect(b'"')?;
        let bytes = self.bytes();
        loop {
            match *bytes.get(self.at)? {
                b'"' => {
                    self.at += 1;
                    return Some(());
                }
                b'\\' => {
                    match *bytes.get(self.at + 1)? {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.at += 2,
                        b'u' => {
                            let hex = bytes.get(self.at + 2..self.at + 6)?;
                            let hex = std::str::from_utf8(hex).ok()?;
                            let unit = u16::from_str_radix(hex, 16).ok()?;
                            // Surrogate pairs are serde's to judge.
                            if (0xD800..=0xDFFF).contains(&unit) || hex.starts_with('+') {
                                return None;
                            }
                            self.at += 6;
                        }
                        _ => return None,
                    }
                }
                0..=0x1f => return None,
                _ => self.at += 1,
            }
        }
    }
}

/// `-?[0-9]{1,19}` as `T`; `None` for anything else (a `+`, 20 digits and more, out of `T`'s
/// range), which serde's reader then judges. Nineteen digits always fit a u64, so no digit is
/// checked for overflow (what `str::parse` does, at a quarter of reading a push).
fn digits<T: TryFrom<u64> + TryFrom<i64>>(text: &str) -> Option<T> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if digits.is_empty() || digits.len() > 19 {
        return None;
    }
    let mut value = 0u64;
    for b in digits.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10 + u64::from(b - b'0');
    }
    if negative {
        T::try_from(-i64::try_from(value).ok()?).ok()
    } else {
        T::try_from(value).ok()
    }
}

/// The envelope's `action` as the book reads it.
pub(super) fn action(text: Option<&str>) -> Action {
    match text {
        Some("update") => Action::Update,
        _ => Action::Snapshot,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::super::frame::{RawPush, decode_with_serde};
    use super::*;

    /// What a subscription is handed for a frame: the push's parts (or not a push), and its
    /// data as books or a decode error.
    type Delivery = Option<(Parts, Result<Vec<BookData>, ()>)>;
    type Parts = (String, Action, String, Option<i64>);

    fn parts(p: &RawPush<'_>) -> Parts {
        (p.key().to_owned(), p.action(), p.data().to_owned(), p.ts())
    }

    /// What the stream delivers: the fast reader where it answers, serde_json where not; the
    /// data read in the envelope's pass (`books`, as a book's subscription has it) or after.
    fn delivered(frame: &str, books: bool) -> Delivery {
        RawPush::parse_for(frame, |_| books).map(|p| {
            let parts = parts(&p);
            (parts, p.decode::<BookData>().map(|p| p.data).map_err(drop))
        })
    }

    /// What serde_json alone would deliver.
    fn serde(frame: &str) -> Delivery {
        RawPush::parse_with_serde(frame).map(|p| {
            (
                parts(&p),
                decode_with_serde::<BookData>(p.data()).map_err(drop),
            )
        })
    }

    /// Whether the fast reader read the frame (and its books, after the envelope and in its
    /// pass) without serde.
    fn read_fast(frame: &str) -> bool {
        let plain = |e: &Envelope<'_>| e.answer || e.arg.is_none() || e.data.is_none();
        envelope(frame, |_| false)
            .is_some_and(|e| plain(&e) || e.data.is_some_and(|d| books(d).is_some()))
            && envelope(frame, |_| true).is_some_and(|e| plain(&e) || e.books.is_some())
    }

    /// The fast reader and serde_json deliver the same; or the frame's data is not JSON and the
    /// fast reader delivers it as a decode error where serde_json drops the frame.
    fn agree(frame: &str) -> Result<(), TestCaseError> {
        let slow = serde(frame);
        for books in [false, true] {
            let fast = delivered(frame, books);
            if let (Some((_, Err(()))), None) = (&fast, &slow) {
                continue;
            }
            prop_assert_eq!(
                fast,
                slow.clone(),
                "{} (books in the first pass: {})",
                frame,
                books
            );
        }
        Ok(())
    }

    /// Text in one of the ways JSON may write it: plain, or with an escape the fast reader
    /// leaves to serde.
    fn text(plain: String, escape: bool) -> String {
        if escape {
            format!("\\u0030{plain}")
        } else {
            plain
        }
    }

    fn number_text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[1-9][0-9]{0,5}\\.[0-9]{1,4}",
            "[1-9][0-9]{0,5}",
            Just("0".to_owned()),
            Just("0.0000".to_owned()),
        ]
    }

    /// Each generated piece says whether it is written plainly, in the forms the fast reader
    /// takes (then it must answer), or not (then it may leave the frame to serde).
    type Piece = (String, bool);

    fn level() -> impl Strategy<Value = Piece> {
        (
            number_text(),
            number_text(),
            any::<bool>(),
            0u8..12,
            any::<bool>(),
        )
            .prop_map(|(p, s, esc, shape, third)| {
                let third = if third { r#","1""# } else { "" };
                match shape {
                    // A level sent as numbers, for serde to keep.
                    0 => (format!("[{p},{s}{third}]"), false),
                    1 => (format!(r#"[ "{}" , "{s}" {third} ]"#, text(p, esc)), !esc),
                    _ => (format!(r#"["{p}","{s}"{third}]"#), true),
                }
            })
    }

    fn levels() -> impl Strategy<Value = Piece> {
        prop::collection::vec(level(), 0..6).prop_map(|l| {
            let plain = l.iter().all(|(_, p)| *p);
            let text: Vec<String> = l.into_iter().map(|(t, _)| t).collect();
            (format!("[{}]", text.join(",")), plain)
        })
    }

    /// An integer field in one of the forms Bitget (or a broken sender) might use.
    fn integer() -> impl Strategy<Value = Piece> {
        prop_oneof![
            "[1-9][0-9]{0,17}".prop_map(|t| (t, true)),
            "\"[1-9][0-9]{0,17}\"".prop_map(|t| (t, true)),
            Just(("0".to_owned(), true)),
            Just(("\"\"".to_owned(), true)),
            Just(("null".to_owned(), true)),
            "-[0-9]{1,19}".prop_map(|t| (t, false)),
            "0[0-9]{1,3}".prop_map(|t| (t, false)),
            Just(("1.5".to_owned(), false)),
            Just(("1e3".to_owned(), false)),
            Just(("18446744073709551616".to_owned(), false)),
        ]
    }

    /// A `books` frame with its keys in any order, extra keys and values of other shapes.
    fn frame() -> impl Strategy<Value = Piece> {
        let data = (
            levels(),
            levels(),
            integer(),
            integer(),
            integer(),
            any::<bool>(),
            any::<bool>(),
            prop::sample::subsequence(vec![0usize, 1, 2, 3, 4, 5, 6], 0..=7),
        )
            .prop_map(|(asks, bids, checksum, seq, pseq, v3, extra, order)| {
                let (a, b) = if v3 { ("a", "b") } else { ("asks", "bids") };
                let fields = [
                    (format!(r#""{a}":{}"#, asks.0), asks.1),
                    (format!(r#""{b}":{}"#, bids.0), bids.1),
                    (format!(r#""checksum":{}"#, checksum.0), checksum.1),
                    (format!(r#""seq":{}"#, seq.0), seq.1),
                    (format!(r#""pseq":{}"#, pseq.0), pseq.1),
                    (r#""ts":"1695702438030""#.to_owned(), true),
                    if extra {
                        let skipped = r#""x":{"y":[1,-2.5e3,true,false,null,"\"\\\/\n\u00e9"]}"#;
                        (skipped.to_owned(), true)
                    } else {
                        // A second `asks` (or `a`, its alias) where the first is there too.
                        (r#""asks":[]"#.to_owned(), !order.contains(&0))
                    },
                ];
                let plain = order.iter().all(|i| fields[*i].1);
                let picked: Vec<&str> = order.iter().map(|i| fields[*i].0.as_str()).collect();
                (format!("{{{}}}", picked.join(",")), plain)
            });
        (
            prop::collection::vec(data, 0..3),
            any::<bool>(),
            prop_oneof![
                Just((r#""update""#, true)),
                Just((r#""snapshot""#, true)),
                Just(("null", true)),
                Just(("7", false)),
            ],
            integer(),
            any::<bool>(),
            prop_oneof![
                Just((
                    r#"{"instType":"SPOT","channel":"books","instId":"BTCUSDT"}"#,
                    true
                )),
                Just((
                    r#"{"instType":"usdt-futures","topic":"books","symbol":"BTCUSDT","x":[1]}"#,
                    true
                )),
                Just(("null", true)),
                Just((
                    r#"{"instType":"SP\u004fT","channel":"books","instId":7}"#,
                    false
                )),
                Just((r#"{"channel":"books","channel":"books"}"#, false)),
                Just((r#"[{"id":"1"}]"#, false)),
            ],
            0u8..4,
        )
            .prop_map(|(data, one, action, ts, spaced, arg, event)| {
                let plain = data.iter().all(|(_, p)| *p) && action.1 && ts.1 && arg.1;
                let data: Vec<String> = data.into_iter().map(|(t, _)| t).collect();
                let data = if one && data.len() == 1 {
                    data[0].clone()
                } else {
                    format!("[{}]", data.join(","))
                };
                let event = match event {
                    0 => r#""event":"subscribe","#,
                    1 => r#""event":null,"#,
                    2 => r#""id":"1","#,
                    _ => "",
                };
                let frame = format!(
                    r#"{{{event}"action":{},"arg":{},"data":{data},"ts":{}}}"#,
                    action.0, arg.0, ts.0
                );
                let frame = if spaced {
                    frame.replace(',', " ,\n\t").replace(':', " : ")
                } else {
                    frame
                };
                (frame, plain)
            })
    }

    /// Any JSON value, strings with any character (serde_json writes the escapes).
    fn json() -> impl Strategy<Value = serde_json::Value> {
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            any::<String>().prop_map(Value::String),
            "[\"\\\\/\n\t\u{0}-\u{1f}a]{0,6}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::vec(("[a-z\"\\\\]{0,4}", inner), 0..6)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    /// One edit of a frame: a character replaced, inserted or removed.
    fn mutate(frame: &str, at: usize, how: u8, with: char) -> String {
        let mut chars: Vec<char> = frame.chars().collect();
        if chars.is_empty() {
            return frame.to_owned();
        }
        let at = at % chars.len();
        match how % 3 {
            0 => chars[at] = with,
            1 => chars.insert(at, with),
            _ => {
                chars.remove(at);
            }
        }
        chars.into_iter().collect()
    }

    #[test]
    fn a_frame_as_bitget_sends_it_is_read_without_serde() {
        let frame = r#"{"action":"update","arg":{"instType":"SPOT","channel":"books","instId":"BTCUSDT"},"data":[{"asks":[["60000.1","0"]],"bids":[["59998.1","1.9223"]],"checksum":-958744413,"seq":1304314508780744706,"ts":"1695702438030"}],"ts":1695702438030}"#;
        assert!(read_fast(frame));
        let read = delivered(frame, true);
        assert_eq!(read, serde(frame));
        let books = read.and_then(|r| r.1.ok()).unwrap_or_default();
        assert_eq!(books[0].seq, Some(1_304_314_508_780_744_706));
        assert_eq!(books[0].asks[0].price(), "60000.1");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Wherever the fast reader answers, it answers as serde_json does; and it answers for
        /// every frame written plainly.
        #[test]
        fn the_fast_reader_agrees_with_serde((frame, plain) in frame()) {
            agree(&frame)?;
            prop_assert!(read_fast(&frame) || !plain, "a plain frame left to serde: {}", frame);
        }
    }

    proptest! {
        // More cases: a break the fast reader could miss is one position among hundreds.
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        /// Any JSON value is passed over as serde_json reads it, and a broken one is refused
        /// where serde_json refuses it.
        #[test]
        fn values_are_checked_as_serde_checks_them(
            value in json(),
            at in any::<usize>(),
            how in any::<u8>(),
            with in prop::sample::select(vec!['{', '}', '[', ']', '"', ',', ':', '\\', ' ', '0', '9', '-', '+', '.', 'e', 'E', 'n', 'u', 't', 'l', '\u{1}', 'é']),
        ) {
            let text = value.to_string();
            let skips = |t: &str| {
                let mut c = Cursor::new(t);
                c.raw().is_some() && c.end().is_some()
            };
            prop_assert!(skips(&text), "a valid value refused: {}", text);
            let broken = mutate(&text, at, how, with);
            if skips(&broken) {
                prop_assert!(
                    serde_json::from_str::<serde::de::IgnoredAny>(&broken).is_ok(),
                    "passed over what serde_json refuses: {}", broken
                );
            }
        }

        /// A broken frame (one character changed, added or removed) is delivered as serde_json
        /// would deliver it, or (broken data) as a decode error: never as another value.
        #[test]
        fn a_broken_frame_is_never_delivered_as_another_value(
            (frame, _) in frame(),
            at in any::<usize>(),
            how in any::<u8>(),
            with in prop::sample::select(vec!['{', '}', '[', ']', '"', ',', ':', '\\', ' ', '0', '9', '-', '.', 'e', 'n', 'u', 't', '\u{1}', 'é']),
        ) {
            agree(&mutate(&frame, at, how, with))?;
        }
    }
}
