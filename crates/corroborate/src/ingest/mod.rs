//! Ingest: read articles and clusters from files, directories and standard input.
//!
//! Every input is read on its own: a bad input becomes an [`Error`] in
//! [`Ingested::errors`] while the others are still read.

mod cluster_jsonl;
mod html;
mod plain_text;

pub use cluster_jsonl::{parse_clusters, read_clusters};
pub use html::{html_metadata, looks_like_html, parse_html, PageMetadata};
pub use plain_text::parse_plain_text;

use crate::document::{Cluster, Document, Origin};
use crate::error::{Error, ErrorKind};
use std::path::Path;

/// What a set of inputs produced.
#[derive(Debug, Default)]
pub struct Ingested {
    /// Loose articles (text, HTML, article JSONL): the caller treats them as one cluster.
    pub documents: Vec<Document>,
    /// Ready-made clusters (the cluster JSONL format, Multi-News lines).
    pub clusters: Vec<Cluster>,
    /// Problems that did not stop the input from being read (lossy UTF-8, skipped lines).
    pub warnings: Vec<Error>,
    /// Inputs, or parts of them, that could not be read.
    pub errors: Vec<Error>,
}

/// Options for reading inputs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Largest input accepted, in bytes.
    pub max_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_bytes: 256 * 1024 * 1024,
        }
    }
}

/// Read every input (`-` is standard input); directories are walked in sorted order.
pub fn read_inputs(inputs: &[String], options: &IngestOptions) -> Ingested {
    let mut out = Ingested::default();
    for input in inputs {
        if input == "-" {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes) {
                out.errors
                    .push(Error::new(ErrorKind::Io, "-", format!("cannot read: {e}")));
                continue;
            }
            read_bytes("-", &bytes, &mut out);
            continue;
        }
        let path = Path::new(input);
        if path.is_dir() {
            read_dir(path, options, &mut out);
        } else {
            read_file(path, options, &mut out);
        }
    }
    out
}

fn read_dir(dir: &Path, options: &IngestOptions, out: &mut Ingested) {
    let name = dir.display().to_string();
    let mut entries: Vec<_> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            out.errors.push(Error::new(
                ErrorKind::Io,
                name,
                format!("cannot read directory: {e}"),
            ));
            return;
        }
    };
    entries.sort();
    let before = out.documents.len() + out.clusters.len();
    for path in entries {
        if path.is_dir() {
            read_dir(&path, options, out);
        } else if is_article_file(&path) {
            read_file(&path, options, out);
        }
    }
    if out.documents.len() + out.clusters.len() == before {
        out.errors.push(Error::new(
            ErrorKind::NoArticles,
            name,
            "directory holds no articles (.txt, .html, .htm, .jsonl, .json)",
        ));
    }
}

fn is_article_file(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(ext.as_str(), "txt" | "html" | "htm" | "jsonl" | "json")
}

fn read_file(path: &Path, options: &IngestOptions, out: &mut Ingested) {
    let name = path.display().to_string();
    match std::fs::metadata(path) {
        Ok(m) if m.len() > options.max_bytes => {
            out.errors.push(Error::new(
                ErrorKind::TooLarge,
                name,
                format!(
                    "{} bytes is over the limit of {}",
                    m.len(),
                    options.max_bytes
                ),
            ));
            return;
        }
        Ok(_) => {}
        Err(e) => {
            out.errors
                .push(Error::new(ErrorKind::Io, name, format!("cannot read: {e}")));
            return;
        }
    }
    match std::fs::read(path) {
        Ok(bytes) => read_bytes(&name, &bytes, out),
        Err(e) => out
            .errors
            .push(Error::new(ErrorKind::Io, name, format!("cannot read: {e}"))),
    }
}

/// Decode bytes as UTF-8, lossily, with a warning naming the input when bytes were replaced.
pub fn decode(name: &str, bytes: &[u8], warnings: &mut Vec<Error>) -> Result<String, Error> {
    if looks_binary(bytes) {
        return Err(Error::new(
            ErrorKind::Binary,
            name,
            "looks like binary data, not text",
        ));
    }
    match String::from_utf8(bytes.to_vec()) {
        Ok(s) => Ok(s),
        Err(_) => {
            warnings.push(Error::new(
                ErrorKind::Malformed,
                name,
                "invalid UTF-8; bad bytes were replaced with U+FFFD",
            ));
            Ok(String::from_utf8_lossy(bytes).into_owned())
        }
    }
}

fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    head.contains(&0)
}

fn read_bytes(name: &str, bytes: &[u8], out: &mut Ingested) {
    let text = match decode(name, bytes, &mut out.warnings) {
        Ok(t) => t,
        Err(e) => {
            out.errors.push(e);
            return;
        }
    };
    if text.trim().is_empty() {
        out.errors
            .push(Error::new(ErrorKind::Empty, name, "no text in input"));
        return;
    }
    let first = text.trim_start();
    if first.starts_with('{') {
        let (clusters, errors) = parse_clusters(name, &text);
        out.clusters.extend(clusters);
        out.errors.extend(errors);
        return;
    }
    let origin = Origin {
        path: Some(name.to_string()),
        ..Origin::default()
    };
    out.documents
        .push(parse_plain_text(&doc_id(name), &text, origin));
}

fn doc_id(name: &str) -> String {
    Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(name)
        .to_string()
}
