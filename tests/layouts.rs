//! Behaviour on the shapes real documents come in, beyond the seeds: each test is a small
//! document written the way a source gives it, and asserts what a reader of it sees.

use fatiao::{extract_text, Document, Kind, Node};

fn doc(text: &str) -> Document {
    let mut docs = extract_text(text, "t");
    assert_eq!(docs.len(), 1, "one document");
    docs.remove(0)
}

fn labels(doc: &Document, kind: Kind) -> Vec<String> {
    doc.nodes()
        .filter(|n| n.kind == kind)
        .map(|n| n.label.clone().unwrap())
        .collect()
}

fn article<'a>(doc: &'a Document, label: &str) -> &'a Node {
    doc.articles()
        .find(|a| a.label.as_deref() == Some(label))
        .unwrap_or_else(|| panic!("{label}"))
}

#[test]
fn parts_subparts_and_chapters_that_restart_under_each_part() {
    let d = doc("中华人民共和国民法典\n\
        第一编 总则\n第一章 基本规定\n第一条 为了保护民事主体的合法权益，制定本法。\n\
        第二章 自然人\n第二条 自然人从出生时起到死亡时止，具有民事权利能力。\n\
        第三编 合同\n第一分编 通则\n第一章 一般规定\n第三条 本编调整因合同产生的民事关系。\n\
        第二分编 典型合同\n第一章 买卖合同\n第四条 买卖合同是出卖人转移标的物的所有权于买受人的合同。\n");
    assert_eq!(labels(&d, Kind::Part), ["第一编", "第三编"]);
    assert_eq!(labels(&d, Kind::Subpart), ["第一分编", "第二分编"]);
    assert_eq!(
        labels(&d, Kind::Chapter),
        ["第一章", "第二章", "第一章", "第一章"]
    );
    let part3 = &d.children[1];
    assert_eq!(part3.heading.as_deref(), Some("合同"));
    assert_eq!(
        part3.children[1].children[0].heading.as_deref(),
        Some("买卖合同")
    );
    assert_eq!(
        labels(&d, Kind::Article),
        ["第一条", "第二条", "第三条", "第四条"]
    );
}

#[test]
fn a_table_of_contents_is_not_the_body() {
    let d = doc("某某条例\n目录\n第一章 总则\n第二章 管理\n第三章 附则\n\
        第一章 总则\n第一条 为了规范管理，制定本条例。\n\
        第二章 管理\n第二条 主管部门负责管理工作。\n\
        第三章 附则\n第三条 本条例自公布之日起施行。\n");
    assert_eq!(labels(&d, Kind::Chapter), ["第一章", "第二章", "第三章"]);
    let chapters: Vec<usize> = d.children.iter().map(|c| c.children.len()).collect();
    assert_eq!(chapters, [1, 1, 1], "each chapter holds its article");
    let preamble = d.preamble.clone().unwrap_or_default();
    assert!(
        preamble.contains("目录") && preamble.contains("第二章"),
        "{preamble}"
    );
}

#[test]
fn references_at_the_start_of_a_wrapped_line_are_not_articles() {
    // Hard-wrapped at 18 characters; 第三十四条 begins a line inside 第五十九条.
    let d = doc("第五十八条 违反本法规定的，由有关部门\n责令改正。\n\
        第五十九条 有下列行为之一的，依照本法\n第三十四条的规定处理，并依法追究\n法律责任。\n\
        第六十条 本法自公布之日起施行，本法\n的解释权属于常务委员会，特此公告。\n\
        第六十一条 本条例由市人民政府负责解释\n并组织实施，各部门应当遵照执行。\n");
    assert_eq!(
        labels(&d, Kind::Article),
        ["第五十八条", "第五十九条", "第六十条", "第六十一条"]
    );
    assert!(article(&d, "第五十九条")
        .full_text()
        .contains("依照本法第三十四条的规定处理"));
}

#[test]
fn a_header_line_that_begins_with_a_citation_is_not_an_article() {
    let d = doc("某某法\n2009年8月27日 第十一届全国人民代表大会常务委员会第十次会议《关于修改\n第三十一条的决定》第一次修正\n\
        第一条 为了规范管理，制定本法。\n第二条 本法适用于全国。\n");
    assert_eq!(labels(&d, Kind::Article), ["第一条", "第二条"]);
    assert_eq!(d.meta.events.len(), 1);
    assert_eq!(d.meta.events[0].event, "修正");
}

#[test]
fn tabs_half_width_brackets_and_article_zhi() {
    let d = doc(
        "第一条\t为了规范管理，制定本法。\n第二条\t有下列情形之一的：\n(一)甲；\n(二)乙。\n\
        第二条之一\t新增的条文。\n第三条\t本法自公布之日起施行。\n",
    );
    assert_eq!(
        labels(&d, Kind::Article),
        ["第一条", "第二条", "第二条之一", "第三条"]
    );
    let zhi = article(&d, "第二条之一");
    assert_eq!((zhi.number, zhi.sub_number), (Some(2), Some(1)));
    assert!(zhi.id.ends_with("/a2_1"), "{}", zhi.id);
    assert_eq!(labels(&d, Kind::Item), ["(一)", "(二)"]);
}

#[test]
fn arabic_article_numbers() {
    let d = doc("第1条 为了规范管理，制定本办法。\n第2条 本办法适用于全市。\n第3条 本办法自公布之日起施行。\n");
    let numbers: Vec<u32> = d.articles().map(|a| a.number.unwrap()).collect();
    assert_eq!(numbers, [1, 2, 3]);
}

#[test]
fn a_colon_after_the_label_is_the_labels_not_the_texts() {
    let d = doc(
        "某某管理办法\n第一章：总则\n第一条：为了规范管理，制定本办法。\n\
        第二条: 本办法适用于本市。\n第三条 本办法自发布之日起施行。\n",
    );
    assert_eq!(labels(&d, Kind::Article), ["第一条：", "第二条:", "第三条"]);
    assert_eq!(d.children[0].heading.as_deref(), Some("总则"));
    assert_eq!(
        article(&d, "第一条：").full_text(),
        "为了规范管理，制定本办法。"
    );
    assert_eq!(article(&d, "第二条:").full_text(), "本办法适用于本市。");
}

#[test]
fn a_single_line_export_with_glued_labels_keeps_its_first_chapter_and_article() {
    // Line breaks lost, and no space after any label: the header runs into the first heading.
    let d = doc(
        "某某管理办法 2021年8月2日 某某令第46号公布 2022年1月1日 施行第一章总 则 \
        第一条为了规范管理，制定本办法。 第二条本办法适用于本市。第二章监督 \
        第三条监督部门应当依法履行职责。 第四条本办法自公布之日起施行。\n",
    );
    assert_eq!(labels(&d, Kind::Chapter), ["第一章", "第二章"]);
    assert_eq!(d.children[0].heading.as_deref(), Some("总则"));
    assert_eq!(
        labels(&d, Kind::Article),
        ["第一条", "第二条", "第三条", "第四条"]
    );
    assert!(d.preamble.as_deref().unwrap().ends_with("施行"));

    // Without chapters, the header runs into the first article.
    let d = doc(
        "某某管理办法 2022年4月14日 某某令第56号公布 2022年7月1日 施行\
        第一条为了规范管理，制定本办法。 第二条本办法适用于本市。 第三条本办法自公布之日起施行。\n",
    );
    assert_eq!(labels(&d, Kind::Article), ["第一条", "第二条", "第三条"]);
    assert_eq!(
        article(&d, "第一条").full_text(),
        "为了规范管理，制定本办法。"
    );

    // A heading without a number glued to the next article, and an article that opens with a
    // word that also follows citations (将第五条作为第六条), each right after a sentence.
    let d = doc(
        "某某管理条例 第一条为了规范管理，制定本条例。 第二条本条例适用于本市。\
        规划管理第三条市人民政府应当编制规划。第四条作为规划依据的资料应当公开。\
        第五条本条例自公布之日起施行。\n",
    );
    assert_eq!(
        labels(&d, Kind::Article),
        ["第一条", "第二条", "第三条", "第四条", "第五条"]
    );
    assert_eq!(
        article(&d, "第四条").full_text(),
        "作为规划依据的资料应当公开。"
    );
}

#[test]
fn an_articles_second_list_on_one_line_is_a_list_of_its_own_under_its_lead_in() {
    // Line breaks lost: the second paragraph of 第一条, and its list, follow the first list's
    // last item in the same line.
    let d = doc(
        "某某规定 第一条 具有下列情形之一的，属于“情节严重”：（一）数额在五万元以上的；\
        （二）多次实施的；（三）其他情节严重的情形。具有下列情形之一的，属于“情节特别严重”：\
        （一）数额在二十五万元以上的； （二）其他情节特别严重的情形。 第二条 本规定自公布之日起施行。\n",
    );
    let first = article(&d, "第一条");
    let paragraphs: Vec<(&str, Vec<&str>)> = first
        .children
        .iter()
        .map(|p| {
            let items = p
                .children
                .iter()
                .map(|i| i.label.as_deref().unwrap())
                .collect();
            (p.text.as_deref().unwrap(), items)
        })
        .collect();
    assert_eq!(
        paragraphs,
        [
            (
                "具有下列情形之一的，属于“情节严重”：",
                vec!["（一）", "（二）", "（三）"]
            ),
            (
                "具有下列情形之一的，属于“情节特别严重”：",
                vec!["（一）", "（二）"]
            ),
        ]
    );
    assert_eq!(
        first.children[0].children[2].text.as_deref(),
        Some("其他情节严重的情形。")
    );

    // A colon inside an item that quotes is no lead-in: the list goes on.
    let d = doc(
        "某某决定 第一条 作如下修改：（一）将第二条修改为：“本法所称某某，是指某某。”\
        （二）删去第三条。 第二条 本决定自公布之日起施行。\n",
    );
    assert_eq!(labels(&d, Kind::Item), ["（一）", "（二）"]);
}

#[test]
fn in_a_single_line_a_space_after_a_sentence_is_where_a_paragraph_ended() {
    // Line breaks turned into spaces, but not everywhere: 第一条's second paragraph follows a
    // space, while its first sentence runs on into the next without one.
    let d = doc(
        "某某条例 第一条 当事人对某某事项有争议的，可以提起诉讼。人民法院应当依法受理。 \
        当事人也可以申请仲裁。 第二条 本条例自公布之日起施行。\n",
    );
    let texts: Vec<&str> = article(&d, "第一条")
        .children
        .iter()
        .map(|p| p.text.as_deref().unwrap())
        .collect();
    assert_eq!(
        texts,
        [
            "当事人对某某事项有争议的，可以提起诉讼。人民法院应当依法受理。",
            "当事人也可以申请仲裁。"
        ]
    );
}

#[test]
fn a_numeral_inside_a_word_or_a_list_of_numerals_is_no_label() {
    let d = doc("某某条例\n第一条 建立集中统一、高效权威的领导体制。\n\
        第二条 资质分为一、二、三级，按照精简、统一、效能的原则管理。\n\
        第三条 本条例自公布之日起施行。\n");
    assert!(
        labels(&d, Kind::Division).is_empty(),
        "{:?}",
        labels(&d, Kind::Division)
    );
    for a in d.articles() {
        assert_eq!(a.children.len(), 1, "{:?}", a.label);
    }
    // A list glued inline is still a list.
    let d = doc(
        "某某条例\n第一条 有下列情形之一的，予以处理：一、擅自改变用途的；二、拒不整改的。\n\
        第二条 本条例自公布之日起施行。\n",
    );
    assert_eq!(labels(&d, Kind::Division), ["一、", "二、"]);
}

#[test]
fn an_attachment_label_after_the_last_article_ends_the_body() {
    let d = doc(
        "某某税法\n第一条 在本国开发应税资源的单位，应当依照本法缴纳税款。\n\
        第二条 本法自2020年9月1日起施行。\n附：\n某某税目税率表\n",
    );
    assert_eq!(
        article(&d, "第二条").full_text(),
        "本法自2020年9月1日起施行。"
    );
    assert!(
        d.trailer.as_deref().unwrap_or_default().starts_with("附："),
        "{:?}",
        d.trailer
    );
}

#[test]
fn markdown_labels_in_strong_emphasis_are_labels() {
    let d = doc(
        "# 某某管理办法\n\n## 第一章 总则\n\n**第一条** 为了规范管理，制定本办法。\n\n\
        **第二条** 签订日期：____年__月__日。\n",
    );
    assert_eq!(labels(&d, Kind::Article), ["第一条", "第二条"]);
    assert_eq!(
        article(&d, "第一条").full_text(),
        "为了规范管理，制定本办法。"
    );
    // The blanks of a form are text.
    assert_eq!(
        article(&d, "第二条").full_text(),
        "签订日期：____年__月__日。"
    );
}

#[test]
fn points_written_without_their_opening_bracket_are_points() {
    // `1）` for `（1）`, under an article and under a policy unit, on lines of their own or
    // inline after a lead-in.
    let d = doc("某某工作条例\n第一条 为了规范工作，制定本条例。\n\
        第二条 党组织应当履行下列职责：\n1）宣传贯彻党的路线方针政策；\n2）讨论决定重大问题。\n\
        第三条 本条例自发布之日起施行。\n");
    assert_eq!(labels(&d, Kind::Point), ["1）", "2）"]);
    let points: Vec<_> = article(&d, "第二条")
        .children
        .iter()
        .flat_map(|p| &p.children)
        .map(|n| n.text.clone().unwrap_or_default())
        .collect();
    assert_eq!(points, ["宣传贯彻党的路线方针政策；", "讨论决定重大问题。"]);
    let d = doc("某某实施方案\n一、重点任务\n1.加强大气污染防治。实施改造：1)钢铁行业完成改造；2)水泥行业推进改造。\n\
        2.加强水污染防治。开展排查整治。\n");
    assert_eq!(labels(&d, Kind::Point), ["1)", "2)"]);
}

#[test]
fn a_red_header_documents_title_is_read_under_its_masthead_and_doc_number() {
    let d = doc("国务院文件\n\n国发〔2024〕5号\n\n国务院关于加强某某工作的意见\n\n\
        各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n为加强某某工作，现提出以下意见。\n\
        一、总体要求\n（一）指导思想。以新发展理念为指导。\n（二）主要目标。到2027年取得明显成效。\n\
        二、重点任务\n（三）完善制度体系。健全法律法规。\n\
        \u{3000}\u{3000}国务院\n\u{3000}\u{3000}2024年3月1日\n（此件公开发布）\n\n\
        抄送：党中央各部门，各人民团体。\n  国务院办公厅        2024年3月4日印发\n");
    assert_eq!(d.title.as_deref(), Some("国务院关于加强某某工作的意见"));
    let preamble = d.preamble.clone().unwrap_or_default();
    assert!(
        preamble.starts_with("国务院文件\n国发〔2024〕5号\n各省"),
        "{preamble}"
    );
    assert_eq!(d.meta.doc_number.as_deref(), Some("国发〔2024〕5号"));
    assert_eq!(labels(&d, Kind::Item), ["（一）", "（二）", "（三）"]);
    let trailer = d.trailer.clone().unwrap_or_default();
    assert!(trailer.starts_with("国务院\n2024年3月1日"), "{trailer}");
    assert!(trailer.ends_with("2024年3月4日印发"), "{trailer}");
}

#[test]
fn policy_document_that_skips_a_level() {
    let d = doc("关于加强某项工作的意见\n为做好某项工作，提出如下意见。\n\
        一、总体要求\n1.坚持党的领导。把党的领导贯穿全过程。\n2.坚持问题导向。聚焦突出问题。\n\
        二、主要任务\n3.健全制度。完善配套措施。\n（1）制定办法。\n（2）加强监督。\n");
    assert_eq!(labels(&d, Kind::Division), ["一、", "二、"]);
    assert_eq!(labels(&d, Kind::Subitem), ["1.", "2.", "3."]);
    assert_eq!(labels(&d, Kind::Point), ["（1）", "（2）"]);
    let first = d.nodes().find(|n| n.kind == Kind::Subitem).unwrap();
    assert_eq!(first.heading.as_deref(), Some("坚持党的领导"));
    assert_eq!(first.text.as_deref(), Some("把党的领导贯穿全过程。"));
    assert_eq!(d.children[0].heading.as_deref(), Some("总体要求"));
}

#[test]
fn policy_items_titled_on_lines_of_their_own_keep_their_titles_apart() {
    // As 意见 and 方案 set them: each item's title on its own line, its text under it, and a
    // title that ends as titles of documents do (`…制度`).
    let d = doc(
        "关于加强某项工作的意见\n\n一、总体要求\n\n（一）指导思想\n\n\
        以新时代中国特色社会主义思想为指导，坚持稳中求进工作总基调。\n\n（二）主要目标\n\n\
        到2025年，工作体系基本建立，能力明显提升。\n\n二、重点任务\n\n（三）完善考核制度\n\n\
        健全考核制度，完善评价机制。\n",
    );
    assert_eq!(labels(&d, Kind::Item), ["（一）", "（二）", "（三）"]);
    let items: Vec<&Node> = d.nodes().filter(|n| n.kind == Kind::Item).collect();
    let headings: Vec<_> = items.iter().map(|n| n.heading.as_deref()).collect();
    assert_eq!(
        headings,
        [Some("指导思想"), Some("主要目标"), Some("完善考核制度")]
    );
    assert_eq!(
        items[2].text.as_deref(),
        Some("健全考核制度，完善评价机制。")
    );
    assert_eq!(d.trailer, None);
}

#[test]
fn in_a_single_line_a_policy_units_title_ends_at_the_space_after_it() {
    // The same document with its line breaks lost, each kept as a space.
    let d = doc(
        "关于加强某项工作的意见 一、总体要求 （一）指导思想 以新时代中国特色社会主义思想为指导，\
        坚持稳中求进工作总基调。 （二）主要目标 到2025 年，工作体系基本建立。 二、重点任务 \
        1.强化组织 各地要加强领导。 2.强化经费 各地要保障经费。",
    );
    let titled: Vec<_> = d
        .nodes()
        .filter(|n| matches!(n.kind, Kind::Item | Kind::Subitem))
        .map(|n| (n.heading.as_deref(), n.text.as_deref()))
        .collect();
    assert_eq!(
        titled,
        [
            (
                Some("指导思想"),
                Some("以新时代中国特色社会主义思想为指导，坚持稳中求进工作总基调。")
            ),
            (Some("主要目标"), Some("到2025 年，工作体系基本建立。")),
            (Some("强化组织"), Some("各地要加强领导。")),
            (Some("强化经费"), Some("各地要保障经费。")),
        ]
    );
}

#[test]
fn a_decisions_closing_sentences_close_the_document_not_its_last_item() {
    let d = doc(
        "全国人民代表大会常务委员会关于修改《中华人民共和国某某法》的决定\n\
        第十四届全国人民代表大会常务委员会第九次会议决定对《中华人民共和国某某法》作如下修改：\n\
        一、将第十条修改为：\n“第十条 国家建立健全某某制度。”\n\
        二、删去第二十条第二款。\n\
        本决定自2024年7月1日起施行。\n\
        《中华人民共和国某某法》根据本决定作相应修改，重新公布。\n",
    );
    assert_eq!(labels(&d, Kind::Division), ["一、", "二、"]);
    assert_eq!(d.children[1].text.as_deref(), Some("删去第二十条第二款。"));
    assert_eq!(
        d.trailer.as_deref(),
        Some("本决定自2024年7月1日起施行。\n《中华人民共和国某某法》根据本决定作相应修改，重新公布。")
    );
    // A unit that opens with the sentence holds it: it is what the unit says.
    let d =
        doc("某某管理办法\n一、总体要求\n坚持依法管理。\n二、附则\n本办法自2024年1月1日起施行。\n");
    assert_eq!(
        d.children[1].text.as_deref(),
        Some("本办法自2024年1月1日起施行。")
    );
    assert_eq!(d.trailer, None);
}

#[test]
fn a_policy_documents_table_of_contents_is_not_its_body() {
    let body = "一、发展基础\n“十三五”时期，某某工作取得显著成效。\n二、总体要求\n（一）指导思想\n\
        坚持稳中求进，推动高质量发展。\n（二）主要目标\n到2025年，某某体系基本建成。\n\
        三、重点任务\n加快推进某某建设。\n";
    // As PDF text gives it, with leaders and page numbers; and as plain text, without.
    for contents in [
        "一、发展基础…………1\n二、总体要求…………3\n（一）指导思想……3\n（二）主要目标……4\n三、重点任务…………5\n",
        "一、发展基础\n二、总体要求\n（一）指导思想\n（二）主要目标\n三、重点任务\n",
    ] {
        let d = doc(&format!("某某省发展规划\n目  录\n{contents}{body}"));
        assert_eq!(labels(&d, Kind::Division), ["一、", "二、", "三、"], "{contents}");
        assert_eq!(labels(&d, Kind::Item), ["（一）", "（二）"]);
        assert_eq!(
            d.children[0].text.as_deref(),
            Some("“十三五”时期，某某工作取得显著成效。")
        );
        assert!(d.preamble.as_deref().unwrap().ends_with(contents.trim_end()));
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    }
}

/// The case of the two title tests: its title alone, and the subtitle and section heading under
/// it opening the preamble.
fn assert_case_title(d: &Document) {
    assert_eq!(
        d.title.as_deref(),
        Some("婚姻关系存续期间夫妻共同财产的分割")
    );
    let preamble = d.preamble.as_deref().unwrap();
    assert!(preamble.starts_with("徐某某诉张某某婚姻家庭案\n基本案情\n"));
}

#[test]
fn a_title_ends_at_a_blank_line_where_blank_lines_end_paragraphs() {
    // A case saved as text, a blank line between paragraphs: the subtitle and the section
    // heading under the title are not the title's.
    let case = "婚姻关系存续期间夫妻共同财产的分割\n\n徐某某诉张某某婚姻家庭案\n\n基本案情\n\n\
        张某某、徐某某系夫妻。双方因故分居生活至今。\n\n裁判要旨\n\n诉争房屋系夫妻关系存续期间取得。\n";
    let d = doc(case);
    assert_case_title(&d);
    // A title printed as paragraphs of its own lines reads on to where it is whole.
    let d = doc(
        "最高人民法院\n\n关于审理专利纠纷案件适用法律\n\n问题的若干规定\n\n\
        为了正确审理专利纠纷案件，作如下规定：\n\n第一条 人民法院受理下列专利纠纷案件。\n\n\
        第二条 专利纠纷第一审案件，由中级人民法院管辖。\n",
    );
    assert_eq!(
        d.title.as_deref(),
        Some("最高人民法院关于审理专利纠纷案件适用法律问题的若干规定")
    );
    // A qualifier in brackets set off under the title is still the title's.
    let d = doc(
        "某某市数字经济发展规划\n\n（2024—2026年）\n\n为加快发展数字经济，制定本规划。\n\n\
        一、发展基础\n\n我市数字经济规模持续扩大。\n\n二、主要任务\n\n加快建设新型基础设施。\n",
    );
    assert_eq!(
        d.title.as_deref(),
        Some("某某市数字经济发展规划（2024—2026年）")
    );
    // Where text puts a blank line after every line, paragraphs run on over blank lines, and a
    // title printed on two lines is one title, as without them.
    let d = doc(
        "某某机关贯彻落实\n\n全面从严治党要求实施方案\n\n一、总体要求\n\n\
        坚持稳中求进，统筹推进各项工作，着力\n\n提高质量和效益，确保各项任务落到\n\n实处。\n\n\
        二、主要任务\n\n加强领导，压实责任，完善制度，健全机\n\n制，强化监督检查，推动工作落实。\n",
    );
    assert_eq!(
        d.title.as_deref(),
        Some("某某机关贯彻落实全面从严治党要求实施方案")
    );
}

#[test]
fn a_markdown_title_is_its_heading_line_alone() {
    // A case: the title heading, a subtitle and a section heading under it, no numbering.
    let d = doc("# 婚姻关系存续期间夫妻共同财产的分割\n\n<!-- INFO END -->\n\n\
        ## 徐某某诉张某某婚姻家庭案\n\n## 基本案情\n\n张某某、徐某某系夫妻。双方因故分居生活至今。\n");
    assert_case_title(&d);
    // Plain lines of a title printed on two lines still make one title.
    let d = doc("某某机关贯彻落实\n全面从严治党要求实施方案\n一、总体要求\n坚持稳中求进。\n二、主要任务\n加强领导。\n");
    assert_eq!(
        d.title.as_deref(),
        Some("某某机关贯彻落实全面从严治党要求实施方案")
    );
    // So do two Markdown headings of the same level.
    let d = doc("# 某某机关贯彻落实\n# 全面从严治党要求实施方案\n一、总体要求\n坚持稳中求进。\n二、主要任务\n加强领导。\n");
    assert_eq!(
        d.title.as_deref(),
        Some("某某机关贯彻落实全面从严治党要求实施方案")
    );
}

#[test]
fn a_document_of_divisions_on_one_line_after_another_is_a_document_of_its_own() {
    let first = "某某工作要点\n一、总体要求\n坚持稳中求进。\n二、主要任务\n加强组织领导。\n";
    // A whole document on one line, as a single-line export gives it.
    let filler = "推动各项工作落实落地，确保取得实效。".repeat(30);
    let line = format!(
        "2024年是关键一年。{filler} 一、深化政治建设。{filler} 二、加强理论武装。{filler} \
         三、强化基层组织。{filler}"
    );
    let docs = extract_text(&format!("{first}\n{line}\n"), "t");
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].children.len(), 2);
    assert_eq!(docs[0].trailer, None);
    assert_eq!(docs[1].title, None);
    let second: Vec<_> = docs[1]
        .children
        .iter()
        .map(|n| n.label.as_deref())
        .collect();
    assert_eq!(second, [Some("一、"), Some("二、"), Some("三、")]);
}

/// A policy document as PDF text of justified lines gives it: every character of a label one
/// space apart, numerals of two characters too.
#[test]
fn letter_spaced_policy_labels_number_as_written() {
    let mut text = String::from("关于加强某项工作的意见\n为做好某项工作，提出如下意见。\n");
    for (d, items) in [("一 、", 1..=6), ("二 、", 7..=12)] {
        text.push_str(&format!("{d}总体要求\n"));
        for i in items {
            let spaced = match i {
                1..=10 => {
                    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][i - 1].to_string()
                }
                _ => format!("十 {}", ["一", "二"][i - 11]),
            };
            text.push_str(&format!("（ {spaced} ）第{i}项工作。做好这项工作。\n"));
        }
    }
    text.push_str("1 0 .另起一项。\n");
    let d = doc(&text);
    assert_eq!(labels(&d, Kind::Division), ["一 、", "二 、"]);
    let items: Vec<u32> = d
        .nodes()
        .filter(|n| n.kind == Kind::Item)
        .map(|n| n.number.unwrap())
        .collect();
    assert_eq!(items, (1..=12).collect::<Vec<u32>>());
    assert_eq!(d.children[1].children.len(), 6, "items 7-12 under 二 、");
    let twelfth = d.nodes().find(|n| n.number == Some(12)).unwrap();
    assert_eq!(twelfth.label.as_deref(), Some("（ 十 二 ）"));
    assert_eq!(twelfth.heading.as_deref(), Some("第12项工作"));
}

/// The source of the last excerpt of a speech compilation, in brackets on a line of its own,
/// closes that excerpt: it is not the title of a next document.
#[test]
fn a_bracketed_note_after_the_last_unit_stays_in_it() {
    let d = doc("论坚持人民当家作主\n\
        一、我们要坚持国家一切权力属于人民的宪法理念，最广泛地动员和组织人民依照宪法和法律规定管理国家事务。\n\
        （2014 年 9 月 5 日在庆祝全国人民代表大会成立六十周年大会上的讲话）\n\
        二、设计和发展国家政治制度，必须注重历史和现实、理论和实践、形式和内容有机统一。\n\
        （2023 年 6 月 2 日在文化传承发展座谈会上的讲话）\n\
        ※这是有关坚持和完善人民代表大会制度重要论述的节录。\n");
    assert_eq!(labels(&d, Kind::Division), ["一、", "二、"]);
    let last = d.children[1].text.clone().unwrap_or_default();
    assert!(last.contains("座谈会上的讲话）"), "{last}");
    assert!(last.contains("节录。"), "{last}");
    assert_eq!(d.trailer, None);
}

/// Centred PDF lines put a division's label on a line of its own and its heading under it; the
/// last division is one too, not the end of the body with its heading as a next title.
#[test]
fn a_last_division_whose_label_stands_alone_keeps_its_heading() {
    let d = doc("关于加强某项工作的意见\n\
        一、\n总体要求\n（一）指导思想。坚持正确方向。\n\
        二、\n深入把握工作规律，更好地指导实践\n（二）研究落实工作要求。做好这项工作。\n\
        （三）创新工作方法。做好这项工作。\n");
    assert_eq!(labels(&d, Kind::Division), ["一、", "二、"]);
    let last = &d.children[1];
    assert_eq!(
        last.heading.as_deref(),
        Some("深入把握工作规律，更好地指导实践")
    );
    assert_eq!(last.children.len(), 2, "（二） and （三） under 二、");
}

#[test]
fn labels_glued_to_their_text_and_chapter_titles() {
    let d = doc("第一章总则\n第一条为了保守国家秘密，制定本法。\n第二章 国家秘密的范围\n第二条国家秘密受法律保护。\n");
    assert_eq!(labels(&d, Kind::Chapter), ["第一章", "第二章"]);
    assert_eq!(d.children[0].heading.as_deref(), Some("总则"));
    assert_eq!(d.children[1].heading.as_deref(), Some("国家秘密的范围"));
    assert_eq!(
        article(&d, "第一条").full_text(),
        "为了保守国家秘密，制定本法。"
    );
}

#[test]
fn page_numbers_and_running_heads_are_set_aside() {
    let page = |from: u32| {
        (from..from + 4)
            .map(|n| {
                format!(
                    "第{}条 本条例的规定适用于本市行政区域内的\n各项管理活动。\n",
                    [
                        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"
                    ][n as usize - 1]
                )
            })
            .collect::<String>()
    };
    let text = format!(
        "某某市管理条例\n{}- 1 -\n某某市管理条例\n{}- 2 -\n某某市管理条例\n{}- 3 -\n",
        page(1),
        page(5),
        page(9)
    );
    let d = doc(&text);
    assert_eq!(d.articles().count(), 12);
    assert!(d
        .articles()
        .all(|a| !a.full_text().contains("某某市") && !a.full_text().contains('-')));
    let furniture = d
        .warnings
        .iter()
        .filter(|w| w.code == "page_furniture")
        .count();
    assert_eq!(furniture, 5, "three page numbers, two running heads");
    assert_eq!(d.title.as_deref(), Some("某某市管理条例"));
}

#[test]
fn numbering_gaps_are_warnings() {
    let d = doc("第一条 甲。\n第二条 乙。\n第四条 丁。\n");
    let gap = d
        .warnings
        .iter()
        .find(|w| w.code == "numbering_gap")
        .expect("a gap warning");
    assert_eq!(gap.location.as_deref(), Some("第四条"));
}

#[test]
fn an_unnumbered_heading_between_articles_is_a_heading() {
    let d = doc(
        "第一章 总则\n第一条 为了规范管理，制定本条例。\n第二章 管理\n第二条 主管部门负责管理。\n\
        附 则\n第三条 本条例自公布之日起施行。\n",
    );
    let chapters: Vec<(Option<&str>, Option<&str>)> = d
        .children
        .iter()
        .map(|c| (c.label.as_deref(), c.heading.as_deref()))
        .collect();
    assert_eq!(
        chapters,
        [
            (Some("第一章"), Some("总则")),
            (Some("第二章"), Some("管理")),
            (None, Some("附则"))
        ]
    );
    assert_eq!(article(&d, "第二条").full_text(), "主管部门负责管理。");
    assert_eq!(d.children[2].children[0].label.as_deref(), Some("第三条"));
}

#[test]
fn an_excerpt_jumps_far_and_its_contents_list_parts_and_subparts() {
    let d = doc("中华人民共和国民法典\n目　　录\n第一编　总　　则\n第一章　基本规定\n第三编　合　　同\n第一分编　通　　则\n第一章　一般规定\n\
        第一编　总　　则\n第一章　基本规定\n第一条　为了保护民事主体的合法权益，制定本法。\n第二条　民法调整平等主体之间的关系。\n\
        第二章　自然人\n第十三条　自然人从出生时起到死亡时止，具有民事权利能力。\n\
        第三编　合　　同\n第一分编　通　　则\n第一章　一般规定\n第四百六十三条　本编调整因合同产生的民事关系。\n\
        第四百六十四条　合同是民事主体之间的协议，依照本法第四百六十三条的规定处理。\n");
    let numbers: Vec<u32> = d.articles().map(|a| a.number.unwrap()).collect();
    assert_eq!(numbers, [1, 2, 13, 463, 464]);
    assert_eq!(labels(&d, Kind::Part), ["第一编", "第三编"]);
    assert_eq!(labels(&d, Kind::Subpart), ["第一分编"]);
    assert_eq!(labels(&d, Kind::Chapter), ["第一章", "第二章", "第一章"]);
    let gaps: Vec<&str> = d
        .warnings
        .iter()
        .filter(|w| w.code == "numbering_gap")
        .filter_map(|w| w.location.as_deref())
        .collect();
    assert!(
        gaps.contains(&"第十三条") && gaps.contains(&"第四百六十三条"),
        "{gaps:?}"
    );
    assert!(
        d.preamble.as_deref().unwrap_or("").contains("目"),
        "the 目录 stays out of the body"
    );
}

#[test]
fn two_laws_in_one_file_are_two_documents() {
    let mut docs = extract_text(
        "甲市养犬管理条例\n（2020年1月1日甲市人民代表大会常务委员会通过）\n第一章 总则\n\
         第一条 为了规范养犬行为，制定本条例。\n第二条 本条例自公布之日起施行。\n\
         乙市物业管理条例\n（2021年3月1日乙市人民代表大会常务委员会通过）\n第一章 总则\n\
         第一条 为了规范物业管理活动，制定本条例。\n第二条 依照本条例第一条的规定执行。\n\
         第三条 本条例自2021年5月1日起施行。\n",
        "two.txt",
    );
    assert_eq!(docs.len(), 2);
    let second = docs.remove(1);
    let first = docs.remove(0);
    assert_eq!(first.title.as_deref(), Some("甲市养犬管理条例"));
    assert_eq!(second.title.as_deref(), Some("乙市物业管理条例"));
    assert_eq!(
        (first.articles().count(), second.articles().count()),
        (2, 3)
    );
    assert_eq!(second.meta.events[0].date, "2021-03-01");
    assert_eq!(second.children[0].label.as_deref(), Some("第一章"));
}

#[test]
fn a_compilation_of_a_law_a_decision_and_a_judicial_interpretation_is_three_documents() {
    // Copied one after another: no bracket round the dated notes, a decision of prose under a
    // title too long to read as a short heading, a judicial interpretation whose preamble
    // enacts it.
    let docs = extract_text(
        "甲市养犬管理条例\n\n2020年1月1日 甲市第十五届人民代表大会常务委员会第十八次会议通过\n\n\
         第一条 为了规范养犬行为，制定本条例。\n\n第二条 本条例自公布之日起施行。\n\n\
         甲市人民代表大会常务委员会关于依法防控新型冠状病毒感染肺炎疫情坚决打赢疫情防控阻击战的决定\n\n\
         2020年2月7日 甲市第十五届人民代表大会常务委员会第十八次会议通过\n\n\
         为了依法科学有序防控疫情，保障人民群众生命安全和身体健康，作如下决定。\n\n\
         本决定自公布之日起施行。\n\n\
         最高人民法院关于审理使用人脸识别技术处理个人信息相关民事案件适用法律若干问题的规定\n\n\
         2021年6月8日 最高人民法院审判委员会第1841次会议通过\n\n2021年8月1日 施行\n\n\
         为正确审理相关民事案件，根据法律的规定，结合审判实践，制定本规定。\n\n\
         第一条 本规定适用于相关民事案件。\n\n第二条 本规定自2021年8月1日起施行。\n",
        "compilation.txt",
    );
    let titles: Vec<Option<&str>> = docs.iter().map(|d| d.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            Some("甲市养犬管理条例"),
            Some("甲市人民代表大会常务委员会关于依法防控新型冠状病毒感染肺炎疫情坚决打赢疫情防控阻击战的决定"),
            Some("最高人民法院关于审理使用人脸识别技术处理个人信息相关民事案件适用法律若干问题的规定"),
        ]
    );
    let articles: Vec<usize> = docs.iter().map(|d| d.articles().count()).collect();
    assert_eq!(articles, [2, 0, 2]);
    assert!(docs[2]
        .preamble
        .as_deref()
        .unwrap()
        .ends_with("制定本规定。"));
}

#[test]
fn a_plan_in_parts_chapters_and_sections_numbers_its_divisions_again_in_each() {
    let d = doc("某某发展规划纲要\n\
        目录\n第一篇 发展环境\n第一章 发展基础\n第二篇 主要任务\n第二章 创新驱动\n\
        第一篇 发展环境\n\
        第一章 发展基础\n过去五年，经济持续增长。\n\
        一、经济实力\n地区生产总值稳步增长。\n二、改革开放\n重点改革全面推开。\n\
        第二篇 主要任务\n\
        第二章 创新驱动\n\
        第一节 科技创新\n一、加强基础研究\n提高投入。\n二、建设创新平台\n布局实验室。\n\
        第二节 人才队伍\n一、引进人才\n完善政策。\n");
    assert_eq!(labels(&d, Kind::Part), ["第一篇", "第二篇"]);
    assert_eq!(labels(&d, Kind::Chapter), ["第一章", "第二章"]);
    assert_eq!(labels(&d, Kind::Section), ["第一节", "第二节"]);
    assert_eq!(
        labels(&d, Kind::Division),
        ["一、", "二、", "一、", "二、", "一、"]
    );
    // Each 一、 under its own heading, with an id of its own.
    let ids: Vec<&str> = d
        .nodes()
        .filter(|n| n.kind == Kind::Division)
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "t#1/pt1/ch1/d1",
            "t#1/pt1/ch1/d2",
            "t#1/pt2/ch2/se1/d1",
            "t#1/pt2/ch2/se1/d2",
            "t#1/pt2/ch2/se2/d1"
        ]
    );
    // The 目录 stays in the preamble.
    assert!(d.preamble.as_deref().unwrap().contains("目录"));
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn a_plan_in_parts_called_bufen_is_one_document_with_its_divisions_under_each_part() {
    let d = doc("关于某某工作的实施方案\n\
        第一部分 总体要求\n一、指导思想\n坚持稳中求进。\n二、基本原则\n坚持问题导向。\n\
        第二部分 重点任务\n一、加强组织领导\n成立领导小组。\n二、强化督导检查\n定期检查。\n");
    assert_eq!(d.title.as_deref(), Some("关于某某工作的实施方案"));
    assert_eq!(labels(&d, Kind::Part), ["第一部分", "第二部分"]);
    let parts: Vec<(Option<&str>, usize)> = d
        .children
        .iter()
        .map(|p| (p.heading.as_deref(), p.children.len()))
        .collect();
    assert_eq!(parts, [(Some("总体要求"), 2), (Some("重点任务"), 2)]);
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn a_plan_in_parts_on_one_line_keeps_its_parts_and_their_divisions() {
    // The breaks after 部分 titles became a space or nothing; the last part has no units, only
    // text after its title.
    let d = doc("关于某某工作的实施方案 为推进某某工作，制定本方案。\
        第一部分 总体要求一、指导思想 坚持稳中求进。二、基本原则 坚持问题导向。 \
        第二部分 重点任务一、加强组织领导 成立领导小组。二、强化督导检查 定期检查。\
        第三部分 组织实施 各地区要抓好落实，确保各项任务落到实处。");
    let parts: Vec<(&str, Option<&str>, usize)> = d
        .children
        .iter()
        .map(|p| {
            (
                p.label.as_deref().unwrap(),
                p.heading.as_deref(),
                p.children.len(),
            )
        })
        .collect();
    assert_eq!(
        parts,
        [
            ("第一部分", Some("总体要求"), 2),
            ("第二部分", Some("重点任务"), 2),
            ("第三部分", Some("组织实施"), 0)
        ]
    );
    assert_eq!(
        d.children[2].text.as_deref(),
        Some("各地区要抓好落实，确保各项任务落到实处。")
    );
    assert_eq!(
        d.children[1].children[1].text.as_deref(),
        Some("定期检查。")
    );
}

#[test]
fn a_plan_in_pian_and_chapters_on_one_line_keeps_its_headings() {
    // A 规划纲要 of 篇 and 章 without articles, each title ended by a space or running up to
    // the unit under it; a chapter's text may open with a quotation.
    let d = doc(
        "某某省国民经济和社会发展第十四个五年规划纲要 第一篇 开启现代化新征程 \
        第一章 发展环境 “十三五”时期，全省经济实力显著增强。\
        第二章 总体要求一、指导思想 深入贯彻党的二十大精神。二、主要目标 经济实现质的有效提升。 \
        第二篇 坚持创新驱动发展 第三章 强化战略科技力量 加快建设科技强省。\
        第四章 提升企业技术创新能力 强化企业创新主体地位。",
    );
    let headings = |kind| -> Vec<(String, String)> {
        d.nodes()
            .filter(|n| n.kind == kind)
            .map(|n| (n.label.clone().unwrap(), n.heading.clone().unwrap()))
            .collect()
    };
    assert_eq!(
        headings(Kind::Part),
        [
            ("第一篇".into(), "开启现代化新征程".into()),
            ("第二篇".into(), "坚持创新驱动发展".into())
        ]
    );
    let chapters: Vec<String> = headings(Kind::Chapter)
        .into_iter()
        .map(|(_, h)| h)
        .collect();
    assert_eq!(
        chapters,
        [
            "发展环境",
            "总体要求",
            "强化战略科技力量",
            "提升企业技术创新能力"
        ]
    );
    assert_eq!(
        d.children[1].children.len(),
        2,
        "第三章 and 第四章 under 第二篇"
    );
    let first = &d.children[0].children[0];
    assert_eq!(
        first.text.as_deref(),
        Some("“十三五”时期，全省经济实力显著增强。")
    );
    assert_eq!(labels(&d, Kind::Division), ["一、", "二、"]);
}

#[test]
fn a_chapter_title_on_the_line_after_its_label_is_its_heading() {
    let d = doc(
        "某某条例\n第一章\n总　则\n第一条 为了规范管理，制定本条例。\n\
        第二章\n附则\n第二条 本条例自公布之日起施行。\n",
    );
    let chapters: Vec<(Option<&str>, Option<&str>)> = d
        .children
        .iter()
        .map(|c| (c.heading.as_deref(), c.text.as_deref()))
        .collect();
    assert_eq!(chapters, [(Some("总则"), None), (Some("附则"), None)]);
    // A sentence after a lone label is the chapter's text, not its title.
    let d = doc(
        "某某纲要\n第一章\n本章规定总体要求。\n一、指导思想\n坚持稳中求进。\n\
        第二章\n本章规定任务。\n一、加强领导\n成立小组。\n",
    );
    assert_eq!(d.children[0].heading, None);
    assert_eq!(d.children[0].text.as_deref(), Some("本章规定总体要求。"));
}

/// A compilation of pieces published the same day: each ends with the same closing line, a
/// page or more apart, as a running head recurs. It is each piece's trailer, not page
/// furniture.
#[test]
fn a_closing_line_that_recurs_is_each_pieces_trailer() {
    let mut text = String::new();
    for title in [
        "关于加强甲项工作的意见",
        "关于推进乙项工作的通知",
        "关于做好丙项工作的方案",
    ] {
        text.push_str(title);
        text.push('\n');
        for (label, heading) in [
            ("一、", "总体要求"),
            ("二、", "主要任务"),
            ("三、", "保障措施"),
        ] {
            text.push_str(&format!(
                "{label}{heading}\n各地区各部门要把{heading}落到实处，结合实际制定具体措施，\
                 确保工作取得实效。\n要加强组织领导，推动{heading}落地见效。\n"
            ));
        }
        text.push_str("发布时间：2024年3月1日 来源：新华社\n");
    }
    let docs = extract_text(&text, "t");
    assert_eq!(docs.len(), 3);
    for d in &docs {
        assert_eq!(
            d.trailer.as_deref(),
            Some("发布时间：2024年3月1日 来源：新华社")
        );
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        assert_eq!(labels(d, Kind::Division), ["一、", "二、", "三、"]);
    }
}

/// A notice that issues a plan (印发通知), signed and dated, then the plan itself: two
/// documents, the notice keeping its signature and the plan its title.
#[test]
fn a_notice_that_issues_a_plan_and_the_plan_are_two_documents() {
    let docs = extract_text(
        "国务院办公厅关于印发某某方案的通知\n国办发〔2024〕5号\n\
         各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\
         《某某方案》已经国务院同意，现印发给你们，请认真贯彻执行。\n\
         国务院办公厅\n2024年3月1日\n（此件公开发布）\n\
         某某方案\n为做好某某工作，制定本方案。\n\
         一、总体要求\n（一）指导思想。坚持正确方向。\n\
         二、主要任务\n（二）加强管理。做好这项工作。\n",
        "t",
    );
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0].title.as_deref(),
        Some("国务院办公厅关于印发某某方案的通知")
    );
    assert_eq!(
        docs[0].meta.doc_number.as_deref(),
        Some("国办发〔2024〕5号")
    );
    // Its signature closes it: the trailer, as under a body of numbered units.
    let notice = docs[0].preamble.clone().unwrap_or_default();
    assert!(notice.ends_with("请认真贯彻执行。"), "{notice}");
    assert_eq!(
        docs[0].trailer.as_deref(),
        Some("国务院办公厅\n2024年3月1日\n（此件公开发布）")
    );
    assert_eq!(docs[1].title.as_deref(), Some("某某方案"));
    assert_eq!(labels(&docs[1], Kind::Division), ["一、", "二、"]);
}

/// A notice that issues regulations lists its attachment under its text (附件说明, GB/T 9704)
/// before its signature; the attachment follows under its label. The list names the
/// attachment: it starts no document of its own, and closes the notice with the signature.
#[test]
fn a_notice_lists_its_attachment_and_the_attachment_follows() {
    let docs = extract_text(
        "财政部关于印发《某某管理办法》的通知\n财库〔2021〕22号\n\n\
         各中央预算单位：\n\
         为加强某某管理，财政部制定了《某某管理办法》。现印发给你们，请遵照执行。\n\n\
         附件：某某管理办法\n\n财政部\n2021年4月6日\n\n附件\n\n某某管理办法\n\n\
         第一章 总则\n第一条 为加强某某管理，制定本办法。\n\
         第二章 附则\n第二条 本办法自2021年7月1日起施行。\n",
        "t",
    );
    let titles: Vec<Option<&str>> = docs.iter().map(|d| d.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            Some("财政部关于印发《某某管理办法》的通知"),
            Some("某某管理办法")
        ]
    );
    assert_eq!(
        docs[0].trailer.as_deref(),
        Some("附件：某某管理办法\n财政部\n2021年4月6日\n附件")
    );
    assert_eq!(docs[1].articles().count(), 2);
}

/// A list of several attachments numbers them (`附件：1.甲方案` / `2.乙方案`, or `附件：` over
/// the numbered names): the numbers are the list's, not units of the notice, and the list
/// closes the notice with its signature; each attachment is a document under its label.
#[test]
fn the_numbers_of_a_list_of_attachments_are_no_units() {
    for list in ["附件：1.甲方案\n2.乙方案", "附件：\n1.甲方案\n2.乙方案"] {
        let text = format!(
            "国务院办公厅关于印发两个方案的通知\n\
             各省、自治区、直辖市人民政府：\n\
             《甲方案》和《乙方案》已经国务院同意，现印发给你们，请认真贯彻执行。\n\n\
             {list}\n\n国务院办公厅\n2023年3月1日\n\n\
             附件1\n\n甲方案\n\n为做好甲工作，制定本方案。\n\
             一、总体要求\n坚持稳中求进。\n二、主要任务\n做好甲工作。\n\n\
             附件2\n\n乙方案\n\n为做好乙工作，制定本方案。\n\
             一、工作目标\n取得明显成效。\n二、保障措施\n加强组织领导。\n"
        );
        let docs = extract_text(&text, "t");
        let titles: Vec<Option<&str>> = docs.iter().map(|d| d.title.as_deref()).collect();
        assert_eq!(
            titles,
            [
                Some("国务院办公厅关于印发两个方案的通知"),
                Some("甲方案"),
                Some("乙方案")
            ],
            "{list}"
        );
        assert!(
            docs[0].children.is_empty(),
            "{list}: {:?}",
            docs[0].children
        );
        let trailer = docs[0].trailer.as_deref().unwrap_or_default();
        assert!(trailer.starts_with(list), "{list}: {trailer}");
        assert_eq!(labels(&docs[1], Kind::Division), ["一、", "二、"]);
        assert_eq!(labels(&docs[2], Kind::Division), ["一、", "二、"]);
    }
}

/// A plan whose attachment follows its body under `附件：` and the attachment's name, without a
/// number: the note is the attachment's heading, and the `一、 二、` under it its divisions, not
/// the names of a list of attachments (which would go on with the note's own numbering).
#[test]
fn divisions_under_an_attachment_named_without_a_number_are_its_units() {
    let docs = extract_text(
        "某某市优化营商环境行动方案\n为优化营商环境，制定本方案。\n\
         一、总体要求\n坚持稳中求进。\n二、重点任务\n提升政务服务效能。\n\
         附件：某某市优化营商环境重点任务分工方案\n\
         一、政务服务\n市政务服务局牵头负责。\n二、法治保障\n市司法局牵头负责。\n",
        "t",
    );
    let divisions: Vec<Vec<String>> = docs.iter().map(|d| labels(d, Kind::Division)).collect();
    assert_eq!(divisions, [["一、", "二、"], ["一、", "二、"]]);
    assert_eq!(docs[1].children[0].heading.as_deref(), Some("政务服务"));
}

/// A plan's 目录 with leaders up to page numbers: PDF text sets every entry to the same width,
/// which reads like hard-wrapped lines, but each entry ends on its page number. The entries stay
/// in the preamble and the divisions keep their own headings.
#[test]
fn a_plans_table_of_contents_with_leaders_is_not_its_first_division() {
    let d = doc("某某省“十四五”数字经济发展规划\n目  录\n\
        一、发展基础 ……………………………………………… 1\n\
        二、总体要求 ……………………………………………… 3\n\
        三、重点任务 ……………………………………………… 5\n\
        四、保障措施 ……………………………………………… 9\n\
        一、发展基础\n“十三五”以来，我省数字经济快速发展。\n\
        二、总体要求\n以习近平新时代中国特色社会主义思想为指导。\n\
        三、重点任务\n加快数字产业化，推进产业数字化。\n\
        四、保障措施\n加强组织领导，强化要素保障。\n");
    let headings: Vec<Option<&str>> = d.children.iter().map(|u| u.heading.as_deref()).collect();
    assert_eq!(
        headings,
        [
            Some("发展基础"),
            Some("总体要求"),
            Some("重点任务"),
            Some("保障措施")
        ]
    );
    let preamble = d.preamble.as_deref().unwrap();
    assert!(
        preamble.starts_with("目  录\n一、发展基础 ……"),
        "{preamble}"
    );
    assert_eq!(preamble.lines().count(), 5, "{preamble}");
}

/// An amending decision's items quote the text they write. A full stop inside the quotation
/// ends no lead sentence: the item is text, not a heading cut in the middle of a quotation;
/// a policy item whose lead sentence quotes a phrase keeps its heading.
#[test]
fn a_stop_inside_quotation_marks_ends_no_lead_sentence() {
    let d = doc(
        "全国人民代表大会常务委员会关于修改《中华人民共和国某某法》的决定\n\
        第十四届全国人民代表大会常务委员会第八次会议决定对《中华人民共和国某某法》作如下修改：\n\
        一、将第二条修改为：“本法所称某某，是指某某。”\n\
        二、增加一条，作为第十条：“国家鼓励某某。有关部门应当支持。”\n\
        三、坚持“两个毫不动摇”。做好某某工作。\n",
    );
    assert_eq!(labels(&d, Kind::Division), ["一、", "二、", "三、"]);
    let first = &d.children[0];
    assert_eq!(first.heading, None);
    assert_eq!(
        first.text.as_deref(),
        Some("将第二条修改为：“本法所称某某，是指某某。”")
    );
    assert_eq!(d.children[1].heading, None);
    let third = &d.children[2];
    assert_eq!(third.heading.as_deref(), Some("坚持“两个毫不动摇”"));
    assert_eq!(third.text.as_deref(), Some("做好某某工作。"));
}

/// A notice, its list of attachments and its signature, then the attachment with its own
/// numbering: the notice keeps the list and the signature as its trailer, and the attachment
/// is a document of its own.
#[test]
fn a_notice_keeps_its_signature_and_its_attachment_is_a_document() {
    let docs = extract_text(
        "关于做好某某工作的通知\n各有关单位：\n为做好某某工作，现将有关事项通知如下。\n\
         一、工作目标\n到2025年，基本建成某某体系。\n\
         二、工作要求\n（一）加强领导。各单位要高度重视。\n（二）严格落实。各单位要抓好落实。\n\
         附件：某某工作清单\n某某局办公室\n2024年3月1日\n\
         附件\n某某工作清单\n一、重点任务\n1.完成某某调查。\n2.编制某某规划。\n\
         二、保障措施\n3.落实经费保障。\n",
        "t",
    );
    assert_eq!(docs.len(), 2);
    // The attachment's label stays with the notice that lists it: the attachment's title is
    // its own.
    assert_eq!(
        docs[0].trailer.as_deref(),
        Some("附件：某某工作清单\n某某局办公室\n2024年3月1日\n附件")
    );
    assert_eq!(labels(&docs[0], Kind::Item), ["（一）", "（二）"]);
    assert_eq!(labels(&docs[1], Kind::Subitem), ["1.", "2.", "3."]);
    assert_eq!(docs[1].title.as_deref(), Some("某某工作清单"));
}

/// A law printed in a newspaper: the editor's note in brackets after its last article is its
/// trailer, not a paragraph of that article.
#[test]
fn an_editors_note_in_brackets_after_the_last_article_is_the_trailer() {
    for note in ["（责任编辑：张三）", "（新华社北京2月28日电）", "（完）"] {
        let d = doc(&format!(
            "中华人民共和国某某法\n第一条 为了规范某某，制定本法。\n\
             第二条 本法自2024年7月1日起施行。\n{note}\n"
        ));
        assert_eq!(d.trailer.as_deref(), Some(note));
        assert_eq!(
            article(&d, "第二条").children.len(),
            1,
            "one paragraph in 第二条"
        );
    }
}

/// A law as a newspaper page prints it: the page's head (版头) above it is page furniture, so
/// the law's title is its own, and the head is kept in a warning.
#[test]
fn a_newspaper_page_head_is_furniture_and_the_law_keeps_its_title() {
    let docs = extract_text(
        "人民日报 2024年3月1日 星期五 第4版\n中华人民共和国某某法\n\
         （2024年2月28日第十四届全国人民代表大会常务委员会第八次会议通过）\n\
         第一条 为了规范某某，制定本法。\n第二条 本法自2024年7月1日起施行。\n",
        "t",
    );
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].title.as_deref(), Some("中华人民共和国某某法"));
    let furniture: Vec<_> = docs[0]
        .warnings
        .iter()
        .filter(|w| w.code == "page_furniture")
        .filter_map(|w| w.location.as_deref())
        .collect();
    assert_eq!(furniture, ["人民日报 2024年3月1日 星期五 第4版"]);
}

/// A newspaper page: its head, a news report, then the law it reports. The page head is the
/// furniture of the report it stands above, not of the law.
#[test]
fn page_furniture_goes_to_the_piece_it_stood_in() {
    let docs = extract_text(
        "人民日报 2024年3月1日 星期五 第4版\n全国人大常委会表决通过某某法\n\
         本报北京2月28日电（记者 张三）十四届全国人大常委会第八次会议28日表决通过某某法，\
         自2024年7月1日起施行。会议认为，制定某某法对于促进某某事业发展具有重要意义。\n\
         中华人民共和国某某法\n第一条 为了规范某某，制定本法。\n第二条 本法自2024年7月1日起施行。\n",
        "t",
    );
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1].title.as_deref(), Some("中华人民共和国某某法"));
    let located = |d: &fatiao::Document| -> Vec<String> {
        d.warnings
            .iter()
            .filter_map(|w| w.location.clone())
            .collect()
    };
    assert_eq!(located(&docs[0]), ["人民日报 2024年3月1日 星期五 第4版"]);
    assert!(located(&docs[1]).is_empty());
}

/// A unit as (label, heading, heading_end, text).
type Unit = (String, Option<String>, Option<String>, Option<String>);

/// Each node of `kind` as a [`Unit`].
fn units(doc: &Document, kind: Kind) -> Vec<Unit> {
    doc.nodes()
        .filter(|n| n.kind == kind)
        .map(|n| {
            (
                n.label.clone().unwrap_or_default(),
                n.heading.clone(),
                n.heading_end.clone(),
                n.text.clone(),
            )
        })
        .collect()
}

#[test]
fn a_policy_unit_of_one_sentence_is_text_unless_units_come_under_it() {
    let d = doc("某某工作要点\n\
        一、推动基础教育扩优提质\n\
        1.推进学前教育普及普惠。新增公办幼儿园学位2万个。\n\
        2.促进义务教育优质均衡发展。\n\
        （1）扩大优质资源。\n\
        （2）缩小城乡差距。\n\
        3.实施县域普通高中发展提升行动计划。\n");
    let s = |x: &str| Some(x.to_string());
    // A lead sentence with more after it, or with units under it, is the unit's title.
    assert_eq!(
        units(&d, Kind::Subitem),
        [
            (
                "1.".into(),
                s("推进学前教育普及普惠"),
                s("。"),
                s("新增公办幼儿园学位2万个。")
            ),
            ("2.".into(), s("促进义务教育优质均衡发展"), s("。"), None),
            (
                "3.".into(),
                None,
                None,
                s("实施县域普通高中发展提升行动计划。")
            ),
        ]
    );
    assert_eq!(
        units(&d, Kind::Point),
        [
            ("（1）".into(), None, None, s("扩大优质资源。")),
            ("（2）".into(), None, None, s("缩小城乡差距。")),
        ]
    );
    // The items of an amending decision say what changes; they have no titles.
    let d = doc("关于修改《某某条例》的决定\n\
        某某决定对《某某条例》作如下修改：\n\
        一、删去第十条第二款。\n\
        二、将第十二条中的“某某”修改为“某某某”。\n\
        三、将第二条修改为：“本条例所称某某，是指某某。”\n");
    let texts: Vec<(Option<String>, Option<String>)> = units(&d, Kind::Division)
        .into_iter()
        .map(|(_, h, _, t)| (h, t))
        .collect();
    assert_eq!(
        texts,
        [
            (None, s("删去第十条第二款。")),
            (None, s("将第十二条中的“某某”修改为“某某某”。")),
            (None, s("将第二条修改为：“本条例所称某某，是指某某。”")),
        ]
    );
}

#[test]
fn units_that_open_with_sentences_of_prose_have_no_titles() {
    // Excerpts of a speech, numbered: each opens with a sentence of some length, and none is a
    // title, short or long.
    let d = doc("某某：论某某制度\n\
        一、我们要坚持国家一切权力属于人民的宪法理念，最广泛地动员和组织人民依照宪法和法律规定行使国家权力。这是根本。\n\
        二、加强人民当家作主制度保障。要坚持和完善人民代表大会制度。\n\
        三、人民代表大会制度之所以具有强大生命力和显著优越性，关键在于它深深植根于人民之中。这是经验。\n");
    let headings: Vec<Option<String>> = units(&d, Kind::Division)
        .into_iter()
        .map(|(_, h, _, _)| h)
        .collect();
    assert_eq!(headings, [None, None, None]);
    assert_eq!(
        units(&d, Kind::Division)[1].3.as_deref(),
        Some("加强人民当家作主制度保障。要坚持和完善人民代表大会制度。")
    );
    // Run-in titles are short as a family; a long one among them is still a title.
    let d = doc("某某纲要\n\
        （一）健全用习近平新时代中国特色社会主义思想武装全党、教育人民的制度。与时俱进完善制度。\n\
        （二）完善党的组织法规。健全组织体系。\n\
        （三）加强作风建设。持续整治形式主义。\n");
    let headings: Vec<Option<String>> = units(&d, Kind::Item)
        .into_iter()
        .map(|(_, h, _, _)| h)
        .collect();
    assert_eq!(
        headings,
        [
            Some("健全用习近平新时代中国特色社会主义思想武装全党、教育人民的制度".to_string()),
            Some("完善党的组织法规".to_string()),
            Some("加强作风建设".to_string()),
        ]
    );
}

#[test]
fn an_attachment_published_alone_is_titled_by_the_title_under_its_label() {
    for (text, label) in [
        ("附件1\n\n重点任务分工表\n\n一、全面实施市场准入负面清单管理\n二、着力优化工业产品管理制度\n", "附件1"),
        ("附件\n某某市数字经济发展三年行动方案（2024—2026年）\n为加快数字经济发展，制定本方案。\n一、总体要求\n坚持创新驱动。\n二、重点任务\n建设5G基站。\n", "附件"),
    ] {
        let d = doc(text);
        assert!(d.title.as_deref().is_some_and(|t| !t.starts_with("附件")), "{:?}", d.title);
        // The label is not lost: it heads the preamble.
        assert!(d.preamble.as_deref().is_some_and(|p| p.starts_with(label)), "{:?}", d.preamble);
    }
    // A label with no title under it is left as it was.
    let d = doc("附件2\n一、全面实施市场准入负面清单管理。\n二、着力优化工业产品管理制度。\n");
    assert_eq!(d.title.as_deref(), Some("附件2"));
}

#[test]
fn in_a_single_line_a_sentence_citing_the_paragraph_before_opens_a_paragraph() {
    // A law exported as one line: most paragraph breaks left no trace. A sentence that cites
    // the paragraph before it (`前款`), or speaks of the law itself (`违反本条例…`), opens a 款;
    // other sentences go on the one they are in.
    let d = doc("某某市某某管理条例 第一条 为了加强某某管理，制定本条例。\
        第二条 单位应当建立管理制度。具体办法由市人民政府规定。前款规定的管理制度应当向社会公开。\
        第三条 单位不得擅自处置设施。违反本条例第三条规定的，由主管部门责令改正。");
    let paragraphs = |label: &str| -> Vec<String> {
        article(&d, label)
            .children
            .iter()
            .map(|p| p.text.clone().unwrap_or_default())
            .collect()
    };
    assert_eq!(
        paragraphs("第二条"),
        [
            "单位应当建立管理制度。具体办法由市人民政府规定。",
            "前款规定的管理制度应当向社会公开。"
        ]
    );
    assert_eq!(
        paragraphs("第三条"),
        [
            "单位不得擅自处置设施。",
            "违反本条例第三条规定的，由主管部门责令改正。"
        ]
    );
}

/// Annotated editions give each article a title in lenticular brackets (条旨), on the label's
/// line or under it: it is the article's heading, as written, and not the start of its first
/// paragraph; the items and paragraphs after it are the article's as usual.
#[test]
fn an_article_title_in_lenticular_brackets_is_its_heading() {
    let d = doc("某某市物业管理条例\n\
        第一条【立法目的】为了规范物业管理活动，制定本条例。\n\
        第二条 【适用范围】\n本条例适用于本市。\n下列区域除外：\n（一）军事区域；\n（二）宗教场所。\n\
        第三条【删除】\n第四条【附则】\n（一）本条例自公布之日起施行。\n");
    let a1 = article(&d, "第一条");
    assert_eq!(a1.heading.as_deref(), Some("【立法目的】"));
    assert_eq!(
        a1.children[0].text.as_deref(),
        Some("为了规范物业管理活动，制定本条例。")
    );
    let a2 = article(&d, "第二条");
    assert_eq!(a2.heading.as_deref(), Some("【适用范围】"));
    assert_eq!(a2.children.len(), 2, "two paragraphs");
    assert_eq!(a2.children[0].text.as_deref(), Some("本条例适用于本市。"));
    assert_eq!(a2.children[1].children.len(), 2, "two items");
    assert_eq!(
        a2.full_text(),
        "【适用范围】本条例适用于本市。下列区域除外：（一）军事区域；（二）宗教场所。"
    );
    // Words in brackets that are all an article says are its text; a title over items alone
    // is a title.
    let a3 = article(&d, "第三条");
    assert_eq!(a3.heading, None);
    assert_eq!(a3.children[0].text.as_deref(), Some("【删除】"));
    assert_eq!(article(&d, "第四条").heading.as_deref(), Some("【附则】"));
}

/// The formula that closes an official document (`此复。` under a 批复's last item, `特此通知。`
/// under a notice's text) opens its closing lines: it is the trailer's with the signature, not
/// the last item's text nor the notice's body.
#[test]
fn a_closing_formula_opens_the_trailer() {
    let d = doc("最高人民法院关于某某问题的批复\n\
        某某省高级人民法院：\n你院《关于某某问题的请示》收悉。经研究，答复如下：\n\
        一、某某款项属于具有担保支付性质的资金。\n\
        二、开证银行对外未支付款项的，人民法院可以依法采取冻结措施。\n\
        此复。\n\n最高人民法院\n1997年7月5日\n");
    let last = d.children.last().unwrap();
    assert_eq!(
        last.text.as_deref(),
        Some("开证银行对外未支付款项的，人民法院可以依法采取冻结措施。")
    );
    assert_eq!(
        d.trailer.as_deref(),
        Some("此复。\n最高人民法院\n1997年7月5日")
    );
    let d = doc("某某局关于做好某某工作的通知\n各区县：\n\
        为做好某某工作，现将有关事项通知如下。请各单位认真落实。\n\
        特此通知。\n\n某某局\n2024年3月1日\n");
    assert_eq!(
        d.trailer.as_deref(),
        Some("特此通知。\n某某局\n2024年3月1日")
    );
    assert!(d
        .preamble
        .as_deref()
        .unwrap()
        .ends_with("请各单位认真落实。"));
}

#[test]
fn a_regulation_whose_preamble_enacts_its_implementing_rules_begins_with_its_title() {
    // Printed after the law it implements, with a preamble ending `制定本实施细则` (a name of
    // four characters; `制定本细则` was always read as enacting).
    let docs = extract_text(
        "甲管理条例\n第一条 为了规范管理，制定本条例。\n第二条 本条例自公布之日起施行。\n\
         乙管理条例实施细则\n为了贯彻执行甲管理条例，制定本实施细则。\n\
         第一条 本细则适用于全省。\n第二条 本细则自公布之日起施行。\n",
        "t",
    );
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[0].trailer, None,
        "nothing of the second law after the first"
    );
    assert_eq!(docs[1].title.as_deref(), Some("乙管理条例实施细则"));
    assert_eq!(
        docs[1].preamble.as_deref(),
        Some("为了贯彻执行甲管理条例，制定本实施细则。")
    );
}
