//! Furniture patterns: lines that are page furniture whatever surrounds them (interface labels,
//! comment and login forms, share and subscribe prompts, photo credits, bylines, time stamps,
//! separators). The cue words come from the language resources.

use super::line_features::{Ending, LineFeatures};
use crate::lang::furniture::{self as cues_of, any_language, Cue, FurnitureCues};
use crate::lang::Language;
use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::Anchored;
use std::sync::OnceLock;

/// A pattern that matched: a stable reason key and a human explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternMatch {
    /// Machine-readable reason.
    pub reason: &'static str,
    /// Human explanation.
    pub detail: String,
}

fn hit(reason: &'static str, detail: impl Into<String>) -> Option<PatternMatch> {
    Some(PatternMatch {
        reason,
        detail: detail.into(),
    })
}

/// Matches lines against the universal furniture patterns of one language.
#[derive(Debug, Clone, Default)]
pub struct FurniturePatterns {
    /// Language whose cue words are matched.
    pub language: Language,
}

impl FurniturePatterns {
    /// The first pattern `line` (trimmed, with features `f`) matches, if any.
    pub fn matches(&self, line: &str, f: &LineFeatures) -> Option<PatternMatch> {
        let cues = self.language.furniture();
        if !f.has_alphanumeric {
            return hit("separator", "line of symbols only (a separator)");
        }
        if is_markup(line) {
            return hit("markup", "markup codes only");
        }
        // One byte search for each opening character before the substring searches, which
        // cost a searcher set-up per line.
        if line.contains('%') && (line.contains("%s") || line.contains("%d"))
            || line.contains('{') && line.contains("{{")
        {
            return hit("template_text", "unfilled page template placeholder");
        }
        let label = label_form(&f.lower);
        if f.words <= 8 && cues.labels.contains(&label) {
            return hit("interface_label", format!("interface label \"{label}\""));
        }
        if f.words <= 4 && crate::lang::interface_labels::is_interface_label(label) {
            return hit("interface_label", format!("interface label \"{label}\""));
        }
        if let Some(m) = media_label(cues, f) {
            return Some(m);
        }
        if f.words <= 16 && !ends_like_text(f) {
            let buttons = f
                .key
                .split(' ')
                .filter(|w| cues.button_words.contains(w))
                .count();
            if buttons >= 4 && buttons * 2 >= f.words {
                return hit("interface_label", "a row of buttons and icons");
            }
        }
        if let Some(m) = photo_credit(cues, line, f) {
            return Some(m);
        }
        if let Some(m) = related_link(cues, line, f) {
            return Some(m);
        }
        if let Some(m) = navigation_row(line, f) {
            return Some(m);
        }
        if is_legal_line(&f.lower, f) {
            return hit("legal_notice", "a copyright line");
        }
        if let Some(cue) = first_cue(self.language, f) {
            return hit(cue.reason, format!("contains \"{}\"", cue.phrase));
        }
        if let Some(m) = contact_or_link(f) {
            return Some(m);
        }
        if is_count_label(f) {
            return hit("count_label", "a count of comments, views or shares");
        }
        if is_date_line(cues, &f.lower) || is_relative_time(f) {
            return hit("dateline", "a date or time stamp only");
        }
        if is_dated_credit(cues, line, f) {
            return hit(
                "stamp_line",
                "a date with only names around it (a byline or a stamp)",
            );
        }
        if let Some(m) = byline(cues, line, f) {
            return Some(m);
        }
        if f.words <= 4
            && !f.ending.is_sentence()
            && line.split_whitespace().next().is_some_and(is_glued_slug)
        {
            return hit("image_label", "an image's file name glued to its label");
        }
        None
    }
}

/// A token made of three or more hyphen-joined words of letters, two of them run together
/// without a space ("Abu-Bakr-al-NameName"): the name of an image file, as pages print it
/// before the picture's label. A lowercase letter directly followed by an uppercase one
/// marks the join; three parts keep out names such as "Jean-Marie" or "McDonald-Smith".
fn is_glued_slug(token: &str) -> bool {
    let parts: Vec<&str> = token.split('-').collect();
    parts.len() >= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(char::is_alphabetic))
        && token
            .chars()
            .zip(token.chars().skip(1))
            .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// The cue phrases of a language in one automaton, with the longest lines they may remove.
struct CueIndex {
    /// The DFA itself rather than `AhoCorasick`, walked by [`first_cue`]'s own loop: the
    /// crate's overlapping search keeps its position in a state struct and cost twice as many
    /// instructions per byte.
    phrases: DFA,
    /// Largest `max_words` of any cue.
    max_words: usize,
    /// Largest `max_words` of a strong cue.
    max_strong_words: usize,
}

impl CueIndex {
    fn of(language: Language) -> &'static CueIndex {
        static ENGLISH: OnceLock<CueIndex> = OnceLock::new();
        let cell = match language {
            Language::English => &ENGLISH,
        };
        cell.get_or_init(|| {
            let cues = language.furniture().cues;
            CueIndex {
                // A DFA: a hundred short phrases make a small table, and it scans a line
                // several times faster than the default NFA.
                phrases: DFA::builder()
                    .prefilter(false)
                    .build(cues.iter().map(|c| c.phrase))
                    .expect("the cue phrases build an automaton"),
                max_words: cues.iter().map(|c| c.max_words).max().unwrap_or(0),
                max_strong_words: cues
                    .iter()
                    .filter(|c| c.strong)
                    .map(|c| c.max_words)
                    .max()
                    .unwrap_or(0),
            }
        })
    }
}

/// The first cue, in list order, that the line contains and whose limits it meets.
///
/// One Aho-Corasick scan of the line instead of a substring search per cue: the cue loop was a
/// tenth of the cleaning time.
fn first_cue(language: Language, f: &LineFeatures) -> Option<&'static Cue> {
    let index = CueIndex::of(language);
    let weak_apply = !ends_like_text(f) || f.words <= 4;
    let limit = if weak_apply {
        index.max_words
    } else {
        index.max_strong_words
    };
    if f.words > limit {
        return None;
    }
    let cues = language.furniture().cues;
    let dfa = &index.phrases;
    // Every match, overlapping ones included: each match state reports all the phrases that
    // end at its position.
    let mut sid = dfa
        .start_state(Anchored::No)
        .expect("the DFA has an unanchored start state");
    let mut first: Option<usize> = None;
    for &b in f.lower.as_bytes() {
        sid = dfa.next_state(Anchored::No, sid, b);
        if !dfa.is_special(sid) {
            continue;
        }
        if dfa.is_dead(sid) {
            break;
        }
        for k in 0..dfa.match_len(sid) {
            let i = dfa.match_pattern(sid, k).as_usize();
            if f.words <= cues[i].max_words
                && (cues[i].strong || weak_apply)
                && first.is_none_or(|j| i < j)
            {
                first = Some(i);
            }
        }
    }
    first.map(|i| &cues[i])
}

/// The line ends like running text: a sentence, or a colon introducing a quote or list.
fn ends_like_text(f: &LineFeatures) -> bool {
    f.ending.is_sentence() || f.ending == Ending::Colon
}

/// The line as a label: lowercase, without leading bullets or trailing punctuation.
fn label_form(lower: &str) -> &str {
    lower
        .trim_start_matches(|c: char| {
            matches!(
                c,
                '•' | '►' | '▶' | '*' | '-' | '–' | '—' | '#' | '>' | '|' | '·' | '/'
            ) || c.is_whitespace()
        })
        .trim_end_matches(|c: char| {
            matches!(c, ':' | '.' | '!' | ',' | ';' | '»' | '›' | '>' | '|') || c.is_whitespace()
        })
}

/// Only SGML/HTML entity codes or tags (`&QL;`, `<br>`), perhaps with symbols.
fn is_markup(line: &str) -> bool {
    line.split_whitespace().all(|t| {
        (t.starts_with('&') && t.ends_with(';') && t.len() <= 10)
            || (t.starts_with('<') && t.ends_with('>'))
            || !t.chars().any(char::is_alphanumeric)
    })
}

/// The alternative text of an image: "Harbor map", "Facebook photo", "Presentational line".
fn media_label(cues: &FurnitureCues, f: &LineFeatures) -> Option<PatternMatch> {
    if f.ending.is_sentence() || f.words > 5 {
        return None;
    }
    let words: Vec<&str> = f.key.split(' ').collect();
    if let Some(w) = words.iter().find(|w| cues.decoration_words.contains(w)) {
        return hit("media_label", format!("decorative image text (\"{w}\")"));
    }
    let last = words.last()?;
    if f.words <= 3 && cues.media_words.contains(last) {
        return hit("media_label", format!("image label ending in \"{last}\""));
    }
    None
}

/// Longest caption removed for the agency credit that closes it, in words.
const MAX_CREDITED_CAPTION_WORDS: usize = 40;

/// Photo captions and credits: "(Image: AGENCY)", "Photo: Name", "Photo by Name",
/// "... (AP)", "AGENCY/Name".
fn photo_credit(cues: &FurnitureCues, line: &str, f: &LineFeatures) -> Option<PatternMatch> {
    let lower = &f.lower;
    // "(Image: X)" anywhere.
    for (i, _) in lower.match_indices('(') {
        let rest = &lower[i + 1..];
        let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        if cues.credit_words.contains(&word.as_str()) && rest[word.len()..].starts_with(':') {
            return hit("photo_credit", format!("photo credit \"({word}: ...)\""));
        }
    }
    // "Photo: X" or "Photo by X" opening a short line.
    let first = lower
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    if f.words <= 15
        && (!f.ending.is_sentence() || f.words <= 6)
        && cues.credit_words.contains(&first)
    {
        let rest = lower[first.len()..].trim_start();
        if rest.starts_with(':')
            || rest.starts_with("by ")
            || rest.starts_with("via ")
            || rest.starts_with("courtesy ")
        {
            return hit("photo_credit", format!("credit line starting \"{first}\""));
        }
    }
    if f.words <= 3 && cues.agency_names.contains(&label_form(lower)) {
        return hit("photo_credit", "agency name alone (a picture credit)");
    }
    if f.words <= 8 && !f.ending.is_sentence() && !f.has_url {
        // "Name / Agency / Agency": a chain of credits.
        let segments: Vec<&str> = line.split('/').collect();
        if segments.len() >= 3
            && segments.iter().all(|s| {
                s.trim_start().starts_with(char::is_uppercase) && s.split_whitespace().count() <= 4
            })
        {
            return hit(
                "credit_line",
                "chain of credits or sources separated by slashes",
            );
        }
    }
    // A longer line may be a caption, but it then retells the story: keep it.
    if f.words <= MAX_CREDITED_CAPTION_WORDS {
        // "... (AP)", "(AP Photo/Name)" or "(Associated Press)" closing a caption.
        if let Some(open) = lower.rfind('(') {
            if lower.ends_with(')') {
                let inner = &lower[open + 1..lower.len() - 1];
                let agency = inner.split(['/', ' ']).next().unwrap_or("");
                let credit_chain = line
                    .strip_suffix(')')
                    .and_then(|l| l.rfind('(').map(|o| &l[o + 1..]))
                    .is_some_and(|inner| {
                        inner.contains('/')
                            && inner.split_whitespace().count() <= 5
                            && inner
                                .split('/')
                                .all(|s| s.trim_start().starts_with(char::is_uppercase))
                    });
                if credit_chain {
                    return hit(
                        "photo_credit",
                        "caption closed by a credit (\"(Source/Name)\")",
                    );
                }
                if cues.agency_names.contains(&inner)
                    || cues.photo_agencies.contains(&agency)
                        && (inner.contains('/') || inner.contains("photo"))
                {
                    return hit(
                        "photo_credit",
                        format!("caption closed by an agency credit ({agency})"),
                    );
                }
            }
        }
        // "REUTERS/Name": a credit in the agency's own form (only a line with a slash is split
        // into tokens: splitting every line was a fifth of the patterns' cost).
        if line.contains('/') {
            for token in line.split_whitespace() {
                if let Some((agency, name)) = token.split_once('/') {
                    let letters = agency.chars().filter(|c| c.is_alphabetic()).count();
                    if letters >= 2
                        && agency.chars().all(|c| c.is_uppercase())
                        && cues
                            .photo_agencies
                            .contains(&agency.to_lowercase().as_str())
                        && name.chars().next().is_some_and(char::is_uppercase)
                        && name.chars().nth(1).is_some_and(char::is_lowercase)
                    {
                        return hit(
                            "photo_credit",
                            format!("agency photo credit \"{agency}/...\""),
                        );
                    }
                }
            }
        }
    }
    None
}

/// Links to other pages: "[Headline of another story]", "MORE: Headline", "► Headline",
/// "(Also on Site: Headline)".
fn related_link(cues: &FurnitureCues, line: &str, f: &LineFeatures) -> Option<PatternMatch> {
    if f.ending.is_sentence() && f.words > 15 {
        return None;
    }
    if line.starts_with('[') && line.ends_with(']') && f.words >= 3 {
        return hit("related_link", "bracketed headline of another story");
    }
    if line.starts_with(['►', '▶', '»', '→', '➤']) {
        return hit("related_link", "arrow-marked link to another story");
    }
    let inner = line.trim_start_matches(['(', '*', '-', '–', '—', ' ']);
    if f.ending.is_sentence() && f.words > 10 {
        return None;
    }
    let (label, rest) = inner.split_once(':')?;
    let label = label.trim().to_lowercase();
    let label = label.trim_end_matches(|c: char| !c.is_alphanumeric());
    let also_on = label.starts_with("also on ") && label.split_whitespace().count() <= 4;
    if (cues.link_prefixes.contains(&label) || also_on) && !rest.trim().is_empty() && !f.has_quote {
        return hit(
            "related_link",
            format!("link to another page (\"{label}:\")"),
        );
    }
    None
}

/// Contact lines (an e-mail address or a handle in a short line) and bare links.
fn contact_or_link(f: &LineFeatures) -> Option<PatternMatch> {
    if f.has_email && f.words <= 15 {
        return hit("contact_line", "short line with an e-mail address");
    }
    if f.has_url && f.words <= 12 && !is_embedded_post(&f.lower) {
        return hit("link_line", "short line with a web address");
    }
    let first = f.key.split(' ').next().unwrap_or("");
    if first == "follow"
        && f.words <= 15
        && ["twitter", "facebook", "instagram"]
            .iter()
            .any(|s| f.key.contains(s))
    {
        return hit("share_prompt", "invitation to follow on social media");
    }
    if f.words <= 5
        && f.lower
            .split_whitespace()
            .any(|w| w.starts_with('@') && w.len() > 2 && !f.ending.is_sentence() && f.words <= 3)
    {
        return hit("contact_line", "social media handle");
    }
    None
}

/// A post embedded from a social network: text, then "— Name (@handle) date".
pub fn is_embedded_post(lower: &str) -> bool {
    lower.contains("(@") && (lower.contains('—') || lower.contains(" - "))
}

/// A line holding only a date or time stamp ("February 11, 2019", "Updated 10:32 am ET, Sat
/// March 2"), possibly closed by "by Name".
pub fn is_date_line(cues: &FurnitureCues, lower: &str) -> bool {
    // The text before the first " by " is the stamp. Tokens are read from the start and the
    // first word that is no date word ends the scan, so the end of the stamp is only looked
    // for when a token "by" between spaces comes up (searching the whole line for " by "
    // first was most of this function's cost).
    let separator = |c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/' | '-' | '—');
    let mut body_end = lower.len();
    let mut tokens = 0;
    let mut has_date_word = false;
    let mut has_digit = false;
    let mut start = 0;
    for (end, c) in lower
        .char_indices()
        .filter(|&(_, c)| separator(c))
        .chain(std::iter::once((lower.len(), ' ')))
    {
        let raw = &lower[start..end];
        let raw_start = start;
        start = end + c.len_utf8();
        if raw == "by" && lower[..raw_start].ends_with(' ') && lower[end..].starts_with(' ') {
            body_end = raw_start - 1;
            break;
        }
        let t = raw.trim_matches(|c: char| matches!(c, '.' | ':' | '(' | ')' | '·'));
        if t.is_empty() {
            continue;
        }
        tokens += 1;
        if tokens > 14 {
            return false;
        }
        if is_date_word(cues, t) {
            has_date_word = true;
        } else if is_number_like(t) {
            has_digit = true;
        } else if !is_date_filler(cues, t) {
            return false;
        }
    }
    let body = &lower[..body_end];
    has_digit && (has_date_word || body.contains('/') || body.matches('-').count() >= 2)
}

/// A month or weekday name of the page's language or of the other languages with cues.
fn is_date_word(cues: &FurnitureCues, t: &str) -> bool {
    cues.months.contains(&t)
        || cues.weekdays.contains(&t)
        || any_language(cues_of::MONTHS, t)
        || any_language(cues_of::WEEKDAYS, t)
}

/// A word a date or time stamp may hold besides names and numbers.
fn is_date_filler(cues: &FurnitureCues, t: &str) -> bool {
    cues.date_fillers.contains(&t) || any_language(cues_of::DATE_FILLERS, t)
}

/// Separators of a row of links or a breadcrumb.
const LINK_SEPARATORS: [char; 6] = ['|', '»', '›', '·', '•', '>'];

/// A row of links or a breadcrumb: "Email | Print | Text size", "Home > Sport", "News
/// Section |". Short segments (at most four words each) between separators, two or more of
/// them, or one closing the line, or a breadcrumb opened by a home word; never a sentence.
fn navigation_row(line: &str, f: &LineFeatures) -> Option<PatternMatch> {
    // `<` is markup or code quoted in the text, not a breadcrumb.
    if f.ending.is_sentence() || f.words > 40 || !line.contains(LINK_SEPARATORS) || line.contains('<')
    {
        return None;
    }
    let segments: Vec<&str> = line.split(LINK_SEPARATORS).map(str::trim).collect();
    let separators = segments.len() - 1;
    let short = segments
        .iter()
        .all(|s| s.split_whitespace().count() <= 4);
    if !short {
        return None;
    }
    let closed = segments.last().is_some_and(|s| s.is_empty()) && f.words <= 5;
    let first = segments[0].to_lowercase();
    let home = any_language(cues_of::HOME_WORDS, first.trim_end_matches(':'))
        || first
            .rsplit(' ')
            .next()
            .is_some_and(|w| any_language(cues_of::HOME_WORDS, w));
    (separators >= 2 || closed || home).then(|| PatternMatch {
        reason: "navigation",
        detail: "a row of links or a breadcrumb".to_string(),
    })
}

/// A copyright line: "© 2008 Name", "(c) Agency", "Copyright 2007 Agency. ...".
fn is_legal_line(lower: &str, f: &LineFeatures) -> bool {
    f.words <= 60
        && (lower.starts_with('©')
            || lower.starts_with("(c) ")
            || lower.starts_with("copyright ")
            || lower.starts_with("copyright:"))
}

/// A short line counting comments, views or shares: "7 Comments", "Read Comments (1)",
/// "9,261 views".
fn is_count_label(f: &LineFeatures) -> bool {
    if f.words > 4 || f.ending.is_sentence() || !f.lower.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    f.key
        .split(' ')
        .any(|w| any_language(cues_of::COUNT_WORDS, w))
}

/// A time relative to now: "5 days ago", "vor 3 Stunden", "il y a 2 jours", "hace 3 horas",
/// perhaps after "Posted" or "Updated".
fn is_relative_time(f: &LineFeatures) -> bool {
    if f.words > 6 || f.ending.is_sentence() || !f.lower.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let words: Vec<&str> = f.key.split(' ').collect();
    let Some(n) = words.iter().position(|w| w.bytes().all(|b| b.is_ascii_digit())) else {
        return false;
    };
    let Some(unit) = words.get(n + 1) else {
        return false;
    };
    cues_of::RELATIVE_TIMES.iter().any(|(_, rt)| {
        rt.units.contains(unit)
            && rt.ago.iter().any(|a| {
                let before = words[..n].join(" ");
                let after = words[n + 2..].join(" ");
                before.ends_with(a) || after.starts_with(a)
            })
    })
}

/// A line holding a date and otherwise only names: "Jane Reporter Wednesday January 16, 2008
/// The Harbor Daily", "Wire Service - March 3, 2008 3:23 PM ET". A month name next to a number,
/// no sentence ending, at most 14 words, every other word capitalized, a number, a date word
/// or a joiner.
fn is_dated_credit(cues: &FurnitureCues, line: &str, f: &LineFeatures) -> bool {
    if f.ending.is_sentence()
        || f.words > 14
        || f.words < 3
        || !f.lower.bytes().any(|b| b.is_ascii_digit())
    {
        return false;
    }
    let tokens: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '-' | '—' | '–'))
        .map(|t| t.trim_matches(|c: char| matches!(c, '.' | ':' | '(' | ')' | '·')))
        .filter(|t| !t.is_empty())
        .collect();
    let lower: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
    let month_next_to_number = lower.iter().enumerate().any(|(i, t)| {
        (cues.months.contains(&t.as_str()) || any_language(cues_of::MONTHS, t))
            && [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .filter_map(|j| lower.get(j))
                .any(|n| is_number_like(n))
    });
    // A stamp gives the year: "June 9 -- Arena, City" is an item of a list of dates.
    let year = lower
        .iter()
        .any(|t| t.len() == 4 && (t.starts_with("19") || t.starts_with("20")) && t.bytes().all(|b| b.is_ascii_digit()));
    if !month_next_to_number || !year {
        return false;
    }
    tokens.iter().zip(&lower).all(|(t, l)| {
        t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || is_date_word(cues, l)
            || is_date_filler(cues, l)
            || matches!(l.as_str(), "and" | "of" | "the" | "by" | "&")
    })
}

/// "2019", "11", "3rd", "10:32", "10:32am".
fn is_number_like(t: &str) -> bool {
    // What remains after the suffixes starts like `t`: most tokens are words, and the check
    // of the first byte spares them the suffix stripping (a sixth of the date line cost).
    if !t.starts_with(|c: char| c.is_ascii_digit() || c == ':') {
        return false;
    }
    let mut t = t;
    // As `trim_end_matches` with each suffix in turn, without a substring searcher per call.
    for suffix in ["st", "nd", "rd", "th", "am", "pm"] {
        while let Some(rest) = t.strip_suffix(suffix) {
            t = rest;
        }
    }
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == ':') && t.len() <= 5
}

/// "By Jane Reporter", "By Jane Reporter and John Writer, Agency", "- Jane Reporter",
/// "/ Updated By Jane Reporter".
fn byline(cues: &FurnitureCues, line: &str, f: &LineFeatures) -> Option<PatternMatch> {
    if f.ending.is_sentence() && !line.ends_with('.') || f.words > 12 {
        return None;
    }
    let label = label_form(&f.lower);
    let opener = cues
        .byline_words
        .iter()
        .chain(cues_of::BYLINE_OPENERS.iter().flat_map(|(_, w)| w.iter()))
        .filter(|w| {
            label.starts_with(**w)
                && label[w.len()..].starts_with(|c: char| c.is_whitespace() || c == ':')
        })
        .max_by_key(|w| w.len());
    let dash_signature = line.starts_with(['-', '–', '—']) && f.words <= 5;
    if opener.is_none() && !dash_signature {
        return None;
    }
    let skip = opener.map_or(0, |w| w.split_whitespace().count());
    let original = label_form_original(line);
    let names: Vec<&str> = original
        .split_whitespace()
        .skip(skip)
        .filter(|w| *w != ":")
        .map(|w| w.trim_start_matches(':'))
        .filter(|w| !w.is_empty())
        .collect();
    if names.is_empty() || names.len() > 10 {
        return None;
    }
    let named = names
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    let joiners = names
        .iter()
        .filter(|w| matches!(w.to_lowercase().as_str(), "and" | "&" | "in" | "for" | "of"))
        .count();
    if named >= 1 && named + joiners == names.len() {
        return hit("byline", "author byline");
    }
    None
}

/// The original-case line without leading bullets or trailing punctuation.
fn label_form_original(line: &str) -> &str {
    line.trim_start_matches(|c: char| {
        matches!(
            c,
            '•' | '►' | '▶' | '*' | '-' | '–' | '—' | '#' | '>' | '|' | '/' | '·'
        ) || c.is_whitespace()
    })
    .trim_end_matches(|c: char| matches!(c, ':' | '.' | ',' | ';') || c.is_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(line: &str) -> Option<&'static str> {
        FurniturePatterns::default()
            .matches(line, &LineFeatures::of(line))
            .map(|m| m.reason)
    }

    macro_rules! furniture_cases {
        ($($text:expr => $want:expr),* $(,)?) => {
            $( assert_eq!(reason($text), $want, "pattern for {:?}", $text); )*
        };
    }

    #[test]
    fn furniture_is_recognized() {
        furniture_cases! {
            "* * *" => Some("separator"),
            "&QL; &QL;" => Some("markup"),
            "------ &QC;" => Some("markup"),
            "Loading %s comments" => Some("template_text"),
            "Advertisement" => Some("interface_label"),
            "Read more:" => Some("interface_label"),
            "• Share this story" => Some("interface_label"),
            "Harbor map" => Some("media_label"),
            "Presentational white space" => Some("media_label"),
            "Smoke over the docks (Photo: HARBOR NEWS)" => Some("photo_credit"),
            "Photo: Jane Reporter/Harbor Daily" => Some("photo_credit"),
            "Firefighters spray the pier on Monday. (AP)" => Some("photo_credit"),
            "Smoke rises over the pier. REUTERS/Jane Reporter" => Some("photo_credit"),
            "This site works best in another browser. Your browser is not supported." => Some("browser_notice"),
            "Sign up for our morning newsletter" => Some("subscribe_prompt"),
            "You are commenting using your Harbor account. Log Out" => Some("comment_form"),
            "Click here to see the full gallery." => Some("link_prompt"),
            "Reach the desk at desk@example.org" => Some("contact_line"),
            "Follow Jane Reporter on Twitter" => Some("share_prompt"),
            "March 3, 2021" => Some("dateline"),
            "Updated 10:32 am ET, Tue March 2, 2021" => Some("dateline"),
            "By Jane Reporter and John Writer" => Some("byline"),
            "- Jane Reporter" => Some("byline"),
            "/ Updated By Jane Reporter" => Some("byline"),
            "[Harbor strike ends after ten days]" => Some("related_link"),
            "► Harbor strike ends after ten days" => Some("related_link"),
            "MORE: Harbor strike ends after ten days" => Some("related_link"),
            "(Also on Harbor Daily: Strike ends)" => Some("related_link"),
            "Jane Reporter / Harbor Daily / Agency" => Some("credit_line"),
            "Cranes stand idle at the dock. (Associated Press)" => Some("photo_credit"),
            "PA" => Some("photo_credit"),
            "Crowds gather at the pier on Monday. (File/Harbor TV)" => Some("photo_credit"),
            "Enlarge icon Share icon Facebook icon Close icon" => Some("interface_label"),
            "Screenshot by Jane Reporter/Harbor Daily" => Some("photo_credit"),
            "Harbor Daily writer John Writer contributed to this report." => Some("article_note"),
            "Follow Jane on Twitter. Follow us @harbordaily, Facebook & Google+." => Some("share_prompt"),
            "Skip Twitter post by @harbordaily The pier is closed tonight. Stay away." => Some("share_prompt"),
            "Please verify you're not a robot by clicking the box. Invalid email address." => Some("subscribe_prompt"),
            "These crawls are part of an effort to archive pages as they are created." => Some("archive_note"),
            "Email | Print | Text size" => Some("navigation"),
            "Home > Harbor News" => Some("navigation"),
            "Startseite » Politik" => Some("navigation"),
            "Harbor News |" => Some("navigation"),
            "Read Comments (12)" => Some("count_label"),
            "12 Kommentare" => Some("count_label"),
            "5 days ago" => Some("dateline"),
            "vor 3 Stunden" => Some("dateline"),
            "il y a 2 jours" => Some("dateline"),
            "hace 3 horas" => Some("dateline"),
            "3 de enero de 2021" => Some("dateline"),
            "Mittwoch, 3. März 2021" => Some("dateline"),
            "Jane Reporter Wednesday March 3, 2021 The Harbor Daily" => Some("stamp_line"),
            "Wire Service - March 3, 2021 3:23 PM ET" => Some("stamp_line"),
            "© 2021 Harbor Daily. All content is ours." => Some("legal_notice"),
            "Author: Jane Reporter" => Some("byline"),
            "Von Jane Reporter" => Some("byline"),
            "Par Jeanne Reporter" => Some("byline"),
        }
    }

    #[test]
    fn story_lines_are_not_furniture() {
        furniture_cases! {
            "The harbor fire burned for three days before crews contained it." => None,
            "He refused to subscribe to the theory that the fire was set." => None,
            "Residents were asked to sign up at the town hall by Friday." => None,
            "Harbor fire spreads to warehouses" => None,
            "By Monday the fire was out." => None,
            "What caused the fire?" => None,
            "The photo showed a burning pier." => None,
            "Police said the man, 42, was arrested in March 2021." => None,
            "2,000 homes lost power" => None,
            "Take 3 grams of EPA/DHA a day." => None,
            "The latest feature, which was sent to subscribers:" => None,
            "Fire crews said the pier was closed (for now/for good)." => None,
            "Share, print or email the report, officials said." => None,
            "Width/Height: 73 inches/ 57.6" => None,
            "The mayor said: the pier will reopen." => None,
            "More than 40 boats were damaged." => None,
            "Video: none of the cameras worked, police said, and the footage was lost for good." => None,
            "Home prices rose in March" => None,
            "5 days of rain flood the harbor" => None,
            "Harbor | Lights" => None,
            "Par for the course at the harbor" => None,
            "Fire on the pier, March 3" => None,
        }
    }

    #[test]
    fn cue_automaton_finds_the_first_cue_in_list_order() {
        let language = Language::English;
        let cues = language.furniture().cues;
        let naive = |f: &LineFeatures| {
            cues.iter().find(|cue| {
                f.words <= cue.max_words
                    && (cue.strong || !ends_like_text(f) || f.words <= 4)
                    && f.lower.contains(cue.phrase)
            })
        };
        let mut lines: Vec<String> = cues.iter().map(|c| c.phrase.to_string()).collect();
        for (i, a) in cues.iter().enumerate() {
            let b = &cues[(i * 7 + 3) % cues.len()];
            lines.push(format!("{} and {}", b.phrase, a.phrase));
            lines.push(format!("Then {} and {} here.", a.phrase, b.phrase));
            lines.push(format!("{} {}", a.phrase, "word ".repeat(i % 30)));
        }
        for line in &lines {
            let f = LineFeatures::of(line);
            assert_eq!(
                first_cue(language, &f).map(|c| c.phrase),
                naive(&f).map(|c| c.phrase),
                "{line:?}"
            );
        }
    }

    /// The straightforward form of [`is_date_line`]: cut at the first " by ", then read the
    /// tokens.
    fn is_date_line_reference(cues: &FurnitureCues, lower: &str) -> bool {
        let body = match lower.find(" by ") {
            Some(i) => &lower[..i],
            None => lower,
        };
        let mut tokens = 0;
        let mut has_date_word = false;
        let mut has_digit = false;
        for t in body.split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/' | '-' | '—'))
        {
            let t = t.trim_matches(|c: char| matches!(c, '.' | ':' | '(' | ')' | '·'));
            if t.is_empty() {
                continue;
            }
            tokens += 1;
            if tokens > 14 {
                return false;
            }
            if is_date_word(cues, t) {
                has_date_word = true;
            } else if is_number_like(t) {
                has_digit = true;
            } else if !is_date_filler(cues, t) {
                return false;
            }
        }
        has_digit && (has_date_word || body.contains('/') || body.matches('-').count() >= 2)
    }

    proptest::proptest! {
        #[test]
        fn date_line_scan_matches_the_reference(
            words in proptest::collection::vec(
                "by|march|mon|2019|11|3rd|10:32am|updated|at|jane|-|/|,|—|\\(|\\)|\\.|x|by\\.|bye",
                0..12,
            ),
            seps in proptest::collection::vec(" |,|-|/| - |  |", 12),
        ) {
            let mut line = String::new();
            for (w, s) in words.iter().zip(&seps) {
                line.push_str(w);
                line.push_str(s);
            }
            let c = Language::English.furniture();
            proptest::prop_assert_eq!(is_date_line(c, &line), is_date_line_reference(c, &line), "{:?}", line);
        }
    }

    #[test]
    fn number_like_tokens() {
        let reference = |t: &str| {
            let t = t
                .trim_end_matches("st")
                .trim_end_matches("nd")
                .trim_end_matches("rd")
                .trim_end_matches("th")
                .trim_end_matches("am")
                .trim_end_matches("pm");
            !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == ':') && t.len() <= 5
        };
        for t in [
            "2019",
            "11",
            "3rd",
            "10:32",
            "10:32am",
            "10:32pmam",
            "1stst",
            "1stnd",
            "st",
            "am",
            ":30",
            "x1",
            "",
            "123456",
            "12:30:45",
            "4th.",
            "21st",
            "2ndrd",
            "1thth",
            "march",
        ] {
            assert_eq!(is_number_like(t), reference(t), "{t:?}");
        }
    }

    #[test]
    fn date_lines() {
        let c = Language::English.furniture();
        assert!(is_date_line(c, "february 11, 2019"));
        assert!(is_date_line(c, "11/02/2019"));
        assert!(is_date_line(
            c,
            "posted at 10:01 pm on march 2, 2016 by jane reporter"
        ));
        assert!(!is_date_line(c, "march on washington, 1963"));
        assert!(!is_date_line(c, "2019"));
    }
}
