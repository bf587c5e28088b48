//! Line features: what a single line looks like, without any context.

use crate::swar::{ascii_alnum, equal, within, HI, LO};

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
    /// Number of words: white-space separated, a Chinese or Japanese character counting as one and
    /// `UNSPACED_CHARS_PER_WORD` characters of Thai, Lao, Myanmar or Khmer as one (scripts
    /// written without spaces between words), as the HTML extraction counts them.
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

/// Han, kana and hangul: a character of these counts as a word in the HTML extraction.
pub(crate) fn is_cjk(c: char) -> bool {
    is_han_or_kana(c) || matches!(c, '\u{ac00}'..='\u{d7af}')
}

/// Han and kana: Chinese and Japanese, written without spaces between words (Korean puts
/// spaces between its words, so a line's words are its white-space separated ones).
pub(crate) fn is_han_or_kana(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}')
}

/// Characters of a word in Thai, Lao, Myanmar and Khmer text (vowel and tone marks are
/// characters of their own).
pub(crate) const UNSPACED_CHARS_PER_WORD: usize = 4;

/// Thai, Lao, Myanmar and Khmer: alphabets written without spaces between words (a space ends
/// a phrase), whose words are several characters long.
pub(crate) fn is_unspaced(c: char) -> bool {
    matches!(c, '\u{0e00}'..='\u{0eff}' | '\u{1000}'..='\u{109f}' | '\u{1780}'..='\u{17ff}')
}

/// Words of one white-space separated token from its counts of CJK and unspaced-script
/// characters and whether it has another letter or digit.
pub(crate) fn word_units(cjk: usize, unspaced: usize, other: bool) -> usize {
    cjk + unspaced.div_ceil(UNSPACED_CHARS_PER_WORD) + usize::from(cjk + unspaced == 0 || other)
}

// Classes of a byte, as bits: the `char` predicates restricted to ASCII, and a mark for the
// bytes of other characters.
const SPACE: u8 = 1;
const ALPHA: u8 = 2;
const UPPER: u8 = 4;
const LOWER: u8 = 8;
const ALNUM: u8 = 16;
const AT: u8 = 32;
const QUOTE: u8 = 64;
const NON_ASCII: u8 = 128;

/// The classes of every byte: one table lookup per byte in [`LineFeatures::of`].
const BYTE_CLASSES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        // `char::is_whitespace` on ASCII (`u8::is_ascii_whitespace` leaves out \x0B).
        if c == b' ' || (c >= b'\t' && c <= b'\r') {
            t[b] |= SPACE;
        }
        if c.is_ascii_alphabetic() {
            t[b] |= ALPHA | ALNUM;
        }
        if c.is_ascii_uppercase() {
            t[b] |= UPPER;
        }
        if c.is_ascii_lowercase() {
            t[b] |= LOWER;
        }
        if c.is_ascii_digit() {
            t[b] |= ALNUM;
        }
        if c == b'@' {
            t[b] |= AT;
        }
        if c == b'"' {
            t[b] |= QUOTE;
        }
        if c >= 0x80 {
            t[b] |= NON_ASCII;
        }
        b += 1;
    }
    t
};

/// The classes of `char` `c` that [`LineFeatures::of`] reads (for a character outside ASCII).
fn char_class(c: char) -> u8 {
    let mut class = 0;
    if c.is_alphabetic() {
        class |= ALPHA;
    }
    if c.is_uppercase() {
        class |= UPPER;
    }
    if c.is_lowercase() {
        class |= LOWER;
    }
    if c.is_alphanumeric() {
        class |= ALNUM;
    }
    if matches!(c, '"' | '“' | '”' | '«' | '»' | '‘') {
        class |= QUOTE;
    }
    if c == '@' {
        class |= AT;
    }
    class
}

/// Whether the parts of a lowercased word around its first `@` make an e-mail address.
fn is_email(user: &[u8], domain: &[u8]) -> bool {
    // Both parts are whole UTF-8 strings: they were cut at an ASCII byte.
    let (Ok(user), Ok(domain)) = (std::str::from_utf8(user), std::str::from_utf8(domain)) else {
        return false;
    };
    !user.is_empty()
        && user.chars().any(char::is_alphanumeric)
        && domain.contains('.')
        && domain.chars().any(char::is_alphabetic)
}

/// Append the runs of letters and digits of `word` (lowercased, ASCII) to `key`, each after a
/// space unless `key` is empty.
fn push_ascii_key(key: &mut Vec<u8>, word: &[u8]) {
    for run in word.split(|&b| BYTE_CLASSES[usize::from(b)] & ALNUM == 0) {
        if run.is_empty() {
            continue;
        }
        if !key.is_empty() {
            key.push(b' ');
        }
        key.extend_from_slice(run);
    }
}

/// Whether `word` starts with `http://`, `https://` or `www.`, in any case.
fn starts_url(word: &[u8]) -> bool {
    [&b"http://"[..], b"https://", b"www."]
        .iter()
        .any(|p| word.len() >= p.len() && word[..p.len()].eq_ignore_ascii_case(p))
}

/// The runs of ASCII letters and digits of `lower` joined by single spaces. A space is
/// written when a space byte ends a run (and dropped again at the end), and before a run
/// after other bytes, which gives the same key as joining the runs; so eight bytes of
/// letters, digits and single spaces are copied whole (most of a line).
fn plain_key(lower: &[u8]) -> Vec<u8> {
    let mut key: Vec<u8> = Vec::with_capacity(lower.len() + 8);
    // A byte other than a letter or digit came after the last one written.
    let mut gap = false;
    let mut i = 0;
    while i < lower.len() {
        if let Some(chunk) = lower.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let space = equal(x, b' ') & !x;
            let alnum = ascii_alnum(x);
            let opens_run = alnum & 0x80 != 0;
            let ends_in_space = key.last().is_none_or(|&b| b == b' ');
            if alnum | space == HI
                && space & (space << 8) == 0
                && (if opens_run { true } else { !ends_in_space })
            {
                if opens_run && gap && !ends_in_space {
                    key.push(b' ');
                }
                key.extend_from_slice(chunk);
                gap = space >> 63 != 0;
                i += 8;
                continue;
            }
        }
        // Byte by byte up to the end of these eight.
        for &b in &lower[i..(i + 8).min(lower.len())] {
            if BYTE_CLASSES[usize::from(b)] & ALNUM != 0 {
                if gap && key.last().is_some_and(|&k| k != b' ') {
                    key.push(b' ');
                }
                key.push(b);
                gap = false;
            } else {
                if b == b' ' && key.last().is_some_and(|&k| k != b' ') {
                    key.push(b' ');
                }
                gap = true;
            }
        }
        i += 8;
    }
    if key.last() == Some(&b' ') {
        key.pop();
    }
    key
}

impl LineFeatures {
    /// Compute the features of a trimmed line.
    ///
    /// One pass over the words: an ASCII word (most of them) is classified by one table lookup
    /// per byte and copied whole, a word with other characters is read as characters. The
    /// same features as the plain per-feature form in the tests (a property test checks it):
    /// line features were a sixth of the end-to-end time when each feature read the line on
    /// its own.
    pub fn of(line: &str) -> LineFeatures {
        if let Some(f) = Self::of_plain_ascii(line) {
            return f;
        }
        let bytes = line.as_bytes();
        let mut lower: Vec<u8> = Vec::with_capacity(line.len());
        let mut key: Vec<u8> = Vec::with_capacity(line.len());
        let mut words = 0;
        let mut capitalized = 0;
        let mut alphabetic_words = 0;
        let mut has_url = false;
        let mut has_email = false;
        // Union of the classes of every character of the line.
        let mut seen = 0u8;
        let mut i = 0;
        while i < bytes.len() {
            // Skip white space (`char::is_whitespace`, as `str::split_whitespace`).
            let class = BYTE_CLASSES[usize::from(bytes[i])];
            if class & SPACE != 0 {
                i += 1;
                continue;
            }
            if class & NON_ASCII != 0 {
                if let Some(c) = line[i..].chars().next().filter(|c| c.is_whitespace()) {
                    i += c.len_utf8();
                    continue;
                }
            }
            // The word: ASCII bytes up to white space, with the union and intersection of
            // their classes; a character outside ASCII sends the word to the `char` path.
            let start = i;
            let mut any = 0u8;
            let mut every = !0u8;
            while i < bytes.len() {
                let class = BYTE_CLASSES[usize::from(bytes[i])];
                if class & (SPACE | NON_ASCII) != 0 {
                    break;
                }
                any |= class;
                every &= class;
                i += 1;
            }
            let ascii = i == bytes.len() || BYTE_CLASSES[usize::from(bytes[i])] & NON_ASCII == 0;
            if !ascii {
                while let Some(c) = line[i..].chars().next() {
                    if c.is_whitespace() {
                        break;
                    }
                    i += c.len_utf8();
                }
            }
            words += 1;
            if words > 1 {
                lower.push(b' ');
            }
            let from = lower.len();
            let word = &line[start..i];
            if ascii {
                seen |= any;
                let first = word
                    .bytes()
                    .map(|b| BYTE_CLASSES[usize::from(b)])
                    .find(|c| c & (ALNUM | AT) != 0);
                if let Some(first) = first.filter(|c| c & ALPHA != 0) {
                    alphabetic_words += 1;
                    if first & UPPER != 0 {
                        capitalized += 1;
                    }
                }
                lower.extend_from_slice(word.as_bytes());
                lower[from..].make_ascii_lowercase();
                if every & ALNUM != 0 {
                    if !key.is_empty() {
                        key.push(b' ');
                    }
                    key.extend_from_slice(&lower[from..]);
                } else {
                    push_ascii_key(&mut key, &lower[from..]);
                }
            } else {
                let mut first_seen = false;
                let (mut cjk, mut unspaced, mut other) = (0, 0, false);
                for c in word.chars() {
                    let class = if c.is_ascii() {
                        BYTE_CLASSES[usize::from(c as u8)]
                    } else {
                        char_class(c)
                    };
                    // The scripts without spaces all lie above U+0E00.
                    if c >= '\u{0e00}' && is_han_or_kana(c) {
                        cjk += 1;
                    } else if c >= '\u{0e00}' && is_unspaced(c) {
                        unspaced += 1;
                    } else if class & ALNUM != 0 {
                        other = true;
                    }
                    if !first_seen && class & (ALNUM | AT) != 0 {
                        first_seen = true;
                        if class & ALPHA != 0 {
                            alphabetic_words += 1;
                            if class & UPPER != 0 {
                                capitalized += 1;
                            }
                        }
                    }
                    seen |= class;
                }
                words += word_units(cjk, unspaced, other) - 1;
                // `str::to_lowercase` differs from lowercasing each character only for the
                // final sigma, which depends on its neighbours.
                let mut buf = [0u8; 4];
                if word.contains('Σ') {
                    lower.extend_from_slice(word.to_lowercase().as_bytes());
                } else {
                    for c in word.chars().flat_map(char::to_lowercase) {
                        lower.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    }
                }
                let wl = std::str::from_utf8(&lower[from..]).expect("lowercased UTF-8");
                let mut gap = true;
                for c in wl.chars() {
                    if c.is_alphanumeric() {
                        if gap && !key.is_empty() {
                            key.push(b' ');
                        }
                        gap = false;
                        key.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    } else {
                        gap = true;
                    }
                }
            }
            let wl = &lower[from..];
            if matches!(wl.first(), Some(b'h' | b'w'))
                && (wl.starts_with(b"http://")
                    || wl.starts_with(b"https://")
                    || wl.starts_with(b"www."))
            {
                has_url = true;
            }
            if !has_email && (!ascii || any & AT != 0) {
                if let Some(at) = wl.iter().position(|&b| b == b'@') {
                    has_email = is_email(&wl[..at], &wl[at + 1..]);
                }
            }
        }
        LineFeatures {
            words,
            ending: ending(line),
            all_caps: seen & ALPHA != 0 && seen & LOWER == 0,
            capitalized,
            alphabetic_words,
            has_alphanumeric: seen & ALNUM != 0,
            has_url,
            has_email,
            has_quote: seen & QUOTE != 0,
            lower: String::from_utf8(lower).expect("lowercased words of a str are UTF-8"),
            key: String::from_utf8(key).expect("letters and digits of a str are UTF-8"),
        }
    }

    /// [`Self::of`] for the usual line: ASCII but for quotation marks and dashes, words
    /// separated by single spaces, no `@`. Its lowercase form is then the line with its ASCII
    /// letters lowercased (the marks and dashes have no case and are no letters), and the
    /// counts come from one pass over the bytes, eight ASCII bytes at a time (byte by byte,
    /// the branches at every word boundary were mispredicted and line features were the
    /// largest single cost of cleaning). `None` for any other line.
    fn of_plain_ascii(line: &str) -> Option<LineFeatures> {
        let bytes = line.as_bytes();
        let mut words = 0;
        let mut capitalized = 0;
        let mut alphabetic_words = 0;
        let mut has_url = false;
        let mut seen = 0u8;
        // After a space (or at the start): the next byte opens a word.
        let mut after_space = true;
        // In a word whose first letter, digit or `@` has not come yet.
        let mut first_pending = false;
        let mut i = 0;
        while i < bytes.len() {
            if let Some(chunk) = bytes.get(i..i + 8) {
                let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
                if x & HI == 0 {
                    let space = equal(x, b' ');
                    let before = (space << 8) | (u64::from(after_space) << 7);
                    // Other white space, a space after a space or at the start, an `@`.
                    if within(x, b'\t', b'\r') | (space & before) | equal(x, b'@') != 0 {
                        return None;
                    }
                    let starts = !space & before & HI;
                    words += starts.count_ones() as usize;
                    let upper = within(x, b'A', b'Z');
                    let lower = within(x, b'a', b'z');
                    let alnum = upper | lower | within(x, b'0', b'9');
                    // The first letter or digit of each word: one with none before it since
                    // the word began (a letter or digit before the chunk counts when the
                    // word began there and its first has come). `reached` marks the bytes
                    // that one before them reaches: spread over up to 8 bytes by doubling,
                    // never across a space.
                    let open = !space & HI;
                    let carried = !first_pending && !after_space;
                    let mut reached = ((alnum << 8) | (u64::from(carried) << 7)) & open;
                    reached |= (reached << 8) & open;
                    let open2 = open & (open << 8);
                    reached |= (reached << 16) & open2;
                    reached |= (reached << 32) & open2 & (open2 << 16);
                    let first = alnum & !reached;
                    alphabetic_words += (first & (upper | lower)).count_ones() as usize;
                    capitalized += (first & upper).count_ones() as usize;
                    // Letters in lowercase (other bytes changed too, but only h and w are read).
                    let folded = x | (0x20 * LO);
                    let mut url_starts = starts & (equal(folded, b'h') | equal(folded, b'w'));
                    while url_starts != 0 && !has_url {
                        has_url =
                            starts_url(&bytes[i + (url_starts.trailing_zeros() / 8) as usize..]);
                        url_starts &= url_starts - 1;
                    }
                    if upper | lower != 0 {
                        seen |= ALPHA;
                    }
                    if lower != 0 {
                        seen |= LOWER;
                    }
                    if alnum != 0 {
                        seen |= ALNUM;
                    }
                    if equal(x, b'"') != 0 {
                        seen |= QUOTE;
                    }
                    after_space = space >> 63 != 0;
                    first_pending = !after_space && (reached | alnum) >> 63 == 0;
                    i += 8;
                    continue;
                }
            }
            // Character by character to the end of these eight bytes (or of the character
            // across it).
            let end = (i + 8).min(bytes.len());
            while i < end {
                let b = bytes[i];
                let mut class = BYTE_CLASSES[usize::from(b)];
                let mut len = 1;
                if class & NON_ASCII != 0 {
                    let c = line[i..].chars().next().expect("a character starts here");
                    class = match c {
                        '“' | '”' | '‘' | '«' | '»' => QUOTE,
                        '’' | '–' | '—' | '…' => 0,
                        _ => return None,
                    };
                    len = c.len_utf8();
                }
                i += len;
                if class & SPACE != 0 {
                    if b != b' ' || after_space {
                        return None;
                    }
                    after_space = true;
                    continue;
                }
                seen |= class;
                if after_space {
                    after_space = false;
                    words += 1;
                    first_pending = true;
                    if matches!(b, b'h' | b'H' | b'w' | b'W') {
                        has_url |= starts_url(&bytes[i - len..]);
                    }
                }
                if first_pending && class & (ALNUM | AT) != 0 {
                    first_pending = false;
                    if class & ALPHA != 0 {
                        alphabetic_words += 1;
                        if class & UPPER != 0 {
                            capitalized += 1;
                        }
                    }
                }
            }
        }
        if (after_space && !bytes.is_empty()) || seen & AT != 0 {
            return None;
        }
        let lower = line.to_ascii_lowercase();
        let key = plain_key(lower.as_bytes());
        Some(LineFeatures {
            words,
            ending: ending(line),
            all_caps: seen & ALPHA != 0 && seen & LOWER == 0,
            capitalized,
            alphabetic_words,
            has_alphanumeric: seen & ALNUM != 0,
            has_url,
            has_email: false,
            has_quote: seen & QUOTE != 0,
            lower,
            key: String::from_utf8(key).expect("ASCII letters and digits are UTF-8"),
        })
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

    /// The plain form of [`LineFeatures::of`]: each feature computed on its own, through
    /// `char` and `str` methods.
    fn reference(line: &str) -> LineFeatures {
        let mut words = 0;
        let mut capitalized = 0;
        let mut alphabetic_words = 0;
        let mut has_url = false;
        let mut has_email = false;
        let mut lower = String::with_capacity(line.len());
        for w in line.split_whitespace() {
            let w_units = word_units(
                w.chars().filter(|&c| is_han_or_kana(c)).count(),
                w.chars().filter(|&c| is_unspaced(c)).count(),
                w.chars()
                    .any(|c| c.is_alphanumeric() && !is_han_or_kana(c) && !is_unspaced(c)),
            );
            words += w_units;
            if let Some(first) = w.chars().find(|c| c.is_alphanumeric() || *c == '@') {
                if first.is_alphabetic() {
                    alphabetic_words += 1;
                    if first.is_uppercase() {
                        capitalized += 1;
                    }
                }
            }
            if words > w_units {
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
        fn ascii_features_match_the_reference(
            line in "[ -~\t\n\x0B\x0C\r]{0,60}|[a-zA-Z0-9@.:/ \"]{0,40}"
        ) {
            proptest::prop_assert_eq!(LineFeatures::of(&line), reference(&line));
        }

        #[test]
        fn quoted_ascii_features_match_the_reference(
            line in "[a-zA-Z0-9@.:/ \"'’‘“”«»—–…\t-]{0,50}"
        ) {
            proptest::prop_assert_eq!(LineFeatures::of(&line), reference(&line));
        }

        #[test]
        fn plain_lines_match_the_reference(
            line in "((\"|“|\\(|-)?(www\\.|https?://|Http://|WWW\\.)?[A-Za-z0-9]{0,9}([.,;:!?'’\")”-]|—|\\.\\.)? ){0,14}[A-Za-z0-9]{1,9}[.?!…]?"
        ) {
            proptest::prop_assert_eq!(LineFeatures::of(&line), reference(&line));
        }

        #[test]
        fn unicode_features_match_the_reference(
            line in "[a-zA-Z0-9@.:/ \"'’‘“”«»—–…ΣσςİıßÉéÅﬁ½²北京カナ한국ไทย。\u{a0}\u{85}\u{2003}\u{3000}\u{1680}\u{301}\t-]{0,50}"
        ) {
            proptest::prop_assert_eq!(LineFeatures::of(&line), reference(&line));
        }
    }

    #[test]
    fn features_match_the_reference_on_examples() {
        for line in [
            "HARBOR  FIRE  SPREADS",
            "Write to desk@example.org or see www.example.org",
            "Follow @harborwatch for updates",
            "They're back -- at last!",
            "HTTPS://Example.org/x \"quoted\" @ a@b.c x@.y",
            "tab\tvertical\x0Bform\x0Cfeed\rend",
            "“The full-color mailer,” she said — “ΟΔΟΣ ΣΑΣ” at café@exämple.org.",
            "İstanbul\u{a0}ﬁnal ½ WWW.Example.ORG\u{3000}ÉTÉ",
            "See HTTP://Example.org/x and www.Harbor.org (now) -- \"quoted\"",
            "ALL CAPS 42 HEADLINE",
            "Plain words, single spaced; a-b c.d e/f.",
            "",
            "--",
            "whttp://x http:/ wwwx",
            "“Quoted,” she said — ‘twice’… «Yes» – O’Neil’s",
            "’Tis “",
            "— “",
            "… HARBOR “FIRE”",
        ] {
            assert_eq!(LineFeatures::of(line), reference(line), "{line:?}");
        }
    }

    #[test]
    fn chinese_and_japanese_characters_count_as_words() {
        // A sentence of 21 Han characters is prose, as its English translation is.
        let zh = LineFeatures::of("市政府周二宣布将在明年启动新的城市交通计划。");
        assert_eq!(zh.words, 21);
        assert!(zh.is_prose());
        let ja = LineFeatures::of("東京都は新しい計画を発表しました。");
        assert_eq!(ja.words, 16);
        assert!(ja.is_prose());
        // Korean puts spaces between its words; Thai counts a word per four characters.
        assert_eq!(LineFeatures::of("서울시는 새로운 계획을 발표했다.").words, 4);
        assert_eq!(LineFeatures::of("ภาษาไทย").words, 2);
        assert_eq!(LineFeatures::of("iPhone手机 2024").words, 4);
        assert_eq!(LineFeatures::of("首页").words, 2);
    }

    #[test]
    fn capitalization_share() {
        let f = LineFeatures::of("Jane Q. Reporter and friends");
        assert_eq!(f.alphabetic_words, 5);
        assert_eq!(f.capitalized, 3);
        assert!((f.capitalized_share() - 0.6).abs() < 1e-9);
    }
}
