//! Public endpoints the runtime itself needs: the server clock.

use serde::{Deserialize, Serialize};

use crate::endpoint::{Encoding, Endpoint, Method, RateLimit, RateScope};
use crate::validate::ValidationError;

/// `GET /api/v2/public/time`: Bitget's clock. Public, 20 requests/s per IP.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct GetServerTime;

/// The answer of [`GetServerTime`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct ServerTime {
    /// Bitget's time in Unix milliseconds (sent as a string).
    #[serde(rename = "serverTime", deserialize_with = "crate::wire::de::number")]
    pub server_time: i64,
}

impl Endpoint for GetServerTime {
    type Response = ServerTime;
    const METHOD: Method = Method::Get;
    const PATH: &'static str = "/api/v2/public/time";
    const RATE_LIMIT: RateLimit = RateLimit {
        per_second: 20,
        scope: RateScope::Ip,
    };
    const SIGNED: bool = false;
    const ENCODING: Encoding = Encoding::Query;

    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}
