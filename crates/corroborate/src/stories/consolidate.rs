//! End-of-run consolidation: merge stories that a representation learnt from the whole
//! run (LSA) finds close, on top of the online grouping.
//!
//! The online pass has to decide each article as it comes, with the vocabulary seen so far;
//! a broad story whose articles share few words with its first members ends up in several
//! stories. At the end of a run the grouper has hindsight that is legitimately available:
//! every article it has seen. This step
//! 1. builds each article's unit TF-IDF vector under the current IDF;
//! 2. fits a rank-`dims` LSA basis on them (a randomized truncated SVD of our own, [`super::linalg`]:
//!    deterministic, fixed seed; on an evenly spaced sample of at most `sample` articles, so
//!    the cost is bounded) and projects every article onto it (unit LSA vectors);
//! 3. agglomerates stories by *average link*: the mean over article pairs of
//!    `(1 - mix) cos_tfidf + mix cos_lsa`, which sums of the members' vectors give exactly,
//!    so a merged story's link to any other is recomputed in one dot product. Best pair
//!    first, while the link is at least `threshold`, the mean pairwise cosine of the name
//!    (`@entity`) parts is at least `entity_floor`, and the smaller story has at most
//!    `max_small` articles (two same-kind events told apart only by their names stay
//!    apart); candidates are each story's `neighbours` nearest stories in the LSA space.
//!
//! It is a read-out ([`super::StoryGrouper::reported_stories`]): nothing is frozen into the
//! online decisions or the state, so running a stream in two halves reports what one run
//! reports (the articles' vectors are persisted, and the step is recomputed from them).
//! Measurements: docs/notes/stories.md.
//!
//! Cost: the SVD is a fixed cost (about 0.4 s for a 2,500-article sample); projecting the
//! articles is linear in them; the search for each story's nearest stories scores only the
//! stories that share one of its heaviest words (an inverted index with capped lists:
//! linear in the stories); the merging is linear in the candidate pairs. The range finder runs in f32 and the basis is
//! kept in f32; everything a merge decision reads is f64.
//!
//! The SVD and the dense kernels are in [`super::linalg`].

use crate::sparse::merge_add;
use super::linalg::{dense_dot, lsa_basis_placed, LANES};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};

/// Parameters of the consolidation (from [`super::StoryConfig`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// LSA dimensions (0 turns the step off).
    pub dims: usize,
    /// Share of the LSA cosine in the similarity.
    pub mix: f32,
    /// Least average link for two stories to be merged.
    pub threshold: f32,
    /// Least mean pairwise cosine of the two stories' name features for a merge
    /// (negative: no condition).
    pub entity_floor: f32,
    /// Most articles the basis is fitted on (an evenly spaced sample beyond that).
    pub sample: usize,
    /// Candidate stories per story (its nearest in the LSA space).
    pub neighbours: usize,
    /// Most articles the smaller of two stories may have for them to merge (two large
    /// stories of one kind stay apart; 0: no limit).
    pub max_small: u32,
    /// Least word link left once the `robust_drop` shared terms that weigh most in it are
    /// taken out (one theme word shared by every article of a topic does not make two
    /// stories one event; negative: no condition).
    pub robust: f32,
    /// Shared terms taken out for `robust`.
    pub robust_drop: usize,
    /// Least terms the smaller of two stories must have for them to merge, summed over its
    /// articles (each article's distinct terms): the link of a headline or a 25-word
    /// snippet rests on its few theme words (one search query's results, one topic's
    /// headlines), not on what tells two events apart; such stories stay as the online
    /// pass left them, while a story of a dozen headlines can merge (0: no condition).
    pub min_terms: u32,
    /// Cohesion-relative merge (0: off): two stories of at least `relative_min` articles
    /// each also merge when their average link is at least this share of the geometric
    /// mean of their cohesions (each one's mean link between its own articles).
    pub relative: f32,
    /// Least articles of each story for the cohesion-relative merge.
    pub relative_min: u32,
    /// Fragment merge (0: off): a story of at least `relative_min` articles and at most
    /// `relative_ratio` times the other's size also merges into the larger one when their
    /// average link is at least this share of the larger story's cohesion alone (never below
    /// the cohesion of the online story it started from): the fragment's articles are about
    /// as close to the larger story as its own members are to one another. A tight fragment
    /// of a loosely knit story is not held to its own, higher, cohesion.
    pub relative_larger: f32,
    /// Most size of the fragment, as a share of the larger story's, for `relative_larger`.
    pub relative_ratio: f32,
}

/// One article as the consolidation sees it.
#[derive(Debug, Clone, Copy)]
pub struct Member<'a> {
    /// The story it is reported under before consolidation.
    pub story: u32,
    /// That story's language (one number per language; languages are never merged).
    pub language: u8,
    /// Its raw term weights, `(term, weight)` (the grouper's features).
    pub terms: &'a [(u32, f32)],
}

/// Terms kept in a story's summed TF-IDF and name vectors (the heaviest; pruned when twice
/// as many have accumulated, as the grouper prunes its centroids).
const STORY_TERMS: usize = 500;

/// Which condition a merge of the consolidation met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The average link reached `threshold` (with the size, term, name and robust
    /// conditions).
    Absolute,
    /// The average link reached `relative` times the geometric mean of the two cohesions.
    Relative,
    /// A story at most `relative_ratio` of a larger one's size whose average link reached
    /// `relative_larger` times the larger story's cohesion.
    Fragment,
}

impl Rule {
    /// The rule's name in `stories --explain`.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Absolute => "absolute",
            Rule::Relative => "relative",
            Rule::Fragment => "fragment",
        }
    }
}

/// One merge of the consolidation, in the order they were made.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeRecord {
    /// The story merged (its id before consolidation; a story merged earlier in the step
    /// may have taken others).
    pub story: u32,
    /// The story it was merged into (which may itself be merged later).
    pub into: u32,
    /// The condition it met (the absolute one when both hold).
    pub rule: Rule,
    /// Average link of the two stories when merged.
    pub link: f64,
    /// The link that rule needed: `threshold`, or `relative` times the geometric mean of
    /// the cohesions.
    pub needed: f64,
    /// Word link without the `robust_drop` heaviest shared terms.
    pub robust: f64,
    /// The shared terms that weigh most in the word link, heaviest first (at most 6).
    pub matched: Vec<u32>,
}

/// For each story id below `n_stories`, the story it is reported under after
/// consolidation (itself when it is not merged). `idf` and `is_entity` describe the terms.
/// Memory: the basis (shared terms of the sample x `dims`), the sample's rows, and the
/// stories' pruned sums; the articles are streamed. (The grouper calls
/// [`consolidate_explained`]; this form is for the tests.)
#[cfg(test)]
pub fn consolidate(
    members: &[Member<'_>],
    n_stories: usize,
    idf: &dyn Fn(u32) -> f32,
    is_entity: &dyn Fn(u32) -> bool,
    p: &Params,
) -> Vec<u32> {
    consolidate_explained(members, n_stories, idf, is_entity, p).0
}

/// The same as `consolidate`, with a record of each merge (why it was made).
pub fn consolidate_explained(
    members: &[Member<'_>],
    n_stories: usize,
    idf: &dyn Fn(u32) -> f32,
    is_entity: &dyn Fn(u32) -> bool,
    p: &Params,
) -> (Vec<u32>, Vec<MergeRecord>) {
    let mut out: Vec<u32> = (0..n_stories as u32).collect();
    let members: Vec<&Member<'_>> = members
        .iter()
        .filter(|m| (m.story as usize) < n_stories)
        .collect();
    if p.dims == 0 || members.len() < 3 {
        return (out, Vec::new());
    }
    let n_terms = members
        .iter()
        .flat_map(|m| m.terms.iter().map(|e| e.0 as usize + 1))
        .max()
        .unwrap_or(0);
    // Everything the step keeps per term, in one record: an article's terms are scattered
    // over the vocabulary, so each costs one cache miss instead of one per array.
    let mut slots: Vec<TermSlot> = (0..n_terms as u32)
        .map(|t| TermSlot {
            idf: f64::from(idf(t)),
            words: 0.0,
            names: 0.0,
            column: u32::MAX,
            entity: is_entity(t),
            seen: false,
        })
        .collect();
    // An article's unit TF-IDF vector, sorted by term, into `row`.
    let unit_row_into = |slots: &[TermSlot], m: &Member<'_>, row: &mut Vec<(u32, f64)>| {
        row.clear();
        row.extend(
            m.terms
                .iter()
                .map(|&(t, w)| (t, f64::from(w) * slots[t as usize].idf))
                .filter(|e| e.1 > 0.0 && e.1.is_finite()),
        );
        if !row.windows(2).all(|w| w[0].0 < w[1].0) {
            row.sort_unstable_by_key(|e| e.0);
            row.dedup_by_key(|e| e.0);
        }
        unit(row);
    };
    let unit_row = |m: &Member<'_>| -> Vec<(u32, f64)> {
        let mut row = Vec::new();
        unit_row_into(&slots, m, &mut row);
        row
    };
    // The basis, from an evenly spaced sample. Terms in one sampled article only add a
    // direction of their own: left out of the fit (bounds the basis by the vocabulary
    // shared within the sample).
    let step = members.len().div_ceil(p.sample.max(1));
    let sample: Vec<Vec<(u32, f64)>> = members
        .iter()
        .step_by(step)
        .map(|m| unit_row(m))
        .filter(|r| !r.is_empty())
        .collect();
    let mut fit_col = vec![0u32; n_terms];
    for row in &sample {
        for &(t, _) in row {
            fit_col[t as usize] += 1;
        }
    }
    // Logical columns: the shared terms in term order. Stored columns: the same terms by
    // falling sample frequency (ties: term), so that the rows of the dense matrices that
    // most entries touch sit together in cache.
    let shared: Vec<u32> = (0..n_terms as u32)
        .filter(|&t| fit_col[t as usize] >= 2)
        .collect();
    let mut by_freq = shared.clone();
    by_freq.sort_by_key(|&t| (std::cmp::Reverse(fit_col[t as usize]), t));
    fit_col.iter_mut().for_each(|c| *c = u32::MAX);
    for (stored, &t) in by_freq.iter().enumerate() {
        fit_col[t as usize] = stored as u32;
    }
    let place: Vec<u32> = shared.iter().map(|&t| fit_col[t as usize]).collect();
    let fit: Vec<Vec<(u32, f64)>> = sample
        .iter()
        .map(|row| {
            row.iter()
                .filter(|e| fit_col[e.0 as usize] != u32::MAX)
                .map(|&(t, x)| (fit_col[t as usize], x))
                .collect()
        })
        .collect();
    drop(sample);
    let fit_rows: Vec<&[(u32, f64)]> = fit.iter().map(Vec::as_slice).collect();
    let basis = lsa_basis_placed(&fit_rows, &place, p.dims);
    drop(fit);
    let k = basis.dims;
    if k == 0 {
        return (out, Vec::new());
    }
    // Story sums, story by story (in id order), accumulated in dense scratch arrays.
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.sort_unstable_by_key(|&i| (members[i].story, i));
    for (slot, &c) in slots.iter_mut().zip(&fit_col) {
        slot.column = c;
    }
    let mut touched: Vec<u32> = Vec::new();
    let mut sums: Vec<StorySum> = Vec::new();
    let mix = f64::from(p.mix.clamp(0.0, 1.0));
    let (mut row, mut name, mut z32, mut z) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for group in order.chunk_by(|&a, &b| members[a].story == members[b].story) {
        let first = members[group[0]];
        let mut sum = StorySum {
            id: first.story,
            language: first.language,
            n: 0.0,
            terms: 0.0,
            pairs: 0.0,
            base: 0.0,
            words: Vec::new(),
            names: Vec::new(),
            lsa: vec![0.0; k],
        };
        let mut own = 0.0;
        for &i in group {
            unit_row_into(&slots, members[i], &mut row);
            if row.is_empty() {
                continue;
            }
            name.clear();
            name.extend(row.iter().copied().filter(|e| slots[e.0 as usize].entity));
            unit(&mut name);
            let stored = row.iter().filter_map(|&(t, x)| {
                let c = slots[t as usize].column;
                (c != u32::MAX).then_some((c, x))
            });
            basis.project_stored(stored, &mut z32, &mut z);
            sum.n += 1.0;
            sum.terms += row.len() as f64;
            own += (1.0 - mix) + mix * z.iter().map(|v| v * v).sum::<f64>();
            for &(t, x) in &row {
                let slot = &mut slots[t as usize];
                if !slot.seen {
                    slot.seen = true;
                    touched.push(t);
                }
                slot.words += x;
            }
            for &(t, x) in &name {
                slots[t as usize].names += x;
            }
            for (a, b) in sum.lsa.iter_mut().zip(&z) {
                *a += b;
            }
        }
        touched.sort_unstable();
        for &t in &touched {
            let slot = &mut slots[t as usize];
            sum.words.push((t, slot.words));
            if slot.names != 0.0 {
                sum.names.push((t, slot.names));
            }
            slot.words = 0.0;
            slot.names = 0.0;
            slot.seen = false;
        }
        touched.clear();
        if sum.n == 0.0 {
            continue;
        }
        let self_words: f64 = sum.words.iter().map(|e| e.1 * e.1).sum();
        let self_lsa: f64 = sum.lsa.iter().map(|v| v * v).sum();
        sum.pairs = ((1.0 - mix) * self_words + mix * self_lsa - own).max(0.0);
        sum.base = cohesion(&sum);
        if sum.words.len() > 2 * STORY_TERMS {
            prune(&mut sum.words, STORY_TERMS);
        }
        if sum.names.len() > 2 * STORY_TERMS {
            prune(&mut sum.names, STORY_TERMS);
        }
        sums.push(sum);
    }
    let merged = agglomerate(&mut sums, p);
    for r in &merged {
        out[r.story as usize] = r.into;
    }
    // Follow chains (a story merged into one that was merged later).
    for s in 0..n_stories {
        let mut at = out[s];
        while out[at as usize] != at {
            at = out[at as usize];
        }
        out[s] = at;
    }
    (out, merged)
}

/// What the step keeps per term while it sums the stories.
#[derive(Debug, Clone, Copy)]
struct TermSlot {
    idf: f64,
    /// The current story's sums of unit TF-IDF and name weights.
    words: f64,
    names: f64,
    /// Stored column of the basis (`u32::MAX`: none).
    column: u32,
    entity: bool,
    /// Whether the current story has the term yet.
    seen: bool,
}

/// Keep the `keep` heaviest entries (ties: lower term), in term order.
fn prune(v: &mut Vec<(u32, f64)>, keep: usize) {
    v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    v.truncate(keep);
    v.sort_unstable_by_key(|e| e.0);
}

/// A story's sums over its members' unit vectors.
#[derive(Debug, Clone)]
struct StorySum {
    id: u32,
    language: u8,
    n: f64,
    /// Sum over its articles of their distinct terms (the words a link rests on).
    terms: f64,
    /// Sum over ordered pairs of its distinct articles of their mixed link.
    pairs: f64,
    /// Cohesion of the online story the sum started from (merges keep the larger side's):
    /// the larger-story relative merge compares with it, so a story that absorbs loosely
    /// related ones does not lower its own bar.
    base: f64,
    words: Vec<(u32, f64)>,
    names: Vec<(u32, f64)>,
    lsa: Vec<f64>,
}

/// A candidate merge in the heap: best link first, then the lower ids.
#[derive(Debug, PartialEq)]
struct Pair {
    link: f64,
    a: usize,
    b: usize,
    va: u32,
    vb: u32,
    /// Why it qualifies: the rule, the link it needed, the robust word link.
    rule: Rule,
    needed: f64,
    robust: f64,
}

impl Eq for Pair {}

impl Ord for Pair {
    fn cmp(&self, other: &Self) -> Ordering {
        self.link
            .total_cmp(&other.link)
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

impl PartialOrd for Pair {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// One story's word and name sums spread over dense arrays indexed by term, so that its
/// links to many others cost one pass over each other's entries. Each sum still adds the
/// common terms' products in term order (a term the anchor lacks adds `+0.0`), so the links
/// are bit-identical to those of a merge of the two sorted vectors.
struct Anchor {
    words: Vec<f64>,
    names: Vec<f64>,
}

impl Anchor {
    fn new(sums: &[StorySum]) -> Self {
        let n_terms = sums
            .iter()
            .flat_map(|s| s.words.iter().chain(&s.names).map(|e| e.0 as usize + 1))
            .max()
            .unwrap_or(0);
        Self {
            words: vec![0.0; n_terms],
            names: vec![0.0; n_terms],
        }
    }

    fn set(&mut self, s: &StorySum) {
        for &(t, x) in &s.words {
            self.words[t as usize] = x;
        }
        for &(t, x) in &s.names {
            self.names[t as usize] = x;
        }
    }

    fn clear(&mut self, s: &StorySum) {
        for &(t, _) in &s.words {
            self.words[t as usize] = 0.0;
        }
        for &(t, _) in &s.names {
            self.names[t as usize] = 0.0;
        }
    }

    /// Average link, name link and robust word link (without the `drop` heaviest shared
    /// terms) of the anchored story `x` and `y`.
    fn links(&self, x: &StorySum, y: &StorySum, mix: f64, drop: usize) -> (f64, f64, f64) {
        let nn = x.n * y.n;
        let mut top = [0.0f64; 4];
        let drop = drop.min(top.len());
        let words = y.words.iter().fold(0.0, |acc, &(t, v)| {
            let c = self.words[t as usize] * v;
            if drop > 0 && c > top[drop - 1] {
                let mut i = drop - 1;
                while i > 0 && c > top[i - 1] {
                    top[i] = top[i - 1];
                    i -= 1;
                }
                top[i] = c;
            }
            acc + c
        });
        let lsa: f64 = x.lsa.iter().zip(&y.lsa).map(|(a, b)| a * b).sum();
        let names = y
            .names
            .iter()
            .fold(0.0, |acc, &(t, v)| acc + self.names[t as usize] * v);
        let dropped: f64 = top[..drop].iter().sum();
        (
            ((1.0 - mix) * words + mix * lsa) / nn,
            names / nn,
            (words - dropped) / nn,
        )
    }
}

/// Heaviest word terms per story that index it for the nearest-story search.
const INDEX_TERMS: usize = 16;
/// Stories kept per index term (those heaviest in it): bounds the candidates per story.
const INDEX_CAP: usize = 64;

/// Each story's `want` nearest stories of its language by LSA cosine (ties: lower index),
/// among the stories sharing one of its `INDEX_TERMS` heaviest words (an inverted index
/// whose lists keep the `INDEX_CAP` stories heaviest in the term), made symmetric. The
/// work per story is bounded, so the search is linear in the stories: scoring every pair
/// took 1.3 s for 6,715 stories and grows with their square.
fn nearest(sums: &[StorySum], want: usize) -> Vec<BTreeSet<usize>> {
    let m = sums.len();
    // Unit LSA vectors, padded with zeros to whole lanes.
    let k = sums.first().map_or(0, |s| s.lsa.len()).div_ceil(LANES) * LANES;
    let mut unit_lsa = vec![0.0f32; m * k];
    for (s, out) in sums.iter().zip(unit_lsa.chunks_exact_mut(k.max(1))) {
        let n = s.lsa.iter().map(|v| v * v).sum::<f64>().sqrt();
        let inv = if n > 0.0 { 1.0 / n } else { 0.0 };
        for (o, v) in out.iter_mut().zip(&s.lsa) {
            *o = (v * inv) as f32;
        }
    }
    let row = |a: usize| &unit_lsa[a * k..(a + 1) * k];
    // Heaviest first, then the lower term / story: total orders, so the result does not
    // depend on the order entries were offered in.
    let heavy = |x: &(f64, u32), y: &(f64, u32)| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1));
    let keys: Vec<Vec<u32>> = sums
        .iter()
        .map(|s| {
            let mut top: Vec<(f64, u32)> = s.words.iter().map(|&(t, w)| (w, t)).collect();
            if top.len() > INDEX_TERMS {
                top.select_nth_unstable_by(INDEX_TERMS - 1, heavy);
                top.truncate(INDEX_TERMS);
            }
            top.into_iter().map(|(_, t)| t).collect()
        })
        .collect();
    let mut postings: BTreeMap<u32, Vec<(f64, u32)>> = BTreeMap::new();
    for (a, s) in sums.iter().enumerate() {
        for &(t, w) in &s.words {
            if keys[a].contains(&t) {
                let list = postings.entry(t).or_default();
                list.push((w, a as u32));
                if list.len() >= 4 * INDEX_CAP {
                    list.select_nth_unstable_by(INDEX_CAP - 1, heavy);
                    list.truncate(INDEX_CAP);
                }
            }
        }
    }
    for list in postings.values_mut() {
        if list.len() > INDEX_CAP {
            list.select_nth_unstable_by(INDEX_CAP - 1, heavy);
            list.truncate(INDEX_CAP);
        }
    }
    let cmp = |x: &(f32, usize), y: &(f32, usize)| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1));
    let mut seen = vec![usize::MAX; m];
    let mut near: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); m];
    let mut own: Vec<(f32, usize)> = Vec::new();
    for a in 0..m {
        own.clear();
        seen[a] = a;
        for t in &keys[a] {
            for &(_, b) in postings.get(t).map_or(&[][..], Vec::as_slice) {
                let b = b as usize;
                if seen[b] != a && sums[b].language == sums[a].language {
                    seen[b] = a;
                    own.push((dense_dot(row(a), row(b)), b));
                }
            }
        }
        if own.len() > want {
            own.select_nth_unstable_by(want - 1, cmp);
            own.truncate(want);
        }
        for &(_, b) in &own {
            near[a].insert(b);
            near[b].insert(a);
        }
    }
    near
}

/// Greedy average-link merging over candidate pairs; returns the merges in order.
fn agglomerate(sums: &mut [StorySum], p: &Params) -> Vec<MergeRecord> {
    let m = sums.len();
    let mix = f64::from(p.mix.clamp(0.0, 1.0));
    let threshold = f64::from(p.threshold);
    let floor = f64::from(p.entity_floor);
    // Candidates: each story's nearest stories by LSA cosine (same language), symmetric.
    let mut near = nearest(sums, p.neighbours.max(1));
    let mut version = vec![0u32; m];
    let mut alive = vec![true; m];
    let mut heap = BinaryHeap::new();
    let max_small = if p.max_small == 0 {
        f64::INFINITY
    } else {
        f64::from(p.max_small)
    };
    let mut anchor = Anchor::new(sums);
    // Push the pairs of the anchored story `a` with each of `others`.
    let push = |heap: &mut BinaryHeap<Pair>,
                anchor: &Anchor,
                sums: &[StorySum],
                version: &[u32],
                a: usize,
                others: &mut dyn Iterator<Item = usize>| {
        for b in others {
            let (x, y) = (&sums[a], &sums[b]);
            let (link, names, robust) = anchor.links(x, y, mix, p.robust_drop);
            let absolute = x.n.min(y.n) <= max_small
                && x.terms.min(y.terms) >= f64::from(p.min_terms)
                && link >= threshold
                && names >= floor
                && robust >= f64::from(p.robust);
            let relative_needed = f64::from(p.relative) * (cohesion(x) * cohesion(y)).sqrt();
            let relative = p.relative > 0.0
                && x.n.min(y.n) >= f64::from(p.relative_min.max(2))
                && link > 0.0
                && link >= relative_needed;
            // The larger side's cohesion, never below that of the online story it started
            // from: a story that absorbed looser ones does not lower its own bar.
            let larger = if x.n >= y.n { x } else { y };
            let (small, large) = (x.n.min(y.n), x.n.max(y.n));
            let larger_needed = f64::from(p.relative_larger) * larger.base.max(cohesion(larger));
            let to_larger = p.relative_larger > 0.0
                && small >= f64::from(p.relative_min.max(2))
                && small <= f64::from(p.relative_ratio) * large
                && link > 0.0
                && link >= larger_needed;
            if absolute || relative || to_larger {
                let (rule, needed) = if absolute {
                    (Rule::Absolute, threshold)
                } else if relative {
                    (Rule::Relative, relative_needed)
                } else {
                    (Rule::Fragment, larger_needed)
                };
                let (a, b) = if a < b { (a, b) } else { (b, a) };
                heap.push(Pair {
                    link,
                    a,
                    b,
                    va: version[a],
                    vb: version[b],
                    rule,
                    needed,
                    robust,
                });
            }
        }
    };
    for (a, around) in near.iter().enumerate() {
        anchor.set(&sums[a]);
        push(
            &mut heap,
            &anchor,
            sums,
            &version,
            a,
            &mut around.range(a + 1..).copied(),
        );
        anchor.clear(&sums[a]);
    }
    let mut merged = Vec::new();
    while let Some(pair) = heap.pop() {
        let (a, b) = (pair.a, pair.b);
        if !alive[a] || !alive[b] || version[a] != pair.va || version[b] != pair.vb {
            continue;
        }
        // The larger story (then the lower id) keeps its id.
        let (keep, gone) = match sums[a].n.total_cmp(&sums[b].n) {
            Ordering::Less => (b, a),
            Ordering::Greater => (a, b),
            Ordering::Equal if sums[a].id <= sums[b].id => (a, b),
            Ordering::Equal => (b, a),
        };
        let matched = heaviest_shared(&sums[keep].words, &sums[gone].words, MATCHED_TERMS);
        let (gone_id, gone_language) = (sums[gone].id, sums[gone].language);
        let g = std::mem::replace(
            &mut sums[gone],
            StorySum {
                id: gone_id,
                language: gone_language,
                n: 0.0,
                terms: 0.0,
                pairs: 0.0,
            base: 0.0,
                words: Vec::new(),
                names: Vec::new(),
                lsa: Vec::new(),
            },
        );
        {
            let k = &mut sums[keep];
            k.pairs += g.pairs + 2.0 * pair.link * k.n * g.n;
            k.n += g.n;
            k.terms += g.terms;
            k.words = merge_add(&k.words, &g.words, 1.0);
            k.names = merge_add(&k.names, &g.names, 1.0);
            for (x, y) in k.lsa.iter_mut().zip(&g.lsa) {
                *x += y;
            }
        }
        alive[gone] = false;
        version[keep] += 1;
        merged.push(MergeRecord {
            story: sums[gone].id,
            into: sums[keep].id,
            rule: pair.rule,
            link: pair.link,
            needed: pair.needed,
            robust: pair.robust,
            matched,
        });
        let moved = std::mem::take(&mut near[gone]);
        for c in moved {
            near[c].remove(&gone);
            if c != keep {
                near[c].insert(keep);
                near[keep].insert(c);
            }
        }
        near[keep].remove(&gone);
        anchor.set(&sums[keep]);
        push(
            &mut heap,
            &anchor,
            sums,
            &version,
            keep,
            &mut near[keep].iter().copied().filter(|&c| alive[c]),
        );
        anchor.clear(&sums[keep]);
    }
    merged
}

/// Shared terms reported per merge.
const MATCHED_TERMS: usize = 6;

/// The `k` terms of two sparse vectors (sorted by term) with the largest products,
/// heaviest first (ties: lower term).
fn heaviest_shared(a: &[(u32, f64)], b: &[(u32, f64)], k: usize) -> Vec<u32> {
    let mut both: Vec<(f64, u32)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                both.push((a[i].1 * b[j].1, a[i].0));
                i += 1;
                j += 1;
            }
        }
    }
    both.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    both.into_iter().take(k).map(|(_, t)| t).collect()
}

/// A story's mean link between two of its own articles (0 for a single article).
fn cohesion(s: &StorySum) -> f64 {
    if s.n < 2.0 {
        0.0
    } else {
        s.pairs / (s.n * (s.n - 1.0))
    }
}

/// Scale a sparse vector to unit length; false when it is zero.
fn unit(v: &mut [(u32, f64)]) -> bool {
    let n = v.iter().map(|e| e.1 * e.1).sum::<f64>().sqrt();
    if n > 0.0 {
        for e in v.iter_mut() {
            e.1 /= n;
        }
        true
    } else {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::SplitMix64;

    /// A deterministic pseudo-random dense matrix, `n x l` column-major.
    fn noise(n: usize, l: usize, seed: u64) -> Vec<f64> {
        let mut rng = SplitMix64(seed);
        (0..n * l).map(|_| rng.signed_unit()).collect()
    }

    #[test]
    fn anchored_links_equal_merged_sparse_dots_bit_for_bit() {
        let story = |id: u32, seed: u64| {
            let x = noise(60, 1, seed);
            let words: Vec<(u32, f64)> = (0..60u32)
                .filter(|t| (t * (seed as u32 + 3)).is_multiple_of(4))
                .map(|t| (t, x[t as usize].abs()))
                .collect();
            let names = words.iter().copied().filter(|e| e.0 % 3 == 0).collect();
            StorySum {
                id,
                language: 0,
                n: 2.0 + f64::from(id),
                terms: 1.0,
                pairs: 0.0,
            base: 0.0,
                words,
                names,
                lsa: noise(10, 1, seed + 100),
            }
        };
        let sums = vec![story(0, 5), story(1, 6), story(2, 7)];
        let mut anchor = Anchor::new(&sums);
        for a in 0..3 {
            anchor.set(&sums[a]);
            for b in 0..3 {
                let (x, y) = (&sums[a.min(b)], &sums[a.max(b)]);
                let nn = x.n * y.n;
                let lsa: f64 = x.lsa.iter().zip(&y.lsa).map(|(p, q)| p * q).sum();
                let words = crate::sparse::dot(&x.words, &y.words);
                let names = crate::sparse::dot(&x.names, &y.names);
                let want = ((0.4 * words + 0.6 * lsa) / nn, names / nn, words / nn);
                assert_eq!(anchor.links(&sums[a], &sums[b], 0.6, 0), want);
                // Without the heaviest shared term: at most the full word link.
                let robust = anchor.links(&sums[a], &sums[b], 0.6, 1).2;
                assert!(robust <= words / nn);
            }
            anchor.clear(&sums[a]);
            assert!(anchor.words.iter().chain(&anchor.names).all(|&v| v == 0.0));
        }
    }

    #[test]
    fn nearest_finds_each_storys_closest_of_its_language() {
        // Stories on a circle in the first two LSA dimensions: each one's nearest are its
        // neighbours on the circle; the one non-English story has no candidate.
        let m = 12;
        let sums: Vec<StorySum> = (0..m)
            .map(|i| {
                let angle = i as f64 * std::f64::consts::TAU / m as f64;
                let mut lsa = vec![0.0; 10];
                lsa[0] = angle.cos();
                lsa[1] = angle.sin();
                StorySum {
                    id: i as u32,
                    language: u8::from(i == 5),
                    n: 1.0,
                    terms: 1.0,
                    pairs: 0.0,
            base: 0.0,
                    words: vec![(0, 1.0)],
                    names: Vec::new(),
                    lsa,
                }
            })
            .collect();
        let near = nearest(&sums, 2);
        assert!(near[5].is_empty());
        assert!(near[0].contains(&1) && near[0].contains(&11));
        assert!(near[4].contains(&3) && !near[4].contains(&5));
        for (a, around) in near.iter().enumerate() {
            for &b in around {
                assert!(near[b].contains(&a), "symmetric");
            }
        }
    }

    #[test]
    fn stories_sharing_a_theme_merge_and_others_do_not() {
        // Terms 0-3: theme A; 4-7: theme B. Stories 0 and 1 are theme A with different
        // words (bridged by articles using both), story 2 is theme B.
        let arts: Vec<(u32, Vec<(u32, f32)>)> = vec![
            (0, vec![(0, 2.0), (1, 1.0)]),
            (0, vec![(0, 1.0), (1, 2.0), (2, 1.0)]),
            (0, vec![(0, 1.0), (1, 1.0), (2, 1.0), (3, 1.0)]),
            (1, vec![(2, 2.0), (3, 1.0)]),
            (1, vec![(2, 1.0), (3, 2.0), (1, 1.0)]),
            (2, vec![(4, 2.0), (5, 1.0)]),
            (2, vec![(5, 2.0), (6, 1.0), (7, 1.0)]),
            (2, vec![(4, 1.0), (6, 2.0), (7, 1.0)]),
        ];
        let members: Vec<Member<'_>> = arts
            .iter()
            .map(|(s, t)| Member {
                story: *s,
                language: 0,
                terms: t,
            })
            .collect();
        let p = Params {
            dims: 2,
            mix: 0.6,
            threshold: 0.4,
            entity_floor: -1.0,
            sample: 1000,
            neighbours: 4,
            max_small: 0,
            robust: -1.0,
            robust_drop: 0,
            min_terms: 0,
            relative: 0.0,
            relative_min: 3,
            relative_larger: 0.0,
            relative_ratio: 0.0,
        };
        let out = consolidate(&members, 3, &|_| 1.0, &|_| false, &p);
        assert_eq!(out, vec![0, 0, 2]);
        // Off: nothing moves.
        let off = consolidate(&members, 3, &|_| 1.0, &|_| false, &Params { dims: 0, ..p });
        assert_eq!(off, vec![0, 1, 2]);
        // A name floor keeps apart stories that share no name.
        let named = consolidate(
            &members,
            3,
            &|_| 1.0,
            &|t| t == 0,
            &Params {
                entity_floor: 0.05,
                ..p
            },
        );
        assert_eq!(named, vec![0, 1, 2]);
        // Two stories larger than `max_small` stay apart.
        let small = consolidate(
            &members,
            3,
            &|_| 1.0,
            &|_| false,
            &Params { max_small: 1, ..p },
        );
        assert_eq!(small, vec![0, 1, 2]);
        assert_eq!(
            consolidate(
                &members,
                3,
                &|_| 1.0,
                &|_| false,
                &Params { max_small: 2, ..p }
            ),
            vec![0, 0, 2]
        );
        // Languages never merge.
        let mut other = members.clone();
        for m in other.iter_mut().filter(|m| m.story == 1) {
            m.language = 1;
        }
        assert_eq!(
            consolidate(&other, 3, &|_| 1.0, &|_| false, &p),
            vec![0, 1, 2]
        );
        // Story 1's articles have 2 and 3 terms: it merges when the smaller side needs 5,
        // not 6.
        let terms = |min_terms| Params { min_terms, ..p };
        assert_eq!(consolidate(&members, 3, &|_| 1.0, &|_| false, &terms(5)), vec![0, 0, 2]);
        assert_eq!(consolidate(&members, 3, &|_| 1.0, &|_| false, &terms(6)), vec![0, 1, 2]);
        // The cohesion-relative merge: with an absolute threshold no link reaches (and a
        // size limit both stories exceed), stories 0 and 1 still merge when their link is
        // close enough to their own cohesion, only when both have `relative_min` articles;
        // story 2 (theme B) stays apart at any share.
        let rel = |relative, relative_min| Params {
            threshold: 2.0,
            max_small: 1,
            relative,
            relative_min,
            ..p
        };
        let run = |q: &Params| consolidate(&members, 3, &|_| 1.0, &|_| false, q);
        assert_eq!(run(&rel(0.0, 2)), vec![0, 1, 2]);
        assert_eq!(run(&rel(0.1, 2)), vec![0, 0, 2]);
        assert_eq!(run(&rel(0.1, 3)), vec![0, 1, 2]);
        assert_eq!(run(&rel(3.0, 2)), vec![0, 1, 2]);
        // The fragment merge: story 1 (2 articles) merges into story 0 (3 articles) when its
        // link is close enough to story 0's cohesion and its size is within the ratio.
        let frag = |relative_larger, relative_ratio| Params {
            relative_larger,
            relative_ratio,
            ..rel(0.0, 2)
        };
        assert_eq!(run(&frag(0.1, 1.0)), vec![0, 0, 2]);
        assert_eq!(run(&frag(0.1, 0.67)), vec![0, 0, 2]);
        assert_eq!(run(&frag(0.1, 0.5)), vec![0, 1, 2]);
        assert_eq!(run(&frag(3.0, 1.0)), vec![0, 1, 2]);
        assert_eq!(run(&frag(0.0, 1.0)), vec![0, 1, 2]);
        // Each merge is recorded with the rule it met, its link, what that rule needed and
        // the shared terms that weigh most.
        let explained = |q: &Params| consolidate_explained(&members, 3, &|_| 1.0, &|_| false, q).1;
        let absolute = explained(&p);
        assert_eq!(absolute.len(), 1, "{absolute:?}");
        let m = &absolute[0];
        assert_eq!((m.story, m.into, m.rule), (1, 0, Rule::Absolute));
        assert!(m.link >= m.needed && m.needed == f64::from(p.threshold), "{m:?}");
        assert!(!m.matched.is_empty() && m.matched.iter().all(|&t| t < 4), "theme A: {m:?}");
        let relative = explained(&rel(0.1, 2));
        assert_eq!(relative.len(), 1, "{relative:?}");
        let m = &relative[0];
        assert_eq!((m.story, m.into, m.rule), (1, 0, Rule::Relative));
        assert!(m.link >= m.needed && m.needed > 0.0 && m.needed < 2.0, "{m:?}");
        assert!(explained(&rel(3.0, 2)).is_empty());
        let fragment = explained(&frag(0.1, 1.0));
        assert_eq!(fragment.len(), 1, "{fragment:?}");
        let m = &fragment[0];
        assert_eq!((m.story, m.into, m.rule), (1, 0, Rule::Fragment));
        assert!(m.link >= m.needed && m.needed > 0.0, "{m:?}");
    }
}
