//! The run loop shared by `fatiao extract` and `fatiao run`: process every input in parallel,
//! then assemble the CSVs, sweep stale outputs and write the manifest, in that order, so that
//! the manifest (the proof that the outputs are complete) is the last thing to change.

use super::assemble::{assemble, sweep};
use super::atomic::write_atomic;
use super::journal::Journal;
use super::manifest::{FileEntry, Manifest, VERSION};
use super::outdir::OutDir;
use super::process::{process, Context};
use super::progress::Progress;
use super::walk::Input;
use crate::extract::Options;
use anyhow::Context as _;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::time::Instant;

/// `Extract` writes JSON and CSVs and forgets; `Incremental` is `run`: it keeps a manifest and
/// the fragments, skips unchanged files (unless `full`) and removes outputs of vanished inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Extract,
    Incremental { full: bool },
}

pub struct Job {
    /// Sorted by relative path (as [`super::collect`] returns them).
    pub inputs: Vec<Input>,
    pub out: OutDir,
    pub options: Options,
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    pub mode: Mode,
    /// Draw a progress bar on stderr.
    pub progress: bool,
}

/// Runs the job. Files that fail are error entries of the returned manifest (and a line on
/// stderr each); an `Err` is for the run as a whole: an output directory that cannot be written.
pub fn run(job: &Job) -> anyhow::Result<Manifest> {
    let start = Instant::now();
    let out = &job.out;
    std::fs::create_dir_all(out.root())
        .with_context(|| format!("cannot create {}", out.root().display()))?;

    let incremental = matches!(job.mode, Mode::Incremental { .. });
    let previous = match job.mode {
        Mode::Incremental { full: false } => trusted_entries(out),
        _ => HashMap::new(),
    };
    let journal = if incremental {
        Some(Journal::open(&out.journal()).context("cannot open the journal")?)
    } else {
        None
    };

    let cx = Context {
        out,
        options: &job.options,
        journal: journal.as_ref(),
    };
    let bytes = job.inputs.iter().map(|i| i.len).sum();
    let progress = Progress::new(job.progress, job.inputs.len(), bytes);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(job.jobs)
        .build()
        .context("cannot start worker threads")?;
    let entries: Vec<FileEntry> = pool.install(|| {
        job.inputs
            .par_iter()
            .map(|input| {
                let entry = process(input, previous.get(input.rel.as_str()), &cx);
                if let Some(message) = &entry.message {
                    progress.println(&format!("fatiao: {}: {message}", input.path.display()));
                }
                progress.file_done(input.len);
                entry
            })
            .collect()
    });
    progress.finish();

    // Post-passes over the extracted documents (version families, issue 4) go here: they see
    // every entry whose outputs exist (`has_outputs`) and read the documents from json/.
    let kept: Vec<&str> = entries
        .iter()
        .filter(|e| e.has_outputs())
        .map(|e| e.path.as_str())
        .collect();
    if incremental {
        sweep(out, &kept.iter().copied().collect::<HashSet<_>>())
            .context("cannot remove stale outputs")?;
    }
    assemble(out, &kept).context("cannot write the CSV files")?;

    let manifest = Manifest::new(entries, start.elapsed().as_millis() as u64);
    if let Some(journal) = journal {
        write_atomic(&out.manifest(), &manifest.to_json()?)
            .context("cannot write manifest.json")?;
        journal.clear().context("cannot remove the journal")?;
    }
    Ok(manifest)
}

/// The last run's entries that may be reused: same fatiao version, and not named in the journal
/// of an interrupted run.
fn trusted_entries(out: &OutDir) -> HashMap<String, FileEntry> {
    let Some(manifest) = Manifest::load(&out.manifest()) else {
        return HashMap::new();
    };
    if manifest.fatiao_version != VERSION {
        return HashMap::new();
    }
    let dirty = Journal::read(&out.journal());
    manifest
        .files
        .into_iter()
        .filter(|e| !dirty.contains(&e.path))
        .map(|e| (e.path.clone(), e))
        .collect()
}
