//! Where each output lives in the output directory: one place that knows the layout.
//!
//! ```text
//! OUT/json/<rel>.json              one per input file
//! OUT/{documents,nodes,warnings}.csv
//! OUT/manifest.json                `run` only
//! OUT/.fatiao/journal              `run` only, while it runs: inputs whose outputs may change
//! OUT/.fatiao/lock                 `run` only: locked while a run writes OUT
//! ```

use crate::emit::Table;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct OutDir {
    root: PathBuf,
}

impl OutDir {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        OutDir { root: root.into() }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The JSON directory: `json/<rel>.json` for each input.
    pub fn json_dir(&self) -> PathBuf {
        self.root.join("json")
    }

    pub fn json(&self, rel: &str) -> PathBuf {
        self.json_dir().join(format!("{rel}.json"))
    }

    pub fn table(&self, table: Table) -> PathBuf {
        self.root.join(format!("{}.csv", table.name()))
    }

    pub fn manifest(&self) -> PathBuf {
        self.root.join("manifest.json")
    }

    pub fn journal(&self) -> PathBuf {
        self.root.join(".fatiao").join("journal")
    }

    /// Locked by a `run` for as long as it writes this directory.
    pub fn lock(&self) -> PathBuf {
        self.root.join(".fatiao").join("lock")
    }
}
