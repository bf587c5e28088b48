//! Gate: support and contradictions against the hand labels of `data/labels/support-dev.jsonl`
//! (neus-val, DUC 2006 and the example cluster), scored as `corroborate eval-analysis` scores
//! them. Floors sit a little below what the matcher reaches now, on all anchors and on
//! each fold (see docs/analyze-json.md); they are far below the targets (precision 0.90, recall 0.80) and must only move up.

mod common;

use corroborate::analyze::support::SupportConfig;
use corroborate::analyze::support_eval::{evaluate, parse_labels, Counts, Fold, SetScores};
use corroborate::ingest::{read_clusters, read_inputs, IngestOptions};
use corroborate::{Cluster, Pipeline, PreparedCluster};
use std::collections::BTreeSet;

/// The labelled clusters, prepared, and the anchors; `None` when the data is absent.
fn labelled() -> Option<(
    Vec<corroborate::analyze::support_eval::Anchor>,
    Vec<PreparedCluster>,
)> {
    let labels = common::shared("data/labels/support-dev.jsonl")?;
    let anchors = parse_labels(&std::fs::read_to_string(labels).expect("readable labels"))
        .expect("valid labels");
    let wanted: BTreeSet<&str> = anchors.iter().map(|a| a.doc.as_str()).collect();
    let mut clusters: Vec<Cluster> = Vec::new();
    for rel in [
        "data/summarization/neus-val.jsonl",
        "data/summarization/duc2006.jsonl",
    ] {
        let path = common::shared(rel)?;
        let (read, errors) = read_clusters(&path).expect("readable clusters");
        assert!(errors.is_empty(), "{errors:?}");
        clusters.extend(
            read.into_iter()
                .filter(|c| c.docs.iter().any(|d| wanted.contains(d.id.as_str()))),
        );
    }
    let seeds = common::shared("seeds")?;
    let ingested = read_inputs(&[seeds.display().to_string()], &IngestOptions::default());
    assert!(ingested.errors.is_empty(), "{:?}", ingested.errors);
    clusters.push(Cluster {
        id: "seeds".into(),
        docs: ingested.documents,
        ..Cluster::default()
    });
    let pipeline = Pipeline::default();
    Some((
        anchors,
        clusters.into_iter().map(|c| pipeline.prepare(c)).collect(),
    ))
}

fn set<'a>(scores: &'a [SetScores], name: &str) -> &'a SetScores {
    scores
        .iter()
        .find(|s| s.set == name)
        .unwrap_or_else(|| panic!("set {name} scored"))
}

fn total(scores: &[SetScores], f: impl Fn(&SetScores) -> Counts) -> Counts {
    scores.iter().fold(Counts::default(), |mut acc, s| {
        let c = f(s);
        acc.tp += c.tp;
        acc.fp += c.fp;
        acc.fn_ += c.fn_;
        acc
    })
}

#[test]
fn support_and_contradictions_hold_their_floors() {
    let Some((anchors, clusters)) = labelled() else {
        return;
    };
    let config = SupportConfig::default();
    let (all, _) = evaluate(&anchors, &clusters, None, &config);
    for s in &all {
        let (a, c) = (s.support, s.contradictions);
        eprintln!(
            "{}: support P {:.3} R {:.3} ({}/{}/{}), contradictions P {:.3} R {:.3} ({}/{}/{})",
            s.set,
            a.precision(),
            a.recall(),
            a.tp,
            a.fp,
            a.fn_,
            c.precision(),
            c.recall(),
            c.tp,
            c.fp,
            c.fn_
        );
        assert_eq!(s.unmatched, 0, "{}: every anchor maps to a sentence", s.set);
    }
    assert_eq!(all.iter().map(|s| s.anchors).sum::<usize>(), 229);
    let neus = set(&all, "neus_val").support;
    assert!(
        neus.precision() >= 0.95 && neus.tp >= 21,
        "neus_val {neus:?}"
    );
    let seeds = set(&all, "seeds").support;
    assert!(
        seeds.precision() >= 0.95 && seeds.tp >= 8,
        "seeds {seeds:?}"
    );
    let duc = set(&all, "duc2006").support;
    assert!(duc.fp <= 1, "duc2006 {duc:?}");
    let contradictions = total(&all, |s| s.contradictions);
    assert!(
        contradictions.precision() >= 0.8,
        "contradictions {contradictions:?}"
    );
    // The two folds partition the anchors.
    let (dev, _) = evaluate(&anchors, &clusters, Some(Fold::Dev), &config);
    let (held, _) = evaluate(&anchors, &clusters, Some(Fold::Heldout), &config);
    let count = |s: &[SetScores]| s.iter().map(|s| s.anchors).sum::<usize>();
    assert_eq!(count(&dev) + count(&held), 229);
    assert!(count(&dev) > 0 && count(&held) > 0);
    // Each half holds its own floor: the rule was chosen on the neus-val dev half.
    for (scores, name, p, tp) in [
        (&dev, "neus_val", 0.95, 12),
        (&held, "neus_val", 0.85, 9),
        (&dev, "seeds", 0.95, 2),
        (&held, "seeds", 0.95, 6),
    ] {
        let s = set(scores, name).support;
        assert!(s.precision() >= p && s.tp >= tp, "{name} {s:?}");
    }
    assert!(set(&dev, "duc2006").support.fp == 0, "duc2006 dev");
}

/// Writes the words of every labelled cluster to `$SUPPORT_WORDS` (JSON Lines), for studying
/// the support rule outside Rust.
#[test]
#[ignore]
fn dump_words() {
    let Some((_, clusters)) = labelled() else {
        return;
    };
    let Ok(path) = std::env::var("SUPPORT_WORDS") else {
        return;
    };
    let mut out = String::new();
    for c in &clusters {
        out.push_str(&corroborate::analyze::support_eval::dump_words(c).to_string());
        out.push('\n');
    }
    std::fs::write(path, out).expect("writable dump");
}

/// Contradictions on each fold: precision at the target (0.8) and at least the labelled pairs
/// found now (dev 5 of 7, held-out 4 of 7, none wrong).
#[test]
fn contradictions_hold_their_floor_on_each_fold() {
    let Some((anchors, clusters)) = labelled() else {
        return;
    };
    let config = SupportConfig::default();
    for (fold, tp) in [(Fold::Dev, 5), (Fold::Heldout, 4)] {
        let (scores, _) = evaluate(&anchors, &clusters, Some(fold), &config);
        let c = total(&scores, |s| s.contradictions);
        assert!(c.precision() >= 0.8 && c.tp >= tp, "{fold:?} {c:?}");
    }
}
