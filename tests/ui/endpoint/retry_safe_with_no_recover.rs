#[allow(unused_imports)]
use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

// Repeating a placement under its client id is only safe when the library can find what a lost
// attempt placed: `retry_safe_with` without a `Recover` implementation does not compile.
#[bitget_endpoint(POST, "/api/v2/spot/trade/place-order", rate = 10, response = (), retry_safe_with(client_oid))]
pub struct Req {
    #[bitget(required)]
    pub symbol: String,
    pub client_oid: Option<String>,
}

fn main() {}
