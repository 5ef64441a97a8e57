#[allow(unused_imports)]
use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

#[allow(dead_code)]
fn digits(v: &str) -> bool {
    v.is_empty()
}

#[bitget_endpoint(POST, "/api/v2/mix/order/x", rate = 10, response = ())]
pub struct Req {
    #[bitget(check = digits)]
    pub request_time: Option<String>,
}

fn main() {}
