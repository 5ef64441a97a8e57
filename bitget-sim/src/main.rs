//! `bitget-sim --listen 127.0.0.1:0 --account KEY:SECRET:PASSPHRASE[:UID][:demo] ...`: serves a
//! simulated Bitget until killed; the first line printed is `listening on http://ADDR:PORT`.

use std::io::Write as _;

use bitget_sim::{Account, Simulator};

const USAGE: &str = "usage: bitget-sim [--listen ADDR:PORT] --account KEY:SECRET:PASSPHRASE[:UID][:demo] [--account ...] [--no-rate-limits]";

fn parse(args: impl Iterator<Item = String>) -> Result<(String, Vec<Account>, bool), String> {
    let (mut listen, mut accounts, mut no_limits) = ("127.0.0.1:0".to_owned(), Vec::new(), false);
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--listen" => listen = args.next().ok_or("--listen needs ADDR:PORT")?,
            "--account" => accounts.push(Account::parse(
                &args.next().ok_or("--account needs KEY:SECRET:PASSPHRASE")?,
            )?),
            "--no-rate-limits" => no_limits = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    if accounts.is_empty() {
        return Err(format!("give at least one --account\n{USAGE}"));
    }
    Ok((listen, accounts, no_limits))
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let (listen, accounts, no_limits) = match parse(std::env::args().skip(1)) {
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
    let running = match builder.build().serve_on(listener).await {
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
