//! Budget accounting, candidate sentences and reading order, shared by every method.

use super::centrality::rank_by;
use super::redundancy::{RedundancyCheck, TermSet};
use super::Budget;
use crate::prepared::PreparedCluster;

/// Sentences shorter than this many words are fragments ("Read more.", "He added.", bylines),
/// never summary material.
pub const MIN_WORDS: usize = 6;
/// A sentence needs at least this many content terms to say something.
pub const MIN_TERMS: usize = 3;

/// Sentences a summary may contain: running text (not headings), not short fragments, with
/// enough content terms. Indices into [`PreparedCluster::sentences`], in text order.
pub fn candidates(cluster: &PreparedCluster) -> Vec<usize> {
    cluster
        .body_sentences()
        .filter(|&i| {
            let s = &cluster.sentences[i];
            s.words >= MIN_WORDS && s.terms.len() >= MIN_TERMS && stands_alone(cluster.text(i))
        })
        .collect()
}

/// The selection of candidates `cands` taken best score first (`scores[k]` belongs to
/// `cands[k]`) under `budget`: how the score-ranking methods (centroid, LexRank, TextRank)
/// select.
pub(crate) fn best_first(
    cluster: &PreparedCluster,
    budget: Budget,
    cands: &[usize],
    scores: &[f64],
) -> Vec<usize> {
    let mut sel = Selection::new(budget);
    sel.fill(cluster, rank_by(scores).into_iter().map(|k| cands[k]));
    sel.chosen
}

/// Whether a sentence reads on its own: not the lead-in to a list ("Other children have died
/// this year in:"), not an editor's bracketed aside or link ("[Photos of ...]"), not the
/// continuation of a cut quotation ("... He was convinced").
fn stands_alone(text: &str) -> bool {
    let t = text.trim();
    let bracketed = t.starts_with('[') || (t.starts_with('(') && t.ends_with(')'));
    !(t.ends_with(':') || bracketed || t.starts_with("...") || t.starts_with('…'))
}

/// Sentences chosen so far under a budget, refusing any sentence that says what a chosen one
/// already says (see [`RedundancyCheck`]).
#[derive(Debug, Clone)]
pub struct Selection {
    budget: Budget,
    redundancy: RedundancyCheck,
    words: usize,
    sets: Vec<TermSet>,
    /// Chosen sentence indices, in the order they were chosen.
    pub chosen: Vec<usize>,
}

impl Selection {
    /// An empty selection under `budget` with the default redundancy check.
    pub fn new(budget: Budget) -> Self {
        Selection {
            budget,
            redundancy: RedundancyCheck::default(),
            words: 0,
            sets: Vec::new(),
            chosen: Vec::new(),
        }
    }

    /// Whether sentence `i` still fits the budget.
    pub fn fits(&self, cluster: &PreparedCluster, i: usize) -> bool {
        match self.budget {
            Budget::Words(n) => self.words + cluster.sentences[i].words <= n,
            Budget::Sentences(n) => self.chosen.len() < n,
        }
    }

    /// Whether sentence `i` repeats what a chosen sentence says.
    pub fn is_redundant(&self, cluster: &PreparedCluster, i: usize) -> bool {
        if self.sets.is_empty() {
            return false;
        }
        let set = TermSet::of(&cluster.sentences[i]);
        self.sets.iter().any(|s| self.redundancy.redundant(&set, s))
    }

    /// Whether sentence `i` can be added: it fits, is new and is not redundant.
    pub fn admits(&self, cluster: &PreparedCluster, i: usize) -> bool {
        self.fits(cluster, i) && !self.chosen.contains(&i) && !self.is_redundant(cluster, i)
    }

    /// Whether nothing more can be added (no room left even for the shortest candidate).
    pub fn is_full(&self) -> bool {
        match self.budget {
            Budget::Words(n) => self.words + MIN_WORDS > n,
            Budget::Sentences(n) => self.chosen.len() >= n,
        }
    }

    /// Add sentence `i` if [`Self::admits`] it; returns whether it was added.
    pub fn push(&mut self, cluster: &PreparedCluster, i: usize) -> bool {
        if !self.admits(cluster, i) {
            return false;
        }
        self.words += cluster.sentences[i].words;
        self.sets.push(TermSet::of(&cluster.sentences[i]));
        self.chosen.push(i);
        true
    }

    /// Add sentences in the order given, skipping those that do not fit or repeat a chosen
    /// one, until the budget is full.
    pub fn fill(&mut self, cluster: &PreparedCluster, ranked: impl IntoIterator<Item = usize>) {
        for i in ranked {
            if self.is_full() {
                break;
            }
            self.push(cluster, i);
        }
    }

    /// Words used.
    pub fn words(&self) -> usize {
        self.words
    }

    /// The selection's budget.
    pub fn budget(&self) -> Budget {
        self.budget
    }
}

/// Order chosen sentences for reading. `picked` is in the method's rank order.
///
/// The opening sentence comes first: among the chosen sentences that stand earliest in their
/// article, the one the method ranked highest. The others follow by position in their source
/// (leads before details, as a news article reads), then by publication date (earlier reports
/// first; undated last), then by document order.
pub fn reading_order(cluster: &PreparedCluster, picked: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(picked.len());
    for &i in picked {
        if i < cluster.sentences.len() && !order.contains(&i) {
            order.push(i);
        }
    }
    let Some(opening) = order
        .iter()
        .enumerate()
        .min_by_key(|&(rank, &i)| (cluster.sentences[i].position, rank))
        .map(|(_, &i)| i)
    else {
        return order;
    };
    let date = |i: usize| cluster.docs[cluster.sentences[i].doc].published.as_deref();
    order.retain(|&i| i != opening);
    order.sort_by(|&a, &b| {
        let (sa, sb) = (&cluster.sentences[a], &cluster.sentences[b]);
        sa.position
            .cmp(&sb.position)
            .then_with(|| match (date(a), date(b)) {
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then(sa.doc.cmp(&sb.doc))
            .then(a.cmp(&b))
    });
    order.insert(0, opening);
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_that_lean_on_other_text_are_not_candidates() {
        for fragment in [
            "Other children have died in hot cars this year in:",
            "[Photos of the ten worst harbor fires of the decade]",
            "(Reporting from the harbor by the night desk staff.)",
            "... He was sure the boats would burn before dawn.",
            "… He was sure the boats would burn before dawn.",
        ] {
            assert!(!stands_alone(fragment), "{fragment}");
        }
        for sentence in [
            "The fire (the third this year) destroyed three boats.",
            "Crews said: the fire is out.",
            "\"We lost everything,\" said the owner of one boat.",
        ] {
            assert!(stands_alone(sentence), "{sentence}");
        }
    }
}
