//! A declared request as it would be signed and sent, with nothing sent: for an operator's
//! `--dry-run`, and to compare with what another tool signed when Bitget answers 40009.

use std::fmt;

use super::*;

/// A request prepared exactly as [`Client::send`] would send it (validated, encoded, stamped with
/// the client's clock and signed), never sent. The passphrase is redacted; the API key, the
/// timestamp and the signature are shown, as they are what a 40009 is diagnosed with.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DryRun {
    /// `GET` or `POST`.
    pub method: Method,
    /// The URL, with the query as signed (reqwest percent-encodes what a URL cannot carry).
    pub url: String,
    /// The headers, in the order they are set, the passphrase as `<redacted>`.
    pub headers: Vec<(String, String)>,
    /// The body (empty for a GET).
    pub body: String,
    /// What was signed, `timestamp + METHOD + path[?query] + body`; `None` for a public endpoint.
    pub prehash: Option<String>,
}

/// What stands for a secret header's value.
const REDACTED: &str = "<redacted>";

impl Client {
    /// Prepares `request` as [`Client::send`] would, sending nothing: validation first (an
    /// invalid request is the same error as when sending), then the encoding, the demo rule and
    /// the signature with the client's clock.
    pub fn dry_run<E: Endpoint>(&self, request: &E) -> Result<DryRun, Error> {
        request.validate()?;
        let encoded = encode(request)?;
        let route = Route::of::<E>();
        let paptrading = self.paptrading(&route, request.product_type());
        let headers = self.headers(&route, &encoded, paptrading)?;
        let mut url = format!("{}{}", self.inner.base_url, route.path);
        if !encoded.query.is_empty() {
            url.push('?');
            url.push_str(&encoded.query);
        }
        let prehash = headers
            .get("access-timestamp")
            .and_then(|t| t.to_str().ok())
            .map(|ts| {
                let bytes = prehash(ts, route.method, route.path, &encoded.query, &encoded.body);
                String::from_utf8_lossy(&bytes).into_owned()
            });
        let headers = headers
            .iter()
            .map(|(name, value)| {
                let shown = if name.as_str() == "access-passphrase" {
                    REDACTED.to_owned()
                } else {
                    value.to_str().unwrap_or("<not text>").to_owned()
                };
                (name.as_str().to_owned(), shown)
            })
            .collect();
        Ok(DryRun {
            method: route.method,
            url,
            headers,
            body: String::from_utf8_lossy(&encoded.body).into_owned(),
            prehash,
        })
    }
}

impl fmt::Display for DryRun {
    /// The request as an operator reads it: the request line, the headers, the body, and what
    /// was signed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} {}", self.method.as_str(), self.url)?;
        for (name, value) in &self.headers {
            writeln!(f, "{name}: {value}")?;
        }
        if !self.body.is_empty() {
            writeln!(f)?;
            writeln!(f, "{}", self.body)?;
        }
        match &self.prehash {
            Some(pre) => write!(f, "\nprehash: {pre}"),
            None => write!(f, "\n(public endpoint: not signed)"),
        }
    }
}
