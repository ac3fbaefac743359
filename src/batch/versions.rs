//! Version families of a batch, after the run: documents of the input that are versions of one
//! another (see [`crate::diff::families`]) get the diff of each consecutive pair written to
//! `OUT/diffs/`, and all their changes to `OUT/changes.csv`.
//!
//! Incremental like the rest of `run`: a pair's diff is computed again only when one of its two
//! versions was extracted by this run (or its diff file is missing or unreadable); the others
//! are read back. Diffs of pairs that no longer exist are removed.
//!
//! Memory: while the run goes, [`Keys`] holds the hashes of each file's family keys (a few
//! integers per file, taken from the document the run had in hand anyway). Versions share a
//! key, hence its hash, so only the files whose hash another file shares can belong to a
//! family: [`update`] reads the titles and latest dates of those alone from the run's manifest
//! (recorded there with each file's outputs), and groups them. The pairs are diffed on the run's
//! pool, a chunk at a time: each thread holds the two documents of its pair, and a chunk's diffs
//! wait to be added to `changes.csv` in order. The diffs kept are remembered by a hash of their
//! names.

use super::atomic::AtomicFile;
use super::manifest::{Outputs, Previous, Status};
use super::process::{parse_json, read_extraction};
use super::progress::Pairs;
use super::walk::Inputs;
use super::OutDir;
use crate::diff::{
    diff_documents, families_of, file_head, main_document, pair_path, shared_hashes, Diff, Head,
};
use crate::model::Extraction;
use crate::report::{self, write_atomic, Format};
use anyhow::Context;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// What [`update`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Versions {
    /// Consecutive pairs of versions found.
    pub pairs: usize,
    /// Pairs whose diff was computed by this run.
    pub diffed: usize,
}

/// The hashes of the family keys of the run's files ([`crate::diff::key_hashes`]), each with
/// the index of its file among the inputs.
#[derive(Debug, Default)]
pub struct Keys {
    owners: Vec<(u64, u32)>,
}

impl Keys {
    pub fn with_capacity(files: usize) -> Keys {
        // Two keys per file, the title and the dated file name, for most files.
        Keys {
            owners: Vec::with_capacity(2 * files),
        }
    }

    pub fn add(&mut self, file: usize, hashes: &[u64]) {
        let file = u32::try_from(file).expect("fewer than 4 billion input files");
        self.owners.extend(hashes.iter().map(|&h| (h, file)));
    }

    /// The files that share a key hash with another file, in input order: all the files that
    /// can be versions of another, and a few more when unrelated keys share a hash.
    pub fn candidates(mut self) -> Vec<u32> {
        let mut files: Vec<u32> = shared_hashes(&mut self.owners)
            .flatten()
            .map(|&(_, file)| file)
            .collect();
        files.sort_unstable();
        files.dedup();
        files
    }
}

/// The [`Head`]s of the candidates, owned: their paths, titles and dates in one string, as tens
/// of thousands of small strings would cost as much again in allocator overhead.
#[derive(Default)]
struct Heads {
    text: String,
    spans: Vec<Span>,
}

struct Span {
    file: u32,
    /// `text[start..title]` is the path, `text[title..latest]` the title, `text[latest..end]`
    /// the latest date.
    start: usize,
    title: usize,
    latest: usize,
    end: usize,
    has_title: bool,
    has_latest: bool,
}

impl Heads {
    fn push(&mut self, file: u32, head: &Head) {
        let start = self.text.len();
        self.text.push_str(head.path);
        let title = self.text.len();
        self.text.push_str(head.title.unwrap_or_default());
        let latest = self.text.len();
        self.text.push_str(head.latest.unwrap_or_default());
        self.spans.push(Span {
            file,
            start,
            title,
            latest,
            end: self.text.len(),
            has_title: head.title.is_some(),
            has_latest: head.latest.is_some(),
        });
    }

    fn get(&self, span: &Span) -> Head<'_> {
        Head {
            path: &self.text[span.start..span.title],
            title: span.has_title.then(|| &self.text[span.title..span.latest]),
            latest: span.has_latest.then(|| &self.text[span.latest..span.end]),
        }
    }
}

/// Finds the version families among the run's files and brings `OUT/diffs/` and
/// `OUT/changes.csv` up to date. `status` is each input's status in this run (only files
/// extracted by it, `ok`, count as changed); `keys` what the run gathered of their documents.
/// A progress bar over the pairs is drawn if `progress`.
pub fn update(
    out: &OutDir,
    inputs: &Inputs,
    status: &[Status],
    keys: Keys,
    progress: bool,
) -> anyhow::Result<Versions> {
    let mut owned = Heads::default();
    let mut candidates = keys.candidates().into_iter().peekable();
    // The run's own manifest, just written, read entry by entry like the last run's.
    let mut entries = Previous::open(&out.manifest());
    for (file, input) in inputs.iter().enumerate() {
        if candidates.next_if_eq(&(file as u32)).is_none() {
            continue;
        }
        let rel: &str = &input.rel;
        match entries.take(rel).and_then(|e| e.outputs) {
            Some(Outputs { head, .. }) => owned.push(
                file as u32,
                &Head {
                    path: rel,
                    title: head.title.as_deref(),
                    latest: head.latest_date.as_deref(),
                },
            ),
            // Not expected (the run has just written every candidate's entry), but the JSON
            // says the same.
            None => {
                let extraction = read_extraction(&out.json(rel))?;
                if let Some(head) = file_head(&extraction, rel) {
                    owned.push(file as u32, &head);
                }
            }
        }
    }
    drop(entries);
    let heads: Vec<Head> = owned.spans.iter().map(|s| owned.get(s)).collect();
    let fresh = |i: usize| status[owned.spans[i].file as usize] == Status::Ok;

    let mut done = Versions::default();
    let mut keep: HashSet<u128> = HashSet::new();
    let changes = out.changes();
    let mut file = AtomicFile::create(&changes)
        .with_context(|| format!("cannot write {}", changes.display()))?;
    let mut table = report::csv::Table::to_writer(file.writer(), &["old_source", "new_source"])?;
    let pairs: Vec<(usize, usize)> = families_of(&heads)
        .iter()
        .flat_map(|family| family.windows(2).map(|pair| (pair[0], pair[1])))
        .collect();
    let bar = Pairs::new(progress && !pairs.is_empty(), pairs.len());
    // The pairs are independent: their diffs are made (or read back) in parallel, a chunk at a
    // time so that only a chunk's diffs wait in memory, and added to `changes.csv` in order.
    for chunk in pairs.chunks(PAIRS_PER_THREAD * rayon::current_num_threads()) {
        let made: Vec<anyhow::Result<PairDiff>> = chunk
            .par_iter()
            .map(|&(old, new)| pair_diff(out, &heads[old], &heads[new], fresh(old) || fresh(new)))
            .collect();
        for (&(old, new), made) in chunk.iter().zip(made) {
            let PairDiff { path, diff, diffed } = made?;
            table.add(&diff, &[heads[old].path, heads[new].path])?;
            if let Some(name) = path.file_name() {
                keep.insert(name_hash(name));
            }
            done.diffed += usize::from(diffed);
            done.pairs += 1;
        }
        bar.done(chunk.len());
    }
    bar.finish();
    table.into_inner()?;
    file.commit()
        .with_context(|| format!("cannot write {}", changes.display()))?;
    remove_stale(&out.diffs_dir(), &keep)?;
    Ok(done)
}

/// A diff file's name, hashed: the diffs to keep are tens of thousands of long names on a large
/// batch. 128 bits of SHA-256, so that a stale diff left in place by a collision is not a risk
/// worth a thought.
fn name_hash(name: &OsStr) -> u128 {
    let digest = Sha256::digest(name.as_encoded_bytes());
    u128::from_le_bytes(digest[..16].try_into().expect("16 of 32 bytes"))
}

/// A diff written by an earlier run; `None` when it is missing or unreadable. (Read whole:
/// serde_json parses a slice several times faster than a reader.)
fn read_diff(path: &Path) -> Option<Diff> {
    parse_json(&std::fs::read(path).ok()?).ok()
}

/// Pairs whose diffs are made at once, per thread: they wait in memory to be added to
/// `changes.csv`. Enough to keep the threads busy when pairs differ in size, few enough that
/// a chunk of diffs of one long law's many versions stays small (measured on lawref-dev copied
/// 56×, where a family is 56 copies of a law: 32 pairs at once on two threads peaked 8 MB above
/// diffing one pair at a time, 8 at once 1 MB, and took 31 s where one at a time took 42 s).
const PAIRS_PER_THREAD: usize = 4;

/// The diff of one pair, where its file is, and whether this run made it.
struct PairDiff {
    path: PathBuf,
    diff: Diff,
    diffed: bool,
}

/// The diff of one pair: the last run's, when neither version `changed` and its file reads
/// back; made and written otherwise.
fn pair_diff(out: &OutDir, old: &Head, new: &Head, changed: bool) -> anyhow::Result<PairDiff> {
    let path = pair_path(out.root(), old, new);
    if let Some(diff) = (!changed).then(|| read_diff(&path)).flatten() {
        return Ok(PairDiff {
            path,
            diff,
            diffed: false,
        });
    }
    let diff = diff_pair(out, old.path, new.path)?;
    write_diff(&path, &diff)?;
    Ok(PairDiff {
        path,
        diff,
        diffed: true,
    })
}

fn diff_pair(out: &OutDir, old: &str, new: &str) -> anyhow::Result<Diff> {
    let (old, new) = (
        read_extraction(&out.json(old))?,
        read_extraction(&out.json(new))?,
    );
    let pick = |e: &Extraction| main_document(e, None).cloned();
    match (pick(&old), pick(&new)) {
        (Some(a), Some(b)) => Ok(diff_documents(&a, &b)),
        _ => anyhow::bail!("internal error: a version lost its main document"),
    }
}

fn write_diff(path: &Path, diff: &Diff) -> anyhow::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    write_atomic(path, report::render(diff, Format::Json).as_bytes())
}

/// Removes the diffs of pairs that are gone (an input deleted, a title changed). `keep` holds
/// the [`name_hash`]es of the diffs of this run's pairs.
fn remove_stale(dir: &Path, keep: &HashSet<u128>) -> anyhow::Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries {
        let entry = entry?;
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "json")
            && !keep.contains(&name_hash(&entry.file_name()))
        {
            std::fs::remove_file(&path)
                .with_context(|| format!("cannot remove {}", path.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::key_hashes;
    use proptest::prelude::*;

    /// `families_of` on the candidates only, its indices mapped back to the whole batch.
    fn families_of_candidates(heads: &[Head]) -> Vec<Vec<usize>> {
        let mut keys = Keys::default();
        for (i, h) in heads.iter().enumerate() {
            keys.add(i, &key_hashes(h));
        }
        let candidates = keys.candidates();
        let subset: Vec<Head> = candidates.iter().map(|&i| heads[i as usize]).collect();
        families_of(&subset)
            .into_iter()
            .map(|f| f.into_iter().map(|k| candidates[k] as usize).collect())
            .collect()
    }

    #[test]
    fn a_file_is_a_candidate_only_if_another_file_shares_a_key_hash() {
        let mut keys = Keys::default();
        keys.add(0, &[5, 5]);
        keys.add(1, &[7, 8]);
        keys.add(2, &[9]);
        assert!(keys.candidates().is_empty(), "5 twice, but one file");
        let mut keys = Keys::default();
        keys.add(0, &[5, 6]);
        keys.add(1, &[7, 8]);
        keys.add(2, &[8]);
        keys.add(3, &[5]);
        keys.add(4, &[]);
        assert_eq!(keys.candidates(), [0, 1, 2, 3]);
    }

    #[test]
    fn heads_read_back_as_pushed() {
        let paths = ["a.md", "b.md", "c.md", "d.md"];
        let pushed = [
            (Some("某某条例"), Some("2020-11-29")),
            (None, Some("2019")),
            (Some(""), None),
            (None, None),
        ];
        let mut heads = Heads::default();
        for (file, &(title, latest)) in pushed.iter().enumerate().rev() {
            heads.push(
                file as u32,
                &Head {
                    path: paths[file],
                    title,
                    latest,
                },
            );
        }
        let back: Vec<(&str, Option<&str>, Option<&str>)> = (heads.spans.iter().rev())
            .map(|s| heads.get(s))
            .map(|h| (h.path, h.title, h.latest))
            .collect();
        let expected: Vec<_> = (paths.iter().zip(pushed))
            .map(|(&p, (t, l))| (p, t, l))
            .collect();
        assert_eq!(back, expected);
    }

    const TITLES: [&str; 4] = [
        "某某条例",
        "某某 条例",
        "某某条例（2020年修订）",
        "另一规定",
    ];
    const NAMES: [&str; 3] = ["某某条例", "规定", "办法"];
    const DATES: [&str; 3] = ["2019-01-01", "2020-11-29", "2022-03-29"];

    proptest! {
        // Titles that agree after normalising, file names that differ only by a date, files
        // without a title, in a few directories: families by either key, chains of both, and
        // lone files.
        #[test]
        fn families_of_the_candidates_are_the_families_of_the_batch(
            files in proptest::collection::btree_map(
                (0..3usize, 0..3usize, proptest::option::of(0..3usize)),
                (proptest::option::of(0..4usize), proptest::option::of(0..3usize)),
                0..24,
            )
        ) {
            let paths: Vec<String> = files
                .keys()
                .map(|&(dir, name, date)| match date {
                    Some(d) => format!("d{dir}/{}({}).md", NAMES[name], DATES[d]),
                    None => format!("d{dir}/{}.md", NAMES[name]),
                })
                .collect();
            let heads: Vec<Head> = paths
                .iter()
                .zip(files.values())
                .map(|(path, &(title, date))| Head {
                    path,
                    title: title.map(|t| TITLES[t]),
                    latest: date.map(|d| DATES[d]),
                })
                .collect();
            prop_assert_eq!(families_of_candidates(&heads), families_of(&heads));
        }
    }
}
