//! The complete analysis of a cluster, uncapped: every story sentence of every source with
//! the sources that report it and those that contradict it, and every quote, number, entity
//! and timeline entry. The brief is an edited view of this; `corroborate analyze --json`
//! prints it (see `docs/analyze-json.md`).
//!
//! Sources are numbered from 1 as in the brief, and every span is a byte span of the source's
//! text as read.

use super::brief::{
    sections, sources, EntityItem, NumberItem, QuoteItem, SourceEntry, TimelineItem,
};
use super::support::{Contradictions, SupportConfig, SupportIndex};
use super::{analyze_all, Analysis, Mention};
use crate::prepared::PreparedCluster;
use serde::{Deserialize, Serialize};

/// A source as the analysis lists it: the brief's entry and, for a near copy, the source it
/// copies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceReport {
    /// The source, as in the brief (with `copy_of` for a near copy).
    #[serde(flatten)]
    pub entry: SourceEntry,
}

/// Where another source says the same thing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanRef {
    /// Source number (1-based).
    pub source: usize,
    /// Start byte offset in that source's text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// Whether that source is a near copy of another (its support is not independent).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub copy: bool,
}

/// Where another source says something that cannot be true with this sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contradiction {
    /// Source number (1-based).
    pub source: usize,
    /// Start byte offset in that source's text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// What differs ("people: 14 / 12": the thing counted, this sentence's value, theirs).
    pub what: String,
}

/// One story sentence of one source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceReport {
    /// Source number (1-based).
    pub source: usize,
    /// Start byte offset in the source text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The sentence.
    pub text: String,
    /// Date of what it reports, when the timeline resolved one in it (ISO 8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The sentence of each other source that reports the same, by source number.
    pub supported_by: Vec<SpanRef>,
    /// The sentences of other sources that give a different value, by source number.
    pub contradicted_by: Vec<Contradiction>,
}

/// The complete analysis of one cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterReport {
    /// Cluster id.
    pub id: String,
    /// The inputs, numbered from 1.
    pub sources: Vec<SourceReport>,
    /// Every story sentence of every source, by source then position.
    pub sentences: Vec<SentenceReport>,
    /// Direct quotations.
    pub quotes: Vec<QuoteItem>,
    /// Quantities and the values reported.
    pub numbers: Vec<NumberItem>,
    /// Named entities.
    pub entities: Vec<EntityItem>,
    /// Dated statements in date order.
    pub timeline: Vec<TimelineItem>,
}

/// Analyze a cluster completely.
pub(crate) fn report(cluster: &PreparedCluster, config: &SupportConfig) -> ClusterReport {
    let (analysis, mentions, quantities) = analyze_all(cluster);
    let index = SupportIndex::with_entities(cluster, &analysis.entities, &mentions);
    let contradictions = Contradictions::from_quantities(cluster, quantities);
    report_from(cluster, &analysis, &index, &contradictions, config)
}

/// The complete analysis from an [`Analysis`] and a support index already made.
fn report_from(
    cluster: &PreparedCluster,
    analysis: &Analysis,
    index: &SupportIndex,
    contradictions: &Contradictions,
    config: &SupportConfig,
) -> ClusterReport {
    let sources: Vec<SourceReport> = sources(cluster)
        .into_iter()
        .map(|entry| SourceReport { entry })
        .collect();
    let copies: Vec<bool> = sources.iter().map(|s| s.entry.copy_of.is_some()).collect();
    // The first resolved timeline date inside each sentence.
    let mut dates: Vec<Option<&str>> = vec![None; cluster.sentences.len()];
    for t in analysis.timeline.iter().filter(|t| t.resolved) {
        for m in &t.mentions {
            if let Some(i) = sentence_at(cluster, m) {
                dates[i].get_or_insert(t.date.as_str());
            }
        }
    }
    let sentences = cluster
        .body_sentences()
        .map(|i| {
            let s = &cluster.sentences[i];
            let support = index.support(cluster, i, config);
            let supported_by = support
                .matches
                .iter()
                .filter(|m| m.doc != s.doc)
                .map(|m| SpanRef {
                    source: m.doc + 1,
                    start: m.mention.span.start,
                    end: m.mention.span.end,
                    copy: copies.get(m.doc).copied().unwrap_or(false),
                })
                .collect();
            let contradicted_by = contradictions
                .of(cluster, index, i)
                .into_iter()
                .filter(|(d, _, _)| support.matches.iter().all(|m| m.doc != *d))
                .map(|(d, j, what)| {
                    let span = &cluster.sentences[j].span;
                    Contradiction {
                        source: d + 1,
                        start: span.start,
                        end: span.end,
                        what,
                    }
                })
                .collect();
            SentenceReport {
                source: s.doc + 1,
                start: s.span.start,
                end: s.span.end,
                text: cluster.text(i).to_string(),
                date: dates[i].map(str::to_string),
                supported_by,
                contradicted_by,
            }
        })
        .collect();
    let sections = sections(cluster, analysis, false);
    ClusterReport {
        id: cluster.id.clone(),
        sources,
        sentences,
        quotes: sections.quotes,
        numbers: sections.numbers,
        entities: sections.entities,
        timeline: sections.timeline,
    }
}

/// The sentence that holds the start of a mention, if any (binary search by span).
fn sentence_at(cluster: &PreparedCluster, m: &Mention) -> Option<usize> {
    let range = cluster.doc_sentences.get(m.doc)?.clone();
    let sentences = &cluster.sentences[range.clone()];
    let k = sentences.partition_point(|s| s.span.end <= m.span.start);
    (k < sentences.len() && sentences[k].span.start <= m.span.start).then_some(range.start + k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Pipeline};

    fn cluster(texts: &[&str]) -> PreparedCluster {
        let docs = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::from_text(format!("d{i}"), *t))
            .collect();
        Pipeline::default().prepare_documents(docs)
    }

    const A: &str = "A fire destroyed three warehouses at Kessel harbor on Tuesday night. \
        The cause of the fire is not yet known. Share prices fell sharply in London.";
    const B: &str = "On Tuesday night three warehouses at Kessel harbor were destroyed by fire. \
        The council debated parking fees again.";

    #[test]
    fn every_story_sentence_is_listed_with_spans_that_slice_back() {
        let c = cluster(&[A, B]);
        let r = report(&c, &SupportConfig::default());
        assert_eq!(r.sentences.len(), c.body_sentences().count());
        for s in &r.sentences {
            assert_eq!(c.docs[s.source - 1].text[s.start..s.end], s.text);
            for by in &s.supported_by {
                assert_ne!(by.source, s.source);
                assert!(c.docs[by.source - 1].text.get(by.start..by.end).is_some());
            }
        }
        let fire = &r.sentences[0];
        assert_eq!(fire.supported_by.len(), 1, "{fire:?}");
        assert_eq!(fire.supported_by[0].source, 2);
        assert_eq!(r.sources.len(), 2);
        assert!(r.sources.iter().all(|s| s.entry.copy_of.is_none()));
    }

    #[test]
    fn a_near_copy_is_marked_and_its_support_flagged() {
        let c = cluster(&[A, B, A]);
        let r = report(&c, &SupportConfig::default());
        assert_eq!(r.sources[2].entry.copy_of, Some(1));
        assert_eq!(r.sources[1].entry.copy_of, None);
        let fire = &r.sentences[0];
        assert!(fire.supported_by.iter().any(|s| s.source == 3 && s.copy));
        assert!(fire.supported_by.iter().any(|s| s.source == 2 && !s.copy));
    }

    #[test]
    fn one_source_has_no_support_and_empty_input_does_not_panic() {
        let r = report(&cluster(&[A]), &SupportConfig::default());
        assert!(r.sentences.iter().all(|s| s.supported_by.is_empty()));
        let r = report(&cluster(&[""]), &SupportConfig::default());
        assert!(r.sentences.is_empty());
    }

    #[test]
    fn same_input_same_json() {
        let c = cluster(&[A, B, A]);
        let a = serde_json::to_string(&report(&c, &SupportConfig::default())).expect("json");
        let b = serde_json::to_string(&report(&c, &SupportConfig::default())).expect("json");
        assert_eq!(a, b);
    }
}
