//! The order requests whose numbers a [`Rulebook`](super::Rulebook) checks: place, batch place
//! (each item alone), modify, plan and TP/SL orders, on v2 spot and futures and on v3. Each
//! names its fields as they travel, so a broken rule is reported where the caller set it.
//!
//! What each price is held to: an order's own limit price to the tick and the band, and (with
//! its size) to the minimum value; a trigger, a preset TP/SL or a plan order's execution price
//! to the tick only (the band and the value apply when it fires, against a market not known
//! now). A closing or reduce-only order is exempt from the minimum value (Bitget lets a
//! position be closed whatever its size); a modify, whose effect on a position is the
//! order's and not in its request, is held to neither the minimum value nor a close-only
//! status (Bitget judges those against the order).

#[allow(unused_imports)]
use super::check::PathSeg;
#[allow(unused_imports)]
use super::{Line, OrderKind, OrderNumbers, Side};
#[allow(unused_imports)]
use crate::instrument::Numbered;

#[cfg(any(feature = "mix", feature = "spot"))]
fn v2_side(s: &crate::common::Side) -> Option<Side> {
    match s {
        crate::common::Side::Buy => Some(Side::Buy),
        crate::common::Side::Sell => Some(Side::Sell),
        _ => None,
    }
}

#[cfg(any(feature = "mix", feature = "spot"))]
fn v2_kind(t: &crate::common::OrderType) -> OrderKind {
    match t {
        crate::common::OrderType::Market => OrderKind::Market,
        _ => OrderKind::Limit,
    }
}

#[cfg(feature = "mix")]
mod futures {
    use super::*;
    use crate::common::YesNo;
    use crate::mix::TradeSide;
    use crate::mix::order::{
        BatchPlaceOrder, ModifyOrder, ModifyPlanOrder, ModifyTpslOrder, PlaceOrder, PlacePlanOrder,
        PlaceTpslOrder,
    };

    fn reduces(reduce_only: &Option<YesNo>, trade_side: &Option<TradeSide>) -> bool {
        matches!(reduce_only, Some(YesNo::Yes)) || matches!(trade_side, Some(TradeSide::Close))
    }

    /// The side an order takes on the book. In hedge mode v2 names a close by the position's
    /// side (`side=buy, tradeSide=close` closes a long by selling), so a close trades the
    /// other way: its band and passive rounding are the opposite side's.
    fn book_side(side: &crate::common::Side, trade_side: &Option<TradeSide>) -> Option<Side> {
        let named = v2_side(side)?;
        Some(match (trade_side, named) {
            (Some(TradeSide::Close), Side::Buy) => Side::Sell,
            (Some(TradeSide::Close), Side::Sell) => Side::Buy,
            (_, named) => named,
        })
    }

    impl Numbered for PlaceOrder {
        fn numbers(&self) -> Vec<(Line, String, OrderNumbers)> {
            let side = book_side(&self.side, &self.trade_side);
            let order = OrderNumbers::new(side, v2_kind(&self.order_type))
                .price(
                    "price",
                    self.price
                        .filter(|_| v2_kind(&self.order_type) == OrderKind::Limit),
                )
                .trigger("presetStopSurplusPrice", self.preset_stop_surplus_price)
                .trigger("presetStopLossPrice", self.preset_stop_loss_price)
                .trigger(
                    "presetStopSurplusExecutePrice",
                    self.preset_stop_surplus_execute_price,
                )
                .trigger(
                    "presetStopLossExecutePrice",
                    self.preset_stop_loss_execute_price,
                )
                .size("size", self.size)
                .reducing(reduces(&self.reduce_only, &self.trade_side));
            vec![(
                Line::Futures(self.product_type.clone()),
                self.symbol.clone(),
                order,
            )]
        }
    }

    impl Numbered for BatchPlaceOrder {
        fn numbers(&self) -> Vec<(Line, String, OrderNumbers)> {
            let line = Line::Futures(self.product_type.clone());
            (self.order_list.iter().enumerate())
                .map(|(i, o)| {
                    let kind = v2_kind(&o.order_type);
                    let order = OrderNumbers::new(book_side(&o.side, &o.trade_side), kind)
                        .price("price", o.price.filter(|_| kind == OrderKind::Limit))
                        .trigger("presetStopSurplusPrice", o.preset_stop_surplus_price)
                        .trigger("presetStopLossPrice", o.preset_stop_loss_price)
                        .size("size", o.size)
                        .reducing(reduces(&o.reduce_only, &o.trade_side))
                        .at(vec![PathSeg::Field("orderList"), PathSeg::Index(i)]);
                    (line.clone(), self.symbol.clone(), order)
                })
                .collect()
        }
    }

    /// A modify names no side and no effect: the band, the minimum value and a close-only
    /// status are not checked, the ticks and steps are.
    impl Numbered for ModifyOrder {
        fn numbers(&self) -> Vec<(Line, String, OrderNumbers)> {
            let mut order = OrderNumbers::new(None, OrderKind::Limit)
                .effect_unknown()
                .price("newPrice", self.new_price)
                .trigger(
                    "newPresetStopSurplusPrice",
                    self.new_preset_stop_surplus_price,
                )
                .trigger("newPresetStopLossPrice", self.new_preset_stop_loss_price);
            if let Some(size) = self.new_size {
                order = order.size("newSize", size);
            }
            vec![(
                Line::Futures(self.product_type.clone()),
                self.symbol.clone(),
                order,
            )]
        }
    }

    impl Numbered for PlacePlanOrder {
        fn numbers(&self) -> Vec<(Line, String, OrderNumbers)> {
            let side = book_side(&self.side, &self.trade_side);
            let order = OrderNumbers::new(side, OrderKind::Limit)
                .trigger("triggerPrice", Some(self.trigger_price))
                .trigger("price", self.price)
                .trigger("stopSurplusTriggerPrice", self.stop_surplus_trigger_price)
                .trigger("stopSurplusExecutePrice", self.stop_surplus_execute_price)
                .trigger("stopLossTriggerPrice", self.stop_loss_trigger_price)
                .trigger("stopLossExecutePrice", self.stop_loss_execute_price)
                .size("size", self.size)
                .reducing(reduces(&self.reduce_only, &self.trade_side))
                .value_when_fired();
            vec![(
                Line::Futures(self.product_type.clone()),
                self.symbol.clone(),
                order,
            )]
        }
    }

    impl Numbered for ModifyPlanOrder {
        fn numbers(&self) -> Vec<(Line, String, OrderNumbers)> {
            let mut order = OrderNumbers::new(None, OrderKind::Limit)
                .trigger("newTriggerPrice", self.new_trigger_price)
                .trigger("newPrice", self.new_price)
                .trigger(
                    "newStopSurplusTriggerPrice",
                    self.new_stop_surplus_trigger_price,
                )
                .trigger(
                    "newStopSurplusExecutePrice",
                    self.new_stop_surplus_execute_price,
                )
                .trigger("newStopLossTriggerPrice", self.new_stop_loss_trigger_price)
                .trigger("newStopLossExecutePrice", self.new_stop_loss_execute_price)
                .effect_unknown()
                .value_when_fired();
            if let Some(size) = self.new_size {
                order = order.size("newSize", size);
            }
            vec![(
                Line::Futures(self.product_type.clone()),
                self.symbol.clone(),
                order,
            )]
        }
    }

    impl Numbered for PlaceTpslOrder {
        fn numbers(&self) -> Vec<(Line, String, OrderNumbers)> {
            let mut order = OrderNumbers::new(None, OrderKind::Limit)
                .trigger("triggerPrice", Some(self.trigger_price))
                .trigger("executePrice", self.execute_price.filter(|p| !p.is_zero()))
                .reducing(true)
                .value_when_fired();
            if let Some(size) = self.size {
                order = order.size("size", size);
            }
            vec![(
                Line::Futures(self.product_type.clone()),
                self.symbol.clone(),
                order,
            )]
        }
    }

    impl Numbered for ModifyTpslOrder {
        fn numbers(&self) -> Vec<(Line, String, OrderNumbers)> {
            let mut order = OrderNumbers::new(None, OrderKind::Limit)
                .trigger("triggerPrice", Some(self.trigger_price))
                .trigger("executePrice", self.execute_price.filter(|p| !p.is_zero()))
                .reducing(true)
                .value_when_fired();
            if let crate::mix::TpslSize::Size(size) = self.size {
                order = order.size("size", size);
            }
            vec![(
                Line::Futures(self.product_type.clone()),
                self.symbol.clone(),
                order,
            )]
        }
    }
}

#[cfg(feature = "spot")]
mod spot {
    use super::*;
    use crate::spot::trade::{
        BatchOrders, CancelReplaceOrder, ModifyPlanOrder, PlaceOrder, PlacePlanOrder,
    };

    impl Numbered for PlaceOrder {
        fn numbers(&self) -> Vec<(Line, String, OrderNumbers)> {
            let kind = v2_kind(&self.order_type);
            let side = v2_side(&self.side);
            let order = OrderNumbers::new(side, kind)
                .price("price", self.price.filter(|_| kind == OrderKind::Limit))
                .trigger("triggerPrice", self.trigger_price)
                .trigger("presetTakeProfitPrice", self.preset_take_profit_price)
                .trigger("executeTakeProfitPrice", self.execute_take_profit_price)
                .trigger("presetStopLossPrice", self.preset_stop_loss_price)
                .trigger("executeStopLossPrice", self.execute_stop_loss_price)
                .size("size", self.size)
                // A market buy's size is the quote amount to spend (the page).
                .quote_size(kind == OrderKind::Market && side == Some(Side::Buy));
            vec![(Line::Spot, self.symbol.clone(), order)]
        }
    }

    impl Numbered for BatchOrders {
        fn numbers(&self) -> Vec<(Line, String, OrderNumbers)> {
            (self.order_list.iter().enumerate())
                .filter_map(|(i, o)| {
                    // An item's own symbol prevails (multiple mode), else the batch's.
                    let symbol = o.symbol.clone().or_else(|| self.symbol.clone())?;
                    let kind = v2_kind(&o.order_type);
                    let side = v2_side(&o.side);
                    let order = OrderNumbers::new(side, kind)
                        .price("price", o.price.filter(|_| kind == OrderKind::Limit))
                        .trigger("presetTakeProfitPrice", o.preset_take_profit_price)
                        .trigger("executeTakeProfitPrice", o.execute_take_profit_price)
                        .trigger("presetStopLossPrice", o.preset_stop_loss_price)
                        .trigger("executeStopLossPrice", o.execute_stop_loss_price)
                        .size("size", o.size)
                        .quote_size(kind == OrderKind::Market && side == Some(Side::Buy))
                        .at(vec![PathSeg::Field("orderList"), PathSeg::Index(i)]);
                    Some((Line::Spot, symbol, order))
                })
                .collect()
        }
    }

    /// The replacement is a limit order at `price` for `size` (its side is the old order's,
    /// not named here: the band is not checked).
    impl Numbered for CancelReplaceOrder {
        fn numbers(&self) -> Vec<(Line, String, OrderNumbers)> {
            let order = OrderNumbers::new(None, OrderKind::Limit)
                .price("price", Some(self.price))
                .trigger("presetTakeProfitPrice", self.preset_take_profit_price)
                .trigger("executeTakeProfitPrice", self.execute_take_profit_price)
                .trigger("presetStopLossPrice", self.preset_stop_loss_price)
                .trigger("executeStopLossPrice", self.execute_stop_loss_price)
                .size("size", self.size);
            vec![(Line::Spot, self.symbol.clone(), order)]
        }
    }

    impl Numbered for PlacePlanOrder {
        fn numbers(&self) -> Vec<(Line, String, OrderNumbers)> {
            let market_buy = v2_kind(&self.order_type) == OrderKind::Market
                && v2_side(&self.side) == Some(Side::Buy);
            let order = OrderNumbers::new(v2_side(&self.side), OrderKind::Limit)
                .trigger("triggerPrice", Some(self.trigger_price))
                .trigger("executePrice", self.execute_price)
                .size("size", self.size)
                .quote_size(market_buy)
                .value_when_fired();
            vec![(Line::Spot, self.symbol.clone(), order)]
        }
    }

    /// A spot plan modify names no symbol: nothing of it can be held to an instrument.
    impl Numbered for ModifyPlanOrder {
        fn numbers(&self) -> Vec<(Line, String, OrderNumbers)> {
            Vec::new()
        }
    }
}

#[cfg(feature = "uta")]
mod unified {
    use super::*;
    use crate::uta::trade::{ModifyOrder, PlaceBatch, PlaceOrder, PlaceStrategyOrder};
    use crate::uta::{Category, OrderType, PosSide, YesNo};

    fn side(s: &crate::uta::Side) -> Option<Side> {
        match s {
            crate::uta::Side::Buy => Some(Side::Buy),
            crate::uta::Side::Sell => Some(Side::Sell),
            _ => None,
        }
    }

    fn kind(t: &OrderType) -> OrderKind {
        match t {
            OrderType::Market => OrderKind::Market,
            _ => OrderKind::Limit,
        }
    }

    /// Whether an order reduces a position: reduce-only (one-way), or in hedge mode the side
    /// against its position (`posSide` long and a sell, short and a buy), as Bitget reads it.
    fn reduces(
        reduce_only: &Option<YesNo>,
        pos_side: &Option<PosSide>,
        side: Option<Side>,
    ) -> bool {
        matches!(reduce_only, Some(YesNo::Yes))
            || matches!(
                (pos_side, side),
                (Some(PosSide::Long), Some(Side::Sell)) | (Some(PosSide::Short), Some(Side::Buy))
            )
    }

    /// `qty` is in the quote coin for a spot or margin market buy (the page).
    fn quote_qty(category: &Category, kind: OrderKind, side: Option<Side>) -> bool {
        matches!(category, Category::Spot | Category::Margin)
            && kind == OrderKind::Market
            && side == Some(Side::Buy)
    }

    impl Numbered for PlaceOrder {
        fn numbers(&self) -> Vec<(Line, String, OrderNumbers)> {
            let k = kind(&self.order_type);
            let s = side(&self.side);
            let order = OrderNumbers::new(s, k)
                .price("price", self.price.filter(|_| k == OrderKind::Limit))
                .trigger("takeProfit", self.take_profit)
                .trigger("stopLoss", self.stop_loss)
                .trigger("tpLimitPrice", self.tp_limit_price)
                .trigger("slLimitPrice", self.sl_limit_price)
                .size("qty", self.qty)
                .quote_size(quote_qty(&self.category, k, s))
                .reducing(reduces(&self.reduce_only, &self.pos_side, s));
            vec![(
                Line::Unified(self.category.clone()),
                self.symbol.clone(),
                order,
            )]
        }
    }

    impl Numbered for PlaceBatch {
        fn numbers(&self) -> Vec<(Line, String, OrderNumbers)> {
            (self.orders.iter().enumerate())
                .map(|(i, o)| {
                    let k = kind(&o.order_type);
                    let s = side(&o.side);
                    let order = OrderNumbers::new(s, k)
                        .price("price", o.price.filter(|_| k == OrderKind::Limit))
                        .size("qty", o.qty)
                        .quote_size(quote_qty(&o.category, k, s))
                        .reducing(reduces(&None, &o.pos_side, s))
                        .at(vec![PathSeg::Index(i)]);
                    (Line::Unified(o.category.clone()), o.symbol.clone(), order)
                })
                .collect()
        }
    }

    /// Checked when it names its category and symbol (both optional on REST).
    impl Numbered for ModifyOrder {
        fn numbers(&self) -> Vec<(Line, String, OrderNumbers)> {
            let (Some(category), Some(symbol)) = (&self.category, &self.symbol) else {
                return Vec::new();
            };
            let mut order = OrderNumbers::new(None, OrderKind::Limit)
                .effect_unknown()
                .price("price", self.price);
            if let Some(qty) = self.qty {
                order = order.size("qty", qty);
            }
            vec![(Line::Unified(category.clone()), symbol.clone(), order)]
        }
    }

    impl Numbered for PlaceStrategyOrder {
        fn numbers(&self) -> Vec<(Line, String, OrderNumbers)> {
            let mut order = OrderNumbers::new(self.side.as_ref().and_then(side), OrderKind::Limit)
                .trigger("takeProfit", self.take_profit)
                .trigger("stopLoss", self.stop_loss)
                .trigger("tpLimitPrice", self.tp_limit_price)
                .trigger("slLimitPrice", self.sl_limit_price)
                .trigger("triggerPrice", self.trigger_price)
                .trigger("triggerOrderPrice", self.trigger_order_price)
                // A TP/SL reduces; a trigger order opens unless marked otherwise.
                .reducing(
                    !matches!(self.r#type, Some(crate::uta::StrategyType::Trigger))
                        || reduces(
                            &self.reduce_only,
                            &self.pos_side,
                            self.side.as_ref().and_then(side),
                        ),
                )
                .value_when_fired();
            if let Some(qty) = self.qty {
                order = order.size("qty", qty);
            }
            vec![(
                Line::Unified(self.category.clone()),
                self.symbol.clone(),
                order,
            )]
        }
    }
}
