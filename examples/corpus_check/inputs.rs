//! The inputs of the check: the corpus files, their layouts, the cache of degraded copies that
//! `.ci/degrade_all.py` writes, and the reference text the "nothing lost" check holds the
//! output to.

use crate::compare::Reference;
use crate::extra;
use anyhow::{bail, Context, Result};
use regex::Regex;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

/// A layout a law comes in: the Markdown file itself, one of degrade.py's modes, or one of the
/// [`extra`] layouts built from them.
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
    Pages,
    Halfwidth,
    Tabs,
    Spaced,
    Split,
    Glued,
    Rewrap,
    Flat,
    Indented,
    Doubled,
    Centred,
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

    /// The layouts beyond the bar's eight, run with `--extra`.
    pub const EXTRA: [Layout; 11] = [
        Layout::Pages,
        Layout::Halfwidth,
        Layout::Tabs,
        Layout::Spaced,
        Layout::Split,
        Layout::Glued,
        Layout::Rewrap,
        Layout::Flat,
        Layout::Indented,
        Layout::Doubled,
        Layout::Centred,
    ];

    /// The name degrade.py uses (and `markdown`, and the extra layouts' names).
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
            Layout::Pages => "pages",
            Layout::Halfwidth => "halfwidth",
            Layout::Tabs => "tabs",
            Layout::Spaced => "spaced",
            Layout::Split => "split",
            Layout::Glued => "glued",
            Layout::Rewrap => "rewrap",
            Layout::Flat => "flat",
            Layout::Indented => "indented",
            Layout::Doubled => "doubled",
            Layout::Centred => "centred",
        }
    }

    /// Where the input of `rel` (a path relative to the corpus) in a stored layout is. Degraded
    /// copies are named `.txt`, as degrade_all.py writes them: they are not Markdown.
    pub fn input_path(self, corpus: &Path, cache: &Path, rel: &Path) -> PathBuf {
        match self {
            Layout::Markdown => corpus.join(rel),
            _ => cache.join(self.name()).join(rel.with_extension("txt")),
        }
    }

    /// The path the output's ids carry: relative, named as this layout's file would be.
    pub fn id_path(self, rel: &Path) -> PathBuf {
        match self {
            Layout::Markdown => rel.to_path_buf(),
            _ => rel.with_extension("txt"),
        }
    }

    /// Reads (or, for the extra layouts, builds) the input of `rel` in this layout, with the
    /// text the output is held to. Errors name the file.
    pub fn load(self, corpus: &Path, cache: &Path, rel: &Path) -> Result<Input, String> {
        let read = |layout: Layout| -> Result<(Vec<u8>, String), String> {
            let path = layout.input_path(corpus, cache, rel);
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let text = layout
                .decode(&bytes)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            Ok((bytes, text))
        };
        let built = |text: String, without_furniture: Option<String>| Input {
            bytes: text.clone().into_bytes(),
            reference: Reference {
                text,
                without_furniture,
            },
        };
        Ok(match self {
            Layout::Halfwidth => built(extra::halfwidth(&read(Layout::Plain)?.1), None),
            Layout::Tabs => built(extra::tabs(&read(Layout::Plain)?.1), None),
            Layout::Spaced => built(extra::spaced(&read(Layout::Plain)?.1), None),
            Layout::Split => built(extra::split_headings(&read(Layout::Plain)?.1), None),
            Layout::Glued => built(extra::glued(&read(Layout::Wrap)?.1), None),
            Layout::Flat => built(extra::flat(&read(Layout::Plain)?.1), None),
            Layout::Doubled => built(extra::doubled(&read(Layout::Wrap)?.1), None),
            Layout::Centred => built(extra::centred(&read(Layout::Plain)?.1), None),
            Layout::Rewrap => built(
                extra::rewrap(&read(Layout::Plain)?.1, &rel.to_string_lossy()),
                None,
            ),
            Layout::Indented => built(
                extra::indented(&read(Layout::Plain)?.1, &rel.to_string_lossy()),
                None,
            ),
            Layout::Pages => {
                let plain = read(Layout::Plain)?.1;
                let title = plain.lines().next().unwrap_or_default().trim();
                let wrap = read(Layout::Wrap)?.1;
                built(
                    extra::pages(&wrap, title, &rel.to_string_lossy()),
                    Some(wrap),
                )
            }
            _ => {
                let (bytes, text) = read(self)?;
                let text = match self {
                    Layout::Markdown => strip_markdown(&text),
                    _ => text,
                };
                Input {
                    bytes,
                    reference: Reference::strict(&text),
                }
            }
        })
    }

    /// Decodes a stored input by the check itself: degrade.py writes GB18030 for `gb18030`,
    /// UTF-8 otherwise.
    fn decode(self, bytes: &[u8]) -> Result<String, String> {
        match self {
            Layout::Gb18030 => encoding_rs::GB18030
                .decode_without_bom_handling_and_without_replacement(bytes)
                .map(|t| t.into_owned())
                .ok_or_else(|| "the input is not valid GB18030".to_string()),
            _ => String::from_utf8(bytes.to_vec())
                .map_err(|e| format!("the input is not valid UTF-8 ({e})")),
        }
    }
}

/// One input, ready to extract.
pub struct Input {
    pub bytes: Vec<u8>,
    pub reference: Reference,
}

/// For Markdown, comments and the `#` marks of headings are markup, not text: the reference
/// leaves them out.
static COMMENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").unwrap());
static HEADING_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^[ \t]*#{1,6}([ \t]|$)").unwrap());

fn strip_markdown(text: &str) -> String {
    let text = COMMENT.replace_all(text, "");
    HEADING_MARK.replace_all(&text, "").into_owned()
}

/// The `.md` files under `dir`, relative to it, sorted (so that reports are stable).
pub fn corpus_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut rel = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.with_context(|| format!("{}: cannot list", dir.display()))?;
        let path = entry.path();
        if entry.file_type().is_file() && path.extension().is_some_and(|e| e == "md") {
            rel.extend(path.strip_prefix(dir).ok().map(Path::to_path_buf));
        }
    }
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
        assert_eq!(
            strip_markdown(md),
            "某法\n\n第一章 总则\n第一条 #号 保留。\n"
        );
    }

    #[test]
    fn gb18030_input_is_decoded_as_gb18030() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("第一条 为了");
        assert_eq!(Layout::Gb18030.decode(&bytes).unwrap(), "第一条 为了");
        // The same bytes are not UTF-8: reading them so must fail, not guess.
        assert!(Layout::Plain.decode(&bytes).is_err());
    }

    #[test]
    fn degraded_copies_are_looked_up_under_their_layout_as_txt() {
        let p = Layout::Wrap.input_path(Path::new("c"), Path::new("k"), Path::new("刑法/a.md"));
        assert_eq!(p, Path::new("k/wrap/刑法/a.txt"));
        let m = Layout::Markdown.input_path(Path::new("c"), Path::new("k"), Path::new("a.md"));
        assert_eq!(m, Path::new("c/a.md"));
    }

    #[test]
    fn extra_layouts_are_built_from_the_cached_copies_and_pages_may_drop_furniture() {
        let dir = tempfile::tempdir().unwrap();
        let (corpus, cache) = (dir.path().join("c"), dir.path().join("k"));
        for (layout, text) in [
            ("plain", "某法\n第一条 （一）甲。\n"),
            ("wrap", "某法\n第一条 （一）\n甲。\n"),
        ] {
            std::fs::create_dir_all(cache.join(layout)).unwrap();
            std::fs::write(cache.join(layout).join("a.txt"), text).unwrap();
        }
        let rel = Path::new("a.md");
        let half = Layout::Halfwidth.load(&corpus, &cache, rel).unwrap();
        assert_eq!(half.bytes, "某法\n第一条 (一)甲。\n".as_bytes());
        assert_eq!(half.reference, Reference::strict("某法\n第一条 (一)甲。\n"));
        let pages = Layout::Pages.load(&corpus, &cache, rel).unwrap();
        assert!(pages.reference.text.contains('1'), "a page number is added");
        assert_eq!(
            pages.reference.without_furniture.as_deref(),
            Some("某法\n第一条 （一）\n甲。\n")
        );
        // A missing copy is an error that names the file.
        let none = dir.path().join("none");
        let err = Layout::Tabs.load(&corpus, &none, rel).err().unwrap();
        assert!(err.contains("plain/a.txt"), "{err}");
    }
}
