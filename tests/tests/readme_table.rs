//! The README's table of supported endpoints says what the crates declare: each declared
//! endpoint's row names its method, path and type, and the counts above the table agree with
//! the rows that name a type.

use bitget_endpoints::Endpoint;
use bitget_endpoints::mix::order::{BatchCancelOrders, CancelAllOrders, CancelPlanOrder};
use bitget_endpoints::spot::trade::{BatchCancelOrder, CancelOrder};

const README: &str = include_str!("../../README.md");

fn row<E: Endpoint>(rust_path: &str) -> String {
    format!("| `{} {}` | `{rust_path}` |", E::METHOD.as_str(), E::PATH)
}

#[test]
fn each_declared_endpoint_has_its_row() {
    let rows = [
        row::<CancelPlanOrder>("mix::order::CancelPlanOrder"),
        row::<BatchCancelOrders>("mix::order::BatchCancelOrders"),
        row::<CancelAllOrders>("mix::order::CancelAllOrders"),
        row::<CancelOrder>("spot::trade::CancelOrder"),
        row::<BatchCancelOrder>("spot::trade::BatchCancelOrder"),
    ];
    for r in &rows {
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
    assert_eq!(
        (v2_all, v3_all),
        (81, 43),
        "every catalogued endpoint has a row"
    );
}
