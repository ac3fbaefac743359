//! The extraction pipeline for one file: bytes in, [`Extraction`] out.

use crate::decode::{self, DecodeError};
use crate::model::{Document, Extraction, Source, SCHEMA};
use sha2::{Digest, Sha256};

/// How to read a file.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force an encoding label (`gb18030`, `utf-16le`, …) instead of detecting it.
    pub encoding: Option<String>,
}

/// Why a file could not be extracted. The file's path is added by the caller.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
}

/// Runs the whole pipeline on the bytes of one file. `path` is recorded in the output and is the
/// prefix of every id.
pub fn extract_bytes(bytes: &[u8], path: &str, opts: &Options) -> Result<Extraction, ExtractError> {
    let decoded = decode::decode(bytes, opts.encoding.as_deref())?;
    let documents = extract_text(&decoded.text, path);
    Ok(Extraction {
        schema: SCHEMA.to_string(),
        source: Source {
            path: path.to_string(),
            encoding: decoded.encoding.to_string(),
            sha256: hex_sha256(bytes),
        },
        documents,
    })
}

/// Runs the stages after decoding on text already in memory. `id_prefix` is the prefix of every
/// document and node id (normally the source path).
pub fn extract_text(text: &str, id_prefix: &str) -> Vec<Document> {
    let _lines = crate::normalise::normalise(text);
    // Placeholder until the structure stages land: one document holding everything.
    vec![Document {
        id: format!("{id_prefix}#1"),
        index: 1,
        title: None,
        meta: Default::default(),
        preamble: Some(text.to_string()),
        trailer: None,
        warnings: vec![],
        children: vec![],
    }]
}

fn hex_sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
