//! English calendar words: month and weekday names and relative-time units.

/// Month names, January first. The one list of English month names: the other tables
/// (`MONTHS`, the furniture cues, the context cues' time nouns) are built from it.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month abbreviations ("may" is a name), with their month numbers in
/// `ABBREVIATION_MONTHS`.
pub const MONTH_ABBREVIATIONS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// The month number (1-12) of each of [`MONTH_ABBREVIATIONS`].
const ABBREVIATION_MONTHS: [u32; 12] = [1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12];

/// Weekday names, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Weekday abbreviations.
pub const WEEKDAY_ABBREVIATIONS: [&str; 10] = [
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];

const fn month_table() -> [(&'static str, u32); 24] {
    let mut out = [("", 0); 24];
    let mut i = 0;
    while i < 12 {
        out[i] = (MONTH_NAMES[i], i as u32 + 1);
        out[12 + i] = (MONTH_ABBREVIATIONS[i], ABBREVIATION_MONTHS[i]);
        i += 1;
    }
    out
}

const fn weekday_table() -> [(&'static str, u32); 7] {
    let mut out = [("", 0); 7];
    let mut i = 0;
    while i < 7 {
        out[i] = (WEEKDAY_NAMES[i], i as u32);
        i += 1;
    }
    out
}

/// Month names and abbreviations with their number (1-12).
pub const MONTHS: &[(&str, u32)] = &month_table();

/// Weekday names with their number (Monday = 0).
pub const WEEKDAYS: &[(&str, u32)] = &weekday_table();

/// The calendar words of English.
pub static CALENDAR: super::CalendarWords = super::CalendarWords {
    months: MONTHS,
    weekdays: WEEKDAYS,
    future_cues: &[
        "will", "shall", "expected", "scheduled", "due", "plans", "plan", "next", "slated",
        "upcoming",
    ],
    past_cues: &[
        "said", "says", "told", "announced", "reported", "added", "was", "were", "had", "did",
    ],
};

/// The month number of a (lowercased, dot-free) month name or abbreviation.
pub fn month(lower: &str) -> Option<u32> {
    MONTHS.iter().find(|(m, _)| *m == lower).map(|&(_, n)| n)
}

/// The weekday number (Monday = 0) of a lowercased weekday name.
pub fn weekday(lower: &str) -> Option<u32> {
    WEEKDAYS.iter().find(|(d, _)| *d == lower).map(|&(_, n)| n)
}
