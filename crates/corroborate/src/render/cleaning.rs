//! What cleaning kept and removed from a document, as JSON, Markdown or explanation lines.

use crate::clean::{BlockKind, CleanedDocument};
use crate::document::Document;

/// One JSON object describing the cleaning of `doc`: id, origin, page metadata, the kept
/// text and blocks, the removed lines (each with its 1-based line number, byte span, reason
/// and detail). Keys are sorted.
pub(crate) fn cleaning_json(doc: &Document, clean: &CleanedDocument) -> serde_json::Value {
    let lines = LineNumbers::new(&doc.text);
    serde_json::json!({
        "id": doc.id,
        "origin": doc.origin,
        "title": doc.title,
        "source": doc.source,
        "published": doc.published,
        "author": doc.author,
        "language": doc.language,
        "url": doc.origin.url,
        "text": clean.text(doc),
        "kept": clean.kept.iter().map(|b| serde_json::json!({
            "line": lines.of(b.span.start),
            "start": b.span.start,
            "end": b.span.end,
            "kind": match b.kind {
                BlockKind::Heading => "heading",
                BlockKind::Paragraph => "paragraph",
            },
        })).collect::<Vec<_>>(),
        "removed": clean.removed.iter().map(|r| serde_json::json!({
            "line": lines.of(r.span.start),
            "text": &doc.text[r.span.clone()],
            "start": r.span.start,
            "end": r.span.end,
            "reason": r.reason,
            "detail": r.detail,
        })).collect::<Vec<_>>(),
    })
}

/// One line per removal: document id, 1-based line number, reason, the line's text (quoted)
/// and the detail (`id:3: boilerplate: "Share this" (...)`).
pub(crate) fn removal_lines(doc: &Document, clean: &CleanedDocument) -> Vec<String> {
    let lines = LineNumbers::new(&doc.text);
    clean
        .removed
        .iter()
        .map(|r| {
            format!(
                "{}:{}: {}: {:?} ({})",
                doc.id,
                lines.of(r.span.start),
                r.reason,
                &doc.text[r.span.clone()],
                r.detail
            )
        })
        .collect()
}

/// The story as Markdown, ending with a newline: an HTML file is read again for its
/// structure (headings, lists, tables, quotes); other inputs (and standard input) keep their
/// paragraphs.
pub(crate) fn cleaned_markdown(doc: &Document, clean: &CleanedDocument) -> String {
    let text = clean.text(doc);
    let page = doc
        .origin
        .path
        .as_deref()
        .filter(|_| doc.origin.markup)
        .and_then(|p| std::fs::read(p).ok());
    match page {
        Some(bytes) => {
            let html = match String::from_utf8(bytes) {
                Ok(s) => s,
                Err(e) => crate::ingest::decode_declared_charset(e.as_bytes())
                    .unwrap_or_else(|| String::from_utf8_lossy(e.as_bytes()).into_owned()),
            };
            crate::ingest::story_markdown(&html, &text)
        }
        None => text + "\n",
    }
}

/// 1-based line numbers of byte offsets in a text.
struct LineNumbers {
    starts: Vec<usize>,
}

impl LineNumbers {
    fn new(text: &str) -> LineNumbers {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineNumbers { starts }
    }

    fn of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}
