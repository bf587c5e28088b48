//! Article JSONL: one article per line, `{"id", "title", "text", "url", "source", "published"}`
//! with only `text` required. The story-grouping files' `doc_id` and `date` are accepted as
//! `id` and `published`.

use super::jsonl;
use crate::document::{Document, Origin};
use crate::error::Error;
use serde::Deserialize;

#[derive(Deserialize)]
struct RawArticle {
    #[serde(default, alias = "doc_id")]
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    text: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default, alias = "date")]
    published: Option<String>,
    #[serde(default)]
    gold: Option<serde_json::Value>,
}

/// Parse article JSONL. Each bad line becomes an error with its line number; the other lines
/// are still read. `stem` names documents without an id (`stem:line`).
pub fn parse_articles(name: &str, stem: &str, text: &str) -> (Vec<Document>, Vec<Error>) {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for (line_no, line) in jsonl::lines(text) {
        let raw: RawArticle = match jsonl::parse_line(name, line_no, line) {
            Ok(r) => r,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let id = match raw.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{stem}:{line_no}"),
        };
        docs.push(Document {
            id,
            title: raw.title.filter(|t| !t.trim().is_empty()),
            text: raw.text,
            source: raw.source,
            published: raw.published,
            gold: raw.gold.and_then(|g| match g {
                serde_json::Value::Null => None,
                serde_json::Value::String(s) => Some(s),
                other => Some(other.to_string()),
            }),
            origin: Origin {
                path: Some(name.to_string()),
                line: Some(line_no),
                url: raw.url,
                ..Origin::default()
            },
            ..Document::default()
        });
    }
    (docs, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_articles_and_reports_bad_lines() {
        let text = "{\"id\":\"a\",\"text\":\"One.\",\"url\":\"http://x.invalid/a\"}\n\
                    not json\n\
                    \n\
                    {\"doc_id\":7,\"date\":\"2020-01-02\",\"text\":\"Two.\",\"gold\":3}\n\
                    {\"title\":\"no text\"}\n\
                    {\"text\":\"Three.\"}\n";
        let (docs, errors) = parse_articles("in.jsonl", "in", text);
        let ids: Vec<_> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "7", "in:6"]);
        assert_eq!(docs[0].origin.url.as_deref(), Some("http://x.invalid/a"));
        assert_eq!(docs[1].published.as_deref(), Some("2020-01-02"));
        assert_eq!(docs[2].origin.line, Some(6));
        let lines: Vec<_> = errors.iter().map(|e| e.line()).collect();
        assert_eq!(lines, [Some(2), Some(5)]);
        assert!(errors[1].to_string().starts_with("in.jsonl:5: "));
    }
}
