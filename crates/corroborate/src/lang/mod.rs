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
pub mod stop_words;

pub use english_names::{GivenName, NameGender};

/// Look up `key` in a table of pairs.
pub fn lookup<T: Copy>(table: &[(&str, T)], key: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == key).map(|&(_, v)| v)
}

/// A set built from a word list.
pub fn set(list: &'static [&'static str]) -> std::collections::HashSet<&'static str> {
    list.iter().copied().collect()
}

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
    /// Lowercase words before a weekday, in its clause, that put it ahead of the writing
    /// ("will meet on Friday", "expected on Wednesday"): it is the coming one.
    pub future_cues: &'static [&'static str],
    /// Lowercase words that close the look back for a future cue: a report of what was said
    /// ("he will resign, he said Tuesday" is a past Tuesday).
    pub past_cues: &'static [&'static str],
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

/// The word lists for reading who said a quotation. Lowercase.
#[derive(Debug, Clone, Copy)]
pub struct QuoteWords {
    /// Reporting verbs ("said", "told").
    pub speech_verbs: &'static [&'static str],
    /// Words that open a fronted adverbial before a sentence's subject ("in", "after").
    pub fronted_adverbial_openers: &'static [&'static str],
    /// Personal pronouns that can be the subject of a reporting verb.
    pub subject_pronouns: &'static [&'static str],
    /// Phrases after the speaker that belong to the channel, not the role ("on twitter").
    pub channel_tails: &'static [&'static str],
    /// Participles of reporting verbs ("saying").
    pub participle_speech_verbs: &'static [&'static str],
    /// Reporting verbs of a parenthetical attribution only ("suggested").
    pub parenthetical_speech_verbs: &'static [&'static str],
    /// Words that say a person is a woman ("she", "mother").
    pub female_words: &'static [&'static str],
    /// Words that say a person is a man ("he", "father").
    pub male_words: &'static [&'static str],
}

/// The word lists for reading quantities. Lowercase.
#[derive(Debug, Clone, Copy)]
pub struct NumberWords {
    /// Spelled-out numbers with their value.
    pub number_words: &'static [(&'static str, f64)],
    /// Multipliers ("million") with their factor.
    pub multipliers: &'static [(&'static str, f64)],
    /// Approximation qualifiers with the band of values they allow (low, high factor).
    pub qualifiers: &'static [(&'static str, f64, f64)],
    /// Units with their canonical name.
    pub units: &'static [(&'static str, &'static str)],
    /// Currency signs with their canonical sign.
    pub currency_signs: &'static [(&'static str, &'static str)],
    /// Counted nouns with their class.
    pub noun_classes: &'static [(&'static str, &'static str)],
    /// Nouns that imply an event, with the event.
    pub noun_events: &'static [(&'static str, &'static str)],
    /// Words that name an event, with the event.
    pub event_words: &'static [(&'static str, &'static str)],
    /// Events with the gloss shown after a count.
    pub event_glosses: &'static [(&'static str, &'static str)],
    /// Prepositions after which a name is where a quantity is counted ("in", "at").
    pub locative: &'static [&'static str],
    /// Words right before a quantity that make it a part of a set or an increment
    /// ("another 187", "the other two").
    pub part_before: &'static [&'static str],
    /// Determiners after "of" that make a count a part of a set ("two of the guards").
    pub part_of: &'static [&'static str],
}

/// The word lists for finding and typing named entities.
#[derive(Debug, Clone, Copy)]
pub struct EntityWords {
    /// Titles and honorifics before a name. Lowercase.
    pub titles: &'static [&'static str],
    /// Honorifics that are no role ("mr", "ms"). Lowercase.
    pub plain_honorifics: &'static [&'static str],
    /// Nouns of a person's role ("spokesman"). Lowercase.
    pub role_nouns: &'static [&'static str],
    /// Words that mark an organisation's name. Lowercase.
    pub org_cues: &'static [&'static str],
    /// Names of well-known organisations. Lowercase.
    pub known_orgs: &'static [&'static str],
    /// Words that mark a place's name. Lowercase.
    pub place_cues: &'static [&'static str],
    /// Prepositions before a place. Lowercase.
    pub place_prepositions: &'static [&'static str],
    /// Country names. Lowercase.
    pub countries: &'static [&'static str],
    /// City names. Lowercase.
    pub cities: &'static [&'static str],
    /// Demonyms. Lowercase.
    pub demonyms: &'static [&'static str],
    /// Groups of names of one organisation or place, with their kind (`"org"`, `"place"`).
    pub aliases: &'static [(&'static str, &'static [&'static str])],
    /// Whether a lowercased word is not a name on its own.
    pub is_not_name: fn(&str) -> bool,
    /// The words that are not a name on their own, as a set.
    pub not_names: fn() -> std::collections::HashSet<&'static str>,
}

/// Word lists for showing a sentence in a summary without what spends the reader's words on
/// nothing ([`crate::summarize::display_text`]). All lowercase.
#[derive(Debug, Clone, Copy)]
pub struct DisplayCues {
    /// Section labels of newsletter-style stories, before a colon ("why it matters").
    pub newsletter_labels: &'static [&'static str],
    /// Verbs that attribute a statement to its source ("said", "according").
    pub saying_verbs: &'static [&'static str],
    /// Words that may follow such a verb besides a time ("told reporters in a statement").
    pub after_saying: &'static [&'static str],
    /// Words that open a clause with content of its own (", who said ..."), not an
    /// attribution.
    pub clause_openers: &'static [&'static str],
    /// Words naming a time relative to the article's day, besides the weekday names.
    pub relative_time: &'static [&'static str],
    /// Words that may stand beside them in a time adverbial ("earlier this week").
    pub time_filler: &'static [&'static str],
}

/// The given names of a language, with the gender they say.
#[derive(Debug, Clone, Copy)]
pub struct GivenNames {
    /// Every given name.
    pub names: &'static [GivenName],
    /// The entry for a lowercase given name.
    pub given_name: fn(&str) -> Option<&'static GivenName>,
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
    /// The word lists for reading who said a quotation.
    pub quotes: &'static QuoteWords,
    /// The word lists for reading quantities.
    pub numbers: &'static NumberWords,
    /// The word lists for finding and typing named entities.
    pub entities: &'static EntityWords,
    /// Given names.
    pub given_names: &'static GivenNames,
    /// The word lists for showing a sentence in a summary.
    pub display: &'static DisplayCues,
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
    quotes: &QuoteWords {
        speech_verbs: english_quotes::SPEECH_VERBS,
        fronted_adverbial_openers: english_quotes::FRONTED_ADVERBIAL_OPENERS,
        subject_pronouns: english_quotes::SUBJECT_PRONOUNS,
        channel_tails: english_quotes::CHANNEL_TAILS,
        participle_speech_verbs: english_quotes::PARTICIPLE_SPEECH_VERBS,
        parenthetical_speech_verbs: english_quotes::PARENTHETICAL_SPEECH_VERBS,
        female_words: english_quotes::FEMALE_WORDS,
        male_words: english_quotes::MALE_WORDS,
    },
    numbers: &NumberWords {
        number_words: english_numbers::NUMBER_WORDS,
        multipliers: english_numbers::MULTIPLIERS,
        qualifiers: english_numbers::QUALIFIERS,
        units: english_numbers::UNITS,
        currency_signs: english_numbers::CURRENCY_SIGNS,
        noun_classes: english_numbers::NOUN_CLASSES,
        noun_events: english_numbers::NOUN_EVENTS,
        event_words: english_numbers::EVENT_WORDS,
        event_glosses: english_numbers::EVENT_GLOSSES,
        locative: english_numbers::LOCATIVE,
        part_before: english_numbers::PART_BEFORE,
        part_of: english_numbers::PART_OF,
    },
    entities: &EntityWords {
        titles: english_entities::TITLES,
        plain_honorifics: english_entities::PLAIN_HONORIFICS,
        role_nouns: english_entities::ROLE_NOUNS,
        org_cues: english_entities::ORG_CUES,
        known_orgs: english_entities::KNOWN_ORGS,
        place_cues: english_entities::PLACE_CUES,
        place_prepositions: english_entities::PLACE_PREPOSITIONS,
        countries: english_entities::COUNTRIES,
        cities: english_entities::CITIES,
        demonyms: english_entities::DEMONYMS,
        aliases: english_entities::ALIASES,
        is_not_name: english_entities::is_not_name,
        not_names: english_entities::not_names,
    },
    given_names: &GivenNames {
        names: english_names::GIVEN_NAMES,
        given_name: english_names::given_name,
    },
    display: &english::DISPLAY_CUES,
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

    /// The word lists for reading who said a quotation.
    pub fn quote_words(self) -> &'static QuoteWords {
        self.resources().quotes
    }

    /// The word lists for reading quantities.
    pub fn number_words(self) -> &'static NumberWords {
        self.resources().numbers
    }

    /// The word lists for finding and typing named entities.
    pub fn entity_words(self) -> &'static EntityWords {
        self.resources().entities
    }

    /// Given names.
    pub fn given_names(self) -> &'static GivenNames {
        self.resources().given_names
    }

    /// Whether a lowercased word is not a name on its own (a common word, a month or a
    /// weekday).
    pub fn is_not_name(self, lower: &str) -> bool {
        (self.entity_words().is_not_name)(lower)
    }

    /// The word lists for showing a sentence in a summary.
    pub fn display_cues(self) -> &'static DisplayCues {
        self.resources().display
    }

    /// The entry for a lowercase given name.
    pub fn given_name(self, lower: &str) -> Option<&'static GivenName> {
        (self.given_names().given_name)(lower)
    }
}
