//! Articles as read from their inputs, before any processing.

use serde::{Deserialize, Serialize};

/// Where a document came from, so that every later stage can cite it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    /// File path, or `-` for standard input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// 1-based line number inside a JSONL / Multi-News file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// URL of the article, when the input gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Whether the text was extracted from HTML, its story region already chosen from the
    /// page's structure (the line cleaner then skips its own region search).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub markup: bool,
}

/// One news article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Identifier, unique within its cluster.
    pub id: String,
    /// Headline, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The article text (for HTML, the extracted main text). Spans of later stages index it.
    pub text: String,
    /// Outlet name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Publication date as given by the input (ISO 8601 preferred).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Author or byline, when the input gave one (HTML pages: meta tags and JSON-LD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Language of the text as an ISO 639-3 code ("eng", "deu"), detected from the text of HTML
    /// pages; `None` when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Gold story label of an evaluation set (`gold` in article JSONL); nothing reads it
    /// but the scoring of story grouping.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gold: Option<String>,
    /// Where it was read from.
    #[serde(default)]
    pub origin: Origin,
}

impl Document {
    /// A document with only an id and text.
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            ..Document::default()
        }
    }

    /// The gold story label for scoring a grouping: the `gold` field, or for an unlabelled
    /// article a label of its own (its id behind a NUL, which no real label starts with), so
    /// it counts as a story alone.
    pub fn gold_label(&self) -> String {
        self.gold
            .clone()
            .unwrap_or_else(|| format!("\u{0}{}", self.id))
    }
}

/// A human reference summary of a cluster.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// Identifier of the reference (annotator).
    #[serde(default)]
    pub id: String,
    /// The summary text.
    pub text: String,
}

/// A query-focused topic (DUC).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Topic {
    /// Short title.
    #[serde(default)]
    pub title: String,
    /// The information need.
    #[serde(default)]
    pub narrative: String,
}

/// Several reports of the same event, optionally with reference summaries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cluster {
    /// Cluster identifier.
    pub id: String,
    /// The articles.
    pub docs: Vec<Document>,
    /// Human reference summaries (evaluation sets only).
    #[serde(default)]
    pub refs: Vec<Reference>,
    /// Query-focused topic, when the dataset has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<Topic>,
}
