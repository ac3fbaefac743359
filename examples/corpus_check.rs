//! The corpus check of issue 3: runs fatiao on every law of `lawref-dev` in every layout (the
//! Markdown itself and degrade.py's seven) and holds the output to the truth read from the clean
//! Markdown by this check's own reader. It prints the figures per layout and the failing files,
//! and exits non-zero under the bar (99.5% exact article sequences and texts in every layout,
//! no panic, nothing lost).
//!
//! ```text
//! cargo run --release --example corpus_check -- ../shared/corpus/lawref-dev \
//!     [--cache DIR] [--tools DIR] [--layout L]... [--extra] [--only PATH-PART]... \
//!     [--show-failures N] [--json FILE] [--markdown FILE]
//! ```
//!
//! `--extra` adds layouts degrade.py does not make (page furniture, half-width brackets, tabs,
//! letter-spacing, headings split over two lines); they count toward the exit status only when asked for.

#[path = "corpus_check/canon.rs"]
mod canon;
#[path = "corpus_check/caught.rs"]
mod caught;
#[path = "corpus_check/compare.rs"]
mod compare;
#[path = "corpus_check/extra.rs"]
mod extra;
#[path = "corpus_check/inputs.rs"]
mod inputs;
#[path = "corpus_check/observe.rs"]
mod observe;
#[path = "corpus_check/report.rs"]
mod report;
#[path = "corpus_check/truth.rs"]
mod truth;

use anyhow::{Context, Result};
use clap::Parser;
use compare::{FileReport, Problem};
use indicatif::{ProgressBar, ProgressStyle};
use inputs::Layout;
use rayon::prelude::*;
use report::{LayoutFigures, Outcome};
use std::path::{Path, PathBuf};
use std::time::Instant;
use truth::Truth;

#[derive(Parser)]
#[command(about = "Measure fatiao on the lawref-dev corpus in every layout")]
struct Args {
    /// The lawref-dev directory (the clean Markdown laws).
    corpus: PathBuf,
    /// Where the degraded copies are (built by .ci/degrade_all.py when missing or stale).
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/target/corpus-cache"))]
    cache: PathBuf,
    /// The directory holding degrade.py [default: CORPUS/../../tools].
    #[arg(long)]
    tools: Option<PathBuf>,
    /// Check only these layouts (repeatable) [default: all eight].
    #[arg(long, value_enum)]
    layout: Vec<Layout>,
    /// Also check the extra layouts (pages, halfwidth, tabs, spaced, split) that degrade.py does not make.
    #[arg(long)]
    extra: bool,
    /// How many failing files to list per layout.
    #[arg(long, default_value_t = 5)]
    show_failures: usize,
    /// Check only the files whose path (relative to CORPUS) contains this text (repeatable):
    /// for looking into a failure without waiting for the whole corpus.
    #[arg(long)]
    only: Vec<String>,
    /// Also write the figures as JSON to this file.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Also write the figures as a Markdown table, with the command that reproduces them, to
    /// this file (the README's accuracy section).
    #[arg(long)]
    markdown: Option<PathBuf>,
}

fn main() {
    match run(Args::parse()) {
        Ok(true) => {}
        Ok(false) => std::process::exit(1),
        Err(e) => {
            eprintln!("corpus_check: {e:#}");
            std::process::exit(2);
        }
    }
}

/// Runs the check; `Ok(false)` when the bar is not met.
fn run(args: Args) -> Result<bool> {
    let files = selected_files(&args)?;
    let truths: Vec<Truth> = files
        .par_iter()
        .map(|rel| {
            let path = args.corpus.join(rel);
            std::fs::read_to_string(&path)
                .map(|md| truth::read(&md))
                .with_context(|| format!("{}: cannot read as UTF-8", path.display()))
        })
        .collect::<Result<_>>()?;
    let layouts = selected_layouts(&args);
    if layouts.iter().any(|l| *l != Layout::Markdown) {
        let tools = match &args.tools {
            Some(t) => t.clone(),
            None => args.corpus.join("../../tools"),
        };
        inputs::ensure_cache(&args.corpus, &args.cache, &tools)?;
    }

    let bar = ProgressBar::new((files.len() * layouts.len()) as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {msg} ({eta})")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let started = Instant::now();
    let mut results: Vec<(LayoutFigures, Vec<Outcome>)> = Vec::new();
    for &layout in &layouts {
        bar.set_message(layout.name());
        let outcomes: Vec<Outcome> = files
            .par_iter()
            .zip(&truths)
            .map(|(rel, truth)| {
                let outcome = check_one(&args, layout, rel, truth);
                bar.inc(1);
                outcome
            })
            .collect();
        results.push((LayoutFigures::of(layout.name(), &outcomes), outcomes));
    }
    bar.finish_and_clear();

    let figs: Vec<LayoutFigures> = results.iter().map(|(f, _)| f.clone()).collect();
    println!(
        "corpus_check: {} files x {} layouts in {:.0}s (bar: {}% exact sequences and texts per layout, no panic, nothing lost)",
        files.len(),
        layouts.len(),
        started.elapsed().as_secs_f64(),
        report::BAR * 100.0
    );
    println!(
        "truth: {} articles; {} files numbered 1..N without a gap (the corpus README counts 631 by line starts; one more once glued articles are split off)\n",
        truths.iter().map(|t| t.articles.len()).sum::<usize>(),
        truths.iter().filter(|t| t.numbered_without_gap()).count()
    );
    print!("{}", report::table(&figs));
    for (fig, outcomes) in &results {
        report::print_failures(fig, outcomes, args.show_failures);
    }
    if let Some(path) = &args.json {
        report::write_json(path, &args.corpus, &figs)?;
    }
    if let Some(path) = &args.markdown {
        report::write_markdown(path, &figs)?;
    }
    let pass = figs.iter().all(LayoutFigures::passes);
    println!("\ncorpus_check: {}", if pass { "PASS" } else { "FAIL" });
    Ok(pass)
}

/// The corpus files, narrowed by `--only`.
fn selected_files(args: &Args) -> Result<Vec<PathBuf>> {
    let mut files = inputs::corpus_files(&args.corpus)?;
    if !args.only.is_empty() {
        files.retain(|f| {
            let f = f.to_string_lossy();
            args.only.iter().any(|o| f.contains(o.as_str()))
        });
        anyhow::ensure!(
            !files.is_empty(),
            "no corpus file matches --only {:?}",
            args.only
        );
    }
    Ok(files)
}

/// `--layout` (default: the bar's eight), plus the extra layouts with `--extra`.
fn selected_layouts(args: &Args) -> Vec<Layout> {
    let mut layouts = if args.layout.is_empty() {
        Layout::ALL.to_vec()
    } else {
        args.layout.clone()
    };
    if args.extra {
        for extra in Layout::EXTRA {
            if !layouts.contains(&extra) {
                layouts.push(extra);
            }
        }
    }
    layouts
}

/// Reads, extracts and compares one file in one layout.
fn check_one<'a>(args: &Args, layout: Layout, rel: &'a Path, truth: &Truth) -> Outcome<'a> {
    let mut seconds = 0.0;
    let report = match layout.load(&args.corpus, &args.cache, rel) {
        Err(e) => FileReport::failed(truth, Problem::Error(e)),
        Ok(input) => {
            let opts = fatiao::Options::default();
            let id = layout.id_path(rel);
            let id = id.to_string_lossy();
            let start = Instant::now();
            let result = caught::caught(|| fatiao::extract_bytes(&input.bytes, &id, &opts));
            seconds = start.elapsed().as_secs_f64();
            match result {
                Err(panic) => FileReport::failed(truth, Problem::Panic(panic)),
                Ok(Err(e)) => FileReport::failed(truth, Problem::Error(format!("{id}: {e}"))),
                Ok(Ok(ex)) => compare::compare(truth, &observe::observe(&ex), &input.reference),
            }
        }
    };
    Outcome {
        file: rel,
        report,
        seconds,
    }
}
