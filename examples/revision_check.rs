//! The corpus check of revision comparison: diffs every pair of `revision-pairs.tsv` and checks
//! the invariants of [`fatiao::diff::check`] (coverage, round trip, unchanged twins).
//!
//! `cargo run --release --example revision_check -- /work/shared/corpus [--reports DIR] [--layouts]`
//!
//! Prints the counts per change type of each pair and exits non-zero on any failure. Also checks
//! that [`fatiao::diff::families`], run over every file of the corpus, finds each listed pair as
//! consecutive versions of one family. With `--reports DIR`, also writes each pair's HTML and
//! Markdown report there, for reading. With `--layouts`, also diffs the NEW file of each pair
//! against itself in the messy layouts of `../tools/degrade.py` (PDF wrapping, one line, glued
//! labels, GB18030, CRLF and full-width digits), where every article should come out unchanged.

use anyhow::{bail, Context};
use fatiao::diff::{check, diff_documents, families, main_document, Member};
use fatiao::report::{render, write_atomic, Format};
use fatiao::{extract_bytes, Extraction, Options};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("revision_check: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> anyhow::Result<bool> {
    let mut args = std::env::args_os().skip(1);
    let Some(corpus) = args.next().map(PathBuf::from) else {
        bail!("usage: revision_check CORPUS_DIR [--reports DIR] [--layouts]");
    };
    let (mut reports, mut layouts) = (None, false);
    while let Some(flag) = args.next() {
        match (flag.to_str(), args.next()) {
            (Some("--reports"), Some(dir)) => reports = Some(PathBuf::from(dir)),
            (Some("--layouts"), None) => layouts = true,
            (Some("--layouts"), Some(dir)) if dir == "--reports" => {
                layouts = true;
                reports = args.next().map(PathBuf::from);
            }
            _ => bail!("usage: revision_check CORPUS_DIR [--reports DIR] [--layouts]"),
        }
    }
    let list = corpus.join("revision-pairs.tsv");
    let tsv = std::fs::read_to_string(&list)
        .with_context(|| format!("cannot read {}", list.display()))?;

    let mut failures = 0;
    let mut pairs = 0;
    let mut slowest = 0.0f64;
    for (n, row) in tsv
        .lines()
        .enumerate()
        .skip(1)
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let Some((old_path, new_path)) = row.split_once('\t') else {
            bail!(
                "{}:{}: expected two tab-separated paths",
                list.display(),
                n + 1
            );
        };
        let (old, new) = (read(&corpus, old_path)?, read(&corpus, new_path)?);
        let (Some(od), Some(nd)) = (main_document(&old, None), main_document(&new, None)) else {
            println!("FAIL {old_path}: no document");
            failures += 1;
            continue;
        };
        let start = Instant::now();
        let diff = diff_documents(od, nd);
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        slowest = slowest.max(ms);
        pairs += 1;
        let counts: Vec<String> = diff
            .summary
            .entries()
            .iter()
            .filter(|(_, c)| *c > 0)
            .map(|(t, c)| format!("{} {c}", t.name()))
            .collect();
        let name = Path::new(new_path)
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy();
        println!(
            "{name}: {} → {} {}s; {} ({ms:.1} ms)",
            diff.old.units,
            diff.new.units,
            diff.new.unit.as_deref().unwrap_or("unit"),
            counts.join(", ")
        );
        let problems = check(od, nd, &diff);
        for p in &problems {
            println!("  FAIL {p}");
        }
        failures += usize::from(!problems.is_empty());
        if let Some(dir) = &reports {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            for (ext, format) in [("html", Format::Html), ("md", Format::Md)] {
                write_atomic(
                    &dir.join(format!("{name}.{ext}")),
                    render(&diff, format).as_bytes(),
                )?;
            }
        }
    }
    println!("{pairs} pairs, {failures} failing, slowest diff {slowest:.1} ms");
    let missed = check_families(&corpus, &tsv)?;
    if layouts {
        check_layouts(&corpus, &tsv)?;
    }
    Ok(failures == 0 && missed == 0)
}

/// Diffs each NEW file against its degraded layouts and prints, per layout, the files where
/// some article does not come out unchanged. Informational: a miss is the parser reading a
/// layout differently, which the parser's own checks own.
fn check_layouts(corpus: &Path, tsv: &str) -> anyhow::Result<()> {
    let tool = corpus.join("../tools/degrade.py");
    for mode in [
        "plain", "wrap", "oneline", "nospace", "toc", "gb18030", "crlf",
    ] {
        let mut differing = Vec::new();
        let mut total = 0;
        for (_, new) in tsv.lines().skip(1).filter_map(|l| l.split_once('\t')) {
            let clean = read(corpus, new)?;
            let out = std::process::Command::new("python3")
                .arg(&tool)
                .arg(mode)
                .arg(corpus.join(new))
                .output()
                .with_context(|| format!("cannot run {}", tool.display()))?;
            if !out.status.success() {
                bail!("{} {mode} {new} failed", tool.display());
            }
            let messy = extract_bytes(&out.stdout, new, &Options::default())
                .with_context(|| format!("cannot extract {new} in layout {mode}"))?;
            let (Some(a), Some(b)) = (main_document(&clean, None), main_document(&messy, None))
            else {
                continue;
            };
            total += 1;
            let diff = diff_documents(a, b);
            let s = &diff.summary;
            if s.unchanged != diff.old.units || s.unchanged != diff.new.units {
                differing.push(format!(
                    "{} ({} → {} articles, {} unchanged)",
                    Path::new(new)
                        .file_stem()
                        .unwrap_or_default()
                        .to_string_lossy(),
                    diff.old.units,
                    diff.new.units,
                    s.unchanged
                ));
            }
        }
        println!(
            "layout {mode}: {} of {total} files not all unchanged",
            differing.len()
        );
        for d in differing {
            println!("  {d}");
        }
    }
    Ok(())
}

/// Runs `families` over every `.md` file of the corpus and counts the listed pairs it does not
/// find as consecutive versions.
fn check_families(corpus: &Path, tsv: &str) -> anyhow::Result<usize> {
    let mut files = Vec::new();
    let mut dirs = vec![corpus.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let entries =
            std::fs::read_dir(&dir).with_context(|| format!("cannot list {}", dir.display()))?;
        for entry in entries {
            let path = entry
                .with_context(|| format!("cannot list {}", dir.display()))?
                .path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "md") && path.parent() != Some(corpus) {
                files.push(
                    path.strip_prefix(corpus)
                        .unwrap_or(&path)
                        .to_string_lossy()
                        .into_owned(),
                );
            }
        }
    }
    files.sort();
    let extractions = files
        .iter()
        .map(|f| read(corpus, f))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let members: Vec<Member> = files
        .iter()
        .zip(&extractions)
        .filter_map(|(path, ex)| main_document(ex, None).map(|doc| Member { path, doc }))
        .collect();
    let found: std::collections::HashSet<(&str, &str)> = families(&members)
        .iter()
        .flat_map(|f| {
            f.windows(2)
                .map(|w| (members[w[0]].path, members[w[1]].path))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut missed = 0;
    for (old, new) in tsv.lines().skip(1).filter_map(|l| l.split_once('\t')) {
        if !found.contains(&(old, new)) {
            println!("FAIL families: {old} → {new} not found as consecutive versions");
            missed += 1;
        }
    }
    println!(
        "families: {} files, {} consecutive pairs found, {missed} listed pairs missed",
        members.len(),
        found.len()
    );
    Ok(missed)
}

fn read(corpus: &Path, rel: &str) -> anyhow::Result<Extraction> {
    let path = corpus.join(rel);
    let bytes = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
    extract_bytes(&bytes, rel, &Options::default())
        .with_context(|| format!("cannot extract {}", path.display()))
}
