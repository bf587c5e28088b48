//! Submodular coverage and diversity (Lin & Bilmes 2011):
//!
//! ```text
//! F(S) = Σ_i min(C_i(S), α C_i(V)) + λ Σ_k sqrt(Σ_{j ∈ S ∩ P_k} r_j)
//! ```
//!
//! with `C_i(S) = Σ_{j∈S} w_ij` (TF-IDF cosine), `α = a / N`, `r_j = (1/N) Σ_i w_ij` and
//! `P_1..P_K` a k-means partition of the sentences. Maximized by the budgeted greedy with
//! cost scaling: add the sentence with the largest gain / cost^r, then keep the better of
//! that set and the best single sentence.

use super::tf_idf::{SparseVector, TfIdf};
use super::{candidates, Budget, Selection, Summarizer};
use crate::prepared::PreparedCluster;

/// Saturation `α = A / N` (the paper's a = 5).
const A: f64 = 5.0;
/// Weight of the diversity reward (the paper's λ = 6).
const LAMBDA: f64 = 6.0;
/// Cost-scaling exponent (the paper's r = 0.3).
const R: f64 = 0.3;
/// Sentences per k-means cluster (the paper's K = 0.2 N).
const SENTENCES_PER_PART: usize = 5;
/// k-means iterations (assignments settle within a few on clusters of this size).
const KMEANS_ITERATIONS: usize = 10;

/// Lin & Bilmes' submodular summarizer.
#[derive(Debug, Clone, Copy, Default)]
pub struct SubmodularSummarizer;

/// Deterministic k-means on unit TF-IDF vectors: farthest-first seeds from sentence 0.
fn partition(vectors: &[SparseVector], k: usize, dims: usize) -> Vec<usize> {
    let n = vectors.len();
    if n == 0 || k <= 1 {
        return vec![0; n];
    }
    let unit = |v: &SparseVector, out: &mut Vec<f64>| {
        if v.norm() > 0.0 {
            for &(t, w) in v.entries() {
                out[t as usize] += w / v.norm();
            }
        }
    };
    let sim_to = |v: &SparseVector, c: &[f64]| -> f64 {
        if v.norm() == 0.0 {
            return 0.0;
        }
        v.entries()
            .iter()
            .map(|&(t, w)| w * c[t as usize])
            .sum::<f64>()
            / v.norm()
    };
    // Farthest-first seeds.
    let mut seeds = vec![0usize];
    let mut best_sim: Vec<f64> = vectors.iter().map(|v| v.cosine(&vectors[0])).collect();
    while seeds.len() < k {
        let next = (0..n)
            .filter(|j| !seeds.contains(j))
            .min_by(|&a, &b| best_sim[a].total_cmp(&best_sim[b]).then(a.cmp(&b)));
        let Some(next) = next else { break };
        seeds.push(next);
        for j in 0..n {
            best_sim[j] = best_sim[j].max(vectors[j].cosine(&vectors[next]));
        }
    }
    let mut centroids: Vec<Vec<f64>> = seeds
        .iter()
        .map(|&s| {
            let mut c = vec![0.0; dims];
            unit(&vectors[s], &mut c);
            c
        })
        .collect();
    let mut assign = vec![0usize; n];
    for _ in 0..KMEANS_ITERATIONS {
        let mut changed = false;
        for j in 0..n {
            let best = (0..centroids.len())
                .max_by(|&a, &b| {
                    sim_to(&vectors[j], &centroids[a])
                        .total_cmp(&sim_to(&vectors[j], &centroids[b]))
                        .then(b.cmp(&a))
                })
                .expect("at least one centroid");
            if assign[j] != best {
                assign[j] = best;
                changed = true;
            }
        }
        for (p, c) in centroids.iter_mut().enumerate() {
            c.iter_mut().for_each(|x| *x = 0.0);
            for j in (0..n).filter(|&j| assign[j] == p) {
                unit(&vectors[j], c);
            }
        }
        if !changed {
            break;
        }
    }
    assign
}

impl Summarizer for SubmodularSummarizer {
    fn select(&self, cluster: &PreparedCluster, budget: Budget) -> Vec<usize> {
        let cands = candidates(cluster);
        let n = cands.len();
        if n == 0 {
            return Vec::new();
        }
        let tfidf = TfIdf::new(cluster, &cands);
        let w = tfidf.similarity_matrix();
        let total: Vec<f64> = (0..n).map(|i| w[i * n..(i + 1) * n].iter().sum()).collect();
        let alpha = A / n as f64;
        let cap: Vec<f64> = total.iter().map(|t| alpha * t).collect();
        let reward: Vec<f64> = total.iter().map(|t| t / n as f64).collect();
        let parts = partition(
            &tfidf.vectors,
            n.div_ceil(SENTENCES_PER_PART),
            cluster.vocab.len(),
        );
        let n_parts = parts.iter().max().map_or(0, |&m| m + 1);

        let gain = |k: usize, cov: &[f64], part_sum: &[f64]| -> f64 {
            let coverage: f64 = (0..n)
                .map(|i| (cov[i] + w[i * n + k]).min(cap[i]) - cov[i].min(cap[i]))
                .sum();
            let p = parts[k];
            coverage + LAMBDA * ((part_sum[p] + reward[k]).sqrt() - part_sum[p].sqrt())
        };
        let words = |k: usize| match budget {
            Budget::Words(_) => cluster.sentences[cands[k]].words.max(1) as f64,
            Budget::Sentences(_) => 1.0,
        };

        let mut cov = vec![0.0; n];
        let mut part_sum = vec![0.0; n_parts];
        let mut value = 0.0;
        let mut sel = Selection::new(budget);
        let mut open: Vec<usize> = (0..n).collect();
        loop {
            open.retain(|&k| sel.admits(cluster, cands[k]));
            let scored: Vec<(usize, f64)> = open
                .iter()
                .map(|&k| (k, gain(k, &cov, &part_sum)))
                .collect();
            let Some(&(best, g)) = scored.iter().max_by(|a, b| {
                (a.1 / words(a.0).powf(R))
                    .total_cmp(&(b.1 / words(b.0).powf(R)))
                    .then(b.0.cmp(&a.0))
            }) else {
                break;
            };
            if g <= 0.0 {
                break;
            }
            sel.push(cluster, cands[best]);
            value += g;
            for (i, c) in cov.iter_mut().enumerate() {
                *c += w[i * n + best];
            }
            part_sum[parts[best]] += reward[best];
        }
        // The best single sentence, in case it beats the greedy set.
        let empty_cov = vec![0.0; n];
        let empty_parts = vec![0.0; n_parts];
        let fresh = Selection::new(budget);
        let single = (0..n)
            .filter(|&k| fresh.admits(cluster, cands[k]))
            .map(|k| (k, gain(k, &empty_cov, &empty_parts)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        match single {
            Some((k, v)) if v > value => vec![cands[k]],
            _ => sel.chosen,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summarize::fixtures::{chose, harbor_fire, openings};

    #[test]
    fn covers_the_story_without_repeats_or_off_topic_lines() {
        let c = harbor_fire();
        let chosen = SubmodularSummarizer.select(&c, Budget::Sentences(3));
        assert_eq!(chosen.len(), 3);
        assert_eq!(openings(&c, &chosen), 1);
        for off in ["choir", "bakery", "concert"] {
            assert!(!chose(&c, &chosen, off), "{off}");
        }
    }

    #[test]
    fn partition_is_deterministic_and_groups_equal_vectors() {
        let v = |pairs: Vec<(u32, f64)>| SparseVector::from_pairs(pairs);
        let vectors = vec![
            v(vec![(0, 1.0), (1, 1.0)]),
            v(vec![(2, 1.0), (3, 1.0)]),
            v(vec![(0, 1.0), (1, 1.0)]),
            v(vec![(2, 1.0), (3, 1.0)]),
        ];
        let p = partition(&vectors, 2, 4);
        assert_eq!(p, partition(&vectors, 2, 4));
        assert_eq!(p[0], p[2]);
        assert_eq!(p[1], p[3]);
        assert_ne!(p[0], p[1]);
    }
}
