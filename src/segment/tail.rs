//! What follows a document's body, cut into documents at their titles.

use crate::layout::Para;
use crate::lines::{
    is_attachment_label, is_attachment_note, is_bracketed_note, is_closing_line, is_date_line,
    is_title_like, is_whole_title, PageMatter,
};
use crate::text::{ends_with_stop, width_at_most};

/// Cuts the paragraphs that follow a document's body into documents: a new one starts at each
/// title-like paragraph that follows prose (a paragraph ending a sentence) or a date line. Not
/// at a signature: the issuing organ over a date line (`国务院` / `2024年3月1日`), which ends
/// the text before it, as in a notice that issues the plan after it (`国务院关于印发…的通知`),
/// or a notice followed by its attachment (`附件` / `某某清单` / `一、…`).
pub fn split_tail(tail: &[Para]) -> Vec<Vec<Para>> {
    let mut out: Vec<Vec<Para>> = Vec::new();
    let mut current: Vec<Para> = Vec::new();
    let mut seen_prose = false;
    // The piece so far closed on a date line (its signature), and no prose came after it.
    let mut signed = false;
    // Each paragraph is asked about itself and about the one after it: read once.
    let dated: Vec<bool> = tail.iter().map(|p| is_date_line(&p.text)).collect();
    let mut page = PageMatter::default();
    for (i, p) in tail.iter().enumerate() {
        // A web page's matter (`• 索引号:`, `浏览量：…`, `返回顶部`) and the value under a label
        // of it are neither prose nor a title: they stand over the title of the page's document.
        if page.takes(p.text.trim()) {
            current.push(p.clone());
            continue;
        }
        let signs = || dated.get(i + 1).copied().unwrap_or(false) && !is_whole_title(&p.text);
        // Nor at a note in brackets (`（此件公开发布）` under a signature): no title is one.
        // Nor at an attachment's label (`附件`, `附件2`) over its title: the attachment is a
        // document from its title on, and the label stays with the text that announces it.
        // Nor at a closing line (`编辑 某某`, `来源：新华社`): it ends the text over it. Nor at
        // the list of attachments under a body (`附件：某某办法`): it names one, above the
        // signature; the attachment itself comes after it.
        let title = is_title_like(&p.text)
            && !dated[i]
            && !is_bracketed_note(&p.text)
            && !is_attachment_label(&p.text)
            && !is_attachment_note(&p.text)
            && !is_closing_line(&p.text)
            && !signs()
            // After prose, not a section's heading; after a signature, any title.
            && (signed || !is_section_heading(&p.text));
        if title && seen_prose && !current.is_empty() {
            out.push(std::mem::take(&mut current));
            seen_prose = false;
            signed = false;
        }
        if ends_with_stop(&p.text) || reads_as_prose(&p.text) {
            // A paragraph that announces what follows (`全文如下。`) leads into it.
            seen_prose = !announces(&p.text);
            signed = false;
        } else if dated[i] {
            // The date a document was signed on (成文日期) is its last line.
            seen_prose = true;
            signed = true;
        }
        current.push(p.clone());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A paragraph too long for any title that holds full sentences is prose, even when it does not
/// end on one: a page that cuts it off mid-sentence, or a stray mark after its full stop
/// (`…队伍。 |`). (A long line of names without a sentence, `石家庄仲裁委员会、邯郸…`, is not:
/// a list, whose headings are not titles.)
fn reads_as_prose(text: &str) -> bool {
    !width_at_most(text, PROSE_WIDTH) && text.contains(['。', '！', '？'])
}

/// Twice the widest title-like paragraph ([`is_title_like`]), in columns.
const PROSE_WIDTH: usize = 128;

/// A few words that head a section of the text they stand in (`基本案情`, `裁判结果`, `典型意义`
/// in a case), not the title of another: a document's title runs longer, or names what kind of
/// text it is, however short (`国旗法`, `实施方案`).
fn is_section_heading(text: &str) -> bool {
    width_at_most(text, SECTION_HEADING_WIDTH)
        && !crate::lines::TITLE_ENDS.iter().any(|w| text.ends_with(w))
}

/// The widest section heading, in columns: five characters (`申请人请求`). (A title of news as
/// short, `新春走基层`, is taken for one after prose; after a signature it is a title.)
const SECTION_HEADING_WIDTH: usize = 10;

/// `……全文如下。`, `内容如下：`: the next paragraphs are a text this one introduces.
fn announces(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| crate::text::is_stop(c) || crate::text::is_closing(c));
    t.ends_with("如下")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::tests::paras;

    #[test]
    fn tail_splits_at_titles_after_prose() {
        let docs = split_tail(&paras(&[
            "新闻甲的标题",
            "这是第一篇新闻的正文，讲述了一件事。",
            "新闻乙的标题",
            "这是第二篇新闻的正文。",
        ]));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1][0].text, "新闻乙的标题");
        // A byline under the second piece is its last line, not a third piece.
        let docs = split_tail(&paras(&[
            "新闻甲的标题",
            "这是第一篇新闻的正文，讲述了一件事。",
            "新闻乙的标题",
            "这是第二篇新闻的正文。",
            "编辑 陈艳婷",
        ]));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].last().unwrap().text, "编辑 陈艳婷");
    }

    #[test]
    fn a_note_under_the_text_is_no_title() {
        // `※这是…的节录。`, wrapped before its full stop: the note ends the piece over it.
        let docs = split_tail(&paras(&[
            "（2023 年 6 月 2 日在文化传承发展座谈会上的讲话）",
            "这是讲话的正文。",
            "※这是习近平总书记 2012 年 12 月至 2023 年 6 月期间",
            "有关重要论述的节录。",
        ]));
        assert_eq!(docs.len(), 1);
    }

    #[test]
    fn a_long_paragraph_of_sentences_is_prose_however_it_ends() {
        let body = "数字经济加快发展。依托数字底座，庆阳市引进中国通号等头部企业，杭州链景打造西部增材制造产业基地，超级马赫创新研发全国首个3D打印航空涡喷发动机";
        // Cut off by the page, or a stray mark after its last stop: the title after it starts
        // the next piece.
        for last in [body.to_string(), format!("{body}。 |")] {
            let docs = split_tail(&paras(&["新闻甲的标题", &last, "新闻乙的标题", "正文。"]));
            assert_eq!(docs.len(), 2, "{last}");
            assert_eq!(docs[1][0].text, "新闻乙的标题");
        }
        // A long line of names holds no sentence: the heading under it is the list's.
        let names = "石家庄仲裁委员会、邯郸仲裁委员会、邢台仲裁委员会、沧州仲裁委员会、承德仲裁委员会、张家口仲裁委员会、衡水仲裁委员会";
        let docs = split_tail(&paras(&[
            "仲裁委员会名单",
            "河北省",
            names,
            "山西省",
            "大同仲裁委员会",
        ]));
        assert_eq!(docs.len(), 1);
    }

    #[test]
    fn a_cases_section_headings_are_no_titles_but_a_short_whole_title_is() {
        let docs = split_tail(&paras(&[
            "劳动者与用人单位订立放弃加班费协议，能否主张加班费",
            "基本案情",
            "张某于2020年6月入职某科技公司。",
            "申请人请求",
            "请求裁决某科技公司支付加班费。",
            "典型意义",
            "本案明确了加班费的认定规则。",
        ]));
        assert_eq!(docs.len(), 1);
        let docs = split_tail(&paras(&["甲法", "第一条 甲。", "国旗法", "第一条 乙。"]));
        assert_eq!(docs.len(), 2);
    }

    #[test]
    fn a_notice_that_issues_a_plan_ends_at_its_signature() {
        let docs = split_tail(&paras(&[
            "国务院办公厅关于印发某某方案的通知",
            "《某某方案》已经国务院同意，现印发给你们，请认真贯彻执行。",
            "国务院办公厅",
            "2024年3月1日",
            "（此件公开发布）",
            "某某方案",
            "为做好某某工作，制定本方案。",
        ]));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].last().unwrap().text, "（此件公开发布）");
        assert_eq!(docs[1][0].text, "某某方案");
    }

    #[test]
    fn a_date_line_ends_a_piece() {
        // A signature, then an attachment: no prose between them, but the date closes the
        // notice.
        let docs = split_tail(&paras(&[
            "附件：某某清单",
            "某某局",
            "2024年3月1日",
            "附件",
            "某某清单",
        ]));
        assert_eq!(docs.len(), 2);
        // The attachment's label stays with the notice that lists it.
        assert_eq!(docs[0].last().unwrap().text, "附件");
        assert_eq!(docs[1][0].text, "某某清单");
    }

    #[test]
    fn an_announced_text_stays_with_its_announcement() {
        let docs = split_tail(&paras(&[
            "中共中央印发《规划纲要》",
            "近日，中共中央印发了《规划纲要》，并发出通知。",
            "《规划纲要》全文如下。",
            "规划纲要",
            "正文。",
        ]));
        assert_eq!(docs.len(), 1);
    }

    #[test]
    fn a_markdown_tables_rows_are_no_titles() {
        let docs = split_tail(&paras(&[
            "关于执行刑法确定罪名的补充规定（三）",
            "根据刑法修正案，现对罪名作出补充规定。",
            "| 刑法条文 | 罪名 |",
            "|-----|-----|",
            "| 第134条第2款 | 强令违章冒险作业罪 |",
        ]));
        assert_eq!(docs.len(), 1);
    }
}
