//! How the comparison reads one known edit of a real law: each law of the corpus, parsed from its
//! Markdown, is revised in test code by one edit at a time (an article deleted, inserted,
//! modified, extended by a sentence, moved, split in two, merged with the next), its articles
//! renumbered as a legislature does; the diff must report exactly that edit, at that article, and
//! every other article unchanged (renumbered, not moved), and must pass its own round-trip check.
//!
//! ```sh
//! cargo run --release --example edit_check -- ../shared/corpus/lawref-dev [--show N]
//! ```
//!
//! The edits are those of the diff tests (`tests/diff_common`), placed from a hash of the file's
//! path, so a run is repeatable. Informative: it prints the share of edits read right per kind.

#[path = "../tests/diff_common/mod.rs"]
mod diff_common;

use anyhow::{bail, Context};
use diff_common::{build, revise, Edit};
use fatiao::diff::{check, diff_documents, outline, ChangeType, Diff, Entry};
use fatiao::Document;
use std::path::{Path, PathBuf};

/// The kinds of edit tried on each law, with the change each must give; the last is three edits
/// at once, far apart (an article deleted, one inserted, one modified), as an amendment makes.
const KINDS: [&str; 10] = [
    "deleted",
    "inserted",
    "modified",
    "extended",
    "moved",
    "split",
    "merged",
    "three at once",
    "half rewritten",
    "moved and modified",
];

/// Laws with fewer articles than this are skipped: an edit needs room around it.
const FEWEST_ARTICLES: usize = 12;

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("edit_check: {e:#}");
            std::process::ExitCode::from(2)
        }
    }
}

fn run() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        bail!("usage: edit_check CORPUS_DIR [--show N]");
    };
    let show: usize = match (args.next().as_deref(), args.next()) {
        (None, _) => 5,
        (Some("--show"), Some(n)) => n.parse().context("--show N")?,
        _ => bail!("usage: edit_check CORPUS_DIR [--show N]"),
    };
    let mut files = Vec::new();
    collect(&dir, &mut files)?;
    files.sort();
    // Per kind: tried, read right; and the first failures.
    let mut tried = [0usize; KINDS.len()];
    let mut right = [0usize; KINDS.len()];
    let mut failures: Vec<String> = Vec::new();
    let mut laws = 0;
    for path in &files {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let name = path
            .strip_prefix(&dir)
            .unwrap_or(path)
            .display()
            .to_string();
        let docs = fatiao::extract_text(&text, &name);
        let Some(law) = docs.iter().max_by_key(|d| d.articles().count()) else {
            continue;
        };
        let units: Vec<usize> = unit_positions(&outline(law));
        if units.len() < FEWEST_ARTICLES || law.articles().count() != units.len() {
            continue;
        }
        laws += 1;
        let seed = fnv(&name);
        for (k, kind) in KINDS.iter().enumerate() {
            let n = units.len();
            // An article away from both ends, and for a move a place at least three away.
            let i = 1 + (seed.rotate_left(k as u32 * 9) as usize) % (n - 2);
            let j = (i + 3 + (seed.rotate_left(k as u32 * 9 + 5) as usize) % (n - 6)) % n;
            let (a, b) = (n / 4, n / 2);
            let edits = match k {
                0 => vec![Edit::Delete(i)],
                1 => vec![Edit::Insert(i, j)],
                2 => vec![Edit::Modify(i)],
                3 => vec![Edit::Extend(i)],
                4 => vec![Edit::Move(i, j)],
                5 => vec![Edit::Split(i)],
                6 => vec![Edit::Merge(i)],
                7 => vec![Edit::Delete(a), Edit::Insert(b, 0), Edit::Modify(n - 2)],
                9 => vec![Edit::Modify(i), Edit::Move(i, j)],
                _ => vec![],
            };
            let edit = &edits;
            let old = build("old", &outline(law));
            let mut revised = revise(law, &edits);
            if k == 8 {
                // The second half of an article's text replaced by new words of its length.
                let text = &mut revised[units[i]].text;
                let chars: Vec<char> = text.chars().collect();
                let half = chars.len() / 2;
                let other: Vec<char> = outline(law)[units[j]].text.chars().rev().collect();
                let new: String = other.iter().cycle().take(chars.len() - half).collect();
                *text = chars[..half].iter().collect::<String>() + &new;
            }
            if revised == outline(law) {
                continue; // no sentence to split at
            }
            let new = build("new", &revised);
            let diff = diff_documents(&old, &new);
            tried[k] += 1;
            match read_right(&diff, &old, &new, k, units[i]) {
                Ok(()) => right[k] += 1,
                Err(why) => {
                    if failures.len() < show {
                        failures.push(format!("{name}: {kind} {edit:?}: {why}"));
                    }
                }
            }
        }
    }
    println!("edit check: {laws} laws of {FEWEST_ARTICLES} articles or more, one edit at a time");
    println!("| edit | tried | read right |");
    println!("|---|---|---|");
    for (k, kind) in KINDS.iter().enumerate() {
        let share = 100.0 * right[k] as f64 / tried[k].max(1) as f64;
        println!("| {kind} | {} | {} ({share:.2}%) |", tried[k], right[k]);
    }
    for f in failures {
        println!("    {f}");
    }
    Ok(())
}

/// Positions of the units (articles) in an outline.
fn unit_positions(entries: &[Entry]) -> Vec<usize> {
    (0..entries.len()).filter(|&i| entries[i].unit).collect()
}

/// Whether `diff` reports edit kind `k` of the unit at outline position `at` and nothing else
/// (for three edits at once: one deletion, one addition, one modification, and nothing else).
fn read_right(
    diff: &Diff,
    old: &Document,
    new: &Document,
    k: usize,
    at: usize,
) -> Result<(), String> {
    let problems = check(old, new, diff);
    if !problems.is_empty() {
        return Err(format!("the check fails: {}", problems.join("; ")));
    }
    if k == 7 {
        let s = &diff.summary;
        let moved = diff.changes.iter().filter(|c| c.moved).count();
        let counts = (
            s.deleted, s.added, s.modified, s.moved, s.split, s.merged, moved,
        );
        return (counts == (1, 1, 1, 0, 0, 0, 0))
            .then_some(())
            .ok_or_else(|| format!("summary {s:?}, {moved} moved"));
    }
    let articles: Vec<_> = diff
        .changes
        .iter()
        .filter(|c| c.level == "article")
        .collect();
    let changed: Vec<_> = articles
        .iter()
        .filter(|c| c.kind != ChangeType::Unchanged || c.moved)
        .collect();
    let [c] = changed.as_slice() else {
        let got: Vec<String> = changed
            .iter()
            .map(|c| {
                format!(
                    "{} {:?}→{:?}{}",
                    c.kind.name(),
                    c.old,
                    c.new,
                    if c.moved { " (moved)" } else { "" }
                )
            })
            .collect();
        return Err(format!("{} changes: {}", changed.len(), got.join(", ")));
    };
    let (want, old_index): (ChangeType, Vec<usize>) = match k {
        0 => (ChangeType::Deleted, vec![at]),
        1 => (ChangeType::Added, vec![]),
        2 | 3 | 8 => (ChangeType::Modified, vec![at]),
        4 => (ChangeType::Unchanged, vec![at]),
        9 => (ChangeType::Moved, vec![at]),
        5 => (ChangeType::Split, vec![at]),
        _ => (ChangeType::Merged, vec![at, at + 1]),
    };
    let moved_right = c.moved == (k == 4);
    if c.kind != want || c.old_index != old_index || !moved_right {
        return Err(format!(
            "got {} {:?}→{:?}{} at {:?}, want {} at {:?}",
            c.kind.name(),
            c.old,
            c.new,
            if c.moved { " (moved)" } else { "" },
            c.old_index,
            want.name(),
            old_index
        ));
    }
    Ok(())
}

/// Every Markdown file under `dir`.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
    Ok(())
}

/// FNV-1a of a path: where the edits fall, the same on every run.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
