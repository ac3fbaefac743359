//! What changed inside a pair of texts, character by character, from `similar`.
//!
//! Characters are the right grain for Chinese: a revision that turns 企业事业组织 into
//! 企业事业单位 should show two characters replaced, not the whole clause. Runs of the same
//! operation are merged so that the output reads as phrases.

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};
use std::time::Duration;

/// One operation of an inline diff. Serialised as `"="`, `"-"`, `"+"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    #[serde(rename = "=")]
    Equal,
    #[serde(rename = "-")]
    Delete,
    #[serde(rename = "+")]
    Insert,
}

/// A run of text and what happened to it: `["-", "组织"]` in JSON.
pub type Segment = (Op, String);

/// Beyond this, `similar` falls back to a coarser diff rather than run on: a pathological pair
/// must not stall a batch run.
const DEADLINE: Duration = Duration::from_millis(500);

/// The inline diff of `old` against `new` and the similarity ratio (0.0–1.0) of the two texts.
pub fn inline(old: &str, new: &str) -> (Vec<Segment>, f64) {
    if old == new {
        let segs = if old.is_empty() {
            vec![]
        } else {
            vec![(Op::Equal, old.to_string())]
        };
        return (segs, 1.0);
    }
    let diff = TextDiff::configure().timeout(DEADLINE).diff_chars(old, new);
    let mut out: Vec<Segment> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => Op::Equal,
            ChangeTag::Delete => Op::Delete,
            ChangeTag::Insert => Op::Insert,
        };
        match out.last_mut() {
            Some((last, text)) if *last == op => text.push_str(change.value()),
            _ => out.push((op, change.value().to_string())),
        }
    }
    (out, f64::from(diff.ratio()))
}

/// The old text of an inline diff: its `=` and `-` runs.
pub fn old_side(segs: &[Segment]) -> String {
    side(segs, Op::Delete)
}

/// The new text of an inline diff: its `=` and `+` runs.
pub fn new_side(segs: &[Segment]) -> String {
    side(segs, Op::Insert)
}

fn side(segs: &[Segment], keep: Op) -> String {
    segs.iter()
        .filter(|(op, _)| *op == Op::Equal || *op == keep)
        .map(|(_, t)| t.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_two_character_rewording_is_shown_as_such() {
        let (segs, ratio) = inline("企业事业组织和其他社会组织", "企业事业单位和其他社会组织");
        assert_eq!(
            segs,
            vec![
                (Op::Equal, "企业事业".to_string()),
                (Op::Delete, "组织".to_string()),
                (Op::Insert, "单位".to_string()),
                (Op::Equal, "和其他社会组织".to_string()),
            ]
        );
        assert!(ratio > 0.8 && ratio < 1.0);
    }

    #[test]
    fn both_sides_are_recovered() {
        let (old, new) = (
            "第一款规定的情形，处五万元以下罚款。",
            "前款规定的情形，处十万元以下罚款；情节严重的，吊销许可证。",
        );
        let (segs, _) = inline(old, new);
        assert_eq!(old_side(&segs), old);
        assert_eq!(new_side(&segs), new);
    }
}
