#[allow(unused_imports)]
use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

#[bitget_item]
pub struct Item {
    pub order_id: Option<String>,
    pub client_oid: Option<String>,
}

#[bitget_endpoint(POST, "/api/v2/mix/order/x", rate = 10, response = ())]
pub struct Req {
    #[bitget(no_mix(order_idd, client_oid))]
    pub ids: Option<Vec<Item>>,
}

fn main() {}
