//! Where a second law or document begins among a run of paragraphs: the numbering of articles
//! starting over (a second `第一条`), or divisions numbered 一、二、三、 again on a line of their own.

use super::header::{header_start, noted_header_start};
use super::inline::{
    division_restarts, first_article_labels, first_division_inside, inline_closings,
    inline_headers, restart_cut, signed_then_titled, Cut, FIRST_ARTICLE_LABEL,
};
use crate::layout::Para;
use crate::model::Kind;
use crate::text::{ends_with_stop, width_at_most};

/// Splits a run of paragraphs where a second law begins: a second `第一条` at the start of a
/// paragraph means the numbering of articles starts over, which within one law it never does.
/// The new document takes with it the header paragraphs just before it (its title, its dated
/// notes), back to the paragraph that ended the previous law's last sentence.
pub fn split_restarts(paras: Vec<Para>) -> Vec<Vec<Para>> {
    // A 第一条 opening a paragraph is one of the labels `cut_inline_restarts` looks at: it
    // begins a law with that paragraph (`Cut::Paragraph`).
    let (paras, mut cuts) = cut_inline_restarts(paras);
    cuts.extend(documents_on_one_line(&paras));
    cuts.sort_unstable();
    cuts.dedup();
    cuts.retain(|&cut| cut > 0);
    if cuts.is_empty() {
        return vec![paras];
    }
    let mut out = Vec::new();
    let mut rest = paras;
    for &cut in cuts.iter().rev() {
        let tail = rest.split_off(cut);
        out.push(tail);
    }
    out.push(rest);
    out.reverse();
    out
}

/// Paragraphs that hold a whole document of divisions on one line (longer than
/// [`ONE_LINE_DOCUMENT_WIDTH`], numbering 一、 二、 三、 after full stops), after the body of
/// another: a paragraph that opened with a unit, or three of prose. Such a document may have
/// no title (a single-line export that lost it), so only its numbering starting again tells
/// where it begins. Not after its own header (title, dated notes, a preamble of a paragraph or
/// two): those go with it.
fn documents_on_one_line(paras: &[Para]) -> Vec<usize> {
    let mut out = Vec::new();
    let (mut prose, mut numbered) = (0, false);
    for (i, p) in paras.iter().enumerate() {
        let text = &p.text;
        if (numbered || prose >= 3)
            && !width_at_most(text, ONE_LINE_DOCUMENT_WIDTH)
            && numbers_divisions_from_one(text)
        {
            out.push(i);
            (prose, numbered) = (0, false);
            continue;
        }
        // Asked only until answered: every paragraph comes here.
        if prose < 3 && ends_with_stop(text) {
            prose += 1;
        }
        if !numbered {
            numbered = crate::numbering::parse_marker(text).is_some();
        }
    }
    out
}

/// `text` (one paragraph) numbers divisions 一、 二、 三、 at its start or after full stops: a
/// document of divisions printed on one line. (A list inside a sentence follows a colon, and
/// its items end on `；`.)
fn numbers_divisions_from_one(text: &str) -> bool {
    let mut want = 1;
    let starts = std::iter::once(0).chain(
        text.char_indices()
            .filter(|&(_, c)| crate::text::is_sentence_end(c))
            .map(|(i, c)| i + c.len_utf8()),
    );
    for at in starts {
        let rest = text[at..].trim_start_matches(crate::normalise::is_space);
        let Some(m) = crate::numbering::parse_marker(rest).filter(|m| m.kind == Kind::Division)
        else {
            continue;
        };
        if m.number != want {
            return false;
        }
        want += 1;
        if want > 3 {
            return true;
        }
    }
    false
}

/// The width, in columns, beyond which a paragraph may be a whole document on one line.
const ONE_LINE_DOCUMENT_WIDTH: usize = 2000;

/// Cuts paragraphs where a second law begins inside them, as in a single-line export of a
/// compilation (`…自公布之日起施行。 乙条例 2024年1月1日通过 第一条为了…`), and returns them with
/// the indices of the paragraphs where those laws begin. A law begins at a `第一条` that no
/// citation word surrounds, once an earlier `第一条` was met ([`restart_cut`] says where).
fn cut_inline_restarts(paras: Vec<Para>) -> (Vec<Para>, Vec<usize>) {
    // First where, without moving anything: most files have no second law, and most of the
    // rest have it on a paragraph of its own.
    let mut seen_first = false;
    // The last paragraph that opened with a unit (an article, a group, a heading), and the
    // number of the last article that opened one.
    let (mut last_unit, mut last_article): (Option<usize>, Option<(u32, u32)>) = (None, None);
    // Per paragraph that holds a first article, or may begin a document under a header with a
    // dated note: its index, its cuts, and how a document begins with it.
    let mut plan: Vec<Planned> = Vec::new();
    for (i, para) in paras.iter().enumerate() {
        let labels = first_article_labels(&para.text);
        // A document of no articles begins inside a line too, at its header, or where the
        // numbering of its divisions starts over under a title.
        let mut headers = inline_headers(&para.text);
        headers.extend(inline_closings(&para.text));
        headers.sort_unstable();
        headers.dedup();
        let titled = division_restarts(&para.text, &headers);
        headers.extend(titled.iter().map(|&(start, _)| start));
        // A title glued to the sentence after it ends its line, as its dated note does: meta
        // reads them as the title and the note.
        let mut breaks: Vec<usize> = titled.into_iter().flat_map(|(_, ends)| ends).collect();
        let unit = opening_unit(&para.text);
        // A first unit (`第一条`, `一、`, `第一章`), or an article whose number does not follow
        // on (`第三条` after `第七条`, as an amendment continues the numbering of the one before).
        let number = unit.map(|m| (m.number, m.sub.unwrap_or(0)));
        let first = number == Some((1, 0));
        let article = unit.is_some_and(|m| m.kind == Kind::Article);
        let drop = article && number.zip(last_article).is_some_and(|(n, last)| n <= last);
        let noted = if first || drop { last_unit } else { None };
        if unit.is_some() {
            last_unit = Some(i);
        }
        if article {
            last_article = number;
        }
        // A plan transmitted by a notice before it on the line (a law so transmitted is looked
        // for at its first article, below): not in a unit's paragraph, and only with a 日 for
        // the signature's date (a byte search; most paragraphs have none).
        if labels.is_empty() && headers.is_empty() && unit.is_none() && para.text.contains('日') {
            if let Some((cut, lines)) =
                first_division_inside(&para.text).and_then(|at| signed_then_titled(&para.text, at))
            {
                headers.push(cut);
                breaks.extend(lines);
            }
        }
        if labels.is_empty() && headers.is_empty() && noted.is_none() {
            continue;
        }
        let (mut cuts, mut begins) = (headers, Begins::No);
        // A law's header never reaches back over the first article of the law before it.
        let mut floor = 0;
        for &at in &labels {
            // A header found between the last first article and this one begins this law
            // already: its preamble may run to several sentences (`…任务光荣而艰巨。…为此，制定
            // 本守则。第一条`), and a cut before the last of them would split it off the header.
            let headed = cuts.iter().any(|&c| floor < c && c < at);
            if seen_first && !headed {
                match restart_cut(&para.text, at, floor) {
                    Some(Cut::At(cut)) => cuts.push(cut),
                    Some(Cut::Paragraph) => begins = Begins::Law,
                    None => {}
                }
            } else if !seen_first && !headed {
                // The first law of the file, transmitted by a notice before it on the line.
                if let Some((cut, lines)) = signed_then_titled(&para.text, at) {
                    cuts.push(cut);
                    breaks.extend(lines);
                }
            }
            seen_first = true;
            floor = at + FIRST_ARTICLE_LABEL.len();
        }
        if begins == Begins::No {
            if let Some(before) = noted {
                begins = Begins::Noted(before);
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        let unit_only = labels.is_empty() && cuts.is_empty();
        plan.push(Planned {
            at: i,
            cuts,
            breaks,
            begins,
            unit_only,
        });
    }
    // (Lines are broken only around a cut: a paragraph without a cut keeps its lines whole.)
    if plan.iter().all(|p| p.cuts.is_empty()) {
        // Indices stay as they are: a law that begins with a paragraph begins with its header.
        let mut starts = Vec::new();
        // The last paragraph that held a first article: no header reaches back to it.
        let mut floor = 0;
        for p in &plan {
            match p.begins {
                Begins::Law => starts.push(header_start(&paras, floor, p.at)),
                Begins::Noted(before) => {
                    starts.extend(noted_header_start(&paras, floor, p.at, before));
                }
                Begins::No => {}
            }
            if !p.unit_only {
                floor = p.at;
            }
        }
        return (paras, starts);
    }
    let mut out: Vec<Para> = Vec::with_capacity(paras.len() + plan.len());
    let mut starts = Vec::new();
    // The paragraph (in `out`) that last held a first article: no header reaches back to it.
    let mut last_first = 0;
    let mut plan = plan.into_iter().peekable();
    for (i, mut para) in paras.into_iter().enumerate() {
        let Some(Planned {
            cuts,
            breaks,
            begins,
            unit_only,
            ..
        }) = plan.next_if(|p| p.at == i)
        else {
            out.push(para);
            continue;
        };
        // Where paragraphs were cut (a single-line export), only a `第一条` that restarts the
        // numbering begins a law with its paragraph.
        if begins == Begins::Law {
            starts.push(header_start(&out, last_first, out.len()));
        }
        if unit_only {
            out.push(para);
            continue;
        }
        // Cut from the end, so that the earlier offsets stay valid.
        let mut at: Vec<(usize, bool)> = cuts.iter().map(|&c| (c, true)).collect();
        at.extend(breaks.iter().map(|&b| (b, false)));
        // Where a line ends and a document begins at the same offset, the document begins.
        at.sort_unstable_by_key(|&(offset, begins)| (offset, !begins));
        at.dedup_by_key(|&mut (offset, _)| offset);
        let mut pieces: Vec<(bool, String)> = at
            .iter()
            .rev()
            .map(|&(offset, begins)| (begins, para.text.split_off(offset)))
            .collect();
        pieces.reverse();
        let kept = para.text.trim_end_matches(crate::normalise::is_space).len();
        para.text.truncate(kept);
        out.push(para);
        for (begins, piece) in pieces {
            if begins {
                starts.push(out.len());
            }
            out.push(Para {
                text: piece.trim_matches(crate::normalise::is_space).to_string(),
                ..Para::default()
            });
        }
        last_first = out.len() - 1;
    }
    (out, starts)
}

/// A paragraph of [`cut_inline_restarts`]'s plan.
struct Planned {
    /// Its index.
    at: usize,
    /// Byte offsets where a document begins inside it.
    cuts: Vec<usize>,
    /// Byte offsets where a line ended inside it around a cut (after a title, a dated note, a
    /// signature's organ), which begin no document.
    breaks: Vec<usize>,
    begins: Begins,
    /// It holds no first article and no header: it is planned only for the unit it opens with.
    unit_only: bool,
}

/// Whether a law begins with a paragraph.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Begins {
    No,
    /// Its `第一条` restarts the numbering of articles.
    Law,
    /// It opens with a first unit (`第一条`, `一、`, `第一章`), or an article that does not follow
    /// on, after the paragraph given, which opened with a unit too: a document begins with it
    /// only under a header of its own with a dated note ([`noted_header_start`]).
    Noted(usize),
}

/// The unit a paragraph opens with, as where documents begin is concerned: an article, a group
/// (`一、`), a 编/章/节 heading.
fn opening_unit(text: &str) -> Option<crate::numbering::Marker> {
    crate::numbering::parse_marker(text)
        .filter(|m| matches!(m.kind, Kind::Article | Kind::Division) || m.kind.is_structural())
}
