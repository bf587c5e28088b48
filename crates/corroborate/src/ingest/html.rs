//! HTML pages: the story text, headline, publication date and outlet of a news page.
//!
//! The page is parsed into a forgiving tree ([`dom`]), metadata is read from `<meta>`, JSON-LD
//! and `<time>` ([`metadata`]), and the story text is picked out by block scoring
//! ([`main_text`]). The text has one paragraph per line with blank lines between paragraphs.

mod dom;
mod main_text;
mod metadata;

pub use metadata::PageMetadata;

use crate::document::{Document, Origin};
use dom::Dom;

/// Extract the story text and metadata of an HTML page. Never fails: a page with no story
/// text gives a document with empty text.
pub fn parse_html(id: &str, html: &str, mut origin: Origin) -> Document {
    let dom = Dom::parse(html);
    let meta = metadata::read_metadata(&dom);
    let text = main_text::extract_main_text(&dom, meta.title.as_deref());
    if origin.url.is_none() {
        origin.url = meta.url.clone();
    }
    Document {
        id: id.to_string(),
        title: meta.title,
        text,
        source: meta.site_name,
        published: meta.published,
        origin,
    }
}

/// Read only the metadata of an HTML page.
pub fn html_metadata(html: &str) -> PageMetadata {
    metadata::read_metadata(&Dom::parse(html))
}

/// Whether text looks like an HTML page rather than plain text (for standard input and files
/// without a telling extension).
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<?xml")
    {
        return true;
    }
    const TAGS: &[&str] = &[
        "<head", "<body", "<div", "<p>", "<p ", "<meta", "<title", "<article", "<script", "<br",
    ];
    head.starts_with('<') && TAGS.iter().any(|t| head.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_html() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("  <html lang=en>"));
        assert!(looks_like_html("<div class=x><p>Hi</p></div>"));
        assert!(!looks_like_html(
            "Storm hits coast\n\nA storm <b>hit</b> the coast."
        ));
        assert!(!looks_like_html("<3 this story"));
    }

    #[test]
    fn document_from_page() {
        let html = r#"<html><head><title>Storm hits coast - Gazette</title>
            <meta property="article:published_time" content="2024-01-02"></head>
            <body><h1>Storm hits coast</h1><p>A storm hit the coast on Monday, damaging ten homes.</p>
            <p>Officials said repairs would begin soon, and roads would reopen.</p></body></html>"#;
        let doc = parse_html("a", html, Origin::default());
        assert_eq!(doc.title.as_deref(), Some("Storm hits coast"));
        assert_eq!(doc.published.as_deref(), Some("2024-01-02"));
        assert_eq!(
            doc.text,
            "A storm hit the coast on Monday, damaging ten homes.\n\n\
             Officials said repairs would begin soon, and roads would reopen."
        );
    }
}
