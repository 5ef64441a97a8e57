//! The derives and serde attributes that give a request its wire form: wire names, unset options
//! left out, unknown keys refused when reading (a misspelt id list must not read as "no list").

use syn::{Data, DeriveInput, parse_quote};

use super::rt;
use syn::parse::Parser as _;

use crate::ast::{Container, Field};

pub(super) fn decorate(item: &mut DeriveInput, cont: &Container) {
    let rt = rt();
    let serde_path = format!("{rt}::serde").replace(' ', "");
    item.attrs.push(parse_quote! {
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, #rt::serde::Serialize, #rt::serde::Deserialize)]
    });
    if cont.fields.iter().any(|f| f.body.is_some()) {
        // The list is the whole body (a top-level JSON array); its items refuse unknown keys.
        item.attrs
            .push(parse_quote!(#[serde(crate = #serde_path, transparent)]));
        return;
    }
    item.attrs
        .push(parse_quote!(#[serde(crate = #serde_path, deny_unknown_fields)]));
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
    let wire_fns = format!("{rt}::wire").replace(' ', "");
    for (field, model) in data.fields.iter_mut().zip(&cont.fields) {
        let wire = &model.wire;
        // Integers travel as strings, as Bitget's request tables type them (unless the docs say a
        // JSON number: `json_number`); reading accepts both.
        if model.shape.integer && model.shape.list_item.is_none() {
            let (ser, de) = if model.shape.optional {
                ("ser::opt_text", "de::opt_number")
            } else {
                ("ser::text", "de::number")
            };
            let de = format!("{wire_fns}::{de}");
            if model.json_number {
                field
                    .attrs
                    .push(parse_quote!(#[serde(deserialize_with = #de)]));
            } else {
                let ser = format!("{wire_fns}::{ser}");
                field
                    .attrs
                    .push(parse_quote!(#[serde(serialize_with = #ser, deserialize_with = #de)]));
            }
        }
        if model.shape.optional {
            field.attrs.push(parse_quote! {
                #[serde(rename = #wire, default, skip_serializing_if = "::core::option::Option::is_none")]
            });
        } else {
            field.attrs.push(parse_quote!(#[serde(rename = #wire)]));
        }
    }
}
