//! rouge-score's tokenizer on its own, shared by the evaluation and the oracle summarizer
//! (which counts n-grams against the references itself).

use rougers::Tokenizer;

/// rouge-score's tokenizer on its own, for callers that count n-grams themselves.
pub fn rouge_score_tokens(text: &str, use_stemmer: bool) -> Vec<String> {
    Tokenizer::new(use_stemmer).tokenize(text)
}
