//! The seeds in other layouts than they came in: what a reader sees must not change when the
//! same document arrives on one line, with CRLF and full-width digits, re-wrapped, or with its
//! labels as PDF text and word processors give them.

use fatiao::{extract_text, Document, Kind};
use regex::Regex;
use std::sync::LazyLock;

fn seed(prefix: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    let path = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    std::fs::read_to_string(path).unwrap()
}

/// Every line break gone, as some web exports give it (a space every third line).
fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(i, l)| {
            if i % 3 == 0 {
                format!("{l} ")
            } else {
                l.to_string()
            }
        })
        .collect()
}

/// `degrade.py oneline` on a text without Markdown: lines right-trimmed, runs of blank lines
/// cut to one, then every line break gone, a space where every third line ended (blank lines
/// counted, unlike [`one_line`]).
fn degrade_one_line(text: &str) -> String {
    let trimmed: Vec<&str> = text.lines().map(str::trim_end).collect();
    let collapsed = Regex::new(r"\n{3,}")
        .unwrap()
        .replace_all(trimmed.join("\n").trim(), "\n\n")
        .into_owned();
    collapsed
        .lines()
        .enumerate()
        .map(|(i, l)| format!("{}{}", l.trim(), if i % 3 == 0 { " " } else { "" }))
        .collect()
}

/// CRLF line ends and full-width digits.
fn crlf_full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap(),
            _ => c,
        })
        .collect::<String>()
        .replace('\n', "\r\n")
}

/// Hard-wrapped at `width` characters, blank lines dropped.
fn rewrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let chars: Vec<char> = line.chars().collect();
        for chunk in chars.chunks(width) {
            out.extend(chunk);
            out.push('\n');
        }
    }
    out
}

/// A policy label at the start of a line (`一、`, `（十二）`, `3.`, `（1）`), before a word.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]+\.|（[0-9]+）)(\p{Han})")
        .unwrap()
});

/// Each label with `f` applied to it.
fn relabel(text: &str, f: impl Fn(&str) -> String) -> String {
    LABEL
        .replace_all(text, |c: &regex::Captures| format!("{}{}", f(&c[1]), &c[2]))
        .into_owned()
}

/// Labels letter-spaced, as PDF text of justified lines gives them (`十 二 、`, `（ 1 ）`).
fn spaced_labels(text: &str) -> String {
    relabel(text, |l| {
        l.chars().map(String::from).collect::<Vec<_>>().join(" ")
    })
}

/// Each label alone on its line, its heading and text on the next, as centred PDF lines give
/// them.
fn labels_on_their_own_line(text: &str) -> String {
    relabel(text, |l| format!("{l}\n"))
}

/// A tab after each label, as word processors export it.
fn tab_after_labels(text: &str) -> String {
    relabel(text, |l| format!("{l}\t"))
}

/// Half-width brackets (`(一)`).
fn half_width_brackets(text: &str) -> String {
    text.replace('（', "(").replace('）', ")")
}

/// Two ideographic spaces before every line, the indent of a word processor's paragraphs.
fn indented(text: &str) -> String {
    text.lines()
        .map(|l| format!("\u{3000}\u{3000}{l}\n"))
        .collect()
}

/// Per division, the numbers of the units of `kind` under it.
fn shape(docs: &[Document], kind: Kind) -> Vec<Vec<u32>> {
    let doc = docs
        .iter()
        .max_by_key(|d| d.nodes().filter(|n| n.kind == Kind::Division).count())
        .unwrap();
    doc.nodes()
        .filter(|n| n.kind == Kind::Division)
        .map(|d| {
            d.walk()
                .filter(|n| n.kind == kind)
                .map(|n| n.number.unwrap())
                .collect()
        })
        .collect()
}

#[test]
fn policy_documents_keep_their_shape_in_every_layout() {
    for (prefix, kind) in [
        ("000", Kind::Item),
        ("001", Kind::Item),
        ("004", Kind::Subitem),
    ] {
        let text = seed(prefix);
        let expected = shape(&extract_text(&text, "s"), kind);
        assert!(
            expected.len() >= 5,
            "{prefix}: the seed itself has its sections"
        );
        for (layout, variant) in [
            ("one line", one_line(&text)),
            ("crlf", crlf_full_width(&text)),
            ("wrapped at 30", rewrap(&text, 30)),
            ("spaced labels", spaced_labels(&text)),
            ("labels on their own line", labels_on_their_own_line(&text)),
            ("tab after labels", tab_after_labels(&text)),
            ("half-width brackets", half_width_brackets(&text)),
            ("indented", indented(&text)),
        ] {
            // 004 came on one line: labels at the start of a line are a multi-line seed's.
            let labels_at_line_starts = text.lines().count() > 1;
            if labels_at_line_starts && layout.contains("label") {
                assert!(
                    variant != text,
                    "{prefix} {layout}: the layout changes the text"
                );
            }
            let got = shape(&extract_text(&variant, "s"), kind);
            assert_eq!(got, expected, "{prefix} {layout}");
        }
    }
}

#[test]
fn the_compilation_keeps_its_ten_documents_with_crlf_and_full_width_digits() {
    let docs = extract_text(&crlf_full_width(&seed("003")), "s");
    assert_eq!(docs.len(), 10);
    let law = docs.last().unwrap();
    assert_eq!(law.title.as_deref(), Some("中华人民共和国保守国家秘密法"));
    assert_eq!(law.articles().count(), 65);
}

#[test]
fn the_regulation_keeps_its_articles_on_one_line() {
    let docs = extract_text(&one_line(&seed("002")), "s");
    let numbers: Vec<u32> = docs
        .iter()
        .flat_map(|d| d.articles())
        .map(|a| a.number.unwrap())
        .collect();
    assert_eq!(numbers, (8..=32).collect::<Vec<_>>());
}

#[test]
fn two_policy_documents_on_one_line_stay_two_documents_with_their_own_divisions() {
    // The plan (一、 to 八、) then the 规划纲要 under its headline (一、 to 五、), and the other
    // way round: each second document begins under its title, not inside the first one's
    // last division.
    for (first, second) in [("001", "000"), ("000", "001")] {
        let (a, b) = (seed(first), seed(second));
        let divisions = |docs: &[Document]| -> Vec<usize> {
            docs.iter()
                .map(|d| {
                    d.children
                        .iter()
                        .filter(|n| n.kind == Kind::Division)
                        .count()
                })
                .collect()
        };
        let alone = [
            divisions(&extract_text(&a, "s")),
            divisions(&extract_text(&b, "s")),
        ]
        .concat();
        let joined = one_line(&format!("{}\n{}", a.trim_end(), b.trim_start()));
        let docs = extract_text(&joined, "s");
        assert_eq!(divisions(&docs), alone, "{first} then {second}");
    }
}

/// Every seed saved as UTF-16 without a BOM, in either byte order, reads as the seed itself.
#[test]
fn the_seeds_in_utf16_without_a_bom_read_as_the_seeds() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let text = seed(prefix);
        let options = fatiao::Options::default();
        let utf8 = fatiao::extract_bytes(text.as_bytes(), "s", &options).unwrap();
        for (name, bytes) in [
            (
                "UTF-16LE",
                text.encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect::<Vec<u8>>(),
            ),
            (
                "UTF-16BE",
                text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            ),
        ] {
            let got = fatiao::extract_bytes(&bytes, "s", &options)
                .unwrap_or_else(|e| panic!("{prefix} {name}: {e}"));
            assert_eq!(got.source.encoding, name, "{prefix}");
            assert_eq!(got.documents, utf8.documents, "{prefix} {name}");
        }
    }
}

/// Seed 003 with every line break gone as a web export gives it, a space where every third
/// line of the source ended, blank ones counted (`degrade.py oneline`). Its pieces end at their
/// closing lines (`发布时间：… 来源：“学习强国”学习平台`), run into the line: the news items
/// whose source a space ends begin under their own titles; the collection of speeches keeps
/// its twenty excerpts, each after the note of its occasion (`…。（2014 年 9 月 5 日在…的讲话）
/// 五、`); the law at the end begins under its own title and dated notes, with all its articles.
#[test]
fn the_compilation_on_one_line_comes_apart_at_its_closing_lines() {
    let docs = extract_text(&degrade_one_line(&seed("003")), "s");
    let titled = |title: &str| {
        docs.iter()
            .find(|d| d.title.as_deref() == Some(title))
            .unwrap_or_else(|| panic!("no document titled {title}"))
    };
    titled("习近平同党外人士共迎新春");
    titled("习近平：在二〇二四年春节团拜会上的讲话");
    let speeches = docs
        .iter()
        .find(|d| {
            d.title
                .as_deref()
                .is_some_and(|t| t.starts_with("习近平：坚持和完善"))
        })
        .unwrap();
    let numbers: Vec<u32> = speeches
        .children
        .iter()
        .map(|n| n.number.unwrap())
        .collect();
    assert_eq!(numbers, (1..=20).collect::<Vec<_>>());
    let law = titled("中华人民共和国保守国家秘密法");
    let events: Vec<&str> = law.meta.events.iter().map(|e| e.date.as_str()).collect();
    assert_eq!(events, ["1988-09-05", "2010-04-29", "2024-02-27"]);
    let numbers: Vec<u32> = law.articles().map(|a| a.number.unwrap()).collect();
    assert_eq!(numbers, (1..=65).collect::<Vec<_>>());
}
