//! Abbreviations: whether the word before a period is one, and of which kind.

use crate::lang::SegmentationRules;
use rustc_hash::FxHashSet;

/// Longest word (in bytes) looked up in the abbreviation lists.
const MAX_ABBREVIATION_BYTES: usize = 16;

/// Longest word (in bytes) looked up in the sentence-starter list.
const MAX_LOOKUP_BYTES: usize = 24;

/// What the word before a period is, as far as sentence ends are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordBefore {
    /// A title before a name ("Mr", "Gen"): never ends a sentence.
    Title,
    /// An abbreviation that may end a sentence ("Co", "U.S", "etc").
    Abbreviation,
    /// An abbreviation written before a number ("No", "p").
    Number,
    /// A clock abbreviation ("a.m", "P.M").
    Time,
    /// A single capital letter: an initial ("E. Smith") or the pronoun "I".
    Initial,
    /// Any other word.
    Ordinary,
}

/// The abbreviation and sentence-starter lists of one language, ready for lookups.
///
/// Fx-hashed: with the standard SipHash, the up to five lookups per period cost ~1,200
/// instructions, a fifth of sentence splitting; the keys are our own word lists, so hash
/// flooding is not a concern.
#[derive(Debug, Clone)]
pub(crate) struct AbbreviationTable {
    titles: FxHashSet<&'static str>,
    abbreviations: FxHashSet<&'static str>,
    capitalized: FxHashSet<&'static str>,
    number: FxHashSet<&'static str>,
    time: FxHashSet<&'static str>,
    starters: FxHashSet<&'static str>,
}

impl AbbreviationTable {
    /// Build the lookup sets from a language's lists.
    pub(crate) fn new(rules: &SegmentationRules) -> Self {
        let set = |words: &'static [&'static str]| words.iter().copied().collect();
        AbbreviationTable {
            titles: set(rules.titles),
            abbreviations: set(rules.abbreviations),
            capitalized: set(rules.capitalized_abbreviations),
            number: set(rules.number_abbreviations),
            time: set(rules.time_abbreviations),
            starters: set(rules.sentence_starters),
        }
    }

    /// Classify the word before a period (without the period and without leading
    /// punctuation). A hyphenated word is classified by its last part when the whole is an
    /// ordinary word ("Det.-Sgt").
    pub(crate) fn classify(&self, word: &str) -> WordBefore {
        match self.classify_whole(word) {
            WordBefore::Ordinary => match word.rsplit_once('-') {
                Some((_, last)) if !last.is_empty() => self.classify_whole(last),
                _ => WordBefore::Ordinary,
            },
            kind => kind,
        }
    }

    fn classify_whole(&self, word: &str) -> WordBefore {
        let mut chars = word.chars();
        match (chars.next(), chars.next()) {
            (None, _) => return WordBefore::Ordinary,
            (Some(c), None) if c.is_uppercase() => return WordBefore::Initial,
            _ => {}
        }
        if word.len() > MAX_ABBREVIATION_BYTES {
            return WordBefore::Ordinary;
        }
        if self.capitalized.contains(word) {
            return WordBefore::Abbreviation;
        }
        let mut buf = [0u8; MAX_ABBREVIATION_BYTES];
        let Some(lower) = ascii_lowercase(word, &mut buf) else {
            return WordBefore::Ordinary;
        };
        if self.titles.contains(lower) {
            if word.starts_with(char::is_uppercase) {
                WordBefore::Title
            } else {
                WordBefore::Abbreviation
            }
        } else if self.time.contains(lower) {
            WordBefore::Time
        } else if self.number.contains(lower) {
            WordBefore::Number
        } else if self.abbreviations.contains(lower) || is_letter_chain(word) {
            WordBefore::Abbreviation
        } else {
            WordBefore::Ordinary
        }
    }

    /// Whether `word` (any case) typically starts a sentence.
    pub(crate) fn is_sentence_starter(&self, word: &str) -> bool {
        let mut buf = [0u8; MAX_LOOKUP_BYTES];
        ascii_lowercase(word, &mut buf).is_some_and(|w| self.starters.contains(w))
    }
}

/// `word` with ASCII letters lowercased, in `buf`; `None` when it does not fit.
fn ascii_lowercase<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    let out = buf.get_mut(..bytes.len())?;
    for (o, b) in out.iter_mut().zip(bytes) {
        *o = b.to_ascii_lowercase();
    }
    Some(std::str::from_utf8(out).expect("lowercasing ASCII bytes keeps UTF-8 valid"))
}

/// Single letters joined by periods: "U.S", "e.g", "U.S.A", "a.k.a".
fn is_letter_chain(word: &str) -> bool {
    let mut letters = 0;
    let mut expect_letter = true;
    for c in word.chars() {
        if expect_letter {
            if !c.is_alphabetic() {
                return false;
            }
            letters += 1;
        } else if c != '.' {
            return false;
        }
        expect_letter = !expect_letter;
    }
    letters >= 2 && !expect_letter
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    fn table() -> AbbreviationTable {
        AbbreviationTable::new(&Language::English.segmentation_rules())
    }

    #[test]
    fn classifies_words_before_a_period() {
        let t = table();
        for (word, kind) in [
            ("Mr", WordBefore::Title),
            ("DR", WordBefore::Title),
            ("rep", WordBefore::Abbreviation),
            ("Det.-Sgt", WordBefore::Title),
            ("well-off", WordBefore::Ordinary),
            ("v", WordBefore::Abbreviation),
            ("Co", WordBefore::Abbreviation),
            ("U.S", WordBefore::Abbreviation),
            ("U.S.A", WordBefore::Abbreviation),
            ("e.g", WordBefore::Abbreviation),
            ("Ariz", WordBefore::Abbreviation),
            ("ill", WordBefore::Ordinary),
            ("No", WordBefore::Number),
            ("N°", WordBefore::Number),
            ("p", WordBefore::Number),
            ("a.m", WordBefore::Time),
            ("P.M", WordBefore::Time),
            ("E", WordBefore::Initial),
            ("I", WordBefore::Initial),
            ("house", WordBefore::Ordinary),
            ("$100.00", WordBefore::Ordinary),
            ("Jane.Doe@example.com", WordBefore::Ordinary),
            ("U.", WordBefore::Ordinary),
            ("", WordBefore::Ordinary),
        ] {
            assert_eq!(t.classify(word), kind, "{word}");
        }
    }

    #[test]
    fn starters_ignore_case() {
        let t = table();
        assert!(t.is_sentence_starter("The"));
        assert!(t.is_sentence_starter("HOWEVER"));
        assert!(!t.is_sentence_starter("Government"));
    }

    #[test]
    fn language_lists_are_lowercase_without_periods_at_the_end() {
        let rules = Language::English.segmentation_rules();
        for list in [
            rules.titles,
            rules.abbreviations,
            rules.number_abbreviations,
            rules.time_abbreviations,
            rules.sentence_starters,
        ] {
            for w in list {
                assert_eq!(*w, w.to_lowercase(), "{w}");
                assert!(!w.ends_with('.'), "{w}");
                assert!(
                    w.len() <= MAX_ABBREVIATION_BYTES.min(MAX_LOOKUP_BYTES),
                    "{w}"
                );
            }
        }
    }
}
