//! Prints the outline fatiao reads from a file: documents, titles, and each node's label with the
//! start of its heading and text. A tool for reading what the parser did, by eye.
//!
//! `cargo run --example outline -- FILE [--full] [--paras]` (`--paras`: the paragraphs after
//! reflow, before structure)

use fatiao::{extract_bytes, Node, Options};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: outline FILE [--full]"))?;
    let flags: Vec<String> = args.collect();
    let full = flags.iter().any(|a| a == "--full");
    let bytes = std::fs::read(&path)?;
    if flags.iter().any(|a| a == "--paras") {
        let text = fatiao::decode::decode(&bytes, None)?.text;
        for p in fatiao::layout::reflow(fatiao::normalise::normalise(&text)) {
            println!("¶ {}", p.text);
        }
        return Ok(());
    }
    let out = extract_bytes(&bytes, &path, &Options::default())?;
    println!("encoding {}", out.source.encoding);
    for doc in &out.documents {
        println!("=== {} title={:?}", doc.id, doc.title);
        println!("    meta={:?}", doc.meta);
        println!(
            "    preamble={:?}",
            doc.preamble.as_deref().map(|p| clip(p, full))
        );
        for n in &doc.children {
            print_node(n, 1, full);
        }
        println!("    trailer={:?}", doc.trailer);
        for w in &doc.warnings {
            println!("    warning {} {:?} {}", w.code, w.location, w.message);
        }
    }
    Ok(())
}

fn clip(s: &str, full: bool) -> String {
    if full {
        s.to_string()
    } else {
        s.chars().take(30).collect()
    }
}

fn print_node(n: &Node, depth: usize, full: bool) {
    println!(
        "{}{} {} h={:?} t={:?}",
        "  ".repeat(depth),
        n.id.rsplit('/').next().unwrap_or(""),
        n.label.as_deref().unwrap_or("¶"),
        n.heading.as_deref().map(|h| clip(h, full)),
        n.text.as_deref().map(|t| clip(t, full)),
    );
    for c in &n.children {
        print_node(c, depth + 1, full);
    }
}
