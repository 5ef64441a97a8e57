//! The simulator as a program (`bitget-sim`, and `bitget sim` in the command line):
//! `bitget-sim --listen 127.0.0.1:0 --account KEY:SECRET:PASSPHRASE[:UID][:demo][:unified] ...`:
//! serves a simulated Bitget until killed; the first line printed is `listening on
//! http://ADDR:PORT`. Flags set up the exchange for a bot written in any language: balances
//! (`--balance` adds to each wallet of a Classic account: spot and every futures product type),
//! hedge mode, mark prices, resting liquidity from a built-in market maker.

use std::io::Write as _;

use crate::exchange::{Effect, InstrumentId, NewOrder, PositionMode, Side};
use crate::{Account, Decimal, Simulator};

const USAGE: &str = "usage: bitget-sim [--listen ADDR:PORT] --account KEY:SECRET:PASSPHRASE[:UID][:demo][:unified] [--account ...] \
[--balance KEY:COIN:AMOUNT] [--hedge KEY] [--mark MARKET:SYMBOL:PRICE] [--liquidity MARKET:SYMBOL:buy|sell:PRICE:SIZE] \
[--no-rate-limits]   (MARKET is `spot` or a product type such as USDT-FUTURES)";

/// The account that provides `--liquidity`, funded generously.
const MARKET_MAKER: &str = "market-maker";

/// What the flags ask to set up once the exchange exists.
enum Setup {
    Balance(String, String, Decimal),
    Hedge(String),
    Mark(String, String, Decimal),
    Liquidity(String, String, Side, Decimal, Decimal),
}

struct Args {
    listen: String,
    accounts: Vec<Account>,
    no_limits: bool,
    setup: Vec<Setup>,
}

fn number(text: &str, what: &str) -> Result<Decimal, String> {
    text.parse()
        .map_err(|_| format!("{what} `{text}` is not a decimal number"))
}

fn parse(args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args {
        listen: "127.0.0.1:0".to_owned(),
        accounts: Vec::new(),
        no_limits: false,
        setup: Vec::new(),
    };
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let mut value = |form: &str| args.next().ok_or(format!("{arg} needs {form}"));
        match arg.as_str() {
            "--listen" => parsed.listen = value("ADDR:PORT")?,
            "--account" => parsed
                .accounts
                .push(Account::parse(&value("KEY:SECRET:PASSPHRASE")?)?),
            "--balance" => {
                let v = value("KEY:COIN:AMOUNT")?;
                let [key, coin, amount] = v.split(':').collect::<Vec<_>>()[..] else {
                    return Err(format!("--balance takes KEY:COIN:AMOUNT, not `{v}`"));
                };
                parsed.setup.push(Setup::Balance(
                    key.into(),
                    coin.into(),
                    number(amount, "amount")?,
                ));
            }
            "--hedge" => parsed.setup.push(Setup::Hedge(value("KEY")?)),
            "--mark" => {
                let v = value("MARKET:SYMBOL:PRICE")?;
                let [market, symbol, price] = v.split(':').collect::<Vec<_>>()[..] else {
                    return Err(format!("--mark takes MARKET:SYMBOL:PRICE, not `{v}`"));
                };
                parsed.setup.push(Setup::Mark(
                    market.into(),
                    symbol.into(),
                    number(price, "price")?,
                ));
            }
            "--liquidity" => {
                let v = value("MARKET:SYMBOL:buy|sell:PRICE:SIZE")?;
                let [market, symbol, side, price, size] = v.split(':').collect::<Vec<_>>()[..]
                else {
                    return Err(format!(
                        "--liquidity takes MARKET:SYMBOL:buy|sell:PRICE:SIZE, not `{v}`"
                    ));
                };
                let side = match side {
                    "buy" => Side::Buy,
                    "sell" => Side::Sell,
                    other => return Err(format!("--liquidity side `{other}` is not buy or sell")),
                };
                parsed.setup.push(Setup::Liquidity(
                    market.into(),
                    symbol.into(),
                    side,
                    number(price, "price")?,
                    number(size, "size")?,
                ));
            }
            "--no-rate-limits" => parsed.no_limits = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    if parsed.accounts.is_empty() {
        return Err(format!("give at least one --account\n{USAGE}"));
    }
    Ok(parsed)
}

/// The instrument `MARKET:SYMBOL` names, listed if new.
fn instrument(sim: &Simulator, market: &str, symbol: &str) -> Result<InstrumentId, String> {
    if market.eq_ignore_ascii_case("spot") {
        sim.ensure_spot(symbol)
    } else {
        sim.ensure_futures(market, symbol)
    }
}

fn apply(sim: &Simulator, setup: &Setup) -> Result<(), String> {
    let uid = |key: &str| {
        sim.uid_of(key)
            .ok_or(format!("no --account with key `{key}`"))
    };
    match setup {
        Setup::Balance(key, coin, amount) => {
            let uid = uid(key)?;
            // Into each wallet, as the start balances are: a Classic account's spot and every
            // product type's futures (a unified account has one).
            sim.with_exchange(|ex| {
                if ex.is_classic(&uid) {
                    for wallet in crate::venue::classic_wallets() {
                        ex.deposit_to(&uid, &wallet, coin, *amount);
                    }
                } else {
                    ex.deposit(&uid, coin, *amount);
                }
            });
        }
        Setup::Hedge(key) => {
            let uid = uid(key)?;
            sim.with_exchange(|ex| ex.set_position_mode(&uid, PositionMode::Hedge))
                .map_err(|e| format!("--hedge {key}: {e:?}"))?;
        }
        Setup::Mark(market, symbol, price) => {
            let id = instrument(sim, market, symbol)?;
            sim.with_exchange(|ex| ex.set_mark_price(&id, *price));
        }
        Setup::Liquidity(market, symbol, side, price, size) => {
            let id = instrument(sim, market, symbol)?;
            sim.with_exchange(|ex| {
                ex.open_account(MARKET_MAKER);
                if let Some(inst) = ex.instrument(&id).cloned() {
                    ex.deposit(MARKET_MAKER, &inst.base, Decimal::from(1_000_000_000));
                    ex.deposit(
                        MARKET_MAKER,
                        &inst.quote,
                        Decimal::from(1_000_000_000_000i64),
                    );
                }
                let futures = !market.eq_ignore_ascii_case("spot");
                let order = NewOrder::limit(MARKET_MAKER, id.clone(), *side, *price, *size);
                let order = if futures {
                    order.effect(Effect::Net { reduce_only: false })
                } else {
                    order
                };
                ex.place(order)
            })
            .map_err(|e| format!("--liquidity {market}:{symbol}: {e:?}"))?;
        }
    }
    Ok(())
}

/// Runs the program with `args` (without the program's name): serves until the process is
/// killed; a usage error answers 2, a port that cannot be bound 1.
pub async fn run(args: impl Iterator<Item = String>) -> std::process::ExitCode {
    let Args {
        listen,
        accounts,
        no_limits,
        setup,
    } = match parse(args) {
        Ok(parsed) => parsed,
        Err(msg) => {
            eprintln!("{msg}");
            return std::process::ExitCode::from(2);
        }
    };
    let listener = match tokio::net::TcpListener::bind(&listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot listen on {listen}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let mut builder = Simulator::builder();
    for account in accounts {
        builder = builder.account(account);
    }
    if no_limits {
        builder = builder.without_rate_limits();
    }
    let sim = builder.build();
    for step in &setup {
        if let Err(msg) = apply(&sim, step) {
            eprintln!("{msg}");
            return std::process::ExitCode::from(2);
        }
    }
    let running = match sim.serve_on(listener).await {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot serve: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let mut out = std::io::stdout();
    let _ = writeln!(out, "listening on {}", running.base_url());
    let _ = out.flush();
    // Serves until the process is killed.
    std::future::pending::<()>().await;
    std::process::ExitCode::SUCCESS
}
