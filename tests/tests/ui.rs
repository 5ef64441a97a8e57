//! trybuild: every mistake in a declaration is a compile error at the right token
//! (`ui/fail`), every mistake in using a builder is one too, with a message that says what
//! happened (`ui/builder`), and every rule form compiles (`ui/pass`). Regenerate the `.stderr` files with
//! `TRYBUILD=overwrite cargo test -p bitget-tests --test ui` and read the diff before committing.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("ui/pass/*.rs");
    t.compile_fail("ui/fail/*.rs");
    t.compile_fail("ui/builder/*.rs");
}
