#[allow(unused_imports)]
use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

#[bitget_endpoint(POST, "/api/v2/spot/trade/place-order", rate = 10, response = (), retry_safe_with(client_id))]
pub struct Req {
    #[bitget(required)]
    pub symbol: String,
    pub client_oid: Option<String>,
}

fn main() {}
