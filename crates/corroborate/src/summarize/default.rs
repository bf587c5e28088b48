//! The default method: position-weighted support of concepts across sources, covered
//! greedily without repeats. See `docs/default-method.md`.

use super::query::topic_terms;
use super::{candidates, Budget, Selection, Summarizer};
use crate::prepared::PreparedCluster;
use std::collections::HashMap;

fn knob(name: &str, default: f64) -> f64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The default summarizer.
#[derive(Debug, Clone, Copy, Default)]
pub struct DefaultSummarizer;

impl Summarizer for DefaultSummarizer {
    fn select(&self, cluster: &PreparedCluster, budget: Budget) -> Vec<usize> {
        let beta = knob("DEF_BETA", 0.5);
        let r = knob("DEF_R", 1.0);
        let uni = knob("DEF_UNI", 1.0);
        let bi = knob("DEF_BI", 1.0);
        let min_df = knob("DEF_MINDF", 2.0) as usize;
        let qboost = knob("DEF_Q", 1.0);
        let cands = candidates(cluster);
        let vocab = &cluster.vocab;
        // concept -> (doc, earliest position in doc) list
        let mut ids: HashMap<(u32, u32), usize> = HashMap::new();
        let mut first: Vec<Vec<(usize, usize)>> = Vec::new();
        let mut kind: Vec<bool> = Vec::new(); // true = bigram
        let mut of_sentence: Vec<Vec<usize>> = Vec::with_capacity(cands.len());
        let mut doc_rank = vec![0usize; cluster.docs.len()];
        for &i in &cands {
            let s = &cluster.sentences[i];
            let pos = doc_rank[s.doc];
            doc_rank[s.doc] += 1;
            let mut mine = Vec::new();
            let mut add = |key: (u32, u32), is_bi: bool, mine: &mut Vec<usize>| {
                let next = ids.len();
                let id = *ids.entry(key).or_insert(next);
                if id == first.len() {
                    first.push(Vec::new());
                    kind.push(is_bi);
                }
                if !first[id].iter().any(|&(d, _)| d == s.doc) {
                    first[id].push((s.doc, pos));
                }
                mine.push(id);
            };
            if uni > 0.0 {
                for &t in &s.terms {
                    add((t, u32::MAX), false, &mut mine);
                }
            }
            if bi > 0.0 {
                for p in s.tokens.windows(2) {
                    if vocab.is_stop(p[0]) && vocab.is_stop(p[1]) {
                        continue;
                    }
                    add((p[0], p[1]), true, &mut mine);
                }
            }
            mine.sort_unstable();
            mine.dedup();
            of_sentence.push(mine);
        }
        let query: Vec<u32> = topic_terms(cluster);
        let mut key_of = vec![(0u32, 0u32); ids.len()];
        for (&k, &id) in &ids {
            key_of[id] = k;
        }
        let need = if cluster.docs.len() > 1 { min_df } else { 1 };
        let weights: Vec<f64> = (0..first.len())
            .map(|c| {
                if first[c].len() < need {
                    return 0.0;
                }
                let mut w: f64 = first[c]
                    .iter()
                    .map(|&(_, p)| (1.0 + p as f64).powf(-beta))
                    .sum();
                w *= if kind[c] { bi } else { uni };
                let (a, b) = key_of[c];
                if query.contains(&a) || query.contains(&b) {
                    w *= 1.0 + qboost;
                }
                w
            })
            .collect();
        let mut covered = vec![false; weights.len()];
        let gain = |k: usize, covered: &[bool]| -> f64 {
            of_sentence[k]
                .iter()
                .filter(|&&c| !covered[c])
                .map(|&c| weights[c])
                .sum()
        };
        let mut sel = Selection::new(budget);
        let mut open: Vec<usize> = (0..cands.len()).collect();
        loop {
            open.retain(|&k| sel.admits(cluster, cands[k]));
            let words = |k: usize| (cluster.sentences[cands[k]].words as f64).powf(r);
            let Some(best) = open.iter().copied().max_by(|&a, &b| {
                (gain(a, &covered) / words(a))
                    .total_cmp(&(gain(b, &covered) / words(b)))
                    .then(b.cmp(&a))
            }) else {
                break;
            };
            if gain(best, &covered) <= 0.0 {
                let mut rest: Vec<usize> = open.clone();
                rest.sort_by_key(|&k| (cluster.sentences[cands[k]].position, k));
                sel.fill(cluster, rest.into_iter().map(|k| cands[k]));
                break;
            }
            sel.push(cluster, cands[best]);
            for &c in &of_sentence[best] {
                covered[c] = true;
            }
        }
        sel.chosen
    }
}
