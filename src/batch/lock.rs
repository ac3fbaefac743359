//! One `run` per output directory at a time. A scheduled job whose previous run is still going
//! (a slow disk, a large backlog) must not write the same tables and manifest at once: the
//! second run stops with exit code 2 instead.
//!
//! The lock is an advisory `flock` on `OUT/.fatiao/lock`, held for the life of the run. The
//! operating system releases it when the process ends, however it ends, so a killed run never
//! leaves a stale lock behind (a lock *file* created with `O_EXCL` would).

use super::outdir::OutDir;
use std::fs::{File, OpenOptions};
use std::io;

/// Held while a run writes its output directory; dropping it releases the lock.
pub struct RunLock {
    _file: File,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("another fatiao run is writing {0} (it holds {0}/.fatiao/lock)")]
    Busy(String),
    #[error("cannot lock {path}: {source}")]
    Io { path: String, source: io::Error },
}

/// Takes the lock of `out`, without waiting.
pub fn lock(out: &OutDir) -> Result<RunLock, LockError> {
    let path = out.lock();
    let io_error = |source| LockError::Io {
        path: path.display().to_string(),
        source,
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(io_error)?;
    }
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(io_error)?;
    // Called through the trait: newer std has an inherent `File::try_lock` that the crate's MSRV
    // does not.
    match fs4::FileExt::try_lock(&file) {
        Ok(()) => Ok(RunLock { _file: file }),
        Err(fs4::TryLockError::WouldBlock) => {
            Err(LockError::Busy(out.root().display().to_string()))
        }
        Err(fs4::TryLockError::Error(e)) => Err(io_error(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_directory_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let out = OutDir::new(dir.path());
        let first = lock(&out).unwrap();
        assert!(matches!(lock(&out), Err(LockError::Busy(_))));
        drop(first);
        assert!(lock(&out).is_ok());
    }
}
