//! Fault injection, for resilience tests: latency, 5xx answers, dropped connections, malformed
//! bodies, a clock offset and forced 429s.

use std::time::Duration;

/// When a fault strikes relative to the request's effect.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FaultPoint {
    /// Before the request is executed: nothing happened on the exchange.
    #[default]
    Before,
    /// After the request is executed: the orders are cancelled but the answer is lost.
    After,
}

/// The faults to inject. The default injects none.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Faults {
    /// Added to every answer.
    pub latency: Duration,
    /// Share (0.0 to 1.0) of requests answered HTTP 503 with a non-JSON body.
    pub error_5xx: f64,
    /// Share of requests whose connection is dropped without an answer.
    pub drop_connection: f64,
    /// Share of requests answered 200 with a truncated, malformed JSON body.
    pub malformed_body: f64,
    /// Share of requests answered 429 regardless of the rate.
    pub random_429: f64,
    /// The next `force_429` requests are answered 429.
    pub force_429: u32,
    /// The next `lose_answers` requests are executed, then answered HTTP 503 as if the answer
    /// were lost on the way back: the repeat of a placed order meets its own duplicate.
    pub lose_answers: u32,
    /// Milliseconds added to the server's clock (its time endpoint and timestamp window).
    pub clock_offset_ms: i64,
    /// When the 5xx, dropped and malformed faults strike.
    pub point: FaultPoint,
    /// The seed of the fault dice, so a run can be replayed.
    pub seed: u64,
}

/// What the dice decided for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Strike {
    None,
    Error5xx,
    Drop,
    Malformed,
    TooMany,
}

/// A small deterministic generator (xorshift64*), enough for fault dice.
#[derive(Debug, Clone)]
pub(crate) struct Dice(u64);

impl Dice {
    pub(crate) fn new(seed: u64) -> Self {
        Dice(seed.max(1))
    }

    /// A number in [0, 1).
    pub(crate) fn roll(&mut self) -> f64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }

    pub(crate) fn strike(&mut self, f: &Faults) -> Strike {
        let r = self.roll();
        let mut edge = f.error_5xx;
        if r < edge {
            return Strike::Error5xx;
        }
        edge += f.drop_connection;
        if r < edge {
            return Strike::Drop;
        }
        edge += f.malformed_body;
        if r < edge {
            return Strike::Malformed;
        }
        edge += f.random_429;
        if r < edge {
            return Strike::TooMany;
        }
        Strike::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dice_follow_the_shares() {
        let faults = Faults {
            error_5xx: 0.1,
            drop_connection: 0.2,
            ..Faults::default()
        };
        let mut dice = Dice::new(7);
        let n = 20_000;
        let (mut e, mut d) = (0, 0);
        for _ in 0..n {
            match dice.strike(&faults) {
                Strike::Error5xx => e += 1,
                Strike::Drop => d += 1,
                _ => {}
            }
        }
        assert!((1_600..2_400).contains(&e), "{e}");
        assert!((3_400..4_600).contains(&d), "{d}");
        assert_eq!(Dice::new(0).strike(&Faults::default()), Strike::None);
    }
}
