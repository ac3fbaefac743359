//! The three CSV tables of a run, written as files finish: each is one [`AtomicFile`] that
//! receives the header and then the rows of every input, in path order, and replaces the old
//! table only when the run commits it.

use super::atomic::AtomicFile;
use super::outdir::OutDir;
use crate::emit::{CsvRows, Table};
use std::io::{self, Write};

pub struct Tables {
    files: Vec<(Table, AtomicFile)>,
}

impl Tables {
    /// Starts the three tables, headers written.
    pub fn create(out: &OutDir) -> io::Result<Tables> {
        let mut files = Vec::new();
        for table in Table::ALL {
            let mut file = AtomicFile::create(&out.table(table))?;
            file.writer().write_all(&table.header_line())?;
            files.push((table, file));
        }
        Ok(Tables { files })
    }

    /// Appends one input's rows; the caller appends inputs in path order.
    pub fn append(&mut self, rows: &CsvRows) -> io::Result<()> {
        for (table, file) in &mut self.files {
            file.writer().write_all(rows.get(*table))?;
        }
        Ok(())
    }

    /// Puts the three tables in place.
    pub fn commit(self) -> io::Result<()> {
        for (_, file) in self.files {
            file.commit()?;
        }
        Ok(())
    }
}
