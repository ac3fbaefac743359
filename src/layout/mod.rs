//! Stage 3, layout: [`Line`]s → [`Para`]graphs. Lines hard-wrapped by PDF extraction are joined
//! back into their paragraph; blank lines are no evidence of where one ends (PDF text puts them in
//! the middle of sentences), but where none falls inside one, they say which breaks the writer
//! made ([`Para::blank_before`]).
//!
//! Two signals decide whether a line break ends a paragraph:
//! - **line length**: in a hard-wrapped text most lines are as long as the page allows (the wrap
//!   width, detected from the length distribution); a line shorter than that ended its paragraph,
//!   a full one did not.
//! - **punctuation**: a paragraph of a law or policy ends with a stop (。；：！？); a line that
//!   does not is continued by the next one — unless it is short and stands alone, like a title
//!   or a chapter heading.

use crate::lines::{
    is_bracketed_note, is_closing_line, is_date_line, is_whole_title, opens_with_date,
};
use crate::model::Kind;
use crate::normalise::Line;
use crate::numbering::citation::cited_across_break;
use crate::numbering::parse_marker;
use crate::text::{ends_sentence, ends_with_stop};

mod wrapping;

use wrapping::{local_wraps, sentences_end_paragraphs, Indents, Length, Wrapping};

/// A paragraph: one or more lines joined without separator.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Para {
    pub text: String,
    /// The level of the Markdown heading the paragraph was; 0 when it was none.
    pub md_level: u8,
    /// Page furniture taken out from between its lines (see [`crate::furniture`]).
    pub set_aside: Vec<String>,
    /// A blank line stood before it, in a text whose blank lines end paragraphs (no paragraph
    /// runs on over one, as they do in PDF text that puts a blank after every line): a break
    /// the writer made. A title ends at one (`某某案` over a blank and `基本案情`).
    pub blank_before: bool,
}

/// The paragraphs' texts, one a line: the text the later stages cut at byte offsets.
pub fn join(paras: &[Para]) -> String {
    paras
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Joins wrapped lines into paragraphs. The lines are consumed: a paragraph's text is its first
/// line's string, grown, not a copy.
pub fn reflow(lines: Vec<Line>) -> Vec<Para> {
    let lengths: Vec<Length> = lines.iter().map(|l| Length::of(&l.text)).collect();
    let wraps = local_wraps(&lengths, &lines);
    let stops_end_paras = sentences_end_paragraphs(&lines, &lengths, &wraps);
    let indents = Indents::of(&lines);
    let titled = TitledUnits::of(&lines);
    let mut out: Vec<Para> = Vec::new();
    // The paragraph being built, and where its last line starts in its text.
    let mut current: Option<(Para, Last)> = None;
    let mut lines = lines.into_iter().enumerate().peekable();
    // Line breaks over a blank line: those that ended a paragraph, and those joined over.
    let (mut blank_breaks, mut blank_joins) = (0usize, 0usize);
    while let Some((i, line)) = lines.next() {
        let after = lines.peek().map(|(_, l)| l);
        let join = match &current {
            Some((p, last)) => {
                let prev = Prev {
                    text: &p.text[last.start..],
                    md_heading: last.md_heading,
                    len: lengths[i - 1],
                };
                let opening = out.is_empty() && last.start == 0;
                // A line twice the width or more was not cut at it: the wrapping read around it
                // (or, where nothing could be read near it, the whole text's) is another piece's,
                // as where a hard-wrapped text and one of long paragraphs are joined in one file.
                let wrap = wraps[i - 1].filter(|w| w.could_cut(prev.len));
                let wrap = wrap.map(|w| Wrapping {
                    wrap: w,
                    stops_end_paras,
                    indents,
                });
                continues(&p.text, prev, &line, after, wrap, opening, titled)
            }
            None => false,
        };
        if line.blanks_before > 0 && current.is_some() {
            *(if join {
                &mut blank_joins
            } else {
                &mut blank_breaks
            }) += 1;
        }
        match current.as_mut() {
            Some((p, last)) if join => {
                *last = Last {
                    start: p.text.len(),
                    md_heading: line.md_level > 0,
                };
                p.text.push_str(&line.text);
                p.set_aside.extend(line.set_aside);
            }
            _ => {
                out.extend(current.take().map(|(p, _)| p));
                let last = Last {
                    start: 0,
                    md_heading: line.md_level > 0,
                };
                let para = Para {
                    blank_before: line.blanks_before > 0 && !out.is_empty(),
                    text: line.text,
                    md_level: line.md_level,
                    set_aside: line.set_aside,
                };
                current = Some((para, last));
            }
        }
    }
    out.extend(current.map(|(p, _)| p));
    if !blanks_end_paragraphs(blank_breaks, blank_joins) {
        out.iter_mut().for_each(|p| p.blank_before = false);
    }
    out
}

/// Do the text's blank lines end paragraphs? Not where paragraphs run on over them, as in PDF
/// text that puts a blank line after every line; one join in ten breaks is let pass (a line
/// joined over a blank by mistake).
fn blanks_end_paragraphs(breaks: usize, joins: usize) -> bool {
    joins * 10 <= breaks
}

/// The last line of the paragraph being built, as `continues` needs it.
struct Last {
    start: usize,
    md_heading: bool,
}

/// The line before a break: its text, whether it was a Markdown heading, its length.
#[derive(Clone, Copy)]
struct Prev<'a> {
    text: &'a str,
    md_heading: bool,
    len: Length,
}

/// Does `next` continue the paragraph `para`, whose last line is `prev`? `after` is the line
/// after `next`; `opening`: `prev` is the text's first line.
fn continues(
    para: &str,
    prev: Prev,
    next: &Line,
    after: Option<&Line>,
    wrap: Option<Wrapping>,
    opening: bool,
    titled: TitledUnits,
) -> bool {
    if prev.md_heading || next.md_level > 0 {
        return false;
    }
    // No paragraph opens on a comma or a closing bracket: a line that does was cut from the
    // one before it, however short that one is (a text too short for its wrap width to be read).
    if next.text.starts_with(closes_a_line) {
        return true;
    }
    let stop = ends_with_stop(prev.text) || is_bracketed_note(para);
    // A whole title over a line that opens with a date is the header of the next document
    // (`…的解释` / `2018年9月17日 …通过`): a numbered unit's text does not run on into it,
    // however it ended (the last entry of a list, `414．虐待俘虏罪（第448条）`). (A title's own
    // first line, which opens with no label, may: `…关于办理危害税收` / `征管…的解释`.) Asked
    // of every break after a line without a stop: the date, a search of the whole line, last.
    if !stop
        && is_whole_title(&next.text)
        && parse_marker(para).is_some()
        && after.is_some_and(|a| opens_with_date(&a.text))
    {
        return false;
    }
    // Parsed only where the answer can change the outcome: in a clean text most lines end on
    // a stop, and are paragraphs whatever follows them.
    let next_marker = || parse_marker(&next.text);
    let next_is_marker = || next_marker().is_some();
    // A closing line (`发布时间：… 来源：“学习强国”学习平`) takes back what wrapped off its end:
    // a fragment (`台`), or the rest of a quote or bracket it left open (`…来源：“学习强` /
    // `国”学习`). What follows starts the next document, however full the line is: a closing
    // line that fills it is as often followed by the next title (`…来源：新华` / `习近平主持…`).
    if is_closing_line(para) {
        let cut = next.text.chars().count() <= crate::lines::CLOSING_FRAGMENT_CHARS
            || crate::lines::ends_inside_quotes(para)
            || crate::lines::ends_inside_brackets(para);
        return cut && !next_is_marker() && !is_closing_line(&next.text);
    }
    // After a sentence, a closing line starts a paragraph however full the line before it is:
    // it ends a piece of a compilation, and segment cuts the file there.
    if stop && is_closing_line(&next.text) {
        return false;
    }
    if let Some(Wrapping {
        wrap: w,
        stops_end_paras,
        indents,
    }) = wrap
    {
        // The text's first line, a whole title that happens to fill the line or nearly, before
        // a line that does not add a qualifier to it (`（二）`).
        if opening && !next.text.starts_with(['（', '(']) && is_whole_title(prev.text) {
            return false;
        }
        // A line of its own that is a whole title, over a line that opens with a date: a law's
        // title over its dated note, in the middle of a compilation (`…若干问题的规定` /
        // `2009年11月9日 最高人民法院审判委员会第`), however full the title happens to be.
        if para.len() == prev.text.len() && opens_with_date(&next.text) && is_whole_title(para) {
            return false;
        }
        // A dated note over the next one (`…第二十六次会议通过` / `2009年8月27日 …修正`), however
        // full its last line: each note of a header is a paragraph. A note is a date and what
        // happened on it, no clause (`2020年8月20日之后新受理的…案件，…` is a sentence).
        if opens_with_date(para)
            && !para.contains(crate::text::is_clause_mark)
            && opens_with_date(&next.text)
        {
            return false;
        }
        if w.is_full(prev.len) {
            // An entry of a 目录 fills its line with leaders up to its page number
            // (`一、发展基础 ……… 1`): it ends there, whatever label opens the next.
            if crate::lines::is_contents_entry(prev.text) {
                return false;
            }
            // A sentence that filled its line, then a short line that is a whole title: the next
            // law of a compilation (`…同时废止。` / `河南省工伤保险条例`). A wrapped sentence goes
            // on in a full line, and its last piece ends on a stop, which no title does. A title
            // that fills the line too is the next law's when a dated note follows it.
            if stop
                && is_whole_title(&next.text)
                && (!w.is_full(Length::of(&next.text))
                    || after.is_some_and(|a| opens_with_date(&a.text)))
            {
                return false;
            }
            // Where the text indents the first line of its paragraphs, the indent says.
            if let Some(starts) = indents.starts_paragraph(next) {
                if starts {
                    return false;
                }
            } else if stops_end_paras && ends_sentence(prev.text) && !next_is_marker() {
                // A sentence that ends exactly at the end of the line ends its paragraph as
                // often as the text's sentences end theirs (see `sentences_end_paragraphs`).
                return false;
            }
            // A full line ends its paragraph only by coincidence. Take the coincidence when a
            // numbered unit starts on the next line and either this one ends on a stop, or the
            // next opens with a `第…` label that would not read as a citation run on from it: a
            // header line or a title that happens to fill the line (`…会议通过` / `第一章总则`),
            // where a sentence wrapped before a citation reads as one (`…依照本法` /
            // `第十条的规定`). Not other labels: `一、` and `（一）` are words as often
            // (`…相统` / `一、物质保障`, `…的解释` / `（一）》`).
            return !next_marker().is_some_and(|m| {
                stop || ((m.kind.is_structural() || m.kind == Kind::Article)
                    && !cited_across_break(prev.text, &next.text, m.kind, m.len))
            });
        }
        // The first line of a paragraph is short by its lost indent: a nearly full line in the
        // middle of a sentence goes on.
        if !stop && w.measure(prev.len) * 10 >= w.width * 8 && !next_is_marker() {
            return true;
        }
        // A short line ends its paragraph, but for a list unit broken off before the words
        // that end it as its list's units end (`（五）审议向党委和上级党的工作机关` /
        // `请示报告的重要事项；`): a heading (`（一）总体要求`) is followed by a paragraph, which
        // no `；` ends.
        return !stop
            && next.text.trim_end().ends_with(['；', ';'])
            && !next_is_marker()
            && runs_on_as_unit(prev.text, &next.text, after, titled);
    }
    if stop || next_is_marker() {
        return false;
    }
    // An unfinished sentence: join it to the next line if it is body text (a numbered unit, or a
    // long line with clauses in it), not a title or heading standing alone — a long title has
    // no clause punctuation.
    // `一、` opens a section whose title stands on its own line; lower units (`（五）审议…机关`)
    // run on across a break.
    let prev_marker = parse_marker(prev.text);
    // A line shorter than the next by more than a lost indent was not cut where the page ended:
    // a unit's title over its paragraph (`（一）指导思想` / `以习近平…`), however the text's
    // other units of its kind read (`（三）加强生态保护。…`).
    // Measured only after a unit's label: most lines that come here open with none.
    let cut_by_width = || Length::of(&next.text).width() <= prev.len.width() + LOST_INDENT_COLUMNS;
    let prev_is_unit = prev_marker.is_some()
        && cut_by_width()
        && runs_on_as_unit(prev.text, &next.text, after, titled);
    // Not a whole title (`最高人民法院、最高人民检察院关于…的解释`), nor a dated note before the
    // next one (`…会议通过` / `2013年11月11日 …公布`): a header's lines are paragraphs.
    let header_line =
        is_whole_title(prev.text) || opens_with_date(prev.text) && opens_with_date(&next.text);
    // The clauses are read after the label: the `、` of `二十八、` is the label's, and a
    // division's heading (`二十八、修改《…的规定》`) has none of its own.
    let words = prev_marker.map_or(prev.text, |m| &prev.text[m.len..]);
    let prose = !crate::text::width_at_most(prev.text, 60)
        && words.contains(['，', '；', '、', ',', ';'])
        && !header_line;
    prev_is_unit || prose && !stands_alone(prev.text, &next.text)
}

/// The widest indent of a paragraph's first line that text extraction loses: two full-width
/// spaces.
const LOST_INDENT_COLUMNS: usize = 4;

/// `line` (no stop at its end) opens a unit below a division whose words go on on `next`: not
/// a heading (`一、总体要求`, `第一章 总则`, `（一）指导思想` where the text titles its units,
/// an article's title), nor the last item of a list of attachments over a signature
/// (`2.某某统计表` / `某某局` / `2024年3月1日`).
fn runs_on_as_unit(line: &str, next: &str, after: Option<&Line>, titled: TitledUnits) -> bool {
    parse_marker(line).is_some_and(|m| {
        !m.kind.is_structural()
            && m.kind != Kind::Division
            && !titles_article(m, line, next)
            && !titled.heads(m, line)
    }) && !after.is_some_and(|a| is_date_line(&a.text))
}

/// A short line of words without a clause or a stop after a line whose brackets are all
/// closed: a heading or a title, not the rest of a sentence broken off before it, which would
/// end where its paragraph does, on a stop, or close what the line before opened (`…〈某某代表建议`
/// / `批评和意见办理的规定〉的决定》修正`). (A text cut off mid-sentence, then the next
/// document's title: `…垂直起降无` / `某某实施方案`.)
fn stands_alone(prev: &str, line: &str) -> bool {
    use crate::lines::{brackets_closed, ends_inside_brackets, is_title_like};
    is_title_like(line)
        && !line.contains(['，', '；', '、', '：', ',', ';', ':'])
        && brackets_closed(line)
        && !ends_inside_brackets(prev)
}

/// Punctuation that ends a clause or closes a bracket or quote, which no line of a paragraph
/// opens with in print (the line-start rule of Chinese typesetting): only a cut by width puts it
/// there.
fn closes_a_line(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '”'
            | '’'
            | '」'
            | '』'
            | '）'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | ','
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
    )
}

/// An article's title on the label's line (`第二条 存单纠纷案件的案由`), over a paragraph
/// that is a sentence of its own: a few words without clauses, not the start of a sentence
/// broken off.
fn titles_article(m: crate::numbering::Marker, line: &str, next: &str) -> bool {
    let words = line[m.len..].trim_matches(crate::normalise::is_space);
    m.kind == Kind::Article
        && !words.is_empty()
        && crate::text::width_at_most(words, 40)
        && !words.contains(['，', '、', '；', '：', ',', ';', ':'])
        && ends_with_stop(next)
        && parse_marker(next).is_none()
}

/// The kinds of list unit (`（一）`, `1.`, `（1）`, `①`) that the text heads with a title on a
/// line of its own (`（一）指导思想` over the paragraph it heads, as 意见 and 方案 set them):
/// more of the lines it opens are a few words without a stop than end on one. There a line of
/// words after such a label is a heading; where most of its lines end on a stop (the items of
/// a law), one that does not was broken off mid-sentence (`（五）审议向党委和上级党的工作机关` /
/// `请示报告的重要事项；`) and runs on.
#[derive(Clone, Copy, Default)]
struct TitledUnits {
    /// By [`TitledUnits::slot`].
    kinds: [bool; 4],
}

impl TitledUnits {
    fn of(lines: &[Line]) -> TitledUnits {
        // Lines that a list unit's label can open, asked first: most lines are not.
        let may_open = |t: &str| {
            t.starts_with(['（', '('])
                || t.chars().next().is_some_and(|c| {
                    crate::numbering::numerals::is_digit(c) || ('①'..='⑳').contains(&c)
                })
        };
        // (titles, stops) per kind.
        let mut counts = [(0u32, 0u32); 4];
        for line in lines.iter().filter(|l| may_open(&l.text)) {
            let Some(m) = parse_marker(&line.text) else {
                continue;
            };
            let Some(slot) = TitledUnits::slot(m.kind) else {
                continue;
            };
            if ends_with_stop(&line.text) {
                counts[slot].1 += 1;
            } else if is_unit_title(&line.text[m.len..]) {
                counts[slot].0 += 1;
            }
        }
        TitledUnits {
            kinds: counts.map(|(titles, stops)| titles >= 2 && titles > stops),
        }
    }

    fn slot(kind: Kind) -> Option<usize> {
        match kind {
            Kind::Item => Some(0),
            Kind::Subitem => Some(1),
            Kind::Point => Some(2),
            Kind::Circled => Some(3),
            _ => None,
        }
    }

    /// `line`, opened by `m`, is the title of its unit.
    fn heads(&self, m: crate::numbering::Marker, line: &str) -> bool {
        TitledUnits::slot(m.kind).is_some_and(|k| self.kinds[k]) && is_unit_title(&line[m.len..])
    }
}

/// The words after a list unit's label read as its title: a few words without a clause.
fn is_unit_title(words: &str) -> bool {
    let words = words.trim_matches(crate::normalise::is_space);
    !words.is_empty()
        && crate::text::width_at_most(words, 60)
        && !words.contains(crate::text::is_clause_mark)
}

#[cfg(test)]
mod tests;
