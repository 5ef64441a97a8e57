//! The `Endpoint` implementation and the inherent `send`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned as _;

use super::rt;
use crate::ast::{Container, EndpointArgs, Method, RetrySafe};

pub(super) fn expand(cont: &Container, args: &EndpointArgs) -> TokenStream {
    let rt = rt();
    let ident = &cont.ident;
    let response = &args.response;
    let response_decl = quote_spanned!(response.span()=> type Response = #response;);
    let path = &args.path;
    let rate = args.rate;
    let signed = args.signed;
    // The constants' values are printed in the docs as written: public paths read better there
    // than the hidden runtime module.
    let (method, encoding) = match args.method {
        Method::Get => (
            quote!(::bitget_core::Method::Get),
            quote!(::bitget_core::Encoding::Query),
        ),
        Method::Post => (
            quote!(::bitget_core::Method::Post),
            quote!(::bitget_core::Encoding::JsonBody),
        ),
    };
    let scope = if args.scope_ip {
        quote!(::bitget_core::RateScope::Ip)
    } else {
        quote!(::bitget_core::RateScope::Uid)
    };
    // Demo trading must know the productType (legacy S*-FUTURES types take no `paptrading`).
    let product_type = cont
        .fields
        .iter()
        .find(|f| f.wire == "productType")
        .map(|f| {
            let name = &f.ident;
            quote! {
                fn product_type(&self) -> ::core::option::Option<&str> {
                    #rt::rules::text(&self.#name)
                }
            }
        });
    let retry_safe = match &args.retry {
        RetrySafe::ByMethod => None,
        RetrySafe::Always => Some(quote!(true)),
        RetrySafe::With(field) => Some(quote!(#rt::Idempotent::idempotent(&self.#field))),
    }
    .map(|safe| {
        quote! {
            fn retry_safe(&self) -> bool {
                #safe
            }
        }
    });
    // A request repeated under a client id must say how to find what a lost attempt placed: the
    // trait bound is spanned at the field named, where a missing `Recover` is reported.
    let settle = match &args.retry {
        RetrySafe::With(field) => {
            let recover = quote_spanned!(field.span()=> <Self as #rt::Recover>::recover);
            Some(quote! {
                #[inline]
                fn settle<'a>(
                    &'a self,
                    client: &'a #rt::Client,
                    answer: ::core::result::Result<Self::Response, #rt::Error>,
                ) -> #rt::Settling<'a, Self::Response> {
                    #recover(self, client, answer)
                }
            })
        }
        RetrySafe::ByMethod | RetrySafe::Always => None,
    };
    let paged = args.page.as_ref().map(|page| {
        let (cursor, size, max) = (&page.cursor, &page.size, page.max);
        // Only the trait is spanned at `page(...)`, where a response that is not a page is
        // reported; the body stays the macro's own code.
        let paged = quote_spanned!(page.span=> ::bitget_core::paging::Paged);
        let window = window_methods(cont, cursor);
        quote! {
            impl #paged for #ident {
                const MAX_PAGE: u32 = #max;
                #window
                fn set_cursor(&mut self, cursor: ::std::string::String) {
                    self.#cursor = ::core::option::Option::Some(cursor);
                }
                fn page_size(&self) -> ::core::option::Option<u32> {
                    self.#size.and_then(|n| ::core::convert::TryFrom::try_from(n).ok())
                }
                fn set_page_size(&mut self, size: u32) {
                    self.#size = ::core::convert::TryFrom::try_from(size).ok();
                }
            }

            impl #ident {
                /// Every page of this request, as a stream of items fetched one page at a time
                /// (through the client's limiter and retries), ending at the last page.
                #[inline]
                pub fn stream(&self, client: &::bitget_core::Client) -> ::bitget_core::paging::Pages<Self> {
                    ::bitget_core::paging::Pages::new(client, ::core::clone::Clone::clone(self))
                }

                /// Every item between `start_ms` and `end_ms`, newest first: a range longer
                /// than the endpoint's `startTime`..`endTime` window is split into windows it
                /// serves (see `Pages::between`).
                #[inline]
                pub fn stream_between(
                    &self,
                    client: &::bitget_core::Client,
                    start_ms: u64,
                    end_ms: u64,
                ) -> ::bitget_core::paging::Pages<Self> {
                    ::bitget_core::paging::Pages::between(client, ::core::clone::Clone::clone(self), start_ms, end_ms)
                }
            }
        }
    });
    quote! {
        #paged

        impl #rt::Endpoint for #ident {
            #response_decl
            const METHOD: #rt::Method = #method;
            const PATH: &'static str = #path;
            const RATE_LIMIT: #rt::RateLimit = ::bitget_core::RateLimit { per_second: #rate, scope: #scope };
            const SIGNED: bool = #signed;
            const ENCODING: #rt::Encoding = #encoding;

            fn validate(&self) -> ::core::result::Result<(), #rt::ValidationError> {
                #ident::validate(self)
            }

            fn declared_rules() -> ::std::vec::Vec<::bitget_core::DeclaredRule> {
                let mut __out = ::std::vec::Vec::new();
                <Self as #rt::Validate>::declared_rules("", &mut __out);
                __out
            }

            #product_type
            #retry_safe
            #settle
        }

        impl #ident {
            /// Validates, signs, sends and decodes this request through `client`.
            // Inline: the send path is generic over the endpoint, so a non-inline `send` would
            // instantiate it for every declared endpoint in the family crate whether or not a
            // program sends it; inline, only the crates that call `send` compile it.
            #[inline]
            pub async fn send(&self, client: &#rt::Client) -> ::core::result::Result<#response, #rt::Error> {
                client.send(self).await
            }
        }
    }
}

/// The window members of `Paged` for an endpoint declaring `window(start, end, max_days = N)`:
/// its length, how a window is set on the request (an optional field set to `Some`), and how the
/// cursor is forgotten between windows.
fn window_methods(cont: &Container, cursor: &syn::Ident) -> TokenStream {
    let Some((start, end, days)) = cont.rules.iter().find_map(|r| match r {
        crate::vocabulary::StructRule::Window {
            start,
            end,
            max_days,
            ..
        } => Some((start, end, *max_days)),
        _ => None,
    }) else {
        return TokenStream::new();
    };
    let optional = |ident: &syn::Ident| {
        cont.fields
            .iter()
            .find(|f| f.ident == *ident)
            .is_some_and(|f| f.shape.optional)
    };
    let set = |ident: &syn::Ident, value: TokenStream| {
        if optional(ident) {
            quote!(self.#ident = ::core::option::Option::Some(#value);)
        } else {
            quote!(self.#ident = #value;)
        }
    };
    let ms = u64::from(days) * 86_400_000;
    let set_start = set(start, quote!(start));
    let set_end = set(end, quote!(end));
    quote! {
        const WINDOW_MS: ::core::option::Option<u64> = ::core::option::Option::Some(#ms);
        fn set_window(&mut self, start: u64, end: u64) {
            #set_start
            #set_end
        }
        fn clear_cursor(&mut self) {
            self.#cursor = ::core::option::Option::None;
        }
    }
}
