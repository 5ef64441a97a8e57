#[allow(unused_imports)]
use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

#[bitget_response]
pub struct Answer {
    #[bitget(max_len = 5)]
    pub order_id: Option<String>,
}

fn main() {}
