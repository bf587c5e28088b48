//! Segment: sentences, words, lowercase forms, stems and stop words, all as byte spans.
//!
//! Sentences come from a rule-based splitter ([`SentenceSplitter`]) built from components:
//! final punctuation and ellipses (`terminal`), quotes and brackets (`quote`), abbreviations
//! and initials (`abbreviation`, reading the lists of [`crate::lang`]), and lists (`list`).

mod abbreviation;
mod lexicon;
mod list;
mod porter2;
mod quote;
mod sentence;
mod stemmer;
mod terminal;
mod vocabulary;
mod word;

pub(crate) use lexicon::Lexicon;
#[cfg(feature = "stories")]
pub(crate) use lexicon::SpellingMap;
pub use sentence::split_sentences;
internal_use!(sentence::SentenceSplitter);
pub use stemmer::EnglishStemmer;
pub use vocabulary::Vocabulary;
pub use word::sentence_words;
pub use word::word_spans;
internal_use!(word::WordSpans);
