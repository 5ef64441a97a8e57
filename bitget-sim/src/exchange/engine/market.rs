//! Funding rates, open interest, candles and the mark price.

use super::*;

impl Exchange {
    /// Sets the funding rate a contract reports (funding is not paid: the rate is for the market
    /// data endpoints).
    pub fn set_funding_rate(&mut self, instrument: &InstrumentId, rate: Decimal) {
        self.funding.insert(instrument.clone(), rate);
    }

    /// The funding rate a contract reports (0 until set).
    pub fn funding_rate(&self, instrument: &InstrumentId) -> Decimal {
        self.funding.get(instrument).copied().unwrap_or_default()
    }

    /// The open interest of a contract: the size of every open long (every long has its short).
    pub fn open_interest(&self, instrument: &InstrumentId) -> Decimal {
        self.accounts
            .values()
            .filter_map(|a| a.positions.get(&(instrument.clone(), PosSide::Long)))
            .map(|p| p.size)
            .sum()
    }

    /// Candles of `period_ms` from the trades of an instrument, oldest first, the latest `limit`
    /// of those starting in `[start_ms, end_ms]`: `(start, open, high, low, close, base volume,
    /// quote volume)`.
    pub fn candles(
        &self,
        instrument: &InstrumentId,
        period_ms: i64,
        (start_ms, end_ms): (i64, i64),
        limit: usize,
    ) -> Vec<Candle> {
        let period = period_ms.max(1);
        let mut out: Vec<Candle> = Vec::new();
        for t in self.trades(instrument) {
            let ts = t.time_ms - t.time_ms.rem_euclid(period);
            if ts < start_ms || ts > end_ms {
                continue;
            }
            match out.last_mut() {
                Some(c) if c.ts == ts => {
                    c.high = c.high.max(t.price);
                    c.low = c.low.min(t.price);
                    c.close = t.price;
                    c.base_volume += t.size;
                    c.quote_volume += t.size * t.price;
                }
                _ => out.push(Candle {
                    ts,
                    open: t.price,
                    high: t.price,
                    low: t.price,
                    close: t.price,
                    base_volume: t.size,
                    quote_volume: t.size * t.price,
                }),
            }
        }
        let skip = out.len().saturating_sub(limit);
        out.split_off(skip)
    }

    /// Sets the mark price of an instrument; triggers watching it fire.
    pub fn set_mark_price(&mut self, instrument: &InstrumentId, price: Decimal) {
        self.mark.insert(instrument.clone(), price);
        self.run_triggers();
    }
}
