//! Applies a [`Diff`] to OLD's outline and gives NEW's outline text: the proof that a diff says
//! everything that changed.
//!
//! "Text" is [`super::outline_text`]: one line per outline entry (heading or unit),
//! `label + " " + text`, joined with `\n`. The old side of every change is checked against OLD, so a diff
//! applied to the wrong document is an error, not a silent mix.

use super::{line, Diff, Entry, SEPARATOR};

/// Why a diff could not be applied.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ApplyError {
    #[error("change {change}: old entry {index} is outside OLD ({len} entries)")]
    OutOfRange {
        change: usize,
        index: usize,
        len: usize,
    },
    #[error("change {change}: its old text is not the text of OLD at {indices:?}")]
    OldTextMismatch { change: usize, indices: Vec<usize> },
    #[error("change {change}: {labels} new labels, {indices} new positions, {texts} new texts")]
    Shape {
        change: usize,
        labels: usize,
        indices: usize,
        texts: usize,
    },
    #[error("new entry {0} is given by no change, or by more than one")]
    Coverage(usize),
}

/// NEW's outline text, rebuilt from OLD's outline and the diff.
pub fn apply(old: &[Entry], diff: &Diff) -> Result<String, ApplyError> {
    let mut lines: Vec<Option<String>> = vec![None; diff.new.entries];
    for (ci, change) in diff.changes.iter().enumerate() {
        let mut old_text = Vec::new();
        for &i in &change.old_index {
            let entry = old.get(i).ok_or(ApplyError::OutOfRange {
                change: ci,
                index: i,
                len: old.len(),
            })?;
            old_text.push(entry.text.as_str());
        }
        if old_text.join(&SEPARATOR.to_string()) != change.old_text() {
            return Err(ApplyError::OldTextMismatch {
                change: ci,
                indices: change.old_index.clone(),
            });
        }
        let new_text = change.new_text();
        let texts: Vec<&str> = match change.new_index.len() {
            0 => vec![],
            1 => vec![new_text.as_str()],
            _ => new_text.split(SEPARATOR).collect(),
        };
        if texts.len() != change.new_index.len() || change.new.len() != texts.len() {
            return Err(ApplyError::Shape {
                change: ci,
                labels: change.new.len(),
                indices: change.new_index.len(),
                texts: texts.len(),
            });
        }
        for ((&at, label), text) in change.new_index.iter().zip(&change.new).zip(texts) {
            match lines.get_mut(at) {
                Some(slot @ None) => *slot = Some(line(label, text)),
                _ => return Err(ApplyError::Coverage(at)),
            }
        }
    }
    let mut out = Vec::with_capacity(lines.len());
    for (i, l) in lines.into_iter().enumerate() {
        out.push(l.ok_or(ApplyError::Coverage(i))?);
    }
    Ok(out.join("\n"))
}
