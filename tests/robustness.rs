//! Arbitrary input never crashes: random bytes, and seeds damaged the way files get damaged
//! (flipped bytes, truncation, pieces of one file spliced into another, lines lost or repeated),
//! go through `extract_bytes` and the writers. Each must give a result or an error, never panic.
//! Cases are few (64 per property) so that `cargo test` stays quick.

use fatiao::emit::{to_csv_rows, to_json};
use fatiao::{extract_bytes, Options};
use proptest::prelude::*;
use std::sync::OnceLock;

fn seeds() -> &'static [Vec<u8>] {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
    })
}

/// Runs the whole pipeline; the point is reaching the end without a panic. When extraction
/// succeeds the writers must succeed too, and the JSON must read back as what was extracted.
fn survives(bytes: &[u8]) {
    if let Ok(x) = extract_bytes(bytes, "fuzz.txt", &Options::default()) {
        let json = to_json(&x).expect("an extraction always serialises");
        let back: fatiao::Extraction = serde_json::from_slice(&json).expect("JSON reads back");
        assert_eq!(back, x);
        to_csv_rows(&x).expect("an extraction always flattens to CSV");
        // The diff of whatever came out against a real law, both ways: no panic, and the
        // diff's own invariants (coverage, round trip) hold.
        if let Some(doc) = fatiao::diff::main_document(&x, None) {
            let law = seed_law();
            for (old, new) in [(doc, law), (law, doc)] {
                let diff = fatiao::diff::diff_documents(old, new);
                let problems = fatiao::diff::check(old, new, &diff);
                assert!(problems.is_empty(), "{problems:?}");
            }
        }
    }
}

/// The last document of seed 003, a 65-article law.
fn seed_law() -> &'static fatiao::Document {
    static LAW: OnceLock<fatiao::Document> = OnceLock::new();
    LAW.get_or_init(|| {
        let seed = seeds().iter().find(|b| b.len() > 90_000).expect("seed 003");
        let x = extract_bytes(seed, "003.txt", &Options::default()).unwrap();
        x.documents.last().unwrap().clone()
    })
}

#[derive(Debug, Clone)]
enum Damage {
    Flip {
        at: usize,
        byte: u8,
    },
    Truncate {
        at: usize,
    },
    Splice {
        at: usize,
        from: usize,
        start: usize,
        len: usize,
    },
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Damage::Flip { at, byte }),
        any::<usize>().prop_map(|at| Damage::Truncate { at }),
        (any::<usize>(), any::<usize>(), any::<usize>(), 1usize..4096).prop_map(
            |(at, from, start, len)| Damage::Splice {
                at,
                from,
                start,
                len
            }
        ),
    ]
}

fn apply(bytes: &mut Vec<u8>, d: &Damage) {
    let seeds = seeds();
    let pos = |at: usize, len: usize| if len == 0 { 0 } else { at % (len + 1) };
    match *d {
        Damage::Flip { at, byte } => {
            if !bytes.is_empty() {
                let i = at % bytes.len();
                bytes[i] ^= byte;
            }
        }
        Damage::Truncate { at } => bytes.truncate(pos(at, bytes.len())),
        Damage::Splice {
            at,
            from,
            start,
            len,
        } => {
            let other = &seeds[from % seeds.len()];
            let start = pos(start, other.len());
            let piece = &other[start..(start + len).min(other.len())];
            let at = pos(at, bytes.len());
            bytes.splice(at..at, piece.iter().copied());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        survives(&bytes);
    }

    #[test]
    fn damaged_seeds_never_panic(
        seed in 0usize..5,
        damages in proptest::collection::vec(damage(), 1..6),
    ) {
        let mut bytes = seeds()[seed % seeds().len()].clone();
        for d in &damages {
            apply(&mut bytes, d);
        }
        survives(&bytes);
    }

    /// Damage that keeps the text valid UTF-8, so that it reaches the parser instead of being
    /// refused by the decoder: lines dropped, repeated and moved.
    #[test]
    fn shuffled_seed_lines_never_panic(
        seed in 0usize..5,
        picks in proptest::collection::vec(any::<usize>(), 0..200),
    ) {
        let text = String::from_utf8_lossy(&seeds()[seed % seeds().len()]).into_owned();
        let lines: Vec<&str> = text.lines().collect();
        // Seed 004 is a single line: cap the size, or 200 copies of it make a slow test.
        let mut picked = String::new();
        for i in &picks {
            if picked.len() > 64 * 1024 {
                break;
            }
            picked.push_str(lines[i % lines.len()]);
            picked.push('\n');
        }
        survives(picked.as_bytes());
    }
}
