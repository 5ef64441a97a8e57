//! The enums and list items the futures endpoints share (those spot shares too live in
//! `crate::common`).

use bitget_core::Decimal;
use bitget_core::validate::{Path, Validate, Violations};
use bitget_macros::bitget_item;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use crate::common::{
    DepthLimit, DepthPrecision, Force, OrderType, Side, StpMode, TriggerType, YesNo,
};

bitget_core::wire_enum! {
    /// Futures product type. Read in any case (`usdt-futures` as in Bitget's examples), sent in upper
    /// case.
    pub enum ProductType {
        /// USDT professional futures.
        UsdtFutures = "USDT-FUTURES",
        /// Mixed (coin-margined) futures.
        CoinFutures = "COIN-FUTURES",
        /// USDC professional futures.
        UsdcFutures = "USDC-FUTURES",
        /// USDT professional futures demo (legacy simulated type: no `paptrading` header).
        SusdtFutures = "SUSDT-FUTURES",
        /// Mixed futures demo (legacy simulated type).
        ScoinFutures = "SCOIN-FUTURES",
        /// USDC professional futures demo (legacy simulated type).
        SusdcFutures = "SUSDC-FUTURES",
    }
}

bitget_core::wire_enum! {
    /// Trigger (plan) order type, for cancel-plan-order.
    pub enum PlanType {
        /// Plan order (the default).
        NormalPlan = "normal_plan",
        /// Batch profit order.
        ProfitPlan = "profit_plan",
        /// Batch loss order.
        LossPlan = "loss_plan",
        /// Position profit order.
        PosProfit = "pos_profit",
        /// Position loss order.
        PosLoss = "pos_loss",
        /// Trailing stop (a TP/SL kind).
        MovingPlan = "moving_plan",
        /// Trailing trigger order (place-plan-order's `track_plan`); not in the cancel page's
        /// table, which one client sends and the pending list names.
        TrackPlan = "track_plan",
    }
}

/// One order of an id list: `orderId` or `clientOid` (if both are given, `orderId` prevails).
#[bitget_item]
#[bitget(at_least_one_of(order_id, client_oid))]
pub struct OrderIdItem {
    /// Order ID.
    pub order_id: Option<String>,
    /// Client order ID.
    #[bitget(max_len = 50)]
    pub client_oid: Option<String>,
}

impl OrderIdItem {
    /// The order with this `orderId`.
    pub fn by_order_id(order_id: impl Into<String>) -> Self {
        OrderIdItem {
            order_id: Some(order_id.into()),
            client_oid: None,
        }
    }

    /// The order with this `clientOid`.
    pub fn by_client_oid(client_oid: impl Into<String>) -> Self {
        OrderIdItem {
            order_id: None,
            client_oid: Some(client_oid.into()),
        }
    }
}

bitget_core::wire_enum! {
    /// Margin mode. Bitget answers `crossed` on positions and accounts but `cross` on orders
    /// (catalogue §1.2): both read as `Crossed`, which is sent as `crossed`.
    pub enum MarginMode {
        /// Isolated margin.
        Isolated = "isolated",
        /// Cross margin.
        Crossed = "crossed" | "cross",
    }
}

bitget_core::wire_enum! {
    /// Open or close, in hedge mode only (v2 names the *position*: closing a long is
    /// `side=buy` with `tradeSide=close`). In one-way mode Bitget answers `buy_single` or
    /// `sell_single` on orders and fills, read as `BuySingle`/`SellSingle`.
    pub enum TradeSide {
        /// Open (or add to) a position.
        Open = "open",
        /// Close (or reduce) a position.
        Close = "close",
        /// One-way mode, buying (answers only).
        BuySingle = "buy_single",
        /// One-way mode, selling (answers only).
        SellSingle = "sell_single",
    }
}

bitget_core::wire_enum! {
    /// Position side.
    pub enum HoldSide {
        /// Long.
        Long = "long",
        /// Short.
        Short = "short",
    }
}

bitget_core::wire_enum! {
    /// The position a TP/SL order protects: `long`/`short` in hedge mode, `buy`/`sell` in one-way
    /// mode (catalogue G.14).
    pub enum TpslHoldSide {
        /// Hedge mode, the long position.
        Long = "long",
        /// Hedge mode, the short position.
        Short = "short",
        /// One-way mode, a long position.
        Buy = "buy",
        /// One-way mode, a short position.
        Sell = "sell",
    }
}

bitget_core::wire_enum! {
    /// Trigger order kind for place-plan-order and modify-plan-order.
    pub enum TriggerPlanType {
        /// Trigger order.
        NormalPlan = "normal_plan",
        /// Trailing order.
        TrackPlan = "track_plan",
    }
}

bitget_core::wire_enum! {
    /// TP/SL order kind for place-tpsl-order.
    pub enum TpslPlanType {
        /// Take profit for part of the position (`size` required).
        ProfitPlan = "profit_plan",
        /// Stop loss for part of the position (`size` required).
        LossPlan = "loss_plan",
        /// Trailing stop (`size` and `rangeRate` required, no `executePrice`).
        MovingPlan = "moving_plan",
        /// Take profit for the whole position.
        PosProfit = "pos_profit",
        /// Stop loss for the whole position.
        PosLoss = "pos_loss",
    }
}

bitget_core::wire_enum! {
    /// Which trigger orders a plan list returns: `profit_loss` covers every TP/SL kind.
    pub enum PlanFilter {
        /// Trigger orders.
        NormalPlan = "normal_plan",
        /// Trailing orders.
        TrackPlan = "track_plan",
        /// TP/SL orders (profit_plan, loss_plan, moving_plan, pos_profit, pos_loss).
        ProfitLoss = "profit_loss",
    }
}

bitget_core::wire_enum! {
    /// Order state. `canceled` (detail) and `cancelled` (lists) both read as `Cancelled`.
    pub enum OrderStatus {
        /// Resting, nothing filled.
        Live = "live",
        /// Resting, partly filled.
        PartiallyFilled = "partially_filled",
        /// Filled.
        Filled = "filled",
        /// Cancelled.
        Cancelled = "cancelled" | "canceled",
    }
}

bitget_core::wire_enum! {
    /// Trigger order state.
    pub enum PlanStatus {
        /// Waiting for its trigger (the pending list's example says `not_trigger`).
        Live = "live" | "not_trigger",
        /// Triggered and placed.
        Executed = "executed",
        /// Triggered, placing failed (two mirrors write `fail_execute`).
        FailTrigger = "fail_trigger" | "fail_execute",
        /// Cancelled.
        Cancelled = "cancelled" | "canceled",
        /// Executing.
        Executing = "executing",
    }
}

bitget_core::wire_enum! {
    /// Candle interval. Case matters: `1m` is a minute, `1M` a month (the newer set; the older
    /// spot-style `1min`/`1h` values are not accepted on futures candles).
    pub enum Granularity {
        /// 1 minute.
        M1 = "1m",
        /// 3 minutes.
        M3 = "3m",
        /// 5 minutes.
        M5 = "5m",
        /// 15 minutes.
        M15 = "15m",
        /// 30 minutes.
        M30 = "30m",
        /// 1 hour.
        H1 = "1H",
        /// 4 hours.
        H4 = "4H",
        /// 6 hours.
        H6 = "6H",
        /// 12 hours.
        H12 = "12H",
        /// 1 day.
        D1 = "1D",
        /// 3 days.
        D3 = "3D",
        /// 1 week.
        W1 = "1W",
        /// 1 month.
        Month1 = "1M",
        /// 6 hours, UTC.
        H6Utc = "6Hutc",
        /// 12 hours, UTC.
        H12Utc = "12Hutc",
        /// 1 day, UTC.
        D1Utc = "1Dutc",
        /// 3 days, UTC.
        D3Utc = "3Dutc",
        /// 1 week, UTC.
        W1Utc = "1Wutc",
        /// 1 month, UTC.
        Month1Utc = "1Mutc",
    }
}

bitget_core::wire_enum! {
    /// Which price a candle follows.
    pub enum KLineType {
        /// Traded price (the default).
        Market = "MARKET",
        /// Mark price.
        Mark = "MARK",
        /// Index price.
        Index = "INDEX",
    }
}

/// The size of a TP/SL order being modified: a size in base coin, or the whole position, which
/// Bitget wants sent as `"size": ""` (modify-tpsl-order on `pos_profit`/`pos_loss` orders).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TpslSize {
    /// A whole-position TP/SL (`pos_profit`, `pos_loss`): sent as `""`.
    WholePosition,
    /// A size, base coin.
    Size(Decimal),
}

impl From<Decimal> for TpslSize {
    fn from(size: Decimal) -> Self {
        TpslSize::Size(size)
    }
}

impl Serialize for TpslSize {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            TpslSize::WholePosition => s.serialize_str(""),
            TpslSize::Size(d) => s.collect_str(d),
        }
    }
}

impl<'de> Deserialize<'de> for TpslSize {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(bitget_core::wire::de::opt_number::<D, Decimal>(d)?
            .map_or(TpslSize::WholePosition, TpslSize::Size))
    }
}

impl bitget_core::wire::Presence for TpslSize {
    fn is_present(&self) -> bool {
        true
    }
}

#[doc(hidden)]
impl Validate for TpslSize {
    fn validate_at(&self, _: &Path<'_>, _: &mut Violations) {}
}
