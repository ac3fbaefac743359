//! Shared by the diff tests: seed documents from `input/`, and revisions of them built in test
//! code by editing their outline (delete, insert, modify, move, split, merge articles).

#![allow(dead_code)]

use fatiao::diff::{outline, Entry};
use fatiao::{Document, Kind, Node};

/// The main document of a seed file, parsed by the real pipeline.
pub fn seed(file: &str, index: usize) -> Document {
    let path = format!("{}/input/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let docs = fatiao::extract_text(&text, file);
    docs.into_iter()
        .find(|d| d.index == index)
        .unwrap_or_else(|| panic!("{file} has no document {index}"))
}

/// 中华人民共和国保守国家秘密法: 65 articles in six chapters (parsed once per test binary).
pub fn secrets_law() -> Document {
    static LAW: std::sync::OnceLock<Document> = std::sync::OnceLock::new();
    let d = LAW.get_or_init(|| seed("003_9e439a833bd76b20.txt", 10));
    assert_eq!(
        d.articles().count(),
        65,
        "the seed law should have 65 articles"
    );
    d.clone()
}

/// A document whose outline is `entries`: each heading a top-level node holding the units that
/// follow it; each unit a node whose text is the entry's text (the diff compares
/// `Node::full_text`, which is then exactly that text).
pub fn build(id: &str, entries: &[Entry]) -> Document {
    let mut children: Vec<Node> = Vec::new();
    let mut open_heading = false;
    for (i, e) in entries.iter().enumerate() {
        let node = Node {
            id: format!("{id}/{i}"),
            kind: e.kind,
            label: (!e.label.is_empty()).then(|| e.label.clone()),
            number: None,
            sub_number: None,
            heading: None,
            heading_end: None,
            text: Some(e.text.clone()),
            children: vec![],
        };
        if e.unit && open_heading {
            children
                .last_mut()
                .expect("open heading")
                .children
                .push(node);
        } else {
            // An unlabelled paragraph closes the heading before it, so that the units after it
            // stay after it in the outline.
            open_heading = !e.unit && !e.label.is_empty();
            children.push(node);
        }
    }
    Document {
        id: format!("{id}#1"),
        index: 1,
        title: None,
        meta: Default::default(),
        preamble: None,
        trailer: None,
        warnings: vec![],
        children,
    }
}

/// An edit of a revision.
#[derive(Debug, Clone)]
pub enum Edit {
    Delete(usize),
    /// Insert, before unit `.0`, a new unit made from the text of unit `.1` read backwards (new
    /// text, with the length and characters of real text).
    Insert(usize, usize),
    /// Insert a clause in the middle of the unit.
    Modify(usize),
    /// Append a new sentence (a new paragraph) to the unit.
    Extend(usize),
    /// Move a unit to another place.
    Move(usize, usize),
    /// Split a unit in two at a sentence end near its middle.
    Split(usize),
    /// Merge a unit with the next one.
    Merge(usize),
    /// Rename a heading.
    Rename(usize),
}

/// Applies `edits` to the outline of `doc` (indices are taken modulo the number of units or
/// headings at the time), renumbers articles 第一条, 第二条, … as a legislature does, and returns
/// the outline of the revision.
pub fn revise(doc: &Document, edits: &[Edit]) -> Vec<Entry> {
    let mut e = outline(doc);
    let units = |e: &[Entry]| -> Vec<usize> { (0..e.len()).filter(|&i| e[i].unit).collect() };
    for edit in edits {
        let u = units(&e);
        if u.is_empty() {
            break;
        }
        let at = |i: usize| u[i % u.len()];
        match *edit {
            Edit::Delete(i) => {
                e.remove(at(i));
            }
            Edit::Insert(i, j) => {
                let mut new = e[at(j)].clone();
                new.text = new.text.chars().rev().collect();
                e.insert(at(i), new);
            }
            Edit::Modify(i) => {
                let t = &mut e[at(i)].text;
                let mid = t
                    .char_indices()
                    .nth(t.chars().count() / 2)
                    .map_or(t.len(), |(b, _)| b);
                t.insert_str(mid, "，并依法予以公开");
            }
            Edit::Extend(i) => e[at(i)]
                .text
                .push_str("国务院有关部门应当依照本法制定具体办法，报国务院批准后施行。"),
            Edit::Move(i, j) => {
                let item = e.remove(at(i));
                let u = units(&e);
                let to = if u.is_empty() {
                    e.len()
                } else {
                    u[j % u.len()]
                };
                e.insert(to, item);
            }
            Edit::Split(i) => {
                let k = at(i);
                if let Some(cut) = sentence_cut(&e[k].text) {
                    let mut second = e[k].clone();
                    second.text = e[k].text[cut..].to_string();
                    e[k].text.truncate(cut);
                    e.insert(k + 1, second);
                }
            }
            Edit::Merge(i) => {
                let k = at(i);
                if k + 1 < e.len() && e[k + 1].unit {
                    let next = e.remove(k + 1);
                    e[k].text.push_str(&next.text);
                }
            }
            Edit::Rename(i) => {
                let h: Vec<usize> = (0..e.len()).filter(|&i| !e[i].unit).collect();
                if !h.is_empty() {
                    e[h[i % h.len()]].text.push_str("和监督");
                }
            }
        }
    }
    let mut n = 0;
    for entry in e.iter_mut().filter(|x| x.kind == Kind::Article) {
        n += 1;
        entry.label = format!("第{}条", chinese(n));
    }
    e
}

/// The byte offset just after a 。 near the middle of `text`, when there is one that leaves
/// both halves non-empty.
fn sentence_cut(text: &str) -> Option<usize> {
    let mid = text.len() / 2;
    text.match_indices('。')
        .map(|(b, s)| b + s.len())
        .filter(|&b| b < text.len())
        .min_by_key(|&b| b.abs_diff(mid))
}

/// Chinese numerals as articles are numbered (1..=999).
pub fn chinese(n: usize) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (h, t, o) = (n / 100, n / 10 % 10, n % 10);
    let mut s = String::new();
    if h > 0 {
        s += D[h];
        s += "百";
    }
    if t > 0 {
        if !(h == 0 && t == 1) {
            s += D[t];
        }
        s += "十";
    } else if h > 0 && o > 0 {
        s += "零";
    }
    if o > 0 {
        s += D[o];
    }
    s
}
