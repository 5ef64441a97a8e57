//! Retries: exponential backoff with jitter, a bounded number of attempts and a bounded total time.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// How a client retries a request that failed in a way that may pass (429, 40015, 40200, HTTP 5xx,
/// timeouts, connection failures). Requests that are not safe to repeat are retried only when the
/// failure proves they were not executed (a 429, a refused connection).
///
/// ```
/// use std::time::Duration;
/// let policy = bitget_core::RetryPolicy::new(6)
///     .with_backoff(Duration::from_millis(50), Duration::from_secs(1))
///     .with_max_elapsed(Duration::from_secs(5));
/// assert_eq!(policy.max_attempts, 6);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Attempts in all, the first included (1: no retry).
    pub max_attempts: u32,
    /// The first backoff; each retry doubles it.
    pub base_delay: Duration,
    /// The largest single backoff.
    pub max_delay: Duration,
    /// No retry starts after this much time since the first attempt.
    pub max_elapsed: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy::new(4)
    }
}

impl RetryPolicy {
    /// `max_attempts` attempts in all, with the default backoff (100 ms doubling up to 2 s) and at
    /// most 15 s spent retrying.
    pub const fn new(max_attempts: u32) -> Self {
        RetryPolicy {
            max_attempts,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(2),
            max_elapsed: Duration::from_secs(15),
        }
    }

    /// The first backoff, doubled at each retry up to `max`.
    pub const fn with_backoff(mut self, base: Duration, max: Duration) -> Self {
        self.base_delay = base;
        self.max_delay = max;
        self
    }

    /// No retry starts after this much time since the first attempt.
    pub const fn with_max_elapsed(mut self, max_elapsed: Duration) -> Self {
        self.max_elapsed = max_elapsed;
        self
    }

    /// One attempt, no retry.
    pub const fn never() -> Self {
        RetryPolicy::new(1)
    }

    /// The backoff before retry number `retry` (1 for the first retry): `base · 2^(retry-1)`,
    /// capped, then scaled by a jitter in [0.5, 1) so that clients do not retry in step.
    pub fn delay(&self, retry: u32) -> Duration {
        let exp = self
            .base_delay
            .saturating_mul(1u32 << retry.saturating_sub(1).min(16));
        exp.min(self.max_delay).mul_f64(0.5 + 0.5 * jitter())
    }
}

/// A number in [0, 1) from a process-wide xorshift; quality is irrelevant, only spreading matters.
pub(crate) fn jitter() -> f64 {
    static STATE: AtomicU64 = AtomicU64::new(0x9E37_79B9_7F4A_7C15);
    let mut x = STATE.load(Ordering::Relaxed);
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    STATE.store(x, Ordering::Relaxed);
    (x >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_is_capped_and_jittered() {
        let p = RetryPolicy {
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(350),
            ..RetryPolicy::default()
        };
        for _ in 0..100 {
            let d1 = p.delay(1);
            assert!(
                d1 >= Duration::from_millis(50) && d1 < Duration::from_millis(100),
                "{d1:?}"
            );
            let d2 = p.delay(2);
            assert!(
                d2 >= Duration::from_millis(100) && d2 < Duration::from_millis(200),
                "{d2:?}"
            );
            let d9 = p.delay(9);
            assert!(
                d9 >= Duration::from_millis(175) && d9 < Duration::from_millis(350),
                "{d9:?}"
            );
        }
    }

    #[test]
    fn jitter_spreads_over_the_unit_interval() {
        // Clients retrying in step is what jitter prevents: the values must spread, not merely
        // stay in range (a stuck or degenerate generator keeps every delay equal).
        let draws: Vec<f64> = (0..2_000).map(|_| jitter()).collect();
        assert!(draws.iter().all(|j| (0.0..1.0).contains(j)));
        let mut distinct: Vec<u64> = draws.iter().map(|j| (j * 1e6) as u64).collect();
        distinct.sort_unstable();
        distinct.dedup();
        assert!(
            distinct.len() > 1_900,
            "{} distinct of 2000",
            distinct.len()
        );
        let low = draws.iter().filter(|j| **j < 0.5).count();
        assert!((800..1_200).contains(&low), "{low} of 2000 below one half");
    }
}
