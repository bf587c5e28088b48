//! LexRank (Erkan & Radev 2004), continuous variant: eigenvector centrality of the graph whose
//! edges are the TF-IDF cosine similarities of the sentences.

use super::centrality::power_iteration;
use super::select::best_first;
use super::tf_idf::TfIdf;
use super::{candidates, Budget, Summarizer};
use crate::prepared::PreparedCluster;

/// Probability of following an edge rather than jumping (Erkan & Radev use a jump
/// probability of 0.1 to 0.2; 0.85 is the common PageRank setting, also theirs).
const DAMPING: f64 = 0.85;

/// Continuous LexRank.
#[derive(Debug, Clone, Copy, Default)]
pub struct LexRankSummarizer;

impl LexRankSummarizer {
    /// Candidate sentences and their LexRank scores.
    pub fn scores(cluster: &PreparedCluster) -> (Vec<usize>, Vec<f64>) {
        let cands = candidates(cluster);
        let tfidf = TfIdf::new(cluster, &cands);
        let n = cands.len();
        let mut weights = tfidf.similarity_matrix();
        // No self-loops: a sentence similar to nothing else would otherwise keep its own
        // probability mass and rank as central.
        for i in 0..n {
            weights[i * n + i] = 0.0;
        }
        let scores = power_iteration(&weights, n, DAMPING);
        (cands, scores)
    }
}

impl Summarizer for LexRankSummarizer {
    fn select(&self, cluster: &PreparedCluster, budget: Budget) -> Vec<usize> {
        let (cands, scores) = Self::scores(cluster);
        best_first(cluster, budget, &cands, &scores)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summarize::centrality::rank_by;
    use crate::summarize::fixtures::{find, harbor_fire, openings};

    #[test]
    fn central_sentence_first_off_topic_last_and_no_repeats() {
        let c = harbor_fire();
        let (cands, scores) = LexRankSummarizer::scores(&c);
        let ranked: Vec<usize> = rank_by(&scores).into_iter().map(|k| cands[k]).collect();
        assert!(c.text(ranked[0]).contains("harbor") || c.text(ranked[0]).contains("warehouse"));
        let bottom: Vec<&str> = ranked[ranked.len() - 3..]
            .iter()
            .map(|&i| c.text(i))
            .collect();
        for off in ["bakery", "choir", "concert"] {
            assert!(
                bottom.iter().any(|t| t.contains(off)),
                "{off} not in {bottom:?}"
            );
        }
        let chosen = LexRankSummarizer.select(&c, Budget::Words(60));
        assert_eq!(openings(&c, &chosen), 1);
        assert!(!chosen.contains(&find(&c, "choir")));
    }
}
