//! A request's headers: for a signed endpoint, timestamped and signed as late as possible;
//! `paptrading` for demo trading.

use super::*;

impl Client {
    /// The request's headers; for a signed endpoint, timestamped and signed here, as late as
    /// possible, so no wait can expire the timestamp.
    pub(super) fn headers(
        &self,
        route: &Route,
        encoded: &Encoded,
        paptrading: bool,
    ) -> Result<HeaderMap, Error> {
        let mut headers = HeaderMap::with_capacity(8);
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        headers.insert("locale", HeaderValue::from_static("en-US"));
        if !route.signed {
            return Ok(headers);
        }
        let Some(auth) = &self.inner.auth else {
            return Err(Error::config(format!(
                "{} is a signed endpoint: give the client credentials (BITGET_API_KEY, BITGET_SECRET_KEY, BITGET_PASSPHRASE)",
                route.path
            )));
        };
        let now = self.inner.clock.now_ms();
        let timestamp = now.to_string();
        let pre = prehash(
            &timestamp,
            route.method,
            route.path,
            &encoded.query,
            &encoded.body,
        );
        let mut sign = HeaderValue::try_from(auth.credentials.signer().sign(&pre)?)
            .map_err(|_| Error::config("the signer returned characters a header cannot carry"))?;
        sign.set_sensitive(true);
        headers.insert("access-key", auth.key.clone());
        headers.insert("access-sign", sign);
        headers.insert("access-timestamp", HeaderValue::from(now));
        headers.insert("access-passphrase", auth.passphrase.clone());
        if paptrading {
            headers.insert("paptrading", HeaderValue::from_static("1"));
        }
        Ok(headers)
    }
}

/// What a stream login signs: `timestamp + "GET" + "/user/verify"` (Bitget's WebSocket intro
/// page), no query and no body.
const LOGIN_PATH: &str = "/user/verify";

impl Client {
    /// The login message of a private stream, signed now with the client's credentials and
    /// clock: `{"op":"login","args":[{"apiKey","passphrase","timestamp","sign"}]}`.
    ///
    /// The timestamp is in **seconds**: the intro page's text says milliseconds, its examples
    /// and every SDK that logs in (Node, ccxt, Bitget.Net, Bitget's own) send seconds, and the
    /// signature is valid for 30 s. RSA keys sign the same prehash with SHA256withRSA.
    ///
    /// The message carries the passphrase and a signature: it is for the socket only, never for
    /// a log.
    pub fn stream_login(&self) -> Result<String, Error> {
        let Some(auth) = &self.inner.auth else {
            return Err(Error::config(
                "private streams log in with the client's credentials: give it some (BITGET_API_KEY, BITGET_SECRET_KEY, BITGET_PASSPHRASE)",
            ));
        };
        let timestamp = self.inner.clock.now_ms().div_euclid(1000).to_string();
        let pre = prehash(&timestamp, Method::Get, LOGIN_PATH, "", b"");
        let sign = auth.credentials.signer().sign(&pre)?;
        Ok(serde_json::json!({
            "op": "login",
            "args": [{
                "apiKey": auth.credentials.api_key(),
                "passphrase": auth.credentials.passphrase().expose(),
                "timestamp": timestamp,
                "sign": sign,
            }]
        })
        .to_string())
    }

    /// Whether the client has credentials (private streams and signed endpoints need them).
    pub fn has_credentials(&self) -> bool {
        self.inner.auth.is_some()
    }
}
