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
    // Every field as the generated `Deserialize` reads it (its wire name, aliases and type also
    // make the `WireShape` impl).
    let mut reads: Vec<FieldRead> = Vec::new();
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
            let (reader, optional) = match reader {
                Some(kind) => special(kind, &field.ty),
                None => lenient(&field.ty),
            };
            reads.push(FieldRead {
                ident: ident.clone(),
                wire,
                aliases,
                ty: field.ty.clone(),
                reader,
                optional,
            });
        }
    }
    input.attrs.push(parse_quote! {
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq)]
    });
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
    let shape_paths = reads.iter().map(
        |FieldRead {
             wire, aliases, ty, ..
         }| {
            quote! {
                for name in [#wire #(, #aliases)*] {
                    let path = #rt::wire::field_path(prefix, name);
                    <#ty as #rt::wire::WireShape>::wire_paths(&path, out);
                    out.push(path);
                }
            }
        },
    );
    let deserialize = deserialize(&input.ident, &reads);
    let serialize = serialize(&input.ident, &reads);
    quote! {
        #input

        #deserialize

        // Writing answers (JSON, their wire fields) only in builds that ask for it: bitget-core's
        // `serialize` feature.
        #rt::serialize_only! {
            #serialize

            impl #rt::wire::WireShape for #ident {
                fn wire_paths(prefix: &str, out: &mut ::std::vec::Vec<::std::string::String>) {
                    #(#shape_paths)*
                }
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

/// One field as the generated `Deserialize` reads it.
struct FieldRead {
    ident: syn::Ident,
    wire: String,
    aliases: Vec<String>,
    ty: Type,
    /// The reader type under `wire::read` (`OptNumber`).
    reader: &'static str,
    /// Absent reads as the type's default (lists and options); otherwise absent is an error.
    optional: bool,
}

/// `Deserialize` as a map visitor: each field read by its reader from `bitget_core::wire::read`,
/// unknown fields skipped, an absent list or option empty, any other absent field an error.
/// A few lines per field, where serde's derive with `deserialize_with` wrote a type per field.
fn deserialize(ident: &syn::Ident, fields: &[FieldRead]) -> TokenStream {
    let rt = rt();
    let expecting = format!("struct {ident}");
    let slots: Vec<syn::Ident> = (0..fields.len())
        .map(|i| quote::format_ident!("__f{i}"))
        .collect();
    let tys = fields.iter().map(|f| &f.ty);
    let arms = fields.iter().zip(&slots).map(|(f, slot)| {
        let (wire, aliases, ty) = (&f.wire, &f.aliases, &f.ty);
        let reader = quote::format_ident!("{}", f.reader);
        quote! {
            #wire #(| #aliases)* => #rt::wire::read::set(
                &mut #slot,
                __m.next_value_seed(#rt::wire::read::Field::<#ty, #rt::wire::read::#reader>::new())?,
                #wire,
            )?,
        }
    });
    let finish = fields.iter().zip(&slots).map(|(f, slot)| {
        let (name, wire) = (&f.ident, &f.wire);
        if f.optional {
            quote!(#name: #slot.unwrap_or_default())
        } else {
            quote!(#name: #rt::wire::read::required(#slot, #wire)?)
        }
    });
    quote! {
        impl<'de> #rt::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #rt::serde::Deserializer<'de>>(
                __d: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                struct __V;
                impl<'de> #rt::serde::de::Visitor<'de> for __V {
                    type Value = #ident;
                    fn expecting(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        __f.write_str(#expecting)
                    }
                    fn visit_map<__A: #rt::serde::de::MapAccess<'de>>(
                        self,
                        mut __m: __A,
                    ) -> ::core::result::Result<#ident, __A::Error> {
                        #(let mut #slots: ::core::option::Option<#tys> = ::core::option::Option::None;)*
                        while let ::core::option::Option::Some(__k) =
                            __m.next_key::<#rt::wire::read::Key<'de>>()?
                        {
                            match __k.as_str() {
                                #(#arms)*
                                _ => {
                                    __m.next_value::<#rt::serde::de::IgnoredAny>()?;
                                }
                            }
                        }
                        ::core::result::Result::Ok(#ident { #(#finish,)* })
                    }
                }
                __d.deserialize_map(__V)
            }
        }
    }
}

/// `Serialize` as serde's derive writes it for a struct of renamed fields: each field under its
/// wire name, in declaration order.
fn serialize(ident: &syn::Ident, fields: &[FieldRead]) -> TokenStream {
    let rt = rt();
    let name = ident.to_string();
    let count = fields.len();
    let writes = fields.iter().map(|f| {
        let (field, wire) = (&f.ident, &f.wire);
        quote!(#rt::serde::ser::SerializeStruct::serialize_field(&mut __st, #wire, &self.#field)?;)
    });
    quote! {
        impl #rt::serde::Serialize for #ident {
            fn serialize<__S: #rt::serde::Serializer>(
                &self,
                __s: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                let mut __st = #rt::serde::Serializer::serialize_struct(__s, #name, #count)?;
                #(#writes)*
                #rt::serde::ser::SerializeStruct::end(__st)
            }
        }
    }
}

/// The reader of a field by its type, and whether absent reads as its default.
fn lenient(ty: &Type) -> (&'static str, bool) {
    if generic_arg(ty, "Vec").is_some() {
        return ("List", true);
    }
    if let Some(inner) = generic_arg(ty, "Option") {
        // `""`, `null` and absence are all "none".
        let reader = if is_number(inner) {
            "OptNumber"
        } else if is_bool(inner) {
            "OptFlag"
        } else {
            "Opt"
        };
        return (reader, true);
    }
    if is_number(ty) {
        ("Number", false)
    } else if is_bool(ty) {
        ("Flag", false)
    } else {
        ("Plain", false)
    }
}

/// The reader a field attribute asks for (`timestamp` or `json_string`), optional or not.
fn special(kind: &str, ty: &Type) -> (&'static str, bool) {
    let optional = generic_arg(ty, "Option").is_some();
    let reader = match (kind == TIMESTAMP, optional) {
        (true, false) => "Timestamp",
        (true, true) => "OptTimestamp",
        (false, false) => "JsonString",
        (false, true) => "OptJsonString",
    };
    (reader, optional)
}
