//! The batch pipeline: a directory of thousands of files in, one output directory out, run by
//! cron or a workflow engine with nobody watching.
//!
//! ```text
//! walk ─▶ inputs sorted by relative path ─shard─▶ rayon over files ─process─▶ json/ + CSV
//!      fragments (atomic, one set per file) ─assemble─▶ documents/nodes/warnings.csv ─▶ manifest
//! ```
//!
//! Memory is bounded by the files in flight: each file's JSON and CSV rows are written to disk as
//! soon as it is parsed, and the final CSVs are streamed together from the per-file fragments in
//! path order. The fragments persist between runs (`OUT/.fatiao/`), which is what lets an
//! incremental run skip an unchanged file and still produce the CSVs of a full run.

pub mod assemble;
pub mod atomic;
pub mod journal;
pub mod manifest;
pub mod outdir;
pub mod process;
pub mod progress;
pub mod run;
pub mod shard;
pub mod walk;

pub use manifest::{FileEntry, Manifest, Status, Totals};
pub use outdir::OutDir;
pub use run::{run, Job, Mode};
pub use shard::Shard;
pub use walk::{collect, Input, WalkError};

use sha2::{Digest, Sha256};

/// Lower-case hex SHA-256, the form the manifest and `Source::sha256` use.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
