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
    pub order_type: Option<OrderType>,
    #[bitget(required_if(order_type = OrderType::Limt))]
    pub price: Option<String>,
}

fn main() {}
