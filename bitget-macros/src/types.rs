//! What a field's type is, read from its syntax (the macros cannot resolve types): the shapes
//! that decide the builder, the rules a field may carry, and how a response field is read.

use syn::Type;

use crate::ast::Shape;

/// `T` of `Name<T>` when `ty` is that (by its last path segment).
pub(crate) fn generic_arg<'a>(ty: &'a Type, name: &str) -> Option<&'a Type> {
    let Type::Path(p) = ty else { return None };
    if p.qself.is_some() {
        return None;
    }
    let last = p.path.segments.last()?;
    if last.ident != name {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first() {
        Some(syn::GenericArgument::Type(t)) if args.args.len() == 1 => Some(t),
        _ => None,
    }
}

/// The last path segment's name when it has no arguments (`Decimal`, `bitget_core::Decimal`,
/// `u32`).
fn plain_name(ty: &Type) -> Option<String> {
    let Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    (p.qself.is_none() && last.arguments.is_none()).then(|| last.ident.to_string())
}

const INTEGERS: &[&str] = &[
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
];

/// A primitive integer.
pub(crate) fn is_integer(ty: &Type) -> bool {
    plain_name(ty).is_some_and(|n| INTEGERS.contains(&n.as_str()))
}

/// An integer that converts into `i128` losslessly (not `usize`, `isize` or `u128`).
pub(crate) fn fits_in_i128(ty: &Type) -> bool {
    is_integer(ty)
        && !plain_name(ty).is_some_and(|n| ["usize", "isize", "u128"].contains(&n.as_str()))
}

/// `Decimal`.
pub(crate) fn is_decimal(ty: &Type) -> bool {
    plain_name(ty).is_some_and(|n| n == "Decimal")
}

/// An integer or a `Decimal`.
pub(crate) fn is_number(ty: &Type) -> bool {
    is_integer(ty) || is_decimal(ty)
}

/// `bool`.
pub(crate) fn is_bool(ty: &Type) -> bool {
    plain_name(ty).is_some_and(|n| n == "bool")
}

/// A request field's shape.
pub(crate) fn shape(ty: &Type) -> Shape {
    let (optional, value) = match generic_arg(ty, "Option") {
        Some(inner) => (true, inner),
        None => (false, ty),
    };
    Shape {
        optional,
        list_item: generic_arg(value, "Vec").cloned(),
        value: value.clone(),
        decimal: is_decimal(value),
        integer: is_integer(value),
    }
}
