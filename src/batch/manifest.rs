//! `OUT/manifest.json`: what the last run saw and did, per input file, plus run totals.
//!
//! It is both a report for people and the memory of incremental runs: a file whose hash and
//! fatiao version match its entry is skipped. Entries are sorted by path and hold no absolute
//! paths or dates, so two runs over the same input differ only in their `elapsed_ms` fields.

use super::atomic::AtomicFile;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The version recorded in manifests; a different one invalidates every entry.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub fatiao_version: String,
    pub totals: Totals,
    pub files: Vec<FileEntry>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub files: usize,
    /// Extracted in this run.
    pub ok: usize,
    /// Unchanged since the last run, outputs kept.
    pub skipped: usize,
    pub errors: usize,
    pub bytes: u64,
    pub documents: usize,
    pub articles: usize,
    pub nodes: usize,
    pub warnings: usize,
    pub elapsed_ms: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Skipped,
    Error,
}

/// One input file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Relative path, `/`-separated.
    pub path: String,
    /// Hex SHA-256 of the bytes; null when the file could not be read.
    pub sha256: Option<String>,
    pub encoding: Option<String>,
    pub bytes: u64,
    pub documents: usize,
    pub articles: usize,
    pub nodes: usize,
    pub warnings: usize,
    pub status: Status,
    /// Why the file failed; null unless `status` is `error`.
    pub message: Option<String>,
    pub elapsed_ms: u64,
}

impl FileEntry {
    /// An entry with nothing known yet but the path and size.
    pub fn new(path: &str, bytes: u64) -> Self {
        FileEntry {
            path: path.to_string(),
            sha256: None,
            encoding: None,
            bytes,
            documents: 0,
            articles: 0,
            nodes: 0,
            warnings: 0,
            status: Status::Error,
            message: None,
            elapsed_ms: 0,
        }
    }

    /// Whether the file's outputs are part of this run's output.
    pub fn has_outputs(&self) -> bool {
        self.status != Status::Error
    }
}

impl Manifest {
    /// The manifest of a run over `files` (in path order) that took `elapsed_ms`.
    pub fn new(files: Vec<FileEntry>, elapsed_ms: u64) -> Self {
        let mut t = Totals {
            files: files.len(),
            elapsed_ms,
            ..Totals::default()
        };
        for f in &files {
            match f.status {
                Status::Ok => t.ok += 1,
                Status::Skipped => t.skipped += 1,
                Status::Error => t.errors += 1,
            }
            t.bytes += f.bytes;
            t.documents += f.documents;
            t.articles += f.articles;
            t.nodes += f.nodes;
            t.warnings += f.warnings;
        }
        Manifest {
            fatiao_version: VERSION.to_string(),
            totals: t,
            files,
        }
    }

    /// Reads a previous manifest. A missing or unreadable one (another version's format, a
    /// hand-edited file) is `None`, which means a full run: never worse than a full run.
    pub fn load(path: &Path) -> Option<Manifest> {
        let file = std::fs::File::open(path).ok()?;
        serde_json::from_reader(std::io::BufReader::new(file)).ok()
    }

    /// Writes the manifest to `path` atomically, streamed: with tens of thousands of files its
    /// JSON is tens of megabytes, which need not sit in memory.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let mut file = AtomicFile::create(path)?;
        crate::emit::write_json(file.writer(), self)?;
        file.commit()
    }
}
