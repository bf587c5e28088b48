//! Contradictions: a sentence of another source that gives a different value for what a
//! claim counts, about the same thing.

use super::SupportIndex;
use crate::prepared::PreparedCluster;
use crate::segment::word_spans;

/// Smallest topic score ([`super::MatchScore::topic`]) of two sentences that count one thing
/// differently for them to contradict each other.
pub const CONTRADICTION_TOPIC: f64 = 0.45;

impl SupportIndex {
    /// The sentence of document `doc` that gives a different value for a quantity that
    /// sentence `claim` counts ("12 people" against "14 people"), about the same thing (topic
    /// score at least [`CONTRADICTION_TOPIC`]), with what differs ("people: 14 / 12").
    pub fn contradiction(
        &self,
        cluster: &PreparedCluster,
        claim: usize,
        doc: usize,
    ) -> Option<(usize, String)> {
        self.contradictions(cluster, claim)
            .into_iter()
            .find(|(d, _, _)| *d == doc)
            .map(|(_, j, what)| (j, what))
    }

    /// [`SupportIndex::contradiction`] for every other document at once: (document,
    /// sentence, what differs), by document.
    pub fn contradictions(
        &self,
        cluster: &PreparedCluster,
        claim: usize,
    ) -> Vec<(usize, usize, String)> {
        let a = &self.features[claim];
        if a.counted.is_empty() {
            return Vec::new();
        }
        let own = cluster.sentences[claim].doc;
        // Per document: (sentence, topic score, (unit, claim's value, other value)).
        let mut best: Vec<Option<(usize, f64, CountConflict)>> = vec![None; cluster.docs.len()];
        for j in self.candidates(claim, CONTRADICTION_TOPIC) {
            let doc = cluster.sentences[j].doc;
            if doc == own {
                continue;
            }
            let b = &self.features[j];
            let Some(conflict) = count_conflict(&a.counted, &b.counted) else {
                continue;
            };
            let m = self.score(claim, j);
            let Some(slot) = best.get_mut(doc) else {
                continue;
            };
            if m.topic >= CONTRADICTION_TOPIC
                && slot
                    .as_ref()
                    .is_none_or(|x| m.topic.total_cmp(&x.1).is_gt())
            {
                *slot = Some((j, m.topic, conflict));
            }
        }
        best.into_iter()
            .enumerate()
            .filter_map(|(doc, b)| {
                let (j, _, (unit, va, vb)) = b?;
                let word = surface_of(cluster, claim, unit)
                    .unwrap_or_else(|| cluster.vocab.term(unit).to_string());
                Some((doc, j, format!("{word}: {va} / {vb}")))
            })
            .collect()
    }
}

/// A thing counted differently: (unit term, one value, the other value).
type CountConflict = (u32, String, String);

/// The first thing both sentences count, with different numbers and never the same one:
/// (unit term, value in `a`, value in `b`).
fn count_conflict(a: &[(u32, String)], b: &[(u32, String)]) -> Option<CountConflict> {
    a.iter().find_map(|(unit, va)| {
        let vb: Vec<&String> = b
            .iter()
            .filter(|(u, _)| u == unit)
            .map(|(_, v)| v)
            .collect();
        let same = a.iter().any(|(u, v)| u == unit && vb.contains(&v));
        (!vb.is_empty() && !same).then(|| (*unit, va.clone(), vb[0].clone()))
    })
}

/// The word of sentence `i` written for term `id`, as in the text.
fn surface_of(cluster: &PreparedCluster, i: usize, id: u32) -> Option<String> {
    let text = cluster.text(i);
    word_spans(text)
        .zip(cluster.sentences[i].tokens.iter())
        .find(|(_, &t)| t == id)
        .map(|(w, _)| text[w].to_string())
}
