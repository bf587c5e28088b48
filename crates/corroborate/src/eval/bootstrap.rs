//! Percentile bootstrap confidence intervals of a mean, with a fixed seed so that reports are
//! reproducible byte for byte.

use crate::rng::SplitMix64;
use serde::{Deserialize, Serialize};

/// A closed interval `[lo, hi]`, serialized as a two-element array.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "[f64; 2]", into = "[f64; 2]")]
pub struct Interval {
    /// Lower bound.
    pub lo: f64,
    /// Upper bound.
    pub hi: f64,
}

impl From<[f64; 2]> for Interval {
    fn from([lo, hi]: [f64; 2]) -> Self {
        Interval { lo, hi }
    }
}

impl From<Interval> for [f64; 2] {
    fn from(i: Interval) -> Self {
        [i.lo, i.hi]
    }
}

/// The `confidence` (e.g. 0.95) percentile-bootstrap interval of the mean of `values`, from
/// `resamples` resamples with replacement drawn from a generator seeded with `seed`. Values
/// of equal length and the same seed are resampled with the same indices, so intervals of
/// different metrics are paired. Empty input gives `[0, 0]`.
pub fn bootstrap_mean_ci(values: &[f64], resamples: usize, confidence: f64, seed: u64) -> Interval {
    let n = values.len();
    if n == 0 || resamples == 0 {
        return Interval::default();
    }
    let mut rng = SplitMix64(seed);
    let mut means: Vec<f64> = (0..resamples)
        .map(|_| (0..n).map(|_| values[rng.below(n)]).sum::<f64>() / n as f64)
        .collect();
    means.sort_by(f64::total_cmp);
    let tail = (1.0 - confidence.clamp(0.0, 1.0)) / 2.0;
    Interval {
        lo: quantile(&means, tail),
        hi: quantile(&means, 1.0 - tail),
    }
}

/// Linear-interpolation quantile of sorted, non-empty data (numpy's default).
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let pos = q * (sorted.len() - 1) as f64;
    let below = pos.floor() as usize;
    let above = pos.ceil() as usize;
    let frac = pos - below as f64;
    sorted[below] + (sorted[above] - sorted[below]) * frac
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interval_contains_the_mean_and_is_deterministic() {
        let values: Vec<f64> = (0..100).map(|i| f64::from(i % 10) / 10.0).collect();
        let a = bootstrap_mean_ci(&values, 1000, 0.95, 7);
        let b = bootstrap_mean_ci(&values, 1000, 0.95, 7);
        assert_eq!(a, b);
        assert!(a.lo < 0.45 && 0.45 < a.hi, "{a:?}");
        assert!(a.hi - a.lo < 0.2);
        assert_ne!(a, bootstrap_mean_ci(&values, 1000, 0.95, 8));
    }

    #[test]
    fn constant_values_give_a_point_interval() {
        assert_eq!(
            bootstrap_mean_ci(&[0.5; 10], 100, 0.95, 1),
            Interval { lo: 0.5, hi: 0.5 }
        );
        assert_eq!(bootstrap_mean_ci(&[], 100, 0.95, 1), Interval::default());
    }

    #[test]
    fn serializes_as_a_pair() {
        let json = serde_json::to_string(&Interval { lo: 0.25, hi: 0.5 }).expect("serializes");
        assert_eq!(json, "[0.25,0.5]");
    }
}
