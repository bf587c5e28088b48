//! The shared cluster format: one JSON object per line with `docs` and `refs`.

use super::jsonl;
use crate::document::{Cluster, Document, Origin, Reference, Topic};
use crate::error::Error;
use serde::Deserialize;

#[derive(Deserialize)]
struct RawCluster {
    id: Option<serde_json::Value>,
    docs: Vec<RawDoc>,
    #[serde(default)]
    refs: Vec<Reference>,
    #[serde(default)]
    topic: Option<Topic>,
}

#[derive(Deserialize)]
struct RawDoc {
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    text: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

fn id_string(v: Option<serde_json::Value>, fallback: String) -> String {
    match v {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Null) | None => fallback,
        Some(other) => other.to_string(),
    }
}

/// Parse cluster-format JSONL text; bad lines become errors with their line number.
pub fn parse_clusters(name: &str, text: &str) -> (Vec<Cluster>, Vec<Error>) {
    let mut clusters = Vec::new();
    let mut errors = Vec::new();
    for (line_no, line) in jsonl::lines(text) {
        let raw: RawCluster = match jsonl::parse_line(name, line_no, line) {
            Ok(r) => r,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let id = id_string(raw.id, format!("{name}:{line_no}"));
        let docs = raw
            .docs
            .into_iter()
            .enumerate()
            .map(|(j, d)| Document {
                id: id_string(d.id, format!("{id}/{j}")),
                title: d.title,
                text: d.text,
                source: d.source,
                published: d.date,
                origin: Origin {
                    path: Some(name.to_string()),
                    line: Some(line_no),
                    url: d.url,
                    ..Origin::default()
                },
                ..Document::default()
            })
            .collect();
        clusters.push(Cluster {
            id,
            docs,
            refs: raw.refs,
            topic: raw.topic,
        });
    }
    (clusters, errors)
}

/// Read a cluster-format JSONL file, of at most the default
/// [`IngestOptions::max_bytes`](super::IngestOptions) bytes.
pub fn read_clusters(path: &std::path::Path) -> Result<(Vec<Cluster>, Vec<Error>), Error> {
    let name = path.display().to_string();
    let bytes = jsonl::read_file(path, super::IngestOptions::default().max_bytes)?;
    let mut warnings = Vec::new();
    let text = super::decode(&name, &bytes, &mut warnings)?;
    let (clusters, mut errors) = parse_clusters(&name, &text);
    errors.extend(warnings);
    Ok((clusters, errors))
}
