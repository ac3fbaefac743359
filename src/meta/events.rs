//! Dated events (通过, 修订, 公布, 施行 …): each date followed by the word of what happened on it,
//! read as an ISO date.

use crate::lines::{ends_inside_brackets, DATE};
use crate::model::Event;
use regex::Regex;
use std::sync::LazyLock;

/// The words that name what happened on a date, most specific first.
const EVENT_WORDS: [&str; 10] = [
    "发布时间",
    "通过",
    "修订",
    "修正",
    "公布",
    "施行",
    "发布",
    "印发",
    "批准",
    "废止",
];

/// Full-width digits → ASCII, so that `str::parse` reads both.
fn fold_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            _ => c,
        })
        .collect()
}

/// Where a document's dates are read: before its body or after it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    Header,
    Closing,
}

/// Every date followed, before the next date, by an event word.
pub(super) fn events(text: &str, place: Place) -> Vec<Event> {
    let dates: Vec<regex::Captures> = DATE.captures_iter(text).collect();
    let mut out = Vec::new();
    // Where the line of the last date began, and that date's start: the next date's line is
    // looked for from there on, not from the text's start (a single-line export holds
    // thousands of dates on one line).
    let (mut line_start, mut searched) = (0, 0);
    for (k, caps) in dates.iter().enumerate() {
        let m = caps.get(0).expect("whole match");
        if let Some(i) = text[searched..m.start()].rfind('\n') {
            line_start = searched + i + 1;
        }
        searched = m.start();
        // A header line may wrap before its event word (`…《关于修改\n第三十一条的决定》第一次修正`):
        // look on until the next date, within a line's length, or past the title the note names
        // when one opens within it (`《关于修改〈甲〉〈乙〉〈丙〉的决定》修正`, which may run longer).
        let line_end = text[m.end()..]
            .char_indices()
            .nth(NOTE_CHARS)
            .map_or(text.len(), |(i, _)| m.end() + i);
        let line_end =
            line_end.max(named_title_end(text, m.end(), line_end) + EVENT_AFTER_TITLE_BYTES);
        let line_end = crate::text::window_end(text, line_end.min(text.len()));
        let next = dates
            .get(k + 1)
            .map_or(line_end, |n| n.get(0).map_or(line_end, |x| x.start()))
            .min(line_end);
        let before = &text[line_start..m.start()];
        let after = &text[m.end()..next];
        // `发布时间：2024-02-28` names the event before the date; otherwise it follows. A date
        // with its time of day is a web page's stamp (`时间:2016-01-17 23:45:19`), which only
        // its label names: the words after it are the page's (a title, then `…新修订的《…》`).
        let found = match date_label(before) {
            Some(named) => named.map(|w| (w, m.end())),
            None if is_time_of_day(after) => None,
            None => first_event_word(after).map(|(w, end)| (w, m.end() + end)),
        };
        let Some((word, end)) = found else { continue };
        // After the body, an event that qualifies a document named after it is that
        // document's (`…会议通过的《某某决议》同时废止`), not this one's: a header note says
        // which amendment revised this text, a closing sentence which text this one replaces.
        if place == Place::Closing && text[end..].starts_with('的') {
            continue;
        }
        let Some(date) = iso_date(caps) else { continue };
        let end = through_closing_brackets(text, m.start(), end.max(m.end()));
        out.push(Event {
            date,
            event: word.to_string(),
            text: text[m.start()..end].trim().to_string(),
        });
    }
    out
}

/// The label a date follows (`发布时间：`, `成文日期：`), as a web page and a government site's
/// box of data give dates: `Some` with the event it names, or with `None` for a label of a date
/// that names none (`更新时间：`); what follows the date is the next field, not its event word.
/// `None`: no label.
fn date_label(before: &str) -> Option<Option<&'static str>> {
    let label = before.trim_end_matches([':', '：', ' ', '\u{3000}']);
    // A label is set off from its date, but for `发布时间2024-02-28`, which nothing else reads as.
    let set_off = label.len() < before.len() || label.ends_with("发布时间");
    let kind = label
        .strip_suffix("日期")
        .or_else(|| label.strip_suffix("时间"))
        .filter(|_| set_off)?;
    let named = [
        ("发布", "发布"),
        ("成文", SIGNED),
        ("施行", "施行"),
        ("实施", "施行"),
        ("生效", "施行"),
    ]
    .into_iter()
    .find(|(word, _)| kind.ends_with(word))
    .map(|(_, event)| event);
    Some(named)
}

/// `s` opens with a time of day (`23:45:19`, `9:05`), after spaces.
fn is_time_of_day(s: &str) -> bool {
    static TIME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[ \u{3000}]*\d{1,2}[:：]\d{2}\b").expect("valid regex"));
    TIME.is_match(s)
}

/// The date that signs a document, its 成文日期 (GB/T 9704): a line that is a date and nothing
/// else, under the line of the organ that signs (no sentence, a line's length), in the text
/// after the body (`某某市人民政府` / `2024年6月1日`). No event word follows it; the event is
/// named `成文` after the standard's term. The last such pair counts.
pub(super) fn signing_date(trailer: &str) -> Option<Event> {
    let lines: Vec<&str> = trailer
        .lines()
        .map(|l| l.trim_matches(crate::normalise::is_space))
        .collect();
    lines.windows(2).rev().find_map(|pair| {
        let (organ, line) = (pair[0], pair[1]);
        let signs = !organ.is_empty()
            && !crate::text::ends_with_stop(organ)
            && !crate::lines::is_date_line(organ)
            && crate::text::width_at_most(organ, SIGNATURE_WIDTH);
        if !signs || !crate::lines::is_date_line(line) {
            return None;
        }
        Some(Event {
            date: iso_date(&DATE.captures(line)?)?,
            event: SIGNED.to_string(),
            text: line.to_string(),
        })
    })
}

/// The event of a document's signing date ([`signing_date`]).
pub(super) const SIGNED: &str = "成文";

/// The widest line of organs that sign a document, in columns (two or three names).
const SIGNATURE_WIDTH: usize = 80;

/// Where an event's text ends: after its word, and after the brackets opened since its date
/// that close right after the word (`2024年3月1日\n（此件公开发布）`), so that the text quotes
/// whole brackets. A closing bracket of an earlier note (`（2021年…通过）`) is not the event's.
fn through_closing_brackets(text: &str, start: usize, mut end: usize) -> usize {
    for c in text[end..].chars() {
        if !matches!(c, '）' | ')' | '》' | '〉') || !ends_inside_brackets(&text[start..end]) {
            break;
        }
        end += c.len_utf8();
    }
    end
}

/// The characters after a date within which its event word is looked for: a header line.
const NOTE_CHARS: usize = 120;

/// How far after the title a note names its event word may come, in bytes (`第一次修正`).
const EVENT_AFTER_TITLE_BYTES: usize = 30;

/// Where the title in 《》 that opens in `text[from..limit]` closes (nested 《》 counted), or
/// `from` when none opens there; looked for over [`NAMED_TITLE_BYTES`] from where it opens.
fn named_title_end(text: &str, from: usize, limit: usize) -> usize {
    let Some(open) = text[from..limit].find('《') else {
        return from;
    };
    let start = from + open;
    let end = crate::text::window_end(text, (start + NAMED_TITLE_BYTES).min(text.len()));
    let mut depth = 0usize;
    for (k, c) in text[start..end].char_indices() {
        match c {
            '《' => depth += 1,
            '》' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return start + k + c.len_utf8();
                }
            }
            _ => {}
        }
    }
    from
}

/// The longest title a dated note names, in bytes (a decision amending a dozen laws).
const NAMED_TITLE_BYTES: usize = 1200;

/// The earliest event word in `s`, and the byte offset just past it. A word may be broken by
/// a line break where PDF text wrapped it (`…会议通` / `过`).
fn first_event_word(s: &str) -> Option<(&'static str, usize)> {
    let (words, regex) = &*EVENT_WORD;
    let found = regex.captures(s)?;
    let k = (0..words.len()).find(|&k| found.get(k + 1).is_some())?;
    Some((words[k], found.get(0)?.end()))
}

/// The event words that follow their date (all but 发布时间), and a regex with each as group
/// k + 1, a line break or a space allowed between its characters (where a wrap cut the word,
/// `第二次修` / `订）`, and a single-line export left a space for the break). The leftmost match
/// wins, and at one place the word earlier in the list, as [`EVENT_WORDS`] are ranked.
static EVENT_WORD: LazyLock<(Vec<&str>, Regex)> = LazyLock::new(|| {
    let words: Vec<&str> = EVENT_WORDS
        .into_iter()
        .filter(|w| *w != "发布时间")
        .collect();
    let groups: Vec<String> = words
        .iter()
        .map(|w| {
            format!(
                "({})",
                w.chars()
                    .map(String::from)
                    .collect::<Vec<_>>()
                    .join("[\n \u{3000}]?")
            )
        })
        .collect();
    let regex = Regex::new(&groups.join("|")).expect("valid event-word regex");
    (words, regex)
});

fn iso_date(caps: &regex::Captures) -> Option<String> {
    let num = |name: &str| caps.name(name).and_then(|m| numeral(m.as_str()));
    if let (Some(y), Some(m), Some(d)) = (num("iy"), num("im"), num("id")) {
        return valid(y, m, Some(d));
    }
    let (y, m) = (num("y")?, num("m")?);
    valid(y, m, num("d"))
}

fn valid(y: u32, m: u32, d: Option<u32>) -> Option<String> {
    if !(1900..=2200).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    match d {
        Some(d) if (1..=31).contains(&d) => Some(format!("{y:04}-{m:02}-{d:02}")),
        Some(_) => None,
        None => Some(format!("{y:04}-{m:02}")),
    }
}

/// `2024` / `二〇二四` (digit by digit) / `二十八` (a counted number).
fn numeral(s: &str) -> Option<u32> {
    if let Ok(n) = fold_digits(s).parse() {
        return Some(n);
    }
    if s.chars().count() == 4 && !s.contains('十') {
        return s.chars().try_fold(0u32, |acc, c| {
            let d = match c {
                // 〇 as it is often typed: a circle, a letter O, a digit 0.
                '〇' | '零' | '○' | 'Ｏ' | 'O' | '0' | '０' => 0,
                _ => crate::numbering::numerals::chinese_value(&c.to_string())?,
            };
            Some(acc * 10 + d)
        });
    }
    crate::numbering::numerals::chinese_value(s)
}
