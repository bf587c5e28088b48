//! Page-furniture cues: the words a language's web pages and wire services put around a
//! story. The cleaner's patterns read them through [`crate::lang::Language::furniture`].

/// A phrase that marks a line as furniture when the line has at most `max_words` words.
#[derive(Debug, Clone, Copy)]
pub struct Cue {
    /// Lowercase phrase searched inside the normalized line.
    pub phrase: &'static str,
    /// Longest line (in words) the cue may remove.
    pub max_words: usize,
    /// Machine-readable reason.
    pub reason: &'static str,
    /// A strong cue also removes a line that ends like a sentence; a weak one only removes
    /// lines without sentence punctuation (a sentence may well say "subscribe to a theory").
    pub strong: bool,
}

/// A weak cue.
pub(crate) const fn cue(phrase: &'static str, max_words: usize, reason: &'static str) -> Cue {
    Cue {
        phrase,
        max_words,
        reason,
        strong: false,
    }
}

/// A strong cue.
pub(crate) const fn strong(phrase: &'static str, max_words: usize, reason: &'static str) -> Cue {
    Cue {
        phrase,
        max_words,
        reason,
        strong: true,
    }
}

/// The furniture cues of one language.
#[derive(Debug)]
pub struct FurnitureCues {
    /// Whole lines that are interface labels when they stand alone.
    pub labels: &'static [&'static str],
    /// Last words of a short image label ("... map", "... photo").
    pub media_words: &'static [&'static str],
    /// Words only found in the text of decorative images.
    pub decoration_words: &'static [&'static str],
    /// Words of buttons and icons.
    pub button_words: &'static [&'static str],
    /// Phrases of interface text, forms, prompts and notices.
    pub cues: &'static [Cue],
    /// Words opening a credit ("Photo: ...", "(Image: ...)").
    pub credit_words: &'static [&'static str],
    /// Short agency names that close a caption ("(AP)", "REUTERS/Name").
    pub photo_agencies: &'static [&'static str],
    /// Agency names that credit a picture alone or in closing brackets.
    pub agency_names: &'static [&'static str],
    /// Labels opening a link to another page ("MORE: ...").
    pub link_prefixes: &'static [&'static str],
    /// Month names and abbreviations.
    pub months: &'static [&'static str],
    /// Weekday names and abbreviations.
    pub weekdays: &'static [&'static str],
    /// Other words of a date or time stamp.
    pub date_fillers: &'static [&'static str],
    /// Words before a name in a byline ("By", "Posted by").
    pub byline_words: &'static [&'static str],
}
