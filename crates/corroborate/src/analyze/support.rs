//! Support: which sources report the information of a sentence, and where.
//!
//! For a sentence of one document, every other document is searched for the sentence that
//! says the most of the same thing. Two sentences are compared on their content stems, each
//! weighted by its inverse sentence frequency in the cluster (a stem found in every sentence
//! says little), by two measures:
//!
//! - *containment*: the share of the claim's weight that the candidate also carries, so a long
//!   source sentence that says the claim and more still supports it;
//! - *cosine*: the symmetric overlap, so a candidate that shares many terms but says much else
//!   is not taken for the same statement.
//!
//! Names and numbers decide between near misses: a candidate must carry at least half of the
//! claim's proper names and every number with which the claim counts something ("14 people");
//! a candidate that counts the same thing differently (12 people against 14 people), or whose
//! numbers all differ from the claim's, does not support it; neither does one that shares
//! fewer than three content terms. When the claim quotes someone, the candidate must carry half
//! of the quotation: the quotation is what the sentence reports. Proper names count half and
//! reporting words ("told", "spokesman") a tenth of other terms, so that two different
//! statements of one spokesman do not match. Sharing a count of the same thing ("90%
//! effective") adds to the score.
//!
//! A source the first test leaves out is read a second time for a restatement in other words
//! (paraphrase groups, mutual best, every named entity of the claim; `support/restate.rs`),
//! and, when both are among the first two sentences of their reports, for an opening that
//! states the same news with little shared wording but the claim's core entities.
//!
//! The threshold and weights were chosen by reading the best cross-source matches on the
//! example cluster (`../shared/seeds`) and on NeuS validation stories: at 0.30 about four in
//! five matches above the threshold say the same thing and the rest are closely related
//! statements (see the tests of this module and `tests/brief_support.rs`).

mod contradict;
mod paraphrase;
mod restate;

pub use contradict::{Contradictions, CONTRADICTION_TOPIC, ROUNDING};

use super::entities::EntityMention;
use super::{Entity, Mention};
use crate::lang::Language;
use crate::prepared::{PreparedCluster, Vocabulary};
use crate::segment::{word_spans, EnglishStemmer};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Weight of a proper-name term relative to other content terms.
const NAME_WEIGHT: f64 = 0.5;

/// Words that attribute rather than inform: two sentences that share only "a spokesman told"
/// do not report the same thing. (English; move to `lang` when a second language arrives.)
const REPORTING_WORDS: &[&str] = &[
    "told",
    "tell",
    "tells",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "according",
    "statement",
    "added",
    "reporters",
    "agency",
    "news",
    "quoted",
    "interview",
];

/// Weight of a reporting word relative to other content terms.
const REPORTING_WEIGHT: f64 = 0.1;

/// Added to the score for each count the two sentences share (at most two).
const COUNT_BONUS: f64 = 0.1;

/// Words that count time: a count of them ("two years of silence") is a detail of the claim
/// that a restatement may leave out.
const TIME_UNITS: &[&str] = &[
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute",
    "minutes", "decade", "decades", "century", "old",
];

/// Fewest content terms two sentences must share to say the same thing.
const MIN_SHARED_TERMS: usize = 3;

/// Settings of the support matcher.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SupportConfig {
    /// Smallest match score (0 to 1) for a sentence to count as saying the same thing.
    pub threshold: f64,
}

impl Default for SupportConfig {
    fn default() -> Self {
        SupportConfig { threshold: 0.30 }
    }
}

/// The sentence of one document that says what the claim says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupportMatch {
    /// Document index.
    pub doc: usize,
    /// Index of the matched sentence in [`PreparedCluster::sentences`].
    pub sentence: usize,
    /// Match score, 0 to 1 (1 for the claim's own sentence).
    pub score: f64,
    /// Where the matched sentence is.
    pub mention: Mention,
}

/// The sources that report one sentence's information.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceSupport {
    /// The claim: an index into [`PreparedCluster::sentences`].
    pub sentence: usize,
    /// One match per supporting document, the claim's own document included, by document.
    pub matches: Vec<SupportMatch>,
}

impl SentenceSupport {
    /// The supporting documents, sorted.
    pub fn docs(&self) -> Vec<usize> {
        self.matches.iter().map(|m| m.doc).collect()
    }

    /// How many documents report it.
    pub fn count(&self) -> usize {
        self.matches.len()
    }
}

/// What the matcher knows about one sentence.
#[derive(Debug, Clone, Default)]
struct Features {
    /// Unique content term ids, sorted.
    terms: Vec<u32>,
    /// Sum of squared weights of `terms`.
    norm2: f64,
    /// Sum of weights of `terms`.
    weight: f64,
    /// Content terms that are proper names in this cluster, sorted.
    names: Vec<u32>,
    /// Numbers written in the sentence (digits, commas removed), sorted, unique.
    numbers: Vec<String>,
    /// Content terms inside double quotation marks, sorted, unique.
    quoted: Vec<u32>,
    /// Sum of weights of `quoted`.
    quoted_weight: f64,
    /// Numbers with the content term that follows them ("14 people": (14, peopl)), sorted.
    counted: Vec<(u32, String)>,
}

thread_local! {
    /// Per-sentence sums of [`SupportIndex::candidates`] (shared weight, shared squared
    /// weight, touched), reused from claim to claim and left at zero between them.
    static SUMS: std::cell::RefCell<Vec<(f64, f64, bool)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Per-cluster index for support matching: term weights and sentence features.
#[derive(Debug, Clone)]
pub struct SupportIndex {
    idf: Vec<f64>,
    features: Vec<Features>,
    /// For each term id, the running-text sentences that hold it, ascending.
    postings: Vec<Vec<u32>>,
    /// Whether each sentence is running text (not a heading).
    text: Vec<bool>,
    /// The second test: restatements in other words.
    restate: restate::Restatements,
    /// Terms that count time ("years", "days"), sorted: "two years" is a detail, not a claim.
    time_units: Vec<u32>,
}

/// Score of a candidate sentence against a claim, with its parts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MatchScore {
    /// Weighted share of the claim's terms found in the candidate.
    pub containment: f64,
    /// Weighted cosine of the two term sets.
    pub cosine: f64,
    /// Whether the candidate has at least half of the claim's proper names, or none at all.
    pub names_agree: bool,
    /// Whether the sentences give different numbers: both give numbers and none are equal,
    /// or they count the same thing differently ("12 people" against "14 people").
    pub numbers_conflict: bool,
    /// Whether the claim counts something ("14 people") with a number the candidate lacks or
    /// uses to count something else.
    pub numbers_missing: bool,
    /// The combined score compared with [`SupportConfig::threshold`].
    pub score: f64,
    /// The score before the penalties for numbers and too few shared terms: how closely the
    /// two sentences speak of the same thing, whatever values they give.
    pub topic: f64,
}

impl SupportIndex {
    /// Build the index of a cluster.
    pub fn new(cluster: &PreparedCluster) -> Self {
        let found = super::entities::find(cluster);
        Self::with_entities(cluster, &found.entities, &found.mentions)
    }

    /// Build the index of a cluster from its entities and their mentions, already found.
    pub(crate) fn with_entities(
        cluster: &PreparedCluster,
        entities: &[Entity],
        mentions: &[EntityMention],
    ) -> Self {
        // One pass over the words of every sentence: (byte range, term id), in order.
        let spans: Vec<Vec<(Range<usize>, u32)>> = (0..cluster.sentences.len())
            .map(|i| {
                word_spans(cluster.text(i))
                    .zip(cluster.sentences[i].tokens.iter().copied())
                    .collect()
            })
            .collect();
        let proper = proper_terms(cluster, &spans);
        // The number each word writes, if any, computed once per term: a term id stands for
        // one lowercased word stem, and every word of a stem has the same value.
        let mut memo: Vec<Option<Option<String>>> = vec![None; cluster.vocab.len()];
        let values_of: Vec<Vec<Option<String>>> = spans
            .iter()
            .enumerate()
            .map(|(i, sentence)| {
                let text = cluster.text(i);
                sentence
                    .iter()
                    .map(|(w, id)| match memo.get_mut(*id as usize) {
                        Some(slot) => slot
                            .get_or_insert_with(|| number_value(&text[w.clone()]))
                            .clone(),
                        None => number_value(&text[w.clone()]),
                    })
                    .collect()
            })
            .collect();
        // Content words as term ids, numbers replaced by one id per value so that "fourteen"
        // and "14" are the same term.
        let mut number_ids: HashMap<String, u32> = HashMap::new();
        let mut next_id = u32::try_from(cluster.vocab.len()).expect("vocabulary fits u32");
        let mut numbers: Vec<Vec<String>> = Vec::with_capacity(spans.len());
        let words: Vec<Vec<(usize, u32)>> = spans
            .iter()
            .enumerate()
            .map(|(i, sentence)| {
                let mut values = Vec::new();
                let words = sentence
                    .iter()
                    .zip(&values_of[i])
                    .filter_map(|((w, id), value)| {
                        let value = value.clone();
                        if let Some(v) = &value {
                            values.push(v.clone());
                        }
                        if cluster.vocab.is_stop(*id) {
                            return None;
                        }
                        Some(match value {
                            Some(v) => {
                                let id = *number_ids.entry(v).or_insert_with(|| {
                                    next_id += 1;
                                    next_id - 1
                                });
                                (w.start, id)
                            }
                            None => (w.start, *id),
                        })
                    })
                    .collect();
                values.sort();
                values.dedup();
                numbers.push(values);
                words
            })
            .collect();
        let values = values_of;
        let n_terms = next_id as usize;
        let stemmer = EnglishStemmer::default();
        let mut time_units: Vec<u32> = TIME_UNITS
            .iter()
            .filter_map(|w| cluster.vocab.get(&stemmer.stem(w)))
            .collect();
        time_units.sort_unstable();
        time_units.dedup();
        let restate = {
            // The words of one paraphrase group as one term, numbered after all others; wire
            // datelines left out.
            let mut group_of: HashMap<u32, u32> = HashMap::new();
            let mut next_group = next_id;
            for group in paraphrase::GROUPS {
                let ids: Vec<u32> = group
                    .iter()
                    .filter_map(|w| cluster.vocab.get(&stemmer.stem(w)))
                    .filter(|&id| !cluster.vocab.is_stop(id) && !group_of.contains_key(&id))
                    .collect();
                if ids.len() >= 2 {
                    for id in ids {
                        group_of.insert(id, next_group);
                    }
                    next_group += 1;
                }
            }
            let ids: Vec<Vec<u32>> = words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    let skip = dateline_end(cluster.text(i));
                    w.iter()
                        .filter(|(at, _)| *at >= skip)
                        .map(|(_, id)| group_of.get(id).copied().unwrap_or(*id))
                        .collect()
                })
                .collect();
            let reporting: HashSet<u32> = REPORTING_WORDS
                .iter()
                .chain(&["said", "says", "say"])
                .filter_map(|w| cluster.vocab.get(&stemmer.stem(w)))
                .collect();
            let vocab_len = cluster.vocab.len();
            let factor = |t: u32| {
                if (t as usize) >= vocab_len {
                    1.0
                } else if reporting.contains(&t) {
                    REPORTING_WEIGHT
                } else if proper.contains(&t) {
                    NAME_WEIGHT
                } else {
                    1.0
                }
            };
            restate::Restatements::new(
                cluster,
                ids,
                factor,
                next_group as usize,
                entities,
                mentions,
            )
        };
        let (uniq, df, n) = sentence_frequencies(
            cluster,
            words.iter().map(|w| w.iter().map(|&(_, id)| id).collect()),
            n_terms,
        );
        let idf: Vec<f64> = df.iter().map(|&d| inverse_frequency(n, d)).collect();
        // Names say who and where; what happened is in the other words. Two sentences that
        // share only the names (two different things one spokesman said) must not match.
        let reporting: HashSet<u32> = REPORTING_WORDS
            .iter()
            .filter_map(|w| cluster.vocab.get(&stemmer.stem(w)))
            .collect();
        // Capitalized words that are dates, not names: they do not count for name agreement
        // (one outlet says "on Sunday", another "on Saturday" of the same announcement).
        let time: HashSet<u32> = Language::English
            .dates()
            .months
            .iter()
            .chain(Language::English.dates().weekdays)
            .filter_map(|(w, _)| cluster.vocab.get(&stemmer.stem(w)))
            .collect();
        let weight: Vec<f64> = idf
            .iter()
            .enumerate()
            .map(|(t, w)| {
                let t = t as u32;
                if reporting.contains(&t) {
                    w * REPORTING_WEIGHT
                } else if proper.contains(&t) {
                    w * NAME_WEIGHT
                } else {
                    *w
                }
            })
            .collect();
        let idf = weight;
        let features: Vec<Features> = uniq
            .into_iter()
            .enumerate()
            .map(|(i, terms)| {
                let norm2 = terms.iter().map(|&t| idf[t as usize].powi(2)).sum();
                let weight = terms.iter().map(|&t| idf[t as usize]).sum();
                let names = terms
                    .iter()
                    .copied()
                    .filter(|t| proper.contains(t) && !time.contains(t))
                    .collect();
                Features {
                    terms,
                    norm2,
                    weight,
                    names,
                    numbers: std::mem::take(&mut numbers[i]),
                    counted: counted_in(&spans[i], &values[i], &cluster.vocab),
                    quoted_weight: 0.0,
                    quoted: quoted_terms(cluster.text(i), &words[i]),
                }
            })
            .collect();
        let mut features: Vec<Features> = features;
        for f in &mut features {
            f.quoted_weight = f.quoted.iter().map(|&t| idf[t as usize]).sum();
        }
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); idf.len()];
        for (i, f) in features.iter().enumerate() {
            if cluster.sentences[i].heading {
                continue;
            }
            let i = u32::try_from(i).expect("sentence count fits u32");
            for &t in &f.terms {
                if let Some(p) = postings.get_mut(t as usize) {
                    p.push(i);
                }
            }
        }
        SupportIndex {
            idf,
            features,
            postings,
            text: cluster.sentences.iter().map(|s| !s.heading).collect(),
            restate,
            time_units,
        }
    }

    fn is_text(&self, i: usize) -> bool {
        self.text.get(i).copied().unwrap_or(false)
    }

    /// The running-text sentences other than `claim` whose match score with `claim` can reach
    /// `floor`, ascending. Exact, not a heuristic: a sentence is kept when the score before
    /// penalties (containment, cosine and the largest count bonus it could get) reaches
    /// `floor`, which bounds both [`MatchScore::score`] and [`MatchScore::topic`].
    ///
    /// Only the postings of the claim's heaviest terms are walked (prefix filtering): the
    /// lightest terms, which are the common ones with the longest postings, are left out as
    /// long as a sentence sharing all of them and nothing else stays below `floor`, so every
    /// sentence that can reach it shares at least one walked term. Sharing a term set `S`
    /// gives a containment of `w(S) / weight` and a cosine of at most `sqrt(w2(S) / norm2)`
    /// (the candidate's own norm holds `S`), and a quarter of that when `S` has fewer than
    /// [`MIN_SHARED_TERMS`] terms. So support costs the postings of rare terms, not every
    /// pair of sentences.
    fn candidates(&self, claim: usize, floor: f64) -> Vec<usize> {
        if floor <= 0.0 {
            // Every sentence reaches a floor of zero.
            return (0..self.features.len())
                .filter(|&j| j != claim && self.is_text(j))
                .collect();
        }
        let a = &self.features[claim];
        let weight = |t: u32| self.idf.get(t as usize).copied().unwrap_or(0.0);
        let most_bonus = if a.counted.is_empty() {
            0.0
        } else {
            2.0 * COUNT_BONUS
        };
        // The score before penalties of a sentence sharing weight `w` (squared `w2`) and
        // nothing else, at most.
        let bound = |w: f64, w2: f64| {
            let containment = if a.weight > 0.0 { w / a.weight } else { 0.0 };
            let cosine = if a.norm2 > 0.0 {
                (w2 / a.norm2).max(0.0).sqrt()
            } else {
                0.0
            };
            0.6 * containment + 0.4 * cosine + most_bonus
        };
        // The claim's terms, heaviest first; the light tail is cut while it cannot reach the
        // floor alone (with a margin far above rounding). A sentence sharing fewer than
        // `MIN_SHARED_TERMS` terms keeps a quarter of its score.
        let mut order: Vec<u32> = a.terms.clone();
        let cut = LightTail::cut(&mut order, weight, |w, w2, n| {
            let most = if n < MIN_SHARED_TERMS {
                0.25 * bound(w, w2)
            } else {
                bound(w, w2)
            };
            most + 1e-6 >= floor
        });
        let (tail_w, tail_w2) = (cut.w, cut.w2);
        let (walked, tail) = order.split_at(cut.walked);
        SUMS.with_borrow_mut(|acc| {
            if acc.len() < self.features.len() {
                acc.resize(self.features.len(), (0.0, 0.0, false));
            }
            let mut touched: Vec<u32> = Vec::new();
            for &t in walked {
                let x = weight(t);
                for &j in self
                    .postings
                    .get(t as usize)
                    .map_or(&[][..], |p| p.as_slice())
                {
                    let slot = &mut acc[j as usize];
                    if !slot.2 {
                        slot.2 = true;
                        touched.push(j);
                    }
                    slot.0 += x;
                    slot.1 += x * x;
                }
            }
            let mut kept: Vec<usize> = touched
                .into_iter()
                .map(|j| j as usize)
                .filter(|&j| {
                    // Taken back to zero for the next claim.
                    let (w, w2, _) = std::mem::take(&mut acc[j]);
                    if j == claim {
                        return false;
                    }
                    let b = &self.features[j];
                    let bonus = if a.counted.is_empty() || b.counted.is_empty() {
                        0.0
                    } else {
                        2.0 * COUNT_BONUS
                    };
                    // As if it shared the whole tail: most touched sentences cannot reach the
                    // floor even so, and need no search of the tail (the margin is twice the
                    // one below, so that this bound never drops a sentence kept below).
                    let containment = if a.weight > 0.0 {
                        (w + tail_w) / a.weight
                    } else {
                        0.0
                    };
                    let cosine = if a.norm2 > 0.0 && b.norm2 > 0.0 {
                        (w2 + tail_w2) / (a.norm2 * b.norm2).sqrt()
                    } else {
                        0.0
                    };
                    if 0.6 * containment + 0.4 * cosine + bonus + 2e-6 < floor {
                        return false;
                    }
                    let (mut w, mut w2) = (w, w2);
                    for &t in tail {
                        if b.terms.binary_search(&t).is_ok() {
                            let x = weight(t);
                            w += x;
                            w2 += x * x;
                        }
                    }
                    let containment = if a.weight > 0.0 { w / a.weight } else { 0.0 };
                    let cosine = if a.norm2 > 0.0 && b.norm2 > 0.0 {
                        w2 / (a.norm2 * b.norm2).sqrt()
                    } else {
                        0.0
                    };
                    // A margin so that rounding (here summed in another order than in
                    // `score`) never drops a sentence the full score keeps.
                    0.6 * containment + 0.4 * cosine + bonus + 1e-6 >= floor
                })
                .collect();
            // Sorted once kept: sorting every touched sentence cost more than the walk.
            kept.sort_unstable();
            kept
        })
    }

    /// Whether the claim quotes someone (two terms or more) and the candidate carries less
    /// than half of the quotation: the quotation is what the sentence reports.
    fn quote_missing(&self, claim: usize, candidate: usize) -> bool {
        let (a, b) = (&self.features[claim], &self.features[candidate]);
        a.quoted.len() >= 2 && {
            let shared: f64 = intersect(&a.quoted, &b.terms)
                .map(|t| self.idf[t as usize])
                .sum();
            shared < 0.5 * a.quoted_weight
        }
    }

    /// Whether a third or more of the claim's weight is inside quotation marks: then the
    /// quotation is much of what it reports.
    fn mostly_quoted(&self, claim: usize) -> bool {
        let a = &self.features[claim];
        3.0 * a.quoted_weight >= a.weight
    }

    /// Whether the claim counts something ("14 people") with a number the candidate does not
    /// give, or gives only as the count of something else: the count is part of what the
    /// claim says. Counts of time ("two years") and years
    /// ("2020 candidates") are details and do not count.
    fn count_left_out(&self, claim: usize, candidate: usize) -> bool {
        let (a, b) = (&self.features[claim], &self.features[candidate]);
        a.counted.iter().any(|(unit, value)| {
            let year = value
                .parse::<u32>()
                .is_ok_and(|y| (1800..=2100).contains(&y));
            // Given, but as the count of something else ("two shipping firms" does not say
            // "two neighbouring warehouses").
            let elsewhere = b.counted.iter().any(|(_, v)| v == value)
                && !b.counted.iter().any(|(u, v)| u == unit && v == value);
            !year
                && self.time_units.binary_search(unit).is_err()
                && (b.numbers.binary_search(value).is_err() || elsewhere)
        })
    }

    /// How well sentence `candidate` says what sentence `claim` says.
    pub fn score(&self, claim: usize, candidate: usize) -> MatchScore {
        let a = &self.features[claim];
        let b = &self.features[candidate];
        let (mut shared_w, mut shared_w2, mut shared_n) = (0.0, 0.0, 0usize);
        for t in intersect(&a.terms, &b.terms) {
            let w = self.idf[t as usize];
            shared_w += w;
            shared_w2 += w * w;
            shared_n += 1;
        }
        let containment = if a.weight > 0.0 {
            shared_w / a.weight
        } else {
            0.0
        };
        let cosine = if a.norm2 > 0.0 && b.norm2 > 0.0 {
            shared_w2 / (a.norm2 * b.norm2).sqrt()
        } else {
            0.0
        };
        // A candidate without names does not name someone else; one with names must share
        // half of the claim's.
        let names_agree =
            b.names.is_empty() || 2 * intersect(&a.names, &b.names).count() >= a.names.len();
        let numbers_conflict = (!a.numbers.is_empty()
            && !b.numbers.is_empty()
            && !a.numbers.iter().any(|x| b.numbers.binary_search(x).is_ok()))
            || counts_conflict(&a.counted, &b.counted);
        // The candidate must give each count of the claim, and not as the count of something
        // else ("two shipping firms" is not said by "two neighbouring warehouses").
        let numbers_missing = a.counted.iter().any(|(unit, value)| {
            b.numbers.binary_search(value).is_err()
                || (b.counted.iter().any(|(_, v)| v == value)
                    && !b.counted.iter().any(|(u, v)| u == unit && v == value))
        });
        let quote_missing = self.quote_missing(claim, candidate);
        // The same count of the same thing ("more than 90% effective", "2,000 troops") is
        // strong evidence of the same report, even inside otherwise different sentences.
        let shared_counts = a.counted.iter().filter(|c| b.counted.contains(c)).count();
        let mut score =
            0.6 * containment + 0.4 * cosine + COUNT_BONUS * shared_counts.min(2) as f64;
        if !names_agree || quote_missing {
            score *= 0.5;
        }
        let topic = if shared_n < MIN_SHARED_TERMS {
            0.0
        } else {
            score.min(1.0)
        };
        if numbers_conflict || numbers_missing || shared_n < MIN_SHARED_TERMS {
            score *= 0.25;
        }
        let score = score.min(1.0);
        MatchScore {
            containment,
            cosine,
            names_agree,
            numbers_conflict,
            numbers_missing,
            score,
            topic,
        }
    }

    /// Features of a claim and a candidate sentence of another document, for the support
    /// decision: weighted containment both ways, cosine, unweighted containment, share of the
    /// claim's names the candidate has, number conflict, whether each is the other's best
    /// match in its document, the margin over the document's second best, and both positions.
    pub fn pair_features(&self, cluster: &PreparedCluster, claim: usize, cand: usize) -> [f64; 10] {
        let m = self.score(claim, cand);
        let back = self.score(cand, claim);
        let (a, b) = (&self.features[claim], &self.features[cand]);
        let shared = intersect(&a.terms, &b.terms).count() as f64;
        let flat = shared / (a.terms.len().max(1) as f64);
        let names = if a.names.is_empty() {
            1.0
        } else {
            intersect(&a.names, &b.names).count() as f64 / a.names.len() as f64
        };
        let own = cluster.sentences[claim].doc;
        let doc = cluster.sentences[cand].doc;
        let mutual = self
            .best_in_doc(cluster, cand, own)
            .is_some_and(|(x, _)| x == claim);
        let mut second = 0.0f64;
        if let Some(range) = cluster.doc_sentences.get(doc) {
            for j in range.clone() {
                if j != cand && !cluster.sentences[j].heading {
                    second = second.max(self.score(claim, j).score);
                }
            }
        }
        let position = |i: usize| {
            let start = cluster.doc_sentences[cluster.sentences[i].doc].start;
            ((i - start) as f64 / 10.0).min(1.0)
        };
        [
            m.containment,
            back.containment,
            m.cosine,
            flat,
            names,
            f64::from(u8::from(m.numbers_conflict || m.numbers_missing)),
            f64::from(u8::from(mutual)),
            m.score - second,
            position(claim),
            position(cand),
        ]
    }

    /// The best matching body sentence of document `doc` for `claim`, with its score.
    pub fn best_in_doc(
        &self,
        cluster: &PreparedCluster,
        claim: usize,
        doc: usize,
    ) -> Option<(usize, MatchScore)> {
        let range = cluster.doc_sentences.get(doc)?.clone();
        let mut best: Option<(usize, MatchScore)> = None;
        for j in range {
            if j == claim || cluster.sentences[j].heading {
                continue;
            }
            let m = self.score(claim, j);
            if best.is_none_or(|(_, b)| m.score.total_cmp(&b.score).is_gt()) {
                best = Some((j, m));
            }
        }
        best
    }

    /// Which documents report what sentence `claim` says, and where.
    pub fn support(
        &self,
        cluster: &PreparedCluster,
        claim: usize,
        config: &SupportConfig,
    ) -> SentenceSupport {
        let own = cluster.sentences[claim].doc;
        // The best candidate of each other document, as `best_in_doc` picks it (the first of
        // equal scores): only candidates can reach the threshold. Kept sparse, by document: a
        // claim costs its candidates, not the number of documents.
        let mut scored: Vec<(usize, usize, f64)> = self
            .candidates(claim, config.threshold)
            .into_iter()
            .filter_map(|j| {
                let doc = cluster.sentences[j].doc;
                (doc != own).then(|| (doc, j, self.score(claim, j).score))
            })
            .collect();
        scored.sort_unstable_by_key(|&(doc, j, _)| (doc, j));
        let mut best: Vec<(usize, usize, f64)> = Vec::new();
        for (doc, j, score) in scored {
            match best.last_mut() {
                Some(b) if b.0 == doc => {
                    if score.total_cmp(&b.2).is_gt() {
                        *b = (doc, j, score);
                    }
                }
                _ => best.push((doc, j, score)),
            }
        }
        best.retain(|&(_, _, score)| score >= config.threshold);
        let mut matches = vec![SupportMatch {
            doc: own,
            sentence: claim,
            score: 1.0,
            mention: mention(cluster, claim),
        }];
        for &(doc, j, score) in &best {
            matches.push(SupportMatch {
                doc,
                sentence: j,
                score,
                mention: mention(cluster, j),
            });
        }
        // Documents the first test leaves out are read for a restatement in other words.
        if best.len() + 1 < cluster.docs.len() {
            for (doc, r) in self.restate.best_by_doc(cluster, claim) {
                if doc == own || best.binary_search_by_key(&doc, |b| b.0).is_ok() {
                    continue;
                }
                let j = r.0;
                let restates =
                    self.restate.restates(cluster, claim, &r) && !self.quote_missing(claim, j);
                // An opening that quotes a phrase in passing ("fake news") reports the rest.
                let leads = self.restate.leads(cluster, claim, &r)
                    && (!self.quote_missing(claim, j) || !self.mostly_quoted(claim));
                if (restates || leads)
                    && !self.score(claim, j).numbers_conflict
                    && !self.count_left_out(claim, j)
                {
                    matches.push(SupportMatch {
                        doc,
                        sentence: j,
                        score: r.3.min(1.0),
                        mention: mention(cluster, j),
                    });
                }
            }
        }
        matches.sort_by_key(|m| m.doc);
        SentenceSupport {
            sentence: claim,
            matches,
        }
    }
}

/// Support of each of `sentences` (indices into `cluster.sentences`), in the same order.
pub fn support(
    cluster: &PreparedCluster,
    sentences: &[usize],
    config: &SupportConfig,
) -> Vec<SentenceSupport> {
    let index = SupportIndex::new(cluster);
    sentences
        .iter()
        .map(|&i| index.support(cluster, i, config))
        .collect()
}

fn mention(cluster: &PreparedCluster, sentence: usize) -> Mention {
    let s = &cluster.sentences[sentence];
    Mention {
        doc: s.doc,
        span: s.span.clone(),
    }
}

/// Where a wire dateline that opens a sentence ends ("PLACE, Country (AP) _ "), 0 when there
/// is none: its words say where the wire filed from, not what happened.
fn dateline_end(text: &str) -> usize {
    let mut cut = text.len().min(120);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    let first: String = head.chars().take_while(|c| c.is_alphabetic()).collect();
    if first.chars().count() < 3 || first.chars().any(|c| !c.is_uppercase()) {
        return 0;
    }
    [") _ ", ") -- ", ") \u{2014} ", " _ ", " -- "]
        .iter()
        .filter_map(|m| head.find(m).map(|p| p + m.len()))
        .min()
        .unwrap_or(0)
}

/// Elements common to two sorted, unique slices.
fn intersect<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let t = a[i];
                    i += 1;
                    j += 1;
                    return Some(t);
                }
            }
        }
        None
    })
}

/// Content terms written with a capital letter inside a sentence (not as its first word)
/// more often than in lower case, anywhere in the cluster: the cluster's proper names.
fn proper_terms(cluster: &PreparedCluster, spans: &[Vec<(Range<usize>, u32)>]) -> HashSet<u32> {
    let mut counts: HashMap<u32, (u32, u32)> = HashMap::new();
    for (i, s) in cluster.sentences.iter().enumerate() {
        if s.heading {
            continue;
        }
        let text = cluster.text(i);
        for (w, id) in spans[i].iter().skip(1) {
            if cluster.vocab.is_stop(*id) {
                continue;
            }
            let Some(first) = text[w.clone()].chars().next() else {
                continue;
            };
            let entry = counts.entry(*id).or_default();
            if first.is_uppercase() {
                entry.0 += 1;
            } else if first.is_lowercase() {
                entry.1 += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|&(_, (upper, lower))| upper > lower)
        .map(|(id, _)| id)
        .collect()
}

/// The terms of `words` (byte offset in `text`, term id) that lie inside double quotation
/// marks (straight or curly), sorted and unique; an opening mark without a closing one quotes
/// to the end of the sentence.
fn quoted_terms(text: &str, words: &[(usize, u32)]) -> Vec<u32> {
    let mut regions = Vec::new();
    let mut open: Option<usize> = None;
    for (at, c) in text.char_indices() {
        match (c, open) {
            ('\u{201c}', _) => open = Some(at),
            ('\u{201d}', Some(start)) | ('"', Some(start)) => {
                regions.push(start..at);
                open = None;
            }
            ('"', None) => open = Some(at),
            _ => {}
        }
    }
    if let Some(start) = open {
        regions.push(start..text.len());
    }
    let mut out: Vec<u32> = words
        .iter()
        .filter(|(at, _)| regions.iter().any(|r| r.contains(at)))
        .map(|&(_, id)| id)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Numbers that count something in a sentence (its words and their number values): the number
/// and the content term right after it ("14 people", "three warehouses"), as (term id,
/// number), sorted and unique.
fn counted_in(
    words: &[(Range<usize>, u32)],
    values: &[Option<String>],
    vocab: &Vocabulary,
) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for k in 1..words.len() {
        let (Some(value), None) = (&values[k - 1], &values[k]) else {
            continue;
        };
        let next = words[k].1;
        if !vocab.is_stop(next) {
            out.push((next, value.clone()));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Whether two sentences count one thing with different numbers and never the same one.
fn counts_conflict(a: &[(u32, String)], b: &[(u32, String)]) -> bool {
    a.iter().any(|(unit, _)| {
        let va: Vec<&String> = a
            .iter()
            .filter(|(u, _)| u == unit)
            .map(|(_, v)| v)
            .collect();
        let vb: Vec<&String> = b
            .iter()
            .filter(|(u, _)| u == unit)
            .map(|(_, v)| v)
            .collect();
        !vb.is_empty() && !va.iter().any(|v| vb.contains(v))
    })
}

/// [`number_value`] for the evaluation's dump.
pub(crate) fn number_value_of(word: &str) -> Option<String> {
    number_value(word)
}

/// The value of one word if it is a number: digits with commas removed ("1,200" is "1200"),
/// or an English number word.
fn number_value(word: &str) -> Option<String> {
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        let n: String = word
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
            .filter(|&c| c != ',')
            .collect();
        let n = n.trim_end_matches('.');
        (!n.is_empty()).then(|| n.to_string())
    } else {
        Language::English.number_word(word).map(|n| n.to_string())
    }
}

/// The prefix filter of both support tests: a claim's terms sorted heaviest first, and how
/// many of them must be walked. The lightest terms (the common ones, with the longest
/// postings) form the tail, which is not walked while a sentence sharing every tail term
/// and nothing else could not be taken.
#[derive(Debug, Clone, Copy)]
pub(super) struct LightTail {
    /// How many of the sorted terms are walked (the rest is the tail).
    pub(super) walked: usize,
    /// Sum of the tail's weights.
    pub(super) w: f64,
    /// Sum of the tail's squared weights.
    pub(super) w2: f64,
}

impl LightTail {
    /// Sort `terms` heaviest first (ties by id) and cut the tail: a term joins it as long as
    /// `reaches(w, w2, n)`, told the weight, squared weight and size of the tail with that
    /// term, says a sentence sharing only those terms could not be taken.
    pub(super) fn cut(
        terms: &mut [u32],
        weight: impl Fn(u32) -> f64,
        reaches: impl Fn(f64, f64, usize) -> bool,
    ) -> LightTail {
        terms.sort_by(|&x, &y| weight(y).total_cmp(&weight(x)).then(x.cmp(&y)));
        let mut cut = LightTail {
            walked: terms.len(),
            w: 0.0,
            w2: 0.0,
        };
        let mut n = 0usize;
        while let Some(&t) = cut.walked.checked_sub(1).and_then(|k| terms.get(k)) {
            let x = weight(t);
            let (w, w2) = (cut.w + x, cut.w2 + x * x);
            if reaches(w, w2, n + 1) {
                break;
            }
            (cut.w, cut.w2, n) = (w, w2, n + 1);
            cut.walked -= 1;
        }
        cut
    }
}

/// Each sentence's term ids, sorted and unique, the number of running-text sentences (not
/// headings) that hold each term, and the number of running-text sentences: the sentence
/// frequencies both support tests weigh terms by. Ids must be below `n_terms`.
pub(super) fn sentence_frequencies(
    cluster: &PreparedCluster,
    ids: impl IntoIterator<Item = Vec<u32>>,
    n_terms: usize,
) -> (Vec<Vec<u32>>, Vec<u32>, f64) {
    let mut df = vec![0u32; n_terms];
    let mut uniq = Vec::with_capacity(cluster.sentences.len());
    for (s, mut t) in cluster.sentences.iter().zip(ids) {
        t.sort_unstable();
        t.dedup();
        if !s.heading {
            for &id in &t {
                if let Some(d) = df.get_mut(id as usize) {
                    *d += 1;
                }
            }
        }
        uniq.push(t);
    }
    let n = cluster
        .sentences
        .iter()
        .filter(|s| !s.heading)
        .count()
        .max(1) as f64;
    (uniq, df, n)
}

/// Inverse sentence frequency of a term held by `d` of `n` sentences.
pub(super) fn inverse_frequency(n: f64, d: u32) -> f64 {
    (1.0 + n / f64::from(d.max(1))).ln()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Pipeline};

    /// A cluster of one-paragraph documents, one sentence each unless the text has more.
    fn cluster(texts: &[&str]) -> PreparedCluster {
        let docs = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::from_text(format!("d{i}"), *t))
            .collect();
        Pipeline::default().prepare_documents(docs)
    }

    /// Filler sentences so that the weights of the cluster are not degenerate.
    const FILLER: &str = "Weather in the region stayed calm through the week. \
        Schools reopened after the holiday break. The council debated parking fees again. \
        A new bakery opened near the station.";

    /// Numbers in `text`, written with digits (commas removed) or as English number words up to
    /// ninety-nine ("thirty-five" is 35), sorted and unique. Four-digit years count like any other
    /// number: two sentences that give different years disagree.
    fn numbers_in(text: &str) -> Vec<String> {
        let mut out: Vec<String> = word_spans(text)
            .filter_map(|w| number_value(&text[w]))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// `(claim, candidate, expected match)`: invented paraphrases and near misses.
    macro_rules! support_cases {
        ($( $(#[$m:meta])* $name:ident: $claim:literal, $cand:literal => $expect:expr; )*) => {$(
            #[test]
            $(#[$m])*
            fn $name() {
                let c = cluster(&[$claim, &format!("{} {}", $cand, FILLER)]);
                let index = SupportIndex::new(&c);
                let found = index.support(&c, 0, &SupportConfig::default());
                let supported = found.matches.iter().any(|m| m.doc == 1);
                let cand = c.doc_sentences[1].start;
                assert_eq!(
                    supported, $expect,
                    "claim {:?}\ncandidate {:?}\n{:?}",
                    $claim, $cand, index.score(0, cand)
                );
            }
        )*};
    }

    support_cases! {
        paraphrase_reordered:
            "A fire destroyed three warehouses at the Kessel harbor on Tuesday night.",
            "On Tuesday night three warehouses at Kessel harbor were destroyed by fire." => true;
        paraphrase_with_more_detail:
            "Firefighters from Dunmore fought the blaze for six hours.",
            "More than 80 firefighters from Dunmore and two nearby towns fought the blaze for six hours before it was under control." => true;
        paraphrase_different_words:
            "Mayor Ilse Varga said the harbor would reopen on Friday.",
            "The harbor is expected to reopen Friday, Varga told reporters." => true;
        different_event_same_place:
            "A fire destroyed three warehouses at the Kessel harbor on Tuesday night.",
            "The Kessel harbor festival drew large crowds on Sunday afternoon." => false;
        different_number:
            "Twelve people were injured in the blaze at the Kessel warehouse.",
            "Fourteen people were injured in the blaze at the Kessel warehouse." => false;
        same_number_counting_something_else:
            "The warehouses belonged to a timber importer and two shipping firms.",
            "The blaze began in a shed of a timber importer and spread to two neighbouring warehouses." => false;
        different_count_of_the_same_thing_despite_a_shared_number:
            "Fourteen people were injured when fire destroyed three warehouses at Kessel harbor.",
            "Fire destroyed three warehouses at Kessel harbor and 12 people were injured." => false;
        count_left_out:
            "Fourteen people were injured when fire destroyed three warehouses at Kessel harbor.",
            "Fire destroyed three warehouses at Kessel harbor overnight, the fire service said." => false;
        same_number_in_words_and_digits:
            "Twelve people were injured in the blaze at the Kessel warehouse.",
            "The blaze at the Kessel warehouse injured 12 people, officials said." => true;
        short_claim_is_not_matched_by_one_word:
            "Nobody was hurt.",
            "Two firefighters were hurt when a wall collapsed at the Kessel warehouse." => false;
        same_speaker_different_statement:
            "\"We expect to reopen within a week,\" said port spokesman Ruben Osei of the Kessel Harbor Authority.",
            "Ruben Osei, a spokesman for the Kessel Harbor Authority, told reporters the cause of the fire was not yet known." => false;
        different_person:
            "Mayor Ilse Varga said the harbor would reopen on Friday.",
            "Fire chief Tomas Brandt said the harbor would reopen on Friday." => false;
        unrelated:
            "A fire destroyed three warehouses at the Kessel harbor on Tuesday night.",
            "Share prices fell sharply in early trading in London." => false;
    }

    /// Whether the restatement test alone takes document 1's best sentence for sentence 0.
    fn restated(claim: &str, cand: &str) -> bool {
        let c = cluster(&[claim, &format!("{cand} {FILLER}")]);
        let index = SupportIndex::new(&c);
        let best = index.restate.best_by_doc(&c, 0);
        best.iter()
            .any(|(doc, b)| *doc == 1 && index.restate.restates(&c, 0, b))
    }

    #[test]
    fn restatement_bests_walk_only_what_can_reach_the_floor_and_match_every_pair() {
        let c = cluster(&[
            "Fire killed two workers at the Kessel sawmill on Monday. The mill had been \
             inspected in May. Mayor Ilse Varga said the harbor would reopen on Friday.",
            "Two workers died on Monday when a blaze swept through the sawmill in Kessel. \
             Inspectors visited the sawmill in May. The harbor is expected to reopen Friday, \
             Varga told reporters.",
            "Mayor Ilse Varga named engineers to a panel on the harbor fire on Monday. \
             Schools reopened after the holiday break. The Kessel sawmill employed forty people.",
            FILLER,
        ]);
        let index = SupportIndex::new(&c);
        let mut found = 0;
        for claim in (0..c.sentences.len()).filter(|&i| !c.sentences[i].heading) {
            // The second best is exact only where `leads` reads it.
            let masked = |bests: Vec<(usize, restate::Best)>| -> Vec<(usize, restate::Best)> {
                bests
                    .into_iter()
                    .map(|(d, mut b)| {
                        if !index.restate.second_is_exact(claim, &b) {
                            b.4 = 0.0;
                        }
                        (d, b)
                    })
                    .collect()
            };
            let got = masked(index.restate.best_by_doc(&c, claim));
            assert_eq!(
                got,
                masked(index.restate.best_by_doc_every_pair(&c, claim)),
                "claim {claim}"
            );
            found += got.len();
        }
        assert!(found > 0, "some documents restate some claim");
    }

    #[test]
    fn restatements_in_other_words_are_found_and_other_people_are_not() {
        assert!(restated(
            "Fire killed two workers at the Kessel sawmill on Monday.",
            "Two workers died on Monday when a blaze swept through the sawmill in Kessel."
        ));
        assert!(!restated(
            "Mayor Ilse Varga closed the Kessel sawmill on Monday after the fire.",
            "Fire chief Tomas Brandt closed the Kessel sawmill on Monday after the blaze."
        ));
    }

    /// Whether the opening test alone takes document 1's best sentence for sentence 0.
    fn leads(claim_doc: &str, other_doc: &str) -> bool {
        let c = cluster(&[claim_doc, other_doc]);
        let index = SupportIndex::new(&c);
        let best = index.restate.best_by_doc(&c, 0);
        best.iter()
            .any(|(doc, b)| *doc == 1 && index.restate.leads(&c, 0, b))
    }

    #[test]
    fn openings_restate_each_other_with_their_core_entities_only() {
        let claim = "Mayor Ilse Varga on Monday named engineers to a panel that will review the harbor fire.";
        let cand = "A review of last week's harbor blaze will be led by engineers that Ilse Varga picked on Monday, the city said.";
        assert!(leads(
            &format!("{claim} {FILLER}"),
            &format!("{cand} {FILLER}")
        ));
        // The same sentence deep in the other report is not its opening.
        assert!(!leads(
            &format!("{claim} {FILLER}"),
            &format!("{FILLER} {cand}")
        ));
        // A person the claim names and the candidate does not.
        let with_chief = "Mayor Ilse Varga and fire chief Tomas Brandt on Monday named engineers to a panel that will review the harbor fire.";
        assert!(!leads(
            &format!("{with_chief} {FILLER}"),
            &format!("{cand} {FILLER}")
        ));
    }

    #[test]
    fn own_sentence_always_supports_and_counts_once() {
        let c = cluster(&[
            "A fire destroyed three warehouses at Kessel harbor on Tuesday. Nobody died.",
            "Three warehouses at Kessel harbor were destroyed by a fire on Tuesday. The mayor spoke.",
            "Share prices fell sharply in early trading in London.",
        ]);
        let s = support(&c, &[0], &SupportConfig::default());
        assert_eq!(s[0].docs(), vec![0, 1]);
        assert_eq!(s[0].matches[0].score, 1.0);
        assert_eq!(s[0].matches[1].sentence, c.doc_sentences[1].start);
        let m = &s[0].matches[1].mention;
        assert!(c.docs[1].text[m.span.clone()].starts_with("Three warehouses"));
    }

    #[test]
    fn numbers_are_read_without_commas_and_from_words() {
        assert_eq!(
            numbers_in("About 1,200 people and 12 dogs, in 2019. Thirty-five cats, nine hens."),
            vec!["12", "1200", "2019", "35", "9"]
        );
        assert_eq!(
            numbers_in("One of the men said forty-ish."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn empty_sentences_do_not_divide_by_zero() {
        let c = cluster(&["The and of.", "A fire."]);
        let index = SupportIndex::new(&c);
        let m = index.score(0, 1);
        assert_eq!(m.score, 0.0);
    }
}
