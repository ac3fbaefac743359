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
    (absorb_short_equals(out), f64::from(diff.ratio()))
}

/// Runs of one or two equal characters between two changes are absorbed into them.
///
/// A character diff of a rewritten clause matches stray common characters (的, 和, ，) and
/// shreds the clause into alternating pieces; a reader wants to see the old clause struck and the
/// new one written. Both sides are kept exactly: the absorbed run is added to the deletion and to
/// the insertion.
fn absorb_short_equals(segs: Vec<Segment>) -> Vec<Segment> {
    enum Block {
        Same(String),
        Change(String, String),
    }
    let mut blocks: Vec<Block> = Vec::new();
    for (op, text) in segs {
        let (del, ins) = match op {
            Op::Equal => {
                blocks.push(Block::Same(text));
                continue;
            }
            Op::Delete => (text, String::new()),
            Op::Insert => (String::new(), text),
        };
        match blocks.last_mut() {
            Some(Block::Change(d, i)) => {
                d.push_str(&del);
                i.push_str(&ins);
            }
            _ => blocks.push(Block::Change(del, ins)),
        }
        // A change after a short run that follows a change: fold the three into one.
        let fold = matches!(
            blocks.as_slice(),
            [.., Block::Change(..), Block::Same(same), Block::Change(..)] if same.chars().count() <= 2
        );
        if fold {
            if let (
                Some(Block::Change(d2, i2)),
                Some(Block::Same(same)),
                Some(Block::Change(d, i)),
            ) = (blocks.pop(), blocks.pop(), blocks.last_mut())
            {
                d.push_str(&same);
                d.push_str(&d2);
                i.push_str(&same);
                i.push_str(&i2);
            }
        }
    }
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Same(t) => out.push((Op::Equal, t)),
            Block::Change(d, i) => {
                if !d.is_empty() {
                    out.push((Op::Delete, d));
                }
                if !i.is_empty() {
                    out.push((Op::Insert, i));
                }
            }
        }
    }
    out
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
    fn a_rewritten_clause_reads_as_one_deletion_and_one_insertion() {
        let (old, new) = (
            "国家安全机关对有关情况予以保密。",
            "国家安全机关应当依法对在工作中知悉的信息严格保密。",
        );
        let (segs, _) = inline(old, new);
        // No run of one or two equal characters stands between two changes.
        for w in segs.windows(3) {
            if let [(a, _), (Op::Equal, t), (b, _)] = w {
                assert!(
                    *a == Op::Equal || *b == Op::Equal || t.chars().count() > 2,
                    "{segs:?}"
                );
            }
        }
        assert_eq!(old_side(&segs), old);
        assert_eq!(new_side(&segs), new);
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
