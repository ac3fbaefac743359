use super::*;
use crate::normalise::normalise;

fn paras(text: &str) -> Vec<String> {
    reflow(normalise(text))
        .into_iter()
        .map(|p| p.text)
        .collect()
}

#[test]
fn an_unfinished_line_runs_on_into_the_rest_of_its_sentence_but_not_into_a_heading() {
    let cut = "依托数字底座，庆阳市引进中国通号等头部企业，杭州链景打造西部增材制造产业基地，九州维安发布国内领先复合翼垂直起降无";
    // A page cut off mid-sentence, then the next document's title on two lines.
    assert_eq!(
        paras(&format!(
            "{cut}\n\n某某机关贯彻落实\n全面从严治党要求实施方案\n总体要求是：坚持。"
        )),
        [
            cut,
            "某某机关贯彻落实",
            "全面从严治党要求实施方案",
            "总体要求是：坚持。"
        ]
    );
    // A list of names, then the heading of the next group.
    let names = "石家庄仲裁委员会、邯郸仲裁委员会、邢台仲裁委员会、沧州仲裁委员会、承德仲裁委员会";
    assert_eq!(
        paras(&format!("{names}\n山西省\n大同仲裁委员会")),
        [names, "山西省", "大同仲裁委员会"]
    );
    // The rest of the sentence: it ends on a stop, or closes the bracket the line opened.
    let open = "根据《浙江省人民代表大会常务委员会关于修改〈中华人民共和国代表法〉办法、〈浙江省人民代表大会代表建议";
    assert_eq!(
        paras(&format!("{open}\n批评和意见办理的规定〉的决定》修正")),
        [format!("{open}批评和意见办理的规定〉的决定》修正")]
    );
    let broken = "违反本条例规定，擅自占用公路、公路用地或者改变公路用地用途的，由公路管理机构依照";
    assert_eq!(
        paras(&format!("{broken}\n公路法的规定处罚。")),
        [format!("{broken}公路法的规定处罚。")]
    );
}

#[test]
fn clean_lines_are_paragraphs() {
    assert_eq!(
        paras("第一章 总则\n第一条 为了保守国家秘密，制定本法。\n第二条 国家秘密受法律保护。"),
        [
            "第一章 总则",
            "第一条 为了保守国家秘密，制定本法。",
            "第二条 国家秘密受法律保护。"
        ]
    );
}

#[test]
fn the_last_item_of_a_list_does_not_run_into_the_signature_under_it() {
    assert_eq!(
        paras("附件：1.某某工作清单\n2.某某情况统计表\n\n某某局办公室\n2024年3月1日"),
        [
            "附件：1.某某工作清单",
            "2.某某情况统计表",
            "某某局办公室",
            "2024年3月1日"
        ]
    );
}

#[test]
fn an_item_titled_on_its_own_line_stands_alone_where_the_texts_items_are_titled() {
    // Most item lines are titles: each heads the paragraph under it.
    assert_eq!(
        paras("（一）指导思想\n坚持稳中求进，推动高质量发展。\n（二）主要目标\n到2025年，体系基本建立。"),
        [
            "（一）指导思想",
            "坚持稳中求进，推动高质量发展。",
            "（二）主要目标",
            "到2025年，体系基本建立。"
        ]
    );
    // Most item lines end on a stop: the one that does not was broken off.
    assert_eq!(
        paras("（一）审议工作报告；\n（二）审议向党委和上级党的工作机关\n请示报告的重要事项；\n（三）研究部署。"),
        [
            "（一）审议工作报告；",
            "（二）审议向党委和上级党的工作机关请示报告的重要事项；",
            "（三）研究部署。"
        ]
    );
}

#[test]
fn an_items_title_over_a_longer_paragraph_stands_alone_wherever_the_texts_items_end_on_a_stop() {
    // The pattern of a 意见: its first items titled on a line of their own, the rest opening
    // with a sentence (`（三）加强生态保护。…`), so most item lines end on a stop. A line shorter
    // than the next was not cut where the page ended.
    let guide =
        "以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大精神，着力推动高质量发展。";
    let principle = "——生态优先、绿色发展。牢固树立绿水青山就是金山银山的理念。";
    let text = format!(
        "一、总体要求\n（一）指导思想\n{guide}\n（二）工作原则\n{principle}\n二、重点任务\n（三）加强生态保护。加强草原保护。\n（四）推进治理。推进荒漠化治理。\n（五）强化监管。加强执法检查。"
    );
    assert_eq!(
        paras(&text)[..5],
        [
            "一、总体要求",
            "（一）指导思想",
            guide,
            "（二）工作原则",
            principle
        ]
    );
    // An item broken off before a shorter line, or one about as long (a full line after a first
    // line short by its lost indent), still goes on.
    assert_eq!(
        paras("（一）审议工作报告；\n（二）审议向党委和上级党的工作机关\n请示报告的重要事项；\n（三）研究部署。"),
        [
            "（一）审议工作报告；",
            "（二）审议向党委和上级党的工作机关请示报告的重要事项；",
            "（三）研究部署。"
        ]
    );
    assert_eq!(
        paras("（一）审议工作报告；\n（二）审议向党委和上级党的工作机关\n请示报告的重要事项、年度工作计划总结；\n（三）研究部署。"),
        [
            "（一）审议工作报告；",
            "（二）审议向党委和上级党的工作机关请示报告的重要事项、年度工作计划总结；",
            "（三）研究部署。"
        ]
    );
}

#[test]
fn a_line_that_opens_on_a_comma_or_a_closing_bracket_continues_the_one_before() {
    // Too few lines for a wrap width to be read: only the punctuation says it was cut.
    assert_eq!(
        paras("一、总体要求\n以新时代中国特色社会主义思想为指导\n，坚持稳中求进。\n“不表明其对发行人所作的保证。\n”"),
        [
            "一、总体要求",
            "以新时代中国特色社会主义思想为指导，坚持稳中求进。",
            "“不表明其对发行人所作的保证。”"
        ]
    );
}

#[test]
fn a_closing_line_takes_back_what_wrapped_off_it_and_no_more() {
    // The rest of the quote it left open, then a fragment; the next piece's title is its own.
    assert_eq!(
        paras("二、内容。\n发布时间：2024 年 2 月 19 日来源：“学习强\n国”学习\n平台\n习近平主持召开中央财经委员会第四次会议"),
        [
            "二、内容。",
            "发布时间：2024 年 2 月 19 日来源：“学习强国”学习平台",
            "习近平主持召开中央财经委员会第四次会议"
        ]
    );
    // A closing line that closed its quotes ends where it ends.
    assert_eq!(
        paras("二、内容。\n发布时间：2024 年 2 月 19 日来源：“新华网”\n某某实施方案"),
        [
            "二、内容。",
            "发布时间：2024 年 2 月 19 日来源：“新华网”",
            "某某实施方案"
        ]
    );
}

#[test]
fn an_unfinished_item_continues_across_a_blank_line() {
    assert_eq!(
        paras("(五)审议向党委和上级党的工作机关\n\n请示报告的重要事项;\n\n(六)研究部署。"),
        [
            "(五)审议向党委和上级党的工作机关请示报告的重要事项;",
            "(六)研究部署。"
        ]
    );
}

#[test]
fn a_division_heading_of_one_long_line_stands_alone() {
    // The label's `、` is no clause of a sentence that could run on.
    let heading = "二十八、修改《最高人民法院关于审理船舶油污损害赔偿纠纷案件若干问题的规定》";
    assert_eq!(
        paras(&format!(
            "{heading}\n\n将引言修改为：\n\n“为正确审理案件，制定本规定。”"
        )),
        [heading, "将引言修改为：", "“为正确审理案件，制定本规定。”"]
    );
    // A division that opens a long sentence with clauses still runs on.
    let opening = "三、坚持以人民为中心，健全共建共治共享的社会治理制度，提升社会治理效能，推动";
    assert_eq!(
        paras(&format!("{opening}\n社会治理现代化。")),
        [format!("{opening}社会治理现代化。")]
    );
}

#[test]
fn an_articles_title_on_its_labels_line_stands_alone() {
    assert_eq!(
        paras(
            "第二条 存单纠纷案件的案由\n\n人民法院可将本规定第一条所列案件，一律以存单纠纷为案由。"
        ),
        [
            "第二条 存单纠纷案件的案由",
            "人民法院可将本规定第一条所列案件，一律以存单纠纷为案由。"
        ]
    );
    // A sentence broken off after clauses still runs on.
    assert_eq!(
        paras("第三条 县级以上人民政府应当加强领导，\n\n做好本行政区域内的工作。"),
        ["第三条 县级以上人民政府应当加强领导，做好本行政区域内的工作。"]
    );
}

#[test]
fn a_title_line_stands_alone() {
    assert_eq!(
        paras("人民日报评论员\n\n党的工作机关在实施党的领导中发挥着重要作用。"),
        [
            "人民日报评论员",
            "党的工作机关在实施党的领导中发挥着重要作用。"
        ]
    );
}

#[test]
fn a_full_line_before_a_heading_label_ends_its_paragraph_unless_a_citation_runs_on() {
    // Wrapped at 16 characters. The header line fills the line by chance and ends without
    // a stop; the labels glued to their text on the next lines are headings all the same.
    let text = "某某市档案管理条例\n\n2019年1月1日某某市人大常委会会议通过\n\n\
                第一章总则\n\n第一条为了加强档案管理，根据有关法律\n，制定本条例。\n\
                第二条档案工作依照档案法和刑法分则\n第一章规定的原则，实行统一领导、分\n\
                级管理。违反规定的，依照档案法和本法\n第三条的规定处理，做到全面统筹相统\n\
                一、上下贯通。\n";
    assert_eq!(
        paras(text),
        [
            "某某市档案管理条例",
            "2019年1月1日某某市人大常委会会议通过",
            "第一章总则",
            "第一条为了加强档案管理，根据有关法律，制定本条例。",
            // 刑法分则 / 第一章规定: a citation (the word after it); 依照档案法和本法 /
            // 第三条的规定: one too (the words before it); 相统 / 一、: a word, not a label.
            "第二条档案工作依照档案法和刑法分则第一章规定的原则，实行统一领导、分级管理。\
             违反规定的，依照档案法和本法第三条的规定处理，做到全面统筹相统一、上下贯通。",
        ]
    );
}

/// `title` and a preamble and three articles of body, each paragraph wrapped at 20
/// characters, as PDF text gives them.
fn wrapped_at_20(title: &str) -> String {
    let mut text = String::new();
    for para in [
        title,
        "为正确审理某某案件，根据民事诉讼法等有关法律，结合审判实际，制定本规定。",
        "第一条人民法院审理某某案件，应当以事实为根据，以法律为准绳，依法保护当事人的合法权益。",
        "第二条当事人对某某事项有争议的，可以向有管辖权的人民法院提起诉讼，人民法院应当依法受理。",
        "第三条本规定自公布之日起施行，此前发布的有关规定与本规定不一致的，以本规定为准。",
    ] {
        let chars: Vec<char> = para.chars().collect();
        for line in chars.chunks(20) {
            text.extend(line);
            text.push('\n');
        }
    }
    text
}

#[test]
fn a_title_that_fills_the_first_line_ends_there() {
    let preamble = "为正确审理某某案件，根据民事诉讼法等有关法律，结合审判实际，制定本规定。";
    // Twenty characters, a whole line: the preamble runs on without a date line between.
    let text = wrapped_at_20("最高人民法院关于审理某某案件的若干规定");
    assert_eq!(
        paras(&text)[..2],
        ["最高人民法院关于审理某某案件的若干规定", preamble]
    );
    // A title wrapped inside its brackets, or before its qualifier, goes on.
    let title = "国务院关于修改《中华人民共和国某某管理条例》的决定";
    assert_eq!(paras(&wrapped_at_20(title))[..2], [title, preamble]);
    let title = "最高人民法院关于审理某某案件的若干规定（二）";
    assert_eq!(paras(&wrapped_at_20(title))[..2], [title, preamble]);
}

#[test]
fn a_header_over_blank_lines_keeps_its_lines() {
    // Long lines with a 、 in them, which an unfinished sentence across a blank line would
    // join: a whole title, then dated notes each opening with its date.
    let text = "最高人民法院、最高人民检察院关于办理抢夺刑事案件适用法律若干问题的解释\n\n\
                2013年9月30日 最高人民法院审判委员会第1592次会议、2013年10月22日最高人民检察院检察委员会第12次会议通过\n\n\
                2013年11月11日 最高人民法院、最高人民检察院公告公布\n\n\
                第一条 抢夺公私财物的，依照刑法处理。\n";
    assert_eq!(paras(text).len(), 4, "{:?}", paras(text));
    // A sentence broken by a blank line still joins.
    let text =
        "人民法院审理案件，应当依照法律、行政法规的规定，并参照有关部门的规定\n\n作出裁判。\n";
    assert_eq!(paras(text).len(), 1);
}

#[test]
fn lines_of_one_length_that_end_sentences_are_not_a_wrapped_text() {
    // A short regulation whose paragraphs happen to share a length (45-48 columns): read
    // as wrapped at 23 characters, `…管理。` filled its line and ran into the next
    // paragraph. Lines cut at a width seldom end on a stop; these mostly do.
    let text = "某某市养犬管理条例\n（2020年5月1日某某市人民代表大会常务委员会通过）\n\
                第1条　为了规范养犬行为，保障公民健康和人身安全，制定本条例。\n\
                第2条　本条例适用于本市行政区域内的养犬管理。\n\
                本条例所称养犬人，是指饲养犬只的个人或者单位。\n\
                第3条　养犬人应当遵守下列规定：\n（一）依法登记；\n（二）定期免疫。\n\
                第4条　违反本条例第2条规定的，由公安机关处理。\n\
                第5条　本条例自2021年1月1日起施行。\n";
    let got = paras(text);
    assert_eq!(got.len(), 10, "{got:?}");
    assert_eq!(got[4], "本条例所称养犬人，是指饲养犬只的个人或者单位。");
}

#[test]
fn a_title_after_a_sentence_that_filled_its_line_starts_a_paragraph() {
    // Two laws wrapped at 16 characters, one after the other.
    let text = "第一条为了保守国家秘密，维护国家\n安全和利益，根据宪法，制定本法。\n\
                第二条国家秘密是关系国家安全和利\n益的事项，依照法定程序确定，在一\n定时间内只限一定范围的人员知悉。\n\
                第三条本法自公布之日起施行，某某\n条例同时废止，某某办法同时废止。\n\
                乙省某某管理条例\n第一条为了乙，根据有关法律法规，\n结合本省实际，制定本条例。\n";
    let got = paras(text);
    assert_eq!(got[3], "乙省某某管理条例", "{got:?}");
    assert_eq!(got.len(), 5);
}

#[test]
fn a_line_twice_the_width_is_not_a_wrapped_line() {
    // A text hard-wrapped at 16 characters, then a page of news in long paragraphs: the
    // wrapping read over the window holds the news lines too, and each would be full.
    let mut text = String::new();
    for _ in 0..6 {
        text.push_str("第一条为了保守国家秘密，维护国家\n安全和利益，根据宪法，制定本法，\n保障改革开放和社会主义建设事业的\n顺利进行。\n");
    }
    text.push_str(
        "人民日报评论员\n\
         党的工作机关在实施党的领导、加强党的建设、推进党的事业中发挥着重要作用，新修订的条例日前发布。\n\
         嘉峪关全时服务护航企业\n\
         嘉峪关市税务部门与发改、住建、林草等部门建立了信息共享协作机制，有效防范了税收流失。\n",
    );
    let got = paras(&text);
    assert_eq!(got.len(), 6 + 4, "{got:?}");
    assert_eq!(got[8], "嘉峪关全时服务护航企业");
}

#[test]
fn a_title_that_fills_its_line_over_a_dated_note_stands_alone() {
    // The second law of a compilation wrapped at 16 characters: its title fills the line.
    let text = "第一条为了保守国家秘密，维护国家\n安全和利益，根据宪法，制定本法。\n\
                第二条国家秘密是关系国家安全和利\n益的事项，依照法定程序确定，在一\n定时间内只限一定范围的人员知悉。\n\n\
                某某省某某事务管理服务条例\n\n2009年11月9日 某某省人民代表\n大会常务委员会第十次会议通过\n\n\
                第一条为了乙，根据有关法律法规，\n结合本省实际，制定本条例。\n";
    let got = paras(text);
    assert_eq!(got[2], "某某省某某事务管理服务条例", "{got:?}");
    assert_eq!(
        got[3],
        "2009年11月9日 某某省人民代表大会常务委员会第十次会议通过"
    );
    // The same title full to the width, right after a sentence that filled its line.
    let text = "第一条为了保守国家秘密，维护国家\n安全和利益，根据宪法，制定本法。\n\
                第二条国家秘密是关系国家安全和利\n益的事项，依照法定程序确定，在一\n定时间内只限一定范围的人员知悉。\n\
                某某省某某某某事务管理服务条例\n2009年11月9日 某某省人民代表\n大会常务委员会第十次会议通过\n\
                第一条为了乙，根据有关法律法规，\n结合本省实际，制定本条例。\n";
    let got = paras(text);
    assert_eq!(got[2], "某某省某某某某事务管理服务条例", "{got:?}");
    // The first line of a sentence that reads as a title goes on.
    let text = "第一条为了保守国家秘密，维护国家\n安全和利益，根据宪法，制定本法。\n\
                第二条国家秘密是关系国家安全和利\n益的事项，依照法定程序确定，在一\n定时间内只限一定范围的人员知悉。\n\
                第三条本法施行前，依照某某规定\n2009年11月9日以前确定的国家秘\n密，仍依照原规定保守。\n";
    assert_eq!(paras(text).len(), 3);
}

#[test]
fn hard_wrapped_text_is_joined_by_line_length() {
    // Wrapped at 16 characters; a reference to another article begins a line.
    let text = "第一条为了保守国家秘密，维护国家\n安全和利益，根据宪法，制定本法。\n\
                第二条国家秘密是关系国家安全和利\n益的事项。\n\
                第三条违反本法规定的，依照本法的\n第三十四条规定的程序处理，并追究\n\n责任。\n\
                第四条保密工作坚持总体国家安全观\n，依法管理。\n第五条国家秘密受法律保护，任何组\n织都有保密的义务。\n";
    assert_eq!(
        paras(text),
        [
            "第一条为了保守国家秘密，维护国家安全和利益，根据宪法，制定本法。",
            "第二条国家秘密是关系国家安全和利益的事项。",
            "第三条违反本法规定的，依照本法的第三十四条规定的程序处理，并追究责任。",
            "第四条保密工作坚持总体国家安全观，依法管理。",
            "第五条国家秘密受法律保护，任何组织都有保密的义务。",
        ]
    );
}

/// `paras` hard-wrapped at `width` characters, each starting on a new line.
fn wrapped(paras: &[&str], width: usize) -> String {
    let mut text = String::new();
    for para in paras {
        let chars: Vec<char> = para.chars().collect();
        for line in chars.chunks(width) {
            text.extend(line);
            text.push('\n');
        }
    }
    text
}

#[test]
fn a_list_unit_broken_off_before_its_semicolon_goes_on_in_a_wrapped_text() {
    // Wrapped at 20; the source broke item (五) short, before the words that end it on `；`
    // as its siblings end. A heading over a paragraph (`（一）总体要求`) stands alone.
    let body = [
        "第七条党的工作机关应当严格执行民主集中制，健全集体领导和个人分工负责相结合的制度。",
        "党的工作机关应当加强自身建设，提高政治能力和业务能力，增强服务意识和工作效能。",
        "第八条党组讨论和决定本机关的下列事项，应当按照有关规定执行：",
        "（四）讨论决定重大事项；",
    ];
    let mut text = wrapped(&body, 20);
    text.push_str("（五）审议向上级\n请示报告的重要事项；\n");
    text.push_str("（六）研究部署党建事项。\n");
    text.push_str("（一）总体要求\n");
    text.push_str(&wrapped(
        &["以新时代中国特色社会主义思想为指导，坚持稳中求进工作总基调；"],
        20,
    ));
    assert_eq!(
        paras(&text)[2..],
        [
            body[2],
            body[3],
            "（五）审议向上级请示报告的重要事项；",
            "（六）研究部署党建事项。",
            "（一）总体要求",
            "以新时代中国特色社会主义思想为指导，坚持稳中求进工作总基调；",
        ]
    );
}

#[test]
fn a_sentence_that_ends_a_full_line_ends_its_paragraph_where_sentences_end_paragraphs() {
    // A law: most 款 are one sentence. The second paragraph of 第一条 ends exactly at the
    // end of a line (20 characters), and the next paragraph is no numbered unit.
    let law = [
        "第一条某某部门应当建立健全管理制度，加强对本行业的监督检查。",
        "某某部门应当依法及时公开监督检查的结果。",
        "其他部门应当在各自职责范围内做好相关工作，并接受社会监督。",
        "第二条本办法所称某某，是指依法设立并从事某某活动的单位。",
        "本办法所称某某人员，是指在上述单位从事某某工作的人员。",
        "第三条本办法自公布之日起施行，原有规定同时废止。",
    ];
    assert_eq!(law[1].chars().count(), 20);
    assert_eq!(paras(&wrapped(&law, 20)), law);
}

#[test]
fn a_sentence_that_ends_a_full_line_goes_on_where_paragraphs_hold_several_sentences() {
    // A policy document: paragraphs of several sentences. A sentence that ends exactly at
    // the end of a line is most likely followed by the next sentence of its paragraph.
    let policy = [
        "一、总体要求。坚持以人民为中心发展思想。推动高质量发展，到二〇二五年基本建立制度体系。\
         各地区要结合实际抓好落实，确保取得实效。",
        "二、主要任务。加强统筹协调，形成工作合力。完善体制机制，提升治理能力。\
         健全评价体系，强化结果运用。加大投入力度，保障工作需要。",
        "三、保障措施。加强组织领导，压实工作责任。强化督促检查，确保任务落地。\
         营造良好氛围，凝聚各方力量。",
    ];
    // `…发展思想。` fills the first line.
    let lines: Vec<String> = wrapped(&policy, 20).lines().map(str::to_string).collect();
    assert!(
        lines[0].ends_with('。') && lines[0].chars().count() == 20,
        "{lines:?}"
    );
    assert_eq!(paras(&wrapped(&policy, 20)), policy);
}

#[test]
fn where_paragraphs_are_indented_the_indent_decides_a_full_line() {
    // A law whose sentences mostly end their paragraphs, with first lines indented by two
    // ideographic spaces. `…检查的结果。` fills the first line of 第一条's second paragraph,
    // but the line after it is not indented: the paragraph goes on.
    let law = [
        "第一条某某部门应当建立健全管理制度，加强对本行业的监督检查。",
        "某某部门应当依法公开监督检查的结果。其他部门应当在各自职责范围内做好相关工作。",
        "第二条本办法所称某某，是指依法设立并从事某某活动的单位。",
        "本办法所称某某人员，是指在上述单位从事某某工作的人员。",
        "第三条本办法自公布之日起施行，原有规定同时废止。",
    ];
    let indented: Vec<String> = law.iter().map(|p| format!("　　{p}")).collect();
    let indented: Vec<&str> = indented.iter().map(String::as_str).collect();
    let text = wrapped(&indented, 20);
    assert!(text.lines().nth(2).unwrap().ends_with("的结果。"), "{text}");
    assert_eq!(paras(&text), law);
    // Without the indents, the sentence end at the end of the line is taken for the end of
    // the paragraph, as most of this text's sentence ends are.
    let flat: Vec<&str> = text.lines().map(|l| l.trim_start_matches('　')).collect();
    assert_eq!(paras(&flat.join("\n")).len(), law.len() + 1);
}

#[test]
fn a_short_wrapped_notice_is_joined_though_most_of_its_lines_are_short() {
    // A notice over the plan it issues, wrapped at 56 columns: of its 20 lines only 6 fill
    // the line, the rest are titles, headings and the last lines of paragraphs.
    let text = "中共某某市委办公室文件\n某办发〔2024〕8号\n\
        中共某某市委办公室 某某市人民政府办公室\n关于印发《某某市优化营商环境三年行动\n\
        方案（2024—2026年）》的通知\n\
        各县（市、区）党委和人民政府，市委各部委，市级国家机关各\n部门，各人民团体：\n\
        《某某市优化营商环境三年行动方案（2024—2026年）》已经市\n\
        委、市政府同意，现印发给你们，请结合实际认真贯彻落实。\n\
        中共某某市委办公室      某某市人民政府办公室\n2024年3月1日\n\
        某某市优化营商环境三年行动方案\n（2024—2026年）\n\
        为持续优化营商环境，激发市场主体活力，结合我市实际，制定\n本方案。\n\
        一、总体目标\n到2026年，营商环境主要指标达到全省先进水平，市场主体满\n\
        意度持续提升，努力打造市场化法治化国际化一流营商环境。\n\
        二、保障措施\n各地各部门要加强组织领导，明确责任分工，确保各项任务落地\n见效。\n";
    let p = paras(text);
    for joined in [
        "各县（市、区）党委和人民政府，市委各部委，市级国家机关各部门，各人民团体：",
        "《某某市优化营商环境三年行动方案（2024—2026年）》已经市委、市政府同意，现印发给你们，请结合实际认真贯彻落实。",
        "为持续优化营商环境，激发市场主体活力，结合我市实际，制定本方案。",
        "各地各部门要加强组织领导，明确责任分工，确保各项任务落地见效。",
    ] {
        assert!(p.iter().any(|x| x == joined), "{joined}: {p:#?}");
    }
    assert!(p.iter().any(|x| x == "一、总体目标"), "{p:#?}");
}

#[test]
fn dated_notes_of_one_length_are_no_wrapped_text() {
    // A law's header of amendment notes that share a template, and so a length, over its 目录:
    // lines of one length that each open the next with a date are no wrapped text.
    let mut text = String::from("某某污染防治条例\n");
    for (year, n) in [
        ("2009", "一"),
        ("2011", "二"),
        ("2013", "三"),
        ("2014", "四"),
        ("2016", "五"),
        ("2017", "六"),
    ] {
        text.push_str(&format!(
            "{year}年3月1日 《国务院关于修改和废止部分行政法规的决定》第{n}次修订\n"
        ));
    }
    text.push_str(
        "目录\n第一章　总则\n第二章　一般规定\n第三章　监督管理\n第四章　法律责任\n第五章　附则\n",
    );
    for (k, n) in ["一", "二", "三", "四", "五"].iter().enumerate() {
        text.push_str(&format!(
            "第{n}章　某某\n第{n}条　第{}条的内容依照本条例执行。\n",
            k + 1
        ));
    }
    let p = paras(&text);
    assert!(p.iter().any(|x| x == "目录"), "{p:#?}");
    assert_eq!(
        p.iter().filter(|x| x.contains("年3月1日")).count(),
        6,
        "{p:#?}"
    );
}

#[test]
fn a_dated_note_that_fills_its_line_ends_before_the_next_note() {
    // Wrapped at 20 characters: the first note fills exactly two lines.
    let first = "1989年6月17日中华人民共和国国务院第三十七次常务会议通过由国务院令公布发布";
    assert_eq!(first.chars().count(), 40);
    let sentence = "2020年8月20日后受理案件，合同成于2020年8月20日之前的，适用当时的规定。";
    let text = wrapped(
        &[
            "某某委员会组织条例",
            first,
            "2010年1月8日《关于修改部分法律的决定》修正",
            "第一条为了加强某某工作，保障某某活动的正常进行，根据宪法，制定本条例。",
            "第二条某某委员会是在基层人民政府和基层人民法院指导下进行工作的群众性组织。",
            "第三条某某委员会由委员三人至九人组成，设主任一人，必要时可以设副主任。",
            "第四条某某委员会委员除由村民委员会成员兼任的以外由群众选举产生。",
            // A sentence that opens with a date is no note: it goes on into the next line.
            sentence,
        ],
        20,
    );
    let p = paras(&text);
    assert!(p.iter().any(|x| x == first), "{p:#?}");
    assert!(p.iter().any(|x| x == sentence), "{p:#?}");
    assert!(p.iter().any(|x| x.starts_with("2010年1月8日")), "{p:#?}");
}

#[test]
fn where_two_pieces_wrapped_at_different_widths_meet_each_keeps_its_width() {
    // A compilation: one law wrapped at 20 characters, the next at 30. Around the line where
    // they meet, a window holds lines of both widths and neither is a band of it.
    const N: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    let first: Vec<String> = (1..=10)
        .map(|n| {
            format!(
                "第{}条某某部门应当建立健全第{n}项管理制度，加强对本行业的监督检查，\
                 并依法及时公开监督检查的结果。",
                N[n - 1]
            )
        })
        .collect();
    let second: Vec<String> = (1..=10)
        .map(|n| {
            format!(
                "第{}条县级以上人民政府应当将第{n}类事项纳入国民经济和社会发展规划，\
                 所需经费列入本级预算，并建立健全考核评价制度，定期向社会公布。",
                N[n - 1]
            )
        })
        .collect();
    let first: Vec<&str> = first.iter().map(String::as_str).collect();
    let second: Vec<&str> = second.iter().map(String::as_str).collect();
    let text = format!(
        "{}某某省某某管理条例\n{}",
        wrapped(&first, 20),
        wrapped(&second, 30)
    );
    let mut want = first.clone();
    want.push("某某省某某管理条例");
    want.extend(&second);
    assert_eq!(paras(&text), want);
}

#[test]
fn where_two_widths_meet_inside_a_block_each_line_keeps_its_own_sides_width() {
    // The next law's title, cut at its own width (`…的规` / `定`), right where the two widths
    // meet: it fills its own side's width, not the one before, and so runs on to its last
    // character. Tried at every offset of the meeting inside a block of lines (the articles'
    // last lines of varied lengths, as real ones are).
    const N: [&str; 12] = [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
    ];
    let title = "人民检察院办理行政执法机关移送涉嫌犯罪案件的规定";
    let second: Vec<String> = (1..=10)
        .map(|n| {
            format!(
                "第{}条人民检察院对于行政执法机关移送的第{n}类涉嫌犯罪案件，应当依法{}审查并作出决定。",
                N[n - 1],
                "及时".repeat(n % 4)
            )
        })
        .collect();
    let second: Vec<&str> = second.iter().map(String::as_str).collect();
    // (Fewer than seven articles before are too few lines to read a width from.)
    for articles in 7..=12 {
        let first: Vec<String> = (1..=articles)
            .map(|n| {
                format!(
                    "第{}条县级以上人民政府应当将第{n}类事项纳入国民经济和社会发展规划，\
                     所需经费{}列入本级预算。",
                    N[n - 1],
                    "足额".repeat(n % 3)
                )
            })
            .collect();
        let first: Vec<&str> = first.iter().map(String::as_str).collect();
        let text = format!(
            "{}{}{}",
            wrapped(&first, 30),
            wrapped(&[title], title.chars().count() - 1),
            wrapped(&second, title.chars().count() - 1)
        );
        let mut want = first.clone();
        want.push(title);
        want.extend(&second);
        assert_eq!(paras(&text), want, "{articles} articles before");
    }
}

#[test]
fn a_units_text_does_not_run_into_a_whole_title_over_a_dated_note() {
    // The last entry of a list ends no sentence; under it, the next document's header.
    let entry = "414．虐待俘虏罪（第448条）";
    let title = "最高人民法院 最高人民检察院关于办理某某刑事案件适用法律若干问题的解释";
    let note = "2018年9月17日 最高人民法院审判委员会第1749次会议通过";
    assert_eq!(
        paras(&format!("{entry}\n\n{title}\n\n{note}\n")),
        [entry, title, note]
    );
}
