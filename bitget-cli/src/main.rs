//! `bitget`: a command line for operators, a thin layer over the library. Every request goes
//! through the declared endpoints, their validation, the limiter and the retry policy; nothing
//! is re-implemented here.
//!
//! Credentials come from the environment, as `Client::from_env` reads them (`BITGET_API_KEY`,
//! `BITGET_SECRET_KEY`, `BITGET_PASSPHRASE`, `BITGET_BASE_URL`, `BITGET_DEMO`), or from a
//! profile of a config file (`--profile NAME`, see `profile.rs`). Tables go to
//! standard output, `--json` prints the typed answers as JSON; progress and questions go to
//! standard error. The exit status is 0 when everything asked was done, 1 when something was
//! not (an order not cancelled, a refused request), 2 for a usage or configuration error.

#![allow(clippy::print_stdout, clippy::print_stderr)] // a command line prints

/// `println!` that never panics: when standard output is gone (`bitget orders | head -1`),
/// the line is dropped and the command still finishes its work and its exit status.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

mod account;
mod call;
mod cancel;
mod flatten;
mod output;
mod place;
mod profile;
mod watch;

use std::process::ExitCode;

use bitget_endpoints::Client;
use clap::{Parser, Subcommand};

/// A command line for Bitget operators: see open orders, positions and balances, pull
/// everything, and see exactly what is signed.
#[derive(Debug, Parser)]
#[command(name = "bitget", version)]
struct Cli {
    /// Print the answers as JSON instead of tables.
    #[arg(long, global = true)]
    json: bool,
    /// Read the credentials from this profile of the config file (`$BITGET_CONFIG`, else
    /// `~/.config/bitget/config`) instead of the environment.
    #[arg(long, global = true)]
    profile: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Bitget's clock, and how far the local one is from it.
    Time,
    /// Open orders, normal and trigger, on every product line of the account.
    Orders {
        /// Only this symbol.
        #[arg(long)]
        symbol: Option<String>,
    },
    /// Open positions on every futures line.
    Positions,
    /// Balances: spot and each futures line (Classic), or the Unified account's assets.
    Balances,
    /// Place one order, in the account's position mode, its numbers checked against the
    /// instrument before it is sent.
    Place(place::Args),
    /// Cancel open orders: by id (with `--symbol`), every order of a symbol, or `--all`.
    Cancel(cancel::Args),
    /// Cancel every open order (trigger orders included), then close every position at market.
    Flatten(flatten::Args),
    /// Watch a ticker, the public trades or a book live (v2 public stream, v3 with
    /// `--unified`), or the account's own orders and fills (`watch orders`), as JSON lines.
    Watch(watch::Args),
    /// Send any declared endpoint: `bitget call /api/v2/mix/order/detail --params '{...}'`.
    Call(call::CallArgs),
    /// Run the local simulated Bitget: `bitget sim --listen 127.0.0.1:8080 --account
    /// KEY:SECRET:PASSPHRASE[:UID][:demo][:unified] [--balance KEY:COIN:AMOUNT] ...` (the
    /// flags of the `bitget-sim` program); serves until killed. Feature `sim` (on by default).
    #[cfg(feature = "sim")]
    Sim {
        /// The simulator's flags.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Print the prehash and signature of a request, to compare with what another tool sent
    /// when Bitget answers 40009. The secret is read from `BITGET_SECRET_KEY`, or from the
    /// profile with `--profile`.
    Sign(call::SignArgs),
}

/// How a command ended, for the exit status.
pub(crate) enum Done {
    /// Everything asked was done.
    Ok,
    /// Something asked was not done (each said on standard error).
    Incomplete,
}

/// A failure that ends the command: what it says, and whether it is the caller's usage.
pub(crate) struct Failure {
    message: String,
    usage: bool,
}

impl Failure {
    /// What it says.
    pub(crate) fn message(&self) -> &str {
        &self.message
    }

    pub(crate) fn usage(message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            usage: true,
        }
    }
}

impl From<bitget_endpoints::Error> for Failure {
    fn from(e: bitget_endpoints::Error) -> Self {
        Failure {
            usage: e.is_validation() || e.kind() == bitget_endpoints::ErrorKind::Config,
            message: e.to_string(),
        }
    }
}

impl From<bitget_endpoints::ValidationError> for Failure {
    fn from(e: bitget_endpoints::ValidationError) -> Self {
        Failure {
            usage: true,
            message: e.to_string(),
        }
    }
}

async fn run(cli: Cli) -> Result<Done, Failure> {
    let json = cli.json;
    let profile = cli.profile;
    let client = || -> Result<Client, Failure> { profile::client(profile.as_deref()) };
    match cli.command {
        Command::Time => {
            let client = client()?;
            let local = bitget_endpoints::SystemClock::local_ms();
            let time = client.server_time().await?;
            let offset = time.server_time - local;
            if json {
                output::print_json(&serde_json::json!({
                    "serverTime": time.server_time,
                    "localTime": local,
                    "offsetMs": offset,
                }));
            } else {
                out!(
                    "server time {} ms (local clock {offset:+} ms behind)",
                    time.server_time
                );
            }
            Ok(Done::Ok)
        }
        Command::Orders { symbol } => account::orders(&client()?, symbol.as_deref(), json).await,
        Command::Positions => account::positions(&client()?, json).await,
        Command::Balances => account::balances(&client()?, json).await,
        Command::Place(args) => place::run(&client()?, args, json).await,
        Command::Cancel(args) => cancel::run(&client()?, args, json).await,
        Command::Flatten(args) => flatten::run(&client()?, args, json).await,
        Command::Call(args) => call::call(&client()?, args, json).await,
        Command::Watch(args) => watch::run(&client()?, args).await,
        Command::Sign(args) => call::sign(args, profile.as_deref(), json),
        // The simulator says why it stopped; it serves until killed otherwise.
        #[cfg(feature = "sim")]
        Command::Sim { args } => match bitget_sim::program::run(args.into_iter()).await {
            code if code == ExitCode::SUCCESS => Ok(Done::Ok),
            _ => Err(Failure::usage("the simulator did not start")),
        },
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("bitget: cannot start: {e}");
            return ExitCode::from(2);
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(Done::Ok) => ExitCode::SUCCESS,
        Ok(Done::Incomplete) => ExitCode::from(1),
        Err(f) => {
            eprintln!("bitget: {}", f.message);
            ExitCode::from(if f.usage { 2 } else { 1 })
        }
    }
}
