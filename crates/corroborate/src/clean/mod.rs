//! Clean: separate the story from page furniture, line by line, keeping spans into the text.

use crate::document::Document;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What a kept line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A headline or section heading (no sentence punctuation, short).
    Heading,
    /// A line of running story text.
    Paragraph,
}

/// A kept line of the story: a byte range into [`Document::text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Byte range of the line (without its line break) in the document text.
    pub span: Range<usize>,
    /// What the line is.
    pub kind: BlockKind,
}

/// Why a line was removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    /// Byte range of the removed line in the document text.
    pub span: Range<usize>,
    /// Short machine-readable reason (e.g. `repeated_line`, `furniture_pattern`).
    pub reason: String,
    /// Human explanation, as shown by `clean --explain`.
    pub detail: String,
}

/// The result of cleaning one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CleanedDocument {
    /// Kept lines, in text order.
    pub kept: Vec<Block>,
    /// Removed lines, in text order.
    pub removed: Vec<Removal>,
}

impl CleanedDocument {
    /// The kept text, lines joined by blank lines.
    pub fn text(&self, doc: &Document) -> String {
        let mut out = String::new();
        for (i, b) in self.kept.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            out.push_str(&doc.text[b.span.clone()]);
        }
        out
    }
}

/// Removes page furniture from the documents of one cluster.
#[derive(Debug, Clone, Default)]
pub struct Cleaner {}

impl Cleaner {
    /// Clean every document of a cluster (the cluster is context: lines repeated across
    /// unrelated positions, similarity to the other reports).
    pub fn clean_cluster(&self, docs: &[Document]) -> Vec<CleanedDocument> {
        docs.iter().map(|d| self.clean_document(d)).collect()
    }

    /// Clean one document on its own.
    pub fn clean_document(&self, doc: &Document) -> CleanedDocument {
        let mut out = CleanedDocument::default();
        for span in line_spans(&doc.text) {
            let line = &doc.text[span.clone()];
            let trimmed = line.trim();
            if trimmed.is_empty() {
                continue;
            }
            let start = span.start + (line.len() - line.trim_start().len());
            let end = start + trimmed.len();
            out.kept.push(Block {
                span: start..end,
                kind: BlockKind::Paragraph,
            });
        }
        out
    }
}

/// Byte ranges of the lines of `text`, without line terminators.
pub fn line_spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = 0;
    text.split_inclusive('\n').map(move |l| {
        let start = pos;
        pos += l.len();
        let body = l.strip_suffix('\n').unwrap_or(l);
        let body = body.strip_suffix('\r').unwrap_or(body);
        start..start + body.len()
    })
}
