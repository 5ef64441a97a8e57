//! Request signing: the prehash and the signature, as pure functions.
//!
//! Bitget signs `timestamp + METHOD + requestPath + ("?" + query) + body`. These functions are public
//! so that a user (or the simulator, or a test) can check a signature without a client.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::endpoint::Method;

/// Builds the bytes Bitget signs: `timestamp + METHOD + path + ("?" + query, if non-empty) + body`.
///
/// `query` is the query string exactly as it goes on the wire, without the leading `?`; `body` is the
/// exact bytes sent (empty for GET).
pub fn prehash(timestamp: &str, method: Method, path: &str, query: &str, body: &[u8]) -> Vec<u8> {
    let method = method.as_str();
    let mut out = Vec::with_capacity(
        timestamp.len() + method.len() + path.len() + query.len() + 1 + body.len(),
    );
    out.extend_from_slice(timestamp.as_bytes());
    out.extend_from_slice(method.as_bytes());
    out.extend_from_slice(path.as_bytes());
    if !query.is_empty() {
        out.push(b'?');
        out.extend_from_slice(query.as_bytes());
    }
    out.extend_from_slice(body);
    out
}

/// Signs a prehash with HMAC-SHA256 keyed by the secret's UTF-8 bytes, as standard padded base64.
///
/// The secret looks like hex but is used as text, never decoded.
pub fn sign_hmac(secret: &str, prehash: &[u8]) -> String {
    BASE64.encode(hmac_sha256(secret.as_bytes(), prehash))
}

fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = match <Hmac<Sha256> as Mac>::new_from_slice(key) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC takes keys of any length"),
    };
    mac.update(message);
    mac.finalize().into_bytes().into()
}

/// Something that turns a prehash into the `ACCESS-SIGN` header value.
///
/// HMAC ([`HmacSigner`]) is what most keys use; RSA keys use `RsaSigner` (cargo feature `rsa`).
pub trait Signer: Send + Sync {
    /// Signs the prehash built by [`prehash`].
    fn sign(&self, prehash: &[u8]) -> Result<String, crate::Error>;
}

/// HMAC-SHA256 signing with the API secret.
pub struct HmacSigner {
    // The key schedule is computed once, not per request.
    mac: Hmac<Sha256>,
}

impl HmacSigner {
    /// A signer keyed with the API secret.
    pub fn new(secret: &str) -> Self {
        let mac = match <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes()) {
            Ok(mac) => mac,
            Err(_) => unreachable!("HMAC takes keys of any length"),
        };
        HmacSigner { mac }
    }
}

impl Signer for HmacSigner {
    fn sign(&self, prehash: &[u8]) -> Result<String, crate::Error> {
        let mut mac = self.mac.clone();
        mac.update(prehash);
        Ok(BASE64.encode(mac.finalize().into_bytes()))
    }
}

impl std::fmt::Debug for HmacSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HmacSigner(<redacted>)")
    }
}

#[cfg(feature = "rsa")]
pub use self::rsa_signer::RsaSigner;

#[cfg(feature = "rsa")]
mod rsa_signer {
    use base64::Engine as _;
    use rsa::pkcs8::DecodePrivateKey as _;
    use sha2::{Digest as _, Sha256};

    use super::BASE64;

    /// SHA256withRSA (PKCS#1 v1.5) signing with a PKCS#8 PEM private key.
    pub struct RsaSigner {
        key: rsa::RsaPrivateKey,
    }

    impl RsaSigner {
        /// Reads a PKCS#8 PEM private key (`-----BEGIN PRIVATE KEY-----`, 2048 or 4096 bits).
        pub fn from_pkcs8_pem(pem: &str) -> Result<Self, crate::Error> {
            let key = rsa::RsaPrivateKey::from_pkcs8_pem(pem).map_err(|e| {
                // The parser's message never contains key material.
                crate::Error::config(format!("the RSA private key is not a PKCS#8 PEM key: {e}"))
            })?;
            Ok(RsaSigner { key })
        }
    }

    impl super::Signer for RsaSigner {
        fn sign(&self, prehash: &[u8]) -> Result<String, crate::Error> {
            let digest = Sha256::digest(prehash);
            let sig = self
                .key
                .sign(rsa::Pkcs1v15Sign::new::<Sha256>(), &digest)
                .map_err(|e| crate::Error::config(format!("RSA signing failed: {e}")))?;
            Ok(BASE64.encode(sig))
        }
    }

    impl std::fmt::Debug for RsaSigner {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("RsaSigner(<redacted>)")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Vectors {
        vectors: Vec<Vector>,
    }

    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Vector {
        id: String,
        secret: String,
        timestamp: String,
        method: String,
        request_path: String,
        query_string: String,
        body: String,
        prehash: String,
        sign: String,
    }

    fn vectors() -> Vec<Vector> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/signing.json");
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
        let parsed: Vectors = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(
            parsed.vectors.len() >= 9,
            "expected every vector, got {}",
            parsed.vectors.len()
        );
        parsed.vectors
    }

    #[test]
    fn every_vector_prehash_and_signature() {
        for v in vectors() {
            let method: Method = v.method.parse().unwrap_or_else(|e| panic!("{}: {e}", v.id));
            let pre = prehash(
                &v.timestamp,
                method,
                &v.request_path,
                &v.query_string,
                v.body.as_bytes(),
            );
            assert_eq!(
                String::from_utf8_lossy(&pre),
                v.prehash,
                "prehash of {}",
                v.id
            );
            assert_eq!(sign_hmac(&v.secret, &pre), v.sign, "sign_hmac of {}", v.id);
            let signer = HmacSigner::new(&v.secret);
            assert_eq!(
                signer.sign(&pre).ok(),
                Some(v.sign.clone()),
                "HmacSigner of {}",
                v.id
            );
        }
    }

    #[test]
    fn empty_query_adds_no_question_mark() {
        let p = prehash("1", Method::Get, "/api/v2/public/time", "", b"");
        assert_eq!(p, b"1GET/api/v2/public/time");
        let p = prehash("1", Method::Get, "/p", "a=1", b"");
        assert_eq!(p, b"1GET/p?a=1");
    }

    #[test]
    fn a_changed_byte_changes_the_signature() {
        let a = sign_hmac("s", b"1POST/p{\"a\":1}");
        let b = sign_hmac("s", b"1POST/p{\"a\":2}");
        assert_ne!(a, b);
    }

    #[test]
    fn signer_debug_is_redacted() {
        let s = HmacSigner::new("my-very-secret");
        let shown = format!("{s:?}");
        assert!(!shown.contains("my-very-secret"), "{shown}");
        assert!(shown.contains("HmacSigner"), "says what it is: {shown}");
    }

    /// A signature made by `openssl dgst -sha256 -sign` with the test key, so the RSA signer is
    /// checked against another implementation.
    #[cfg(feature = "rsa")]
    #[test]
    fn rsa_signer_matches_openssl() {
        let pem = include_str!("../tests/fixtures/rsa-test-key.pem");
        let signer = RsaSigner::from_pkcs8_pem(pem).unwrap_or_else(|e| panic!("{e}"));
        let pre = prehash(
            "1700000000000",
            Method::Post,
            "/api/v2/spot/trade/cancel-order",
            "",
            br#"{"symbol":"BTCUSDT","orderId":"121211212122"}"#,
        );
        let expected = "fFwAZC3wq1Qmf1d8zgABpRgXip7GYWeSdme0uLPrEBWI4aiOimMMTDZtTXrK1szlX702Ohv9DMZl/PKve0AfPx3KDoAvavLdESSCF79DsIGVnB58N5wDls7IgTQCdu5Ht1mUHCjfg0ogzc3pinE1EFV37c6pewkOo9AyI8e/V6x0LdxFcMeAY5/scM71dncv1fOnkigzAp6zxGpomniPntaYZ1OF7Axk/q82q319mlAHgE4F3eoyzTpzG8R9O3BwtNeR9lMRWhO+mX1A+BjmXivWvxHZ+/T166bBz/bOVBxDAFTJciSdqRktz5mTZstsH4gxnhRnJDanWCtW6s4z/A==";
        assert_eq!(signer.sign(&pre).ok().as_deref(), Some(expected));
        let shown = format!("{signer:?}");
        assert!(
            !shown.contains("BEGIN") && shown.contains("RsaSigner"),
            "{shown}"
        );
        assert!(RsaSigner::from_pkcs8_pem("not a key").is_err());
    }
}
