//! Analyze: support across sources, quotes, numbers and disagreements, entities, timeline.
//!
//! Every finding points back at the text it came from with [`Mention`]s (document index and
//! byte span), so that renderers can cite and highlight it.

pub mod brief;
pub mod report;
pub mod support;
pub mod support_eval;
pub mod whats_new;

mod copies;
mod entities;
internal_mod! {
    revisions;
}
mod numbers;
mod quotes;
mod timeline;
mod tokens;

internal_use!(quotes::score::{same_speaker, score as score_quotes, QuoteLabel, QuoteScore});

use crate::prepared::PreparedCluster;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Where something was found: a document index of the cluster and a byte span in its text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mention {
    /// Index of the document in the cluster.
    pub doc: usize,
    /// Byte range in the document's text.
    pub span: Range<usize>,
}

/// A person quoted, resolved to a full name and role where the articles give them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Full name (or the description used, e.g. "a White House spokeswoman").
    pub name: String,
    /// Role or affiliation, when given ("head of the SDF media office").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// A direct quotation, merged across the outlets that carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// Who said it, when the text says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    /// Documents that carry the quote (sorted, unique).
    pub sources: Vec<usize>,
    /// Every occurrence.
    pub mentions: Vec<Mention>,
}

/// One value reported for a quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberValue {
    /// Normalized value (the midpoint for ranges).
    pub value: f64,
    /// Lower and upper bound, equal for an exact value.
    pub low: f64,
    /// Upper bound; unbounded ("more than 72,000") is infinite, written `null` in JSON.
    #[serde(with = "unbounded")]
    pub high: f64,
    /// Qualifier: "about", "more than", "at least", "nearly", ... (empty when exact).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub qualifier: String,
    /// The text as written ("nearly 30,000").
    pub text: String,
    /// Who gives the figure, when the sentence says ("IRC" in "..., according to the IRC").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The time window the figure covers, when the sentence says ("since January").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// Documents that report this value (sorted, unique).
    pub sources: Vec<usize>,
    /// Every occurrence.
    pub mentions: Vec<Mention>,
}

/// The cluster of the given texts (ids "0", "1", ...), prepared by the default pipeline: the
/// input of the analysis modules' unit tests.
#[cfg(test)]
pub(crate) fn test_cluster(texts: &[&str]) -> crate::PreparedCluster {
    let docs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| crate::Document::from_text(i.to_string(), *t))
        .collect();
    crate::Pipeline::default().prepare_documents(docs)
}

/// Serde for an upper bound that may be infinite: `null` in JSON.
mod unbounded {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
        if v.is_finite() {
            s.serialize_f64(*v)
        } else {
            s.serialize_none()
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::INFINITY))
    }
}

/// A quantity and the values the sources give for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberGroup {
    /// What is counted ("US troops in Syria", "people in al-Hol camp").
    pub what: String,
    /// The values reported, most supported first.
    pub values: Vec<NumberValue>,
    /// Whether sources give values that cannot all be true for the same scope (who gives
    /// the figure, the time window).
    pub disagree: bool,
    /// Documents that themselves give two values that cannot both be true (sorted).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub within_source: Vec<usize>,
    /// The values differ, but each is given by someone else or for another time window:
    /// different figures, not a disagreement.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub scoped: bool,
}

/// Kind of named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation, group, party, company, agency.
    Organization,
    /// A place.
    Place,
    /// Anything else named.
    Other,
}

/// A named entity with its aliases merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Canonical (longest, most complete) name.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Other names used for it (acronyms, variants, surname only), sorted.
    pub aliases: Vec<String>,
    /// Documents that mention it (sorted, unique).
    pub sources: Vec<usize>,
    /// Number of mentions.
    pub mentions: usize,
}

/// A dated or relative-time statement placed on a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// Resolved date, ISO 8601 (`2019-02-09`, `2019-02`, `2014`), or the expression as written
    /// when it cannot be resolved.
    pub date: String,
    /// Whether `date` is resolved (sortable) or only the expression as written.
    pub resolved: bool,
    /// Why an unresolved date cannot be placed ("relative to its source's date, which the
    /// source does not give").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undatable: Option<String>,
    /// The sentence that states it.
    pub text: String,
    /// Documents that state it (sorted, unique).
    pub sources: Vec<usize>,
    /// Where it was found.
    pub mentions: Vec<Mention>,
}

/// Everything the analyzers found in one cluster.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Direct quotations.
    pub quotes: Vec<Quote>,
    /// Quantities, grouped across sources.
    pub numbers: Vec<NumberGroup>,
    /// Named entities.
    pub entities: Vec<Entity>,
    /// Dated statements, in date order.
    pub timeline: Vec<TimelineEntry>,
}

/// Analyze a prepared cluster: quotes with their speakers, quantities and disagreements,
/// named entities with aliases, and a timeline. Reads only the cleaned sentences.
pub fn analyze(cluster: &PreparedCluster) -> Analysis {
    analyze_with_mentions(cluster).0
}

/// [`analyze`], with every entity mention (sorted by document and offset) for the support
/// index, which would otherwise find the entities again.
pub(crate) fn analyze_with_mentions(
    cluster: &PreparedCluster,
) -> (Analysis, Vec<entities::EntityMention>) {
    let (analysis, mentions, _) = analyze_all(cluster);
    (analysis, mentions)
}

/// [`analyze_with_mentions`], with the quantities the numbers were grouped from (for the
/// contradictions of the complete report, which would otherwise read them again).
pub(crate) fn analyze_all(
    cluster: &PreparedCluster,
) -> (Analysis, Vec<entities::EntityMention>, Vec<numbers::Found>) {
    let index = entities::find(cluster);
    let quotes = quotes::find(cluster, &index);
    let entities::EntityIndex {
        entities, mentions, ..
    } = index;
    let quantities = numbers::quantities(cluster);
    let analysis = Analysis {
        quotes,
        numbers: numbers::group(&quantities),
        entities,
        timeline: timeline::find(cluster),
    };
    (analysis, mentions, quantities)
}
