//! Which candidates are the document's units: the top family and its mode (law or policy),
//! then the 编/章/节 headings, groups and lower levels under it, each a running sequence, with
//! the evidence of a candidate's surroundings.

use super::candidates::{Candidate, Position, Reference};
use super::{build, chain, rank, Mode};
use crate::lines::{is_bracketed_note, is_title_like};
use crate::model::Kind;
use crate::text::ends_with_stop;

/// Evidence from a candidate's surroundings, beyond its position:
/// - an inline candidate right after another unit's heading (`第一章总则第一条…`), or after a
///   sentence and a short heading without a number (`…奖励。 规划管理第七条…`), stands where a
///   line break was lost, not in a sentence;
/// - a 编/章/节 label that starts a short line of its own (`第二章 规划建设`), or whose short
///   title runs up to the next unit (`第二章规划建设第七条…`), is a heading even when the
///   numbering around it is incomplete.
pub(super) fn context_flags(body: &str, cands: &[Candidate]) -> Vec<bool> {
    (0..cands.len())
        .map(|i| {
            let c = &cands[i];
            if c.kind.is_structural() && c.reference == Reference::No {
                if c.position == Position::Start {
                    let line = body[c.end()..].split('\n').next().unwrap_or("");
                    return is_title_like(line.trim_matches(crate::normalise::is_space));
                }
                // Inline too: a single-line export with labels glued to their text runs a
                // header into its first heading (`…施行第一章总则第一条为了…`).
                if cands.get(i + 1).is_some_and(|n| heads(body, c, n)) {
                    return true;
                }
            }
            if c.kind == Kind::Article
                && c.position == Position::Inline
                && c.reference == Reference::No
                && after_run_in_heading(&body[..c.start])
            {
                return true;
            }
            if i == 0 || c.position != Position::Inline {
                return false;
            }
            let p = &cands[i - 1];
            let between = &body[p.end()..c.start];
            p.position >= Position::AfterSpace
                && p.reference == Reference::No
                && p.kind != c.kind
                && between.chars().count() <= 40
                && !between.contains('\n')
                && !between.chars().any(crate::text::is_stop)
        })
        .collect()
}

/// Room for a run-in heading of 20 characters (or a bracketed note) and the spaces around it.
const RUN_IN_BYTES: usize = 128;

/// `before` (the text up to an article's label) ends with a sentence and then a short heading
/// without a number, or a bracketed note, that the label is glued to: `…予以表彰。 规划管理第七条…`,
/// `…（2010年12月23日删除）第十九条…`, where a single-line export lost the breaks around a
/// heading.
fn after_run_in_heading(before: &str) -> bool {
    // Looked for in the last few characters only: this is asked of every inline article label,
    // and a text may run on for megabytes without a stop.
    let from = crate::text::window_start(before, before.len(), RUN_IN_BYTES);
    let tail = &before[from..];
    let cut = match tail
        .char_indices()
        .rev()
        .find(|&(_, ch)| crate::text::is_stop(ch) || ch == '\n')
    {
        Some((i, ch)) => i + ch.len_utf8(),
        None if from == 0 => 0,
        None => return false,
    };
    let run = tail[cut..].trim_matches(crate::normalise::is_space);
    let heading = || {
        run.chars().count() <= 20
            && run
                .chars()
                .all(|ch| crate::text::is_han(ch) || crate::normalise::is_space(ch) || ch == '、')
    };
    !run.is_empty() && (heading() || is_bracketed_note(run))
}

/// `c` is a heading whose title runs up to the unit `next` (`第二章 规划建设第七条…` once line
/// breaks are lost): the text between them is short and ends no sentence.
fn heads(body: &str, c: &Candidate, next: &Candidate) -> bool {
    let between = body[c.end()..next.start].trim_matches(crate::normalise::is_space);
    next.reference == Reference::No
        && next.kind != c.kind
        && !between.is_empty()
        && !between.contains('\n')
        && is_title_like(between)
}

fn chain_of(
    cands: &[Candidate],
    taken: &[usize],
    context: &[bool],
    kind: Kind,
    span: (usize, usize),
    restart: impl Fn(&Candidate, &Candidate) -> bool,
) -> Vec<usize> {
    // A mask, not `taken.contains`: an outline of thousands of items takes thousands.
    let mut is_taken = vec![false; cands.len()];
    for &i in taken {
        is_taken[i] = true;
    }
    let idx: Vec<usize> = (0..cands.len())
        .filter(|&i| cands[i].kind == kind && cands[i].start >= span.0 && cands[i].start < span.1)
        .filter(|&i| !is_taken[i])
        .collect();
    let refs: Vec<&Candidate> = idx.iter().map(|&i| &cands[i]).collect();
    let flags: Vec<bool> = idx.iter().map(|&i| context[i]).collect();
    chain::best_chain(&refs, &flags, restart)
        .into_iter()
        .map(|k| idx[k])
        .collect()
}

/// Law or policy, and the top-level units: articles if there is a running sequence of them;
/// else the 编 / 章 / 节 of a policy document in chapters (a 纲要, a 规划) with the first GB/T 9704
/// level that has a running sequence, numbered again in each chapter; else that level alone.
pub(super) fn choose_top(body: &str, cands: &[Candidate], context: &[bool]) -> (Mode, Vec<usize>) {
    let all = (0, usize::MAX);
    let articles = chain_of(cands, &[], context, Kind::Article, all, |_, _| false);
    let strong = articles
        .iter()
        .filter(|&&i| cands[i].position >= Position::AfterStop)
        .count();
    if articles.len() >= 2 && strong >= 1 || articles.len() == 1 && strong == 1 {
        return (Mode::Law, articles);
    }
    let chapters = policy_chapters(body, cands, context);
    let chapter_starts: Vec<usize> = chapters.iter().map(|&i| cands[i].start).collect();
    let in_new_chapter =
        |a: &Candidate, b: &Candidate| any_between(&chapter_starts, a.start, b.start);
    for kind in [Kind::Division, Kind::Item, Kind::Subitem] {
        let mut chain = chain_of(cands, &[], context, kind, all, in_new_chapter);
        if chain.len() >= 2 {
            chain.extend(&chapters);
            chain.sort_unstable();
            return (Mode::Policy, chain);
        }
    }
    if chapters.len() >= 2 {
        return (Mode::Policy, chapters);
    }
    (Mode::Policy, Vec::new())
}

/// The 编 / 分编 / 章 / 节 headings of a document without articles, top-down: each level a
/// running sequence of labels that start a paragraph (or stand where a single line lost the
/// break before them, below) and cite nothing, numbered again under each heading of the level
/// above. Fewer than two chapters, sections or parts in all make no structure. A heading with
/// no text of its own before the next heading of its level or above (an entry of a 目录) is
/// not one.
fn policy_chapters(body: &str, cands: &[Candidate], context: &[bool]) -> Vec<usize> {
    // On a line of its own, or inside one (a single-line export) where the evidence of
    // [`context_flags`] says a line break was lost around it (its short title runs up to the
    // unit under it, `…精准施策。 第二部分 主要任务一、完善…`; it follows another heading's
    // title, `第一章 发展环境第一节 …`), or after a space or a sentence end with a short title
    // that a space ends (`第三部分 组织实施 各地区…`).
    let structural: Vec<usize> = (0..cands.len())
        .filter(|&i| {
            let c = &cands[i];
            let placed = c.position == Position::Start
                || context[i]
                || c.position >= Position::AfterSpace
                    && spaced_title_end(&body[c.end()..]).is_some();
            c.kind.is_structural() && placed && c.reference == Reference::No
        })
        .collect();
    if structural.len() < 2 {
        return Vec::new();
    }
    let heading_starts: Vec<usize> = structural.iter().map(|&i| cands[i].start).collect();
    let holds_text = |c: &Candidate| {
        let level = rank(c.kind, Mode::Law);
        // Both lists are in text order: the search for what follows `c` starts right after it
        // (a scan from the top would make a file of headings take the square of its length).
        let after = structural.partition_point(|&j| cands[j].start <= c.start);
        let next = structural[after..]
            .iter()
            .map(|&j| &cands[j])
            .find(|p| rank(p.kind, Mode::Law) <= level)
            .map_or(body.len(), |p| p.start);
        if c.position != Position::Start {
            // Its title ends where the unit under it begins, or at the space after it.
            let under = cands.partition_point(|p| p.start <= c.start);
            let title_end = match cands.get(under) {
                Some(under) if under.start < next => under.start,
                _ => spaced_title_end(&body[c.end()..]).map_or(next, |end| c.end() + end),
            };
            return !body[title_end.min(next)..next]
                .trim_matches(crate::normalise::is_space)
                .is_empty();
        }
        // The lines after the heading's own, up to the next peer: one that is no heading.
        let Some(own_line) = body[c.end()..next].find('\n') else {
            return false;
        };
        let mut at = c.end() + own_line + 1;
        body[at..next].split('\n').any(|line| {
            let text = !line.trim_matches(crate::normalise::is_space).is_empty()
                && heading_starts.binary_search(&at).is_err();
            at += line.len() + 1;
            text
        })
    };
    let mut accepted: Vec<usize> = Vec::new();
    heading_levels(cands, context, &mut accepted, |c| {
        heading_starts.binary_search(&c.start).is_ok() && holds_text(c)
    });
    if accepted.len() < 2 {
        return Vec::new();
    }
    accepted.sort_unstable();
    accepted
}

/// Where the short title that opens `after` (the text after a heading's label inside a line)
/// ends, at a space, where the line break after it was: `第三部分 组织实施 各地区…`.
fn spaced_title_end(after: &str) -> Option<usize> {
    let words = after.trim_start_matches(crate::normalise::is_space);
    build::spaced_title(words).map(|end| after.len() - words.len() + end)
}

/// 编 / 分编 / 章 / 节, top-down. A heading that no article follows before the next heading of
/// its level (an entry of a 目录) is not part of the body.
pub(super) fn accept_structural(cands: &[Candidate], context: &[bool], accepted: &mut Vec<usize>) {
    let article_starts: Vec<usize> = accepted.iter().map(|&i| cands[i].start).collect();
    let last_article = *article_starts.last().unwrap_or(&0);
    let holds_articles = |c: &Candidate| {
        let level = rank(c.kind, Mode::Law);
        // Candidates of this level or above, in order: a heading's span ends at the next one.
        let next = cands
            .iter()
            .filter(|p| p.kind.is_structural() && rank(p.kind, Mode::Law) <= level)
            .filter(|p| p.reference != Reference::Hard && p.position >= Position::AfterSpace)
            .map(|p| p.start)
            .find(|&s| s > c.start)
            .unwrap_or(usize::MAX);
        let k = article_starts.partition_point(|&s| s <= c.start);
        article_starts.get(k).is_some_and(|&s| s < next)
    };
    heading_levels(cands, context, accepted, |c| {
        c.start < last_article && holds_articles(c)
    });
}

/// Running sequences of 编, 分编, 章 and 节, top-down, among the candidates `qualifies` lets
/// through, each level numbering again under every heading of the levels above (those in
/// `accepted`, where the chosen ones are added).
fn heading_levels(
    cands: &[Candidate],
    context: &[bool],
    accepted: &mut Vec<usize>,
    qualifies: impl Fn(&Candidate) -> bool,
) {
    for kind in [Kind::Part, Kind::Subpart, Kind::Chapter, Kind::Section] {
        let level = rank(kind, Mode::Law);
        let mut higher: Vec<usize> = accepted
            .iter()
            .filter(|&&i| cands[i].kind.is_structural() && rank(cands[i].kind, Mode::Law) < level)
            .map(|&i| cands[i].start)
            .collect();
        higher.sort_unstable();
        let restart = |a: &Candidate, b: &Candidate| any_between(&higher, a.start, b.start);
        let idx: Vec<usize> = (0..cands.len())
            .filter(|&i| cands[i].kind == kind && qualifies(&cands[i]))
            .collect();
        let refs: Vec<&Candidate> = idx.iter().map(|&i| &cands[i]).collect();
        let flags: Vec<bool> = idx.iter().map(|&i| context[i]).collect();
        let chain = chain::best_chain(&refs, &flags, restart);
        accepted.extend(chain.into_iter().map(|k| idx[k]));
    }
}

/// The chapter names of Chinese legislative drafting that a text may give without a number
/// (`附 则` on a line of its own where the other chapters are numbered). Other short lines
/// between articles are kept as text: without a number, nothing tells a lost chapter title
/// from a line of the article.
const UNNUMBERED_HEADINGS: &[&str] = &["总则", "分则", "附则", "罚则", "法律责任"];

/// Headings without a number between the articles of a law: one of [`UNNUMBERED_HEADINGS`] on a
/// paragraph of its own, after a paragraph that ends a sentence and right before an article.
/// They stand at the level of the law's chapters (or of its sections, when it has sections but
/// no chapters), as zero-length markers.
pub(super) fn unnumbered_headings(
    body: &str,
    para_starts: &[usize],
    cands: &[Candidate],
    accepted: &[usize],
    span: (usize, usize),
) -> Vec<Candidate> {
    let starts: Vec<usize> = accepted.iter().map(|&i| cands[i].start).collect();
    let article_starts: Vec<usize> = accepted
        .iter()
        .filter(|&&i| cands[i].kind == Kind::Article)
        .map(|&i| cands[i].start)
        .collect();
    let has = |k: Kind| accepted.iter().any(|&i| cands[i].kind == k);
    let kind = if !has(Kind::Chapter) && has(Kind::Section) {
        Kind::Section
    } else {
        Kind::Chapter
    };
    let mut out = Vec::new();
    for w in para_starts.windows(2) {
        let (start, next) = (w[0], w[1]);
        if start <= span.0 || next >= span.1 || starts.binary_search(&start).is_ok() {
            continue;
        }
        let text = body[start..next - 1].trim_matches(crate::normalise::is_space);
        let before = body[..start - 1].trim_end_matches(crate::normalise::is_space);
        // Compared without collecting: this looks at every paragraph that has no marker.
        let name = || text.chars().filter(|c| !c.is_whitespace());
        if UNNUMBERED_HEADINGS.iter().any(|h| name().eq(h.chars()))
            && ends_with_stop(before)
            && article_starts.binary_search(&next).is_ok()
            // No marker inside the paragraph (`starts` is sorted, as `accepted` is).
            && starts.partition_point(|&s| s <= start) == starts.partition_point(|&s| s < next)
        {
            out.push(Candidate {
                kind,
                number: 0,
                sub: None,
                start,
                len: 0,
                position: Position::Start,
                reference: Reference::No,
                spaced_after: false,
            });
        }
    }
    out
}

/// Whether a sorted list of offsets holds one strictly between `a` and `b`.
fn any_between(sorted: &[usize], a: usize, b: usize) -> bool {
    sorted.partition_point(|&s| s <= a) < sorted.partition_point(|&s| s < b)
}

/// Rank of a group heading: below 节, above 条.
pub(super) const GROUP_RANK: u8 = 45;

/// In a law, `一、` `二、` on short lines of their own, each followed by an article, group the
/// articles like chapters (judicial interpretations use them so).
pub(super) fn accept_groups(body: &str, cands: &[Candidate], articles: &[usize]) -> Vec<usize> {
    let article_starts: Vec<usize> = articles.iter().map(|&i| cands[i].start).collect();
    let idx: Vec<usize> = (0..cands.len())
        .filter(|&i| {
            let c = &cands[i];
            if c.kind != Kind::Division
                || c.position < Position::AfterSpace
                || c.reference != Reference::No
            {
                return false;
            }
            let line_end = body[c.end()..]
                .find('\n')
                .map_or(body.len(), |k| c.end() + k);
            let line = body[c.end()..line_end].trim_matches(crate::normalise::is_space);
            let own_line = is_title_like(line) && article_starts.contains(&(line_end + 1));
            // Once line breaks are lost: `…利益。 二、职责分工第三条…`.
            let next_article = articles
                .iter()
                .map(|&a| &cands[a])
                .find(|a| a.start > c.start);
            own_line || next_article.is_some_and(|a| heads(body, c, a))
        })
        .collect();
    let refs: Vec<&Candidate> = idx.iter().map(|&i| &cands[i]).collect();
    let flags = vec![true; idx.len()];
    chain::best_chain(&refs, &flags, |_, _| false)
        .into_iter()
        .map(|k| idx[k])
        .collect()
}

/// The levels below the top, each within the body, restarting at 1 under a new parent.
pub(super) fn accept_lower(
    body: &str,
    cands: &[Candidate],
    context: &[bool],
    mode: Mode,
    span: (usize, usize),
    accepted: &mut Vec<usize>,
) {
    let top_rank = accepted
        .iter()
        .map(|&i| rank(cands[i].kind, mode))
        .filter(|&r| r >= rank(Kind::Article, mode))
        .min()
        .unwrap_or(rank(Kind::Article, mode));
    for kind in [
        Kind::Division,
        Kind::Item,
        Kind::Subitem,
        Kind::Point,
        Kind::Circled,
    ] {
        let level = rank(kind, mode);
        if level <= top_rank {
            continue;
        }
        let mut parents: Vec<usize> = accepted
            .iter()
            .filter(|&&i| rank(cands[i].kind, mode) < level)
            .map(|&i| cands[i].start)
            .collect();
        parents.sort_unstable();
        // Where line breaks were lost, an article's second list starts again after a lead-in
        // sentence of its own (`…的。被责令候查人员应当遵守以下规定：（一）`).
        let restart = |a: &Candidate, b: &Candidate| {
            b.position == Position::Start
                || any_between(&parents, a.start, b.start)
                || mode == Mode::Law && build::lead_in_start(&body[a.end()..b.start]).is_some()
        };
        let chain = chain_of(cands, accepted, context, kind, span, restart);
        accepted.extend(without_lone_inline_lists(cands, chain));
    }
}

/// A list of one, glued inside a sentence, is a numeral in a word: `精简、统一、效能`,
/// `附录一、附录二`. A list is numbered from 1 up; each 1 of the chain begins one.
fn without_lone_inline_lists(cands: &[Candidate], chain: Vec<usize>) -> Vec<usize> {
    let starts: Vec<usize> = (0..chain.len())
        .filter(|&k| k == 0 || cands[chain[k]].key() == (1, 0))
        .chain([chain.len()])
        .collect();
    starts
        .windows(2)
        .filter(|w| !(w[1] - w[0] == 1 && cands[chain[w[0]]].position == Position::Inline))
        .flat_map(|w| chain[w[0]..w[1]].iter().copied())
        .collect()
}

/// The accepted chains, family by family.
pub(super) fn families(cands: &[Candidate], accepted: &[usize]) -> Vec<(Kind, Vec<usize>)> {
    let mut out: Vec<(Kind, Vec<usize>)> = Vec::new();
    for &i in accepted {
        match out.iter_mut().find(|(k, _)| *k == cands[i].kind) {
            Some((_, v)) => v.push(i),
            None => out.push((cands[i].kind, vec![i])),
        }
    }
    out
}
