//! The README's table of supported endpoints says what the crates declare: each declared
//! endpoint's row names its method, path and type, and the counts above the table agree with
//! the rows that name a type.

use bitget_endpoints::inventory;

const README: &str = include_str!("../../README.md");

/// Every declared endpoint (the inventory, generated from the declarations) has its row, naming
/// its method, path and type.
#[test]
fn each_declared_endpoint_has_its_row() {
    assert!(inventory::ALL.len() >= 123, "the inventory lost endpoints");
    for e in inventory::ALL {
        let r = format!("| `{} {}` | `{}` |", e.method.as_str(), e.path, e.rust_path);
        assert!(README.contains(r.as_str()), "the README has no row {r}");
    }
}

#[test]
fn the_counts_agree_with_the_table() {
    // A row: | § | group | `METHOD /path` | declared as | simulator |
    let count = |family: &str| {
        let rows = README
            .lines()
            .filter(|l| l.starts_with(&format!("| {family} ")));
        let (mut all, mut declared) = (0, 0);
        for line in rows {
            all += 1;
            let declared_as = line.split('|').nth(4).unwrap_or("").trim();
            // The server time lives in the core, not among the declared endpoints.
            if declared_as.starts_with("`") && !declared_as.contains("(core)") {
                declared += 1;
            }
        }
        (declared, all)
    };
    let ((v2, v2_all), (v3, v3_all)) = (count("v2"), count("v3"));
    let said = format!(
        "Declared endpoints: v2 (Classic) **{v2} of the {v2_all}** catalogued, v3 (Unified) **{v3} of the {v3_all}**"
    );
    assert!(README.contains(&said), "the README should say: {said}");
    use inventory::Family;
    let declared = |f: Family| inventory::of(f).count();
    assert_eq!(
        (v2, v3),
        (
            declared(Family::Spot) + declared(Family::Mix),
            declared(Family::Uta)
        ),
        "the rows naming a type are the declared endpoints"
    );
    assert_eq!(
        (v2_all, v3_all),
        (81, 43),
        "every catalogued endpoint has a row"
    );
}
