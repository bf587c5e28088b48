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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summarize::fixtures::{find, harbor_fire};

    #[test]
    fn takes_each_articles_first_candidate_skipping_headings_fragments_and_repeats() {
        let c = harbor_fire();
        let chosen = LeadSummarizer.select(&c, Budget::Sentences(3));
        // Article a's opening, then b's opening is a reworded repeat and is refused, so c's
        // opening (also a repeat) is refused too and round two begins.
        assert_eq!(chosen[0], find(&c, "A warehouse fire at the Eastport"));
        assert!(!chosen.contains(&find(&c, "A fire at a harbor warehouse")));
        assert!(chosen
            .iter()
            .all(|&i| !c.sentences[i].heading && c.sentences[i].words >= 6));
        assert_eq!(chosen.len(), 3);
    }
}
