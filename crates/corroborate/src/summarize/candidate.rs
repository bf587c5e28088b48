//! Candidate sentences: the sentences a summary may contain, for the selection and for the
//! context rule (a sentence leaning on a non-candidate cannot be taken with it).

use crate::prepared::PreparedCluster;

/// Sentences shorter than this many words are fragments ("Read more.", "He added.", bylines),
/// never summary material.
pub const MIN_WORDS: usize = 6;
/// A sentence needs at least this many content terms to say something.
pub const MIN_TERMS: usize = 3;

/// Sentences a summary may contain: running text (not headings), not short fragments, with
/// enough content terms. Indices into [`PreparedCluster::sentences`], in text order.
pub fn candidates(cluster: &PreparedCluster) -> Vec<usize> {
    cluster
        .body_sentences()
        .filter(|&i| is_candidate(cluster, i))
        .collect()
}

/// Whether sentence `i` is one of the [`candidates`].
pub(crate) fn is_candidate(cluster: &PreparedCluster, i: usize) -> bool {
    let s = &cluster.sentences[i];
    !s.heading
        && s.words >= MIN_WORDS
        && s.terms.len() >= MIN_TERMS
        && stands_alone(cluster.text(i))
}

/// Whether a sentence reads on its own: not the lead-in to a list ("Other children have died
/// this year in:"), not an editor's bracketed aside or link ("[Photos of ...]"), not the
/// continuation of a cut quotation ("... He was convinced").
fn stands_alone(text: &str) -> bool {
    let t = text.trim();
    let bracketed = t.starts_with('[') || (t.starts_with('(') && t.ends_with(')'));
    !(t.ends_with(':') || bracketed || t.starts_with("...") || t.starts_with('…'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_that_lean_on_other_text_are_not_candidates() {
        for fragment in [
            "Other children have died in hot cars this year in:",
            "[Photos of the ten worst harbor fires of the decade]",
            "(Reporting from the harbor by the night desk staff.)",
            "... He was sure the boats would burn before dawn.",
            "… He was sure the boats would burn before dawn.",
        ] {
            assert!(!stands_alone(fragment), "{fragment}");
        }
        for sentence in [
            "The fire (the third this year) destroyed three boats.",
            "Crews said: the fire is out.",
            "\"We lost everything,\" said the owner of one boat.",
        ] {
            assert!(stands_alone(sentence), "{sentence}");
        }
    }
}
