//! Gate: support and contradictions against the hand labels of `data/labels/support-dev.jsonl`
//! (neus-val, DUC 2006 and the example cluster), scored as `corroborate eval-analysis` scores
//! them. Floors sit a little below what the matcher reaches now (see docs/analyze-json.md);
//! they are below the targets (precision 0.90, recall 0.80) and must only move up.

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

// Floors a little below what the matcher reaches on all anchors (dev and held-out together;
// docs/analyze-json.md has the per-fold table).
const NEUS_PRECISION: f64 = 0.85;
const NEUS_RECALL: f64 = 0.55;
const SEEDS_PRECISION: f64 = 0.65;
const SEEDS_RECALL: f64 = 0.50;
const DUC_TP: usize = 4;
const DUC_FP: usize = 62;

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
        neus.precision() >= NEUS_PRECISION && neus.recall() >= NEUS_RECALL,
        "neus_val {neus:?}"
    );
    let seeds = set(&all, "seeds").support;
    assert!(
        seeds.precision() >= SEEDS_PRECISION && seeds.recall() >= SEEDS_RECALL,
        "seeds {seeds:?}"
    );
    let duc = set(&all, "duc2006").support;
    assert!(duc.tp >= DUC_TP && duc.fp <= DUC_FP, "duc2006 {duc:?}");
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
}

/// Writes every labelled pair with the alignments of the best passages to `$SUPPORT_DUMP`
/// (JSON Lines), for fitting the decision on the dev half.
#[test]
#[ignore = "writes a feature dump for fitting"]
fn dump_alignments() {
    use corroborate::analyze::support::SupportIndex;
    use corroborate::analyze::support_eval::anchor_sentence;
    use std::io::Write;
    let Ok(out) = std::env::var("SUPPORT_DUMP") else {
        return;
    };
    let Some((anchors, clusters)) = labelled() else {
        return;
    };
    let mut file = std::fs::File::create(out).expect("dump file");
    let indices: Vec<SupportIndex> = clusters.iter().map(SupportIndex::new).collect();
    for a in &anchors {
        let Some((c, d)) = clusters
            .iter()
            .enumerate()
            .find_map(|(c, cl)| cl.docs.iter().position(|x| x.id == a.doc).map(|d| (c, d)))
        else {
            continue;
        };
        let cl = &clusters[c];
        let Some(s) = anchor_sentence(cl, d, a.start, a.end) else {
            continue;
        };
        for (other, j) in &a.support {
            let Some(od) = cl.docs.iter().position(|x| &x.id == other) else {
                continue;
            };
            let al: Vec<String> = indices[c]
                .alignments(cl, s, od)
                .iter()
                .map(|(f, l, m)| {
                    let sp = cl.sentences[*f].span.start..cl.sentences[*l].span.end;
                    format!(
                        "{{\"s\":{},\"e\":{},\"c\":{:.4},\"b\":{:.4},\"cos\":{:.4},\"n\":{},\"names\":{:.3},\"hn\":{},\"on\":{},\"nc\":{},\"nm\":{},\"ns\":{},\"q\":{:.3},\"ct\":{},\"rare\":{:.3}}}",
                        sp.start, sp.end, m.containment, m.back, m.cosine, m.shared, m.names,
                        u8::from(m.has_names), u8::from(m.other_names), u8::from(m.numbers_conflict),
                        u8::from(m.numbers_missing), m.numbers_shared, m.quote, m.claim_terms, m.rare
                    )
                })
                .collect();
            writeln!(
                file,
                "{{\"set\":\"{}\",\"fold\":\"{:?}\",\"cluster\":\"{}\",\"doc\":\"{}\",\"start\":{},\"other\":\"{}\",\"label\":\"{}\",\"kind\":\"{}\",\"ev\":[{},{}],\"al\":[{}]}}",
                a.set, Fold::of(a), a.cluster, a.doc, a.start, other, j.label, a.kind,
                j.start.map_or(-1, |x| x as i64), j.end.map_or(-1, |x| x as i64),
                al.join(",")
            )
            .expect("write");
        }
    }
}
