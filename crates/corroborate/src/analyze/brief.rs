//! The brief: a cited summary with support counts, quotes, numbers, entities, a timeline and
//! the list of sources, assembled from the summarizer and the analyzers for the renderers.
//!
//! Sources are numbered from 1 in input order; every `sources` list in a brief holds these
//! numbers (not 0-based document indices), and every [`Passage`] names its source the same
//! way, with a byte span into that source's text.

use super::support::{SentenceSupport, SupportConfig, SupportIndex};
use super::{Analysis, EntityKind, Mention, Speaker};
use crate::clean::BlockKind;
use crate::prepared::PreparedCluster;
use crate::summarize::{Budget, Method};
use serde::{Deserialize, Serialize};

/// How to build a brief: one serde struct shared by the CLI and a server.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BriefConfig {
    /// Summarization method of the summary section.
    pub method: Method,
    /// Length of the summary section.
    pub budget: Budget,
    /// Support matching.
    pub support: SupportConfig,
}

impl Default for BriefConfig {
    fn default() -> Self {
        BriefConfig {
            method: default_method(),
            budget: Budget::Words(250),
            support: SupportConfig::default(),
        }
    }
}

/// The method a brief uses unless told otherwise: `default` when the summarizer offers it,
/// else `lead`.
pub fn default_method() -> Method {
    Method::from_name("default")
        .or_else(|| Method::from_name("lead"))
        .unwrap_or(Method::ALL[0])
}

/// Match score above which two sentences of one source say the same thing twice.
const REPEAT_SCORE: f64 = 0.6;

/// A place in a source: 1-based source number and byte span into that source's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// Source number (1-based, as in [`SourceEntry::n`]).
    pub source: usize,
    /// Start byte offset in the source text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The text of the span.
    pub text: String,
}

/// One input article as the brief lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceEntry {
    /// Source number, from 1, in input order.
    pub n: usize,
    /// Document id.
    pub id: String,
    /// Headline, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Outlet, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Where it was read from: URL, else path (with `:line` for JSONL inputs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// Publication date as the input gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Words of story text kept after cleaning.
    pub words_kept: usize,
    /// Lines of page furniture removed by cleaning.
    pub lines_removed: usize,
}

/// A summary sentence with every source that reports the same information.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryItem {
    /// The sentence as written in the source it was taken from.
    pub text: String,
    /// Sources that report it, sorted; the first passage's source is where it was taken from.
    pub sources: Vec<usize>,
    /// Number of sources that report it (`sources.len()`).
    pub support: usize,
    /// The sentence in each supporting source: the taken sentence first, then by source.
    pub passages: Vec<Passage>,
}

/// A quotation with its speaker and the sources that carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteItem {
    /// The quoted words.
    pub text: String,
    /// Who said it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    /// Sources that carry it, sorted.
    pub sources: Vec<usize>,
    /// Where it appears.
    pub passages: Vec<Passage>,
}

/// One value reported for a quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValueItem {
    /// Normalized value.
    pub value: f64,
    /// As written ("nearly 30,000").
    pub text: String,
    /// Sources that give it, sorted.
    pub sources: Vec<usize>,
    /// Where it appears.
    pub passages: Vec<Passage>,
}

/// A quantity and the values the sources give for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberItem {
    /// What is counted.
    pub what: String,
    /// Values, most supported first.
    pub values: Vec<ValueItem>,
    /// Whether the sources give values that cannot all be true.
    pub disagree: bool,
}

/// A named entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityItem {
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Other names used for it.
    pub aliases: Vec<String>,
    /// Sources that mention it, sorted.
    pub sources: Vec<usize>,
    /// Number of mentions.
    pub mentions: usize,
}

/// A dated statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineItem {
    /// ISO 8601 date, or the expression as written when unresolved.
    pub date: String,
    /// Whether `date` is resolved.
    pub resolved: bool,
    /// Why an unresolved date cannot be placed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undatable: Option<String>,
    /// The statement.
    pub text: String,
    /// Sources that state it, sorted.
    pub sources: Vec<usize>,
    /// Where it appears.
    pub passages: Vec<Passage>,
}

/// Everything a reader of a cluster needs, with citations by source number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    /// A headline for the brief (the first source's title, else the cluster id).
    pub title: String,
    /// The summarization method used.
    pub method: Method,
    /// The inputs, numbered from 1.
    pub sources: Vec<SourceEntry>,
    /// Cited summary sentences in reading order.
    pub summary: Vec<SummaryItem>,
    /// Direct quotations.
    pub quotes: Vec<QuoteItem>,
    /// Quantities and the values reported.
    pub numbers: Vec<NumberItem>,
    /// Named entities.
    pub entities: Vec<EntityItem>,
    /// Dated statements in date order.
    pub timeline: Vec<TimelineItem>,
}

impl Brief {
    /// Number of sources.
    pub fn source_count(&self) -> usize {
        self.sources.len()
    }
}

/// Build the brief of a cluster: summary with support, the analyses, the sources.
pub fn build_brief(cluster: &PreparedCluster, config: &BriefConfig) -> Brief {
    build_brief_with(cluster, &super::analyze(cluster), config)
}

/// Build the brief of a cluster from an analysis already made.
pub fn build_brief_with(
    cluster: &PreparedCluster,
    analysis: &Analysis,
    config: &BriefConfig,
) -> Brief {
    let summary = config.method.summarize(cluster, config.budget);
    let index = SupportIndex::new(cluster);
    // Each thing is said once, with all its sources: a summary sentence that matches an
    // earlier one both ways (each cites the other as saying the same), one that repeats an
    // earlier sentence of its own source, and a line repeated verbatim (a caption printed
    // twice), are left out.
    let mut seen_text = std::collections::HashSet::new();
    let mut kept: Vec<SentenceSupport> = Vec::new();
    for &i in &summary.sentences {
        if !seen_text.insert(one_line(cluster.text(i))) {
            continue;
        }
        let support = index.support(cluster, i, &config.support);
        let redundant = kept.iter().any(|k| {
            let mutual = k.matches.iter().any(|m| m.sentence == i)
                && support.matches.iter().any(|m| m.sentence == k.sentence);
            let same_doc = cluster.sentences[k.sentence].doc == cluster.sentences[i].doc;
            mutual || (same_doc && index.score(i, k.sentence).score >= REPEAT_SCORE)
        });
        if !redundant {
            kept.push(support);
        }
    }
    let items = kept.iter().map(|s| summary_item(cluster, s)).collect();
    let sections = sections(cluster, analysis, true);
    Brief {
        title: brief_title(cluster),
        method: config.method,
        sources: sources(cluster),
        summary: items,
        quotes: sections.quotes,
        numbers: sections.numbers,
        entities: sections.entities,
        timeline: sections.timeline,
    }
}

/// The quotes, numbers, entities and timeline of an analysis as the brief and the full
/// report show them: source numbers and passages into the sources as read.
pub(crate) struct Sections {
    pub quotes: Vec<QuoteItem>,
    pub numbers: Vec<NumberItem>,
    pub entities: Vec<EntityItem>,
    pub timeline: Vec<TimelineItem>,
}

/// [`Sections`] of `analysis`. With `one_per_sentence`, a sentence with two time expressions
/// ("on Wednesday ... next week") is placed on the timeline once, at its first (the analysis
/// lists resolved dates first, then in text order); without it every entry is kept.
pub(crate) fn sections(
    cluster: &PreparedCluster,
    analysis: &Analysis,
    one_per_sentence: bool,
) -> Sections {
    let passages = |mentions: &[Mention]| -> Vec<Passage> {
        let mut out: Vec<Passage> = mentions
            .iter()
            .filter_map(|m| passage(cluster, m))
            .collect();
        out.sort_by_key(|p| (p.source, p.start, p.end));
        out.dedup();
        out
    };
    let mut seen_timeline = std::collections::HashSet::new();
    Sections {
        quotes: analysis
            .quotes
            .iter()
            .map(|q| QuoteItem {
                text: q.text.clone(),
                speaker: q.speaker.clone(),
                sources: numbers_of(&q.sources),
                passages: passages(&q.mentions),
            })
            .collect(),
        numbers: analysis
            .numbers
            .iter()
            .map(|g| NumberItem {
                what: g.what.clone(),
                values: g
                    .values
                    .iter()
                    .map(|v| ValueItem {
                        value: v.value,
                        text: v.text.clone(),
                        sources: numbers_of(&v.sources),
                        passages: passages(&v.mentions),
                    })
                    .collect(),
                disagree: g.disagree,
            })
            .collect(),
        entities: analysis
            .entities
            .iter()
            .map(|e| EntityItem {
                name: e.name.clone(),
                kind: e.kind,
                aliases: e.aliases.clone(),
                sources: numbers_of(&e.sources),
                mentions: e.mentions,
            })
            .collect(),
        timeline: analysis
            .timeline
            .iter()
            .filter(|t| !one_per_sentence || seen_timeline.insert(one_line(&t.text)))
            .map(|t| TimelineItem {
                date: t.date.clone(),
                resolved: t.resolved,
                undatable: t.undatable.clone(),
                text: t.text.clone(),
                sources: numbers_of(&t.sources),
                passages: passages(&t.mentions),
            })
            .collect(),
    }
}

fn summary_item(cluster: &PreparedCluster, support: &SentenceSupport) -> SummaryItem {
    let own = cluster.sentences[support.sentence].doc;
    let mut passages: Vec<Passage> = support
        .matches
        .iter()
        .filter_map(|m| passage(cluster, &m.mention))
        .collect();
    // The sentence's own source first, then the others by number.
    passages.sort_by_key(|p| (p.source != own + 1, p.source));
    SummaryItem {
        text: cluster.text(support.sentence).to_string(),
        sources: numbers_of(&support.docs()),
        support: support.count(),
        passages,
    }
}

pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// 1-based source numbers of 0-based document indices, sorted and unique.
pub(crate) fn numbers_of(docs: &[usize]) -> Vec<usize> {
    let mut out: Vec<usize> = docs.iter().map(|d| d + 1).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The passage of a mention, or `None` when the mention does not fit its document (an
/// analyzer bug must not crash the brief).
pub(crate) fn passage(cluster: &PreparedCluster, m: &Mention) -> Option<Passage> {
    let text = cluster.docs.get(m.doc)?.text.get(m.span.clone())?;
    Some(Passage {
        source: m.doc + 1,
        start: m.span.start,
        end: m.span.end,
        text: text.to_string(),
    })
}

fn brief_title(cluster: &PreparedCluster) -> String {
    cluster
        .docs
        .iter()
        .find_map(|d| d.title.as_deref().filter(|t| !t.trim().is_empty()))
        .map(|t| t.trim().to_string())
        .unwrap_or_else(|| cluster.id.clone())
}

pub(crate) fn sources(cluster: &PreparedCluster) -> Vec<SourceEntry> {
    cluster
        .docs
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            let cleaned = cluster.cleaned.get(d);
            let words_kept = cleaned.map_or(0, |c| {
                c.kept
                    .iter()
                    .map(|b| doc.text[b.span.clone()].split_whitespace().count())
                    .sum()
            });
            let origin = doc.origin.url.clone().or_else(|| {
                doc.origin.path.as_ref().map(|p| match doc.origin.line {
                    Some(line) => format!("{p}:{line}"),
                    None => p.clone(),
                })
            });
            // The input's headline, else the first heading the cleaner kept.
            let title = doc.title.clone().or_else(|| {
                cleaned?
                    .kept
                    .iter()
                    .find(|b| b.kind == BlockKind::Heading)
                    .map(|b| doc.text[b.span.clone()].trim().to_string())
            });
            SourceEntry {
                n: d + 1,
                id: doc.id.clone(),
                title,
                outlet: doc.source.clone(),
                origin,
                date: doc.published.clone(),
                words_kept,
                lines_removed: cleaned.map_or(0, |c| c.removed.len()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{NumberGroup, NumberValue};
    use crate::{Document, Pipeline};

    fn cluster() -> PreparedCluster {
        let mut docs = vec![
            Document::from_text(
                "a",
                "Harbor fire\n\nA fire destroyed three warehouses at Kessel harbor on Tuesday night. \
                 The cause is not known.",
            ),
            Document::from_text(
                "b",
                "Warehouses burn\n\nThree warehouses at Kessel harbor were destroyed by a fire on Tuesday night. \
                 Twelve people were hurt.",
            ),
            Document::from_text(
                "c",
                "Council news\n\nThe council met on Monday to discuss parking fees in the old town.",
            ),
        ];
        docs[0].title = Some("Harbor fire".into());
        Pipeline::default().prepare_documents(docs)
    }

    #[test]
    fn summary_items_cite_every_supporting_source_with_its_sentence() {
        let c = cluster();
        let brief = build_brief(&c, &BriefConfig::default());
        let fire = brief
            .summary
            .iter()
            .find(|s| s.text.starts_with("A fire destroyed"))
            .expect("lead picks the first sentence of source 1");
        assert_eq!(fire.sources, vec![1, 2]);
        assert_eq!(fire.support, 2);
        assert_eq!(fire.passages[0].source, 1);
        assert_eq!(fire.passages[1].source, 2);
        assert!(fire.passages[1].text.starts_with("Three warehouses"));
        let council = brief
            .summary
            .iter()
            .find(|s| s.text.starts_with("The council"))
            .expect("lead picks the first sentence of source 3");
        assert_eq!(council.sources, vec![3]);
        assert_eq!(council.support, 1);
    }

    #[test]
    fn sources_are_numbered_from_one_with_kept_words() {
        let brief = build_brief(&cluster(), &BriefConfig::default());
        let ns: Vec<usize> = brief.sources.iter().map(|s| s.n).collect();
        assert_eq!(ns, vec![1, 2, 3]);
        assert!(brief.sources[0].words_kept >= 15);
        assert_eq!(brief.title, "Harbor fire");
    }

    #[test]
    fn analysis_documents_become_source_numbers_and_bad_spans_are_dropped() {
        let c = cluster();
        let analysis = Analysis {
            numbers: vec![NumberGroup {
                what: "people hurt".into(),
                values: vec![NumberValue {
                    value: 12.0,
                    low: 12.0,
                    high: 12.0,
                    qualifier: String::new(),
                    text: "Twelve".into(),
                    sources: vec![1],
                    mentions: vec![
                        Mention { doc: 1, span: 0..7 },
                        Mention {
                            doc: 1,
                            span: 5000..5007,
                        },
                        Mention { doc: 9, span: 0..1 },
                    ],
                }],
                disagree: false,
            }],
            ..Analysis::default()
        };
        let brief = build_brief_with(&c, &analysis, &BriefConfig::default());
        let v = &brief.numbers[0].values[0];
        assert_eq!(v.sources, vec![2]);
        assert_eq!(v.passages.len(), 1);
        assert_eq!(v.passages[0].source, 2);
    }

    #[test]
    fn config_round_trips_through_json() {
        let config = BriefConfig::default();
        let json = serde_json::to_string(&config).expect("serializable");
        let back: BriefConfig = serde_json::from_str(&json).expect("parses");
        assert_eq!(config, back);
    }
}
