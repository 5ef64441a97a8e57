//! Reading a request back from JSON, for the `Deserialize` the macros generate: the object is
//! read once into a map, each field taken out by its wire name, and any key left over refused.
//!
//! The generated code is a few calls per field, where serde's derive emits a field enum and two
//! visitors per struct: over a whole trading surface of declarations this halves what the
//! compiler checks (measured with `scripts/compile_cost.sh`).

use std::collections::BTreeMap;

use serde::de::{DeserializeOwned, Error};

pub use serde_json::Value;

/// A request object's fields by wire name.
pub type Fields = BTreeMap<String, Value>;

/// The optional field `wire`: absent and `null` are `None`.
pub fn opt<T: DeserializeOwned, E: Error>(fields: &mut Fields, wire: &str) -> Result<Option<T>, E> {
    match fields.remove(wire) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => serde_json::from_value(v).map(Some).map_err(at(wire)),
    }
}

/// A field's error, named by its wire name.
fn at<E: Error>(wire: &str) -> impl FnOnce(serde_json::Error) -> E + '_ {
    move |e| E::custom(format_args!("`{wire}`: {e}"))
}

/// The required field `wire`.
pub fn req<T: DeserializeOwned, E: Error>(fields: &mut Fields, wire: &'static str) -> Result<T, E> {
    match fields.remove(wire) {
        None => Err(E::missing_field(wire)),
        Some(v) => serde_json::from_value(v).map_err(at(wire)),
    }
}

/// The field `wire` read by `read` (a lenient reader of `wire::de`), `None` when absent.
pub fn with<T, E: Error>(
    fields: &mut Fields,
    wire: &str,
    read: fn(Value) -> Result<T, serde_json::Error>,
) -> Result<Option<T>, E> {
    fields
        .remove(wire)
        .map(|v| read(v).map_err(at(wire)))
        .transpose()
}

/// A required field read by `with`.
pub fn present<T, E: Error>(value: Option<T>, wire: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(wire))
}

/// Refuses any key no field took (a misspelt `orderIdList` must not read as "no list").
pub fn no_unknown<E: Error>(fields: &Fields, expected: &'static [&'static str]) -> Result<(), E> {
    match fields.keys().next() {
        Some(key) => Err(E::unknown_field(key, expected)),
        None => Ok(()),
    }
}
