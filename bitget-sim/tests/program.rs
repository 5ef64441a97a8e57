//! The program: `bitget-sim --listen 127.0.0.1:0 --account KEY:SECRET:PASSPHRASE` prints
//! `listening on http://ADDR:PORT` first and serves until killed.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::process::{Command, Stdio};

/// Starts the program with `args`; returns it and its address.
fn start(args: &[&str]) -> (std::process::Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bitget-sim"))
        .args(args)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut first = String::new();
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    BufReader::new(stdout)
        .read_line(&mut first)
        .unwrap_or_else(|e| panic!("{e}"));
    let addr = first
        .trim()
        .strip_prefix("listening on http://")
        .unwrap_or_else(|| panic!("first line: {first:?}"))
        .to_owned();
    (child, addr)
}

/// Sends the raw HTTP `request` and returns the whole answer as text.
fn http(addr: &str, request: &str) -> String {
    let mut sock = std::net::TcpStream::connect(addr).unwrap_or_else(|e| panic!("{e}"));
    sock.write_all(request.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    let mut answer = String::new();
    sock.read_to_string(&mut answer)
        .unwrap_or_else(|e| panic!("{e}"));
    answer
}

fn get(addr: &str, target: &str) -> String {
    http(
        addr,
        &format!("GET {target} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n"),
    )
}

#[test]
fn prints_its_address_first_and_serves() {
    let (mut child, addr) = start(&[
        "--listen",
        "127.0.0.1:0",
        "--account",
        "k:s:p",
        "--account",
        "k2:s2:p2:uid-2:demo",
    ]);
    let answer = get(&addr, "/api/v2/public/time");
    let _ = child.kill();
    let _ = child.wait();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains("\"serverTime\""), "{answer}");
}

/// A signed POST of `body` to `path` for the account `k:s:p`, answered as raw HTTP text.
fn signed_post(addr: &str, path: &str, body: &str) -> String {
    use base64::Engine as _;
    use hmac::Mac as _;
    let ts = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
        .to_string();
    let mut mac =
        hmac::Hmac::<sha2::Sha256>::new_from_slice(b"s").unwrap_or_else(|e| panic!("{e}"));
    mac.update(format!("{ts}POST{path}{body}").as_bytes());
    let sign = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    http(
        addr,
        &format!(
            "POST {path} HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-type: application/json\r\naccess-key: k\r\naccess-sign: {sign}\r\naccess-timestamp: {ts}\r\naccess-passphrase: p\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        ),
    )
}

#[test]
fn flags_set_up_liquidity_and_prices_for_a_bot_in_any_language() {
    let (mut child, addr) = start(&[
        "--account",
        "k:s:p",
        "--balance",
        "k:USDT:5",
        "--hedge",
        "k",
        "--liquidity",
        "USDT-FUTURES:BTCUSDT:sell:60000:1.5",
        "--liquidity",
        "USDT-FUTURES:BTCUSDT:buy:59990:2",
        "--mark",
        "USDT-FUTURES:BTCUSDT:60005",
    ]);
    let depth = get(
        &addr,
        "/api/v2/mix/market/merge-depth?symbol=BTCUSDT&productType=USDT-FUTURES",
    );
    let ticker = get(
        &addr,
        "/api/v2/mix/market/ticker?symbol=BTCUSDT&productType=USDT-FUTURES",
    );
    // --balance: 5 USDT on top of the 1,000,000 every account starts with, exactly enough.
    let spot = |size: &str| {
        signed_post(
            &addr,
            "/api/v2/spot/trade/place-order",
            &format!(
                r#"{{"symbol":"ETHUSDT","side":"buy","orderType":"limit","price":"1","size":"{size}"}}"#
            ),
        )
    };
    let affordable = spot("1000005");
    let beyond = spot("1");
    // --hedge: a futures order without tradeSide is refused.
    let hedged = signed_post(
        &addr,
        "/api/v2/mix/order/place-order",
        r#"{"symbol":"BTCUSDT","productType":"USDT-FUTURES","marginMode":"crossed","marginCoin":"USDT","side":"buy","orderType":"limit","price":"59000","size":"1"}"#,
    );
    let _ = child.kill();
    let _ = child.wait();
    assert!(affordable.contains(r#""code":"00000""#), "{affordable}");
    assert!(beyond.contains(r#""code":"43012""#), "{beyond}");
    // Without tradeSide on a hedge account: the position-mode mismatch (catalogue G.1).
    assert!(hedged.contains(r#""code":"40774""#), "{hedged}");
    assert!(depth.contains(r#""asks":[[60000,1.5]]"#), "{depth}");
    assert!(depth.contains(r#""bids":[[59990,2]]"#), "{depth}");
    assert!(ticker.contains(r#""markPrice":"60005""#), "{ticker}");
}

#[test]
fn refuses_a_bad_setup_flag() {
    let out = Command::new(env!("CARGO_BIN_EXE_bitget-sim"))
        .args(["--account", "k:s:p", "--balance", "nobody:USDT:5"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no --account with key `nobody`"));
    let out = Command::new(env!("CARGO_BIN_EXE_bitget-sim"))
        .args(["--account", "k:s:p", "--mark", "USDT-FUTURES:BTCUSDT:cheap"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a decimal number"));
}

#[test]
fn refuses_a_bad_account_flag() {
    let out = Command::new(env!("CARGO_BIN_EXE_bitget-sim"))
        .args(["--account", "only-a-key"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("KEY:SECRET:PASSPHRASE"));
}
