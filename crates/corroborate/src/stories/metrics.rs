//! Clustering quality against gold labels: B-cubed precision, recall and F1, and the
//! adjusted Rand index (Hubert and Arabie 1985).

use std::collections::HashMap;
use std::hash::Hash;

/// Scores of a predicted grouping against gold groups.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct ClusterScores {
    /// Items scored.
    pub items: usize,
    /// B-cubed precision: per item, the share of its predicted group that shares its gold group.
    pub precision: f64,
    /// B-cubed recall: per item, the share of its gold group that shares its predicted group.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Adjusted Rand index: pair agreement corrected for chance (1 perfect, about 0 random).
    pub ari: f64,
}

/// Score `predicted[i]` against `gold[i]`. Both slices have one label per item.
///
/// # Panics
/// When the slices differ in length (a caller bug, not an input problem).
pub fn score<P: Eq + Hash, G: Eq + Hash>(predicted: &[P], gold: &[G]) -> ClusterScores {
    assert_eq!(
        predicted.len(),
        gold.len(),
        "one predicted label per gold label"
    );
    let n = predicted.len();
    if n == 0 {
        return ClusterScores {
            items: 0,
            precision: 0.0,
            recall: 0.0,
            f1: 0.0,
            ari: 0.0,
        };
    }
    // Dense ids so that counting is over small integers.
    let p = dense(predicted);
    let g = dense(gold);
    let mut pair: HashMap<(usize, usize), u64> = HashMap::new();
    let mut p_size = vec![0u64; p.iter().max().map_or(0, |m| m + 1)];
    let mut g_size = vec![0u64; g.iter().max().map_or(0, |m| m + 1)];
    for (&a, &b) in p.iter().zip(&g) {
        *pair.entry((a, b)).or_default() += 1;
        p_size[a] += 1;
        g_size[b] += 1;
    }
    // B-cubed: an item in cell (a, b) has precision n_ab / |a| and recall n_ab / |b|.
    let (mut precision, mut recall) = (0.0, 0.0);
    for (&(a, b), &nab) in &pair {
        let nab = nab as f64;
        precision += nab * nab / p_size[a] as f64;
        recall += nab * nab / g_size[b] as f64;
    }
    precision /= n as f64;
    recall /= n as f64;
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let c2 = |x: u64| (x as f64) * (x as f64 - 1.0) / 2.0;
    let index: f64 = pair.values().map(|&x| c2(x)).sum();
    let sum_p: f64 = p_size.iter().map(|&x| c2(x)).sum();
    let sum_g: f64 = g_size.iter().map(|&x| c2(x)).sum();
    let expected = sum_p * sum_g / c2(n as u64).max(1.0);
    let max = (sum_p + sum_g) / 2.0;
    let ari = if (max - expected).abs() < f64::EPSILON {
        // Both groupings are all-singletons or one group: agreement is perfect or undefined.
        if p_size.len() == g_size.len() {
            1.0
        } else {
            0.0
        }
    } else {
        (index - expected) / (max - expected)
    };
    ClusterScores {
        items: n,
        precision,
        recall,
        f1,
        ari,
    }
}

fn dense<T: Eq + Hash>(labels: &[T]) -> Vec<usize> {
    let mut ids: HashMap<&T, usize> = HashMap::new();
    labels
        .iter()
        .map(|l| {
            let next = ids.len();
            *ids.entry(l).or_insert(next)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn perfect_grouping_scores_one() {
        let s = score(&[1, 1, 2, 2, 3], &["a", "a", "b", "b", "c"]);
        assert!(close(s.precision, 1.0) && close(s.recall, 1.0) && close(s.f1, 1.0));
        assert!(close(s.ari, 1.0));
    }

    #[test]
    fn one_big_group_has_full_recall_low_precision() {
        let s = score(&[0, 0, 0, 0], &["a", "a", "b", "b"]);
        assert!(close(s.recall, 1.0));
        assert!(close(s.precision, 0.5));
        assert!(close(s.ari, 0.0));
    }

    #[test]
    fn matches_a_hand_computed_example() {
        // Gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}.
        let s = score(&[0, 0, 1, 1, 1], &[0, 0, 0, 1, 1]);
        // Precision: a,b: 1; c: 1/3; d,e: 2/3 -> (2 + 1/3 + 4/3) / 5.
        assert!(close(s.precision, (2.0 + 1.0 / 3.0 + 4.0 / 3.0) / 5.0));
        // Recall: a,b: 2/3; c: 1/3; d,e: 1 -> (4/3 + 1/3 + 2) / 5.
        assert!(close(s.recall, (4.0 / 3.0 + 1.0 / 3.0 + 2.0) / 5.0));
        // ARI by sklearn.metrics.adjusted_rand_score([0,0,0,1,1],[0,0,1,1,1]) = 1/6.
        assert!(close(s.ari, 1.0 / 6.0), "{}", s.ari);
    }

    #[test]
    fn label_names_do_not_matter() {
        let a = score(&[5, 5, 9, 7], &["x", "x", "y", "y"]);
        let b = score(&[0, 0, 1, 2], &["q", "q", "r", "r"]);
        assert_eq!(a, b);
    }
}
