//! One input file, start to finish: read, skip if unchanged, extract, write its JSON, return its
//! CSV rows. Whatever goes wrong becomes the file's error entry; nothing here stops the run.

use super::atomic::AtomicFile;
use super::journal::Journal;
use super::manifest::{FamilyHead, FileEntry, Status};
use super::outdir::OutDir;
use super::tables::KeptTables;
use super::walk::Input;
use crate::diff::file_head;
use crate::emit::{to_csv_rows, CsvRows};
use crate::extract::{extract_hashed, Options};
use crate::model::Extraction;
use anyhow::Context as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::Instant;

/// What a file needs from its run.
pub struct Context<'a> {
    pub out: &'a OutDir,
    pub options: &'a Options,
    /// Set by incremental runs: inputs are appended before their outputs change.
    pub journal: Option<&'a Journal>,
    /// Set by `run`: its versions pass groups files by the hashes of their family keys, and its
    /// manifest records the size of each JSON; an extract needs neither.
    pub incremental: bool,
    /// The last run's tables, when they are the ones its manifest describes: an unchanged
    /// file's rows are copied out of them.
    pub kept: Option<&'a KeptTables>,
}

/// A processed file: its manifest entry and, unless it failed, what it leaves for the rest of
/// the run.
pub struct Processed {
    pub entry: FileEntry,
    pub kept: Option<Kept>,
}

/// What a file that did not fail leaves for the rest of the run: its CSV rows, and for `run`
/// what its manifest entry records of its outputs. The hashes of its main document's family keys
/// ([`crate::diff::key_hashes`]; none without a main document) are also all that grouping
/// versions keeps of a file until the end of the run.
pub struct Kept {
    pub rows: CsvRows,
    /// 0 in an extract.
    pub json_bytes: u64,
    /// Empty in an extract.
    pub keys: Vec<u64>,
    pub head: FamilyHead,
}

/// Processes `input`. `previous` is its entry in the last run's manifest when that entry can be
/// trusted (same fatiao version, outputs not being rewritten when the run stopped).
pub fn process(input: &Input, previous: Option<&FileEntry>, cx: &Context) -> Processed {
    let start = Instant::now();
    let mut entry = FileEntry::new(&input.rel, input.len);
    let kept = match run(input, previous, cx, &mut entry) {
        Ok(kept) => Some(kept),
        Err(message) => {
            entry.status = Status::Error;
            entry.message = Some(message);
            None
        }
    };
    entry.elapsed_ms = start.elapsed().as_millis() as u64;
    Processed { entry, kept }
}

fn run(
    input: &Input,
    previous: Option<&FileEntry>,
    cx: &Context,
    entry: &mut FileEntry,
) -> Result<Kept, String> {
    if let Some(problem) = &input.problem {
        return Err(problem.to_string());
    }
    // Before reading: a file over the limit is not brought into memory at all.
    cx.options
        .check_size(input.len)
        .map_err(|e| e.to_string())?;
    let bytes = std::fs::read(input.path()).map_err(|e| format!("cannot read: {e}"))?;
    entry.bytes = bytes.len() as u64;
    // Hash up front only when there is something to compare with; otherwise the extraction
    // computes it. Either way the bytes are hashed once.
    let sha = previous.map(|_| super::sha256_hex(&bytes));
    if let (Some(prev), Some(sha)) = (previous, &sha) {
        let unchanged = prev.sha256.as_deref() == Some(sha.as_str());
        if unchanged && prev.has_outputs() {
            let kept = kept_rows(cx, &input.rel, prev)
                .or_else(|| rows_of_kept_json(cx.out, &input.rel, sha));
            if let Some(kept) = kept {
                *entry = FileEntry {
                    status: Status::Skipped,
                    bytes: entry.bytes,
                    // Where the rows go in this run's tables is the sink's to say.
                    outputs: None,
                    ..prev.clone()
                };
                return Ok(kept);
            }
        }
    }
    let extraction = match extract(&bytes, &input.rel, cx.options, sha.clone()) {
        Ok(x) => x,
        Err(message) => {
            entry.sha256 = Some(sha.unwrap_or_else(|| super::sha256_hex(&bytes)));
            return Err(message);
        }
    };
    drop(bytes);
    entry.sha256 = Some(extraction.source.sha256.clone());
    entry.encoding = Some(extraction.source.encoding.clone());
    for doc in &extraction.documents {
        entry.documents += 1;
        entry.articles += doc.articles().count();
        entry.nodes += doc.nodes().count();
        entry.warnings += doc.warnings.len();
    }
    let (rows, json_bytes) =
        write_json(&extraction, &input.rel, cx).map_err(|e| format!("writing outputs: {e}"))?;
    entry.status = Status::Ok;
    let (keys, head) = if cx.incremental {
        family_of(&extraction, &input.rel)
    } else {
        Default::default()
    };
    Ok(Kept {
        rows,
        json_bytes,
        keys,
        head,
    })
}

/// What an unchanged file leaves, its rows copied out of the last run's tables at the ranges
/// its entry gives and the rest taken from that entry, if those tables are the ones the entry
/// describes ([`KeptTables`]) and its JSON is still the size it was written. A file whose entry
/// says nothing of its outputs (a manifest written before they were recorded) gets `None`.
fn kept_rows(cx: &Context, rel: &str, prev: &FileEntry) -> Option<Kept> {
    let (tables, outputs) = (cx.kept?, prev.outputs.as_ref()?);
    let json_bytes = std::fs::metadata(cx.out.json(rel)).ok()?.len();
    if json_bytes != outputs.json_bytes {
        return None;
    }
    Some(Kept {
        rows: tables.rows(outputs).ok()?,
        json_bytes,
        keys: outputs.key_hashes()?,
        head: outputs.head.clone(),
    })
}

/// What an unchanged file leaves, rebuilt from the JSON the last run wrote, if that
/// JSON is there, reads back, and is the extraction of these very bytes. Anything else means
/// extracting again.
fn rows_of_kept_json(out: &OutDir, rel: &str, sha256: &str) -> Option<Kept> {
    let path = out.json(rel);
    let kept = read_extraction(&path).ok()?;
    if kept.source.sha256 != sha256 || kept.source.path != rel {
        return None;
    }
    let (keys, head) = family_of(&kept, rel);
    Some(Kept {
        rows: to_csv_rows(&kept).ok()?,
        json_bytes: std::fs::metadata(&path).ok()?.len(),
        keys,
        head,
    })
}

/// The extraction an earlier step wrote to `path` (its file read whole: serde_json parses a
/// slice faster than a reader).
pub(super) fn read_extraction(path: &Path) -> anyhow::Result<Extraction> {
    let json = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse_json(&json).with_context(|| format!("{}: not a fatiao/1 extraction", path.display()))
}

/// Parses JSON that fatiao wrote. The bytes are checked to be UTF-8 once, by simdutf8, and
/// parsed as text: `serde_json::from_slice` checks every string with std's validator, which
/// goes a byte at a time through Chinese text, and was the largest single cost of reading
/// back the JSON of version pairs (7% of a first `run` over lawref-dev copied 6×).
pub(super) fn parse_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> anyhow::Result<T> {
    let text = simdutf8::basic::from_utf8(bytes).map_err(|_| anyhow::anyhow!("not UTF-8"))?;
    Ok(serde_json::from_str(text)?)
}

/// The hashes of the family keys of `x`'s main document, and its title and latest date.
fn family_of(x: &Extraction, rel: &str) -> (Vec<u64>, FamilyHead) {
    match file_head(x, rel) {
        Some(head) => (
            crate::diff::key_hashes(&head),
            FamilyHead {
                title: head.title.map(String::from),
                latest_date: head.latest.map(String::from),
            },
        ),
        None => Default::default(),
    }
}

/// `extract_bytes` (given the bytes' SHA-256 when it is known already), with a parser panic
/// turned into this file's error instead of the run's end.
fn extract(
    bytes: &[u8],
    rel: &str,
    options: &Options,
    sha256: Option<String>,
) -> Result<Extraction, String> {
    match catch_unwind(AssertUnwindSafe(|| {
        extract_hashed(bytes, rel, options, sha256)
    })) {
        Ok(Ok(x)) => Ok(x),
        Ok(Err(e)) => Err(e.to_string()),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(format!("internal error, please report this file: {what}"))
        }
    }
}

/// Writes the JSON and returns the CSV rows and the JSON's size. The JSON is streamed into its
/// temporary file, which replaces the old output only once complete.
fn write_json(x: &Extraction, rel: &str, cx: &Context) -> anyhow::Result<(CsvRows, u64)> {
    let rows = to_csv_rows(x)?;
    if let Some(journal) = cx.journal {
        journal.mark(rel)?;
    }
    let path = cx.out.json(rel);
    let mut file = AtomicFile::create(&path)?;
    crate::emit::write_json(file.writer(), x)?;
    file.commit()?;
    let json_bytes = match cx.incremental {
        true => std::fs::metadata(&path)?.len(),
        false => 0,
    };
    Ok((rows, json_bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_read_back_must_be_utf8_and_parses_as_serde_json_does() {
        let text = "{\"label\":\"第一条\",\"text\":\"为了规范管理，制定本条例。\\n\"}";
        let ours: serde_json::Value = parse_json(text.as_bytes()).unwrap();
        let theirs: serde_json::Value = serde_json::from_slice(text.as_bytes()).unwrap();
        assert_eq!(ours, theirs);
        // A byte that is not UTF-8 inside a string: an error, as from_slice gives one.
        let broken = b"{\"label\":\"\xe7\xac\"}";
        assert!(serde_json::from_slice::<serde_json::Value>(broken).is_err());
        assert!(parse_json::<serde_json::Value>(broken).is_err());
        assert!(parse_json::<serde_json::Value>(b"{\"label\":").is_err());
    }
}
