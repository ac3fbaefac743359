//! Where each output lives in the output directory: one place that knows the layout.
//!
//! ```text
//! OUT/json/<rel>.json              one per input file
//! OUT/{documents,nodes,warnings}.csv
//! OUT/manifest.json                `run` only
//! OUT/diffs/<family>.json          `run` only: one per consecutive pair of versions
//! OUT/changes.csv                  `run` only
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

    /// The diffs of version pairs, named by [`crate::diff::pair_path`].
    pub fn diffs_dir(&self) -> PathBuf {
        self.root.join("diffs")
    }

    pub fn changes(&self) -> PathBuf {
        self.root.join("changes.csv")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{pair_path, Head};

    #[test]
    fn diffs_dir_is_where_pair_path_puts_a_batchs_diffs() {
        let out = OutDir::new("out");
        let head = Head {
            path: "a.md",
            title: Some("某某条例"),
            latest: None,
        };
        let diff = pair_path(out.root(), &head, &head);
        assert_eq!(diff.parent(), Some(out.diffs_dir().as_path()));
    }
}
