//! What fatiao made of one input, taken from the output contract (`fatiao::Extraction`) only:
//! the parts the check compares with the truth.

use crate::canon::non_space;
use fatiao::{Document, Extraction, Kind, Node};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Observed {
    /// Every article of every document, in order: its label and `full_text()`.
    pub articles: Vec<(String, String)>,
    /// Aligned with `articles`: the numbers of each article's items (项), in document order.
    /// A separate field rather than a third member of the tuple, so that tests that build
    /// `articles` by hand need not spell out items they do not look at.
    pub article_items: Vec<Vec<u32>>,
    /// Aligned with `articles`: the pieces each article's text is cut into (see [`pieces`]).
    /// Kept apart from `articles` for the same reason as `article_items`.
    pub article_pieces: Vec<Vec<String>>,
    /// Every 编/分编/章/节 node of every document, in order: its label and heading.
    pub headings: Vec<(String, String)>,
    /// The first document's title: what a user sees as the file's title.
    pub title: Option<String>,
    /// The dates of every document's events.
    pub event_dates: Vec<String>,
    pub warnings: usize,
    /// How many documents hold articles: more than one means a law was cut in pieces.
    pub docs_with_articles: usize,
    /// The non-space characters of all the text the output holds, in reading order.
    pub content: String,
}

/// Reads an extraction.
pub fn observe(ex: &Extraction) -> Observed {
    let mut o = Observed {
        title: ex.documents.first().and_then(|d| d.title.clone()),
        ..Observed::default()
    };
    for doc in &ex.documents {
        let before = o.articles.len();
        o.articles.extend(
            doc.articles()
                .map(|a| (a.label.clone().unwrap_or_default(), a.full_text())),
        );
        o.article_items.extend(doc.articles().map(item_numbers));
        o.article_pieces.extend(doc.articles().map(pieces));
        o.headings
            .extend(doc.nodes().filter(|n| n.kind.is_structural()).map(|n| {
                (
                    n.label.clone().unwrap_or_default(),
                    n.heading.clone().unwrap_or_default(),
                )
            }));
        if o.articles.len() > before {
            o.docs_with_articles += 1;
        }
        o.event_dates
            .extend(doc.meta.events.iter().map(|e| e.date.clone()));
        o.warnings += doc.warnings.len();
        push_content(&mut o.content, doc);
    }
    o
}

/// The numbers of an article's items, wherever they sit below it (under its paragraphs), in
/// document order. An item without a number would be a parser bug, so it counts as 0 rather
/// than vanishing from the comparison.
fn item_numbers(article: &Node) -> Vec<u32> {
    article
        .walk()
        .filter(|n| n.kind == Kind::Item)
        .map(|n| n.number.unwrap_or(0))
        .collect()
}

/// The pieces an article's text is cut into, depth first in reading order (the order of
/// `Node::full_text`, so that the pieces joined are the text the check compares): a node with
/// a label (the article's own aside) opens a piece with its label, heading and the first line
/// of its text; a paragraph, which has no label, opens one with its heading, if any, and its
/// first line; every further line of a text is a piece of its own, for a node's text may hold
/// several of the source's lines (an item that runs over several paragraphs). This mirrors the
/// truth's pieces, one per line of the Markdown: a label starts its line there. Pieces may be
/// empty (an article whose text is all in its paragraphs); the comparison skips those.
fn pieces(article: &Node) -> Vec<String> {
    let mut out = Vec::new();
    for (i, n) in article.walk().enumerate() {
        let label = n.label.as_ref().filter(|_| i > 0);
        let mut first: String = [label, n.heading.as_ref(), n.heading_end.as_ref()]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        let mut lines = n.text.as_deref().unwrap_or("").lines();
        first.push_str(lines.next().unwrap_or(""));
        out.push(first);
        out.extend(lines.map(str::to_string));
    }
    out
}

/// A document's text in reading order: title, preamble, each node depth first (label, heading,
/// heading end, text), trailer. `meta` is left out: it holds copies, never text of its own.
/// Written out here rather than taken from `Document::pieces`: the instrument states the order
/// the issue asks for, so that a part the library forgot to list shows up as lost text.
fn push_content(out: &mut String, doc: &Document) {
    let nodes = doc
        .nodes()
        .flat_map(|n| [&n.label, &n.heading, &n.heading_end, &n.text]);
    let parts = [&doc.title, &doc.preamble]
        .into_iter()
        .chain(nodes)
        .chain([&doc.trailer]);
    for part in parts.flatten() {
        out.extend(non_space(part));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fatiao::{Meta, Source};

    fn node(kind: Kind, label: Option<&str>, text: &str, children: Vec<Node>) -> Node {
        Node {
            id: String::new(),
            kind,
            label: label.map(str::to_string),
            number: None,
            sub_number: None,
            heading: None,
            heading_end: None,
            text: Some(text.to_string()),
            children,
        }
    }

    fn doc(title: Option<&str>, children: Vec<Node>) -> Document {
        Document {
            id: String::new(),
            index: 1,
            title: title.map(str::to_string),
            meta: Meta::default(),
            preamble: Some("前言 一句".into()),
            trailer: Some("落款".into()),
            warnings: vec![],
            children,
        }
    }

    fn extraction(documents: Vec<Document>) -> Extraction {
        Extraction {
            schema: String::new(),
            source: Source {
                path: String::new(),
                encoding: String::new(),
                sha256: String::new(),
            },
            documents,
        }
    }

    #[test]
    fn collects_articles_inside_chapters_across_documents_and_counts_the_split() {
        let a1 = node(Kind::Article, Some("第一条"), "甲", vec![]);
        let ch = node(Kind::Chapter, Some("第一章"), "", vec![a1]);
        let a2 = node(Kind::Article, Some("第二条"), "乙", vec![]);
        let ex = extraction(vec![doc(Some("某法"), vec![ch]), doc(None, vec![a2])]);
        let o = observe(&ex);
        assert_eq!(o.headings, [("第一章".to_string(), String::new())]);
        let labels: Vec<_> = o.articles.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(labels, ["第一条", "第二条"]);
        assert_eq!(o.article_items, [Vec::<u32>::new(), vec![]]);
        assert_eq!(o.docs_with_articles, 2);
        assert_eq!(o.title.as_deref(), Some("某法"));
    }

    #[test]
    fn items_are_read_under_the_paragraphs_in_document_order_aligned_with_articles() {
        let item = |n: u32, children: Vec<Node>| Node {
            number: Some(n),
            ..node(Kind::Item, Some("（一）"), "", children)
        };
        let sub = node(Kind::Subitem, Some("1."), "", vec![]);
        let p1 = node(
            Kind::Paragraph,
            None,
            "",
            vec![item(1, vec![sub]), item(2, vec![])],
        );
        let p2 = node(Kind::Paragraph, None, "", vec![item(1, vec![])]);
        let a1 = node(Kind::Article, Some("第一条"), "", vec![p1, p2]);
        let a2 = node(Kind::Article, Some("第二条"), "乙", vec![]);
        let ch = node(Kind::Chapter, Some("第一章"), "", vec![a1, a2]);
        let o = observe(&extraction(vec![doc(None, vec![ch])]));
        assert_eq!(o.articles.len(), o.article_items.len());
        assert_eq!(o.article_items, [vec![1, 2, 1], vec![]]);
    }

    #[test]
    fn pieces_open_at_each_label_and_each_line_in_the_order_of_full_text() {
        let heading = |n: Node, h: &str| Node {
            heading: Some(h.into()),
            heading_end: Some("。".into()),
            ..n
        };
        let sub = node(Kind::Subitem, Some("1."), "戊；", vec![]);
        let item = heading(
            node(Kind::Item, Some("（一）"), "丙；\n丁。", vec![sub]),
            "乙",
        );
        let p1 = node(Kind::Paragraph, None, "甲：", vec![item]);
        let p2 = node(Kind::Paragraph, None, "己。\n庚。", vec![]);
        let a = node(Kind::Article, Some("第一条"), "", vec![p1, p2]);
        let got = pieces(&a);
        assert_eq!(
            got,
            [
                "",
                "甲：",
                "（一）乙。丙；",
                "丁。",
                "1.戊；",
                "己。",
                "庚。"
            ]
        );
        // Joined, the pieces are the article's full text less its line breaks.
        assert_eq!(got.concat(), a.full_text().replace('\n', ""));
        let o = observe(&extraction(vec![doc(None, vec![a])]));
        assert_eq!(o.article_pieces, [got]);
    }

    #[test]
    fn content_is_everything_in_reading_order_without_spaces() {
        let item = node(Kind::Item, Some("（一）"), "丙；", vec![]);
        let a1 = node(Kind::Article, Some("第一条"), "甲 乙", vec![item]);
        let o = observe(&extraction(vec![doc(Some("某 法"), vec![a1])]));
        assert_eq!(o.content, "某法前言一句第一条甲乙（一）丙；落款");
    }
}
