//! Background document frequencies of English stems, a prior for the stream's own IDF.
//!
//! IDF learnt online from a young stream is noise: after 50 articles a word seen in three of
//! them looks as rare as a name. A background corpus says from the first article that
//! "said" and "year" are common and "avalanche" is not. The source is the word list of
//! wordfreq (general English: Wikipedia, news, books, subtitles, web; CC-BY-SA 4.0, see
//! `crates/corroborate/data/README.md`), compiled in and parsed once on first use. Words
//! are stemmed with the featurizer's own stemmer and their probabilities summed per stem.
//!
//! A word of probability `p` per running word appears in a document of `L` words with
//! probability `1 - exp(-p L)` (Poisson). [`super::index::TermTable`] adds
//! `docs x that share` to a term's document frequency and `docs` to the document count: the
//! background counts as `docs` articles of `L` words seen before the stream.

use crate::lang::Language;
use crate::segment::EnglishStemmer;
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// The compiled-in word list: lines `100 x Zipf TAB words...`; `#` lines are comments.
const WORDFREQ_EN: &str = include_str!("../../data/wordfreq-en.txt");

/// Word probabilities per stem (content terms) and per word (entity features) of a
/// background corpus.
#[derive(Debug, Clone, Default)]
pub struct Background {
    stems: HashMap<String, f64>,
    words: HashMap<String, f64>,
}

impl Background {
    /// General English (wordfreq), parsed on first use.
    pub fn english() -> &'static Background {
        static ENGLISH: OnceLock<Background> = OnceLock::new();
        ENGLISH.get_or_init(|| Background::parse(WORDFREQ_EN))
    }

    /// Parse a list in the compiled-in format. Malformed lines are skipped (the list is ours
    /// and tested; a bad line must not stop grouping).
    pub fn parse(text: &str) -> Background {
        let stemmer = EnglishStemmer::default();
        let mut stems: HashMap<String, f64> = HashMap::default();
        let mut words: HashMap<String, f64> = HashMap::default();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let Some((zipf, list)) = line.split_once('\t') else {
                continue;
            };
            let Ok(centi) = zipf.trim().parse::<u32>() else {
                continue;
            };
            // Zipf is log10 of occurrences per 10^9 words.
            let p = 10f64.powf(f64::from(centi) / 100.0 - 9.0);
            for word in list.split(' ').filter(|w| !w.is_empty()) {
                *words.entry(word.to_string()).or_default() += p;
                // The same filter as the featurizer: no stop words, no one-letter words.
                if word.chars().count() < 2 || Language::English.is_stop_word(word) {
                    continue;
                }
                *stems.entry(stemmer.stem(word).into_owned()).or_default() += p;
            }
        }
        Background { stems, words }
    }

    /// Probability of the stem per running word (0 when the list does not know it).
    pub fn probability(&self, stem: &str) -> f64 {
        self.stems.get(stem).copied().unwrap_or(0.0)
    }

    /// Expected share of `length`-word documents holding the stem: `1 - exp(-p length)`.
    pub fn document_share(&self, stem: &str, length: f32) -> f32 {
        share(self.probability(stem), length)
    }

    /// Probability of the (lowercased, unstemmed) word per running word.
    pub fn word_probability(&self, word: &str) -> f64 {
        self.words.get(word).copied().unwrap_or(0.0)
    }

    /// Expected share of `length`-word documents holding the word, in any case: an upper
    /// bound for its capitalized use (the entity feature `@word`).
    pub fn word_document_share(&self, word: &str, length: f32) -> f32 {
        share(self.word_probability(word), length)
    }

    /// Number of stems known.
    #[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
    pub fn len(&self) -> usize {
        self.stems.len()
    }

    /// Whether no stem is known.
    #[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }
}

/// `1 - exp(-p length)`: the chance that a Poisson count with mean `p length` is positive.
fn share(p: f64, length: f32) -> f32 {
    (-(-p * f64::from(length)).exp_m1()) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_list_parses_into_many_stems() {
        let bg = Background::english();
        assert!(bg.len() > 15_000, "{} stems", bg.len());
        // Parsing twice gives the same table (no order dependence).
        let again = Background::parse(WORDFREQ_EN);
        assert_eq!(again.len(), bg.len());
        for stem in ["year", "earthquak", "govern", "avalanch"] {
            assert_eq!(again.probability(stem), bg.probability(stem), "{stem}");
        }
    }

    #[test]
    fn common_words_are_likely_and_rare_ones_are_not() {
        let bg = Background::english();
        let stem = |w: &str| EnglishStemmer::default().stem(w).into_owned();
        let year = bg.document_share(&stem("years"), 400.0);
        let quake = bg.document_share(&stem("earthquake"), 400.0);
        assert!(year > 0.2, "year in {year} of 400-word documents");
        assert!(quake > 0.0 && quake < 0.05, "earthquake in {quake}");
        assert_eq!(bg.document_share("zzyzxqv", 400.0), 0.0, "unknown = rare");
        assert_eq!(bg.probability("the"), 0.0, "stop words are not terms");
        assert!(bg.word_document_share("monday", 400.0) > 0.01);
        assert!(bg.word_document_share("mondays", 400.0) < bg.word_document_share("monday", 400.0));
    }

    #[test]
    fn inflections_share_their_stem() {
        let bg =
            Background::parse("# comment\n500\tflood floods flooding\n400\tvalley\nbad line\n");
        let one = 10f64.powf(5.0 - 9.0);
        assert!((bg.probability("flood") - 3.0 * one).abs() < 1e-15);
        assert!((bg.probability("valley") - 10f64.powf(4.0 - 9.0)).abs() < 1e-15);
        assert_eq!(bg.len(), 2);
        let share = bg.document_share("flood", 1000.0);
        assert!((f64::from(share) - (1.0 - (-3.0 * one * 1000.0).exp())).abs() < 1e-6);
    }
}
