//! Documents that begin inside one paragraph, as single-line exports of compilations give them:
//! where a `第一条` or a dated header inside a long line starts a new law, and the byte offset to
//! cut at.

use super::header::{enacts, is_first_group};
use crate::lines::{has_date, is_attachment_label, is_whole_title, CLOSING_FRAGMENT_CHARS};

/// Byte offsets in a long paragraph (a single-line export of a compilation) where a document
/// begins with its header: a whole title, then a dated note, bracketed or not (`…同时废止。
/// 乙市人大常委会关于某某的决定 2020年2月7日 某某会议通过 …`), after a sentence end or after a
/// space where the text before it ended no sentence (a list's last entry,
/// `414．虐待俘虏罪（第448条）`; a signature's date). The cut is right after the stop, or at the
/// space. Not a law speaking of itself (`本条例`), not a title without a full date and what
/// happened on it, and not inside a header already found (a title with a space in it).
pub(super) fn inline_headers(text: &str) -> Vec<usize> {
    if text.len() < LONG_PARAGRAPH {
        return Vec::new();
    }
    let mut cuts = Vec::new();
    // Where the last header found has its date: no other begins inside it.
    let mut header_end = 0;
    // Where the last sentence ended.
    let mut sentence_start = 0;
    for (k, mark) in text.match_indices(['。', '！', '？', ' ', '\u{3000}', '\t']) {
        let spaced = matches!(mark, " " | "\u{3000}" | "\t");
        if !spaced {
            sentence_start = sentence_end(text, k + mark.len());
        }
        if k < header_end || spaced && !ends_unfinished(&text[sentence_start.min(k)..k]) {
            continue;
        }
        let cut = if spaced { k } else { sentence_start };
        let rest = text[cut..].trim_start_matches(crate::normalise::is_space);
        // The last characters of a closing line, wrapped off it (`…来源：“学习强国”学习 平台
        // 某某法`): a header begins after them, not with them.
        if spaced && is_closing_fragment(&text[sentence_start.min(k)..k], rest) {
            continue;
        }
        let window = &rest[..crate::text::window_end(rest, HEADER_NOTE_BYTES)];
        let Some(date) = crate::lines::DATE.find(window) else {
            continue;
        };
        let title = window[..date.start()].trim_end_matches(crate::normalise::is_space);
        // The note may be bracketed: `某某法（1988年9月5日…通过 …）`.
        let title = title
            .strip_suffix(['（', '('])
            .map_or(title, |t| t.trim_end_matches(crate::normalise::is_space));
        // The event word is looked for past the window the date was found in: a long title
        // leaves little of it (`…若干问题的解释 2004年11月2日 …第28次会议通过`).
        let after = &rest[date.end()..];
        let after = &after[..crate::text::window_end(after, EVENT_BYTES)];
        // No word of the title opens with a label: entries of a list that end no sentence
        // (`413．私放俘虏罪（第447条） 414．…`) are not the title before a date.
        if title.chars().count() >= 6
            && !title.starts_with('本')
            && is_whole_title(title)
            && (EVENTS.iter().any(|w| after.contains(w)) || opens_first_unit(after))
            && !title
                .split(crate::normalise::is_space)
                .any(|w| crate::numbering::parse_marker(w).is_some())
        {
            cuts.push(cut);
            header_end = text.len() - rest.len() + date.start();
        }
    }
    cuts
}

/// A bare date under a title, then the first unit (`…暂行规定 1955年12月29日 一、…`): the date
/// is the note of that header, though it names no event.
fn opens_first_unit(after_date: &str) -> bool {
    crate::numbering::parse_marker(after_date.trim_start_matches(crate::normalise::is_space))
        .is_some_and(|m| m.number == 1 && m.sub.is_none())
}

/// The words since the last sentence end, before a space, are the end of a text that ended no
/// sentence, not the start of a header (a title with a space in it, `…疫情  坚决打赢…的决定`, or
/// printed twice, `中华人民共和国农村土地 承包经营纠纷调解仲裁法`): longer than a header's
/// title, a closing line (`发布时间：… 来源：…`, which ends the piece before), or ending on a
/// date (a signature's, `某某局 2024年3月1日`).
fn ends_unfinished(words: &str) -> bool {
    let words = words.trim_matches(crate::normalise::is_space);
    words.len() > HEADER_NOTE_BYTES
        || crate::lines::is_closing_line(words)
        || crate::lines::DATE
            .find_iter(words)
            .last()
            .is_some_and(|m| m.end() == words.len())
}

/// Byte offsets in a long paragraph (a single-line export of a newspaper page) where a document
/// begins after the closing line of the one before, run into the line (`…团结奋斗。
/// 发布时间：2024 年 2 月 26 日来源：“学习强国”学习平台 某某法 …`), as [`super::segment`] cuts
/// after a closing line of its own: right after the date, or at the space that ends the source
/// ([`source_len`]). Not where the source runs on into the next words (`来源：新华某某主持…`),
/// which tell no place to cut; not a closing line with nothing before it (a header) or too
/// little after it (the end of the file).
pub(super) fn inline_closings(text: &str) -> Vec<usize> {
    if text.len() < LONG_PARAGRAPH {
        return Vec::new();
    }
    let mut cuts = Vec::new();
    for (k, _) in text.match_indices(PUBLISHED) {
        let before = text[..k].trim_end_matches(crate::normalise::is_space);
        // It opens a line of its own that the export ran in: after a sentence or a space.
        let opens = before.len() < k
            || before
                .trim_end_matches(crate::text::is_closing)
                .ends_with(crate::text::is_sentence_end);
        if before.is_empty() || !opens {
            continue;
        }
        let Some(len) = closing_len(&text[k..]) else {
            continue;
        };
        let cut = k + len;
        if text[cut..]
            .trim_start_matches(crate::normalise::is_space)
            .len()
            >= MIN_DOCUMENT_BYTES
        {
            cuts.push(cut);
        }
    }
    cuts
}

/// The word a news item's closing line opens with.
const PUBLISHED: &str = "发布时间";

/// The least text after a closing line, in bytes, that is a document of its own (a title).
const MIN_DOCUMENT_BYTES: usize = 18;

/// The byte length of the closing line that `s` opens with: `发布时间：` and a date, then
/// perhaps `来源：` and the source.
fn closing_len(s: &str) -> Option<usize> {
    let rest = s.strip_prefix(PUBLISHED)?.strip_prefix([':', '：'])?;
    let rest = rest.trim_start_matches(crate::normalise::is_space);
    let rest = &rest[crate::lines::date_at_start(rest)?..];
    let date_end = s.len() - rest.len();
    let source = rest
        .trim_start_matches(crate::normalise::is_space)
        .strip_prefix(SOURCE)
        .and_then(|r| r.strip_prefix([':', '：']));
    match source {
        Some(name) => Some(s.len() - name.len() + source_len(name)?),
        None => Some(date_end),
    }
}

/// The word that names a closing line's source.
const SOURCE: &str = "来源";

/// How far a source's name runs (`新华社`, `“学习强国”学习平台`, `《求是》2024 年第 4 期`): past a
/// quoted or book-titled name, to the space that ends the words after it, within
/// [`SOURCE_CHARS`], and over the words of up to [`CLOSING_FRAGMENT_CHARS`] after that space,
/// pieces of the name a line break cut off (`学习平 台`, `2024 年第 4 期`). `None` when no space
/// ends it: the next document's title is glued on, and nothing tells where.
fn source_len(name: &str) -> Option<usize> {
    let words = name.trim_start_matches(crate::normalise::is_space);
    let mut end = name.len() - words.len();
    let closer = match words.chars().next() {
        Some('“') => Some('”'),
        Some('《') => Some('》'),
        _ => None,
    };
    // Within a name's length: a quote left open is no name, and a long line is not read on.
    let quoted = &words[..crate::text::window_end(words, QUOTED_NAME_BYTES)];
    if let Some(close) = closer.and_then(|c| quoted.find(c).map(|k| k + c.len_utf8())) {
        end += close;
    }
    let (space, _) = name[end..]
        .char_indices()
        .take(SOURCE_CHARS + 1)
        .take_while(|&(_, c)| !crate::text::is_sentence_end(c))
        .find(|&(_, c)| crate::normalise::is_space(c))?;
    end += space;
    loop {
        let next = name[end..].trim_start_matches(crate::normalise::is_space);
        let Some(len) = fragment_len(next) else {
            return Some(end);
        };
        end = name.len() - next.len() + len;
    }
}

/// The most characters of a source's words outside its quotes (`学习平台`, `人民网`).
const SOURCE_CHARS: usize = 10;

/// The longest quoted or book-titled source name, in bytes (twenty characters).
const QUOTED_NAME_BYTES: usize = 60;

/// `rest` opens with a fragment wrapped off the closing line that `words` are (`平台` after
/// `发布时间：… 来源：“学习强国”学习`), as [`crate::layout`] joins it back on separate lines.
fn is_closing_fragment(words: &str, rest: &str) -> bool {
    fragment_len(rest).is_some()
        && crate::lines::is_closing_line(words.trim_matches(crate::normalise::is_space))
}

/// The byte length of the word `s` opens with when it may be a fragment of a closing line:
/// at most [`CLOSING_FRAGMENT_CHARS`] characters, a space after it. (Read no further: a long
/// paragraph asks at each of its spaces.)
fn fragment_len(s: &str) -> Option<usize> {
    s.char_indices()
        .take(CLOSING_FRAGMENT_CHARS + 1)
        .find(|&(_, c)| crate::normalise::is_space(c))
        .map(|(k, _)| k)
        .filter(|&k| k > 0)
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
pub(super) enum Cut {
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
pub(super) fn restart_cut(text: &str, at: usize, floor: usize) -> Option<Cut> {
    // `floor` is a character boundary: the end of a label.
    let from = crate::text::window_start(text, at, HEADER_BYTES).max(floor);
    let Some((k, stop)) = last_mark(text, from, at, crate::text::is_stop) else {
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

/// The last mark in `text[from..end]` that `is_mark` accepts (a stop, a sentence end): its byte
/// offset in `text`, and the mark.
fn last_mark(
    text: &str,
    from: usize,
    end: usize,
    is_mark: impl Fn(char) -> bool,
) -> Option<(usize, char)> {
    text[from..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_mark(c))
        .map(|(i, c)| (from + i, c))
}

/// Where the sentence that ends at byte `end` of `text` begins, no earlier than byte `from`:
/// after the stop before it, or with the paragraph. `None` when no stop comes between `from`
/// (the end of an earlier `第一条`, or the limit of a header's length) and it.
fn preamble_start(text: &str, from: usize, end: usize) -> Option<Cut> {
    match last_mark(text, from, end, crate::text::is_stop) {
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
        || first_heading_label(words).is_some()
}

/// Where the first 编/章/节 label in `words` begins (`某某条例第一章 总则`), glued to the words
/// before it or not.
fn first_heading_label(words: &str) -> Option<usize> {
    words.match_indices('第').map(|(k, _)| k).find(|&k| {
        crate::numbering::parse_marker(&words[k..]).is_some_and(|m| m.kind.is_structural())
    })
}

/// How far before an inline `第一条` its law's header may begin: a long title and its dated
/// notes (a law amended five times has five, each of a hundred characters or so).
const HEADER_BYTES: usize = 3000;

/// A searcher for `第一条`, built once.
static FIRST_ARTICLE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(FIRST_ARTICLE_LABEL));

/// The label [`first_article_labels`] looks for.
pub(super) const FIRST_ARTICLE_LABEL: &str = "第一条";

/// Byte offsets of the `第一条` labels in `text` that read as headings, not citations.
pub(super) fn first_article_labels(text: &str) -> Vec<usize> {
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

/// Where the law whose first article is at byte `at` of `text` begins when a notice that
/// transmits it stands before it on the line: the notice's signature ends on a date, and a
/// whole title (under it, perhaps, the first headings) stands between that date and the
/// article (`…请认真贯彻执行。 某某省人民政府办公厅 2024年3月1日 某某省数据资源管理办法 第一章
/// 总则 第一条 …`). `at` may be a plan's first division instead, whose title may have a
/// preamble under it (`… 2024年3月1日 某某行动方案 为…，制定本方案。一、…`). Returns the cut,
/// right after the date, and where lines of the notice and the law's header end: after the
/// notice's last sentence and after the organ that signs it (when its name is short and no
/// clause), and after the title.
pub(super) fn signed_then_titled(text: &str, at: usize) -> Option<(usize, Vec<usize>)> {
    // Most first articles open their paragraph: nothing stands before them on the line.
    if at == 0 {
        return None;
    }
    let from = crate::text::window_start(text, at, HEADER_NOTE_BYTES);
    let date = crate::lines::DATE.find_iter(&text[from..at]).last()?;
    let (date_start, cut) = (from + date.start(), from + date.end());
    // The organ that signs: the words between the notice's last sentence and the date, short
    // and no clause. (A law's own title before its dated note ends no sentence.)
    let signature_from = crate::text::window_start(text, date_start, SIGNATURE_BYTES);
    let (k, stop) = last_mark(
        text,
        signature_from,
        date_start,
        crate::text::is_sentence_end,
    )?;
    let signature = sentence_end(text, k + stop.len_utf8());
    let organ = text[signature..date_start].trim_matches(crate::normalise::is_space);
    if organ.is_empty() || organ.contains(crate::text::is_clause_mark) {
        return None;
    }
    let header = &text[cut..at];
    let words = header.trim_start_matches(crate::normalise::is_space);
    let title_len = if crate::numbering::parse_marker(&text[at..])
        .is_some_and(|m| m.kind == crate::model::Kind::Division)
    {
        // A plan may open with a preamble under its title (`…方案 为…，制定本方案。一、…`).
        opening_title(words)?
    } else {
        // The first headings over the article (`第一章 总则`) are not the title's.
        let title = &words[..first_heading_label(words).unwrap_or(words.len())];
        let title = title.trim_end_matches(crate::normalise::is_space);
        is_whole_title(title).then_some(title.len())?
    };
    let title_end = cut + header.len() - words.len() + title_len;
    Some((cut, vec![signature, date_start, title_end]))
}

/// The first division label numbered one (`一、`) that opens a sentence or a line inside
/// `text`, not at its start: where a plan transmitted by a notice before it on the line may
/// begin its body ([`signed_then_titled`]).
pub(super) fn first_division_inside(text: &str) -> Option<usize> {
    division_labels(text)
        .into_iter()
        .find(|&(at, number)| number == 1 && at > 0)
        .map(|(at, _)| at)
}

/// The longest signature before a date, in bytes: the names of two or three organs.
const SIGNATURE_BYTES: usize = 150;

/// Byte offsets in a long paragraph (a single-line export of several policy documents) where a
/// document of divisions begins: the numbering `一、 二、 …` starts over, at the start of a
/// sentence or a line, after it reached `二、`; a `二、` follows the new `一、`; and between the
/// last division before and the new `一、` a sentence opens with a whole title
/// (`…五、…。乙方案为了…，制定本方案。一、…`). The cut is at that title ([`best_title`] says
/// which, when several sentences open like one): the sentences between it and `一、` are the new
/// document's preamble. Returns each cut with the ends of its header's lines: the title's, and
/// that of a bracketed dated note right after it (`（2024年3月1日）`). A restart with no title
/// before it (the divisions of a 部分, a list that starts over) cuts nothing, nor one that a
/// header of [`inline_headers`] (`headers`) begins already.
pub(super) fn division_restarts(text: &str, headers: &[usize]) -> Vec<(usize, Vec<usize>)> {
    if text.len() < LONG_PARAGRAPH {
        return Vec::new();
    }
    let labels = division_labels(text);
    let mut cuts = Vec::new();
    // The number the running sequence reached, and where its last label is.
    let (mut last, mut last_at) = (0, 0);
    for (k, &(at, number)) in labels.iter().enumerate() {
        if number == last + 1 {
            (last, last_at) = (number, at);
            continue;
        }
        let goes_on = labels[k + 1..]
            .iter()
            .find(|&&(_, n)| n <= 2)
            .is_some_and(|&(_, n)| n == 2);
        let headed = headers.iter().any(|&h| last_at < h && h <= at);
        if number == 1 && last >= 2 && goes_on && !headed {
            // The division's own heading is the words up to its first sentence end: a title
            // is looked for after it.
            let after_heading = sentence_starts(text, last_at, at).next();
            if let Some((start, end)) = after_heading.and_then(|from| best_title(text, from, at)) {
                let mut lines = vec![end];
                lines.extend(dated_note_end(text, end, at));
                cuts.push((start, lines));
            }
            (last, last_at) = (1, at);
        }
    }
    cuts
}

/// The division labels (`一、`) that open a sentence or a line in `text` (after a sentence end
/// or white space, where a line break was): their byte offsets and numbers.
fn division_labels(text: &str) -> Vec<(usize, u32)> {
    // From each `、` or `．` (a byte search; a long paragraph has few), back over the numeral
    // before it, letter-spaced or not.
    let marks = LABEL_ENDS
        .iter()
        .flat_map(|end| memchr::memmem::find_iter(text.as_bytes(), end.as_bytes()));
    let mut labels: Vec<(usize, u32)> = marks
        .filter_map(|mark| {
            let numeral = text[..mark]
                .char_indices()
                .rev()
                .take(MAX_NUMERAL_CHARS)
                .take_while(|&(_, c)| {
                    crate::numbering::numerals::is_chinese_digit(c) || crate::normalise::is_space(c)
                })
                .last()?
                .0;
            let at = numeral
                + (text[numeral..mark].len()
                    - text[numeral..mark]
                        .trim_start_matches(crate::normalise::is_space)
                        .len());
            let before = text[..at].chars().next_back();
            if before
                .is_some_and(|c| !crate::text::is_sentence_end(c) && !crate::normalise::is_space(c))
            {
                return None;
            }
            let m = crate::numbering::parse_marker(&text[at..])
                .filter(|m| m.kind == crate::model::Kind::Division && m.sub.is_none())?;
            // The label is the one that this mark ends.
            (at + m.len > mark).then_some((at, m.number))
        })
        .collect();
    labels.sort_unstable();
    labels.dedup();
    labels
}

/// What ends a division's label: `一、`, `一．`.
const LABEL_ENDS: [&str; 2] = ["、", "．"];

/// The most characters a division's numeral takes, letter-spaced (`二 十 一`).
const MAX_NUMERAL_CHARS: usize = 8;

/// Where sentences begin in `text[from..to]`: after each sentence end (and the closing quotes
/// and brackets that belong to it) and the white space after it.
fn sentence_starts(text: &str, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
    text[from..to]
        .match_indices(['。', '！', '？'])
        .map(move |(k, stop)| {
            let end = sentence_end(text, from + k + stop.len());
            end + (text[end..].len()
                - text[end..]
                    .trim_start_matches(crate::normalise::is_space)
                    .len())
        })
        .filter(move |&at| at < to)
}

/// The sentence start in `text[from..to]` whose first words are a whole title (`乙方案`, glued
/// to what follows or not) that most reads as a document's title: where a document begins.
/// A title that a dated or dispatch line follows outranks one that a space ends, which
/// outranks one glued to the words after it (`…推进依规治党、加强党内法规制度建设…`, a
/// sentence that opens like a title); among equals, the last, since a preamble is shorter
/// than the text before it. Returns the byte offsets of the title's start and end.
fn best_title(text: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    std::iter::once(from)
        .chain(sentence_starts(text, from, to))
        .filter_map(|at| opening_title(&text[at..to]).map(|len| (at, at + len)))
        .max_by_key(|&(at, end)| (title_rank(&text[end..to]), at))
}

/// How much the words after a title say that it heads a document: 2 for a date, a bracketed
/// note or a news agency's dispatch line (`（2024年2月23日）`, `据新华社北京4月18日电`), 1 for
/// a space that ended its line, 0 for words glued to it.
fn title_rank(after: &str) -> u8 {
    let rest = after.trim_start_matches(crate::normalise::is_space);
    let head = &rest[..crate::text::window_end(rest, NOTE_OPENING_BYTES)];
    let dated = crate::lines::DATE.find(head).is_some_and(|m| {
        let before = head[..m.start()].trim_start_matches(['（', '(']);
        before.trim_matches(crate::normalise::is_space).is_empty()
    });
    if dated || crate::lines::has_source_line(head) {
        2
    } else {
        u8::from(rest.len() < after.len())
    }
}

/// Where a bracketed note with a date that follows a title at byte `title_end` ends
/// (`（2024年3月1日）`, `（2024年3月1日印发）`), before byte `to`.
fn dated_note_end(text: &str, title_end: usize, to: usize) -> Option<usize> {
    let after = &text[title_end..to];
    let note = after.trim_start_matches(crate::normalise::is_space);
    if !note.starts_with(['（', '(']) {
        return None;
    }
    let close = note.find(['）', ')'])?;
    let end = close + note[close..].chars().next()?.len_utf8();
    (crate::lines::is_bracketed_note(&note[..end]) && crate::lines::has_date(&note[..end]))
        .then(|| title_end + after.len() - note.len() + end)
}

/// How far after a title its dated note or dispatch line must begin, in bytes
/// (`据新华社北京4月18日电`).
const NOTE_OPENING_BYTES: usize = 36;

/// The length in bytes of the whole title that `sentence` opens with: the longest of its first
/// words before a clause mark, of a title's length, that ends with a title word
/// (`中央国家机关贯彻落实 全面从严治党要求实施方案`) or with a book title that does (a headline,
/// `中共中央印发《某某规划纲要（2023-2027年）》`). Not a label's heading (`第二部分 工作规划`,
/// `（三）健全…制度`).
fn opening_title(sentence: &str) -> Option<usize> {
    if crate::numbering::parse_marker(sentence).is_some() {
        return None;
    }
    let window = &sentence[..crate::text::window_end(sentence, TITLE_BYTES)];
    let words = window
        .find(|c: char| crate::text::is_clause_mark(c) || crate::text::is_sentence_end(c))
        .map_or(window, |k| &window[..k]);
    // The longest first: a bracketed date after the title is its note (`…方案（2024年3月1日）`),
    // which meta reads on a line of its own, where `（试行）` is part of the title.
    words
        .char_indices()
        .map(|(k, c)| k + c.len_utf8())
        .rev()
        .find(|&end| {
            let title = &words[..end];
            (is_whole_title(title) || ends_with_named_title(title)) && !ends_with_dated_note(title)
        })
}

/// `words` end with a bracketed note that holds a date: `…方案（2024年3月1日）`.
fn ends_with_dated_note(words: &str) -> bool {
    words
        .strip_suffix(['）', ')'])
        .and_then(|inner| inner.rfind(['（', '(']).map(|open| &inner[open..]))
        .is_some_and(crate::lines::has_date)
}

/// `words` end with a book title (`《…》`) that is a whole title, and open no sentence inside it.
fn ends_with_named_title(words: &str) -> bool {
    let Some(inner) = words.strip_suffix('》') else {
        return false;
    };
    inner
        .rfind('《')
        .is_some_and(|open| is_whole_title(&inner[open + '《'.len_utf8()..]))
        && crate::lines::brackets_closed(words)
}

/// The longest title looked for at a sentence start, in bytes (sixty characters).
const TITLE_BYTES: usize = 180;
