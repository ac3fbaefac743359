//! Every place in a document body where a numbering marker *could* start, with the evidence
//! about it: where it stands (paragraph start, after a sentence end, after a space, inline) and
//! whether its context reads like a reference to another article (`依照本法第二十条的规定`).

use crate::model::Kind;
use crate::normalise::is_space;
use crate::numbering::citation::{position_at, reads_as_reference};
pub use crate::numbering::citation::{Position, Reference};
use crate::numbering::numerals::{is_letter_space, is_numeral_char};
use crate::numbering::parse_marker;
use std::sync::LazyLock;

/// A possible marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub kind: Kind,
    pub number: u32,
    pub sub: Option<u32>,
    /// Byte offset of the label in the body.
    pub start: usize,
    /// Byte length of the label.
    pub len: usize,
    pub position: Position,
    /// How much the context reads like a reference to another article, not a heading.
    pub reference: Reference,
    /// White space follows the label: layout that sets a heading's label off its text.
    pub spaced_after: bool,
}

impl Candidate {
    pub fn end(&self) -> usize {
        self.start + self.len
    }

    /// (number, sub) as one comparable key: 第十条之一 → (10, 1).
    pub fn key(&self) -> (u32, u32) {
        (self.number, self.sub.unwrap_or(0))
    }
}

/// Upper bounds that keep years and amounts out of the lower numbering levels.
fn plausible(kind: Kind, number: u32) -> bool {
    match kind {
        Kind::Division | Kind::Item => number <= 100,
        Kind::Subitem | Kind::Point => number <= 150,
        _ => number >= 1,
    }
}

/// `s` opens with a run of numerals, perhaps letter-spaced (`十 一`), followed by the mark that
/// ends a bare label: `、`, `.`, `．`, `，`, or the closing bracket of `1）` (after optional
/// spaces).
fn numeral_then_label_mark(s: &str) -> bool {
    let rest = s.trim_start_matches(|c| is_numeral_char(c) || is_letter_space(c));
    rest.starts_with(['、', '.', '．', '，', ',', '）', ')'])
}

/// The character before `at` continues a numeral: a numeral (`十一、` seen from `一`), or a
/// numeral and one space when the numeral is letter-spaced (`十 一 、`).
fn continues_numeral(body: &str, at: usize) -> bool {
    let mut before = body[..at].chars().rev();
    match before.next() {
        Some(c) if is_numeral_char(c) => true,
        Some(c) if is_letter_space(c) => before.next().is_some_and(is_numeral_char),
        _ => false,
    }
}

/// Finds every candidate marker in `body` (paragraphs joined by `\n`), in text order.
pub fn scan(body: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    let bytes = body.as_bytes();
    // Character by character, but told apart by their bytes (see `Starts`): the ordinary text
    // between markers is stepped over without being decoded.
    let starts = &*STARTS;
    let mut i = 0;
    while i < bytes.len() {
        let at = i;
        i += utf8_len(bytes[at]);
        if !starts.contains(bytes, at) {
            continue;
        }
        let Some(c) = body[at..].chars().next() else {
            continue;
        };
        if is_numeral_char(c) {
            // A numeral inside a longer numeral (`十一、` seen from `一`) is not a marker start;
            // nor is one right after 第, which belongs to a 第…次/届 phrase.
            if continues_numeral(body, at) || body[..at].ends_with('第') {
                continue;
            }
            // Numerals are everywhere in Chinese text; only those followed by the punctuation
            // of a label (`一、`, `1.`) can start one. Checking that first keeps the parsers for
            // the rest.
            if !numeral_then_label_mark(&body[at..]) {
                continue;
            }
        }
        let Some(m) = parse_marker(&body[at..]) else {
            continue;
        };
        if !plausible(m.kind, m.number) {
            continue;
        }
        let position = position_at(body, at);
        let reference =
            reads_as_reference(&body[..at], &body[at + m.len..], m.kind, position, true);
        out.push(Candidate {
            kind: m.kind,
            number: m.number,
            sub: m.sub,
            start: at,
            len: m.len,
            position,
            reference,
            spaced_after: body[at + m.len..].starts_with(|c: char| is_space(c) && c != '\n'),
        });
        // No marker starts inside another.
        i = at + m.len;
    }
    out
}

fn could_start_marker(c: char) -> bool {
    c == '第' || c == '（' || c == '(' || ('①'..='⑳').contains(&c) || is_numeral_char(c)
}

/// The characters that `could_start_marker` accepts, told by their UTF-8 bytes without decoding
/// them: the first byte picks a row (none, ASCII, or one per lead byte of a three-byte character
/// that can open a marker), the second byte a 64-bit mask in it, the third byte a bit of the
/// mask. Table lookups, not a `match`: branches on the bytes would mispredict on every change of
/// script, and testing two bytes only let through four times as many characters (a quarter of
/// a law's text: 不, 中, 为 share their first two bytes with 一, 二, 三). Every accepted
/// character is ASCII or three bytes long (checked when the table is built and in the tests).
struct Starts {
    row_of: [u8; 256],
    rows: Vec<[u64; 64]>,
}

static STARTS: LazyLock<Starts> = LazyLock::new(Starts::build);

impl Starts {
    fn build() -> Starts {
        let mut t = Starts {
            row_of: [0; 256],
            // Row 0 accepts nothing; row 1 everything (an accepted ASCII character, whatever
            // follows it).
            rows: vec![[0; 64], [u64::MAX; 64]],
        };
        for c in (0..=0xFFFF)
            .filter_map(char::from_u32)
            .filter(|&c| could_start_marker(c))
        {
            let mut buf = [0; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            match *b {
                [ascii] => t.row_of[usize::from(ascii)] = 1,
                [b0, b1, b2] => {
                    if t.row_of[usize::from(b0)] == 0 {
                        t.row_of[usize::from(b0)] = u8::try_from(t.rows.len()).expect("few rows");
                        t.rows.push([0; 64]);
                    }
                    let row = usize::from(t.row_of[usize::from(b0)]);
                    t.rows[row][usize::from(b1 & 0x3F)] |= 1 << (b2 & 0x3F);
                }
                _ => unreachable!("marker characters are ASCII or three bytes long"),
            }
        }
        t
    }

    /// Whether the character at `bytes[at]` (a character boundary) can open a marker.
    fn contains(&self, bytes: &[u8], at: usize) -> bool {
        let (b0, b1, b2) = match *bytes.get(at..at + 3).unwrap_or(&bytes[at..]) {
            [b0, b1, b2] => (b0, b1, b2),
            [b0, b1] => (b0, b1, 0),
            [b0] => (b0, 0, 0),
            _ => return false,
        };
        let row = &self.rows[usize::from(self.row_of[usize::from(b0)])];
        row[usize::from(b1 & 0x3F)] >> (b2 & 0x3F) & 1 != 0
    }
}

/// The length of the UTF-8 sequence that `lead` opens: its leading one bits (a continuation
/// byte, never a lead here, counts as one). Looked up, as counting leading bits compiles to
/// several instructions on the x86-64 baseline, which has no `lzcnt`.
fn utf8_len(lead: u8) -> usize {
    const LEN: [u8; 256] = {
        let mut t = [1u8; 256];
        let mut b: usize = 0xC0;
        while b < 256 {
            t[b] = (b as u8).leading_ones() as u8;
            b += 1;
        }
        t
    };
    usize::from(LEN[usize::from(lead)])
}

/// The reference evidence of `c` without the words before it: for a label that follows a
/// heading, those words are the heading's.
pub fn reference_without_leader(body: &str, c: &Candidate) -> Reference {
    reads_as_reference(
        &body[..c.start],
        &body[c.end()..],
        c.kind,
        c.position,
        false,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_test_accepts_exactly_the_characters_that_can_open_a_marker() {
        let mut accepted = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            // In the middle of a text and at its very end (the bytes after it are missing).
            let mut text = String::from(c);
            let alone = STARTS.contains(text.as_bytes(), 0);
            text.push('条');
            let followed = STARTS.contains(text.as_bytes(), 0);
            assert_eq!(alone, could_start_marker(c), "{c} ({:04X}) alone", c as u32);
            assert_eq!(followed, could_start_marker(c), "{c} ({:04X})", c as u32);
            accepted += usize::from(alone);
            assert_eq!(utf8_len(text.as_bytes()[0]), c.len_utf8(), "{c}");
        }
        // ( 0-9 ０-９ ①-⑳ 第 （ and the Chinese digits.
        assert!((44..=60).contains(&accepted), "{accepted}");
    }

    fn kinds(body: &str) -> Vec<(Kind, u32, Position, bool)> {
        scan(body)
            .into_iter()
            .map(|c| (c.kind, c.number, c.position, c.reference != Reference::No))
            .collect()
    }

    #[test]
    fn positions() {
        let body = "第一条 为了保守国家秘密。第二条国家秘密\n（一）事项； （二）其他";
        assert_eq!(
            kinds(body),
            [
                (Kind::Article, 1, Position::Start, false),
                (Kind::Article, 2, Position::AfterStop, false),
                (Kind::Item, 1, Position::Start, false),
                (Kind::Item, 2, Position::AfterStop, false),
            ]
        );
    }

    #[test]
    fn a_label_after_a_note_that_closed_a_sentence_stands_after_a_stop() {
        // A collection of speeches on one line: each excerpt ends with the note of its
        // occasion. A bracket closed inside a sentence leaves the label inline.
        let body = "一、不能淡化。（2014 年 9 月 5 日在某某大会上的讲话）二、必须注重历史。\
            依照《某某条例（试行）》三、";
        assert_eq!(
            kinds(body)
                .iter()
                .map(|&(_, n, p, _)| (n, p))
                .collect::<Vec<_>>(),
            [
                (1, Position::Start),
                (2, Position::AfterStop),
                (3, Position::Inline)
            ]
        );
    }

    #[test]
    fn a_letter_spaced_numeral_is_one_marker() {
        // Not also 一 、 (1) seen from the second character, as `十一、` is not.
        let body = "十 一 、加强保障\n（ 十 二 ）完善制度。\n1 2 .落实责任";
        assert_eq!(
            kinds(body),
            [
                (Kind::Division, 11, Position::Start, false),
                (Kind::Item, 12, Position::Start, false),
                (Kind::Subitem, 12, Position::Start, false),
            ]
        );
    }

    #[test]
    fn references_are_flagged() {
        let body = "依照本法第二十条的规定处理，适用第三十四条、第三十五条。\n第三十四条规定的情形";
        let found: Vec<_> = scan(body).into_iter().map(|c| c.reference).collect();
        assert_eq!(
            found,
            [
                Reference::Hard,
                Reference::Hard,
                Reference::Hard,
                Reference::Soft
            ]
        );
        // With a space after the label, 规定 starts the article's text.
        assert_eq!(
            scan("第八条 规定本市特别重大事项")[0].reference,
            Reference::No
        );
    }

    #[test]
    fn an_item_whose_text_opens_with_a_word_like_xiang_is_no_reference() {
        // `（七）项目…` is an item; `（三）项规定` the rest of a citation wrapped onto a line.
        let body = "（七）项目资金使用情况；\n（一）目标任务\n（三）条件保障\n（三）项规定的情形";
        let found: Vec<_> = scan(body).into_iter().map(|c| c.reference).collect();
        assert_eq!(
            found,
            [Reference::No, Reference::No, Reference::No, Reference::Hard]
        );
    }

    #[test]
    fn numerals_listed_in_running_text_are_no_divisions() {
        let found: Vec<_> = scan("（二）二、三级资质的审批")
            .into_iter()
            .map(|c| (c.kind, c.reference))
            .collect();
        assert_eq!(
            found,
            [
                (Kind::Item, Reference::No),
                (Kind::Division, Reference::Hard)
            ]
        );
    }

    #[test]
    fn numbers_inside_phrases_are_not_candidates() {
        assert!(scan("第十四届全国人民代表大会第二次会议").is_empty());
        // 十一、 is one marker, not 十一 and then 一、
        assert_eq!(
            kinds("十一、加强"),
            [(Kind::Division, 11, Position::Start, false)]
        );
    }

    #[test]
    fn a_heading_glued_to_the_next_article() {
        let found = kinds("第一章总则第一条为了");
        assert_eq!(found[0].0, Kind::Chapter);
        assert_eq!(found[1], (Kind::Article, 1, Position::Inline, false));
    }
}
