//! Compares two versions of a document: which articles were added, deleted, modified, moved,
//! split or merged, and what changed inside each (the 新旧对照 that legislatures publish).
//!
//! Articles are paired by content, never by number, so that one article inserted near the start
//! does not make every later one look changed. The passes, in order: identical texts in order
//! (patience diff from `similar`, unique texts anchoring); identical texts out of order; similar
//! texts in order between the anchors (character bigrams, Dice and containment, so an article
//! that gained a paragraph is still itself); similar texts out of order (moves); then splits and
//! merges. Headings (编/章/节, and the numbered levels above the items of a policy document) are
//! aligned the same way, apart from the articles. The result is a [`Diff`], serialised as
//! `fatiao.diff/1`:
//!
//! ```
//! use fatiao::diff::{diff_documents, ChangeType};
//! # use fatiao::{Document, Kind, Node};
//! # fn article(n: u32, label: &str, text: &str) -> Node {
//! #     Node { id: format!("a{n}"), kind: Kind::Article, label: Some(label.into()), number: Some(n),
//! #            sub_number: None, heading: None, heading_end: None, text: Some(text.into()), children: vec![] }
//! # }
//! # fn doc(articles: Vec<Node>) -> Document {
//! #     Document { id: "law.txt#1".into(), index: 1, title: None, meta: Default::default(),
//! #                preamble: None, trailer: None, warnings: vec![], children: articles }
//! # }
//! let old = doc(vec![
//!     article(1, "第一条", "为了保守国家秘密，维护国家安全和利益，制定本法。"),
//!     article(2, "第二条", "国家秘密受法律保护。"),
//! ]);
//! let new = doc(vec![
//!     article(1, "第一条", "保守国家秘密的工作，坚持中国共产党的领导。"),
//!     article(2, "第二条", "为了保守国家秘密，维护国家安全和利益，制定本法。"),
//!     article(3, "第三条", "国家秘密受法律保护。"),
//! ]);
//! let diff = diff_documents(&old, &new);
//! // The old 第二条 is the new 第三条, unchanged although renumbered.
//! let c = diff.changes.iter().find(|c| c.old == ["第二条"]).unwrap();
//! assert_eq!((c.kind, c.new.as_slice()), (ChangeType::Unchanged, &["第三条".to_string()][..]));
//! assert_eq!(diff.summary.added, 1);
//! // Applying the diff to OLD gives NEW.
//! let text = fatiao::diff::apply(&fatiao::diff::outline(&old), &diff).unwrap();
//! assert_eq!(text, fatiao::diff::outline_text(&new));
//! ```
//!
//! The text compared, and reproduced by [`apply()`], is each side's [`outline`]: headings and units
//! (articles, or the numbered items of a policy document) in document order.

mod align;
mod apply;
mod check;
mod families;
mod inline;
mod similarity;
mod units;

pub use apply::{apply, ApplyError};
pub use check::check;
pub(crate) use families::shared_hashes;
pub use families::{
    families, families_of, file_head, key_hashes, pair_path, version_date, Head, Member,
};
pub use inline::{Op, Segment};
pub use units::{line, outline, outline_text, unit_count, unit_kind, Entry};

use crate::model::{Document, Extraction, Kind};
use align::{Group, Link, Side};
use serde::{Deserialize, Serialize};

/// Joins the texts of the entries of a split or merged side in [`Change::inline`]: the ASCII
/// record separator, which is not text. An entry whose text contains it is never joined (see
/// `align`), so splitting the side on it gives back the entries.
pub const SEPARATOR: char = '\u{1E}';

/// The value of the `schema` field of every diff.
pub const SCHEMA: &str = "fatiao.diff/1";

/// The comparison of two documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diff {
    pub schema: String,
    pub old: DocInfo,
    pub new: DocInfo,
    /// Changes per type, counting units (articles) only.
    pub summary: Summary,
    /// Changes per type among headings (chapters, sections, …).
    pub heading_summary: Summary,
    /// In the order of NEW; a deleted entry comes right after what preceded it in OLD.
    pub changes: Vec<Change>,
}

/// Which document was compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocInfo {
    /// The source path (the document id without its `#index`).
    pub source: String,
    pub id: String,
    pub title: Option<String>,
    /// The kind of node compared as units (`article`, `item`, …); `None` when there is none.
    pub unit: Option<String>,
    /// Number of units.
    pub units: usize,
    /// Number of outline entries (headings and units): the range of `old_index` / `new_index`.
    pub entries: usize,
}

/// Counts per change type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub unchanged: usize,
    pub modified: usize,
    pub added: usize,
    pub deleted: usize,
    pub moved: usize,
    pub split: usize,
    pub merged: usize,
}

impl Summary {
    fn count(&mut self, t: ChangeType) {
        *match t {
            ChangeType::Unchanged => &mut self.unchanged,
            ChangeType::Modified => &mut self.modified,
            ChangeType::Added => &mut self.added,
            ChangeType::Deleted => &mut self.deleted,
            ChangeType::Moved => &mut self.moved,
            ChangeType::Split => &mut self.split,
            ChangeType::Merged => &mut self.merged,
        } += 1;
    }

    /// `(type, count)` for every type, in the JSON order.
    pub fn entries(&self) -> [(ChangeType, usize); 7] {
        [
            (ChangeType::Unchanged, self.unchanged),
            (ChangeType::Modified, self.modified),
            (ChangeType::Added, self.added),
            (ChangeType::Deleted, self.deleted),
            (ChangeType::Moved, self.moved),
            (ChangeType::Split, self.split),
            (ChangeType::Merged, self.merged),
        ]
    }
}

/// What happened to a group of entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeType {
    /// Same text (possibly renumbered, possibly moved, possibly typeset differently: see
    /// [`Change::moved`] and [`Change::formatting`]).
    Unchanged,
    Modified,
    Added,
    Deleted,
    /// Modified and out of order with respect to the unchanged entries around it.
    Moved,
    /// One old entry became several adjacent new ones.
    Split,
    /// Several adjacent old entries became one new one.
    Merged,
}

impl ChangeType {
    pub fn name(self) -> &'static str {
        match self {
            ChangeType::Unchanged => "unchanged",
            ChangeType::Modified => "modified",
            ChangeType::Added => "added",
            ChangeType::Deleted => "deleted",
            ChangeType::Moved => "moved",
            ChangeType::Split => "split",
            ChangeType::Merged => "merged",
        }
    }
}

/// One change: entries of OLD and the entries of NEW they became.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    #[serde(rename = "type")]
    pub kind: ChangeType,
    /// `article`, `chapter`, `section`, `item`, … (the [`Kind`] name of the entries).
    pub level: String,
    /// Labels of the old entries, as in the extract contract (`第十条`).
    pub old: Vec<String>,
    /// Labels of the new entries.
    pub new: Vec<String>,
    /// Character-level similarity ratio of the old and new texts; `None` for added and deleted.
    pub similarity: Option<f64>,
    /// The inline diff from the old text to the new one. When a side holds several entries
    /// (split, merged), their texts are joined with [`SEPARATOR`].
    pub inline: Vec<Segment>,
    /// For an unchanged entry: it stands elsewhere relative to its neighbours.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub moved: bool,
    /// For an unchanged entry: the texts differ, but only in white space or in the width of
    /// punctuation, letters and digits (`(` against `（`); `inline` shows where.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub formatting: bool,
    /// Positions of the old entries in OLD's [`outline`] (labels need not be unique).
    pub old_index: Vec<usize>,
    /// Positions of the new entries in NEW's [`outline`].
    pub new_index: Vec<usize>,
}

impl Change {
    /// The old text (entries joined with [`SEPARATOR`]).
    pub fn old_text(&self) -> String {
        inline::old_side(&self.inline)
    }

    /// The new text (entries joined with [`SEPARATOR`]).
    pub fn new_text(&self) -> String {
        inline::new_side(&self.inline)
    }
}

/// Compares two documents.
pub fn diff_documents(old: &Document, new: &Document) -> Diff {
    let (oo, no) = (outline(old), outline(new));
    let groups = align_outlines(&oo, &no);

    let (mut summary, mut heading_summary) = (Summary::default(), Summary::default());
    let keys = order(&groups, oo.len());
    let mut changes: Vec<(Key, Change)> = Vec::new();
    for ((g, unit), key) in groups.iter().zip(keys) {
        let change = make_change(g, &oo, &no);
        if *unit {
            summary.count(change.kind);
        } else {
            heading_summary.count(change.kind);
        }
        changes.push((key, change));
    }
    changes.sort_by_key(|c| c.0);

    Diff {
        schema: SCHEMA.to_string(),
        old: doc_info(old, &oo),
        new: doc_info(new, &no),
        summary,
        heading_summary,
        changes: changes.into_iter().map(|(_, c)| c).collect(),
    }
}

/// Aligns two outlines: units against units; headings against headings of the same family,
/// 编/章/节 together (a revision may turn a chapter into a section), the other kinds each on
/// their own. Returns the groups, in outline positions, each with whether it holds units.
fn align_outlines(oo: &[Entry], no: &[Entry]) -> Vec<(Group, bool)> {
    let keys =
        |o: &[Entry]| -> Vec<String> { o.iter().map(|e| similarity::key(&e.text)).collect() };
    let (ok, nk) = (keys(oo), keys(no));
    let pass_of = |e: &Entry| -> Option<Kind> {
        match e.kind {
            _ if e.unit => None,
            k if k.is_structural() => Some(Kind::Chapter),
            k => Some(k),
        }
    };
    let mut passes: Vec<Option<Kind>> = vec![None];
    for p in oo.iter().chain(no).map(pass_of) {
        if !passes.contains(&p) {
            passes.push(p);
        }
    }
    let mut groups = Vec::new();
    for pass in passes {
        let pick = |outline: &[Entry]| -> Vec<usize> {
            (0..outline.len())
                .filter(|&i| pass_of(&outline[i]) == pass)
                .collect()
        };
        let (op, np) = (pick(oo), pick(no));
        let params = if pass.is_none() {
            align::UNITS
        } else {
            align::HEADINGS
        };
        for g in align::align(&side(oo, &ok, &op), &side(no, &nk, &np), params) {
            let mapped = Group {
                old: g.old.iter().map(|&i| op[i]).collect(),
                new: g.new.iter().map(|&i| np[i]).collect(),
                link: g.link,
            };
            groups.push((mapped, pass.is_none()));
        }
    }
    groups
}

/// The entries `picked` of an outline, as [`align::align`] takes them.
fn side<'a>(outline: &[Entry], keys: &'a [String], picked: &[usize]) -> Side<'a> {
    Side {
        texts: picked.iter().map(|&i| keys[i].as_str()).collect(),
        pos: picked.to_vec(),
        joinable: picked
            .iter()
            .map(|&i| !outline[i].text.contains(SEPARATOR))
            .collect(),
    }
}

/// Where a change stands in the list: `(new position, tier, old position)`. Changes with new
/// entries stand at their first new entry (tier 1). A deletion stands right after the change
/// that holds the nearest preceding old entry still in order (tier 2), or at the very start
/// (tier 0) when there is none: where a reader of the 对照表 expects to find it.
type Key = (usize, u8, usize);

fn order(groups: &[(Group, bool)], old_len: usize) -> Vec<Key> {
    let mut owner = vec![usize::MAX; old_len];
    for (gi, (g, _)) in groups.iter().enumerate() {
        for &o in &g.old {
            owner[o] = gi;
        }
    }
    let in_order = |g: &Group| {
        !g.new.is_empty() && !matches!(g.link, Link::Moved | Link::Unchanged { moved: true })
    };
    groups
        .iter()
        .map(|(g, _)| {
            if let Some(&first) = g.new.iter().min() {
                return (first, 1, 0);
            }
            let at = g.old.iter().copied().min().unwrap_or(0);
            (0..at)
                .rev()
                .map(|o| &groups[owner[o]].0)
                .find(|h| in_order(h))
                .map_or((0, 0, at), |h| {
                    (h.new.iter().copied().max().unwrap_or(0), 2, at)
                })
        })
        .collect()
}

fn make_change(g: &Group, oo: &[Entry], no: &[Entry]) -> Change {
    let join = |o: &[Entry], idx: &[usize]| -> String {
        idx.iter()
            .map(|&i| o[i].text.as_str())
            .collect::<Vec<_>>()
            .join(&SEPARATOR.to_string())
    };
    let (old_text, new_text) = (join(oo, &g.old), join(no, &g.new));
    let (segs, ratio) = inline::inline(&old_text, &new_text);
    let kind = match g.link {
        Link::Unchanged { .. } => ChangeType::Unchanged,
        Link::Modified => ChangeType::Modified,
        Link::Moved => ChangeType::Moved,
        Link::Split => ChangeType::Split,
        Link::Merged => ChangeType::Merged,
        Link::Added => ChangeType::Added,
        Link::Deleted => ChangeType::Deleted,
    };
    let level = g
        .old
        .first()
        .map(|&i| oo[i].kind)
        .or_else(|| g.new.first().map(|&i| no[i].kind))
        .map_or("", Kind::name);
    Change {
        kind,
        level: level.to_string(),
        old: g.old.iter().map(|&i| oo[i].label.clone()).collect(),
        new: g.new.iter().map(|&i| no[i].label.clone()).collect(),
        similarity: match kind {
            ChangeType::Added | ChangeType::Deleted => None,
            // Three decimals: enough to rank, and stable in the JSON across platforms.
            _ => Some((ratio * 1000.0).round() / 1000.0),
        },
        inline: segs,
        moved: matches!(g.link, Link::Unchanged { moved: true }),
        formatting: kind == ChangeType::Unchanged && old_text != new_text,
        old_index: g.old.clone(),
        new_index: g.new.clone(),
    }
}

fn doc_info(doc: &Document, outline: &[Entry]) -> DocInfo {
    DocInfo {
        source: doc
            .id
            .rsplit_once('#')
            .map_or(doc.id.as_str(), |(s, _)| s)
            .to_string(),
        id: doc.id.clone(),
        title: doc.title.clone(),
        unit: unit_kind(doc).map(|k| k.name().to_string()),
        units: outline.iter().filter(|e| e.unit).count(),
        entries: outline.len(),
    }
}

/// The document of `extraction` to compare: the one with the most units (articles, or policy
/// items), the first of them on a tie; or the `doc`-th (1-based) when given.
pub fn main_document(extraction: &Extraction, doc: Option<usize>) -> Option<&Document> {
    match doc {
        Some(n) => extraction.documents.get(n.checked_sub(1)?),
        None => extraction
            .documents
            .iter()
            .rev()
            .max_by_key(|d| unit_count(d)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Node, Source};

    fn doc(index: usize, articles: usize) -> Document {
        Document {
            id: format!("a.txt#{index}"),
            index,
            title: None,
            meta: Default::default(),
            preamble: Some("新闻".into()),
            trailer: None,
            warnings: vec![],
            children: (1..=articles)
                .map(|n| Node {
                    id: format!("a{n}"),
                    kind: Kind::Article,
                    label: Some(format!("第{n}条")),
                    number: Some(n as u32),
                    sub_number: None,
                    heading: None,
                    heading_end: None,
                    text: Some(format!("条文{n}")),
                    children: vec![],
                })
                .collect(),
        }
    }

    #[test]
    fn the_main_document_has_the_most_articles_unless_one_is_named() {
        let ex = Extraction {
            schema: crate::model::SCHEMA.into(),
            source: Source {
                path: "a.txt".into(),
                encoding: "UTF-8".into(),
                sha256: String::new(),
            },
            documents: vec![doc(1, 0), doc(2, 2), doc(3, 3), doc(4, 3)],
        };
        let index = |d: Option<&Document>| d.map(|d| d.index);
        // The first of the two with three articles.
        assert_eq!(index(main_document(&ex, None)), Some(3));
        assert_eq!(index(main_document(&ex, Some(1))), Some(1));
        assert_eq!(index(main_document(&ex, Some(0))), None);
        assert_eq!(index(main_document(&ex, Some(5))), None);
    }
}
