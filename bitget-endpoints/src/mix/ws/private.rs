//! Futures' private channels on `wss://ws.bitget.com/v2/ws/private` (after the login), for a
//! whole product type (`instId` `default`), written from the pages
//! `contract/websocket/private/{Account,Order,Fill,Positions,Plan-Order,History-Positions,
//! Equity}-Channel`. Every push is a `snapshot`. Decimals are strings on the wire; `""` reads as
//! none; `status` reads both spellings of cancelled (the page writes `canceled`).

use bitget_core::Decimal;
use bitget_macros::{bitget_channel, bitget_response};

use crate::order::{FeeDetail, FuturesFill};
use crate::{
    Force, MarginMode, OrderStatus, OrderType, PlanStatus, ProductType, Side, TradeSide, YesNo,
};

/// The margin coin's balances of the product type: pushed on subscribing, then on every
/// change (fills, transfers).
#[bitget_channel(v2_private, "account", push = AccountPush, inst_type = product_type, no_symbol, fixed(coin = "default"))]
pub struct Account {
    /// Product type.
    pub product_type: ProductType,
}

/// Every order of the product type: each state change (placed, partly filled, filled,
/// cancelled), with the fill that moved it. Nothing is pushed on subscribing.
#[bitget_channel(v2_private, "orders", push = OrderPush, inst_type = product_type, no_symbol, fixed(instId = "default"))]
pub struct Orders {
    /// Product type.
    pub product_type: ProductType,
}

/// Every fill of the product type's orders, with its fee. The push is the REST fill's shape
/// ([`FuturesFill`]).
#[bitget_channel(v2_private, "fill", push = FuturesFill, inst_type = product_type, no_symbol, fixed(instId = "default"))]
pub struct Fill {
    /// Product type.
    pub product_type: ProductType,
}

/// Every open position of the product type, pushed on subscribing and when one changes (a
/// closed position is absent from the next push).
#[bitget_channel(v2_private, "positions", push = PositionPush, inst_type = product_type, no_symbol, fixed(instId = "default"))]
pub struct Positions {
    /// Product type.
    pub product_type: ProductType,
}

/// Trigger orders (plan, TP/SL, trailing) of the product type as they change.
#[bitget_channel(v2_private, "orders-algo", push = AlgoOrderPush, inst_type = product_type, no_symbol, fixed(instId = "default"))]
pub struct OrdersAlgo {
    /// Product type.
    pub product_type: ProductType,
}

/// Positions as they are fully closed, with their realised profit and fees.
#[bitget_channel(v2_private, "positions-history", push = PositionHistoryPush, inst_type = product_type, no_symbol, fixed(instId = "default"))]
pub struct PositionsHistory {
    /// Product type.
    pub product_type: ProductType,
}

/// The account's equity. The page's request has no `instId` and its answer echoes
/// `instId:"default"`: `default` is sent, so the answer matches the request.
#[bitget_channel(v2_private, "equity", push = EquityPush, inst_type = product_type, no_symbol, fixed(instId = "default"))]
pub struct Equity {
    /// Product type.
    pub product_type: ProductType,
}

/// A futures account push.
#[bitget_response]
pub struct AccountPush {
    /// Margin coin.
    pub margin_coin: String,
    /// Held by open orders.
    pub frozen: Option<Decimal>,
    /// Available.
    pub available: Option<Decimal>,
    /// Most that can open a position.
    pub max_open_pos_available: Option<Decimal>,
    /// Most that can be transferred out.
    pub max_transfer_out: Option<Decimal>,
    /// Equity, margin coin.
    pub equity: Option<Decimal>,
    /// Equity, USDT.
    pub usdt_equity: Option<Decimal>,
    /// Cross margin risk rate.
    pub crossed_risk_rate: Option<Decimal>,
    /// Unrealised profit.
    #[bitget(rename = "unrealizedPL")]
    pub unrealized_pl: Option<Decimal>,
    /// Multi-asset mode: total margin.
    pub union_total_margin: Option<Decimal>,
    /// Multi-asset mode: available.
    pub union_available: Option<Decimal>,
    /// Multi-asset mode: maintenance margin.
    pub union_mm: Option<Decimal>,
    /// `single` or `union`.
    pub asset_mode: Option<String>,
}

/// A futures order as its state changed. `base_volume`, `fill_price`, `fill_fee`, `trade_id`
/// are the fill that changed it (none for a placement or a cancel); `acc_base_volume` is the
/// order's filled size so far.
#[bitget_response]
pub struct OrderPush {
    /// Symbol.
    pub inst_id: String,
    /// Order ID.
    pub order_id: String,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Order price.
    pub price: Option<Decimal>,
    /// Order size, base coin.
    pub size: Option<Decimal>,
    /// Order type.
    pub order_type: Option<OrderType>,
    /// Time in force.
    pub force: Option<Force>,
    /// Direction.
    pub side: Option<Side>,
    /// Position side.
    pub pos_side: Option<String>,
    /// Open/close (hedge mode); `buy_single`/`sell_single` in one-way mode.
    pub trade_side: Option<TradeSide>,
    /// Position mode.
    pub pos_mode: Option<String>,
    /// Margin mode.
    pub margin_mode: Option<MarginMode>,
    /// Margin coin.
    pub margin_coin: Option<String>,
    /// Leverage.
    pub leverage: Option<Decimal>,
    /// State.
    pub status: OrderStatus,
    /// Filled so far, base coin.
    pub acc_base_volume: Option<Decimal>,
    /// Average fill price.
    pub price_avg: Option<Decimal>,
    /// The last fill's price.
    pub fill_price: Option<Decimal>,
    /// The last fill's trade ID.
    pub trade_id: Option<String>,
    /// The last fill's size, base coin.
    pub base_volume: Option<Decimal>,
    /// The last fill's time, Unix ms.
    #[bitget(timestamp)]
    pub fill_time: Option<i64>,
    /// The last fill's fee (negative: paid).
    pub fill_fee: Option<Decimal>,
    /// The last fill's fee coin.
    pub fill_fee_coin: Option<String>,
    /// The last fill: `maker` or `taker`.
    pub trade_scope: Option<String>,
    /// The order's fees so far, per coin.
    pub fee_detail: Vec<FeeDetail>,
    /// Realised profit of the last fill.
    pub pnl: Option<Decimal>,
    /// Realised profit of the order.
    pub total_profits: Option<Decimal>,
    /// Value, USD.
    pub notional_usd: Option<Decimal>,
    /// Reduce only (`yes`/`no`).
    pub reduce_only: Option<YesNo>,
    /// Why it was cancelled.
    pub cancel_reason: Option<String>,
    /// Where the order came from.
    pub enter_point_source: Option<String>,
    /// Self-trade prevention.
    pub stp_mode: Option<String>,
    /// Preset take-profit trigger.
    pub preset_stop_surplus_price: Option<Decimal>,
    /// Preset stop-loss trigger.
    pub preset_stop_loss_price: Option<Decimal>,
    /// Created, Unix ms.
    #[bitget(timestamp, rename = "cTime")]
    pub c_time: i64,
    /// Updated, Unix ms.
    #[bitget(timestamp, rename = "uTime")]
    pub u_time: Option<i64>,
}

impl From<crate::order::Order> for OrderPush {
    /// An order as REST answers it, in the push's shape (what a recovery delivers): the REST
    /// `baseVolume` is the filled size so far; no last fill is known.
    fn from(o: crate::order::Order) -> Self {
        OrderPush {
            inst_id: o.symbol,
            order_id: o.order_id,
            client_oid: o.client_oid,
            price: o.price,
            size: Some(o.size),
            order_type: Some(o.order_type),
            force: o.force,
            side: Some(o.side),
            pos_side: o.pos_side,
            trade_side: o.trade_side,
            pos_mode: o.pos_mode,
            margin_mode: o.margin_mode,
            margin_coin: o.margin_coin,
            leverage: o.leverage,
            status: o.status,
            acc_base_volume: o.base_volume,
            price_avg: o.price_avg,
            fill_price: None,
            trade_id: None,
            base_volume: None,
            fill_time: None,
            fill_fee: None,
            fill_fee_coin: None,
            trade_scope: None,
            fee_detail: Vec::new(),
            pnl: None,
            total_profits: o.total_profits,
            notional_usd: None,
            reduce_only: o.reduce_only,
            cancel_reason: o.cancel_reason,
            enter_point_source: o.enter_point_source,
            stp_mode: None,
            preset_stop_surplus_price: o.preset_stop_surplus_price,
            preset_stop_loss_price: o.preset_stop_loss_price,
            c_time: o.c_time,
            u_time: o.u_time,
        }
    }
}

/// An open futures position. `leverage` is a string in the table and a number in the example:
/// both read.
#[bitget_response]
pub struct PositionPush {
    /// Position ID.
    pub pos_id: Option<String>,
    /// Symbol.
    pub inst_id: String,
    /// Margin coin.
    pub margin_coin: Option<String>,
    /// Margin.
    pub margin_size: Option<Decimal>,
    /// Margin mode.
    pub margin_mode: Option<MarginMode>,
    /// `long`, `short` or `net`.
    pub hold_side: String,
    /// Position mode.
    pub pos_mode: Option<String>,
    /// Size, base coin.
    pub total: Decimal,
    /// Closable size.
    pub available: Option<Decimal>,
    /// Held by close orders.
    pub frozen: Option<Decimal>,
    /// Average entry price.
    pub open_price_avg: Option<Decimal>,
    /// Leverage.
    pub leverage: Option<Decimal>,
    /// Realised profit.
    pub achieved_profits: Option<Decimal>,
    /// Unrealised profit.
    #[bitget(rename = "unrealizedPL")]
    pub unrealized_pl: Option<Decimal>,
    /// Unrealised profit rate.
    #[bitget(rename = "unrealizedPLR")]
    pub unrealized_plr: Option<Decimal>,
    /// Liquidation price.
    pub liquidation_price: Option<Decimal>,
    /// Maintenance margin rate.
    pub keep_margin_rate: Option<Decimal>,
    /// Mark price.
    pub mark_price: Option<Decimal>,
    /// Break-even price.
    pub break_even_price: Option<Decimal>,
    /// Fees paid.
    pub total_fee: Option<Decimal>,
    /// `off` or `on`.
    pub auto_margin: Option<String>,
    /// Opened, Unix ms.
    #[bitget(timestamp, rename = "cTime")]
    pub c_time: Option<i64>,
    /// Updated, Unix ms.
    #[bitget(timestamp, rename = "uTime")]
    pub u_time: Option<i64>,
}

/// A futures trigger order as it changed.
#[bitget_response]
pub struct AlgoOrderPush {
    /// Symbol.
    pub inst_id: String,
    /// Trigger order ID.
    pub order_id: String,
    /// Client order ID.
    pub client_oid: Option<String>,
    /// Trigger price.
    pub trigger_price: Option<Decimal>,
    /// `fill_price` or `mark_price`.
    pub trigger_type: Option<String>,
    /// `pl tp sl ptp psl track mtpsl` (the page's list).
    pub plan_type: Option<String>,
    /// Execution price.
    pub price: Option<Decimal>,
    /// Size.
    pub size: Option<Decimal>,
    /// Size placed.
    pub actual_size: Option<Decimal>,
    /// Order type.
    pub order_type: Option<OrderType>,
    /// Direction.
    pub side: Option<Side>,
    /// State (`live executed fail_execute cancelled executing`).
    pub status: PlanStatus,
    /// Open/close.
    pub trade_side: Option<TradeSide>,
    /// Position side.
    pub pos_side: Option<String>,
    /// Margin coin.
    pub margin_coin: Option<String>,
    /// Take-profit trigger.
    pub stop_surplus_trigger_price: Option<Decimal>,
    /// Stop-loss trigger.
    pub stop_loss_trigger_price: Option<Decimal>,
    /// Created, Unix ms.
    #[bitget(timestamp, rename = "cTime")]
    pub c_time: Option<i64>,
    /// Updated, Unix ms.
    #[bitget(timestamp, rename = "uTime")]
    pub u_time: Option<i64>,
}

/// A position once fully closed.
#[bitget_response]
pub struct PositionHistoryPush {
    /// Position ID.
    pub pos_id: String,
    /// Symbol.
    pub inst_id: String,
    /// Margin coin.
    pub margin_coin: Option<String>,
    /// Margin mode.
    pub margin_mode: Option<MarginMode>,
    /// `long` or `short`.
    pub hold_side: Option<String>,
    /// Position mode.
    pub pos_mode: Option<String>,
    /// Average entry price.
    pub open_price_avg: Option<Decimal>,
    /// Average exit price.
    pub close_price_avg: Option<Decimal>,
    /// Size opened.
    pub open_size: Option<Decimal>,
    /// Size closed.
    pub close_size: Option<Decimal>,
    /// Realised profit.
    pub achieved_profits: Option<Decimal>,
    /// Funding paid.
    pub settle_fee: Option<Decimal>,
    /// Opening fees.
    pub open_fee: Option<Decimal>,
    /// Closing fees.
    pub close_fee: Option<Decimal>,
    /// Opened, Unix ms.
    #[bitget(timestamp, rename = "cTime")]
    pub c_time: Option<i64>,
    /// Closed, Unix ms.
    #[bitget(timestamp, rename = "uTime")]
    pub u_time: Option<i64>,
}

/// The account's equity.
#[bitget_response]
pub struct EquityPush {
    /// Equity, BTC.
    pub btc_equity: Option<Decimal>,
    /// Equity, USDT.
    pub usdt_equity: Option<Decimal>,
    /// Unrealised profit.
    #[bitget(rename = "unrealizedPL")]
    pub unrealized_pl: Option<Decimal>,
    /// Multi-asset mode: total margin.
    pub union_total_margin: Option<Decimal>,
    /// Multi-asset mode: available.
    pub union_available: Option<Decimal>,
    /// Multi-asset mode: maintenance margin.
    pub union_mm: Option<Decimal>,
}
