//! The layering that ARCHITECTURE.md promises, checked on the source: the extraction stages form
//! a line, and a stage may use only the stages before it and the shared leaves; a leaf uses no
//! stage but `normalise` (for its white-space test). A predicate that an earlier stage needs as
//! well as a later one belongs in a leaf (`lines`, `numbering::citation`), not in the later
//! stage. Comments may mention any module; code may not.

use std::fs;
use std::path::{Path, PathBuf};

/// The extraction stages, in the order data flows through them.
const STAGES: &[&str] = &[
    "decode",
    "normalise",
    "furniture",
    "layout",
    "segment",
    "structure",
    "meta",
    "ids",
    "extract",
    "emit",
];

/// Modules every stage may use.
const LEAVES: &[&str] = &["model", "text", "numbering", "lines"];

/// The Rust files of a module: `src/m.rs`, or everything under `src/m/`.
fn files_of(module: &str) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let file = src.join(format!("{module}.rs"));
    if file.exists() {
        return vec![file];
    }
    let mut out = Vec::new();
    let mut dirs = vec![src.join(module)];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The crate modules that the code (not the comments) of `source` names: `crate::m::…` and
/// each name of a `use crate::{a, b}` group.
fn modules_used(source: &str) -> Vec<String> {
    let mut used = Vec::new();
    for line in source.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or("");
                used.extend(inner.split(',').map(|m| m.trim().to_string()));
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                used.push(name);
            }
        }
    }
    used.retain(|m| !m.is_empty());
    used
}

/// `module`'s uses of modules it may not use, as `file: module`.
fn violations(module: &str, allowed: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out = Vec::new();
    for file in files_of(module) {
        let source = fs::read_to_string(&file).expect("readable source");
        for used in modules_used(&source) {
            let known = STAGES.contains(&used.as_str()) || LEAVES.contains(&used.as_str());
            if known && used != module && !allowed(&used) {
                out.push(format!("{}: crate::{used}", file.display()));
            }
        }
    }
    out
}

#[test]
fn the_parser_modules_named_here_exist() {
    for module in STAGES.iter().chain(LEAVES) {
        assert!(!files_of(module).is_empty(), "no source for {module}");
    }
}

#[test]
fn a_stage_uses_no_stage_after_it() {
    let mut found = Vec::new();
    for (k, stage) in STAGES.iter().enumerate() {
        found.extend(violations(stage, |used| {
            LEAVES.contains(&used) || STAGES[..k].contains(&used)
        }));
    }
    assert!(
        found.is_empty(),
        "stages reaching forward:\n{}",
        found.join("\n")
    );
}

#[test]
fn a_leaf_uses_no_stage() {
    let mut found = Vec::new();
    for leaf in LEAVES {
        found.extend(violations(leaf, |used| {
            LEAVES.contains(&used) || used == "normalise"
        }));
    }
    assert!(
        found.is_empty(),
        "leaves using stages:\n{}",
        found.join("\n")
    );
}

#[test]
fn uses_are_read_from_paths_and_groups_but_not_comments() {
    let source = "use crate::{layout, meta};\n// crate::segment in a comment\nlet x = crate::lines::is_date_line(s); // crate::ids\n";
    assert_eq!(modules_used(source), ["layout", "meta", "lines"]);
}
