#[allow(unused_imports)]
use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

#[bitget_endpoint("/api/v2/mix/order/x", rate = 10, response = ())]
pub struct Req {
    #[bitget(required)]
    pub product_type: String,
    pub symbol: Option<String>,
}

fn main() {}
