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
            shard: None,
            batch: BatchArgs::default(),
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
    /// Read every file in this encoding (utf-8, utf-16le, gb18030, …) instead of detecting it.
    #[arg(long)]
    pub encoding: Option<String>,
    #[command(flatten)]
    pub batch: BatchArgs,
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
    /// Process only shard K of N (0 <= K < N): a stable partition of the input paths.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<Shard>,
    #[command(flatten)]
    pub batch: BatchArgs,
}

/// The options `extract` and `run` share: how the batch runs.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Worker threads [default: one per core].
    #[arg(long, short, value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Refuse files larger than SIZE (bytes, or with a K, M or G suffix): each gets an error
    /// entry and is not read. The parser needs about 14 times a file's size in memory.
    #[arg(long, value_name = "SIZE", default_value_t = FileSize::DEFAULT)]
    pub max_filesize: FileSize,
    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
    /// Flush every output to the disk before the run reports success (and, for `run`, before
    /// the manifest records it), so that a power loss cannot leave outputs that the manifest
    /// says are complete. Slower: the whole file system is flushed.
    #[arg(long)]
    pub sync: bool,
}

impl Default for BatchArgs {
    fn default() -> BatchArgs {
        BatchArgs {
            jobs: None,
            max_filesize: FileSize::DEFAULT,
            quiet: false,
            sync: false,
        }
    }
}

/// A size in bytes, written as a number with an optional `K`, `M` or `G` suffix (powers of
/// 1024), as ripgrep's `--max-filesize` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileSize(pub u64);

impl FileSize {
    /// 32 MiB: far above any law or compilation of laws (the Civil Code is 0.3 MB), and a file
    /// of laws the parser can take in about 450 MB of memory (a file of many tiny units takes
    /// more per byte: see the README's "Memory").
    pub const DEFAULT: FileSize = FileSize(32 << 20);
}

impl std::str::FromStr for FileSize {
    type Err = String;

    fn from_str(s: &str) -> Result<FileSize, String> {
        let bad =
            || format!("{s:?} is not a size: a number of bytes, or one followed by K, M or G");
        let (digits, shift) = match s.as_bytes().last().map(u8::to_ascii_uppercase) {
            Some(b'K') => (&s[..s.len() - 1], 10),
            Some(b'M') => (&s[..s.len() - 1], 20),
            Some(b'G') => (&s[..s.len() - 1], 30),
            _ => (s, 0),
        };
        let n: u64 = digits.parse().map_err(|_| bad())?;
        match n.checked_mul(1 << shift) {
            Some(0) => Err("the size must be more than 0".to_string()),
            Some(bytes) => Ok(FileSize(bytes)),
            None => Err(bad()),
        }
    }
}

impl std::fmt::Display for FileSize {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let n = self.0;
        match [(30, "G"), (20, "M"), (10, "K")]
            .into_iter()
            .find(|&(shift, _)| n >= 1 << shift && n % (1 << shift) == 0)
        {
            Some((shift, unit)) => write!(f, "{}{unit}", n >> shift),
            None => write!(f, "{n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_with_binary_suffixes_and_print_back() {
        for (text, bytes) in [
            ("100", 100),
            ("1K", 1024),
            ("32M", 32 << 20),
            ("2g", 2 << 30),
        ] {
            let size: FileSize = text.parse().unwrap();
            assert_eq!(size, FileSize(bytes), "{text}");
            assert_eq!(size.to_string(), text.to_uppercase());
        }
        assert_eq!(FileSize(1536).to_string(), "1536");
        for bad in ["", "M", "-1K", "1.5M", "1T", "0", "99999999999G"] {
            assert!(bad.parse::<FileSize>().is_err(), "{bad:?}");
        }
    }
}
