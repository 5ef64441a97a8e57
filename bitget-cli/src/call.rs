//! `call` sends any declared endpoint by its path, read from JSON through the endpoint's own
//! type (its rules apply before anything is sent); `--dry-run` prints what would be signed and
//! sent. `sign` computes a prehash and signature by hand, to explain a 40009.

use bitget_core::Method;
use bitget_core::sign::{prehash, sign_hmac};
use bitget_endpoints::inventory::{self, Declared};
use serde_json::Value;

use crate::output::print_json;
use crate::{Done, Failure};

/// `bitget call PATH [--params JSON] [--dry-run]`.
#[derive(Debug, clap::Args)]
pub(crate) struct CallArgs {
    /// The endpoint's REST path, such as `/api/v2/mix/order/orders-pending`.
    path: String,
    /// The parameters as a JSON object with Bitget's names (`{"productType":"USDT-FUTURES"}`).
    #[arg(long, default_value = "{}")]
    params: String,
    /// Print the exact request that would be signed and sent (secrets redacted), send nothing.
    #[arg(long)]
    dry_run: bool,
}

/// `bitget sign --method M --path P [--query Q] [--body B] --timestamp T`.
#[derive(Debug, clap::Args)]
pub(crate) struct SignArgs {
    /// `GET` or `POST`.
    #[arg(long)]
    method: String,
    /// The request path, such as `/api/v2/mix/order/place-order`.
    #[arg(long)]
    path: String,
    /// The query string as sent, without `?`.
    #[arg(long, default_value = "")]
    query: String,
    /// The body as sent.
    #[arg(long, default_value = "")]
    body: String,
    /// The `ACCESS-TIMESTAMP` sent (Unix milliseconds).
    #[arg(long)]
    timestamp: String,
}

/// The declared endpoint at `path`, or a usage error listing the nearest declared paths.
fn endpoint(path: &str) -> Result<&'static Declared, Failure> {
    if let Some(found) = inventory::find(path) {
        return Ok(found);
    }
    let mut near: Vec<(usize, &str)> = inventory::ALL
        .iter()
        .map(|e| (distance(path, e.path), e.path))
        .collect();
    near.sort();
    let list: Vec<&str> = near.iter().take(5).map(|(_, p)| *p).collect();
    Err(Failure::usage(format!(
        "{path} is not a declared endpoint; the nearest are:\n  {}",
        list.join("\n  ")
    )))
}

/// Levenshtein distance, for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

pub(crate) async fn call(
    client: &bitget_endpoints::Client,
    args: CallArgs,
    json: bool,
) -> Result<Done, Failure> {
    let declared = endpoint(&args.path)?;
    let params: Value = serde_json::from_str(&args.params)
        .map_err(|e| Failure::usage(format!("--params is not JSON: {e}")))?;
    if args.dry_run {
        let run = (declared.json.dry_run)(client, params)?;
        print_dry_run(&run, json);
        return Ok(Done::Ok);
    }
    let answer = (declared.json.send)(client, params).await?;
    // The answer is printed as JSON either way: it has no one table shape.
    print_json(&answer);
    Ok(Done::Ok)
}

pub(crate) fn sign(args: SignArgs, profile: Option<&str>, json: bool) -> Result<Done, Failure> {
    let method = match args.method.to_ascii_uppercase().as_str() {
        "GET" => Method::Get,
        "POST" => Method::Post,
        other => return Err(Failure::usage(format!("--method {other}: GET or POST"))),
    };
    // The profile's secret with --profile, else the environment's.
    let secret = match profile {
        Some(name) => crate::profile::settings(name)?
            .get("secret_key")
            .filter(|s| !s.is_empty())
            .cloned()
            .ok_or_else(|| Failure::usage(format!("profile `{name}` has no secret_key")))?,
        None => std::env::var("BITGET_SECRET_KEY")
            .ok()
            .filter(|s| !s.is_empty())
            .ok_or_else(|| Failure::usage("set BITGET_SECRET_KEY to the key's secret"))?,
    };
    let query = args.query.trim_start_matches('?');
    let pre = prehash(
        &args.timestamp,
        method,
        &args.path,
        query,
        args.body.as_bytes(),
    );
    let signature = sign_hmac(&secret, &pre);
    let pre = String::from_utf8_lossy(&pre).into_owned();
    if json {
        print_json(&serde_json::json!({ "prehash": pre, "signature": signature }));
    } else {
        out!("prehash:   {pre}\nsignature: {signature}");
    }
    Ok(Done::Ok)
}

/// A dry run as text (or JSON): the request as it would be signed and sent, secrets redacted.
pub(crate) fn print_dry_run(run: &bitget_core::DryRun, json: bool) {
    if json {
        print_json(&serde_json::json!({
            "method": run.method.as_str(),
            "url": run.url,
            "headers": run.headers.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect::<serde_json::Map<_, _>>(),
            "body": run.body,
            "prehash": run.prehash,
        }));
    } else {
        out!("{run}");
    }
    eprintln!("(dry run: nothing was sent)");
}

#[cfg(test)]
mod tests {
    #[test]
    fn distance_counts_edits() {
        assert_eq!(super::distance("kitten", "sitting"), 3);
        assert_eq!(super::distance("", "abc"), 3);
        assert_eq!(super::distance("same", "same"), 0);
    }
}
