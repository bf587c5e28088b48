//! Tuning aid: a brute-force replica of the story grouper that scores variants in seconds.
//!
//! Features are computed once per article with the shipped [`Featurizer`]; syndicated copies
//! are taken from one run of the shipped grouper. The replica then groups the stream for each
//! variant (JSON, fields of `Variant`) and each threshold, comparing an article with every
//! story of its language instead of the inverted-index candidates.
//!
//! `cargo run --release -p corroborate-lab --example stories_replica -- FILE.jsonl... -- '{"bg_docs":1000}' ...`
//! `DEBUG=1` prints, per gold story, the sizes of the predicted stories holding its articles;
//! `ANALYZE=1` histograms of the similarities behind missed and wrong joins; `DUMP=DIR` writes
//! the features and the shipped grouper's reported stories (`SHIPPED=JSON` sets its
//! `StoryConfig`) for analysis outside Rust. The shipped
//! grouper's `StoryConfig` fields map to `thresholds`, `bg_docs`, `bg_len`; the others are
//! variants (see `Variant`).
use corroborate::sparse::merge_add;
use corroborate::stories::background::Background;
use corroborate::stories::features::Featurizer;
use corroborate::stories::index::TermTable;
use corroborate::stories::stream::StreamArticle;
use corroborate::stories::{read_story_inputs, score, stream, StoryConfig, StoryGrouper};
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
struct Variant {
    thresholds: Vec<f32>,
    /// Background pseudo-documents (0: online IDF only).
    bg_docs: f32,
    /// Typical article length in words, turning word probability into document frequency.
    bg_len: f32,
    /// Entities take the background prior of their word (as shipped).
    entity_prior: bool,
    /// "log" | "binary" | "bm25"
    tf: String,
    k1: f32,
    /// Words of the lead counted again (0: off), with this extra count multiplier.
    lead_words: usize,
    lead_extra: f32,
    entity_mult: f32,
    member_mix: f32,
    member_k: usize,
    merge_sim: f32,
    centroid_terms: usize,
    /// Threshold for an article of `n` distinct terms: `T min(1, n / len_ref)^len_alpha`
    /// (0: fixed threshold).
    len_ref: f32,
    len_alpha: f32,
    /// Ratio test: below the threshold, join the best story anyway when its similarity is
    /// at least `ratio_low` and `ratio` times the second best (0: off).
    ratio: f32,
    ratio_low: f32,
    /// Similarity divided by the story's coherence `|centroid| / members` to this power
    /// (0: off): broad stories, whose own members sit far from their centroid, are easier
    /// to join.
    coherence: f32,
    /// Drop the `+1` of the IDF.
    no_floor: bool,
    /// IDF of the whole set known in advance.
    oracle: bool,
    /// Small-story folding (0: off): a story of at most `fold_max` articles that has gone
    /// `fold_k` stream articles without a new member is folded into its nearest story of at
    /// least `fold_min` articles when their centroid cosine reaches `fold_sim`.
    fold_sim: f32,
    fold_k: usize,
    fold_max: usize,
    fold_min: usize,
    /// At the end of the stream, decide every small story still pending.
    fold_end: bool,
    /// Weight of entity features in the fold decision (1: as in joining).
    fold_entity: f32,
    /// Word-pair features (adjacent content words, stemmed, `a_b`), weighted by this
    /// multiplier (0: off); unseen in the background, so rare there.
    bigrams: f32,
    /// Size-aware join (0: off): the similarity to a story of `n` articles is shrunk toward
    /// the background similarity `shrink_bg`: `bg + (sim - bg) n / (n + shrink_n)`.
    shrink_n: f32,
    shrink_bg: f32,
    /// Size-aware join, threshold form (0: off): the threshold for a story of `n` articles
    /// is `T (1 + size_boost / n) / (1 + size_boost / 3)` (`T` at three articles).
    size_boost: f32,
}

impl Default for Variant {
    fn default() -> Self {
        Variant {
            thresholds: vec![0.22],
            bg_docs: 1000.0,
            bg_len: 400.0,
            entity_prior: true,
            tf: "log".into(),
            k1: 1.2,
            lead_words: 0,
            lead_extra: 1.0,
            entity_mult: 1.0,
            member_mix: 0.0,
            member_k: 3,
            merge_sim: 0.0,
            centroid_terms: 500,
            no_floor: false,
            oracle: false,
            len_ref: 0.0,
            len_alpha: 0.5,
            ratio: 0.0,
            ratio_low: 0.16,
            coherence: 0.0,
            fold_sim: 0.0,
            fold_k: 0,
            fold_max: 2,
            fold_min: 3,
            fold_end: false,
            fold_entity: 1.0,
            bigrams: 0.0,
            shrink_n: 0.0,
            shrink_bg: 0.0,
            size_boost: 0.0,
        }
    }
}

/// One article's features: raw counts of full text and lead, english, copy link.
struct Item {
    counts: Vec<(u32, f32)>,
    /// Word-pair counts.
    pairs: Vec<(u32, f32)>,
    lead: Vec<(u32, f32)>,
    english: bool,
    copy_of: Option<usize>,
    gold: String,
    title: String,
}

struct Set {
    name: String,
    items: Vec<Item>,
    shipped: f64,
    /// The shipped grouper's reported story per article.
    labels: Vec<u32>,
    doc_ids: Vec<String>,
}

fn counts_of(f: &[(u32, f32)]) -> Vec<(u32, f32)> {
    f.iter()
        .map(|&(t, w)| (t, (w - 1.0).exp().round()))
        .collect()
}

fn lead_text(text: &str, words: usize) -> &str {
    let mut n = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        let a = c.is_alphanumeric();
        if a && !in_word {
            n += 1;
            if n > words {
                return &text[..i];
            }
        }
        in_word = a;
    }
    text
}

/// Counts of adjacent content-word pairs (stemmed, joined by `_`), sorted by term id; a stop
/// word or sentence end breaks the chain.
fn pair_counts(
    title: Option<&str>,
    text: &str,
    table: &mut TermTable,
    stemmer: &corroborate::segment::EnglishStemmer,
) -> Vec<(u32, f32)> {
    let mut counts: std::collections::BTreeMap<u32, f32> = Default::default();
    for part in title.into_iter().chain([text]) {
        for sentence in part.split(['.', '!', '?', '\n', ';', ':']) {
            let mut prev: Option<String> = None;
            for w in sentence.split(|c: char| !c.is_alphanumeric()) {
                if w.is_empty() {
                    continue;
                }
                let lower = w.to_lowercase();
                if corroborate::lang::english::is_stop_word(&lower) {
                    prev = None;
                    continue;
                }
                let stem = stemmer.stem(&lower).into_owned();
                if let Some(p) = &prev {
                    let id = table.intern(&format!("{p}_{stem}"));
                    *counts.entry(id).or_default() += 1.0;
                }
                prev = Some(stem);
            }
        }
    }
    counts.into_iter().collect()
}

fn load(path: &str, table: &mut TermTable, lead_words: usize) -> Set {
    let stemmer = corroborate::segment::EnglishStemmer::default();
    let inputs = read_story_inputs(&[path.to_string()]);
    let (stream, _) = stream::prepare(inputs.articles);
    // `SHIPPED=JSON`: the shipped grouper's configuration (default: `StoryConfig::default()`).
    let config: StoryConfig = std::env::var("SHIPPED")
        .ok()
        .map(|j| serde_json::from_str(&j).expect("SHIPPED config JSON"))
        .unwrap_or_default();
    let mut g = StoryGrouper::new(config);
    let mut doc_ids = Vec::new();
    let mut pos: HashMap<String, usize> = HashMap::new();
    let mut pred = Vec::new();
    let mut gold = Vec::new();
    let mut fz = Featurizer::default();
    let mut items = Vec::new();
    for (i, a) in stream.iter().enumerate() {
        let StreamArticle { article, .. } = a;
        let asg = g.add_stream(a);
        pred.push(asg.story);
        gold.push(article.gold.clone().unwrap_or_default());
        pos.insert(article.id.clone(), i);
        doc_ids.push(article.id.clone());
        let f = fz.featurize(article.title.as_deref(), &article.text, table);
        let lead = fz.featurize(
            article.title.as_deref(),
            lead_text(&article.text, lead_words),
            table,
        );
        let pairs = pair_counts(article.title.as_deref(), &article.text, table, &stemmer);
        items.push(Item {
            counts: counts_of(&f.terms),
            pairs,
            lead: counts_of(&lead.terms),
            english: f.english,
            copy_of: asg.duplicate_of.as_ref().map(|d| pos[d]),
            gold: article.gold.clone().unwrap_or_default(),
            title: article
                .title
                .clone()
                .unwrap_or_else(|| article.text.chars().take(60).collect()),
        });
    }
    let reported = g.reported_stories();
    let pred: Vec<u32> = pred.iter().map(|&p| reported[p as usize]).collect();
    Set {
        name: path.rsplit('/').next().unwrap_or(path).to_string(),
        items,
        shipped: score(&pred, &gold).f1,
        labels: pred,
        doc_ids,
    }
}

struct Run<'a> {
    v: &'a Variant,
    prior: &'a [f32],
    entity: &'a [bool],
    ln_df: Vec<f32>,
    df: Vec<f32>,
    ln_docs: f32,
    docs: f32,
}

impl Run<'_> {
    fn idf(&self, t: u32) -> f32 {
        let x = self.ln_docs - self.ln_df[t as usize];
        if self.v.no_floor {
            x.max(0.0)
        } else {
            (x + 1.0).max(0.0)
        }
    }
    fn add_doc(&mut self, it: &Item) {
        if self.v.oracle {
            return;
        }
        let pairs: &[(u32, f32)] = if self.v.bigrams > 0.0 { &it.pairs } else { &[] };
        for &(t, _) in it.counts.iter().chain(pairs) {
            self.df[t as usize] += 1.0;
            let p = self.prior[t as usize];
            self.ln_df[t as usize] = (self.df[t as usize] + self.v.bg_docs * p + 1.0).ln();
        }
        self.docs += 1.0;
        self.ln_docs = (self.docs + self.v.bg_docs + 1.0).ln();
    }
    fn tf(&self, c: f32) -> f32 {
        match self.v.tf.as_str() {
            "binary" => 1.0,
            "bm25" => c * (self.v.k1 + 1.0) / (c + self.v.k1),
            _ => 1.0 + c.ln(),
        }
    }
    /// Term weights (before IDF) of an item.
    fn weights(&self, it: &Item) -> Vec<(u32, f32)> {
        let mut out = Vec::with_capacity(it.counts.len());
        let mut j = 0;
        for &(t, c) in &it.counts {
            let mut c = c;
            while j < it.lead.len() && it.lead[j].0 < t {
                j += 1;
            }
            if self.v.lead_words > 0 && j < it.lead.len() && it.lead[j].0 == t {
                c += self.v.lead_extra * it.lead[j].1;
            }
            let mut w = self.tf(c);
            if self.entity[t as usize] {
                w *= self.v.entity_mult;
            }
            if w > 0.0 {
                out.push((t, w));
            }
        }
        if self.v.bigrams > 0.0 && !it.pairs.is_empty() {
            let p: Vec<(u32, f32)> = it
                .pairs
                .iter()
                .map(|&(t, c)| (t, self.tf(c) * self.v.bigrams))
                .collect();
            out = merge_add(&out, &p, 1.0);
        }
        out
    }
}

struct St {
    centroid: Vec<(u32, f32)>,
    english: bool,
    members: Vec<Vec<(u32, f32)>>,
    alias: usize,
    majority: String,
    golds: HashMap<String, usize>,
    size: usize,
    /// Stream position of the last member.
    last: usize,
}

fn cosine_to(run: &Run, dense: &[f32], an: f32, centroid: &[(u32, f32)], ent: f32) -> f32 {
    let (mut d, mut sq) = (0f32, 0f32);
    for &(t, x) in centroid {
        let mut x = x * run.idf(t);
        if run.entity[t as usize] {
            x *= ent;
        }
        sq += x * x;
        d += dense[t as usize] * x;
    }
    if sq == 0.0 || an == 0.0 {
        0.0
    } else {
        d / (an * sq.sqrt())
    }
}

fn majority(golds: &HashMap<String, usize>) -> String {
    let mut top: Vec<(&String, &usize)> = golds.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    top.first().map(|x| x.0.clone()).unwrap_or_default()
}

/// Fold story `s` into its nearest large story if close enough; returns (target, right).
fn try_fold(
    stories: &mut [St],
    s: usize,
    v: &Variant,
    run: &Run,
    dense: &mut [f32],
) -> Option<(usize, bool)> {
    let cw: Vec<(u32, f32)> = stories[s]
        .centroid
        .iter()
        .map(|&(t, x)| {
            let e = if run.entity[t as usize] {
                v.fold_entity
            } else {
                1.0
            };
            (t, x * run.idf(t) * e)
        })
        .collect();
    let cn = cw.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    if cn == 0.0 {
        return None;
    }
    for &(t, x) in &cw {
        dense[t as usize] = x;
    }
    let mut best: Option<(usize, f32)> = None;
    for (o, st) in stories.iter().enumerate() {
        if o == s || st.alias != o || st.english != stories[s].english || st.size < v.fold_min {
            continue;
        }
        let sim = cosine_to(run, dense, cn, &st.centroid, v.fold_entity);
        if sim >= v.fold_sim && best.is_none_or(|(_, b)| sim > b) {
            best = Some((o, sim));
        }
    }
    for &(t, _) in &cw {
        dense[t as usize] = 0.0;
    }
    let (o, _) = best?;
    let right = stories[s].majority == stories[o].majority;
    let c = std::mem::take(&mut stories[s].centroid);
    stories[o].centroid = merge_add(&stories[o].centroid, &c, 1.0);
    let g = std::mem::take(&mut stories[s].golds);
    for (k, n) in g {
        *stories[o].golds.entry(k).or_default() += n;
    }
    stories[o].majority = majority(&stories[o].golds);
    stories[o].size += stories[s].size;
    stories[s].alias = o;
    Some((o, right))
}

fn group(
    set: &Set,
    v: &Variant,
    base_threshold: f32,
    prior: &[f32],
    entity: &[bool],
) -> Vec<usize> {
    let nterms = prior.len();
    let mut run = Run {
        v,
        prior,
        entity,
        ln_df: prior.iter().map(|&p| (v.bg_docs * p + 1.0).ln()).collect(),
        df: vec![0.0; nterms],
        ln_docs: (v.bg_docs + 1.0).ln(),
        docs: 0.0,
    };
    if v.oracle {
        for it in &set.items {
            if it.copy_of.is_none() {
                for &(t, _) in &it.counts {
                    run.df[t as usize] += 1.0;
                }
                run.docs += 1.0;
            }
        }
        for t in 0..nterms {
            run.ln_df[t] = (run.df[t] + 1.0).ln();
        }
        run.ln_docs = (run.docs + 1.0).ln();
    }
    let mut stories: Vec<St> = Vec::new();
    let mut label = vec![0usize; set.items.len()];
    let mut dense = vec![0f32; nterms];
    let mut diag: Vec<(f32, f32, bool, bool, bool)> = Vec::new();
    let mut due: std::collections::VecDeque<(usize, usize)> = Default::default();
    let mut folds = [0usize; 2];
    for (i, it) in set.items.iter().enumerate() {
        if let Some(o) = it.copy_of {
            label[i] = label[o];
            continue;
        }
        let w = run.weights(it);
        run.add_doc(it);
        let a: Vec<(u32, f32)> = w.iter().map(|&(t, x)| (t, x * run.idf(t))).collect();
        let an = a.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
        for &(t, x) in &a {
            dense[t as usize] = x;
        }
        let threshold = if v.len_ref > 0.0 {
            base_threshold * (w.len() as f32 / v.len_ref).min(1.0).powf(v.len_alpha)
        } else {
            base_threshold
        };
        let mut best: Option<(usize, f32)> = None;
        let (mut best_any, mut best_same) = (0f32, 0f32);
        let (mut top1, mut top2) = ((0usize, 0f32), 0f32);
        if an > 0.0 {
            for (s, st) in stories.iter().enumerate() {
                if st.alias != s || st.english != it.english {
                    continue;
                }
                let (mut d, mut sq) = (0f32, 0f32);
                for &(t, x) in &st.centroid {
                    let x = x * run.idf(t);
                    sq += x * x;
                    d += dense[t as usize] * x;
                }
                if sq == 0.0 {
                    continue;
                }
                let mut sim = d / (an * sq.sqrt());
                if v.coherence > 0.0 && st.size > 1 {
                    let coh = (sq.sqrt() / st.size as f32).min(1.0);
                    sim /= coh.powf(v.coherence);
                }
                if v.shrink_n > 0.0 {
                    let n = st.size as f32;
                    sim = v.shrink_bg + (sim - v.shrink_bg) * n / (n + v.shrink_n);
                }
                if v.member_mix > 0.0 {
                    let mut ms: Vec<f32> = st
                        .members
                        .iter()
                        .map(|m| {
                            let (mut d, mut sq) = (0f32, 0f32);
                            for &(t, x) in m {
                                let x = x * run.idf(t);
                                sq += x * x;
                                d += dense[t as usize] * x;
                            }
                            if sq > 0.0 {
                                d / (an * sq.sqrt())
                            } else {
                                0.0
                            }
                        })
                        .collect();
                    ms.sort_by(|a, b| b.total_cmp(a));
                    let k = v.member_k.min(ms.len()).max(1);
                    let mean = ms.iter().take(k).sum::<f32>() / k as f32;
                    sim = (1.0 - v.member_mix) * sim + v.member_mix * mean;
                }
                best_any = best_any.max(sim);
                if sim > top1.1 {
                    top2 = top1.1;
                    top1 = (s, sim);
                } else if sim > top2 {
                    top2 = sim;
                }
                if st.majority == it.gold {
                    best_same = best_same.max(sim);
                }
                let th = if v.size_boost != 0.0 {
                    threshold * (1.0 + v.size_boost / st.size as f32) / (1.0 + v.size_boost / 3.0)
                } else {
                    threshold
                };
                if sim >= th && best.is_none_or(|(_, b)| sim > b) {
                    best = Some((s, sim));
                }
            }
        }
        for &(t, _) in &a {
            dense[t as usize] = 0.0;
        }
        if best.is_none() && v.ratio > 0.0 && top1.1 >= v.ratio_low && top1.1 >= v.ratio * top2 {
            best = Some(top1);
        }
        let s = match best {
            Some((s, _)) => s,
            None => {
                stories.push(St {
                    centroid: Vec::new(),
                    english: it.english,
                    members: Vec::new(),
                    alias: stories.len(),
                    majority: String::new(),
                    golds: HashMap::new(),
                    size: 0,
                    last: i,
                });
                stories.len() - 1
            }
        };
        let scale = if an > 0.0 { 1.0 / an } else { 0.0 };
        let st = &mut stories[s];
        st.size += 1;
        st.last = i;
        st.centroid = merge_add(&st.centroid, &w, scale);
        if v.member_mix > 0.0 {
            st.members.push(w.clone());
        }
        let max = v.centroid_terms.max(1);
        if st.centroid.len() > 2 * max {
            let mut keyed: Vec<(f32, u32, f32)> = st
                .centroid
                .iter()
                .map(|&(t, x)| (x * run.idf(t), t, x))
                .collect();
            keyed.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            keyed.truncate(max);
            let mut kept: Vec<(u32, f32)> = keyed.into_iter().map(|(_, t, x)| (t, x)).collect();
            kept.sort_by_key(|x| x.0);
            st.centroid = kept;
        }
        label[i] = s;
        let known = stories.iter().any(|st| st.majority == it.gold);
        diag.push((
            best_any,
            best_same,
            best.is_some(),
            known,
            stories[s].majority == it.gold,
        ));
        {
            let st = &mut stories[s];
            *st.golds.entry(it.gold.clone()).or_default() += 1;
            let mut top: Vec<(&String, &usize)> = st.golds.iter().collect();
            top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            st.majority = top[0].0.clone();
        }
        if v.fold_sim > 0.0 {
            due.push_back((i + v.fold_k, s));
            while due.front().is_some_and(|&(d, _)| d <= i) {
                let (d, f) = due.pop_front().expect("front");
                let st = &stories[f];
                if st.alias != f || st.last + v.fold_k != d || st.size > v.fold_max {
                    continue;
                }
                if let Some((_, right)) = try_fold(&mut stories, f, v, &run, &mut dense) {
                    folds[usize::from(right)] += 1;
                }
            }
        }
        if v.merge_sim > 0.0 {
            let c = stories[s].centroid.clone();
            let cw: Vec<(u32, f32)> = c.iter().map(|&(t, x)| (t, x * run.idf(t))).collect();
            let cn = cw.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
            for &(t, x) in &cw {
                dense[t as usize] = x;
            }
            let mut target = None;
            for (o, st) in stories.iter().enumerate() {
                if o == s || st.alias != o || st.english != stories[s].english {
                    continue;
                }
                let (mut d, mut sq) = (0f32, 0f32);
                for &(t, x) in &st.centroid {
                    let x = x * run.idf(t);
                    sq += x * x;
                    d += dense[t as usize] * x;
                }
                if sq > 0.0 && cn > 0.0 && d / (cn * sq.sqrt()) >= v.merge_sim {
                    target = Some(o);
                    break;
                }
            }
            for &(t, _) in &cw {
                dense[t as usize] = 0.0;
            }
            if let Some(o) = target {
                let c = std::mem::take(&mut stories[s].centroid);
                let m = std::mem::take(&mut stories[s].members);
                stories[o].centroid = merge_add(&stories[o].centroid, &c, 1.0);
                stories[o].members.extend(m);
                stories[s].alias = o;
            }
        }
    }
    if v.fold_sim > 0.0 && v.fold_end {
        while let Some((d, f)) = due.pop_front() {
            let st = &stories[f];
            if st.alias != f || st.last + v.fold_k != d || st.size > v.fold_max {
                continue;
            }
            if let Some((_, right)) = try_fold(&mut stories, f, v, &run, &mut dense) {
                folds[usize::from(right)] += 1;
            }
        }
    }
    if v.fold_sim > 0.0 {
        eprintln!("  folds: {} right, {} wrong", folds[1], folds[0]);
    }
    if std::env::var_os("ANALYZE").is_some() {
        let hist = |xs: Vec<f32>| {
            let mut h = [0usize; 8];
            for x in &xs {
                h[((x / 0.05) as usize).min(7)] += 1;
            }
            format!("{} {:?}", xs.len(), h)
        };
        // Articles that started a story although their gold story had one: best same-gold sim.
        let missed: Vec<f32> = diag.iter().filter(|d| !d.2 && d.3).map(|d| d.1).collect();
        let wrong: Vec<f32> = diag.iter().filter(|d| d.2 && !d.4).map(|d| d.0).collect();
        let wrong_alt: Vec<f32> = diag
            .iter()
            .filter(|d| d.2 && !d.4 && d.3)
            .map(|d| d.1)
            .collect();
        let right: Vec<f32> = diag.iter().filter(|d| d.2 && d.4).map(|d| d.0).collect();
        println!(
            "  new story though gold had one (best same-gold sim, bins of 0.05): {}",
            hist(missed)
        );
        println!("  joined a wrong story (its sim): {}", hist(wrong));
        println!(
            "  ... of which same-gold story existed (its sim): {}",
            hist(wrong_alt)
        );
        println!("  joined a right story (its sim): {}", hist(right));
    }
    // Resolve merged stories.
    label
        .iter()
        .map(|&l| {
            let mut l = l;
            while stories[l].alias != l {
                l = stories[l].alias;
            }
            l
        })
        .collect()
}

/// Offline ceiling: average-link agglomerative clustering of the whole set (nearest-neighbour
/// chain, `O(n^2)`), article vectors weighted by the IDF of the whole set (plus the
/// background when `bg_docs > 0`). Returns the merges `(a, b, similarity)`; the clusters at
/// threshold `t` are the union of the merges at or above `t` (average link is reducible, so
/// merge similarities never increase along the dendrogram).
fn average_link(
    set: &Set,
    v: &Variant,
    prior: &[f32],
    entity: &[bool],
) -> Vec<(usize, usize, f32)> {
    let nterms = prior.len();
    let mut run = Run {
        v,
        prior,
        entity,
        ln_df: vec![0.0; nterms],
        df: vec![0.0; nterms],
        ln_docs: 0.0,
        docs: 0.0,
    };
    for it in &set.items {
        if it.copy_of.is_none() {
            for &(t, _) in &it.counts {
                run.df[t as usize] += 1.0;
            }
            run.docs += 1.0;
        }
    }
    for (t, &p) in prior.iter().enumerate() {
        run.ln_df[t] = (run.df[t] + v.bg_docs * p + 1.0).ln();
    }
    run.ln_docs = (run.docs + v.bg_docs + 1.0).ln();
    let vecs: Vec<Vec<(u32, f32)>> = set
        .items
        .iter()
        .map(|it| {
            let a: Vec<(u32, f32)> = run
                .weights(it)
                .into_iter()
                .map(|(t, x)| (t, x * run.idf(t)))
                .collect();
            let n = a.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt().max(1e-12);
            a.into_iter().map(|(t, x)| (t, x / n)).collect()
        })
        .collect();
    let n = vecs.len();
    let mut sim = vec![0f32; n * n];
    let mut dense = vec![0f32; nterms];
    for i in 0..n {
        for &(t, x) in &vecs[i] {
            dense[t as usize] = x;
        }
        for j in 0..n {
            sim[i * n + j] = vecs[j].iter().map(|&(t, x)| dense[t as usize] * x).sum();
        }
        for &(t, _) in &vecs[i] {
            dense[t as usize] = 0.0;
        }
    }
    let mut active = vec![true; n];
    let mut size = vec![1f32; n];
    let mut merges = Vec::new();
    let mut chain: Vec<usize> = Vec::new();
    let mut left = n;
    while left > 1 {
        if chain.is_empty() {
            chain.push(active.iter().position(|&x| x).expect("active"));
        }
        let a = *chain.last().expect("chain");
        let prev = if chain.len() >= 2 {
            Some(chain[chain.len() - 2])
        } else {
            None
        };
        let mut best = (usize::MAX, f32::NEG_INFINITY);
        for c in 0..n {
            if c == a || !active[c] {
                continue;
            }
            let s = sim[a * n + c];
            if s > best.1 || (s == best.1 && Some(c) == prev) {
                best = (c, s);
            }
        }
        let b = best.0;
        if Some(b) == prev {
            chain.pop();
            chain.pop();
            let (na, nb) = (size[a], size[b]);
            for k in 0..n {
                if active[k] && k != a && k != b {
                    let s = (na * sim[a * n + k] + nb * sim[b * n + k]) / (na + nb);
                    sim[a * n + k] = s;
                    sim[k * n + a] = s;
                }
            }
            active[b] = false;
            size[a] = na + nb;
            merges.push((a, b, best.1));
            left -= 1;
        } else {
            chain.push(b);
        }
    }
    merges
}

fn cut(n: usize, merges: &[(usize, usize, f32)], t: f32) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for &(a, b, s) in merges {
        if s >= t {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[rb] = ra;
        }
    }
    (0..n).map(|x| find(&mut parent, x)).collect()
}

/// `DUMP=DIR`: the features for analysis outside Rust (e.g. an LSA ceiling in Python):
/// `DIR/terms.tsv` (id, entity flag, background document share at the default length, term)
/// and per set `DIR/NAME.items.jsonl` (doc_id, the shipped grouper's reported story, gold,
/// copy_of, english, raw counts, lead counts).
fn dump(dir: &std::path::Path, sets: &[Set], table: &TermTable, bg: &Background) {
    use std::io::Write;
    std::fs::create_dir_all(dir).expect("dump dir");
    let len = Variant::default().bg_len;
    let mut terms =
        std::io::BufWriter::new(std::fs::File::create(dir.join("terms.tsv")).expect("terms.tsv"));
    for t in 0..table.len() as u32 {
        let term = table.term(t);
        let p = match term.strip_prefix('@') {
            Some(name) => bg.word_document_share(name, len),
            None => bg.document_share(term, len),
        };
        writeln!(
            terms,
            "{t}\t{}\t{p:e}\t{term}",
            u8::from(table.is_entity(t))
        )
        .expect("write");
    }
    for s in sets {
        let path = dir.join(format!("{}.items.jsonl", s.name.trim_end_matches(".jsonl")));
        let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("items"));
        for (i, it) in s.items.iter().enumerate() {
            let line = serde_json::json!({
                "doc_id": s.doc_ids[i],
                "story": s.labels[i],
                "gold": it.gold,
                "copy_of": it.copy_of,
                "english": it.english,
                "counts": it.counts,
                "lead": it.lead,
            });
            writeln!(out, "{line}").expect("write");
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let split = args.iter().position(|a| a == "--").unwrap_or(args.len());
    let files = &args[..split];
    let variants: Vec<String> = if split < args.len() {
        args[split + 1..].to_vec()
    } else {
        vec!["{}".into()]
    };
    let lead_words: usize = std::env::var("LEAD")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(40);
    let mut table = TermTable::default();
    let sets: Vec<Set> = files
        .iter()
        .map(|f| load(f, &mut table, lead_words))
        .collect();
    for s in &sets {
        println!("# {} shipped F1 {:.3}", s.name, s.shipped);
    }
    let bg = Background::english();
    let entity: Vec<bool> = (0..table.len() as u32)
        .map(|t| table.is_entity(t))
        .collect();
    if let Some(dir) = std::env::var_os("DUMP") {
        dump(std::path::Path::new(&dir), &sets, &table, bg);
        return;
    }
    for vj in &variants {
        let v: Variant = serde_json::from_str(vj).expect("variant JSON");
        // The library's background (as `TermTable::with_background`), optionally without
        // the entities' prior.
        let prior: Vec<f32> = (0..table.len() as u32)
            .map(|t| match table.term(t).strip_prefix('@') {
                Some(name) if v.entity_prior => bg.word_document_share(name, v.bg_len),
                Some(_) => 0.0,
                None => bg.document_share(table.term(t), v.bg_len),
            })
            .collect();
        if std::env::var_os("OFFLINE").is_some() {
            for s in &sets {
                let merges = average_link(s, &v, &prior, &entity);
                let gold: Vec<&str> = s.items.iter().map(|i| i.gold.as_str()).collect();
                let mut best = (0.0, 0.0f32, 0usize);
                let mut line = String::new();
                for k in 2..=40 {
                    let t = k as f32 * 0.01;
                    let labels = cut(s.items.len(), &merges, t);
                    let sc = score(&labels, &gold);
                    if k % 4 == 0 {
                        line.push_str(&format!(" {t:.2}:{:.3}", sc.f1));
                    }
                    let nl = labels
                        .iter()
                        .collect::<std::collections::BTreeSet<_>>()
                        .len();
                    if sc.f1 > best.0 {
                        best = (sc.f1, t, nl);
                    }
                }
                println!(
                    "{vj} offline average link {}: best F1 {:.3} at {:.2} ({} clusters);{line}",
                    s.name, best.0, best.1, best.2
                );
            }
            continue;
        }
        for &th in &v.thresholds {
            let mut line = format!("{vj} T={th:.2}");
            for s in &sets {
                let labels = group(s, &v, th, &prior, &entity);
                let gold: Vec<&str> = s.items.iter().map(|i| i.gold.as_str()).collect();
                let sc = score(&labels, &gold);
                let n = labels
                    .iter()
                    .collect::<std::collections::BTreeSet<_>>()
                    .len();
                line.push_str(&format!(
                    " | {} P {:.3} R {:.3} F1 {:.3} n{}",
                    &s.name[..s.name.len().min(6)],
                    sc.precision,
                    sc.recall,
                    sc.f1,
                    n
                ));
                if std::env::var_os("DEBUG").is_some() {
                    let mut by: std::collections::BTreeMap<&str, HashMap<usize, usize>> =
                        Default::default();
                    for (l, it) in labels.iter().zip(&s.items) {
                        *by.entry(&it.gold).or_default().entry(*l).or_default() += 1;
                    }
                    for (g, m) in &by {
                        let mut sizes: Vec<usize> = m.values().copied().collect();
                        sizes.sort_unstable_by(|a, b| b.cmp(a));
                        let title = &s.items.iter().find(|i| i.gold == *g).expect("gold").title;
                        println!("{g}\t{sizes:?}\t{title}");
                    }
                }
            }
            println!("{line}");
        }
    }
}
