//! Builds `bitget-core` with serde_json's `preserve_order` feature on; the test checks that GET
//! queries are still sorted by key, as Bitget signs them.
