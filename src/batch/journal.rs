//! The journal: the inputs whose outputs a `run` has started to rewrite.
//!
//! The manifest is written once, at the end of a run. If the run is killed, the old manifest
//! still describes the files it had not reached, but not those whose outputs it had rewritten:
//! a file reverted to its old content before the next run would otherwise be "skipped" with the
//! new content's outputs. So each input is appended here *before* its outputs are touched, the
//! next run re-extracts every journaled input, and the journal is deleted once the new manifest
//! is in place.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub struct Journal {
    path: PathBuf,
    file: Mutex<File>,
}

impl Journal {
    /// Opens the journal for appending, keeping what an interrupted run left in it.
    pub fn open(path: &Path) -> io::Result<Journal> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        Ok(Journal {
            path: path.to_path_buf(),
            file: Mutex::new(file),
        })
    }

    /// The inputs an interrupted run may have left half updated (none when there is no journal).
    pub fn read(path: &Path) -> HashSet<String> {
        std::fs::read_to_string(path)
            .map(|s| s.lines().map(str::to_string).collect())
            .unwrap_or_default()
    }

    /// Records that the outputs of `rel` are about to change. One `write` of a whole line, so
    /// that a kill cannot leave a line that names another file.
    pub fn mark(&self, rel: &str) -> io::Result<()> {
        let line = format!("{rel}\n");
        let mut file = self.file.lock().unwrap_or_else(|e| e.into_inner());
        file.write_all(line.as_bytes())
    }

    /// Deletes the journal: the manifest now describes every output.
    pub fn clear(self) -> io::Result<()> {
        drop(self.file);
        match std::fs::remove_file(&self.path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}
