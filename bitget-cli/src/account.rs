//! `orders`, `positions`, `balances`: what the account holds, read through the declared
//! endpoints, on every product line of its family (Classic: v2 spot and the three futures
//! lines; Unified: v3), the family asked of the exchange.

use bitget_endpoints::mix::ProductType;
use bitget_endpoints::uta::{AccountFamily, Category, account_family};
use bitget_endpoints::{Client, stop};
use serde_json::Value;

use crate::output::{Column, col, items, json_of, print_json, print_table, tagged};
use crate::{Done, Failure};

/// The v2 futures lines a Classic account may trade.
pub(crate) const FUTURES_LINES: [ProductType; 3] = [
    ProductType::UsdtFutures,
    ProductType::CoinFutures,
    ProductType::UsdcFutures,
];

/// The v3 futures categories.
pub(crate) const UNIFIED_FUTURES: [Category; 3] = [
    Category::UsdtFutures,
    Category::CoinFutures,
    Category::UsdcFutures,
];

const ORDER_COLUMNS: [Column; 9] = [
    col("LINE", &["line", "category"]),
    col("SYMBOL", &["symbol"]),
    col("ORDER ID", &["orderId"]),
    col("CLIENT ID", &["clientOid"]),
    col("SIDE", &["side"]),
    col("KIND", &["planType", "orderType", "type"]),
    col("PRICE", &["price", "triggerPrice", "executePrice"]),
    col("SIZE", &["size", "qty"]),
    col("STATUS", &["status", "orderStatus", "planStatus"]),
];

/// Every open order, normal and trigger.
pub(crate) async fn orders(
    client: &Client,
    symbol: Option<&str>,
    json: bool,
) -> Result<Done, Failure> {
    let (normal, triggers) = match account_family(client).await? {
        AccountFamily::Classic => classic_orders(client, symbol).await?,
        AccountFamily::Unified => unified_orders(client, symbol).await?,
    };
    if json {
        print_json(&serde_json::json!({ "orders": normal, "triggers": triggers }));
    } else {
        print_table("open orders", &ORDER_COLUMNS, &normal);
        print_table("open trigger orders", &ORDER_COLUMNS, &triggers);
    }
    Ok(Done::Ok)
}

/// Every open order of the family, normal and trigger, as JSON rows tagged with their line:
/// what `orders` shows, and what `cancel --all` and `flatten` list again to confirm that
/// nothing is left.
pub(crate) async fn open_orders_of(
    client: &Client,
    family: AccountFamily,
) -> Result<(Vec<Value>, Vec<Value>), Failure> {
    match family {
        AccountFamily::Classic => classic_orders(client, None).await,
        AccountFamily::Unified => unified_orders(client, None).await,
    }
}

async fn classic_orders(
    client: &Client,
    symbol: Option<&str>,
) -> Result<(Vec<Value>, Vec<Value>), Failure> {
    let (mut normal, mut triggers) = (Vec::new(), Vec::new());
    let mut spot = bitget_endpoints::spot::trade::UnfilledOrders::builder().limit(100u32);
    if let Some(s) = symbol {
        spot = spot.symbol(s);
    }
    let spot: Vec<_> = spot.build()?.stream(client).try_collect().await?;
    normal.extend(tagged(items(json_of(&spot)), "line", "SPOT"));
    let mut plans = bitget_endpoints::spot::trade::CurrentPlanOrder::builder().limit(100u32);
    if let Some(s) = symbol {
        plans = plans.symbol(s);
    }
    let plans: Vec<_> = plans.build()?.stream(client).try_collect().await?;
    triggers.extend(tagged(items(json_of(&plans)), "line", "SPOT"));
    // Spot TP/SL orders (`tpslType=tpsl`) are listed by unfilled-orders only when asked for.
    let mut tpsl = bitget_endpoints::spot::trade::UnfilledOrders::builder()
        .tpsl_type(bitget_endpoints::spot::TpslType::Tpsl)
        .limit(100u32);
    if let Some(s) = symbol {
        tpsl = tpsl.symbol(s);
    }
    let tpsl: Vec<_> = tpsl.build()?.stream(client).try_collect().await?;
    triggers.extend(tagged(items(json_of(&tpsl)), "line", "SPOT"));
    for line in FUTURES_LINES {
        let open = stop::open_futures_orders(client, line.clone(), symbol).await?;
        normal.extend(tagged(items(json_of(&open)), "line", line.as_str()));
        let plans = stop::open_futures_triggers(client, line.clone(), symbol).await?;
        triggers.extend(tagged(items(json_of(&plans)), "line", line.as_str()));
    }
    Ok((normal, triggers))
}

async fn unified_orders(
    client: &Client,
    symbol: Option<&str>,
) -> Result<(Vec<Value>, Vec<Value>), Failure> {
    let mut request = bitget_endpoints::uta::trade::UnfilledOrders::builder().limit(100u32);
    if let Some(s) = symbol {
        request = request.symbol(s);
    }
    let open: Vec<_> = request.build()?.stream(client).try_collect().await?;
    let normal = items(json_of(&open));
    let mut triggers = Vec::new();
    for category in UNIFIED_FUTURES {
        let open = stop::open_strategy_orders(client, category).await?;
        triggers.extend(
            items(json_of(&open))
                .into_iter()
                .filter(|o| symbol.is_none_or(|s| o["symbol"] == s)),
        );
    }
    Ok((normal, triggers))
}

const POSITION_COLUMNS: [Column; 8] = [
    col("LINE", &["line", "category"]),
    col("SYMBOL", &["symbol"]),
    col("SIDE", &["holdSide", "posSide"]),
    col("SIZE", &["total"]),
    col("ENTRY", &["openPriceAvg", "avgPrice"]),
    col("MARK", &["markPrice"]),
    col(
        "UNREALISED",
        &["unrealizedPL", "unrealisedPnl", "unrealizedPnl"],
    ),
    col("LEVERAGE", &["leverage"]),
];

/// Every open position.
pub(crate) async fn positions(client: &Client, json: bool) -> Result<Done, Failure> {
    let mut all = Vec::new();
    match account_family(client).await? {
        AccountFamily::Classic => {
            for line in FUTURES_LINES {
                let request = bitget_endpoints::mix::position::AllPosition::builder()
                    .product_type(line.clone())
                    .build()?;
                let open = client.send(&request).await?;
                all.extend(tagged(items(json_of(&open)), "line", line.as_str()));
            }
        }
        AccountFamily::Unified => {
            for category in UNIFIED_FUTURES {
                let request = bitget_endpoints::uta::position::CurrentPosition::builder()
                    .category(category)
                    .build()?;
                let open = client.send(&request).await?;
                all.extend(items(json_of(&open.list)));
            }
        }
    }
    if json {
        print_json(&Value::Array(all));
    } else {
        print_table("open positions", &POSITION_COLUMNS, &all);
    }
    Ok(Done::Ok)
}

const BALANCE_COLUMNS: [Column; 5] = [
    col("ACCOUNT", &["line"]),
    col("COIN", &["coin", "marginCoin"]),
    col("AVAILABLE", &["available"]),
    col("LOCKED", &["locked", "frozen"]),
    col("EQUITY", &["accountEquity", "equity", "balance"]),
];

/// Balances of every account of the family.
pub(crate) async fn balances(client: &Client, json: bool) -> Result<Done, Failure> {
    let mut all = Vec::new();
    match account_family(client).await? {
        AccountFamily::Classic => {
            let spot = client
                .send(&bitget_endpoints::spot::account::Assets::builder().build()?)
                .await?;
            all.extend(tagged(items(json_of(&spot)), "line", "SPOT"));
            for line in FUTURES_LINES {
                let request = bitget_endpoints::mix::account::Accounts::builder()
                    .product_type(line.clone())
                    .build()?;
                let accounts = client.send(&request).await?;
                all.extend(tagged(items(json_of(&accounts)), "line", line.as_str()));
            }
        }
        AccountFamily::Unified => {
            let assets = client
                .send(&bitget_endpoints::uta::account::Assets::builder().build()?)
                .await?;
            all.extend(tagged(items(json_of(&assets.assets)), "line", "UNIFIED"));
        }
    }
    if json {
        print_json(&Value::Array(all));
    } else {
        print_table("balances", &BALANCE_COLUMNS, &all);
    }
    Ok(Done::Ok)
}
