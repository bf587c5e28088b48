//! The Porter 2 (Snowball English) stemmer over ASCII bytes.
//!
//! Our own because rust-stemmers' generated Snowball code spent ~3,800 instructions per word
//! (a fresh `String` per edit, UTF-8 checks per step) and stemming was a tenth of prepare +
//! default; this port follows the same Snowball program (rust-stemmers 1.2's `english.rs`,
//! step for step, including its quirks for apostrophes and upper-case `Y`) on bytes, and
//! [`EnglishStemmer`](super::EnglishStemmer) still hands non-ASCII words to rust-stemmers.
//! Tests compare the two on every word of the shared data and on random strings.

/// `v`: the vowels.
fn is_v(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// `v_WXY`: vowels plus `w`, `x` and the marked consonant `Y`.
fn is_v_wxy(b: u8) -> bool {
    matches!(
        b,
        b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'w' | b'x' | b'Y'
    )
}

/// `valid_LI`: letters before which a final `li` is removed.
fn is_valid_li(b: u8) -> bool {
    matches!(
        b,
        b'c' | b'd' | b'e' | b'g' | b'h' | b'k' | b'm' | b'n' | b'r' | b't'
    )
}

/// The stem of a word stemmed as a whole (`exception1`), if it is one: matched by length
/// first, as almost every word is none of them (a scan of the list cost more than the rest of
/// the stemmer for short words).
fn exception1(word: &[u8]) -> Option<&'static [u8]> {
    let stem: &'static [u8] = match word {
        b"skis" => b"ski",
        b"skies" => b"sky",
        b"dying" => b"die",
        b"lying" => b"lie",
        b"tying" => b"tie",
        b"idly" => b"idl",
        b"gently" => b"gentl",
        b"ugly" => b"ugli",
        b"early" => b"earli",
        b"only" => b"onli",
        b"singly" => b"singl",
        b"sky" => b"sky",
        b"news" => b"news",
        b"howe" => b"howe",
        b"atlas" => b"atlas",
        b"cosmos" => b"cosmos",
        b"bias" => b"bias",
        b"andes" => b"andes",
        _ => return None,
    };
    Some(stem)
}

/// Words left alone after step 1a (`exception2`).
fn is_exception2(w: &[u8]) -> bool {
    matches!(
        w,
        b"inning"
            | b"outing"
            | b"canning"
            | b"herring"
            | b"earring"
            | b"proceed"
            | b"exceed"
            | b"succeed"
    )
}

/// A suffix table entry: the suffix and what step 2 or 3 does with it.
type Rule = (&'static [u8], Option<&'static [u8]>);

/// Step 2 suffixes and their replacements (`None`: the `ogi` and `li` special cases), grouped
/// by last byte, longest first within a group, so that the first entry that matches is the
/// longest (Snowball's `among`) and a word is compared with few entries.
fn step2_rules(last: u8) -> &'static [Rule] {
    match last {
        b'l' => &[(b"ational", Some(b"ate")), (b"tional", Some(b"tion"))],
        b'i' => &[
            (b"biliti", Some(b"ble")),
            (b"lessli", Some(b"less")),
            (b"entli", Some(b"ent")),
            (b"aliti", Some(b"al")),
            (b"ousli", Some(b"ous")),
            (b"iviti", Some(b"ive")),
            (b"fulli", Some(b"ful")),
            (b"enci", Some(b"ence")),
            (b"anci", Some(b"ance")),
            (b"abli", Some(b"able")),
            (b"alli", Some(b"al")),
            (b"bli", Some(b"ble")),
            (b"ogi", None),
            (b"li", None),
        ],
        b'r' => &[(b"izer", Some(b"ize")), (b"ator", Some(b"ate"))],
        b'n' => &[(b"ization", Some(b"ize")), (b"ation", Some(b"ate"))],
        b'm' => &[(b"alism", Some(b"al"))],
        b's' => &[
            (b"fulness", Some(b"ful")),
            (b"ousness", Some(b"ous")),
            (b"iveness", Some(b"ive")),
        ],
        _ => &[],
    }
}

/// Step 3 suffixes and their replacements (`None`: `ative`, deleted in R2 only), grouped and
/// ordered as in [`step2_rules`].
fn step3_rules(last: u8) -> &'static [Rule] {
    match last {
        b'l' => &[
            (b"ational", Some(b"ate")),
            (b"tional", Some(b"tion")),
            (b"ical", Some(b"ic")),
            (b"ful", Some(b"")),
        ],
        b'e' => &[
            (b"alize", Some(b"al")),
            (b"icate", Some(b"ic")),
            (b"ative", None),
        ],
        b'i' => &[(b"iciti", Some(b"ic"))],
        b's' => &[(b"ness", Some(b""))],
        _ => &[],
    }
}

/// Step 4 suffixes, deleted in R2 (`ion` only after `s` or `t`), grouped and ordered as in
/// [`step2_rules`].
fn step4_rules(last: u8) -> &'static [&'static [u8]] {
    match last {
        b'e' => &[b"ance", b"ence", b"able", b"ible", b"ate", b"ive", b"ize"],
        b't' => &[b"ement", b"ment", b"ant", b"ent"],
        b'c' => &[b"ic"],
        b'i' => &[b"iti"],
        b'l' => &[b"al"],
        b'm' => &[b"ism"],
        b'n' => &[b"ion"],
        b'r' => &[b"er"],
        b's' => &[b"ous"],
        _ => &[],
    }
}

/// Whether `w` ends with `suffix`: a byte loop from the end, as the suffixes are short and
/// most differ in the last byte (`<[u8]>::ends_with` calls `memcmp`).
#[inline]
fn ends(w: &[u8], suffix: &[u8]) -> bool {
    suffix.len() <= w.len() && suffix.iter().rev().zip(w.iter().rev()).all(|(a, b)| a == b)
}

/// The longest rule whose suffix `w` ends with (Snowball's `among` in backward mode), from
/// a group ordered longest first.
#[inline]
fn longest(w: &[u8], rules: &[Rule]) -> Option<(usize, Option<&'static [u8]>)> {
    rules
        .iter()
        .find(|(suffix, _)| ends(w, suffix))
        .map(|&(suffix, by)| (suffix.len(), by))
}

/// Position just past the first non-vowel that follows a vowel, from `from` on
/// (`gopast v gopast non-v`).
fn past_vowel_consonant(w: &[u8], from: usize) -> Option<usize> {
    let vowel = from + w[from..].iter().position(|&b| is_v(b))?;
    let consonant = vowel + 1 + w[vowel + 1..].iter().position(|&b| !is_v(b))?;
    Some(consonant + 1)
}

/// `shortv` before position `c`: non-`v_WXY`, vowel, non-vowel backwards, or a vowel and a
/// non-vowel that start the word.
fn short_syllable(w: &[u8], c: usize) -> bool {
    (c >= 3 && !is_v_wxy(w[c - 1]) && is_v(w[c - 2]) && !is_v(w[c - 3]))
        || (c == 2 && !is_v(w[1]) && is_v(w[0]))
}

/// Replaces the last `len` bytes of `w` by `by`.
fn replace_suffix(w: &mut Vec<u8>, len: usize, by: &[u8]) {
    w.truncate(w.len() - len);
    w.extend_from_slice(by);
}

/// Writes the stem of the ASCII `word` to `w` (cleared first), exactly as Snowball's English
/// stemmer does.
pub(crate) fn stem_ascii(word: &[u8], w: &mut Vec<u8>) {
    debug_assert!(word.is_ascii());
    w.clear();
    if let Some(stem) = exception1(word) {
        w.extend_from_slice(stem);
        return;
    }
    w.extend_from_slice(word);
    if word.len() < 3 {
        return;
    }

    // Prelude: drop a leading apostrophe; mark consonant `y`s as `Y`.
    if w[0] == b'\'' {
        w.remove(0);
    }
    let mut y_found = false;
    if w[0] == b'y' {
        w[0] = b'Y';
        y_found = true;
    }
    for i in 1..w.len() {
        if w[i] == b'y' && is_v(w[i - 1]) {
            w[i] = b'Y';
            y_found = true;
        }
    }

    // Regions R1 (from p1) and R2 (from p2).
    let n = w.len();
    let prefix = match w[0] {
        b'g' if w.starts_with(b"gener") => Some(5),
        b'c' if w.starts_with(b"commun") => Some(6),
        b'a' if w.starts_with(b"arsen") => Some(5),
        _ => None,
    };
    let (p1, p2) = match prefix.or_else(|| past_vowel_consonant(w, 0)) {
        Some(p1) => (p1, past_vowel_consonant(w, p1).unwrap_or(n)),
        None => (n, n),
    };

    step_1a(w);
    if !is_exception2(w) {
        step_1b(w, p1);
        step_1c(w);
        step_2(w, p1);
        step_3(w, p1, p2);
        step_4(w, p2);
        step_5(w, p1, p2);
    }

    if y_found {
        for b in w.iter_mut() {
            if *b == b'Y' {
                *b = b'y';
            }
        }
    }
}

fn step_1a(w: &mut Vec<u8>) {
    match w.last() {
        Some(b'\'') if ends(w, b"'s'") => w.truncate(w.len() - 3),
        Some(b'\'') => w.truncate(w.len() - 1),
        Some(b's') if ends(w, b"'s") => w.truncate(w.len() - 2),
        _ => {}
    }
    let n = w.len();
    match w.last() {
        Some(b's') => {
            if ends(w, b"sses") {
                w.truncate(n - 2);
            } else if ends(w, b"ies") {
                replace_ied_ies(w);
            } else if ends(w, b"ss") || ends(w, b"us") {
            } else {
                // A vowel before the letter that precedes the `s`.
                let bra = n - 1;
                if bra >= 1 && w[..bra - 1].iter().any(|&b| is_v(b)) {
                    w.truncate(bra);
                }
            }
        }
        Some(b'd') if ends(w, b"ied") => replace_ied_ies(w),
        _ => {}
    }
}

/// Step 1a's `ied` / `ies`: `i` after two letters or more, `ie` after one.
fn replace_ied_ies(w: &mut Vec<u8>) {
    let by: &[u8] = if w.len() - 3 >= 2 { b"i" } else { b"ie" };
    replace_suffix(w, 3, by);
}

fn step_1b(w: &mut Vec<u8>, p1: usize) {
    let n = w.len();
    let candidates: &[&[u8]] = match w.last() {
        Some(b'y') => &[b"eedly", b"ingly", b"edly"],
        Some(b'd') => &[b"eed", b"ed"],
        Some(b'g') => &[b"ing"],
        _ => return,
    };
    let suffix = candidates.iter().copied().find(|s| ends(w, s));
    let Some(suffix) = suffix else {
        return;
    };
    let bra = n - suffix.len();
    if suffix.starts_with(b"ee") {
        if bra >= p1 {
            replace_suffix(w, suffix.len(), b"ee");
        }
        return;
    }
    if !w[..bra].iter().any(|&b| is_v(b)) {
        return;
    }
    w.truncate(bra);
    if ends(w, b"at") || ends(w, b"bl") || ends(w, b"iz") {
        w.push(b'e');
    } else if bra >= 2
        && w[bra - 1] == w[bra - 2]
        && matches!(
            w[bra - 1],
            b'b' | b'd' | b'f' | b'g' | b'm' | b'n' | b'p' | b'r' | b't'
        )
    {
        w.pop();
    } else if bra == p1 && short_syllable(w, bra) {
        w.push(b'e');
    }
}

fn step_1c(w: &mut [u8]) {
    let n = w.len();
    if n >= 3 && matches!(w[n - 1], b'y' | b'Y') && !is_v(w[n - 2]) {
        w[n - 1] = b'i';
    }
}

fn step_2(w: &mut Vec<u8>, p1: usize) {
    let Some((len, by)) = w.last().and_then(|&b| longest(w, step2_rules(b))) else {
        return;
    };
    let bra = w.len() - len;
    if bra < p1 {
        return;
    }
    match by {
        Some(by) => replace_suffix(w, len, by),
        None if len == 3 => {
            // ogi -> og after l
            if bra >= 1 && w[bra - 1] == b'l' {
                replace_suffix(w, 3, b"og");
            }
        }
        None => {
            // li deleted after a valid li-ending
            if bra >= 1 && is_valid_li(w[bra - 1]) {
                w.truncate(bra);
            }
        }
    }
}

fn step_3(w: &mut Vec<u8>, p1: usize, p2: usize) {
    let Some((len, by)) = w.last().and_then(|&b| longest(w, step3_rules(b))) else {
        return;
    };
    let bra = w.len() - len;
    if bra < p1 {
        return;
    }
    match by {
        Some(by) => replace_suffix(w, len, by),
        None if bra >= p2 => w.truncate(bra),
        None => {}
    }
}

fn step_4(w: &mut Vec<u8>, p2: usize) {
    let Some(len) = w
        .last()
        .and_then(|&b| step4_rules(b).iter().find(|s| ends(w, s)).map(|s| s.len()))
    else {
        return;
    };
    let bra = w.len() - len;
    if bra < p2 {
        return;
    }
    let ion = &w[bra..] == b"ion";
    if !ion || (bra >= 1 && matches!(w[bra - 1], b's' | b't')) {
        w.truncate(bra);
    }
}

fn step_5(w: &mut Vec<u8>, p1: usize, p2: usize) {
    let n = w.len();
    let Some(&last) = w.last() else {
        return;
    };
    let bra = n - 1;
    match last {
        b'e' if bra >= p2 || (bra >= p1 && !short_syllable(w, bra)) => w.truncate(bra),
        b'l' if bra >= p2 && bra >= 1 && w[bra - 1] == b'l' => w.truncate(bra),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::{stem_ascii, step2_rules, step3_rules, step4_rules};

    /// Each suffix group holds suffixes ending in its byte, longest first, so that the first
    /// match is the longest (a table edit that breaks this changes stems silently).
    #[test]
    fn suffix_groups_are_keyed_by_last_byte_longest_first() {
        for last in 0..=255u8 {
            let groups: [Vec<&[u8]>; 3] = [
                step2_rules(last).iter().map(|r| r.0).collect(),
                step3_rules(last).iter().map(|r| r.0).collect(),
                step4_rules(last).to_vec(),
            ];
            for group in groups {
                assert!(group.iter().all(|s| s.last() == Some(&last)), "{group:?}");
                assert!(
                    group.windows(2).all(|p| p[0].len() >= p[1].len()),
                    "{group:?}"
                );
            }
        }
    }

    fn snowball(word: &str) -> String {
        rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English)
            .stem(word)
            .into_owned()
    }

    fn ours(word: &str) -> String {
        let mut w = Vec::new();
        stem_ascii(word.as_bytes(), &mut w);
        String::from_utf8(w).expect("ASCII in, ASCII out")
    }

    macro_rules! stems {
        ($($word:expr => $stem:expr,)*) => {
            #[test]
            fn known_stems() {
                $(
                    assert_eq!(ours($word), $stem, "{}", $word);
                    assert_eq!(snowball($word), $stem, "{} (rust-stemmers)", $word);
                )*
            }
        };
    }

    stems! {
        "running" => "run",
        "generously" => "generous",
        "caresses" => "caress",
        "ponies" => "poni",
        "ties" => "tie",
        "gas" => "gas",
        "gaps" => "gap",
        "agreed" => "agre",
        "hopping" => "hop",
        "hoping" => "hope",
        "cry" => "cri",
        "say" => "say",
        "yelling" => "yell",
        "sayings" => "say",
        "national" => "nation",
        "skies" => "sky",
        "innings" => "inning",
        "boys'" => "boy",
        "'tis" => "tis",
        "communism" => "communism",
        "generate" => "generat",
        "controlling" => "control",
        "adoption" => "adopt",
        "AYY" => "AYi",
        "1990s" => "1990s",
        "well-known" => "well-known",
    }

    proptest::proptest! {
        #[test]
        fn same_stems_as_rust_stemmers(word in "[aeiouybcdglnrstYA'.-]{0,12}") {
            proptest::prop_assert_eq!(ours(&word), snowball(&word));
        }

        #[test]
        fn same_stems_on_suffix_soup(
            stem in "[a-z]{0,5}",
            suffix in "(ational|tional|ization|fulness|ousness|iveness|biliti|lessli|entli|ousli|fulli|alism|aliti|alli|abli|enci|anci|izer|ator|ogi|bli|li|alize|icate|iciti|ical|ful|ness|ative|ement|ment|ent|ance|ence|able|ible|ate|ive|ize|iti|al|ism|ion|er|ous|ant|ic|eedly|ingly|edly|eed|ing|ed|sses|ies|ied|ss|us|s|e|l|y|'s'|'s|'){1,3}",
        ) {
            let word = format!("{stem}{suffix}");
            proptest::prop_assert_eq!(ours(&word), snowball(&word));
        }
    }
}
