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
pub(crate) const ENDPOINT_KEYS: &str = "`rate = N`, `response = Type`, `public`, `scope = uid|ip`, `retry_safe`, `retry_safe_with(field)`, `page(cursor = field, size = field, max = N)`";

// `#[bitget(...)]` on the struct
pub(crate) const AT_LEAST_ONE_OF: &str = "at_least_one_of";
pub(crate) const EXACTLY_ONE_OF: &str = "exactly_one_of";
pub(crate) const TOGETHER: &str = "together";
pub(crate) const WINDOW: &str = "window";
pub(crate) const MAX_DAYS: &str = "max_days";
pub(crate) const CHECK: &str = "check";
pub(crate) const STRUCT_KEYS: &str = "`at_least_one_of(a, b)`, `exactly_one_of(a, b)`, `together(a, b)`, \
`window(start, end, max_days = N)`, `check = path::to::fn`";

// `#[bitget(...)]` on a field
pub(crate) const REQUIRED: &str = "required";
pub(crate) const REQUIRED_OR: &str = "required_or";
pub(crate) const REQUIRED_IF: &str = "required_if";
pub(crate) const REQUIRED_UNLESS: &str = "required_unless";
pub(crate) const ABSENT_IF: &str = "absent_if";
pub(crate) const REQUIRES: &str = "requires";
pub(crate) const MAX_ITEMS: &str = "max_items";
pub(crate) const MIN_ITEMS: &str = "min_items";
pub(crate) const MIN: &str = "min";
pub(crate) const MAX: &str = "max";
pub(crate) const ALLOW: &str = "allow";
pub(crate) const JSON_NUMBER: &str = "json_number";
pub(crate) const BODY: &str = "body";
pub(crate) const NON_EMPTY: &str = "non_empty";
pub(crate) const MAX_LEN: &str = "max_len";
pub(crate) const UPPERCASE: &str = "uppercase";
pub(crate) const NO_MIX: &str = "no_mix";
pub(crate) const ITEM_REQUIRED_IF: &str = "item_required_if";
pub(crate) const RENAME: &str = "rename";
/// `alias = "otherName"` on a response field: a second wire name that is also read.
pub(crate) const ALIAS: &str = "alias";
pub(crate) const FIELD_KEYS: &str = "`required`, `required_or(method)`, `required_if(field = Enum::Value)`, \
`required_unless(field = Enum::Value)`, `absent_if(field = Enum::Value)`, `requires(field, ...)`, `max_items = N`, \
`min_items = N`, `non_empty`, `max_len = N`, `uppercase`, `min = N`, `max = N`, `allow = N`, `no_mix(item_field, ...)`, \
`item_required_if(item_field, field = Enum::Value)`, `check = path::to::fn`, `rename = \"wireName\"`, `json_number`, `body`";

// `#[bitget(...)]` on a response field
pub(crate) const TIMESTAMP: &str = "timestamp";
pub(crate) const ITEMS: &str = "items";
pub(crate) const CURSOR: &str = "cursor";
pub(crate) const JSON_STRING: &str = "json_string";

/// Builder methods a field or a `required_or` method must not shadow.
pub(crate) const RESERVED_METHODS: &[&str] = &["build", "builder", "validate", "send"];
