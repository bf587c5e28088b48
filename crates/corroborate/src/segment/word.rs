//! Word tokens: maximal runs of letters and digits, with inner apostrophes, hyphens and
//! decimal points kept inside the word.

use crate::swar::{ascii_alnum, ascii_spaces, load8, HI, LO};
use std::ops::Range;

/// Length of the run of ASCII letters and digits that starts at `at`, read eight bytes at a
/// time (byte by byte, this loop was the larger part of word splitting).
#[inline]
fn ascii_alnum_run(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while at < bytes.len() {
        let stop = !ascii_alnum(load8(bytes, at)) & HI;
        if stop != 0 {
            return at - from + (stop.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at.min(bytes.len()) - from
}

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
        // Bytes below 0x80 are read directly, other characters decoded: word splitting was a
        // tenth of segmentation time when every character was decoded. ASCII bytes are
        // classified eight at a time (same spans as one character at a time).
        let text = self.text;
        let bytes = text.as_bytes();
        let char_at = |i: usize| -> Option<char> {
            match bytes.get(i) {
                None => None,
                Some(&b) if b < 0x80 => Some(b as char),
                Some(_) => text[i..].chars().next(),
            }
        };
        // The first letter or digit, other ASCII bytes skipped eight at a time, and the end
        // of the run of ASCII letters and digits it starts (from the same eight bytes when
        // the run ends there, as most words do).
        let mut at = self.pos;
        let (start, mut at) = loop {
            if at >= bytes.len() {
                self.pos = text.len();
                return None;
            }
            let x = load8(bytes, at);
            let alnum = ascii_alnum(x);
            // ASCII letters and digits, and non-ASCII bytes (the padding past the end is
            // neither).
            let stop = (alnum | x) & HI;
            if stop == 0 {
                at += 8;
                continue;
            }
            let offset = stop.trailing_zeros() / 8;
            let start = at + offset as usize;
            if bytes[start] < 0x80 {
                let run_end = !alnum & (HI << (8 * offset));
                if run_end != 0 {
                    break (start, at + (run_end.trailing_zeros() / 8) as usize);
                }
                break (start, at + 8 + ascii_alnum_run(bytes, at + 8));
            }
            let c = text[start..]
                .chars()
                .next()
                .expect("start is a char boundary");
            if is_ideograph(c) {
                self.pos = start + c.len_utf8();
                return Some(start..self.pos);
            }
            if c.is_alphanumeric() {
                break (start, start);
            }
            at = start + c.len_utf8();
        };
        let mut end = start;
        loop {
            if at > end {
                end = at;
            }
            let Some(&b) = bytes.get(at) else {
                break;
            };
            // An apostrophe or hyphen between letters, or a decimal point or thousands
            // separator between digits, stays inside the word.
            if b < 0x80 {
                let inner = match b {
                    b'\'' | b'-' => char_at(at + 1).is_some_and(joins),
                    b'.' | b',' => {
                        bytes[at - 1].is_ascii_digit()
                            && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)
                    }
                    _ => false,
                };
                if !inner {
                    break;
                }
                at += 1;
            } else {
                let c = text[at..].chars().next().expect("at is a char boundary");
                let len = c.len_utf8();
                if c.is_alphanumeric() && !is_ideograph(c) {
                    at += len;
                    end = at;
                } else if c == '\u{2019}' && char_at(at + len).is_some_and(joins) {
                    at += len;
                } else {
                    break;
                }
            }
            at += ascii_alnum_run(bytes, at);
        }
        self.pos = at;
        Some(start..end)
    }
}

/// Number of bytes among those flagged in `within` that are not white space by `space` (as
/// [`ascii_spaces`] gives) and follow one that is, the byte before the first counting as
/// white space when `after_space`.
#[inline]
fn word_starts(space: u64, after_space: bool, within: u64) -> usize {
    let before = (space << 8) | (u64::from(after_space) << 7);
    // Bytes of 0 or 1, summed into the top byte by the multiplication.
    let starts = (!space & before & within) >> 7;
    (starts.wrapping_mul(LO) >> 56) as usize
}

/// Whether an apostrophe or hyphen before `c` stays inside a word: a letter or digit follows
/// (not an ideograph, which is a word of its own).
fn joins(c: char) -> bool {
    c.is_alphanumeric() && !is_ideograph(c)
}

/// Whether `c` is a Chinese character or Japanese kana: scripts written without spaces, where
/// each character is taken as one word (as Chinese ROUGE and search indexes do without a
/// dictionary).
pub(crate) fn is_ideograph(c: char) -> bool {
    matches!(
        c,
        '\u{3040}'..='\u{30FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FF66}'..='\u{FF9F}'
            | '\u{20000}'..='\u{2FA1F}'
    ) && c.is_alphanumeric() // the kana block also holds combining and spacing sound marks
}

/// Words of a sentence for budgets and length rules: white-space separated words
/// (`count_words`), with a run of Chinese characters or kana counting one word per
/// character instead of one for the whole run.
pub fn sentence_words(text: &str) -> usize {
    let spaced = count_words(text);
    if text.is_ascii() {
        return spaced;
    }
    let mut extra = 0;
    for token in text.split_whitespace() {
        let n = token.chars().filter(|&c| is_ideograph(c)).count();
        extra += n.saturating_sub(1);
    }
    spaced + extra
}

/// Number of white-space separated words, the same as `text.split_whitespace().count()`.
///
/// A word starts at a byte that is not white space after one that is (or at the start).
/// Eight bytes are classified at a time in a `u64` (the byte-wise count was about 13
/// instructions a byte, a twentieth of prepare + default); only a non-ASCII character is
/// decoded, so multi-byte white space (no-break space, em space, ideographic space) still
/// separates words.
pub(crate) fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut count = 0;
    // Whether the byte before `at` is white space (the start counts as white space).
    let mut after_space = true;
    let mut at = 0;
    loop {
        // Eight ASCII bytes at a time.
        while let Some(chunk) = bytes.get(at..at + 8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if x & HI != 0 {
                break;
            }
            let space = ascii_spaces(x);
            count += word_starts(space, after_space, HI);
            after_space = space >> 63 != 0;
            at += 8;
        }
        if at >= n {
            break;
        }
        // Eight bytes with a non-ASCII one, or the last few followed by spaces (which start
        // no word).
        let x = load8(bytes, at);
        // The ASCII bytes before the first non-ASCII one, if any, then that character.
        let ascii = ((x & HI).trailing_zeros() / 8) as usize;
        if ascii > 0 {
            let space = ascii_spaces(x);
            count += word_starts(space, after_space, HI >> (64 - 8 * ascii));
            after_space = (space >> (8 * ascii - 1)) & 1 != 0;
            at += ascii;
            continue;
        }
        let c = text[at..]
            .chars()
            .next()
            .expect("a non-ASCII byte at a char boundary starts a char");
        let space = c.is_whitespace();
        if !space && after_space {
            count += 1;
        }
        after_space = space;
        at += c.len_utf8();
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn count_words_matches_split_whitespace(
            text in "([a-z]{1,3}|[ \t\n\r\x0b\x0c]|\u{a0}|\u{85}|\u{2028}|\u{3000}|\u{200b}|é|—){0,30}",
        ) {
            proptest::prop_assert_eq!(count_words(&text), text.split_whitespace().count());
        }

        #[test]
        fn count_words_matches_split_whitespace_on_ascii_runs(
            text in "([\\x00-\\x7f]{0,20}|\u{a0}|\u{2003}|é){0,8}",
        ) {
            proptest::prop_assert_eq!(count_words(&text), text.split_whitespace().count());
        }

        #[test]
        fn count_words_matches_split_whitespace_on_any_text(text in ".*") {
            proptest::prop_assert_eq!(count_words(&text), text.split_whitespace().count());
        }
    }

    /// The character-by-character form the byte loop replaced.
    fn reference(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut pos = 0;
        loop {
            let rest = &text[pos..];
            let mut start = None;
            let mut end = pos;
            let mut chars = rest.char_indices().peekable();
            let mut found = None;
            while let Some((off, c)) = chars.next() {
                let at = pos + off;
                if is_ideograph(c) {
                    // One word per character, ending any word before it.
                    if let Some(s) = start {
                        pos = at;
                        found = Some(s..end);
                    } else {
                        pos = at + c.len_utf8();
                        found = Some(at..pos);
                    }
                    break;
                } else if c.is_alphanumeric() {
                    if start.is_none() {
                        start = Some(at);
                    }
                    end = at + c.len_utf8();
                } else if start.is_some()
                    && matches!(c, '\'' | '\u{2019}' | '-' | '.' | ',')
                    && chars
                        .peek()
                        .is_some_and(|(_, n)| n.is_alphanumeric() && !is_ideograph(*n))
                    && (matches!(c, '\'' | '\u{2019}' | '-')
                        || (text[..at].ends_with(|p: char| p.is_ascii_digit())
                            && chars.peek().is_some_and(|(_, n)| n.is_ascii_digit())))
                {
                    continue;
                } else if let Some(s) = start {
                    pos = at;
                    found = Some(s..end);
                    break;
                }
            }
            match found {
                Some(r) => out.push(r),
                None => {
                    if let Some(s) = start {
                        out.push(s..end);
                    }
                    return out;
                }
            }
        }
    }

    #[test]
    fn each_chinese_character_or_kana_is_a_word() {
        let text = "AI技術は進む。Don't-東京";
        let words: Vec<&str> = word_spans(text).map(|r| &text[r]).collect();
        assert_eq!(
            words,
            ["AI", "技", "術", "は", "進", "む", "Don't", "東", "京"]
        );
        assert_eq!(sentence_words("東京は 晴れ です"), 7);
        assert_eq!(sentence_words("plain words only"), 3);
    }

    #[test]
    fn words_with_inner_marks() {
        let text = "Don't stop: 3.5 million, 1,200 well-known ’90s — éclair’s";
        let words: Vec<&str> = word_spans(text).map(|r| &text[r]).collect();
        assert_eq!(
            words,
            [
                "Don't",
                "stop",
                "3.5",
                "million",
                "1,200",
                "well-known",
                "90s",
                "éclair’s"
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn byte_loop_matches_the_reference(text in "[a-c1-3 '’.,é—-]{0,40}") {
            proptest::prop_assert_eq!(word_spans(&text).collect::<Vec<_>>(), reference(&text));
        }

        #[test]
        fn byte_loop_matches_the_reference_on_ascii_runs(
            text in "([\\x00-\\x7f]{0,24}|[a-z0-9]{8,20}|’|é){0,6}",
        ) {
            proptest::prop_assert_eq!(word_spans(&text).collect::<Vec<_>>(), reference(&text));
        }

        #[test]
        fn byte_loop_matches_the_reference_on_any_text(text in ".*") {
            proptest::prop_assert_eq!(word_spans(&text).collect::<Vec<_>>(), reference(&text));
        }
    }
}
