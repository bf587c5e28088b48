//! The support decision: a logistic regression over cheap features of a claim and the best
//! sentence of another document (see [`FEATURES`]).
//!
//! Trained on the development half of the hand labels (`data/labels/support-dev.jsonl`,
//! `yes` against `no` and `contradicts`; `partial` left out), the threshold chosen by
//! leave-one-cluster-out cross-validation inside that half; the held-out half was scored once,
//! after. The constants below are printed by
//!
//! ```text
//! SHARED_DIR=../shared cargo run --release -p corroborate-lab --bin support_fit
//! ```

/// Number of features.
pub const N: usize = 14;

/// What each feature measures, in order; each is 0 to 1. "Paraphrase-aware" terms have news
/// paraphrases merged and wire datelines left out; shares are weighted by inverse sentence
/// frequency in the cluster.
pub const FEATURES: [&str; N] = [
    // Share of the claim's terms in the candidate.
    "containment",
    // Share of the candidate's terms in the claim.
    "reverse_containment",
    // Cosine of the two term sets.
    "cosine",
    // Share of the claim's paraphrase-aware terms in the candidate.
    "paraphrase_containment",
    // Lead of the candidate's paraphrase-aware match score over its document's second best.
    "margin",
    // Paraphrase-aware terms shared, a tenth each, at most 1.
    "shared_terms",
    // Share of the claim's named entities the candidate names (1 when the claim names none).
    "entity_share",
    // The candidate names the claim's first entity, its people and every entity of it that
    // the candidate's document names anywhere.
    "core_entities",
    // The claim counts something ("14 people") with a number the candidate does not give.
    "count_left_out",
    // The two sentences are each other's best match in their documents.
    "mutual_best",
    // Share of the claim's paraphrase-aware terms in the candidate and its two neighbours.
    "window_containment",
    // Mean paraphrase-aware match score of the claim's best sentences in all other documents.
    "breadth",
    // The candidate's match score over the best one among all other documents.
    "rank",
    // Days between the two documents' publication dates, a week or more as 1 (0 unknown).
    "days_apart",
];

/// Index of `mutual_best` in [`FEATURES`]: the one costly feature, computed only when it can
/// change the decision.
pub(super) const MUTUAL: usize = 9;

/// Weights of [`FEATURES`].
pub const WEIGHTS: [f64; N] = [
    1.4194,  // containment
    0.5797,  // reverse_containment
    0.9067,  // cosine
    1.0492,  // paraphrase_containment
    1.0912,  // margin
    2.5819,  // shared_terms
    1.1972,  // entity_share
    0.4051,  // core_entities
    -0.4372, // count_left_out
    0.3348,  // mutual_best
    1.4540,  // window_containment
    1.6358,  // breadth
    0.6083,  // rank
    -1.5919, // days_apart
];

/// Intercept.
pub const BIAS: f64 = -4.5958;

/// Smallest probability for a document to support a claim: the lowest at which the pooled
/// cross-validated precision on the development half is 0.92 or more.
pub const THRESHOLD: f64 = 0.6310;

/// The log-odds of support for these features.
pub fn log_odds(features: &[f64; N]) -> f64 {
    BIAS + WEIGHTS
        .iter()
        .zip(features)
        .map(|(w, x)| w * x)
        .sum::<f64>()
}

/// The probability of support for these features.
pub fn probability(features: &[f64; N]) -> f64 {
    1.0 / (1.0 + (-log_odds(features)).exp())
}
