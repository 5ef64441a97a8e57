//! Account families and signatures on the simulator: a Unified key on a v2 path is 40085, a
//! Classic key on a v3 path is 40084, a signed query is verified over its raw form only, and
//! only a body needs a JSON Content-Type.

use bitget_core::sign::{prehash, sign_hmac};
use bitget_core::{ApiCode, Client, Credentials, Method, RetryPolicy};
use bitget_endpoints::spot::trade::CancelOrder;
use bitget_sim::{Account, RunningSimulator, Simulator};
use serde_json::{Value, json};

async fn sim() -> RunningSimulator {
    Simulator::builder()
        .account(Account::new("classic", "c-secret", "c-pass"))
        .account(Account::new("unified", "u-secret", "u-pass").unified(true))
        .start()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

fn client(sim: &RunningSimulator, key: &str, secret: &str, pass: &str) -> Client {
    Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new(key, secret, pass))
        .retry(RetryPolicy::never())
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn a_unified_key_on_a_v2_path_is_told_to_use_v3() {
    let sim = sim().await;
    let err = CancelOrder::builder()
        .symbol("BTCUSDT")
        .order_id("1")
        .send(&client(&sim, "unified", "u-secret", "u-pass"))
        .await
        .err()
        .unwrap_or_else(|| panic!("refused"));
    assert_eq!(err.api_code(), Some(&ApiCode::UnifiedKeyOnClassicApi));
    assert!(err.is_auth());
    assert!(err.to_string().contains("Unified-account key"), "{err}");
}

#[tokio::test]
async fn a_classic_key_on_a_v3_path_is_told_to_use_v2() {
    let sim = sim().await;
    let err = client(&sim, "classic", "c-secret", "c-pass")
        .raw(Method::Post, "/api/v3/trade/place-order", 10)
        .params(json!({"category": "SPOT", "symbol": "BTCUSDT"}))
        .send::<Value>()
        .await
        .err()
        .unwrap_or_else(|| panic!("refused"));
    assert_eq!(err.api_code(), Some(&ApiCode::ClassicKeyOnUnifiedApi));
    assert!(err.to_string().contains("Classic-account key"), "{err}");
}

#[tokio::test]
async fn a_query_is_verified_over_its_raw_form_only() {
    let sim = sim().await;
    let unified = client(&sim, "unified", "u-secret", "u-pass");
    // The client signs the raw query and sends it percent-encoded: the signature holds, and the
    // signed endpoint answers (no open order on that symbol).
    let answer = unified
        .raw(Method::Get, "/api/v3/trade/unfilled-orders", 20)
        .params(json!({"category": "SPOT", "symbol": "龙虾USDT"}))
        .send::<Value>()
        .await
        .unwrap_or_else(|e| panic!("a raw-signed query is accepted: {e}"));
    assert_eq!(answer["list"], json!([]), "{answer}");
    // The same request signed over the encoded query, as a careless client would: refused.
    let query = "category=SPOT&symbol=%E9%BE%99%E8%99%BEUSDT";
    let timestamp = sim_time(&sim).await;
    let sign = sign_hmac(
        "u-secret",
        &prehash(
            &timestamp,
            Method::Get,
            "/api/v3/trade/unfilled-orders",
            query,
            b"",
        ),
    );
    let answer: Value = reqwest::Client::new()
        .get(format!(
            "{}/api/v3/trade/unfilled-orders?{query}",
            sim.base_url()
        ))
        .header("ACCESS-KEY", "unified")
        .header("ACCESS-SIGN", sign)
        .header("ACCESS-TIMESTAMP", &timestamp)
        .header("ACCESS-PASSPHRASE", "u-pass")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .bytes()
        .await
        .map(|b| serde_json::from_slice(&b).unwrap_or(Value::Null))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(answer["code"], "40009", "{answer}");
}

async fn sim_time(sim: &RunningSimulator) -> String {
    let answer: Value = reqwest::get(format!("{}/api/v2/public/time", sim.base_url()))
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .bytes()
        .await
        .map(|b| serde_json::from_slice(&b).unwrap_or(Value::Null))
        .unwrap_or_else(|e| panic!("{e}"));
    answer["data"]["serverTime"]
        .as_str()
        .unwrap_or_else(|| panic!("{answer}"))
        .to_owned()
}

#[tokio::test]
async fn a_known_path_with_the_wrong_method_is_not_found_as_on_bitget() {
    let sim = sim().await;
    for (method, path) in [
        (reqwest::Method::GET, "/api/v2/spot/trade/place-order"),
        (reqwest::Method::POST, "/api/v2/mix/market/ticker"),
        (reqwest::Method::DELETE, "/api/v2/public/time"),
        (reqwest::Method::GET, "/api/v2/no/such/path"),
    ] {
        let response = reqwest::Client::new()
            .request(method.clone(), format!("{}{path}", sim.base_url()))
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(response.status().as_u16(), 404, "{method} {path}");
        let body = response.bytes().await.unwrap_or_default();
        let answer: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        assert_eq!(answer["code"], "40404", "{method} {path}: {answer}");
    }
    // Each was logged, with its code.
    assert_eq!(sim.requests().len(), 4);
    assert!(sim.requests().iter().all(|r| r.code == "40404"));
}

/// A signed request by hand: GET with no Content-Type (as ccxt sends it) is accepted; a POST
/// body without `application/json` is refused with 40007.
#[tokio::test]
async fn a_get_needs_no_content_type_a_post_body_does() {
    let sim = sim().await;
    let timestamp = sim_time(&sim).await;
    let path = "/api/v3/account/settings";
    let sign = sign_hmac("u-secret", &prehash(&timestamp, Method::Get, path, "", b""));
    let get: Value = reqwest::Client::new()
        .get(format!("{}{path}", sim.base_url()))
        .header("ACCESS-KEY", "unified")
        .header("ACCESS-SIGN", sign)
        .header("ACCESS-TIMESTAMP", &timestamp)
        .header("ACCESS-PASSPHRASE", "u-pass")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .bytes()
        .await
        .map(|b| serde_json::from_slice(&b).unwrap_or(Value::Null))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(get["code"], "00000", "{get}");
    let path = "/api/v3/trade/cancel-order";
    let body = br#"{"orderId":"1"}"#;
    let sign = sign_hmac(
        "u-secret",
        &prehash(&timestamp, Method::Post, path, "", body),
    );
    let post: Value = reqwest::Client::new()
        .post(format!("{}{path}", sim.base_url()))
        .header("ACCESS-KEY", "unified")
        .header("ACCESS-SIGN", sign)
        .header("ACCESS-TIMESTAMP", &timestamp)
        .header("ACCESS-PASSPHRASE", "u-pass")
        .body(body.to_vec())
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .bytes()
        .await
        .map(|b| serde_json::from_slice(&b).unwrap_or(Value::Null))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(post["code"], "40007", "{post}");
}
