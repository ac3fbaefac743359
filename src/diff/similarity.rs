//! How alike two texts are, from their character bigrams.
//!
//! Articles are short (tens to hundreds of characters) and Chinese has no word boundaries, so
//! character bigrams are the natural unit: they survive reordering of clauses and do not need a
//! segmenter. Two measures are combined:
//!
//! - Dice over the bigram multisets, for reworded texts of similar length;
//! - containment (the share of the shorter text found in the longer), so that an article that
//!   gained or lost a paragraph still matches its old self although Dice is low.

use std::collections::HashMap;

/// The text as compared: white space dropped and full-width ASCII forms (`（`, `：`, `，`, `１`)
/// folded to their half-width twins. Sources of the same law differ in both (a web copy with
/// `(以下简称)` against the official `（以下简称）`), and neither is a change of the law.
pub fn key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The bigram multiset of a text, sorted, so that overlaps are a linear merge.
#[derive(Debug, Clone)]
pub struct Grams(Vec<u64>);

impl Grams {
    /// Bigrams of a [`key`]. A one-character text is its own single gram, so that it can still
    /// match itself.
    pub fn new(key: &str) -> Grams {
        let chars: Vec<char> = key.chars().collect();
        let mut grams: Vec<u64> = if chars.len() == 1 {
            vec![chars[0] as u64]
        } else {
            chars
                .windows(2)
                .map(|w| ((w[0] as u64) << 32) | w[1] as u64)
                .collect()
        };
        grams.sort_unstable();
        Grams(grams)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Size of the multiset intersection.
    pub fn common(&self, other: &Grams) -> usize {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    }

    /// Share of `self` found in `other` (1.0: every bigram of `self` occurs in `other`).
    pub fn contained_in(&self, other: &Grams) -> f64 {
        if self.is_empty() {
            return 0.0;
        }
        self.common(other) as f64 / self.len() as f64
    }
}

/// Below this many bigrams a text is too short for containment to mean anything: 施行 dates and
/// "删除" are contained in many articles.
pub const MIN_CONTAINED: usize = 8;

/// The score used to pair units: the better of Dice and (discounted) containment. Containment
/// only counts when the shorter text is long enough and at least a fifth of the longer one, so a
/// one-line article is not "contained" in a long one that merely shares its phrases.
pub fn score(a: &Grams, b: &Grams) -> f64 {
    score_common(a.common(b), a.len(), b.len())
}

/// [`score`] from the size of the intersection and the sizes of the two multisets.
pub fn score_common(common: usize, la: usize, lb: usize) -> f64 {
    if la == 0 || lb == 0 {
        return 0.0;
    }
    let common = common as f64;
    let dice = 2.0 * common / (la + lb) as f64;
    let (min, max) = (la.min(lb), la.max(lb));
    let containment = if min >= MIN_CONTAINED && min * 5 >= max {
        0.9 * common / min as f64
    } else {
        0.0
    };
    dice.max(containment)
}

/// [`score`] of every pair `(a[i], b[j])`, row-major (`i * b.len() + j`).
///
/// One pass over an index of `b`'s bigrams instead of a merge per pair: most bigrams occur in
/// few articles, so a document rewritten from end to end costs a fraction of `a.len() × b.len()`
/// merges (the worst case of the alignment).
pub fn score_matrix(a: &[&Grams], b: &[&Grams]) -> Vec<f64> {
    let w = b.len();
    let runs = |g: &Grams| -> Vec<(u64, u32)> {
        g.0.chunk_by(|x, y| x == y)
            .map(|run| (run[0], run.len() as u32))
            .collect()
    };
    let mut index: HashMap<u64, Vec<(usize, u32)>> = HashMap::new();
    for (j, g) in b.iter().enumerate() {
        for (gram, count) in runs(g) {
            index.entry(gram).or_default().push((j, count));
        }
    }
    let mut out = vec![0.0; a.len() * w];
    let mut common = vec![0u32; w];
    for (i, g) in a.iter().enumerate() {
        common.fill(0);
        for (gram, count) in runs(g) {
            for &(j, c) in index.get(&gram).into_iter().flatten() {
                common[j] += count.min(c);
            }
        }
        for j in 0..w {
            out[i * w + j] = score_common(common[j] as usize, g.len(), b[j].len());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one_and_unrelated_texts_near_zero() {
        let a = Grams::new(&key("国家秘密受法律保护。"));
        assert_eq!(score(&a, &a), 1.0);
        let b = Grams::new("本法自公布之日起施行。");
        assert!(score(&a, &b) < 0.2);
    }

    #[test]
    fn an_article_that_gained_a_paragraph_still_scores_high() {
        let old = "任何危害国家秘密安全的行为，都必须受到法律追究。";
        let new = format!("{old}国家鼓励和支持保密科学技术研究和应用，提升自主创新能力，依法保护保密领域的知识产权。");
        let (a, b) = (Grams::new(old), Grams::new(&new));
        assert!(a.contained_in(&b) > 0.99);
        assert!(score(&a, &b) > 0.85, "{}", score(&a, &b));
    }

    #[test]
    fn the_score_matrix_agrees_with_pairwise_scores() {
        let texts = [
            "国家秘密受法律保护。",
            "国家秘密受法律保护，任何人不得泄露国家秘密。",
            "本法自公布之日起施行。",
            "秘密秘密秘密",
        ];
        let grams: Vec<Grams> = texts.iter().map(|t| Grams::new(&key(t))).collect();
        let refs: Vec<&Grams> = grams.iter().collect();
        let m = score_matrix(&refs[..2], &refs);
        for i in 0..2 {
            for j in 0..texts.len() {
                assert_eq!(
                    m[i * texts.len() + j],
                    score(&grams[i], &grams[j]),
                    "{i} {j}"
                );
            }
        }
    }

    #[test]
    fn white_space_and_character_width_are_not_content() {
        assert_eq!(key("总 则"), key("总则"));
        assert_eq!(key("（以下简称商检法）："), key("(以下简称商检法):"));
        assert_ne!(key("第一款"), key("第二款"));
    }
}
