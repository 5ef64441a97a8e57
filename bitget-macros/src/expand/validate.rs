//! The generated `Validate` implementation: one call into `__private::rules` per declared rule.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned as _;

use super::rt;
use crate::ast::{Container, EndpointArgs, Field};

pub(super) fn expand(
    vis: &syn::Visibility,
    cont: &Container,
    args: Option<&EndpointArgs>,
) -> TokenStream {
    let rt = rt();
    let ident = &cont.ident;
    let fields = cont.fields.iter().map(|f| field_checks(cont, f));
    let struct_rules = cont.rules.iter().map(|r| r.emit(cont));
    let target = target(cont, args);
    let declared = cont
        .fields
        .iter()
        .flat_map(|f| f.rules.iter().flat_map(move |r| r.kind.declared(cont, f)))
        .chain(cont.rules.iter().map(|r| r.declared(cont)));
    let nested_declared = cont.fields.iter().map(|f| {
        let ty = &f.ty;
        let at = if f.body.is_some() {
            quote!(__prefix)
        } else {
            let wire = &f.wire;
            quote!(&__r::join(__prefix, #wire))
        };
        quote!(<#ty as #rt::Validate>::declared_rules(#at, __out);)
    });
    // An item's wire names, as a struct with one field per field: a parent's list rules read
    // them there (renames honoured), and a misspelt item field is "no field `x`" with the right
    // suggestion.
    let wire_names = (cont.kind == crate::ast::Kind::Item).then(|| {
        let names = quote::format_ident!("{}WireNames", ident);
        let fields: Vec<&syn::Ident> = cont.fields.iter().map(|f| &f.ident).collect();
        let wires = cont.fields.iter().map(|f| &f.wire);
        let doc = format!("The wire name of each field of [`{ident}`].");
        quote! {
            #[doc = #doc]
            #[doc(hidden)]
            #[allow(dead_code)]
            #vis struct #names {
                #(pub #fields: &'static str,)*
            }

            impl #ident {
                #[doc(hidden)]
                pub const __WIRE: #names = #names { #(#fields: #wires,)* };
            }
        }
    });
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

            fn declared_rules(__prefix: &str, __out: &mut ::std::vec::Vec<::bitget_core::DeclaredRule>) {
                use #rt::rules as __r;
                __r::declare(__prefix, &[#(#declared),*], __out);
                #(#nested_declared)*
            }
        }

        #wire_names

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

fn field_checks(cont: &Container, field: &Field) -> TokenStream {
    let rt = rt();
    let name = &field.ident;
    let wire = &field.wire;
    let checks = field.rules.iter().map(|rule| rule.kind.emit(cont, field));
    // Nested rules of item types (and the known-value check of enums); a type without any is a
    // no-op. Spanned at the type so a type that cannot be checked is reported on the field.
    let ty = &field.ty;
    let nested =
        quote_spanned!(ty.span()=> <#ty as #rt::Validate>::validate_at(&self.#name, &__p, __out););
    // A body list is the request itself: its items are `[3].symbol`, not `orders[3].symbol`.
    let at = if field.body.is_some() {
        quote!(*__path)
    } else {
        quote!(__path.field(#wire))
    };
    quote! {
        {
            let __p = #at;
            #(#checks)*
            #nested
        }
    }
}
