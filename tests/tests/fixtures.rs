//! Every declared endpoint against its doc page, family by family: each fixture under
//! `tests/fixtures/{v2/spot, v2/mix, v3}` (one file per endpoint, naming its page) is found,
//! its endpoint looked up in the inventory, and checked: the request example reads into the
//! request type (unknown keys refused) and serialises back equal, batches as top-level arrays;
//! the response example decodes; every field of the example and of the page's response table is
//! one the answer type reads. Every declared endpoint has a fixture (the seeds' pages are the
//! seed documents). No list of endpoints is kept here.

use bitget_endpoints::inventory::Family;
use bitget_tests::every_fixture::check_family;

#[test]
fn every_spot_endpoint_matches_its_doc_page() {
    let n = check_family("v2/spot", Family::Spot);
    assert!(n >= 29, "{n} spot fixtures: the walk lost some");
}

#[test]
fn every_futures_endpoint_matches_its_doc_page() {
    let n = check_family("v2/mix", Family::Mix);
    assert!(n >= 45, "{n} futures fixtures: the walk lost some");
}

#[test]
fn every_unified_endpoint_matches_its_doc_page() {
    let n = check_family("v3", Family::Uta);
    assert!(n >= 43, "{n} unified fixtures: the walk lost some");
}

/// The doc's place-plan-order example is not a valid request (`triggerType: "market_price"`
/// is not one of the table's values): the library refuses it, naming the field.
#[test]
fn the_broken_spot_plan_example_is_refused_before_sending() {
    use bitget_endpoints::spot::trade::PlacePlanOrder;
    let f = bitget_tests::fixtures::fixture("v2/spot/trade/place-plan-order");
    let request: PlacePlanOrder = serde_json::from_value(f["request"].clone())
        .unwrap_or_else(|e| panic!("the mended example reads: {e}"));
    let err = match bitget_core::Endpoint::validate(&request) {
        Ok(()) => panic!("market_price is not a trigger type"),
        Err(e) => e,
    };
    assert!(
        err.has("triggerType", bitget_core::RuleKind::KnownValue),
        "{err}"
    );
}
