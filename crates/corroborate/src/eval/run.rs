//! Dataset runs: summarize every cluster with each method, score against the references,
//! aggregate means, bootstrap confidence intervals and speed.
//!
//! Clusters are processed in parallel (rayon); results are collected in cluster order, so a
//! report is the same whatever the number of threads, except for the timings.
//!
//! What is timed: for each cluster, [`Pipeline::prepare`] (cleaning and segmentation, done
//! once per cluster and charged to every method) plus the method's sentence selection, as
//! measured on the worker thread. Clusters are summarized in blocks before they are scored,
//! and scoring is not timed. One-off set-up is not timed either: each worker first prepares
//! and summarizes a short invented report ([`Pipeline::warm_up`]), which builds the
//! furniture automaton and word lists (once per process) and starts its lexicon. A pass's
//! rate divides the clusters and input bytes (document texts) by the sum of those times, so
//! it is a single-core throughput.
//!
//! Passes: the first pass gives the summaries that are scored. A single pass of a fast
//! method over a small set lasts a tenth of a second, and on a shared or virtual machine
//! such a short interval varies by half from one run to the next; so a method is timed over
//! further passes of the whole set (summaries discarded) while its passes so far have taken
//! less than [`PASS_SECONDS`] of CPU, up to the `passes` asked for, and the reported rate is
//! the median pass's. The first pass's rate is reported as well: it is the coldest (each
//! worker's lexicon is still learning the set's words).

use super::bootstrap::{bootstrap_mean_ci, Interval};
use super::cpu_clock::CpuClock;
use super::scorer::{one_line, reference_lines, Scorer, ScorerKind};
use super::scores::{Prf, RougeScores, Variant};
use crate::document::Cluster;
use crate::pipeline::Pipeline;
use crate::prepared::PreparedCluster;
use crate::summarize::{Budget, Method, Seen, SeenProfile, Summary};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Number of bootstrap resamples for confidence intervals.
pub const BOOTSTRAP_RESAMPLES: usize = 1000;
/// Seed of the bootstrap generator.
pub const BOOTSTRAP_SEED: u64 = 0x5eed_c0de;
/// Clusters summarized before they are scored (see [`evaluate_with_progress`]).
const SUMMARIZE_BLOCK: usize = 512;
/// Passes the `eval` command times by default (see the module documentation).
pub const DEFAULT_PASSES: usize = 5;
/// A method is timed over further passes while its passes so far took less CPU time than
/// this (so slow methods on large sets are not repeated).
pub const PASS_SECONDS: f64 = 1.0;

/// One method's output and scores on one cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MethodRun {
    /// The method.
    pub method: Method,
    /// Summary sentences in reading order, each on one line.
    pub sentences: Vec<String>,
    /// White-space separated words in the summary.
    pub words: usize,
    /// Scores against the cluster's references.
    pub scores: RougeScores,
    /// Seconds spent preparing the cluster plus selecting sentences.
    pub seconds: f64,
}

impl MethodRun {
    /// The summary as scored: one sentence per line.
    pub fn text(&self) -> String {
        self.sentences.join("\n")
    }
}

/// Every method's run on one cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterResult {
    /// Cluster id.
    pub id: String,
    /// Bytes of document text.
    pub input_bytes: usize,
    /// The reference summaries as scored: one sentence per line.
    pub references: Vec<String>,
    /// One run per method, in the order the methods were given.
    pub runs: Vec<MethodRun>,
}

/// 95% bootstrap intervals of the mean F1 and recall of one variant.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct FrInterval {
    /// Interval of the mean F1.
    pub f: Interval,
    /// Interval of the mean recall.
    pub r: Interval,
}

/// Aggregates of one method over the dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MethodReport {
    /// The method.
    pub method: Method,
    /// Mean scores (P, R and F averaged over clusters).
    #[serde(flatten)]
    pub scores: RougeScores,
    /// 95% bootstrap intervals per variant (`rouge1`, ...), over clusters.
    pub ci95: BTreeMap<String, FrInterval>,
    /// Mean words per summary.
    pub mean_words: f64,
    /// Clusters per second of preparation plus selection (single-core), in the median
    /// timed pass.
    pub clusters_per_s: f64,
    /// Input megabytes (10^6 bytes of document text) per second, same timing.
    pub mb_per_s: f64,
    /// Seconds of the median timed pass.
    pub seconds: f64,
    /// Passes timed over the dataset (the first is the scored one).
    pub passes: usize,
    /// Clusters per second in the first (scored, coldest) pass.
    pub first_pass_clusters_per_s: f64,
}

/// The result of [`evaluate`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Dataset name (set by the caller; empty by default).
    pub dataset: String,
    /// Clusters evaluated.
    pub clusters: usize,
    /// Word budget.
    pub words: usize,
    /// Scorer used.
    pub scorer: ScorerKind,
    /// One report per method, in the order given.
    pub methods: Vec<MethodReport>,
    /// Per-cluster results, in dataset order.
    #[serde(skip)]
    pub per_cluster: Vec<ClusterResult>,
}

/// Summarize and score every cluster with every method, timing one pass. See
/// [`evaluate_with_progress`].
pub fn evaluate(
    clusters: Vec<Cluster>,
    methods: &[Method],
    budget: Budget,
    scorer: &Scorer,
) -> Report {
    evaluate_with_progress(clusters, methods, budget, scorer, 1, &|| {})
}

/// Like [`evaluate`], timing up to `passes` passes (at least one; see the module
/// documentation) and calling `progress` once per scored cluster (from worker threads).
pub fn evaluate_with_progress(
    clusters: Vec<Cluster>,
    methods: &[Method],
    budget: Budget,
    scorer: &Scorer,
    passes: usize,
    progress: &(dyn Fn() + Sync),
) -> Report {
    let clusters = clusters.into_iter().map(|c| (c, None)).collect();
    evaluate_update_with_progress(clusters, methods, budget, scorer, passes, progress)
}

/// Like [`evaluate_with_progress`] for the update task: each cluster comes with the articles
/// its reader has already read (`None`: nothing), and every method runs in update mode
/// ([`Method::summarize_seen`]).
///
/// The reader read the earlier articles when their own batch came out: an earlier article
/// that is one of the set's clusters' articles is prepared with that cluster and profiled
/// once ([`SeenProfile`]), and every later batch reuses the profile, as an application
/// keeping what its reader saw would. A cluster's time is then its own preparation, the
/// profiling of each of its earlier articles (charged again to every batch that reads it),
/// building its [`Seen`] from the profiles, and the selection. Earlier articles the set's
/// clusters do not hold are prepared with the cluster, and timed with it.
pub fn evaluate_update_with_progress(
    clusters: Vec<(Cluster, Option<Cluster>)>,
    methods: &[Method],
    budget: Budget,
    scorer: &Scorer,
    passes: usize,
    progress: &(dyn Fn() + Sync),
) -> Report {
    let pipeline = Pipeline::default();
    // One-off set-up (automata, word lists, each worker's lexicon) before the clock runs.
    rayon::broadcast(|_| pipeline.warm_up());
    let profiles = Profiles::new(&pipeline, &clusters);
    let again: Vec<(Cluster, Option<Cluster>)> = if passes > 1 {
        clusters.clone()
    } else {
        Vec::new()
    };
    // A block of clusters is summarized before any of it is scored, so that the timed work
    // runs as in a real run: scoring interleaved with it evicted the summarizer's caches and
    // made the figures depend on the scorer. Blocks keep the progress bar moving.
    let mut per_cluster: Vec<ClusterResult> = Vec::with_capacity(clusters.len());
    let mut rest = clusters;
    while !rest.is_empty() {
        let tail = rest.split_off(rest.len().min(SUMMARIZE_BLOCK));
        let summarized: Vec<Summarized> = std::mem::replace(&mut rest, tail)
            .into_par_iter()
            .map(|cluster| summarize_cluster(&pipeline, &profiles, cluster, methods, budget))
            .collect();
        per_cluster.par_extend(summarized.into_par_iter().map(|cluster| {
            let result = score_cluster(cluster, scorer);
            progress();
            result
        }));
    }
    // Per method, the seconds of each timed pass (summed over clusters).
    let mut pass_seconds: Vec<Vec<f64>> = (0..methods.len())
        .map(|k| vec![per_cluster.iter().map(|c| c.runs[k].seconds).sum::<f64>()])
        .collect();
    for _ in 1..passes {
        let timed: Vec<usize> = (0..methods.len())
            .filter(|&k| pass_seconds[k].iter().sum::<f64>() < PASS_SECONDS)
            .collect();
        if timed.is_empty() {
            break;
        }
        let chosen: Vec<Method> = timed.iter().map(|&k| methods[k]).collect();
        let seconds: Vec<Vec<f64>> = again
            .par_iter()
            .map(|cluster| {
                let cluster = cluster.clone();
                run_methods(&pipeline, &profiles, cluster, &chosen, budget)
                    .1
                    .into_iter()
                    .map(|(_, seconds)| seconds)
                    .collect()
            })
            .collect();
        for (j, &k) in timed.iter().enumerate() {
            pass_seconds[k].push(seconds.iter().map(|s| s[j]).sum());
        }
    }
    let words = match budget {
        Budget::Words(n) => n,
        Budget::Sentences(_) => 0,
    };
    let methods = methods
        .iter()
        .enumerate()
        .map(|(k, &method)| aggregate(method, k, &per_cluster, &pass_seconds[k]))
        .collect();
    Report {
        dataset: String::new(),
        clusters: per_cluster.len(),
        words,
        scorer: scorer.kind(),
        methods,
        per_cluster,
    }
}

/// One cluster's summaries by every method, before scoring.
struct Summarized {
    id: String,
    input_bytes: usize,
    references: Vec<String>,
    /// Per method: summary lines, words, and seconds of preparation plus selection.
    runs: Vec<(Method, Vec<String>, usize, f64)>,
}

fn summarize_cluster(
    pipeline: &Pipeline,
    profiles: &Profiles,
    cluster: (Cluster, Option<Cluster>),
    methods: &[Method],
    budget: Budget,
) -> Summarized {
    let input_bytes = cluster.0.docs.iter().map(|d| d.text.len()).sum();
    let (prepared, summaries) = run_methods(pipeline, profiles, cluster, methods, budget);
    let references: Vec<String> = prepared
        .refs
        .iter()
        .map(|r| reference_lines(&r.text))
        .collect();
    let runs = methods
        .iter()
        .zip(summaries)
        .map(|(&method, (summary, seconds))| {
            let sentences: Vec<String> = summary
                .sentences
                .iter()
                .map(|&i| one_line(&crate::summarize::display_text(prepared.text(i))))
                .collect();
            let words = summary
                .sentences
                .iter()
                .map(|&i| prepared.sentences[i].words)
                .sum();
            (method, sentences, words, seconds)
        })
        .collect();
    Summarized {
        id: prepared.id,
        input_bytes,
        references,
        runs,
    }
}

/// The profile of every article of an update set's clusters, by article id (the first
/// cluster holding an id wins), with the seconds its profiling took; empty for a set with no
/// earlier articles.
#[derive(Debug, Default)]
struct Profiles(BTreeMap<String, (SeenProfile, f64)>);

impl Profiles {
    /// Each cluster prepared as its own plain run prepares it (not timed: that is the
    /// earlier runs' work), then each of its articles profiled (timed).
    fn new(pipeline: &Pipeline, clusters: &[(Cluster, Option<Cluster>)]) -> Profiles {
        if clusters.iter().all(|(_, earlier)| earlier.is_none()) {
            return Profiles::default();
        }
        let per_cluster: Vec<Vec<(String, SeenProfile, f64)>> = clusters
            .par_iter()
            .map(|(cluster, _)| {
                let prepared = pipeline.prepare(cluster.clone());
                (0..prepared.docs.len())
                    .map(|d| {
                        let clock = CpuClock::start();
                        let profile = SeenProfile::of_docs(&prepared, d..d + 1);
                        (prepared.docs[d].id.clone(), profile, clock.seconds())
                    })
                    .collect()
            })
            .collect();
        let mut map = BTreeMap::new();
        for (id, profile, seconds) in per_cluster.into_iter().flatten() {
            map.entry(id).or_insert((profile, seconds));
        }
        Profiles(map)
    }

    /// What the reader of `earlier` has seen, from `cluster`, and the seconds it took (the
    /// articles' profiling included); `None` when an article of `earlier` was not profiled.
    fn seen(&self, cluster: &PreparedCluster, earlier: &Cluster) -> Option<(Seen, f64)> {
        let found: Option<Vec<&(SeenProfile, f64)>> =
            earlier.docs.iter().map(|d| self.0.get(&d.id)).collect();
        let found = found?;
        let clock = CpuClock::start();
        let list: Vec<&SeenProfile> = found.iter().map(|(p, _)| p).collect();
        let seen = Seen::from_profiles(cluster, &list);
        let profiling: f64 = found.iter().map(|(_, s)| s).sum();
        Some((seen, profiling + clock.seconds()))
    }
}

/// Prepare `cluster` (and, in update mode, what its reader has seen: see [`Profiles`]) and
/// summarize it with each method, timing each method's share: the preparation (done once,
/// charged to every method) plus its selection.
fn run_methods(
    pipeline: &Pipeline,
    profiles: &Profiles,
    (cluster, earlier): (Cluster, Option<Cluster>),
    methods: &[Method],
    budget: Budget,
) -> (PreparedCluster, Vec<(Summary, f64)>) {
    let clock = CpuClock::start();
    let prepared = pipeline.prepare(cluster);
    let mut prepare_seconds = clock.seconds();
    let seen = earlier.map(|e| match profiles.seen(&prepared, &e) {
        Some((seen, seconds)) => {
            prepare_seconds += seconds;
            seen
        }
        None => {
            let clock = CpuClock::start();
            let seen = Seen::new(&prepared, &pipeline.prepare(e));
            prepare_seconds += clock.seconds();
            seen
        }
    });
    let summaries = methods
        .iter()
        .map(|&method| {
            let clock = CpuClock::start();
            let summary = match &seen {
                Some(seen) => method.summarize_seen(&prepared, seen, budget),
                None => method.summarize(&prepared, budget),
            };
            (summary, prepare_seconds + clock.seconds())
        })
        .collect();
    (prepared, summaries)
}

fn score_cluster(cluster: Summarized, scorer: &Scorer) -> ClusterResult {
    let refs: Vec<&str> = cluster.references.iter().map(String::as_str).collect();
    let runs = cluster
        .runs
        .into_iter()
        .map(|(method, sentences, words, seconds)| {
            let scores = scorer.score_lines(&sentences.join("\n"), &refs);
            MethodRun {
                method,
                sentences,
                words,
                scores,
                seconds,
            }
        })
        .collect();
    ClusterResult {
        id: cluster.id,
        input_bytes: cluster.input_bytes,
        references: cluster.references,
        runs,
    }
}

/// The median of `values` (the mean of the middle two for an even count; 0 when empty).
pub fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn aggregate(
    method: Method,
    k: usize,
    per_cluster: &[ClusterResult],
    pass_seconds: &[f64],
) -> MethodReport {
    let runs: Vec<&MethodRun> = per_cluster.iter().map(|c| &c.runs[k]).collect();
    let n = runs.len();
    let mean_of = |variant: Variant| -> Option<Prf> {
        let all: Option<Vec<Prf>> = runs.iter().map(|r| r.scores.get(variant)).collect();
        all.map(|v| Prf::mean(&v))
    };
    let scores = RougeScores {
        rouge1: mean_of(Variant::Rouge1).unwrap_or_default(),
        rouge2: mean_of(Variant::Rouge2).unwrap_or_default(),
        rouge_l: mean_of(Variant::RougeL),
        rouge_lsum: mean_of(Variant::RougeLsum),
        rouge_su4: mean_of(Variant::RougeSu4),
    };
    let mut ci95 = BTreeMap::new();
    for variant in Variant::ALL {
        if scores.get(variant).is_none() {
            continue;
        }
        let series = |field: fn(&Prf) -> f64| -> Vec<f64> {
            runs.iter()
                .map(|r| r.scores.get(variant).as_ref().map_or(0.0, field))
                .collect()
        };
        let ci = |values: Vec<f64>| {
            bootstrap_mean_ci(&values, BOOTSTRAP_RESAMPLES, 0.95, BOOTSTRAP_SEED)
        };
        ci95.insert(
            variant.name().to_string(),
            FrInterval {
                f: ci(series(|p| p.f)),
                r: ci(series(|p| p.r)),
            },
        );
    }
    let seconds = median(pass_seconds);
    let bytes: usize = per_cluster.iter().map(|c| c.input_bytes).sum();
    let per = |amount: f64, seconds: f64| if seconds > 0.0 { amount / seconds } else { 0.0 };
    let rate = |amount: f64| per(amount, seconds);
    MethodReport {
        method,
        scores,
        ci95,
        mean_words: if n == 0 {
            0.0
        } else {
            runs.iter().map(|r| r.words as f64).sum::<f64>() / n as f64
        },
        clusters_per_s: rate(n as f64),
        mb_per_s: rate(bytes as f64 / 1e6),
        seconds,
        passes: pass_seconds.len(),
        first_pass_clusters_per_s: per(n as f64, pass_seconds.first().copied().unwrap_or(0.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Reference};

    fn cluster(id: &str) -> Cluster {
        Cluster {
            id: id.to_string(),
            docs: vec![
                Document::from_text(
                    "a",
                    "A storm hit the coast on Monday. Ten homes were damaged by the wind.",
                ),
                Document::from_text(
                    "b",
                    "The storm damaged ten homes on Monday. Officials said repairs begin soon.",
                ),
            ],
            refs: vec![Reference {
                id: "r".into(),
                text: "A storm damaged ten homes on the coast on Monday.".into(),
            }],
            topic: None,
        }
    }

    #[test]
    fn report_is_ordered_and_deterministic() {
        let scorer = Scorer::new(ScorerKind::RougeScore, Some(20));
        let clusters = vec![cluster("one"), cluster("two"), cluster("three")];
        let a = evaluate(
            clusters.clone(),
            &[Method::Lead],
            Budget::Words(20),
            &scorer,
        );
        let b = evaluate(clusters, &[Method::Lead], Budget::Words(20), &scorer);
        let ids: Vec<&str> = a.per_cluster.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["one", "two", "three"]);
        assert_eq!(a.methods[0].scores, b.methods[0].scores);
        assert_eq!(a.methods[0].ci95, b.methods[0].ci95);
        let m = &a.methods[0];
        assert!(m.scores.rouge1.f > 0.3 && m.scores.rouge1.f <= 1.0);
        assert!(m.mean_words > 0.0 && m.mean_words <= 20.0);
        let ci = m.ci95["rouge1"].f;
        assert!(ci.lo <= m.scores.rouge1.f && m.scores.rouge1.f <= ci.hi);
    }

    #[test]
    fn further_passes_are_timed_and_the_scores_come_from_the_first() {
        let scorer = Scorer::new(ScorerKind::RougeScore, Some(20));
        let clusters = vec![cluster("one"), cluster("two")];
        let methods = [Method::SupportCoverage, Method::Lead];
        let once = evaluate(clusters.clone(), &methods, Budget::Words(20), &scorer);
        let thrice =
            evaluate_with_progress(clusters, &methods, Budget::Words(20), &scorer, 3, &|| {});
        for (a, b) in once.methods.iter().zip(&thrice.methods) {
            assert_eq!(a.passes, 1);
            // Two tiny clusters take far less than PASS_SECONDS: every pass is timed.
            assert_eq!(b.passes, 3);
            assert_eq!(a.scores, b.scores);
            assert_eq!(a.ci95, b.ci95);
            assert!(b.seconds > 0.0 && b.clusters_per_s > 0.0 && b.first_pass_clusters_per_s > 0.0);
            assert!((b.clusters_per_s * b.seconds - 2.0).abs() < 1e-9);
        }
        assert_eq!(once.per_cluster, {
            let mut p = thrice.per_cluster.clone();
            for (c, o) in p.iter_mut().zip(&once.per_cluster) {
                for (r, ro) in c.runs.iter_mut().zip(&o.runs) {
                    r.seconds = ro.seconds;
                }
            }
            p
        });
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[]), 0.0);
        assert_eq!(median(&[3.0]), 3.0);
        assert_eq!(median(&[5.0, 1.0, 3.0]), 3.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median(&[0.2, 9.0, 0.1, 0.3, 0.25]), 0.25);
    }

    #[test]
    fn rouge155_reports_no_lcs_variants() {
        let scorer = Scorer::new(ScorerKind::Rouge155, Some(20));
        let report = evaluate(
            vec![cluster("x")],
            &[Method::Lead],
            Budget::Words(20),
            &scorer,
        );
        let m = &report.methods[0];
        assert!(m.scores.rouge_l.is_none() && m.scores.rouge_lsum.is_none());
        assert!(!m.ci95.contains_key("rougeL"));
        let json = serde_json::to_value(&report).expect("serializes");
        assert!(json["methods"][0]["rougeL"].is_null());
        assert!(json["methods"][0]["rouge1"]["f"].as_f64().is_some());
    }
}
