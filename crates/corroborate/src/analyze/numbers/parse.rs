//! Reading one quantity from tokens: qualifier, number or range, multiplier, unit.
//! Years, dates, times, ordinals and relative times ("two years ago") are not quantities.

use crate::analyze::tokens::{is_capitalized, Token, TokenKind};
use crate::lang::{lookup, Language, NumberWords};

/// The words this analyzer reads: it reads English rules.
fn lex() -> &'static NumberWords {
    Language::English.number_words()
}

/// A quantity as written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Quantity {
    /// First token (the qualifier or the number).
    pub first: usize,
    /// Token after the last one (after the unit).
    pub end: usize,
    /// Lower bound of what the text allows.
    pub low: f64,
    /// Upper bound of what the text allows.
    pub high: f64,
    /// The number itself (midpoint of a range).
    pub value: f64,
    /// Qualifier as written ("nearly", "more than"), lowercase.
    pub qualifier: String,
    /// Normalized unit ("percent", "$", "km"), empty for counts.
    pub unit: String,
    /// Vague ("several hundred"): never a disagreement.
    pub vague: bool,
}

/// Lowercased token texts of a sentence, with the tokens.
pub(crate) struct Sentence<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub lower: Vec<String>,
}

impl<'a> Sentence<'a> {
    pub fn new(text: &'a str, tokens: &'a [Token]) -> Self {
        let lower = tokens.iter().map(|t| t.text(text).to_lowercase()).collect();
        Sentence {
            text,
            tokens,
            lower,
        }
    }

    fn word(&self, i: usize) -> &str {
        self.lower.get(i).map(String::as_str).unwrap_or("")
    }

    fn adjacent(&self, i: usize) -> bool {
        // Tokens i-1 and i touch (no white space between them).
        i > 0 && i < self.tokens.len() && self.tokens[i - 1].end == self.tokens[i].start
    }
}

/// Parse a digit string: "2,000" -> 2000, "7.7" -> 7.7, "5bn" -> 5e9.
fn parse_digits(s: &str) -> Option<(f64, &str)> {
    let end = s
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .map_or(s.len(), |(i, _)| i);
    let (num, suffix) = s.split_at(end);
    let clean: String = num.chars().filter(|&c| c != ',').collect();
    // Commas must group thousands.
    if num.contains(',')
        && !num
            .split('.')
            .next()
            .unwrap_or("")
            .split(',')
            .skip(1)
            .all(|g| g.len() == 3)
    {
        return None;
    }
    clean.parse::<f64>().ok().map(|v| (v, suffix))
}

/// A spelled-out number at token `i` ("three", "twenty-five"), with the tokens it uses.
fn spelled(s: &Sentence<'_>, i: usize) -> Option<(f64, usize)> {
    let w = s.word(i);
    if let Some(v) = lookup(lex().number_words, w) {
        return Some((v, 1));
    }
    // "twenty-five"
    let (a, b) = w.split_once('-')?;
    let tens = lookup(lex().number_words, a)?;
    let ones = lookup(lex().number_words, b)?;
    (tens >= 20.0 && ones < 10.0).then_some((tens + ones, 1))
}

/// A bare number at token `i`: digits or words, then multipliers. Returns value, the
/// number of tokens used, and a unit found inside the token ("55-kilometer" -> "km").
/// A bare number: value, tokens used, the upper end of a range written in one token, and a
/// unit written in the same token.
type BareNumber = (f64, usize, Option<(f64, String)>, String);

fn number_at(s: &Sentence<'_>, i: usize) -> Option<BareNumber> {
    let tok = *s.tokens.get(i)?;
    let (mut value, mut used, mut range_high, mut unit) = match tok.kind {
        TokenKind::Number => {
            let raw = tok.text(s.text);
            // "47-48" or "55-kilometer"
            if let Some((a, b)) = raw.split_once('-') {
                let (va, sa) = parse_digits(a)?;
                if !sa.is_empty() {
                    return None;
                }
                if let Some((vb, sb)) = parse_digits(b) {
                    if !sb.is_empty() || vb < va {
                        return None;
                    }
                    (va, 1, Some(vb), String::new())
                } else {
                    let u = lookup(lex().units, &b.to_lowercase())?;
                    (va, 1, None, u.to_string())
                }
            } else {
                let (v, suffix) = parse_digits(raw)?;
                let suffix = suffix.to_lowercase();
                if suffix.is_empty() {
                    (v, 1, None, String::new())
                } else if let Some(m) = lookup(lex().multipliers, &suffix) {
                    (v * m, 1, None, String::new())
                } else if let Some(u) = lookup(lex().units, &suffix) {
                    (v, 1, None, u.to_string())
                } else {
                    return None; // ordinals ("21st"), decades ("1990s"), codes
                }
            }
        }
        TokenKind::Word => match spelled(s, i) {
            Some((v, n)) => (v, n, None, String::new()),
            // "two-minute", "four-year": a spelled number and a unit in one word.
            None if s.word(i).split_once('-').is_some_and(|(a, b)| {
                lookup(lex().number_words, a).is_some() && lookup(lex().units, b).is_some()
            }) =>
            {
                let (a, b) = s.word(i).split_once('-').expect("checked above");
                let v = lookup(lex().number_words, a).expect("checked above");
                let u = lookup(lex().units, b).expect("checked above");
                (v, 1, None, u.to_string())
            }
            // "several hundred", "a million": the multiplier alone.
            None => {
                let w = s.word(i);
                let m = lookup(lex().multipliers, w).filter(|_| w.len() > 2)?;
                let before = if i > 0 { s.word(i - 1) } else { "" };
                if !matches!(before, "several" | "a" | "few") {
                    return None;
                }
                return Some((m, 1, None, String::new()));
            }
        },
        TokenKind::Punct => return None,
    };
    // Multipliers: "7.7 million", "two hundred thousand".
    while let Some(m) = lookup(lex().multipliers, s.word(i + used)) {
        if s.word(i + used).len() <= 2 {
            break; // "m" / "k" only as suffixes
        }
        value *= m;
        range_high = range_high.map(|h| h * m);
        used += 1;
    }
    let high = range_high.map(|h| (h, String::new()));
    if unit.is_empty() {
        unit = String::new();
    }
    Some((value, used, high, unit))
}

fn is_month(w: &str) -> bool {
    Language::English
        .dates()
        .month(w.trim_end_matches('.'))
        .is_some()
}

/// The qualifier phrase starting at token `i`, with its band and length in tokens.
fn qualifier_at(s: &Sentence<'_>, i: usize) -> Option<(&'static str, f64, f64, usize)> {
    let mut best: Option<(&'static str, f64, f64, usize)> = None;
    for (words, &(phrase, lo, hi)) in phrases().qualifiers.iter().zip(lex().qualifiers) {
        if words.iter().enumerate().all(|(k, w)| s.word(i + k) == *w)
            && best.is_none_or(|b| words.len() > b.3)
        {
            best = Some((phrase, lo, hi, words.len()));
        }
    }
    best
}

/// Qualifier and unit phrases split into words once.
struct Phrases {
    qualifiers: Vec<Vec<&'static str>>,
    units: Vec<Vec<&'static str>>,
    /// Lowercase words that can start a quantity.
    starts: std::collections::HashSet<&'static str>,
}

fn phrases() -> &'static Phrases {
    static PHRASES: std::sync::OnceLock<Phrases> = std::sync::OnceLock::new();
    PHRASES.get_or_init(|| {
        let qualifiers: Vec<Vec<&str>> = lex()
            .qualifiers
            .iter()
            .map(|(p, _, _)| p.split(' ').collect())
            .collect();
        let mut starts: std::collections::HashSet<&str> = qualifiers
            .iter()
            .filter_map(|w| w.first().copied())
            .collect();
        starts.extend(lex().number_words.iter().map(|(w, _)| *w));
        starts.extend(lex().multipliers.iter().map(|(w, _)| *w));
        starts.extend(lex().currency_signs.iter().map(|(w, _)| *w));
        starts.insert("between");
        starts.extend([
            "dozens",
            "hundreds",
            "thousands",
            "millions",
            "billions",
            "tens",
        ]);
        Phrases {
            qualifiers,
            units: lex()
                .units
                .iter()
                .map(|(p, _)| p.split(' ').collect())
                .collect(),
            starts,
        }
    })
}

/// Whether a quantity can start at token `i` (a cheap test before [`quantity_at`]).
pub(crate) fn may_start(s: &Sentence<'_>, i: usize) -> bool {
    let w = s.word(i);
    s.tokens[i].kind == TokenKind::Number
        || phrases().starts.contains(w)
        || w.split_once('-')
            .is_some_and(|(a, _)| phrases().starts.contains(a))
}

/// The multiplier a plural magnitude word stands for ("hundreds" of people: 100).
pub(crate) fn magnitude(w: &str) -> Option<f64> {
    match w {
        "dozens" => Some(12.0),
        "hundreds" => Some(1e2),
        "thousands" => Some(1e3),
        "millions" => Some(1e6),
        "billions" => Some(1e9),
        _ => None,
    }
}

/// "Hundreds of people", "tens of thousands", "hundreds of thousands": a vague quantity from
/// two to ten times its magnitude, ending before the "of" that leads to the counted noun.
fn magnitude_at(s: &Sentence<'_>, i: usize) -> Option<Quantity> {
    let (mut m, mut j) = match s.word(i) {
        "tens" => (10.0, i + 1),
        w => (magnitude(w)?, i + 1),
    };
    // "hundreds of thousands", "tens of millions".
    while s.word(j) == "of" {
        match magnitude(s.word(j + 1)) {
            Some(n) if n > m => {
                m *= n;
                j += 2;
            }
            _ => break,
        }
    }
    if m == 10.0 {
        return None; // "tens" alone
    }
    Some(Quantity {
        first: i,
        end: j,
        low: 2.0 * m,
        high: 10.0 * m - 1.0,
        value: 5.0 * m,
        qualifier: String::new(),
        unit: String::new(),
        vague: true,
    })
}

/// Read the quantity that starts at token `i`, if one does.
pub(crate) fn quantity_at(s: &Sentence<'_>, i: usize) -> Option<Quantity> {
    if let Some(q) = magnitude_at(s, i) {
        return Some(q);
    }
    let mut j = i;
    let mut qualifier = None;
    if let Some(q) = qualifier_at(s, i) {
        qualifier = Some(q);
        j += q.3;
        // "more than a dozen", "nearly a million".
        if s.word(j) == "a" && lookup(lex().multipliers, s.word(j + 1)).is_some() {
            j += 1;
        }
    }
    // "between X and Y"
    let between = s.word(j) == "between";
    if between {
        j += 1;
    }
    // Currency sign.
    let mut unit = String::new();
    if let Some(u) = lookup(
        lex().currency_signs,
        s.tokens.get(j).map_or("", |t| t.text(s.text)),
    ) {
        unit = u.to_string();
        j += 1;
    }
    let start_number = j;
    let (value, used, inner_high, inner_unit) = number_at(s, j)?;
    j += used;
    if !inner_unit.is_empty() {
        unit = inner_unit;
    }
    let mut low = value;
    let mut high = inner_high.map_or(value, |h| h.0);
    // Ranges: "400 to 600", "between 14,000 and 18,000", "400-600".
    let joiner = s.word(j);
    if (between && joiner == "and") || (!between && matches!(joiner, "to" | "-" | "\u{2013}")) {
        if let Some((v2, used2, _, _)) = number_at(s, j + 1) {
            if v2 > value {
                // "2 to 3 million": the multiplier after the second number applies to both.
                let scale = if value < 1000.0 && v2 >= 1000.0 && v2 / value >= 100.0 {
                    v2 / parse_plain(s, j + 1).unwrap_or(v2)
                } else {
                    1.0
                };
                low = value * scale;
                high = v2;
                j += 1 + used2;
            }
        }
    }
    if between && low == high {
        return None;
    }
    // Unit after the number.
    let mut unit_tokens = 0;
    for (words, &(_, u)) in phrases().units.iter().zip(lex().units) {
        if words.iter().enumerate().all(|(k, w)| s.word(j + k) == *w) && words.len() > unit_tokens {
            unit_tokens = words.len();
            unit = u.to_string();
        }
    }
    j += unit_tokens;
    // Not quantities: years, dates, times, relative times.
    let raw = s.tokens[start_number].text(s.text);
    let digits_only = raw.chars().all(|c| c.is_ascii_digit());
    let prev = if start_number > 0 {
        s.word(start_number - 1)
    } else {
        ""
    };
    let next = s.word(j);
    if digits_only && raw.len() == 4 && (1800.0..=2100.0).contains(&value) && unit.is_empty() {
        return None;
    }
    if is_month(prev) || is_month(s.word(start_number + used)) {
        return None;
    }
    // "Aug. 31": the abbreviation dot stands between the month and the day.
    if prev == "." && start_number >= 2 && is_month(s.word(start_number - 2)) {
        return None;
    }
    // A bare number right after a capitalized word inside the sentence is part of a name or
    // model ("Breitling Orbiter 3", "Flight 800", "Apollo 11"), not a count.
    if digits_only && unit.is_empty() && start_number == i && start_number >= 2 {
        let before = s.tokens[start_number - 1];
        if before.kind == TokenKind::Word && is_capitalized(before.text(s.text)) {
            return None;
        }
    }
    if next == ":"
        && s.tokens
            .get(j + 1)
            .is_some_and(|t| t.kind == TokenKind::Number)
    {
        return None;
    }
    if prev == ":" && start_number >= 2 && s.tokens[start_number - 2].kind == TokenKind::Number {
        return None;
    }
    if matches!(
        next,
        "am" | "pm" | "a.m." | "p.m." | "gmt" | "ago" | "o'clock"
    ) {
        return None;
    }
    if next == "-" && s.adjacent(j) {
        return None;
    }
    if s.word(j).starts_with("year-old") || s.word(j) == "years" && s.word(j + 1) == "old" {
        return None;
    }
    // An age or a time relative to another ("13 years old", "five days later"), not a count.
    let time_unit = matches!(
        unit.as_str(),
        "years" | "months" | "weeks" | "days" | "hours" | "minutes"
    );
    if time_unit
        && matches!(
            next,
            "old" | "later" | "earlier" | "before" | "after" | "afterward" | "afterwards"
        )
    {
        return None;
    }
    // "one" alone is rarely a count worth comparing ("one woman", "one of").
    if s.tokens[start_number].kind == TokenKind::Word && value < 2.0 && used == 1 {
        return None;
    }
    let (qual_text, lo_f, hi_f, vague) = match qualifier {
        Some((p, lo, hi, _)) => (p.to_string(), lo, hi, p == "several"),
        None => (String::new(), 1.0, 1.0, false),
    };
    let (low, high, value) = if vague {
        (value * lo_f, value * hi_f, value * (lo_f + hi_f) / 2.0)
    } else {
        // The value is the number (the midpoint of a range); the bounds widen it by the
        // qualifier's band ("nearly", "more than").
        let bounded_high = if hi_f.is_infinite() {
            f64::INFINITY
        } else {
            high * hi_f
        };
        (low * lo_f, bounded_high, (low + high) / 2.0)
    };
    Some(Quantity {
        first: i,
        end: j,
        low,
        high,
        value,
        qualifier: qual_text,
        unit,
        vague,
    })
}

/// The plain value of the number at `i` without multipliers.
fn parse_plain(s: &Sentence<'_>, i: usize) -> Option<f64> {
    let tok = s.tokens.get(i)?;
    match tok.kind {
        TokenKind::Number => parse_digits(tok.text(s.text)).map(|(v, _)| v),
        _ => spelled(s, i).map(|(v, _)| v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::tokens::tokenize;

    fn first_quantity(text: &str) -> Option<Quantity> {
        let tokens = tokenize(text);
        let s = Sentence::new(text, &tokens);
        (0..tokens.len()).find_map(|i| quantity_at(&s, i))
    }

    macro_rules! quantity_cases {
        ($($name:ident: $text:expr => $expect:expr;)*) => {$(
            #[test]
            fn $name() {
                let got = first_quantity($text).map(|q| (q.low, q.high, q.qualifier, q.unit));
                let expect: Option<(f64, f64, &str, &str)> = $expect;
                assert_eq!(
                    got,
                    expect.map(|(l, h, q, u)| (l, h, q.to_string(), u.to_string())),
                    "{}", $text
                );
            }
        )*};
    }

    quantity_cases! {
        exact_count: "There were 2,000 boats." => Some((2000.0, 2000.0, "", ""));
        approximate: "about 2,000 boats" => Some((1800.0, 2200.0, "about", ""));
        nearly: "nearly 30,000 people" => Some((25500.0, 30000.0, "nearly", ""));
        more_than: "more than 72,000 people" => Some((72000.0, f64::INFINITY, "more than", ""));
        up_to: "up to 3,000 people" => Some((0.0, 3000.0, "up to", ""));
        range_to: "400 to 600 men" => Some((400.0, 600.0, "", ""));
        range_between: "between 14,000 and 18,000 men" => Some((14000.0, 18000.0, "", ""));
        range_hyphen: "aged between 47-48" => Some((47.0, 48.0, "", ""));
        millions: "7.7 million people" => Some((7.7e6, 7.7e6, "", ""));
        money: "a $5 million fund" => Some((5e6, 5e6, "", "$"));
        money_suffix: "a £2bn plan" => Some((2e9, 2e9, "", "£"));
        percent: "35 percent of staff" => Some((35.0, 35.0, "", "percent"));
        percent_sign: "rose 12% in May" => Some((12.0, 12.0, "", "percent"));
        spelled_out: "three boats sank" => Some((3.0, 3.0, "", ""));
        spelled_with_unit: "a two-minute video" => Some((2.0, 2.0, "", "minutes"));
        twenty_five: "twenty-five boats" => Some((25.0, 25.0, "", ""));
        several_hundred: "several hundred people" => Some((200.0, 900.0, "several", ""));
        year_is_not_a_count: "in 2014 the group" => None;
        date_is_not_a_count: "on February 3, 2019" => None;
        day_month_is_not_a_count: "on 5 July 2014" => None;
        relative_time: "two years ago" => None;
        time_of_day: "at 10:30 today" => None;
        ordinal: "the 21st boat" => None;
        lone_one: "one woman said" => None;
        two_dozen: "two dozen diplomats left" => Some((24.0, 24.0, "", ""));
        a_dozen: "a dozen diplomats left" => Some((12.0, 12.0, "", ""));
        abbreviated_month_day: "by Aug. 31 the talks" => None;
        name_with_number: "the Breitling Orbiter 3 balloon" => None;
        hundreds_of: "Hundreds of people came" => Some((200.0, 999.0, "", ""));
        hundreds_of_thousands: "hundreds of thousands of people" => Some((2e5, 1e6 - 1.0, "", ""));
        tens_of_thousands: "tens of thousands of people" => Some((2e4, 1e5 - 1.0, "", ""));
        tens_alone: "tens of people" => None;
        age_in_years: "a boy 13 years old" => None;
        time_later: "five days later the court" => None;
        dozens_of: "dozens of diplomats" => Some((24.0, 119.0, "", ""));
        more_than_a_dozen: "more than a dozen blows" => Some((12.0, f64::INFINITY, "more than", ""));
        flight_number: "the crash of TWA Flight 800 off" => None;
    }
}
