//! The JSON writer: one pretty-printed `fatiao/1` document per input file (and the manifest,
//! which follows the same conventions).

use serde::Serialize;
use std::io::Write;

/// Writes serde_json's pretty form of `value` (for the model, field order is the struct order,
/// so the bytes are stable) followed by a newline, as text files end. Streaming: the JSON of a
/// large file is several times its size and need not sit in memory.
pub fn write_json<T: Serialize>(mut w: impl Write, value: &T) -> serde_json::Result<()> {
    serde_json::to_writer_pretty(&mut w, value)?;
    w.write_all(b"\n").map_err(serde_json::Error::io)
}

/// The same bytes as [`write_json`], in memory.
pub fn to_json<T: Serialize>(value: &T) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::new();
    write_json(&mut out, value)?;
    Ok(out)
}
