//! `sign`: building the prehash and signing a 50-item batch-cancel body, through the crate's own
//! path (serialise once, prehash, `HmacSigner`), next to the bare minimum on identical bytes
//! (serde_json + hmac + base64 written inline). Run: `cargo bench -p bitget-core --bench sign`.

use std::hint::black_box;

use base64::Engine as _;
use bitget_core::sign::{HmacSigner, Signer as _, prehash};
use bitget_core::{Encoding, Endpoint, Method, RateLimit, RateScope, ValidationError};
use criterion::{Criterion, criterion_group, criterion_main};
use hmac::Mac as _;
use serde::Serialize;

const SECRET: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

#[derive(Serialize, Clone)]
#[serde(rename_all = "camelCase")]
struct Item {
    order_id: String,
}

#[derive(Serialize, Clone)]
#[serde(rename_all = "camelCase")]
struct BatchCancel {
    symbol: String,
    product_type: String,
    margin_coin: String,
    order_id_list: Vec<Item>,
}

impl Endpoint for BatchCancel {
    type Response = ();
    const METHOD: Method = Method::Post;
    const PATH: &'static str = "/api/v2/mix/order/batch-cancel-orders";
    const RATE_LIMIT: RateLimit = RateLimit {
        per_second: 10,
        scope: RateScope::Uid,
    };
    const SIGNED: bool = true;
    const ENCODING: Encoding = Encoding::JsonBody;
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}

fn request() -> BatchCancel {
    BatchCancel {
        symbol: "BTCUSDT".into(),
        product_type: "USDT-FUTURES".into(),
        margin_coin: "USDT".into(),
        order_id_list: (0..50)
            .map(|i| Item {
                order_id: format!("11{i:017}"),
            })
            .collect(),
    }
}

fn bench(c: &mut Criterion) {
    let req = request();
    let signer = HmacSigner::new(SECRET);
    let ts = "1700000000000";
    // Both paths must produce the same signature, or the comparison means nothing.
    let ours = {
        let enc = bitget_core::encode::encode(&req).unwrap_or_default();
        signer
            .sign(&prehash(
                ts,
                Method::Post,
                BatchCancel::PATH,
                &enc.query,
                &enc.body,
            ))
            .unwrap_or_default()
    };
    let bare = baseline(&req, ts);
    assert_eq!(ours, bare, "the crate and the baseline disagree");

    let mut group = c.benchmark_group("sign");
    group.bench_function("client_path", |b| {
        b.iter(|| {
            let enc = bitget_core::encode::encode(black_box(&req)).unwrap_or_default();
            let pre = prehash(
                black_box(ts),
                Method::Post,
                BatchCancel::PATH,
                &enc.query,
                &enc.body,
            );
            black_box(signer.sign(&pre).unwrap_or_default())
        })
    });
    group.bench_function("baseline", |b| {
        b.iter(|| black_box(baseline(black_box(&req), black_box(ts))))
    });
    group.finish();
}

/// The bare minimum: serialise, concatenate, HMAC keyed from scratch, base64.
fn baseline(req: &BatchCancel, ts: &str) -> String {
    let body = serde_json::to_vec(req).unwrap_or_default();
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(SECRET.as_bytes())
        .unwrap_or_else(|_| unreachable!());
    mac.update(ts.as_bytes());
    mac.update(b"POST");
    mac.update(BatchCancel::PATH.as_bytes());
    mac.update(&body);
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

criterion_group!(benches, bench);
criterion_main!(benches);
