//! Finds documents that are versions of one another in a batch, so that the batch run can diff
//! each consecutive pair without being told which files go together.
//!
//! Two documents are versions of one another when their titles agree (ignoring white space and a
//! trailing bracket such as `（2023年修订）`). Versions are ordered by a date: the one in the file
//! name (`X(2024-02-27).md`, the convention of the LawRefBook collection), else the latest dated
//! event of the document's metadata; an undated version is the oldest.

use super::diff_documents;
use crate::model::Document;
use crate::report::{self, write_atomic, Format};
use anyhow::Context;
use regex::Regex;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// A document of the batch and the path of the file it came from.
#[derive(Debug, Clone, Copy)]
pub struct Member<'a> {
    pub path: &'a str,
    pub doc: &'a Document,
}

static FILE_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(](\d{4}-\d{2}-\d{2})[)）]").expect("valid regex"));
static TRAILING_NOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(][^（()）]*\d[^（()）]*[)）]$").expect("valid regex"));

/// The date that orders `m` among its versions (`YYYY-MM-DD`, or shorter when the metadata
/// gives no more), `None` when there is none.
pub fn version_date(m: &Member) -> Option<String> {
    let name = Path::new(m.path)
        .file_name()?
        .to_string_lossy()
        .into_owned();
    if let Some(c) = FILE_DATE.captures_iter(&name).last() {
        return Some(c[1].to_string());
    }
    m.doc.meta.events.iter().map(|e| e.date.clone()).max()
}

/// What versions of one document share: the title, or the file name without its date and
/// extension when the document has no title.
fn family_key(m: &Member) -> String {
    let raw = match &m.doc.title {
        Some(t) => t.clone(),
        None => {
            let stem = Path::new(m.path)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            FILE_DATE.replace_all(&stem, "").into_owned()
        }
    };
    let squeezed: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    TRAILING_NOTE.replace(&squeezed, "").into_owned()
}

/// Groups `members` into families of two or more versions, each ordered oldest first (undated
/// first, then by date, then by path). Returns indices into `members`; families come in the
/// order of their key.
pub fn families(members: &[Member]) -> Vec<Vec<usize>> {
    let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, m) in members.iter().enumerate() {
        let key = family_key(m);
        if !key.is_empty() {
            by_key.entry(key).or_default().push(i);
        }
    }
    by_key
        .into_values()
        .filter(|f| f.len() > 1)
        .map(|mut f| {
            f.sort_by_key(|&i| (version_date(&members[i]), members[i].path));
            f
        })
        .collect()
}

/// Writes the diff of each consecutive pair of each family as `<dir>/diffs/<name>.json`, and all
/// their changes as `<dir>/changes.csv` (the columns of the CSV report, after the two source
/// paths). Returns the paths written.
pub fn write_family_diffs(
    members: &[Member],
    families: &[Vec<usize>],
    dir: &Path,
) -> anyhow::Result<Vec<PathBuf>> {
    let diffs_dir = dir.join("diffs");
    std::fs::create_dir_all(&diffs_dir)
        .with_context(|| format!("cannot create {}", diffs_dir.display()))?;
    let mut written = Vec::new();
    let mut csv = report::csv::Table::new(&["old_source", "new_source"]);
    for family in families {
        for pair in family.windows(2) {
            let (old, new) = (&members[pair[0]], &members[pair[1]]);
            let diff = diff_documents(old.doc, new.doc);
            let path = diffs_dir.join(format!("{}.json", file_name(old, new)));
            write_atomic(&path, report::render(&diff, Format::Json).as_bytes())?;
            written.push(path);
            csv.add(&diff, &[old.path, new.path]);
        }
    }
    let path = dir.join("changes.csv");
    write_atomic(&path, csv.finish().as_bytes())?;
    written.push(path);
    Ok(written)
}

/// `<key>__<old date>__<new date>` with characters that file systems refuse replaced.
fn file_name(old: &Member, new: &Member) -> String {
    let date = |m: &Member| version_date(m).unwrap_or_else(|| "undated".into());
    format!("{}__{}__{}", family_key(old), date(old), date(new))
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
        assert_eq!(version_date(&members[0]).as_deref(), Some("2022-03-29"));
    }
}
