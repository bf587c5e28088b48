//! Plain-text articles: one article per file, a headline-like first line becomes the title.

use crate::document::{Document, Origin};

/// Build a document from plain text. The text is kept whole (spans index it); a short first
/// line without final punctuation is taken as the title.
pub fn parse_plain_text(id: &str, text: &str, origin: Origin) -> Document {
    let first = text.trim_start().lines().next().unwrap_or("").trim();
    let headline_like = !first.is_empty()
        && first.split_whitespace().count() <= 25
        && !first.ends_with(['.', '!', '?', ':', ';', ',']);
    Document {
        id: id.to_string(),
        title: headline_like.then(|| first.to_string()),
        text: text.to_string(),
        origin,
        ..Document::default()
    }
}
