//! `OUT/manifest.json`: what the last run saw and did, per input file, plus run totals.
//!
//! It is both a report for people and the memory of incremental runs: a file whose hash and
//! fatiao version match its entry is skipped. Entries are sorted by path and hold no absolute
//! paths or dates, so two runs over the same input differ only in their `elapsed_ms` fields.
//!
//! The manifest is written as the run goes ([`ManifestWriter`]), one entry per line, totals
//! last: with tens of thousands of inputs the entries need not all be held in memory, and a
//! line per file is what `grep` and `diff` want.

use super::atomic::AtomicFile;
use serde::{Deserialize, Serialize};
use std::io::{self, Write};
use std::path::Path;

/// The version recorded in manifests; a different one invalidates every entry.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub fatiao_version: String,
    pub files: Vec<FileEntry>,
    pub totals: Totals,
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

impl Totals {
    /// Counts one more file.
    pub fn add(&mut self, f: &FileEntry) {
        self.files += 1;
        match f.status {
            Status::Ok => self.ok += 1,
            Status::Skipped => self.skipped += 1,
            Status::Error => self.errors += 1,
        }
        self.bytes += f.bytes;
        self.documents += f.documents;
        self.articles += f.articles;
        self.nodes += f.nodes;
        self.warnings += f.warnings;
    }
}

impl Manifest {
    /// Reads a previous manifest. A missing or unreadable one (another version's format, a
    /// hand-edited file) is `None`, which means a full run: never worse than a full run.
    pub fn load(path: &Path) -> Option<Manifest> {
        let file = std::fs::File::open(path).ok()?;
        serde_json::from_reader(io::BufReader::new(file)).ok()
    }
}

/// Writes `manifest.json` entry by entry, atomically: the old manifest stays in place until
/// [`ManifestWriter::finish`].
pub struct ManifestWriter {
    file: AtomicFile,
    entries: usize,
}

impl ManifestWriter {
    pub fn create(path: &Path) -> io::Result<ManifestWriter> {
        let mut file = AtomicFile::create(path)?;
        let version = serde_json::to_string(VERSION)?;
        write!(
            file.writer(),
            "{{\n  \"fatiao_version\": {version},\n  \"files\": ["
        )?;
        Ok(ManifestWriter { file, entries: 0 })
    }

    /// Appends an entry; the caller appends in path order.
    pub fn push(&mut self, entry: &FileEntry) -> io::Result<()> {
        let sep = if self.entries == 0 { "" } else { "," };
        let w = self.file.writer();
        write!(w, "{sep}\n    ")?;
        serde_json::to_writer(&mut *w, entry)?;
        self.entries += 1;
        Ok(())
    }

    /// Writes the run's totals and puts the manifest in place.
    pub fn finish(mut self, totals: &Totals) -> io::Result<()> {
        let totals = serde_json::to_string(totals)?;
        let close = if self.entries == 0 { "" } else { "\n  " };
        write!(
            self.file.writer(),
            "{close}],\n  \"totals\": {totals}\n}}\n"
        )?;
        self.file.commit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, status: Status, documents: usize) -> FileEntry {
        FileEntry {
            status,
            documents,
            ..FileEntry::new(path, 10)
        }
    }

    #[test]
    fn written_manifest_reads_back_with_totals_and_a_line_per_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest.json");
        let files = vec![
            entry("a.txt", Status::Ok, 2),
            entry("b/c.txt", Status::Skipped, 1),
            entry("d.txt", Status::Error, 0),
        ];
        let mut w = ManifestWriter::create(&path).unwrap();
        let mut totals = Totals {
            elapsed_ms: 7,
            ..Totals::default()
        };
        for f in &files {
            w.push(f).unwrap();
            totals.add(f);
        }
        w.finish(&totals).unwrap();
        let back = Manifest::load(&path).unwrap();
        assert_eq!(back.fatiao_version, VERSION);
        assert_eq!(back.files, files);
        assert_eq!(back.totals, totals);
        assert_eq!(
            (totals.files, totals.ok, totals.skipped, totals.errors),
            (3, 1, 1, 1)
        );
        assert_eq!(
            (totals.documents, totals.bytes, totals.elapsed_ms),
            (3, 30, 7)
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().filter(|l| l.contains("\"path\"")).count(), 3);
    }

    #[test]
    fn an_empty_run_writes_a_valid_manifest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest.json");
        ManifestWriter::create(&path)
            .unwrap()
            .finish(&Totals::default())
            .unwrap();
        let back = Manifest::load(&path).unwrap();
        assert!(back.files.is_empty());
        assert_eq!(back.totals.files, 0);
    }
}
