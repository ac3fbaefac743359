//! Finding the input files: the arguments, directories walked recursively, hidden entries
//! skipped, sorted by relative path so that everything downstream is independent of the order in
//! which the file system lists directories.
//!
//! A run keeps the whole list, so its size is what a run's memory grows by with the number of
//! files. The list is therefore not a vector of paths (about 160 bytes a file, Chinese file names
//! being long) but an [`fst::Map`] from relative path to position, which stores the prefixes and
//! suffixes that paths share once, and 16 bytes a file beside it. An fst is built from keys in
//! order: each directory is read sorted so that the walk is already in path order (a directory
//! sorts as its name followed by `/`); whatever still arrives out of order (file arguments, a
//! link to a directory, a walk error) waits in a plain list, sorted and merged in at the end.

use fst::Streamer;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use walkdir::{DirEntry, WalkDir};

/// One input file, as the run hands it to a worker.
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

/// The inputs of a run, sorted by the bytes of their relative paths, each path once.
pub struct Inputs {
    /// Relative path → position in path order.
    names: fst::Map<Vec<u8>>,
    /// By position.
    files: Vec<File>,
    /// The walked directories (and the directories of file arguments), shared by their files.
    roots: Vec<Arc<Path>>,
    /// The few inputs that cannot be read, by position.
    problems: BTreeMap<u32, Box<str>>,
}

/// What an input keeps beside its path.
#[derive(Debug, Clone, Copy)]
struct File {
    len: u64,
    root: u32,
}

impl Inputs {
    /// The inputs in path order, each built when the iteration reaches it.
    pub fn iter(&self) -> impl Iterator<Item = Input> + '_ {
        let mut names = self.names.stream();
        std::iter::from_fn(move || {
            let (rel, position) = names.next()?;
            Some(self.input(rel, position as usize))
        })
    }

    /// The position of `rel` in path order, if it is an input.
    pub fn position(&self, rel: &str) -> Option<usize> {
        self.names.get(rel).map(|p| p as usize)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The size of all inputs, in bytes.
    pub fn bytes(&self) -> u64 {
        self.files.iter().map(|f| f.len).sum()
    }

    /// The inputs whose relative path `keep` accepts, in the same order (`--shard`).
    pub fn retain(self, mut keep: impl FnMut(&str) -> bool) -> Inputs {
        let mut kept = Builder {
            roots: self.roots.clone(),
            ..Builder::default()
        };
        for (position, input) in self.iter().enumerate() {
            if keep(&input.rel) {
                let root = self.files[position].root;
                kept.push(root, input.rel.into(), input.len, input.problem);
            }
        }
        kept.finish()
            .expect("a subset of sorted, distinct paths is sorted and distinct")
    }

    fn input(&self, rel: &[u8], position: usize) -> Input {
        let file = self.files[position];
        Input {
            root: self.roots[file.root as usize].clone(),
            rel: String::from_utf8_lossy(rel).into(),
            len: file.len,
            problem: self.problems.get(&(position as u32)).cloned(),
        }
    }
}

impl FromIterator<Input> for Inputs {
    /// Inputs from a list in any order (for tests and for callers that list files themselves);
    /// a path given twice is kept once.
    fn from_iter<I: IntoIterator<Item = Input>>(list: I) -> Inputs {
        let mut list: Vec<Input> = list.into_iter().collect();
        list.sort_by(|a, b| a.rel.cmp(&b.rel));
        list.dedup_by(|a, b| a.rel == b.rel);
        let mut b = Builder::default();
        for input in list {
            let root = b.root(&input.root);
            b.push(root, input.rel.into(), input.len, input.problem);
        }
        b.finish().expect("sorted and distinct")
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
pub fn collect(args: &[PathBuf], exclude: Option<&Path>) -> Result<Inputs, WalkError> {
    let exclude = exclude.and_then(|p| p.canonicalize().ok());
    let mut b = Builder::default();
    for arg in args {
        let meta = std::fs::metadata(arg).map_err(|source| WalkError::Unreadable {
            path: arg.clone(),
            source,
        })?;
        if meta.is_dir() {
            walk_dir(arg, exclude.as_deref(), &mut b);
        } else {
            let name = arg.file_name().map(Path::new).unwrap_or(arg);
            let dir = arg.parent().unwrap_or(Path::new(""));
            let root = b.root(&Arc::from(dir));
            let (rel, problem) = rel_of(name);
            b.push(root, rel, meta.len(), problem);
        }
    }
    b.finish()
}

fn walk_dir(root: &Path, exclude: Option<&Path>, b: &mut Builder) {
    let root_index = b.root(&Arc::from(root));
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by(path_order)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !(is_hidden(e.file_name()) || is_excluded(e, exclude)));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                let (rel, problem) = rel_of(e.path().strip_prefix(root).unwrap_or(e.path()));
                let len = e.metadata().map(|m| m.len()).unwrap_or(0);
                b.push(root_index, rel, len, problem);
            }
            // Directories are descended into; sockets and FIFOs are not documents.
            Ok(_) => {}
            Err(err) => {
                let path = err.path().unwrap_or(root).to_path_buf();
                let (rel, _) = rel_of(path.strip_prefix(root).unwrap_or(&path));
                b.push(root_index, rel, 0, Some(err.to_string().into()));
            }
        }
    }
}

/// The order in which a directory's entries are walked: the byte order of the relative paths
/// they lead to. A directory's paths continue with `/` after its name, so it sorts as its name
/// followed by `/` (`a.txt` before the files of `a/`, as `.` < `/`).
fn path_order(a: &DirEntry, b: &DirEntry) -> Ordering {
    fn key(e: &DirEntry) -> (std::borrow::Cow<'_, str>, Option<u8>) {
        let slash = e.file_type().is_dir().then_some(b'/');
        (component(e.file_name()).0, slash)
    }
    let ((a_name, a_slash), (b_name, b_slash)) = (key(a), key(b));
    (a_name.bytes().chain(a_slash)).cmp(b_name.bytes().chain(b_slash))
}

/// Builds the fst of the inputs from paths in nearly sorted order: each path greater than the
/// last one taken goes straight into the fst; any other (several arguments, a link to a
/// directory, a walk error) waits in a plain list, sorted and merged in by [`Builder::finish`].
/// One fst is built at a time: an fst builder holds a cache of about a megabyte, so a builder per
/// out-of-order path (file arguments in a locale's order, not in bytes) would not do.
#[derive(Default)]
struct Builder {
    sorted: Run,
    stragglers: Vec<(String, File, Option<Box<str>>)>,
    roots: Vec<Arc<Path>>,
}

impl Builder {
    /// The index of `root` among the roots. Only the last root is looked at: the files of a
    /// directory argument share it, and consecutive file arguments usually do; a root repeated
    /// further apart is kept twice, which costs a pointer, not a search.
    fn root(&mut self, root: &Arc<Path>) -> u32 {
        if self.roots.last() != Some(root) {
            self.roots.push(root.clone());
        }
        u32::try_from(self.roots.len() - 1).expect("fewer than 4 billion arguments")
    }

    fn push(&mut self, root: u32, rel: String, len: u64, problem: Option<Box<str>>) {
        let file = File { len, root };
        if self.sorted.files.is_empty() || *self.sorted.last < *rel.as_bytes() {
            self.sorted.append(rel.into_bytes(), file, problem);
        } else {
            self.stragglers.push((rel, file, problem));
        }
    }

    /// Merges the stragglers in; a path found twice (two arguments that hold a file of the same
    /// relative path) is a clash.
    fn finish(mut self) -> Result<Inputs, WalkError> {
        if self.stragglers.is_empty() {
            return Ok(self.sorted.finish(self.roots));
        }
        self.stragglers.sort_by(|a, b| a.0.cmp(&b.0));
        let mut late = Run::default();
        let mut stragglers = std::mem::take(&mut self.stragglers).into_iter().peekable();
        while let Some((rel, file, problem)) = stragglers.next() {
            if let Some((twin, other, _)) = stragglers.next_if(|(next, ..)| *next == rel) {
                return Err(clash(&self.roots, twin, [file, other]));
            }
            late.append(rel.into_bytes(), file, problem);
        }
        let runs = [self.sorted, late].map(|r| r.finish(Vec::new()));
        let mut union = (runs.iter().map(|r| &r.names))
            .collect::<fst::map::OpBuilder>()
            .union();
        let mut merged = Run::default();
        while let Some((rel, found)) = union.next() {
            let at = |i: usize| {
                let (run, position) = (&runs[found[i].index], found[i].value as usize);
                (run, position, run.files[position])
            };
            if found.len() > 1 {
                let rel = String::from_utf8_lossy(rel).into_owned();
                return Err(clash(&self.roots, rel, [at(0).2, at(1).2]));
            }
            let (run, position, file) = at(0);
            let problem = run.problems.get(&(position as u32)).cloned();
            merged.append(rel.to_vec(), file, problem);
        }
        Ok(merged.finish(self.roots))
    }
}

/// The error for two inputs at the same relative path.
fn clash(roots: &[Arc<Path>], rel: String, files: [File; 2]) -> WalkError {
    let [first, second] = files.map(|f| roots[f.root as usize].join(&rel));
    WalkError::Clash { first, second, rel }
}

/// Paths in strictly increasing order, each with its position among them.
struct Run {
    names: fst::MapBuilder<Vec<u8>>,
    last: Vec<u8>,
    files: Vec<File>,
    problems: BTreeMap<u32, Box<str>>,
}

impl Default for Run {
    fn default() -> Run {
        Run {
            names: fst::MapBuilder::memory(),
            last: Vec::new(),
            files: Vec::new(),
            problems: BTreeMap::new(),
        }
    }
}

impl Run {
    /// Appends `rel`, which must be greater than every path before it.
    fn append(&mut self, rel: Vec<u8>, file: File, problem: Option<Box<str>>) {
        let position = u32::try_from(self.files.len()).expect("fewer than 4 billion inputs");
        (self.names.insert(&rel, u64::from(position))).expect("paths appended in increasing order");
        self.files.push(file);
        if let Some(p) = problem {
            self.problems.insert(position, p);
        }
        self.last = rel;
    }

    fn finish(mut self, roots: Vec<Arc<Path>>) -> Inputs {
        let bytes = (self.names.into_inner()).expect("writing to memory cannot fail");
        self.files.shrink_to_fit();
        Inputs {
            names: fst::Map::new(bytes).expect("an fst just built is valid"),
            files: self.files,
            roots,
            problems: self.problems,
        }
    }
}

/// `a/b/c.txt` from a relative path, whatever the platform's separator, and the problem of a
/// name that is not UTF-8 (ids and CSV fields must be text: such a file becomes an error row,
/// named with the unreadable bytes replaced).
fn rel_of(rel: &Path) -> (String, Option<Box<str>>) {
    let mut lossy = false;
    let parts: Vec<std::borrow::Cow<str>> = rel
        .components()
        .map(|c| {
            let (part, exact) = component(c.as_os_str());
            lossy |= !exact;
            part
        })
        .collect();
    let problem = lossy.then(|| "the file name is not valid UTF-8".into());
    (parts.join("/"), problem)
}

/// A path component as text, and whether it was valid UTF-8.
fn component(name: &std::ffi::OsStr) -> (std::borrow::Cow<'_, str>, bool) {
    match name.to_str() {
        Some(s) => (s.into(), true),
        None => (name.to_string_lossy(), false),
    }
}

/// `a/b/c.txt` from a relative path, whatever the platform's separator; `None` if a component
/// is not UTF-8 (ids and CSV fields must be text).
pub(crate) fn rel_string(rel: &Path) -> Option<String> {
    match rel_of(rel) {
        (rel, None) => Some(rel),
        (_, Some(_)) => None,
    }
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

    fn rels(inputs: &Inputs) -> Vec<String> {
        inputs.iter().map(|i| i.rel.into()).collect()
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
        let first = inputs.iter().next().unwrap();
        assert_eq!(first.len, "第一条".len() as u64);
        assert_eq!(first.path(), root.join("a").join("b.txt"));
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
        assert_eq!(
            found.iter().next().unwrap().path(),
            a,
            "read from where it was given"
        );
        assert!(matches!(
            collect(&[a, b], None),
            Err(WalkError::Clash { rel, .. }) if rel == "law.txt"
        ));
    }

    #[test]
    fn file_arguments_in_any_order_are_listed_in_path_order_and_clashes_found_among_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut args = Vec::new();
        // In reverse order: every argument after the first arrives out of order.
        for i in (0..200).rev() {
            let p = dir.path().join(format!("{i:03}.txt"));
            fs::write(&p, "x").unwrap();
            args.push(p);
        }
        let inputs = collect(&args, None).unwrap();
        let expected: Vec<String> = (0..200).map(|i| format!("{i:03}.txt")).collect();
        assert_eq!(rels(&inputs), expected);
        assert_eq!(
            inputs.iter().nth(7).unwrap().path(),
            dir.path().join("007.txt")
        );

        // Two out-of-order arguments with the same file name.
        let (a, b) = (dir.path().join("a/001.txt"), dir.path().join("b/001.txt"));
        for p in [&a, &b] {
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "x").unwrap();
        }
        let found = collect(&[args[0].clone(), a.clone(), b.clone()], None);
        assert!(matches!(
            found,
            Err(WalkError::Clash { first, second, .. }) if first == a && second == b
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

    #[test]
    fn arguments_are_merged_in_path_order_and_found_by_path() {
        let dir = tempfile::tempdir().unwrap();
        let (x, y) = (dir.path().join("x"), dir.path().join("y"));
        for p in [
            x.join("b.txt"),
            x.join("d/e.txt"),
            y.join("a.txt"),
            y.join("c.txt"),
        ] {
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "第一条").unwrap();
        }
        let inputs = collect(&[x.clone(), y.clone()], None).unwrap();
        assert_eq!(rels(&inputs), ["a.txt", "b.txt", "c.txt", "d/e.txt"]);
        let paths: Vec<PathBuf> = inputs.iter().map(|i| i.path()).collect();
        assert_eq!(paths[0], y.join("a.txt"));
        assert_eq!(paths[3], x.join("d").join("e.txt"));
        assert_eq!(inputs.position("c.txt"), Some(2));
        assert_eq!(inputs.position("d"), None);
        assert_eq!(inputs.bytes(), 4 * "第一条".len() as u64);

        let odd = inputs.retain(|rel| rel != "b.txt" && rel != "c.txt");
        assert_eq!(rels(&odd), ["a.txt", "d/e.txt"]);
        assert_eq!(odd.position("d/e.txt"), Some(1));
        assert_eq!(odd.iter().nth(1).unwrap().path(), x.join("d").join("e.txt"));
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_are_followed_and_listed_in_path_order_with_broken_ones_as_problems() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("in");
        fs::create_dir_all(root.join("d")).unwrap();
        fs::write(root.join("d/x.txt"), "x").unwrap();
        fs::write(root.join("l.txt"), "x").unwrap();
        // A link to a directory sorts among its siblings as a file would (`l` before `l.txt`),
        // while its files come after `l.txt` (`l/…`): the walk is out of order there.
        std::os::unix::fs::symlink(root.join("d"), root.join("l")).unwrap();
        std::os::unix::fs::symlink(root.join("nowhere"), root.join("broken.txt")).unwrap();
        let inputs = collect(std::slice::from_ref(&root), None).unwrap();
        assert_eq!(rels(&inputs), ["broken.txt", "d/x.txt", "l.txt", "l/x.txt"]);
        let problems: Vec<bool> = inputs.iter().map(|i| i.problem.is_some()).collect();
        assert_eq!(problems, [true, false, false, false]);
    }

    #[test]
    fn a_list_in_any_order_is_sorted_and_keeps_each_path_once() {
        let root: Arc<Path> = Arc::from(Path::new("r"));
        let list = ["b", "a/c", "a", "b"].map(|rel| Input::new(root.clone(), rel, 1));
        let inputs: Inputs = list.into_iter().collect();
        assert_eq!(rels(&inputs), ["a", "a/c", "b"]);
    }

    /// Names whose order as path components differs from their order as whole paths when
    /// compared naively (`a.txt` < `a/…` because `.` < `/`; `a b` < `a/…` because ` ` < `/`),
    /// and multi-byte ones.
    const NAMES: [&str; 8] = ["a", "a.txt", "a b", "a-b", "ab", "b", "中", "中文"];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
        #[test]
        fn the_walk_lists_files_in_the_byte_order_of_their_paths(
            picks in proptest::collection::btree_set(
                proptest::collection::vec(0..NAMES.len(), 1..4),
                1..16,
            )
        ) {
            // A path is a file unless another path goes through it: then it is a directory.
            let paths: Vec<Vec<&str>> = picks
                .iter()
                .map(|p| p.iter().map(|&i| NAMES[i]).collect())
                .collect();
            let is_dir = |p: &Vec<&str>| paths.iter().any(|q| q.len() > p.len() && q.starts_with(p));
            let dir = tempfile::tempdir().unwrap();
            let mut expected = Vec::new();
            for p in paths.iter().filter(|p| !is_dir(p)) {
                let file = p.iter().fold(dir.path().to_path_buf(), |f, c| f.join(c));
                fs::create_dir_all(file.parent().unwrap()).unwrap();
                fs::write(&file, "x").unwrap();
                expected.push(p.join("/"));
            }
            expected.sort();
            // Already in order as walked (one sorted run, nothing to merge)…
            let mut walked = Builder::default();
            walk_dir(dir.path(), None, &mut walked);
            proptest::prop_assert!(walked.stragglers.is_empty());
            // …and listed in that order.
            let inputs = collect(&[dir.path().to_path_buf()], None).unwrap();
            proptest::prop_assert_eq!(rels(&inputs), expected);
        }
    }
}
