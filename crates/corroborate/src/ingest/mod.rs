//! Ingest: read articles and clusters from files, directories and standard input.
//!
//! Formats, one file each: plain text (`parse_plain_text`), HTML pages (`parse_html`),
//! article JSONL (`parse_articles`), cluster JSONL (`parse_clusters`) and Multi-News
//! lines (`parse_multi_news`). This module does the I/O and picks the format: by file
//! extension, then by content (standard input and unknown extensions).
//!
//! Every input is read on its own: a bad input, or a bad line of one, becomes an [`Error`] in
//! [`Ingested::errors`] while the rest is still read. Document ids are made unique within the
//! loose documents and within each cluster.

mod article_jsonl;
mod cluster_jsonl;
mod html;
pub(crate) mod jsonl;
mod multi_news;
mod plain_text;

internal_use!(article_jsonl::parse_articles);
pub use cluster_jsonl::read_clusters;
internal_use!(cluster_jsonl::parse_clusters);
internal_use!(html::{decode_declared_charset, story_markdown});
internal_use!(html::{
    detect_language, html_metadata, looks_like_html, parse_html,
    PageMetadata,
});
internal_use!(multi_news::{looks_like_multi_news, parse_multi_news});
internal_use!(plain_text::parse_plain_text);

use crate::document::{Cluster, Document, Origin};
use crate::error::{Error, ErrorKind};
use std::collections::HashSet;
use std::path::Path;

/// What a set of inputs produced.
#[derive(Debug, Default)]
pub struct Ingested {
    /// Loose articles (text, HTML, article JSONL): the caller treats them as one cluster.
    pub documents: Vec<Document>,
    /// Ready-made clusters (the cluster JSONL format, Multi-News lines).
    pub clusters: Vec<Cluster>,
    /// Problems that did not stop the input from being read (lossy UTF-8).
    pub warnings: Vec<Error>,
    /// Inputs, or parts of them (JSONL lines), that could not be read and were skipped.
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

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// One article of plain text.
    Text,
    /// One HTML page.
    Html,
    /// Article JSONL or cluster JSONL (told apart by the first record's keys).
    Json,
    /// Multi-News lines: one cluster per line, articles separated by `|||||`.
    MultiNews,
}

/// Extensions of files read when walking a directory.
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "src", "html", "htm", "jsonl", "json", "ndjson",
];

/// Read every input (`-` is standard input); directories are walked in sorted order.
pub fn read_inputs(inputs: &[String], options: &IngestOptions) -> Ingested {
    let mut out = Ingested::default();
    for input in inputs {
        if input == "-" {
            read_stdin(options, &mut out);
            continue;
        }
        let path = Path::new(input);
        if path.is_dir() {
            read_dir(path, options, &mut out);
        } else {
            read_file(path, options, &mut out);
        }
    }
    out.make_ids_unique();
    out
}

/// Read one input held in memory; `name` is its path (its extension picks the format) or `-`.
pub fn read_bytes(name: &str, bytes: &[u8]) -> Ingested {
    let mut out = Ingested::default();
    read_bytes_into(name, bytes, &mut out);
    out.make_ids_unique();
    out
}

fn read_stdin(options: &IngestOptions, out: &mut Ingested) {
    match jsonl::read_limited("-", std::io::stdin(), options.max_bytes) {
        Ok(bytes) => read_bytes_into("-", &bytes, out),
        Err(e) => out.errors.push(e),
    }
}

fn read_dir(dir: &Path, options: &IngestOptions, out: &mut Ingested) {
    let name = dir.display().to_string();
    let mut entries: Vec<_> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            out.errors.push(Error::io(name, "cannot read directory", e));
            return;
        }
    };
    entries.sort();
    let before = out.documents.len() + out.clusters.len();
    for path in entries {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        // Symlinked directories are not followed inside a walk, so a link cycle cannot loop.
        let is_link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        if path.is_dir() {
            if !is_link {
                read_dir(&path, options, out);
            }
        } else if has_article_extension(&path) {
            read_file(&path, options, out);
        }
    }
    if out.documents.len() + out.clusters.len() == before {
        out.errors.push(Error::new(
            ErrorKind::NoArticles,
            name,
            format!(
                "directory holds no readable articles (looked for .{})",
                ARTICLE_EXTENSIONS.join(", .")
            ),
        ));
    }
}

fn extension(name: &str) -> String {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn has_article_extension(path: &Path) -> bool {
    ARTICLE_EXTENSIONS.contains(&extension(&path.to_string_lossy()).as_str())
}

fn read_file(path: &Path, options: &IngestOptions, out: &mut Ingested) {
    match jsonl::read_file(path, options.max_bytes) {
        Ok(bytes) => read_bytes_into(&path.display().to_string(), &bytes, out),
        Err(e) => out.errors.push(e),
    }
}

/// Decode bytes as UTF-8, lossily, with a warning naming the input when bytes were replaced.
/// A UTF-8 byte-order mark is dropped. Binary data is an error.
pub fn decode(name: &str, bytes: &[u8], warnings: &mut Vec<Error>) -> Result<String, Error> {
    if looks_binary(bytes) {
        let what = file_kind(bytes).unwrap_or("binary data");
        return Err(Error::new(
            ErrorKind::Binary,
            name,
            format!("looks like {what}, not text"),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let bad = text.matches('\u{FFFD}').count();
            warnings.push(Error::new(
                ErrorKind::Malformed,
                name,
                format!("invalid UTF-8; {bad} bad byte sequence(s) replaced with U+FFFD"),
            ));
            Ok(text)
        }
    }
}

/// A document or image format that is not text, from its first bytes (a PDF or a picture
/// saved as `.html` holds no NUL byte near its start when its first stream is text).
fn file_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"PK\x03\x04", "a ZIP archive (or an office document)"),
        (b"\x1f\x8b", "gzip-compressed data"),
        (b"%!PS", "a PostScript document"),
        (b"{\\rtf", "an RTF document"),
    ];
    let webp = bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP";
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, what)| what)
        .or(webp.then_some("a WebP image"))
}

/// A known non-text format, NUL bytes, or many control characters, near the start.
fn looks_binary(bytes: &[u8]) -> bool {
    if file_kind(bytes).is_some() {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    control * 10 > head.len()
}

/// Pick the format from the name's extension, else from the content.
pub fn detect_format(name: &str, text: &str) -> InputFormat {
    match extension(name).as_str() {
        "html" | "htm" | "xhtml" => InputFormat::Html,
        "jsonl" | "json" | "ndjson" => InputFormat::Json,
        "txt" | "text" | "src" if looks_like_multi_news(text) => InputFormat::MultiNews,
        "txt" | "text" | "src" => InputFormat::Text,
        _ => sniff_format(text),
    }
}

/// Pick the format from content alone (standard input).
pub fn sniff_format(text: &str) -> InputFormat {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if looks_like_html(start) {
        InputFormat::Html
    } else if start.starts_with('{') || start.starts_with('[') {
        InputFormat::Json
    } else if looks_like_multi_news(text) {
        InputFormat::MultiNews
    } else {
        InputFormat::Text
    }
}

fn doc_id(name: &str) -> String {
    if name == "-" {
        return "stdin".to_string();
    }
    Path::new(name)
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !s.is_empty())
        .unwrap_or(name)
        .to_string()
}

fn read_bytes_into(name: &str, bytes: &[u8], out: &mut Ingested) {
    // A page in a legacy charset is decoded as it declares; anything else lossily as UTF-8.
    let maybe_page = matches!(extension(name).as_str(), "html" | "htm" | "xhtml")
        || bytes.trim_ascii_start().starts_with(b"<");
    let utf8 = std::str::from_utf8(bytes);
    let declared = (maybe_page && utf8.is_err() && !looks_binary(bytes))
        .then(|| html::decode_page_charset(bytes))
        .flatten();
    let decoded: Result<std::borrow::Cow<'_, str>, Error> = match (declared, utf8) {
        (Some(page), _) => {
            if let Some(why) = page.guessed {
                out.warnings.push(Error::new(
                    ErrorKind::Malformed,
                    name,
                    format!("the page {why}"),
                ));
            }
            Ok(page.text.into())
        }
        // Valid UTF-8 is read in place, as `decode` would read it (validated once, not copied).
        (None, Ok(s)) if !looks_binary(bytes) => Ok(s.strip_prefix('\u{FEFF}').unwrap_or(s).into()),
        (None, _) => decode(name, bytes, &mut out.warnings).map(Into::into),
    };
    let text = match decoded {
        Ok(t) => t,
        Err(e) => {
            out.errors.push(e);
            return;
        }
    };
    if text.trim().is_empty() {
        out.errors.push(Error::new(
            ErrorKind::Empty,
            name,
            "empty input, no text to read",
        ));
        return;
    }
    let stem = doc_id(name);
    let origin = Origin {
        path: Some(name.to_string()),
        ..Origin::default()
    };
    match detect_format(name, &text) {
        InputFormat::Text => out.documents.push(parse_plain_text(&stem, &text, origin)),
        InputFormat::Html => {
            let doc = parse_html(&stem, &text, origin);
            if !doc.text.chars().any(char::is_alphanumeric) {
                out.errors.push(Error::new(
                    ErrorKind::Empty,
                    name,
                    format!(
                        "no story text found in the HTML page: {}",
                        html::empty_page_reason(&text)
                    ),
                ));
            } else {
                out.documents.push(doc);
            }
        }
        InputFormat::MultiNews => {
            let clusters = parse_multi_news(name, &stem, &text);
            if clusters.is_empty() {
                out.errors.push(Error::new(
                    ErrorKind::Empty,
                    name,
                    "no articles in the Multi-News lines",
                ));
            }
            out.clusters.extend(clusters);
        }
        InputFormat::Json => read_json(name, &stem, &text, out),
    }
}

/// Article or cluster JSONL, told apart by the first parseable record (`docs` -> clusters).
/// A single pretty-printed JSON object, or an array of records, is accepted too (an array's
/// records are numbered as lines 1, 2, ...).
fn read_json(name: &str, stem: &str, text: &str, out: &mut Ingested) {
    let records: std::borrow::Cow<'_, str> = match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Array(items)) => items
            .iter()
            .map(|v| v.to_string())
            .collect::<Vec<_>>()
            .join("\n")
            .into(),
        Ok(v @ serde_json::Value::Object(_)) => v.to_string().into(),
        _ => text.into(),
    };
    let clusters = records
        .lines()
        .find_map(|l| serde_json::from_str::<serde_json::Value>(l.trim()).ok())
        .is_some_and(|v| v.get("docs").is_some());
    if clusters {
        let (clusters, errors) = parse_clusters(name, &records);
        out.clusters.extend(clusters);
        out.errors.extend(errors);
    } else {
        let (docs, errors) = parse_articles(name, stem, &records);
        out.documents.extend(docs);
        out.errors.extend(errors);
    }
}

impl Ingested {
    /// Make document ids unique among the loose documents and within each cluster, and
    /// cluster ids unique among clusters: a repeated id gets `-2`, `-3`, ... in input order.
    pub fn make_ids_unique(&mut self) {
        unique_ids(self.documents.iter_mut().map(|d| &mut d.id));
        for c in &mut self.clusters {
            unique_ids(c.docs.iter_mut().map(|d| &mut d.id));
        }
        unique_ids(self.clusters.iter_mut().map(|c| &mut c.id));
    }
}

fn unique_ids<'a>(ids: impl Iterator<Item = &'a mut String>) {
    let ids: Vec<&mut String> = ids.collect();
    let mut taken: HashSet<String> = ids.iter().map(|s| s.to_string()).collect();
    let mut seen: HashSet<String> = HashSet::new();
    for id in ids {
        if seen.insert(id.clone()) {
            continue;
        }
        let mut k = 2;
        let fresh = loop {
            let candidate = format!("{id}-{k}");
            if !taken.contains(&candidate) {
                break candidate;
            }
            k += 1;
        };
        taken.insert(fresh.clone());
        seen.insert(fresh.clone());
        *id = fresh;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension_then_content() {
        assert_eq!(detect_format("a.html", "plain words"), InputFormat::Html);
        assert_eq!(detect_format("a.txt", "<html><body>"), InputFormat::Text);
        assert_eq!(detect_format("a.src", "x ||||| y"), InputFormat::MultiNews);
        assert_eq!(detect_format("-", "<!doctype html><p>x"), InputFormat::Html);
        assert_eq!(detect_format("-", "  {\"text\": \"x\"}"), InputFormat::Json);
        assert_eq!(detect_format("-", "a ||||| b\n"), InputFormat::MultiNews);
        assert_eq!(detect_format("-", "Headline\n\nBody."), InputFormat::Text);
    }

    #[test]
    fn json_kind_follows_first_parseable_record() {
        let clusters = "garbage\n{\"id\":\"c\",\"docs\":[{\"text\":\"x\"}]}\n";
        let got = read_bytes("c.jsonl", clusters.as_bytes());
        assert_eq!(got.clusters.len(), 1);
        assert_eq!(got.errors.len(), 1);
        let articles = "{\"text\":\"x\"}\n{\"docs\":[]}\n";
        let got = read_bytes("-", articles.as_bytes());
        assert_eq!(got.documents.len(), 1);
        assert_eq!(got.errors.len(), 1, "{:?}", got.errors);
    }

    #[test]
    fn pretty_printed_object_and_arrays() {
        let got = read_bytes("a.json", b"{\n  \"id\": \"p\",\n  \"text\": \"Body.\"\n}\n");
        assert_eq!(got.documents[0].id, "p");
        let got = read_bytes("a.json", br#"[{"text":"One."},{"text":"Two."}]"#);
        assert_eq!(got.documents.len(), 2);
    }

    #[test]
    fn duplicate_ids_get_suffixes_deterministically() {
        let mut ids = ["a", "a", "a-2", "b", "a"].map(String::from);
        unique_ids(ids.iter_mut());
        assert_eq!(ids, ["a", "a-3", "a-2", "b", "a-4"]);
    }

    #[test]
    fn invalid_utf8_is_decoded_with_a_warning() {
        let got = read_bytes("bad.txt", b"Caf\xe9 opens\n\nThe caf\xe9 opened today.");
        assert_eq!(got.documents.len(), 1);
        assert!(got.documents[0].text.contains('\u{FFFD}'));
        assert_eq!(got.warnings.len(), 1);
        assert!(got.warnings[0]
            .to_string()
            .starts_with("bad.txt: invalid UTF-8"));
    }

    #[test]
    fn binary_and_empty_inputs_are_errors() {
        assert_eq!(
            read_bytes("x.txt", b"\x00\x01\x02abc").errors[0].kind(),
            &ErrorKind::Binary
        );
        assert_eq!(
            read_bytes("x.txt", b" \n\t\n").errors[0].kind(),
            &ErrorKind::Empty
        );
        assert_eq!(
            read_bytes("x.html", b"<html><nav>Menu</nav></html>").errors[0].kind(),
            &ErrorKind::Empty
        );
        // A text-only PDF holds no NUL byte; its magic number still names it.
        let pdf = read_bytes(
            "x.html",
            b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n(The ferry) Tj\n",
        );
        assert_eq!(pdf.errors[0].kind(), &ErrorKind::Binary);
        assert!(pdf.errors[0].to_string().contains("a PDF document"));
        assert!(pdf.documents.is_empty());
    }
}
