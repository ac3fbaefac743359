//! Finding the input files: the arguments, directories walked recursively, hidden entries
//! skipped, sorted by relative path so that everything downstream is independent of the order in
//! which the file system lists directories.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use walkdir::WalkDir;

/// One input file. A run keeps the whole sorted list, so an input is kept small: its directory
/// is shared with its siblings and its full path built only when the file is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The argument the file was found under (for a file argument, its directory): the file is
    /// `root/rel`.
    root: Arc<Path>,
    /// The path relative to the argument it came from, `/`-separated (a file argument: its file
    /// name). It names the outputs and prefixes every id.
    pub rel: Box<str>,
    /// Size in bytes, for the progress bar's MB/s.
    pub len: u64,
    /// Why the file cannot be read, found while walking (an unreadable directory, a name that is
    /// not UTF-8). Such inputs become error rows instead of stopping the walk.
    pub problem: Option<Box<str>>,
}

impl Input {
    /// The file at `root/rel`; `rel` is `/`-separated.
    pub fn new(root: Arc<Path>, rel: &str, len: u64) -> Input {
        Input {
            root,
            rel: rel.into(),
            len,
            problem: None,
        }
    }

    /// Where to read it (and how to name it on stderr).
    pub fn path(&self) -> PathBuf {
        self.root.join(&*self.rel)
    }
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
            let dir = arg.parent().unwrap_or(Path::new(""));
            inputs.push(input(&Arc::from(dir), name, meta.len()));
        }
    }
    inputs.sort_by(|a, b| a.rel.as_bytes().cmp(b.rel.as_bytes()));
    if let Some(w) = inputs.windows(2).find(|w| w[0].rel == w[1].rel) {
        return Err(WalkError::Clash {
            first: w[0].path(),
            second: w[1].path(),
            rel: w[0].rel.to_string(),
        });
    }
    // The list lives as long as the run: without the spare capacity of its last doubling.
    inputs.shrink_to_fit();
    Ok(inputs)
}

fn walk_dir(root: &Path, exclude: Option<&Path>, inputs: &mut Vec<Input>) {
    let shared: Arc<Path> = Arc::from(root);
    let walker = WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !(is_hidden(e.file_name()) || is_excluded(e, exclude)));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let rel = e.path().strip_prefix(root).unwrap_or(e.path());
                let len = e.metadata().map(|m| m.len()).unwrap_or(0);
                inputs.push(input(&shared, rel, len));
            }
            // Directories are descended into; sockets and FIFOs are not documents.
            Ok(_) => {}
            Err(err) => {
                let path = err.path().unwrap_or(root).to_path_buf();
                let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
                let mut bad = input(&shared, &rel, 0);
                bad.problem = Some(err.to_string().into());
                inputs.push(bad);
            }
        }
    }
}

fn input(root: &Arc<Path>, rel: &Path, len: u64) -> Input {
    match rel_string(rel) {
        Some(r) => Input::new(root.clone(), &r, len),
        None => Input {
            problem: Some("the file name is not valid UTF-8".into()),
            ..Input::new(root.clone(), &rel.to_string_lossy().replace('\\', "/"), len)
        },
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
        inputs.iter().map(|i| &*i.rel).collect()
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
        assert_eq!(inputs[0].path(), root.join("a").join("b.txt"));
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
        let found = collect(std::slice::from_ref(&a), None).unwrap();
        assert_eq!(rels(&found), ["law.txt"]);
        assert_eq!(found[0].path(), a, "read from where it was given");
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
