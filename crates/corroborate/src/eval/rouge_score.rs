//! ROUGE as Google's `rouge-score` 0.1.2 computes it: ROUGE-1, ROUGE-2, ROUGE-L over the
//! whole text and ROUGE-Lsum over its newline-separated lines, with rouge-score's tokenizer
//! (lowercase, `[a-z0-9]` runs) and, optionally, NLTK's Porter stemmer on tokens longer
//! than three characters.
//!
//! The arithmetic comes from the `rougers` crate, which reproduces rouge-score bit for bit;
//! it matches all 414 cases of the shared rouge-score fixtures (tests/rouge_score_fixtures.rs).

use super::scores::{Prf, RougeScores, Variant};
use rougers::{RougeScorer, Score, Scores};

/// A rouge-score compatible scorer.
#[derive(Debug, Clone)]
pub struct RougeScoreScorer {
    scorer: RougeScorer,
}

impl RougeScoreScorer {
    /// A scorer for the four variants, with or without Porter stemming.
    pub fn new(use_stemmer: bool) -> Self {
        let variants = [
            Variant::Rouge1,
            Variant::Rouge2,
            Variant::RougeL,
            Variant::RougeLsum,
        ]
        .map(Variant::name);
        let scorer =
            RougeScorer::new(variants, use_stemmer).expect("the four variant names are valid");
        RougeScoreScorer { scorer }
    }

    /// Whether tokens are stemmed.
    pub fn use_stemmer(&self) -> bool {
        self.scorer.tokenizer().use_stemmer()
    }

    /// Score `candidate` against one `reference`. ROUGE-Lsum reads both texts as one sentence
    /// per line.
    pub fn score(&self, candidate: &str, reference: &str) -> RougeScores {
        convert(&self.scorer.score(reference, candidate))
    }

    /// Score `candidate` against several references as rouge-score's `score_multi` does: for
    /// each variant separately, the reference giving the highest F-measure (the first on
    /// ties). With no reference every score is zero.
    pub fn score_multi(&self, candidate: &str, references: &[&str]) -> RougeScores {
        match self.scorer.score_multi(references, candidate) {
            Some(scores) => convert(&scores),
            None => RougeScores {
                rouge_l: Some(Prf::default()),
                rouge_lsum: Some(Prf::default()),
                ..RougeScores::default()
            },
        }
    }

    /// The tokens rouge-score compares (stemmed when the scorer stems).
    pub fn tokenize(&self, text: &str) -> Vec<String> {
        self.scorer.tokenizer().tokenize(text)
    }
}

pub use crate::rouge_tokens::rouge_score_tokens;

fn prf(s: Score) -> Prf {
    Prf {
        p: s.precision,
        r: s.recall,
        f: s.fmeasure,
    }
}

fn convert(scores: &Scores) -> RougeScores {
    let get = |v: Variant| {
        let ty = v
            .name()
            .parse()
            .expect("variant names parse as rouge types");
        scores.get(ty).map(prf).unwrap_or_default()
    };
    RougeScores {
        rouge1: get(Variant::Rouge1),
        rouge2: get(Variant::Rouge2),
        rouge_l: Some(get(Variant::RougeL)),
        rouge_lsum: Some(get(Variant::RougeLsum)),
        rouge_su4: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_rouge_score_example() {
        // The example of rouge-score's README: rouge1 P 0.75, R 0.6667, F 0.7059.
        let s = RougeScoreScorer::new(true).score(
            "The quick brown dog jumps on the log.",
            "The quick brown fox jumps over the lazy dog",
        );
        assert!((s.rouge1.p - 0.75).abs() < 1e-12);
        assert!((s.rouge1.r - 2.0 / 3.0).abs() < 1e-12);
        assert!((s.rouge1.f - 0.7058823529411765).abs() < 1e-12);
    }

    #[test]
    fn tokenizer_keeps_ascii_alphanumeric_runs() {
        assert_eq!(
            rouge_score_tokens("Caf\u{e9} au-lait 42!", false),
            ["caf", "au", "lait", "42"]
        );
        assert_eq!(rouge_score_tokens("running dogs", true), ["run", "dog"]);
    }

    #[test]
    fn multi_reference_takes_the_best_reference_per_variant() {
        let scorer = RougeScoreScorer::new(false);
        let s = scorer.score_multi("a b c", &["x y z", "a b c"]);
        assert_eq!(s.rouge1.f, 1.0);
        assert_eq!(scorer.score_multi("a b c", &[]).rouge1.f, 0.0);
    }
}
