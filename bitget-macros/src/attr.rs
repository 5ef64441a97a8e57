//! Parsing: the attribute's arguments and the `#[bitget(...)]` rules into the model of `ast.rs`.
//! Every problem is recorded in the context at its token, and parsing goes on, so one run reports
//! all of them.

use std::collections::HashSet;

use proc_macro2::TokenStream;
use syn::ext::IdentExt as _;
use syn::meta::ParseNestedMeta;
use syn::parse::{ParseStream, Parser as _};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned as _;
use syn::{Data, DeriveInput, Fields, Ident, LitInt, LitStr, Token, Type};

use crate::ast::{
    Condition, Container, EndpointArgs, Field, FieldRule, FieldRuleKind, Kind, Method, PageArgs,
    RetrySafe, StructRule,
};
use crate::ctxt::Ctxt;
use crate::symbol::*;
use crate::vocabulary::{FIELD_OPTIONS, FIELD_RULES, STRUCT_RULES, accepted, has};

/// Parses `METHOD, "/api/...", rate = N, response = T, ...`.
pub(crate) fn endpoint_args(cx: &Ctxt, args: TokenStream) -> Option<EndpointArgs> {
    let parser = |input: ParseStream<'_>| {
        let parsed = parse_endpoint_args(cx, input);
        // After a reported error the rest is skipped, so it does not add a generic parse error.
        input.parse::<TokenStream>()?;
        Ok(parsed)
    };
    match parser.parse2(args) {
        Ok(parsed) => parsed,
        Err(err) => {
            cx.syn_error(err);
            None
        }
    }
}

fn parse_endpoint_args(cx: &Ctxt, input: ParseStream<'_>) -> Option<EndpointArgs> {
    const USAGE: &str =
        "expected `#[bitget_endpoint(POST, \"/api/v2/...\", rate = 10, response = Type)]`";
    let method = if input.peek(Ident) {
        let ident = Ident::parse_any(input).ok()?;
        match ident.to_string().as_str() {
            "GET" => Some(Method::Get),
            "POST" => Some(Method::Post),
            other if other.eq_ignore_ascii_case("get") || other.eq_ignore_ascii_case("post") => {
                cx.error_spanned_by(
                    &ident,
                    format!(
                        "write the HTTP method in upper case: `{}`",
                        other.to_uppercase()
                    ),
                );
                None
            }
            other => {
                cx.error_spanned_by(
                    &ident,
                    format!("unknown HTTP method `{other}`: Bitget v2 uses `GET` and `POST`"),
                );
                None
            }
        }
    } else {
        cx.error_at(
            input.span(),
            format!("the HTTP method comes first: {USAGE}"),
        );
        return None;
    };
    if input.parse::<Token![,]>().is_err() || !input.peek(LitStr) {
        cx.error_at(
            input.span(),
            format!("the path comes second, as a string: {USAGE}"),
        );
        return None;
    }
    let path: LitStr = input.parse().ok()?;
    let value = path.value();
    if !value.starts_with("/api/") {
        cx.error_spanned_by(
            &path,
            "the path must start with `/api/`, such as \"/api/v2/spot/trade/cancel-order\"",
        );
    } else if value.contains('?') || value.contains(char::is_whitespace) || value.ends_with('/') {
        cx.error_spanned_by(
            &path,
            "the path is only the path: no query, no spaces, no trailing `/`",
        );
    }

    let mut seen: HashSet<String> = HashSet::new();
    let (mut rate, mut response, mut public, mut scope_ip) = (None, None, false, None);
    let mut retry = RetrySafe::ByMethod;
    let mut page = None;
    while !input.is_empty() {
        if input.parse::<Token![,]>().is_err() {
            cx.error_at(
                input.span(),
                "expected `,` between the attribute's arguments",
            );
            return None;
        }
        if input.is_empty() {
            break;
        }
        let key = match Ident::parse_any(input) {
            Ok(key) => key,
            Err(_) => {
                cx.error_at(input.span(), format!("expected a key: {ENDPOINT_KEYS}"));
                return None;
            }
        };
        let name = key.to_string();
        if !seen.insert(name.clone())
            && [
                RATE,
                RESPONSE,
                PUBLIC,
                SCOPE,
                RETRY_SAFE,
                RETRY_SAFE_WITH,
                PAGE,
            ]
            .contains(&name.as_str())
        {
            cx.error_spanned_by(&key, format!("duplicate key `{name}`: give it once"));
        }
        match name.as_str() {
            RATE => {
                let lit: Option<LitInt> =
                    input.parse::<Token![=]>().and_then(|_| input.parse()).ok();
                match lit {
                    Some(lit) => match lit.base10_parse::<u32>() {
                        Ok(0) => cx.error_spanned_by(
                            &lit,
                            "`rate = 0` would never send: give the documented requests per second",
                        ),
                        Ok(n) => rate = Some(n),
                        Err(_) => cx.error_spanned_by(
                            &lit,
                            "`rate` is a whole number of requests per second",
                        ),
                    },
                    None => {
                        cx.error_spanned_by(
                            &key,
                            "expected `rate = N`, N the documented requests per second",
                        );
                        skip_value(input);
                    }
                }
            }
            RESPONSE => match input
                .parse::<Token![=]>()
                .and_then(|_| input.parse::<Type>())
            {
                Ok(ty) => response = Some(ty),
                Err(_) => {
                    cx.error_spanned_by(
                        &key,
                        "expected `response = Type`, the type `data` decodes into",
                    );
                    skip_value(input);
                }
            },
            PUBLIC => public = true,
            PAGE => match page_args(cx, &key, input) {
                Ok(args) => page = args,
                Err(_) => {
                    cx.error_spanned_by(
                        &key,
                        "expected `page(cursor = field, size = field, max = N)`: the request fields of the cursor and the page size, and the largest page",
                    );
                    skip_value(input);
                }
            },
            RETRY_SAFE => retry = RetrySafe::Always,
            RETRY_SAFE_WITH => {
                let field = (|| -> syn::Result<Ident> {
                    let content;
                    syn::parenthesized!(content in input);
                    content.parse()
                })();
                match field {
                    Ok(field) => retry = RetrySafe::With(field),
                    Err(_) => {
                        cx.error_spanned_by(&key, "expected `retry_safe_with(field)`, the field that makes a repeat harmless");
                        skip_value(input);
                    }
                }
            }
            SCOPE => match input
                .parse::<Token![=]>()
                .and_then(|_| Ident::parse_any(input))
            {
                Ok(v) if v == "uid" => scope_ip = Some(false),
                Ok(v) if v == "ip" => scope_ip = Some(true),
                Ok(v) => {
                    cx.error_spanned_by(&v, "`scope` is `uid` (per account) or `ip` (per address)")
                }
                Err(_) => {
                    cx.error_spanned_by(&key, "expected `scope = uid` or `scope = ip`");
                    skip_value(input);
                }
            },
            _ => {
                cx.error_spanned_by(
                    &key,
                    format!(
                        "unknown key `{name}` in `#[bitget_endpoint]`; accepted: {ENDPOINT_KEYS}"
                    ),
                );
                skip_value(input);
            }
        }
    }
    if rate.is_none() && !seen.contains(RATE) {
        cx.error_spanned_by(
            &path,
            "missing `rate = N` after the path: the documented requests per second",
        );
    }
    if response.is_none() && !seen.contains(RESPONSE) {
        cx.error_spanned_by(
            &path,
            "missing `response = Type`: the type `data` decodes into (`()` for none)",
        );
    }
    Some(EndpointArgs {
        method: method?,
        path,
        rate: rate?,
        response: response?,
        signed: !public,
        scope_ip: scope_ip.unwrap_or(public),
        retry,
        page,
    })
}

/// `(cursor = field, size = field, max = N)`, in any order.
fn page_args(cx: &Ctxt, key: &Ident, input: ParseStream<'_>) -> syn::Result<Option<PageArgs>> {
    let content;
    syn::parenthesized!(content in input);
    let (mut cursor, mut size, mut max) = (None, None, None);
    while !content.is_empty() {
        let name: Ident = content.parse()?;
        content.parse::<Token![=]>()?;
        match name.to_string().as_str() {
            CURSOR => cursor = Some(content.parse::<Ident>()?),
            PAGE_SIZE => size = Some(content.parse::<Ident>()?),
            MAX => {
                let lit: LitInt = content.parse()?;
                match lit.base10_parse::<u32>() {
                    Ok(n) if n > 0 => max = Some(n),
                    _ => cx.error_spanned_by(
                        &lit,
                        "`max` is the largest page size the docs allow, at least 1",
                    ),
                }
            }
            other => {
                cx.error_spanned_by(&name, format!("unknown key `{other}` in `page(...)`; accepted: `cursor = field`, `size = field`, `max = N`"));
                content.parse::<TokenStream>()?;
                return Ok(None);
            }
        }
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
    }
    match (cursor, size, max) {
        (Some(cursor), Some(size), Some(max)) => Ok(Some(PageArgs {
            cursor,
            size,
            max,
            span: key.span(),
        })),
        _ => {
            cx.error_spanned_by(
                key,
                "`page` needs all three: `page(cursor = field, size = field, max = N)`",
            );
            Ok(None)
        }
    }
}

/// Skips an unknown key's value (`= expr` or `(...)`) up to the next top-level comma.
fn skip_value(input: ParseStream<'_>) {
    let _ = input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tt, next)) = rest.token_tree() {
            if let proc_macro2::TokenTree::Punct(p) = &tt {
                if p.as_char() == ',' {
                    return Ok(((), rest));
                }
            }
            rest = next;
        }
        Ok(((), rest))
    });
}

/// Parses the struct and its rules, and strips `#[bitget(...)]` from `input` so that the struct can
/// be emitted as it is even when the declaration has errors.
pub(crate) fn container(cx: &Ctxt, kind: Kind, input: &mut DeriveInput) -> Option<Container> {
    let rules = struct_rules(cx, &mut input.attrs);
    let shape_ok = match &input.data {
        Data::Struct(s) => {
            match &s.fields {
                Fields::Named(_) => true,
                Fields::Unnamed(f) => {
                    cx.error_spanned_by(f, "a request is a struct with named fields, one per parameter; not a tuple struct");
                    false
                }
                Fields::Unit => {
                    cx.error_spanned_by(&input.ident, "a request is a struct with named fields, one per parameter; not a unit struct");
                    false
                }
            }
        }
        Data::Enum(e) => {
            cx.error_spanned_by(e.enum_token, "the attribute goes on a struct whose fields are the parameters, not on an enum (declare enums with `bitget_core::wire_enum!`)");
            false
        }
        Data::Union(u) => {
            cx.error_spanned_by(
                u.union_token,
                "the attribute goes on a struct, not on a union",
            );
            false
        }
    };
    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        cx.error_spanned_by(
            &input.generics,
            "a request cannot be generic: its parameters have fixed wire types",
        );
    }
    let mut fields = Vec::new();
    if let Data::Struct(s) = &mut input.data {
        for field in s.fields.iter_mut() {
            let rules = field_rules(cx, &mut field.attrs);
            let Some(ident) = field.ident.clone() else {
                continue;
            };
            let wire = match &rules.rename {
                Some(rename) => rename.value(),
                None => camel_case(&ident.unraw().to_string()),
            };
            fields.push(Field {
                shape: crate::types::shape(&field.ty),
                ty: field.ty.clone(),
                wire,
                rules: rules.rules,
                json_number: rules.json_number,
                body: rules.body,
                docs: field
                    .attrs
                    .iter()
                    .filter(|a| a.path().is_ident("doc"))
                    .cloned()
                    .collect(),
                ident,
            });
        }
    }
    shape_ok.then(|| Container {
        kind,
        ident: input.ident.clone(),
        fields,
        rules,
    })
}

fn struct_rules(cx: &Ctxt, attrs: &mut Vec<syn::Attribute>) -> Vec<StructRule> {
    let mut rules = Vec::new();
    for attr in take_ours(attrs) {
        let result = attr.parse_nested_meta(|meta| {
            let key = meta
                .path
                .get_ident()
                .map(Ident::to_string)
                .unwrap_or_default();
            match StructRule::parse(&key, cx, &meta) {
                Some(rule) => rules.push(rule?),
                None => {
                    let hint = if has(FIELD_RULES, &key) || has(FIELD_OPTIONS, &key) {
                        " (this one goes on a field)"
                    } else {
                        ""
                    };
                    cx.error_spanned_by(
                        &meta.path,
                        format!(
                            "unknown rule `{key}` on the struct{hint}; accepted: {}",
                            accepted(&[STRUCT_RULES])
                        ),
                    );
                    skip_meta(&meta)?;
                }
            }
            Ok(())
        });
        if let Err(err) = result {
            cx.syn_error(err);
        }
    }
    rules
}

/// What `#[bitget(...)]` says of one field.
struct ParsedField {
    rules: Vec<FieldRule>,
    rename: Option<LitStr>,
    json_number: bool,
    body: Option<proc_macro2::Span>,
}

fn field_rules(cx: &Ctxt, attrs: &mut Vec<syn::Attribute>) -> ParsedField {
    let mut out = ParsedField {
        rules: Vec::new(),
        rename: None,
        json_number: false,
        body: None,
    };
    let mut seen: HashSet<String> = HashSet::new();
    for attr in take_ours(attrs) {
        let result = attr.parse_nested_meta(|meta| {
            let key = meta
                .path
                .get_ident()
                .map(Ident::to_string)
                .unwrap_or_default();
            let span = meta.path.span();
            let kind = match key.as_str() {
                RENAME => {
                    let lit: LitStr = meta.value()?.parse()?;
                    if lit.value().is_empty() {
                        cx.error_spanned_by(
                            &lit,
                            "`rename` needs the wire name, such as \"orderIdList\"",
                        );
                    }
                    if out.rename.replace(lit).is_some() {
                        cx.error_spanned_by(
                            &meta.path,
                            "duplicate rule `rename` on this field: give it once",
                        );
                    }
                    return Ok(());
                }
                JSON_NUMBER => {
                    out.json_number = true;
                    return Ok(());
                }
                BODY => {
                    out.body = Some(span);
                    return Ok(());
                }
                other => match FieldRuleKind::parse(other, cx, &meta) {
                    Some(kind) => kind?,
                    None => {
                        let hint = if has(STRUCT_RULES, other) {
                            " (this one goes on the struct)"
                        } else {
                            ""
                        };
                        cx.error_spanned_by(
                            &meta.path,
                            format!(
                                "unknown rule `{key}`{hint}; accepted: {}",
                                accepted(&[FIELD_RULES, FIELD_OPTIONS])
                            ),
                        );
                        return skip_meta(&meta);
                    }
                },
            };
            if !seen.insert(key.clone()) && !kind.repeatable() {
                cx.error_spanned_by(
                    &meta.path,
                    format!("duplicate rule `{key}` on this field: give it once"),
                );
            }
            out.rules.push(FieldRule { span, kind });
            Ok(())
        });
        if let Err(err) = result {
            cx.syn_error(err);
        }
    }
    out
}

/// `window(start, end, max_days = N)`.
pub(crate) fn window(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> syn::Result<StructRule> {
    let span = meta.path.span();
    let content;
    syn::parenthesized!(content in meta.input);
    let start: Ident = content.parse()?;
    content.parse::<Token![,]>()?;
    let end: Ident = content.parse()?;
    content.parse::<Token![,]>()?;
    let key: Ident = content.parse()?;
    if key != MAX_DAYS {
        cx.error_spanned_by(
            &key,
            "expected `max_days = N`, the documented longest span in days",
        );
    }
    content.parse::<Token![=]>()?;
    let lit: LitInt = content.parse()?;
    let max_days: u32 = lit.base10_parse()?;
    if max_days == 0 {
        cx.error_spanned_by(
            &lit,
            "`max_days = 0` allows nothing: give the documented span",
        );
    }
    Ok(StructRule::Window {
        start,
        end,
        max_days,
        span,
    })
}

/// Removes the `#[bitget(...)]` attributes from `attrs` and returns them.
fn take_ours(attrs: &mut Vec<syn::Attribute>) -> Vec<syn::Attribute> {
    let (ours, rest): (Vec<_>, Vec<_>) = std::mem::take(attrs)
        .into_iter()
        .partition(|a| a.path().is_ident(BITGET));
    *attrs = rest;
    ours
}

/// Skips an unknown key's value (`= expr` or `(...)`) so the keys after it are still read.
pub(crate) fn skip_meta(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        meta.value()?.parse::<syn::Expr>()?;
    } else if meta.input.peek(syn::token::Paren) {
        let content;
        syn::parenthesized!(content in meta.input);
        content.parse::<TokenStream>()?;
    }
    Ok(())
}

pub(crate) fn ident_list(meta: &ParseNestedMeta<'_>) -> syn::Result<Vec<Ident>> {
    let content;
    syn::parenthesized!(content in meta.input);
    Ok(Punctuated::<Ident, Token![,]>::parse_terminated(&content)?
        .into_iter()
        .collect())
}

/// `(method)`: one name in parentheses.
pub(crate) fn parens(meta: &ParseNestedMeta<'_>) -> syn::Result<Ident> {
    let content;
    syn::parenthesized!(content in meta.input);
    content.parse()
}

/// `(item_field, field = Enum::Value)`.
pub(crate) fn item_condition(
    cx: &Ctxt,
    meta: &ParseNestedMeta<'_>,
) -> syn::Result<(Ident, Condition)> {
    let content;
    syn::parenthesized!(content in meta.input);
    let item_field: Ident = content.parse()?;
    content.parse::<Token![,]>()?;
    Ok((item_field, condition_in(cx, &content)?))
}

/// `(field = Enum::Value)`.
pub(crate) fn condition(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> syn::Result<Condition> {
    let content;
    syn::parenthesized!(content in meta.input);
    condition_in(cx, &content)
}

/// `field = Enum::Value`. The value is a Rust expression, so the compiler checks it; a string
/// would be compared as text, and a typo would silently turn the rule off.
fn condition_in(cx: &Ctxt, input: ParseStream<'_>) -> syn::Result<Condition> {
    let field: Ident = input.parse()?;
    input.parse::<Token![=]>()?;
    let value: syn::Expr = input.parse()?;
    if let syn::Expr::Lit(syn::ExprLit {
        lit: syn::Lit::Str(s),
        ..
    }) = &value
    {
        let guess = format!(
            "{}::{}",
            upper_camel(&field.unraw().to_string()),
            upper_camel(&s.value())
        );
        cx.error_spanned_by(
            s,
            format!(
                "name the value, not its wire text: `{field} = {guess}` (the enum's variant), so that a misspelt value does not compile; a text would silently turn the rule off"
            ),
        );
    }
    Ok(Condition { field, value })
}

/// `key = 5` or `key = 0.1`: a non-negative number literal.
pub(crate) fn number_lit(
    cx: &Ctxt,
    meta: &ParseNestedMeta<'_>,
    key: &str,
) -> syn::Result<syn::Lit> {
    let lit: syn::Lit = meta.value()?.parse()?;
    if crate::rules::decimal_parts(&lit).is_none() {
        cx.error_spanned_by(
            &lit,
            format!("`{key}` takes a plain number, such as `{key} = 1` or `{key} = 0.1` (no suffix, no exponent)"),
        );
    }
    Ok(lit)
}

/// A count: a positive integer literal, or the path of a constant that names the limit.
pub(crate) fn count(
    cx: &Ctxt,
    meta: &ParseNestedMeta<'_>,
    key: &str,
) -> syn::Result<crate::ast::Count> {
    let value = meta.value()?;
    if value.peek(LitInt) {
        return positive_lit(cx, value.parse()?, key).map(crate::ast::Count::Literal);
    }
    match value.parse::<syn::Path>() {
        Ok(path) => Ok(crate::ast::Count::Const(path)),
        Err(e) => Err(syn::Error::new(
            e.span(),
            format!(
                "`{key}` takes a positive integer or a constant's path, such as `{key} = 50` or `{key} = BATCH_LIMIT`"
            ),
        )),
    }
}

pub(crate) fn positive(cx: &Ctxt, meta: &ParseNestedMeta<'_>, key: &str) -> syn::Result<usize> {
    positive_lit(cx, meta.value()?.parse()?, key)
}

fn positive_lit(cx: &Ctxt, lit: LitInt, key: &str) -> syn::Result<usize> {
    let n: usize = lit.base10_parse()?;
    if n == 0 {
        cx.error_spanned_by(
            &lit,
            format!("`{key} = 0` allows nothing: give the documented limit"),
        );
    }
    Ok(n)
}

/// `batch_mode` → `BatchMode`, `normal_plan` → `NormalPlan`, `USDT-FUTURES` → `UsdtFutures`: the
/// Rust name a wire word most likely has, for hints.
pub(crate) fn upper_camel(text: &str) -> String {
    text.split(['_', '-', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let lower = w.to_lowercase();
            let mut chars = lower.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// `order_id_list` → `orderIdList`.
pub(crate) fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn camel_case_follows_bitget() {
        assert_eq!(super::camel_case("order_id_list"), "orderIdList");
        assert_eq!(super::camel_case("symbol"), "symbol");
        assert_eq!(super::camel_case("type"), "type");
        assert_eq!(super::camel_case("client_oid"), "clientOid");
    }
}
