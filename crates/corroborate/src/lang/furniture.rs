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

/// Page-furniture words of several languages, keyed by ISO 639-1 code. The line cleaner reads
/// every language's words, since a page's interface may be in another language than its story;
/// each list only ever matches inside a short line of the shape its doc comment names, so
/// prose is never touched.
pub type Keyed = &'static [(&'static str, &'static [&'static str])];

/// The first word of a breadcrumb ("Home > Sport > Football", "Startseite » Politik").
pub const HOME_WORDS: Keyed = &[
    ("de", &["startseite", "start"]),
    ("en", &["home", "homepage", "front page"]),
    ("es", &["inicio", "portada"]),
    ("fr", &["accueil"]),
];

/// What a count next to a number counts ("7 Comments", "Read Comments (1)", "9,261 views").
pub const COUNT_WORDS: Keyed = &[
    ("de", &["kommentar", "kommentare", "antworten", "leser", "aufrufe", "bewertungen"]),
    (
        "en",
        &[
            "comment", "comments", "reply", "replies", "response", "responses", "view", "views",
            "share", "shares", "like", "likes", "vote", "votes", "rating",
            "ratings", "trackback", "trackbacks",
        ],
    ),
    ("es", &["comentario", "comentarios", "respuestas", "visitas", "votos", "lecturas"]),
    ("fr", &["commentaire", "commentaires", "réaction", "réactions", "réponses", "votes", "vues"]),
];

/// A time stamp relative to now: the words around a number and a unit ("5 days ago", "vor 3
/// Stunden", "il y a 2 jours", "hace 3 horas"). `ago` are the markers, `units` the units.
pub struct RelativeTime {
    /// Words that make a number and a unit a time in the past.
    pub ago: &'static [&'static str],
    /// Units of time, singular and plural.
    pub units: &'static [&'static str],
}

/// Relative time stamps by language.
pub const RELATIVE_TIMES: &[(&str, RelativeTime)] = &[
    (
        "de",
        RelativeTime {
            ago: &["vor"],
            units: &[
                "sekunde", "sekunden", "minute", "minuten", "min", "stunde", "stunden", "std",
                "tag", "tagen", "woche", "wochen", "monat", "monaten", "jahr", "jahren",
            ],
        },
    ),
    (
        "en",
        RelativeTime {
            ago: &["ago"],
            units: &[
                "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour",
                "hours", "hr", "hrs", "day", "days", "week", "weeks", "month", "months", "year",
                "years",
            ],
        },
    ),
    (
        "es",
        RelativeTime {
            ago: &["hace"],
            units: &[
                "segundo", "segundos", "minuto", "minutos", "hora", "horas", "día", "días",
                "semana", "semanas", "mes", "meses", "año", "años",
            ],
        },
    ),
    (
        "fr",
        RelativeTime {
            ago: &["il y a"],
            units: &[
                "seconde", "secondes", "minute", "minutes", "min", "heure", "heures", "h",
                "jour", "jours", "semaine", "semaines", "mois", "an", "ans", "année", "années",
            ],
        },
    ),
];

/// Month names of the other languages (English ones are in the English cues), for date lines.
pub const MONTHS: Keyed = &[
    (
        "de",
        &[
            "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
            "september", "oktober", "november", "dezember",
        ],
    ),
    (
        "es",
        &[
            "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
            "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
        ],
    ),
    (
        "fr",
        &[
            "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
            "octobre", "novembre", "décembre",
        ],
    ),
];

/// Weekday names of the other languages, for date lines.
pub const WEEKDAYS: Keyed = &[
    (
        "de",
        &["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag"],
    ),
    ("es", &["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]),
    ("fr", &["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]),
];

/// Other words of a date or time stamp in the other languages ("3 de enero de 2008", "am 3.
/// Januar 2008 um 10:32 Uhr", "publié le 3 janvier").
pub const DATE_FILLERS: Keyed = &[
    ("de", &["am", "um", "uhr", "veröffentlicht", "aktualisiert", "stand", "mez", "mesz"]),
    ("es", &["de", "del", "el", "publicado", "actualizado", "a", "las", "hs"]),
    ("fr", &["le", "à", "h", "publié", "mis", "jour", "modifié"]),
];

/// Words before an author's name in a byline ("Von Jane Doe", "Par Jane Doe", "Por Jane Doe",
/// "Author: Jane Doe").
pub const BYLINE_OPENERS: Keyed = &[
    ("de", &["von", "autor", "autorin", "text"]),
    ("en", &["author", "authors", "posted by", "written by", "reported by"]),
    ("es", &["por", "autor", "autora"]),
    ("fr", &["par", "auteur", "auteure"]),
];

/// Openings of a reply's header or of a quoted post ("Re: ...", "Quote from Ann", "Zitat von
/// Ann"), lowercase.
pub const REPLY_OPENINGS: Keyed = &[
    ("de", &["aw:", "zitat von", "zitat:"]),
    ("en", &["re:", "quote from", "quote:"]),
    ("es", &["cita de"]),
    ("fr", &["citation de"]),
    // Swedish, Danish and Norwegian "svar".
    ("sv", &["sv:"]),
];

/// Endings of a line that introduces a quoted post ("Ann wrote:", "Ann schrieb:"), lowercase.
pub const REPLY_ENDINGS: Keyed = &[
    ("de", &["schrieb:"]),
    ("en", &["wrote:", "wrote: \u{2191}", "said:"]),
    ("es", &["escribió:"]),
    ("fr", &["a écrit :", "a écrit:"]),
];

/// Every phrase of every language of `keyed`.
pub fn all_languages(keyed: Keyed) -> impl Iterator<Item = &'static str> {
    keyed.iter().flat_map(|(_, words)| words.iter().copied())
}

/// Whether `word` is in the list of any language of `keyed`.
pub fn any_language(keyed: Keyed, word: &str) -> bool {
    keyed.iter().any(|(_, words)| words.contains(&word))
}
