//! Pairs the entries of two sequences by content, not by number.
//!
//! The order of the passes is what makes the result survive renumbering:
//!
//! 1. exact matches in order, by patience diff over the texts (`similar`): unique texts anchor
//!    the alignment, so one inserted article does not shift every later one;
//! 2. exact matches out of order (an article moved unchanged);
//! 3. inside each gap between anchors, an order-preserving best-score pairing (weighted LCS) of
//!    similar texts: the modified articles;
//! 4. across the whole document, the best remaining similar pairs: moved and modified;
//! 5. splits (one old → adjacent new ones, each mostly contained in the old) and merges (the
//!    mirror image).
//!
//! Everything left is added or deleted.

use super::similarity::{score, score_matrix, Grams};
use similar::{capture_diff_slices, Algorithm, DiffTag};
use std::collections::HashMap;
use std::ops::Range;

/// What happened to a group of entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// Same text; `moved` when the pair is out of order with respect to the anchors.
    Unchanged {
        moved: bool,
    },
    Modified,
    /// Out of order and modified.
    Moved,
    Split,
    Merged,
    Added,
    Deleted,
}

/// Entries of OLD and NEW (indices into the slices given to [`align`]) that correspond.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub old: Vec<usize>,
    pub new: Vec<usize>,
    pub link: Link,
}

/// One side of the comparison.
pub struct Side<'a> {
    /// The comparison keys of the entries' texts (see [`super::similarity::key`]).
    pub texts: Vec<&'a str>,
    /// Position of each entry in its outline: split and merge parts must be adjacent there (no
    /// heading between them), so that the parts of a group stay together in the report.
    pub pos: Vec<usize>,
    /// Whether the entry may be one of several on a side of a split or merge (its text does not
    /// contain [`super::SEPARATOR`], which joins them).
    pub joinable: Vec<bool>,
}

/// How eager the passes are.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Minimum score to pair two entries inside a gap between anchors.
    pub gap: f64,
    /// Minimum score to pair two entries across the document (a move needs more evidence).
    pub moved: f64,
    /// Minimum score to pair the two entries of a gap holding exactly one on each side: the
    /// position is evidence of its own (an article rewritten in place, a chapter renamed).
    pub lone: f64,
    pub split_merge: bool,
}

pub const UNITS: Params = Params {
    gap: 0.45,
    moved: 0.65,
    lone: 0.3,
    split_merge: true,
};

/// Headings are a few characters long, and chapters of one law share words (行政复议申请,
/// 行政复议审理): in place, little evidence is enough; out of place, near identity is needed.
pub const HEADINGS: Params = Params {
    gap: 0.3,
    moved: 0.8,
    lone: 0.0,
    split_merge: false,
};

/// Minimum share of a split part found in its old article (or of a merged old article found in
/// its new one).
const PART_CONTAINED: f64 = 0.75;
/// Parts shorter than this many bigrams are not attached: they would be contained by chance.
const MIN_PART: usize = 6;

/// Beyond this many pairs to score (two unrelated documents of 2,000 units and more), only exact
/// matches are made: the score matrices would take hundreds of megabytes. The largest law, the
/// Civil Code, has 1,260 articles.
const MAX_SCORED: usize = 4_000_000;

/// Aligns `old` against `new`. Every index of each side appears in exactly one group; groups
/// come in no particular order.
pub fn align(old: &Side, new: &Side, params: Params) -> Vec<Group> {
    let mut a = Aligner {
        // Filled after the exact passes, for the entries they leave: only those are scored.
        og: Vec::new(),
        ng: Vec::new(),
        old_group: vec![None; old.texts.len()],
        new_group: vec![None; new.texts.len()],
        groups: Vec::new(),
    };
    let gaps = a.exact_in_order(old, new);
    a.exact_out_of_order(old, new);
    a.og = grams(&old.texts, &a.old_group);
    a.ng = grams(&new.texts, &a.new_group);
    for (or, nr) in gaps {
        a.similar_in_gap(or, nr, params);
    }
    a.similar_anywhere(params.moved);
    if params.split_merge {
        // Repeated so that an article split in three gathers all its parts.
        while a.attach_parts(old, new) {}
    }

    // Everything left.
    for o in 0..old.texts.len() {
        if a.old_group[o].is_none() {
            a.pair(vec![o], vec![], Link::Deleted);
        }
    }
    for n in 0..new.texts.len() {
        if a.new_group[n].is_none() {
            a.pair(vec![], vec![n], Link::Added);
        }
    }
    a.groups
}

/// The bigrams of the entries not yet grouped (the others get none: they are never scored).
fn grams(texts: &[&str], grouped: &[Option<usize>]) -> Vec<Grams> {
    texts
        .iter()
        .zip(grouped)
        .map(|(t, g)| Grams::new(if g.is_none() { t } else { "" }))
        .collect()
}

type Gap = (Range<usize>, Range<usize>);

struct Aligner {
    og: Vec<Grams>,
    ng: Vec<Grams>,
    old_group: Vec<Option<usize>>,
    new_group: Vec<Option<usize>>,
    groups: Vec<Group>,
}

impl Aligner {
    /// Pass 1: exact matches in order, by patience diff. Returns the gaps between them.
    fn exact_in_order(&mut self, old: &Side, new: &Side) -> Vec<Gap> {
        let ops = capture_diff_slices(Algorithm::Patience, &old.texts, &new.texts);
        let mut gaps: Vec<Gap> = Vec::new();
        for op in &ops {
            let (tag, or, nr) = op.as_tag_tuple();
            if tag == DiffTag::Equal {
                for (o, n) in or.zip(nr) {
                    self.pair(vec![o], vec![n], Link::Unchanged { moved: false });
                }
            } else if let Some(last) = gaps
                .last_mut()
                .filter(|g| g.0.end == or.start && g.1.end == nr.start)
            {
                last.0.end = or.end;
                last.1.end = nr.end;
            } else {
                gaps.push((or, nr));
            }
        }
        gaps
    }

    /// Pass 2: exact matches out of order, first come first paired.
    fn exact_out_of_order(&mut self, old: &Side, new: &Side) {
        let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
        for n in (0..new.texts.len()).rev() {
            if self.new_group[n].is_none() {
                by_text.entry(new.texts[n]).or_default().push(n);
            }
        }
        for o in 0..old.texts.len() {
            if self.old_group[o].is_some() {
                continue;
            }
            if let Some(n) = by_text.get_mut(old.texts[o]).and_then(Vec::pop) {
                self.pair(vec![o], vec![n], Link::Unchanged { moved: true });
            }
        }
    }

    /// Pass 3: similar pairs in order inside a gap; then, between consecutive pairs, a lone old
    /// entry facing a lone new one is the same entry rewritten in place.
    fn similar_in_gap(&mut self, or: Range<usize>, nr: Range<usize>, params: Params) {
        let os: Vec<usize> = or.filter(|&o| self.old_group[o].is_none()).collect();
        let ns: Vec<usize> = nr.filter(|&n| self.new_group[n].is_none()).collect();
        if os.len() * ns.len() > MAX_SCORED {
            return;
        }
        let pairs = self.ordered_pairs(&os, &ns, params.gap);
        let (mut oi, mut ni) = (0, 0);
        for pair in pairs.iter().copied().map(Some).chain([None]) {
            // The sub-gap before `pair` (or after the last pair) is os[oi..oe] × ns[ni..ne].
            let (oe, ne) = match pair {
                Some((o, n)) => (
                    os.partition_point(|&x| x < o),
                    ns.partition_point(|&x| x < n),
                ),
                None => (os.len(), ns.len()),
            };
            if oe == oi + 1
                && ne == ni + 1
                && score(&self.og[os[oi]], &self.ng[ns[ni]]) >= params.lone
            {
                self.pair(vec![os[oi]], vec![ns[ni]], Link::Modified);
            }
            if let Some((o, n)) = pair {
                self.pair(vec![o], vec![n], Link::Modified);
            }
            (oi, ni) = (oe + 1, ne + 1);
        }
    }

    /// Pass 4: similar pairs out of order (moved), best first.
    fn similar_anywhere(&mut self, threshold: f64) {
        let os: Vec<usize> = (0..self.og.len())
            .filter(|&o| self.old_group[o].is_none())
            .collect();
        let ns: Vec<usize> = (0..self.ng.len())
            .filter(|&n| self.new_group[n].is_none())
            .collect();
        if os.len() * ns.len() > MAX_SCORED {
            return;
        }
        let scores = self.scores(&os, &ns);
        let mut candidates = Vec::new();
        for (i, &o) in os.iter().enumerate() {
            for (j, &n) in ns.iter().enumerate() {
                let s = scores[i * ns.len() + j];
                if s >= threshold {
                    candidates.push((s, o, n));
                }
            }
        }
        candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        for (_, o, n) in candidates {
            if self.old_group[o].is_none() && self.new_group[n].is_none() {
                self.pair(vec![o], vec![n], Link::Moved);
            }
        }
    }

    fn pair(&mut self, old: Vec<usize>, new: Vec<usize>, link: Link) {
        let g = self.groups.len();
        for &o in &old {
            self.old_group[o] = Some(g);
        }
        for &n in &new {
            self.new_group[n] = Some(g);
        }
        self.groups.push(Group { old, new, link });
    }

    /// The scores of every pair of `os` × `ns`, row-major.
    fn scores(&self, os: &[usize], ns: &[usize]) -> Vec<f64> {
        let a: Vec<&Grams> = os.iter().map(|&o| &self.og[o]).collect();
        let b: Vec<&Grams> = ns.iter().map(|&n| &self.ng[n]).collect();
        score_matrix(&a, &b)
    }

    /// The order-preserving set of pairs with the greatest total score (each pair scoring at
    /// least `threshold`): a weighted longest common subsequence.
    fn ordered_pairs(&self, os: &[usize], ns: &[usize], threshold: f64) -> Vec<(usize, usize)> {
        let (h, w) = (os.len(), ns.len());
        if h == 0 || w == 0 {
            return Vec::new();
        }
        let mut s = self.scores(os, ns);
        for v in &mut s {
            if *v < threshold {
                *v = 0.0;
            }
        }
        // best[i][j]: best total over os[i..] × ns[j..].
        let mut best = vec![0.0f64; (h + 1) * (w + 1)];
        let at = |i: usize, j: usize| i * (w + 1) + j;
        for i in (0..h).rev() {
            for j in (0..w).rev() {
                let mut v = best[at(i + 1, j)].max(best[at(i, j + 1)]);
                if s[i * w + j] > 0.0 {
                    v = v.max(s[i * w + j] + best[at(i + 1, j + 1)]);
                }
                best[at(i, j)] = v;
            }
        }
        let (mut i, mut j, mut out) = (0, 0, Vec::new());
        while i < h && j < w {
            let here = best[at(i, j)];
            if s[i * w + j] > 0.0 && here == s[i * w + j] + best[at(i + 1, j + 1)] {
                out.push((os[i], ns[j]));
                i += 1;
                j += 1;
            } else if here == best[at(i + 1, j)] {
                i += 1;
            } else {
                j += 1;
            }
        }
        out
    }

    /// Attaches one unpaired entry to an adjacent group as a split part or a merged part.
    /// Returns whether anything changed.
    fn attach_parts(&mut self, old: &Side, new: &Side) -> bool {
        self.attach(Part::Split, new) || self.attach(Part::Merge, old)
    }

    /// Split: an unpaired new entry mostly contained in the single old entry of a group whose
    /// new entries it is adjacent to. Merge: the mirror image, with the sides swapped.
    fn attach(&mut self, part: Part, side: &Side) -> bool {
        let pos = &side.pos;
        let split = part == Part::Split;
        let (parts, wholes) = if split {
            (&self.ng, &self.og)
        } else {
            (&self.og, &self.ng)
        };
        // (the side the part joins, the side with the single whole entry) of a group
        fn sides(g: &Group, split: bool) -> (&[usize], &[usize]) {
            if split {
                (&g.new, &g.old)
            } else {
                (&g.old, &g.new)
            }
        }
        let joinable = &side.joinable;
        let grouped = if split {
            &self.new_group
        } else {
            &self.old_group
        };
        let other = if split { Link::Merged } else { Link::Split };
        for p in 0..parts.len() {
            if grouped[p].is_some() || parts[p].len() < MIN_PART || !joinable[p] {
                continue;
            }
            let best = self
                .groups
                .iter()
                .enumerate()
                .filter(|(_, g)| !matches!(g.link, Link::Unchanged { .. }) && g.link != other)
                .filter_map(|(gi, g)| {
                    let (many, whole) = sides(g, split);
                    let fits = whole.len() == 1
                        && adjacent(pos, many, p)
                        && many.iter().all(|&m| joinable[m]);
                    fits.then(|| (parts[p].contained_in(&wholes[whole[0]]), gi))
                })
                .filter(|&(c, _)| c >= PART_CONTAINED)
                .max_by(|x, y| x.0.total_cmp(&y.0));
            if let Some((_, gi)) = best {
                let g = &mut self.groups[gi];
                let (many, grouped, link) = if split {
                    (&mut g.new, &mut self.new_group, Link::Split)
                } else {
                    (&mut g.old, &mut self.old_group, Link::Merged)
                };
                many.push(p);
                many.sort_unstable();
                g.link = link;
                grouped[p] = Some(gi);
                return true;
            }
        }
        false
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Split,
    Merge,
}

/// Entry `i` sits right before or right after the run `members` in the outline.
fn adjacent(pos: &[usize], members: &[usize], i: usize) -> bool {
    let first = members.iter().map(|&m| pos[m]).min();
    let last = members.iter().map(|&m| pos[m]).max();
    match (first, last) {
        (Some(f), Some(l)) => pos[i] + 1 == f || pos[i] == l + 1,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side<'a>(texts: &[&'a str]) -> Side<'a> {
        Side {
            texts: texts.to_vec(),
            pos: (0..texts.len()).collect(),
            joinable: vec![true; texts.len()],
        }
    }

    fn find(groups: &[Group], old: &[usize], new: &[usize]) -> Link {
        groups
            .iter()
            .find(|g| g.old == old && g.new == new)
            .unwrap_or_else(|| panic!("no group {old:?} → {new:?} in {groups:?}"))
            .link
    }

    const A: &str = "为了保守国家秘密，维护国家安全和利益，保障改革开放和社会主义建设事业的顺利进行，制定本法。";
    const B: &str = "国家秘密是关系国家安全和利益，依照法定程序确定，在一定时间内只限一定范围的人员知悉的事项。";
    const C: &str = "一切国家机关、武装力量、政党、社会团体、企业事业组织和其他社会组织以及公民都有保密的义务。";
    const D: &str = "国家保密行政管理部门主管全国的保密工作。县级以上地方各级保密行政管理部门主管本行政区域的保密工作。";

    #[test]
    fn an_insertion_at_the_start_leaves_the_rest_unchanged() {
        let new_text = "保守国家秘密的工作，坚持中国共产党的领导。";
        let g = align(&side(&[A, B, C]), &side(&[new_text, A, B, C]), UNITS);
        assert_eq!(find(&g, &[], &[0]), Link::Added);
        assert_eq!(find(&g, &[0], &[1]), Link::Unchanged { moved: false });
        assert_eq!(find(&g, &[2], &[3]), Link::Unchanged { moved: false });
    }

    #[test]
    fn reworded_article_is_modified_and_moved_one_is_found() {
        let b2 = "国家秘密是关系国家安全和利益，依照法定程序确定，在一定时间内只限一定范围的人员知悉的事项。国家秘密受法律保护。";
        let c2 = "一切国家机关、武装力量、政党、社会团体、企业事业单位和其他社会组织以及公民都有保密的义务。";
        // C is reworded and moved before A; B gained a sentence in place.
        let g = align(&side(&[A, B, C, D]), &side(&[c2, A, b2, D]), UNITS);
        assert_eq!(find(&g, &[1], &[2]), Link::Modified);
        assert_eq!(find(&g, &[2], &[0]), Link::Moved);
        assert_eq!(find(&g, &[3], &[3]), Link::Unchanged { moved: false });
    }

    #[test]
    fn unchanged_but_out_of_order_is_unchanged_and_flagged_moved() {
        let g = align(&side(&[A, B, C, D]), &side(&[B, C, D, A]), UNITS);
        assert_eq!(find(&g, &[0], &[3]), Link::Unchanged { moved: true });
        assert_eq!(find(&g, &[1], &[0]), Link::Unchanged { moved: false });
    }

    #[test]
    fn split_and_merge() {
        let both = format!("{B}{C}");
        let g = align(&side(&[A, &both, D]), &side(&[A, B, C, D]), UNITS);
        assert_eq!(find(&g, &[1], &[1, 2]), Link::Split);
        let g = align(&side(&[A, B, C, D]), &side(&[A, &both, D]), UNITS);
        assert_eq!(find(&g, &[1, 2], &[1]), Link::Merged);
    }

    #[test]
    fn unrelated_replacement_is_a_deletion_and_an_addition() {
        let other = "本法自二〇二四年五月一日起施行。";
        // Even alone in its gap, an article with nothing in common is not its predecessor.
        let g = align(&side(&[A, B, D]), &side(&[A, other, D]), UNITS);
        assert_eq!(find(&g, &[1], &[]), Link::Deleted);
        assert_eq!(find(&g, &[], &[1]), Link::Added);
    }

    #[test]
    fn an_article_rewritten_in_place_is_modified() {
        // 许可 became 备案: little text in common, but it stands where the old one stood.
        let x = "申请从事保安培训的单位，应当向所在地设区的市级人民政府公安机关提交申请书以及能够证明其符合本条例规定条件的材料。";
        let y = "保安培训单位应当自开展培训之日起30日内向所在地公安机关备案，并提交相关的材料。";
        let s = score(&Grams::new(x), &Grams::new(y));
        assert!(
            (UNITS.lone..UNITS.gap).contains(&s),
            "{s}: the case must need the lone rule"
        );
        let b2 = format!("{B}国家秘密受法律保护。");
        let g = align(&side(&[A, B, x, D]), &side(&[A, &b2, y, D]), UNITS);
        assert_eq!(find(&g, &[2], &[2]), Link::Modified);
        assert_eq!(find(&g, &[1], &[1]), Link::Modified);
    }

    #[test]
    fn every_entry_is_in_exactly_one_group() {
        let g = align(&side(&[A, B, C, D, A]), &side(&[D, D, B, "附则"]), UNITS);
        let mut old: Vec<usize> = g.iter().flat_map(|g| g.old.clone()).collect();
        let mut new: Vec<usize> = g.iter().flat_map(|g| g.new.clone()).collect();
        old.sort_unstable();
        new.sort_unstable();
        assert_eq!(old, [0, 1, 2, 3, 4]);
        assert_eq!(new, [0, 1, 2, 3]);
    }
}
