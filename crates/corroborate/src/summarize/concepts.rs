//! Concepts in the sense of Gillick & Favre (2009): bigrams of stems (stop words included,
//! except bigrams of two stop words), weighted by the number of articles that contain them.
//! A fact reported by several outlets shows up as bigrams that several articles share.

use crate::prepared::PreparedCluster;
// FxHash: concept keys are small integers hashed thousands of times per cluster, where
// SipHash showed up in profiles of the end-to-end benchmark.
use rustc_hash::FxHashMap;

/// Bigram concepts of a set of candidate sentences.
#[derive(Debug, Clone, Default)]
#[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
pub struct Concepts {
    /// Weight of each concept: the number of articles containing it.
    pub weights: Vec<f64>,
    /// For each candidate sentence (parallel to the `sentences` given), its distinct concept
    /// ids, sorted.
    pub of_sentence: Vec<Vec<usize>>,
}

#[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
impl Concepts {
    /// Bigram concepts of `sentences` (indices into the cluster) found in at least
    /// `min_articles` articles.
    #[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
    pub fn bigrams(cluster: &PreparedCluster, sentences: &[usize], min_articles: usize) -> Self {
        let vocab = &cluster.vocab;
        let mut ids: FxHashMap<(u32, u32), usize> = FxHashMap::default();
        let mut docs_of: Vec<Vec<usize>> = Vec::new();
        let mut raw: Vec<Vec<usize>> = Vec::with_capacity(sentences.len());
        for &i in sentences {
            let s = &cluster.sentences[i];
            let mut mine = Vec::new();
            for pair in s.tokens.windows(2) {
                if vocab.is_stop(pair[0]) && vocab.is_stop(pair[1]) {
                    continue;
                }
                let next = ids.len();
                let id = *ids.entry((pair[0], pair[1])).or_insert(next);
                if id == docs_of.len() {
                    docs_of.push(Vec::new());
                }
                if docs_of[id].last() != Some(&s.doc) && !docs_of[id].contains(&s.doc) {
                    docs_of[id].push(s.doc);
                }
                mine.push(id);
            }
            raw.push(mine);
        }
        // Renumber the kept concepts densely, in order of first appearance.
        let mut kept = vec![usize::MAX; docs_of.len()];
        let mut weights = Vec::new();
        for (id, docs) in docs_of.iter().enumerate() {
            if docs.len() >= min_articles.max(1) {
                kept[id] = weights.len();
                weights.push(docs.len() as f64);
            }
        }
        let of_sentence = raw
            .into_iter()
            .map(|mine| {
                let mut v: Vec<usize> = mine
                    .into_iter()
                    .map(|id| kept[id])
                    .filter(|&k| k != usize::MAX)
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect();
        Concepts {
            weights,
            of_sentence,
        }
    }

    /// The minimum number of articles a concept needs (Gillick & Favre keep concepts found in
    /// more than one article; a single-article cluster keeps them all).
    pub fn min_articles(cluster: &PreparedCluster) -> usize {
        if cluster.docs.len() > 1 {
            2
        } else {
            1
        }
    }

    /// Number of concepts.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether there are no concepts.
    #[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Total weight of the concepts covered by the given candidate positions.
    pub fn covered_weight(&self, chosen: &[usize]) -> f64 {
        let mut seen = vec![false; self.len()];
        let mut total = 0.0;
        for &k in chosen {
            for &c in &self.of_sentence[k] {
                if !seen[c] {
                    seen[c] = true;
                    total += self.weights[c];
                }
            }
        }
        total
    }
}
