//! Stage between layout and structure: one file's paragraphs → the paragraphs of each document.
//!
//! A file may hold several documents: a PDF compilation whose pieces each end with a
//! `发布时间：… 来源：…` line, or a newspaper page where a regulation is followed by unrelated
//! news. Two signals cut a file:
//! - **closing lines**: a short paragraph that states where or when a piece was published
//!   (`发布时间：2024-02-28`, `来源：新华社`) ends the document it follows;
//! - **what follows the body**: the structure stage reports paragraphs after a document's last
//!   numbered unit that read as prose or carry a numbering of their own (see
//!   [`crate::structure::Structured::tail`]); [`split_tail`] cuts them into documents at titles.

use crate::layout::Para;
use crate::structure::is_title_like;
use crate::text::{ends_with_stop, width_at_most};

/// Splits a file's paragraphs after each run of closing lines.
pub fn segment(paras: Vec<Para>) -> Vec<Vec<Para>> {
    let closing: Vec<bool> = paras.iter().map(|p| is_closing_line(&p.text)).collect();
    let n = paras.len();
    let mut out: Vec<Vec<Para>> = Vec::new();
    let mut current: Vec<Para> = Vec::new();
    for (i, p) in paras.into_iter().enumerate() {
        current.push(p);
        let closes = closing[i] && !closing.get(i + 1).copied().unwrap_or(false);
        // A closing line with nothing before it is a header, not the end of a document.
        if closes && current.len() > 1 && i + 1 < n {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// `发布时间：…`, `来源：…`, `（来源：…）`: a short line that states publication data.
pub fn is_closing_line(text: &str) -> bool {
    let t = text.trim_start_matches(['（', '(', '【', '[']);
    [
        "发布时间",
        "来源",
        "发布日期",
        "责任编辑",
        "稿件来源",
        "信息来源",
    ]
    .iter()
    .any(|k| t.starts_with(k) && t[k.len()..].starts_with([':', '：', ' ', '\u{3000}']))
        && width_at_most(text, 80)
}

/// Cuts the paragraphs that follow a document's body into documents: a new one starts at each
/// title-like paragraph that follows prose (a paragraph ending a sentence).
pub fn split_tail(tail: &[Para]) -> Vec<Vec<Para>> {
    let mut out: Vec<Vec<Para>> = Vec::new();
    let mut current: Vec<Para> = Vec::new();
    let mut seen_prose = false;
    for p in tail {
        let title = is_title_like(&p.text);
        if title && seen_prose && !current.is_empty() {
            out.push(std::mem::take(&mut current));
            seen_prose = false;
        }
        if ends_with_stop(&p.text) {
            // A paragraph that announces what follows (`全文如下。`) leads into it.
            seen_prose = !announces(&p.text);
        }
        current.push(p.clone());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// `……全文如下。`, `内容如下：`: the next paragraphs are a text this one introduces.
fn announces(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| crate::text::is_stop(c) || crate::text::is_closing(c));
    t.ends_with("如下")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(texts: &[&str]) -> Vec<Para> {
        texts
            .iter()
            .map(|t| Para {
                text: t.to_string(),
                md_heading: false,
                ..Default::default()
            })
            .collect()
    }

    #[test]
    fn closing_lines_end_documents() {
        let p = paras(&[
            "标题甲",
            "一、内容。",
            "发布时间：2024-01-01",
            "来源：新华社",
            "标题乙",
            "一、内容。",
            "发布时间：2024-02-01",
        ]);
        let docs = segment(p);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].len(), 4);
        assert_eq!(docs[1][0].text, "标题乙");
    }

    #[test]
    fn a_leading_source_line_does_not_split() {
        let docs = segment(paras(&["来源：人民日报", "标题", "正文。"]));
        assert_eq!(docs.len(), 1);
    }

    #[test]
    fn closing_line_recognition() {
        assert!(is_closing_line("发布时间：2024-03-01 来源：人民网"));
        assert!(is_closing_line("（来源：新华社）"));
        assert!(!is_closing_line("来源于群众的意见应当认真研究。"));
    }

    #[test]
    fn tail_splits_at_titles_after_prose() {
        let docs = split_tail(&paras(&[
            "新闻一标题",
            "这是第一篇新闻的正文，讲述了一件事。",
            "新闻二标题",
            "这是第二篇新闻的正文。",
        ]));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1][0].text, "新闻二标题");
    }

    #[test]
    fn an_announced_text_stays_with_its_announcement() {
        let docs = split_tail(&paras(&[
            "中共中央印发《规划纲要》",
            "近日，中共中央印发了《规划纲要》，并发出通知。",
            "《规划纲要》全文如下。",
            "规划纲要",
            "正文。",
        ]));
        assert_eq!(docs.len(), 1);
    }
}
