//! Account setup that is safe to repeat: leverage, margin mode and position mode, each read
//! first and changed only where it differs, and the account's position mode read once for the
//! intent constructors.
//!
//! A bot that starts with "set leverage 10, isolated, hedge mode" fails on its second start on
//! Bitget: a margin mode or position mode change is refused while the account holds a position
//! or an open order (45117, 40920), even when nothing would change. [`Setup::ensure`] takes the
//! same request types the endpoints declare (validated first, as always), reads the account,
//! and sends the change only when the account is not already so:
//!
//! ```no_run
//! # async fn run() -> Result<(), bitget_endpoints::Error> {
//! use bitget_endpoints::mix::account::{SetLeverage, SetMarginMode, SetPositionMode};
//! use bitget_endpoints::mix::{MarginMode, PosMode, ProductType};
//! use bitget_endpoints::mix::order::PlaceOrder;
//! use bitget_endpoints::setup::Setup;
//! let client = bitget_endpoints::Client::from_env()?;
//! let setup = Setup::new(&client);
//! let usdt = ProductType::UsdtFutures;
//! setup.ensure(&SetPositionMode::builder().product_type(usdt.clone())
//!     .pos_mode(PosMode::HedgeMode).build()?).await?;
//! setup.ensure(&SetMarginMode::builder().symbol("BTCUSDT").product_type(usdt.clone())
//!     .margin_coin("USDT").margin_mode(MarginMode::Isolated).build()?).await?;
//! setup.ensure(&SetLeverage::builder().symbol("BTCUSDT").product_type(usdt.clone())
//!     .margin_coin("USDT").leverage(10).build()?).await?;
//! // "Close my long", whatever the mode: read once, then kept.
//! let mode = setup.futures_position_mode(&usdt).await?;
//! let close = PlaceOrder::close_long(mode);
//! # let _ = close; Ok(()) }
//! ```
//!
//! A change Bitget refuses because of positions or orders comes back as Bitget's error, code and
//! message as sent; [`Error::is_blocked_by_positions`] asks it.
//!
//! v3 (Unified) has no margin mode switch: the margin mode is chosen per order (`marginMode` on
//! `uta::trade::PlaceOrder`) and per leverage (`uta::account::SetLeverage`'s `marginMode`).

use std::collections::HashMap;
use std::future::Future;
use std::sync::Mutex;

use bitget_core::{Client, Endpoint, Error};

use crate::PositionMode;

/// What [`Setup::ensure`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ensured {
    /// The account was already so: nothing was sent.
    AlreadySo,
    /// The change was sent and Bitget accepted it.
    Changed,
}

/// Whose position mode a cached reading is: v2's is per product type, v3's per account.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ModeScope {
    /// A v2 futures product type (Classic account).
    #[cfg(feature = "mix")]
    Futures(crate::mix::ProductType),
    /// The Unified account (v3).
    #[cfg(feature = "uta")]
    Unified,
}

/// A setup request [`Setup::ensure`] can make idempotent: it knows how to read whether the
/// account is already as the request would make it.
pub trait Ensure: Endpoint + Sync {
    /// Reads the account: `true` when sending the request would change nothing. When the
    /// answer cannot tell (a field Bitget left out), `false`: the change is sent.
    fn already_so(&self, client: &Client) -> impl Future<Output = Result<bool, Error>> + Send;

    /// The position mode the account has once this request holds, for a position mode change.
    fn position_mode(&self) -> Option<(ModeScope, PositionMode)> {
        None
    }
}

/// Setup calls made safe to repeat, and the account's position mode read once (per product
/// type on v2, per account on v3) and kept until [`Setup::forget_position_modes`]; a position
/// mode [`Setup::ensure`]d through it updates what it keeps.
#[derive(Debug)]
pub struct Setup {
    client: Client,
    modes: Mutex<HashMap<ModeScope, PositionMode>>,
}

impl Setup {
    /// Setup through `client`, nothing read yet.
    pub fn new(client: &Client) -> Self {
        Setup {
            client: client.clone(),
            modes: Mutex::new(HashMap::new()),
        }
    }

    /// Makes the account as `request` says: validated first (an invalid request is not even
    /// read for), then the account read, and the request sent only when it is not already so.
    /// A refusal is Bitget's error ([`Error::is_blocked_by_positions`] for 40920 and 45117).
    pub async fn ensure<R: Ensure>(&self, request: &R) -> Result<Ensured, Error> {
        request.validate()?;
        let ensured = if request.already_so(&self.client).await? {
            Ensured::AlreadySo
        } else {
            self.client.send(request).await?;
            Ensured::Changed
        };
        if let Some((scope, mode)) = request.position_mode() {
            self.lock().insert(scope, mode);
        }
        Ok(ensured)
    }

    /// The position mode of a v2 futures product type, read once (then kept): for
    /// `mix::order::PlaceOrder::close_long(mode)` and the other intents.
    #[cfg(feature = "mix")]
    pub async fn futures_position_mode(
        &self,
        product_type: &crate::mix::ProductType,
    ) -> Result<PositionMode, Error> {
        let scope = ModeScope::Futures(product_type.clone());
        if let Some(mode) = self.lock().get(&scope) {
            return Ok(*mode);
        }
        let mode = futures::position_mode(&self.client, product_type).await?;
        self.lock().insert(scope, mode);
        Ok(mode)
    }

    /// The Unified account's position mode, read once (then kept): for
    /// `uta::trade::PlaceOrder::close_long(mode)` and the other intents.
    #[cfg(feature = "uta")]
    pub async fn unified_position_mode(&self) -> Result<PositionMode, Error> {
        if let Some(mode) = self.lock().get(&ModeScope::Unified) {
            return Ok(*mode);
        }
        let mode = unified::position_mode(&self.client).await?;
        self.lock().insert(ModeScope::Unified, mode);
        Ok(mode)
    }

    /// Forgets the position modes read, so the next question reads them again (after the mode
    /// was changed elsewhere: the web page, another program).
    pub fn forget_position_modes(&self) {
        self.lock().clear();
    }

    /// The client it reads and sends through.
    pub fn client(&self) -> &Client {
        &self.client
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<ModeScope, PositionMode>> {
        self.modes.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Equal when both are known: an unknown current value is never "already so".
fn same<T: PartialEq>(current: Option<T>, wanted: T) -> bool {
    current.is_some_and(|c| c == wanted)
}

#[cfg(feature = "mix")]
mod futures {
    //! v2 futures: leverage, margin mode and position mode read from
    //! `/api/v2/mix/account/account` (doc contract/account/Get-Single-Account).

    use bitget_core::{Client, Decimal, Error};

    use super::{Ensure, ModeScope, same};
    use crate::PositionMode;
    use crate::mix::account::{
        Account, Accounts, FuturesAccount, SetLeverage, SetMarginMode, SetPositionMode,
    };
    use crate::mix::market::Contracts;
    use crate::mix::{HoldSide, MarginMode, ProductType};

    async fn account(
        client: &Client,
        symbol: &str,
        product_type: &ProductType,
        margin_coin: &str,
    ) -> Result<FuturesAccount, Error> {
        let request = Account::builder()
            .symbol(symbol)
            .product_type(product_type.clone())
            .margin_coin(margin_coin)
            .build()?;
        client.send(&request).await
    }

    /// The position mode of a product type. The accounts list carries `posMode` in the SDK's
    /// reading of the page; where it does not, one contract's single account (which the page
    /// documents with `posMode`) is read: the mode is the product type's, whichever symbol.
    pub(super) async fn position_mode(
        client: &Client,
        product_type: &ProductType,
    ) -> Result<PositionMode, Error> {
        let list = Accounts::builder()
            .product_type(product_type.clone())
            .build()?;
        let accounts = client.send(&list).await?;
        if let Some(mode) = accounts
            .iter()
            .find_map(|a| a.pos_mode.as_ref().and_then(PositionMode::of))
        {
            return Ok(mode);
        }
        let contracts = client
            .send(
                &Contracts::builder()
                    .product_type(product_type.clone())
                    .build()?,
            )
            .await?;
        let coin = accounts.first().map(|a| a.margin_coin.clone());
        let pick = contracts.iter().find_map(|c| {
            let margin = coin.clone().unwrap_or_else(|| c.quote_coin.clone());
            let takes =
                c.support_margin_coins.is_empty() || c.support_margin_coins.contains(&margin);
            takes.then(|| (c.symbol.clone(), margin))
        });
        let Some((symbol, margin)) = pick else {
            return Err(Error::config(format!(
                "no {product_type} contract to read the position mode on"
            )));
        };
        let one = account(client, &symbol, product_type, &margin).await?;
        one.pos_mode
            .as_ref()
            .and_then(PositionMode::of)
            .ok_or_else(|| {
                Error::config(format!(
                    "Bitget's answer gave no known position mode for {product_type} ({:?})",
                    one.pos_mode
                ))
            })
    }

    impl Ensure for SetPositionMode {
        async fn already_so(&self, client: &Client) -> Result<bool, Error> {
            let wanted = PositionMode::of(&self.pos_mode);
            let current = position_mode(client, &self.product_type).await?;
            Ok(wanted == Some(current))
        }

        fn position_mode(&self) -> Option<(ModeScope, PositionMode)> {
            PositionMode::of(&self.pos_mode)
                .map(|m| (ModeScope::Futures(self.product_type.clone()), m))
        }
    }

    impl Ensure for SetMarginMode {
        async fn already_so(&self, client: &Client) -> Result<bool, Error> {
            let now = account(client, &self.symbol, &self.product_type, &self.margin_coin).await?;
            Ok(same(now.margin_mode, self.margin_mode.clone()))
        }
    }

    impl Ensure for SetLeverage {
        /// Cross margin compares `crossedMarginLeverage`; isolated compares each side the
        /// request sets (`longLeverage`/`shortLeverage` winning over `leverage`, a `holdSide`
        /// naming the one side `leverage` sets), as the page's rules say.
        async fn already_so(&self, client: &Client) -> Result<bool, Error> {
            let now = account(client, &self.symbol, &self.product_type, &self.margin_coin).await?;
            Ok(leverage_already(self, &now))
        }
    }

    pub(super) fn leverage_already(r: &SetLeverage, now: &FuturesAccount) -> bool {
        match &now.margin_mode {
            Some(MarginMode::Crossed) => {
                // Cross margin takes `leverage`; the page's trap: a `longLeverage` sent there
                // takes effect too, winning.
                let wanted = r.long_leverage.or(r.leverage).or(r.short_leverage);
                wanted.is_some_and(|w| same(now.crossed_margin_leverage, w))
            }
            Some(MarginMode::Isolated) => {
                let long = r.long_leverage.or(r.leverage);
                let short = r.short_leverage.or(r.leverage);
                let (long, short) = match (&r.long_leverage, &r.short_leverage, &r.hold_side) {
                    (None, None, Some(HoldSide::Long)) => (long, None),
                    (None, None, Some(HoldSide::Short)) => (None, short),
                    _ => (long, short),
                };
                let side = |wanted: Option<Decimal>, now: Option<Decimal>| {
                    wanted.is_none_or(|w| same(now, w))
                };
                (long.is_some() || short.is_some())
                    && side(long, now.isolated_long_lever)
                    && side(short, now.isolated_short_lever)
            }
            _ => false,
        }
    }
}

#[cfg(feature = "uta")]
mod unified {
    //! v3: leverage and position mode read from `/api/v3/account/settings` (doc
    //! uta/account/Get-Account-Setting).

    use bitget_core::{Client, Error};

    use super::{Ensure, ModeScope, same};
    use crate::PositionMode;
    use crate::uta::account::{AccountSettings, SetHoldMode, SetLeverage, Settings};
    use crate::uta::{Category, MarginMode};

    async fn settings(client: &Client) -> Result<AccountSettings, Error> {
        client.send(&Settings::builder().build()?).await
    }

    pub(super) async fn position_mode(client: &Client) -> Result<PositionMode, Error> {
        let now = settings(client).await?;
        now.hold_mode
            .as_ref()
            .and_then(PositionMode::of_hold_mode)
            .ok_or_else(|| {
                Error::config(format!(
                    "Bitget's settings gave no known holdMode ({:?})",
                    now.hold_mode
                ))
            })
    }

    impl Ensure for SetHoldMode {
        async fn already_so(&self, client: &Client) -> Result<bool, Error> {
            let now = settings(client).await?;
            let current = now.hold_mode.as_ref().and_then(PositionMode::of_hold_mode);
            Ok(current.is_some() && current == PositionMode::of_hold_mode(&self.hold_mode))
        }

        fn position_mode(&self) -> Option<(ModeScope, PositionMode)> {
            PositionMode::of_hold_mode(&self.hold_mode).map(|m| (ModeScope::Unified, m))
        }
    }

    impl Ensure for SetLeverage {
        /// A futures symbol's leverage is read from `symbolConfigList` (the entry of its symbol
        /// and margin mode, `crossed` when the request names none), a margin coin's from
        /// `coinConfigList`. The settings hold one leverage per entry, so a request with
        /// different `longLeverage` and `shortLeverage` is always sent.
        async fn already_so(&self, client: &Client) -> Result<bool, Error> {
            let now = settings(client).await?;
            Ok(leverage_already(self, &now))
        }
    }

    pub(super) fn leverage_already(r: &SetLeverage, now: &AccountSettings) -> bool {
        let wanted = match (r.long_leverage, r.short_leverage) {
            (Some(l), Some(s)) if l != s => return false,
            (Some(l), _) | (None, Some(l)) => l,
            (None, None) => r.leverage,
        };
        if r.category == Category::Margin {
            let Some(coin) = &r.coin else { return false };
            return now
                .coin_config_list
                .iter()
                .any(|c| c.coin.eq_ignore_ascii_case(coin) && same(c.leverage, wanted));
        }
        let Some(symbol) = &r.symbol else {
            return false;
        };
        let mode = r.margin_mode.clone().unwrap_or(MarginMode::Crossed);
        now.symbol_config_list.iter().any(|c| {
            // An entry that does not say its category or margin mode is not known to be the
            // one asked about: the request is sent (a repeated change is harmless, a skipped
            // one is not).
            c.symbol.eq_ignore_ascii_case(symbol)
                && c.category.as_ref() == Some(&r.category)
                && c.margin_mode.as_ref() == Some(&mode)
                && same(c.leverage, wanted)
        })
    }
}

#[cfg(test)]
mod tests {
    #[cfg(feature = "mix")]
    #[test]
    fn v2_leverage_is_read_per_margin_mode_and_side() {
        use crate::mix::account::FuturesAccount;
        use crate::mix::account::SetLeverage;
        let account = |json: &str| -> FuturesAccount {
            serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"))
        };
        let base = r#""marginCoin":"USDT","available":"1","accountEquity":"1","assetList":[]"#;
        let cross = account(&format!(
            r#"{{{base},"marginMode":"crossed","crossedMarginLeverage":10,"isolatedLongLever":5,"isolatedShortLever":5}}"#
        ));
        let isolated = account(&format!(
            r#"{{{base},"marginMode":"isolated","crossedMarginLeverage":10,"isolatedLongLever":5,"isolatedShortLever":7}}"#
        ));
        let unknown = account(&format!(r#"{{{base},"crossedMarginLeverage":10}}"#));
        let start = || {
            SetLeverage::builder()
                .symbol("BTCUSDT")
                .product_type(crate::mix::ProductType::UsdtFutures)
                .margin_coin("USDT")
        };
        let built = |r: Result<SetLeverage, bitget_core::ValidationError>| {
            r.unwrap_or_else(|e| panic!("{e}"))
        };
        let ten = built(start().leverage(10).build());
        let five = built(start().leverage(5).build());
        let long_five = built(
            start()
                .leverage(5)
                .hold_side(crate::mix::HoldSide::Long)
                .build(),
        );
        let sides = built(start().long_leverage(5).short_leverage(7).build());
        assert!(super::futures::leverage_already(&ten, &cross));
        assert!(!super::futures::leverage_already(&five, &cross));
        assert!(
            !super::futures::leverage_already(&five, &isolated),
            "short is 7"
        );
        assert!(super::futures::leverage_already(&long_five, &isolated));
        assert!(super::futures::leverage_already(&sides, &isolated));
        assert!(
            !super::futures::leverage_already(&ten, &unknown),
            "no margin mode: sent"
        );
    }

    #[cfg(feature = "uta")]
    #[test]
    fn v3_leverage_is_already_so_only_for_an_entry_that_says_so() {
        use crate::uta::account::{AccountSettings, SetLeverage};
        let settings = |entry: &str| -> AccountSettings {
            let json = format!(
                r#"{{"accountMode":"unified","symbolConfigList":[{entry}],"coinConfigList":[]}}"#
            );
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
        };
        let request = SetLeverage::builder()
            .category(crate::uta::Category::UsdtFutures)
            .symbol("btcusdt")
            .leverage(10)
            .build()
            .unwrap_or_else(|e| panic!("{e}"));
        let full = settings(
            r#"{"category":"USDT-FUTURES","symbol":"BTCUSDT","marginMode":"crossed","leverage":"10"}"#,
        );
        assert!(
            super::unified::leverage_already(&request, &full),
            "the symbol is compared without case"
        );
        let silent = settings(r#"{"symbol":"BTCUSDT","leverage":"10"}"#);
        assert!(
            !super::unified::leverage_already(&request, &silent),
            "an entry naming no category or margin mode is not known to be this one"
        );
        let isolated = settings(
            r#"{"category":"USDT-FUTURES","symbol":"BTCUSDT","marginMode":"isolated","leverage":"10"}"#,
        );
        assert!(!super::unified::leverage_already(&request, &isolated));
    }
}
