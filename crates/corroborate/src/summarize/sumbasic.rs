//! SumBasic (Nenkova & Vanderwende 2005): words frequent in the cluster are likely in a
//! human summary. Repeatedly take the most probable word, add the best sentence (highest mean
//! word probability) that contains it, then square the probabilities of the words it covered
//! so that the next sentence says something else.

use super::{candidates, Budget, Selection, Summarizer};
use crate::prepared::PreparedCluster;

/// SumBasic.
#[derive(Debug, Clone, Copy, Default)]
pub struct SumBasicSummarizer;

impl Summarizer for SumBasicSummarizer {
    fn select(&self, cluster: &PreparedCluster, budget: Budget) -> Vec<usize> {
        let mut cands = candidates(cluster);
        let mut prob = vec![0.0f64; cluster.vocab.len()];
        let mut total = 0usize;
        for &i in &cands {
            for &t in &cluster.sentences[i].terms {
                prob[t as usize] += 1.0;
                total += 1;
            }
        }
        if total == 0 {
            return Vec::new();
        }
        prob.iter_mut().for_each(|p| *p /= total as f64);
        let mean = |i: usize, prob: &[f64]| {
            let terms = &cluster.sentences[i].terms;
            terms.iter().map(|&t| prob[t as usize]).sum::<f64>() / terms.len() as f64
        };
        let mut sel = Selection::new(budget);
        while !sel.is_full() {
            cands.retain(|&i| sel.admits(cluster, i));
            // The most probable word still found in an admissible sentence (ties: lowest id).
            let Some(best_word) = cands
                .iter()
                .flat_map(|&i| cluster.sentences[i].terms.iter().copied())
                .max_by(|&a, &b| {
                    prob[a as usize]
                        .total_cmp(&prob[b as usize])
                        .then(b.cmp(&a))
                })
            else {
                break;
            };
            let Some(best) = cands
                .iter()
                .copied()
                .filter(|&i| cluster.sentences[i].terms.contains(&best_word))
                .max_by(|&a, &b| mean(a, &prob).total_cmp(&mean(b, &prob)).then(b.cmp(&a)))
            else {
                break;
            };
            sel.push(cluster, best);
            let mut terms = cluster.sentences[best].terms.clone();
            terms.sort_unstable();
            terms.dedup();
            for t in terms {
                prob[t as usize] *= prob[t as usize];
            }
        }
        sel.chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summarize::fixtures::{harbor_fire, openings};

    #[test]
    fn first_pick_holds_the_most_frequent_word_and_repeats_are_refused() {
        let c = harbor_fire();
        let chosen = SumBasicSummarizer.select(&c, Budget::Sentences(3));
        // "warehouse" is the most frequent content word of the fixture.
        assert!(
            c.text(chosen[0]).to_lowercase().contains("warehouse"),
            "{}",
            c.text(chosen[0])
        );
        assert_eq!(openings(&c, &chosen), 1);
        assert_eq!(chosen.len(), 3);
    }
}
