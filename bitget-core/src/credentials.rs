//! API credentials. The secret and the passphrase never appear in `Debug`, `Display`, errors or logs.

use std::fmt;
use std::sync::Arc;

use crate::sign::{HmacSigner, Signer};

/// A text that must not be shown: its `Debug` and `Display` print `<redacted>`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret text.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret text, for the one place that needs it (a request header or the signer).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// An API key with its signer and passphrase.
#[derive(Clone)]
pub struct Credentials {
    api_key: String,
    passphrase: Secret,
    signer: Arc<dyn Signer>,
}

impl Credentials {
    /// HMAC-SHA256 credentials: the API key, its secret and the passphrase chosen when it was made.
    pub fn new(
        api_key: impl Into<String>,
        secret: impl AsRef<str>,
        passphrase: impl Into<String>,
    ) -> Self {
        Credentials {
            api_key: api_key.into(),
            passphrase: Secret::new(passphrase),
            signer: Arc::new(HmacSigner::new(secret.as_ref())),
        }
    }

    /// RSA credentials: the API key, its PKCS#8 PEM private key and the passphrase.
    #[cfg(feature = "rsa")]
    pub fn rsa(
        api_key: impl Into<String>,
        private_key_pem: &str,
        passphrase: impl Into<String>,
    ) -> Result<Self, crate::Error> {
        Ok(Credentials::with_signer(
            api_key,
            crate::sign::RsaSigner::from_pkcs8_pem(private_key_pem)?,
            passphrase,
        ))
    }

    /// Credentials with any [`Signer`] (a hardware module, a remote signer, ...).
    pub fn with_signer(
        api_key: impl Into<String>,
        signer: impl Signer + 'static,
        passphrase: impl Into<String>,
    ) -> Self {
        Credentials {
            api_key: api_key.into(),
            passphrase: Secret::new(passphrase),
            signer: Arc::new(signer),
        }
    }

    /// The API key (sent as `ACCESS-KEY`; not a secret, but shown masked in `Debug`).
    pub fn api_key(&self) -> &str {
        &self.api_key
    }

    pub(crate) fn passphrase(&self) -> &Secret {
        &self.passphrase
    }

    pub(crate) fn signer(&self) -> &dyn Signer {
        &*self.signer
    }
}

/// The key with its middle masked, enough to tell keys apart in logs.
pub(crate) fn masked_key(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() <= 8 {
        return "***".to_owned();
    }
    let head: String = chars[..4].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}…{tail}")
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("api_key", &masked_key(&self.api_key))
            .field("secret", &"<redacted>")
            .field("passphrase", &self.passphrase)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_secret_or_passphrase() {
        let c = Credentials::new("bg_0123456789abcdef", "SECRET-hex-0123", "PASS-phrase-42");
        let shown = format!("{c:?} {:?} {}", c.passphrase(), c.passphrase());
        assert!(!shown.contains("SECRET-hex-0123"), "{shown}");
        assert!(!shown.contains("PASS-phrase-42"), "{shown}");
        assert!(shown.contains("bg_0…cdef"), "{shown}");
    }
}
