//! Lead: the first sentence of each article in turn, then the second of each, until the budget.

use super::{candidates, Budget, Selection, Summarizer};
use crate::prepared::PreparedCluster;

/// The lead baseline.
#[derive(Debug, Clone, Copy, Default)]
pub struct LeadSummarizer;

impl Summarizer for LeadSummarizer {
    fn select(&self, cluster: &PreparedCluster, budget: Budget) -> Vec<usize> {
        let mut per_doc: Vec<Vec<usize>> = vec![Vec::new(); cluster.docs.len()];
        for i in candidates(cluster) {
            per_doc[cluster.sentences[i].doc].push(i);
        }
        let longest = per_doc.iter().map(Vec::len).max().unwrap_or(0);
        let rounds =
            (0..longest).flat_map(|round| per_doc.iter().filter_map(move |d| d.get(round)));
        let mut sel = Selection::new(budget);
        sel.fill(cluster, rounds.copied());
        sel.chosen
    }
}
