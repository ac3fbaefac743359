//! Character classes shared by the stages: sentence ends, closing quotes, display width.

/// Punctuation that ends a sentence or a clause that can end a paragraph (。；：！？ and their
/// half-width forms). A paragraph of a law ends with one of these.
pub fn is_stop(c: char) -> bool {
    matches!(
        c,
        '。' | '；' | '：' | '！' | '？' | ';' | ':' | '!' | '?' | '…'
    )
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
    // Read off the UTF-8 bytes: every line of every file is measured. Most characters are
    // ASCII, ideographs or CJK and full-width punctuation, whose width the first one or two
    // bytes tell; anything else is decoded.
    let bytes = s.as_bytes();
    let (mut i, mut width) = (0, 0);
    while i < bytes.len() {
        let b1 = bytes.get(i + 1).copied().unwrap_or(0);
        let known = match bytes[i] {
            0..0x80 => Some((1, 1)),
            // U+5000..=U+9FFF: CJK ideographs.
            0xE5..=0xE9 => Some((2, 3)),
            // U+4000..=U+4FFF: ideographs, except the hexagrams U+4DC0..=U+4DFF (E4 B7 ..).
            0xE4 if b1 != 0xB7 => Some((2, 3)),
            // U+3000..=U+3FFF: CJK punctuation (、。「」), kana, ideographs; all wide but for
            // U+303F (E3 80 BF) and U+3040 (E3 81 80).
            0xE3 if !matches!(
                (b1, bytes.get(i + 2).copied().unwrap_or(0)),
                (0x80, 0xBF) | (0x81, 0x80)
            ) =>
            {
                Some((2, 3))
            }
            // U+FF00..=U+FF3F: full-width forms (，；：（）).
            0xEF if b1 == 0xBC => Some((2, 3)),
            _ => None,
        };
        match known {
            Some((w, len)) => {
                width += w;
                i += len;
            }
            None => {
                let c = s[i..].chars().next().unwrap_or(' ');
                width += if is_wide(c) { 2 } else { 1 };
                i += c.len_utf8();
            }
        }
    }
    width
}

/// `display_width(s) <= limit`, without measuring past the limit (paragraphs can be long).
pub fn width_at_most(s: &str, limit: usize) -> bool {
    let mut width = 0;
    for c in s.chars() {
        width += if is_wide(c) { 2 } else { 1 };
        if width > limit {
            return false;
        }
    }
    true
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

pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFD)
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

    proptest::proptest! {
        #[test]
        fn width_read_off_bytes_is_the_sum_over_characters(
            s in "(\\PC|[\\x{3000}-\\x{30ff}]|[\\x{4dc0}-\\x{9fff}]|[\\x{ff00}-\\x{ffef}])*"
        ) {
            let by_chars: usize = s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum();
            proptest::prop_assert_eq!(display_width(&s), by_chars);
        }
    }

    #[test]
    fn cjk_spaces_collapse_latin_spaces_stay() {
        assert_eq!(collapse_cjk_spaces("总 则"), "总则");
        assert_eq!(collapse_cjk_spaces("2 月 28 日"), "2月28日");
        assert_eq!(collapse_cjk_spaces("COVID 19"), "COVID 19");
    }
}
