//! Atomic file writes: every output is written to a temporary file in its own directory and then
//! renamed over the target, so that a run killed at any moment leaves each output either old or
//! new, never half written. (Same directory, because a rename is atomic only within one file
//! system.)

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// An output being written: a buffered temporary file that becomes `path` on [`commit`]
/// (`AtomicFile::commit`) and vanishes if dropped before.
pub struct AtomicFile {
    path: PathBuf,
    writer: BufWriter<NamedTempFile>,
}

impl AtomicFile {
    /// Starts writing `path`, creating its parent directories if needed.
    pub fn create(path: &Path) -> io::Result<AtomicFile> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        // Most directories exist already: try first, create on failure (a mkdir per output
        // costs as much as the write on some file systems).
        let tmp = match temp_in(dir) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                std::fs::create_dir_all(dir)?;
                temp_in(dir)
            }
            other => other,
        }?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            writer: BufWriter::with_capacity(64 * 1024, tmp),
        })
    }

    pub fn writer(&mut self) -> &mut impl Write {
        &mut self.writer
    }

    /// Renames the temporary file over the target.
    pub fn commit(self) -> io::Result<()> {
        let tmp = self.writer.into_inner().map_err(|e| e.into_error())?;
        tmp.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

fn temp_in(dir: &Path) -> io::Result<NamedTempFile> {
    // Hidden prefix: a temporary file left by a killed run is not mistaken for an output, and the
    // next run's sweep removes it.
    let mut builder = tempfile::Builder::new();
    builder.prefix(".tmp");
    #[cfg(unix)]
    {
        // tempfile creates files readable by the owner only; outputs are for the whole team.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    builder.tempfile_in(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<std::ffi::OsString> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect()
    }

    fn write(path: &Path, bytes: &[u8]) {
        let mut file = AtomicFile::create(path).unwrap();
        file.writer().write_all(bytes).unwrap();
        file.commit().unwrap();
    }

    #[test]
    fn replaces_the_target_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/out.json");
        write(&path, b"old");
        write(&path, b"new");
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(names(path.parent().unwrap()), ["out.json"]);
    }

    #[test]
    fn an_uncommitted_file_keeps_the_old_content() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        write(&path, b"old");
        let mut file = AtomicFile::create(&path).unwrap();
        file.writer().write_all(&vec![b'x'; 100_000]).unwrap();
        // Until commit the target is untouched, and dropping the file (a failed run) leaves it so.
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        drop(file);
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(names(dir.path()), ["out.csv"]);
    }
}
