//! The paraphrase-aware reading of a claim: its terms with news paraphrases merged
//! ([`super::paraphrase`]: "killed" and "dead", "blaze" and "fire") and wire datelines
//! ("PLACE, Country (AP) _") left out, weighted by inverse sentence frequency in the cluster
//! (names half, reporting words a tenth). It picks the best sentence of each other document
//! for a claim and gives the learned support decision ([`super::learned`]) what it knows
//! about the pair: shared weight, the margin over the document's second best sentence,
//! whether the two are each other's best match (*mutual best*), the named entities of the
//! claim the candidate names (aliases merged by the entity analyzer) and its *core* (first
//! entity, every person, every entity the candidate's document names at all), and how much
//! of the claim the candidate and its neighbours carry together.

use crate::analyze::entities::EntityMention;
use crate::analyze::{Entity, EntityKind};
use crate::prepared::PreparedCluster;

/// What the restatement test knows about one sentence.
#[derive(Debug, Clone, Default)]
struct Terms {
    /// Unique term ids (paraphrase groups merged), sorted.
    ids: Vec<u32>,
    /// Sum of weights.
    weight: f64,
    /// Sum of squared weights.
    norm2: f64,
}

/// Per-cluster index of the restatement test.
#[derive(Debug, Clone, Default)]
pub(super) struct Restatements {
    weight: Vec<f64>,
    terms: Vec<Terms>,
    /// For each term id, the running-text sentences that hold it, ascending.
    postings: Vec<Vec<u32>>,
    /// Entities mentioned in each sentence, sorted, unique.
    entities: Vec<Vec<usize>>,
    /// The first entity each sentence mentions after its wire dateline: its subject, most
    /// often.
    first_entity: Vec<Option<usize>>,
    /// Entities mentioned in each document, sorted, unique.
    doc_entities: Vec<Vec<usize>>,
    /// Whether each entity is a person.
    person: Vec<bool>,
}

/// The best restating sentence of one document: (sentence, weighted containment, shared
/// terms, match score, match score of the document's second best sentence).
pub(super) type Best = (usize, f64, usize, f64, f64);

impl Restatements {
    /// Build from each sentence's term ids (paraphrases merged, datelines left out) and the
    /// weight of each term before inverse sentence frequency (1, or less for names and
    /// reporting words); `n_terms` bounds the ids. `entities` and `mentions` are the
    /// cluster's entities and their mentions.
    pub(super) fn new(
        cluster: &PreparedCluster,
        ids: Vec<Vec<u32>>,
        factor: impl Fn(u32) -> f64,
        n_terms: usize,
        entities_found: &[Entity],
        mentions: &[EntityMention],
    ) -> Self {
        let (uniq, df, n) = super::sentence_frequencies(cluster, ids, n_terms);
        let weight: Vec<f64> = df
            .iter()
            .enumerate()
            .map(|(t, &d)| super::inverse_frequency(n, d) * factor(t as u32))
            .collect();
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); n_terms];
        let terms: Vec<Terms> = uniq
            .into_iter()
            .enumerate()
            .map(|(i, ids)| {
                if !cluster.sentences[i].heading {
                    let i = u32::try_from(i).expect("sentence count fits u32");
                    for &t in &ids {
                        if let Some(p) = postings.get_mut(t as usize) {
                            p.push(i);
                        }
                    }
                }
                let w = |t: &u32| weight.get(*t as usize).copied().unwrap_or(0.0);
                Terms {
                    weight: ids.iter().map(w).sum(),
                    norm2: ids.iter().map(|t| w(t).powi(2)).sum(),
                    ids,
                }
            })
            .collect();
        let mut entities: Vec<Vec<usize>> = vec![Vec::new(); cluster.sentences.len()];
        let mut first_entity: Vec<Option<usize>> = vec![None; cluster.sentences.len()];
        let mut doc_entities: Vec<Vec<usize>> = vec![Vec::new(); cluster.docs.len()];
        for m in mentions {
            if let Some(d) = doc_entities.get_mut(m.mention.doc) {
                d.push(m.entity);
            }
            let Some(range) = cluster.doc_sentences.get(m.mention.doc) else {
                continue;
            };
            // Sentences of a document are in text order: the last one starting at or before
            // the mention holds it.
            let sentences = &cluster.sentences[range.clone()];
            let k = sentences.partition_point(|s| s.span.start <= m.mention.span.start);
            if let Some(k) = k.checked_sub(1) {
                if sentences[k].span.end >= m.mention.span.end {
                    let i = range.start + k;
                    entities[i].push(m.entity);
                    // Mentions come in text order: the first after the dateline is kept.
                    let skip = sentences[k].span.start + super::dateline_end(cluster.text(i));
                    if first_entity[i].is_none() && m.mention.span.start >= skip {
                        first_entity[i] = Some(m.entity);
                    }
                }
            }
        }
        for e in entities.iter_mut().chain(doc_entities.iter_mut()) {
            e.sort_unstable();
            e.dedup();
        }
        Restatements {
            weight,
            terms,
            postings,
            entities,
            first_entity,
            doc_entities,
            person: entities_found
                .iter()
                .map(|e| e.kind == EntityKind::Person)
                .collect(),
        }
    }

    /// Match score of `b` against claim `a`: 0.6 containment + 0.4 cosine, with containment
    /// and the shared term count.
    fn pair(&self, a: usize, b: usize) -> (f64, f64, usize) {
        let (ta, tb) = (&self.terms[a], &self.terms[b]);
        let (mut w, mut w2, mut n) = (0.0, 0.0, 0usize);
        for t in super::intersect(&ta.ids, &tb.ids) {
            let x = self.weight[t as usize];
            w += x;
            w2 += x * x;
            n += 1;
        }
        self.combine(a, b, w, w2, n)
    }

    fn combine(&self, a: usize, b: usize, w: f64, w2: f64, n: usize) -> (f64, f64, usize) {
        let (ta, tb) = (&self.terms[a], &self.terms[b]);
        let containment = if ta.weight > 0.0 { w / ta.weight } else { 0.0 };
        let cosine = if ta.norm2 > 0.0 && tb.norm2 > 0.0 {
            w2 / (ta.norm2 * tb.norm2).sqrt()
        } else {
            0.0
        };
        (0.6 * containment + 0.4 * cosine, containment, n)
    }

    /// The best sentence of each document other than the claim's for `claim`, by match
    /// score, indexed by document: walks only the postings of the claim's terms.
    pub(super) fn best_by_doc(&self, cluster: &PreparedCluster, claim: usize) -> Vec<Option<Best>> {
        let own = cluster.sentences[claim].doc;
        let mut acc: Vec<(f64, f64, usize)> = vec![(0.0, 0.0, 0); self.terms.len()];
        let mut touched: Vec<u32> = Vec::new();
        for &t in &self.terms[claim].ids {
            let x = self.weight[t as usize];
            for &j in self.postings.get(t as usize).map_or(&[][..], Vec::as_slice) {
                let slot = &mut acc[j as usize];
                if slot.2 == 0 {
                    touched.push(j);
                }
                slot.0 += x;
                slot.1 += x * x;
                slot.2 += 1;
            }
        }
        touched.sort_unstable();
        let mut best: Vec<Option<Best>> = vec![None; cluster.docs.len()];
        for j in touched {
            let j = j as usize;
            let doc = cluster.sentences[j].doc;
            if doc == own {
                continue;
            }
            let (w, w2, n) = acc[j];
            let (score, containment, shared) = self.combine(claim, j, w, w2, n);
            if let Some(slot) = best.get_mut(doc) {
                match slot {
                    Some(b) if score.total_cmp(&b.3).is_gt() => {
                        *slot = Some((j, containment, shared, score, b.3));
                    }
                    Some(b) => b.4 = b.4.max(score),
                    None => *slot = Some((j, containment, shared, score, 0.0)),
                }
            }
        }
        best
    }

    /// The weighted share of the claim's terms found in `cand` or in the running-text
    /// sentences next to it in its document (a claim told over two sentences).
    pub(super) fn window_containment(
        &self,
        cluster: &PreparedCluster,
        claim: usize,
        cand: usize,
    ) -> f64 {
        let ta = &self.terms[claim];
        if ta.weight <= 0.0 {
            return 0.0;
        }
        let doc = cluster.sentences[cand].doc;
        let near = |j: usize| {
            j != claim
                && cluster
                    .sentences
                    .get(j)
                    .is_some_and(|s| s.doc == doc && !s.heading)
        };
        let window: Vec<&[u32]> = [cand.checked_sub(1), Some(cand), Some(cand + 1)]
            .into_iter()
            .flatten()
            .filter(|&j| j == cand || near(j))
            .map(|j| self.terms[j].ids.as_slice())
            .collect();
        let shared: f64 = ta
            .ids
            .iter()
            .filter(|t| window.iter().any(|w| w.binary_search(t).is_ok()))
            .map(|&t| self.weight[t as usize])
            .sum();
        shared / ta.weight
    }

    /// How many of the claim's named entities `cand` names, and how many the claim names.
    pub(super) fn entities_shared(&self, claim: usize, cand: usize) -> (usize, usize) {
        let (ea, eb) = (&self.entities[claim], &self.entities[cand]);
        (super::intersect_usize(ea, eb), ea.len())
    }

    /// Whether `cand` names the claim's core: its first named entity (after any wire
    /// dateline), every person it names, and every entity it names that the candidate's
    /// document names anywhere (an entity that document names elsewhere but not here means
    /// the candidate speaks of something else).
    pub(super) fn core_present(
        &self,
        cluster: &PreparedCluster,
        claim: usize,
        cand: usize,
    ) -> bool {
        let (ea, eb) = (&self.entities[claim], &self.entities[cand]);
        let named_there = &self.doc_entities[cluster.sentences[cand].doc];
        let has = |e: &usize| eb.binary_search(e).is_ok();
        let core = self.first_entity[claim].is_none_or(|e| has(&e));
        let people = ea
            .iter()
            .filter(|&&e| self.person.get(e).copied().unwrap_or(false))
            .all(has);
        let elsewhere = ea
            .iter()
            .all(|e| has(e) || named_there.binary_search(e).is_err());
        core && people && elsewhere
    }

    /// Whether no sentence of the claim's document matches `cand` better than the claim.
    pub(super) fn mutual_best(&self, cluster: &PreparedCluster, claim: usize, cand: usize) -> bool {
        let own = cluster.sentences[claim].doc;
        let back = self.pair(cand, claim).0;
        cluster.doc_sentences[own]
            .clone()
            .filter(|&m| m != claim && !cluster.sentences[m].heading)
            .all(|m| self.pair(cand, m).0 <= back)
    }
}
