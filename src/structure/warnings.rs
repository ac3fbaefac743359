//! Warnings about the numbering: gaps and repeats in a running sequence, and labels left out of
//! it that read as headings.

use super::candidates::{Candidate, Position, Reference};
use super::Mode;
use crate::model::{Kind, Warning};

/// The marker as written, for a warning's location.
fn label(body: &str, c: &Candidate) -> String {
    body[c.start..c.end()]
        .trim_matches(crate::normalise::is_space)
        .to_string()
}

/// Numbering gaps in the top families (articles, chapters, divisions).
pub(super) fn gap_warnings(
    body: &str,
    cands: &[Candidate],
    chain: &[usize],
    kind: Kind,
) -> Vec<Warning> {
    if !matches!(
        kind,
        Kind::Article | Kind::Chapter | Kind::Division | Kind::Part
    ) {
        return Vec::new();
    }
    chain
        .windows(2)
        .filter_map(|w| {
            let (a, b) = (&cands[w[0]], &cands[w[1]]);
            (b.sub.is_none() && b.number > a.number + 1).then(|| {
                Warning::new(
                    "numbering_gap",
                    format!(
                        "numbering jumps from {} to {}: {} missing",
                        a.number,
                        b.number,
                        b.number - a.number - 1
                    ),
                    Some(label(body, b)),
                )
            })
        })
        .collect()
}

/// Markers at the start of a paragraph that the running sequence did not take: a duplicate or a
/// number out of order, which a reader should check.
pub(super) fn stray_warnings(
    body: &str,
    cands: &[Candidate],
    accepted: &[usize],
    mode: Mode,
    span: (usize, usize),
) -> Vec<Warning> {
    let top_kinds: &[Kind] = match mode {
        Mode::Law => &[Kind::Article, Kind::Chapter, Kind::Section],
        Mode::Policy => &[Kind::Division],
    };
    let numbers: std::collections::HashSet<(Kind, (u32, u32))> = accepted
        .iter()
        .map(|&i| (cands[i].kind, cands[i].key()))
        .collect();
    // `accepted` is sorted: a binary search keeps this linear in the candidates.
    (0..cands.len())
        .filter(|i| accepted.binary_search(i).is_err())
        .map(|i| &cands[i])
        .filter(|c| {
            top_kinds.contains(&c.kind)
                && c.position == Position::Start
                && c.reference == Reference::No
                && c.start >= span.0
                && c.start < span.1
        })
        .map(|c| {
            let code = if numbers.contains(&(c.kind, c.key())) {
                "duplicate_number"
            } else {
                "out_of_sequence"
            };
            Warning::new(
                code,
                "a marker at the start of a paragraph does not continue the numbering; kept as text",
                Some(label(body, c)),
            )
        })
        .collect()
}
