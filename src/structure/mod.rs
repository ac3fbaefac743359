//! Stage 4, recognise numbering and build the tree: the paragraphs of one document → its
//! preamble, its tree of numbered nodes, and what follows the body.
//!
//! 1. [`candidates::scan`] finds every place a marker could start, with its position and
//!    whether its context reads like a reference.
//! 2. [`chain::best_chain`] keeps, per family, the candidates that form the running sequence —
//!    top-down, so that lower levels may restart their numbering under each new parent.
//! 3. [`build::assemble`] cuts the text at the accepted markers and nests the pieces.

pub mod build;
pub mod candidates;
pub mod chain;

mod accept;
mod extent;
mod warnings;

use accept::{
    accept_groups, accept_lower, accept_structural, choose_top, context_flags, families,
    unnumbered_headings, GROUP_RANK,
};
pub use extent::reads_as_document;
use extent::{attachment_list_paras, body_end, contents_paras, split_after_body};
use warnings::{gap_warnings, stray_warnings};

use crate::layout::Para;
use crate::lines::{is_whole_title, MAX_TITLE_LINES};
use crate::model::{Kind, Node, Warning};
use candidates::{Candidate, Position, Reference};

/// What the structure stage makes of one document's paragraphs.
#[derive(Debug, Clone, Default)]
pub struct Structured {
    /// Text before the first numbered node (title included; [`crate::meta`] takes it out).
    pub preamble: Option<String>,
    pub children: Vec<Node>,
    /// Short lines after the body (signatures, dates, 发布时间/来源).
    pub trailer: Option<String>,
    /// Paragraphs after the body that read as another document (prose or a numbering of their
    /// own): the caller makes new documents of them.
    pub tail: Vec<Para>,
    /// How many of the preamble's first lines are the title, where the text says so (see
    /// `title_lines`); `None` leaves it to [`crate::meta`].
    pub title_lines: Option<usize>,
    pub warnings: Vec<Warning>,
}

/// Laws number their articles 第X条; policy documents follow GB/T 9704 一、（一）1.（1）.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Law,
    Policy,
}

/// Nesting rank of each family: a node holds the nodes of higher rank that follow it.
pub fn rank(kind: Kind, mode: Mode) -> u8 {
    match kind {
        Kind::Part => 10,
        Kind::Subpart => 20,
        Kind::Chapter => 30,
        Kind::Section => 40,
        Kind::Article => 50,
        Kind::Paragraph => 55,
        Kind::Division if mode == Mode::Policy => 50,
        Kind::Division => 60,
        Kind::Item => 70,
        Kind::Subitem => 80,
        Kind::Point => 90,
        Kind::Circled => 100,
    }
}

/// Recognises the structure of one document.
pub fn structure(paras: &[Para]) -> Structured {
    let body: String = crate::layout::join(paras);
    let para_starts: Vec<usize> = paras
        .iter()
        .scan(0, |off, p| {
            let s = *off;
            *off += p.text.len() + 1;
            Some(s)
        })
        .collect();
    let mut cands = candidates::scan(&body);
    // The entries of a table of contents are no headings: the body repeats them. Nor are the
    // names in a list of attachments units: the attachments follow.
    let mut listed = contents_paras(paras);
    listed.extend(attachment_list_paras(paras));
    listed.sort_unstable();
    if !listed.is_empty() {
        cands.retain(|c| {
            let para = para_starts.partition_point(|&s| s <= c.start) - 1;
            listed.binary_search(&para).is_err()
        });
    }
    let context = context_flags(&body, &cands);
    // Right after a heading, the words before a label are the heading's (`第六章 社会参与第五十一条`),
    // not the start of a citation.
    for (c, &flag) in cands.iter_mut().zip(&context) {
        if flag
            && c.position == Position::Inline
            && c.reference == Reference::Hard
            && crate::numbering::citation::led(&body[..c.start])
        {
            c.reference = candidates::reference_without_leader(&body, c);
        }
    }
    let (mode, top) = choose_top(&body, &cands, &context);
    let mut accepted: Vec<usize> = top.clone();
    let mut warnings = Vec::new();
    if top.is_empty() {
        return unstructured(paras);
    }
    let mut groups = Vec::new();
    if mode == Mode::Law {
        accept_structural(&cands, &context, &mut accepted);
        groups = accept_groups(&body, &cands, &top);
        accepted.extend(&groups);
    }
    accepted.sort_unstable();
    let last_top = *top.last().unwrap_or(&0);
    let first_top = cands[top[0]].start;
    let ends = body_end(
        paras,
        &para_starts,
        (first_top, cands[last_top].start),
        mode,
    );
    let body_end_para = ends.body;
    let body_end = para_starts
        .get(body_end_para)
        .map_or(body.len(), |&s| s.saturating_sub(1));
    let first = cands[accepted[0]].start;
    accept_lower(
        &body,
        &cands,
        &context,
        mode,
        (first, body_end),
        &mut accepted,
    );
    accepted.sort_unstable();
    for (family, chain) in families(&cands, &accepted) {
        warnings.extend(gap_warnings(&body, &cands, &chain, family));
    }
    warnings.extend(stray_warnings(
        &body,
        &cands,
        &accepted,
        mode,
        (first, body_end),
    ));
    let unnumbered = if mode == Mode::Law {
        unnumbered_headings(&body, &para_starts, &cands, &accepted, (first, body_end))
    } else {
        Vec::new()
    };
    let mut markers: Vec<(&Candidate, u8)> = accepted
        .iter()
        .map(|&i| {
            let r = if groups.contains(&i) {
                GROUP_RANK
            } else {
                rank(cands[i].kind, mode)
            };
            (&cands[i], r)
        })
        .chain(unnumbered.iter().map(|c| (c, rank(c.kind, mode))))
        .collect();
    markers.sort_by_key(|(c, _)| c.start);
    let (preamble, children) = build::assemble(&body[..body_end], &markers, mode);
    let (after, tail) = split_after_body(&paras[ends.closing..]);
    // The paragraphs that close the document itself, then the lines after them.
    let mut trailer =
        (ends.closing > ends.body).then(|| crate::layout::join(&paras[ends.body..ends.closing]));
    if let Some(after) = after {
        build::push_text(&mut trailer, &after);
    }
    Structured {
        preamble,
        children,
        trailer,
        tail,
        warnings,
        title_lines: title_lines(paras),
    }
}

/// How many of the text's first paragraphs the title may take, where the text says: one, when
/// it opens with a Markdown heading that no heading of the same level continues; where a blank
/// line sets a paragraph off, in a text whose blank lines end paragraphs, the paragraphs above
/// it. The lines under a title (a subtitle `某某诉某某案`, a section `基本案情`, the series
/// `消费者权益保护典型案例`) are not the title's; but where the title is printed as paragraphs
/// of its own lines (`最高人民法院` / `关于审理…适用法律` / `问题的若干规定`), the lines above
/// the blank are no whole title and those up to a later one are.
pub fn title_lines(paras: &[Para]) -> Option<usize> {
    let first = paras.first()?;
    if first.md_level > 0 {
        let continued = paras.get(1).is_some_and(|p| p.md_level == first.md_level);
        return (!continued).then_some(1);
    }
    let head = &paras[..paras.len().min(MAX_TITLE_LINES)];
    let set_off = (1..head.len()).find(|&n| head[n].blank_before)?;
    let whole = |n: usize| {
        is_whole_title(
            &head[..n]
                .iter()
                .map(|p| p.text.as_str())
                .collect::<String>(),
        )
    };
    Some(
        (set_off..=head.len())
            .find(|&n| whole(n))
            .unwrap_or(set_off),
    )
}

/// A document without numbering: all of it is preamble, but for the lines that sign or source
/// it after its last sentence, which are its trailer ([`extent::signed_end`]).
fn unstructured(paras: &[Para]) -> Structured {
    let end = extent::signed_end(paras);
    let text = crate::layout::join(&paras[..end]);
    Structured {
        preamble: (!text.is_empty()).then_some(text),
        trailer: (end < paras.len()).then(|| crate::layout::join(&paras[end..])),
        title_lines: title_lines(paras),
        ..Default::default()
    }
}
