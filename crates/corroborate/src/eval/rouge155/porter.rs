//! The Porter stemmer exactly as ROUGE-1.5.5 runs it: Martin Porter's 1980 algorithm in the
//! shape of his Perl release 1, with Chin-Yew Lin's 2004 change to step 4 (`-ement`, `-ment`
//! and `-ent` are tried one after another).
//!
//! Written here rather than taken from a crate because every maintained Rust stemmer
//! implements Snowball "Porter2" or NLTK's variant, which stem a few hundred common words
//! differently and would move ROUGE-1.5.5 scores.
//!
//! The measure tests use the script's own regular expressions (`y` counts as a vowel after a
//! consonant sequence, a leading `y` as a consonant), so they run on the `regex` crate, whose
//! leftmost-first matching agrees with Perl's for these patterns.

use regex::Regex;
use std::sync::OnceLock;

/// Compiled measure patterns of the stemmer.
struct Patterns {
    /// `[C]VC...`: measure greater than 0.
    mgr0: Regex,
    /// `[C]VC[V]`: measure exactly 1.
    meq1: Regex,
    /// `[C]VCVC...`: measure greater than 1.
    mgr1: Regex,
    /// A vowel somewhere in the stem.
    has_vowel: Regex,
    /// Consonant-vowel-consonant ending, the last not `w`, `x` or `y`, and nothing else.
    cvc: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let c = "[^aeiou]";
        let v = "[aeiouy]";
        let cs = format!("{c}[^aeiouy]*");
        let vs = format!("{v}[aeiou]*");
        let compile = |p: String| Regex::new(&p).expect("static stemmer pattern compiles");
        Patterns {
            mgr0: compile(format!("^({cs})?{vs}{cs}")),
            meq1: compile(format!("^({cs})?{vs}{cs}({vs})?$")),
            mgr1: compile(format!("^({cs})?{vs}{cs}{vs}{cs}")),
            has_vowel: compile(format!("^({cs})?{v}")),
            cvc: compile(format!("^{cs}{v}[^aeiouwxy]$")),
        }
    })
}

const STEP2: &[(&str, &str)] = &[
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("bli", "ble"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
    ("logi", "log"),
];

const STEP3: &[(&str, &str)] = &[
    ("icate", "ic"),
    ("ative", ""),
    ("alize", "al"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ful", ""),
    ("ness", ""),
];

const STEP4: &[&str] = &[
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism", "ate", "iti",
    "ous", "ive", "ize",
];

/// The longest suffix of `w` among `suffixes` (what a `$`-anchored alternation matches).
fn longest_suffix<'a, T>(w: &str, suffixes: &'a [T], key: impl Fn(&T) -> &str) -> Option<&'a T> {
    suffixes
        .iter()
        .filter(|s| w.ends_with(key(s)))
        .max_by_key(|s| key(s).len())
}

/// Stem one lowercase ASCII word as ROUGE-1.5.5's `stem` does. Words shorter than three
/// characters are returned unchanged.
pub fn stem(word: &str) -> String {
    if word.len() < 3 || !word.is_ascii() {
        return word.to_string();
    }
    let p = patterns();
    let initial_y = word.starts_with('y');
    let mut w = if initial_y {
        format!("Y{}", &word[1..])
    } else {
        word.to_string()
    };

    // Step 1a
    if w.ends_with("sses") || w.ends_with("ies") {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !w[..w.len() - 1].ends_with('s') {
        w.pop();
    }

    // Step 1b
    if w.ends_with("eed") {
        if p.mgr0.is_match(&w[..w.len() - 3]) {
            w.pop();
        }
    } else {
        let suffix = if w.ends_with("ed") {
            Some(2)
        } else if w.ends_with("ing") {
            Some(3)
        } else {
            None
        };
        if let Some(n) = suffix {
            let stem = &w[..w.len() - n];
            if p.has_vowel.is_match(stem) {
                w.truncate(w.len() - n);
                let b = w.as_bytes();
                let len = b.len();
                if w.ends_with("at") || w.ends_with("bl") || w.ends_with("iz") {
                    w.push('e');
                } else if len >= 2
                    && b[len - 1] == b[len - 2]
                    && !b"aeiouylsz".contains(&b[len - 1])
                {
                    w.pop();
                } else if p.cvc.is_match(&w) {
                    w.push('e');
                }
            }
        }
    }

    // Step 1c
    if w.ends_with('y') && p.has_vowel.is_match(&w[..w.len() - 1]) {
        w.pop();
        w.push('i');
    }

    // Steps 2 and 3
    for table in [STEP2, STEP3] {
        if let Some((suffix, replacement)) = longest_suffix(&w, table, |s| s.0) {
            let stem = &w[..w.len() - suffix.len()];
            if p.mgr0.is_match(stem) {
                w = format!("{stem}{replacement}");
            }
        }
    }

    // Step 4, with the three independent tests of the 2004 change.
    if let Some(suffix) = longest_suffix(&w, STEP4, |s| s) {
        let stem = &w[..w.len() - suffix.len()];
        if p.mgr1.is_match(stem) {
            w.truncate(stem.len());
        }
    }
    if w.ends_with("ment") && p.mgr1.is_match(&w[..w.len() - 4]) {
        w.truncate(w.len() - 4);
    }
    if w.ends_with("ent") {
        if p.mgr1.is_match(&w[..w.len() - 3]) {
            w.truncate(w.len() - 3);
        }
    } else if (w.ends_with("sion") || w.ends_with("tion")) && p.mgr1.is_match(&w[..w.len() - 3]) {
        w.truncate(w.len() - 3);
    }

    // Step 5
    if w.ends_with('e') {
        let stem = &w[..w.len() - 1];
        if p.mgr1.is_match(stem) || (p.meq1.is_match(stem) && !p.cvc.is_match(stem)) {
            w.pop();
        }
    }
    if w.ends_with("ll") && p.mgr1.is_match(&w) {
        w.pop();
    }

    if initial_y {
        w.replace_range(..1, "y");
    }
    w
}

#[cfg(test)]
mod tests {
    use super::stem;

    macro_rules! test_stem {
        ($($word:literal => $stem:literal),* $(,)?) => {
            $( assert_eq!(stem($word), $stem, "stem({:?})", $word); )*
        };
    }

    #[test]
    fn classic_porter_examples() {
        test_stem! {
            "caresses" => "caress", "ponies" => "poni", "ties" => "ti", "caress" => "caress",
            "cats" => "cat", "feed" => "feed", "agreed" => "agre", "plastered" => "plaster",
            "bled" => "bled", "motoring" => "motor", "sing" => "sing", "conflated" => "conflat",
            "troubled" => "troubl", "sized" => "size", "hopping" => "hop", "tanned" => "tan",
            "falling" => "fall", "hissing" => "hiss", "fizzed" => "fizz", "failing" => "fail",
            "filing" => "file", "happy" => "happi", "sky" => "sky", "relational" => "relat",
            "conditional" => "condit", "rational" => "ration", "valenci" => "valenc",
            "digitizer" => "digit", "conformabli" => "conform", "radicalli" => "radic",
            "differentli" => "differ", "vileli" => "vile", "analogousli" => "analog",
            "vietnamization" => "vietnam", "predication" => "predic", "operator" => "oper",
            "feudalism" => "feudal", "decisiveness" => "decis", "hopefulness" => "hope",
            "callousness" => "callous", "formaliti" => "formal", "sensitiviti" => "sensit",
            "sensibiliti" => "sensibl", "triplicate" => "triplic", "formative" => "form",
            "formalize" => "formal", "electriciti" => "electr", "electrical" => "electr",
            "hopeful" => "hope", "goodness" => "good", "revival" => "reviv",
            "allowance" => "allow", "inference" => "infer", "airliner" => "airlin",
            "gyroscopic" => "gyroscop", "adjustable" => "adjust", "defensible" => "defens",
            "irritant" => "irrit", "replacement" => "replac", "adjustment" => "adjust",
            "dependent" => "depend", "adoption" => "adopt", "homologou" => "homolog",
            "communism" => "commun", "activate" => "activ", "angulariti" => "angular",
            "homologous" => "homolog", "effective" => "effect", "bowdlerize" => "bowdler",
            "probate" => "probat", "rate" => "rate", "cease" => "ceas", "controll" => "control",
            "roll" => "roll",
        }
    }

    #[test]
    fn leading_y_is_a_consonant() {
        test_stem! { "yelling" => "yell", "youth" => "youth", "yearly" => "yearli" }
    }

    #[test]
    fn ement_then_ment_then_ent_are_all_tried() {
        // "agreement": -ement fails the measure test, then -ment fails, then -ent succeeds.
        test_stem! { "agreement" => "agreem" }
    }

    #[test]
    fn short_and_non_ascii_words_are_unchanged() {
        test_stem! { "as" => "as", "is" => "is", "caf\u{e9}s" => "caf\u{e9}s" }
    }
}
