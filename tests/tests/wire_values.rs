//! Values as Bitget sends them, through the real envelope decoder: every shape that catalogue
//! §1.2, §1.3 and §5 of `surface-v2.md` and §1 of `uta-v3.md` record, each from the doc example
//! the catalogue names. And request bodies that are a top-level JSON array (v3 batches).

#![allow(missing_docs)]

use bitget_core::envelope::decode;
use bitget_core::{Decimal, RuleKind};
use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};

const EP: &str = "GET /api/test";

fn ok<T: serde::de::DeserializeOwned>(data: &str) -> T {
    let body =
        format!(r#"{{"code":"00000","msg":"success","requestTime":1695808949356,"data":{data}}}"#);
    decode::<T>(EP, 200, body.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{data}"))
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|e| panic!("{e}"))
}

bitget_core::wire_enum! {
    /// Margin mode: `crossed` in requests and positions, `cross` in order lists (catalogue §1.2).
    pub enum MarginMode {
        Isolated = "isolated",
        Crossed = "crossed" | "cross",
    }
}

bitget_core::wire_enum! {
    /// Reduce-only: `YES`/`NO` in requests, `yes` in `mix/order/detail` (catalogue §1.2).
    pub enum YesNo {
        Yes = "YES",
        No = "NO",
    }
}

bitget_core::wire_enum! {
    /// Order status: `cancelled`, `canceled` (mix detail), `cancel` (spot plan history).
    pub enum Status {
        Live = "live",
        Filled = "filled" | "full_fill",
        Cancelled = "cancelled" | "canceled" | "cancel",
    }
}

bitget_core::wire_enum! {
    /// Trade side: `buy` in old examples, `Buy` in new spot fills-history ones.
    pub enum Side {
        Buy = "buy",
        Sell = "sell",
    }
}

/// The TP/SL fields of a position (`mix/position/all-position` answers `""`,
/// `mix/position/single-position` answers `null`, catalogue §1.3).
#[bitget_response]
pub struct Position {
    pub symbol: String,
    pub margin_mode: MarginMode,
    pub take_profit: Option<Decimal>,
    pub stop_loss: Option<Decimal>,
    pub take_profit_id: Option<String>,
    pub stop_loss_id: Option<String>,
}

#[test]
fn empty_text_and_null_both_read_as_none() {
    let all: Vec<Position> = ok(
        r#"[{"symbol":"BTCUSDT","marginMode":"crossed","takeProfit":"","stopLoss":"","takeProfitId":"","stopLossId":""}]"#,
    );
    let single: Vec<Position> = ok(
        r#"[{"symbol":"BTCUSDT","marginMode":"crossed","takeProfit":null,"stopLoss":null,"takeProfitId":null,"stopLossId":null}]"#,
    );
    let absent: Vec<Position> = ok(r#"[{"symbol":"BTCUSDT","marginMode":"crossed"}]"#);
    for p in [&all[0], &single[0], &absent[0]] {
        assert_eq!((p.take_profit, p.stop_loss), (None, None));
        assert_eq!(
            (p.take_profit_id.as_deref(), p.stop_loss_id.as_deref()),
            (None, None)
        );
    }
}

/// `mix/account/account`: `isolatedMargin: null`, `unrealizedPL: ""`, the leverage fields as JSON
/// numbers in the newest example and strings in older ones, negative equity in union mode.
#[bitget_response]
pub struct Account {
    pub margin_coin: String,
    pub isolated_margin: Option<Decimal>,
    pub crossed_margin: Option<Decimal>,
    #[bitget(rename = "unrealizedPL")]
    pub unrealized_pl: Option<Decimal>,
    pub crossed_margin_leverage: u32,
    pub isolated_long_lever: Option<u32>,
    pub account_equity: Decimal,
    pub available: Decimal,
}

#[test]
fn numbers_come_as_strings_or_numbers_and_may_be_negative_or_long() {
    let newest: Account = ok(
        r#"{"marginCoin":"usdt","isolatedMargin":null,"crossedMargin":null,"unrealizedPL":"","crossedMarginLeverage":14,"isolatedLongLever":14,"accountEquity":"-4500.10469626","available":"5737867.8639926850760812"}"#,
    );
    let older: Account = ok(
        r#"{"marginCoin":"USDT","isolatedMargin":"0","crossedMargin":"12.5","unrealizedPL":"0","crossedMarginLeverage":"20","isolatedLongLever":"20","accountEquity":"20.0000000000000000","available":"1"}"#,
    );
    assert_eq!((newest.isolated_margin, newest.unrealized_pl), (None, None));
    assert_eq!(newest.crossed_margin_leverage, 14);
    assert_eq!(older.crossed_margin_leverage, 20);
    assert_eq!(newest.account_equity, dec("-4500.10469626"));
    assert_eq!(newest.available, dec("5737867.8639926850760812"));
    assert_eq!(older.account_equity, dec("20"));
    assert_eq!(older.crossed_margin, Some(dec("12.5")));
}

/// `spot/public/coins`: booleans typed Boolean, sent as `"true"`; spot plan lists' `nextFlag` is a
/// real boolean.
#[bitget_response]
pub struct Coin {
    pub coin: String,
    pub transfer: bool,
    pub withdrawable: Option<bool>,
    pub next_flag: Option<bool>,
}

#[test]
fn booleans_come_as_booleans_or_text() {
    let c: Coin = ok(r#"{"coin":"BTC","transfer":"true","withdrawable":"false","nextFlag":true}"#);
    assert!(c.transfer);
    assert_eq!((c.withdrawable, c.next_flag), (Some(false), Some(true)));
    let c: Coin = ok(r#"{"coin":"BTC","transfer":false,"withdrawable":""}"#);
    assert_eq!(
        (c.transfer, c.withdrawable, c.next_flag),
        (false, None, None)
    );
}

/// Spot `orderInfo`: `feeDetail` is JSON inside a string, `cTime` a 10-digit second value in the
/// `unfilled-orders` example, `status` `cancelled`.
#[bitget_response]
pub struct SpotOrder {
    pub order_id: String,
    pub symbol: String,
    pub side: Side,
    pub status: Status,
    #[bitget(json_string)]
    pub fee_detail: Option<serde_json::Value>,
    #[bitget(timestamp)]
    pub c_time: i64,
    #[bitget(timestamp)]
    pub u_time: Option<i64>,
}

#[test]
fn json_in_a_string_and_second_timestamps() {
    let o: SpotOrder = ok(
        r#"{"orderId":"1","symbol":"btcusdt","side":"Buy","status":"cancelled","feeDetail":"{\"BGB\":{\"deduction\":true,\"feeCoinCode\":\"BGB\",\"totalDeductionFee\":-0.0041,\"totalFee\":-0.0041},\"newFees\":{\"c\":0,\"d\":0,\"deduction\":false,\"r\":-0.112,\"t\":-0.112,\"totalDeductionFee\":0}}","cTime":"1622697148","uTime":"1695808949356"}"#,
    );
    let fee = o.fee_detail.unwrap_or_else(|| panic!("feeDetail"));
    assert_eq!(fee["newFees"]["t"], serde_json::json!(-0.112));
    assert_eq!(fee["BGB"]["deduction"], serde_json::json!(true));
    assert_eq!(o.c_time, 1_622_697_148_000, "10 digits are seconds");
    assert_eq!(o.u_time, Some(1_695_808_949_356));
    assert_eq!((o.side, o.status), (Side::Buy, Status::Cancelled));
    // Spot `trade/fills`: the same field as a real object; an empty one as "".
    let o: SpotOrder = ok(
        r#"{"orderId":"1","symbol":"BTCUSDT","side":"sell","status":"canceled","feeDetail":{"deduction":"yes"},"cTime":1695808949356,"uTime":""}"#,
    );
    assert_eq!(
        o.fee_detail.map(|f| f["deduction"].clone()),
        Some(serde_json::json!("yes"))
    );
    assert_eq!((o.status, o.u_time), (Status::Cancelled, None));
}

#[test]
fn enums_read_every_spelling_and_keep_the_unknown() {
    let modes: Vec<MarginMode> = ok(r#"["cross","crossed","CROSSED","isolated","portfolio"]"#);
    assert_eq!(
        modes,
        [
            MarginMode::Crossed,
            MarginMode::Crossed,
            MarginMode::Crossed,
            MarginMode::Isolated,
            MarginMode::Unknown("portfolio".into())
        ]
    );
    let flags: Vec<YesNo> = ok(r#"["yes","YES","no"]"#);
    assert_eq!(flags, [YesNo::Yes, YesNo::Yes, YesNo::No]);
    let states: Vec<Status> = ok(r#"["cancelled","canceled","cancel","full_fill","filled"]"#);
    assert_eq!(
        states,
        [
            Status::Cancelled,
            Status::Cancelled,
            Status::Cancelled,
            Status::Filled,
            Status::Filled
        ]
    );
    // Written in the declared form, whatever was read.
    assert_eq!(
        serde_json::to_string(&MarginMode::Crossed).ok().as_deref(),
        Some(r#""crossed""#)
    );
}

#[test]
fn a_null_list_is_an_empty_list() {
    // catalogue §1.4: `entrustedList` / `fillList` may be null; a list endpoint may answer data null.
    let none: Vec<Position> = ok("null");
    assert!(none.is_empty());
    #[bitget_response]
    struct Page {
        pub entrusted_list: Vec<SpotOrder>,
        pub end_id: Option<String>,
    }
    let page: Page = ok(r#"{"entrustedList":null,"endId":null}"#);
    assert!(page.entrusted_list.is_empty() && page.end_id.is_none());
    // A struct answer that is null is still an error: nothing to read is not an empty object.
    let body = br#"{"code":"00000","msg":"success","requestTime":1,"data":null}"#;
    assert!(decode::<Account>(EP, 200, body).is_err());
    // Even one whose every field has a default (it would read `[]` as a sequence).
    #[bitget_response]
    struct AllOptional {
        order_id: Option<String>,
        fills: Vec<String>,
    }
    assert!(decode::<AllOptional>(EP, 200, body).is_err());
}

/// uta-v3.md §1: `data` as a bare array, `{list, cursor}`, `{list}`, or the string `"success"`.
#[bitget_response]
pub struct CursorPage {
    pub list: Vec<Position>,
    pub cursor: Option<String>,
}

#[test]
fn v3_answer_shapes() {
    let bare: Vec<Position> = ok(r#"[{"symbol":"BTCUSDT","marginMode":"crossed"}]"#);
    assert_eq!(bare.len(), 1);
    let paged: CursorPage =
        ok(r#"{"list":[{"symbol":"BTCUSDT","marginMode":"crossed"}],"cursor":"1234"}"#);
    assert_eq!(
        (paged.list.len(), paged.cursor.as_deref()),
        (1, Some("1234"))
    );
    let last: CursorPage = ok(r#"{"list":[],"cursor":""}"#);
    assert_eq!(last.cursor, None, "an empty cursor is the last page");
    let list_only: CursorPage = ok(r#"{"list":[]}"#);
    assert!(list_only.list.is_empty() && list_only.cursor.is_none());
    let done: String = ok(r#""success""#);
    assert_eq!(done, "success");
}

bitget_core::wire_enum! {
    /// Product line.
    pub enum Category {
        Spot = "SPOT",
        UsdtFutures = "USDT-FUTURES",
    }
}

/// One order of a v3 batch.
#[bitget_item]
pub struct BatchItem {
    #[bitget(required)]
    pub category: Category,
    #[bitget(required, uppercase)]
    pub symbol: String,
    #[bitget(required, min = 0.0001)]
    pub qty: Decimal,
}

/// A v3 batch: the body is the list itself.
#[bitget_endpoint(POST, "/api/v3/trade/place-batch", rate = 5, response = ())]
pub struct PlaceBatch {
    #[bitget(required, non_empty, max_items = 20, body)]
    pub orders: Vec<BatchItem>,
}

#[test]
fn a_batch_body_is_a_top_level_array_and_its_items_are_named_by_index() {
    let item = |symbol: &str, qty: &str| {
        BatchItem::builder()
            .category(Category::Spot)
            .symbol(symbol)
            .qty(qty)
            .build()
    };
    let good = item("BTCUSDT", "0.01").unwrap_or_else(|e| panic!("{e}"));
    let batch = PlaceBatch::builder()
        .orders([good.clone(), good])
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let json = serde_json::to_string(&batch).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        json,
        r#"[{"category":"SPOT","symbol":"BTCUSDT","qty":"0.01"},{"category":"SPOT","symbol":"BTCUSDT","qty":"0.01"}]"#
    );
    let back: PlaceBatch = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, batch);
    // An item built by hand around its builder, broken: reported at `[1].symbol`.
    let bad = BatchItem {
        category: Category::Spot,
        symbol: "btcusdt".into(),
        qty: dec("0"),
    };
    let ok_item = item("BTCUSDT", "1").unwrap_or_else(|e| panic!("{e}"));
    let err = PlaceBatch::builder()
        .orders([ok_item, bad])
        .build()
        .err()
        .unwrap_or_else(|| panic!("expected an error"));
    assert!(err.has("[1].symbol", RuleKind::Uppercase), "{err}");
    assert!(err.has("[1].qty", RuleKind::Min), "{err}");
    let err = PlaceBatch::builder()
        .orders(std::iter::repeat_n(
            item("BTCUSDT", "1").unwrap_or_else(|e| panic!("{e}")),
            21,
        ))
        .build()
        .err();
    assert!(err.is_some_and(|e| e.has("(request)", RuleKind::MaxItems)));
}
