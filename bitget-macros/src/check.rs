//! Cross-field checks of a declaration, one small named function per concern. Each records its
//! errors at the offending token and lets the others run.

use std::collections::HashMap;

use syn::Ident;

use crate::ast::{Container, EndpointArgs, Field, FieldRuleKind, Kind, Method, StructRule};
use crate::ctxt::Ctxt;
use crate::rules::Needs;
use crate::symbol::*;

/// Runs every check.
pub(crate) fn check(cx: &Ctxt, cont: &Container, args: Option<&EndpointArgs>) {
    for field in &cont.fields {
        check_required(cx, cont, field);
        check_references(cx, cont, field);
        check_shapes(cx, field);
        check_names(cx, cont, field);
        if let Some(args) = args {
            check_query_shape(cx, args, field);
        }
    }
    check_wire_names(cx, cont);
    check_body(cx, cont, args);
    if let Some(page) = args.and_then(|a| a.page.as_ref()) {
        check_page(cx, cont, page);
    }
    check_struct_rules(cx, cont);
    if let Some(crate::ast::RetrySafe::With(field)) = args.map(|a| &a.retry) {
        if cont.field(field).is_none() {
            no_such_field(cx, cont, field);
        }
    }
}

fn check_required(cx: &Ctxt, cont: &Container, field: &Field) {
    let name = &field.ident;
    match (field.required(), field.required_or(), field.shape.optional) {
        (None, None, false) => cx.error_spanned_by(
            name,
            format!(
                "`{name}` is not an `Option`, so it can never be left out: mark it `#[bitget(required)]` as the docs' \
                 \"Required: Yes\", or make it `Option<...>` if it is optional"
            ),
        ),
        (Some(span), _, true) => cx.error_at(
            span,
            format!(
                "`required` on `{name}`, an `Option` that could be left unset: declare it without `Option`, or use \
                 `required_or(method)` to allow leaving it out only through an explicit builder call"
            ),
        ),
        (Some(span), Some(_), false) => cx.error_at(span, "`required` and `required_or` conflict: keep one"),
        (None, Some(method), false) => cx.error_spanned_by(
            method,
            format!("`required_or` on `{name}`, which cannot be unset (it is not an `Option`): use `required`"),
        ),
        _ => {}
    }
    if field.is_builder_required() {
        for rule in &field.rules {
            let says = match &rule.kind {
                FieldRuleKind::RequiredIf(c) | FieldRuleKind::RequiredUnless(c) => Some((
                    c,
                    format!(
                        "`{name}` is always required, so this condition adds nothing: remove it"
                    ),
                )),
                FieldRuleKind::AbsentIf(c) => Some((
                    c,
                    format!(
                        "`{name}` is always set, so it can never be left out: drop `required` or this rule"
                    ),
                )),
                _ => None,
            };
            if let Some((c, message)) = says {
                cx.error_spanned_by(&c.field, message);
            }
        }
    }
    if let (Kind::Item, Some(method)) = (cont.kind, field.required_or()) {
        cx.error_spanned_by(
            method,
            "`required_or` belongs on a request's field, not on an item's",
        );
    }
}

fn check_references(cx: &Ctxt, cont: &Container, field: &Field) {
    for rule in &field.rules {
        for other in rule.kind.references() {
            check_field_ref(cx, cont, field, other);
        }
        if let FieldRuleKind::NoMix(idents) = &rule.kind {
            if idents.len() < 2 {
                cx.error_at(
                    rule.span,
                    "`no_mix` names at least two item fields, such as `no_mix(order_id, client_oid)`",
                );
            }
        }
    }
}

fn check_field_ref(cx: &Ctxt, cont: &Container, field: &Field, other: &Ident) {
    if other == &field.ident {
        cx.error_spanned_by(
            other,
            format!("`{other}` refers to the field it is declared on"),
        );
    } else if cont.field(other).is_none() {
        no_such_field(cx, cont, other);
    }
}

/// Each rule on a field of the shape it applies to.
fn check_shapes(cx: &Ctxt, field: &Field) {
    let name = &field.ident;
    for rule in &field.rules {
        let (key, needs) = (rule.kind.key(), rule.kind.needs());
        if !needs.fits(field) {
            let hint = if needs == Needs::Scalar {
                ": put it on the item type's field".to_owned()
            } else {
                String::new()
            };
            cx.error_at(
                rule.span,
                format!(
                    "`{key}` applies to {}, and `{name}` is not one{hint}",
                    needs.describe()
                ),
            );
            continue;
        }
        if let FieldRuleKind::Gt(lit)
        | FieldRuleKind::Min(lit)
        | FieldRuleKind::Max(lit)
        | FieldRuleKind::Allow(lit) = &rule.kind
        {
            let is_number = crate::rules::decimal_parts(lit).is_some();
            if field.shape.integer && is_number && !matches!(lit, syn::Lit::Int(_)) {
                cx.error_spanned_by(
                    lit,
                    format!("`{name}` is an integer: `{key}` takes a whole number"),
                );
            }
        }
    }
    let has = |k: &str| field.rules.iter().any(|r| r.kind.key() == k);
    if let Some(allow) = field
        .rules
        .iter()
        .find(|r| matches!(r.kind, FieldRuleKind::Allow(_)))
    {
        if !has("min") && !has("max") {
            cx.error_at(
                allow.span,
                "`allow` names a value accepted outside `min`/`max`: give those bounds too",
            );
        }
    }
    if field.json_number && !field.shape.integer {
        cx.error_spanned_by(
            name,
            "`json_number` is for integers that Bitget reads as JSON numbers",
        );
    }
}

fn check_names(cx: &Ctxt, cont: &Container, field: &Field) {
    let name = field.ident.to_string();
    if RESERVED_METHODS.contains(&name.as_str()) {
        cx.error_spanned_by(
            &field.ident,
            format!("a field named `{name}` would clash with the builder's `{name}()`: rename the field and keep the wire name with `#[bitget(rename = \"{name}\")]`"),
        );
    }
    if let Some(method) = field.required_or() {
        let m = method.to_string();
        if RESERVED_METHODS.contains(&m.as_str()) || cont.fields.iter().any(|f| f.ident == m) {
            cx.error_spanned_by(method, format!("`{m}` is already a builder method: choose a name that says what leaving the field out does"));
        }
    }
}

fn check_query_shape(cx: &Ctxt, args: &EndpointArgs, field: &Field) {
    if args.method == Method::Get && field.shape.list_item.is_some() {
        cx.error_spanned_by(
            &field.ident,
            "a GET request's parameters travel in the query string, which cannot carry a list",
        );
    }
}

/// `page(...)`: the cursor is an optional text field, the size an optional integer field.
fn check_page(cx: &Ctxt, cont: &Container, page: &crate::ast::PageArgs) {
    for (ident, integer, what) in [
        (&page.cursor, false, "an optional text (`Option<String>`)"),
        (&page.size, true, "an optional integer (`Option<u32>`)"),
    ] {
        match cont.field(ident) {
            None => no_such_field(cx, cont, ident),
            Some(f)
                if !f.shape.optional
                    || f.shape.integer != integer
                    || f.shape.list_item.is_some() =>
            {
                cx.error_spanned_by(
                    ident,
                    format!("`{ident}` must be {what}: the stream sets it page after page"),
                )
            }
            Some(_) => {}
        }
    }
}

/// `body`: the one field of a POST request, a required list, sent as the whole JSON body.
fn check_body(cx: &Ctxt, cont: &Container, args: Option<&EndpointArgs>) {
    for field in &cont.fields {
        let Some(span) = field.body else { continue };
        if cont.kind == Kind::Item || args.is_some_and(|a| a.method == Method::Get) {
            cx.error_at(
                span,
                "`body` makes a list the whole JSON body of a POST request",
            );
        } else if field.shape.list_item.is_none() || field.shape.optional {
            cx.error_at(
                span,
                format!(
                    "`body` needs a required list (`Vec<T>` with `required`): `{}` is not one",
                    field.ident
                ),
            );
        } else if cont.fields.len() != 1 {
            cx.error_at(
                span,
                "a request whose body is a list has no other field: the list is the whole body",
            );
        }
    }
}

fn check_wire_names(cx: &Ctxt, cont: &Container) {
    let mut seen: HashMap<&str, &Ident> = HashMap::new();
    for field in &cont.fields {
        if let Some(first) = seen.insert(&field.wire, &field.ident) {
            cx.error_spanned_by(
                &field.ident,
                format!(
                    "`{}` goes on the wire as `{}`, like `{first}`: rename one",
                    field.ident, field.wire
                ),
            );
        }
    }
}

fn check_struct_rules(cx: &Ctxt, cont: &Container) {
    for rule in &cont.rules {
        if let StructRule::Window {
            start, end, span, ..
        } = rule
        {
            check_window(cx, cont, start, end, *span);
            continue;
        }
        let Some(idents) = rule.set() else { continue };
        let key = rule.key();
        if idents.len() < 2 {
            let at = idents
                .first()
                .map_or_else(|| cont.ident.span(), Ident::span);
            cx.error_at(at, format!("`{key}` names at least two fields"));
        }
        for (i, ident) in idents.iter().enumerate() {
            match cont.field(ident) {
                None => no_such_field(cx, cont, ident),
                Some(f) if f.is_builder_required() => cx.error_spanned_by(
                    ident,
                    format!("`{ident}` is required, so `{key}` always holds: drop `required` or the rule"),
                ),
                Some(_) => {}
            }
            if idents[..i].contains(ident) {
                cx.error_spanned_by(ident, format!("`{ident}` is named twice"));
            }
        }
    }
    // The same set under both rules is a contradiction in waiting: one says 1, the other 1 or more.
    for (i, a) in cont.rules.iter().enumerate() {
        for b in &cont.rules[i + 1..] {
            if let (StructRule::AtLeastOneOf(x), StructRule::ExactlyOneOf(y))
            | (StructRule::ExactlyOneOf(y), StructRule::AtLeastOneOf(x)) = (a, b)
            {
                if x.iter().any(|id| y.contains(id)) {
                    let at = y.first().map_or_else(|| cont.ident.span(), Ident::span);
                    cx.error_at(at, "`at_least_one_of` and `exactly_one_of` over the same fields conflict: keep one");
                }
            }
        }
    }
}

/// `window(start, end, ...)`: two distinct integer fields (Unix milliseconds).
fn check_window(cx: &Ctxt, cont: &Container, start: &Ident, end: &Ident, span: proc_macro2::Span) {
    if start == end {
        cx.error_at(
            span,
            "`window` spans two different fields: `window(start_time, end_time, max_days = N)`",
        );
    }
    for ident in [start, end] {
        match cont.field(ident) {
            None => no_such_field(cx, cont, ident),
            Some(f) if !crate::types::fits_in_i128(&f.shape.value) => cx.error_spanned_by(
                ident,
                format!("`window` compares Unix milliseconds: `{ident}` must be an integer field that converts into `i128` (`u64`, `i64`, ...; not `usize`, `isize` or `u128`)"),
            ),
            Some(_) => {}
        }
    }
}

/// `ident` names no field of the struct: the error lists the fields there are.
fn no_such_field(cx: &Ctxt, cont: &Container, ident: &Ident) {
    cx.error_spanned_by(
        ident,
        format!(
            "no field `{ident}` in `{}`; the fields are {}",
            cont.ident,
            field_list(cont)
        ),
    );
}

fn field_list(cont: &Container) -> String {
    let names: Vec<String> = cont
        .fields
        .iter()
        .map(|f| format!("`{}`", f.ident))
        .collect();
    if names.is_empty() {
        "none".to_owned()
    } else {
        names.join(", ")
    }
}
