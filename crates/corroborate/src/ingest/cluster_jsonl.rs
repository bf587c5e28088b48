//! The shared cluster format: one JSON object per line with `docs` and `refs`.

use crate::document::{Cluster, Document, Origin, Reference, Topic};
use crate::error::{Error, ErrorKind};
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
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawCluster = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                errors.push(Error::new(ErrorKind::Malformed, name, e.to_string()).at_line(line_no));
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

/// Read a cluster-format JSONL file.
pub fn read_clusters(path: &std::path::Path) -> Result<(Vec<Cluster>, Vec<Error>), Error> {
    let name = path.display().to_string();
    // A device or FIFO may never end (a dataset file has no size limit: sets can be large).
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(Error::new(
            ErrorKind::Io,
            name,
            "not a regular file (a device, FIFO or socket)",
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(name.clone(), "cannot read", e))?;
    let mut warnings = Vec::new();
    let text = super::decode(&name, &bytes, &mut warnings)?;
    let (clusters, mut errors) = parse_clusters(&name, &text);
    errors.extend(warnings);
    Ok((clusters, errors))
}
