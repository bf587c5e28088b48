//! Similarity of a headline-like line to its own article and to the rest of the cluster.
//!
//! Pages drop headlines of other stories between paragraphs ("Harbor strike ends after ten
//! days" inside a report on a fire). Such a line has no sentence punctuation and most of its
//! content words appear neither in the sentences of its own article nor in the other reports
//! of the cluster. Section headings of the story ("What caused the fire?", "THE RESCUE") use
//! the story's own words.

use crate::lang::Language;
use crate::segment::EnglishStemmer;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeSet;
use std::fmt;

/// Distinct content-word stems of some text, as sorted ids of the cluster's [`StemIds`].
///
/// Ids instead of the stems' strings: building a set of strings per document (hashing and
/// copying every stem, then again to count them over the cluster) was most of the cost of
/// judging headlines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermSet(Vec<u32>);

impl TermSet {
    /// Whether the set holds the stem with id `id`.
    pub fn contains(&self, id: u32) -> bool {
        self.0.binary_search(&id).is_ok()
    }

    /// Number of distinct stems.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Numbers for the content stems of one cluster, in order of first appearance.
#[derive(Debug, Clone, Default)]
pub struct StemIds {
    ids: FxHashMap<Box<str>, u32>,
}

impl StemIds {
    /// The id of `stem`, numbering it if it is new.
    fn intern(&mut self, stem: &str) -> u32 {
        if let Some(&id) = self.ids.get(stem) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).expect("fewer than 2^32 stems in a cluster");
        self.ids.insert(stem.into(), id);
        id
    }

    /// The id of `stem`, if some text of the cluster has it.
    pub fn get(&self, stem: &str) -> Option<u32> {
        self.ids.get(stem).copied()
    }

    /// Number of distinct stems numbered.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether no stem was numbered.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// Extracts content-word stems and judges whether a line belongs to the story.
pub struct ClusterSimilarity {
    /// Language of the stop words and stemmer.
    language: Language,
    stemmer: EnglishStemmer,
    /// A line is unrelated when at least this many of its content words are unsupported...
    pub min_novel_terms: usize,
    /// ... and they are at least this share of its content words.
    pub min_novel_share: f64,
}

impl fmt::Debug for ClusterSimilarity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClusterSimilarity")
            .field("language", &self.language)
            .field("min_novel_terms", &self.min_novel_terms)
            .field("min_novel_share", &self.min_novel_share)
            .finish()
    }
}

impl Clone for ClusterSimilarity {
    fn clone(&self) -> Self {
        ClusterSimilarity {
            min_novel_terms: self.min_novel_terms,
            min_novel_share: self.min_novel_share,
            ..ClusterSimilarity::new(self.language)
        }
    }
}

impl Default for ClusterSimilarity {
    fn default() -> Self {
        ClusterSimilarity {
            language: Language::English,
            stemmer: EnglishStemmer::default(),
            min_novel_terms: 3,
            min_novel_share: 0.5,
        }
    }
}

/// Which stems the other documents of a cluster use: the number of documents holding each.
#[derive(Debug, Clone, Default)]
pub struct ClusterTerms {
    stems: StemIds,
    /// Documents holding each stem, by stem id.
    doc_freq: Vec<u32>,
    docs: usize,
}

impl ClusterTerms {
    /// Count the term sets of every document of the cluster (numbered by `stems`).
    pub fn new(stems: StemIds, sets: &[TermSet]) -> ClusterTerms {
        let mut doc_freq = vec![0u32; stems.len()];
        for set in sets {
            for &id in &set.0 {
                doc_freq[id as usize] += 1;
            }
        }
        ClusterTerms {
            stems,
            doc_freq,
            docs: sets.len(),
        }
    }

    /// Whether the stem `id` is used by enough other documents than `own` (which holds
    /// `own_has`): two when there are at least three others, else one.
    fn supported_elsewhere(&self, id: Option<u32>, own_has: bool) -> bool {
        let others = self.docs.saturating_sub(1);
        if others == 0 {
            return false;
        }
        let df = id.map_or(0, |id| self.doc_freq[id as usize] as usize) - usize::from(own_has);
        df >= if others >= 3 { 2 } else { 1 }
    }
}

/// Why a line looks unrelated: its unsupported words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unrelated {
    /// Content stems found neither in the article's sentences nor in the cluster.
    pub novel: Vec<String>,
    /// Number of distinct content stems of the line.
    pub total: usize,
}

impl ClusterSimilarity {
    /// Settings for `language`, with the default thresholds.
    pub fn new(language: Language) -> ClusterSimilarity {
        ClusterSimilarity {
            language,
            stemmer: EnglishStemmer::default(),
            ..ClusterSimilarity::default()
        }
    }

    /// Distinct content stems of `texts`, numbered by `stems` (one [`StemIds`] per cluster).
    /// Words are runs of letters and digits (a hyphen or apostrophe splits); stop words,
    /// numbers and words under three characters are skipped.
    pub fn terms<'a>(
        &self,
        stems: &mut StemIds,
        texts: impl IntoIterator<Item = &'a str>,
    ) -> TermSet {
        // Each distinct word is stemmed once: stemming is the costly part.
        let mut words: FxHashSet<&str> = FxHashSet::default();
        for text in texts {
            words.extend(content_words(text));
        }
        let mut ids: Vec<u32> = words
            .into_iter()
            .filter_map(|w| self.with_stem(w, |s| stems.intern(s)))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        TermSet(ids)
    }

    /// The stem of a content word, or `None` for a stop word.
    fn stem(&self, word: &str) -> Option<String> {
        self.with_stem(word, str::to_string)
    }

    /// Calls `f` with the stem of a content word, or returns `None` for a stop word.
    fn with_stem<R>(&self, word: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
        let lowered;
        let lower = if word
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            lowered = word.to_lowercase();
            lowered.as_str()
        } else {
            // Already lowercase ASCII (most words): no copy before the stem's own.
            word
        };
        if self.language.is_stop_word(lower) {
            None
        } else {
            Some(self.stemmer.with_stem(lower, f))
        }
    }

    fn stems<'a>(&'a self, text: &'a str) -> impl Iterator<Item = String> + 'a {
        content_words(text).filter_map(|w| self.stem(w))
    }

    /// Whether `line` looks like the headline of another story: most of its content words are
    /// in neither `own` (the article's sentences) nor enough of the cluster's other documents.
    pub fn unrelated(
        &self,
        line: &str,
        own: &TermSet,
        cluster: &ClusterTerms,
    ) -> Option<Unrelated> {
        let stems: BTreeSet<String> = self.stems(line).collect();
        let total = stems.len();
        if total < self.min_novel_terms {
            return None;
        }
        let novel: Vec<String> = stems
            .into_iter()
            .filter(|s| {
                let id = cluster.stems.get(s);
                !id.is_some_and(|id| own.contains(id)) && !cluster.supported_elsewhere(id, false)
            })
            .collect();
        let share = novel.len() as f64 / total as f64;
        (novel.len() >= self.min_novel_terms && share >= self.min_novel_share)
            .then_some(Unrelated { novel, total })
    }
}

/// Runs of letters and digits of three characters or more, not all digits.
fn content_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().nth(2).is_some() && !w.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(sim: &ClusterSimilarity, stems: &mut StemIds, texts: &[&str]) -> TermSet {
        sim.terms(stems, texts.iter().copied())
    }

    #[test]
    fn term_sets_hold_distinct_content_stems() {
        let sim = ClusterSimilarity::default();
        let mut stems = StemIds::default();
        let a = set(
            &sim,
            &mut stems,
            &["Fires burned; the fire burns on, 2021."],
        );
        // "fire"/"fires" and "burned"/"burns" share a stem; "the", "on" and "2021" are skipped.
        assert_eq!(a.len(), 2);
        let b = set(&sim, &mut stems, &["Burning fire"]);
        assert_eq!(a, b);
        assert_eq!(stems.len(), 2);
        let fire = stems.get("fire").expect("numbered");
        assert!(a.contains(fire));
        assert!(stems.get("the").is_none());
    }

    #[test]
    fn unrelated_headline_in_a_single_article() {
        let sim = ClusterSimilarity::default();
        let mut stems = StemIds::default();
        let own = set(
            &sim,
            &mut stems,
            &[
                "Fire crews fought the harbor blaze for three days.",
                "The pier was destroyed.",
            ],
        );
        let none = ClusterTerms::new(stems, std::slice::from_ref(&own));
        let u = sim
            .unrelated("Senate passes farm subsidy bill", &own, &none)
            .expect("unrelated");
        assert!(u.novel.len() >= 4, "{u:?}");
        assert!(sim
            .unrelated("Harbor blaze destroys pier", &own, &none)
            .is_none());
        assert!(sim.unrelated("Fire crews return", &own, &none).is_none());
    }

    #[test]
    fn cluster_supports_words_of_other_reports() {
        let sim = ClusterSimilarity::default();
        let mut stems = StemIds::default();
        let a = set(
            &sim,
            &mut stems,
            &["The harbor fire burned for three days."],
        );
        let b = set(
            &sim,
            &mut stems,
            &["Warehouses near the harbor were evacuated by police."],
        );
        let c = set(
            &sim,
            &mut stems,
            &["Police evacuated warehouses as the fire spread."],
        );
        let cluster = ClusterTerms::new(stems, &[a.clone(), b, c]);
        // "warehouses", "evacuated", "police" come from the other reports.
        assert!(sim
            .unrelated("Police evacuate warehouses", &a, &cluster)
            .is_none());
        assert!(sim
            .unrelated("Football club signs striker", &a, &cluster)
            .is_some());
    }
}
