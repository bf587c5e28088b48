//! The entry point: one [`Config`] and one [`Corroborate`] that reads inputs into clusters,
//! prepares, summarizes, analyzes, briefs and renders. Front ends (the CLI, a server, a
//! binding) need nothing else for the common paths.

use crate::analyze::brief::{build_brief, Brief, BriefConfig};
use crate::analyze::report::{report, ClusterReport};
use crate::analyze::whats_new::WhatsNew;
use crate::analyze::Analysis;
use crate::clean::CleanedDocument;
use crate::ingest::{read_inputs, IngestOptions, Ingested};
use crate::render::{Format, SummaryFormat};
use crate::{Budget, Cluster, Document, Error, Pipeline, PreparedCluster, Summary};
use serde::{Deserialize, Serialize};

/// Every setting of a run, as one serde struct (missing fields take their defaults).
///
/// ```
/// let config: corroborate::Config =
///     serde_json::from_str(r#"{"brief": {"budget": {"unit": "words", "limit": 120}}}"#).unwrap();
/// assert_eq!(config.brief.budget, corroborate::Budget::Words(120));
/// assert_eq!(config.max_input_bytes, corroborate::Config::default().max_input_bytes);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Largest input accepted, in bytes; a larger one is skipped with an error.
    pub max_input_bytes: u64,
    /// The summary's method and budget, and the brief's support matching.
    pub brief: BriefConfig,
    /// Keep every line of the documents instead of removing page furniture (what
    /// [`Corroborate::prepare`] splits into sentences; `split` without `--clean`).
    pub keep_all_lines: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_input_bytes: IngestOptions::default().max_bytes,
            brief: BriefConfig::default(),
            keep_all_lines: false,
        }
    }
}

/// What [`Corroborate::read`] read: clusters, and the problems met on the way.
#[derive(Debug, Default)]
pub struct Inputs {
    /// Cluster-format inputs as they are; loose articles (text, HTML, article JSONL) together
    /// form one more cluster, first, with the id `input` (`input-2`, ... when a cluster read
    /// from a file already has that id).
    pub clusters: Vec<Cluster>,
    /// Inputs read with a problem (e.g. invalid UTF-8 decoded lossily).
    pub warnings: Vec<Error>,
    /// Inputs (or lines of inputs) skipped.
    pub errors: Vec<Error>,
}

/// The library's entry point.
///
/// ```
/// use corroborate::{Cluster, Config, Corroborate, Document};
/// use corroborate::render::Format;
///
/// let corroborate = Corroborate::new(Config::default());
/// let cluster = Cluster {
///     id: "storm".into(),
///     docs: vec![
///         Document::from_text("a", "Storm hits coast\n\nA storm hit the coast on Monday. Ten homes were damaged, officials said."),
///         Document::from_text("b", "Coastal storm\n\nThe storm damaged ten homes on Monday, officials said. Repairs begin soon."),
///     ],
///     ..Cluster::default()
/// };
/// let prepared = corroborate.prepare(cluster);
/// let summary = corroborate.summarize(&prepared);
/// assert!(!summary.sentences.is_empty());
/// let brief = corroborate.brief(&prepared);
/// let json = corroborate.render(Format::Json, &brief, &prepared);
/// let value: serde_json::Value = serde_json::from_str(&json).unwrap();
/// assert_eq!(value["sources"].as_array().unwrap().len(), 2);
/// ```
#[derive(Debug, Default)]
pub struct Corroborate {
    config: Config,
    pipeline: Pipeline,
}

impl Corroborate {
    /// An entry point with these settings.
    pub fn new(config: Config) -> Self {
        let mut pipeline = Pipeline::default();
        pipeline.cleaner.keep_all = config.keep_all_lines;
        Corroborate { config, pipeline }
    }

    /// The settings.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Read files, directories (walked in sorted order) or `-` (standard input) into
    /// clusters. A bad input is reported in [`Inputs::errors`] and the others are still read.
    pub fn read(&self, inputs: &[String]) -> Inputs {
        let options = IngestOptions {
            max_bytes: self.config.max_input_bytes,
        };
        into_clusters(read_inputs(inputs, &options), inputs)
    }

    /// Clean and split a cluster: the input of every later stage.
    pub fn prepare(&self, cluster: Cluster) -> PreparedCluster {
        self.pipeline.prepare(cluster)
    }

    /// The summary of the configured method and budget.
    pub fn summarize(&self, prepared: &PreparedCluster) -> Summary {
        self.pipeline
            .summarize(prepared, self.config.brief.method, self.config.brief.budget)
    }

    /// Quotes, numbers, entities and the timeline of a cluster.
    pub fn analyze(&self, prepared: &PreparedCluster) -> Analysis {
        crate::analyze::analyze(prepared)
    }

    /// The brief: the summary with each sentence's supporting sources, and the analysis.
    pub fn brief(&self, prepared: &PreparedCluster) -> Brief {
        build_brief(prepared, &self.config.brief)
    }

    /// A brief in one output format.
    pub fn render(&self, format: Format, brief: &Brief, prepared: &PreparedCluster) -> String {
        crate::render::render(format, brief, prepared)
    }

    /// A brief as JSON on one line (no trailing newline), as JSON Lines of several briefs
    /// hold it.
    pub fn render_json_line(&self, brief: &Brief) -> String {
        crate::render::json::render(brief, false)
    }

    /// A summary of `prepared` in one output format, ending with a newline (nothing for an
    /// empty summary in text format).
    pub fn render_summary(
        &self,
        format: SummaryFormat,
        summary: &Summary,
        prepared: &PreparedCluster,
    ) -> String {
        crate::render::render_summary(format, prepared, summary, self.config.brief.budget)
    }

    /// The complete, uncapped analysis of a cluster (the `analyze --json` record).
    pub fn report(&self, prepared: &PreparedCluster) -> ClusterReport {
        report(prepared, &self.config.brief.support)
    }

    /// What cleaning keeps and removes of each document, in order (a cluster's documents are
    /// cleaned together: lines repeated across them are furniture).
    pub fn clean(&self, docs: &[Document]) -> Vec<CleanedDocument> {
        self.pipeline.cleaner.clean_cluster(docs)
    }

    /// The cleaning of `doc` as one JSON object (keys sorted): id, origin, page metadata, the
    /// kept text and blocks, the removed lines with line number, byte span, reason and detail.
    pub fn cleaning_json(&self, doc: &Document, cleaned: &CleanedDocument) -> serde_json::Value {
        crate::render::cleaning_json(doc, cleaned)
    }

    /// Why each line of `doc` was removed, one line per removal: document id, 1-based line
    /// number, reason, the line's text (quoted) and the detail.
    pub fn explain_removals(&self, doc: &Document, cleaned: &CleanedDocument) -> Vec<String> {
        crate::render::removal_lines(doc, cleaned)
    }

    /// The story of `doc` as Markdown, ending with a newline: an HTML file is read again for
    /// its headings, lists, tables and quotes; other inputs keep their paragraphs.
    pub fn cleaned_markdown(&self, doc: &Document, cleaned: &CleanedDocument) -> String {
        crate::render::cleaned_markdown(doc, cleaned)
    }

    /// Sentence `i` of `prepared` as one JSON object (keys sorted): cluster and document id,
    /// the sentence's position in its document, its byte span in the document text, whether
    /// it is a heading, and its text.
    pub fn sentence_json(&self, prepared: &PreparedCluster, i: usize) -> serde_json::Value {
        let s = &prepared.sentences[i];
        serde_json::json!({
            "cluster": prepared.id,
            "doc": prepared.docs[s.doc].id,
            "sentence": s.position,
            "start": s.span.start,
            "end": s.span.end,
            "heading": s.heading,
            "text": prepared.text(i),
        })
    }

    /// What is new in `new` (prepared) for a reader of `seen` (e.g. as split by
    /// [`split_since`](crate::analyze::whats_new::split_since)): the new sources, the new
    /// facts (an update summary by the configured method, within the configured budget but
    /// at most 100 words), and the figures the new articles revise. `undated` counts the new
    /// articles without a date.
    pub fn whats_new(
        &self,
        new: &PreparedCluster,
        seen: Vec<Document>,
        undated: usize,
    ) -> WhatsNew {
        let budget = match self.config.brief.budget {
            Budget::Words(n) => Budget::Words(n.min(100)),
            other => other,
        };
        crate::analyze::whats_new::whats_new(
            &self.pipeline,
            new,
            seen,
            undated,
            self.config.brief.method,
            budget,
        )
    }

    /// Why the summary of `prepared` by the configured method and budget selected no
    /// sentence, in words for a reader.
    pub fn why_no_summary(&self, prepared: &PreparedCluster) -> String {
        let (method, budget) = (self.config.brief.method, self.config.brief.budget);
        // By name: the oracle method exists only with the `eval` feature.
        if method.name() == "oracle" && prepared.refs.is_empty() {
            return "--method oracle needs reference summaries (cluster JSONL with references), \
                    and this input has none"
                .to_string();
        }
        if let Some(why) = Self::why_no_sentences(prepared) {
            return why;
        }
        if let Budget::Words(words) = budget {
            let shortest = prepared.sentences.iter().map(|s| s.words).min();
            if shortest.is_some_and(|w| w > words) {
                return format!(
                    "every sentence is longer than the budget of {words} words (the shortest has \
                     {} words: text without sentence punctuation reads as one sentence)",
                    shortest.unwrap_or(0)
                );
            }
        }
        format!("the {} method selected no sentence", method.name())
    }

    /// Why `prepared` has no sentence with words, or `None` when it has one.
    pub fn why_no_sentences(prepared: &PreparedCluster) -> Option<String> {
        if prepared.sentences.iter().any(|s| s.words > 0) {
            return None;
        }
        let kept: usize = prepared
            .cleaned
            .iter()
            .zip(&prepared.docs)
            .map(|(c, d)| c.text(d).trim().len())
            .sum();
        Some(if kept == 0 {
            "no story text is left once page furniture is removed (too short, only symbols or \
             emoji, or all navigation and boilerplate)"
                .to_string()
        } else {
            "the text has no words to make sentences of (only symbols, emoji or numbers?)"
                .to_string()
        })
    }
}

/// Clusters of what ingest read: cluster-format inputs as they are, the loose articles
/// together as one more cluster, first, under an id no other cluster has. That id (and, when
/// no document has a title, the brief's heading) is the one loose document's id (its file
/// stem), else the one input's file stem (`inputs` as given to [`read_inputs`]), else `input`.
pub fn into_clusters<S: AsRef<str>>(ingested: Ingested, inputs: &[S]) -> Inputs {
    let Ingested {
        documents,
        mut clusters,
        warnings,
        errors,
    } = ingested;
    if !documents.is_empty() {
        let taken: std::collections::BTreeSet<&str> =
            clusters.iter().map(|c| c.id.as_str()).collect();
        let base = loose_cluster_id(inputs, &documents);
        let mut id = base.clone();
        let mut k = 2;
        while taken.contains(id.as_str()) {
            id = format!("{base}-{k}");
            k += 1;
        }
        clusters.insert(
            0,
            Cluster {
                id,
                docs: documents,
                ..Cluster::default()
            },
        );
    }
    Inputs {
        clusters,
        warnings,
        errors,
    }
}

/// The base id of the loose articles' cluster (see [`into_clusters`]).
fn loose_cluster_id<S: AsRef<str>>(inputs: &[S], documents: &[Document]) -> String {
    if let [doc] = documents {
        return doc.id.clone();
    }
    if let [input] = inputs {
        let input = input.as_ref();
        let stem = std::path::Path::new(input.trim_end_matches('/'))
            .file_stem()
            .and_then(|s| s.to_str())
            .filter(|s| !s.is_empty() && input != "-");
        if let Some(stem) = stem {
            return stem.to_string();
        }
    }
    "input".to_string()
}
