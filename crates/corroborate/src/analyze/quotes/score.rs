//! Scoring quote speakers against hand labels: how many labelled quotations were found, and
//! how many of those carry the right speaker.

use crate::analyze::Analysis;
use std::ops::Range;

/// One hand-labelled quotation: where it is and who says it (`None` when the text names
/// nobody).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteLabel {
    /// Index of the document in the cluster.
    pub doc: usize,
    /// Byte range of the quoted words (without the marks) in the document's text.
    pub span: Range<usize>,
    /// The speaker's name as the text writes it, or `None`.
    pub speaker: Option<String>,
}

/// Counts of a quote-speaker evaluation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteScore {
    /// Labelled quotations.
    pub labelled: usize,
    /// Labelled quotations found (a mention overlapping half of the shorter span).
    pub found: usize,
    /// Found quotations whose speaker is right.
    pub right_speaker: usize,
    /// Labels found with a wrong speaker: (label index, the speaker given).
    pub wrong: Vec<(usize, Option<String>)>,
    /// Labels not found (indices).
    pub missed: Vec<usize>,
}

impl QuoteScore {
    /// Share of labelled quotations found.
    pub fn found_rate(&self) -> f64 {
        ratio(self.found, self.labelled)
    }

    /// Share of labelled quotations found with the right speaker.
    pub fn speaker_rate(&self) -> f64 {
        ratio(self.right_speaker, self.labelled)
    }

    /// Add another score's counts (indices of `wrong` and `missed` are kept as they are).
    pub fn add(&mut self, other: &QuoteScore) {
        self.labelled += other.labelled;
        self.found += other.found;
        self.right_speaker += other.right_speaker;
        self.wrong.extend(other.wrong.iter().cloned());
        self.missed.extend(other.missed.iter().copied());
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Lowercase name words without titles and punctuation ("Mrs. Shepard" -> ["shepard"]).
fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| {
            !matches!(
                w.as_str(),
                "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "jr" | "sr"
            )
        })
        .collect()
}

/// Whether a speaker given by the analysis names the labelled speaker: one name's words
/// all appear in the other ("Shepard" for "Judy Shepard", not "Matthew Shepard"). A label
/// without a name is matched by no speaker or by a description ("a sheriff's deputy").
pub fn same_speaker(label: Option<&str>, given: Option<&str>) -> bool {
    match (label, given) {
        (None, None) => true,
        (None, Some(g)) => g.starts_with(|c: char| c.is_lowercase()),
        (Some(_), None) => false,
        (Some(l), Some(g)) => {
            let (l, g) = (name_words(l), name_words(g));
            !l.is_empty()
                && !g.is_empty()
                && (l.iter().all(|w| g.contains(w)) || g.iter().all(|w| l.contains(w)))
        }
    }
}

/// Score the quotes of an analysis against labels of the same cluster.
pub fn score(analysis: &Analysis, labels: &[QuoteLabel]) -> QuoteScore {
    let mut out = QuoteScore {
        labelled: labels.len(),
        ..QuoteScore::default()
    };
    for (i, label) in labels.iter().enumerate() {
        // The mention overlapping the label most.
        let best = analysis
            .quotes
            .iter()
            .flat_map(|q| q.mentions.iter().map(move |m| (q, m)))
            .filter(|(_, m)| m.doc == label.doc)
            .map(|(q, m)| {
                let o = m
                    .span
                    .end
                    .min(label.span.end)
                    .saturating_sub(m.span.start.max(label.span.start));
                (o, q, m)
            })
            .filter(|(o, _, m)| *o > 0 && 2 * o >= m.span.len().min(label.span.len()).max(1))
            .max_by_key(|(o, _, m)| (*o, std::cmp::Reverse(m.span.start)));
        let Some((_, quote, _)) = best else {
            out.missed.push(i);
            continue;
        };
        out.found += 1;
        let given = quote.speaker.as_ref().map(|s| s.name.as_str());
        if same_speaker(label.speaker.as_deref(), given) {
            out.right_speaker += 1;
        } else {
            out.wrong.push((i, given.map(str::to_string)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_by_words() {
        assert!(same_speaker(Some("Mrs. Shepard"), Some("Judy Shepard")));
        assert!(same_speaker(Some("Judy Shepard"), Some("Shepard")));
        assert!(!same_speaker(Some("Judy Shepard"), Some("Matthew Shepard")));
        assert!(!same_speaker(Some("Judy Shepard"), None));
        assert!(same_speaker(None, None));
        assert!(same_speaker(None, Some("a sheriff's deputy")));
        assert!(!same_speaker(None, Some("Cal Rerucha")));
    }
}
