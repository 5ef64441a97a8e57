//! Every endpoint this crate declares, as data: its method, path, family, Rust type, rate limit
//! and rules. Generated from the declarations by `build.rs` (nothing here is kept by hand), so the
//! README's table, the doc-fixture tests and the command line read one list.
//!
//! ```
//! let place = bitget_endpoints::inventory::find("/api/v2/spot/trade/place-order");
//! assert_eq!(place.map(|e| e.rust_path), Some("spot::trade::PlaceOrder"));
//! ```

use bitget_core::validate::DeclaredRule;
use bitget_core::{Endpoint, Method, RateLimit};

/// The product family of an endpoint (one cargo feature each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// v2 spot (`/api/v2/spot/...`).
    Spot,
    /// v2 futures (`/api/v2/mix/...`).
    Mix,
    /// v3 Unified account (`/api/v3/...`).
    Uta,
}

/// One declared endpoint.
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct Declared {
    /// The family it belongs to.
    pub family: Family,
    /// HTTP method.
    pub method: Method,
    /// REST path (`/api/v2/spot/trade/place-order`).
    pub path: &'static str,
    /// Its request type, from the crate root (`spot::trade::PlaceOrder`).
    pub rust_path: &'static str,
    /// The documented rate limit.
    pub rate_limit: RateLimit,
    /// Whether it is signed (private).
    pub signed: bool,
    /// The full name of its answer type.
    pub response_type: fn() -> &'static str,
    /// Every rule declared on it, at the wire path where a broken one is reported.
    pub declared_rules: fn() -> Vec<DeclaredRule>,
    /// Its request and answer read from and written to JSON, without naming the types.
    #[cfg(feature = "dynamic")]
    pub json: crate::dynamic::JsonForms,
}

impl std::fmt::Debug for Declared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Declared")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("rust_path", &self.rust_path)
            .finish_non_exhaustive()
    }
}

#[cfg(not(feature = "dynamic"))]
#[cfg_attr(
    not(any(feature = "spot", feature = "mix", feature = "uta")),
    allow(dead_code, reason = "no family enabled: the inventory is empty")
)]
const fn entry<E: Endpoint>(family: Family, rust_path: &'static str) -> Declared {
    Declared {
        family,
        method: E::METHOD,
        path: E::PATH,
        rust_path,
        rate_limit: E::RATE_LIMIT,
        signed: E::SIGNED,
        response_type: std::any::type_name::<E::Response>,
        declared_rules: E::declared_rules,
    }
}

#[cfg(feature = "dynamic")]
#[cfg_attr(
    not(any(feature = "spot", feature = "mix", feature = "uta")),
    allow(dead_code, reason = "no family enabled: the inventory is empty")
)]
const fn entry<E>(family: Family, rust_path: &'static str) -> Declared
where
    E: Endpoint + serde::de::DeserializeOwned + Send + Sync + 'static,
    E::Response: bitget_core::wire::WireShape + serde::Serialize,
{
    Declared {
        family,
        method: E::METHOD,
        path: E::PATH,
        rust_path,
        rate_limit: E::RATE_LIMIT,
        signed: E::SIGNED,
        response_type: std::any::type_name::<E::Response>,
        declared_rules: E::declared_rules,
        json: crate::dynamic::JsonForms::of::<E>(),
    }
}

/// Every endpoint declared under the enabled features, sorted by path.
pub static ALL: &[Declared] = include!(concat!(env!("OUT_DIR"), "/inventory_entries.rs"));

/// The endpoint declared at `path`, if any.
pub fn find(path: &str) -> Option<&'static Declared> {
    ALL.iter().find(|e| e.path == path)
}

/// The endpoints of one family.
pub fn of(family: Family) -> impl Iterator<Item = &'static Declared> {
    ALL.iter().filter(move |e| e.family == family)
}
