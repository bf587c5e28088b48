//! Sentence boundaries.

use std::ops::Range;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "sgt", "capt", "gov",
    "sen", "rep", "rev", "inc", "ltd", "co", "corp", "vs", "etc", "no", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "p", "pp", "e.g", "i.e",
    "a.m", "p.m", "mt", "ft", "approx", "dept", "est", "fig", "gov", "jr",
];

/// Byte ranges of the sentences of `text`, trimmed of surrounding white space.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            let mut end = i + 1;
            while end < bytes.len()
                && matches!(bytes[end], b'.' | b'!' | b'?' | b'"' | b'\'' | b')')
            {
                end += 1;
            }
            // closing curly quotes
            while text[end..].starts_with('\u{201d}') || text[end..].starts_with('\u{2019}') {
                end += 3;
            }
            let next_ws = end >= bytes.len() || bytes[end].is_ascii_whitespace();
            if next_ws && !(b == b'.' && is_abbreviation(&text[start..i])) {
                let next_upper = text[end..]
                    .trim_start()
                    .chars()
                    .next()
                    .map(|c| !c.is_lowercase())
                    .unwrap_or(true);
                if next_upper {
                    push_trimmed(text, start..end, &mut out);
                    start = end;
                }
            }
            i = end;
        } else if b == b'\n' {
            push_trimmed(text, start..i, &mut out);
            start = i + 1;
            i += 1;
        } else {
            i += 1;
        }
    }
    push_trimmed(text, start..bytes.len(), &mut out);
    out
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    (word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()))
        || ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        let start = range.start + lead;
        out.push(start..start + trimmed.len());
    }
}
