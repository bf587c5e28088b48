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

/// Margin of the bounds of [`Restatements::best_by_doc`] over rounding: a sum added in
/// another order never drops a sentence the exact score keeps.
const BOUND_MARGIN: f64 = 1e-6;

/// Scratch of [`Restatements::best_by_doc`], reused from claim to claim.
#[derive(Debug, Default)]
struct Scratch {
    /// Per sentence: shared weight, shared squared weight, touched; zero between claims.
    sums: Vec<(f64, f64, bool)>,
    /// Per document: the largest lower bound of a sentence's score; `-inf` between claims.
    low: Vec<f64>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
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

    /// The smallest match score a document's best sentence needs for either test to take
    /// it: the score is at least 0.6 times the containment, and [`Self::restates`] needs
    /// [`MIN_CONTAINMENT`], [`Self::leads`] (openings only) [`LEAD_MIN_CONTAINMENT`].
    fn floor(&self, claim: usize) -> f64 {
        let containment = if self.lead[claim] {
            LEAD_MIN_CONTAINMENT.min(MIN_CONTAINMENT)
        } else {
            MIN_CONTAINMENT
        };
        0.6 * containment
    }

    /// The fewest shared terms with which either test may take a sentence for `claim`.
    fn min_shared(&self, claim: usize) -> usize {
        if self.lead[claim] {
            LEAD_MIN_SHARED.min(MIN_SHARED)
        } else {
            MIN_SHARED
        }
    }

    /// Whether [`Self::restates`] or [`Self::leads`] may take `best` (the checks of shares
    /// both start with; the rest is theirs).
    fn may_take(&self, claim: usize, best: &Best) -> bool {
        let &(cand, containment, shared, _, _) = best;
        (containment >= MIN_CONTAINMENT && shared >= MIN_SHARED)
            || (self.lead[claim]
                && self.lead[cand]
                && containment >= LEAD_MIN_CONTAINMENT
                && shared >= LEAD_MIN_SHARED)
    }

    /// The best sentence of document `doc` for `claim` and the score of its second best,
    /// every sentence scored (the first of equal scores).
    fn doc_best(&self, cluster: &PreparedCluster, claim: usize, doc: usize) -> Option<Best> {
        let mut best: Option<Best> = None;
        for j in cluster.doc_sentences[doc].clone() {
            if cluster.sentences[j].heading {
                continue;
            }
            let (score, containment, shared) = self.pair(claim, j);
            match &mut best {
                Some(b) if score.total_cmp(&b.3).is_gt() => {
                    *b = (j, containment, shared, score, b.3);
                }
                Some(b) => b.4 = b.4.max(score),
                None => best = Some((j, containment, shared, score, 0.0)),
            }
        }
        best
    }

    /// The best sentence of each document other than the claim's for `claim`, by match
    /// score (the first of equal scores), with the document, by document: only the
    /// documents whose best sentence [`Self::restates`] or [`Self::leads`] may take (enough
    /// shared weight and terms); the others cannot restate the claim. The score of the
    /// second best ([`Best`]'s last field) is exact when the claim and the best sentence are
    /// both openings, the only case [`Self::leads`] reads it.
    ///
    /// Cost: as in [`super::SupportIndex::candidates`], only the postings of the claim's
    /// heaviest terms are walked (prefix filtering: a sentence sharing only the light tail
    /// has too few shared terms or too low a score to be taken); a touched sentence is scored
    /// exactly only when its score, summed in another order, reaches both the floor and the
    /// best of its document, and a document is read in full only when a sentence the walk
    /// did not touch might beat its best, or for the second best of an opening.
    pub(super) fn best_by_doc(
        &self,
        cluster: &PreparedCluster,
        claim: usize,
    ) -> Vec<(usize, Best)> {
        SCRATCH.with_borrow_mut(|scratch| self.best_by_doc_in(cluster, claim, scratch))
    }

    /// [`Self::best_by_doc`] with its sums in `scratch`, reset on return: a fresh array a
    /// claim would cost the whole cluster for each claim.
    fn best_by_doc_in(
        &self,
        cluster: &PreparedCluster,
        claim: usize,
        scratch: &mut Scratch,
    ) -> Vec<(usize, Best)> {
        let own = cluster.sentences[claim].doc;
        let a = &self.terms[claim];
        let floor = self.floor(claim);
        let min_shared = self.min_shared(claim);
        let weight = |t: u32| self.weight.get(t as usize).copied().unwrap_or(0.0);
        // The score of a sentence whose norm is `norm2` sharing weight `w` (squared `w2`)
        // with the claim.
        let score = |w: f64, w2: f64, norm2: f64| {
            let containment = if a.weight > 0.0 { w / a.weight } else { 0.0 };
            let cosine = if a.norm2 > 0.0 && norm2 > 0.0 {
                w2 / (a.norm2 * norm2).sqrt()
            } else {
                0.0
            };
            0.6 * containment + 0.4 * cosine
        };
        // At most the score of any sentence sharing `w`, `w2` and nothing else: its own norm
        // holds the shared terms.
        let bound = |w: f64, w2: f64| score(w, w2, w2);
        // The claim's terms, heaviest first; the light tail is cut while a sentence sharing
        // only tail terms could not be taken (too few terms or too low a score).
        let mut order: Vec<u32> = a.ids.clone();
        let cut = super::LightTail::cut(&mut order, weight, |w, w2, n| {
            n >= min_shared && bound(w, w2) + BOUND_MARGIN >= floor
        });
        let (walked, tail_w, tail_w2) = (cut.walked, cut.w, cut.w2);
        // The score of a sentence the walk does not touch, at most.
        let untouched = bound(tail_w, tail_w2);
        let Scratch { sums, low } = scratch;
        if sums.len() < self.terms.len() {
            sums.resize(self.terms.len(), (0.0, 0.0, false));
        }
        if low.len() < cluster.docs.len() {
            low.resize(cluster.docs.len(), f64::NEG_INFINITY);
        }
        let mut touched: Vec<u32> = Vec::new();
        for &t in &order[..walked] {
            let x = weight(t);
            for &j in self.postings.get(t as usize).map_or(&[][..], Vec::as_slice) {
                let slot = &mut sums[j as usize];
                if !slot.2 {
                    slot.2 = true;
                    touched.push(j);
                }
                slot.0 += x;
                slot.1 += x * x;
            }
        }
        // The score of each touched sentence, summed in another order than the exact one
        // (so equal to it up to rounding): first as if it shared the whole tail (at most),
        // then with the tail terms it holds. A sentence below the floor cannot be taken,
        // nor be the best of a document whose best can.
        let tail = &order[walked..];
        let mut live: Vec<(usize, f64)> = Vec::new();
        let mut docs: Vec<usize> = Vec::new();
        for j in touched {
            // Taken back to zero for the next claim.
            let (mut w, mut w2, _) = std::mem::take(&mut sums[j as usize]);
            let j = j as usize;
            let doc = cluster.sentences[j].doc;
            if doc == own {
                continue;
            }
            let b = &self.terms[j];
            if score(w + tail_w, w2 + tail_w2, b.norm2) + BOUND_MARGIN < floor {
                continue;
            }
            for &t in tail {
                if b.ids.binary_search(&t).is_ok() {
                    let x = weight(t);
                    w += x;
                    w2 += x * x;
                }
            }
            let near = score(w, w2, b.norm2);
            if near + BOUND_MARGIN < floor {
                continue;
            }
            if low[doc] == f64::NEG_INFINITY {
                docs.push(doc);
            }
            low[doc] = low[doc].max(near);
            live.push((j, near));
        }
        // Exact scores of the sentences that may be their document's best (all of equal
        // best score among them).
        let mut scored: Vec<(usize, Best)> = live
            .into_iter()
            .filter_map(|(j, near)| {
                let doc = cluster.sentences[j].doc;
                (near + BOUND_MARGIN >= low[doc]).then(|| {
                    let (score, containment, shared) = self.pair(claim, j);
                    (doc, (j, containment, shared, score, 0.0))
                })
            })
            .collect();
        for d in docs {
            low[d] = f64::NEG_INFINITY;
        }
        scored.sort_unstable_by_key(|&(doc, b)| (doc, b.0));
        let mut best: Vec<(usize, Best)> = Vec::new();
        for (doc, b) in scored {
            match best.last_mut() {
                Some((d, x)) if *d == doc => {
                    if b.3.total_cmp(&x.3).is_gt() {
                        *x = b;
                    }
                }
                _ => best.push((doc, b)),
            }
        }
        let mut out = Vec::new();
        for (doc, mut b) in best {
            // A best sentence no test may take: the document's best is this one, or one the
            // walk left out (too few terms or too low a score to be taken too).
            if !self.may_take(claim, &b) {
                continue;
            }
            let exact = if b.3 <= untouched + BOUND_MARGIN {
                // A sentence sharing only tail terms may score as high: read the document.
                match self.doc_best(cluster, claim, doc) {
                    Some(x) => b = x,
                    None => continue,
                }
                if !self.may_take(claim, &b) {
                    continue;
                }
                true
            } else {
                false
            };
            if !exact && self.lead[claim] && self.lead[b.0] {
                // The second best of an opening, which `leads` reads.
                if let Some(x) = self.doc_best(cluster, claim, doc) {
                    b = x;
                }
            }
            out.push((doc, b));
        }
        out
    }

    /// [`Self::best_by_doc`] by scoring every pair, for the tests: the definition the
    /// indexed version must match.
    #[cfg(test)]
    pub(super) fn best_by_doc_every_pair(
        &self,
        cluster: &PreparedCluster,
        claim: usize,
    ) -> Vec<(usize, Best)> {
        let own = cluster.sentences[claim].doc;
        (0..cluster.docs.len())
            .filter(|&doc| doc != own)
            .filter_map(|doc| {
                let b = self.doc_best(cluster, claim, doc)?;
                self.may_take(claim, &b).then_some((doc, b))
            })
            .collect()
    }

    /// Whether the second best score of `best` is exact (see [`Self::best_by_doc`]).
    #[cfg(test)]
    pub(super) fn second_is_exact(&self, claim: usize, best: &Best) -> bool {
        self.lead[claim] && self.lead[best.0]
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
