//! Article features for grouping: stemmed content terms, named-entity proxies, word shingles
//! for syndication, and a cheap English test.
//!
//! Entities are approximated by capitalized words that do not open a sentence or sit in a
//! title-case line (headlines capitalize every word). They share the term table with a `@`
//! prefix, so they get their own document frequencies.

use super::index::TermTable;
use crate::lang::{stop_words, Language};
use crate::segment::{EnglishStemmer, SpellingMap};
// FxHash: the caches are probed once per token; SipHash showed in profiles.

/// What grouping needs from one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleFeatures {
    /// `(term id, weight)` sorted by term id: `1 + ln(tf)`, for content stems and entity
    /// features alike.
    pub terms: Vec<(u32, f32)>,
    /// Hashes of overlapping word 5-grams (all words, lowercased), for MinHash.
    pub shingles: Vec<u64>,
    /// Word tokens seen.
    pub words: usize,
    /// Whether the text reads as English (stop-word ratio test).
    pub english: bool,
    /// The language of a text that does not read as English, when one of
    /// [`stop_words::LANGUAGES`] has enough stop words in it (its code): stories of
    /// different languages are grouped apart. `None` for English and for a language
    /// without a stop list.
    pub language: Option<&'static str>,
}

/// What the featurizer remembers of a lowercased word.
#[derive(Debug, Clone, Copy)]
struct WordEntry {
    /// Content term id (`None` for English stop words and one-letter words).
    term: Option<u32>,
    /// The languages of [`stop_words::LANGUAGES`] it is a stop word of (bit mask).
    foreign_stop: u8,
}

/// Words per shingle.
const SHINGLE: usize = 5;
/// Below this many words the stop-word ratio says too little; the text counts as English.
const MIN_WORDS_FOR_LANGUAGE: usize = 20;
/// English running text has 35-50% stop words; other languages under our list have few.
const MIN_STOP_RATIO: f64 = 0.12;

/// Turns text into [`ArticleFeatures`], caching stems of words already seen.
#[derive(Debug, Default)]
pub struct Featurizer {
    stemmer: EnglishStemmer,
    /// Lowercased word -> content term id (`None` for English stop words and one-letter
    /// words) and the other languages it is a stop word of. Short words are keyed inline:
    /// String keys sent every hit to the heap, and that `memcmp` was 8% of a 10k-article
    /// run in perf.
    words: SpellingMap<WordEntry>,
    /// Lowercased word -> entity term id.
    entities: SpellingMap<u32>,
    /// Term id -> occurrences in the current article (all zero between articles): a dense
    /// array instead of a per-article hash map, which showed in profiles.
    counts: Vec<u32>,
    /// Terms with a non-zero count.
    touched: Vec<u32>,
    /// Word spans of the current article (buffer kept between articles).
    tokens: Vec<Token>,
    /// Word hashes of the current article (buffer kept between articles).
    hashes: Vec<u64>,
    /// Lead emphasis: the headline and the first `lead_words` words of the body count
    /// `1 + lead_extra` times (0 words: off).
    lead_words: usize,
    lead_extra: f32,
    /// Term id -> occurrences in the lead of the current article (all zero between
    /// articles; used only with lead emphasis).
    lead_counts: Vec<u32>,
    /// No `@name` features (see [`Featurizer::without_names`]).
    skip_names: bool,
    /// Multiplier of the `@name` features' weights (see [`Featurizer::with_name_weight`]);
    /// `None`: they weigh as words.
    name_weight: Option<f32>,
}

/// `1 + ln(n)` for small counts, computed once (the same values as computing them each time).
fn tf_weight(n: u32, table: &[f32; TF_TABLE]) -> f32 {
    table
        .get(n as usize)
        .copied()
        .unwrap_or_else(|| 1.0 + (n as f32).ln())
}

const TF_TABLE: usize = 64;

/// A word as a byte span of the text.
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    initial: bool,
    line: usize,
}

/// Split into alphanumeric words, noting which open a sentence and which line they are on.
/// Bytes below 0x80 are classified directly; other characters are decoded.
fn tokenize(text: &str, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut initial = true;
    let mut line = 0;
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (alphanumeric, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().expect("i is on a char boundary");
            (c.is_alphanumeric(), c.len_utf8())
        };
        if alphanumeric {
            if start.is_none() {
                start = Some(i);
            }
            i += len;
            continue;
        }
        if let Some(s) = start.take() {
            out.push(Token {
                start: s,
                end: i,
                initial,
                line,
            });
            initial = false;
        }
        match b {
            b'.' | b'!' | b'?' => initial = true,
            b'\n' => {
                initial = true;
                line += 1;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        out.push(Token {
            start: s,
            end: text.len(),
            initial,
            line,
        });
    }
}

fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// FNV-1a over the bytes of a (lowercased) word: a stable hash for shingles.
fn word_hash(lower: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in lower.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

impl Featurizer {
    /// A featurizer whose term weights count the lead again: the headline and the first
    /// `words` words of the body weigh `1 + extra` times (`1 + ln(n + extra n_lead)`).
    /// News puts the event's who and where first. `words = 0` is [`Featurizer::default`].
    pub fn with_lead(words: usize, extra: f32) -> Self {
        Featurizer {
            lead_words: words,
            lead_extra: extra.max(0.0),
            ..Featurizer::default()
        }
    }

    /// This featurizer without the `@name` features of capitalized words. A name is then
    /// weighed once, by its own stem, like any other word, instead of twice.
    pub fn without_names(mut self) -> Self {
        self.skip_names = true;
        self
    }

    /// This featurizer with the `@name` features weighed `weight` times (1: as a word).
    /// Non-positive or non-finite weights leave the weight at 1.
    pub fn with_name_weight(mut self, weight: f32) -> Self {
        self.name_weight = (weight.is_finite() && weight > 0.0 && weight != 1.0).then_some(weight);
        self
    }

    /// Features of an article (headline, if any, then body), interning new terms in `table`.
    /// Document frequencies are not touched: the caller counts the article once it is kept.
    pub fn featurize(
        &mut self,
        title: Option<&str>,
        text: &str,
        table: &mut TermTable,
    ) -> ArticleFeatures {
        let mut tokens = std::mem::take(&mut self.tokens);
        tokens.clear();
        let joined;
        let full = match title {
            Some(t) if !t.trim().is_empty() && !text.trim_start().starts_with(t.trim()) => {
                joined = format!("{}\n{}", t.trim(), text);
                joined.as_str()
            }
            _ => text,
        };
        let body_start = full.len() - text.len();
        tokenize(full, &mut tokens);
        // Tokens before `lead_end` are the lead (headline, then the body's first words).
        let lead_end = if self.lead_words > 0 {
            let title_tokens = tokens.iter().take_while(|t| t.start < body_start).count();
            title_tokens + self.lead_words
        } else {
            0
        };
        let title_case_lines = title_case_lines(full, &tokens);
        let mut touched = std::mem::take(&mut self.touched);
        touched.clear();
        let mut stops = 0usize;
        let mut lower = String::new();
        let mut hashes = std::mem::take(&mut self.hashes);
        hashes.clear();
        // Stop words of each other language that are not English ones.
        let mut foreign = [0usize; stop_words::LANGUAGES.len()];
        for (i, tok) in tokens.iter().enumerate() {
            let in_lead = i < lead_end;
            let text = &full[tok.start..tok.end];
            lower.clear();
            if text.is_ascii() {
                lower.push_str(text);
                lower.make_ascii_lowercase();
            } else {
                lower.extend(text.chars().flat_map(char::to_lowercase));
            }
            hashes.push(word_hash(&lower));
            let entry = match self.words.get(&lower) {
                Some(e) => e,
                None => {
                    let short = lower.chars().count() < 2;
                    let term = if short || Language::English.is_stop_word(&lower) {
                        None
                    } else {
                        Some(table.intern(&self.stemmer.stem(&lower)))
                    };
                    let foreign_stop = if short { 0 } else { stop_words::stop_mask(&lower) };
                    let e = WordEntry { term, foreign_stop };
                    self.words.insert(&lower, e);
                    e
                }
            };
            // Only words that are not English stop words count for another language: an
            // English text with few stop words ("in", "is", "also") is not Dutch or German.
            if entry.foreign_stop != 0 && entry.term.is_some() {
                for (k, n) in foreign.iter_mut().enumerate() {
                    *n += usize::from(entry.foreign_stop >> k & 1 == 1);
                }
            }
            let Some(term) = entry.term else {
                stops += usize::from(lower.chars().count() >= 2);
                continue;
            };
            self.count(term, in_lead, &mut touched);
            let is_entity = !self.skip_names
                && capitalized(text)
                && !tok.initial
                && !title_case_lines.contains(&tok.line)
                && text.chars().any(char::is_lowercase);
            if is_entity {
                let id = match self.entities.get(&lower) {
                    Some(id) => id,
                    None => {
                        let id = table.intern(&format!("@{lower}"));
                        self.entities.insert(&lower, id);
                        id
                    }
                };
                self.count(id, in_lead, &mut touched);
            }
        }
        let words = tokens.len();
        let english =
            words < MIN_WORDS_FOR_LANGUAGE || stops as f64 / words as f64 >= MIN_STOP_RATIO;
        let language = if english {
            None
        } else {
            foreign_language(&foreign, words)
        };
        // Ids are distinct, so an unstable sort gives the one order.
        touched.sort_unstable();
        let ln = tf_table();
        let mut terms: Vec<(u32, f32)> = if lead_end > 0 {
            touched
                .iter()
                .map(|&t| {
                    let n = std::mem::take(&mut self.counts[t as usize]);
                    let lead = self
                        .lead_counts
                        .get_mut(t as usize)
                        .map_or(0, std::mem::take);
                    (t, 1.0 + (n as f32 + self.lead_extra * lead as f32).ln())
                })
                .collect()
        } else {
            touched
                .iter()
                .map(|&t| {
                    let n = std::mem::take(&mut self.counts[t as usize]);
                    (t, tf_weight(n, ln))
                })
                .collect()
        };
        if let Some(weight) = self.name_weight {
            for (t, w) in &mut terms {
                if table.is_entity(*t) {
                    *w *= weight;
                }
            }
        }
        self.touched = touched;
        let features = ArticleFeatures {
            terms,
            shingles: shingles(&hashes),
            words,
            english,
            language,
        };
        self.tokens = tokens;
        self.hashes = hashes;
        features
    }
}

impl Featurizer {
    fn count(&mut self, term: u32, in_lead: bool, touched: &mut Vec<u32>) {
        let t = term as usize;
        if self.counts.len() <= t {
            self.counts.resize(t + 1, 0);
        }
        if self.counts[t] == 0 {
            touched.push(term);
        }
        self.counts[t] += 1;
        if in_lead {
            if self.lead_counts.len() <= t {
                self.lead_counts.resize(t + 1, 0);
            }
            self.lead_counts[t] += 1;
        }
    }
}

/// The language of [`stop_words::LANGUAGES`] with the most stop words (that are not
/// English ones) among `words` tokens, when they are at least [`MIN_STOP_RATIO`] of
/// them (ties: the earlier).
fn foreign_language(foreign: &[usize], words: usize) -> Option<&'static str> {
    let (best, &n) = foreign
        .iter()
        .enumerate()
        .rev()
        .max_by_key(|&(_, n)| *n)?;
    (words > 0 && n as f64 / words as f64 >= MIN_STOP_RATIO)
        .then(|| stop_words::LANGUAGES[best].code)
}

fn tf_table() -> &'static [f32; TF_TABLE] {
    static TABLE: std::sync::OnceLock<[f32; TF_TABLE]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| std::array::from_fn(|n| 1.0 + (n as f32).ln()))
}

/// Lines where most words are capitalized (headlines): capitals there are not entities.
fn title_case_lines(full: &str, tokens: &[Token]) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let line = tokens[i].line;
        let (mut caps, mut alpha, mut all) = (0, 0, 0);
        while i < tokens.len() && tokens[i].line == line {
            let t = &full[tokens[i].start..tokens[i].end];
            all += 1;
            if t.chars().next().is_some_and(char::is_alphabetic) {
                alpha += 1;
                caps += usize::from(capitalized(t));
            }
            i += 1;
        }
        if alpha >= 3 && all <= 25 && caps * 10 >= alpha * 7 {
            lines.push(line);
        }
    }
    lines
}

fn shingles(hashes: &[u64]) -> Vec<u64> {
    if hashes.is_empty() {
        return Vec::new();
    }
    let k = SHINGLE.min(hashes.len());
    hashes
        .windows(k)
        .map(|w| {
            w.iter().fold(0x9e37_79b9_7f4a_7c15_u64, |h, &x| {
                (h.rotate_left(5) ^ x).wrapping_mul(0x0100_0000_01b3)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_emphasis_weighs_the_headline_and_first_words() {
        let text = "Quillby flooded overnight. Later the mayor of Marrendale spoke about rain and Quillby.";
        let mut table = TermTable::default();
        let plain = Featurizer::default().featurize(Some("Marren river rises"), text, &mut table);
        let lead =
            Featurizer::with_lead(3, 0.75).featurize(Some("Marren river rises"), text, &mut table);
        let weight = |f: &ArticleFeatures, term: &str| {
            let id = (0..table.len() as u32)
                .find(|&t| table.term(t) == term)
                .expect("term interned");
            f.terms
                .iter()
                .find(|x| x.0 == id)
                .map(|x| x.1)
                .expect("term present")
        };
        // Same terms, same order.
        let ids = |f: &ArticleFeatures| f.terms.iter().map(|x| x.0).collect::<Vec<_>>();
        assert_eq!(ids(&plain), ids(&lead));
        // Headline word: 1 + ln(1 + 0.75).
        assert!((weight(&lead, "river") - (1.0 + 1.75f32.ln())).abs() < 1e-6);
        // In the first three body words once and once after: 1 + ln(2 + 0.75).
        assert!((weight(&lead, "quillbi") - (1.0 + 2.75f32.ln())).abs() < 1e-6);
        assert!((weight(&plain, "quillbi") - (1.0 + 2f32.ln())).abs() < 1e-6);
        // Past the lead: unchanged.
        assert_eq!(weight(&lead, "rain"), weight(&plain, "rain"));
        // Words = 0 is the plain featurizer.
        let off =
            Featurizer::with_lead(0, 0.75).featurize(Some("Marren river rises"), text, &mut table);
        assert_eq!(off, plain);
    }

    #[test]
    fn long_words_are_remembered_like_short_ones() {
        // 30- and 26-byte words take the boxed keys, the others the inline ones; a second
        // article reads every word from the caches.
        let text = "The Antidisestablishmentarianisms debate met the Quillby council. \
                    Antidisestablishmentarianisms again, said Supercalifragilisticexpi, and \
                    Quillby agreed with Supercalifragilisticexpi.";
        let mut table = TermTable::default();
        let mut f = Featurizer::default();
        let first = f.featurize(None, text, &mut table);
        let second = f.featurize(None, text, &mut table);
        assert_eq!(first, second);
        let fresh = Featurizer::default().featurize(None, text, &mut table);
        assert_eq!(first, fresh);
        let weight = |term: &str| {
            let id = (0..table.len() as u32)
                .find(|&t| table.term(t) == term)
                .unwrap_or_else(|| panic!("{term} interned"));
            first.terms.iter().find(|x| x.0 == id).map(|x| x.1)
        };
        let long = weight("@supercalifragilisticexpi").expect("a long name");
        let short = weight("@quillby").expect("a short name");
        assert_eq!(long, short, "both names occur twice");
        let stem_weight = |prefix: &str| {
            let id = (0..table.len() as u32)
                .find(|&t| table.term(t).starts_with(prefix))
                .unwrap_or_else(|| panic!("a stem of {prefix} interned"));
            first.terms.iter().find(|x| x.0 == id).map(|x| x.1)
        };
        // The long word and "Quillby" both occur twice as words.
        assert_eq!(stem_weight("antidisestablishment"), stem_weight("quillb"));
        assert!(stem_weight("antidisestablishment") > stem_weight("council"));
    }

    #[test]
    fn name_weight_scales_only_the_name_features() {
        let text = "Mayor Ada Quillby of Marrendale said the Marren river rose overnight.";
        let mut table = TermTable::default();
        let one = Featurizer::default().featurize(None, text, &mut table);
        let half = Featurizer::default()
            .with_name_weight(0.5)
            .featurize(None, text, &mut table);
        let bad = Featurizer::default()
            .with_name_weight(f32::NAN)
            .featurize(None, text, &mut table);
        assert_eq!(one, bad, "a non-finite weight leaves the weights alone");
        assert_eq!(one.terms.len(), half.terms.len());
        let mut names = 0;
        for (&(t, a), &(u, b)) in one.terms.iter().zip(&half.terms) {
            assert_eq!(t, u);
            if table.term(t).starts_with('@') {
                names += 1;
                assert_eq!(b, a * 0.5, "{}", table.term(t));
            } else {
                assert_eq!(b, a, "{}", table.term(t));
            }
        }
        assert!(names >= 3, "{:?}", one.terms);
    }

    #[test]
    fn without_names_a_name_counts_once_by_its_stem() {
        let text = "Mayor Ada Quillby of Marrendale said the Marren river rose overnight.";
        let mut table = TermTable::default();
        let with = Featurizer::default().featurize(None, text, &mut table);
        let without = Featurizer::default()
            .without_names()
            .featurize(None, text, &mut table);
        let terms = |f: &ArticleFeatures| {
            f.terms
                .iter()
                .map(|&(t, w)| (table.term(t).to_string(), w))
                .collect::<Vec<_>>()
        };
        let (with, without) = (terms(&with), terms(&without));
        assert!(with.iter().any(|(t, _)| t == "@quillby"), "{with:?}");
        assert!(
            without.iter().all(|(t, _)| !t.starts_with('@')),
            "{without:?}"
        );
        // The other terms keep their weights.
        let plain: Vec<_> = with
            .into_iter()
            .filter(|(t, _)| !t.starts_with('@'))
            .collect();
        assert_eq!(plain, without);
    }

    fn featurize(text: &str) -> (ArticleFeatures, TermTable) {
        let mut table = TermTable::default();
        let f = Featurizer::default().featurize(None, text, &mut table);
        (f, table)
    }

    fn names(f: &ArticleFeatures, table: &TermTable) -> Vec<String> {
        let mut v: Vec<String> = f
            .terms
            .iter()
            .map(|&(t, _)| table.term(t).to_string())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn stems_content_words_and_drops_stop_words() {
        let (f, table) = featurize("the floods were flooding the valleys");
        assert_eq!(names(&f, &table), ["flood", "valley"]);
        let flood = f
            .terms
            .iter()
            .find(|&&(t, _)| table.term(t) == "flood")
            .expect("flood");
        assert!((flood.1 - (1.0 + 2f32.ln())).abs() < 1e-6);
    }

    #[test]
    fn capitalized_words_inside_sentences_are_entities() {
        let (f, table) =
            featurize("Rescuers reached Quillby on Monday. Officials in Quillby said so.");
        let n = names(&f, &table);
        assert!(n.contains(&"@quillby".to_string()), "{n:?}");
        assert!(n.contains(&"@monday".to_string()), "{n:?}");
        // Sentence-initial capitals are not entities.
        assert!(!n.contains(&"@rescuers".to_string()) && !n.contains(&"@officials".to_string()));
    }

    #[test]
    fn headline_capitals_are_not_entities() {
        let (f, table) = featurize("Storm Hits Coastal Towns Hard\nThe storm hit towns.");
        assert!(names(&f, &table).iter().all(|n| !n.starts_with('@')));
    }

    #[test]
    fn stop_word_ratio_tells_languages_apart() {
        let en = "The council said on Monday that the new bridge would open in the spring, \
                  and that the old one would be closed for repairs until the end of the year.";
        let fr = "Le conseil municipal a annoncé lundi que le nouveau pont ouvrirait au printemps \
                  prochain, tandis que l'ancien resterait fermé pour travaux jusqu'à la fin de l'année.";
        assert!(featurize(en).0.english);
        assert!(!featurize(fr).0.english);
        assert_eq!(featurize(en).0.language, None);
        assert_eq!(featurize(fr).0.language, Some("fr"));
        let de = "Der Gemeinderat hat am Montag beschlossen, dass die neue Brücke im Frühjahr \
                  eröffnet wird und die alte bis zum Ende des Jahres für Reparaturen gesperrt bleibt.";
        let es = "El consejo municipal anunció el lunes que el nuevo puente se abrirá en la \
                  primavera y que el antiguo estará cerrado por obras hasta el final del año.";
        assert_eq!(featurize(de).0.language, Some("de"));
        assert_eq!(featurize(es).0.language, Some("es"));
        let hr = "Gradsko vijeće objavilo je u ponedjeljak da će novi most biti otvoren na \
                  proljeće, a stari most ostat će zatvoren zbog radova sve do kraja godine.";
        assert_eq!(featurize(hr).0.language, None, "no stop list");
        assert!(
            featurize("Bonjour tout le monde").0.english,
            "too short to judge"
        );
    }

    #[test]
    fn shingles_cover_the_text() {
        let (f, _) = featurize("one two three four five six seven");
        assert_eq!(f.shingles.len(), 3);
        let (g, _) = featurize("One two three four five six seven");
        assert_eq!(f.shingles, g.shingles, "case does not change shingles");
        let (h, _) = featurize("one two");
        assert_eq!(h.shingles.len(), 1);
        assert!(featurize("").0.shingles.is_empty());
    }

    #[test]
    fn tokens_are_alphanumeric_runs_with_sentence_and_line_marks() {
        let text = "Zoë's café\nopened. Ünïcode—dash 42x?ok";
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        let got: Vec<(&str, bool, usize)> = tokens
            .iter()
            .map(|t| (&text[t.start..t.end], t.initial, t.line))
            .collect();
        assert_eq!(
            got,
            [
                ("Zoë", true, 0),
                ("s", false, 0),
                ("café", false, 0),
                ("opened", true, 1),
                ("Ünïcode", true, 1),
                ("dash", false, 1),
                ("42x", false, 1),
                ("ok", true, 1),
            ]
        );
    }

    #[test]
    fn arbitrary_unicode_does_not_panic() {
        for s in [
            "\u{0}",
            "ǅemal Ǆ",
            "İstanbul İSTANBUL",
            "🙂🙂 a",
            "\n\n.",
            "x",
        ] {
            let _ = featurize(s);
        }
    }
}
