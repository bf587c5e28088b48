//! The entry point: one [`Config`] and one [`Corroborate`] that reads inputs into clusters,
//! prepares, summarizes, analyzes, briefs and renders. Front ends (the CLI, a server, a
//! binding) need nothing else for the common paths.

use crate::analyze::brief::{build_brief, Brief, BriefConfig};
use crate::analyze::Analysis;
use crate::ingest::{read_inputs, IngestOptions, Ingested};
use crate::render::Format;
use crate::{Cluster, Document, Error, Pipeline, PreparedCluster, Summary};
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
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_input_bytes: IngestOptions::default().max_bytes,
            brief: BriefConfig::default(),
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
        Corroborate {
            config,
            pipeline: Pipeline::default(),
        }
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
