//! Language resources (stop words, abbreviations, sentence starters), keyed by language.

pub mod english;
pub mod english_dates;
pub mod english_entities;
pub mod english_furniture;
pub mod english_numbers;
pub mod english_quotes;
pub mod furniture;

/// A language whose resources the pipeline uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Language {
    /// English.
    #[default]
    English,
}

/// The word lists a rule-based sentence splitter reads for one language.
#[derive(Debug, Clone, Copy)]
pub struct SegmentationRules {
    /// Titles before a name ("mr", "dr"): never end a sentence. Lowercase.
    pub titles: &'static [&'static str],
    /// Abbreviations that may end a sentence ("co", "inc", "etc"). Lowercase.
    pub abbreviations: &'static [&'static str],
    /// Abbreviations matched case-sensitively ("Ariz", "Ill").
    pub capitalized_abbreviations: &'static [&'static str],
    /// Abbreviations written before a number ("no", "p", "pp"). Lowercase.
    pub number_abbreviations: &'static [&'static str],
    /// Clock abbreviations ("a.m", "p.m"). Lowercase.
    pub time_abbreviations: &'static [&'static str],
    /// Words that typically start a sentence ("the", "he", "however"). Lowercase.
    pub sentence_starters: &'static [&'static str],
}

impl Language {
    /// Cues of page furniture (interface labels, prompts, credits, dates).
    pub fn furniture(self) -> &'static furniture::FurnitureCues {
        match self {
            Language::English => &english_furniture::FURNITURE,
        }
    }

    /// Whether the lowercased word is a stop word.
    pub fn is_stop_word(self, lower: &str) -> bool {
        match self {
            Language::English => english::is_stop_word(lower),
        }
    }

    /// The word lists of the sentence splitter.
    pub fn segmentation_rules(self) -> SegmentationRules {
        match self {
            Language::English => SegmentationRules {
                titles: english::TITLE_ABBREVIATIONS,
                abbreviations: english::ABBREVIATIONS,
                capitalized_abbreviations: english::CAPITALIZED_ABBREVIATIONS,
                number_abbreviations: english::NUMBER_ABBREVIATIONS,
                time_abbreviations: english::TIME_ABBREVIATIONS,
                sentence_starters: english::SENTENCE_STARTERS,
            },
        }
    }
}
