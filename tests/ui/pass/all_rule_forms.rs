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
    /// Symbol, renamed on the wire: the parent's item rules report it as `instId`.
    #[bitget(rename = "instId")]
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

/// A limit named once, read by the declaration (`max_items = LIMIT`).
const LIMIT: usize = 3;

/// Every rule form.
#[bitget_endpoint(POST, "/api/v2/test/everything", rate = 5, response = Answer, scope = ip)]
#[bitget(exactly_one_of(left, right), check = whole, together(new_size, new_price), window(start_time, end_time, max_days = 7))]
pub struct Everything {
    /// Required.
    #[bitget(required, uppercase)]
    pub coin: String,
    /// Required, or left out through an explicit call.
    #[bitget(required_or(everything_at_once), non_empty, min_items = 1, max_items = LIMIT, requires(symbol), no_mix(order_id, client_oid), item_required_if(symbol, mode = Mode::Multiple))]
    pub items: Option<Vec<Item>>,
    /// Symbol.
    #[bitget(required_unless(mode = Mode::Multiple))]
    pub symbol: Option<String>,
    /// Mode.
    pub mode: Option<Mode>,
    /// Needed in multiple mode.
    #[bitget(required_if(mode = Mode::Multiple))]
    pub note: Option<String>,
    /// Not in multiple mode.
    #[bitget(absent_if(mode = Mode::Multiple))]
    pub single_only: Option<String>,
    /// Leverage, 1 to 125.
    #[bitget(min = 1, max = 125)]
    pub leverage: Option<u32>,
    /// A ratio up to 10.
    #[bitget(min = 0.01, max = 10)]
    pub ratio: Option<bitget_core::Decimal>,
    /// 0, or 5 to 60 seconds.
    #[bitget(min = 5, max = 60, allow = 0)]
    pub countdown: Option<u32>,
    /// An amount above zero.
    #[bitget(gt = 0)]
    pub amount: Option<bitget_core::Decimal>,
    /// A count Bitget reads as a JSON number.
    #[bitget(json_number)]
    pub depth: Option<u32>,
    /// New size (with the new price).
    pub new_size: Option<bitget_core::Decimal>,
    /// New price (with the new size).
    pub new_price: Option<bitget_core::Decimal>,
    /// Window start, Unix ms.
    pub start_time: Option<u64>,
    /// Window end, Unix ms.
    pub end_time: Option<u64>,
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
    // The constant is the limit: one item more than it is refused.
    let over = Everything::builder()
        .coin("USDT")
        .items((0..=LIMIT).map(|i| Item::builder().order_id(i.to_string()).build().unwrap_or_else(|e| panic!("{e}"))))
        .symbol("BTCUSDT")
        .left("l")
        .r#type("limit")
        .stamp("17")
        .build();
    assert!(over.err().is_some_and(|e| e.has("items", bitget_core::RuleKind::MaxItems)));
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
    let bad = Everything::builder()
        .coin("usdt")
        .everything_at_once()
        .mode(Mode::Multiple)
        .single_only("x")
        .leverage(0u32)
        .ratio("10.5")
        .countdown(3u32)
        .new_size(1)
        .start_time(0u64)
        .end_time(8 * 86_400_000u64)
        .r#type("forbidden")
        .stamp("x")
        .build();
    let err = bad.err().unwrap_or_else(|| panic!("expected an error"));
    use bitget_core::RuleKind as K;
    for (path, rule) in [
        ("coin", K::Uppercase),
        ("note", K::RequiredIf),
        ("singleOnly", K::AbsentIf),
        ("leverage", K::Min),
        ("ratio", K::Max),
        ("countdown", K::Min),
        ("newPrice", K::Together),
        ("endTime", K::Window),
        ("stamp", K::Custom),
        ("(request)", K::ExactlyOneOf),
        ("(request)", K::Custom),
    ] {
        assert!(err.has(path, rule), "{path} {rule:?} in {err}");
    }
    assert_eq!(err.violations.len(), 11, "{err}");
    // Items: rules on each item, with the item's own wire names, conditioned on the parent.
    let items = Everything::builder()
        .coin("USDT")
        .items([Item::builder().order_id("1").build().unwrap_or_else(|e| panic!("{e}"))])
        .mode(Mode::Multiple)
        .note("n")
        .left("l")
        .countdown(0u32)
        .depth(5u32)
        .build();
    let err = items.err().unwrap_or_else(|| panic!("expected an error"));
    assert!(err.has("items[0].instId", K::RequiredIf), "{err}");
    // Integers go out as strings, unless declared `json_number`.
    let sent = Everything::builder().coin("USDT").everything_at_once().symbol("X").left("l").leverage(20u32).depth(5u32).build().unwrap_or_else(|e| panic!("{e}"));
    let json = serde_json::to_string(&sent).unwrap_or_else(|e| panic!("{e}"));
    assert!(json.contains(r#""leverage":"20""#) && json.contains(r#""depth":5"#), "{json}");
    assert_eq!(<PublicQuery as bitget_core::Endpoint>::ENCODING, bitget_core::Encoding::Query);
    assert!(!<PublicQuery as bitget_core::Endpoint>::SIGNED);
    assert_eq!(Everything::RATE_LIMIT.scope, bitget_core::RateScope::Ip);
    let q = PublicQuery::builder().symbol("BTCUSDT").limit(5u32).build().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(q.limit, Some(5));
}
