//! Client-side rate limiting: one GCRA limiter per (account, endpoint), or per IP for public
//! endpoints, at the endpoint's declared rate, so a burst never earns a 429 from the exchange.
//!
//! Bitget counts a sliding one-second window. GCRA with a burst of one spaces requests evenly,
//! which never breaks that window; the spacing carries a small margin so that jitter between
//! sending and arrival cannot put one request too many inside a window.
//!
//! With a burst of one, GCRA keeps one instant per limiter, the earliest the next request may go
//! (its theoretical arrival time), so it is written here rather than taken from a crate: the
//! request already holds the lock of its endpoint's state, where that instant lives.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::Instant;

use crate::endpoint::{RateLimit, RateScope};

/// The spacing margin: 2% slower than the declared rate.
const MARGIN: f64 = 0.02;

/// One GCRA limiter with a burst of one: a request may go at `next` or later, and moves `next`
/// one period past the later of `next` and its own time. A request that waits reserves nothing,
/// so one given up on (a timeout around `send`) costs the others no time.
#[derive(Debug, Clone, Copy)]
struct Limiter {
    period: Duration,
    next: Option<Instant>,
}

impl Limiter {
    fn new(per_second: u32) -> Limiter {
        Limiter {
            period: period(per_second),
            next: None,
        }
    }

    /// Takes the slot if it is free at `now`; otherwise how long until it is.
    fn take(&mut self, now: Instant) -> Result<(), Duration> {
        match self.next {
            Some(next) if next > now => Err(next - now),
            _ => {
                self.next = Some(now + self.period);
                Ok(())
            }
        }
    }
}

/// One endpoint's limiters, per account key (looked up by `&str`, so a request allocates nothing
/// once its limiter exists), and the requests that came through.
#[derive(Default)]
struct PathState {
    limiters: HashMap<String, Limiter>,
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
        let mut counted = false;
        loop {
            let wait = {
                let mut paths = lock(&self.paths);
                let state = paths.entry(path).or_default();
                if !counted {
                    state.granted += 1;
                    counted = true;
                }
                let limiter = match state.limiters.get_mut(key) {
                    Some(limiter) => limiter,
                    None => state
                        .limiters
                        .entry(key.to_owned())
                        .or_insert(Limiter::new(self.rate(path, declared))),
                };
                match limiter.take(Instant::now()) {
                    Ok(()) => return,
                    Err(wait) => wait,
                }
            };
            tokio::time::sleep(wait.max(Duration::from_micros(100))).await;
        }
    }
}

/// The spacing of a rate: one request per `(1 + MARGIN) / per_second` seconds; `0` is taken as 1.
fn period(per_second: u32) -> Duration {
    Duration::from_secs_f64((1.0 + MARGIN) / f64::from(per_second.max(1)))
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
        assert_eq!(period(10), Duration::from_millis(102));
        // 0 is taken as 1/s, not as a division by zero.
        assert_eq!(period(0), Duration::from_millis(1020));
        let t0 = Instant::now();
        let mut limiter = Limiter::new(10);
        assert_eq!(limiter.take(t0), Ok(()));
        assert_eq!(
            limiter.take(t0),
            Err(Duration::from_millis(102)),
            "a burst of one"
        );
        // Asking again while waiting reserves nothing: the slot is still 102 ms after the first.
        let later = t0 + Duration::from_millis(40);
        assert_eq!(limiter.take(later), Err(Duration::from_millis(62)));
        assert_eq!(limiter.take(t0 + Duration::from_millis(102)), Ok(()));
        // An idle limiter does not bank slots: after a long pause, still one at a time.
        let idle = t0 + Duration::from_secs(10);
        assert_eq!(limiter.take(idle), Ok(()));
        assert_eq!(limiter.take(idle), Err(Duration::from_millis(102)));
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
