//! The inputs of the check: the corpus files, their layouts, the cache of degraded copies that
//! `.ci/degrade_all.py` writes, and the reference text the "nothing lost" check holds the
//! output to.

use anyhow::{bail, Context, Result};
use regex::Regex;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

/// A layout a law comes in: the Markdown file itself, or one of degrade.py's modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Layout {
    Markdown,
    Plain,
    Wrap,
    Oneline,
    Nospace,
    Toc,
    Gb18030,
    Crlf,
}

impl Layout {
    pub const ALL: [Layout; 8] = [
        Layout::Markdown,
        Layout::Plain,
        Layout::Wrap,
        Layout::Oneline,
        Layout::Nospace,
        Layout::Toc,
        Layout::Gb18030,
        Layout::Crlf,
    ];

    /// The name degrade.py uses (and `markdown`).
    pub fn name(self) -> &'static str {
        match self {
            Layout::Markdown => "markdown",
            Layout::Plain => "plain",
            Layout::Wrap => "wrap",
            Layout::Oneline => "oneline",
            Layout::Nospace => "nospace",
            Layout::Toc => "toc",
            Layout::Gb18030 => "gb18030",
            Layout::Crlf => "crlf",
        }
    }

    /// Where the input of `rel` (a path relative to the corpus) in this layout is. Degraded
    /// copies are named `.txt`, as degrade_all.py writes them: they are not Markdown.
    pub fn input_path(self, corpus: &Path, cache: &Path, rel: &Path) -> PathBuf {
        match self {
            Layout::Markdown => corpus.join(rel),
            _ => cache.join(self.name()).join(rel.with_extension("txt")),
        }
    }

    /// The text the output must hold every non-space character of, decoded by the check itself
    /// (degrade.py writes GB18030 for `gb18030`, UTF-8 otherwise). For Markdown, comments and
    /// the `#` marks of headings are markup, not text, and are removed.
    pub fn reference_text(self, bytes: &[u8]) -> Result<String, String> {
        let text = match self {
            Layout::Gb18030 => encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(bytes)
                .map(|t| t.into_owned())
                .ok_or_else(|| "the input is not valid GB18030".to_string())?,
            _ => String::from_utf8(bytes.to_vec())
                .map_err(|e| format!("the input is not valid UTF-8 ({e})"))?,
        };
        Ok(match self {
            Layout::Markdown => strip_markdown(&text),
            _ => text,
        })
    }
}

static COMMENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").unwrap());
static HEADING_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^[ \t]*#{1,6}([ \t]|$)").unwrap());

fn strip_markdown(text: &str) -> String {
    let text = COMMENT.replace_all(text, "");
    HEADING_MARK.replace_all(&text, "").into_owned()
}

/// The `.md` files under `dir`, relative to it, sorted (so that reports are stable).
pub fn corpus_files(dir: &Path) -> Result<Vec<PathBuf>> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
        for entry in
            std::fs::read_dir(dir).with_context(|| format!("{}: cannot list", dir.display()))?
        {
            let path = entry
                .with_context(|| format!("{}: cannot list", dir.display()))?
                .path();
            if path.is_dir() {
                walk(&path, out)?;
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path);
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dir, &mut files)?;
    let mut rel: Vec<PathBuf> = files
        .into_iter()
        .filter_map(|p| p.strip_prefix(dir).ok().map(Path::to_path_buf))
        .collect();
    rel.sort();
    if rel.is_empty() {
        bail!(
            "{}: no .md files found (give the lawref-dev directory)",
            dir.display()
        );
    }
    Ok(rel)
}

/// Makes sure the cache of degraded copies is there and up to date by running
/// `.ci/degrade_all.py` (a no-op when its stamp matches). Without python3 or degrade.py, an
/// existing cache is used as it is; without either, the error says what to run.
pub fn ensure_cache(corpus: &Path, cache: &Path, tools: &Path) -> Result<()> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/degrade_all.py");
    let how = format!(
        "python3 {} {} {} {}",
        script.display(),
        tools.display(),
        corpus.display(),
        cache.display()
    );
    let stamp = cache.join("stamp.txt");
    if !tools.join("degrade.py").is_file() {
        if stamp.is_file() {
            eprintln!(
                "corpus_check: {}: no degrade.py; using the cache as it is",
                tools.display()
            );
            return Ok(());
        }
        bail!(
            "{}: no degrade.py and no cache at {}: pass --tools DIR, or build the cache with `{how}`",
            tools.display(),
            cache.display()
        );
    }
    let status = Command::new("python3")
        .arg(&script)
        .args([tools, corpus, cache])
        .status();
    match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => bail!("`{how}` failed ({s})"),
        Err(e) if stamp.is_file() => {
            eprintln!("corpus_check: cannot run python3 ({e}); using the cache as it is");
            Ok(())
        }
        Err(e) => bail!("cannot run python3 ({e}); build the cache with `{how}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_reference_drops_comments_and_heading_marks_only() {
        let md = "# 某法\n<!-- INFO END -->\n## 第一章 总则\n第一条 #号 保留。\n";
        let t = Layout::Markdown.reference_text(md.as_bytes()).unwrap();
        assert_eq!(t, "某法\n\n第一章 总则\n第一条 #号 保留。\n");
    }

    #[test]
    fn gb18030_input_is_decoded_as_gb18030() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("第一条 为了");
        assert_eq!(
            Layout::Gb18030.reference_text(&bytes).unwrap(),
            "第一条 为了"
        );
        // The same bytes are not UTF-8: reading them so must fail, not guess.
        assert!(Layout::Plain.reference_text(&bytes).is_err());
    }

    #[test]
    fn degraded_copies_are_looked_up_under_their_layout_as_txt() {
        let p = Layout::Wrap.input_path(Path::new("c"), Path::new("k"), Path::new("刑法/a.md"));
        assert_eq!(p, Path::new("k/wrap/刑法/a.txt"));
        let m = Layout::Markdown.input_path(Path::new("c"), Path::new("k"), Path::new("a.md"));
        assert_eq!(m, Path::new("c/a.md"));
    }
}
