//! `flatten`: every open order cancelled (trigger orders included), then every position closed
//! at market, one flash close per position named by its symbol and side (never the unscoped
//! "close everything" form), with the same report as `cancel` and a line per position not
//! closed.

use bitget_endpoints::BatchOutcome as _;
use bitget_endpoints::mix::{HoldSide, ProductType};
use bitget_endpoints::uta::{AccountFamily, Category, PosSide, account_family};
use bitget_endpoints::{Client, Error};
use serde_json::{Value, json};

use crate::account::{FUTURES_LINES, UNIFIED_FUTURES};
use crate::cancel::{cancel_groups, confirmed, every_open_order, progress, report, still_open};
use crate::output::print_json;
use crate::{Done, Failure};

/// `bitget flatten [--yes]`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Do not ask for confirmation.
    #[arg(long)]
    yes: bool,
}

/// A position and how its close went.
struct Closed {
    line: String,
    symbol: String,
    side: String,
    size: String,
    error: Option<Error>,
}

/// How a position is named to close it.
enum Side {
    Futures(ProductType, HoldSide),
    Unified(Category, PosSide),
}

/// An open position: line, symbol, side and size as shown, and how to close it.
struct Open {
    line: String,
    symbol: String,
    side: Side,
    size: String,
}

impl Open {
    fn side_name(&self) -> &str {
        match &self.side {
            Side::Futures(_, s) => s.as_str(),
            Side::Unified(_, s) => s.as_str(),
        }
    }
}

/// The open positions of the family.
async fn open_positions(client: &Client, family: AccountFamily) -> Result<Vec<Open>, Failure> {
    let mut all = Vec::new();
    match family {
        AccountFamily::Classic => {
            for line in FUTURES_LINES {
                let request = bitget_endpoints::mix::position::AllPosition::builder()
                    .product_type(line.clone())
                    .build()?;
                for p in client.send(&request).await? {
                    all.push(Open {
                        line: line.as_str().to_owned(),
                        symbol: p.symbol,
                        side: Side::Futures(line.clone(), p.hold_side),
                        size: p.total.to_string(),
                    });
                }
            }
        }
        AccountFamily::Unified => {
            for category in UNIFIED_FUTURES {
                let request = bitget_endpoints::uta::position::CurrentPosition::builder()
                    .category(category.clone())
                    .build()?;
                for p in client.send(&request).await?.list {
                    all.push(Open {
                        line: category.as_str().to_owned(),
                        symbol: p.symbol,
                        side: Side::Unified(category.clone(), p.pos_side),
                        size: p.total.to_string(),
                    });
                }
            }
        }
    }
    Ok(all)
}

/// Closes one position by its symbol and side; a close Bitget lists as failed is an error.
async fn close(client: &Client, open: &Open) -> Result<(), Error> {
    match &open.side {
        Side::Futures(line, side) => {
            let request = bitget_endpoints::mix::order::ClosePositions::builder()
                .symbol(open.symbol.as_str())
                .hold_side(side.clone())
                .product_type(line.clone())
                .build()?;
            let answer = client.send(&request).await?;
            if answer.all_succeeded() {
                Ok(())
            } else {
                Err(Error::config(format!(
                    "Bitget did not close it: {:?}",
                    answer.failure_list
                )))
            }
        }
        Side::Unified(category, side) => {
            let request = bitget_endpoints::uta::trade::ClosePositions::builder()
                .category(category.clone())
                .symbol(open.symbol.as_str())
                .pos_side(side.clone())
                .build()?;
            client
                .send(&request)
                .await?
                .error_for_failures()
                .map(|_| ())
        }
    }
}

pub(crate) async fn run(client: &Client, args: Args, json: bool) -> Result<Done, Failure> {
    let family = account_family(client).await?;
    let groups = every_open_order(client, family).await?;
    let orders: usize = groups.iter().map(|g| g.ids.len()).sum();
    let positions = open_positions(client, family).await?;
    let question = format!(
        "cancel {orders} open orders and every trigger order, and close {} positions at market?",
        positions.len()
    );
    if !args.yes && !confirmed(&question) {
        eprintln!("not confirmed: nothing was cancelled or closed");
        return Ok(Done::Incomplete);
    }
    let bar = progress(orders, "cancelled or answered");
    let results = cancel_groups(client, family, groups, true, &bar).await;
    bar.finish_and_clear();
    let (orders_done, cancelled) = report(&results, json);
    // Positions listed again: a cancelled reduce-only or a trigger that fired changes them.
    let mut closed = Vec::new();
    let open_now = match open_positions(client, family).await {
        Ok(open) => open,
        // Not listed: said, and the run fails; the orders' report stands.
        Err(e) => {
            eprintln!("the positions could not be listed: {}", e.message());
            return Ok(Done::Incomplete);
        }
    };
    for open in open_now {
        let error = close(client, &open).await.err();
        closed.push(Closed {
            side: open.side_name().to_owned(),
            line: open.line,
            symbol: open.symbol,
            size: open.size,
            error,
        });
    }
    let failed: Vec<&Closed> = closed.iter().filter(|c| c.error.is_some()).collect();
    // Listed again: what a bot placed meanwhile, or a position a close did not reach, is said
    // and fails the run.
    let orders_left = still_open(client, family, json).await;
    let positions_left: Vec<Open> = match open_positions(client, family).await {
        Ok(open) => open,
        Err(e) => {
            eprintln!("the positions could not be listed again: {}", e.message());
            return Ok(Done::Incomplete);
        }
    };
    if json {
        print_json(&json!({
            "orders": cancelled,
            "ordersStillOpen": orders_left,
            "positionsStillOpen": positions_left.iter().map(|p| json!({
                "line": p.line, "symbol": p.symbol, "side": p.side_name(), "size": p.size,
            })).collect::<Vec<Value>>(),
            "positionsClosed": closed.len() - failed.len(),
            "positionsNotClosed": failed.iter().map(|c| json!({
                "line": c.line, "symbol": c.symbol, "side": c.side, "size": c.size,
                "error": c.error.as_ref().map(ToString::to_string),
            })).collect::<Vec<Value>>(),
        }));
    } else {
        for c in &failed {
            if let Some(e) = &c.error {
                out!(
                    "not closed: {} {} {} {}: {e}",
                    c.line,
                    c.symbol,
                    c.side,
                    c.size
                );
            }
        }
        out!(
            "closed {} of {} positions; {} not closed",
            closed.len() - failed.len(),
            closed.len(),
            failed.len()
        );
        for p in &positions_left {
            out!(
                "still open: {} {} {} {}",
                p.line,
                p.symbol,
                p.side_name(),
                p.size
            );
        }
    }
    Ok(
        if orders_done && failed.is_empty() && orders_left.is_empty() && positions_left.is_empty() {
            Done::Ok
        } else {
            Done::Incomplete
        },
    )
}
