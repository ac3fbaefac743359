//! `OUT/manifest.json`: what the last run saw and did, per input file, plus run totals.
//!
//! It is both a report for people and the memory of incremental runs: a file whose hash and
//! fatiao version match its entry is skipped. Entries are sorted by path and hold no absolute
//! paths or dates, so two runs over the same input differ only in their `elapsed_ms` fields.
//!
//! The manifest is written as the run goes ([`ManifestWriter`]), one entry per line in path
//! order, totals last, and the next run reads it back the same way ([`Previous`]), entry by
//! entry as it reaches each path: with tens of thousands of inputs the entries are never all
//! held in memory, and a line per file is what `grep` and `diff` want.

use super::atomic::AtomicFile;
use crate::emit::PerTable;
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
    /// The three tables as this run committed them; absent in manifests written before fatiao
    /// recorded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tables: Option<TableDigests>,
}

/// A table's length and a hash of its bytes, as written: the next run reuses rows out of the
/// tables only when the files on disk still match (see [`Outputs`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableDigest {
    pub bytes: u64,
    /// XXH3-128 of the whole file, header included, in hex.
    pub xxh3_128: String,
}

/// The digests of `documents.csv`, `nodes.csv` and `warnings.csv`.
pub type TableDigests = PerTable<TableDigest>;

/// Where a file's outputs are, so that the next run can give back an unchanged file's CSV rows
/// by copying them out of the tables instead of reading its JSON back and flattening it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outputs {
    /// Size of `json/<path>.json`: a JSON of another size is not this run's (deleted, edited),
    /// and the file is extracted again.
    pub json_bytes: u64,
    /// Byte ranges `[start, end)` of the file's rows in `documents.csv`, `nodes.csv` and
    /// `warnings.csv` (empty ranges when it has none), as the fields `documents`, `nodes` and
    /// `warnings`.
    #[serde(flatten)]
    pub rows: PerTable<[u64; 2]>,
    /// XXH3-64 hashes, in hex, of the keys that group versions of one document
    /// ([`crate::diff::key_hashes`]).
    pub family_keys: Vec<String>,
    /// What orders the file among its versions, read by the run's versions pass instead of
    /// the JSON. Required: an entry written before it was recorded is not trusted.
    pub head: FamilyHead,
}

/// The title and the latest event date of a file's main document (the document compared with
/// its other versions); both null when it has none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyHead {
    pub title: Option<String>,
    pub latest_date: Option<String>,
}

impl Outputs {
    /// The family key hashes; `None` if one is not 16 hex digits.
    pub fn key_hashes(&self) -> Option<Vec<u64>> {
        self.family_keys
            .iter()
            .map(|h| {
                (h.len() == 16)
                    .then(|| u64::from_str_radix(h, 16).ok())
                    .flatten()
            })
            .collect()
    }
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
    /// `run` only, and not for errors: where the file's outputs are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outputs: Option<Outputs>,
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
            outputs: None,
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
    /// Reads a whole manifest, for tools and tests; `None` when missing or unreadable. A run
    /// reads the previous one entry by entry instead ([`Previous`]).
    pub fn load(path: &Path) -> Option<Manifest> {
        let file = std::fs::File::open(path).ok()?;
        serde_json::from_reader(io::BufReader::new(file)).ok()
    }
}

/// The entries of the last run's manifest, read one line at a time as the run reaches their
/// paths: a re-run holds the entries of the chunk in hand, not the whole manifest.
///
/// Only the layout [`ManifestWriter`] writes is read: a first line `{`, the version, `"files": [`,
/// then one entry per line in increasing path order. A missing manifest, another version, or any
/// other layout gives no entries. A line that does not parse as an entry, or an entry out of
/// order, ends the entries there: the files after it are extracted again, as in a full run.
/// Nothing else is checked, and nothing else need be: a file is skipped only when its bytes
/// hash to its entry's hash and its JSON is the extraction of those bytes.
pub struct Previous {
    lines: Option<io::BufReader<std::fs::File>>,
    line: String,
    /// The next entry not yet asked for.
    next: Option<FileEntry>,
}

impl Previous {
    /// No previous entries: a full run.
    pub fn none() -> Previous {
        Previous {
            lines: None,
            line: String::new(),
            next: None,
        }
    }

    /// Opens the manifest at `path` and reads up to its first entry.
    pub fn open(path: &Path) -> Previous {
        let mut previous = Previous::none();
        if let Ok(file) = std::fs::File::open(path) {
            previous.lines = Some(io::BufReader::new(file));
            if previous.header() {
                previous.advance();
            } else {
                previous.lines = None;
            }
        }
        previous
    }

    /// The entry of `rel`, if the manifest has one. Paths must be asked for in increasing order;
    /// the entries of paths passed over are dropped.
    pub fn take(&mut self, rel: &str) -> Option<FileEntry> {
        while let Some(next) = &self.next {
            match next.path.as_str().cmp(rel) {
                std::cmp::Ordering::Less => drop(self.advance()),
                std::cmp::Ordering::Equal => return self.advance(),
                std::cmp::Ordering::Greater => return None,
            }
        }
        None
    }

    /// Reads `{`, the version line and the line opening the entries; whether they are those of
    /// a manifest of this version with entries.
    fn header(&mut self) -> bool {
        if self.read_line() != Some("{") {
            return false;
        }
        let version = self
            .read_line()
            .and_then(|l| l.strip_prefix("\"fatiao_version\":"))
            .and_then(|l| l.strip_suffix(','))
            .and_then(|v| serde_json::from_str::<String>(v).ok());
        version.as_deref() == Some(VERSION) && self.read_line() == Some("\"files\": [")
    }

    /// Moves `next` on to the following entry, or ends the entries (see [`Previous`]), and
    /// returns the entry it held.
    fn advance(&mut self) -> Option<FileEntry> {
        let entry = self.read_line().and_then(|line| {
            let line = line.strip_suffix(',').unwrap_or(line);
            serde_json::from_str::<FileEntry>(line).ok()
        });
        let in_order = match (&self.next, &entry) {
            (Some(before), Some(entry)) => before.path < entry.path,
            _ => true,
        };
        let entry = entry.filter(|_| in_order);
        if entry.is_none() {
            self.lines = None;
        }
        std::mem::replace(&mut self.next, entry)
    }

    /// The next line without its surrounding white space; `None` at the end or on an error.
    fn read_line(&mut self) -> Option<&str> {
        let lines = self.lines.as_mut()?;
        self.line.clear();
        match io::BufRead::read_line(lines, &mut self.line) {
            Ok(n) if n > 0 => Some(self.line.trim()),
            _ => None,
        }
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

    /// Writes the run's totals and the digests of the tables it committed, and puts the
    /// manifest in place.
    pub fn finish(mut self, totals: &Totals, tables: Option<&TableDigests>) -> io::Result<()> {
        let totals = serde_json::to_string(totals)?;
        let close = if self.entries == 0 { "" } else { "\n  " };
        let w = self.file.writer();
        write!(w, "{close}],\n  \"totals\": {totals}")?;
        if let Some(tables) = tables {
            write!(w, ",\n  \"tables\": {}", serde_json::to_string(tables)?)?;
        }
        writeln!(w, "\n}}")?;
        self.file.commit()
    }
}

/// The table digests recorded at the end of the manifest at `path`, read from its last lines
/// alone (the entries before them can be tens of megabytes); `None` when there are none.
pub fn table_digests(path: &Path) -> Option<TableDigests> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = std::fs::File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    file.seek(SeekFrom::Start(len.saturating_sub(4096))).ok()?;
    let mut tail = Vec::new();
    file.read_to_end(&mut tail).ok()?;
    let tail = String::from_utf8_lossy(&tail);
    let mut lines = tail.lines().rev();
    if lines.next()? != "}" {
        return None;
    }
    let line = lines.next()?.trim().strip_prefix("\"tables\":")?;
    serde_json::from_str(line).ok()
}

/// For tests: a manifest of `ok` entries for `paths` (one document, 10 bytes each, as the
/// tests' `entry(path, Status::Ok, 1)` builds them), as a run writes it.
#[cfg(test)]
pub(crate) fn write_ok_entries(path: &Path, paths: &[&str]) {
    let mut w = ManifestWriter::create(path).unwrap();
    for p in paths {
        let entry = FileEntry {
            status: Status::Ok,
            documents: 1,
            ..FileEntry::new(p, 10)
        };
        w.push(&entry).unwrap();
    }
    w.finish(&Totals::default(), None).unwrap();
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
        let outputs = Outputs {
            json_bytes: 900,
            rows: PerTable {
                documents: [10, 20],
                nodes: [30, 80],
                warnings: [5, 5],
            },
            family_keys: vec!["00ff00ff00ff00ff".into()],
            head: FamilyHead {
                title: Some("某某条例".into()),
                latest_date: None,
            },
        };
        let files = vec![
            FileEntry {
                outputs: Some(outputs.clone()),
                ..entry("a.txt", Status::Ok, 2)
            },
            entry("b/c.txt", Status::Skipped, 1),
            entry("d.txt", Status::Error, 0),
        ];
        let digest = |bytes| TableDigest {
            bytes,
            xxh3_128: format!("{bytes:032x}"),
        };
        let tables = TableDigests {
            documents: digest(20),
            nodes: digest(80),
            warnings: digest(5),
        };
        let mut w = ManifestWriter::create(&path).unwrap();
        let mut totals = Totals {
            elapsed_ms: 7,
            ..Totals::default()
        };
        for f in &files {
            w.push(f).unwrap();
            totals.add(f);
        }
        w.finish(&totals, Some(&tables)).unwrap();
        let back = Manifest::load(&path).unwrap();
        assert_eq!(back.fatiao_version, VERSION);
        assert_eq!(back.files, files);
        assert_eq!(back.totals, totals);
        assert_eq!(back.tables.as_ref(), Some(&tables));
        assert_eq!(table_digests(&path), Some(tables));
        assert_eq!(outputs.key_hashes(), Some(vec![0x00ff00ff00ff00ff]));
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

    /// The paths among `asked` (in order) that `previous` has an entry for.
    fn found(previous: &mut Previous, asked: &[&str]) -> Vec<String> {
        asked
            .iter()
            .filter_map(|p| previous.take(p))
            .map(|e| e.path)
            .collect()
    }

    #[test]
    fn previous_entries_are_read_back_as_the_run_reaches_their_paths() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest.json");
        assert!(
            found(&mut Previous::open(&path), &["a.txt"]).is_empty(),
            "no manifest"
        );
        write_ok_entries(&path, &["a.txt", "b/c.txt", "b/d.txt", "e.txt"]);
        let mut previous = Previous::open(&path);
        // Inputs gone since (b/c.txt) are passed over, new ones (b/cc.txt) have no entry.
        let asked = ["a.txt", "b/cc.txt", "b/d.txt", "e.txt", "f.txt"];
        assert_eq!(found(&mut previous, &asked), ["a.txt", "b/d.txt", "e.txt"]);
        let back = Previous::open(&path).take("a.txt").unwrap();
        assert_eq!(back, entry("a.txt", Status::Ok, 1));
    }

    #[test]
    fn a_manifest_of_another_version_or_layout_gives_no_entries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest.json");
        write_ok_entries(&path, &["a.txt", "b.txt"]);
        let text = std::fs::read_to_string(&path).unwrap();
        let older = text.replace(&format!("\"{VERSION}\""), "\"0.0.0-older\"");
        assert_ne!(older, text);
        std::fs::write(&path, older).unwrap();
        assert!(found(&mut Previous::open(&path), &["a.txt", "b.txt"]).is_empty());
        // The same manifest as valid JSON on one line: not the layout read, so a full run.
        let manifest: Manifest = serde_json::from_str(&text).unwrap();
        std::fs::write(&path, serde_json::to_vec(&manifest).unwrap()).unwrap();
        assert!(found(&mut Previous::open(&path), &["a.txt", "b.txt"]).is_empty());
    }

    #[test]
    fn entries_end_at_a_garbled_line_or_an_entry_out_of_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest.json");
        let all = ["a.txt", "b.txt", "c.txt", "d.txt"];
        write_ok_entries(&path, &all);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(found(&mut Previous::open(&path), &all), all);

        let garbled = text.replace("\"path\":\"b.txt\"", "\"path\":\"b.txt");
        assert_ne!(garbled, text);
        std::fs::write(&path, garbled).unwrap();
        assert_eq!(found(&mut Previous::open(&path), &all), ["a.txt"]);

        // c.txt before b.txt: the run, asking in order, gets c.txt's entry but none after it.
        let swapped = text
            .replace("\"b.txt\"", "\"x\"")
            .replace("\"c.txt\"", "\"b.txt\"")
            .replace("\"x\"", "\"c.txt\"");
        std::fs::write(&path, swapped).unwrap();
        assert_eq!(found(&mut Previous::open(&path), &all), ["a.txt", "c.txt"]);
    }

    #[test]
    fn an_empty_run_writes_a_valid_manifest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("manifest.json");
        ManifestWriter::create(&path)
            .unwrap()
            .finish(&Totals::default(), None)
            .unwrap();
        let back = Manifest::load(&path).unwrap();
        assert!(back.files.is_empty());
        assert_eq!(back.totals.files, 0);
        assert_eq!(table_digests(&path), None, "none recorded");
    }
}
