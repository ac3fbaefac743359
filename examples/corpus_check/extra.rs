//! Layouts degrade.py does not make, built in memory from its `plain` and `wrap` copies: issue 3
//! says fatiao is also measured on page numbers and running heads between lines, half-width
//! brackets and tabs after labels; letter-spaced labels, headings split over two lines and
//! labels glued to their text are what PDF text of justified or centred lines gives; blank lines
//! between all lines what a double-spaced page gives, and centring spaces what a word processor
//! saves. They run with `--extra` (or `--layout NAME`), as .ci/run runs them.
//!
//! Each is deterministic: the same file always gives the same bytes (choices come from a
//! SHA-256 of the file's path), so a failure can be reproduced.

use regex::Regex;
use sha2::{Digest, Sha256};
use std::sync::LazyLock;

/// Half-width brackets instead of full-width ones: `(一)` items, `(试行)` titles.
pub fn halfwidth(plain: &str) -> String {
    plain.replace('（', "(").replace('）', ")")
}

/// `第` and a Chinese numeral: how every label these layouts rewrite begins.
const DI_NUMERAL: &str = "第[零〇一二三四五六七八九十百千]+";

/// A regex over lines, with `{DI}` standing for [`DI_NUMERAL`].
fn line_regex(pattern: &str) -> Regex {
    Regex::new(&format!("(?m){}", pattern.replace("{DI}", DI_NUMERAL))).expect("valid regex")
}

static LABEL_SPACE: LazyLock<Regex> = LazyLock::new(|| {
    line_regex(r"^({DI}[编章节条](?:之[零〇一二三四五六七八九十]+)?)[ \u{3000}]+")
});

/// A tab between a label and its text (`第一条\t为了…`, `第一章\t总则`), as word processors
/// export it.
pub fn tabs(plain: &str) -> String {
    LABEL_SPACE.replace_all(plain, "$1\t").into_owned()
}

/// PDF text with labels glued to their text (`第一条为了…`, `第一章总则`): `wrap` without the
/// space after each label, as extractors that drop a justified line's spacing give it.
pub fn glued(wrap: &str) -> String {
    LABEL_SPACE.replace_all(wrap, "$1").into_owned()
}

static LINE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| line_regex(r"^({DI}[编章节条])([ \u{3000}]*)(.*)$"));

/// Letter-spaced labels, as PDF text of justified or centred lines gives them: `第 十 一 条`,
/// a heading's words too (`第 三 章　法 律 责 任`), and the title on the first line.
/// Articles' text is left as it is.
pub fn spaced(plain: &str) -> String {
    let letter_spaced = |s: &str| s.chars().map(String::from).collect::<Vec<_>>().join(" ");
    let (title, body) = plain.split_once('\n').unwrap_or((plain, ""));
    let body = LINE_LABEL
        .replace_all(body, |c: &regex::Captures| {
            let (label, gap, rest) = (&c[1], &c[2], &c[3]);
            if label.ends_with('条') {
                format!("{}{gap}{rest}", letter_spaced(label))
            } else {
                format!("{}\u{3000}{}", letter_spaced(label), letter_spaced(rest))
            }
        })
        .into_owned();
    format!("{}\n{body}", letter_spaced(title.trim()))
}

static HEADING_LINE: LazyLock<Regex> =
    LazyLock::new(|| line_regex(r"^({DI}(?:分编|[编章节]))[ \u{3000}]+(\S.*)$"));

/// Headings on two lines, the label alone and the title under it (`第一章` / `总则`), as
/// centred headings of PDF text come.
pub fn split_headings(plain: &str) -> String {
    HEADING_LINE.replace_all(plain, "$1\n$2").into_owned()
}

/// PDF text with its page furniture: after every page of `wrap`'s lines, a page number line
/// (`- 3 -`, `—3—`, `第3页` or `3`, one style per file), and at the top of every later page a
/// running head (the document's title).
pub fn pages(wrap: &str, title: &str, seed: &str) -> String {
    let hash = Sha256::digest(seed.as_bytes());
    let per_page = 30 + usize::from(hash[0] % 15);
    let style = hash[1] % 4;
    let number = |n: usize| match style {
        0 => format!("- {n} -"),
        1 => format!("—{n}—"),
        2 => format!("第{n}页"),
        _ => n.to_string(),
    };
    let lines: Vec<&str> = wrap.lines().collect();
    let mut out = String::with_capacity(wrap.len() + wrap.len() / 10);
    for (i, page) in lines.chunks(per_page).enumerate() {
        if i > 0 {
            out.push_str(title);
            out.push('\n');
        }
        for line in page {
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
        out.push_str(&number(i + 1));
        out.push_str("\n\n");
    }
    out
}

/// `plain` wrapped again at a width of its own (22–38 characters, from the path's hash, not
/// degrade.py's): every paragraph cut into lines of that many characters, no blank lines. A
/// second draw of widths, so that titles and header lines that happen to fill a line
/// (`wrap` has one width per file) are met more than once.
pub fn rewrap(plain: &str, seed: &str) -> String {
    let hash = Sha256::digest(seed.as_bytes());
    let width = 22 + usize::from(hash[2] % 17);
    let mut out = String::with_capacity(plain.len() + plain.len() / 10);
    for para in plain.lines().filter(|l| !l.trim().is_empty()) {
        let chars: Vec<char> = para.chars().collect();
        for line in chars.chunks(width) {
            out.extend(line);
            out.push('\n');
        }
    }
    out
}

/// `plain` as PDF text of a page whose paragraphs open with an indent of two ideographic spaces
/// (as most Chinese typesetting sets them): each paragraph, indent included, cut into lines of
/// a width of its own (22–38 characters, a third draw from the path's hash), no blank lines.
/// Here the indent, not the line's length, tells where a paragraph began.
pub fn indented(plain: &str, seed: &str) -> String {
    let hash = Sha256::digest(seed.as_bytes());
    let width = 22 + usize::from(hash[3] % 17);
    let mut out = String::with_capacity(plain.len() + plain.len() / 5);
    for para in plain.lines().filter(|l| !l.trim().is_empty()) {
        let chars: Vec<char> = "\u{3000}\u{3000}"
            .chars()
            .chain(para.trim().chars())
            .collect();
        for line in chars.chunks(width) {
            out.extend(line);
            out.push('\n');
        }
    }
    out
}

/// A single line with labels glued to their text (`…施行第一章总则 第一条为了…`): degrade.py's
/// `oneline` made from its `nospace`, as some web exports give a law whose labels and text sit
/// in separate elements. Lines are joined as `oneline` joins them: a space after every third.
pub fn flat(plain: &str) -> String {
    oneline(&LABEL_SPACE.replace_all(plain, "$1"))
}

/// Every line break gone, a space after every third line (blank lines count), as degrade.py's
/// `oneline` joins them.
pub fn oneline(text: &str) -> String {
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            let l = l.trim();
            if i % 3 == 0 {
                format!("{l} ")
            } else {
                l.to_string()
            }
        })
        .collect()
}

/// `wrap` with a blank line after every line, as text extracted from a double-spaced PDF page
/// gives it (seed 003's shape): blank lines say nothing there of where paragraphs end.
pub fn doubled(wrap: &str) -> String {
    wrap.lines().map(|l| format!("{l}\n\n")).collect()
}

static HEADING: LazyLock<Regex> =
    LazyLock::new(|| line_regex(r"^{DI}(?:分编|[编章节])[ \u{3000}]"));

/// `plain` as a word processor saves a centred layout as text: the title and the 编/章/节
/// headings centred by spaces on a line of 40 columns, every other paragraph indented by two
/// ideographic spaces.
pub fn centred(plain: &str) -> String {
    let centre = |l: &str| {
        let width: usize = l.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
        format!("{}{l}", " ".repeat(40usize.saturating_sub(width) / 2))
    };
    let mut out = String::with_capacity(plain.len() * 2);
    for (n, line) in plain.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            // A blank line stays blank.
        } else if n == 0 || HEADING.is_match(line) {
            out.push_str(&centre(line));
        } else {
            out.push_str("\u{3000}\u{3000}");
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halfwidth_changes_only_the_brackets() {
        assert_eq!(halfwidth("（一）甲（试行）"), "(一)甲(试行)");
    }

    #[test]
    fn doubled_puts_a_blank_line_after_every_line() {
        assert_eq!(doubled("甲\n乙\n"), "甲\n\n乙\n\n");
    }

    #[test]
    fn centred_centres_the_title_and_headings_and_indents_the_rest() {
        let c = centred("某某法\n\n第一章 总则\n第一条 为了甲。\n");
        assert_eq!(
            c,
            format!(
                "{}某某法\n\n{}第一章 总则\n\u{3000}\u{3000}第一条 为了甲。\n",
                " ".repeat(17),
                " ".repeat(14)
            )
        );
    }

    #[test]
    fn tabs_replace_the_space_after_a_line_start_label_only() {
        let t = tabs("第一章 总则\n第一条　为了 保护\n依照第二条 规定\n");
        assert_eq!(t, "第一章\t总则\n第一条\t为了 保护\n依照第二条 规定\n");
    }

    #[test]
    fn spaced_labels_and_headings_are_letter_spaced_and_text_is_not() {
        let t = spaced("某某法\n第十一章 法律责任\n第一百条 违反本法规定的，\n依照第二条 规定\n");
        assert_eq!(
            t,
            "某 某 法\n第 十 一 章\u{3000}法 律 责 任\n第 一 百 条 违反本法规定的，\n依照第二条 规定\n"
        );
    }

    #[test]
    fn split_headings_put_the_title_under_the_label_and_leave_articles() {
        let t = split_headings("第一章 总则\n第一条 为了保护\n第二分编　合同\n依照第二章 规定\n");
        assert_eq!(
            t,
            "第一章\n总则\n第一条 为了保护\n第二分编\n合同\n依照第二章 规定\n"
        );
    }

    #[test]
    fn pages_add_numbers_and_running_heads_and_keep_every_line_in_order() {
        let wrap: String = (0..100).map(|i| format!("行{i}\n")).collect();
        let out = pages(&wrap, "某法", "a.md");
        let kept: Vec<&str> = out.lines().filter(|l| l.starts_with('行')).collect();
        let want: Vec<String> = (0..100).map(|i| format!("行{i}")).collect();
        assert_eq!(kept, want);
        // 100 lines at 30 to 44 a page make 3 or 4 pages: as many numbers, one head fewer.
        let heads = out.lines().filter(|l| *l == "某法").count();
        let numbers = out
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('行') && *l != "某法")
            .count();
        assert!((3..=4).contains(&numbers), "{out}");
        assert_eq!(heads, numbers - 1);
        assert_eq!(
            out,
            pages(&wrap, "某法", "a.md"),
            "the same input gives the same output"
        );
    }

    #[test]
    fn indented_opens_each_paragraph_with_two_ideographic_spaces_and_wraps() {
        let plain = "第一条 为了规范管理，制定本办法。本办法适用于本市行政区域内的各类活动。\n\n第二条 本办法自公布之日起施行。\n";
        let text = indented(plain, "a.txt");
        let starts: Vec<&str> = text.lines().filter(|l| l.starts_with('\u{3000}')).collect();
        assert_eq!(starts.len(), 2);
        assert!(text.lines().all(|l| l.chars().count() <= 38));
        let unwrapped: String = text.lines().collect::<String>().replace('\u{3000}', "");
        assert_eq!(
            unwrapped,
            plain.lines().filter(|l| !l.is_empty()).collect::<String>()
        );
    }
}
