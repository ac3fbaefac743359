//! Page furniture: page numbers (`- 3 -`, `第 3 页`, `3/40`) and running heads (the title
//! repeated at the top of every page) that PDF text puts between the lines of a paragraph, and
//! the links that a copy of a web page leaves on lines of their own.
//!
//! They are not part of any paragraph, so they are taken out of the flow before reflow joins
//! the lines around them. Nothing is dropped: each piece travels with the line after it
//! ([`crate::normalise::Line::set_aside`]) and ends up in a `page_furniture` warning of its
//! document, with the text as the warning's location.

use crate::model::Kind;
use crate::normalise::Line;
use crate::numbering::parse_marker;
use crate::text::{ends_with_stop, width_at_most};
use regex::Regex;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A line that is only a page number: `3`, `- 3 -`, `— 3 —`, `第3页`, `第 3 页 共 40 页`,
/// `3/40`, `Page 3`.
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^
        [-—–－_·•\s]*
        (?:page\s*|第\s*)?
        [0-9０-９]{1,4}
        (?:\s*页)?
        (?:\s*[/／]\s*[0-9０-９]{1,4}|\s*共\s*[0-9０-９]{1,4}\s*页)?
        [-—–－_·•\s]*$",
    )
    .expect("valid page-number regex")
});

/// A newspaper page's head (版头): the paper's name, the date, the weekday and the page, any of
/// them left out (`人民日报 2024年3月1日 星期五 第4版`, `第04版：要闻`, `2024年3月1日 星期五`).
/// PDF text of a newspaper page opens with it, before the headline of the first piece.
static PAGE_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?:\p{Han}{2,10}\s*)?
        (?:[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日\s*)?
        (?:(?:星期|周)[一二三四五六日天]\s*)?
        (?:第?\s*[0-9０-９]{1,3}\s*版(?:\s*[:：|·]?\s*\p{Han}{1,10})?)?
        \s*$",
    )
    .expect("valid page-head regex")
});

/// The code of the warning that carries a piece of furniture.
pub const WARNING_CODE: &str = "page_furniture";

/// How often a line must recur to be a running head.
const RUNNING_HEAD_MIN: usize = 3;

/// Moves page numbers and running heads out of `lines`, into the `set_aside` list of the line
/// that follows each (or of the last line).
pub fn set_aside(lines: Vec<Line>) -> Vec<Line> {
    let furniture = furniture_flags(&lines);
    if !furniture.contains(&true) || !furniture.contains(&false) {
        // Nothing to take out, or nothing but furniture: keep it all as text.
        return lines;
    }
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut pending: Vec<String> = Vec::new();
    for (line, aside) in lines.into_iter().zip(furniture) {
        if aside {
            pending.push(line.text);
        } else {
            let mut kept = line;
            kept.set_aside = std::mem::take(&mut pending);
            out.push(kept);
        }
    }
    if let Some(last) = out.last_mut() {
        last.set_aside.extend(pending);
    }
    out
}

/// Which lines are page furniture.
fn furniture_flags(lines: &[Line]) -> Vec<bool> {
    let heads = running_heads(lines);
    let mut seen: HashSet<&str> = HashSet::new();
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let text = line.text.as_str();
            // `heads` is sorted: a file of short lines may have thousands of them.
            let is_head = heads.binary_search(&text).is_ok() && !titles_a_label(lines, i) && {
                // The first occurrence near the top of the file is the title itself.
                let first = seen.insert(text);
                !(first && i < 5)
            };
            line.md_level == 0
                && (is_head || is_page_number(text) || is_page_head(text) || is_link(text))
        })
        .collect()
}

fn is_page_number(text: &str) -> bool {
    // Most lines are long or hold no digit: skip the regex for them.
    text.len() <= 48
        && text.chars().any(crate::numbering::numerals::is_digit)
        && PAGE_NUMBER.is_match(text)
}

/// A line that is only a web address (`http://www.12371.cn/special/zggcdzc/#diyizhang`): a link
/// of the page a document was copied from, left between its lines. A text names an address in a
/// sentence (`网址：www.…`), not on a line of its own.
pub fn is_link(text: &str) -> bool {
    (text.starts_with("http://") || text.starts_with("https://") || text.starts_with("www."))
        && text.bytes().all(|b| b.is_ascii_graphic())
}

/// What a piece of furniture is, for the message of its warning.
pub fn describe(text: &str) -> &'static str {
    if is_link(text) {
        "web link taken out of the text"
    } else {
        "page number or running head taken out of the text"
    }
}

/// A newspaper page's head: a weekday or a page (版) is what tells it from a dateline or a
/// title, and it holds a digit.
fn is_page_head(text: &str) -> bool {
    text.len() <= 96
        && (text.contains('版') || text.contains("星期"))
        && text.chars().any(crate::numbering::numerals::is_digit)
        && PAGE_HEAD.is_match(text)
}

/// Lines between pages are at least this many lines apart.
const PAGE_MIN_LINES: usize = 10;

/// Short title-like lines that recur throughout the text, a page apart, sorted. Wrapped text
/// repeats phrases too (`违反前款规定的，责令限期改正；`), but those are pieces of sentences: they hold
/// clause punctuation, and recur where the wording does, not once a page.
fn running_heads(lines: &[Line]) -> Vec<&str> {
    let mut at: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.text.as_str();
        if is_head_like(t) && !titles_a_label(lines, i) {
            at.entry(t).or_default().push(i);
        }
    }
    // Measured only when some line recurs as a head would: most texts have none.
    let mut wrapped_at = None;
    let mut heads: Vec<&str> = at
        .into_iter()
        .filter(|(t, pos)| {
            // The title on the first line, printed again a page further on, is a running head
            // already at its second printing (a short document has few pages).
            let title_again =
                pos[0] == 0 && pos.len() >= 2 && !pos[1..].iter().any(|&i| opens_text(lines, i));
            (pos.len() >= RUNNING_HEAD_MIN || title_again)
                && pos.windows(2).all(|w| w[1] - w[0] >= PAGE_MIN_LINES)
                && {
                    // Not a wrapped line that happens to recur: one as long as the lines are
                    // cut, its indent included (a paragraph's first line).
                    let wrap = *wrapped_at.get_or_insert_with(|| wrap_length(lines));
                    !pos.iter()
                        .any(|&i| Some(t.chars().count() + lines[i].indent) == wrap)
                }
        })
        .map(|(t, _)| t)
        .collect();
    heads.extend(title_reprinted(lines));
    heads.sort_unstable();
    heads.dedup();
    heads
}

/// Line `i` is the title of a heading whose label stands alone on the line before (`第一节`
/// then `一般规定`, as centred PDF headings come). Such titles recur a page or more apart in a
/// long law (一般规定 opens many of its chapters) and are not running heads.
fn titles_a_label(lines: &[Line], i: usize) -> bool {
    i.checked_sub(1).is_some_and(|prev| {
        crate::lines::bare_label(&lines[prev].text).is_some_and(|m| m.kind.is_structural())
    })
}

/// The document's title printed again at the top of later pages, whatever its shape. The
/// shape tests above keep lines that end with a bracket (`刑法修正案（三）`), that are as long as
/// the wrapped lines, or that hold a comma, and the title-on-the-first-line test misses a title
/// the PDF text wrapped over two or three lines. But a line that is exactly the text of the
/// first one, two or three lines, recurring a page apart, is that title: the evidence is the
/// copy, not the shape.
fn title_reprinted(lines: &[Line]) -> Vec<&str> {
    let mut heads = Vec::new();
    let mut form = String::new();
    for (k, first) in lines.iter().take(3).enumerate() {
        if first.md_level > 0 && k > 0 || ends_with_stop(&first.text) {
            break;
        }
        form.push_str(&first.text);
        if form.chars().count() < 6 || parse_marker(&form).is_some() {
            continue;
        }
        let copies: Vec<usize> = (k + 1..lines.len())
            .filter(|&i| lines[i].text == form)
            .collect();
        let spaced = copies.first().is_some_and(|&first| first >= PAGE_MIN_LINES)
            && !copies.iter().any(|&i| opens_text(lines, i))
            && copies.windows(2).all(|w| w[1] - w[0] >= PAGE_MIN_LINES);
        if spaced {
            heads.push(lines[copies[0]].text.as_str());
        }
    }
    heads
}

/// The line after line `i` opens a text: a dated note of its header (`2004年11月25日 …通过`,
/// `（2004年…通过）`), its 目录, or its first unit (`第一章`, `第一条`, `一、`; not an item, `（一）`, which opens a list on any page). A title printed again over
/// that is the title of a second document in the file (two versions of one law copied one
/// after the other), not a running head, which the text goes on under.
fn opens_text(lines: &[Line], i: usize) -> bool {
    let Some(next) = lines.get(i + 1).map(|l| l.text.as_str()) else {
        return false;
    };
    let note = next.trim_start_matches(['（', '(']);
    crate::lines::opens_with_date(note)
        || crate::lines::is_contents_heading(next)
        || parse_marker(next).is_some_and(|m| {
            m.number == 1
                && m.sub.is_none()
                && (m.kind.is_structural() || matches!(m.kind, Kind::Article | Kind::Division))
        })
}

/// The line length of hard-wrapped text, when most lines share it: a line of exactly that length
/// is a piece of a paragraph, not a heading standing alone.
fn wrap_length(lines: &[Line]) -> Option<usize> {
    let mut count: HashMap<usize, usize> = HashMap::new();
    for l in lines {
        *count.entry(l.text.chars().count() + l.indent).or_default() += 1;
    }
    let (len, n) = count
        .into_iter()
        .filter(|&(len, _)| len >= 16)
        .max_by_key(|&(len, n)| (n, len))?;
    (n * 10 >= lines.len() * 3).then_some(len)
}

/// A title, a journal name, a chapter name: a few words without clause punctuation.
fn is_head_like(t: &str) -> bool {
    // Cheapest tests first: most lines of a text end a sentence, or are long paragraphs (over
    // 512 bytes is over 128 characters, whatever they are).
    !ends_with_stop(t)
        && t.len() <= 512
        && width_at_most(t, 128)
        && t.chars().count() >= 4
        && words_without_clauses(t)
        // A parenthesised note (`（2021年10月13日在…的讲话）`) may recur; it belongs to the text.
        && !t.starts_with(['（', '('])
        // A piece of a wrapped sentence may recur too: one that ends a citation or a bracket.
        && !t.ends_with(|c: char| crate::text::is_closing(c) || c == '（' || c == '(')
        && parse_marker(t).is_none()
        // A closing line (`发布时间：2024年1月5日`) recurs with the date of a batch of pieces
        // published together; it ends its piece, and segment cuts the file there.
        && !crate::lines::is_closing_line(t)
}

/// At least two ideographs and no clause punctuation, in one pass that stops at the first
/// comma: this is asked of every line of a wrapped text, where most lines hold one.
fn words_without_clauses(t: &str) -> bool {
    let mut han = 0;
    for c in t.chars() {
        if matches!(c, '，' | '；' | '“' | '”' | ',' | '。') {
            return false;
        }
        han += usize::from(crate::text::is_han(c));
    }
    han >= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::normalise;

    fn kept(text: &str) -> (Vec<String>, Vec<String>) {
        let lines = set_aside(normalise(text));
        let aside = lines.iter().flat_map(|l| l.set_aside.clone()).collect();
        (lines.into_iter().map(|l| l.text).collect(), aside)
    }

    #[test]
    fn a_head_has_two_ideographs_and_no_clause_punctuation() {
        assert!(words_without_clauses("人民日报 2024年3月1日"));
        assert!(!words_without_clauses("违反前款规定的，责令限期改正"));
        assert!(!words_without_clauses("“学习强国”学习平台"));
        assert!(!words_without_clauses("Page 12 of 30"));
        assert!(!words_without_clauses("第3"));
    }

    #[test]
    fn page_numbers_are_recognised() {
        for s in [
            "3",
            "- 3 -",
            "— 12 —",
            "第 3 页",
            "第3页 共40页",
            "3/40",
            "Page 7",
            "－５－",
        ] {
            assert!(PAGE_NUMBER.is_match(s), "{s}");
        }
        for s in ["第三条", "2024年", "3.", "（3）", "第3条"] {
            assert!(!PAGE_NUMBER.is_match(s), "{s}");
        }
    }

    #[test]
    fn newspaper_page_heads_are_recognised() {
        for s in [
            "人民日报 2024年3月1日 星期五 第4版",
            "第04版：要闻",
            "2024年3月1日 星期五",
            "光明日报　２０２４年３月１日　第３版",
        ] {
            assert!(is_page_head(s), "{s}");
        }
        for s in [
            "人民日报",
            "中华人民共和国某某法",
            "某某指南（2024年版）",
            "《中国共产党章程》2022年版",
            "2024年3月1日",
            "出版管理条例",
        ] {
            assert!(!is_page_head(s), "{s}");
        }
    }

    #[test]
    fn furniture_leaves_the_flow_but_is_kept() {
        let page = |n: usize| format!("第{n}条 本条例的规定\n适用于全市。\n").repeat(5);
        let text = format!(
            "某某条例\n{}- 1 -\n某某条例\n{}- 2 -\n某某条例\n{}- 3 -\n某某条例\n",
            page(1),
            page(2),
            page(3)
        );
        let text = text.as_str();
        let (lines, aside) = kept(text);
        assert_eq!(lines[0], "某某条例", "the title stays");
        assert!(!lines[1..]
            .iter()
            .any(|l| l == "某某条例" || l.starts_with('-')));
        assert_eq!(
            aside,
            [
                "- 1 -",
                "某某条例",
                "- 2 -",
                "某某条例",
                "- 3 -",
                "某某条例"
            ]
        );
    }

    #[test]
    fn a_web_link_on_a_line_of_its_own_leaves_the_flow_but_is_kept() {
        let text = "中国共产党章程\nhttp://www.12371.cn/special/zggcdzc/\n第一条 年满十八岁的，\nhttps://example.org/a?b=1#c\n可以申请入党。\n网址：www.12371.cn\nwww.12371.cn 党员网\n";
        let (lines, aside) = kept(text);
        assert_eq!(
            aside,
            [
                "http://www.12371.cn/special/zggcdzc/",
                "https://example.org/a?b=1#c"
            ]
        );
        // An address named in a sentence, or with words beside it, is text.
        assert_eq!(lines[3..], ["网址：www.12371.cn", "www.12371.cn 党员网"]);
        assert_eq!(describe(&aside[0]), "web link taken out of the text");
        assert_eq!(
            describe("- 1 -"),
            "page number or running head taken out of the text"
        );
    }

    #[test]
    fn the_title_printed_again_a_page_on_is_a_running_head() {
        // The text goes on under the head (a page that began with a first article would be a
        // second document's: see the test below).
        let body = "第二条 本条例的规定\n适用于全市。\n".repeat(6);
        let (lines, aside) = kept(&format!("某某条例\n{body}- 1 -\n某某条例\n{body}"));
        assert_eq!(lines[0], "某某条例");
        assert_eq!(aside, ["- 1 -", "某某条例"]);
        // Printed twice at the top (a heading, then the document's own first line): text.
        let (lines, aside) = kept(&format!("某某条例\n某某条例\n{body}"));
        assert_eq!(lines[1], "某某条例");
        assert!(aside.is_empty());
    }

    #[test]
    fn a_title_again_over_a_new_header_or_first_unit_opens_a_second_document() {
        // Two versions of one law copied one after the other: the second title is text.
        let law = |first: &str| {
            format!(
                "某某条例\n{first}\n第一条 本条例的规定\n适用于全市。\n{}",
                "第二条 本条例的规定\n适用于全市。\n".repeat(6)
            )
        };
        for first in [
            "第一章 总则",
            "2004年11月25日 某某会议通过",
            "（2004年11月25日通过）",
            "目　　录",
        ] {
            let text = format!("{}{}", law(first), law(first));
            let (lines, aside) = kept(&text);
            assert!(aside.is_empty(), "{first}: {aside:?}");
            assert_eq!(lines.iter().filter(|l| *l == "某某条例").count(), 2);
        }
        // Over an item that opens a list, it is still a running head.
        let body = "第二条 下列事项\n适用于全市：\n".repeat(6);
        let (_, aside) = kept(&format!(
            "某某条例\n{body}- 1 -\n某某条例\n（一）甲；\n{body}"
        ));
        assert_eq!(aside, ["- 1 -", "某某条例"]);
    }

    #[test]
    fn the_title_wrapped_at_the_top_and_reprinted_whole_a_page_on_is_a_running_head() {
        let body = "第二条 本规定的规定\n适用于全市。\n".repeat(6);
        // Wrapped over two lines at the top, whole on one line a page on; ending with a
        // bracket, which the shape tests would keep as text.
        let title = "最高人民法院关于审理某类案件适用法律若干问题的规定（三）";
        let (top, rest) = title.split_at(title.char_indices().nth(14).unwrap().0);
        let text = format!("{top}\n{rest}\n{body}- 1 -\n{title}\n{body}- 2 -\n{title}\n{body}");
        let (lines, aside) = kept(&text);
        assert_eq!(aside, ["- 1 -", title, "- 2 -", title]);
        assert_eq!(&lines[..2], [top, rest]);
        // The same copy less than a page from the top is text.
        let near = format!("{top}\n{rest}\n第一条 甲。\n{title}\n{body}");
        assert!(kept(&near).1.is_empty());
    }

    #[test]
    fn a_section_title_under_a_lone_label_is_not_a_running_head_however_often_it_recurs() {
        let chapter = |n: &str| {
            format!(
                "第{n}章\n某某管理\n第一节\n一般规定\n{}",
                "第一条 本章的规定\n适用于全市。\n".repeat(6)
            )
        };
        let text = format!(
            "某某条例\n{}{}{}",
            chapter("一"),
            chapter("二"),
            chapter("三")
        );
        let (lines, aside) = kept(&text);
        assert!(aside.is_empty(), "{aside:?}");
        assert_eq!(lines.iter().filter(|l| *l == "一般规定").count(), 3);
    }

    #[test]
    fn a_line_repeated_twice_is_text() {
        let (lines, aside) = kept("附件\n第一条 甲。\n附件\n第二条 乙。");
        assert_eq!(lines.len(), 4);
        assert!(aside.is_empty());
        // A phrase a wrapped law repeats is not a running head.
        let phrase = "违反前款规定的，责令限期改正";
        let text = format!("{phrase}\n第一条 甲。\n{phrase}\n第二条 乙。\n{phrase}\n");
        assert!(kept(&text).1.is_empty());
    }

    #[test]
    fn an_indented_first_line_that_recurs_is_text_when_it_fills_the_line() {
        // Wrapped at 23 characters, paragraphs indented by two ideographic spaces: the same
        // opening of a paragraph recurs in three articles, 21 characters of text on a line of
        // 23. It is a wrapped line, not a running head.
        let article = |n: &str| {
            format!(
                "　　第{n}条本条例规定的申请人应当提交申请材料，\n并对材料的真实性负责。\n\
                 \u{3000}\u{3000}受理的公安机关应当自收到申请材料之日起15\n日内进行审核，并将审核意见报上级公安机关。\n{}",
                "　　第某条本条例所称的某某，是指依法设立并从事\n某某活动的单位。\n".repeat(3)
            )
        };
        let text = format!(
            "某某条例\n{}{}{}",
            article("一"),
            article("二"),
            article("三")
        );
        let (lines, aside) = kept(&text);
        assert!(aside.is_empty(), "{aside:?}");
        let opening = "受理的公安机关应当自收到申请材料之日起15";
        assert_eq!(opening.chars().count() + 2, 23);
        assert_eq!(lines.iter().filter(|l| *l == opening).count(), 3);
    }
}
