//! The macros that declare Bitget endpoints.
//!
//! - `#[bitget_endpoint(POST, "/api/v2/...", rate = 10, response = T)]` on a request struct: the
//!   builder (required fields checked at compile time), the validation of every rule declared with
//!   `#[bitget(...)]`, serde with the wire names, the `Endpoint` implementation and the docs.
//! - `#[bitget_item]` on the item type of a request's list: the same, without `Endpoint`.
//! - `#[bitget_response]` on a response type: lenient deserialisation of Bitget's answers.
//!
//! The pipeline, one file per stage: `attr.rs` parses into the model of `ast.rs`, `check.rs`
//! checks the declaration (every error at its token, all at once), `expand/` generates, and
//! `fallback.rs` keeps the user's struct compiling when the declaration has errors.

mod ast;
mod attr;
mod check;
mod ctxt;
mod expand;
mod fallback;
mod response;
mod symbol;

use proc_macro::TokenStream;
use proc_macro2::TokenStream as TokenStream2;
use syn::DeriveInput;

use crate::ast::Kind;
use crate::ctxt::Ctxt;

/// Declares a Bitget endpoint on its request struct. See the crate docs of `bitget-endpoints`
/// for the vocabulary of rules.
#[proc_macro_attribute]
pub fn bitget_endpoint(args: TokenStream, input: TokenStream) -> TokenStream {
    endpoint(args.into(), input.into()).into()
}

/// Declares the item type of a request's list, with rules of its own.
#[proc_macro_attribute]
pub fn bitget_item(args: TokenStream, input: TokenStream) -> TokenStream {
    item(args.into(), input.into()).into()
}

/// Declares a response type, read leniently.
#[proc_macro_attribute]
pub fn bitget_response(args: TokenStream, input: TokenStream) -> TokenStream {
    let args = TokenStream2::from(args);
    let mut input = match syn::parse2::<DeriveInput>(input.into()) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error().into(),
    };
    let cx = Ctxt::default();
    if !args.is_empty() {
        cx.error_spanned_by(&args, "`#[bitget_response]` takes no arguments");
    }
    let out = response::expand(&cx, &mut input);
    match cx.into_compile_errors() {
        Some(errors) => fallback::emit(&input, errors).into(),
        None => out.into(),
    }
}

pub(crate) fn endpoint(args: TokenStream2, input: TokenStream2) -> TokenStream2 {
    let mut input = match syn::parse2::<DeriveInput>(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let cx = Ctxt::default();
    let args = attr::endpoint_args(&cx, args);
    let cont = attr::container(&cx, Kind::Endpoint, &mut input);
    if let Some(cont) = &cont {
        check::check(&cx, cont, args.as_ref());
    }
    match (cx.into_compile_errors(), args, cont) {
        (None, Some(args), Some(cont)) => expand::container(&input, &cont, Some(&args)),
        (errors, _, _) => fallback::emit(&input, errors.unwrap_or_default()),
    }
}

pub(crate) fn item(args: TokenStream2, input: TokenStream2) -> TokenStream2 {
    let mut input = match syn::parse2::<DeriveInput>(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let cx = Ctxt::default();
    if !args.is_empty() {
        cx.error_spanned_by(&args, "`#[bitget_item]` takes no arguments: the endpoint's method, path and rate go on the request");
    }
    let cont = attr::container(&cx, Kind::Item, &mut input);
    if let Some(cont) = &cont {
        check::check(&cx, cont, None);
    }
    match (cx.into_compile_errors(), cont) {
        (None, Some(cont)) => expand::container(&input, &cont, None),
        (errors, _) => fallback::emit(&input, errors.unwrap_or_default()),
    }
}
