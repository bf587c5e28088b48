//! The extractive oracle: greedily picks the source sentences that raise ROUGE-1 F1 +
//! ROUGE-2 F1 against the cluster's reference summaries most, within the budget. It reads
//! [`PreparedCluster::refs`], so it is an evaluation ceiling, not a summarizer for new
//! input (with no references it selects nothing).
//!
//! It draws from the same [`candidates`] as every method, through the same [`Selection`]
//! (budget and redundancy check), so it is the ceiling of what our selection can reach; it
//! takes sentences as they come ([`ContextRule::Ignore`]), so that it stays the usual
//! unconstrained extractive ceiling rather than one bound by the readability rule.
//! Tokens are rouge-score's (lowercase `[a-z0-9]` runs, Porter-stemmed); bigrams are
//! counted inside sentences. With several references the objective is averaged over them.

use super::{candidates, Budget, ContextRule, Selection, Summarizer};
use crate::prepared::PreparedCluster;
use crate::rouge_tokens::rouge_score_tokens;
use std::collections::HashMap;

/// The greedy extractive oracle.
#[derive(Debug, Clone, Copy, Default)]
pub struct OracleSummarizer;

/// N-gram counts of one text, unigrams and bigrams keyed apart.
#[derive(Debug, Default, Clone)]
struct Grams {
    counts: HashMap<u64, u32>,
    unigrams: usize,
    bigrams: usize,
}

impl Grams {
    fn of(ids: &[u32]) -> Grams {
        let mut g = Grams::default();
        g.add_tokens(ids);
        g
    }

    fn add_tokens(&mut self, ids: &[u32]) {
        for &id in ids {
            *self.counts.entry(unigram_key(id)).or_insert(0) += 1;
        }
        for w in ids.windows(2) {
            *self.counts.entry(bigram_key(w[0], w[1])).or_insert(0) += 1;
        }
        self.unigrams += ids.len();
        self.bigrams += ids.len().saturating_sub(1);
    }
}

fn unigram_key(id: u32) -> u64 {
    u64::from(id) | (1 << 63)
}

fn bigram_key(a: u32, b: u32) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

fn is_unigram(key: u64) -> bool {
    key >> 63 == 1
}

fn f1(hits: u32, candidate: usize, reference: usize) -> f64 {
    if hits == 0 || candidate == 0 || reference == 0 {
        return 0.0;
    }
    let p = f64::from(hits) / candidate as f64;
    let r = f64::from(hits) / reference as f64;
    2.0 * p * r / (p + r)
}

/// Clipped hits per reference, unigram and bigram.
#[derive(Debug, Clone, Copy, Default)]
struct Hits {
    unigram: u32,
    bigram: u32,
}

impl Summarizer for OracleSummarizer {
    fn select(&self, cluster: &PreparedCluster, budget: Budget) -> Vec<usize> {
        let mut sel = Selection::new(budget).with_rule(ContextRule::Ignore);
        if cluster.refs.is_empty() {
            return sel.chosen;
        }
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut intern = |text: &str| -> Vec<u32> {
            rouge_score_tokens(text, true)
                .into_iter()
                .map(|t| {
                    let next = u32::try_from(ids.len()).expect("fewer than 4 billion tokens");
                    *ids.entry(t).or_insert(next)
                })
                .collect()
        };
        let refs: Vec<Grams> = cluster
            .refs
            .iter()
            .map(|r| Grams::of(&intern(&r.text)))
            .collect();
        // Candidate sentences with only the n-grams some reference has (others never hit).
        let candidates: Vec<(usize, Grams)> = candidates(cluster)
            .into_iter()
            .map(|i| {
                let mut g = Grams::of(&intern(cluster.text(i)));
                g.counts
                    .retain(|k, _| refs.iter().any(|r| r.counts.contains_key(k)));
                (i, g)
            })
            .collect();

        let mut chosen = Grams::default();
        let mut hits = vec![Hits::default(); refs.len()];
        let objective = |hits: &[Hits], unigrams: usize, bigrams: usize| -> f64 {
            refs.iter()
                .zip(hits)
                .map(|(r, h)| {
                    f1(h.unigram, unigrams, r.unigrams) + f1(h.bigram, bigrams, r.bigrams)
                })
                .sum::<f64>()
                / refs.len() as f64
        };
        let mut current = 0.0;
        let mut used = vec![false; candidates.len()];
        loop {
            let mut best: Option<(usize, f64, Vec<Hits>)> = None;
            for (c, (i, grams)) in candidates.iter().enumerate() {
                if used[c] || !sel.admits(cluster, *i) {
                    continue;
                }
                let mut new_hits = hits.clone();
                for (h, r) in new_hits.iter_mut().zip(&refs) {
                    for (key, &n) in &grams.counts {
                        let Some(&limit) = r.counts.get(key) else {
                            continue;
                        };
                        let have = chosen.counts.get(key).copied().unwrap_or(0);
                        let gain = (have + n).min(limit) - have.min(limit);
                        if is_unigram(*key) {
                            h.unigram += gain;
                        } else {
                            h.bigram += gain;
                        }
                    }
                }
                let value = objective(
                    &new_hits,
                    chosen.unigrams + grams.unigrams,
                    chosen.bigrams + grams.bigrams,
                );
                if value > current && best.as_ref().is_none_or(|(_, v, _)| value > *v) {
                    best = Some((c, value, new_hits));
                }
            }
            let Some((c, value, new_hits)) = best else {
                break;
            };
            let (i, grams) = &candidates[c];
            used[c] = true;
            if !sel.push(cluster, *i) {
                continue;
            }
            for (key, n) in &grams.counts {
                *chosen.counts.entry(*key).or_insert(0) += n;
            }
            chosen.unigrams += grams.unigrams;
            chosen.bigrams += grams.bigrams;
            hits = new_hits;
            current = value;
            if sel.is_full() {
                break;
            }
        }
        sel.chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Reference};
    use crate::{Cluster, Method, Pipeline};

    fn prepared(refs: &[&str]) -> PreparedCluster {
        Pipeline::default().prepare(Cluster {
            id: "c".into(),
            docs: vec![
                Document::from_text(
                    "a",
                    "Officials met on Tuesday. A storm damaged ten homes on the coast.",
                ),
                Document::from_text(
                    "b",
                    "The weather was calm later. Repairs to the homes begin next week.",
                ),
            ],
            refs: refs
                .iter()
                .map(|t| Reference {
                    id: "r".into(),
                    text: t.to_string(),
                })
                .collect(),
            topic: None,
        })
    }

    #[test]
    fn picks_the_sentences_the_reference_repeats() {
        let cluster = prepared(&["A storm damaged ten homes. Repairs begin next week."]);
        let summary = Method::Oracle.summarize(&cluster, Budget::Words(30));
        let texts: Vec<&str> = summary.sentences.iter().map(|&i| cluster.text(i)).collect();
        assert_eq!(
            texts,
            [
                "A storm damaged ten homes on the coast.",
                "Repairs to the homes begin next week."
            ]
        );
    }

    #[test]
    fn respects_the_budget_and_needs_references() {
        let cluster = prepared(&["A storm damaged ten homes. Repairs begin next week."]);
        let summary = Method::Oracle.summarize(&cluster, Budget::Words(9));
        let words: usize = summary
            .sentences
            .iter()
            .map(|&i| cluster.sentences[i].words)
            .sum();
        assert!(words <= 9 && !summary.sentences.is_empty());
        assert!(Method::Oracle
            .summarize(&prepared(&[]), Budget::Words(30))
            .sentences
            .is_empty());
    }
}
