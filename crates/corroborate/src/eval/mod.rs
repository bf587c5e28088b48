//! Eval: ROUGE compatible with the reference scorers, dataset runs and speed reports.
//!
//! - [`RougeScoreScorer`]: Google's `rouge-score` 0.1.2 (ROUGE-1/2/L/Lsum).
//! - [`Rouge155`]: the official ROUGE-1.5.5 Perl script with the DUC flags (ROUGE-1/2).
//! - [`evaluate`]: summarize every cluster of a dataset with each method, score against the
//!   cluster's references and report means, bootstrap confidence intervals and speed.
//! - [`Floors`]: minimum scores a method must keep (the CI gate).

mod bootstrap;
mod cpu_clock;
pub mod extract;
mod floors;
pub mod rouge155;
mod rouge_score;
mod run;
mod scorer;
mod scores;
pub mod update;

pub use bootstrap::{bootstrap_mean_ci, Interval};
pub use cpu_clock::CpuClock;
pub use floors::{FloorViolation, Floors};
pub use rouge155::Rouge155;
pub use rouge_score::{rouge_score_tokens, RougeScoreScorer};
pub use run::{
    evaluate, evaluate_update_with_progress, evaluate_with_progress, median, ClusterResult,
    FrInterval, MethodReport, MethodRun, Report, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED,
    DEFAULT_PASSES, PASS_SECONDS,
};
pub use scorer::{reference_lines, Scorer, ScorerKind};
pub use scores::{Prf, RougeScores, Variant};
