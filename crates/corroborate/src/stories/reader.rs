//! Reading a stream of articles: article JSONL (one article per line, as the story-grouping
//! sets are written, with `gold` kept for evaluation), cluster JSONL (documents flattened),
//! and everything [`crate::ingest::read_inputs`] reads (text, HTML, directories). Lines,
//! sizes and bad lines follow the one policy of the ingest reader (`ingest::jsonl`).

use crate::document::Document;
use crate::error::Error;
use crate::ingest::{decode, jsonl, read_inputs, IngestOptions};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct RawArticle {
    #[serde(default, alias = "id")]
    doc_id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    text: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default, alias = "published")]
    date: Option<String>,
    #[serde(default)]
    gold: Option<serde_json::Value>,
    #[serde(default)]
    docs: Option<Vec<RawArticle>>,
}

fn value_string(v: serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s),
        other => Some(other.to_string()),
    }
}

/// Articles read from inputs, with the problems met.
#[derive(Debug, Default)]
pub struct StoryInputs {
    /// Articles in input order.
    pub articles: Vec<Document>,
    /// Problems that did not stop reading (lossy UTF-8).
    pub warnings: Vec<Error>,
    /// Inputs, or lines of them, that could not be read and were skipped.
    pub errors: Vec<Error>,
}

/// Read every input in order. JSON-lines files are read here (article or cluster lines);
/// other files and directories go through [`read_inputs`].
pub fn read_story_inputs(inputs: &[String]) -> StoryInputs {
    let mut out = StoryInputs::default();
    for input in inputs {
        let path = Path::new(input);
        if input != "-" && path.is_file() && starts_with_brace(path) {
            let read = jsonl::read_file(path, IngestOptions::default().max_bytes)
                .and_then(|bytes| decode(input, &bytes, &mut out.warnings));
            match read {
                Ok(text) => parse_article_lines(input, &text, &mut out),
                Err(e) => out.errors.push(e),
            }
            continue;
        }
        let ingested = read_inputs(std::slice::from_ref(input), &IngestOptions::default());
        out.articles.extend(ingested.documents);
        for cluster in ingested.clusters {
            out.articles.extend(cluster.docs);
        }
        out.warnings.extend(ingested.warnings);
        out.errors.extend(ingested.errors);
    }
    out
}

fn starts_with_brace(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 256];
    let Ok(mut f) = std::fs::File::open(path) else {
        return false;
    };
    let n = f.read(&mut head).unwrap_or(0);
    head[..n].iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

/// Parse JSON lines: an article per line (`doc_id`/`id`, `text`, optional `title`, `source`,
/// `date`/`published`, `gold`), or a cluster line (`docs`), whose documents are taken in order.
pub fn parse_article_lines(name: &str, text: &str, out: &mut StoryInputs) {
    for (line_no, line) in jsonl::lines(text) {
        let raw: RawArticle = match jsonl::parse_line(name, line_no, line) {
            Ok(r) => r,
            Err(e) => {
                out.errors.push(e);
                continue;
            }
        };
        if let Some(docs) = raw.docs {
            let cluster = raw
                .doc_id
                .and_then(value_string)
                .unwrap_or_else(|| format!("{name}:{line_no}"));
            for (j, d) in docs.into_iter().enumerate() {
                let fallback = format!("{cluster}/{j}");
                push_raw(d, fallback, name, line_no, out);
            }
            continue;
        }
        push_raw(raw, format!("{name}:{line_no}"), name, line_no, out);
    }
}

fn push_raw(
    raw: RawArticle,
    fallback_id: String,
    name: &str,
    line_no: usize,
    out: &mut StoryInputs,
) {
    let Some(text) = raw.text else {
        out.errors
            .push(jsonl::skipped(name, line_no, "missing field `text`"));
        return;
    };
    out.articles.push(Document {
        id: raw.doc_id.and_then(value_string).unwrap_or(fallback_id),
        title: raw.title,
        text,
        source: raw.source,
        published: raw.date,
        gold: raw.gold.and_then(value_string),
        ..Document::default()
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_article_and_cluster_lines() {
        let text = concat!(
            r#"{"doc_id": "a1", "gold": "s1", "date": "2020-01-02", "source": "Wire", "title": "T", "text": "Alpha."}"#,
            "\n\n",
            r#"{"id": 7, "text": "Beta.", "published": "2020-01-03"}"#,
            "\nnot json\n",
            r#"{"id": "c", "docs": [{"id": "d1", "text": "Gamma."}, {"text": "Delta."}]}"#,
            "\n",
            r#"{"doc_id": "x"}"#,
        );
        let mut out = StoryInputs::default();
        parse_article_lines("f.jsonl", text, &mut out);
        let ids: Vec<&str> = out.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a1", "7", "d1", "c/1"]);
        assert_eq!(out.articles[0].gold.as_deref(), Some("s1"));
        assert_eq!(out.articles[1].published.as_deref(), Some("2020-01-03"));
        assert_eq!(out.errors.len(), 2);
        assert_eq!(out.errors[0].line(), Some(4));
    }
}
