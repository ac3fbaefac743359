//! `--shard K/N`: a stable partition of the inputs so that N machines each take a share.
//!
//! A file belongs to shard `K` when the first 8 bytes of the SHA-256 of its relative path, read
//! as a big-endian integer, are `K` mod `N`. The path (not the content) is hashed so that a file
//! stays on its machine when it is edited, and SHA-256 (not std's hasher) so that the partition
//! is the same on every platform and every Rust release.

use sha2::{Digest, Sha256};
use std::fmt;
use std::str::FromStr;

/// Shard `index` of `count`, 0-based like a Kubernetes indexed Job's `JOB_COMPLETION_INDEX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl Shard {
    /// Whether the file at relative path `rel` is this shard's to process.
    pub fn contains(&self, rel: &str) -> bool {
        bucket(rel) % self.count == self.index
    }
}

fn bucket(rel: &str) -> u64 {
    let digest = Sha256::digest(rel.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first)
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let usage = || format!("`{s}` is not K/N with 0 <= K < N (for example 0/4)");
        let (k, n) = s.split_once('/').ok_or_else(usage)?;
        let index: u64 = k.trim().parse().map_err(|_| usage())?;
        let count: u64 = n.trim().parse().map_err(|_| usage())?;
        if index >= count {
            return Err(usage());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_k_of_n_and_rejects_the_rest() {
        assert_eq!("1/3".parse(), Ok(Shard { index: 1, count: 3 }));
        for bad in ["3/3", "0/0", "-1/2", "1", "a/b", "1/2/3", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn every_path_lands_in_exactly_one_shard() {
        let paths: Vec<String> = (0..200).map(|i| format!("laws/{i}.txt")).collect();
        let shards: Vec<Shard> = (0..3).map(|k| Shard { index: k, count: 3 }).collect();
        for p in &paths {
            assert_eq!(shards.iter().filter(|s| s.contains(p)).count(), 1);
        }
        // And the split is not degenerate: every shard gets a fair share.
        for s in &shards {
            let n = paths.iter().filter(|p| s.contains(p)).count();
            assert!((40..=95).contains(&n), "shard {s} got {n} of 200");
        }
    }

    #[test]
    fn the_partition_is_pinned() {
        // Values computed independently (Python hashlib: int.from_bytes(sha256(p)[:8], "big")).
        // A change here would move files between the machines of a running deployment.
        assert!(Shard { index: 1, count: 2 }.contains("a.txt"));
        assert!(Shard { index: 2, count: 3 }.contains("a.txt"));
        assert!(Shard { index: 0, count: 3 }.contains("laws/b.txt"));
        assert!(Shard { index: 4, count: 5 }.contains("laws/b.txt"));
    }
}
