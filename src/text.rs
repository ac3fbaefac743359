//! Character classes shared by the stages: sentence ends, closing quotes, display width.

/// Punctuation that ends a sentence or a clause that can end a paragraph (。；：！？ and their
/// half-width forms). A paragraph of a law ends with one of these.
pub fn is_stop(c: char) -> bool {
    matches!(
        c,
        '。' | '；' | '：' | '！' | '？' | ';' | ':' | '!' | '?' | '…'
    )
}

/// The last character of a sentence: a full stop, not the `；` or `：` that ends a clause.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// A mark that ends a clause inside a sentence, or introduces what follows (`，；：`).
pub fn is_clause_mark(c: char) -> bool {
    matches!(c, '，' | '；' | '：' | ',' | ';' | ':')
}

/// `s` ends a sentence, white space and closing quotes and brackets aside (`……。”`).
pub fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(crate::normalise::is_space)
        .trim_end_matches(is_closing)
        .chars()
        .next_back()
        .is_some_and(is_sentence_end)
}

/// Closing quotes and brackets that may follow a sentence end (`……。”`).
pub fn is_closing(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '）' | ')' | '》' | '"' | '\'')
}

/// The text ends a sentence: a stop, possibly followed by closing quotes or brackets.
pub fn ends_with_stop(s: &str) -> bool {
    s.trim_end_matches(crate::normalise::is_space)
        .trim_end_matches(is_closing)
        .chars()
        .next_back()
        .is_some_and(is_stop)
}

/// Width on a page: CJK and full-width characters take two columns, the rest one.
pub fn display_width(s: &str) -> usize {
    chars_and_width(s).1
}

/// The number of characters of `s` and its [`display_width`], in one pass over its bytes.
///
/// Every line of every file is measured, so this reads the UTF-8 bytes instead of decoding
/// characters: a character starts at every byte that is not a continuation byte, and whether
/// it is wide follows from its first byte and at most the next two. The common characters
/// (ideographs, CJK and full-width punctuation, curly quotes) are decided that way without a
/// branch, so that the compiler vectorises the loop (2× faster than deciding character by
/// character on the corpus); a line with a character whose first bytes do not decide it
/// (Hangul, Yi, compatibility forms, U+FFFD, four-byte characters) is measured again one
/// character at a time.
pub fn chars_and_width(s: &str) -> (usize, usize) {
    let b = s.as_bytes();
    let n = b.len();
    let (mut chars, mut wide, mut unsure) = (0usize, 0usize, false);
    if n >= 3 {
        // Each position with the two bytes after it; a three-byte character starts at n - 3
        // at the latest, so the last two positions only count characters (below).
        let (xs, ys, zs) = (&b[..n - 2], &b[1..n - 1], &b[2..]);
        // Blocks short enough for byte-sized counters, which vectorise best.
        for start in (0..n - 2).step_by(255) {
            let end = (start + 255).min(n - 2);
            let (mut chars8, mut wide8, mut unsure8) = (0u8, 0u8, 0u8);
            for j in start..end {
                let (w, u) = wide_by_bytes(xs[j], ys[j], zs[j]);
                chars8 += starts_char(xs[j]) as u8;
                wide8 += w as u8;
                unsure8 |= u as u8;
            }
            chars += chars8 as usize;
            wide += wide8 as usize;
            unsure |= unsure8 != 0;
        }
    }
    chars += b[n.saturating_sub(2)..]
        .iter()
        .filter(|&&x| starts_char(x))
        .count();
    if unsure {
        return (chars, s.chars().map(char_width).sum());
    }
    (chars, chars + wide)
}

/// The byte is the first of a character (not a UTF-8 continuation byte).
fn starts_char(x: u8) -> bool {
    (x as i8) >= -64
}

/// For the byte `x` followed by `y` and `z`: (a wide character starts at `x`, the bytes do not
/// decide it). Branch-free, so that [`chars_and_width`]'s loop vectorises.
#[inline(always)]
fn wide_by_bytes(x: u8, y: u8, z: u8) -> (bool, bool) {
    // U+2018/2019/201C/201D/2014/2026 (‘’“”—…), then U+2E80..=U+2FFF (radicals).
    let e2 = (x == 0xE2)
        & (((y == 0x80)
            & ((z == 0x94) | (z == 0x98) | (z == 0x99) | (z == 0x9C) | (z == 0x9D) | (z == 0xA6)))
            | (y.wrapping_sub(0xBA) <= 5));
    // U+3000..=U+3FFF: CJK punctuation (、。「」), kana, ideographs; all wide but for U+303F
    // (E3 80 BF) and U+3040 (E3 81 80).
    let e3 = (x == 0xE3) & !(((y == 0x80) & (z == 0xBF)) | ((y == 0x81) & (z == 0x80)));
    // U+4000..=U+4FFF: ideographs, except the hexagrams U+4DC0..=U+4DFF (E4 B7 ..).
    let e4 = (x == 0xE4) & (y != 0xB7);
    // U+5000..=U+9FFF: ideographs.
    let e5_e9 = x.wrapping_sub(0xE5) <= 4;
    // U+FF00..=U+FF3F: full-width forms (，；：（）).
    let ef = (x == 0xEF) & (y == 0xBC);
    // U+1000..=U+1FFF (Hangul Jamo among them), U+A000..=U+DFFF (Yi, Hangul), the rest of
    // U+F000..=U+FFFF, and four-byte characters: wide or not by ranges these bytes do not tell.
    let unsure =
        (x == 0xE1) | (x.wrapping_sub(0xEA) <= 3) | ((x == 0xEF) & (y != 0xBC)) | (x >= 0xF0);
    (e2 | e3 | e4 | e5_e9 | ef, unsure)
}

/// `display_width(s) <= limit`, without measuring a long paragraph whole.
///
/// A character takes at least as many bytes as columns (a wide one takes three or four), and
/// at most four bytes a column: a string of at most `limit` bytes is within the limit and one
/// of over `4 * limit` beyond it, unmeasured. That settles most lines asked (a wrapped line of
/// 30 ideographs is 90 bytes); the rest are measured by [`chars_and_width`], at most
/// `4 * limit` bytes.
pub fn width_at_most(s: &str, limit: usize) -> bool {
    if s.len() <= limit {
        return true;
    }
    if s.len() > limit.saturating_mul(4) {
        return false;
    }
    chars_and_width(s).1 <= limit
}

/// A character's columns: two if [`is_wide`], else one. The definition the byte-level
/// measures are tested against.
fn char_width(c: char) -> usize {
    if is_wide(c) {
        2
    } else {
        1
    }
}

pub fn is_wide(c: char) -> bool {
    let u = c as u32;
    if u < 0x1100 {
        return false;
    }
    matches!(u,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—')
}

/// Where a look back of at most `max_bytes` before byte `at` of `s` starts: the first character
/// boundary at or after `at - max_bytes`. Heuristics that read the words before a label look
/// only this far, so that a text without stops cannot make them quadratic.
pub fn window_start(s: &str, at: usize, max_bytes: usize) -> usize {
    let mut from = at.saturating_sub(max_bytes);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    from
}

/// The end of the window of at most `max_bytes` at the start of `s`, on a character boundary.
pub fn window_end(s: &str, max_bytes: usize) -> usize {
    let mut end = max_bytes.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    end
}

pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFD)
}

/// `s` without its spaces when it is letter-spaced throughout, as PDF text of a centred line
/// gives a title (`中 华 人 民 共 和 国 测 试 法`): four characters or more, each standing
/// alone between spaces. One word of two characters or more is enough to keep the spaces, which
/// then mean something (`最高人民法院 最高人民检察院关于…`, two issuers).
pub fn unspace_letter_spaced(s: &str) -> Option<String> {
    // Refused at the second character, as nearly every line asked is: letters stand alone.
    let mut first_two = s.trim_start_matches([' ', '\u{3000}']).chars();
    first_two.next()?;
    if !first_two
        .next()
        .is_some_and(|c| c == ' ' || c == '\u{3000}')
    {
        return None;
    }
    let tokens: Vec<&str> = s
        .split([' ', '\u{3000}'])
        .filter(|t| !t.is_empty())
        .collect();
    let letters = tokens.iter().all(|t| t.chars().nth(1).is_none());
    (letters && tokens.len() >= 4).then(|| tokens.concat())
}

/// Removes white space that stands between two CJK characters (`总 则` → `总则`), which is
/// layout, not content; keeps it between Latin words and digits.
pub fn collapse_cjk_spaces(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if crate::normalise::is_space(c) {
            let mut j = i;
            while j < chars.len() && crate::normalise::is_space(chars[j]) {
                j += 1;
            }
            let before = out.chars().next_back();
            let after = chars.get(j).copied();
            let cjk_gap = before.is_some_and(is_wide) || after.is_some_and(is_wide);
            if !cjk_gap {
                out.push(' ');
            }
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    #[test]
    fn a_look_back_window_starts_on_a_character() {
        let s = "第一条为了";
        // 4 bytes back from the end falls inside 为 (3 bytes a character): the window starts
        // at 了, the first whole character in it.
        assert_eq!(window_start(s, s.len(), 4), s.len() - "了".len());
        assert_eq!(window_start(s, s.len(), 6), s.len() - "为了".len());
        assert_eq!(window_start(s, 3, 100), 0);
    }

    #[test]
    fn stops_and_closing_quotes() {
        assert!(ends_with_stop("制定本法。"));
        assert!(ends_with_stop("下列行为："));
        assert!(ends_with_stop("依照第一款的规定处罚。”"));
        assert!(!ends_with_stop("第一章 总则"));
        assert!(!ends_with_stop("学习贯彻习"));
    }

    #[test]
    fn widths() {
        assert_eq!(display_width("第一条"), 6);
        assert_eq!(display_width("2 月"), 4);
        // Each first-byte class: ASCII, U+5000..U+9FFF, other wide (一 U+4E00, full-width),
        // narrow non-ASCII (é, the Yijing hexagram U+4DC0), four-byte wide and narrow.
        assert_eq!(
            display_width("a第一（é䷀𠀀😀"),
            1 + 2 + 2 + 2 + 1 + 1 + 2 + 1
        );
        // Around the narrow code points among the CJK punctuation and kana.
        assert_eq!(
            display_width("\u{3002}\u{303E}\u{303F}\u{3040}\u{3041}"),
            2 + 2 + 1 + 1 + 2
        );
    }

    #[test]
    fn every_character_is_measured_by_the_per_character_rule() {
        // Each character alone, and between ideographs and ASCII (the byte loop reads two bytes
        // past each position, so where a character stands in the line matters).
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let w = char_width(c);
            assert_eq!(chars_and_width(c.encode_utf8(&mut [0; 4])), (1, w), "{c:?}");
            assert_eq!(chars_and_width(&format!("中{c}a")), (3, 3 + w), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn width_read_off_bytes_is_the_sum_over_characters(
            s in "(\\PC|[\\x{2000}-\\x{30ff}]|[\\x{4dc0}-\\x{9fff}]|[\\x{a000}-\\x{d7ff}]|[\\x{fe00}-\\x{ffff}])*"
        ) {
            let by_chars: usize = s.chars().map(char_width).sum();
            proptest::prop_assert_eq!(chars_and_width(&s), (s.chars().count(), by_chars));
        }

        /// The byte-length bounds never decide against the measure, at limits around the
        /// width: in strings of one kind of character (one byte a column, ASCII; four bytes a
        /// column, a narrow emoji) and of every kind mixed.
        #[test]
        fn width_at_most_agrees_with_the_width(
            (s, limit) in proptest::prop_oneof![
                "[a-z1 ]{0,12}",
                "[😀]{0,12}",
                "([a-z1 ]|[é½€]|[第一条，（]|[😀𠀀])*",
            ].prop_flat_map(|s| {
                let width: usize = s.chars().map(char_width).sum();
                (proptest::strategy::Just(s), width.saturating_sub(2)..width + 2)
            }),
        ) {
            let width: usize = s.chars().map(char_width).sum();
            proptest::prop_assert_eq!(width_at_most(&s, limit), width <= limit);
        }
    }

    #[test]
    fn a_letter_spaced_title_loses_its_spaces_and_words_keep_theirs() {
        assert_eq!(
            unspace_letter_spaced("中 华 人 民 共 和 国 测 试 法").as_deref(),
            Some("中华人民共和国测试法")
        );
        assert_eq!(
            unspace_letter_spaced("国　务　院　令").as_deref(),
            Some("国务院令")
        );
        assert_eq!(
            unspace_letter_spaced("最高人民法院 最高人民检察院关于办理案件的解释"),
            None
        );
        assert_eq!(unspace_letter_spaced("全时服务项目 暖心护航企业"), None);
        assert_eq!(unspace_letter_spaced("中 华 人民 共 和 国"), None);
        // Three letters are too few to tell letter spacing from a short phrase.
        assert_eq!(unspace_letter_spaced("甲 乙 丙"), None);
    }

    #[test]
    fn cjk_spaces_collapse_latin_spaces_stay() {
        assert_eq!(collapse_cjk_spaces("总 则"), "总则");
        assert_eq!(collapse_cjk_spaces("2 月 28 日"), "2月28日");
        assert_eq!(collapse_cjk_spaces("COVID 19"), "COVID 19");
    }
}
