//! Finding the input files: the arguments, directories walked recursively, hidden entries
//! skipped, sorted by relative path so that everything downstream is independent of the order in
//! which the file system lists directories.

use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// One input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Where to read it (and how to name it on stderr).
    pub path: PathBuf,
    /// The path relative to the argument it came from, `/`-separated (a file argument: its file
    /// name). It names the outputs and prefixes every id.
    pub rel: String,
    /// Size in bytes, for the progress bar's MB/s.
    pub len: u64,
    /// Why the file cannot be read, found while walking (an unreadable directory, a name that is
    /// not UTF-8). Such inputs become error rows instead of stopping the walk.
    pub problem: Option<String>,
}

/// Inputs that make the whole command meaningless: a usage error, exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum WalkError {
    /// An argument that does not exist or cannot be looked at.
    #[error("{}: {source}", .path.display())]
    Unreadable {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} and {} would both be written as json/{rel}.json", .first.display(), .second.display())]
    Clash {
        first: PathBuf,
        second: PathBuf,
        rel: String,
    },
}

/// Collects the files under `args`, skipping `exclude` (the output directory, when it lies inside
/// an input directory), sorted by the bytes of their relative paths.
pub fn collect(args: &[PathBuf], exclude: Option<&Path>) -> Result<Vec<Input>, WalkError> {
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    let mut inputs = Vec::new();
    for arg in args {
        let meta = std::fs::metadata(arg).map_err(|source| WalkError::Unreadable {
            path: arg.clone(),
            source,
        })?;
        if meta.is_dir() {
            walk_dir(arg, exclude.as_deref(), &mut inputs);
        } else {
            let name = arg.file_name().map(Path::new).unwrap_or(arg);
            inputs.push(input(arg.clone(), name, meta.len()));
        }
    }
    inputs.sort_by(|a, b| a.rel.as_bytes().cmp(b.rel.as_bytes()));
    if let Some(w) = inputs.windows(2).find(|w| w[0].rel == w[1].rel) {
        return Err(WalkError::Clash {
            first: w[0].path.clone(),
            second: w[1].path.clone(),
            rel: w[0].rel.clone(),
        });
    }
    // The list lives as long as the run: without the spare capacity of its last doubling.
    inputs.shrink_to_fit();
    Ok(inputs)
}

fn walk_dir(root: &Path, exclude: Option<&Path>, inputs: &mut Vec<Input>) {
    let walker = WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !(is_hidden(e.file_name()) || is_excluded(e, exclude)));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let rel = e.path().strip_prefix(root).unwrap_or(e.path());
                let len = e.metadata().map(|m| m.len()).unwrap_or(0);
                inputs.push(input(e.path().to_path_buf(), rel, len));
            }
            // Directories are descended into; sockets and FIFOs are not documents.
            Ok(_) => {}
            Err(err) => {
                let path = err.path().unwrap_or(root).to_path_buf();
                let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
                let mut bad = input(path, &rel, 0);
                bad.problem = Some(err.to_string());
                inputs.push(bad);
            }
        }
    }
}

fn input(path: PathBuf, rel: &Path, len: u64) -> Input {
    let (rel, problem) = match rel_string(rel) {
        Some(r) => (r, None),
        None => (
            rel.to_string_lossy().replace('\\', "/"),
            Some("the file name is not valid UTF-8".to_string()),
        ),
    };
    Input {
        path,
        rel,
        len,
        problem,
    }
}

/// `a/b/c.txt` from a relative path, whatever the platform's separator; `None` if a component
/// is not UTF-8 (ids and CSV fields must be text).
pub(crate) fn rel_string(rel: &Path) -> Option<String> {
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

fn is_excluded(e: &walkdir::DirEntry, exclude: Option<&Path>) -> bool {
    match exclude {
        Some(x) => e.file_type().is_dir() && e.path().canonicalize().ok().as_deref() == Some(x),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn rels(inputs: &[Input]) -> Vec<&str> {
        inputs.iter().map(|i| i.rel.as_str()).collect()
    }

    #[test]
    fn walks_recursively_sorted_skipping_hidden_and_the_output_dir() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("in");
        for f in [
            "b.txt",
            "a/z.txt",
            "a/b.txt",
            ".hidden.txt",
            ".git/x.txt",
            "out/json/x",
        ] {
            let p = root.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "第一条").unwrap();
        }
        let inputs = collect(std::slice::from_ref(&root), Some(&root.join("out"))).unwrap();
        assert_eq!(rels(&inputs), ["a/b.txt", "a/z.txt", "b.txt"]);
        assert_eq!(inputs[0].len, "第一条".len() as u64);
    }

    #[test]
    fn a_file_argument_is_named_by_its_file_name_and_clashes_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("x/law.txt");
        let b = dir.path().join("y/law.txt");
        for p in [&a, &b] {
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "x").unwrap();
        }
        assert_eq!(
            rels(&collect(std::slice::from_ref(&a), None).unwrap()),
            ["law.txt"]
        );
        assert!(matches!(
            collect(&[a, b], None),
            Err(WalkError::Clash { rel, .. }) if rel == "law.txt"
        ));
    }

    #[test]
    fn a_missing_argument_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            collect(&[dir.path().join("nope")], None),
            Err(WalkError::Unreadable { source, .. }) if source.kind() == std::io::ErrorKind::NotFound
        ));
    }
}
