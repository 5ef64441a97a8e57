//! The log of requests received, so a test can assert what did and did not reach the exchange.

/// One request as the simulator received it, with what it answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedRequest {
    /// `GET` or `POST` (or whatever came).
    pub method: String,
    /// The path, without the query.
    pub path: String,
    /// The query as received, without `?`.
    pub query: String,
    /// The body as received (lossy UTF-8).
    pub body: String,
    /// `ACCESS-KEY`, when sent.
    pub api_key: Option<String>,
    /// The HTTP status answered (0 when the connection was dropped).
    pub status: u16,
    /// The envelope code answered (empty when none).
    pub code: String,
}
