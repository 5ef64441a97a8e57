//! Rules the declaration vocabulary cannot say, written as functions for `check = ...`.

/// A Unix millisecond timestamp: digits only.
pub(crate) fn unix_millis(value: &Option<String>) -> Result<(), String> {
    match value {
        Some(v) if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) => Err(format!(
            "must be Unix milliseconds (digits only), not `{v}`"
        )),
        _ => Ok(()),
    }
}

/// A receive window in milliseconds, at most 60000 (Bitget answers 40079 beyond).
pub(crate) fn receive_window(value: &Option<String>) -> Result<(), String> {
    let Some(v) = value else { return Ok(()) };
    match v.parse::<u64>() {
        Ok(ms) if ms <= 60_000 => Ok(()),
        Ok(ms) => Err(format!("at most 60000 ms, got {ms}")),
        Err(_) => Err(format!("must be milliseconds (digits only), not `{v}`")),
    }
}
