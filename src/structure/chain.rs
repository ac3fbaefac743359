//! The running sequence of numbers: of all candidates of one family, which form the document's
//! numbering? After 第五十九条 the next article is 第六十条, not the 第三十四条 quoted in a
//! sentence. A dynamic programme picks the chain of candidates with the best total evidence,
//! where each step must continue the sequence (n → n+1, n → n之一, or a restart at 1 where the
//! parent changed) and gaps cost more than they gain.

use super::candidates::{Candidate, Position, Reference};
use crate::model::Kind;

/// How far back (in candidates of the same family) a predecessor is looked for.
const WINDOW: usize = 400;

/// Evidence that a candidate is a heading, by where it stands.
fn position_score(c: &Candidate, context: bool) -> Option<i32> {
    let base = match c.position {
        // A heading on a line of its own.
        Position::Start if context => 10,
        Position::Start => 6,
        // A heading whose title runs into the next unit.
        Position::AfterStop | Position::AfterSpace if context => 8,
        Position::AfterStop => 4,
        Position::AfterSpace => 3,
        Position::Inline if context => 3,
        // Glued to what precedes it but set off from its text by a space (a header that ran
        // into the first article when line breaks were lost): weak evidence.
        Position::Inline if c.spaced_after => 1,
        // The first article glued to a header that ran into it (`…施行第一条为了…`, a
        // single-line export): no evidence of its own, but a chain may start with it, and
        // takes it only when 第二条 follows as it should.
        Position::Inline if c.kind == Kind::Article && c.key() == (1, 0) => 0,
        Position::Inline => return None,
    };
    match c.reference {
        Reference::No => Some(base),
        Reference::Soft if c.position >= Position::AfterStop => Some(1),
        _ => None,
    }
}

/// How `next` continues `prev`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// n → n+1, or n → n之一 → n之二.
    Next,
    /// n → n+k, k > 1: a gap (or a block of 之 articles missing).
    Gap(u32),
    /// A new parent began: numbering starts again at 1.
    Restart,
}

fn step(prev: &Candidate, next: &Candidate, restart_ok: impl FnOnce() -> bool) -> Option<Step> {
    let (pn, ps) = prev.key();
    let (nn, ns) = next.key();
    if nn == pn && ns == ps + 1 {
        return Some(Step::Next);
    }
    if ns == 0 && nn == pn + 1 {
        return Some(Step::Next);
    }
    // Asked last, and only of a 1: whether a parent began in between is the costly question.
    if nn == 1 && ns == 0 && restart_ok() {
        return Some(Step::Restart);
    }
    // A label on a line of its own may jump far (an excerpt: 第二条 … 第十三条 … 第四百六十三条);
    // elsewhere only a short jump is believable.
    let reach = if line_start(next) { 2000 } else { 50 };
    if nn > pn && nn <= pn + reach && (ns == 0 || ns == 1) {
        return Some(Step::Gap(nn - pn - 1));
    }
    None
}

/// At the start of a paragraph, with nothing around it that reads like a citation: the best
/// evidence a label can have, short of the numbering itself.
fn line_start(c: &Candidate) -> bool {
    c.position == Position::Start && c.reference == Reference::No
}

/// Picks the chain among `cands` (one family, in document order). `context[i]` says that
/// candidate `i` stands right after another unit's heading; `restart(a, b)` says that numbering
/// may start again at 1 between candidates `a` and `b`. Returns the indices of the chain.
pub fn best_chain(
    cands: &[&Candidate],
    context: &[bool],
    restart: impl Fn(&Candidate, &Candidate) -> bool,
) -> Vec<usize> {
    let n = cands.len();
    let mut best: Vec<Option<i32>> = vec![None; n];
    let mut from: Vec<Option<usize>> = vec![None; n];
    for j in 0..n {
        let Some(Entry {
            own,
            exact_only,
            start: mut score,
        }) = entry(cands[j], context[j])
        else {
            continue;
        };
        // The best predecessor: the highest total, the earliest of equal ones. Walked from the
        // nearest back, as the nearest usually scores best (a chain's score grows along it):
        // then a predecessor that could not reach that total even at no cost is passed over
        // on its score alone, without asking how it would step to this candidate (whether a
        // parent began in between is the costly question). Nor is one asked that could not
        // beat starting a chain here.
        let mut found: Option<(i32, usize)> = None;
        for i in (j.saturating_sub(WINDOW)..j).rev() {
            let Some(prev_score) = best[i] else { continue };
            let reach = prev_score + own;
            if found.is_some_and(|(b, _)| reach < b) || score.is_some_and(|s| reach <= s) {
                continue;
            }
            let Some(cost) = step(cands[i], cands[j], || restart(cands[i], cands[j]))
                .and_then(|s| step_cost(s, exact_only, cands[j]))
            else {
                continue;
            };
            let total = reach - cost;
            if found.is_none_or(|(b, _)| total >= b) {
                found = Some((total, i));
            }
        }
        let mut pred = None;
        if let Some((total, i)) = found {
            if score.is_none_or(|s| total > s) {
                score = Some(total);
                pred = Some(i);
            }
        }
        best[j] = score;
        from[j] = pred;
    }
    trace(&best, &from)
}

/// What a candidate brings to a chain.
struct Entry {
    /// Its evidence of being a heading.
    own: i32,
    /// No gap may lead to it, and a chain starts with it only at 1: it stands inside a line,
    /// or its context reads like a reference.
    exact_only: bool,
    /// The score of a chain that starts with it, if one may.
    start: Option<i32>,
}

fn entry(c: &Candidate, context: bool) -> Option<Entry> {
    let own = position_score(c, context)?;
    let exact_only = c.position < Position::AfterStop || c.reference != Reference::No;
    // Starting a chain: at 1 for free, elsewhere (a page that starts mid-document) at a cost.
    let start = if c.key() == (1, 0) {
        Some(own)
    } else if !exact_only {
        Some(own - 8)
    } else {
        None
    };
    Some(Entry {
        own,
        exact_only,
        start,
    })
}

/// What a step to `next` costs; `None` where it may not be taken.
fn step_cost(s: Step, exact_only: bool, next: &Candidate) -> Option<i32> {
    Some(match s {
        Step::Next | Step::Restart => 0,
        Step::Gap(_) if exact_only => return None,
        // Missing numbers cost less before a label on a line of its own: what is missing is
        // more likely text lost than a citation taken for a heading.
        Step::Gap(k) if line_start(next) => 2 + (k.min(40) / 10) as i32,
        Step::Gap(k) => 3 + k.min(20) as i32,
    })
}

/// The chain that ends at the best positive score (the earliest of equal ones), followed back
/// through each candidate's predecessor.
fn trace(best: &[Option<i32>], from: &[Option<usize>]) -> Vec<usize> {
    let Some(mut end) = (0..best.len())
        .filter(|&j| best[j].is_some_and(|s| s > 0))
        .max_by_key(|&j| (best[j], std::cmp::Reverse(j)))
    else {
        return Vec::new();
    };
    let mut chain = vec![end];
    while let Some(p) = from[end] {
        chain.push(p);
        end = p;
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn cand(number: u32, position: Position, reference: Reference) -> Candidate {
        Candidate {
            kind: Kind::Article,
            number,
            sub: None,
            start: 0,
            len: 0,
            position,
            reference,
            spaced_after: false,
        }
    }

    fn chain_numbers(cands: &[Candidate]) -> Vec<u32> {
        let refs: Vec<&Candidate> = cands.iter().collect();
        let flags = vec![false; refs.len()];
        best_chain(&refs, &flags, |_, _| false)
            .into_iter()
            .map(|i| cands[i].number)
            .collect()
    }

    #[test]
    fn a_quoted_number_out_of_sequence_is_not_a_heading() {
        use Position::*;
        let cands = [
            cand(58, Start, Reference::No),
            cand(59, Start, Reference::No),
            cand(34, Start, Reference::No), // a wrapped line starting with a reference
            cand(60, Start, Reference::No),
        ];
        assert_eq!(chain_numbers(&cands), [58, 59, 60]);
    }

    #[test]
    fn a_page_may_start_mid_document() {
        use Position::*;
        let cands: Vec<_> = (8..=12).map(|n| cand(n, Start, Reference::No)).collect();
        assert_eq!(chain_numbers(&cands), [8, 9, 10, 11, 12]);
    }

    #[test]
    fn a_gap_is_bridged_when_the_run_continues() {
        use Position::*;
        let cands: Vec<_> = [1, 2, 3, 5, 6, 7]
            .into_iter()
            .map(|n| cand(n, Start, Reference::No))
            .collect();
        assert_eq!(chain_numbers(&cands), [1, 2, 3, 5, 6, 7]);
    }

    #[test]
    fn the_better_of_two_equal_numbers_wins() {
        use Position::*;
        // 第二十条 quoted inline right after 第十九条, then the real one after a sentence end.
        let cands = [
            cand(19, Start, Reference::No),
            cand(20, AfterSpace, Reference::No),
            cand(20, AfterStop, Reference::No),
            cand(21, AfterStop, Reference::No),
        ];
        let refs: Vec<&Candidate> = cands.iter().collect();
        let chain = best_chain(&refs, &[false; 4], |_, _| false);
        assert_eq!(chain, [0, 2, 3]);
    }

    /// The dynamic programme as first written: every predecessor in the window asked, in order,
    /// the first of the best kept.
    fn best_chain_asking_all(
        cands: &[&Candidate],
        context: &[bool],
        restart: impl Fn(&Candidate, &Candidate) -> bool,
    ) -> Vec<usize> {
        let n = cands.len();
        let mut best: Vec<Option<i32>> = vec![None; n];
        let mut from: Vec<Option<usize>> = vec![None; n];
        for j in 0..n {
            let Some(Entry {
                own,
                exact_only,
                start: mut score,
            }) = entry(cands[j], context[j])
            else {
                continue;
            };
            let mut pred = None;
            for i in j.saturating_sub(WINDOW)..j {
                let Some(prev_score) = best[i] else { continue };
                let Some(cost) = step(cands[i], cands[j], || restart(cands[i], cands[j]))
                    .and_then(|s| step_cost(s, exact_only, cands[j]))
                else {
                    continue;
                };
                let total = prev_score + own - cost;
                if score.is_none_or(|b| total > b) {
                    score = Some(total);
                    pred = Some(i);
                }
            }
            best[j] = score;
            from[j] = pred;
        }
        trace(&best, &from)
    }

    fn arbitrary_candidate() -> impl proptest::strategy::Strategy<Value = (Candidate, bool)> {
        use proptest::prelude::*;
        let position = prop_oneof![
            Just(Position::Start),
            Just(Position::AfterStop),
            Just(Position::AfterSpace),
            Just(Position::Inline),
        ];
        let reference = prop_oneof![
            Just(Reference::No),
            Just(Reference::Soft),
            Just(Reference::Hard)
        ];
        (
            1u32..12,
            prop::option::weighted(0.1, 1u32..3),
            position,
            reference,
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(
                |(number, sub, position, reference, spaced_after, context)| {
                    let c = Candidate {
                        kind: Kind::Item,
                        number,
                        sub,
                        start: 0,
                        len: 0,
                        position,
                        reference,
                        spaced_after,
                    };
                    (c, context)
                },
            )
    }

    proptest::proptest! {
        /// Passing over predecessors that cannot win, nearest first, picks the chain that asking
        /// every predecessor picks: the same best totals, the same earliest of equal ones.
        #[test]
        fn the_pruned_walk_picks_the_chain_the_full_walk_picks(
            cands in proptest::collection::vec(arbitrary_candidate(), 0..120),
            parents in proptest::collection::vec(0usize..1200, 0..8),
        ) {
            let flags: Vec<bool> = cands.iter().map(|&(_, context)| context).collect();
            let cands: Vec<Candidate> = cands
                .into_iter()
                .enumerate()
                .map(|(i, (mut c, _))| {
                    c.start = 10 * i;
                    c
                })
                .collect();
            let refs: Vec<&Candidate> = cands.iter().collect();
            // A parent begins at each of `parents` (a byte offset).
            let restart =
                |a: &Candidate, b: &Candidate| parents.iter().any(|&p| a.start < p && p < b.start);
            proptest::prop_assert_eq!(
                best_chain(&refs, &flags, restart),
                best_chain_asking_all(&refs, &flags, restart)
            );
        }
    }

    #[test]
    fn soft_references_only_continue_the_sequence() {
        use Position::*;
        let cands = [
            cand(7, Start, Reference::No),
            cand(8, Start, Reference::Soft), // 第八条规定本市… in a text without spaces
            cand(9, Start, Reference::No),
            cand(40, Start, Reference::Soft),
        ];
        assert_eq!(chain_numbers(&cands), [7, 8, 9]);
    }
}
