//! With `preserve_order` on, a map keeps declaration order; the query must still be sorted.

use bitget_core::encode::sorted_query;
use serde::Serialize;

/// Parameters declared in an order that is not alphabetical.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Query {
    symbol: &'static str,
    product_type: &'static str,
    limit: u32,
    end_time: u64,
}

#[test]
fn the_feature_is_on_in_this_build() {
    let map: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(r#"{"b":1,"a":2}"#).unwrap_or_else(|e| panic!("{e}"));
    let keys: Vec<&str> = map.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["b", "a"],
        "without preserve_order this test proves nothing"
    );
}

#[test]
fn a_query_is_sorted_by_key_whatever_the_map_order() {
    let q = Query {
        symbol: "BTCUSDT",
        product_type: "USDT-FUTURES",
        limit: 100,
        end_time: 1_700_000_000_000,
    };
    assert_eq!(
        sorted_query(&q, "/x").ok().as_deref(),
        Some("endTime=1700000000000&limit=100&productType=USDT-FUTURES&symbol=BTCUSDT")
    );
}
