//! The checks that generated validation calls, one small function per rule, so the generated code
//! stays a list of calls and every message is written once.

use rust_decimal::Decimal;

pub use crate::builder::{DecimalArg, DecimalInput, LeftOut, Unset};
pub use crate::validate::RuleKind;
use crate::validate::{Path, Violations};
use crate::wire::{Presence, WireStr};

/// A decimal setter's argument, optional or not, turned into the field's value at `build()`;
/// text that is not a number is a violation at the field (and the placeholder zero never leaves,
/// since `build()` then fails).
pub trait DecimalSlot {
    /// The field's type: `Decimal` or `Option<Decimal>`.
    type Value;
    /// Parses, recording a violation at `path` for text that is not a number.
    fn into_decimal(self, path: &Path<'_>, out: &mut Violations) -> Self::Value;
}

impl DecimalSlot for DecimalArg {
    type Value = Decimal;
    fn into_decimal(self, path: &Path<'_>, out: &mut Violations) -> Decimal {
        match self.parse() {
            Ok(d) => d,
            Err(text) => {
                out.push(
                    path,
                    RuleKind::Decimal,
                    format!("`{text}` is not a decimal number"),
                );
                Decimal::ZERO
            }
        }
    }
}

impl DecimalSlot for Option<DecimalArg> {
    type Value = Option<Decimal>;
    fn into_decimal(self, path: &Path<'_>, out: &mut Violations) -> Option<Decimal> {
        self.map(|arg| arg.into_decimal(path, out))
    }
}

/// The end of a generated `build()`: the conversion violations (`parsed`) and the request's own
/// rules, together.
///
/// A field whose text did not parse holds a placeholder zero: its own rules (`min`, ...) are not
/// reported, since they would judge the placeholder rather than what the caller wrote.
pub fn finish_build<T: crate::validate::Validate>(
    request: T,
    mut parsed: Violations,
    target: &'static str,
) -> Result<T, crate::validate::ValidationError> {
    let mut rules = Violations::default();
    request.validate_at(&Path::ROOT, &mut rules);
    parsed.absorb_where_clean(rules);
    parsed.finish(target).map(|()| request)
}

/// Whether a value counts as set (`None` and `""` do not).
#[inline]
pub fn present<T: Presence + ?Sized>(value: &T) -> bool {
    value.is_present()
}

/// The wire text of a value, for value conditions.
#[inline]
pub fn text<T: WireStr + ?Sized>(value: &T) -> Option<&str> {
    value.wire_str()
}

/// A list's length, `None` when the optional list is absent.
pub trait ListLen {
    /// The number of items, or `None` when absent.
    fn list_len(&self) -> Option<usize>;
}

impl<T> ListLen for Vec<T> {
    fn list_len(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<T> ListLen for Option<Vec<T>> {
    fn list_len(&self) -> Option<usize> {
        self.as_ref().map(Vec::len)
    }
}

/// The items of a list, empty when absent.
pub fn items<T>(list: &impl AsItems<T>) -> &[T] {
    list.as_items()
}

/// A list, optional or not, seen as a slice.
pub trait AsItems<T> {
    /// The items.
    fn as_items(&self) -> &[T];
}

impl<T> AsItems<T> for Vec<T> {
    fn as_items(&self) -> &[T] {
        self
    }
}

impl<T> AsItems<T> for Option<Vec<T>> {
    fn as_items(&self) -> &[T] {
        self.as_deref().unwrap_or(&[])
    }
}

/// `required`: the field must be set and not empty.
pub fn required(out: &mut Violations, path: &Path<'_>, is_present: bool) {
    if !is_present {
        out.push(path, RuleKind::Required, "required");
    }
}

/// `required_or(method)`: the field is set, or was left out through the builder's `method()`
/// (`left_out`). A request read from JSON or changed by hand without the list is refused: the
/// dangerous absence is reached only through the explicit call.
pub fn required_or(
    out: &mut Violations,
    path: &Path<'_>,
    is_present: bool,
    left_out: bool,
    method: &str,
) {
    if !is_present && !left_out {
        out.push(
            path,
            RuleKind::Required,
            format!(
                "required: set it, or leave it out on purpose with the builder's `.{method}()`"
            ),
        );
    }
}

/// A field's value, whether the field is optional or not, for conditions and bounds.
#[diagnostic::on_unimplemented(
    message = "a field of type `{Self}` cannot be compared with a `{T}`",
    label = "the value must be of the field's type, such as `OrderType::Limit` for an `Option<OrderType>` field"
)]
pub trait FieldValue<T> {
    /// The value, `None` when the optional field is unset.
    fn value(&self) -> Option<&T>;
}

impl<T> FieldValue<T> for T {
    #[inline]
    fn value(&self) -> Option<&T> {
        Some(self)
    }
}

impl<T> FieldValue<T> for Option<T> {
    #[inline]
    fn value(&self) -> Option<&T> {
        self.as_ref()
    }
}

/// Whether a field holds `value` (a condition `field = Value`).
#[inline]
pub fn holds<F: FieldValue<T>, T: PartialEq>(field: &F, value: &T) -> bool {
    field.value() == Some(value)
}

/// A rule conditioned on another field's value: `required_if`, `required_unless` or `absent_if`
/// (`kind`), where `holds` says whether `other` has `value`.
pub fn conditional(
    out: &mut Violations,
    path: &Path<'_>,
    kind: RuleKind,
    is_present: bool,
    other: &str,
    holds: bool,
    value: &dyn std::fmt::Display,
) {
    let (broken, words) = match kind {
        RuleKind::RequiredIf => (!is_present && holds, "required when"),
        RuleKind::RequiredUnless => (!is_present && !holds, "required unless"),
        _ => (is_present && holds, "must be left out when"),
    };
    if broken {
        out.push(path, kind, format!("{words} `{other}` is `{value}`"));
    }
}

/// `min = N`: at least `bound`, unless the value is `allowed` (`allow = N`).
pub fn min<T: PartialOrd + std::fmt::Display>(
    out: &mut Violations,
    path: &Path<'_>,
    value: Option<&T>,
    bound: T,
    allowed: Option<T>,
) {
    bounded(out, path, value, (bound, allowed), RuleKind::Min);
}

/// `prefix.wire`, or `wire` at the top: the path of a field under `prefix`.
pub fn join(prefix: &str, wire: &str) -> String {
    if prefix.is_empty() {
        wire.to_owned()
    } else {
        format!("{prefix}.{wire}")
    }
}

/// Records declared rules under `prefix`: (path relative to it, kind, over several fields). An
/// empty relative path is the struct itself (`(request)` at the top).
pub fn declare(
    prefix: &str,
    rules: &[(&str, RuleKind, bool)],
    out: &mut Vec<crate::validate::DeclaredRule>,
) {
    for (path, rule, over_fields) in rules {
        let path = match (prefix.is_empty(), path.is_empty()) {
            (true, true) => "(request)".to_owned(),
            (false, true) => prefix.to_owned(),
            _ => join(prefix, path),
        };
        out.push(crate::validate::DeclaredRule {
            path,
            rule: *rule,
            over_fields: *over_fields,
        });
    }
}

/// `gt = N`: strictly greater than `bound` (an amount or a price: `gt = 0`).
pub fn gt<T: PartialOrd + std::fmt::Display>(
    out: &mut Violations,
    path: &Path<'_>,
    value: Option<&T>,
    bound: T,
) {
    if let Some(v) = value.filter(|v| **v <= bound) {
        out.push(
            path,
            RuleKind::Gt,
            format!("must be above {bound}, got {v}"),
        );
    }
}

/// `max = N`: at most `bound`, unless the value is `allowed` (`allow = N`).
pub fn max<T: PartialOrd + std::fmt::Display>(
    out: &mut Violations,
    path: &Path<'_>,
    value: Option<&T>,
    bound: T,
    allowed: Option<T>,
) {
    bounded(out, path, value, (bound, allowed), RuleKind::Max);
}

fn bounded<T: PartialOrd + std::fmt::Display>(
    out: &mut Violations,
    path: &Path<'_>,
    value: Option<&T>,
    (bound, allowed): (T, Option<T>),
    kind: RuleKind,
) {
    let (outside, words) = match kind {
        RuleKind::Min => (value.is_some_and(|v| *v < bound), "at least"),
        _ => (value.is_some_and(|v| *v > bound), "at most"),
    };
    let Some(v) = value.filter(|v| outside && allowed.as_ref() != Some(*v)) else {
        return;
    };
    let or = allowed
        .map(|a| format!(" (or exactly {a})"))
        .unwrap_or_default();
    out.push(path, kind, format!("{words} {bound}{or}, got {v}"));
}

/// `together(a, b, ...)`: either all of the fields are set or none is; reported at each one
/// missing.
pub fn together(
    out: &mut Violations,
    path: &Path<'_>,
    names: &'static [&'static str],
    present: &[bool],
) {
    if present.iter().any(|p| *p) {
        for (name, _) in names.iter().zip(present).filter(|(_, p)| !**p) {
            out.push(
                &path.field(name),
                RuleKind::Together,
                format!("{} go together: set all of them or none", list_names(names)),
            );
        }
    }
}

/// `window(start, end, max_days = N)`: when both are set, `end` is not before `start` and at most
/// `max_days` after it. Reported at `end`.
pub fn window(
    out: &mut Violations,
    path: &Path<'_>,
    (start_name, end_name): (&str, &'static str),
    start: Option<i128>,
    end: Option<i128>,
    max_days: u32,
) {
    const DAY_MS: i128 = 86_400_000;
    let (Some(start), Some(end)) = (start, end) else {
        return;
    };
    let at = path.field(end_name);
    if end < start {
        out.push(
            &at,
            RuleKind::Window,
            format!("`{end_name}` is before `{start_name}`"),
        );
    } else if end - start > i128::from(max_days) * DAY_MS {
        let days = (end - start) as f64 / DAY_MS as f64;
        out.push(
            &at,
            RuleKind::Window,
            format!(
                "at most {max_days} days after `{start_name}`, got {days:.1} days: split the range into several requests"
            ),
        );
    }
}

/// A millisecond timestamp of any integer type, for [`window`].
pub fn millis<F: FieldValue<T>, T: Copy + Into<i128>>(field: &F) -> Option<i128> {
    field.value().map(|v| (*v).into())
}

/// `requires(other)`: when the field at `set_path` is set, `other` must be set too. Reported at
/// `other`'s path, which is the field to fix.
pub fn requires(
    out: &mut Violations,
    other_path: &Path<'_>,
    is_set: bool,
    set_name: &str,
    other_present: bool,
) {
    if is_set && !other_present {
        out.push(
            other_path,
            RuleKind::Requires,
            format!("required when `{set_name}` is set"),
        );
    }
}

/// `at_least_one_of(a, b, ...)` over fields with `names` and their presence.
pub fn at_least_one_of(out: &mut Violations, path: &Path<'_>, names: &[&str], present: &[bool]) {
    if !present.iter().any(|p| *p) {
        out.push(
            path,
            RuleKind::AtLeastOneOf,
            format!("set at least one of {}", list_names(names)),
        );
    }
}

/// `exactly_one_of(a, b, ...)`.
pub fn exactly_one_of(out: &mut Violations, path: &Path<'_>, names: &[&str], present: &[bool]) {
    let count = present.iter().filter(|p| **p).count();
    if count != 1 {
        let got = if count == 0 {
            "none is set".to_owned()
        } else {
            format!("{count} are set")
        };
        out.push(
            path,
            RuleKind::ExactlyOneOf,
            format!("set exactly one of {} ({got})", list_names(names)),
        );
    }
}

/// `min_items = N`: a list that is present holds at least `min` items.
pub fn min_items(out: &mut Violations, path: &Path<'_>, len: Option<usize>, min: usize) {
    if let Some(len) = len.filter(|len| *len < min) {
        out.push(
            path,
            RuleKind::MinItems,
            format!("at least {min} items, got {len}"),
        );
    }
}

/// `max_items = N`.
pub fn max_items(out: &mut Violations, path: &Path<'_>, len: Option<usize>, max: usize) {
    if let Some(len) = len.filter(|len| *len > max) {
        out.push(
            path,
            RuleKind::MaxItems,
            format!("at most {max} items, got {len}: split the work into several requests"),
        );
    }
}

/// `non_empty`: a list that is present holds at least one item.
pub fn non_empty(out: &mut Violations, path: &Path<'_>, len: Option<usize>) {
    if len == Some(0) {
        out.push(
            path,
            RuleKind::NonEmpty,
            "must hold at least one item when present",
        );
    }
}

/// `max_len = N`, in characters.
pub fn max_len(out: &mut Violations, path: &Path<'_>, value: Option<&str>, max: usize) {
    if let Some(len) = value.map(|v| v.chars().count()).filter(|len| *len > max) {
        out.push(
            path,
            RuleKind::MaxLen,
            format!("at most {max} characters, got {len}"),
        );
    }
}

/// `uppercase`: no lower-case letter.
pub fn uppercase(out: &mut Violations, path: &Path<'_>, value: Option<&str>) {
    if let Some(v) = value.filter(|v| v.chars().any(char::is_lowercase)) {
        out.push(
            path,
            RuleKind::Uppercase,
            format!("must be upper case (`{}`, not `{v}`)", v.to_uppercase()),
        );
    }
}

/// `no_mix(a, b, ...)` over a list's items: each item is identified by the first of `names` it
/// sets (the earlier prevails, as Bitget's docs say of orderId over clientOid), and all items must
/// be identified the same way. `keys` holds that index per item (`None`: the item sets none).
pub fn no_mix(
    out: &mut Violations,
    path: &Path<'_>,
    names: &[&str],
    keys: impl IntoIterator<Item = Option<usize>>,
) {
    let mut first: Option<(usize, usize)> = None;
    for (i, key) in keys.into_iter().enumerate() {
        let Some(key) = key else { continue };
        match first {
            None => first = Some((i, key)),
            Some((at, k)) if k != key => {
                let (a, b) = (
                    names.get(k).copied().unwrap_or("?"),
                    names.get(key).copied().unwrap_or("?"),
                );
                out.push(
                    &path.index(i),
                    RuleKind::NoMix,
                    format!("identified by `{b}` while item {at} is identified by `{a}`: do not mix {} in one request", list_names(names)),
                );
                return;
            }
            Some(_) => {}
        }
    }
}

/// The index of the first present field, for [`no_mix`].
pub fn first_present(present: &[bool]) -> Option<usize> {
    present.iter().position(|p| *p)
}

/// A wire enum's value in a request must be one the library knows (`Unlisted` values, sent on
/// purpose, are not checked). An empty value is the business of `required`.
pub fn known_value(
    out: &mut Violations,
    path: &Path<'_>,
    type_name: &'static str,
    value: &str,
    known: &'static [&'static str],
) {
    if !value.is_empty() {
        let unknown = crate::wire::UnknownValue::new(type_name, value, known);
        out.push(
            path,
            RuleKind::KnownValue,
            format!(
                "{unknown}; to send a value this version does not list, use `{type_name}::unlisted(\"{value}\")`"
            ),
        );
    }
}

/// `check = function`: a rule written as a function returning the message when broken.
pub fn custom(out: &mut Violations, path: &Path<'_>, name: &str, result: Result<(), String>) {
    if let Err(message) = result {
        out.push(path, RuleKind::Custom, format!("{message} (`{name}`)"));
    }
}

fn list_names(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    //! Each rule against valid and invalid values, at its boundary.

    use super::*;

    fn run(f: impl FnOnce(&mut Violations, &Path<'_>)) -> Vec<(String, RuleKind)> {
        let mut out = Violations::default();
        let root = Path::ROOT;
        f(&mut out, &root.field("f"));
        match out.finish("t") {
            Ok(()) => Vec::new(),
            Err(e) => e.violations.into_iter().map(|v| (v.path, v.rule)).collect(),
        }
    }

    fn broke(kind: RuleKind) -> Vec<(String, RuleKind)> {
        vec![("f".to_owned(), kind)]
    }

    #[test]
    fn required() {
        assert_eq!(
            run(|o, p| super::required(o, p, false)),
            broke(RuleKind::Required)
        );
        assert!(run(|o, p| super::required(o, p, true)).is_empty());
        assert!(present(&"x".to_owned()) && !present(&String::new()) && !present(&None::<String>));
    }

    #[test]
    fn required_if_and_unless() {
        assert_eq!(
            run(|o, p| conditional(o, p, RuleKind::RequiredIf, false, "m", true, &"tpsl")),
            broke(RuleKind::RequiredIf)
        );
        assert!(
            run(|o, p| conditional(o, p, RuleKind::RequiredIf, false, "m", false, &"tpsl"))
                .is_empty()
        );
        assert!(
            run(|o, p| conditional(o, p, RuleKind::RequiredIf, true, "m", true, &"tpsl"))
                .is_empty()
        );
        assert_eq!(
            run(|o, p| conditional(o, p, RuleKind::RequiredUnless, false, "m", false, &"tpsl")),
            broke(RuleKind::RequiredUnless)
        );
        assert!(
            run(|o, p| conditional(o, p, RuleKind::RequiredUnless, false, "m", true, &"tpsl"))
                .is_empty()
        );
        assert!(
            run(|o, p| conditional(o, p, RuleKind::RequiredUnless, true, "m", false, &"tpsl"))
                .is_empty()
        );
        assert_eq!(
            run(|o, p| conditional(o, p, RuleKind::AbsentIf, true, "m", true, &"track_plan")),
            broke(RuleKind::AbsentIf)
        );
        assert!(
            run(|o, p| conditional(o, p, RuleKind::AbsentIf, true, "m", false, &"track_plan"))
                .is_empty()
        );
        assert!(
            run(|o, p| conditional(o, p, RuleKind::AbsentIf, false, "m", true, &"track_plan"))
                .is_empty()
        );
        assert!(holds(&Some(3u8), &3) && !holds(&None::<u8>, &3) && holds(&3u8, &3));
    }

    #[test]
    fn requires() {
        assert_eq!(
            run(|o, p| super::requires(o, p, true, "list", false)),
            broke(RuleKind::Requires)
        );
        assert!(run(|o, p| super::requires(o, p, true, "list", true)).is_empty());
        assert!(run(|o, p| super::requires(o, p, false, "list", false)).is_empty());
    }

    #[test]
    fn one_of() {
        assert_eq!(
            run(|o, p| at_least_one_of(o, p, &["a", "b"], &[false, false])),
            broke(RuleKind::AtLeastOneOf)
        );
        assert!(run(|o, p| at_least_one_of(o, p, &["a", "b"], &[false, true])).is_empty());
        assert!(run(|o, p| at_least_one_of(o, p, &["a", "b"], &[true, true])).is_empty());
        assert_eq!(
            run(|o, p| exactly_one_of(o, p, &["a", "b"], &[false, false])),
            broke(RuleKind::ExactlyOneOf)
        );
        assert_eq!(
            run(|o, p| exactly_one_of(o, p, &["a", "b"], &[true, true])),
            broke(RuleKind::ExactlyOneOf)
        );
        assert!(run(|o, p| exactly_one_of(o, p, &["a", "b"], &[true, false])).is_empty());
    }

    #[test]
    fn lists() {
        assert_eq!(
            run(|o, p| max_items(o, p, Some(51), 50)),
            broke(RuleKind::MaxItems)
        );
        assert!(run(|o, p| max_items(o, p, Some(50), 50)).is_empty());
        assert!(run(|o, p| max_items(o, p, None, 50)).is_empty());
        assert_eq!(
            run(|o, p| non_empty(o, p, Some(0))),
            broke(RuleKind::NonEmpty)
        );
        assert!(run(|o, p| non_empty(o, p, Some(1))).is_empty());
        assert!(run(|o, p| non_empty(o, p, None)).is_empty());
        assert_eq!(ListLen::list_len(&Some(vec![1, 2])), Some(2));
        assert_eq!(ListLen::list_len(&None::<Vec<u8>>), None);
        assert!(items(&None::<Vec<u8>>).is_empty());
    }

    #[test]
    fn texts() {
        assert_eq!(
            run(|o, p| max_len(o, p, Some(&"x".repeat(51)), 50)),
            broke(RuleKind::MaxLen)
        );
        assert!(run(|o, p| max_len(o, p, Some(&"x".repeat(50)), 50)).is_empty());
        // Characters, not bytes.
        assert!(run(|o, p| max_len(o, p, Some(&"龙".repeat(50)), 50)).is_empty());
        assert!(run(|o, p| max_len(o, p, None, 50)).is_empty());
        assert_eq!(
            run(|o, p| uppercase(o, p, Some("usdt"))),
            broke(RuleKind::Uppercase)
        );
        assert_eq!(
            run(|o, p| uppercase(o, p, Some("USDt"))),
            broke(RuleKind::Uppercase)
        );
        assert!(run(|o, p| uppercase(o, p, Some("USDT"))).is_empty());
        assert!(run(|o, p| uppercase(o, p, Some("1000PEPE"))).is_empty());
        assert!(run(|o, p| uppercase(o, p, None)).is_empty());
    }

    #[test]
    fn no_mix_over_items() {
        let names = ["orderId", "clientOid"];
        let mixed = run(|o, p| no_mix(o, p, &names, [Some(0), Some(0), Some(1)]));
        assert_eq!(mixed, vec![("f[2]".to_owned(), RuleKind::NoMix)]);
        assert!(run(|o, p| no_mix(o, p, &names, [Some(1), Some(1)])).is_empty());
        // An item with no id is the business of its own rule, not a mix.
        assert!(run(|o, p| no_mix(o, p, &names, [None, Some(1)])).is_empty());
        assert_eq!(first_present(&[false, true]), Some(1));
        assert_eq!(first_present(&[true, true]), Some(0));
        assert_eq!(first_present(&[false, false]), None);
    }

    #[test]
    fn bounds() {
        assert_eq!(
            run(|o, p| min(o, p, Some(&0u32), 1, None)),
            broke(RuleKind::Min)
        );
        assert!(run(|o, p| min(o, p, Some(&1u32), 1, None)).is_empty());
        assert!(run(|o, p| min(o, p, None::<&u32>, 1, None)).is_empty());
        // Countdown: 0 or 5 to 60.
        assert!(run(|o, p| min(o, p, Some(&0u32), 5, Some(0))).is_empty());
        assert_eq!(
            run(|o, p| min(o, p, Some(&4u32), 5, Some(0))),
            broke(RuleKind::Min)
        );
        assert_eq!(
            run(|o, p| max(o, p, Some(&61u32), 60, Some(0))),
            broke(RuleKind::Max)
        );
        assert!(run(|o, p| max(o, p, Some(&60u32), 60, None)).is_empty());
        let ten = rust_decimal::Decimal::new(10, 0);
        assert_eq!(
            run(|o, p| max(o, p, Some(&rust_decimal::Decimal::new(1001, 2)), ten, None)),
            broke(RuleKind::Max)
        );
        assert!(run(|o, p| max(o, p, Some(&ten), ten, None)).is_empty());
        let zero = rust_decimal::Decimal::ZERO;
        assert_eq!(run(|o, p| gt(o, p, Some(&zero), zero)), broke(RuleKind::Gt));
        assert_eq!(
            run(|o, p| gt(o, p, Some(&rust_decimal::Decimal::new(-1, 2)), zero)),
            broke(RuleKind::Gt)
        );
        assert!(run(|o, p| gt(o, p, Some(&rust_decimal::Decimal::new(1, 8)), zero)).is_empty());
        assert!(run(|o, p| gt(o, p, None, zero)).is_empty());
        assert_eq!(
            run(|o, p| min_items(o, p, Some(1), 2)),
            broke(RuleKind::MinItems)
        );
        assert!(run(|o, p| min_items(o, p, Some(2), 2)).is_empty());
        assert!(run(|o, p| min_items(o, p, None, 2)).is_empty());
    }

    #[test]
    fn together_and_windows() {
        let names: &'static [&'static str] = &["newSize", "newPrice"];
        let mut out = Violations::default();
        together(&mut out, &Path::ROOT, names, &[true, false]);
        let err = out
            .finish("t")
            .err()
            .unwrap_or_else(|| panic!("expected an error"));
        assert!(err.has("newPrice", RuleKind::Together), "{err}");
        for both in [[true, true], [false, false]] {
            let mut out = Violations::default();
            together(&mut out, &Path::ROOT, names, &both);
            assert!(out.finish("t").is_ok());
        }
        const DAY: i128 = 86_400_000;
        let check = |start: Option<i128>, end: Option<i128>| {
            let mut out = Violations::default();
            window(
                &mut out,
                &Path::ROOT,
                ("startTime", "endTime"),
                start,
                end,
                7,
            );
            out.finish("t")
                .err()
                .map(|e| (e.violations[0].path.clone(), e.violations[0].rule))
        };
        assert_eq!(check(Some(0), Some(7 * DAY)), None);
        assert_eq!(
            check(Some(0), Some(7 * DAY + 1)),
            Some(("endTime".into(), RuleKind::Window))
        );
        assert_eq!(
            check(Some(DAY), Some(0)),
            Some(("endTime".into(), RuleKind::Window))
        );
        assert_eq!(check(None, Some(100 * DAY)), None);
        assert_eq!(millis::<_, u64>(&Some(5u64)), Some(5));
    }

    #[test]
    fn custom() {
        assert_eq!(
            run(|o, p| super::custom(o, p, "f", Err("bad".into()))),
            broke(RuleKind::Custom)
        );
        assert!(run(|o, p| super::custom(o, p, "f", Ok(()))).is_empty());
    }
}
