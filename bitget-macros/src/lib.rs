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
mod channel;
mod check;
mod ctxt;
mod expand;
mod fallback;
mod response;
mod rules;
mod symbol;
mod types;
mod vocabulary;

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

/// Declares a stream channel on the struct of its arguments: its stream, its name, its push
/// type and its `instType` (`#[bitget_channel(v2_public, "ticker", push = TickerPush, inst_type
/// = "SPOT")]`). Generates its constructor and its `bitget_core::stream::Channel`.
#[proc_macro_attribute]
pub fn bitget_channel(args: TokenStream, input: TokenStream) -> TokenStream {
    channel::expand(args.into(), input.into()).into()
}

/// Declares the item type of a request's list, with rules of its own.
#[proc_macro_attribute]
pub fn bitget_item(args: TokenStream, input: TokenStream) -> TokenStream {
    item(args.into(), input.into()).into()
}

/// Declares a response type, read leniently. With bitget-core's `serialize` feature it also
/// implements `Serialize` (under the wire names) and `WireShape` (its documented fields).
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

#[cfg(test)]
mod snapshot_tests {
    //! The expansion of a representative declaration, kept in `tests/expand/`, so that every change
    //! to the generated code shows up in review. `BITGET_BLESS=1 cargo test -p bitget-macros`
    //! rewrites the snapshot; read its diff before committing.

    use quote::quote;

    fn check(name: &str, expanded: proc_macro2::TokenStream) {
        let file = match syn::parse2::<syn::File>(expanded.clone()) {
            Ok(file) => file,
            Err(e) => panic!("the expansion of {name} does not parse as a file: {e}\n{expanded}"),
        };
        let pretty = prettyplease::unparse(&file);
        let path = format!(
            "{}/tests/expand/{name}.expanded.rs",
            env!("CARGO_MANIFEST_DIR")
        );
        if std::env::var_os("BITGET_BLESS").is_some() {
            std::fs::write(&path, &pretty).unwrap_or_else(|e| panic!("writing {path}: {e}"));
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{path}: {e} (run with BITGET_BLESS=1)"));
        assert!(
            expected == pretty,
            "the expansion of {name} changed; rerun with BITGET_BLESS=1 and review the diff of {path}"
        );
    }

    #[test]
    fn cancel_plan_order() {
        let args = quote!(
            POST,
            "/api/v2/mix/order/cancel-plan-order",
            rate = 10,
            response = BatchCancelResult
        );
        let input = quote! {
            /// Cancel trigger orders.
            pub struct CancelPlanOrder {
                /// Trigger order id list.
                #[bitget(required_or(cancel_all_plan_orders), non_empty, max_items = 50, requires(symbol))]
                pub order_id_list: Option<Vec<OrderIdItem>>,
                /// Trading pair.
                pub symbol: Option<String>,
                /// Product type.
                #[bitget(required)]
                pub product_type: ProductType,
                /// Margin coin.
                #[bitget(uppercase)]
                pub margin_coin: Option<String>,
                /// Trigger order type.
                pub plan_type: Option<PlanType>,
            }
        };
        check("cancel_plan_order", crate::endpoint(args, input));
    }

    #[test]
    fn spot_order_item() {
        let input = quote! {
            /// One order.
            #[bitget(at_least_one_of(order_id, client_oid))]
            pub struct SpotOrderItem {
                /// Symbol.
                pub symbol: Option<String>,
                /// Order ID.
                pub order_id: Option<String>,
                /// Client order ID.
                #[bitget(max_len = 50)]
                pub client_oid: Option<String>,
            }
        };
        check("spot_order_item", crate::item(quote!(), input));
    }

    #[test]
    fn order_answer() {
        let mut input: syn::DeriveInput = syn::parse_quote! {
            /// One order.
            pub struct OrderRow {
                /// Order ID.
                pub order_id: String,
                /// Price.
                pub price: Option<Decimal>,
                /// Size.
                pub size: Decimal,
                /// Reduce only, sent as text.
                pub reduce_only: Option<bool>,
                /// Fills.
                #[bitget(items)]
                pub fills: Vec<Fill>,
                /// Created, Unix ms.
                #[bitget(timestamp, alias = "cTime")]
                pub created_time: i64,
                /// Fee detail, JSON in a string.
                #[bitget(json_string)]
                pub fee_detail: Option<FeeDetail>,
            }
        };
        let cx = crate::ctxt::Ctxt::default();
        let out = crate::response::expand(&cx, &mut input);
        assert!(cx.into_compile_errors().is_none());
        check("order_answer", out);
    }

    #[test]
    fn a_mistake_keeps_the_struct_and_reports_every_error() {
        let out = crate::endpoint(
            quote!(PUT, "/v2/x", rate = 0, response = ()),
            quote!(
                pub struct Req {
                    #[bitget(required)]
                    pub a: Option<String>,
                    #[bitget(colour)]
                    pub b: Option<String>,
                }
            ),
        )
        .to_string();
        assert!(out.contains("pub struct Req"), "{out}");
        assert!(
            !out.contains("bitget ("),
            "our attributes are stripped: {out}"
        );
        assert_eq!(out.matches("compile_error").count(), 5, "{out}");
    }
}
