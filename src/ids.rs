//! Stable node ids: `<document id>/<path>`, built from what the document says, not from where a
//! node sits in memory, so that the same input gives the same ids on every run and a reader can
//! guess an id from a citation.
//!
//! - Articles hang from the document directly (`laws/a.txt#1/a11`, `…/a120_1` for 第一百二十条之一):
//!   article numbers are unique in a law, and an article keeps its id when chapters change.
//! - 编 / 分编 / 章 / 节 nest (`…/ch3/se1`).
//! - Everything below an article or a policy unit nests under it: paragraphs by position
//!   (`…/a11/p2`), numbered units by number (`…/a11/p1/i3`, `…/d2/i5/s1`).
//! - A collision (a duplicated number the document really has) gets `~2`, `~3`, … in order.

use crate::model::{Document, Kind, Node};
use std::collections::BTreeMap;

/// Gives every node of `doc` its id. `doc.id` must be set.
pub fn assign(doc: &mut Document) {
    let root = doc.id.clone();
    // Articles hang from the document: their steps must be unique across the whole tree.
    let mut articles: BTreeMap<Step, usize> = BTreeMap::new();
    assign_level(&mut doc.children, &root, &root, &mut articles);
}

/// What makes a step of an id: the family and the numbers. Ids are unique because steps are
/// counted among siblings, and article steps across the document (`articles`); a paragraph's
/// step is its position, unique by itself.
type Step = (Kind, Option<u32>, Option<u32>);

fn assign_level(
    nodes: &mut [Node],
    doc_id: &str,
    parent: &str,
    articles: &mut BTreeMap<Step, usize>,
) {
    let mut siblings: BTreeMap<Step, usize> = BTreeMap::new();
    let mut paragraphs = 0;
    for node in nodes {
        // Pushed piece by piece (no `format!` machinery): there is an id for every node.
        let mut id = String::with_capacity(parent.len() + 12);
        let count = match (node.kind, node.number) {
            (Kind::Paragraph, _) => {
                // A paragraph's step is its position: unique among its siblings by itself.
                paragraphs += 1;
                id.push_str(parent);
                id.push_str("/p");
                push_number(&mut id, paragraphs);
                1
            }
            (kind, number) => {
                let (base, seen) = if kind == Kind::Article {
                    (doc_id, &mut *articles)
                } else {
                    (parent, &mut siblings)
                };
                id.push_str(base);
                id.push('/');
                id.push_str(kind.code());
                if let Some(n) = number {
                    push_number(&mut id, n);
                    if let Some(s) = node.sub_number {
                        id.push('_');
                        push_number(&mut id, s);
                    }
                }
                let count = seen.entry((kind, number, node.sub_number)).or_insert(0);
                *count += 1;
                *count
            }
        };
        if count > 1 {
            id.push('~');
            push_number(&mut id, count);
        }
        node.id = id;
        assign_level(&mut node.children, doc_id, &node.id, articles);
    }
}

fn push_number(id: &mut String, n: impl itoa::Integer) {
    id.push_str(itoa::Buffer::new().format(n));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(kind: Kind, number: Option<u32>, children: Vec<Node>) -> Node {
        Node {
            id: String::new(),
            kind,
            label: None,
            number,
            sub_number: None,
            heading: None,
            heading_end: None,
            text: None,
            children,
        }
    }

    fn document(id: &str, children: Vec<Node>) -> Document {
        Document {
            id: id.into(),
            index: 1,
            title: None,
            meta: Default::default(),
            preamble: None,
            trailer: None,
            warnings: vec![],
            children,
        }
    }

    #[test]
    fn articles_anchor_at_the_document_and_the_rest_nests() {
        let mut doc = document(
            "a.txt#1",
            vec![node(
                Kind::Chapter,
                Some(3),
                vec![node(
                    Kind::Article,
                    Some(11),
                    vec![
                        node(Kind::Paragraph, None, vec![]),
                        node(
                            Kind::Paragraph,
                            None,
                            vec![node(Kind::Item, Some(3), vec![])],
                        ),
                    ],
                )],
            )],
        );
        assign(&mut doc);
        let ids: Vec<&str> = doc.nodes().map(|n| n.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "a.txt#1/ch3",
                "a.txt#1/a11",
                "a.txt#1/a11/p1",
                "a.txt#1/a11/p2",
                "a.txt#1/a11/p2/i3"
            ]
        );
    }

    #[test]
    fn duplicates_get_a_suffix() {
        let mut doc = document(
            "x#1",
            vec![
                node(Kind::Division, Some(1), vec![]),
                node(Kind::Division, Some(1), vec![]),
            ],
        );
        assign(&mut doc);
        assert_eq!(doc.children[1].id, "x#1/d1~2");
    }
}
