#[allow(unused_imports)]
use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

/// An answer with a list, but no `#[bitget(items)]`.
#[bitget_response]
pub struct Answer {
    /// Items.
    pub list: Vec<String>,
}

#[bitget_endpoint(GET, "/api/v2/mix/order/orders-pending", rate = 10, response = Answer, page(cursor = id_less_than, size = limit, max = 100))]
pub struct Req {
    pub id_less_than: Option<String>,
    pub limit: Option<u32>,
}

fn main() {}
