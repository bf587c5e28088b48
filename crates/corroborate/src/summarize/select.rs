//! Budget accounting and reading order, shared by every method (candidate sentences: see
//! `candidate`).

use super::centrality::rank_by;
use super::context::{lean, ContextRule};
use super::redundancy::{RedundancyCheck, TermSet};
use super::Budget;
use crate::prepared::PreparedCluster;

use super::candidate::MIN_WORDS;

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

/// Sentences chosen so far under a budget, refusing any sentence that says what a chosen one
/// already says (see [`RedundancyCheck`]) and keeping sentences that lean on the one before
/// them readable (see [`ContextRule`]: by default such a sentence enters only together with
/// its antecedents, so pushing it may add them too).
#[derive(Debug, Clone)]
pub struct Selection {
    budget: Budget,
    redundancy: RedundancyCheck,
    rule: ContextRule,
    words: usize,
    sets: Vec<TermSet>,
    /// Chosen sentence indices, in the order they were chosen.
    pub chosen: Vec<usize>,
}

#[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
impl Selection {
    /// An empty selection under `budget` with the default redundancy check.
    pub fn new(budget: Budget) -> Self {
        Selection {
            budget,
            redundancy: RedundancyCheck::default(),
            rule: ContextRule::default(),
            words: 0,
            sets: Vec::new(),
            chosen: Vec::new(),
        }
    }

    /// The same selection under another [`ContextRule`].
    #[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
    pub fn with_rule(mut self, rule: ContextRule) -> Self {
        self.rule = rule;
        self
    }

    /// How this selection treats sentences that lean on the one before them.
    pub fn rule(&self) -> ContextRule {
        self.rule
    }

    /// Whether sentence `i` still fits the budget (on its own).
    pub fn fits(&self, cluster: &PreparedCluster, i: usize) -> bool {
        self.fits_all(cluster, i..=i)
    }

    /// Whether the sentences of `unit` not chosen yet all fit the budget together.
    fn fits_all(&self, cluster: &PreparedCluster, unit: std::ops::RangeInclusive<usize>) -> bool {
        let new = unit.filter(|j| !self.chosen.contains(j));
        match self.budget {
            Budget::Words(n) => {
                self.words + new.map(|j| cluster.sentences[j].words).sum::<usize>() <= n
            }
            Budget::Sentences(n) => self.chosen.len() + new.count() <= n,
        }
    }

    /// Whether sentence `i` repeats what a chosen sentence says.
    #[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
    pub fn is_redundant(&self, cluster: &PreparedCluster, i: usize) -> bool {
        if self.sets.is_empty() {
            return false;
        }
        let set = TermSet::from_terms(&cluster.sentences[i].terms);
        self.sets.iter().any(|s| self.redundancy.redundant(&set, s))
    }

    /// The sentences that enter with `i` (its unit, text order, chosen ones included), or
    /// `None` when the [`ContextRule`] keeps `i` out for now.
    pub fn unit_of(
        &self,
        cluster: &PreparedCluster,
        i: usize,
    ) -> Option<std::ops::RangeInclusive<usize>> {
        if self.rule == ContextRule::Ignore {
            return Some(i..=i);
        }
        self.rule
            .needs(lean(cluster, i), i, |j| self.chosen.contains(&j))
    }

    /// Whether sentence `i` can be added: it is new, and it (with the antecedents it needs)
    /// fits and repeats no chosen sentence.
    pub fn admits(&self, cluster: &PreparedCluster, i: usize) -> bool {
        // Cheap refusals first: the unit holds `i`, so it fits no better than `i` alone.
        if self.chosen.contains(&i) || !self.fits(cluster, i) {
            return false;
        }
        let Some(unit) = self.unit_of(cluster, i) else {
            return false;
        };
        if !self.fits_all(cluster, unit.clone()) {
            return false;
        }
        // Each new sentence of the unit is new against the chosen ones and against the
        // others of its unit.
        let mut sets: Vec<TermSet> = Vec::new();
        for j in unit.filter(|j| !self.chosen.contains(j)) {
            let set = TermSet::from_terms(&cluster.sentences[j].terms);
            if self
                .sets
                .iter()
                .chain(&sets)
                .any(|s| self.redundancy.redundant(&set, s))
            {
                return false;
            }
            sets.push(set);
        }
        true
    }

    /// Whether nothing more can be added (no room left even for the shortest candidate).
    pub fn is_full(&self) -> bool {
        match self.budget {
            Budget::Words(n) => self.words + MIN_WORDS > n,
            Budget::Sentences(n) => self.chosen.len() >= n,
        }
    }

    /// Add sentence `i` if [`Self::admits`] it, preceded by the antecedents it needs;
    /// returns whether it was added.
    pub fn push(&mut self, cluster: &PreparedCluster, i: usize) -> bool {
        if !self.admits(cluster, i) {
            return false;
        }
        let unit = self
            .unit_of(cluster, i)
            .expect("admitted, so it has a unit");
        for j in unit {
            if !self.chosen.contains(&j) {
                self.words += cluster.sentences[j].words;
                self.sets
                    .push(TermSet::from_terms(&cluster.sentences[j].terms));
                self.chosen.push(j);
            }
        }
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
/// A chosen sentence that leans on the one before it ([`super::leans_back`]) follows that one
/// directly when it is chosen too: the unit reads as in its article. Units are ordered by
/// their first sentence. The opening comes first: among the chosen units that stand earliest
/// in their article, the one the method ranked highest. The others follow by position in
/// their source (leads before details, as a news article reads), then by publication date
/// (earlier reports first; undated last), then by document order.
pub fn reading_order(cluster: &PreparedCluster, picked: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::with_capacity(picked.len());
    for &i in picked {
        if i < cluster.sentences.len() && !order.contains(&i) {
            order.push(i);
        }
    }
    // Sentences that follow their chosen predecessor; the rest head a unit.
    let attached: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| {
            i > 0
                && order.contains(&(i - 1))
                && cluster.sentences[i - 1].doc == cluster.sentences[i].doc
                && cluster.sentences[i].leans_back
        })
        .collect();
    order.retain(|i| !attached.contains(i));
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
    let mut out = Vec::with_capacity(order.len() + attached.len());
    for head in order {
        out.push(head);
        let mut next = head + 1;
        while attached.contains(&next) {
            out.push(next);
            next += 1;
        }
    }
    out
}
