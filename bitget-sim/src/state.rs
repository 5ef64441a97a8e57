//! The simulator's state: the exchange (orders, balances, positions), rate windows, faults, the
//! request log.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::account::Account;
use crate::faults::{Dice, Faults};
use crate::log::LoggedRequest;
use crate::ratelimit::Windows;
use crate::venue::Venue;

/// Everything behind the one lock. Requests are short, and a lock per request keeps every
/// answer consistent with the books.
#[derive(Debug, Default)]
pub(crate) struct Inner {
    pub(crate) venue: Venue,
    pub(crate) windows: Windows,
    pub(crate) log: Vec<LoggedRequest>,
    pub(crate) faults: Faults,
    pub(crate) dice: Option<Dice>,
    pub(crate) streams: crate::stream::Control,
}

impl Inner {
    pub(crate) fn dice(&mut self) -> &mut Dice {
        let seed = self.faults.seed;
        self.dice.get_or_insert_with(|| Dice::new(seed))
    }
}

/// Shared by the server and every handle.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) accounts: Vec<Account>,
    pub(crate) rate_limits: bool,
    pub(crate) rate_overrides: HashMap<String, u32>,
    inner: Mutex<Inner>,
}

impl Shared {
    pub(crate) fn new(
        accounts: Vec<Account>,
        rate_limits: bool,
        rate_overrides: HashMap<String, u32>,
    ) -> Self {
        let mut inner = Inner::default();
        inner.venue.list_defaults();
        for account in &accounts {
            inner.venue.open(&account.uid, !account.unified);
        }
        Shared {
            accounts,
            rate_limits,
            rate_overrides,
            inner: Mutex::new(inner),
        }
    }

    /// The state; a handler that panicked cannot poison it for the others.
    pub(crate) fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The server's clock in Unix milliseconds, with the injected offset.
    pub(crate) fn now_ms(&self) -> i64 {
        let local = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64);
        local + self.lock().faults.clock_offset_ms
    }

    pub(crate) fn uid_of(&self, api_key: &str) -> Option<&str> {
        self.accounts
            .iter()
            .find(|a| a.api_key == api_key)
            .map(|a| a.uid.as_str())
    }
}
