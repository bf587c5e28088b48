//! Maximal Marginal Relevance (Carbonell & Goldstein 1998): repeatedly take the sentence most
//! similar to the cluster's centroid (plus the topic, when the cluster has one) minus its
//! greatest similarity to a sentence already chosen.

use super::query::topic_terms;
use super::tf_idf::{SparseVector, TfIdf};
use super::{candidates, Budget, Selection, Summarizer};
use crate::prepared::PreparedCluster;

/// Weight of relevance against redundancy (the paper's λ; 0.7 is its usual setting).
const LAMBDA: f64 = 0.7;

/// MMR.
#[derive(Debug, Clone, Copy, Default)]
pub struct MmrSummarizer;

/// The relevance target: the centroid, plus the topic's vector with equal weight.
pub(crate) fn query_vector(cluster: &PreparedCluster, tfidf: &TfIdf) -> SparseVector {
    let centroid = tfidf.centroid();
    let topic = tfidf.vector_of(&topic_terms(cluster));
    if topic.norm() == 0.0 || centroid.norm() == 0.0 {
        return centroid;
    }
    let (cn, tn) = (centroid.norm(), topic.norm());
    SparseVector::from_pairs(
        centroid
            .entries()
            .iter()
            .map(|&(t, w)| (t, w / cn))
            .chain(topic.entries().iter().map(|&(t, w)| (t, w / tn)))
            .collect(),
    )
}

impl Summarizer for MmrSummarizer {
    fn select(&self, cluster: &PreparedCluster, budget: Budget) -> Vec<usize> {
        let cands = candidates(cluster);
        let tfidf = TfIdf::new(cluster, &cands);
        let query = query_vector(cluster, &tfidf);
        let relevance: Vec<f64> = tfidf.vectors.iter().map(|v| v.cosine(&query)).collect();
        let mut max_sim = vec![0.0f64; cands.len()];
        let mut open: Vec<usize> = (0..cands.len()).collect();
        let mut sel = Selection::new(budget);
        while !sel.is_full() {
            open.retain(|&k| sel.admits(cluster, cands[k]));
            let score = |k: usize| LAMBDA * relevance[k] - (1.0 - LAMBDA) * max_sim[k];
            let Some(best) = open
                .iter()
                .copied()
                .max_by(|&a, &b| score(a).total_cmp(&score(b)).then(b.cmp(&a)))
            else {
                break;
            };
            sel.push(cluster, cands[best]);
            for &k in &open {
                max_sim[k] = max_sim[k].max(tfidf.vectors[k].cosine(&tfidf.vectors[best]));
            }
        }
        sel.chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Topic;
    use crate::summarize::fixtures::{chose, harbor_fire, openings};

    #[test]
    fn relevant_first_then_something_new() {
        let c = harbor_fire();
        let chosen = MmrSummarizer.select(&c, Budget::Sentences(3));
        assert!(c.text(chosen[0]).contains("harbor") || c.text(chosen[0]).contains("warehouse"));
        assert_eq!(openings(&c, &chosen), 1);
        assert!(!chose(&c, &chosen, "choir"));
    }

    #[test]
    fn a_topic_pulls_its_sentences_forward() {
        let mut c = harbor_fire();
        let plain = MmrSummarizer.select(&c, Budget::Sentences(1));
        c.topic = Some(Topic {
            title: "Insurance".into(),
            narrative: "Describe what insurance adjusters will inspect.".into(),
        });
        let focused = MmrSummarizer.select(&c, Budget::Sentences(1));
        assert!(!chose(&c, &plain, "Insurance adjusters"));
        assert!(chose(&c, &focused, "Insurance adjusters"));
    }
}
