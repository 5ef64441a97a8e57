//! What the v2 and v3 handlers both write: the names of modes and sides, numbers as text, the
//! price positions are valued at.

use rust_decimal::Decimal;

use crate::envelope::SimError;
use crate::exchange::{MarginMode, OrderType, PosSide, Position, PositionMode, Side, TimeInForce};
use crate::state::Inner;

/// The futures lines (v3 categories, v2 product types).
pub(super) const FUTURES: [&str; 3] = ["USDT-FUTURES", "COIN-FUTURES", "USDC-FUTURES"];

/// A decimal as Bitget writes it: a string without trailing zeros.
pub(super) fn text(d: Decimal) -> String {
    d.normalize().to_string()
}

/// An instrument's status word on its instruments page: `trading` while it trades (`normal` on
/// v2 contracts, `online` on spot symbols and v3), `limit_open` while it takes only orders that
/// reduce a position, and the halted word as configured otherwise.
pub(super) fn status_word(status: &crate::exchange::TradingStatus, trading: &str) -> String {
    use crate::exchange::TradingStatus;
    match status {
        TradingStatus::Trading => trading.to_owned(),
        TradingStatus::CloseOnly => "limit_open".to_owned(),
        TradingStatus::Halted(word) => word.clone(),
    }
}

/// A fee as the position pages write it: what was paid, negative (`0` when nothing was).
pub(super) fn paid(fee: Decimal) -> String {
    text(-fee.round_dp(8))
}

/// The account's position mode: `one_way_mode` or `hedge_mode` (v2 `posMode`, v3 `holdMode`).
pub(super) fn pos_mode(inner: &Inner, uid: &str) -> &'static str {
    match inner.venue.ex.position_mode(uid) {
        PositionMode::OneWay => "one_way_mode",
        PositionMode::Hedge => "hedge_mode",
    }
}

/// The account's margin mode. Bitget answers `crossed` in most places and `cross` on some order
/// pages; the docs' tables list `crossed`, which is what the simulator sends.
pub(super) fn margin_mode(inner: &Inner, uid: &str) -> &'static str {
    match inner.venue.ex.margin_mode(uid) {
        MarginMode::Crossed => "crossed",
        MarginMode::Isolated => "isolated",
    }
}

/// `long` or `short`.
pub(super) fn side_name(side: PosSide) -> &'static str {
    match side {
        PosSide::Long => "long",
        PosSide::Short => "short",
    }
}

/// An average price, `value / size`, as text; empty when nothing was traded (a closed
/// position's open or close side, as both families' history pages write it).
pub(super) fn average(value: Decimal, size: Decimal) -> String {
    if size.is_zero() {
        String::new()
    } else {
        text((value / size).round_dp(8))
    }
}

/// `buy` or `sell`.
pub(super) fn order_side_name(side: Side) -> &'static str {
    match side {
        Side::Buy => "buy",
        Side::Sell => "sell",
    }
}

/// `limit` or `market`.
pub(super) fn order_type_name(t: OrderType) -> &'static str {
    match t {
        OrderType::Limit => "limit",
        OrderType::Market => "market",
    }
}

/// A position side read from parameter `key` (v2 `holdSide`, v3 `posSide`).
pub(super) fn pos_side(text: &str, key: &str) -> Result<PosSide, SimError> {
    match text {
        "long" => Ok(PosSide::Long),
        "short" => Ok(PosSide::Short),
        other => Err(SimError::invalid(format!(
            "{key} `{other}` is not long or short"
        ))),
    }
}

/// Time in force as both families write it.
pub(super) fn force(t: TimeInForce) -> &'static str {
    match t {
        TimeInForce::Gtc => "gtc",
        TimeInForce::Ioc => "ioc",
        TimeInForce::Fok => "fok",
        TimeInForce::PostOnly => "post_only",
    }
}

/// The price a position is valued at: the mark, else the last trade, else its entry.
pub(super) fn valuation(inner: &Inner, p: &Position) -> Decimal {
    let ex = &inner.venue.ex;
    ex.mark_price(&p.instrument)
        .or_else(|| ex.last_price(&p.instrument))
        .unwrap_or_else(|| p.entry_price())
}
