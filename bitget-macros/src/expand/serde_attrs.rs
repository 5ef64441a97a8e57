//! The derives and serde attributes that give a request its wire form: wire names, unset options
//! left out, unknown keys refused when reading (a misspelt id list must not read as "no list").

use syn::{Data, DeriveInput, parse_quote};

use super::rt;
use syn::parse::Parser as _;

use crate::ast::{Container, Field};

pub(super) fn decorate(item: &mut DeriveInput, cont: &Container) {
    let rt = rt();
    let serde_path = super::rt_path("serde");
    item.attrs.push(parse_quote! {
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, #rt::serde::Serialize)]
    });
    if cont.fields.iter().any(|f| f.body.is_some()) {
        // The list is the whole body (a top-level JSON array).
        item.attrs
            .push(parse_quote!(#[serde(crate = #serde_path, transparent)]));
        return;
    }
    item.attrs.push(parse_quote!(#[serde(crate = #serde_path)]));
    let Data::Struct(data) = &mut item.data else {
        return;
    };
    // One private flag per `required_or` field, set only by its explicit leave-out method: a
    // request read from JSON, built by hand or changed after `build()` cannot leave the field out
    // (and a struct literal cannot be written outside its module).
    if let syn::Fields::Named(named) = &mut data.fields {
        for flag in cont.fields.iter().filter_map(Field::left_out_flag) {
            named.named.push(
                syn::Field::parse_named
                    .parse2(quote::quote! {
                        #[serde(skip)]
                        #[doc(hidden)]
                        #flag: bool
                    })
                    .unwrap_or_else(|e| unreachable!("a generated field parses: {e}")),
            );
        }
    }

    for (field, model) in data.fields.iter_mut().zip(&cont.fields) {
        let wire = &model.wire;
        // Integers travel as strings, as Bitget's request tables type them (unless the docs say a
        // JSON number: `json_number`); reading (in `deserialize` below) accepts both.
        if model.shape.integer && !model.json_number {
            let ser = if model.shape.optional {
                "ser::opt_text"
            } else {
                "ser::text"
            };
            let ser = super::rt_path(&format!("wire::{ser}"));
            field
                .attrs
                .push(parse_quote!(#[serde(serialize_with = #ser)]));
        }
        if model.shape.optional {
            field.attrs.push(parse_quote! {
                #[serde(rename = #wire, skip_serializing_if = "::core::option::Option::is_none")]
            });
        } else {
            field.attrs.push(parse_quote!(#[serde(rename = #wire)]));
        }
    }
}

/// The request's `Deserialize`: lean calls into `__private::read` rather than serde's derive
/// (half the compile time of a declaration), with the same behaviour: wire names, optional
/// fields absent or `null`, integers as strings or numbers, unknown keys refused.
pub(super) fn deserialize(cont: &Container) -> proc_macro2::TokenStream {
    let rt = rt();
    let ident = &cont.ident;
    let d = quote::quote!(#rt::read);
    if let Some(body) = cont.fields.iter().find(|f| f.body.is_some()) {
        let name = &body.ident;
        let ty = &body.ty;
        return quote::quote! {
            impl<'de> #rt::serde::Deserialize<'de> for #ident {
                fn deserialize<__D: #rt::serde::Deserializer<'de>>(__d: __D) -> ::core::result::Result<Self, __D::Error> {
                    ::core::result::Result::Ok(#ident { #name: <#ty as #rt::serde::Deserialize<'de>>::deserialize(__d)? })
                }
            }
        };
    }
    let wires: Vec<&String> = cont.fields.iter().map(|f| &f.wire).collect();
    let reads = cont.fields.iter().map(|f| {
        let (name, wire, value) = (&f.ident, &f.wire, &f.shape.value);
        let read = if f.shape.integer {
            let reader = if f.shape.optional {
                quote::quote!(|__v| #rt::wire::de::opt_number::<#d::Value, #value>(__v))
            } else {
                quote::quote!(|__v| #rt::wire::de::number::<#d::Value, #value>(__v))
            };
            let got = quote::quote!(#d::with(&mut __f, #wire, #reader)?);
            if f.shape.optional {
                quote::quote!(#got.flatten())
            } else {
                quote::quote!(#d::present(#got, #wire)?)
            }
        } else if f.shape.optional {
            quote::quote!(#d::opt(&mut __f, #wire)?)
        } else {
            quote::quote!(#d::req(&mut __f, #wire)?)
        };
        quote::quote!(#name: #read)
    });
    let flags = cont
        .fields
        .iter()
        .filter_map(Field::left_out_flag)
        .map(|flag| quote::quote!(#flag: false));
    quote::quote! {
        impl<'de> #rt::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #rt::serde::Deserializer<'de>>(__d: __D) -> ::core::result::Result<Self, __D::Error> {
                let mut __f = <#d::Fields as #rt::serde::Deserialize<'de>>::deserialize(__d)?;
                let __request = #ident { #(#reads,)* #(#flags,)* };
                #d::no_unknown(&__f, &[#(#wires),*])?;
                ::core::result::Result::Ok(__request)
            }
        }
    }
}
