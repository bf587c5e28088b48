//! English words for reading quantities: spelled-out numbers, multipliers, approximation
//! qualifiers with the band of values they allow, units, and classes of counted nouns and
//! of the events that counts refer to ("left", "died", "stay").

/// Spelled-out numbers below a hundred.
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
];

/// Multipliers written after a number ("7.7 million", "$5bn").
pub const MULTIPLIERS: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("dozen", 12.0),
    ("m", 1e6),
    ("mn", 1e6),
    ("bn", 1e9),
    ("k", 1e3),
    ("tn", 1e12),
];

/// Approximation and bound qualifiers written before a number, with the band they allow as
/// factors of the value: `(phrase, low factor, high factor)`. Longest phrases first.
pub const QUALIFIERS: &[(&str, f64, f64)] = &[
    ("more than", 1.0, f64::INFINITY),
    ("greater than", 1.0, f64::INFINITY),
    ("in excess of", 1.0, f64::INFINITY),
    ("upwards of", 1.0, f64::INFINITY),
    ("at least", 1.0, f64::INFINITY),
    ("a minimum of", 1.0, f64::INFINITY),
    ("no fewer than", 1.0, f64::INFINITY),
    ("no less than", 1.0, f64::INFINITY),
    ("just over", 1.0, 1.1),
    ("just under", 0.9, 1.0),
    ("just shy of", 0.9, 1.0),
    ("fewer than", 0.0, 1.0),
    ("less than", 0.0, 1.0),
    ("up to", 0.0, 1.0),
    ("as many as", 0.0, 1.0),
    ("as much as", 0.0, 1.0),
    ("at most", 0.0, 1.0),
    ("no more than", 0.0, 1.0),
    ("close to", 0.85, 1.05),
    ("an estimated", 0.9, 1.1),
    ("nearly", 0.85, 1.0),
    ("almost", 0.85, 1.0),
    ("about", 0.9, 1.1),
    ("around", 0.9, 1.1),
    ("some", 0.9, 1.1),
    ("roughly", 0.9, 1.1),
    ("approximately", 0.9, 1.1),
    ("approx", 0.9, 1.1),
    ("estimated", 0.9, 1.1),
    ("circa", 0.9, 1.1),
    ("over", 1.0, f64::INFINITY),
    ("above", 1.0, f64::INFINITY),
    ("under", 0.0, 1.0),
    ("below", 0.0, 1.0),
    ("several", 2.0, 9.0),
];

/// Units written after a number, with the unit name they normalize to.
pub const UNITS: &[(&str, &str)] = &[
    ("percent", "percent"),
    ("per cent", "percent"),
    ("pc", "percent"),
    ("%", "percent"),
    ("percentage points", "percentage points"),
    ("dollars", "$"),
    ("dollar", "$"),
    ("usd", "$"),
    ("pounds", "£"),
    ("euros", "€"),
    ("euro", "€"),
    ("km", "km"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("miles", "miles"),
    ("mile", "miles"),
    ("metres", "m"),
    ("meters", "m"),
    ("feet", "feet"),
    ("acres", "acres"),
    ("hectares", "hectares"),
    ("tonnes", "tonnes"),
    ("tons", "tons"),
    ("kg", "kg"),
    ("years", "years"),
    ("year", "years"),
    ("months", "months"),
    ("month", "months"),
    ("weeks", "weeks"),
    ("week", "weeks"),
    ("days", "days"),
    ("day", "days"),
    ("hours", "hours"),
    ("hour", "hours"),
    ("minute", "minutes"),
    ("minutes", "minutes"),
];

/// Currency signs written before a number.
pub const CURRENCY_SIGNS: &[(&str, &str)] = &[("$", "$"), ("£", "£"), ("€", "€"), ("US$", "$")];

/// Counted nouns grouped into classes, so that "people", "civilians" and "residents" count
/// the same kind of thing. `(noun, class)`.
pub const NOUN_CLASSES: &[(&str, &str)] = &[
    ("people", "people"),
    ("persons", "people"),
    ("civilians", "people"),
    ("residents", "people"),
    ("individuals", "people"),
    ("refugees", "people"),
    ("evacuees", "people"),
    ("inhabitants", "people"),
    ("migrants", "people"),
    ("villagers", "people"),
    ("families", "people"),
    ("citizens", "people"),
    ("victims", "people"),
    ("bodies", "people"),
    ("deaths", "people"),
    ("dead", "people"),
    ("fatalities", "people"),
    ("casualties", "people"),
    ("mourners", "people"),
    ("protesters", "people"),
    ("demonstrators", "people"),
    ("worshippers", "people"),
    ("spectators", "people"),
    ("onlookers", "people"),
    ("fighters", "fighters"),
    ("militants", "fighters"),
    ("jihadists", "fighters"),
    ("jihadis", "fighters"),
    ("combatants", "fighters"),
    ("insurgents", "fighters"),
    ("rebels", "fighters"),
    ("extremists", "fighters"),
    ("terrorists", "fighters"),
    ("gunmen", "fighters"),
    ("troops", "troops"),
    ("soldiers", "troops"),
    ("personnel", "troops"),
    ("marines", "troops"),
    ("servicemen", "troops"),
];

/// Nouns that carry their own event ("deaths" are people who died).
pub const NOUN_EVENTS: &[(&str, &str)] = &[
    ("deaths", "die"),
    ("dead", "die"),
    ("fatalities", "die"),
    ("bodies", "die"),
    ("casualties", "casualty"),
    ("evacuees", "leave"),
    ("refugees", "leave"),
    ("mourners", "gather"),
    ("protesters", "gather"),
    ("demonstrators", "gather"),
    ("marchers", "gather"),
    ("arrests", "capture"),
];

/// Event words (lowercase surface forms) and the event class they denote.
pub const EVENT_WORDS: &[(&str, &str)] = &[
    ("left", "leave"),
    ("leave", "leave"),
    ("leaving", "leave"),
    ("fled", "leave"),
    ("flee", "leave"),
    ("fleeing", "leave"),
    ("crossed", "leave"),
    ("emerged", "leave"),
    ("evacuated", "leave"),
    ("escaped", "leave"),
    ("departed", "leave"),
    ("streamed", "leave"),
    ("poured", "leave"),
    ("exited", "leave"),
    ("surrendered", "surrender"),
    ("died", "die"),
    ("die", "die"),
    ("dying", "die"),
    ("killed", "die"),
    ("killing", "die"),
    ("kill", "die"),
    ("kills", "die"),
    ("perished", "die"),
    ("dead", "die"),
    ("wounded", "wound"),
    ("injured", "wound"),
    ("injuring", "wound"),
    ("wounding", "wound"),
    ("hurt", "wound"),
    ("stay", "stay"),
    ("staying", "stay"),
    ("remain", "stay"),
    ("remaining", "stay"),
    ("withdraw", "withdraw"),
    ("withdrawn", "withdraw"),
    ("withdrawing", "withdraw"),
    ("withdrawal", "withdraw"),
    ("arrived", "arrive"),
    ("arriving", "arrive"),
    ("arrive", "arrive"),
    ("captured", "capture"),
    ("seized", "capture"),
    ("arrested", "capture"),
    ("detained", "capture"),
    ("holding", "hold"),
    ("housing", "hold"),
    ("hosting", "hold"),
    ("sheltering", "hold"),
    ("displaced", "displace"),
    ("deployed", "deploy"),
    ("stationed", "deploy"),
    ("missing", "missing"),
    ("controls", "control"),
    ("held", "hold"),
    ("trickled", "leave"),
    ("control", "control"),
    ("rescued", "rescue"),
    ("gathered", "gather"),
    ("gather", "gather"),
    ("rallied", "gather"),
    ("marched", "gather"),
    ("protested", "gather"),
    ("attended", "gather"),
    // "paid their respects": mourners at a funeral or a viewing.
    ("respects", "gather"),
    ("won", "win"),
    ("win", "win"),
    ("wins", "win"),
];

/// How an event class reads after the counted noun ("people who left").
pub const EVENT_GLOSSES: &[(&str, &str)] = &[
    ("leave", "who left"),
    ("die", "who died"),
    ("wound", "wounded"),
    ("stay", "staying"),
    ("withdraw", "withdrawn"),
    ("arrive", "who arrived"),
    ("capture", "captured"),
    ("hold", "held"),
    ("displace", "displaced"),
    ("deploy", "deployed"),
    ("missing", "missing"),
    ("control", "controlled"),
    ("rescue", "rescued"),
    ("surrender", "who surrendered"),
    ("casualty", "casualties"),
    ("gather", "who gathered"),
    ("win", "won"),
];

/// Prepositions after which a name is where a quantity is counted.
pub const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "from",
    "near",
    "outside",
    "inside",
    "across",
    "throughout",
];

/// Words right before a quantity that make it a part of a set or an increment, not the
/// count of an event ("another 187", "the other two", "one of four", "the first 50").
pub const PART_BEFORE: &[&str] = &[
    "another",
    "additional",
    "further",
    "other",
    "rest",
    "remaining",
    "first",
    "last",
    "next",
    "of",
    "the",
    "these",
    "those",
];

/// Determiners after "of" that make a count a part of a set ("two of the guards").
pub const PART_OF: &[&str] = &[
    "the", "its", "their", "his", "her", "our", "those", "these", "them",
];

/// The value of an English number word or hyphenated pair ("twelve", "Thirty-five"), in
/// any case.
pub fn number_word(word: &str) -> Option<u32> {
    // The words of `NUMBER_WORDS` below twenty ("dozen" is a noun: "a dozen") and the tens.
    let value = |w: &str| {
        NUMBER_WORDS
            .iter()
            .find(|(name, _)| *name != "dozen" && name.eq_ignore_ascii_case(w))
            .map(|&(_, v)| v as u32)
    };
    if word.len() > 13 || !word.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let unit = |w: &str| value(w).filter(|&v| v < 20);
    let ten = |w: &str| value(w).filter(|&v| v >= 20);
    match word.split_once('-') {
        Some((t, u)) => Some(ten(t)? + unit(u).filter(|&u| (1..10).contains(&u))?),
        // "one" is too often a pronoun ("one of the men") to count as a number.
        None if word.eq_ignore_ascii_case("one") => None,
        None => unit(word).or_else(|| ten(word)),
    }
}

#[cfg(test)]
mod number_word_tests {
    use super::{number_word, NUMBER_WORDS};

    #[test]
    fn number_words_read_in_any_case_and_hyphenated() {
        assert_eq!(number_word("twelve"), Some(12));
        assert_eq!(number_word("Thirty-five"), Some(35));
        assert_eq!(number_word("NINETY"), Some(90));
        assert_eq!(number_word("one"), None);
        assert_eq!(number_word("twenty-one"), Some(21));
        assert_eq!(number_word("twenty-zero"), None);
        assert_eq!(number_word("five-twenty"), None);
        assert_eq!(number_word("dozen"), None);
        assert_eq!(number_word("7"), None);
    }

    #[test]
    fn number_words_agree_with_the_table() {
        for &(word, value) in NUMBER_WORDS {
            if word != "one" && word != "dozen" {
                assert_eq!(number_word(word), Some(value as u32), "{word}");
            }
        }
    }
}
