use super::*;

pub(super) fn paras(texts: &[&str]) -> Vec<Para> {
    texts
        .iter()
        .map(|t| Para {
            text: t.to_string(),
            md_level: 0,
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
    // A page's byline ends the piece over it: the next document's 一、 starts again.
    let docs = segment(paras(&[
        "中共中央印发《某某规划纲要》",
        "一、坚持以完善制度保证全党。",
        "二、坚持以完善法规制度。",
        "编辑 陈艳婷",
        "某某实施方案",
        "一、坚持思想建党。",
    ]));
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1][0].text, "某某实施方案");
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
fn a_second_law_inside_one_line_begins_after_the_sentence_before_its_header() {
    let line = "甲条例 2020年1月1日通过 第一条 为了甲，制定本条例。 \
        第二条 本条例自公布之日起施行。 乙办法 2021年2月2日公布 第一章 总则 \
        第一条为了乙，制定本办法。 第二条 依照本办法第一条的规定执行。";
    let docs = segment(paras(&[line]));
    assert_eq!(docs.len(), 2);
    assert!(docs[0][0].text.ends_with("自公布之日起施行。"));
    assert!(docs[1][0]
        .text
        .starts_with("乙办法 2021年2月2日公布 第一章 总则 第一条"));
    // Nothing lost but the space at the cut.
    let joined: String = docs.iter().flatten().map(|p| p.text.as_str()).collect();
    assert_eq!(joined, line.replacen("施行。 乙办法", "施行。乙办法", 1));
}

#[test]
fn a_law_whose_preamble_ends_right_before_its_first_article_begins_after_the_law_before() {
    // The sentence before the label enacts the new law; the one before that ended the
    // law before, and the title between them is the new law's.
    let docs = segment(paras(&[
        "第一条 为了甲，制定本条例。 第二条 本条例自公布之日起施行。\
        乙解释 为正确适用法律，解释如下：第一条 人民法院应当依法审理。",
    ]));
    assert_eq!(docs.len(), 2);
    assert!(docs[0][0].text.ends_with("自公布之日起施行。"));
    assert_eq!(
        docs[1][0].text,
        "乙解释 为正确适用法律，解释如下：第一条 人民法院应当依法审理。"
    );
    // The same with the heading over the first article between them.
    for heading in ["一、管理人名册的编制", "第一章 总则"] {
        let docs = segment(paras(&[&format!(
            "第一条 为了甲，制定本条例。 第二条 本条例自公布之日起施行。 \
             乙规定 为公平审理企业破产案件，制定本规定。 {heading} 第一条 人民法院应当指定管理人。"
        )]));
        assert_eq!(docs.len(), 2, "{heading}");
        assert!(docs[1][0].text.starts_with("乙规定 为公平"), "{heading}");
    }
}

#[test]
fn a_document_without_articles_begins_inside_a_line_at_its_header() {
    // A law, a decision of prose and a law, on one line.
    let law = |name: &str| {
        format!(
            "{name} 2020年1月1日 某某会议通过 第一条 为了{name}，制定本条例。 {}",
            "第二条 本条例的规定，适用于全市，由市人民政府组织实施。".repeat(40)
        )
    };
    let decision = "甲市人民代表大会常务委员会关于依法防控疫情的决定 2020年2月7日 \
        甲市人民代表大会常务委员会会议通过 为了依法防控疫情，作如下决定。本决定自公布之日起施行。";
    let line = format!("{} {decision} {}", law("甲市某某条例"), law("乙市某某条例"));
    let docs = segment(paras(&[&line]));
    let firsts: Vec<String> = docs
        .iter()
        .map(|d| d[0].text.chars().take(6).collect())
        .collect();
    assert_eq!(firsts, ["甲市某某条例", "甲市人民代表", "乙市某某条例"]);
    // A law that speaks of itself after a stop is no header.
    let line = format!("{} 本条例2020年1月1日公布施行。", law("甲市某某条例"));
    assert_eq!(segment(paras(&[&line])).len(), 1);
    // A long title, and a note of two meetings whose event word comes late.
    let decision = format!(
        "最高人民法院、最高人民检察院关于修改某某解释的决定 {}",
        "一、将《解释》原第七条改为修改后《解释》第十二条。".repeat(40)
    );
    let interpretation = "最高人民法院、最高人民检察院关于办理侵犯知识产权刑事案件具体应用法律若干问题的解释 \
        2004年11月2日 最高人民法院审判委员会第1331次会议、2004年11月11日最高人民检察院第十届检察委员会\
        第28次会议通过 第一条 为了依法惩治侵犯知识产权犯罪，制定本解释。";
    let docs = segment(paras(&[&format!("{decision} {interpretation}")]));
    assert_eq!(docs.len(), 2);
    assert!(docs[1][0]
        .text
        .starts_with("最高人民法院、最高人民检察院关于办理侵犯"));
    // After a text that ended no sentence: a list's last entry, or a signature's date.
    let list = (1..=200)
        .map(|n| format!("{n}．某某罪（第{n}条）"))
        .collect::<Vec<_>>()
        .join(" ");
    let header = "最高人民法院 最高人民检察院关于办理某某刑事案件适用法律若干问题的解释 \
        2018年9月17日 最高人民法院审判委员会第1749次会议通过 第一条 为了依法惩治某某犯罪，制定本解释。";
    for before in [
        format!("某某罪名的意见 {list}"),
        format!(
            "关于某某的通知 {} 某某局 2024年3月1日",
            "某某工作应当依法开展。".repeat(200)
        ),
    ] {
        let docs = segment(paras(&[&format!("{before} {header}")]));
        assert_eq!(
            docs.len(),
            2,
            "{}",
            before.chars().take(10).collect::<String>()
        );
        assert!(docs[1][0]
            .text
            .starts_with("最高人民法院 最高人民检察院关于办理"));
    }
    // A bare date under the title, then the first unit: a header that names no event.
    let line = format!(
        "国务院关于某某事项的规定 {} 国务院关于处理某某工作年限的暂行规定 1955年12月29日 \
         一、国家机关工作人员在中华人民共和国国家机关工作的时间，一律计算为工作年限。\
         二、工作年限按周年计算，剩余的月数超过六个月的按一年计算。",
        "某某工作应当依法开展。".repeat(200)
    );
    let docs = segment(paras(&[&line]));
    assert_eq!(docs.len(), 2);
    assert!(docs[1][0]
        .text
        .starts_with("国务院关于处理某某工作年限的暂行规定"));
    // A title with a space in it opens its own line: no document begins at that space.
    let line = format!(
        "某某市人民代表大会常务委员会关于依法防控疫情  坚决打赢疫情防控阻击战的决定 \
         2020年2月7日 某某市人民代表大会常务委员会第十九次会议通过 {}",
        "一、各级人民政府应当依法做好疫情防控工作。".repeat(100)
    );
    assert_eq!(segment(paras(&[&line])).len(), 1);
}

#[test]
fn an_attachment_at_the_end_of_a_law_stays_with_it() {
    for label in ["附：", "附件1", "附表"] {
        let docs = segment(paras(&[
            "甲法",
            "第一条 为了甲，制定本法。",
            "第二条 本法自公布之日起施行。",
            label,
            "甲税目税额表",
            "乙法",
            "第一条 为了乙，制定本法。",
        ]));
        assert_eq!(docs[0].len(), 5, "{label}");
        assert_eq!(docs[1][0].text, "乙法", "{label}");
    }
    // The attachment's title wrapped over three paragraphs, the next law's title whole.
    let docs = segment(paras(&[
        "第一条 为了甲，制定本解释。",
        "第二条 本解释自公布之日起施行。",
        "附：",
        "非法猎捕、杀害、收购、运输、出售珍贵、",
        "濒危野生动物刑事案件“情节严重”、",
        "“情节特别严重”数量认定标准表",
        "最高人民法院关于审理网络消费纠纷案件适用法律若干问题的规定（一）",
        "法释〔2022〕8号",
        "为正确审理网络消费纠纷案件，根据法律的规定，制定本规定。",
        "第一条 电子商务经营者提供的格式条款无效。",
    ]));
    assert_eq!(docs[0].len(), 6);
    assert!(docs[1][0].text.starts_with("最高人民法院关于"));
}

#[test]
fn a_dated_note_wrapped_over_paragraphs_stays_in_its_header() {
    let docs = segment(paras(&[
        "甲条例",
        "第一条 为了甲，制定本条例。",
        "第二条 本条例自公布之日起施行。",
        "乙条例",
        "2021年12月3日 山东省第十三届人民代表大会常务委",
        "员会第三十二次会议《关于修改〈山东省动物防疫条例〉等七件地方性法规的决定》第二次修正",
        "第一章 总则",
        "第一条 为了乙，制定本条例。",
    ]));
    assert_eq!(docs[1][0].text, "乙条例");
    // Ten notes that reflow ran together (PDF text wraps them into full lines).
    let notes = "2014年6月27日 乙市第十四届人民代表大会常务委员会第三次会议通过".repeat(10);
    let docs = segment(paras(&[
        "第一条 为了甲，制定本条例。",
        "第二条 本条例自公布之日起施行。",
        "乙条例",
        &notes,
        "第一章 总则",
        "第一条 为了乙，制定本条例。",
    ]));
    assert_eq!(docs[1][0].text, "乙条例");
    // Pieces that no dated note leads are not taken on trust.
    let docs = segment(paras(&[
        "第一条 为了甲，制定本条例。",
        "第二条 本条例自公布之日起施行。",
        "附表：甲类事项、乙类事项、丙类事项、丁类事项、戊类事项、己类事项的名称和编号",
        "乙条例",
        "第一条 为了乙，制定本条例。",
    ]));
    assert_eq!(docs[1][0].text, "乙条例");
}

#[test]
fn a_law_in_a_compilation_begins_with_its_whole_header() {
    // Laws copied one after another: a long title, dated notes without brackets (one too
    // long to read as a title), a preamble that enacts the law.
    let docs = segment(paras(&[
        "甲条例",
        "第一条 为了甲，制定本条例。",
        "第二条 本条例自公布之日起施行。",
        "最高人民法院关于审理使用人脸识别技术处理个人信息相关民事案件适用法律若干问题的规定",
        "2020年11月29日 《国务院关于修改和废止部分行政法规的决定》第一次修订",
        "2021年8月1日 施行",
        "为正确审理相关民事案件，根据法律的规定，结合审判实践，制定本规定。",
        "第一条 本规定适用于相关民事案件。",
    ]));
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].len(), 3);
    assert!(docs[1][0].text.starts_with("最高人民法院关于"));
    assert_eq!(docs[1].len(), 5);
    // Other ways a preamble hands over to the articles.
    for preamble in [
        "为规范审理，对有关问题作如下规定：",
        "为正确适用法律，特作出以下规定：",
    ] {
        let docs = segment(paras(&[
            "第一条 为了甲，制定本条例。",
            "第二条 本条例自公布之日起施行。",
            "乙规定",
            preamble,
            "第一条 本规定适用于乙。",
        ]));
        assert_eq!(docs[1][0].text, "乙规定", "{preamble}");
    }
    // An article is never a preamble, however its sentence ends.
    let docs = segment(paras(&[
        "第一条 为了甲，制定本条例。",
        "第二条 违反本条例的，处一万元以下罚款。",
        "第一条 本规定适用于乙。",
    ]));
    assert_eq!(docs[0].len(), 2);
    // A sentence that does not enact ends the law before, and the header stops there.
    let docs = segment(paras(&[
        "第一条 为了甲，制定本条例。",
        "第二条 本条例自公布之日起施行。",
        "本条例由甲部门负责解释。",
        "乙条例",
        "第一条 为了乙，制定本条例。",
    ]));
    assert_eq!(docs[0].last().unwrap().text, "本条例由甲部门负责解释。");
    assert_eq!(docs[1][0].text, "乙条例");
}

#[test]
fn a_law_whose_articles_are_grouped_begins_over_its_first_group() {
    // A judicial interpretation after another: its first article sits under `一、…`.
    let law = [
        "第一条 为了甲，制定本规定。",
        "第二条 本规定自公布之日起施行。",
        "最高人民法院关于审理企业破产案件指定管理人的规定",
        "2007年4月12日 最高人民法院公告公布",
        "为公平、公正审理企业破产案件，根据法律的规定，制定本规定。",
        "一、管理人名册的编制",
        "第一条 人民法院审理企业破产案件应当指定管理人。",
    ];
    let docs = segment(paras(&law));
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1][0].text, law[2]);
    assert_eq!(docs[1].len(), 5);
    // Not a sentence numbered `一、`, nor a later group: those end the law before.
    for not_a_group in ["一、本规定自公布之日起施行。", "二、管理人的指定"] {
        let docs = segment(paras(&[
            "第一条 为了甲，制定本规定。",
            "乙规定",
            not_a_group,
            "第一条 人民法院审理企业破产案件应当指定管理人。",
        ]));
        assert_eq!(
            docs[1][0].text,
            "第一条 人民法院审理企业破产案件应当指定管理人。"
        );
    }
}

#[test]
fn a_document_of_groups_ends_where_the_next_begins_under_a_dated_header() {
    // Two amendments one after the other, then a law after a decision of 一、 二、 …
    let amendments = [
        "中华人民共和国刑法修正案（三）",
        "2001年12月29日 第九届全国人民代表大会常务委员会第二十五次会议通过",
        "一、将刑法第一百一十四条修改为：“……”",
        "二、本修正案自公布之日起施行。",
        "中华人民共和国刑法修正案（二）",
        "（2001年8月31日第九届全国人民代表大会常务委员会第二十三次会议通过）",
        "为了惩治毁林开垦的犯罪，对刑法作如下修改：",
        "一、将刑法第三百四十二条修改为：“……”",
        "二、本修正案自公布之日起施行。",
        "最高人民法院关于审理企业破产案件指定管理人的规定",
        "2007年4月12日 最高人民法院公告公布",
        "第一条 人民法院审理企业破产案件应当指定管理人。",
    ];
    let docs = segment(paras(&amendments));
    let firsts: Vec<&str> = docs.iter().map(|d| d[0].text.as_str()).collect();
    assert_eq!(firsts, [amendments[0], amendments[4], amendments[9]]);
    // Without a dated note, `一、` starting over is a policy document's next part.
    let plan = [
        "某某规划纲要",
        "第一部分 总体要求",
        "一、指导思想",
        "坚持稳中求进。",
        "第二部分 主要任务",
        "一、推进改革",
        "深化改革。",
    ];
    assert_eq!(segment(paras(&plan)).len(), 1);
    // A judicial interpretation's first group over its first article, news above them all.
    let news = [
        "据新华社北京4月18日电 最高人民法院日前发布司法解释。",
        "最高人民法院关于审理企业破产案件指定管理人的规定",
        "2007年4月12日 最高人民法院公告公布",
        "一、管理人名册的编制",
        "第一条 人民法院审理企业破产案件应当指定管理人。",
        "二、管理人的指定",
        "第二条 人民法院应当指定管理人。",
    ];
    assert_eq!(segment(paras(&news)).len(), 1);
}

#[test]
fn a_document_begins_under_a_dated_header_after_chapters_or_where_articles_do_not_follow_on() {
    // An amendment numbers its articles on from the amendment before it.
    let amendment = [
        "第一条 为了甲，制定本规定。",
        "第七条 本规定自公布之日起施行。",
        "中华人民共和国宪法修正案（1993年）",
        "（1993年3月29日第八届全国人民代表大会第一次会议通过）",
        "第三条 宪法序言第七自然段后两句修改为：“……”",
        "第四条 宪法第七条修改为：“……”",
    ];
    let docs = segment(paras(&amendment));
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1][0].text, amendment[2]);
    // A list of charges under chapters, then an interpretation's first article.
    let charges = [
        "最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见",
        "1997年12月17日 最高人民检察院检察委员会第八届第八十一次会议通过",
        "第一章 危害国家安全罪",
        "1．背叛国家罪（第102条） 2．分裂国家罪（第103条第1款）",
        "第二章 危害公共安全罪",
        "3．放火罪（第114条、第115条第1款）",
        "最高人民法院关于办理非法买卖外汇刑事案件适用法律若干问题的解释",
        "2018年12月12日 最高人民检察院第十三届检察委员会第十一次会议通过",
        "第一条 违反国家规定，具有下列情形之一的，属于非法经营行为。",
    ];
    let docs = segment(paras(&charges));
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1][0].text, charges[6]);
    // A law's own first chapter over its first article, a paragraph opening with a citation
    // of an earlier article: no new document.
    let law = [
        "某某条例",
        "（2020年1月1日某某会议通过）",
        "第一章 总则",
        "第一条 为了甲，制定本条例。",
        "第十条 有下列情形之一的，不予登记：",
        "第三条规定的情形。",
    ];
    assert_eq!(segment(paras(&law)).len(), 1);
}

#[test]
fn a_long_table_of_contents_is_part_of_the_header() {
    // Thirty chapters listed in a 目录: the header walk reaches the title over them.
    let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    let mut texts = vec![
        "第一条 为了甲，制定本法。".to_string(),
        "第二条 本法自公布之日起施行。".to_string(),
        "中华人民共和国民用航空法".to_string(),
        "（1995年10月30日第八届全国人民代表大会常务委员会第十六次会议通过）".to_string(),
        "目录".to_string(),
    ];
    for tens in ["", "十", "二十"] {
        for n in numerals {
            texts.push(format!("第{tens}{n}章 某某"));
        }
    }
    texts.push("第一章 总则".to_string());
    texts.push("第一条 为了乙，制定本法。".to_string());
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let docs = segment(paras(&texts));
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1][0].text, "中华人民共和国民用航空法");
}

#[test]
fn a_law_inside_a_line_begins_after_the_quote_that_closes_the_sentence_before() {
    let docs = segment(paras(&[
        "第一条 为了甲，制定本条例。 第二条 将第三条修改为：“第三条 本条例自公布之日起施行。” \
         乙条例 2020年1月1日通过 第一条 为了乙，制定本条例。",
    ]));
    assert_eq!(docs.len(), 2);
    assert!(docs[0][0].text.ends_with("施行。”"));
    assert!(docs[1][0].text.starts_with("乙条例"));
}

#[test]
fn a_law_inside_a_line_keeps_a_preamble_of_several_sentences_under_its_header() {
    // A single-line compilation, long enough to be searched for headers inside it.
    let mut line = String::from("第一条 为了甲，制定本条例。 ");
    for n in ["二", "三", "四", "五", "六", "七", "八", "九"] {
        line.push_str(&format!(
            "第{n}条 {} ",
            "甲单位应当依法履行职责，做好相关工作。".repeat(10)
        ));
    }
    line.push_str(
        "第十条 本条例自公布之日起施行。 乙市人大常委会组成人员守则 1993年9月16日 某某会议通过 \
         组成人员肩负着重托，任务光荣而艰巨。我们应当履行职责。为此，制定本守则。\
         第一条 组成人员要努力学习。",
    );
    let docs = segment(paras(&[&line]));
    assert_eq!(docs.len(), 2);
    assert!(
        docs[1][0].text.starts_with("乙市人大常委会组成人员守则"),
        "{docs:?}"
    );
}

#[test]
fn a_law_inside_a_line_begins_after_the_attachment_title_before_it() {
    let docs = segment(paras(&[
        "第一条 为了甲，制定本法。 第二条 本法自公布之日起施行。附： 甲税目税率表 \
         乙法 2011年2月25日通过 第一条 为了乙，制定本法。",
    ]));
    assert_eq!(docs.len(), 2);
    assert!(docs[0][0].text.ends_with("甲税目税率表"), "{docs:?}");
    assert!(docs[1][0].text.starts_with("乙法"));
}

#[test]
fn a_header_does_not_reach_back_over_the_first_article_before_it() {
    // Found by the nothing-lost property test: the second 第一条's header was looked for
    // back to the stop before the first, so its cut came before the first one's, and the
    // paragraph was split at offsets out of order (a panic).
    let text = "第一条为了保守国家秘密，制定本法。 第一条第一条";
    let docs = segment(paras(&[text]));
    let joined: String = docs.iter().flatten().map(|p| p.text.as_str()).collect();
    assert_eq!(joined.replace(' ', ""), text.replace(' ', ""));
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1][0].text, "第一条第一条");
}

#[test]
fn an_article_quoted_by_an_amending_decision_is_not_a_second_law() {
    let docs = segment(paras(&[
        "关于修改某某法的决定",
        "一、增加一条，作为第一条：",
        "“第一条 为了规范某某，制定本法。”",
        "二、本决定自公布之日起施行。",
        "某某法",
        "第一条 为了规范某某，制定本法。",
        "第二条 本法自公布之日起施行。",
    ]));
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[1][0].text, "某某法");
}

#[test]
fn a_sentence_about_article_one_is_not_a_second_law() {
    // News of a law, on one line after the law itself.
    let docs = segment(paras(&[
        "第一条 为了甲，制定本条例。 第二条 本条例自公布之日起施行。\
        条例共两条。其中第一条明确了立法目的。第一条明确了立法目的，第二条规定了施行日期。",
    ]));
    assert_eq!(docs.len(), 1);
}

#[test]
fn citations_of_article_one_inside_a_line_are_not_a_second_law() {
    let docs = segment(paras(&["第一条 为了甲，制定本法。 第二条 本法所称甲，\
        是指依照本法第一条认定的事项。第一条规定的事项，由政府负责。"]));
    assert_eq!(docs.len(), 1);
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

/// Two documents of divisions on one line: the first's `一、二、三、`, then the second's title,
/// its preamble and its own `一、二、三、`. `between` stands between the first's last sentence and
/// the second's `一、`.
fn two_plans_on_one_line(between: &str) -> String {
    let filler = "各地区各部门要结合实际认真贯彻落实，确保各项任务落到实处。".repeat(12);
    let plan = |names: [&str; 3]| {
        names
            .iter()
            .zip(["一", "二", "三"])
            .map(|(name, n)| format!("{n}、{name}。{filler}"))
            .collect::<String>()
    };
    format!(
        "甲市优化营商环境行动方案 {}{between}{}",
        plan(["总体要求", "重点任务", "保障措施"]),
        plan(["工作目标", "主要举措", "组织实施"])
    )
}

#[test]
fn a_document_of_divisions_begins_inside_a_line_where_its_numbering_starts_over_under_a_title() {
    let title = "乙市推进数字政府建设实施方案";
    let preamble = "为贯彻落实党中央、国务院决策部署，加快建设数字政府，制定本方案。";
    // Glued to the preamble, followed by a space, or by its date: the title begins the
    // second document, and ends a line of its own, as its dated note does.
    for between in [
        format!("{title}{preamble}"),
        format!("{title} {preamble}"),
        format!("{title}（2024年3月1日）{preamble}"),
    ] {
        let docs = segment(paras(&[&two_plans_on_one_line(&between)]));
        assert_eq!(docs.len(), 2, "{between}");
        assert_eq!(docs[1][0].text, title, "{between}");
        let after_title = if between.contains('（') { 2 } else { 1 };
        assert!(docs[1][after_title].text.starts_with(preamble), "{between}");
        assert!(docs[0]
            .last()
            .unwrap()
            .text
            .ends_with("确保各项任务落到实处。"));
    }
    // A news headline naming the document it reports, under a dispatch line, outranks a
    // sentence of the report that opens like a title (`推进…法规制度建设`).
    let between = "中共中央印发《乙市推进数字政府建设实施方案》 据新华社北京4月18日电 近日，\
        中共中央印发了该方案。推进依规治党、加强党内法规制度建设是一项重要任务。";
    let docs = segment(paras(&[&two_plans_on_one_line(between)]));
    assert_eq!(docs.len(), 2);
    assert_eq!(
        docs[1][0].text,
        "中共中央印发《乙市推进数字政府建设实施方案》"
    );
}

#[test]
fn divisions_that_start_over_without_a_title_before_them_begin_no_document() {
    // Nothing but a sentence, or the heading of a 部分 whose words end like a title.
    for between in ["各地区要认真组织实施。", "第二部分 数字政府建设规划"] {
        assert_eq!(
            segment(paras(&[&two_plans_on_one_line(between)])).len(),
            1,
            "{between}"
        );
    }
    // A `一、` that no `二、` follows is no second document's numbering.
    let line = two_plans_on_one_line("乙市推进数字政府建设实施方案 ");
    let cut = line.rfind("二、主要举措").unwrap();
    assert_eq!(segment(paras(&[&line[..cut]])).len(), 1);
}

#[test]
fn a_law_whose_dated_note_is_bracketed_begins_inside_a_line_after_a_news_report() {
    // A newspaper page on one line: a report, then a law under its bracketed note.
    let report = "新华社北京2月27日电 十四届全国人大常委会第八次会议在京闭幕。".repeat(60);
    let law =
        "中华人民共和国保守国家秘密法（1988年9月5日第七届全国人民代表大会常务委员会第三次会议\
        通过 2024年2月27日第十四届全国人民代表大会常务委员会第八次会议第二次修订）第一章 总则 \
        第一条 为了保守国家秘密，维护国家安全和利益，制定本法。";
    let docs = segment(paras(&[&format!("{report} {law}")]));
    assert_eq!(docs.len(), 2);
    assert!(docs[1][0]
        .text
        .starts_with("中华人民共和国保守国家秘密法（1988年"));
}

#[test]
fn a_law_begins_inside_a_line_after_the_closing_line_of_the_report_before_it() {
    // The report's closing line ends no sentence; the last characters of its source, wrapped
    // off it, stand before the law's title with a space each side.
    let report = "新华社北京2月27日电 十四届全国人大常委会第八次会议在京闭幕。".repeat(60);
    let law = "中华人民共和国保守国家秘密法 （1988年9月5日第七届全国人民代表大会常务委员会第三次会议通过）\
        第一章 总则 第一条 为了保守国家秘密，维护国家安全和利益，制定本法。";
    for closing in [
        "发布时间：2024 年 2 月 26 日来源：“学习强国”学习平台",
        "发布时间：2024 年 2 月 26 日来源：“学习强国”学习 平台",
    ] {
        let docs = segment(paras(&[&format!("{report}{closing} {law}")]));
        assert_eq!(docs.len(), 2, "{closing}");
        assert!(
            docs[1][0].text.starts_with("中华人民共和国保守国家秘密法"),
            "{closing}"
        );
    }
}

#[test]
fn news_items_on_one_line_end_at_their_closing_lines() {
    let item = |title: &str| {
        format!(
            "{title} 新华社北京2月7日电 {}",
            "会议在京举行。".repeat(150)
        )
    };
    let line = format!(
        "{} 发布时间：2024 年 2 月 2 日来源：“学习强国”学习平台 {} 发布时间：2024 年 2 月 7 日来源：“学习强国”学习平 台 {} 发布时间：2024 年 2 月 8 日来源：新华某某主持召开中央财经委员会第四次会议 {}发布时间：2024 年 2 月 9 日",
        item("某某同党外人士共迎新春"),
        item("某某在春节团拜会上的讲话"),
        item("某某主持召开会议"),
        item("某某看望慰问群众"),
    );
    let docs = segment(paras(&[&line]));
    let firsts: Vec<&str> = docs.iter().map(|d| d[0].text.as_str()).collect();
    // The third closing line runs its source into the next title: no cut there. The last one
    // ends the file.
    assert_eq!(
        firsts.len(),
        3,
        "{:?}",
        firsts
            .iter()
            .map(|f| f.chars().take(30).collect::<String>())
            .collect::<Vec<_>>()
    );
    assert!(firsts[1].starts_with("某某在春节团拜会上的讲话"));
    assert!(firsts[2].starts_with("某某主持召开会议"));
    // A closing line that opens the paragraph is a header, and ends nothing.
    let line = format!(
        "发布时间：2024 年 2 月 2 日来源：新华社 {}",
        item("某某主持召开会议")
    );
    assert_eq!(segment(paras(&[&line])).len(), 1);
}

#[test]
fn a_document_that_a_notice_transmits_begins_inside_a_line_after_the_notices_signature() {
    let notice = "某某省人民政府办公厅关于印发某某省数据资源管理办法的通知 各市人民政府：\
        《某某省数据资源管理办法》已经省政府同意，现印发给你们，请认真贯彻执行。\
        某某省人民政府办公厅 2024年3月1日 ";
    // A law, under its first heading; a plan, under a preamble.
    for (document, title) in [
        (
            "某某省数据资源管理办法 第一章 总则 第一条 为了加强数据资源管理，制定本办法。\
             第二条 本办法自公布之日起施行。",
            "某某省数据资源管理办法",
        ),
        (
            "某某省数据资源行动方案为加强数据资源管理，制定本方案。一、总体要求 坚持统筹规划。\
             二、重点任务 健全管理制度。",
            "某某省数据资源行动方案",
        ),
    ] {
        let docs = segment(paras(&[&format!("{notice}{document}")]));
        assert_eq!(docs.len(), 2, "{title}");
        // The notice ends with its signature on lines of their own, as meta reads it.
        let texts: Vec<&str> = docs[0].iter().map(|p| p.text.as_str()).collect();
        assert!(texts[0].ends_with("请认真贯彻执行。"), "{title}");
        assert_eq!(
            texts[1..],
            ["某某省人民政府办公厅", "2024年3月1日"],
            "{title}"
        );
        assert_eq!(docs[1][0].text, title);
    }
    // A law's own title before its dated note, printed again over its first article, signs
    // nothing: no sentence ends before the date.
    let line = "北京市实施某某法办法 2023年7月28日 北京市人民代表大会常务委员会会议通过 \
        北京市实施某某法办法 第一章 总则 第一条 为了防范恐怖活动，制定本办法。";
    assert_eq!(segment(paras(&[line])).len(), 1);
}

#[test]
fn the_enacting_formula_ends_the_sentence_with_at_most_three_characters_after_it() {
    use super::header::enacts;
    assert!(enacts("为了规范管理，根据有关法律，制定本规定"));
    assert!(enacts("制定本办法"));
    assert!(!enacts("依照本法制定本条例的实施办法"));
    assert!(!enacts("不得以制定本规定为由"));
    // A longer name of the document's own kind.
    for named in [
        "为了贯彻执行某某条例，制定本实施细则",
        "结合本省实际，制定本暂行规定",
        "制定本议事规则",
        "制定本办法（试行）",
        "制定本实施办法（试行）",
    ] {
        assert!(enacts(named), "{named}");
    }
    // Another text, named by its scope: a sentence of an article, not a preamble.
    for other in [
        "省人民政府可以根据本条例制定本地区实施办法",
        "制定本行政区域的实施办法",
        "制定本部门应急响应预案",
        "制定本单位安全管理制度",
    ] {
        assert!(!enacts(other), "{other}");
    }
    // Only the last occurrence counts, and the search reaches back over a long line.
    let long = format!("{}制定本规定", "甲".repeat(5000));
    assert!(enacts(&long));
    assert!(!enacts(&format!("制定本规定{}", "甲".repeat(5000))));
}

proptest::proptest! {
    /// For the short formula, the search of the last six characters answers as a search of the
    /// whole sentence for the last 制定本 with at most three characters after it.
    #[test]
    fn enacts_reads_only_the_tail_but_answers_for_the_whole(
        s in "[制定本规条例，。甲a ]{0,24}"
    ) {
        let whole = s
            .rfind("制定本")
            .is_some_and(|k| s[k + "制定本".len()..].chars().count() <= 3);
        proptest::prop_assert_eq!(super::header::enacts(&s), whole);
    }
}
