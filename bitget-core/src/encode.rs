//! Turning a request into the exact bytes that are signed and sent.

use bytes::Bytes;
use serde::Serialize;

use crate::endpoint::{Encoding, Endpoint};
use crate::error::Error;

/// A request ready for the wire: the query (no leading `?`) and the body, each serialised once.
/// The prehash is built from these very values, and these very values are sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Encoded {
    /// The query string, keys sorted ascending; empty when there is none.
    pub query: String,
    /// The body bytes; empty for GET.
    pub body: Bytes,
}

/// Encodes a request as its endpoint says: a JSON body in declaration order, or a sorted query.
pub fn encode<E: Endpoint>(request: &E) -> Result<Encoded, Error> {
    encode_params(E::ENCODING, E::PATH, request)
}

/// Encodes any parameters for `path`: a JSON body (`{}` when there are none), or a sorted query.
/// Declared and raw requests both come here.
pub fn encode_params<P: Serialize + ?Sized>(
    encoding: Encoding,
    path: &str,
    params: &P,
) -> Result<Encoded, Error> {
    match encoding {
        Encoding::JsonBody => {
            let body = serde_json::to_vec(params).map_err(|e| {
                Error::config(format!("{path}: the request did not serialise: {e}"))
            })?;
            let body = if body == b"null" {
                b"{}".to_vec()
            } else {
                body
            };
            Ok(Encoded {
                query: String::new(),
                body: Bytes::from(body),
            })
        }
        Encoding::Query => Ok(Encoded {
            query: sorted_query(params, path)?,
            body: Bytes::new(),
        }),
    }
}

/// Builds `a=1&b=2` with keys sorted ascending and values raw (not percent-encoded), as Bitget signs
/// them; only the characters that would break the query's syntax are escaped, in the signed string
/// and the URL alike.
pub fn sorted_query<T: Serialize + ?Sized>(request: &T, path: &str) -> Result<String, Error> {
    let value = serde_json::to_value(request)
        .map_err(|e| Error::config(format!("{path}: the request did not serialise: {e}")))?;
    let map = match value {
        serde_json::Value::Object(map) => map,
        // A request without parameters (a unit struct).
        serde_json::Value::Null => return Ok(String::new()),
        _ => {
            return Err(Error::config(format!(
                "{path}: a query request must serialise to an object"
            )));
        }
    };
    // Sorted here, explicitly: serde_json's map iterates in key order only while no crate in the
    // build turns on its `preserve_order` feature (then it is declaration order, and the
    // signature would no longer match what Bitget sorts).
    let mut pairs: Vec<(String, serde_json::Value)> = map.into_iter().collect();
    pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut out = String::new();
    for (key, value) in pairs {
        let text = match value {
            serde_json::Value::Null => continue,
            serde_json::Value::String(s) => s,
            serde_json::Value::Bool(b) => b.to_string(),
            serde_json::Value::Number(n) => n.to_string(),
            other => {
                return Err(Error::config(format!(
                    "{path}: query parameter `{key}` must be a text, number or bool, not {other}"
                )));
            }
        };
        if !out.is_empty() {
            out.push('&');
        }
        escape_into(&key, &mut out);
        out.push('=');
        escape_into(&text, &mut out);
    }
    Ok(out)
}

fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' | '=' | '#' | '%' | '+' | ' ' => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Q {
        symbol: String,
        product_type: String,
        plan_type: Option<String>,
        limit: Option<u32>,
    }

    #[test]
    fn query_is_sorted_and_skips_unset() {
        let q = Q {
            symbol: "BTCUSDT".into(),
            product_type: "USDT-FUTURES".into(),
            plan_type: Some("normal_plan".into()),
            limit: None,
        };
        // Matches TV2 of the signing vectors.
        assert_eq!(
            sorted_query(&q, "/x").ok().as_deref(),
            Some("planType=normal_plan&productType=USDT-FUTURES&symbol=BTCUSDT")
        );
    }

    #[test]
    fn values_stay_raw_except_syntax() {
        let q = Q {
            symbol: "龙虾$USDT".into(),
            product_type: "a&b".into(),
            plan_type: None,
            limit: Some(5),
        };
        assert_eq!(
            sorted_query(&q, "/x").ok().as_deref(),
            Some("limit=5&productType=a%26b&symbol=龙虾$USDT")
        );
    }
}
