//! `#[bitget_channel(venue, "name", push = Type, inst_type = ..)]`: a stream channel declared on
//! the struct of its arguments, like an endpoint on its request.
//!
//! ```text
//! #[bitget_channel(v2_public, "candle{interval}", push = Candle, inst_type = "SPOT")]
//! pub struct Candles { pub symbol: String, pub interval: CandleInterval }
//! ```
//!
//! - `venue`: `v2_public`, `v3_public`, `v2_private` or `v3_private`.
//! - the name: the v2 `channel` or v3 `topic`; `{field}` puts a field's text in it.
//! - `push = Type`: what each element of a push's `data` decodes into.
//! - `inst_type = "SPOT"` or `inst_type = field` (a field's text; lower case on v3).
//! - `symbol` is the struct's field sent as `instId` (v2) or `symbol` (v3); `no_symbol` for a
//!   channel without one (v3 liquidations).
//! - `args(field, ..)`: more fields sent under their camelCase names (v3 `interval`).
//! - `sequence = path::to::fn`: how pushes are numbered, for channels of events (trades).
//! - `fixed(key = "value", ..)`: args sent as written (`instId = "default"`, `coin = "default"`
//!   on the private channels of a whole account).
//!
//! Every name is checked here: an unknown venue, a placeholder or field the struct does not
//! have, a missing `push`, is a compile error at the mistake.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::parse::Parser as _;
use syn::spanned::Spanned as _;
use syn::{DeriveInput, Ident, LitStr, Path, Type};

use crate::attr::camel_case;
use crate::ctxt::Ctxt;

enum InstType {
    Literal(LitStr),
    Field(Ident),
}

struct Args {
    venue: Ident,
    v3: bool,
    name: LitStr,
    push: Option<Type>,
    inst_type: Option<InstType>,
    no_symbol: bool,
    extra: Vec<Ident>,
    fixed: Vec<(Ident, LitStr)>,
    sequence: Option<Path>,
}

const VENUES: [&str; 4] = ["v2_public", "v3_public", "v2_private", "v3_private"];

fn parse_args(cx: &Ctxt, tokens: TokenStream) -> Option<Args> {
    let mut venue: Option<Ident> = None;
    let mut name: Option<LitStr> = None;
    let mut args = Args {
        venue: Ident::new("v2_public", Span::call_site()),
        v3: false,
        name: LitStr::new("", Span::call_site()),
        push: None,
        inst_type: None,
        no_symbol: false,
        extra: Vec::new(),
        fixed: Vec::new(),
        sequence: None,
    };
    let parser = syn::meta::parser(|meta| {
        let path = &meta.path;
        if venue.is_none()
            && path
                .get_ident()
                .is_some_and(|i| VENUES.contains(&i.to_string().as_str()))
        {
            venue = path.get_ident().cloned();
            return Ok(());
        }
        if path.is_ident("push") {
            args.push = Some(meta.value()?.parse()?);
        } else if path.is_ident("inst_type") {
            let value = meta.value()?;
            args.inst_type = Some(if value.peek(LitStr) {
                InstType::Literal(value.parse()?)
            } else {
                InstType::Field(value.parse()?)
            });
        } else if path.is_ident("no_symbol") {
            args.no_symbol = true;
        } else if path.is_ident("args") {
            meta.parse_nested_meta(|inner| {
                match inner.path.get_ident() {
                    Some(i) => args.extra.push(i.clone()),
                    None => return Err(inner.error("a field name")),
                }
                Ok(())
            })?;
        } else if path.is_ident("fixed") {
            meta.parse_nested_meta(|inner| {
                let Some(key) = inner.path.get_ident().cloned() else {
                    return Err(inner.error("an arg's name: `instId = \"default\"`"));
                };
                args.fixed.push((key, inner.value()?.parse()?));
                Ok(())
            })?;
        } else if path.is_ident("sequence") {
            args.sequence = Some(meta.value()?.parse()?);
        } else if venue.is_none() {
            return Err(meta.error(format!(
                "unknown stream: expected one of {}",
                VENUES.join(", ")
            )));
        } else {
            return Err(meta.error(
                "unknown key: expected push = Type, inst_type = \"..\" or a field, args(..), fixed(..), no_symbol, sequence = path",
            ));
        }
        Ok(())
    });
    // The name is a bare string literal among the idents: split it out first.
    let mut rest = TokenStream::new();
    let mut pending = Vec::new();
    for tt in tokens {
        let is_comma = matches!(&tt, proc_macro2::TokenTree::Punct(p) if p.as_char() == ',');
        if is_comma {
            flush(&mut pending, &mut rest, &mut name, cx);
            continue;
        }
        pending.push(tt);
    }
    flush(&mut pending, &mut rest, &mut name, cx);
    if let Err(e) = parser.parse2(rest) {
        cx.syn_error(e);
        return None;
    }
    let Some(venue) = venue else {
        cx.error_spanned_by(
            &args.venue,
            format!("the stream comes first: one of {}", VENUES.join(", ")),
        );
        return None;
    };
    let Some(name) = name else {
        cx.error_spanned_by(
            &venue,
            "the channel's name comes after the stream: `\"ticker\"`",
        );
        return None;
    };
    args.v3 = venue.to_string().starts_with("v3");
    args.venue = venue;
    args.name = name;
    Some(args)
}

/// Moves one comma-separated piece to `rest`, or takes it as the name when it is a lone string.
fn flush(
    pending: &mut Vec<proc_macro2::TokenTree>,
    rest: &mut TokenStream,
    name: &mut Option<LitStr>,
    cx: &Ctxt,
) {
    if pending.is_empty() {
        return;
    }
    if let [proc_macro2::TokenTree::Literal(lit)] = pending.as_slice() {
        if let Ok(s) = syn::parse2::<LitStr>(quote!(#lit)) {
            if name.is_some() {
                cx.error_spanned_by(&s, "one name per channel");
            }
            *name = Some(s);
            pending.clear();
            return;
        }
    }
    if !rest.is_empty() {
        rest.extend(quote!(,));
    }
    rest.extend(pending.drain(..));
}

pub(crate) fn expand(args: TokenStream, input: TokenStream) -> TokenStream {
    let mut input = match syn::parse2::<DeriveInput>(input) {
        Ok(input) => input,
        Err(e) => return e.to_compile_error(),
    };
    let cx = Ctxt::default();
    let args = parse_args(&cx, args);
    let fields: Vec<(Ident, Type)> = match &input.data {
        syn::Data::Struct(s) => s
            .fields
            .iter()
            .filter_map(|f| f.ident.clone().map(|i| (i, f.ty.clone())))
            .collect(),
        _ => {
            cx.error_spanned_by(
                &input.ident,
                "a channel is declared on a struct of its arguments",
            );
            Vec::new()
        }
    };
    let out = args.and_then(|args| generate(&cx, &mut input, &fields, &args));
    match (cx.into_compile_errors(), out) {
        (None, Some(out)) => out,
        (errors, _) => {
            let errors = errors.unwrap_or_default();
            quote!(#input #errors)
        }
    }
}

fn has(fields: &[(Ident, Type)], name: &str) -> bool {
    fields.iter().any(|(i, _)| i == name)
}

fn generate(
    cx: &Ctxt,
    input: &mut DeriveInput,
    fields: &[(Ident, Type)],
    args: &Args,
) -> Option<TokenStream> {
    let ident = input.ident.clone();
    let Some(push) = &args.push else {
        cx.error_spanned_by(&args.venue, "a channel names its push type: `push = Type`");
        return None;
    };
    // The name's `{field}` placeholders.
    let name = args.name.value();
    let mut parts: Vec<TokenStream> = Vec::new();
    let mut text = name.as_str();
    while let Some(open) = text.find('{') {
        let lit = &text[..open];
        if !lit.is_empty() {
            parts.push(quote!(__n.push_str(#lit);));
        }
        let Some(close) = text[open..].find('}') else {
            cx.error_spanned_by(&args.name, "an unclosed `{` in the channel's name");
            return None;
        };
        let field = &text[open + 1..open + close];
        if !has(fields, field) {
            cx.error_spanned_by(
                &args.name,
                format!("the name puts `{{{field}}}` in it, but `{ident}` has no field `{field}`"),
            );
            return None;
        }
        let f = Ident::new(field, args.name.span());
        parts.push(quote!(__n.push_str(&::std::string::ToString::to_string(&self.#f));));
        text = &text[open + close + 1..];
    }
    if !text.is_empty() {
        parts.push(quote!(__n.push_str(#text);));
    }
    let inst_type = match &args.inst_type {
        Some(InstType::Literal(l)) => quote!(::std::string::String::from(#l)),
        Some(InstType::Field(f)) => {
            if !has(fields, &f.to_string()) {
                cx.error_spanned_by(
                    f,
                    format!("`{ident}` has no field `{f}` to give the instType"),
                );
                return None;
            }
            if args.v3 {
                quote!(::std::string::ToString::to_string(&self.#f).to_ascii_lowercase())
            } else {
                quote!(::std::string::ToString::to_string(&self.#f))
            }
        }
        None => {
            cx.error_spanned_by(
                &args.venue,
                "a channel names its instType: `inst_type = \"SPOT\"` or a field",
            );
            return None;
        }
    };
    if !args.no_symbol && !has(fields, "symbol") {
        cx.error_spanned_by(
            &ident,
            "a channel's struct has a `symbol` field (sent as instId on v2, symbol on v3), or says `no_symbol`",
        );
        return None;
    }
    for f in &args.extra {
        if !has(fields, &f.to_string()) {
            cx.error_spanned_by(f, format!("`{ident}` has no field `{f}` to send"));
            return None;
        }
    }
    let (name_key, symbol_key) = if args.v3 {
        ("topic", "symbol")
    } else {
        ("channel", "instId")
    };
    let venue = match args.venue.to_string().as_str() {
        "v2_public" => quote!(V2Public),
        "v3_public" => quote!(V3Public),
        "v2_private" => quote!(V2Private),
        _ => quote!(V3Private),
    };
    let symbol =
        (!args.no_symbol).then(|| quote!((#symbol_key, ::std::clone::Clone::clone(&self.symbol)),));
    let extra = args.extra.iter().map(|f| {
        let key = camel_case(&f.to_string());
        quote!((#key, ::std::string::ToString::to_string(&self.#f)),)
    });
    let fixed = args.fixed.iter().map(|(key, value)| {
        let key = key.to_string();
        quote!((#key, ::std::string::String::from(#value)),)
    });
    let sequence = args.sequence.as_ref().map(|path| {
        quote_spanned! {path.span()=>
            fn sequence(push: &Self::Push) -> ::core::option::Option<u128> {
                #path(push)
            }
        }
    });
    let params = fields
        .iter()
        .map(|(i, t)| quote!(#i: impl ::core::convert::Into<#t>));
    let inits = fields
        .iter()
        .map(|(i, _)| quote!(#i: ::core::convert::Into::into(#i)));
    let stream = args.venue.to_string().replace('_', "/");
    let doc = format!(
        "\n\nStream `/{stream}` (`wss://ws.bitget.com/{}/ws/{}`), {} `{name}`; each element of a push decodes into [`{}`].",
        &stream[..2],
        &stream[3..],
        if args.v3 { "topic" } else { "channel" },
        crate::expand::tokens_text(push),
    );
    input.attrs.push(syn::parse_quote!(#[doc = #doc]));
    input.attrs.push(syn::parse_quote!(#[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq, ::core::cmp::Eq)]));
    let push_span = push.span();
    let push_decl = quote_spanned!(push_span=> type Push = #push;);
    Some(quote! {
        #input

        impl #ident {
            /// The channel of these arguments.
            pub fn new(#(#params),*) -> Self {
                #ident { #(#inits),* }
            }
        }

        impl ::bitget_core::stream::Channel for #ident {
            #push_decl
            const VENUE: ::bitget_core::stream::Venue = ::bitget_core::stream::Venue::#venue;
            fn arg(&self) -> ::bitget_core::stream::Arg {
                let mut __n = ::std::string::String::new();
                #(#parts)*
                ::bitget_core::stream::Arg::new([
                    ("instType", #inst_type),
                    (#name_key, __n),
                    #symbol
                    #(#extra)*
                    #(#fixed)*
                ])
            }
            #sequence
        }
    })
}
