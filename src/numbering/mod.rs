//! Stage 3a, the numbering grammar: one small nom parser per marker family.
//!
//! [`parse_marker`] recognises a marker at the start of a string. It says nothing about whether
//! the marker is a heading or a reference to another article: [`citation`] reads the evidence
//! in the words around it, and [`crate::structure`] decides from that, position and sequence.

pub mod citation;
pub mod numerals;

use crate::model::Kind;
use nom::{
    branch::alt,
    bytes::complete::{tag, take_while},
    character::complete::{char, satisfy},
    combinator::{map, not, opt, peek, recognize},
    sequence::{delimited, preceded, terminated, tuple},
    IResult,
};
use numerals::{any_numeral, chinese_numeral, digits, spaced_chinese_numeral, spaced_digits};

/// A numbering marker found at the start of a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    pub kind: Kind,
    pub number: u32,
    /// Y of `第X条之Y`.
    pub sub: Option<u32>,
    /// Length in bytes of the marker as written.
    pub len: usize,
}

/// Recognises any marker at the start of `s`.
pub fn parse_marker(s: &str) -> Option<Marker> {
    // Each family opens with its own kind of character: dispatch on it rather than try them all
    // in turn (most strings asked about are ordinary text and fail here).
    let first = s.chars().next()?;
    let parsed = match first {
        '第' => di_marker(s),
        '（' | '(' => alt((item, point))(s),
        c if numerals::is_chinese_digit(c) => division(s),
        c if numerals::is_digit(c) => alt((subitem, half_point))(s),
        '①'..='⑳' => circled(s),
        _ => return None,
    };
    let (rest, (kind, number, sub)) = parsed.ok()?;
    Some(Marker {
        kind,
        number,
        sub,
        len: s.len() - rest.len(),
    })
}

type Parsed = (Kind, u32, Option<u32>);

fn space0(input: &str) -> IResult<&str, &str> {
    take_while(numerals::is_letter_space)(input)
}

/// `第X编` (or `第X篇`, `第X部分`), `第X分编`, `第X章`, `第X节`, `第X条`, `第X条之Y` (and the
/// traditional `條`, `節`, `編`), each
/// perhaps followed by a colon (`label_colon`); X may be letter-spaced (`第 十 一 条`).
pub fn di_marker(input: &str) -> IResult<&str, Parsed> {
    let (rest, n) = delimited(
        tuple((char('第'), space0)),
        alt((spaced_chinese_numeral, any_numeral)),
        space0,
    )(input)?;
    // Most frequent first: the words begin with different characters, so the order decides
    // nothing but how many are tried.
    // Traditional characters too (條, 節, 編), as laws of Hong Kong, Macao and Taiwan and
    // Big5 files print them.
    let (rest, kind) = alt((
        map(alt((char('条'), char('條'))), |_| Kind::Article),
        map(char('章'), |_| Kind::Chapter),
        map(alt((char('节'), char('節'))), |_| Kind::Section),
        map(alt((char('编'), char('編'))), |_| Kind::Part),
        map(alt((tag("分编"), tag("分編"))), |_| Kind::Subpart),
        // A 纲要 is cut in 篇 where a code is cut in 编, and many 意见 and 方案 in 部分.
        map(char('篇'), |_| Kind::Part),
        map(tag("部分"), |_| Kind::Part),
    ))(rest)?;
    let (rest, sub) = if kind == Kind::Article {
        // Letter-spaced too: `第 一 百 二 十 条 之 一`.
        opt(preceded(
            tuple((space0, char('之'), space0)),
            chinese_number,
        ))(rest)?
    } else {
        (rest, None)
    };
    let (rest, _) = opt(label_colon)(rest)?;
    Ok((rest, (kind, n, sub)))
}

/// The colon some documents set right after a label (`第一条：为了…`, `第一章: 总则`): part of
/// the label, as `、` is of `一、`, so that the text starts with its first word.
fn label_colon(input: &str) -> IResult<&str, char> {
    alt((char('：'), char(':')))(input)
}

/// `一、` (also `一．`): the first level of policy documents. Letter-spaced as PDF text of
/// justified lines gives it: `十 一 、`.
pub fn division(input: &str) -> IResult<&str, Parsed> {
    map(
        terminated(
            chinese_number,
            preceded(space0, alt((char('、'), char('．')))),
        ),
        |n| (Kind::Division, n, None),
    )(input)
}

/// A Chinese numeral, perhaps letter-spaced (`十二`, `十 二`).
fn chinese_number(input: &str) -> IResult<&str, u32> {
    alt((spaced_chinese_numeral, chinese_numeral))(input)
}

/// Digits, perhaps letter-spaced (`12`, `1 2`).
fn digit_number(input: &str) -> IResult<&str, u32> {
    alt((spaced_digits, digits))(input)
}

fn open_paren(input: &str) -> IResult<&str, char> {
    terminated(alt((char('（'), char('('))), space0)(input)
}

fn close_paren(input: &str) -> IResult<&str, char> {
    preceded(space0, alt((char('）'), char(')'))))(input)
}

/// `（一）` or `(一)`, full- or half-width brackets in any mix: 项.
pub fn item(input: &str) -> IResult<&str, Parsed> {
    map(delimited(open_paren, chinese_number, close_paren), |n| {
        (Kind::Item, n, None)
    })(input)
}

/// `（1）` or `(1)`.
pub fn point(input: &str) -> IResult<&str, Parsed> {
    map(delimited(open_paren, digit_number, close_paren), |n| {
        (Kind::Point, n, None)
    })(input)
}

/// `1）` or `1)`: `（1）` without its opening bracket, as many a policy document and web copy
/// writes its fourth level.
pub fn half_point(input: &str) -> IResult<&str, Parsed> {
    map(terminated(digit_number, close_paren), |n| {
        (Kind::Point, n, None)
    })(input)
}

/// `1.`, `1．`, `１．`, `1、`: 目. Not a decimal number (`1.5`).
pub fn subitem(input: &str) -> IResult<&str, Parsed> {
    let (rest, n) = digit_number(input)?;
    let (rest, gap) = space0(rest)?;
    let (rest, _) = alt((char('.'), char('．'), char('、')))(rest)?;
    let (rest, _) = peek(not(satisfy(numerals::is_digit)))(rest)?;
    // Letter-spaced, the mark must not be a decimal point spaced out too (`2 . 5 倍`).
    if !gap.is_empty() {
        peek(not(preceded(space0, satisfy(numerals::is_digit))))(rest)?;
    }
    Ok((rest, (Kind::Subitem, n, None)))
}

/// `①` … `⑳`.
pub fn circled(input: &str) -> IResult<&str, Parsed> {
    map(
        recognize(satisfy(|c| ('①'..='⑳').contains(&c))),
        |s: &str| {
            let c = s.chars().next().unwrap_or('①');
            (Kind::Circled, c as u32 - '①' as u32 + 1, None)
        },
    )(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Option<(Kind, u32, Option<u32>, &str)> {
        parse_marker(s).map(|mk| (mk.kind, mk.number, mk.sub, &s[..mk.len]))
    }

    #[test]
    fn di_markers_of_every_family() {
        assert_eq!(m("第一编 总则"), Some((Kind::Part, 1, None, "第一编")));
        assert_eq!(
            m("第二分编 合同"),
            Some((Kind::Subpart, 2, None, "第二分编"))
        );
        assert_eq!(m("第三章 职责"), Some((Kind::Chapter, 3, None, "第三章")));
        assert_eq!(m("第二篇 创新驱动"), Some((Kind::Part, 2, None, "第二篇")));
        assert_eq!(
            m("第三部分 保障措施"),
            Some((Kind::Part, 3, None, "第三部分"))
        );
        assert_eq!(m("第一节总则"), Some((Kind::Section, 1, None, "第一节")));
        assert_eq!(
            m("第一千二百六十条 本法自"),
            Some((Kind::Article, 1260, None, "第一千二百六十条"))
        );
        assert_eq!(m("第1条 为了"), Some((Kind::Article, 1, None, "第1条")));
        assert_eq!(m("第 3 条 为了"), Some((Kind::Article, 3, None, "第 3 条")));
    }

    #[test]
    fn letter_spaced_labels() {
        assert_eq!(
            m("第 十 一 条 为了"),
            Some((Kind::Article, 11, None, "第 十 一 条"))
        );
        assert_eq!(
            m("第　一　百　二　十　条之一"),
            Some((Kind::Article, 120, Some(1), "第　一　百　二　十　条之一"))
        );
        assert_eq!(
            m("第 一 百 二 十 条 之 一 为了"),
            Some((Kind::Article, 120, Some(1), "第 一 百 二 十 条 之 一"))
        );
        assert_eq!(
            m("第 十 一 章 法 律 责 任"),
            Some((Kind::Chapter, 11, None, "第 十 一 章"))
        );
        // One space apart, not more; and the characters must still make a numeral.
        assert_eq!(m("第十  一条"), None);
        assert_eq!(m("第 二 三 条"), None);
    }

    #[test]
    fn letter_spaced_policy_labels() {
        assert_eq!(m("一 、坚持"), Some((Kind::Division, 1, None, "一 、")));
        assert_eq!(
            m("十 一 、 加强"),
            Some((Kind::Division, 11, None, "十 一 、"))
        );
        assert_eq!(
            m("（ 十 二 ）推进"),
            Some((Kind::Item, 12, None, "（ 十 二 ）"))
        );
        assert_eq!(m("1 2 .加强"), Some((Kind::Subitem, 12, None, "1 2 .")));
        assert_eq!(m("３ ．加强"), Some((Kind::Subitem, 3, None, "３ ．")));
        assert_eq!(
            m("（ 1 0 ）落实"),
            Some((Kind::Point, 10, None, "（ 1 0 ）"))
        );
        // Still no decimal number, and the spaced characters must still make a numeral.
        assert_eq!(m("1 .5倍"), None);
        assert_eq!(m("2 . 5 倍"), None);
        // Unspaced, a year may open the text after the mark.
        assert_eq!(m("1. 2024年"), Some((Kind::Subitem, 1, None, "1.")));
        assert_eq!(m("2 、3个"), None);
        assert_eq!(m("二 三 、"), None);
        assert_eq!(m("1 2 3 4 5 ."), None);
    }

    #[test]
    fn a_colon_right_after_a_label_belongs_to_it() {
        assert_eq!(
            m("第一条：为了规范"),
            Some((Kind::Article, 1, None, "第一条："))
        );
        assert_eq!(m("第2条: 本办法"), Some((Kind::Article, 2, None, "第2条:")));
        assert_eq!(
            m("第十条之一：增加"),
            Some((Kind::Article, 10, Some(1), "第十条之一："))
        );
        assert_eq!(
            m("第一章：总则"),
            Some((Kind::Chapter, 1, None, "第一章："))
        );
        // Only right after it: a colon further on is the text's.
        assert_eq!(m("第五条规定："), Some((Kind::Article, 5, None, "第五条")));
    }

    #[test]
    fn traditional_characters_of_the_labels() {
        assert_eq!(m("第一條 為了"), Some((Kind::Article, 1, None, "第一條")));
        assert_eq!(m("第三節 總則"), Some((Kind::Section, 3, None, "第三節")));
        assert_eq!(m("第二編 物權"), Some((Kind::Part, 2, None, "第二編")));
        assert_eq!(
            m("第一分編 通則"),
            Some((Kind::Subpart, 1, None, "第一分編"))
        );
    }

    #[test]
    fn article_with_zhi() {
        assert_eq!(
            m("第一百二十条之一 为了"),
            Some((Kind::Article, 120, Some(1), "第一百二十条之一"))
        );
        // 之 not followed by a numeral is text, not part of the label.
        assert_eq!(m("第十条之规定"), Some((Kind::Article, 10, None, "第十条")));
    }

    #[test]
    fn labels_glued_to_text() {
        assert_eq!(
            m("第一条为了保守"),
            Some((Kind::Article, 1, None, "第一条"))
        );
        assert_eq!(m("第一章总则"), Some((Kind::Chapter, 1, None, "第一章")));
    }

    #[test]
    fn policy_levels() {
        assert_eq!(m("一、坚持"), Some((Kind::Division, 1, None, "一、")));
        assert_eq!(m("二十、党的"), Some((Kind::Division, 20, None, "二十、")));
        assert_eq!(m("（一）健全"), Some((Kind::Item, 1, None, "（一）")));
        assert_eq!(m("(六)承办"), Some((Kind::Item, 6, None, "(六)")));
        assert_eq!(m("（十二）推进"), Some((Kind::Item, 12, None, "（十二）")));
        assert_eq!(m("1.建立"), Some((Kind::Subitem, 1, None, "1.")));
        assert_eq!(m("12．加强"), Some((Kind::Subitem, 12, None, "12．")));
        assert_eq!(m("１．加强"), Some((Kind::Subitem, 1, None, "１．")));
        assert_eq!(m("3、加强"), Some((Kind::Subitem, 3, None, "3、")));
        assert_eq!(m("（1）落实"), Some((Kind::Point, 1, None, "（1）")));
        assert_eq!(m("(2)落实"), Some((Kind::Point, 2, None, "(2)")));
        // Without the opening bracket, as a fourth level often is written.
        assert_eq!(m("1）钢铁行业"), Some((Kind::Point, 1, None, "1）")));
        assert_eq!(m("12)水泥"), Some((Kind::Point, 12, None, "12)")));
        assert_eq!(m("2024年"), None);
        assert_eq!(m("③其他"), Some((Kind::Circled, 3, None, "③")));
    }

    #[test]
    fn not_markers() {
        assert_eq!(m("1.5倍"), None);
        assert_eq!(m("第十四届全国"), None);
        assert_eq!(m("第一次修订"), None);
        assert_eq!(m("一是加强"), None);
        assert_eq!(m("2024年"), None);
        assert_eq!(m("（以下简称"), None);
        assert_eq!(m("第条"), None);
        assert_eq!(m(""), None);
    }
}
