//! Update summaries: what is new in a batch of articles for a reader who has read earlier
//! ones (the DUC 2007 update task).
//!
//! [`Seen`] holds the *content* the reader has seen, not its sentences: for every concept of
//! the new batch (a content stem, or a bigram of stems not both stop words, as the default
//! method counts them), its weighted share of the earlier articles: each earlier article
//! that contains it counts `1 / (1 + p)`, `p` the rank of its first sentence there (0 for
//! the lead), so a concept an article led with counts as read and one buried in its tenth
//! sentence barely (readers read the top of an article). Two uses:
//!
//! - every method: a candidate whose concepts the earlier articles mostly contain
//!   ([`Seen::staleness`] above [`STALE`]) is hidden from the method, which then selects
//!   among the rest as usual ([`Seen::hide_stale`]);
//! - the default method also discounts each concept's weight by how widely the earlier
//!   articles reported it relative to the new ones (`w × (new / (new + earlier))^2`, shares
//!   of articles; see [`Seen::discount`]), so its coverage greedy prefers what the new
//!   articles say more than the old ones did.
//!
//! Everything is linear in the words of both sets (one pass over each, hashed lookups).

use crate::prepared::PreparedCluster;
use rustc_hash::FxHashMap;

/// A candidate whose [`Seen::staleness`] is this or more is hidden in update mode. Chosen
/// with [`DISCOUNT`] on DUC 2007 update (see docs/update-summaries.md for the grid and the
/// leave-one-topic-out check).
pub const STALE: f64 = 0.6;
/// Exponent of the default method's concept discount ([`Seen::discount`]).
pub const DISCOUNT: f64 = 2.0;

/// What a reader has already seen, in the new cluster's vocabulary.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    /// Earlier articles.
    docs: usize,
    /// Per term id of the new cluster: earlier articles containing the term, each weighted
    /// `1 / (1 + p)` by the rank `p` of its first sentence containing it.
    unigrams: Vec<f64>,
    /// Per bigram (two term ids packed): earlier articles containing it, weighted as above.
    bigrams: FxHashMap<u64, f64>,
}

fn pack(a: u32, b: u32) -> u64 {
    u64::from(a) << 32 | u64::from(b)
}

impl Seen {
    /// The content of `earlier` (the articles read already) seen from `cluster` (the new
    /// ones): only concepts that occur in `cluster` are kept.
    pub fn new(cluster: &PreparedCluster, earlier: &PreparedCluster) -> Seen {
        let vocab = &cluster.vocab;
        // Earlier term id -> new term id, looked up once per term.
        let map: Vec<Option<u32>> = (0..earlier.vocab.len())
            .map(|t| {
                let id = u32::try_from(t).expect("fewer than 4 billion terms");
                vocab.get(earlier.vocab.term(id))
            })
            .collect();
        let mut unigrams = vec![0f64; vocab.len()];
        let mut last_uni = vec![usize::MAX; vocab.len()];
        let mut bigrams: FxHashMap<u64, f64> = FxHashMap::default();
        let mut last_bi: FxHashMap<u64, usize> = FxHashMap::default();
        let mut rank = vec![0usize; earlier.docs.len()];
        for s in &earlier.sentences {
            let pos = rank[s.doc];
            if !s.heading {
                rank[s.doc] += 1;
            }
            let vote = 1.0 / (1.0 + pos as f64);
            for &t in &s.terms {
                if let Some(n) = map[t as usize] {
                    if last_uni[n as usize] != s.doc {
                        last_uni[n as usize] = s.doc;
                        unigrams[n as usize] += vote;
                    }
                }
            }
            for p in s.tokens.windows(2) {
                let (Some(a), Some(b)) = (map[p[0] as usize], map[p[1] as usize]) else {
                    continue;
                };
                if vocab.is_stop(a) && vocab.is_stop(b) {
                    continue;
                }
                let key = pack(a, b);
                let last = last_bi.entry(key).or_insert(usize::MAX);
                if *last != s.doc {
                    *last = s.doc;
                    *bigrams.entry(key).or_insert(0.0) += vote;
                }
            }
        }
        Seen {
            docs: earlier.docs.len(),
            unigrams,
            bigrams,
        }
    }

    /// Whether the reader has seen nothing.
    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    /// The weighted share of earlier articles containing concept `(a, b)` (`b = None`: the
    /// term `a`): 1 when every earlier article led with it.
    pub fn share(&self, a: u32, b: Option<u32>) -> f64 {
        if self.docs == 0 {
            return 0.0;
        }
        let n = match b {
            None => self.unigrams.get(a as usize).copied().unwrap_or(0.0),
            Some(b) => self.bigrams.get(&pack(a, b)).copied().unwrap_or(0.0),
        };
        n / self.docs as f64
    }

    /// The factor a concept's weight is multiplied by in update mode.
    /// `new_share` is the share of the new articles that contain it:
    /// `(new / (new + earlier))^DISCOUNT`, 1 for a concept the earlier articles lack and 1/4
    /// for one as common before as now.
    pub fn discount(&self, a: u32, b: Option<u32>, new_share: f64) -> f64 {
        let earlier = self.share(a, b);
        if earlier <= 0.0 {
            return 1.0;
        }
        (new_share / (new_share + earlier)).powf(DISCOUNT)
    }

    /// How much of sentence `i` of `cluster` the reader has seen: over its content terms and
    /// its bigrams (not both stop words), the mean share of earlier articles containing
    /// each. 0 for a sentence with no concept.
    pub fn staleness(&self, cluster: &PreparedCluster, i: usize) -> f64 {
        let s = &cluster.sentences[i];
        let vocab = &cluster.vocab;
        let mut total = 0.0;
        let mut n = 0usize;
        for &t in &s.terms {
            total += self.share(t, None);
            n += 1;
        }
        for p in s.tokens.windows(2) {
            if vocab.is_stop(p[0]) && vocab.is_stop(p[1]) {
                continue;
            }
            total += self.share(p[0], Some(p[1]));
            n += 1;
        }
        if n == 0 {
            0.0
        } else {
            total / n as f64
        }
    }

    /// `cluster` with every sentence the reader has mostly seen (staleness at least
    /// `STALE`) marked as a heading, so that no method takes it as a candidate. When that
    /// would leave no candidate, `cluster` is returned as it is.
    pub fn hide_stale(&self, cluster: &PreparedCluster) -> PreparedCluster {
        let mut view = cluster.clone();
        if self.is_empty() {
            return view;
        }
        let mut hidden = 0;
        for i in 0..view.sentences.len() {
            if !view.sentences[i].heading && self.staleness(cluster, i) >= STALE {
                view.sentences[i].heading = true;
                hidden += 1;
            }
        }
        if hidden > 0 && super::candidates(&view).is_empty() {
            return cluster.clone();
        }
        view
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::pipeline::Pipeline;

    #[test]
    fn a_concept_led_with_counts_as_read_more_than_one_buried() {
        let earlier = Pipeline::default().prepare_documents(vec![Document::from_text(
            "old",
            "The river flooded the valley town of Marlow on Tuesday. \
             Residents moved to the school gym overnight. \
             Volunteers carried sandbags along the main street. \
             A ferry operator said the current was unusually strong.",
        )]);
        let new = Pipeline::default().prepare_documents(vec![Document::from_text(
            "new",
            "A ferry operator in Marlow closed the crossing after the river flooded again.",
        )]);
        let seen = Seen::new(&new, &earlier);
        let id = |w: &str| new.vocab.get(w).expect("a stem of the new article");
        let (flood, ferry) = (seen.share(id("flood"), None), seen.share(id("ferri"), None));
        assert_eq!(flood, 1.0, "in the lead");
        assert!(ferry > 0.0 && ferry < 0.5, "fourth sentence: {ferry}");
        assert_eq!(seen.share(id("cross"), None), 0.0, "never read");
    }
}
