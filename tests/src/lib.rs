//! Cross-crate tests live in `tests/`; this library holds what several of them share.

pub mod fixtures {
    //! The doc pages' examples (`tests/fixtures/`): one JSON file per endpoint, naming its page.

    use std::collections::BTreeSet;

    use bitget_core::Endpoint;
    use serde_json::Value;

    /// The fixture of endpoint `E`: its path without `/api/` (`/api/v2/mix/order/place-order`
    /// is `v2/mix/order/place-order`), so a test cannot pair a type with another page.
    pub fn name_of<E: Endpoint>() -> &'static str {
        E::PATH.strip_prefix("/api/").unwrap_or(E::PATH)
    }

    /// The fixture `name` (such as `v2/mix/order/place-order`).
    pub fn fixture(name: &str) -> Value {
        let path = format!("{}/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// A request example as the client would send it: `""` values are "none" (catalogue
    /// §1.3), product types go out in capitals (Bitget's examples write `usdt-futures`), and the
    /// keys the page's example sends but its table does not list are left out.
    pub fn normalised(request: Value, not_in_table: &[&str]) -> Value {
        match request {
            // A v3 batch: the body is the array of items.
            Value::Array(items) => Value::Array(
                items
                    .into_iter()
                    .map(|i| normalised(i, not_in_table))
                    .collect(),
            ),
            Value::Object(mut map) => {
                map.retain(|k, v| v != "" && !not_in_table.contains(&k.as_str()));
                for key in ["productType", "category"] {
                    if let Some(Value::String(p)) = map.get_mut(key) {
                        *p = p.to_uppercase();
                    }
                }
                for item in map.values_mut() {
                    if let Value::Array(items) = item {
                        for item in items {
                            if let Value::Object(m) = item {
                                m.retain(|_, v| v != "");
                            }
                        }
                    }
                }
                Value::Object(map)
            }
            other => other,
        }
    }

    /// Every path of a JSON value, as `WireShape` writes them.
    pub fn paths(value: &Value, prefix: &str, out: &mut BTreeSet<String>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    let path = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    paths(v, &path, out);
                    out.insert(path);
                }
            }
            Value::Array(items) => {
                for item in items {
                    paths(item, &format!("{prefix}[]"), out);
                }
            }
            _ => {}
        }
    }
}

pub mod every_fixture {
    //! Every fixture of a family checked against its declaration, found through the
    //! inventory: no list of endpoints to keep. A fixture may name the keys its page's example
    //! sends but its table does not list (`not_in_table`) and the response-table rows that are the
    //! page's slips (`table_slips`), each explained in its notes.

    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};

    use bitget_endpoints::inventory::{self, Family};
    use serde_json::Value;

    use crate::fixtures::{fixture, normalised};

    fn files(dir: &Path, out: &mut Vec<PathBuf>) {
        let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            if path.is_dir() {
                files(&path, out);
            } else if path.extension().is_some_and(|e| e == "json") {
                out.push(path);
            }
        }
    }

    /// Whether `text` names `path` whole (not as the start of a longer path).
    fn names_path(text: &str, path: &str) -> bool {
        text.match_indices(path).any(|(i, _)| {
            let next = text[i + path.len()..].chars().next();
            next.is_none_or(|c| !(c.is_ascii_alphanumeric() || "-_/".contains(c)))
        })
    }

    fn files_any(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            out.push(entry.path());
        }
    }

    fn strings(v: &Value) -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The fixtures under `tests/fixtures/{dir}` (`v2/spot`): each is the page of a declared
    /// endpoint of `family` and agrees with it (the module's docs say how); every endpoint
    /// of the family has one. Returns how many were checked.
    pub fn check_family(dir: &str, family: Family) -> usize {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut found = Vec::new();
        files(&root.join(dir), &mut found);
        found.sort();
        let mut checked = BTreeSet::new();
        for file in &found {
            let name = file
                .strip_prefix(&root)
                .unwrap_or(file)
                .with_extension("")
                .to_string_lossy()
                .replace('\\', "/");
            let f = fixture(&name);
            let path = format!("/api/{name}");
            let Some(e) = inventory::find(&path) else {
                panic!("{name}: a fixture for an endpoint that is not declared");
            };
            assert_eq!(e.family, family, "{name}: family");
            assert_eq!(f["path"], e.path, "{name}: path");
            assert_eq!(f["method"], e.method.as_str(), "{name}: method");
            assert!(
                f["doc"].is_string(),
                "{name}: the fixture names its doc page"
            );
            let not_in_table = strings(&f["not_in_table"]);
            let not_in_table: Vec<&str> = not_in_table.iter().map(String::as_str).collect();
            let slips = strings(&f["table_slips"]);
            if !f["request"].is_null() {
                let example = normalised(f["request"].clone(), &not_in_table);
                let back = (e.json.read_request)(example.clone()).unwrap_or_else(|err| {
                    panic!("{name}: the request example does not read: {err}")
                });
                assert_eq!(
                    back, example,
                    "{name}: the request example does not serialise back equal"
                );
            }
            let known: BTreeSet<String> = (e.json.response_paths)().into_iter().collect();
            if !f["response"].is_null() {
                let data = f["response"]["data"].clone();
                (e.json.decode_response)(data.clone()).unwrap_or_else(|err| {
                    panic!("{name}: the response example does not decode: {err}")
                });
                // The typed answer written back as JSON (what `--json` prints and users log)
                // reads back as the same answer: writing it twice gives the same JSON.
                let once = (e.json.reencode_response)(data.clone())
                    .unwrap_or_else(|err| panic!("{name}: the answer does not write back: {err}"));
                let twice = (e.json.reencode_response)(once.clone()).unwrap_or_else(|err| {
                    panic!("{name}: the written answer does not read back: {err}\n{once}")
                });
                assert_eq!(
                    once, twice,
                    "{name}: the answer changes when written and read"
                );
                let mut seen = BTreeSet::new();
                crate::fixtures::paths(&data, "", &mut seen);
                let unread: Vec<_> = seen.difference(&known).collect();
                assert!(
                    unread.is_empty(),
                    "{name}: example fields the answer type drops: {unread:?}"
                );
            }
            let missing: Vec<_> = strings(&f["response_fields"])
                .into_iter()
                .filter(|p| !known.contains(p) && !slips.contains(p))
                .collect();
            assert!(
                missing.is_empty(),
                "{name}: documented fields the answer type lacks: {missing:?}"
            );
            checked.insert(e.path);
        }
        // The seed endpoints' pages are the seed documents (`fixtures/seeds/`, read by
        // `seeds.rs`).
        let mut seeds = Vec::new();
        files_any(&root.join("seeds"), &mut seeds);
        let seed_text: String = seeds
            .iter()
            .map(|f| std::fs::read_to_string(f).unwrap_or_default())
            .collect();
        let without: Vec<_> = inventory::of(family)
            .map(|e| e.path)
            .filter(|p| !checked.contains(p) && !names_path(&seed_text, p))
            .collect();
        assert!(
            without.is_empty(),
            "declared endpoints without a doc fixture: {without:?}"
        );
        checked.len()
    }
}

pub mod rules {
    //! Rule cases: a valid request and a neighbour that breaks exactly one rule.

    use bitget_core::{Endpoint, RuleKind};
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    /// The cases run so far in this test binary: (endpoint path, violation path, rule kind).
    static CASES: std::sync::Mutex<Vec<(&'static str, String, RuleKind)>> =
        std::sync::Mutex::new(Vec::new());

    /// The rules declared on `E` and its items (`Endpoint::declared_rules`) that no case run so
    /// far has broken: each needs a case at its own field (any item of a list) and of its own
    /// kind. `required` is left out: a missing field does not compile through the builder, and
    /// does not read from JSON.
    pub fn uncovered<E: Endpoint>() -> Vec<String> {
        let cases = CASES.lock().unwrap_or_else(|e| e.into_inner());
        E::declared_rules()
            .into_iter()
            .filter(|r| r.rule != RuleKind::Required)
            .filter(|r| {
                !cases
                    .iter()
                    .any(|(e, path, kind)| *e == E::PATH && r.matches(path, *kind))
            })
            .map(|r| format!("{} {} {:?}", E::PATH, r.path, r.rule))
            .collect()
    }

    fn read<E: Endpoint + DeserializeOwned>(v: &Value) -> E {
        serde_json::from_value(v.clone())
            .unwrap_or_else(|e| panic!("{} does not read: {e}\n{v}", E::PATH))
    }

    /// `base` validates; `base` with `patch` applied (a `null` removes the key) breaks exactly
    /// `rule` at `path`, and the message names the field.
    #[track_caller]
    pub fn case<E: Endpoint + DeserializeOwned>(
        base: &Value,
        patch: Value,
        path: &str,
        rule: RuleKind,
    ) {
        let mut broken = base.clone();
        for (k, v) in patch.as_object().into_iter().flatten() {
            if let Some(m) = broken.as_object_mut() {
                match v {
                    Value::Null => m.remove(k),
                    v => m.insert(k.clone(), v.clone()),
                };
            }
        }
        body_case::<E>(base, broken, path, rule);
    }

    /// [`case`] for a request whose body is a top-level array: `broken` is the whole body.
    #[track_caller]
    pub fn body_case<E: Endpoint + DeserializeOwned>(
        base: &Value,
        broken: Value,
        path: &str,
        rule: RuleKind,
    ) {
        read::<E>(base)
            .validate()
            .unwrap_or_else(|e| panic!("{}: the valid neighbour is refused: {e}\n{base}", E::PATH));
        let err = match read::<E>(&broken).validate() {
            Ok(()) => panic!("{}: expected `{path}` to break {rule:?}: {broken}", E::PATH),
            Err(e) => e,
        };
        assert!(
            err.has(path, rule),
            "{}: expected `{path}` {rule:?} in: {err}",
            E::PATH
        );
        assert_eq!(
            err.violations.len(),
            1,
            "{}: only that rule: {err}",
            E::PATH
        );
        assert!(
            err.to_string().contains(path),
            "the message names the field: {err}"
        );
        CASES
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((E::PATH, path.to_owned(), rule));
    }
}

pub mod docs {
    //! A doc page's request example sent through the real client to the simulator.

    use bitget_core::{Client, Credentials, Endpoint};
    use bitget_sim::{Account, RunningSimulator, Simulator};
    use serde::Serialize;
    use serde::de::DeserializeOwned;

    use crate::fixtures::{fixture, name_of, normalised};

    /// A simulator with one account (Unified or Classic), and a client signed by it.
    pub async fn sim(unified: bool) -> (RunningSimulator, Client) {
        let sim = Simulator::builder()
            .account(Account::new("docs", "docs-s", "docs-p").unified(unified))
            .without_rate_limits()
            .start()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let client = Client::builder()
            .base_url(sim.base_url())
            .credentials(Credentials::new("docs", "docs-s", "docs-p"))
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        (sim, client)
    }

    /// What happened to one example.
    #[derive(Debug, PartialEq)]
    pub enum Outcome {
        /// Answered and decoded.
        Decoded,
        /// Refused by the exchange with this code (an unknown order, no position, ...).
        Refused(String),
        /// Refused by the library before sending (a slip in the doc's example).
        NotSent,
    }

    /// Every endpoint of `family` the inventory declares is sent by a test in `source` (a doc
    /// test file's own text, `include_str!`), but for `not_yet`, which must be exactly those
    /// that are not: an endpoint declared without its doc example sent to the simulator fails
    /// here, and so does a gap that was closed but is still listed.
    pub fn assert_sends_every_endpoint(
        family: bitget_endpoints::inventory::Family,
        source: &str,
        not_yet: &[&str],
    ) {
        let missing: Vec<&str> = bitget_endpoints::inventory::of(family)
            .map(|d| d.rust_path)
            .filter(|path| {
                // `spot::trade::PlaceOrder` is sent as `send::<trade::PlaceOrder>`.
                let short = path.split_once("::").map_or(*path, |(_, rest)| rest);
                !source.contains(&format!("send::<{short}>"))
            })
            .collect();
        assert_eq!(
            missing, not_yet,
            "the endpoints declared whose doc examples are not sent here"
        );
    }

    /// Sends the request example of `E`'s fixture (`v3/trade/place-order`). A refusal
    /// for a parameter the simulator does not know or cannot read (40034, 40404, 40017, 40019)
    /// fails the test: the simulator must take what the docs send.
    pub async fn send<E>(client: &Client, not_in_table: &[&str]) -> Outcome
    where
        E: Endpoint + Serialize + DeserializeOwned,
    {
        let name = name_of::<E>();
        let f = fixture(name);
        let request: E = serde_json::from_value(normalised(f["request"].clone(), not_in_table))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        match client.send(&request).await {
            Ok(_) => Outcome::Decoded,
            Err(e) if e.is_validation() => Outcome::NotSent,
            Err(e) => match e.api_code() {
                Some(code) => {
                    let code = code.as_str().to_owned();
                    assert!(
                        !["40034", "40404", "40017", "40019"].contains(&code.as_str()),
                        "{name}: the simulator refused a documented request: {e}"
                    );
                    Outcome::Refused(code)
                }
                None => panic!("{name}: {e}"),
            },
        }
    }
}

pub mod soak;

pub mod streams {
    //! What the stream tests share: a simulator with two market makers and streams on it, orders
    //! placed in its core, and waiting for a book or a subscription to reach a state.

    use std::time::Duration;

    use bitget_core::{Client, Decimal};
    use bitget_endpoints::stream::{
        BookEvent, BookStream, Event, OutOfSync, StreamConfig, Streams, Subscription,
    };
    use bitget_sim::exchange::{Effect, InstrumentId, Market, NewOrder, Side};
    use bitget_sim::{Account, RunningSimulator, Simulator};
    use tokio::time::timeout;

    /// A decimal from text.
    pub fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    /// A simulator with accounts `mm` and `mm2` pushing every 20 ms, and streams on it that
    /// reconnect within 50 to 200 ms.
    pub async fn start() -> (RunningSimulator, Streams) {
        let sim = Simulator::builder()
            .account(Account::new("mm", "mm-s", "mm-p"))
            .account(Account::new("mm2", "mm2-s", "mm2-p"))
            .without_rate_limits()
            .start()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        sim.stream_tick(Duration::from_millis(20));
        let config =
            StreamConfig::default().backoff(Duration::from_millis(50), Duration::from_millis(200));
        let streams = Streams::with_config(&client(&sim), config);
        (sim, streams)
    }

    /// A public client of the simulator.
    pub fn client(sim: &RunningSimulator) -> Client {
        Client::builder()
            .base_url(sim.base_url())
            .build()
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// A limit order of account `who` placed in the exchange core (one-way on futures).
    pub fn place(
        sim: &RunningSimulator,
        who: &str,
        id: &InstrumentId,
        side: Side,
        price: &str,
        size: &str,
    ) {
        let uid = sim.uid_of(who).unwrap_or_default();
        let mut order = NewOrder::limit(&uid, id.clone(), side, d(price), d(size));
        if id.market != Market::Spot {
            order = order.effect(Effect::Net { reduce_only: false });
        }
        sim.with_exchange(|ex| ex.place(order))
            .unwrap_or_else(|e| panic!("{e:?}"));
    }

    /// The next book event within two seconds.
    pub async fn book_event(book: &mut BookStream) -> BookEvent {
        match timeout(Duration::from_secs(2), book.next()).await {
            Ok(Some(Ok(e))) => e,
            other => panic!("no book event: {other:?}"),
        }
    }

    /// Waits until the book is synced and shows `best_bid`.
    pub async fn until_bid(book: &mut BookStream, best_bid: &str) {
        for _ in 0..50 {
            if book.book().is_synced()
                && book.book().best_bid().map(|l| l.price) == Some(d(best_bid))
            {
                return;
            }
            book_event(book).await;
        }
        panic!(
            "the book never showed the bid {best_bid}: {:?}",
            book.book().best_bid()
        );
    }

    /// Reads book events until the book resyncs (at most 20); the reasons it went out of sync
    /// on the way, as their text.
    pub async fn until_resynced(book: &mut BookStream) -> Vec<OutOfSync> {
        let mut reasons = Vec::new();
        for _ in 0..20 {
            match book_event(book).await {
                BookEvent::OutOfSync(reason) => reasons.push(reason),
                BookEvent::Resynced => return reasons,
                BookEvent::Updated => {}
            }
        }
        panic!("the book did not resync: {reasons:?}");
    }

    /// Reads a subscription's events until it is resubscribed; the connection events seen, in
    /// order (`reconnecting`, `resubscribed`).
    pub async fn until_resubscribed<T: serde::de::DeserializeOwned + std::fmt::Debug>(
        sub: &mut Subscription<T>,
    ) -> Vec<&'static str> {
        let mut seen = Vec::new();
        while !seen.contains(&"resubscribed") {
            match timeout(Duration::from_secs(3), sub.next()).await {
                Ok(Some(Ok(Event::Reconnecting))) => seen.push("reconnecting"),
                Ok(Some(Ok(Event::Resubscribed))) => seen.push("resubscribed"),
                Ok(Some(Ok(_))) => {}
                other => panic!("the subscription did not come back: {other:?} after {seen:?}"),
            }
        }
        seen
    }
}
