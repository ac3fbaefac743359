//! CSV: one row per change, for spreadsheets and for the batch `changes.csv`.
//!
//! Columns: `type, level, old, new, similarity, old_text, new_text`. Labels of a side are joined
//! with `;`; a side's text is one `label text` line per entry.

use super::side_text;
use crate::diff::{Diff, Op};
use std::io::{self, Write};

/// The columns of a change, in order.
pub const COLUMNS: [&str; 7] = [
    "type",
    "level",
    "old",
    "new",
    "similarity",
    "old_text",
    "new_text",
];

/// A CSV table of changes, possibly from several diffs, with extra leading columns (such as the
/// source paths of each diff in the batch `changes.csv`). Rows go straight to the writer `W`:
/// a table of many diffs need not sit in memory.
pub struct Table<W: Write = Vec<u8>> {
    w: W,
    /// How a record is quoted: `csv::Writer`'s defaults.
    quoting: csv::WriterBuilder,
    /// The record being written, before it goes to `w`.
    record: Vec<u8>,
}

impl Table<Vec<u8>> {
    /// A table in memory whose header is `prefix` followed by [`COLUMNS`].
    pub fn new(prefix: &[&str]) -> Table {
        Table::to_writer(Vec::new(), prefix).expect("writing to memory cannot fail")
    }

    /// The CSV text.
    pub fn finish(self) -> String {
        String::from_utf8(self.w).unwrap_or_default()
    }
}

impl<W: Write> Table<W> {
    /// A table written to `w`, starting with its header: `prefix` followed by [`COLUMNS`].
    pub fn to_writer(w: W, prefix: &[&str]) -> csv::Result<Table<W>> {
        let mut t = Table {
            w,
            quoting: csv::WriterBuilder::new(),
            record: Vec::new(),
        };
        let header: Vec<&str> = prefix.iter().chain(&COLUMNS).copied().collect();
        t.write_record(&header)?;
        Ok(t)
    }

    /// Adds a row per change of `diff`, each starting with `prefix`.
    pub fn add(&mut self, diff: &Diff, prefix: &[&str]) -> csv::Result<()> {
        for c in &diff.changes {
            let similarity = c.similarity.map(|s| s.to_string()).unwrap_or_default();
            let (old_text, new_text) = (
                side_text(&c.old, &c.inline, Op::Delete),
                side_text(&c.new, &c.inline, Op::Insert),
            );
            let cells = [
                c.kind.name(),
                c.level.as_str(),
                &c.old.join(";"),
                &c.new.join(";"),
                &similarity,
                &old_text,
                &new_text,
            ];
            let row: Vec<&str> = prefix.iter().copied().chain(cells).collect();
            self.write_record(&row)?;
        }
        Ok(())
    }

    /// Gives the writer back; every row is in it already.
    pub fn into_inner(self) -> io::Result<W> {
        Ok(self.w)
    }

    /// One record, whole (see [`crate::emit::csv::write_quoted_record`] on why).
    fn write_record(&mut self, fields: &[&str]) -> csv::Result<()> {
        self.record.clear();
        crate::emit::csv::write_quoted_record(&mut self.quoting, &mut self.record, fields)?;
        self.w.write_all(&self.record)?;
        Ok(())
    }
}

/// The changes of `diff` as CSV, with a header row.
pub fn render(diff: &Diff) -> String {
    let mut t = Table::new(&[]);
    t.add(diff, &[]).expect("writing to memory cannot fail");
    t.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixture;

    #[test]
    fn a_row_per_change_that_a_csv_reader_reads_back() {
        let diff = fixture::diff();
        let text = render(&diff);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(reader.headers().unwrap(), COLUMNS.as_slice());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), diff.changes.len());
        let split = rows.iter().find(|r| &r[0] == "split").expect("a split row");
        assert_eq!(&split[2], "第四条");
        assert_eq!(&split[3], "第四条;第五条");
        assert_eq!(
            &split[6],
            "第四条 违反本条例规定的，由有关主管部门责令改正|给予警告。\n第五条 情节严重的，处一万元以下罚款，并由公安机关依法处理。"
        );
        let added = rows
            .iter()
            .find(|r| &r[0] == "added")
            .expect("an added row");
        assert_eq!((&added[4], &added[5]), ("", ""));
        assert_eq!(&added[6], "第二条 网络信息服务坚持中国共产党的领导。");
    }
}
