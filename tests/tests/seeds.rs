//! The five cancel endpoints against their seed documents (`tests/fixtures/seeds/`, copies of the
//! project's seed documents kept in the repository) and the signing
//! vectors: request examples written with the builders serialise to the seeds' bodies, response
//! examples decode, and TV3/TV5/TV6/TV7 come out byte for byte with their signatures.

use bitget_core::Endpoint;
use bitget_core::sign::{prehash, sign_hmac};
use bitget_endpoints::common::{BatchCancelResult, CancelledOrder};
use bitget_endpoints::mix::order::{BatchCancelOrders, CancelAllOrders, CancelPlanOrder};
use bitget_endpoints::mix::{OrderIdItem, PlanType, ProductType};
use bitget_endpoints::spot::trade::{BatchCancelOrder, CancelOrder};
use bitget_endpoints::spot::{BatchMode, SpotOrderItem};
use serde_json::Value;

/// A file of the repository, by its path from the root.
fn repo_file(path: &str) -> String {
    let full = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn seed(name: &str) -> String {
    repo_file(&format!("tests/fixtures/seeds/{name}"))
}

/// The body of the seed's curl example: the text between `-d '` and the closing `'`.
fn request_example(doc: &str) -> Value {
    let start = doc
        .find("-d '")
        .unwrap_or_else(|| panic!("no -d '...' in the seed"))
        + 4;
    let end = start
        + doc[start..]
            .find('\'')
            .unwrap_or_else(|| panic!("unterminated -d '...'"));
    // Seed 004 writes a full-width colon after "batchMode"; the seeds' README says its table is the
    // authority, so only that character is mended.
    let text = doc[start..end].replace('：', ":");
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("request example is not JSON: {e}\n{text}"))
}

/// The first fenced ```json block after the "Response Example" heading.
fn response_example(doc: &str) -> String {
    let at = doc
        .find("Response Example")
        .unwrap_or_else(|| panic!("no response example"));
    let rest = &doc[at..];
    let start = rest
        .find("```json")
        .unwrap_or_else(|| panic!("no json block"))
        + 7;
    let end = start
        + rest[start..]
            .find("```")
            .unwrap_or_else(|| panic!("unterminated block"));
    rest[start..end].to_owned()
}

/// Bitget's examples write productType in lower case; the client sends upper case.
fn upper_product_type(mut v: Value) -> Value {
    if let Some(Value::String(p)) = v.get_mut("productType") {
        *p = p.to_uppercase();
    }
    v
}

fn json<T: serde::Serialize>(t: &T) -> Value {
    serde_json::to_value(t).unwrap_or_else(|e| panic!("{e}"))
}

fn ok<T>(r: Result<T, bitget_core::ValidationError>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

fn item(order_id: &str, client_oid: &str) -> OrderIdItem {
    OrderIdItem {
        order_id: Some(order_id.into()),
        client_oid: Some(client_oid.into()),
    }
}

#[test]
fn seed_000_cancel_plan_order_request() {
    let doc = seed("000_27983da9191f2f3c.txt");
    let built = ok(CancelPlanOrder::builder()
        .order_id_list([item("123", "321"), item("", "666"), item("123", "")])
        .symbol("ETHUSDT")
        .product_type("usdt-futures")
        .margin_coin("USDT")
        .build());
    assert_eq!(json(&built), upper_product_type(request_example(&doc)));
    // The example read as JSON is the same request, and passes the same rules.
    let read: CancelPlanOrder =
        serde_json::from_value(request_example(&doc)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read, built);
    read.validate().unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn seed_001_batch_cancel_orders_request() {
    let doc = seed("001_14c7de13016fefc7.txt");
    let built = ok(BatchCancelOrders::builder()
        .symbol("BTCUSDT")
        .product_type(ProductType::UsdtFutures)
        .margin_coin("USDT")
        .order_id_list([OrderIdItem::by_order_id("121211212122")])
        .build());
    assert_eq!(json(&built), upper_product_type(request_example(&doc)));
}

#[test]
fn seed_002_cancel_all_orders_request() {
    let doc = seed("002_8d235961a98c8c05.txt");
    let built = ok(CancelAllOrders::builder()
        .product_type(ProductType::UsdtFutures)
        .margin_coin("USDT")
        .build());
    assert_eq!(json(&built), upper_product_type(request_example(&doc)));
}

#[test]
fn seed_003_spot_cancel_order_request() {
    let doc = seed("003_9b427d6db3cf058e.txt");
    let built = ok(CancelOrder::builder()
        .symbol("BTCUSDT")
        .order_id("121211212122")
        .build());
    assert_eq!(json(&built), request_example(&doc));
}

#[test]
fn seed_004_spot_batch_cancel_request() {
    let doc = seed("004_328c1c14021f8db5.txt");
    let built = ok(BatchCancelOrder::builder()
        .symbol("")
        .batch_mode(BatchMode::Multiple)
        .order_list([SpotOrderItem {
            symbol: Some("BTCUSDT".into()),
            order_id: Some("121211212122".into()),
            client_oid: Some("121211212122".into()),
        }])
        .build());
    assert_eq!(json(&built), request_example(&doc));
    let read: BatchCancelOrder =
        serde_json::from_value(request_example(&doc)).unwrap_or_else(|e| panic!("{e}"));
    read.validate().unwrap_or_else(|e| panic!("{e}"));
}

fn decode<E: Endpoint>(doc: &str) -> E::Response {
    let body = response_example(doc);
    bitget_core::envelope::decode::<E::Response>(E::PATH, 200, body.as_bytes())
        .unwrap_or_else(|e| panic!("{e}\n{body}"))
}

fn ids(list: &[CancelledOrder]) -> Vec<(Option<&str>, Option<&str>)> {
    list.iter()
        .map(|o| (o.order_id.as_deref(), o.client_oid.as_deref()))
        .collect()
}

#[test]
fn seed_responses_decode_and_keep_every_failure() {
    let r: BatchCancelResult = decode::<CancelPlanOrder>(&seed("000_27983da9191f2f3c.txt"));
    assert_eq!(
        ids(&r.success_list),
        // The seed's `"clientOid": ""` is "no clientOid" (catalogue §1.3: "" reads as none).
        [(Some("121212121212"), Some("123")), (Some("123"), None)]
    );
    assert_eq!(r.failure_list.len(), 2);
    assert!(!r.all_succeeded());
    assert_eq!(
        r.failed("21221").and_then(|f| f.error_msg.as_deref()),
        Some("notExistend")
    );
    assert_eq!(
        r.failure_list[0].error_code, None,
        "seed 000 has no errorCode"
    );

    for (name, doc) in [
        ("001", seed("001_14c7de13016fefc7.txt")),
        ("002", seed("002_8d235961a98c8c05.txt")),
    ] {
        let r: BatchCancelResult = decode::<BatchCancelOrders>(&doc);
        assert_eq!(
            ids(&r.success_list),
            [(Some("121211212122"), Some("BITGET#121211212122"))],
            "{name}"
        );
        assert!(r.cancelled("121211212122") && !r.cancelled("232"), "{name}");
        let failed = r
            .failed("232")
            .unwrap_or_else(|| panic!("{name}: 232 failed"));
        assert_eq!(
            (failed.client_oid.as_deref(), failed.error_msg.as_deref()),
            (Some("321342"), Some("notExistend"))
        );
    }

    let r: CancelledOrder = decode::<CancelOrder>(&seed("003_9b427d6db3cf058e.txt"));
    assert_eq!(
        (r.order_id.as_deref(), r.client_oid.as_deref()),
        (Some("121211212122"), Some("xx001"))
    );

    let r: BatchCancelResult = decode::<BatchCancelOrder>(&seed("004_328c1c14021f8db5.txt"));
    assert_eq!(
        ids(&r.success_list),
        [(Some("121211212122"), Some("121211212122"))]
    );
    assert_eq!(
        r.failed("xxx001").and_then(|f| f.error_msg.as_deref()),
        Some("duplicate clientOrderId")
    );
}

#[test]
fn responses_survive_null_lists_and_new_fields() {
    let body = br#"{"code":"00000","msg":"success","requestTime":1,"data":{"successList":null,"failureList":[{"orderId":"1","errorMsg":"x","errorCode":"40768","brandNew":true}],"extra":{}}}"#;
    let r: BatchCancelResult =
        bitget_core::envelope::decode("/x", 200, body).unwrap_or_else(|e| panic!("{e}"));
    assert!(r.success_list.is_empty());
    assert_eq!(r.failure_list[0].error_code.as_deref(), Some("40768"));
    let body = br#"{"code":"00000","msg":"success","requestTime":1,"data":{}}"#;
    let r: BatchCancelResult =
        bitget_core::envelope::decode("/x", 200, body).unwrap_or_else(|e| panic!("{e}"));
    assert!(r.all_succeeded() && r.success_list.is_empty());
}

#[derive(serde::Deserialize)]
struct Vector {
    id: String,
    secret: String,
    timestamp: String,
    #[serde(rename = "requestPath")]
    request_path: String,
    body: String,
    sign: String,
}

fn vector(id: &str) -> Vector {
    #[derive(serde::Deserialize)]
    struct All {
        vectors: Vec<Vector>,
    }
    let all: All = serde_json::from_str(&repo_file("bitget-core/tests/data/signing.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    all.vectors
        .into_iter()
        .find(|v| v.id == id)
        .unwrap_or_else(|| panic!("no vector {id}"))
}

/// The request serialises to the vector's body byte for byte, and signs to its signature.
fn matches_vector<E: Endpoint>(request: &E, id: &str) {
    let v = vector(id);
    assert_eq!(E::PATH, v.request_path, "{id}");
    let encoded = bitget_core::encode::encode(request).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(String::from_utf8_lossy(&encoded.body), v.body, "{id} body");
    let pre = prehash(
        &v.timestamp,
        E::METHOD,
        E::PATH,
        &encoded.query,
        &encoded.body,
    );
    assert_eq!(sign_hmac(&v.secret, &pre), v.sign, "{id} signature");
}

#[test]
fn signing_vectors_tv3_tv5_tv6_tv7() {
    matches_vector(
        &ok(CancelPlanOrder::builder()
            .order_id_list([OrderIdItem::by_order_id("1234567890123456789")])
            .symbol("BTCUSDT")
            .product_type(ProductType::UsdtFutures)
            .margin_coin("USDT")
            .plan_type(PlanType::NormalPlan)
            .build()),
        "TV3",
    );
    matches_vector(
        &ok(CancelAllOrders::builder()
            .product_type(ProductType::UsdtFutures)
            .margin_coin("USDT")
            .build()),
        "TV5",
    );
    matches_vector(
        &ok(CancelOrder::builder()
            .symbol("BTCUSDT")
            .order_id("121211212122")
            .build()),
        "TV6",
    );
    matches_vector(
        &ok(BatchCancelOrder::builder()
            .symbol("BTCUSDT")
            .batch_mode(BatchMode::Single)
            .order_list([
                SpotOrderItem::by_order_id("121211212122"),
                SpotOrderItem::by_order_id("121211212123"),
            ])
            .build()),
        "TV7",
    );
    matches_vector(
        &ok(CancelOrder::builder()
            .symbol("龙虾USDT")
            .client_oid("x")
            .build()),
        "TV9",
    );
}

#[test]
fn product_type_reads_any_case_and_is_sent_upper_case() {
    let read: CancelAllOrders =
        serde_json::from_str(r#"{"productType":"usdt-futures"}"#).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read.product_type, ProductType::UsdtFutures);
    assert_eq!(
        json(&read),
        serde_json::json!({"productType": "USDT-FUTURES"})
    );
    for p in ProductType::ALL {
        let back: ProductType = serde_json::from_value(Value::String(p.as_str().to_lowercase()))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(&back, p);
    }
    assert_eq!(ProductType::ALL.len(), 6);
}

#[test]
fn a_misspelt_list_is_refused_not_read_as_cancel_everything() {
    let err = serde_json::from_str::<BatchCancelOrders>(
        r#"{"orderIdLst":[{"orderId":"1"}],"symbol":"BTCUSDT","productType":"USDT-FUTURES"}"#,
    );
    assert!(err.is_err());
}

/// Every file a test reads is in the repository: a clone runs `cargo test --workspace` alone.
#[test]
fn no_source_reads_outside_the_repository() {
    let outside = ["..", "/..", "/shared"].concat();
    let root = format!("{}/..", env!("CARGO_MANIFEST_DIR"));
    let mut stack = vec![std::path::PathBuf::from(&root)];
    let mut offenders = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if path.is_dir() {
                if name != "target" && !name.starts_with('.') {
                    stack.push(path);
                }
            } else if name.ends_with(".rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                if text.contains(&outside) {
                    offenders.push(path.display().to_string());
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "reading outside the repository: {offenders:?}"
    );
}
