//! Stage 2, normalise: decoded text → [`Line`]s, trimmed, with Markdown markup set aside.
//!
//! Markdown is one more layout fatiao reads: the `#` marks of heading lines and `<!-- … -->`
//! comments are markup, not content, so they are removed here (and the heading lines flagged,
//! as a hint the later stages may use but never need). Nothing else is removed: every other
//! non-white-space character reaches the next stage.

/// One non-blank line of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The line without leading and trailing white space (including U+3000) and without
    /// Markdown markup.
    pub text: String,
    /// How many blank lines stood before it.
    pub blanks_before: usize,
    /// How many white-space characters it was indented by: the first line of a paragraph is
    /// indented in much PDF and word-processor text (`　　`, two ideographic spaces).
    pub indent: usize,
    /// The level of the Markdown heading the line was (2 for `## 第一章 总则`); 0 when it was
    /// none.
    pub md_level: u8,
    /// Page furniture that stood before this line (see [`crate::furniture`]).
    pub set_aside: Vec<String>,
}

/// White space as it appears in Chinese documents: ASCII, U+3000, NBSP, BOM and zero-width space.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}')
}

/// Splits `text` into non-blank lines (LF, CRLF or lone CR end a line).
pub fn normalise(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut blanks = 0;
    // CRLF and lone CR are line ends too; unify them so that blank lines count once.
    // The memchr crate's searches (SIMD), not `str`'s: these look at every byte of every file.
    let unified = if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    for raw in split_lines(&unified) {
        let (content, md_level) = strip_markup(raw);
        let t = content.trim_matches(is_space);
        if t.is_empty() {
            blanks += 1;
            continue;
        }
        let lead = &content[..content.len() - content.trim_start_matches(is_space).len()];
        out.push(Line {
            text: t.to_string(),
            blanks_before: blanks,
            indent: lead.chars().count(),
            md_level,
            set_aside: Vec::new(),
        });
        blanks = 0;
    }
    out
}

/// `text.split('\n')`, by memchr.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    let mut start = 0;
    ends.map(move |end| {
        let line = &text[start..end];
        start = end + 1;
        line
    })
}

/// Markdown's strong emphasis mark. Not `__`: runs of underscores are the blanks of forms
/// (`____年__月__日`), which are text.
const STRONG: &str = "**";

/// Removes `<!-- … -->` comments, the `#` marks of a Markdown heading and Markdown's strong
/// emphasis (`**第一条** 为了…`, as other Markdown sources than the corpus mark labels).
fn strip_markup(raw: &str) -> (std::borrow::Cow<'_, str>, u8) {
    let mut line = std::borrow::Cow::Borrowed(raw);
    // A byte search first: almost no line has a comment, and every line is asked.
    if memchr::memchr(b'<', raw.as_bytes()).is_some() {
        while let Some(start) = line.find("<!--") {
            match line[start..].find("-->") {
                Some(end) => line.to_mut().replace_range(start..start + end + 3, ""),
                None => break,
            }
        }
    }
    // The heading marks first, as Markdown reads them: at the start of the line as written
    // (`**# 甲**` is no heading).
    let trimmed = line.trim_start_matches(is_space);
    let hashes = trimmed.len() - trimmed.trim_start_matches('#').len();
    let after = &trimmed[hashes..];
    let heading = (1..=6).contains(&hashes) && (after.is_empty() || after.starts_with(is_space));
    if heading {
        let cut = line.len() - after.len();
        line = match line {
            std::borrow::Cow::Borrowed(s) => std::borrow::Cow::Borrowed(&s[cut..]),
            std::borrow::Cow::Owned(s) => std::borrow::Cow::Owned(s[cut..].to_string()),
        };
    }
    if memchr::memchr(b'*', line.as_bytes()).is_some() {
        // In pairs only: a lone `**` is text.
        let n = line.matches(STRONG).count();
        if n >= 2 && n % 2 == 0 {
            line = std::borrow::Cow::Owned(line.replace(STRONG, ""));
        }
    }
    (line, if heading { hashes as u8 } else { 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_split_as_str_split_does() {
        for text in ["", "\n", "a", "a\n", "\na\n\nb", "第一条\n第二条\n\n"] {
            let ours: Vec<&str> = split_lines(text).collect();
            let std: Vec<&str> = text.split('\n').collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn trims_and_counts_blank_lines() {
        let lines = normalise("\u{3000}第一条 总则\r\n\r\n\r\n 第二条\n");
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text, "第一条 总则");
        assert_eq!(lines[1].blanks_before, 2);
    }

    #[test]
    fn markdown_markup_is_set_aside() {
        let lines =
            normalise("# 中华人民共和国反间谍法\n<!-- INFO END -->\n## 第一章 总 则\n#标签");
        assert_eq!(lines[0].text, "中华人民共和国反间谍法");
        assert_eq!(lines[0].md_level, 1);
        assert_eq!(lines[1].text, "第一章 总 则");
        assert_eq!(lines[1].md_level, 2);
        // `#` glued to text is not a heading mark.
        assert_eq!(lines[2].text, "#标签");
        assert_eq!(lines[2].md_level, 0);
    }

    #[test]
    fn heading_marks_are_read_before_strong_emphasis() {
        let lines = normalise(
            "# **第一章** 总则
**# 甲**",
        );
        assert_eq!(lines[0].text, "第一章 总则");
        assert_eq!(lines[0].md_level, 1);
        // As Markdown reads it: a `#` after emphasis marks opens no heading, and stays text.
        assert_eq!(lines[1].text, "# 甲");
        assert_eq!(lines[1].md_level, 0);
    }
}
