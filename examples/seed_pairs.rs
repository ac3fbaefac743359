//! The seeds printed two at a time: for each ordered pair of the files in `input/`, joined by a
//! blank line, does fatiao give back the documents it gives for each file alone (the same
//! titles, the same number of top-level units)?
//!
//! ```sh
//! cargo run --release --example seed_pairs            # the count, and each pair that differs
//! ```
//!
//! The seeds are policy documents, news pages and a compilation, which the corpus's
//! `compilation_check` (laws only) does not cover. Informative: it fails nothing.

use fatiao::model::Extraction;
use fatiao::{extract_bytes, Options};

/// Each document's title (its first characters) and its number of top-level units.
fn shape(out: &Extraction) -> Vec<(Option<String>, usize)> {
    out.documents
        .iter()
        .map(|d| {
            let title = d.title.as_deref().map(|t| t.chars().take(16).collect());
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
    let (mut same, mut pairs) = (0, 0);
    for (i, first) in texts.iter().enumerate() {
        for (j, second) in texts.iter().enumerate().filter(|&(j, _)| j != i) {
            pairs += 1;
            let joined = format!("{}\n\n{}", first.trim_end(), second.trim_start());
            let got = shape(&extract(&joined)?);
            let want = [alone[i].clone(), alone[j].clone()].concat();
            if got == want {
                same += 1;
            } else {
                println!("{} then {}:", files[i].display(), files[j].display());
                println!("    alone  {want:?}");
                println!("    joined {got:?}");
            }
        }
    }
    println!("seed pairs: {same} of {pairs} give back the documents of each seed alone");
    Ok(())
}
