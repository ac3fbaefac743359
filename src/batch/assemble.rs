//! The end of a run: the final CSVs streamed together from the per-file fragments, and the
//! outputs of inputs that are gone (or now fail) swept away.

use super::atomic::write_atomic_with;
use super::outdir::OutDir;
use super::walk::rel_string;
use crate::emit::Table;
use std::collections::HashSet;
use std::fs::File;
use std::io;
use std::path::Path;
use walkdir::WalkDir;

/// Writes each table's CSV: the header, then the fragments of `rels` in the order given (the
/// caller's path order). Streams: memory does not grow with the corpus.
pub fn assemble(out: &OutDir, rels: &[&str]) -> io::Result<()> {
    for table in Table::ALL {
        write_atomic_with(&out.table(table), |w| {
            io::Write::write_all(w, &table.header_line())?;
            for rel in rels {
                let path = out.fragment(table, rel);
                let mut fragment = File::open(&path)
                    .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
                io::copy(&mut fragment, w)?;
            }
            Ok(())
        })?;
    }
    Ok(())
}

/// Removes from `json/` and the fragment directories every file that is not an output of one of
/// `keep` (inputs that are gone, inputs that now fail, temporary files of a killed run), then the
/// directories left empty. What a full run into an empty directory would not have written must
/// not be there after an incremental one.
pub fn sweep(out: &OutDir, keep: &HashSet<&str>) -> io::Result<()> {
    sweep_dir(&out.json_dir(), ".json", keep)?;
    for table in Table::ALL {
        sweep_dir(&out.fragment_dir(table), ".csv", keep)?;
    }
    Ok(())
}

fn sweep_dir(dir: &Path, suffix: &str, keep: &HashSet<&str>) -> io::Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in WalkDir::new(dir).min_depth(1).contents_first(true) {
        let entry = entry.map_err(io::Error::from)?;
        let path = entry.path();
        if entry.file_type().is_dir() {
            // Fails, harmlessly, when the directory still holds outputs.
            let _ = std::fs::remove_dir(path);
            continue;
        }
        let rel = path
            .strip_prefix(dir)
            .ok()
            .and_then(rel_string)
            .and_then(|r| r.strip_suffix(suffix).map(str::to_string));
        let wanted = matches!(&rel, Some(r) if keep.contains(r.as_str()));
        let temporary = entry.file_name().as_encoded_bytes().starts_with(b".tmp");
        if !wanted || temporary {
            std::fs::remove_file(path)?;
        }
    }
    Ok(())
}
