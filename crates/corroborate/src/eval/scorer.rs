//! The scorer an evaluation uses, chosen at run time.

use super::rouge155::Rouge155;
use super::rouge_score::RougeScoreScorer;
use super::scores::RougeScores;
use crate::document::Reference;
use crate::segment::split_sentences;
use serde::{Deserialize, Serialize};

/// Which ROUGE implementation to reproduce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ScorerKind {
    /// Google's rouge-score 0.1.2 with Porter stemming; F1; several references are scored as
    /// its `score_multi` does (best reference per variant).
    #[serde(rename = "rouge-score")]
    RougeScore,
    /// ROUGE-1.5.5 with the DUC flags (ROUGE-1, ROUGE-2 and ROUGE-SU4, `-2 4 -u`); the word
    /// budget is its `-l` limit.
    #[serde(rename = "rouge155")]
    Rouge155,
}

impl ScorerKind {
    /// Every scorer.
    pub const ALL: &'static [ScorerKind] = &[ScorerKind::RougeScore, ScorerKind::Rouge155];

    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            ScorerKind::RougeScore => "rouge-score",
            ScorerKind::Rouge155 => "rouge155",
        }
    }

    /// Look a scorer up by name.
    pub fn from_name(name: &str) -> Option<ScorerKind> {
        ScorerKind::ALL.iter().copied().find(|k| k.name() == name)
    }
}

impl std::fmt::Display for ScorerKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A built scorer.
#[derive(Debug, Clone)]
pub enum Scorer {
    /// rouge-score compatible.
    RougeScore(RougeScoreScorer),
    /// ROUGE-1.5.5 compatible.
    Rouge155(Rouge155),
}

impl Scorer {
    /// Build `kind`. `word_limit` is ROUGE-1.5.5's `-l` (rouge-score scores texts as given).
    pub fn new(kind: ScorerKind, word_limit: Option<usize>) -> Scorer {
        match kind {
            ScorerKind::RougeScore => Scorer::RougeScore(RougeScoreScorer::new(true)),
            ScorerKind::Rouge155 => Scorer::Rouge155(
                Rouge155::duc(250)
                    .with_word_limit(word_limit)
                    .with_skip_bigrams(Some(4)),
            ),
        }
    }

    /// Which scorer this is.
    pub fn kind(&self) -> ScorerKind {
        match self {
            Scorer::RougeScore(_) => ScorerKind::RougeScore,
            Scorer::Rouge155(_) => ScorerKind::Rouge155,
        }
    }

    /// Score a candidate written one sentence per line against `references`, each split into
    /// sentences with `split_sentences` and written one per line.
    pub fn score(&self, candidate: &str, references: &[Reference]) -> RougeScores {
        let refs: Vec<String> = references
            .iter()
            .map(|r| reference_lines(&r.text))
            .collect();
        let refs: Vec<&str> = refs.iter().map(String::as_str).collect();
        self.score_lines(candidate, &refs)
    }

    /// Score a candidate against references already written one sentence per line.
    pub fn score_lines(&self, candidate: &str, refs: &[&str]) -> RougeScores {
        match self {
            Scorer::RougeScore(s) => s.score_multi(candidate, refs),
            Scorer::Rouge155(s) => s.score(candidate, refs),
        }
    }
}

/// A reference text as one sentence per line (our sentence splitter), the form ROUGE-Lsum
/// and ROUGE-1.5.5's sentence-per-line input expect.
pub fn reference_lines(text: &str) -> String {
    split_sentences(text)
        .into_iter()
        .map(|span| one_line(&text[span]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A sentence on one line: inner line breaks become spaces.
pub(crate) fn one_line(sentence: &str) -> String {
    sentence.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for &k in ScorerKind::ALL {
            assert_eq!(ScorerKind::from_name(k.name()), Some(k));
            let json = serde_json::to_string(&k).expect("serializes");
            assert_eq!(json, format!("\"{}\"", k.name()));
        }
    }

    #[test]
    fn references_become_one_sentence_per_line() {
        let text = "The storm hit. Ten homes were damaged.\n\nRepairs begin.";
        let lines = reference_lines(text);
        assert_eq!(lines.lines().next(), Some("The storm hit."));
        assert!(lines.lines().all(|l| !l.trim().is_empty() && l.trim() == l));
        assert_eq!(
            lines.split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
    }
}
