//! Rate limits: a sliding one-second window per (UID or IP, endpoint), as Bitget counts them.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

const WINDOW: Duration = Duration::from_secs(1);

/// The requests admitted in the last second, per key.
#[derive(Debug, Default)]
pub(crate) struct Windows {
    seen: HashMap<(String, &'static str), VecDeque<Instant>>,
}

impl Windows {
    /// Admits the request unless `rate` were already admitted for `key` on `path` in the last
    /// second.
    pub(crate) fn admit(&mut self, key: &str, path: &'static str, rate: u32, now: Instant) -> bool {
        let window = self.seen.entry((key.to_owned(), path)).or_default();
        while window
            .front()
            .is_some_and(|t| now.duration_since(*t) >= WINDOW)
        {
            window.pop_front();
        }
        if window.len() >= rate as usize {
            return false;
        }
        window.push_back(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sliding_window() {
        let mut w = Windows::default();
        let t0 = Instant::now();
        for _ in 0..10 {
            assert!(w.admit("u", "/p", 10, t0));
        }
        assert!(!w.admit("u", "/p", 10, t0 + Duration::from_millis(999)));
        assert!(w.admit("other", "/p", 10, t0), "counted per key");
        assert!(w.admit("u", "/q", 10, t0), "counted per endpoint");
        assert!(w.admit("u", "/p", 10, t0 + Duration::from_millis(1000)));
    }
}
