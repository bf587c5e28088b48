//! Segment: sentences, words, lowercase forms, stems and stop words, all as byte spans.

mod sentence;
mod stemmer;
mod word;

pub use sentence::split_sentences;
pub use stemmer::EnglishStemmer;
pub use word::{word_spans, WordSpans};
