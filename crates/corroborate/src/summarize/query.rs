//! The information need of a query-focused cluster (a DUC topic) as the cluster's term ids.

use crate::lang::Language;
use crate::prepared::PreparedCluster;
use crate::segment::{word_spans, EnglishStemmer};

/// Content-term ids of the cluster's topic (title and narrative) that occur in the cluster,
/// in order, repeats kept; empty when the cluster has no topic.
pub fn topic_terms(cluster: &PreparedCluster) -> Vec<u32> {
    let Some(topic) = &cluster.topic else {
        return Vec::new();
    };
    let stemmer = EnglishStemmer::default();
    let language = Language::default();
    let mut out = Vec::new();
    for text in [topic.title.as_str(), topic.narrative.as_str()] {
        for w in word_spans(text) {
            let lower = text[w].to_lowercase();
            if language.is_stop_word(&lower) {
                continue;
            }
            if let Some(id) = cluster.vocab.get(&stemmer.stem(&lower)) {
                if !cluster.vocab.is_stop(id) {
                    out.push(id);
                }
            }
        }
    }
    out
}
