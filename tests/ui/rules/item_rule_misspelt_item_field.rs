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

/// An item.
#[bitget_item]
pub struct Item {
    /// Symbol.
    pub symbol: Option<String>,
}

#[bitget_endpoint(POST, "/api/v2/mix/order/x", rate = 10, response = ())]
pub struct Req {
    pub order_type: Option<OrderType>,
    #[bitget(item_required_if(symbl, order_type = OrderType::Limit))]
    pub items: Option<Vec<Item>>,
}

fn main() {}
