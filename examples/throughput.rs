//! Corpus throughput: the whole `extract` (read, decode, parse, JSON and CSV written to a
//! temporary directory) over DIR, next to ripgrep finding the article lines (`rg -c '^第.+条'`)
//! in the same files, in the same run.
//!
//! ```text
//! cargo run --release --example throughput -- DIR
//! ```
//!
//! ripgrep only finds lines; fatiao builds and writes the whole tree. The ratio of their times
//! says how far fatiao is from being limited by reading the disk. Both use every core, and the
//! files are read once, untimed, first, so that neither pays for a cold page cache.
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
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: cargo run --release --example throughput -- DIR");
        return ExitCode::from(2);
    };
    match measure(dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("throughput: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn measure(dir: PathBuf) -> anyhow::Result<()> {
    let inputs = batch::collect(std::slice::from_ref(&dir), None)?;
    let paths: Vec<(PathBuf, String)> = inputs
        .iter()
        .map(|i| (i.path(), i.rel.to_string()))
        .collect();
    let bytes: u64 = inputs.iter().map(|i| i.len).sum();
    let mb = bytes as f64 / 1e6;
    for input in inputs.iter() {
        // Warm the page cache; the content is not needed.
        let _ = std::fs::read(input.path());
    }
    println!("{}: {} files, {mb:.1} MB", dir.display(), inputs.len());

    let out = tempfile::tempdir()?;
    let job = Job {
        inputs,
        out: OutDir::new(out.path()),
        options: Default::default(),
        jobs: 0,
        mode: Mode::Extract,
        progress: false,
    };
    let start = Instant::now();
    let t = batch::run(&job)?;
    let fatiao_s = start.elapsed().as_secs_f64();
    println!(
        "fatiao extract: {fatiao_s:.3} s, {:.1} MB/s ({} documents, {} articles, {} nodes, {} errors)",
        mb / fatiao_s,
        t.documents,
        t.articles,
        t.nodes,
        t.errors
    );

    let start = Instant::now();
    match Command::new("rg")
        .arg("-c")
        .arg("^第.+条")
        .arg(&dir)
        .output()
    {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            println!("rg not found (apt-get install ripgrep, or cargo install ripgrep)");
        }
        Err(e) => return Err(e.into()),
        Ok(rg) => {
            let rg_s = start.elapsed().as_secs_f64();
            let lines: u64 = String::from_utf8_lossy(&rg.stdout)
                .lines()
                .filter_map(|l| l.rsplit(':').next()?.parse::<u64>().ok())
                .sum();
            println!(
                "rg -c '^第.+条': {rg_s:.3} s, {:.1} MB/s ({lines} matching lines)",
                mb / rg_s
            );
            println!("ratio: fatiao takes {:.1}x ripgrep's time", fatiao_s / rg_s);
            let (files, out_mb, write_s) = write_alone(out.path())?;
            println!(
                "writing the same {files} output files ({out_mb:.1} MB) alone, every core: \
                 {write_s:.3} s, {:.1}x ripgrep's time",
                write_s / rg_s
            );
        }
    }
    stages(&paths);
    Ok(())
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
