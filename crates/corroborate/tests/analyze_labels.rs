//! Precision and recall of the analyzers (quotes, numbers, entities) on a hand-labelled set
//! built from the shared data: `tests/labels/*.json` holds document indices, byte offsets and
//! a few words of names, never article text.
//!
//! Matching: a found quote or number matches a label when their byte spans in the same
//! document overlap (quotes: by at least half of the shorter span); an entity matches when its
//! name or one of its aliases equals the labelled name (case and hyphens ignored). Speaker
//! accuracy counts matched quotes whose speaker name contains the labelled speaker (or is
//! contained in it).

mod common;

use corroborate::analyze::{analyze, Analysis, Mention};
use corroborate::ingest::{read_clusters, read_inputs, IngestOptions};
use corroborate::{Cluster, Pipeline};
use serde::Deserialize;
use std::ops::Range;
use std::path::Path;

#[derive(Deserialize)]
struct Labels {
    source: String,
    cluster: Option<String>,
    docs: usize,
    quotes: Vec<LabelledQuote>,
    numbers: Vec<Span>,
    entities: Vec<LabelledEntity>,
}

#[derive(Deserialize)]
struct LabelledQuote {
    doc: usize,
    start: usize,
    end: usize,
    speaker: Option<String>,
}

#[derive(Deserialize)]
struct Span {
    doc: usize,
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct LabelledEntity {
    name: String,
    kind: String,
}

/// Counts for precision and recall.
#[derive(Default, Debug, Clone, Copy)]
struct Score {
    found: usize,
    found_ok: usize,
    labelled: usize,
    labelled_ok: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.found += o.found;
        self.found_ok += o.found_ok;
        self.labelled += o.labelled;
        self.labelled_ok += o.labelled_ok;
    }

    fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.found_ok as f64 / self.found as f64
        }
    }

    fn recall(&self) -> f64 {
        if self.labelled == 0 {
            1.0
        } else {
            self.labelled_ok as f64 / self.labelled as f64
        }
    }
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn span_match(found: &Mention, doc: usize, label: &Range<usize>, min_share: f64) -> bool {
    if found.doc != doc {
        return false;
    }
    let o = overlap(&found.span, label) as f64;
    let shorter = found.span.len().min(label.len()).max(1) as f64;
    o > 0.0 && o >= min_share * shorter
}

fn key(name: &str) -> String {
    name.to_lowercase()
        .replace(['-', '.'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn load(labels: &Labels) -> Option<Cluster> {
    if labels.source == "seeds" {
        let dir = common::shared("seeds")?;
        let ingested = read_inputs(&[dir.display().to_string()], &IngestOptions::default());
        return Some(Cluster {
            id: "seeds".to_string(),
            docs: ingested.documents,
            ..Cluster::default()
        });
    }
    let path = common::shared(&labels.source)?;
    let (clusters, _) = read_clusters(&path).expect("labelled dataset is readable");
    let id = labels
        .cluster
        .as_deref()
        .expect("dataset labels name a cluster");
    Some(
        clusters
            .into_iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("cluster {id} not in {}", labels.source)),
    )
}

struct Report {
    quotes: Score,
    speakers: (usize, usize),
    numbers: Score,
    entities: Score,
    typed_entities: Score,
}

fn score(labels: &Labels, a: &Analysis) -> Report {
    // Quotes.
    let found: Vec<(&Mention, Option<&str>)> = a
        .quotes
        .iter()
        .flat_map(|q| {
            q.mentions
                .iter()
                .map(move |m| (m, q.speaker.as_ref().map(|s| s.name.as_str())))
        })
        .collect();
    let mut quotes = Score {
        found: found.len(),
        labelled: labels.quotes.len(),
        ..Score::default()
    };
    quotes.found_ok = found
        .iter()
        .filter(|(m, _)| {
            labels
                .quotes
                .iter()
                .any(|l| span_match(m, l.doc, &(l.start..l.end), 0.5))
        })
        .count();
    let mut speakers = (0, 0);
    for l in &labels.quotes {
        let hit = found
            .iter()
            .find(|(m, _)| span_match(m, l.doc, &(l.start..l.end), 0.5));
        if hit.is_some() {
            quotes.labelled_ok += 1;
        }
        if let (Some((_, name)), Some(gold)) = (hit, &l.speaker) {
            speakers.1 += 1;
            let (g, p) = (key(gold), key(name.unwrap_or("")));
            if !p.is_empty() && (p.contains(&g) || g.contains(&p)) {
                speakers.0 += 1;
            }
        }
    }
    // Numbers.
    let found: Vec<&Mention> = a
        .numbers
        .iter()
        .flat_map(|g| g.values.iter().flat_map(|v| v.mentions.iter()))
        .collect();
    let numbers = Score {
        found: found.len(),
        found_ok: found
            .iter()
            .filter(|m| {
                labels
                    .numbers
                    .iter()
                    .any(|l| span_match(m, l.doc, &(l.start..l.end), 0.0))
            })
            .count(),
        labelled: labels.numbers.len(),
        labelled_ok: labels
            .numbers
            .iter()
            .filter(|l| {
                found
                    .iter()
                    .any(|m| span_match(m, l.doc, &(l.start..l.end), 0.0))
            })
            .count(),
    };
    // Entities.
    let names = |e: &corroborate::analyze::Entity| -> Vec<String> {
        std::iter::once(key(&e.name))
            .chain(e.aliases.iter().map(|a| key(a)))
            .collect()
    };
    let kind = |e: &corroborate::analyze::Entity| {
        serde_json::to_value(e.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    };
    let mut entities = Score {
        found: a.entities.len(),
        labelled: labels.entities.len(),
        ..Score::default()
    };
    let mut typed = entities;
    for e in &a.entities {
        let ns = names(e);
        let gold: Vec<&LabelledEntity> = labels
            .entities
            .iter()
            .filter(|l| ns.contains(&key(&l.name)))
            .collect();
        if !gold.is_empty() {
            entities.found_ok += 1;
        }
        if gold.iter().any(|l| l.kind == kind(e)) {
            typed.found_ok += 1;
        }
    }
    for l in &labels.entities {
        let hits: Vec<&corroborate::analyze::Entity> = a
            .entities
            .iter()
            .filter(|e| names(e).contains(&key(&l.name)))
            .collect();
        if !hits.is_empty() {
            entities.labelled_ok += 1;
        }
        if hits.iter().any(|e| kind(e) == l.kind) {
            typed.labelled_ok += 1;
        }
    }
    Report {
        quotes,
        speakers,
        numbers,
        entities,
        typed_entities: typed,
    }
}

#[test]
fn precision_and_recall_on_the_labelled_set() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/labels");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("labels directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "labelled clusters missing");
    let pipeline = Pipeline::default();
    let (mut q, mut n, mut e, mut t) = (
        Score::default(),
        Score::default(),
        Score::default(),
        Score::default(),
    );
    let mut speakers = (0, 0);
    let mut scored = 0;
    for path in &files {
        let labels: Labels =
            serde_json::from_str(&std::fs::read_to_string(path).expect("label file"))
                .expect("label file is valid");
        let Some(cluster) = load(&labels) else {
            continue;
        };
        assert_eq!(cluster.docs.len(), labels.docs, "{}", path.display());
        for l in &labels.quotes {
            let text = &cluster.docs[l.doc].text;
            assert!(
                l.start < l.end && text.is_char_boundary(l.start) && text.is_char_boundary(l.end)
            );
        }
        let prepared = pipeline.prepare(cluster);
        let report = score(&labels, &analyze(&prepared));
        eprintln!(
            "{:<22} quotes P {:.2} R {:.2} | speakers {}/{} | numbers P {:.2} R {:.2} | entities P {:.2} R {:.2} (typed P {:.2} R {:.2})",
            path.file_stem().and_then(|s| s.to_str()).unwrap_or(""),
            report.quotes.precision(),
            report.quotes.recall(),
            report.speakers.0,
            report.speakers.1,
            report.numbers.precision(),
            report.numbers.recall(),
            report.entities.precision(),
            report.entities.recall(),
            report.typed_entities.precision(),
            report.typed_entities.recall(),
        );
        q.add(report.quotes);
        n.add(report.numbers);
        e.add(report.entities);
        t.add(report.typed_entities);
        speakers.0 += report.speakers.0;
        speakers.1 += report.speakers.1;
        scored += 1;
    }
    if scored == 0 {
        return; // shared data absent outside CI
    }
    let speaker_accuracy = speakers.0 as f64 / speakers.1.max(1) as f64;
    eprintln!(
        "ALL quotes P {:.3} R {:.3} ({}/{} found, {}/{} labelled) | speakers {:.3} ({}/{}) | numbers P {:.3} R {:.3} ({}/{}, {}/{}) | entities P {:.3} R {:.3} ({}/{}, {}/{}) typed P {:.3} R {:.3}",
        q.precision(), q.recall(), q.found_ok, q.found, q.labelled_ok, q.labelled,
        speaker_accuracy, speakers.0, speakers.1,
        n.precision(), n.recall(), n.found_ok, n.found, n.labelled_ok, n.labelled,
        e.precision(), e.recall(), e.found_ok, e.found, e.labelled_ok, e.labelled,
        t.precision(), t.recall(),
    );
    // Floors a little under the measured values, so that a regression fails.
    let floors = [
        ("quote precision", q.precision(), FLOORS[0]),
        ("quote recall", q.recall(), FLOORS[1]),
        ("speaker accuracy", speaker_accuracy, FLOORS[2]),
        ("number precision", n.precision(), FLOORS[3]),
        ("number recall", n.recall(), FLOORS[4]),
        ("entity precision", e.precision(), FLOORS[5]),
        ("entity recall", e.recall(), FLOORS[6]),
    ];
    for (what, got, floor) in floors {
        assert!(got >= floor, "{what} {got:.3} is below the floor {floor}");
    }
}

/// Quote P, quote R, speaker accuracy, number P, number R, entity P, entity R.
const FLOORS: [f64; 7] = [0.9, 0.9, 0.9, 0.9, 0.75, 0.75, 0.7];
