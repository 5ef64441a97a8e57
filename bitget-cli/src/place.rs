//! `place`: one order, built with the library's builders (its rules), in the account's position
//! mode as `Setup` reads it, its numbers checked against the instrument (`Rulebook`) before it is
//! sent; `--dry-run` prints the request as it would be signed and reads nothing.

use bitget_endpoints::instrument::{Numbered, Rulebook};
use bitget_endpoints::mix::ProductType;
use bitget_endpoints::setup::Setup;
use bitget_endpoints::uta::{AccountFamily, Category, account_family};
use bitget_endpoints::{Client, Decimal, PositionMode};

use crate::output::{json_of, print_json};
use crate::{Done, Failure};

/// `bitget place --symbol S --side buy|sell (--size N | --spend Q) [--price P] ...`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The symbol, such as `BTCUSDT`.
    #[arg(long)]
    symbol: String,
    /// `buy` or `sell`.
    #[arg(long)]
    side: String,
    /// The size in the base coin (contracts' base on futures).
    #[arg(long, conflicts_with = "spend")]
    size: Option<Decimal>,
    /// A spot market buy: how much of the quote coin to spend.
    #[arg(long)]
    spend: Option<Decimal>,
    /// A limit price; without one, a market order.
    #[arg(long)]
    price: Option<Decimal>,
    /// The product line: `spot` or a futures product type (`usdt-futures`, the default) on a
    /// Classic account, a category on a Unified one.
    #[arg(long, default_value = "usdt-futures")]
    line: String,
    /// Futures: close (a sell closes a long, a buy closes a short) instead of open.
    #[arg(long)]
    close: bool,
    /// v2 futures: the margin coin (the product type's quote coin by default; needed on
    /// COIN-FUTURES).
    #[arg(long)]
    margin_coin: Option<String>,
    /// A client order id, so a lost answer can be settled.
    #[arg(long)]
    client_oid: Option<String>,
    /// Print the request as it would be signed and sent; send and read nothing (so it needs
    /// `--family`, and the position mode is one-way unless `--hedge` says otherwise; the
    /// instrument's numbers are not checked, as that reads the instruments).
    #[arg(long)]
    dry_run: bool,
    /// With `--dry-run`: the account is in hedge mode (a dry run cannot ask it).
    #[arg(long, requires = "dry_run")]
    hedge: bool,
    /// `classic` or `unified`, instead of asking the exchange.
    #[arg(long)]
    family: Option<String>,
}

fn buying(side: &str) -> Result<bool, Failure> {
    match side.to_ascii_lowercase().as_str() {
        "buy" => Ok(true),
        "sell" => Ok(false),
        other => Err(Failure::usage(format!("--side {other}: buy or sell"))),
    }
}

fn size(args: &Args) -> Result<Decimal, Failure> {
    args.size.ok_or_else(|| Failure::usage("--size is needed"))
}

/// Sends `request` checked against its instrument, or prints its dry run.
async fn send<R: Numbered + Sync>(
    client: &Client,
    request: &R,
    dry_run: bool,
    json: bool,
) -> Result<Done, Failure>
where
    R::Response: serde::Serialize,
{
    if dry_run {
        crate::call::print_dry_run(&client.dry_run(request)?, json);
        return Ok(Done::Ok);
    }
    let answer = Rulebook::new(client).send(request).await?;
    let answer = json_of(&answer);
    if json {
        print_json(&answer);
    } else {
        out!(
            "placed: order {} (client id {})",
            answer["orderId"].as_str().unwrap_or("-"),
            answer["clientOid"].as_str().unwrap_or("-")
        );
    }
    Ok(Done::Ok)
}

pub(crate) async fn run(client: &Client, args: Args, json: bool) -> Result<Done, Failure> {
    let buy = buying(&args.side)?;
    // A dry run reads nothing: the family is given, and the position mode taken as one-way.
    let family = match args
        .family
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("classic") => AccountFamily::Classic,
        Some("unified") => AccountFamily::Unified,
        Some(other) => {
            return Err(Failure::usage(format!(
                "--family {other}: classic or unified"
            )));
        }
        None if args.dry_run => {
            return Err(Failure::usage(
                "a dry run reads nothing, so it cannot ask the account's family: give --family classic or unified",
            ));
        }
        None => account_family(client).await?,
    };
    let setup = Setup::new(client);
    match family {
        AccountFamily::Classic if args.line.eq_ignore_ascii_case("spot") => {
            use bitget_endpoints::spot::trade::PlaceOrder;
            let builder = match (buy, args.price, args.spend) {
                (true, None, Some(quote)) => PlaceOrder::market_buy_spending(quote),
                (true, None, None) => {
                    return Err(Failure::usage(
                        "a spot market buy spends the quote coin: give --spend, not --size",
                    ));
                }
                (_, _, Some(_)) => {
                    return Err(Failure::usage("--spend is for a spot market buy only"));
                }
                (false, None, None) => PlaceOrder::market_sell(size(&args)?),
                (true, Some(p), None) => PlaceOrder::limit_buy(p, size(&args)?),
                (false, Some(p), None) => PlaceOrder::limit_sell(p, size(&args)?),
            };
            let mut builder = builder.symbol(args.symbol.as_str());
            if let Some(id) = &args.client_oid {
                builder = builder.client_oid(id.as_str());
            }
            send(client, &builder.build()?, args.dry_run, json).await
        }
        AccountFamily::Classic => {
            use bitget_endpoints::mix::order::PlaceOrder;
            use bitget_endpoints::mix::{MarginMode, OrderType};
            if args.spend.is_some() {
                return Err(Failure::usage("--spend is for a spot market buy only"));
            }
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
            let coin = match (&args.margin_coin, &line) {
                (Some(c), _) => c.clone(),
                (None, ProductType::UsdcFutures) => "USDC".to_owned(),
                (None, ProductType::UsdtFutures) => "USDT".to_owned(),
                (None, _) => return Err(Failure::usage("give --margin-coin on this line")),
            };
            let mode = match (args.dry_run, args.hedge) {
                (true, true) => PositionMode::Hedge,
                (true, false) => PositionMode::OneWay,
                (false, _) => setup.futures_position_mode(&line).await?,
            };
            let builder = match (buy, args.close) {
                (true, false) => PlaceOrder::open_long(mode),
                (false, false) => PlaceOrder::open_short(mode),
                (false, true) => PlaceOrder::close_long(mode),
                (true, true) => PlaceOrder::close_short(mode),
            };
            let builder = builder
                .symbol(args.symbol.as_str())
                .product_type(line)
                .margin_mode(MarginMode::Crossed)
                .margin_coin(coin)
                .size(size(&args)?);
            let mut builder = match args.price {
                Some(p) => builder.order_type(OrderType::Limit).price(p),
                None => builder.order_type(OrderType::Market),
            };
            if let Some(id) = &args.client_oid {
                builder = builder.client_oid(id.as_str());
            }
            send(client, &builder.build()?, args.dry_run, json).await
        }
        AccountFamily::Unified => {
            use bitget_endpoints::uta::trade::PlaceOrder;
            use bitget_endpoints::uta::{OrderType, Side};
            let category = args
                .line
                .to_ascii_uppercase()
                .parse::<Category>()
                .map_err(|_| Failure::usage(format!("--line {}: a v3 category", args.line)))?;
            let spot = category == Category::Spot;
            let qty = match (spot && buy && args.price.is_none(), args.spend, args.size) {
                (true, Some(q), _) => q,
                (true, None, _) => {
                    return Err(Failure::usage(
                        "a spot market buy spends the quote coin: give --spend, not --size",
                    ));
                }
                (false, Some(_), _) => {
                    return Err(Failure::usage("--spend is for a spot market buy only"));
                }
                (false, None, s) => s.ok_or_else(|| Failure::usage("--size is needed"))?,
            };
            let builder = if spot {
                PlaceOrder::builder().side(if buy { Side::Buy } else { Side::Sell })
            } else {
                let mode = match (args.dry_run, args.hedge) {
                    (true, true) => PositionMode::Hedge,
                    (true, false) => PositionMode::OneWay,
                    (false, _) => setup.unified_position_mode().await?,
                };
                match (buy, args.close) {
                    (true, false) => PlaceOrder::open_long(mode),
                    (false, false) => PlaceOrder::open_short(mode),
                    (false, true) => PlaceOrder::close_long(mode),
                    (true, true) => PlaceOrder::close_short(mode),
                }
            };
            let builder = builder
                .category(category)
                .symbol(args.symbol.as_str())
                .qty(qty);
            let mut builder = match args.price {
                Some(p) => builder.order_type(OrderType::Limit).price(p),
                None => builder.order_type(OrderType::Market),
            };
            if let Some(id) = &args.client_oid {
                builder = builder.client_oid(id.as_str());
            }
            let request = builder.build()?;
            send(client, &request, args.dry_run, json).await
        }
    }
}
