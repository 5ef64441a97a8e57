//! The generated builder: a setter per field, a `build()` that runs every rule and, on requests,
//! a `send()` that builds and sends in one call.
//!
//! Required fields are typestate parameters: the builder starts with `Unset` in their place, and
//! their setters replace it with the value, so `build()` on a builder with a required field unset
//! does not compile. The message names the field, through a private trait per required field with
//! `#[diagnostic::on_unimplemented]`.
//!
//! A `required_or(method)` field has a third state, `LeftOut`, reached only through `method()`.
//! Its setter and `method()` each demand that the other was not called, through two more private
//! traits whose messages say what happened: setting the list and cancelling everything in one
//! builder must not compile, in either order.

use std::collections::HashSet;

use proc_macro2::{TokenStream, TokenTree};
use quote::{format_ident, quote};
use syn::{Ident, Visibility};

use super::{docs, rt, validate};
use crate::ast::{Container, EndpointArgs, Field};
use crate::attr::upper_camel;

/// What the builder holds for a field, and how its setter fills it.
struct Slot<'a> {
    field: &'a Field,
    /// What the builder stores once the field is set: the field's type, or for a decimal the
    /// argument that `build()` parses.
    arg_ty: TokenStream,
    /// The typestate parameter and the traits around it, for fields the builder demands.
    state: Option<State>,
}

struct State {
    /// The type parameter, named after the field (`OrderIdListState`).
    param: Ident,
    /// The trait that names the field in the "not set" error.
    is_set: Ident,
    /// For `required_or` fields: the leave-out method and the two traits that keep it and the
    /// setter apart.
    exclusive: Option<Exclusive>,
}

struct Exclusive {
    /// The explicit leave-out method (`cancel_all_orders`).
    method: Ident,
    /// The setter's bound: the field was not left out.
    not_left_out: Ident,
    /// The method's bound: the field was not set.
    not_set: Ident,
}

pub(super) fn expand(
    vis: &Visibility,
    cont: &Container,
    args: Option<&EndpointArgs>,
) -> TokenStream {
    let rt = rt();
    let ident = &cont.ident;
    let builder = format_ident!("{}Builder", ident);
    let taken = names_in_types(cont, args);
    let slots: Vec<Slot<'_>> = cont
        .fields
        .iter()
        .map(|field| slot(cont, &builder, &taken, field))
        .collect();
    let params: Vec<&Ident> = slots
        .iter()
        .filter_map(|s| s.state.as_ref().map(|st| &st.param))
        .collect();
    let unset = quote!(#rt::rules::Unset);

    let storage = slots.iter().map(|s| {
        let name = &s.field.ident;
        match &s.state {
            Some(state) => {
                let param = &state.param;
                quote!(#name: #param)
            }
            None => {
                let ty = &s.arg_ty;
                quote!(#name: #ty)
            }
        }
    });
    let defaults = params.iter().map(|p| quote!(#p = #unset));
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
    let state_traits = slots.iter().filter_map(|slot| state_traits(&builder, slot));
    let build_bounds: Vec<TokenStream> = slots
        .iter()
        .filter_map(|s| {
            let state = s.state.as_ref()?;
            let (param, is_set) = (&state.param, &state.is_set);
            Some(quote!(#param: #is_set))
        })
        .collect();
    let take = slots.iter().map(|s| {
        let name = &s.field.ident;
        let wire = &s.field.wire;
        let value = match &s.state {
            Some(state) => {
                let is_set = &state.is_set;
                quote!(#is_set::__take(self.#name))
            }
            None => quote!(self.#name),
        };
        if s.field.shape.decimal {
            quote!(#name: #rt::rules::DecimalSlot::into_decimal(#value, &#rt::Path::ROOT.field(#wire), &mut __parsed))
        } else {
            quote!(#name: #value)
        }
    });
    // The explicit leave-outs, recorded in the request's hidden flags.
    let flags = slots.iter().filter_map(|s| {
        let (flag, state) = (s.field.left_out_flag()?, s.state.as_ref()?);
        let (param, is_set) = (&state.param, &state.is_set);
        Some(quote!(#flag: <#param as #is_set>::LEFT_OUT))
    });
    let target = validate::target(cont, args);
    let send = args.map(|args| {
        let response = &args.response;
        quote! {
            /// Builds the request (every rule checked) and sends it through `client`: a broken
            /// rule is this call's error, and then nothing is sent.
            // Not an `async fn`, and a (boxed) future whose type does not carry the builder's
            // state parameters: the bounds of a forgotten field are checked at this call alone, so the
            // compiler names the field once instead of at the call, the future and the `.await`.
            // Inline for the reason the request's `send` is: only callers compile the send path.
            #[inline]
            #vis fn send<'__c>(
                self,
                client: &'__c #rt::Client,
            ) -> #rt::Sending<'__c, #response>
            where
                #(#build_bounds,)*
            {
                // The client validates what it sends: only text that is not a number (found while
                // assembling) is reported here, so the rules run once.
                let (__request, __parsed) = self.__assemble();
                let __request = if __parsed.is_empty() {
                    ::core::result::Result::Ok(__request)
                } else {
                    #rt::rules::finish_build(__request, __parsed, #target)
                        .map_err(::core::convert::Into::into)
                };
                ::std::boxed::Box::pin(#rt::send_built(client, __request))
            }
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
        impl<#(#params),*> #builder<#(#params),*> {
            #(#setters)*

            /// Checks every rule and returns the request, or every broken rule with its wire path.
            #vis fn build(self) -> ::core::result::Result<#ident, #rt::ValidationError>
            where
                #(#build_bounds,)*
            {
                let (__request, __parsed) = self.__assemble();
                #rt::rules::finish_build(__request, __parsed, #target)
            }

            /// The request as set, and the decimal texts that did not parse.
            fn __assemble(self) -> (#ident, #rt::Violations)
            where
                #(#build_bounds,)*
            {
                #[allow(unused_mut)]
                let mut __parsed = #rt::Violations::default();
                let __request = #ident { #(#take,)* #(#flags,)* };
                (__request, __parsed)
            }

            #send
        }

        #(#state_traits)*
    }
}

fn slot<'a>(
    cont: &Container,
    builder: &Ident,
    taken: &HashSet<String>,
    field: &'a Field,
) -> Slot<'a> {
    let rt = rt();
    let arg_ty = match (field.shape.decimal, field.shape.optional) {
        (true, true) => quote!(::core::option::Option<#rt::rules::DecimalArg>),
        (true, false) => quote!(#rt::rules::DecimalArg),
        (false, _) => {
            let ty = &field.ty;
            quote!(#ty)
        }
    };
    let state = field.is_builder_required().then(|| {
        let camel = upper_camel(&syn::ext::IdentExt::unraw(&field.ident).to_string());
        // The parameter is in scope in every setter, where the user's types are named too.
        let mut param = format!("{camel}State");
        while taken.contains(&param) || cont.ident == param {
            param.push('_');
        }
        let prefix = format!("{builder}{camel}");
        State {
            param: format_ident!("{}", param),
            is_set: format_ident!("{prefix}IsSet"),
            exclusive: field.required_or().map(|method| Exclusive {
                method: method.clone(),
                not_left_out: format_ident!("{prefix}NotLeftOut"),
                not_set: format_ident!("{prefix}NotSet"),
            }),
        }
    });
    Slot {
        field,
        arg_ty,
        state,
    }
}

/// Every identifier written in the field types and the response type, which a type parameter
/// must not shadow.
fn names_in_types(cont: &Container, args: Option<&EndpointArgs>) -> HashSet<String> {
    fn walk(tokens: TokenStream, out: &mut HashSet<String>) {
        for tt in tokens {
            match tt {
                TokenTree::Ident(i) => {
                    out.insert(i.to_string());
                }
                TokenTree::Group(g) => walk(g.stream(), out),
                _ => {}
            }
        }
    }
    let mut out = HashSet::new();
    for f in &cont.fields {
        let ty = &f.ty;
        walk(quote!(#ty), &mut out);
    }
    // `send()` names the response type inside the same impl.
    if let Some(args) = args {
        let ty = &args.response;
        walk(quote!(#ty), &mut out);
    }
    out
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
            let param = &state.param;
            quote!(#param)
        })
    });
    quote!(#builder<#(#args),*>)
}

/// The type a setter takes and the conversion it applies: lists from any iterator, decimals from
/// a `Decimal`, an integer or text, integers as themselves (so a literal needs no suffix), other
/// values through `Into`.
fn input(field: &Field) -> (TokenStream, TokenStream) {
    let rt = rt();
    let v = &field.shape.value;
    match &field.shape.list_item {
        Some(item) => (
            quote!(impl ::core::iter::IntoIterator<Item = #item>),
            quote!(::core::iter::Iterator::collect::<::std::vec::Vec<#item>>(::core::iter::IntoIterator::into_iter(value))),
        ),
        None if field.shape.decimal => (
            quote!(impl #rt::rules::DecimalInput),
            quote!(#rt::rules::DecimalInput::into_arg(value)),
        ),
        None if field.shape.integer => (quote!(#v), quote!(value)),
        None => (
            quote!(impl ::core::convert::Into<#v>),
            quote!(::core::convert::Into::<#v>::into(value)),
        ),
    }
}

fn setter(cont: &Container, builder: &Ident, slots: &[Slot<'_>], slot: &Slot<'_>) -> TokenStream {
    let rt = rt();
    let field = slot.field;
    let name = &field.ident;
    let (input_ty, convert) = input(field);
    let docs = field.docs.iter();
    let rules_doc = docs::field_rules_doc(field, cont).map(|d| quote!(#[doc = ""] #[doc = #d]));
    let text_doc = field.shape.decimal.then(|| {
        quote!(#[doc = ""] #[doc = "Takes a `Decimal`, an integer, or text that `build()` parses (text that is not a number is a violation at this field)."])
    });
    let value = if field.shape.optional {
        quote!(::core::option::Option::Some(#convert))
    } else {
        convert
    };
    let Some(state) = &slot.state else {
        return quote! {
            #(#docs)*
            #rules_doc
            #text_doc
            pub fn #name(mut self, value: #input_ty) -> Self {
                self.#name = #value;
                self
            }
        };
    };
    let next = with_state(builder, slots, slot, &slot.arg_ty);
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
    let param = &state.param;
    let (set_bound, leave_out) = match &state.exclusive {
        Some(Exclusive {
            method,
            not_left_out,
            not_set,
        }) => {
            let left_out = with_state(builder, slots, slot, &quote!(#rt::rules::LeftOut));
            let rebuilt = rebuild(quote!(#rt::rules::LeftOut));
            let doc = format!(
                "Leaves `{}` out on purpose. {}",
                field.wire,
                docs::leave_out_warning(field)
            );
            let doc2 = format!(
                "Cannot be combined with `.{name}(...)`: calling both does not compile, in either order."
            );
            (
                Some(quote!(where #param: #not_left_out)),
                Some(quote! {
                    #[doc = #doc]
                    #[doc = ""]
                    #[doc = #doc2]
                    pub fn #method(self) -> #left_out
                    where
                        #param: #not_set,
                    {
                        #rebuilt
                    }
                }),
            )
        }
        None => (None, None),
    };
    quote! {
        #(#docs)*
        #rules_doc
        #text_doc
        pub fn #name(self, value: #input_ty) -> #next
        #set_bound
        {
            #set
        }
        #leave_out
    }
}

/// The private traits of a demanded field: "is set" for `build()`, and for `required_or` fields
/// the two that keep its setter and its leave-out method apart.
fn state_traits(builder: &Ident, slot: &Slot<'_>) -> Option<TokenStream> {
    let rt = rt();
    let state = slot.state.as_ref()?;
    let field = slot.field;
    let setter = field.ident.to_string();
    let wire = &field.wire;
    let is_set = &state.is_set;
    let message = format!("the required field `{wire}` is not set on `{builder}`");
    let label = match field.required_or() {
        Some(method) => format!(
            "call `.{setter}(...)` before `.build()` or `.send(..)`, or `.{method}()` to leave it out on purpose"
        ),
        None => format!("call `.{setter}(...)` before `.build()` or `.send(..)`"),
    };
    let stored = &slot.arg_ty;
    let mut out = quote! {
        #[diagnostic::on_unimplemented(message = #message, label = #label)]
        #[allow(non_camel_case_types)]
        #[doc(hidden)]
        trait #is_set {
            /// Whether the field was left out on purpose.
            const LEFT_OUT: bool = false;
            fn __take(self) -> #stored;
        }

        impl #is_set for #stored {
            #[inline]
            fn __take(self) -> #stored {
                self
            }
        }
    };
    if let Some(Exclusive {
        method,
        not_left_out,
        not_set,
    }) = &state.exclusive
    {
        let set_after = format!("`.{setter}(...)` is called after `.{method}()` on `{builder}`");
        let set_after_label = format!(
            "`.{method}()` already left `{wire}` out on purpose: keep only one of the two calls"
        );
        let leave_after = format!("`.{method}()` is called after `.{setter}(...)` on `{builder}`");
        let leave_after_label = format!(
            "`{wire}` is already set, and `.{method}()` would drop it and widen the request: keep only one of the two calls"
        );
        out.extend(quote! {
            impl #is_set for #rt::rules::LeftOut {
                const LEFT_OUT: bool = true;
                #[inline]
                fn __take(self) -> #stored {
                    ::core::option::Option::None
                }
            }

            #[diagnostic::on_unimplemented(message = #set_after, label = #set_after_label)]
            #[allow(non_camel_case_types)]
            #[doc(hidden)]
            trait #not_left_out {}
            impl #not_left_out for #rt::rules::Unset {}
            impl #not_left_out for #stored {}

            #[diagnostic::on_unimplemented(message = #leave_after, label = #leave_after_label)]
            #[allow(non_camel_case_types)]
            #[doc(hidden)]
            trait #not_set {}
            impl #not_set for #rt::rules::Unset {}
            impl #not_set for #rt::rules::LeftOut {}
        });
    }
    Some(out)
}
