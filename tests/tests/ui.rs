//! trybuild: every mistake in a declaration is a compile error at the right token, sorted by
//! what it is about: the attribute's arguments (`ui/endpoint`), the struct's shape
//! (`ui/shape`), the rules (`ui/rules`), response types (`ui/response`), stream channels
//! (`ui/channel`); every mistake in using
//! a builder is one too, with a message that says what happened (`ui/builder`); every rule form
//! compiles and behaves (`ui/pass`). Regenerate the `.stderr` files with
//! `TRYBUILD=overwrite cargo test -p bitget-tests --test ui` and read the diff before committing.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("ui/pass/*.rs");
    t.compile_fail("ui/endpoint/*.rs");
    t.compile_fail("ui/shape/*.rs");
    t.compile_fail("ui/rules/*.rs");
    t.compile_fail("ui/response/*.rs");
    t.compile_fail("ui/builder/*.rs");
    t.compile_fail("ui/channel/*.rs");
}
