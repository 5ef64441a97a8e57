//! Bitget's id-cursor paging, as the simulator serves it: newest first, rows older than
//! `idLessThan`, at most `limit`, within `startTime`..`endTime`, and `endId` the last row's id.

use serde_json::{Value, json};

use crate::envelope::SimError;
use crate::params::Params;

/// The rows of a page, newest first, older than `idLessThan`, at most `limit` (1 to 100), and
/// within the window; with the next cursor (the last row's id).
pub(super) struct Paging {
    before: Option<u64>,
    limit: usize,
    start: i64,
    end: i64,
}

impl Paging {
    /// v2's paging: the cursor is `idLessThan`.
    pub(super) fn read(
        p: &Params,
        default_limit: usize,
        max_days: i64,
    ) -> Result<Paging, SimError> {
        Paging::read_with(p, "idLessThan", default_limit, max_days)
    }

    /// v2's paging with a page of up to `max_limit` rows (the spot ledger's 500).
    pub(super) fn read_limited(
        p: &Params,
        default_limit: usize,
        max_limit: usize,
        max_days: i64,
    ) -> Result<Paging, SimError> {
        Paging::read_inner(p, "idLessThan", default_limit, max_limit, max_days)
    }

    /// Paging whose cursor parameter is `cursor_key` (v3: `cursor`, the smallest id of the
    /// previous page).
    pub(super) fn read_with(
        p: &Params,
        cursor_key: &str,
        default_limit: usize,
        max_days: i64,
    ) -> Result<Paging, SimError> {
        Paging::read_inner(p, cursor_key, default_limit, 100, max_days)
    }

    fn read_inner(
        p: &Params,
        cursor_key: &str,
        default_limit: usize,
        max_limit: usize,
        max_days: i64,
    ) -> Result<Paging, SimError> {
        let number = |name: &str| -> Result<Option<i64>, SimError> {
            p.text(name)?
                .map(|t| {
                    t.parse::<i64>()
                        .map_err(|_| SimError::invalid(format!("{name} must be a number")))
                })
                .transpose()
        };
        let limit = match number("limit")? {
            None => default_limit,
            Some(n) if n >= 1 && n as usize <= max_limit => n as usize,
            Some(_) => {
                return Err(SimError::invalid(format!("limit must be 1 to {max_limit}")));
            }
        };
        let start = number("startTime")?.unwrap_or(i64::MIN);
        let end = number("endTime")?.unwrap_or(i64::MAX);
        if start != i64::MIN
            && end != i64::MAX
            && (end < start || end.saturating_sub(start) > max_days * 86_400_000)
        {
            return Err(SimError::bad(
                "40017",
                format!("startTime and endTime span at most {max_days} days"),
            ));
        }
        let before = p
            .text(cursor_key)?
            .map(|t| {
                t.parse::<u64>()
                    .map_err(|_| SimError::invalid(format!("{cursor_key} must be an id")))
            })
            .transpose()?;
        Ok(Paging {
            before,
            limit,
            start,
            end,
        })
    }

    /// Keeps the rows (id, time, row) that fit, newest first; returns them with `endId`.
    pub(super) fn page(&self, mut rows: Vec<(u64, i64, Value)>) -> (Vec<Value>, Value) {
        rows.retain(|(id, t, _)| {
            self.before.is_none_or(|b| *id < b) && (self.start..=self.end).contains(t)
        });
        rows.sort_by_key(|r| std::cmp::Reverse(r.0));
        rows.truncate(self.limit);
        let end_id = rows
            .last()
            .map_or(Value::Null, |(id, _, _)| json!(id.to_string()));
        (rows.into_iter().map(|(_, _, v)| v).collect(), end_id)
    }
}
