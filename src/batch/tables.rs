//! The three CSV tables of a run, written as files finish: each is one [`AtomicFile`] that
//! receives the header and then the rows of every input, in path order, and replaces the old
//! table only when the run commits it.
//!
//! A run also records where each file's rows are (byte ranges, [`Outputs`]) and a digest of each
//! table as committed ([`TableDigests`]), so that the next run can copy an unchanged file's rows
//! out of the old tables ([`KeptTables`]) instead of rebuilding them from its JSON. The digest is
//! what makes that safe: a run killed between committing its tables and its manifest leaves new
//! tables beside the old manifest, whose ranges are then wrong; so are those of a table edited by
//! hand. Either way the tables on disk no longer match the manifest's digests, and the rows come
//! from the JSON again.

use super::atomic::AtomicFile;
use super::manifest::{Outputs, TableDigest, TableDigests};
use super::outdir::OutDir;
use crate::emit::{CsvRows, PerTable, Table};
use std::fs::File;
use std::io::{self, Write};
use xxhash_rust::xxh3::Xxh3;

pub struct Tables {
    files: PerTable<Written>,
}

/// A table being written, with its length so far and the hash of what it holds.
struct Written {
    file: AtomicFile,
    bytes: u64,
    hash: Xxh3,
}

impl Written {
    fn write(&mut self, data: &[u8]) -> io::Result<[u64; 2]> {
        self.file.writer().write_all(data)?;
        self.hash.update(data);
        let start = self.bytes;
        self.bytes += data.len() as u64;
        Ok([start, self.bytes])
    }
}

/// Where one input's rows went in each table.
pub type Spans = PerTable<[u64; 2]>;

impl Tables {
    /// Starts the three tables, headers written.
    pub fn create(out: &OutDir) -> io::Result<Tables> {
        let files = PerTable::try_from_fn(|table| {
            let mut written = Written {
                file: AtomicFile::create(&out.table(table))?,
                bytes: 0,
                hash: Xxh3::new(),
            };
            written.write(&table.header_line())?;
            io::Result::Ok(written)
        })?;
        Ok(Tables { files })
    }

    /// Appends one input's rows and says where they went; the caller appends inputs in path
    /// order.
    pub fn append(&mut self, rows: &CsvRows) -> io::Result<Spans> {
        PerTable::try_from_fn(|table| self.files.get_mut(table).write(rows.get(table)))
    }

    /// Puts the three tables in place and returns their digests.
    pub fn commit(self) -> io::Result<TableDigests> {
        let digests = PerTable::try_from_fn(|table| {
            let written = self.files.get(table);
            io::Result::Ok(TableDigest {
                bytes: written.bytes,
                xxh3_128: hex128(&written.hash),
            })
        })?;
        for written in self.files.into_array() {
            written.file.commit()?;
        }
        Ok(digests)
    }
}

fn hex128(hash: &Xxh3) -> String {
    format!("{:032x}", hash.digest128())
}

/// The last run's tables, open for reading rows out of them, once checked to be the very files
/// its manifest describes.
pub struct KeptTables {
    /// Each table with its length.
    files: PerTable<(File, u64)>,
}

impl KeptTables {
    /// Opens the tables in `out` if each has the length and hash in `digests`; `None` otherwise
    /// (or on any error reading them), and rows then come from the JSON.
    pub fn open(out: &OutDir, digests: &TableDigests) -> Option<KeptTables> {
        let files =
            PerTable::try_from_fn(|table| checked(out, table, digests.get(table)).ok_or(()));
        Some(KeptTables { files: files.ok()? })
    }

    /// The rows at `outputs`' ranges; an error for a range that is not within its table.
    pub fn rows(&self, outputs: &Outputs) -> io::Result<CsvRows> {
        PerTable::try_from_fn(|table| {
            let (file, bytes) = self.files.get(table);
            let [start, end] = *outputs.rows.get(table);
            if start > end || end > *bytes {
                return Err(io::ErrorKind::InvalidData.into());
            }
            let mut buf = vec![0; (end - start) as usize];
            read_exact_at(file, &mut buf, start)?;
            Ok(buf)
        })
    }
}

/// The table in `out`, open, with its length, if it has the length and hash `expected` gives.
fn checked(out: &OutDir, table: Table, expected: &TableDigest) -> Option<(File, u64)> {
    let mut file = File::open(out.table(table)).ok()?;
    // The length first: a table of another length is not hashed.
    if file.metadata().ok()?.len() != expected.bytes {
        return None;
    }
    let mut hash = Xxh3::new();
    io::copy(&mut file, &mut hash).ok()?;
    (hex128(&hash) == expected.xxh3_128).then_some((file, expected.bytes))
}

/// Reads `buf.len()` bytes at `offset`, without moving a shared cursor: workers read from the
/// same files at once.
#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, offset) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

#[cfg(not(any(unix, windows)))]
fn read_exact_at(_: &File, _: &mut [u8], _: u64) -> io::Result<()> {
    // No positioned reads: rows come from the JSON.
    Err(io::ErrorKind::Unsupported.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(tag: &str) -> CsvRows {
        CsvRows {
            documents: format!("{tag}-document\n").into_bytes(),
            nodes: format!("{tag}-node 1\n{tag}-node 2\n").into_bytes(),
            warnings: Vec::new(),
        }
    }

    fn outputs(rows: Spans) -> Outputs {
        Outputs {
            json_bytes: 0,
            rows,
            family_keys: Vec::new(),
            head: Default::default(),
        }
    }

    #[test]
    fn rows_are_read_back_at_the_ranges_appending_gave_while_the_tables_match_their_digests() {
        let dir = tempfile::tempdir().unwrap();
        let out = OutDir::new(dir.path());
        let mut tables = Tables::create(&out).unwrap();
        let (a, b) = (rows("a"), rows("b"));
        let spans = [tables.append(&a).unwrap(), tables.append(&b).unwrap()];
        let digests = tables.commit().unwrap();
        let nodes = std::fs::read(out.table(Table::Nodes)).unwrap();
        assert_eq!(digests.nodes.bytes, nodes.len() as u64);

        let kept = KeptTables::open(&out, &digests).unwrap();
        for (span, expected) in spans.into_iter().zip([a, b]) {
            let back = kept.rows(&outputs(span)).unwrap();
            assert_eq!(
                (back.documents, back.nodes, back.warnings),
                (expected.documents, expected.nodes, expected.warnings)
            );
        }
        let beyond = PerTable {
            documents: [0, 1],
            nodes: [0, digests.nodes.bytes + 1],
            warnings: [0, 0],
        };
        assert!(kept.rows(&outputs(beyond)).is_err());
        drop(kept);

        // A byte changed, the length kept.
        let mut edited = nodes.clone();
        *edited.last_mut().unwrap() = b'\r';
        std::fs::write(out.table(Table::Nodes), &edited).unwrap();
        assert!(KeptTables::open(&out, &digests).is_none());
        // A row added.
        std::fs::write(out.table(Table::Nodes), [&nodes[..], b"c-node\n"].concat()).unwrap();
        assert!(KeptTables::open(&out, &digests).is_none());
        std::fs::write(out.table(Table::Nodes), &nodes).unwrap();
        assert!(KeptTables::open(&out, &digests).is_some());
        std::fs::remove_file(out.table(Table::Warnings)).unwrap();
        assert!(KeptTables::open(&out, &digests).is_none());
    }
}
