//! Centroid (Radev et al. 2004, MEAD's centroid score): rank sentences by the cosine of their
//! TF-IDF vector with the cluster centroid, the mean of all sentence vectors.

use super::select::best_first;
use super::tf_idf::TfIdf;
use super::{candidates, Budget, Summarizer};
use crate::prepared::PreparedCluster;

/// Centroid similarity.
#[derive(Debug, Clone, Copy, Default)]
pub struct CentroidSummarizer;

impl CentroidSummarizer {
    /// Candidate sentences and their similarity to the centroid.
    pub fn scores(cluster: &PreparedCluster) -> (Vec<usize>, Vec<f64>) {
        let cands = candidates(cluster);
        let tfidf = TfIdf::new(cluster, &cands);
        let centroid = tfidf.centroid();
        let scores = tfidf.vectors.iter().map(|v| v.cosine(&centroid)).collect();
        (cands, scores)
    }
}

impl Summarizer for CentroidSummarizer {
    fn select(&self, cluster: &PreparedCluster, budget: Budget) -> Vec<usize> {
        let (cands, scores) = Self::scores(cluster);
        best_first(cluster, budget, &cands, &scores)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summarize::fixtures::{find, harbor_fire};

    #[test]
    fn on_topic_sentences_score_above_off_topic_ones() {
        let c = harbor_fire();
        let (cands, scores) = CentroidSummarizer::scores(&c);
        let score = |needle: &str| {
            scores[cands
                .iter()
                .position(|&i| i == find(&c, needle))
                .expect("candidate")]
        };
        assert!(score("Three fishing boats were destroyed") > score("school choir"));
        assert!(score("warehouse fire at the Eastport") > score("bakery"));
        let chosen = CentroidSummarizer.select(&c, Budget::Sentences(2));
        assert!(chosen
            .iter()
            .all(|&i| c.text(i).contains("harbor") || c.text(i).contains("warehouse")));
    }
}
