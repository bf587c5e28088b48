//! Support coverage, the default method (`default` on the command line): cover the facts
//! that several sources report early, once each.
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

use super::context::CandidateUnits;
use super::query::topic_terms;
use super::redundancy::{RedundancyCheck, TermSet};
use super::tf_idf::TfIdf;
use super::update::Seen;
use super::{candidates, Budget, Selection, Summarizer};
use crate::prepared::PreparedCluster;
// FxHash: concept keys are small integers hashed thousands of times per cluster, where
// SipHash showed up in profiles of the end-to-end benchmark.
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Articles a concept must appear in to carry weight, when the cluster has several.
const MIN_SUPPORT: usize = 2;
/// Weight multiplier of a concept that contains a topic term.
const TOPIC_FACTOR: f64 = 2.0;

/// Covers greedily the concepts weighted by position-discounted support across sources (the
/// default method).
#[derive(Debug, Clone, Copy, Default)]
pub struct SupportCoverageSummarizer;

/// Key of a concept: a unigram `(t, NONE)` or a bigram `(a, b)`.
const NONE: u32 = u32::MAX;

/// Working tables of [`ConceptWeights::new`], kept per thread and cleared for each cluster:
/// allocated afresh they came from fresh allocator pages whose first touch (the kernel
/// zeroing them) was 5% of a pass over multinews-sample100 (perf).
#[derive(Debug, Default)]
struct ConceptScratch {
    unigram_ids: Vec<u32>,
    bigram_ids: FxHashMap<u64, u32>,
    keys: Vec<(u32, u32)>,
    last_doc: Vec<usize>,
    articles: Vec<usize>,
    support: Vec<f64>,
    listed_by: Vec<usize>,
}

/// Bigram slots above which the scratch is freed after use rather than kept.
const SCRATCH_LIMIT: usize = 1 << 20;

thread_local! {
    static SCRATCH: RefCell<ConceptScratch> = RefCell::new(ConceptScratch::default());
}

/// Weighted concepts of the candidate sentences.
struct ConceptWeights {
    weights: Vec<f64>,
    /// Sorted, distinct concept ids of positive weight of candidate `k`:
    /// `ids[starts[k]..starts[k + 1]]`.
    ids: Vec<u32>,
    starts: Vec<usize>,
}

impl ConceptWeights {
    fn new(cluster: &PreparedCluster, cands: &[usize], query: &[u32], seen: Option<&Seen>) -> Self {
        // At most one concept per unigram and bigram: the vectors below are sized up front
        // (growing them showed in the profile).
        let words: usize = cands
            .iter()
            .map(|&i| cluster.sentences[i].terms.len() + cluster.sentences[i].tokens.len())
            .sum();
        SCRATCH.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            let concepts = Self::count(&mut scratch, cluster, cands, query, seen, words);
            if scratch.bigram_ids.capacity() > SCRATCH_LIMIT {
                *scratch = ConceptScratch::default(); // a giant cluster: give the memory back
            }
            concepts
        })
    }

    /// [`ConceptWeights::new`] with `scratch`'s tables; `words` bounds the concepts.
    fn count(
        scratch: &mut ConceptScratch,
        cluster: &PreparedCluster,
        cands: &[usize],
        query: &[u32],
        seen: Option<&Seen>,
        words: usize,
    ) -> Self {
        let vocab = &cluster.vocab;
        let ConceptScratch {
            unigram_ids,
            bigram_ids,
            keys,
            last_doc,
            articles,
            support,
            listed_by,
        } = scratch;
        // Concept ids in order of first appearance: unigrams looked up by term id, bigrams
        // hashed. (A map from every key, and a Vec per concept, were a third of the
        // selection time.)
        unigram_ids.clear();
        unigram_ids.resize(vocab.len(), NONE);
        // Keyed by the pair packed into one u64: one multiply to hash instead of two.
        bigram_ids.clear();
        bigram_ids.reserve(words);
        keys.clear();
        keys.reserve(words);
        // Per concept: the last article it was seen in, the number of articles, and the
        // summed position discounts of its first candidate in each article. Candidates come
        // in text order, article after article, so "new article" is "not the last one".
        last_doc.clear();
        last_doc.reserve(words);
        articles.clear();
        articles.reserve(words);
        support.clear();
        support.reserve(words);
        // Per concept: 1 + the last candidate that listed it, so each candidate lists a concept
        // once without a dedup pass after sorting.
        listed_by.clear();
        listed_by.reserve(words);
        let mut ids: Vec<u32> = Vec::with_capacity(words);
        let mut starts: Vec<usize> = Vec::with_capacity(cands.len() + 1);
        starts.push(0);
        let mut rank = vec![0usize; cluster.docs.len()];
        let mut prev_doc = 0;
        for (k, &i) in cands.iter().enumerate() {
            let s = &cluster.sentences[i];
            debug_assert!(s.doc >= prev_doc, "candidates are in text order");
            prev_doc = s.doc;
            let pos = rank[s.doc];
            rank[s.doc] += 1;
            let unigrams = s.terms.iter().map(|&t| (t, NONE));
            let bigrams = s
                .tokens
                .windows(2)
                .filter(|p| !(vocab.is_stop(p[0]) && vocab.is_stop(p[1])))
                .map(|p| (p[0], p[1]));
            for key in unigrams.chain(bigrams) {
                let slot = if key.1 == NONE {
                    &mut unigram_ids[key.0 as usize]
                } else {
                    bigram_ids
                        .entry(u64::from(key.0) << 32 | u64::from(key.1))
                        .or_insert(NONE)
                };
                if *slot == NONE {
                    *slot = u32::try_from(keys.len()).expect("fewer than 4 billion concepts");
                    keys.push(key);
                    last_doc.push(usize::MAX);
                    articles.push(0);
                    support.push(0.0);
                    listed_by.push(0);
                }
                let id = *slot as usize;
                if last_doc[id] != s.doc {
                    last_doc[id] = s.doc;
                    articles[id] += 1;
                    support[id] += 1.0 / (1.0 + pos as f64).sqrt();
                }
                if listed_by[id] != k + 1 {
                    listed_by[id] = k + 1;
                    ids.push(id as u32);
                }
            }
            starts.push(ids.len());
        }
        let need = if cluster.docs.len() > 1 {
            MIN_SUPPORT
        } else {
            1
        };
        let weights: Vec<f64> = keys
            .iter()
            .enumerate()
            .map(|(id, &(a, b))| {
                if articles[id] < need {
                    return 0.0;
                }
                let mut support = support[id];
                if let Some(seen) = seen {
                    let new_share = articles[id] as f64 / cluster.docs.len().max(1) as f64;
                    support *= seen.discount(a, Some(b).filter(|&b| b != NONE), new_share);
                }
                if query.contains(&a) || (b != NONE && query.contains(&b)) {
                    support * TOPIC_FACTOR
                } else {
                    support
                }
            })
            .collect();
        // Each candidate keeps only its concepts of positive weight, sorted (most concepts
        // are one article's and weigh nothing; sorting and summing them was a third of the
        // selection). Gains are the same sums in the same order: adding +0.0 changes no
        // positive partial sum, and the greedy never picks a candidate whose gain is zero,
        // whatever its sign, so picks and the lead-order fill are unchanged.
        let mut kept = 0;
        for k in 0..cands.len() {
            let (from, to) = (starts[k], starts[k + 1]);
            starts[k] = kept;
            for j in from..to {
                if weights[ids[j] as usize] > 0.0 {
                    ids[kept] = ids[j];
                    kept += 1;
                }
            }
            ids[starts[k]..kept].sort_unstable();
        }
        starts[cands.len()] = kept;
        ids.truncate(kept);
        ConceptWeights {
            weights,
            ids,
            starts,
        }
    }

    /// The concepts of positive weight of candidate `k`, sorted.
    fn of_sentence(&self, k: usize) -> &[u32] {
        &self.ids[self.starts[k]..self.starts[k + 1]]
    }

    fn gain(&self, k: usize, covered: &[bool]) -> f64 {
        self.of_sentence(k)
            .iter()
            .filter(|&&c| !covered[c as usize])
            .map(|&c| self.weights[c as usize])
            .sum()
    }

    /// The gain of candidates `unit` taken together (a sentence with the antecedents it leans
    /// on), each concept once, each sentence's share scaled by its `alignment`.
    fn unit_gain(&self, unit: &[usize], covered: &[bool], alignment: &[f64]) -> f64 {
        let mut seen: Vec<u32> = Vec::new();
        let mut total = 0.0;
        for &m in unit {
            let gain: f64 = self
                .of_sentence(m)
                .iter()
                .filter(|&&c| !covered[c as usize] && !seen.contains(&c))
                .map(|&c| self.weights[c as usize])
                .sum();
            total += gain * alignment[m];
            seen.extend_from_slice(self.of_sentence(m));
        }
        total
    }
}

/// A candidate's gain per cost as of greedy round `round`, ordered by ratio, then earliest
/// candidate first.
#[derive(Debug, Clone, Copy)]
struct Bound {
    ratio: f64,
    k: usize,
    round: usize,
}

impl PartialEq for Bound {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Bound {}

impl PartialOrd for Bound {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Bound {
    fn cmp(&self, other: &Self) -> Ordering {
        self.ratio
            .total_cmp(&other.ratio)
            .then(other.k.cmp(&self.k))
    }
}

/// Per candidate, the factor its coverage gain is multiplied by for matching the cluster's
/// topic: `1 + cos / mean cos`; all ones when the cluster has no topic.
fn topic_alignment(cluster: &PreparedCluster, cands: &[usize], query: &[u32]) -> Vec<f64> {
    if query.is_empty() {
        return vec![1.0; cands.len()];
    }
    let tfidf = TfIdf::new(cluster, cands);
    let topic = tfidf.vector_of(query);
    let cos: Vec<f64> = tfidf.vectors.iter().map(|v| v.cosine(&topic)).collect();
    let mean = cos.iter().sum::<f64>() / cos.len().max(1) as f64;
    if mean <= 0.0 {
        return vec![1.0; cands.len()];
    }
    cos.iter().map(|c| 1.0 + c / mean).collect()
}

impl Summarizer for SupportCoverageSummarizer {
    fn select(&self, cluster: &PreparedCluster, budget: Budget) -> Vec<usize> {
        self.select_given(cluster, budget, None)
    }

    fn select_update(&self, cluster: &PreparedCluster, budget: Budget, seen: &Seen) -> Vec<usize> {
        self.select_given(&seen.hide_stale(cluster), budget, Some(seen))
    }
}

impl SupportCoverageSummarizer {
    /// [`Summarizer::select`], with concept weights discounted by what the reader has `seen`.
    fn select_given(
        &self,
        cluster: &PreparedCluster,
        budget: Budget,
        seen: Option<&Seen>,
    ) -> Vec<usize> {
        let cands = candidates(cluster);
        let query = topic_terms(cluster);
        let concepts = ConceptWeights::new(cluster, &cands, &query, seen);
        let alignment = topic_alignment(cluster, &cands, &query);
        let cost = |k: usize| match budget {
            Budget::Words(_) => cluster.sentences[cands[k]].words.max(1) as f64,
            Budget::Sentences(_) => 1.0,
        };
        // Term sets for the redundancy check, built when a candidate is first checked or
        // picked (most candidates never are).
        let mut sets: Vec<Option<TermSet>> = vec![None; cands.len()];
        let set_of = |sets: &mut Vec<Option<TermSet>>, k: usize| {
            if sets[k].is_none() {
                sets[k] = Some(TermSet::from_terms(&cluster.sentences[cands[k]].terms));
            }
        };
        let check = RedundancyCheck::default();
        let mut covered = vec![false; concepts.weights.len()];
        let mut sel = Selection::new(budget);
        // Lazy greedy (Minoux's accelerated greedy): a candidate's gain per cost only falls as
        // concepts get covered (a float sum over fewer non-negative terms is never larger, and
        // the fixed topic factor and cost keep the order), so a stale value bounds the fresh
        // one and only the top of the heap is re-evaluated.
        // The pick is the same as re-scoring every open candidate each round (largest ratio,
        // then the earliest candidate); re-scoring all was most of the selection time.
        // A sentence that leans on the one before it is costed as its whole unit, with the
        // antecedents not chosen yet (see `context`).
        let units = CandidateUnits::new(cluster, &cands, sel.rule());
        let mut is_picked = vec![false; cands.len()];
        let ratio = |k: usize, covered: &[bool], is_picked: &[bool]| match units
            .members(k, |j| is_picked[j])
        {
            Some(unit) if *unit.start() < k => {
                let unit: Vec<usize> = unit.filter(|&j| !is_picked[j]).collect();
                concepts.unit_gain(&unit, covered, &alignment)
                    / unit.iter().map(|&j| cost(j)).sum::<f64>()
            }
            _ => concepts.gain(k, covered) * alignment[k] / cost(k),
        };
        let mut heap: BinaryHeap<Bound> = (0..cands.len())
            .map(|k| Bound {
                ratio: ratio(k, &covered, &is_picked),
                k,
                round: 0,
            })
            .collect();
        let mut round = 0;
        // Greedy picks (candidate indices), and how many of them each candidate was checked
        // against for redundancy.
        let mut picked: Vec<usize> = Vec::new();
        // The terms of each pick as a bit set over the vocabulary.
        let mut picked_bits: Vec<Vec<u64>> = Vec::new();
        let mut checked = vec![0usize; cands.len()];
        // Candidates that can never be added again: over the budget, or repeating a pick.
        let mut dropped = vec![false; cands.len()];
        while !sel.is_full() {
            let best = loop {
                let Some(top) = heap.pop() else {
                    break None;
                };
                let k = top.k;
                if dropped[k] {
                    continue; // chosen already (a unit re-scored it)
                }
                let Some(unit) = units.members(k, |j| is_picked[j]) else {
                    continue; // waits for its antecedent, or never enters
                };
                if *unit.start() < k {
                    if !sel.admits(cluster, cands[k]) {
                        continue; // may fit once its antecedents are chosen
                    }
                } else {
                    if !sel.fits(cluster, cands[k]) {
                        dropped[k] = true;
                        continue;
                    }
                    let unchecked = &picked[checked[k]..];
                    if !unchecked.is_empty() {
                        set_of(&mut sets, k);
                    }
                    let set = |l: usize| sets[l].as_ref().expect("built when checked or picked");
                    // Overlap with each pick by testing the candidate's terms in the pick's bit
                    // set (merging the two sorted lists was a seventh of the selection).
                    let redundant = |mine: &TermSet, (&l, bits): (&usize, &Vec<u64>)| {
                        let common = mine
                            .terms()
                            .iter()
                            .filter(|&&t| bits[t as usize >> 6] >> (t & 63) & 1 == 1)
                            .count();
                        !mine.is_empty()
                            && !set(l).is_empty()
                            && check.redundant_sizes(common, mine.len(), set(l).len())
                    };
                    if !unchecked.is_empty()
                        && unchecked
                            .iter()
                            .zip(&picked_bits[checked[k]..])
                            .any(|pick| redundant(set(k), pick))
                    {
                        dropped[k] = true;
                        continue;
                    }
                }
                checked[k] = picked.len();
                if top.round == round {
                    break Some(top);
                }
                heap.push(Bound {
                    ratio: ratio(k, &covered, &is_picked),
                    k,
                    round,
                });
            };
            match best {
                Some(Bound { k, ratio: gain, .. }) if gain > 0.0 => {
                    let before = sel.chosen.len();
                    let added = sel.push(cluster, cands[k]);
                    debug_assert!(added, "checked admissible");
                    round += 1;
                    // The pick with the antecedents it brought in.
                    let new: Vec<usize> = sel.chosen[before..]
                        .iter()
                        .map(|i| cands.binary_search(i).expect("a candidate"))
                        .collect();
                    for &m in &new {
                        set_of(&mut sets, m);
                        let mut bits = vec![0u64; cluster.vocab.len() / 64 + 1];
                        for &t in sets[m].as_ref().expect("built above").terms() {
                            bits[t as usize >> 6] |= 1 << (t & 63);
                        }
                        picked_bits.push(bits);
                        picked.push(m);
                        dropped[m] = true;
                        is_picked[m] = true;
                        for &c in concepts.of_sentence(m) {
                            covered[c as usize] = true;
                        }
                    }
                    for &m in &new {
                        for d in units.dependents(m).filter(|&d| !dropped[d]) {
                            heap.push(Bound {
                                ratio: ratio(d, &covered, &is_picked),
                                k: d,
                                round,
                            });
                        }
                    }
                }
                _ => break,
            }
        }
        // Nothing supported left to add: fill the room in lead order (the selection refuses
        // what does not fit or repeats a chosen sentence).
        let mut open: Vec<usize> = (0..cands.len()).filter(|&k| !dropped[k]).collect();
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
        let chosen = SupportCoverageSummarizer.select(&c, Budget::Sentences(3));
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
        let plain = ConceptWeights::new(&c, &cands, &topic_terms(&c), None);
        let k = cands
            .iter()
            .position(|&i| i == find(&c, "bakery"))
            .expect("candidate");
        assert_eq!(plain.gain(k, &vec![false; plain.weights.len()]), 0.0);
        c.topic = Some(crate::document::Topic {
            title: "fishing boats".into(),
            narrative: String::new(),
        });
        let focused = ConceptWeights::new(&c, &cands, &topic_terms(&c), None);
        assert!(focused.weights.iter().sum::<f64>() > plain.weights.iter().sum::<f64>());
    }

    #[test]
    fn a_topic_favours_sentences_about_it() {
        let mut c = harbor_fire();
        let cands = candidates(&c);
        assert!(topic_alignment(&c, &cands, &topic_terms(&c))
            .iter()
            .all(|&f| f == 1.0));
        c.topic = Some(crate::document::Topic {
            title: "fishing boats".into(),
            narrative: "Which boats burned?".into(),
        });
        let factors = topic_alignment(&c, &cands, &topic_terms(&c));
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
        let chosen = SupportCoverageSummarizer.select(&c, Budget::Words(1000));
        let words: usize = chosen.iter().map(|&i| c.sentences[i].words).sum();
        // Everything except refused repeats: more than the supported sentences alone.
        assert!(chosen.len() >= 8, "{}", chosen.len());
        assert!(words <= 1000);
    }
}
