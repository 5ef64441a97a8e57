//! Generates the inventory of declared endpoints (`src/inventory.rs` includes it) from the
//! declarations themselves: every `#[bitget_endpoint(METHOD, "/api/...", ..)]` in the enabled
//! family crates' sources and the struct it declares. Each family's build script names its
//! source dir (`links` metadata, read here as `DEP_BITGET_ENDPOINTS_SPOT_SRC`), so this works
//! on a published crate as in the workspace; a declaration in this crate's own `src/` is
//! refused. The Rust path of each is the module rule (`/api/v2/spot/trade/place-order`
//! is `spot::trade::PlaceOrder`, v3 paths live under `uta::`), so a declaration that breaks the
//! rule does not compile: the generated entry names a path that does not exist.
//!
//! A plain text scan, not a parser: a declaration is a line that starts with
//! `#[bitget_endpoint(`, followed (after its attributes and doc comments) by `pub struct Name`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let mut files = Vec::new();
    for family in ["SPOT", "MIX", "UTA"] {
        let var = format!("DEP_BITGET_ENDPOINTS_{family}_SRC");
        println!("cargo:rerun-if-env-changed={var}");
        // Unset when the family's feature is off: nothing of it is declared.
        if let Ok(src) = std::env::var(&var) {
            println!("cargo:rerun-if-changed={src}");
            collect(Path::new(&src), &mut files);
        }
    }
    // The families declare the endpoints; one declared here would be missing from the list.
    println!("cargo:rerun-if-changed=src");
    let mut own = Vec::new();
    collect(Path::new("src"), &mut own);
    // The family crates live under src/ (src/spot/Cargo.toml ...): theirs are not our own.
    own.retain(|f| {
        !["spot", "mix", "uta"]
            .iter()
            .any(|fam| f.starts_with(Path::new("src").join(fam)))
    });
    for file in &own {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let mut found = Vec::new();
        scan(file, &text, &mut found);
        if let Some((_, path, _)) = found.first() {
            panic!(
                "{}: `{path}` is declared in bitget-endpoints itself; declare it in its family's crate",
                file.display()
            );
        }
    }
    files.sort();
    let mut entries = Vec::new();
    for file in &files {
        let text =
            std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        scan(file, &text, &mut entries);
    }
    entries.sort_by(|a: &(String, String, String), b| a.1.cmp(&b.1));
    let mut out = String::from("&[\n");
    for (feature, path, rust_path) in &entries {
        let _ = writeln!(
            out,
            "    #[cfg(feature = \"{feature}\")]\n    entry::<crate::{rust_path}>(Family::{}, \"{rust_path}\"), // {path}",
            family_variant(feature)
        );
    }
    out.push(']');
    let dest = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}")))
        .join("inventory_entries.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| panic!("{}: {e}", dest.display()));
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn family_variant(feature: &str) -> &'static str {
    match feature {
        "spot" => "Spot",
        "mix" => "Mix",
        _ => "Uta",
    }
}

/// Every declaration of one file: (feature, REST path, Rust path).
fn scan(file: &Path, text: &str, out: &mut Vec<(String, String, String)>) {
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = line.trim_start().strip_prefix("#[bitget_endpoint(") else {
            continue;
        };
        let path = rest
            .split('"')
            .nth(1)
            .unwrap_or_else(|| panic!("{}:{}: no path in the declaration", file.display(), i + 1));
        let name = lines[i + 1..]
            .iter()
            .find_map(|l| {
                l.trim_start()
                    .strip_prefix("pub struct ")
                    .map(|s| s.split(|c: char| !c.is_alphanumeric() && c != '_').next())
            })
            .flatten()
            .unwrap_or_else(|| {
                panic!(
                    "{}:{}: no struct after the declaration",
                    file.display(),
                    i + 1
                )
            });
        let (feature, module) = module_of(path).unwrap_or_else(|| {
            panic!(
                "{}:{}: `{path}` is not a v2 or v3 path",
                file.display(),
                i + 1
            )
        });
        out.push((feature, path.to_owned(), format!("{module}::{name}")));
    }
}

/// The feature and module of a REST path: `/api/v2/{family}/{group}/..` is `{family}::{group}`,
/// `/api/v3/{group}/..` is `uta::{group}`.
fn module_of(path: &str) -> Option<(String, String)> {
    let mut parts = path.strip_prefix("/api/")?.split('/');
    match parts.next()? {
        "v2" => {
            let family = parts.next()?;
            let group = parts.next()?;
            Some((family.to_owned(), format!("{family}::{group}")))
        }
        "v3" => {
            let group = parts.next()?;
            Some(("uta".to_owned(), format!("uta::{group}")))
        }
        _ => None,
    }
}
