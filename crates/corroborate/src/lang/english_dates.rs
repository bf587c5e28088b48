//! English calendar words: month and weekday names and relative-time units.

/// Month names and abbreviations with their number (1-12).
pub const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Weekday names with their number (Monday = 0).
pub const WEEKDAYS: &[(&str, u32)] = &[
    ("monday", 0),
    ("tuesday", 1),
    ("wednesday", 2),
    ("thursday", 3),
    ("friday", 4),
    ("saturday", 5),
    ("sunday", 6),
];

/// The month number of a (lowercased, dot-free) month name or abbreviation.
pub fn month(lower: &str) -> Option<u32> {
    MONTHS.iter().find(|(m, _)| *m == lower).map(|&(_, n)| n)
}

/// The weekday number (Monday = 0) of a lowercased weekday name.
pub fn weekday(lower: &str) -> Option<u32> {
    WEEKDAYS.iter().find(|(d, _)| *d == lower).map(|&(_, n)| n)
}
