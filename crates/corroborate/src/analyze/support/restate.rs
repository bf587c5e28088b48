//! The second support test: a source that restates the claim in other words.
//!
//! The first test ([`super::SupportIndex::score`]) needs much of the claim's wording. This one
//! reads the claim's terms with news paraphrases merged ([`super::paraphrase`]: "killed" and
//! "dead", "blaze" and "fire") and wire datelines ("PLACE, Country (AP) _") left out, and
//! accepts the other document's best sentence only when it says the same claim rather than the
//! same topic:
//!
//! - it carries at least [`MIN_CONTAINMENT`] of the claim's weight (terms weighted by inverse
//!   sentence frequency in the cluster, names half, reporting words a tenth) and at least
//!   [`MIN_SHARED`] of its terms;
//! - *mutual best*: it is the claim's best sentence in its document, and the claim is its best
//!   sentence in the claim's document, so words the whole cluster uses stop counting;
//! - it mentions every named entity of the claim (aliases merged by the entity analyzer);
//! - it gives no number that conflicts with the claim's, gives every count of the claim
//!   ("14 people"; counts of time and years aside) and carries half of a quotation the claim
//!   reports (checked by the caller).
//!
//! A looser third reading, [`Restatements::leads`], compares the openings of two reports: a
//! report states its main news in its first sentences, so when the claim is one of the first
//! two running-text sentences of its document and the candidate one of the first two of its
//! own, mutual best with a clear margin over the document's other sentences, little shared
//! wording suffices ([`LEAD_MIN_CONTAINMENT`]) provided the claim's *core* is there: its first
//! named entity (after any wire dateline), every person it names, and every entity it names
//! that the candidate's document names at all (an entity that document mentions elsewhere but
//! not here means the candidate speaks of something else).
//!
//! The thresholds were chosen on the development half of the neus-val labels
//! (`data/labels/support-dev.jsonl`, fold `dev`): the highest recall there with precision 1.0
//! among the rules that do not lower precision on the seeds and DUC 2006 sets (which were
//! therefore looked at); the neus-val held-out half was not (see docs/notes/support.md).

use crate::analyze::entities::EntityMention;
use crate::analyze::{Entity, EntityKind};
use crate::prepared::PreparedCluster;

/// Smallest weighted share of the claim's terms the restating sentence must carry.
pub(super) const MIN_CONTAINMENT: f64 = 0.2;

/// Fewest terms (paraphrases merged) the two sentences must share.
pub(super) const MIN_SHARED: usize = 4;

/// Smallest weighted share of the claim's terms an opening sentence must carry to restate
/// an opening claim ([`Restatements::leads`]).
pub(super) const LEAD_MIN_CONTAINMENT: f64 = 0.05;

/// Fewest shared terms for [`Restatements::leads`].
pub(super) const LEAD_MIN_SHARED: usize = 3;

/// Smallest lead of the opening candidate's match score over the second best sentence of
/// its document ([`Restatements::leads`]).
pub(super) const LEAD_MIN_MARGIN: f64 = 0.05;

/// How many running-text sentences open a document ([`Restatements::leads`]).
const LEAD_SENTENCES: usize = 2;

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
    /// Whether each sentence is one of the first running-text sentences of its document.
    lead: Vec<bool>,
}

/// The best restating sentence of one document: (sentence, weighted containment, shared
/// terms, match score, match score of the document's second best sentence).
pub(super) type Best = (usize, f64, usize, f64, f64);

thread_local! {
    /// Per-sentence sums of [`Restatements::best_by_doc`], reused from claim to claim.
    static ACC: std::cell::RefCell<Vec<(f64, f64, usize)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

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
        let mut lead = vec![false; cluster.sentences.len()];
        for range in &cluster.doc_sentences {
            for i in range
                .clone()
                .filter(|&i| !cluster.sentences[i].heading)
                .take(LEAD_SENTENCES)
            {
                lead[i] = true;
            }
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
            lead,
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
        ACC.with_borrow_mut(|acc| self.best_by_doc_in(cluster, claim, acc))
    }

    /// [`Self::best_by_doc`] with the sums kept in `acc`, zero on entry and on return: a fresh
    /// array a claim would cost the whole cluster for each claim.
    fn best_by_doc_in(
        &self,
        cluster: &PreparedCluster,
        claim: usize,
        acc: &mut Vec<(f64, f64, usize)>,
    ) -> Vec<Option<Best>> {
        let own = cluster.sentences[claim].doc;
        if acc.len() < self.terms.len() {
            acc.resize(self.terms.len(), (0.0, 0.0, 0));
        }
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
            let (w, w2, n) = std::mem::take(&mut acc[j]);
            let doc = cluster.sentences[j].doc;
            if doc == own {
                continue;
            }
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

    /// Whether `cand` restates `claim` (the caller checks numbers and quotations): enough of
    /// the claim, mutual best, every entity of the claim.
    pub(super) fn restates(&self, cluster: &PreparedCluster, claim: usize, best: &Best) -> bool {
        let &(cand, containment, shared, _, _) = best;
        if containment < MIN_CONTAINMENT || shared < MIN_SHARED {
            return false;
        }
        let (ea, eb) = (&self.entities[claim], &self.entities[cand]);
        if !ea.iter().all(|e| eb.binary_search(e).is_ok()) {
            return false;
        }
        self.mutual_best(cluster, claim, cand)
    }

    /// Whether `cand`, an opening sentence of its document, restates `claim`, an opening
    /// sentence of its own (the caller checks numbers and quotations): mutual best with a
    /// margin, a little shared wording, and the claim's core entities (see the module
    /// documentation).
    pub(super) fn leads(&self, cluster: &PreparedCluster, claim: usize, best: &Best) -> bool {
        let &(cand, containment, shared, score, second) = best;
        if !self.lead[claim]
            || !self.lead[cand]
            || containment < LEAD_MIN_CONTAINMENT
            || shared < LEAD_MIN_SHARED
            || score - second < LEAD_MIN_MARGIN
        {
            return false;
        }
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
        core && people && elsewhere && self.mutual_best(cluster, claim, cand)
    }

    /// Whether no sentence of the claim's document matches `cand` better than the claim.
    fn mutual_best(&self, cluster: &PreparedCluster, claim: usize, cand: usize) -> bool {
        let own = cluster.sentences[claim].doc;
        let back = self.pair(cand, claim).0;
        cluster.doc_sentences[own]
            .clone()
            .filter(|&m| m != claim && !cluster.sentences[m].heading)
            .all(|m| self.pair(cand, m).0 <= back)
    }
}
