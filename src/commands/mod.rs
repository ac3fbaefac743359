//! One module per command, each with a `run(args) -> anyhow::Result<ExitCode>` entry point.
//! An `Err` means the command could not do its job at all (exit 2); files that fail are reported
//! one by one and give exit 1.

pub mod diff;
pub mod extract;
pub mod run;

use fatiao::batch::{progress, Outcome};
use std::io::IsTerminal;
use std::process::ExitCode;

/// Exit code of a usage or configuration error.
pub const USAGE_ERROR: u8 = 2;

/// Prints `fatiao: <message>` and returns exit code 2.
pub fn usage_error(message: impl std::fmt::Display) -> anyhow::Result<ExitCode> {
    eprintln!("fatiao: {message}");
    Ok(USAGE_ERROR.into())
}

/// The progress bar is for a person watching: only on a terminal, and not with `--quiet`.
pub fn show_progress(quiet: bool) -> bool {
    !quiet && std::io::stderr().is_terminal()
}

/// Threads for `--jobs`: 0 lets rayon use one per core.
pub fn threads(jobs: Option<u16>) -> usize {
    jobs.map_or(0, usize::from)
}

/// Prints the summary line (unless quiet) and picks the exit code: 1 if any file failed.
pub fn finish(outcome: &Outcome, quiet: bool) -> ExitCode {
    if !quiet {
        eprintln!("{}", progress::summary(outcome));
    }
    if outcome.totals.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
