//! Generated rustdoc: the method, path, rate limit and every rule, on the struct and the builder,
//! so `cargo doc` is the reference.

use syn::{DeriveInput, parse_quote};

use super::code;
use crate::ast::{Container, EndpointArgs, Field};

/// The endpoint line: `POST /api/...` · signed · 10 requests/s per UID.
fn endpoint_line(args: &EndpointArgs) -> String {
    let signing = if args.signed {
        "signed"
    } else {
        "public (unsigned)"
    };
    let scope = if args.scope_ip { "IP" } else { "UID" };
    let retry = match &args.retry {
        crate::ast::RetrySafe::Always => " · safe to repeat, retried on failure".to_owned(),
        crate::ast::RetrySafe::With(f) => {
            format!(" · safe to repeat (and retried) when `{f}` is set")
        }
        crate::ast::RetrySafe::ByMethod if args.method == crate::ast::Method::Get => {
            " · a read, retried on failure".to_owned()
        }
        crate::ast::RetrySafe::ByMethod => " · not retried when the outcome is unknown".to_owned(),
    };
    format!(
        "**`{} {}`** · {signing} · rate limit {} requests/s per {scope} (a default the client can override){retry}",
        args.method.as_str(),
        args.path.value(),
        args.rate
    )
}

/// One line per rule of `field`, in words close to the docs'.
pub(super) fn field_rules(field: &Field, cont: &Container) -> Vec<String> {
    field
        .rules
        .iter()
        .filter_map(|r| r.kind.doc(cont, field))
        .collect()
}

/// The rules of a field as one line for its setter, if it has any.
pub(super) fn field_rules_doc(field: &Field, cont: &Container) -> Option<String> {
    let rules = field_rules(field, cont);
    (!rules.is_empty()).then(|| format!("Rules: {}.", rules.join("; ")))
}

/// What leaving a `required_or` field out does, for the explicit method's docs.
pub(super) fn leave_out_warning(field: &Field) -> String {
    let docs: String = field
        .docs
        .iter()
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value().trim().to_owned()),
                _ => None,
            },
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ");
    if docs.is_empty() {
        String::new()
    } else {
        format!("About this field: {docs}")
    }
}

fn struct_rules(cont: &Container) -> Vec<String> {
    let mut lines = Vec::new();
    for field in &cont.fields {
        for rule in field_rules(field, cont) {
            lines.push(format!("- {}: {rule}", code(&field.wire)));
        }
    }
    for rule in &cont.rules {
        lines.push(format!("- {}", rule.doc(cont)));
    }
    lines
}

fn summary(cont: &Container, args: Option<&EndpointArgs>) -> Vec<String> {
    let mut lines = vec![String::new()];
    if let Some(args) = args {
        lines.push("# Endpoint".to_owned());
        lines.push(String::new());
        lines.push(endpoint_line(args));
        lines.push(String::new());
        let ty = &args.response;
        lines.push(format!(
            "Answers with `{}` in `data`.",
            super::tokens_text(ty)
        ));
        lines.push(String::new());
    }
    let rules = struct_rules(cont);
    lines.push("# Rules".to_owned());
    lines.push(String::new());
    if rules.is_empty() {
        lines.push("None beyond the types.".to_owned());
    } else {
        lines.push(format!(
            "Checked by `{}::builder().build()`, by `validate()` and before every send; a request that breaks one never reaches the network.",
            cont.ident
        ));
        lines.push(String::new());
        lines.extend(rules);
    }
    lines
}

pub(super) fn add_struct_docs(
    item: &mut DeriveInput,
    cont: &Container,
    args: Option<&EndpointArgs>,
) {
    for line in summary(cont, args) {
        item.attrs.push(parse_quote!(#[doc = #line]));
    }
}

pub(super) fn builder_docs(cont: &Container, args: Option<&EndpointArgs>) -> Vec<String> {
    let mut lines = vec![format!(
        "Builder of [`{}`]: required fields must be set before `build()` compiles, and `build()` checks every rule.",
        cont.ident
    )];
    lines.extend(summary(cont, args));
    lines
}
