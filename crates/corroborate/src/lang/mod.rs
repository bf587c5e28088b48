//! Language resources (stop words, abbreviations, sentence starters, calendar and number
//! words), keyed by language: the rest of the crate reaches them through
//! [`Language::resources`] (or the shortcuts on [`Language`]), not through a language's module.

pub mod english;
pub mod english_dates;
pub mod english_entities;
pub mod english_furniture;
pub mod english_names;
pub mod english_numbers;
pub mod english_quotes;
pub mod furniture;
pub mod interface_labels;

/// Word lists concatenated at compile time, so that each word is written in one table only
/// (`N` is the total length; a wrong `N` fails the build).
pub(crate) const fn concat<const N: usize>(parts: &[&[&'static str]]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut k = 0;
    let mut i = 0;
    while i < parts.len() {
        let mut j = 0;
        while j < parts[i].len() {
            out[k] = parts[i][j];
            k += 1;
            j += 1;
        }
        i += 1;
    }
    assert!(k == N, "concat: N is not the total length");
    out
}

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

/// Month and weekday names of a language, lowercase, with their numbers.
#[derive(Debug, Clone, Copy)]
pub struct CalendarWords {
    /// Month names and abbreviations with their number (1-12).
    pub months: &'static [(&'static str, u32)],
    /// Weekday names with their number (Monday = 0).
    pub weekdays: &'static [(&'static str, u32)],
}

impl CalendarWords {
    /// The month number of a lowercased, dot-free month name or abbreviation.
    pub fn month(&self, lower: &str) -> Option<u32> {
        self.months.iter().find(|(m, _)| *m == lower).map(|&(_, n)| n)
    }

    /// The weekday number (Monday = 0) of a lowercased weekday name.
    pub fn weekday(&self, lower: &str) -> Option<u32> {
        self.weekdays.iter().find(|(d, _)| *d == lower).map(|&(_, n)| n)
    }
}

/// Every word list of a language, reached through its key: [`Language::resources`].
#[derive(Debug)]
pub struct Resources {
    /// Month and weekday names.
    pub calendar: &'static CalendarWords,
    /// Whether a lowercased word is a stop word.
    pub is_stop_word: fn(&str) -> bool,
    /// The value of a number word ("twelve", "Forty-two"), any case.
    pub number_word: fn(&str) -> Option<u32>,
    /// Cues of a sentence opening that leans on the previous sentence.
    pub context_cues: &'static ContextCues,
    /// Cues of page furniture (interface labels, prompts, credits, dates).
    pub furniture: &'static furniture::FurnitureCues,
    /// The word lists of the sentence splitter.
    pub segmentation: SegmentationRules,
}

/// The resources of English.
static ENGLISH: Resources = Resources {
    calendar: &english_dates::CALENDAR,
    is_stop_word: english::is_stop_word,
    number_word: english_numbers::number_word,
    context_cues: &english::CONTEXT_CUES,
    furniture: &english_furniture::FURNITURE,
    segmentation: SegmentationRules {
        titles: english::TITLE_ABBREVIATIONS,
        abbreviations: english::ABBREVIATIONS,
        capitalized_abbreviations: english::CAPITALIZED_ABBREVIATIONS,
        number_abbreviations: english::NUMBER_ABBREVIATIONS,
        time_abbreviations: english::TIME_ABBREVIATIONS,
        sentence_starters: english::SENTENCE_STARTERS,
    },
};

impl Language {
    /// Every word list of the language.
    pub fn resources(self) -> &'static Resources {
        match self {
            Language::English => &ENGLISH,
        }
    }

    /// Month and weekday names.
    pub fn dates(self) -> &'static CalendarWords {
        self.resources().calendar
    }

    /// The value of a number word ("twelve", "Forty-two"), any case.
    pub fn number_word(self, word: &str) -> Option<u32> {
        (self.resources().number_word)(word)
    }

    /// Cues of a sentence opening that leans on the previous sentence.
    pub fn context_cues(self) -> &'static ContextCues {
        self.resources().context_cues
    }

    /// Cues of page furniture (interface labels, prompts, credits, dates).
    pub fn furniture(self) -> &'static furniture::FurnitureCues {
        self.resources().furniture
    }

    /// Whether the lowercased word is a stop word.
    pub fn is_stop_word(self, lower: &str) -> bool {
        (self.resources().is_stop_word)(lower)
    }

    /// The word lists of the sentence splitter.
    pub fn segmentation_rules(self) -> SegmentationRules {
        self.resources().segmentation
    }
}
