#[allow(unused_imports)]
use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

#[bitget_endpoint(PUT, "/v2/x", rate = 0, response = (), colour = red)]
#[bitget(at_least_one_of(order_id, nope))]
pub struct Req {
    #[bitget(required)]
    pub order_id: Option<String>,
    #[bitget(max_items = 50, uppercase)]
    pub symbol: String,
}

// The struct is still emitted: using it does not add errors.
#[allow(dead_code)]
fn uses(r: &Req) -> Option<&String> {
    r.order_id.as_ref()
}

fn main() {}
