//! `#[bitget_response]`: response types read leniently, as Bitget's answers need: wire names, absent
//! or `null` lists as empty, numbers sent as strings parsed into `Decimal` or integers, unknown
//! fields ignored (enums declared with `wire_enum!` keep unknown values).

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt as _;
use syn::{Data, DeriveInput, Fields, Type, parse_quote};

use crate::attr::camel_case;
use crate::ctxt::Ctxt;
use crate::expand::rt;
use crate::symbol::{ALIAS, BITGET, CURSOR, ITEMS, JSON_STRING, RENAME, TIMESTAMP};
use crate::types::{generic_arg, is_bool, is_number};

pub(crate) fn expand(cx: &Ctxt, input: &mut DeriveInput) -> TokenStream {
    let rt = rt();
    let serde_path = crate::expand::rt_path("serde");
    match &input.data {
        Data::Struct(s) if matches!(s.fields, Fields::Named(_)) => {}
        Data::Struct(s) => {
            cx.error_spanned_by(&s.fields, "a response is a struct with named fields")
        }
        Data::Enum(e) => cx.error_spanned_by(
            e.enum_token,
            "declare response enums with `bitget_core::wire_enum!`, which keeps unknown values",
        ),
        Data::Union(u) => {
            cx.error_spanned_by(u.union_token, "a response is a struct with named fields")
        }
    }
    if !input.generics.params.is_empty() {
        cx.error_spanned_by(&input.generics, "a response type cannot be generic");
    }
    // The page parts: (items field, its item type), the cursor field.
    let mut items: Option<(syn::Ident, Type)> = None;
    let mut cursor: Option<syn::Ident> = None;
    // Every field's wire name, its aliases and its type, for the `WireShape` impl.
    let mut shape: Vec<(String, Vec<String>, Type)> = Vec::new();
    if let Data::Struct(data) = &mut input.data {
        for field in data.fields.iter_mut() {
            let (mut is_items, mut is_cursor) = (None, None);
            let mut rename = None;
            let mut aliases: Vec<String> = Vec::new();
            let mut reader: Option<&'static str> = None;
            let ours: Vec<syn::Attribute> = field
                .attrs
                .iter()
                .filter(|a| a.path().is_ident(BITGET))
                .cloned()
                .collect();
            field.attrs.retain(|a| !a.path().is_ident(BITGET));
            for attr in ours {
                let result = attr.parse_nested_meta(|meta| {
                    if meta.path.is_ident(RENAME) {
                        rename = Some(meta.value()?.parse::<syn::LitStr>()?.value());
                    } else if meta.path.is_ident(ALIAS) {
                        aliases.push(meta.value()?.parse::<syn::LitStr>()?.value());
                    } else if meta.path.is_ident(TIMESTAMP) {
                        reader = Some(TIMESTAMP);
                    } else if meta.path.is_ident(JSON_STRING) {
                        reader = Some(JSON_STRING);
                    } else if meta.path.is_ident(ITEMS) {
                        is_items = Some(meta.path.clone());
                    } else if meta.path.is_ident(CURSOR) {
                        is_cursor = Some(meta.path.clone());
                    } else {
                        cx.error_spanned_by(
                            &meta.path,
                            "a response field accepts `rename = \"wireName\"`, `alias = \"otherName\"` (also read), `timestamp` (Unix ms, seconds converted), `json_string` (JSON sent inside a string), `items` (a page's list) and `cursor` (the next page's cursor)",
                        );
                        crate::attr::skip_meta(&meta)?;
                    }
                    Ok(())
                });
                if let Err(e) = result {
                    cx.syn_error(e);
                }
            }
            let Some(ident) = &field.ident else { continue };
            if let Some(path) = is_items {
                match generic_arg(&field.ty, "Vec") {
                    Some(item) if items.is_none() => {
                        items = Some((ident.clone(), item.clone()));
                    }
                    _ => cx
                        .error_spanned_by(&path, "`items` marks the one list (`Vec<T>`) of a page"),
                }
            }
            if let Some(path) = is_cursor {
                if cursor.replace(ident.clone()).is_some() {
                    cx.error_spanned_by(&path, "a page has one `cursor` field");
                }
            }
            let wire = rename.unwrap_or_else(|| camel_case(&ident.unraw().to_string()));
            let lenient = match reader {
                Some(kind) => special(kind, &field.ty),
                None => lenient(&field.ty),
            };
            field
                .attrs
                .push(parse_quote!(#[serde(rename = #wire #(, alias = #aliases)* #lenient)]));
            shape.push((wire, aliases, field.ty.clone()));
        }
    }
    input.attrs.push(parse_quote! {
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, #rt::serde::Deserialize, #rt::serde::Serialize)]
    });
    input
        .attrs
        .push(parse_quote!(#[serde(crate = #serde_path)]));
    let ident = &input.ident;
    let paging = match (items, cursor) {
        (Some((list, item)), cursor) => {
            let next = match cursor {
                Some(c) => quote!(::bitget_core::paging::CursorText::cursor_text(&self.#c)),
                // Without a cursor field, the last item's (a list of `PageItem`s).
                None => quote!(::bitget_core::paging::Page::next_cursor(&self.#list)),
            };
            quote! {
                impl ::bitget_core::paging::Page for #ident {
                    type Item = #item;
                    fn into_items(self) -> ::std::vec::Vec<#item> {
                        self.#list
                    }
                    fn next_cursor(&self) -> ::core::option::Option<::std::string::String> {
                        #next
                    }
                }
            }
        }
        (None, Some(c)) => quote! {
            impl ::bitget_core::paging::PageItem for #ident {
                fn cursor(&self) -> ::core::option::Option<::std::string::String> {
                    ::bitget_core::paging::CursorText::cursor_text(&self.#c)
                }
            }
        },
        (None, None) => quote!(),
    };
    let shape_paths = shape.iter().map(|(wire, aliases, ty)| {
        quote! {
            for name in [#wire #(, #aliases)*] {
                let path = #rt::wire::field_path(prefix, name);
                <#ty as #rt::wire::WireShape>::wire_paths(&path, out);
                out.push(path);
            }
        }
    });
    quote! {
        #input

        impl #rt::wire::WireShape for #ident {
            fn wire_paths(prefix: &str, out: &mut ::std::vec::Vec<::std::string::String>) {
                #(#shape_paths)*
            }
        }

        // A response nested in another as an optional field is set when it is there.
        impl #rt::wire::Presence for #ident {
            fn is_present(&self) -> bool {
                true
            }
        }

        #paging
    }
}

/// The serde attributes that make a field lenient, by its type.
fn lenient(ty: &Type) -> TokenStream {
    let read = |f: &str| {
        let f = crate::expand::rt_path(&format!("wire::de::{f}"));
        quote!(deserialize_with = #f)
    };
    if generic_arg(ty, "Vec").is_some() {
        let r = read("list");
        return quote!(, default, #r);
    }
    if let Some(inner) = generic_arg(ty, "Option") {
        // `""`, `null` and absence are all "none".
        let r = if is_number(inner) {
            read("opt_number")
        } else if is_bool(inner) {
            read("opt_flag")
        } else {
            read("opt")
        };
        return quote!(, default, #r);
    }
    if is_number(ty) {
        let r = read("number");
        quote!(, #r)
    } else if is_bool(ty) {
        let r = read("flag");
        quote!(, #r)
    } else {
        quote!()
    }
}

/// The reader a field attribute asks for (`timestamp` or `json_string`), optional or not.
fn special(kind: &str, ty: &Type) -> TokenStream {
    let optional = generic_arg(ty, "Option").is_some();
    let f = crate::expand::rt_path(&format!(
        "wire::de::{}{kind}",
        if optional { "opt_" } else { "" }
    ));
    if optional {
        quote!(, default, deserialize_with = #f)
    } else {
        quote!(, deserialize_with = #f)
    }
}
