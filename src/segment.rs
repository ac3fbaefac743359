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
    // Most files have no closing line: their paragraphs are not moved one by one. (No
    // paragraphs at all, as of a file that is only Markdown markup, make no document.)
    if !closing.contains(&true) && !paras.is_empty() {
        return split_restarts(paras);
    }
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
    out.into_iter().flat_map(split_restarts).collect()
}

/// Splits a run of paragraphs where a second law begins: a second `第一条` at the start of a
/// paragraph means the numbering of articles starts over, which within one law it never does.
/// The new document takes with it the header paragraphs just before it (its title, its dated
/// notes), back to the paragraph that ended the previous law's last sentence.
pub fn split_restarts(paras: Vec<Para>) -> Vec<Vec<Para>> {
    let firsts: Vec<usize> = paras
        .iter()
        .enumerate()
        .filter(|(_, p)| opens_first_article(&p.text))
        .map(|(i, _)| i)
        .collect();
    if firsts.len() < 2 {
        return vec![paras];
    }
    let mut cuts: Vec<usize> = Vec::new();
    for pair in firsts.windows(2) {
        let (previous, first) = (pair[0], pair[1]);
        let mut start = first;
        while start > previous + 1
            && first - start < HEADER_PARAS
            && is_header_para(&paras[start - 1].text)
        {
            start -= 1;
        }
        cuts.push(start);
    }
    let mut out = Vec::new();
    let mut rest = paras;
    for &cut in cuts.iter().rev() {
        let tail = rest.split_off(cut);
        out.push(tail);
    }
    out.push(rest);
    out.reverse();
    out
}

/// How many paragraphs before a law's 第一条 may be its header.
const HEADER_PARAS: usize = 8;

/// `第一条` opening a paragraph as a heading: followed by a space or the article's words, not by
/// the words of a citation (`第一条规定的…`, `第一条、第二条`).
fn opens_first_article(text: &str) -> bool {
    let Some(m) = crate::numbering::parse_marker(text) else {
        return false;
    };
    let after = &text[m.len..];
    m.kind == crate::model::Kind::Article
        && m.number == 1
        && m.sub.is_none()
        && !["的", "、", "，", "款", "项", "规定", "至", "和", "或"]
            .iter()
            .any(|w| after.starts_with(w))
}

/// A paragraph of a law's header: its title, a dated note (`（2024年2月27日…通过）`), a 目录
/// and its entries, the first chapter's heading — anything short that does not end a sentence,
/// a note in brackets, or a 编/章/节 heading.
fn is_header_para(text: &str) -> bool {
    is_title_like(text)
        || crate::layout::is_bracketed_note(text)
        || crate::numbering::parse_marker(text).is_some_and(|m| m.kind.is_structural())
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
    fn a_second_first_article_starts_a_second_law_with_its_header() {
        let docs = segment(paras(&[
            "甲法",
            "第一条 为了甲，制定本法。",
            "第二条 本法自公布之日起施行。",
            "乙条例",
            "（2024年1月1日通过）",
            "第一章 总则",
            "第一条 为了乙，制定本条例。",
            "第二条 依照本条例第一条的规定执行。",
        ]));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].len(), 3);
        assert_eq!(docs[1][0].text, "乙条例");
        assert_eq!(docs[1].len(), 5, "title, note, chapter, two articles");
    }

    #[test]
    fn a_citation_of_article_one_is_not_a_second_law() {
        let docs = segment(paras(&[
            "第一条 为了甲，制定本法。",
            "第二条 本法所称甲，是指：",
            "第一条规定的事项，由政府负责。",
        ]));
        assert_eq!(docs.len(), 1);
    }

    #[test]
    fn no_paragraphs_make_no_document() {
        // A file of only Markdown markup (`<!-- INFO END -->`) has none after normalising.
        assert!(segment(Vec::new()).is_empty());
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
