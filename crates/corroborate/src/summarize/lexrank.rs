//! LexRank (Erkan & Radev 2004), continuous variant: eigenvector centrality of the graph whose
//! edges are the TF-IDF cosine similarities of the sentences.

use super::centrality::{power_iteration, rank_by};
use super::tf_idf::TfIdf;
use super::{candidates, Budget, Selection, Summarizer};
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
        let scores = power_iteration(&tfidf.similarity_matrix(), cands.len(), DAMPING);
        (cands, scores)
    }
}

impl Summarizer for LexRankSummarizer {
    fn select(&self, cluster: &PreparedCluster, budget: Budget) -> Vec<usize> {
        let (cands, scores) = Self::scores(cluster);
        let mut sel = Selection::new(budget);
        sel.fill(cluster, rank_by(&scores).into_iter().map(|k| cands[k]));
        sel.chosen
    }
}
