//! The run loop shared by `fatiao extract` and `fatiao run`: process the inputs in chunks, in
//! parallel within a chunk, appending each chunk's CSV rows to the tables in path order; then
//! sweep stale outputs, commit the tables and write the manifest, in that order, so that the
//! manifest (the proof that the outputs are complete) is the last thing to change.

use super::journal::Journal;
use super::manifest::{FileEntry, Manifest, ManifestWriter, Totals, VERSION};
use super::outdir::OutDir;
use super::process::{process, Context, Processed};
use super::progress::Progress;
use super::sweep::sweep;
use super::tables::Tables;
use super::walk::Input;
use crate::extract::Options;
use anyhow::Context as _;
use rayon::prelude::*;
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

/// Runs the job and returns its totals. Files that fail are counted in `errors` (with an error
/// entry in the manifest and a line on stderr each); an `Err` is for the run as a whole: an
/// output directory that cannot be written.
pub fn run(job: &Job) -> anyhow::Result<Totals> {
    let start = Instant::now();
    let out = &job.out;
    std::fs::create_dir_all(out.root())
        .with_context(|| format!("cannot create {}", out.root().display()))?;

    let incremental = matches!(job.mode, Mode::Incremental { .. });
    if !job.inputs.windows(2).all(|w| w[0].rel < w[1].rel) {
        anyhow::bail!("internal error: inputs not sorted by path, or a path given twice");
    }
    let previous = match job.mode {
        Mode::Incremental { full: false } => trusted_entries(out),
        _ => Vec::new(),
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
    let mut manifest = match &journal {
        Some(_) => {
            Some(ManifestWriter::create(&out.manifest()).context("cannot write manifest.json")?)
        }
        None => None,
    };

    let mut totals = Totals::default();
    // Per input, in input order: whether its outputs belong to this run's output.
    let mut has_outputs: Vec<bool> = Vec::with_capacity(job.inputs.len());
    for chunk in chunks(&job.inputs) {
        let done: Vec<Processed> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| {
                    let p = process(input, lookup(&previous, &input.rel), &cx);
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
            if let Some(m) = &mut manifest {
                m.push(&p.entry).context("cannot write manifest.json")?;
            }
            totals.add(&p.entry);
            has_outputs.push(p.entry.has_outputs());
        }
    }
    progress.finish();

    // Post-passes over the extracted documents (version families, issue 4) go here: they see
    // the inputs whose outputs exist (`has_outputs`) and read the documents from json/.
    if incremental {
        let keep = |rel: &str| {
            let found = job.inputs.binary_search_by(|i| i.rel.as_str().cmp(rel));
            found.is_ok_and(|ix| has_outputs[ix])
        };
        sweep(out, keep).context("cannot remove stale outputs")?;
    }
    tables.commit().context("cannot write the CSV files")?;

    totals.elapsed_ms = start.elapsed().as_millis() as u64;
    if let (Some(manifest), Some(journal)) = (manifest, journal) {
        manifest
            .finish(&totals)
            .context("cannot write manifest.json")?;
        journal.clear().context("cannot remove the journal")?;
    }
    Ok(totals)
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

/// The last run's entries that may be reused, sorted by path: same fatiao version, and not
/// named in the journal of an interrupted run. (A sorted list, not a map: on a re-run of tens of
/// thousands of files it is most of the memory the run holds.)
fn trusted_entries(out: &OutDir) -> Vec<FileEntry> {
    let Some(manifest) = Manifest::load(&out.manifest()) else {
        return Vec::new();
    };
    if manifest.fatiao_version != VERSION {
        return Vec::new();
    }
    let dirty = Journal::read(&out.journal());
    let mut entries: Vec<FileEntry> = manifest
        .files
        .into_iter()
        .filter(|e| !dirty.contains(&e.path))
        .collect();
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    entries
}

fn lookup<'a>(entries: &'a [FileEntry], rel: &str) -> Option<&'a FileEntry> {
    let ix = entries
        .binary_search_by(|e| e.path.as_str().cmp(rel))
        .ok()?;
    Some(&entries[ix])
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
