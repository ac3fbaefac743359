//! The invariants every diff must satisfy, as one function that tests and the corpus check
//! (`examples/revision_check.rs`) share.

use super::{apply, outline, outline_text, ChangeType, Diff};
use crate::model::Document;
use std::collections::HashMap;

/// Problems with `diff` as the comparison of `old` and `new` (empty when there are none):
///
/// - coverage: every entry of each outline is in exactly one change;
/// - round trip: [`apply()`] on OLD gives NEW's outline text exactly;
/// - twins: a unit whose text occurs once in OLD and once in NEW is paired with its twin as
///   `unchanged`.
pub fn check(old: &Document, new: &Document, diff: &Diff) -> Vec<String> {
    let (oo, no) = (outline(old), outline(new));
    let mut problems = Vec::new();

    let olds: Vec<usize> = diff
        .changes
        .iter()
        .flat_map(|c| c.old_index.clone())
        .collect();
    let news: Vec<usize> = diff
        .changes
        .iter()
        .flat_map(|c| c.new_index.clone())
        .collect();
    for (side, len, indices) in [("old", oo.len(), olds), ("new", no.len(), news)] {
        let mut seen = vec![0usize; len];
        for i in indices {
            match seen.get_mut(i) {
                Some(n) => *n += 1,
                None => problems.push(format!("{side} index {i} is outside the outline")),
            }
        }
        for (i, n) in seen.iter().enumerate().filter(|(_, &n)| n != 1) {
            problems.push(format!("{side} entry {i} is in {n} changes"));
        }
    }

    match apply(&oo, diff) {
        Ok(text) if text == outline_text(new) => {}
        Ok(_) => problems.push("round trip: applying the diff to OLD does not give NEW".into()),
        Err(e) => problems.push(format!("round trip: {e}")),
    }

    fn count(outline: &[super::Entry]) -> HashMap<&str, (usize, usize)> {
        let mut m: HashMap<&str, (usize, usize)> = HashMap::new();
        for (i, e) in outline.iter().enumerate().filter(|(_, e)| e.unit) {
            m.entry(e.text.as_str()).or_insert((0, i)).0 += 1;
        }
        m
    }
    let (oc, nc) = (count(&oo), count(&no));
    for (text, &(n, o)) in &oc {
        let Some(&(1, twin)) = nc.get(text) else {
            continue;
        };
        if n != 1 {
            continue;
        }
        let paired = diff.changes.iter().any(|c| {
            c.kind == ChangeType::Unchanged && c.old_index == [o] && c.new_index == [twin]
        });
        if !paired {
            problems.push(format!(
                "{} (old entry {o}) is unchanged but not paired with new entry {twin}",
                oo[o].label
            ));
        }
    }
    problems
}
