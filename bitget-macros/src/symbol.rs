//! Every key the declarations accept, one constant each, so the parser and the messages agree.

pub(crate) const BITGET: &str = "bitget";

// `#[bitget_endpoint(...)]`
pub(crate) const RATE: &str = "rate";
pub(crate) const RESPONSE: &str = "response";
pub(crate) const PUBLIC: &str = "public";
pub(crate) const SCOPE: &str = "scope";
pub(crate) const RETRY_SAFE: &str = "retry_safe";
pub(crate) const RETRY_SAFE_WITH: &str = "retry_safe_with";
pub(crate) const PAGE: &str = "page";
pub(crate) const PAGE_SIZE: &str = "size";
pub(crate) const MAX: &str = "max";
pub(crate) const ENDPOINT_KEYS: &str = "`rate = N`, `response = Type`, `public`, `scope = uid|ip`, `retry_safe`, `retry_safe_with(field)`, `page(cursor = field, size = field, max = N)`";

// `#[bitget(...)]` on the struct and on a field: the rules are in `vocabulary.rs`; these are
// the keys that are not rules.
pub(crate) const MAX_DAYS: &str = "max_days";
pub(crate) const RENAME: &str = "rename";
pub(crate) const JSON_NUMBER: &str = "json_number";
pub(crate) const BODY: &str = "body";
/// `alias = "otherName"` on a response field: a second wire name that is also read.
pub(crate) const ALIAS: &str = "alias";

// `#[bitget(...)]` on a response field
pub(crate) const TIMESTAMP: &str = "timestamp";
pub(crate) const ITEMS: &str = "items";
pub(crate) const CURSOR: &str = "cursor";
pub(crate) const JSON_STRING: &str = "json_string";

/// Builder methods a field or a `required_or` method must not shadow.
pub(crate) const RESERVED_METHODS: &[&str] = &["build", "builder", "validate", "send"];
