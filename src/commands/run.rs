//! `fatiao run IN OUT`: the incremental batch job over a directory, with a manifest, skipping of
//! unchanged files, the diffs of version families, and `--shard K/N`.

use super::{finish, show_progress, threads, usage_error};
use crate::cli::RunArgs;
use fatiao::batch::{self, Job, Mode, OutDir};
use fatiao::Options;
use std::process::ExitCode;

pub fn run(args: RunArgs) -> anyhow::Result<ExitCode> {
    if !args.input.is_dir() {
        return usage_error(format!("{}: not a directory", args.input.display()));
    }
    let inputs = match batch::collect(std::slice::from_ref(&args.input), Some(&args.output)) {
        Ok(inputs) => inputs,
        Err(e) => return usage_error(e),
    };
    let inputs = match args.shard {
        Some(shard) => inputs.retain(|rel| shard.contains(rel)),
        None => inputs,
    };
    let job = Job {
        inputs,
        out: OutDir::new(&args.output),
        options: Options {
            max_bytes: Some(args.batch.max_filesize.0),
            ..Options::default()
        },
        jobs: threads(args.batch.jobs),
        mode: Mode::Incremental { full: args.full },
        progress: show_progress(args.batch.quiet),
        sync: args.batch.sync,
    };
    let outcome = batch::run(&job)?;
    Ok(finish(&outcome, args.batch.quiet))
}
