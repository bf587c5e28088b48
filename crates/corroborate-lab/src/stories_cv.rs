//! Cross-validation of the story grouper across labelled streams: for each stream, a
//! configuration of a small grid chosen on the *other* streams (mean B-cubed F1, differences
//! under [`TOLERANCE`] counted as ties that the point nearest the default wins) is run on it,
//! so each figure is that of a stream the choice never saw.
//!
//! The grid varies only the grouper's few main knobs ([`GRID`]) on top of
//! [`StoryConfig::default`], which is always the grid's first point; the in-sample figure of
//! a stream is the default's. Each stream is read and ordered once and every grid point
//! reuses it; grid points run on `threads` threads (each grouping is single-threaded and
//! deterministic, so the table does not depend on the thread count).

use corroborate::stories::stream::{self, StreamArticle};
use corroborate::stories::{read_story_inputs, score, ClusterScores, StoryConfig, StoryGrouper};
use serde::Serialize;
use serde_json::Value;

/// The grid's axes: a `StoryConfig` field and the values it takes. The grid is their
/// product, each point on top of the default configuration.
pub const GRID: &[(&str, &[f64])] = &[
    ("threshold", &[0.08, 0.16]),
    ("robust_threshold", &[0.24, 0.3]),
    ("consolidate_robust", &[0.03, 0.1]),
    ("consolidate_min_terms", &[45.0, 0.0]),
    ("consolidate_relative", &[0.9, 0.0]),
    ("consolidate_relative_larger", &[0.7, 0.0]),
];

/// One labelled stream, read and ordered once.
#[derive(Debug, Clone)]
pub struct Stream {
    /// Its file name without directory and extension.
    pub name: String,
    /// The articles in stream order.
    pub articles: Vec<StreamArticle>,
    /// Gold story per article (an unlabelled article is a story of its own).
    pub gold: Vec<String>,
}

impl Stream {
    /// Read a labelled article JSONL file.
    pub fn read(path: &str) -> Stream {
        let inputs = read_story_inputs(&[path.to_string()]);
        let (articles, _) = stream::prepare(inputs.articles);
        let gold = articles.iter().map(|a| a.article.gold_label()).collect();
        let name = std::path::Path::new(path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.to_string());
        Stream {
            name,
            articles,
            gold,
        }
    }

    /// Group the stream with `config` and score the stories reported at its end.
    pub fn score(&self, config: &StoryConfig) -> ClusterScores {
        let mut grouper = StoryGrouper::new(config.clone());
        let mut predicted: Vec<u32> = self
            .articles
            .iter()
            .map(|a| grouper.add_stream(a).story)
            .collect();
        let reported = grouper.reported_stories();
        for p in &mut predicted {
            *p = reported[*p as usize];
        }
        score(&predicted, &self.gold)
    }
}

/// One grid point: the fields it sets (empty for the default) and the configuration.
#[derive(Debug, Clone)]
pub struct GridPoint {
    /// `field=value` of each axis where it differs from the default.
    pub label: String,
    /// The full configuration.
    pub config: StoryConfig,
    /// Axes whose value differs from the default's (0 for the default).
    pub changes: usize,
}

/// The axes of [`GRID`], owned (what [`grid_of`] takes).
pub fn default_axes() -> Vec<(String, Vec<f64>)> {
    GRID.iter()
        .map(|(f, v)| (f.to_string(), v.to_vec()))
        .collect()
}

/// The grid of [`GRID`]: the default first, then every other point of the product in
/// order (a point equal to the default is not repeated).
pub fn grid() -> Vec<GridPoint> {
    grid_of(&default_axes()).expect("GRID names StoryConfig fields")
}

/// The grid of the given axes (`StoryConfig` field, values), as [`grid`]; an error when an
/// axis is not a numeric or boolean field of `StoryConfig` (a boolean is on for any
/// value but 0).
pub fn grid_of(axes: &[(String, Vec<f64>)]) -> Result<Vec<GridPoint>, String> {
    let default = StoryConfig::default();
    let base = serde_json::to_value(&default).expect("StoryConfig serializes");
    let mut points = vec![GridPoint {
        label: "default".into(),
        config: default.clone(),
        changes: 0,
    }];
    if let Some((field, _)) = axes.iter().find(|(f, v)| {
        v.is_empty()
            || !base
                .get(f.as_str())
                .is_some_and(|v| v.is_number() || v.is_boolean())
    }) {
        return Err(format!(
            "{field}: not a numeric or boolean StoryConfig field, or no values"
        ));
    }
    let total: usize = axes.iter().map(|a| a.1.len()).product();
    for mut i in 0..total {
        let mut v = base.clone();
        let mut label = Vec::new();
        for (field, values) in axes {
            let x = values[i % values.len()];
            i /= values.len();
            let old = &v[field.as_str()];
            let new = if old.is_boolean() {
                Value::from(x != 0.0)
            } else if old.is_u64() {
                Value::from(x.round() as u64)
            } else {
                Value::from(x)
            };
            if !same(old, &new) {
                label.push(format!("{field}={x}"));
            }
            v[field.as_str()] = new;
        }
        let config: StoryConfig = serde_json::from_value(v).map_err(|e| e.to_string())?;
        if config != default {
            points.push(GridPoint {
                changes: label.len(),
                label: label.join(" "),
                config,
            });
        }
    }
    Ok(points)
}

fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x as f32) == (y as f32),
        _ => a == b,
    }
}

/// The cross-validation table of one stream.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// The stream's name.
    pub stream: String,
    /// Articles.
    pub articles: usize,
    /// B-cubed F1 of the default configuration.
    pub in_sample: f64,
    /// B-cubed precision and recall of the default configuration.
    pub in_sample_pr: (f64, f64),
    /// B-cubed F1 of the configuration chosen on the other streams ([`TOLERANCE`] rule).
    pub cv: f64,
    /// The chosen configuration's label.
    pub chosen: String,
    /// B-cubed F1 of the grid point with the best mean on the other streams (plain argmax).
    pub cv_argmax: f64,
    /// The argmax point's label.
    pub chosen_argmax: String,
    /// The best F1 any grid point reaches on this stream (the grid's in-sample ceiling).
    pub best_in_grid: f64,
}

/// Scores of every grid point on every stream, `[point][stream]`.
pub fn score_grid(streams: &[Stream], points: &[GridPoint], threads: usize) -> Vec<Vec<f64>> {
    let jobs: Vec<(usize, usize)> = (0..points.len())
        .flat_map(|p| (0..streams.len()).map(move |s| (p, s)))
        .collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut out = vec![vec![0.0; streams.len()]; points.len()];
    let results = std::sync::Mutex::new(Vec::with_capacity(jobs.len()));
    std::thread::scope(|scope| {
        for _ in 0..threads.max(1) {
            scope.spawn(|| loop {
                let j = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(&(p, s)) = jobs.get(j) else { break };
                let f1 = streams[s].score(&points[p].config).f1;
                results.lock().expect("no panic").push((p, s, f1));
            });
        }
    });
    for (p, s, f1) in results.into_inner().expect("no panic") {
        out[p][s] = f1;
    }
    out
}

/// Mean F1 on the other streams within which grid points count as equivalent when a
/// configuration is chosen for a held-out stream (the rule and why 0.005: see
/// docs/notes/stories.md, "the CV selection rule").
pub const TOLERANCE: f64 = 0.005;

/// Leave-one-stream-out: for each stream, a grid point chosen on the others is scored on
/// it. Chosen: among the points whose mean F1 on the others is within [`TOLERANCE`] of the
/// best mean, the one that changes the fewest axes from the default, then the higher mean,
/// then the earlier point. The plain argmax (earliest on a tie) is reported beside it.
pub fn cross_validate(streams: &[Stream], points: &[GridPoint], threads: usize) -> Vec<Row> {
    cross_validate_scores(streams, points, &score_grid(streams, points, threads))
}

/// [`cross_validate`] from the scores of [`score_grid`].
pub fn cross_validate_scores(
    streams: &[Stream],
    points: &[GridPoint],
    scores: &[Vec<f64>],
) -> Vec<Row> {
    let defaults: Vec<ClusterScores> = streams.iter().map(|s| s.score(&points[0].config)).collect();
    (0..streams.len())
        .map(|held| {
            let mean_others = |p: usize| {
                let (sum, n) = (0..streams.len())
                    .filter(|&s| s != held)
                    .fold((0.0, 0), |(a, n), s| (a + scores[p][s], n + 1));
                if n == 0 {
                    0.0
                } else {
                    sum / n as f64
                }
            };
            let mut argmax = 0;
            for p in 1..points.len() {
                if mean_others(p) > mean_others(argmax) + 1e-12 {
                    argmax = p;
                }
            }
            let best = mean_others(argmax);
            let mut chosen = argmax;
            for p in 0..points.len() {
                let m = mean_others(p);
                if m < best - TOLERANCE - 1e-12 {
                    continue;
                }
                let (cp, cc) = (points[p].changes, points[chosen].changes);
                if cp < cc || (cp == cc && m > mean_others(chosen) + 1e-12) {
                    chosen = p;
                }
            }
            let best_in_grid = (0..points.len())
                .map(|p| scores[p][held])
                .fold(f64::MIN, f64::max);
            Row {
                stream: streams[held].name.clone(),
                articles: streams[held].articles.len(),
                in_sample: scores[0][held],
                in_sample_pr: (defaults[held].precision, defaults[held].recall),
                cv: scores[chosen][held],
                chosen: points[chosen].label.clone(),
                cv_argmax: scores[argmax][held],
                chosen_argmax: points[argmax].label.clone(),
                best_in_grid,
            }
        })
        .collect()
}

/// Floors a CI run holds: per stream name, the least in-sample and cross-validated F1.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Floor {
    /// Least B-cubed F1 of the default configuration.
    pub in_sample: f64,
    /// Least cross-validated B-cubed F1.
    pub cv: f64,
}

/// The rows below their floors (as messages); a stream without a floor is an error too.
pub fn check(rows: &[Row], floors: &std::collections::BTreeMap<String, Floor>) -> Vec<String> {
    let mut failures = Vec::new();
    for r in rows {
        match floors.get(&r.stream) {
            None => failures.push(format!("{}: no floor", r.stream)),
            Some(f) => {
                if r.in_sample < f.in_sample {
                    failures.push(format!(
                        "{}: in-sample F1 {:.4} below its floor {}",
                        r.stream, r.in_sample, f.in_sample
                    ));
                }
                if r.cv < f.cv {
                    failures.push(format!(
                        "{}: cross-validated F1 {:.4} below its floor {}",
                        r.stream, r.cv, f.cv
                    ));
                }
            }
        }
    }
    failures
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_starts_with_the_default_and_has_no_repeats() {
        let g = grid();
        assert_eq!(g[0].config, StoryConfig::default());
        for (i, a) in g.iter().enumerate() {
            for b in &g[i + 1..] {
                assert_ne!(a.config, b.config, "{} / {}", a.label, b.label);
            }
        }
        let product: usize = GRID.iter().map(|a| a.1.len()).product();
        assert!(g.len() <= product && g.len() > product / 2);
        assert!(grid_of(&[("no_such_field".into(), vec![1.0])]).is_err());
        assert!(grid_of(&[("threshold".into(), vec![])]).is_err());
        let one = grid_of(&[("threshold".into(), vec![0.5])]).unwrap();
        assert_eq!(one.len(), 2);
        assert_eq!(one[1].config.threshold, 0.5);
    }

    #[test]
    fn the_rule_keeps_the_fewest_changes_within_the_tolerance() {
        let streams: Vec<Stream> = ["a", "b", "c"]
            .iter()
            .map(|n| Stream {
                name: n.to_string(),
                articles: Vec::new(),
                gold: Vec::new(),
            })
            .collect();
        // default, threshold=0.5, robust_threshold=0.5, both.
        let points = grid_of(&[
            ("threshold".into(), vec![0.08, 0.5]),
            ("robust_threshold".into(), vec![0.24, 0.5]),
        ])
        .unwrap();
        assert_eq!(points.len(), 4);
        assert_eq!(
            points.iter().map(|p| p.changes).collect::<Vec<_>>(),
            [0, 1, 1, 2]
        );
        // Held out "a": means on b and c are 0.80, 0.804, 0.79, 0.83.
        let scores = vec![
            vec![0.5, 0.80, 0.80],
            vec![0.6, 0.804, 0.804],
            vec![0.7, 0.79, 0.79],
            vec![0.1, 0.83, 0.83],
        ];
        let rows = cross_validate_scores(&streams, &points, &scores);
        // The argmax takes the two-change point; nothing else is within 0.005 of it.
        assert_eq!((rows[0].cv_argmax, rows[0].cv), (0.1, 0.1));
        // Without it, the one-change point is within 0.005 of the best, and the default wins.
        let mut close = scores.clone();
        close[3] = vec![0.1, 0.0, 0.0];
        let rows = cross_validate_scores(&streams, &points, &close);
        assert_eq!(rows[0].chosen_argmax, points[1].label);
        assert_eq!((rows[0].cv_argmax, rows[0].cv), (0.6, 0.5));
        assert_eq!(rows[0].chosen, "default");
    }

    #[test]
    fn floors_flag_each_figure_below_them() {
        let row = Row {
            stream: "a".into(),
            articles: 3,
            in_sample: 0.8,
            in_sample_pr: (0.8, 0.8),
            cv: 0.7,
            chosen: "default".into(),
            cv_argmax: 0.7,
            chosen_argmax: "default".into(),
            best_in_grid: 0.8,
        };
        let mut floors = std::collections::BTreeMap::new();
        floors.insert(
            "a".to_string(),
            Floor {
                in_sample: 0.79,
                cv: 0.71,
            },
        );
        assert_eq!(check(std::slice::from_ref(&row), &floors).len(), 1);
        floors.get_mut("a").unwrap().cv = 0.7;
        assert!(check(std::slice::from_ref(&row), &floors).is_empty());
        assert_eq!(check(&[row], &Default::default()).len(), 1);
    }
}
