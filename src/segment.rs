//! Stage between layout and structure: one file's paragraphs → the paragraphs of each document.
//!
//! A file may hold several documents: a PDF compilation whose pieces each end with a
//! `发布时间：… 来源：…` line, or a newspaper page where a regulation is followed by unrelated
//! news. Two signals cut a file:
//! - **closing lines**: a short paragraph that states where or when a piece was published
//!   (`发布时间：2024-02-28`, `来源：新华社`) ends the document it follows;
//! - **what follows the body**: the structure stage reports paragraphs after a document's last
//!   numbered unit that read as prose or carry a numbering of their own (see
//!   [`crate::structure::Structured::tail`]); [`split_tail`] cuts them into documents at titles.

use crate::layout::Para;
use crate::lines::{
    has_date, is_attachment_label, is_bracketed_note, is_closing_line, is_date_line, is_title_like,
    is_whole_title, opens_with_date,
};
use crate::model::Kind;
use crate::text::{ends_with_stop, width_at_most};

/// Splits a file's paragraphs after each run of closing lines.
pub fn segment(paras: Vec<Para>) -> Vec<Vec<Para>> {
    let closing: Vec<bool> = paras.iter().map(|p| is_closing_line(&p.text)).collect();
    // Most files have no closing line: their paragraphs are not moved one by one. (No
    // paragraphs at all, as of a file that is only Markdown markup, make no document.)
    if !closing.contains(&true) && !paras.is_empty() {
        return split_restarts(paras);
    }
    let n = paras.len();
    let mut out: Vec<Vec<Para>> = Vec::new();
    let mut current: Vec<Para> = Vec::new();
    for (i, p) in paras.into_iter().enumerate() {
        current.push(p);
        let closes = closing[i] && !closing.get(i + 1).copied().unwrap_or(false);
        // A closing line with nothing before it is a header, not the end of a document.
        if closes && current.len() > 1 && i + 1 < n {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.into_iter().flat_map(split_restarts).collect()
}

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

/// Where the law whose first article is paragraph `first` begins: with the header paragraphs
/// just before it (its title, its dated notes, its 目录, its first headings), back to the
/// paragraph after `previous`. Right before the first article or the headings over it, that
/// header may end with a preamble that enacts the law (`…，制定本规定。`, `…解释如下：`), the
/// one sentence a header holds. A dated note that PDF text wrapped goes on in paragraphs too
/// long for a title (`员会第三十二次会议《关于修改…的决定》第二次修正`): those belong to the
/// header when the note they continue does.
fn header_start(paras: &[Para], previous: usize, first: usize) -> usize {
    let mut start = first;
    // Where the header begins, as far as the walk has confirmed it.
    let mut header = first;
    // Only headings stand between `start` and the first article so far.
    let mut at_body = true;
    // Paragraphs just walked over that only a dated note before them would make the header's.
    let mut continuing = false;
    // 编/章/节 headings walked over: a 目录 lists every one of them, and they do not count
    // towards the header's length.
    let mut headings = 0;
    while start > previous + 1 && first - start - headings < HEADER_PARAS {
        let text = &paras[start - 1].text;
        // An attachment's label, and the title under it, end the law before. That title may be
        // wrapped over several paragraphs: the header then begins with the new law's whole title
        // under them, if it has one.
        if is_attachment_label(text) || start >= 2 && is_attachment_label(&paras[start - 2].text) {
            return (header..first)
                .find(|&k| is_whole_title(&paras[k].text))
                .unwrap_or(header);
        }
        let marker = crate::numbering::parse_marker(text);
        let heading =
            marker.is_some_and(|m| m.kind.is_structural() || at_body && opens_first_group(m, text));
        let dated = is_dated_note(text);
        let preamble = at_body && marker.is_none() && is_enacting_preamble(text);
        let header_para = heading || dated || preamble || is_header_para(text);
        // Paragraphs walked over on trust are the header's once a dated note comes before them.
        let confirms = !continuing || dated;
        if header_para && confirms {
            continuing = false;
            header = start - 1;
        } else if marker.is_none() && continues_note(text) {
            continuing = true;
        } else {
            break;
        }
        at_body &= heading;
        headings += usize::from(heading);
        start -= 1;
    }
    header
}

/// `一、管理人名册的编制` right over a first article: the heading of the first group of articles,
/// as judicial interpretations group theirs (`一、` … `二、` …, each over a run of 第X条). A
/// heading: the first of its run, and no sentence after its label.
fn opens_first_group(marker: crate::numbering::Marker, text: &str) -> bool {
    is_first_group(marker) && is_title_like(&text[marker.len..])
}

/// `一、`: the label of a first group, whatever follows it.
fn is_first_group(marker: crate::numbering::Marker) -> bool {
    marker.kind == Kind::Division && marker.number == 1
}

/// A piece of a dated note wrapped onto a line of its own: no sentence end, not over a note's
/// length.
fn continues_note(text: &str) -> bool {
    !ends_with_stop(text) && crate::text::width_at_most(text, DATED_NOTE_WIDTH)
}

/// A preamble that ends by enacting the text after it: `…，制定本规定。`, `…解释如下：`,
/// `…作如下规定：`, `…特作出以下规定：`.
fn is_enacting_preamble(text: &str) -> bool {
    let t = text.trim_end_matches(crate::normalise::is_space);
    let Some(sentence) = t.strip_suffix(['。', '：', ':']) else {
        return false;
    };
    // `如下` or `以下` among the last words: the text below is what the sentence gives.
    let tail_start = sentence.char_indices().rev().nth(7).map_or(0, |(k, _)| k);
    let tail = &sentence[tail_start..];
    enacts(sentence) || tail.contains("如下") || tail.contains("以下")
}

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
        // A document of no articles begins inside a line too, at its header.
        let headers = inline_headers(&para.text);
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
            begins,
            unit_only,
        });
    }
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
        let mut pieces: Vec<String> = cuts
            .iter()
            .rev()
            .map(|&cut| para.text.split_off(cut))
            .collect();
        pieces.reverse();
        let kept = para.text.trim_end_matches(crate::normalise::is_space).len();
        para.text.truncate(kept);
        out.push(para);
        for piece in pieces {
            starts.push(out.len());
            out.push(Para {
                text: piece
                    .trim_start_matches(crate::normalise::is_space)
                    .to_string(),
                md_level: 0,
                set_aside: Vec::new(),
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
    /// Byte offsets where a law begins inside it.
    cuts: Vec<usize>,
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

/// Where a document begins whose first unit opens paragraph `first`, when a unit opened
/// paragraph `before`. The numbering of `一、` starts over in policy documents (under each 部分,
/// in an attachment), a law's `第一章` opens the paragraph over its `第一条`, and a judicial
/// interpretation's `一、总则` too; so a document begins here only with a header of its own,
/// below `before`: a whole title, and under it a dated note (`2001年8月31日 第九届…会议通过`), as
/// the second of two amendments printed one after the other carries.
fn noted_header_start(
    paras: &[Para],
    previous: usize,
    first: usize,
    before: usize,
) -> Option<usize> {
    let start = header_start(paras, previous, first);
    let header = &paras[start..first];
    let noted = header
        .iter()
        .any(|p| is_dated_note(&p.text) || is_bracketed_note(&p.text) && has_date(&p.text));
    (start > before && noted && is_whole_title(&header[0].text)).then_some(start)
}

/// The unit a paragraph opens with, as where documents begin is concerned: an article, a group
/// (`一、`), a 编/章/节 heading.
fn opening_unit(text: &str) -> Option<crate::numbering::Marker> {
    crate::numbering::parse_marker(text)
        .filter(|m| matches!(m.kind, Kind::Article | Kind::Division) || m.kind.is_structural())
}

/// Byte offsets in a long paragraph (a single-line export of a compilation) where a document
/// begins after a sentence end with its header: a whole title, then a dated note
/// (`…同时废止。 乙市人大常委会关于某某的决定 2020年2月7日 某某会议通过 …`). The cut is right after
/// the stop. Not a law speaking of itself (`本条例`), and not a title without a full date and
/// what happened on it.
fn inline_headers(text: &str) -> Vec<usize> {
    if text.len() < LONG_PARAGRAPH {
        return Vec::new();
    }
    let mut cuts = Vec::new();
    for (k, stop) in text.match_indices(['。', '！', '？']) {
        let cut = sentence_end(text, k + stop.len());
        let rest = text[cut..].trim_start_matches(crate::normalise::is_space);
        let window = &rest[..crate::text::window_end(rest, HEADER_NOTE_BYTES)];
        let Some(date) = crate::lines::DATE.find(window) else {
            continue;
        };
        let title = window[..date.start()].trim_end_matches(crate::normalise::is_space);
        let after = &window[date.end()..];
        let after = &after[..crate::text::window_end(after, EVENT_BYTES)];
        if title.chars().count() >= 6
            && !title.starts_with('本')
            && is_whole_title(title)
            && EVENTS.iter().any(|w| after.contains(w))
        {
            cuts.push(cut);
        }
    }
    cuts
}

/// Paragraphs shorter than this are not searched for a header inside them: a line of a few
/// articles is no compilation.
const LONG_PARAGRAPH: usize = 3000;

/// How far after a stop a title and its date may reach, in bytes (a title of sixty characters).
const HEADER_NOTE_BYTES: usize = 240;

/// How far after the date the word of what happened on it may come, in bytes.
const EVENT_BYTES: usize = 180;

/// What a header's dated note says happened: meta's event words but 废止, which a law's last
/// article writes after a date (`2005年4月28日…通过的《某某条例》同时废止`), and 发布时间, which
/// 发布 covers here.
const EVENTS: [&str; 8] = [
    "通过", "公布", "发布", "施行", "修正", "修订", "批准", "印发",
];

/// Where a law that begins at a `第一条` inside a paragraph begins.
enum Cut {
    /// At this byte offset of the paragraph: after the sentence end before its header, or at
    /// the label itself when a sentence ends right before it (a preamble, `…解释如下：`, which
    /// nothing tells from the end of the law before).
    At(usize),
    /// With the paragraph: the label opens it, or only a header precedes it there.
    Paragraph,
}

/// Where the law whose `第一条` is at byte `at` of `text` begins, its header no earlier than
/// byte `floor`. `None` when no sentence ends within a header's length before it (the words
/// before it are too long for a header), or after `floor`.
fn restart_cut(text: &str, at: usize, floor: usize) -> Option<Cut> {
    // `floor` is a character boundary: the end of a label.
    let from = crate::text::window_start(text, at, HEADER_BYTES).max(floor);
    let Some((k, stop)) = last_stop(text, from, at) else {
        return (from == 0).then_some(Cut::Paragraph);
    };
    let mut cut = sentence_end(text, k + stop.len_utf8());
    // A preamble ends with a colon (`…解释如下：`) or the enacting formula (`…制定本规定。`);
    // after another sentence, `第一条明确了…` is a sentence about an article, as news of a law
    // writes.
    let mut preamble_ends = matches!(stop, '：' | ':') || enacts(&text[..k]);
    // The colon of an attachment's label (`…同时废止。附： 资源税税目税率表 中华人民共和国车船税法
    // 2011年…通过 第一条…`): the attachment's title, the word after it, ends the law before.
    let last_word = text[from..k]
        .rsplit(|c: char| crate::normalise::is_space(c) || crate::text::is_stop(c))
        .next()
        .unwrap_or("");
    if preamble_ends && is_attachment_label(last_word) {
        let rest = &text[cut..at];
        let words = rest.trim_start_matches(crate::normalise::is_space);
        if let Some(space) = words.find(crate::normalise::is_space) {
            cut += rest.len() - words.len() + space;
            preamble_ends = false;
        }
    }
    let header = text[cut..at].trim_matches(crate::normalise::is_space);
    // Only the heading over the first article stands between them (`第一章 总则`, the first
    // group of a judicial interpretation, `一、管理人名册的编制`): the sentence before is still
    // the preamble, when it enacts.
    let heading_only = crate::numbering::parse_marker(header)
        .is_some_and(|m| m.kind.is_structural() || is_first_group(m))
        && crate::text::width_at_most(header, HEADING_WIDTH);
    if header.is_empty() || heading_only && preamble_ends {
        // The sentence before the label is the new law's preamble: the law begins with it, and
        // with the header before it (`乙解释 2021年6月8日通过 为正确…，制定本规定。`) when the
        // sentence before that was the last of the law before.
        let label = if header.is_empty() { at } else { cut };
        return preamble_ends.then(|| preamble_start(text, from, k).unwrap_or(Cut::At(label)));
    }
    (preamble_ends || reads_as_header(header)).then_some(Cut::At(cut))
}

/// The widest heading over a first article, in columns (`第一章 总则`, `一、管理人名册的编制`).
const HEADING_WIDTH: usize = 60;

/// Where the sentence whose stop ends at byte `after_stop` of `text` ends: after the closing
/// quotes and brackets that follow the stop (`…修改为：“……。”`, `…（…。）`), which belong to it.
fn sentence_end(text: &str, after_stop: usize) -> usize {
    let rest = &text[after_stop..];
    after_stop
        + (rest.len()
            - rest
                .trim_start_matches(['”', '’', '」', '』', '）', ')', '》'])
                .len())
}

/// The last sentence stop in `text[from..end]`: its byte offset in `text`, and the stop.
fn last_stop(text: &str, from: usize, end: usize) -> Option<(usize, char)> {
    text[from..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| crate::text::is_stop(c))
        .map(|(i, c)| (from + i, c))
}

/// Where the sentence that ends at byte `end` of `text` begins, no earlier than byte `from`:
/// after the stop before it, or with the paragraph. `None` when no stop comes between `from`
/// (the end of an earlier `第一条`, or the limit of a header's length) and it.
fn preamble_start(text: &str, from: usize, end: usize) -> Option<Cut> {
    match last_stop(text, from, end) {
        Some((k, stop)) => Some(Cut::At(sentence_end(text, k + stop.len_utf8()))),
        None => (from == 0).then_some(Cut::Paragraph),
    }
}

/// The words between a sentence end and a `第一条` are a law's header when they hold a date
/// (`2021年2月2日公布`), a whole title (`某某管理办法`) or a 编/章/节 heading (`第一章 总则`), not
/// when they are a sentence's first words (`其中第一条…`).
fn reads_as_header(words: &str) -> bool {
    has_date(words)
        || words
            .split(crate::normalise::is_space)
            .any(is_whole_title)
        // `…条例第一章 总则`: a heading, glued to the title or not.
        || words.match_indices('第').any(|(k, _)| {
            crate::numbering::parse_marker(&words[k..]).is_some_and(|m| m.kind.is_structural())
        })
}

/// `sentence` (the text before a stop) ends with the enacting formula of a preamble:
/// `…，制定本规定`, `…，制定本条例`.
fn enacts(sentence: &str) -> bool {
    sentence
        .rfind("制定本")
        .is_some_and(|k| sentence[k + "制定本".len()..].chars().count() <= 3)
}

/// How far before an inline `第一条` its law's header may begin: a long title and its dated
/// notes (a law amended five times has five, each of a hundred characters or so).
const HEADER_BYTES: usize = 3000;

/// A searcher for `第一条`, built once.
static FIRST_ARTICLE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(FIRST_ARTICLE_LABEL));

/// The label [`first_article_labels`] looks for.
const FIRST_ARTICLE_LABEL: &str = "第一条";

/// Byte offsets of the `第一条` labels in `text` that read as headings, not citations.
fn first_article_labels(text: &str) -> Vec<usize> {
    // A byte search: most paragraphs hold none.
    let label = FIRST_ARTICLE_LABEL;
    FIRST_ARTICLE
        .find_iter(text.as_bytes())
        .filter(|&at| opens_first_article(&text[at..]))
        // Quoted, it is the text of an article that an amending decision inserts
        // (`增加一条，作为第一条：“第一条 …”`), not a law beginning.
        .filter(|&at| {
            !text[..at]
                .trim_end_matches(crate::normalise::is_space)
                .ends_with(['“', '「', '『', '"', '‘', '（', '(', '《'])
        })
        .filter(|&at| {
            at == 0
                || !crate::numbering::citation::cited_across_break(
                    &text[..at],
                    &text[at..],
                    crate::model::Kind::Article,
                    label.len(),
                )
        })
        .collect()
}

/// How many paragraphs before a law's 第一条 may be its header: a title, a dated note for each
/// amendment, a 目录 of a dozen or so entries, the headings over the first article.
const HEADER_PARAS: usize = 24;

/// `第一条` opening a paragraph as a heading: followed by a space or the article's words, not by
/// the words of a citation (`第一条规定的…`, `第一条、第二条`).
fn opens_first_article(text: &str) -> bool {
    let Some(m) = crate::numbering::parse_marker(text) else {
        return false;
    };
    let after = &text[m.len..];
    m.kind == crate::model::Kind::Article
        && m.number == 1
        && m.sub.is_none()
        && !["的", "、", "，", "款", "项", "规定", "至", "和", "或"]
            .iter()
            .any(|w| after.starts_with(w))
}

/// A paragraph of a law's header by its shape: its title, a 目录 and its entries — anything short
/// that does not end a sentence, a whole title of any length, a note in brackets
/// (`（2024年2月27日…通过）`). [`header_start`] also takes dated notes without brackets, 编/章/节
/// headings and an enacting preamble.
fn is_header_para(text: &str) -> bool {
    is_title_like(text)
        // A judicial interpretation's title runs to some sixty characters.
        || is_whole_title(text)
        || is_bracketed_note(text)
}

/// A dated note of a header without its brackets: `2020年11月29日 《国务院关于修改和废止部分
/// 行政法规的决定》第一次修订`, a date and what happened on it, no sentence.
fn is_dated_note(text: &str) -> bool {
    opens_with_date(text) && continues_note(text)
}

/// The longest dated note, in columns: an amendment named by a long decision's title, or a law's
/// half-dozen notes that reflow joined into one paragraph (PDF text wraps them into full lines
/// without a stop between them).
const DATED_NOTE_WIDTH: usize = 1600;

/// Cuts the paragraphs that follow a document's body into documents: a new one starts at each
/// title-like paragraph that follows prose (a paragraph ending a sentence) or a date line. Not
/// at a signature: the issuing organ over a date line (`国务院` / `2024年3月1日`), which ends
/// the text before it, as in a notice that issues the plan after it (`国务院关于印发…的通知`),
/// or a notice followed by its attachment (`附件` / `某某清单` / `一、…`).
pub fn split_tail(tail: &[Para]) -> Vec<Vec<Para>> {
    let mut out: Vec<Vec<Para>> = Vec::new();
    let mut current: Vec<Para> = Vec::new();
    let mut seen_prose = false;
    // The piece so far closed on a date line (its signature), and no prose came after it.
    let mut signed = false;
    // Each paragraph is asked about itself and about the one after it: read once.
    let dated: Vec<bool> = tail.iter().map(|p| is_date_line(&p.text)).collect();
    for (i, p) in tail.iter().enumerate() {
        let signs = || dated.get(i + 1).copied().unwrap_or(false) && !is_whole_title(&p.text);
        // Nor at a note in brackets (`（此件公开发布）` under a signature): no title is one.
        // Nor at an attachment's label (`附件`, `附件2`) over its title: the attachment is a
        // document from its title on, and the label stays with the text that announces it.
        // Nor at a closing line (`编辑 某某`, `来源：新华社`): it ends the text over it.
        let title = is_title_like(&p.text)
            && !dated[i]
            && !is_bracketed_note(&p.text)
            && !is_attachment_label(&p.text)
            && !is_closing_line(&p.text)
            && !signs()
            // After prose, not a section's heading; after a signature, any title.
            && (signed || !is_section_heading(&p.text));
        if title && seen_prose && !current.is_empty() {
            out.push(std::mem::take(&mut current));
            seen_prose = false;
            signed = false;
        }
        if ends_with_stop(&p.text) || reads_as_prose(&p.text) {
            // A paragraph that announces what follows (`全文如下。`) leads into it.
            seen_prose = !announces(&p.text);
            signed = false;
        } else if dated[i] {
            // The date a document was signed on (成文日期) is its last line.
            seen_prose = true;
            signed = true;
        }
        current.push(p.clone());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A paragraph too long for any title that holds full sentences is prose, even when it does not
/// end on one: a page that cuts it off mid-sentence, or a stray mark after its full stop
/// (`…队伍。 |`). (A long line of names without a sentence, `石家庄仲裁委员会、邯郸…`, is not:
/// a list, whose headings are not titles.)
fn reads_as_prose(text: &str) -> bool {
    !width_at_most(text, PROSE_WIDTH) && text.contains(['。', '！', '？'])
}

/// Twice the widest title-like paragraph ([`is_title_like`]), in columns.
const PROSE_WIDTH: usize = 128;

/// A few words that head a section of the text they stand in (`基本案情`, `裁判结果`, `典型意义`
/// in a case), not the title of another: a document's title runs longer, or names what kind of
/// text it is, however short (`国旗法`, `实施方案`).
fn is_section_heading(text: &str) -> bool {
    width_at_most(text, SECTION_HEADING_WIDTH)
        && !crate::lines::TITLE_ENDS.iter().any(|w| text.ends_with(w))
}

/// The widest section heading, in columns: five characters (`申请人请求`). (A title of news as
/// short, `新春走基层`, is taken for one after prose; after a signature it is a title.)
const SECTION_HEADING_WIDTH: usize = 10;

/// `……全文如下。`, `内容如下：`: the next paragraphs are a text this one introduces.
fn announces(text: &str) -> bool {
    let t = text.trim_end_matches(|c: char| crate::text::is_stop(c) || crate::text::is_closing(c));
    t.ends_with("如下")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(texts: &[&str]) -> Vec<Para> {
        texts
            .iter()
            .map(|t| Para {
                text: t.to_string(),
                md_level: 0,
                ..Default::default()
            })
            .collect()
    }

    #[test]
    fn closing_lines_end_documents() {
        let p = paras(&[
            "标题甲",
            "一、内容。",
            "发布时间：2024-01-01",
            "来源：新华社",
            "标题乙",
            "一、内容。",
            "发布时间：2024-02-01",
        ]);
        let docs = segment(p);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].len(), 4);
        assert_eq!(docs[1][0].text, "标题乙");
        // A page's byline ends the piece over it: the next document's 一、 starts again.
        let docs = segment(paras(&[
            "中共中央印发《某某规划纲要》",
            "一、坚持以完善制度保证全党。",
            "二、坚持以完善法规制度。",
            "编辑 陈艳婷",
            "某某实施方案",
            "一、坚持思想建党。",
        ]));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1][0].text, "某某实施方案");
    }

    #[test]
    fn a_second_first_article_starts_a_second_law_with_its_header() {
        let docs = segment(paras(&[
            "甲法",
            "第一条 为了甲，制定本法。",
            "第二条 本法自公布之日起施行。",
            "乙条例",
            "（2024年1月1日通过）",
            "第一章 总则",
            "第一条 为了乙，制定本条例。",
            "第二条 依照本条例第一条的规定执行。",
        ]));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].len(), 3);
        assert_eq!(docs[1][0].text, "乙条例");
        assert_eq!(docs[1].len(), 5, "title, note, chapter, two articles");
    }

    #[test]
    fn a_second_law_inside_one_line_begins_after_the_sentence_before_its_header() {
        let line = "甲条例 2020年1月1日通过 第一条 为了甲，制定本条例。 \
            第二条 本条例自公布之日起施行。 乙办法 2021年2月2日公布 第一章 总则 \
            第一条为了乙，制定本办法。 第二条 依照本办法第一条的规定执行。";
        let docs = segment(paras(&[line]));
        assert_eq!(docs.len(), 2);
        assert!(docs[0][0].text.ends_with("自公布之日起施行。"));
        assert!(docs[1][0]
            .text
            .starts_with("乙办法 2021年2月2日公布 第一章 总则 第一条"));
        // Nothing lost but the space at the cut.
        let joined: String = docs.iter().flatten().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, line.replacen("施行。 乙办法", "施行。乙办法", 1));
    }

    #[test]
    fn a_law_whose_preamble_ends_right_before_its_first_article_begins_after_the_law_before() {
        // The sentence before the label enacts the new law; the one before that ended the
        // law before, and the title between them is the new law's.
        let docs = segment(paras(&[
            "第一条 为了甲，制定本条例。 第二条 本条例自公布之日起施行。\
            乙解释 为正确适用法律，解释如下：第一条 人民法院应当依法审理。",
        ]));
        assert_eq!(docs.len(), 2);
        assert!(docs[0][0].text.ends_with("自公布之日起施行。"));
        assert_eq!(
            docs[1][0].text,
            "乙解释 为正确适用法律，解释如下：第一条 人民法院应当依法审理。"
        );
        // The same with the heading over the first article between them.
        for heading in ["一、管理人名册的编制", "第一章 总则"] {
            let docs = segment(paras(&[&format!(
                "第一条 为了甲，制定本条例。 第二条 本条例自公布之日起施行。 \
                 乙规定 为公平审理企业破产案件，制定本规定。 {heading} 第一条 人民法院应当指定管理人。"
            )]));
            assert_eq!(docs.len(), 2, "{heading}");
            assert!(docs[1][0].text.starts_with("乙规定 为公平"), "{heading}");
        }
    }

    #[test]
    fn a_document_without_articles_begins_inside_a_line_at_its_header() {
        // A law, a decision of prose and a law, on one line.
        let law = |name: &str| {
            format!(
                "{name} 2020年1月1日 某某会议通过 第一条 为了{name}，制定本条例。 {}",
                "第二条 本条例的规定，适用于全市，由市人民政府组织实施。".repeat(40)
            )
        };
        let decision = "甲市人民代表大会常务委员会关于依法防控疫情的决定 2020年2月7日 \
            甲市人民代表大会常务委员会会议通过 为了依法防控疫情，作如下决定。本决定自公布之日起施行。";
        let line = format!("{} {decision} {}", law("甲市某某条例"), law("乙市某某条例"));
        let docs = segment(paras(&[&line]));
        let firsts: Vec<String> = docs
            .iter()
            .map(|d| d[0].text.chars().take(6).collect())
            .collect();
        assert_eq!(firsts, ["甲市某某条例", "甲市人民代表", "乙市某某条例"]);
        // A law that speaks of itself after a stop is no header.
        let line = format!("{} 本条例2020年1月1日公布施行。", law("甲市某某条例"));
        assert_eq!(segment(paras(&[&line])).len(), 1);
    }

    #[test]
    fn an_attachment_at_the_end_of_a_law_stays_with_it() {
        for label in ["附：", "附件1", "附表"] {
            let docs = segment(paras(&[
                "甲法",
                "第一条 为了甲，制定本法。",
                "第二条 本法自公布之日起施行。",
                label,
                "甲税目税额表",
                "乙法",
                "第一条 为了乙，制定本法。",
            ]));
            assert_eq!(docs[0].len(), 5, "{label}");
            assert_eq!(docs[1][0].text, "乙法", "{label}");
        }
        // The attachment's title wrapped over three paragraphs, the next law's title whole.
        let docs = segment(paras(&[
            "第一条 为了甲，制定本解释。",
            "第二条 本解释自公布之日起施行。",
            "附：",
            "非法猎捕、杀害、收购、运输、出售珍贵、",
            "濒危野生动物刑事案件“情节严重”、",
            "“情节特别严重”数量认定标准表",
            "最高人民法院关于审理网络消费纠纷案件适用法律若干问题的规定（一）",
            "法释〔2022〕8号",
            "为正确审理网络消费纠纷案件，根据法律的规定，制定本规定。",
            "第一条 电子商务经营者提供的格式条款无效。",
        ]));
        assert_eq!(docs[0].len(), 6);
        assert!(docs[1][0].text.starts_with("最高人民法院关于"));
    }

    #[test]
    fn a_dated_note_wrapped_over_paragraphs_stays_in_its_header() {
        let docs = segment(paras(&[
            "甲条例",
            "第一条 为了甲，制定本条例。",
            "第二条 本条例自公布之日起施行。",
            "乙条例",
            "2021年12月3日 山东省第十三届人民代表大会常务委",
            "员会第三十二次会议《关于修改〈山东省动物防疫条例〉等七件地方性法规的决定》第二次修正",
            "第一章 总则",
            "第一条 为了乙，制定本条例。",
        ]));
        assert_eq!(docs[1][0].text, "乙条例");
        // Ten notes that reflow ran together (PDF text wraps them into full lines).
        let notes = "2014年6月27日 乙市第十四届人民代表大会常务委员会第三次会议通过".repeat(10);
        let docs = segment(paras(&[
            "第一条 为了甲，制定本条例。",
            "第二条 本条例自公布之日起施行。",
            "乙条例",
            &notes,
            "第一章 总则",
            "第一条 为了乙，制定本条例。",
        ]));
        assert_eq!(docs[1][0].text, "乙条例");
        // Pieces that no dated note leads are not taken on trust.
        let docs = segment(paras(&[
            "第一条 为了甲，制定本条例。",
            "第二条 本条例自公布之日起施行。",
            "附表：甲类事项、乙类事项、丙类事项、丁类事项、戊类事项、己类事项的名称和编号",
            "乙条例",
            "第一条 为了乙，制定本条例。",
        ]));
        assert_eq!(docs[1][0].text, "乙条例");
    }

    #[test]
    fn a_law_in_a_compilation_begins_with_its_whole_header() {
        // Laws copied one after another: a long title, dated notes without brackets (one too
        // long to read as a title), a preamble that enacts the law.
        let docs = segment(paras(&[
            "甲条例",
            "第一条 为了甲，制定本条例。",
            "第二条 本条例自公布之日起施行。",
            "最高人民法院关于审理使用人脸识别技术处理个人信息相关民事案件适用法律若干问题的规定",
            "2020年11月29日 《国务院关于修改和废止部分行政法规的决定》第一次修订",
            "2021年8月1日 施行",
            "为正确审理相关民事案件，根据法律的规定，结合审判实践，制定本规定。",
            "第一条 本规定适用于相关民事案件。",
        ]));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].len(), 3);
        assert!(docs[1][0].text.starts_with("最高人民法院关于"));
        assert_eq!(docs[1].len(), 5);
        // Other ways a preamble hands over to the articles.
        for preamble in [
            "为规范审理，对有关问题作如下规定：",
            "为正确适用法律，特作出以下规定：",
        ] {
            let docs = segment(paras(&[
                "第一条 为了甲，制定本条例。",
                "第二条 本条例自公布之日起施行。",
                "乙规定",
                preamble,
                "第一条 本规定适用于乙。",
            ]));
            assert_eq!(docs[1][0].text, "乙规定", "{preamble}");
        }
        // An article is never a preamble, however its sentence ends.
        let docs = segment(paras(&[
            "第一条 为了甲，制定本条例。",
            "第二条 违反本条例的，处一万元以下罚款。",
            "第一条 本规定适用于乙。",
        ]));
        assert_eq!(docs[0].len(), 2);
        // A sentence that does not enact ends the law before, and the header stops there.
        let docs = segment(paras(&[
            "第一条 为了甲，制定本条例。",
            "第二条 本条例自公布之日起施行。",
            "本条例由甲部门负责解释。",
            "乙条例",
            "第一条 为了乙，制定本条例。",
        ]));
        assert_eq!(docs[0].last().unwrap().text, "本条例由甲部门负责解释。");
        assert_eq!(docs[1][0].text, "乙条例");
    }

    #[test]
    fn a_law_whose_articles_are_grouped_begins_over_its_first_group() {
        // A judicial interpretation after another: its first article sits under `一、…`.
        let law = [
            "第一条 为了甲，制定本规定。",
            "第二条 本规定自公布之日起施行。",
            "最高人民法院关于审理企业破产案件指定管理人的规定",
            "2007年4月12日 最高人民法院公告公布",
            "为公平、公正审理企业破产案件，根据法律的规定，制定本规定。",
            "一、管理人名册的编制",
            "第一条 人民法院审理企业破产案件应当指定管理人。",
        ];
        let docs = segment(paras(&law));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1][0].text, law[2]);
        assert_eq!(docs[1].len(), 5);
        // Not a sentence numbered `一、`, nor a later group: those end the law before.
        for not_a_group in ["一、本规定自公布之日起施行。", "二、管理人的指定"]
        {
            let docs = segment(paras(&[
                "第一条 为了甲，制定本规定。",
                "乙规定",
                not_a_group,
                "第一条 人民法院审理企业破产案件应当指定管理人。",
            ]));
            assert_eq!(
                docs[1][0].text,
                "第一条 人民法院审理企业破产案件应当指定管理人。"
            );
        }
    }

    #[test]
    fn a_document_of_groups_ends_where_the_next_begins_under_a_dated_header() {
        // Two amendments one after the other, then a law after a decision of 一、 二、 …
        let amendments = [
            "中华人民共和国刑法修正案（三）",
            "2001年12月29日 第九届全国人民代表大会常务委员会第二十五次会议通过",
            "一、将刑法第一百一十四条修改为：“……”",
            "二、本修正案自公布之日起施行。",
            "中华人民共和国刑法修正案（二）",
            "（2001年8月31日第九届全国人民代表大会常务委员会第二十三次会议通过）",
            "为了惩治毁林开垦的犯罪，对刑法作如下修改：",
            "一、将刑法第三百四十二条修改为：“……”",
            "二、本修正案自公布之日起施行。",
            "最高人民法院关于审理企业破产案件指定管理人的规定",
            "2007年4月12日 最高人民法院公告公布",
            "第一条 人民法院审理企业破产案件应当指定管理人。",
        ];
        let docs = segment(paras(&amendments));
        let firsts: Vec<&str> = docs.iter().map(|d| d[0].text.as_str()).collect();
        assert_eq!(firsts, [amendments[0], amendments[4], amendments[9]]);
        // Without a dated note, `一、` starting over is a policy document's next part.
        let plan = [
            "某某规划纲要",
            "第一部分 总体要求",
            "一、指导思想",
            "坚持稳中求进。",
            "第二部分 主要任务",
            "一、推进改革",
            "深化改革。",
        ];
        assert_eq!(segment(paras(&plan)).len(), 1);
        // A judicial interpretation's first group over its first article, news above them all.
        let news = [
            "据新华社北京4月18日电 最高人民法院日前发布司法解释。",
            "最高人民法院关于审理企业破产案件指定管理人的规定",
            "2007年4月12日 最高人民法院公告公布",
            "一、管理人名册的编制",
            "第一条 人民法院审理企业破产案件应当指定管理人。",
            "二、管理人的指定",
            "第二条 人民法院应当指定管理人。",
        ];
        assert_eq!(segment(paras(&news)).len(), 1);
    }

    #[test]
    fn a_document_begins_under_a_dated_header_after_chapters_or_where_articles_do_not_follow_on() {
        // An amendment numbers its articles on from the amendment before it.
        let amendment = [
            "第一条 为了甲，制定本规定。",
            "第七条 本规定自公布之日起施行。",
            "中华人民共和国宪法修正案（1993年）",
            "（1993年3月29日第八届全国人民代表大会第一次会议通过）",
            "第三条 宪法序言第七自然段后两句修改为：“……”",
            "第四条 宪法第七条修改为：“……”",
        ];
        let docs = segment(paras(&amendment));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1][0].text, amendment[2]);
        // A list of charges under chapters, then an interpretation's first article.
        let charges = [
            "最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见",
            "1997年12月17日 最高人民检察院检察委员会第八届第八十一次会议通过",
            "第一章 危害国家安全罪",
            "1．背叛国家罪（第102条） 2．分裂国家罪（第103条第1款）",
            "第二章 危害公共安全罪",
            "3．放火罪（第114条、第115条第1款）",
            "最高人民法院关于办理非法买卖外汇刑事案件适用法律若干问题的解释",
            "2018年12月12日 最高人民检察院第十三届检察委员会第十一次会议通过",
            "第一条 违反国家规定，具有下列情形之一的，属于非法经营行为。",
        ];
        let docs = segment(paras(&charges));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1][0].text, charges[6]);
        // A law's own first chapter over its first article, a paragraph opening with a citation
        // of an earlier article: no new document.
        let law = [
            "某某条例",
            "（2020年1月1日某某会议通过）",
            "第一章 总则",
            "第一条 为了甲，制定本条例。",
            "第十条 有下列情形之一的，不予登记：",
            "第三条规定的情形。",
        ];
        assert_eq!(segment(paras(&law)).len(), 1);
    }

    #[test]
    fn a_long_table_of_contents_is_part_of_the_header() {
        // Thirty chapters listed in a 目录: the header walk reaches the title over them.
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
        let mut texts = vec![
            "第一条 为了甲，制定本法。".to_string(),
            "第二条 本法自公布之日起施行。".to_string(),
            "中华人民共和国民用航空法".to_string(),
            "（1995年10月30日第八届全国人民代表大会常务委员会第十六次会议通过）".to_string(),
            "目录".to_string(),
        ];
        for tens in ["", "十", "二十"] {
            for n in numerals {
                texts.push(format!("第{tens}{n}章 某某"));
            }
        }
        texts.push("第一章 总则".to_string());
        texts.push("第一条 为了乙，制定本法。".to_string());
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let docs = segment(paras(&texts));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1][0].text, "中华人民共和国民用航空法");
    }

    #[test]
    fn a_law_inside_a_line_begins_after_the_quote_that_closes_the_sentence_before() {
        let docs = segment(paras(&[
            "第一条 为了甲，制定本条例。 第二条 将第三条修改为：“第三条 本条例自公布之日起施行。” \
             乙条例 2020年1月1日通过 第一条 为了乙，制定本条例。",
        ]));
        assert_eq!(docs.len(), 2);
        assert!(docs[0][0].text.ends_with("施行。”"));
        assert!(docs[1][0].text.starts_with("乙条例"));
    }

    #[test]
    fn a_law_inside_a_line_keeps_a_preamble_of_several_sentences_under_its_header() {
        // A single-line compilation, long enough to be searched for headers inside it.
        let mut line = String::from("第一条 为了甲，制定本条例。 ");
        for n in ["二", "三", "四", "五", "六", "七", "八", "九"] {
            line.push_str(&format!(
                "第{n}条 {} ",
                "甲单位应当依法履行职责，做好相关工作。".repeat(10)
            ));
        }
        line.push_str(
            "第十条 本条例自公布之日起施行。 乙市人大常委会组成人员守则 1993年9月16日 某某会议通过 \
             组成人员肩负着重托，任务光荣而艰巨。我们应当履行职责。为此，制定本守则。\
             第一条 组成人员要努力学习。",
        );
        let docs = segment(paras(&[&line]));
        assert_eq!(docs.len(), 2);
        assert!(
            docs[1][0].text.starts_with("乙市人大常委会组成人员守则"),
            "{docs:?}"
        );
    }

    #[test]
    fn a_law_inside_a_line_begins_after_the_attachment_title_before_it() {
        let docs = segment(paras(&[
            "第一条 为了甲，制定本法。 第二条 本法自公布之日起施行。附： 甲税目税率表 \
             乙法 2011年2月25日通过 第一条 为了乙，制定本法。",
        ]));
        assert_eq!(docs.len(), 2);
        assert!(docs[0][0].text.ends_with("甲税目税率表"), "{docs:?}");
        assert!(docs[1][0].text.starts_with("乙法"));
    }

    #[test]
    fn a_header_does_not_reach_back_over_the_first_article_before_it() {
        // Found by the nothing-lost property test: the second 第一条's header was looked for
        // back to the stop before the first, so its cut came before the first one's, and the
        // paragraph was split at offsets out of order (a panic).
        let text = "第一条为了保守国家秘密，制定本法。 第一条第一条";
        let docs = segment(paras(&[text]));
        let joined: String = docs.iter().flatten().map(|p| p.text.as_str()).collect();
        assert_eq!(joined.replace(' ', ""), text.replace(' ', ""));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1][0].text, "第一条第一条");
    }

    #[test]
    fn an_article_quoted_by_an_amending_decision_is_not_a_second_law() {
        let docs = segment(paras(&[
            "关于修改某某法的决定",
            "一、增加一条，作为第一条：",
            "“第一条 为了规范某某，制定本法。”",
            "二、本决定自公布之日起施行。",
            "某某法",
            "第一条 为了规范某某，制定本法。",
            "第二条 本法自公布之日起施行。",
        ]));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1][0].text, "某某法");
    }

    #[test]
    fn a_sentence_about_article_one_is_not_a_second_law() {
        // News of a law, on one line after the law itself.
        let docs = segment(paras(&[
            "第一条 为了甲，制定本条例。 第二条 本条例自公布之日起施行。\
            条例共两条。其中第一条明确了立法目的。第一条明确了立法目的，第二条规定了施行日期。",
        ]));
        assert_eq!(docs.len(), 1);
    }

    #[test]
    fn citations_of_article_one_inside_a_line_are_not_a_second_law() {
        let docs = segment(paras(&["第一条 为了甲，制定本法。 第二条 本法所称甲，\
            是指依照本法第一条认定的事项。第一条规定的事项，由政府负责。"]));
        assert_eq!(docs.len(), 1);
    }

    #[test]
    fn a_citation_of_article_one_is_not_a_second_law() {
        let docs = segment(paras(&[
            "第一条 为了甲，制定本法。",
            "第二条 本法所称甲，是指：",
            "第一条规定的事项，由政府负责。",
        ]));
        assert_eq!(docs.len(), 1);
    }

    #[test]
    fn no_paragraphs_make_no_document() {
        // A file of only Markdown markup (`<!-- INFO END -->`) has none after normalising.
        assert!(segment(Vec::new()).is_empty());
    }

    #[test]
    fn a_leading_source_line_does_not_split() {
        let docs = segment(paras(&["来源：人民日报", "标题", "正文。"]));
        assert_eq!(docs.len(), 1);
    }

    #[test]
    fn tail_splits_at_titles_after_prose() {
        let docs = split_tail(&paras(&[
            "新闻甲的标题",
            "这是第一篇新闻的正文，讲述了一件事。",
            "新闻乙的标题",
            "这是第二篇新闻的正文。",
        ]));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1][0].text, "新闻乙的标题");
        // A byline under the second piece is its last line, not a third piece.
        let docs = split_tail(&paras(&[
            "新闻甲的标题",
            "这是第一篇新闻的正文，讲述了一件事。",
            "新闻乙的标题",
            "这是第二篇新闻的正文。",
            "编辑 陈艳婷",
        ]));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].last().unwrap().text, "编辑 陈艳婷");
    }

    #[test]
    fn a_long_paragraph_of_sentences_is_prose_however_it_ends() {
        let body = "数字经济加快发展。依托数字底座，庆阳市引进中国通号等头部企业，杭州链景打造西部增材制造产业基地，超级马赫创新研发全国首个3D打印航空涡喷发动机";
        // Cut off by the page, or a stray mark after its last stop: the title after it starts
        // the next piece.
        for last in [body.to_string(), format!("{body}。 |")] {
            let docs = split_tail(&paras(&["新闻甲的标题", &last, "新闻乙的标题", "正文。"]));
            assert_eq!(docs.len(), 2, "{last}");
            assert_eq!(docs[1][0].text, "新闻乙的标题");
        }
        // A long line of names holds no sentence: the heading under it is the list's.
        let names = "石家庄仲裁委员会、邯郸仲裁委员会、邢台仲裁委员会、沧州仲裁委员会、承德仲裁委员会、张家口仲裁委员会、衡水仲裁委员会";
        let docs = split_tail(&paras(&[
            "仲裁委员会名单",
            "河北省",
            names,
            "山西省",
            "大同仲裁委员会",
        ]));
        assert_eq!(docs.len(), 1);
    }

    #[test]
    fn a_cases_section_headings_are_no_titles_but_a_short_whole_title_is() {
        let docs = split_tail(&paras(&[
            "劳动者与用人单位订立放弃加班费协议，能否主张加班费",
            "基本案情",
            "张某于2020年6月入职某科技公司。",
            "申请人请求",
            "请求裁决某科技公司支付加班费。",
            "典型意义",
            "本案明确了加班费的认定规则。",
        ]));
        assert_eq!(docs.len(), 1);
        let docs = split_tail(&paras(&["甲法", "第一条 甲。", "国旗法", "第一条 乙。"]));
        assert_eq!(docs.len(), 2);
    }

    #[test]
    fn a_notice_that_issues_a_plan_ends_at_its_signature() {
        let docs = split_tail(&paras(&[
            "国务院办公厅关于印发某某方案的通知",
            "《某某方案》已经国务院同意，现印发给你们，请认真贯彻执行。",
            "国务院办公厅",
            "2024年3月1日",
            "（此件公开发布）",
            "某某方案",
            "为做好某某工作，制定本方案。",
        ]));
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].last().unwrap().text, "（此件公开发布）");
        assert_eq!(docs[1][0].text, "某某方案");
    }

    #[test]
    fn a_date_line_ends_a_piece() {
        // A signature, then an attachment: no prose between them, but the date closes the
        // notice.
        let docs = split_tail(&paras(&[
            "附件：某某清单",
            "某某局",
            "2024年3月1日",
            "附件",
            "某某清单",
        ]));
        assert_eq!(docs.len(), 2);
        // The attachment's label stays with the notice that lists it.
        assert_eq!(docs[0].last().unwrap().text, "附件");
        assert_eq!(docs[1][0].text, "某某清单");
    }

    #[test]
    fn an_announced_text_stays_with_its_announcement() {
        let docs = split_tail(&paras(&[
            "中共中央印发《规划纲要》",
            "近日，中共中央印发了《规划纲要》，并发出通知。",
            "《规划纲要》全文如下。",
            "规划纲要",
            "正文。",
        ]));
        assert_eq!(docs.len(), 1);
    }
}
