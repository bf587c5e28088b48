//! The fourth support reading: symmetry. Experimental knobs (env) while measuring.

use super::restate::Best;
use super::{SupportConfig, SupportIndex};
use crate::prepared::PreparedCluster;

fn knob(name: &str, default: f64) -> f64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

impl SupportIndex {
    /// The sentence of document `doc` that the support decision for `claim` cites, if any:
    /// the same decision as [`SupportIndex::support`] for that one document.
    fn cited_in(
        &self,
        cluster: &PreparedCluster,
        claim: usize,
        doc: usize,
        config: &SupportConfig,
    ) -> Option<usize> {
        if let Some((j, m)) = self.best_in_doc(cluster, claim, doc) {
            if m.score >= config.threshold {
                return Some(j);
            }
        }
        let r = self.restate.best_in(cluster, claim, doc)?;
        self.restated(cluster, claim, &r).then_some(r.0)
    }

    /// Whether the second and third readings accept `r`, the claim's best restating sentence
    /// of one document.
    pub(super) fn restated(&self, cluster: &PreparedCluster, claim: usize, r: &Best) -> bool {
        let j = r.0;
        let restates = self.restate.restates(cluster, claim, r) && !self.quote_missing(claim, j);
        // An opening that quotes a phrase in passing ("fake news") reports the rest.
        let leads = self.restate.leads(cluster, claim, r)
            && (!self.quote_missing(claim, j) || !self.mostly_quoted(claim));
        (restates || leads)
            && !self.score(claim, j).numbers_conflict
            && !self.count_left_out(claim, j)
    }

    /// Whether `r`, the claim's best sentence of another document, is supported by the claim's
    /// document at the claim itself, with the claim's weaker gates passed.
    pub(super) fn symmetric(
        &self,
        cluster: &PreparedCluster,
        claim: usize,
        r: &Best,
        config: &SupportConfig,
    ) -> bool {
        if knob("SYM_ON", 0.0) < 0.5 {
            return false;
        }
        let &(cand, containment, shared, score, second) = r;
        if containment < knob("SYM_C", 0.1)
            || shared < knob("SYM_K", 3.0) as usize
            || score - second < knob("SYM_M", 0.0)
        {
            return false;
        }
        let m = self.score(claim, cand);
        if m.numbers_conflict || self.count_left_out(claim, cand) {
            return false;
        }
        if knob("SYM_Q", 1.0) > 0.5 && self.quote_missing(claim, cand) {
            return false;
        }
        let e = knob("SYM_E", 0.0) as u32;
        if e == 1 && !self.restate.core_named(cluster, claim, cand) {
            return false;
        }
        if e == 2 && !self.restate.all_named(claim, cand) {
            return false;
        }
        let own = cluster.sentences[claim].doc;
        let d = knob("SYM_D", 0.0) as u32;
        let agree = || self.openings_agree(cluster, own, cluster.sentences[cand].doc, config);
        match d {
            0 => self.cited_in(cluster, cand, own, config) == Some(claim),
            1 => self.cited_in(cluster, cand, own, config) == Some(claim) && agree(),
            2 => agree() && self.restate.mutual(cluster, claim, cand),
            _ => {
                agree()
                    && (self.cited_in(cluster, cand, own, config) == Some(claim)
                        || self.restate.mutual(cluster, claim, cand))
            }
        }
    }

    /// Whether two documents open with the same news: an opening sentence of one is
    /// supported by the other at one of its opening sentences, either way.
    fn openings_agree(
        &self,
        cluster: &PreparedCluster,
        a: usize,
        b: usize,
        config: &SupportConfig,
    ) -> bool {
        let leads = |d: usize| -> Vec<usize> {
            cluster
                .doc_sentences
                .get(d)
                .map(|r| r.clone().filter(|&i| self.restate.is_lead(i)).collect())
                .unwrap_or_default()
        };
        let (la, lb) = (leads(a), leads(b));
        la.iter().any(|&i| {
            self.cited_in(cluster, i, b, config)
                .is_some_and(|j| lb.contains(&j))
        }) || lb.iter().any(|&i| {
            self.cited_in(cluster, i, a, config)
                .is_some_and(|j| la.contains(&j))
        })
    }
}
