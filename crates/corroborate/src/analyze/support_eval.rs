//! Scoring support and contradictions against hand labels (`labels/support-dev.jsonl` schema).
//!
//! A label file holds one *anchor* sentence a line: its set, cluster, document id and byte span,
//! and for other documents of its cluster a judgment `yes` (reports the anchor's main claim),
//! `partial` (some of its facts), `contradicts` or `no`. The anchor is mapped to the sentence of
//! our segmentation that overlaps its span the most; a document is *predicted* to support it
//! when [`SupportIndex::support`] lists that document, and to contradict it when
//! [`Contradictions::of`] finds a sentence there (and it does not support it).
//!
//! Support is scored on `yes` pairs: a predicted pair labelled `yes` is a true positive, one
//! labelled `no` or `contradicts` a false positive, a `yes` pair not predicted a false
//! negative. `partial` pairs are not scored either way (the brief may cite them). An anchor
//! that maps to no sentence of ours predicts nothing. Contradictions are scored the same way on
//! `contradicts` pairs (a predicted contradiction on a `partial` pair is a false positive).
//!
//! Folds: anchors are split into a development and a held-out half by the FNV-1a hash of a key
//! (the cluster id for sets of many clusters, the anchor's document id for the single-cluster
//! sets `seeds` and `duc2006`): even hashes are `dev`, odd ones `heldout`. Thresholds are
//! chosen on `dev` only.

use super::support::{Contradictions, SupportConfig, SupportIndex};
use crate::prepared::PreparedCluster;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One judgment of another document against an anchor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Judgment {
    /// `yes`, `partial`, `contradicts` or `no`.
    pub label: String,
    /// Start of the evidence span in that document, when there is evidence.
    #[serde(default)]
    pub start: Option<usize>,
    /// End of the evidence span.
    #[serde(default)]
    pub end: Option<usize>,
}

/// One labelled anchor sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// Label set (`neus_val`, `duc2006`, `seeds`, ...).
    pub set: String,
    /// Cluster id.
    pub cluster: String,
    /// Document id of the anchor.
    pub doc: String,
    /// Byte span of the anchor sentence in its document's text.
    pub start: usize,
    /// End of the span (exclusive).
    pub end: usize,
    /// What the sentence is (`fact`, `quote`, `opinion`, `background`, `furniture`).
    #[serde(default)]
    pub kind: String,
    /// Judgments by document id.
    pub support: BTreeMap<String, Judgment>,
}

/// Which half of the labels to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fold {
    /// The half thresholds are tuned on.
    Dev,
    /// The half kept out of tuning.
    Heldout,
}

impl Fold {
    /// The fold of an anchor (see the module documentation).
    pub fn of(anchor: &Anchor) -> Fold {
        let key = if anchor.set == "seeds" || anchor.set == "duc2006" {
            &anchor.doc
        } else {
            &anchor.cluster
        };
        if fnv1a(key.as_bytes()).is_multiple_of(2) {
            Fold::Dev
        } else {
            Fold::Heldout
        }
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Parse a label file (JSON Lines); blank lines are skipped. Errors name the line.
pub fn parse_labels(text: &str) -> Result<Vec<Anchor>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", i + 1)))
        .collect()
}

/// True and false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Predicted and labelled.
    pub tp: usize,
    /// Predicted, labelled otherwise.
    pub fp: usize,
    /// Labelled, not predicted.
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Counts {
    /// Precision; 1 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall; 1 when nothing is labelled.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores of one label set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SetScores {
    /// Label set.
    pub set: String,
    /// Anchors scored.
    pub anchors: usize,
    /// Anchors whose document or sentence was not found in the data.
    pub unmatched: usize,
    /// Support on `yes` pairs.
    pub support: Counts,
    /// Contradictions on `contradicts` pairs.
    pub contradictions: Counts,
}

/// A labelled pair and what was predicted, for reading errors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairOutcome {
    /// Label set.
    pub set: String,
    /// Anchor document id.
    pub doc: String,
    /// Anchor span.
    pub start: usize,
    /// Anchor span end.
    pub end: usize,
    /// The other document.
    pub other: String,
    /// Its label.
    pub label: String,
    /// Predicted support.
    pub supported: bool,
    /// Predicted contradiction.
    pub contradicted: bool,
    /// Span of the contradicting sentence and what differs, when one is predicted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contradiction: Option<(usize, usize, String)>,
    /// Match score of the best sentence of the other document.
    pub score: f64,
    /// Span of that sentence.
    pub matched: Option<(usize, usize)>,
    /// Parts of the best match: containment, cosine, topic, reverse containment, names agree,
    /// numbers conflict, numbers missing, mutual best.
    pub parts: Vec<f64>,
}

/// Where a document id lives among the prepared clusters.
fn locate(clusters: &[PreparedCluster]) -> BTreeMap<&str, (usize, usize)> {
    let mut out = BTreeMap::new();
    for (c, cluster) in clusters.iter().enumerate() {
        for (d, doc) in cluster.docs.iter().enumerate() {
            out.entry(doc.id.as_str()).or_insert((c, d));
        }
    }
    out
}

/// The sentence of document `doc` that overlaps `start..end` the most, if any.
pub fn anchor_sentence(
    cluster: &PreparedCluster,
    doc: usize,
    start: usize,
    end: usize,
) -> Option<usize> {
    let range = cluster.doc_sentences.get(doc)?.clone();
    range
        .filter_map(|i| {
            let s = &cluster.sentences[i].span;
            let overlap = s.end.min(end).saturating_sub(s.start.max(start));
            (overlap > 0).then_some((overlap, i))
        })
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, i)| i)
}

/// Score the anchors of `fold` (all when `None`) on the prepared clusters that hold their
/// documents; one entry per set, in order of first appearance, and every scored pair.
pub fn evaluate(
    anchors: &[Anchor],
    clusters: &[PreparedCluster],
    fold: Option<Fold>,
    config: &SupportConfig,
) -> (Vec<SetScores>, Vec<PairOutcome>) {
    let where_is = locate(clusters);
    let indices: Vec<Option<(SupportIndex, Contradictions)>> = {
        let mut used = vec![false; clusters.len()];
        for a in anchors {
            if let Some(&(c, _)) = where_is.get(a.doc.as_str()) {
                used[c] = true;
            }
        }
        clusters
            .iter()
            .zip(used)
            .map(|(c, u)| u.then(|| (SupportIndex::new(c), Contradictions::new(c))))
            .collect()
    };
    let mut sets: Vec<SetScores> = Vec::new();
    let mut pairs = Vec::new();
    for a in anchors {
        if fold.is_some_and(|f| Fold::of(a) != f) {
            continue;
        }
        let k = match sets.iter().position(|s| s.set == a.set) {
            Some(k) => k,
            None => {
                sets.push(SetScores {
                    set: a.set.clone(),
                    ..SetScores::default()
                });
                sets.len() - 1
            }
        };
        let scores = &mut sets[k];
        scores.anchors += 1;
        let found = where_is.get(a.doc.as_str()).and_then(|&(c, d)| {
            let cluster = &clusters[c];
            let (index, contra) = indices[c].as_ref()?;
            anchor_sentence(cluster, d, a.start, a.end).map(|s| (cluster, index, contra, s))
        });
        if found.is_none() {
            scores.unmatched += 1;
        }
        let support = found.map(|(cluster, index, _, s)| index.support(cluster, s, config));
        let contradictions = found.map(|(cluster, index, contra, s)| contra.of(cluster, index, s));
        for (other, j) in &a.support {
            let other_doc = found
                .and_then(|(cluster, _, _, _)| cluster.docs.iter().position(|d| &d.id == other));
            let mut parts = Vec::new();
            let mut contradiction = None;
            let (supported, contradicted, score, matched) = match (found, other_doc) {
                (Some((cluster, index, _, s)), Some(od)) => {
                    let supported = support
                        .as_ref()
                        .is_some_and(|m| m.matches.iter().any(|m| m.doc == od));
                    if !supported {
                        contradiction = contradictions
                            .iter()
                            .flatten()
                            .find(|(d, _, _)| *d == od)
                            .map(|(_, j, what)| {
                                let sp = &cluster.sentences[*j].span;
                                (sp.start, sp.end, what.clone())
                            });
                    }
                    let contradicted = contradiction.is_some();
                    let best = index.best_in_doc(cluster, s, od);
                    let score = best.map_or(0.0, |(_, m)| m.score);
                    if let Some((b, _)) = best {
                        parts = index.pair_features(cluster, s, b).to_vec();
                    }
                    let matched = best.map(|(b, _)| {
                        let sp = &cluster.sentences[b].span;
                        (sp.start, sp.end)
                    });
                    (supported, contradicted, score, matched)
                }
                _ => (false, false, 0.0, None),
            };
            let mut sup = Counts::default();
            match (j.label.as_str(), supported) {
                ("yes", true) => sup.tp += 1,
                ("yes", false) => sup.fn_ += 1,
                ("partial", _) => {}
                (_, true) => sup.fp += 1,
                _ => {}
            }
            scores.support.add(sup);
            let mut con = Counts::default();
            match (j.label.as_str(), contradicted) {
                ("contradicts", true) => con.tp += 1,
                ("contradicts", false) => con.fn_ += 1,
                (_, true) => con.fp += 1,
                _ => {}
            }
            scores.contradictions.add(con);
            pairs.push(PairOutcome {
                set: a.set.clone(),
                doc: a.doc.clone(),
                start: a.start,
                end: a.end,
                other: other.clone(),
                label: j.label.clone(),
                supported,
                contradicted,
                contradiction,
                score,
                matched,
                parts,
            });
        }
    }
    (sets, pairs)
}

/// The words of every sentence of a cluster, for studying the support rule outside Rust:
/// one JSON object with the document ids and, per sentence, its document, span, whether it is
/// a heading, its words as `[stem, stop, number value or null, capitalized]` and the entities
/// (index into the cluster's merged entities) mentioned in it.
pub fn dump_words(cluster: &PreparedCluster) -> serde_json::Value {
    use crate::segment::word_spans;
    let entities = super::entities::find(cluster);
    let sentences: Vec<serde_json::Value> = (0..cluster.sentences.len())
        .map(|i| {
            let s = &cluster.sentences[i];
            let text = cluster.text(i);
            let words: Vec<serde_json::Value> = word_spans(text)
                .zip(s.tokens.iter())
                .map(|(w, &id)| {
                    let word = &text[w];
                    serde_json::json!([
                        cluster.vocab.term(id),
                        cluster.vocab.is_stop(id),
                        super::support::number_value_of(word),
                        word.starts_with(char::is_uppercase),
                    ])
                })
                .collect();
            let ents: Vec<usize> = entities
                .mentions
                .iter()
                .filter(|m| {
                    m.mention.doc == s.doc
                        && m.mention.span.start >= s.span.start
                        && m.mention.span.end <= s.span.end
                })
                .map(|m| m.entity)
                .collect();
            serde_json::json!({
                "doc": s.doc, "start": s.span.start, "end": s.span.end,
                "heading": s.heading, "words": words, "ents": ents, "text": text,
            })
        })
        .collect();
    serde_json::json!({
        "id": cluster.id,
        "docs": cluster.docs.iter().map(|d| d.id.clone()).collect::<Vec<_>>(),
        "entities": entities.entities.iter().map(|e| e.name.clone()).collect::<Vec<_>>(),
        "sentences": sentences,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Pipeline};

    fn cluster() -> PreparedCluster {
        let docs = vec![
            Document::from_text(
                "a",
                "A fire destroyed three warehouses at Kessel harbor on Tuesday night. \
                 Share prices fell sharply in early trading in London.",
            ),
            Document::from_text(
                "b",
                "On Tuesday night three warehouses at Kessel harbor were destroyed by fire. \
                 The council debated parking fees again.",
            ),
            Document::from_text(
                "c",
                "Schools reopened after the holiday break. A new bakery opened near the station.",
            ),
        ];
        Pipeline::default().prepare_documents(docs)
    }

    fn anchor(labels: &[(&str, &str)]) -> Anchor {
        Anchor {
            set: "t".into(),
            cluster: "x".into(),
            doc: "a".into(),
            start: 0,
            end: 60,
            kind: "fact".into(),
            support: labels
                .iter()
                .map(|(d, l)| {
                    (
                        d.to_string(),
                        Judgment {
                            label: l.to_string(),
                            start: None,
                            end: None,
                        },
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn pairs_are_counted_by_label_and_partial_is_not_scored() {
        let c = [cluster()];
        let config = SupportConfig::default();
        let (s, _) = evaluate(&[anchor(&[("b", "yes"), ("c", "yes")])], &c, None, &config);
        assert_eq!(
            s[0].support,
            Counts {
                tp: 1,
                fp: 0,
                fn_: 1
            }
        );
        let (s, _) = evaluate(&[anchor(&[("b", "no")])], &c, None, &config);
        assert_eq!(
            s[0].support,
            Counts {
                tp: 0,
                fp: 1,
                fn_: 0
            }
        );
        let (s, _) = evaluate(&[anchor(&[("b", "partial")])], &c, None, &config);
        assert_eq!(s[0].support, Counts::default());
    }

    #[test]
    fn unknown_documents_predict_nothing() {
        let mut a = anchor(&[("b", "yes")]);
        a.doc = "missing".into();
        let (s, _) = evaluate(&[a], &[cluster()], None, &SupportConfig::default());
        assert_eq!(s[0].unmatched, 1);
        assert_eq!(
            s[0].support,
            Counts {
                tp: 0,
                fp: 0,
                fn_: 1
            }
        );
    }

    #[test]
    fn labels_parse_and_bad_lines_are_named() {
        let line = r#"{"set":"s","cluster":"c","doc":"d","start":0,"end":3,"sentence":"x","kind":"fact","support":{"e":{"label":"no","start":null,"end":null,"evidence_text":""}}}"#;
        let parsed = parse_labels(&format!("{line}\n\n{line}\n")).expect("valid labels");
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[0].support["e"].label, "no");
        let err = parse_labels("{\"set\": 1}").expect_err("invalid");
        assert!(err.starts_with("line 1:"), "{err}");
    }

    #[test]
    fn folds_are_stable() {
        let a = anchor(&[]);
        assert_eq!(Fold::of(&a), Fold::of(&a.clone()));
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
    }
}
