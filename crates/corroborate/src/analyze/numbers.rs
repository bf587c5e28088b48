//! Numbers: quantities with what they count, grouped across sources when they count the
//! same thing, and disagreements flagged.
//!
//! A quantity counts a head noun ("2,000 US troops", "the number of deaths ... stood at 138")
//! and often an event ("... have died", "allow 20,000 civilians to leave"). Quantities are
//! grouped by unit, noun class and event class, then split by shared context words. Values
//! disagree when their bands (approximations, ranges, bounds) cannot all hold at once.

mod parse;

use super::tokens::{is_all_caps, is_capitalized, tokenize, Token, TokenKind};
use super::{Mention, NumberGroup, NumberValue};
use crate::lang::{lookup, Language, NumberWords};
use crate::prepared::PreparedCluster;
pub(crate) use parse::Quantity;
use parse::{quantity_at, Sentence};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// The words this analyzer reads: it reads English rules.
fn lex() -> &'static NumberWords {
    Language::English.number_words()
}

/// The most different precise values one quantity is believed to have: more means the
/// group mixes quantities.
const MAX_COMPETING: usize = 4;

/// The largest ratio between two figures believed to report the same quantity.
const MAX_RATIO: f64 = 3.0;

/// The most content terms of a sentence a quantity takes as its context (a window around
/// it in longer sentences): news sentences have fewer; a run-on one must not make the
/// grouping quadratic.
const CONTEXT_TERMS: usize = 48;

/// One quantity found in a sentence, with what it counts.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub quantity: Quantity,
    pub text: String,
    pub mention: Mention,
    /// Index of its sentence in the cluster.
    pub sentence: usize,
    /// The tokens of its sentence, shared by the sentence's quantities (the contradictions
    /// read the sentence again without tokenizing it a second time).
    pub tokens: Arc<[Token]>,
    /// Head noun as written (lowercase) with capitalized modifiers ("US troops").
    pub noun: String,
    /// Noun class ("people" for civilians, residents, ...), or the noun itself.
    pub class: String,
    /// Whether what is counted is a name the quantity is a share of ("the Kessel index fell
    /// 6.3%").
    pub named: bool,
    /// Event class ("leave", "die"), empty when none.
    pub event: String,
    /// Lowercase words between the quantity and its noun ("neighbouring" in "two neighbouring
    /// warehouses"): they narrow what is counted, so values with other ones are another
    /// quantity, not a disagreement.
    pub scope: String,
    /// Who gives the figure ("IRC" in "..., according to the IRC"), empty when the
    /// sentence does not say.
    pub by: String,
    /// The time window the figure covers ("since January", "in 2018"), empty when none.
    pub when: String,
    /// Content term ids of the sentence near the quantity, without the quantity's own tokens
    /// and the cluster's common terms.
    pub context: BTreeSet<u32>,
}

/// Verbs that attribute a figure to whoever stands before them ("WHO said 106 ...").
const ATTRIBUTING: &[&str] = &[
    "said",
    "says",
    "say",
    "estimated",
    "estimates",
    "estimate",
    "reported",
    "reports",
    "counted",
    "counts",
    "recorded",
    "puts",
    "put",
    "told",
    "announced",
    "confirmed",
    "claimed",
    "claims",
];

/// Capitalized words that name a time, not who gives a figure.
fn is_time_name(lower: &str) -> bool {
    Language::English
        .dates()
        .month(lower.trim_end_matches('.'))
        .is_some()
        || matches!(
            lower,
            "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "today"
                | "yesterday"
        )
}

/// A run of capitalized words (joined by "of", "for", "and", "the" inside) from token `i`
/// forward, at most six tokens: ("International Rescue Committee", end).
fn name_from(s: &Sentence<'_>, i: usize) -> Option<(String, usize)> {
    let mut words: Vec<&str> = Vec::new();
    let mut j = i;
    while j < s.tokens.len() && j < i + 6 {
        let t = s.tokens[j];
        let raw = t.text(s.text);
        let capital =
            t.kind == TokenKind::Word && is_capitalized(raw) && !is_time_name(&s.lower[j]);
        let joins = !words.is_empty()
            && matches!(s.lower[j].as_str(), "of" | "for" | "and")
            && s.tokens
                .get(j + 1)
                .is_some_and(|n| is_capitalized(n.text(s.text)));
        if capital || joins {
            words.push(raw);
        } else {
            break;
        }
        j += 1;
    }
    while words
        .last()
        .is_some_and(|w| matches!(*w, "of" | "for" | "and"))
    {
        words.pop();
    }
    (!words.is_empty()).then(|| (words.join(" "), j))
}

/// Who gives the figures of a sentence: "according to (the) X", "X said/estimated ...",
/// "..., said X". Empty when the sentence names nobody.
fn figure_source(s: &Sentence<'_>) -> String {
    let n = s.tokens.len();
    for i in 0..n {
        if s.lower[i] == "according" && s.lower.get(i + 1).is_some_and(|w| w == "to") {
            // "according to Kurdish officials", "according to a tally from the WHO": the
            // phrase up to the next punctuation, without its articles.
            let words: Vec<&str> = s.tokens[i + 2..]
                .iter()
                .take_while(|t| t.kind == TokenKind::Word)
                .take(6)
                .map(|t| t.text(s.text))
                .filter(|w| !matches!(w.to_lowercase().as_str(), "the" | "a" | "an"))
                .collect();
            if words.iter().any(|w| is_capitalized(w)) {
                return words.join(" ");
            }
        }
    }
    for i in 0..n {
        if !ATTRIBUTING.contains(&s.lower[i].as_str()) {
            continue;
        }
        // "The International Rescue Committee said": the capitalized run just before.
        let mut k = i;
        while k > i.saturating_sub(6) {
            let t = s.tokens[k - 1];
            let raw = t.text(s.text);
            let inner = matches!(s.lower[k - 1].as_str(), "of" | "for" | "and")
                && k >= 2
                && is_capitalized(s.tokens[k - 2].text(s.text));
            if (t.kind == TokenKind::Word && is_capitalized(raw) && !is_time_name(&s.lower[k - 1]))
                || inner
            {
                k -= 1;
            } else {
                break;
            }
        }
        if k < i {
            let mut words: Vec<&str> = (k..i)
                .map(|j| s.tokens[j].text(s.text))
                .filter(|w| !matches!(*w, "The" | "A" | "An"))
                .collect();
            while words
                .last()
                .is_some_and(|w| matches!(*w, "of" | "for" | "and"))
            {
                words.pop();
            }
            // One capitalized word is an agency only in capitals ("WHO", "IRC"): otherwise
            // it is as often an adjective ("Kurdish officials said") or a pronoun.
            let named = words.len() >= 2 || words.first().is_some_and(|w| is_all_caps(w));
            if named {
                return words.join(" ");
            }
        }
        // "..., said the WHO": the run just after.
        let mut k = i + 1;
        while s.lower.get(k).is_some_and(|w| w == "the") {
            k += 1;
        }
        if let Some((name, _)) = name_from(s, k) {
            return name;
        }
    }
    String::new()
}

/// Whether a time window is a day or less ("past 24 hours", "on Tuesday"): a daily count is
/// another quantity than the running total.
pub(crate) fn is_daily(when: &str) -> bool {
    when.ends_with(" hours") || when.ends_with(" hour") || when.ends_with(" day")
}

/// Units a "past N ..." window counts in.
fn is_period(w: &str) -> bool {
    matches!(
        w,
        "hour"
            | "hours"
            | "day"
            | "days"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "year"
            | "years"
    )
}

/// The time window a sentence gives its figures: "since January", "in 2018", "last week",
/// "in the past 24 hours". Empty when none.
fn time_window(s: &Sentence<'_>) -> String {
    let n = s.tokens.len();
    let raw = |j: usize| s.tokens[j].text(s.text);
    for i in 0..n {
        let w = s.lower[i].as_str();
        let next = s.lower.get(i + 1).map(String::as_str).unwrap_or("");
        match w {
            "since" if i + 1 < n => {
                let r = raw(i + 1);
                // "since early January".
                if matches!(next, "early" | "late" | "mid") && i + 2 < n {
                    return format!("since {r} {}", raw(i + 2));
                }
                if is_capitalized(r) || r.starts_with(|c: char| c.is_ascii_digit()) {
                    return format!("since {r}");
                }
            }
            "in" | "during" | "for"
                if next.len() == 4
                    && next
                        .parse::<u32>()
                        .is_ok_and(|y| (1900..=2100).contains(&y)) =>
            {
                return format!("in {next}");
            }
            "this" | "last" | "past"
                if matches!(next, "week" | "month" | "year" | "weekend" | "decade") =>
            {
                return format!("{w} {next}");
            }
            "past" | "last"
                if next.starts_with(|c: char| c.is_ascii_digit())
                    && s.lower.get(i + 2).is_some_and(|u| is_period(u)) =>
            {
                return format!("{w} {next} {}", s.lower[i + 2]);
            }
            _ => {}
        }
    }
    String::new()
}

/// Words that end a counted noun phrase.
fn ends_phrase(raw: &str, lower: &str) -> bool {
    if super::tokens::is_all_caps(raw) {
        return false; // "US troops", "IS members"
    }
    Language::English.is_stop_word(lower)
        || lookup(lex().event_words, lower).is_some()
        || matches!(
            lower,
            "around"
                | "across"
                | "near"
                | "inside"
                | "outside"
                | "along"
                | "toward"
                | "towards"
                | "amid"
                | "despite"
                | "per"
                | "like"
                | "since"
                | "including"
                | "mainly"
                | "mostly"
                | "according"
                | "whom"
                | "whose"
        )
}

/// The counted noun after a quantity: skip modifiers, take the first plural or known noun,
/// else the last word of the phrase. Returns (noun with capitalized modifiers, noun).
fn noun_after(s: &Sentence<'_>, from: usize) -> Option<(String, String)> {
    let mut i = from;
    // "of" after a quantity: "2,000 of its troops", "35 percent of staff".
    if s.lower.get(i).is_some_and(|w| w == "of") {
        i += 1;
        while s.lower.get(i).is_some_and(|w| {
            matches!(
                w.as_str(),
                "the" | "its" | "their" | "his" | "her" | "our" | "those" | "these"
            )
        }) {
            i += 1;
        }
    }
    let mut modifiers: Vec<String> = Vec::new();
    let mut last: Option<String> = None;
    let mut k = 0;
    while i < s.tokens.len() && k < 5 {
        let t = s.tokens[i];
        if t.kind != TokenKind::Word {
            break;
        }
        let raw = t.text(s.text);
        let lower = &s.lower[i];
        if ends_phrase(raw, lower) {
            break;
        }
        let possessive = raw.ends_with("'s") || raw.ends_with("\u{2019}s");
        let known = lookup(lex().noun_classes, lower).is_some();
        // A name in capitals is not a plural ("ISIS", "SARS").
        let plural = lower.len() > 3
            && lower.ends_with('s')
            && !lower.ends_with("ss")
            && !possessive
            && !is_all_caps(raw);
        if known || plural {
            let mut phrase: Vec<String> = modifiers.clone();
            phrase.push(lower.clone());
            return Some((phrase.join(" "), lower.clone()));
        }
        if is_capitalized(raw) && !possessive {
            modifiers.push(raw.to_string());
        }
        last = Some(lower.clone());
        i += 1;
        k += 1;
    }
    last.filter(|l| !possessive_like(l)).map(|l| {
        let mut phrase = modifiers.clone();
        if modifiers.last().map(|m| m.to_lowercase()) != Some(l.clone()) {
            phrase.push(l.clone());
        }
        (phrase.join(" "), l)
    })
}

/// The lowercase words between a quantity (ending before token `from`) and its head noun
/// `head`, in order, joined by spaces; "of" and determiners are skipped ("2,000 of its
/// troops").
fn scope_between(s: &Sentence<'_>, from: usize, head: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    for i in from..(from + 6).min(s.tokens.len()) {
        let lower = s.lower[i].as_str();
        if lower == head {
            return words.join(" ");
        }
        if s.tokens[i].kind != TokenKind::Word {
            break;
        }
        let raw = s.tokens[i].text(s.text);
        if Language::English.is_stop_word(lower) || is_capitalized(raw) {
            continue;
        }
        words.push(lower);
    }
    String::new()
}

fn possessive_like(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("\u{2019}s")
}

/// "The Kessel index fell 6.3%", "shares of Varga Corp rose 12%": the nearest name before the
/// quantity in its clause (at most eight tokens back, no other number or comma between), as
/// written ("Kessel", "Varga Corp"); a name's own number is kept ("S&P 500").
fn name_before(s: &Sentence<'_>, at: usize) -> Option<String> {
    // The sentence's first word is capitalized whatever it is ("Overall, 2% ...").
    let is_name = |k: usize| {
        let t = s.tokens[k];
        t.kind == TokenKind::Word
            && (k > 0 || is_all_caps(t.text(s.text)))
            && is_capitalized(t.text(s.text))
            && !Language::English.is_stop_word(&s.lower[k])
            && !is_time_name(&s.lower[k])
    };
    let mut k = at;
    let lo = at.saturating_sub(8);
    let end = loop {
        if k <= lo {
            return None;
        }
        k -= 1;
        let t = s.tokens[k];
        if t.kind == TokenKind::Punct && s.lower[k] != "&" {
            return None;
        }
        if is_name(k) {
            break k + 1;
        }
        // A number right after a name belongs to it ("S&P 500"); any other ends the clause.
        if t.kind == TokenKind::Number && !(k > 0 && (is_name(k - 1) || s.lower[k - 1] == "&")) {
            return None;
        }
    };
    // Extend to the number of the name ("S&P 500") and back over the run ("S", "&", "P").
    let mut end = end;
    if s.tokens
        .get(end)
        .is_some_and(|t| t.kind == TokenKind::Number)
    {
        end += 1;
    }
    // Back over the run, single capitals joined by "&" included ("S&P").
    let capital =
        |k: usize| s.tokens[k].kind == TokenKind::Word && is_capitalized(s.tokens[k].text(s.text));
    let mut start = k;
    while start > 0
        && (is_name(start - 1)
            || (s.lower[start - 1] == "&" && start >= 2 && capital(start - 2))
            || (s.lower[start] == "&" && capital(start - 1)))
    {
        start -= 1;
    }
    let text = &s.text[s.tokens[start].start..s.tokens[end - 1].end];
    Some(text.to_string())
}

/// "the number of deaths ... stood at 138", "the death toll rose to 40": the noun before.
fn noun_before(s: &Sentence<'_>, at: usize) -> Option<(String, String, usize)> {
    let lo = at.saturating_sub(16);
    for i in (lo..at).rev() {
        if s.lower[i] == "number" && s.lower.get(i + 1).is_some_and(|w| w == "of") {
            return noun_after(s, i + 2).map(|(p, h)| (p, h, i + 2));
        }
        if s.lower[i] == "toll" {
            let noun = if i > 0 && s.lower[i - 1] == "death" {
                "deaths"
            } else {
                "toll"
            };
            return Some((noun.to_string(), noun.to_string(), i));
        }
    }
    None
}

/// Words that open a subordinate clause: an event word beyond one belongs to that clause's
/// subject or object ("14 people were injured when fire tore through three warehouses": the
/// warehouses were not injured).
const CLAUSE_OPENERS: &[&str] = &[
    "when", "while", "after", "before", "because", "since", "until", "where",
];

/// The event a quantity refers to: an event word shortly after it, else shortly before it
/// within the clause.
fn event_near(s: &Sentence<'_>, q: &Quantity, noun: &str, noun_at: Option<usize>) -> String {
    if let Some(e) = lookup(lex().noun_events, noun) {
        return e.to_string();
    }
    // "the number of people who have emerged, nearly 30,000": between noun and number.
    if let Some(n) = noun_at {
        for w in &s.lower[n..q.first] {
            if let Some(e) = lookup(lex().event_words, w) {
                return e.to_string();
            }
        }
    }
    // The nearest event word after (up to 9 tokens) or before (up to 6, same clause).
    let mut after = None;
    for i in q.end..(q.end + 9).min(s.lower.len()) {
        let w = s.lower[i].as_str();
        if matches!(w, "." | ";" | "including" | "whereas") || CLAUSE_OPENERS.contains(&w) {
            break;
        }
        if let Some(e) = lookup(lex().event_words, w) {
            after = Some((i - q.end, e));
            break;
        }
    }
    let mut before = None;
    for i in (q.first.saturating_sub(6)..q.first).rev() {
        let w = s.lower[i].as_str();
        if matches!(w, "." | ";" | "," | "including" | "among") || CLAUSE_OPENERS.contains(&w) {
            break;
        }
        if let Some(e) = lookup(lex().event_words, w) {
            before = Some((q.first - 1 - i, e));
            break;
        }
    }
    match (after, before) {
        (Some(a), Some(b)) if b.0 < a.0 => b.1.to_string(),
        (Some(a), _) => a.1.to_string(),
        (None, Some(b)) => b.1.to_string(),
        (None, None) => String::new(),
    }
}

/// Token ranges inside quotation marks: numbers someone is quoted saying are left out.
fn quoted(text: &str, tokens: &[super::tokens::Token]) -> Vec<bool> {
    let mut inside = false;
    tokens
        .iter()
        .map(|t| {
            let w = t.text(text);
            match w {
                "\u{201c}" | "\u{2018}" => {
                    inside = true;
                    true
                }
                "\u{201d}" | "\u{2019}" => {
                    inside = false;
                    true
                }
                "\"" => {
                    inside = !inside;
                    true
                }
                _ => inside,
            }
        })
        .collect()
}

/// Find the quantities of a cluster and group them.
pub(crate) fn find(cluster: &PreparedCluster) -> Vec<NumberGroup> {
    group(&quantities(cluster))
}

/// Every quantity of the cluster's story sentences with what it counts, in text order.
pub(crate) fn quantities(cluster: &PreparedCluster) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let stemmer = crate::segment::EnglishStemmer::default();
    for si in cluster.body_sentences() {
        let sentence = &cluster.sentences[si];
        let text = cluster.text(si);
        if !text.bytes().any(|b| b.is_ascii_digit()) && !has_number_word(text) {
            continue;
        }
        let tokens: Arc<[Token]> = tokenize(text).into();
        let s = Sentence::new(text, &tokens);
        let in_quote = quoted(text, &tokens);
        // A figure with nobody named is given by whoever the sentence before named ("IRC
        // said ... . The number of deaths stood at 138").
        let mut by = figure_source(&s);
        if by.is_empty() && si > 0 && cluster.sentences[si - 1].doc == sentence.doc {
            let prev = cluster.text(si - 1);
            let prev_tokens = tokenize(prev);
            by = figure_source(&Sentence::new(prev, &prev_tokens));
        }
        let when = time_window(&s);
        let mut i = 0;
        while i < tokens.len() {
            if in_quote[i] {
                i += 1;
                continue;
            }
            let Some(q) = parse::may_start(&s, i)
                .then(|| quantity_at(&s, i))
                .flatten()
            else {
                i += 1;
                continue;
            };
            let next = q.end.max(i + 1);
            let noun = noun_after(&s, q.end)
                .map(|(p, h)| (p, h, None))
                .or_else(|| noun_before(&s, q.first).map(|(p, h, at)| (p, h, Some(at))))
                .map(|(p, h, at)| (p, h, at, false))
                .or_else(|| {
                    // "The Kessel index fell 6.3%": a share of the name before it.
                    (q.unit == "percent")
                        .then(|| name_before(&s, q.first))
                        .flatten()
                        .map(|n| (n.clone(), n.to_lowercase(), None, true))
                });
            if let Some((phrase, head, noun_at, named)) = noun {
                let class = lookup(lex().noun_classes, &head)
                    .unwrap_or(head.as_str())
                    .to_string();
                let event = event_near(&s, &q, &head, noun_at);
                let scope = match noun_at {
                    None => scope_between(&s, q.end, &head),
                    Some(_) => String::new(),
                };
                let span = sentence.span.start + tokens[q.first].start
                    ..sentence.span.start + tokens[q.end - 1].end;
                let own: BTreeSet<u32> = (q.first..q.end)
                    .filter_map(|k| cluster.vocab.get(&stemmer.stem(&s.lower[k])))
                    .collect();
                // A long sentence lends only the terms near the quantity: it keeps the
                // context (and the pairing below) bounded, so work stays linear.
                let terms = &sentence.terms;
                let window = if terms.len() > CONTEXT_TERMS {
                    let at = q.first * terms.len() / tokens.len().max(1);
                    let lo = at
                        .saturating_sub(CONTEXT_TERMS / 2)
                        .min(terms.len() - CONTEXT_TERMS);
                    &terms[lo..lo + CONTEXT_TERMS]
                } else {
                    &terms[..]
                };
                let context = window
                    .iter()
                    .copied()
                    .filter(|t| !own.contains(t))
                    .filter(|&t| {
                        !cluster
                            .vocab
                            .term(t)
                            .starts_with(|c: char| c.is_ascii_digit())
                    })
                    .collect();
                found.push(Found {
                    text: cluster.docs[sentence.doc].text[span.clone()].to_string(),
                    quantity: q,
                    mention: Mention {
                        doc: sentence.doc,
                        span,
                    },
                    sentence: si,
                    tokens: Arc::clone(&tokens),
                    named,
                    noun: phrase,
                    class,
                    event,
                    scope,
                    by: by.clone(),
                    when: when.clone(),
                    context,
                });
            }
            i = next;
        }
    }
    // Terms in many sentences of the cluster (the topic's own words) do not tell two
    // quantities apart: keep only the distinctive ones as context.
    let mut sentence_freq: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for s in &cluster.sentences {
        let unique: BTreeSet<u32> = s.terms.iter().copied().collect();
        for t in unique {
            *sentence_freq.entry(t).or_insert(0) += 1;
        }
    }
    let common = (cluster.sentences.len() * 3 / 10).max(3);
    for f in &mut found {
        f.context
            .retain(|t| sentence_freq.get(t).copied().unwrap_or(0) <= common);
    }
    found
}

fn has_number_word(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic()).any(|w| {
        let w = w.to_lowercase();
        lookup(lex().number_words, &w).is_some()
            || lookup(lex().multipliers, &w).is_some()
            || parse::magnitude(&w).is_some()
    })
}

/// Group quantities: same unit, noun class and event, linked by a shared context word.
pub(crate) fn group(found: &[Found]) -> Vec<NumberGroup> {
    let mut by_key: BTreeMap<(String, String, String, String, bool), Vec<usize>> = BTreeMap::new();
    for (i, f) in found.iter().enumerate() {
        by_key
            .entry((
                f.quantity.unit.clone(),
                f.class.clone(),
                f.event.clone(),
                f.scope.clone(),
                is_daily(&f.when),
            ))
            .or_default()
            .push(i);
    }
    let mut groups: Vec<(Vec<usize>, (usize, usize))> = Vec::new();
    for members in by_key.into_values() {
        // Single-link clustering on shared context words: one is enough when an event
        // ("left", "died") already narrows the quantity, two otherwise.
        let needed = if found[members[0]].event.is_empty() {
            2
        } else {
            1
        };
        // Members sharing `needed` terms share a key (a term, or a pair of terms): linking
        // each member to the previous holder of each of its keys gives the same components
        // as comparing all pairs, in time linear in the members.
        let mut sets = DisjointSets::new(members.len());
        let mut last: BTreeMap<(u32, u32), usize> = BTreeMap::new();
        for (k, &m) in members.iter().enumerate() {
            let context: Vec<u32> = found[m].context.iter().copied().collect();
            let mut link = |key: (u32, u32)| {
                if let Some(prev) = last.insert(key, k) {
                    sets.union(prev, k);
                }
            };
            if needed == 1 {
                context.iter().for_each(|&t| link((t, t)));
            } else {
                for (x, &a) in context.iter().enumerate() {
                    context[x + 1..].iter().for_each(|&b| link((a, b)));
                }
            }
        }
        let comp: Vec<usize> = (0..members.len()).map(|k| sets.find(k)).collect();
        let mut parts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (k, &m) in members.iter().enumerate() {
            parts.entry(comp[k]).or_default().push(m);
        }
        for part in parts.into_values() {
            let first = part
                .iter()
                .map(|&m| (found[m].mention.doc, found[m].mention.span.start))
                .min()
                .expect("parts are not empty");
            groups.push((part, first));
        }
    }
    let mut out: Vec<(NumberGroup, usize, (usize, usize))> = groups
        .into_iter()
        .map(|(members, first)| {
            let g = build_group(found, &members);
            let sources: BTreeSet<usize> = members.iter().map(|&m| found[m].mention.doc).collect();
            (g, sources.len(), first)
        })
        .collect();
    out.sort_by(|a, b| {
        b.0.disagree
            .cmp(&a.0.disagree)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
    });
    out.into_iter().map(|(g, _, _)| g).collect()
}

/// Union-find over member indices (path halving, union by index): components are named by
/// their smallest member, so the grouping does not depend on link order.
struct DisjointSets(Vec<usize>);

impl DisjointSets {
    fn new(n: usize) -> Self {
        Self((0..n).collect())
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        self.0[hi] = lo;
    }
}

fn build_group(found: &[Found], members: &[usize]) -> NumberGroup {
    // Values: same bounds -> same value.
    let mut values: Vec<NumberValue> = Vec::new();
    let mut vague: Vec<bool> = Vec::new();
    let mut index: BTreeMap<(u64, u64, u64), usize> = BTreeMap::new();
    let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
    for &m in members {
        let f = &found[m];
        let q = &f.quantity;
        let key = (
            (q.low + 0.0).to_bits(),
            (q.high + 0.0).to_bits(),
            (q.value + 0.0).to_bits(),
        );
        match index.get(&key).map(|&k| &mut values[k]) {
            Some(v) => {
                // One value, several mentions: the first that says who gives it or when.
                if v.by.is_none() {
                    v.by = some(&f.by);
                }
                if v.when.is_none() {
                    v.when = some(&f.when);
                }
                v.mentions.push(f.mention.clone());
                if !v.sources.contains(&f.mention.doc) {
                    v.sources.push(f.mention.doc);
                    v.sources.sort_unstable();
                }
            }
            None => {
                index.insert(key, values.len());
                values.push(NumberValue {
                    value: q.value,
                    low: q.low,
                    high: q.high,
                    qualifier: q.qualifier.clone(),
                    text: f.text.clone(),
                    by: some(&f.by),
                    when: some(&f.when),
                    sources: vec![f.mention.doc],
                    mentions: vec![f.mention.clone()],
                });
                vague.push(q.vague);
            }
        }
    }
    let precise: Vec<usize> = (0..values.len()).filter(|&k| !vague[k]).collect();
    // Different figures for a bare noun in one article are usually different quantities
    // (other places, other times); with an event, or across articles, they compete.
    let docs: BTreeSet<usize> = members.iter().map(|&m| found[m].mention.doc).collect();
    let specific = !found[members[0]].event.is_empty() || docs.len() >= 2;
    // Reports of one quantity differ by a factor of two or three, not by ten: figures that
    // far apart count different things.
    let (min, max) = precise
        .iter()
        .fold((f64::INFINITY, 0.0f64), |(mn, mx), &k| {
            (mn.min(values[k].value), mx.max(values[k].value))
        });
    let comparable = min > 0.0 && max / min <= MAX_RATIO;
    // A bag of many different figures is several quantities that share words, not one
    // quantity reported differently.
    let candidate = (2..=MAX_COMPETING).contains(&precise.len()) && specific && comparable;
    // Two values conflict when their bands have no common point (bands of one dimension
    // that meet pairwise all meet). They disagree when they are given for the same scope:
    // who gives the figure and its time window, each the same or not said.
    let same = |a: &Option<String>, b: &Option<String>| a.is_none() || b.is_none() || a == b;
    let (mut disagree, mut scoped) = (false, false);
    let mut within: BTreeSet<usize> = BTreeSet::new();
    if candidate {
        for (x, &a) in precise.iter().enumerate() {
            for &b in &precise[x + 1..] {
                let (va, vb) = (&values[a], &values[b]);
                if va.high >= vb.low && vb.high >= va.low {
                    continue;
                }
                if same(&va.by, &vb.by) && same(&va.when, &vb.when) {
                    disagree = true;
                    within.extend(va.sources.iter().filter(|d| vb.sources.contains(d)));
                } else {
                    scoped = true;
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| {
        values[b]
            .sources
            .len()
            .cmp(&values[a].sources.len())
            .then(values[a].value.total_cmp(&values[b].value).reverse())
            .then(values[a].by.cmp(&values[b].by))
            .then(values[a].when.cmp(&values[b].when))
    });
    let values: Vec<NumberValue> = order.into_iter().map(|k| values[k].clone()).collect();
    NumberGroup {
        what: describe(found, members),
        values,
        disagree,
        within_source: within.into_iter().collect(),
        scoped: scoped && !disagree,
    }
}

/// "US troops staying", "people who left", "deaths".
fn describe(found: &[Found], members: &[usize]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for &m in members {
        *counts.entry(found[m].noun.as_str()).or_insert(0) += 1;
    }
    let noun = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(n, _)| *n)
        .unwrap_or("");
    let f = &found[members[0]];
    let mut what = String::new();
    if f.quantity.unit == "percent" {
        what.push_str("percent of ");
    } else if !f.quantity.unit.is_empty()
        && f.quantity.unit != "$"
        && f.quantity.unit != "£"
        && f.quantity.unit != "€"
    {
        what.push_str(&f.quantity.unit);
        what.push(' ');
    }
    what.push_str(noun);
    let implied = lookup(lex().noun_events, &f.class).is_some()
        || lookup(lex().noun_events, noun.rsplit(' ').next().unwrap_or("")).is_some();
    if !f.event.is_empty() && !implied {
        if let Some(g) = lookup(lex().event_glosses, &f.event) {
            what.push(' ');
            what.push_str(g);
        }
    }
    what
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(texts: &[&str]) -> Vec<NumberGroup> {
        find(&crate::analyze::test_cluster(texts))
    }

    fn values(g: &NumberGroup) -> Vec<&str> {
        g.values.iter().map(|v| v.text.as_str()).collect()
    }

    #[test]
    fn disagreement_across_sources() {
        let gs = numbers(&[
            "Some 40,000 people have fled the valley town after the floods.",
            "Nearly 30,000 residents fled the valley town after the floods.",
        ]);
        let g = &gs[0];
        assert!(g.disagree, "{gs:#?}");
        assert_eq!(g.what, "people who left");
        assert_eq!(values(g).len(), 2);
    }

    #[test]
    fn approximation_band_is_not_a_disagreement() {
        let gs = numbers(&[
            "The navy has about 2,000 sailors in the harbour.",
            "The navy keeps 2,000 sailors in the harbour.",
        ]);
        assert_eq!(gs.len(), 1, "{gs:#?}");
        assert!(!gs[0].disagree);
        assert_eq!(gs[0].what, "sailors");
    }

    #[test]
    fn deaths_noun_and_died_verb_group_together() {
        let gs = numbers(&[
            "The number of deaths on the road to the camp stood at 138, mostly infants.",
            "WHO said 106 people, mainly infants, have died on the road to the camp.",
        ]);
        let g = gs
            .iter()
            .find(|g| g.values.len() == 2)
            .expect("a group of two");
        assert!(g.disagree);
    }

    #[test]
    fn an_event_word_stays_in_its_clause() {
        let gs =
            numbers(&["Nine people were hurt when a storm flattened four barns near Osterby."]);
        let barns = gs
            .iter()
            .find(|g| values(g) == ["four"])
            .expect("the barns are counted");
        assert!(!barns.what.contains("wounded"), "{gs:#?}");
        let people = gs.iter().find(|g| values(g) == ["Nine"]).expect("people");
        assert!(people.what.contains("wounded"), "{gs:#?}");
    }

    #[test]
    fn different_events_are_different_quantities() {
        let gs = numbers(&[
            "Around 200 sailors would stay in the harbour.",
            "The navy has 2,000 sailors in the harbour.",
        ]);
        assert_eq!(gs.len(), 2, "{gs:#?}");
        assert!(gs.iter().all(|g| !g.disagree));
    }

    #[test]
    fn a_narrowing_word_makes_another_quantity() {
        // "two neighbouring warehouses" is part of the three, not another count of them.
        let gs = numbers(&[
            "A fire destroyed three warehouses at the quay of the old port on Tuesday.",
            "The fire spread to two neighbouring warehouses at the quay of the old port.",
        ]);
        assert!(gs.iter().all(|g| !g.disagree), "{gs:#?}");
        // Without the narrowing word the same counts disagree.
        let gs = numbers(&[
            "A fire destroyed three warehouses at the quay of the old port on Tuesday.",
            "A fire destroyed two warehouses at the quay of the old port on Tuesday.",
        ]);
        assert!(gs.iter().any(|g| g.disagree), "{gs:#?}");
    }

    #[test]
    fn vague_values_never_disagree() {
        let gs = numbers(&[
            "Several hundred people left the valley town on Monday.",
            "About 5,000 people left the valley town this week.",
        ]);
        assert_eq!(gs.len(), 1, "{gs:#?}");
        assert!(!gs[0].disagree);
    }

    #[test]
    fn unbounded_values_round_trip_through_json() {
        let gs = numbers(&["More than 0 people and more than 72,000 people live in the camp."]);
        let json = serde_json::to_string(&gs).expect("serializes");
        let back: Vec<NumberGroup> = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, gs);
        assert!(gs
            .iter()
            .flat_map(|g| &g.values)
            .any(|v| v.high.is_infinite()));
    }

    #[test]
    fn quoted_numbers_and_years_are_skipped() {
        let gs = numbers(&["\u{201c}We did 90 percent of it,\u{201d} she said in 2014."]);
        assert!(gs.is_empty(), "{gs:#?}");
    }

    #[test]
    fn figures_from_different_bodies_are_not_a_disagreement() {
        let gs = numbers(&[
            "The number of deaths on the road to the camp stood at 138, according to the IRC.",
            "The WHO said 106 people have died on the road to the camp.",
        ]);
        let g = gs
            .iter()
            .find(|g| g.values.len() == 2)
            .expect("one quantity, two values");
        assert!(!g.disagree, "{gs:#?}");
        assert!(g.scoped);
        let by: Vec<Option<&str>> = g.values.iter().map(|v| v.by.as_deref()).collect();
        assert!(
            by.contains(&Some("IRC")) && by.contains(&Some("WHO")),
            "{by:?}"
        );
    }

    #[test]
    fn who_gives_the_figure_carries_over_from_the_sentence_before() {
        let gs = numbers(&[
            "The Kessel Relief Agency said more families arrived at the camp. \
             The number of deaths on the road to the camp stood at 138.",
            "The WHO said 106 people have died on the road to the camp.",
        ]);
        let g = gs
            .iter()
            .find(|g| g.values.iter().any(|v| v.value == 138.0))
            .expect("the 138");
        assert!(!g.disagree, "{gs:#?}");
        assert!(g
            .values
            .iter()
            .any(|v| v.by.as_deref() == Some("Kessel Relief Agency")));
    }

    #[test]
    fn different_time_windows_are_not_a_disagreement() {
        let gs = numbers(&[
            "Some 40,000 people have fled the valley town since January.",
            "Nearly 30,000 residents fled the valley town last month.",
        ]);
        assert!(gs.iter().all(|g| !g.disagree), "{gs:#?}");
        assert!(gs.iter().any(|g| g.scoped), "{gs:#?}");
        let whens: Vec<&str> = gs
            .iter()
            .flat_map(|g| &g.values)
            .filter_map(|v| v.when.as_deref())
            .collect();
        assert!(whens.contains(&"since January") && whens.contains(&"last month"));
    }

    #[test]
    fn a_daily_count_is_another_quantity_than_the_total() {
        let gs = numbers(&[
            "The flu has killed 19,882 people in the valley, the health agency said.",
            "The flu killed 2,108 people in the valley in the past 24 hours.",
        ]);
        assert!(
            gs.iter().all(|g| g.values.len() == 1 && !g.disagree),
            "{gs:#?}"
        );
    }

    #[test]
    fn magnitudes_and_a_dozen_are_read() {
        let gs = numbers(&[
            "Hundreds of people gathered at the harbour. Two dozen diplomats left the city.",
        ]);
        let texts: Vec<(&str, f64)> = gs
            .iter()
            .flat_map(|g| &g.values)
            .map(|v| (v.text.as_str(), v.low))
            .collect();
        assert!(texts.contains(&("Hundreds", 200.0)), "{texts:?}");
        assert!(texts.contains(&("Two dozen", 24.0)), "{texts:?}");
    }

    #[test]
    fn a_name_in_capitals_is_not_the_counted_noun() {
        let gs = numbers(&["Thousands of KESSELS followers left the valley town on Monday."]);
        let whats: Vec<&str> = gs.iter().map(|g| g.what.as_str()).collect();
        assert_eq!(whats, ["KESSELS followers who left"], "{gs:#?}");
    }

    #[test]
    fn ages_and_relative_times_are_not_counts() {
        let gs = numbers(&["The boy, 13 years old, was found five days later by two hikers."]);
        let values: Vec<f64> = gs.iter().flat_map(|g| &g.values).map(|v| v.value).collect();
        assert_eq!(values, vec![2.0], "{gs:#?}");
    }

    #[test]
    fn a_disagreement_inside_one_source_names_it() {
        let gs = numbers(&[
            "The council said 12 people died in the flood. Later the council said 19 people \
             died in the flood.",
            "The harbour reopened on Monday.",
        ]);
        let g = gs.iter().find(|g| g.disagree).expect("a disagreement");
        assert_eq!(g.within_source, vec![0], "{gs:#?}");
    }

    #[test]
    fn no_figures_from_names_model_numbers_dates_or_times() {
        let gs = numbers(&[
            "The Orbiter 3 balloon landed at 10:30 on Aug. 31 with two pilots aboard, \
             after the Airbus A380 test in 2019.",
        ]);
        let values: Vec<f64> = gs.iter().flat_map(|g| &g.values).map(|v| v.value).collect();
        assert_eq!(values, vec![2.0], "{gs:#?}");
    }
}
