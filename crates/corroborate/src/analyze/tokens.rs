//! Tokens for the analyzers: words, numbers and punctuation marks with byte offsets.
//!
//! The segmenter's word spans drop punctuation; the analyzers need commas, colons, brackets
//! and currency signs to read attributions and quantities, so they tokenize on their own.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters (possibly with digits, inner hyphens, apostrophes, abbreviation dots).
    Word,
    /// Starts with a digit ("2,000", "7.7", "47-48", "1990s").
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// A token: a byte range of the text it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte.
    pub end: usize,
    /// Kind.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text in `text`.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Whether the token is a word or number.
    pub fn is_wordlike(&self) -> bool {
        self.kind != TokenKind::Punct
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Tokenize `text`. White space separates tokens and is not returned.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token {
                start,
                end: start + c.len_utf8(),
                kind: TokenKind::Punct,
            });
            i += 1;
            continue;
        }
        let numeric = c.is_ascii_digit();
        let mut j = i + 1;
        while j < chars.len() {
            let (_, d) = chars[j];
            if d.is_alphanumeric() {
                j += 1;
                continue;
            }
            let next = chars.get(j + 1).map(|&(_, n)| n);
            let prev = chars[j - 1].1;
            let joins = match d {
                '-' => next.is_some_and(char::is_alphanumeric),
                _ if is_apostrophe(d) => next.is_some_and(char::is_alphabetic) && !numeric,
                ',' | '.' if numeric => {
                    prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit())
                }
                // Abbreviations written with dots: U.S., U.N., a.m.
                '.' => {
                    let single_letter_before = j >= 1
                        && prev.is_alphabetic()
                        && (j < 2 || !chars[j - 2].1.is_alphanumeric());
                    single_letter_before
                        && (next.is_some_and(char::is_alphabetic)
                            && chars
                                .get(j + 2)
                                .is_none_or(|&(_, n)| n == '.' || !n.is_alphanumeric())
                            || (j >= 2 && chars[j - 2].1 == '.'))
                }
                _ => false,
            };
            if !joins {
                break;
            }
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(o, _)| o);
        out.push(Token {
            start,
            end,
            kind: if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
        });
        i = j;
    }
    out
}

/// The word with a final possessive `'s` / `’s` / `’` removed.
pub(crate) fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return stem;
            }
        }
    }
    word
}

/// Whether a word starts with an upper-case letter.
pub(crate) fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word is written in capitals only (at least two letters).
pub(crate) fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(
            texts("About 2,000 U.S. troops, 7.7 million (47-48) al-Hol’s “camp”."),
            vec![
                "About",
                "2,000",
                "U.S.",
                "troops",
                ",",
                "7.7",
                "million",
                "(",
                "47-48",
                ")",
                "al-Hol’s",
                "“",
                "camp",
                "”",
                "."
            ]
        );
    }

    #[test]
    fn sentence_final_dot_is_punctuation() {
        assert_eq!(texts("in Syria. Then"), vec!["in", "Syria", ".", "Then"]);
        assert_eq!(texts("the U.S."), vec!["the", "U.S."]);
        assert_eq!(texts("Plan B."), vec!["Plan", "B", "."]);
    }

    #[test]
    fn possessive_and_case() {
        assert_eq!(strip_possessive("Trump’s"), "Trump");
        assert_eq!(strip_possessive("jihadists"), "jihadists");
        assert!(is_all_caps("SDF"));
        assert!(!is_all_caps("A"));
        assert!(is_capitalized("Baghouz"));
    }
}
