//! English stemming through the Snowball stemmer of `rust-stemmers`.

use std::borrow::Cow;

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

impl std::fmt::Debug for EnglishStemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EnglishStemmer")
    }
}

impl EnglishStemmer {
    /// Stem of a lowercased word.
    pub fn stem<'a>(&self, lower: &'a str) -> Cow<'a, str> {
        self.inner.stem(lower)
    }
}
