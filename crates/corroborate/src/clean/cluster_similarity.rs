//! Similarity of a headline-like line to its own article and to the rest of the cluster.
//!
//! Pages drop headlines of other stories between paragraphs ("Harbor strike ends after ten
//! days" inside a report on a fire). Such a line has no sentence punctuation and most of its
//! content words appear neither in the sentences of its own article nor in the other reports
//! of the cluster. Section headings of the story ("What caused the fire?", "THE RESCUE") use
//! the story's own words.

use crate::lang::Language;
use crate::segment::{EnglishStemmer, Lexicon};
use std::fmt;

/// Distinct content-word stems of some text, as sorted stem ids of the thread's lexicon
/// (valid within one `Lexicon::with` call).
///
/// Ids instead of the stems' strings: building a set of strings per document (hashing and
/// copying every stem, then again to count them over the cluster) was most of the cost of
/// judging headlines. The lexicon's ids rather than the cluster's own: one lookup per word
/// in the table segmentation keeps warm, where numbering the cluster's stems took four
/// (the word set, the stop list, the stem memo, the numbering), 12% of a pass (perf).
pub use crate::sparse::TermSet;

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
    /// `(stem id, documents holding it)`, by stem id.
    doc_freq: Vec<(u32, u32)>,
    docs: usize,
}

impl ClusterTerms {
    /// Count the term sets of every document of the cluster.
    pub fn new(sets: &[TermSet]) -> ClusterTerms {
        let mut all: Vec<u32> = sets.iter().flat_map(|s| s.terms().iter().copied()).collect();
        all.sort_unstable();
        let doc_freq = all
            .chunk_by(|a, b| a == b)
            .map(|run| (run[0], run.len() as u32))
            .collect();
        ClusterTerms {
            doc_freq,
            docs: sets.len(),
        }
    }

    /// Whether the stem `id` is used by enough other documents than `own` (which holds
    /// `own_has`): two when there are at least three others, else one.
    fn supported_elsewhere(&self, id: u32, own_has: bool) -> bool {
        let others = self.docs.saturating_sub(1);
        if others == 0 {
            return false;
        }
        let df = self
            .doc_freq
            .binary_search_by_key(&id, |e| e.0)
            .map_or(0, |at| self.doc_freq[at].1 as usize)
            - usize::from(own_has);
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
    /// Language of the stop words and stemmer (the lexicon to judge with).
    pub(crate) fn language(&self) -> Language {
        self.language
    }

    /// Settings for `language`, with the default thresholds.
    pub fn new(language: Language) -> ClusterSimilarity {
        ClusterSimilarity {
            language,
            stemmer: EnglishStemmer::default(),
            ..ClusterSimilarity::default()
        }
    }

    /// Distinct content stems of `texts`, as ids of `lexicon` (the thread's). Words are runs
    /// of letters and digits (a hyphen or apostrophe splits); stop words, numbers and words
    /// under three characters are skipped.
    pub(crate) fn terms<'a>(
        &self,
        lexicon: &mut Lexicon,
        texts: impl IntoIterator<Item = &'a str>,
    ) -> TermSet {
        let mut ids: Vec<u32> = Vec::new();
        for text in texts {
            for word in content_words(text) {
                let (id, stop) = lexicon.word(word, &self.stemmer);
                if !stop {
                    ids.push(id);
                }
            }
        }
        TermSet::from_vec(ids)
    }

    /// Whether `line` looks like the headline of another story: most of its content words are
    /// in neither `own` (the article's sentences) nor enough of the cluster's other documents.
    /// `own` and `cluster` hold ids of the same `lexicon`.
    pub(crate) fn unrelated(
        &self,
        lexicon: &mut Lexicon,
        line: &str,
        own: &TermSet,
        cluster: &ClusterTerms,
    ) -> Option<Unrelated> {
        let stems = self.terms(lexicon, [line]);
        let total = stems.len();
        if total < self.min_novel_terms {
            return None;
        }
        let mut novel: Vec<String> = stems
            .terms()
            .iter()
            .filter(|&&id| !own.contains(id) && !cluster.supported_elsewhere(id, false))
            .map(|&id| lexicon.stem(id).to_string())
            .collect();
        novel.sort_unstable();
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

    fn set(sim: &ClusterSimilarity, lexicon: &mut Lexicon, texts: &[&str]) -> TermSet {
        sim.terms(lexicon, texts.iter().copied())
    }

    fn stems(lexicon: &Lexicon, set: &TermSet) -> Vec<String> {
        let mut v: Vec<String> = set
            .terms()
            .iter()
            .map(|&id| lexicon.stem(id).to_string())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn term_sets_hold_distinct_content_stems() {
        let sim = ClusterSimilarity::default();
        Lexicon::with(sim.language(), |lex| {
            let a = set(&sim, lex, &["Fires burned; the fire burns on, 2021."]);
            // "fire"/"fires" and "burned"/"burns" share a stem; "the", "on" and "2021" are
            // skipped.
            assert_eq!(stems(lex, &a), ["burn", "fire"]);
            let b = set(&sim, lex, &["Burning FIRE"]);
            assert_eq!(a, b);
            let (fire, _) = lex.word("fire", &sim.stemmer);
            assert!(a.contains(fire));
            let (the, _) = lex.word("the", &sim.stemmer);
            assert!(!a.contains(the));
            let c = set(&sim, lex, &["Harbor's pier-side sheds", "harbor"]);
            assert_eq!(stems(lex, &c), ["harbor", "pier", "shed", "side"]);
        });
    }

    #[test]
    fn unrelated_headline_in_a_single_article() {
        let sim = ClusterSimilarity::default();
        Lexicon::with(sim.language(), |lex| {
            let own = set(
                &sim,
                lex,
                &[
                    "Fire crews fought the harbor blaze for three days.",
                    "The pier was destroyed.",
                ],
            );
            let none = ClusterTerms::new(std::slice::from_ref(&own));
            let u = sim
                .unrelated(lex, "Senate passes farm subsidy bill", &own, &none)
                .expect("unrelated");
            assert_eq!(u.novel, ["bill", "farm", "pass", "senat", "subsidi"]);
            assert_eq!(u.total, 5);
            assert!(sim
                .unrelated(lex, "Harbor blaze destroys pier", &own, &none)
                .is_none());
            assert!(sim
                .unrelated(lex, "Fire crews return", &own, &none)
                .is_none());
        });
    }

    #[test]
    fn cluster_supports_words_of_other_reports() {
        let sim = ClusterSimilarity::default();
        Lexicon::with(sim.language(), |lex| {
            let a = set(&sim, lex, &["The harbor fire burned for three days."]);
            let b = set(
                &sim,
                lex,
                &["Warehouses near the harbor were evacuated by police."],
            );
            let c = set(
                &sim,
                lex,
                &["Police evacuated warehouses as the fire spread."],
            );
            let cluster = ClusterTerms::new(&[a.clone(), b, c]);
            // "warehouses", "evacuated", "police" come from the other reports.
            assert!(sim
                .unrelated(lex, "Police evacuate warehouses", &a, &cluster)
                .is_none());
            assert!(sim
                .unrelated(lex, "Football club signs striker", &a, &cluster)
                .is_some());
            // One other report is not enough support when there are three others.
            let d = set(&sim, lex, &["Crews checked the docks."]);
            let e = set(&sim, lex, &["Divers searched the water."]);
            let wide = ClusterTerms::new(&[a.clone(), d, e, set(&sim, lex, &["Police came."])]);
            assert!(sim
                .unrelated(lex, "Police evacuate warehouses", &a, &wide)
                .is_some());
        });
    }
}
