//! The seeds printed two at a time: for each ordered pair of the files in `input/`, joined by a
//! blank line, does fatiao give back the documents it gives for each file alone (the same
//! titles, the same number of top-level units)?
//!
//! ```sh
//! cargo run --release --example seed_pairs            # the count, and each pair that differs
//! ```
//!
//! Then the same on one line, as some web exports give a page (every line break gone, a space
//! after every third line, as degrade.py's `oneline` joins them): each seed alone, and each
//! pair, against what each seed gives with its line breaks. Titles are compared without spaces
//! (a title printed over two lines is joined with one). A second count leaves titles aside: the
//! documents cut where each seed ends, each with its own units.
//!
//! The seeds are policy documents, news pages and a compilation, which the corpus's
//! `compilation_check` (laws only) does not cover. Informative: it fails nothing.

// The corpus check's layouts: `oneline` joins lines as degrade.py does.
#[path = "corpus_check/extra.rs"]
#[allow(dead_code)]
mod extra;

use fatiao::model::Extraction;
use fatiao::{extract_bytes, Options};

/// Each document's title (its first characters, spaces left out) and its number of top-level
/// units.
fn shape(out: &Extraction) -> Vec<(Option<String>, usize)> {
    out.documents
        .iter()
        .map(|d| {
            let title = d.title.as_deref().map(|t| {
                t.chars()
                    .filter(|&c| !fatiao::normalise::is_space(c))
                    .take(16)
                    .collect()
            });
            (title, d.children.len())
        })
        .collect()
}

fn extract(text: &str) -> anyhow::Result<Extraction> {
    Ok(extract_bytes(
        text.as_bytes(),
        "pair.txt",
        &Options::default(),
    )?)
}

fn main() -> anyhow::Result<()> {
    let mut files: Vec<_> = std::fs::read_dir("input")?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .map(std::fs::read_to_string)
        .collect::<Result<_, _>>()?;
    let alone: Vec<_> = texts
        .iter()
        .map(|t| extract(t).map(|x| shape(&x)))
        .collect::<Result<_, _>>()?;
    for (layout, transform) in [
        (
            "with line breaks",
            (|t: &str| t.to_string()) as fn(&str) -> String,
        ),
        ("on one line", extra::oneline),
    ] {
        let mut same_alone = 0;
        for (i, text) in texts.iter().enumerate() {
            let got = shape(&extract(&transform(text))?);
            if got == alone[i] {
                same_alone += 1;
            } else {
                println!("{} {layout}:", files[i].display());
                println!("    with line breaks {:?}", alone[i]);
                println!("    {layout} {got:?}");
            }
        }
        let (mut same, mut same_units, mut pairs) = (0, 0, 0);
        for (i, first) in texts.iter().enumerate() {
            for (j, second) in texts.iter().enumerate().filter(|&(j, _)| j != i) {
                pairs += 1;
                let joined = format!("{}\n\n{}", first.trim_end(), second.trim_start());
                let got = shape(&extract(&transform(&joined))?);
                let want = [alone[i].clone(), alone[j].clone()].concat();
                let units = |shape: &[(Option<String>, usize)]| -> Vec<usize> {
                    shape.iter().map(|&(_, n)| n).collect()
                };
                same_units += usize::from(units(&got) == units(&want));
                if got == want {
                    same += 1;
                } else {
                    println!(
                        "{} then {} {layout}:",
                        files[i].display(),
                        files[j].display()
                    );
                    println!("    alone  {want:?}");
                    println!("    joined {got:?}");
                }
            }
        }
        println!(
            "seeds {layout}: {same_alone} of {} give the documents of each seed with its line \
             breaks; pairs: {same} of {pairs} give back the documents of each seed alone, \
             {same_units} if titles are left aside",
            texts.len()
        );
    }
    Ok(())
}
