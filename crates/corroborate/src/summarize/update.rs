//! Update summaries: what is new in a batch of articles for a reader who has read earlier
//! ones (the DUC 2007 update task).
//!
//! [`Seen`] holds the *content* the reader has seen, not its sentences: for every concept of
//! the new batch (a content stem, or a bigram of stems not both stop words, as the default
//! method counts them), its weighted share of the earlier articles: each earlier article
//! that contains it counts `1 / (1 + p)`, `p` the rank of its first sentence there (0 for
//! the lead), so a concept an article led with counts as read and one buried in its tenth
//! sentence barely (readers read the top of an article). Two uses:
//!
//! - every method: a candidate whose concepts the earlier articles mostly contain
//!   ([`Seen::staleness`] above [`STALE`]) is hidden from the method, which then selects
//!   among the rest as usual ([`Seen::hide_stale`]);
//! - the default method also discounts each concept's weight by how widely the earlier
//!   articles reported it relative to the new ones (`w × (new / (new + earlier))^2`, shares
//!   of articles; see [`Seen::discount`]), so its coverage greedy prefers what the new
//!   articles say more than the old ones did.
//!
//! The earlier articles' side is a [`SeenProfile`]: their concepts as stems, each with its
//! weighted count of articles, built once from the articles' preparation and reusable for
//! every later batch (profiles of disjoint sets of articles add up, so the profile of
//! batches A and B is A's plus B's). A reader of A who gets B, then C, needs A prepared and
//! profiled once, not again for each batch.
//!
//! Everything is linear in the words of both sets (one pass over each, hashed lookups).

use crate::prepared::PreparedCluster;
use rustc_hash::FxHashMap;
use std::ops::Range;

/// A candidate whose [`Seen::staleness`] is this or more is hidden in update mode. Chosen
/// with [`DISCOUNT`] on DUC 2007 update (see docs/update-summaries.md for the grid and the
/// leave-one-topic-out check).
pub const STALE: f64 = 0.6;
/// Exponent of the default method's concept discount ([`Seen::discount`]).
pub const DISCOUNT: f64 = 2.0;

/// What a reader has already seen, in the new cluster's vocabulary.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    /// Earlier articles.
    docs: usize,
    /// Per term id of the new cluster: earlier articles containing the term, each weighted
    /// `1 / (1 + p)` by the rank `p` of its first sentence containing it.
    unigrams: Vec<f64>,
    /// Per bigram (two term ids packed): earlier articles containing it, weighted as above.
    bigrams: FxHashMap<u64, f64>,
}

fn pack(a: u32, b: u32) -> u64 {
    u64::from(a) << 32 | u64::from(b)
}

fn unpack(key: u64) -> (u32, u32) {
    // Truncation intended: the two halves of a packed pair.
    ((key >> 32) as u32, key as u32)
}

/// The content of some articles as their reader saw it, in their own words (stems), with no
/// reference to any later cluster: per concept, the articles containing it, each weighted
/// `1 / (1 + p)` by the rank `p` of its first sentence saying it (see the module
/// documentation). Build it once with [`SeenProfile::new`] or [`SeenProfile::of_docs`] from
/// the articles' preparation; turn profiles into a [`Seen`] for a new batch with
/// [`Seen::from_profiles`].
#[derive(Debug, Clone, Default)]
pub struct SeenProfile {
    /// Articles profiled.
    docs: usize,
    /// The profile's stems (local ids index this list).
    terms: Vec<Box<str>>,
    /// Per local term: its weighted count of articles.
    unigrams: Vec<f64>,
    /// Per bigram of local ids (packed), not both stop words: its weighted count of articles.
    bigrams: FxHashMap<u64, f64>,
}

impl SeenProfile {
    /// The profile of every article of `earlier`.
    pub fn new(earlier: &PreparedCluster) -> SeenProfile {
        SeenProfile::of_docs(earlier, 0..earlier.docs.len())
    }

    /// The profile of the articles `docs` (indices into `cluster.docs`) of `cluster`.
    pub fn of_docs(cluster: &PreparedCluster, docs: Range<usize>) -> SeenProfile {
        let vocab = &cluster.vocab;
        // Cluster term id -> local id, assigned on first use.
        let mut local: FxHashMap<u32, u32> = FxHashMap::default();
        let mut profile = SeenProfile::default();
        // Per local term / bigram: the last article counted.
        let mut last_uni: Vec<usize> = Vec::new();
        let mut last_bi: FxHashMap<u64, usize> = FxHashMap::default();
        let mut id_of = |t: u32, profile: &mut SeenProfile, last_uni: &mut Vec<usize>| {
            *local.entry(t).or_insert_with(|| {
                profile.terms.push(vocab.term(t).into());
                profile.unigrams.push(0.0);
                last_uni.push(usize::MAX);
                u32::try_from(profile.terms.len() - 1).expect("fewer than 4 billion terms")
            })
        };
        for d in docs {
            let Some(range) = cluster.doc_sentences.get(d) else {
                continue;
            };
            profile.docs += 1;
            let mut rank = 0usize;
            for s in &cluster.sentences[range.clone()] {
                let vote = 1.0 / (1.0 + rank as f64);
                if !s.heading {
                    rank += 1;
                }
                for &t in &s.terms {
                    let l = id_of(t, &mut profile, &mut last_uni) as usize;
                    if last_uni[l] != d {
                        last_uni[l] = d;
                        profile.unigrams[l] += vote;
                    }
                }
                for p in s.tokens.windows(2) {
                    if vocab.is_stop(p[0]) && vocab.is_stop(p[1]) {
                        continue;
                    }
                    let a = id_of(p[0], &mut profile, &mut last_uni);
                    let b = id_of(p[1], &mut profile, &mut last_uni);
                    let key = pack(a, b);
                    let last = last_bi.entry(key).or_insert(usize::MAX);
                    if *last != d {
                        *last = d;
                        *profile.bigrams.entry(key).or_insert(0.0) += vote;
                    }
                }
            }
        }
        profile
    }

    /// Articles profiled.
    pub fn docs(&self) -> usize {
        self.docs
    }
}

impl Seen {
    /// The content of `earlier` (the articles read already) seen from `cluster` (the new
    /// ones): only concepts that occur in `cluster` are kept.
    pub fn new(cluster: &PreparedCluster, earlier: &PreparedCluster) -> Seen {
        Seen::from_profiles(cluster, &[&SeenProfile::new(earlier)])
    }

    /// The content of the articles profiled in `profiles` (disjoint sets of articles read
    /// already) seen from `cluster`: one hashed lookup per stem and per bigram of each
    /// profile.
    pub fn from_profiles(cluster: &PreparedCluster, profiles: &[&SeenProfile]) -> Seen {
        let vocab = &cluster.vocab;
        let mut unigrams = vec![0f64; vocab.len()];
        let mut bigrams: FxHashMap<u64, f64> = FxHashMap::default();
        let mut docs = 0;
        for profile in profiles {
            docs += profile.docs;
            let map: Vec<Option<u32>> = profile.terms.iter().map(|t| vocab.get(t)).collect();
            for (l, &n) in profile.unigrams.iter().enumerate() {
                if let Some(id) = map[l] {
                    unigrams[id as usize] += n;
                }
            }
            for (&key, &n) in &profile.bigrams {
                let (a, b) = unpack(key);
                let (Some(a), Some(b)) = (map[a as usize], map[b as usize]) else {
                    continue;
                };
                if vocab.is_stop(a) && vocab.is_stop(b) {
                    continue;
                }
                *bigrams.entry(pack(a, b)).or_insert(0.0) += n;
            }
        }
        Seen {
            docs,
            unigrams,
            bigrams,
        }
    }

    /// The former one-pass construction, kept for the equivalence test.
    #[cfg(test)]
    fn direct(cluster: &PreparedCluster, earlier: &PreparedCluster) -> Seen {
        let vocab = &cluster.vocab;
        // Earlier term id -> new term id, looked up once per term.
        let map: Vec<Option<u32>> = (0..earlier.vocab.len())
            .map(|t| {
                let id = u32::try_from(t).expect("fewer than 4 billion terms");
                vocab.get(earlier.vocab.term(id))
            })
            .collect();
        let mut unigrams = vec![0f64; vocab.len()];
        let mut last_uni = vec![usize::MAX; vocab.len()];
        let mut bigrams: FxHashMap<u64, f64> = FxHashMap::default();
        let mut last_bi: FxHashMap<u64, usize> = FxHashMap::default();
        let mut rank = vec![0usize; earlier.docs.len()];
        for s in &earlier.sentences {
            let pos = rank[s.doc];
            if !s.heading {
                rank[s.doc] += 1;
            }
            let vote = 1.0 / (1.0 + pos as f64);
            for &t in &s.terms {
                if let Some(n) = map[t as usize] {
                    if last_uni[n as usize] != s.doc {
                        last_uni[n as usize] = s.doc;
                        unigrams[n as usize] += vote;
                    }
                }
            }
            for p in s.tokens.windows(2) {
                let (Some(a), Some(b)) = (map[p[0] as usize], map[p[1] as usize]) else {
                    continue;
                };
                if vocab.is_stop(a) && vocab.is_stop(b) {
                    continue;
                }
                let key = pack(a, b);
                let last = last_bi.entry(key).or_insert(usize::MAX);
                if *last != s.doc {
                    *last = s.doc;
                    *bigrams.entry(key).or_insert(0.0) += vote;
                }
            }
        }
        Seen {
            docs: earlier.docs.len(),
            unigrams,
            bigrams,
        }
    }

    /// Whether the reader has seen nothing.
    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    /// The weighted share of earlier articles containing concept `(a, b)` (`b = None`: the
    /// term `a`): 1 when every earlier article led with it.
    pub fn share(&self, a: u32, b: Option<u32>) -> f64 {
        if self.docs == 0 {
            return 0.0;
        }
        let n = match b {
            None => self.unigrams.get(a as usize).copied().unwrap_or(0.0),
            Some(b) => self.bigrams.get(&pack(a, b)).copied().unwrap_or(0.0),
        };
        n / self.docs as f64
    }

    /// The factor a concept's weight is multiplied by in update mode.
    /// `new_share` is the share of the new articles that contain it:
    /// `(new / (new + earlier))^DISCOUNT`, 1 for a concept the earlier articles lack and 1/4
    /// for one as common before as now.
    pub fn discount(&self, a: u32, b: Option<u32>, new_share: f64) -> f64 {
        let earlier = self.share(a, b);
        if earlier <= 0.0 {
            return 1.0;
        }
        (new_share / (new_share + earlier)).powf(DISCOUNT)
    }

    /// How much of sentence `i` of `cluster` the reader has seen: over its content terms and
    /// its bigrams (not both stop words), the mean share of earlier articles containing
    /// each. 0 for a sentence with no concept.
    pub fn staleness(&self, cluster: &PreparedCluster, i: usize) -> f64 {
        let s = &cluster.sentences[i];
        let vocab = &cluster.vocab;
        let mut total = 0.0;
        let mut n = 0usize;
        for &t in &s.terms {
            total += self.share(t, None);
            n += 1;
        }
        for p in s.tokens.windows(2) {
            if vocab.is_stop(p[0]) && vocab.is_stop(p[1]) {
                continue;
            }
            total += self.share(p[0], Some(p[1]));
            n += 1;
        }
        if n == 0 {
            0.0
        } else {
            total / n as f64
        }
    }

    /// `cluster` with every sentence the reader has mostly seen (staleness at least
    /// `STALE`) marked as a heading, so that no method takes it as a candidate. When that
    /// would leave no candidate, `cluster` is returned as it is.
    pub fn hide_stale(&self, cluster: &PreparedCluster) -> PreparedCluster {
        let mut view = cluster.clone();
        if self.is_empty() {
            return view;
        }
        let mut hidden = 0;
        for i in 0..view.sentences.len() {
            if !view.sentences[i].heading && self.staleness(cluster, i) >= STALE {
                view.sentences[i].heading = true;
                hidden += 1;
            }
        }
        if hidden > 0 && super::candidates(&view).is_empty() {
            return cluster.clone();
        }
        view
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::pipeline::Pipeline;

    #[test]
    fn a_concept_led_with_counts_as_read_more_than_one_buried() {
        let earlier = Pipeline::default().prepare_documents(vec![Document::from_text(
            "old",
            "The river flooded the valley town of Marlow on Tuesday. \
             Residents moved to the school gym overnight. \
             Volunteers carried sandbags along the main street. \
             A ferry operator said the current was unusually strong.",
        )]);
        let new = Pipeline::default().prepare_documents(vec![Document::from_text(
            "new",
            "A ferry operator in Marlow closed the crossing after the river flooded again.",
        )]);
        let seen = Seen::new(&new, &earlier);
        let id = |w: &str| new.vocab.get(w).expect("a stem of the new article");
        let (flood, ferry) = (seen.share(id("flood"), None), seen.share(id("ferri"), None));
        assert_eq!(flood, 1.0, "in the lead");
        assert!(ferry > 0.0 && ferry < 0.5, "fourth sentence: {ferry}");
        assert_eq!(seen.share(id("cross"), None), 0.0, "never read");
    }

    #[test]
    fn profiles_built_once_add_up_to_the_seen_content_of_all_the_articles() {
        let prepare = |docs: &[(&str, &str)]| {
            Pipeline::default().prepare_documents(
                docs.iter()
                    .map(|(id, text)| Document::from_text(*id, *text))
                    .collect(),
            )
        };
        let (monday, tuesday) = (
            (
                "mon",
                "The river flooded Marlow on Monday. Residents moved to the school gym.",
            ),
            (
                "tue",
                "Volunteers filled sandbags in Marlow. The river flooded the school gym.",
            ),
        );
        let new = prepare(&[(
            "wed",
            "The river flooded Marlow again on Wednesday, and the school gym closed.",
        )]);
        let both = prepare(&[monday, tuesday]);
        let whole = Seen::new(&new, &both);
        let direct = Seen::direct(&new, &both);
        let per_doc = [
            SeenProfile::of_docs(&both, 0..1),
            SeenProfile::of_docs(&both, 1..2),
        ];
        let apart = [
            SeenProfile::new(&prepare(&[monday])),
            SeenProfile::new(&prepare(&[tuesday])),
        ];
        for seen in [
            Seen::from_profiles(&new, &[&per_doc[0], &per_doc[1]]),
            Seen::from_profiles(&new, &[&apart[0], &apart[1]]),
            direct,
        ] {
            assert_eq!(seen.docs, whole.docs);
            assert_eq!(seen.unigrams, whole.unigrams);
            let mut a: Vec<_> = seen.bigrams.iter().map(|(k, v)| (*k, *v)).collect();
            let mut b: Vec<_> = whole.bigrams.iter().map(|(k, v)| (*k, *v)).collect();
            a.sort_by_key(|p| p.0);
            b.sort_by_key(|p| p.0);
            assert_eq!(a, b);
        }
        let id = |w: &str| new.vocab.get(w).expect("a stem of the new article");
        // Monday's lead (1) and Tuesday's second sentence (1/2), over two articles.
        assert_eq!(whole.share(id("flood"), None), 0.75);
        assert_eq!(whole.share(id("wednesday"), None), 0.0);
        assert!(Seen::from_profiles(&new, &[]).is_empty());
    }
}
