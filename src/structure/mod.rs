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

use crate::layout::Para;
use crate::lines::{
    bare_label, has_source_line, is_bracketed_note, is_closing_line, is_title_like, is_whole_title,
};
use crate::model::{Kind, Node, Warning};
use crate::text::{ends_with_stop, width_at_most};
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
    /// How many of the preamble's first lines are the title, where Markdown says so (see
    /// `markdown_title`); `None` leaves it to [`crate::meta`].
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

/// A prose paragraph: a sentence of some length.
fn is_prose(text: &str) -> bool {
    ends_with_stop(text) && !width_at_most(text, 59)
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
    // The entries of a table of contents are no headings: the body repeats them.
    let contents = contents_paras(paras);
    if !contents.is_empty() {
        cands.retain(|c| {
            let para = para_starts.partition_point(|&s| s <= c.start) - 1;
            contents.binary_search(&para).is_err()
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
        title_lines: markdown_title(paras),
    }
}

/// A Markdown heading is one line: where the text opens with one that no heading of the same
/// level continues, it is the whole title, and the lines under it (a subtitle `## 某某诉某某案`,
/// a section `## 基本案情`, the series `消费者权益保护典型案例`) are not.
fn markdown_title(paras: &[Para]) -> Option<usize> {
    let level = paras.first()?.md_level;
    let continued = paras.get(1).is_some_and(|p| p.md_level == level);
    (level > 0 && !continued).then_some(1)
}

/// A document without numbering: all of it is preamble.
fn unstructured(paras: &[Para]) -> Structured {
    let text = crate::layout::join(paras);
    Structured {
        preamble: (!text.is_empty()).then_some(text),
        title_lines: markdown_title(paras),
        ..Default::default()
    }
}

/// Evidence from a candidate's surroundings, beyond its position:
/// - an inline candidate right after another unit's heading (`第一章总则第一条…`), or after a
///   sentence and a short heading without a number (`…奖励。 规划管理第七条…`), stands where a
///   line break was lost, not in a sentence;
/// - a 编/章/节 label that starts a short line of its own (`第二章 规划建设`), or whose short
///   title runs up to the next unit (`第二章规划建设第七条…`), is a heading even when the
///   numbering around it is incomplete.
fn context_flags(body: &str, cands: &[Candidate]) -> Vec<bool> {
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
    let idx: Vec<usize> = (0..cands.len())
        .filter(|&i| cands[i].kind == kind && cands[i].start >= span.0 && cands[i].start < span.1)
        .filter(|i| !taken.contains(i))
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
fn choose_top(body: &str, cands: &[Candidate], context: &[bool]) -> (Mode, Vec<usize>) {
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

/// The paragraphs that are entries of a table of contents, in order: those that end in a leader
/// and a page number ([`crate::lines::is_contents_entry`]), and the headings on lines of their
/// own right under a `目录` line, up to the first paragraph that is not one, or that is the
/// first entry again (the body's first heading, where the table has no page numbers).
fn contents_paras(paras: &[Para]) -> Vec<usize> {
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

/// The 编 / 分编 / 章 / 节 headings of a document without articles, top-down: each level a
/// running sequence of labels that start a paragraph and cite nothing, numbered again under
/// each heading of the level above. Fewer than two chapters, sections or parts in all make no
/// structure. A heading with no paragraph of its own before the next heading of its level or
/// above (an entry of a 目录) is not one.
fn policy_chapters(body: &str, cands: &[Candidate], context: &[bool]) -> Vec<usize> {
    let structural: Vec<usize> = (0..cands.len())
        .filter(|&i| {
            let c = &cands[i];
            c.kind.is_structural() && c.position == Position::Start && c.reference == Reference::No
        })
        .collect();
    if structural.len() < 2 {
        return Vec::new();
    }
    let heading_starts: Vec<usize> = structural.iter().map(|&i| cands[i].start).collect();
    let holds_text = |c: &Candidate| {
        let level = rank(c.kind, Mode::Law);
        let next = structural
            .iter()
            .map(|&j| &cands[j])
            .find(|p| p.start > c.start && rank(p.kind, Mode::Law) <= level)
            .map_or(body.len(), |p| p.start);
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

/// 编 / 分编 / 章 / 节, top-down. A heading that no article follows before the next heading of
/// its level (an entry of a 目录) is not part of the body.
fn accept_structural(cands: &[Candidate], context: &[bool], accepted: &mut Vec<usize>) {
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
fn unnumbered_headings(
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
const GROUP_RANK: u8 = 45;

/// In a law, `一、` `二、` on short lines of their own, each followed by an article, group the
/// articles like chapters (judicial interpretations use them so).
fn accept_groups(body: &str, cands: &[Candidate], articles: &[usize]) -> Vec<usize> {
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
fn accept_lower(
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
/// `本办法自…起施行。`) holds it.
fn body_end(paras: &[Para], para_starts: &[usize], tops: (usize, usize), mode: Mode) -> BodyEnd {
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
            && enacts_document(&paras[i].text)
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
struct BodyEnd {
    body: usize,
    closing: usize,
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
fn split_after_body(rest: &[Para]) -> (Option<String>, Vec<Para>) {
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

/// The accepted chains, family by family.
fn families(cands: &[Candidate], accepted: &[usize]) -> Vec<(Kind, Vec<usize>)> {
    let mut out: Vec<(Kind, Vec<usize>)> = Vec::new();
    for &i in accepted {
        match out.iter_mut().find(|(k, _)| *k == cands[i].kind) {
            Some((_, v)) => v.push(i),
            None => out.push((cands[i].kind, vec![i])),
        }
    }
    out
}

/// The marker as written, for a warning's location.
fn label(body: &str, c: &Candidate) -> String {
    body[c.start..c.end()]
        .trim_matches(crate::normalise::is_space)
        .to_string()
}

/// Numbering gaps in the top families (articles, chapters, divisions).
fn gap_warnings(body: &str, cands: &[Candidate], chain: &[usize], kind: Kind) -> Vec<Warning> {
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
fn stray_warnings(
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
