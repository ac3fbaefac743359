//! Documents copied from web pages, with the page around them: navigation, the page's own data
//! (时间, 浏览量, 来源), a government site's box of data (索引号, 发文字号 …), links, a heading
//! that prints the title again. Each test is a page written the way such sites set it, and
//! asserts what a reader of the document sees: its title, where it ends, its dates.

use fatiao::{extract_text, Document, Kind};

fn docs(text: &str) -> Vec<Document> {
    extract_text(text, "t")
}

fn event_pairs(doc: &Document) -> Vec<(&str, &str)> {
    doc.meta
        .events
        .iter()
        .map(|e| (e.date.as_str(), e.event.as_str()))
        .collect()
}

fn articles(doc: &Document) -> Vec<&str> {
    doc.nodes()
        .filter(|n| n.kind == Kind::Article)
        .map(|n| n.label.as_deref().unwrap())
        .collect()
}

/// A law database's page: a bar of links, the page's data, a download link, then the title
/// printed three times with the issuing organ between, and the rule.
#[test]
fn a_rule_on_a_law_databases_page_is_titled_under_the_pages_matter() {
    let page = "热门站点| 某某资料网 | 专利资料网 | 资料网论坛\n收藏本站| 设为首页| 首页\n\n\
        某某市文化市场管理规定\n\n作者:某某资料网 时间:2024-07-22 18:21:41  浏览:9436   来源:某某资料网\n\
        下载地址: 点击此处下载\n\n某某市文化市场管理规定\n\n某某省某某市人民政府\n\n\n某某市文化市场管理规定\n\n \
        (1991年3月26日某某市人民政府令19号发布)\n\n\n 第一条 为加强本市文化市场管理，制定本规定。\n\n\n \
        第二条 本规定适用于本市行政区域。\n";
    let d = docs(page);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].title.as_deref(), Some("某某市文化市场管理规定"));
    // The page's stamp names no event; the rule's note does.
    assert_eq!(event_pairs(&d[0]), [("1991-03-26", "发布")]);
    assert_eq!(articles(&d[0]), ["第一条", "第二条"]);
}

/// An order (令) that issues a rule, signed by the mayor on a date typed with ○ for 〇, then the
/// rule: the signature closes the order, and the rule is titled by its own title alone.
#[test]
fn an_order_signed_on_a_date_typed_with_a_circle_closes_before_the_rule_it_issues() {
    let page = "某某市人民政府令第123号\n\n《某某市危险源安全监督管理办法》已经市人民政府同意，现予发布。\n\n\
        市 长 某某某\n\n二○一二年五月三十日\n\n某某市危险源安全监督管理办法\n\n第一章 总 则\n\n\
        第一条 为加强对我市危险源的安全监督管理，制定本办法。\n\n第二条 本办法所指危险源是指危险设备、设施或场所。\n";
    let d = docs(page);
    assert_eq!(d.len(), 2);
    assert_eq!(
        d[0].trailer.as_deref(),
        Some("市 长 某某某\n二○一二年五月三十日")
    );
    assert_eq!(event_pairs(&d[0]), [("2012-05-30", "成文")]);
    assert_eq!(d[1].title.as_deref(), Some("某某市危险源安全监督管理办法"));
    assert_eq!(articles(&d[1]), ["第一条", "第二条"]);
}

/// A government site's box of data over the notice it publishes: the title is the notice's,
/// each labelled date names its own event, and the box stays whole in the preamble.
#[test]
fn a_notice_under_a_government_sites_box_of_data_is_titled_by_its_own_title() {
    let box_ = "索引号：000014349/2024-00012\u{3000}\u{3000}主题分类：国民经济管理\n\
        发文机关：国务院\u{3000}\u{3000}成文日期：2024年03月07日\n\
        标题：国务院关于印发某某行动方案的通知\n\
        发文字号：国发〔2024〕7号\u{3000}\u{3000}发布日期：2024年03月13日";
    let page = format!(
        "{box_}\n\n国务院关于印发某某行动方案的通知\n国发〔2024〕7号\n各省、自治区、直辖市人民政府：\n\
        现将《某某行动方案》印发给你们，请认真贯彻执行。\n国务院\n2024年3月7日\n\
        某某行动方案\n推动新一轮设备更新，是党中央作出的重大决策。\n一、总体要求\n坚持稳中求进。\n\
        二、重点任务\n（一）推进设备更新。围绕推进新型工业化。\n"
    );
    let d = docs(&page);
    assert_eq!(d.len(), 2);
    assert_eq!(
        d[0].title.as_deref(),
        Some("国务院关于印发某某行动方案的通知")
    );
    assert!(d[0].preamble.as_deref().unwrap().starts_with(box_));
    assert_eq!(
        event_pairs(&d[0]),
        [("2024-03-07", "成文"), ("2024-03-13", "发布")]
    );
    assert_eq!(d[1].title.as_deref(), Some("某某行动方案"));
}

/// The same box as some sites set it: each label alone on a bulleted line, its value on the
/// next.
#[test]
fn a_box_of_data_with_each_value_under_its_label_stands_over_the_title() {
    let page = "返回顶部\n\n某某县人民政府工作规则\n\n  • 索引号:\n\n    6107280000/2024-001005\n  • 发文字号:\n\n    \
        某政发〔2024〕7号\n  • 内容概述:\n\n某某县人民政府工作规则\n\n第一章 总则\n\n\
        第一条 根据有关法律，结合本县实际，制定本规则。\n\n第二条 县政府工作人员要旗帜鲜明讲政治。\n";
    let d = docs(page);
    assert_eq!(d[0].title.as_deref(), Some("某某县人民政府工作规则"));
    assert_eq!(d[0].meta.doc_number.as_deref(), Some("某政发〔2024〕7号"));
}

/// Links of the page left between the lines of a party regulation: page furniture, kept in a
/// warning, not a paragraph, a title or a document of their own.
#[test]
fn links_left_between_the_lines_are_furniture() {
    let page = "中国共产党章程\nhttp://www.example.cn/special/zc/\n总纲\n中国共产党是中国工人阶级的先锋队。\n\
        http://www.example.cn/special/zc/#diyizhang\n第一条 年满十八岁的，可以申请加入中国共产党。\n\
        第二条 中国共产党党员是中国工人阶级的有共产主义觉悟的先锋战士。\n\
        中国共产党党员必须全心全意为人民服务。\nhttp://www.example.cn/special/zc/#dierzhang\n\
        第三条 党是根据自己的纲领和章程组织起来的统一整体。\n";
    let d = docs(page);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].title.as_deref(), Some("中国共产党章程"));
    assert_eq!(articles(&d[0]), ["第一条", "第二条", "第三条"]);
    let links: Vec<&str> = d[0]
        .warnings
        .iter()
        .filter(|w| w.code == "page_furniture")
        .filter_map(|w| w.location.as_deref())
        .collect();
    assert_eq!(
        links,
        [
            "http://www.example.cn/special/zc/",
            "http://www.example.cn/special/zc/#diyizhang",
            "http://www.example.cn/special/zc/#dierzhang"
        ]
    );
    let article2 = d[0].articles().nth(1).unwrap();
    assert_eq!(article2.children.len(), 2, "two paragraphs, no link");
}
