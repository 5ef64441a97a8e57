//! Generated code names everything by absolute path: a declaration compiles with `Result`, `Ok`,
//! `Option`, `Some`, `None`, `Vec`, `String`, `Default` and `serde` shadowed in its module.

#![allow(dead_code, non_camel_case_types)]

mod shadowed {
    use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

    pub struct Result;
    pub struct Ok;
    pub struct Option;
    pub struct Some;
    pub struct None;
    pub struct Vec;
    pub struct Default;
    pub mod serde {}
    pub mod core {}

    /// An item.
    #[bitget_item]
    #[bitget(at_least_one_of(order_id, client_oid))]
    pub struct Item {
        /// Id.
        pub order_id: std::option::Option<std::string::String>,
        /// Client id.
        #[bitget(max_len = 50)]
        pub client_oid: std::option::Option<std::string::String>,
    }

    /// An answer.
    #[bitget_response]
    pub struct Answer {
        /// Ids.
        pub ids: std::vec::Vec<std::string::String>,
        /// Maybe.
        pub maybe: std::option::Option<u64>,
    }

    /// A request.
    #[bitget_endpoint(POST, "/api/v2/test/hygiene", rate = 1, response = Answer)]
    pub struct Request {
        /// Required.
        #[bitget(required)]
        pub product_type: std::string::String,
        /// A list.
        #[bitget(required_or(all_of_them), non_empty, max_items = 50, requires(symbol))]
        pub ids: std::option::Option<std::vec::Vec<Item>>,
        /// Symbol.
        pub symbol: std::option::Option<std::string::String>,
    }
}

fn main() {
    let r = shadowed::Request::builder().product_type("USDT-FUTURES").all_of_them().build();
    assert!(r.is_ok());
}
