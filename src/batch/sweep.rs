//! Removing what a full run would not have written: the JSON of inputs that are gone or now
//! fail, temporary files of a killed run, and directories left empty.

use super::outdir::OutDir;
use super::walk::rel_string;
use std::ffi::OsStr;
use std::io;
use walkdir::WalkDir;

/// Removes the temporary files a killed run left beside the CSVs and the manifest, and among
/// the diffs of version pairs. Called before a run creates its own. (Those in `json/` go with
/// the [`sweep`].)
pub fn remove_temporaries(out: &OutDir) -> io::Result<()> {
    for dir in [out.root().to_path_buf(), out.diffs_dir()] {
        let entries = match std::fs::read_dir(&dir) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
            entries => entries?,
        };
        for entry in entries {
            let entry = entry?;
            if entry.file_type()?.is_file() && is_temporary(&entry.file_name()) {
                std::fs::remove_file(entry.path())?;
            }
        }
    }
    Ok(())
}

/// Removes from `json/` every file that is not the output of an input `keep` accepts (by
/// relative path), temporary files included, then the directories left empty. Called once every
/// JSON of the run is written.
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
        if !wanted || is_temporary(entry.file_name()) {
            std::fs::remove_file(path)?;
        }
    }
    Ok(())
}

/// Whether a file name is one [`super::atomic::AtomicFile`] gives its temporary files: `.tmp` and
/// six random letters or digits (tempfile's default), nothing a person names a file.
fn is_temporary(name: &OsStr) -> bool {
    let name = name.as_encoded_bytes();
    name.len() == 10 && name.starts_with(b".tmp") && name[4..].iter().all(u8::is_ascii_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn removes_what_a_full_run_would_not_have_written() {
        let dir = tempfile::tempdir().unwrap();
        let out = OutDir::new(dir.path());
        for f in [
            "json/a.txt.json",
            "json/gone/b.txt.json",
            "json/.tmpAb12Cd",
            "json/kept/c.txt.json",
            ".tmpXy34Zw",
            "diffs/.tmpQw56Er",
            "diffs/x__2020__2021__0a1b2c3d.json",
            ".tmp-notes",
            "nodes.csv",
        ] {
            let p = dir.path().join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "x").unwrap();
        }
        remove_temporaries(&out).unwrap();
        sweep(&out, |rel| rel == "a.txt" || rel == "kept/c.txt").unwrap();
        let mut left: Vec<String> = WalkDir::new(dir.path())
            .min_depth(1)
            .into_iter()
            .map(|e| {
                let e = e.unwrap();
                let rel = e.path().strip_prefix(dir.path()).unwrap();
                rel.to_string_lossy().into_owned()
            })
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".tmp-notes",
                "diffs",
                "diffs/x__2020__2021__0a1b2c3d.json",
                "json",
                "json/a.txt.json",
                "json/kept",
                "json/kept/c.txt.json",
                "nodes.csv"
            ]
        );
    }
}
