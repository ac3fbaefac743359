//! fatiao (法条) turns Chinese legal and policy documents into structured data and compares
//! revisions of the same document.
//!
//! The pipeline is a line of stages, each a module with one entry point:
//!
//! ```text
//! bytes ─decode─▶ Decoded ─normalise─▶ [Line] ─furniture─▶ [Line] ─layout─▶ [Para]
//!       ─segment─▶ [[Para]] ─structure─▶ Structured ─meta, ids─▶ Document ─emit─▶ JSON / CSV
//! Document, Document ─diff─▶ Diff ─report─▶ JSON / CSV / HTML / Markdown
//! ```
//!
//! `batch` runs the line over directories (in parallel, incrementally, atomically); the binary
//! `fatiao` is a thin command line over `batch` and `diff`. See `ARCHITECTURE.md` for the map.
//!
//! [`extract_bytes`] runs the whole line for one file:
//!
//! ```
//! let text = "第一章 总则\n第一条 为了保守国家秘密，制定本法。\n第二条 国家秘密受法律保护。\n";
//! let out = fatiao::extract_bytes(text.as_bytes(), "law.txt", &fatiao::Options::default()).unwrap();
//! let doc = &out.documents[0];
//! let labels: Vec<_> = doc.articles().map(|a| a.label.clone().unwrap()).collect();
//! assert_eq!(labels, ["第一条", "第二条"]);
//! ```

pub mod batch;
pub mod decode;
pub mod diff;
pub mod emit;
pub mod extract;
pub mod furniture;
pub mod ids;
pub mod layout;
pub mod lines;
pub mod meta;
pub mod model;
pub mod normalise;
pub mod numbering;
pub mod report;
pub mod segment;
pub mod structure;
pub mod text;

pub use extract::{extract_bytes, extract_text, ExtractError, Options};
pub use model::*;
