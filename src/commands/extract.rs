//! `fatiao extract PATH... --out DIR`: files and directories in, JSON and CSVs out, no state
//! kept between runs.

use super::{finish, show_progress, threads, usage_error};
use crate::cli::ExtractArgs;
use fatiao::batch::{self, Job, Mode, OutDir};
use fatiao::Options;
use std::process::ExitCode;

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    // A bad label would fail every file alike: it is a configuration error, not a file's.
    if let Some(label) = &args.encoding {
        if encoding_rs::Encoding::for_label(label.trim().as_bytes()).is_none() {
            return usage_error(format!(
                "unknown encoding `{label}` (try utf-8, utf-16le, utf-16be, gb18030, gbk, big5)"
            ));
        }
    }
    let inputs = match batch::collect(&args.paths, Some(&args.out)) {
        Ok(inputs) => inputs,
        Err(e) => return usage_error(e),
    };
    let job = Job {
        inputs,
        out: OutDir::new(&args.out),
        options: Options {
            encoding: args.encoding,
        },
        jobs: threads(args.jobs),
        mode: Mode::Extract,
        progress: show_progress(args.quiet),
    };
    let totals = batch::run(&job)?;
    Ok(finish(&totals, args.quiet))
}
