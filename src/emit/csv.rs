//! The CSV writer: the rows one extraction contributes to `documents.csv`, `nodes.csv` and
//! `warnings.csv`.
//!
//! Rows come without the header so that the per-file fragments of a batch run can be
//! concatenated by streaming, in any grouping (one run, or the outputs of several shards), with
//! the header written once by whoever assembles the final file ([`Table::header_line`]).
//! Records end in CRLF as RFC 4180 says; fields are quoted only when they hold a comma, a quote
//! or a line break, which PostgreSQL's `COPY … CSV HEADER` and pandas' defaults both read.

use crate::model::{Document, Extraction, Node};
use serde::{Deserialize, Serialize};

/// One of the three CSV tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    Documents,
    Nodes,
    Warnings,
}

impl Table {
    pub const ALL: [Table; 3] = [Table::Documents, Table::Nodes, Table::Warnings];

    /// The table's name, which is also its file stem (`nodes` → `nodes.csv`).
    pub fn name(self) -> &'static str {
        match self {
            Table::Documents => "documents",
            Table::Nodes => "nodes",
            Table::Warnings => "warnings",
        }
    }

    /// The column names, in order.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Documents => &[
                "document_id",
                "source_path",
                "encoding",
                "index",
                "title",
                "doc_number",
                "source_line",
                "events",
                "articles",
                "nodes",
                "warnings",
                "preamble",
                "trailer",
            ],
            Table::Nodes => &[
                "document_id",
                "node_id",
                "parent_id",
                "kind",
                "label",
                "number",
                "sub_number",
                "heading",
                "heading_end",
                "text",
                "depth",
                "ordinal",
            ],
            Table::Warnings => &["document_id", "code", "message", "location"],
        }
    }

    /// The header record, terminated like every other record.
    pub fn header_line(self) -> Vec<u8> {
        let mut line = self.columns().join(",").into_bytes();
        line.extend_from_slice(b"\r\n");
        line
    }
}

/// One value for each of the three tables, under the tables' names (which serde keeps).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PerTable<T> {
    pub documents: T,
    pub nodes: T,
    pub warnings: T,
}

impl<T> PerTable<T> {
    pub fn get(&self, table: Table) -> &T {
        match table {
            Table::Documents => &self.documents,
            Table::Nodes => &self.nodes,
            Table::Warnings => &self.warnings,
        }
    }

    pub fn get_mut(&mut self, table: Table) -> &mut T {
        match table {
            Table::Documents => &mut self.documents,
            Table::Nodes => &mut self.nodes,
            Table::Warnings => &mut self.warnings,
        }
    }

    /// The value of each table, made in [`Table::ALL`] order; the first error stops it.
    pub fn try_from_fn<E>(mut f: impl FnMut(Table) -> Result<T, E>) -> Result<Self, E> {
        Ok(PerTable {
            documents: f(Table::Documents)?,
            nodes: f(Table::Nodes)?,
            warnings: f(Table::Warnings)?,
        })
    }

    /// The values in [`Table::ALL`] order.
    pub fn into_array(self) -> [T; 3] {
        [self.documents, self.nodes, self.warnings]
    }
}

/// The rows of one extraction, one buffer per table, without headers.
pub type CsvRows = PerTable<Vec<u8>>;

/// Flattens an extraction into CSV rows: documents in file order, nodes depth first, warnings in
/// the order the parser gave them.
pub fn to_csv_rows(extraction: &Extraction) -> Result<CsvRows, csv::Error> {
    let mut documents = writer();
    let mut nodes = writer();
    let mut warnings = writer();
    for doc in &extraction.documents {
        document_row(&mut documents, extraction, doc)?;
        node_rows(&mut nodes, &doc.id, None, &doc.children, 1)?;
        for w in &doc.warnings {
            warnings.write_record([doc.id.as_str(), &w.code, &w.message, opt(&w.location)])?;
        }
    }
    Ok(CsvRows {
        documents: finish(documents)?,
        nodes: finish(nodes)?,
        warnings: finish(warnings)?,
    })
}

/// Appends records to one table's buffer, as `csv::Writer` with `QuoteStyle::Necessary` and CRLF
/// terminators writes them, byte for byte.
///
/// Almost no record of a law needs quoting (its commas are full-width `，`), and for those the
/// format is the fields joined by `,`: such records are appended directly, and checked with
/// `memchr`'s vectorised search. `csv::Writer` decides quoting by looking up every byte in a
/// table and copies each record through a buffer of its own; on the corpus that took 36 ms of
/// a 0.23 s extract on one thread. A record that does need quoting still goes through
/// `csv::Writer`, which owns the quoting rules. Each table's records have one length, as
/// `csv::Writer` requires: each table is written from one call site, with an array of its
/// columns.
struct Writer {
    out: Vec<u8>,
    quoting: csv::WriterBuilder,
}

impl Writer {
    fn write_record<const N: usize>(&mut self, fields: [&str; N]) -> Result<(), csv::Error> {
        // Written joined by `,` first, then the record is searched once: no quote or line
        // break, and no comma but the N - 1 delimiters, means no field needed quoting. (A record
        // of one empty field is written `""`, an empty line being no record, so single fields
        // take the general path.)
        let start = self.out.len();
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            self.out.extend_from_slice(field.as_bytes());
        }
        let record = &self.out[start..];
        if N > 1
            && memchr::memchr3(b'"', b'\r', b'\n', record).is_none()
            && memchr::memchr_iter(b',', record).count() == N - 1
        {
            self.out.extend_from_slice(b"\r\n");
            return Ok(());
        }
        self.out.truncate(start);
        write_quoted_record(&mut self.quoting, &mut self.out, &fields)
    }
}

/// Appends one record to `out` as `builder`'s `csv::Writer` writes it, quoting what needs it,
/// through a buffer that holds the whole record: `csv::Writer` searches the rest of a field for
/// a quote each time its buffer fills, which for a field of megabytes (the preamble of a file
/// with no articles, the text of a large change in a diff report) takes time that grows with
/// the square of its length. Quoting at most doubles a field and adds two quotes to it.
pub fn write_quoted_record(
    builder: &mut csv::WriterBuilder,
    out: &mut Vec<u8>,
    fields: &[&str],
) -> Result<(), csv::Error> {
    let capacity: usize = fields.iter().map(|f| 2 * f.len() + 3).sum::<usize>() + 2;
    let mut quoting = builder.buffer_capacity(capacity.max(1024)).from_writer(out);
    quoting.write_record(fields)?;
    quoting.flush()?;
    Ok(())
}

fn writer() -> Writer {
    Writer {
        out: Vec::new(),
        quoting: {
            let mut builder = csv::WriterBuilder::new();
            // Its buffer is sized for each record (`write_quoted_record`).
            builder.has_headers(false).terminator(csv::Terminator::CRLF);
            builder
        },
    }
}

fn finish(w: Writer) -> Result<Vec<u8>, csv::Error> {
    Ok(w.out)
}

fn document_row(w: &mut Writer, ex: &Extraction, doc: &Document) -> Result<(), csv::Error> {
    // `events` is a JSON array inside one field: a list does not fit a CSV cell otherwise, and
    // both PostgreSQL (`::jsonb`) and pandas (`json.loads`) read it back.
    let events = serde_json::to_string(&doc.meta.events).map_err(std::io::Error::from)?;
    w.write_record([
        doc.id.as_str(),
        &ex.source.path,
        &ex.source.encoding,
        &doc.index.to_string(),
        opt(&doc.title),
        opt(&doc.meta.doc_number),
        opt(&doc.meta.source_line),
        &events,
        &doc.articles().count().to_string(),
        &doc.nodes().count().to_string(),
        &doc.warnings.len().to_string(),
        opt(&doc.preamble),
        opt(&doc.trailer),
    ])
}

/// Writes `nodes` and their descendants depth first. `depth` is 1 for a document's top nodes;
/// a node's ordinal is its 1-based position among its siblings.
fn node_rows(
    w: &mut Writer,
    doc_id: &str,
    parent: Option<&str>,
    nodes: &[Node],
    depth: usize,
) -> Result<(), csv::Error> {
    // Numbers formatted on the stack: four per row, a row per node.
    let (mut number, mut sub, mut depth_buf, mut ordinal) = Default::default();
    for (i, node) in nodes.iter().enumerate() {
        w.write_record([
            doc_id,
            &node.id,
            parent.unwrap_or(""),
            node.kind.name(),
            opt(&node.label),
            num(&mut number, node.number),
            num(&mut sub, node.sub_number),
            opt(&node.heading),
            opt(&node.heading_end),
            opt(&node.text),
            num(&mut depth_buf, Some(depth)),
            num(&mut ordinal, Some(i + 1)),
        ])?;
        node_rows(w, doc_id, Some(&node.id), &node.children, depth + 1)?;
    }
    Ok(())
}

/// An absent value is an empty field, which PostgreSQL's CSV format reads as NULL and pandas as
/// NaN.
fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

/// `n` in decimal, or an empty field.
fn num(buf: &mut itoa::Buffer, n: Option<impl itoa::Integer>) -> &str {
    n.map(|n| buf.format(n)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Event, Kind, Meta, Source, Warning, SCHEMA};

    fn node(id: &str, kind: Kind, label: Option<&str>, children: Vec<Node>) -> Node {
        Node {
            id: id.into(),
            kind,
            label: label.map(Into::into),
            number: label.map(|_| 1),
            sub_number: None,
            heading: None,
            heading_end: None,
            text: Some(format!("text of {id}")),
            children,
        }
    }

    fn sample() -> Extraction {
        let doc = Document {
            id: "a.txt#1".into(),
            index: 1,
            title: Some("条例, \"试行\"".into()),
            meta: Meta {
                doc_number: None,
                source_line: None,
                events: vec![Event {
                    date: "2024-01-02".into(),
                    event: "发布".into(),
                    text: "2024年1月2日发布".into(),
                }],
            },
            preamble: Some("第一行\n第二行".into()),
            trailer: None,
            warnings: vec![Warning::new("numbering_gap", "gap", None)],
            children: vec![
                node(
                    "a.txt#1/ch1",
                    Kind::Chapter,
                    Some("第一章"),
                    vec![
                        node("a.txt#1/ch1/a1", Kind::Article, Some("第一条"), vec![]),
                        node("a.txt#1/ch1/a2", Kind::Article, Some("第二条"), vec![]),
                    ],
                ),
                node("a.txt#1/ch2", Kind::Chapter, Some("第二章"), vec![]),
            ],
        };
        Extraction {
            schema: SCHEMA.into(),
            source: Source {
                path: "a.txt".into(),
                encoding: "UTF-8".into(),
                sha256: "00".into(),
            },
            documents: vec![doc],
        }
    }

    fn records(bytes: &[u8]) -> Vec<csv::StringRecord> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes)
            .records()
            .map(|r| r.unwrap())
            .collect()
    }

    #[test]
    fn nodes_are_depth_first_with_parent_depth_and_ordinal() {
        let rows = records(&to_csv_rows(&sample()).unwrap().nodes);
        let cols: Vec<_> = rows
            .iter()
            .map(|r| (&r[1], &r[2], &r[10], &r[11]))
            .map(|(a, b, c, d)| format!("{a}|{b}|{c}|{d}"))
            .collect();
        assert_eq!(
            cols,
            [
                "a.txt#1/ch1||1|1",
                "a.txt#1/ch1/a1|a.txt#1/ch1|2|1",
                "a.txt#1/ch1/a2|a.txt#1/ch1|2|2",
                "a.txt#1/ch2||1|2",
            ]
        );
        assert!(rows.iter().all(|r| r.len() == Table::Nodes.columns().len()));
    }

    #[test]
    fn document_row_counts_and_quotes_fields_that_need_it() {
        let rows = to_csv_rows(&sample()).unwrap();
        let text = String::from_utf8(rows.documents.clone()).unwrap();
        // The comma and quotes of the title and the line break of the preamble survive quoted.
        assert!(text.contains("\"条例, \"\"试行\"\"\""));
        assert!(text.ends_with("\r\n"));
        let row = &records(&rows.documents)[0];
        assert_eq!(row.len(), Table::Documents.columns().len());
        assert_eq!(&row[1], "a.txt");
        assert_eq!(&row[8], "2", "two articles");
        assert_eq!(&row[9], "4", "four nodes");
        assert_eq!(&row[10], "1", "one warning");
        assert_eq!(&row[11], "第一行\n第二行");
        let events: Vec<Event> = serde_json::from_str(&row[7]).unwrap();
        assert_eq!(events[0].date, "2024-01-02");
    }

    #[test]
    fn warnings_rows_name_their_document() {
        let rows = records(&to_csv_rows(&sample()).unwrap().warnings);
        assert_eq!(rows.len(), 1);
        assert_eq!(&rows[0][0], "a.txt#1");
        assert_eq!(&rows[0][1], "numbering_gap");
        assert_eq!(&rows[0][3], "");
    }

    proptest::proptest! {
        /// The direct path for records that need no quoting writes what `csv::Writer` writes,
        /// and records that need it are still quoted by `csv`.
        #[test]
        fn records_are_written_as_csv_writes_them(
            records in proptest::collection::vec(
                proptest::collection::vec("([a-z,\"\r\n ]|[第一条，。]){0,6}", 4),
                0..6,
            ),
        ) {
            let reference = || {
                csv::WriterBuilder::new()
                    .has_headers(false)
                    .terminator(csv::Terminator::CRLF)
                    .from_writer(Vec::new())
            };
            let (mut ours, mut theirs) = (writer(), reference());
            // Records of one field, empty or not (csv writes an empty one as `""`).
            let (mut ours1, mut theirs1) = (writer(), reference());
            for r in &records {
                ours.write_record([r[0].as_str(), &r[1], &r[2], &r[3]]).unwrap();
                theirs.write_record(r).unwrap();
                ours1.write_record([r[0].as_str()]).unwrap();
                theirs1.write_record([&r[0]]).unwrap();
            }
            proptest::prop_assert_eq!(finish(ours).unwrap(), theirs.into_inner().unwrap());
            proptest::prop_assert_eq!(finish(ours1).unwrap(), theirs1.into_inner().unwrap());
        }
    }

    #[test]
    fn header_matches_columns() {
        assert_eq!(
            Table::Warnings.header_line(),
            b"document_id,code,message,location\r\n"
        );
    }
}
