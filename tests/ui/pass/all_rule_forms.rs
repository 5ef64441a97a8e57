//! Every rule form of the vocabulary, on requests and items, compiles and behaves.

use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

bitget_core::wire_enum! {
    /// Mode.
    pub enum Mode {
        /// One.
        Single = "single",
        /// Many.
        Multiple = "multiple",
    }
}

/// An item with its own rules.
#[bitget_item]
#[bitget(at_least_one_of(order_id, client_oid))]
pub struct Item {
    /// Symbol.
    pub symbol: Option<String>,
    /// Order id.
    pub order_id: Option<String>,
    /// Client id.
    #[bitget(max_len = 50)]
    pub client_oid: Option<String>,
}

fn digits(v: &Option<String>) -> Result<(), String> {
    match v {
        Some(s) if !s.bytes().all(|b| b.is_ascii_digit()) => Err("digits only".into()),
        _ => Ok(()),
    }
}

fn whole(r: &Everything) -> Result<(), String> {
    if r.r#type.as_deref() == Some("forbidden") { Err("not this type".into()) } else { Ok(()) }
}

/// The answer.
#[bitget_response]
pub struct Answer {
    /// Ids.
    pub ids: Vec<String>,
    /// A price.
    pub price: Option<bitget_core::Decimal>,
    /// A count.
    pub count: u64,
}

/// Every rule form.
#[bitget_endpoint(POST, "/api/v2/test/everything", rate = 5, response = Answer, scope = ip)]
#[bitget(exactly_one_of(left, right), check = whole)]
pub struct Everything {
    /// Required.
    #[bitget(required, uppercase)]
    pub coin: String,
    /// Required, or left out through an explicit call.
    #[bitget(required_or(everything_at_once), non_empty, max_items = 3, requires(symbol), no_mix(order_id, client_oid), item_required_if(symbol, mode = "multiple"))]
    pub items: Option<Vec<Item>>,
    /// Symbol.
    #[bitget(required_unless(mode = "multiple"))]
    pub symbol: Option<String>,
    /// Mode.
    pub mode: Option<Mode>,
    /// Needed in multiple mode.
    #[bitget(required_if(mode = "multiple"))]
    pub note: Option<String>,
    /// One side.
    pub left: Option<String>,
    /// The other side.
    pub right: Option<String>,
    /// A keyword as a name.
    #[bitget(rename = "type")]
    pub r#type: Option<String>,
    /// Digits.
    #[bitget(check = digits)]
    pub stamp: Option<String>,
}

/// A public GET endpoint.
#[bitget_endpoint(GET, "/api/v2/test/public", rate = 20, response = Answer, public)]
pub struct PublicQuery {
    /// Symbol.
    #[bitget(required)]
    pub symbol: String,
    /// Limit.
    pub limit: Option<u32>,
}

fn main() {
    use bitget_core::Endpoint as _;
    let ok = Everything::builder()
        .coin("USDT")
        .items([Item::builder().order_id("1").build().unwrap_or_else(|e| panic!("{e}"))])
        .symbol("BTCUSDT")
        .left("l")
        .r#type("limit")
        .stamp("17")
        .build();
    assert!(ok.is_ok(), "{ok:?}");
    let everything = Everything::builder().coin("USDT").everything_at_once().symbol("ETHUSDT").left("l").build();
    assert!(everything.is_ok(), "{everything:?}");
    let bad = Everything::builder().coin("usdt").everything_at_once().mode(Mode::Multiple).r#type("forbidden").stamp("x").build();
    let err = bad.err().unwrap_or_else(|| panic!("expected an error"));
    for (path, rule) in [
        ("coin", bitget_core::RuleKind::Uppercase),
        ("note", bitget_core::RuleKind::RequiredIf),
        ("stamp", bitget_core::RuleKind::Custom),
        ("(request)", bitget_core::RuleKind::ExactlyOneOf),
        ("(request)", bitget_core::RuleKind::Custom),
    ] {
        assert!(err.has(path, rule), "{path} {rule:?} in {err}");
    }
    assert_eq!(<PublicQuery as bitget_core::Endpoint>::ENCODING, bitget_core::Encoding::Query);
    assert!(!<PublicQuery as bitget_core::Endpoint>::SIGNED);
    assert_eq!(Everything::RATE_LIMIT.scope, bitget_core::RateScope::Ip);
    let q = PublicQuery::builder().symbol("BTCUSDT").limit(5u32).build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(q.limit, Some(5));
}
