//! Where request timestamps come from.

use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// A source of Unix milliseconds for `ACCESS-TIMESTAMP`. Injectable so tests are deterministic.
pub trait Clock: Send + Sync {
    /// The current time in Unix milliseconds, as Bitget should see it.
    fn now_ms(&self) -> i64;

    /// Moves the clock by `delta_ms`, learnt from Bitget's server time. A clock that cannot be
    /// corrected (a fixed test clock) ignores it.
    fn correct(&self, delta_ms: i64) {
        let _ = delta_ms;
    }
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

    fn correct(&self, delta_ms: i64) {
        self.offset_ms.fetch_add(delta_ms, Ordering::Relaxed);
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

/// A clock a test moves by hand, which also takes corrections: `now = time + offset`.
#[derive(Debug, Default)]
pub struct ManualClock {
    time_ms: AtomicI64,
    offset_ms: AtomicI64,
}

impl ManualClock {
    /// A clock reading `time_ms` (uncorrected).
    pub fn new(time_ms: i64) -> Self {
        ManualClock {
            time_ms: AtomicI64::new(time_ms),
            offset_ms: AtomicI64::new(0),
        }
    }

    /// Sets the uncorrected time.
    pub fn set(&self, time_ms: i64) {
        self.time_ms.store(time_ms, Ordering::Relaxed);
    }

    /// The correction learnt from Bitget.
    pub fn offset_ms(&self) -> i64 {
        self.offset_ms.load(Ordering::Relaxed)
    }
}

impl Clock for ManualClock {
    fn now_ms(&self) -> i64 {
        self.time_ms.load(Ordering::Relaxed) + self.offset_ms()
    }

    fn correct(&self, delta_ms: i64) {
        self.offset_ms.fetch_add(delta_ms, Ordering::Relaxed);
    }
}
