//! The generated `Validate` implementation: one call into `__private::rules` per declared rule.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::Ident;
use syn::spanned::Spanned as _;

use super::rt;
use crate::ast::{Container, EndpointArgs, Field, StructRule};
use crate::attr::item_wire;

pub(super) fn expand(cont: &Container, args: Option<&EndpointArgs>) -> TokenStream {
    let rt = rt();
    let ident = &cont.ident;
    let fields = cont.fields.iter().map(|f| field_checks(cont, f));
    let struct_rules = cont.rules.iter().map(|r| struct_rule(cont, r));
    let target = target(cont, args);
    quote! {
        // Plumbing between a request and its items: hidden so the type's page shows `validate`.
        #[doc(hidden)]
        impl #rt::Validate for #ident {
            fn validate_at(&self, __path: &#rt::Path<'_>, __out: &mut #rt::Violations) {
                #[allow(unused_imports)]
                use #rt::rules as __r;
                #(#fields)*
                #(#struct_rules)*
            }
        }

        impl #ident {
            /// Checks every rule of the docs; the error lists each broken one with its wire path.
            pub fn validate(&self) -> ::core::result::Result<(), #rt::ValidationError> {
                let mut __out = #rt::Violations::default();
                #rt::Validate::validate_at(self, &#rt::Path::ROOT, &mut __out);
                __out.finish(#target)
            }
        }
    }
}

/// What a validation error names: the endpoint (`POST /api/...`) or the item type.
pub(super) fn target(cont: &Container, args: Option<&EndpointArgs>) -> String {
    match args {
        Some(args) => format!("{} {}", args.method.as_str(), args.path.value()),
        None => cont.ident.to_string(),
    }
}

fn present(ident: &Ident) -> TokenStream {
    quote!(__r::present(&self.#ident))
}

fn field_checks(cont: &Container, field: &Field) -> TokenStream {
    let rt = rt();
    let name = &field.ident;
    let wire = &field.wire;
    let rules = &field.rules;
    let mut checks = Vec::new();
    if field.is_builder_required() && rules.required_or.is_none() {
        let p = present(name);
        checks.push(quote!(__r::required(__out, &__p, #p);));
    }
    for (cond, func) in rules
        .required_if
        .iter()
        .map(|c| (c, quote!(required_if)))
        .chain(
            rules
                .required_unless
                .iter()
                .map(|c| (c, quote!(required_unless))),
        )
    {
        let (p, other, other_wire, value) = (
            present(name),
            &cond.field,
            cont.wire_of(&cond.field),
            &cond.value,
        );
        checks.push(
            quote!(__r::#func(__out, &__p, #p, #other_wire, __r::text(&self.#other), #value);),
        );
    }
    for other in &rules.requires {
        let (p, op, other_wire) = (present(name), present(other), cont.wire_of(other));
        checks.push(quote!(__r::requires(__out, &__path.field(#other_wire), #p, #wire, #op);));
    }
    if let Some((max, _)) = rules.max_items {
        checks
            .push(quote!(__r::max_items(__out, &__p, __r::ListLen::list_len(&self.#name), #max);));
    }
    if rules.non_empty.is_some() {
        checks.push(quote!(__r::non_empty(__out, &__p, __r::ListLen::list_len(&self.#name));));
    }
    if let Some((max, _)) = rules.max_len {
        checks.push(quote_spanned!(field.ty.span()=> __r::max_len(__out, &__p, __r::text(&self.#name), #max);));
    }
    if rules.uppercase.is_some() {
        checks.push(
            quote_spanned!(field.ty.span()=> __r::uppercase(__out, &__p, __r::text(&self.#name));),
        );
    }
    if let Some((idents, _)) = &rules.no_mix {
        // Item field names go on the wire in camelCase (the item type is another declaration).
        let wires: Vec<String> = idents.iter().map(item_wire).collect();
        checks.push(quote! {
            __r::no_mix(__out, &__p, &[#(#wires),*], __r::items(&self.#name).iter().map(|__item| {
                __r::first_present(&[#(__r::present(&__item.#idents)),*])
            }));
        });
    }
    for (item_field, cond, _) in &rules.item_required_if {
        let item_wire = item_wire(item_field);
        let (other, other_wire, value) = (&cond.field, cont.wire_of(&cond.field), &cond.value);
        checks.push(quote! {
            for (__i, __item) in __r::items(&self.#name).iter().enumerate() {
                let __ip = __p.index(__i);
                __r::required_if(__out, &__ip.field(#item_wire), __r::present(&__item.#item_field), #other_wire, __r::text(&self.#other), #value);
            }
        });
    }
    for check in &rules.checks {
        let label = path_text(check);
        checks.push(
            quote_spanned!(check.span()=> __r::custom(__out, &__p, #label, #check(&self.#name));),
        );
    }
    // Nested rules of item types; a type without any is a no-op. Spanned at the type so a type that
    // cannot be checked is reported on the field.
    let ty = &field.ty;
    checks.push(
        quote_spanned!(ty.span()=> <#ty as #rt::Validate>::validate_at(&self.#name, &__p, __out);),
    );
    quote! {
        {
            let __p = __path.field(#wire);
            #(#checks)*
        }
    }
}

fn struct_rule(cont: &Container, rule: &StructRule) -> TokenStream {
    match rule {
        StructRule::AtLeastOneOf(ids) | StructRule::ExactlyOneOf(ids) => {
            let func = if matches!(rule, StructRule::AtLeastOneOf(_)) {
                quote!(at_least_one_of)
            } else {
                quote!(exactly_one_of)
            };
            let wires: Vec<String> = ids.iter().map(|i| cont.wire_of(i)).collect();
            let presents = ids.iter().map(present);
            quote!(__r::#func(__out, __path, &[#(#wires),*], &[#(#presents),*]);)
        }
        StructRule::Check(path) => {
            let label = path_text(path);
            quote_spanned!(path.span()=> __r::custom(__out, __path, #label, #path(self));)
        }
    }
}

fn path_text(path: &syn::Path) -> String {
    quote!(#path).to_string().replace(' ', "")
}
