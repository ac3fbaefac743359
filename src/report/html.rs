//! The HTML 新旧对照表: one self-contained page (inline CSS, no script, no external resource)
//! that opens offline, as legislatures publish with a revision: old text | new text | change,
//! deletions struck through, additions underlined, the summary at the top.
//!
//! Every piece of document text goes through [`escape`]: the documents come from the web and a
//! report must not run what they contain.

use super::{describe, side_entries, type_zh};
use crate::diff::{Change, Diff, DocInfo, Op, Segment};
use std::fmt::Write;

const STYLE: &str =
    "body{font-family:'Noto Serif CJK SC','Songti SC',SimSun,serif;margin:2em;line-height:1.7}\
table{border-collapse:collapse;width:100%;table-layout:fixed}\
th,td{border:1px solid #999;padding:.4em .6em;vertical-align:top}\
th{background:#eee}td.change{width:7em;text-align:center}\
del{color:#b00;text-decoration:line-through}ins{color:#060;text-decoration:underline}\
tr.unchanged td{color:#555}tr.heading td{font-weight:bold;background:#f7f7f7}\
.label{font-weight:bold;margin-right:.5em}\
table.summary{width:auto}table.summary td{text-align:right}";

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The 新旧对照表 of `diff` as a complete HTML document.
pub fn render(diff: &Diff) -> String {
    let title = format!("新旧对照表：{}", doc_name(&diff.new));
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        escape(&title),
        escape(&title)
    );
    let _ = writeln!(
        h,
        "<p>原文：{}<br>修改后：{}</p>",
        escape(&doc_name(&diff.old)),
        escape(&doc_name(&diff.new))
    );
    h.push_str("<table class=\"summary\">\n<tr><th></th><th>条文</th><th>章节标题</th></tr>\n");
    for ((t, units), (_, headings)) in diff
        .summary
        .entries()
        .into_iter()
        .zip(diff.heading_summary.entries())
    {
        let _ = writeln!(
            h,
            "<tr><th>{}</th><td>{units}</td><td>{headings}</td></tr>",
            type_zh(t)
        );
    }
    h.push_str(
        "</table>\n<table>\n<tr><th>原文</th><th>修改后</th><th class=\"change\">变化</th></tr>\n",
    );
    for c in &diff.changes {
        row(&mut h, c, diff);
    }
    h.push_str("</table>\n</body>\n</html>\n");
    h
}

fn doc_name(d: &DocInfo) -> String {
    match &d.title {
        Some(t) => format!("{t}（{}）", d.source),
        None => d.source.clone(),
    }
}

fn row(h: &mut String, c: &Change, diff: &Diff) {
    let is_unit = [&diff.old.unit, &diff.new.unit]
        .iter()
        .any(|u| u.as_deref() == Some(c.level.as_str()));
    // Units carry their change type (unchanged rows are greyed); headings stand out; the
    // unnumbered paragraphs between the items of a policy document are plain text.
    let class = match c.level.as_str() {
        _ if is_unit => c.kind.name(),
        "paragraph" => "text",
        _ => "heading",
    };
    let _ = write!(h, "<tr class=\"{}\"><td>", escape(class));
    cell(h, &c.old, &c.inline, Op::Delete, "del");
    h.push_str("</td><td>");
    cell(h, &c.new, &c.inline, Op::Insert, "ins");
    let _ = write!(h, "</td><td class=\"change\">{}", escape(&describe(c)));
    h.push_str("</td></tr>\n");
}

/// One side of a row: each entry on its own line, its label in bold, the runs that only this
/// side has wrapped in `tag`.
fn cell(h: &mut String, labels: &[String], segs: &[Segment], keep: Op, tag: &str) {
    for (i, (label, segs)) in side_entries(labels, segs, keep).into_iter().enumerate() {
        if i > 0 {
            h.push_str("<br>");
        }
        if !label.is_empty() {
            let _ = write!(h, "<span class=\"label\">{}</span>", escape(label));
        }
        for (op, text) in segs {
            // Line breaks inside an entry (the paragraphs of a policy item) stay visible.
            let text = escape(&text).replace('\n', "<br>");
            if op == Op::Equal {
                h.push_str(&text);
            } else {
                let _ = write!(h, "<{tag}>{text}</{tag}>");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    #[test]
    fn document_text_is_escaped_everywhere() {
        let page = render(&fixture::diff());
        assert!(!page.contains("<script>"), "raw <script> in the page");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("A&amp;B"));
        assert!(!page.contains("A&B"));
        // The title 示例<法> too.
        assert!(page.contains("示例&lt;法&gt;"));
    }

    #[test]
    fn self_contained_with_deletions_struck_and_additions_underlined() {
        let page = render(&fixture::diff());
        for external in ["<link", "src=", "http://", "https://", "@import"] {
            assert!(!page.contains(external), "{external} in the page");
        }
        assert!(page.contains("<ins>恶意</ins>"));
        assert!(page.contains("<del>监督管理</del>"));
        assert!(page.contains("<ins>法律责任</ins>"));
        assert!(page.contains("text-decoration:underline"));
        // The summary comes before the table of changes.
        let summary = page.find("class=\"summary\"").unwrap();
        assert!(summary < page.find("<th>原文</th>").unwrap());
    }
}
