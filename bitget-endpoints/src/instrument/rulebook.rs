//! The instruments' rules of one client, loaded once per product line and refreshed when asked;
//! a request checked against them before it is sent.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bitget_core::validate::{Path, Violations};
use bitget_core::{Client, Endpoint, Error, RuleKind, ValidationError};

use super::check::{OrderNumbers, Reference, ReferenceSource};
use super::{InstrumentRules, Line};

/// A request whose orders have numbers to hold to their instruments: each order (a batch's
/// items one by one, a TP/SL's legs) with its line and symbol.
pub trait Numbered: Endpoint {
    /// Every order of the request, with the line and symbol of its instrument. An order whose
    /// instrument the request does not name (a v3 modify without its category) is left out.
    fn numbers(&self) -> Vec<(Line, String, OrderNumbers)>;
}

type Key = (Line, String);

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The instruments' rules of one client: each product line's read once, on first use, from its
/// instruments endpoint; [`Rulebook::refresh`] reads it again (a new listing, a changed tick).
/// The reference prices the band and market orders' notionals are measured from are read from
/// the tickers when needed and kept for a second ([`Rulebook::with_reference_ttl`]), or given by
/// the caller ([`Rulebook::set_reference`], a stream's ticker).
///
/// Cheap to share: clone the `Arc` it is usually held in.
#[derive(Debug)]
pub struct Rulebook {
    client: Client,
    rules: Mutex<HashMap<Key, Arc<InstrumentRules>>>,
    loaded: Mutex<HashMap<Line, Instant>>,
    references: Mutex<HashMap<Key, (Reference, Instant)>>,
    reference_ttl: Duration,
}

impl Rulebook {
    /// The rulebook of `client`'s instruments, nothing loaded yet.
    pub fn new(client: &Client) -> Self {
        Rulebook {
            client: client.clone(),
            rules: Mutex::new(HashMap::new()),
            loaded: Mutex::new(HashMap::new()),
            references: Mutex::new(HashMap::new()),
            reference_ttl: Duration::from_secs(1),
        }
    }

    /// With reference prices kept this long (1 s by default).
    pub fn with_reference_ttl(mut self, ttl: Duration) -> Self {
        self.reference_ttl = ttl;
        self
    }

    /// The client it reads with and sends through.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The rules of `symbol` on `line`, the line read first if it was not yet. An unknown
    /// symbol is a validation error naming it.
    pub async fn rules(&self, line: &Line, symbol: &str) -> Result<Arc<InstrumentRules>, Error> {
        if let Some(found) = self.cached(line, symbol) {
            return Ok(found);
        }
        let never_read = !lock(&self.loaded).contains_key(line);
        if never_read {
            self.refresh(line).await?;
        }
        self.cached(line, symbol).ok_or_else(|| {
            let mut out = Violations::default();
            out.push(
                &Path::ROOT.field("symbol"),
                RuleKind::Trading,
                format!("{symbol} is not an instrument of {line} (Rulebook::refresh reads the list again)"),
            );
            match out.finish("instrument rules") {
                Err(e) => e.into(),
                Ok(()) => Error::config("unknown symbol"),
            }
        })
    }

    fn cached(&self, line: &Line, symbol: &str) -> Option<Arc<InstrumentRules>> {
        let key = (line.clone(), symbol.to_ascii_uppercase());
        lock(&self.rules).get(&key).cloned()
    }

    /// Reads `line`'s instruments again, replacing what was known of them.
    pub async fn refresh(&self, line: &Line) -> Result<(), Error> {
        let fresh = load(&self.client, line).await?;
        let mut rules = lock(&self.rules);
        rules.retain(|(l, _), _| l != line);
        for r in fresh {
            rules.insert((line.clone(), r.symbol.to_ascii_uppercase()), Arc::new(r));
        }
        lock(&self.loaded).insert(line.clone(), Instant::now());
        Ok(())
    }

    /// Adds (or replaces) one instrument's rules by hand: an instrument described elsewhere, or
    /// a test's. Its line counts as read.
    pub fn insert(&self, rules: InstrumentRules) {
        lock(&self.loaded).insert(rules.line.clone(), Instant::now());
        let key = (rules.line.clone(), rules.symbol.to_ascii_uppercase());
        lock(&self.rules).insert(key, Arc::new(rules));
    }

    /// Sets the reference price of `symbol` on `line` (from a stream's ticker, say), kept for the
    /// reference lifetime like a read one.
    pub fn set_reference(&self, line: &Line, symbol: &str, price: bitget_core::Decimal) {
        let key = (line.clone(), symbol.to_ascii_uppercase());
        let reference = Reference {
            price,
            source: ReferenceSource::Given,
        };
        lock(&self.references).insert(key, (reference, Instant::now()));
    }

    /// The reference price of `symbol` on `line`: a fresh one kept, or the ticker read now;
    /// `None` when the ticker cannot be read (the band and the estimated notional are then not
    /// checked, and Bitget still is the judge).
    pub async fn reference(&self, line: &Line, symbol: &str) -> Option<Reference> {
        let key = (line.clone(), symbol.to_ascii_uppercase());
        if let Some((r, at)) = lock(&self.references).get(&key) {
            if at.elapsed() < self.reference_ttl {
                return Some(*r);
            }
        }
        match ticker(&self.client, line, symbol).await {
            Ok(Some(r)) => {
                lock(&self.references).insert(key, (r, Instant::now()));
                Some(r)
            }
            Ok(None) => None,
            // Not knowing the market is not a refusal: Bitget still judges the band.
            Err(_) => None,
        }
    }

    /// Checks `request`: its declared rules, then every order's numbers against its
    /// instrument, every broken rule in one validation error. Nothing is sent but the reads of
    /// the instruments (once per line) and of the reference prices (when an order needs one).
    pub async fn check<R: Numbered>(&self, request: &R) -> Result<(), Error> {
        let mut found = request.validate().err();
        let mut out = Violations::default();
        for (line, symbol, numbers) in request.numbers() {
            let rules = match self.rules(&line, &symbol).await {
                Ok(rules) => rules,
                Err(e) => match e.validation() {
                    Some(v) => {
                        merge(&mut found, v.clone());
                        continue;
                    }
                    None => return Err(e),
                },
            };
            let reference = match needs_reference(&rules, &numbers) {
                true => self.reference(&line, &symbol).await,
                false => None,
            };
            rules.check_into(&numbers, reference, &mut out);
        }
        if let Err(v) = out.finish(R::PATH) {
            merge(&mut found, v);
        }
        match found {
            Some(e) => Err(e.into()),
            None => Ok(()),
        }
    }

    /// [`Rulebook::check`], then the request sent through the client (its limiter, retries and
    /// recovery): an order whose numbers its instrument refuses never leaves.
    pub async fn send<R: Numbered + Sync>(&self, request: &R) -> Result<R::Response, Error> {
        self.check(request).await?;
        self.client.send(request).await
    }
}

/// Whether checking `numbers` needs the market price: a market order whose value is judged
/// now, or a limit price on a side whose band the instrument has. Otherwise the ticker is
/// not read.
fn needs_reference(rules: &InstrumentRules, numbers: &OrderNumbers) -> bool {
    use super::check::PriceUse;
    use super::{OrderKind, PositionEffect, Side};
    let value_now = numbers.size.is_some()
        && numbers.effect == PositionEffect::MayOpen
        && !numbers.value_when_fired
        && rules.min_notional.is_some();
    let market = numbers.kind == OrderKind::Market && value_now;
    let banded = match numbers.side {
        Some(Side::Buy) => rules.buy_band.is_some(),
        Some(Side::Sell) => rules.sell_band.is_some(),
        None => false,
    };
    let limit_price = (numbers.prices.iter()).any(|(_, _, usage)| *usage == PriceUse::Limit);
    market || (banded && limit_price)
}

/// Adds `more`'s violations to `found` (`more` itself when there is none yet).
fn merge(found: &mut Option<ValidationError>, more: ValidationError) {
    match found {
        Some(e) => e.violations.extend(more.violations),
        None => *found = Some(more),
    }
}

/// Every instrument of `line`, read from its endpoint.
async fn load(client: &Client, line: &Line) -> Result<Vec<InstrumentRules>, Error> {
    match line {
        #[cfg(feature = "mix")]
        Line::Futures(product_type) => {
            let contracts = crate::mix::market::Contracts::builder()
                .product_type(product_type.clone())
                .build()?;
            let list = client.send(&contracts).await?;
            Ok(list
                .iter()
                .map(|c| InstrumentRules::from_contract(product_type.clone(), c))
                .collect())
        }
        #[cfg(feature = "spot")]
        Line::Spot => {
            let list = client
                .send(&crate::spot::public::Symbols::builder().build()?)
                .await?;
            Ok(list.iter().map(InstrumentRules::from_spot_symbol).collect())
        }
        #[cfg(feature = "uta")]
        Line::Unified(category) => {
            let instruments = crate::uta::market::Instruments::builder()
                .category(category.clone())
                .build()?;
            let list = client.send(&instruments).await?;
            Ok(list
                .iter()
                .map(|i| InstrumentRules::from_instrument(category.clone(), i))
                .collect())
        }
        #[allow(unreachable_patterns)]
        _ => Ok(Vec::new()),
    }
}

/// The reference price of `symbol` on `line` from its ticker: futures measure the band from
/// the index price (the contracts page: "ratio of the index price"), falling back to the mark
/// and the last; spot from the last trade.
async fn ticker(client: &Client, line: &Line, symbol: &str) -> Result<Option<Reference>, Error> {
    let pick = |candidates: [(Option<bitget_core::Decimal>, ReferenceSource); 3]| {
        candidates.into_iter().find_map(|(p, source)| {
            p.filter(|p| !p.is_zero())
                .map(|price| Reference { price, source })
        })
    };
    match line {
        #[cfg(feature = "mix")]
        Line::Futures(product_type) => {
            let request = crate::mix::market::Ticker::builder()
                .symbol(symbol)
                .product_type(product_type.clone())
                .build()?;
            let list = client.send(&request).await?;
            Ok(list.first().and_then(|t| {
                pick([
                    (t.index_price, ReferenceSource::Index),
                    (t.mark_price, ReferenceSource::Mark),
                    (t.last_price, ReferenceSource::Last),
                ])
            }))
        }
        #[cfg(feature = "spot")]
        Line::Spot => {
            let request = crate::spot::market::Tickers::builder()
                .symbol(symbol)
                .build()?;
            let list = client.send(&request).await?;
            Ok(list.first().and_then(|t| {
                pick([
                    (t.last_pr, ReferenceSource::Last),
                    (None, ReferenceSource::Last),
                    (None, ReferenceSource::Last),
                ])
            }))
        }
        #[cfg(feature = "uta")]
        Line::Unified(category) => {
            let request = crate::uta::market::Tickers::builder()
                .category(category.clone())
                .symbol(symbol)
                .build()?;
            let list = client.send(&request).await?;
            Ok(list.first().and_then(|t| {
                if category.is_futures() {
                    pick([
                        (t.index_price, ReferenceSource::Index),
                        (t.mark_price, ReferenceSource::Mark),
                        (t.last_price, ReferenceSource::Last),
                    ])
                } else {
                    pick([
                        (t.last_price, ReferenceSource::Last),
                        (None, ReferenceSource::Last),
                        (None, ReferenceSource::Last),
                    ])
                }
            }))
        }
        #[allow(unreachable_patterns)]
        _ => Ok(None),
    }
}
