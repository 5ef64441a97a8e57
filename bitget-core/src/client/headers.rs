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
