//! What a line of a document reads as: a title, a date line, a closing line, a bracketed note.
//!
//! Several stages must recognise the same kinds of line — furniture must not take a closing line
//! for a running head, layout must not join a title to the text under it, segment cuts documents
//! at titles and date lines, structure ends a body at a title, meta reads the title — and each
//! asks here rather than of another stage, so that data and dependencies both flow one way. A
//! leaf module: it depends on `text`, `numbering` and `normalise::is_space` only.

use crate::text::{ends_with_stop, width_at_most};
use regex::Regex;
use std::sync::LazyLock;

/// A date written `2024年2月28日`, `2024 年 2 月 28 日`, `二〇二四年二月二十八日` or
/// `2024-02-28`. `\d` is Unicode-aware, so full-width digits match too.
pub(crate) static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?x){DATE_PATTERN}")).expect("valid date regex"));

/// [`DATE`] at the start of the text only. A search for `DATE` anywhere, then a look at where
/// it matched, reads the whole text when it holds no date: layout asks of the paragraph it is
/// building with every line it joins, which for a paragraph of hard-wrapped lines made the
/// time grow with the square of the paragraph's length.
static DATE_AT_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?x)^(?:{DATE_PATTERN})")).expect("valid date regex"));

/// The pattern of [`DATE`], in the regex crate's verbose syntax.
const DATE_PATTERN: &str = r"
        (?P<y>\d{4}|[〇零○ＯO0０一二三四五六七八九]{4})\s*年\s*
        (?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月
        (?:\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日)?
        |(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})";

/// A news agency's dispatch line (`新华社北京2月28日电`).
pub(crate) static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:新华社|中新社|本报|人民网|新华网|央视网|光明网|中国新闻网)[\p{Han}\s]{0,8}?(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*电",
    )
    .expect("valid source-line regex")
});

/// `s` holds a date (`2024年2月28日`, `2024-02-28`, …).
pub fn has_date(s: &str) -> bool {
    DATE.is_match(s)
}

/// `s` holds a news agency's dispatch line (`新华社北京2月28日电`).
pub fn has_source_line(s: &str) -> bool {
    SOURCE_LINE.is_match(s)
}

/// `s` is a date and nothing else (`2024年3月1日`, `二〇二四年三月一日`): the line under the
/// issuing organ that signs a document.
pub fn is_date_line(s: &str) -> bool {
    let s = s.trim_matches(crate::normalise::is_space);
    DATE_AT_START.find(s).is_some_and(|m| m.end() == s.len())
}

/// The byte length of the date `s` opens with, if it opens with one.
pub(crate) fn date_at_start(s: &str) -> Option<usize> {
    DATE_AT_START.find(s).map(|m| m.end())
}

/// `s` opens with a date: a dated note of a header (`2004年11月25日 某某会议通过`), or a date
/// line.
pub fn opens_with_date(s: &str) -> bool {
    DATE_AT_START.is_match(s)
}

/// `s` heads a table of contents: `目录`, perhaps letter-spaced (`目　　录`).
pub fn is_contents_heading(s: &str) -> bool {
    let mut letters = s.chars().filter(|&c| !crate::normalise::is_space(c));
    letters.next() == Some('目') && letters.next() == Some('录') && letters.next().is_none()
}

/// The words a title ends with: the kinds of legal text and the 文种 of GB/T 9704.
pub(crate) const TITLE_ENDS: &[&str] = &[
    "法",
    "法典",
    "条例",
    "规定",
    "办法",
    "细则",
    "规则",
    "规程",
    "决定",
    "决议",
    "解释",
    "意见",
    "通知",
    "通报",
    "通告",
    "公告",
    "公报",
    "批复",
    "方案",
    "纲要",
    "要点",
    "规划",
    "计划",
    "准则",
    "守则",
    "章程",
    "制度",
    "指引",
    "指南",
    "纪要",
    "答复",
    "修正案",
    "安排",
    "解答",
    "命令",
    "条令",
];

/// The lines a title takes at most: PDF text wraps long titles.
pub const MAX_TITLE_LINES: usize = 3;

/// `line` reads as a whole title: no sentence or clause punctuation, its brackets closed, and
/// it ends with a title word (`…的规定`), perhaps followed by a bracketed qualifier
/// (`…的规定（二）`, `…办法（试行）`). A title wrapped after its first line is rarely cut right
/// after such a word with its brackets closed (`…关于修改《某某条例` / `》的决定` is not).
pub fn is_whole_title(line: &str) -> bool {
    let line = line.trim_end_matches(crate::normalise::is_space);
    if line.contains(['，', '；', '。', '：', ',', ';']) || !brackets_closed(line) {
        return false;
    }
    let core = match line.strip_suffix(['）', ')']) {
        Some(inner) => inner.rfind(['（', '(']).map_or(line, |open| &inner[..open]),
        None => line,
    };
    core.chars().count() >= 6 && TITLE_ENDS.iter().any(|w| core.ends_with(w))
}

/// Every 《 〈 （ ( in `s` is closed after it, and nothing is closed that was not opened.
pub(crate) fn brackets_closed(s: &str) -> bool {
    let mut open: Vec<char> = Vec::new();
    for c in s.chars() {
        let closes = match c {
            '《' | '〈' | '（' | '(' => {
                open.push(c);
                continue;
            }
            '》' => '《',
            '〉' => '〈',
            '）' => '（',
            ')' => '(',
            _ => continue,
        };
        // Full- and half-width brackets are mixed in real text: `（试行)`.
        let matches = |o: char| o == closes || matches!((o, closes), ('（', '(') | ('(', '（'));
        if !open.pop().is_some_and(matches) {
            return false;
        }
    }
    open.is_empty()
}

/// `s` ends inside a bracket it opened (`…〈某某代表建议`): what follows it goes on to close it. A
/// closing bracket with nothing open before it is passed over, as a long line may hold one.
pub(crate) fn ends_inside_brackets(s: &str) -> bool {
    ends_inside(s, ['《', '〈', '（', '('], ['》', '〉', '）', ')'])
}

/// `s` ends inside a quote it opened (`…来源：“学习强`), as [`ends_inside_brackets`] for brackets.
pub(crate) fn ends_inside_quotes(s: &str) -> bool {
    ends_inside(s, ['“', '「'], ['”', '」'])
}

/// More of `opens` than of `closes` in `s`, a closing mark with nothing open passed over.
fn ends_inside<const N: usize>(s: &str, opens: [char; N], closes: [char; N]) -> bool {
    let mut open = 0usize;
    for c in s.chars() {
        if opens.contains(&c) {
            open += 1;
        } else if closes.contains(&c) {
            open = open.saturating_sub(1);
        }
    }
    open > 0
}

/// An entry of a table of contents as PDF text gives it: a heading, a leader and the page the
/// heading starts on (`一、发展基础……………1`, `第二章 管理制度 ………… 3`).
pub fn is_contents_entry(text: &str) -> bool {
    let t = text.trim_end_matches(crate::normalise::is_space);
    let before_page = t.trim_end_matches(crate::numbering::numerals::is_digit);
    let page_digits = t[before_page.len()..].chars().count();
    if !(1..=4).contains(&page_digits) {
        return false;
    }
    let before = before_page.trim_end_matches(crate::normalise::is_space);
    let leader = before.chars().rev().take_while(|&c| is_leader(c)).count();
    leader >= 2 && leader < before.chars().count()
}

/// The characters a table of contents leads from a heading to its page with.
pub(crate) fn is_leader(c: char) -> bool {
    matches!(c, '…' | '⋯' | '·' | '.' | '．' | '‥' | '-' | '－' | '_')
}

/// `附件`, `附件2`, `附件一：` (GB/T 9704), `附表1`, `附录`, `附：`: the label of an attachment, on
/// a line of its own.
pub fn is_attachment_label(text: &str) -> bool {
    let text = text.trim_matches(crate::normalise::is_space);
    ["附件", "附表", "附录", "附"]
        .iter()
        .find_map(|word| text.strip_prefix(word))
        .is_some_and(|rest| {
            rest.trim_end_matches([':', '：'])
                .trim_matches(crate::normalise::is_space)
                .chars()
                .all(crate::numbering::numerals::is_numeral_char)
        })
}

/// `特此通知。`, `此复。`, `特此公告。`: the formula that closes an official document (结束语) on a
/// line of its own, after its last unit and before its signature.
pub fn is_closing_formula(text: &str) -> bool {
    let text = text
        .trim_matches(crate::normalise::is_space)
        .trim_end_matches(['。', '！', '!']);
    // `此复` answers a request (批复); `特此` then a verb or two (通知, 公告, 函复, 批复).
    text == "此复"
        || text.strip_prefix("特此").is_some_and(|w| {
            (1..=2).contains(&w.chars().count()) && w.chars().all(crate::text::is_han)
        })
}

/// `附件：某某办法`, `附件：1.某某清单`, `附件2：某某表`: the list of attachments under a
/// document's body (附件说明, GB/T 9704), which names what is attached; not the title of the
/// attachment, which starts on a page of its own after the signature.
pub fn is_attachment_note(text: &str) -> bool {
    let text = text.trim_start_matches(crate::normalise::is_space);
    text.strip_prefix("附件").is_some_and(|rest| {
        let rest = rest.trim_start_matches(|c: char| {
            crate::numbering::numerals::is_numeral_char(c) || crate::normalise::is_space(c)
        });
        rest.strip_prefix(['：', ':'])
            .is_some_and(|named| !named.trim_matches(crate::normalise::is_space).is_empty())
    })
}

/// `text` is a numbering label and nothing else (`八、`, `第三章` over the title on the next line,
/// as PDF text gives centred headings): the label of the text after it.
pub fn bare_label(text: &str) -> Option<crate::numbering::Marker> {
    let text = text.trim_end_matches(crate::normalise::is_space);
    crate::numbering::parse_marker(text).filter(|m| m.len == text.len())
}

/// A paragraph that stands alone like a title or a byline: short, not ending a sentence, not a
/// numbered unit, not a row of a Markdown table (`| 刑法条文 | 罪名 |`), not a note that a
/// reference mark opens (`※这是…的节录。`, wrapped before its full stop).
pub fn is_title_like(text: &str) -> bool {
    !ends_with_stop(text)
        && width_at_most(text, 64)
        && !text.starts_with(['|', '※', '＊', '*'])
        && crate::numbering::parse_marker(text).is_none()
}

/// The most characters of a closing line that wrap off its end onto a line of their own
/// (`…来源：“学习强国”学习平` / `台`), to be joined back to it.
pub const CLOSING_FRAGMENT_CHARS: usize = 3;

/// `发布时间：…`, `来源：…`, `（来源：…）`: a short line that states publication data.
pub fn is_closing_line(text: &str) -> bool {
    let t = text.trim_start_matches(['（', '(', '【', '[']);
    // The first characters of the words below, tested first: layout asks this of every line
    // after a sentence end.
    if !t.starts_with(['发', '来', '责', '稿', '信', '编']) {
        return false;
    }
    [
        "发布时间",
        "来源",
        "发布日期",
        "责任编辑",
        "编辑",
        "稿件来源",
        "信息来源",
    ]
    .iter()
    .any(|k| t.starts_with(k) && t[k.len()..].starts_with([':', '：', ' ', '\u{3000}']))
        && width_at_most(text, 80)
}

/// A line of the web page a document was copied from, over its title: the page's publication
/// data (`发布时间：… 来源：…`, `浏览量：  时间:2016-01-17 23:45:19`), a date with its time of
/// day, or its navigation (`返回首页`, `当前位置：首页 > 政策`). No title is any of these.
pub fn is_page_matter(words: &str) -> bool {
    is_closing_line(words)
        || PUBLIC_INFORMATION.is_match(words)
        || width_at_most(words, PAGE_LINE_WIDTH)
            && (PAGE_DATA.is_match(words) || PAGE_NAVIGATION.is_match(words))
}

/// Reads a web page's matter line by line, where a label of it may stand alone over its value
/// (`• 发文字号:` / `某政发〔2024〕7号`): the value is the page's too.
#[derive(Default)]
pub(crate) struct PageMatter {
    /// The line before was a label alone.
    value_due: bool,
}

impl PageMatter {
    /// `words` (a line, trimmed) is page matter, or the value under a label of it.
    pub(crate) fn takes(&mut self, words: &str) -> bool {
        let matter = is_page_matter(words);
        let value = self.value_due && width_at_most(words, PAGE_LINE_WIDTH);
        self.value_due = matter && words.ends_with([':', '：']);
        matter || value
    }
}

/// The box of data that a government site sets over each document it publishes
/// (政府信息公开: `索引号：…　主题分类：…`, `发文机关：…　成文日期：…`, `标题：…`, `发文字号：…`),
/// a pair or two on a line, or a label alone (`• 发文字号:`) over its value.
static PUBLIC_INFORMATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[•·\s]*(?:索引号|主题分类|发文机关|发文机构|成文日期|发文字号|发布日期|标题|有效性|内容概述|公开方式|公开范围|主题词)\s*[:：]")
        .expect("valid regex")
});

/// The widest line of page matter, in columns.
const PAGE_LINE_WIDTH: usize = 100;

/// A label of a page's data, or a date with its time of day.
static PAGE_DATA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:浏览|点击|阅读|访问)(?:量|数|次数)\s*[:：]|(?:^|\s)(?:时间|日期|作者|字号)\s*[:：]|\d{4}\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2}\s*日?\s+\d{1,2}[:：]\d{2}",
    )
    .expect("valid regex")
});

/// A page's navigation, which a copy of the page takes along with the text: its links
/// (`返回首页`, `下载地址: 点击此处下载`), where it is (`您的位置: 首页 » 法律法规`), a bar of links
/// between bars (`收藏本站| 设为首页| 首页`).
static PAGE_NAVIGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:返回首页|返回顶部|返回列表|返回|首页|打印本页|关闭窗口|【打印】|【关闭】)$|^(?:当前位置|您(?:当前)?(?:所在)?的位置|您现在的位置|下载地址)\s*[:：]|^[^|｜]{1,12}(?:\s*[|｜]\s*[^|｜]{1,12}){2,}$",
    )
    .expect("valid regex")
});

/// A paragraph that is one parenthesised note (`（2014 年 9 月 5 日在…的讲话）`) is complete
/// like a sentence.
pub fn is_bracketed_note(para: &str) -> bool {
    // Brackets at both ends first: this is asked of every paragraph as it grows.
    if !(para.starts_with(['（', '(']) && para.ends_with(['）', ')'])) {
        return false;
    }
    let depth = para.chars().try_fold(0i32, |d, c| match c {
        '（' | '(' => Some(d + 1),
        '）' | ')' if d > 0 => Some(d - 1),
        '）' | ')' => None,
        _ => Some(d),
    });
    depth == Some(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_or_bracket_left_open_is_told_from_closed_ones() {
        assert!(ends_inside_quotes("来源：“学习强"));
        assert!(!ends_inside_quotes("来源：“学习强国”学习平台"));
        // A closing mark before any opening one closes nothing.
        assert!(!ends_inside_quotes("”学习平台"));
        assert!(ends_inside_brackets("依照《中华人民共和国"));
        assert!(ends_inside_brackets("（2024年3月1日"));
        assert!(!ends_inside_brackets("）依照《某某法》（试行）"));
    }

    #[test]
    fn a_contents_entry_ends_in_a_leader_and_a_page_number() {
        for entry in [
            "一、发展基础……………………1",
            "第二章　管理制度　…………　23",
            "（一）指导思想·········３",
            "1.加快建设网络.......112",
        ] {
            assert!(is_contents_entry(entry), "{entry}");
        }
        // A date, a page number alone, a leader with no page, a sentence ending on a number.
        for line in [
            "2024-03-01",
            "— 1 —",
            "……3",
            "一、发展基础……",
            "到2025年，某某能力提升至95",
        ] {
            assert!(!is_contents_entry(line), "{line}");
        }
    }

    #[test]
    fn whole_titles_end_with_a_title_word_and_close_their_brackets() {
        for title in [
            "最高人民法院关于海事法院受理案件范围的规定",
            "最高人民法院关于审理某某案件若干问题的规定（二）",
            "某某市物业管理办法（试行)",
            "中华人民共和国刑法",
            "关于加强基层治理体系和治理能力现代化建设的意见",
            "中华人民共和国刑法修正案（十一）",
            "最高人民法院关于内地与香港特别行政区法院相互委托送达民商事司法文书的安排",
            "最高人民法院关于审理名誉权案件若干问题的解答",
            "国务院关于在我国统一实行法定计量单位的命令",
        ] {
            assert!(is_whole_title(title), "{title}");
        }
        for not_title in [
            "国务院关于修改《中华人民共和国某某管理条例",
            "为正确审理某某案件，根据民事诉讼法等有关",
            "2019年1月1日某某市人大常委会会议通过",
            "依照本法",
            "最高人民法院关于审理某某案件）的规定",
        ] {
            assert!(!is_whole_title(not_title), "{not_title}");
        }
    }

    #[test]
    fn a_date_line_is_a_date_and_nothing_else() {
        for line in ["2024年3月1日", "二〇二四年三月一日", " 2024-03-01 "] {
            assert!(is_date_line(line), "{line}");
        }
        for line in ["2024年3月1日通过", "国务院 2024年3月1日", "12月7日"] {
            assert!(!is_date_line(line), "{line}");
        }
    }

    #[test]
    fn a_text_opens_with_a_date_only_where_its_first_character_begins_one() {
        for text in [
            "2004年11月25日 某某会议通过",
            "二〇〇四年十一月二十五日公布",
            "2024 年 2 月 28 日",
            "2024-02-28 施行",
            "2024年2月",
        ] {
            assert!(opens_with_date(text), "{text}");
        }
        for text in [
            "本法自2024年2月28日起施行",
            " 2024年2月28日",
            "第2024年",
            "",
        ] {
            assert!(!opens_with_date(text), "{text}");
        }
    }

    proptest::proptest! {
        /// The search anchored at the start answers as a search anywhere whose match begins
        /// at the start, and is the same match.
        #[test]
        fn the_anchored_date_search_agrees_with_the_search_anywhere(
            s in "[0-9０-９〇零一二三四五六七八九十年月日 \\-/.通过]{0,20}"
        ) {
            let anywhere = DATE.find(&s).filter(|m| m.start() == 0).map(|m| m.end());
            proptest::prop_assert_eq!(DATE_AT_START.find(&s).map(|m| m.end()), anywhere);
            proptest::prop_assert_eq!(opens_with_date(&s), anywhere.is_some());
        }
    }

    #[test]
    fn closing_line_recognition() {
        assert!(is_closing_line("发布时间：2024-03-01 来源：人民网"));
        assert!(is_closing_line("（来源：新华社）"));
        assert!(!is_closing_line("来源于群众的意见应当认真研究。"));
        // A web page's byline.
        assert!(is_closing_line("编辑 陈艳婷"));
        assert!(is_closing_line("（编辑：张三）"));
        assert!(!is_closing_line("编辑出版有关资料。"));
    }

    #[test]
    fn a_bare_label_is_a_label_and_nothing_else() {
        use crate::model::Kind;
        assert_eq!(
            bare_label("八、").map(|m| (m.kind, m.number)),
            Some((Kind::Division, 8))
        );
        assert_eq!(
            bare_label("第三章\u{3000}").map(|m| m.kind),
            Some(Kind::Chapter)
        );
        assert_eq!(bare_label("八、加强组织领导"), None);
        assert_eq!(bare_label("第三章 总则"), None);
        assert_eq!(bare_label("组织领导"), None);
    }

    #[test]
    fn attachment_labels() {
        for label in [
            "附件",
            "附件2",
            "附件 １",
            "附件一：",
            "附件：",
            "附：",
            "附表1",
            "附录",
        ] {
            assert!(is_attachment_label(label), "{label}");
        }
        for text in [
            "附件：某某清单",
            "附件列表",
            "附件1.某某表",
            "附则",
            "附 则",
            "附带民事诉讼",
        ] {
            assert!(!is_attachment_label(text), "{text}");
        }
    }

    #[test]
    fn a_closing_formula_is_a_line_of_its_own() {
        for formula in ["特此通知。", "此复。", "特此公告", "特此函复。", "　此复"]
        {
            assert!(is_closing_formula(formula), "{formula}");
        }
        for text in [
            "此外。",
            "特此",
            "此复如下：",
            "特此通知各单位。",
            "此项工作由市政府负责。",
        ] {
            assert!(!is_closing_formula(text), "{text}");
        }
    }

    #[test]
    fn an_attachment_note_names_what_is_attached() {
        for note in [
            "附件：政府采购需求管理办法",
            "附件：1.某某清单",
            "附件2：某某表",
            "附件 1: 某某表",
        ] {
            assert!(is_attachment_note(note), "{note}");
        }
        // A bare label, a word that opens with 附件, another label: no note.
        for text in [
            "附件",
            "附件1：",
            "附件：",
            "附件列表",
            "附则",
            "附：某某表",
        ] {
            assert!(!is_attachment_note(text), "{text}");
        }
    }
}
