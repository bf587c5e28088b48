//! The default method: cover the facts that several sources report early, once each.
//!
//! A *concept* is a content stem or a bigram of stems (Gillick & Favre 2009; bigrams of two
//! stop words dropped). Its weight is its **support across sources**, each source's vote
//! discounted by how late the concept first appears in it (news is written as an inverted
//! pyramid):
//!
//! ```text
//! w(c) = Σ_{articles a containing c} 1 / sqrt(1 + p_a(c))        (p: candidate rank in a)
//! ```
//!
//! counted only for concepts found in at least two articles (one outlet's detail is not
//! corroborated), and doubled when the concept touches the cluster's topic (query focus,
//! DUC). The weight adapts to the cluster by itself: with three articles support is at most
//! 3 and the position discount decides; with 25 articles support dominates.
//!
//! Sentences are chosen by the budgeted greedy for weighted coverage: repeatedly the
//! admissible sentence with the largest weight of not yet covered concepts per word (per
//! sentence under a sentence budget). When the cluster has a topic, that gain is also scaled
//! by how closely the whole sentence matches the topic, relative to the cluster's sentences:
//! `× (1 + cos(s, topic) / mean_s' cos(s', topic))` (TF-IDF vectors), so a sentence of average
//! alignment counts double and one that shares no topic word counts once. The concept factor
//! rewards topic words wherever they fall; this one prefers sentences *about* the topic. Coverage is submodular, so a sentence repeating covered
//! concepts gains nothing, and the shared [`super::RedundancyCheck`] refuses near-duplicates
//! outright. When no sentence adds a supported concept and room is left, the budget is
//! filled in lead order (earliest candidates of each article first).

use super::query::topic_terms;
use super::redundancy::{RedundancyCheck, TermSet};
use super::tf_idf::TfIdf;
use super::{candidates, Budget, Selection, Summarizer};
use crate::prepared::PreparedCluster;
// FxHash: concept keys are small integers hashed thousands of times per cluster, where
// SipHash showed up in profiles of the end-to-end benchmark.
use rustc_hash::FxHashMap;

/// Articles a concept must appear in to carry weight, when the cluster has several.
const MIN_SUPPORT: usize = 2;
/// Weight multiplier of a concept that contains a topic term.
const TOPIC_FACTOR: f64 = 2.0;

/// The default summarizer.
#[derive(Debug, Clone, Copy, Default)]
pub struct DefaultSummarizer;

/// Key of a concept: a unigram `(t, NONE)` or a bigram `(a, b)`.
const NONE: u32 = u32::MAX;

/// Weighted concepts of the candidate sentences.
struct ConceptWeights {
    weights: Vec<f64>,
    of_sentence: Vec<Vec<usize>>,
}

impl ConceptWeights {
    fn new(cluster: &PreparedCluster, cands: &[usize]) -> Self {
        let vocab = &cluster.vocab;
        let mut ids: FxHashMap<(u32, u32), usize> = FxHashMap::default();
        let mut keys: Vec<(u32, u32)> = Vec::new();
        // For each concept, (article, rank of its first candidate sentence there).
        let mut first: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut of_sentence: Vec<Vec<usize>> = Vec::with_capacity(cands.len());
        let mut rank = vec![0usize; cluster.docs.len()];
        for &i in cands {
            let s = &cluster.sentences[i];
            let pos = rank[s.doc];
            rank[s.doc] += 1;
            let unigrams = s.terms.iter().map(|&t| (t, NONE));
            let bigrams = s
                .tokens
                .windows(2)
                .filter(|p| !(vocab.is_stop(p[0]) && vocab.is_stop(p[1])))
                .map(|p| (p[0], p[1]));
            let mut mine = Vec::new();
            for key in unigrams.chain(bigrams) {
                let id = *ids.entry(key).or_insert_with(|| {
                    keys.push(key);
                    first.push(Vec::new());
                    keys.len() - 1
                });
                if !first[id].iter().any(|&(d, _)| d == s.doc) {
                    first[id].push((s.doc, pos));
                }
                mine.push(id);
            }
            mine.sort_unstable();
            mine.dedup();
            of_sentence.push(mine);
        }
        let query = topic_terms(cluster);
        let need = if cluster.docs.len() > 1 {
            MIN_SUPPORT
        } else {
            1
        };
        let weights = first
            .iter()
            .zip(&keys)
            .map(|(seen, &(a, b))| {
                if seen.len() < need {
                    return 0.0;
                }
                let support: f64 = seen
                    .iter()
                    .map(|&(_, p)| 1.0 / (1.0 + p as f64).sqrt())
                    .sum();
                if query.contains(&a) || (b != NONE && query.contains(&b)) {
                    support * TOPIC_FACTOR
                } else {
                    support
                }
            })
            .collect();
        ConceptWeights {
            weights,
            of_sentence,
        }
    }

    fn gain(&self, k: usize, covered: &[bool]) -> f64 {
        self.of_sentence[k]
            .iter()
            .filter(|&&c| !covered[c])
            .map(|&c| self.weights[c])
            .sum()
    }
}

/// Per candidate, the factor its coverage gain is multiplied by for matching the cluster's
/// topic: `1 + cos / mean cos`; all ones when the cluster has no topic.
fn topic_alignment(cluster: &PreparedCluster, cands: &[usize]) -> Vec<f64> {
    let query = topic_terms(cluster);
    if query.is_empty() {
        return vec![1.0; cands.len()];
    }
    let tfidf = TfIdf::new(cluster, cands);
    let topic = tfidf.vector_of(&query);
    let cos: Vec<f64> = tfidf.vectors.iter().map(|v| v.cosine(&topic)).collect();
    let mean = cos.iter().sum::<f64>() / cos.len().max(1) as f64;
    if mean <= 0.0 {
        return vec![1.0; cands.len()];
    }
    cos.iter().map(|c| 1.0 + c / mean).collect()
}

impl Summarizer for DefaultSummarizer {
    fn select(&self, cluster: &PreparedCluster, budget: Budget) -> Vec<usize> {
        let cands = candidates(cluster);
        let concepts = ConceptWeights::new(cluster, &cands);
        let alignment = topic_alignment(cluster, &cands);
        let cost = |k: usize| match budget {
            Budget::Words(_) => cluster.sentences[cands[k]].words.max(1) as f64,
            Budget::Sentences(_) => 1.0,
        };
        let sets: Vec<TermSet> = cands
            .iter()
            .map(|&i| TermSet::of(&cluster.sentences[i]))
            .collect();
        let check = RedundancyCheck::default();
        let mut covered = vec![false; concepts.weights.len()];
        let mut sel = Selection::new(budget);
        let mut open: Vec<usize> = (0..cands.len()).collect();
        let mut last: Option<usize> = None;
        while !sel.is_full() {
            // Open sentences were checked against earlier choices; only the last is new.
            open.retain(|&k| {
                sel.fits(cluster, cands[k])
                    && last.is_none_or(|l| k != l && !check.redundant(&sets[k], &sets[l]))
            });
            let best = open
                .iter()
                .map(|&k| (k, concepts.gain(k, &covered) * alignment[k] / cost(k)))
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            match best {
                Some((k, g)) if g > 0.0 => {
                    sel.push(cluster, cands[k]);
                    last = Some(k);
                    for &c in &concepts.of_sentence[k] {
                        covered[c] = true;
                    }
                }
                _ => break,
            }
        }
        // Nothing supported left to add: fill the room in lead order.
        open.sort_by_key(|&k| (cluster.sentences[cands[k]].position, cands[k]));
        sel.fill(cluster, open.into_iter().map(|k| cands[k]));
        sel.chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summarize::fixtures::{chose, find, harbor_fire, openings};

    #[test]
    fn corroborated_facts_first_each_once_then_fill() {
        let c = harbor_fire();
        let chosen = DefaultSummarizer.select(&c, Budget::Sentences(3));
        assert_eq!(openings(&c, &chosen), 1, "the opening fact once");
        assert!(
            chose(&c, &chosen, "six hours"),
            "the fact two sources share"
        );
        for off in ["choir", "bakery", "concert"] {
            assert!(!chose(&c, &chosen, off), "{off}");
        }
    }

    #[test]
    fn unsupported_concepts_weigh_nothing_and_topic_terms_double() {
        let mut c = harbor_fire();
        let cands = candidates(&c);
        let plain = ConceptWeights::new(&c, &cands);
        let k = cands
            .iter()
            .position(|&i| i == find(&c, "bakery"))
            .expect("candidate");
        assert_eq!(plain.gain(k, &vec![false; plain.weights.len()]), 0.0);
        c.topic = Some(crate::document::Topic {
            title: "fishing boats".into(),
            narrative: String::new(),
        });
        let focused = ConceptWeights::new(&c, &cands);
        assert!(focused.weights.iter().sum::<f64>() > plain.weights.iter().sum::<f64>());
    }

    #[test]
    fn a_topic_favours_sentences_about_it() {
        let mut c = harbor_fire();
        let cands = candidates(&c);
        assert!(topic_alignment(&c, &cands).iter().all(|&f| f == 1.0));
        c.topic = Some(crate::document::Topic {
            title: "fishing boats".into(),
            narrative: "Which boats burned?".into(),
        });
        let factors = topic_alignment(&c, &cands);
        let boats = cands
            .iter()
            .position(|&i| c.text(i).contains("boats"))
            .expect("a sentence about boats");
        let mean = factors.iter().sum::<f64>() / factors.len() as f64;
        assert!(factors[boats] > mean, "{factors:?}");
        assert!(factors.iter().all(|&f| f >= 1.0));
    }

    #[test]
    fn fills_the_word_budget_when_supported_concepts_run_out() {
        let c = harbor_fire();
        let chosen = DefaultSummarizer.select(&c, Budget::Words(1000));
        let words: usize = chosen.iter().map(|&i| c.sentences[i].words).sum();
        // Everything except refused repeats: more than the supported sentences alone.
        assert!(chosen.len() >= 8, "{}", chosen.len());
        assert!(words <= 1000);
    }
}
