//! The title: the leading title-like lines of the preamble, moved out of it.

use super::DOC_NUMBER;
use crate::lines::{is_whole_title, PageMatter, DATE, MAX_TITLE_LINES, SOURCE_LINE, TITLE_ENDS};
use crate::text::{ends_with_stop, width_at_most};
use regex::Regex;
use std::sync::LazyLock;

/// The title, read under the lines that may stand over it: the label of an attachment
/// published as a document of its own (`附件1` over its title), and the masthead and 文号 of a
/// document printed as GB/T 9704 sets it (`国务院文件` / `国发〔2024〕5号` / the title). Those
/// lines stay in the preamble, at its head. (The one place where the title is not the first
/// text of its document: see ARCHITECTURE.md, "Nothing lost".)
pub(super) fn split_labelled_title(
    preamble: &str,
    max_lines: usize,
) -> (Option<String>, Option<String>) {
    let head = over_title(preamble);
    if head == 0 {
        return split_title(preamble, max_lines);
    }
    let (Some(title), rest) = split_title(&preamble[head..], MAX_TITLE_LINES) else {
        return split_title(preamble, max_lines);
    };
    let head = preamble[..head].trim_matches(|c| c == '\n' || crate::normalise::is_space(c));
    let rest = match rest {
        Some(rest) => format!("{head}\n{rest}"),
        None => head.to_string(),
    };
    (Some(title), Some(rest))
}

/// The byte length of the preamble's first lines that stand over a title ([`split_labelled_title`]):
/// an attachment's label as the first line, then any masthead and 文号 lines.
pub(super) fn over_title(preamble: &str) -> usize {
    let mut end = 0;
    let mut page = PageMatter::default();
    for line in preamble.split_inclusive('\n') {
        let words = line.trim_matches(|c| c == '\n' || crate::normalise::is_space(c));
        // Asked of every line, so that it follows a label to its value.
        let page_matter = page.takes(words);
        let over = end == 0 && crate::lines::is_attachment_label(words)
            || is_masthead(words)
            || is_doc_number_line(words)
            || page_matter;
        if !over {
            break;
        }
        end += line.len();
    }
    end
}

/// The mark of the issuing organ over a GB/T 9704 document: its name and `文件`
/// (`国务院文件`, `中共某某省委文件`, letter-spaced as it is often printed), words alone.
fn is_masthead(words: &str) -> bool {
    let unspaced = crate::text::unspace_letter_spaced(words);
    let words = unspaced.as_deref().unwrap_or(words);
    words.ends_with("文件")
        && width_at_most(words, MASTHEAD_WIDTH)
        && words.chars().all(|c| c.is_alphanumeric())
}

/// The widest masthead, in columns: an organ's name of some fifteen characters and `文件`.
const MASTHEAD_WIDTH: usize = 40;

/// A line that is a 文号 (`国发〔2024〕5号`), perhaps with the signer beside it
/// (`签发人：某某`), as a GB/T 9704 document prints it between its masthead and its title, or
/// with the title it numbers in 《》, as a web page heads its copy of the document
/// (`鲁政发〔2014〕20号《某某省人民政府关于…的实施意见》`).
fn is_doc_number_line(words: &str) -> bool {
    DOC_NUMBER.find(words).is_some_and(|m| {
        let rest = [&words[..m.start()], &words[m.end()..]]
            .concat()
            .replace(crate::normalise::is_space, "");
        rest.is_empty()
            || rest.starts_with("签发人")
            || rest.starts_with('《') && rest.ends_with('》') && rest.matches('《').count() == 1
    })
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
        // A qualifier on a line of its own under the title (`（2024—2026年）`, `（试行）`) ends it.
        // (A line of its own even where the title takes one: a Markdown heading, a paragraph.)
        if n > 0 && n < MAX_TITLE_LINES && !lines.is_empty() && is_title_qualifier(content.trim()) {
            lines.push(content.trim());
            rest_start = offset + line.len();
            break;
        }
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
        // A whole title ends at a line that does not end it again: the name of the site it was
        // copied from (`…的意见` / `中国政府网`), not a second line of it (`…所得税法` /
        // `实施条例`).
        if n > 0
            && is_whole_title(&lines.concat())
            && !is_whole_title(&[lines.concat().as_str(), piece].concat())
        {
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

/// A title's qualifier in brackets, printed on a line of its own under it: the years of a plan
/// (`（2024—2026年）`, `（2024年版）`) or its standing (`（试行）`, `（征求意见稿）`). Nothing else
/// in brackets there is the title's: a dated note (`（2024年2月23日…通过）`), a label (`（一）`),
/// a newspaper's `（接1版）`.
fn is_title_qualifier(line: &str) -> bool {
    line.strip_prefix(['（', '('])
        .and_then(|l| l.strip_suffix(['）', ')']))
        .is_some_and(|inner| QUALIFIER.is_match(inner.trim()))
}

/// What [`is_title_qualifier`] takes inside the brackets.
static QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\d{4}\s*(?:[—–\-~－至]+\s*\d{4}\s*)?年(?:版|度)?|试行|暂行|试行草案|草案|征求意见稿|送审稿)$",
    )
    .expect("valid qualifier regex")
});

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
