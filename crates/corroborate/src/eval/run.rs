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
//! furniture automaton and word lists (once per process) and starts its lexicon. `clusters_per_s` and `mb_per_s`
//! divide the clusters and input bytes (document texts) by the sum of those times, so they
//! are single-core throughputs.

use super::bootstrap::{bootstrap_mean_ci, Interval};
use super::cpu_clock::CpuClock;
use super::scorer::{one_line, reference_lines, Scorer, ScorerKind};
use super::scores::{Prf, RougeScores, Variant};
use crate::document::Cluster;
use crate::pipeline::Pipeline;
use crate::summarize::{Budget, Method};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Number of bootstrap resamples for confidence intervals.
pub const BOOTSTRAP_RESAMPLES: usize = 1000;
/// Seed of the bootstrap generator.
pub const BOOTSTRAP_SEED: u64 = 0x5eed_c0de;
/// Clusters summarized before they are scored (see [`evaluate_with_progress`]).
const SUMMARIZE_BLOCK: usize = 512;

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
    /// Clusters per second of preparation plus selection (single-core).
    pub clusters_per_s: f64,
    /// Input megabytes (10^6 bytes of document text) per second, same timing.
    pub mb_per_s: f64,
    /// Total seconds timed.
    pub seconds: f64,
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

/// Summarize and score every cluster with every method. See [`evaluate_with_progress`].
pub fn evaluate(
    clusters: Vec<Cluster>,
    methods: &[Method],
    budget: Budget,
    scorer: &Scorer,
) -> Report {
    evaluate_with_progress(clusters, methods, budget, scorer, &|| {})
}

/// Like [`evaluate`], calling `progress` once per finished cluster (from worker threads).
pub fn evaluate_with_progress(
    clusters: Vec<Cluster>,
    methods: &[Method],
    budget: Budget,
    scorer: &Scorer,
    progress: &(dyn Fn() + Sync),
) -> Report {
    let pipeline = Pipeline::default();
    // One-off set-up (automata, word lists, each worker's lexicon) before the clock runs.
    rayon::broadcast(|_| pipeline.warm_up());
    // A block of clusters is summarized before any of it is scored, so that the timed work
    // runs as in a real run: scoring interleaved with it evicted the summarizer's caches and
    // made the figures depend on the scorer. Blocks keep the progress bar moving.
    let mut per_cluster: Vec<ClusterResult> = Vec::with_capacity(clusters.len());
    let mut rest = clusters;
    while !rest.is_empty() {
        let tail = rest.split_off(rest.len().min(SUMMARIZE_BLOCK));
        let summarized: Vec<Summarized> = std::mem::replace(&mut rest, tail)
            .into_par_iter()
            .map(|cluster| summarize_cluster(&pipeline, cluster, methods, budget))
            .collect();
        per_cluster.par_extend(summarized.into_par_iter().map(|cluster| {
            let result = score_cluster(cluster, scorer);
            progress();
            result
        }));
    }
    let words = match budget {
        Budget::Words(n) => n,
        Budget::Sentences(_) => 0,
    };
    let methods = methods
        .iter()
        .enumerate()
        .map(|(k, &method)| aggregate(method, k, &per_cluster))
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
    cluster: Cluster,
    methods: &[Method],
    budget: Budget,
) -> Summarized {
    let input_bytes = cluster.docs.iter().map(|d| d.text.len()).sum();
    let clock = CpuClock::start();
    let prepared = pipeline.prepare(cluster);
    let prepare_seconds = clock.seconds();
    let references: Vec<String> = prepared
        .refs
        .iter()
        .map(|r| reference_lines(&r.text))
        .collect();
    let runs = methods
        .iter()
        .map(|&method| {
            let clock = CpuClock::start();
            let summary = method.summarize(&prepared, budget);
            let seconds = prepare_seconds + clock.seconds();
            let sentences: Vec<String> = summary
                .sentences
                .iter()
                .map(|&i| one_line(prepared.text(i)))
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

fn aggregate(method: Method, k: usize, per_cluster: &[ClusterResult]) -> MethodReport {
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
    let seconds: f64 = runs.iter().map(|r| r.seconds).sum();
    let bytes: usize = per_cluster.iter().map(|c| c.input_bytes).sum();
    let rate = |amount: f64| if seconds > 0.0 { amount / seconds } else { 0.0 };
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
