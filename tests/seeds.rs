//! The acceptance of issue #2: the five seeds, as a reader of them sees them.

use fatiao::{extract_bytes, Document, Extraction, Kind, Node, Options};

fn seed(prefix: &str) -> (String, Extraction) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    let path = std::fs::read_dir(&dir)
        .expect("input/ holds the seeds")
        .map(|e| e.expect("readable entry").path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("seed {prefix} in input/"));
    let bytes = std::fs::read(&path).expect("readable seed");
    let text = String::from_utf8(bytes.clone()).expect("seeds are UTF-8");
    let out =
        extract_bytes(&bytes, &path.to_string_lossy(), &Options::default()).expect("seed extracts");
    (text, out)
}

fn kids(node: &Node, kind: Kind) -> Vec<&Node> {
    node.walk().skip(1).filter(|n| n.kind == kind).collect()
}

fn labels(nodes: &[&Node]) -> Vec<String> {
    nodes.iter().map(|n| n.label.clone().unwrap()).collect()
}

fn numbers(nodes: &[&Node]) -> Vec<u32> {
    nodes.iter().map(|n| n.number.unwrap()).collect()
}

fn of_kind(doc: &Document, kind: Kind) -> Vec<&Node> {
    doc.nodes().filter(|n| n.kind == kind).collect()
}

/// The document of a file that holds units of `kind`, asserting there is exactly one.
fn the_doc_with(out: &Extraction, kind: Kind) -> &Document {
    let docs: Vec<&Document> = out
        .documents
        .iter()
        .filter(|d| d.nodes().any(|n| n.kind == kind))
        .collect();
    assert_eq!(docs.len(), 1, "one document holds {kind:?} units");
    docs[0]
}

/// Divisions 一、… with the number of `child` units in each, and all `child` numbers in order.
fn policy_shape(doc: &Document, child: Kind) -> (Vec<String>, Vec<usize>, Vec<u32>) {
    let divisions = of_kind(doc, Kind::Division);
    let per: Vec<usize> = divisions.iter().map(|d| kids(d, child).len()).collect();
    (labels(&divisions), per, numbers(&of_kind(doc, child)))
}

fn one_to(n: u32) -> Vec<u32> {
    (1..=n).collect()
}

#[test]
fn seed_000_planning_outline() {
    let (_, out) = seed("000");
    let doc = the_doc_with(&out, Kind::Division);
    let (divisions, per, items) = policy_shape(doc, Kind::Item);
    assert_eq!(divisions, ["一、", "二、", "三、", "四、", "五、"]);
    assert_eq!(per, [6, 4, 6, 7, 5]);
    assert_eq!(items, one_to(28));
    // A section title on a line of its own is the division's heading, not the start of its text.
    assert_eq!(
        of_kind(doc, Kind::Division)[0].heading.as_deref(),
        Some("坚持以完善“两个维护”制度保证全党团结统一、行动一致")
    );
    let items = of_kind(doc, Kind::Item);
    assert_eq!(items[0].label.as_deref(), Some("（一）"));
    assert_eq!(items[27].label.as_deref(), Some("（二十八）"));
    // The lead sentence of an item is its heading.
    assert_eq!(
        items[1].heading.as_deref(),
        Some("健全党中央对重大工作的领导体制")
    );
    assert_eq!(items[1].heading_end.as_deref(), Some("。"));
    assert_eq!(
        doc.title.as_deref(),
        Some("中共中央印发《中央党内法规制定工作规划纲要（2023-2027年）》")
    );
    assert_eq!(doc.meta.source_line.as_deref(), Some("新华社北京4月18日电"));
}

#[test]
fn seed_001_implementation_plan() {
    let (_, out) = seed("001");
    let doc = the_doc_with(&out, Kind::Division);
    let (divisions, per, items) = policy_shape(doc, Kind::Item);
    assert_eq!(
        divisions,
        ["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、"]
    );
    assert_eq!(per, [6, 7, 4, 4, 4, 5, 3, 2]);
    assert_eq!(items, one_to(35));
    assert_eq!(
        of_kind(doc, Kind::Division)[2].heading.as_deref(),
        Some("严肃党内生活，营造良好从政环境")
    );
}

#[test]
fn seed_004_single_line_work_points() {
    let (text, out) = seed("004");
    assert!(!text.trim_end().contains('\n'), "the seed is one line");
    let doc = the_doc_with(&out, Kind::Division);
    let (divisions, per, subitems) = policy_shape(doc, Kind::Subitem);
    assert_eq!(divisions, ["一、", "二、", "三、", "四、", "五、", "六、"]);
    assert_eq!(per, [3, 4, 3, 3, 3, 3]);
    assert_eq!(subitems, one_to(19));
    assert_eq!(
        of_kind(doc, Kind::Subitem)[0].heading.as_deref(),
        Some("深化政治机关建设")
    );
}

#[test]
fn seed_002_regulation_on_a_newspaper_page() {
    let (_, out) = seed("002");
    let doc = the_doc_with(&out, Kind::Article);
    let articles = of_kind(doc, Kind::Article);
    assert_eq!(numbers(&articles), (8..=32).collect::<Vec<_>>());
    assert_eq!(articles[0].label.as_deref(), Some("第八条"));
    // The page starts mid-regulation: 第八条 and 第九条 stand before 第三章.
    let top: Vec<(Kind, u32)> = doc
        .children
        .iter()
        .map(|n| (n.kind, n.number.unwrap()))
        .collect();
    assert_eq!(
        top,
        [
            (Kind::Article, 8),
            (Kind::Article, 9),
            (Kind::Chapter, 3),
            (Kind::Chapter, 4),
            (Kind::Chapter, 5),
            (Kind::Chapter, 6)
        ]
    );
    let per: Vec<usize> = doc.children[2..]
        .iter()
        .map(|c| kids(c, Kind::Article).len())
        .collect();
    assert_eq!(per, [7, 8, 4, 4]);
    assert_eq!(doc.children[2].heading.as_deref(), Some("职责"));

    let article = |n: u32| *articles.iter().find(|a| a.number == Some(n)).unwrap();
    let items_11 = kids(article(11), Kind::Item);
    assert_eq!(
        labels(&items_11),
        ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)"]
    );
    let items_18 = kids(article(18), Kind::Item);
    assert_eq!(
        labels(&items_18),
        ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)", "(七)"]
    );
    // (五) is one item across the blank line in the middle of its sentence.
    assert_eq!(
        items_18[4].text.as_deref(),
        Some("审议向党委和上级党的工作机关请示报告的重要事项;")
    );
    assert_eq!(article(32).full_text(), "本条例自发布之日起施行。");

    // The newspaper pieces after the regulation are documents of their own, without articles.
    let after: Vec<&Document> = out
        .documents
        .iter()
        .skip_while(|d| d.id != doc.id)
        .skip(1)
        .collect();
    assert!(after.len() >= 2, "news pieces follow as documents");
    assert!(after.iter().all(|d| d.articles().next().is_none()));
}

#[test]
fn seed_003_pdf_compilation_of_ten_documents() {
    let (text, out) = seed("003");
    assert_eq!(out.documents.len(), 10);

    let first = &out.documents[0];
    let (divisions, per, subitems) = policy_shape(first, Kind::Subitem);
    assert_eq!(divisions, ["一、", "二、", "三、", "四、"]);
    assert_eq!(per, [3, 2, 5, 6]);
    assert_eq!(subitems, one_to(16));
    assert_eq!(
        first.title.as_deref(),
        Some(
            "中共中央办公厅关于巩固拓展学习贯彻习近平新时代中国特色社会主义思想主题教育成果的意见"
        )
    );

    let npc = out
        .documents
        .iter()
        .find(|d| {
            d.title
                .as_deref()
                .is_some_and(|t| t.contains("人民代表大会制度"))
        })
        .expect("the 人民代表大会制度 excerpts");
    assert_eq!(numbers(&of_kind(npc, Kind::Division)), one_to(20));

    let law = out.documents.last().unwrap();
    assert_eq!(law.title.as_deref(), Some("中华人民共和国保守国家秘密法"));
    assert_eq!(of_kind(law, Kind::Chapter).len(), 6);
    let articles = of_kind(law, Kind::Article);
    assert_eq!(numbers(&articles), one_to(65));
    // Each article's text, complete and exact: what stands in the source from its label to the
    // next line that starts an article or a chapter (read here line by line, independently of
    // the parser), white space aside (the PDF text breaks lines anywhere).
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let body = &text[text.find("第一章总则").unwrap()..];
    // The kind of unit a line starts: '条' or '章' (第 + numeral + the first of 条/章).
    let unit_kind = |line: &str| {
        let t = line.trim();
        let numeral = t.strip_prefix('第')?;
        let end = numeral.find(|c: char| !"〇零一二三四五六七八九十百千".contains(c))?;
        (end > 0)
            .then(|| numeral[end..].chars().next())
            .flatten()
            .filter(|c| "条章".contains(*c))
    };
    let mut units: Vec<(char, String)> = Vec::new();
    for line in body.lines() {
        match unit_kind(line) {
            Some(kind) => units.push((kind, squeeze(line))),
            None => units.last_mut().unwrap().1.push_str(&squeeze(line)),
        }
    }
    let source: Vec<&String> = units
        .iter()
        .filter(|(k, _)| *k == '条')
        .map(|(_, t)| t)
        .collect();
    assert_eq!(source.len(), 65);
    for (a, src) in articles.iter().zip(source) {
        let label = a.label.as_deref().unwrap();
        assert_eq!(
            format!("{label}{}", squeeze(&a.full_text())),
            **src,
            "{label}"
        );
    }
}

/// Each document's title and its number of top-level units.
fn shape(out: &Extraction) -> Vec<(Option<String>, usize)> {
    out.documents
        .iter()
        .map(|d| (d.title.clone(), d.children.len()))
        .collect()
}

#[test]
fn two_policy_documents_on_one_page_come_out_as_they_do_alone() {
    // Seed 000 ends with its editor's byline (编辑 陈艳婷); seed 001 has no closing line. Printed
    // one after the other, in either order, each keeps its title and its divisions.
    let (a_text, a) = seed("000");
    let (b_text, b) = seed("001");
    for (first, second, want) in [
        (&a_text, &b_text, [shape(&a), shape(&b)].concat()),
        (&b_text, &a_text, [shape(&b), shape(&a)].concat()),
    ] {
        let page = format!("{}\n\n{}", first.trim_end(), second.trim_start());
        let out = extract_bytes(page.as_bytes(), "page.txt", &Options::default()).unwrap();
        assert_eq!(shape(&out), want);
    }
}

#[test]
fn a_seed_printed_after_another_comes_out_as_it_does_alone() {
    // The seeds joined two at a time, as a compilation or a scraped page joins documents: each
    // keeps its title and its top-level units. The pieces before the second seed end however
    // their page left them: on a full stop, on a stray mark after it (seed 004's `。 |`), or
    // cut off mid-sentence (seed 002's last line).
    // Seed 004 opens mid-text, without a title, on one line: only its divisions, numbered from
    // 一 again after the body of the seed before it, tell where it begins.
    let seeds: Vec<_> = ["000", "001", "002", "003", "004"]
        .into_iter()
        .map(|p| {
            let (text, out) = seed(p);
            (p, text, shape(&out))
        })
        .collect();
    for (a, a_text, a_shape) in &seeds {
        for (b, b_text, b_shape) in seeds.iter().filter(|(b, ..)| b != a) {
            let page = format!("{}\n\n{}", a_text.trim_end(), b_text.trim_start());
            let out = extract_bytes(page.as_bytes(), "page.txt", &Options::default()).unwrap();
            assert_eq!(
                shape(&out),
                [a_shape.clone(), b_shape.clone()].concat(),
                "{a} then {b}"
            );
        }
    }
}

#[test]
fn bad_input_is_a_clear_error() {
    let opts = Options::default();
    let empty = extract_bytes(b"", "empty.txt", &opts).unwrap_err();
    assert!(empty.to_string().contains("empty"), "{empty}");
    let binary = extract_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00", "a.out", &opts).unwrap_err();
    assert!(binary.to_string().contains("binary"), "{binary}");
    let (gb, _, _) = encoding_rs::GB18030.encode("第一条 为了保守国家秘密，制定本法。");
    let truncated = &gb[..gb.len() - 1];
    assert!(extract_bytes(truncated, "cut.txt", &opts).is_err());
}
