//! The JSON writer: one pretty-printed `fatiao/1` document per input file (and the manifest,
//! which follows the same conventions).

use serde::Serialize;

/// serde_json's pretty form of `value` (for the model, field order is the struct order, so the
/// bytes are stable) followed by a newline, as text files end.
pub fn to_json<T: Serialize>(value: &T) -> serde_json::Result<Vec<u8>> {
    let mut out = serde_json::to_vec_pretty(value)?;
    out.push(b'\n');
    Ok(out)
}
