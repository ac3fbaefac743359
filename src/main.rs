//! The `fatiao` binary: parse the command line, hand over to one entry function per command,
//! turn its result into an exit code (0 all well, 1 some files failed, 2 usage or configuration
//! error, as ripgrep and grep).

mod cli;
mod commands;

use clap::Parser;
use cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or_else(Command::default_job) {
        Command::Extract(args) => commands::extract::run(args),
        Command::Run(args) => commands::run::run(args),
        Command::Diff(args) => commands::diff::run(args),
    };
    result.unwrap_or_else(|err| {
        eprintln!("fatiao: {err:#}");
        commands::USAGE_ERROR.into()
    })
}
