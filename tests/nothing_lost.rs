//! Nothing lost, nothing invented: every non-white-space character of a decoded file lands in
//! exactly one place of the output, in order (Markdown `#` marks, `**` pairs and `<!-- -->` comments
//! aside).

use fatiao::{extract_bytes, extract_text, Document, Options};
use proptest::prelude::*;

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{feff}')
        .collect()
}

/// The input's content as the invariant counts it: Markdown comments, heading marks and strong
/// emphasis removed.
fn content(text: &str) -> String {
    let comments = regex::Regex::new(r"(?s)<!--.*?-->").unwrap();
    let marks = regex::Regex::new(r"(?m)^[ \t\u{3000}]*#{1,6}(?:[ \t\u{3000}]|$)").unwrap();
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<String> = text
        .split('\n')
        .map(|l| {
            let mut l = marks.replace(&comments.replace_all(l, ""), "").into_owned();
            // Strong emphasis, where its marks come in pairs.
            let n = l.matches("**").count();
            if n >= 2 && n % 2 == 0 {
                l = l.replace("**", "");
            }
            l
        })
        .collect();
    squeeze(&lines.join("\n"))
}

/// The documents' pieces in the order they stood in `content` (the input, squeezed):
/// `Document::pieces()`, but for a title read from under the lines that stood over it (an
/// attachment's label `附件1`, a masthead `国务院文件`, a 文号 line), which stay at the head of
/// its preamble (`fatiao::meta::lines_over_title`). A title followed by a preamble that opens
/// with such lines reads the same way in the output, so each order is tried against the input.
fn placed(docs: &[Document], content: &str) -> String {
    let mut out = String::new();
    for d in docs {
        let natural = squeeze(&d.pieces().collect::<String>());
        let preamble = d.preamble.as_deref().unwrap_or("");
        let over = if d.title.is_some() {
            fatiao::meta::lines_over_title(preamble)
        } else {
            0
        };
        let rest = content.get(out.len()..).unwrap_or("");
        // After the title, pieces() gives the preamble, which opens with the lines over it.
        let after_title: String = d.pieces().skip(1).collect();
        let reordered = (1..=over).rev().map(|k| {
            let head: usize = preamble.split_inclusive('\n').take(k).map(str::len).sum();
            let head = head.min(after_title.len());
            let mut text = String::from(&after_title[..head]);
            text.extend(d.title.as_deref());
            text.push_str(&after_title[head..]);
            squeeze(&text)
        });
        let piece = reordered
            .chain(std::iter::once(natural.clone()))
            .find(|p| rest.starts_with(p.as_str()))
            .unwrap_or(natural);
        out.push_str(&piece);
    }
    out
}

/// Page furniture taken out of the flow, carried by warnings.
fn set_aside(docs: &[Document]) -> String {
    let pieces = docs
        .iter()
        .flat_map(|d| &d.warnings)
        .filter(|w| w.code == fatiao::furniture::WARNING_CODE);
    squeeze(
        &pieces
            .filter_map(|w| w.location.clone())
            .collect::<String>(),
    )
}

/// Every character of `content` is placed in order, or set aside: `placed` is `content` with
/// the set-aside characters taken out.
fn assert_accounted(docs: &[Document], content: &str) -> Result<(), String> {
    let placed = placed(docs, content);
    let aside = set_aside(docs);
    if aside.is_empty() {
        return (placed == content)
            .then_some(())
            .ok_or_else(|| format!("placed {placed:?}\ncontent {content:?}"));
    }
    let sorted = |s: String| {
        let mut v: Vec<char> = s.chars().collect();
        v.sort_unstable();
        v
    };
    if sorted(placed.clone() + &aside) != sorted(content.to_string()) {
        return Err("placed + set aside is not the input".into());
    }
    let mut rest = content.chars();
    if !placed.chars().all(|c| rest.any(|d| d == c)) {
        return Err("placed text is out of order".into());
    }
    Ok(())
}

#[test]
fn a_title_read_from_under_the_lines_over_it_is_placed_whole() {
    for text in [
        "国务院文件\n国发〔2024〕5号\n国务院关于加强某某工作的意见\n各省人民政府：\n\
         为加强某某工作，现提出以下意见。\n一、总体要求\n（一）指导思想。坚持正确方向。\n\
         国务院\n2024年3月1日\n",
        "附件1\n某某项目管理办法\n第一条 为了规范管理，制定本办法。\n第二条 本办法自公布之日起施行。\n",
    ] {
        let docs = fatiao::extract_text(text, "t");
        let content = content(text);
        assert_eq!(placed(&docs, &content), content);
        assert_accounted(&docs, &content).unwrap();
    }
}

#[test]
fn every_seed_is_placed_whole() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let out = extract_bytes(&bytes, "seed", &Options::default()).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            set_aside(&out.documents),
            "",
            "{}: no page furniture",
            path.display()
        );
        let content = content(&text);
        assert_eq!(
            placed(&out.documents, &content),
            content,
            "{}",
            path.display()
        );
        seen += 1;
    }
    assert_eq!(seen, 5);
}

#[test]
fn every_pair_of_seeds_on_one_line_is_placed_whole() {
    // Every line break gone, a space after every third line: the documents that begin inside
    // the line take every character with them.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    texts.sort();
    for (i, first) in texts.iter().enumerate() {
        for second in &texts[i + 1..] {
            let line: String = format!("{first}\n{second}")
                .lines()
                .enumerate()
                .map(|(k, l)| {
                    if k % 3 == 0 {
                        format!("{l} ")
                    } else {
                        l.to_string()
                    }
                })
                .collect();
            let content = content(&line);
            let docs = extract_text(&line, "p");
            assert_eq!(placed(&docs, &content), content);
        }
    }
}

/// Pieces real documents are made of: markers in every family, references, prose, titles,
/// closing lines, brackets, Markdown, stray white space and line breaks.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("第一条".to_string()),
        Just("第二条 ".to_string()),
        Just("第三条之一".to_string()),
        Just("第十条".to_string()),
        Just("第一章 总则".to_string()),
        Just("第二节".to_string()),
        Just("第一编".to_string()),
        Just("一、".to_string()),
        Just("二、".to_string()),
        Just("（一）".to_string()),
        Just("(二)".to_string()),
        Just("1.".to_string()),
        Just("２．".to_string()),
        Just("（1）".to_string()),
        Just("①".to_string()),
        Just("依照本法第二十条的规定".to_string()),
        Just("为了保守国家秘密，制定本法。".to_string()),
        Just("有下列情形之一的：".to_string()),
        Just("中华人民共和国保守国家秘密法".to_string()),
        Just("发布时间：2024-02-28 来源：新华社".to_string()),
        Just("2024年2月28日通过".to_string()),
        Just("全文如下。".to_string()),
        // A compilation's headers: a long title, a dated note, preambles that enact.
        Just("最高人民法院关于审理某某案件适用法律若干问题的解释".to_string()),
        Just("2020年11月29日 《国务院关于修改和废止部分行政法规的决定》第一次修订".to_string()),
        Just("现就有关问题解释如下：".to_string()),
        Just("特作出以下规定：".to_string()),
        Just("目录".to_string()),
        Just("附件1".to_string()),
        // A GB/T 9704 head: the masthead and the 文号 over the title; a fourth level as `1）`.
        Just("国务院文件".to_string()),
        Just("国发〔2024〕5号".to_string()),
        Just("1）".to_string()),
        Just("附件".to_string()),
        Just("- 3 -".to_string()),
        Just("第 3 页".to_string()),
        Just("# ".to_string()),
        Just("<!-- x -->".to_string()),
        Just("**".to_string()),
        Just("__".to_string()),
        Just("*".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" ".to_string()),
        Just("\u{3000}".to_string()),
        Just("。".to_string()),
        Just("；".to_string()),
        Just("）".to_string()),
        // What segment's later rules read: a closing quote after a stop, an amendment's title,
        // an attachment's colon, a traditional label, an interpretation's first group.
        Just("。”".to_string()),
        Just("中华人民共和国刑法修正案（二）".to_string()),
        Just("附：".to_string()),
        Just("第一條".to_string()),
        Just("一、管理人名册的编制".to_string()),
        // Several documents on one line: a long run of sentences (over the length at which
        // segment looks inside a paragraph), a plan's title, a notice's signature.
        Just("各地区要认真贯彻落实，确保各项任务落到实处。".repeat(50)),
        Just("乙市推进数字政府建设实施方案".to_string()),
        Just("中共中央印发《某某规划纲要》".to_string()),
        Just("请认真贯彻执行。某某省人民政府办公厅 2024年3月1日".to_string()),
        Just("（2024年3月1日）".to_string()),
        Just("第二部分 重点任务".to_string()),
        "[a-z0-9]{1,3}",
        "[\u{4e00}-\u{4e60}]{1,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_document_is_placed_whole(pieces in prop::collection::vec(piece(), 0..80)) {
        let text: String = pieces.concat();
        let docs = extract_text(&text, "p");
        prop_assert_eq!(assert_accounted(&docs, &content(&text)), Ok(()));
    }
}
