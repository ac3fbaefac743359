//! The output contract: what `extract` produces, serialised as JSON (`fatiao/1`) and flattened
//! into CSV by [`crate::emit`].
//!
//! Every type here is plain data. Field order is the JSON field order, and it is part of the
//! contract: data teams diff and hash these files, so do not reorder fields.

use serde::{Deserialize, Serialize};

/// The value of the `schema` field of every extraction.
pub const SCHEMA: &str = "fatiao/1";

/// Everything extracted from one input file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub schema: String,
    pub source: Source,
    pub documents: Vec<Document>,
}

/// Where the text came from and how it was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The path relative to the directory argument it was found under, `/`-separated; for a
    /// file given as an argument, its file name (the name of its JSON output, without `.json`).
    pub path: String,
    /// The encoding the bytes were decoded with (`UTF-8`, `UTF-16LE`, `GB18030`, …).
    pub encoding: String,
    /// Lower-case hex SHA-256 of the raw bytes.
    pub sha256: String,
}

/// One document: a law, a regulation, a policy document, or a piece of news that shares a file
/// with them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// `<source path>#<index>`: unique in a run's output, stable across runs.
    pub id: String,
    /// 1-based position of the document in its file.
    pub index: usize,
    pub title: Option<String>,
    pub meta: Meta,
    /// Text between the title and the first numbered node (header lines, 导语, source line).
    pub preamble: Option<String>,
    /// Text after the body that belongs to no node (发布时间/来源 lines, signatures); in a text
    /// without numbered units, the lines after its last sentence that sign or source it.
    pub trailer: Option<String>,
    pub warnings: Vec<Warning>,
    pub children: Vec<Node>,
}

/// Metadata read from the document's header and trailer. These fields are *copies* of text that
/// also stands in `title`, `preamble` or `trailer`; they never remove text from the document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// 文号, such as `中发〔2024〕5号`.
    pub doc_number: Option<String>,
    /// The news agency line, such as `新华社北京2月28日电`.
    pub source_line: Option<String>,
    /// Dated events: 通过, 修订, 修正, 公布, 施行, 发布, 印发 …, in the order they are written.
    pub events: Vec<Event>,
}

/// A dated event of the document's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// ISO date `YYYY-MM-DD`; `YYYY-MM` or `YYYY` when the text gives no more.
    pub date: String,
    /// The event word as written: `通过`, `修订`, `修正`, `公布`, `施行`, `发布`, …
    pub event: String,
    /// The sentence or line the event was read from.
    pub text: String,
}

/// Something the reader of the output should know: a gap in the numbering, a duplicate, text
/// that could not be placed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// A stable, machine-readable code (`numbering_gap`, `duplicate_number`, …).
    pub code: String,
    pub message: String,
    /// A node label or a short quotation that locates the problem.
    pub location: Option<String>,
}

impl Warning {
    pub fn new(code: &str, message: impl Into<String>, location: Option<String>) -> Self {
        Warning {
            code: code.to_string(),
            message: message.into(),
            location,
        }
    }
}

/// The family a node's marker belongs to. Serialised in snake case (`"article"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// 第X编
    Part,
    /// 第X分编
    Subpart,
    /// 第X章
    Chapter,
    /// 第X节
    Section,
    /// 第X条, 第X条之Y
    Article,
    /// 款: an unnumbered paragraph of an article (or of a policy item).
    Paragraph,
    /// 一、 (the first level of GB/T 9704 policy documents, and the articles of some judicial
    /// interpretations)
    Division,
    /// （一） / (一): 项
    Item,
    /// 1. 1． １．: 目
    Subitem,
    /// （1） (1)
    Point,
    /// ① ②
    Circled,
}

impl Kind {
    /// The short code used in node ids.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Part => "pt",
            Kind::Subpart => "sp",
            Kind::Chapter => "ch",
            Kind::Section => "se",
            Kind::Article => "a",
            Kind::Paragraph => "p",
            Kind::Division => "d",
            Kind::Item => "i",
            Kind::Subitem => "s",
            Kind::Point => "o",
            Kind::Circled => "c",
        }
    }

    /// The name used in JSON and CSV.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Part => "part",
            Kind::Subpart => "subpart",
            Kind::Chapter => "chapter",
            Kind::Section => "section",
            Kind::Article => "article",
            Kind::Paragraph => "paragraph",
            Kind::Division => "division",
            Kind::Item => "item",
            Kind::Subitem => "subitem",
            Kind::Point => "point",
            Kind::Circled => "circled",
        }
    }

    /// 编 / 分编 / 章 / 节: headings that group articles.
    pub fn is_structural(self) -> bool {
        matches!(
            self,
            Kind::Part | Kind::Subpart | Kind::Chapter | Kind::Section
        )
    }
}

/// One node of a document's tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// `<document id>/<path>`, such as `laws/a.txt#1/a11/p1/i3`: unique in a run's output,
    /// stable across runs for the same input.
    pub id: String,
    pub kind: Kind,
    /// The marker as written, without surrounding spaces: `第十一条`, `（一）`, `一、`, `1.`.
    /// `None` for paragraphs, which have no marker, and for a chapter given without a number
    /// (`附 则` between numbered chapters); `number` is `None` then too.
    pub label: Option<String>,
    /// The integer value of the marker (`第十一条` → 11). For `第X条之Y`, X.
    pub number: Option<u32>,
    /// For `第X条之Y`, Y; otherwise `None`.
    pub sub_number: Option<u32>,
    /// A chapter's title (`第三章 职责` → `职责`), or the lead sentence of a policy item
    /// (`（一）健全…制度。与时俱进…` → `健全…制度`) when the item says more than it: text
    /// after it, or units under it. An item of one sentence and nothing more (`二、删去第十条
    /// 第二款。`) has no heading: the sentence is its text; nor has an item of a kind whose lead
    /// sentences are, in this document, prose rather than titles (see the README). An article
    /// has one only where its text opens with a title in lenticular brackets, as annotated
    /// editions give it (`第一条【立法目的】为了…` → `【立法目的】`, brackets kept).
    pub heading: Option<String>,
    /// The punctuation that closed a lead-sentence heading (`。`), so that
    /// `label + heading + heading_end + text` gives back the item as written.
    pub heading_end: Option<String>,
    /// The node's own text, without its label, heading and children.
    pub text: Option<String>,
    pub children: Vec<Node>,
}

impl Node {
    /// Depth-first iteration over this node and all its descendants.
    pub fn walk(&self) -> impl Iterator<Item = &Node> {
        let mut stack = vec![self];
        std::iter::from_fn(move || {
            let node = stack.pop()?;
            stack.extend(node.children.iter().rev());
            Some(node)
        })
    }

    /// The node's own text and that of all its descendants, in document order, with labels:
    /// what a reader sees as "the article".
    pub fn full_text(&self) -> String {
        let mut out = String::new();
        for (i, n) in self.walk().enumerate() {
            if i > 0 {
                if let Some(l) = &n.label {
                    out.push_str(l);
                }
            }
            for part in [&n.heading, &n.heading_end, &n.text].into_iter().flatten() {
                out.push_str(part);
            }
        }
        out
    }
}

impl Document {
    /// All nodes of the document, depth first.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.children.iter().flat_map(|c| c.walk())
    }

    /// Every piece of the document's text in reading order: title, preamble, each node's label,
    /// heading, heading end and text (depth first), trailer. The "nothing lost" invariant says
    /// that these pieces, over a file's documents, hold every non-white-space character of the
    /// decoded input (Markdown markup aside) in order.
    pub fn pieces(&self) -> impl Iterator<Item = &str> {
        let nodes = self.nodes().flat_map(|n| {
            [&n.label, &n.heading, &n.heading_end, &n.text]
                .into_iter()
                .flatten()
                .map(String::as_str)
        });
        [&self.title, &self.preamble]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .chain(nodes)
            .chain(self.trailer.as_deref())
    }

    /// The document's articles (第X条), in order.
    pub fn articles(&self) -> impl Iterator<Item = &Node> {
        self.nodes().filter(|n| n.kind == Kind::Article)
    }
}
