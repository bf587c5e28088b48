//! Budget accounting and reading order, shared by every method.

use super::Budget;
use crate::prepared::PreparedCluster;

/// Sentences chosen so far under a budget.
#[derive(Debug, Clone)]
pub struct Selection {
    budget: Budget,
    words: usize,
    /// Chosen sentence indices, in the order they were chosen.
    pub chosen: Vec<usize>,
}

impl Selection {
    /// An empty selection under `budget`.
    pub fn new(budget: Budget) -> Self {
        Selection {
            budget,
            words: 0,
            chosen: Vec::new(),
        }
    }

    /// Whether sentence `i` still fits.
    pub fn fits(&self, cluster: &PreparedCluster, i: usize) -> bool {
        match self.budget {
            Budget::Words(n) => self.words + cluster.sentences[i].words <= n,
            Budget::Sentences(n) => self.chosen.len() < n,
        }
    }

    /// Whether nothing more can be added.
    pub fn is_full(&self) -> bool {
        match self.budget {
            Budget::Words(n) => self.words >= n,
            Budget::Sentences(n) => self.chosen.len() >= n,
        }
    }

    /// Add sentence `i` if it fits; returns whether it was added.
    pub fn push(&mut self, cluster: &PreparedCluster, i: usize) -> bool {
        if !self.fits(cluster, i) || self.chosen.contains(&i) {
            return false;
        }
        self.words += cluster.sentences[i].words;
        self.chosen.push(i);
        true
    }

    /// Words used.
    pub fn words(&self) -> usize {
        self.words
    }
}

/// Order chosen sentences for reading: the sentence that opens its article earliest first,
/// then by position in the source, then by document.
pub fn reading_order(cluster: &PreparedCluster, picked: &[usize]) -> Vec<usize> {
    let mut order = picked.to_vec();
    order.sort_by_key(|&i| (cluster.sentences[i].position, cluster.sentences[i].doc, i));
    order.dedup();
    order
}
