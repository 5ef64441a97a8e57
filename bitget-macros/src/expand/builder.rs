//! The generated builder: a setter per field, and a `build()` that runs every rule.
//!
//! Required fields are typestate parameters: the builder starts with `Unset` in their place, and
//! their setters replace it with the value, so `build()` on a builder with a required field unset
//! does not compile. The message names the field, through a private trait per required field with
//! `#[diagnostic::on_unimplemented]`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{Ident, Type, Visibility};

use super::{docs, rt};
use crate::ast::{Container, EndpointArgs, Field};

/// What the builder holds for a field, and how its setter fills it.
struct Slot<'a> {
    field: &'a Field,
    /// The typestate parameter, for required fields.
    state: Option<Ident>,
    /// The private trait that names the field in the "not set" error.
    is_set: Option<Ident>,
}

pub(super) fn expand(
    vis: &Visibility,
    cont: &Container,
    args: Option<&EndpointArgs>,
) -> TokenStream {
    let rt = rt();
    let ident = &cont.ident;
    let builder = format_ident!("{}Builder", ident);
    let mut n: usize = 0;
    let slots: Vec<Slot<'_>> = cont
        .fields
        .iter()
        .map(|field| {
            if field.is_builder_required() {
                n += 1;
                Slot {
                    field,
                    state: Some(format_ident!("__S{}", n - 1)),
                    is_set: Some(format_ident!(
                        "__{}_{}",
                        builder,
                        field.ident.to_string().trim_start_matches("r#")
                    )),
                }
            } else {
                Slot {
                    field,
                    state: None,
                    is_set: None,
                }
            }
        })
        .collect();
    let states: Vec<&Ident> = slots.iter().filter_map(|s| s.state.as_ref()).collect();
    let unset = quote!(#rt::rules::Unset);

    let storage = slots.iter().map(|s| {
        let name = &s.field.ident;
        match &s.state {
            Some(state) => quote!(#name: #state),
            None => {
                let ty = &s.field.ty;
                quote!(#name: #ty)
            }
        }
    });
    let defaults = states.iter().map(|s| quote!(#s = #unset));
    let start = slots.iter().map(|s| {
        let name = &s.field.ident;
        if s.state.is_some() {
            quote!(#name: #unset)
        } else {
            quote!(#name: ::core::option::Option::None)
        }
    });

    let setters = slots
        .iter()
        .map(|slot| setter(cont, &builder, &slots, slot));
    let is_set_traits = slots.iter().filter_map(|slot| is_set_trait(&builder, slot));
    let build_bounds = slots.iter().filter_map(|s| {
        let (state, is_set) = (s.state.as_ref()?, s.is_set.as_ref()?);
        Some(quote!(#state: #is_set))
    });
    let take = slots.iter().map(|s| {
        let name = &s.field.ident;
        match &s.is_set {
            Some(is_set) => quote!(#name: #is_set::__take(self.#name)),
            None => quote!(#name: self.#name),
        }
    });

    let builder_docs = docs::builder_docs(cont, args);
    let builder_doc =
        format!("Starts a [`{builder}`]: set the parameters, then `build()` checks every rule.");
    quote! {
        #(#[doc = #builder_docs])*
        #[must_use = "a builder does nothing until `build()`"]
        #vis struct #builder<#(#defaults),*> {
            #(#storage,)*
        }

        impl #ident {
            #[doc = #builder_doc]
            #vis fn builder() -> #builder {
                #builder { #(#start,)* }
            }
        }

        #[allow(non_camel_case_types, private_bounds)]
        impl<#(#states),*> #builder<#(#states),*> {
            #(#setters)*

            /// Checks every rule and returns the request, or every broken rule with its wire path.
            #vis fn build(self) -> ::core::result::Result<#ident, #rt::ValidationError>
            where
                #(#build_bounds,)*
            {
                let __request = #ident { #(#take,)* };
                __request.validate()?;
                ::core::result::Result::Ok(__request)
            }
        }

        #(#is_set_traits)*
    }
}

/// The builder type with the state of `slot` replaced by `stored`.
fn with_state(
    builder: &Ident,
    slots: &[Slot<'_>],
    slot: &Slot<'_>,
    stored: &TokenStream,
) -> TokenStream {
    let args = slots.iter().filter_map(|s| {
        let state = s.state.as_ref()?;
        Some(if s.field.ident == slot.field.ident {
            stored.clone()
        } else {
            quote!(#state)
        })
    });
    quote!(#builder<#(#args),*>)
}

/// The conversion a setter applies: lists from any iterator, values through `Into`.
fn input(field: &Field) -> (TokenStream, TokenStream) {
    match &field.shape.list_item {
        Some(item) => (
            quote!(::core::iter::IntoIterator<Item = #item>),
            quote!(::core::iter::Iterator::collect::<::std::vec::Vec<#item>>(::core::iter::IntoIterator::into_iter(value))),
        ),
        None => {
            let v = &field.shape.value;
            (
                quote!(::core::convert::Into<#v>),
                quote!(::core::convert::Into::<#v>::into(value)),
            )
        }
    }
}

fn setter(cont: &Container, builder: &Ident, slots: &[Slot<'_>], slot: &Slot<'_>) -> TokenStream {
    let field = slot.field;
    let name = &field.ident;
    let setter_name = name;
    let (input_ty, convert) = input(field);
    let docs = field.docs.iter();
    let rules_doc = docs::field_rules_doc(field, cont).map(|d| quote!(#[doc = ""] #[doc = #d]));
    let value = if field.shape.optional {
        quote!(::core::option::Option::Some(#convert))
    } else {
        convert
    };
    let Some(_) = &slot.state else {
        return quote! {
            #(#docs)*
            #rules_doc
            pub fn #setter_name(mut self, value: impl #input_ty) -> Self {
                self.#name = #value;
                self
            }
        };
    };
    let stored = stored_type(field);
    let next = with_state(builder, slots, slot, &stored);
    let rebuild = |v: TokenStream| {
        let moves = slots.iter().map(|s| {
            let other = &s.field.ident;
            if other == name {
                quote!(#other: #v)
            } else {
                quote!(#other: self.#other)
            }
        });
        quote!(#builder { #(#moves,)* })
    };
    let set = rebuild(value);
    let leave_out = field.rules.required_or.as_ref().map(|method| {
        let rebuilt = rebuild(quote!(::core::option::Option::None));
        let doc = format!(
            "Leaves `{}` out on purpose. {}",
            field.wire,
            docs::leave_out_warning(field)
        );
        quote! {
            #[doc = #doc]
            pub fn #method(self) -> #next {
                #rebuilt
            }
        }
    });
    quote! {
        #(#docs)*
        #rules_doc
        pub fn #setter_name(self, value: impl #input_ty) -> #next {
            #set
        }
        #leave_out
    }
}

/// What a required field's slot holds once set: the field's own type.
fn stored_type(field: &Field) -> TokenStream {
    let ty: &Type = &field.ty;
    quote!(#ty)
}

fn is_set_trait(builder: &Ident, slot: &Slot<'_>) -> Option<TokenStream> {
    let is_set = slot.is_set.as_ref()?;
    let field = slot.field;
    let setter = field.ident.to_string();
    let message = format!(
        "the required field `{}` is not set on `{builder}`",
        field.wire
    );
    let label = match &field.rules.required_or {
        Some(method) => format!(
            "call `.{setter}(...)` before `.build()`, or `.{method}()` to leave it out on purpose"
        ),
        None => format!("call `.{setter}(...)` before `.build()`"),
    };
    let stored = stored_type(field);
    Some(quote! {
        #[diagnostic::on_unimplemented(message = #message, label = #label)]
        #[allow(non_camel_case_types)]
        #[doc(hidden)]
        trait #is_set {
            fn __take(self) -> #stored;
        }

        impl #is_set for #stored {
            #[inline]
            fn __take(self) -> #stored {
                self
            }
        }
    })
}
