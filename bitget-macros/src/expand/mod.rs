//! Code generation from the checked model: the decorated struct, its validation, its builder, its
//! docs and, for endpoints, the `Endpoint` implementation. Nothing here checks the declaration.

mod builder;
mod docs;
mod endpoint;
mod serde_attrs;
mod validate;

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::ast::{Container, EndpointArgs};

/// Everything a request (with `args`) or an item (without) expands to.
pub(crate) fn container(
    input: &DeriveInput,
    cont: &Container,
    args: Option<&EndpointArgs>,
) -> TokenStream {
    let mut item = input.clone();
    docs::add_struct_docs(&mut item, cont, args);
    serde_attrs::decorate(&mut item, cont);
    let validate = validate::expand(&item.vis, cont, args);
    let deserialize = serde_attrs::deserialize(cont);
    let builder = builder::expand(&item.vis, cont, args);
    let endpoint = args.map(|args| endpoint::expand(cont, args));
    quote! {
        #item
        #deserialize
        #validate
        #builder
        #endpoint
    }
}

/// The runtime module every generated path goes through.
pub(crate) fn rt() -> TokenStream {
    quote!(::bitget_core::__private)
}

/// A path under the runtime module as text, for serde's string attributes
/// (`rt_path("wire::de::list")`).
pub(crate) fn rt_path(rest: &str) -> String {
    format!("::bitget_core::__private::{rest}")
}

/// Tokens as compact text, for docs and messages (`OrderType::Limit`).
pub(crate) fn tokens_text(t: &impl quote::ToTokens) -> String {
    quote!(#t).to_string().replace(' ', "")
}

/// Text as inline code in rustdoc.
pub(crate) fn code(s: &str) -> String {
    format!("`{s}`")
}
