//! Stage between layout and structure: one file's paragraphs → the paragraphs of each document.
//!
//! A file may hold several documents: a PDF compilation whose pieces each end with a
//! `发布时间：… 来源：…` line, or a newspaper page where a regulation is followed by unrelated
//! news. Two signals cut a file:
//! - **closing lines**: a short paragraph that states where or when a piece was published
//!   (`发布时间：2024-02-28`, `来源：新华社`) ends the document it follows;
//! - **what follows the body**: the structure stage reports paragraphs after a document's last
//!   numbered unit that read as prose or carry a numbering of their own (see
//!   [`crate::structure::Structured::tail`]); [`split_tail`] cuts them into documents at titles.

mod header;
mod inline;
mod restarts;
mod tail;

pub use restarts::split_restarts;
pub use tail::split_tail;

use crate::layout::Para;
use crate::lines::is_closing_line;

/// Splits a file's paragraphs after each run of closing lines.
pub fn segment(paras: Vec<Para>) -> Vec<Vec<Para>> {
    let closing: Vec<bool> = paras.iter().map(|p| is_closing_line(&p.text)).collect();
    // Most files have no closing line: their paragraphs are not moved one by one. (No
    // paragraphs at all, as of a file that is only Markdown markup, make no document.)
    if !closing.contains(&true) && !paras.is_empty() {
        return split_restarts(paras);
    }
    let n = paras.len();
    let mut out: Vec<Vec<Para>> = Vec::new();
    let mut current: Vec<Para> = Vec::new();
    for (i, p) in paras.into_iter().enumerate() {
        current.push(p);
        let closes = closing[i] && !closing.get(i + 1).copied().unwrap_or(false);
        // A closing line with nothing before it is a header, not the end of a document.
        if closes && current.len() > 1 && i + 1 < n {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.into_iter().flat_map(split_restarts).collect()
}

#[cfg(test)]
mod tests;
