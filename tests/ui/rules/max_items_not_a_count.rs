#[allow(unused_imports)]
use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

#[bitget_endpoint(POST, "/api/v2/spot/trade/batch-cancel-order", rate = 10, response = ())]
pub struct Req {
    // A limit is a number or a constant's path, not text.
    #[bitget(required, max_items = "50")]
    pub ids: Vec<String>,
}

fn main() {}
