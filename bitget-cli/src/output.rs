//! Tables for people, JSON for scripts. A table is drawn from the answers' JSON (the typed
//! answers written back with their wire names), each column naming the keys it shows, the first
//! one present winning, so one table fits the answers of several endpoints.

use serde_json::Value;

/// One column: its header and the wire keys it shows, in order of preference.
pub(crate) struct Column {
    pub(crate) header: &'static str,
    pub(crate) keys: &'static [&'static str],
}

/// A column showing the first of `keys` an item has.
pub(crate) const fn col(header: &'static str, keys: &'static [&'static str]) -> Column {
    Column { header, keys }
}

/// The text of an item's cell: the first key present and not empty, `-` otherwise.
fn cell(item: &Value, keys: &[&str]) -> String {
    keys.iter()
        .filter_map(|k| item.get(*k))
        .find_map(|v| match v {
            Value::Null => None,
            Value::String(s) if s.is_empty() => None,
            Value::String(s) => Some(s.clone()),
            other => Some(other.to_string()),
        })
        .unwrap_or_else(|| "-".to_owned())
}

/// The rows as an aligned table: a header line, then one line per item.
pub(crate) fn table(columns: &[Column], items: &[Value]) -> String {
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|item| columns.iter().map(|c| cell(item, c.keys)).collect())
        .collect();
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([c.header.len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        padded.join("  ").trim_end().to_owned()
    };
    let mut out = vec![line(columns.iter().map(|c| c.header).collect())];
    out.extend(
        rows.iter()
            .map(|r| line(r.iter().map(String::as_str).collect())),
    );
    out.join("\n")
}

/// Prints a table, or `none` when there is nothing to show.
pub(crate) fn print_table(title: &str, columns: &[Column], items: &[Value]) {
    if items.is_empty() {
        out!("{title}: none");
    } else {
        out!("{title}:\n{}", table(columns, items));
    }
}

/// Prints a value as indented JSON.
pub(crate) fn print_json(value: &Value) {
    out!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
    );
}

/// A typed answer as JSON (wire names), `null` if it cannot be written.
pub(crate) fn json_of<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// The items of a JSON list (an answer that is not a list is one item).
pub(crate) fn items(value: Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items,
        Value::Null => Vec::new(),
        other => vec![other],
    }
}

/// Each item with `key: value` added (the product line an item was read on).
pub(crate) fn tagged(items: Vec<Value>, key: &str, value: &str) -> Vec<Value> {
    items
        .into_iter()
        .map(|mut item| {
            if let Value::Object(map) = &mut item {
                map.insert(key.to_owned(), Value::String(value.to_owned()));
            }
            item
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_table_aligns_its_columns_and_takes_the_first_key_present() {
        let cols = [col("SYMBOL", &["symbol"]), col("SIZE", &["size", "qty"])];
        let shown = table(
            &cols,
            &[
                json!({"symbol": "BTCUSDT", "size": "0.5"}),
                json!({"symbol": "ETHUSDT", "qty": "12.25"}),
                json!({"symbol": "SOLUSDT", "size": ""}),
            ],
        );
        assert_eq!(
            shown,
            "SYMBOL   SIZE\nBTCUSDT  0.5\nETHUSDT  12.25\nSOLUSDT  -"
        );
    }
}
