//! What each rule means: the fields it names, its line in the docs and the check it generates.
//! Its key, shape, repetition and parsing are its row in `vocabulary.rs`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned as _;
use syn::{Ident, Lit};

use crate::ast::{Condition, Container, Field, FieldRuleKind, StructRule};

/// The shape of field a rule applies to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Needs {
    Any,
    /// `Vec<T>` or `Option<Vec<T>>`.
    List,
    /// Not a list (a text, in practice).
    Scalar,
    /// An integer or a `Decimal`.
    Number,
}

impl Needs {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            // Never printed: any field fits.
            Needs::Any => "any field",
            Needs::List => "a list (`Vec<T>` or `Option<Vec<T>>`)",
            Needs::Scalar => "a text",
            Needs::Number => "a number (an integer or a `Decimal`)",
        }
    }

    pub(crate) fn fits(self, field: &Field) -> bool {
        match self {
            Needs::Any => true,
            Needs::List => field.shape.list_item.is_some(),
            Needs::Scalar => field.shape.list_item.is_none(),
            Needs::Number => field.shape.decimal || field.shape.integer,
        }
    }
}

use crate::expand::{code, tokens_text as expr_text};

impl FieldRuleKind {
    /// The condition on another field of the same struct, if the rule has one.
    pub(crate) fn condition(&self) -> Option<&Condition> {
        match self {
            FieldRuleKind::RequiredIf(c)
            | FieldRuleKind::RequiredUnless(c)
            | FieldRuleKind::AbsentIf(c)
            | FieldRuleKind::ItemRequiredIf(_, c) => Some(c),
            FieldRuleKind::Required
            | FieldRuleKind::RequiredOr(_)
            | FieldRuleKind::Requires(_)
            | FieldRuleKind::MaxItems(_)
            | FieldRuleKind::MinItems(_)
            | FieldRuleKind::NonEmpty
            | FieldRuleKind::MaxLen(_)
            | FieldRuleKind::Uppercase
            | FieldRuleKind::Gt(_)
            | FieldRuleKind::Min(_)
            | FieldRuleKind::Max(_)
            | FieldRuleKind::Allow(_)
            | FieldRuleKind::NoMix(_)
            | FieldRuleKind::Check(_) => None,
        }
    }

    /// The other fields of the same struct the rule names.
    pub(crate) fn references(&self) -> Vec<&Ident> {
        match self {
            FieldRuleKind::Requires(ids) => ids.iter().collect(),
            other => other.condition().map(|c| &c.field).into_iter().collect(),
        }
    }

    /// The rule in words close to the docs', for the generated rustdoc.
    pub(crate) fn doc(&self, cont: &Container, field: &Field) -> Option<String> {
        let wire = |i: &Ident| code(&cont.wire_of(i));
        let when = |c: &Condition| format!("{} is `{}`", wire(&c.field), expr_text(&c.value));
        // The item's own declaration holds its wire names; the docs name its Rust fields.
        let item = |i: &Ident| format!("the item's `{i}`");
        Some(match self {
            FieldRuleKind::Required => "required".to_owned(),
            FieldRuleKind::RequiredOr(m) => format!(
                "required by the builder: set it, or call `{m}()` to leave it out on purpose"
            ),
            FieldRuleKind::RequiredIf(c) => format!("required when {}", when(c)),
            FieldRuleKind::RequiredUnless(c) => format!("required unless {}", when(c)),
            FieldRuleKind::AbsentIf(c) => format!("must be left out when {}", when(c)),
            FieldRuleKind::Requires(ids) => {
                let names: Vec<String> = ids.iter().map(wire).collect();
                format!(
                    "when set, {} required too",
                    names.join(" and ") + if ids.len() > 1 { " are" } else { " is" }
                )
            }
            FieldRuleKind::MaxItems(n) => format!("at most {} items", n.shown()),
            FieldRuleKind::MinItems(n) => format!("at least {n} items when present"),
            FieldRuleKind::NonEmpty => {
                "at least one item when present (an empty list is never sent)".to_owned()
            }
            FieldRuleKind::MaxLen(n) => format!("at most {n} characters"),
            FieldRuleKind::Uppercase => "upper case".to_owned(),
            FieldRuleKind::Gt(l) => format!("greater than {}", expr_text(l)),
            FieldRuleKind::Min(l) => format!("at least {}{}", expr_text(l), allow_doc(field)),
            FieldRuleKind::Max(l) => format!("at most {}{}", expr_text(l), allow_doc(field)),
            FieldRuleKind::Allow(_) => return None,
            FieldRuleKind::NoMix(ids) => format!(
                "items must not mix {}: every item identified the same way",
                ids.iter().map(item).collect::<Vec<_>>().join(" and ")
            ),
            FieldRuleKind::ItemRequiredIf(i, c) => {
                format!("{} is required in each item when {}", item(i), when(c))
            }
            FieldRuleKind::Check(p) => format!("checked by `{}`", expr_text(p)),
        })
    }

    /// Where a broken rule is reported, relative to the struct, as entries of
    /// `__r::declare`: `(path, kind, over several fields)`.
    pub(crate) fn declared(&self, cont: &Container, field: &Field) -> Vec<TokenStream> {
        let Some(kind) = self.runtime_kind() else {
            return Vec::new();
        };
        let kind = format_ident!("{kind}");
        let entry = |path: TokenStream| quote!((#path, __r::RuleKind::#kind, false));
        // A body list is the struct itself: its rules are at `(request)`, its items at `[]`.
        let wire = if field.body.is_some() {
            ""
        } else {
            field.wire.as_str()
        };
        let items = format!("{wire}[]");
        match self {
            FieldRuleKind::Requires(others) => others
                .iter()
                .map(|o| {
                    // Reported at the other field, the one to set.
                    let other = cont.wire_of(o);
                    quote!(#other)
                })
                .map(entry)
                .collect(),
            FieldRuleKind::ItemRequiredIf(item_field, _) => {
                let item_wire = item_wire_const(field.shape.list_item.as_ref(), item_field);
                vec![entry(quote!(&::std::format!("{}.{}", #items, #item_wire)))]
            }
            FieldRuleKind::NoMix(_) => vec![entry(quote!(#items))],
            FieldRuleKind::Required
            | FieldRuleKind::RequiredOr(_)
            | FieldRuleKind::RequiredIf(_)
            | FieldRuleKind::RequiredUnless(_)
            | FieldRuleKind::AbsentIf(_)
            | FieldRuleKind::MaxItems(_)
            | FieldRuleKind::MinItems(_)
            | FieldRuleKind::NonEmpty
            | FieldRuleKind::MaxLen(_)
            | FieldRuleKind::Uppercase
            | FieldRuleKind::Gt(_)
            | FieldRuleKind::Min(_)
            | FieldRuleKind::Max(_)
            | FieldRuleKind::Allow(_)
            | FieldRuleKind::Check(_) => vec![entry(quote!(#wire))],
        }
    }

    /// The generated check, inside `validate_at` (`__p` is the field's path).
    pub(crate) fn emit(&self, cont: &Container, field: &Field) -> TokenStream {
        let name = &field.ident;
        let wire = &field.wire;
        let present = quote!(__r::present(&self.#name));
        match self {
            FieldRuleKind::Required => quote!(__r::required(__out, &__p, #present);),
            FieldRuleKind::RequiredOr(method) => {
                let flag = field.left_out_flag();
                let method = method.to_string();
                quote!(__r::required_or(__out, &__p, #present, self.#flag, #method);)
            }
            FieldRuleKind::Allow(_) => quote!(),
            FieldRuleKind::RequiredIf(c)
            | FieldRuleKind::RequiredUnless(c)
            | FieldRuleKind::AbsentIf(c) => {
                let kind = match self {
                    FieldRuleKind::RequiredIf(_) => quote!(RequiredIf),
                    FieldRuleKind::RequiredUnless(_) => quote!(RequiredUnless),
                    _ => quote!(AbsentIf),
                };
                condition(
                    cont,
                    c,
                    |holds, value, other_wire| quote!(__r::conditional(__out, &__p, __r::RuleKind::#kind, #present, #other_wire, #holds, #value);),
                )
            }
            FieldRuleKind::Requires(others) => {
                let checks = others.iter().map(|other| {
                    let other_wire = cont.wire_of(other);
                    quote!(__r::requires(__out, &__path.field(#other_wire), #present, #wire, __r::present(&self.#other));)
                });
                quote!(#(#checks)*)
            }
            FieldRuleKind::MaxItems(n) => {
                let n = n.tokens();
                quote!(__r::max_items(__out, &__p, __r::ListLen::list_len(&self.#name), #n);)
            }
            FieldRuleKind::MinItems(n) => {
                quote!(__r::min_items(__out, &__p, __r::ListLen::list_len(&self.#name), #n);)
            }
            FieldRuleKind::NonEmpty => {
                quote!(__r::non_empty(__out, &__p, __r::ListLen::list_len(&self.#name));)
            }
            FieldRuleKind::MaxLen(n) => {
                quote_spanned!(field.ty.span()=> __r::max_len(__out, &__p, __r::text(&self.#name), #n);)
            }
            FieldRuleKind::Uppercase => {
                quote_spanned!(field.ty.span()=> __r::uppercase(__out, &__p, __r::text(&self.#name));)
            }
            FieldRuleKind::Gt(lit) => {
                let ty = &field.shape.value;
                let bound = number(field, lit);
                quote_spanned! {lit.span()=>
                    __r::gt(__out, &__p, __r::FieldValue::<#ty>::value(&self.#name), #bound);
                }
            }
            FieldRuleKind::Min(lit) | FieldRuleKind::Max(lit) => {
                let func = format_ident!("{}", self.key());
                let ty = &field.shape.value;
                let bound = number(field, lit);
                let allow = match allow(field) {
                    Some(a) => {
                        let a = number(field, a);
                        quote!(::core::option::Option::Some(#a))
                    }
                    None => quote!(::core::option::Option::None),
                };
                quote_spanned! {lit.span()=>
                    __r::#func(__out, &__p, __r::FieldValue::<#ty>::value(&self.#name), #bound, #allow);
                }
            }
            FieldRuleKind::NoMix(idents) => {
                let item_ty = field.shape.list_item.as_ref();
                let wires = idents.iter().map(|i| item_wire_const(item_ty, i));
                quote! {
                    __r::no_mix(__out, &__p, &[#(#wires),*], __r::items(&self.#name).iter().map(|__item| {
                        __r::first_present(&[#(__r::present(&__item.#idents)),*])
                    }));
                }
            }
            FieldRuleKind::ItemRequiredIf(item_field, c) => {
                let item_wire = item_wire_const(field.shape.list_item.as_ref(), item_field);
                condition(cont, c, |holds, value, other_wire| {
                    quote! {
                        for (__i, __item) in __r::items(&self.#name).iter().enumerate() {
                            let __ip = __p.index(__i);
                            __r::conditional(__out, &__ip.field(#item_wire), __r::RuleKind::RequiredIf, __r::present(&__item.#item_field), #other_wire, #holds, #value);
                        }
                    }
                })
            }
            FieldRuleKind::Check(path) => {
                let label = expr_text(path);
                // A list is checked as a slice, optional or not.
                let span = path.span();
                let value = if field.shape.list_item.is_some() {
                    quote_spanned!(span=> __r::items(&self.#name))
                } else {
                    quote_spanned!(span=> &self.#name)
                };
                quote_spanned!(path.span()=> __r::custom(__out, &__p, #label, #path(#value));)
            }
        }
    }
}

/// A condition's check: the value evaluated once, spanned at the value so that a misspelt variant
/// or a value of the wrong type is reported there; `body` gets (whether it holds, the value, the
/// other field's wire name).
fn condition(
    cont: &Container,
    c: &Condition,
    body: impl FnOnce(TokenStream, TokenStream, String) -> TokenStream,
) -> TokenStream {
    let (other, value) = (&c.field, &c.value);
    // Evaluated once, before any loop over items.
    let bind =
        quote_spanned!(value.span()=> let __v = #value; let __h = __r::holds(&self.#other, &__v););
    let body = body(quote!(__h), quote!(&__v), cont.wire_of(other));
    quote!({ #bind #body })
}

/// The wire name of an item type's field, read from the item's own declaration (renames
/// honoured): `<Item>::__WIRE.symbol`, generated by `#[bitget_item]`.
fn item_wire_const(item_ty: Option<&syn::Type>, item_field: &Ident) -> TokenStream {
    match item_ty {
        Some(ty) => quote!(<#ty>::__WIRE.#item_field),
        // Unreachable once `check_shapes` passed: item rules need a list.
        None => quote!(""),
    }
}

fn allow(field: &Field) -> Option<&Lit> {
    field.rules.iter().find_map(|r| match &r.kind {
        FieldRuleKind::Allow(l) => Some(l),
        _ => None,
    })
}

fn allow_doc(field: &Field) -> String {
    allow(field).map_or_else(String::new, |a| format!(" (or exactly {})", expr_text(a)))
}

/// A bound as a value of the field's type: the literal for integers, a `Decimal` built from the
/// literal's digits for decimals (checked to fit when the attribute is read: `attr.rs`).
fn number(field: &Field, lit: &Lit) -> TokenStream {
    if field.shape.decimal {
        let (mantissa, scale) = decimal_parts(lit).unwrap_or((0, 0));
        quote_spanned!(lit.span()=> ::bitget_core::Decimal::from_i128_with_scale(#mantissa, #scale))
    } else {
        quote!(#lit)
    }
}

/// `12.50` → (1250, 2); `None` when the literal is not a plain non-negative decimal number.
pub(crate) fn decimal_parts(lit: &Lit) -> Option<(i128, u32)> {
    let (digits, suffix) = match lit {
        Lit::Int(i) => (i.base10_digits().to_owned(), i.suffix().to_owned()),
        Lit::Float(f) => (f.base10_digits().to_owned(), f.suffix().to_owned()),
        _ => return None,
    };
    if !suffix.is_empty() || digits.contains(['e', 'E']) {
        return None;
    }
    let (int, frac) = digits.split_once('.').unwrap_or((&digits, ""));
    let scale = u32::try_from(frac.len()).ok().filter(|s| *s <= 28)?;
    let mantissa: i128 = format!("{int}{frac}").parse().ok()?;
    (mantissa < 1_i128 << 96).then_some((mantissa, scale))
}

impl StructRule {
    /// The fields a set rule names (`at_least_one_of`, `exactly_one_of`, `together`).
    pub(crate) fn set(&self) -> Option<&[Ident]> {
        match self {
            StructRule::AtLeastOneOf(ids)
            | StructRule::ExactlyOneOf(ids)
            | StructRule::Together(ids) => Some(ids),
            StructRule::Window { .. } | StructRule::Check(_) => None,
        }
    }

    pub(crate) fn doc(&self, cont: &Container) -> String {
        let names = |ids: &[Ident]| {
            ids.iter()
                .map(|i| code(&cont.wire_of(i)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            StructRule::AtLeastOneOf(ids) => format!("at least one of {}", names(ids)),
            StructRule::ExactlyOneOf(ids) => format!("exactly one of {}", names(ids)),
            StructRule::Together(ids) => format!("{} together or not at all", names(ids)),
            StructRule::Window {
                start,
                end,
                max_days,
                ..
            } => format!(
                "{} at most {max_days} days after {} (and not before it)",
                code(&cont.wire_of(end)),
                code(&cont.wire_of(start))
            ),
            StructRule::Check(p) => format!("checked by `{}`", expr_text(p)),
        }
    }

    /// Where a broken rule is reported, relative to the struct (see `FieldRuleKind::declared`).
    pub(crate) fn declared(&self, cont: &Container) -> TokenStream {
        let kind = format_ident!("{}", self.runtime_kind().unwrap_or("Custom"));
        match self {
            StructRule::Window { end, .. } => {
                let end = cont.wire_of(end);
                quote!((#end, __r::RuleKind::#kind, false))
            }
            StructRule::AtLeastOneOf(_)
            | StructRule::ExactlyOneOf(_)
            | StructRule::Together(_)
            | StructRule::Check(_) => quote!(("", __r::RuleKind::#kind, true)),
        }
    }

    /// The generated check, inside `validate_at` (`__path` is the struct's path).
    pub(crate) fn emit(&self, cont: &Container) -> TokenStream {
        match self {
            StructRule::AtLeastOneOf(ids)
            | StructRule::ExactlyOneOf(ids)
            | StructRule::Together(ids) => {
                let func = format_ident!("{}", self.key());
                let wires: Vec<String> = ids.iter().map(|i| cont.wire_of(i)).collect();
                let presents = ids.iter().map(|i| quote!(__r::present(&self.#i)));
                quote!(__r::#func(__out, __path, &[#(#wires),*], &[#(#presents),*]);)
            }
            StructRule::Window {
                start,
                end,
                max_days,
                ..
            } => {
                let ty = |i: &Ident| cont.field(i).map(|f| f.shape.value.clone());
                let (Some(start_ty), Some(end_ty)) = (ty(start), ty(end)) else {
                    return quote!();
                };
                let (sw, ew) = (cont.wire_of(start), cont.wire_of(end));
                quote! {
                    __r::window(__out, __path, (#sw, #ew), __r::millis::<_, #start_ty>(&self.#start), __r::millis::<_, #end_ty>(&self.#end), #max_days);
                }
            }
            StructRule::Check(path) => {
                let label = expr_text(path);
                quote_spanned!(path.span()=> __r::custom(__out, __path, #label, #path(self));)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn decimal_literals_split_into_mantissa_and_scale() {
        let parts =
            |s: &str| super::decimal_parts(&syn::parse_str(s).unwrap_or_else(|e| panic!("{e}")));
        assert_eq!(parts("10"), Some((10, 0)));
        assert_eq!(parts("0.1"), Some((1, 1)));
        assert_eq!(parts("12.50"), Some((1250, 2)));
        assert_eq!(parts("1_000"), Some((1000, 0)));
        assert_eq!(parts("1e3"), None);
        assert_eq!(parts("5u32"), None);
        assert_eq!(parts("\"5\""), None);
    }
}
