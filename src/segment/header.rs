//! Where a document's header begins: walking back from its first unit over its title, its dated
//! notes, its 目录 and the headings over the first article, to the paragraph that ended the text
//! before.

use crate::layout::Para;
use crate::lines::{
    has_date, is_attachment_label, is_bracketed_note, is_title_like, is_whole_title,
    opens_with_date,
};
use crate::model::Kind;
use crate::text::ends_with_stop;

/// Where the law whose first article is paragraph `first` begins: with the header paragraphs
/// just before it (its title, its dated notes, its 目录, its first headings), back to the
/// paragraph after `previous`. Right before the first article or the headings over it, that
/// header may end with a preamble that enacts the law (`…，制定本规定。`, `…解释如下：`), the
/// one sentence a header holds. A dated note that PDF text wrapped goes on in paragraphs too
/// long for a title (`员会第三十二次会议《关于修改…的决定》第二次修正`): those belong to the
/// header when the note they continue does.
pub(super) fn header_start(paras: &[Para], previous: usize, first: usize) -> usize {
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
pub(super) fn is_first_group(marker: crate::numbering::Marker) -> bool {
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

/// Where a document begins whose first unit opens paragraph `first`, when a unit opened
/// paragraph `before`. The numbering of `一、` starts over in policy documents (under each 部分,
/// in an attachment), a law's `第一章` opens the paragraph over its `第一条`, and a judicial
/// interpretation's `一、总则` too; so a document begins here only with a header of its own,
/// below `before`: a whole title, and under it a dated note (`2001年8月31日 第九届…会议通过`), as
/// the second of two amendments printed one after the other carries.
pub(super) fn noted_header_start(
    paras: &[Para],
    previous: usize,
    first: usize,
    before: usize,
) -> Option<usize> {
    // No room for a header between the two units. Asked first, as it settles most calls: in a
    // run of headings (a 目录 printed as 第一章 … lines, or a file of nothing else) each
    // 第一章 asks, and the walk back over the headings before it would make the file's time
    // grow with the square of its length.
    if first <= before + 1 {
        return None;
    }
    let start = header_start(paras, previous, first);
    let header = &paras[start..first];
    let noted = header
        .iter()
        .any(|p| is_dated_note(&p.text) || is_bracketed_note(&p.text) && has_date(&p.text));
    (start > before && noted && is_whole_title(&header[0].text)).then_some(start)
}

/// `sentence` (the text before a stop) ends with the enacting formula of a preamble:
/// `…，制定本规定`, `…，制定本条例`, `…，制定本实施细则`, `…，制定本办法（试行）`.
pub(super) fn enacts(sentence: &str) -> bool {
    // Only the last characters are read, as the sentence may be the whole of a long line
    // before a label.
    let tail = |chars: usize| {
        let from = sentence
            .char_indices()
            .rev()
            .nth(chars - 1)
            .map_or(0, |(k, _)| k);
        &sentence[from..]
    };
    // The formula and at most three characters after it (本法, 本规定, 本解释): the last six.
    if tail(6).contains("制定本") {
        return true;
    }
    // Or a longer name of the document's kind: 本实施细则, 本暂行规定, 本议事规则.
    let named = tail(NAMED_FORMULA_CHARS);
    named
        .rfind("制定本")
        .is_some_and(|k| names_a_document(&named[k + "制定本".len()..]))
}

/// The most characters `制定本` and a document's name after it take: two qualifiers, a kind of
/// three characters, a bracketed `（试行）`.
const NAMED_FORMULA_CHARS: usize = 3 + 2 * 2 + 3 + 4;

/// Words that qualify a document's kind in its own name (`实施细则`, `暂行规定`, `议事规则`),
/// unlike the scope that names another text (`本地区实施办法`, `本部门应急预案`).
const KIND_QUALIFIERS: &[&str] = &[
    "实施", "暂行", "试行", "管理", "工作", "议事", "若干", "补充", "具体", "执行", "操作",
];

/// `name` is a document's kind, perhaps after one or two of [`KIND_QUALIFIERS`] and before
/// `（试行）` or `（暂行）`: `实施细则`, `暂行规定`, `办法（试行）`.
fn names_a_document(name: &str) -> bool {
    let name = name
        .strip_suffix("（试行）")
        .or_else(|| name.strip_suffix("（暂行）"))
        .unwrap_or(name);
    let mut rest = name;
    for _ in 0..2 {
        match KIND_QUALIFIERS.iter().find(|q| rest.starts_with(**q)) {
            Some(q) => rest = &rest[q.len()..],
            None => break,
        }
    }
    crate::lines::TITLE_ENDS.contains(&rest)
}

/// How many paragraphs before a law's 第一条 may be its header: a title, a dated note for each
/// amendment, a 目录 of a dozen or so entries, the headings over the first article.
const HEADER_PARAS: usize = 24;

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
