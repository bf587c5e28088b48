//! Eigenvector centrality of a weighted sentence graph by power iteration (PageRank with a
//! uniform jump), used by LexRank and TextRank.
//!
//! Our own rather than petgraph's `page_rank`: that one ignores edge weights, which both
//! LexRank (continuous) and TextRank need, and a dense matrix of a few hundred sentences is
//! a few lines of arithmetic.

/// Stop when no score moves more than this between iterations.
const TOLERANCE: f64 = 1e-8;
/// Upper bound on iterations (convergence is geometric in `damping`; 200 is ample).
const MAX_ITERATIONS: usize = 200;

/// Stationary scores of the random walk on `weights` (row-major `n * n`, non-negative) that
/// follows an edge with probability `damping` (proportionally to its weight) and jumps to a
/// uniformly chosen node otherwise. Rows without weight jump uniformly. Scores sum to 1.
pub fn power_iteration(weights: &[f64], n: usize, damping: f64) -> Vec<f64> {
    if n == 0 {
        return Vec::new();
    }
    debug_assert_eq!(weights.len(), n * n);
    let row_sums: Vec<f64> = (0..n)
        .map(|i| weights[i * n..(i + 1) * n].iter().sum())
        .collect();
    let uniform = 1.0 / n as f64;
    let mut p = vec![uniform; n];
    let mut next = vec![0.0; n];
    for _ in 0..MAX_ITERATIONS {
        let dangling: f64 = (0..n).filter(|&i| row_sums[i] <= 0.0).map(|i| p[i]).sum();
        let base = (1.0 - damping) * uniform + damping * dangling * uniform;
        next.iter_mut().for_each(|x| *x = base);
        for i in 0..n {
            if row_sums[i] <= 0.0 {
                continue;
            }
            let share = damping * p[i] / row_sums[i];
            for (j, x) in next.iter_mut().enumerate() {
                *x += share * weights[i * n + j];
            }
        }
        let delta = p
            .iter()
            .zip(&next)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        std::mem::swap(&mut p, &mut next);
        if delta < TOLERANCE {
            break;
        }
    }
    p
}

/// Indices `0..scores.len()` by descending score, ties by index.
pub fn rank_by(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hub_of_a_star_ranks_first_and_scores_sum_to_one() {
        // Node 0 linked to 1, 2, 3; those only to 0.
        let n = 4;
        let mut w = vec![0.0; n * n];
        for j in 1..n {
            w[j] = 1.0;
            w[j * n] = 1.0;
        }
        let p = power_iteration(&w, n, 0.85);
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert_eq!(rank_by(&p)[0], 0);
        assert!((p[1] - p[2]).abs() < 1e-12);
    }

    #[test]
    fn graph_without_edges_is_uniform() {
        let p = power_iteration(&[0.0; 9], 3, 0.85);
        for x in p {
            assert!((x - 1.0 / 3.0).abs() < 1e-12);
        }
    }

    #[test]
    fn rank_by_breaks_ties_by_index() {
        assert_eq!(rank_by(&[0.5, 0.9, 0.5]), vec![1, 0, 2]);
    }
}
