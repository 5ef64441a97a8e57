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
use crate::symbol::{BITGET, CURSOR, ITEMS, JSON_STRING, RENAME, TIMESTAMP};

const INTEGERS: &[&str] = &[
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
];

pub(crate) fn expand(cx: &Ctxt, input: &mut DeriveInput) -> TokenStream {
    let rt = rt();
    let serde_path = format!("{rt}::serde").replace(' ', "");
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
    if let Data::Struct(data) = &mut input.data {
        for field in data.fields.iter_mut() {
            let (mut is_items, mut is_cursor) = (None, None);
            let mut rename = None;
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
                            "a response field accepts `rename = \"wireName\"`, `timestamp` (Unix ms, seconds converted), `json_string` (JSON sent inside a string), `items` (a page's list) and `cursor` (the next page's cursor)",
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
                match last_ident(&field.ty) {
                    Some((name, Some(item))) if name == "Vec" && items.is_none() => {
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
                Some(kind) => special(kind, &field.ty, &rt),
                None => lenient(&field.ty, &rt),
            };
            field
                .attrs
                .push(parse_quote!(#[serde(rename = #wire #lenient)]));
        }
    }
    input.attrs.push(parse_quote! {
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, #rt::serde::Deserialize)]
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
    quote! {
        #input

        // A response nested in another as an optional field reads `""` as absent.
        impl #rt::wire::Blank for #ident {}

        #paging
    }
}

fn last_ident(ty: &Type) -> Option<(String, Option<&Type>)> {
    let Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    let arg = match &last.arguments {
        syn::PathArguments::AngleBracketed(a) => a.args.iter().find_map(|g| match g {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        }),
        _ => None,
    };
    Some((last.ident.to_string(), arg))
}

fn is_number(ty: &Type) -> bool {
    last_ident(ty).is_some_and(|(name, _)| name == "Decimal" || INTEGERS.contains(&name.as_str()))
}

/// The serde attributes that make a field lenient, by its type.
fn lenient(ty: &Type, rt: &TokenStream) -> TokenStream {
    let de = format!("{rt}::wire::de").replace(' ', "");
    match last_ident(ty) {
        Some((name, _)) if name == "Vec" => {
            let f = format!("{de}::list");
            quote!(, default, deserialize_with = #f)
        }
        Some((name, Some(inner))) if name == "Option" && is_number(inner) => {
            let f = format!("{de}::opt_number");
            quote!(, default, deserialize_with = #f)
        }
        Some((name, Some(inner))) if name == "Option" && is_bool(inner) => {
            let f = format!("{de}::opt_flag");
            quote!(, default, deserialize_with = #f)
        }
        // `""`, `null` and absence are all "none" (catalogue §1.3).
        Some((name, _)) if name == "Option" => {
            let f = format!("{de}::opt");
            quote!(, default, deserialize_with = #f)
        }
        _ if is_number(ty) => {
            let f = format!("{de}::number");
            quote!(, deserialize_with = #f)
        }
        _ if is_bool(ty) => {
            let f = format!("{de}::flag");
            quote!(, deserialize_with = #f)
        }
        _ => quote!(),
    }
}

fn is_bool(ty: &Type) -> bool {
    last_ident(ty).is_some_and(|(name, _)| name == "bool")
}

/// The reader a field attribute asks for, optional or not.
fn special(kind: &str, ty: &Type, rt: &TokenStream) -> TokenStream {
    let de = format!("{rt}::wire::de").replace(' ', "");
    let optional = last_ident(ty).is_some_and(|(name, _)| name == "Option");
    let f = match (kind, optional) {
        (TIMESTAMP, false) => format!("{de}::timestamp"),
        (TIMESTAMP, true) => format!("{de}::opt_timestamp"),
        (_, false) => format!("{de}::json_string"),
        (_, true) => format!("{de}::opt_json_string"),
    };
    if optional {
        quote!(, default, deserialize_with = #f)
    } else {
        quote!(, deserialize_with = #f)
    }
}
