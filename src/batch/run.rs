//! The run loop shared by `fatiao extract` and `fatiao run`: process the inputs in chunks, in
//! parallel within a chunk, appending each chunk's CSV rows to the tables in path order; then
//! sweep stale outputs, commit the tables and write the manifest, in that order, so that the
//! manifest (the proof that the outputs are complete) is the last thing to change.

use super::journal::Journal;
use super::manifest::{FileEntry, Manifest, VERSION};
use super::outdir::OutDir;
use super::process::{process, Context, Processed};
use super::progress::Progress;
use super::sweep::sweep;
use super::tables::Tables;
use super::walk::Input;
use crate::extract::Options;
use anyhow::Context as _;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::time::Instant;

/// A chunk holds at most this many files…
const CHUNK_FILES: usize = 256;
/// …or this many bytes of input: the bound on what waits in memory (CSV rows are about 3.5× the
/// input). Measured: 16 MB chunks of 1 MB files peaked at 233 MB RSS; typical laws (16 KB)
/// reach the file limit first.
const CHUNK_BYTES: u64 = 4 << 20;

/// `Extract` writes JSON and CSVs and forgets; `Incremental` is `run`: it keeps a manifest, skips
/// unchanged files (unless `full`) and removes outputs of vanished inputs.
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
    let mut tables = Tables::create(out).context("cannot write the CSV files")?;

    let mut entries: Vec<FileEntry> = Vec::with_capacity(job.inputs.len());
    for chunk in chunks(&job.inputs) {
        let done: Vec<Processed> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| {
                    let p = process(input, previous.get(input.rel.as_str()), &cx);
                    if let Some(message) = &p.entry.message {
                        progress.println(&format!("fatiao: {}: {message}", input.path.display()));
                    }
                    progress.file_done(input.len);
                    p
                })
                .collect()
        });
        for p in done {
            if let Some(rows) = &p.rows {
                tables.append(rows).context("cannot write the CSV files")?;
            }
            entries.push(p.entry);
        }
    }
    progress.finish();

    // Post-passes over the extracted documents (version families, issue 4) go here: they see
    // every entry whose outputs exist (`has_outputs`) and read the documents from json/.
    if incremental {
        let kept: HashSet<&str> = entries
            .iter()
            .filter(|e| e.has_outputs())
            .map(|e| e.path.as_str())
            .collect();
        sweep(out, &kept).context("cannot remove stale outputs")?;
    }
    tables.commit().context("cannot write the CSV files")?;

    let manifest = Manifest::new(entries, start.elapsed().as_millis() as u64);
    if let Some(journal) = journal {
        manifest
            .save(&out.manifest())
            .context("cannot write manifest.json")?;
        journal.clear().context("cannot remove the journal")?;
    }
    Ok(manifest)
}

/// Consecutive runs of inputs of at most [`CHUNK_FILES`] files and, unless a single file is
/// larger, [`CHUNK_BYTES`] bytes.
fn chunks(inputs: &[Input]) -> impl Iterator<Item = &[Input]> {
    let mut rest = inputs;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut bytes = 0;
        let mut n = 0;
        while n < rest.len() && n < CHUNK_FILES && (n == 0 || bytes + rest[n].len <= CHUNK_BYTES) {
            bytes += rest[n].len;
            n += 1;
        }
        let (chunk, tail) = rest.split_at(n);
        rest = tail;
        Some(chunk)
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn input(len: u64) -> Input {
        Input {
            path: "x".into(),
            rel: "x".into(),
            len,
            problem: None,
        }
    }

    #[test]
    fn chunks_cover_every_input_in_order_within_their_bounds() {
        let mut inputs: Vec<Input> = (0..600).map(|_| input(1)).collect();
        inputs[300] = input(CHUNK_BYTES * 2);
        inputs[301] = input(CHUNK_BYTES - 10);
        let sizes: Vec<usize> = chunks(&inputs).map(|c| c.len()).collect();
        // 256 small (the file limit); the 44 small before the huge file; the huge file alone
        // (nothing fits beside it); the almost-full one with the 10 small that fit; then the
        // remaining 288 small, 256 and 32.
        assert_eq!(sizes, [256, 44, 1, 11, 256, 32]);
        assert_eq!(sizes.iter().sum::<usize>(), 600);
    }
}
