//! The accounts the simulator knows.

use std::fmt;

/// An API key of a simulated account.
#[derive(Clone, PartialEq, Eq)]
pub struct Account {
    /// `ACCESS-KEY`.
    pub api_key: String,
    /// The HMAC secret.
    pub secret: String,
    /// `ACCESS-PASSPHRASE`.
    pub passphrase: String,
    /// The account's UID: rate limits and orders are per UID.
    pub uid: String,
    /// A demo-trading key: signed requests must carry `paptrading: 1`, and live keys must not.
    pub demo: bool,
    /// A Unified Trading Account key (every new Bitget account): refused by the v2 (Classic)
    /// paths with 40085; a Classic key is refused by the v3 paths with 40084.
    pub unified: bool,
    /// An RSA key's public half (PEM, SPKI `BEGIN PUBLIC KEY`): the signature is then
    /// SHA256withRSA over the prehash instead of an HMAC, and `secret` is unused.
    pub rsa_public_key: Option<String>,
}

impl Account {
    /// A live account with the UID derived from the key.
    pub fn new(
        api_key: impl Into<String>,
        secret: impl Into<String>,
        passphrase: impl Into<String>,
    ) -> Self {
        let api_key = api_key.into();
        let uid = format!("uid-{api_key}");
        Account {
            api_key,
            secret: secret.into(),
            passphrase: passphrase.into(),
            uid,
            demo: false,
            unified: false,
            rsa_public_key: None,
        }
    }

    /// A live account whose key signs with RSA, as Bitget's RSA API keys do: the public key
    /// (PEM) is what Bitget keeps, the client holds the private one.
    pub fn rsa(
        api_key: impl Into<String>,
        public_key_pem: impl Into<String>,
        passphrase: impl Into<String>,
    ) -> Self {
        Account {
            rsa_public_key: Some(public_key_pem.into()),
            ..Account::new(api_key, "", passphrase)
        }
    }

    /// Sets the UID (several keys of one UID share its orders and rate limits).
    pub fn uid(mut self, uid: impl Into<String>) -> Self {
        self.uid = uid.into();
        self
    }

    /// Makes this a demo-trading key.
    pub fn demo(mut self, demo: bool) -> Self {
        self.demo = demo;
        self
    }

    /// Makes this a Unified-account key (v3 paths only).
    pub fn unified(mut self, unified: bool) -> Self {
        self.unified = unified;
        self
    }

    /// Reads `KEY:SECRET:PASSPHRASE[:UID][:demo][:unified]`, the `--account` flag of the program.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let parts: Vec<&str> = spec.split(':').collect();
        match parts.as_slice() {
            [key, secret, pass, rest @ ..]
                if !key.is_empty() && !secret.is_empty() && rest.len() <= 3 =>
            {
                let mut account = Account::new(*key, *secret, *pass);
                for part in rest {
                    match *part {
                        "demo" => account.demo = true,
                        "unified" => account.unified = true,
                        "" => return Err(format!("`{spec}`: empty UID")),
                        uid => account.uid = uid.to_owned(),
                    }
                }
                Ok(account)
            }
            _ => Err(
                "an account is KEY:SECRET:PASSPHRASE, optionally followed by :UID, :demo and :unified"
                    .to_owned(),
            ),
        }
    }
}

impl fmt::Debug for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Account")
            .field("api_key", &self.api_key)
            .field("uid", &self.uid)
            .field("demo", &self.demo)
            .field("unified", &self.unified)
            .field("rsa", &self.rsa_public_key.is_some())
            .finish_non_exhaustive()
    }
}
