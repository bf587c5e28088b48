//! Sentences that lean on the one before them, and how a summary keeps them readable.
//!
//! An extractive summary reads badly when it picks "Four of them were seriously hurt." or
//! "But the company denied it." without the sentence that says who "them" are or what was
//! claimed. Such a sentence *leans back*: its opening is a personal or demonstrative pronoun
//! used as subject ("He said", "This is the second time", not "It is expected that" nor
//! "This week"), a partitive of something named before ("Four of them"), a connective that
//! presupposes a previous clause ("But", "However", "In addition,"), or a pointer back ("The
//! latter", "The two"); or it opens with a quotation attributed to a bare pronoun ("'...,' he
//! said"). The word lists are a language resource ([`crate::lang::ContextCues`]).
//!
//! Its *antecedent* is the sentence right before it in the same article. A sentence whose
//! antecedent leans back too takes that one's antecedent as well, up to two back; longer
//! chains, and sentences whose antecedent is not a candidate (the article's first sentence, a
//! heading, a fragment), are [`Lean::Stranded`]. How a [`super::Selection`] treats them is
//! its [`ContextRule`]: by default a leaning sentence enters only together with its
//! antecedents, as one unit costed as all of them, and [`super::reading_order`] keeps the unit
//! adjacent, in text order.

use super::candidate::is_candidate;
use crate::lang::{ContextCues, Language};
use crate::prepared::PreparedCluster;
use crate::swar::{ascii_spaces, equal, HI, LO};
// FxHash: probed for the first word of every candidate sentence.
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::RangeInclusive;
use std::sync::OnceLock;

/// Longest chain of leaning sentences followed back to an antecedent that stands alone.
pub const MAX_CHAIN: usize = 2;

/// What a sentence needs before it reads on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    /// It reads on its own.
    Free,
    /// It leans on the sentences `first..i` right before it (one or two, same article,
    /// candidates all), `first` standing alone.
    On {
        /// The first sentence of its unit.
        first: usize,
    },
    /// It leans on text a summary cannot hold: no selectable antecedent, or a chain longer
    /// than [`MAX_CHAIN`].
    Stranded,
}

/// How a selection treats sentences that lean back.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ContextRule {
    /// A leaning sentence enters only with its antecedents, as one unit (budgeted as all of
    /// them); a stranded one never.
    #[default]
    Unit,
    /// A leaning sentence enters only once its antecedents are chosen; a stranded one never.
    #[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
    AfterAntecedent,
    /// Only sentences that stand alone enter.
    #[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
    Exclude,
    /// Sentences are taken as they come (no readability constraint).
    Ignore,
}

impl ContextRule {
    /// The sentences to add so that sentence `i` can enter, given which are chosen: the
    /// whole unit in text order (chosen antecedents left out), or `None` when `i` cannot
    /// enter now.
    pub fn needs(
        self,
        lean: Lean,
        i: usize,
        chosen: impl Fn(usize) -> bool,
    ) -> Option<RangeInclusive<usize>> {
        match (self, lean) {
            (ContextRule::Ignore, _) | (_, Lean::Free) => Some(i..=i),
            (_, Lean::Stranded) | (ContextRule::Exclude, _) => None,
            (ContextRule::Unit, Lean::On { first }) => {
                // From the first antecedent not chosen yet (a selection skips any chosen
                // sentence inside the range).
                Some((first..i).find(|&j| !chosen(j)).unwrap_or(i)..=i)
            }
            (ContextRule::AfterAntecedent, Lean::On { first }) => {
                (first..i).all(chosen).then_some(i..=i)
            }
        }
    }
}

/// The [`Lean`] of each candidate of a greedy selection, in candidate indices: for methods
/// that score candidates themselves and must cost a leaning sentence as its whole unit.
#[derive(Debug, Clone)]
pub(crate) struct CandidateUnits {
    rule: ContextRule,
    /// Per candidate, its lean with `first` a candidate index.
    leans: Vec<Lean>,
}

impl CandidateUnits {
    /// The units of `cands` (candidate sentence indices in text order) under `rule`.
    pub(crate) fn new(cluster: &PreparedCluster, cands: &[usize], rule: ContextRule) -> Self {
        let leans = if rule == ContextRule::Ignore {
            vec![Lean::Free; cands.len()]
        } else {
            cands
                .iter()
                .enumerate()
                .map(|(k, &i)| match lean(cluster, i) {
                    // Antecedents are candidates right before it, so `i - first` candidates
                    // back.
                    Lean::On { first } => Lean::On {
                        first: k - (i - first),
                    },
                    other => other,
                })
                .collect()
        };
        CandidateUnits { rule, leans }
    }

    /// The candidates to add so that candidate `k` enters (`k` last; see
    /// [`ContextRule::needs`]), or `None` when it cannot enter now.
    pub(crate) fn members(
        &self,
        k: usize,
        picked: impl Fn(usize) -> bool,
    ) -> Option<RangeInclusive<usize>> {
        self.rule.needs(self.leans[k], k, picked)
    }

    /// The candidates whose unit holds candidate `k`: their cost and gain change once `k` is
    /// chosen.
    pub(crate) fn dependents(&self, k: usize) -> impl Iterator<Item = usize> + '_ {
        (k + 1..self.leans.len().min(k + 1 + MAX_CHAIN))
            .filter(move |&d| matches!(self.leans[d], Lean::On { first } if first <= k))
    }
}

/// What sentence `i` of `cluster` needs before it reads on its own (see the module docs).
pub fn lean(cluster: &PreparedCluster, i: usize) -> Lean {
    // The openings were read once, when the cluster was prepared.
    let leans = |j: usize| cluster.sentences[j].leans_back;
    if !leans(i) {
        return Lean::Free;
    }
    let doc = cluster.sentences[i].doc;
    let mut first = i;
    for _ in 0..MAX_CHAIN {
        let Some(p) = first.checked_sub(1) else {
            return Lean::Stranded;
        };
        if cluster.sentences[p].doc != doc || !is_candidate(cluster, p) {
            return Lean::Stranded;
        }
        first = p;
        if !leans(p) {
            return Lean::On { first };
        }
    }
    Lean::Stranded
}

/// Whether a sentence's opening leans on the sentence before it (English cues).
#[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
pub fn leans_back(text: &str) -> bool {
    leans_back_in(Language::English, text)
}

/// A connective split into words, with whether its last word must carry a comma.
#[derive(Debug)]
struct Phrase {
    words: Vec<&'static str>,
    need_comma: bool,
    /// "The former": a pointer only before a verb, else an adjective.
    former: bool,
}

/// The cues of a language indexed by their first word (built once): most sentences open
/// with no cue word and are settled by one lookup. This runs on every candidate; scanning
/// the lists each time was most of its cost.
#[derive(Debug)]
struct CueIndex {
    /// Every pronoun, demonstrative and connective's first word, lowercase.
    heads: FxHashSet<&'static str>,
    /// Connectives by first word.
    connectives: FxHashMap<&'static str, Vec<Phrase>>,
    /// Heads that only open longer connectives ("the" of "the latter", "in" of "in
    /// addition"), with the second words those can go on with.
    openers: FxHashMap<&'static str, Vec<&'static str>>,
}

fn cue_index(language: Language) -> &'static CueIndex {
    static ENGLISH: OnceLock<CueIndex> = OnceLock::new();
    match language {
        Language::English => ENGLISH.get_or_init(|| {
            let cues = language.context_cues();
            let mut connectives: FxHashMap<&'static str, Vec<Phrase>> = FxHashMap::default();
            for c in cues.connectives {
                let (phrase, need_comma) = match c.strip_suffix(',') {
                    Some(p) => (p, true),
                    None => (*c, false),
                };
                let words: Vec<&'static str> = phrase.split(' ').collect();
                connectives.entry(words[0]).or_default().push(Phrase {
                    words,
                    need_comma,
                    former: cues.former_words.contains(&phrase),
                });
            }
            let heads = cues
                .pronouns
                .iter()
                .chain(cues.demonstratives)
                .copied()
                .chain(connectives.keys().copied())
                .collect();
            let openers = connectives
                .iter()
                .filter(|(head, phrases)| {
                    phrases.iter().all(|p| p.words.len() > 1)
                        && !cues.pronouns.contains(head)
                        && !cues.demonstratives.contains(head)
                })
                .map(|(&head, phrases)| (head, phrases.iter().map(|p| p.words[1]).collect()))
                .collect();
            CueIndex {
                heads,
                connectives,
                openers,
            }
        }),
    }
}

/// `word` lowercased into `buf` (ASCII only; `None` when longer than the buffer).
fn lower<'b>(word: &str, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() {
        return None;
    }
    for (b, &c) in buf.iter_mut().zip(bytes) {
        *b = c.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

/// Whether `word` is one of `heads` (case-insensitive, without allocating).
fn is_head(heads: &FxHashSet<&'static str>, word: &str) -> bool {
    let mut buf = [0u8; 16];
    lower(word, &mut buf).is_some_and(|w| heads.contains(w))
}

/// Quotation marks a sentence may open or close a quotation with.
const OPEN_QUOTES: &[char] = &['"', '“', '‘', '\'', '«'];
const CLOSE_QUOTES: &[char] = &['"', '”', '’', '»'];

/// Pronouns that attribute a quotation ("'...,' he said").
const ATTRIBUTION_PRONOUNS: &[&str] = &["he", "she", "they"];

/// One word of the opening, outer punctuation removed, with whether a comma followed it.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    text: &'a str,
    comma: bool,
}

impl Word<'_> {
    /// Whether the word is `lower` (an ASCII-lowercase cue), ignoring case.
    fn is(&self, lower: &str) -> bool {
        self.text.eq_ignore_ascii_case(lower)
    }
}

/// Words of an opening looked at first: enough for "On the other hand, ...", "Two of them",
/// "On Tuesday, he said".
const FIRST_WORDS: usize = 7;
/// Words looked at when "it" may be a dummy subject ("It is not yet clear whether").
const OPENING_WORDS: usize = 12;

/// The first words of a sentence, without allocating (this runs on every candidate).
#[derive(Debug, Clone, Copy)]
struct Opening<'a> {
    words: [Word<'a>; OPENING_WORDS],
    len: usize,
}

impl<'a> Opening<'a> {
    /// The first `n` (at most [`OPENING_WORDS`]) words of `text`, outer punctuation
    /// removed, clitics ("It's") split off as words of their own.
    fn of(text: &'a str, n: usize) -> Self {
        let n = n.min(OPENING_WORDS);
        let mut o = Opening {
            words: [Word {
                text: "",
                comma: false,
            }; OPENING_WORDS],
            len: 0,
        };
        for raw in text.split_ascii_whitespace() {
            if o.len >= n {
                break;
            }
            let (start, end) = alphanumeric_core(raw);
            if start == end {
                continue;
            }
            let core = &raw[start..end];
            let comma = raw.as_bytes()[end..]
                .iter()
                .any(|&b| b == b',' || b == b';');
            // An apostrophe, or the first byte of a typographic one.
            let clitic = if core.bytes().any(|b| b == b'\'' || b == 0xE2) {
                ["'s", "’s", "'ll", "’ll", "'d", "’d", "'re", "’re"]
                    .iter()
                    .find(|c| {
                        core.len() > c.len()
                            && core.is_char_boundary(core.len() - c.len())
                            && core[core.len() - c.len()..].eq_ignore_ascii_case(c)
                    })
            } else {
                None
            };
            match clitic {
                Some(c) if o.len + 1 < n => {
                    let cut = core.len() - c.len();
                    o.push(&core[..cut], false);
                    o.push(&core[cut..], comma);
                }
                _ => o.push(core, comma),
            }
        }
        o
    }

    fn push(&mut self, text: &'a str, comma: bool) {
        self.words[self.len] = Word { text, comma };
        self.len += 1;
    }

    fn get(&self, k: usize) -> Option<&Word<'a>> {
        self.words[..self.len].get(k)
    }

    fn words(&self) -> &[Word<'a>] {
        &self.words[..self.len]
    }
}

/// The byte range of `raw` without its leading and trailing characters that are not letters
/// or digits (empty when it has none); ASCII words are read byte by byte.
fn alphanumeric_core(raw: &str) -> (usize, usize) {
    let bytes = raw.as_bytes();
    if bytes.is_ascii() {
        let Some(start) = bytes.iter().position(u8::is_ascii_alphanumeric) else {
            return (0, 0);
        };
        let end = bytes
            .iter()
            .rposition(u8::is_ascii_alphanumeric)
            .map_or(start, |k| k + 1);
        return (start, end);
    }
    let core = raw.trim_matches(|c: char| !c.is_alphanumeric());
    if core.is_empty() {
        return (0, 0);
    }
    let start = raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    (start, start + core.len())
}

fn is_in(list: &[&str], w: Option<&Word>) -> bool {
    w.is_some_and(|w| list.iter().any(|x| w.is(x)))
}

/// [`leans_back`] with the cues of `language`.
pub fn leans_back_in(language: Language, text: &str) -> bool {
    let cues = language.context_cues();
    let index = cue_index(language);
    let heads = &index.heads;
    let t = text.trim_start();
    if t.starts_with(OPEN_QUOTES) {
        return quotation_by_pronoun(t);
    }
    if !may_lean(index, t) {
        return false;
    }
    let w = Opening::of(t, FIRST_WORDS);
    if w.len == 0 {
        return false;
    }
    let first_is_cue = is_head(heads, w.words[0].text);
    (first_is_cue && connective(cues, index, &w)) || partitive(cues, &w) || {
        // The subject: the first word, or the first after a short introductory phrase ("On
        // Tuesday, he said", "Asked about it, she said"; not a clause: "Potato salad isn't
        // controversial, it isn't mean").
        let introduces = |x: &Word| {
            let mut buf = [0u8; 16];
            let owned;
            let lower = match lower(x.text, &mut buf) {
                Some(l) => l,
                None => {
                    owned = x.text.to_ascii_lowercase();
                    owned.as_str()
                }
            };
            Language::English.is_stop_word(lower)
                || cues.intro_words.contains(&lower)
                || lower.ends_with("ed")
                || lower.ends_with("ing")
                || lower.ends_with("ly")
        };
        let subject_at = |p: usize| {
            w.get(p).is_some_and(|x| is_head(heads, x.text))
                && (pronoun_subject(cues, &w, p, t) || demonstrative(cues, &w, p))
        };
        (first_is_cue && subject_at(0))
            || w.words()
                .iter()
                .take(5)
                .position(|x| x.comma)
                .is_some_and(|p| subject_at(p + 1) && introduces(&w.words[0]))
    }
}

/// The cheap first test of [`leans_back_in`]: `false` when the first six words of `t` hold
/// no cue word first, no comma and no "of", which settles most sentences without splitting
/// words. Plain ASCII openings (almost all) are read in one pass over their bytes; this runs
/// on every candidate, and the generic character iterators were a tenth of summarizing.
fn may_lean(index: &CueIndex, t: &str) -> bool {
    let heads = &index.heads;
    let body = t.trim_start_matches(|c: char| !c.is_alphanumeric());
    let prefix_end = nth_ascii_whitespace(body.as_bytes(), 5).unwrap_or(body.len());
    let prefix = &body[..prefix_end];
    let bytes = prefix.as_bytes();
    if !bytes.is_ascii() {
        let first = prefix
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .split(['\'', '’'])
            .next()
            .unwrap_or("");
        return is_head(heads, first)
            || prefix.contains([',', ';'])
            || bytes.windows(2).any(|w| w.eq_ignore_ascii_case(b"of"));
    }
    // The first word: up to white space (as `char::is_whitespace` reads ASCII), outer
    // punctuation trimmed, cut at an apostrophe.
    let word_end = bytes
        .iter()
        .position(|&b| matches!(b, b'\t'..=b'\r' | b' '))
        .unwrap_or(bytes.len());
    let (lead, tail) = alphanumeric_core(&prefix[..word_end]);
    let core = &bytes[lead..tail];
    let first = core.split(|&b| b == b'\'').next().unwrap_or(&[]);
    let first = std::str::from_utf8(first).expect("ASCII");
    if is_head(heads, first) {
        let mut buf = [0u8; 16];
        let Some(nexts) = lower(first, &mut buf).and_then(|f| index.openers.get(f)) else {
            // A pronoun, a demonstrative or a one-word connective.
            return true;
        };
        // "The", "In", "On"...: a connective only with its second word ("The latter").
        let second = bytes[word_end..]
            .split(|&b| matches!(b, b'\t'..=b'\r' | b' '))
            .map(|w| {
                let lead = w
                    .iter()
                    .position(u8::is_ascii_alphanumeric)
                    .unwrap_or(w.len());
                &w[lead..]
            })
            .find(|core| !core.is_empty());
        let continues = second.is_none_or(|core| {
            nexts.iter().any(|n| {
                core.len() >= n.len() && core[..n.len()].eq_ignore_ascii_case(n.as_bytes())
            })
        });
        if continues {
            return true;
        }
    }
    // A comma or semicolon (an introductory phrase before the subject), or the word "of"
    // (a partitive, "Four of them").
    has_comma_or_of(bytes)
}

/// The position of the `n`-th (from 0) byte of `bytes` that is ASCII white space as
/// [`u8::is_ascii_whitespace`] reads it (no vertical tab). Eight ASCII bytes at a time: this
/// and [`has_comma_or_of`] read the opening of every sentence, and their byte-wise branches
/// were mispredicted at every word.
fn nth_ascii_whitespace(bytes: &[u8], mut n: u32) -> Option<usize> {
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if x & HI != 0 {
            break;
        }
        let mut spaces = ascii_spaces(x) & !equal(x, 0x0B);
        let count = spaces.count_ones();
        if count > n {
            for _ in 0..n {
                spaces &= spaces - 1;
            }
            return Some(at + (spaces.trailing_zeros() / 8) as usize);
        }
        n -= count;
        at += 8;
    }
    let from = at;
    bytes[from..]
        .iter()
        .enumerate()
        .filter(|&(_, b)| b.is_ascii_whitespace())
        .nth(n as usize)
        .map(|(k, _)| from + k)
}

/// Whether ASCII `bytes` hold a comma, a semicolon or the word "of" in any case (not inside
/// a longer word), eight bytes at a time.
fn has_comma_or_of(bytes: &[u8]) -> bool {
    let alnum = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_alphanumeric);
    let of_at = |k: usize| {
        bytes.get(k + 1).is_some_and(|&f| f | 0x20 == b'f')
            && !(k > 0 && alnum(k - 1))
            && !alnum(k + 2)
    };
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if equal(x, b',') | equal(x, b';') != 0 {
            return true;
        }
        let mut o = equal(x | (0x20 * LO), b'o');
        while o != 0 {
            if of_at(at + (o.trailing_zeros() / 8) as usize) {
                return true;
            }
            o &= o - 1;
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .enumerate()
        .any(|(j, &b)| b == b',' || b == b';' || (b | 0x20 == b'o' && of_at(at + j)))
}

fn connective(cues: &ContextCues, index: &CueIndex, w: &Opening) -> bool {
    let mut buf = [0u8; 16];
    let Some(phrases) = w
        .get(0)
        .and_then(|first| lower(first.text, &mut buf))
        .and_then(|first| index.connectives.get(first))
    else {
        return false;
    };
    phrases.iter().any(|phrase| {
        let parts = phrase.words.len();
        if w.len < parts || !phrase.words.iter().zip(w.words()).all(|(p, x)| x.is(p)) {
            return false;
        }
        let last = &w.words[parts - 1];
        if last.comma {
            return true;
        }
        if phrase.need_comma {
            return false;
        }
        let next = w.get(parts);
        if phrase.former {
            return is_in(cues.former_followers, next);
        }
        !is_in(cues.connective_exceptions, next)
    })
}

fn partitive(cues: &ContextCues, w: &Opening) -> bool {
    w.words()
        .iter()
        .take(4)
        .enumerate()
        .any(|(k, x)| x.is("of") && is_in(cues.of_pronouns, w.get(k + 1)))
}

fn pronoun_subject(cues: &ContextCues, w: &Opening, p: usize, text: &str) -> bool {
    if !is_in(cues.pronouns, w.get(p)) {
        return false;
    }
    if !w.words[p].is("it") {
        return true;
    }
    // "It is unclear whether", "It has been a year since": a dummy subject.
    if !is_in(cues.it_verbs, w.get(p + 1)) {
        return true;
    }
    let longer = Opening::of(text, OPENING_WORDS);
    let dummy = longer
        .words()
        .iter()
        .skip(p + 2)
        .take(5)
        .any(|y| cues.extraposition.iter().any(|e| y.is(e)));
    !dummy
}

fn demonstrative(cues: &ContextCues, w: &Opening, p: usize) -> bool {
    if !is_in(cues.demonstratives, w.get(p)) {
        return false;
    }
    let mut next = p + 1;
    if is_in(cues.time_modifiers, w.get(next)) {
        next += 1;
    }
    let after = w.get(p + 1);
    let is_comma_exception = after.is_some_and(|a| a.comma && a.is("is"));
    !(is_in(cues.time_nouns, w.get(next))
        || is_in(cues.demonstrative_exceptions, after)
        || is_comma_exception)
}

/// Whether a sentence opening with a quotation attributes it to a bare pronoun right after
/// the quotation closes ("'We lost everything,' he said").
fn quotation_by_pronoun(t: &str) -> bool {
    let body = t.trim_start_matches(OPEN_QUOTES);
    // The closing mark: a closing quote followed by white space (an apostrophe inside a word
    // is not one).
    let close = body.char_indices().find(|&(k, c)| {
        CLOSE_QUOTES.contains(&c)
            && body[k + c.len_utf8()..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace)
    });
    let Some((k, c)) = close else {
        return false;
    };
    let after = &body[k + c.len_utf8()..];
    is_in(ATTRIBUTION_PRONOUNS, Opening::of(after, 1).get(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-wise form [`nth_ascii_whitespace`] replaced.
    fn nth_whitespace_bytewise(bytes: &[u8], n: u32) -> Option<usize> {
        bytes
            .iter()
            .enumerate()
            .filter(|&(_, b)| b.is_ascii_whitespace())
            .nth(n as usize)
            .map(|(k, _)| k)
    }

    proptest::proptest! {
        /// The eight-byte scans against the byte-wise forms they replaced.
        #[test]
        fn opening_scans_match_the_bytewise_forms(
            t in "[a-zA-Z0-9 ,;.'\t\n\x0B\x0C\r-]{0,40}|((of|OF|Of|oft|cof|o|f|,|;|x) ?){0,14}",
            n in 0u32..8,
        ) {
            let bytes = t.as_bytes();
            proptest::prop_assert_eq!(nth_ascii_whitespace(bytes, n), nth_whitespace_bytewise(bytes, n));
            let alnum = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_alphanumeric);
            let want = bytes.iter().enumerate().any(|(k, &b)| {
                b == b','
                    || b == b';'
                    || (b | 0x20 == b'o'
                        && bytes.get(k + 1).is_some_and(|&f| f | 0x20 == b'f')
                        && !(k > 0 && alnum(k - 1))
                        && !alnum(k + 2))
            });
            proptest::prop_assert_eq!(has_comma_or_of(bytes), want);
        }

        #[test]
        fn whitespace_scan_reads_past_other_characters(t in "[a-z é—\u{a0}\t]{0,40}", n in 0u32..8) {
            let bytes = t.as_bytes();
            proptest::prop_assert_eq!(nth_ascii_whitespace(bytes, n), nth_whitespace_bytewise(bytes, n));
        }
    }

    #[test]
    fn openings_that_lean_back() {
        for s in [
            "He said the plan would fail.",
            "She was taken to hospital on Monday.",
            "They were rescued by a passing boat.",
            "It said in a statement that nobody was hurt.",
            "His lawyer declined to comment.",
            "Four of them were seriously hurt.",
            "Most of those arrested were released.",
            "This is the second time the harbor has burned.",
            "These include three fishing boats.",
            "That decision angered the fishermen.",
            "That's what the mayor wanted.",
            "But the company denied it.",
            "However, officials said the fire was contained.",
            "Still, the town plans to rebuild.",
            "Also hurt was a firefighter from Westport.",
            "Instead, the council voted to wait.",
            "In addition, two boats sank.",
            "As a result, the harbor was closed.",
            "On the other hand, the boats were insured.",
            "The latter was never found.",
            "The former, a fisherman, was treated at the scene.",
            "The two were arrested at the harbor.",
            "Another boat caught fire an hour later.",
            "On Tuesday, he said the harbor would reopen.",
            "Asked about the fire, they declined to comment.",
            "Later, she said the boats were insured.",
            "\"We lost everything,\" he said.",
            "“It is terrible,” she told reporters.",
        ] {
            assert!(leans_back(s), "{s}");
        }
    }

    #[test]
    fn openings_that_stand_alone() {
        for s in [
            "It is expected that the harbor will reopen on Friday.",
            "It was not immediately clear what caused the fire.",
            "It's unclear whether the boats were insured.",
            "It has been a decade since the last harbor fire.",
            "This week the council will vote on the harbor budget.",
            "This past weekend, three boats burned at Eastport.",
            "That night, firefighters from four towns fought the blaze.",
            "These days the harbor is quiet.",
            "Those who lost boats will be compensated.",
            "Instead of rebuilding, the owner sold the warehouse.",
            "In addition to the boats, a warehouse burned.",
            "As a result of the fire, the harbor was closed.",
            "So far, nobody has been charged.",
            "The former mayor visited the harbor.",
            "The latter half of the season was cancelled.",
            "The rest of the fleet was unharmed.",
            "Rather than wait, the crews cut the mooring lines.",
            "A warehouse fire destroyed three fishing boats on Monday.",
            "Firefighters from four towns fought the blaze.",
            "Hermann Ottis, the harbor master, said nobody was hurt.",
            "Italy sent two boats to help.",
            "Potato salad isn't controversial, it isn't mean.",
            "It was 7 a.m. when the first boat caught fire.",
            "\"We lost everything,\" said the owner of one boat.",
            "“It is terrible,” Mayor Ann Lee told reporters.",
        ] {
            assert!(!leans_back(s), "{s}");
        }
    }
}

#[cfg(test)]
mod selection_tests {
    use super::*;
    use crate::document::Document;
    use crate::pipeline::Pipeline;
    use crate::summarize::{reading_order, Budget, Method, Selection};

    /// Invented reports of a harbor rescue. In `a` the hurt fishermen are "them" and the
    /// denial is "But ..."; `b` opens with a sentence that leans on nothing; `c` holds a chain
    /// of three leaning sentences.
    fn rescue() -> PreparedCluster {
        let docs = vec![
            Document::from_text(
                "a",
                "Rescuers pulled twelve fishermen from the flooded Marlow harbor on Sunday night. \
                 Four of them were seriously hurt and flown to the hospital in Dunmore. \
                 The harbor company blamed a broken flood gate for the disaster. \
                 But the company denied that the flood gate had been neglected for years.",
            ),
            Document::from_text(
                "b",
                "However, the rescue of the twelve fishermen took almost five hours. \
                 Twelve fishermen were rescued from Marlow harbor after the flood on Sunday.",
            ),
            Document::from_text(
                "c",
                "The flood gate at Marlow harbor was built by the harbor company in 1961. \
                 It was repaired twice by the harbor company in the last decade. \
                 They said the repairs cost the harbor company three million euros. \
                 But the flood gate failed again on Sunday night at Marlow harbor.",
            ),
        ];
        Pipeline::default().prepare_documents(docs)
    }

    fn find(c: &PreparedCluster, needle: &str) -> usize {
        (0..c.sentences.len())
            .find(|&i| c.text(i).contains(needle))
            .unwrap_or_else(|| panic!("no sentence contains {needle:?}"))
    }

    #[test]
    fn antecedents_are_the_sentences_before_up_to_two_back() {
        let c = rescue();
        let four = find(&c, "Four of them");
        assert_eq!(lean(&c, four), Lean::On { first: four - 1 });
        assert_eq!(lean(&c, four - 1), Lean::Free);
        // First sentence of its article: nothing to lean on.
        assert_eq!(lean(&c, find(&c, "However, the rescue")), Lean::Stranded);
        // "They" leans on "It", which leans on the first sentence: two back.
        let they = find(&c, "They said the repairs");
        assert_eq!(lean(&c, they), Lean::On { first: they - 2 });
        // "But" leans on a chain of two: three back is too far.
        assert_eq!(lean(&c, find(&c, "But the flood gate")), Lean::Stranded);
    }

    #[test]
    fn a_leaning_sentence_enters_with_its_antecedent_or_not_at_all() {
        let c = rescue();
        let four = find(&c, "Four of them");
        let mut unit = Selection::new(Budget::Sentences(3));
        assert!(unit.push(&c, four));
        assert_eq!(
            unit.chosen,
            vec![four - 1, four],
            "antecedent first, as one unit"
        );
        assert!(!unit.push(&c, find(&c, "However, the rescue")), "stranded");

        // Costed as both: one sentence of room is not enough.
        let one = Selection::new(Budget::Sentences(1));
        assert!(!one.admits(&c, four));
        let words = c.sentences[four].words + c.sentences[four - 1].words;
        assert!(!Selection::new(Budget::Words(words - 1)).admits(&c, four));
        assert!(Selection::new(Budget::Words(words)).admits(&c, four));

        let mut after =
            Selection::new(Budget::Sentences(3)).with_rule(ContextRule::AfterAntecedent);
        assert!(!after.push(&c, four), "antecedent not chosen yet");
        assert!(after.push(&c, four - 1));
        assert!(after.push(&c, four));

        let exclude = Selection::new(Budget::Sentences(3)).with_rule(ContextRule::Exclude);
        assert!(!exclude.admits(&c, four));
        let ignore = Selection::new(Budget::Sentences(3)).with_rule(ContextRule::Ignore);
        assert!(ignore.admits(&c, find(&c, "However, the rescue")));
    }

    #[test]
    fn a_unit_whose_sentences_repeat_each_other_is_refused() {
        let c = Pipeline::default().prepare_documents(vec![Document::from_text(
            "a",
            "Fire destroyed three fishing boats at Eastport harbor on Monday night. \
             And fire destroyed three fishing boats at Eastport harbor on Monday.",
        )]);
        let and = find(&c, "And fire");
        assert_eq!(lean(&c, and), Lean::On { first: and - 1 });
        assert!(!Selection::new(Budget::Sentences(3)).admits(&c, and));
    }

    #[test]
    fn reading_order_keeps_a_unit_adjacent() {
        let c = rescue();
        let four = find(&c, "Four of them");
        let other = find(&c, "Twelve fishermen were rescued");
        let order = reading_order(&c, &[four, other, four - 1]);
        let at = order
            .iter()
            .position(|&i| i == four - 1)
            .expect("antecedent");
        assert_eq!(order.get(at + 1), Some(&four), "{order:?}");
        assert_eq!(order.len(), 3);
    }

    #[test]
    fn every_method_places_leaning_sentences_right_after_their_antecedents() {
        let c = rescue();
        let mut leaning = 0;
        for &m in Method::ALL {
            if m.name() == "oracle" {
                continue; // needs references
            }
            for budget in [
                Budget::Sentences(2),
                Budget::Sentences(4),
                Budget::Words(60),
            ] {
                let s = m.summarize(&c, budget);
                for (k, &i) in s.sentences.iter().enumerate() {
                    if leans_back(c.text(i)) {
                        leaning += 1;
                        assert!(
                            k > 0 && s.sentences[k - 1] == i - 1,
                            "{m} {budget:?}: {:?}",
                            s.text(&c)
                        );
                    }
                }
            }
        }
        assert!(
            leaning > 0,
            "some summary takes a leaning sentence with its antecedent"
        );
    }
}
