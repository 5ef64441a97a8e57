//! Cross-crate tests live in `tests/`; this library holds what several of them share.

pub mod fixtures {
    //! The doc pages' examples (`tests/fixtures/`): one JSON file per endpoint, naming its page.

    use serde_json::Value;

    /// The fixture `name` (such as `v2/mix/order/place-order`).
    pub fn fixture(name: &str) -> Value {
        let path = format!("{}/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// A request example as the client would send it: `""` values are "none" (catalogue
    /// §1.3), product types go out in capitals (Bitget's examples write `usdt-futures`), and the
    /// keys the page's example sends but its table does not list are left out.
    pub fn normalised(mut request: Value, not_in_table: &[&str]) -> Value {
        if let Value::Object(map) = &mut request {
            map.retain(|k, v| v != "" && !not_in_table.contains(&k.as_str()));
            if let Some(Value::String(p)) = map.get_mut("productType") {
                *p = p.to_uppercase();
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
        }
        request
    }
}
