//! A sentence as a summary shows it: its source text without the words that spend a reader's
//! budget on nothing the summary needs. One implementation for the summary, the brief and the
//! evaluation (what is shown is what ROUGE scores and what the word budget counts,
//! [`Sentence::words`](crate::prepared::Sentence::words)); the sentence's byte span still
//! points at the whole sentence in its source, so a citation shows where it came from.
//!
//! Left out (English rules, each general and checked to keep the sentence grammatical):
//! - a wire dateline ("BONN, April 2 (Xinhua) --") or a newsletter label ("Why it matters:")
//!   in front, and a wire editor's initials after the end ("rr/sof");
//! - a trailing attribution of a statement that quotes no one ("..., officials said
//!   Tuesday."): the summary cites the sentence's source anyway.
//!
//! Measured and not kept (they did not help on two of the three summarization sets): asides
//! in brackets, a leading relative time ("On Tuesday, ..."), "also"
//! (`docs/notes/update.md`).

use crate::lang::{DisplayCues, Language};
use std::borrow::Cow;

/// `text` as a summary shows it (see the module documentation); the text itself, trimmed,
/// when nothing is left out.
pub fn display_text(text: &str) -> Cow<'_, str> {
    display_text_in(Language::English, text)
}

/// [`display_text`] with the word lists of `lang`.
fn display_text_in(lang: Language, text: &str) -> Cow<'_, str> {
    let cues = lang.display_cues();
    let t = text.trim();
    let t = strip_dateline(t).unwrap_or(t);
    let t = strip_label(cues, t).unwrap_or(t);
    let t = strip_signature(t).unwrap_or(t);
    match drop_attribution(lang, cues, t) {
        Some(shorter) => Cow::Owned(shorter),
        None => Cow::Borrowed(t),
    }
}

/// Dashes a wire dateline ends with.
const DATELINE_DASHES: &[&str] = &["--", "\u{2014}", "\u{2013}", "_", "-"];

/// The text after a wire dateline: a place in capitals ("BONN", "NEW YORK", "DEIR AL-ZOR
/// PROVINCE, Syria"), optionally a date ("April 2") and an agency in brackets ("(Xinhua)",
/// "(AP)"), then a dash. `None` when the sentence does not open with one.
fn strip_dateline(t: &str) -> Option<&str> {
    // "(CNN)The United States ...", "(Reuters) - The ...": an agency alone in brackets.
    if let Some(r) = t.strip_prefix('(') {
        let close = r.find(')').filter(|&k| (2..=20).contains(&k))?;
        let agency = &r[..close];
        if !agency.starts_with(|c: char| c.is_uppercase()) || agency.split_whitespace().count() > 3
        {
            return None;
        }
        let mut body = r[close + 1..].trim_start();
        if let Some(dash) = DATELINE_DASHES.iter().find(|d| body.starts_with(**d)) {
            body = body[dash.len()..].trim_start();
        }
        return body.starts_with(|c: char| c.is_uppercase()).then_some(body);
    }
    // The place: words in capitals (at least two letters in all).
    let place_end = t
        .char_indices()
        .find(|&(_, c)| !(c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-' | '\u{2019}')))
        .map_or(t.len(), |(k, _)| k);
    let place = t[..place_end].trim_end_matches([' ', '-']);
    if place.chars().filter(|c| c.is_uppercase()).count() < 2 {
        return None;
    }
    let mut rest = &t[place.len()..];
    // "ISTANBUL (Turkey), August 21 (Xinhua) --": a region in brackets after the place.
    if let Some(r) = rest.trim_start().strip_prefix('(') {
        if let Some(close) = r.find(')').filter(|&k| k <= 30) {
            if r[close + 1..].starts_with(',') {
                rest = &r[close + 1..];
            }
        }
    }
    // ", Syria", ", April 2", ", Feb. 11": up to three words before the agency or the dash.
    if let Some(r) = rest.strip_prefix(',') {
        let stop = r
            .find(['(', '\u{2014}', '\u{2013}', '_'])
            .or_else(|| r.find(" -"))
            .filter(|&k| k <= 40 && r[..k].split_whitespace().count() <= 4)?;
        rest = &r[stop..];
    }
    let mut rest = rest.trim_start();
    if let Some(r) = rest.strip_prefix('(') {
        let close = r.find(')').filter(|&k| k <= 30)?;
        if !r[..close].starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        rest = r[close + 1..].trim_start();
    }
    let dash = DATELINE_DASHES.iter().find(|d| rest.starts_with(**d))?;
    let body = rest[dash.len()..].trim_start();
    // The dateline must leave a sentence that opens like one.
    body.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"\u{201c}'".contains(c))
        .then_some(body)
}

/// The text after a furniture label and its colon, when the sentence opens with one.
fn strip_label<'t>(cues: &DisplayCues, t: &'t str) -> Option<&'t str> {
    let colon = t.find(':').filter(|&k| k <= 30)?;
    let label = t[..colon].trim().to_lowercase();
    if !cues.newsletter_labels.contains(&label.as_str()) {
        return None;
    }
    let body = t[colon + 1..].trim_start();
    (!body.is_empty()).then_some(body)
}

/// The text before a wire editor's signature after its last sentence ("... currency.
/// rr/sof"): lowercase initials joined by slashes.
fn strip_signature(t: &str) -> Option<&str> {
    let (body, last) = t.rsplit_once(char::is_whitespace)?;
    let initials = last
        .split('/')
        .all(|part| (1..=4).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_lowercase()));
    let body = body.trim_end();
    (last.contains('/') && initials && body.ends_with(['.', '!', '?', '"', '\u{201d}']))
        .then_some(body)
}

/// Quotation marks of every style: a sentence quoting someone keeps its speaker.
fn quotes(t: &str) -> bool {
    t.contains(['"', '\u{201c}', '\u{201d}']) || t.contains("``") || t.contains("''")
}

/// A statement without its trailing attribution: "The toll rose to 31, officials said
/// Tuesday." -> "The toll rose to 31." Only when the sentence quotes no one (a quotation
/// keeps its speaker), the attribution is short (a speaker of at most five words, at most
/// four words after the verb, naming an audience, a medium or a time) and what is left is a clause of at least
/// six words.
fn drop_attribution(lang: Language, cues: &DisplayCues, t: &str) -> Option<String> {
    if quotes(t) {
        return None;
    }
    let body = t.strip_suffix('.')?;
    let comma = body.rfind(',')?;
    let (head, tail) = (&body[..comma], &body[comma + 1..]);
    let words: Vec<String> = tail.split_whitespace().map(|w| w.to_lowercase()).collect();
    let first = words.first()?;
    if cues.clause_openers.contains(&first.as_str()) {
        return None;
    }
    let verb = words
        .iter()
        .position(|w| cues.saying_verbs.contains(&w.as_str()))?;
    let after = &words[verb + 1..];
    if words[verb] == "according" {
        if verb != 0 || after.first().map(String::as_str) != Some("to") || after.len() > 6 {
            return None;
        }
    } else if verb > 5
        || after.len() > 4
        || !after.iter().all(|w| {
            let w = w.trim_end_matches(',');
            cues.after_saying.contains(&w)
                || cues.relative_time.contains(&w)
                || lang.dates().weekday(w).is_some()
                || cues.time_filler.contains(&w)
        })
    {
        return None;
    }
    if head.split_whitespace().count() < 6 || head.ends_with([',', ';', ':']) {
        return None;
    }
    Some(if head.ends_with('.') {
        head.to_string()
    } else {
        format!("{head}.")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_and_labels_leave_the_displayed_text() {
        for (raw, shown) in [
            (
                "BONN, April 2 (Agency) -- The ministers met on Tuesday.",
                "The ministers met on Tuesday.",
            ),
            (
                "KESSEL (Wire) - The harbor reopened.",
                "The harbor reopened.",
            ),
            ("NEW KESSEL _ The harbor reopened.", "The harbor reopened."),
            (
                "OLD PORT, Kesselland \u{2014} The harbor reopened.",
                "The harbor reopened.",
            ),
            ("(Wire)The harbor reopened.", "The harbor reopened."),
            (
                "Why it matters: The harbor reopened.",
                "The harbor reopened.",
            ),
            ("The big picture: Trade is back.", "Trade is back."),
            ("US troops stayed.", "US troops stayed."),
            (
                "IS fighters - the last ones - left.",
                "IS fighters - the last ones - left.",
            ),
            ("The mayor said: We reopen.", "The mayor said: We reopen."),
            (
                "OLD PORT (Kesselland), May 3 (Wire) -- The harbor reopened.",
                "The harbor reopened.",
            ),
            ("The harbor reopened. ab/cde", "The harbor reopened."),
            (
                "The harbor reopened and/or closed",
                "The harbor reopened and/or closed",
            ),
        ] {
            assert_eq!(display_text(raw), shown, "{raw}");
        }
    }

    #[test]
    fn a_trailing_attribution_leaves_a_statement_that_quotes_no_one() {
        for (raw, shown) in [
            (
                "The toll in the harbor fire rose to 31, officials said Tuesday.",
                "The toll in the harbor fire rose to 31.",
            ),
            (
                "Three boats burned at the pier overnight, the port authority told reporters.",
                "Three boats burned at the pier overnight.",
            ),
            (
                "Ferries will run again from the north pier, according to the harbor office.",
                "Ferries will run again from the north pier.",
            ),
            (
                "KESSEL (Wire) -- The pier will reopen next week for ferries, he said.",
                "The pier will reopen next week for ferries.",
            ),
            // What was said stays: a clause with content, a quotation, a short statement.
            (
                "The mayor met the harbor master, who said the pier would reopen.",
                "The mayor met the harbor master, who said the pier would reopen.",
            ),
            (
                "Ada Varga, the owner of the ferry company, says not to worry.",
                "Ada Varga, the owner of the ferry company, says not to worry.",
            ),
            (
                "\"We lost everything in the fire,\" the owner said.",
                "\"We lost everything in the fire,\" the owner said.",
            ),
            (
                "The pier is closed, he said.",
                "The pier is closed, he said.",
            ),
        ] {
            assert_eq!(display_text(raw), shown, "{raw}");
        }
    }
}
