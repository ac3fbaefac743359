//! Removing what a full run would not have written: the JSON of inputs that are gone or now
//! fail, temporary files of a killed run, and directories left empty.

use super::outdir::OutDir;
use super::walk::rel_string;
use std::io;
use walkdir::WalkDir;

/// Removes from `json/` every file that is not the output of an input `keep` accepts (by
/// relative path), then the directories left empty.
pub fn sweep(out: &OutDir, keep: impl Fn(&str) -> bool) -> io::Result<()> {
    let dir = out.json_dir();
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in WalkDir::new(&dir).min_depth(1).contents_first(true) {
        let entry = entry.map_err(io::Error::from)?;
        let path = entry.path();
        if entry.file_type().is_dir() {
            // Fails, harmlessly, when the directory still holds outputs.
            let _ = std::fs::remove_dir(path);
            continue;
        }
        let rel = path
            .strip_prefix(&dir)
            .ok()
            .and_then(rel_string)
            .and_then(|r| r.strip_suffix(".json").map(str::to_string));
        let wanted = rel.is_some_and(|r| keep(&r));
        let temporary = entry.file_name().as_encoded_bytes().starts_with(b".tmp");
        if !wanted || temporary {
            std::fs::remove_file(path)?;
        }
    }
    Ok(())
}
