//! Client-side rate limiting: one GCRA limiter per (account, endpoint), or per IP for public
//! endpoints, at the endpoint's declared rate, so a burst never earns a 429 from the exchange.
//!
//! Bitget counts a sliding one-second window. GCRA with a burst of one spaces requests evenly,
//! which never breaks that window; the spacing carries a small margin so that jitter between
//! sending and arrival cannot put one request too many inside a window.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use governor::clock::{Clock as _, DefaultClock};
use governor::state::{InMemoryState, NotKeyed};
use governor::{Quota, RateLimiter};

use crate::endpoint::{RateLimit, RateScope};

type Limiter = RateLimiter<NotKeyed, InMemoryState, DefaultClock>;

/// The spacing margin: 2% slower than the declared rate.
const MARGIN: f64 = 0.02;

/// One endpoint's limiters, per account key (looked up by `&str`, so a request allocates nothing
/// once its limiter exists), and the requests that came through.
#[derive(Default)]
struct PathState {
    limiters: HashMap<String, Arc<Limiter>>,
    granted: u64,
}

/// A set of limiters, shareable between clients of the same account (`Arc<RateLimits>`).
#[derive(Default)]
pub struct RateLimits {
    /// Per endpoint path: its limiters and its count, behind the one lock a request takes.
    paths: Mutex<HashMap<&'static str, PathState>>,
    overrides: Mutex<HashMap<String, u32>>,
    disabled: bool,
}

impl std::fmt::Debug for RateLimits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RateLimits")
            .field("disabled", &self.disabled)
            .finish_non_exhaustive()
    }
}

impl RateLimits {
    /// Limiters at every endpoint's declared rate.
    pub fn new() -> Arc<Self> {
        Arc::new(RateLimits::default())
    }

    /// No client-side limiting at all (for benchmarks, or a caller with a limiter of its own).
    pub fn unlimited() -> Arc<Self> {
        Arc::new(RateLimits {
            disabled: true,
            ..RateLimits::default()
        })
    }

    /// Overrides the rate of the endpoint at `path` (requests per second): copy-trading accounts get
    /// 1/s on order placement, and doc revisions change numbers. `0` is taken as 1.
    pub fn set_rate(&self, path: &str, per_second: u32) {
        lock(&self.overrides).insert(path.to_owned(), per_second.max(1));
        if let Some(state) = lock(&self.paths).get_mut(path) {
            state.limiters.clear();
        }
    }

    /// The rate in force for `path`.
    pub fn rate(&self, path: &str, declared: RateLimit) -> u32 {
        lock(&self.overrides)
            .get(path)
            .copied()
            .unwrap_or(declared.per_second)
            .max(1)
    }

    /// How many requests to `path` have come through these limiters (every attempt passes here
    /// before it is signed, retries included). Not counted when the limits are off
    /// ([`RateLimits::unlimited`]): that path takes no lock.
    pub fn granted(&self, path: &str) -> u64 {
        lock(&self.paths).get(path).map_or(0, |s| s.granted)
    }

    /// Waits until a request of `account` (its key, or any label shared by its clients) to `path`
    /// may go.
    pub async fn wait(&self, account: &str, path: &'static str, declared: RateLimit) {
        let key = match declared.scope {
            RateScope::Uid => account,
            RateScope::Ip => "ip",
        };
        if self.disabled {
            return;
        }
        let limiter = {
            let mut paths = lock(&self.paths);
            let state = paths.entry(path).or_default();
            state.granted += 1;
            match state.limiters.get(key) {
                Some(limiter) => Arc::clone(limiter),
                None => {
                    let limiter = Arc::new(RateLimiter::direct(quota(self.rate(path, declared))));
                    state.limiters.insert(key.to_owned(), Arc::clone(&limiter));
                    limiter
                }
            }
        };
        while let Err(not_until) = limiter.check() {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            tokio::time::sleep(wait.max(Duration::from_micros(100))).await;
        }
    }
}

fn quota(per_second: u32) -> Quota {
    let period = Duration::from_secs_f64((1.0 + MARGIN) / f64::from(per_second.max(1)));
    let one = NonZeroU32::MIN;
    Quota::with_period(period).map_or_else(|| Quota::per_second(one), |q| q.allow_burst(one))
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uid(per_second: u32) -> RateLimit {
        RateLimit {
            per_second,
            scope: RateScope::Uid,
        }
    }

    #[test]
    fn requests_are_spaced_at_the_declared_rate_plus_the_margin() {
        // 10/s with a 2% margin: one request every 102 ms, never two at once.
        assert_eq!(quota(10).replenish_interval(), Duration::from_millis(102));
        assert_eq!(quota(10).burst_size(), NonZeroU32::MIN);
        // 0 is taken as 1/s, not as a division by zero.
        assert_eq!(quota(0).replenish_interval(), Duration::from_millis(1020));
    }

    #[test]
    fn overrides_replace_the_declared_rate() {
        let limits = RateLimits::new();
        assert_eq!(limits.rate("/api/x", uid(10)), 10);
        limits.set_rate("/api/x", 1);
        assert_eq!(limits.rate("/api/x", uid(10)), 1);
        limits.set_rate("/api/x", 0);
        assert_eq!(limits.rate("/api/x", uid(10)), 1, "0 is taken as 1");
        assert_eq!(limits.rate("/api/y", uid(0)), 1);
    }

    #[tokio::test]
    async fn a_request_beyond_the_rate_waits_and_every_one_is_counted() {
        let limits = RateLimits::new();
        limits.wait("acct", "/api/one", uid(1)).await;
        assert_eq!(limits.granted("/api/one"), 1);
        // The second request of a 1/s endpoint waits about a second: it is not through after
        // 100 ms. (A lower bound only: a slow machine makes the wait longer, never shorter.)
        let second = tokio::time::timeout(
            Duration::from_millis(100),
            limits.wait("acct", "/api/one", uid(1)),
        )
        .await;
        assert!(second.is_err(), "the second request did not wait");
        // Another account has its own budget; an IP-scoped endpoint shares one across accounts.
        tokio::time::timeout(
            Duration::from_millis(100),
            limits.wait("other", "/api/one", uid(1)),
        )
        .await
        .unwrap_or_else(|_| panic!("another account's first request waits for nobody"));
        let ip = RateLimit {
            per_second: 1,
            scope: RateScope::Ip,
        };
        limits.wait("a", "/api/public", ip).await;
        let shared = tokio::time::timeout(
            Duration::from_millis(100),
            limits.wait("b", "/api/public", ip),
        )
        .await;
        assert!(shared.is_err(), "public endpoints are counted per IP");
        // Turned off, nothing waits and nothing is counted.
        let off = RateLimits::unlimited();
        for _ in 0..3 {
            off.wait("acct", "/api/one", uid(1)).await;
        }
        assert_eq!(off.granted("/api/one"), 0);
    }
}
