//! Stage 5, metadata: a document's title, 文号, source line and dated events, read from the text
//! before and after its body.
//!
//! The title is *moved* out of the preamble (it is text of the document, placed once); every other
//! field is a *copy* of text that stays in the preamble or trailer, so nothing is lost or
//! counted twice.

mod events;
mod title;

use crate::lines::MAX_TITLE_LINES;
use crate::lines::SOURCE_LINE;
use crate::model::Meta;
use events::{events, Place};
use regex::Regex;
use std::sync::LazyLock;
use title::{over_title, split_labelled_title};

/// A document's title, metadata and the preamble left once the title is taken out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    pub title: Option<String>,
    pub meta: Meta,
    pub preamble: Option<String>,
}

pub(super) static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{Han}]{0,12}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d{1,4}\s*号")
        .expect("valid 文号 regex")
});

/// The first 文号 in `text` that is the document's own: not one that follows the title of
/// another document it names (`《某某解释》（法释〔2020〕26号）`), as a case or a decision cites
/// the interpretation it applies or amends.
fn own_doc_number(text: &str) -> Option<&str> {
    DOC_NUMBER
        .find_iter(text)
        .find(|m| {
            let before = text[..m.start()].trim_end_matches(crate::normalise::is_space);
            let before = before.strip_suffix(['（', '(']).unwrap_or(before);
            !before.ends_with('》')
        })
        .map(|m| m.as_str())
}

/// Reads the header of one document. `preamble` is the text before its first numbered node (the
/// title still in it); `trailer` the text after its body.
///
/// `title_lines` says how many of the preamble's first lines the title takes, where the
/// markup of the source says so; otherwise the title is read from the lines' shape.
pub fn read(preamble: Option<&str>, trailer: Option<&str>, title_lines: Option<usize>) -> Header {
    let (title, rest) = match preamble {
        Some(p) => split_labelled_title(p, title_lines.unwrap_or(MAX_TITLE_LINES)),
        None => (None, None),
    };
    let mut meta = Meta::default();
    for (text, place) in [(preamble, Place::Header), (trailer, Place::Closing)] {
        let Some(text) = text else { continue };
        if meta.doc_number.is_none() {
            meta.doc_number = own_doc_number(text).map(str::to_string);
        }
        if meta.source_line.is_none() {
            meta.source_line = SOURCE_LINE.find(text).map(|m| m.as_str().to_string());
        }
        for event in events(text, place) {
            // The header and the closing sentence may both say when the document takes
            // effect (`2021年1月1日起施行`): one event.
            if !meta
                .events
                .iter()
                .any(|e| e.date == event.date && e.event == event.event)
            {
                meta.events.push(event);
            }
        }
        // The date under the signature, when no event word named what happened on it.
        if place == Place::Closing {
            if let Some(signed) = events::signing_date(text) {
                if !meta.events.iter().any(|e| e.date == signed.date) {
                    meta.events.push(signed);
                }
            }
        }
    }
    Header {
        title,
        meta,
        preamble: rest,
    }
}

/// How many of the first lines of a document's output preamble may have stood over its title in
/// the input: an attachment's label (`附件1`), a masthead (`国务院文件`), a 文号 line. The title
/// is read from under such lines, and they stay at the head of the preamble; a reader that
/// rebuilds the input's order puts the title back after them.
pub fn lines_over_title(preamble: &str) -> usize {
    preamble[..over_title(preamble)]
        .split_inclusive('\n')
        .count()
}

#[cfg(test)]
mod tests;
