//! `decode`: what reading a 50-item batch-cancel answer costs, next to the two floors any
//! serde_json-based client has on the same bytes: parsing without keeping anything
//! (`IgnoredAny`), and decoding into structs that borrow `&str` from the body (no allocation,
//! at the price of a lifetime on every response type). The answer is the simulator's for 50
//! unknown ids (~5.4 KB, every item in `failureList`), as in `client_overhead`.
//!
//! Run: `cargo bench -p bitget-endpoints --bench decode`.

use std::hint::black_box;

use bitget_endpoints::common::BatchCancelResult;
use criterion::{Criterion, criterion_group, criterion_main};
use serde::Deserialize;

fn answer() -> String {
    let items: Vec<String> = (0..50)
        .map(|i| {
            format!(
                r#"{{"orderId":"9{i:018}","clientOid":"","errorMsg":"The order does not exist","errorCode":"40768"}}"#
            )
        })
        .collect();
    format!(
        r#"{{"code":"00000","msg":"success","requestTime":1700000000000,"data":{{"successList":[],"failureList":[{}]}}}}"#,
        items.join(",")
    )
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BorrowedItem<'a> {
    #[serde(borrow)]
    order_id: Option<&'a str>,
    #[serde(borrow)]
    client_oid: Option<&'a str>,
    #[serde(borrow)]
    error_msg: Option<&'a str>,
    #[serde(borrow)]
    error_code: Option<&'a str>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BorrowedLists<'a> {
    #[serde(borrow, default)]
    success_list: Vec<BorrowedItem<'a>>,
    #[serde(borrow, default)]
    failure_list: Vec<BorrowedItem<'a>>,
}

#[derive(Deserialize)]
struct BorrowedEnvelope<'a> {
    #[serde(borrow)]
    code: &'a str,
    #[serde(borrow)]
    data: BorrowedLists<'a>,
}

fn decode(c: &mut Criterion) {
    let body = answer();
    let mut group = c.benchmark_group("decode_batch_cancel_answer_50");
    group.bench_function("client_envelope_decode_owned", |b| {
        b.iter(|| {
            let r: BatchCancelResult = bitget_core::envelope::decode(
                "POST /api/v2/mix/order/batch-cancel-orders",
                200,
                black_box(body.as_bytes()),
            )
            .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(r.failure_list.len(), 50);
            r
        })
    });
    group.bench_function("floor_borrowed_str", |b| {
        b.iter(|| {
            let text =
                std::str::from_utf8(black_box(body.as_bytes())).unwrap_or_else(|e| panic!("{e}"));
            let r: BorrowedEnvelope<'_> =
                serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!((r.code, r.data.failure_list.len()), ("00000", 50));
            black_box(r.data.success_list.len());
            black_box(
                r.data
                    .failure_list
                    .iter()
                    .map(|f| {
                        f.order_id.map_or(0, str::len)
                            + f.client_oid.map_or(0, str::len)
                            + f.error_msg.map_or(0, str::len)
                            + f.error_code.map_or(0, str::len)
                    })
                    .sum::<usize>(),
            );
        })
    });
    group.bench_function("floor_parse_only", |b| {
        b.iter(|| {
            let r: serde::de::IgnoredAny = serde_json::from_slice(black_box(body.as_bytes()))
                .unwrap_or_else(|e| panic!("{e}"));
            r
        })
    });
    group.finish();
}

criterion_group!(benches, decode);
criterion_main!(benches);
