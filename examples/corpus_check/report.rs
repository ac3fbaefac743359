//! Turns the per-file reports of a layout into the figures the bar is stated in, prints
//! them as a Markdown table (ready for the README's accuracy section) with the failing files,
//! and writes them as JSON.

use crate::compare::FileReport;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// The bar of issue 3: in every layout, at least this share of files with the exact article
/// sequence and of articles with the exact text.
pub const BAR: f64 = 0.995;

/// Issue 3's target for titles (not part of the bar the exit status follows).
pub const TITLE_TARGET: f64 = 0.99;

/// One file's outcome in one layout.
pub struct Outcome<'a> {
    pub file: &'a Path,
    pub report: FileReport,
    pub seconds: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct LayoutFigures {
    pub layout: String,
    pub files: usize,
    pub sequence_exact: usize,
    pub sequence_share: f64,
    pub articles: usize,
    pub text_exact: usize,
    pub text_share: f64,
    /// Paired articles with items (项) in the truth or the output, and those whose item
    /// numbers are exact: beyond the bar, a measure of the tree inside the articles.
    pub items_articles: usize,
    pub items_exact: usize,
    pub items_share: f64,
    /// Paired articles, and those whose text is cut into the truth's paragraphs (款), items and
    /// sub-items: beyond the bar, like the items.
    pub paragraphs_articles: usize,
    pub paragraphs_exact: usize,
    pub paragraphs_share: f64,
    pub headings_exact: usize,
    pub headings_share: f64,
    pub title_ok: usize,
    pub title_share: f64,
    pub events_truth: usize,
    pub events_matched: usize,
    pub event_recall: f64,
    /// Output events whose date the truth does not list (e.g. 批准, which the truth skips).
    pub events_extra: usize,
    pub lost_failures: usize,
    pub warnings: usize,
    pub panics: usize,
    pub errors: usize,
    /// Files whose articles were spread over more than one document.
    pub multi_doc_files: usize,
    /// How many files have each kind of problem (see [`CATEGORIES`]).
    pub problem_files: BTreeMap<&'static str, usize>,
    /// Time spent in `extract_bytes`, summed over files (not wall time).
    pub extract_seconds: f64,
    pub slowest_file: String,
    pub slowest_seconds: f64,
}

impl LayoutFigures {
    pub fn of(layout: &str, outcomes: &[Outcome]) -> Self {
        let count =
            |f: &dyn Fn(&FileReport) -> bool| outcomes.iter().filter(|o| f(&o.report)).count();
        let sum = |f: &dyn Fn(&FileReport) -> usize| -> usize {
            outcomes.iter().map(|o| f(&o.report)).sum()
        };
        let files = outcomes.len();
        let (articles, text_exact) = (sum(&|r| r.truth_articles), sum(&|r| r.text_exact));
        let (items_articles, items_exact) = (sum(&|r| r.items_articles), sum(&|r| r.items_exact));
        let (paragraphs_articles, paragraphs_exact) = (
            sum(&|r| r.paragraphs_articles),
            sum(&|r| r.paragraphs_exact),
        );
        let (events_truth, events_matched) = (sum(&|r| r.events_truth), sum(&|r| r.events_matched));
        let sequence_exact = count(&|r| r.sequence_exact);
        let title_ok = count(&|r| r.title_ok);
        let headings_exact = count(&|r| r.headings_exact);
        let slowest = outcomes
            .iter()
            .max_by(|a, b| a.seconds.total_cmp(&b.seconds));
        LayoutFigures {
            layout: layout.to_string(),
            files,
            sequence_exact,
            sequence_share: share(sequence_exact, files),
            articles,
            text_exact,
            text_share: share(text_exact, articles),
            items_articles,
            items_exact,
            items_share: share(items_exact, items_articles),
            paragraphs_articles,
            paragraphs_exact,
            paragraphs_share: share(paragraphs_exact, paragraphs_articles),
            headings_exact,
            headings_share: share(headings_exact, files),
            title_ok,
            title_share: share(title_ok, files),
            events_truth,
            events_matched,
            event_recall: share(events_matched, events_truth),
            events_extra: sum(&|r| r.events_extra),
            lost_failures: count(&|r| r.has("nothing-lost")),
            warnings: sum(&|r| r.warnings),
            panics: count(&|r| r.has("panic")),
            errors: count(&|r| r.has("error")),
            multi_doc_files: count(&|r| r.multi_doc),
            problem_files: CATEGORIES
                .iter()
                .map(|c| (*c, count(&|r| r.has(c))))
                .filter(|(_, n)| *n > 0)
                .collect(),
            extract_seconds: outcomes.iter().map(|o| o.seconds).sum(),
            slowest_file: slowest
                .map(|o| o.file.display().to_string())
                .unwrap_or_default(),
            slowest_seconds: slowest.map_or(0.0, |o| o.seconds),
        }
    }

    /// The bar: both shares at least [`BAR`], no panic, nothing lost anywhere, no unreadable file.
    pub fn passes(&self) -> bool {
        self.sequence_share >= BAR
            && self.text_share >= BAR
            && self.panics == 0
            && self.lost_failures == 0
            && self.errors == 0
    }
}

/// An empty denominator is a perfect score: nothing was there to get wrong.
fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

fn pct(x: f64) -> String {
    format!("{:.2}%", x * 100.0)
}

/// The figures as a Markdown table, one row per layout: printed by every run, and written by
/// `--markdown` for the README's accuracy section.
pub fn table(figs: &[LayoutFigures]) -> String {
    let mut out = String::from(
        "| layout | files | exact sequence | exact text (articles) | exact items (articles) | exact paragraphs (articles) | exact headings | title | event recall (extra) | nothing-lost failures | warnings | panics | split files |\n\
         |---|---|---|---|---|---|---|---|---|---|---|---|---|\n",
    );
    for f in figs {
        out.push_str(&format!(
            "| {} | {} | {} | {} ({}) | {} ({}) | {} ({}) | {} | {} | {} ({}) | {} | {} | {} | {} |\n",
            f.layout,
            f.files,
            pct(f.sequence_share),
            pct(f.text_share),
            f.articles,
            pct(f.items_share),
            f.items_articles,
            pct(f.paragraphs_share),
            f.paragraphs_articles,
            pct(f.headings_share),
            pct(f.title_share),
            pct(f.event_recall),
            f.events_extra,
            f.lost_failures,
            f.warnings,
            f.panics,
            f.multi_doc_files
        ));
    }
    out
}

/// The kinds of problem in the order a fix is most urgent, for the failure listing.
const CATEGORIES: [&str; 10] = [
    "panic",
    "error",
    "nothing-lost",
    "sequence",
    "text",
    "items",
    "paragraphs",
    "headings",
    "title",
    "events",
];

/// The problems of one layout: per kind of problem, how many files have it and the first `n`
/// of them with what is wrong — a to-do list, most urgent kind first.
pub fn print_failures(fig: &LayoutFigures, outcomes: &[Outcome], n: usize) {
    let failing = outcomes.iter().filter(|o| o.report.fails()).count();
    let title_note = if fig.title_share < TITLE_TARGET {
        format!(
            "; titles {} under the {} target",
            pct(fig.title_share),
            pct(TITLE_TARGET)
        )
    } else {
        String::new()
    };
    println!(
        "\n## {}: {}, {} of {} files fail{title_note}; slowest {} ({:.2}s)",
        fig.layout,
        if fig.passes() { "PASS" } else { "FAIL" },
        failing,
        fig.files,
        fig.slowest_file,
        fig.slowest_seconds
    );
    for category in CATEGORIES {
        let hits: Vec<(&Outcome, String)> = outcomes
            .iter()
            .filter_map(|o| {
                let p = o
                    .report
                    .problems
                    .iter()
                    .find(|p| p.category() == category)?;
                Some((o, p.to_string()))
            })
            .collect();
        if hits.is_empty() {
            continue;
        }
        println!("{category}: {} files", hits.len());
        for (o, why) in hits.iter().take(n) {
            println!("- {}\n    {why}", o.file.display());
        }
    }
}

/// Writes the README's accuracy section: the table and the command that reproduces it.
pub fn write_markdown(path: &Path, figs: &[LayoutFigures]) -> anyhow::Result<()> {
    use anyhow::Context;
    let text = format!(
        "Measured on the 664 laws of `lawref-dev` in every layout (bar: {} of files with the exact \
         article sequence and {} of articles with the exact text, whitespace and punctuation \
         aside, in every layout; nothing lost; no panic; the items (项) and the paragraphs (款) of \
         each article are measured but beyond the bar):\n\n{}\n\
         Reproduce with `cargo run --release --example corpus_check -- ../shared/corpus/lawref-dev`.\n",
        pct(BAR),
        pct(BAR),
        table(figs)
    );
    std::fs::write(path, text).with_context(|| format!("{}: cannot write", path.display()))
}

#[derive(Serialize)]
struct JsonReport<'a> {
    corpus: String,
    bar: f64,
    pass: bool,
    layouts: &'a [LayoutFigures],
}

pub fn write_json(path: &Path, corpus: &Path, figs: &[LayoutFigures]) -> anyhow::Result<()> {
    use anyhow::Context;
    let report = JsonReport {
        corpus: corpus.display().to_string(),
        bar: BAR,
        pass: figs.iter().all(LayoutFigures::passes),
        layouts: figs,
    };
    let text = serde_json::to_string_pretty(&report)?;
    std::fs::write(path, text + "\n").with_context(|| format!("{}: cannot write", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Problem;

    fn outcome(file: &'static str, report: FileReport) -> Outcome<'static> {
        Outcome {
            file: Path::new(file),
            report,
            seconds: 0.1,
        }
    }

    fn good(articles: usize) -> FileReport {
        FileReport {
            truth_articles: articles,
            text_exact: articles,
            sequence_exact: true,
            title_ok: true,
            lost_ok: true,
            ..FileReport::default()
        }
    }

    #[test]
    fn one_wrong_file_in_a_hundred_is_under_the_bar() {
        let mut v: Vec<Outcome> = (0..199).map(|_| outcome("a.md", good(10))).collect();
        assert!(LayoutFigures::of("plain", &v).passes());
        let mut bad = good(10);
        bad.sequence_exact = false;
        v.push(outcome("b.md", bad.clone()));
        v.push(outcome("c.md", bad));
        let f = LayoutFigures::of("plain", &v);
        assert_eq!(f.sequence_exact, 199);
        assert!(f.sequence_share < BAR && !f.passes());
    }

    #[test]
    fn a_single_panic_or_lost_character_fails_the_layout() {
        let mut v: Vec<Outcome> = (0..10).map(|_| outcome("a.md", good(10))).collect();
        let mut lost = good(10);
        lost.problems.push(Problem::Lost("x".into()));
        v.push(outcome("b.md", lost));
        assert_eq!(LayoutFigures::of("wrap", &v).lost_failures, 1);
        assert!(!LayoutFigures::of("wrap", &v).passes());
        v.pop();
        let mut panicked = good(0);
        panicked.problems.push(Problem::Panic("boom".into()));
        v.push(outcome("b.md", panicked));
        assert!(!LayoutFigures::of("wrap", &v).passes());
    }

    #[test]
    fn the_table_has_a_row_per_layout_with_its_shares() {
        let mut half = good(10);
        half.text_exact = 5;
        (half.items_articles, half.items_exact) = (4, 3);
        (half.paragraphs_articles, half.paragraphs_exact) = (8, 6);
        let figs = [
            LayoutFigures::of("plain", &[outcome("a.md", good(10))]),
            LayoutFigures::of("wrap", &[outcome("a.md", half)]),
        ];
        let t = table(&figs);
        let rows: Vec<&str> = t.lines().skip(2).collect();
        assert_eq!(rows.len(), 2);
        assert!(
            rows[0]
                .starts_with("| plain | 1 | 100.00% | 100.00% (10) | 100.00% (0) | 100.00% (0) |"),
            "{}",
            rows[0]
        );
        assert!(
            rows[1].starts_with("| wrap | 1 | 100.00% | 50.00% (10) | 75.00% (4) | 75.00% (8) |"),
            "{}",
            rows[1]
        );
    }

    #[test]
    fn items_differences_are_counted_but_do_not_fail_the_layout() {
        let mut off = good(10);
        (off.items_articles, off.items_exact) = (4, 1);
        off.problems.push(Problem::Items("x".into()));
        let f = LayoutFigures::of(
            "oneline",
            &[outcome("a.md", off), outcome("b.md", good(10))],
        );
        assert_eq!((f.items_exact, f.items_articles), (1, 4));
        assert_eq!(f.items_share, 0.25);
        assert_eq!(f.problem_files.get("items"), Some(&1));
        assert!(f.passes());
    }

    #[test]
    fn paragraph_differences_are_counted_but_do_not_fail_the_layout() {
        let mut off = good(10);
        (off.paragraphs_articles, off.paragraphs_exact) = (10, 7);
        off.problems.push(Problem::Paragraphs("x".into()));
        let mut other = good(10);
        (other.paragraphs_articles, other.paragraphs_exact) = (10, 10);
        let f = LayoutFigures::of("wrap", &[outcome("a.md", off), outcome("b.md", other)]);
        assert_eq!((f.paragraphs_exact, f.paragraphs_articles), (17, 20));
        assert_eq!(f.paragraphs_share, 0.85);
        assert_eq!(f.problem_files.get("paragraphs"), Some(&1));
        assert!(f.passes());
    }

    #[test]
    fn text_share_counts_articles_not_files() {
        let mut half = good(10);
        half.text_exact = 5;
        let f = LayoutFigures::of("toc", &[outcome("a.md", half), outcome("b.md", good(30))]);
        assert_eq!((f.text_exact, f.articles), (35, 40));
    }
}
