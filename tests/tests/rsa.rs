//! RSA keys end to end: the client's SHA256withRSA signer against signatures OpenSSL made (kept
//! as data), and the simulator verifying RSA-signed requests with the account's public key, as
//! Bitget does, refusing another key's signature and an HMAC one.

use bitget_core::sign::{Signer as _, prehash};
use bitget_core::{ApiCode, Client, Credentials, Method};
use bitget_endpoints::mix::ProductType;
use bitget_endpoints::mix::account::Accounts;
use bitget_sim::{Account, Simulator};
use serde_json::Value;

const KEY: &str = include_str!("../../bitget-core/tests/fixtures/rsa-test-key.pem");
const PUBLIC: &str = include_str!("../../bitget-core/tests/fixtures/rsa-test-key.pub.pem");
const OTHER: &str = include_str!("../../bitget-core/tests/fixtures/rsa-other-key.pem");

#[test]
fn the_rsa_signer_makes_the_signatures_openssl_made() {
    let data: Value = serde_json::from_str(include_str!(
        "../../bitget-core/tests/data/rsa-signing.json"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let signer =
        bitget_core::sign::RsaSigner::from_pkcs8_pem(KEY).unwrap_or_else(|e| panic!("{e}"));
    let vectors = data["vectors"].as_array().cloned().unwrap_or_default();
    assert!(vectors.len() >= 5);
    for v in vectors {
        let text = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
        let method: Method = text("method").parse().unwrap_or_else(|e| panic!("{e}"));
        let pre = prehash(
            &text("timestamp"),
            method,
            &text("request_path"),
            &text("query_string"),
            text("body").as_bytes(),
        );
        assert_eq!(String::from_utf8_lossy(&pre), text("prehash"), "{v}");
        assert_eq!(signer.sign(&pre).ok(), Some(text("sign")), "{v}");
    }
}

fn client(sim: &bitget_sim::RunningSimulator, credentials: Credentials) -> Client {
    Client::builder()
        .base_url(sim.base_url())
        .credentials(credentials)
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

async fn accounts(c: &Client) -> Result<usize, bitget_core::Error> {
    Accounts::builder()
        .product_type(ProductType::UsdtFutures)
        .build()?
        .send(c)
        .await
        .map(|a| a.len())
}

#[tokio::test]
async fn the_simulator_verifies_rsa_keys_as_bitget_does() {
    let sim = Simulator::builder()
        .account(Account::rsa("rsa-key", PUBLIC, "rsa-pass"))
        .without_rate_limits()
        .start()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let rsa =
        |pem: &str| Credentials::rsa("rsa-key", pem, "rsa-pass").unwrap_or_else(|e| panic!("{e}"));
    assert!(accounts(&client(&sim, rsa(KEY))).await.is_ok());
    for wrong in [
        rsa(OTHER),
        Credentials::new("rsa-key", "an-hmac-secret", "rsa-pass"),
    ] {
        let err = accounts(&client(&sim, wrong))
            .await
            .err()
            .unwrap_or_else(|| panic!("another key's signature is refused"));
        assert_eq!(err.api_code(), Some(&ApiCode::SignatureMismatch), "{err}");
    }
}
