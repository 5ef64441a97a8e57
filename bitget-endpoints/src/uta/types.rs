//! The enums the v3 (Unified account) endpoints share.

bitget_core::wire_enum! {
    /// Product line. Sent in capitals (some doc examples write `usdt-futures`; read in any case).
    pub enum Category {
        /// Spot.
        Spot = "SPOT",
        /// Margin (spot with borrowing).
        Margin = "MARGIN",
        /// USDT-margined futures.
        UsdtFutures = "USDT-FUTURES",
        /// Coin-margined futures.
        CoinFutures = "COIN-FUTURES",
        /// USDC-margined futures.
        UsdcFutures = "USDC-FUTURES",
    }
}

impl Category {
    /// Whether this is a futures line (positions, strategy orders, funding).
    pub fn is_futures(&self) -> bool {
        matches!(
            self,
            Category::UsdtFutures | Category::CoinFutures | Category::UsdcFutures
        )
    }
}

bitget_core::wire_enum! {
    /// Product line of the ledger: every [`Category`] and `OTHER`.
    pub enum RecordCategory {
        /// Spot.
        Spot = "SPOT",
        /// Margin.
        Margin = "MARGIN",
        /// USDT-margined futures.
        UsdtFutures = "USDT-FUTURES",
        /// Coin-margined futures.
        CoinFutures = "COIN-FUTURES",
        /// USDC-margined futures.
        UsdcFutures = "USDC-FUTURES",
        /// Anything else (transfers, ...).
        Other = "OTHER" | "other",
    }
}

bitget_core::wire_enum! {
    /// Order direction.
    pub enum Side {
        /// Buy.
        Buy = "buy",
        /// Sell.
        Sell = "sell",
    }
}

bitget_core::wire_enum! {
    /// Order type.
    pub enum OrderType {
        /// Limit.
        Limit = "limit",
        /// Market.
        Market = "market",
    }
}

bitget_core::wire_enum! {
    /// Time in force.
    pub enum TimeInForce {
        /// Good till cancelled (the default).
        Gtc = "gtc",
        /// Immediate or cancel.
        Ioc = "ioc",
        /// Fill or kill.
        Fok = "fok",
        /// Maker only.
        PostOnly = "post_only",
        /// Retail price improvement (needs RPI market-maker permission).
        Rpi = "rpi",
    }
}

bitget_core::wire_enum! {
    /// Position side: in hedge mode, the position an order opens or closes.
    pub enum PosSide {
        /// Long.
        Long = "long",
        /// Short.
        Short = "short",
    }
}

bitget_core::wire_enum! {
    /// `yes` or `no`, as v3 requests write flags (answers send `YES`/`NO` too; both read).
    pub enum YesNo {
        /// Yes.
        Yes = "yes",
        /// No.
        No = "no",
    }
}

bitget_core::wire_enum! {
    /// Self-trade prevention.
    pub enum StpMode {
        /// None.
        None = "none",
        /// Cancel the taker.
        CancelTaker = "cancel_taker",
        /// Cancel the maker.
        CancelMaker = "cancel_maker",
        /// Cancel both.
        CancelBoth = "cancel_both",
    }
}

bitget_core::wire_enum! {
    /// The price a trigger watches.
    pub enum TriggerBy {
        /// The last traded price (the default).
        Market = "market",
        /// The mark price.
        Mark = "mark",
    }
}

bitget_core::wire_enum! {
    /// Margin mode (`cross` read as `Crossed`).
    pub enum MarginMode {
        /// Cross margin (the default).
        Crossed = "crossed" | "cross",
        /// Isolated margin.
        Isolated = "isolated",
    }
}

bitget_core::wire_enum! {
    /// Order state (`canceled` and `cancelled` both read as `Cancelled`).
    pub enum OrderStatus {
        /// Accepted, not yet in the book.
        New = "new",
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
    /// Strategy order kind.
    pub enum StrategyType {
        /// Take profit and stop loss (the default).
        Tpsl = "tpsl",
        /// Trigger order.
        Trigger = "trigger",
    }
}

bitget_core::wire_enum! {
    /// TP/SL on the whole position or part of it.
    pub enum TpslMode {
        /// The whole position (the default).
        Full = "full",
        /// Part of it (`qty` required).
        Partial = "partial",
    }
}

bitget_core::wire_enum! {
    /// Candle interval. Case matters (`1m` a minute; hours and days in capitals).
    pub enum Interval {
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
    }
}

bitget_core::wire_enum! {
    /// Which price a candle follows. The page's table lists `market`, `mark`, ...; its example
    /// sends `MARKET`: the example's capitals are sent (v2's `kLineType` takes capitals too).
    pub enum CandleType {
        /// Traded price (the default).
        Market = "MARKET",
        /// Mark price.
        Mark = "MARK",
        /// Index price.
        Index = "INDEX",
        /// Premium index.
        Premium = "PREMIUM",
    }
}

bitget_core::wire_enum! {
    /// Add or remove isolated margin.
    pub enum MarginOperation {
        /// Add.
        Add = "add",
        /// Remove.
        Remove = "remove",
    }
}

bitget_core::wire_enum! {
    /// An account a transfer moves between.
    pub enum AccountType {
        /// Spot (funding) account.
        Spot = "spot",
        /// P2P account.
        P2p = "p2p",
        /// Coin-margined futures (Classic).
        CoinFutures = "coin_futures",
        /// USDT-margined futures (Classic).
        UsdtFutures = "usdt_futures",
        /// USDC-margined futures (Classic).
        UsdcFutures = "usdc_futures",
        /// Cross margin (Classic).
        CrossedMargin = "crossed_margin",
        /// Isolated margin (Classic).
        IsolatedMargin = "isolated_margin",
        /// The unified account.
        Uta = "uta",
    }
}

/// A v3 `clientOid`: 1 to 32 characters of `A-Z a-z 0-9 _ : -`, the characters both of the
/// docs' patterns allow (`^[\.A-Z\:/a-z0-9_-]{1,32}$` on Place-Order and
/// `^[0-9A-Za-z_:#\-+\s]{1,32}$` in the best-practices guide).
pub(crate) fn client_oid(oid: &Option<String>) -> Result<(), String> {
    let Some(oid) = oid else { return Ok(()) };
    let fits = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '-');
    if oid.is_empty() || oid.chars().count() > 32 || !oid.chars().all(fits) {
        return Err(format!(
            "`{oid}` is not 1 to 32 characters of A-Z a-z 0-9 _ : - (what both of the docs' patterns accept)"
        ));
    }
    Ok(())
}

/// A category that must be a futures line (positions, strategy orders, closing).
pub(crate) fn futures_only(category: &Category) -> Result<(), String> {
    if category.is_futures() || !category.is_known() {
        Ok(())
    } else {
        Err(format!(
            "`{category}` is not a futures line: USDT-FUTURES, COIN-FUTURES or USDC-FUTURES"
        ))
    }
}
