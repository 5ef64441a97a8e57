//! The model of a declaration, as parsed from the attributes (`attr.rs`) and checked (`check.rs`).
//! The expander reads only this model and never re-checks.

use proc_macro2::Span;
use syn::{Ident, LitStr, Type};

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

/// A rule over several fields of the same struct.
pub(crate) enum StructRule {
    AtLeastOneOf(Vec<Ident>),
    ExactlyOneOf(Vec<Ident>),
    Check(syn::Path),
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
}

/// A request parameter.
pub(crate) struct Field {
    pub(crate) ident: Ident,
    pub(crate) ty: Type,
    pub(crate) shape: Shape,
    pub(crate) wire: String,
    pub(crate) rules: FieldRules,
    /// The field's own `///` docs, reused on its setter.
    pub(crate) docs: Vec<syn::Attribute>,
}

/// `required_if(field = "value")` and friends.
#[derive(Clone)]
pub(crate) struct Condition {
    pub(crate) field: Ident,
    pub(crate) value: LitStr,
}

/// Every rule declared on one field.
#[derive(Default)]
pub(crate) struct FieldRules {
    pub(crate) required: Option<Span>,
    pub(crate) required_or: Option<Ident>,
    pub(crate) required_if: Vec<Condition>,
    pub(crate) required_unless: Vec<Condition>,
    pub(crate) requires: Vec<Ident>,
    pub(crate) max_items: Option<(usize, Span)>,
    pub(crate) non_empty: Option<Span>,
    pub(crate) max_len: Option<(usize, Span)>,
    pub(crate) uppercase: Option<Span>,
    pub(crate) no_mix: Option<(Vec<Ident>, Span)>,
    pub(crate) item_required_if: Vec<(Ident, Condition, Span)>,
    pub(crate) checks: Vec<syn::Path>,
}

impl Field {
    /// Whether the builder makes this field mandatory (a typestate parameter).
    pub(crate) fn is_builder_required(&self) -> bool {
        self.rules.required.is_some() || self.rules.required_or.is_some()
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
