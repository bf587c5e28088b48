//! Word tokens: maximal runs of letters and digits, with inner apostrophes, hyphens and
//! decimal points kept inside the word.

use std::ops::Range;

/// Iterator over the byte spans of the words of a text.
pub struct WordSpans<'a> {
    text: &'a str,
    pos: usize,
}

/// The byte spans of the words of `text`.
pub fn word_spans(text: &str) -> WordSpans<'_> {
    WordSpans { text, pos: 0 }
}

impl Iterator for WordSpans<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let rest = &self.text[self.pos..];
        let mut start = None;
        let mut end = self.pos;
        let mut chars = rest.char_indices().peekable();
        while let Some((off, c)) = chars.next() {
            let at = self.pos + off;
            if c.is_alphanumeric() {
                if start.is_none() {
                    start = Some(at);
                }
                end = at + c.len_utf8();
            } else if start.is_some()
                && matches!(c, '\'' | '\u{2019}' | '-' | '.' | ',')
                && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric())
                && (matches!(c, '\'' | '\u{2019}' | '-')
                    || (self.text[..at].ends_with(|p: char| p.is_ascii_digit())
                        && chars.peek().is_some_and(|(_, n)| n.is_ascii_digit())))
            {
                continue;
            } else if let Some(s) = start {
                self.pos = at;
                return Some(s..end);
            }
        }
        self.pos = self.text.len();
        start.map(|s| s..end)
    }
}
