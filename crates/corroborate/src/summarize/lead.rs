//! Lead: the first sentence of each article in turn, then the second of each, until the budget.

use super::{Budget, Selection, Summarizer};
use crate::prepared::PreparedCluster;

/// The lead baseline.
#[derive(Debug, Clone, Copy, Default)]
pub struct LeadSummarizer;

impl Summarizer for LeadSummarizer {
    fn select(&self, cluster: &PreparedCluster, budget: Budget) -> Vec<usize> {
        let mut sel = Selection::new(budget);
        let body: Vec<Vec<usize>> = cluster
            .doc_sentences
            .iter()
            .map(|r| {
                r.clone()
                    .filter(|&i| !cluster.sentences[i].heading)
                    .collect()
            })
            .collect();
        let longest = body.iter().map(Vec::len).max().unwrap_or(0);
        'outer: for round in 0..longest {
            for doc in &body {
                if let Some(&i) = doc.get(round) {
                    if !sel.push(cluster, i) && sel.is_full() {
                        break 'outer;
                    }
                }
            }
        }
        sel.chosen
    }
}
