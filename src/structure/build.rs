//! Cuts a document body at its accepted markers and nests the pieces into [`Node`]s.
//!
//! Every non-white-space character of the body lands in exactly one place: the preamble, a
//! node's label, heading, heading_end or text. Ids are assigned later by [`crate::ids`].

use super::candidates::Candidate;
use super::{rank, Mode};
use crate::model::{Kind, Node};
use crate::normalise::is_space;
use crate::numbering::citation::Position;
use crate::text::{
    collapse_cjk_spaces, ends_sentence, ends_with_stop, is_closing, is_sentence_end,
};

/// Builds the preamble and the tree from `body` and its markers (in document order).
/// Each marker comes with its nesting rank (see [`super::rank`]).
pub fn assemble(
    body: &str,
    markers: &[(&Candidate, u8)],
    mode: Mode,
) -> (Option<String>, Vec<Node>) {
    let first = markers.first().map_or(body.len(), |(m, _)| m.start);
    let preamble = non_empty(body[..first].trim_matches(is_space));
    let mut tree = Tree {
        mode,
        closed: Vec::new(),
        stack: Vec::new(),
        prose_kinds: if mode == Mode::Policy {
            prose_kinds(body, markers)
        } else {
            Vec::new()
        },
    };
    for (k, &(m, r)) in markers.iter().enumerate() {
        let next = markers.get(k + 1).map(|&(n, _)| n);
        let end = next.map_or(body.len(), |n| n.start);
        tree.open(m, &body[m.start..m.end()], r);
        let segment = &body[m.end()..end];
        // A list that starts again inside the line (see `lead_in_start`): the lead-in is a
        // paragraph of the article, as it is where the line breaks were kept.
        let cut = next
            .filter(|n| mode == Mode::Law && restarts_in_line(m, n))
            .and_then(|_| lead_in_start(segment));
        match cut {
            Some(cut) => tree.content(&format!("{}\n{}", &segment[..cut], &segment[cut..])),
            None if m.kind == Kind::Article && m.position != Position::Start => {
                tree.content(&breaks_before_paragraph_openers(segment))
            }
            None => tree.content(segment),
        }
    }
    tree.close_to(0);
    (preamble, tree.closed.drain(..).collect())
}

/// An article's text whose line breaks were lost (its label inside a paragraph), with a line
/// break put back before each sentence that reads as the first of a 款 ([`opens_a_paragraph`]).
fn breaks_before_paragraph_openers(segment: &str) -> std::borrow::Cow<'_, str> {
    let mut out = String::new();
    let mut from = 0;
    for (k, stop) in segment.match_indices('。') {
        let end = k + stop.len();
        let end = segment.len() - segment[end..].trim_start_matches(is_closing).len();
        let next = segment[end..].trim_start_matches(is_space);
        let sentence = &next[..next.find('。').unwrap_or(next.len())];
        if !sentence.is_empty() && opens_a_paragraph(sentence) {
            out.push_str(&segment[from..end]);
            out.push('\n');
            from = end;
        }
    }
    if from == 0 {
        return segment.into();
    }
    out.push_str(&segment[from..]);
    out.into()
}

/// A sentence of a law that opens a 款 of its own far more often than it goes on one: one that
/// speaks of the text itself (`本条例所称…`, `本条规定的…`, `违反本法规定…`) or cites a paragraph
/// before it in its article (`前款`, `前两款`, `本条第一款`), which no 款 does of itself. Of such
/// sentences after a 。 in the laws of the corpus, 96% open a 款 (1,323 against 61). Not every
/// sentence: breaking at each 。 cuts more 款 of several sentences than it mends (on the
/// corpus's truth, 6,205 articles wrong against 5,480 without).
fn opens_a_paragraph(sentence: &str) -> bool {
    let own = sentence.strip_prefix("违反").unwrap_or(sentence);
    let speaks_of_itself = own.strip_prefix('本').is_some_and(|kind| {
        ["条", "章", "节"].iter().any(|w| kind.starts_with(w))
            || crate::lines::TITLE_ENDS.iter().any(|w| kind.starts_with(w))
    });
    let cites_earlier = sentence.match_indices('前').any(|(k, w)| {
        let rest = sentence[k + w.len()..].trim_start_matches(['两', '三', '四', '五']);
        rest.starts_with('款')
    }) || sentence.match_indices("本条第").any(|(k, w)| {
        let rest = &sentence[k + w.len()..];
        let rest = rest.trim_start_matches(crate::numbering::numerals::is_chinese_digit);
        rest.starts_with('款')
    });
    speaks_of_itself || cites_earlier
}

/// `next` numbers a list of `m`'s kind again from 1 inside a paragraph.
fn restarts_in_line(m: &Candidate, next: &Candidate) -> bool {
    next.kind == m.kind && next.key() == (1, 0) && next.position != Position::Start
}

/// Where a lead-in sentence begins at the end of `text`, the text between an item and the
/// next label: the words after the last sentence end up to a closing colon (`…更为适宜的。
/// 被责令候查人员应当遵守以下规定：`). Where a single-line text lost the paragraph break
/// before an article's second list of items, that sentence is where the break was.
pub(super) fn lead_in_start(text: &str) -> Option<usize> {
    let words = text.trim_end_matches(is_space).strip_suffix(['：', ':'])?;
    let stop = words.rfind(is_sentence_end)?;
    let after = &words[stop..];
    let after = after[after.chars().next()?.len_utf8()..].trim_start_matches(is_closing);
    let lead = after.trim_matches(is_space);
    // A stop inside a quotation ends no sentence of the article's (`修改为：“…。`).
    let quoted = |s: &str| s.matches('“').count() != s.matches('”').count();
    (!lead.is_empty()
        && !quoted(&words[..words.len() - after.len()])
        && !quoted(lead)
        && !lead.contains(['；', ';', '：', ':']))
    .then(|| words.len() - after.len())
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

struct Tree {
    mode: Mode,
    /// The closed nodes not yet given to their parent: the children of each open node in turn,
    /// outermost first, after the roots. A node's children are moved out of here when it
    /// closes, into a vector of their exact number. Grown one push at a time, each node's
    /// vector would make room for four at its first child, while most units have one to three:
    /// the spare room was a third of the memory of a file of many small documents.
    closed: Vec<Node>,
    /// The open nodes, outermost first.
    stack: Vec<Open>,
    /// The policy units whose lead sentences are prose, not titles (see [`prose_kinds`]).
    prose_kinds: Vec<Kind>,
}

/// The length, in characters, beyond which a typical lead sentence of a family of units is
/// prose. The run-in titles of GB/T 9704 documents run to 30 characters at most in the seeds
/// (`（一）健全用习近平新时代中国特色社会主义思想武装全党、教育人民的制度。`, 31), their medians
/// to 10–17; the first sentences of numbered clauses of judicial interpretations, local
/// decisions and speech excerpts run to 32–180, their medians to 40 and more.
const TITLE_CHARS: usize = 30;

/// The kinds of policy unit whose lead sentences are, as a family, sentences of text rather
/// than run-in titles: those whose median lead sentence is longer than [`TITLE_CHARS`]. Decided
/// per family, not per unit: one long title among short ones is still a title, and a short
/// sentence among clauses is still a clause.
fn prose_kinds(body: &str, markers: &[(&Candidate, u8)]) -> Vec<Kind> {
    let mut lengths: Vec<(Kind, usize)> = Vec::new();
    for (k, &(m, r)) in markers.iter().enumerate() {
        if r < rank(Kind::Article, Mode::Policy) {
            continue;
        }
        let end = markers.get(k + 1).map_or(body.len(), |(n, _)| n.start);
        let Some(first) = pieces(&body[m.end()..end]).next() else {
            continue;
        };
        if let Some(k) = spaced_title(first) {
            lengths.push((m.kind, first[..k].chars().count()));
        } else if let Some(pos) = first_stop_outside_quotes(first) {
            lengths.push((m.kind, first[..pos].trim_matches(is_space).chars().count()));
        }
    }
    lengths.sort_unstable();
    lengths
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|family| family[family.len() / 2].1 > TITLE_CHARS)
        .map(|family| family[0].0)
        .collect()
}

/// A node still open: more text or children may come to it.
struct Open {
    rank: u8,
    node: Node,
    /// Where its children begin in [`Tree::closed`].
    first_child: usize,
    /// `content` kept a lone sentence as its text (a policy unit of one sentence): the
    /// sentence becomes its heading if units come under it.
    lone_sentence: bool,
}

/// The paragraphs of the text between two markers, trimmed, empty ones left out. Taken lazily:
/// this runs once per marker, and most segments are a piece or two.
fn pieces(segment: &str) -> impl Iterator<Item = &str> {
    segment
        .split('\n')
        .map(|p| p.trim_matches(is_space))
        .filter(|p| !p.is_empty())
}

fn new_node(kind: Kind, label: Option<&str>, number: Option<u32>, sub: Option<u32>) -> Node {
    Node {
        id: String::new(),
        kind,
        label: label.map(str::to_string),
        number,
        sub_number: sub,
        heading: None,
        heading_end: None,
        text: None,
        children: Vec::new(),
    }
}

/// Adds `piece` to the text in `slot` as a line of its own.
pub(crate) fn push_text(slot: &mut Option<String>, piece: &str) {
    match slot {
        Some(t) => {
            t.push('\n');
            t.push_str(piece);
        }
        None => *slot = Some(piece.to_string()),
    }
}

impl Tree {
    /// Closes open nodes until at most `depth` remain.
    fn close_to(&mut self, depth: usize) {
        while self.stack.len() > depth {
            let Some(Open {
                mut node,
                first_child,
                lone_sentence,
                ..
            }) = self.stack.pop()
            else {
                break;
            };
            if first_child < self.closed.len() {
                node.children = self.closed.drain(first_child..).collect();
                // A policy unit of one sentence with units under it: the sentence is their
                // title (`4.促进义务教育优质均衡发展。` over `（1）…`, `（2）…`).
                if lone_sentence {
                    if let Some(sentence) = node.text.take() {
                        lead_sentence(&mut node, &sentence);
                    }
                }
            } else if node.kind == Kind::Article {
                // A title in brackets over nothing is all the article says (`第十条【删除】`):
                // its text, not a title.
                if let Some(words) = node.heading.take() {
                    let mut para = new_node(Kind::Paragraph, None, None, None);
                    para.text = Some(words);
                    node.children.push(para);
                }
            }
            self.closed.push(node);
        }
    }

    /// Opens `node` with rank `r` inside the innermost open node.
    fn push(&mut self, r: u8, node: Node) {
        self.stack.push(Open {
            rank: r,
            node,
            first_child: self.closed.len(),
            lone_sentence: false,
        });
    }

    fn top_kind(&self) -> Option<Kind> {
        self.stack.last().map(|open| open.node.kind)
    }

    fn open(&mut self, m: &Candidate, label: &str, r: u8) {
        let keep = self.stack.iter().take_while(|open| open.rank < r).count();
        self.close_to(keep);
        // In a law, items belong to a paragraph (款) of their article.
        if self.mode == Mode::Law
            && self.top_kind() == Some(Kind::Article)
            && r > rank(Kind::Paragraph, Mode::Law)
        {
            self.push(
                rank(Kind::Paragraph, Mode::Law),
                new_node(Kind::Paragraph, None, None, None),
            );
        }
        // A zero-length marker is a heading without a number (see `unnumbered_headings`).
        let node = if m.len == 0 {
            new_node(m.kind, None, None, None)
        } else {
            new_node(m.kind, Some(label), Some(m.number), m.sub)
        };
        self.push(r, node);
    }

    /// Attaches the text between a marker and the next one to the open nodes.
    fn content(&mut self, segment: &str) {
        let glued = !segment.starts_with('\n');
        let Some(kind) = self.top_kind() else { return };
        let pieces = pieces(segment);
        match kind {
            _ if self
                .stack
                .last()
                .is_some_and(|open| open.rank < rank(Kind::Article, self.mode)) =>
            {
                let Some(Open { node, .. }) = self.stack.last_mut() else {
                    return;
                };
                let mut pieces = pieces.peekable();
                // The title after the label on its line, or on a line of its own when the
                // label stood alone (`第一章` then `总则`, as centred PDF headings come).
                if glued
                    || pieces
                        .peek()
                        .is_some_and(|p| crate::lines::is_title_like(p))
                {
                    if let Some(first) = pieces.next() {
                        // A single line keeps the break after the title as a space, before the
                        // text under it (`第三部分 组织实施 各地区…。`).
                        let first = first.trim_start_matches(is_space);
                        let title_end = (glued && !crate::lines::is_title_like(first))
                            .then(|| spaced_title(first))
                            .flatten();
                        let (title, text) = title_end.map_or((first, ""), |k| first.split_at(k));
                        node.heading = Some(collapse_cjk_spaces(title));
                        let text = text.trim_start_matches(is_space);
                        if !text.is_empty() {
                            push_text(&mut node.text, text);
                        }
                    }
                }
                for p in pieces {
                    push_text(&mut node.text, p);
                }
            }
            Kind::Article => {
                let mut pieces = pieces;
                let first = pieces.next().map(|first| match article_title(first) {
                    Some(end) => {
                        if let Some(Open { node, .. }) = self.stack.last_mut() {
                            node.heading = Some(first[..end].to_string());
                        }
                        first[end..].trim_start_matches(is_space)
                    }
                    None => first,
                });
                let pieces = first.into_iter().chain(pieces).filter(|p| !p.is_empty());
                self.paragraphs(pieces.flat_map(spaced_sentences))
            }
            _ if self.mode == Mode::Policy => {
                let Some(Open {
                    node,
                    lone_sentence,
                    ..
                }) = self.stack.last_mut()
                else {
                    return;
                };
                let prose = self.prose_kinds.contains(&node.kind);
                let mut pieces = pieces.peekable();
                if let Some(first) = pieces.next() {
                    // One sentence and nothing more is what the unit says, not a title over
                    // it (`二、删去第十条第二款。`, `（2）缩小城乡差距。`): text, unless units
                    // come under it (see `close_to`). Nor is the first sentence of a family of
                    // units that open with prose.
                    let sentence_of_prose = prose && first_stop_outside_quotes(first).is_some();
                    let titled = spaced_title(first).filter(|_| !prose);
                    *lone_sentence = !sentence_of_prose
                        && titled.is_none()
                        && pieces.peek().is_none()
                        && is_lone_sentence(first);
                    if let Some(k) = titled {
                        node.heading = Some(collapse_cjk_spaces(&first[..k]));
                        node.text = non_empty(first[k..].trim_matches(is_space));
                    } else if sentence_of_prose || *lone_sentence {
                        node.text = Some(first.to_string());
                    } else {
                        lead_sentence(node, first);
                    }
                }
                for p in pieces {
                    push_text(&mut node.text, p);
                }
            }
            _ => {
                // An item of a law: its text, then either more of it (an item that runs over
                // several paragraphs) or, once it has ended a sentence, new paragraphs of the
                // article.
                let mut pieces = pieces.flat_map(spaced_sentences).peekable();
                if let Some(Open { node, .. }) = self.stack.last_mut() {
                    if let Some(first) = pieces.next() {
                        push_text(&mut node.text, first);
                    }
                    while let Some(p) = pieces.peek() {
                        // An item that ends with 。 (not ；) was the last of its list: what
                        // follows is a new paragraph.
                        if node.text.as_deref().is_some_and(ends_sentence) {
                            break;
                        }
                        push_text(&mut node.text, p);
                        pieces.next();
                    }
                }
                if pieces.peek().is_some() {
                    let article = self
                        .stack
                        .iter()
                        .position(|open| open.node.kind == Kind::Article);
                    if let Some(a) = article {
                        self.close_to(a + 1);
                        self.paragraphs(pieces);
                    } else if let Some(Open { node, .. }) = self.stack.last_mut() {
                        for p in pieces {
                            push_text(&mut node.text, p);
                        }
                    }
                }
            }
        }
    }

    /// Each piece a paragraph (款) of the open article, the last one left open for items.
    fn paragraphs<'a>(&mut self, pieces: impl Iterator<Item = &'a str>) {
        for p in pieces {
            if self.top_kind() == Some(Kind::Paragraph) {
                self.close_to(self.stack.len() - 1);
            }
            let mut para = new_node(Kind::Paragraph, None, None, None);
            para.text = Some(p.to_string());
            self.push(rank(Kind::Paragraph, Mode::Law), para);
        }
    }
}

/// U+3000, searched for as bytes; the searcher is built once.
static IDEOGRAPHIC_SPACE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("\u{3000}"));

/// The paragraphs of a piece of a law's text whose line breaks became spaces (a single-line
/// export): a sentence end followed by a space (ASCII or ideographic) is where a line ended,
/// since a paragraph's sentences follow one another without one (`…应当依法受理。 当事人…`).
fn spaced_sentences(piece: &str) -> impl Iterator<Item = &str> {
    // Asked of every paragraph of every article, and most hold no space at all: a byte search
    // settles those without walking their characters.
    let bytes = piece.as_bytes();
    let spaced =
        memchr::memchr2(b' ', b'\t', bytes).is_some() || IDEOGRAPHIC_SPACE.find(bytes).is_some();
    let mut rest = Some(piece);
    std::iter::from_fn(move || {
        let text = rest?;
        if !spaced {
            return rest.take();
        }
        let mut ends = text.char_indices().filter(|&(_, c)| is_sentence_end(c));
        let cut = ends.find_map(|(i, c)| {
            let after = &text[i + c.len_utf8()..];
            let after = after.trim_start_matches(is_closing);
            let next = after.trim_start_matches(is_space);
            // Not before a note in brackets: `…的指令性计划。 (2011年1月8日删除)` annotates
            // the sentence before it.
            (next.len() < after.len() && !next.is_empty() && !next.starts_with(['（', '(']))
                .then(|| (text.len() - after.len(), text.len() - next.len()))
        });
        match cut {
            Some((end, next)) => {
                rest = Some(&text[next..]);
                Some(&text[..end])
            }
            None => rest.take(),
        }
    })
}

/// The lead sentence of a policy unit is its heading: up to the first 。 of its first paragraph,
/// or the whole paragraph when it is a title without a sentence end. A 。 inside quotes or
/// brackets ends no lead sentence: an amending decision's item quotes the article it writes
/// (`一、将第二条修改为：“本法所称某某，是指某某。”`), and is text, not a heading.
fn lead_sentence(node: &mut Node, first: &str) {
    if let Some(pos) = first_stop_outside_quotes(first) {
        let end = pos + first[pos..].chars().next().map_or(0, char::len_utf8);
        node.heading =
            non_empty(first[..pos].trim_matches(is_space)).map(|h| collapse_cjk_spaces(&h));
        node.heading_end = Some(first[pos..end].to_string());
        node.text = non_empty(first[end..].trim_matches(is_space));
    } else if !ends_with_stop(first) {
        node.heading = Some(collapse_cjk_spaces(first));
    } else {
        node.text = Some(first.to_string());
    }
}

/// The longest article title in brackets, in characters: a few words, never a sentence.
const ARTICLE_TITLE_CHARS: usize = 20;

/// Where an article's title in lenticular brackets ends, when its text opens with one
/// (`第一条【立法目的】为了…`): annotated editions of laws and the drafts of some legislatures
/// give each article such a title (条旨). A few words without punctuation but an enumeration
/// comma (`【定义、适用范围】`); the title keeps its brackets, as written, so that label,
/// heading and text give back the article. Not round brackets, which open the article's own
/// text as often (`（镇）土地利用总体规划…` of a line cut inside `乡（镇）`).
fn article_title(first: &str) -> Option<usize> {
    let inside = first.strip_prefix('【')?;
    let close = inside.find('】')?;
    let words = &inside[..close];
    let chars = words.chars().count();
    let plain = words
        .chars()
        .all(|c| crate::text::is_han(c) || c == '、' || is_space(c));
    ((1..=ARTICLE_TITLE_CHARS).contains(&chars) && plain)
        .then(|| '【'.len_utf8() + close + '】'.len_utf8())
}

/// A policy unit's title set off from its text by a space, as a single line keeps the line
/// break after a title on a line of its own (`（一）指导思想 以…为指导，…。`), and a heading's
/// (`第三部分 组织实施 各地区…。`): where the first space of `first` stands between two Chinese
/// characters (the second perhaps quoted), after a few words without a stop or a clause, and
/// before text that does have one. Returns where the space begins. Not a space in a date or a
/// number (`2024 年`), nor one between names (`张三 李四`).
pub(super) fn spaced_title(first: &str) -> Option<usize> {
    // Looked for among a title's characters only: `first` may run on for a whole document.
    let head = &first[..crate::text::window_end(first, (TITLE_CHARS + 1) * 4)];
    let k = head.find(is_space)?;
    let (title, after) = (&first[..k], first[k..].trim_start_matches(is_space));
    // The text may open with a quotation or a book title (`“十三五”时期…`).
    let stands_between_han = title.chars().next_back().is_some_and(crate::text::is_han)
        && after
            .trim_start_matches(['“', '《', '「', '『', '‘'])
            .chars()
            .next()
            .is_some_and(crate::text::is_han);
    let words = title.chars().count();
    let is_title = (2..=TITLE_CHARS).contains(&words)
        && !title.contains(|c: char| is_sentence_end(c) || crate::text::is_clause_mark(c));
    // Within a few lines: a list without stops (`1．某某罪（第102条） 2．…`) may run for pages.
    let near = &after[..crate::text::window_end(after, TEXT_AFTER_TITLE_BYTES)];
    let text_follows = near.contains(|c: char| is_sentence_end(c) || matches!(c, '，' | '；'));
    (stands_between_han && is_title && text_follows).then_some(k)
}

/// How far after a spaced title the text under it must show a stop or a clause, in bytes
/// (a few lines).
const TEXT_AFTER_TITLE_BYTES: usize = 600;

/// `s` is one sentence: its first stop outside quotes and brackets ends it (closing marks
/// aside), so that [`lead_sentence`] would make all of it the heading.
fn is_lone_sentence(s: &str) -> bool {
    first_stop_outside_quotes(s).is_some_and(|pos| {
        let after = &s[pos..];
        let stop_len = after.chars().next().map_or(0, char::len_utf8);
        after[stop_len..].trim_matches(is_space).is_empty()
    })
}

/// The byte offset of the first 。, ！ or ？ of `s` that stands outside quotes and brackets. An
/// unmatched closing mark (a quotation that began in an earlier paragraph) opens nothing.
fn first_stop_outside_quotes(s: &str) -> Option<usize> {
    let mut depth = 0u32;
    for (i, c) in s.char_indices() {
        match c {
            '“' | '「' | '『' | '《' | '（' | '(' => depth += 1,
            '”' | '」' | '』' | '》' | '）' | ')' => depth = depth.saturating_sub(1),
            '。' | '！' | '？' if depth == 0 => return Some(i),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_set_off_by_a_space_between_chinese_words_before_text() {
        let title = |s: &'static str| spaced_title(s).map(|k| &s[..k]);
        assert_eq!(
            title("指导思想 以新思想为指导，坚持稳中求进。"),
            Some("指导思想")
        );
        assert_eq!(
            title("主要目标\u{3000}到2025年，体系基本建立。"),
            Some("主要目标")
        );
        // A space in a date, between names, inside a sentence, or before no text.
        assert_eq!(title("到2025 年，体系基本建立。"), None);
        assert_eq!(title("张三 李四 王五"), None);
        assert_eq!(title("坚持稳中求进，推动 高质量发展。"), None);
        assert_eq!(title("强化组织 领导"), None);
    }

    #[test]
    fn an_article_title_is_a_few_words_in_lenticular_brackets() {
        assert_eq!(
            article_title("【立法目的】为了…"),
            Some("【立法目的】".len())
        );
        assert_eq!(
            article_title("【定义、适用范围】本条例…"),
            Some("【定义、适用范围】".len())
        );
        assert_eq!(article_title("【立法目的】"), Some("【立法目的】".len()));
        // A sentence in brackets, a bracket never closed, round brackets: text.
        assert_eq!(article_title("【经批准，可以延期。】其他…"), None);
        assert_eq!(article_title("【立法目的为了…"), None);
        assert_eq!(article_title("（镇）土地利用总体规划…"), None);
        assert_eq!(article_title("为了【某某】…"), None);
    }

    #[test]
    fn a_space_after_a_sentence_end_cuts_a_paragraph() {
        let cut = |s| spaced_sentences(s).collect::<Vec<_>>();
        assert_eq!(cut("甲。乙。 丙。"), ["甲。乙。", "丙。"]);
        // Closing quotes stay with their sentence; a trailing space cuts nothing.
        assert_eq!(cut("修改为：“甲。”  乙？ "), ["修改为：“甲。”", "乙？ "]);
        // Only a sentence end: not a clause (`；`), and not a space elsewhere.
        assert_eq!(cut("（一）甲； 乙，丙 丁。"), ["（一）甲； 乙，丙 丁。"]);
        assert_eq!(cut("甲。 (2011年1月8日删除)"), ["甲。 (2011年1月8日删除)"]);
    }

    #[test]
    fn a_lead_in_is_the_sentence_before_a_closing_colon() {
        let text = "其他情节严重的情形。具有下列情形之一的，属于“情节特别严重”： ";
        let start = lead_in_start(text).unwrap();
        assert_eq!(&text[start..], "具有下列情形之一的，属于“情节特别严重”： ");
        // After a closing quote, and with a space before it.
        let text = "规定为：“甲。” 乙应当遵守以下规定：";
        assert_eq!(
            &text[lead_in_start(text).unwrap()..],
            " 乙应当遵守以下规定："
        );
        // No colon at the end, no sentence before it, or a stop inside a quotation.
        assert_eq!(lead_in_start("其他情节严重的情形。"), None);
        assert_eq!(lead_in_start("具有下列情形之一的："), None);
        assert_eq!(lead_in_start("修改为：“本法所称某某，是指某某。甲："), None);
        assert_eq!(lead_in_start("甲；乙。丙；丁："), None);
    }

    #[test]
    fn sentences_that_cite_an_earlier_paragraph_or_the_law_itself_open_one() {
        for opener in [
            "前款规定的制度应当公开",
            "依照前两款规定处理",
            "有本条第一款所列情形的，从重处罚",
            "本条例所称某某，是指某某",
            "本条规定的期限自通知之日起计算",
            "违反本法规定的，依法追究责任",
        ] {
            assert!(opens_a_paragraph(opener), "{opener}");
        }
        for sentence in [
            "具体办法由市人民政府规定",
            "但是，法律另有规定的除外",
            "依照本法第二十条第二款的规定处理",
            "本人应当到场",
            "前述款项应当及时退还",
        ] {
            assert!(!opens_a_paragraph(sentence), "{sentence}");
        }
        // Closing quotes stay with the sentence before the break.
        assert_eq!(
            breaks_before_paragraph_openers("甲应当公告。”前款规定的公告应当载明事项。"),
            "甲应当公告。”\n前款规定的公告应当载明事项。"
        );
        assert_eq!(breaks_before_paragraph_openers("甲。乙。"), "甲。乙。");
    }
}
