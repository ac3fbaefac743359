//! The right answer for one corpus file, read out of its clean Markdown by rules of this check's
//! own (the corpus README's), never by fatiao's parser: a measuring instrument that shared the
//! parser's code would share its mistakes and report them as right.
//!
//! - The header is everything before `<!-- INFO END -->`: the `# ` title and the dated events
//!   (a date followed, before the next date, by 通过/修订/修正/公布/施行; a header line that
//!   does not start with a date is the wrapped rest of the one above).
//! - Numbered 编/分编/章/节 heading lines (with `#` marks or bare) are the headings.
//! - After it, a line that starts with `第X条` or `第X条之Y` (Chinese numerals) and a space
//!   starts an article; its text is its lines, label removed, up to the next article or
//!   Markdown heading (`#…`) — or a bare heading line: the README promises Markdown headings
//!   for 编/章/节, but some files write `第五章法律责任`, `附 则` (a chapter without its label)
//!   or `附：` (an attachment follows) bare, and a truth that glued them onto the article before
//!   would count the parser wrong for being right.
//! - Two files glue an article onto the end of the one before (`…制定。第四十二条本条例…`).
//!   An article label right after a sentence end that numbers the *next* article, and that no
//!   line starts with, is split off as that article: the document has it, so a user gets it.

use chinese_number::{ChineseCountMethod, ChineseToNumber};
use regex::Regex;
use std::sync::LazyLock;

const INFO_END: &str = "<!-- INFO END -->";

/// The words that make a dated header entry an event the check counts.
const EVENT_WORDS: [&str; 5] = ["通过", "修订", "修正", "公布", "施行"];

static COMMENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").unwrap());
static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(第[零〇一二三四五六七八九十百千]+条(?:之[零〇一二三四五六七八九十]+)?)(?:[ \t\u{3000}]+(.*))?$")
        .unwrap()
});
/// An article label after a sentence end, inside a line.
static GLUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[。；][ \t\u{3000}]*(第([零〇一二三四五六七八九十百千]+)条)").unwrap()
});
static BARE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:第[零〇一二三四五六七八九十百千]+(?:编|分编|章|节)[^。；，：]{0,30}|附[ \u{3000}]*则|附[：:][^。；，]{0,30})$")
        .unwrap()
});
/// A numbered 编/分编/章/节 heading, `#` marks aside: its label and its title.
static NUMBERED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^#*[ \t]*(第[零〇一二三四五六七八九十百千]+(?:编|分编|章|节))[ \t\u{3000}]*(.*)$")
        .unwrap()
});
static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日").unwrap());
static ENTRY_START: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[（(]?[0-9]{4}年").unwrap());
/// An item label (`（一）`, `(一)`, brackets of either width) at the start of a line: the
/// corpus writes each 项 on a line of its own, so the line starts are the article's items.
static ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[（(]([一二三四五六七八九十]{1,3})[）)]").unwrap());

/// What a corpus file says its content is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Truth {
    /// The text of the `# ` line.
    pub title: Option<String>,
    /// ISO dates (`YYYY-MM-DD`) of the header's events, in order.
    pub event_dates: Vec<String>,
    pub articles: Vec<Article>,
    /// The numbered 编/分编/章/节 headings of the body, in order.
    pub headings: Vec<Heading>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// `第一章`.
    pub label: String,
    /// `总则`.
    pub title: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// `第十条`, `第十条之一`.
    pub label: String,
    /// The article's lines without the label, joined with `\n`.
    pub text: String,
}

/// Reads the truth out of the Markdown text of a corpus file.
pub fn read(md: &str) -> Truth {
    let (header, body) = md.split_once(INFO_END).unwrap_or(("", md));
    let header = COMMENT.replace_all(header, "");
    let body = COMMENT.replace_all(body, "");
    let (articles, headings) = read_body(&body);
    let title = header
        .lines()
        .chain(body.lines())
        .find_map(|l| l.strip_prefix("# ").map(|t| t.trim().to_string()));
    Truth {
        title,
        event_dates: header_events(&header),
        articles: split_glued(articles),
        headings,
    }
}

/// The dates of the header's events. A header entry starts with a date (`2010年4月29日 …`,
/// sometimes in brackets); a line that does not is the wrapped rest of the entry above it
/// (`的决定》修正`), so entries are joined before reading. Within an entry each date opens a
/// segment up to the next date, and a segment that holds an event word is one event.
fn header_events(header: &str) -> Vec<String> {
    let mut entries: Vec<String> = Vec::new();
    for line in header.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match entries.last_mut() {
            Some(last) if !ENTRY_START.is_match(line) => last.push_str(line),
            _ => entries.push(line.to_string()),
        }
    }
    let mut dates = Vec::new();
    for entry in &entries {
        let found: Vec<_> = DATE.captures_iter(entry).collect();
        for (i, cap) in found.iter().enumerate() {
            let start = cap.get(0).map_or(0, |m| m.start());
            let end = found
                .get(i + 1)
                .and_then(|next| next.get(0))
                .map_or(entry.len(), |m| m.start());
            if EVENT_WORDS.iter().any(|w| entry[start..end].contains(w)) {
                dates.push(format!("{}-{:0>2}-{:0>2}", &cap[1], &cap[2], &cap[3]));
            }
        }
    }
    dates
}

/// The articles and the numbered headings of the body, in order.
fn read_body(body: &str) -> (Vec<Article>, Vec<Heading>) {
    let mut articles: Vec<Article> = Vec::new();
    let mut headings = Vec::new();
    let mut open = false;
    for line in body.lines() {
        let line = line.trim_end();
        if let Some(cap) = ARTICLE.captures(line) {
            articles.push(Article {
                label: cap[1].to_string(),
                text: cap.get(2).map_or("", |m| m.as_str()).trim().to_string(),
            });
            open = true;
        } else if line.trim_start().starts_with('#') || BARE_HEADING.is_match(line.trim()) {
            open = false;
            if let Some(cap) = NUMBERED_HEADING.captures(line.trim()) {
                headings.push(Heading {
                    label: cap[1].to_string(),
                    title: cap[2].trim().to_string(),
                });
            }
        } else if let Some(article) = articles.last_mut().filter(|_| open) {
            let line = line.trim();
            if !line.is_empty() {
                if !article.text.is_empty() {
                    article.text.push('\n');
                }
                article.text.push_str(line);
            }
        }
    }
    (articles, headings)
}

/// Splits off articles glued onto the end of the one before (see the module doc).
fn split_glued(articles: Vec<Article>) -> Vec<Article> {
    let line_start: std::collections::HashSet<String> =
        articles.iter().map(|a| a.label.clone()).collect();
    let mut out: Vec<Article> = Vec::with_capacity(articles.len());
    for article in articles {
        let mut current = article;
        loop {
            let next = number_of(&current.label).map(|n| n + 1);
            let glued = GLUED
                .captures_iter(&current.text)
                .find(|c| next.is_some() && numeral(&c[2]) == next && !line_start.contains(&c[1]));
            let Some(cap) = glued else { break };
            let (label, start) = (cap[1].to_string(), cap.get(1).map_or(0, |m| m.start()));
            let rest = current.text[start + label.len()..].trim().to_string();
            current.text.truncate(start);
            current.text = current.text.trim_end().to_string();
            out.push(std::mem::replace(
                &mut current,
                Article { label, text: rest },
            ));
        }
        out.push(current);
    }
    out
}

impl Article {
    /// The pieces the article's text is cut into: its lines, each a paragraph (款), an item
    /// (`（一）…`) or a sub-item (`1. …`), since the corpus gives each its own line. Where the cuts
    /// fall is what the output's tree must reproduce (see `compare::compare_paragraphs`); the
    /// reader does not tell the three apart, so an item the parser took for a paragraph, or the
    /// other way round, is no difference here (the item numbers are measured by [`Self::items`]).
    pub fn pieces(&self) -> Vec<&str> {
        self.text.lines().collect()
    }

    /// The numbers of the article's items (项), in order: its lines that start with an item
    /// label. A label inside a line (`…下列情形：（一）…`) is not counted: the corpus almost
    /// always breaks the line before an item, and a reader that looked inside lines would have
    /// to tell items from references (`依照第（三）项`) the way the parser does. The few files
    /// that run items on in one line show up as `items` differences where fatiao is right.
    pub fn items(&self) -> Vec<u32> {
        self.text
            .lines()
            .filter_map(|l| ITEM.captures(l))
            .filter_map(|c| numeral(&c[1]).filter(|n| (1..100).contains(n)))
            .collect()
    }
}

impl Truth {
    /// Articles numbered 1..N without a gap, each 之Y right after its base (之一, 之二 …). The
    /// corpus README counts 631 such files by line starts; the check prints its own count next
    /// to that, a test of this reader on the real corpus at every run.
    pub fn numbered_without_gap(&self) -> bool {
        let mut expect = (1, 0);
        for a in &self.articles {
            let (n, sub) = (number_of(&a.label), sub_number_of(&a.label));
            expect = match (n, sub) {
                (Some(n), None) if n == expect.0 => (n + 1, 0),
                (Some(n), Some(s)) if n + 1 == expect.0 && s == expect.1 + 1 => (expect.0, s),
                _ => return false,
            };
        }
        !self.articles.is_empty()
    }
}

/// The X of `第X条` or `第X条之Y`.
fn number_of(label: &str) -> Option<u32> {
    let inner = label.strip_prefix('第')?.split('条').next()?;
    numeral(inner)
}

/// The Y of `第X条之Y`.
fn sub_number_of(label: &str) -> Option<u32> {
    numeral(label.split_once('之')?.1)
}

fn numeral(s: &str) -> Option<u32> {
    // 〇 is how some texts write the zero of 一百〇七; the crate reads 零.
    s.replace('〇', "零")
        .to_number(ChineseCountMethod::TenThousand)
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAW: &str = "# 中华人民共和国某某法

1989年4月4日 第七届全国人民代表大会第二次会议通过

2021年3月11日 第十三届全国人民代表大会第四次会议《关于修改〈中华人民共和国某某法〉

第三十一条的决定》修正

2021年3月12日 第十三届全国人民代表大会第四次会议批准

<!-- INFO END -->

## 第一章 总则

第一条 为了规范某某，制定本法。

第一条之一 本法所称某某，是指：

（一）甲；

（二）乙。
<!-- FORCE BREAK -->
## 第二章 附则

第二条　本法自公布之日起施行。
";

    #[test]
    fn reads_title_and_articles_with_their_paragraphs() {
        let t = read(LAW);
        assert_eq!(t.title.as_deref(), Some("中华人民共和国某某法"));
        let labels: Vec<_> = t.articles.iter().map(|a| a.label.as_str()).collect();
        assert_eq!(labels, ["第一条", "第一条之一", "第二条"]);
        let headings: Vec<_> = t
            .headings
            .iter()
            .map(|h| (h.label.as_str(), h.title.as_str()))
            .collect();
        assert_eq!(headings, [("第一章", "总则"), ("第二章", "附则")]);
        assert_eq!(
            t.articles[1].text,
            "本法所称某某，是指：\n（一）甲；\n（二）乙。"
        );
        // The ideographic space after a label separates it like an ASCII one.
        assert_eq!(t.articles[2].text, "本法自公布之日起施行。");
    }

    #[test]
    fn a_wrapped_header_line_starting_with_an_article_reference_is_not_an_article() {
        let t = read(LAW);
        assert!(t.articles.iter().all(|a| a.label != "第三十一条"));
    }

    #[test]
    fn header_events_join_wrapped_entries_and_skip_dates_without_an_event_word() {
        // The second entry's event word (修正) stands on the wrapped line; 批准 is not counted.
        assert_eq!(read(LAW).event_dates, ["1989-04-04", "2021-03-11"]);
    }

    #[test]
    fn one_header_entry_can_hold_several_events() {
        let md = "# 某条例\n\n2004年7月29日 某会议第一次修正  2010年6月2日某会议修订  根据\n\n<!-- INFO END -->\n";
        assert_eq!(read(md).event_dates, ["2004-07-29", "2010-06-02"]);
    }

    #[test]
    fn a_heading_ends_an_article_and_a_reference_inside_a_line_starts_none() {
        let md = "# 某法\n<!-- INFO END -->\n第一条 甲。\n## 附件\n附件文字\n依照第二条 规定。\n";
        let t = read(md);
        assert_eq!(t.articles.len(), 1);
        assert_eq!(t.articles[0].text, "甲。");
    }

    #[test]
    fn a_bare_heading_or_attachment_line_ends_an_article_but_a_sentence_starting_so_does_not() {
        let md = "# 某法\n<!-- INFO END -->\n第一条 甲。\n第二章法律责任\n第二条 乙。\n第三章规定的事项，依照本法。\n附 则\n第三条 丙。\n附：\n税目税额表\n";
        let t = read(md);
        assert_eq!(t.articles[0].text, "甲。");
        assert_eq!(t.articles[1].text, "乙。\n第三章规定的事项，依照本法。");
        // An attachment after the last article is no part of it.
        assert_eq!(t.articles[2].text, "丙。");
    }

    #[test]
    fn an_article_glued_onto_the_one_before_is_split_off() {
        let md = "# 某法\n<!-- INFO END -->\n第四十一条 由市人民政府制定。第四十二条本条例自2021年1月1日起施行。\n";
        let labels: Vec<_> = read(md)
            .articles
            .into_iter()
            .map(|a| (a.label, a.text))
            .collect();
        assert_eq!(
            labels,
            [
                ("第四十一条".to_string(), "由市人民政府制定。".to_string()),
                (
                    "第四十二条".to_string(),
                    "本条例自2021年1月1日起施行。".to_string()
                )
            ]
        );
    }

    #[test]
    fn a_reference_to_an_article_that_starts_its_own_line_is_not_split_off() {
        // 第二条 stands on its own line below, so the sentence in 第一条 refers to it.
        let md = "# 某法\n<!-- INFO END -->\n第一条 甲。第二条规定的情形除外。\n第二条 乙。\n";
        let t = read(md);
        assert_eq!(t.articles.len(), 2);
        assert_eq!(t.articles[0].text, "甲。第二条规定的情形除外。");
        // Nor is a label that does not number the next article.
        let md = "# 某法\n<!-- INFO END -->\n第一条 甲。第九条另有规定的除外。\n";
        assert_eq!(read(md).articles.len(), 1);
    }

    #[test]
    fn numbering_without_gap_allows_zhi_articles_right_after_their_base_only() {
        let with = |labels: &[&str]| Truth {
            articles: labels
                .iter()
                .map(|l| Article {
                    label: l.to_string(),
                    text: String::new(),
                })
                .collect(),
            ..Truth::default()
        };
        assert!(
            with(&["第一条", "第二条", "第二条之一", "第二条之二", "第三条"])
                .numbered_without_gap()
        );
        assert!(!with(&["第一条", "第三条"]).numbered_without_gap());
        assert!(!with(&["第二条", "第三条"]).numbered_without_gap());
        assert!(!with(&["第一条", "第一条之二"]).numbered_without_gap());
        assert!(!with(&[]).numbered_without_gap());
    }

    #[test]
    fn numerals_read_as_legal_texts_write_them() {
        assert_eq!(numeral("十二"), Some(12));
        assert_eq!(numeral("一百零七"), Some(107));
        assert_eq!(numeral("一百〇七"), Some(107));
        assert_eq!(number_of("第一千二百六十条之一"), Some(1260));
    }

    #[test]
    fn items_are_the_lines_starting_with_an_item_label_in_either_width() {
        let t = read(LAW);
        assert_eq!(t.articles[1].items(), [1, 2]);
        assert!(t.articles[0].items().is_empty());
        let article = |text: &str| Article {
            label: "第三条".into(),
            text: text.into(),
        };
        let a = article(
            "有下列情形之一的：\n(一)甲；\n（二)乙；\n（十一）丙；\n第（三）项规定的除外。",
        );
        assert_eq!(a.items(), [1, 2, 11]);
        // A label inside a line, or a point （1）, is no item.
        assert!(article("有下列情形：（一）甲；（二）乙。\n（1）丙。")
            .items()
            .is_empty());
    }

    #[test]
    fn pieces_are_the_article_lines_with_the_label_line_first_and_blank_lines_skipped() {
        let md = "# 某法\n<!-- INFO END -->\n第一条 甲。\n\n乙：\n（一）丙；\n1. 丁。\n\n第二条\n戊。\n<!-- FORCE BREAK -->\n己。\n";
        let t = read(md);
        assert_eq!(
            t.articles[0].pieces(),
            ["甲。", "乙：", "（一）丙；", "1. 丁。"]
        );
        // A label on a line of its own opens no empty piece; a comment line cuts nothing.
        assert_eq!(t.articles[1].pieces(), ["戊。", "己。"]);
    }

    #[test]
    fn a_file_without_articles_has_none() {
        let md = "# 某解释\n<!-- INFO END -->\n一、为了正确审理……\n二、本解释自公布之日起施行。\n";
        assert!(read(md).articles.is_empty());
    }
}
