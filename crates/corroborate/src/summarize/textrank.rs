//! TextRank (Mihalcea & Tarau 2004): PageRank over sentences linked by word overlap,
//! normalized by sentence length: `|Si ∩ Sj| / (ln |Si| + ln |Sj|)` on content stems.

use super::centrality::power_iteration;
use super::redundancy::TermSet;
use super::select::best_first;
use super::{candidates, Budget, Summarizer};
use crate::prepared::PreparedCluster;

/// PageRank damping factor of the paper.
const DAMPING: f64 = 0.85;

/// TextRank.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextRankSummarizer;

impl TextRankSummarizer {
    /// Candidate sentences and their TextRank scores.
    pub fn scores(cluster: &PreparedCluster) -> (Vec<usize>, Vec<f64>) {
        let cands = candidates(cluster);
        let sets: Vec<TermSet> = cands
            .iter()
            .map(|&i| TermSet::from_terms(&cluster.sentences[i].terms))
            .collect();
        let n = cands.len();
        let mut w = vec![0.0; n * n];
        for i in 0..n {
            for j in i + 1..n {
                let norm = (sets[i].len() as f64).ln() + (sets[j].len() as f64).ln();
                if norm > 0.0 {
                    let s = sets[i].overlap(&sets[j]) as f64 / norm;
                    w[i * n + j] = s;
                    w[j * n + i] = s;
                }
            }
        }
        (cands, power_iteration(&w, n, DAMPING))
    }
}

impl Summarizer for TextRankSummarizer {
    fn select(&self, cluster: &PreparedCluster, budget: Budget) -> Vec<usize> {
        let (cands, scores) = Self::scores(cluster);
        best_first(cluster, budget, &cands, &scores)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summarize::centrality::rank_by;
    use crate::summarize::fixtures::{harbor_fire, openings};

    #[test]
    fn overlapping_sentences_outrank_isolated_ones() {
        let c = harbor_fire();
        let (cands, scores) = TextRankSummarizer::scores(&c);
        let ranked: Vec<usize> = rank_by(&scores).into_iter().map(|k| cands[k]).collect();
        let top = c.text(ranked[0]);
        assert!(top.contains("warehouse") || top.contains("harbor"), "{top}");
        let last = c.text(*ranked.last().expect("candidates"));
        assert!(
            ["bakery", "choir", "concert"]
                .iter()
                .any(|w| last.contains(w)),
            "{last}"
        );
        assert_eq!(
            openings(&c, &TextRankSummarizer.select(&c, Budget::Words(60))),
            1
        );
    }
}
