#[allow(unused_imports)]
use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

bitget_core::wire_enum! {
    /// Order type.
    pub enum OrderType {
        /// Limit.
        Limit = "limit",
        /// Market.
        Market = "market",
    }
}

#[bitget_endpoint(POST, "/api/v2/mix/order/x", rate = 10, response = ())]
pub struct Req {
    #[bitget(json_number)]
    pub symbol: Option<String>,
}

fn main() {}
