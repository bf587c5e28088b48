//! Per-thread lexicon: each word as written, once lowercased, checked against the stop words
//! and stemmed, keeps a thread-wide stem id across clusters.
//!
//! Preparing a cluster lowercased, checked, stemmed and interned every distinct spelling
//! again (a third of segmentation time); news vocabularies repeat across clusters, so the
//! lexicon answers a known spelling with one hash lookup and the cluster's vocabulary maps
//! the thread-wide stem id to its own id through a plain vector.

use super::EnglishStemmer;
use crate::lang::Language;
use super::vocabulary::Vocabulary;
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// Spellings remembered per thread before the lexicon is emptied (bounded memory); checked
/// between clusters only, so ids stay valid while a cluster is prepared.
const CAPACITY: usize = 1 << 18;

/// Spellings and stems a new lexicon has room for: a hundred news clusters bring ~20,000
/// spellings, and growing the tables one doubling at a time rehashed every key each time
/// (a tenth of the first pass over new words).
const INITIAL_SPELLINGS: usize = 1 << 15;
const INITIAL_STEMS: usize = 1 << 14;

thread_local! {
    static LEXICON: RefCell<Lexicon> = RefCell::new(Lexicon::new(Language::default()));
}

/// Spellings and stems seen by this thread.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    language: Language,
    /// Word as written -> (stem id, stop word).
    spellings: SpellingMap<(u32, bool)>,
    /// Stem -> stem id.
    stem_ids: FxHashMap<Box<str>, u32>,
    /// Every stem concatenated in id order; stem `i` ends at `ends[i]`.
    text: String,
    ends: Vec<usize>,
    lower: String,
    /// Stem id -> term id in the cluster being prepared ([`NONE`] when not in it), and the
    /// stem ids set since the last cluster: reset entry by entry rather than reallocated
    /// (zeroing a vector as long as the lexicon per cluster showed in the profile).
    local: Vec<u32>,
    touched: Vec<u32>,
}

/// No term id in the current cluster.
const NONE: u32 = u32::MAX;

/// A spelling of at most [`ShortKey::MAX`] bytes held in the table entry itself, zero-padded,
/// with its length in the last byte: a lookup compares three words in place. Boxed keys
/// sent every hit to the heap for its bytes, and that fetch missed the cache (the largest
/// share of the lookups' data-cache misses, callgrind --cache-sim).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct ShortKey([u64; 3]);

impl ShortKey {
    /// Longest spelling held inline.
    const MAX: usize = 23;

    /// The key of `s`, if it is short enough.
    #[inline]
    fn of(s: &str) -> Option<ShortKey> {
        let n = s.len();
        if n > Self::MAX {
            return None;
        }
        let mut bytes = [0u8; 24];
        bytes[..n].copy_from_slice(s.as_bytes());
        bytes[23] = n as u8;
        let word =
            |k: usize| u64::from_le_bytes(bytes[8 * k..8 * k + 8].try_into().expect("8 bytes"));
        Some(ShortKey([word(0), word(1), word(2)]))
    }
}

/// A map from spellings: those of up to [`ShortKey::MAX`] bytes (nearly all words) keyed
/// inline, longer ones boxed. Shared by the lexicon and the story featurizer.
#[derive(Debug)]
pub(crate) struct SpellingMap<V> {
    short: FxHashMap<ShortKey, V>,
    long: FxHashMap<Box<str>, V>,
}

impl<V> Default for SpellingMap<V> {
    fn default() -> Self {
        SpellingMap {
            short: FxHashMap::default(),
            long: FxHashMap::default(),
        }
    }
}

impl<V: Copy> SpellingMap<V> {
    /// A map with room for `n` short spellings.
    pub(crate) fn with_capacity(n: usize) -> Self {
        SpellingMap {
            short: FxHashMap::with_capacity_and_hasher(n, Default::default()),
            long: FxHashMap::default(),
        }
    }

    /// The value of `spelling`.
    #[inline]
    pub(crate) fn get(&self, spelling: &str) -> Option<V> {
        match ShortKey::of(spelling) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(spelling).copied(),
        }
    }

    /// Set the value of `spelling`.
    pub(crate) fn insert(&mut self, spelling: &str, value: V) {
        match ShortKey::of(spelling) {
            Some(key) => self.short.insert(key, value),
            None => self.long.insert(spelling.into(), value),
        };
    }

    /// Spellings held.
    pub(crate) fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }
}

impl Lexicon {
    /// An empty lexicon for `language`, with room for a run's words.
    fn new(language: Language) -> Lexicon {
        Lexicon {
            language,
            spellings: SpellingMap::with_capacity(INITIAL_SPELLINGS),
            stem_ids: FxHashMap::with_capacity_and_hasher(INITIAL_STEMS, Default::default()),
            ..Lexicon::default()
        }
    }

    /// Runs `f` with this thread's lexicon for `language`, emptied first if it grew past its
    /// capacity or served another language.
    pub(crate) fn with<R>(language: Language, f: impl FnOnce(&mut Lexicon) -> R) -> R {
        LEXICON.with(|lexicon| {
            let mut lexicon = lexicon.borrow_mut();
            if lexicon.language != language || lexicon.spellings.len() >= CAPACITY {
                *lexicon = Lexicon::new(language);
            }
            // A new cluster (also after one that panicked half-way).
            let Lexicon { local, touched, .. } = &mut *lexicon;
            for &g in touched.iter() {
                local[g as usize] = NONE;
            }
            touched.clear();
            f(&mut lexicon)
        })
    }

    /// The stem id of a word as written and whether it is a stop word (lowercased).
    #[inline]
    pub(crate) fn word(&mut self, surface: &str, stemmer: &EnglishStemmer) -> (u32, bool) {
        if let Some(known) = self.spellings.get(surface) {
            return known;
        }
        self.lower.clear();
        if surface.is_ascii() {
            // Same result as the char-wise mapping below, much cheaper.
            self.lower.push_str(surface);
            self.lower.make_ascii_lowercase();
        } else {
            self.lower
                .extend(surface.chars().flat_map(char::to_lowercase));
        }
        let stop = self.language.is_stop_word(&self.lower);
        let Lexicon {
            stem_ids,
            text,
            ends,
            lower,
            ..
        } = self;
        let id = stemmer.with_stem(lower, |stem| {
            if let Some(&id) = stem_ids.get(stem) {
                return id;
            }
            let id = u32::try_from(ends.len()).expect("fewer than 4 billion stems per thread");
            stem_ids.insert(stem.into(), id);
            text.push_str(stem);
            ends.push(text.len());
            id
        });
        self.spellings.insert(surface, (id, stop));
        (id, stop)
    }

    /// The term id in `vocab` (the vocabulary of the cluster being prepared) of stem id
    /// `stem`, appending the stem with the stop flag of this first spelling if new.
    #[inline]
    pub(crate) fn term_id(&mut self, stem: u32, stop: bool, vocab: &mut Vocabulary) -> u32 {
        let g = stem as usize;
        if g >= self.local.len() {
            self.local.resize(self.ends.len(), NONE);
        }
        if self.local[g] == NONE {
            self.local[g] = vocab.push_new(self.stem(stem), stop);
            self.touched.push(stem);
        }
        self.local[g]
    }

    /// The stem of an id.
    pub(crate) fn stem(&self, id: u32) -> &str {
        let i = id as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_share_stems_and_keep_their_own_stop_flag() {
        let stemmer = EnglishStemmer::default();
        Lexicon::with(Language::English, |lex| {
            let (will, will_stop) = lex.word("will", &stemmer);
            let (willing, willing_stop) = lex.word("Willing", &stemmer);
            assert_eq!(will, willing, "{} / {}", lex.stem(will), lex.stem(willing));
            assert!(will_stop && !willing_stop);
            assert_eq!(lex.word("will", &stemmer), (will, true), "remembered");
            let (boats, _) = lex.word("Boats", &stemmer);
            assert_eq!(lex.stem(boats), "boat");
            assert!(lex.ends.len() >= 2);
        });
    }

    #[test]
    fn short_and_long_spellings_are_told_apart() {
        let stemmer = EnglishStemmer::default();
        Lexicon::with(Language::English, |lex| {
            // Keys differ only in length ("a" and "a\0") or in the byte past the inline limit.
            let long = "internationalisations-xyz"; // 25 bytes: boxed
            let (a, _) = lex.word("harbor", &stemmer);
            let (b, _) = lex.word("harbor\0", &stemmer);
            let (c, _) = lex.word(long, &stemmer);
            let (d, _) = lex.word(&long[..23], &stemmer);
            assert_ne!(lex.stem(a), lex.stem(b));
            assert_ne!(lex.stem(c), lex.stem(d));
            assert_eq!(lex.word(long, &stemmer).0, c, "remembered when boxed");
            assert_eq!(lex.word(&long[..23], &stemmer).0, d, "remembered inline");
            assert_eq!(
                (lex.spellings.short.len(), lex.spellings.long.len()),
                (3, 1)
            );
        });
    }

    #[test]
    fn each_cluster_numbers_its_terms_from_zero() {
        let stemmer = EnglishStemmer::default();
        for _ in 0..2 {
            Lexicon::with(Language::English, |lex| {
                let mut vocab = Vocabulary::default();
                let (boats, stop) = lex.word("boats", &stemmer);
                assert_eq!(lex.term_id(boats, stop, &mut vocab), 0);
                let (fire, stop) = lex.word("fire", &stemmer);
                assert_eq!(lex.term_id(fire, stop, &mut vocab), 1);
                assert_eq!(
                    lex.term_id(boats, true, &mut vocab),
                    0,
                    "first spelling's flag"
                );
                assert_eq!((vocab.term(0), vocab.is_stop(0)), ("boat", false));
                assert_eq!(vocab.get("fire"), Some(1));
            });
        }
    }
}
