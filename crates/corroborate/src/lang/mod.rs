//! Language resources (stop words, abbreviations, sentence starters), keyed by language.

pub mod english;
pub mod english_dates;
pub mod english_entities;
pub mod english_furniture;
pub mod english_names;
pub mod english_numbers;
pub mod english_quotes;
pub mod furniture;
pub mod interface_labels;

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

/// Word lists that make a sentence's opening lean on the sentence before it: a pronoun or a
/// demonstrative as subject ("He said", "This is the second time"), a quantity of something
/// named before ("Four of them"), a connective that presupposes a previous clause ("But",
/// "However", "In addition"), a pointer back ("The latter", "The two"). All lowercase; see
/// [`crate::summarize::leans_back`] for how they are matched.
#[derive(Debug, Clone, Copy)]
pub struct ContextCues {
    /// Personal and possessive pronouns ("he", "their").
    pub pronouns: &'static [&'static str],
    /// Demonstratives ("this", "those").
    pub demonstratives: &'static [&'static str],
    /// Nouns that make a demonstrative a time expression ("this week", "this Monday").
    pub time_nouns: &'static [&'static str],
    /// Words that may stand between a demonstrative and a time noun ("this past week").
    pub time_modifiers: &'static [&'static str],
    /// Words that open a short introductory phrase before the subject ("later, she said"),
    /// besides function words and words ending in "-ed", "-ing" or "-ly".
    pub intro_words: &'static [&'static str],
    /// Words after a demonstrative that make it generic ("those who").
    pub demonstrative_exceptions: &'static [&'static str],
    /// Verbs after "it" that may start an extraposition ("it is", "it seems").
    pub it_verbs: &'static [&'static str],
    /// Words soon after "it is" that make "it" a dummy subject ("it is unclear whether").
    pub extraposition: &'static [&'static str],
    /// Pronouns after "of" in a partitive ("four of them").
    pub of_pronouns: &'static [&'static str],
    /// Connectives and pointer phrases that presuppose a previous clause; a phrase ending in
    /// "," matches only with its comma ("besides,").
    pub connectives: &'static [&'static str],
    /// Words after a connective that make it a preposition ("instead of", "so far").
    pub connective_exceptions: &'static [&'static str],
    /// Pointer phrases that are also adjectives ("the former president").
    pub former_words: &'static [&'static str],
    /// Words after such a phrase that make it a pointer ("the former was").
    pub former_followers: &'static [&'static str],
}

impl Language {
    /// Cues of a sentence opening that leans on the previous sentence.
    pub fn context_cues(self) -> &'static ContextCues {
        match self {
            Language::English => &english::CONTEXT_CUES,
        }
    }

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
