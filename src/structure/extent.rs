//! Where a document's body begins and ends: the entries of a table of contents set aside, and
//! what follows the last unit split into the trailer and paragraphs that read as documents of
//! their own.

use super::candidates::{self, Position, Reference};
use super::Mode;
use crate::layout::Para;
use crate::lines::{
    bare_label, has_source_line, is_bracketed_note, is_closing_line, is_title_like, is_whole_title,
};
use crate::model::Kind;
use crate::text::{ends_with_stop, width_at_most};

/// A prose paragraph: a sentence of some length.
fn is_prose(text: &str) -> bool {
    ends_with_stop(text) && !width_at_most(text, 59)
}

/// Where the closing lines of a text without numbered units begin: the lines after its last
/// sentence, when they hold a date line or a closing line — a notice's list of attachments, the
/// issuing organ and the date it signed on (`附件：某某办法` / `财政部` / `2021年4月6日`), or
/// `来源：…` under a piece of news — and that sentence too when it is the formula that closes
/// the text (`特此通知。`). They are its trailer, as they are a body's. `paras.len()`
/// when there are none.
pub(super) fn signed_end(paras: &[Para]) -> usize {
    // `附件：` ends on a colon, but heads the list under it: no sentence of the text's.
    let sentence =
        |p: &Para| ends_with_stop(&p.text) && !crate::lines::is_attachment_label(&p.text);
    let Some(last_sentence) = paras.iter().rposition(sentence) else {
        return paras.len();
    };
    let after = &paras[last_sentence + 1..];
    let signed = after
        .iter()
        .any(|p| crate::lines::is_date_line(&p.text) || is_closing_line(&p.text));
    if !signed {
        return paras.len();
    }
    // The formula that closes the text (`特此通知。`) is the first of its closing lines.
    if crate::lines::is_closing_formula(&paras[last_sentence].text) {
        last_sentence
    } else {
        last_sentence + 1
    }
}

/// The paragraphs of a notice's list of attachments, in order: the list (`附件：1.甲方案`, or
/// `附件：` alone) and the numbered names under it that go on with its numbering (`2.乙方案`),
/// each a few words without a sentence. They name the documents that follow the signature;
/// their numbers are no units of the notice. A note that names one attachment without a
/// number (`附件：某某分工方案`) is the whole list: the `一、` under it opens that attachment.
pub(super) fn attachment_list_paras(paras: &[Para]) -> Vec<usize> {
    let mut out = Vec::new();
    // The label the next name must have: its kind (unknown under a bare `附件：`) and number.
    let mut next: Option<(Option<Kind>, u32)> = None;
    for (i, p) in paras.iter().enumerate() {
        let text = p.text.as_str();
        // (Asked of every paragraph: the first character settles nearly all.)
        let starts_list = text
            .trim_start_matches(crate::normalise::is_space)
            .starts_with('附');
        if starts_list && crate::lines::is_attachment_note(text) {
            // The first name is on the note's line, numbered or not.
            let named = text.split_once(['：', ':']).map_or("", |(_, named)| named);
            let named = named.trim_start_matches(crate::normalise::is_space);
            next = crate::numbering::parse_marker(named).map(|m| (Some(m.kind), m.number + 1));
            out.push(i);
            continue;
        }
        if starts_list
            && crate::lines::is_attachment_label(text)
            && text.trim_end().ends_with(['：', ':'])
        {
            next = Some((None, 1));
            out.push(i);
            continue;
        }
        let Some((kind, number)) = next else { continue };
        let named = crate::numbering::parse_marker(text).filter(|m| {
            kind.is_none_or(|k| k == m.kind)
                && m.number == number
                && !ends_with_stop(text)
                && width_at_most(text, ATTACHMENT_NAME_WIDTH)
        });
        next = named.map(|m| (Some(m.kind), m.number + 1));
        if named.is_some() {
            out.push(i);
        }
    }
    out
}

/// The widest name in a list of attachments, label included, in columns.
const ATTACHMENT_NAME_WIDTH: usize = 80;

/// The paragraphs that are entries of a table of contents, in order: those that end in a leader
/// and a page number ([`crate::lines::is_contents_entry`]), and the headings on lines of their
/// own right under a `目录` line, up to the first paragraph that is not one, or that is the
/// first entry again (the body's first heading, where the table has no page numbers).
pub(super) fn contents_paras(paras: &[Para]) -> Vec<usize> {
    let mut out: Vec<usize> = (0..paras.len())
        .filter(|&i| crate::lines::is_contents_entry(&paras[i].text))
        .collect();
    let Some(heading) = paras
        .iter()
        .position(|p| crate::lines::is_contents_heading(&p.text))
    else {
        return out;
    };
    let squeezed = |t: &str| -> String {
        t.chars()
            .filter(|c| !crate::normalise::is_space(*c))
            .collect::<String>()
            .trim_end_matches(|c: char| {
                crate::numbering::numerals::is_digit(c) || crate::lines::is_leader(c)
            })
            .to_string()
    };
    let is_entry = |t: &str| {
        crate::numbering::parse_marker(t).is_some()
            && !ends_with_stop(t)
            && width_at_most(t, 120)
            && !t.contains(['，', '；', '：'])
    };
    let first = heading + 1;
    let first_entry = paras.get(first).map(|p| squeezed(&p.text));
    for (i, p) in paras.iter().enumerate().skip(first) {
        let text = &p.text;
        if !is_entry(text) || i > first && first_entry.as_deref() == Some(squeezed(text).as_str()) {
            break;
        }
        out.push(i);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The paragraph index where the body ends: the first title-like paragraph after the one that
/// holds the last top-level marker (`tops`: where the first and the last top-level markers
/// start).
///
/// A label alone in its paragraph (`八、` over its heading, as centred PDF lines give it) is
/// not the unit: its first paragraph is the one after it.
///
/// Where units close with a note in brackets (each excerpt of a speech compilation with its
/// source, `（2023 年 6 月 2 日在…的讲话）`), the last unit's note closes it too: it is short and
/// has no stop, but it is the unit's, as layout reads such a note as a complete sentence
/// ([`is_bracketed_note`]). Not a note that says where the piece was published
/// (`（责任编辑：某某）`, `（新华社北京2月28日电）`), and not where no unit had one (`（完）`
/// after a law printed in a newspaper): those end the body, and are its trailer.
///
/// In a policy document, a paragraph that puts the document into force (`本决定自公布之日起施行。`)
/// ends the body too, once the last unit has said something of its own: the text of a 决定 or
/// a 方案 closes with it, after its last item, while a unit that opens with it (`八、附则` over
/// `本办法自…起施行。`) holds it. So does the formula that closes a 公文 (`此复。`, `特此通知。`).
pub(super) fn body_end(
    paras: &[Para],
    para_starts: &[usize],
    tops: (usize, usize),
    mode: Mode,
) -> BodyEnd {
    let para_of = |start: usize| {
        para_starts
            .partition_point(|&s| s <= start)
            .saturating_sub(1)
    };
    let mut holder = para_of(tops.1);
    if bare_label(&paras[holder].text).is_some() {
        holder += 1;
    }
    let units_close_with_notes = paras[para_of(tops.0)..holder]
        .iter()
        .any(|p| is_bracketed_note(&p.text));
    let closes_last_unit = |text: &str| {
        units_close_with_notes
            && is_bracketed_note(text)
            && !is_closing_line(text)
            && !has_source_line(text)
    };
    let closes_document = |i: usize| {
        mode == Mode::Policy
            && (i > holder + 1 || ends_with_stop(&paras[holder].text))
            && (enacts_document(&paras[i].text) || crate::lines::is_closing_formula(&paras[i].text))
    };
    let ends_body = |i: usize| {
        let text = &paras[i].text;
        // A long title too: a judicial interpretation's, a decision's; and the label of
        // an attachment, whose colon no title has (`附：` over `资源税税目税率表`). Not a
        // unit's heading that ends as titles do (`（三）完善考核制度`): a title has no label.
        (is_title_like(text)
            || is_whole_title(text) && crate::numbering::parse_marker(text).is_none()
            || crate::lines::is_attachment_label(text))
            && !closes_last_unit(text)
    };
    let end = (holder + 1..paras.len())
        .find(|&i| closes_document(i) || ends_body(i))
        .unwrap_or(paras.len());
    // The closing paragraphs run on to where the body would have ended without them.
    let closing_end = if end < paras.len() && closes_document(end) {
        (end + 1..paras.len())
            .find(|&i| ends_body(i))
            .unwrap_or(paras.len())
    } else {
        end
    };
    BodyEnd {
        body: end,
        closing: closing_end,
    }
}

/// Where a document's body ends, in paragraphs: [`BodyEnd::body`]; and where the paragraphs
/// that close the document itself after it end (`本决定自公布之日起施行。` and what follows it,
/// up to a title), which are its trailer: [`BodyEnd::closing`], equal to `body` when there are
/// none.
pub(super) struct BodyEnd {
    pub(super) body: usize,
    pub(super) closing: usize,
}

/// `本决定自公布之日起施行。`, `本方案自印发之日起实施。`: the document, named by its kind, put
/// into force from a date or an event.
fn enacts_document(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('本') else {
        return false;
    };
    let Some(word) = crate::lines::TITLE_ENDS
        .iter()
        .find(|w| rest.starts_with(**w))
    else {
        return false;
    };
    let clause = rest[word.len()..]
        .split(['，', '。', '；'])
        .next()
        .unwrap_or("");
    clause.starts_with('自')
        && ["施行", "实施", "执行", "生效"]
            .iter()
            .any(|v| clause.contains(v))
}

/// What follows the body: a trailer when it is a few short lines, another document when it
/// holds prose or numbering.
pub(super) fn split_after_body(rest: &[Para]) -> (Option<String>, Vec<Para>) {
    if rest.is_empty() {
        return (None, Vec::new());
    }
    if reads_as_document(rest) {
        return (None, rest.to_vec());
    }
    (Some(crate::layout::join(rest)), Vec::new())
}

/// Paragraphs after a body read as a document of their own when they hold prose or two numbered
/// units; otherwise they are the body's trailer (a signature, a date, a source line).
pub fn reads_as_document(paras: &[Para]) -> bool {
    paras.iter().any(|p| is_prose(&p.text))
        || candidates::scan(&crate::layout::join(paras))
            .iter()
            .filter(|c| c.position == Position::Start && c.reference == Reference::No)
            .count()
            >= 2
}
