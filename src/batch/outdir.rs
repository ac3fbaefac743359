//! Where each output lives in the output directory: one place that knows the layout.
//!
//! ```text
//! OUT/json/<rel>.json          one per input file
//! OUT/{documents,nodes,warnings}.csv
//! OUT/manifest.json            `run` only
//! STATE/fragments/<table>/<rel>.csv   CSV rows of one input, without header
//! STATE/journal                inputs whose outputs a running `run` may be rewriting
//! ```
//!
//! STATE is `OUT/.fatiao` for `run` (kept: incremental runs reuse the fragments) and a temporary
//! directory for `extract`.

use crate::emit::Table;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct OutDir {
    root: PathBuf,
    state: PathBuf,
}

impl OutDir {
    pub fn new(root: impl Into<PathBuf>, state: impl Into<PathBuf>) -> Self {
        OutDir {
            root: root.into(),
            state: state.into(),
        }
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

    /// The fragment directory of one table: `<rel>.csv` for each input.
    pub fn fragment_dir(&self, table: Table) -> PathBuf {
        self.state.join("fragments").join(table.name())
    }

    pub fn fragment(&self, table: Table, rel: &str) -> PathBuf {
        self.fragment_dir(table).join(format!("{rel}.csv"))
    }

    pub fn table(&self, table: Table) -> PathBuf {
        self.root.join(format!("{}.csv", table.name()))
    }

    pub fn manifest(&self) -> PathBuf {
        self.root.join("manifest.json")
    }

    pub fn journal(&self) -> PathBuf {
        self.state.join("journal")
    }

    /// All the per-input outputs of `rel`: what must exist for the input to be skipped.
    pub fn outputs_of(&self, rel: &str) -> Vec<PathBuf> {
        let mut paths = vec![self.json(rel)];
        paths.extend(Table::ALL.iter().map(|&t| self.fragment(t, rel)));
        paths
    }
}
