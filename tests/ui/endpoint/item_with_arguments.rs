#[allow(unused_imports)]
use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

#[bitget_item(rate = 10)]
pub struct Item {
    pub order_id: Option<String>,
}

fn main() {}
