//! Canonical forms the check compares in, so that it measures structure and wording, not the
//! cosmetic differences the layouts introduce on purpose.
//!
//! The `crlf` layout turns ASCII digits full-width and spaces ideographic; `wrap` and `oneline`
//! move line breaks; every layout keeps the punctuation. An article is right when its letters,
//! digits and Han characters are right, in order: that is what [`text_key`] keeps.

/// Maps full-width ASCII (U+FF01–U+FF5E) to ASCII and the ideographic space to a space: the
/// `crlf` layout widens digits, and a user's file may widen anything.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// White space as Chinese documents carry it: Unicode white space (U+3000 included), the BOM
/// and the zero-width space, which editors leave behind and readers never see.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

/// A label or title without spaces and with ASCII digits: `第 一 条`, `第一条` and `第１条` all
/// name the same place, but `第一条` and `第一条之一` do not.
pub fn compact_key(s: &str) -> String {
    s.chars()
        .map(fold_width)
        .filter(|c| !is_space(*c))
        .collect()
}

/// The wording of a text: letters, digits and Han characters in order (widths folded), with
/// white space and all punctuation, ASCII or CJK, left out.
pub fn text_key(s: &str) -> String {
    s.chars()
        .map(fold_width)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The non-space characters of a text, exactly as written (no folding): the unit of the
/// "nothing lost" check, which must see every character the input had.
pub fn non_space(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|c| !is_space(*c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_differing_only_in_spacing_or_width_are_equal() {
        assert_eq!(compact_key("第 一 条"), compact_key("第一条"));
        assert_eq!(compact_key("第１０条"), "第10条");
        assert_ne!(compact_key("第一条"), compact_key("第一条之一"));
    }

    #[test]
    fn text_key_drops_punctuation_and_space_but_keeps_han_and_digits() {
        assert_eq!(
            text_key("（一）提出会议议程草案；\n\u{3000}罚款１０００元。"),
            "一提出会议议程草案罚款1000元"
        );
        // 〇 is a number, not punctuation: dropping it would hide a wrong year.
        assert_eq!(text_key("二〇二一年"), "二〇二一年");
    }

    #[test]
    fn text_key_tells_different_wording_apart() {
        assert_ne!(
            text_key("处三年以下有期徒刑"),
            text_key("处五年以下有期徒刑")
        );
    }

    #[test]
    fn non_space_keeps_punctuation_and_width() {
        let s: String = non_space("第一条\u{3000}为了，\r\n１。").collect();
        assert_eq!(s, "第一条为了，１。");
    }
}
