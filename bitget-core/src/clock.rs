//! Where request timestamps come from.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// A source of Unix milliseconds for `ACCESS-TIMESTAMP`. Injectable so tests are deterministic.
pub trait Clock: Send + Sync {
    /// The current time in Unix milliseconds, as Bitget should see it.
    fn now_ms(&self) -> i64;
}

/// The system clock corrected by an offset learnt from Bitget's server time.
#[derive(Debug, Default)]
pub struct SystemClock {
    offset_ms: AtomicI64,
}

impl SystemClock {
    /// The local clock's Unix milliseconds, uncorrected.
    pub fn local_ms() -> i64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64)
    }

    /// Sets the correction added to the local clock.
    pub fn set_offset_ms(&self, offset: i64) {
        self.offset_ms.store(offset, Ordering::Relaxed);
    }

    /// The correction added to the local clock.
    pub fn offset_ms(&self) -> i64 {
        self.offset_ms.load(Ordering::Relaxed)
    }
}

impl Clock for SystemClock {
    fn now_ms(&self) -> i64 {
        Self::local_ms() + self.offset_ms()
    }
}

/// A clock that always says the same time, for tests and signing vectors.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub i64);

impl Clock for FixedClock {
    fn now_ms(&self) -> i64 {
        self.0
    }
}
