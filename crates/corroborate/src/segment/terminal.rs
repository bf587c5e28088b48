//! Sentence-final punctuation: a run of periods, question and exclamation marks and
//! ellipses (also spaced ". . ."), with the closing quotes and brackets after it.

use super::quote::{is_closing, is_quote};

/// What kind of mark a run of final punctuation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MarkKind {
    /// One period: a sentence end, an abbreviation or an initial.
    Period,
    /// Contains `!` or `?` ("!!", "?!"): a sentence end unless a lowercase word follows.
    Strong,
    /// Three periods or "…": a pause, or an end before a capitalised word.
    Ellipsis,
    /// Two, or four or more, periods ("that.... She"): an end before a capitalised word.
    LongEllipsis,
    /// Three spaced periods ". . .": an omission inside a sentence, never an end.
    SpacedEllipsis,
    /// Four or more spaced periods ". . . .": an end before a capitalised word. When the
    /// first period touches the word before it ("compounds. . . ."), that period ends the
    /// sentence and the ellipsis opens the next one.
    SpacedLongEllipsis,
}

/// A run of final punctuation found at some byte position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Terminal {
    /// Byte position of the first mark.
    pub start: usize,
    /// Byte position just after the first mark.
    pub first_end: usize,
    /// Byte position after the marks and any closing quotes and brackets.
    pub end: usize,
    /// What the marks are.
    pub kind: MarkKind,
}

/// Whether `c` ends a sentence on its own.
pub(crate) fn is_final_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉') || is_unspaced_final_mark(c)
}

/// Sentence marks of scripts that need no space after them (Chinese and Japanese full stops
/// and full-width marks) or whose marks are never abbreviation dots (Devanagari danda,
/// Myanmar, Ethiopic, Khmer, Arabic and Urdu): the sentence ends there, whatever follows.
pub(crate) fn is_unspaced_final_mark(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '．'
            | '｡'
            | '︒'
            | '﹒'
            | '﹗'
            | '﹖'
            | '।'
            | '॥'
            | '။'
            | '።'
            | '፧'
            | '។'
            | '؟'
            | '۔'
    )
}

/// The run of final punctuation starting at `start`, which must hold a final mark.
/// Linear in the length of the run.
pub(crate) fn scan(text: &str, start: usize) -> Terminal {
    let mut pos = start;
    let mut first_end = None;
    let mut periods = 0usize;
    let mut strong = false;
    let mut ellipsis_chars = 0usize;
    let mut spaced = false;
    loop {
        let rest = &text[pos..];
        let Some(c) = rest.chars().next() else { break };
        if is_final_mark(c) {
            match c {
                '.' | '。' | '．' | '｡' | '︒' | '﹒' | '।' | '။' | '።' | '។' | '۔' => {
                    periods += 1
                }
                '…' => ellipsis_chars += 1,
                _ => strong = true,
            }
            pos += c.len_utf8();
            first_end.get_or_insert(pos);
        } else if c == ' '
            && periods > 0
            && rest[1..].starts_with('.')
            && spaced_period_ends(&rest[2..])
        {
            spaced = true;
            pos += 1;
        } else if is_closing(c) && first_end.is_some() {
            pos += c.len_utf8();
        } else if c == ' ' && first_end.is_some() && detached_closing_quotes(&rest[1..]) > 0 {
            pos += 1 + detached_closing_quotes(&rest[1..]);
        } else {
            break;
        }
    }
    let kind = if strong {
        MarkKind::Strong
    } else if spaced {
        if periods >= 4 {
            MarkKind::SpacedLongEllipsis
        } else {
            MarkKind::SpacedEllipsis
        }
    } else {
        match (periods, ellipsis_chars) {
            (1, 0) => MarkKind::Period,
            (3, 0) | (0, 1) => MarkKind::Ellipsis,
            _ => MarkKind::LongEllipsis,
        }
    };
    Terminal {
        start,
        first_end: first_end.expect("scan starts at a final mark"),
        end: pos,
        kind,
    }
}

/// Byte length of a run of quotation marks at the start of `s` that stands alone, followed by
/// white space or the end: a closing quote set off by a space (`.' ''` in newswire text).
/// Zero when there is none.
fn detached_closing_quotes(s: &str) -> usize {
    let len: usize = s
        .chars()
        .take_while(|&c| is_closing(c) && is_quote(c))
        .map(char::len_utf8)
        .sum();
    let alone = s[len..].chars().next().is_none_or(char::is_whitespace);
    if len > 0 && alone {
        len
    } else {
        0
    }
}

/// Whether a period that follows a space continues a spaced ellipsis: it is followed by a
/// space, the end, another mark or a closing quote.
fn spaced_period_ends(after: &str) -> bool {
    after
        .chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || is_final_mark(c) || is_closing(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_and_end(text: &str) -> (MarkKind, usize) {
        let start = text.find(is_final_mark).expect("test text has a mark");
        let t = scan(text, start);
        (t.kind, t.end)
    }

    #[test]
    fn recognises_runs_of_marks() {
        assert_eq!(kind_and_end("end. Next"), (MarkKind::Period, 4));
        assert_eq!(kind_and_end("end!? Next"), (MarkKind::Strong, 5));
        assert_eq!(kind_and_end("end... Next"), (MarkKind::Ellipsis, 6));
        assert_eq!(kind_and_end("end… Next"), (MarkKind::Ellipsis, 6));
        assert_eq!(kind_and_end("end.... Next"), (MarkKind::LongEllipsis, 7));
        assert_eq!(
            kind_and_end("end . . . next"),
            (MarkKind::SpacedEllipsis, 9)
        );
        assert_eq!(
            kind_and_end("end. . . . Next"),
            (MarkKind::SpacedLongEllipsis, 10)
        );
        assert_eq!(kind_and_end("end.\" Next"), (MarkKind::Period, 5));
        assert_eq!(kind_and_end("end.'' Next"), (MarkKind::Period, 6));
        assert_eq!(kind_and_end("end.”) Next"), (MarkKind::Period, 8));
        assert_eq!(
            kind_and_end("complex. . . .”"),
            (MarkKind::SpacedLongEllipsis, 17)
        );
    }

    #[test]
    fn a_lone_period_after_a_space_is_not_spaced_ellipsis() {
        assert_eq!(kind_and_end("a. .NET"), (MarkKind::Period, 2));
    }
}
