//! The enums and list items the futures endpoints share.

use bitget_macros::bitget_item;

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
        /// Trailing order.
        MovingPlan = "moving_plan",
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
