//! On error, the user's struct is still emitted (without our attributes) beside the errors, so one
//! mistake does not cascade into "cannot find type" errors everywhere it is used.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

pub(crate) fn emit(input: &DeriveInput, errors: TokenStream) -> TokenStream {
    quote! {
        #input
        #errors
    }
}
