//! Authentication of signed requests, written independently of the client's signer: this is the
//! other side of the wire, and it checks the exact raw bytes it received.

use axum::http::HeaderMap;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::account::Account;
use crate::envelope::SimError;

/// The accepted distance between `ACCESS-TIMESTAMP` and the server's clock.
pub(crate) const WINDOW_MS: i64 = 30_000;

/// The parts of a request the signature covers.
pub(crate) struct Signed<'a> {
    pub(crate) method: &'a str,
    pub(crate) path: &'a str,
    /// The query as received on the wire (percent-encoded as sent), without `?`.
    pub(crate) query: &'a str,
    pub(crate) body: &'a [u8],
}

fn header<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty())
}

/// Checks the `ACCESS-*` headers and the signature; returns the account on success.
pub(crate) fn authenticate<'a>(
    accounts: &'a [Account],
    headers: &HeaderMap,
    req: &Signed<'_>,
    now_ms: i64,
) -> Result<&'a Account, SimError> {
    let key = header(headers, "access-key")
        .ok_or_else(|| SimError::bad("40001", "ACCESS_KEY cannot be empty"))?;
    let sign = header(headers, "access-sign")
        .ok_or_else(|| SimError::bad("40002", "ACCESS_SIGN cannot be empty"))?;
    let timestamp = header(headers, "access-timestamp")
        .ok_or_else(|| SimError::bad("40003", "ACCESS_TIMESTAMP cannot be empty"))?;
    let passphrase = header(headers, "access-passphrase")
        .ok_or_else(|| SimError::bad("40011", "ACCESS_PASSPHRASE cannot be empty"))?;
    let account = accounts
        .iter()
        .find(|a| a.api_key == key)
        .ok_or_else(|| SimError::bad("40006", "Invalid ACCESS_KEY"))?;
    if account.passphrase != passphrase {
        return Err(SimError::bad("40012", "apikey/password is incorrect"));
    }
    let ts: i64 = timestamp
        .parse()
        .ok()
        .filter(|t: &i64| timestamp.bytes().all(|b| b.is_ascii_digit()) && *t > 0)
        .ok_or_else(|| SimError::bad("40005", "Invalid ACCESS_TIMESTAMP"))?;
    if (now_ms - ts).abs() > WINDOW_MS {
        return Err(SimError::bad("40008", "Request timestamp expired"));
    }
    let matches = match &account.rsa_public_key {
        Some(pem) => rsa_signature_matches(pem, timestamp, req, sign),
        None => signature_matches(&account.secret, timestamp, req, sign),
    };
    if !matches {
        return Err(SimError::bad("40009", "sign signature error"));
    }
    let paptrading = headers.get("paptrading").and_then(|v| v.to_str().ok()) == Some("1");
    if paptrading != account.demo {
        return Err(SimError::bad("40099", "exchange environment is incorrect"));
    }
    Ok(account)
}

/// A stream login's refusal: Bitget's `300xx` code and message.
pub(crate) type LoginRefusal = (u32, &'static str);

/// Checks a stream login's arg (`{apiKey, passphrase, timestamp, sign}`, Bitget's WebSocket
/// intro page): the key known (30011), the passphrase right (30012), the timestamp a number of
/// seconds (30013; milliseconds only when `accept_ms`) within 30 s of the server's clock
/// (30014), the signature that of `timestamp + "GET" + "/user/verify"` (30015).
pub(crate) fn stream_login<'a>(
    accounts: &'a [Account],
    arg: &serde_json::Value,
    now_ms: i64,
    accept_ms: bool,
) -> Result<&'a Account, LoginRefusal> {
    let field = |k: &str| match arg.get(k) {
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let key = field("apiKey").ok_or((30011, "Invalid ACCESS_KEY"))?;
    let account = accounts
        .iter()
        .find(|a| a.api_key == key)
        .ok_or((30011, "Invalid ACCESS_KEY"))?;
    if field("passphrase").as_deref() != Some(account.passphrase.as_str()) {
        return Err((30012, "Invalid ACCESS_PASSPHRASE"));
    }
    let timestamp = field("timestamp").ok_or((30013, "Invalid ACCESS_TIMESTAMP"))?;
    let digits = timestamp.bytes().all(|b| b.is_ascii_digit());
    let ts_ms = match (timestamp.len(), timestamp.parse::<i64>()) {
        (10, Ok(s)) if digits => s * 1000,
        (13, Ok(ms)) if digits && accept_ms => ms,
        _ => return Err((30013, "Invalid ACCESS_TIMESTAMP")),
    };
    if (now_ms - ts_ms).abs() > WINDOW_MS {
        return Err((30014, "Request timestamp expired"));
    }
    let sign = field("sign").unwrap_or_default();
    let req = Signed {
        method: "GET",
        path: "/user/verify",
        query: "",
        body: b"",
    };
    let matches = match &account.rsa_public_key {
        Some(pem) => rsa_signature_matches(pem, &timestamp, &req, &sign),
        None => signature_matches(&account.secret, &timestamp, &req, &sign),
    };
    if !matches {
        return Err((30015, "Invalid sign"));
    }
    Ok(account)
}

/// The POST body must be declared JSON (checked after authentication, as Bitget reports 40007
/// only to a caller it knows).
pub(crate) fn check_content_type(headers: &HeaderMap) -> Result<(), SimError> {
    let ct = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let media = ct.split(';').next().unwrap_or("").trim();
    if media.eq_ignore_ascii_case("application/json") {
        Ok(())
    } else {
        Err(SimError::bad(
            "40007",
            "Invalid Content_Type, please use `application/json` format",
        ))
    }
}

fn mac(secret: &str, timestamp: &str, req: &Signed<'_>, query: &[u8]) -> Option<Vec<u8>> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()).ok()?;
    mac.update(timestamp.as_bytes());
    mac.update(req.method.as_bytes());
    mac.update(req.path.as_bytes());
    if !query.is_empty() {
        mac.update(b"?");
        mac.update(query);
    }
    mac.update(req.body);
    Some(mac.finalize().into_bytes().to_vec())
}

/// Whether `sign` is the HMAC of the request, over the raw query: Bitget signs the query before
/// percent-encoding (its signing sample; the fix ccxt shipped for non-ASCII symbols), so the
/// query is decoded as received and only that form is accepted. A client that signs the encoded
/// form is caught here.
fn signature_matches(secret: &str, timestamp: &str, req: &Signed<'_>, sign: &str) -> bool {
    let Ok(given) = BASE64.decode(sign) else {
        return false;
    };
    let Some(raw) = signed_query(req.query.as_bytes()) else {
        return false;
    };
    mac(secret, timestamp, req, &raw).is_some_and(|m| constant_time_eq(&m, &given))
}

/// The query as signed: decoded from what was received (see [`signature_matches`]); `None` when
/// it holds an escape that does not decode.
fn signed_query(received: &[u8]) -> Option<Vec<u8>> {
    match percent_decode(received) {
        Some(decoded) => Some(decoded),
        None if received.contains(&b'%') => None,
        None => Some(received.to_vec()),
    }
}

/// Whether `sign` is the SHA256withRSA (PKCS#1 v1.5) signature of the prehash under the
/// account's public key, as Bitget verifies its RSA keys. The prehash is the HMAC's, over the raw
/// query.
fn rsa_signature_matches(public_pem: &str, timestamp: &str, req: &Signed<'_>, sign: &str) -> bool {
    use rsa::pkcs8::DecodePublicKey as _;
    use sha2::Digest as _;
    let (Ok(given), Ok(key)) = (
        BASE64.decode(sign),
        rsa::RsaPublicKey::from_public_key_pem(public_pem),
    ) else {
        return false;
    };
    let Some(query) = signed_query(req.query.as_bytes()) else {
        return false;
    };
    let mut digest = Sha256::new();
    digest.update(timestamp.as_bytes());
    digest.update(req.method.as_bytes());
    digest.update(req.path.as_bytes());
    if !query.is_empty() {
        digest.update(b"?");
        digest.update(&query);
    }
    digest.update(req.body);
    key.verify(
        rsa::Pkcs1v15Sign::new::<Sha256>(),
        &digest.finalize(),
        &given,
    )
    .is_ok()
}

/// The query decoded for the signature check; `None` when there is nothing to decode.
fn percent_decode(input: &[u8]) -> Option<Vec<u8>> {
    if !input.contains(&b'%') {
        return None;
    }
    crate::params::percent_decode(input, false)
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Signatures OpenSSL made with the test key (kept as data in bitget-core): each verifies
    /// under its public key, and none verifies for another request or under a changed byte.
    #[test]
    fn verifies_openssl_rsa_signatures() {
        let public = include_str!("../../bitget-core/tests/fixtures/rsa-test-key.pub.pem");
        let data: serde_json::Value = serde_json::from_str(include_str!(
            "../../bitget-core/tests/data/rsa-signing.json"
        ))
        .unwrap_or_else(|e| panic!("{e}"));
        let vectors = data["vectors"].as_array().cloned().unwrap_or_default();
        assert!(vectors.len() >= 5, "{}", vectors.len());
        let text = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap_or_default().to_owned();
        for v in &vectors {
            let query = text(v, "query_string");
            let body = text(v, "body");
            let (method, path) = (text(v, "method"), text(v, "request_path"));
            let req = Signed {
                method: &method,
                path: &path,
                query: &query,
                body: body.as_bytes(),
            };
            let (ts, sign) = (text(v, "timestamp"), text(v, "sign"));
            assert!(rsa_signature_matches(public, &ts, &req, &sign), "{v}");
            assert!(!rsa_signature_matches(public, "1", &req, &sign), "{v}");
            let mut tampered = sign.clone().into_bytes();
            tampered[10] = if tampered[10] == b'A' { b'B' } else { b'A' };
            let tampered = String::from_utf8(tampered).unwrap_or_default();
            assert!(!rsa_signature_matches(public, &ts, &req, &tampered), "{v}");
        }
    }

    #[test]
    fn verifies_the_doc_vector_independently() {
        // TV6 of bitget-core/tests/data/signing.json.
        let req = Signed {
            method: "POST",
            path: "/api/v2/spot/trade/cancel-order",
            query: "",
            body: br#"{"symbol":"BTCUSDT","orderId":"121211212122"}"#,
        };
        let secret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        assert!(signature_matches(
            secret,
            "1700000000000",
            &req,
            "NDsT9ZC1oKAuJmzUcJlyE0FglwJUqqzPxZdHoYrVhJ0="
        ));
        assert!(!signature_matches(
            secret,
            "1700000000001",
            &req,
            "NDsT9ZC1oKAuJmzUcJlyE0FglwJUqqzPxZdHoYrVhJ0="
        ));
        assert!(!signature_matches(
            secret,
            "1700000000000",
            &req,
            "not base64!"
        ));
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(
            percent_decode(b"a=%E9%BE%99"),
            Some("a=龙".as_bytes().to_vec())
        );
        assert_eq!(percent_decode(b"a=1"), None);
        assert_eq!(percent_decode(b"a=%"), Some(b"a=%".to_vec()));
        assert_eq!(percent_decode(b"a=%zz"), None);
    }
}
