//! Numerals as they are written in numbering markers: Chinese (〇零一二两三…十百千),
//! ASCII digits and full-width digits.

use nom::{
    bytes::complete::take_while1,
    character::complete::satisfy,
    combinator::{map_opt, recognize, verify},
    multi::many1_count,
    sequence::pair,
    IResult,
};

/// A character of a Chinese numeral (`一千二百六十`).
pub fn is_chinese_digit(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
    )
}

/// An ASCII or full-width digit.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A character of either kind of numeral.
pub fn is_numeral_char(c: char) -> bool {
    is_digit(c) || is_chinese_digit(c)
}

/// A Chinese numeral such as `一千二百六十` or `二十` → its value. At most 9999.
pub fn chinese_numeral(input: &str) -> IResult<&str, u32> {
    map_opt(take_while1(is_chinese_digit), chinese_value)(input)
}

/// ASCII or full-width digits (`12`, `１２`) → their value. At most four digits.
pub fn digits(input: &str) -> IResult<&str, u32> {
    map_opt(
        verify(take_while1(is_digit), |s: &str| s.chars().count() <= 4),
        |s: &str| {
            s.chars()
                .map(|c| c.to_digit(10).or_else(|| Some(c as u32 - '０' as u32)))
                .try_fold(0u32, |acc, d| Some(acc * 10 + d?))
        },
    )(input)
}

/// Either kind of numeral.
pub fn any_numeral(input: &str) -> IResult<&str, u32> {
    nom::branch::alt((chinese_numeral, digits))(input)
}

/// A Chinese numeral of two or more characters standing one space apart (`十 一`, `一　百`), as
/// PDF text with letter-spaced labels gives it (`第 十 一 条`, `十 一 、`, `（ 十 二 ）`).
pub fn spaced_chinese_numeral(input: &str) -> IResult<&str, u32> {
    map_opt(letter_spaced(is_chinese_digit), |s: &str| {
        chinese_value(&s.replace([' ', '\u{3000}'], ""))
    })(input)
}

/// Digits standing one space apart (`1 2`), as letter-spaced labels give them (`1 2 .`,
/// `（ 1 2 ）`). At most four digits, as [`digits`].
pub fn spaced_digits(input: &str) -> IResult<&str, u32> {
    map_opt(letter_spaced(is_digit), |s: &str| {
        let joined: String = s.chars().filter(|&c| is_digit(c)).collect();
        digits(&joined).ok().map(|(_, n)| n)
    })(input)
}

/// Two or more characters of `kind`, each one space from the next: the run a letter-spaced
/// numeral takes.
fn letter_spaced(kind: fn(char) -> bool) -> impl Fn(&str) -> IResult<&str, &str> {
    move |input: &str| {
        // Refused at the second character: this is tried on every label, and few are spaced.
        let mut first_two = input.chars();
        let spaced =
            first_two.next().is_some_and(kind) && first_two.next().is_some_and(is_letter_space);
        if !spaced {
            return Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Verify,
            )));
        }
        recognize(pair(
            satisfy(kind),
            many1_count(pair(satisfy(is_letter_space), satisfy(kind))),
        ))(input)
    }
}

/// The space letter-spaced text puts between characters: an ASCII or an ideographic one.
pub fn is_letter_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// The value of a Chinese numeral, or `None` when it is not well formed (`十十`, `百`).
pub fn chinese_value(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut pending: Option<u32> = None; // the digit waiting for its unit
    let mut last_unit = u32::MAX;
    let mut seen_any = false;
    for c in s.chars() {
        seen_any = true;
        let digit = match c {
            '〇' | '零' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = digit {
            if pending.is_some_and(|p| p != 0) && d != 0 {
                // Two digits in a row (一二) only make sense as 〇-padded positional notation.
                return None;
            }
            pending = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        if unit >= last_unit {
            return None;
        }
        last_unit = unit;
        // 十 alone at the start means 一十.
        let d = match pending.take() {
            Some(0) => return None,
            Some(d) => d,
            // 十 after a higher unit (一百十) also means 一十.
            None if unit == 10 => 1,
            None => return None,
        };
        total += d * unit;
    }
    if !seen_any {
        return None;
    }
    if let Some(d) = pending {
        total += d;
    }
    (total > 0).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_values() {
        for (s, v) in [
            ("一", 1),
            ("十", 10),
            ("十一", 11),
            ("二十", 20),
            ("二十三", 23),
            ("一百", 100),
            ("一百零五", 105),
            ("一百一十", 110),
            ("一百十", 110),
            ("二百六十", 260),
            ("一千二百六十", 1260),
            ("一千零一", 1001),
            ("两百", 200),
        ] {
            assert_eq!(chinese_value(s), Some(v), "{s}");
        }
    }

    #[test]
    fn malformed_chinese_numerals_are_refused() {
        for s in ["百", "十十", "一二", "零", "千百十一十"] {
            assert_eq!(chinese_value(s), None, "{s}");
        }
    }

    #[test]
    fn digits_ascii_and_fullwidth() {
        assert_eq!(digits("12条"), Ok(("条", 12)));
        assert_eq!(digits("１２．"), Ok(("．", 12)));
        assert!(digits("12345").is_err());
        assert!(digits("条").is_err());
    }
}
