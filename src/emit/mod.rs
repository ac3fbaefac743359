//! Stage 6, emit: an [`Extraction`](crate::model::Extraction) turned into the bytes of the files
//! data teams load: pretty JSON, and the rows of the three CSV tables.
//!
//! The writers return bytes instead of writing to disk so that the caller decides where and when
//! they land: the batch pipeline writes them atomically and concatenates CSV rows in sorted path
//! order, benchmarks write them into memory. The contract itself is documented in
//! `docs/output.md`.

pub mod csv;
pub mod json;

pub use self::csv::{to_csv_rows, CsvRows, PerTable, Table};
pub use self::json::{to_json, write_json};
