//! What a person at the terminal sees: a progress bar while the run goes, error lines as files
//! fail, a one-line summary at the end. The bar is drawn only when the caller says so (stderr is
//! a TTY and no `--quiet`), so logs of unattended runs hold nothing but errors and the summary.

use super::run::Outcome;
use indicatif::{ProgressBar, ProgressStyle};
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct Progress {
    bar: Option<ProgressBar>,
    files_done: AtomicUsize,
    files: usize,
}

impl Progress {
    /// A bar over `bytes` bytes in `files` files, drawn only if `visible`. The bar counts bytes so
    /// that indicatif's rate is MB/s and its ETA is weighted by file size; files go in the message.
    pub fn new(visible: bool, files: usize, bytes: u64) -> Self {
        let bar = visible.then(|| {
            let bar = styled(
                bytes,
                "{bar:30} {msg} files  {binary_bytes_per_sec}  ETA {eta}",
            );
            bar.set_message(format!("0/{files}"));
            bar
        });
        Progress {
            bar,
            files_done: AtomicUsize::new(0),
            files,
        }
    }

    pub fn file_done(&self, bytes: u64) {
        let done = self.files_done.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            bar.set_message(format!("{done}/{}", self.files));
        }
    }

    /// Prints a line on stderr without tearing the bar.
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// A bar over the version pairs that `run` diffs after extracting, drawn only if `visible`: on
/// a large batch the pass takes as long again as the extraction, and without a bar the
/// terminal would sit still between the extraction's bar and the summary.
pub struct Pairs(Option<ProgressBar>);

impl Pairs {
    pub fn new(visible: bool, pairs: usize) -> Self {
        Pairs(visible.then(|| {
            styled(
                pairs as u64,
                "{bar:30} {pos}/{len} version pairs  ETA {eta}",
            )
        }))
    }

    pub fn done(&self, pairs: usize) {
        if let Some(bar) = &self.0 {
            bar.inc(pairs as u64);
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

/// A bar of `len` steps drawn after `template` (indicatif's default look if the template does
/// not parse, which would be a bug caught by the first run on a terminal, not a reason to fail).
fn styled(len: u64, template: &str) -> ProgressBar {
    let style =
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_bar());
    ProgressBar::new(len).with_style(style)
}

/// `fatiao: 12 files (10 extracted, 1 skipped, 1 error), 40 documents, 1200 articles,
/// 3 warnings, 5 version pairs (2 diffed), 0.84 s`; the version pairs only where `run` found
/// some.
pub fn summary(outcome: &Outcome) -> String {
    let t = &outcome.totals;
    let pairs = match outcome.versions {
        Some(v) if v.pairs > 0 => format!(
            ", {} version {} ({} diffed)",
            v.pairs,
            if v.pairs == 1 { "pair" } else { "pairs" },
            v.diffed
        ),
        _ => String::new(),
    };
    format!(
        "fatiao: {} files ({} extracted, {} skipped, {} {}), {} documents, {} articles, {} warnings{pairs}, {:.2} s",
        t.files,
        t.ok,
        t.skipped,
        t.errors,
        if t.errors == 1 { "error" } else { "errors" },
        t.documents,
        t.articles,
        t.warnings,
        t.elapsed_ms as f64 / 1000.0
    )
}
