//! The vocabulary of rules, one row per rule: its key, how it is written, the shape of field it
//! applies to, whether it may repeat, the `RuleKind` it reports and how it is parsed. The enums of
//! the model (`FieldRuleKind`, `StructRule`), their keys, the lists of accepted keys in the
//! messages and the parser's dispatch are generated from these rows, so they cannot disagree.
//!
//! A new rule is a row here; the compiler then asks for its arm in `rules.rs` (docs and the
//! generated check, both exhaustive matches) and for its `RuleKind` and runtime function in
//! `bitget-core` (`validate.rs`, `__private/rules.rs`). The crate docs of `bitget-endpoints` and
//! the README list every key: a test below reads them.

use syn::Ident;
use syn::meta::ParseNestedMeta;

use crate::ast::{Condition, Count};
use crate::attr::{condition, count, ident_list, item_condition, number_lit, parens, positive};
use crate::ctxt::Ctxt;
use crate::rules::Needs;

/// Generates a rule enum and what is read from its rows.
macro_rules! vocabulary {
    (
        $(#[$enum_doc:meta])*
        enum $name:ident, keys $keys:ident;
        $(
            $(#[doc = $doc:literal])*
            $variant:ident $(($($payload:ty),+))? $({ $($fname:ident : $fty:ty),+ $(,)? })? => {
                key: $key:literal,
                syntax: $syntax:literal,
                needs: $needs:ident,
                repeat: $repeat:literal,
                reports: $reports:expr,
                parse: |$cx:ident, $meta:ident| $parse:expr $(,)?
            }
        )*
    ) => {
        $(#[$enum_doc])*
        pub(crate) enum $name {
            $( $(#[doc = $doc])* $variant $(($($payload),+))? $({ $($fname: $fty),+ })?, )*
        }

        /// Every key of this vocabulary with how it is written, in the order of the table.
        pub(crate) const $keys: &[(&str, &str)] = &[$(($key, $syntax)),*];

        impl $name {
            /// The key as written in a declaration.
            pub(crate) fn key(&self) -> &'static str {
                match self { $(Self::$variant { .. } => $key,)* }
            }

            /// The shape of field the rule applies to.
            #[allow(dead_code)]
            pub(crate) fn needs(&self) -> Needs {
                match self { $(Self::$variant { .. } => Needs::$needs,)* }
            }

            /// Whether the rule may be given more than once on the same field.
            #[allow(dead_code)]
            pub(crate) fn repeatable(&self) -> bool {
                match self { $(Self::$variant { .. } => $repeat,)* }
            }

            /// The `bitget_core::RuleKind` variant a broken rule reports (for `Endpoint::declared_rules`);
            /// `None` for a rule that only modifies another.
            pub(crate) fn runtime_kind(&self) -> Option<&'static str> {
                match self { $(Self::$variant { .. } => $reports,)* }
            }

            /// Parses the rule whose key is `key`; `None` when no rule has this key.
            pub(crate) fn parse(
                key: &str,
                cx: &Ctxt,
                meta: &ParseNestedMeta<'_>,
            ) -> Option<syn::Result<Self>> {
                let parse = || -> syn::Result<Self> {
                    Ok(match key {
                        $($key => {
                            let ($cx, $meta) = (cx, meta);
                            let _ = (&$cx, &$meta);
                            $parse
                        })*
                        _ => unreachable!("keys are checked before parsing"),
                    })
                };
                $keys.iter().any(|(k, _)| *k == key).then(parse)
            }
        }
    };
}

vocabulary! {
    /// The rules a field can carry. What each one means in the docs and generates is in
    /// `rules.rs`.
    enum FieldRuleKind, keys FIELD_RULES;

    /// Required: the builder's typestate, and `validate` for requests read from JSON.
    Required => {
        key: "required", syntax: "required", needs: Any, repeat: false, reports: Some("Required"),
        parse: |cx, meta| FieldRuleKind::Required,
    }
    /// Required by the builder, unless the named method leaves it out on purpose.
    RequiredOr(Ident) => {
        key: "required_or", syntax: "required_or(method)", needs: Any, repeat: false,
        reports: Some("Required"),
        parse: |cx, meta| FieldRuleKind::RequiredOr(parens(meta)?),
    }
    RequiredIf(Condition) => {
        key: "required_if", syntax: "required_if(field = Enum::Value)", needs: Any, repeat: true,
        reports: Some("RequiredIf"),
        parse: |cx, meta| FieldRuleKind::RequiredIf(condition(cx, meta)?),
    }
    RequiredUnless(Condition) => {
        key: "required_unless", syntax: "required_unless(field = Enum::Value)", needs: Any,
        repeat: true, reports: Some("RequiredUnless"),
        parse: |cx, meta| FieldRuleKind::RequiredUnless(condition(cx, meta)?),
    }
    AbsentIf(Condition) => {
        key: "absent_if", syntax: "absent_if(field = Enum::Value)", needs: Any, repeat: true,
        reports: Some("AbsentIf"),
        parse: |cx, meta| FieldRuleKind::AbsentIf(condition(cx, meta)?),
    }
    Requires(Vec<Ident>) => {
        key: "requires", syntax: "requires(field, ...)", needs: Any, repeat: true,
        reports: Some("Requires"),
        parse: |cx, meta| FieldRuleKind::Requires(ident_list(meta)?),
    }
    MaxItems(Count) => {
        key: "max_items", syntax: "max_items = N", needs: List, repeat: false,
        reports: Some("MaxItems"),
        parse: |cx, meta| FieldRuleKind::MaxItems(count(cx, meta, "max_items")?),
    }
    MinItems(usize) => {
        key: "min_items", syntax: "min_items = N", needs: List, repeat: false,
        reports: Some("MinItems"),
        parse: |cx, meta| FieldRuleKind::MinItems(positive(cx, meta, "min_items")?),
    }
    NonEmpty => {
        key: "non_empty", syntax: "non_empty", needs: List, repeat: false,
        reports: Some("NonEmpty"),
        parse: |cx, meta| FieldRuleKind::NonEmpty,
    }
    MaxLen(usize) => {
        key: "max_len", syntax: "max_len = N", needs: Scalar, repeat: false,
        reports: Some("MaxLen"),
        parse: |cx, meta| FieldRuleKind::MaxLen(positive(cx, meta, "max_len")?),
    }
    Uppercase => {
        key: "uppercase", syntax: "uppercase", needs: Scalar, repeat: false,
        reports: Some("Uppercase"),
        parse: |cx, meta| FieldRuleKind::Uppercase,
    }
    /// `gt = N`: strictly greater (an amount, a price: `gt = 0`).
    Gt(syn::Lit) => {
        key: "gt", syntax: "gt = N", needs: Number, repeat: false, reports: Some("Gt"),
        parse: |cx, meta| FieldRuleKind::Gt(number_lit(cx, meta, "gt")?),
    }
    Min(syn::Lit) => {
        key: "min", syntax: "min = N", needs: Number, repeat: false, reports: Some("Min"),
        parse: |cx, meta| FieldRuleKind::Min(number_lit(cx, meta, "min")?),
    }
    Max(syn::Lit) => {
        key: "max", syntax: "max = N", needs: Number, repeat: false, reports: Some("Max"),
        parse: |cx, meta| FieldRuleKind::Max(number_lit(cx, meta, "max")?),
    }
    /// `allow = N`: a value accepted outside `min`/`max` (a countdown's 0).
    Allow(syn::Lit) => {
        key: "allow", syntax: "allow = N", needs: Number, repeat: false, reports: None,
        parse: |cx, meta| FieldRuleKind::Allow(number_lit(cx, meta, "allow")?),
    }
    NoMix(Vec<Ident>) => {
        key: "no_mix", syntax: "no_mix(item_field, ...)", needs: List, repeat: false,
        reports: Some("NoMix"),
        parse: |cx, meta| FieldRuleKind::NoMix(ident_list(meta)?),
    }
    ItemRequiredIf(Ident, Condition) => {
        key: "item_required_if", syntax: "item_required_if(item_field, field = Enum::Value)",
        needs: List, repeat: true, reports: Some("RequiredIf"),
        parse: |cx, meta| {
            let (item, c) = item_condition(cx, meta)?;
            FieldRuleKind::ItemRequiredIf(item, c)
        },
    }
    /// `check = path::to::fn`: a function of the field's value (a slice for a list).
    Check(syn::Path) => {
        key: "check", syntax: "check = path::to::fn", needs: Any, repeat: true,
        reports: Some("Custom"),
        parse: |cx, meta| FieldRuleKind::Check(meta.value()?.parse()?),
    }
}

vocabulary! {
    /// A rule over several fields of the same struct.
    enum StructRule, keys STRUCT_RULES;

    AtLeastOneOf(Vec<Ident>) => {
        key: "at_least_one_of", syntax: "at_least_one_of(a, b)", needs: Any, repeat: true,
        reports: Some("AtLeastOneOf"),
        parse: |cx, meta| StructRule::AtLeastOneOf(ident_list(meta)?),
    }
    ExactlyOneOf(Vec<Ident>) => {
        key: "exactly_one_of", syntax: "exactly_one_of(a, b)", needs: Any, repeat: true,
        reports: Some("ExactlyOneOf"),
        parse: |cx, meta| StructRule::ExactlyOneOf(ident_list(meta)?),
    }
    /// All set or none.
    Together(Vec<Ident>) => {
        key: "together", syntax: "together(a, b)", needs: Any, repeat: true,
        reports: Some("Together"),
        parse: |cx, meta| StructRule::Together(ident_list(meta)?),
    }
    /// Timestamps at most `max_days` apart, end not before start.
    Window { start: Ident, end: Ident, max_days: u32, span: proc_macro2::Span } => {
        key: "window", syntax: "window(start, end, max_days = N)", needs: Any, repeat: true,
        reports: Some("Window"),
        parse: |cx, meta| crate::attr::window(cx, meta)?,
    }
    Check(syn::Path) => {
        key: "check", syntax: "check = path::to::fn", needs: Any, repeat: true,
        reports: Some("Custom"),
        parse: |cx, meta| StructRule::Check(meta.value()?.parse()?),
    }
}

/// The keys of `#[bitget(...)]` on a field that are not rules.
pub(crate) const FIELD_OPTIONS: &[(&str, &str)] = &[
    ("rename", "rename = \"wireName\""),
    ("json_number", "json_number"),
    ("body", "body"),
];

/// A list of keys as the messages print it: `` `a`, `b(x)` ``.
pub(crate) fn accepted(lists: &[&[(&str, &str)]]) -> String {
    lists
        .iter()
        .flat_map(|l| l.iter())
        .map(|(_, syntax)| format!("`{syntax}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether `key` is one of `list`.
pub(crate) fn has(list: &[(&str, &str)], key: &str) -> bool {
    list.iter().any(|(k, _)| *k == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The docs that list the vocabulary list all of it: the crate docs of `bitget-endpoints`
    /// and the README's "adding a rule" section.
    #[test]
    fn every_key_is_documented() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
        for doc in ["bitget-endpoints/src/lib.rs", "README.md"] {
            let text = std::fs::read_to_string(format!("{root}/{doc}"))
                .unwrap_or_else(|e| panic!("{doc}: {e}"));
            let missing: Vec<&str> = FIELD_RULES
                .iter()
                .chain(STRUCT_RULES)
                .chain(FIELD_OPTIONS)
                .map(|(key, _)| *key)
                .filter(|key| !text.contains(&format!("`{key}")))
                .collect();
            assert!(missing.is_empty(), "{doc} does not list {missing:?}");
        }
    }

    #[test]
    fn keys_are_unique_per_place() {
        for list in [FIELD_RULES, STRUCT_RULES] {
            let mut keys: Vec<&str> = list.iter().map(|(k, _)| *k).collect();
            keys.sort_unstable();
            let before = keys.len();
            keys.dedup();
            assert_eq!(before, keys.len(), "a key given twice in {list:?}");
        }
    }

    #[test]
    fn accepted_lists_every_syntax() {
        let text = accepted(&[FIELD_RULES, FIELD_OPTIONS]);
        assert!(
            text.starts_with("`required`, `required_or(method)`"),
            "{text}"
        );
        assert!(text.ends_with("`json_number`, `body`"), "{text}");
    }
}
