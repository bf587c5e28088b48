//! Fits the support decision of the library (`analyze/support/learned.rs`): a logistic
//! regression over the features of a claim and the best sentence of another document, trained
//! on the `dev` half of the support labels only, its threshold chosen by leave-one-cluster-out
//! cross-validation inside that half for precision 0.92 or more.
//!
//! ```text
//! SHARED_DIR=../shared cargo run --release -p corroborate-lab --bin support_fit
//! SHARED_DIR=../shared cargo run --release -p corroborate-lab --bin support_fit -- --drop margin,claim_position
//! SHARED_DIR=../shared cargo run --release -p corroborate-lab --bin support_fit -- --heldout
//! ```
//!
//! Prints the cross-validated and in-sample scores per label set, the weights as Rust
//! constants, and with `--heldout` the held-out half scored once by the weights fitted on dev.
//! Groups of the cross-validation are the keys of the folds (the cluster for neus-val, the
//! anchor's document for the single-cluster sets).
use corroborate::analyze::support::learned::{FEATURES, N};
use corroborate::analyze::support::SupportIndex;
use corroborate::analyze::support_eval::{anchor_sentence, parse_labels, Fold};
use corroborate::ingest::{read_clusters, read_inputs, IngestOptions};
use corroborate::{Cluster, Pipeline};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// Precision the threshold must reach in cross-validation.
const TARGET_PRECISION: f64 = 0.92;

/// L2 penalty of the fit (weights, not the intercept).
const L2: f64 = 1.0;

thread_local! {
    static PENALTY: std::cell::Cell<f64> = const { std::cell::Cell::new(L2) };
}

/// One labelled pair: the anchor's set, fold and group, the label (`Some(true)` for `yes`,
/// `Some(false)` for `no` / `contradicts`, `None` for `partial`), the features of our best
/// sentence in the other document (`None`: no sentence shares a term) and whether that
/// sentence overlaps the labelled evidence.
struct Row {
    set: String,
    fold: Fold,
    group: String,
    label: Option<bool>,
    features: Option<[f64; N]>,
    on_evidence: bool,
    /// The anchor (document, start) and the other document, for reading errors.
    pair: (String, usize, String),
}

fn shared() -> PathBuf {
    PathBuf::from(std::env::var("SHARED_DIR").unwrap_or_else(|_| "../shared".into()))
}

fn rows() -> Result<Vec<Row>, Box<dyn std::error::Error>> {
    let dir = shared();
    let text = std::fs::read_to_string(dir.join("data/labels/support-dev.jsonl"))?;
    let anchors = parse_labels(&text)?;
    let wanted: BTreeSet<&str> = anchors.iter().map(|a| a.doc.as_str()).collect();
    let mut clusters: Vec<Cluster> = Vec::new();
    for rel in [
        "data/summarization/neus-val.jsonl",
        "data/summarization/duc2006.jsonl",
    ] {
        let (read, _) = read_clusters(&dir.join(rel))?;
        clusters.extend(
            read.into_iter()
                .filter(|c| c.docs.iter().any(|d| wanted.contains(d.id.as_str()))),
        );
    }
    let seeds = read_inputs(
        &[dir.join("seeds").display().to_string()],
        &IngestOptions::default(),
    );
    clusters.push(Cluster {
        id: "seeds".into(),
        docs: seeds.documents,
        ..Cluster::default()
    });
    let pipeline = Pipeline::default();
    let prepared: Vec<_> = clusters.into_iter().map(|c| pipeline.prepare(c)).collect();
    let indices: Vec<_> = prepared.iter().map(SupportIndex::new).collect();
    let mut out = Vec::new();
    for a in &anchors {
        let fold = Fold::of(a);
        let group = if a.set == "seeds" || a.set == "duc2006" {
            format!("{}/{}", a.set, a.doc)
        } else {
            format!("{}/{}", a.set, a.cluster)
        };
        let found = prepared.iter().zip(&indices).find_map(|(c, index)| {
            let d = c.docs.iter().position(|d| d.id == a.doc)?;
            let s = anchor_sentence(c, d, a.start, a.end)?;
            Some((c, s, index.candidates(c, s)))
        });
        for (other, j) in &a.support {
            let label = match j.label.as_str() {
                "yes" => Some(true),
                "partial" => None,
                _ => Some(false),
            };
            let best = found.as_ref().and_then(|(c, _, cands)| {
                let od = c.docs.iter().position(|d| &d.id == other)?;
                let (k, f) = cands.get(od).copied().flatten()?;
                Some((c.sentences[k].span.clone(), f))
            });
            let on_evidence = match (&best, j.start, j.end) {
                (Some((span, _)), Some(s), Some(e)) => span.start < e && s < span.end,
                _ => false,
            };
            out.push(Row {
                set: a.set.clone(),
                fold,
                group: group.clone(),
                label,
                features: best.map(|(_, f)| f),
                on_evidence,
                pair: (a.doc.clone(), a.start, other.clone()),
            });
        }
    }
    Ok(out)
}

/// Logistic regression by Newton's method with an L2 penalty on the weights; `mask` keeps
/// features. Returns (intercept, weights).
fn fit(data: &[(&[f64; N], bool)], mask: &[bool; N]) -> (f64, [f64; N]) {
    let k = N + 1;
    let mut beta = vec![0.0; k];
    let x = |f: &[f64; N], i: usize| {
        if i == 0 {
            1.0
        } else if mask[i - 1] {
            f[i - 1]
        } else {
            0.0
        }
    };
    for _ in 0..50 {
        let mut grad = vec![0.0; k];
        let mut hess = vec![vec![0.0; k]; k];
        for &(f, y) in data {
            let z: f64 = (0..k).map(|i| beta[i] * x(f, i)).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let r = p - f64::from(u8::from(y));
            let w = p * (1.0 - p);
            for i in 0..k {
                grad[i] += r * x(f, i);
                for j in 0..k {
                    hess[i][j] += w * x(f, i) * x(f, j);
                }
            }
        }
        for i in 1..k {
            let l2 = PENALTY.with(std::cell::Cell::get);
            grad[i] += l2 * beta[i];
            hess[i][i] += l2;
        }
        hess[0][0] += 1e-9;
        let step = solve(hess, grad);
        let mut change = 0.0f64;
        for i in 0..k {
            beta[i] -= step[i];
            change = change.max(step[i].abs());
        }
        if change < 1e-10 {
            break;
        }
    }
    let mut w = [0.0; N];
    w.copy_from_slice(&beta[1..]);
    (beta[0], w)
}

/// Solve `a x = b` by Gaussian elimination with partial pivoting.
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for c in 0..n {
        let p = (c..n)
            .max_by(|&i, &j| a[i][c].abs().total_cmp(&a[j][c].abs()))
            .unwrap_or(c);
        a.swap(c, p);
        b.swap(c, p);
        let d = a[c][c];
        if d.abs() < 1e-12 {
            continue;
        }
        for r in c + 1..n {
            let m = a[r][c] / d;
            for j in c..n {
                a[r][j] -= m * a[c][j];
            }
            b[r] -= m * b[c];
        }
    }
    let mut x = vec![0.0; n];
    for c in (0..n).rev() {
        let s: f64 = (c + 1..n).map(|j| a[c][j] * x[j]).sum();
        x[c] = if a[c][c].abs() < 1e-12 {
            0.0
        } else {
            (b[c] - s) / a[c][c]
        };
    }
    x
}

fn probability(model: &(f64, [f64; N]), f: &[f64; N]) -> f64 {
    let z = model.0 + model.1.iter().zip(f).map(|(w, x)| w * x).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// (tp, fp, fn) of the scored pairs of `rows` whose probability (`None`: no candidate) is at
/// least `t`.
fn counts<'a>(rows: impl Iterator<Item = (&'a Row, Option<f64>)>, t: f64) -> (usize, usize, usize) {
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (r, p) in rows {
        let predicted = p.is_some_and(|p| p >= t);
        match (r.label, predicted) {
            (Some(true), true) => tp += 1,
            (Some(true), false) => fn_ += 1,
            (Some(false), true) => fp += 1,
            _ => {}
        }
    }
    (tp, fp, fn_)
}

fn prf((tp, fp, fn_): (usize, usize, usize)) -> String {
    let p = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let r = if tp + fn_ == 0 {
        1.0
    } else {
        tp as f64 / (tp + fn_) as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    format!("{p:.3}/{r:.3}/{f:.3} ({tp}/{fp}/{fn_})")
}

/// Per-set table of `rows` with probabilities `probs` at threshold `t`.
fn table(name: &str, rows: &[&Row], probs: &[Option<f64>], t: f64) {
    let sets: BTreeSet<&str> = rows.iter().map(|r| r.set.as_str()).collect();
    for s in sets {
        let c = counts(
            rows.iter()
                .zip(probs)
                .filter(|(r, _)| r.set == s)
                .map(|(r, p)| (*r, *p)),
            t,
        );
        println!("{name:<10} {s:<9} P/R/F1 {}", prf(c));
    }
    let all = counts(rows.iter().zip(probs).map(|(r, p)| (*r, *p)), t);
    println!("{name:<10} {:<9} P/R/F1 {}", "all", prf(all));
}

/// The lowest threshold at which the pooled precision of `probs` is at least the target and
/// stays so for every higher threshold among the scored pairs' probabilities.
fn choose_threshold(rows: &[&Row], probs: &[Option<f64>]) -> f64 {
    let mut scored: Vec<(f64, bool)> = rows
        .iter()
        .zip(probs)
        .filter_map(|(r, p)| Some(((*p)?, r.label?)))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut tp, mut fp, mut best) = (0usize, 0usize, 1.0);
    for (k, &(p, y)) in scored.iter().enumerate() {
        if y {
            tp += 1;
        } else {
            fp += 1;
        }
        let tied = scored.get(k + 1).is_some_and(|n| n.0 == p);
        if !tied && tp as f64 >= TARGET_PRECISION * (tp + fp) as f64 {
            best = p;
        } else if !tied && tp + fp >= 10 && (tp as f64) < TARGET_PRECISION * (tp + fp) as f64 {
            // Stop at the first break below the target once ten pairs are predicted.
            break;
        }
    }
    best
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let heldout = args.iter().any(|a| a == "--heldout");
    let mut mask = [true; N];
    if let Some(k) = args.iter().position(|a| a == "--drop") {
        for name in args.get(k + 1).map_or("", String::as_str).split(',') {
            let i = FEATURES
                .iter()
                .position(|f| *f == name)
                .ok_or_else(|| format!("unknown feature {name}"))?;
            mask[i] = false;
        }
    }
    if let Some(k) = args.iter().position(|a| a == "--l2") {
        let v: f64 = args.get(k + 1).ok_or("--l2 VALUE")?.parse()?;
        PENALTY.with(|p| p.set(v));
    }
    if let Some(k) = args.iter().position(|a| a == "--keep") {
        mask = [false; N];
        for name in args.get(k + 1).map_or("", String::as_str).split(',') {
            let i = FEATURES
                .iter()
                .position(|f| *f == name)
                .ok_or_else(|| format!("unknown feature {name}"))?;
            mask[i] = true;
        }
    }
    let all = rows()?;
    let dev: Vec<&Row> = all.iter().filter(|r| r.fold == Fold::Dev).collect();
    let yes = dev.iter().filter(|r| r.label == Some(true)).count();
    let on = dev
        .iter()
        .filter(|r| r.label == Some(true) && r.on_evidence)
        .count();
    let none = dev
        .iter()
        .filter(|r| r.label == Some(true) && r.features.is_none())
        .count();
    println!(
        "dev: {} pairs, {yes} yes; our sentence on the evidence for {on}, no candidate for {none}",
        dev.len()
    );
    // Leave one group out.
    let groups: BTreeSet<&str> = dev.iter().map(|r| r.group.as_str()).collect();
    let mut cv: BTreeMap<usize, Option<f64>> = BTreeMap::new();
    for g in &groups {
        let train: Vec<(&[f64; N], bool)> = dev
            .iter()
            .filter(|r| r.group != *g)
            .filter_map(|r| Some((r.features.as_ref()?, r.label?)))
            .collect();
        let model = fit(&train, &mask);
        for (k, r) in dev.iter().enumerate().filter(|(_, r)| r.group == *g) {
            cv.insert(k, r.features.as_ref().map(|f| probability(&model, f)));
        }
    }
    let cv: Vec<Option<f64>> = cv.into_values().collect();
    if args.iter().any(|a| a == "--curve") {
        for k in 1..20 {
            let t = f64::from(k) * 0.05;
            let c = counts(dev.iter().zip(&cv).map(|(r, p)| (*r, *p)), t);
            println!("cv curve t {t:.2}: {}", prf(c));
        }
        for (i, name) in FEATURES.iter().enumerate() {
            let mean = |y: bool| {
                let v: Vec<f64> = dev
                    .iter()
                    .filter(|r| r.label == Some(y))
                    .filter_map(|r| Some(r.features?[i]))
                    .collect();
                v.iter().sum::<f64>() / v.len().max(1) as f64
            };
            println!(
                "mean {name:<24} yes {:.3} no {:.3}",
                mean(true),
                mean(false)
            );
        }
    }
    if args.iter().any(|a| a == "--top") {
        let mut top: Vec<(f64, &Row)> = dev
            .iter()
            .zip(&cv)
            .filter_map(|(r, p)| Some(((*p)?, *r)))
            .filter(|(_, r)| r.label.is_some())
            .collect();
        top.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (p, r) in top.iter().take(40) {
            let f: Vec<String> = r
                .features
                .unwrap_or([0.0; N])
                .iter()
                .map(|x| format!("{x:.2}"))
                .collect();
            println!(
                "{p:.3} {:?} {} ev={} {}",
                r.label,
                r.group,
                r.on_evidence,
                f.join(" ")
            );
        }
    }
    let t = choose_threshold(&dev, &cv);
    println!("threshold chosen in cross-validation: {t:.4}");
    table("dev-cv", &dev, &cv, t);
    let train: Vec<(&[f64; N], bool)> = dev
        .iter()
        .filter_map(|r| Some((r.features.as_ref()?, r.label?)))
        .collect();
    let model = fit(&train, &mask);
    let ins: Vec<Option<f64>> = dev
        .iter()
        .map(|r| r.features.as_ref().map(|f| probability(&model, f)))
        .collect();
    table("dev-in", &dev, &ins, t);
    println!("\npub const WEIGHTS: [f64; N] = [");
    for (name, w) in FEATURES.iter().zip(model.1) {
        println!("    {w:.4}, // {name}");
    }
    println!(
        "];\npub const BIAS: f64 = {:.4};\npub const THRESHOLD: f64 = {t:.4};",
        model.0
    );
    if heldout {
        let held: Vec<&Row> = all.iter().filter(|r| r.fold == Fold::Heldout).collect();
        let probs: Vec<Option<f64>> = held
            .iter()
            .map(|r| r.features.as_ref().map(|f| probability(&model, f)))
            .collect();
        table("heldout", &held, &probs, t);
        if args.iter().any(|a| a == "--errors") {
            for (r, p) in held.iter().zip(&probs) {
                let predicted = p.is_some_and(|p| p >= t);
                if r.label.is_some_and(|y| y != predicted) {
                    let f: Vec<String> = r
                        .features
                        .unwrap_or([0.0; N])
                        .iter()
                        .map(|x| format!("{x:.2}"))
                        .collect();
                    println!(
                        "error {} {} [{}] -> {} label {:?} p {:.3} ev={} {}",
                        r.set,
                        r.pair.0,
                        r.pair.1,
                        r.pair.2,
                        r.label,
                        p.unwrap_or(0.0),
                        r.on_evidence,
                        f.join(" ")
                    );
                }
            }
        }
    }
    Ok(())
}
