use super::*;

/// (date, event) of each event read.
fn dated_events(h: &Header) -> Vec<(&str, &str)> {
    h.meta
        .events
        .iter()
        .map(|e| (e.date.as_str(), e.event.as_str()))
        .collect()
}

#[test]
fn law_header() {
    let h = read(
        Some("中华人民共和国行政复议法\n1999年4月29日 第九届全国人民代表大会常务委员会第九次会议通过\n2009年8月27日 第十一届全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》第一次修正"),
        None,
        None,
    );
    assert_eq!(h.title.as_deref(), Some("中华人民共和国行政复议法"));
    let ev = dated_events(&h);
    assert_eq!(ev, [("1999-04-29", "通过"), ("2009-08-27", "修正")]);
    assert!(h.preamble.unwrap().starts_with("1999年4月29日"));
}

#[test]
fn a_title_under_a_masthead_and_a_doc_number_is_read_under_them() {
    let h = read(
        Some("国 务 院 文 件\n国发〔2024〕5号\n国务院关于加强某某工作的意见\n各省人民政府："),
        None,
        None,
    );
    assert_eq!(h.title.as_deref(), Some("国务院关于加强某某工作的意见"));
    assert_eq!(
        h.preamble.as_deref(),
        Some("国 务 院 文 件\n国发〔2024〕5号\n各省人民政府：")
    );
    assert_eq!(h.meta.doc_number.as_deref(), Some("国发〔2024〕5号"));
    // A 文号 line alone over the title, with its signer.
    let h = read(
        Some("某政发〔2023〕12号　签发人：张某\n某某市人民政府关于印发某某方案的通知"),
        None,
        None,
    );
    assert_eq!(
        h.title.as_deref(),
        Some("某某市人民政府关于印发某某方案的通知")
    );
    // Without a title under it, a masthead is read as before: the first title-like line.
    let h = read(
        Some("国务院文件\n为加强某某工作，现提出以下意见。"),
        None,
        None,
    );
    assert_eq!(h.title.as_deref(), Some("国务院文件"));
}

#[test]
fn a_title_under_the_matter_of_the_web_page_it_was_copied_from_is_read_under_it() {
    // The page's publication data, then a title on two lines.
    let h = read(
        Some("发布时间:2024-11-01 21:09:52 来源: 某某网\n国务院关于推动某某高质量发展\n奋力书写中国式现代化新篇章的意见\n国发〔2023〕16号\n各省、自治区、直辖市人民政府："),
        None,
        None,
    );
    assert_eq!(
        h.title.as_deref(),
        Some("国务院关于推动某某高质量发展奋力书写中国式现代化新篇章的意见")
    );
    assert_eq!(
        h.preamble.as_deref(),
        Some("发布时间:2024-11-01 21:09:52 来源: 某某网\n国发〔2023〕16号\n各省、自治区、直辖市人民政府：")
    );
    // The page's heading (文号 and title in 《》) and its counters over the title.
    let h = read(
        Some("鲁政发〔2014〕20号《某某省人民政府关于深化预算管理制度改革的实施意见》\n浏览量:          时间:2016-01-17 23:45:19\n某某省人民政府关于深化预算管理制度改革的实施意见\n鲁政发〔2014〕20号"),
        None,
        None,
    );
    assert_eq!(
        h.title.as_deref(),
        Some("某某省人民政府关于深化预算管理制度改革的实施意见")
    );
    // Navigation over the title; the site's name under it ends it, before the title again.
    let title = "国务院关于落实《政府工作报告》重点工作部门分工的意见";
    let h = read(
        Some(&format!(
            "返回首页\n{title}\n中国政府网\n{title}\n国发〔2020〕6号"
        )),
        None,
        None,
    );
    assert_eq!(h.title.as_deref(), Some(title));
    assert_eq!(
        h.preamble.as_deref(),
        Some(format!("返回首页\n中国政府网\n{title}\n国发〔2020〕6号").as_str())
    );
    // A whole title goes on into a line that ends it again.
    let h = read(
        Some("中华人民共和国个人所得税法\n实施条例\n（1994年1月28日中华人民共和国国务院令第142号发布）"),
        None,
        None,
    );
    assert_eq!(
        h.title.as_deref(),
        Some("中华人民共和国个人所得税法实施条例")
    );
}

#[test]
fn a_date_with_its_time_of_day_names_an_event_only_by_its_label() {
    // A web page's stamp: the words after it are the page's, not an event of the document's.
    let h = read(
        Some("时间:2016-01-17 23:45:19\n某某省人民政府关于深化预算管理制度改革的实施意见\n根据新修订的《中华人民共和国预算法》"),
        None,
        None,
    );
    assert_eq!(dated_events(&h), []);
    let h = read(Some("发布时间：2024-02-28 09:30 来源：某某网"), None, None);
    assert_eq!(dated_events(&h), [("2024-02-28", "发布")]);
}

#[test]
fn a_labelled_date_names_the_event_of_its_label_and_no_other() {
    // A government site's box of data: the words after a date are the next field's.
    let h = read(
        Some("发文机关：国务院　成文日期：2024年03月07日\n标题：国务院关于印发某某方案的通知\n发文字号：国发〔2024〕7号　发布日期：2024年03月13日\n更新时间：2024年03月14日 发布"),
        None,
        None,
    );
    assert_eq!(
        dated_events(&h),
        [("2024-03-07", "成文"), ("2024-03-13", "发布")]
    );
}

#[test]
fn a_year_typed_with_a_circle_or_a_letter_for_its_zero_is_read() {
    for year in ["二○一二", "二Ｏ一二", "二O一二", "二〇一二"] {
        let h = read(
            None,
            Some(&format!("某某市人民政府\n{year}年五月三十日")),
            None,
        );
        assert_eq!(dated_events(&h), [("2012-05-30", "成文")], "{year}");
    }
}

#[test]
fn a_qualifier_on_the_line_under_the_title_is_the_titles() {
    for (qualifier, title) in [
        ("（2024—2026年）", "某某三年行动方案（2024—2026年）"),
        ("（试行）", "某某三年行动方案（试行）"),
        ("(2024年版)", "某某三年行动方案(2024年版)"),
    ] {
        let h = read(
            Some(&format!(
                "某某三年行动方案\n{qualifier}\n为持续优化营商环境，制定本方案。"
            )),
            None,
            None,
        );
        assert_eq!(h.title.as_deref(), Some(title));
        assert_eq!(
            h.preamble.as_deref(),
            Some("为持续优化营商环境，制定本方案。")
        );
    }
    // Other brackets under a title are not its: a dated note, a newspaper's page reference.
    for other in ["（2024年2月23日中共中央政治局会议审议批准）", "(接1版)"] {
        let h = read(Some(&format!("某某工作条例\n{other}")), None, None);
        assert_eq!(h.title.as_deref(), Some("某某工作条例"));
    }
}

#[test]
fn a_note_naming_a_long_decision_finds_its_event_word_after_the_title() {
    let note = "2016年5月27日 某省第十二届人民代表大会常务委员会第二十九次会议《关于修改〈某省县\n\
        乡两级人民代表大会代表选举实施细则〉〈某省实施《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》办法〉〈某省人民代表大会代表建议\n\
        批评和意见办理的规定〉的决定》修正";
    let h = read(Some(&format!("某省某某规定\n{note}")), None, None);
    assert_eq!(dated_events(&h), [("2016-05-27", "修正")]);
    // Without a title to look past, the word stays within a line's length of its date.
    let far = format!("2016年5月27日 {}修正", "某".repeat(130));
    assert!(read(Some(&format!("某省某某规定\n{far}")), None, None)
        .meta
        .events
        .is_empty());
}

#[test]
fn an_event_in_brackets_under_a_signature_quotes_the_whole_note() {
    let h = read(
        Some("某某通知"),
        Some("国务院\n2024年3月1日\n（此件公开发布）"),
        None,
    );
    assert_eq!(h.meta.events.len(), 1);
    assert_eq!(h.meta.events[0].text, "2024年3月1日\n（此件公开发布）");
    // The bracket that closes a note the date stands in is the note's, not the event's.
    let h = read(Some("某某决定\n（2021年11月15日通过）"), None, None);
    assert_eq!(h.meta.events[0].text, "2021年11月15日通过");
}

#[test]
fn the_date_under_a_signature_is_the_documents_signing_date() {
    // A notice signed by its organ, the date on the line under it: 成文 (GB/T 9704's 成文日期).
    let h = read(
        Some("某某市人民政府关于调整最低工资标准的通知"),
        Some("某某市人民政府\n2024年6月1日"),
        None,
    );
    assert_eq!(dated_events(&h), [("2024-06-01", "成文")]);
    assert_eq!(h.meta.events[0].text, "2024年6月1日");
    // Two organs sign; a letter-spaced date in Chinese numerals.
    let h = read(
        Some("某某通知"),
        Some("中共某某市委办公室 某某市人民政府办公室\n二〇二四年三月一日"),
        None,
    );
    assert_eq!(dated_events(&h), [("2024-03-01", "成文")]);
    // A date under a sentence signs nothing; a date with an event word is that event only.
    for trailer in [
        "本办法自2024年5月1日起施行。\n2024年3月1日",
        "国务院\n2024年3月1日\n（此件公开发布）",
    ] {
        let h = read(Some("某某通知"), Some(trailer), None);
        assert!(
            !dated_events(&h).iter().any(|&(_, e)| e == "成文"),
            "{trailer}"
        );
    }
}

#[test]
fn a_closing_sentence_adds_its_own_events_once_and_not_those_of_the_texts_it_names() {
    let h = read(
        Some("某某决定\n（2021年11月15日通过，自2021年12月1日起施行）"),
        Some("本决定自2021年12月1日起施行。2009年11月28日某某会议通过的《某某决议》同时废止。"),
        None,
    );
    assert_eq!(
        dated_events(&h),
        [("2021-11-15", "通过"), ("2021-12-01", "施行")]
    );
    // A header note names the amendment that revised the text: its event stays.
    let h = read(
        Some(
            "某某法\n（根据1988年4月12日第七届全国人民代表大会第一次会议通过的《宪法修正案》修正）",
        ),
        None,
        None,
    );
    assert_eq!(dated_events(&h), [("1988-04-12", "通过")]);
}

#[test]
fn an_event_word_broken_by_a_wrapped_line_is_read() {
    let h = read(
        Some("商丘市饮用水水源保护条例\n2018年6月28日 商丘市人民代表大会常务委员会会议通\n过\n2018年7月27日 河南省人民代表大会常务委员会会议\n批准"),
        None,
        None,
    );
    let ev = dated_events(&h);
    assert_eq!(ev, [("2018-06-28", "通过"), ("2018-07-27", "批准")]);
}

#[test]
fn an_event_word_broken_by_a_space_where_a_line_ended_is_read() {
    // A single-line export leaves a space where the wrap cut the word (`第二次修` / `订）`).
    let h = read(
        Some("中华人民共和国保守国家秘密法\n（1988年9月5日第七届全国人民代表大会常务委员会第三次会议通过 2024 年 2 月 27 日第十四届全国人民代表大会常务委员会第八次会议第二次修 订）"),
        None,
        None,
    );
    assert_eq!(
        dated_events(&h),
        [("1988-09-05", "通过"), ("2024-02-27", "修订")]
    );
}

#[test]
fn wrapped_title_and_source_line() {
    let h = read(
        Some("中共中央办公厅关于巩固拓展学习贯彻习\n近平新时代中国特色社会主义思想主题教\n育成果的意见\n新华社北京 2 月 28 日电\n（2024 年 2 月 23 日）"),
        Some("发布时间：2024-02-28 来源：新华社"),
        None,
    );
    assert_eq!(
        h.title.as_deref(),
        Some(
            "中共中央办公厅关于巩固拓展学习贯彻习近平新时代中国特色社会主义思想主题教育成果的意见"
        )
    );
    assert_eq!(
        h.meta.source_line.as_deref(),
        Some("新华社北京 2 月 28 日电")
    );
    assert_eq!(h.meta.events.len(), 1);
    assert_eq!(h.meta.events[0].date, "2024-02-28");
    assert_eq!(h.meta.events[0].event, "发布");
}

#[test]
fn a_letter_spaced_title_reads_without_its_spaces_and_a_title_of_words_keeps_them() {
    let h = read(
        Some("中 华 人 民 共 和 国\n测 试 法\n2024年2月27日 第十四届全国人民代表大会常务委员会第八次会议通过"),
        None,
        None,
    );
    assert_eq!(h.title.as_deref(), Some("中华人民共和国测试法"));
    assert_eq!(h.meta.events[0].date, "2024-02-27");
    let h = read(
        Some("最高人民法院 最高人民检察院关于办理案件适用法律若干问题的解释"),
        None,
        None,
    );
    assert_eq!(
        h.title.as_deref(),
        Some("最高人民法院 最高人民检察院关于办理案件适用法律若干问题的解释")
    );
}

#[test]
fn single_line_title_runs_into_a_date() {
    let h = read(
        Some(
            "中华人民共和国反间谍法2014年11月1日第十二届全国人民代表大会常务委员会第十一次会议通过",
        ),
        None,
        None,
    );
    assert_eq!(h.title.as_deref(), Some("中华人民共和国反间谍法"));
    assert_eq!(h.meta.events[0].date, "2014-11-01");
}

#[test]
fn single_line_title_printed_on_two_lines_runs_to_its_title_word() {
    // A web export keeps a space where the title's first line ended.
    let h = read(
        Some("中央国家机关贯彻落实 全面从严治党要求实施方案中央国家机关贯彻落实全面从严治党要求的总体要求是：坚持。"),
        None,
        None,
    );
    assert_eq!(
        h.title.as_deref(),
        Some("中央国家机关贯彻落实 全面从严治党要求实施方案")
    );
    // Not into the next words, when a further space or punctuation comes first.
    let h = read(
        Some(
            "王某诉某县国土资源局土地出让案 基本案情 某县国土资源局（以下简称某局）发布拍卖公告。",
        ),
        None,
        None,
    );
    assert_eq!(h.title.as_deref(), Some("王某诉某县国土资源局土地出让案"));
}

#[test]
fn a_table_of_contents_run_on_after_the_title_ends_it() {
    // A single-line export: the title, its 目录, then the headings it lists.
    for header in [
        "上海市专利保护条例 目录 第一章\u{3000}总则第二章\u{3000}专利管理 第三章\u{3000}附则",
        "公平竞争审查条例 目 录 第一章 总 则第二章 审查标准",
        "公平竞争审查条例目录第一章总则第二章审查标准",
        "公平竞争审查条例\n目录\n第一章 总则",
        "公平竞争审查条例\n目\u{3000}\u{3000}录\n第一章 总则",
    ] {
        let h = read(Some(header), None, None);
        assert_eq!(
            h.title.as_deref(),
            Some(header.split(['目', ' ', '\n']).next().unwrap()),
            "{header}"
        );
        assert!(h.preamble.unwrap().starts_with('目'), "{header}");
    }
    // 目录 inside a title's words is not a table of contents.
    let h = read(Some("某某市政府信息公开目录编制办法"), None, None);
    assert_eq!(h.title.as_deref(), Some("某某市政府信息公开目录编制办法"));
}

#[test]
fn a_source_line_led_by_ju_ends_the_title() {
    let h = read(
        Some("中共中央印发《某某规划纲要》 据新华社北京4月18日电近日，中共中央印发了《某某规划纲要》。"),
        None,
        None,
    );
    assert_eq!(h.title.as_deref(), Some("中共中央印发《某某规划纲要》"));
    assert_eq!(h.meta.source_line.as_deref(), Some("新华社北京4月18日电"));
}

#[test]
fn doc_number_and_chinese_dates() {
    let h = read(
        Some("关于某事的通知\n中办发〔２０２４〕５号\n二〇二四年二月二十八日印发"),
        None,
        None,
    );
    assert_eq!(h.meta.doc_number.as_deref(), Some("中办发〔２０２４〕５号"));
    assert_eq!(h.meta.events[0].date, "2024-02-28");
    assert_eq!(h.meta.events[0].event, "印发");
}

#[test]
fn a_doc_number_cited_after_the_title_it_belongs_to_is_not_the_documents() {
    // A case applies an interpretation, citing its 文号: the case has none of its own.
    let case = "劳动者与用人单位订立放弃加班费协议，能否主张加班费\n基本案情\n\
        依据《最高人民法院关于审理劳动争议案件适用法律问题的解释（一）》（法释〔2020〕26号）第三十五条，\
        仲裁委员会裁决支持张某的请求。";
    assert_eq!(read(Some(case), None, None).meta.doc_number, None);
    // An interpretation's own 文号 under its title is still read, past a citation after it.
    let interpretation = "最高人民法院关于审理某某案件适用法律若干问题的解释\n法释〔2024〕6号\n\
        为正确审理某某案件，根据《最高人民法院关于某某的规定》（法释〔2019〕1号），制定本解释。";
    assert_eq!(
        read(Some(interpretation), None, None)
            .meta
            .doc_number
            .as_deref(),
        Some("法释〔2024〕6号")
    );
}

#[test]
fn a_title_run_on_into_its_bracketed_note_ends_before_the_bracket() {
    // A single-line export: the title, then the note of its adoption, then the text.
    let h = read(
        Some("中华人民共和国反间谍法 (2014年11月1日第十二届全国人民代表大会常务委员会第十一次会议通过) 第一章 总则"),
        None,
        None,
    );
    assert_eq!(h.title.as_deref(), Some("中华人民共和国反间谍法"));
    let h = read(
        Some("国务院关于某某的通知（国发〔2024〕5号）各省、自治区、直辖市人民政府："),
        None,
        None,
    );
    assert_eq!(h.title.as_deref(), Some("国务院关于某某的通知"));
    // A bracket that holds no date, 文号 or source line is the title's.
    let h = read(
        Some("某某市物业管理办法（试行）\n第一条 为了规范管理。"),
        None,
        None,
    );
    assert_eq!(h.title.as_deref(), Some("某某市物业管理办法（试行）"));
}

#[test]
fn a_line_with_a_sentence_ended_inside_it_adds_nothing_to_the_title() {
    // A newspaper page: the headline, then a photo caption run on into a byline.
    let h = read(
        Some("党的工作机关首先是政治机关\n12月7日，变电站正式投运。新华社记者 杨某某\n正文如下。"),
        None,
        None,
    );
    assert_eq!(h.title.as_deref(), Some("党的工作机关首先是政治机关"));
}

#[test]
fn no_title_when_the_preamble_opens_with_prose() {
    let h = read(
        Some("近日，中共中央印发了《规划纲要》，并发出通知。"),
        None,
        None,
    );
    assert_eq!(h.title, None);
}
