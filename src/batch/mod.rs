//! The batch pipeline: a directory of thousands of files in, one output directory out, run by
//! cron or a workflow engine with nobody watching.
//!
//! ```text
//! walk ─▶ inputs sorted by relative path ─shard─▶ chunks in path order ─rayon─▶ process each
//!      file: json/<rel>.json written, CSV rows returned ─▶ rows appended to the three tables in
//!      path order ─▶ sweep stale JSON ─▶ tables committed ─▶ manifest.json
//! ```
//!
//! Memory is bounded by two chunks of files (a chunk is 128 files or 2 MB of input, whichever comes
//! first): each file's JSON is written as soon as it is parsed, and its CSV rows wait only for the
//! rest of their chunk, then are streamed into the tables while the next chunk is processed. An
//! unchanged file skipped by an incremental run gives the rows the last run wrote: copied out of
//! the last run's tables at the ranges its manifest entry records, when those tables are the ones
//! that manifest describes ([`tables::KeptTables`]), else rebuilt from its JSON. Either way the
//! tables of an incremental run are those of a full run.
//!
//! What grows with the number of files is kept small: the sorted inputs (an fst of their paths,
//! [`walk::Inputs`]), and per file its status and the hashes of its version-family keys
//! ([`versions::Keys`]). The previous manifest is read entry by entry as the run reaches each
//! path ([`manifest::Previous`]), the new one written entry by entry, and after the run the
//! entries of the files that may have versions are read back from it to group them
//! ([`versions`]). Memory freed by a
//! chunk is handed back to the system before the next (glibc would otherwise keep each worker's
//! high-water mark in its arena).

pub mod atomic;
pub mod journal;
pub mod lock;
pub mod manifest;
pub mod outdir;
pub mod process;
pub mod progress;
pub mod run;
pub mod shard;
pub mod sweep;
pub mod tables;
pub mod versions;
pub mod walk;

pub use manifest::{FileEntry, Manifest, Status, Totals};
pub use outdir::OutDir;
pub use run::{run, Job, Mode, Outcome};
pub use shard::Shard;
pub use walk::{collect, Input, Inputs, WalkError};

pub(crate) use crate::extract::sha256_hex;
