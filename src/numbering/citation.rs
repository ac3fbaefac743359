//! The words around a label that make it a citation of another unit rather than a heading
//! (`依照本法第二十条的规定`, `第五条、第六条`), and where a label stands in its paragraph.
//!
//! This is evidence, not a decision: [`crate::structure`] weighs it with the running sequence of
//! numbers. Layout and segment read the same grammar where a line break separates a label from
//! the text before it ([`cited_across_break`]), so it lives with the labels' own grammar, below
//! every stage that asks.

use crate::model::Kind;
use crate::normalise::is_space;
use crate::numbering::numerals::is_numeral_char;
use crate::text::{is_closing, is_stop};

/// Evidence that a candidate is a reference (`依照本法第二十条的规定`) rather than a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reference {
    /// Nothing suggests a reference.
    No,
    /// The next words could start an article's text as well as follow a reference
    /// (`第八条规定本市…` is an article in a text without spaces after labels).
    Soft,
    /// The context never surrounds a heading (`第二十条的规定`, `第五条、第六条`).
    Hard,
}

/// Where a candidate stands. Stronger positions are more likely headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Position {
    /// In running text, right after other text.
    Inline,
    /// After a space inside a paragraph (single-line exports keep some line breaks as spaces).
    AfterSpace,
    /// After a sentence end (。；：！？).
    AfterStop,
    /// At the start of a paragraph.
    Start,
}

/// Where the label at byte `i` of `body` stands in its paragraph.
pub fn position_at(body: &str, i: usize) -> Position {
    let before = &body[..i];
    let trimmed = before.trim_end_matches(|c: char| is_space(c) && c != '\n');
    let spaced = trimmed.len() != before.len();
    match trimmed.chars().next_back() {
        None | Some('\n') => Position::Start,
        Some(c) if is_stop(c) => Position::AfterStop,
        Some(c) if is_closing(c) && ends_with_stop_then_closing(trimmed) => Position::AfterStop,
        Some('）' | ')') if closes_note_after_stop(trimmed) => Position::AfterStop,
        _ if spaced => Position::AfterSpace,
        _ => Position::Inline,
    }
}

/// `s` ends with a note in brackets that opened after a stop (`…不能淡化。（2014 年 9 月 5 日在…
/// 的讲话）`): the note is complete like the sentence before it, and what follows it begins
/// anew, as on a line of its own (a single-line export of a collection of speeches). Looked for
/// within a note's length.
fn closes_note_after_stop(s: &str) -> bool {
    let window = &s[crate::text::window_start(s, s.len(), NOTE_BYTES)..];
    // The note opens at the nearest bracket from which the rest is one note.
    window
        .char_indices()
        .rev()
        .filter(|&(_, c)| matches!(c, '（' | '('))
        .find(|&(k, _)| crate::lines::is_bracketed_note(&window[k..]))
        .is_some_and(|(k, _)| {
            window[..k]
                .trim_end_matches(|c: char| is_space(c) && c != '\n')
                .ends_with(is_stop)
        })
}

/// The longest bracketed note [`closes_note_after_stop`] looks back over, in bytes (some sixty
/// characters: a speech's date, place and occasion).
const NOTE_BYTES: usize = 200;

fn ends_with_stop_then_closing(s: &str) -> bool {
    s.trim_end_matches(is_closing)
        .chars()
        .next_back()
        .is_some_and(is_stop)
}

/// Words that follow a reference to an article or chapter (`第二十条的规定`, `第十条第二款`,
/// `第五条、第六条`) and never begin the text of one.
const STRICT_FOLLOWERS: &[&str] = &[
    "的",
    "之规定",
    "、",
    "，",
    ",",
    "和第",
    "或者第",
    "或第",
    "及第",
    "至第",
    "到第",
    "款",
    "项",
    "）",
    ")",
    "》",
    "。",
    "；",
];

/// Words that follow a reference in running text (`第五条所称`, `将第五条作为第六条`), but may
/// begin an article's text at the start of a paragraph (`第七条作为被诉行政许可行为基础的…`).
const WORD_FOLLOWERS: &[&str] = &[
    "中规定",
    "中的",
    "所列",
    "所称",
    "所规定",
    "所指",
    "所述",
    "以外",
    "后增加",
    "修改为",
    "改为",
    "作为",
    "删去",
    "删除",
    "之后",
    "前款",
];

/// Words that follow references but may also start an article (`第八条 规定本市…`,
/// `第十三条 （市）区教育行政部门…`).
const SOFT_FOLLOWERS: &[&str] = &["规定", "增加", "（", "("];

/// Words that precede a reference inline (`本法第二十条`, `依照第五条`).
const REFERENCE_LEADERS: &[&str] = &[
    "本法",
    "本条例",
    "本规定",
    "本办法",
    "本细则",
    "本解释",
    "本决定",
    "本规则",
    "本准则",
    "本条",
    "本章",
    "本节",
    "本编",
    "法",
    "条例",
    "规定",
    "办法",
    "》",
    "依照",
    "按照",
    "根据",
    "违反",
    "适用",
    "依据",
    "参照",
    "执行",
    "和",
    "及",
    "与",
    "、",
    "或者",
    "或",
    "至",
    "到",
    "即",
    "经",
    "见",
    "由",
    "对",
    "将",
    "在",
    "把",
    "从",
    "自",
];

/// `第二款`, `第三项`, `第一目`, `第二句`: the part of an article a citation names next
/// (`第十条第二款`); `第一审`, `第三方` are words.
fn cites_subdivision(after: &str) -> bool {
    after
        .strip_prefix('第')
        .map(|rest| rest.trim_start_matches(is_numeral_char))
        .is_some_and(|rest| {
            rest.len() < after.len() - '第'.len_utf8() && rest.starts_with(['款', '项', '目', '句'])
        })
}

/// The words before a label read like the start of a citation (`依照本法第二十条`).
pub fn led(before: &str) -> bool {
    REFERENCE_LEADERS.iter().any(|w| before.ends_with(w))
}

/// Whether a label that a line break separates from the text before it (`prev`, ending a
/// line) would be a citation if the break were only a wrap: `next` is the line the label
/// opens, `label_len` the label's length in bytes. A citation broken across lines reads as one
/// (`…依照本法` / `第十条的规定…`); a heading after a line of other matter does not
/// (`…会议通过` / `第一章总则`).
/// The words that only may follow a citation count here too, for every `第…` label
/// (`…刑法分则` / `第一章规定的…`): the break is the only other evidence, and it is weak.
pub fn cited_across_break(prev: &str, next: &str, kind: Kind, label_len: usize) -> bool {
    let rest = &next[label_len..];
    reads_as_reference(prev, rest, kind, Position::Inline, true) != Reference::No
        || SOFT_FOLLOWERS.iter().any(|w| rest.starts_with(w))
}

/// Words that open with the name of a part of an article (项, 目, 款, 条) but name none: text
/// that follows a label, not the rest of a citation (`第十八条项目建设单位…`).
const COMPOUNDS: &[&str] = &[
    "项目", "目标", "目的", "目前", "目录", "款项", "条件", "条款",
];

fn opens_with_compound(after: &str) -> bool {
    COMPOUNDS.iter().any(|w| after.starts_with(w))
}

/// `before` is the text before the label, `rest` the text after it.
pub fn reads_as_reference(
    before: &str,
    rest: &str,
    kind: Kind,
    pos: Position,
    use_leaders: bool,
) -> Reference {
    let spaced_after = rest.starts_with(|c: char| is_space(c) && c != '\n');
    let after = rest.trim_start_matches(|c: char| is_space(c) && c != '\n');
    let hard = match kind {
        Kind::Part | Kind::Subpart | Kind::Chapter | Kind::Section | Kind::Article => {
            // 第十条第二款: the article is referred to with its paragraph (but 第一章第一条 is a
            // heading glued to the first article).
            // A space between label and text is layout for a heading (`第十八条 项目建设单位…`),
            // never the inside of a citation: then only punctuation reads as one.
            let spaced_words = spaced_after && after.starts_with(crate::text::is_han);
            let starts = |words: &[&str]| words.iter().any(|w| after.starts_with(w));
            let strict = starts(STRICT_FOLLOWERS);
            let word = starts(WORD_FOLLOWERS);
            let follower = (strict || word) && !spaced_words && !opens_with_compound(after);
            // At the start of a paragraph, a citation word may also begin an article's text:
            // weaker evidence.
            if pos >= Position::AfterStop && follower && !strict && !cites_subdivision(after) {
                return Reference::Soft;
            }
            cites_subdivision(after)
                || follower
                || (use_leaders && pos <= Position::AfterSpace && !spaced_after && led(before))
        }
        // 第（一）项, （一）项: an item referred to; not an item whose text opens with a word
        // that begins so (`（七）项目资金使用情况`, `（一）目标任务`, `（三）条件保障`).
        _ => {
            before.ends_with('第')
                || ["项", "目", "款", "条"]
                    .iter()
                    .any(|w| after.starts_with(w))
                    && !opens_with_compound(after)
                || (pos == Position::Inline && kind == Kind::Division && before.ends_with('、'))
                // Numerals listed in running text (`分为一、二、三级`, `（二）二、三级资质`).
                || (pos == Position::Inline
                    && kind == Kind::Division
                    && after.starts_with(super::numerals::is_chinese_digit))
        }
    };
    if hard {
        Reference::Hard
    } else if kind == Kind::Article
        && !spaced_after
        && SOFT_FOLLOWERS.iter().any(|w| after.starts_with(w))
    {
        Reference::Soft
    } else {
        Reference::No
    }
}
