//! A Markdown table of the changes (原文 | 修改后 | 变化), for review in a pull request or a
//! wiki. Deletions are ~~struck~~ and additions **bold**, as Markdown has no underline.

use super::{describe, side_entries, type_zh};
use crate::diff::{Diff, Op, Segment};
use std::fmt::Write;

/// Escapes text for a table cell: characters with a meaning in Markdown or HTML are escaped, and
/// line breaks become `<br>` so that a cell stays on its row.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '~' | '`' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\r' => {}
            '\n' => out.push_str("<br>"),
            _ => out.push(c),
        }
    }
    out
}

/// The changes of `diff` as a Markdown document: a summary line and a table.
pub fn render(diff: &Diff) -> String {
    let mut m = String::new();
    let name = |d: &crate::diff::DocInfo| d.title.clone().unwrap_or_else(|| d.source.clone());
    let _ = writeln!(m, "# 新旧对照表：{}\n", escape(&name(&diff.new)));
    let _ = writeln!(
        m,
        "原文：{}  \n修改后：{}\n",
        escape(&diff.old.source),
        escape(&diff.new.source)
    );
    let counts: Vec<String> = diff
        .summary
        .entries()
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(t, n)| format!("{} {n}", type_zh(*t)))
        .collect();
    let _ = writeln!(m, "条文：{}\n", counts.join("，"));
    m.push_str("| 原文 | 修改后 | 变化 |\n|---|---|---|\n");
    for c in &diff.changes {
        let _ = writeln!(
            m,
            "| {} | {} | {} |",
            cell(&c.old, &c.inline, Op::Delete, "~~"),
            cell(&c.new, &c.inline, Op::Insert, "**"),
            describe(c)
        );
    }
    m
}

fn cell(labels: &[String], segs: &[Segment], keep: Op, mark: &str) -> String {
    let mut out = Vec::new();
    for (label, segs) in side_entries(labels, segs, keep) {
        let mut s = if label.is_empty() {
            String::new()
        } else {
            format!("{} ", escape(label))
        };
        for (op, text) in segs {
            if op == Op::Equal {
                s.push_str(&escape(&text));
            } else {
                // Marked line by line: a strike or bold run does not reach over a `<br>`.
                let lines: Vec<String> = text
                    .split('\n')
                    .map(|line| match line {
                        "" => String::new(),
                        _ => format!("{mark}{}{mark}", escape(line)),
                    })
                    .collect();
                s.push_str(&lines.join("<br>"));
            }
        }
        out.push(s);
    }
    out.join("<br>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    #[test]
    fn every_change_is_one_table_row_and_pipes_are_escaped() {
        let diff = fixture::diff();
        let page = render(&diff);
        let rows: Vec<&str> = page.lines().filter(|l| l.starts_with("| ")).collect();
        // Header row plus one row per change.
        assert_eq!(rows.len(), diff.changes.len() + 1);
        for r in &rows {
            // Exactly the four separators of a three-column row; escaped pipes do not count.
            assert_eq!(r.replace("\\|", "").matches('|').count(), 4, "{r}");
        }
        assert!(page.contains("责令改正\\|给予警告"));
        // The split row shows both new articles in one cell.
        assert!(page.contains(
            "第四条 违反本条例规定的，由有关主管部门责令改正\\|给予警告**。**<br>第五条 情节严重的"
        ));
        assert!(!page.contains("<script>"));
    }
}
