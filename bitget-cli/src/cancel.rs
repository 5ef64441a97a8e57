//! `cancel`: open orders cancelled by id, by symbol, or every one (`--all`, trigger orders
//! included), through the library's bulk cancel (requests of the endpoint's batch size, as fast
//! as the limiter allows, one outcome per order). A confirmation unless `--yes`, a progress bar
//! while it runs, then one line per order that was not cancelled and a summary; the exit status
//! is 1 when anything was not cancelled.

use std::collections::BTreeMap;
use std::io::{BufRead as _, Write as _};

use bitget_endpoints::bulk::{BulkCancel, BulkReport, OrderRef, Outcome, Unknown};
use bitget_endpoints::mix::ProductType;
use bitget_endpoints::uta::{AccountFamily, Category, account_family};
use bitget_endpoints::{Client, stop};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{Value, json};

use crate::account::{FUTURES_LINES, UNIFIED_FUTURES};
use crate::output::print_json;
use crate::{Done, Failure};

/// `bitget cancel [IDS...] [--symbol S] [--line L] [--all] [--yes]`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Order ids to cancel (with `--symbol`); without ids, every open normal order of the
    /// symbol on the line (its trigger orders are cancelled by `--all`, or by id through
    /// `bitget call`).
    ids: Vec<String>,
    /// The symbol the ids belong to, or whose open orders to cancel.
    #[arg(long)]
    symbol: Option<String>,
    /// The product line: `spot` or a futures product type (`usdt-futures` when not given) on
    /// a Classic account, a category (`SPOT`, `USDT-FUTURES`, ...) on a Unified one.
    #[arg(long)]
    line: Option<String>,
    /// The ids are client order ids (`clientOid`), not Bitget's.
    #[arg(long)]
    client_ids: bool,
    /// Every open order on every product line, trigger orders included.
    #[arg(long, conflicts_with_all = ["ids", "symbol", "line", "client_ids"])]
    all: bool,
    /// Do not ask for confirmation.
    #[arg(long)]
    yes: bool,
}

/// Orders to cancel in one bulk: the line, the symbol, the ids.
pub(crate) struct Group {
    line: Line,
    symbol: String,
    pub(crate) ids: Vec<OrderRef>,
}

#[derive(Clone)]
enum Line {
    Spot,
    Futures(ProductType),
    Unified(Category),
}

impl Line {
    fn name(&self) -> &str {
        match self {
            Line::Spot => "SPOT",
            Line::Futures(p) => p.as_str(),
            Line::Unified(c) => c.as_str(),
        }
    }
}

fn line_of(family: AccountFamily, text: &str) -> Result<Line, Failure> {
    let unknown = |what: &str| Failure::usage(format!("--line {text}: {what}"));
    match family {
        AccountFamily::Unified => text
            .to_ascii_uppercase()
            .parse::<Category>()
            .map(Line::Unified)
            .map_err(|_| {
                unknown("not a v3 category (SPOT, USDT-FUTURES, COIN-FUTURES, USDC-FUTURES)")
            }),
        AccountFamily::Classic if text.eq_ignore_ascii_case("spot") => Ok(Line::Spot),
        AccountFamily::Classic => text
            .to_ascii_uppercase()
            .parse::<ProductType>()
            .map(Line::Futures)
            .map_err(|_| {
                unknown("spot or a futures product type (usdt-futures, coin-futures, usdc-futures)")
            }),
    }
}

/// The ids of every open normal order on `line` (and `symbol`), grouped by symbol.
async fn open_groups(
    client: &Client,
    line: &Line,
    symbol: Option<&str>,
) -> Result<Vec<Group>, Failure> {
    let mut by_symbol: BTreeMap<String, Vec<OrderRef>> = BTreeMap::new();
    match line {
        Line::Spot => {
            let mut b = bitget_endpoints::spot::trade::UnfilledOrders::builder().limit(100u32);
            if let Some(s) = symbol {
                b = b.symbol(s);
            }
            for o in b.build()?.stream(client).try_collect().await? {
                by_symbol
                    .entry(o.symbol)
                    .or_default()
                    .push(OrderRef::OrderId(o.order_id));
            }
        }
        Line::Futures(p) => {
            for o in stop::open_futures_orders(client, p.clone(), symbol).await? {
                by_symbol
                    .entry(o.symbol)
                    .or_default()
                    .push(OrderRef::OrderId(o.order_id));
            }
        }
        Line::Unified(c) => {
            let mut b = bitget_endpoints::uta::trade::UnfilledOrders::builder()
                .category(c.clone())
                .limit(100u32);
            if let Some(s) = symbol {
                b = b.symbol(s);
            }
            for o in b.build()?.stream(client).try_collect().await? {
                by_symbol
                    .entry(o.symbol)
                    .or_default()
                    .push(OrderRef::OrderId(o.order_id));
            }
        }
    }
    Ok(by_symbol
        .into_iter()
        .map(|(symbol, ids)| Group {
            line: line.clone(),
            symbol,
            ids,
        })
        .collect())
}

/// Asks on the terminal; anything but `y`/`yes` declines.
pub(crate) fn confirmed(question: &str) -> bool {
    eprint!("{question} [y/N] ");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    if std::io::stdin().lock().read_line(&mut answer).is_err() {
        return false;
    }
    matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes")
}

/// One cancelled-or-not line of the report.
pub(crate) struct Reported {
    line: String,
    symbol: String,
    id: String,
    outcome: Outcome,
}

/// Every open order on every line of `family`, grouped for the bulk cancel.
pub(crate) async fn every_open_order(
    client: &Client,
    family: AccountFamily,
) -> Result<Vec<Group>, Failure> {
    let lines: Vec<Line> = match family {
        AccountFamily::Unified => [Category::Spot, Category::Margin]
            .into_iter()
            .chain(UNIFIED_FUTURES)
            .map(Line::Unified)
            .collect(),
        AccountFamily::Classic => [Line::Spot]
            .into_iter()
            .chain(FUTURES_LINES.map(Line::Futures))
            .collect(),
    };
    let mut groups = Vec::new();
    for line in &lines {
        groups.extend(open_groups(client, line, None).await?);
    }
    Ok(groups)
}

/// An outcome nobody knows, for every order of a request that failed as a whole.
fn unknown(e: bitget_endpoints::Error) -> Outcome {
    Outcome::Unknown(Unknown::Error(std::sync::Arc::new(e)))
}

/// What Bitget said of one cancel sent alone.
fn outcome_of<T>(answer: Result<T, bitget_endpoints::Error>) -> Outcome {
    match answer {
        Ok(_) => Outcome::Cancelled,
        Err(e) => match e.api_error() {
            Some(api) => Outcome::Failed {
                code: Some(api.code.to_string()),
                message: api.message.clone(),
            },
            None => unknown(e),
        },
    }
}

/// Every spot plan order cancelled one by one (the batch endpoint answers per symbol, not per
/// order), then every spot TP/SL order: one entry per order, or one for a listing that failed.
async fn cancel_spot_plans(client: &Client, bar: &ProgressBar) -> Vec<Reported> {
    let entry = |symbol: &str, id: &str, outcome| Reported {
        line: "SPOT".into(),
        symbol: symbol.to_owned(),
        id: id.to_owned(),
        outcome,
    };
    let listed = async {
        let request = bitget_endpoints::spot::trade::CurrentPlanOrder::builder()
            .limit(100u32)
            .build()?;
        request.stream(client).try_collect().await
    };
    let plans = match listed.await {
        Ok(plans) => plans,
        Err(e) => return vec![entry("(plan)", "(not listed)", unknown(e))],
    };
    let mut out = Vec::new();
    for plan in plans {
        let request = bitget_endpoints::spot::trade::CancelPlanOrder::builder()
            .order_id(plan.order_id.as_str())
            .build();
        let outcome = match request {
            Ok(request) => outcome_of(client.send(&request).await),
            Err(e) => unknown(e.into()),
        };
        bar.inc(1);
        out.push(entry(&plan.symbol, &plan.order_id, outcome));
    }
    // Spot TP/SL orders (`tpslType=tpsl`): listed apart by unfilled-orders, cancelled by id.
    let tpsl = bitget_endpoints::spot::TpslType::Tpsl;
    let listed = async {
        let request = bitget_endpoints::spot::trade::UnfilledOrders::builder()
            .tpsl_type(tpsl.clone())
            .limit(100u32)
            .build()?;
        request.stream(client).try_collect().await
    };
    let orders: Vec<bitget_endpoints::spot::trade::OpenOrder> = match listed.await {
        Ok(orders) => orders,
        Err(e) => {
            out.push(entry("(tpsl)", "(not listed)", unknown(e)));
            return out;
        }
    };
    for order in orders {
        let request = bitget_endpoints::spot::trade::CancelOrder::builder()
            .tpsl_type(tpsl.clone())
            .order_id(order.order_id.as_str())
            .build();
        let outcome = match request {
            Ok(request) => outcome_of(client.send(&request).await),
            Err(e) => unknown(e.into()),
        };
        bar.inc(1);
        out.push(entry(&order.symbol, &order.order_id, outcome));
    }
    out
}

/// A bulk's outcomes as report entries.
fn collect(results: &mut Vec<Reported>, line: &Line, symbol: &str, report: BulkReport) {
    for (id, outcome) in report.outcomes {
        results.push(Reported {
            line: line.name().to_owned(),
            symbol: symbol.to_owned(),
            id: id.to_string(),
            outcome,
        });
    }
}

/// Cancels `groups` (and, with `triggers`, every trigger and strategy order of the family),
/// ticking `bar` per order answered: one entry per order.
pub(crate) async fn cancel_groups(
    client: &Client,
    family: AccountFamily,
    groups: Vec<Group>,
    triggers: bool,
    bar: &ProgressBar,
) -> Vec<Reported> {
    let mut results: Vec<Reported> = Vec::new();
    for group in groups {
        let tick = |_: &OrderRef, _: &Outcome| bar.inc(1);
        let ids = group.ids.clone();
        let answer = match &group.line {
            Line::Spot => {
                BulkCancel::spot(client.clone(), group.symbol.clone())
                    .ids(group.ids)
                    .run_with(tick)
                    .await
            }
            Line::Futures(p) => {
                BulkCancel::futures(client.clone(), p.clone(), group.symbol.clone())
                    .ids(group.ids)
                    .run_with(tick)
                    .await
            }
            Line::Unified(c) => {
                BulkCancel::uta(client.clone(), c.clone(), group.symbol.clone())
                    .ids(group.ids)
                    .run_with(tick)
                    .await
            }
        };
        match answer {
            Ok(report) => collect(&mut results, &group.line, &group.symbol, report),
            // A bulk that could not run: each of its orders is not known to be cancelled,
            // and the other groups still run.
            Err(e) => {
                let e = std::sync::Arc::new(e);
                for id in ids {
                    results.push(Reported {
                        line: group.line.name().to_owned(),
                        symbol: group.symbol.clone(),
                        id: id.to_string(),
                        outcome: Outcome::Unknown(Unknown::Error(e.clone())),
                    });
                }
            }
        }
    }
    if triggers {
        // Trigger orders: every kind, listed and cancelled by id per line; a line whose
        // listing fails is one entry, and the others still run.
        let mut lines: Vec<(Line, &str, Result<BulkReport, bitget_endpoints::Error>)> = Vec::new();
        match family {
            AccountFamily::Unified => {
                for c in UNIFIED_FUTURES {
                    let report = stop::cancel_every_strategy_order(client, c.clone()).await;
                    lines.push((Line::Unified(c), "(strategy)", report));
                }
            }
            AccountFamily::Classic => {
                for p in FUTURES_LINES {
                    let report = stop::cancel_every_futures_trigger(client, p.clone(), None).await;
                    lines.push((Line::Futures(p), "(trigger)", report));
                }
            }
        }
        for (line, what, report) in lines {
            match report {
                Ok(report) => collect(&mut results, &line, what, report),
                Err(e) => results.push(Reported {
                    line: line.name().to_owned(),
                    symbol: what.to_owned(),
                    id: "(not listed)".into(),
                    outcome: unknown(e),
                }),
            }
        }
        if family == AccountFamily::Classic {
            results.extend(cancel_spot_plans(client, bar).await);
        }
    }
    results
}

/// The bar of a long run, on standard error (hidden when it is not a terminal).
pub(crate) fn progress(total: usize, what: &'static str) -> ProgressBar {
    let bar = ProgressBar::new(total as u64);
    bar.set_style(
        ProgressStyle::with_template(&format!("{{bar:40}} {{pos}}/{{len}} {what} ({{eta}} left)"))
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

/// The orders not cancelled, one line each (or JSON), and the summary; whether all were.
pub(crate) fn report(results: &[Reported], json: bool) -> (bool, Value) {
    // A duplicate id was sent once: its outcome is the first one's, not a failure.
    let failed: Vec<&Reported> = results
        .iter()
        .filter(|r| !matches!(r.outcome, Outcome::Cancelled | Outcome::Duplicate))
        .collect();
    let cancelled = (results.iter())
        .filter(|r| matches!(r.outcome, Outcome::Cancelled))
        .count();
    let summary = json!({
        "cancelled": cancelled,
        "notCancelled": failed.iter().map(|r| json!({
            "line": r.line, "symbol": r.symbol, "id": r.id, "outcome": r.outcome.to_string(),
        })).collect::<Vec<Value>>(),
    });
    if !json {
        for r in &failed {
            out!(
                "not cancelled: {} {} {}: {}",
                r.line,
                r.symbol,
                r.id,
                r.outcome
            );
        }
        out!(
            "cancelled {cancelled} of {}; {} not cancelled",
            cancelled + failed.len(),
            failed.len()
        );
    }
    (failed.is_empty(), summary)
}

pub(crate) async fn run(client: &Client, args: Args, json: bool) -> Result<Done, Failure> {
    let family = account_family(client).await?;
    let groups = if args.all {
        every_open_order(client, family).await?
    } else {
        let Some(symbol) = args.symbol.as_deref() else {
            return Err(Failure::usage(
                "say what to cancel: ids with --symbol, --symbol alone (its every open order), or --all",
            ));
        };
        let line = line_of(family, args.line.as_deref().unwrap_or("usdt-futures"))?;
        if args.ids.is_empty() {
            open_groups(client, &line, Some(symbol)).await?
        } else {
            let ids = args
                .ids
                .iter()
                .map(|id| {
                    if args.client_ids {
                        OrderRef::ClientOid(id.clone())
                    } else {
                        OrderRef::OrderId(id.clone())
                    }
                })
                .collect();
            vec![Group {
                line,
                symbol: symbol.to_owned(),
                ids,
            }]
        }
    };
    let total: usize = groups.iter().map(|g| g.ids.len()).sum();
    if total == 0 && !args.all {
        eprintln!("nothing to cancel");
        return Ok(Done::Ok);
    }
    let what = if args.all {
        format!("{total} open orders on every line, and every trigger order")
    } else {
        // Named, so an operator who meant spot sees that the futures line was taken.
        let lines: std::collections::BTreeSet<String> = (groups.iter())
            .map(|g| format!("{} {}", g.line.name(), g.symbol))
            .collect();
        let named: Vec<String> = lines.into_iter().collect();
        format!("{total} orders on {}", named.join(", "))
    };
    if !args.yes && !confirmed(&format!("cancel {what}?")) {
        eprintln!("not confirmed: nothing was cancelled");
        return Ok(Done::Incomplete);
    }
    let bar = progress(total, "cancelled or answered");
    let results = cancel_groups(client, family, groups, args.all, &bar).await;
    bar.finish_and_clear();
    let (all_done, mut summary) = report(&results, json);
    // Everything listed again: an order placed while the question waited, or a kind no
    // cancel above reaches, is said and fails the run rather than pass as done.
    let left = if args.all {
        still_open(client, family, json).await
    } else {
        Vec::new()
    };
    if json {
        summary["stillOpen"] = Value::Array(left.clone());
        print_json(&summary);
    }
    Ok(if all_done && left.is_empty() {
        Done::Ok
    } else {
        Done::Incomplete
    })
}

/// The orders still open after a cancel of everything, each said on standard output (unless
/// `json`), with a summary line; a listing that fails is said as one entry.
pub(crate) async fn still_open(client: &Client, family: AccountFamily, json: bool) -> Vec<Value> {
    let left: Vec<Value> = match crate::account::open_orders_of(client, family).await {
        Ok((normal, triggers)) => normal.into_iter().chain(triggers).collect(),
        Err(e) => vec![
            json!({ "error": format!("the orders could not be listed again: {}", e.message()) }),
        ],
    };
    if !json {
        for o in &left {
            let field = |k: &str| o[k].as_str().unwrap_or("").to_owned();
            match o.get("error") {
                Some(e) => out!("not confirmed: {}", e.as_str().unwrap_or("")),
                None => out!(
                    "still open: {} {} {}",
                    field("line").max(field("category")),
                    field("symbol"),
                    field("orderId")
                ),
            }
        }
        if !left.is_empty() {
            out!("{} orders still open after the cancel", left.len());
        }
    }
    left
}
