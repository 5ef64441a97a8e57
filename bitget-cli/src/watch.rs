//! `watch`: a ticker, the public trades or a book, live from Bitget's v2 public stream through
//! the library's declared channels (one JSON line per element of each push; a book as its best
//! bid and ask after each change, and a line when it went out of sync and when it resynced);
//! or the account's own orders and fills from its private stream, through the library's
//! `OrderFeed` (which logs in, and after a lost connection recovers over REST what was missed:
//! those lines say `"recovered": true`). `--count N` stops after N lines, for scripts.

use bitget_endpoints::Client;
use bitget_endpoints::feed::{FeedEvent, OrderFeed, Source};
use bitget_endpoints::mix::ProductType;
use bitget_endpoints::stream::{BookEvent, Channel, Event, Streams};
use bitget_endpoints::uta::{AccountFamily, account_family};
use serde_json::json;

use crate::output::json_of;
use crate::{Done, Failure};

/// `bitget watch ticker|trades|book SYMBOL [--line L] [--count N]`, or `bitget watch orders
/// [--line L] [--count N]`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// `ticker`, `trades` or `book` (of a symbol), or `orders` (the account's orders and
    /// fills: on a Classic account those of `--line`, on a Unified one every line's).
    what: String,
    /// The symbol, such as `BTCUSDT` (not for `orders`).
    symbol: Option<String>,
    /// `spot` or a futures product type (`usdt-futures`, the default); with `--unified`, a v3
    /// category (`spot`, `margin`, `usdt-futures`, ...).
    #[arg(long, default_value = "usdt-futures")]
    line: String,
    /// A ticker, trades or book from the v3 (Unified) public stream instead of v2's.
    #[arg(long)]
    unified: bool,
    /// Stop after this many lines (at least 1).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    count: Option<u64>,
}

/// Counts the lines printed against `--count`.
struct Lines {
    left: Option<u64>,
    /// The reader went away (`bitget watch .. | head -1`): a clean stop, not a failure.
    closed: bool,
}

impl Lines {
    /// Prints `line`; whether to go on.
    fn print(&mut self, line: &str) -> bool {
        use std::io::Write as _;
        let mut out = std::io::stdout().lock();
        if writeln!(out, "{line}").and_then(|()| out.flush()).is_err() {
            self.closed = true;
            return false;
        }
        match &mut self.left {
            Some(n) => {
                *n = n.saturating_sub(1);
                *n > 0
            }
            None => true,
        }
    }

    /// How the watch ended: done when the count was reached or the reader left, incomplete
    /// when the stream ended first.
    fn done(&self) -> Done {
        if self.closed || self.left == Some(0) {
            Done::Ok
        } else {
            eprintln!("the stream ended before --count lines were printed");
            Done::Incomplete
        }
    }
}

async fn pushes<C: Channel>(streams: &Streams, channel: C, lines: &mut Lines) -> Result<(), Failure>
where
    C::Push: serde::Serialize,
{
    let mut sub = streams.subscribe(channel).await?;
    while let Some(event) = sub.next().await {
        let go_on = match event? {
            Event::Push(push) => push
                .data
                .iter()
                .all(|item| lines.print(&json_of(item).to_string())),
            Event::Lagged(n) => lines.print(&json!({ "lagged": n }).to_string()),
            Event::Reconnecting => lines.print(r#"{"state":"reconnecting"}"#),
            Event::Resubscribed => lines.print(r#"{"state":"resubscribed"}"#),
        };
        if !go_on {
            break;
        }
    }
    Ok(())
}

async fn book<C: Channel<Push = bitget_endpoints::stream::BookData>>(
    streams: &Streams,
    channel: C,
    lines: &mut Lines,
) -> Result<(), Failure> {
    let mut book = streams.book(channel).await?;
    while let Some(event) = book.next().await {
        let line = match event? {
            BookEvent::Updated => {
                let side = |l: Option<bitget_endpoints::stream::Level>| {
                    l.map(|l| json!([l.price.to_string(), l.size.to_string()]))
                };
                json!({ "bid": side(book.book().best_bid()), "ask": side(book.book().best_ask()) })
            }
            BookEvent::OutOfSync(why) => json!({ "outOfSync": why.to_string() }),
            BookEvent::Resynced => json!({ "resynced": true }),
        };
        if !lines.print(&line.to_string()) {
            break;
        }
    }
    Ok(())
}

/// The account's orders and fills: one line per order state (`{"order": ..}`) and per fill
/// (`{"fill": ..}`), each with `recovered`; the connection's loss and each recovery said.
async fn feed<S: Source>(
    streams: &Streams,
    client: &Client,
    source: S,
    lines: &mut Lines,
) -> Result<(), Failure>
where
    S::Order: serde::Serialize,
    S::Fill: serde::Serialize,
{
    let mut feed = OrderFeed::subscribe(streams, client, source).await?;
    while let Some(event) = feed.next().await {
        let line = match event? {
            FeedEvent::Order { order, recovered } => {
                json!({ "order": json_of(&order), "recovered": recovered })
            }
            FeedEvent::Fill { fill, recovered } => {
                json!({ "fill": json_of(&fill), "recovered": recovered })
            }
            FeedEvent::Reconnecting => json!({ "state": "reconnecting" }),
            FeedEvent::Recovered { orders, fills } => {
                json!({ "state": "recovered", "orders": orders, "fills": fills })
            }
        };
        if !lines.print(&line.to_string()) {
            break;
        }
    }
    Ok(())
}

fn product_type(line: &str) -> Result<ProductType, Failure> {
    line.to_ascii_uppercase()
        .parse::<ProductType>()
        .map_err(|_| Failure::usage(format!("--line {line}: spot or a futures product type")))
}

pub(crate) async fn run(client: &Client, args: Args) -> Result<Done, Failure> {
    let streams = Streams::new(client);
    let mut lines = Lines {
        left: args.count,
        closed: false,
    };
    let spot = args.line.eq_ignore_ascii_case("spot");
    if args.what == "orders" {
        if args.symbol.is_some() {
            return Err(Failure::usage(
                "watch orders takes no symbol: it shows every order of the account",
            ));
        }
        match account_family(client).await? {
            AccountFamily::Unified => {
                use bitget_endpoints::uta::ws::UnifiedOrders;
                feed(&streams, client, UnifiedOrders::new(), &mut lines).await?
            }
            AccountFamily::Classic if spot => {
                use bitget_endpoints::spot::ws::SpotOrders;
                feed(&streams, client, SpotOrders::new(), &mut lines).await?
            }
            AccountFamily::Classic => {
                use bitget_endpoints::mix::ws::FuturesOrders;
                let line = product_type(&args.line)?;
                feed(&streams, client, FuturesOrders::new(line), &mut lines).await?
            }
        }
        return Ok(lines.done());
    }
    let Some(symbol) = args.symbol.as_deref() else {
        return Err(Failure::usage(format!(
            "watch {}: which symbol? (`bitget watch {} BTCUSDT`)",
            args.what, args.what
        )));
    };
    if args.unified {
        use bitget_endpoints::uta::ws;
        let category = (args
            .line
            .to_ascii_uppercase()
            .parse::<bitget_endpoints::uta::Category>())
        .map_err(|_| Failure::usage(format!("--line {}: a v3 category", args.line)))?;
        match args.what.as_str() {
            "ticker" => pushes(&streams, ws::Ticker::new(category, symbol), &mut lines).await?,
            "trades" => {
                let trades = ws::PublicTrade::new(category, symbol);
                pushes(&streams, trades, &mut lines).await?
            }
            "book" => book(&streams, ws::Books::new(category, symbol), &mut lines).await?,
            other => {
                return Err(Failure::usage(format!(
                    "watch {other}: ticker, trades, book or orders"
                )));
            }
        }
    } else if spot {
        use bitget_endpoints::spot::ws;
        match args.what.as_str() {
            "ticker" => pushes(&streams, ws::Ticker::new(symbol), &mut lines).await?,
            "trades" => pushes(&streams, ws::Trade::new(symbol), &mut lines).await?,
            "book" => book(&streams, ws::Books::new(symbol), &mut lines).await?,
            other => {
                return Err(Failure::usage(format!(
                    "watch {other}: ticker, trades, book or orders"
                )));
            }
        }
    } else {
        use bitget_endpoints::mix::ws;
        let line = product_type(&args.line)?;
        match args.what.as_str() {
            "ticker" => pushes(&streams, ws::Ticker::new(line, symbol), &mut lines).await?,
            "trades" => pushes(&streams, ws::Trade::new(line, symbol), &mut lines).await?,
            "book" => book(&streams, ws::Books::new(line, symbol), &mut lines).await?,
            other => {
                return Err(Failure::usage(format!(
                    "watch {other}: ticker, trades, book or orders"
                )));
            }
        }
    }
    Ok(lines.done())
}
