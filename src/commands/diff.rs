//! `fatiao diff OLD NEW`: compares the main document of two files and writes the diff in the
//! format asked for.

use anyhow::{bail, Context};
use fatiao::diff::{diff_documents, main_document, unit_count};
use fatiao::report::{render, write_atomic, Format};
use fatiao::{extract_bytes, Document, Extraction, Options};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Compare two revisions of a document.
#[derive(Debug, Clone, clap::Args)]
pub struct DiffArgs {
    /// The older version (any file `fatiao extract` reads).
    pub old: PathBuf,
    /// The newer version.
    pub new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Compare the N-th document (1-based) of each file instead of the one with the most
    /// articles.
    #[arg(long, value_name = "N")]
    pub doc: Option<usize>,
    /// Read both files in this encoding (`gb18030`, `utf-16le`, …) instead of detecting it.
    #[arg(long)]
    pub encoding: Option<String>,
}

/// Runs `fatiao diff`. Errors name the file they concern.
pub fn run(args: DiffArgs) -> anyhow::Result<ExitCode> {
    // No size limit: the two files are the user's explicit choice, not a batch's.
    let opts = Options {
        encoding: args.encoding.clone(),
        max_bytes: None,
    };
    let old = read(&args.old, &opts)?;
    let new = read(&args.new, &opts)?;
    let diff = diff_documents(
        pick(&old, args.doc, &args.old)?,
        pick(&new, args.doc, &args.new)?,
    );
    let text = render(&diff, args.format);
    match &args.out {
        Some(path) => write_atomic(path, text.as_bytes())?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .context("cannot write to standard output")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn read(path: &Path, opts: &Options) -> anyhow::Result<Extraction> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    extract_bytes(&bytes, &path.to_string_lossy(), opts)
        .with_context(|| format!("cannot extract {}", path.display()))
}

fn pick<'a>(ex: &'a Extraction, doc: Option<usize>, path: &Path) -> anyhow::Result<&'a Document> {
    match main_document(ex, doc) {
        Some(d) if doc.is_some() || unit_count(d) > 0 => Ok(d),
        Some(_) => bail!(
            "{}: no document with articles or numbered items to compare",
            path.display()
        ),
        None => bail!(
            "{}: there is no document {} (the file holds {})",
            path.display(),
            doc.unwrap_or(1),
            ex.documents.len()
        ),
    }
}
