//! The extraction pipeline for one file: bytes in, [`Extraction`] out.

use crate::decode::{self, DecodeError};
use crate::model::{Document, Extraction, Source, Warning, SCHEMA};
use crate::{furniture, ids, layout, meta, normalise, segment, structure};
use sha2::{Digest, Sha256};

/// How to read a file.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force an encoding label (`gb18030`, `utf-16le`, …) instead of detecting it.
    pub encoding: Option<String>,
    /// Refuse a file of more bytes than this, with [`ExtractError::TooLarge`]: the parser needs
    /// about 14 times a file's size in memory, and a batch must not let one stray dump exhaust
    /// it. `None`: no limit.
    pub max_bytes: Option<u64>,
}

impl Options {
    /// The file's size is within [`Options::max_bytes`]. A batch asks before reading the file.
    pub fn check_size(&self, bytes: u64) -> Result<(), ExtractError> {
        match self.max_bytes {
            Some(limit) if bytes > limit => Err(ExtractError::TooLarge { bytes, limit }),
            _ => Ok(()),
        }
    }
}

/// Why a file could not be extracted. The file's path is added by the caller.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error("the file is {bytes} bytes, over the size limit of {limit} bytes (--max-filesize), and was not read")]
    TooLarge { bytes: u64, limit: u64 },
}

/// Runs the whole pipeline on the bytes of one file. `path` is recorded in the output and is the
/// prefix of every id.
pub fn extract_bytes(bytes: &[u8], path: &str, opts: &Options) -> Result<Extraction, ExtractError> {
    extract_hashed(bytes, path, opts, None)
}

/// [`extract_bytes`] for a caller that has hashed the bytes already (an incremental run, which
/// compares the hash with the last run's before extracting).
pub(crate) fn extract_hashed(
    bytes: &[u8],
    path: &str,
    opts: &Options,
    sha256: Option<String>,
) -> Result<Extraction, ExtractError> {
    opts.check_size(bytes.len() as u64)?;
    let decoded = decode::decode(bytes, opts.encoding.as_deref())?;
    let documents = extract_text(&decoded.text, path);
    Ok(Extraction {
        schema: SCHEMA.to_string(),
        source: Source {
            path: path.to_string(),
            encoding: decoded.encoding.to_string(),
            sha256: sha256.unwrap_or_else(|| sha256_hex(bytes)),
        },
        documents,
    })
}

/// Runs the stages after decoding on text already in memory. `id_prefix` is the prefix of every
/// document and node id (normally the source path).
pub fn extract_text(text: &str, id_prefix: &str) -> Vec<Document> {
    let lines = furniture::set_aside(normalise::normalise(text));
    let paras = layout::reflow(lines);
    let mut documents = Vec::new();
    for chunk in segment::segment(paras) {
        let mut pending = vec![chunk];
        while let Some(paras) = pending.pop() {
            let mut structured = structure::structure(&paras);
            let own = &paras[..paras.len() - structured.tail.len()];
            // Prose then a title before the body: the prose is a document of its own. Each
            // preamble line is one of `own`'s paragraphs, so each lead takes the furniture of
            // its own paragraphs.
            let mut taken = 0;
            for lead in split_preamble(&mut structured, own) {
                let mut s = structure::structure(&lead);
                let end = (taken + lead.len()).min(own.len());
                s.warnings.extend(furniture_warnings(&own[taken..end]));
                taken = end;
                documents.push(document(s, documents.len() + 1, id_prefix));
            }
            let furniture = furniture_warnings(&own[taken..]);
            let mut tail = segment::split_tail(&structured.tail);
            // What comes before the next document may still close this one: its list of
            // attachments and its signature (`附件：…` / `某某局` / `2024年3月1日`). (A body
            // followed by a tail has no trailer yet but the paragraphs that close the document
            // itself: `split_after_body` gives one or the other.)
            if tail.len() > 1 && !structure::reads_as_document(&tail[0]) {
                let more = layout::join(&tail.remove(0));
                structure::build::push_text(&mut structured.trailer, &more);
            }
            tail.reverse();
            structured.warnings.extend(furniture);
            documents.push(document(structured, documents.len() + 1, id_prefix));
            pending.extend(tail);
        }
    }
    documents
}

/// The page furniture taken out from between a document's lines, one warning each, so that it
/// is reported rather than lost.
fn furniture_warnings(paras: &[layout::Para]) -> Vec<Warning> {
    paras
        .iter()
        .flat_map(|p| &p.set_aside)
        .map(|t| {
            Warning::new(
                furniture::WARNING_CODE,
                furniture::describe(t),
                Some(t.clone()),
            )
        })
        .collect()
}

/// Takes out of a structured document's preamble the documents that stand before its own title
/// (see [`segment::split_tail`]); returns their paragraphs. `paras` are the document's own, whose
/// first ones are the preamble's lines: each line keeps what layout knew of it (a Markdown
/// heading, a blank line before it), which tells where a title ends.
fn split_preamble(s: &mut structure::Structured, paras: &[layout::Para]) -> Vec<Vec<layout::Para>> {
    if s.children.is_empty() {
        return Vec::new();
    }
    let Some(preamble) = &s.preamble else {
        return Vec::new();
    };
    let lines: Vec<layout::Para> = preamble
        .split('\n')
        .enumerate()
        .map(|(n, t)| {
            let same = paras.get(n).filter(|p| p.text == t);
            layout::Para {
                text: t.to_string(),
                md_level: same.map_or(0, |p| p.md_level),
                blank_before: same.is_some_and(|p| p.blank_before),
                ..Default::default()
            }
        })
        .collect();
    let mut pieces = segment::split_tail(&lines);
    let own = pieces.pop().unwrap_or_default();
    if !pieces.is_empty() {
        // The preamble's first line is a document before this one's title now.
        s.title_lines = structure::title_lines(&own);
    }
    s.preamble = (!own.is_empty()).then(|| layout::join(&own));
    pieces
}

/// Turns the structure of one document into its output form: header read, ids given.
fn document(s: structure::Structured, index: usize, id_prefix: &str) -> Document {
    let header = meta::read(s.preamble.as_deref(), s.trailer.as_deref(), s.title_lines);
    let mut doc = Document {
        id: format!("{id_prefix}#{index}"),
        index,
        title: header.title,
        meta: header.meta,
        preamble: header.preamble,
        trailer: s.trailer,
        warnings: s.warnings,
        children: s.children,
    };
    ids::assign(&mut doc);
    doc
}

/// Lower-case hex SHA-256 of `bytes`: `Source::sha256`, and the key of incremental runs.
pub fn sha256_hex(bytes: &[u8]) -> String {
    // One string, not one per byte: the digest prints itself in lower-case hex.
    format!("{:x}", Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_size_limit_is_refused_and_one_at_it_is_read() {
        let text = "第一条 为了规范管理，制定本条例。\n".as_bytes();
        let limited = |max| Options {
            max_bytes: Some(max),
            ..Options::default()
        };
        let too_large = extract_bytes(text, "a.txt", &limited(text.len() as u64 - 1));
        assert!(
            matches!(too_large, Err(ExtractError::TooLarge { bytes, .. }) if bytes == text.len() as u64)
        );
        assert!(extract_bytes(text, "a.txt", &limited(text.len() as u64)).is_ok());
        assert!(extract_bytes(text, "a.txt", &Options::default()).is_ok());
    }
}
