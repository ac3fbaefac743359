//! The run loop shared by `fatiao extract` and `fatiao run`: process the inputs in chunks, in
//! parallel within a chunk, appending each chunk's CSV rows to the tables in path order; then
//! sweep stale outputs, commit the tables and write the manifest, in that order, so that the
//! manifest (the proof that the outputs are complete) is the last per-file output to change.
//! `run` then brings the diffs of version families up to date ([`super::versions`]).

use super::journal::Journal;
use super::lock::lock;
use super::manifest::{
    table_digests, FileEntry, ManifestWriter, Outputs, Previous, Status, Totals,
};
use super::outdir::OutDir;
use super::process::{process, Context, Processed};
use super::progress::Progress;
use super::sweep::{remove_temporaries, sweep};
use super::tables::{KeptTables, Tables};
use super::versions::{self, Keys, Versions};
use super::walk::{Input, Inputs};
use crate::extract::Options;
use anyhow::Context as _;
use rayon::prelude::*;
use std::collections::HashSet;
use std::time::Instant;

/// A chunk holds at most this many files…
const CHUNK_FILES: usize = 128;
/// …or this many bytes of input: the bound on what waits in memory, twice (one chunk's rows
/// are added while the next is processed; CSV rows are about 3.5× the input). Measured: 16 MB
/// chunks of 1 MB files peaked at 233 MB RSS; typical laws (16 KB) reach the file limit first.
const CHUNK_BYTES: u64 = 2 << 20;

/// `Extract` writes JSON and CSVs and forgets; `Incremental` is `run`: it keeps a manifest, skips
/// unchanged files (unless `full`) and removes outputs of vanished inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Extract,
    Incremental { full: bool },
}

pub struct Job {
    /// The files, processed and written in path order ([`super::collect`]).
    pub inputs: Inputs,
    pub out: OutDir,
    pub options: Options,
    /// Worker threads; 0 means one per core.
    pub jobs: usize,
    pub mode: Mode,
    /// Draw a progress bar on stderr.
    pub progress: bool,
    /// Flush the outputs to the disk before the manifest commits them and before the run
    /// returns (`--sync`): a rename is atomic against a killed process, but after a power loss
    /// a renamed file may have no data unless it was flushed first.
    pub sync: bool,
}

/// What a run did, for its summary line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The manifest's totals, but for their time: the whole run's here, where the manifest,
    /// written before the version diffs, has the time up to it.
    pub totals: Totals,
    /// `run` only: the version pairs found, and how many of their diffs this run made.
    pub versions: Option<Versions>,
}

/// Runs the job and returns what it did. Files that fail are counted in `errors` (with an error
/// entry in the manifest and a line on stderr each); an `Err` is for the run as a whole: an
/// output directory that cannot be written.
pub fn run(job: &Job) -> anyhow::Result<Outcome> {
    let start = Instant::now();
    let out = &job.out;
    std::fs::create_dir_all(out.root())
        .with_context(|| format!("cannot create {}", out.root().display()))?;

    let incremental = matches!(job.mode, Mode::Incremental { .. });
    // Held until the run returns; taken before anything of the last run is read.
    let _lock = if incremental { Some(lock(out)?) } else { None };
    let mut previous = match job.mode {
        Mode::Incremental { full: false } => Trusted::open(out),
        _ => Trusted::none(),
    };
    let journal = if incremental {
        remove_temporaries(out).context("cannot remove temporary files")?;
        Some(Journal::open(&out.journal()).context("cannot open the journal")?)
    } else {
        None
    };
    // The last run's tables, to copy unchanged files' rows out of, if they are what its
    // manifest says they are.
    let kept = match job.mode {
        Mode::Incremental { full: false } => {
            table_digests(&out.manifest()).and_then(|d| KeptTables::open(out, &d))
        }
        _ => None,
    };
    let cx = Context {
        out,
        options: &job.options,
        journal: journal.as_ref(),
        incremental,
        kept: kept.as_ref(),
    };
    let progress = Progress::new(job.progress, job.inputs.len(), job.inputs.bytes());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(job.jobs)
        .build()
        .context("cannot start worker threads")?;
    let mut sink = Sink::create(out, incremental, job.inputs.len())?;
    // The chunk processed last, waiting to be added to the tables and the manifest. It is added
    // while the workers process the next chunk: adding is serial (about a tenth of an extract's
    // time on two cores), and the workers would otherwise wait for it.
    let mut pending: Vec<Processed> = Vec::new();
    for chunk in chunks(job.inputs.iter()) {
        // The previous entries of this chunk's files, read as the run reaches them.
        let entries: Vec<Option<FileEntry>> = chunk.iter().map(|i| previous.take(&i.rel)).collect();
        let (added, done) = pool.install(|| {
            rayon::join(
                || sink.add_all(std::mem::take(&mut pending)),
                || {
                    chunk
                        .par_iter()
                        .zip(&entries)
                        .map(|(input, entry)| {
                            let p = process(input, entry.as_ref(), &cx);
                            if let Some(message) = &p.entry.message {
                                let path = input.path();
                                progress.println(&format!("fatiao: {}: {message}", path.display()));
                            }
                            progress.file_done(input.len);
                            p
                        })
                        .collect::<Vec<Processed>>()
                },
            )
        });
        added?;
        pending = done;
        release_freed_memory();
    }
    sink.add_all(pending)?;
    progress.finish();
    // Closes the old manifest and tables before the new ones replace them (a rename over an
    // open file fails on Windows).
    drop(previous);
    drop(kept);

    if incremental {
        let keep = |rel: &str| {
            let found = job.inputs.position(rel);
            found.is_some_and(|ix| sink.status[ix] != Status::Error)
        };
        sweep(out, keep).context("cannot remove stale outputs")?;
    }
    let (mut totals, status, keys) =
        sink.finish(start.elapsed().as_millis() as u64, job.sync, out)?;
    let mut versions = None;
    if let Some(journal) = journal {
        // Version families, once the manifest is in place; still under the lock, and before the
        // journal is cleared, so that a run killed during this pass extracts its files again
        // next time and so redoes their diffs instead of keeping half-updated ones.
        // On the run's pool, so that `--jobs` holds for the diffs of version pairs too.
        versions =
            Some(pool.install(|| versions::update(out, &job.inputs, &status, keys, job.progress))?);
        // The diffs, before the journal that would have them redone goes (a journal left by a
        // power loss only costs a re-extraction).
        if job.sync {
            flush_to_disk(out)?;
        }
        journal.clear().context("cannot remove the journal")?;
    } else if job.sync {
        // `extract`: its JSON and tables.
        flush_to_disk(out)?;
    }
    totals.elapsed_ms = start.elapsed().as_millis() as u64;
    Ok(Outcome { totals, versions })
}

/// Where processed files go, in path order: the three tables, the manifest (`run` only) and the
/// totals, and what the end of the run needs of each file.
struct Sink {
    tables: Tables,
    manifest: Option<ManifestWriter>,
    totals: Totals,
    /// Per input, in input order: its status in this run (whether its outputs belong to this
    /// run's output, and whether this run extracted it).
    status: Vec<Status>,
    /// `run` only: for version families.
    keys: Option<Keys>,
}

impl Sink {
    fn create(out: &OutDir, with_manifest: bool, inputs: usize) -> anyhow::Result<Sink> {
        let manifest = if with_manifest {
            Some(ManifestWriter::create(&out.manifest()).context(MANIFEST)?)
        } else {
            None
        };
        Ok(Sink {
            tables: Tables::create(out).context(TABLES)?,
            manifest,
            totals: Totals::default(),
            status: Vec::with_capacity(inputs),
            keys: with_manifest.then(|| Keys::with_capacity(inputs)),
        })
    }

    /// Adds processed files, in order, and lets them go.
    fn add_all(&mut self, done: Vec<Processed>) -> anyhow::Result<()> {
        for p in done {
            self.add(p)?;
        }
        Ok(())
    }

    fn add(&mut self, mut p: Processed) -> anyhow::Result<()> {
        if let Some(kept) = p.kept {
            let rows = self.tables.append(&kept.rows).context(TABLES)?;
            if let Some(keys) = &mut self.keys {
                keys.add(self.status.len(), &kept.keys);
            }
            if self.manifest.is_some() {
                p.entry.outputs = Some(Outputs {
                    json_bytes: kept.json_bytes,
                    rows,
                    family_keys: kept.keys.iter().map(|h| format!("{h:016x}")).collect(),
                    head: kept.head,
                });
            }
        }
        if let Some(m) = &mut self.manifest {
            m.push(&p.entry).context(MANIFEST)?;
        }
        self.totals.add(&p.entry);
        self.status.push(p.entry.status);
        Ok(())
    }

    /// Commits the tables, then the manifest: the manifest is the last output to change and,
    /// with `sync`, changes only once every output it describes is on the disk. Returns the
    /// totals and what the version families need.
    fn finish(
        mut self,
        elapsed_ms: u64,
        sync: bool,
        out: &OutDir,
    ) -> anyhow::Result<(Totals, Vec<Status>, Keys)> {
        let digests = self.tables.commit().context(TABLES)?;
        self.totals.elapsed_ms = elapsed_ms;
        if let Some(m) = self.manifest {
            if sync {
                flush_to_disk(out)?;
            }
            m.finish(&self.totals, Some(&digests)).context(MANIFEST)?;
        }
        Ok((self.totals, self.status, self.keys.unwrap_or_default()))
    }
}

const TABLES: &str = "cannot write the CSV files";
const MANIFEST: &str = "cannot write manifest.json";

/// Flushes the file system that holds the output directory: every output written so far, and
/// the renames that put them in place, reach the disk. One `syncfs` rather than an fsync per
/// file and per directory: a run writes thousands of files.
fn flush_to_disk(out: &OutDir) -> anyhow::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let root = out.root();
        let dir = std::fs::File::open(root)
            .with_context(|| format!("cannot open {} to flush it", root.display()))?;
        // SAFETY: syncfs takes an open descriptor, which `dir` holds for the call.
        if unsafe { libc::syncfs(dir.as_raw_fd()) } != 0 {
            return Err(std::io::Error::last_os_error())
                .with_context(|| format!("cannot flush {} to the disk", root.display()));
        }
        Ok(())
    }
    #[cfg(all(unix, not(target_os = "linux")))]
    {
        let _ = out;
        // SAFETY: sync has no preconditions.
        unsafe { libc::sync() };
        Ok(())
    }
    #[cfg(not(unix))]
    {
        let _ = out;
        anyhow::bail!("flushing the output to the disk is supported on Unix only")
    }
}

/// Hands the memory a chunk freed back to the system. glibc keeps each worker thread's free
/// memory in that thread's arena, so that over tens of thousands of files the peak grows with
/// the unluckiest chunk each arena has seen; trimming after each chunk keeps it near what one
/// chunk needs (measured on 664 MB of input, with chunks of 256 files or 4 MB: a peak of 48-52 MB
/// without, 39 MB with).
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory to the system; it has no preconditions.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Consecutive runs of inputs of at most [`CHUNK_FILES`] files and, unless a single file is
/// larger, [`CHUNK_BYTES`] bytes.
fn chunks(inputs: impl Iterator<Item = Input>) -> impl Iterator<Item = Vec<Input>> {
    let mut rest = inputs.peekable();
    std::iter::from_fn(move || {
        let mut chunk: Vec<Input> = Vec::new();
        let mut bytes = 0;
        while let Some(next) = rest.next_if(|next| {
            chunk.is_empty() || (chunk.len() < CHUNK_FILES && bytes + next.len <= CHUNK_BYTES)
        }) {
            bytes += next.len;
            chunk.push(next);
        }
        (!chunk.is_empty()).then_some(chunk)
    })
}

/// The last run's entries that may be reused, streamed in path order ([`Previous`]): same
/// fatiao version, and not named in the journal of an interrupted run.
struct Trusted {
    entries: Previous,
    dirty: HashSet<String>,
}

impl Trusted {
    fn none() -> Trusted {
        Trusted {
            entries: Previous::none(),
            dirty: HashSet::new(),
        }
    }

    fn open(out: &OutDir) -> Trusted {
        Trusted {
            entries: Previous::open(&out.manifest()),
            dirty: Journal::read(&out.journal()),
        }
    }

    /// The entry of `rel`; paths are asked for in increasing order.
    fn take(&mut self, rel: &str) -> Option<FileEntry> {
        let entry = self.entries.take(rel)?;
        (!self.dirty.contains(rel)).then_some(entry)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::Table;
    use std::path::Path;

    fn trusted(out: &OutDir, rels: &[&str]) -> Vec<String> {
        let mut t = Trusted::open(out);
        rels.iter()
            .filter_map(|r| t.take(r))
            .map(|e| e.path)
            .collect()
    }

    #[test]
    fn entries_named_in_the_journal_are_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let out = OutDir::new(dir.path());
        assert!(
            trusted(&out, &["a.txt"]).is_empty(),
            "no manifest: a full run"
        );

        crate::batch::manifest::write_ok_entries(&out.manifest(), &["a.txt", "b.txt", "c.txt"]);
        let all = ["a.txt", "b.txt", "c.txt"];
        assert_eq!(trusted(&out, &all), all);
        Journal::open(&out.journal())
            .unwrap()
            .mark("b.txt")
            .unwrap();
        assert_eq!(trusted(&out, &all), ["a.txt", "c.txt"]);
        assert!(trusted(&out, &["b.txt"]).is_empty());
    }

    /// A job over the files of the directory `input`, written to `out`.
    fn job_over(input: &Path, out: &Path, jobs: usize, mode: Mode) -> Job {
        Job {
            inputs: crate::batch::collect(&[input.to_path_buf()], None).unwrap(),
            out: OutDir::new(out),
            options: Options::default(),
            jobs,
            mode,
            progress: false,
            sync: false,
        }
    }

    fn statuses(out: &OutDir) -> Vec<Status> {
        let manifest = crate::batch::Manifest::load(&out.manifest()).unwrap();
        manifest.files.iter().map(|e| e.status).collect()
    }

    #[test]
    fn a_garbled_manifest_means_extracting_again_from_the_garbled_entry_on() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in");
        std::fs::create_dir_all(&input).unwrap();
        for (i, name) in ["a.txt", "b.txt", "c.txt"].iter().enumerate() {
            let text = format!("第一条 第{i}个文件。\n");
            std::fs::write(input.join(name), text).unwrap();
        }
        let job = |out: &Path| job_over(&input, out, 1, Mode::Incremental { full: false });
        let out = dir.path().join("out");
        run(&job(&out)).unwrap();
        run(&job(&out)).unwrap();
        let out_dir = OutDir::new(&out);
        assert_eq!(statuses(&out_dir), [Status::Skipped; 3]);

        let manifest = std::fs::read_to_string(out_dir.manifest()).unwrap();
        let garbled = manifest.replace("\"path\":\"b.txt\"", "\"path\":[");
        assert_ne!(garbled, manifest);
        std::fs::write(out_dir.manifest(), garbled).unwrap();
        let json_before = std::fs::read(out_dir.json("c.txt")).unwrap();
        run(&job(&out)).unwrap();
        assert_eq!(
            statuses(&out_dir),
            [Status::Skipped, Status::Ok, Status::Ok]
        );
        assert_eq!(std::fs::read(out_dir.json("c.txt")).unwrap(), json_before);
    }

    #[test]
    fn a_run_of_several_chunks_writes_every_file_in_path_order() {
        // Three chunks and a bit: each chunk's rows are added while the next is processed, and
        // the last one after the loop.
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("in");
        std::fs::create_dir_all(&input).unwrap();
        let files = 3 * CHUNK_FILES + 5;
        for i in 0..files {
            let text = format!("第一条 第{i}个文件。\n第二条 完。\n");
            std::fs::write(input.join(format!("{i:04}.txt")), text).unwrap();
        }
        // The nodes table that the files' own rows make, one after the other.
        let mut expected = Table::Nodes.header_line();
        for i in 0..files {
            let rel = format!("{i:04}.txt");
            let bytes = std::fs::read(input.join(&rel)).unwrap();
            let x = crate::extract::extract_bytes(&bytes, &rel, &Options::default()).unwrap();
            expected.extend(crate::emit::to_csv_rows(&x).unwrap().nodes);
        }
        for (jobs, mode) in [(1, Mode::Extract), (2, Mode::Incremental { full: false })] {
            let out = dir.path().join(format!("out{jobs}"));
            let totals = run(&job_over(&input, &out, jobs, mode)).unwrap().totals;
            assert_eq!(totals.files, files);
            let nodes = std::fs::read(OutDir::new(&out).table(Table::Nodes)).unwrap();
            assert!(nodes == expected, "nodes.csv with {jobs} threads");
        }
        let out_dir = OutDir::new(dir.path().join("out2"));
        let manifest = crate::batch::Manifest::load(&out_dir.manifest()).unwrap();
        let paths: Vec<String> = manifest.files.iter().map(|e| e.path.clone()).collect();
        let sorted: Vec<String> = (0..files).map(|i| format!("{i:04}.txt")).collect();
        assert_eq!(paths, sorted);
    }

    fn input(len: u64) -> Input {
        Input::new(std::sync::Arc::from(std::path::Path::new("")), "x", len)
    }

    #[test]
    fn chunks_cover_every_input_in_order_within_their_bounds() {
        let mut inputs: Vec<Input> = (0..600).map(|_| input(1)).collect();
        inputs[300] = input(CHUNK_BYTES * 2);
        inputs[301] = input(CHUNK_BYTES - 10);
        let sizes: Vec<usize> = chunks(inputs.into_iter()).map(|c| c.len()).collect();
        // 2 × 128 small (the file limit); the 44 small before the huge file; the huge file alone
        // (nothing fits beside it); the almost-full one with the 10 small that fit; then the
        // remaining 288 small, 128, 128 and 32.
        assert_eq!(CHUNK_FILES, 128);
        assert_eq!(sizes, [128, 128, 44, 1, 11, 128, 128, 32]);
        assert_eq!(sizes.iter().sum::<usize>(), 600);
    }

    /// Every file of `out` a run promises to make as a full run would: all but the manifest
    /// (timings, statuses) and the run's own state.
    fn outputs_of(out: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
        walkdir::WalkDir::new(out)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(out).unwrap();
                (
                    rel.to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .filter(|(rel, _)| rel != "manifest.json" && !rel.starts_with(".fatiao"))
            .collect()
    }

    const NAMES: [&str; 6] = [
        "a.txt",
        "b/某某条例.md",
        "b/某某条例(2021-01-01).md",
        "b/某某条例(2023-05-01).md",
        "c/d.txt",
        "e.txt",
    ];
    const TEXTS: [&str; 4] = [
        "某某条例\n\n第一条 为了规范管理，制定本条例。\n\n第二条 本条例适用于本市。\n",
        "某某条例\n\n第一条 为了规范管理，制定本条例。\n\n第二条 本条例适用于本市行政区域。\n\n第三条 本条例自公布之日起施行。\n",
        "关于加强管理的意见\n\n一、总体要求\n（一）指导思想。坚持依法管理。\n1. 明确责任。\n二、保障措施\n",
        "第一条 甲。\n第三条 乙。\n第三条 丙。\n",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
        /// Whatever happened between runs (inputs added, changed or removed; a byte of the last
        /// run's nodes.csv changed by hand), a re-run writes what a full run into an empty
        /// directory writes: the same JSON, tables, diffs and changes.csv.
        #[test]
        fn a_rerun_after_any_edits_writes_what_a_full_run_writes(
            steps in proptest::collection::vec(
                (
                    proptest::collection::btree_map(0..NAMES.len(), 0..TEXTS.len(), 0..=NAMES.len()),
                    proptest::option::of(proptest::prelude::any::<u16>()),
                ),
                1..4,
            )
        ) {
            let dir = tempfile::tempdir().unwrap();
            let input = dir.path().join("in");
            let out = dir.path().join("out");
            for (files, edit) in steps {
                let _ = std::fs::remove_dir_all(&input);
                for (&name, &text) in &files {
                    let path = input.join(NAMES[name]);
                    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                    std::fs::write(path, TEXTS[text]).unwrap();
                }
                std::fs::create_dir_all(&input).unwrap();
                let nodes = OutDir::new(&out).table(Table::Nodes);
                if let (Some(at), Ok(mut bytes)) = (edit, std::fs::read(&nodes)) {
                    let at = at as usize % bytes.len();
                    bytes[at] = if bytes[at] == b'#' { b'$' } else { b'#' };
                    std::fs::write(&nodes, bytes).unwrap();
                }
                let incremental = Mode::Incremental { full: false };
                run(&job_over(&input, &out, 2, incremental)).unwrap();
                let full = dir.path().join("full");
                let _ = std::fs::remove_dir_all(&full);
                run(&job_over(&input, &full, 2, incremental)).unwrap();
                proptest::prop_assert_eq!(outputs_of(&out), outputs_of(&full));
            }
        }
    }
}
