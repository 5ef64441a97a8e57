#[allow(unused_imports)]
use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

/// A page.
#[bitget_response]
pub struct Page {
    /// Items.
    #[bitget(items)]
    pub list: Vec<String>,
    /// Next.
    #[bitget(cursor)]
    pub end_id: Option<String>,
}

#[bitget_endpoint(GET, "/api/v2/mix/order/orders-pending", rate = 10, response = Page, page(cursor = id_less_than, size = limt, max = 100))]
pub struct Req {
    #[bitget(required)]
    pub id_less_than: u64,
    pub limit: Option<u32>,
}

fn main() {}
