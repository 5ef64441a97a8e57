//! The model of a declaration, as parsed from the attributes (`attr.rs`) and checked (`check.rs`).
//! The expander reads only this model and never re-checks.

use proc_macro2::Span;
use syn::{Ident, LitStr, Type};

pub(crate) use crate::vocabulary::{FieldRuleKind, StructRule};

/// What kind of item the macro was put on.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `#[bitget_endpoint]`: a request with an `Endpoint` implementation.
    Endpoint,
    /// `#[bitget_item]`: an item of a request's list, with rules of its own.
    Item,
}

/// `#[bitget_endpoint(METHOD, "/api/...", rate = N, response = T, public, scope = ip)]`.
pub(crate) struct EndpointArgs {
    pub(crate) method: Method,
    pub(crate) path: LitStr,
    pub(crate) rate: u32,
    pub(crate) response: Type,
    pub(crate) signed: bool,
    pub(crate) scope_ip: bool,
    pub(crate) retry: RetrySafe,
    pub(crate) page: Option<PageArgs>,
}

/// `page(cursor = field, size = field, max = N)`: how the endpoint pages.
pub(crate) struct PageArgs {
    /// The request field that carries the cursor (`idLessThan`, `cursor`).
    pub(crate) cursor: Ident,
    /// The request field that carries the page size (`limit`).
    pub(crate) size: Ident,
    /// The largest page size the docs allow.
    pub(crate) max: u32,
    pub(crate) span: Span,
}

/// Whether sending the request twice is harmless, so an unanswered attempt may be repeated.
pub(crate) enum RetrySafe {
    /// Not declared: safe for GET, not for POST.
    ByMethod,
    /// `retry_safe`: always (cancels, reads).
    Always,
    /// `retry_safe_with(field)`: when the field is set (a `clientOid` makes placement idempotent).
    With(Ident),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Method {
    Get,
    Post,
}

impl Method {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// A request or item struct.
pub(crate) struct Container {
    pub(crate) kind: Kind,
    pub(crate) ident: Ident,
    pub(crate) fields: Vec<Field>,
    pub(crate) rules: Vec<StructRule>,
}

/// The syntactic shape of a field's type, which decides the builder and the rules allowed.
#[derive(Clone)]
pub(crate) struct Shape {
    /// `Option<T>`: may be unset.
    pub(crate) optional: bool,
    /// `Vec<T>` (inside the option if any): a list of `T`.
    pub(crate) list_item: Option<Type>,
    /// The type the setter takes: `T` of `Option<T>`, or the field type.
    pub(crate) value: Type,
    /// The value is a `Decimal`: its setter also takes text, parsed at `build()`.
    pub(crate) decimal: bool,
    /// The value is a primitive integer (`u32`, `i64`, ...).
    pub(crate) integer: bool,
}

/// A request parameter.
pub(crate) struct Field {
    pub(crate) ident: Ident,
    pub(crate) ty: Type,
    pub(crate) shape: Shape,
    pub(crate) wire: String,
    /// Every rule declared on the field, in declaration order.
    pub(crate) rules: Vec<FieldRule>,
    /// `json_number`: an integer sent as a JSON number rather than Bitget's usual string.
    pub(crate) json_number: bool,
    /// `body`: this list is the whole request body, a top-level JSON array (v3 batches).
    pub(crate) body: Option<Span>,
    /// The field's own `///` docs, reused on its setter.
    pub(crate) docs: Vec<syn::Attribute>,
}

/// `field = Value`: the condition of `required_if` and its kin. The value is a Rust expression of
/// the field's type (`OrderType::Limit`), so a misspelt value does not compile.
#[derive(Clone)]
pub(crate) struct Condition {
    pub(crate) field: Ident,
    pub(crate) value: syn::Expr,
}

/// One rule on a field, at the span of its key.
pub(crate) struct FieldRule {
    pub(crate) span: Span,
    pub(crate) kind: FieldRuleKind,
}

impl Field {
    /// The span of `required`, if declared.
    pub(crate) fn required(&self) -> Option<Span> {
        self.rules
            .iter()
            .find(|r| matches!(r.kind, FieldRuleKind::Required))
            .map(|r| r.span)
    }

    /// The method of `required_or(method)`, if declared.
    pub(crate) fn required_or(&self) -> Option<&Ident> {
        self.rules.iter().find_map(|r| match &r.kind {
            FieldRuleKind::RequiredOr(m) => Some(m),
            _ => None,
        })
    }

    /// For a `required_or` field: the hidden flag that records the explicit leave-out.
    pub(crate) fn left_out_flag(&self) -> Option<Ident> {
        self.required_or()
            .map(|_| quote::format_ident!("__{}_left_out", syn::ext::IdentExt::unraw(&self.ident)))
    }

    /// Whether the builder makes this field mandatory (a typestate parameter).
    pub(crate) fn is_builder_required(&self) -> bool {
        self.required().is_some() || self.required_or().is_some()
    }
}

impl Container {
    pub(crate) fn field(&self, ident: &Ident) -> Option<&Field> {
        self.fields.iter().find(|f| f.ident == *ident)
    }

    pub(crate) fn wire_of(&self, ident: &Ident) -> String {
        self.field(ident)
            .map_or_else(|| ident.to_string(), |f| f.wire.clone())
    }
}

/// A count a rule takes: a literal, or a constant named once where the limit is documented
/// (`max_items = BATCH_LIMIT`).
pub(crate) enum Count {
    Literal(usize),
    Const(syn::Path),
}

impl Count {
    /// The count as code (a `usize` expression).
    pub(crate) fn tokens(&self) -> proc_macro2::TokenStream {
        match self {
            Count::Literal(n) => quote::quote!(#n),
            Count::Const(path) => quote::quote!(#path),
        }
    }

    /// The count as the docs say it: the number, or the constant's name.
    pub(crate) fn shown(&self) -> String {
        match self {
            Count::Literal(n) => n.to_string(),
            Count::Const(path) => {
                let name = quote::ToTokens::to_token_stream(path)
                    .to_string()
                    .replace(' ', "");
                format!("`{name}`")
            }
        }
    }
}
