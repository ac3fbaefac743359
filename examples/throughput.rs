//! Corpus throughput: the whole `extract` (read, decode, parse, JSON and CSV written to a
//! temporary directory) over DIR, next to ripgrep finding the article lines (`rg -c '^第.+条'`)
//! in the same files, in the same run.
//!
//! ```text
//! cargo run --release --example throughput -- DIR [RUNS]
//! ```
//!
//! ripgrep only finds lines; fatiao builds and writes the whole tree. The ratio of their times
//! says how far fatiao is from being limited by reading the disk. Both use every core, and the
//! files are read once, untimed, first, so that neither pays for a cold page cache. They take
//! turns, RUNS times each (9 unless given), and the ratio is that of the medians: one run of
//! ripgrep takes a few hundredths of a second, and a single pair of runs varies by 2× on a
//! loaded machine.
//!
//! Then, to say where the time goes: the files the extract wrote are written again, alone, with
//! nothing computed (the floor that the size of the output sets on this file system; the
//! temporary directories follow `TMPDIR`, so `TMPDIR=/dev/shm` measures without a disk), and the
//! stages run again one file at a time on one thread, in memory: the parser (`extract_bytes`:
//! decode, hash, parse), the JSON writer, the CSV writer.

use fatiao::batch::{self, Job, Mode, OutDir};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: cargo run --release --example throughput -- DIR [RUNS]");
        return ExitCode::from(2);
    };
    let runs = match args.next().map(|r| r.to_string_lossy().parse::<usize>()) {
        None => 9,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("throughput: RUNS must be a positive number");
            return ExitCode::from(2);
        }
    };
    match measure(dir, runs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("throughput: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn measure(dir: PathBuf, runs: usize) -> anyhow::Result<()> {
    let inputs = batch::collect(std::slice::from_ref(&dir), None)?;
    let paths: Vec<(PathBuf, String)> = inputs
        .iter()
        .map(|i| (i.path(), i.rel.to_string()))
        .collect();
    let mb = inputs.bytes() as f64 / 1e6;
    for input in inputs.iter() {
        // Warm the page cache; the content is not needed.
        let _ = std::fs::read(input.path());
    }
    println!("{}: {} files, {mb:.1} MB", dir.display(), inputs.len());

    // fatiao and ripgrep take turns, so that both meet the same moments of the machine's load;
    // the ratio is that of their medians.
    let mut job = Job {
        inputs,
        out: OutDir::new(Path::new("")),
        options: Default::default(),
        jobs: 0,
        mode: Mode::Extract,
        progress: false,
        sync: false,
    };
    let (mut fatiao_s, mut rg_s) = (Vec::new(), Vec::new());
    let mut matching = 0;
    let mut last = None;
    for _ in 0..runs {
        // The previous run's output is removed before this one starts, outside the timing.
        drop(last.take());
        let out = tempfile::tempdir()?;
        job.out = OutDir::new(out.path());
        let start = Instant::now();
        let t = batch::run(&job)?.totals;
        fatiao_s.push(start.elapsed().as_secs_f64());
        last = Some((out, t));
        match rg(&dir)? {
            Some((s, lines)) => {
                rg_s.push(s);
                matching = lines;
            }
            None => break,
        }
    }
    let (out, t) = last.expect("at least one run");
    let fatiao = median(&mut fatiao_s);
    println!(
        "fatiao extract: {fatiao:.3} s, {:.1} MB/s ({} documents, {} articles, {} nodes, {} errors)",
        mb / fatiao,
        t.documents,
        t.articles,
        t.nodes,
        t.errors
    );
    if rg_s.is_empty() {
        println!("rg not found (apt-get install ripgrep, or cargo install ripgrep)");
    } else {
        let rg = median(&mut rg_s);
        println!(
            "rg -c '^第.+条': {rg:.3} s, {:.1} MB/s ({matching} matching lines)",
            mb / rg
        );
        println!(
            "ratio: fatiao takes {:.1}x ripgrep's time (medians of {runs} runs each; \
             fatiao {:.3}-{:.3} s, rg {:.3}-{:.3} s)",
            fatiao / rg,
            fatiao_s[0],
            fatiao_s[fatiao_s.len() - 1],
            rg_s[0],
            rg_s[rg_s.len() - 1],
        );
        let (files, out_mb, write_s) = write_alone(out.path())?;
        println!(
            "writing the same {files} output files ({out_mb:.1} MB) alone, every core: \
             {write_s:.3} s, {:.1}x ripgrep's time",
            write_s / rg
        );
    }
    stages(&paths);
    Ok(())
}

/// Seconds `rg -c '^第.+条' DIR` takes, and the lines it matched; `None` when ripgrep is not
/// installed.
fn rg(dir: &Path) -> anyhow::Result<Option<(f64, u64)>> {
    let start = Instant::now();
    match Command::new("rg")
        .arg("-c")
        .arg("^第.+条")
        .arg(dir)
        .output()
    {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.into()),
        // 1: nothing matched (a directory of policy documents), not a failure.
        Ok(out) if matches!(out.status.code(), Some(0 | 1)) => {
            let seconds = start.elapsed().as_secs_f64();
            let lines = String::from_utf8_lossy(&out.stdout)
                .lines()
                .filter_map(|l| l.rsplit(':').next()?.parse::<u64>().ok())
                .sum();
            Ok(Some((seconds, lines)))
        }
        Ok(out) => anyhow::bail!("rg failed: {}", String::from_utf8_lossy(&out.stderr)),
    }
}

/// The median of `times`, which are left sorted.
fn median(times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    let n = times.len();
    if n % 2 == 1 {
        times[n / 2]
    } else {
        (times[n / 2 - 1] + times[n / 2]) / 2.0
    }
}

/// The floor that the output sets: the files the extract wrote, read into memory first, then
/// written again into a new directory, in parallel, with nothing computed. Returns the number of
/// files, their MB and the seconds the writing took.
fn write_alone(out: &Path) -> anyhow::Result<(usize, f64, f64)> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(out) {
        let entry = entry?;
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(out)?.to_path_buf();
            files.push((rel, std::fs::read(entry.path())?));
        }
    }
    let mb = files.iter().map(|(_, b)| b.len()).sum::<usize>() as f64 / 1e6;
    let copy = tempfile::tempdir()?;
    let start = Instant::now();
    files.par_iter().try_for_each(|(rel, bytes)| {
        let path = copy.path().join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, bytes)
    })?;
    Ok((files.len(), mb, start.elapsed().as_secs_f64()))
}

/// Single-threaded time of each in-memory stage over the same files.
fn stages(paths: &[(PathBuf, String)]) {
    let (mut parse, mut json, mut csv) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    for (path, rel) in paths {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let start = Instant::now();
        let Ok(x) = fatiao::extract_bytes(&bytes, rel, &Default::default()) else {
            continue;
        };
        parse += start.elapsed();
        let start = Instant::now();
        let _ = fatiao::emit::to_json(&x);
        json += start.elapsed();
        let start = Instant::now();
        let _ = fatiao::emit::to_csv_rows(&x);
        csv += start.elapsed();
    }
    println!(
        "one thread, in memory: parse {:.3} s, JSON {:.3} s, CSV {:.3} s",
        parse.as_secs_f64(),
        json.as_secs_f64(),
        csv.as_secs_f64()
    );
}
