//! The server's own parameter checks (40017, 40019, 40034), so a client that skipped validation
//! gets the exchange's error and never a crash.

use serde_json::{Map, Value};

use crate::envelope::SimError;

/// The JSON object of a POST body.
pub(crate) struct Params {
    obj: Map<String, Value>,
}

/// The product types Bitget knows, upper case.
pub(crate) const PRODUCT_TYPES: [&str; 6] = [
    "USDT-FUTURES",
    "COIN-FUTURES",
    "USDC-FUTURES",
    "SUSDT-FUTURES",
    "SCOIN-FUTURES",
    "SUSDC-FUTURES",
];

impl Params {
    /// Reads a body as a JSON object whose keys are all in `allowed`.
    pub(crate) fn parse(body: &[u8], allowed: &[&str]) -> Result<Params, SimError> {
        let value: Value = serde_json::from_slice(body).map_err(|e| {
            SimError::invalid(format!(
                "Parameter verification failed: the body is not JSON ({e})"
            ))
        })?;
        let Value::Object(obj) = value else {
            return Err(SimError::invalid(
                "Parameter verification failed: the body must be a JSON object",
            ));
        };
        Params::object(obj, allowed)
    }

    /// The items of a body that is a JSON array (v3 batches), each an object whose keys are all
    /// in `allowed`; at most `max` of them.
    pub(crate) fn parse_array(
        body: &[u8],
        allowed: &[&str],
        max: usize,
    ) -> Result<Vec<Params>, SimError> {
        let value: Value = serde_json::from_slice(body).map_err(|e| {
            SimError::invalid(format!(
                "Parameter verification failed: the body is not JSON ({e})"
            ))
        })?;
        let Value::Array(items) = value else {
            return Err(SimError::invalid(
                "Parameter verification failed: the body must be a JSON array",
            ));
        };
        if items.is_empty() || items.len() > max {
            return Err(SimError::invalid(format!("a batch holds 1 to {max} items")));
        }
        items
            .into_iter()
            .map(|item| match item {
                Value::Object(obj) => Params::object(obj, allowed),
                _ => Err(SimError::invalid(
                    "each item of the batch must be an object",
                )),
            })
            .collect()
    }

    /// A JSON object (a body, or a batch item merged with its batch's fields) whose keys are all
    /// in `allowed`.
    pub(crate) fn object(obj: Map<String, Value>, allowed: &[&str]) -> Result<Params, SimError> {
        if let Some(unknown) = obj.keys().find(|k| !allowed.contains(&k.as_str())) {
            return Err(SimError::bad(
                "40034",
                format!("Parameter {unknown} does not exist"),
            ));
        }
        Ok(Params { obj })
    }

    /// Reads a GET query (`a=1&b=2`, percent-encoded) whose keys are all in `allowed`; every value
    /// is a text, as on the wire.
    pub(crate) fn query(query: &str, allowed: &[&str]) -> Result<Params, SimError> {
        let mut obj = Map::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (key, value) = (decode(key)?, decode(value)?);
            if !allowed.contains(&key.as_str()) {
                return Err(SimError::bad(
                    "40034",
                    format!("Parameter {key} does not exist"),
                ));
            }
            obj.insert(key, Value::String(value));
        }
        Ok(Params { obj })
    }

    /// An optional text; `""` and `null` count as absent.
    pub(crate) fn text(&self, name: &str) -> Result<Option<String>, SimError> {
        text_of(self.obj.get(name), name)
    }

    /// A required text.
    pub(crate) fn required(&self, name: &str) -> Result<String, SimError> {
        self.text(name)?.ok_or_else(|| SimError::missing(name))
    }

    /// A product type, upper-cased; unknown values fail verification.
    pub(crate) fn product_type(&self) -> Result<String, SimError> {
        let p = self.required("productType")?.to_uppercase();
        if PRODUCT_TYPES.contains(&p.as_str()) {
            Ok(p)
        } else {
            Err(SimError::invalid(format!("productType `{p}` is not valid")))
        }
    }

    /// An optional list of objects.
    pub(crate) fn list(&self, name: &str) -> Result<Option<&Vec<Value>>, SimError> {
        match self.obj.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(items)) => Ok(Some(items)),
            Some(_) => Err(SimError::invalid(format!(
                "Parameter {name} must be a list"
            ))),
        }
    }

    /// A decimal given as a string or number.
    pub(crate) fn decimal(&self, name: &str, required: bool) -> Result<Option<String>, SimError> {
        let text = match self.obj.get(name) {
            Some(Value::Number(n)) => Some(n.to_string()),
            other => text_of(other, name)?,
        };
        match text {
            None if required => Err(SimError::missing(name)),
            None => Ok(None),
            Some(t) if is_decimal(&t) => Ok(Some(t)),
            Some(t) => Err(SimError::invalid(format!(
                "Parameter {name} `{t}` is not a number"
            ))),
        }
    }
}

/// A percent-decoded query component (`+` is a space, as in forms).
fn decode(text: &str) -> Result<String, SimError> {
    let bytes = percent_decode(text.as_bytes(), true)
        .ok_or_else(|| SimError::invalid("a query has a broken percent escape"))?;
    String::from_utf8(bytes).map_err(|_| SimError::invalid("a query is not UTF-8"))
}

/// `%XX` escapes decoded (and `+` as a space when `plus_is_space`); a `%` without two characters
/// after it stays as it is; `None` for an escape that is not hexadecimal.
pub(crate) fn percent_decode(input: &[u8], plus_is_space: bool) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'%' if input.len() - i >= 3 => {
                let hex = std::str::from_utf8(&input[i + 1..i + 3]).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    Some(out)
}

/// A text field of a JSON object: strings only; `""` and `null` are absent.
pub(crate) fn text_of(value: Option<&Value>, name: &str) -> Result<Option<String>, SimError> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(SimError::invalid(format!(
            "Parameter {name} must be a string"
        ))),
    }
}

fn is_decimal(t: &str) -> bool {
    let mut parts = t.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_bitget_refuses() {
        assert_eq!(
            Params::parse(b"{", &[]).err().map(|e| e.code),
            Some("40017".into())
        );
        assert_eq!(
            Params::parse(b"[]", &[]).err().map(|e| e.code),
            Some("40017".into())
        );
        assert_eq!(
            Params::parse(br#"{"x":1}"#, &["y"]).err().map(|e| e.code),
            Some("40034".into())
        );
        let p = Params::parse(
            br#"{"a":"","b":3,"productType":"usdt-futures","price":"1.5"}"#,
            &["a", "b", "productType", "price"],
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(p.required("a").err().map(|e| e.code), Some("40019".into()));
        assert_eq!(p.text("b").err().map(|e| e.code), Some("40017".into()));
        assert_eq!(p.product_type().ok().as_deref(), Some("USDT-FUTURES"));
        assert_eq!(
            p.decimal("price", true).ok().flatten().as_deref(),
            Some("1.5")
        );
        assert!(
            !is_decimal("1.") && !is_decimal("-1") && !is_decimal("1e5") && is_decimal("0.001")
        );
    }
}
