//! What is compared: a document's *outline*, the sequence of its headings and units in document
//! order.
//!
//! Units are the pieces a lawyer counts when comparing versions: the articles (第X条) of a law,
//! or, in a policy document without articles, the numbered items that carry its text. Headings
//! (编/章/节, and the numbered levels above the units of a policy document) are aligned on their
//! own so that a renamed chapter is reported as such instead of disturbing the articles under it.
//!
//! The outline is also what the round trip of [`super::apply()`] reproduces: [`outline_text`]
//! renders it one line per entry, `label + " " + text`.

use crate::model::{Document, Kind, Node};

/// One entry of a document's outline: a heading or a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    /// The marker as written (`第十条`, `第二章`, `（一）`); empty when the node has none.
    pub label: String,
    /// For a unit, its text and everything under it, with the labels of its children, each
    /// paragraph, item and sub-item on a line of its own (`unit_text`). For a heading, the
    /// heading and its own text, without the units under it.
    pub text: String,
    /// True for units, false for headings.
    pub unit: bool,
}

impl Entry {
    /// The entry as one line of [`outline_text`].
    pub fn line(&self) -> String {
        line(&self.label, &self.text)
    }
}

/// `label + " " + text`, or just the text when there is no label.
pub fn line(label: &str, text: &str) -> String {
    if label.is_empty() {
        text.to_string()
    } else {
        format!("{label} {text}")
    }
}

/// The kind of node that counts as a unit in `doc`: articles when there are any; otherwise the
/// deepest of division / item / subitem that still carries most of the text (a policy document
/// whose 一、 hold a sentence each and whose （一） hold the substance is compared item by item).
pub fn unit_kind(doc: &Document) -> Option<Kind> {
    if doc.articles().next().is_some() {
        return Some(Kind::Article);
    }
    let coverage = |kind: Kind| -> usize {
        let mut total = 0;
        for top in &doc.children {
            total += covered(top, kind);
        }
        total
    };
    let candidates = [Kind::Division, Kind::Item, Kind::Subitem];
    let best = candidates.iter().map(|&k| coverage(k)).max()?;
    if best == 0 {
        return None;
    }
    // Deepest level holding at least 60% of what the best level holds: deeper units give a
    // finer comparison, but a level that holds only a corner of the text would leave the rest in
    // headings.
    candidates
        .iter()
        .rev()
        .copied()
        .find(|&k| coverage(k) * 10 >= best * 6)
}

/// Characters of text held by the outermost nodes of `kind` under `node`.
fn covered(node: &Node, kind: Kind) -> usize {
    if node.kind == kind {
        return full_text_chars(node);
    }
    node.children.iter().map(|c| covered(c, kind)).sum()
}

/// `node.full_text().chars().count()`, without building the text: asked of every unit of every
/// document a run extracts.
fn full_text_chars(node: &Node) -> usize {
    let chars = |s: &Option<String>| s.as_deref().map_or(0, |s| s.chars().count());
    node.walk()
        .enumerate()
        .map(|(i, n)| {
            let label = if i > 0 { chars(&n.label) } else { 0 };
            label + chars(&n.heading) + chars(&n.heading_end) + chars(&n.text)
        })
        .sum()
}

/// The number of units of `doc` (its articles, or its policy units): the units of its
/// [`outline`], counted without building it. The outline stops at a unit and lists no unit
/// below a node it does not enter, so these are the outermost nodes of the unit kind.
pub fn unit_count(doc: &Document) -> usize {
    fn outermost(node: &Node, kind: Kind) -> usize {
        if node.kind == kind {
            return 1;
        }
        node.children.iter().map(|c| outermost(c, kind)).sum()
    }
    unit_kind(doc).map_or(0, |kind| {
        doc.children.iter().map(|c| outermost(c, kind)).sum()
    })
}

/// The outline of `doc`: headings and units in document order. Nodes above the units that are
/// not structural headings (a policy document's 一、 above its （一）) become headings too, so
/// that their own text is still compared.
pub fn outline(doc: &Document) -> Vec<Entry> {
    let mut out = Vec::new();
    if let Some(kind) = unit_kind(doc) {
        for node in &doc.children {
            collect(node, kind, &mut out);
        }
    }
    out
}

fn collect(node: &Node, unit: Kind, out: &mut Vec<Entry>) {
    let label = node.label.clone().unwrap_or_default();
    if node.kind == unit {
        out.push(Entry {
            kind: node.kind,
            label,
            text: unit_text(node),
            unit: true,
        });
        return;
    }
    // A node above the units (or beside them): its own words are a heading, its children are
    // visited. Unnumbered paragraphs beside the units have no label; their text is kept as a
    // heading of their parent's kind so nothing the document says is dropped from the outline.
    if node.label.is_some() || node.kind.is_structural() {
        let text = own_words(node);
        out.push(Entry {
            kind: node.kind,
            label,
            text,
            unit: false,
        });
        for child in &node.children {
            collect(child, unit, out);
        }
    } else if !contains_kind(node, unit) {
        out.push(Entry {
            kind: node.kind,
            label,
            text: unit_text(node),
            unit: false,
        });
    } else {
        for child in &node.children {
            collect(child, unit, out);
        }
    }
}

/// `node.full_text()` as a 对照表 shows it: each node under `node` that says something (a
/// paragraph, an item, a sub-item) on a line of its own, as the document prints them, so that a
/// reader of the report sees where a paragraph was added or cut.
pub fn unit_text(node: &Node) -> String {
    let mut out = String::new();
    for (i, n) in node.walk().enumerate() {
        let label = if i > 0 { n.label.as_deref() } else { None };
        let words = own_words(n);
        if label.is_none() && words.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(label.unwrap_or_default());
        out.push_str(&words);
    }
    out
}

/// A node's heading, heading end and text; a heading that stood on a line of its own (no stop
/// closed it) keeps its line (`总体要求` over `以…为指导`).
fn own_words(node: &Node) -> String {
    let mut out = String::new();
    if let Some(h) = &node.heading {
        out.push_str(h);
        match &node.heading_end {
            Some(end) => out.push_str(end),
            None if node.text.is_some() => out.push('\n'),
            None => {}
        }
    }
    if let Some(t) = &node.text {
        out.push_str(t);
    }
    out
}

fn contains_kind(node: &Node, kind: Kind) -> bool {
    node.walk().any(|n| n.kind == kind)
}

/// The outline rendered one entry per line (`label text`), joined with `\n`: the "text" that
/// [`super::apply()`] reproduces from OLD and a [`super::Diff`].
pub fn outline_text(doc: &Document) -> String {
    join_lines(outline(doc).iter().map(Entry::line))
}

pub(crate) fn join_lines(lines: impl Iterator<Item = String>) -> String {
    lines.collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_text;

    /// Documents with articles, with policy units at several depths, and with neither.
    const TEXTS: [&str; 4] = [
        "第一章 总则\n第一条 为了规范管理，制定本规定。\n第二条 本规定适用于：\n（一）机关；\n（二）团体。\n第二章 附则\n第三条 本规定自公布之日起施行。",
        "关于加强管理的意见\n一、总体要求\n（一）指导思想。坚持依法管理。\n（二）基本原则。\n1.坚持统筹。\n2.坚持协调。\n二、主要任务\n（三）健全制度。完善规则。",
        "关于开展检查的通知\n各单位：\n一、检查内容。包括制度执行情况。\n二、检查方式。采取自查和抽查。\n三、工作要求。请按时报送。",
        "一段没有编号的文字。\n又一段。",
    ];

    #[test]
    fn a_unit_shows_each_paragraph_and_item_on_a_line_of_its_own() {
        let docs = extract_text(TEXTS[0], "t.txt");
        let entries = outline(&docs[0]);
        let second = entries.iter().find(|e| e.label == "第二条").unwrap();
        assert_eq!(second.text, "本规定适用于：\n（一）机关；\n（二）团体。");
        // A heading on a line of its own keeps it; one closed by a stop runs into its text. (The
        // divisions carry this text: they are its units.)
        let docs = extract_text(
            "关于加强管理的意见\n一、总体要求\n坚持依法管理。\n二、主要任务\n（一）健全制度。完善规则。\n（二）加强监督。\n",
            "t.txt",
        );
        let entries = outline(&docs[0]);
        let texts: Vec<&str> = entries.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "总体要求\n坚持依法管理。",
                "主要任务\n（一）健全制度。完善规则。\n（二）加强监督。"
            ]
        );
    }

    #[test]
    fn unit_count_counts_the_units_of_the_outline() {
        for text in TEXTS {
            for doc in &extract_text(text, "t.txt") {
                let units = outline(doc).iter().filter(|e| e.unit).count();
                assert_eq!(unit_count(doc), units, "{text}");
            }
        }
    }

    #[test]
    fn full_text_chars_is_the_length_of_full_text() {
        for text in TEXTS {
            for doc in &extract_text(text, "t.txt") {
                for node in doc.nodes() {
                    assert_eq!(full_text_chars(node), node.full_text().chars().count());
                }
            }
        }
    }
}
