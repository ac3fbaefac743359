//! Finds documents that are versions of one another in a batch, so that the batch run can diff
//! each consecutive pair without being told which files go together.
//!
//! Two documents are versions of one another when their titles agree (ignoring white space and a
//! trailing bracket such as `（2023年修订）`). Versions are ordered by the dates in their file
//! names (`X(2024-02-27).md`, the convention of the LawRefBook collection), the file without one
//! being the oldest; when no file name of the family has a date, by the latest dated event of
//! each document's metadata.

use crate::model::{Document, Extraction};
use regex::Regex;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// A document of the batch and the path of the file it came from.
#[derive(Debug, Clone, Copy)]
pub struct Member<'a> {
    pub path: &'a str,
    pub doc: &'a Document,
}

/// What grouping versions reads of a member, and nothing more: the batch keeps these for the
/// files that may have versions, not their documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head<'a> {
    pub path: &'a str,
    pub title: Option<&'a str>,
    /// The latest date among the document's events.
    pub latest: Option<&'a str>,
}

impl<'a> Member<'a> {
    pub fn head(&self) -> Head<'a> {
        Head {
            path: self.path,
            title: self.doc.title.as_deref(),
            latest: self.doc.meta.events.iter().map(|e| e.date.as_str()).max(),
        }
    }
}

/// The head a file of the batch is grouped by: its main document's ([`super::main_document`]);
/// `None` when it has none. A batch computes it once per extraction, for the key hashes and for
/// the title and date its manifest records, so that both describe the same document.
pub fn file_head<'a>(x: &'a Extraction, path: &'a str) -> Option<Head<'a>> {
    super::main_document(x, None).map(|doc| Member { path, doc }.head())
}

static FILE_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(](\d{4}-\d{2}-\d{2})[)）]").expect("valid regex"));
static TRAILING_NOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(][^（()）]*\d[^（()）]*[)）]$").expect("valid regex"));

/// The date of `m` as its file name gives it (`X(2024-02-27).md`).
fn file_date(m: &Head) -> Option<String> {
    let name = Path::new(m.path)
        .file_name()?
        .to_string_lossy()
        .into_owned();
    FILE_DATE
        .captures_iter(&name)
        .last()
        .map(|c| c[1].to_string())
}

/// The latest dated event of `m`'s metadata.
fn event_date(m: &Head) -> Option<String> {
    m.latest.map(str::to_string)
}

/// The date that orders `m` among its versions (`YYYY-MM-DD`, or shorter when the metadata
/// gives no more): the file name's, else the latest dated event; `None` when there is none.
pub fn version_date(m: &Head) -> Option<String> {
    file_date(m).or_else(|| event_date(m))
}

/// The title that versions of one document share (white space and a trailing dated note
/// dropped), or the file name without its date and extension when the document has no title.
fn family_key(m: &Head) -> String {
    let raw = match m.title {
        Some(t) => t.to_string(),
        None => name_key(m),
    };
    let squeezed: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    TRAILING_NOTE.replace(&squeezed, "").into_owned()
}

/// The file name without its date and extension: `X(2024-02-27).md` → `X`.
fn name_key(m: &Head) -> String {
    let stem = Path::new(m.path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    FILE_DATE.replace_all(&stem, "").into_owned()
}

/// Groups `members` into families of two or more versions, each ordered oldest first. Returns
/// indices into `members`; families come in the order of their key.
///
/// Members are versions of one another when their titles agree, or when they are files of one
/// directory whose names differ only by a date: either is enough, so that a title misread in
/// one version does not lose the pair.
pub fn families(members: &[Member]) -> Vec<Vec<usize>> {
    let heads: Vec<Head> = members.iter().map(Member::head).collect();
    families_of(&heads)
}

/// [`families`] of members given by their heads.
pub fn families_of(members: &[Head]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..members.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // Every key as its hash and its member, sorted, so that members sharing a key are
    // neighbours: a batch of tens of thousands of files keeps two integers per key here, not the
    // keys, nor a map holding a vector per key.
    let mut by_hash: Vec<(u64, usize)> = members
        .iter()
        .enumerate()
        .flat_map(|(i, m)| key_hashes(m).into_iter().map(move |h| (h, i)))
        .collect();
    for run in shared_hashes(&mut by_hash) {
        // Where hashes meet, the keys themselves decide (two keys may share a hash).
        let mut keyed: Vec<(String, usize)> = run
            .iter()
            .flat_map(|&(h, i)| {
                keys(&members[i])
                    .into_iter()
                    .filter(move |k| hash(k) == h)
                    .map(move |k| (k, i))
            })
            .collect();
        keyed.sort_unstable();
        for same in keyed.chunk_by(|a, b| a.0 == b.0) {
            for &(_, i) in &same[1..] {
                let (a, b) = (root(&mut parent, i), root(&mut parent, same[0].1));
                parent[a] = b;
            }
        }
    }
    // Members sorted by their family's root, then grouped: two integers per member, where a map
    // from root to members would hold a vector for every lone member too.
    let mut by_root: Vec<(usize, usize)> = (0..members.len())
        .map(|i| (root(&mut parent, i), i))
        .collect();
    by_root.sort_unstable();
    let mut families: Vec<(String, Vec<usize>)> = by_root
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|f| f.len() > 1)
        .map(|f| {
            let mut f: Vec<usize> = f.iter().map(|&(_, i)| i).collect();
            // One kind of date per family: when file names carry dates, the file without one is
            // the oldest version, whatever its metadata says (its 施行 date can be later than
            // the next version's file date).
            let by_name = f.iter().any(|&i| file_date(&members[i]).is_some());
            let date = |m: &Head| if by_name { file_date(m) } else { event_date(m) };
            f.sort_by_key(|&i| (date(&members[i]), members[i].path));
            (family_key(&members[f[0]]), f)
        })
        .collect();
    families.sort();
    families.into_iter().map(|(_, f)| f).collect()
}

/// The keys that make members versions of one another: the title, and the file name without
/// its date within its directory (absent when empty).
fn keys(m: &Head) -> Vec<String> {
    let dir = Path::new(m.path).parent().unwrap_or(Path::new(""));
    [
        format!("title:{}", family_key(m)),
        format!("file:{}/{}", dir.display(), name_key(m)),
    ]
    .into_iter()
    .filter(|k| !k.ends_with(':') && !k.ends_with('/'))
    .collect()
}

/// The hashes of `m`'s keys: members that share no key hash are not versions of one another, so
/// a batch can keep these integers per file and look at the heads of the few that share one.
pub fn key_hashes(m: &Head) -> Vec<u64> {
    keys(m).iter().map(|k| hash(k)).collect()
}

/// The runs of `(key hash, member)` pairs whose hash two or more members share, once `pairs` is
/// sorted and a member's repeated hash (two of its keys colliding) counted once: the members
/// that may share a key. [`families_of`] compares their keys; a batch reads back the heads of
/// only these files (`batch::versions::Keys`), so both must agree on which they are.
pub(crate) fn shared_hashes<M: Ord + Copy>(
    pairs: &mut Vec<(u64, M)>,
) -> impl Iterator<Item = &[(u64, M)]> + '_ {
    pairs.sort_unstable();
    pairs.dedup();
    pairs
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
}

fn hash(key: &str) -> u64 {
    // A hash with a published definition, not std's DefaultHasher (whose algorithm may change
    // with the compiler): a run's manifest keeps these values for the next run, which may be
    // a fatiao of the same version built by another compiler.
    xxhash_rust::xxh3::xxh3_64(key.as_bytes())
}

/// Where the diff of a consecutive pair is written: `<dir>/diffs/<name>.json`, the name made of
/// the family's key and the two version dates.
pub fn pair_path(dir: &Path, old: &Head, new: &Head) -> PathBuf {
    dir.join("diffs")
        .join(format!("{}.json", file_name(old, new)))
}

/// `<key>__<old date>__<new date>__<hash of the two paths>`, with the characters that file
/// systems refuse replaced.
fn file_name(old: &Head, new: &Head) -> String {
    let date = |m: &Head| version_date(m).unwrap_or_else(|| "undated".into());
    // Two pairs may share title and dates (copies of a law in two directories): a short hash of
    // the two source paths keeps their names apart, the same on every run.
    let paths = crate::extract::sha256_hex(format!("{}\n{}", old.path, new.path).as_bytes());
    format!(
        "{}__{}__{}__{}",
        family_key(old),
        date(old),
        date(new),
        &paths[..8]
    )
    .chars()
    .map(|c| {
        if r#"/\:*?"<>|"#.contains(c) || c.is_control() {
            '_'
        } else {
            c
        }
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Event, Meta};

    fn doc(title: &str, dates: &[&str]) -> Document {
        Document {
            id: "x#1".into(),
            index: 1,
            title: Some(title.into()),
            meta: Meta {
                events: dates
                    .iter()
                    .map(|d| Event {
                        date: d.to_string(),
                        event: "修订".into(),
                        text: String::new(),
                    })
                    .collect(),
                ..Meta::default()
            },
            preamble: None,
            trailer: None,
            warnings: vec![],
            children: vec![],
        }
    }

    #[test]
    fn versions_are_grouped_by_title_and_ordered_by_date_undated_first() {
        let (a, b, c, other) = (
            doc("中华人民共和国反间谍法", &[]),
            doc("中华人民共和国 反间谍法", &[]),
            doc("中华人民共和国反间谍法（2023年修订）", &[]),
            doc("中华人民共和国保守国家秘密法", &[]),
        );
        let members = [
            Member {
                path: "行政法/反间谍法(2023-04-26).md",
                doc: &c,
            },
            Member {
                path: "行政法/反间谍法.md",
                doc: &a,
            },
            Member {
                path: "行政法/保守国家秘密法.md",
                doc: &other,
            },
            Member {
                path: "行政法/反间谍法(2014-11-01).md",
                doc: &b,
            },
        ];
        assert_eq!(families(&members), vec![vec![1, 3, 0]]);
    }

    #[test]
    fn a_shared_title_or_a_shared_dated_file_name_is_enough_and_families_chain() {
        let (law, misread, other, alone) = (
            doc("城市绿化条例", &[]),
            doc("第一章 总则", &[]),
            doc("城市供水条例", &[]),
            doc("城市排水条例", &[]),
        );
        let members = [
            // Joined to the next by the title, to the one after by the directory and the name.
            Member {
                path: "a/城市绿化条例(2011-01-08).md",
                doc: &law,
            },
            Member {
                path: "b/绿化(2017-03-01).md",
                doc: &law,
            },
            Member {
                path: "b/绿化(2020-05-01).md",
                doc: &misread,
            },
            // Same title in different directories: a second family.
            Member {
                path: "c/供水(2018-03-19).md",
                doc: &other,
            },
            Member {
                path: "d/供水条例(2020-03-27).md",
                doc: &other,
            },
            // Shares nothing with anyone.
            Member {
                path: "b/排水(2020-01-01).md",
                doc: &alone,
            },
        ];
        assert_eq!(families(&members), vec![vec![3, 4], vec![0, 1, 2]]);
    }

    #[test]
    fn each_consecutive_pair_gets_a_diff_file_and_rows_in_changes_csv() {
        let article = |label: &str, text: &str| crate::model::Node {
            id: label.into(),
            kind: crate::model::Kind::Article,
            label: Some(label.into()),
            number: None,
            sub_number: None,
            heading: None,
            heading_end: None,
            text: Some(text.into()),
            children: vec![],
        };
        let mut v1 = doc("保安服务管理条例", &[]);
        v1.children = vec![article("第一条", "为了规范保安服务活动，制定本条例。")];
        let mut v2 = v1.clone();
        v2.children
            .push(article("第二条", "保安服务公司应当依法取得许可。"));
        let mut v3 = v2.clone();
        v3.children[1] = article("第二条", "保安服务公司应当依法取得保安服务许可证。");
        let members = [
            Member {
                path: "x/保安服务管理条例(2022-03-29).md",
                doc: &v3,
            },
            Member {
                path: "x/保安服务管理条例.md",
                doc: &v1,
            },
            Member {
                path: "x/保安服务管理条例(2020-11-29).md",
                doc: &v2,
            },
        ];
        let fams = families(&members);
        assert_eq!(fams, [vec![1, 2, 0]], "undated first, then by file date");
        let dir = Path::new("out");
        let name = |a: usize, b: usize| {
            let p = pair_path(dir, &members[a].head(), &members[b].head());
            assert_eq!(p.parent(), Some(dir.join("diffs").as_path()));
            p.file_name().unwrap().to_string_lossy().into_owned()
        };
        assert!(name(1, 2).starts_with("保安服务管理条例__undated__2020-11-29__"));
        assert!(name(2, 0).starts_with("保安服务管理条例__2020-11-29__2022-03-29__"));
        // Copies with the same title and dates in other directories get names of their own.
        let copy = Member {
            path: "y/保安服务管理条例.md",
            doc: &v1,
        };
        let other = pair_path(dir, &copy.head(), &members[2].head());
        assert_ne!(
            pair_path(dir, &members[1].head(), &members[2].head()),
            other
        );
    }

    #[test]
    fn a_file_without_a_date_is_older_even_if_its_metadata_is_later() {
        let (old, new) = (
            doc("规定（一）", &["2022-03-15"]),
            doc("规定（一）", &["2022-03-01"]),
        );
        let members = [
            Member {
                path: "规定（一）(2022-03-01).md",
                doc: &new,
            },
            Member {
                path: "规定（一）.md",
                doc: &old,
            },
        ];
        assert_eq!(families(&members), vec![vec![1, 0]]);
    }

    #[test]
    fn metadata_events_date_a_version_whose_file_name_has_none() {
        let (old, new) = (
            doc("保安服务管理条例", &["2009-09-28", "2020-11-29"]),
            doc("保安服务管理条例", &["2009-09-28", "2022-03-29"]),
        );
        let members = [
            Member {
                path: "b.md",
                doc: &new,
            },
            Member {
                path: "a.md",
                doc: &old,
            },
        ];
        assert_eq!(families(&members), vec![vec![1, 0]]);
        assert_eq!(
            version_date(&members[0].head()).as_deref(),
            Some("2022-03-29")
        );
    }
}
