//! An account's modes and leverage, and the coins a contract is margined in.

use super::*;

impl Exchange {
    pub(super) fn margin_coin(&self, id: &InstrumentId) -> Option<&str> {
        self.instruments.get(id).map(|i| i.quote.as_str())
    }

    /// The quote (and margin) coin of an instrument.
    pub fn quote_of(&self, id: &InstrumentId) -> Option<&str> {
        self.margin_coin(id)
    }

    /// The margin mode new positions of the account open in.
    pub fn margin_mode(&self, account: &str) -> MarginMode {
        self.accounts
            .get(account)
            .map(|a| a.margin_mode)
            .unwrap_or_default()
    }

    /// Sets the account's position mode; refused while it has a position or an open futures
    /// order (as Bitget).
    pub fn set_position_mode(&mut self, account: &str, mode: PositionMode) -> Result<(), Reject> {
        let busy = self.orders.iter().any(|o| {
            o.request.account == account && o.status.is_open() && o.request.effect.is_some()
        });
        let acc = self
            .accounts
            .get_mut(account)
            .ok_or(Reject::UnknownAccount)?;
        if busy || !acc.positions.is_empty() {
            return Err(Reject::WrongPositionMode);
        }
        acc.mode = mode;
        Ok(())
    }

    /// The account's position mode.
    pub fn position_mode(&self, account: &str) -> PositionMode {
        self.accounts
            .get(account)
            .map(|a| a.mode)
            .unwrap_or_default()
    }

    /// Sets the margin mode new positions are opened in.
    pub fn set_margin_mode(&mut self, account: &str, mode: MarginMode) -> Result<(), Reject> {
        let acc = self
            .accounts
            .get_mut(account)
            .ok_or(Reject::UnknownAccount)?;
        acc.margin_mode = mode;
        Ok(())
    }

    /// Sets the leverage new positions of `instrument` are opened with.
    pub fn set_leverage(
        &mut self,
        account: &str,
        instrument: &InstrumentId,
        leverage: u32,
    ) -> Result<(), Reject> {
        let max = self
            .instruments
            .get(instrument)
            .ok_or(Reject::UnknownInstrument)?
            .max_leverage;
        if leverage == 0 || leverage > max {
            return Err(Reject::Leverage);
        }
        let acc = self
            .accounts
            .get_mut(account)
            .ok_or(Reject::UnknownAccount)?;
        acc.leverage.insert(instrument.clone(), leverage);
        Ok(())
    }

    /// Adds margin to a position (`amount` > 0, from the available balance) or removes it
    /// (`amount` < 0, down to what its leverage requires: `cost / leverage`).
    pub fn adjust_margin(
        &mut self,
        account: &str,
        instrument: &InstrumentId,
        side: PosSide,
        amount: Decimal,
    ) -> Result<(), Reject> {
        let coin = self
            .margin_coin(instrument)
            .ok_or(Reject::UnknownInstrument)?
            .to_owned();
        let acc = self
            .accounts
            .get_mut(account)
            .ok_or(Reject::UnknownAccount)?;
        let available = acc
            .balance(&instrument.market, &coin)
            .map_or(Decimal::ZERO, |b| b.available);
        let pos = acc
            .positions
            .get_mut(&(instrument.clone(), side))
            .ok_or(Reject::NoPosition)?;
        let floor = pos.cost / Decimal::from(pos.leverage.max(1));
        if amount > available || pos.margin + amount < floor {
            return Err(Reject::InsufficientBalance);
        }
        pos.margin += amount;
        acc.entry(&instrument.market, &coin).available -= amount;
        Ok(())
    }

    /// The leverage of `instrument` for the account.
    pub fn leverage(&self, account: &str, instrument: &InstrumentId) -> u32 {
        self.accounts
            .get(account)
            .and_then(|a| a.leverage.get(instrument))
            .copied()
            .unwrap_or(DEFAULT_LEVERAGE)
    }

    // ----- reading -----
}
