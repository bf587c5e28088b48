//! Sentence boundaries: a rule-based splitter in the spirit of pragmatic_segmenter, one
//! forward pass over the text, linear in its length.
//!
//! We write our own rather than reuse a crate: sentencex 0.1.33, the best maintained one we
//! measured, passed 43 of the 48 English Golden Rules (lists and spaced ellipses fail),
//! returns strings rather than byte spans and needs a newer Rust than ours.

use super::abbreviation::{AbbreviationTable, WordBefore};
use super::list::{self, ListItems};
use super::quote::is_opening;
use super::terminal::{self, is_final_mark, MarkKind, Terminal};
use crate::lang::Language;
use std::ops::Range;
use std::sync::OnceLock;

/// How far back (bytes) the word before a period is looked for; longer words are ordinary.
const MAX_WORD_BEFORE_BYTES: usize = 64;

/// How far ahead (bytes) the word after a boundary candidate is read.
const MAX_WORD_AFTER_BYTES: usize = 32;

/// How many opening quotes or brackets are skipped before the word after a candidate.
const MAX_OPENING_CHARS: usize = 4;

/// How far back (bytes) words are counted to tell a short time phrase ("At 5 a.m.").
const SHORT_PHRASE_BYTES: usize = 48;

/// Number of words up to which a sentence that ends in a clock time is a phrase, not a
/// sentence ("At 5 a.m. Mr. Smith went ...").
const SHORT_PHRASE_WORDS: usize = 3;

/// Splits text into sentences with a language's abbreviation and sentence-starter lists.
#[derive(Debug, Clone)]
pub struct SentenceSplitter {
    table: AbbreviationTable,
}

impl Default for SentenceSplitter {
    fn default() -> Self {
        SentenceSplitter::new(Language::English)
    }
}

/// Byte ranges of the sentences of `text` (English rules), trimmed of surrounding white space.
/// Every line break ends a sentence, so headlines without final punctuation stand alone.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    static ENGLISH: OnceLock<SentenceSplitter> = OnceLock::new();
    ENGLISH
        .get_or_init(|| SentenceSplitter::new(Language::English))
        .split(text)
}

/// What follows a boundary candidate, after white space and opening quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NextKind {
    /// Nothing: the end of the text.
    End,
    /// A lowercase letter.
    Lower,
    /// An uppercase letter, or a letter of a script without case.
    Upper,
    /// A digit.
    Digit,
    /// Anything else (a dash, a symbol).
    Other,
}

/// The token after a boundary candidate.
#[derive(Debug, Clone, Copy)]
struct Next<'a> {
    kind: NextKind,
    /// The word (letters, digits, apostrophes) that starts there, at most
    /// [`MAX_WORD_AFTER_BYTES`] long.
    word: &'a str,
    /// Whether the word is directly followed by a period (another initial: "J. R. R.").
    word_then_period: bool,
}

impl SentenceSplitter {
    /// A splitter for `language`.
    pub fn new(language: Language) -> Self {
        SentenceSplitter {
            table: AbbreviationTable::new(&language.segmentation_rules()),
        }
    }

    /// Byte ranges of the sentences of `text`, trimmed of surrounding white space, in order
    /// and not overlapping. Every line break ends a sentence.
    pub fn split(&self, text: &str) -> Vec<Range<usize>> {
        let items = list::find(text);
        let mut item_starts = items.starts.iter().copied().peekable();
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while let Some(c) = text[i..].chars().next() {
            while let Some(p) = item_starts.next_if(|&p| p <= i) {
                if p > start {
                    push_trimmed(text, start..p, &mut out);
                    start = p;
                }
            }
            if c == '\n' {
                push_trimmed(text, start..i, &mut out);
                start = i + 1;
                i += 1;
            } else if is_final_mark(c) {
                let t = terminal::scan(text, i);
                if let Some(cut) = self.boundary(text, start, &t, &items) {
                    push_trimmed(text, start..cut, &mut out);
                    start = cut;
                }
                i = t.end;
            } else {
                i += c.len_utf8();
            }
        }
        push_trimmed(text, start..text.len(), &mut out);
        out
    }

    /// Where the sentence ends at this run of final punctuation, if it ends there.
    fn boundary(&self, text: &str, start: usize, t: &Terminal, items: &ListItems) -> Option<usize> {
        let after = &text[t.end..];
        if !after.chars().next().map_or(true, char::is_whitespace) {
            return None; // "U.S.A", "example.com", "Jr.'s", "...see"
        }
        if text[..t.start].ends_with(['[', '(']) {
            return None; // "[...]", "(!)"
        }
        if items.marker_periods.binary_search(&t.start).is_ok() {
            return None; // "1. The first item"
        }
        let next = self.next_token(after);
        if next.kind == NextKind::End {
            return Some(t.end);
        }
        if next.kind == NextKind::Lower {
            return None;
        }
        let upper = next.kind == NextKind::Upper;
        match t.kind {
            MarkKind::Strong => Some(t.end),
            MarkKind::Ellipsis | MarkKind::LongEllipsis => upper.then_some(t.end),
            MarkKind::SpacedEllipsis => None,
            MarkKind::SpacedLongEllipsis => {
                let attached = !text[..t.start].ends_with(char::is_whitespace);
                upper.then_some(if attached { t.first_end } else { t.end })
            }
            MarkKind::Period => self.period_ends(text, start, t, &next).then_some(t.end),
        }
    }

    /// Whether a single period followed by white space and `next` (not lowercase, not the
    /// end) ends the sentence, judging by the word before it.
    fn period_ends(&self, text: &str, start: usize, t: &Terminal, next: &Next<'_>) -> bool {
        let starter = next.kind == NextKind::Upper && self.table.is_sentence_starter(next.word);
        match self.table.classify(word_before(text, t.start)) {
            WordBefore::Ordinary => true,
            WordBefore::Title => false,
            WordBefore::Number => next.kind != NextKind::Digit,
            WordBefore::Abbreviation => starter,
            WordBefore::Initial => starter && !next.word_then_period,
            WordBefore::Time => {
                next.kind == NextKind::Upper
                    && (starter
                        || (!self.table.is_time_word(next.word)
                            && !is_short_phrase(&text[start..t.start])))
            }
        }
    }

    /// The token after a candidate boundary: skip white space, then opening quotes.
    fn next_token<'a>(&self, after: &'a str) -> Next<'a> {
        let rest = after.trim_start();
        let mut chars = rest.char_indices();
        let mut word_start = None;
        for (n, (at, c)) in chars.by_ref().enumerate() {
            if !is_opening(c) || n >= MAX_OPENING_CHARS {
                word_start = Some((at, c));
                break;
            }
        }
        let Some((at, first)) = word_start else {
            let kind = if rest.is_empty() {
                NextKind::End
            } else {
                NextKind::Other
            };
            return Next {
                kind,
                word: "",
                word_then_period: false,
            };
        };
        let kind = if first.is_lowercase() {
            NextKind::Lower
        } else if first.is_uppercase() || first.is_alphabetic() {
            NextKind::Upper
        } else if first.is_numeric() {
            NextKind::Digit
        } else {
            NextKind::Other
        };
        let word_rest = &rest[at..];
        let mut word_len = 0;
        for (off, c) in word_rest.char_indices() {
            if off >= MAX_WORD_AFTER_BYTES || !(c.is_alphanumeric() || c == '\'' || c == '’') {
                break;
            }
            word_len = off + c.len_utf8();
        }
        Next {
            kind,
            word: &word_rest[..word_len],
            word_then_period: word_rest[word_len..].starts_with('.'),
        }
    }
}

/// The word that ends at `end` (just before a period), without opening quotes or brackets;
/// empty when longer than [`MAX_WORD_BEFORE_BYTES`].
fn word_before(text: &str, end: usize) -> &str {
    let mut begin = end;
    for (at, c) in text[..end].char_indices().rev() {
        if c.is_whitespace() {
            break;
        }
        if end - at > MAX_WORD_BEFORE_BYTES {
            return "";
        }
        begin = at;
    }
    text[begin..end].trim_start_matches(is_opening)
}

/// Whether the sentence so far is a short phrase ("At 5 a.m."), counting words backwards
/// over at most [`SHORT_PHRASE_BYTES`].
fn is_short_phrase(sentence: &str) -> bool {
    if sentence.len() > SHORT_PHRASE_BYTES {
        return false;
    }
    sentence.split_whitespace().count() <= SHORT_PHRASE_WORDS
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let trimmed = s.trim_start();
    let start = range.start + (s.len() - trimmed.len());
    let trimmed = trimmed.trim_end();
    if !trimmed.is_empty() {
        out.push(start..start + trimmed.len());
    }
}
