#[allow(unused_imports)]
use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

#[bitget_endpoint(POST, "/api/v2/mix/order/x", rate = 10, response = ())]
#[bitget(at_least_one_of(order_id, client_id))]
pub struct Req {
    pub order_id: Option<String>,
    pub client_oid: Option<String>,
}

fn main() {}
