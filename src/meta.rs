//! Stage 5, metadata: a document's title, 文号, source line and dated events, read from the text
//! before and after its body.
//!
//! The title is *moved* out of the preamble (it is text of the document, placed once); every other
//! field is a *copy* of text that stays in the preamble or trailer, so nothing is lost or
//! counted twice.

use crate::lines::{is_whole_title, DATE, SOURCE_LINE, TITLE_ENDS};
use crate::model::{Event, Meta};
use crate::text::{ends_with_stop, width_at_most};
use regex::Regex;
use std::sync::LazyLock;

/// A document's title, metadata and the preamble left once the title is taken out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    pub title: Option<String>,
    pub meta: Meta,
    pub preamble: Option<String>,
}

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

static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{Han}]{0,12}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号")
        .expect("valid 文号 regex")
});

/// Reads the header of one document. `preamble` is the text before its first numbered node (the
/// title still in it); `trailer` the text after its body.
///
/// `title_lines` says how many of the preamble's first lines the title takes, where the
/// markup of the source says so; otherwise the title is read from the lines' shape.
pub fn read(preamble: Option<&str>, trailer: Option<&str>, title_lines: Option<usize>) -> Header {
    let (title, rest) = match preamble {
        Some(p) => split_labelled_title(p, title_lines.unwrap_or(MAX_TITLE_LINES)),
        None => (None, None),
    };
    let mut meta = Meta::default();
    for (text, place) in [(preamble, Place::Header), (trailer, Place::Closing)] {
        let Some(text) = text else { continue };
        if meta.doc_number.is_none() {
            meta.doc_number = DOC_NUMBER.find(text).map(|m| m.as_str().to_string());
        }
        if meta.source_line.is_none() {
            meta.source_line = SOURCE_LINE.find(text).map(|m| m.as_str().to_string());
        }
        for event in events(text, place) {
            // The header and the closing sentence may both say when the document takes
            // effect (`2021年1月1日起施行`): one event.
            if !meta
                .events
                .iter()
                .any(|e| e.date == event.date && e.event == event.event)
            {
                meta.events.push(event);
            }
        }
    }
    Header {
        title,
        meta,
        preamble: rest,
    }
}

/// Full-width digits → ASCII, so that `str::parse` reads both.
fn fold_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            _ => c,
        })
        .collect()
}

/// The title of an attachment published as a document of its own (`附件1` over its title) is the
/// title under the label; the label stays in the preamble, at its head. (The one place where the
/// title is not the first text of its document: see ARCHITECTURE.md, "Nothing lost".)
fn split_labelled_title(preamble: &str, max_lines: usize) -> (Option<String>, Option<String>) {
    let labelled = preamble
        .split_once('\n')
        .filter(|(first, _)| crate::lines::is_attachment_label(first));
    let Some((label, after)) = labelled else {
        return split_title(preamble, max_lines);
    };
    let (Some(title), rest) = split_title(after, MAX_TITLE_LINES) else {
        return split_title(preamble, max_lines);
    };
    let label = label.trim_matches(crate::normalise::is_space);
    let rest = match rest {
        Some(rest) => format!("{label}\n{rest}"),
        None => label.to_string(),
    };
    (Some(title), Some(rest))
}

/// The title: the leading title-like lines of the preamble (at most three: PDF text wraps long
/// titles), up to the first line that carries a date, a 文号, a source line or opens with a
/// parenthesis. A line that runs on into a date (a single-line export) gives the part before it.
fn split_title(preamble: &str, max_lines: usize) -> (Option<String>, Option<String>) {
    // The title's lines, as the preamble gives them.
    let mut lines: Vec<&str> = Vec::new();
    let mut rest_start = 0;
    let mut offset = 0;
    for (n, line) in preamble.split_inclusive('\n').enumerate() {
        let content = line.trim_end_matches('\n');
        // A letter-spaced line is judged as it reads: its spaces would double its width, and
        // are no place where a title runs on into text.
        let unspaced = crate::text::unspace_letter_spaced(content);
        let mut stop = header_stop(content);
        if n == 0 && unspaced.is_none() {
            stop = stop.min(single_line_stop(&content[..stop]));
        }
        let piece = content[..stop].trim();
        // A line cut short by a date or source line adds to the title only when it is the
        // first: a single-line export runs the title into the header.
        let cut = stop < content.len();
        let judged = unspaced.as_deref().filter(|_| !cut).unwrap_or(piece);
        if n == max_lines || piece.is_empty() || !is_title_line(judged) || cut && n > 0 {
            break;
        }
        // A title is often printed twice (a heading, then the document's own first line).
        if n > 0 && repeats_start(&lines.concat(), piece) {
            break;
        }
        lines.push(piece);
        if cut {
            rest_start = offset + stop;
            break;
        }
        offset += line.len();
        rest_start = offset;
    }
    let rest = preamble[rest_start..].trim();
    let rest = (!rest.is_empty()).then(|| rest.to_string());
    if lines.is_empty() {
        return (None, rest);
    }
    // Spaces are layout, not text: a title letter-spaced by PDF text is given as it reads. Its
    // lines are asked as one, a line break counting as a space (`中 华 人 民 共 和 国` and
    // `测 试 法` on the next line).
    let title =
        crate::text::unspace_letter_spaced(&lines.join(" ")).unwrap_or_else(|| lines.concat());
    (Some(title), rest)
}

/// The lines a title takes at most: PDF text wraps long titles.
const MAX_TITLE_LINES: usize = 3;

/// Where the title ends in a first line that runs on into the text (line breaks lost): at the
/// title printed again, or at the first space when what follows it is not title (`…的规定 为保障…`).
fn single_line_stop(line: &str) -> usize {
    let head: String = line.chars().take(6).collect();
    if head.chars().count() == 6 {
        let repeat = line
            .match_indices(head.as_str())
            .skip(1)
            .map(|(k, _)| k)
            .find(|&k| squeeze(&line[k..]).starts_with(&squeeze(&line[..k])));
        if let Some(k) = repeat {
            return k;
        }
    }
    if is_title_line(line.trim()) {
        return line.len();
    }
    match line.find(crate::normalise::is_space) {
        Some(k) if is_title_line(&line[..k]) && line[..k].chars().count() >= 4 => {
            if is_whole_title(&line[..k]) {
                return k;
            }
            // A title printed on two lines, and the space is where its first line ended
            // (`中央国家机关贯彻落实 全面从严治党要求实施方案中央…`): it runs on to its title word.
            k + title_rest(&line[k..])
        }
        _ => line.len(),
    }
}

/// How much of `rest` (what follows a title's first line on a single line) finishes the title:
/// up to the last title word (`方案`, `规定`, …) before any punctuation or further space, within
/// the length of a title's second line; nothing when there is none.
fn title_rest(rest: &str) -> usize {
    // The second line joined on without a space of its own; a second space means other words.
    let body = rest.trim_start_matches(crate::normalise::is_space);
    let start = rest.len() - body.len();
    let run_end = body
        .char_indices()
        .enumerate()
        .find(|&(n, (_, c))| n == TITLE_LINE_CHARS || !(c.is_alphanumeric() || is_title_bracket(c)))
        .map_or(body.len(), |(_, (k, _))| k);
    let run = &body[..run_end];
    TITLE_ENDS
        .iter()
        .filter_map(|w| run.rfind(w).map(|k| start + k + w.len()))
        .max()
        .unwrap_or(0)
}

/// The characters of a title's second line, at most.
const TITLE_LINE_CHARS: usize = 40;

/// Brackets a title holds (`《…》`, `（试行）`).
fn is_title_bracket(c: char) -> bool {
    matches!(c, '《' | '》' | '（' | '）' | '(' | ')' | '〈' | '〉')
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `piece` begins as `title` does: the title printed again, not its continuation.
fn repeats_start(title: &str, piece: &str) -> bool {
    // Spaces aside: a letter-spaced heading (`最 高 人 民 法 院…`) is printed again unspaced.
    let letters = |s: &str| {
        s.chars()
            .filter(|c| !crate::normalise::is_space(*c))
            .take(4)
            .collect::<String>()
    };
    let head = letters(title);
    head.chars().count() == 4 && letters(piece) == head
}

/// A line that can be (part of) a title: no sentence end, no numbering, and no longer than the
/// longest titles (judicial interpretations run to some sixty characters).
fn is_title_line(s: &str) -> bool {
    !ends_with_stop(s)
        && width_at_most(s, 160)
        && crate::numbering::parse_marker(s).is_none()
        // A sentence ended inside it: a caption or a byline run on (`…正式投运。新华社记者
        // 某某`), not a title, which holds no full stop.
        && !s.contains('。')
}

/// Where a title line stops: at a date, a 文号, a source line or an opening parenthesis; at
/// the bracket that opens a note around the first three (`…的决定 （2023年12月29日…通过）`,
/// as a single-line export runs them together).
fn header_stop(line: &str) -> usize {
    let stop = [
        DATE.find(line).map(|m| m.start()),
        DOC_NUMBER.find(line).map(|m| m.start()),
        // With the 据 that may lead it in (`据新华社北京4月18日电`).
        SOURCE_LINE.find(line).map(|m| {
            m.start()
                - line[..m.start()]
                    .strip_suffix('据')
                    .map_or(0, |_| '据'.len_utf8())
        }),
        line.find(['（', '(']).filter(|&i| i == 0),
        toc_start(line),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(line.len());
    let before = line[..stop].trim_end_matches(crate::normalise::is_space);
    match before.strip_suffix(['（', '(']) {
        Some(open) if stop < line.len() => open.len(),
        _ => stop,
    }
}

/// `目录` as a word of its own, or before the first label it lists: a table of contents follows
/// the title, on a line of its own or, in a single-line export, run on after it
/// (`…条例 目录 第一章 总则第二章…`).
static TOC_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)目\s*录(?:\s|$)|目\s*录\s*第[零〇一二三四五六七八九十百千]+[编章]")
        .expect("valid regex")
});

/// Where a table of contents opens in a title's line ([`TOC_WORD`]).
fn toc_start(line: &str) -> Option<usize> {
    let m = TOC_WORD.find(line)?;
    Some(m.start() + m.as_str().find('目').unwrap_or(0))
}

/// Every date followed, before the next date, by an event word.
/// Where a document's dates are read: before its body or after it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Header,
    Closing,
}

fn events(text: &str, place: Place) -> Vec<Event> {
    let dates: Vec<regex::Captures> = DATE.captures_iter(text).collect();
    let mut out = Vec::new();
    for (k, caps) in dates.iter().enumerate() {
        let m = caps.get(0).expect("whole match");
        let line_start = text[..m.start()].rfind('\n').map_or(0, |i| i + 1);
        // A header line may wrap before its event word (`…《关于修改\n第三十一条的决定》第一次修正`):
        // look on until the next date, within a line's length.
        let line_end = text[m.end()..]
            .char_indices()
            .nth(120)
            .map_or(text.len(), |(i, _)| m.end() + i);
        let next = dates
            .get(k + 1)
            .map_or(line_end, |n| n.get(0).map_or(line_end, |x| x.start()))
            .min(line_end);
        let before = &text[line_start..m.start()];
        let after = &text[m.end()..next];
        // `发布时间：2024-02-28` names the event before the date; otherwise it follows.
        let found = if before
            .trim_end_matches([':', '：', ' '])
            .ends_with("发布时间")
        {
            Some(("发布", m.end()))
        } else {
            first_event_word(after).map(|(w, end)| (w, m.end() + end))
        };
        let Some((word, end)) = found else { continue };
        // After the body, an event that qualifies a document named after it is that
        // document's (`…会议通过的《某某决议》同时废止`), not this one's: a header note says
        // which amendment revised this text, a closing sentence which text this one replaces.
        if place == Place::Closing && text[end..].starts_with('的') {
            continue;
        }
        let Some(date) = iso_date(caps) else { continue };
        out.push(Event {
            date,
            event: word.to_string(),
            text: text[m.start()..end.max(m.end())].trim().to_string(),
        });
    }
    out
}

/// The earliest event word in `s`, and the byte offset just past it. A word may be broken by
/// a line break where PDF text wrapped it (`…会议通` / `过`).
fn first_event_word(s: &str) -> Option<(&'static str, usize)> {
    let (words, regex) = &*EVENT_WORD;
    let found = regex.captures(s)?;
    let k = (0..words.len()).find(|&k| found.get(k + 1).is_some())?;
    Some((words[k], found.get(0)?.end()))
}

/// The event words that follow their date (all but 发布时间), and a regex with each as group
/// k + 1, a line break allowed between its characters. The leftmost match wins, and at one
/// place the word earlier in the list, as [`EVENT_WORDS`] are ranked.
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
                w.chars().map(String::from).collect::<Vec<_>>().join("\n?")
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
                '〇' | '零' => 0,
                _ => crate::numbering::numerals::chinese_value(&c.to_string())?,
            };
            Some(acc * 10 + d)
        });
    }
    crate::numbering::numerals::chinese_value(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (date, event) of each event read.
    fn dated_events(h: &Header) -> Vec<(&str, &str)> {
        h.meta
            .events
            .iter()
            .map(|e| (e.date.as_str(), e.event.as_str()))
            .collect()
    }

    #[test]
    fn law_header() {
        let h = read(
            Some("中华人民共和国行政复议法\n1999年4月29日 第九届全国人民代表大会常务委员会第九次会议通过\n2009年8月27日 第十一届全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》第一次修正"),
            None,
            None,
        );
        assert_eq!(h.title.as_deref(), Some("中华人民共和国行政复议法"));
        let ev = dated_events(&h);
        assert_eq!(ev, [("1999-04-29", "通过"), ("2009-08-27", "修正")]);
        assert!(h.preamble.unwrap().starts_with("1999年4月29日"));
    }

    #[test]
    fn a_closing_sentence_adds_its_own_events_once_and_not_those_of_the_texts_it_names() {
        let h = read(
            Some("某某决定\n（2021年11月15日通过，自2021年12月1日起施行）"),
            Some("本决定自2021年12月1日起施行。2009年11月28日某某会议通过的《某某决议》同时废止。"),
            None,
        );
        assert_eq!(
            dated_events(&h),
            [("2021-11-15", "通过"), ("2021-12-01", "施行")]
        );
        // A header note names the amendment that revised the text: its event stays.
        let h = read(
            Some("某某法\n（根据1988年4月12日第七届全国人民代表大会第一次会议通过的《宪法修正案》修正）"),
            None,
            None,
        );
        assert_eq!(dated_events(&h), [("1988-04-12", "通过")]);
    }

    #[test]
    fn an_event_word_broken_by_a_wrapped_line_is_read() {
        let h = read(
            Some("商丘市饮用水水源保护条例\n2018年6月28日 商丘市人民代表大会常务委员会会议通\n过\n2018年7月27日 河南省人民代表大会常务委员会会议\n批准"),
            None,
            None,
        );
        let ev = dated_events(&h);
        assert_eq!(ev, [("2018-06-28", "通过"), ("2018-07-27", "批准")]);
    }

    #[test]
    fn wrapped_title_and_source_line() {
        let h = read(
            Some("中共中央办公厅关于巩固拓展学习贯彻习\n近平新时代中国特色社会主义思想主题教\n育成果的意见\n新华社北京 2 月 28 日电\n（2024 年 2 月 23 日）"),
            Some("发布时间：2024-02-28 来源：新华社"),
            None,
        );
        assert_eq!(
            h.title.as_deref(),
            Some("中共中央办公厅关于巩固拓展学习贯彻习近平新时代中国特色社会主义思想主题教育成果的意见")
        );
        assert_eq!(
            h.meta.source_line.as_deref(),
            Some("新华社北京 2 月 28 日电")
        );
        assert_eq!(h.meta.events.len(), 1);
        assert_eq!(h.meta.events[0].date, "2024-02-28");
        assert_eq!(h.meta.events[0].event, "发布");
    }

    #[test]
    fn a_letter_spaced_title_reads_without_its_spaces_and_a_title_of_words_keeps_them() {
        let h = read(
            Some("中 华 人 民 共 和 国\n测 试 法\n2024年2月27日 第十四届全国人民代表大会常务委员会第八次会议通过"),
            None,
            None,
        );
        assert_eq!(h.title.as_deref(), Some("中华人民共和国测试法"));
        assert_eq!(h.meta.events[0].date, "2024-02-27");
        let h = read(
            Some("最高人民法院 最高人民检察院关于办理案件适用法律若干问题的解释"),
            None,
            None,
        );
        assert_eq!(
            h.title.as_deref(),
            Some("最高人民法院 最高人民检察院关于办理案件适用法律若干问题的解释")
        );
    }

    #[test]
    fn single_line_title_runs_into_a_date() {
        let h = read(Some("中华人民共和国反间谍法2014年11月1日第十二届全国人民代表大会常务委员会第十一次会议通过"), None, None);
        assert_eq!(h.title.as_deref(), Some("中华人民共和国反间谍法"));
        assert_eq!(h.meta.events[0].date, "2014-11-01");
    }

    #[test]
    fn single_line_title_printed_on_two_lines_runs_to_its_title_word() {
        // A web export keeps a space where the title's first line ended.
        let h = read(
            Some("中央国家机关贯彻落实 全面从严治党要求实施方案中央国家机关贯彻落实全面从严治党要求的总体要求是：坚持。"),
            None,
            None,
        );
        assert_eq!(
            h.title.as_deref(),
            Some("中央国家机关贯彻落实 全面从严治党要求实施方案")
        );
        // Not into the next words, when a further space or punctuation comes first.
        let h = read(
            Some("王某诉某县国土资源局土地出让案 基本案情 某县国土资源局（以下简称某局）发布拍卖公告。"),
            None,
            None,
        );
        assert_eq!(h.title.as_deref(), Some("王某诉某县国土资源局土地出让案"));
    }

    #[test]
    fn a_table_of_contents_run_on_after_the_title_ends_it() {
        // A single-line export: the title, its 目录, then the headings it lists.
        for header in [
            "上海市专利保护条例 目录 第一章\u{3000}总则第二章\u{3000}专利管理 第三章\u{3000}附则",
            "公平竞争审查条例 目 录 第一章 总 则第二章 审查标准",
            "公平竞争审查条例目录第一章总则第二章审查标准",
            "公平竞争审查条例\n目录\n第一章 总则",
            "公平竞争审查条例\n目\u{3000}\u{3000}录\n第一章 总则",
        ] {
            let h = read(Some(header), None, None);
            assert_eq!(
                h.title.as_deref(),
                Some(header.split(['目', ' ', '\n']).next().unwrap()),
                "{header}"
            );
            assert!(h.preamble.unwrap().starts_with('目'), "{header}");
        }
        // 目录 inside a title's words is not a table of contents.
        let h = read(Some("某某市政府信息公开目录编制办法"), None, None);
        assert_eq!(h.title.as_deref(), Some("某某市政府信息公开目录编制办法"));
    }

    #[test]
    fn a_source_line_led_by_ju_ends_the_title() {
        let h = read(
            Some("中共中央印发《某某规划纲要》 据新华社北京4月18日电近日，中共中央印发了《某某规划纲要》。"),
            None,
            None,
        );
        assert_eq!(h.title.as_deref(), Some("中共中央印发《某某规划纲要》"));
        assert_eq!(h.meta.source_line.as_deref(), Some("新华社北京4月18日电"));
    }

    #[test]
    fn doc_number_and_chinese_dates() {
        let h = read(
            Some("关于某事的通知\n中办发〔２０２４〕５号\n二〇二四年二月二十八日印发"),
            None,
            None,
        );
        assert_eq!(h.meta.doc_number.as_deref(), Some("中办发〔２０２４〕５号"));
        assert_eq!(h.meta.events[0].date, "2024-02-28");
        assert_eq!(h.meta.events[0].event, "印发");
    }

    #[test]
    fn a_title_run_on_into_its_bracketed_note_ends_before_the_bracket() {
        // A single-line export: the title, then the note of its adoption, then the text.
        let h = read(
            Some("中华人民共和国反间谍法 (2014年11月1日第十二届全国人民代表大会常务委员会第十一次会议通过) 第一章 总则"),
            None,
            None,
        );
        assert_eq!(h.title.as_deref(), Some("中华人民共和国反间谍法"));
        let h = read(
            Some("国务院关于某某的通知（国发〔2024〕5号）各省、自治区、直辖市人民政府："),
            None,
            None,
        );
        assert_eq!(h.title.as_deref(), Some("国务院关于某某的通知"));
        // A bracket that holds no date, 文号 or source line is the title's.
        let h = read(
            Some("某某市物业管理办法（试行）\n第一条 为了规范管理。"),
            None,
            None,
        );
        assert_eq!(h.title.as_deref(), Some("某某市物业管理办法（试行）"));
    }

    #[test]
    fn a_line_with_a_sentence_ended_inside_it_adds_nothing_to_the_title() {
        // A newspaper page: the headline, then a photo caption run on into a byline.
        let h = read(
            Some("党的工作机关首先是政治机关\n12月7日，变电站正式投运。新华社记者 杨某某\n正文如下。"),
            None,
            None,
        );
        assert_eq!(h.title.as_deref(), Some("党的工作机关首先是政治机关"));
    }

    #[test]
    fn no_title_when_the_preamble_opens_with_prose() {
        let h = read(
            Some("近日，中共中央印发了《规划纲要》，并发出通知。"),
            None,
            None,
        );
        assert_eq!(h.title, None);
    }
}
