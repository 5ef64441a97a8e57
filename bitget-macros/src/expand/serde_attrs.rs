//! The derives and serde attributes that give a request its wire form: wire names, unset options
//! left out, unknown keys refused when reading (a misspelt id list must not read as "no list").

use syn::{Data, DeriveInput, parse_quote};

use super::rt;
use crate::ast::Container;

pub(super) fn decorate(item: &mut DeriveInput, cont: &Container) {
    let rt = rt();
    let serde_path = format!("{rt}::serde").replace(' ', "");
    item.attrs.push(parse_quote! {
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, #rt::serde::Serialize, #rt::serde::Deserialize)]
    });
    item.attrs
        .push(parse_quote!(#[serde(crate = #serde_path, deny_unknown_fields)]));
    let Data::Struct(data) = &mut item.data else {
        return;
    };
    for (field, model) in data.fields.iter_mut().zip(&cont.fields) {
        let wire = &model.wire;
        if model.shape.optional {
            field.attrs.push(parse_quote! {
                #[serde(rename = #wire, default, skip_serializing_if = "::core::option::Option::is_none")]
            });
        } else {
            field.attrs.push(parse_quote!(#[serde(rename = #wire)]));
        }
    }
}
