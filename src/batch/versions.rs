//! Version families of a batch, after the run: documents of the input that are versions of one
//! another (see [`crate::diff::families`]) get the diff of each consecutive pair written to
//! `OUT/diffs/`, and all their changes to `OUT/changes.csv`.
//!
//! Incremental like the rest of `run`: a pair's diff is computed again only when one of its two
//! versions was extracted by this run (or its diff file is missing or unreadable); the others
//! are read back. Diffs of pairs that no longer exist are removed. Memory holds the titles and
//! metadata of the main documents, and two documents at a time.

use super::atomic::AtomicFile;
use super::manifest::{Manifest, Status};
use super::OutDir;
use crate::diff::{diff_documents, families, main_document, pair_path, Diff, Member};
use crate::model::{Document, Event, Extraction, Meta};
use crate::report::{self, write_atomic, Format};
use anyhow::Context;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What [`update`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Versions {
    /// Consecutive pairs of versions found.
    pub pairs: usize,
    /// Pairs whose diff was computed by this run.
    pub diffed: usize,
}

/// Finds the version families among the files of `manifest` and brings `OUT/diffs/` and
/// `OUT/changes.csv` up to date.
pub fn update(out: &OutDir, manifest: &Manifest) -> anyhow::Result<Versions> {
    // The main document of each file, without its tree: enough to group versions.
    let mut heads: Vec<(String, Document)> = Vec::new();
    let mut fresh: HashSet<&str> = HashSet::new();
    for entry in manifest.files.iter().filter(|e| e.has_outputs()) {
        let extraction = read_extraction(&out.json(&entry.path))?;
        if let Some(doc) = main_document(&extraction, None) {
            heads.push((entry.path.clone(), head_of(doc)));
            if entry.status == Status::Ok {
                fresh.insert(&entry.path);
            }
        }
    }
    let members: Vec<Member> = heads
        .iter()
        .map(|(path, doc)| Member { path, doc })
        .collect();
    let fresh = |m: &Member| fresh.contains(m.path);

    let mut done = Versions::default();
    let mut keep: HashSet<PathBuf> = HashSet::new();
    let changes = out.root().join("changes.csv");
    let mut file = AtomicFile::create(&changes)
        .with_context(|| format!("cannot write {}", changes.display()))?;
    let mut table = report::csv::Table::to_writer(file.writer(), &["old_source", "new_source"])?;
    for family in families(&members) {
        for pair in family.windows(2) {
            let (old, new) = (&members[pair[0]], &members[pair[1]]);
            let path = pair_path(out.root(), old, new);
            let kept = (!fresh(old) && !fresh(new))
                .then(|| read_diff(&path))
                .flatten();
            let diff = match kept {
                Some(diff) => diff,
                None => {
                    let diff = diff_pair(out, old.path, new.path)?;
                    write_diff(&path, &diff)?;
                    done.diffed += 1;
                    diff
                }
            };
            table.add(&diff, &[old.path, new.path])?;
            keep.insert(path);
            done.pairs += 1;
        }
    }
    table.into_inner()?;
    file.commit()
        .with_context(|| format!("cannot write {}", changes.display()))?;
    remove_stale(&out.root().join("diffs"), &keep)?;
    Ok(done)
}

/// What grouping versions needs of a document: its title and its latest date (see
/// [`crate::diff::version_date`]), not its text: memory then grows with the number of files, not
/// with their size.
fn head_of(doc: &Document) -> Document {
    let latest = doc.meta.events.iter().map(|e| &e.date).max();
    let events = latest
        .map(|date| Event {
            date: date.clone(),
            event: String::new(),
            text: String::new(),
        })
        .into_iter()
        .collect();
    Document {
        id: String::new(),
        index: doc.index,
        title: doc.title.clone(),
        meta: Meta {
            events,
            ..Meta::default()
        },
        preamble: None,
        trailer: None,
        warnings: Vec::new(),
        children: Vec::new(),
    }
}

fn read_extraction(path: &Path) -> anyhow::Result<Extraction> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_reader(std::io::BufReader::new(file))
        .with_context(|| format!("{}: not a fatiao/1 extraction", path.display()))
}

/// A diff written by an earlier run; `None` when it is missing or unreadable.
fn read_diff(path: &Path) -> Option<Diff> {
    let file = std::fs::File::open(path).ok()?;
    serde_json::from_reader(std::io::BufReader::new(file)).ok()
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

/// Removes the diffs of pairs that are gone (an input deleted, a title changed).
fn remove_stale(dir: &Path, keep: &HashSet<PathBuf>) -> anyhow::Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") && !keep.contains(&path) {
            std::fs::remove_file(&path)
                .with_context(|| format!("cannot remove {}", path.display()))?;
        }
    }
    Ok(())
}
