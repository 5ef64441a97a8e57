//! `bitget-sim --listen 127.0.0.1:0 --account KEY:SECRET:PASSPHRASE[:UID][:demo][:unified] ...`:
//! serves a simulated Bitget until killed; the first line printed is `listening on
//! http://ADDR:PORT`. Flags set up the exchange for a bot written in any language: balances,
//! hedge mode, mark prices, resting liquidity from a built-in market maker.

#[tokio::main]
async fn main() -> std::process::ExitCode {
    bitget_sim::program::run(std::env::args().skip(1)).await
}
