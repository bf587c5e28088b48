//! Sentence boundaries: a rule-based splitter in the spirit of pragmatic_segmenter, one
//! forward pass over the text, linear in its length.
//!
//! We write our own rather than reuse a crate: sentencex 0.1.33, the best maintained one we
//! measured, passed 43 of the 48 English Golden Rules (lists and spaced ellipses fail),
//! returns strings rather than byte spans and needs a newer Rust than ours.

use super::abbreviation::{AbbreviationTable, WordBefore};
use super::list::{self, ListItems};
use super::quote::{is_opening, is_quote};
use super::terminal::{self, is_final_mark, is_unspaced_final_mark, MarkKind, Terminal};
use crate::lang::Language;
use crate::swar::{equal, load8, HI};
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

/// Bytes where the splitter has something to look at: line breaks, ASCII final marks and the
/// lead bytes of the other final marks ("…", "‼", "。", "？", "।", "။", "؟", "۔"). List items
/// are found by a separate pass.
const MAY_MATTER: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(
            b as u8,
            b'\n' | b'.' | b'!' | b'?' | 0xD8 | 0xDB | 0xE0 | 0xE1 | 0xE2 | 0xE3 | 0xEF
        );
        b += 1;
    }
    table
};

/// The first byte at or after `from` in [`MAY_MATTER`]. Eight bytes are screened at a time
/// for line breaks, ASCII final marks and non-ASCII bytes, and only those are looked up (the
/// byte-wise scan was a third of sentence splitting).
fn next_that_may_matter(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while at < bytes.len() {
        let x = load8(bytes, at);
        let mut candidates =
            (equal(x, b'\n') | equal(x, b'.') | equal(x, b'!') | equal(x, b'?') | x) & HI;
        while candidates != 0 {
            let i = at + (candidates.trailing_zeros() / 8) as usize;
            if MAY_MATTER[usize::from(bytes[i])] {
                return Some(i);
            }
            candidates &= candidates - 1;
        }
        at += 8;
    }
    None
}

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
    /// Whether an opening quotation mark (not a bracket) comes before the word.
    quoted: bool,
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
        let bytes = text.as_bytes();
        let items = list::find(text);
        let mut item_starts = items.starts.iter().copied().peekable();
        let mut out = Vec::new();
        let mut start = skip_blanks(text, 0);
        let mut i = 0;
        // Jump from byte that may matter to the next; each is a char boundary, since UTF-8
        // continuation bytes are never in the table.
        while let Some(next) = next_that_may_matter(bytes, i) {
            i = next;
            while let Some(p) = item_starts.next_if(|&p| p <= i) {
                if p > start {
                    push_trimmed(text, start..p, &mut out);
                    start = p;
                }
            }
            let c = text[i..]
                .chars()
                .next()
                .expect("i is below the text length");
            if c == '\n' {
                push_trimmed(text, start..i, &mut out);
                start = skip_blanks(text, i + 1);
                i += 1;
            } else if is_final_mark(c) {
                let t = terminal::scan(text, i);
                if let Some(cut) = self.boundary(text, start, &t, &items) {
                    push_trimmed(text, start..cut, &mut out);
                    start = skip_blanks(text, cut);
                }
                i = t.end;
            } else {
                i += c.len_utf8();
            }
        }
        for p in item_starts {
            if p > start {
                push_trimmed(text, start..p, &mut out);
                start = p;
            }
        }
        push_trimmed(text, start..text.len(), &mut out);
        out
    }

    /// Where the sentence ends at this run of final punctuation, if it ends there.
    fn boundary(&self, text: &str, start: usize, t: &Terminal, items: &ListItems) -> Option<usize> {
        if text[t.start..].starts_with(is_unspaced_final_mark) {
            return Some(t.end); // "。", "！": scripts that write no space after a sentence
        }
        let after = &text[t.end..];
        let glued = !after.chars().next().is_none_or(char::is_whitespace);
        if glued && !self.glued_end(text, t, after) {
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
        // Computed only when a sentence ends here, so the backward count of quotes covers
        // each sentence once.
        let end = || {
            if glued {
                opening_quote_start(text, start, t)
            } else {
                t.end
            }
        };
        if next.kind == NextKind::Lower {
            return None;
        }
        let upper = next.kind == NextKind::Upper;
        match t.kind {
            MarkKind::Strong => Some(end()),
            MarkKind::Ellipsis | MarkKind::LongEllipsis => upper.then_some(t.end),
            MarkKind::SpacedEllipsis => None,
            MarkKind::SpacedLongEllipsis => {
                let attached = !text[..t.start].ends_with(char::is_whitespace);
                upper.then_some(if attached { t.first_end } else { t.end })
            }
            MarkKind::Period => self.period_ends(text, start, t, &next).then(end),
        }
    }

    /// Whether marks with no space after them still end a sentence, as in web text that lost
    /// its spaces: a capitalised word follows, and either a quote closes before it
    /// (`region."That`) or it follows an ordinary lowercase word (`week.The`,
    /// `beyond.Researchers`).
    /// Addresses and abbreviations ("Jane.Doe@x.com", "U.S.A") do not qualify.
    fn glued_end(&self, text: &str, t: &Terminal, after: &str) -> bool {
        if !matches!(t.kind, MarkKind::Period | MarkKind::Strong) {
            return false;
        }
        let mut chars = after.chars();
        let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
            return false;
        };
        let pronoun_i = first == 'I' && (second.is_whitespace() || second == '\'' || second == '’');
        if !first.is_uppercase() || !(second.is_lowercase() || pronoun_i) {
            return false;
        }
        let word_len = after
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(after.len());
        let word = &after[..word_len];
        let word_ends = after[word_len..]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '!' | '?'));
        if word.len() > MAX_WORD_AFTER_BYTES || !word_ends {
            return false;
        }
        let quote_closed = text[t.start..t.end].contains(is_quote);
        let after_lowercase = text[..t.start].ends_with(|c: char| c.is_lowercase());
        quote_closed
            || (after_lowercase
                && (self.table.is_sentence_starter(word)
                    || self.ordinary_word_before(text, t.start)))
    }

    /// Whether the run of non-blank text before `end` is one ordinary word of at least two
    /// letters ("beyond" in `beyond.Researchers`): not an abbreviation or title ("Mr.Smith")
    /// and not a dotted name, address or path ("IGC.org", "x@y", "a/b"), whose parts may be
    /// capitalised.
    fn ordinary_word_before(&self, text: &str, end: usize) -> bool {
        let run = text[..end]
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or_default();
        let run = run.trim_start_matches(|c: char| is_opening(c) || c == '(');
        run.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && run
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
            && self.table.classify(run) == WordBefore::Ordinary
    }

    /// Whether a single period followed by white space and `next` (not lowercase, not the
    /// end) ends the sentence, judging by the word before it.
    fn period_ends(&self, text: &str, start: usize, t: &Terminal, next: &Next<'_>) -> bool {
        let (word_start, word) = word_before(text, t.start);
        let kind = self.table.classify(word);
        // The word may begin before this sentence (a run of CJK marks ended the previous one
        // inside it): then nothing but that word is in the sentence.
        let alone = text
            .get(start..word_start)
            .is_none_or(|before| before.trim().is_empty());
        if alone && !matches!(kind, WordBefore::Ordinary | WordBefore::Number) {
            return false; // "Q. What is ...", an abbreviation cannot be a sentence
        }
        let starter = next.kind == NextKind::Upper && self.table.is_sentence_starter(next.word);
        let quoted = next.kind == NextKind::Upper && next.quoted;
        match kind {
            WordBefore::Ordinary => true,
            WordBefore::Title => false,
            WordBefore::Number => !next.word.contains(|c: char| c.is_ascii_digit()),
            WordBefore::Abbreviation => starter || quoted,
            WordBefore::Initial => starter && !next.word_then_period,
            WordBefore::Time => {
                (starter || quoted) && !is_short_phrase(text.get(start..t.start).unwrap_or(""))
            }
        }
    }

    /// The token after a candidate boundary: skip white space, then opening quotes.
    fn next_token<'a>(&self, after: &'a str) -> Next<'a> {
        let rest = after.trim_start();
        let mut word_start = None;
        let mut quoted = false;
        for (n, (at, c)) in rest.char_indices().enumerate() {
            if !is_opening(c) || n >= MAX_OPENING_CHARS {
                word_start = Some((at, c));
                break;
            }
            quoted |= is_quote(c);
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
                quoted,
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
            quoted,
        }
    }
}

/// Where a sentence glued to the next one ends: after its marks, or before the straight
/// double quotes after them when those open the next sentence (the sentence so far holds an
/// even number of them: `said."Now`), not close this one (`"Run."Then`).
fn opening_quote_start(text: &str, start: usize, t: &Terminal) -> usize {
    let run = &text[t.start..t.end];
    let marks_end = t.start + run.trim_end_matches(|c: char| !is_final_mark(c)).len();
    let trailing = &text[marks_end..t.end];
    let balanced = text[start..marks_end]
        .matches('"')
        .count()
        .is_multiple_of(2);
    if !trailing.is_empty() && trailing.chars().all(|c| c == '"') && balanced {
        marks_end
    } else {
        t.end
    }
}

/// The word that ends at `end` (just before a period) and where it starts, without leading
/// punctuation ("(Co", "--Aug"); empty when longer than [`MAX_WORD_BEFORE_BYTES`].
fn word_before(text: &str, end: usize) -> (usize, &str) {
    let mut begin = end;
    for (at, c) in text[..end].char_indices().rev() {
        if c.is_whitespace() {
            break;
        }
        if end - at > MAX_WORD_BEFORE_BYTES {
            return (end, "");
        }
        begin = at;
    }
    let word = text[begin..end].trim_start_matches(|c: char| !c.is_alphanumeric());
    (end - word.len(), word)
}

/// Whether the sentence so far is a short phrase ("At 5 a.m."), counting words backwards
/// over at most [`SHORT_PHRASE_BYTES`].
fn is_short_phrase(sentence: &str) -> bool {
    if sentence.len() > SHORT_PHRASE_BYTES {
        return false;
    }
    sentence.split_whitespace().count() <= SHORT_PHRASE_WORDS
}

/// The first position at or after `pos` that is not white space other than a line break.
/// Sentences start there, so that checks on "the sentence so far" never rescan white space.
fn skip_blanks(text: &str, pos: usize) -> usize {
    let rest = &text[pos..];
    pos + (rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() && c != '\n')
            .len())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The eight-byte screen finds every byte of [`MAY_MATTER`], whatever the byte and its
    /// place in a chunk (it tests the ASCII ones by value, so the two lists must agree).
    #[test]
    fn screen_finds_every_byte_that_may_matter() {
        for b in 0..=255u8 {
            for at in 0..10 {
                let mut bytes = vec![b'a'; 12];
                bytes[at] = b;
                let byte_wise = bytes.iter().position(|&c| MAY_MATTER[usize::from(c)]);
                assert_eq!(
                    next_that_may_matter(&bytes, 0),
                    byte_wise,
                    "byte {b:#x} at {at}"
                );
            }
        }
    }

    /// `split!(name: text => [sentences...])` checks the sentences of `text`.
    macro_rules! split {
        ($($name:ident: $text:expr => [$($want:expr),* $(,)?];)*) => {$(
            #[test]
            fn $name() {
                let text: &str = $text;
                let got: Vec<&str> = split_sentences(text).into_iter().map(|r| &text[r]).collect();
                let want: Vec<&str> = vec![$($want),*];
                assert_eq!(got, want, "\n text: {text:?}");
            }
        )*};
    }

    split! {
        plain_sentences: "It rained. Roads closed! Why? Nobody knows." =>
            ["It rained.", "Roads closed!", "Why?", "Nobody knows."];
        united_states_mid_sentence: "The U.S. Senate met. The U.S. team won in the U.S. It rained." =>
            ["The U.S. Senate met.", "The U.S. team won in the U.S.", "It rained."];
        state_in_a_dateline: "TUBA CITY, Ariz. _ The council met on Monday. It voted." =>
            ["TUBA CITY, Ariz. _ The council met on Monday.", "It voted."];
        state_before_an_agency_tag: "SALEM, Ore. (AP) -- The vote was close." =>
            ["SALEM, Ore. (AP) -- The vote was close."];
        state_at_the_end: "She lives in Dover, Del. The town is quiet." =>
            ["She lives in Dover, Del.", "The town is quiet."];
        number_abbreviation: "He was ranked No. 5 and sent specimen No. XB204 away. No. That was all." =>
            ["He was ranked No. 5 and sent specimen No. XB204 away.", "No.", "That was all."];
        clock_times: "The shop opens at 9 a.m. Monday and closes at 5 p.m. The owner sleeps late." =>
            ["The shop opens at 9 a.m. Monday and closes at 5 p.m.", "The owner sleeps late."];
        clock_time_before_a_name: "The concert starts at 3 p.m. Harbor Hall is full." =>
            ["The concert starts at 3 p.m. Harbor Hall is full."];
        initials: "The Hobbit by J. R. R. Tolkien sold well. George W. Bush read it." =>
            ["The Hobbit by J. R. R. Tolkien sold well.", "George W. Bush read it."];
        initial_then_a_starter: "They chose plan B. The plan failed." =>
            ["They chose plan B.", "The plan failed."];
        question_and_answer_markers: "Q. What is a ferret? A. A small mammal." =>
            ["Q. What is a ferret?", "A. A small mammal."];
        newswire_quotes: "He said, ``Go home.' '' Then he left. ``Why?'' she asked." =>
            ["He said, ``Go home.' ''", "Then he left.", "``Why?'' she asked."];
        company_then_quote: "He works for Acme Corp. ``We build things,'' he said." =>
            ["He works for Acme Corp.", "``We build things,'' he said."];
        titles_and_ranks: "Gen. Lee met Det.-Sgt. Mary Fox and Dr. Paul Ng. A sales rep. Then left." =>
            ["Gen. Lee met Det.-Sgt. Mary Fox and Dr. Paul Ng.", "A sales rep.", "Then left."];
        legal_case: "The ruling in Roe v. Wade stands." => ["The ruling in Roe v. Wade stands."];
        dates: "It opened on Jan. 5 and closed Dec. 31. Then it reopened." =>
            ["It opened on Jan. 5 and closed Dec. 31.", "Then it reopened."];
        dashes_before_abbreviation: "--Aug. 12: the ship sails." => ["--Aug. 12: the ship sails."];
        headlines_on_their_own_lines: "Storm hits coast\n\nTen homes damaged\nThe storm hit at dawn. It moved north." =>
            ["Storm hits coast", "Ten homes damaged", "The storm hit at dawn.", "It moved north."];
        numbered_lines: "1. Pack a bag.\n2. Leave early." => ["1. Pack a bag.", "2. Leave early."];
        curly_quotes_and_brackets: "“We won.” (They did.) She smiled." => ["“We won.”", "(They did.)", "She smiled."];
        ellipsis_in_brackets: "He said [...] nothing. Then [...] left." => ["He said [...] nothing.", "Then [...] left."];
        decimals_and_money: "Shares rose 3.5 percent to $12.75. Bonds fell." =>
            ["Shares rose 3.5 percent to $12.75.", "Bonds fell."];
        empty_and_blank: " \n\t \n" => [];
        lost_spaces_in_web_text: "It fell last week.The city shook.\"Run,\" he said.\"Now!\" Go.Researchers came." =>
            ["It fell last week.", "The city shook.", "\"Run,\" he said.", "\"Now!\"", "Go.", "Researchers came."];
        glued_after_an_abbreviation_stays: "Ask Mr.Smith and Dr.Jones." => ["Ask Mr.Smith and Dr.Jones."];
        glued_closing_quote: "\"Run.\"Then they ran." => ["\"Run.\"", "Then they ran."];
        glued_pronoun: "\"Fine,\" he said.\"I don't know.\"" => ["\"Fine,\" he said.", "\"I don't know.\""];
        addresses_stay_whole: "Write to Jane.Doe@example.com or see www.Example.com today." =>
            ["Write to Jane.Doe@example.com or see www.Example.com today."];
    }

    #[test]
    fn pathological_inputs_finish() {
        // Linear time: a few MB of inputs that would be quadratic with a backward scan over
        // the sentence at each candidate. Completion is the check; no timing asserts.
        let inputs = [
            "a. ".repeat(1 << 18),
            "A. ".repeat(1 << 18),
            "x".repeat(3 << 18),
            ".".repeat(3 << 18),
            " .".repeat(1 << 18),
            "1. ".repeat(1 << 18),
            "a.m. ".repeat(1 << 17),
            "• ".repeat(1 << 18),
            "(".repeat(1 << 18) + ". " + &"(".repeat(1 << 18),
            "Mr.\"The ".repeat(1 << 17),
            " ".repeat(1 << 20) + &"Mr. ".repeat(1 << 17),
            "x.\"The ".repeat(1 << 17),
            format!("{}. {}", "y".repeat(2 << 18), "Z".repeat(1 << 18)),
        ];
        for text in &inputs {
            let spans = split_sentences(text);
            for s in &spans {
                assert!(s.start < s.end && s.end <= text.len());
            }
        }
    }
}
