//! Renders a [`Diff`] for people and spreadsheets: JSON (the `fatiao.diff/1` contract), CSV (a
//! row per change), an HTML 新旧对照表 and a Markdown table.
//!
//! Every format is a pure function of the diff; writing files is left to [`write_atomic`], so a
//! crash never leaves half a report where a previous good one stood.

pub mod csv;
pub mod html;
pub mod md;

use crate::batch::atomic::AtomicFile;
use crate::diff::{Change, ChangeType, Diff, Op, Segment, SEPARATOR};
use anyhow::Context;
use std::io::Write;
use std::path::Path;

/// An output format of `fatiao diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
    Html,
    Md,
}

/// The diff in `format`.
pub fn render(diff: &Diff, format: Format) -> String {
    match format {
        // The conventions of every JSON output (pretty, newline-terminated). A Diff is plain
        // data (strings, numbers, vectors): serialising it cannot fail.
        Format::Json => crate::emit::json::to_json(diff)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .unwrap_or_default(),
        Format::Csv => csv::render(diff),
        Format::Html => html::render(diff),
        Format::Md => md::render(diff),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same directory, renamed into place
/// (the batch's [`AtomicFile`]). Errors name the file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut file =
        AtomicFile::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    file.writer()
        .write_all(bytes)
        .and_then(|()| file.commit())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// The change type as a Chinese 对照表 says it.
pub(crate) fn type_zh(t: ChangeType) -> &'static str {
    match t {
        ChangeType::Unchanged => "未修改",
        ChangeType::Modified => "修改",
        ChangeType::Added => "新增",
        ChangeType::Deleted => "删除",
        ChangeType::Moved => "移动并修改",
        ChangeType::Split => "拆分",
        ChangeType::Merged => "合并",
    }
}

/// The change column of a 对照表: the type in Chinese, with the similarity of a changed text and
/// the notes a reader needs (`未修改（位置调整）`, `未修改（编号调整）`).
pub(crate) fn describe(c: &Change) -> String {
    let mut notes = Vec::new();
    if c.moved {
        notes.push("位置调整".to_string());
    } else if renumbered(c) {
        // An article that kept its place among its neighbours but not its number (one was
        // inserted or deleted before it): the reader of a 修改对照表 is told, not left to compare
        // the labels of every row.
        notes.push("编号调整".to_string());
    }
    if c.formatting {
        notes.push("仅空白或全角、半角不同".to_string());
    }
    if let (Some(s), false) = (c.similarity, c.kind == ChangeType::Unchanged) {
        notes.push(format!("相似度{:.0}%", s * 100.0));
    }
    if notes.is_empty() {
        type_zh(c.kind).to_string()
    } else {
        format!("{}（{}）", type_zh(c.kind), notes.join("，"))
    }
}

/// One entry on each side, numbered differently (`第十条` → `第十一条`, `（四）` → `（五）`).
fn renumbered(c: &Change) -> bool {
    matches!((c.old.as_slice(), c.new.as_slice()), ([old], [new]) if old != new)
}

/// One side of a change, entry by entry: `(label, segments)`, the segments being the inline runs
/// that belong to that side (`=` and `-` for old, `=` and `+` for new), cut at the separator that
/// joins the entries of a split or merged side.
pub(crate) fn side_entries<'a>(
    labels: &'a [String],
    segs: &[Segment],
    keep: Op,
) -> Vec<(&'a str, Vec<Segment>)> {
    if labels.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<Vec<Segment>> = vec![Vec::new()];
    for (op, text) in segs
        .iter()
        .filter(|(op, _)| *op == Op::Equal || *op == keep)
    {
        for (i, piece) in text.split(SEPARATOR).enumerate() {
            if i > 0 {
                out.push(Vec::new());
            }
            match out.last_mut() {
                Some(entry) if !piece.is_empty() => entry.push((*op, piece.to_string())),
                _ => {}
            }
        }
    }
    labels
        .iter()
        .map(String::as_str)
        .zip(out.into_iter().chain(std::iter::repeat(Vec::new())))
        .collect()
}

/// One side as plain text: `label text` per entry, one entry per line.
pub(crate) fn side_text(labels: &[String], segs: &[Segment], keep: Op) -> String {
    side_entries(labels, segs, keep)
        .into_iter()
        .map(|(label, segs)| {
            let text: String = segs.iter().map(|(_, t)| t.as_str()).collect();
            crate::diff::line(label, &text)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A small diff with every change type and hostile text, shared by the format tests.
    use crate::diff::{diff_documents, Diff};
    use crate::model::{Document, Kind, Node};

    fn node(
        kind: Kind,
        label: &str,
        heading: Option<&str>,
        text: Option<&str>,
        children: Vec<Node>,
    ) -> Node {
        Node {
            id: label.into(),
            kind,
            label: Some(label.into()),
            number: None,
            sub_number: None,
            heading: heading.map(Into::into),
            heading_end: None,
            text: text.map(Into::into),
            children,
        }
    }

    fn doc(chapters: Vec<Node>) -> Document {
        Document {
            id: "law.txt#1".into(),
            index: 1,
            title: Some("示例<法>".into()),
            meta: Default::default(),
            preamble: None,
            trailer: None,
            warnings: vec![],
            children: chapters,
        }
    }

    pub const SCRIPT: &str =
        "任何单位不得在网页中插入<script>alert(1)</script>代码，违者依照A&B条款处理。";

    pub fn diff() -> Diff {
        let a = |l: &str, t: &str| node(Kind::Article, l, None, Some(t), vec![]);
        let old = doc(vec![
            node(Kind::Chapter, "第一章", Some("总则"), None, vec![
                a("第一条", "为了规范网络信息服务，保护公民合法权益，制定本条例。"),
                a("第二条", SCRIPT),
                a("第三条", "本条例所称网络信息服务，是指通过互联网向用户提供信息的服务活动。"),
            ]),
            node(Kind::Chapter, "第二章", Some("监督管理"), None, vec![
                a("第四条", "违反本条例规定的，由有关主管部门责令改正|给予警告；情节严重的，处一万元以下罚款，并由公安机关依法处理。"),
            ]),
        ]);
        let new = doc(vec![
            node(
                Kind::Chapter,
                "第一章",
                Some("总则"),
                None,
                vec![
                    a(
                        "第一条",
                        "为了规范网络信息服务，保护公民合法权益，制定本条例。",
                    ),
                    a("第二条", "网络信息服务坚持中国共产党的领导。"),
                    a("第三条", SCRIPT.replace("代码", "恶意代码").as_str()),
                ],
            ),
            node(
                Kind::Chapter,
                "第二章",
                Some("法律责任"),
                None,
                vec![
                    a(
                        "第四条",
                        "违反本条例规定的，由有关主管部门责令改正|给予警告。",
                    ),
                    a(
                        "第五条",
                        "情节严重的，处一万元以下罚款，并由公安机关依法处理。",
                    ),
                ],
            ),
        ]);
        diff_documents(&old, &new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::Op;

    fn change(kind: ChangeType, old: &str, new: &str, similarity: f64) -> Change {
        Change {
            kind,
            level: "article".into(),
            old: vec![old.into()],
            new: vec![new.into()],
            similarity: Some(similarity),
            inline: vec![(Op::Equal, "甲。".into())],
            moved: false,
            formatting: false,
            old_index: vec![0],
            new_index: vec![0],
        }
    }

    #[test]
    fn a_renumbered_entry_says_so() {
        let c = change(ChangeType::Unchanged, "第十条", "第十一条", 1.0);
        assert_eq!(describe(&c), "未修改（编号调整）");
        let c = change(ChangeType::Modified, "（四）", "（五）", 0.9);
        assert_eq!(describe(&c), "修改（编号调整，相似度90%）");
        // Same number: nothing to say; moved: the move says it.
        let c = change(ChangeType::Unchanged, "第十条", "第十条", 1.0);
        assert_eq!(describe(&c), "未修改");
        let mut c = change(ChangeType::Unchanged, "第十条", "第二十条", 1.0);
        c.moved = true;
        assert_eq!(describe(&c), "未修改（位置调整）");
    }
}
