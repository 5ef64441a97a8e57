//! The README's table of supported endpoints says what the crates declare: each declared
//! endpoint's row names its method, path and type, and the counts above the table agree with
//! the rows that name a type.

use bitget_endpoints::Endpoint;
use bitget_endpoints::mix::order::{BatchCancelOrders, CancelAllOrders, CancelPlanOrder};
use bitget_endpoints::spot::trade::{BatchCancelOrder, CancelOrder};
use bitget_endpoints::{mix, uta};

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
        row::<uta::market::Instruments>("uta::market::Instruments"),
        row::<uta::market::Tickers>("uta::market::Tickers"),
        row::<uta::market::Orderbook>("uta::market::Orderbook"),
        row::<uta::market::Candles>("uta::market::Candles"),
        row::<uta::market::HistoryCandles>("uta::market::HistoryCandles"),
        row::<uta::market::Fills>("uta::market::Fills"),
        row::<uta::market::CurrentFundRate>("uta::market::CurrentFundRate"),
        row::<uta::market::HistoryFundRate>("uta::market::HistoryFundRate"),
        row::<uta::market::OpenInterest>("uta::market::OpenInterest"),
        row::<uta::market::OiLimit>("uta::market::OiLimit"),
        row::<uta::market::PositionTier>("uta::market::PositionTier"),
        row::<uta::trade::PlaceOrder>("uta::trade::PlaceOrder"),
        row::<uta::trade::PlaceBatch>("uta::trade::PlaceBatch"),
        row::<uta::trade::ModifyOrder>("uta::trade::ModifyOrder"),
        row::<uta::trade::BatchModifyOrder>("uta::trade::BatchModifyOrder"),
        row::<uta::trade::CancelOrder>("uta::trade::CancelOrder"),
        row::<uta::trade::CancelBatch>("uta::trade::CancelBatch"),
        row::<uta::trade::CancelSymbolOrder>("uta::trade::CancelSymbolOrder"),
        row::<uta::trade::ClosePositions>("uta::trade::ClosePositions"),
        row::<uta::trade::CountdownCancelAll>("uta::trade::CountdownCancelAll"),
        row::<uta::trade::OrderInfo>("uta::trade::OrderInfo"),
        row::<uta::trade::UnfilledOrders>("uta::trade::UnfilledOrders"),
        row::<uta::trade::HistoryOrders>("uta::trade::HistoryOrders"),
        row::<uta::trade::Fills>("uta::trade::Fills"),
        row::<uta::trade::PlaceStrategyOrder>("uta::trade::PlaceStrategyOrder"),
        row::<uta::trade::ModifyStrategyOrder>("uta::trade::ModifyStrategyOrder"),
        row::<uta::trade::CancelStrategyOrder>("uta::trade::CancelStrategyOrder"),
        row::<uta::trade::UnfilledStrategyOrders>("uta::trade::UnfilledStrategyOrders"),
        row::<uta::trade::HistoryStrategyOrders>("uta::trade::HistoryStrategyOrders"),
        row::<uta::position::CurrentPosition>("uta::position::CurrentPosition"),
        row::<uta::position::HistoryPosition>("uta::position::HistoryPosition"),
        row::<uta::position::AdlRank>("uta::position::AdlRank"),
        row::<uta::account::Assets>("uta::account::Assets"),
        row::<uta::account::Info>("uta::account::Info"),
        row::<uta::account::Settings>("uta::account::Settings"),
        row::<uta::account::SetLeverage>("uta::account::SetLeverage"),
        row::<uta::account::SetHoldMode>("uta::account::SetHoldMode"),
        row::<uta::account::SetMargin>("uta::account::SetMargin"),
        row::<uta::account::FeeRate>("uta::account::FeeRate"),
        row::<uta::account::FinancialRecords>("uta::account::FinancialRecords"),
        row::<uta::account::FundingAssets>("uta::account::FundingAssets"),
        row::<uta::account::Transfer>("uta::account::Transfer"),
        row::<uta::account::MaxOpenAvailable>("uta::account::MaxOpenAvailable"),
        row::<mix::market::Contracts>("mix::market::Contracts"),
        row::<mix::market::Ticker>("mix::market::Ticker"),
        row::<mix::market::Tickers>("mix::market::Tickers"),
        row::<mix::market::MergeDepth>("mix::market::MergeDepth"),
        row::<mix::market::Candles>("mix::market::Candles"),
        row::<mix::market::HistoryCandles>("mix::market::HistoryCandles"),
        row::<mix::market::HistoryIndexCandles>("mix::market::HistoryIndexCandles"),
        row::<mix::market::HistoryMarkCandles>("mix::market::HistoryMarkCandles"),
        row::<mix::market::Fills>("mix::market::Fills"),
        row::<mix::market::FillsHistory>("mix::market::FillsHistory"),
        row::<mix::market::OpenInterest>("mix::market::OpenInterest"),
        row::<mix::market::FundingTime>("mix::market::FundingTime"),
        row::<mix::market::SymbolPrice>("mix::market::SymbolPrice"),
        row::<mix::market::CurrentFundRate>("mix::market::CurrentFundRate"),
        row::<mix::market::HistoryFundRate>("mix::market::HistoryFundRate"),
        row::<mix::market::QueryPositionLever>("mix::market::QueryPositionLever"),
        row::<mix::order::PlaceOrder>("mix::order::PlaceOrder"),
        row::<mix::order::ClickBackhand>("mix::order::ClickBackhand"),
        row::<mix::order::BatchPlaceOrder>("mix::order::BatchPlaceOrder"),
        row::<mix::order::ModifyOrder>("mix::order::ModifyOrder"),
        row::<mix::order::CancelOrder>("mix::order::CancelOrder"),
        row::<mix::order::ClosePositions>("mix::order::ClosePositions"),
        row::<mix::order::Detail>("mix::order::Detail"),
        row::<mix::order::Fills>("mix::order::Fills"),
        row::<mix::order::FillHistory>("mix::order::FillHistory"),
        row::<mix::order::OrdersPending>("mix::order::OrdersPending"),
        row::<mix::order::OrdersHistory>("mix::order::OrdersHistory"),
        row::<mix::order::PlaceTpslOrder>("mix::order::PlaceTpslOrder"),
        row::<mix::order::PlacePosTpsl>("mix::order::PlacePosTpsl"),
        row::<mix::order::ModifyTpslOrder>("mix::order::ModifyTpslOrder"),
        row::<mix::order::PlacePlanOrder>("mix::order::PlacePlanOrder"),
        row::<mix::order::ModifyPlanOrder>("mix::order::ModifyPlanOrder"),
        row::<mix::order::OrdersPlanPending>("mix::order::OrdersPlanPending"),
        row::<mix::order::OrdersPlanHistory>("mix::order::OrdersPlanHistory"),
        row::<mix::order::PlanSubOrder>("mix::order::PlanSubOrder"),
        row::<mix::position::SinglePosition>("mix::position::SinglePosition"),
        row::<mix::position::AllPosition>("mix::position::AllPosition"),
        row::<mix::position::HistoryPosition>("mix::position::HistoryPosition"),
        row::<mix::account::Account>("mix::account::Account"),
        row::<mix::account::Accounts>("mix::account::Accounts"),
        row::<mix::account::SetLeverage>("mix::account::SetLeverage"),
        row::<mix::account::SetMargin>("mix::account::SetMargin"),
        row::<mix::account::SetMarginMode>("mix::account::SetMarginMode"),
        row::<mix::account::SetPositionMode>("mix::account::SetPositionMode"),
        row::<mix::account::Bill>("mix::account::Bill"),
        row::<mix::account::MaxOpen>("mix::account::MaxOpen"),
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

/// Every `#[bitget_endpoint(METHOD, "path", ..)]` written in the endpoints crate, read from its
/// sources, so an endpoint declared without a README row is caught even when the typed list
/// above is not updated.
fn declared_in_sources() -> Vec<String> {
    fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| {
                e.unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                    .path()
            })
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                for rest in text.split("#[bitget_endpoint(").skip(1) {
                    let mut parts = rest.splitn(3, '"');
                    let method = parts.next().unwrap_or("").trim().trim_end_matches(',');
                    let path = parts.next().unwrap_or("");
                    out.push(format!("`{} {}`", method.trim(), path));
                }
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../bitget-endpoints/src");
    let mut out = Vec::new();
    walk(&root, &mut out);
    out
}

#[test]
fn each_endpoint_declared_in_the_sources_has_a_row_naming_its_type() {
    let declared = declared_in_sources();
    // 51 v2 (5 seeds + 46 futures) and 43 v3 when this test was written; fewer means the scan
    // broke, not that endpoints went away.
    assert!(declared.len() >= 94, "the scan found {declared:?}");
    for endpoint in &declared {
        let row = README
            .lines()
            .find(|l| l.split('|').nth(3).map(str::trim) == Some(endpoint.as_str()));
        let Some(row) = row else {
            panic!("the README's table has no row for {endpoint}");
        };
        let declared_as = row.split('|').nth(4).unwrap_or("").trim();
        assert!(
            declared_as.starts_with('`'),
            "the README's row for {endpoint} does not name its type: {row}"
        );
    }
    let v2 = declared.iter().filter(|e| e.contains(" /api/v2/")).count();
    let v3 = declared.iter().filter(|e| e.contains(" /api/v3/")).count();
    assert_eq!(v2 + v3, declared.len(), "a declaration outside v2 and v3");
    let said =
        format!("v2 (Classic) **{v2} of the 81** catalogued, v3 (Unified) **{v3} of the 43**");
    assert!(README.contains(&said), "the README should say: {said}");
}
