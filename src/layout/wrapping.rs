//! How a text is hard-wrapped, read from its lines: the wrap width around each line (by
//! characters or by display width, read locally, since a compilation joins pieces wrapped at
//! different widths), whether its sentences end its paragraphs, and whether it indents them.

use crate::normalise::Line;
use crate::text::{chars_and_width, ends_with_stop, is_sentence_end};

/// How lines are wrapped: by character count (most extractors) or by display width (PDF text
/// with half-width digits in it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Wrap {
    by_chars: bool,
    pub(super) width: usize,
    tolerance: usize,
}

/// A line's length by both measures, taken once per line.
#[derive(Debug, Clone, Copy)]
pub(super) struct Length {
    chars: usize,
    width: usize,
}

impl Length {
    pub(super) fn of(s: &str) -> Length {
        let (chars, width) = chars_and_width(s);
        Length { chars, width }
    }

    /// Display width, in columns.
    pub(super) fn width(self) -> usize {
        self.width
    }
}

impl Wrap {
    pub(super) fn measure(&self, len: Length) -> usize {
        if self.by_chars {
            len.chars
        } else {
            len.width
        }
    }

    pub(super) fn is_full(&self, len: Length) -> bool {
        self.measure(len) + self.tolerance >= self.width
    }

    /// A line fills the width: full, and no longer than a line cut at it runs (punctuation
    /// kept off the next line's start).
    fn fills(&self, len: Length) -> bool {
        self.is_full(len) && self.measure(len) <= self.width + BandShape::of(self.by_chars).over
    }

    /// A line this long could have been cut at this width: one twice the width or more was
    /// not (a paragraph of a text that is not wrapped, joined in one file with one that is).
    pub(super) fn could_cut(&self, len: Length) -> bool {
        self.measure(len) < 2 * self.width
    }
}

/// How a hard-wrapped text is wrapped, as `continues` needs it.
#[derive(Clone, Copy)]
pub(super) struct Wrapping {
    pub(super) wrap: Wrap,
    /// See [`sentences_end_paragraphs`].
    pub(super) stops_end_paras: bool,
    pub(super) indents: Indents,
}

/// Whether the text indents the first lines of its paragraphs: some of its lines stand further
/// in than the rest, by two characters or more, and not most of them (a text indented throughout
/// has a margin, not indents).
#[derive(Clone, Copy)]
pub(super) struct Indents {
    /// The indent of the unindented lines, when the text has paragraph indents.
    base: Option<usize>,
}

impl Indents {
    pub(super) fn of(lines: &[Line]) -> Indents {
        let base = lines.iter().map(|l| l.indent).min().unwrap_or(0);
        let indented = lines.iter().filter(|l| l.indent >= base + 2).count();
        let meaningful =
            indented >= 3 && indented * 10 >= lines.len() && indented * 10 <= lines.len() * 8;
        Indents {
            base: meaningful.then_some(base),
        }
    }

    /// Whether `line` starts a paragraph by its indent; `None` where the text has no indents.
    pub(super) fn starts_paragraph(&self, line: &Line) -> Option<bool> {
        self.base.map(|base| line.indent >= base + 2)
    }
}

/// Whether most sentences of a hard-wrapped text end their paragraph, as those of a law do
/// (a 款 is often a sentence), where a policy document's paragraphs run to several. A sentence
/// that ends exactly at the end of a full line is ambiguous; the text's unambiguous sentence
/// ends decide it. A sentence end falls at the end of a line as often whether or not it ends a
/// paragraph, so the sentences that end short lines (paragraph ends) and those that end inside
/// lines (sentences that the paragraph goes on after) are counted at the same rate.
pub(super) fn sentences_end_paragraphs(
    lines: &[Line],
    lengths: &[Length],
    wraps: &[Option<Wrap>],
) -> bool {
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
pub(super) fn local_wraps(lengths: &[Length], lines: &[Line]) -> Vec<Option<Wrap>> {
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
        .filter(|w| !full_lines_are_paragraphs(*w, &lengths[range.clone()], &lines[range]))
    };
    // Where the lines near a block are too few or too mixed to tell (a run of short articles),
    // the wrapping of the whole text stands in.
    let whole = wrap_of(0..lines.len());
    let blocks: Vec<std::ops::Range<usize>> = (0..lines.len())
        .step_by(STEP)
        .map(|block| block..(block + STEP).min(lines.len()))
        .collect();
    let read: Vec<Option<Wrap>> = blocks
        .iter()
        .map(|block| {
            let centre = (block.start + STEP / 2).min(lines.len() - 1);
            wrap_of(centre.saturating_sub(WINDOW)..(centre + WINDOW + 1).min(lines.len()))
        })
        .collect();
    let mut out = Vec::with_capacity(lines.len());
    for (k, block) in blocks.iter().enumerate() {
        let meet = read[k]
            .is_none()
            .then(|| where_pieces_meet(&read, k, &lengths[block.clone()]))
            .flatten();
        match meet {
            Some(Meeting {
                before,
                after,
                split,
            }) => {
                out.extend(std::iter::repeat_n(Some(before), split));
                out.extend(std::iter::repeat_n(Some(after), block.len() - split));
            }
            None => out.extend(std::iter::repeat_n(read[k].or(whole), block.len())),
        }
    }
    out
}

/// Two widths meeting inside a block: its lines before `split` take `before`, the rest `after`.
struct Meeting {
    before: Wrap,
    after: Wrap,
    split: usize,
}

/// Where two pieces wrapped at different widths meet, in block `k`, which no width could be read
/// for: a window around the block holds both, and neither width is a band of it. The nearest
/// blocks before and after it that were read (within a window's reach) give one each; the block
/// is cut where the most of its lines (`block`) fill the width of their side. Both must be
/// wrapped: where a wrapped piece meets one that is not, the wrapped one's width would be put on
/// the other's first lines.
fn where_pieces_meet(read: &[Option<Wrap>], k: usize, block: &[Length]) -> Option<Meeting> {
    let reach = (2 * WINDOW).div_ceil(STEP);
    let before = read[k.saturating_sub(reach)..k]
        .iter()
        .rev()
        .find_map(|w| *w)?;
    let after = read.iter().skip(k + 1).take(reach).find_map(|w| *w)?;
    // Lines filled on their side, for each place of the cut: those before it that fill
    // `before`, and those from it on that fill `after`.
    let mut filled = block.iter().filter(|&&l| after.fills(l)).count();
    let mut best = (filled, 0);
    for (n, &l) in block.iter().enumerate() {
        filled = filled + usize::from(before.fills(l)) - usize::from(after.fills(l));
        if filled > best.0 {
            best = (filled, n + 1);
        }
    }
    Some(Meeting {
        before,
        after,
        split: best.1,
    })
}

/// Whether the lines that fill the band of `wrap` read as paragraphs that share a length, not
/// as lines cut at a width, which end wherever the width falls, mid-word:
/// - most of them end on a sentence stop (a short text of one-sentence articles), or
/// - most of them are followed by a line that opens with a date: a law's dated notes, which
///   share a template (`2006年4月21日 某某会议通过` over `2015年8月27日 某某会议修订`). (Not
///   labels: a wrapped sentence goes on with `第三条的规定` or `一、上下贯通` often enough.)
fn full_lines_are_paragraphs(wrap: Wrap, lengths: &[Length], lines: &[Line]) -> bool {
    // Full lines, and those of them that end on a stop; full lines with a line after them, and
    // those of them whose next line opens with a date.
    let (mut full, mut ending, mut followed, mut dated) = (0, 0, 0, 0);
    for (k, (&len, line)) in lengths.iter().zip(lines).enumerate() {
        if !wrap.is_full(len) {
            continue;
        }
        full += 1;
        ending += usize::from(ends_with_stop(&line.text));
        if let Some(next) = lines.get(k + 1) {
            followed += 1;
            dated += usize::from(crate::lines::opens_with_date(&next.text));
        }
    }
    2 * ending >= full || 2 * dated >= followed.max(1)
}

/// The wrap width of a window of line lengths by one measure, with the share (per mille) of
/// lines in its band: a quarter of the lines or more at the width, almost none beyond it.
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

    /// A band is accepted when it holds at least `fewest_in(n)` of the `n` lines (a quarter: in a
    /// short policy document titles, headings and the last lines of paragraphs can outnumber
    /// the full lines three to one; lines of one length that are no wrapped text are told
    /// apart by how they end and what follows them, `full_lines_are_paragraphs`)…
    fn fewest_in(n: usize) -> usize {
        n.div_ceil(4)
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
}
