#[allow(unused_imports)]
use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

#[bitget_endpoint(GET, "/api/v2/mix/order/x", rate = 10, response = ())]
#[bitget(window(start_time, end_time, max_days = 7))]
pub struct Req {
    pub start_time: Option<usize>,
    pub end_time: Option<u64>,
}

fn main() {}
