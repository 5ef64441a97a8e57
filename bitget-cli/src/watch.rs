//! `watch`: a ticker, the public trades or a book, live from Bitget's v2 public stream through
//! the library's declared channels (one JSON line per element of each push; a book as its best
//! bid and ask after each change, and a line when it went out of sync and when it resynced).
//! `--count N` stops after N lines, for scripts.

use bitget_endpoints::Client;
use bitget_endpoints::mix::ProductType;
use bitget_endpoints::stream::{BookEvent, Channel, Event, Streams};
use serde_json::json;

use crate::output::json_of;
use crate::{Done, Failure};

/// `bitget watch ticker|trades|book SYMBOL [--line L] [--count N]`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// `ticker`, `trades` or `book`.
    what: String,
    /// The symbol, such as `BTCUSDT`.
    symbol: String,
    /// `spot` or a futures product type (`usdt-futures`, the default).
    #[arg(long, default_value = "usdt-futures")]
    line: String,
    /// Stop after this many lines.
    #[arg(long)]
    count: Option<u64>,
}

/// Counts the lines printed against `--count`.
struct Lines {
    left: Option<u64>,
}

impl Lines {
    /// Prints `line`; whether to go on.
    fn print(&mut self, line: &str) -> bool {
        println!("{line}");
        match &mut self.left {
            Some(n) => {
                *n = n.saturating_sub(1);
                *n > 0
            }
            None => true,
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

pub(crate) async fn run(client: &Client, args: Args) -> Result<Done, Failure> {
    let streams = Streams::new(client);
    let mut lines = Lines { left: args.count };
    let symbol = args.symbol.as_str();
    if args.line.eq_ignore_ascii_case("spot") {
        use bitget_endpoints::spot::ws;
        match args.what.as_str() {
            "ticker" => pushes(&streams, ws::Ticker::new(symbol), &mut lines).await?,
            "trades" => pushes(&streams, ws::Trade::new(symbol), &mut lines).await?,
            "book" => book(&streams, ws::Books::new(symbol), &mut lines).await?,
            other => {
                return Err(Failure::usage(format!(
                    "watch {other}: ticker, trades or book"
                )));
            }
        }
    } else {
        use bitget_endpoints::mix::ws;
        let line = args
            .line
            .to_ascii_uppercase()
            .parse::<ProductType>()
            .map_err(|_| {
                Failure::usage(format!(
                    "--line {}: spot or a futures product type",
                    args.line
                ))
            })?;
        match args.what.as_str() {
            "ticker" => pushes(&streams, ws::Ticker::new(line, symbol), &mut lines).await?,
            "trades" => pushes(&streams, ws::Trade::new(line, symbol), &mut lines).await?,
            "book" => book(&streams, ws::Books::new(line, symbol), &mut lines).await?,
            other => {
                return Err(Failure::usage(format!(
                    "watch {other}: ticker, trades or book"
                )));
            }
        }
    }
    Ok(Done::Ok)
}
