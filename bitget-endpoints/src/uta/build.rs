//! Tells the `bitget-endpoints` build script where this crate's declarations are (the `links`
//! metadata `src`), so its inventory is generated from them, in the workspace and when
//! published alike.

fn main() {
    let dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    println!("cargo::metadata=src={dir}");
}
