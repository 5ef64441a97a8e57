#[allow(unused_imports)]
use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

#[bitget_response]
pub enum Answer {
    A,
}

fn main() {}
