//! English stemming: our Porter 2 port for ASCII words, the Snowball stemmer of
//! `rust-stemmers` for the rest, memoized per thread.

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::cell::RefCell;

/// Distinct words remembered per thread before the memo is cleared (bounded memory).
const MEMO_CAPACITY: usize = 1 << 17;

/// Distinct words the memo has room for from the start: a hundred news clusters bring
/// ~16,000, and growing one doubling at a time rehashed every word each time.
const MEMO_INITIAL: usize = 1 << 15;

thread_local! {
    // Snowball stemming was a third of clean + segment time; news vocabularies repeat heavily
    // across articles and clusters, so each thread remembers the words it has stemmed.
    static MEMO: RefCell<FxHashMap<Box<str>, Box<str>>> = RefCell::new(
        FxHashMap::with_capacity_and_hasher(MEMO_INITIAL, Default::default()),
    );
}

/// English (Porter 2 / Snowball) stemmer.
pub struct EnglishStemmer {
    inner: rust_stemmers::Stemmer,
}

impl Default for EnglishStemmer {
    fn default() -> Self {
        EnglishStemmer {
            inner: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
        }
    }
}

impl Clone for EnglishStemmer {
    fn clone(&self) -> Self {
        EnglishStemmer::default()
    }
}

impl std::fmt::Debug for EnglishStemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EnglishStemmer")
    }
}

impl EnglishStemmer {
    /// The stem of a word not in the memo.
    fn fresh<'a>(&self, lower: &'a str) -> Cow<'a, str> {
        if !lower.is_ascii() {
            return self.inner.stem(lower);
        }
        let mut stem = Vec::with_capacity(lower.len() + 1);
        super::porter2::stem_ascii(lower.as_bytes(), &mut stem);
        if stem == lower.as_bytes() {
            Cow::Borrowed(lower)
        } else {
            Cow::Owned(String::from_utf8(stem).expect("an ASCII word has an ASCII stem"))
        }
    }

    /// Calls `f` with the stem of a lowercased word, without copying a remembered stem.
    pub(crate) fn with_stem<R>(&self, lower: &str, f: impl FnOnce(&str) -> R) -> R {
        MEMO.with(|memo| {
            let mut memo = memo.borrow_mut();
            if let Some(stem) = memo.get(lower) {
                return f(stem);
            }
            let stem = self.fresh(lower);
            if memo.len() >= MEMO_CAPACITY {
                memo.clear();
            }
            memo.insert(lower.into(), stem.as_ref().into());
            f(&stem)
        })
    }

    /// Stem of a lowercased word.
    pub fn stem<'a>(&self, lower: &'a str) -> Cow<'a, str> {
        MEMO.with(|memo| {
            let mut memo = memo.borrow_mut();
            if let Some(stem) = memo.get(lower) {
                return if **stem == *lower {
                    Cow::Borrowed(lower)
                } else {
                    Cow::Owned(stem.to_string())
                };
            }
            let stem = self.fresh(lower);
            if memo.len() >= MEMO_CAPACITY {
                memo.clear();
            }
            memo.insert(lower.into(), stem.as_ref().into());
            stem
        })
    }
}

#[cfg(test)]
mod tests {
    use super::EnglishStemmer;

    #[test]
    fn memoized_stems_equal_fresh_ones() {
        let stemmer = EnglishStemmer::default();
        for word in ["running", "runs", "generously", "caliphate", "running", "a"] {
            let fresh = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English)
                .stem(word)
                .into_owned();
            assert_eq!(stemmer.stem(word), fresh, "{word}");
            assert_eq!(stemmer.stem(word), fresh, "{word} (memoized)");
            assert_eq!(
                stemmer.with_stem(word, str::to_string),
                fresh,
                "{word} (with_stem)"
            );
        }
    }
}
