//! Stage 3, layout: [`Line`]s → [`Para`]graphs. Lines hard-wrapped by PDF extraction are joined
//! back into their paragraph; blank lines are ignored as evidence (PDF text puts them in the middle
//! of sentences).
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
use crate::text::{chars_and_width, ends_sentence, ends_with_stop, is_sentence_end};

/// A paragraph: one or more lines joined without separator.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Para {
    pub text: String,
    /// The level of the Markdown heading the paragraph was; 0 when it was none.
    pub md_level: u8,
    /// Page furniture taken out from between its lines (see [`crate::furniture`]).
    pub set_aside: Vec<String>,
}

/// The paragraphs' texts, one a line: the text the later stages cut at byte offsets.
pub fn join(paras: &[Para]) -> String {
    paras
        .iter()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// How lines are wrapped: by character count (most extractors) or by display width (PDF text
/// with half-width digits in it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Wrap {
    by_chars: bool,
    width: usize,
    tolerance: usize,
}

/// A line's length by both measures, taken once per line.
#[derive(Debug, Clone, Copy)]
struct Length {
    chars: usize,
    width: usize,
}

impl Length {
    fn of(s: &str) -> Length {
        let (chars, width) = chars_and_width(s);
        Length { chars, width }
    }
}

impl Wrap {
    fn measure(&self, len: Length) -> usize {
        if self.by_chars {
            len.chars
        } else {
            len.width
        }
    }

    fn is_full(&self, len: Length) -> bool {
        self.measure(len) + self.tolerance >= self.width
    }

    /// A line this long could have been cut at this width: one twice the width or more was
    /// not (a paragraph of a text that is not wrapped, joined in one file with one that is).
    fn could_cut(&self, len: Length) -> bool {
        self.measure(len) < 2 * self.width
    }
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
                    text: line.text,
                    md_level: line.md_level,
                    set_aside: line.set_aside,
                };
                current = Some((para, last));
            }
        }
    }
    out.extend(current.map(|(p, _)| p));
    out
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
    // Parsed only where the answer can change the outcome: in a clean text most lines end on
    // a stop, and are paragraphs whatever follows them.
    let next_marker = || parse_marker(&next.text);
    let next_is_marker = || next_marker().is_some();
    // A closing line (`发布时间：… 来源：“学习强国”学习平`) takes back only the fragment that
    // wrapped off its end (`台`); what follows it starts the next document, however full the
    // line is.
    if is_closing_line(para) {
        return next.text.chars().count() <= 3 && !next_is_marker();
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
        if w.is_full(prev.len) {
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
        // A short line ends its paragraph, whatever follows.
        return false;
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
    let prev_is_unit = prev_marker
        .is_some_and(|m| {
            !m.kind.is_structural()
                && m.kind != crate::model::Kind::Division
                && !titles_article(m, prev.text, &next.text)
                && !titled.heads(m, prev.text)
        })
        // Not into a signature: the issuing organ over the date (`2.某某统计表` / `某某局` /
        // `2024年3月1日`, the last item of a list of attachments before it).
        && !after.is_some_and(|a| is_date_line(&a.text));
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

/// How a hard-wrapped text is wrapped, as `continues` needs it.
#[derive(Clone, Copy)]
struct Wrapping {
    wrap: Wrap,
    /// See [`sentences_end_paragraphs`].
    stops_end_paras: bool,
    indents: Indents,
}

/// Whether the text indents the first lines of its paragraphs: some of its lines stand further
/// in than the rest, by two characters or more, and not most of them (a text indented throughout
/// has a margin, not indents).
#[derive(Clone, Copy)]
struct Indents {
    /// The indent of the unindented lines, when the text has paragraph indents.
    base: Option<usize>,
}

impl Indents {
    fn of(lines: &[Line]) -> Indents {
        let base = lines.iter().map(|l| l.indent).min().unwrap_or(0);
        let indented = lines.iter().filter(|l| l.indent >= base + 2).count();
        let meaningful =
            indented >= 3 && indented * 10 >= lines.len() && indented * 10 <= lines.len() * 8;
        Indents {
            base: meaningful.then_some(base),
        }
    }

    /// Whether `line` starts a paragraph by its indent; `None` where the text has no indents.
    fn starts_paragraph(&self, line: &Line) -> Option<bool> {
        self.base.map(|base| line.indent >= base + 2)
    }
}

/// Whether most sentences of a hard-wrapped text end their paragraph, as those of a law do
/// (a 款 is often a sentence), where a policy document's paragraphs run to several. A sentence
/// that ends exactly at the end of a full line is ambiguous; the text's unambiguous sentence
/// ends decide it. A sentence end falls at the end of a line as often whether or not it ends a
/// paragraph, so the sentences that end short lines (paragraph ends) and those that end inside
/// lines (sentences that the paragraph goes on after) are counted at the same rate.
fn sentences_end_paragraphs(lines: &[Line], lengths: &[Length], wraps: &[Option<Wrap>]) -> bool {
    let (mut ending, mut inside) = (0usize, 0usize);
    for ((line, &len), wrap) in lines.iter().zip(lengths).zip(wraps) {
        let Some(w) = wrap.filter(|w| w.could_cut(len)) else {
            continue;
        };
        let text = line.text.trim_end_matches(crate::text::is_closing);
        let mut chars = text.chars();
        let last = chars.next_back();
        inside += chars.filter(|&c| is_sentence_end(c)).count();
        if !w.is_full(len) && last.is_some_and(is_sentence_end) {
            ending += 1;
        }
    }
    ending > inside
}

/// Lines on each side of a line that tell how the text around it is wrapped. A file may
/// join pieces wrapped at different widths (a PDF compilation), so the width is read locally.
const WINDOW: usize = 15;

/// Lines that share one reading of the wrapping: the window moves in steps, not line by line,
/// since the wrapping changes far more slowly than that.
const STEP: usize = 8;

/// The wrapping around each line (`lengths` of `lines`), if the lines near it are hard-wrapped.
fn local_wraps(lengths: &[Length], lines: &[Line]) -> Vec<Option<Wrap>> {
    let chars: Vec<usize> = lengths.iter().map(|l| l.chars).collect();
    let widths: Vec<usize> = lengths.iter().map(|l| l.width).collect();
    let wrap_of = |range: std::ops::Range<usize>| {
        [
            band(&chars[range.clone()], true),
            band(&widths[range.clone()], false),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|(share, _)| *share)
        .map(|(_, w)| w)
        .filter(|w| !ends_sentences(*w, &lengths[range.clone()], &lines[range]))
    };
    // Where the lines near a block are too few or too mixed to tell (a run of short articles),
    // the wrapping of the whole text stands in.
    let whole = wrap_of(0..lines.len());
    let mut out = Vec::with_capacity(lines.len());
    for block in (0..lines.len()).step_by(STEP) {
        let centre = (block + STEP / 2).min(lines.len() - 1);
        let range = centre.saturating_sub(WINDOW)..(centre + WINDOW + 1).min(lines.len());
        let wrap = wrap_of(range).or(whole);
        out.extend(std::iter::repeat_n(wrap, STEP.min(lines.len() - block)));
    }
    out
}

/// Whether the lines that fill the band of `wrap` mostly end on a sentence stop: paragraphs that
/// happen to be of one length (a short text of one-sentence articles), not lines cut at a
/// width, which end wherever the width falls and so seldom on a stop.
fn ends_sentences(wrap: Wrap, lengths: &[Length], lines: &[Line]) -> bool {
    let (mut full, mut ending) = (0, 0);
    for (&len, line) in lengths.iter().zip(lines) {
        if wrap.is_full(len) {
            full += 1;
            ending += usize::from(ends_with_stop(&line.text));
        }
    }
    2 * ending >= full
}

/// The wrap width of a window of line lengths by one measure, with the share (per mille) of
/// lines in its band: most lines at the width, almost none beyond it.
fn band(lengths: &[usize], by_chars: bool) -> Option<(usize, Wrap)> {
    let n = lengths.len();
    if n < 8 {
        return None;
    }
    let mut sorted = lengths.to_vec();
    sorted.sort_unstable();
    let shape = BandShape::of(by_chars);
    // Most windows hold no band: settle those from two order statistics, not a scan.
    if !shape.could_hold(&sorted) {
        return None;
    }
    shape.best(&sorted)
}

/// The measure's band around a wrap width `w`: lengths in `w - tolerance ..= w + over`.
#[derive(Debug, Clone, Copy)]
struct BandShape {
    by_chars: bool,
    tolerance: usize,
    /// A line may run past the width, to keep punctuation off the start of the next line (禁则).
    over: usize,
    min_width: usize,
}

impl BandShape {
    fn of(by_chars: bool) -> BandShape {
        let (tolerance, over, min_width) = if by_chars { (2, 1, 16) } else { (4, 2, 32) };
        BandShape {
            by_chars,
            tolerance,
            over,
            min_width,
        }
    }

    /// A band is accepted when it holds at least `fewest_in(n)` of the `n` lines…
    fn fewest_in(n: usize) -> usize {
        (4 * n).div_ceil(10)
    }

    /// …and at most `most_longer(n)` lines are longer than it.
    fn most_longer(n: usize) -> usize {
        n / 10
    }

    /// Whether any band of `sorted` (ascending, at least 8 lengths) could be accepted. An
    /// accepted band is a run of the sorted lengths that ends at most `most_longer` from the
    /// top and is at least `fewest_in` long, so it always covers the positions from
    /// `n - fewest_in` to `n - most_longer - 1`: if the lengths there span more than a band,
    /// none is.
    fn could_hold(&self, sorted: &[usize]) -> bool {
        let n = sorted.len();
        let (low, high) = (n - Self::fewest_in(n), n - Self::most_longer(n) - 1);
        sorted[high] - sorted[low] <= self.tolerance + self.over
    }

    /// The band holding the most lines (the widest width of those that tie), if it is
    /// accepted.
    fn best(&self, sorted: &[usize]) -> Option<(usize, Wrap)> {
        let n = sorted.len();
        // (count in band, width)
        let mut best: Option<(usize, usize)> = None;
        // The band [w - tolerance, w + over] slides up with w: both its ends only move forward.
        let (mut lo, mut hi) = (0, 0);
        for &w in sorted {
            if w < self.min_width {
                continue;
            }
            while sorted[lo] + self.tolerance < w {
                lo += 1;
            }
            while hi < n && sorted[hi] <= w + self.over {
                hi += 1;
            }
            let count = hi - lo;
            if best.is_none_or(|(c, _)| count >= c) {
                best = Some((count, w));
            }
        }
        let (count, width) = best?;
        let longer = n - sorted.partition_point(|&x| x <= width + self.over);
        (count >= Self::fewest_in(n) && longer <= Self::most_longer(n)).then_some((
            count * 1000 / n,
            Wrap {
                by_chars: self.by_chars,
                width,
                tolerance: self.tolerance,
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::normalise;

    fn paras(text: &str) -> Vec<String> {
        reflow(normalise(text))
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    proptest::proptest! {
        /// Turning a window away by its order statistics never turns away one that the scan
        /// accepts. Most lengths come from a narrow band (a wrapped text) so that accepted
        /// windows, and windows just short of it, are both drawn.
        #[test]
        fn a_window_turned_away_early_holds_no_accepted_band(
            mut lengths in proptest::collection::vec(
                proptest::prop_oneof![2 => 26usize..31, 1 => 0usize..40, 1 => 0usize..90],
                8..40,
            ),
            by_chars: bool,
        ) {
            lengths.sort_unstable();
            let shape = BandShape::of(by_chars);
            if !shape.could_hold(&lengths) {
                proptest::prop_assert_eq!(shape.best(&lengths), None);
            }
        }
    }

    #[test]
    fn an_unfinished_line_runs_on_into_the_rest_of_its_sentence_but_not_into_a_heading() {
        let cut = "依托数字底座，庆阳市引进中国通号等头部企业，杭州链景打造西部增材制造产业基地，九州维安发布国内领先复合翼垂直起降无";
        // A page cut off mid-sentence, then the next document's title on two lines.
        assert_eq!(
            paras(&format!(
                "{cut}\n\n某某机关贯彻落实\n全面从严治党要求实施方案\n总体要求是：坚持。"
            )),
            [
                cut,
                "某某机关贯彻落实",
                "全面从严治党要求实施方案",
                "总体要求是：坚持。"
            ]
        );
        // A list of names, then the heading of the next group.
        let names =
            "石家庄仲裁委员会、邯郸仲裁委员会、邢台仲裁委员会、沧州仲裁委员会、承德仲裁委员会";
        assert_eq!(
            paras(&format!("{names}\n山西省\n大同仲裁委员会")),
            [names, "山西省", "大同仲裁委员会"]
        );
        // The rest of the sentence: it ends on a stop, or closes the bracket the line opened.
        let open = "根据《浙江省人民代表大会常务委员会关于修改〈中华人民共和国代表法〉办法、〈浙江省人民代表大会代表建议";
        assert_eq!(
            paras(&format!("{open}\n批评和意见办理的规定〉的决定》修正")),
            [format!("{open}批评和意见办理的规定〉的决定》修正")]
        );
        let broken =
            "违反本条例规定，擅自占用公路、公路用地或者改变公路用地用途的，由公路管理机构依照";
        assert_eq!(
            paras(&format!("{broken}\n公路法的规定处罚。")),
            [format!("{broken}公路法的规定处罚。")]
        );
    }

    #[test]
    fn clean_lines_are_paragraphs() {
        assert_eq!(
            paras("第一章 总则\n第一条 为了保守国家秘密，制定本法。\n第二条 国家秘密受法律保护。"),
            [
                "第一章 总则",
                "第一条 为了保守国家秘密，制定本法。",
                "第二条 国家秘密受法律保护。"
            ]
        );
    }

    #[test]
    fn the_last_item_of_a_list_does_not_run_into_the_signature_under_it() {
        assert_eq!(
            paras("附件：1.某某工作清单\n2.某某情况统计表\n\n某某局办公室\n2024年3月1日"),
            [
                "附件：1.某某工作清单",
                "2.某某情况统计表",
                "某某局办公室",
                "2024年3月1日"
            ]
        );
    }

    #[test]
    fn an_item_titled_on_its_own_line_stands_alone_where_the_texts_items_are_titled() {
        // Most item lines are titles: each heads the paragraph under it.
        assert_eq!(
            paras("（一）指导思想\n坚持稳中求进，推动高质量发展。\n（二）主要目标\n到2025年，体系基本建立。"),
            [
                "（一）指导思想",
                "坚持稳中求进，推动高质量发展。",
                "（二）主要目标",
                "到2025年，体系基本建立。"
            ]
        );
        // Most item lines end on a stop: the one that does not was broken off.
        assert_eq!(
            paras("（一）审议工作报告；\n（二）审议向党委和上级党的工作机关\n请示报告的重要事项；\n（三）研究部署。"),
            [
                "（一）审议工作报告；",
                "（二）审议向党委和上级党的工作机关请示报告的重要事项；",
                "（三）研究部署。"
            ]
        );
    }

    #[test]
    fn a_line_that_opens_on_a_comma_or_a_closing_bracket_continues_the_one_before() {
        // Too few lines for a wrap width to be read: only the punctuation says it was cut.
        assert_eq!(
            paras("一、总体要求\n以新时代中国特色社会主义思想为指导\n，坚持稳中求进。\n“不表明其对发行人所作的保证。\n”"),
            [
                "一、总体要求",
                "以新时代中国特色社会主义思想为指导，坚持稳中求进。",
                "“不表明其对发行人所作的保证。”"
            ]
        );
    }

    #[test]
    fn an_unfinished_item_continues_across_a_blank_line() {
        assert_eq!(
            paras("(五)审议向党委和上级党的工作机关\n\n请示报告的重要事项;\n\n(六)研究部署。"),
            [
                "(五)审议向党委和上级党的工作机关请示报告的重要事项;",
                "(六)研究部署。"
            ]
        );
    }

    #[test]
    fn a_division_heading_of_one_long_line_stands_alone() {
        // The label's `、` is no clause of a sentence that could run on.
        let heading = "二十八、修改《最高人民法院关于审理船舶油污损害赔偿纠纷案件若干问题的规定》";
        assert_eq!(
            paras(&format!(
                "{heading}\n\n将引言修改为：\n\n“为正确审理案件，制定本规定。”"
            )),
            [heading, "将引言修改为：", "“为正确审理案件，制定本规定。”"]
        );
        // A division that opens a long sentence with clauses still runs on.
        let opening =
            "三、坚持以人民为中心，健全共建共治共享的社会治理制度，提升社会治理效能，推动";
        assert_eq!(
            paras(&format!("{opening}\n社会治理现代化。")),
            [format!("{opening}社会治理现代化。")]
        );
    }

    #[test]
    fn an_articles_title_on_its_labels_line_stands_alone() {
        assert_eq!(
            paras("第二条 存单纠纷案件的案由\n\n人民法院可将本规定第一条所列案件，一律以存单纠纷为案由。"),
            [
                "第二条 存单纠纷案件的案由",
                "人民法院可将本规定第一条所列案件，一律以存单纠纷为案由。"
            ]
        );
        // A sentence broken off after clauses still runs on.
        assert_eq!(
            paras("第三条 县级以上人民政府应当加强领导，\n\n做好本行政区域内的工作。"),
            ["第三条 县级以上人民政府应当加强领导，做好本行政区域内的工作。"]
        );
    }

    #[test]
    fn a_title_line_stands_alone() {
        assert_eq!(
            paras("人民日报评论员\n\n党的工作机关在实施党的领导中发挥着重要作用。"),
            [
                "人民日报评论员",
                "党的工作机关在实施党的领导中发挥着重要作用。"
            ]
        );
    }

    #[test]
    fn a_full_line_before_a_heading_label_ends_its_paragraph_unless_a_citation_runs_on() {
        // Wrapped at 16 characters. The header line fills the line by chance and ends without
        // a stop; the labels glued to their text on the next lines are headings all the same.
        let text = "某某市档案管理条例\n\n2019年1月1日某某市人大常委会会议通过\n\n\
                    第一章总则\n\n第一条为了加强档案管理，根据有关法律\n，制定本条例。\n\
                    第二条档案工作依照档案法和刑法分则\n第一章规定的原则，实行统一领导、分\n\
                    级管理。违反规定的，依照档案法和本法\n第三条的规定处理，做到全面统筹相统\n\
                    一、上下贯通。\n";
        assert_eq!(
            paras(text),
            [
                "某某市档案管理条例",
                "2019年1月1日某某市人大常委会会议通过",
                "第一章总则",
                "第一条为了加强档案管理，根据有关法律，制定本条例。",
                // 刑法分则 / 第一章规定: a citation (the word after it); 依照档案法和本法 /
                // 第三条的规定: one too (the words before it); 相统 / 一、: a word, not a label.
                "第二条档案工作依照档案法和刑法分则第一章规定的原则，实行统一领导、分级管理。\
                 违反规定的，依照档案法和本法第三条的规定处理，做到全面统筹相统一、上下贯通。",
            ]
        );
    }

    /// `title` and a preamble and three articles of body, each paragraph wrapped at 20
    /// characters, as PDF text gives them.
    fn wrapped_at_20(title: &str) -> String {
        let mut text = String::new();
        for para in [
            title,
            "为正确审理某某案件，根据民事诉讼法等有关法律，结合审判实际，制定本规定。",
            "第一条人民法院审理某某案件，应当以事实为根据，以法律为准绳，依法保护当事人的合法权益。",
            "第二条当事人对某某事项有争议的，可以向有管辖权的人民法院提起诉讼，人民法院应当依法受理。",
            "第三条本规定自公布之日起施行，此前发布的有关规定与本规定不一致的，以本规定为准。",
        ] {
            let chars: Vec<char> = para.chars().collect();
            for line in chars.chunks(20) {
                text.extend(line);
                text.push('\n');
            }
        }
        text
    }

    #[test]
    fn a_title_that_fills_the_first_line_ends_there() {
        let preamble = "为正确审理某某案件，根据民事诉讼法等有关法律，结合审判实际，制定本规定。";
        // Twenty characters, a whole line: the preamble runs on without a date line between.
        let text = wrapped_at_20("最高人民法院关于审理某某案件的若干规定");
        assert_eq!(
            paras(&text)[..2],
            ["最高人民法院关于审理某某案件的若干规定", preamble]
        );
        // A title wrapped inside its brackets, or before its qualifier, goes on.
        let title = "国务院关于修改《中华人民共和国某某管理条例》的决定";
        assert_eq!(paras(&wrapped_at_20(title))[..2], [title, preamble]);
        let title = "最高人民法院关于审理某某案件的若干规定（二）";
        assert_eq!(paras(&wrapped_at_20(title))[..2], [title, preamble]);
    }

    #[test]
    fn a_header_over_blank_lines_keeps_its_lines() {
        // Long lines with a 、 in them, which an unfinished sentence across a blank line would
        // join: a whole title, then dated notes each opening with its date.
        let text = "最高人民法院、最高人民检察院关于办理抢夺刑事案件适用法律若干问题的解释\n\n\
                    2013年9月30日 最高人民法院审判委员会第1592次会议、2013年10月22日最高人民检察院检察委员会第12次会议通过\n\n\
                    2013年11月11日 最高人民法院、最高人民检察院公告公布\n\n\
                    第一条 抢夺公私财物的，依照刑法处理。\n";
        assert_eq!(paras(text).len(), 4, "{:?}", paras(text));
        // A sentence broken by a blank line still joins.
        let text =
            "人民法院审理案件，应当依照法律、行政法规的规定，并参照有关部门的规定\n\n作出裁判。\n";
        assert_eq!(paras(text).len(), 1);
    }

    #[test]
    fn lines_of_one_length_that_end_sentences_are_not_a_wrapped_text() {
        // A short regulation whose paragraphs happen to share a length (45-48 columns): read
        // as wrapped at 23 characters, `…管理。` filled its line and ran into the next
        // paragraph. Lines cut at a width seldom end on a stop; these mostly do.
        let text = "某某市养犬管理条例\n（2020年5月1日某某市人民代表大会常务委员会通过）\n\
                    第1条　为了规范养犬行为，保障公民健康和人身安全，制定本条例。\n\
                    第2条　本条例适用于本市行政区域内的养犬管理。\n\
                    本条例所称养犬人，是指饲养犬只的个人或者单位。\n\
                    第3条　养犬人应当遵守下列规定：\n（一）依法登记；\n（二）定期免疫。\n\
                    第4条　违反本条例第2条规定的，由公安机关处理。\n\
                    第5条　本条例自2021年1月1日起施行。\n";
        let got = paras(text);
        assert_eq!(got.len(), 10, "{got:?}");
        assert_eq!(got[4], "本条例所称养犬人，是指饲养犬只的个人或者单位。");
    }

    #[test]
    fn a_title_after_a_sentence_that_filled_its_line_starts_a_paragraph() {
        // Two laws wrapped at 16 characters, one after the other.
        let text = "第一条为了保守国家秘密，维护国家\n安全和利益，根据宪法，制定本法。\n\
                    第二条国家秘密是关系国家安全和利\n益的事项，依照法定程序确定，在一\n定时间内只限一定范围的人员知悉。\n\
                    第三条本法自公布之日起施行，某某\n条例同时废止，某某办法同时废止。\n\
                    乙省某某管理条例\n第一条为了乙，根据有关法律法规，\n结合本省实际，制定本条例。\n";
        let got = paras(text);
        assert_eq!(got[3], "乙省某某管理条例", "{got:?}");
        assert_eq!(got.len(), 5);
    }

    #[test]
    fn a_line_twice_the_width_is_not_a_wrapped_line() {
        // A text hard-wrapped at 16 characters, then a page of news in long paragraphs: the
        // wrapping read over the window holds the news lines too, and each would be full.
        let mut text = String::new();
        for _ in 0..6 {
            text.push_str("第一条为了保守国家秘密，维护国家\n安全和利益，根据宪法，制定本法，\n保障改革开放和社会主义建设事业的\n顺利进行。\n");
        }
        text.push_str(
            "人民日报评论员\n\
             党的工作机关在实施党的领导、加强党的建设、推进党的事业中发挥着重要作用，新修订的条例日前发布。\n\
             嘉峪关全时服务护航企业\n\
             嘉峪关市税务部门与发改、住建、林草等部门建立了信息共享协作机制，有效防范了税收流失。\n",
        );
        let got = paras(&text);
        assert_eq!(got.len(), 6 + 4, "{got:?}");
        assert_eq!(got[8], "嘉峪关全时服务护航企业");
    }

    #[test]
    fn a_title_that_fills_its_line_over_a_dated_note_stands_alone() {
        // The second law of a compilation wrapped at 16 characters: its title fills the line.
        let text = "第一条为了保守国家秘密，维护国家\n安全和利益，根据宪法，制定本法。\n\
                    第二条国家秘密是关系国家安全和利\n益的事项，依照法定程序确定，在一\n定时间内只限一定范围的人员知悉。\n\n\
                    某某省某某事务管理服务条例\n\n2009年11月9日 某某省人民代表\n大会常务委员会第十次会议通过\n\n\
                    第一条为了乙，根据有关法律法规，\n结合本省实际，制定本条例。\n";
        let got = paras(text);
        assert_eq!(got[2], "某某省某某事务管理服务条例", "{got:?}");
        assert_eq!(
            got[3],
            "2009年11月9日 某某省人民代表大会常务委员会第十次会议通过"
        );
        // The same title full to the width, right after a sentence that filled its line.
        let text = "第一条为了保守国家秘密，维护国家\n安全和利益，根据宪法，制定本法。\n\
                    第二条国家秘密是关系国家安全和利\n益的事项，依照法定程序确定，在一\n定时间内只限一定范围的人员知悉。\n\
                    某某省某某某某事务管理服务条例\n2009年11月9日 某某省人民代表\n大会常务委员会第十次会议通过\n\
                    第一条为了乙，根据有关法律法规，\n结合本省实际，制定本条例。\n";
        let got = paras(text);
        assert_eq!(got[2], "某某省某某某某事务管理服务条例", "{got:?}");
        // The first line of a sentence that reads as a title goes on.
        let text = "第一条为了保守国家秘密，维护国家\n安全和利益，根据宪法，制定本法。\n\
                    第二条国家秘密是关系国家安全和利\n益的事项，依照法定程序确定，在一\n定时间内只限一定范围的人员知悉。\n\
                    第三条本法施行前，依照某某规定\n2009年11月9日以前确定的国家秘\n密，仍依照原规定保守。\n";
        assert_eq!(paras(text).len(), 3);
    }

    #[test]
    fn hard_wrapped_text_is_joined_by_line_length() {
        // Wrapped at 16 characters; a reference to another article begins a line.
        let text = "第一条为了保守国家秘密，维护国家\n安全和利益，根据宪法，制定本法。\n\
                    第二条国家秘密是关系国家安全和利\n益的事项。\n\
                    第三条违反本法规定的，依照本法的\n第三十四条规定的程序处理，并追究\n\n责任。\n\
                    第四条保密工作坚持总体国家安全观\n，依法管理。\n第五条国家秘密受法律保护，任何组\n织都有保密的义务。\n";
        assert_eq!(
            paras(text),
            [
                "第一条为了保守国家秘密，维护国家安全和利益，根据宪法，制定本法。",
                "第二条国家秘密是关系国家安全和利益的事项。",
                "第三条违反本法规定的，依照本法的第三十四条规定的程序处理，并追究责任。",
                "第四条保密工作坚持总体国家安全观，依法管理。",
                "第五条国家秘密受法律保护，任何组织都有保密的义务。",
            ]
        );
    }

    /// `paras` hard-wrapped at `width` characters, each starting on a new line.
    fn wrapped(paras: &[&str], width: usize) -> String {
        let mut text = String::new();
        for para in paras {
            let chars: Vec<char> = para.chars().collect();
            for line in chars.chunks(width) {
                text.extend(line);
                text.push('\n');
            }
        }
        text
    }

    #[test]
    fn a_sentence_that_ends_a_full_line_ends_its_paragraph_where_sentences_end_paragraphs() {
        // A law: most 款 are one sentence. The second paragraph of 第一条 ends exactly at the
        // end of a line (20 characters), and the next paragraph is no numbered unit.
        let law = [
            "第一条某某部门应当建立健全管理制度，加强对本行业的监督检查。",
            "某某部门应当依法及时公开监督检查的结果。",
            "其他部门应当在各自职责范围内做好相关工作，并接受社会监督。",
            "第二条本办法所称某某，是指依法设立并从事某某活动的单位。",
            "本办法所称某某人员，是指在上述单位从事某某工作的人员。",
            "第三条本办法自公布之日起施行，原有规定同时废止。",
        ];
        assert_eq!(law[1].chars().count(), 20);
        assert_eq!(paras(&wrapped(&law, 20)), law);
    }

    #[test]
    fn a_sentence_that_ends_a_full_line_goes_on_where_paragraphs_hold_several_sentences() {
        // A policy document: paragraphs of several sentences. A sentence that ends exactly at
        // the end of a line is most likely followed by the next sentence of its paragraph.
        let policy = [
            "一、总体要求。坚持以人民为中心发展思想。推动高质量发展，到二〇二五年基本建立制度体系。\
             各地区要结合实际抓好落实，确保取得实效。",
            "二、主要任务。加强统筹协调，形成工作合力。完善体制机制，提升治理能力。\
             健全评价体系，强化结果运用。加大投入力度，保障工作需要。",
            "三、保障措施。加强组织领导，压实工作责任。强化督促检查，确保任务落地。\
             营造良好氛围，凝聚各方力量。",
        ];
        // `…发展思想。` fills the first line.
        let lines: Vec<String> = wrapped(&policy, 20).lines().map(str::to_string).collect();
        assert!(
            lines[0].ends_with('。') && lines[0].chars().count() == 20,
            "{lines:?}"
        );
        assert_eq!(paras(&wrapped(&policy, 20)), policy);
    }

    #[test]
    fn where_paragraphs_are_indented_the_indent_decides_a_full_line() {
        // A law whose sentences mostly end their paragraphs, with first lines indented by two
        // ideographic spaces. `…检查的结果。` fills the first line of 第一条's second paragraph,
        // but the line after it is not indented: the paragraph goes on.
        let law = [
            "第一条某某部门应当建立健全管理制度，加强对本行业的监督检查。",
            "某某部门应当依法公开监督检查的结果。其他部门应当在各自职责范围内做好相关工作。",
            "第二条本办法所称某某，是指依法设立并从事某某活动的单位。",
            "本办法所称某某人员，是指在上述单位从事某某工作的人员。",
            "第三条本办法自公布之日起施行，原有规定同时废止。",
        ];
        let indented: Vec<String> = law.iter().map(|p| format!("　　{p}")).collect();
        let indented: Vec<&str> = indented.iter().map(String::as_str).collect();
        let text = wrapped(&indented, 20);
        assert!(text.lines().nth(2).unwrap().ends_with("的结果。"), "{text}");
        assert_eq!(paras(&text), law);
        // Without the indents, the sentence end at the end of the line is taken for the end of
        // the paragraph, as most of this text's sentence ends are.
        let flat: Vec<&str> = text.lines().map(|l| l.trim_start_matches('　')).collect();
        assert_eq!(paras(&flat.join("\n")).len(), law.len() + 1);
    }
}
