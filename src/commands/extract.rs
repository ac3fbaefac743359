//! `fatiao extract PATH... --out DIR`: files and directories in, JSON and CSVs out, no state
//! kept between runs.

use super::{finish, show_progress, threads, usage_error};
use crate::cli::ExtractArgs;
use fatiao::batch::{self, Job, Mode, OutDir};
use fatiao::decode::{decode, DecodeError};
use fatiao::Options;
use std::process::ExitCode;

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    // A bad label would fail every file alike: it is a configuration error, not a file's. The
    // decoder is the one judge of labels, so ask it (on one byte) rather than keep a second list.
    if let Some(label) = &args.encoding {
        if let Err(e @ DecodeError::UnknownLabel(_)) = decode(b" ", Some(label)) {
            return usage_error(e);
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
            max_bytes: Some(args.batch.max_filesize.0),
        },
        jobs: threads(args.batch.jobs),
        mode: Mode::Extract,
        progress: show_progress(args.batch.quiet),
        sync: args.batch.sync,
    };
    let outcome = batch::run(&job)?;
    Ok(finish(&outcome, args.batch.quiet))
}
