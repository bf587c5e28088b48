//! Line features: what a single line looks like, without any context.

/// How a line ends, after closing quotes and brackets are skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// `.`, `!` or `…`: a sentence.
    Sentence,
    /// `?`: a question (a sentence, or a heading such as "What happens next?").
    Question,
    /// `:`: introduces a quote or a list.
    Colon,
    /// `,`, `;` or a dash: a sentence cut short.
    Continuation,
    /// Anything else: a heading, label, caption or fragment.
    Bare,
}

impl Ending {
    /// Whether the line ends like a sentence (`.`, `!`, `?`, `…`).
    pub fn is_sentence(self) -> bool {
        matches!(self, Ending::Sentence | Ending::Question)
    }
}

/// Features of one trimmed, non-empty line.
#[derive(Debug, Clone, PartialEq)]
pub struct LineFeatures {
    /// Number of white-space separated words.
    pub words: usize,
    /// How the line ends.
    pub ending: Ending,
    /// The line has letters and none of them is lowercase.
    pub all_caps: bool,
    /// Words that start with an uppercase letter, among words that start with a letter.
    pub capitalized: usize,
    /// Words that start with a letter.
    pub alphabetic_words: usize,
    /// The line has at least one letter or digit.
    pub has_alphanumeric: bool,
    /// The line holds a URL (`http://`, `https://`, `www.`).
    pub has_url: bool,
    /// The line holds an e-mail address.
    pub has_email: bool,
    /// The line holds a quotation mark.
    pub has_quote: bool,
    /// Lowercased line with runs of white space collapsed to one space.
    pub lower: String,
    /// Words made of letters and digits only, lowercased, joined by single spaces: the key
    /// used to compare lines ("They're back!" and "they re back" have the same key).
    pub key: String,
}

/// Closing characters skipped when looking at how a line ends.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '*' | '_'
    ) || c.is_whitespace()
}

/// `line` without trailing markup entities ("... ever. &QL;", "&nbsp;").
fn strip_trailing_entities(mut line: &str) -> &str {
    loop {
        let trimmed = line.trim_end();
        let Some(amp) = trimmed.rfind('&') else {
            return trimmed;
        };
        let entity = &trimmed[amp..];
        let is_entity = entity.len() >= 3
            && entity.len() <= 10
            && entity.ends_with(';')
            && entity[1..entity.len() - 1]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '#');
        if !is_entity {
            return trimmed;
        }
        line = &trimmed[..amp];
    }
}

/// How `line` ends.
pub fn ending(line: &str) -> Ending {
    let line = strip_trailing_entities(line);
    let last = line.chars().rev().find(|&c| !is_closer(c));
    match last {
        Some('.' | '!' | '…' | '。' | '！') => {
            // "..," or "..." followed by a comma was handled by the comma; a lone run of dots
            // after a word is an ellipsis, still a sentence end.
            Ending::Sentence
        }
        Some('?' | '？') => Ending::Question,
        Some(':' | '：') => Ending::Colon,
        Some(',' | ';' | '-' | '–' | '—' | '、') => Ending::Continuation,
        _ => Ending::Bare,
    }
}

impl LineFeatures {
    /// Compute the features of a trimmed line.
    pub fn of(line: &str) -> LineFeatures {
        if line.is_ascii() {
            Self::of_ascii(line)
        } else {
            Self::of_unicode(line)
        }
    }

    /// [`Self::of`] for an ASCII line, on bytes: the same features as [`Self::of_unicode`]
    /// (a property test checks it) at a fraction of the cost; line features were a sixth of
    /// the end-to-end time.
    fn of_ascii(line: &str) -> LineFeatures {
        let bytes = line.as_bytes();
        // `char::is_whitespace` on ASCII (`u8::is_ascii_whitespace` leaves out \x0B).
        let space = |b: u8| b == b' ' || (b'\t'..=b'\r').contains(&b);
        // Words separated by single spaces (the usual case): the lowercased line is already
        // the white-space collapsed form.
        let regular = !bytes.first().is_some_and(|&b| space(b))
            && !bytes.last().is_some_and(|&b| space(b))
            && !bytes.iter().any(|&b| (b'\t'..=b'\r').contains(&b))
            && !line.contains("  ");
        let lower: String = if regular {
            line.to_ascii_lowercase()
        } else {
            let mut lower = String::with_capacity(line.len());
            for w in line.split(|c: char| c.is_ascii() && space(c as u8)) {
                if w.is_empty() {
                    continue;
                }
                if !lower.is_empty() {
                    lower.push(' ');
                }
                let from = lower.len();
                lower.push_str(w);
                lower[from..].make_ascii_lowercase();
            }
            lower
        };
        let mut words = 0;
        let mut capitalized = 0;
        let mut alphabetic_words = 0;
        for w in bytes.split(|&b| space(b)).filter(|w| !w.is_empty()) {
            words += 1;
            if let Some(&first) = w.iter().find(|b| b.is_ascii_alphanumeric() || **b == b'@') {
                if first.is_ascii_alphabetic() {
                    alphabetic_words += 1;
                    if first.is_ascii_uppercase() {
                        capitalized += 1;
                    }
                }
            }
        }
        let lower_words = || lower.as_bytes().split(|&b| b == b' ');
        let has_url = (lower.contains("http://")
            || lower.contains("https://")
            || lower.contains("www."))
            && lower_words().any(|wl| {
                wl.starts_with(b"http://") || wl.starts_with(b"https://") || wl.starts_with(b"www.")
            });
        let has_email = lower.contains('@')
            && lower_words().any(|wl| {
                let Some(at) = wl.iter().position(|&b| b == b'@') else {
                    return false;
                };
                let (user, domain) = (&wl[..at], &wl[at + 1..]);
                !user.is_empty()
                    && user.iter().any(u8::is_ascii_alphanumeric)
                    && domain.contains(&b'.')
                    && domain.iter().any(u8::is_ascii_alphabetic)
            });
        // Runs of letters and digits joined by single spaces; never longer than `lower`.
        let mut key = vec![0u8; lower.len()];
        let mut n = 0;
        let mut gap = false;
        for &b in lower.as_bytes() {
            if b.is_ascii_alphanumeric() {
                if gap && n > 0 {
                    key[n] = b' ';
                    n += 1;
                }
                gap = false;
                key[n] = b;
                n += 1;
            } else {
                gap = true;
            }
        }
        key.truncate(n);
        let has_letters = bytes.iter().any(u8::is_ascii_alphabetic);
        LineFeatures {
            words,
            ending: ending(line),
            all_caps: has_letters && !bytes.iter().any(u8::is_ascii_lowercase),
            capitalized,
            alphabetic_words,
            has_alphanumeric: bytes.iter().any(u8::is_ascii_alphanumeric),
            has_url,
            has_email,
            has_quote: bytes.contains(&b'"'),
            lower,
            key: String::from_utf8(key).expect("ASCII letters and digits are UTF-8"),
        }
    }

    /// [`Self::of`] for any line.
    fn of_unicode(line: &str) -> LineFeatures {
        let mut words = 0;
        let mut capitalized = 0;
        let mut alphabetic_words = 0;
        let mut has_url = false;
        let mut has_email = false;
        let mut lower = String::with_capacity(line.len());
        for w in line.split_whitespace() {
            words += 1;
            if let Some(first) = w.chars().find(|c| c.is_alphanumeric() || *c == '@') {
                if first.is_alphabetic() {
                    alphabetic_words += 1;
                    if first.is_uppercase() {
                        capitalized += 1;
                    }
                }
            }
            if words > 1 {
                lower.push(' ');
            }
            // Lowercase each word in place in `lower` (no String per word); a non-ASCII word
            // goes through `str::to_lowercase` for its context rules (final sigma).
            let start = lower.len();
            if w.is_ascii() {
                lower.push_str(w);
                lower[start..].make_ascii_lowercase();
            } else {
                lower.push_str(&w.to_lowercase());
            }
            let wl = &lower[start..];
            if wl.starts_with("http://") || wl.starts_with("https://") || wl.starts_with("www.") {
                has_url = true;
            }
            if let Some(at) = wl.find('@') {
                let (user, domain) = (&wl[..at], &wl[at + 1..]);
                if !user.is_empty()
                    && user.chars().any(char::is_alphanumeric)
                    && domain.contains('.')
                    && domain.chars().any(char::is_alphabetic)
                {
                    has_email = true;
                }
            }
        }
        let mut key = String::with_capacity(lower.len());
        let mut in_word = false;
        for c in lower.chars() {
            if c.is_alphanumeric() {
                if !in_word && !key.is_empty() {
                    key.push(' ');
                }
                key.push(c);
                in_word = true;
            } else {
                in_word = false;
            }
        }
        let has_letters = line.chars().any(char::is_alphabetic);
        // Bytes of the quotation marks: '"', and the last byte of the UTF-8 forms of '«', '»',
        // '‘', '“', '”'. A line without any of them has no quote; scanning bytes is cheaper
        // than decoding every character.
        let quote_bytes = |b: &u8| matches!(b, b'"' | 0xAB | 0xBB | 0x98 | 0x9C | 0x9D);
        let has_quote = line.as_bytes().iter().any(quote_bytes)
            && line
                .chars()
                .any(|c| matches!(c, '"' | '“' | '”' | '«' | '»' | '‘'));
        LineFeatures {
            words,
            ending: ending(line),
            all_caps: has_letters && !line.chars().any(char::is_lowercase),
            capitalized,
            alphabetic_words,
            has_alphanumeric: line.chars().any(char::is_alphanumeric),
            has_url,
            has_email,
            has_quote,
            lower,
            key,
        }
    }

    /// A line of running text: it ends like a sentence (or introduces a quote or list with a
    /// colon) and has a few words. Such lines anchor the story's start and end.
    pub fn is_prose(&self) -> bool {
        match self.ending {
            Ending::Sentence | Ending::Question => self.words >= 3,
            Ending::Colon => self.words >= 4,
            _ => false,
        }
    }

    /// A kept line of this shape is a heading: no sentence punctuation and not long, or a short
    /// question standing alone ("What happens next?").
    pub fn is_heading(&self) -> bool {
        match self.ending {
            Ending::Bare => self.words <= 30,
            Ending::Question => self.words <= 8 && !self.has_quote,
            _ => false,
        }
    }

    /// A credit heading inside the story ("Analysis by Harbor Daily editor Jane Reporter"): words,
    /// then "by", then mostly capitalized words. Such a line introduces a section and is kept.
    pub fn is_attribution_heading(&self, line: &str) -> bool {
        if self.ending.is_sentence() {
            return false;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        let Some(by) = words.iter().position(|w| w.eq_ignore_ascii_case("by")) else {
            return false;
        };
        if by == 0 {
            return false;
        }
        let after = &words[by + 1..];
        let upper = after
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        upper >= 2 && after.len() - upper <= 1.max(after.len() / 4)
    }

    /// A sentence ends inside the line and more text follows (". A", "! A", "? A").
    pub fn has_inner_sentence_end(line: &str) -> bool {
        let mut prev: [char; 2] = [' ', ' '];
        for c in line.chars() {
            if c.is_uppercase() && prev[1] == ' ' && matches!(prev[0], '.' | '!' | '?') {
                return true;
            }
            prev = [prev[1], c];
        }
        false
    }

    /// A sentence of at least five words ends inside the line and more text follows
    /// ("Rain fell all week long. enditem 0617").
    pub fn holds_sentence(line: &str) -> bool {
        let mut words = 0;
        let mut tokens = line.split_whitespace().peekable();
        while let Some(t) = tokens.next() {
            words += 1;
            let ends = t
                .trim_end_matches(['"', '\'', '”', '’', ')'])
                .ends_with(['.', '!', '?']);
            if ends && words >= 5 && tokens.peek().is_some() {
                return true;
            }
        }
        false
    }

    /// Share of letter-initial words that are capitalized (0 when there is none).
    pub fn capitalized_share(&self) -> f64 {
        if self.alphabetic_words == 0 {
            0.0
        } else {
            self.capitalized as f64 / self.alphabetic_words as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! ending_cases {
        ($($text:expr => $want:expr),* $(,)?) => {
            $( assert_eq!(ending($text), $want, "ending of {:?}", $text); )*
        };
    }

    #[test]
    fn endings() {
        ending_cases! {
            "The harbor closed on Monday." => Ending::Sentence,
            "“We will rebuild”." => Ending::Sentence,
            "He said: “It is over.”" => Ending::Sentence,
            "Is the bridge safe?" => Ending::Question,
            "The mayor said:" => Ending::Colon,
            "Rain spreads north..," => Ending::Continuation,
            "Harbor fire latest" => Ending::Bare,
            "Log out / Change )" => Ending::Bare,
            "The tide turned. &QL; &QL;" => Ending::Sentence,
            "&QL;" => Ending::Bare,
            "" => Ending::Bare,
        }
    }

    #[test]
    fn features_of_a_heading() {
        let f = LineFeatures::of("HARBOR  FIRE  SPREADS");
        assert_eq!(f.words, 3);
        assert!(f.all_caps);
        assert!(f.is_heading());
        assert!(!f.is_prose());
        assert_eq!(f.lower, "harbor fire spreads");
    }

    #[test]
    fn key_ignores_punctuation_and_case() {
        let a = LineFeatures::of("They're back -- at last!");
        let b = LineFeatures::of("they re BACK at last");
        assert_eq!(a.key, b.key);
    }

    #[test]
    fn urls_and_emails() {
        let f = LineFeatures::of("Write to desk@example.org or see www.example.org");
        assert!(f.has_email);
        assert!(f.has_url);
        let g = LineFeatures::of("Follow @harborwatch for updates");
        assert!(!g.has_email);
    }

    #[test]
    fn attribution_headings() {
        let yes = "Analysis by Harbor Daily editor Jane Reporter";
        assert!(LineFeatures::of(yes).is_attribution_heading(yes));
        let no = "Fire crews stopped by the harbor";
        assert!(!LineFeatures::of(no).is_attribution_heading(no));
        let byline = "By Jane Reporter";
        assert!(!LineFeatures::of(byline).is_attribution_heading(byline));
    }

    proptest::proptest! {
        #[test]
        fn ascii_features_match_the_unicode_path(
            line in "[ -~\t\n\x0B\x0C\r]{0,60}|[a-zA-Z0-9@.:/ \"]{0,40}"
        ) {
            proptest::prop_assert_eq!(LineFeatures::of_ascii(&line), LineFeatures::of_unicode(&line));
        }
    }

    #[test]
    fn ascii_and_unicode_paths_agree_on_examples() {
        for line in [
            "HARBOR  FIRE  SPREADS",
            "Write to desk@example.org or see www.example.org",
            "Follow @harborwatch for updates",
            "They're back -- at last!",
            "HTTPS://Example.org/x \"quoted\" @ a@b.c x@.y",
            "tab\tvertical\x0Bform\x0Cfeed\rend",
        ] {
            assert_eq!(
                LineFeatures::of_ascii(line),
                LineFeatures::of_unicode(line),
                "{line:?}"
            );
        }
    }

    #[test]
    fn capitalization_share() {
        let f = LineFeatures::of("Jane Q. Reporter and friends");
        assert_eq!(f.alphabetic_words, 5);
        assert_eq!(f.capitalized, 3);
        assert!((f.capitalized_share() - 0.6).abs() < 1e-9);
    }
}
