//! The command line: clap definitions only. What each command does lives in
//! [`crate::commands`].

use clap::{Args, Parser, Subcommand};
use fatiao::batch::Shard;
use std::path::PathBuf;

/// fatiao (法条): Chinese legal and policy documents in, JSON trees and CSV tables out.
///
/// Without a command, runs `fatiao run input output`.
#[derive(Debug, Parser)]
#[command(name = "fatiao", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract files and directories into JSON and CSV.
    Extract(ExtractArgs),
    /// The incremental batch job: extract a directory, skipping files unchanged since the last run.
    Run(RunArgs),
    /// Compare two revisions of a document: 新旧对照 as JSON, CSV, HTML or Markdown.
    Diff(crate::commands::diff::DiffArgs),
}

impl Command {
    /// What `fatiao` with no arguments does: the main job, `run input output`.
    pub fn default_job() -> Command {
        Command::Run(RunArgs {
            input: PathBuf::from("input"),
            output: PathBuf::from("output"),
            full: false,
            jobs: None,
            shard: None,
            quiet: false,
        })
    }
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files and directories (walked recursively, hidden entries skipped).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output directory: json/, documents.csv, nodes.csv, warnings.csv.
    #[arg(long, short)]
    pub out: PathBuf,
    /// Worker threads [default: one per core].
    #[arg(long, short, value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Read every file in this encoding (utf-8, utf-16le, gb18030, …) instead of detecting it.
    #[arg(long)]
    pub encoding: Option<String>,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Input directory.
    pub input: PathBuf,
    /// Output directory: json/, the three CSVs and manifest.json.
    pub output: PathBuf,
    /// Extract every file, even those unchanged since the last run.
    #[arg(long)]
    pub full: bool,
    /// Worker threads [default: one per core].
    #[arg(long, short, value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Process only shard K of N (0 <= K < N): a stable partition of the input paths.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<Shard>,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}
