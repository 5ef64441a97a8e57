#[allow(unused_imports)]
use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

/// Serialises, but declares no rules (it is not a `#[bitget_item]`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Opaque;

#[bitget_endpoint(POST, "/api/v2/mix/order/x", rate = 10, response = ())]
pub struct Req {
    pub thing: Option<Opaque>,
}

fn main() {}
