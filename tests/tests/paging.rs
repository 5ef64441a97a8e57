//! Paged endpoints as streams, against a local server that serves pages: the stream stops at the
//! last page, goes through the limiter for every page, retries a failed page, and can be bounded.

#![allow(missing_docs)]

#[path = "../../bitget-core/tests/common/mod.rs"]
mod common;

use std::sync::Arc;
use std::time::Duration;

use bitget_core::{Client, Credentials, RateLimits, RetryPolicy};
use bitget_macros::{bitget_endpoint, bitget_response};
use common::{Captured, Reply, serve_replies};

const PATH: &str = "/api/v2/mix/order/orders-pending";

/// `mix/order/orders-pending`, cut down to its paging: `idLessThan` and `limit` (max 100),
/// answered with `entrustedList` and `endId`.
#[bitget_endpoint(GET, "/api/v2/mix/order/orders-pending", rate = 10, response = OrdersPage, page(cursor = id_less_than, size = limit, max = 100))]
pub struct OrdersPending {
    #[bitget(required)]
    pub product_type: String,
    pub id_less_than: Option<String>,
    pub limit: Option<u32>,
}

#[bitget_response]
pub struct OrdersPage {
    #[bitget(items)]
    pub entrusted_list: Vec<Order>,
    #[bitget(cursor)]
    pub end_id: Option<String>,
}

#[bitget_response]
pub struct Order {
    #[bitget(cursor)]
    pub order_id: String,
}

/// spot `unfilled-orders`: a bare list whose next cursor is the last row's `orderId`.
#[bitget_endpoint(GET, "/api/v2/spot/trade/unfilled-orders", rate = 10, response = Vec<Order>, page(cursor = id_less_than, size = limit, max = 100))]
pub struct Unfilled {
    pub id_less_than: Option<String>,
    pub limit: Option<u32>,
}

fn page(ids: &[u32], end_id: &str) -> &'static str {
    let list: Vec<String> = ids
        .iter()
        .map(|i| format!(r#"{{"orderId":"{i}"}}"#))
        .collect();
    let body = format!(
        r#"{{"code":"00000","msg":"success","requestTime":1,"data":{{"entrustedList":[{}],"endId":{end_id}}}}}"#,
        list.join(",")
    );
    Box::leak(body.into_boxed_str())
}

const DOWN: &str =
    "HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\nconnection: close\r\n\r\n";

fn client(url: &str, limits: Arc<RateLimits>) -> Client {
    Client::builder()
        .base_url(url)
        .credentials(Credentials::new(
            common::KEY,
            common::SECRET,
            common::PASSPHRASE,
        ))
        .rate_limits(limits)
        .retry(
            RetryPolicy::new(3)
                .with_backoff(Duration::from_millis(1), Duration::from_millis(2))
                .with_max_elapsed(Duration::from_secs(5)),
        )
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

/// USDT-FUTURES pending orders, two a page.
fn pending_by_two() -> OrdersPending {
    OrdersPending::builder()
        .product_type("USDT-FUTURES")
        .limit(2)
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
}

fn query(c: &Captured) -> String {
    let line = c.head.lines().next().unwrap_or_default();
    let target = line.split(' ').nth(1).unwrap_or_default();
    target.split_once('?').map_or("", |(_, q)| q).to_owned()
}

fn ids(orders: &[Order]) -> Vec<&str> {
    orders.iter().map(|o| o.order_id.as_str()).collect()
}

#[tokio::test]
async fn three_pages_then_stop_through_the_limiter_retrying_a_failed_page() {
    let (url, server) = serve_replies(vec![
        Reply::Json(200, page(&[1, 2], r#""2""#)),
        Reply::Raw(DOWN),
        Reply::Json(200, page(&[3, 4], r#""4""#)),
        Reply::Json(200, page(&[5], r#""5""#)),
    ])
    .await;
    let limits = RateLimits::new();
    let request = pending_by_two();
    let all = request
        .stream(&client(&url, limits.clone()))
        .try_collect()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(ids(&all), ["1", "2", "3", "4", "5"]);
    let seen = server.await.unwrap_or_else(|e| panic!("{e}"));
    let queries: Vec<String> = seen.iter().map(query).collect();
    assert_eq!(
        queries,
        [
            "limit=2&productType=USDT-FUTURES",
            "idLessThan=2&limit=2&productType=USDT-FUTURES",
            "idLessThan=2&limit=2&productType=USDT-FUTURES",
            "idLessThan=4&limit=2&productType=USDT-FUTURES",
        ],
        "the third page is short, so it is the last: no fifth request"
    );
    assert_eq!(
        limits.granted(PATH),
        4,
        "every attempt went through the limiter"
    );
}

#[tokio::test]
async fn a_bounded_stream_fetches_no_page_beyond_its_items() {
    let (url, server) = serve_replies(vec![
        Reply::Json(200, page(&[1, 2], r#""2""#)),
        Reply::Json(200, page(&[3, 4], r#""4""#)),
    ])
    .await;
    let request = pending_by_two();
    let mut stream = request
        .stream(&client(&url, RateLimits::new()))
        .max_items(3);
    let mut got = Vec::new();
    while let Some(order) = stream.next().await {
        got.push(order.unwrap_or_else(|e| panic!("{e}")).order_id);
    }
    assert_eq!(got, ["1", "2", "3"]);
    assert_eq!(stream.pages_fetched(), 2);
    assert_eq!(server.await.unwrap_or_else(|e| panic!("{e}")).len(), 2);
}

#[tokio::test]
async fn no_cursor_or_the_same_cursor_again_ends_the_stream() {
    for second in [r#""""#, "null", r#""2""#] {
        let (url, server) = serve_replies(vec![
            Reply::Json(200, page(&[1, 2], r#""2""#)),
            Reply::Json(200, page(&[3, 4], second)),
        ])
        .await;
        let request = pending_by_two();
        let all = request
            .stream(&client(&url, RateLimits::new()))
            .try_collect()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ids(&all), ["1", "2", "3", "4"], "endId {second}");
        assert_eq!(server.await.unwrap_or_else(|e| panic!("{e}")).len(), 2);
    }
}

#[tokio::test]
async fn a_bare_list_pages_by_its_last_row_and_an_unset_size_asks_for_the_largest_page() {
    fn bare(ids: std::ops::RangeInclusive<u32>) -> &'static str {
        let list: Vec<String> = ids.map(|i| format!(r#"{{"orderId":"{i}"}}"#)).collect();
        let body = format!(
            r#"{{"code":"00000","msg":"success","requestTime":1,"data":[{}]}}"#,
            list.join(",")
        );
        Box::leak(body.into_boxed_str())
    }
    let (url, server) = serve_replies(vec![
        Reply::Json(200, bare(1..=100)),
        Reply::Json(200, bare(101..=130)),
    ])
    .await;
    let all = Unfilled::builder()
        .build()
        .unwrap_or_else(|e| panic!("{e}"))
        .stream(&client(&url, RateLimits::new()))
        .try_collect()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(all.len(), 130);
    let seen = server.await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(query(&seen[0]), "limit=100");
    assert_eq!(query(&seen[1]), "idLessThan=100&limit=100");
    // A size beyond the largest page is asked as the largest (else every page would look short).
    let (url, server) = serve_replies(vec![Reply::Json(200, bare(1..=3))]).await;
    let request = Unfilled::builder()
        .limit(500)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let few = request
        .stream(&client(&url, RateLimits::new()))
        .try_collect()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(few.len(), 3);
    let seen = server.await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(query(&seen[0]), "limit=100");
}

#[tokio::test]
async fn a_page_that_fails_for_good_ends_the_stream_with_its_error() {
    let (url, server) = serve_replies(vec![
        Reply::Json(200, page(&[1, 2], r#""2""#)),
        Reply::Json(
            400,
            r#"{"code":"40034","msg":"Parameter does not exist","requestTime":1,"data":null}"#,
        ),
    ])
    .await;
    let request = pending_by_two();
    let mut stream = request.stream(&client(&url, RateLimits::new()));
    let first = stream.next_page().await.map(|p| p.map(|p| p.len()).ok());
    assert_eq!(first, Some(Some(2)));
    let err = stream.next().await.and_then(Result::err);
    assert!(err.is_some_and(|e| e.api_code().is_some()));
    assert!(stream.next().await.is_none(), "nothing after the error");
    server.await.unwrap_or_else(|e| panic!("{e}"));
}
